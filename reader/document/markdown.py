"""A Markdown article as rendered words, built from markdown-it-py's token stream.

The tokens say what each piece of text is (heading, list item, emphasis, link) without any HTML
round trip, so offsets are computed directly on the text the reader sees. Raw HTML inside the
Markdown goes through the same safe renderer as .html files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.document.html import hides_its_content, link_target, render_html_fragment
from reader.document.model import Block, BlockKind, InlineSpan
from reader.document.plain_text import plain_text_blocks
from reader.document.rendering import TextBuilder

CHUNK_CHARS = 256 * 1024
# markdown-it's nesting limit (20 in its CommonMark preset), raised for real documents but kept
# well inside Python's recursion limit; deeper sources are read as plain text.
MAX_NESTING = 100
_TOO_DEEP = re.compile(
    r"^(?:[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))){40,}|^[ \t]{160,}\S", re.MULTILINE
)
_UNSPLITTABLE = re.compile(
    r"^ {0,3}(?:\[[^\]\n]+\]:|```|~~~)|<!--|<\?|<![A-Za-z]|<!\[CDATA\[|"
    r"<(?:script|pre|style|textarea)\b",
    re.MULTILINE | re.IGNORECASE,
)
# A blank line (the match ends after it) before an unindented letter, quote mark or "#".
_SPLIT_POINT = re.compile(r"\n[ \t]*\n(?=[^\W\d_]|[#“\"‘'«„])")

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>")
_SPAN_OPENERS = {"em_open": "emphasis", "strong_open": "strong"}
_SPAN_CLOSERS = {"em_close": "emphasis", "strong_close": "strong"}


def _parser() -> MarkdownIt:
    # CommonMark plus tables and strikethrough, the two GitHub extensions articles use.
    # No linkify or typographer: the words stay exactly as written.
    parser = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable(
        ["table", "strikethrough"]
    )
    # A link's target is kept as the author wrote it (it is shown, never fetched), which also
    # skips markdown-it's URL re-encoding, a third of the parse time on link-heavy copy.
    # Its link validation (no javascript:, vbscript:, file: or data: targets) still applies.
    parser.normalizeLink = _as_written  # type: ignore[method-assign]
    parser.normalizeLinkText = _as_written  # type: ignore[method-assign]
    return parser


def _as_written(url: str) -> str:
    return url


_MARKDOWN = _parser()


def render_markdown(
    source: str, *, chunk_chars: int = CHUNK_CHARS
) -> tuple[str, tuple[Block, ...], tuple[InlineSpan, ...]]:
    """The plain text, blocks and inline spans of a Markdown source.

    markdown-it-py holds every token of its input at once (about 100 bytes of memory per byte
    of markup-dense source), so a long source is parsed in chunks of about ``chunk_chars``,
    split only where no Markdown construct can continue across the split.
    """
    if _TOO_DEEP.search(source):
        # markdown-it drops whatever is nested past its limit; such a source (hostile or
        # broken) is shown as the plain text it is rather than lose words.
        return source, plain_text_blocks(source), ()
    builder = TextBuilder()
    for chunk in markdown_chunks(source, chunk_chars):
        _render_tokens(_MARKDOWN.parse(chunk), builder)
    return builder.finish()


def markdown_chunks(source: str, chunk_chars: int) -> Iterator[str]:
    """Consecutive pieces of ``source`` that render, one after the other, as the whole does.

    A piece ends at a blank line followed by an unindented line starting with a letter, a
    quotation mark or "#": such a line always starts a new top-level paragraph or heading, so
    no list, quote, table or paragraph continues across it. A source holding constructs that
    can run across blank lines or refer across pieces (fenced code, reference definitions,
    HTML comments, <script>/<pre>/<style>/<textarea> blocks, declarations) is not split.
    """
    if len(source) <= chunk_chars or _UNSPLITTABLE.search(source):
        yield source
        return
    start = 0
    for match in _SPLIT_POINT.finditer(source):
        if match.end() - start >= chunk_chars:
            yield source[start : match.end()]
            start = match.end()
    yield source[start:]


def _render_tokens(tokens: Sequence[Token], builder: TextBuilder) -> None:
    # The containers the current token is inside: ("list_item", depth) or ("block_quote", 0).
    containers: list[tuple[BlockKind, int]] = []
    list_depth = 0
    first_cell = True

    def container() -> tuple[BlockKind, int]:
        return containers[-1] if containers else ("paragraph", 0)

    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
            if list_depth == 0:
                builder.end_list()
        elif kind == "list_item_open":
            containers.append(("list_item", list_depth))
            builder.break_block(*container())
        elif kind == "blockquote_open":
            containers.append(("block_quote", 0))
            builder.break_block(*container())
        elif kind in ("list_item_close", "blockquote_close"):
            if containers:
                containers.pop()
            builder.break_block(*container())
        elif kind == "heading_open":
            builder.break_block("heading", _heading_level(token.tag))
        elif kind in ("paragraph_open", "tr_open"):
            builder.break_block(*container())
            first_cell = True
        elif kind in ("heading_close", "paragraph_close", "tr_close"):
            builder.break_block(*container())
        elif kind in ("th_open", "td_open"):
            if not first_cell:
                builder.write(" | ")
            first_cell = False
        elif kind == "inline":
            _render_inline(token.children or [], builder)
        elif kind in ("fence", "code_block"):
            builder.break_block(*container())
            builder.open_span("code")
            builder.write(token.content)
            builder.close_span("code")
            builder.break_block(*container())
        elif kind == "html_block":
            render_html_fragment(token.content, builder, *container())
            builder.break_block(*container())


def _render_inline(children: Sequence[Token], builder: TextBuilder) -> None:
    # Raw HTML inside a paragraph comes as lone tags around ordinary text tokens: the words of
    # a <script>, a <span hidden> or a display:none element would be shown, though a browser
    # shows none of them. ``hidden`` is the tag name of such an element while inside it, and
    # ``depth`` how many elements of that name are open.
    hidden: str | None = None
    depth = 0
    for child in children:
        kind = child.type
        if kind == "html_inline":
            tag = _TAG.match(child.content)
            if tag is not None:
                closing, name = tag.group(1) == "/", tag.group(2).lower()
                self_closing = tag.group(3).rstrip().endswith("/")
                if hidden is None:
                    if not closing and not self_closing and hides_its_content(name, tag.group(3)):
                        hidden, depth = name, 1
                elif name == hidden and not self_closing:
                    depth += -1 if closing else 1
                    if depth == 0:
                        hidden = None
        if hidden is not None:
            continue
        # An image (its alt text lives in its own children) is not article prose: skipped.
        if kind == "text":
            builder.write(child.content)
        elif kind in ("softbreak", "hardbreak"):
            builder.space()
        elif kind == "code_inline":
            builder.open_span("code")
            builder.write(child.content)
            builder.close_span("code")
        elif kind in _SPAN_OPENERS:
            builder.open_span(_SPAN_OPENERS[kind])  # type: ignore[arg-type]
        elif kind in _SPAN_CLOSERS:
            builder.close_span(_SPAN_CLOSERS[kind])  # type: ignore[arg-type]
        elif kind == "link_open":
            target = link_target(str(child.attrs.get("href", "")))
            builder.open_span("link", target)
        elif kind == "link_close":
            builder.close_span("link")
        elif kind == "html_inline" and child.content.lower().startswith("<br"):
            builder.space()


def _heading_level(tag: str) -> int:
    return int(tag[1]) if len(tag) == 2 and tag[1].isdigit() else 1
