"""Re-anchoring: finding each claim's words again in a text that changed since it was reviewed.

Order of attempts, as in the W3C Web Annotation robust-anchoring practice: the exact words where
they were (the fast path for an unchanged text); every occurrence of the exact words, scored by how
much of the stored prefix and suffix surrounds it, ties broken by closeness to the old position;
then a fuzzy match (rapidfuzz) near the old position, accepted above ``FUZZY_THRESHOLD``. A claim
found nowhere is orphaned: kept with its old anchor and listed, never deleted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from reader.analysis.model import Claim
from reader.store.model import Anchor, ReviewClaim

FUZZY_THRESHOLD = 85.0
"""Minimum rapidfuzz partial-ratio (0-100) for a changed passage to count as the claim's words."""
FUZZY_MIN_LENGTH = 12
"""Shorter passages ("40%", a name) are too easy to match by accident, so they are not fuzzed."""
FUZZY_WINDOW = 4000
"""How far around the old position a fuzzy match is looked for, in characters."""


@dataclass(frozen=True, slots=True)
class ReanchorReport:
    """What happened to each claim: ids placed exactly, moved, fuzzily placed, orphaned, added."""

    unchanged: tuple[str, ...] = ()
    moved: tuple[str, ...] = ()
    fuzzy: tuple[str, ...] = ()
    orphaned: tuple[str, ...] = ()
    added: tuple[str, ...] = ()


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _occurrences(text: str, needle: str) -> list[int]:
    found: list[int] = []
    start = text.find(needle)
    while start != -1:
        found.append(start)
        start = text.find(needle, start + 1)
    return found


def _context_score(anchor: Anchor, text: str, start: int) -> int:
    end = start + len(anchor.exact)
    before = text[max(0, start - len(anchor.prefix)) : start]
    after = text[end : end + len(anchor.suffix)]
    return _common_suffix(anchor.prefix, before) + _common_prefix(anchor.suffix, after)


def _fuzzy_place(anchor: Anchor, text: str, hint: int) -> tuple[int, int] | None:
    if len(anchor.exact.strip()) < FUZZY_MIN_LENGTH:
        return None
    from rapidfuzz import fuzz  # only needed when the text changed around a claim

    lo = max(0, hint - FUZZY_WINDOW)
    hi = min(len(text), hint + len(anchor.exact) + FUZZY_WINDOW)
    result = fuzz.partial_ratio_alignment(anchor.exact, text[lo:hi],
                                          score_cutoff=FUZZY_THRESHOLD)
    if result is None or result.dest_end <= result.dest_start:
        return None
    return lo + result.dest_start, lo + result.dest_end


def place_anchors(
    anchors: Mapping[str, Anchor], old_length: int, text: str
) -> dict[str, tuple[int, int, str] | None]:
    """Where each anchor's words are in ``text``: ``(start, end, how)`` with ``how`` one of
    "unchanged", "moved", "fuzzy"; None when they are nowhere.

    Anchors with the same exact words share the occurrences: each occurrence goes to the anchor
    whose context fits it best, so two identical quotes do not both land on the first one.
    """
    scale = len(text) / old_length if old_length else 1.0
    result: dict[str, tuple[int, int, str] | None] = {}
    # Claims with identical anchors (a manual claim on an auto claim's words) move together.
    groups: dict[str, dict[Anchor, list[str]]] = defaultdict(lambda: defaultdict(list))
    taken: dict[str, set[int]] = defaultdict(set)
    for claim_id, anchor in anchors.items():
        start, end = anchor.start, anchor.end
        if (text[start:end] == anchor.exact
                and text[max(0, start - len(anchor.prefix)) : start] == anchor.prefix
                and text[end : end + len(anchor.suffix)] == anchor.suffix):
            result[claim_id] = (start, end, "unchanged")
            taken[anchor.exact].add(start)
        elif anchor.exact:
            groups[anchor.exact][anchor].append(claim_id)
        else:
            result[claim_id] = None
    for exact, by_anchor in groups.items():
        free = [s for s in _occurrences(text, exact) if s not in taken[exact]]
        # Score every (anchor, occurrence) pair; assign best first, one anchor per occurrence.
        pairs = []
        for index, anchor in enumerate(by_anchor):
            hint = round(anchor.start * scale)
            for start in free:
                pairs.append((-_context_score(anchor, text, start), abs(start - hint),
                              abs(start - anchor.start), index, start))
        pairs.sort()
        anchor_list = list(by_anchor)
        placed_at: dict[int, tuple[int, int, str] | None] = {}
        used: set[int] = set()
        for _, _, _, index, start in pairs:
            if index in placed_at or start in used:
                continue
            placed_at[index] = (start, start + len(exact), "moved")
            used.add(start)
        for index, anchor in enumerate(anchor_list):
            if index not in placed_at:
                fuzzy_span = _fuzzy_place(anchor, text, round(anchor.start * scale))
                placed_at[index] = None if fuzzy_span is None else (*fuzzy_span, "fuzzy")
            for claim_id in by_anchor[anchor]:
                result[claim_id] = placed_at[index]
    return result


