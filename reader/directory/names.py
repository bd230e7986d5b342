"""A speaker as the reviews write it, read as a name the directory can compare.

A claim's ``speaker`` is the analysis' label: a person's full name as first given in the
article ("Denise Okafor"), a surname when the article gave no more ("Okafor"), an organisation
("Harbour Council"), an organisation speaking through someone ("Home Office (spokesperson)") or
a description ("officials", "the agency"). ``parse_speaker`` turns one label into a
``SpeakerName``: what kind of speaker it is, and for a person the given names, initials and
surname the merging rules compare. ``key`` is the variant's identity: labels that differ only by
case, accents, apostrophes, dashes, titles ("Dr", "Sen.", "President"), letters after the name
("KC") or an apposition (", the mayor") have the same key and are one variant.

Only the words are used, never a guess about who someone is: the rules that join variants live
in ``reader.directory.merging`` and are conservative.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from reader.analysis.names import (
    COUNTRIES_AND_DEMONYMS,
    GIVEN_NAMES,
    NON_PERSON_WORDS,
    POST_NOMINALS,
    TITLES,
    gender_of_words,
    parse_name,
)
from reader.analysis.wordtrie import word_set

Kind = Literal["person", "organisation", "description"]

# Letters NFKD leaves whole: folded by hand so that "Søren" and "Soren" are one name.
_LETTERS = str.maketrans({"ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ł": "l", "Ł": "l",
                          "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th",
                          "Þ": "th", "ð": "d", "Ð": "d", "ʼ": "'", "’": "'", "‘": "'",
                          "`": "'", "´": "'", "‐": "-", "‑": "-", "‒": "-", "–": "-",
                          "—": "-", "\u00a0": " "})
_ROLE = re.compile(r"^(?P<name>.*?\S)\s*\((?P<role>[^()]*)\)$")
# Name particles written in lower case ("Ursula von der Leyen", "al-Hakim"): part of the surname.
PARTICLES = word_set("de van von der den al bin ibn da di du del dos das la le el ben ter d'")
SUFFIXES = word_set("jr sr ii iii iv")
# A label that is one of these (or a description starting in lower case) names a group of
# people, not someone the directory can follow from article to article.
GROUP_WORDS = word_set(
    """officials official police residents passengers campaigners prosecutors critics experts
    analysts researchers protesters protestors witnesses doctors nurses teachers parents students
    workers farmers fans locals neighbours neighbors villagers voters shoppers commuters investors
    economists scientists activists lawyers sources some others many both all several they we he
    she it i you people staff employees members officers authorities organisers organizers
    opponents supporters survivors families victims volunteers developers owners
    tenants landlords managers leaders representatives spokesmen spokeswomen spokespeople
    government ministers councillors councilors senators lawmakers legislators diplomats troops
    soldiers rescuers firefighters paramedics engineers inspectors auditors regulators
    unions""")
# Titles whose holder is named by them and one word, often a given name: "Pope Francis".
_TITLES_BEFORE_GIVEN = word_set(
    """king queen prince princess pope emperor empress sheikh emir sultan lord lady sir dame
    saint st father sister brother rabbi imam archbishop cardinal bishop crown""")
_HONORIFICS = word_set("mr mrs ms miss mx dr prof sir dame")
_ARTICLES = word_set("the a an some several many two three four five")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.?-?){1,3}$")


def fold(text: str) -> str:
    """``text`` for comparing names: no accents, no case, one kind of apostrophe and dash,
    single spaces."""
    text = text.translate(_LETTERS)
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


@dataclass(frozen=True, slots=True)
class SpeakerName:
    """One label read as a name. ``written`` is the label without its role, as written;
    ``given`` holds the folded given names, an initial as a letter followed by "." ("j."),
    and ``surname`` the folded surname with its particles ("von der leyen"). ``gender`` is what
    a title said ("Mrs" f, "Mr" m), kept only for names without a given name, whose title is
    then part of who they are."""

    written: str
    kind: Kind
    key: str
    given: tuple[str, ...] = ()
    surname: str = ""
    suffix: str = ""
    gender: str | None = None

    @property
    def full(self) -> bool:
        """A person written with a given name spelled out ("John Smith", "John A. Smith")."""
        return bool(self.given) and not is_initial(self.given[0])

    @property
    def partial(self) -> bool:
        """A person written by surname alone or with initials ("Smith", "J. Smith")."""
        return self.kind == "person" and not self.full

    @property
    def spelled_out(self) -> int:
        """How many given names are spelled out: the more, the better the name to show."""
        return sum(1 for name in self.given if not is_initial(name))


def is_initial(token: str) -> bool:
    return token.endswith(".")


@lru_cache(maxsize=65536)
def split_role(label: str) -> tuple[str, str | None]:
    """"Home Office (spokesperson)" -> ("Home Office", "spokesperson")."""
    label = " ".join(label.split())
    match = _ROLE.match(label)
    if match is None:
        return label, None
    return match.group("name"), match.group("role").strip() or None


@lru_cache(maxsize=65536)
def parse_speaker(label: str) -> SpeakerName:
    """The name in a claim's ``speaker`` label (its role, if any, left out: see
    ``split_role``). Cached: a store repeats the same labels thousands of times."""
    written = " ".join(label.split()).strip(" ,;:")
    if not written:
        return SpeakerName("", "description", "")
    text = _without_apposition(written)
    if _is_description(text):
        return SpeakerName(written, "description", "~" + fold(text))
    words = text.split()
    if len(words) >= 2 and all(w.isupper() or not any(c.isalpha() for c in w)
                               for w in words) and any(
            sum(c.isalpha() for c in w) > 3 for w in words):
        words = [w.title() for w in words]  # "DENISE OKAFOR": shouted, not an acronym
    while len(words) > 2 and words[-1].isupper() and fold(words[-1]).rstrip(".") in POST_NOMINALS:
        words = words[:-1]  # "Julia Marsh KC": letters after a name, not an acronym
    if fold(words[0]) in ("the", "a", "an") or _is_organisation(words):
        # "The Home Office", "The Guardian": nobody's own name starts with an article
        return SpeakerName(written, "organisation", organisation_key(" ".join(words)))
    words, titles = _without_titles(words)
    if not words:
        return SpeakerName(written, "description", "~" + fold(text))
    if len(words) == 1 and titles and any(fold(t).rstrip(".") in _TITLES_BEFORE_GIVEN
                                          for t in titles):
        # "King Charles", "Pope Francis", "Lord Smith": the title belongs to the name, and
        # the word after it may be a given name: never read as a surname alone.
        whole = fold(" ".join([*titles, *words]))
        return SpeakerName(written, "person", whole, (), whole)
    return _person(written, words, titles)


def _without_apposition(text: str) -> str:
    """"Ines Okafor, the mayor" -> "Ines Okafor"; "John Smith, Jr." keeps its suffix."""
    head, comma, tail = text.partition(", ")
    if not comma:
        return text
    if fold(tail).replace(".", "") in SUFFIXES:
        return f"{head} {tail}"
    return head


def _is_description(text: str) -> bool:
    words = text.split()
    first = words[0]
    lowered = fold(first)
    if lowered in _ARTICLES and len(words) > 1:
        # "The Home Office", "The Guardian" name someone; "The owners of …" does not
        return not (lowered in ("the", "a", "an") and words[1][:1].isupper())
    if first[:1].islower():
        # "von der Leyen", "al-Hakim", "d'Estaing": a surname's particle, not a description
        particle = lowered.split("-")[0] in PARTICLES or lowered.startswith("d'")
        later = [*words[1:], first.split("-")[-1]]
        return not (particle and any(w[:1].isupper() for w in later))
    if len(words) == 1 and lowered in GROUP_WORDS:
        return True
    # "Colt's office", "The town’s military administration": someone's office, in that article
    return any(re.search(r"['’]s$", w) and nxt[:1].islower()
               for w, nxt in itertools.pairwise(words))


def _title_word(word: str) -> bool:
    lowered = fold(word)
    return lowered in TITLES or lowered.rstrip(".") in TITLES


def _without_titles(words: list[str]) -> tuple[list[str], list[str]]:
    """Leading titles off ("Prime Minister Keir Starmer", "British Prime Minister …"). A
    label that is titles only ("Prime Minister", "Mayor") comes back empty: it describes an
    office, not whom."""
    titles: list[str] = []
    rest = list(words)
    while len(rest) > 1 and rest[0][:1].isupper() and (_title_word(rest[0]) or (
            fold(rest[0]) in COUNTRIES_AND_DEMONYMS and _title_word(rest[1]))):
        titles.append(rest.pop(0))
    if len(rest) == 1 and _title_word(rest[0]) and not any(
            fold(t).rstrip(".") in _HONORIFICS for t in titles):
        return [], [*titles, *rest]  # "Mr Major" is someone; "Prime Minister" is an office
    return rest, titles


def _is_organisation(words: list[str]) -> bool:
    """Whether a label names an organisation (or a place or a country speaking), from the
    analysis' closed word lists: "Home Office", "Westshire Police", "LSEG", "No 10"."""
    if any(any(c.isdigit() for c in w) for w in words):
        return True  # "No 10", "Channel 4"
    lowered = [fold(w).rstrip(".") for w in words]
    if len(words) == 1:
        bare = words[0].replace(".", "")
        if len(bare) > 1 and bare.isupper():
            return True  # an acronym: "LSEG", "U.N."
        return lowered[0] in NON_PERSON_WORDS or lowered[0] in COUNTRIES_AND_DEMONYMS
    if any(w in ("&", "and", "of", "for") for w in lowered):
        return True  # "Office for Budget Responsibility", "Smith & Wesson"
    for position, word in enumerate(words):
        if word.isalpha() and word.isupper() and len(word) > 1 and (
                len(word) >= 4 or position == len(words) - 1):
            return True  # "OECD Secretariat", "Harbour FC"; not the initials of "JK Rowling"
    parsed = parse_name(" ".join(words), 0)
    if parsed is not None and parsed.person:
        return False  # "Marty West": a given name, then a surname that is also a word
    return any(w in NON_PERSON_WORDS or w in COUNTRIES_AND_DEMONYMS for w in lowered)


