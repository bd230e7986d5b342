"""The article's byline, site, date and address shown under its title in the window."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QFont

from reader.document.loading import document_from_string
from reader.ui.rendering import render_document

PAGE = (
    "<html><head><title>Ferry fares to rise | Island Courier</title>"
    '<link rel="canonical" href="https://courier.example/ferry">'
    '<meta property="og:site_name" content="Island Courier">'
    '<meta name="author" content="Mara Quill">'
    '<meta property="article:published_time" content="2026-03-02">'
    "</head><body><article><h1>Ferry fares to rise</h1><p>The harbour board said fares "
    "would rise by 12 percent from April, the first increase since 2019.</p>"
    "<p>Passengers said the timetable was the problem.</p></article></body></html>"
)
BYLINE = "By Mara Quill · Island Courier · 2 March 2026 · https://courier.example/ferry"


def test_the_byline_sits_under_the_headline_and_offsets_still_map(qapp) -> None:
    doc = document_from_string(PAGE, format="html")
    rendered = render_document(doc, QFont())
    lines = rendered.document.toPlainText().split("\n")
    assert lines[:3] == ["Ferry fares to rise", BYLINE,
                         "The harbour board said fares would rise by 12 percent from April, "
                         "the first increase since 2019."]
    qt_text = rendered.document.toPlainText()
    for word in ("Ferry fares", "12 percent", "timetable"):
        start = doc.text.index(word)
        qt = rendered.positions.to_qt(start)
        assert qt_text[qt : qt + len(word)] == word
        assert rendered.positions.from_qt(qt) == start


def test_without_a_heading_first_the_byline_opens_the_text(qapp) -> None:
    doc = document_from_string("The board said fares would rise.", format="text")
    doc = replace(doc, metadata={"author": "Mara Quill"})
    rendered = render_document(doc, QFont())
    assert rendered.document.toPlainText().split("\n") == [
        "By Mara Quill", "The board said fares would rise."]
    assert rendered.positions.to_qt(0) == len("By Mara Quill") + 1


def test_a_document_without_metadata_shows_no_byline(qapp) -> None:
    doc = document_from_string("The board said fares would rise.", format="text")
    rendered = render_document(doc, QFont())
    assert rendered.document.toPlainText() == "The board said fares would rise."


def test_the_window_shows_the_byline_of_an_opened_page(make_window, qtbot, tmp_path) -> None:
    path = tmp_path / "ferry.html"
    path.write_text(PAGE, encoding="utf-8")
    window = make_window()
    window.open_path(path)
    window.show()
    qtbot.waitUntil(lambda: window.session is not None, timeout=10_000)
    text = window.article_view.document().toPlainText()
    assert BYLINE in text
    assert text.index("Ferry fares to rise") < text.index(BYLINE) < text.index("12 percent")
