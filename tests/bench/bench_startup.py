"""Benchmark: start-up of the headless commands, as a shell user meets it.

Run: python tests/bench/bench_startup.py [--runs 15] [--article FILE]
Times the installed ``claim-reader`` script (or ``python -m reader``) from launch to exit, and
Python starting and exiting alone for comparison; prints the best and the median of --runs.
Targets on the 2-core development machine: ``--version`` <= 60 ms, ``extract`` of a text article
(the seed article by default; any .txt with --article) <= 120 ms.

Figures depend on the machine's load (other work on the same cores): compare the best runs.
The commands run as installed ones do: with their .pyc files (PYTHONDONTWRITEBYTECODE is
dropped for them, since pip and the bundles keep compiled bytecode) and with the analysis'
compiled patterns kept in the user cache folder after the warm-up runs (see
reader/analysis/pattern_cache.py); --cold-patterns times a first run without them.
tests/test_startup_imports.py checks what each command imports, which is what this measures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEED = Path("/work/shared/seeds/000_950faf7800d90666.txt")
TARGETS_MS = {"--version": 60.0, "extract": 120.0}


def command() -> list[str]:
    script = Path(sys.executable).with_name("claim-reader")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reader"]


def timed(args: list[str], runs: int, fresh_cache: bool = False) -> list[float]:
    times = []
    env = {name: value for name, value in os.environ.items()
           if name != "PYTHONDONTWRITEBYTECODE"}
    for _ in range(runs):
        if fresh_cache:
            env["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="claim-reader-bench-cache-")
        start = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
                       env=env)
        times.append((time.perf_counter() - start) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--article", type=Path, default=SEED,
                        help="a .txt article for extract (default: the seed article)")
    parser.add_argument("--cold-patterns", action="store_true",
                        help="also time extract with an empty user cache folder (a first run)")
    options = parser.parse_args()
    if not options.article.is_file():
        print(f"{options.article} does not exist: pass --article FILE.txt", file=sys.stderr)
        return 1
    cases = {
        "python alone": [sys.executable, "-c", "pass"],
        "--version": [*command(), "--version"],
        "extract": [*command(), "extract", str(options.article)],
    }
    timed(cases["extract"], 2)  # warm the file cache and the .pyc files
    failed = False
    print(f"{'case':<14} {'best ms':>8} {'median ms':>10} {'target':>8}")
    for name, args in cases.items():
        times = timed(args, options.runs)
        best, median = min(times), statistics.median(times)
        target = TARGETS_MS.get(name)
        verdict = ""
        if target is not None:
            verdict = f"{target:>6.0f}  {'ok' if best <= target else 'OVER'}"
            failed |= best > target
        print(f"{name:<14} {best:>8.1f} {median:>10.1f} {verdict}")
    if options.cold_patterns:
        times = timed(cases["extract"], options.runs, fresh_cache=True)
        print(f"{'extract, cold':<14} {min(times):>8.1f} {statistics.median(times):>10.1f}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
