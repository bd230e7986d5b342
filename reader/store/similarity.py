"""Finding the review of an article that was both moved and edited, when neither its content
hash nor its path matches any review.

The measure is the one re-anchoring cares about: the share of a review's claims whose exact
words are in the new text (and so re-anchor exactly). Loading every review to measure it would
be slow in a large store, so the index keeps a small sketch of each review: the ``SKETCH_SIZE``
smallest ids of its analysis claims (ids are hashes of the claim's words, so the smallest are a
uniform sample). The share of a sketch's ids that the new text's analysis also finds estimates
the share of claims that are still there; reviews whose estimate passes ``CANDIDATE_SHARE`` are
then measured exactly on their claims' words, and the best one at or above
``SIMILAR_SHARE`` is the article's review. tests/bench/bench_similarity.py measured the
threshold (docs/store.md gives the figures).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping

from reader.store.model import ReviewClaim

SKETCH_SIZE = 24
CANDIDATE_SHARE = 0.15
"""Sketch estimate a review needs to be measured exactly (well below ``SIMILAR_SHARE``: the
estimate from 24 ids is rough)."""
SIMILAR_SHARE = 0.3
"""Share of a review's claims that must be found word for word in the new text."""


def sketch_of(claim_ids: Iterable[str]) -> tuple[str, ...]:
    """The sample of analysis claim ids kept in the index (manual claims' ids are random, and
    would never match another text's analysis). Made on every save: the few smallest are
    picked rather than all sorted (2 ms instead of 5 for 8,500 claims)."""
    auto = {cid for cid in claim_ids if not cid.startswith("m-")}
    return tuple(cid for _, cid in heapq.nsmallest(
        SKETCH_SIZE, ((cid[cid.rfind("-") + 1:], cid) for cid in auto)))


def sketch_share(sketch: Iterable[str], claim_ids: set[str]) -> float:
    sample = list(sketch)
    if not sample:
        return 0.0
    return sum(1 for cid in sample if cid in claim_ids) / len(sample)


def claims_share(claims: Mapping[str, ReviewClaim], text: str) -> float:
    """Share of the review's placed claims whose exact words are in ``text``."""
    words = [c.anchor.exact for c in claims.values() if c.anchor.exact and not c.orphaned]
    if not words:
        return 0.0
    return sum(1 for exact in words if exact in text) / len(words)
