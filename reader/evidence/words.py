"""Words as quotes are compared: what counts as the same word, and where each one is.

A quote is "the same" as a passage when its words are, whatever the quote marks, case,
punctuation and spacing around them. So both texts become the same kind of list: each word with
its offsets (Python ``str`` indices into the text it came from, so a passage can be shown and
stored exactly) and a key that ignores case and Unicode's different spellings of one letter
(a precomposed "é" and "e" + a combining accent are one word). A second, looser key also drops
accents; it only serves to find candidate passages, and a word that differs by an accent is
still shown as a change.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

_HIGHEST_SCANNED = 0x20000
"""Combining marks are looked for below this code point (every script in common use); the
supplementary variation selectors are added by hand."""


@cache
def word_pattern() -> re.Pattern[str]:
    r"""A word: a letter or digit, then letters, digits and the combining marks and joiners
    words are written with. Python's ``\w`` does not match combining marks (U+0301, Indic vowel
    signs), which would cut "café" written with a combining accent into two words. Built on
    first use (about 20 ms), not at import."""
    marks = [chr(code) for code in range(0x300, _HIGHEST_SCANNED)
             if unicodedata.category(chr(code)) in ("Mn", "Mc", "Me")
             and not chr(code).isalnum()]
    ranges: list[str] = []
    start = previous = None
    for char in [*marks, *map(chr, range(0xE0100, 0xE01F0))]:
        if previous is not None and ord(char) == ord(previous) + 1:
            previous = char
            continue
        if start is not None:
            ranges.append(_range(start, previous))
        start = previous = char
    if start is not None:
        ranges.append(_range(start, previous))
    return re.compile(r"[^\W_][\w\u200c\u200d" + "".join(ranges) + "]*")


def _range(first: str, last: str | None) -> str:
    return re.escape(first) if last in (None, first) else f"{re.escape(first)}-{re.escape(last)}"


def word_key(word: str) -> str:
    """What two words must share to be the same word: case folded, in one Unicode spelling."""
    folded = word.casefold()
    return folded if folded.isascii() else unicodedata.normalize("NFC", folded)


def loose_key(key: str) -> str:
    """``key`` without its accents ("café" -> "cafe"): only for finding candidates."""
    if key.isascii():
        return key
    decomposed = unicodedata.normalize("NFKD", key)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def iter_words(text: str) -> Iterator[tuple[int, int]]:
    """The (start, end) of every word of ``text``."""
    for match in word_pattern().finditer(text):
        yield match.span()


@dataclass(frozen=True, slots=True)
class Words:
    """The words of a text: offsets into it and their keys, in order."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    keys: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.keys)

    @classmethod
    def of(cls, text: str, start: int = 0, end: int | None = None) -> Words:
        """The words of ``text[start:end]``, with offsets into ``text``."""
        pattern = word_pattern()
        spans = [m.span() for m in pattern.finditer(text, start, len(text) if end is None
                                                     else end)]
        keys = tuple(word_key(text[s:e]) for s, e in spans)
        return cls(text, tuple(s for s, _ in spans), tuple(e for _, e in spans), keys)

    def span_text(self, first: int, last: int) -> str:
        """The text from word ``first`` to the end of word ``last - 1`` (punctuation and
        spacing between them included); empty when ``first == last``."""
        if last <= first:
            return ""
        return self.text[self.starts[first] : self.ends[last - 1]]


ELLIPSIS = re.compile(r"\s*[\[(]?\s*(?:…|\.\s?\.\s?\.)\.?\s*[\])]?\s*")
"""An ellipsis as articles write one inside a quote: "…", "...", ". . .", "[…]", "(...)"."""


def quote_segments(quote: str) -> list[Words]:
    """The quote's runs of words between ellipses, each with offsets into ``quote``; an
    ellipsis at either end only says the quote starts or stops mid-sentence."""
    segments: list[Words] = []
    position = 0
    for match in ELLIPSIS.finditer(quote):
        segments.append(Words.of(quote, position, match.start()))
        position = match.end()
    segments.append(Words.of(quote, position))
    return [segment for segment in segments if len(segment)]
