"""Pairing quotation marks into quote spans.

Every style is paired by what surrounds each mark rather than by its glyph, because real copy
mixes them (“like this," and "this,”) and German uses “ as a closing mark („so“). Double marks
(" “ ” „ ‟ « ») and single marks (' ‘ ’ ‚ ‛ ‹ ›) are two families: a mark closes the innermost
open quote of its own family, so a single-quoted title inside a double-quoted quote (or the
reverse, in British style) nests.

Apostrophes are never quote marks: a mark between two letters (Trump’s, don’t) never matches,
elisions (’90s, rock ’n’ roll, ’em) are skipped, and a plural possessive (the countries’
leaders) closes a quote only when no later mark in the paragraph could.

A quote left open at the end of a paragraph continues when the next paragraph opens with a mark
of the same family (the newsroom convention for a quote running over paragraphs); otherwise an
unclosed mark is dropped rather than guessed at.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.analysis.paragraphs import Paragraph
from reader.analysis.pattern_cache import regex
from reader.analysis.wordtrie import word_set

DOUBLE_MARKS = frozenset('"“”„‟«»〝〞＂')
SINGLE_MARKS = frozenset("'‘’‚‛‹›")
# A plain character class lets ``re`` jump from mark to mark; apostrophes inside words are
# filtered out afterwards.
_MARK = regex(r"""["“”„‟«»〝〞＂‚‛‘‹›'’]""")
_ELISION = regex(r"['’](?:\d\d(?:s\b|\b)|(?:n|em|til|cause|bout|tis|twas|round)\b['’]?)", re.I)
_OPEN_CONTEXT = frozenset("([{<—–-/‘“\"'«‹„‚:;,.!?…")
_CLOSE_CONTEXT = frozenset(")]}>.,;:!?—–-…’”\"'»›‘“")
_OPEN_GLYPHS = frozenset("“„‟«‘‚‛‹〝")
_MAX_DEPTH = 6
_TRIPLE = "'" * 3
_WORD = regex(r"[a-z]+")
_FUNCTION_WORDS = word_set(
    "and or but nor to in on at for with as that which who from by of the a an he she they it "
    "we is was are were be been has have had will would could should can may might said says "
    "told added while when if than then so because after before since until during into over "
    "under about against between through without within"
)


@dataclass(slots=True)
class QuoteSpan:
    """A paired quote: marks at ``open_mark`` and ``close_mark``, content strictly between."""

    open_mark: int
    close_mark: int
    paragraph: int  # index of the paragraph holding the opening mark
    end_paragraph: int
    start: int = 0  # content, trimmed of white space
    end: int = 0
    nested: list[tuple[int, int]] | None = None  # created only for the few quotes that nest
    parts: list[tuple[int, int]] | None = None


@dataclass(slots=True)
class _Open:
    family: str
    pos: int
    paragraph: int
    reopens: list[int] = field(default_factory=list)


def find_quote_spans(text: str, paragraphs: Sequence[Paragraph]) -> list[QuoteSpan]:
    """Top-level quotes in document order; nested ones are listed inside their parent."""
    pairs: list[QuoteSpan] = []
    carried: _Open | None = None
    for index, para in enumerate(paragraphs):
        carried = _pair_in_paragraph(text, paragraphs, index, para, carried, pairs)
    return _nest(text, pairs)


def _pair_in_paragraph(
    text: str,
    paragraphs: Sequence[Paragraph],
    index: int,
    para: Paragraph,
    carried: _Open | None,
    pairs: list[QuoteSpan],
) -> _Open | None:
    marks = _marks(text, para)
    stack: list[_Open] = []
    first = 0
    if (carried is not None and marks and marks[0][0] == para.start
            and marks[0][1] == carried.family and marks[0][2]):
        carried.reopens.append(marks[0][0])
        stack.append(carried)
        first = 1
    last_single_closer = -1
    for i, (_pos, family, _can_open, can_close, _weak) in enumerate(marks):
        if family == "s" and can_close:
            last_single_closer = i
    for i in range(first, len(marks)):
        pos, family, can_open, can_close, weak = marks[i]
        if weak and i < last_single_closer:
            can_close = False
        opened = None
        if can_close:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth].family == family:
                    opened = depth
                    break
        if opened is not None:
            entry = stack[opened]
            del stack[opened:]
            pairs.append(_pair(entry, pos, index))
        elif can_open and len(stack) < _MAX_DEPTH:
            stack.append(_Open(family, pos, index))
    if stack and index + 1 < len(paragraphs):
        outer = stack[0]
        following = paragraphs[index + 1]
        if para.kind != "heading" and following.kind != "heading":
            head = text[following.start] if following.start < len(text) else ""
            if _family(head) == outer.family and _can_open_at(text, following.start, following):
                return outer
    return None


def _pair(entry: _Open, close: int, paragraph: int) -> QuoteSpan:
    span = QuoteSpan(entry.pos, close, entry.paragraph, paragraph)
    if entry.reopens:
        span.parts = [(entry.pos + 1, -1)] + [(r + 1, -1) for r in entry.reopens]
    return span


def _family(ch: str) -> str:
    if ch in DOUBLE_MARKS:
        return "d"
    if ch in SINGLE_MARKS:
        return "s"
    return ""


def _can_open_at(text: str, pos: int, para: Paragraph) -> bool:
    nxt = text[pos + 1] if pos + 1 < para.end else " "
    return not nxt.isspace() or text[pos] in "«»„"


