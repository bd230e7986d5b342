"""Sentence splitting that survives newsroom copy: abbreviations (U.K., Gov., Dr.), initials,
decimals and quotes that end sentences.

A candidate boundary is terminal punctuation, any closing quotes or brackets, then white space.
It is rejected when the next word starts in lower case ("?” she asked"), after a title ("Gov.
Roman"), after an initial ("Donald J. Trump"), and after a dotted abbreviation ("U.S.
President") unless the next word is one that starts sentences ("the U.S. The talks ...").
Paragraph boundaries always end a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.analysis.model import Sentence
from reader.analysis.paragraphs import Paragraph
from reader.analysis.pattern_cache import regex
from reader.analysis.wordtrie import word_set

# "(?:[.!?]+|…)" written to open with one character class, so that ``re`` skips from
# punctuation mark to punctuation mark instead of trying the pattern at every position.
_BOUNDARY = regex(r"[.!?…](?:(?<=[.!?])[.!?]*)?[\"'”’»)\]]*(?=\s+(\S))")
_WORD_BEFORE_DOT = regex(r"([\w.]+)\.$")
_NEXT_WORD = regex(r"[\"'“‘«(\[]*([\w’']+)")
_PREVIOUS_WORD = regex(r"([\w.’'-]+)\s+$")

# Titles before a name: the sentence never ends after them.
TITLE_ABBREVIATIONS = word_set(
    "mr mrs ms mx dr gov gen sen rep st lt col sgt capt cpt maj adm prof rev hon fr pres supt det "
    "insp cmdr cdr brig amb atty gov. sr jr messrs mme mlle dott ing no nos vol art fig ch sec "
    "pp op ft mt ave")
# Abbreviations that may also end a sentence: they end one only before a sentence-opening word.
OTHER_ABBREVIATIONS = word_set(
    "inc ltd co corp plc llc bros etc vs approx est dept univ assn jan feb mar apr jun jul aug sep "
    "sept oct nov dec mon tue tues wed thu thur thurs fri sat sun")
# US states in AP datelines ("SPRINGFIELD, Ill."), only with their capital: "ill." is a word.
STATE_ABBREVIATIONS = word_set(
    "Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Kans Ky La Md Mass Mich Minn Miss Mo "
    "Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo")
SENTENCE_OPENERS = word_set(
    "the a an in on at but and or so he she it they we i you his her its their our this that these "
    "those there here then however meanwhile still yet also last earlier later some many most no "
    "one if when while after before as for with by from since during despite although though "
    "because what who how why where which officials police authorities")


def split_sentences(text: str, paragraphs: Sequence[Paragraph]) -> list[Sentence]:
    """Sentences of every paragraph in order; each is trimmed and lies inside its paragraph."""
    sentences: list[Sentence] = []
    for para in paragraphs:
        start = para.start
        for match in _BOUNDARY.finditer(text, para.start, para.end):
            end = match.end()
            if _is_boundary(text, match, para.end):
                if end > start:
                    sentences.append(Sentence(start, end))
                start = match.start(1)
        if para.end > start:
            sentences.append(Sentence(start, para.end))
    return sentences


def _is_boundary(text: str, match: re.Match[str], para_end: int) -> bool:
    next_start = match.start(1)
    if next_start >= para_end:
        return False
    next_char = text[next_start]
    if next_char.islower():
        return False
    punct = match.group(0)
    if not punct.startswith(".") or punct.startswith(".."):
        return True
    if match.group(0).rstrip("\"'”’»)]") != ".":
        return True
    before = _WORD_BEFORE_DOT.search(text, max(0, match.start() - 24), match.start() + 1)
    if before is None:
        return True
    word = before.group(1)
    if word[-1:].isdigit() and "." not in word:
        return True
    bare = word.rsplit(".", 1)[-1] if "." in word and not _is_dotted(word) else word
    lowered = bare.lower()
    if lowered in TITLE_ABBREVIATIONS:
        return False
    if len(bare) == 1 and bare.isupper() and not _is_dotted(word):
        # An initial ("Donald J. Trump", "J. K. Rowling") follows a name or opens one; a
        # capital letter after a lower-case word ends a sentence ("posted on X. Later...").
        previous = _PREVIOUS_WORD.search(text, max(0, match.start() - 40), match.start() - 1)
        if previous is None or not previous.group(1)[0].islower():
            return False
    if _is_dotted(word) or lowered in OTHER_ABBREVIATIONS or bare in STATE_ABBREVIATIONS:
        following = _NEXT_WORD.match(text, next_start, para_end)
        if following is None:
            return True
        if following.group(1).isdigit():
            return False
        return following.group(1).lower() in SENTENCE_OPENERS
    return True


def _is_dotted(word: str) -> bool:
    """U.S., U.K., a.m., e.g.: letters each followed by a dot."""
    parts = word.split(".")
    return len(parts) >= 2 and all(len(p) == 1 and p.isalpha() for p in parts if p)
