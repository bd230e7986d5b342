"""The window's "seen before" lookup, run in a child process.

Bringing the index up to date and looking an article's claims up is Python work that takes from
milliseconds to a minute (a first index of 10,000 reviews). Run on a thread of the window's own
process it competes with the UI thread for the interpreter, and every call from Qt into Python
(a list's row count, a delegate's paint) then waits its turn: tagging stalled 150 ms and more
while it ran. A child process has an interpreter of its own.

The parent writes the request as one JSON object on the child's standard input; the child
prints ``progress DONE TOTAL`` lines while it reads changed review files, then one line
``result`` and the answer as JSON. A failure the user should read is one line on standard
error and exit status 1. Only data crosses (JSON, never pickle): the child is this program,
but its output is parsed as data all the same.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any

from reader.cli import MEMORY_WORKER as COMMAND  # the hidden argument that makes the worker
from reader.memory.index import ClaimMemoryError
from reader.memory.seen_before import Probe, SeenBefore
from reader.store.model import Source

Found = dict[str, list[SeenBefore]]


def worker_command() -> list[str]:
    """How to start this program as the worker: the frozen executable itself, or this Python
    with ``-m reader``."""
    if getattr(sys, "frozen", False):
        return [sys.executable, COMMAND]
    return [sys.executable, "-m", "reader", COMMAND]


def look_up(store: Path, review_id: str, probes: list[Probe],
            progress: Callable[[int, int], None] | None = None,
            cancelled: Callable[[], bool] | None = None,
            index: Path | None = None) -> tuple[Found, list[str]]:
    """The earlier claims matching ``probes`` (not those of ``review_id``) and the notices of
    the index, from a child process; ``index``: the index file, when not the store's usual
    one. Blocks the calling thread (not the interpreter) until the child is done; raises
    ClaimMemoryError with the child's message when it fails."""
    request = json.dumps({"store": str(store), "review_id": review_id,
                          "index": str(index) if index is not None else None,
                          "probes": [asdict(probe) for probe in probes]})
    with tempfile.TemporaryFile() as errors_file:  # a file: a full pipe could stall the child
        child = subprocess.Popen(worker_command(), stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=errors_file,
                                 # no console window flashing up on Windows
                                 creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))
        try:
            assert child.stdin is not None and child.stdout is not None
            child.stdin.write(request.encode("utf-8"))
            child.stdin.close()
            answer = _read_answer(child.stdout, progress, cancelled)
            if answer is None and cancelled is not None and cancelled():
                child.kill()  # nobody waits for its answer any more
            status = child.wait()
        finally:
            if child.poll() is None:
                child.kill()
                child.wait()
            if child.stdout is not None:
                child.stdout.close()
        errors_file.seek(0)
        errors = errors_file.read().decode("utf-8", "replace")
    if answer is None:
        if cancelled is not None and cancelled():
            return {}, []
        lines = [line for line in errors.splitlines() if line.strip()]
        raise ClaimMemoryError(lines[-1] if lines else
                               f"The search index's helper process stopped (status {status}).")
    return _found_from(answer["found"]), list(answer["notices"])


def _read_answer(stream: IO[bytes], progress: Callable[[int, int], None] | None,
                 cancelled: Callable[[], bool] | None) -> dict[str, Any] | None:
    for raw in stream:
        if cancelled is not None and cancelled():
            return None
        line = raw.decode("utf-8", "replace").strip()
        if line.startswith("progress "):
            done, total = (int(number) for number in line.split()[1:3])
            if progress is not None:
                progress(done, total)
        elif line == "result":
            return json.loads(stream.read().decode("utf-8"))
    return None


def _found_from(data: dict[str, list[dict[str, Any]]]) -> Found:
    return {claim_id: [SeenBefore(**{**item, "sources": tuple(
                Source.from_dict(source) for source in item["sources"])}) for item in items]
            for claim_id, items in data.items()}


def run(stdin: IO[bytes], stdout: IO[bytes]) -> int:
    """The child's side: read the request, answer it."""
    from reader.memory import seen_before_probes
    from reader.memory.index import ClaimMemory

    request = json.loads(stdin.read().decode("utf-8"))
    probes = [Probe(**probe) for probe in request["probes"]]

    def tell(done: int, total: int) -> None:
        stdout.write(f"progress {done} {total}\n".encode())
        stdout.flush()

    try:
        index = request.get("index")
        with ClaimMemory(Path(request["store"]), Path(index) if index else None) as memory:
            memory.sync(tell)
            found = seen_before_probes(memory, probes, request["review_id"])
            notices = list(memory.notices)
    except ClaimMemoryError as error:
        sys.stderr.write(error.message + "\n")
        return 1
    answer = {"found": {claim_id: [{**asdict(item), "sources": [s.to_dict() for s in
                                                                   item.sources]}
                                   for item in items] for claim_id, items in found.items()},
              "notices": notices}
    stdout.write(b"result\n" + json.dumps(answer).encode("utf-8"))
    stdout.flush()
    return 0
