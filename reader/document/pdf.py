"""A PDF's text layer as the article's paragraphs, read with pypdfium2 (PDFium; BSD/Apache).

PDFium gives each page's characters in content order, with a box for each, and marks line
ends; what a reader needs is paragraphs. So each page becomes lines with their boxes, and:
- lines that repeat in the top or bottom band of three pages or more (running headers and
  footers, page numbers: digits compare equal) are dropped;
- a page whose lines fall in two columns is read column by column, a full-width line (a
  title, a figure across both columns) closing the columns above it;
- lines are joined into paragraphs, which end at a wider gap than the page's line spacing, a
  first-line indent, a short line that ends a sentence, or a change of type size; a line in
  larger type than the body is a heading, a line opening with a bullet a list item; a
  paragraph runs on across columns and pages while it has not ended its sentence;
- a word hyphenated at a line end is joined again ("har-" + "bour").
Each block keeps the page it starts on (``Document.pages``).

Bounds: MAX_PAGES pages (a longer PDF is refused, with its page count, before any page is
read); the file is at most loading.MAX_FILE_BYTES; PDFium is given the bytes in memory and
each page is closed after it is read. Nothing is fetched: PDFium has no network code.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from statistics import median

from reader.document.errors import DocumentError
from reader.document.model import Block, BlockKind, InlineSpan
from reader.document.rendering import TextBuilder

MAX_PAGES = 1000
# Top and bottom share of a page where running headers and footers live.
_MARGIN_BAND = 0.08
_REPEATS_TO_DROP = 3
_BULLETS = "•◦▪‣●○■□–—*-"
_BULLET = re.compile(rf"^[{re.escape(_BULLETS)}]\s+")
_SENTENCE_END = re.compile(r"[.!?:;…\"”’)]\s*$")
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
# PDFium gives a hyphen it found at a line end as U+0002 or U+FFFE; some PDFs use a soft
# hyphen.
_LINE_END_HYPHENS = ("\x02", "\ufffe", "\xad", "-", "‐")


class PdfPasswordError(DocumentError):
    """The PDF needs a password to be opened (the window asks for it and tries again)."""


@dataclass(slots=True)
class _Line:
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    page_height: float
    column: int = 0  # 0: the page's only column, or spanning both; 1 left, 2 right

    @property
    def height(self) -> float:
        return self.top - self.bottom


@dataclass(frozen=True, slots=True)
class RenderedPdf:
    text: str
    blocks: tuple[Block, ...]
    spans: tuple[InlineSpan, ...]
    pages: tuple[int, ...]
    """The page (1-based) each block starts on."""
    title: str
    metadata: dict[str, str]


def render_pdf(data: bytes, path: Path | str | None, password: str | None = None) -> RenderedPdf:
    """The text of a PDF; DocumentError (PdfPasswordError for a password) when it cannot be
    read or has no text layer."""
    import pypdfium2 as pdfium

    name = str(path) if path is not None else "The PDF"
    try:
        document = pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as error:
        code = getattr(error, "err_code", None)
        if code == pdfium.raw.FPDF_ERR_PASSWORD:
            if password:
                raise PdfPasswordError(path, f"Cannot open {name}: the password is wrong. "
                                             "Type it again, as its sender gave it.") from None
            raise PdfPasswordError(path, f"Cannot open {name}: it is protected by a password. "
                                         "Open it in the window, which asks for the password, "
                                         "or save an unprotected copy.") from None
        if code == pdfium.raw.FPDF_ERR_SECURITY:
            raise DocumentError(path, f"Cannot open {name}: it is encrypted in a way Claim "
                                      "Reader cannot read. Save or print it to a new PDF "
                                      "and open that.") from None
        raise DocumentError(path, f"Cannot open {name}: the PDF is damaged or not a PDF. "
                                  "Download or export it again.") from None
    try:
        count = len(document)
        if count > MAX_PAGES:
            raise DocumentError(path, f"Cannot open {name}: it has {count:,} pages, more than "
                                      f"the {MAX_PAGES:,} Claim Reader reads. Extract the "
                                      "pages you are checking into a new PDF and open that.")
        pages = [_page_lines(document, index) for index in range(count)]
        info = _info(document)
    finally:
        document.close()
    if not any(line.text.strip() for page in pages for line in page):
        raise DocumentError(path, f"Cannot open {name}: this PDF has no text layer; run OCR "
                                  "first (it holds only pictures of pages), then open the "
                                  "result.")
    pages = _without_running_lines(pages)
    text, blocks, spans, block_pages = _paragraphs(pages)
    if not blocks:
        raise DocumentError(path, f"Cannot open {name}: this PDF has no text layer; run OCR "
                                  "first, then open the result.")
    return RenderedPdf(text, blocks, spans, block_pages, info.get("title", ""), info)


def _info(document) -> dict[str, str]:
    """Title and author from the PDF's information dictionary. Its dates are when the file
    was made, not when the article was published: left out."""
    from reader.document.metadata import clean

    try:
        values = document.get_metadata_dict(skip_empty=True)
    except Exception:  # a damaged information dictionary costs the metadata, not the text
        return {}
    found: dict[str, str] = {}
    title = clean(values.get("Title"))
    if title and not title.lower().startswith(("microsoft word - ", "untitled")):
        found["title"] = title
    author = clean(values.get("Author"))
    if author:
        found["author"] = author
    return found


def _page_lines(document, index: int) -> list[_Line]:
    """The page's lines, built from its characters' boxes: PDFium's own line ends are not
    reliable when two columns share a baseline (each character came out as its own line)."""
    page = document[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            lines = _lines_from_chars(textpage, index + 1, height)
        finally:
            textpage.close()
    finally:
        page.close()
    _assign_columns(lines, width)
    return lines


def _lines_from_chars(textpage, page: int, page_height: float) -> list[_Line]:
    text = textpage.get_text_range()
    if len(text) != textpage.count_chars():
        # Never seen; without the one-to-one mapping the boxes cannot be used.
        return [_Line(page, 0, 1, page_height, 0, line, page_height)
                for line in text.splitlines() if line.strip()]
    lines: list[_Line] = []
    parts: list[str] = []
    line: _Line | None = None
    space = False
    for index, char in enumerate(text):
        if char in "\r\n":  # PDFium's own line ends: the boxes decide
            continue
        if char.isspace():
            space = True
            continue
        left, bottom, right, top = textpage.get_charbox(index, loose=True)
        size = max(top - bottom, 1.0)
        if line is not None and right <= left and top <= bottom:
            parts.append(char)  # no box of its own (the second letter of a ligature)
            continue
        if line is not None:
            middle = (top + bottom) / 2
            same_row = line.bottom - 0.2 * size <= middle <= line.top + 0.2 * size
            gap = left - line.x1
            # A ligature's letters share one box: the second starts left of the line's end.
            if same_row and -max(size, right - left) - 0.5 <= gap <= 1.5 * size:
                if space or gap > 0.15 * size:  # letters sit closer; a space is ~0.25 em
                    parts.append(" ")
                parts.append(char)
                line.x1 = max(line.x1, right)
                line.top, line.bottom = max(line.top, top), min(line.bottom, bottom)
                space = False
                continue
            line.text = "".join(parts)
            lines.append(line)
        line = _Line(page, left, right, top, bottom, "", page_height)
        parts = [char]
        space = False
    if line is not None:
        line.text = "".join(parts)
        lines.append(line)
    return lines


def _assign_columns(lines: list[_Line], width: float) -> None:
    """Mark the lines of a two-column page 1 (left) or 2 (right); others stay 0."""
    middle = width / 2
    slack = width * 0.02
    left = [line for line in lines if line.x1 <= middle + slack]
    right = [line for line in lines if line.x0 >= middle - slack]
    if len(left) < 3 or len(right) < 3:
        return
    # Text that merely ends before the middle (short lines, a ragged right) is not a column:
    # a right column starts well past the middle's left side.
    if median(line.x0 for line in right) < middle - slack:
        return
    for line in left:
        line.column = 1
    for line in right:
        line.column = 2


def _key(text: str) -> str:
    return _DIGITS.sub("#", text.casefold()).replace(" ", "")


def _without_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Drop headers, footers and page numbers: a line in a page's top or bottom band whose
    text (digits aside) is in that band on three pages or more."""
    counts: Counter[str] = Counter()
    for page in pages:
        counts.update({_key(line.text) for line in page if _in_band(line)})
    return [[line for line in page
             if not (_in_band(line) and counts[_key(line.text)] >= _REPEATS_TO_DROP)]
            for page in pages]


