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
import re
from bisect import bisect_left
from collections.abc import Sequence

from reader.analysis.model import Claim, ClaimKind, Figure, Mention, Quote, Sentence
from reader.analysis.paragraphs import Paragraph
from reader.analysis.quotes import QuoteIndex
from reader.analysis.speakers import Cue

_WORDS = re.compile(r"\w+")
_ID_LENGTH = 12


def claim_id(kind: str, text: str, occurrence: int) -> str:
    """A short stable id from the claim's kind, normalised words and occurrence index."""
    words = " ".join(_WORDS.findall(text.casefold()))
    key = f"{kind}\x1f{words}\x1f{occurrence}".encode("utf-8", "surrogatepass")
    return f"{kind[0]}-{hashlib.sha1(key).hexdigest()[:_ID_LENGTH]}"


def build_claims(
    text: str,
    paragraphs: Sequence[Paragraph],
    sentences: Sequence[Sentence],
    quotes: Sequence[Quote],
    figures: Sequence[Figure],
    sentence_cues: dict[int, Cue],
    index: QuoteIndex,
) -> list[Claim]:
    figure_starts = [f.start for f in figures]
    quote_starts = [q.start for q in quotes]
    pending: list[tuple[int, int, ClaimKind, int, int, Mention | None, str | None,
                        tuple[int, ...], tuple[int, ...]]] = []
    for number, quote in enumerate(quotes):
        if quote.kind == "term" and quote.speaker is None:
            continue
        inside = _between(figure_starts, quote.start, quote.end)
        pending.append((quote.start, 0, "quote", quote.start, quote.end, quote.speaker, quote.cue,
                        (number,), inside))
    heading_spans = [(p.start, p.end) for p in paragraphs if p.kind == "heading"]
    heading_starts = [h[0] for h in heading_spans]
    for number, sentence in enumerate(sentences):
        if _in_heading(heading_starts, heading_spans, sentence.start):
            continue
        in_figures = _between(figure_starts, sentence.start, sentence.end)
        outside = tuple(i for i in in_figures if not index.inside(figures[i].start))
        cue = sentence_cues.get(number)
        speaker = cue.speaker if cue is not None else None
        mention = Mention(speaker.name, speaker.start, speaker.end) if speaker else None
        verb = cue.verb if cue is not None and speaker is not None else None
        in_quotes = _between(quote_starts, sentence.start, sentence.end)
        if outside:
            pending.append((sentence.start, 1, "figure", sentence.start, sentence.end, mention,
                            verb, in_quotes, in_figures))
        elif (mention is not None and not in_quotes and not in_figures
              and index.gaps(sentence.start, sentence.end) == [(sentence.start, sentence.end)]
              and any(c.isupper() for c in mention.name)):
            pending.append((sentence.start, 2, "attribution", sentence.start, sentence.end,
                            mention, verb, (), ()))
    pending.sort(key=lambda p: (p[0], p[1]))
    seen: dict[tuple[str, str], int] = {}
    claims: list[Claim] = []
    for _pos, _order, kind, start, end, mention, verb, quote_ids, figure_ids in pending:
        claim_text = text[start:end]
        key = (kind, " ".join(_WORDS.findall(claim_text.casefold())))
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        claims.append(Claim(
            id=claim_id(kind, claim_text, occurrence),
            kind=kind,
            start=start,
            end=end,
            text=claim_text,
            speaker=mention,
            cue=verb,
            quotes=quote_ids,
            figures=figure_ids,
        ))
    return claims


def _between(starts: list[int], start: int, end: int) -> tuple[int, ...]:
    first = bisect_left(starts, start)
    last = bisect_left(starts, end, lo=first)
    return tuple(range(first, last))


def _in_heading(starts: list[int], spans: list[tuple[int, int]], pos: int) -> bool:
    index = bisect_left(starts, pos + 1) - 1
    return index >= 0 and spans[index][0] <= pos < spans[index][1]
