"""Fault runs on the store: many processes at once, damaged files, sync programs' copies. Each run
returns its counts and raises AssertionError on the first verdict lost. The suite runs them small
(tests/store/test_fault_runs.py); tests/bench/bench_faults.py runs them at full size and prints
the figures. POSIX only: writers are forked, so hundreds start in milliseconds.

"Nothing lost" is checked the same way everywhere: every verdict a writer reported as saved is
the claim's value, or an open conflict on it, or was changed later by a writer that had read it
(the history shows it as the change's "from").
"""

from __future__ import annotations

import json
import os
import random
import time
from collections.abc import Callable
from pathlib import Path

from reader.analysis.model import Analysis, Claim
from reader.document.model import Document
from reader.store import DamagedReviewError, ReviewStore, StoreConflictError
from reader.store.index import REVIEW_ID

STATUSES = ("verified", "disputed", "unverifiable")


def article(claims: int) -> str:
    return "".join(f"Item {n}: the port handled {n * 37 % 900} ships in {1950 + n}.\n"
                   for n in range(claims))


def analysis_of(text: str) -> Analysis:
    found, pos = [], 0
    for line in text.splitlines(keepends=True):
        found.append(Claim(id=f"f-{len(found):04d}", kind="figure", start=pos,
                           end=pos + len(line) - 1, text=line[:-1]))
        pos += len(line)
    return Analysis(claims=tuple(found))


def document(text: str, path: Path) -> Document:
    return Document.from_plain_text(text, title="Port traffic", source_path=str(path))


def review_files(root: Path) -> list[Path]:
    folder = root / "reviews"
    return sorted(p for p in folder.glob("*.json") if REVIEW_ID.fullmatch(p.stem))


def _forked(job: Callable[[], int]) -> int:
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            code = job()
        finally:
            os._exit(code)
    return pid


def _race_pair(writer: Callable[[int, Callable[[], None]], int]) -> list[int]:
    """Two forked processes run ``writer(number, opened)``; each calls ``opened()`` once it has
    read the review and waits there until both have, so that both save what they read at the
    same moment. Returns their exit codes."""
    ready_r, ready_w = os.pipe()
    gate_r, gate_w = os.pipe()

    def child(number: int) -> int:
        os.close(gate_w)
        os.close(ready_r)

        def opened() -> None:
            os.write(ready_w, b"x")  # opened: the other has not saved yet
            os.read(gate_r, 1)

        return writer(number, opened)

    pids = [_forked(lambda n=n: child(n)) for n in range(2)]
    os.close(ready_w)
    os.close(gate_r)
    got = b""
    while len(got) < 2:
        chunk = os.read(ready_r, 2)
        assert chunk, "a writer died before opening"
        got += chunk
    os.close(ready_r)
    os.close(gate_w)  # opens the gate for both
    return [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in pids]


def _verdict_kept(claim, status: str) -> bool:
    return (claim.status == status
            or any(c.field == "status" and c.value == status for c in claim.open_conflicts())
            or any(h.event == "status" and h.from_status == status for h in claim.history))


# Concurrent creation --------------------------------------------------------------------------

def concurrent_creation(folder: Path, processes: int, trials: int, seed: int = 1) -> dict:
    """``trials`` times: ``processes`` writers tag one claim each, all at once, on a document
    that has no review yet. Each trial must end with one review file holding every verdict."""
    rng = random.Random(seed)
    text = article(processes)
    analysis = analysis_of(text)
    started = time.monotonic()
    for trial in range(trials):
        root = folder / f"creation-{trial}"
        doc = document(text, folder / f"article-{trial}.txt")
        statuses = [rng.choice(STATUSES) for _ in range(processes)]
        gate_r, gate_w = os.pipe()

        def writer(number: int, gate_r: int = gate_r, gate_w: int = gate_w, root: Path = root,
                   doc: Document = doc, statuses: list[str] = statuses) -> int:
            os.close(gate_w)
            os.read(gate_r, 1)  # every writer starts when the gate opens
            store = ReviewStore(root, reviewer=f"w{number}")
            handle = store.open_review(doc, analysis=analysis)
            handle.set_status(f"f-{number:04d}", statuses[number])
            return 0

        pids = [_forked(lambda n=n: writer(n)) for n in range(processes)]
        os.close(gate_r)
        os.close(gate_w)  # opens the gate: every read returns at once
        codes = [os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) for pid in pids]
        assert codes == [0] * processes, f"trial {trial}: exit codes {codes}"
        files = review_files(root)
        assert len(files) == 1, f"trial {trial}: {len(files)} review files"
        claims = ReviewStore(root).load(files[0].stem).review.claims
        for number, status in enumerate(statuses):
            assert claims[f"f-{number:04d}"].status == status, (trial, number)
    return {"trials": trials, "processes": processes * trials,
            "seconds": round(time.monotonic() - started, 1)}


