"""A Word document (.docx) as the article's blocks, read with python-docx (MIT).

The body is read in order: paragraphs (a "Heading n" or "Title" style is a heading, a
numbered or bulleted paragraph a list item at its level), tables (a row per block, its cells
separated by " | "), and footnotes at the end under "Notes", each reference marked "[n]" where
it stands. Tracked changes are read as accepted: inserted text is kept, deleted and
moved-away text is not. Comments are not article text.

Bounds: a .docx is a ZIP archive, and python-docx unpacks every part into memory, so the
archive is checked first: at most MAX_UNPACKED_BYTES unpacked, MAX_PARTS parts, and no part
packed more than MAX_RATIO times (a "zip bomb" gives itself away by its declared sizes).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from reader.document.errors import DocumentError
from reader.document.model import Block, BlockKind, InlineSpan
from reader.document.rendering import TextBuilder

MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_PARTS = 5000
MAX_RATIO = 200
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(?:heading|überschrift|titre|título|titolo|kop)\s*(\d)$",
                            re.IGNORECASE)
_SKIPPED = {f"{_W}del", f"{_W}moveFrom", f"{_W}delText", f"{_W}instrText", f"{_W}commentReference"}


@dataclass(frozen=True, slots=True)
class RenderedDocx:
    text: str
    blocks: tuple[Block, ...]
    spans: tuple[InlineSpan, ...]
    metadata: dict[str, str] = field(default_factory=dict)


def render_docx(data: bytes, path: Path) -> RenderedDocx:
    _check_archive(data, path)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, OSError) as error:
        raise DocumentError(path, f"Cannot open {path}: it is not a Word document that can be "
                                  f"read ({_reason(error)}). Save it again from Word as .docx "
                                  "and open that.") from None
    except Exception as error:  # lxml's XMLSyntaxError and python-docx's own errors
        raise DocumentError(path, f"Cannot open {path}: the Word document is damaged "
                                  f"({_reason(error)}). Save it again from Word and open "
                                  "that.") from None
    builder = TextBuilder()
    notes = _footnotes(document)
    cited: list[str] = []
    style_names = {style.style_id: style.name or style.style_id for style in document.styles}
    for element in document.element.body.iterchildren():
        if element.tag == f"{_W}p":
            _paragraph(style_names, element, builder, notes, cited)
        elif element.tag == f"{_W}tbl":
            _table(element, builder)
    if cited:
        builder.break_block("heading", 2)
        builder.write("Notes")
        for number, note_id in enumerate(cited, 1):
            builder.break_block("paragraph")
            builder.write(f"[{number}] {notes[note_id]}")
        builder.break_block()
    text, blocks, spans = builder.finish()
    if not blocks:
        raise DocumentError(path, f"Cannot open {path}: the Word document has no text. "
                                  "Choose the file that holds the article.")
    return RenderedDocx(text, blocks, spans, _core_metadata(document))


def _reason(error: Exception) -> str:
    return str(error).splitlines()[0][:120] if str(error) else type(error).__name__


def _check_archive(data: bytes, path: Path) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise DocumentError(path, f"Cannot open {path}: the Word document is damaged (not a "
                                  "readable ZIP archive). Save it again from Word and open "
                                  "that.") from None
    unpacked = sum(entry.file_size for entry in entries)
    suspicious = any(entry.file_size > MAX_RATIO * max(entry.compress_size, 1)
                     and entry.file_size > 1024 * 1024 for entry in entries)
    if len(entries) > MAX_PARTS or unpacked > MAX_UNPACKED_BYTES or suspicious:
        raise DocumentError(path, f"Cannot open {path}: it unpacks to {unpacked / 2**20:,.0f} MB "
                                  f"in {len(entries):,} parts, more than a Word document "
                                  "holds (the limit is "
                                  f"{MAX_UNPACKED_BYTES // 2**20} MB). It may be damaged "
                                  "or hostile; ask for the article as text or PDF.")
    if "word/document.xml" not in {entry.filename for entry in entries}:
        raise DocumentError(path, f"Cannot open {path}: it is a ZIP archive but not a Word "
                                  "document. Choose the .docx that holds the article.")


def _words(element) -> str:
    """The accepted text of a paragraph or table cell: inserted text in, deleted text out."""
    pieces: list[str] = []
    stack = [element]
    while stack:
        node = stack.pop()
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in _SKIPPED:
            continue
        if tag == f"{_W}t":
            pieces.append(node.text or "")
        elif tag in (f"{_W}tab", f"{_W}br", f"{_W}cr"):
            pieces.append(" ")
        elif tag == f"{_W}noBreakHyphen":
            pieces.append("-")
        elif tag == f"{_W}footnoteReference":
            pieces.append(f"\x00{node.get(f'{_W}id')}\x00")
        stack.extend(reversed(list(node)))
    return "".join(pieces)


def _paragraph(style_names: dict[str, str], element, builder: TextBuilder,
               notes: dict[str, str], cited: list[str]) -> None:
    text = _words(element)
    if "\x00" in text:  # footnote references become [n], numbered in order of citing
        parts = text.split("\x00")
        for index in range(1, len(parts), 2):
            note_id = parts[index]
            if note_id in notes:
                if note_id not in cited:
                    cited.append(note_id)
                parts[index] = f"[{cited.index(note_id) + 1}]"
            else:
                parts[index] = ""
        text = "".join(parts)
    if not text.strip():
        return
    kind, level = _kind(style_names, element)
    builder.break_block(kind, level)
    builder.write(text)
    builder.break_block()
    if kind != "list_item":
        builder.end_list()


def _kind(style_names: dict[str, str], element) -> tuple[BlockKind, int]:
    properties = element.find(f"{_W}pPr")
    style_id = ""
    if properties is not None:
        style = properties.find(f"{_W}pStyle")
        style_id = style.get(f"{_W}val", "") if style is not None else ""
        numbering = properties.find(f"{_W}numPr")
        if numbering is not None:
            level = numbering.find(f"{_W}ilvl")
            depth = int(level.get(f"{_W}val", "0")) if level is not None else 0
            return "list_item", min(depth, 8) + 1
        outline = properties.find(f"{_W}outlineLvl")
        if outline is not None and outline.get(f"{_W}val", "9").isdigit() \
                and int(outline.get(f"{_W}val")) < 6:
            return "heading", int(outline.get(f"{_W}val")) + 1
    name = style_names.get(style_id, style_id)
    if name.lower() in ("title",):
        return "heading", 1
    match = _HEADING_STYLE.match(name) or _HEADING_STYLE.match(style_id)
    if match:
        return "heading", min(max(int(match.group(1)), 1), 6)
    if name.lower().startswith(("list bullet", "list number", "list paragraph")):
        return "list_item", 1
    if name.lower() in ("quote", "intense quote", "block text"):
        return "block_quote", 0
    return "paragraph", 0


def _table(element, builder: TextBuilder) -> None:
    for row in element.iter(f"{_W}tr"):
        cells = [" ".join(_words(cell).split()) for cell in row.iterchildren(f"{_W}tc")]
        if any(cells):
            builder.break_block("paragraph")
            builder.write(" | ".join(cells))
            builder.break_block()


def _footnotes(document) -> dict[str, str]:
    """Footnote id -> its text (separators and continuation notices left out)."""
    from lxml import etree

    for part in document.part.package.iter_parts():
        if str(part.partname) == "/word/footnotes.xml":
            try:
                root = etree.fromstring(part.blob, etree.XMLParser(resolve_entities=False,
                                                                   no_network=True))
            except etree.XMLSyntaxError:
                return {}
            notes = {}
            for note in root.iter(f"{_W}footnote"):
                if note.get(f"{_W}type") in ("separator", "continuationSeparator",
                                             "continuationNotice"):
                    continue
                text = " ".join(_words(note).replace("\x00", " ").split())
                if text:
                    notes[note.get(f"{_W}id", "")] = text
            return notes
    return {}


def _core_metadata(document) -> dict[str, str]:
    """The title from the file's properties. Its author and dates are left out: they are
    the account that created the file and when, often not the article's author or date."""
    from reader.document.metadata import clean

    try:
        title = clean(document.core_properties.title)
    except Exception:  # damaged core properties cost the metadata, not the text
        return {}
    return {"title": title} if title else {}
