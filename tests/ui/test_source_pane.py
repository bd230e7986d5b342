"""The source pane in the real window: a source attached and matched in the background, shown
beside the article at the selected quote's passage (right with emoji before it), the changes
spelled out, and every action on a key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QFileDialog

ARTICLE = (
    "Harbour fee stays\n\n"
    "The mayor, Ines Okafor, told the council: “We will never raise the harbour fee this "
    "year.” She promised that “every job at the port … will be protected”.\n\n"
    "The treasurer was blunt: “The budget is tight,” he said. Okafor added: “we have built "
    "the sea wall on time and under budget”.\n"
)
# Emoji (two UTF-16 units each), a flag, accents and a combining mark before the passages:
# every Qt position after them differs from the core offset.
TRANSCRIPT = (
    "🎙️ LIVE 🇬🇧 — Réunion du conseil, café du port (cafe\u0301) 👋🏽👋🏽\n\n"
    "THE MAYOR: Good evening 🌊. We will not raise the harbour fee this year, and every job "
    "at the port, every single one of them, will be protected.\n\n"
    "THE TREASURER: The budget is tight. Very tight. The sea wall is late.\n"
)
NEAR = "We will never raise the harbour fee this year."


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    transcript = tmp_path / "minutes.txt"
    transcript.write_text(TRANSCRIPT, encoding="utf-8")
    return {"article": article, "minutes": transcript}


@pytest.fixture
def reviewing(window, qtbot, files):
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        assert window.open_path(files["article"])
    window.activateWindow()
    qtbot.waitActive(window)
    window.claims_panel.view.setFocus()
    return window


def attach(window, qtbot, monkeypatch, *paths: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(p) for p in paths], ""))
    with qtbot.waitSignal(window.source_view.work_finished, timeout=20000):
        window.actions_by_name["sources_attach"].trigger()


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QGuiApplication.focusObject() or window, key, modifier)


def claim_id_of(window, words: str) -> str:
    return next(c.id for c in window.session.claims() if c.text == words)


def selected_text(view, qt_range: tuple[int, int]) -> str:
    cursor = QTextCursor(view.document())
    cursor.setPosition(qt_range[0])
    cursor.setPosition(qt_range[1], QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def test_attaching_opens_the_source_beside_the_article_and_matches_in_the_background(
        reviewing, qtbot, monkeypatch, files) -> None:
    w = reviewing
    pane = w.source_view
    assert not pane.isVisible()
    progress: list[int] = []
    pane._progress.changed.connect(lambda percent, _: progress.append(percent))
    attach(w, qtbot, monkeypatch, files["minutes"])
    assert pane.isVisible() and w.splitter.indexOf(pane) == 1  # between article and claims
    sizes = w.splitter.sizes()
    assert sizes[1] > 200 and sizes[0] > 200
    assert progress and progress[-1] == 100 and progress == sorted(progress)
    assert not pane.progress.isVisible() and not pane.busy
    data = json.loads(w.session.handle.path.read_text(encoding="utf-8"))
    (document,) = data["source_documents"].values()
    assert document["text"] == TRANSCRIPT
    near = data["claims"][claim_id_of(w, NEAR)]["evidence"][0]
    assert near["result"] == "near"
    message = w.message_bar.text()
    assert "looked for in 1 source" in message and "1 near" in message
    assert w.actions_by_name["sources_show"].isChecked()


def test_the_passage_is_marked_where_it_is_after_emoji_and_accents(reviewing, qtbot,
                                                                   monkeypatch, files) -> None:
    w = reviewing
    attach(w, qtbot, monkeypatch, files["minutes"])
    w.select_claim(claim_id_of(w, NEAR))
    view = w.source_view.text_view
    (passage,) = view.marked_ranges("passage")
    assert selected_text(view, passage) == "We will not raise the harbour fee this year"
    (changed,) = view.marked_ranges("changed")
    assert selected_text(view, changed) == "not"
    # An ellipsis: two marked runs, the words it leaves out between them unmarked.
    w.select_claim(claim_id_of(w, "every job at the port … will be protected"))
    runs = view.marked_ranges("passage")
    assert [selected_text(view, r) for r in runs] == ["every job at the port",
                                                      "will be protected"]


def test_the_changes_are_spelled_out_with_lines_and_words_not_colour_alone(
        reviewing, qtbot, monkeypatch, files) -> None:
    w = reviewing
    attach(w, qtbot, monkeypatch, files["minutes"])
    w.select_claim(claim_id_of(w, NEAR))
    pane = w.source_view
    assert pane.result.text().startswith("Near match — 89% of words the same, 1 change")
    shown = pane.changes.toHtml()
    assert "line-through" in shown and "underline" in shown  # <s> and <u>, as Qt writes them
    plain = pane.changes.toPlainText()
    assert "We will not never raise the harbour fee this year" in plain
    assert "changed not to never" in plain
    assert "Struck through: the source's words the article left out or changed" in plain
    assert "Underlined: the article's words that are not in the source" in plain
    (selection,) = [s for s in pane.text_view.extraSelections() if s.format.fontStrikeOut()]
    assert selection.cursor.selectedText() == "not"
    w.select_claim(claim_id_of(w, "we have built the sea wall on time and under budget"))
    assert pane.result.text().startswith("Not found in this source")
    assert pane.text_view.extraSelections() == []


def test_keys_step_through_the_passages_and_accept_them(reviewing, qtbot, monkeypatch,
                                                        files) -> None:
    w = reviewing
    attach(w, qtbot, monkeypatch, files["minutes"])
    w.claims_panel.view.setFocus()
    w.select_claim(w.session.claims()[0].id)
    press(qtbot, w, Qt.Key.Key_BracketRight)
    first = w.current_claim_id
    assert w.session.claim(first).text == "every job at the port … will be protected"
    press(qtbot, w, Qt.Key.Key_BracketLeft)
    assert w.session.claim(w.current_claim_id).text == NEAR
    near_id = w.current_claim_id
    press(qtbot, w, Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)
    (source,) = w.session.claim(near_id).sources
    assert source.stance == "supports" and source.title
    assert "We will not raise the harbour fee this year" in source.citation
    assert "Accepted as a supporting source" in w.source_view.result.text()
    stored = json.loads(w.session.handle.path.read_text(encoding="utf-8"))["claims"][near_id]
    assert stored["sources"][0]["stance"] == "supports"
    assert stored["history"][-1]["event"] == "source"
    press(qtbot, w, Qt.Key.Key_C, Qt.KeyboardModifier.ShiftModifier)
    assert [s.stance for s in w.session.claim(near_id).sources] == ["contradicts"]
    assert "Accepted as a contradicting source" in w.source_view.result.text()
    press(qtbot, w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [s.stance for s in w.session.claim(near_id).sources] == ["supports"]
    # A quote that is not in the source has no passage to accept.
    w.select_claim(claim_id_of(w, "we have built the sea wall on time and under budget"))
    assert not w.actions_by_name["sources_supports"].isEnabled()


def test_f8_hides_and_shows_the_pane(reviewing, qtbot) -> None:
    w = reviewing
    press(qtbot, w, Qt.Key.Key_F8)
    assert w.source_view.isVisible()
    assert "No source attached" in w.source_view.result.text()
    press(qtbot, w, Qt.Key.Key_F8)
    assert not w.source_view.isVisible()


def test_ctrl_shift_a_and_ctrl_shift_m_work_from_the_keyboard(reviewing, qtbot, monkeypatch,
                                                              files) -> None:
    w = reviewing
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *args, **kwargs: ([str(files["minutes"])], ""))
    with qtbot.waitSignal(w.source_view.work_finished, timeout=20000):
        press(qtbot, w, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier
              | Qt.KeyboardModifier.ShiftModifier)
    assert len(w.session.review.source_documents) == 1
    with qtbot.waitSignal(w.source_view.work_finished, timeout=20000):
        press(qtbot, w, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier
              | Qt.KeyboardModifier.ShiftModifier)
    assert not w.source_view.busy


def test_a_source_that_cannot_serve_is_named_in_the_banner(reviewing, qtbot, monkeypatch,
                                                           files, tmp_path) -> None:
    w = reviewing
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    attach(w, qtbot, monkeypatch, empty, files["article"], files["minutes"])
    text = w.message_bar.text()
    assert str(empty) in text and "the file is empty" in text
    assert "same text as the article" in text
    assert len(w.session.review.source_documents) == 1  # the transcript was attached


def test_a_reopened_review_shows_its_sources_and_matches_again(reviewing, qtbot, monkeypatch,
                                                                files, make_window) -> None:
    w = reviewing
    attach(w, qtbot, monkeypatch, files["minutes"])
    again = make_window()
    again.show()
    with qtbot.waitSignal(again.session_ready, timeout=15000):
        again.open_path(files["article"])
    again.select_claim(claim_id_of(again, NEAR))
    again.source_view.set_shown(True)
    view = again.source_view.text_view
    (passage,) = view.marked_ranges("passage")
    assert selected_text(view, passage) == "We will not raise the harbour fee this year"
    assert again.source_view.indexes == {}
    with qtbot.waitSignal(again.source_view.work_finished, timeout=20000):
        again.actions_by_name["sources_match"].trigger()
    assert len(again.source_view.indexes) == 1  # built from the text kept in the review


def test_a_long_source_laid_out_in_slices_is_marked_once_it_is_in(reviewing, qtbot,
                                                                   monkeypatch, tmp_path) -> None:
    w = reviewing
    filler = "\n\n".join(f"Item {n} 🌊: the committee noted the report and moved on."
                         for n in range(4000))
    long_source = tmp_path / "long.txt"
    long_source.write_text(filler + "\n\nTHE MAYOR: We will not raise the harbour fee this "
                           "year.\n", encoding="utf-8")
    assert len(long_source.read_text(encoding="utf-8")) > 200_000
    attach(w, qtbot, monkeypatch, long_source)
    w.select_claim(claim_id_of(w, NEAR))
    view = w.source_view.text_view
    qtbot.waitUntil(lambda: view.positions is not None and bool(view.marked_ranges("passage")),
                    timeout=20000)
    (passage,) = view.marked_ranges("passage")
    assert selected_text(view, passage) == "We will not raise the harbour fee this year"
    bar = view.verticalScrollBar()
    place = QTextCursor(view.document())
    place.setPosition(passage[0])
    qtbot.waitUntil(lambda: bar.value() > bar.maximum() // 2
                    and 0 <= view.cursorRect(place).top() <= view.viewport().height(),
                    timeout=20000)  # scrolled to it, once the long text is laid out