# Concurrent conflicting tags ------------------------------------------------------------------

def conflicting_tags(folder: Path, pairs: int, seed: int = 2) -> dict:
    """``pairs`` times: two writers open one review, then both set one claim to different
    statuses at the same moment. The one whose value did not survive must be told (exit 3,
    from StoreConflictError), and its value must be shown as a conflict."""
    rng = random.Random(seed)
    text = article(8)
    analysis = analysis_of(text)
    root = folder / "conflicts"
    doc = document(text, folder / "conflicts.txt")
    ReviewStore(root, reviewer="setup").open_review(doc, analysis=analysis)
    told = 0
    started = time.monotonic()
    for pair in range(pairs):
        claim_id = f"f-{pair % 8:04d}"
        current = ReviewStore(root).open_review(doc, analysis=analysis).review.claims[claim_id]
        choices = [s for s in STATUSES if s != current.status]
        rng.shuffle(choices)
        def writer(number: int, opened: Callable[[], None], pair: int = pair,
                   claim_id: str = claim_id, choices: list[str] = choices) -> int:
            handle = ReviewStore(root, reviewer=f"p{pair}-{number}").open_review(
                doc, analysis=analysis)
            opened()
            try:
                handle.set_status(claim_id, choices[number])
            except StoreConflictError:
                return 3
            return 0

        codes = _race_pair(writer)
        assert sorted(codes) == [0, 3], f"pair {pair}: exit codes {codes}"
        winner, loser = (0, 1) if codes[0] == 0 else (1, 0)
        claim = ReviewStore(root).load(review_files(root)[0].stem).review.claims[claim_id]
        assert claim.status == choices[winner], (pair, claim.status)
        assert [(c.field, c.value) for c in claim.open_conflicts()] == [
            ("status", choices[loser])], (pair, claim.open_conflicts())
        told += 1
    return {"pairs": pairs, "losers_told": told,
            "seconds": round(time.monotonic() - started, 1)}


# Concurrent tags with notes, through the command line ---------------------------------------

def conflicting_notes(folder: Path, pairs: int) -> dict:
    """``pairs`` times: two ``claim-reader tag CLAIM verified --note …`` commands on one claim,
    both opened before either saved. The one whose note did not survive must exit 1, and its
    note must be shown as a conflict; both notes' words are in the claim's history."""
    from reader.cli import main

    text = article(8)
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "notes.txt"
    source.write_text(text, encoding="utf-8")
    root = folder / "notes-store"
    told = 0
    started = time.monotonic()
    for pair in range(pairs):
        claim_id = f"f-{pair % 8:04d}"
        notes = [f"pair {pair}: note A", f"pair {pair}: note B"]
        def writer(number: int, opened: Callable[[], None], pair: int = pair,
                   claim_id: str = claim_id, notes: list[str] = notes) -> int:
            import contextlib
            import io

            real_open = ReviewStore.open_review

            def open_then_wait(self, *args, **kwargs):
                handle = real_open(self, *args, **kwargs)
                opened()
                return handle

            ReviewStore.open_review = open_then_wait  # type: ignore[method-assign]
            import reader.store.store as store_module

            store_module.analyse_document = lambda doc: analysis_of(doc.text)
            with contextlib.redirect_stdout(io.StringIO()), \
                    contextlib.redirect_stderr(io.StringIO()):
                return main(["tag", str(source), claim_id, "verified", "--note", notes[number],
                             "--reviewer", f"p{pair}-{number}", "--store", str(root)])

        codes = _race_pair(writer)
        assert sorted(codes) == [0, 1], f"pair {pair}: exit codes {codes}"
        winner, loser = (0, 1) if codes[0] == 0 else (1, 0)
        files = review_files(root)
        assert len(files) == 1, f"pair {pair}: {len(files)} review files"
        claim = ReviewStore(root).load(files[0].stem).review.claims[claim_id]
        assert claim.note == notes[winner], (pair, claim.note)
        assert [(c.field, c.value) for c in claim.open_conflicts()] == [
            ("note", notes[loser])], (pair, claim.open_conflicts())
        assert {h.note for h in claim.history if h.event == "note"} >= set(notes), pair
        told += 1
    return {"pairs": pairs, "losers_told": told,
            "seconds": round(time.monotonic() - started, 1)}


