"""Every file that cannot be opened gives one DocumentError naming the file and the way out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.document import MAX_FILE_BYTES, DocumentError, document_from_string, load_document


def _refusal(path: Path) -> str:
    with pytest.raises(DocumentError) as caught:
        load_document(path)
    error = caught.value
    assert error.path == path
    assert str(path) in error.message
    assert str(error) == error.message
    return error.message


def test_missing_file(tmp_path: Path) -> None:
    message = _refusal(tmp_path / "nowhere.txt")
    assert "does not exist" in message and "Check the name" in message


def test_missing_folder_in_the_path(tmp_path: Path) -> None:
    (tmp_path / "a-file.txt").write_text("text", encoding="utf-8")
    assert "does not exist" in _refusal(tmp_path / "a-file.txt" / "child.txt")


def test_folder(tmp_path: Path) -> None:
    folder = tmp_path / "articles.txt"
    folder.mkdir()
    assert "is a folder" in _refusal(folder)


def test_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Locked article.", encoding="utf-8")
    path.chmod(0)
    if os.access(path, os.R_OK):  # running as root: chmod cannot deny, so the OS is faked
        original_open = Path.open

        def denied(self: Path, *args: object, **kwargs: object):
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return original_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", denied)
    try:
        assert "permission denied" in _refusal(path)
    finally:
        path.chmod(0o644)


def test_fifo_is_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert "not a regular file" in _refusal(fifo)  # and the test does not hang on it


def test_empty_and_whitespace_only(fixtures: Path) -> None:
    assert "is empty" in _refusal(fixtures / "empty.txt")
    assert "is empty" in _refusal(fixtures / "whitespace_only.txt")


def test_utf16_bom_only_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "bom-only.txt"
    path.write_bytes(b"\xff\xfe")
    assert "is empty" in _refusal(path)


def test_binary(fixtures: Path, tmp_path: Path) -> None:
    assert "binary" in _refusal(fixtures / "binary.dat")
    renamed = tmp_path / "binary.txt"  # a .txt name does not make it text
    renamed.write_bytes((fixtures / "binary.dat").read_bytes())
    assert "binary" in _refusal(renamed)


def test_text_with_many_control_characters_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "controls.txt"
    path.write_bytes(b"word\x01\x02\x03\x04\x05 " * 50)
    assert "binary" in _refusal(path)


def test_unsupported_formats_say_what_the_file_is(fixtures: Path, tmp_path: Path) -> None:
    assert "the PDF is damaged or not a PDF" in _refusal(fixtures / "fake_pdf.txt")
    docx = tmp_path / "story.docx"
    docx.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    assert "Word document is damaged" in _refusal(docx)
    archive = tmp_path / "story.zip"
    archive.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    message = _refusal(archive)
    assert "ZIP archive" in message and ".txt, .md, .html, .mhtml, .pdf and .docx" in message
    word = tmp_path / "story.doc"
    word.write_text("plain words in a .doc name", encoding="utf-8")
    assert "old Word document (.doc); save it as .docx" in _refusal(word)


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    # Bytes that are neither UTF-8 nor any plausible single-byte article encoding.
    path.write_bytes(bytes(range(0x80, 0x100)) * 8)
    message = _refusal(path)
    assert "encoding Claim Reader does not recognise" in message and "UTF-8" in message


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as stream:  # sparse: costs no disk space or time
        stream.truncate(MAX_FILE_BYTES + 1)
    message = _refusal(path)
    assert "50 MB" in message and "smaller" in message


def test_file_of_exactly_the_limit_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "limit.txt"
    line = b"A line of an article that is repeated to reach the size limit.\n"
    count, rest = divmod(MAX_FILE_BYTES, len(line))
    path.write_bytes(line * count + b"x" * rest)
    document = load_document(path)
    assert len(document.text) == MAX_FILE_BYTES


def test_pasted_text_errors_are_document_errors() -> None:
    with pytest.raises(DocumentError) as caught:
        document_from_string("   \n\t ")
    assert "empty" in caught.value.message
    with pytest.raises(DocumentError):
        document_from_string("text", format="pdf")  # type: ignore[arg-type]
    with pytest.raises(DocumentError) as named:
        document_from_string("<script>x</script>", format="html", source_path="clip.html")
    assert "clip.html" in named.value.message
