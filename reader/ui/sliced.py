"""Long work on the UI thread, a slice at a time between events.

Qt's text documents belong to the UI thread, so building one for a book-length article cannot
move to a worker; instead the building is a generator that yields every few hundred blocks, and
``SlicedJob`` runs it for at most ``budget_ms`` per turn of the event loop. The window stays
responsive (tests/bench/bench_window.py measures the longest stall) and the result arrives a
little later than one long call would give it.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import Any

from PySide6.QtCore import QElapsedTimer, QObject, QTimer

BUDGET_MS = 12


class SlicedJob(QObject):
    """Runs ``steps`` to its end in slices, then calls ``done`` with its return value, unless
    ``cancel()`` was called first."""

    def __init__(self, steps: Generator[None, None, Any], done: Callable[[Any], None],
                 parent: QObject | None = None, budget_ms: int = BUDGET_MS) -> None:
        super().__init__(parent)
        self._steps = steps
        self._done = done
        self._budget = budget_ms
        self._cancelled = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run)

    @property
    def active(self) -> bool:
        return not self._cancelled and self._steps is not None

    def start(self) -> SlicedJob:
        self._timer.start()
        return self

    def cancel(self) -> None:
        self._cancelled = True
        self._timer.stop()
        if self._steps is not None:
            self._steps.close()
            self._steps = None

    def _run(self) -> None:
        if self._cancelled or self._steps is None:
            return
        clock = QElapsedTimer()
        clock.start()
        try:
            while clock.elapsed() < self._budget:
                next(self._steps)
        except StopIteration as finished:
            self._steps = None
            self._done(finished.value)
            return
        self._timer.start()
