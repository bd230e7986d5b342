"""The analysis: sentences, quotes with their speakers, figures and claims. Qt-free.

``analyse(text, blocks)`` is the one entry point. It is deterministic, never raises on any
string, and every span it returns lies inside the text with ``text`` equal to the slice.
Quotes never overlap: a quote inside a quote is listed in its parent's ``nested`` (content
spans), and a quote running over several paragraphs is one quote whose ``parts`` give the
content in each paragraph.

The steps, one module each: ``paragraphs`` (units to work in), ``quotemarks`` (pairing marks),
``mentions`` and ``names`` (who is named), ``sentences``, ``speakers`` (reporting cues and
their subjects), ``quotes`` (kinds and attribution), ``figures`` with ``numbers_in_words``,
and ``claims``; ``evaluation`` scores the result against hand-made gold.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence

from reader.analysis import pattern_cache
from reader.analysis.claims import build_claims
from reader.analysis.datelines import dateline_spans, figures_in
from reader.analysis.figures import find_figures
from reader.analysis.mentions import PeopleIndex
from reader.analysis.model import Analysis, Claim, Figure, Mention, Quote, Sentence
from reader.analysis.paragraphs import paragraphs_of
from reader.analysis.quotemarks import find_quote_spans
from reader.analysis.quotes import QuoteIndex, find_quotes
from reader.analysis.sentences import split_sentences
from reader.analysis.speakers import SpeakerFinder
from reader.document.model import Block


def analyse(text: str, blocks: Sequence[Block] | None = None) -> Analysis:
    """Analyse ``text``; with ``blocks`` (a Document's), block boundaries bound sentences and
    quotes and headings hold no claims, otherwise paragraphs are split on blank lines."""
    if not isinstance(text, str) or not text:
        return Analysis()
    # The analysis allocates many small objects and no reference cycles: with the cyclic
    # collector paused, time stays linear in the text instead of growing with every full sweep.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _analyse(text, blocks)
    finally:
        if collecting:
            gc.enable()
        pattern_cache.save()  # patterns first compiled for this text (most runs: nothing)


def _analyse(text: str, blocks: Sequence[Block] | None) -> Analysis:
    paragraphs = paragraphs_of(text, blocks)
    spans = find_quote_spans(text, paragraphs)
    index = QuoteIndex.of(spans)
    headings = [(p.start, p.end) for p in paragraphs if p.kind == "heading"]
    excluded = sorted([(s, e) for s, e in zip(index.starts, index.ends, strict=True)] + headings)
    people = PeopleIndex(text, paragraphs, excluded)
    del excluded
    sentences = split_sentences(text, paragraphs)
    quotes, sentence_cues = find_quotes(text, paragraphs, sentences, spans,
                                        SpeakerFinder(text, people, index.inside), index)
    # Memory is part of the contract (under 10x the text): what only the quotes needed goes now.
    del spans, people
    figures = find_figures(text, paragraphs)
    # A byline's or dateline's date is highlighted but claims nothing.
    unclaimed = figures_in(dateline_spans(text, paragraphs), figures)
    del paragraphs
    claims = build_claims(text, headings, sentences, quotes, figures, sentence_cues, index,
                          unclaimed)
    del sentence_cues, index, headings
    # One list at a time becomes a tuple, so no two copies of every list are alive at once.
    sentence_tuple = tuple(sentences)
    del sentences
    quote_tuple = tuple(quotes)
    del quotes
    figure_tuple = tuple(figures)
    del figures
    claim_tuple = tuple(claims)
    del claims
    return Analysis(
        sentences=sentence_tuple,
        quotes=quote_tuple,
        figures=figure_tuple,
        claims=claim_tuple,
    )


pattern_cache.save()  # the patterns compiled while importing, when they were not kept yet

__all__ = ["Analysis", "Claim", "Figure", "Mention", "Quote", "Sentence", "analyse"]
