"""Precision and recall of "seen before" (issue 14: precision >= 0.95 at recall >= 0.85).

Run ``python tests/bench/eval_seen_before.py``. The pairs are built by seen_before_pairs.py
from original text: the earlier claims are written into a store as reviews with verdicts
(five to a review), indexed, and every later claim is looked up among all of them, so a
wrong match with any other stored claim counts against precision too.

Figures are printed for the development set (on which the thresholds were set) and for the
held-out set (written before, never used to set them). ``--show-errors`` lists the misses
and the wrong matches.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "memory"))
sys.path.insert(0, str(HERE))

import seen_before_pairs  # noqa: E402
from memory_builders import ArticleSpec, ClaimSpec, claim_id_of, write_review  # noqa: E402

from reader.memory.index import ClaimMemory  # noqa: E402
from reader.memory.seen_before import Probe, seen_before  # noqa: E402

STATUSES = ("verified", "disputed", "unverifiable")


@dataclass
class Scores:
    true_positive: int = 0
    false_positive: int = 0
    positives: int = 0
    by_category: Counter | None = None
    totals: Counter | None = None
    errors: list[str] | None = None
    lookup_seconds: float = 0.0

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.positives if self.positives else 1.0


def score(earlier: list[seen_before_pairs.Item], pairs: list[seen_before_pairs.Pair],
          folder: Path) -> Scores:
    store = folder / "store"
    where: dict[int, tuple[str, str]] = {}
    for first in range(0, len(earlier), 5):
        chunk = earlier[first:first + 5]
        specs = [ClaimSpec(item.text, item.speaker, item.kind,
                           STATUSES[(first + offset) % 3], note=f"Checked, item {first + offset}.")
                 for offset, item in enumerate(chunk)]
        article = ArticleSpec(f"Earlier article {first // 5}", specs)
        write_review(store, article)
        for offset, spec in enumerate(specs):
            where[first + offset] = (article.review_id, claim_id_of(spec, offset))
    with ClaimMemory(store, folder / "index.sqlite3") as memory:
        memory.sync()
        probes = [Probe(f"p{number}", pair.later.text, pair.later.speaker, pair.later.kind)
                  for number, pair in enumerate(pairs)]
        started = time.perf_counter()
        found = seen_before(memory.db, probes)
        elapsed = time.perf_counter() - started
    scores = Scores(by_category=Counter(), totals=Counter(), errors=[], lookup_seconds=elapsed)
    for number, pair in enumerate(pairs):
        matches = found.get(f"p{number}", [])
        expected = where[pair.earlier]
        scores.totals[pair.category] += 1
        if pair.same:
            scores.positives += 1
        hit = False
        for match in matches:
            if pair.same and (match.review_id, match.claim_id) == expected:
                scores.true_positive += 1
                hit = True
            else:
                scores.false_positive += 1
                scores.errors.append(f"WRONG [{pair.category}] {pair.later.speaker}: "
                                     f"{pair.later.text!r}\n    matched {match.speaker}: "
                                     f"{match.text!r} ({match.rule} {match.similarity})")
        if (pair.same and hit) or (not pair.same and not matches):
            scores.by_category[pair.category] += 1  # right
        elif pair.same:
            scores.errors.append(f"MISSED [{pair.category}] {pair.later.speaker}: "
                                 f"{pair.later.text!r}\n    earlier "
                                 f"{earlier[pair.earlier].speaker}: "
                                 f"{earlier[pair.earlier].text!r}")
    return scores


def report(name: str, scores: Scores, show_errors: bool) -> None:
    print(f"{name}: precision {scores.precision:.3f}, recall {scores.recall:.3f} "
          f"({scores.true_positive} found of {scores.positives} positives, "
          f"{scores.false_positive} wrong matches; lookup of "
          f"{sum(scores.totals.values())} claims {scores.lookup_seconds * 1000:.0f} ms)")
    for category, total in sorted(scores.totals.items()):
        right = scores.by_category[category]
        print(f"  {category:<16} {right:>4} of {total:<4} right")
    if show_errors:
        for line in scores.errors:
            print("  " + line)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--set", choices=("dev", "held-out", "both"), default="both")
    options = parser.parse_args()
    sets = {"dev": seen_before_pairs.dev_set, "held-out": seen_before_pairs.held_out_set}
    for name, builder in sets.items():
        if options.set not in (name, "both"):
            continue
        earlier, pairs = builder(options.seed)
        with tempfile.TemporaryDirectory() as folder:
            report(name, score(earlier, pairs, Path(folder)), options.show_errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
