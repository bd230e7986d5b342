"""For any string: no exception, spans in bounds and equal to their slice, no overlapping quotes,
the same result twice."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.analysis import analyse
from reader.analysis.model import Analysis
from reader.document.model import Block

# Text built from the characters the analysis reacts to, so that random strings hit its rules.
PIECES = st.sampled_from([
    "“", "”", '"', "'", "‘", "’", "«", "»", "„", "‹", "›", " ", "\n", "\n\n", ".", ",", ":",
    "-", "–", "$", "£", "€", "%", "said", " he said", " she said", "according to", "Ann Lee",
    "Gov.", "U.S.", "Dr.", "Mr", "one", "two dozen", "hundreds", "3", "3.5", "1,200", "2024",
    "March", "bn", "million", "per cent", "years", "-day", "between", " and ", "about", "the",
    "’90s", "n", "s", "A", "x", "• ", "(", ")", "\t", "é", "Зеленський",
])
NEWSY = st.lists(PIECES, max_size=60).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=300), NEWSY)


def check(text: str, analysis: Analysis) -> None:
    size = len(text)
    for sentence in analysis.sentences:
        assert 0 <= sentence.start <= sentence.end <= size
    for item in (*analysis.quotes, *analysis.figures, *analysis.claims):
        assert 0 <= item.start < item.end <= size
        assert text[item.start:item.end] == item.text
    for quote in analysis.quotes:
        for start, end in (*quote.nested, *quote.parts):
            assert quote.start <= start < end <= quote.end
        if quote.speaker is not None:
            assert 0 <= quote.speaker.start < quote.speaker.end <= size
    ordered = sorted(analysis.quotes, key=lambda q: q.start)
    for first, second in pairwise(ordered):
        assert first.end <= second.start
    for claim in analysis.claims:
        assert all(0 <= i < len(analysis.quotes) for i in claim.quotes)
        assert all(0 <= i < len(analysis.figures) for i in claim.figures)
    assert len({c.id for c in analysis.claims}) == len(analysis.claims)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_any_text_is_analysed_safely_and_deterministically(text: str) -> None:
    analysis = analyse(text)
    check(text, analysis)
    assert analyse(text) == analysis


@settings(max_examples=150, deadline=None)
@given(NEWSY, st.lists(st.tuples(st.integers(-5, 400), st.integers(-5, 400),
                                 st.sampled_from(["heading", "paragraph", "list_item",
                                                  "block_quote"])), max_size=6))
def test_any_blocks_are_tolerated(text: str, raw_blocks: list[tuple[int, int, str]]) -> None:
    blocks = [Block(kind, start, end) for start, end, kind in raw_blocks]  # type: ignore[arg-type]
    analysis = analyse(text, blocks)
    check(text, analysis)
    assert analyse(text, blocks) == analysis
