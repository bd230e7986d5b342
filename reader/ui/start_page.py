"""The start page: what the app is for, how to begin, and the reviews already in the store.

The list is a model/view table so that a store with thousands of reviews costs one row object
each, not one widget each. Damaged review files are named in plain words with what to do; the
page only asks (``recover_requested``) and the window calls the store, so every store action
stays in one place. A damaged file with a usable backup never shows here: the store recovers it
on its own and says so.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.bundled import sample_article_path
from reader.store.errors import StoreError
from reader.store.index import IndexEntry
from reader.store.model import STATUSES, Progress
from reader.store.store import ReviewStore
from reader.ui.table_model import ReadOnlyTableModel

ModelIndex = QModelIndex | QPersistentModelIndex

HEADING = "Claim Reader"
WELCOME = (
    "Claim Reader marks the quotes, speakers and figures in a news article and lists its "
    "checkable claims, so you can tag each one verified, disputed or unverifiable. Your reviews "
    "are saved on this computer only and will be listed here, ready to reopen."
)
OPEN_TEXT = "Open an article… (Ctrl+O)"
PASTE_TEXT = "Paste an article (Ctrl+Shift+V)"
SAMPLE_TEXT = "Open the sample article"
PASTED = "pasted text"
COLUMNS = ("Title", "File", "Progress", "Last opened")
NOTICE_STYLE = ("QFrame#damagedNotice, QLabel#storeError { background: #fbe3e1;"
                " border: 1px solid #c0392b; color: #5b1a13; }"
                " QFrame#damagedNotice QLabel { color: #5b1a13; border: none; background: none; }")
"""The message bar's error colours, readable in light and dark themes; "Problem:" says it too."""
ENTRY_ROLE = Qt.ItemDataRole.UserRole
"""``data(index, ENTRY_ROLE)`` is the row's ``IndexEntry`` (on any column)."""


def progress_text(progress: Progress) -> str:
    """"3 of 5 reviewed: 2 verified, 1 disputed, 2 unreviewed" (statuses with no claims left
    out; dismissed and orphaned claims named when there are any)."""
    if progress.total == 0 and not (progress.dismissed or progress.orphaned):
        return "No claims"
    parts = [f"{getattr(progress, status)} {status}" for status in (*STATUSES[1:], STATUSES[0])
             if getattr(progress, status)]
    if progress.dismissed:
        parts.append(f"{progress.dismissed} dismissed")
    if progress.orphaned:
        parts.append(f"{progress.orphaned} orphaned")
    head = f"{progress.reviewed} of {progress.total} reviewed"
    return f"{head}: {', '.join(parts)}" if parts else head


