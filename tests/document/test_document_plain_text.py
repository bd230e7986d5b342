"""Plain text: blocks found without changing a character, so file offsets stay valid."""

from __future__ import annotations

from pathlib import Path

from document_invariants import assert_well_formed, block_texts

from reader.document import document_from_string, load_document
from reader.document.plain_text import is_heading_line


def test_blocks_of_the_fixture_article(fixtures: Path) -> None:
    document = load_document(fixtures / "utf8.txt")
    assert document.format == "text"
    assert block_texts(document) == [
        ("heading", 1, "Ferry timetable changes from May"),
        (
            "paragraph",
            0,
            "The island ferry will run twice a day instead of three times from 1 May, the "
            "operator said.\nPassengers told the Gazette the change was “a step backwards”.",
        ),
        ("heading", 2, "Key changes"),
        ("list_item", 1, "The 07:15 sailing moves to 07:45"),
        ("list_item", 1, "The evening sailing is withdrawn\n  on weekdays only"),
        ("list_item", 2, "weekend crossings stay as they are"),
        (
            "paragraph",
            0,
            "Café owner Zoë Brontë-Lefèvre said: “Fewer crossings mean fewer customers, "
            "it’s that simple.”",
        ),
    ]
    assert document.title == "Ferry timetable changes from May"
    assert_well_formed(document)


def test_text_is_the_input_unchanged() -> None:
    text = "  Indented first line.\n\n\n- one\n* two\n\t• three\n\nTrailing spaces follow.   \n"
    document = document_from_string(text)
    assert document.text == text
    assert [document.block_text(b) for b in document.blocks] == [
        "Indented first line.",
        "one",
        "two",
        "three",
        "Trailing spaces follow.",
    ]
    assert [b.kind for b in document.blocks] == ["paragraph", *["list_item"] * 3, "paragraph"]


def test_one_line_per_paragraph_copy_splits_at_every_line() -> None:
    long_line = "The minister said the figures were correct and would be published in full. " * 2
    text = f"{long_line}\n{long_line}\nA short closing line."
    document = document_from_string(text)
    assert [b.kind for b in document.blocks] == ["paragraph", "paragraph", "paragraph"]


def test_hard_wrapped_paragraph_stays_one_block() -> None:
    text = (
        "The council said on Tuesday that the new bridge would open in\n"
        "the spring, two years later than planned, because steel prices\n"
        "had risen sharply.\n"
    )
    document = document_from_string(text)
    assert len(document.blocks) == 1
    assert document.block_text(document.blocks[0]) == text.rstrip("\n")


def test_short_line_above_a_paragraph_is_a_heading() -> None:
    text = (
        "Budget vote delayed\n"
        "Councillors postponed the vote on next year's budget after a dispute over the "
        "library closures that had been proposed in March.\n"
    )
    document = document_from_string(text)
    assert [b.kind for b in document.blocks] == ["heading", "paragraph"]
    assert document.title == "Budget vote delayed"


def test_heading_line_rules() -> None:
    assert is_heading_line("What You Need To Know")
    assert is_heading_line("‘Shuttle diplomacy’ expected after talks")
    assert not is_heading_line("He said it was over.")
    assert not is_heading_line("Asked whether it would go ahead,")
    assert not is_heading_line("lower-case start of a wrapped line")
    assert not is_heading_line("2024")  # no letter at all
    assert not is_heading_line("A very long line " * 10)


def test_title_falls_back_to_short_first_line_then_stem(tmp_path: Path) -> None:
    punctuated = document_from_string("It rained.\n\nThen it stopped.")
    assert punctuated.title == "It rained."  # no heading: the short first line
    long_line = "word " * 40
    path = tmp_path / "council-notes.txt"
    path.write_text(long_line + ".\n", encoding="utf-8")
    assert load_document(path).title == "council-notes"


def test_given_title_wins() -> None:
    assert document_from_string("Headline here\n\nBody.", title="Chosen").title == "Chosen"


def test_numbered_items_and_rule_lines() -> None:
    text = "Three demands:\n1. lower fares\n2) more trains\n\n* * *\n\n-----\nAfter the break."
    document = document_from_string(text)
    assert [(b.kind, document.block_text(b)) for b in document.blocks] == [
        ("paragraph", "Three demands:"),
        ("list_item", "lower fares"),
        ("list_item", "more trains"),
        ("paragraph", "After the break."),
    ]
    assert document.text == text


def test_a_section_heading_after_the_opening_paragraph_is_not_the_title(tmp_path) -> None:
    from reader.document.loading import load_document

    story = tmp_path / "harbour-story.txt"
    story.write_text(
        "PORT ELLIS — The council on Tuesday approved a plan to rebuild the sea wall, ending a "
        "debate that has run for more than a decade and split the town.\n\n"
        "What you need to know\n\n"
        "The wall will cost €1.2 billion.\n", encoding="utf-8")
    assert load_document(story).title == "harbour-story"
    headed = tmp_path / "headed.txt"
    headed.write_text("Council backs the wall\n\nThe council voted on Tuesday.\n",
                      encoding="utf-8")
    assert load_document(headed).title == "Council backs the wall"
