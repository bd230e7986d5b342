"""Bad files and failing disks: nothing is overwritten, the message says what to do, the app
keeps working and a retry succeeds."""

from __future__ import annotations

import errno
import json
import os

import pytest
from store_builders import ARTICLE, figure_analyser, make_document

from reader.store import (
    SCHEMA_VERSION,
    DamagedReviewError,
    StoreCorruptError,
    StoreError,
    StoreNewerError,
    StoreReadOnlyError,
    StoreWriteError,
)
from reader.store import atomic as atomic_module


def _reviewed(store_factory, article_path):
    store = store_factory()
    handle = store.open_review(make_document(ARTICLE, article_path), analyser=figure_analyser)
    claim_id = next(iter(handle.review.claims))
    handle.set_status(claim_id, "verified")
    handle.set_note(claim_id, "first note")
    return handle, claim_id


def _reopen(store_factory, article_path):
    return store_factory().open_review(make_document(ARTICLE, article_path),
                                       analyser=figure_analyser)


@pytest.mark.parametrize("damage", ["truncated", "empty", "not json", "wrong schema",
                                    "no version"])
def test_damaged_file_with_a_backup_is_recovered_at_once(store_factory, article_path, damage):
    handle, claim_id = _reviewed(store_factory, article_path)
    good = handle.path.read_bytes()
    bad = {
        "truncated": good[: len(good) // 2],
        "empty": b"",
        "not json": b"\x89PNG\r\n binary junk",
        "wrong schema": json.dumps({**json.loads(good), "claims": [1, 2]}).encode(),
        "no version": json.dumps({k: v for k, v in json.loads(good).items()
                                  if k != "schema_version"}).encode(),
    }[damage]
    handle.path.write_bytes(bad)
    store = store_factory()
    reopened = store.open_review(make_document(ARTICLE, article_path), analyser=figure_analyser)
    assert reopened.review.review_id == handle.review.review_id  # not a new review
    assert reopened.review.claims[claim_id].status == "verified"
    [notice] = [n for n in reopened.notices if "recovered from its backup" in n]
    assert str(handle.path) in notice and "may be missing" in notice
    kept = list(handle.path.parent.glob("*.corrupt-*"))
    assert [p.read_bytes() for p in kept] == [bad] and str(kept[0]) in notice  # kept, not lost
    assert store_factory().damaged_reviews() == []


def test_a_recovery_keeps_claims_the_damaged_file_still_holds(store_factory, article_path):
    handle, claim_id = _reviewed(store_factory, article_path)  # .bak lacks "first note"
    good = handle.path.read_bytes()
    cut = good.index(b'"created"', good.index(b'"document"') - 200)  # claims whole, text lost
    handle.path.write_bytes(good[:cut])
    reopened = _reopen(store_factory, article_path)
    assert reopened.review.claims[claim_id].note == "first note"
    assert any("newer than the backup read from the damaged file" in n
               for n in reopened.notices)


def test_damaged_file_without_backup_is_named_until_the_user_chooses(store_factory,
                                                                      article_path):
    handle, claim_id = _reviewed(store_factory, article_path)
    handle.path.with_name(handle.path.name + ".bak").unlink()
    good = handle.path.read_bytes()
    bad = good[: good.index(b'"document"')]  # the claims are there, the text is not
    handle.path.write_bytes(bad)
    for _ in range(3):  # every command, again and again: never a silent new review
        with pytest.raises(DamagedReviewError) as caught:
            _reopen(store_factory, article_path)
        assert str(handle.path) in caught.value.message
        assert "no usable backup" in caught.value.message
        assert caught.value.readable == 5 and caught.value.reviewed == 1
        assert handle.path.read_bytes() == bad
    assert store_factory().damaged_reviews() == [handle.review.review_id]
    assert store_factory().list_reviews() == []
    recovered = store_factory().open_review(make_document(ARTICLE, article_path),
                                            analyser=figure_analyser, damaged="recover")
    assert recovered.review.review_id == handle.review.review_id
    claim = recovered.review.claims[claim_id]
    assert (claim.status, claim.note, claim.orphaned) == ("verified", "first note", False)
    assert any("Recovered what could be read" in n for n in recovered.notices)
    assert [p.read_bytes() for p in handle.path.parent.glob("*.corrupt-*")] == [bad]
    assert _reopen(store_factory, article_path).review.claims[claim_id].status == "verified"


def test_damaged_file_without_backup_can_be_set_aside_for_a_new_review(store_factory,
                                                                        article_path):
    handle, _ = _reviewed(store_factory, article_path)
    handle.path.with_name(handle.path.name + ".bak").unlink()
    handle.path.write_bytes(b"{")
    fresh = store_factory().open_review(make_document(ARTICLE, article_path),
                                        analyser=figure_analyser, damaged="new")
    assert fresh.review.review_id != handle.review.review_id
    assert fresh.progress().reviewed == 0
    assert [p.read_bytes() for p in handle.path.parent.glob("*.corrupt-*")] == [b"{"]
    assert _reopen(store_factory, article_path).review.review_id == fresh.review.review_id


def test_one_bad_value_keeps_every_other_claim(store_factory, article_path):
    handle, claim_id = _reviewed(store_factory, article_path)
    other = list(handle.review.claims)[1]
    handle.set_status(other, "disputed")
    data = json.loads(handle.path.read_text(encoding="utf-8"))
    data["claims"][claim_id]["status"] = "Verifed"  # typed by hand
    data["claims"][other]["sources"] = [{"id": "x", "url": "u", "consulted": "yesterday"}]
    before = json.dumps(data, indent=2)
    handle.path.write_text(before, encoding="utf-8")
    reopened = _reopen(store_factory, article_path)
    claims = reopened.review.claims
    assert claims[claim_id].status == "verified" and claims[claim_id].note == "first note"
    assert claims[other].status == "disputed" and claims[other].sources == ()
    assert len(claims) == 5
    [notice] = [n for n in reopened.notices if "repaired" in n]
    assert f'claim {claim_id}: status "Verifed" is not a status; read as verified' in notice
    assert f"claim {other}: 1 of its sources entries could not be read" in notice
    kept = list(handle.path.parent.glob("*.corrupt-*"))
    assert [p.read_text(encoding="utf-8") for p in kept] == [before]
    assert store_factory().damaged_reviews() == []


def test_offsets_outside_the_text_are_placed_again_by_the_words(store_factory, article_path):
    handle, _ = _reviewed(store_factory, article_path)
    good = handle.path.read_bytes()
    handle.path.write_bytes(good.replace(b'"end": ', b'"end": 9999', 1))
    reopened = _reopen(store_factory, article_path)
    assert reopened.review.claims == handle.review.claims
    assert any("placed again by its words" in n for n in reopened.notices)


def test_future_version_opens_read_only_and_is_never_overwritten(store_factory, article_path):
    handle, claim_id = _reviewed(store_factory, article_path)
    data = json.loads(handle.path.read_bytes())
    data["schema_version"] = SCHEMA_VERSION + 1
    data["new_feature"] = {"something": True}
    future = json.dumps(data).encode()
    handle.path.write_bytes(future)
    opened = _reopen(store_factory, article_path)
    assert opened.read_only
    assert "newer version of Claim Reader" in opened.read_only_reason
    assert str(handle.path) in opened.read_only_reason
    assert opened.review.claims[claim_id].status == "verified"
    with pytest.raises(StoreReadOnlyError):
        opened.set_status(claim_id, "disputed")
    assert handle.path.read_bytes() == future
    # The window that had it open before sees the newer file on its next save and stops.
    with pytest.raises(StoreReadOnlyError):
        handle.set_status(claim_id, "disputed")
    assert handle.path.read_bytes() == future


def test_unreadable_future_version_raises_clear_error(store_factory, article_path):
    handle, _ = _reviewed(store_factory, article_path)
    handle.path.write_text(json.dumps({"schema_version": 99, "everything": "different"}))
    with pytest.raises(StoreNewerError) as caught:
        store_factory().load(handle.review.review_id)
    assert "update Claim Reader" in caught.value.message
    assert json.loads(handle.path.read_text())["schema_version"] == 99


def test_disk_full_keeps_old_file_and_change_then_retry_works(store_factory, article_path,
                                                              monkeypatch):
    handle, claim_id = _reviewed(store_factory, article_path)
    before = handle.path.read_bytes()
    real_fsync = os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic_module.os, "fsync", full)
    with pytest.raises(StoreWriteError) as caught:
        handle.set_status(claim_id, "disputed")
    assert caught.value.errno == errno.ENOSPC
    assert "disk is full" in caught.value.message and str(handle.path) in caught.value.message
    assert handle.path.read_bytes() == before
    assert [p.name for p in handle.path.parent.iterdir() if p.name.endswith(".tmp")] == []
    assert handle.dirty and handle.review.claims[claim_id].status == "disputed"
    assert handle.last_error is caught.value
    monkeypatch.setattr(atomic_module.os, "fsync", real_fsync)
    handle.save()
    assert not handle.dirty and handle.last_error is None
    assert _reopen(store_factory, article_path).review.claims[claim_id].status == "disputed"


