"""Renders the app's main states offscreen into docs/, for the README and for looking at.

Run: python tools/screenshots.py [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
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
        window.resize(1200, 800)
        window.open_sample()
        window.show()
        app.processEvents()
        window.grab().save(str(out / "screenshot.png"))
        print(f"wrote {out / 'screenshot.png'}")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
