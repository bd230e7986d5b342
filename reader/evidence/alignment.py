"""Word-level alignment of a quote with a stretch of a source: where the best passage starts and
ends, how many words differ, and which.

The passage is the stretch of the source whose words are fewest edits (a word added, dropped or
changed) from the quote's: approximate substring matching. Myers' bit-parallel algorithm
(Myers 1999, in Hyyrö's formulation) does it in one pass over the stretch with the quote's
positions as the bits of Python integers, so a 40-word quote costs a dozen integer operations
per source word. A second pass, backwards from the best end, finds the start. The word-level
changes of the chosen passage then come from rapidfuzz's Levenshtein opcodes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Placement:
    """The passage ``[first, last)`` of the source's words and its distance (words added,
    dropped or changed) from the pattern."""

    first: int
    last: int
    distance: int


def _bit_masks(pattern: Sequence[int]) -> dict[int, int]:
    masks: dict[int, int] = {}
    for position, word in enumerate(pattern):
        masks[word] = masks.get(word, 0) | (1 << position)
    return masks


def _scores(pattern: Sequence[int], words: Sequence[int], anchored: bool) -> list[int]:
    """For each ``j``, the fewest edits between ``pattern`` and the best stretch of ``words``
    ending at ``j`` (inclusive); ``anchored``: the stretch must start at ``words[0]``."""
    size = len(pattern)
    masks = _bit_masks(pattern)
    full = (1 << size) - 1
    top = 1 << (size - 1)
    carry = 1 if anchored else 0
    vp, vn, score = full, 0, size
    scores = []
    get = masks.get
    for word in words:
        eq = get(word, 0)
        xv = eq | vn
        xh = (((eq & vp) + vp) ^ vp) | eq
        hp = vn | (full & ~(xh | vp))
        hn = vp & xh
        if hp & top:
            score += 1
        elif hn & top:
            score -= 1
        hp = ((hp << 1) | carry) & full
        hn = (hn << 1) & full
        vp = hn | (full & ~(xv | hp))
        vn = hp & xv
        scores.append(score)
    return scores


def _best(scores: list[int], limit: int) -> tuple[int, int] | None:
    """The (score, index) of the first lowest score, moved on along a run of equal scores
    (which takes a changed last word as a replacement rather than an addition)."""
    if not scores:
        return None
    low = min(scores)
    if low >= limit:
        return None
    index = scores.index(low)
    while index + 1 < len(scores) and scores[index + 1] == low:
        index += 1
    return low, index


def best_placement(pattern: Sequence[int], words: Sequence[int], first: int,
                   last: int) -> Placement | None:
    """The passage of ``words[first:last]`` closest to ``pattern``; None when none shares a
    word with it."""
    if not pattern or last <= first:
        return None
    stretch = words[first:last]
    found = _best(_scores(pattern, stretch, anchored=False), len(pattern))
    if found is None:
        return None
    distance, end = found
    backwards = _scores(pattern[::-1], stretch[end::-1], anchored=True)
    start_found = _best(backwards, len(pattern) + end + 2)
    assert start_found is not None
    length = start_found[1] + 1
    return Placement(first + end + 1 - length, first + end + 1, distance)


def nearest_placement(pattern: Sequence[int], words: Sequence[int], first: int, last: int,
                      before: bool) -> Placement | None:
    """The passage of ``words[first:last]`` closest to ``pattern`` and, among equally close
    ones, nearest the stretch's end (``before``: the pattern comes before what follows the
    stretch) or its start. For the parts of a quote an ellipsis separates."""
    if not pattern or last <= first:
        return None
    stretch = words[first:last]
    scores = _scores(pattern, stretch, anchored=False)
    low = min(scores)
    if low >= len(pattern):
        return None
    if before:
        end = len(scores) - 1 - scores[::-1].index(low)
    else:
        end = scores.index(low)
        while end + 1 < len(scores) and scores[end + 1] == low:
            end += 1
    backwards = _scores(pattern[::-1], stretch[end::-1], anchored=True)
    start_found = _best(backwards, len(pattern) + end + 2)
    assert start_found is not None
    length = start_found[1] + 1
    return Placement(first + end + 1 - length, first + end + 1, low)


def word_changes(source: Sequence[int], article: Sequence[int]) -> list[tuple[str, int, int,
                                                                               int, int]]:
    """The edits that turn the source's words into the article's: (op, source first, source
    last, article first, article last), op "insert" (the article added words), "delete" (it
    left some out) or "replace"."""
    from rapidfuzz.distance import Levenshtein  # imported when first needed: the window starts
    # without it

    changes: list[tuple[str, int, int, int, int]] = []
    for op in Levenshtein.opcodes(list(source), list(article)):
        if op.tag == "equal":
            continue
        if changes and changes[-1][2] == op.src_start and changes[-1][4] == op.dest_start:
            # Edits side by side are one change ("would cost" to "costs"), not a replacement
            # and a word left out, which reads as if the other word had been kept.
            _, s1, _, a1, _ = changes[-1]
            changes[-1] = ("replace", s1, op.src_end, a1, op.dest_end)
        else:
            changes.append((op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end))
    return changes
