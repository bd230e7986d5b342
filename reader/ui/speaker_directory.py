"""The speaker directory window: everyone quoted across the store, their quotes with verdicts,
and the user's joins and splits, all by keyboard.

The work is the core's (``reader.directory``): reading every review runs off the UI thread
with progress, and so does saving a join, a split or an undo (a lock may have to wait). The
window only shows the result and asks for the two speakers to join or the name to split. A
verdict is always spelled out ("✗ Disputed"), never shown by colour alone.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from reader.directory import (
    DecisionsFile,
    NameRef,
    Speaker,
    SpeakerDirectory,
    SpeakerQuote,
    build_directory,
)
from reader.directory.names import fold
from reader.directory.quotes import article_label
from reader.store.errors import StoreError
from reader.ui.actions import ActionSpec, key_sequences, shortcut_text
from reader.ui.background import run_in_background
from reader.ui.message_bar import MessageBar
from reader.ui.table_model import ReadOnlyTableModel

ModelIndex = QModelIndex | QPersistentModelIndex
SPEAKER_ROLE = Qt.ItemDataRole.UserRole
"""``data(index, SPEAKER_ROLE)``: the row's ``Speaker`` (speakers) or ``SpeakerQuote``."""
VERDICTS = {"verified": "✓ Verified", "disputed": "✗ Disputed",
            "unverifiable": "? Unverifiable", "unreviewed": "○ Unreviewed"}
KIND_WORDS = {"person": "person", "organisation": "organisation",
              "description": "described in one article"}

DIRECTORY_ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("speakers_filter", "&Filter", ("Ctrl+F", "Ctrl+L"),
               "Filter the speakers by any of their names"),
    ActionSpec("speakers_open", "&Open in Article", ("Ctrl+Return",),
               "Open the selected quote in its article (Enter in the quotes list)"),
    ActionSpec("speakers_join", "&Join With…", ("Ctrl+J",),
               "The selected speaker and another are one: list them as one"),
    ActionSpec("speakers_split", "&Split Name Out…", ("Ctrl+Shift+J",),
               "One of the selected speaker's names, or one article's quotes, is someone else"),
    ActionSpec("speakers_undo", "&Undo Last Join or Split", ("Ctrl+Z",),
               "Take back the latest join or split"),
    ActionSpec("speakers_reload", "&Reload", ("F5",), "Read the store again (new reviews)"),
)
"""The directory's own keys. They act only while the directory is the active window, so
they may repeat the main window's (Ctrl+L filters there too); no two of them are alike."""
BUTTON_WORDS = {"speakers_open": "Open in Article", "speakers_join": "Join…",
                "speakers_split": "Split…", "speakers_undo": "Undo", "speakers_reload": "Reload"}
KEYS_HINT = ("Keys: type to filter · ↑ ↓ choose a speaker · Enter: their quotes · Enter on a "
             "quote: open it in its article · Ctrl+J join · Ctrl+Shift+J split · Ctrl+Z undo · "
             "F5 reload · Esc close")


class _Progress(QObject):
    """Carries the reading's progress from the worker thread to the window."""

    moved = Signal(int, int)

    def report(self, done: int, total: int) -> None:
        with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
            self.moved.emit(done, total)


def bring_to_front(window: QWidget) -> None:
    """Show ``window`` above the others and give it the keyboard (the offscreen platform of
    the tests and screenshots has no stacking to change, and says so as a warning)."""
    if QGuiApplication.platformName() != "offscreen":
        window.raise_()
    window.activateWindow()


# Models -------------------------------------------------------------------------------------

SPEAKER_COLUMNS = ("Speaker", "Quotes", "Verdicts")


def verdicts_text(speaker: Speaker) -> str:
    """"1 disputed, 2 verified, 5 unreviewed": the statuses it has, in words, the ones that
    need attention first."""
    tally = speaker.tally
    parts = [f"{count} {status}" for status, count in (
        ("disputed", tally.disputed), ("verified", tally.verified),
        ("unverifiable", tally.unverifiable), ("unreviewed", tally.unreviewed)) if count]
    return ", ".join(parts)


