"""Benchmark: finding an article's quotes in a long source (issue 14: a 500-page transcript,
about 1.5 MB, answers every quote of an article in at most 1 s once its index is built, and the
index takes at most 2 s per MB).

Run: python tests/bench/bench_match_quotes.py [--sizes 0.25,0.5,1,1.5,3] [--quotes 80]
     [--repeat 3] [--seed 14]

The transcript is synthetic, made here from original words: speakers' turns of sentences drawn
from a Zipf-distributed vocabulary of made-up words plus English function words, so common
word pairs recur as in real speech. The article's quotes are planted
from it: exact copies (with their case, punctuation and quote marks changed), near copies (up
to a quarter of their words replaced, dropped or added), cuts with an ellipsis (5-40 words left
out), and two kinds of quotes the transcript does not hold: words of the same vocabulary (which
share common pairs with it), and splices of two half-sentences from far apart (each half is in
the transcript; together they were never said), both of which must come out not found. Prints,
per size: index build time (best of --repeat) and MB/s, the time to match every quote, the peak
and kept memory of the index (tracemalloc), and how many quotes came out as planted and at the
right place. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.evidence.matching import find_quote  # noqa: E402
from reader.evidence.source_index import SourceIndex  # noqa: E402

SYLLABLES = ("ka", "lo", "ren", "ti", "mar", "sol", "ve", "dun", "bri", "as", "ol", "pen",
             "cor", "tha", "mi", "gel", "ros", "fa", "nu", "quen", "bel", "dor", "ish", "ux")
FUNCTION_WORDS = ("the", "a", "of", "to", "and", "in", "that", "we", "it", "is", "will",
                  "not", "this", "for", "on", "be", "with", "our", "have", "are", "they",
                  "you", "I", "but", "was", "at", "by", "as", "from", "all", "what", "there")
SPEAKERS = ("CHAIR", "MS ADEYEMI", "MR KOVALENKO", "DR SANTOS", "THE WITNESS", "COUNSEL")


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))))
    return sorted(words)


class Speech:
    """Sentences from a Zipf-weighted vocabulary, function words a third of the time."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words = vocabulary(rng)
        rng.shuffle(self.words)
        self.cumulative = list(itertools.accumulate(1.0 / (rank + 1)
                                                    for rank in range(len(self.words))))

    def word(self) -> str:
        return self.words_of(1)[0]

    def words_of(self, count: int) -> list[str]:
        rng = self.rng
        drawn = rng.choices(self.words, cum_weights=self.cumulative, k=count)
        return [rng.choice(FUNCTION_WORDS) if rng.random() < 0.35 else word for word in drawn]

    def sentence(self) -> str:
        words = self.words_of(self.rng.randint(6, 26))
        if self.rng.random() < 0.15:
            words.insert(self.rng.randint(1, len(words)), f"{self.rng.randint(2, 9999):,}")
        text = " ".join(words)
        return text[0].upper() + text[1:] + self.rng.choice(".....?!")


def transcript(size: int, speech: Speech) -> str:
    parts: list[str] = []
    total = 0
    page = 1
    while total < size:
        if speech.rng.random() < 0.04:
            part = f"Page {page}"
            page += 1
        else:
            turn = " ".join(speech.sentence() for _ in range(speech.rng.randint(1, 7)))
            part = f"{speech.rng.choice(SPEAKERS)}: {turn}"
        parts.append(part)
        total += len(part) + 2
    return "\n\n".join(parts)


@dataclass(frozen=True)
class Planted:
    kind: str  # exact, near, ellipsis, absent
    quote: str
    start: int  # where in the transcript the quote was taken from (-1: nowhere)
    end: int


def _word_spans(text: str, start: int, count: int) -> list[tuple[int, int]]:
    from reader.evidence.words import iter_words

    spans = []
    for span in iter_words(text[start : start + count * 30]):
        spans.append((span[0] + start, span[1] + start))
        if len(spans) == count:
            break
    return spans


def _restyle(words: list[str], rng: random.Random) -> str:
    """The same words as an article prints them: other case, punctuation and quote marks."""
    text = " ".join(w.upper() if rng.random() < 0.1 else w for w in words)
    if rng.random() < 0.5:
        text = text.replace(" ", ", ", 1)
    return rng.choice(("“{}”", "'{}'", "{}", "«{}»")).format(text)


