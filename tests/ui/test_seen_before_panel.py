"""The window's Seen Before pane: an earlier verdict shown for the claim it matches, applied
with B (saved with a history record, undone with Ctrl+Z), Shift+B to the next such claim,
and the lookup kept off the UI thread."""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "memory"))

from memory_articles import HARBOUR
from memory_builders import ArticleSpec, ClaimSpec, write_review

import reader.memory.index as index_module
from reader.ui.seen_before_panel import APPLY_TEXT, SeenBeforePanel

SECOND_OUTLET = """Sea wall vote splits Harbour

Mayor Inés Okafor defended the plan on Wednesday. "We lost 300 homes to flooding in 2019," she
told residents.

"We will not lose another street to the sea," said Jonas Field, who runs the harbour café 🌊.

Tomas Reyl said the wall would protect only 40 per cent of the coast.
"""


@pytest.fixture
def seen(make_window, qtbot, tmp_path):
    """A window on the second outlet's article, the store holding the first one's review."""
    write_review(tmp_path / "store", HARBOUR)
    article = tmp_path / "second.txt"
    article.write_text(SECOND_OUTLET, encoding="utf-8")
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.seen_before.ready, timeout=30000):
        assert window.open_path(article)
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def _claim(window, start: str):
    return next(c for c in window.session.claims() if c.text.startswith(start))


def _key(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QGuiApplication.focusObject() or window, key, modifier)


def test_the_earlier_verdict_shows_for_the_claim_it_matches(seen, qtbot) -> None:
    quote = _claim(seen, "We lost 300")
    seen.select_claim(quote.id)
    panel = seen.seen_before.panel
    assert panel.heading.text() == "Seen before: 1 earlier verdict"
    assert panel.list.isVisible() and panel.list.count() == 1
    text = panel.list.item(0).text()
    assert text.startswith("✓ Verified in “Harbour council backs sea wall” · "
                           "harbourpost.example · 2026-03-02 — same speaker and words, 100%")
    assert "Inés Okafor: “We lost 300 homes to flooding in 2019, and we will not" in text
    assert "Note: The council's flood report counts 312 homes flooded in 2019." in text
    assert ("Source: Flood damage report 2019 — https://example.org/flood-report-2019 "
            "(supports the claim)") in text
    assert panel.apply_button.isVisible() and panel.apply_button.isEnabled()
    assert seen.actions_by_name["claim_apply_earlier"].isEnabled()
    other = _claim(seen, "We will not lose")  # the same words, another speaker
    seen.select_claim(other.id)
    assert panel.heading.text() == "Seen before: this claim is not in your other reviews."
    assert not panel.list.isVisible() and not panel.apply_button.isVisible()
    assert not seen.actions_by_name["claim_apply_earlier"].isEnabled()