_TIMED_TAG = """
import json, sys, time
from reader.cli import main
from reader.store.store import OpenReview, ReviewStore
log, argv = sys.argv[1], sys.argv[2:]
real_open, real_save = ReviewStore.open_review, OpenReview.save
def timed_open(self, *a, **k):
    times["opening"] = time.monotonic()
    handle = real_open(self, *a, **k)
    times["opened"] = time.monotonic()
    return handle
def timed_save(self):
    try:
        return real_save(self)
    finally:
        times["saved"] = time.monotonic()
times = {}
ReviewStore.open_review, OpenReview.save = timed_open, timed_save
code = main(argv)
with open(log, "w") as out:
    json.dump({**times, "code": code}, out)
sys.exit(code)
"""


def parallel_cli_notes(folder: Path, pairs: int) -> dict:
    """``pairs`` times: two ``claim-reader tag CLAIM verified --note …`` processes started at
    once on one claim, nothing synchronising them (a user with two terminals, a script run
    twice). Each process logs when it began and ended opening the review and when its save
    ended (the monotonic clock is the machine's). Where each had read the review before the
    other's save ended, the loser must exit 1 and its note be shown as a conflict; where one
    began opening after the other had saved, both exit 0 and the later note is kept (its
    writer had read the other); in between (a save that ended while the other was opening),
    either. Either way no note is lost unseen."""
    import subprocess
    import sys

    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "parallel.txt"
    source.write_text(article(10), encoding="utf-8")
    root = folder / "parallel-store"
    listed = subprocess.run([sys.executable, "-m", "reader", "status", str(source), "--json",
                             "--store", str(root)], capture_output=True, check=True, text=True)
    claim_ids = [c["id"] for c in json.loads(listed.stdout)["claims"]]  # the app's analysis
    figures = {"pairs": pairs, "both_read_first": 0, "one_after_other": 0,
               "overlapping": 0, "losers_told": 0, "both_kept_in_turn": 0}
    started = time.monotonic()
    for pair in range(pairs):
        claim_id = claim_ids[pair % len(claim_ids)]
        notes = [f"pair {pair}: note A", f"pair {pair}: note B"]
        logs = [folder / f"pair-{pair}-{n}.json" for n in range(2)]
        commands = [[sys.executable, "-c", _TIMED_TAG, str(logs[n]), "tag", str(source),
                     claim_id, "verified", "--note", notes[n], "--reviewer", f"p{pair}-{n}",
                     "--store", str(root)] for n in range(2)]
        running = [subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
                   for c in commands]
        errors = [process.communicate()[1].decode() for process in running]
        times = [json.loads(log.read_text()) for log in logs]
        codes = [t["code"] for t in times]
        claim = ReviewStore(root).load(review_files(root)[0].stem).review.claims[claim_id]
        conflicts = [(c.field, c.value) for c in claim.open_conflicts()]
        told = sorted(codes) == [0, 1]
        if told:
            winner, loser = (0, 1) if codes[0] == 0 else (1, 0)
            assert "was not kept" in errors[loser], (pair, errors)
            assert claim.note == notes[winner] and conflicts == [("note", notes[loser])], pair
        else:
            later = 0 if times[0]["saved"] > times[1]["saved"] else 1
            assert codes == [0, 0], (pair, codes, errors)
            assert claim.note == notes[later] and conflicts == [], (pair, claim.note)
        first, second = sorted(times, key=lambda t: t["saved"])
        if all(t["opened"] < first["saved"] for t in times):
            assert told, f"pair {pair}: both read the review first, yet nobody was told"
            figures["both_read_first"] += 1
        elif second["opening"] > first["saved"]:
            assert not told, f"pair {pair}: the second read the first's note, yet a conflict"
            figures["one_after_other"] += 1
        else:
            figures["overlapping"] += 1
        figures["losers_told" if told else "both_kept_in_turn"] += 1
    figures["seconds"] = round(time.monotonic() - started, 1)
    return figures


