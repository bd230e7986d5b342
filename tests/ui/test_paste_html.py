"""Pasting an article copied from a browser keeps its headings and paragraphs."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

HTML = (
    "<meta charset='utf-8'><h1>Ferry fares to rise</h1><p>The harbour board said fares "
    "would rise by 12 percent from April.</p><h2>What passengers said</h2><ul><li>the "
    "timetable is the problem,</li><li>winter sailings were cancelled.</li></ul>"
)
TEXT = ("Ferry fares to rise\nThe harbour board said fares would rise by 12 percent from "
        "April.\nWhat passengers said\nthe timetable is the problem,\nwinter sailings were "
        "cancelled.")


def _copy(html: str, text: str) -> None:
    mime = QMimeData()
    mime.setHtml(html)
    mime.setText(text)
    QGuiApplication.clipboard().setMimeData(mime)


def test_html_on_the_clipboard_keeps_its_structure(window, qtbot) -> None:
    _copy(HTML, TEXT)
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        window.paste_article()
    doc = window.document
    assert [(b.kind, b.level, doc.block_text(b)) for b in doc.blocks] == [
        ("heading", 1, "Ferry fares to rise"),
        ("paragraph", 0, "The harbour board said fares would rise by 12 percent from April."),
        ("heading", 2, "What passengers said"),
        ("list_item", 1, "the timetable is the problem,"),
        ("list_item", 1, "winter sailings were cancelled."),
    ]
    assert doc.title == "Ferry fares to rise"
    assert doc.source_path is None


def test_html_without_words_falls_back_to_the_text(window, qtbot) -> None:
    _copy("<img src='x.png'>", "A caption copied with its picture, 12 percent.")
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        window.paste_article()
    assert window.document.text == "A caption copied with its picture, 12 percent."
