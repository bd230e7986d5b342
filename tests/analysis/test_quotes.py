"""Quote marks of every style, apostrophes, nesting, multi-paragraph quotes and quote kinds."""

from __future__ import annotations

import pytest

from reader.analysis import analyse
from reader.document.model import Block


def quote_texts(text: str) -> list[str]:
    return [q.text for q in analyse(text).quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "we will win" today.', ["we will win"]),
        ("He said “we will win” today.", ["we will win"]),
        ('She called it “a mess," and left.', ["a mess,"]),
        ('She called it "a mess,” and left.', ["a mess,"]),
        ("He said ‘we will win’ today.", ["we will win"]),
        ("He said 'we will win' today.", ["we will win"]),
        ("Er sagte „wir schaffen das“ gestern.", ["wir schaffen das"]),
        ("Il a dit « nous gagnerons » hier.", ["nous gagnerons"]),
        ("Il a dit «nous gagnerons» hier.", ["nous gagnerons"]),
        ("Er sagte »wir schaffen das« gestern.", ["wir schaffen das"]),
        ("He said ‹maybe› twice.", ["maybe"]),
        ('"Yes," she said. "No."', ["Yes,", "No."]),
    ],
)
def test_every_mark_style_pairs(text: str, expected: list[str]) -> None:
    assert quote_texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Trump’s plan and the minister's reply don’t match.",
        "It was big in the ’90s and the '80s.",
        "They played rock ’n’ roll and rock 'n' roll all night.",
        "The countries’ leaders met the ministers' aides.",
        "Catch ’em all, ’til dawn.",
    ],
)
def test_apostrophes_are_never_quote_marks(text: str) -> None:
    assert quote_texts(text) == []


def test_plural_possessive_inside_a_single_quoted_quote_does_not_close_it() -> None:
    text = "‘The countries’ leaders have met twice,’ he said."
    assert quote_texts(text) == ["The countries’ leaders have met twice,"]


def test_unclosed_mark_is_dropped_not_guessed() -> None:
    assert quote_texts("He said “we will win and left.\n\nNext paragraph here.") == []


def test_nested_quote_stays_inside_its_parent() -> None:
    text = "“They called it ‘Peace Street’ in English,” she said."
    [quote] = analyse(text).quotes
    assert quote.text == "They called it ‘Peace Street’ in English,"
    assert [text[s:e] for s, e in quote.nested] == ["Peace Street"]


def test_british_nesting_double_inside_single() -> None:
    text = "‘The sign said “closed” all week,’ he said."
    [quote] = analyse(text).quotes
    assert quote.text == "The sign said “closed” all week,"
    assert [text[s:e] for s, e in quote.nested] == ["closed"]


def test_quote_running_over_paragraphs_is_one_quote() -> None:
    text = ("“The first paragraph of the statement ends here.\n\n"
            "“The second one goes on and ends the quote,” said Ada Moreau.")
    [quote] = analyse(text).quotes
    assert quote.start == 1
    assert quote.text.endswith("ends the quote,")
    assert [text[s:e] for s, e in quote.parts] == [
        "The first paragraph of the statement ends here.",
        "The second one goes on and ends the quote,",
    ]
    assert quote.kind == "full"
    assert quote.speaker is not None and quote.speaker.name == "Ada Moreau"


def test_heading_block_does_not_continue_a_quote() -> None:
    text = "“Open quote without end\n\n“Heading text"
    blocks = (Block("paragraph", 0, 23), Block("heading", 25, len(text)))
    assert analyse(text, blocks).quotes == ()


def test_block_boundaries_bound_quotes() -> None:
    text = "He said “one block\nand “another block” here."
    blocks = (Block("paragraph", 0, 18), Block("paragraph", 19, len(text)))
    assert [q.text for q in analyse(text, blocks).quotes] == ["another block"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("“We will rebuild every home,” the mayor said.", "full"),
        ("The mayor said: “We will rebuild every home.”", "full"),
        ("The mayor said the town would “rebuild every home” by spring.", "partial"),
        ("Critics mocked the so-called “miracle plan” all week.", "term"),
        ("The ship, known as “Old Mary”, sank.", "term"),
        ("The plan was labelled a “reassurance force” by some.", "term"),
    ],
)
def test_quote_kinds(text: str, kind: str) -> None:
    [quote] = analyse(text).quotes
    assert quote.kind == kind


def test_term_in_a_heading_has_no_speaker() -> None:
    text = "‘Shuttle diplomacy’ expected after talks\n\nThe talks went on."
    [quote] = analyse(text).quotes
    assert quote.kind == "term" and quote.speaker is None


def test_straight_single_quote_closing_before_a_function_word() -> None:
    text = ("Mr Harper said the government was 'on the side of passengers' and would spend more. "
            "'We are not going to pretend it's easy,' he added.")
    assert quote_texts(text) == ["on the side of passengers",
                                 "We are not going to pretend it's easy,"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He denounced « a tax rise in disguise ». The group had proposed cuts.",
         ["a tax rise in disguise"]),
        ("She said (« nous verrons ») and left. « Ensuite, rien. »",
         ["nous verrons", "Ensuite, rien."]),
        ("Er sagte »wir schaffen das«. Dann ging er.", ["wir schaffen das"]),
    ],
)
def test_french_spaced_guillemets_next_to_punctuation(text: str, expected: list[str]) -> None:
    assert quote_texts(text) == expected
