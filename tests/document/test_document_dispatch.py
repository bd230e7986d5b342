"""Which reader a file gets: its extension, or its content when the name does not say."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.document import load_document
from reader.document.sniffing import sniff_format

MARKDOWN = "# Council news\n\nThe **budget** passed.\n\n- libraries stay open\n- fees rise\n"
HTML = "<!DOCTYPE html><html><body><p>The budget passed on <b>Monday</b>.</p></body></html>"
TEXT = "Council news\n\nThe budget passed - narrowly - on Monday.\n"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", "text"), ("a.TEXT", "text"), ("a.md", "markdown"), ("a.Markdown", "markdown"),
        ("a.html", "html"), ("a.HTM", "html"), ("a.xhtml", "html"),
    ],
)
def test_extension_decides(tmp_path: Path, name: str, expected: str) -> None:
    path = tmp_path / name
    path.write_text(MARKDOWN, encoding="utf-8")  # the same content, read as the name says
    assert load_document(path).format == expected


def test_markdown_in_a_txt_file_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(MARKDOWN, encoding="utf-8")
    document = load_document(path)
    assert document.text == MARKDOWN  # the file's offsets stay valid
    assert "**" in document.text


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("article", MARKDOWN, "markdown"),
        ("article.xyz", HTML, "html"),
        ("saved_page", "<html><head><title>T</title></head><body><p>x y z</p></body></html>",
         "html"),
        ("notes.log", TEXT, "text"),
        ("README", TEXT, "text"),
    ],
)
def test_content_decides_without_a_known_extension(
    tmp_path: Path, name: str, content: str, expected: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert load_document(path).format == expected


def test_sniffing_is_conservative_about_markdown() -> None:
    assert sniff_format("A story - with dashes - and *one* star.") == "text"
    assert sniff_format("Price rose 5% * 2 = 10%.\n\n- one dash line") == "text"
    assert sniff_format("## Heading\n\nSee [the report](https://r.example.invalid).") == "markdown"
    assert sniff_format("  <!-- saved -->\n<!doctype html><p>x</p>") == "html"


def test_source_path_and_stem_title(tmp_path: Path) -> None:
    path = tmp_path / "harbour-story"
    path.write_text("word " * 50, encoding="utf-8")
    document = load_document(path)
    assert document.source_path == str(path)
    assert document.title == "harbour-story"