def test_b_applies_it_with_a_record_and_ctrl_z_takes_it_back(seen, qtbot) -> None:
    quote = _claim(seen, "We lost 300")
    seen.claims_panel.view.setFocus()
    seen.select_claim(quote.id)
    _key(qtbot, seen, Qt.Key.Key_B)
    claim = seen.session.claim(quote.id)
    assert claim.status == "verified"
    assert claim.note == "The council's flood report counts 312 homes flooded in 2019."
    assert [source.url for source in claim.sources] == ["https://example.org/flood-report-2019"]
    stored = json.loads(seen.session.handle.path.read_text(encoding="utf-8"))
    history = stored["claims"][quote.id]["history"]
    assert [entry["event"] for entry in history] == ["status", "note", "source", "reuse"]
    earlier_id = next(c.claim_id for c in seen.seen_before.current_matches())
    assert history[-1]["value"] == f"{'a' * 32}/{earlier_id}"
    panel = seen.seen_before.panel
    assert panel.apply_button.text() == "Earlier Verdict Applied"
    assert not panel.apply_button.isEnabled()
    assert seen.detail.status_buttons["verified"].isChecked()
    assert "Applied the earlier verdict (Verified)" in seen.statusBar().currentMessage()
    _key(qtbot, seen, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    claim = seen.session.claim(quote.id)
    assert (claim.status, claim.note, claim.sources) == ("unreviewed", "", ())
    assert panel.apply_button.text() == APPLY_TEXT and panel.apply_button.isEnabled()


def test_the_claims_own_note_is_kept(seen, qtbot) -> None:
    quote = _claim(seen, "We lost 300")
    seen.select_claim(quote.id)
    seen.session.set_note(quote.id, "Asked the mayor's office too.")
    seen.seen_before.apply_current()
    assert seen.session.claim(quote.id).note == (
        "Asked the mayor's office too.\n\nThe council's flood report counts 312 homes "
        "flooded in 2019.")


def test_shift_b_goes_to_the_next_claim_seen_before(seen, qtbot) -> None:
    seen.claims_panel.view.setFocus()
    first = seen.session.claims()[0].id
    seen.select_claim(first)
    _key(qtbot, seen, Qt.Key.Key_B, Qt.KeyboardModifier.ShiftModifier)
    found = [claim_id for claim_id, matches in seen.seen_before.matches.items() if matches]
    assert seen.current_claim_id in found
    assert len(found) == 2  # Okafor's quote, and Reyl's figure (40%, 40 per cent)
    _key(qtbot, seen, Qt.Key.Key_B, Qt.KeyboardModifier.ShiftModifier)
    assert seen.current_claim_id in found


def test_the_lookup_runs_in_a_child_process_with_progress(make_window, qtbot, tmp_path,
                                                          monkeypatch) -> None:
    # On a thread of the window's process, the lookup's Python work made every call from Qt
    # into Python wait for the interpreter (tagging stalled 150-850 ms on a long article).
    import reader.memory.worker as worker_module

    for number in range(150):  # more than one batch of files, so progress is reported
        write_review(tmp_path / "store", ArticleSpec(f"Harbour news {number}", [
            *HARBOUR.claims[:1], ClaimSpec(f"The harbour reopens on day {number}.")],
            review_id=f"{number:032d}"))
    synced_here: list[bool] = []
    monkeypatch.setattr(index_module.ClaimMemory, "sync",
                        lambda self, *args, **kwargs: synced_here.append(True))
    started: list[list[str]] = []
    real_popen = worker_module.subprocess.Popen

    def recording_popen(command, *args, **kwargs):
        started.append(list(command))
        return real_popen(command, *args, **kwargs)

    monkeypatch.setattr(worker_module.subprocess, "Popen", recording_popen)
    window = make_window()
    shown: list[tuple[int, int, bool]] = []
    monkeypatch.setattr(window.seen_before.panel, "show_progress", lambda done, total: shown.append(
        (done, total, threading.current_thread() is threading.main_thread())))
    article = tmp_path / "second.txt"
    article.write_text(SECOND_OUTLET, encoding="utf-8")
    with qtbot.waitSignal(window.seen_before.ready, timeout=60000):
        window.open_path(article)
    assert started == [worker_module.worker_command()]
    assert synced_here == [], "the index is brought up to date in the child, not here"
    assert shown and shown[0][0] < shown[0][1] and all(on_ui for *_, on_ui in shown)
    assert window.seen_before.matches, "the restated quotes are found"


def test_a_failing_child_is_one_line_in_the_pane(make_window, qtbot, tmp_path,
                                                 monkeypatch) -> None:
    import reader.memory.worker as worker_module

    monkeypatch.setattr(worker_module, "worker_command", lambda: [
        sys.executable, "-c", "import sys; sys.stderr.write('The index is on fire.\\n'); "
        "sys.exit(1)"])
    article = tmp_path / "second.txt"
    article.write_text(SECOND_OUTLET, encoding="utf-8")
    window = make_window()
    with qtbot.waitSignal(window.seen_before.failed, timeout=30000) as failed:
        window.open_path(article)
    assert failed.args == ["The index is on fire."]
    assert "The index is on fire." in window.seen_before.panel.heading.text()


def test_a_read_only_review_cannot_take_an_earlier_verdict(seen, qtbot) -> None:
    quote = _claim(seen, "We lost 300")
    seen.session.handle.read_only_reason = "Opened for viewing only."
    seen.select_claim(quote.id)
    assert not seen.seen_before.panel.apply_button.isEnabled()
    seen.seen_before.apply_current()
    assert seen.session.claim(quote.id).status == "unreviewed"


def test_the_pane_on_its_own(qtbot) -> None:
    panel = SeenBeforePanel()
    qtbot.addWidget(panel)
    panel.show_progress(250, 1000)
    assert panel.progress.value() == 250 and panel.progress.maximum() == 1000
    assert panel.heading.text() == "Seen before: reading your other reviews… 250 of 1,000"
    panel.show_message("Seen before is not available: the cache folder is full.")
    assert not panel.list.isVisible()


def test_the_lookup_waits_for_a_long_article_s_highlights(make_window, qtbot, tmp_path,
                                                          monkeypatch) -> None:
    # Run beside the sliced layout of a long article, the lookup's background work (parsing
    # review files) held the interpreter often enough to stall the window by 400 ms.
    from reader.ui.article_view import SLICED_CHARS
    from reader.ui.seen_before_panel import SeenBeforeController

    write_review(tmp_path / "store", HARBOUR)
    article = tmp_path / "long.txt"
    paragraph = SECOND_OUTLET.split("\n\n", 1)[1]
    article.write_text("Sea wall vote splits Harbour\n\n"
                       + "\n\n".join([paragraph] * (SLICED_CHARS // len(paragraph) + 2)),
                       encoding="utf-8")
    started = []
    original = SeenBeforeController.session_opened

    def session_opened(self, session):
        started.append(window.article_view.highlighted)
        original(self, session)

    monkeypatch.setattr(SeenBeforeController, "session_opened", session_opened)
    window = make_window()
    window.show()
    with qtbot.waitSignal(window.seen_before.ready, timeout=60000):
        assert window.open_path(article)
    assert started == [True]
    assert window.seen_before.matches, "the restated quotes are still found"
