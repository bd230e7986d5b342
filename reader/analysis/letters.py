"""Regex character classes for upper- and lower-case letters beyond ASCII.

Python's ``re`` has no ``\\p{Lu}``; names in news copy are often Latin-extended or Cyrillic
("Łukasz", "Émilie", "Зеленський"), so the classes are built once from ``str.isupper``.
"""

from __future__ import annotations

import re


def _letters(predicate: str) -> str:
    chars = [chr(c) for c in range(0x41, 0x2000)
             if chr(c).isalpha() and getattr(chr(c), predicate)()]
    return "".join(chars)


UPPER = _letters("isupper")
"""Upper-case letters (Latin, Greek, Cyrillic, ...), ready to put inside ``[...]``."""

LOWER = _letters("islower")
"""Lower-case letters, ready to put inside ``[...]``."""

UPPER_LETTER = re.compile(f"[{UPPER}]")
"""One upper-case letter: ``.match`` at a position, ``.search`` for any in a span."""
