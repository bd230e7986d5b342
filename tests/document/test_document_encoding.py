"""Every encoding a newsroom file arrives in decodes to the same text, newlines normalised."""

from __future__ import annotations

from pathlib import Path

import pytest
from document_invariants import assert_well_formed

from reader.document import DocumentError, load_document
from reader.document.encoding import decode_bytes, normalise_newlines

# The UTF-8 file is the reference: the other files hold the same article in other encodings.
SAME_ARTICLE = ["utf8_bom.txt", "utf16_le_bom.txt", "utf16_be_bom.txt", "crlf.txt"]


@pytest.mark.parametrize("name", SAME_ARTICLE)
def test_every_unicode_encoding_reads_as_the_utf8_text(fixtures: Path, name: str) -> None:
    reference = load_document(fixtures / "utf8.txt")
    document = load_document(fixtures / name)
    assert document.text == reference.text
    assert document.blocks == reference.blocks
    assert document.sha256 == reference.sha256
    assert_well_formed(document)


def test_text_equals_the_decoded_file_with_only_newlines_normalised(fixtures: Path) -> None:
    raw = (fixtures / "crlf.txt").read_bytes()
    assert b"\r\n" in raw
    document = load_document(fixtures / "crlf.txt")
    assert document.text == raw.decode("utf-8").replace("\r\n", "\n")
    assert "\r" not in document.text


def test_byte_order_mark_is_not_part_of_the_text(fixtures: Path) -> None:
    document = load_document(fixtures / "utf8_bom.txt")
    assert not document.text.startswith("\ufeff")
    assert document.text.startswith("Ferry timetable")


def test_legacy_cp1252_file_reads_its_accents_and_typography(fixtures: Path) -> None:
    document = load_document(fixtures / "cp1252.txt")
    assert "Fermeture du marché de Noël" in document.text
    assert "« Nous n’avons pas le choix »" in document.text  # ’ is byte 0x92 in cp1252
    assert "12 000 €" in document.text  # € is byte 0x80
    assert "– un coût" in document.text
    assert document.title == "Fermeture du marché de Noël"


def test_legacy_latin1_file_reads_its_accents(fixtures: Path) -> None:
    document = load_document(fixtures / "latin1.txt")
    assert document.title == "Straßenfest abgesagt"
    assert "über 300 Helfer" in document.text
    assert "Müllabfuhr" in document.text


def test_emoji_and_combining_accents_are_code_points(fixtures: Path) -> None:
    raw = (fixtures / "emoji_combining.txt").read_bytes().decode("utf-8")
    document = load_document(fixtures / "emoji_combining.txt")
    assert document.text == raw
    start = document.text.index("4,500")
    assert raw[start : start + 5] == "4,500"  # offsets count code points, not bytes
    assert "Jose\u0301" in document.text and "José" in document.text  # not normalised (NFC)
    for block in document.blocks:
        assert document.block_text(block) == raw[block.start : block.end]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("a\r\nb", "a\nb"), ("a\rb", "a\nb"), ("a\r\r\nb", "a\n\nb"), ("a\n\rb", "a\n\nb")],
)
def test_newline_normalisation(raw: str, expected: str) -> None:
    assert normalise_newlines(raw) == expected


def test_utf16_with_damaged_bytes_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "damaged.txt"
    path.write_bytes(b"\xff\xfe" + "Intact start".encode("utf-16-le") + b"\x00\xd8")
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    assert str(path) in caught.value.message
    assert "UTF-16" in caught.value.message and "UTF-8" in caught.value.message


def test_declared_charset_is_used_when_utf8_fails() -> None:
    data = "<meta charset='windows-1251'><p>Міністр сказав</p>".encode("cp1251")
    assert "Міністр сказав" in decode_bytes(data, "page.html", declared="windows-1251")


def test_utf8_wins_over_a_wrong_declaration() -> None:
    data = "<meta charset='iso-8859-1'><p>Zoë said “yes”</p>".encode()
    assert "Zoë said “yes”" in decode_bytes(data, "page.html", declared="iso-8859-1")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(fixtures: Path, tmp_path: Path, codec: str) -> None:
    reference = load_document(fixtures / "utf8.txt")
    path = tmp_path / "no-bom.txt"
    path.write_bytes(reference.text.encode(codec))
    assert load_document(path).text == reference.text