def plant(source: str, speech: Speech, count: int) -> list[Planted]:
    rng = speech.rng
    planted: list[Planted] = []
    kinds = ["exact"] * 4 + ["near"] * 3 + ["ellipsis"] * 2 + ["absent", "spliced"]
    for number in range(count):
        kind = kinds[number % len(kinds)]
        if kind == "absent":
            words = speech.words_of(rng.randint(8, 25))
            planted.append(Planted(kind, " ".join(words), -1, -1))
            continue
        if kind == "spliced":  # half a sentence from here, half from elsewhere: made up
            halves = []
            for _ in range(2):
                at = rng.randrange(0, len(source) - 400)
                halves.append([source[s:e] for s, e in _word_spans(source, at, 8)[1:]])
            planted.append(Planted(kind, " ".join(halves[0] + halves[1]), -1, -1))
            continue
        size = rng.randint(8, 30) + (40 if kind == "ellipsis" else 0)
        at = rng.randrange(0, max(1, len(source) - size * 12))
        spans = _word_spans(source, at, size + 1)[1:]  # not from the middle of a word
        if len(spans) < size:
            continue
        words = [source[s:e] for s, e in spans]
        start, end = spans[0][0], spans[-1][1]
        if kind == "exact":
            quote = _restyle(words, rng)
        elif kind == "near":
            changed = list(words)
            for _ in range(rng.randint(1, max(1, len(words) // 4))):
                position = rng.randrange(1, len(changed) - 1)
                action = rng.choice(("replace", "drop", "add"))
                if action == "replace":
                    changed[position] = speech.word()
                elif action == "drop":
                    del changed[position]
                else:
                    changed.insert(position, speech.word())
            quote = _restyle(changed, rng)
        else:
            cut = rng.randint(5, min(40, len(words) - 12))
            first = rng.randint(6, len(words) - cut - 6)
            quote = " ".join(words[:first]) + " … " + " ".join(words[first + cut :])
        planted.append(Planted(kind, quote, start, end))
    return planted


def expected(kind: str) -> set[str]:
    return {"exact": {"exact"}, "ellipsis": {"exact"}, "near": {"near", "exact"},
            "absent": {"not_found"}, "spliced": {"not_found"}}[kind]


def run(size_mb: float, quotes: int, repeat: int, seed: int) -> dict[str, float]:
    rng = random.Random(seed)
    speech = Speech(rng)
    source = transcript(int(size_mb * 1_000_000), speech)
    planted = plant(source, speech, quotes)
    builds = []
    for _ in range(repeat):
        began = time.perf_counter()
        index = SourceIndex(source)
        builds.append(time.perf_counter() - began)
    tracemalloc.start()
    kept_index = SourceIndex(source)
    kept, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept_index
    matches = []
    for _ in range(repeat):
        began = time.perf_counter()
        found = [find_quote(index, item.quote) for item in planted]
        matches.append(time.perf_counter() - began)
    right = placed = 0
    wrong: dict[str, int] = {}
    for item, match in zip(planted, found, strict=True):
        ok = match.result in expected(item.kind)
        right += ok
        if not ok:
            wrong[f"{item.kind}->{match.result}"] = wrong.get(f"{item.kind}->{match.result}",
                                                               0) + 1
        if item.start >= 0 and match.start is not None and \
                match.start < item.end and match.end > item.start:
            placed += 1
    in_source = sum(1 for item in planted if item.start >= 0)
    megabytes = len(source.encode("utf-8")) / 1e6
    return {"mb": megabytes, "words": len(index), "build": min(builds),
            "match": min(matches), "quotes": len(planted), "peak": peak / 1e6,
            "kept": kept / 1e6,
            "right": right, "placed": placed, "in_source": in_source,
            "per_quote_ms": min(matches) / len(planted) * 1000,
            "median_build": statistics.median(builds), "wrong": wrong}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="0.25,0.5,1,1.5,3",
                        help="transcript sizes in MB, comma-separated")
    parser.add_argument("--quotes", type=int, default=80, help="quotes in the article")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=14)
    options = parser.parse_args()
    print(f"{'MB':>5} {'words':>8} {'build s':>8} {'MB/s':>6} {'match s':>8} {'ms/quote':>9} "
          f"{'peak MB':>8} {'kept MB':>8} {'as planted':>11} {'placed':>8}")
    for size in (float(s) for s in options.sizes.split(",")):
        r = run(size, options.quotes, options.repeat, options.seed)
        print(f"{r['mb']:5.2f} {r['words']:8,} {r['build']:8.3f} {r['mb'] / r['build']:6.2f} "
              f"{r['match']:8.3f} {r['per_quote_ms']:9.2f} {r['peak']:8.1f} {r['kept']:8.1f} "
              f"{r['right']:>5}/{r['quotes']:<5} {r['placed']:>3}/{r['in_source']:<4}"
              + (f"  misses: {r['wrong']}" if r["wrong"] else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
