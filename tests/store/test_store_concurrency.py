"""Two writers on one store, and writers killed at random moments (POSIX: uses os.fork, so
the 200 writer processes start in milliseconds instead of a Python start-up each)."""

from __future__ import annotations

import os
import random
import select
import signal
import time
from pathlib import Path

import pytest
from store_builders import ARTICLE, figure_analyser, make_document

from reader.analysis.model import Analysis, Claim
from reader.store import ReviewStore, StoreConflictError, StoreLockedError
from reader.store.locking import FileLock


def _open(root: Path, reviewer: str, path: Path):
    store = ReviewStore(root, reviewer=reviewer)
    return store.open_review(make_document(ARTICLE, path), analyser=figure_analyser)


def test_two_open_copies_merge_on_save_and_lose_nothing(tmp_path, article_path):
    root = tmp_path / "store"
    window = _open(root, "ann", article_path)
    script = _open(root, "bo", article_path)
    a, b, c = list(window.review.claims)[:3]
    window.set_status(a, "verified")
    script.set_status(b, "disputed")  # script's copy did not know about a's change
    window.set_note(c, "window note")  # window merges b's change in on this save
    assert window.review.claims[b].status == "disputed"
    final = _open(root, "cy", article_path).review.claims
    assert (final[a].status, final[b].status, final[c].note) == ("verified", "disputed",
                                                                 "window note")


def test_two_writers_on_one_claim_the_second_is_told_and_the_conflict_stays(tmp_path,
                                                                             article_path):
    root = tmp_path / "store"
    window = _open(root, "ann", article_path)
    script = _open(root, "bo", article_path)
    claim_id = next(iter(window.review.claims))
    window.set_status(claim_id, "verified")  # saved and reported first
    time.sleep(0.002)
    with pytest.raises(StoreConflictError) as caught:
        script.set_status(claim_id, "disputed")  # the script never saw ann's verdict
    message = caught.value.message
    assert claim_id in message and "disputed" in message and "ann saved verified first" in message
    assert not script.dirty  # saved: the value is kept as a conflict, not dropped
    claim = _open(root, "cy", article_path).review.claims[claim_id]
    assert claim.status == "verified"  # what was saved first stays
    assert [(c.field, c.value, c.reviewer) for c in claim.open_conflicts()] == [
        ("status", "disputed", "bo")]
    tos = [(h.event, h.to_status, h.reviewer) for h in claim.history]
    assert ("status", "verified", "ann") in tos and ("status", "disputed", "bo") in tos
    # Picking a value resolves it; picking the current one too.
    resolved = _open(root, "cy", article_path).resolve(claim_id, "status", "verified")
    assert resolved.status == "verified" and resolved.open_conflicts() == ()
    assert _open(root, "dee", article_path).review.claims[claim_id].open_conflicts() == ()


def test_a_scripts_verdict_survives_a_note_typed_in_a_stale_window(tmp_path, article_path):
    root = tmp_path / "store"
    window = _open(root, "ann", article_path)
    script = _open(root, "bo", article_path)
    claim_id = next(iter(window.review.claims))
    script.set_status(claim_id, "verified")  # `claim-reader tag` while the window is open
    time.sleep(0.002)
    window.set_note(claim_id, "typed later in the window")  # window never saw the verdict
    claim = _open(root, "cy", article_path).review.claims[claim_id]
    assert (claim.status, claim.note) == ("verified", "typed later in the window")
    assert all(h.event != "conflict" for h in claim.history)


def test_lock_held_by_another_process_gives_clear_error(tmp_path, article_path):
    handle = _open(tmp_path / "store", "ann", article_path)
    claim_id = next(iter(handle.review.claims))
    ready_r, ready_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: hold the lock until killed
        try:
            with FileLock(handle.path):
                os.write(ready_w, b"x")
                time.sleep(30)
        finally:
            os._exit(0)
    try:
        os.read(ready_r, 1)
        handle._store.lock_timeout = 0.2
        with pytest.raises(StoreLockedError) as caught:
            handle.set_status(claim_id, "verified")
        assert str(handle.path) in caught.value.message and "try again" in caught.value.message
        assert handle.dirty
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    handle.save()  # the dead holder's lock went with it
    assert not handle.dirty


