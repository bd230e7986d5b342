"""Starting the window: the QApplication, its icon, and the first document."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent, QIcon, QPixmap
from PySide6.QtWidgets import QApplication

from reader import APP_ID, APP_NAME, ORG_NAME, __version__
from reader.bundled import ICON_SIZES, icon_png
from reader.store.location import resolve_store_dir
from reader.ui.main_window import MainWindow


def app_icon() -> QIcon:
    icon = QIcon()
    for size in ICON_SIZES:
        pixmap = QPixmap()
        if pixmap.loadFromData(icon_png(size).read_bytes()):
            icon.addPixmap(pixmap)
    return icon


def create_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # The UI thread needs the GIL for every Python handler Qt calls; with the default 5 ms
    # switch interval, a background analysis made it wait that long for each of them, and
    # opening a 1 MB article froze the window for half a second. 1 ms keeps it responsive.
    sys.setswitchinterval(0.001)
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORG_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app


def create_window(file: Path | None, store: str | None) -> MainWindow:
    window = MainWindow(resolve_store_dir(store))
    if file is None:
        window.open_sample()
    else:
        window.open_path(file)
    return window


class _QuitAfterPaint(QObject):
    """Ends the app right after the window's first paint: how start-up time is measured."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


class _FileOpenHandler(QObject):
    """macOS hands files opened while the app runs (Finder, Dock) to the app as events."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent)
                and event.file()):
            self.window.open_path(Path(event.file()))
            return True
        return False


def run_app(file: Path | None, store: str | None, quit_after_paint: bool = False) -> int:
    app = create_application()
    window = create_window(file, store)
    app.installEventFilter(_FileOpenHandler(window))
    if quit_after_paint:
        window.installEventFilter(_QuitAfterPaint(window))
    window.show()
    return app.exec()