def local_time_text(stamp: str) -> str:
    """A stored UTC timestamp as local date and time, "2026-03-01 15:30"; unreadable stamps are
    shown as they are rather than hidden."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        return stamp
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def entry_title(entry: IndexEntry) -> str:
    if entry.title.strip():
        return entry.title.strip()
    return Path(entry.path).name if entry.path else "Untitled article"


def damaged_title(entry: IndexEntry) -> str | None:
    """The article a damaged review was about, as the index last knew it or as far as the file
    can still be read, so the notice can name it."""
    if entry.title.strip() or entry.path:
        return entry.title.strip() or Path(entry.path or "").name
    return None


SAMPLE_LABEL = "the sample article, bundled with Claim Reader"


def shown_path(path: str) -> str:
    """A file's place as the list shows it: under the home folder as ``~/…`` (shorter, and a
    screenshot or a shared screen does not give away the user's name), the bundled sample by
    name; the tooltip keeps the full path."""
    if path == sample_article_path():
        return SAMPLE_LABEL
    home = str(Path.home())
    if home not in ("", "/") and (path == home or path.startswith(home.rstrip("/\\") + os.sep)):
        return "~" + path[len(home.rstrip("/\\")):]
    return path


class ReviewListModel(ReadOnlyTableModel):
    """The store's reviews, most recently opened first: title, file, progress, last opened."""

    COLUMNS = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[IndexEntry] = []
        self._search: list[str] | None = None
        self._texts: dict[int, tuple[str, ...]] = {}

    def set_entries(self, entries: list[IndexEntry]) -> None:
        self.beginResetModel()
        self._entries = sorted(entries, key=lambda e: e.last_opened, reverse=True)
        self._search: list[str] | None = None
        self._texts: dict[int, tuple[str, ...]] = {}
        self.endResetModel()

    def row_texts(self, row: int) -> tuple[str, ...]:
        """The texts a row shows, made once per reset (painting asks for them often)."""
        texts = self._texts.get(row)
        if texts is None:
            entry = self._entries[row]
            texts = self._texts[row] = tuple(self._text(entry, c) for c in range(len(COLUMNS)))
        return texts

    def search_text(self, row: int) -> str:
        """Title, file and progress of a row, folded for the filter (built once per reset; the
        date is left out, which keeps the first keystroke quick in a large store)."""
        if self._search is None:
            self._search = ["\n".join(self._text(e, c) for c in range(3)).casefold()
                            for e in self._entries]
        return self._search[row]

    def entry(self, row: int) -> IndexEntry:
        return self._entries[row]

    def row_of(self, review_id: str) -> int | None:
        for row, entry in enumerate(self._entries):
            if entry.review_id == review_id:
                return row
        return None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)


    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        column = index.column()
        if role == ENTRY_ROLE:
            return entry
        if role == Qt.ItemDataRole.DisplayRole:
            return self.row_texts(index.row())[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 1:
                return entry.path or "Pasted from the clipboard; there is no file."
            if column == 2:
                return progress_text(entry.progress)
            if column == 3:
                return f"Last opened {local_time_text(entry.last_opened)} (local time)"
            return entry_title(entry)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{COLUMNS[column]}: {self.row_texts(index.row())[column]}"
        return None

    @staticmethod
    def _text(entry: IndexEntry, column: int) -> str:
        if column == 0:
            return entry_title(entry)
        if column == 1:
            return shown_path(entry.path) if entry.path else PASTED
        if column == 2:
            return progress_text(entry.progress)
        return local_time_text(entry.last_opened)



class ReviewFilterModel(QSortFilterProxyModel):
    """Keeps the rows whose shown text contains the filter, ignoring case. Matching one
    precomputed string per row keeps typing smooth with thousands of reviews."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._needle = ""

    def set_needle(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle == self._needle:
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self._needle = needle
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle = needle
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if not self._needle:
            return True
        model = self.sourceModel()
        assert isinstance(model, ReviewListModel)
        return self._needle in model.search_text(source_row)


class ReviewTableView(QTableView):
    """Enter opens the current review on every platform (``activated`` does not on macOS, and
    is single-click on some desktops); nothing here deletes or edits."""

    entry_chosen = Signal(QModelIndex)
    resized = Signal()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                self.currentIndex().isValid():
            self.entry_chosen.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class FilterEdit(QLineEdit):
    """Down or Enter in the filter moves to the list, so typing then Enter opens a match."""

    to_list = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.to_list.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class DamagedNotice(QFrame):
    """Names the review files that cannot be read (and have no usable backup, or the store
    would have recovered them), and offers to recover what can still be read in each."""

    recover_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("damagedNotice")
        self.setStyleSheet(NOTICE_STYLE)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 8, 12, 8)
        self.rows: dict[str, tuple[QLabel, QPushButton | None]] = {}
        self.hide()

    def show_damaged(self, store: ReviewStore, damaged: list[IndexEntry],
                     newer: list[IndexEntry] | None = None) -> None:
        """``damaged``: files without a usable backup (each with a way out); ``newer``: files a
        newer version of Claim Reader wrote, which this one cannot read (nothing to do here
        but update)."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.rows.clear()
        newer = newer or []
        if not damaged and not newer:
            self.hide()
            return
        if damaged:
            count = len(damaged)
            files, has, pronoun = (("file", "has", "it is") if count == 1
                                   else ("files", "have", "they are"))
            self._line(
                f"Problem: {count} review {files} in the store cannot be read and {has} no "
                f"usable backup, so {pronoun} not listed below. Nothing has been overwritten. "
                "“Recover what can be read” keeps every claim still readable and sets the "
                "damaged file aside; opening the article also offers to start a new review "
                "instead.")
            for entry in damaged:
                self._row(store, entry, button=True)
        if newer:
            count = len(newer)
            files, was, them = ("file", "was", "it") if count == 1 else ("files", "were", "them")
            self._line(
                f"{count} review {files} in the store {was} written by a newer version of "
                f"Claim Reader, which this version cannot read; nothing in {them} has been "
                f"changed. Update Claim Reader to open {them}.")
            for entry in newer:
                self._row(store, entry, button=False)
        self.show()

    def _line(self, text: str) -> None:
        intro = QLabel(self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        intro.setText(text)
        self._layout.addWidget(intro)

    def _row(self, store: ReviewStore, entry: IndexEntry, button: bool) -> None:
        review_id = entry.review_id
        path = store.review_path(review_id)
        row = QHBoxLayout()
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        title = damaged_title(entry)
        label.setText(f"{path} (the review of “{title}”)" if title else str(path))
        row.addWidget(label, 1)
        recover = None
        if button:
            recover = QPushButton("Recover what can be read", self)
            recover.setAccessibleName(f"Recover what can be read of {path.name}")
            recover.clicked.connect(lambda _=False, rid=review_id:
                                    self.recover_requested.emit(rid))
            row.addWidget(recover, 0, Qt.AlignmentFlag.AlignTop)
        holder = QWidget(self)
        holder.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(holder)
        self.rows[review_id] = (label, recover)

    def text(self) -> str:
        """Everything the notice says, for tests and screen readers."""
        texts = []
        for i in range(self._layout.count()):
            widget = self._layout.itemAt(i).widget()
            if isinstance(widget, QLabel):
                texts.append(widget.text())
            elif widget is not None:
                texts.extend(label.text() for label in widget.findChildren(QLabel))
        return "\n".join(texts)


class StartPage(QWidget):
    """The first screen when no article is open. Signals carry what the user chose; the window
    does the opening.

    - ``open_requested()``, ``paste_requested()``, ``sample_requested()``: the three buttons.
    - ``review_activated(IndexEntry)``: Enter or double-click on a stored review.
    - ``recover_requested(str)``: "Recover what can be read" for the damaged review with that
      id.
    """

    open_requested = Signal()
    paste_requested = Signal()
    sample_requested = Signal()
    review_activated = Signal(object)
    recover_requested = Signal(str)

    def __init__(self, store: ReviewStore | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self.model = ReviewListModel(self)
        self.proxy = ReviewFilterModel(self)
        self.proxy.setSourceModel(self.model)

        self.heading = QLabel(HEADING, self)
        self.heading.setObjectName("startHeading")
        self.heading.setAccessibleName(HEADING)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setWeight(QFont.Weight.DemiBold)
        self.heading.setFont(font)

        self.open_button = QPushButton(OPEN_TEXT, self)
        self.paste_button = QPushButton(PASTE_TEXT, self)
        self.sample_button = QPushButton(SAMPLE_TEXT, self)
        self.open_button.clicked.connect(self.open_requested)
        self.paste_button.clicked.connect(self.paste_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.paste_button, self.sample_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.store_error = QLabel(self)
        self.store_error.setObjectName("storeError")
        self.store_error.setTextFormat(Qt.TextFormat.PlainText)
        self.store_error.setWordWrap(True)
        self.store_error.setMargin(8)
        self.store_error.setStyleSheet(NOTICE_STYLE)
        self.store_error.hide()
        self.damaged_notice = DamagedNotice(self)
        self.damaged_notice.recover_requested.connect(self.recover_requested)

        self.welcome = QLabel(WELCOME, self)
        self.welcome.setObjectName("welcome")
        self.welcome.setTextFormat(Qt.TextFormat.PlainText)
        self.welcome.setWordWrap(True)

        self.list_heading = QLabel("Your reviews", self)
        list_font = QFont(self.list_heading.font())
        list_font.setPointSizeF(list_font.pointSizeF() * 1.2)
        list_font.setWeight(QFont.Weight.DemiBold)
        self.list_heading.setFont(list_font)

        self.filter_edit = FilterEdit(self)
        self.filter_edit.setPlaceholderText("Filter by title, file or progress")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(260)
        self.filter_edit.setAccessibleName("Filter reviews")
        self.filter_label = QLabel("F&ilter:", self)
        self.filter_label.setBuddy(self.filter_edit)
        self.filter_edit.textChanged.connect(self._filter_changed)
        self.filter_edit.to_list.connect(self._focus_list)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.list_heading)
        filter_row.addStretch(1)
        filter_row.addWidget(self.filter_label)
        filter_row.addWidget(self.filter_edit)

        self.view = ReviewTableView(self)
        self.view.setObjectName("reviewList")
        self.view.setAccessibleName("Stored reviews")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setResizeContentsPrecision(200)  # fitting columns reads 200 rows, not all
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(1, 220)
        self.view.doubleClicked.connect(self._activate)
        self.view.entry_chosen.connect(self._activate)
        self.view.resized.connect(self._cap_progress)
        self._progress_width = 0

        self.no_match = QLabel(self)
        self.no_match.setObjectName("noMatch")
        self.no_match.setTextFormat(Qt.TextFormat.PlainText)
        self.no_match.hide()

        content = QWidget(self)
        content.setMaximumWidth(980)
        column = QVBoxLayout(content)
        column.setContentsMargins(24, 24, 24, 24)
        column.setSpacing(12)
        column.addWidget(self.heading)
        column.addLayout(buttons)
        column.addWidget(self.store_error)
        column.addWidget(self.damaged_notice)
        column.addWidget(self.welcome)
        column.addSpacing(8)
        column.addLayout(filter_row)
        column.addWidget(self.no_match)
        column.addWidget(self.view, 1)
        column.addStretch(0)
        self._column = column

        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addStretch(0)
        outer.addWidget(content, 1)
        outer.addStretch(0)

        self.setFocusProxy(self.view)
        self.setTabOrder(self.view, self.filter_edit)
        self.setTabOrder(self.filter_edit, self.open_button)
        self.setTabOrder(self.open_button, self.paste_button)
        self.setTabOrder(self.paste_button, self.sample_button)
        self._update_visibility()
        if store is not None:
            self.refresh(store)

    # Loading -------------------------------------------------------------------------------

    def refresh(self, store: ReviewStore) -> None:
        """Reload the list and the damaged-file notice from ``store``, keeping the selection."""
        current = self.current_entry()
        try:
            overview = store.overview()  # one look at the store for the list and the notice
            entries, damaged, newer = overview.reviews, overview.damaged, overview.newer
        except (StoreError, OSError) as error:
            entries, damaged, newer = [], [], []
            self.store_error.setText(
                f"Problem: the review store {store.root} cannot be read ({error}). Check that "
                "the folder exists and that you may read it, then reopen this page.")
            self.store_error.show()
        else:
            self.store_error.hide()
        self.model.set_entries(entries)
        self.damaged_notice.show_damaged(store, damaged, newer)
        self._update_visibility()
        self._fit_columns()
        row = self.model.row_of(current.review_id) if current is not None else None
        self._select_source_row(row if row is not None else 0)

    def _select_source_row(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            index = self.proxy.index(0, 0)
        if index.isValid():
            self.view.setCurrentIndex(index)

    PROGRESS_SHARE = 0.34
    """At most this share of the list's width goes to the progress column (its whole text is
    in its tooltip), so that a long progress line never squeezes the title to a few letters."""

    def _fit_columns(self) -> None:
        """Progress and date columns fit their text; title takes the rest, the file is elided.
        Measured when the list changes; a resize only applies the progress column's cap."""
        for column in (2, 3):
            self.view.resizeColumnToContents(column)
        self._progress_width = self.view.columnWidth(2)
        self._cap_progress()

    def _cap_progress(self) -> None:
        cap = int(self.view.viewport().width() * self.PROGRESS_SHARE)
        if self.view.isVisible() and cap > 0 and self._progress_width > 0:
            self.view.setColumnWidth(2, min(self._progress_width, cap))

    def _update_visibility(self) -> None:
        empty = self.model.rowCount() == 0
        self.welcome.setVisible(empty)
        # With no list, the trailing stretch keeps the page's content together at the top.
        self._column.setStretch(self._column.count() - 1, 1 if empty else 0)
        for widget in (self.list_heading, self.filter_label, self.filter_edit, self.view):
            widget.setVisible(not empty)
        shown = self.proxy.rowCount()
        filtering = bool(self.filter_edit.text().strip())
        self.no_match.setVisible(not empty and filtering and shown == 0)
        if self.no_match.isVisibleTo(self):
            self.no_match.setText(f"No review matches “{self.filter_edit.text().strip()}”.")

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_needle(text)
        if not self.view.currentIndex().isValid() and self.proxy.rowCount():
            self.view.setCurrentIndex(self.proxy.index(0, 0))
        self._update_visibility()

    def _focus_list(self) -> None:
        if self.proxy.rowCount():
            if not self.view.currentIndex().isValid():
                self.view.setCurrentIndex(self.proxy.index(0, 0))
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # Reading -------------------------------------------------------------------------------

    def current_entry(self) -> IndexEntry | None:
        index = self.view.currentIndex()
        return index.data(ENTRY_ROLE) if index.isValid() else None

    def visible_entries(self) -> list[IndexEntry]:
        """The reviews the filter lets through, in the order shown."""
        return [self.proxy.index(row, 0).data(ENTRY_ROLE) for row in range(self.proxy.rowCount())]

    def _activate(self, index: QModelIndex) -> None:
        entry = index.data(ENTRY_ROLE) if index.isValid() else None
        if entry is not None:
            self.review_activated.emit(entry)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.view.isVisible():
            self._focus_list()
