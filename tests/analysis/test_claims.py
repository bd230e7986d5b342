"""Claims: one per quote, per figure sentence and per attributed sentence; ids that stay put."""

from __future__ import annotations

from reader.analysis import analyse
from reader.document.model import Block

ARTICLE = (
    "Health Minister Ada Kowal said hospitals would get new beds.\n\n"
    "“We have waited long enough,” Kowal said.\n\n"
    "The plan costs $2 billion over five years.\n\n"
    "The weather was mild."
)


def test_claim_kinds_and_contents() -> None:
    analysis = analyse(ARTICLE)
    kinds = [(c.kind, c.text) for c in analysis.claims]
    assert kinds == [
        ("attribution", "Health Minister Ada Kowal said hospitals would get new beds."),
        ("quote", "We have waited long enough,"),
        ("figure", "The plan costs $2 billion over five years."),
    ]
    attribution, quote, figure = analysis.claims
    assert attribution.speaker is not None and attribution.speaker.name == "Ada Kowal"
    assert attribution.cue == "said"
    assert quote.speaker is not None and quote.speaker.name == "Ada Kowal"
    assert quote.quotes == (0,)
    assert [analysis.figures[i].text for i in figure.figures] == ["$2 billion", "five years"]


def test_every_claim_span_is_its_text() -> None:
    analysis = analyse(ARTICLE)
    for claim in analysis.claims:
        assert ARTICLE[claim.start:claim.end] == claim.text


def test_ids_are_stable_and_survive_edits_elsewhere() -> None:
    before = {c.text: c.id for c in analyse(ARTICLE).claims}
    assert before == {c.text: c.id for c in analyse(ARTICLE).claims}
    edited = "A new first paragraph about 40 people.\n\n" + ARTICLE.replace("mild", "cold")
    after = {c.text: c.id for c in analyse(edited).claims}
    for text, claim_id in before.items():
        assert after[text] == claim_id


def test_identical_claims_get_distinct_ids_by_occurrence() -> None:
    text = "It cost $5 million.\n\nIt cost $5 million."
    ids = [c.id for c in analyse(text).claims]
    assert len(ids) == 2 and ids[0] != ids[1]


def test_figures_inside_quotes_make_a_quote_claim_only() -> None:
    text = "“We lost 40 homes,” Mayor Ida Park said."
    analysis = analyse(text)
    assert [c.kind for c in analysis.claims] == ["quote"]
    assert analysis.claims[0].figures == (0,)


def test_headings_hold_no_claims() -> None:
    text = "Minister says 40 beds will open\n\nThe wards open in May 2026."
    blocks = (Block("heading", 0, 31, 2), Block("paragraph", 33, len(text)))
    analysis = analyse(text, blocks)
    assert [c.text for c in analysis.claims] == ["The wards open in May 2026."]
    assert any(f.text == "40" for f in analysis.figures)


def test_unnamed_sources_make_no_attribution_claim() -> None:
    assert analyse("Officials said the road would reopen soon.").claims == ()


def test_only_reported_speech_makes_a_sentence_without_quotes_a_claim() -> None:
    # The verbs that attribute quotes ("accused … of being “weak”") are not all reported
    # speech: "thanked the volunteers" reports nobody's words.
    text = ("Mayor Ann Lee thanked the volunteers. Harbour Rail released its results. "
            "Harbour Rail said the line would close.")
    kinds = [(c.kind, c.text) for c in analyse(text).claims]
    assert kinds == [("attribution", "Harbour Rail said the line would close.")]
