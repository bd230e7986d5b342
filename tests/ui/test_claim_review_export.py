"""Exporting a ClaimReview from the window: published under the name set in Preferences (never
the login name), pointing at the article's web address, which is asked for once and kept."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog

from reader.config import Reviewer, load_reviewer, save_reviewer
from reader.ui.export_dialog import format_filter
from reader.ui.preferences_dialog import PreferencesDialog


@pytest.fixture
def config(tmp_path, monkeypatch):
    path = tmp_path / "config.toml"
    monkeypatch.setenv("CLAIM_READER_CONFIG", str(path))
    monkeypatch.setenv("USER", "root")
    return path


@pytest.fixture
def tagged(window, qtbot):
    """The sample article (a Markdown file, so no web address of its own), one claim tagged."""
    qtbot.waitUntil(lambda: window.session is not None, timeout=15000)
    window.session.set_status(window.session.claims()[0].id, "disputed")
    return window


def _save_as(monkeypatch, path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(path), format_filter("claimreview")))


def _preferences_answer(monkeypatch, reviewer: Reviewer | None) -> list[str]:
    shown: list[str] = []

    def exec_(dialog: PreferencesDialog) -> int:
        shown.append(dialog.findChild(type(dialog.name_edit), "reviewerName").text())
        if reviewer is None:
            return QDialog.DialogCode.Rejected
        dialog.name_edit.setText(reviewer.name)
        dialog.organisation_edit.setText(reviewer.organisation)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PreferencesDialog, "exec", exec_)
    return shown


def _url_answer(monkeypatch, url: str | None) -> list[str]:
    asked: list[str] = []

    def get_text(parent, title, label, **kwargs):
        asked.append(title)
        return (url or "", url is not None)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    return asked


def test_the_name_and_the_address_are_asked_once_then_kept(tagged, config, monkeypatch,
                                                           tmp_path) -> None:
    window = tagged
    out = tmp_path / "review.claimreview.jsonld"
    _save_as(monkeypatch, out)
    shown = _preferences_answer(monkeypatch, Reviewer("Rita Alves", "Port Desk"))
    asked = _url_answer(monkeypatch, "https://port-ellis.example/sea-wall")
    window.export_review()
    assert window.message_bar.text() == "" or not window.message_bar.isVisible()
    item = json.loads(out.read_text("utf-8"))["@graph"][0]
    assert item["author"]["name"] == "Rita Alves"
    assert item["author"]["affiliation"]["name"] == "Port Desk"
    assert item["itemReviewed"]["appearance"]["url"] == "https://port-ellis.example/sea-wall"
    assert "root" not in out.read_text("utf-8")
    assert load_reviewer(config) == Reviewer("Rita Alves", "Port Desk")
    assert window.session.review.document.url == "https://port-ellis.example/sea-wall"
    assert (len(shown), len(asked)) == (1, 1)
    out.unlink()
    window.export_review()  # known now: nothing is asked again
    assert out.exists() and (len(shown), len(asked)) == (1, 1)


def test_cancelling_writes_nothing_and_says_what_is_missing(tagged, config, monkeypatch,
                                                            tmp_path) -> None:
    window = tagged
    out = tmp_path / "review.claimreview.jsonld"
    _save_as(monkeypatch, out)
    save_reviewer(Reviewer("Rita Alves"), config)
    _preferences_answer(monkeypatch, None)
    _url_answer(monkeypatch, None)
    window.export_review()
    assert not out.exists()
    assert "needs the article's web address" in window.message_bar.text()
    config.unlink()
    _url_answer(monkeypatch, "https://port-ellis.example/sea-wall")
    window.export_review()
    assert not out.exists()
    assert "needs your name" in window.message_bar.text()


def test_a_wrong_address_is_refused(tagged, config, monkeypatch, tmp_path) -> None:
    window = tagged
    out = tmp_path / "review.claimreview.jsonld"
    _save_as(monkeypatch, out)
    save_reviewer(Reviewer("Rita Alves"), config)
    _url_answer(monkeypatch, "file:///home/rita/article.html")
    window.export_review()
    assert not out.exists()
    assert "is not a web address" in window.message_bar.text()
    assert window.session.review.document.url == ""


def test_preferences_are_in_the_edit_menu_and_save_the_reviewer(window, config,
                                                                monkeypatch) -> None:
    action = window.actions_by_name["edit_preferences"]
    assert action.shortcuts()
    _preferences_answer(monkeypatch, Reviewer("  Sam   Lee ", ""))
    action.trigger()
    assert load_reviewer(config) == Reviewer("Sam Lee", "")


def test_a_verdict_in_conflict_is_left_out_and_the_window_says_so(tagged, config, monkeypatch,
                                                                  tmp_path) -> None:
    from reader.store import ReviewStore, StoreConflictError

    window = tagged
    settled, contested = (c.id for c in window.session.claims()[:2])
    script = ReviewStore(window.store.root, reviewer="bo").load(
        window.session.review.review_id)  # opened before the window's next tag
    window.session.set_status(contested, "verified")
    with pytest.raises(StoreConflictError):
        script.set_status(contested, "disputed")
    window.session.refresh()
    out = tmp_path / "review.claimreview.jsonld"
    _save_as(monkeypatch, out)
    save_reviewer(Reviewer("Rita Alves"), config)
    _url_answer(monkeypatch, "https://port-ellis.example/sea-wall")
    window.export_review()
    graph = json.loads(out.read_text("utf-8"))["@graph"]
    assert [item["@id"].rsplit(":", 1)[1] for item in graph] == [settled]
    text = window.message_bar.text()
    assert f"left out of the ClaimReview until its verdict is settled: {contested} " \
        "(in conflict)" in text and str(out) in text
