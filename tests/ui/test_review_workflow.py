"""The reviewing workflow in the real window, driven by keyboard and mouse, checked on disk."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QPalette, QTextCursor

from reader.ui.claims_model import ClaimRole

ARTICLE = (
    "Harbour council backs the wall\n\n"
    "The council voted 31 to 9 on Tuesday to spend €1.2 billion on the wall. "
    "About 4,000 homes have flooded since 2022.\n\n"
    "“We cannot wait another winter,” Mayor Ana Reyes said. "
    "“Every year costs us more than the last.”\n\n"
    "Critics said the plan ignores the fishing quarter, where 30% of homes are uninsured.\n\n"
    "Reyes said work would start in spring 🌊 at the café on Quay Street.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def reviewing(window, qtbot, article: Path):
    """The window with the test article open and its review ready, keyboard on the list."""
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        assert window.open_path(article)
    window.activateWindow()
    qtbot.waitActive(window)
    window.claims_panel.view.setFocus()
    # Focusing the list selects its first claim, as a reviewer expects.
    qtbot.waitUntil(lambda: window.current_claim_id == window.session.claims()[0].id)
    return window


def stored(window) -> dict:
    return json.loads(window.session.handle.path.read_text(encoding="utf-8"))


def stored_claim(window, claim_id: str) -> dict:
    return stored(window)["claims"][claim_id]


def key(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QGuiApplication.focusObject() or window, key, modifier)


def test_sample_opens_with_every_claim_listed(window, qtbot) -> None:
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        window.open_sample()
    session = window.session
    listed = [window.claims_panel.model.index(r).data(ClaimRole.Id)
              for r in range(window.claims_panel.model.rowCount())]
    expected = [c.id for c in session.claims() if not c.dismissed and not c.orphaned]
    assert listed == expected and len(listed) >= 10
    assert window.claims_panel.count_label.text() == f"{len(listed)} claims"
    assert f"0 of {len(listed)} reviewed" in window.progress_label.text()
    assert window.save_label.text() == "✓ Saved"


def test_models_pass_the_model_tester(reviewing, qtmodeltester) -> None:
    qtmodeltester.check(reviewing.claims_panel.model)
    qtmodeltester.check(reviewing.claims_panel.orphan_model)


def test_keyboard_tagging_is_saved_at_once(reviewing, qtbot) -> None:
    w = reviewing
    first = w.current_claim_id
    key(qtbot, w, Qt.Key.Key_V)
    assert stored_claim(w, first)["status"] == "verified"
    key(qtbot, w, Qt.Key.Key_J)
    second = w.current_claim_id
    assert second != first
    key(qtbot, w, Qt.Key.Key_2)
    assert stored_claim(w, second)["status"] == "disputed"
    key(qtbot, w, Qt.Key.Key_U)
    assert stored_claim(w, second)["status"] == "unverifiable"
    key(qtbot, w, Qt.Key.Key_0)
    assert stored_claim(w, second)["status"] == "unreviewed"
    key(qtbot, w, Qt.Key.Key_K)
    assert w.current_claim_id == first
    key(qtbot, w, Qt.Key.Key_N)  # next unreviewed skips nothing here: the second is unreviewed
    assert w.current_claim_id == second
    assert "1 of" in w.progress_label.text() and "✓ 1 verified" in w.progress_label.text()
    history = stored_claim(w, first)["history"]
    assert history[-1]["to"] == "verified"


def test_arrow_keys_move_through_the_list(reviewing, qtbot) -> None:
    w = reviewing
    key(qtbot, w, Qt.Key.Key_Down)
    key(qtbot, w, Qt.Key.Key_Down)
    assert w.current_claim_id == w.session.claims()[2].id
    key(qtbot, w, Qt.Key.Key_Up)
    key(qtbot, w, Qt.Key.Key_Up)
    assert w.current_claim_id == w.session.claims()[0].id


def test_undo_and_redo_from_the_keyboard(reviewing, qtbot) -> None:
    w = reviewing
    key(qtbot, w, Qt.Key.Key_J)
    claim_id = w.current_claim_id
    key(qtbot, w, Qt.Key.Key_D)
    assert w.actions_by_name["edit_undo"].text() == "&Undo status change"
    key(qtbot, w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_claim(w, claim_id)["status"] == "unreviewed"
    key(qtbot, w, Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored_claim(w, claim_id)["status"] == "disputed"


def test_note_typing_is_saved_and_letters_do_not_tag(reviewing, qtbot) -> None:
    w = reviewing
    key(qtbot, w, Qt.Key.Key_J)
    claim_id = w.current_claim_id
    key(qtbot, w, Qt.Key.Key_E)
    assert w.detail.note.hasFocus()
    qtbot.keyClicks(w.detail.note, "vd checked minutes")
    qtbot.waitUntil(lambda: stored_claim(w, claim_id)["note"] == "vd checked minutes",
                    timeout=5000)
    assert stored_claim(w, claim_id)["status"] == "unreviewed"
    w.claims_panel.view.setFocus()  # leaving the editor ends the note's undo step
    key(qtbot, w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_claim(w, claim_id)["note"] == ""


def test_sources_add_edit_remove(reviewing, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.ui import source_dialog

    w = reviewing
    key(qtbot, w, Qt.Key.Key_J)
    claim_id = w.current_claim_id
    answers = iter([
        {"title": "Council minutes", "url": "https://example.org/minutes", "citation": "",
         "publisher": "Port Ellis council", "consulted": "2026-11-20", "stance": "supports"},
        {"title": "Council minutes (final)", "url": "https://example.org/minutes",
         "citation": "", "publisher": "Port Ellis council", "consulted": "2026-11-21",
         "stance": "contradicts"},
    ])
    monkeypatch.setattr(source_dialog.SourceDialog, "edit",
                        staticmethod(lambda parent, source: next(answers)))
    key(qtbot, w, Qt.Key.Key_S)
    sources = stored_claim(w, claim_id)["sources"]
    assert [s["title"] for s in sources] == ["Council minutes"]
    assert "Council minutes" in w.detail.sources.item(0).text()
    assert "supports the claim" in w.detail.sources.item(0).text()
    w.detail.edit_source_button.click()
    sources = stored_claim(w, claim_id)["sources"]
    assert sources[0]["title"] == "Council minutes (final)"
    assert sources[0]["stance"] == "contradicts"
    w.detail.remove_source_button.click()
    assert stored_claim(w, claim_id)["sources"] == []
    key(qtbot, w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_claim(w, claim_id)["sources"][0]["id"] == sources[0]["id"]


def test_filters_and_count(reviewing, qtbot) -> None:
    w = reviewing
    panel = w.claims_panel
    total = panel.model.rowCount()
    key(qtbot, w, Qt.Key.Key_J)
    key(qtbot, w, Qt.Key.Key_V)
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("verified"))
    assert panel.model.rowCount() == 1
    assert panel.count_label.text() == f"Showing 1 of {total} claims"
    panel.status_filter.setCurrentIndex(0)
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("quote"))
    kinds = {panel.model.index(r).data(ClaimRole.Kind) for r in range(panel.model.rowCount())}
    assert kinds == {"quote"}
    panel.kind_filter.setCurrentIndex(0)
    qtbot.keyClicks(panel.text_filter, "fishing")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=3000)
    assert "fishing" in panel.model.index(0).data()


def test_tagging_under_a_status_filter_moves_on(reviewing, qtbot) -> None:
    w = reviewing
    panel = w.claims_panel
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("unreviewed"))
    before = panel.model.rowCount()
    claims = w.session.claims()
    key(qtbot, w, Qt.Key.Key_J)
    assert w.current_claim_id == claims[1].id
    key(qtbot, w, Qt.Key.Key_V)
    assert panel.model.rowCount() == before - 1
    assert claims[1].id not in panel_ids(w)
    key(qtbot, w, Qt.Key.Key_J)  # continues from where the tagged claim was
    assert w.current_claim_id == claims[2].id


def test_manual_claim_from_a_selection(reviewing, qtbot) -> None:
    w = reviewing
    words = "Critics said the plan ignores the fishing quarter"
    start = ARTICLE.index(words)
    positions = w.article_view.positions
    cursor = QTextCursor(w.article_view.document())
    cursor.setPosition(positions.to_qt(start))
    cursor.setPosition(positions.to_qt(start + len(words)), QTextCursor.MoveMode.KeepAnchor)
    w.article_view.setTextCursor(cursor)
    w.article_view.setFocus()
    key(qtbot, w, Qt.Key.Key_A)
    claim = w.session.claim(w.current_claim_id)
    assert claim.origin == "manual" and claim.text == words
    assert stored_claim(w, claim.id)["anchor"]["exact"] == words
    assert panel_ids(w).count(claim.id) == 1


def panel_ids(w) -> list[str]:
    return [w.claims_panel.model.index(r).data(ClaimRole.Id)
            for r in range(w.claims_panel.model.rowCount())]


def test_dismiss_and_restore(reviewing, qtbot) -> None:
    w = reviewing
    key(qtbot, w, Qt.Key.Key_J)
    claim_id = w.current_claim_id
    key(qtbot, w, Qt.Key.Key_X)
    assert stored_claim(w, claim_id)["dismissed"] is True
    assert claim_id not in panel_ids(w)
    w.claims_panel.show_dismissed.setChecked(True)
    assert claim_id in panel_ids(w)
    w.select_claim(claim_id)
    assert w.detail.dismiss_button.text().startswith("Restore")
    key(qtbot, w, Qt.Key.Key_X)
    assert stored_claim(w, claim_id)["dismissed"] is False


def test_clicking_a_highlight_selects_its_claim(reviewing, qtbot) -> None:
    w = reviewing
    target = next(c for c in w.session.claims() if "fishing" in c.text)
    view = w.article_view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.positions.to_qt(target.anchor.start + 3))
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    point = view.cursorRect(cursor).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert w.current_claim_id == target.id
    assert w.claims_panel.current_id() == target.id
    assert w.detail.claim_text.text() == target.text


def test_selecting_a_claim_marks_its_exact_words(reviewing) -> None:
    w = reviewing
    for claim in w.session.claims():
        w.select_claim(claim.id)
        (selection,) = w.article_view.extraSelections()
        shown = selection.cursor.selectedText().replace("\u2029", " ")
        assert shown == claim.text.replace("\n", " ")


def test_hover_text_names_speaker_kind_and_status(reviewing) -> None:
    w = reviewing
    quote = next(c for c in w.session.claims() if c.kind == "quote")
    w.select_claim(quote.id)
    w.set_status("disputed")
    tip = w.article_view.tooltip_at(quote.anchor.start + 2)
    assert "Quote claim — Disputed" in tip
    assert "Ana Reyes" in tip


def test_status_marks_use_line_styles_not_only_colour(reviewing) -> None:
    from PySide6.QtGui import QTextCharFormat

    w = reviewing
    claims = [c for c in w.session.claims()][:3]
    for claim, status in zip(claims, ("verified", "disputed", "unverifiable"), strict=True):
        w.select_claim(claim.id)
        w.set_status(status)
    styles = []
    for claim in claims:
        cursor = QTextCursor(w.article_view.document())
        cursor.setPosition(w.article_view.positions.to_qt(claim.anchor.start) + 1)
        styles.append(cursor.charFormat().underlineStyle())
    assert styles == [QTextCharFormat.UnderlineStyle.SingleUnderline,
                      QTextCharFormat.UnderlineStyle.WaveUnderline,
                      QTextCharFormat.UnderlineStyle.DotLine]


def test_orphaned_claims_are_listed_with_their_words(window, qtbot, article: Path,
                                                     make_window) -> None:
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        window.open_path(article)
    gone = next(c for c in window.session.claims() if "fishing" in c.text)
    window.select_claim(gone.id)
    window.set_status("disputed")
    article.write_text(ARTICLE.replace(
        "Critics said the plan ignores the fishing quarter, where 30% of homes are "
        "uninsured.\n\n", ""), encoding="utf-8")
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        window.open_path(article)
    orphans = window.claims_panel.orphan_model
    assert orphans.rowCount() == 1
    assert orphans.index(0).data(ClaimRole.Id) == gone.id
    assert "fishing quarter" in orphans.index(0).data()
    assert orphans.index(0).data(ClaimRole.Status) == "disputed"
    assert not window.claims_panel.orphan_view.isHidden()
    assert "Orphaned (1)" in window.claims_panel.orphan_label.text()
    assert "not found in the new text" in window.message_bar.text()


def test_paste_opens_the_clipboard_as_a_document(window, qtbot) -> None:
    QGuiApplication.clipboard().setText(ARTICLE)
    window.activateWindow()
    qtbot.waitActive(window)
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        qtbot.keyClick(window, Qt.Key.Key_V,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.windowTitle().startswith("Harbour council backs the wall")
    assert window.session.review.document.source_path is None
    assert window.claims_panel.model.rowCount() > 0


def test_paste_of_an_empty_clipboard_explains(window) -> None:
    QGuiApplication.clipboard().setText("   ")
    window.paste_article()
    assert "clipboard holds no text" in window.message_bar.text()


def test_a_store_error_is_a_banner_and_nothing_is_lost(reviewing, qtbot,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.store.store as store_module

    w = reviewing
    real = store_module.write_atomic

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    key(qtbot, w, Qt.Key.Key_J)
    claim_id = w.current_claim_id
    monkeypatch.setattr(store_module, "write_atomic", disk_full)
    key(qtbot, w, Qt.Key.Key_V)
    assert "disk is full" in w.message_bar.text()
    assert w.save_label.text() == "⚠ Not saved"
    assert w.session.claim(claim_id).status == "verified"
    assert stored_claim(w, claim_id)["status"] == "unreviewed"
    assert w.isVisible()
    monkeypatch.setattr(store_module, "write_atomic", real)
    w.message_bar.action_button.click()  # Retry Now
    assert stored_claim(w, claim_id)["status"] == "verified"
    assert w.save_label.text() == "✓ Saved"


def test_find_in_the_article(reviewing, qtbot) -> None:
    w = reviewing
    key(qtbot, w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert w.find_bar.isVisible() and w.find_bar.field.hasFocus()
    qtbot.keyClicks(w.find_bar.field, "wall")
    assert w.find_bar.result.text() == "2 matches"
    assert w.article_view.textCursor().selectedText().lower() == "wall"
    qtbot.keyClick(w.find_bar.field, Qt.Key.Key_Escape)
    assert not w.find_bar.isVisible()


def test_f1_lists_every_shortcut(reviewing, qtbot) -> None:
    w = reviewing
    key(qtbot, w, Qt.Key.Key_F1)
    table = w.shortcuts_dialog.table
    rows = {table.item(r, 1).text(): table.item(r, 2).text() for r in range(table.rowCount())}
    assert rows["Next Claim"].startswith("J")
    assert rows["Mark Verified"] == "V, 1"
    w.shortcuts_dialog.close()


def test_theme_can_be_forced_dark_and_back(reviewing, qtbot) -> None:
    w = reviewing

    def window_lightness() -> int:
        return w.palette().color(QPalette.ColorRole.Window).lightness()

    w.set_theme("dark")
    qtbot.waitUntil(lambda: window_lightness() < 80)
    assert w.settings.theme() == "dark"
    # Every pane follows, the detail pane's editors too.
    qtbot.waitUntil(lambda: w.detail.note.palette().color(QPalette.ColorRole.Base).lightness()
                    < 80)
    assert w.detail.widget().palette().color(QPalette.ColorRole.Window).lightness() < 80
    w.set_theme("light")
    qtbot.waitUntil(lambda: window_lightness() > 180)
    assert w.claims_panel.model.rowCount() > 0  # the review survives re-rendering


def test_export_writes_every_format(reviewing, qtbot, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    w = reviewing
    key(qtbot, w, Qt.Key.Key_J)
    key(qtbot, w, Qt.Key.Key_V)
    out = tmp_path / "report.md"

    def choose(parent, caption, folder, filters, *rest, **kwargs):
        first = filters.split(";;")[0]
        return str(out), first

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    key(qtbot, w, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert out.exists()
    assert "Verified" in out.read_text(encoding="utf-8")


def test_selected_claim_is_scrolled_into_view_in_a_long_list(window, qtbot,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(f"The council spent {n},000 euros on item {n}." for n in
                                range(1, 121)), encoding="utf-8")
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        window.open_path(path)
    view = window.claims_panel.view
    claims = window.session.claims()
    assert len(claims) == 120
    for claim in (claims[-1], claims[60], claims[0]):
        window.select_claim(claim.id)
        row = window.claims_panel.model.row_of(claim.id)
        rect = view.visualRect(window.claims_panel.model.index(row))
        assert view.viewport().rect().contains(rect), claim.text


def test_a_damaged_review_is_recovered_from_its_backup(window, qtbot, article: Path) -> None:
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        window.open_path(article)
    claim_id = window.session.claims()[0].id
    window.select_claim(claim_id)
    window.set_status("verified")
    window.set_status("disputed")  # the backup now holds "verified"
    review_file = window.session.handle.path
    review_file.write_text('{"schema_version": 1, "claims": ', encoding="utf-8")
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        window.open_path(article)
    message = window.message_bar.text()
    assert "recovered from its backup" in message and str(review_file) in message
    assert window.session.handle.path == review_file  # the same review, not a new one
    assert window.session.claim(claim_id).status == "verified"
    kept = [p for p in review_file.parent.iterdir() if ".corrupt-" in p.name
            and p.read_text(encoding="utf-8").startswith('{"schema_version": 1, "claims": ')]
    assert kept, "the damaged file is moved aside, not deleted"


@pytest.mark.parametrize("choice", ["recover", "new"])
def test_a_damaged_review_without_backup_waits_for_the_users_choice(window, qtbot,
                                                                    article: Path, choice):
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        window.open_path(article)
    claim_id = window.session.claims()[0].id
    window.select_claim(claim_id)
    window.set_status("verified")
    review_file = window.session.handle.path
    Path(str(review_file) + ".bak").unlink()
    good = review_file.read_bytes()
    damaged = good[: good.index(b'"document"')]
    review_file.write_bytes(damaged)
    for _ in range(2):  # asked again each time, never a silent new review
        with qtbot.waitSignal(window.session_failed, timeout=15000):
            window.open_path(article)
        assert str(review_file) in window.message_bar.text()
        assert "no usable backup" in window.message_bar.text()
        assert review_file.read_bytes() == damaged
    bar = window.message_bar
    assert bar.action_button.text() == "Recover What Can Be Read"
    assert bar.second_button.text() == "Start a New Review"
    button = bar.action_button if choice == "recover" else bar.second_button
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        button.click()
    status = window.session.claim(claim_id).status
    assert status == ("verified" if choice == "recover" else "unreviewed")
    assert (window.session.handle.path == review_file) == (choice == "recover")
    assert [p.read_bytes() for p in review_file.parent.glob("*.corrupt-*")] == [damaged]


def test_start_page_lists_reviews_and_reopens_them(window, qtbot, article: Path,
                                                   tmp_path: Path) -> None:
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        window.open_path(article)
    claim_id = window.session.claims()[0].id
    window.select_claim(claim_id)
    window.set_status("verified")
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_O,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    page = window.start_page
    assert window.stack.currentWidget() is page
    entries = page.visible_entries()
    assert entries[0].title == "Harbour council backs the wall"
    assert entries[0].progress.verified == 1

    moved = tmp_path / "moved" / "renamed.txt"  # a moved file finds its review by content
    moved.parent.mkdir()
    article.rename(moved)
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        page.review_activated.emit(entries[0])
    assert window.stack.currentWidget() is window.splitter
    assert window.session.claim(claim_id).status == "verified"
    assert "missing or changed" in window.message_bar.text()

    with qtbot.waitSignal(window.session_ready, timeout=15000):
        window.open_path(moved)
    assert window.session.claim(claim_id).status == "verified"


def test_report_saved_as_pdf(reviewing, qtbot, tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    target = tmp_path / "report"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), "PDF (*.pdf)"))
    key(qtbot, reviewing, Qt.Key.Key_P,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    pdf = tmp_path / "report.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")


def test_system_theme_follows_the_desktop(reviewing, qtbot, monkeypatch) -> None:
    import reader.ui.theme as theme

    w = reviewing
    w.set_theme("system")
    monkeypatch.setattr(theme, "system_prefers_dark", lambda: True)
    w._system_scheme_changed()
    qtbot.waitUntil(lambda: w.palette().color(QPalette.ColorRole.Window).lightness() < 80)
    assert w.colors.dark
    w.set_theme("light")  # a chosen theme ignores the desktop
    w._system_scheme_changed()
    assert not w.colors.dark


def test_changes_made_by_a_script_show_up_when_the_window_is_activated(
        reviewing, article: Path) -> None:
    import subprocess
    import sys

    w = reviewing
    claim_id = w.session.claims()[1].id
    result = subprocess.run(
        [sys.executable, "-m", "reader", "tag", str(article), claim_id, "disputed",
         "--note", "Tagged from a script", "--store", str(w.store_dir)],
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    w.changeEvent(QEvent(QEvent.Type.ActivationChange))
    assert w.session.claim(claim_id).status == "disputed"
    row = w.claims_panel.model.row_of(claim_id)
    assert w.claims_panel.model.index(row).data(ClaimRole.Status) == "disputed"
    w.select_claim(claim_id)
    assert w.detail.note.toPlainText() == "Tagged from a script"
    w.set_status("verified")  # and the window's own next change keeps the script's note
    assert stored_claim(w, claim_id)["note"] == "Tagged from a script"
    assert stored_claim(w, claim_id)["status"] == "verified"


def test_the_sample_is_listed_as_a_file_and_reopens(window, qtbot) -> None:
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        window.open_sample()
    window.show_start_page()
    (entry,) = window.start_page.visible_entries()
    assert entry.path is not None and entry.path.endswith("sample-article.md")
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        window.start_page.review_activated.emit(entry)
    assert window.session.review.review_id == entry.review_id
    assert "missing or changed" not in window.message_bar.text()


def test_a_conflict_is_badged_filtered_and_resolved_in_the_window(reviewing, qtbot,
                                                                  article: Path) -> None:
    from reader.document.loading import load_document
    from reader.store import ReviewStore

    window = reviewing
    claim_id = window.session.claims()[0].id
    script = ReviewStore(window.store.root, reviewer="bo").open_review(load_document(article))
    script.set_status(claim_id, "verified")  # `claim-reader tag` saves first
    window.select_claim(claim_id)
    window.set_status("disputed")  # the window never saw it: its value is the one not kept
    assert "your status (disputed) was not kept, because bo saved verified first" in \
        window.message_bar.text()
    row = window.claims_panel.model.row_of(claim_id)
    index = window.claims_panel.model.index(row)
    assert index.data(ClaimRole.Flags) == ("Conflict",)
    assert "in conflict" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert "bo saved" not in window.detail.attention_label.text()  # bo's value is kept...
    assert "saved Disputed" in window.detail.attention_label.text()  # ...the window's shown
    panel = window.claims_panel
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("conflict"))
    assert panel.model.ids() == [claim_id]
    use = next(b for b in window.detail.answer_buttons if b.text() == "Use Disputed")
    use.click()
    claim = window.session.claim(claim_id)
    assert claim.status == "disputed" and claim.open_conflicts() == ()
    assert stored_claim(window, claim_id)["status"] == "disputed"
    assert panel.model.ids() == []  # nothing left in conflict
    assert not window.detail.attention.isVisible()


def test_two_values_in_conflict_on_one_field_give_one_keep_button(reviewing, qtbot,
                                                                  article: Path) -> None:
    from reader.document.loading import load_document
    from reader.store import ReviewStore, StoreConflictError

    window = reviewing
    claim_id = window.session.claims()[0].id
    cy, dee = (ReviewStore(window.store.root, reviewer=name).open_review(load_document(article))
               for name in ("cy", "dee"))
    ReviewStore(window.store.root, reviewer="bo").open_review(load_document(article)) \
        .set_status(claim_id, "verified")  # saved first
    for script, status in ((cy, "disputed"), (dee, "unverifiable")):
        with pytest.raises(StoreConflictError):
            script.set_status(claim_id, status)  # both opened before bo saved: both lose
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        window.open_path(article)
    window.select_claim(claim_id)
    texts = [b.text() for b in window.detail.answer_buttons]
    assert texts == ["Keep Verified", "Use Disputed", "Use Unverifiable"]
    label = window.detail.attention_label.text()
    assert "cy saved Disputed" in label and "dee saved Unverifiable" in label


def test_a_verdict_whose_words_changed_is_badged_until_confirmed(window, qtbot,
                                                                 article: Path) -> None:
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        window.open_path(article)
    claim = next(c for c in window.session.claims() if "31 to 9" in c.text)
    window.select_claim(claim.id)
    window.set_status("verified")
    article.write_text(ARTICLE.replace("31 to 9", "31 to 8"), encoding="utf-8")
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        window.open_path(article)
    window.select_claim(claim.id)
    panel = window.claims_panel
    row = panel.model.row_of(claim.id)
    assert panel.model.index(row).data(ClaimRole.Flags) == ("Re-check",)
    text = window.detail.attention_label.text()
    assert "Needs re-check" in text and "31 to 9" in text and "31 to 8" in text
    panel.status_filter.setCurrentIndex(panel.status_filter.findData("recheck"))
    assert panel.model.ids() == [claim.id]
    assert window.actions_by_name["claim_confirm"].isEnabled()
    window.actions_by_name["claim_confirm"].trigger()  # C: the verdict still holds
    assert window.session.claim(claim.id).recheck() is None
    assert window.session.claim(claim.id).status == "verified"
    assert panel.model.ids() == []


def test_a_moved_and_edited_article_is_offered_its_review(window, qtbot, article: Path,
                                                          tmp_path: Path) -> None:
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        window.open_path(article)
    claim_id = window.session.claims()[0].id
    review_file = window.session.handle.path
    window.select_claim(claim_id)
    window.set_status("verified")
    moved = tmp_path / "elsewhere.txt"
    moved.write_text(ARTICLE + "\nUpdate: the vote was confirmed on Friday.\n", encoding="utf-8")
    article.unlink()
    files = sorted(review_file.parent.glob("*.json"))
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        window.open_path(moved)
    assert window.message_bar.action_button.text() == "Use That Review"
    assert "edited copy of an article you reviewed" in window.message_bar.text()
    assert window.session.claim(claim_id).status == "unreviewed"  # not taken without asking
    assert sorted(review_file.parent.glob("*.json")) == files  # nor a new file written
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        window.message_bar.action_button.click()
    assert window.session.handle.path == review_file
    assert window.session.claim(claim_id).status == "verified"
    assert json.loads(review_file.read_text(encoding="utf-8"))["document"]["source_path"] == \
        str(moved)


def test_the_start_page_recovers_what_can_be_read(window, qtbot, article: Path) -> None:
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        window.open_path(article)
    claim_id = window.session.claims()[0].id
    window.select_claim(claim_id)
    window.set_status("verified")
    review_file = window.session.handle.path
    Path(str(review_file) + ".bak").unlink()
    good = review_file.read_bytes()
    review_file.write_bytes(good[: good.index(b'"created"', good.index(b'"document"') - 200)])
    window.show_start_page()
    notice = window.start_page.damaged_notice
    assert notice.isVisible() and str(review_file) in notice.text()
    _, button = notice.rows[review_file.stem]
    button.click()
    assert "Recovered what could be read" in window.message_bar.text(), window.message_bar.text()
    assert not notice.isVisible()
    entry = next(e for e in window.start_page.visible_entries()
                 if e.review_id == review_file.stem)
    assert entry.progress.verified == 1
