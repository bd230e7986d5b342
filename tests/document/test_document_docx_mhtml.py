"""Word documents and single-file web pages, and the hostile forms of each."""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest
from document_invariants import assert_well_formed, block_texts

from reader.document import DocumentError, load_document

ONE = "The harbour authority said the breakwater would cost about £18m to rebuild."
TWO = "Fishermen said they had warned about cracks in the wall since 2019."


def _word(path: Path) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = "Breakwater report"
    document.core_properties.author = "jsmith"  # the account, not the article's author
    document.add_heading("Breakwater to be rebuilt", level=1)
    document.add_paragraph(ONE)
    document.add_heading("What the work covers", level=2)
    document.add_paragraph("dredging the outer channel,", style="List Bullet")
    document.add_paragraph("repairing the north quay.", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    for row, values in zip(table.rows, (("Item", "Cost"), ("Wall", "£12m")), strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_paragraph(TWO)
    document.save(path)
    return path


def _rewrite(path: Path, name: str, change) -> None:
    """Edit one XML part of a .docx in place (Word's tracked changes and footnotes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == name:
                data = change(data.decode("utf-8")).encode("utf-8")
            target.writestr(item, data)
    path.write_bytes(buffer.getvalue())


def test_a_word_document_keeps_headings_lists_tables_and_paragraphs(tmp_path: Path) -> None:
    document = load_document(_word(tmp_path / "report.docx"))
    assert document.format == "docx"
    assert block_texts(document) == [
        ("heading", 1, "Breakwater to be rebuilt"),
        ("paragraph", 0, ONE),
        ("heading", 2, "What the work covers"),
        ("list_item", 1, "dredging the outer channel,"),
        ("list_item", 1, "repairing the north quay."),
        ("paragraph", 0, "Item | Cost"),
        ("paragraph", 0, "Wall | £12m"),
        ("paragraph", 0, TWO),
    ]
    assert document.title == "Breakwater report"
    assert document.metadata == {"title": "Breakwater report"}
    assert_well_formed(document)


def test_tracked_changes_are_read_as_accepted(tmp_path: Path) -> None:
    path = _word(tmp_path / "tracked.docx")
    w = 'w:id="1" w:author="Editor" w:date="2026-03-01T10:00:00Z"'
    _rewrite(path, "word/document.xml", lambda xml: xml.replace(
        "<w:t>" + TWO + "</w:t>",
        "<w:t>Fishermen said they had warned about cracks </w:t></w:r>"
        f"<w:del {w}><w:r><w:delText>in the harbour </w:delText></w:r></w:del>"
        f"<w:ins {w}><w:r><w:t>in the wall </w:t></w:r></w:ins><w:r><w:t>since 2019.</w:t>",
    ))
    text = load_document(path).text
    assert "Fishermen said they had warned about cracks in the wall since 2019." in text
    assert "harbour since" not in text


def test_footnotes_go_at_the_end_with_their_numbers(tmp_path: Path) -> None:
    path = _word(tmp_path / "notes.docx")
    _rewrite(path, "word/document.xml", lambda xml: xml.replace(
        "<w:t>" + ONE + "</w:t>",
        "<w:t>" + ONE + "</w:t></w:r><w:r><w:footnoteReference w:id=\"2\"/>"))
    footnotes = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:id="2"><w:p><w:r><w:t>Harbour board minutes, 3 March.'
        "</w:t></w:r></w:p></w:footnote></w:footnotes>"
    )
    buffer = io.BytesIO(path.read_bytes())
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("word/footnotes.xml", footnotes)
    path.write_bytes(buffer.getvalue())
    _rewrite(path, "word/_rels/document.xml.rels", lambda xml: xml.replace(
        "</Relationships>",
        '<Relationship Id="rIdNotes" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>'))
    _rewrite(path, "[Content_Types].xml", lambda xml: xml.replace(
        "</Types>",
        '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.wordprocessingml.footnotes+xml"/></Types>'))
    document = load_document(path)
    blocks = block_texts(document)
    assert ("paragraph", 0, ONE + "[1]") in blocks
    assert blocks[-2:] == [("heading", 2, "Notes"),
                           ("paragraph", 0, "[1] Harbour board minutes, 3 March.")]


def test_a_zip_bomb_named_docx_is_refused_before_unpacking(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    assert "more than a Word document holds" in caught.value.message


@pytest.mark.parametrize("content", [b"PK\x03\x04" + b"\x01" * 100, b"not a zip at all"])
def test_a_damaged_word_document_is_a_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "damaged.docx"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    assert str(path) in caught.value.message and "\n" not in caught.value.message


def test_a_zip_that_is_not_word_is_said_so(tmp_path: Path) -> None:
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "not word")
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    assert "not a Word document" in caught.value.message


def _web_archive(html: str, charset: str = "utf-8") -> bytes:
    message = EmailMessage()
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = "https://courier.example/ferry"
    message["Subject"] = "Ferry fares"
    message.make_related()
    message.add_related(html.encode(charset), "text", "html", cte="quoted-printable",
                        params={"charset": charset})
    message.add_related(b"\x89PNG\r\n\x1a\n" + b"\0" * 50, "image", "png",
                        headers=["Content-Location: https://courier.example/a.png"])
    return bytes(message)


PAGE = (
    "<html><head><title>Ferry fares to rise | Island Courier</title>"
    '<link rel="canonical" href="https://courier.example/ferry"></head><body><article>'
    "<h1>Ferry fares to rise</h1><p>The harbour board said fares would rise by 12 percent "
    "from April, the first increase since 2019, and that the café would close.</p>"
    "<p>Passengers said the timetable, not the fare, was the problem this winter.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize(("name", "charset"), [("ferry.mhtml", "utf-8"),
                                               ("ferry.mht", "windows-1252")])
def test_a_single_file_web_page_is_read_as_a_page(tmp_path: Path, name: str,
                                                  charset: str) -> None:
    path = tmp_path / name
    path.write_bytes(_web_archive(PAGE, charset))
    document = load_document(path)
    assert document.format == "html"
    assert block_texts(document)[0] == ("heading", 1, "Ferry fares to rise")
    assert "the café would close" in document.text
    assert document.metadata["url"] == "https://courier.example/ferry"
    assert "PNG" not in document.text
    assert_well_formed(document)


def test_a_web_archive_without_a_page_is_a_clear_error(tmp_path: Path) -> None:
    message = EmailMessage()
    message.make_related()
    message.add_related(b"\x89PNG", "image", "png")
    path = tmp_path / "images.mhtml"
    path.write_bytes(bytes(message))
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    assert "holds no HTML page" in caught.value.message


def test_a_password_protected_word_document_is_said_so(tmp_path: Path) -> None:
    # Written by Word's format (msoffcrypto-tool's OOXML encryption) around a one-line .docx
    # of original text; the password is "harbour".
    fixture = Path(__file__).parents[1] / "fixtures" / "documents" / "password-protected.docx"
    for name in ("locked.docx", "locked"):  # with its name, and with none
        path = tmp_path / name
        path.write_bytes(fixture.read_bytes())
        with pytest.raises(DocumentError) as caught:
            load_document(path)
        message = caught.value.message
        assert "protected by a password" in message and str(path) in message
        assert "save it as .docx" in message and "old" not in message


def test_an_old_word_document_is_still_told_to_become_a_docx(tmp_path: Path) -> None:
    path = tmp_path / "minutes.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
                     + "WordDocument".encode("utf-16-le") + b"\0" * 1024)
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    assert "old Word document" in caught.value.message or "old Office" in caught.value.message
    assert "password" not in caught.value.message
