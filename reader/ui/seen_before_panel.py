"""The "Seen before" pane: for the selected claim, the verdicts given on the same claim in other
reviews (the same quote by the same speaker, or the same figure in a near-identical sentence),
each with its note, sources, article and date, and one key (B) that applies the closest one.

The index is brought up to date and the article's claims looked up on a pool thread, with
the progress shown in the pane; the UI thread only shows results. The work opens its own
connection to the index (``reader.memory``): SQLite connections stay in their thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from reader.session import ReviewSession
from reader.ui.background import run_in_background
from reader.ui.highlights import STATUS_LABELS, STATUS_SYMBOLS

log = logging.getLogger(__name__)

RULE_WORDS = {"words": "same speaker and words", "figure": "same figure and sentence"}
APPLY_TEXT = "Apply Earlier Verdict (B)"
LIST_HEIGHT = 140
"""Pixels for the earlier verdicts, under the claims list (which gives up that much)."""


def describe(seen: Any) -> str:
    """One earlier verdict as the pane lists it, in words (the status is spelt out): the
    verdict and where it was given, then the earlier claim, its note and its sources."""
    where = " · ".join(part for part in (f"“{seen.title}”" if seen.title else "pasted text",
                                         seen.site, seen.day) if part)
    lines = [f"{STATUS_SYMBOLS.get(seen.status, '')} {STATUS_LABELS.get(seen.status, seen.status)}"
             f" in {where} — {RULE_WORDS.get(seen.rule, seen.rule)}, "
             f"{round(seen.similarity * 100)}%"]
    speaker = f"{seen.speaker}: " if seen.speaker else ""
    lines.append(f"{speaker}“{' '.join(seen.text.split())}”")
    if seen.note.strip():
        lines.append(f"Note: {' '.join(seen.note.split())}")
    for source in seen.sources:
        name = source.title or source.citation or source.url
        stance = f" ({source.stance} the claim)" if source.stance != "unspecified" else ""
        address = f" — {source.url}" if source.url and source.url != name else ""
        lines.append(f"Source: {name}{address}{stance}")
    return "\n".join(lines)


class _Progress(QObject):
    """Carries the index's progress from the pool thread to the UI thread (queued)."""

    changed = Signal(int, int)


