"""Re-anchoring: finding each claim's words again in a text that changed since it was reviewed.

Order of attempts, as in the W3C Web Annotation robust-anchoring practice:

1. the exact words with their prefix and suffix where they were (an unchanged text);
2. the position hint: the old offsets carried through a diff of the old and new text (common
   prefix and suffix, then a line diff, then a character diff of small changed regions), used
   when the claim's words lie in a part of the text the edit did not touch and no other
   occurrence of them keeps more of their context;
3. every occurrence of the exact words, scored by how much of the stored prefix and suffix
   surrounds it, ties broken by closeness to the hint;
4. a fuzzy match (rapidfuzz) near the hint, accepted above ``FUZZY_THRESHOLD`` unless it lands
   on words another claim kept (a deleted sentence is not "found" in its near-twin neighbour).

A claim found nowhere is orphaned: kept with its words, prefix and suffix, and listed, never
deleted. Its offsets become the empty span where its words were (the old start carried through the
diff): offsets in a review file always index that file's text, and a later text that has the words
again finds them from there.
"""

from __future__ import annotations

import difflib
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from reader.analysis.model import Claim
from reader.store.model import Anchor, ReviewClaim, StatusChange

FUZZY_THRESHOLD = 85.0
"""Minimum rapidfuzz partial-ratio (0-100) for a changed passage to count as the claim's words."""
FUZZY_MIN_LENGTH = 12
"""Shorter passages ("40%", a name) are too easy to match by accident, so they are not fuzzed."""
FUZZY_WINDOW = 4000
"""How far around the old position a fuzzy match is looked for, in characters."""
CHAR_DIFF_LIMIT = 4_000_000
"""Largest (old length x new length) of a changed region diffed character by character
(about 2,000 x 2,000 characters, a few milliseconds); larger regions are diffed by lines."""


@dataclass(frozen=True, slots=True)
class ReanchorReport:
    """What happened to each claim: ids placed exactly, moved, fuzzily placed, orphaned, added."""

    unchanged: tuple[str, ...] = ()
    moved: tuple[str, ...] = ()
    fuzzy: tuple[str, ...] = ()
    orphaned: tuple[str, ...] = ()
    added: tuple[str, ...] = ()


def _common_prefix_length(a: str, b: str) -> int:
    """Length of the common prefix, by bisection over slice comparisons (done in C)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix_length(a: str, b: str) -> int:
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid :] == b[len(b) - mid :]:
            lo = mid
        else:
            hi = mid - 1
    return lo


Block = tuple[int, int, int]  # (old start, old end, new start) of a run the edit left alone


def _char_blocks(old: str, new: str, a0: int, b0: int, blocks: list[Block]) -> None:
    from rapidfuzz.distance import Indel

    for op in Indel.opcodes(old, new):
        if op.tag == "equal":
            blocks.append((a0 + op.src_start, a0 + op.src_end, b0 + op.dest_start))


def _offsets(lines: list[str], base: int) -> list[int]:
    offsets = [base]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    return offsets


def unchanged_blocks(old: str, new: str) -> list[Block]:
    """The runs of ``old`` that reappear unchanged in ``new``, in order: the edit's complement."""
    head = _common_prefix_length(old, new)
    tail = _common_suffix_length(old[head:], new[head:])
    a1, b1 = len(old) - tail, len(new) - tail
    blocks: list[Block] = [(0, head, 0)] if head else []
    old_mid, new_mid = old[head:a1], new[head:b1]
    if old_mid and new_mid:
        if len(old_mid) * len(new_mid) <= CHAR_DIFF_LIMIT:
            _char_blocks(old_mid, new_mid, head, head, blocks)
        else:
            old_lines = old_mid.splitlines(keepends=True)
            new_lines = new_mid.splitlines(keepends=True)
            old_at, new_at = _offsets(old_lines, head), _offsets(new_lines, head)
            matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                a_start, a_end, b_start, b_end = old_at[i1], old_at[i2], new_at[j1], new_at[j2]
                if tag == "equal":
                    blocks.append((a_start, a_end, b_start))
                elif tag == "replace" and (a_end - a_start) * (b_end - b_start) <= CHAR_DIFF_LIMIT:
                    _char_blocks(old[a_start:a_end], new[b_start:b_end], a_start, b_start, blocks)
    if tail:
        blocks.append((a1, len(old), b1))
    return blocks


