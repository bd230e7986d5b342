"""How the threshold for finding an edited article's review was chosen (issue 11). Not part of
the test suite; run ``python tests/bench/bench_similarity.py`` and read the figures.

For each article of tests/fixtures/articles (original texts written for the tests), the review
made on it is measured against edited copies of the article and against every other article:
the share of its claims whose exact words are in the other text (``claims_share``, what
``ReviewStore.find_similar`` compares with ``SIMILAR_SHARE``). The threshold must sit well above
every unrelated article and below the edits a reader would still call "the same article".
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

from reader.analysis import analyse
from reader.store.anchoring import claim_from_analysis
from reader.store.similarity import (
    CANDIDATE_SHARE,
    SIMILAR_SHARE,
    claims_share,
    sketch_of,
    sketch_share,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def reword(text: str, share: float, rng: random.Random) -> str:
    """Change one word in ``share`` of the sentences (a light copy-edit of each)."""
    def edit(match: re.Match[str]) -> str:
        sentence = match.group()
        words = sentence.split(" ")
        if rng.random() >= share or len(words) < 3:
            return sentence
        i = rng.randrange(len(words))
        words[i] = words[i][::-1] or "x"
        return " ".join(words)
    return SENTENCE.sub(edit, text)


def drop_paragraphs(text: str, share: float, rng: random.Random) -> str:
    paragraphs = text.split("\n\n")
    keep = [p for p in paragraphs if rng.random() >= share]
    return "\n\n".join(keep or paragraphs[:1])


def main() -> int:
    rng = random.Random(11)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*.txt"))}
    reviews = {}
    ids = {}
    for name, text in texts.items():
        analysis = analyse(text)
        reviews[name] = {c.id: claim_from_analysis(c, text, "") for c in analysis.claims}
        ids[name] = {c.id for c in analysis.claims}
    edits = {
        "one line appended": lambda t: t + "\nUpdate: this article was corrected on Monday.\n",
        "10% of sentences reworded": lambda t: reword(t, 0.10, rng),
        "25% of sentences reworded": lambda t: reword(t, 0.25, rng),
        "50% of sentences reworded": lambda t: reword(t, 0.50, rng),
        "a third of paragraphs cut": lambda t: drop_paragraphs(t, 0.33, rng),
    }
    print(f"{len(texts)} articles, {sum(len(r) for r in reviews.values())} claims; threshold "
          f"SIMILAR_SHARE = {SIMILAR_SHARE}, sketch pre-filter CANDIDATE_SHARE = "
          f"{CANDIDATE_SHARE}")
    for label, edit in edits.items():
        shares, sketches = [], []
        for name, text in texts.items():
            edited = edit(text)
            shares.append(claims_share(reviews[name], edited))
            sketches.append(sketch_share(sketch_of(reviews[name]), {
                c.id for c in analyse(edited).claims}))
        found = sum(1 for s, k in zip(shares, sketches, strict=True)
                    if s >= SIMILAR_SHARE and k >= CANDIDATE_SHARE)
        print(f"  same article, {label:<28} share min {min(shares):.2f} median "
              f"{sorted(shares)[len(shares) // 2]:.2f}; sketch min {min(sketches):.2f}; "
              f"found {found}/{len(shares)}")
    unrelated = [(claims_share(reviews[a], texts[b]), a, b)
                 for a in texts for b in texts if a != b]
    worst = max(unrelated)
    print(f"  other articles ({len(unrelated)} pairs): share max {worst[0]:.2f} "
          f"({worst[1]} in {worst[2]}); above the threshold: "
          f"{sum(1 for s, _, _ in unrelated if s >= SIMILAR_SHARE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