class SpeakersModel(ReadOnlyTableModel):
    """One row per speaker: the name, the number of quotes, and their verdicts in words
    (sorting on that column puts the most disputed first)."""

    COLUMNS = SPEAKER_COLUMNS
    COLUMN_TIPS = ("By name (people by surname)", "By number of quotes", "Most disputed first")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._speakers: list[Speaker] = []
        self._order = (0, Qt.SortOrder.AscendingOrder)

    def set_speakers(self, speakers: list[Speaker], column: int = 0,
                     order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.beginResetModel()
        self._speakers = self._sorted(list(speakers), column, order)
        self._order = (column, order)
        self.endResetModel()

    @staticmethod
    def _sorted(speakers: list[Speaker], column: int, order: Qt.SortOrder) -> list[Speaker]:
        keys = {0: lambda s: s.number, 1: lambda s: (s.tally.total, -s.number),
                2: lambda s: (s.tally.disputed, s.tally.verified, -s.number)}
        if column in keys:
            speakers.sort(key=keys[column], reverse=order == Qt.SortOrder.DescendingOrder)
        return speakers

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorted here, in one Python sort, rather than by the proxy (which would ask for
        each row's data many times: too slow with thousands of speakers)."""
        if (column, order) == self._order or column not in (0, 1, 2):
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        speakers = [self._speakers[index.row()] for index in before]
        self._sorted(self._speakers, column, order)
        self._order = (column, order)
        rows = {id(speaker): row for row, speaker in enumerate(self._speakers)}
        self.changePersistentIndexList(before, [
            self.index(rows[id(speaker)], index.column())
            for speaker, index in zip(speakers, before, strict=True)])
        self.layoutChanged.emit()

    def speaker(self, row: int) -> Speaker:
        return self._speakers[row]

    def search_text(self, row: int) -> str:
        return self._speakers[row].search

    def row_of(self, speaker: Speaker) -> int | None:
        for row, candidate in enumerate(self._speakers):
            if candidate.ref == speaker.ref:
                return row
        return None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._speakers)


    def _text(self, speaker: Speaker, column: int) -> str:
        if column == 0:
            return speaker.display()
        if column == 1:
            return str(speaker.quote_count)
        return verdicts_text(speaker)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._speakers):
            return None
        speaker = self._speakers[index.row()]
        column = index.column()
        if role == SPEAKER_ROLE:
            return speaker
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(speaker, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [f"{speaker.display()} ({KIND_WORDS.get(speaker.kind, speaker.kind)})",
                     f"Verdicts: {speaker.tally.text()}"]
            if len(speaker.variants) > 1:
                lines.append("Also written: " + ", ".join(speaker.variants[1:]))
            if speaker.note:
                lines.append(speaker.note[:1].upper() + speaker.note[1:])
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{SPEAKER_COLUMNS[column]}: {self._text(speaker, column)}"
        return None



class SpeakerFilterModel(QSortFilterProxyModel):
    """Rows whose names hold the filter's words (case and accents aside); descriptions
    ("officials") only when asked for."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        self.show_unnamed = False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        assert isinstance(model, SpeakersModel)
        model.sort(column, order)  # the proxy keeps the source's order

    def set_filter(self, text: str, show_unnamed: bool) -> None:
        needle = fold(text)
        if (needle, show_unnamed) == (self._needle, self.show_unnamed):
            return
        if hasattr(self, "beginFilterChange"):  # Qt 6.9 and later
            self.beginFilterChange()
            self._needle, self.show_unnamed = needle, show_unnamed
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._needle, self.show_unnamed = needle, show_unnamed
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, SpeakersModel)
        if not self.show_unnamed and model.speaker(source_row).unnamed:
            return False
        text = model.search_text(source_row)
        return all(word in text for word in self._needle.split())


QUOTE_COLUMNS = ("Date", "Verdict", "Quote or claim", "Article")


class QuotesModel(ReadOnlyTableModel):
    """One speaker's quotes in date order, each with its verdict in words."""

    COLUMNS = QUOTE_COLUMNS

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._quotes: list[SpeakerQuote] = []
        self._speaker: Speaker | None = None

    def set_quotes(self, speaker: Speaker | None, quotes: list[SpeakerQuote]) -> None:
        self.beginResetModel()
        self._speaker = speaker
        self._quotes = list(quotes)
        self.endResetModel()

    def quote(self, row: int) -> SpeakerQuote:
        return self._quotes[row]

    def quotes(self) -> list[SpeakerQuote]:
        return list(self._quotes)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._quotes)


    def _text(self, quote: SpeakerQuote, column: int) -> str:
        if column == 0:
            if not quote.date:
                return "no date"
            return quote.date + ("" if quote.article.dated_by == "published" else " *")
        if column == 1:
            verdict = VERDICTS.get(quote.status, quote.status)
            return verdict + (" (orphaned)" if quote.record.orphaned else "")
        if column == 2:
            text = " ".join(quote.record.text.split())
            if quote.record.kind == "quote":
                text = f"“{text}”"  # the speaker's own words; a reported claim is not
            extra = []
            if self._speaker is not None and quote.written != self._speaker.name:
                extra.append(f"as {quote.written}")
            if quote.role:
                extra.append(f"through a {quote.role}")
            return text + (f" ({'; '.join(extra)})" if extra else "")
        return article_label(quote.article)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._quotes):
            return None
        quote = self._quotes[index.row()]
        column = index.column()
        if role == SPEAKER_ROLE:
            return quote
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(quote, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return ("The article's publication date" if quote.article.dated_by ==
                        "published" else "* The article gives no date: the day its review "
                        "began")
            if column == 3:
                return quote.article.path or "Pasted text: opens from the text kept with the review"
            return quote.record.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{QUOTE_COLUMNS[column]}: {self._text(quote, column)}"
        return None



# Small widgets ------------------------------------------------------------------------------

class FilterEdit(QLineEdit):
    """Up and Down move the list's selection while the keyboard stays here; Enter goes on to
    the selected speaker's quotes."""

    step = Signal(int)
    chosen = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            page = key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp)
            self.step.emit((10 if page else 1) * (1 if key in (
                Qt.Key.Key_Down, Qt.Key.Key_PageDown) else -1))
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.chosen.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class EnterTable(QTableView):
    """Enter acts on the current row (``activated`` is not Enter everywhere)."""

    chosen = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                self.currentIndex().isValid():
            self.chosen.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