def _in_band(line: _Line) -> bool:
    """In the top or bottom band of its page (PDF y runs upwards from the bottom)."""
    band = _MARGIN_BAND * line.page_height
    return line.bottom >= line.page_height - band or line.top <= band


def _reading_order(page: list[_Line]) -> list[_Line]:
    """Top to bottom; on a two-column page, the left column's lines then the right's, in
    each run of lines between full-width ones."""
    ordered = sorted(page, key=lambda line: -line.top)
    if not any(line.column for line in ordered):
        return ordered
    result: list[_Line] = []
    run: list[_Line] = []
    for line in ordered:
        if line.column == 0:
            result += sorted(run, key=lambda item: (item.column, -item.top))
            run = []
            result.append(line)
        else:
            run.append(line)
    result += sorted(run, key=lambda item: (item.column, -item.top))
    return result


def _paragraphs(
    pages: list[list[_Line]],
) -> tuple[str, tuple[Block, ...], tuple[InlineSpan, ...], tuple[int, ...]]:
    lines = [line for page in pages for line in _reading_order(page)]
    heights = [line.height for line in lines if line.height > 0]
    body = median(heights) if heights else 0.0
    gaps = [previous.bottom - line.top for previous, line in pairwise(lines)
            if previous.page == line.page and previous.column == line.column
            and 0 <= previous.bottom - line.top < 3 * body]
    line_gap = median(gaps) if gaps else 0.0
    rights: dict[tuple[int, int], float] = {}
    for line in lines:
        key = (line.page, line.column)
        rights[key] = max(rights.get(key, 0.0), line.x1)
    builder = TextBuilder()
    block_pages: list[int] = []
    previous: _Line | None = None
    current = ""
    kind: BlockKind = "paragraph"
    level = 0
    for line in lines:
        text = line.text
        heading_level = _heading_level(line, body)
        bullet = _BULLET.match(text)
        new_kind: BlockKind = ("heading" if heading_level else
                               "list_item" if bullet else "paragraph")
        starts = (previous is None or new_kind != "paragraph" or kind == "heading"
                  or _starts_paragraph(previous, line, body, line_gap, current,
                                       rights[(previous.page, previous.column)]))
        if starts:
            if current:
                _flush(builder, current, kind, level)
            kind, level = new_kind, heading_level or (1 if bullet else 0)
            current = text[bullet.end():] if bullet else text
            block_pages.append(line.page)
        else:
            current = _joined(current, text)
        previous = line
    if current:
        _flush(builder, current, kind, level)
    text, blocks, spans = builder.finish()
    return text, blocks, spans, tuple(block_pages[: len(blocks)])


