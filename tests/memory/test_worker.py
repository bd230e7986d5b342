"""The window's "seen before" lookup in a child process: the same answer as in-process, the
child's failure as one line, and a cancelled lookup that leaves no process behind."""

from __future__ import annotations

import sys
import time

import pytest
from memory_articles import CLINIC, HARBOUR
from memory_builders import write_review

import reader.memory.worker as worker
from reader.memory.index import ClaimMemory, ClaimMemoryError
from reader.memory.seen_before import Probe, seen_before

PROBES = [
    Probe("p-quote", "We lost 300 homes to flooding in 2019 and we will not lose another "
                     "street to the sea.", "Okafor", "quote"),
    Probe("p-nurses", "We have hired 120 nurses since January, most of them from our own "
                      "training programme.", "Marta Lindqvist", "quote"),
    Probe("p-new", "The ferry will run every hour from May 🚢.", "Jonas Field", "quote"),
]


def test_the_child_answers_what_the_lookup_in_this_process_answers(tmp_path) -> None:
    store = tmp_path / "store"
    write_review(store, HARBOUR)
    write_review(store, CLINIC)
    index = tmp_path / "index.sqlite3"
    steps: list[tuple[int, int]] = []
    found, notices = worker.look_up(store, "c" * 32, PROBES, lambda d, t: steps.append((d, t)),
                                    index=index)
    with ClaimMemory(store, tmp_path / "other.sqlite3") as memory:
        memory.sync()
        here = memory.guarded(lambda db: seen_before(db, PROBES, exclude_review="c" * 32))
    assert found == here
    assert set(found) == {"p-quote", "p-nurses"}
    assert found["p-quote"][0].sources, "the earlier claim's sources cross over whole"
    assert notices == []
    assert steps and steps[-1] == (2, 2)


def test_the_article_s_own_review_is_left_out(tmp_path) -> None:
    store = tmp_path / "store"
    write_review(store, HARBOUR)
    found, _ = worker.look_up(store, HARBOUR.review_id, PROBES[:1],
                              index=tmp_path / "index.sqlite3")
    assert found == {}


def test_a_failing_child_raises_its_last_line(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(worker, "worker_command", lambda: [
        sys.executable, "-c",
        "import sys; sys.stderr.write('warning first\\nThe index cannot be read.\\n'); "
        "sys.exit(1)"])
    with pytest.raises(ClaimMemoryError) as caught:
        worker.look_up(tmp_path, "x", PROBES)
    assert caught.value.message == "The index cannot be read."


def test_a_cancelled_lookup_stops_its_child(tmp_path, monkeypatch) -> None:
    started = []
    real_popen = worker.subprocess.Popen

    def popen(*args, **kwargs):
        child = real_popen(*args, **kwargs)
        started.append(child)
        return child

    monkeypatch.setattr(worker.subprocess, "Popen", popen)
    monkeypatch.setattr(worker, "worker_command", lambda: [
        sys.executable, "-c",
        "import sys, time\nwhile True:\n    print('progress 1 9', flush=True)\n"
        "    time.sleep(0.05)"])
    begin = time.monotonic()
    assert worker.look_up(tmp_path, "x", PROBES, cancelled=lambda: True) == ({}, [])
    assert time.monotonic() - begin < 10
    assert started and started[0].poll() is not None, "the child was stopped"