@dataclass(frozen=True, slots=True)
class Choice:
    text: str
    value: Any
    search: str = ""
    """The text folded for the filter, when the caller has it already."""


class ChoiceDialog(QDialog):
    """A list to pick one item from by keyboard: type to narrow it, arrows, Enter. A plain
    string list model, so that the thousands of speakers of a large store open at once."""

    def __init__(self, parent: QWidget, title: str, prompt: str, choices: list[Choice]) -> None:
        super().__init__(parent)
        self.setObjectName("speakerChoice")
        self.setWindowTitle(title)
        self.choices = choices
        self.value: Any = None
        self._folded = [choice.search or fold(choice.text) for choice in choices]
        self._shown = list(range(len(choices)))
        layout = QVBoxLayout(self)
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.filter = FilterEdit(self)
        self.filter.setPlaceholderText("Type to narrow the list")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Narrow the list")
        layout.addWidget(self.filter)
        self.list = QListView(self)
        self.list.setObjectName("choiceList")
        self.list.setUniformItemSizes(True)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setModel(QStringListModel([choice.text for choice in choices], self.list))
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.ok = QPushButton("Choose (Enter)", self)
        cancel = QPushButton("Cancel (Esc)", self)
        for button in (self.ok, cancel):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.ok.clicked.connect(self._choose)
        cancel.clicked.connect(self.reject)
        self.filter.textChanged.connect(self._narrow)
        self.filter.step.connect(self._step)
        self.filter.chosen.connect(self._choose)
        self.list.activated.connect(lambda _index: self._choose())
        self.resize(460, 360)
        self._select(0)
        self.filter.setFocus()

    def shown_texts(self) -> list[str]:
        """The choices the filter leaves, in order."""
        return [self.choices[row].text for row in self._shown]

    def _select(self, position: int) -> None:
        if self._shown:
            index = self.list.model().index(self._shown[position], 0)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)

    def _narrow(self, text: str) -> None:
        words = fold(text).split()
        shown = [row for row, folded in enumerate(self._folded)
                 if all(word in folded for word in words)]
        visible = set(shown)
        self.list.setUpdatesEnabled(False)
        for row in range(len(self.choices)):
            hidden = row not in visible
            if self.list.isRowHidden(row) != hidden:
                self.list.setRowHidden(row, hidden)
        self.list.setUpdatesEnabled(True)
        self._shown = shown
        if self.list.currentIndex().row() not in visible:
            self._select(0)

    def _step(self, step: int) -> None:
        if not self._shown:
            return
        current = self.list.currentIndex().row()
        position = self._shown.index(current) if current in self._shown else -1
        self._select(max(0, min(len(self._shown) - 1, position + step)))

    def _choose(self) -> None:
        row = self.list.currentIndex().row()
        if row < 0 or row not in self._shown:
            return
        self.value = self.choices[row].value
        self.accept()


