"""Benchmark: how long loading a document takes, by format and size.

Run: python tests/bench/bench_loading.py [--sizes 50000,1000000,5000000] [--repeat 3]
Prints the best of --repeat runs per case (seconds, MB/s) and the peak traced memory of one
run. Not collected by pytest (the name does not match test_*.py); targets live here, not in
timed unit tests. Target: a 5 MB .txt or .md file well under a second.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.document import load_document  # noqa: E402

_WORD_SOURCE = (
    "the minister said that about 3,000 people were affected by the decision which was taken "
    "on Tuesday in Kyiv after long talks with officials from more than two dozen countries "
    "“we are making steps in the right direction” he told reporters café naïve €40m"
)
WORDS = _WORD_SOURCE.split(" ")


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 30))]
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(2, 6)))


def plain_text(size: int, rng: random.Random) -> str:
    parts: list[str] = []
    total = 0
    while total < size:
        roll = rng.random()
        if roll < 0.05:
            part = "What The Minister Said"
        elif roll < 0.15:
            part = "\n".join(f"  • {_sentence(rng)}" for _ in range(3))
        else:
            part = _paragraph(rng)
        parts.append(part)
        total += len(part) + 2
    return "\n\n".join(parts)[:size]


def prose_markdown(size: int, rng: random.Random) -> str:
    """Article-like Markdown: mostly paragraphs, some headings, lists, quotes and emphasis."""
    parts: list[str] = []
    total = 0
    while total < size:
        roll = rng.random()
        if roll < 0.05:
            part = "## What the minister said"
        elif roll < 0.12:
            part = "\n".join(f"- {_sentence(rng)}" for _ in range(3))
        elif roll < 0.16:
            part = "> " + _paragraph(rng)
        else:
            words = _paragraph(rng).split(" ")
            words[1] = f"*{words[1]}*"
            words[3] = f"[{words[3]}](https://example.invalid/{len(parts)})"
            part = " ".join(words)
        parts.append(part)
        total += len(part) + 2
    return "\n\n".join(parts)[:size]


def dense_markdown(size: int, rng: random.Random) -> str:
    """Worst case: markup on every few words (markdown-it-py's cost grows with token count)."""
    unit = (
        "Some *emphasised* text with a [link](http://example.invalid) and **strong** words.\n\n"
        "# Heading\n\n- item one\n- item two\n  - nested\n\n> quoted text here\n\n"
    )
    return (unit * (size // len(unit) + 1))[:size]


def news_html(size: int, rng: random.Random) -> str:
    head = (
        "<!DOCTYPE html><html><head><title>Bench page</title><script>var x = 1;</script>"
        "<style>p{}</style></head><body><nav><a href='/'>Home</a></nav><main><article>"
        "<h1>Bench headline</h1>"
    )
    parts = [head]
    total = len(head)
    while total < size:
        roll = rng.random()
        if roll < 0.05:
            part = "<h2>What the minister said</h2>"
        elif roll < 0.1:
            part = "<ul>" + "".join(f"<li>{_sentence(rng)}</li>" for _ in range(3)) + "</ul>"
        else:
            part = f"<p>{_paragraph(rng)} <a href='https://example.invalid/'>link</a></p>"
        parts.append(part)
        total += len(part)
    parts.append("</article></main><footer>Footer</footer></body></html>")
    return "".join(parts)


CASES: dict[str, tuple[str, str, Callable[[int, random.Random], str]]] = {
    "text-utf8": (".txt", "utf-8", plain_text),
    "text-cp1252-detected": (".txt", "cp1252", plain_text),
    "markdown-article": (".md", "utf-8", prose_markdown),
    "markdown-dense-markup": (".md", "utf-8", dense_markdown),
    "html-saved-page": (".html", "utf-8", news_html),
}


def _cp1252_safe(text: str) -> str:
    return text.encode("cp1252", "replace").decode("cp1252")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="50000,1000000,5000000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated case names")
    options = parser.parse_args()
    sizes = [int(size) for size in options.sizes.split(",")]
    wanted = [name.strip() for name in options.cases.split(",")]
    print(f"{'case':28} {'size':>10} {'best s':>8} {'MB/s':>7} {'peak MB':>8} {'chars out':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for name in wanted:
            suffix, encoding, make = CASES[name]
            for size in sizes:
                text = make(size, random.Random(size))
                if encoding != "utf-8":
                    text = _cp1252_safe(text)
                path = Path(folder) / f"bench{suffix}"
                path.write_bytes(text.encode(encoding))
                megabytes = path.stat().st_size / 1e6
                best = float("inf")
                for _ in range(options.repeat):
                    started = time.perf_counter()
                    document = load_document(path)
                    best = min(best, time.perf_counter() - started)
                tracemalloc.start()
                load_document(path)
                peak = tracemalloc.get_traced_memory()[1] / 1e6
                tracemalloc.stop()
                print(
                    f"{name:28} {path.stat().st_size:>10} {best:>8.3f} {megabytes / best:>7.1f} "
                    f"{peak:>8.1f} {len(document.text):>10}"
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
