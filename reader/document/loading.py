"""Opening a file (or pasted text) as a Document: checks that apply to every format, then the
format's own reader.

Every way a file can fail to open ends in one DocumentError whose message names the file and
says what to do; nothing else escapes, so the window, CLI and store need one except clause.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import BinaryIO

from reader.document.encoding import (
    declared_html_charset,
    decode_bytes,
    normalise_newlines,
    replace_lone_surrogates,
)
from reader.document.errors import DocumentError
from reader.document.metadata import front_matter
from reader.document.model import METADATA_TITLE, Block, Document, DocumentFormat, InlineSpan
from reader.document.plain_text import plain_text_blocks
from reader.document.sniffing import (
    format_for_extension,
    is_encrypted_office_file,
    is_web_archive,
    sniff_format,
    unsupported_kind,
)
from reader.document.titles import choose_title

MAX_FILE_BYTES = 50 * 1024 * 1024
FORMATS: tuple[DocumentFormat, ...] = ("text", "markdown", "html")
_OPENABLE = "Claim Reader opens .txt, .md, .html, .mhtml, .pdf and .docx files"


def load_document(path: str | Path, *, password: str | None = None) -> Document:
    """The document in a .txt, .md, .html, .mhtml, .pdf or .docx file (other names: the
    content decides). ``password`` opens a password-protected PDF."""
    path = Path(path)
    data = _read_bytes(path)
    if data.startswith(b"%PDF-") or (path.suffix.lower() == ".pdf" and b"%PDF-" in data[:1024]):
        return _pdf_document(data, path, password)
    if data.startswith(b"PK\x03\x04") and path.suffix.lower() in (".docx", ".docm"):
        from reader.document.docx import render_docx

        return _built_document(render_docx(data, path), "docx", path)
    if is_web_archive(path, data[:4096]):
        from reader.document.mhtml import html_of_web_archive

        return _document(html_of_web_archive(data, path), "html", "", str(path),
                         fallback_title=path.stem, path=path)
    if is_encrypted_office_file(data):
        raise DocumentError(
            path,
            f"Cannot open {path}: it is an Office document protected by a password, which "
            "Claim Reader cannot unlock. Open it in Word, remove the password (File > Info > "
            "Protect Document), save it as .docx and open that.",
        )
    kind = unsupported_kind(path, data[:16])
    if kind is not None:
        raise DocumentError(
            path,
            f"Cannot open {path}: it is {kind}. {_OPENABLE}; save the article in one of "
            "these formats and open that.",
        )
    if not data or data.isspace():
        raise _empty_error(path)
    document_format = format_for_extension(path)
    declared = declared_html_charset(data) if document_format in (None, "html") else None
    text = normalise_newlines(decode_bytes(data, path, declared=declared))
    if not text.strip():
        raise _empty_error(path)
    if document_format is None:
        document_format = sniff_format(text)
    return _document(text, document_format, "", str(path), fallback_title=path.stem, path=path)


def document_from_string(
    text: str,
    *,
    format: DocumentFormat = "text",
    title: str = "",
    source_path: str | None = None,
) -> Document:
    """A document from text already in memory (pasted into the window, or from a test).

    For "text" the Document's text is ``text`` with newlines normalised; lone surrogates,
    which no file can hold, become U+FFFD one for one so offsets are unchanged.
    """
    if format not in FORMATS:
        raise DocumentError(
            source_path, f"Cannot read the text as {format!r}: use text, markdown or html."
        )
    text = normalise_newlines(replace_lone_surrogates(text))
    if not text.strip():
        raise DocumentError(
            source_path,
            f"{_name(source_path)} is empty: there is nothing to read. Paste or type the "
            "article first.",
        )
    fallback = Path(source_path).stem if source_path else "Untitled"
    return _document(text, format, title, source_path, fallback_title=fallback, path=None)


def _document(
    text: str,
    document_format: DocumentFormat,
    title: str,
    source_path: str | None,
    *,
    fallback_title: str,
    path: Path | None,
) -> Document:
    spans: tuple[InlineSpan, ...] = ()
    declared_titles: tuple[str, ...] = ()
    metadata: dict[str, str] = {}
    if document_format == "text":
        # Front matter stays in a text file's text (offsets are the file's), outside any block.
        metadata, header = front_matter(text)
        blocks: tuple[Block, ...] = tuple(
            block for block in plain_text_blocks(text) if block.start >= header
        )
    elif document_format == "markdown":
        # Each reader is imported when a file needs it (markdown-it, lxml: ~40 ms together).
        from reader.document.markdown import render_markdown

        metadata, header = front_matter(text)
        text, blocks, spans = render_markdown(text[header:])
    else:
        from reader.document.html import render_html

        page = render_html(text)
        text, blocks, spans, declared_titles = page.text, page.blocks, page.spans, page.titles
        metadata = page.metadata
    if METADATA_TITLE in metadata and not declared_titles:
        declared_titles = (metadata[METADATA_TITLE],)
    if not blocks:
        where = path or source_path
        if where is None:
            raise DocumentError(
                None, "The text has no readable words, only markup. Paste the article's text."
            )
        what = "page" if document_format == "html" else "file"
        raise DocumentError(
            where,
            f"Cannot open {where}: the {what} has no readable text (only markup, scripts or "
            "styles). Choose the file that holds the article.",
        )
    title = title or choose_title(text, blocks, declared=declared_titles, fallback=fallback_title)
    return Document(
        text=text,
        blocks=blocks,
        title=title,
        format=document_format,
        spans=spans,
        source_path=source_path,
        metadata=dict(metadata),
    )


def _pdf_document(data: bytes, path: Path, password: str | None) -> Document:
    from reader.document.pdf import render_pdf

    return _built_document(render_pdf(data, path, password), "pdf", path)


def _built_document(rendered, document_format: DocumentFormat, path: Path) -> Document:
    """A Document from a reader that built its own text (PDF, Word)."""
    metadata = dict(rendered.metadata)
    title = choose_title(rendered.text, rendered.blocks,
                         declared=(metadata.get(METADATA_TITLE, ""),), fallback=path.stem)
    return Document(text=rendered.text, blocks=rendered.blocks, title=title,
                    format=document_format, spans=rendered.spans, source_path=str(path),
                    metadata=metadata, pages=getattr(rendered, "pages", ()))


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing what cannot or should not be read whole."""
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise DocumentError(
                path,
                f"Cannot open {path}: it is a folder. Choose a .txt, .md or .html file in it.",
            )
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError(
                path,
                f"Cannot open {path}: it is not a regular file. {_OPENABLE}; choose one of those.",
            )
        if info.st_size > MAX_FILE_BYTES:
            raise _oversized_error(path, info.st_size)
        with path.open("rb") as stream:
            data = _read_at_most(stream, info.st_size, MAX_FILE_BYTES + 1)
    except (FileNotFoundError, NotADirectoryError):
        raise DocumentError(
            path, f"Cannot open {path}: the file does not exist. Check the name and the folder."
        ) from None
    except PermissionError:
        raise DocumentError(
            path,
            f"Cannot open {path}: permission denied. Ask for read access, or copy the file to a "
            "folder of your own and open the copy.",
        ) from None
    except IsADirectoryError:
        raise DocumentError(
            path, f"Cannot open {path}: it is a folder. Choose a .txt, .md or .html file in it."
        ) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise DocumentError(
            path, f"Cannot open {path}: {reason}. Check that the file is still there and readable."
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise _oversized_error(path, len(data))
    return data


def _read_at_most(stream: BinaryIO, expected: int, limit: int) -> bytes:
    """Up to ``limit`` bytes. Sized by the file's reported size, so a small file does not cost
    a limit-sized buffer; a file that grew since stat() is read on in chunks."""
    data = stream.read(min(expected + 1, limit))
    if len(data) <= expected:
        return data
    chunks = [data]
    total = len(data)
    while total < limit:
        chunk = stream.read(min(1 << 20, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _oversized_error(path: Path, size: int) -> DocumentError:
    megabytes = size / (1024 * 1024)
    return DocumentError(
        path,
        f"Cannot open {path}: it is {megabytes:.1f} MB, more than the "
        f"{MAX_FILE_BYTES // (1024 * 1024)} MB limit. Save the article on its own in a smaller "
        "file and open that.",
    )


def _empty_error(path: Path) -> DocumentError:
    return DocumentError(
        path, f"Cannot open {path}: the file is empty. Choose the file that holds the article."
    )


def _name(path: Path | str | None) -> str:
    return str(path) if path is not None else "The text"
