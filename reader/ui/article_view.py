"""The reading pane: the rendered article, its highlights, and the claim under the pointer.

Links are never followed by the view itself: a click emits ``link_activated`` and the window asks
the user before anything opens in the system browser.
"""

from __future__ import annotations

from collections.abc import Generator

from PySide6.QtCore import QEvent, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.analysis.figure_text import figure_value_text
from reader.document import Document
from reader.session import ReviewSession
from reader.store.model import ReviewClaim
from reader.ui.highlights import STATUS_LABELS, analysis_steps, apply_status_marks
from reader.ui.rendering import RenderedDocument, finish, render_steps
from reader.ui.sliced import SlicedJob
from reader.ui.text_positions import PositionMap
from reader.ui.theme import LIGHT, Colors

MEASURE_CHARS = 80  # average-width characters; real lines of prose come out at 65-75
READING_FONTS = ["Noto Serif", "DejaVu Serif", "Georgia", "Cambria", "Times New Roman", "serif"]
KIND_LABELS = {"quote": "Quote", "figure": "Figure", "attribution": "Attribution",
               "statement": "Your claim"}


SLICED_CHARS = 200_000
"""Longer articles are laid out a slice at a time (reader/ui/sliced.py): one call for a 1 MB
article held the window for 190-240 ms."""


