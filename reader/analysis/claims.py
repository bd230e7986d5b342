"""Claims: the checkable statements a fact-checker tags.

Each quote (full or partial; terms are not statements) is a quote claim with its speaker and
cue. Each sentence outside headings holding a figure outside quotes is a figure claim. Each
sentence of reported speech by a named source ("X said", "according to X") with neither quotes
nor figures is an attribution claim.

A claim's id hashes its kind, its words (case, spacing and quote-mark style folded) and its
occurrence index among claims with the same kind and words, so the same text always gives the
same ids and an edit elsewhere in the document changes no other claim's id.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Sequence

from reader.analysis.model import Claim, ClaimKind, Figure, Mention, Quote, Sentence
from reader.analysis.pattern_cache import regex
from reader.analysis.quotes import QuoteIndex
from reader.analysis.speakers import Cue

_WORDS = regex(r"\w+")
_ID_LENGTH = 12


def claim_id(kind: str, text: str, occurrence: int) -> str:
    """A short stable id from the claim's kind, normalised words and occurrence index."""
    return _id_of(kind, " ".join(_WORDS.findall(text.casefold())), occurrence)


def _id_of(kind: str, words: str, occurrence: int) -> str:
    key = f"{kind}\x1f{words}\x1f{occurrence}".encode("utf-8", "surrogatepass")
    return f"{kind[0]}-{hashlib.sha1(key).hexdigest()[:_ID_LENGTH]}"


def build_claims(
    text: str,
    heading_spans: Sequence[tuple[int, int]],
    sentences: Sequence[Sentence],
    quotes: Sequence[Quote],
    figures: Sequence[Figure],
    sentence_cues: list[Cue | None],
    index: QuoteIndex,
    unclaimed: frozenset[int] = frozenset(),
) -> list[Claim]:
    """Claims in document order (a quote before a sentence starting at the same place).

    Figures whose index is in ``unclaimed`` (a byline's or a dateline's date) make no sentence
    a figure claim and are not listed as a claim's figures.

    ``sentence_cues`` (by sentence number) is emptied as the sentences are read: memory is part
    of the contract."""
    builder = _ClaimList(text)
    # No lists of the figures' and quotes' starts: memory peaks while claims are built.
    heading_starts = [h[0] for h in heading_spans]
    figure_count = len(figures)
    inside = index.inside
    first_figure = 0
    next_quote = 0
    quote_count = len(quotes)
    first_quote = 0  # the first quote starting at or after the sentence
    quote_figures = _Pointer(figures)  # the figures inside each quote, quotes in order
    for number, sentence in enumerate(sentences):
        s_start, s_end = sentence.start, sentence.end
        while next_quote < quote_count and quotes[next_quote].start <= s_start:
            builder.add_quote(next_quote, quotes[next_quote], quote_figures)
            next_quote += 1
        while first_figure < figure_count and figures[first_figure].start < s_start:
            first_figure += 1
        last_figure = first_figure
        while last_figure < figure_count and figures[last_figure].start < s_end:
            last_figure += 1
        cue = sentence_cues[number]
        sentence_cues[number] = None  # each cue is freed once used
        if last_figure == first_figure and cue is None:
            continue  # most sentences: nothing to claim
        if heading_spans and _in_heading(heading_starts, heading_spans, s_start):
            continue
        in_figures = tuple(range(first_figure, last_figure))
        if unclaimed and in_figures:
            in_figures = tuple(i for i in in_figures if i not in unclaimed)
            if not in_figures and cue is None:
                continue
        outside = False
        for i in in_figures:
            if not inside(figures[i].start):
                outside = True
                break
        speaker = cue.speaker if cue is not None else None
        mention = (Mention(speaker.name, speaker.start, speaker.end, speaker.role)
                   if speaker else None)
        verb = cue.verb if cue is not None and speaker is not None else None
        if outside:
            while first_quote < quote_count and quotes[first_quote].start < s_start:
                first_quote += 1
            last_quote = first_quote
            while last_quote < quote_count and quotes[last_quote].start < s_end:
                last_quote += 1
            in_quotes = tuple(range(first_quote, last_quote))
            builder.add("figure", s_start, s_end, text[s_start:s_end], mention, verb, in_quotes,
                        in_figures)
        elif (speaker is not None and speaker.named and not in_figures
              and index.gaps(s_start, s_end) == [(s_start, s_end)]):
            builder.add("attribution", s_start, s_end, text[s_start:s_end], mention, verb, (),
                        ())
    while next_quote < quote_count:
        builder.add_quote(next_quote, quotes[next_quote], quote_figures)
        next_quote += 1
    return builder.claims


class _ClaimList:
    """Claims appended in document order, numbering identical ones as they come."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.claims: list[Claim] = []
        # Keyed by the digest of kind and words, not by the words: a document's worth of claim
        # words would otherwise stay in memory until the last claim is built.
        self._seen: dict[bytes, int] = {}

    def add_quote(self, number: int, quote: Quote, figures: _Pointer) -> None:
        if quote.kind == "term" and quote.speaker is None:
            return
        self.add("quote", quote.start, quote.end, quote.text, quote.speaker, quote.cue,
                 (number,), figures.between(quote.start, quote.end))

    def add(self, kind: ClaimKind, start: int, end: int, claim_text: str,
            mention: Mention | None, verb: str | None, quote_ids: tuple[int, ...],
            figure_ids: tuple[int, ...]) -> None:
        words = _normalised(claim_text)
        # The same hash as ``_id_of``, fed in two steps: kind and words, then the occurrence.
        digest = hashlib.sha1(f"{kind}\x1f{words}\x1f".encode("utf-8", "surrogatepass"))
        del words
        key = digest.digest()
        occurrence = self._seen.get(key, 0)
        self._seen[key] = occurrence + 1
        digest.update(str(occurrence).encode("ascii"))
        self.claims.append(Claim(
            id=f"{kind[0]}-{digest.hexdigest()[:_ID_LENGTH]}",
            kind=kind,
            start=start,
            end=end,
            text=claim_text,
            speaker=mention,
            cue=verb,
            quotes=quote_ids,
            figures=figure_ids,
        ))


# Each byte of ASCII text kept if it is a word character (what ``\w`` matches), else a space.
_ASCII_WORD_BYTES = bytes(
    c if c < 128 and (chr(c).isalnum() or chr(c) == "_") else 32 for c in range(256))


def _normalised(claim_text: str) -> str:
    """The claim's words, case-folded, one space apart: ``" ".join(_WORDS.findall(folded))``,
    with a faster path for ASCII text (most claims)."""
    folded = claim_text.casefold()
    if folded.isascii():
        return b" ".join(folded.encode("ascii").translate(_ASCII_WORD_BYTES).split()).decode(
            "ascii")
    return " ".join(_WORDS.findall(folded))


class _Pointer:
    """Indices of the figures starting in [start, end), for ranges asked in increasing order:
    a pointer that only moves forward (no list of starts to bisect)."""

    def __init__(self, items: Sequence[Figure]) -> None:
        self.items = items
        self.first = 0

    def between(self, start: int, end: int) -> tuple[int, ...]:
        items = self.items
        count = len(items)
        first = self.first
        while first < count and items[first].start < start:
            first += 1
        self.first = first
        last = first
        while last < count and items[last].start < end:
            last += 1
        return tuple(range(first, last))


def _in_heading(starts: list[int], spans: Sequence[tuple[int, int]], pos: int) -> bool:
    index = bisect_left(starts, pos + 1) - 1
    return index >= 0 and spans[index][0] <= pos < spans[index][1]
