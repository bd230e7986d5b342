"""Building a QTextDocument from the core's Document, and the position map that goes with it."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtGui import (
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextListFormat,
)

from reader.document import Block, Document, InlineSpan
from reader.document.byline import metadata_line
from reader.ui.text_positions import PositionMap, RenderedBlock

# Characters Qt would treat as block or line breaks; replaced one-for-one so offsets still align.
_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\u2029": " ", "\u2028": " ", "\x0b": " ",
                         "\x0c": " ", "\x1c": " ", "\x1d": " ", "\x1e": " ", "\x85": " "})

T = TypeVar("T")

HEADING_SCALE = {1: 1.6, 2: 1.3, 3: 1.15, 4: 1.05, 5: 1.0, 6: 1.0}


@dataclass(frozen=True, slots=True)
class RenderedDocument:
    document: QTextDocument
    positions: PositionMap


def article_byline(doc: Document) -> str:
    """The line shown under the article's title: byline, site, date, web address."""
    parts = [part for part in (metadata_line(doc.metadata), doc.metadata.get("url", ""))
             if part]
    return " · ".join(parts).translate(_BREAKS)


def _insert_byline(cursor: QTextCursor, byline: str, base: QFont, *, first: bool) -> None:
    fmt = QTextBlockFormat()
    fmt.setTopMargin(0)
    fmt.setBottomMargin(12)
    char = QTextCharFormat()
    char.setFontItalic(True)
    char.setFontPointSize(base.pointSizeF() * 0.9)
    if first:
        cursor.setBlockFormat(fmt)
        cursor.setBlockCharFormat(char)
    else:
        cursor.insertBlock(fmt, char)
    cursor.insertText(byline, char)


def _block_format(block: Block) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setLineHeight(140, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    if block.kind == "heading":
        fmt.setHeadingLevel(max(1, min(block.level or 2, 6)))
        fmt.setTopMargin(18)
        fmt.setBottomMargin(6)
        fmt.setLineHeight(120, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
    elif block.kind == "block_quote":
        fmt.setLeftMargin(28)
        fmt.setTopMargin(4)
        fmt.setBottomMargin(10)
    elif block.kind == "list_item":
        fmt.setTopMargin(2)
        fmt.setBottomMargin(4)
    else:
        fmt.setTopMargin(4)
        fmt.setBottomMargin(10)
    return fmt


def _char_format(block: Block, base: QFont) -> QTextCharFormat:
    fmt = QTextCharFormat()
    if block.kind == "heading":
        level = max(1, min(block.level or 2, 6))
        fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setFontPointSize(base.pointSizeF() * HEADING_SCALE[level])
    elif block.kind == "block_quote":
        fmt.setFontItalic(True)
    return fmt


def _apply_span(
    cursor: QTextCursor, span: InlineSpan, start: int, end: int, link_color: QColor | None
) -> None:
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    fmt = QTextCharFormat()
    if span.kind == "emphasis":
        fmt.setFontItalic(True)
    elif span.kind == "strong":
        fmt.setFontWeight(QFont.Weight.Bold)
    elif span.kind == "code":
        fmt.setFontFixedPitch(True)
        fmt.setFontFamilies(["monospace"])
    elif span.kind == "link" and span.target:
        fmt.setAnchor(True)
        fmt.setAnchorHref(span.target)
        fmt.setFontUnderline(True)
        fmt.setToolTip(span.target)
        if link_color is not None:
            fmt.setForeground(link_color)
    cursor.mergeCharFormat(fmt)


def render_steps(
    doc: Document, base_font: QFont, link_color: QColor | None = None, step: int = 100
) -> Generator[None, None, RenderedDocument]:
    """``render_document`` in slices: yields after every ``step`` blocks (and links), returns
    the RenderedDocument. A 1 MB article takes about 80 ms to render; run a slice at a time
    between events (``reader.ui.sliced``), the window never stops for that long."""
    qdoc = QTextDocument()
    qdoc.setUndoRedoEnabled(False)  # built once, never edited: no undo history to keep
    qdoc.setDefaultFont(base_font)
    qdoc.setDocumentMargin(24)
    cursor = QTextCursor(qdoc)
    rendered: list[RenderedBlock] = []
    current_list = None
    current_list_level = 0
    cursor.beginEditBlock()
    byline = article_byline(doc)
    # The byline goes under the headline when the article opens with it, else at the top.
    # It is a Qt block of its own that no core offset maps to.
    byline_after_first = bool(doc.blocks) and doc.blocks[0].kind == "heading"
    if byline and not byline_after_first:
        _insert_byline(cursor, byline, base_font, first=True)
    for index, block in enumerate(doc.blocks):
        if index > 0 or (byline and not byline_after_first):
            cursor.insertBlock(_block_format(block), _char_format(block, base_font))
            if index % step == 0 and index:
                yield
        else:
            cursor.setBlockFormat(_block_format(block))
            cursor.setBlockCharFormat(_char_format(block, base_font))
        if block.kind == "list_item":
            level = max(block.level, 1)
            if current_list is None or level != current_list_level:
                list_format = QTextListFormat()
                list_format.setStyle(QTextListFormat.Style.ListDisc if level == 1
                                     else QTextListFormat.Style.ListCircle)
                list_format.setIndent(level)
                current_list = cursor.createList(list_format)
                current_list_level = level
            else:
                current_list.add(cursor.block())
        else:
            current_list = None
        rendered.append(RenderedBlock(block.start, block.end, cursor.position()))
        cursor.insertText(doc.text[block.start : block.end].translate(_BREAKS),
                          _char_format(block, base_font))
        if index == 0 and byline and byline_after_first:
            _insert_byline(cursor, byline, base_font, first=False)
    positions = PositionMap(doc.text, rendered)
    for number, span in enumerate(doc.spans, 1):
        if span.end > span.start:
            _apply_span(cursor, span, positions.to_qt(span.start), positions.to_qt(span.end),
                        link_color)
        if number % step == 0:
            yield
    cursor.endEditBlock()
    qdoc.setModified(False)
    return RenderedDocument(qdoc, positions)


def finish(steps: Generator[None, None, T]) -> T:
    """Run a generator of slices to its end at once and return its result."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


def render_document(
    doc: Document, base_font: QFont, link_color: QColor | None = None
) -> RenderedDocument:
    """Lay the document's blocks out one Qt block each; text outside blocks is not shown."""
    return finish(render_steps(doc, base_font, link_color))
