"""Running slow core work off the UI thread, with the result delivered back on it.

After Anki's ``QueryOp``: the work is a plain function that touches no widget; success and
failure callbacks run on the UI thread. The window stays responsive while a long article is
analysed.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Bridge(QObject):
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], bridge: _Bridge) -> None:
        super().__init__()
        self.work = work
        self.bridge = bridge
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as error:  # every failure must reach the UI, not a dead thread
            self._deliver(self.bridge.failed, error)
        else:
            self._deliver(self.bridge.succeeded, result)

    @staticmethod
    def _deliver(signal, value: Any) -> None:
        # RuntimeError: the window that asked was closed meanwhile; nobody is left to tell.
        with contextlib.suppress(RuntimeError):
            signal.emit(value)


_live: set[_Bridge] = set()


def run_in_background(
    work: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None],
    parent: QObject | None = None,
) -> None:
    """``work()`` runs on a pool thread; ``on_success(result)`` or ``on_failure(error)`` on the
    thread that called this (the UI thread)."""
    bridge = _Bridge(parent)
    _live.add(bridge)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _live.discard(bridge)
        bridge.deleteLater()
        callback(value)

    bridge.succeeded.connect(lambda result: finish(on_success, result))
    bridge.failed.connect(lambda error: finish(on_failure, error))
    QThreadPool.globalInstance().start(_Job(work, bridge))
