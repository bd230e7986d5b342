"""Each command imports what it needs and nothing else: start-up time is mostly imports
(tests/bench/bench_startup.py measures it), so a text file's ``extract`` must not load the HTML,
Markdown, encoding-detection, schema or fuzzy-matching libraries, ``--version`` must not load
the analysis, and only ``export --format pdf`` and the window load Qt."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("lxml", "readability", "markdown_it", "charset_normalizer", "fastjsonschema",
         "rapidfuzz", "PySide6", "shiboken6", "importlib.metadata", "email")

REPORT_IMPORTS = r"""
import contextlib, io, json, sys
from reader.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        code = main(sys.argv[1:])
    except SystemExit as stop:
        code = stop.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def imported(*args: str) -> set[str]:
    result = subprocess.run([sys.executable, "-c", REPORT_IMPORTS, *args], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["code"] == 0
    return set(report["modules"])


def heavy(modules: set[str]) -> list[str]:
    return sorted(name for name in HEAVY if name in modules)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "ferry.txt"
    path.write_text("Ferry fares\n\nThe operator said fares rose 9% in 2025, \"the first rise "
                    "in a decade\", and that 40 crossings a day would continue.\n",
                    encoding="utf-8")
    return path


def test_version_loads_neither_the_analysis_nor_the_store() -> None:
    modules = imported("--version")
    assert heavy(modules) == []
    assert sorted(m for m in modules if m.startswith("reader")) == ["reader", "reader.cli"]
    assert "platformdirs" not in modules


def test_extract_of_a_text_file_loads_no_html_markdown_or_schema_library(article) -> None:
    modules = imported("extract", str(article))
    assert heavy(modules) == []
    assert "reader.document.html" not in modules and "reader.document.markdown" not in modules
    assert not any(m.startswith("reader.store") for m in modules)


def test_status_and_export_of_a_text_file_load_no_qt(article, tmp_path) -> None:
    for args in (["status", str(article)], ["export", str(article), "-f", "csv"]):
        modules = imported(*args, "--store", str(tmp_path / "store"))
        assert not {"PySide6", "lxml", "markdown_it"} & modules, args


def test_html_and_markdown_readers_load_when_a_file_needs_them(tmp_path) -> None:
    page = tmp_path / "ferry.html"
    page.write_text("<html><body><p>The operator said fares rose 9% in 2025.</p></body></html>",
                    encoding="utf-8")
    assert "lxml" in imported("extract", str(page))
    notes = tmp_path / "ferry.md"
    notes.write_text("# Ferry\n\nThe operator said fares rose *9%* in 2025.\n", encoding="utf-8")
    assert "markdown_it" in imported("extract", str(notes))
