"""Converting between core offsets (code points) and Qt positions (UTF-16 units).

The core counts Python ``str`` indices into ``Document.text``; a QTextDocument counts UTF-16
code units and one position per block separator, and holds only the text of rendered blocks.
This is the one place where the two meet.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def utf16_length(text: str) -> int:
    """Characters outside the Basic Multilingual Plane (most emoji) take two UTF-16 units."""
    return len(text) + sum(1 for _ in _ASTRAL.finditer(text))


def utf16_to_code_points(text: str, units: int) -> int:
    """How many code points of ``text`` the first ``units`` UTF-16 units cover."""
    count = 0
    for index, ch in enumerate(text):
        if count >= units:
            return index
        count += 2 if ord(ch) > 0xFFFF else 1
    return len(text)


@dataclass(frozen=True, slots=True)
class RenderedBlock:
    """A document block as rendered: its core range and the Qt position where it starts."""

    start: int
    end: int
    qt_start: int


class PositionMap:
    """Maps core offsets to Qt positions and back for a rendered document.

    Offsets that fall between blocks (blank lines, bullets of a .txt file that are not
    rendered) map to the start of the next block, or the end of the last one. The offsets of
    astral characters are found once, so each conversion costs two binary searches rather than
    a walk over the text: highlighting a book-length article makes tens of thousands of them.
    """

    def __init__(self, text: str, blocks: Sequence[RenderedBlock]) -> None:
        self._text = text
        self._blocks = list(blocks)
        self._starts = [b.start for b in self._blocks]
        self._qt_starts = [b.qt_start for b in self._blocks]
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]

    def _astral_between(self, start: int, end: int) -> int:
        if not self._astral:
            return 0
        return bisect_left(self._astral, end) - bisect_left(self._astral, start)

    def to_qt(self, offset: int) -> int:
        if not self._blocks:
            return 0
        index = max(bisect_right(self._starts, offset) - 1, 0)
        block = self._blocks[index]
        if offset < block.start:
            return block.qt_start
        if offset > block.end:
            if index + 1 < len(self._blocks):
                return self._blocks[index + 1].qt_start
            offset = block.end
        return block.qt_start + (offset - block.start) + self._astral_between(block.start, offset)

    def from_qt(self, position: int) -> int:
        if not self._blocks:
            return 0
        index = max(bisect_right(self._qt_starts, position) - 1, 0)
        block = self._blocks[index]
        units = max(position - block.qt_start, 0)
        if not self._astral_between(block.start, block.end):
            return min(block.start + units, block.end)
        return block.start + utf16_to_code_points(self._text[block.start : block.end], units)