# The window ---------------------------------------------------------------------------------

class SpeakerDirectoryDialog(QDialog):
    """The directory of the store at ``store_root``. ``open_quote_requested`` carries the
    ``SpeakerQuote`` to show in its article (the main window opens it). ``ready`` is emitted
    each time a reading or a decision has been shown."""

    open_quote_requested = Signal(object)
    ready = Signal()

    def __init__(self, store_root: Path, parent: QWidget | None = None,
                 reviewer: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("speakerDirectory")
        self.setWindowTitle("Speakers — Claim Reader")
        self.setModal(False)
        self.store_root = store_root
        self.decisions = DecisionsFile(store_root, reviewer=reviewer)
        self.directory: SpeakerDirectory | None = None
        self.busy_with: str | None = None
        self._choice: ChoiceDialog | None = None
        self._progress = _Progress(self)
        self._progress.moved.connect(self._show_progress)
        self._build()
        self.actions_by_name = self._create_actions()
        self._update_actions()
        self.resize(1240, 720)

    # Layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.message_bar = MessageBar(self)
        layout.addWidget(self.message_bar)

        top = QHBoxLayout()
        self.filter = FilterEdit(self)
        self.filter.setObjectName("speakerFilter")
        self.filter.setPlaceholderText("Filter speakers by any of their names (Ctrl+F)")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter speakers")
        top.addWidget(self.filter, 1)
        self.show_unnamed = QCheckBox("Show speakers only &described (“officials”)", self)
        self.show_unnamed.setToolTip("Also list speakers an article names only by description; "
                                     "each stands for someone in its own article only")
        top.addWidget(self.show_unnamed)
        layout.addLayout(top)

        status = QHBoxLayout()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("speakerStatus")
        status.addWidget(self.status_label, 1)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(False)
        self.progress.hide()
        status.addWidget(self.progress)
        layout.addLayout(status)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.model = SpeakersModel(self)
        self.proxy = SpeakerFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.list = EnterTable(splitter)
        self.list.setObjectName("speakerList")
        self.list.setAccessibleName("Speakers")
        self._table(self.list, self.proxy,
                    {1: "Quotes", 2: "1 disputed, 2 verified, 34 unreviewed"}, stretch=0)
        self.list.setSortingEnabled(True)
        self.list.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        splitter.addWidget(self.list)

        detail = QWidget(splitter)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(8, 0, 0, 0)
        self.heading = QLabel(detail)
        self.heading.setObjectName("speakerHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.facts = QLabel(detail)
        self.facts.setObjectName("speakerFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        detail_layout.addWidget(self.heading)
        detail_layout.addWidget(self.facts)
        self.quotes_model = QuotesModel(self)
        self.quotes = EnterTable(detail)
        self.quotes.setObjectName("speakerQuotes")
        self.quotes.setAccessibleName("The speaker's quotes")
        self._table(self.quotes, self.quotes_model,
                    {0: "2026-12-31 *", 1: "? Unverifiable", 3: "Sea wall contracts go"},
                    stretch=2)
        detail_layout.addWidget(self.quotes, 1)
        self.quote_text = QLabel(detail)
        self.quote_text.setObjectName("speakerQuoteText")
        self.quote_text.setWordWrap(True)
        self.quote_text.setTextFormat(Qt.TextFormat.PlainText)
        self.quote_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.quote_text.setMinimumHeight(self.quote_text.fontMetrics().lineSpacing() * 4)
        self.quote_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        detail_layout.addWidget(self.quote_text)
        self.date_note = QLabel("* The article gives no date: the day its review began.",
                                detail)
        self.date_note.setObjectName("speakerDateNote")
        self.date_note.hide()
        detail_layout.addWidget(self.date_note)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name in ("speakers_open", "speakers_join", "speakers_split", "speakers_undo",
                     "speakers_reload"):
            spec = next(s for s in DIRECTORY_ACTIONS if s.name == name)
            button = QPushButton(f"{BUTTON_WORDS[name]} ({shortcut_text(spec)})", detail)
            button.setAutoDefault(False)
            button.setToolTip(spec.tip)
            button.setObjectName(name)
            buttons.addWidget(button)
            self.buttons[name] = button
        buttons.addStretch(1)
        detail_layout.addLayout(buttons)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([470, 770])
        self.list.setMinimumWidth(380)
        header = self.quotes.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(3, 200)
        self.quotes.setTextElideMode(Qt.TextElideMode.ElideRight)
        layout.addWidget(splitter, 1)
        keys = QLabel(KEYS_HINT, self)
        keys.setObjectName("speakerKeys")
        keys.setWordWrap(True)
        layout.addWidget(keys)

        self.filter.textChanged.connect(lambda _text: self._apply_filter())
        self.filter.step.connect(self._step)
        self.filter.chosen.connect(self._to_quotes)
        self.show_unnamed.toggled.connect(lambda _checked: self._apply_filter())
        self.list.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._show_current())
        self.list.chosen.connect(lambda _index: self._to_quotes())
        self.quotes.chosen.connect(lambda _index: self.open_current_quote())
        self.quotes.doubleClicked.connect(lambda _index: self.open_current_quote())
        self.quotes.selectionModel().currentRowChanged.connect(
            lambda _current, _previous: self._show_quote())
        self.buttons["speakers_open"].clicked.connect(self.open_current_quote)
        self.buttons["speakers_join"].clicked.connect(self.choose_join)
        self.buttons["speakers_split"].clicked.connect(self.choose_split)
        self.buttons["speakers_undo"].clicked.connect(self.undo)
        self.buttons["speakers_reload"].clicked.connect(self.reload)

    @staticmethod
    def _table(view: QTableView, model: Any, widths: dict[int, str], stretch: int) -> None:
        """One line per row and columns as wide as ``widths`` says (a sample of the widest
        text): sizing a column or a row to its contents asks every row for its data, which
        takes a visible moment with thousands of speakers or quotes."""
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setTabKeyNavigation(False)  # Tab goes on to the next part of the window
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        metrics = view.fontMetrics()
        for column, sample in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def _create_actions(self) -> dict[str, QAction]:
        slots: dict[str, Callable[[], None]] = {
            "speakers_filter": self.focus_filter, "speakers_open": self.open_current_quote,
            "speakers_join": self.choose_join, "speakers_split": self.choose_split,
            "speakers_undo": self.undo, "speakers_reload": self.reload,
        }
        actions = {}
        for spec in DIRECTORY_ACTIONS:
            action = QAction(spec.text, self)
            action.setObjectName(spec.name)
            action.setShortcuts(key_sequences(spec))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(f"{spec.tip} ({shortcut_text(spec)})")
            action.triggered.connect(lambda _=False, slot=slots[spec.name]: slot())
            self.addAction(action)
            actions[spec.name] = action
        return actions

    # Reading the store ---------------------------------------------------------------------

    def reload(self) -> None:
        """Read the store again in the background (the list stays until the new one is
        ready)."""
        if self.busy_with is not None:
            return
        self._busy("Reading the reviews…")
        root, decisions, progress = self.store_root, self.decisions, self._progress
        run_in_background(
            lambda: build_directory(root, progress=progress.report, decisions=decisions),
            lambda directory: self._shown(directory, ""),
            self._failed, parent=self)

    def _show_progress(self, done: int, total: int) -> None:
        if self.busy_with is None or total <= 0:
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        self.status_label.setText(f"Reading the reviews… {done:,} of {total:,}")

    def _busy(self, text: str) -> None:
        self.busy_with = text
        self.status_label.setText(text)
        self.progress.setRange(0, 0)
        self.progress.show()
        self._update_actions()

    def _failed(self, error: BaseException) -> None:
        self.busy_with = None
        self.progress.hide()
        if isinstance(error, StoreError):
            self.message_bar.show_message("error", error.message)
        else:
            self.message_bar.show_message(
                "error", f"The speaker directory could not be made ({type(error).__name__}: "
                f"{error}). Please report it.")
        self._show_status()
        self._update_actions()
        self.ready.emit()

    def _shown(self, directory: SpeakerDirectory, done: str,
               select: NameRef | None = None) -> None:
        previous = select or (self.current_speaker().ref if self.current_speaker() else None)
        self.busy_with = None
        self.progress.hide()
        self.directory = directory
        header = self.list.horizontalHeader()
        self.model.set_speakers(directory.speakers, header.sortIndicatorSection(),
                                header.sortIndicatorOrder())
        problems = self._problems(directory)
        if problems:
            self.message_bar.show_message("error", problems)
        elif done:
            self.message_bar.show_message("info", done)
        else:
            self.message_bar.dismiss()
        self._apply_filter(keep=previous)
        self._show_status()
        self._update_actions()
        if done:
            # After a join, a split or an undo the keyboard is on the speaker it made, where
            # Ctrl+Z takes it back (in the filter box Ctrl+Z undoes the typing).
            self.list.setFocus()
        self.ready.emit()

    @staticmethod
    def _problems(directory: SpeakerDirectory) -> str:
        lines = []
        if directory.decisions.read_only_reason:
            lines.append(directory.decisions.read_only_reason)
        unreadable = directory.collection.unreadable
        if unreadable:
            names = ", ".join(path.name for path, _ in unreadable[:3])
            more = f" and {len(unreadable) - 3} more" if len(unreadable) > 3 else ""
            lines.append(f"{len(unreadable)} review file{'s' if len(unreadable) != 1 else ''} "
                         f"could not be read and {'are' if len(unreadable) != 1 else 'is'} "
                         f"left out ({names}{more}): open the article to recover it.")
        return " ".join(lines)

    def _show_status(self) -> None:
        directory = self.directory
        if directory is None:
            self.status_label.setText("")
            return
        named = directory.named()
        shown = self.proxy.rowCount()
        reviews = len(directory.collection.articles)
        text = (f"{len(named):,} speaker{'s' if len(named) != 1 else ''} quoted in "
                f"{reviews:,} review{'s' if reviews != 1 else ''}")
        if shown != len(directory.named(self.show_unnamed.isChecked())):
            text += f"; {shown:,} match the filter"
        unnamed = directory.unnamed_quotes()
        if unnamed and not self.show_unnamed.isChecked():
            text += (f"; {unnamed:,} quote{'s' if unnamed != 1 else ''} by speakers only "
                     f"described {'is' if unnamed == 1 else 'are'} not listed")
        if not named and not reviews:
            text = "No reviews with quoted speakers yet: review an article first."
        self.status_label.setText(text)

    # Selection -----------------------------------------------------------------------------

    def _apply_filter(self, keep: NameRef | None = None) -> None:
        if keep is None and self.current_speaker() is not None:
            keep = self.current_speaker().ref
        self.proxy.set_filter(self.filter.text(), self.show_unnamed.isChecked())
        row = None
        if keep is not None and self.directory is not None:
            speaker = self.directory.speaker_of(keep)
            source = self.model.row_of(speaker) if speaker is not None else None
            if source is not None:
                mapped = self.proxy.mapFromSource(self.model.index(source, 0))
                row = mapped.row() if mapped.isValid() else None
        if row is None and self.proxy.rowCount():
            row = 0
        if row is None:
            self.list.setCurrentIndex(QModelIndex())
            self._show_current()
        else:
            self.list.setCurrentIndex(self.proxy.index(row, 0))
            self.list.scrollTo(self.proxy.index(row, 0))
        self._show_status()

    def _step(self, step: int) -> None:
        rows = self.proxy.rowCount()
        if not rows:
            return
        current = self.list.currentIndex().row()
        row = max(0, min(rows - 1, (current if current >= 0 else -1) + step))
        self.list.setCurrentIndex(self.proxy.index(row, 0))
        self.list.scrollTo(self.proxy.index(row, 0))

    def current_speaker(self) -> Speaker | None:
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        return index.data(SPEAKER_ROLE)

    def current_quote(self) -> SpeakerQuote | None:
        index = self.quotes.currentIndex()
        if not index.isValid():
            return None
        return index.data(SPEAKER_ROLE)

    def _show_current(self) -> None:
        speaker = self.current_speaker()
        if speaker is None or self.directory is None:
            self.heading.setText("No speaker selected" if self.directory else "")
            self.facts.setText("")
            self.quotes_model.set_quotes(None, [])
            self.quote_text.setText("")
            self.date_note.hide()
            self._update_actions()
            return
        self.heading.setText(speaker.display())
        tally = speaker.tally
        facts = [f"{KIND_WORDS.get(speaker.kind, speaker.kind).capitalize()} · "
                 f"{speaker.quote_count} quote{'s' if speaker.quote_count != 1 else ''} in "
                 f"{speaker.articles} article{'s' if speaker.articles != 1 else ''}",
                 f"Verdicts: {tally.verified} verified, {tally.disputed} disputed, "
                 f"{tally.unverifiable} unverifiable, {tally.unreviewed} unreviewed"]
        if len(speaker.variants) > 1:
            facts.append("Also written: " + ", ".join(speaker.variants[1:]))
        if speaker.note:
            facts.append(speaker.note[:1].upper() + speaker.note[1:] + ".")
        self.facts.setText("\n".join(facts))
        quotes = self.directory.quotes(speaker)
        self.quotes_model.set_quotes(speaker, quotes)
        self.date_note.setVisible(any(q.date and q.article.dated_by != "published"
                                      for q in quotes))
        if self.quotes_model.rowCount():
            self.quotes.setCurrentIndex(self.quotes_model.index(0, 2))
        self._update_actions()

    def _show_quote(self) -> None:
        """The selected quote in full under the list: its words, where, and as whom."""
        quote = self.current_quote()
        if quote is None:
            self.quote_text.setText("")
        else:
            words = " ".join(quote.record.text.split())
            if quote.record.kind == "quote":
                words = f"“{words}”"
            verdict = VERDICTS.get(quote.status, quote.status)
            if quote.record.orphaned:
                verdict += " (orphaned: its words are no longer in the article)"
            where = [verdict, f"in “{article_label(quote.article)}”"]
            if quote.article.dated_by == "published":
                where.append(f"published {quote.article.date}")
            elif quote.article.date:
                where.append(f"no publication date; reviewed from {quote.article.date}")
            if quote.article.site:
                where.append(quote.article.site)
            speaker = self.current_speaker()
            if speaker is not None and quote.written != speaker.name:
                where.append(f"written “{quote.written}”")
            if quote.role:
                where.append(f"through a {quote.role}")
            self.quote_text.setText(f"{words}\n{' · '.join(where)}")
        self._update_actions()

    def _to_quotes(self) -> None:
        if self.quotes_model.rowCount():
            self.quotes.setFocus()
            if not self.quotes.currentIndex().isValid():
                self.quotes.setCurrentIndex(self.quotes_model.index(0, 2))

    def focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()

    def _update_actions(self) -> None:
        idle = self.busy_with is None and self.directory is not None
        writable = idle and not self.directory.decisions.read_only
        speaker = self.current_speaker()
        enabled = {
            "speakers_open": self.current_quote() is not None,
            "speakers_join": writable and speaker is not None and len(
                self.directory.speakers) > 1,
            "speakers_split": writable and speaker is not None,
            "speakers_undo": writable and bool(self.directory.decisions.decisions),
            "speakers_reload": self.busy_with is None,
        }
        for name, on in enabled.items():
            self.buttons[name].setEnabled(on)
            if hasattr(self, "actions_by_name"):
                self.actions_by_name[name].setEnabled(on)

    # Acting --------------------------------------------------------------------------------

    def open_current_quote(self) -> None:
        quote = self.current_quote()
        if quote is not None:
            self.open_quote_requested.emit(quote)

    def _ask(self, title: str, prompt: str, choices: list[Choice],
             then: Callable[[Any], None]) -> None:
        """Open a chooser (not blocking: the window stays responsive); ``then(value)`` runs
        when one is chosen."""
        dialog = ChoiceDialog(self, title, prompt, choices)
        self._choice = dialog

        def chosen(result: int) -> None:
            self._choice = None
            if result == QDialog.DialogCode.Accepted and dialog.value is not None:
                then(dialog.value)
            dialog.deleteLater()

        dialog.finished.connect(chosen)
        dialog.open()

    def choose_join(self) -> None:
        speaker = self.current_speaker()
        if speaker is None or not self.buttons["speakers_join"].isEnabled():
            return
        # People and organisations; speakers only described too when they are shown.
        others = [s for s in self.directory.named(self.show_unnamed.isChecked())
                  if s.number != speaker.number]
        choices = [Choice(self._choice_text(s), s, s.search) for s in others]
        self._ask("Join Speakers", f"Who else is {speaker.display()}? Their quotes will be "
                  "listed as one speaker's (Ctrl+Z takes it back).", choices,
                  lambda other: self._decide("join", speaker.ref, other.ref, speaker.ref,
                                             f"Joined {speaker.display()} and "
                                             f"{other.display()}."))

    @staticmethod
    def _choice_text(speaker: Speaker) -> str:
        also = f" — also {', '.join(speaker.variants[1:3])}" if len(speaker.variants) > 1 else ""
        return (f"{speaker.display()} ({speaker.quote_count} quote"
                f"{'s' if speaker.quote_count != 1 else ''}){also}")

    def choose_split(self) -> None:
        speaker = self.current_speaker()
        if speaker is None or self.directory is None or \
                not self.buttons["speakers_split"].isEnabled():
            return
        choices: list[Choice] = []
        variants = self.directory.variant_refs(speaker)
        if len(variants) > 1:
            for spelling, count in variants:
                choices.append(Choice(f"The name “{spelling}” ({count} quote"
                                      f"{'s' if count != 1 else ''}, every article)",
                                      NameRef(spelling)))
        quote = self.current_quote()
        if quote is not None and speaker.articles > 1:
            review = quote.article.review_id
            count = sum(1 for q in self.quotes_model.quotes() if q.article.review_id == review
                        and q.written == quote.written)
            choices.append(Choice(
                f"Only “{quote.written}” in “{article_label(quote.article)}” ({count} quote"
                f"{'s' if count != 1 else ''}): another person of that name",
                NameRef(quote.written, review)))
        if not choices:
            self.message_bar.show_message(
                "info", f"{speaker.display()} has one name in one article: there is nothing "
                "to split out.")
            return
        self._ask("Split a Name Out", f"Which quotes of {speaker.display()} are by someone "
                  "else? They will be listed apart (Ctrl+Z takes it back).", choices,
                  lambda ref: self._decide("split", ref, speaker.ref, ref,
                                           f"Took “{ref.name}” out of {speaker.display()}."))

    def _decide(self, action: str, first: NameRef, second: NameRef, select: NameRef,
                done: str) -> None:
        directory, decisions = self.directory, self.decisions
        if directory is None:
            return
        self._busy("Saving…")
        run_in_background(
            lambda: directory.with_decisions(decisions.add(action, first, second)),
            lambda result: self._shown(result, done + " Ctrl+Z takes it back.", select),
            self._failed, parent=self)

    def undo(self) -> None:
        directory, decisions = self.directory, self.decisions
        if directory is None or not self.buttons["speakers_undo"].isEnabled():
            return
        self._busy("Taking back the last decision…")

        def work() -> tuple[str, SpeakerDirectory]:
            taken, state = decisions.undo_last()
            return (f"Took back: {taken.describe()}." if taken else "Nothing to take back.",
                    directory.with_decisions(state))

        run_in_background(work, lambda result: self._shown(result[1], result[0]),
                          self._failed, parent=self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in the dialog must not close it (QDialog's default for Return).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

