"""Which format a file is in: its extension when it has a known one, else its content.

Also recognises the common files people mistake for articles (PDF, Word, images) by their first
bytes, so the message can say what the file is rather than only that it is binary.
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.document.model import DocumentFormat

FORMAT_BY_EXTENSION: dict[str, DocumentFormat] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
}

# Extensions that are surely not articles in a format we read, with what they are.
UNSUPPORTED_EXTENSIONS: dict[str, str] = {
    ".pdf": "a PDF document that is damaged or not a PDF",
    ".doc": "an old Word document (.doc); save it as .docx",
    ".docx": "a Word document that is damaged or not a .docx",
    ".odt": "an OpenDocument text",
    ".rtf": "an RTF document",
    ".epub": "an e-book",
    ".pages": "a Pages document",
    ".xls": "a spreadsheet",
    ".xlsx": "a spreadsheet",
    ".ods": "a spreadsheet",
    ".ppt": "a presentation",
    ".pptx": "a presentation",
    ".png": "an image",
    ".jpg": "an image",
    ".jpeg": "an image",
    ".gif": "an image",
    ".webp": "an image",
    ".mp3": "an audio file",
    ".mp4": "a video",
    ".zip": "a ZIP archive",
    ".webarchive": "a Safari web archive",
}

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a ZIP archive (a Word file must be named .docx; OpenDocument and e-book "
                    "files are ZIP archives too)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc); save it as .docx"),
    (b"{\\rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "an image"),
    (b"\xff\xd8\xff", "an image"),
    (b"GIF87a", "an image"),
    (b"GIF89a", "an image"),
    (b"\x1f\x8b", "a compressed (gzip) file"),
    (b"\x7fELF", "a program"),
)

_HTML_START = re.compile(
    r"\A(?:\ufeff)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(r"</?(?:p|div|article|h[1-6]|br|span|a\s[^>]*href)\b[^>]*>", re.IGNORECASE)
_MARKDOWN_LINES = re.compile(
    r"^(?:#{1,6}[ \t]+\S|```|~~~|>[ \t]?\S|[-*+][ \t]+\S|\d{1,9}[.)][ \t]+\S|(?:=+|-+)[ \t]*$)",
    re.MULTILINE,
)
_MARKDOWN_INLINE = re.compile(r"\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*|__[^_\n]+__|`[^`\n]+`")


WEB_ARCHIVE_EXTENSIONS = (".mhtml", ".mht")
_MIME_ARCHIVE = re.compile(rb"^MIME-Version:|Content-Type:\s*multipart/related",
                           re.IGNORECASE | re.MULTILINE)


def is_web_archive(path: Path, head: bytes) -> bool:
    """A single-file web page (.mhtml, .mht) as browsers save it: a MIME multipart message."""
    if path.suffix.lower() in WEB_ARCHIVE_EXTENSIONS:
        return True
    return path.suffix.lower() not in FORMAT_BY_EXTENSION and bool(_MIME_ARCHIVE.search(head)) \
        and b"multipart/related" in head.lower()


_COMPOUND_FILE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


def is_encrypted_office_file(data: bytes) -> bool:
    """A password-protected .docx (or .xlsx, .pptx): Office wraps the encrypted file in an old
    compound file holding an ``EncryptedPackage`` stream, so without this check it would be
    taken for an old .doc and the user told to save it as .docx, which it already is."""
    return data.startswith(_COMPOUND_FILE) and _ENCRYPTED_PACKAGE in data


def format_for_extension(path: Path) -> DocumentFormat | None:
    """The format the extension names, or None for a missing or unknown extension."""
    return FORMAT_BY_EXTENSION.get(path.suffix.lower())


def unsupported_kind(path: Path, head: bytes) -> str | None:
    """What the file is when it is a known non-article format ("a PDF document"), else None."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if path.suffix.lower() in FORMAT_BY_EXTENSION:
        return None
    return UNSUPPORTED_EXTENSIONS.get(path.suffix.lower())


def sniff_format(text: str) -> DocumentFormat:
    """Guess the format of decoded text whose name did not say.

    HTML needs a document-level start tag or several paragraph-level tags; Markdown needs at
    least two lines or inline marks of its own, so a plain article with one dash line stays text.
    """
    head = text[:65536]
    if _HTML_START.match(head) or len(_HTML_TAGS.findall(head, 0, 8192)) >= 3:
        return "html"
    markdown_marks = len(_MARKDOWN_LINES.findall(head)) + len(_MARKDOWN_INLINE.findall(head))
    if markdown_marks >= 2 and re.search(r"^#{1,6}[ \t]+\S|\]\(|\*\*|`", head, re.MULTILINE):
        return "markdown"
    return "text"
