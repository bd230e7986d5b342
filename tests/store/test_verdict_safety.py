"""Verdicts that must not be lost, hidden or silently wrong: a claim whose words changed, two
writers on one claim, a source added twice, a moved and edited article, sync programs' conflict
copies, and when a review was last opened (per user, not in the file)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from store_builders import ARTICLE, figure_analyser, make_document

import reader.store.store as store_module
from reader.cli import main
from reader.config import Reviewer
from reader.export import render
from reader.store import ReviewStore

SENTENCE = "The council voted 7 to 2 on Tuesday"
EDITED = ARTICLE.replace("voted 7 to 2", "voted 7 to 3")


@pytest.fixture(autouse=True)
def fake_analysis(monkeypatch):
    monkeypatch.setattr(store_module, "analyse_document", figure_analyser)


def _open(store, path, text=ARTICLE, **options):
    return store.open_review(make_document(text, path), analyser=figure_analyser, **options)


def _vote_claim(handle):
    return next(c for c in handle.review.claims.values() if SENTENCE in c.text)


def test_a_verdict_on_changed_words_is_kept_and_flagged_until_confirmed(store_factory,
                                                                        article_path):
    handle = _open(store_factory(), article_path)
    claim = _vote_claim(handle)
    handle.set_status(claim.id, "verified")
    handle.set_note(claim.id, "minutes say 7-2")
    article_path.write_text(EDITED, encoding="utf-8")
    edited = _open(store_factory(), article_path, EDITED)
    again = edited.review.claims[claim.id]
    assert (again.status, again.note) == ("verified", "minutes say 7-2")  # kept
    recheck = again.recheck()
    assert recheck is not None and "7 to 2" in recheck.old and "7 to 3" in recheck.new
    assert edited.progress().recheck == 1
    assert [c.id for c in edited.review.claims.values() if c.recheck()] == [claim.id]
    # ClaimReview is written only for a published article and a named reviewer.
    published = replace(edited.review, document=replace(edited.review.document,
                                                         url="https://example.org/vote"))
    for fmt, expected in (("csv", "7 to 2"), ("md", "Needs re-check"),
                          ("html", "Needs re-check"), ("jsonld", "needs re-check")):
        assert expected in render(published, fmt, Reviewer("Ana Test", "")), fmt
    # Not published until settled: left out of the ClaimReview, and the exporter is told.
    assert claim.id not in render(published, "claimreview", Reviewer("Ana Test", ""))
    from reader.export.claim_review import withheld_note

    assert f"{claim.id} (needs re-check)" in withheld_note(published)
    # Opening again does not flag it twice, nor clear it.
    assert _open(store_factory(), article_path, EDITED).review.claims[claim.id].recheck()
    confirmed = edited.confirm(claim.id)
    assert confirmed.recheck() is None and confirmed.status == "verified"
    assert _open(store_factory(), article_path, EDITED).review.claims[claim.id].recheck() is None


def test_an_unreviewed_claim_whose_words_change_is_not_flagged(store_factory, article_path):
    handle = _open(store_factory(), article_path)
    claim = _vote_claim(handle)
    article_path.write_text(EDITED, encoding="utf-8")
    edited = _open(store_factory(), article_path, EDITED)
    assert edited.review.claims[claim.id].recheck() is None
    assert edited.review.claims[claim.id].history == ()


def test_status_and_tag_show_and_answer_the_recheck(capsys, article_path, tmp_path):
    store_dir = str(tmp_path / "store")
    main(["status", str(article_path), "--json", "--store", store_dir])
    claim_id = next(c["id"] for c in json.loads(capsys.readouterr().out)["claims"]
                    if SENTENCE in c["text"])
    assert main(["tag", str(article_path), claim_id, "verified", "--store", store_dir]) == 0
    capsys.readouterr()
    article_path.write_text(EDITED, encoding="utf-8")
    assert main(["status", str(article_path), "--json", "--store", store_dir]) == 0
    claim = next(c for c in json.loads(capsys.readouterr().out)["claims"] if c["id"] == claim_id)
    assert claim["stale"] is True and "7 to 2" in claim["recheck"]["old"]
    assert main(["status", str(article_path), "--store", store_dir]) == 0
    table = capsys.readouterr().out
    assert "Needs re-check: 1" in table and "needs re-check: was “" in table
    assert main(["tag", str(article_path), claim_id, "verified", "--store", store_dir]) == 0
    capsys.readouterr()
    main(["status", str(article_path), "--json", "--store", store_dir])
    claim = next(c for c in json.loads(capsys.readouterr().out)["claims"] if c["id"] == claim_id)
    assert claim["stale"] is False and claim["status"] == "verified"


def test_the_tag_whose_value_lost_says_so_and_fails(capsys, article_path, tmp_path):
    store_dir = tmp_path / "store"
    main(["status", str(article_path), "--json", "--store", str(store_dir)])
    claim_id = json.loads(capsys.readouterr().out)["claims"][0]["id"]
    main(["tag", str(article_path), claim_id, "unverifiable", "--store", str(store_dir)])
    # A window opened before the next tag; the tag then saves first.
    window = ReviewStore(store_dir, reviewer="ann").open_review(
        make_document(ARTICLE, article_path), analyser=figure_analyser)
    assert main(["tag", str(article_path), claim_id, "verified", "--reviewer", "bo",
                 "--store", str(store_dir)]) == 0
    capsys.readouterr()
    from reader.store import StoreConflictError

    with pytest.raises(StoreConflictError):
        window.set_status(claim_id, "disputed")
    main(["status", str(article_path), "--json", "--store", str(store_dir)])
    claim = next(c for c in json.loads(capsys.readouterr().out)["claims"] if c["id"] == claim_id)
    assert claim["status"] == "verified"
    assert [(c["field"], c["value"], c["reviewer"]) for c in claim["conflicts"]] == [
        ("status", "disputed", "ann")]
    assert main(["status", str(article_path), "--store", str(store_dir)]) == 0
    assert "conflict: status is 'verified'; ann saved disputed" in capsys.readouterr().out
    csv_text = render(ReviewStore(store_dir).open_review(
        make_document(ARTICLE, article_path), analyser=figure_analyser, read_only=True).review,
        "csv")
    assert "status: disputed (ann)" in csv_text
    # Tagging one of the values resolves it.
    assert main(["tag", str(article_path), claim_id, "disputed", "--store", str(store_dir)]) == 0
    capsys.readouterr()
    main(["status", str(article_path), "--json", "--store", str(store_dir)])
    claim = next(c for c in json.loads(capsys.readouterr().out)["claims"] if c["id"] == claim_id)
    assert (claim["status"], claim["conflicts"]) == ("disputed", [])


def test_a_tag_that_loses_exits_1_naming_the_kept_value(capsys, article_path, tmp_path,
                                                        monkeypatch):
    store_dir = tmp_path / "store"
    main(["status", str(article_path), "--json", "--store", str(store_dir)])
    claim_id = json.loads(capsys.readouterr().out)["claims"][0]["id"]
    real_open = ReviewStore.open_review

    def open_then_someone_saves(self, *args, **kwargs):
        handle = real_open(self, *args, **kwargs)
        other = real_open(ReviewStore(store_dir, reviewer="ann"), *args, **kwargs)
        other.set_status(claim_id, "verified")  # saved between our open and our save
        return handle

    monkeypatch.setattr(ReviewStore, "open_review", open_then_someone_saves)
    code = main(["tag", str(article_path), claim_id, "disputed", "--reviewer", "bo",
                 "--store", str(store_dir)])
    assert code == 1
    err = capsys.readouterr().err
    assert f"claim {claim_id}: your status (disputed) was not kept, because ann saved " \
        "verified first" in err


def test_the_same_source_added_twice_is_kept_once(store_factory, article_path):
    handle = _open(store_factory(), article_path)
    claim_id = next(iter(handle.review.claims))
    handle.add_source(claim_id, url="https://example.org/minutes")
    before = handle.path.read_bytes()
    handle.add_source(claim_id, url="https://example.org/minutes")
    assert len(handle.review.claims[claim_id].sources) == 1
    assert handle.path.read_bytes() == before
    # Two writers adding it at once: the merge keeps it once too.
    other = _open(store_factory(reviewer="bo"), article_path)
    handle.add_source(claim_id, url="https://example.org/report")
    other.add_source(claim_id, url="https://example.org/report")
    urls = [s.url for s in _open(store_factory(), article_path).review.claims[claim_id].sources]
    assert urls == ["https://example.org/minutes", "https://example.org/report"]


def test_a_moved_and_edited_article_finds_its_review_by_content(store_factory, article_path,
                                                                tmp_path, capsys):
    handle = _open(store_factory(), article_path)
    claim_id = next(iter(handle.review.claims))
    handle.set_status(claim_id, "verified")
    moved = tmp_path / "moved.txt"
    text = ARTICLE + "\nUpdate: the council meets again in 2027.\n"
    moved.write_text(text, encoding="utf-8")
    article_path.unlink()
    found = _open(store_factory(), moved, text)
    assert found.review.review_id == handle.review.review_id and found.found_by == "similar"
    assert found.review.claims[claim_id].status == "verified"
    assert any("found by content" in n for n in found.notices)
    # The window is offered it instead (a new review is not written meanwhile).
    moved2 = tmp_path / "moved2.txt"
    text2 = text + "\nAnother update: 40 people attended.\n"
    moved2.write_text(text2, encoding="utf-8")
    moved.unlink()
    offered = _open(store_factory(), moved2, text2, similar="offer")
    assert offered.similar is not None and offered.similar.entry.review_id == \
        handle.review.review_id and not offered.saved
    # The command line uses it, with a note on stderr.
    moved3 = tmp_path / "moved3.txt"
    moved3.write_text(text2 + "\nLast line.\n", encoding="utf-8")
    moved2.unlink()
    assert main(["status", str(moved3), "--json", "--store", str(store_factory().root)]) == 0
    captured = capsys.readouterr()
    assert "found by content" in captured.err
    assert json.loads(captured.out)["review_file"] == str(handle.path)


def test_an_unrelated_article_is_not_taken_for_an_edited_one(store_factory, article_path,
                                                             tmp_path):
    _open(store_factory(), article_path).set_status(
        next(iter(_open(store_factory(), article_path).review.claims)), "verified")
    article_path.unlink()
    other = tmp_path / "other.txt"
    text = "Rail strike ends\n\nDrivers accepted a 6% raise on Monday, said the union.\n"
    other.write_text(text, encoding="utf-8")
    assert _open(store_factory(), other, text).found_by is None


@pytest.mark.parametrize("copy_name", ["{id} (conflicted copy 2026-03-02).json",
                                       "{id}.sync-conflict-20260302-101010-ABCDEFG.json",
                                       "{id} (1).json"])
def test_a_sync_programs_conflict_copy_is_merged_then_moved(store_factory, article_path,
                                                            copy_name):
    handle = _open(store_factory(), article_path)
    first, second = list(handle.review.claims)[:2]
    handle.set_status(first, "verified")
    theirs = _open(store_factory(root=store_factory().root.parent / "laptop", reviewer="bo"),
                   article_path)
    theirs.set_status(second, "disputed")  # on the other machine, same review file
    theirs.set_status(first, "unverifiable")
    data = json.loads(theirs.path.read_text(encoding="utf-8"))
    data["review_id"] = handle.review.review_id
    copy = handle.path.with_name(copy_name.format(id=handle.review.review_id))
    copy.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")
    store = store_factory()
    entries = store.list_reviews()
    assert [e.review_id for e in entries] == [handle.review.review_id]
    claims = store.load(handle.review.review_id).review.claims
    assert claims[second].status == "disputed"  # theirs, merged field by field
    assert claims[first].status == "unverifiable"  # both changed it: the later is kept...
    assert [c.value for c in claims[first].open_conflicts()] == ["verified"]  # ...and shown
    assert not copy.exists() and (store.reviews_dir / "merged" / copy.name).exists()
    assert any(copy.name in n and "merged" in n.lower() for n in store.notices)


def test_opening_a_review_does_not_change_its_file(store_factory, article_path):
    handle = _open(store_factory(), article_path)
    handle.set_status(next(iter(handle.review.claims)), "verified")
    before = handle.path.read_bytes()
    assert b"last_opened" not in before
    _open(store_factory(), article_path)
    assert handle.path.read_bytes() == before
    entries = store_factory().list_reviews()
    assert entries[0].last_opened > json.loads(before)["updated"]  # kept per user instead


def test_status_shows_where_long_words_changed(capsys, tmp_path):
    sentence = ("According to the finance office's spring report on the harbour works, the "
                "maintenance budget went up 12 percent in the year to March.")
    article = tmp_path / "budget.txt"
    article.write_text(f"Budget\n\n{sentence}\n", encoding="utf-8")
    store_dir = str(tmp_path / "store")
    main(["status", str(article), "--json", "--store", store_dir])
    claim_id = json.loads(capsys.readouterr().out)["claims"][0]["id"]
    assert main(["tag", str(article), claim_id, "verified", "--store", store_dir]) == 0
    article.write_text(f"Budget\n\n{sentence.replace('12 percent', '15 percent')}\n",
                       encoding="utf-8")
    capsys.readouterr()
    assert main(["status", str(article), "--store", store_dir]) == 0
    [line] = [x for x in capsys.readouterr().out.splitlines() if "needs re-check: was" in x]
    was, now = line.split("was “")[1].split("”, now “")
    assert "up 12 percent" in was and "up 15 percent" in now.rstrip("”")
    assert len(was) <= 60 and len(now.rstrip("”")) <= 60


def test_a_verdict_in_conflict_is_not_published_and_the_exporter_is_told(
        capsys, article_path, tmp_path):
    from reader.store import StoreConflictError

    store_dir = tmp_path / "store"
    first = _open(ReviewStore(store_dir, reviewer="ann"), article_path)
    late = _open(ReviewStore(store_dir, reviewer="bo"), article_path)
    contested, settled = list(first.review.claims)[:2]
    first.set_status(contested, "verified")
    first.set_status(settled, "disputed")
    with pytest.raises(StoreConflictError):
        late.set_status(contested, "disputed")
    capsys.readouterr()
    assert main(["export", str(article_path), "--format", "claimreview", "--url",
                 "https://example.org/sea-wall", "--author", "Ana Test", "--store",
                 str(store_dir)]) == 0
    captured = capsys.readouterr()
    published = [item["@id"].rsplit(":", 1)[1] for item in json.loads(captured.out)["@graph"]]
    assert published == [settled]
    assert f"1 tagged claim is left out of the ClaimReview until its verdict is settled: " \
        f"{contested} (in conflict)" in captured.err
