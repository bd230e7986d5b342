"""Fixtures for driving the real window offscreen."""

from __future__ import annotations

import builtins
import io
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from reader.ui.main_window import MainWindow
from reader.ui.settings import WindowSettings


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot, tmp_path: Path, settings_file: Path):
    """Builds windows that share one settings file, as two runs of the app would."""

    def make() -> MainWindow:
        settings = WindowSettings(QSettings(str(settings_file), QSettings.Format.IniFormat))
        window = MainWindow(tmp_path / "store", settings)
        qtbot.addWidget(window)
        return window

    return make


@pytest.fixture
def window(make_window, qtbot) -> MainWindow:
    window = make_window()
    window.open_sample()
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file the user may not read. As root, file modes do not stop reads, so opening it is
    refused the way the operating system would refuse it for anyone else."""
    path = tmp_path / "secret.txt"
    path.write_text("Nobody may read this.", encoding="utf-8")
    path.chmod(0)
    if os.geteuid() == 0 if hasattr(os, "geteuid") else False:
        real_open = io.open

        def guarded_open(file, *args, **kwargs):
            if Path(os.fspath(file)).resolve() == path.resolve() if isinstance(
                file, (str, os.PathLike)) else False:
                raise PermissionError(13, "Permission denied", os.fspath(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(io, "open", guarded_open)
        monkeypatch.setattr(builtins, "open", guarded_open)
    yield path
    path.chmod(0o600)
