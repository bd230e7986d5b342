"""Opening a file as a Document: checks that apply to every format, then the format's loader."""

from __future__ import annotations

from pathlib import Path

from reader.document.errors import DocumentError
from reader.document.model import Document

MAX_FILE_BYTES = 50 * 1024 * 1024


def load_document(path: str | Path) -> Document:
    """Temporary loader (UTF-8 text only) until the real loaders land."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError(path, f"{path} does not exist. Check the name and folder.") from None
    except PermissionError:
        raise DocumentError(path, f"{path} cannot be read: permission denied.") from None
    except IsADirectoryError:
        raise DocumentError(path, f"{path} is a folder, not a file.") from None
    if not data.strip():
        raise DocumentError(path, f"{path} is empty: there is nothing to read.")
    if b"\x00" in data[:8192]:
        raise DocumentError(path, f"{path} looks like a binary file, not an article.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError(path, f"{path} is not UTF-8 text.") from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document.from_plain_text(text, title=path.stem, source_path=str(path))
