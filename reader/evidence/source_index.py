"""An index of a source document's words, built once, that finds where a quote may be.

A 500-page transcript holds about 250,000 words; a quote is a few dozen. Comparing every quote
with every stretch of the source would cost seconds per quote, so the index answers a cheaper
question first: where do the quote's pairs of consecutive words (bigrams) occur? Each hit votes
for the place the quote would start if that pair is where it belongs; a passage the quote was
taken from collects many votes at one place, even when the article changed some words. Only
the few best-voted places are then aligned word by word (``reader.evidence.alignment``).

Memory and time grow linearly with the source: the words are kept as integer arrays (an id per
distinct word), and the bigram "posting lists" are one array of positions sorted by bigram plus
the sorted bigram codes to find a bigram's run by binary search, about 40 bytes a word in all.
"""

from __future__ import annotations

import itertools
from array import array
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.evidence.words import loose_key, word_key, word_pattern

Progress = Callable[[float], None]
"""Told the share of the work done, from 0 to 1."""

MAX_POSTINGS = 2000
"""A bigram found more often than this ("of the") says little about where a quote is; it is
left out of the vote unless the quote has nothing rarer."""
BUCKET = 8
"""Votes are counted per stretch of this many words: a passage with words added or dropped
shifts its later words' votes by as many places."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stretch of the source's words, ``[first, last)``, where a quote may be."""

    first: int
    last: int
    votes: int


class SourceIndex:
    """The words of one source text and where each word and word pair occurs."""

    def __init__(self, text: str, progress: Progress | None = None) -> None:
        tell = progress or (lambda share: None)
        self.text = text
        pattern = word_pattern()
        spans = [m.span() for m in pattern.finditer(text)]
        tell(0.25)
        folded = text.casefold() if text.isascii() else None
        if folded is not None:  # ASCII folding keeps every offset: slice the folded text
            keys = [folded[s:e] for s, e in spans]
        else:
            keys = [word_key(text[s:e]) for s, e in spans]
        self.starts = array("i", [s for s, _ in spans])
        self.ends = array("i", [e for _, e in spans])
        del spans
        tell(0.45)
        self.vocabulary: dict[str, int] = {}
        vocabulary = self.vocabulary
        ids = array("i", [vocabulary.setdefault(key, len(vocabulary)) for key in keys])
        del keys
        self.ids = ids
        self.loose_vocabulary: dict[str, int] = {}
        loose_ids = self.loose_vocabulary
        self.loose_of = array("i", [loose_ids.setdefault(loose_key(key), len(loose_ids))
                                    for key in vocabulary])
        loose_of = self.loose_of
        loose = array("i", [loose_of[word] for word in ids])
        self.loose = loose
        tell(0.6)
        count = len(loose_ids)
        self._width = max(count, 1)
        codes = [a * self._width + b for a, b in itertools.pairwise(loose)]
        order = sorted(range(len(codes)), key=codes.__getitem__)
        tell(0.85)
        self._bigram_positions = array("i", order)
        self._bigram_codes = array("q", [codes[i] for i in order])
        del codes, order
        # Single words (for one-word quotes and quotes whose every pair was changed): positions
        # grouped by word, each group's start in ``_word_starts``.
        counts = array("i", bytes(4 * (count + 1)))
        for word in loose:
            counts[word + 1] += 1
        for word in range(count):
            counts[word + 1] += counts[word]
        self._word_starts = counts
        positions = array("i", bytes(4 * len(loose)))
        filled = array("i", counts[:-1]) if count else array("i")
        for position, word in enumerate(loose):
            positions[filled[word]] = position
            filled[word] += 1
        self._word_positions = positions
        tell(1.0)

    def __len__(self) -> int:
        return len(self.ids)

    # Looking up -----------------------------------------------------------------------------

    def key_of(self, word: int) -> str:
        """The key (folded word) a word id stands for."""
        keys = getattr(self, "_keys", None)
        if keys is None:
            keys = [""] * len(self.vocabulary)
            for key, number in self.vocabulary.items():
                keys[number] = key
            self._keys = keys
        return keys[word]

    def word_id(self, key: str) -> int | None:
        return self.vocabulary.get(key)

    def loose_id(self, key: str) -> int | None:
        return self.loose_vocabulary.get(loose_key(key))

    def bigram_positions(self, first: int, second: int) -> Sequence[int]:
        """Where the loose words ``first`` then ``second`` occur (the first one's position)."""
        code = first * self._width + second
        lo = bisect_left(self._bigram_codes, code)
        hi = bisect_right(self._bigram_codes, code, lo)
        return self._bigram_positions[lo:hi]

    def word_positions(self, word: int) -> Sequence[int]:
        return self._word_positions[self._word_starts[word] : self._word_starts[word + 1]]

    def candidates(self, loose_words: Sequence[int | None], limit: int = 4,
                   slack: int | None = None) -> list[Candidate]:
        """The ``limit`` stretches of the source most likely to hold a quote whose words have
        these loose ids (None: a word the source never uses), best first, each wide enough
        (``slack`` words either side) for the alignment to find where the passage starts and
        ends."""
        size = len(loose_words)
        if slack is None:
            slack = max(4, size // 2)
        hits = self._bigram_hits(loose_words) or self._word_hits(loose_words)
        if not hits:
            return []
        votes: dict[int, int] = defaultdict(int)
        for offset, positions in hits:
            for position in positions:
                votes[(position - offset) // BUCKET] += 1
        scored = sorted(((votes[b] + votes.get(b - 1, 0) + votes.get(b + 1, 0), -b)
                         for b in list(votes)), reverse=True)
        chosen: list[Candidate] = []
        taken: set[int] = set()
        for score, negative in scored:
            bucket = -negative
            if bucket in taken:
                continue
            taken.update((bucket - 1, bucket, bucket + 1))
            first = max(0, (bucket - 1) * BUCKET - slack)
            last = min(len(self.ids), (bucket + 2) * BUCKET + size + slack)
            chosen.append(Candidate(first, last, score))
            if len(chosen) == limit:
                break
        return chosen

    def _bigram_hits(self, words: Sequence[int | None]) -> list[tuple[int, Sequence[int]]]:
        found = []
        for offset in range(len(words) - 1):
            first, second = words[offset], words[offset + 1]
            if first is None or second is None:
                continue
            positions = self.bigram_positions(first, second)
            if positions:
                found.append((offset, positions))
        return _informative(found)

    def _word_hits(self, words: Sequence[int | None]) -> list[tuple[int, Sequence[int]]]:
        found = [(offset, self.word_positions(word)) for offset, word in enumerate(words)
                 if word is not None]
        return _informative([(offset, positions) for offset, positions in found if positions])


def _informative(found: list[tuple[int, Sequence[int]]]) -> list[tuple[int, Sequence[int]]]:
    """The hits rare enough to say where a quote is; the three rarest when none is."""
    rare = [hit for hit in found if len(hit[1]) <= MAX_POSTINGS]
    if rare or not found:
        return rare
    return sorted(found, key=lambda hit: len(hit[1]))[:3]
