"""The core must import and run with Qt absent: only reader.ui may import PySide6."""

from __future__ import annotations

import subprocess
import sys

BLOCK_QT_AND_IMPORT_CORE = r"""
import importlib, importlib.abc, pkgutil, sys

class BlockQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in {"PySide6", "shiboken6"}:
            raise ImportError(f"Qt is blocked in this test: {name}")
        return None

sys.meta_path.insert(0, BlockQt())
import reader
imported = []
for info in pkgutil.walk_packages(reader.__path__, "reader."):
    if info.name == "reader.ui" or info.name.startswith("reader.ui."):
        continue
    if info.name in {"reader.__main__"}:
        continue
    importlib.import_module(info.name)
    imported.append(info.name)
from reader.cli import main
try:
    main(["--version"])
except SystemExit as exit:
    assert exit.code == 0
print(len(imported), "modules imported without Qt")
"""


def test_core_imports_without_qt() -> None:
    result = subprocess.run([sys.executable, "-c", BLOCK_QT_AND_IMPORT_CORE],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "modules imported without Qt" in result.stdout
    count = int(result.stdout.split("modules imported")[0].split()[-1])
    assert count >= 8


def test_no_qt_import_outside_reader_ui_even_inside_functions() -> None:
    """Importing with Qt blocked only proves module-level imports; a lazy import inside a
    function would still tie the core to Qt. Only reader/ui may name PySide6 at all."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "reader"
    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|shiboken6)\b", re.MULTILINE)
    offenders = [str(path.relative_to(root.parent)) for path in root.rglob("*.py")
                 if "ui" not in path.relative_to(root).parts[:1]
                 and pattern.search(path.read_text(encoding="utf-8"))]
    assert offenders == []
