"""Regex character classes for upper- and lower-case letters beyond ASCII.

Python's ``re`` has no ``\\p{Lu}``; names in news copy are often Latin-extended or Cyrillic
("Łukasz", "Émilie", "Зеленський"), so the classes are built once from ``str.isupper``.
"""

from __future__ import annotations

import re


def _letters(predicate: str) -> str:
    """The letters with ``predicate`` as a class body, runs written as ranges ("A-Z"): the
    same set in about half the characters, and compiling every name pattern is most of the
    time it takes to import the analysis."""
    codes = [c for c in range(0x41, 0x2000)
             if chr(c).isalpha() and getattr(chr(c), predicate)()]
    parts: list[str] = []
    start = 0
    while start < len(codes):
        end = start
        while end + 1 < len(codes) and codes[end + 1] == codes[end] + 1:
            end += 1
        first, last = chr(codes[start]), chr(codes[end])
        parts.append(first if end == start else first + last if end == start + 1
                     else f"{first}-{last}")
        start = end + 1
    return "".join(parts)


UPPER = _letters("isupper")
"""Upper-case letters (Latin, Greek, Cyrillic, ...), ready to put inside ``[...]``."""

LOWER = _letters("islower")
"""Lower-case letters, ready to put inside ``[...]``."""

UPPER_LETTER = re.compile(f"[{UPPER}]")
"""One upper-case letter: ``.match`` at a position, ``.search`` for any in a span."""

CAPITAL = r"(?:[A-ZÀ-ÖØ-Þ]|[^\W\d_\x00-\xff])"
"""A capital letter in name patterns: exact up to Latin-1, and beyond it any letter ("Ł",
"Зеленський" but also "ł"). The exact class is ten times longer, and the name patterns that
hold it were most of the time it takes to start the command line; a capitalised run found
with it is checked letter by letter where it becomes a name (``names.parse_name``)."""

