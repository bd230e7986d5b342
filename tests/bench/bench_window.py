"""The window on a book-length article (a benchmark, not a test).

Usage: python tests/bench/bench_window.py
Prints: time from File ▸ Open of a 1 MB article to every highlight and claim shown; the
longest stall of the UI thread while opening, tagging, filtering and scrolling (a 5 ms timer
measures the gaps between its ticks); and cold start of `claim-reader` to a painted window.
Targets: open ≤ 2 s, stalls ≤ 100 ms (analysis runs off the UI thread), start ≤ 1 s.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_analysis import corpus

from reader.ui.app import create_application
from reader.ui.main_window import MainWindow
from reader.ui.settings import WindowSettings


class StallMeter:
    """Longest gap between ticks of a 5 ms timer: how long the UI thread was busy at once."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)
        self.worst = 0
        self.last = 0

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def start(self) -> None:
        self.worst = 0
        self.clock.start()
        self.last = 0
        self.timer.start()

    def stop(self) -> int:
        self._tick()
        self.timer.stop()
        return self.worst


def wait(app: QApplication, condition, timeout: float = 60) -> None:
    end = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > end:
            raise TimeoutError
        app.processEvents()
        time.sleep(0.001)


def spin(app: QApplication, seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def main() -> int:
    app = create_application()
    tmp = Path(tempfile.mkdtemp())
    article = tmp / "book.txt"
    article.write_text(corpus(1_000_000), encoding="utf-8")
    settings = WindowSettings(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(tmp / "store", settings)
    window.resize(1400, 900)
    window.show()
    spin(app, 0.2)
    meter = StallMeter()

    meter.start()
    start = time.perf_counter()
    QTimer.singleShot(0, lambda: window.open_path(article))
    # The highlighted copy of a long article is built in slices after the session opens.
    wait(app, lambda: window.session is not None and window.article_view.highlighted
         and window.article_view._job is None)
    app.processEvents()
    opened = time.perf_counter() - start
    stall_open = meter.stop()
    claims = len(window.session.claims())
    print(f"open 1 MB ({claims:,} claims, {len(window.session.analysis.quotes):,} quotes, "
          f"{len(window.session.analysis.figures):,} figures): {opened:.2f} s to every "
          f"highlight; longest UI stall while opening {stall_open} ms")

    def tag_30() -> int:
        meter.start()
        for index in range(30):
            QTimer.singleShot(0, lambda: window.step_claim(1))
            spin(app, 0.01)
            QTimer.singleShot(0, lambda i=index: window.set_status(
                ("verified", "disputed", "unverifiable")[i % 3]))
            spin(app, 0.01)
        return meter.stop()

    # The claim memory looks the article's claims up in the other reviews once the article
    # is shown, in the background: tagging at once overlaps it, tagging later does not.
    busy = window.seen_before.busy
    print(f"tag 30 claims with the keyboard{' (seen-before lookup running)' if busy else ''}: "
          f"longest stall {tag_30()} ms")
    wait(app, lambda: not window.seen_before.busy)
    print(f"tag 30 claims with the keyboard (lookup done): longest stall {tag_30()} ms")

    panel = window.claims_panel
    meter.start()
    QTimer.singleShot(0, lambda: panel.status_filter.setCurrentIndex(2))
    spin(app, 0.2)
    QTimer.singleShot(0, lambda: panel.status_filter.setCurrentIndex(0))
    spin(app, 0.2)
    QTimer.singleShot(0, lambda: panel.text_filter.setText("council"))
    spin(app, 0.5)
    QTimer.singleShot(0, lambda: panel.text_filter.clear())
    spin(app, 0.5)
    print(f"filter by status and by words: longest stall {meter.stop()} ms")

    bar = window.article_view.verticalScrollBar()
    meter.start()
    for step in range(40):
        QTimer.singleShot(0, lambda s=step: bar.setValue(bar.maximum() * s // 40))
        spin(app, 0.02)
    print(f"scroll the article end to end: longest stall {meter.stop()} ms")
    window.close()

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    times = []
    for _ in range(5):
        begin = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reader", "--quit-after-paint", "--store",
                        str(tmp / "cold")], check=True, env=env, capture_output=True)
        times.append(time.perf_counter() - begin)
    print(f"cold start to a painted window (python -m reader, best of 5): {min(times):.2f} s "
          f"(median {sorted(times)[2]:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
