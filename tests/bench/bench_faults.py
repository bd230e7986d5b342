"""The store's fault runs at full size (issue 11). Not part of the test suite, which runs them
small (tests/store/test_fault_runs.py); run ``python tests/bench/bench_faults.py`` and read the
figures. Each run stops with an AssertionError at the first verdict lost.

- SIGKILL during save: 200 writers killed at random moments (the suite's own test, run again);
- concurrent creation: 16 processes x 20 trials on a document with no review yet;
- concurrent conflicting tags: 100 pairs, the loser told every time;
- concurrent tags with notes (``claim-reader tag … --note``): 100 pairs both opened before
  either saved, the loser told (exit 1) and its note shown as a conflict every time; and 10
  pairs started at once as separate processes with nothing to order them, each checked by
  when it read and saved;
- damaged-file recovery: 50 random truncation points, each with and without a .bak;
- sync-conflict merges: 50 randomized pairs of diverged copies.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "store"))

import fault_runs  # noqa: E402
import test_store_concurrency  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-faults-") as folder:
        root = Path(folder)
        started = time.monotonic()
        (root / "kill").mkdir()
        test_store_concurrency.test_writer_killed_at_random_moments_loses_no_reported_change(
            root / "kill")
        print(f"SIGKILL during save: 200 kills, no reported change lost "
              f"({time.monotonic() - started:.1f} s)")
        for name, run in (
            ("concurrent creation", lambda: fault_runs.concurrent_creation(
                root / "creation", processes=16, trials=20)),
            ("concurrent conflicting tags", lambda: fault_runs.conflicting_tags(
                root / "tags", pairs=100)),
            ("concurrent tags with notes", lambda: fault_runs.conflicting_notes(
                root / "notes", pairs=100)),
            ("parallel tag --note processes", lambda: fault_runs.parallel_cli_notes(
                root / "parallel", pairs=10)),
            ("damaged-file recovery", lambda: fault_runs.truncation_recovery(
                root / "trunc", points=50)),
            ("sync-conflict merges", lambda: fault_runs.sync_copy_merges(
                root / "sync", pairs=50)),
        ):
            (root / name.split()[0]).mkdir(exist_ok=True)
            started = time.monotonic()
            figures = run()
            print(f"{name}: {figures} ({time.monotonic() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
