"""In the window: where a quote was found, in the claim's own pane (one line per source, a Show
button and P to open the passage in the source pane), and detaching a source (Ctrl+Shift+X,
the Sources menu or the pane's button) after a confirmation that names the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

ARTICLE = (
    "Harbour fee stays\n\n"
    "The mayor, Ines Okafor, told the council: “We will never raise the harbour fee this "
    "year.” She promised that “every job at the port … will be protected”.\n\n"
    "The treasurer was blunt: “The budget is tight,” he said. The fee rose by 5% in 2024, "
    "to €12 a tonne.\n"
)
TRANSCRIPT = (
    "Réunion du conseil 🌊\n\n"
    "THE MAYOR: We will not raise the harbour fee this year, and every job at the port, "
    "every single one of them, will be protected.\n\n"
    "THE TREASURER: The budget is tight. Very tight.\n"
)
RELEASE = "Press release\n\nThe mayor said: “We will never raise the harbour fee this year.”\n"
NEAR = "We will never raise the harbour fee this year."


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {"article": tmp_path / "article.txt", "minutes": tmp_path / "minutes.txt",
             "release": tmp_path / "release.txt"}
    for key, text in (("article", ARTICLE), ("minutes", TRANSCRIPT), ("release", RELEASE)):
        paths[key].write_text(text, encoding="utf-8")
    return paths


@pytest.fixture
def matched(window, qtbot, monkeypatch, files):
    """The article open with both sources attached and matched."""
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        assert window.open_path(files["article"])
    window.activateWindow()
    qtbot.waitActive(window)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (
        [str(files["minutes"]), str(files["release"])], ""))
    with qtbot.waitSignal(window.source_view.work_finished, timeout=20000):
        window.actions_by_name["sources_attach"].trigger()
    window.message_bar.dismiss()
    window.claims_panel.view.setFocus()
    return window


def claim_id_of(window, words: str) -> str:
    return next(c.id for c in window.session.claims() if c.text == words)


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QGuiApplication.focusObject() or window, key, modifier)


def answer_dialog(button_text: str, seen: list[str]) -> None:
    """Answer the next modal message box by the button named ``button_text``, noting its
    text (the dialog is modal: it must be answered from the event loop)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(f"{box.text()}\n{box.informativeText()}")
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r}")

    QTimer.singleShot(0, click)


def test_the_claims_pane_says_where_the_quote_was_found(matched, qtbot) -> None:
    w = matched
    w.select_claim(claim_id_of(w, NEAR))
    pane = w.detail
    assert pane.evidence_box.isVisible()
    lines = sorted(label.text() for label in pane.evidence_labels)  # attached together
    assert lines == [
        "≈ Near match in minutes.txt: 89% of words the same; changed “not” to “never”",
        "≡ Exact match in release.txt"]
    assert len(pane.evidence_buttons) == 2
    assert all(button.isVisible() for button in pane.evidence_buttons)
    # Each line and button is within what the pane shows (wrapped, not run off its right
    # edge), with the source pane open in the default 1200x800 window: the narrowest case.
    w.resize(1200, 800)
    w.source_view.set_shown(True)
    qtbot.wait(50)
    right = pane.viewport().width()
    for widget in (*pane.evidence_labels, *pane.evidence_buttons):
        edge = widget.mapTo(pane.viewport(), widget.rect().topRight()).x()
        assert 0 < edge <= right, (widget, edge, right)
    for label in pane.evidence_labels:
        assert label.heightForWidth(label.width()) <= label.height() + 1
    # A claim that is not a quote shows no such section.
    figure = next(c for c in w.session.claims() if c.kind != "quote")
    w.select_claim(figure.id)
    assert not pane.evidence_box.isVisible()


def test_accepting_a_passage_shows_on_its_line(matched, qtbot) -> None:
    w = matched
    near = claim_id_of(w, NEAR)
    w.select_claim(near)
    minutes = next(d.id for d in w.session.review.source_documents.values()
                   if d.source_path.endswith("minutes.txt"))
    w.show_passage(minutes)
    press(qtbot, w, Qt.Key.Key_C, Qt.KeyboardModifier.ShiftModifier)
    (line,) = [label.text() for label in w.detail.evidence_labels if "minutes" in label.text()]
    assert line.endswith("— accepted as a contradicting source")


def test_show_and_p_open_the_passage_in_the_source_pane(matched, qtbot) -> None:
    w = matched
    near = claim_id_of(w, NEAR)
    w.select_claim(near)
    w.source_view.set_shown(False)
    w.claims_panel.view.setFocus()
    pane = w.source_view
    row = next(n for n, label in enumerate(w.detail.evidence_labels)
               if "release.txt" in label.text())
    qtbot.mouseClick(w.detail.evidence_buttons[row], Qt.MouseButton.LeftButton)
    assert pane.isVisible() and pane.current_source().source_path.endswith("release.txt")
    assert pane.result.text().startswith("Exact match")
    w.claims_panel.view.setFocus()
    press(qtbot, w, Qt.Key.Key_P)  # the quote's other source
    assert pane.current_source().source_path.endswith("minutes.txt")
    assert pane.result.text().startswith("Near match — 89%")
    (passage,) = pane.text_view.marked_ranges("passage")
    assert passage[1] > passage[0]
    press(qtbot, w, Qt.Key.Key_P)  # and round again
    assert pane.current_source().source_path.endswith("release.txt")
    # With the pane hidden, P first shows it at the source it was on.
    press(qtbot, w, Qt.Key.Key_F8)
    assert not pane.isVisible()
    press(qtbot, w, Qt.Key.Key_P)
    assert pane.isVisible() and pane.current_source().source_path.endswith("release.txt")