def _marks(text: str, para: Paragraph) -> list[tuple[int, str, bool, bool, bool]]:
    """(position, family, can_open, can_close, weak_closer) for each possible mark."""
    found: list[tuple[int, str, bool, bool, bool]] = []
    start, end = para.start, para.end
    skip_until = -1
    for match in _MARK.finditer(text, start, end):
        pos = match.start()
        if pos < skip_until:
            continue
        ch = text[pos]
        family = "d" if ch in DOUBLE_MARKS else "s"
        prev = text[pos - 1] if pos > start else " "
        nxt = text[pos + 1] if pos + 1 < end else " "
        if ch == "'" and text.startswith(_TRIPLE, pos) and prev != "'" and \
                text[pos + 3:pos + 4] != "'":
            # A single quote and a double one ending (or starting) together.
            after = text[pos + 3] if pos + 3 < end else " "
            skip_until = pos + 3
            if not prev.isspace() and (after.isspace() or after in _CLOSE_CONTEXT):
                found.append((pos, "s", False, True, False))
                found.append((pos + 2, "d", False, True, False))
            elif not after.isspace():
                found.append((pos, "d", True, False, False))
                found.append((pos + 2, "s", True, False, False))
            continue
        if ch == "'" and nxt == "'" and prev != "'" and text[pos + 2:pos + 3] != "'":
            # ''Two apostrophes'' stand for a double mark (as in The New York Times' copy): one
            # mark, placed on the apostrophe next to the words so that the content and the
            # text around the quote each lose one of the pair.
            nxt = text[pos + 2] if pos + 2 < end else " "
            family = "d"
            skip_until = pos + 2
            if not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_CONTEXT):
                found.append((pos + 1, family, False, True, False))  # closing: ,'' said
            elif not nxt.isspace():
                found.append((pos, family, True, False, False))  # opening: said ''We
            continue
        if family == "s" and ch in "'’" and not prev.isalnum():
            elision = _ELISION.match(text, pos, end)
            if elision is not None:
                skip_until = elision.end()
                continue
        if family == "s" and prev.isalnum() and nxt.isalnum():
            continue
        space_before = prev.isspace()
        space_after = nxt.isspace()
        can_open = not space_after and (space_before or prev in _OPEN_CONTEXT)
        can_close = not space_before and (space_after or nxt in _CLOSE_CONTEXT)
        if ch in "«»„‹›":
            opens_by_glyph = ch in "«„‹"
            if (space_before or space_after) and not (prev.isalnum() or nxt.isalnum()):
                # French spacing puts a space inside the marks, so `« a tax rise ».` or
                # `(« Oui` has white space on one side and punctuation on the other: the glyph
                # alone tells opening from closing.
                can_open, can_close = opens_by_glyph, not opens_by_glyph
            elif opens_by_glyph:
                can_open, can_close = not (can_close and not can_open), can_close and not can_open
            else:
                can_open, can_close = can_open and not can_close, not (can_open and not can_close)
        elif can_open and can_close:
            # Squeezed between punctuation (`,"We`): the glyph decides; straight marks stay both.
            if ch in _OPEN_GLYPHS:
                can_close = False
            elif ch in "”’":
                can_open = False
        elif not can_open and not can_close:
            if prev.isalnum() and nxt.isalnum() and family == "d":
                can_open = can_close = True
            else:
                continue
        weak = family == "s" and can_close and prev in "sSzZ" and space_after and _lower_next(
            text, pos + 1, end
        )
        found.append((pos, family, can_open, can_close, weak))
    return found


def _lower_next(text: str, pos: int, end: int) -> bool:
    """Whether a noun-like lower-case word follows, as after a possessive ("countries’ leaders");
    a function word ("passengers' and") rather suggests a closing mark."""
    while pos < end and text[pos].isspace():
        pos += 1
    if pos >= end or not text[pos].islower():
        return False
    word = _WORD.match(text, pos, end)
    return word is None or word.group(0) not in _FUNCTION_WORDS


def _nest(text: str, pairs: list[QuoteSpan]) -> list[QuoteSpan]:
    """Keep outermost quotes; record the inner ones in their parent; trim content spans."""
    pairs.sort(key=lambda p: (p.open_mark, -p.close_mark))
    top: list[QuoteSpan] = []
    for pair in pairs:
        start, end = _trim(text, _content_start(text, pair.open_mark), _content_end(
            text, pair.close_mark))
        if start >= end or not any(c.isalnum() for c in text[start:end]):
            continue
        pair.start, pair.end = start, end
        if top and pair.open_mark < top[-1].close_mark:
            if top[-1].nested is None:
                top[-1].nested = []
            top[-1].nested.append((start, end))
            continue
        if pair.parts:
            bounds = [p[0] for p in pair.parts]
            parts: list[tuple[int, int]] = []
            for i, part_start in enumerate(bounds):
                limit = bounds[i + 1] - 1 if i + 1 < len(bounds) else _content_end(
                    text, pair.close_mark)
                s, e = _trim(text, _content_start(text, part_start - 1), limit)
                if s < e:
                    parts.append((s, e))
            pair.parts = parts
        top.append(pair)
    return top


def _content_start(text: str, open_mark: int) -> int:
    """Where a quote's words start after its opening mark (two for an opening ``''``)."""
    if text[open_mark] == "'" and text[open_mark + 1:open_mark + 2] == "'":
        return open_mark + 2
    return open_mark + 1


def _content_end(text: str, close_mark: int) -> int:
    """Where a quote's words end before its closing mark (the first of a closing ``''``)."""
    if text[close_mark] == "'" and close_mark > 0 and text[close_mark - 1] == "'":
        return close_mark - 1
    return close_mark


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
