"""Search All Reviews (Ctrl+Shift+F): typed words find claims in every stored review, with
their verdict and article; Enter opens the claim in its article."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "memory"))

from memory_articles import CLINIC, HARBOUR
from memory_builders import write_review

from reader.memory.search import MARK_END, MARK_START
from reader.ui.search_dialog import SearchDialog


def _dialog(qtbot, store: Path) -> SearchDialog:
    dialog = SearchDialog(store)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _search(qtbot, dialog: SearchDialog, text: str) -> None:
    dialog.query.setText(text)
    qtbot.waitUntil(lambda: dialog.summary.text() not in (
        "Searching…", "Type words to search the claims of every stored review."), timeout=20000)


def test_typed_words_find_claims_with_their_verdict_and_article(qtbot, tmp_path) -> None:
    for article in (HARBOUR, CLINIC):
        write_review(tmp_path / "store", article)
    dialog = _dialog(qtbot, tmp_path / "store")
    _search(qtbot, dialog, "nurse*")
    qtbot.waitUntil(lambda: dialog.summary.text() == "2 claims match.", timeout=20000)
    first = dialog.results.item(0).text()
    assert MARK_START in first and MARK_END in first
    assert "“Emergency waits fall again” · coastnews.example · 2026-04-15" in first
    assert first.split(" — ")[0] in ("✓ Verified", "✗ Disputed")  # the status in words
    dialog.status.setCurrentIndex(dialog.status.findData("disputed"))
    qtbot.waitUntil(lambda: dialog.summary.text() == "1 claim matches.", timeout=20000)
    assert dialog.results.item(0).text().startswith("✗ Disputed — Marta Lindqvist: “We have")
    dialog.query.setText('"')
    qtbot.waitUntil(lambda: dialog.summary.text() == "1 claim matches.", timeout=20000)
    dialog.status.setCurrentIndex(0)
    qtbot.waitUntil(lambda: dialog.results.count() == 0, timeout=20000)
    assert dialog.summary.text().startswith("Type words")


def test_enter_opens_the_claim_in_its_article(make_window, qtbot, tmp_path) -> None:
    write_review(tmp_path / "store", HARBOUR)
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window.search_reviews()
    dialog = window.search_dialog
    qtbot.waitActive(dialog)
    qtbot.waitUntil(dialog.query.hasFocus)
    _search(qtbot, dialog, "marina")
    qtbot.waitUntil(lambda: dialog.summary.text() == "1 claim matches.", timeout=20000)
    claim_id = dialog.hits[0].claim_id
    with qtbot.waitSignal(window.session_ready, timeout=30000):
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_claim_id == claim_id, timeout=10000)
    assert window.session.claim(claim_id).text.startswith("This plan protects the marina")
    assert "showing the text kept with the review" in window.message_bar.text()
