"""`extract` gives the article's metadata: `document.metadata` in JSON, a byline in the listing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main

PAGE = (
    "<html><head><title>Ferry fares to rise | Island Courier</title>"
    '<link rel="canonical" href="https://courier.example/ferry">'
    '<meta property="og:site_name" content="Island Courier">'
    '<meta name="author" content="Mara Quill">'
    '<meta property="article:published_time" content="2026-03-02T07:15:00Z">'
    "</head><body><article><h1>Ferry fares to rise</h1><p>The harbour board said fares would "
    "rise by 12 percent from April, the first increase since 2019.</p></article></body></html>"
)


def test_json_gives_document_metadata(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ferry.html"
    path.write_text(PAGE, encoding="utf-8")
    assert main(["extract", str(path), "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)["document"]
    assert document["metadata"] == {
        "url": "https://courier.example/ferry", "title": "Ferry fares to rise",
        "author": "Mara Quill", "published": "2026-03-02T07:15:00+00:00",
        "site": "Island Courier",
    }
    assert list(document["metadata"]) == ["url", "title", "author", "published", "site"]


def test_keys_are_absent_when_unknown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("The board said fares would rise by 12 percent.\n", encoding="utf-8")
    assert main(["extract", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["document"]["metadata"] == {}


def test_the_listing_shows_the_byline_under_the_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "ferry.html"
    path.write_text(PAGE, encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Ferry fares to rise  (html,")
    assert lines[1] == "By Mara Quill · Island Courier · 2 March 2026, 07:15 UTC"
    assert lines[2] == "https://courier.example/ferry"
