"""Renders the app's main states offscreen into docs/, for the README and for looking at.

Run: python tools/screenshots.py [OUT_DIR]
Writes screenshot.png (a review under way, light), screenshot-dark.png (the same, dark) and
start-page.png (the stored reviews).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings

from reader.ui.app import create_application
from reader.ui.main_window import MainWindow
from reader.ui.settings import WindowSettings


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "docs"
    out.mkdir(parents=True, exist_ok=True)
    app = create_application()
    with tempfile.TemporaryDirectory() as tmp:
        settings = WindowSettings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(Path(tmp) / "store", settings)
        window.resize(1400, 860)
        window.show()
        window.open_sample()
        deadline = time.monotonic() + 30
        while window.session is None and time.monotonic() < deadline:
            app.processEvents()
        for status in ("verified", "disputed", "unverifiable", None, "verified"):
            window.step_claim(1)
            if status:
                window.set_status(status)
        window.detail.note.setPlainText(
            "Council minutes of 4 March confirm the 600-800 range; the 25-year loan term is "
            "in the finance office's budget note.")
        window.detail.flush_note()
        window.session.add_source(
            window.current_claim_id, title="Council budget 2026, annex B",
            publisher="Port Ellis city council", url="https://example.org/budget-2026",
            stance="supports")
        app.processEvents()
        shots = {"screenshot.png": None}
        window.grab().save(str(out / "screenshot.png"))
        window.set_theme("dark")
        app.processEvents()
        window.grab().save(str(out / "screenshot-dark.png"))
        window.set_theme("light")
        window.show_start_page()
        app.processEvents()
        window.grab().save(str(out / "start-page.png"))
        shots.update({"screenshot-dark.png": None, "start-page.png": None})
        for name in shots:
            print(f"wrote {out / name}")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
