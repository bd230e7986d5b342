"""The window part of ``claim-reader --self-test``: Qt stays inside reader.ui."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings, QThreadPool

from reader.ui.app import create_application
from reader.ui.main_window import MainWindow
from reader.ui.settings import WindowSettings


def paint_sample_window(timeout: float = 30.0) -> str:
    """Open the sample in a window offscreen, wait for its claims, paint it, close it."""
    app = create_application()
    with tempfile.TemporaryDirectory() as store:
        # A settings file of its own, so the check never touches the user's window state.
        settings = QSettings(str(Path(store) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(Path(store), WindowSettings(settings))
        window.open_sample()
        deadline = time.monotonic() + timeout
        while window.session is None and time.monotonic() < deadline:
            app.processEvents()  # opening analyses and saves in the background
            time.sleep(0.005)
        if window.session is None:
            raise AssertionError(f"the sample's review did not open within {timeout:.0f} s")
        shot = window.grab()
        listed = window.claims_panel.model.rowCount()
        window.close()
        # The background opening writes into the temporary store: let it finish first.
        QThreadPool.globalInstance().waitForDone(10000)
        app.processEvents()
    return (f"painted {shot.width()}x{shot.height()} on {app.platformName()} with "
            f"{listed} claims listed")
