"""The review file on disk: format, permissions, backups, validation and the index."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from store_builders import ARTICLE, figure_analyser, make_document

from reader.store import SCHEMA_VERSION, ReviewStore
from reader.store.atomic import write_atomic
from reader.store.index import INDEX_NAME
from reader.store.schema import check_review


def _open(store: ReviewStore, path: Path | None = None, text: str = ARTICLE):
    if path is not None:  # the article is there (a review whose article is gone may be found
        path.write_text(text, encoding="utf-8")  # by content from an edited copy elsewhere)
    return store.open_review(make_document(text, path), analyser=figure_analyser)


def test_file_is_pretty_sorted_json_that_json_dumps_would_write(store_factory, article_path):
    handle = _open(store_factory(), article_path)
    first = next(iter(handle.review.claims))
    handle.set_status(first, "disputed")
    handle.set_note(first, "Council minutes say 6 to 3 — «not» 7 to 2")
    raw = handle.path.read_text(encoding="utf-8")
    data = json.loads(raw)
    assert raw == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert data == handle.review.to_dict()
    assert data["schema_version"] == SCHEMA_VERSION
    check_review(data)


def test_files_are_private(store_factory, article_path):
    store = store_factory()
    handle = _open(store, article_path)
    handle.set_status(next(iter(handle.review.claims)), "verified")
    for path in (handle.path, handle.path.with_name(handle.path.name + ".bak"),
                 store.root / INDEX_NAME):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for folder in (store.root, store.reviews_dir):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_previous_version_is_kept_as_backup(store_factory, article_path):
    handle = _open(store_factory(), article_path)
    claim_id = next(iter(handle.review.claims))
    handle.set_status(claim_id, "verified")
    before = handle.path.read_bytes()
    handle.set_status(claim_id, "disputed")
    assert handle.path.with_name(handle.path.name + ".bak").read_bytes() == before
    assert json.loads(handle.path.read_bytes())["claims"][claim_id]["status"] == "disputed"


def test_reopening_gives_back_every_decision(store_factory, article_path):
    handle = _open(store_factory(), article_path)
    ids = list(handle.review.claims)
    assert len(ids) == 5
    handle.set_status(ids[0], "verified", reviewer="bo")
    handle.set_note(ids[1], "ask the council")
    handle.add_source(ids[1], url="https://example.org/minutes", title="Minutes",
                      publisher="Council", consulted="2026-01-01", stance="contradicts")
    handle.dismiss(ids[2])
    manual = handle.add_manual_claim(0, 37)
    again = _open(store_factory(), article_path)
    assert again.review.claims == handle.review.claims
    claims = again.review.claims
    assert claims[ids[0]].history[-1].reviewer == "bo"
    assert claims[ids[0]].history[-1].to_status == "verified"
    assert claims[ids[1]].sources[0].stance == "contradicts"
    assert claims[ids[2]].dismissed
    assert claims[manual.id].text == "Harbour council approves new sea wall"
    assert again.progress().verified == 1 and again.progress().dismissed == 1


def test_moved_and_renamed_file_finds_its_review(store_factory, article_path, tmp_path):
    handle = _open(store_factory(), article_path)
    claim_id = next(iter(handle.review.claims))
    handle.set_status(claim_id, "unverifiable")
    moved = tmp_path / "elsewhere" / "renamed.txt"
    moved.parent.mkdir()
    article_path.rename(moved)
    again = _open(store_factory(), moved)
    assert again.review.review_id == handle.review.review_id
    assert again.review.claims[claim_id].status == "unverifiable"
    assert again.review.document.source_path == str(moved)
    entries = store_factory().list_reviews()
    assert [e.path for e in entries] == [str(moved)]


def test_index_lists_title_path_progress_and_is_rebuilt(store_factory, tmp_path):
    store = store_factory()
    for number in range(3):
        path = tmp_path / f"a{number}.txt"
        text = ARTICLE + f"\nUpdate {number}: nothing new.\n"
        handle = _open(store, path, text)
        handle.set_status(next(iter(handle.review.claims)), "verified")
    entries = store_factory().list_reviews()
    assert len(entries) == 3
    assert {e.path for e in entries} == {str(tmp_path / f"a{n}.txt") for n in range(3)}
    assert all(e.progress.verified == 1 and e.progress.total == 6 for e in entries)
    # Damaged: moved aside (kept) and rebuilt from the review files.
    (store.root / INDEX_NAME).write_text("{ not json", encoding="utf-8")
    rebuilt = store_factory().list_reviews()
    assert {e.review_id for e in rebuilt} == {e.review_id for e in entries}
    assert list(store.root.glob("index.json.corrupt-*"))
    json.loads((store.root / INDEX_NAME).read_text(encoding="utf-8"))
    # Missing: rebuilt too.
    (store.root / INDEX_NAME).unlink()
    assert len(store_factory().list_reviews()) == 3


def test_index_follows_review_files_added_and_removed_by_a_sync(store_factory, tmp_path):
    store = store_factory()
    handle = _open(store, tmp_path / "a.txt")
    other = _open(store_factory(tmp_path / "elsewhere"), tmp_path / "b.txt",
                  ARTICLE + "\nAnother article: 3 ships.\n")
    assert len(store.list_reviews()) == 1
    copy = store.reviews_dir / ("0" * 32 + ".json")
    copy.write_bytes(other.path.read_bytes())  # arrives by a sync or a git pull
    assert {e.review_id for e in store.list_reviews()} == {handle.review.review_id, "0" * 32}
    handle.path.unlink()
    assert [e.review_id for e in store.list_reviews()] == ["0" * 32]


def test_index_notices_a_review_changed_by_another_program(store_factory, tmp_path):
    store = store_factory()
    handle = _open(store, tmp_path / "a.txt")
    claim_id = next(iter(handle.review.claims))
    assert store.list_reviews()[0].progress.verified == 0
    # Another program (a git pull, a sync) replaces the file: same name, new content.
    data = json.loads(handle.path.read_text(encoding="utf-8"))
    data["claims"][claim_id]["status"] = "verified"
    handle.path.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")
    assert store.list_reviews()[0].progress.verified == 1  # the same store object notices
    assert store_factory().list_reviews()[0].progress.verified == 1  # and the index file


def test_duplicate_reviews_of_one_text_are_merged_into_one(store_factory, tmp_path):
    store = store_factory()
    handle = _open(store, tmp_path / "a.txt")
    first, second = list(handle.review.claims)[:2]
    handle.set_status(first, "verified")
    copy = store.reviews_dir / ("0" * 32 + ".json")
    data = json.loads(handle.path.read_text(encoding="utf-8"))
    data["review_id"] = "0" * 32  # a restored backup or a second store's review of the text
    data["created"] = "2027-01-01T00:00:00.000000Z"
    data["claims"][second]["status"] = "disputed"
    data["claims"][second]["history"] = [{"at": "2027-01-01T00:00:00.000000Z", "event": "status",
                                          "from": "unreviewed", "to": "disputed", "note": "",
                                          "reviewer": "bo"}]
    copy.write_text(json.dumps(data), encoding="utf-8")
    fresh = store_factory()
    entries = fresh.list_reviews()
    assert [e.review_id for e in entries] == [handle.review.review_id]  # the older one keeps
    claims = fresh.load(handle.review.review_id).review.claims
    assert (claims[first].status, claims[second].status) == ("verified", "disputed")
    assert not copy.exists() and (store.reviews_dir / "merged" / copy.name).exists()
    assert any("merged" in notice for notice in fresh.notices)


def test_atomic_write_replaces_whole_file(tmp_path):
    target = tmp_path / "f.json"
    write_atomic(target, b"one\n")
    write_atomic(target, b"two\n")
    assert target.read_bytes() == b"two\n"
    assert (tmp_path / "f.json.bak").read_bytes() == b"one\n"
    assert sorted(os.listdir(tmp_path)) == ["f.json", "f.json.bak"]


def test_damaged_file_not_in_the_index_is_reported_for_the_start_page(store_factory, tmp_path):
    store = store_factory()
    handle = _open(store, tmp_path / "a.txt")
    (store.root / INDEX_NAME).unlink()
    handle.path.write_text("<<<<<<< HEAD\n", encoding="utf-8")  # a bad git merge
    fresh = store_factory()
    assert fresh.list_reviews() == []
    assert fresh.damaged_reviews() == [handle.review.review_id]
    assert handle.path.exists()  # listing never moves or changes anything


def test_index_written_by_two_store_objects_keeps_both_entries(store_factory, tmp_path):
    window, script = store_factory(), store_factory()
    window.list_reviews()  # the window caches the index before the script writes it
    _open(script, tmp_path / "b.txt", ARTICLE + "\nB.\n")
    _open(window, tmp_path / "a.txt", ARTICLE + "\nA.\n")
    on_disk = json.loads((window.root / INDEX_NAME).read_text(encoding="utf-8"))["reviews"]
    assert sorted(e["path"] for e in on_disk.values()) == [str(tmp_path / "a.txt"),
                                                           str(tmp_path / "b.txt")]


def test_review_file_renamed_by_hand_opens_and_saves_under_its_new_name(store_factory, tmp_path):
    store = store_factory()
    handle = _open(store, tmp_path / "a.txt")
    claim_id = next(iter(handle.review.claims))
    handle.set_status(claim_id, "verified")
    renamed = store.reviews_dir / ("1" * 32 + ".json")
    os.replace(handle.path, renamed)
    reopened = _open(store_factory(), tmp_path / "a.txt")
    assert reopened.path == renamed
    reopened.set_note(claim_id, "after the rename")
    assert not handle.path.exists()  # nothing written under the id the file still held
    saved = json.loads(renamed.read_text(encoding="utf-8"))
    assert saved["review_id"] == "1" * 32
    assert saved["claims"][claim_id]["status"] == "verified"
    assert saved["claims"][claim_id]["note"] == "after the rename"


def test_a_copy_holding_another_reviews_id_never_writes_over_that_review(store_factory, tmp_path):
    store = store_factory()
    first = _open(store, tmp_path / "a.txt")
    other = _open(store, tmp_path / "b.txt", ARTICLE + "\nAnother article: 3 ships.\n")
    other_before = other.path.read_bytes()
    data = json.loads(first.path.read_text(encoding="utf-8"))
    data["review_id"] = other.review.review_id  # a hand-made copy of a review, then edited
    copy = store.reviews_dir / ("2" * 32 + ".json")
    copy.write_text(json.dumps(data), encoding="utf-8")
    first.path.unlink()
    reopened = _open(store_factory(), tmp_path / "a.txt")
    reopened.set_status(next(iter(reopened.review.claims)), "disputed")
    assert reopened.path == copy and other.path.read_bytes() == other_before


def test_json_files_not_named_like_a_review_are_left_alone(store_factory, tmp_path):
    store = store_factory()
    handle = _open(store, tmp_path / "a.txt")
    conflict_copy = store.reviews_dir / f"{handle.review.review_id} (conflicted copy).json"
    conflict_copy.write_text("{ not even json", encoding="utf-8")
    fresh = store_factory()
    assert [e.review_id for e in fresh.list_reviews()] == [handle.review.review_id]
    assert fresh.damaged_reviews() == []
    assert conflict_copy.read_text(encoding="utf-8") == "{ not even json"


def test_temporary_files_left_by_a_killed_writer_are_cleared_later(store_factory, tmp_path):
    store = store_factory()
    _open(store, tmp_path / "a.txt")
    two_hours_ago = os.stat(store.root).st_mtime - 7200
    review = "0123456789abcdef0123456789abcdef.json"
    stale = [store.root / ".index.json.k1ll3d.tmp", store.reviews_dir / f".{review}.k1ll3d.tmp",
             store.reviews_dir / f".{review}.bak.tmp"]
    not_ours = [store.root / ".notes.txt.tmp", store.root / ".thesis.tmp"]  # --store ~ say
    fresh = store.reviews_dir / f".{review}.sav1ng.tmp"  # another process saving right now
    for path in (*stale, *not_ours, fresh):
        path.write_bytes(b"{")
    for path in (*stale, *not_ours):
        os.utime(path, (two_hours_ago, two_hours_ago))
    _open(store_factory(), tmp_path / "b.txt", ARTICLE + "\nB.\n")
    assert [path.exists() for path in stale] == [False, False, False]
    assert all(path.exists() for path in not_ours) and fresh.exists()