class ArticleView(QTextBrowser):
    link_activated = Signal(QUrl)
    claim_clicked = Signal(str)
    highlights_shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setReadOnly(True)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self.link_activated.emit)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        font = QFont()
        font.setFamilies(READING_FONTS)
        font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.2)
        self._base_font = font
        self.base_point_size = font.pointSizeF()
        self._rendered: RenderedDocument | None = None
        self.document_model: Document | None = None
        self.session: ReviewSession | None = None
        self.colors: Colors = LIGHT
        self._press_pos: QPoint | None = None
        self._job: SlicedJob | None = None
        self._own_document: QTextDocument | None = None
        self._focused: ReviewClaim | None = None
        self.highlighted = False
        """Whether the document shown carries the session's highlights."""

    @property
    def positions(self) -> PositionMap | None:
        return self._rendered.positions if self._rendered else None

    # Showing -------------------------------------------------------------------------------

    def show_document(self, doc: Document) -> None:
        """Show the article's text: at once, or for a long one (over SLICED_CHARS) as soon as
        it has been laid out in slices, with "Laying out…" meanwhile."""
        self._cancel_job()
        self.document_model = doc
        self.session = None
        self._focused = None
        self.highlighted = False
        font = QFont(self._base_font)
        if self._rendered is not None:
            font = self.document().defaultFont()  # keep the zoom
        steps = render_steps(doc, font, self.palette().color(QPalette.ColorRole.Link))
        if len(doc.text) <= SLICED_CHARS:
            self._swap_in(finish(steps), scroll=0)
            return
        waiting = QTextDocument(self)
        waiting.setDefaultFont(font)
        waiting.setPlainText("Laying out the article…")
        self._rendered = None  # no positions to map until the article is in
        self.setExtraSelections([])
        self._show(waiting)
        self._job = SlicedJob(steps, lambda rendered: self._swap_in(rendered, scroll=0),
                              self).start()

    def show_session(self, session: ReviewSession, colors: Colors) -> None:
        """Highlights for a session whose document is the one shown.

        Formats merged into a document that has been laid out re-lay it out block by block
        (a fifth of a second for a 1 MB article). A fresh copy that was never shown takes them
        cheaply and is laid out lazily once swapped in; for a long article the copy is built in
        slices while the plain text stays readable, and ``highlights_shown`` says when it is in.
        """
        if self.document_model is not session.document:
            self.show_document(session.document)
        self._cancel_job()
        self.session = session
        self.colors = colors
        self.highlighted = False
        font = self.document().defaultFont()  # show_document set it, with the zoom
        steps = self._highlighted_steps(session, colors, font)
        if len(session.document.text) <= SLICED_CHARS:
            self._swap_in(finish(steps), scroll=self.verticalScrollBar().value())
            return
        self._job = SlicedJob(
            steps, lambda rendered: self._swap_in(rendered, self.verticalScrollBar().value()),
            self).start()

    def _highlighted_steps(self, session: ReviewSession, colors: Colors,
                           font: QFont) -> Generator[None, None, RenderedDocument]:
        rendered = yield from render_steps(session.document, font,
                                           self.palette().color(QPalette.ColorRole.Link))
        yield from analysis_steps(rendered.document, rendered.positions, session.analysis,
                                  colors)
        # The claims as they are now: a status tagged while the copy was built is included.
        apply_status_marks(rendered.document, rendered.positions, session.claims(), colors)
        self.highlighted = True
        return rendered

    def _swap_in(self, rendered: RenderedDocument, scroll: int) -> None:
        self._job = None
        self._update_measure(rendered.document)  # before it is shown: no second layout
        self._show(rendered.document)
        self._rendered = rendered
        self.verticalScrollBar().setValue(scroll)
        if self._focused is not None:
            self._mark_focus(self._focused)
        else:
            self.setExtraSelections([])
        if self.highlighted:
            self.highlights_shown.emit()

    def _show(self, document: QTextDocument) -> None:
        """Put ``document`` in the view and free the one it replaces if this view made it (the
        view's own first document is freed by Qt)."""
        old = self._own_document
        self.setDocument(document)
        document.setParent(self)
        self._own_document = document
        if old is not None and old is not document:
            old.deleteLater()

    def _cancel_job(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self._job.deleteLater()
            self._job = None

    def refresh_claim(self, claim_id: str | None) -> None:
        """Redraw the status marks where a claim (or, with None, any claim) changed."""
        if self.session is None or self._rendered is None:
            return
        claims = self.session.claims()
        if claim_id is None or claim_id not in self.session.review.claims:
            lo, hi = 0, len(self.session.document.text)
        else:
            claim = self.session.claim(claim_id)
            lo, hi = claim.anchor.start, claim.anchor.end
        overlapping = [c for c in claims if c.anchor.start < hi and c.anchor.end > lo
                       and not c.orphaned]
        apply_status_marks(self.document(), self.positions, overlapping, self.colors,
                           clear_range=(lo, hi), links=self.session.document.spans)

    def focus_claim(self, claim: ReviewClaim | None) -> None:
        """Mark the selected claim and scroll it into view, a third of the way down."""
        if claim is None or claim.orphaned or self.positions is None:
            self._focused = None
            self.setExtraSelections([])
            return
        self._focused = claim
        start = self._mark_focus(claim)
        place = QTextCursor(self.document())
        place.setPosition(start)
        top = self.cursorRect(place).top()
        bar = self.verticalScrollBar()
        viewport_height = self.viewport().height()
        if top < viewport_height * 0.1 or top > viewport_height * 0.8:
            bar.setValue(bar.value() + top - viewport_height // 3)

    def _mark_focus(self, claim: ReviewClaim) -> int:
        """Paint the selection mark on ``claim`` in the document shown; returns its Qt start."""
        assert self.positions is not None
        start = self.positions.to_qt(claim.anchor.start)
        end = self.positions.to_qt(claim.anchor.end)
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(self.colors.focus_background)
        fmt.setForeground(self.colors.focus_text)
        # The status underline keeps its style (solid, wavy, dotted) in the text's colour, which
        # stands out on the selection where the status colours would not.
        fmt.setUnderlineColor(self.colors.focus_text)
        selection.format = fmt
        self.setExtraSelections([selection])
        return start

    # Asking --------------------------------------------------------------------------------

    def offset_at(self, point: QPoint) -> int | None:
        if self.positions is None:
            return None
        return self.positions.from_qt(self.cursorForPosition(point).position())

    def selected_range(self) -> tuple[int, int] | None:
        """The selection in core offsets, or None when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or self.positions is None:
            return None
        start = self.positions.from_qt(cursor.selectionStart())
        end = self.positions.from_qt(cursor.selectionEnd())
        return (start, end) if end > start else None

    def tooltip_at(self, offset: int) -> str:
        """What hovering says: the claim's kind, speaker and status; quote and figure facts."""
        if self.session is None:
            return ""
        lines: list[str] = []
        claim = self.session.claim_at(offset)
        if claim is not None:
            kind = KIND_LABELS.get(claim.kind, claim.kind.title())
            status = "Dismissed" if claim.dismissed else STATUS_LABELS[claim.status]
            lines.append(f"{kind} claim — {status}")
            if claim.speaker:
                lines.append(f"Speaker: {claim.speaker}")
        for quote in self.session.analysis.quotes:
            if quote.start <= offset < quote.end:
                who = quote.speaker.label if quote.speaker else "no speaker found"
                lines.append(f"{quote.kind.title()} quote — {who}")
                break
        for figure in self.session.figures_in(claim) if claim else ():
            if figure.start <= offset < figure.end:
                lines.append(f"Figure: {describe_figure(figure)}")
                break
        return "\n".join(lines)

    # Events --------------------------------------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            offset = self.offset_at(event.pos())
            text = self.tooltip_at(offset) if offset is not None else ""
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press_pos = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        point = event.position().toPoint()
        moved = self._press_pos is not None and (point - self._press_pos).manhattanLength() > 4
        if (event.button() != Qt.MouseButton.LeftButton or moved or self.session is None
                or self.textCursor().hasSelection() or self.anchorAt(point)):
            return
        offset = self.offset_at(point)
        claim = self.session.claim_at(offset) if offset is not None else None
        if claim is not None:
            self.claim_clicked.emit(claim.id)

    def _update_measure(self, doc: QTextDocument | None = None) -> None:
        """Centre the text in a column about MEASURE_CHARS wide, whatever the window width."""
        doc = doc or self.document()
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


def describe_figure(figure) -> str:
    """'€1.2 billion → 1,200,000,000 EUR (approximate)': the figure as the analysis read it, in
    the same words as ``claim-reader extract``."""
    return f"{figure.text} → {figure_value_text(figure)}"
