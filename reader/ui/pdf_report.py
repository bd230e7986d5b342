"""The review's HTML report laid out by Qt for paper: printing and PDF, from the window and
from ``claim-reader export --format pdf``, through one function so that both give the same PDF.

The report loads nothing by design, but the document is the last line of defence against an
article or a note that smuggles in markup: ``OfflineTextDocument`` answers every resource request
except inline ``data:`` URLs with nothing, so neither the network nor local files are ever read.

This module needs only QtGui and QtPrintSupport (no widget), so the command line can load it on
Qt's offscreen platform without the window.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QFont, QGuiApplication, QImage, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from reader import APP_NAME, export
from reader.store.model import Review

REPORT_POINT_SIZE = 12.0  # the body size of html_report.STYLE


class OfflineTextDocument(QTextDocument):
    """A text document that never fetches anything: images, style sheets and any other resource
    are answered with nothing unless they are inline ``data:`` URLs. ``refused`` lists what was
    asked for, which the tests read.

    An image is answered with a blank 1×1 image rather than with nothing: given nothing, Qt's
    image handler falls back to reading the ``src`` as a local file path itself."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.refused: list[str] = []

    def loadResource(self, resource_type: int, url: QUrl | str) -> Any:
        url = QUrl(url) if isinstance(url, str) else url
        if url.scheme().lower() == "data":
            return super().loadResource(resource_type, url)
        self.refused.append(url.toString())
        if resource_type == QTextDocument.ResourceType.ImageResource:
            blank = QImage(1, 1, QImage.Format.Format_ARGB32)
            blank.fill(0)
            return blank
        return None


def document_title(review: Review) -> str:
    return f"Review: {review.document.title or 'Untitled'}"


def report_document(review: Review) -> OfflineTextDocument:
    """The HTML report laid out for printing. Its style sheet gives every size in points: Qt
    reads ``px`` as device pixels, which on a 1200 dpi printer made body text 1 pt."""
    document = OfflineTextDocument()
    # Qt sizes headings relative to the default font, not to the style sheet's body size.
    font = QFont(document.defaultFont())
    font.setPointSizeF(REPORT_POINT_SIZE)
    document.setDefaultFont(font)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle,
                                document_title(review))
    document.setHtml(export.render(review, "html"))
    return document


def pdf_printer(path: Path, review: Review) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(document_title(review))
    printer.setCreator(APP_NAME)
    return printer


def write_review_pdf(review: Review, path: Path) -> None:
    """Print the report into the PDF file ``path`` (created or replaced as it is written; the
    callers write to a temporary file and move it into place)."""
    report_document(review).print_(pdf_printer(path, review))


def review_pdf_bytes(review: Review) -> bytes:
    """The PDF as bytes, for the command line. A Qt application must exist: the command line
    makes an offscreen one with ``offscreen_application``."""
    fd, name = tempfile.mkstemp(prefix="claim-reader-", suffix=".pdf")
    os.close(fd)
    try:
        write_review_pdf(review, Path(name))
        return Path(name).read_bytes()
    finally:
        os.unlink(name)


def offscreen_application() -> QGuiApplication:
    """The Qt application the headless PDF export needs for fonts and layout, on the offscreen
    platform: it must work with no display and never show anything."""
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    return QGuiApplication(["claim-reader"])
