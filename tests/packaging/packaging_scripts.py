"""Loads the build helpers from packaging/ for the tests (a folder of scripts, not a package:
the name ``packaging`` belongs to the PyPI library of that name)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load(name: str, file: str | None = None) -> ModuleType:
    """The module packaging/<file or name>.py, imported once under ``name``."""
    if name in sys.modules:
        return sys.modules[name]
    if str(PACKAGING) not in sys.path:
        sys.path.append(str(PACKAGING))  # build.py imports its siblings by name
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{file or name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