class SeenBeforePanel(QFrame):
    """What the pane shows; the controller fills it."""

    apply_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("seenBeforePanel")
        self.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        header = QHBoxLayout()
        self.heading = QLabel("Seen before", self)
        self.heading.setObjectName("seenBeforeHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        header.addWidget(self.heading, 1)
        self.apply_button = QPushButton(APPLY_TEXT, self)
        self.apply_button.setObjectName("applyEarlierVerdict")
        self.apply_button.setToolTip("Give this claim the selected earlier verdict: its status, "
                                     "note and sources (Ctrl+Z undoes it)")
        self.apply_button.clicked.connect(self.apply_requested.emit)
        header.addWidget(self.apply_button)
        layout.addLayout(header)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("seenBeforeProgress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.list = QListWidget(self)
        self.list.setObjectName("seenBeforeList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName("Earlier verdicts on this claim")
        layout.addWidget(self.list)
        # As tall as what it shows, never more: the claims list above takes the rest.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.list.viewport().installEventFilter(self)
        self.show_message("Seen before: open an article to compare its claims with your other "
                          "reviews.")

    def show_message(self, text: str) -> None:
        self.heading.setText(text)
        self.list.clear()
        self.list.hide()
        self.apply_button.hide()

    def show_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.progress.setVisible(total > 0)
        self.heading.setText(f"Seen before: reading your other reviews… {done:,} of "
                             f"{total:,}")

    def show_matches(self, matches: list[Any]) -> None:
        self.progress.hide()
        count = len(matches)
        self.heading.setText(f"Seen before: {count} earlier verdict{'s' if count != 1 else ''}")
        self.list.clear()
        for seen in matches:
            item = QListWidgetItem(describe(seen))
            item.setToolTip(f"{seen.path or 'Pasted text'}\nClaim {seen.claim_id} of review "
                            f"{seen.review_id}")
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.show()
        self.apply_button.show()
        self._fit_list()

    def _fit_list(self) -> None:
        """As tall as its rows at the list's width, up to ``LIST_HEIGHT``: a short verdict
        takes little room from the claims list. Again whenever the width changes (the rows
        wrap)."""
        if self.list.isHidden():
            return
        width = max(self.list.viewport().width() - 8, 100)
        metrics = self.list.fontMetrics()
        flags = int(Qt.TextFlag.TextWordWrap)
        rows = sum(metrics.boundingRect(QRect(0, 0, width, 100000), flags,
                                        self.list.item(row).text()).height() + 6
                   for row in range(self.list.count()))
        height = min(rows + 2 * self.list.frameWidth(), LIST_HEIGHT)
        if self.list.height() != height:
            self.list.setFixedHeight(height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list.viewport() and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self._fit_list)
        return super().eventFilter(watched, event)

    def show_button(self, can_apply: bool, applied: bool) -> None:
        self.apply_button.setEnabled(can_apply and not applied)
        self.apply_button.setText("Earlier Verdict Applied" if applied else APPLY_TEXT)

    def selected_row(self) -> int:
        return max(self.list.currentRow(), 0)


class SeenBeforeController(QObject):
    """Looks the open article's claims up in the store's other reviews and shows the selected
    claim's matches. ``apply`` calls back into the window (``guard``) so a failed save is
    shown the way every other edit's is."""

    ready = Signal(object)  # the matches, by claim id
    failed = Signal(str)

    def __init__(self, parent: QWidget, store_dir: Any,
                 guard: Callable[..., Any], tell: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.panel = SeenBeforePanel(parent)
        self.panel.apply_requested.connect(self.apply_current)
        self.panel.list.currentRowChanged.connect(lambda _: self._refresh_button())
        self.store_dir = store_dir
        self._guard = guard
        self._tell = tell
        self._generation = 0
        self.session: ReviewSession | None = None
        self.matches: dict[str, list[Any]] = {}
        self.claim_id: str | None = None
        self.busy = False

    # Looking up ----------------------------------------------------------------------------

    def clear(self) -> None:
        self._generation += 1
        self.session = None
        self.matches = {}
        self.claim_id = None
        self.busy = False
        self.panel.progress.hide()
        self.panel.show_message("Seen before: looking for this article's claims in your other "
                                "reviews once its claims are found…")

    def session_opened(self, session: ReviewSession) -> None:
        self._generation += 1
        generation = self._generation
        self.session = session
        self.matches = {}
        self.busy = True
        self.panel.show_message("Seen before: looking for this article's claims in your other "
                                "reviews…")
        progress = _Progress(self)
        progress.changed.connect(lambda done, total: self._progress(generation, done, total))
        from reader.memory import probes_of

        probes = probes_of(session.review)
        review_id = session.handle.path.stem
        store_dir = self.store_dir

        def work() -> tuple[dict[str, list[Any]], list[str]]:
            # In a process of its own: on a thread of this one, its Python work made every
            # call from Qt into Python wait (reader.memory.worker says why).
            from reader.memory.worker import look_up

            return look_up(store_dir, review_id, probes, progress.changed.emit,
                           cancelled=lambda: generation != self._generation)

        run_in_background(work, lambda result: self._found(generation, result),
                          lambda error: self._failed(generation, error), parent=self)

    def _progress(self, generation: int, done: int, total: int) -> None:
        if generation == self._generation and done < total:
            self.panel.show_progress(done, total)

    def _found(self, generation: int, result: tuple[dict[str, list[Any]], list[str]]) -> None:
        if generation != self._generation:
            return
        self.busy = False
        self.matches, notices = result
        for notice in notices:
            self._tell(notice)
        self.show_claim(self.claim_id)
        self.ready.emit(self.matches)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.busy = False
        message = getattr(error, "message", None)
        if message is None:
            log.error("Looking claims up in other reviews failed", exc_info=error)
            message = f"{type(error).__name__}: {error}"
        self.panel.show_message(f"Seen before is not available: {message}")
        self.failed.emit(message)

    # Showing -------------------------------------------------------------------------------

    def show_claim(self, claim_id: str | None) -> None:
        self.claim_id = claim_id
        if self.busy:
            return
        session = self.session
        if session is None or claim_id is None or claim_id not in session.review.claims:
            if session is not None:
                count = sum(1 for found in self.matches.values() if found)
                self.panel.show_message(
                    f"Seen before: {count} claim{'s' if count != 1 else ''} of this article "
                    f"{'were' if count != 1 else 'was'} reviewed in other articles"
                    + (" (Shift+B goes to the next)." if count else "."))
            return
        found = self.matches.get(claim_id, [])
        if not found:
            self.panel.show_message("Seen before: this claim is not in your other reviews.")
            return
        self.panel.show_matches(found)
        self._refresh_button()

    def _selected(self) -> Any | None:
        found = self.current_matches()
        if not found or self.busy:
            return None
        return found[min(self.panel.selected_row(), len(found) - 1)]

    def _applied(self, seen: Any) -> bool:
        """Whether the claim already has all the earlier verdict would give it."""
        from reader.memory.seen_before import applied_decision

        assert self.session is not None and self.claim_id is not None
        claim = self.session.claim(self.claim_id)
        return applied_decision(claim, seen) == (claim.status, claim.note, claim.sources)

    def _refresh_button(self) -> None:
        seen = self._selected()
        if seen is None or self.session is None:
            return
        self.panel.show_button(not self.session.read_only, self._applied(seen))

    def current_matches(self) -> list[Any]:
        return self.matches.get(self.claim_id or "", []) if self.session is not None else []

    # Acting --------------------------------------------------------------------------------

    def apply_current(self) -> None:
        """B: give the selected claim the selected earlier verdict (the closest by default)."""
        from reader.memory.seen_before import applied_decision

        session, claim_id, seen = self.session, self.claim_id, self._selected()
        if session is None or claim_id is None or seen is None or session.read_only:
            return
        status, note, sources = applied_decision(session.claim(claim_id), seen)
        claim = self._guard(session.apply_verdict, claim_id, status, note, sources, seen.origin)
        if claim is not None:
            self._tell(f"Applied the earlier verdict ({STATUS_LABELS.get(seen.status, '')}) "
                       f"from “{seen.title or 'a pasted article'}”. Ctrl+Z undoes it.")
        self.show_claim(claim_id)

    def next_seen(self, after: str | None) -> str | None:
        """Shift+B: the next claim in reading order that was seen before (wrapping round)."""
        if self.session is None:
            return None
        ordered = [claim.id for claim in self.session.claims()
                   if self.matches.get(claim.id) and not claim.dismissed]
        if not ordered:
            return None
        if after in ordered:
            return ordered[(ordered.index(after) + 1) % len(ordered)]
        order = {claim.id: index for index, claim in enumerate(self.session.claims())}
        here = order.get(after or "", -1)
        return next((claim_id for claim_id in ordered if order[claim_id] > here), ordered[0])

    def can_apply(self) -> bool:
        seen = self._selected()
        return (seen is not None and self.session is not None and not self.session.read_only
                and self.claim_id in self.session.review.claims and not self._applied(seen))
