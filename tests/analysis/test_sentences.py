"""Sentence splitting on newsroom copy."""

from __future__ import annotations

import pytest

from reader.analysis import analyse
from reader.document.model import Block


def sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in analyse(text).sentences]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.K. Prime Minister Keir Starmer spoke. He left.",
         ["U.K. Prime Minister Keir Starmer spoke.", "He left."]),
        ("Gov. Roman Busargin said so. Dr. Amy Lee agreed.",
         ["Gov. Roman Busargin said so.", "Dr. Amy Lee agreed."]),
        ("Donald J. Trump spoke. It rained.", ["Donald J. Trump spoke.", "It rained."]),
        ("Growth was 3.5 percent. It fell.", ["Growth was 3.5 percent.", "It fell."]),
        ("They met in the U.S. The talks failed.", ["They met in the U.S.", "The talks failed."]),
        ("“It is over.” Then he left.", ["“It is over.”", "Then he left."]),
        ("“Is it over?” she asked. Nobody answered.",
         ["“Is it over?” she asked.", "Nobody answered."]),
        ("It ends at 5 p.m. Thursday, officials said.",
         ["It ends at 5 p.m. Thursday, officials said."]),
        ("Mr. Smith and Mrs. Jones met on Jan. 5 in St. Louis.",
         ["Mr. Smith and Mrs. Jones met on Jan. 5 in St. Louis."]),
        ("Wait... What happened? Nobody knows!",
         ["Wait...", "What happened?", "Nobody knows!"]),
    ],
)
def test_splitting(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_paragraphs_always_end_sentences() -> None:
    assert sentences("A line without a stop\n\nAnother one") == [
        "A line without a stop", "Another one"]


def test_blocks_bound_sentences() -> None:
    text = "Heading\nBody text here. More."
    blocks = (Block("heading", 0, 7, 1), Block("paragraph", 8, len(text)))
    assert sentences_with_blocks(text, blocks) == ["Heading", "Body text here.", "More."]


def sentences_with_blocks(text: str, blocks: tuple[Block, ...]) -> list[str]:
    return [text[s.start:s.end] for s in analyse(text, blocks).sentences]


def test_capital_letter_after_a_lower_case_word_ends_the_sentence() -> None:
    assert sentences("He wrote on X. Later he deleted it.") == [
        "He wrote on X.", "Later he deleted it."]


def test_state_abbreviation_in_a_dateline() -> None:
    assert sentences("SPRINGFIELD, Ill. (AP) — A fire broke out. Crews came.") == [
        "SPRINGFIELD, Ill. (AP) — A fire broke out.", "Crews came."]


def test_lower_case_word_that_looks_like_a_state_ends_a_sentence() -> None:
    assert sentences("He fell ill. Doctors came.") == ["He fell ill.", "Doctors came."]
