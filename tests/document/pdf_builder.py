"""PDFs with a real text layer, written by Qt's QPdfWriter for the PDF reader's tests.

Text is laid out here, line by line, the way a typesetter does it: paragraphs wrapped to a
column's width (a word hyphenated at a line end where asked), a first-line indent or a gap
between paragraphs, headings in larger type, running headers, footers and page numbers, and
pages in one or two columns. The tests then know exactly which paragraphs the file holds.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points; the writer works at 72 dpi
MARGIN = 60
BODY_POINTS = 10.5
LEADING = 14


@dataclass
class Page:
    """What one page holds, in reading order: ("h", text), ("p", text), ("li", text), and
    ("c", text): a paragraph continued from the page before (no first-line indent).
    ``columns`` 2 lays the items out in two columns after a full-width ``banner``."""

    items: list[tuple[str, str]] = field(default_factory=list)
    columns: int = 1
    banner: str = ""


def _application():
    # A QApplication (not a QGuiApplication): the window tests that run later in the same
    # process need one, and Qt allows one application object per process.
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def write_pdf(path: Path, pages: list[Page], *, header: str = "", footer: str = "",
              numbers: bool = True, hyphenate: tuple[str, ...] = ()) -> Path:
    """Write ``pages``; ``header``/``footer`` repeat on every page, ``numbers`` adds the page
    number at the foot; a word in ``hyphenate`` is split "har-" / "bour" where it ends a line."""
    _application()
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    body = QFont("DejaVu Serif")
    body.setPointSizeF(BODY_POINTS)
    heading = QFont("DejaVu Sans")
    heading.setPointSizeF(BODY_POINTS * 1.7)
    heading.setBold(True)
    small = QFont("DejaVu Sans")
    small.setPointSizeF(8)

    for number, page in enumerate(pages, 1):
        if number > 1:
            writer.newPage()
        painter.setFont(small)
        if header:
            painter.drawText(MARGIN, 30, header)
        if footer:
            painter.drawText(MARGIN, PAGE_HEIGHT - 25, footer)
        if numbers:
            painter.drawText(PAGE_WIDTH - MARGIN - 20, PAGE_HEIGHT - 25, str(number))
        top = 80.0
        if page.banner:
            painter.setFont(heading)
            top += QFontMetricsF(heading).ascent()
            painter.drawText(MARGIN, int(top), page.banner)
            top += 2 * LEADING
        width = PAGE_WIDTH - 2 * MARGIN
        if page.columns == 2:
            width = (width - 20) / 2
        columns = [MARGIN, MARGIN + width + 20] if page.columns == 2 else [MARGIN]
        column, y = 0, top
        for kind, text in page.items:
            font = heading if kind == "h" else body
            metrics = QFontMetricsF(font)
            painter.setFont(font)
            indent = 15 if kind == "p" else 0
            prefix = "• " if kind == "li" else ""
            lines = _wrap(prefix + text, metrics, width, indent, hyphenate)
            if kind == "h":
                y += LEADING * 0.8
            for index, line in enumerate(lines):
                if y > PAGE_HEIGHT - 80:
                    column += 1
                    y = top
                    if column >= len(columns):
                        raise ValueError("page overflow: give the page less text")
                x = columns[column] + (indent if index == 0 else 0)
                painter.drawText(int(x), int(y), line)
                y += metrics.height() * 1.25 if kind == "h" else LEADING
            y += LEADING * 0.5 if kind != "li" else 0
    painter.end()
    return path


def _wrap(text: str, metrics, width: float, indent: float,
          hyphenate: tuple[str, ...]) -> list[str]:
    lines: list[str] = []
    line = ""
    words = text.split()
    available = width - indent
    while words:
        word = words.pop(0)
        candidate = f"{line} {word}".strip()
        if metrics.horizontalAdvance(candidate) <= available:
            line = candidate
            continue
        stem = word.strip(".,;:")
        if stem in hyphenate and len(stem) > 4:
            head = stem[: len(stem) // 2]
            if metrics.horizontalAdvance(f"{line} {head}-") <= available:
                lines.append(f"{line} {head}-".strip())
                line, available = word[len(head):], width
                continue
        lines.append(line)
        line, available = word, width
    if line:
        lines.append(line)
    return lines


def write_image_only_pdf(path: Path) -> Path:
    """A 'scanned' page: a picture of text, no text layer."""
    _application()
    from PySide6.QtGui import QColor, QImage, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    painter = QPainter(writer)
    image = QImage(400, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    inner = QPainter(image)
    inner.drawText(20, 40, "A scanned line of text")
    inner.end()
    painter.drawImage(60, 80, image)
    painter.end()
    return path