def organisation_key(name: str) -> str:
    """"The Home Office" and "Home Office", "U.N." and "UN", "&" and "and" alike."""
    folded = fold(name).replace(".", "").replace(" & ", " and ")
    folded = re.sub(r"^the ", "", folded)
    return "@" + folded


def _person(written: str, words: list[str], titles: list[str]) -> SpeakerName:
    suffix = ""
    if len(words) > 1 and fold(words[-1]).replace(".", "").rstrip(",") in SUFFIXES:
        suffix = fold(words.pop()).replace(".", "").rstrip(",")
        words[-1] = words[-1].rstrip(",")
    # The surname: the last word, with the particles written before it ("van der Berg").
    start = len(words) - 1
    while start > 0 and fold(words[start - 1]) in PARTICLES and words[start - 1][:1].islower():
        start -= 1
    surname = fold(" ".join(words[start:])).rstrip(".")
    given: list[str] = []
    for word in words[:start]:
        given.extend(_given_tokens(word))
    gender = gender_of_words(" ".join(titles)) if titles and not given else None
    parts = [*given, surname] + ([suffix] if suffix else [])
    key = " ".join(parts) + (f"#{gender}" if gender else "")
    return SpeakerName(written, "person", key, tuple(given), surname, suffix, gender)


def _given_tokens(word: str) -> list[str]:
    """A given name as tokens: "John" -> ["john"], "J." -> ["j."], "J.K." -> ["j.", "k."],
    "J.-P." -> ["j.-p."], "JK" (two capitals) -> ["j.", "k."]."""
    folded = fold(word)
    if "." in word and _INITIALS.match(word):
        if "-" in word:
            return [".-".join(p.strip(".") for p in folded.split("-")) + "."]
        return [f"{letter}." for letter in folded.replace(".", "")]
    if len(word) == 1 and word.isalpha():
        return [f"{folded}."]
    if 2 <= len(word) <= 3 and word.isupper() and word.isalpha():
        return [f"{letter}." for letter in folded]
    return [folded]