# Damaged-file recovery ------------------------------------------------------------------------

def truncation_recovery(folder: Path, points: int, seed: int = 3) -> dict:
    """``points`` random truncations of a review file, each tried with its .bak and without.
    With it, the review must come back at once holding every verdict of the backup and every
    claim the truncation left whole; without it, every open must name the damaged file until
    --recover, which must bring back every claim left whole."""
    rng = random.Random(seed)
    text = article(40)
    analysis = analysis_of(text)
    figures = {"with_backup": 0, "without_backup": 0, "verdicts_checked": 0,
               "verdicts_set": 0, "cut_off_with_backup": 0, "cut_off_without_backup": 0}
    for point in range(points):
        for keep_backup in (True, False):
            root = folder / f"trunc-{point}-{keep_backup}"
            doc = document(text, folder / f"trunc-{point}.txt")
            handle = ReviewStore(root, reviewer="ann").open_review(doc, analysis=analysis)
            verdicts: dict[str, str] = {}
            for step in range(rng.randint(2, 12)):
                claim_id = f"f-{rng.randrange(40):04d}"
                verdicts[claim_id] = STATUSES[step % 3]
                handle.set_status(claim_id, verdicts[claim_id])
            raw = handle.path.read_bytes()
            backup = handle.path.with_name(handle.path.name + ".bak")
            in_backup = {cid: c["status"] for cid, c in json.loads(backup.read_bytes())[
                "claims"].items() if c["status"] != "unreviewed"}
            if not keep_backup:
                backup.unlink()
            cut = rng.randrange(1, len(raw) - 1)
            handle.path.write_bytes(raw[:cut])
            whole = _claims_left_whole(raw, cut)
            store = ReviewStore(root, reviewer="ann")
            if keep_backup:
                recovered = store.open_review(doc, analysis=analysis)
                assert any("recovered from its backup" in n for n in recovered.notices)
                expected = {**in_backup, **{cid: s for cid, s in verdicts.items()
                                            if cid in whole}}
                figures["with_backup"] += 1
            else:
                for _ in range(2):
                    try:
                        store.open_review(doc, analysis=analysis)
                    except DamagedReviewError as error:
                        assert str(handle.path) in error.message
                    else:
                        raise AssertionError("a damaged review was opened silently")
                    assert handle.path.read_bytes() == raw[:cut]
                recovered = store.open_review(doc, analysis=analysis, damaged="recover")
                expected = {cid: s for cid, s in verdicts.items() if cid in whole}
                figures["without_backup"] += 1
            claims = recovered.review.claims
            for claim_id, status in expected.items():
                assert _verdict_kept(claims[claim_id], status), (point, keep_backup, claim_id)
            figures["verdicts_checked"] += len(expected)
            figures["verdicts_set"] += len(verdicts)
            # Verdicts only in the part the truncation removed (and, with a backup, newer than
            # it): on disk nowhere any more, so no recovery can bring them back.
            figures["cut_off_with_backup" if keep_backup else "cut_off_without_backup"] += sum(
                1 for cid, s in verdicts.items() if not _verdict_kept(claims[cid], s))
    return figures


