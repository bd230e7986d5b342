"""Writers on one claim at the same time: every value either kept or shown as a conflict, the
loser told, and the person named for a value the one who saved it."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
from store_builders import ARTICLE, figure_analyser, make_document

import reader.store.store as store_module
from reader.export import render
from reader.store import ReviewStore, StoreConflictError


@pytest.fixture(autouse=True)
def fake_analysis(monkeypatch):
    monkeypatch.setattr(store_module, "analyse_document", figure_analyser)


def _open(root, reviewer, path):
    return ReviewStore(root, reviewer=reviewer).open_review(make_document(ARTICLE, path),
                                                           analyser=figure_analyser)


def _writers(tmp_path, article_path, *names):
    """A review on disk, then one open copy per name, all opened before anyone saves."""
    root = tmp_path / "store"
    claim_id = next(iter(_open(root, "setup", article_path).review.claims))
    return root, claim_id, [_open(root, name, article_path) for name in names]


def test_a_third_writers_loss_does_not_hide_the_seconds(tmp_path, article_path):
    root, claim_id, (alice, bob, carol) = _writers(tmp_path, article_path,
                                                   "alice", "bob", "carol")
    bob.set_status(claim_id, "disputed")
    with pytest.raises(StoreConflictError) as alice_told:
        alice.set_status(claim_id, "verified")
    assert "because bob saved disputed first" in alice_told.value.message
    with pytest.raises(StoreConflictError) as carol_told:
        carol.set_status(claim_id, "unverifiable")
    assert "because bob saved disputed first" in carol_told.value.message
    claim = _open(root, "dee", article_path).review.claims[claim_id]
    assert claim.status == "disputed"
    assert sorted((c.value, c.reviewer) for c in claim.open_conflicts()) == [
        ("unverifiable", "carol"), ("verified", "alice")]
    assert claim.decided_by("status").reviewer == "bob"


def test_the_person_named_for_a_kept_value_is_the_one_who_saved_it(tmp_path, article_path):
    root, claim_id, (bob, alice, carol) = _writers(tmp_path, article_path,
                                                   "bob", "alice", "carol")
    bob.set_status(claim_id, "disputed")  # kept: saved first
    with pytest.raises(StoreConflictError):
        alice.set_status(claim_id, "verified")  # her event is the later one, but it lost
    review = _open(root, "carol", article_path).review
    claim = review.claims[claim_id]
    assert claim.status == "disputed" and claim.decided_by("status").reviewer == "bob"
    row = next(r for r in csv.DictReader(io.StringIO(render(review, "csv")))
               if r["id"] == claim_id)
    assert row["reviewer"] == "bob" and row["conflicts"] == "status: verified (alice)"
    annotation = next(a for a in json.loads(render(review, "jsonld"))["first"]["items"]
                      if a["id"].endswith(claim_id))
    assert annotation["creator"]["name"] == "bob"
    # A third writer is told who saved the value that was kept.
    with pytest.raises(StoreConflictError) as told:
        carol.set_status(claim_id, "unverifiable")
    assert "because bob saved disputed first" in told.value.message


@pytest.mark.parametrize("review", ["existing", "new"])
def test_a_note_saved_by_another_tag_meanwhile_is_kept_or_shown(capsys, article_path,
                                                                tmp_path, monkeypatch, review):
    from reader.cli import main

    store_dir = str(tmp_path / "store")
    assert main(["status", str(article_path), "--json", "--store", store_dir]) == 0
    claim_id, other = [c["id"] for c in json.loads(capsys.readouterr().out)["claims"][:2]]
    if review == "existing":
        assert main(["tag", str(article_path), other, "v", "--store", store_dir]) == 0
    real_open = ReviewStore.open_review
    fired = []

    def open_then_another_tag_saves(self, *args, **kwargs):
        handle = real_open(self, *args, **kwargs)
        if not fired:  # both commands opened the review before either saved
            fired.append(True)
            assert main(["tag", str(article_path), claim_id, "verified", "--note", "A says",
                         "--reviewer", "alice", "--store", store_dir]) == 0
        return handle

    monkeypatch.setattr(ReviewStore, "open_review", open_then_another_tag_saves)
    code = main(["tag", str(article_path), claim_id, "verified", "--note", "B says",
                 "--reviewer", "bob", "--store", store_dir])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert code == 1  # the loser is told
    assert "your note 'B says' was not kept, because alice saved the note 'A says'" in err
    claim = ReviewStore(store_dir).load(
        next((tmp_path / "store" / "reviews").glob("*.json")).stem).review.claims[claim_id]
    assert (claim.status, claim.note) == ("verified", "A says")
    assert [(c.field, c.value, c.reviewer) for c in claim.open_conflicts()] == [
        ("note", "B says", "bob")]
    # Each note's words are in the history, whoever's is kept.
    assert {(h.reviewer, h.note) for h in claim.history if h.event == "note"} == {
        ("alice", "A says"), ("bob", "B says")}


def test_a_conflict_stays_open_when_the_losers_clock_ran_ahead():
    from reader.store.merge import merge_claims
    from reader.store.model import Anchor, ReviewClaim, StatusChange

    def tagged(status, reviewer, at):
        return ReviewClaim("c1", "quote", "auto", Anchor("words", "", "", 0, 5), "2026-01-01T"
                           "00:00:00.000000Z", at, status=status, history=(StatusChange(
                               at, "unreviewed", status, reviewer),))

    ours = tagged("verified", "ann", "2026-01-01T10:00:00.000000Z")
    theirs = tagged("disputed", "bo", "2026-01-01T12:00:00.000000Z")  # a clock 2 h ahead
    merged, report = merge_claims({"c1": ours}, {"c1": theirs}, "2026-01-01T10:00:01.000000Z",
                                  "local")
    claim = merged["c1"]
    assert claim.status == "verified" and report.conflicts
    assert [(c.value, c.reviewer) for c in claim.open_conflicts()] == [("disputed", "bo")]
    # Merged with a copy where someone added a note meanwhile: the histories are sorted
    # together by time, and the conflict is still open.
    noted = replace(theirs, note="see the minutes", history=(*theirs.history, StatusChange(
        "2026-01-01T12:00:05.000000Z", "disputed", "disputed", "cy", "note",
        "see the minutes")))
    again, _ = merge_claims({"c1": claim}, {"c1": noted}, "2026-01-01T10:00:02.000000Z")
    assert again["c1"].note == "see the minutes"
    assert [(c.value, c.reviewer) for c in again["c1"].open_conflicts()] == [("disputed", "bo")]


def _typed_by_hand(path, claim_id, status):
    data = json.loads(path.read_text(encoding="utf-8"))
    data["claims"][claim_id]["status"] = status
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def test_a_status_typed_by_hand_is_repaired_and_recorded(tmp_path, article_path):
    root, claim_id, (ann,) = _writers(tmp_path, article_path, "ann")
    ann.set_status(claim_id, "disputed")
    _typed_by_hand(ann.path, claim_id, "Verifed")
    store = ReviewStore(root, reviewer="bo")
    claim = store.open_review(make_document(ARTICLE, article_path),
                              analyser=figure_analyser).review.claims[claim_id]
    assert claim.status == "verified"
    last = claim.history[-1]  # the history agrees with the status it now has
    assert (last.event, last.from_status, last.to_status) == ("status", "disputed", "verified")
    assert claim.decided_by("status") is last
    assert any("read as verified" in n for n in store.notices)


def test_a_window_saving_over_a_hand_edited_value_is_told(tmp_path, article_path):
    root, claim_id, (window,) = _writers(tmp_path, article_path, "ann")
    other = list(window.review.claims)[1]
    window.set_status(other, "unverifiable")
    _typed_by_hand(window.path, claim_id, "Verifed")  # while the window is open
    with pytest.raises(StoreConflictError) as told:
        window.set_status(claim_id, "disputed")
    assert "your status (disputed) was not kept" in told.value.message
    assert any("were repaired" in n for n in window._store.notices)
    assert not any("was damaged" in n for n in window._store.notices)
    claims = _open(root, "cy", article_path).review.claims
    assert claims[claim_id].status == "verified"
    assert [(c.value, c.reviewer) for c in claims[claim_id].open_conflicts()] == [
        ("disputed", "ann")]
    assert claims[other].status == "unverifiable"
    assert len(list(window.path.parent.glob("*.corrupt-*"))) == 1  # the file as typed, kept


def test_a_verdict_that_lost_does_not_confirm_changed_words():
    from reader.store.model import Anchor, ReviewClaim, StatusChange

    history = (
        StatusChange("2026-01-01T10:00:00.000000Z", "unreviewed", "verified", "ann"),
        StatusChange("2026-01-01T11:00:00.000000Z", "verified", "verified", "", "reworded",
                     words="cited 14 times"),
        StatusChange("2026-01-01T11:05:00.000000Z", "verified", "disputed", "bo"),  # lost
        StatusChange("2026-01-01T11:05:01.000000Z", "verified", "disputed", "bo", "conflict",
                     field="status", value="disputed"),
    )
    claim = ReviewClaim("c1", "figure", "auto", Anchor("cited 15 times", "", "", 0, 14),
                        "2026-01-01T09:00:00.000000Z", "2026-01-01T11:05:01.000000Z",
                        status="verified", history=history)
    assert [(c.value, c.reviewer) for c in claim.open_conflicts()] == [("disputed", "bo")]
    recheck = claim.recheck()  # ann's verdict still judged the old words
    assert recheck is not None and recheck.old == "cited 14 times"