def initials_of(name: str) -> str:
    """"jean-pierre" -> "j.-p.", "john" -> "j.": the initial a spelled-out name is written with."""
    return ".-".join(part[:1] for part in name.split("-") if part) + "."


def token_compatible(a: str, b: str) -> bool:
    """Whether two given-name tokens can be the same name: equal, or an initial and a name
    it is the initial of ("j." and "john", "j.-p." and "jean-pierre", "j." and "jean-pierre")."""
    if a == b:
        return True
    if is_initial(a) and is_initial(b):
        return False
    if is_initial(b):
        a, b = b, a
    if not is_initial(a):
        return False  # two spelled-out names that differ: two people
    full = initials_of(b)
    return a == full or (a.count(".") == 1 and a[0] == b[:1])


def given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two lists of given names can name one person: the first names agree (spelled
    out and equal, or an initial of the other), and so do the middle names both give. One
    with fewer names ("John Smith", "John A. Smith") is compatible; no given name at all is
    the caller's business."""
    if not a or not b:
        return True
    return all(token_compatible(x, y) for x, y in zip(a, b, strict=False))


def name_gender(name: SpeakerName) -> str | None:
    """"m" or "f" when the title or the first given name (mostly given to one sex) says so."""
    if name.gender:
        return name.gender
    if name.given and not is_initial(name.given[0]):
        guess = GIVEN_NAMES.get(name.given[0])
        if guess in ("m", "f"):
            return guess
    return None
