"""The block structure of a plain-text article, found without changing a character of it.

The blocks index the text as it is, so offsets annotated against the file stay valid; a block
may leave out a bullet or indentation, which the window does not render.

Paragraphs are separated by blank lines (and by rule lines such as "* * *"). Inside a run of
lines, a new block also starts at a bullet line (•, -, *, a few typographic bullets, "1." or
"1)"), after a bullet item unless the next line is indented as its continuation, after a line
much shorter than the run's longest line (a wrapped paragraph only has a short line at its
end), and at every line of a run that is not wrapped at all (some line other than the last is
longer than a wrapped line would be).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.document.model import Block

_BULLET = re.compile(r"(\s*)([•◦▪‣●*-]|\d{1,2}[.)])\s+(?=\S)")
# A line of only rule characters ("* * *", "-----", "═══") separates sections; it is no block.
_RULE_LINE = re.compile(r"\s*([-*_=~•·—–─━═#])(?:\s*\1){2,}\s*")
_HEADING_END = re.compile(r"[.,;:!?…\"”’'»)\]]$")
_LETTER = re.compile(r"[^\W\d_]")
# A run whose inner lines are this long was not wrapped by hand: each line is a paragraph.
_UNWRAPPED_LINE = 120
# A line shorter than this share of the run's longest line ends its block.
_SHORT_LINE_SHARE = 0.6
MAX_HEADING_CHARS = 100
MAX_HEADING_WORDS = 14


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # offset of the line's first character in the text
    text: str
    bullet: re.Match[str] | None

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip())


def plain_text_blocks(text: str) -> tuple[Block, ...]:
    """Headings, paragraphs and list items of newline-normalised text, in order."""
    blocks: list[Block] = []
    for run in _runs(text):
        blocks.extend(_run_blocks(run))
    if not blocks and text.strip():
        # Only rule lines: still the text the user opened, shown as one paragraph.
        start = len(text) - len(text.lstrip())
        blocks.append(Block("paragraph", start, len(text.rstrip())))
    return tuple(_first_heading_is_top_level(blocks))


def is_heading_line(line: str) -> bool:
    """A short line without closing punctuation that starts with a capital or digit."""
    stripped = line.strip()
    if not stripped or len(stripped) > MAX_HEADING_CHARS:
        return False
    if len(stripped.split()) > MAX_HEADING_WORDS or _HEADING_END.search(stripped):
        return False
    first_letter = _LETTER.search(stripped)
    return first_letter is not None and not first_letter.group().islower()


def _runs(text: str) -> list[list[_Line]]:
    """Runs of non-blank lines, each line with its offset."""
    runs: list[list[_Line]] = []
    current: list[_Line] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip() and not _RULE_LINE.fullmatch(line):
            current.append(_Line(pos, line, _BULLET.match(line)))
        elif current:
            runs.append(current)
            current = []
        pos += len(line) + 1
    if current:
        runs.append(current)
    return runs


def _run_blocks(run: list[_Line]) -> list[Block]:
    longest = max(len(line.text.rstrip()) for line in run)
    unwrapped = any(len(line.text.rstrip()) > _UNWRAPPED_LINE for line in run[:-1])
    units: list[list[_Line]] = []
    for index, line in enumerate(run):
        if index == 0 or _breaks_before(run[index - 1], line, longest, unwrapped):
            units.append([line])
        else:
            units[-1].append(line)

    blocks: list[Block] = []
    bullet_indents: list[int] = []  # indentation of each open list level
    for unit in units:
        first, last = unit[0], unit[-1]
        end = last.start + len(last.text.rstrip())
        if first.bullet is not None:
            indent = first.indent
            while bullet_indents and bullet_indents[-1] > indent:
                bullet_indents.pop()
            if not bullet_indents or bullet_indents[-1] < indent:
                bullet_indents.append(indent)
            blocks.append(
                Block("list_item", first.start + first.bullet.end(), end, level=len(bullet_indents))
            )
            continue
        bullet_indents.clear()
        start = first.start + first.indent
        if len(unit) == 1 and is_heading_line(first.text):
            blocks.append(Block("heading", start, end, level=2))
        else:
            blocks.append(Block("paragraph", start, end))
    return blocks


def _breaks_before(previous: _Line, line: _Line, longest: int, unwrapped: bool) -> bool:
    if unwrapped or line.bullet is not None:
        return True
    if previous.bullet is not None:
        return line.indent <= previous.indent
    return len(previous.text.rstrip()) < longest * _SHORT_LINE_SHARE


def _first_heading_is_top_level(blocks: list[Block]) -> list[Block]:
    """A heading that opens the article is its headline (level 1); later ones are level 2."""
    if blocks and blocks[0].kind == "heading":
        first = blocks[0]
        blocks[0] = Block("heading", first.start, first.end, level=1)
    return blocks