def _concurrent_writer(root: Path, path: Path, reviewer: str, claim_ids: list[str],
                       rounds: int) -> None:
    handle = _open(root, reviewer, path)
    for number in range(rounds):
        for claim_id in claim_ids:
            handle.set_note(claim_id, f"{reviewer} {number}")


def test_two_processes_writing_at_once_lose_nothing(tmp_path, article_path):
    root = tmp_path / "store"
    ids = list(_open(root, "setup", article_path).review.claims)
    pids = []
    for reviewer, mine in (("ann", ids[:2]), ("bo", ids[2:4])):
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                _concurrent_writer(root, article_path, reviewer, mine, 15)
                code = 0
            finally:
                os._exit(code)
        pids.append(pid)
    assert all(os.waitpid(pid, 0)[1] == 0 for pid in pids)
    claims = _open(root, "cy", article_path).review.claims
    assert [claims[i].note for i in ids[:4]] == ["ann 14", "ann 14", "bo 14", "bo 14"]


# SIGKILL ------------------------------------------------------------------------------------

KILLED_CLAIMS = 120
BIG_TEXT = "".join(f"Sentence {n} reports that {n * 7} boats docked in {1900 + n}.\n"
                   for n in range(KILLED_CLAIMS))


def _big_analysis() -> Analysis:
    claims = []
    pos = 0
    for line in BIG_TEXT.splitlines(keepends=True):
        claims.append(Claim(id=f"k{len(claims)}", kind="figure", start=pos,
                            end=pos + len(line) - 1, text=line[:-1]))
        pos += len(line)
    return Analysis(claims=tuple(claims))


