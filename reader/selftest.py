"""``claim-reader --self-test``: proves an installation works, headlessly.

It exercises what a broken bundle would break first: the package data, the document loader,
the analysis and (once the window is involved) Qt's offscreen platform.
"""

from __future__ import annotations

import os
import sys


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    checks: list[tuple[str, bool, str]] = []

    def check(name: str, func) -> object:
        try:
            result = func()
        except Exception as error:  # the point is to report every failure, not stop at one
            checks.append((name, False, f"{type(error).__name__}: {error}"))
            return None
        checks.append((name, True, str(result) if result is not None else ""))
        return result

    from reader.bundled import sample_article_text

    text = check("sample article is bundled", lambda: len(sample_article_text()))
    doc = None
    if text:

        def load() -> object:
            from reader.document.loading import document_from_string

            return document_from_string(sample_article_text(), format="markdown")

        doc = check("sample article loads", load)
    if doc is not None:
        from reader.analysis import analyse

        check("analysis runs", lambda: len(analyse(doc.text, doc.blocks).claims))

    def window() -> str:
        import tempfile
        from pathlib import Path

        from PySide6.QtCore import QSettings

        from reader.ui.app import create_application
        from reader.ui.main_window import MainWindow
        from reader.ui.settings import WindowSettings

        app = create_application()
        with tempfile.TemporaryDirectory() as store:
            # A settings file of its own, so the check never touches the user's window state.
            settings = QSettings(str(Path(store) / "settings.ini"), QSettings.Format.IniFormat)
            win = MainWindow(Path(store), WindowSettings(settings))
            win.open_sample()
            shot = win.grab()
            win.close()
            app.processEvents()
        return f"painted {shot.width()}x{shot.height()} on {app.platformName()}"

    check("window renders offscreen", window)

    failed = [c for c in checks if not c[1]]
    for name, ok, detail in checks:
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")
    print(f"self-test: {len(checks) - len(failed)} of {len(checks)} checks passed")
    sys.stdout.flush()
    return 1 if failed else 0
