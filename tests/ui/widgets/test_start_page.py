"""The start page over a real store: the list, its filter and keys, and the damaged-file notice."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from widget_builders import BRIDGE_CLAIMS, BRIDGE_TEXT

from reader.store.index import INDEX_NAME
from reader.store.model import Progress
from reader.store.store import ReviewStore
from reader.ui.start_page import (
    PASTED,
    WELCOME,
    ReviewListModel,
    StartPage,
    local_time_text,
    progress_text,
)

JOBS_TEXT = "Unemployment fell to 5.2 percent in May.\n\nThe minister said \"jobs are back\"."
RAIN_TEXT = "It rained on 14 days in March, the weather office said."


@pytest.fixture
def three_reviews(make_review):
    """Opened in this order, so the newest (listed first) is the rain article."""
    bridge = make_review(BRIDGE_TEXT, BRIDGE_CLAIMS, title="River bridge approved",
                         source_path="/articles/bridge.html")
    ids = list(bridge.review.claims)
    bridge.set_status(ids[0], "verified")
    bridge.set_status(ids[1], "disputed")
    jobs = make_review(JOBS_TEXT, ["5.2 percent", "jobs are back"], title="Jobless rate falls")
    rain = make_review(RAIN_TEXT, ["14 days"], title="", source_path="/articles/rain-march.txt")
    return bridge, jobs, rain


def make_page(qtbot, store: ReviewStore) -> StartPage:
    page = StartPage(store)
    qtbot.addWidget(page)
    page.resize(900, 500)
    page.show()
    qtbot.waitExposed(page)
    with qtbot.waitActive(page):
        page.activateWindow()
    return page


def column_texts(page: StartPage, column: int) -> list[str]:
    return [page.proxy.index(row, column).data() for row in range(page.proxy.rowCount())]


def test_an_empty_store_explains_the_app(qtbot, store, qtmodeltester) -> None:
    page = make_page(qtbot, store)
    assert page.welcome.isVisible()
    assert page.welcome.text() == WELCOME
    assert WELCOME.count(". ") + 1 == 2, "two sentences"
    assert not page.view.isVisible()
    assert not page.damaged_notice.isVisible()
    assert page.model.rowCount() == 0
    qtmodeltester.check(page.model)


def test_lists_reviews_most_recent_first_with_progress_in_words(
        qtbot, store, three_reviews, qtmodeltester) -> None:
    bridge, jobs, rain = three_reviews
    page = make_page(qtbot, store)
    assert not page.welcome.isVisible()
    assert page.view.isVisible()
    assert column_texts(page, 0) == ["rain-march.txt", "Jobless rate falls",
                                     "River bridge approved"]
    assert column_texts(page, 1) == [str(Path("/articles/rain-march.txt").resolve()), PASTED,
                                     str(Path("/articles/bridge.html").resolve())]
    assert column_texts(page, 2) == [
        "0 of 1 reviewed: 1 unreviewed",
        "0 of 2 reviewed: 2 unreviewed",
        "2 of 3 reviewed: 1 verified, 1 disputed, 1 unreviewed"]
    assert [e.review_id for e in page.visible_entries()] == [
        rain.review.review_id, jobs.review.review_id, bridge.review.review_id]
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.proxy)


def test_model_sorts_entries_itself(store, three_reviews, qtmodeltester) -> None:
    entries = store.list_reviews()
    model = ReviewListModel()
    model.set_entries(list(reversed(entries)))
    assert [model.entry(row).review_id for row in range(model.rowCount())] == \
        [e.review_id for e in sorted(entries, key=lambda e: e.last_opened, reverse=True)]
    qtmodeltester.check(model)


def test_progress_text() -> None:
    assert progress_text(Progress()) == "No claims"
    assert progress_text(Progress(total=4, unreviewed=4)) == "0 of 4 reviewed: 4 unreviewed"
    assert progress_text(Progress(total=5, verified=2, disputed=1, unverifiable=2)) == \
        "5 of 5 reviewed: 2 verified, 1 disputed, 2 unverifiable"
    assert progress_text(Progress(total=1, verified=1, dismissed=2, orphaned=1)) == \
        "1 of 1 reviewed: 1 verified, 2 dismissed, 1 orphaned"


@pytest.fixture
def kolkata_time(monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Kolkata")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_last_opened_is_shown_in_local_time(kolkata_time) -> None:
    assert local_time_text("2026-03-01T10:00:00.000000Z") == "2026-03-01 15:30"
    assert local_time_text("2026-03-01T20:15:00.000000Z") == "2026-03-02 01:45"
    assert local_time_text("yesterday") == "yesterday"


def test_last_opened_column_uses_the_stored_time(qtbot, store, three_reviews,
                                                  kolkata_time) -> None:
    page = make_page(qtbot, store)
    # The step clock starts at 09:00 UTC and ticks a minute per reading; 14:30 in Kolkata.
    for text in column_texts(page, 3):
        assert text.startswith("2026-03-01 14:"), text


def test_filter_matches_title_file_and_progress(qtbot, store, three_reviews) -> None:
    page = make_page(qtbot, store)
    qtbot.keyClicks(page.filter_edit, "BRIDGE")
    assert column_texts(page, 0) == ["River bridge approved"]
    page.filter_edit.setText("pasted")
    assert column_texts(page, 0) == ["Jobless rate falls"]
    page.filter_edit.setText("disputed")
    assert column_texts(page, 0) == ["River bridge approved"]
    page.filter_edit.setText("nothing like this")
    assert page.proxy.rowCount() == 0
    assert page.no_match.isVisible()
    assert page.no_match.text() == "No review matches “nothing like this”."
    page.filter_edit.clear()
    assert page.proxy.rowCount() == 3
    assert not page.no_match.isVisible()


def test_typing_a_filter_then_enter_opens_the_match(qtbot, store, three_reviews) -> None:
    bridge = three_reviews[0]
    page = make_page(qtbot, store)
    page.filter_edit.setFocus()
    qtbot.keyClicks(page.filter_edit, "river")
    qtbot.keyClick(page.filter_edit, Qt.Key.Key_Return)
    assert page.view.hasFocus()
    with qtbot.waitSignal(page.review_activated, timeout=1000) as signal:
        qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert signal.args[0].review_id == bridge.review.review_id


def test_the_list_takes_focus_and_enter_or_double_click_activates(
        qtbot, store, three_reviews) -> None:
    bridge, jobs, rain = three_reviews
    page = make_page(qtbot, store)
    page.filter_edit.setFocus()
    page.setFocus()
    assert QApplication.focusWidget() is page.view
    assert page.current_entry().review_id == rain.review.review_id
    qtbot.keyClick(page.view, Qt.Key.Key_Down)
    with qtbot.waitSignal(page.review_activated, timeout=1000) as signal:
        qtbot.keyClick(page.view, Qt.Key.Key_Enter)
    assert signal.args[0].review_id == jobs.review.review_id
    assert signal.args[0].title == "Jobless rate falls"

    # A real double-click: press and release, then the double-click event.
    centre = page.view.visualRect(page.proxy.index(2, 0)).center()
    with qtbot.assertNotEmitted(page.review_activated):
        qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    with qtbot.waitSignal(page.review_activated, timeout=1000) as signal:
        qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert signal.args[0].review_id == bridge.review.review_id


def test_delete_does_nothing(qtbot, store, three_reviews) -> None:
    page = make_page(qtbot, store)
    files = sorted(p.name for p in store.reviews_dir.iterdir())
    page.setFocus()
    with qtbot.assertNotEmitted(page.review_activated), \
            qtbot.assertNotEmitted(page.recover_requested):
        qtbot.keyClick(page.view, Qt.Key.Key_Delete)
        qtbot.keyClick(page.view, Qt.Key.Key_Backspace)
    assert page.proxy.rowCount() == 3
    assert sorted(p.name for p in store.reviews_dir.iterdir()) == files
    assert len(store.list_reviews()) == 3


@pytest.mark.parametrize(("button", "signal"), [
    ("open_button", "open_requested"), ("paste_button", "paste_requested"),
    ("sample_button", "sample_requested")])
def test_buttons_emit_their_requests(qtbot, store, button, signal) -> None:
    page = make_page(qtbot, store)
    with qtbot.waitSignal(getattr(page, signal), timeout=1000):
        qtbot.mouseClick(getattr(page, button), Qt.MouseButton.LeftButton)


def test_button_texts_name_the_shortcuts(qtbot, store) -> None:
    page = make_page(qtbot, store)
    assert page.open_button.text() == "Open an article… (Ctrl+O)"
    assert page.paste_button.text() == "Paste an article (Ctrl+Shift+V)"
    assert page.sample_button.text() == "Open the sample article"


def test_refresh_shows_new_reviews_and_keeps_the_selection(qtbot, store, make_review,
                                                           three_reviews) -> None:
    bridge = three_reviews[0]
    page = make_page(qtbot, store)
    page.view.setCurrentIndex(page.proxy.index(2, 0))
    assert page.current_entry().review_id == bridge.review.review_id
    bridge.set_status(list(bridge.review.claims)[2], "unverifiable")
    make_review("A fourth article says 3 things.", ["3 things"], title="Fourth")
    page.refresh(store)
    assert page.proxy.rowCount() == 4
    assert page.current_entry().review_id == bridge.review.review_id
    assert page.current_entry().progress.unverifiable == 1


def damage(store: ReviewStore, review_id: str) -> ReviewStore:
    """Write garbage over a review file, as a crash of another tool might, and return a store
    that reads the folder afresh (as the next start of the app does)."""
    store.review_path(review_id).write_text("{ this is not json", encoding="utf-8")
    (store.root / INDEX_NAME).unlink()
    return ReviewStore(store.root, reviewer="tester", clock=store.now)


def test_damaged_review_with_a_backup_is_recovered_and_listed(qtbot, store,
                                                              three_reviews) -> None:
    bridge = three_reviews[0]
    review_id = bridge.review.review_id
    assert Path(str(bridge.path) + ".bak").is_file(), "tagging saved twice, so a backup exists"
    fresh = damage(store, review_id)
    page = make_page(qtbot, fresh)
    assert not page.damaged_notice.isVisible()
    assert page.proxy.rowCount() == 3  # recovered from its backup on the way
    assert any("recovered from its backup" in notice for notice in fresh.notices)


def test_damaged_review_without_backup_is_named_with_a_way_out(qtbot, store,
                                                               make_review) -> None:
    handle = make_review(RAIN_TEXT, ["14 days"], title="Rain")
    review_id = handle.review.review_id
    Path(str(handle.path) + ".bak").unlink(missing_ok=True)
    store.list_reviews()  # the index knows the review before the damage
    store.review_path(review_id).write_text("{ this is not json", encoding="utf-8")
    fresh = ReviewStore(store.root, reviewer="tester", clock=store.now)
    page = make_page(qtbot, fresh)
    notice = page.damaged_notice
    assert notice.isVisible()
    assert f"{fresh.review_path(review_id)} (the review of “Rain”)" in notice.text()
    assert "no usable backup" in notice.text()
    _, button = notice.rows[review_id]
    assert button is not None and button.text() == "Recover what can be read"
    with qtbot.waitSignal(page.recover_requested, timeout=1000) as signal:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert signal.args == [review_id]
    assert page.welcome.isVisible(), "no readable review left"


def test_an_unreadable_store_folder_is_reported(qtbot, tmp_path) -> None:
    root = tmp_path / "store"
    root.mkdir()
    (root / "reviews").write_text("a file where the reviews folder should be", encoding="utf-8")
    page = make_page(qtbot, ReviewStore(root, reviewer="tester"))
    assert page.store_error.isVisible()
    assert str(root) in page.store_error.text()
    assert page.welcome.isVisible()


def test_the_start_page_looks_at_the_store_once_and_names_a_newer_file(
        qtbot, store, three_reviews, monkeypatch) -> None:
    from reader.store.index import StoreIndex

    bridge, jobs, rain = three_reviews
    store.list_reviews()  # the index knows them before the damage
    for handle in (bridge, jobs):
        Path(str(handle.path) + ".bak").unlink(missing_ok=True)
        handle.path.write_text("{ not json", encoding="utf-8")
    rain.path.write_text('{"schema_version": 9, "whatever": 1}', encoding="utf-8")
    fresh = ReviewStore(store.root, reviewer="tester", clock=store.now)
    loads = []
    real_load = StoreIndex.load
    monkeypatch.setattr(StoreIndex, "load", lambda self: loads.append(1) or real_load(self))
    page = make_page(qtbot, fresh)
    assert len(loads) == 1  # not once for the list, once for the notice and once per file
    text = page.damaged_notice.text()
    assert "2 review files in the store cannot be read" in text
    assert "the review of “River bridge approved”" in text
    assert "1 review file in the store was written by a newer version of Claim Reader" in text
    assert f"{fresh.review_path(rain.review.review_id)} (the review of “rain-march.txt”)" in text
    assert page.damaged_notice.rows[rain.review.review_id][1] is None  # nothing to recover
    assert page.damaged_notice.rows[bridge.review.review_id][1] is not None


def test_a_long_progress_line_leaves_the_title_room(qtbot, store) -> None:
    from reader.store.index import IndexEntry

    long_progress = Progress(total=121, verified=33, disputed=12, unverifiable=14,
                             unreviewed=62, dismissed=20, orphaned=3)
    entry = IndexEntry("a" * 32, "/articles/port-ellis-sea-wall.md",
                       "Port Ellis approves sea wall after a third winter of floods", "0" * 64,
                       long_progress, "2026-03-01T10:00:00.000000Z")
    page = make_page(qtbot, store)
    page.model.set_entries([entry])
    page._update_visibility()
    for width in (1000, 1400):
        page.resize(width, 500)
        qtbot.wait(10)
        viewport = page.view.viewport().width()
        progress, title = page.view.columnWidth(2), page.view.columnWidth(0)
        assert progress <= viewport * StartPage.PROGRESS_SHARE + 1
        widths = [page.view.columnWidth(column) for column in range(4)]
        assert sum(widths) <= viewport + 1, widths  # all in view: no sideways scrolling
        assert title >= viewport * 0.25, widths
    assert page.proxy.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == \
        progress_text(long_progress)  # the whole line, on hover