def _killable_writer(root: Path, doc_path: Path, first: int, out: int) -> None:
    """Make numbered changes forever, reporting each one after its save returned."""
    store = ReviewStore(root, reviewer="writer")
    analysis = _big_analysis()
    handle = store.open_review(make_document(BIG_TEXT, doc_path), analysis=analysis)
    count = len(analysis.claims)
    statuses = ("verified", "disputed", "unverifiable")
    number = first
    while True:
        claim_id = f"k{number % count}"
        if number % 5 == 0:
            handle.set_status(claim_id, statuses[(number // count) % 3])
        handle.set_note(claim_id, f"n{number}")
        os.write(out, f"{number}\n".encode())
        number += 1


def test_writer_killed_at_random_moments_loses_no_reported_change(tmp_path):
    root = tmp_path / "store"
    doc_path = tmp_path / "boats.txt"
    rng = random.Random(20261126)
    reported: dict[str, int] = {}
    next_number = 0
    kills = 0
    review_id = None
    deadline = time.monotonic() + 90
    while kills < 200:
        assert time.monotonic() < deadline, f"only {kills} kills in 90 s"
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            try:
                _killable_writer(root, doc_path, next_number, write_end)
            finally:
                os._exit(1)
        os.close(write_end)
        # Kill it at a random moment: while it opens the store (no save reported yet), or
        # after a random number of reported saves plus a random fraction of the next one.
        wanted = rng.choice([0, 0, 1, 2, 3, 5, 8])
        data = b""
        round_deadline = time.monotonic() + 5
        while data.count(b"\n") < wanted and time.monotonic() < round_deadline:
            if select.select([read_end], [], [], 0.05)[0]:
                chunk = os.read(read_end, 65536)
                if not chunk:
                    break
                data += chunk
        time.sleep(rng.uniform(0.0, 0.004 if wanted else 0.03))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        kills += 1
        while select.select([read_end], [], [], 0)[0]:
            chunk = os.read(read_end, 65536)
            if not chunk:
                break
            data += chunk
        os.close(read_end)
        for line in data.decode().split("\n")[:-1]:  # a torn last line was never reported
            number = int(line)
            reported[f"k{number % KILLED_CLAIMS}"] = number
            next_number = max(next_number, number + 1)
        next_number += 1  # a change made but not reported may be on disk: never reuse its number
        # The store always loads, and every reported change is there (or a later one).
        store = ReviewStore(root)
        entries = store.list_reviews()
        if review_id is None and entries:
            review_id = entries[0].review_id
        if review_id is None:
            assert not reported
            continue
        claims = store.load(review_id).review.claims
        for claim_id, number in reported.items():
            note = claims[claim_id].note
            assert note and int(note[1:]) >= number, (claim_id, note, number)
    assert kills == 200 and len(reported) > KILLED_CLAIMS // 2


def test_refresh_brings_in_a_scripts_change_without_writing(tmp_path, article_path):
    root = tmp_path / "store"
    window = _open(root, "ann", article_path)
    claim_id = next(iter(window.review.claims))
    assert window.refresh() is window.review  # nothing changed: same object, no read
    script = _open(root, "bo", article_path)
    script.set_status(claim_id, "unverifiable")
    on_disk = window.path.read_bytes()
    review = window.refresh()
    assert review.claims[claim_id].status == "unverifiable"
    assert window.path.read_bytes() == on_disk and not window.dirty


def test_refresh_leaves_a_damaged_file_for_the_save_to_move_aside(tmp_path, article_path):
    window = _open(tmp_path / "store", "ann", article_path)
    claim_id = next(iter(window.review.claims))
    window.path.write_bytes(b"{ damaged")
    window.refresh()
    assert window.path.read_bytes() == b"{ damaged"
    window.set_status(claim_id, "verified")
    kept = list(window.path.parent.glob("*.corrupt-*"))
    assert [p.read_bytes() for p in kept] == [b"{ damaged"]
    assert _open(tmp_path / "store", "bo", article_path).review.claims[claim_id].status == \
        "verified"


def test_a_lock_that_fails_with_an_error_leaves_no_descriptor_open(tmp_path, monkeypatch):
    import errno

    import reader.store.locking as locking_module

    def broken_flock(fd, operation):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(locking_module.fcntl, "flock", broken_flock)
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(20):
        with pytest.raises(OSError):
            FileLock(tmp_path / "review.json").acquire()
    assert len(os.listdir("/proc/self/fd")) == before


def test_a_file_system_without_locks_still_saves(tmp_path, article_path, monkeypatch):
    import errno

    import reader.store.locking as locking_module

    def no_locks(fd, operation):
        raise OSError(errno.ENOLCK, "No locks available")  # NFS without its lock daemon

    handle = _open(tmp_path / "store", "ann", article_path)
    claim_id = next(iter(handle.review.claims))
    monkeypatch.setattr(locking_module.fcntl, "flock", no_locks)
    handle.set_status(claim_id, "verified")
    monkeypatch.undo()
    reopened = _open(tmp_path / "store", "bo", article_path)
    assert reopened.review.claims[claim_id].status == "verified"


def test_the_store_lock_excludes_another_thread_of_the_same_store(tmp_path):
    import threading

    store = ReviewStore(tmp_path / "store")
    store._prepare()
    held, release, entered = threading.Event(), threading.Event(), threading.Event()

    def start_page():  # lists the store while the window's background thread opens a review
        with store.store_lock():
            held.set()
            release.wait(10)

    def background():
        with store.store_lock():
            entered.set()

    first = threading.Thread(target=start_page)
    first.start()
    assert held.wait(10)
    second = threading.Thread(target=background)
    second.start()
    try:
        assert not entered.wait(0.3)  # waits for the first thread, as another process would
    finally:
        release.set()
        first.join(10)
    assert entered.wait(10)  # and gets the lock once it is free
    second.join(10)
    with store.store_lock(), store.store_lock():  # still re-entrant within one thread
        pass
