"""Search every stored review from the window: words, a status and a speaker, as
``claim-reader search`` takes them, with each claim's snippet, verdict and article; Enter
(or a double click) opens the claim in its article.

The index is brought up to date and queried on a pool thread, a moment after the typing
stops; the UI thread only shows the results (and drops any that a later query overtook).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.store.model import STATUSES
from reader.ui.background import run_in_background
from reader.ui.highlights import STATUS_LABELS, STATUS_SYMBOLS

TYPING_PAUSE_MS = 250
LIMIT = 100
FOUND_IN = {"note": "in its note", "sources": "in its sources", "title": "in the title",
            "speaker": "in the speaker"}


def describe_hit(hit: Any) -> str:
    """One result as the list shows it: the verdict in words, the claim with the matched words
    between ⟦ ⟧, where the words were found, and the article."""
    speaker = f"{hit.speaker}: " if hit.speaker else ""
    words = hit.snippet if hit.found_in == "words" else " ".join(hit.text.split())
    lines = [f"{STATUS_SYMBOLS.get(hit.status, '')} {STATUS_LABELS.get(hit.status, hit.status)}"
             f" — {speaker}“{words}”"]
    if hit.found_in and hit.found_in != "words":
        lines.append(f"{FOUND_IN[hit.found_in]}: {hit.snippet}")
    where = " · ".join(part for part in (f"“{hit.title}”" if hit.title else "pasted text",
                                         hit.site, hit.day) if part)
    lines.append(where)
    return "\n".join(lines)


class SearchDialog(QDialog):
    """``open_requested(review_id, claim_id)`` asks the window to open a result."""

    open_requested = Signal(str, str)

    def __init__(self, store_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchDialog")
        self.setWindowTitle("Search All Reviews")
        self.resize(760, 560)
        self.store_dir = store_dir
        self._generation = 0
        self.hits: list[Any] = []
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.query = QLineEdit(self)
        self.query.setObjectName("searchQuery")
        self.query.setPlaceholderText('Words to find, "a phrase", or the start of a word*')
        self.query.setClearButtonEnabled(True)
        row.addWidget(self.query, 3)
        self.speaker = QLineEdit(self)
        self.speaker.setObjectName("searchSpeaker")
        self.speaker.setPlaceholderText("Speaker")
        row.addWidget(self.speaker, 1)
        self.status = QComboBox(self)
        self.status.setObjectName("searchStatus")
        self.status.addItem("All statuses", "")
        for status in STATUSES:
            self.status.addItem(f"{STATUS_SYMBOLS[status]} {STATUS_LABELS[status]}", status)
        row.addWidget(self.status)
        layout.addLayout(row)
        self.summary = QLabel("Type words to search the claims of every stored review.", self)
        self.summary.setObjectName("searchSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary)
        self.results = QListWidget(self)
        self.results.setObjectName("searchResults")
        self.results.setWordWrap(True)
        self.results.setAlternatingRowColors(True)
        self.results.setAccessibleName("Claims found")
        layout.addWidget(self.results, 1)
        hint = QLabel("↑ ↓ to choose · Enter opens the claim in its article · Esc closes", self)
        hint.setEnabled(False)
        layout.addWidget(hint)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.run_search)
        self.query.textChanged.connect(lambda _: self._timer.start())
        self.speaker.textChanged.connect(lambda _: self._timer.start())
        self.status.currentIndexChanged.connect(lambda _: self.run_search())
        self.query.returnPressed.connect(self._enter)
        self.results.itemActivated.connect(lambda item: self._open(self.results.row(item)))
        QShortcut(QKeySequence(Qt.Key.Key_Down), self.query,
                  activated=lambda: self.results.setFocus())

    def _enter(self) -> None:
        if self._timer.isActive() or not self.hits:
            self._timer.stop()
            self.run_search()
        else:
            self._open(max(self.results.currentRow(), 0))

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.hits):
            hit = self.hits[row]
            self.open_requested.emit(hit.review_id, hit.claim_id)

    # Searching -----------------------------------------------------------------------------

    def run_search(self) -> None:
        from reader.memory.search import SearchError, SearchQuery

        status = self.status.currentData()
        try:
            query = SearchQuery(self.query.text(), self.speaker.text(),
                                (status,) if status else (), limit=LIMIT)
        except SearchError as error:
            self.summary.setText(str(error))
            return
        self._generation += 1
        generation = self._generation
        if query.empty:
            self._show([], "Type words to search the claims of every stored review.")
            return
        self.summary.setText("Searching…")
        store_dir = self.store_dir

        def work() -> Any:
            from reader.memory.index import ClaimMemory
            from reader.memory.search import search

            with ClaimMemory(store_dir) as memory:
                memory.sync(cancelled=lambda: generation != self._generation)
                return memory.guarded(lambda db: search(db, query))

        run_in_background(work, lambda results: self._found(generation, results),
                          lambda error: self._failed(generation, error), parent=self)

    def _found(self, generation: int, results: Any) -> None:
        if generation != self._generation:
            return  # a later query is on its way
        if not results.hits:
            self._show([], "No claim matches.")
            return
        shown = len(results.hits)
        if results.more:
            summary = (f"More than {results.total:,} claims match: the best {shown} of the "
                       f"{results.total:,} most recently saved.")
        else:
            summary = f"{results.total:,} claim{'s match' if results.total != 1 else ' matches'}"
            summary += f", the first {shown} shown." if results.total > shown else "."
        self._show(results.hits, summary)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            message = getattr(error, "message", None) or f"{type(error).__name__}: {error}"
            self._show([], f"The search could not be made: {message}")

    def _show(self, hits: list[Any], summary: str) -> None:
        self.hits = hits
        self.summary.setText(summary)
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(describe_hit(hit))
            item.setToolTip(f"{hit.path or 'Pasted text'}\nClaim {hit.claim_id} of review "
                            f"{hit.review_id}")
            self.results.addItem(item)
        if hits:
            self.results.setCurrentRow(0)