def _claims_left_whole(raw: bytes, cut: int) -> set[str]:
    """Ids of the claims whose whole text lies before ``cut`` in the file."""
    text = raw.decode("utf-8")
    data = json.loads(text)
    whole = set()
    for claim_id in data["claims"]:
        start = text.index(f'    "{claim_id}": {{')
        end = text.index("\n    }", start) + len("\n    }")
        if len(text[:end].encode("utf-8")) <= cut:
            whole.add(claim_id)
    return whole


# Sync programs' conflict copies ---------------------------------------------------------------

COPY_NAMES = ("{id} (conflicted copy 2026-03-02).json",
              "{id}.sync-conflict-20260302-101010-ABCDEFG.json", "{id} (1).json")


def sync_copy_merges(folder: Path, pairs: int, seed: int = 4) -> dict:
    """``pairs`` times: one review changed on two machines (random statuses and notes on random
    claims), one version left as a sync program's conflict copy. Opening must merge it: each
    field one side changed has that side's value; a field both changed to different values has
    one of them and shows the other as a conflict; the copy ends in merged/."""
    rng = random.Random(seed)
    text = article(12)
    analysis = analysis_of(text)
    counts = {"pairs": pairs, "fields_checked": 0, "conflicts_shown": 0}
    for pair in range(pairs):
        root = folder / f"sync-{pair}"
        doc = document(text, folder / f"sync-{pair}.txt")
        ours = ReviewStore(root, reviewer="ann").open_review(doc, analysis=analysis)
        theirs = ReviewStore(folder / f"sync-{pair}-laptop", reviewer="bo").open_review(
            doc, analysis=analysis)
        theirs_raw = json.loads(theirs.path.read_text(encoding="utf-8"))
        theirs_raw["review_id"] = ours.review.review_id  # the same file, on another machine
        theirs_raw["created"] = json.loads(ours.path.read_text(encoding="utf-8"))["created"]
        theirs.path.write_text(json.dumps(theirs_raw), encoding="utf-8")
        theirs = ReviewStore(folder / f"sync-{pair}-laptop", reviewer="bo").open_review(
            doc, analysis=analysis)
        changed: dict[tuple[str, str], dict[str, object]] = {}
        for side, handle in (("ann", ours), ("bo", theirs)):
            for _ in range(rng.randint(1, 6)):
                claim_id = f"f-{rng.randrange(12):04d}"
                if rng.random() < 0.6:
                    value: object = rng.choice(STATUSES)
                    before = handle.review.claims[claim_id].status
                    handle.set_status(claim_id, str(value))
                    if value != before:
                        changed.setdefault((claim_id, "status"), {})[side] = value
                else:
                    value = f"{side} note {rng.randrange(3)}"
                    before = handle.review.claims[claim_id].note
                    handle.set_note(claim_id, str(value))
                    if value != before:
                        changed.setdefault((claim_id, "note"), {})[side] = value
                time.sleep(0.0005)
        name = rng.choice(COPY_NAMES).format(id=ours.review.review_id)
        copy = ours.path.with_name(name)
        copy.write_bytes(theirs.path.read_bytes())
        store = ReviewStore(root, reviewer="cy")
        store.list_reviews()
        assert not copy.exists() and (store.reviews_dir / "merged" / name).exists(), pair
        claims = store.load(ours.review.review_id).review.claims
        for (claim_id, field), by_side in changed.items():
            claim = claims[claim_id]
            current = getattr(claim, field)
            final = {side: getattr((ours if side == "ann" else theirs).review.claims[claim_id],
                                   field) for side in by_side}
            if len(final) == 1 or len(set(final.values())) == 1:
                assert current == next(iter(final.values())), (pair, claim_id, field)
            else:
                shown = {c.value for c in claim.open_conflicts() if c.field == field}
                assert set(final.values()) == {current} | shown, (pair, claim_id, field)
                counts["conflicts_shown"] += 1
            counts["fields_checked"] += 1
    return counts
