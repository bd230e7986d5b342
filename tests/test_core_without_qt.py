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
