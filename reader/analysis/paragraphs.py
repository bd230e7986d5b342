"""The runs of text the analysis works in: paragraphs, headings, list items, block quotes.

A document's blocks are used when given, so block boundaries are hard boundaries for sentences
and quotes. Plain text without blocks is split on blank lines, bullet lines become list items,
and a short single line without closing punctuation is taken for a heading (headings hold no
claims).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.analysis.pattern_cache import regex
from reader.document.model import Block

_BLANK_LINE = regex(r"\n[ \t\r\f\v\u00a0]*\n")
_BULLET = regex(r"[ \t\u00a0]*(?:[•·▪◦‣*\-–]|\d{1,3}[.)])[ \t\u00a0]+")
_HEADING_END = frozenset('.!?:;,"”’»)…\']›“«')
_MAX_HEADING_WORDS = 12
_BLOCK_KINDS = frozenset({"heading", "list_item", "block_quote"})


@dataclass(frozen=True, slots=True)
class Paragraph:
    kind: str  # "heading", "paragraph", "list_item" or "block_quote"
    start: int
    end: int


def paragraphs_of(text: str, blocks: Sequence[Block] | None) -> list[Paragraph]:
    """The analysis units in document order, trimmed of surrounding white space, never empty."""
    if blocks is not None:
        return _from_blocks(text, blocks)
    return _from_plain_text(text)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _from_blocks(text: str, blocks: Sequence[Block]) -> list[Paragraph]:
    size = len(text)
    result: list[Paragraph] = []
    last_end = 0
    for block in sorted(blocks, key=lambda b: (b.start, b.end)):
        start = min(max(int(block.start), last_end), size)
        end = min(max(int(block.end), start), size)
        start, end = _trimmed(text, start, end)
        if start < end:
            kind = block.kind if block.kind in _BLOCK_KINDS else "paragraph"
            result.append(Paragraph(kind, start, end))
            last_end = end
    return result


def _from_plain_text(text: str) -> list[Paragraph]:
    result: list[Paragraph] = []
    pos = 0
    for match in _BLANK_LINE.finditer(text):
        _split_chunk(text, pos, match.start(), result)
        pos = match.end()
    _split_chunk(text, pos, len(text), result)
    return result


def _split_chunk(text: str, start: int, end: int, out: list[Paragraph]) -> None:
    """One blank-line separated chunk: bullet lines become list items, the rest one paragraph."""
    start, end = _trimmed(text, start, end)
    if start >= end:
        return
    if "\n" not in text[start:end]:
        bullet = _BULLET.match(text, start, end)
        if bullet and bullet.end() < end:
            out.append(Paragraph("list_item", bullet.end(), end))
        else:
            out.append(Paragraph(_plain_kind(text, start, end), start, end))
        return
    run_start = -1
    run_end = -1
    line_start = start
    while line_start < end:
        nl = text.find("\n", line_start, end)
        line_end = end if nl < 0 else nl
        bullet = _BULLET.match(text, line_start, line_end)
        if bullet and bullet.end() < line_end:
            if run_start >= 0:
                _add(text, run_start, run_end, out, "paragraph")
                run_start = -1
            _add(text, bullet.end(), line_end, out, "list_item")
        elif text[line_start:line_end].strip():
            if run_start < 0:
                run_start = line_start
            run_end = line_end
        line_start = line_end + 1
    if run_start >= 0:
        _add(text, run_start, run_end, out, "paragraph")


def _add(text: str, start: int, end: int, out: list[Paragraph], kind: str) -> None:
    start, end = _trimmed(text, start, end)
    if start < end:
        if kind == "paragraph":
            kind = _plain_kind(text, start, end)
        out.append(Paragraph(kind, start, end))


def _plain_kind(text: str, start: int, end: int) -> str:
    """A short single line with no closing punctuation reads as a heading, not as a sentence."""
    if "\n" in text[start:end] or text[end - 1] in _HEADING_END:
        return "paragraph"
    words = text.count(" ", start, end) + 1
    if words > _MAX_HEADING_WORDS or text[start].islower():
        return "paragraph"
    return "heading"
