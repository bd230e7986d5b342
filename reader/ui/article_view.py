"""The reading pane: the rendered article with a comfortable line length.

Links are never followed by the view itself: a click emits ``link_activated`` and the window asks
the user before anything opens in the system browser.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QFont, QPalette, QResizeEvent, QTextFrameFormat
from PySide6.QtWidgets import QTextBrowser, QWidget

from reader.document import Document
from reader.ui.rendering import RenderedDocument, render_document
from reader.ui.text_positions import PositionMap

MEASURE_CHARS = 80  # average-width characters; real lines of prose come out at 65-75
READING_FONTS = ["Noto Serif", "DejaVu Serif", "Georgia", "Cambria", "Times New Roman", "serif"]


class ArticleView(QTextBrowser):
    link_activated = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.link_activated.emit)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        font = QFont()
        font.setFamilies(READING_FONTS)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.2)
        self._base_font = font
        self.base_point_size = font.pointSizeF()
        self._rendered: RenderedDocument | None = None
        self.document_model: Document | None = None

    @property
    def positions(self) -> PositionMap | None:
        return self._rendered.positions if self._rendered else None

    def show_document(self, doc: Document) -> None:
        link_color = self.palette().color(QPalette.ColorRole.Link)
        self._rendered = render_document(doc, self._base_font, link_color)
        self.document_model = doc
        self.setDocument(self._rendered.document)
        self._rendered.document.setParent(self)
        self._update_measure()
        self.verticalScrollBar().setValue(0)

    def _update_measure(self) -> None:
        """Centre the text in a column about MEASURE_CHARS wide, whatever the window width."""
        doc = self.document()
        width = self.viewport().width()
        char_width = self.fontMetrics().averageCharWidth() * 1.2  # the reading font is larger
        column = int(char_width * MEASURE_CHARS)
        side = max(int((width - column) / 2), 24)
        root = doc.rootFrame()
        fmt: QTextFrameFormat = root.frameFormat()
        if int(fmt.leftMargin()) != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            root.setFrameFormat(fmt)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_measure()