def reanchor(
    claims: Mapping[str, ReviewClaim],
    old_text: str,
    text: str,
    new_claims: Sequence[Claim] = (),
    now: str = "",
) -> tuple[dict[str, ReviewClaim], ReanchorReport]:
    """Carry ``claims`` (anchored in ``old_text``) over to ``text``, then add the analysis'
    ``new_claims`` that are not already there as unreviewed auto claims.

    User decisions stay with their claim whatever happens; claims that cannot be placed are
    marked orphaned (and un-orphaned if a later text has their words again).
    """
    placements = place_anchors({cid: c.anchor for cid, c in claims.items()}, len(old_text), text)
    out: dict[str, ReviewClaim] = {}
    unchanged: list[str] = []
    moved: list[str] = []
    fuzzy: list[str] = []
    orphaned: list[str] = []
    for claim_id, claim in claims.items():
        placed = placements[claim_id]
        if placed is None:
            out[claim_id] = claim if claim.orphaned else replace(claim, orphaned=True)
            orphaned.append(claim_id)
            continue
        start, end, how = placed
        anchor = Anchor.from_text(text, start, end)
        if anchor == claim.anchor and not claim.orphaned:
            out[claim_id] = claim
        else:
            out[claim_id] = replace(claim, anchor=anchor, orphaned=False)
        {"unchanged": unchanged, "moved": moved, "fuzzy": fuzzy}[how].append(claim_id)
    added = add_analysis_claims(out, text, new_claims, now)
    return out, ReanchorReport(tuple(unchanged), tuple(moved), tuple(fuzzy), tuple(orphaned),
                               tuple(added))


def claim_from_analysis(claim: Claim, text: str, now: str) -> ReviewClaim:
    return ReviewClaim(
        id=claim.id,
        kind=claim.kind,
        origin="auto",
        anchor=Anchor.from_text(text, claim.start, claim.end),
        created=now,
        updated=now,
        speaker=claim.speaker.name if claim.speaker is not None else None,
        cue=claim.cue,
    )


def add_analysis_claims(
    claims: dict[str, ReviewClaim], text: str, new_claims: Iterable[Claim], now: str
) -> list[str]:
    """Add (in place) the analysis' claims not yet in ``claims``; returns the ids added.

    A claim counts as already there when its id is (ids depend only on the claim's words) or when
    an auto claim of the same kind covers exactly the same words. An orphaned claim whose id the
    analysis finds again is placed where the analysis found it.
    """
    spans = {(c.kind, c.anchor.start, c.anchor.end)
             for c in claims.values() if c.origin == "auto" and not c.orphaned}
    added: list[str] = []
    for claim in new_claims:
        existing = claims.get(claim.id)
        if existing is not None:
            if existing.orphaned and text[claim.start : claim.end]:
                claims[claim.id] = replace(existing, orphaned=False,
                                           anchor=Anchor.from_text(text, claim.start, claim.end))
            continue
        if (claim.kind, claim.start, claim.end) in spans:
            continue
        claims[claim.id] = claim_from_analysis(claim, text, now)
        spans.add((claim.kind, claim.start, claim.end))
        added.append(claim.id)
    return added