def test_failed_write_of_data_keeps_old_file(store_factory, article_path, monkeypatch):
    handle, claim_id = _reviewed(store_factory, article_path)
    before = handle.path.read_bytes()
    calls = []
    real_write = os.write

    def half_then_full(fd, data):
        # The first call writes half (a short write), the next finds the disk full.
        calls.append(len(data))
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, bytes(data[: len(data) // 2]))

    monkeypatch.setattr(atomic_module.os, "write", half_then_full)
    with pytest.raises(StoreWriteError):
        handle.set_note(claim_id, "second note")
    monkeypatch.undo()
    assert len(calls) == 2
    assert handle.path.read_bytes() == before
    handle.set_note(claim_id, "third note")  # the next action retries and saves both
    reopened = _reopen(store_factory, article_path).review.claims[claim_id]
    assert reopened.note == "third note"


def test_read_only_store_folder(store_factory, article_path, monkeypatch):
    handle, claim_id = _reviewed(store_factory, article_path)
    before = handle.path.read_bytes()
    if os.geteuid() == 0:
        # root ignores folder permissions, so simulate the file system refusing writes.
        def refuse(*args, **kwargs):
            raise OSError(errno.EROFS, "Read-only file system")

        monkeypatch.setattr(atomic_module.tempfile, "mkstemp", refuse)
    else:
        os.chmod(handle.path.parent, 0o500)
    try:
        with pytest.raises(StoreWriteError) as caught:
            handle.set_status(claim_id, "unverifiable")
        assert "read-only" in caught.value.message
        assert "--store" in caught.value.message
        assert handle.path.read_bytes() == before
        # Opening still works: nothing changed, so nothing needs saving.
        opened = _reopen(store_factory, article_path)
        assert opened.review.claims[claim_id].status == "verified"
        assert opened.last_error is None and not opened.dirty
    finally:
        os.chmod(handle.path.parent, 0o700)
        monkeypatch.undo()
    handle.save()
    assert _reopen(store_factory, article_path).review.claims[claim_id].status == "unverifiable"


def test_invalid_input_is_refused_before_anything_changes(store_factory, article_path):
    handle, claim_id = _reviewed(store_factory, article_path)
    before = handle.path.read_bytes()
    with pytest.raises(ValueError):
        handle.set_status(claim_id, "true-ish")
    with pytest.raises(ValueError):
        handle.add_manual_claim(10, 10)
    with pytest.raises(ValueError):
        handle.add_source(claim_id)
    from reader.store import ClaimNotFoundError

    with pytest.raises(ClaimNotFoundError) as caught:
        handle.set_status("no-such-claim", "verified")
    assert "claim-reader status" in caught.value.message
    assert handle.path.read_bytes() == before


def test_damaged_file_that_cannot_be_moved_aside_is_not_written_over(store_factory, article_path,
                                                                       monkeypatch):
    handle, claim_id = _reviewed(store_factory, article_path)
    backup_before = (handle.path.parent / (handle.path.name + ".bak")).read_bytes()
    handle.path.write_bytes(b"{ damaged by a bad sync")
    real_replace = os.replace

    def refuse_to_move_aside(source, destination):
        if ".corrupt-" in str(destination):
            raise OSError(errno.EBUSY, "Device or resource busy")
        return real_replace(source, destination)

    monkeypatch.setattr(os, "replace", refuse_to_move_aside)
    with pytest.raises(StoreCorruptError) as caught:
        handle.set_status(claim_id, "disputed")
    assert "nothing was overwritten" in caught.value.message
    assert handle.path.read_bytes() == b"{ damaged by a bad sync"
    assert (handle.path.parent / (handle.path.name + ".bak")).read_bytes() == backup_before
    assert handle.dirty and handle.review.claims[claim_id].status == "disputed"


def test_review_file_replaced_by_a_folder_is_named_with_what_to_do(store_factory, article_path):
    handle, claim_id = _reviewed(store_factory, article_path)
    handle.path.unlink()
    handle.path.mkdir()
    (handle.path / "inside.txt").write_text("kept")
    with pytest.raises(StoreError) as caught:
        handle.set_status(claim_id, "disputed")
    assert str(handle.path) in caught.value.message
    assert "is a folder" in caught.value.message and "Move it out" in caught.value.message
    assert (handle.path / "inside.txt").read_text() == "kept"


def test_values_the_file_format_cannot_hold_are_refused_not_written(store_factory, article_path):
    from reader.store.model import Source

    handle, claim_id = _reviewed(store_factory, article_path)
    handle.add_source(claim_id, url="https://example.org/minutes", consulted="2026-03-14")
    source = handle.review.claims[claim_id].sources[0]
    before = handle.path.read_bytes()
    for consulted in ("14/03/2026", "2026-02-30", "20260314"):
        with pytest.raises(ValueError, match="YYYY-MM-DD"):
            handle.add_source(claim_id, url="https://example.org", consulted=consulted)
        with pytest.raises(ValueError, match="YYYY-MM-DD"):
            handle.update_source(claim_id, Source(source.id, url=source.url,
                                                  consulted=consulted))
    with pytest.raises(ValueError, match="kind"):
        handle.add_manual_claim(0, 5, kind="")
    with pytest.raises(ValueError, match="Not saved"):
        handle.set_sources(claim_id, (Source("", url="https://example.org"),))
    assert handle.path.read_bytes() == before
    assert handle.review.claims[claim_id].sources == (source,)
    reopened = _reopen(store_factory, article_path)  # still a review, not a damaged file
    assert reopened.review.claims[claim_id].sources == (source,)


def test_a_file_system_that_cannot_sync_folders_still_saves(store_factory, article_path,
                                                            monkeypatch):
    import stat as stat_module

    handle, claim_id = _reviewed(store_factory, article_path)
    real_fsync = os.fsync

    def no_folder_sync(fd):
        if stat_module.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "Invalid argument")  # as some shared-folder mounts do
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", no_folder_sync)
    handle.set_status(claim_id, "disputed")  # no StoreWriteError for a save that happened
    assert not handle.dirty and handle.last_error is None
    monkeypatch.undo()
    assert _reopen(store_factory, article_path).review.claims[claim_id].status == "disputed"


def test_a_store_path_that_is_not_a_folder_says_so(store_factory, article_path, tmp_path):
    document = make_document(ARTICLE, article_path)
    not_a_folder = tmp_path / "store-is-a-file"
    not_a_folder.write_text("a file where the store should be", encoding="utf-8")
    with pytest.raises(StoreError) as caught:  # not a raw NotADirectoryError
        store_factory(not_a_folder).open_review(document, analyser=figure_analyser)
    message = caught.value.message
    assert f"{not_a_folder} is a file, not a folder" in message
    assert "Not a directory" not in message and "--store" in message
    assert not_a_folder.read_text(encoding="utf-8") == "a file where the store should be"
    dangling = tmp_path / "store-link"
    dangling.symlink_to(tmp_path / "unmounted" / "store")
    handle = store_factory(dangling).open_review(document, analyser=figure_analyser)
    assert handle.dirty and handle.last_error is not None
    message = handle.last_error.message
    assert f"Could not create the store folder {dangling / 'reviews'}" in message
    assert "--store" in message and "review.json" not in message


def test_starting_anew_while_another_command_recovers_keeps_the_recovered_review(
        store_factory, article_path, monkeypatch):
    from reader.store import ReviewStore

    handle, claim_id = _reviewed(store_factory, article_path)
    handle.path.with_name(handle.path.name + ".bak").unlink()
    good = handle.path.read_bytes()
    handle.path.write_bytes(good[: good.index(b'"document"')])  # damaged, no backup
    real = ReviewStore._recover_or_fail
    fired = []

    def then_another_recovers(self, review_id, document):
        problem = real(self, review_id, document)
        if problem is not None and not fired:  # `status --recover` in another terminal
            fired.append(True)
            store_factory().recover(review_id)
        return problem

    monkeypatch.setattr(ReviewStore, "_recover_or_fail", then_another_recovers)
    store = store_factory()
    opened = store.open_review(make_document(ARTICLE, article_path), analyser=figure_analyser,
                               damaged="new")
    assert fired
    assert opened.review.review_id == handle.review.review_id  # not set aside
    assert opened.review.claims[claim_id].status == "verified"
    assert handle.path.exists() and len(list(handle.path.parent.glob("*.corrupt-*"))) == 1
    assert any("kept, not set aside" in n for n in store.notices)


def test_a_file_cut_inside_a_string_says_where_in_plain_words(store_factory, article_path):
    handle, _ = _reviewed(store_factory, article_path)
    handle.path.with_name(handle.path.name + ".bak").unlink()
    good = handle.path.read_bytes()
    handle.path.write_bytes(good[: good.index(b'"exact": "') + 14])  # inside a string
    with pytest.raises(DamagedReviewError) as caught:
        _reopen(store_factory, article_path)
    assert "not valid JSON: Unterminated string starting at line " in caught.value.message
    assert "at at" not in caught.value.message


def test_a_damaged_file_that_cannot_be_moved_aside_says_why(store_factory, article_path,
                                                           monkeypatch):
    handle, claim_id = _reviewed(store_factory, article_path)
    window = _reopen(store_factory, article_path)
    handle.path.write_bytes(b"{ damaged by a bad sync")
    for backup in handle.path.parent.glob("*.bak"):
        backup.unlink()
    monkeypatch.setattr(os, "replace", lambda *args: (_ for _ in ()).throw(
        OSError(errno.EBUSY, "Device or resource busy")))
    with pytest.raises(StoreCorruptError) as caught:
        window.set_status(claim_id, "disputed")
    assert "(damaged)" not in caught.value.message
    assert "is damaged (not valid JSON: Expecting property name enclosed in double quotes " \
        "at line 1, column 3)" in caught.value.message
