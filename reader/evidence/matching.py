"""Finding a quote in a source: the best passage, how close it is, and what the article changed.

- **exact**: the passage has the quote's words, in order, whatever the quote marks, case,
  punctuation and spacing;
- **near**: some words differ; ``changes`` says which, word by word, and ``similarity`` is the
  share of words that did not have to change (1 - edits / the longer of quote and passage);
- **not_found**: no passage is at least ``NEAR_SIMILARITY`` similar.

An ellipsis in the quote ("…", "...", "[…]") stands for any run of source words: the words
between ellipses are found in order, each after the one before, at most ``MAX_GAP`` words
apart, and the words the ellipsis leaves out are not changes (``skipped``).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reader.evidence.alignment import Placement, best_placement, nearest_placement, word_changes
from reader.evidence.source_index import SourceIndex
from reader.evidence.words import Words, quote_segments

Result = str  # "exact" | "near" | "not_found"

NEAR_SIMILARITY = 0.65
"""Below this a passage is too different to be the quote's source: a 10-word quote with three
words changed is near (0.7), with four it is not (0.6). Measured by
tests/bench/bench_match_quotes.py: quotes with up to a quarter of their words changed come out
at 0.75 or more; "quotes" spliced from two half-sentences said far apart at 0.64 at most."""
CANDIDATES = 4
"""How many of the best-voted stretches are aligned for each quote (or part of one)."""
MAX_GAP = 2000
"""How many source words an ellipsis may stand for (several pages of a transcript)."""


@dataclass(frozen=True, slots=True)
class Change:
    """One difference, from the source to the article: "insert" (words the article added),
    "delete" (source words it left out) or "replace". ``start``/``end``: the source words'
    offsets in the source text (an insert's: where the article's words go)."""

    op: str
    article: str
    source: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """The best passage for one quote in one source. Offsets index the source's text; they and
    ``passage`` are None when the quote was not found (``similarity`` is then that of the
    closest passage seen, which was too different)."""

    result: Result
    similarity: float
    start: int | None = None
    end: int | None = None
    passage: str | None = None
    changes: tuple[Change, ...] = ()
    skipped: tuple[tuple[int, int], ...] = ()

    @property
    def found(self) -> bool:
        return self.result != "not_found"


NOT_FOUND = QuoteMatch("not_found", 0.0)


@dataclass(frozen=True, slots=True)
class _Part:
    """One run of the quote's words between ellipses, as the source's word ids."""

    words: Words
    ids: tuple[int, ...]
    loose: tuple[int | None, ...]


def _parts(index: SourceIndex, quote: str) -> list[_Part]:
    unknown: dict[str, int] = {}
    parts = []
    for segment in quote_segments(quote):
        ids = []
        for key in segment.keys:
            found = index.word_id(key)
            if found is None:  # a word the source never uses: its own id, matching nothing
                found = unknown.setdefault(key, -1 - len(unknown))
            ids.append(found)
        parts.append(_Part(segment, tuple(ids), tuple(index.loose_id(k) for k in segment.keys)))
    return parts


def find_quote(index: SourceIndex, quote: str) -> QuoteMatch:
    """The best passage for ``quote`` in the indexed source."""
    parts = _parts(index, quote)
    if not parts:
        return NOT_FOUND
    anchor = max(range(len(parts)), key=lambda i: len(parts[i].ids))
    best: tuple[float, int, list[Placement | None]] | None = None
    seen: set[tuple[int, int]] = set()
    for candidate in index.candidates(parts[anchor].loose, CANDIDATES):
        placed = best_placement(parts[anchor].ids, index.ids, candidate.first, candidate.last)
        if placed is None or (placed.first, placed.last) in seen:
            continue
        seen.add((placed.first, placed.last))
        chain = _chain(index, parts, anchor, placed)
        score = _similarity(parts, chain)
        key = (score, -placed.first)
        if best is None or key > (best[0], best[1]):
            best = (score, -placed.first, chain)
    if best is None:
        return NOT_FOUND
    similarity, _, chain = best
    if similarity < NEAR_SIMILARITY:
        return QuoteMatch("not_found", round(similarity, 4))
    widened = _widened(index, parts, chain)
    if widened is not None and _similarity(parts, widened) >= NEAR_SIMILARITY:
        chain, similarity = widened, _similarity(parts, widened)
    return _described(index, parts, chain, similarity)


WIDEN = 3
"""How many source words past a passage's end (or before its start) may hold the other form of
the quote's last (or first) word."""


def _widened(index: SourceIndex, parts: list[_Part],
             chain: list[Placement | None]) -> list[Placement | None] | None:
    """The chain with its outer ends moved to take in the source's form of a changed first or
    last word, or None when neither end moves.

    The fewest-edits passage cuts a changed ending short: the article's "doing nothing costs"
    against the source's "doing nothing would cost us" is one edit when the passage stops at
    "would" (costs for would) and three when it takes in "would cost". Shown as "changed
    'would' to 'costs'", that misleads a fact-checker; "changed 'would cost' to 'costs'" is
    what the article did. So when the quote's last word differs from the passage's, and one of
    the next few source words is a form of it ("cost"), the passage runs to that word; the same
    for the first word, looking back."""
    placed = [number for number, p in enumerate(chain) if p is not None]
    if not placed:
        return None
    new = list(chain)
    ids = index.ids
    head, tail = placed[0], placed[-1]
    first_part, last_part = parts[head], parts[tail]
    p = new[tail]
    assert p is not None
    if ids[p.last - 1] != last_part.ids[-1]:
        wanted = last_part.words.keys[-1]
        for end in range(p.last, min(len(ids), p.last + WIDEN)):
            if ids[end] == last_part.ids[-1] or _forms_of_one_word(index.key_of(ids[end]),
                                                                   wanted):
                new[tail] = _placed(index, last_part, p.first, end + 1)
                break
    p = new[head]
    assert p is not None
    if ids[p.first] != first_part.ids[0]:
        wanted = first_part.words.keys[0]
        for start in range(p.first - 1, max(-1, p.first - 1 - WIDEN), -1):
            if ids[start] == first_part.ids[0] or _forms_of_one_word(index.key_of(ids[start]),
                                                                     wanted):
                new[head] = _placed(index, first_part, start, p.last)
                break
    return new if new != chain else None


