"""Property tests: whatever the input, loading raises nothing but DocumentError, every offset is
in bounds, and the same input gives the same document."""

from __future__ import annotations

from pathlib import Path

import pytest
from document_invariants import assert_well_formed
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.document import Document, DocumentError, document_from_string, load_document
from reader.document.encoding import normalise_newlines

FORMATS = ["text", "markdown", "html"]
SETTINGS = settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Characters that exercise the structure rules of all three formats.
MARKUP_ALPHABET = st.sampled_from(
    [*" \n\r\t*-_#>[]()!`<>/=\"'&;:.,•◦0123456789abcXYZ é👍\u0301\u00a0\ufeff",
     "<p>", "</p>", "<li>", "<ul>", "</ul>", "<a href='x'>", "</a>", "<em>", "<script>",
       "</script>", "<!--", "-->", "&amp;", "&#x41;", "&bogus;", "**", "\n\n", "- ", "# ",
       "> ", "```", "<h1>", "</h1>", "<blockquote>", "<div>", "<![CDATA[", "<!DOCTYPE html>"]
)
markup_text = st.lists(MARKUP_ALPHABET, max_size=80).map("".join)
any_text = st.one_of(st.text(max_size=300), markup_text)


def _load(text: str, document_format: str) -> Document | None:
    try:
        document = document_from_string(text, format=document_format)  # type: ignore[arg-type]
    except DocumentError as error:
        assert error.message
        return None
    assert_well_formed(document)
    return document


@SETTINGS
@given(text=any_text, document_format=st.sampled_from(FORMATS))
def test_any_string_loads_or_raises_document_error(text: str, document_format: str) -> None:
    document = _load(text, document_format)
    if document is None:
        return
    assert document.blocks, "a document always has at least one block"
    again = document_from_string(text, format=document_format)  # type: ignore[arg-type]
    assert again == document


@SETTINGS
@given(text=any_text)
def test_plain_text_is_the_input_with_newlines_normalised(text: str) -> None:
    document = _load(text, "text")
    if document is None:
        assert not text.strip()
        return
    expected = normalise_newlines(text)
    if not any("\ud800" <= char <= "\udfff" for char in text):
        assert document.text == expected
    assert len(document.text) == len(expected)
    for block in document.blocks:
        content = document.block_text(block)
        assert content == content.strip() and content  # blocks never start or end with space


@SETTINGS
@given(text=st.one_of(markup_text, st.text(max_size=200)), document_format=st.sampled_from(
    ["markdown", "html"]))
def test_rendered_formats_lay_out_blocks_with_blank_lines(text: str, document_format: str) -> None:
    document = _load(text, document_format)
    if document is None:
        return
    assert not document.text.startswith(("\n", " ")) and not document.text.endswith(("\n", " "))
    for previous, block in zip(document.blocks, document.blocks[1:], strict=False):
        assert document.text[previous.end : block.start] in ("\n", "\n\n")
    for block in document.blocks:
        content = document.block_text(block)
        assert content and "\n" not in content and "  " not in content


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("property-files")


@SETTINGS
@given(
    data=st.one_of(
        st.binary(max_size=400),
        any_text.map(lambda text: text.encode("utf-8", "surrogatepass")),
        any_text.map(lambda text: b"\xff\xfe" + text.encode("utf-16-le", "surrogatepass")),
        st.text(alphabet="àéîõüçß€ abc\n.", max_size=200).map(
            lambda text: text.encode("cp1252")
        ),
    ),
    suffix=st.sampled_from([".txt", ".md", ".html", ".htm", "", ".dat", ".pdf"]),
)
def test_any_bytes_load_or_raise_document_error(scratch: Path, data: bytes, suffix: str) -> None:
    path = scratch / f"input{suffix}"
    path.write_bytes(data)
    try:
        document = load_document(path)
    except DocumentError as error:
        assert str(path) in error.message
        return
    assert_well_formed(document)
    assert load_document(path) == document


MARKDOWN_LINES = st.sampled_from([
    "", "", "", "Plain words here.", "Another *line* with [a link](https://l.example.invalid).",
    "# Heading", "## Sub heading", "- item", "  - nested item", "1. first", "2. second",
    "> quoted", "> > deeper", "```", "~~~", "```python", "    indented code", "| a | b |",
    "|---|---|", "Title", "=====", "“Quoted paragraph,” she said.", "  continued", "* star",
    "<div>html block</div>", "text with `code` and **strong**", "---", "'single' start",
])


@SETTINGS
@given(lines=st.lists(MARKDOWN_LINES, max_size=60), chunk_chars=st.integers(1, 80))
def test_markdown_parsed_in_chunks_renders_as_the_whole(lines: list[str], chunk_chars: int) -> None:
    from reader.document.markdown import render_markdown

    source = "\n".join(lines)
    whole = render_markdown(source, chunk_chars=10**9)
    assert render_markdown(source, chunk_chars=chunk_chars) == whole
