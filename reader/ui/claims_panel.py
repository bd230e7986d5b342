"""The claims list with its filters, its count, and the group of orphaned claims."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from reader.session import ClaimFilter, ReviewSession
from reader.ui.claim_delegate import ClaimDelegate
from reader.ui.claims_model import ClaimRole, ClaimsModel
from reader.ui.theme import Colors

STATUS_CHOICES = [("All statuses", ""), ("Unreviewed", "unreviewed"), ("Verified", "verified"),
                  ("Disputed", "disputed"), ("Unverifiable", "unverifiable"),
                  ("Needs re-check", "recheck"), ("In conflict", "conflict")]
KIND_CHOICES = [("All kinds", ""), ("Quotes", "quote"), ("Figures", "figure"),
                ("Attributions", "attribution"), ("Your claims", "statement")]


class ClaimListView(QListView):
    """A list of rows of one height, where one claim's change redraws only its row.

    QListView answers a change to one row by laying the whole list out again, which asks
    the Python model for its row count twice per row: 17,000 calls per verdict on a 1 MB
    article (8 ms alone, and hundreds of ms when a background thread competes for the
    interpreter). With uniform row sizes one row's new data cannot move any row, so that
    step is left out; QAbstractItemView's own handling (repaint, editors, accessibility)
    still runs."""

    def dataChanged(self, top_left: QModelIndex, bottom_right: QModelIndex,
                    roles: Sequence[int] = ()) -> None:
        if top_left == bottom_right and top_left.isValid() and self.uniformItemSizes():
            QAbstractItemView.dataChanged(self, top_left, bottom_right, list(roles))
        else:
            super().dataChanged(top_left, bottom_right, list(roles))


class ClaimsPanel(QWidget):
    claim_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimsPanel")
        self.session: ReviewSession | None = None
        self.model = ClaimsModel(parent=self)
        self.orphan_model = ClaimsModel(orphans=True, parent=self)
        self.delegate = ClaimDelegate(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.setSpacing(4)

        self.text_filter = QLineEdit(self)
        self.text_filter.setObjectName("claimTextFilter")
        self.text_filter.setPlaceholderText("Filter claims by words, speaker or note (Ctrl+L)")
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.setAccessibleName("Filter claims")
        layout.addWidget(self.text_filter)

        row = QHBoxLayout()
        self.status_filter = QComboBox(self)
        self.status_filter.setAccessibleName("Show claims with status")
        for label, value in STATUS_CHOICES:
            self.status_filter.addItem(label, value)
        self.kind_filter = QComboBox(self)
        self.kind_filter.setAccessibleName("Show claims of kind")
        for label, value in KIND_CHOICES:
            self.kind_filter.addItem(label, value)
        self.show_dismissed = QCheckBox("Dismissed", self)
        self.show_dismissed.setToolTip("Also list the claims marked as not a claim")
        row.addWidget(self.status_filter, 1)
        row.addWidget(self.kind_filter, 1)
        row.addWidget(self.show_dismissed)
        layout.addLayout(row)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("claimCount")
        layout.addWidget(self.count_label)

        self.view = self._make_view(self.model, "claimsList")
        layout.addWidget(self.view, 1)

        self.orphan_label = QLabel(self)
        self.orphan_label.setWordWrap(True)
        self.orphan_label.setObjectName("orphanLabel")
        layout.addWidget(self.orphan_label)
        self.orphan_view = self._make_view(self.orphan_model, "orphansList")
        self.orphan_view.setMaximumHeight(160)
        layout.addWidget(self.orphan_view)

        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(200)
        self._text_timer.timeout.connect(self._apply_filter)
        self.text_filter.textChanged.connect(lambda _: self._text_timer.start())
        self.text_filter.returnPressed.connect(self._apply_filter)
        self.status_filter.currentIndexChanged.connect(self._apply_filter)
        self.kind_filter.currentIndexChanged.connect(self._apply_filter)
        self.show_dismissed.toggled.connect(self._apply_filter)
        self._update_counts()

    def _make_view(self, model: ClaimsModel, name: str) -> QListView:
        view = ClaimListView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setItemDelegate(self.delegate)
        view.setUniformItemSizes(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # QListView.scrollTo asks the Python model for its row count once per row: with
        # thousands of claims that is tens of milliseconds per key press, so the panel
        # scrolls by arithmetic instead (rows have one fixed height).
        view.setAutoScroll(False)
        view.selectionModel().currentChanged.connect(
            lambda current, _previous, m=model: self._current_changed(m, current))
        return view

    # Content -------------------------------------------------------------------------------

    def set_colors(self, colors: Colors) -> None:
        self.delegate.colors = colors
        self.view.viewport().update()
        self.orphan_view.viewport().update()

    def set_session(self, session: ReviewSession | None) -> None:
        self.session = session
        self.model.set_session(session)
        self.orphan_model.set_session(session)
        self._update_counts()

    def current_filter(self) -> ClaimFilter:
        status = self.status_filter.currentData()
        kind = self.kind_filter.currentData()
        flag = status if status in ("recheck", "conflict") else ""
        status = "" if flag else status
        return ClaimFilter(
            needs_recheck=flag == "recheck",
            in_conflict=flag == "conflict",
            statuses=frozenset({status}) if status else frozenset(),
            kinds=frozenset({kind}) if kind else frozenset(),
            text=self.text_filter.text(),
            show_dismissed=self.show_dismissed.isChecked(),
        )

    def _apply_filter(self) -> None:
        self._text_timer.stop()
        current = self.current_id()
        self.model.set_filter(self.current_filter())
        self._update_counts()
        if current is not None:
            self.select(current, emit=False)

    def claim_changed(self, claim_id: str | None) -> None:
        current = self.current_id()
        rows_before = (self.model.rowCount(), self.orphan_model.rowCount())
        self.model.claim_changed(claim_id)
        self.orphan_model.claim_changed(claim_id)
        self._update_counts()
        rows_after = (self.model.rowCount(), self.orphan_model.rowCount())
        if current is not None and (rows_before != rows_after or claim_id is None):
            self.select(current, emit=False)  # the list was rebuilt: keep the selection

    def _update_counts(self) -> None:
        shown = self.model.rowCount()
        if self.session is None:
            self.count_label.setText("No claims")
        else:
            total = sum(1 for c in self.session.claims() if not c.orphaned
                        and (not c.dismissed or self.show_dismissed.isChecked()))
            noun = "claim" if total == 1 else "claims"
            self.count_label.setText(f"{shown} {noun}" if shown == total
                                     else f"Showing {shown} of {total} {noun}")
        orphans = self.orphan_model.rowCount()
        self.orphan_label.setVisible(orphans > 0)
        self.orphan_view.setVisible(orphans > 0)
        self.orphan_label.setText(
            f"Orphaned ({orphans}): claims whose words are no longer in this text. "
            "They keep your decisions and are shown with their original words.")

    # Selection -----------------------------------------------------------------------------

    def current_id(self) -> str | None:
        for view in (self.view, self.orphan_view):
            index = view.currentIndex()
            if index.isValid() and view.selectionModel().isSelected(index):
                return index.data(ClaimRole.Id)
        return None

    def select(self, claim_id: str | None, emit: bool = True) -> bool:
        """Select a claim in whichever list holds it; False when it is filtered out."""
        for view, model in ((self.view, self.model), (self.orphan_view, self.orphan_model)):
            row = model.row_of(claim_id)
            other = self.orphan_view if view is self.view else self.view
            if row is not None:
                other.selectionModel().clearSelection()
                index = model.index(row)
                if not emit:
                    view.selectionModel().blockSignals(True)
                view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
                view.selectionModel().blockSignals(False)
                self._ensure_visible(view, row)
                return True
        return False

    @staticmethod
    def _ensure_visible(view: QListView, row: int) -> None:
        height = view.sizeHintForRow(0) if view.model().rowCount() else 0
        if height <= 0:
            return
        bar = view.verticalScrollBar()
        top, visible = row * height, view.viewport().height()
        if top + height > bar.maximum() + visible:
            view.doItemsLayout()  # the list was just rebuilt: lay it out before scrolling
        if top < bar.value():
            bar.setValue(top)
        elif top + height > bar.value() + visible:
            bar.setValue(top + height - visible)

    def _current_changed(self, model: ClaimsModel, current: QModelIndex) -> None:
        if current.isValid():
            other = self.orphan_view if model is self.model else self.view
            other.selectionModel().blockSignals(True)
            other.selectionModel().clearSelection()
            other.selectionModel().setCurrentIndex(QModelIndex(),
                                                   QItemSelectionModel.SelectionFlag.Clear)
            other.selectionModel().blockSignals(False)
            self.claim_selected.emit(current.data(ClaimRole.Id))