def _placed(index: SourceIndex, part: _Part, first: int, last: int) -> Placement:
    from rapidfuzz.distance import Levenshtein

    return Placement(first, last, Levenshtein.distance(list(index.ids[first:last]),
                                                       list(part.ids)))


def _forms_of_one_word(one: str, other: str) -> bool:
    """"cost" and "costs", "build" and "building", "said" and "says": one stem, as far as a
    shared beginning of four letters (or the whole of a shorter word) shows."""
    if one == other:
        return True
    shared = next((i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b),
                  min(len(one), len(other)))
    return shared >= 4 or (shared >= 3 and shared == min(len(one), len(other)))


def _chain(index: SourceIndex, parts: list[_Part], anchor: int,
           placed: Placement) -> list[Placement | None]:
    """Each part's passage, the anchor part's being ``placed``: the parts before it found
    backwards from it and those after it forwards, each within MAX_GAP words of its
    neighbour (None: a part found nowhere near, all its words counted as added)."""
    chain: list[Placement | None] = [None] * len(parts)
    chain[anchor] = placed
    edge = placed.first
    for number in range(anchor - 1, -1, -1):
        size = len(parts[number].ids)
        found = nearest_placement(parts[number].ids, index.ids,
                                  max(0, edge - MAX_GAP - 2 * size), edge, before=True)
        chain[number] = found
        if found is not None:
            edge = found.first
    edge = placed.last
    for number in range(anchor + 1, len(parts)):
        size = len(parts[number].ids)
        found = nearest_placement(parts[number].ids, index.ids, edge,
                                  min(len(index.ids), edge + MAX_GAP + 2 * size), before=False)
        chain[number] = found
        if found is not None:
            edge = found.last
    return chain


def _similarity(parts: list[_Part], chain: list[Placement | None]) -> float:
    quote_words = sum(len(part.ids) for part in parts)
    passage_words = sum(p.last - p.first for p in chain if p is not None)
    edits = sum(p.distance if p is not None else len(part.ids)
                for part, p in zip(parts, chain, strict=True))
    return max(0.0, 1.0 - edits / max(quote_words, passage_words, 1))


def _described(index: SourceIndex, parts: list[_Part], chain: list[Placement | None],
               similarity: float) -> QuoteMatch:
    text = index.text
    starts, ends = index.starts, index.ends
    changes: list[Change] = []
    placed = [p for p in chain if p is not None]
    for number, (part, p) in enumerate(zip(parts, chain, strict=True)):
        words = part.words
        if p is None:  # found nowhere near: the article's words, added where they would go
            at = _insert_point(index, chain, number)
            changes.append(Change("insert", words.span_text(0, len(words)), "", at, at))
            continue
        for op, s1, s2, a1, a2 in word_changes(index.ids[p.first : p.last], part.ids):
            s1, s2 = p.first + s1, p.first + s2
            if s1 < s2:
                start, end = starts[s1], ends[s2 - 1]
            else:  # an insert: after the word before, or before the passage's first word
                start = end = ends[s1 - 1] if s1 > p.first else starts[p.first]
            changes.append(Change(op, words.span_text(a1, a2), text[start:end], start, end))
    first, last = placed[0], placed[-1]
    start, end = starts[first.first], ends[last.last - 1]
    skipped = tuple((ends[a.last - 1], starts[b.first]) for a, b in itertools.pairwise(placed)
                    if starts[b.first] > ends[a.last - 1])
    exact = all(p is not None and p.distance == 0 for p in chain)
    return QuoteMatch("exact" if exact else "near", 1.0 if exact else round(similarity, 4),
                      start, end, text[start:end], tuple(changes), skipped)


def _insert_point(index: SourceIndex, chain: list[Placement | None], number: int) -> int:
    """Where the words of a part found nowhere would go: after the part before it."""
    for p in reversed(chain[:number]):
        if p is not None:
            return index.ends[p.last - 1]
    for p in chain[number + 1 :]:
        if p is not None:
            return index.starts[p.first]
    return 0


def is_same_text(article_text: str, source: SourceIndex) -> bool:
    """Whether the source holds the article's own words (the article given as its source)."""
    words = Words.of(article_text)
    return len(words) == len(source) and all(
        source.word_id(key) == word for key, word in zip(words.keys, source.ids, strict=True))


def find_quotes(quotes: Iterable[tuple[str, str]], sources: Sequence[tuple[str, SourceIndex]],
                progress: Callable[[int, int], None] | None = None
                ) -> dict[str, dict[str, QuoteMatch]]:
    """Every quote (id, words) in every source (id, index): ``{quote id: {source id: match}}``.
    ``progress(done, total)`` after each pair."""
    quotes = list(quotes)
    total = len(quotes) * len(sources)
    found: dict[str, dict[str, QuoteMatch]] = {}
    done = 0
    for quote_id, words in quotes:
        found[quote_id] = {}
        for source_id, index in sources:
            found[quote_id][source_id] = find_quote(index, words)
            done += 1
            if progress is not None:
                progress(done, total)
    return found