def test_p_on_a_claim_without_passages_says_so(matched, qtbot) -> None:
    w = matched
    figure = next(c for c in w.session.claims() if c.kind != "quote")
    w.select_claim(figure.id)
    assert not w.actions_by_name["sources_show_passage"].isEnabled()
    w.show_passage()
    assert "no passage in a source document" in w.statusBar().currentMessage()


def test_detaching_asks_by_name_and_removes_text_passages_and_lines(matched, qtbot) -> None:
    w = matched
    near = claim_id_of(w, NEAR)
    w.select_claim(near)
    minutes = next(d.id for d in w.session.review.source_documents.values()
                   if d.source_path.endswith("minutes.txt"))
    w.show_passage(minutes)
    press(qtbot, w, Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier)  # accepted as a source
    pane = w.source_view
    assert pane.current_source().source_path.endswith("minutes.txt")
    path = w.session.handle.path
    assert "every single one of them" in path.read_text(encoding="utf-8")
    seen: list[str] = []
    answer_dialog("Cancel", seen)
    press(qtbot, w, Qt.Key.Key_X, Qt.KeyboardModifier.ControlModifier
          | Qt.KeyboardModifier.ShiftModifier)
    assert "Detach “Réunion du conseil 🌊” from this review?" in seen[0]
    assert str(Path(pane.current_source().source_path)) in seen[0]
    quotes = sum(1 for c in w.session.claims() if any(e.source == minutes for e in c.evidence))
    assert quotes >= 2 and f"for {quotes} quotes are removed" in seen[0]
    assert "The source you accepted from it into a claim stays." in seen[0]
    assert len(w.session.review.source_documents) == 2  # cancelled: nothing changed
    answer_dialog("Detach", seen)
    w.actions_by_name["sources_detach"].trigger()
    review = w.session.review
    (left,) = review.source_documents.values()
    assert left.source_path.endswith("release.txt")
    assert len(review.removed_sources) == 1
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "every single one of them" not in path.read_text(encoding="utf-8")
    assert len(data["removed_source_documents"]) == 1
    # The pane moved on to the source left, the claim's pane lost the line, the accepted
    # source stayed, and the user was told.
    assert pane.current_source().source_path.endswith("release.txt")
    assert pane.chooser.count() == 1
    assert [label.text() for label in w.detail.evidence_labels] == [
        "≡ Exact match in release.txt"]
    assert len(w.session.claim(near).sources) == 1
    assert "Detached Réunion du conseil 🌊 (minutes.txt)" in w.message_bar.text()
    # The last one, with the pane's own button; then nothing is left to detach.
    answer_dialog("Detach", seen)
    qtbot.mouseClick(pane.buttons["sources_detach"], Qt.MouseButton.LeftButton)
    assert w.session.review.source_documents == {}
    assert not pane.buttons["sources_detach"].isEnabled()
    assert not w.actions_by_name["sources_detach"].isEnabled()
    assert not w.detail.evidence_box.isVisible()
    assert "No source attached" in pane.result.text()


def test_the_sources_menu_holds_the_new_actions(matched) -> None:
    menu = next(a.menu() for a in matched.menuBar().actions() if a.text() == "&Sources")
    names = [a.objectName() for a in menu.actions()]
    assert "sources_detach" in names and "sources_show_passage" in names


def test_detaching_is_refused_while_quotes_are_matched(matched, qtbot) -> None:
    w = matched
    pane = w.source_view
    pane.busy = True
    pane.detach_current()
    assert "wait for it to finish" in w.message_bar.text()
    pane.busy = False
    assert len(w.session.review.source_documents) == 2


def test_a_source_another_program_detached_leaves_the_window_on_refresh(matched, qtbot,
                                                                        tmp_path) -> None:
    """`match-quotes --detach` (or a colleague's synced copy) while the window is open: when
    the window next reads the file (on regaining focus), the source and its lines go."""
    from reader.store import ReviewStore

    w = matched
    near = claim_id_of(w, NEAR)
    w.select_claim(near)
    minutes = next(d.id for d in w.session.review.source_documents.values()
                   if d.source_path.endswith("minutes.txt"))
    w.show_passage(minutes)
    ReviewStore(tmp_path / "store", reviewer="bo").load(
        w.session.handle.path.stem).detach_source(minutes)
    w.session.refresh()
    assert minutes not in w.session.review.source_documents
    assert [label.text() for label in w.detail.evidence_labels] == [
        "≡ Exact match in release.txt"]
    assert w.source_view.chooser.count() == 1
    assert w.source_view.current_source().source_path.endswith("release.txt")
    # Matching again in the window does not bring it back.
    with qtbot.waitSignal(w.source_view.work_finished, timeout=20000):
        w.actions_by_name["sources_match"].trigger()
    assert minutes not in w.session.review.source_documents
    assert all(e.source != minutes for c in w.session.claims() for e in c.evidence)
