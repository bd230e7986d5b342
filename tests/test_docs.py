"""What the README and packaging/README.md tell a new user must be true of the project."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]


def _layout_block() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## How the code is laid out", 1)[1]
    return section.split("```text", 1)[1].split("```", 1)[0].strip("\n").splitlines()


def test_the_readme_layout_puts_every_entry_where_it_is() -> None:
    parent = None
    named = []
    for line in _layout_block():
        name = line.split()[0]
        if not line.startswith(" "):
            parent = ROOT / name.rstrip("/")
            path = parent
        else:
            assert parent is not None
            path = parent / name.rstrip("/")
        named.append(path)
        assert path.exists(), f"README's layout names {path.relative_to(ROOT)}, which is not there"
    packages = {p for p in (ROOT / "reader").iterdir() if (p / "__init__.py").is_file()}
    assert packages <= set(named), "every package of reader/ is in the layout"


def test_packaging_figures_are_for_a_pyside6_the_project_allows() -> None:
    text = (ROOT / "packaging" / "README.md").read_text(encoding="utf-8")
    quoted = re.findall(r"## Figures \([^)]*PySide6 (\d+\.\d+(?:\.\d+)?)", text)
    assert quoted, "the figures say which PySide6 they were measured with"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    (pyside,) = [Requirement(r) for r in project["dependencies"]
                 if r.startswith("PySide6-Essentials")]
    for version in quoted:
        assert pyside.specifier.contains(version), (
            f"packaging/README.md quotes PySide6 {version}; pyproject.toml allows {pyside}")
