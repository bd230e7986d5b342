"""Window state kept between runs: geometry and recent files, in an INI file per user.

INI rather than the platform registry so that the file can be inspected and tests can point it
at a temporary folder with ``QSettings.setPath``. Preferences with defaults are stored only
when they differ from the default.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from reader import APP_ID, ORG_NAME
from reader.ui.theme import THEME_MODES, ThemeMode

MAX_RECENT_FILES = 10


def open_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORG_NAME, APP_ID)


class WindowSettings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or open_settings()

    def geometry(self) -> QByteArray | None:
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def state(self) -> QByteArray | None:
        value = self._settings.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._settings.setValue("window/geometry", geometry)
        self._settings.setValue("window/state", state)
        self._settings.sync()

    def recent_files(self) -> list[str]:
        value = self._settings.value("recent/files", [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        return [str(v) for v in value or [] if v][:MAX_RECENT_FILES]

    def add_recent_file(self, path: str) -> list[str]:
        files = [path, *(f for f in self.recent_files() if f != path)][:MAX_RECENT_FILES]
        self._settings.setValue("recent/files", files)
        self._settings.sync()
        return files

    def remove_recent_file(self, path: str) -> list[str]:
        files = [f for f in self.recent_files() if f != path]
        self._settings.setValue("recent/files", files)
        self._settings.sync()
        return files

    def clear_recent_files(self) -> None:
        self._settings.remove("recent/files")
        self._settings.sync()

    def theme(self) -> ThemeMode:
        value = self._settings.value("view/theme", "system")
        return value if value in THEME_MODES else "system"

    def set_theme(self, mode: ThemeMode) -> None:
        if mode == "system":
            self._settings.remove("view/theme")
        else:
            self._settings.setValue("view/theme", mode)

    def zoom(self) -> int:
        value = self._settings.value("view/zoom", 0)
        try:
            return int(value)
        except (TypeError, ValueError):
            return 0

    def set_zoom(self, steps: int) -> None:
        if steps:
            self._settings.setValue("view/zoom", steps)
        else:
            self._settings.remove("view/zoom")