def _flush(builder: TextBuilder, text: str, kind: BlockKind, level: int) -> None:
    builder.break_block(kind, level)
    builder.write(text.replace("\x02", "-").replace("\ufffe", "-"))
    builder.break_block()


def _heading_level(line: _Line, body: float) -> int:
    """1 or 2 for a short line in type clearly larger than the body's, else 0."""
    if body <= 0 or len(line.text) > 150 or _SENTENCE_END.search(line.text.rstrip("”\"'")):
        return 0
    ratio = line.height / body
    if ratio >= 1.6:
        return 1
    return 2 if ratio >= 1.25 else 0


def _starts_paragraph(previous: _Line, line: _Line, body: float, line_gap: float,
                      current: str, right: float) -> bool:
    """Whether ``line`` opens a new paragraph after ``previous`` (``right``: where the lines
    of previous's column end)."""
    ends_sentence = bool(_SENTENCE_END.search(current))
    if previous.page != line.page or previous.column != line.column:
        # A paragraph runs on into the next column or page until its sentence ends.
        return ends_sentence or not line.text[:1].islower()
    if body and abs(line.height - previous.height) > 0.2 * body:
        return True
    gap = previous.bottom - line.top
    if gap < -0.5 * body:  # a line above the previous one: a new region of the page
        return True
    if body and gap > line_gap + 0.6 * body:
        return True
    indent = line.x0 - previous.x0
    if ends_sentence and 0.5 * body < indent < 4 * body:
        return True  # a first-line indent after a sentence's end
    # A line that ends a sentence well short of the column's right edge ends its paragraph.
    return ends_sentence and previous.x1 < right - 2 * body


def _joined(current: str, text: str) -> str:
    """The next line joined on, undoing a word's hyphenation at the line end."""
    for hyphen in _LINE_END_HYPHENS:
        if current.endswith(hyphen) and len(current) > 1 and current[-2].isalpha() \
                and text[:1].islower():
            return current[: -len(hyphen)] + text
    if current.endswith(("\x02", "\ufffe")):  # a hyphen kept: "well-" + "known"
        return current[:-1] + "-" + text
    return f"{current} {text}"
