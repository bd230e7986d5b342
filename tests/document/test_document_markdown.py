"""Markdown: rendered words from the token stream, structure and inline spans with offsets."""

from __future__ import annotations

from pathlib import Path

from document_invariants import assert_well_formed, block_texts

from reader.document import document_from_string, load_document


def test_fixture_article_blocks(fixtures: Path) -> None:
    document = load_document(fixtures / "article.md")
    assert document.format == "markdown"
    assert document.title == "Water bills to rise by 9% next year"
    blocks = block_texts(document)
    assert blocks[0] == ("heading", 1, "Water bills to rise by 9% next year")
    assert ("heading", 2, "What changes") in blocks
    assert [b for b in blocks if b[0] == "list_item"] == [
        ("list_item", 1, "Standard tariff: up from £412 to £449 a year"),
        ("list_item", 1, "Social tariff: frozen"),
        ("list_item", 2, "applies to about 31,000 homes"),
        ("list_item", 2, "applications close on 30 June"),
        ("list_item", 1, "Metered homes: depends on use"),
        ("list_item", 1, "Read the letter"),
        ("list_item", 1, "Check your tariff"),
    ]
    quotes = [text for kind, _, text in blocks if kind == "block_quote"]
    assert quotes == [
        "“Nobody likes a higher bill,” the company's chief executive, Rhian Morgannwg, said. "
        "“But the pipes in some towns are older than the railway.”",
        "A nested remark inside the quote.",
    ]
    assert_well_formed(document)


def test_markup_removed_entities_decoded_whitespace_collapsed(fixtures: Path) -> None:
    document = load_document(fixtures / "article.md")
    text = document.text
    for markup in ("#", "**", "](", "`", "&amp;", "&copy;", "<div", "<b>", "---", "> "):
        assert markup not in text, markup
    assert "profit & dividend" in text
    assert "© 2026" in text
    # The soft line break inside the paragraph became one space.
    assert "about 9% from April, its largest increase" in text
    assert "A line with a hard break continues here." in text
    assert "  " not in text


def test_script_in_an_html_block_and_image_alt_text_are_not_rendered(fixtures: Path) -> None:
    text = load_document(fixtures / "article.md").text
    assert "An HTML block in the Markdown." in text
    assert "SCRIPT IN MD" not in text
    assert "reservoir" not in text


def test_blocks_are_separated_by_blank_lines_and_list_items_by_newlines(fixtures: Path) -> None:
    document = load_document(fixtures / "article.md")
    for previous, block in zip(document.blocks, document.blocks[1:], strict=False):
        gap = document.text[previous.end : block.start]
        assert gap in ("\n", "\n\n"), (previous, block, gap)
        if gap == "\n":
            assert previous.kind == block.kind == "list_item"
    # Two different lists are not run together.
    letter = document.text.index("Read the letter")
    assert document.text[letter - 2 : letter] == "\n\n"


def test_inline_spans(fixtures: Path) -> None:
    document = load_document(fixtures / "article.md")
    spans = [(s.kind, document.text[s.start : s.end], s.target) for s in document.spans]
    assert ("emphasis", "Published Tuesday", None) in spans
    assert ("strong", "Anwen Carrow", None) in spans
    assert ("link", "new treatment works", "https://water.example.invalid/plans") in spans
    assert ("emphasis", "“unjustified”", None) in spans
    assert ("code", "£96m", None) in spans
    assert all(start == start.strip() for _, start, _ in spans)


def test_nested_emphasis_inside_a_link() -> None:
    document = document_from_string(
        "See [the *full* report](https://x.example.invalid/r) now.", format="markdown"
    )
    assert document.text == "See the full report now."
    spans = {(s.kind, document.text[s.start : s.end]) for s in document.spans}
    assert spans == {("link", "the full report"), ("emphasis", "full")}


def test_script_link_keeps_its_words_but_not_a_target() -> None:
    # markdown-it refuses the link itself (its text stays literal); either way, no target.
    document = document_from_string("[click me](javascript:alert(1)) ok", format="markdown")
    assert "click me" in document.text
    assert all(s.kind != "link" for s in document.spans)
    html_link = document_from_string(
        '<p><a href="javascript:alert(1)">click me</a> ok</p>', format="markdown"
    )
    assert html_link.text == "click me ok"
    assert all(s.kind != "link" for s in html_link.spans)


def test_markdown_without_any_words_is_refused() -> None:
    import pytest

    from reader.document import DocumentError

    with pytest.raises(DocumentError):
        document_from_string("---\n\n![only an image](a.png)\n", format="markdown")


def test_nesting_past_the_parser_limit_keeps_every_word() -> None:
    # markdown-it drops content nested past its limit; such a source is read as plain text.
    deep_quote = "> " * 5000 + "words at the bottom"
    document = document_from_string(deep_quote, format="markdown")
    assert "words at the bottom" in document.text
    deep_list = "".join("  " * depth + f"- item {depth}\n" for depth in range(300))
    listed = document_from_string(deep_list, format="markdown")
    assert all(f"item {depth}" in listed.text for depth in range(300))


def test_ordinary_nesting_is_still_markdown() -> None:
    source = "".join("  " * depth + f"- level {depth + 1}\n" for depth in range(12))
    document = document_from_string(source, format="markdown")
    assert [block.level for block in document.blocks] == list(range(1, 13))
    assert "- " not in document.text


def test_raw_html_a_browser_would_not_show_is_not_shown_inside_a_paragraph() -> None:
    source = (
        'The council said 12 ships <span style="display:none">hidden 99</span> docked. '
        "<script>alert(1)</script> Then <span hidden>secret <span>inner</span> still</span> "
        '<span aria-hidden="true">aria</span> <span>kept</span> and <b>bold</b> words.'
    )
    document = document_from_string(source, format="markdown")
    assert document.text == "The council said 12 ships docked. Then kept and bold words."
    assert_well_formed(document)
