"""Numbers written in words: "six", "twenty-five", "two dozen", "three hundred thousand",
fractions ("a third", "one twenty-fifth", "five eighths"), mixed numbers ("two and a half",
"one hundred and three quarters", "five and a half million"), decimals read aloud ("five point
five", "nought point nought three") and the vague plurals ("dozens", "hundreds", "tens of
thousands"), which have no exact value.

Only the reading of the words lives here; deciding whether "one" is a figure at all ("one
thing for certain" is not), or whether "a third" is an ordinal ("a third straight session"),
is the figure finder's job.

How a fraction's words split into numerator and denominator, when both are numbers:
- the ordinal and any number words joined to it by a hyphen form the denominator ("one
  hundred thirty-fifths" is 100/35); a tens word before a unit ordinal joins it too when a
  number precedes it without "and" ("one hundred thirty fifths" is 100/35, "one hundred and
  thirty fifths" is 130/5, "twenty fifths" is 20/5);
- number words that cannot continue the numerator start the denominator ("three twenty
  firsts" is 3/21, "one one hundred fifth" is 1/105);
- "X and F", F a proper fraction, is a mixed number ("one hundred and three quarters" is
  100.75); after a scale the fraction is of the scale ("two million and a half" is 2,500,000).
A singular ordinal takes the numerator one ("one fifth", "a hundredth"); "the two hundredth
anniversary" and "twenty-first" are ordinals, not fractions, and read as nothing.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from reader.analysis.pattern_cache import regex
from reader.analysis.wordtrie import trie_pattern

UNITS = {
    "zero": 0, "nought": 0, "naught": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
DOZEN = 12
# The vague plurals: how many is not said, so they carry no value (see ``read_vague``).
VAGUE = frozenset({
    "dozens", "scores", "hundreds", "thousands", "millions", "billions", "tens of thousands",
    "hundreds of thousands", "tens of millions", "hundreds of millions", "dozens of thousands",
    "hundreds of billions", "tens of billions",
})
# Ordinals as denominators. "first" and "second" only ever close a compound ("twenty-first"):
# alone, "one second" is a time.
_UNIT_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9,
}
_OTHER_ORDINALS = {
    "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
    "seventieth": 70, "eightieth": 80, "ninetieth": 90,
}
_SCALE_ORDINALS = {
    "hundredth": 100, "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12,
}
_ORDINALS = {**_UNIT_ORDINALS, **_OTHER_ORDINALS, **_SCALE_ORDINALS}
_TIME_ORDINALS = frozenset({"second", "seconds", "first", "firsts"})
# word -> (denominator, plural)
_DENOMINATORS: dict[str, tuple[float, bool]] = {
    "half": (2, False), "halves": (2, True), "quarter": (4, False), "quarters": (4, True),
    **{w: (v, False) for w, v in _ORDINALS.items()},
    **{w + "s": (v, True) for w, v in _ORDINALS.items()},
}
# The fraction words that stand alone after a numerator ("one second" is a time).
FRACTIONS = {w: 1 / d for w, (d, _) in _DENOMINATORS.items()
             if w not in ("first", "firsts", "second", "seconds")}

_CARDINALS = [*UNITS, *TENS, *SCALES, "dozen", "dozens"]
_FIRST_WORD = trie_pattern(_CARDINALS, fold_first=True)
_NEXT_WORD = trie_pattern([*_CARDINALS, *_DENOMINATORS])
_FRACTION_WORD = trie_pattern(FRACTIONS)
# Between two words: a space, a hyphen (spaced or not), "and" (with "a" before a fraction:
# "two and a half"), or "point" (decimals read aloud).
_SEPARATOR = (
    rf"(?:-(?:and-(?:an?-(?={_FRACTION_WORD}\b))?)?"
    rf"|[ \t]+(?:and[ \t]+(?:an?[ \t]+(?={_FRACTION_WORD}\b))?|point[ \t]+)?)"
)
# A spaced dash joins a cardinal to a cardinal or an ordinal ("ninety - five", "one - fourth"),
# not to "half" or "quarter": "$275 billion - half of it" is two figures.
_DASHED_WORD = trie_pattern([*_CARDINALS, *(w for w in _DENOMINATORS
                                           if not w.startswith(("half", "quarter")))])
WORD_NUMBER = (
    rf"\b{_FIRST_WORD}(?:{_SEPARATOR}{_NEXT_WORD}|[ \t]+-[ \t]+{_DASHED_WORD})*\b"
)
VAGUE_NUMBER = (
    r"\b(?:(?:[Tt]ens|[Hh]undreds|[Dd]ozens)[^\S\n]+of[^\S\n]+(?:thousands|millions|billions)|"
    + trie_pattern(["dozens", "hundreds", "thousands", "millions", "billions"], fold_first=True)
    + r")\b"
)
# "a third", "a twenty-fifth", "a hundred trillionths", "an eighth": one of a fraction word.
_A_DENOMINATOR = trie_pattern([w for w, (_, plural) in _DENOMINATORS.items()
                               if not plural and w not in ("first", "second")])
_A_COMPOUND = (
    rf"(?:{trie_pattern(TENS)}[ \t-]+{trie_pattern(_UNIT_ORDINALS)}|"
    rf"(?:(?:hundred|thousand|million|billion)[ \t-]+){{1,2}}"
    rf"{trie_pattern([w for w in _DENOMINATORS if w not in ('first', 'second')])}|"
    rf"{_A_DENOMINATOR})"
)
FRACTION = rf"\b[Aa]n?[ \t-]+{_A_COMPOUND}\b"
# The phrases ``FRACTION`` can start with, for a fast scan: "a third", "a twenty-fifth"...
FRACTION_STARTS = [
    *(f"{a}{sep}{w}" for a in ("a", "A") for sep in " \t-"
      for w in (*FRACTIONS, *TENS) if not w.endswith("s")),
    *(f"{a}{sep}{w}" for a in ("an", "An") for sep in " \t-"
      for w in FRACTIONS if not w.endswith("s") and w[0] in "aeiou"),
]
_TOKEN = regex(r"[a-z]+")


_SINGLE_WORDS = {w: float(v) for w, v in (*UNITS.items(), *TENS.items(), *SCALES.items(),
                                          ("dozen", DOZEN), ("dozens", DOZEN))}


class WordReading(NamedTuple):
    value: float
    consumed: int  # characters of the phrase that form the number
    fraction: bool = False  # a fraction or a mixed number ("five eighths", "two and a half")
    point: bool = False  # a decimal read aloud ("five point five")


def read_word_number(phrase: str) -> tuple[float, int] | None:
    """The value of a number phrase and how many characters of it form one number.

    "three hundred and fifty" -> (350, 23). Reading stops where the words stop making one
    number ("two three" reads as 2), so the caller can shorten the span.
    """
    reading = read_number_words(phrase)
    return None if reading is None else (reading.value, reading.consumed)


def read_number_words(phrase: str) -> WordReading | None:
    """The number a run of number words makes (see the module docstring), or None when the
    words open with an ordinal ("twenty-first")."""
    lowered = phrase.lower()
    if lowered.isalpha():
        # One word: most number phrases.
        single = _SINGLE_WORDS.get(lowered)
        if single is not None:
            return WordReading(single, len(phrase))
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(lowered)]
    words = [t[0] for t in tokens]
    hyphen_before = [i > 0 and "-" in lowered[tokens[i - 1][2]:tokens[i][1]]
                     for i in range(len(tokens))]
    value, j, _, ands = _cardinal(words, 0)
    if j == 0:
        return None
    # A decimal read aloud: "five point five", "nought point nought three".
    if j + 1 < len(words) and words[j] == "point":
        digits, k = _decimal_digits(words, j + 1)
        if digits:
            return WordReading(value + float("0." + digits), tokens[k - 1][2], point=True)
    # A mixed number: "two and a half", "twenty and three fifths", "two million and a half".
    if j < len(words) and words[j] == "and":
        mixed = _proper_fraction(words, hyphen_before, j + 1)
        if mixed is not None:
            part, end = mixed
            scale = _last_scale(words[:j])
            total = value + part * scale
            if end < len(words) and words[end] in SCALES and words[end] != "hundred":
                after = SCALES[words[end]]
                if scale == 1 and value < 1000:
                    total *= after  # "five and a half million"
                    end += 1
                elif after < scale:
                    total = value + part * after  # "one billion and a half million"
                    end += 1
            return WordReading(total, tokens[end - 1][2], fraction=True)
        return WordReading(value, tokens[j - 1][2])
    # A fraction: the first ordinal within the run closes it.
    d = j
    while d < len(words) and words[d] not in _DENOMINATORS and (
            words[d] in UNITS or words[d] in TENS or words[d] in SCALES or words[d] == "and"):
        d += 1
    if d < len(words) and words[d] in _DENOMINATORS:
        fraction = _fraction(words, hyphen_before, j, d, ands)
        if fraction is None and j == d and words[d] in _TIME_ORDINALS and not hyphen_before[d]:
            return WordReading(value, tokens[j - 1][2])  # "six seconds", "one second"
        if fraction is None:
            # "the two hundredth", "twenty-first": an ordinal, no number.
            return None if j == d or words[d] in _ORDINALS else WordReading(
                value, tokens[j - 1][2])
        return WordReading(fraction, tokens[d][2], fraction=True)
    return WordReading(value, tokens[j - 1][2])


def _cardinal(words: list[str], i: int) -> tuple[float, int, str, list[int]]:
    """Read cardinal words from ``i``: (value, index after the last word used, kind of the last
    word, indices of the "and"s used)."""
    total = 0.0
    current = 0.0
    last_kind = ""
    end = i
    ands: list[int] = []
    pending_and = -1
    k = i
    while k < len(words):
        word = words[k]
        if word == "and":
            if last_kind not in ("scale", "hundred") or pending_and >= 0:
                break
            pending_and = k
            k += 1
            continue
        if word in UNITS:
            if last_kind == "unit" or (last_kind == "tens" and UNITS[word] >= 10) or (
                    last_kind == "tens" and UNITS[word] == 0):
                break
            if last_kind not in ("", "scale", "hundred", "tens"):
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
        elif word in ("dozen", "dozens"):
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
        if pending_and >= 0:
            ands.append(pending_and)
            pending_and = -1
        k += 1
        end = k
    return total + current, end, last_kind, ands


def _fraction(words: list[str], hyphen_before: list[bool], j: int, d: int,
              ands: list[int]) -> float | None:
    """The value of words[:d+1] read as numerator (words[:j], perhaps shortened) over the
    denominator ending with the ordinal words[d]."""
    ordinal = words[d]
    denominator, plural = _DENOMINATORS[ordinal]
    if plural:
        ordinal = "half" if ordinal == "halves" else ordinal[:-1]
    # "one hundred and three quarters": the part after an "and" is a proper fraction.
    for a in ands:
        tail = _proper_fraction(words, hyphen_before, a + 1)
        if tail is not None and tail[1] == d + 1:
            head = _cardinal(words[:a], 0)[0]
            return head + tail[0] * _last_scale(words[:a])
    num_end = j
    den_words = words[j:d]
    if not den_words and ordinal in _UNIT_ORDINALS and j >= 1 and words[j - 1] in TENS and (
            hyphen_before[d] or (j >= 2 and words[j - 2] != "and")):
        # "one hundred thirty-fifths", "one hundred thirty fifths": the tens word joins the
        # ordinal; "twenty-first" alone is an ordinal.
        num_end = j - 1
        den_words = [words[j - 1]]
    if den_words:
        if "and" in den_words:
            den_words = [w for w in den_words if w != "and"]
        base = _cardinal(den_words, 0)
        if base[1] != len(den_words):
            return None
        scaled = ordinal in _SCALE_ORDINALS
        denominator = base[0] * denominator if scaled else base[0] + denominator
    if num_end == 0:
        return None  # an ordinal: "twenty-first"
    numerator = _cardinal(words[:num_end], 0)[0]
    if ordinal in ("first", "second") and not den_words:
        return None  # "one second" is a time
    if not plural and numerator != 1:
        return None  # "the two hundredth anniversary": an ordinal
    return numerator / denominator if denominator else None


def _proper_fraction(words: list[str], hyphen_before: list[bool],
                     i: int) -> tuple[float, int] | None:
    """A fraction below one starting at ``i`` ("a half", "three quarters", "fifty-four
    hundredths"): (value, index after it)."""
    if i >= len(words):
        return None
    if words[i] in ("a", "an"):
        if i + 1 < len(words) and words[i + 1] in FRACTIONS and \
                not _DENOMINATORS[words[i + 1]][1]:
            return FRACTIONS[words[i + 1]], i + 2
        return None
    value, j, _, _ = _cardinal(words, i)
    if j == i or j >= len(words) or words[j] not in _DENOMINATORS:
        # "and fifty-four hundredths": the tens word may be hyphen-joined to the units.
        return None
    denominator, plural = _DENOMINATORS[words[j]]
    if words[j] in ("first", "second", "firsts", "seconds"):
        return None
    if (value != 1 and not plural) or value >= denominator:
        return None
    return value / denominator, j + 1


def _last_scale(words: list[str]) -> float:
    """The scale the last number word of ``words`` closes with ("two million" -> 1e6), or 1."""
    if words and words[-1] in SCALES and words[-1] != "hundred":
        return SCALES[words[-1]]
    return 1.0


def _decimal_digits(words: list[str], i: int) -> tuple[str, int]:
    """The digits after "point": single digit words, or one number ("point eleven")."""
    digits = ""
    k = i
    while k < len(words) and words[k] in UNITS and UNITS[words[k]] < 10:
        digits += str(UNITS[words[k]])
        k += 1
    if digits:
        return digits, k
    value, j, _, _ = _cardinal(words, i)
    if j > i and j - i <= 2 and value < 100:
        return str(int(value)), j
    return "", i


def read_vague(phrase: str) -> bool:
    """Whether the words are a vague plural ("hundreds of thousands"): many, but no value."""
    return re.sub(r"\s+", " ", phrase.lower()) in VAGUE


def read_fraction(phrase: str) -> float | None:
    """The value of "a third", "an eighth", "a twenty-fifth", "a hundred trillionths"."""
    words = _TOKEN.findall(phrase.lower())
    if len(words) < 2 or words[0] not in ("a", "an"):
        return None
    rest = words[1:]
    if len(rest) == 1:
        return FRACTIONS.get(rest[0])
    ordinal = rest[-1]
    if ordinal not in _DENOMINATORS:
        return None
    denominator = _DENOMINATORS[ordinal][0]
    if rest[0] in TENS and len(rest) == 2 and ordinal in _UNIT_ORDINALS:
        return 1 / (TENS[rest[0]] + denominator)  # "a twenty-fifth"
    base = _cardinal(rest[:-1], 0)
    if base[1] != len(rest) - 1:
        return None
    return base[0] / denominator  # "a hundred trillionths"
