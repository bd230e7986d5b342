"""The claim memory: every stored review searchable, and claims recognised when they were seen
before. Qt-free.

An SQLite (FTS5) index derived from the review files and rebuilt from them when missing, stale
or damaged (``index``); full-text search with filters (``search``); "seen before" for a new
article's claims (``seen_before``), comparing claims as ``words`` reads them. The JSON store
stays the truth: nothing is ever written back to it from here.

``ClaimMemory(store_root)`` opens the index of a store; ``sync()`` brings it up to date;
``memory.guarded(lambda db: search(db, query))`` runs a query, rebuilding a damaged index
first. ``seen_before_of(memory, review)`` looks up a whole review's claims.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported for the type only: this package is loaded by commands that
    from reader.memory.index import ClaimMemory  # may never use it
    from reader.memory.seen_before import Probe, SeenBefore
    from reader.store.model import Review


def probes_of(review: Review) -> list[Probe]:
    """The claims of ``review`` to look up (dismissed ones aside), in the article's order."""
    from reader.memory.seen_before import Probe

    return [Probe(claim.id, claim.text, claim.speaker, claim.kind)
            for claim in review.ordered_claims() if not claim.dismissed]


def seen_before_of(memory: ClaimMemory, review: Review,
                   review_id: str | None = None) -> dict[str, list[SeenBefore]]:
    """For each claim of ``review`` (dismissed ones aside) seen before in another review, the
    earlier claims, closest first. ``review_id``: the review's file name when it differs from
    the id inside it."""
    return seen_before_probes(memory, probes_of(review), review_id or review.review_id)


def seen_before_probes(memory: ClaimMemory, probes: list[Probe],
                       own: str | None) -> dict[str, list[SeenBefore]]:
    """For each probe seen before in a review other than ``own``, the earlier claims."""
    from reader.memory.seen_before import seen_before

    return memory.guarded(lambda db: seen_before(db, probes, exclude_review=own))  # type: ignore[return-value]
