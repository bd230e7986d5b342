"""Start page with many stored reviews: time to fill the list and to filter it.

Run: QT_QPA_PLATFORM=offscreen python tests/ui/widgets/bench_start_page.py
Prints figures; not part of the test suite.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from reader.store.index import IndexEntry
from reader.store.model import Progress
from reader.ui.start_page import StartPage


class ListedStore:
    """Just what the start page asks of a store, with ``count`` made-up entries."""

    root = Path("/nonexistent/store")

    def __init__(self, count: int) -> None:
        self.entries = [
            IndexEntry(f"{i:032x}", f"/articles/a{i}.html", f"Article number {i}", "0" * 64,
                       Progress(total=50, unreviewed=20, verified=20, disputed=10),
                       f"2026-03-01T09:{i % 60:02d}:00.{i:06d}Z")
            for i in range(count)]

    def list_reviews(self) -> list[IndexEntry]:
        return list(self.entries)

    def damaged_reviews(self) -> list[str]:
        return []

    def review_path(self, review_id: str) -> Path:
        return self.root / review_id


def timed(app: QApplication, action) -> float:
    start = time.perf_counter()
    action()
    app.processEvents()
    return (time.perf_counter() - start) * 1000


def main() -> None:
    app = QApplication.instance() or QApplication([])
    for count in (100, 1000, 5000, 20000):
        store = ListedStore(count)
        page = StartPage()
        page.resize(1000, 600)
        page.show()
        app.processEvents()
        fill = timed(app, lambda: page.refresh(store))  # noqa: B023
        first = timed(app, lambda: page.filter_edit.setText("number 42"))  # noqa: B023
        second = timed(app, lambda: page.filter_edit.setText("number 4"))  # noqa: B023
        clear = timed(app, lambda: page.filter_edit.clear())  # noqa: B023
        print(f"{count:6d} reviews: fill {fill:6.1f} ms, first filter key {first:6.1f} ms, "
              f"next {second:6.1f} ms, clear {clear:6.1f} ms")
        page.deleteLater()


if __name__ == "__main__":
    main()
