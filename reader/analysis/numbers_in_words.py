"""Numbers written in words: "six", "twenty-five", "two dozen", "three hundred thousand",
"a third", and the vague plurals ("dozens", "hundreds", "tens of thousands").

Only the reading of the words lives here; deciding whether "one" is a figure at all ("one
thing for certain" is not) is the figure finder's job.
"""

from __future__ import annotations

import re

from reader.analysis.wordtrie import trie_pattern

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
DOZEN = 12
VAGUE = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6,
    "billions": 1e9, "tens of thousands": 1e4, "hundreds of thousands": 1e5,
    "tens of millions": 1e7, "hundreds of millions": 1e8, "dozens of thousands": 1.2e4,
}
FRACTIONS = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25,
    "quarters": 0.25, "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1,
}

_WORDS = [*UNITS, *TENS, *SCALES, "dozen"]
_FIRST_WORD = trie_pattern(_WORDS, fold_first=True)
_NEXT_WORD = trie_pattern(_WORDS)
WORD_NUMBER = rf"\b{_FIRST_WORD}(?:(?:[ \t-]+|[^\S\n]+and[^\S\n]+){_NEXT_WORD})*\b"
VAGUE_NUMBER = (
    r"\b(?:(?:[Tt]ens|[Hh]undreds|[Dd]ozens)[^\S\n]+of[^\S\n]+(?:thousands|millions|billions)|"
    + trie_pattern(["dozens", "hundreds", "thousands", "millions", "billions"], fold_first=True)
    + r")\b"
)
FRACTION = (
    r"\b(?:[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Nn]ine)[ \t-]"
    + trie_pattern(FRACTIONS)
    + r"\b"
)
_TOKEN = re.compile(r"[a-z]+")


def read_word_number(phrase: str) -> tuple[float, int] | None:
    """The value of a number phrase and how many characters of it form one number.

    "three hundred and fifty" -> (350, 23). Reading stops where the words stop making one
    number ("two three" reads as 2), so the caller can shorten the span.
    """
    total = 0.0
    current = 0.0
    seen_any = False
    last_kind = ""
    consumed = 0
    for match in _TOKEN.finditer(phrase.lower()):
        word = match.group(0)
        if word == "and":
            if last_kind not in ("scale", "hundred"):
                break
            continue
        if word in UNITS:
            if last_kind == "unit" or (last_kind == "tens" and UNITS[word] >= 10):
                break
            if last_kind == "tens":
                current += UNITS[word]
            else:
                if last_kind not in ("", "scale", "hundred"):
                    break
                current += UNITS[word]
            last_kind = "unit"
        elif word in TENS:
            if last_kind in ("unit", "tens"):
                break
            current += TENS[word]
            last_kind = "tens"
        elif word == "hundred":
            if last_kind == "hundred":
                break
            current = (current or 1) * 100
            last_kind = "hundred"
        elif word == "dozen":
            if last_kind == "dozen":
                break
            current = (current or 1) * DOZEN
            last_kind = "dozen"
        elif word in SCALES:
            if last_kind == "scale":
                break
            total += (current or 1) * SCALES[word]
            current = 0
            last_kind = "scale"
        else:
            break
        seen_any = True
        consumed = match.end()
    if not seen_any:
        return None
    return total + current, consumed


def read_vague(phrase: str) -> float | None:
    return VAGUE.get(re.sub(r"\s+", " ", phrase.lower()))


def read_fraction(phrase: str) -> float | None:
    words = re.split(r"[\s-]+", phrase.lower())
    if len(words) != 2 or words[1] not in FRACTIONS:
        return None
    count = 1 if words[0] in ("a", "an") else UNITS.get(words[0])
    if count is None:
        return None
    return count * FRACTIONS[words[1]]