class PositionMap:
    """Carries offsets of the old text to the new one through ``unchanged_blocks``."""

    def __init__(self, old: str, new: str) -> None:
        self.blocks = unchanged_blocks(old, new)
        self.starts = [block[0] for block in self.blocks]
        self.scale = len(new) / len(old) if old else 1.0

    def exact(self, start: int, end: int) -> int | None:
        """The new start of ``old[start:end]`` if the edit left all of it alone."""
        i = bisect_right(self.starts, start) - 1
        if i >= 0:
            a_start, a_end, b_start = self.blocks[i]
            if end <= a_end:
                return b_start + start - a_start
        return None

    def hint(self, start: int) -> int:
        """Where ``start`` most likely went: through the nearest unchanged run before it."""
        i = bisect_right(self.starts, start) - 1
        if i < 0:
            return round(start * self.scale)
        a_start, a_end, b_start = self.blocks[i]
        return b_start + min(start, a_end) - a_start


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
    return (_common_suffix_length(anchor.prefix, before)
            + _common_prefix_length(anchor.suffix, after))


def _fuzzy_place(anchor: Anchor, text: str, hint: int,
                 blocked: Sequence[tuple[int, int]] = ()) -> tuple[int, int] | None:
    """Best fuzzy match of the anchor's words near ``hint``, ignoring the ``blocked`` spans
    (other claims' words that kept their place), widened to whole words."""
    if len(anchor.exact.strip()) < FUZZY_MIN_LENGTH:
        return None
    from rapidfuzz import fuzz  # only needed when the text changed around a claim

    lo = max(0, hint - FUZZY_WINDOW)
    hi = min(len(text), hint + len(anchor.exact) + FUZZY_WINDOW)
    window = text[lo:hi]
    if blocked:
        chars = list(window)
        for start, end in blocked:
            for i in range(max(start, lo), min(end, hi)):
                chars[i - lo] = "\x00"
        window = "".join(chars)
    result = fuzz.partial_ratio_alignment(anchor.exact, window, score_cutoff=FUZZY_THRESHOLD)
    if result is None or result.dest_end <= result.dest_start:
        return None
    start, end = lo + result.dest_start, lo + result.dest_end
    # The alignment has the claim's length: realign the words on a slightly wider stretch to
    # find where they really begin and end, then widen to whole words ("coast" -> "coastline").
    from rapidfuzz.distance import Indel

    slack = max(4, len(anchor.exact) // 5)
    a, b = max(0, start - slack), min(len(text), end + slack)
    equal = [op for op in Indel.opcodes(anchor.exact, text[a:b]) if op.tag == "equal"]
    if equal:
        start, end = a + equal[0].dest_start, a + equal[-1].dest_end
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    return start, end


def place_anchors(
    anchors: Mapping[str, Anchor], old_text: str, text: str
) -> dict[str, tuple[int, int, str] | None]:
    """Where each anchor's words are in ``text``: ``(start, end, how)`` with ``how`` one of
    "unchanged", "moved", "fuzzy"; None when they are nowhere.

    Anchors with the same exact words share the occurrences found by searching: each goes to the
    anchor whose context fits it best, so two identical quotes do not both land on the first.
    """
    result: dict[str, tuple[int, int, str] | None] = {}
    positions: PositionMap | None = None
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
            continue
        if not anchor.exact:
            result[claim_id] = None
            continue
        if positions is None:
            positions = PositionMap(old_text, text)
        mapped = positions.exact(start, end)
        if mapped is not None and text[mapped : mapped + len(anchor.exact)] == anchor.exact:
            # Trust the diff unless another occurrence has more of the claim's context: the
            # diff aligns characters, and may pair a quote with its twin after a reordering.
            score = _context_score(anchor, text, mapped)
            if score == len(anchor.prefix) + len(anchor.suffix) or score >= max(
                    _context_score(anchor, text, other)
                    for other in _occurrences(text, anchor.exact)):
                result[claim_id] = (mapped, mapped + len(anchor.exact), "moved")
                taken[anchor.exact].add(mapped)
                continue
        groups[anchor.exact][anchor].append(claim_id)
    unplaced: list[tuple[Anchor, list[str], int]] = []
    for exact, by_anchor in groups.items():
        assert positions is not None
        free = [s for s in _occurrences(text, exact) if s not in taken[exact]]
        anchor_list = list(by_anchor)
        hints = [positions.hint(anchor.start) for anchor in anchor_list]
        # Score every (anchor, occurrence) pair; assign best first, one anchor per occurrence.
        pairs = []
        for index, anchor in enumerate(anchor_list):
            for start in free:
                pairs.append((-_context_score(anchor, text, start), abs(start - hints[index]),
                              index, start))
        pairs.sort()
        placed_at: dict[int, tuple[int, int, str] | None] = {}
        used: set[int] = set()
        for _, _, index, start in pairs:
            if index in placed_at or start in used:
                continue
            placed_at[index] = (start, start + len(exact), "moved")
            used.add(start)
        for index, anchor in enumerate(anchor_list):
            if index in placed_at:
                for claim_id in by_anchor[anchor]:
                    result[claim_id] = placed_at[index]
            else:
                unplaced.append((anchor, by_anchor[anchor], hints[index]))
    # Fuzzy last, once every exact placement is known: a fuzzy match may not land on another
    # claim's words that kept their place (unless the two claims overlapped before), or a
    # deleted sentence would be "found" in its near-identical neighbour.
    kept = sorted((placed[0], placed[1], anchors[cid].start, anchors[cid].end)
                  for cid, placed in result.items() if placed is not None)
    for anchor, claim_ids, hint in unplaced:
        lo, hi = hint - FUZZY_WINDOW, hint + len(anchor.exact) + FUZZY_WINDOW
        blocked = [(start, end) for start, end, old_start, old_end in kept
                   if start < hi and end > lo
                   and not (old_start < anchor.end and anchor.start < old_end)]
        span = _fuzzy_place(anchor, text, hint, blocked)
        for claim_id in claim_ids:
            result[claim_id] = None if span is None else (*span, "fuzzy")
    return result


def reanchor(
    claims: Mapping[str, ReviewClaim],
    old_text: str,
    text: str,
    new_claims: Sequence[Claim] = (),
    now: str = "",
    record_rewording: bool = True,
) -> tuple[dict[str, ReviewClaim], ReanchorReport]:
    """Carry ``claims`` (anchored in ``old_text``) over to ``text``, then add the analysis'
    ``new_claims`` that are not already there as unreviewed auto claims.

    User decisions stay with their claim whatever happens; claims that cannot be placed are
    marked orphaned (and un-orphaned if a later text has their words again). A claim with a
    verdict whose words changed (placed fuzzily: "cited 14 times" now reads "15 times") keeps
    its verdict and gets a "reworded" history entry holding the old words (when ``now`` is
    given and ``record_rewording``), which flags it "needs re-check" until the user confirms
    or changes the verdict (``ReviewClaim.recheck``).
    """
    placements = place_anchors({cid: c.anchor for cid, c in claims.items()}, old_text, text)
    positions: PositionMap | None = None
    out: dict[str, ReviewClaim] = {}
    unchanged: list[str] = []
    moved: list[str] = []
    fuzzy: list[str] = []
    orphaned: list[str] = []
    for claim_id, claim in claims.items():
        placed = placements[claim_id]
        if placed is None:
            if positions is None:
                positions = PositionMap(old_text, text)
            where = min(len(text), max(0, positions.hint(claim.anchor.start)))
            # The old offsets index the old text, which the review no longer holds: past the
            # end of a shortened text they would make the file fail its own validation.
            out[claim_id] = replace(claim, orphaned=True,
                                    anchor=replace(claim.anchor, start=where, end=where))
            orphaned.append(claim_id)
            continue
        start, end, how = placed
        anchor = Anchor.from_text(text, start, end)
        if anchor == claim.anchor and not claim.orphaned:
            out[claim_id] = claim
        else:
            history = claim.history
            if (record_rewording and now and anchor.exact != claim.anchor.exact
                    and claim.has_verdict):
                history = (*history, StatusChange(now, claim.status, claim.status, "",
                                                  "reworded", words=claim.anchor.exact))
            out[claim_id] = replace(claim, anchor=anchor, orphaned=False, history=history)
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
        speaker=claim.speaker.label if claim.speaker is not None else None,
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
