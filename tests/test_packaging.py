"""What ships: resources inside the wheel, found through importlib.resources."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reader.bundled import ICON_SIZES, SAMPLE_ARTICLE, icon_png, resource, sample_article_text

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out),
         str(ROOT)],
        check=True, capture_output=True, timeout=300,
        env={**os.environ, "TMPDIR": str(build)},
    )
    (path,) = out.glob("claim_reader-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_contains_resources(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    expected = {
        f"reader/resources/{SAMPLE_ARTICLE}",
        "reader/resources/claim-reader.svg",
        "reader/resources/claim-reader.desktop",
        *(f"reader/resources/icons/claim-reader-{size}.png" for size in ICON_SIZES),
        "reader/analysis/given_names.txt",  # the analysis reads it to tell people's names
    }
    assert expected <= names, expected - names
    schemas = list((ROOT / "resources" / "schema").glob("*.json"))
    assert schemas, "the review file's JSON Schema ships with the app"
    for schema in schemas:
        assert f"reader/resources/schema/{schema.name}" in names


def test_wheel_has_console_script_and_dependencies(wheel: zipfile.ZipFile) -> None:
    dist = next(n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt"))
    assert "claim-reader = reader.cli:main" in wheel.read(dist).decode()
    meta = wheel.read(next(n for n in wheel.namelist() if n.endswith("METADATA"))).decode()
    for dep in ("PySide6-Essentials", "markdown-it-py", "platformdirs"):
        assert f"Requires-Dist: {dep}" in meta


def test_resources_read_through_importlib() -> None:
    text = sample_article_text()
    assert text.startswith("# ")
    assert resource("claim-reader.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in ICON_SIZES:
        assert icon_png(size).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_desktop_entry_is_complete() -> None:
    entry = resource("claim-reader.desktop").read_text(encoding="utf-8")
    lines = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
    assert lines["Exec"].startswith("claim-reader")
    assert lines["Icon"] == "claim-reader"
    for mime in ("text/plain", "text/markdown", "text/html"):
        assert mime in lines["MimeType"].split(";")


def test_sample_article_has_what_the_issue_asks_for() -> None:
    text = sample_article_text()
    lines = text.splitlines()
    assert lines[0].startswith("# ")
    assert sum(line.startswith("## ") for line in lines) >= 2
    assert sum(line.startswith("- ") for line in lines) >= 3
    assert "“" in text and "”" in text and '"' in text
    for currency in ("€", "£", "$"):
        assert currency in text
    assert "%" in text and "between" in text and "about" in text
    # One quote runs over two paragraphs: a paragraph opens with a mark and never closes it.
    paragraphs = [p for p in text.split("\n\n") if p.startswith('"')]
    assert any(p.count('"') == 1 for p in paragraphs)
