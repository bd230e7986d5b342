"""Core offsets (code points) against Qt positions (UTF-16 units), with emoji and accents."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QFont

from reader.document.model import Document
from reader.ui.rendering import render_document
from reader.ui.text_positions import PositionMap, RenderedBlock, utf16_length

TEXT = "Café 🌊 prices\n\nThe 👩‍👩‍👧 family paid €1.2 billion — naïve 😀 figures.\n"


def test_utf16_length_counts_astral_characters_twice() -> None:
    assert utf16_length("abc") == 3
    assert utf16_length("🌊") == 2
    assert utf16_length("é") == 1
    assert utf16_length("👩‍👩‍👧") == 8  # three astral people and two joiners


def test_rendered_words_sit_where_the_core_says(qapp) -> None:
    doc = Document.from_plain_text(TEXT)
    rendered = render_document(doc, QFont())
    qt_text = rendered.document.toPlainText()
    for word in ("Café", "🌊", "prices", "family", "€1.2 billion", "naïve", "😀", "figures"):
        start = TEXT.index(word)
        end = start + len(word)
        a, b = rendered.positions.to_qt(start), rendered.positions.to_qt(end)
        assert qt_text.encode("utf-16-le")[2 * a : 2 * b].decode("utf-16-le") == word
        assert rendered.positions.from_qt(a) == start
        assert rendered.positions.from_qt(b) == end


def test_offsets_between_blocks_go_to_the_next_block() -> None:
    text = "one\n\n  two"
    positions = PositionMap(text, [RenderedBlock(0, 3, 0), RenderedBlock(7, 10, 4)])
    assert positions.to_qt(4) == 4
    assert positions.to_qt(5) == 4
    assert positions.to_qt(99) == 7


@given(st.lists(st.text(alphabet=st.sampled_from("aé🌊 x\u0301😀"), min_size=1, max_size=12),
                min_size=1, max_size=6))
def test_round_trip_for_any_text(paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs)
    blocks, qt = [], 0
    position = 0
    for paragraph in paragraphs:
        blocks.append(RenderedBlock(position, position + len(paragraph), qt))
        qt += utf16_length(paragraph) + 1
        position += len(paragraph) + 2
    positions = PositionMap(text, blocks)
    for block in blocks:
        for offset in range(block.start, block.end + 1):
            assert positions.from_qt(positions.to_qt(offset)) == offset


def test_figures_are_described_as_a_reader_expects() -> None:
    from reader.analysis.model import Figure
    from reader.ui.article_view import describe_figure

    assert describe_figure(Figure(0, 4, "2027", "year", 2027)) == "2027 → 2027"
    assert describe_figure(Figure(0, 9, "about £40m", "money", 40e6, "GBP", True)) == (
        "about £40m → 40,000,000 GBP (approximate)")
    assert describe_figure(Figure(0, 5, "10–30", "range", None, low=10, high=30)) == (
        "10–30 → 10–30")
    assert describe_figure(Figure(0, 4, "4.5%", "percent", 4.5, "%")) == "4.5% → 4.5 %"
    assert describe_figure(Figure(0, 8, "3 March", "date", None, date="--03-03")) == (
        "3 March → 3 March, year not given")
    assert describe_figure(Figure(0, 12, "5 March 2024", "date", None, date="2024-03-05")) == (
        "5 March 2024 → 2024-03-05")
