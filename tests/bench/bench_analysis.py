"""Speed and memory of ``analyse`` on article text (a benchmark, not a test).

Usage: python tests/bench/bench_analysis.py [--memory] [--text ARTICLE.txt]
Builds 50 KB, 1 MB and 5 MB inputs by repeating our fixture articles (with the people and
numbers varied per copy, so caches do not flatter the figures), and prints for each: CPU
seconds (best of a few runs, so other processes on a shared machine count less), MB/s of UTF-8
text, the peak memory the analysis allocates (tracemalloc) over the text's UTF-8 size and over
the size of the Python string, and the 10x linearity ratio (time for 10x the text over 10x the
time of the smaller input). Targets: >= 2 MB/s, ratio <= 1.1, memory < 10x the text.

The fixture articles are denser than most copy (about 12 figures and 10 claims per KB, against
3.5 and 5 in a typical wire story), so these figures are on the pessimistic side.
"""

from __future__ import annotations

import gc
import sys
import time
import tracemalloc
from pathlib import Path

from reader.analysis import analyse

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
SIZES = {"50 KB": 50_000, "500 KB": 500_000, "1 MB": 1_000_000, "5 MB": 5_000_000}
FIRST_NAMES = ["Ana", "Boris", "Chidi", "Dana", "Emil", "Fatima", "Goran", "Hana", "Ivo", "Jana"]


def corpus(size: int, sources: list[Path] | None = None) -> str:
    paths = sources or sorted(ARTICLES.glob("*.txt"))
    base = [p.read_text(encoding="utf-8") for p in paths]
    parts: list[str] = []
    total = 0
    copy = 0
    while total < size:
        for article in base:
            name = FIRST_NAMES[copy % len(FIRST_NAMES)]
            varied = article.replace("Voss", f"Voss{copy}").replace("Okafor", f"Okafor{copy}")
            varied = varied.replace("Gerald", name).replace("212", str(100 + copy % 900))
            parts.append(varied)
            total += len(varied) + 2
            copy += 1
            if total >= size:
                break
    return "\n\n".join(parts)[:size]


def timed(text: str, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        start = time.process_time()
        analyse(text)
        best = min(best, time.process_time() - start)
    return best


def peak_memory(text: str) -> int:
    gc.collect()
    tracemalloc.start()
    analyse(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> int:
    sources = [Path(sys.argv[sys.argv.index("--text") + 1])] if "--text" in sys.argv else None
    print(f"text: {'fixture articles' if sources is None else sources[0].name}, repeated")
    analyse(corpus(20_000, sources))  # warm the regex cache
    results: dict[str, tuple[int, float]] = {}
    print(f"{'input':>7} {'chars':>10} {'seconds':>8} {'MB/s':>6} {'mem/UTF-8':>10} "
          f"{'mem/str':>8}")
    for label, size in SIZES.items():
        text = corpus(size, sources)
        seconds = timed(text, 3 if size <= 1_000_000 else 2)
        text_bytes = len(text.encode("utf-8"))
        memory = peak_memory(text) if size <= 1_000_000 or "--memory" in sys.argv else 0
        results[label] = (len(text), seconds)
        if memory:
            mem = f"{memory / text_bytes:9.1f}x {memory / sys.getsizeof(text):7.1f}x"
        else:
            mem = f"{'(run with --memory)':>19}"
        print(f"{label:>7} {len(text):>10,} {seconds:8.3f} {text_bytes / seconds / 1e6:6.2f} {mem}")
    small, large = results["500 KB"], results["5 MB"]
    ratio = (large[1] / small[1]) / (large[0] / small[0])
    print(f"linearity: 10x the text (500 KB -> 5 MB) costs {large[1] / small[1]:.2f}x the time "
          f"(ratio to 10x: {ratio:.2f}; target <= 1.10)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
