"""A claim's words as "seen before" compares them: folded, with each figure as one token.

Two outlets quoting the same sentence differ in ways that do not change what was said: quote
marks, case, accents, an ellipsis where words were cut, "5.2%" against "5.2 per cent",
"£4.2m" against "£4.2 million". So a claim's text becomes a list of tokens: words folded
(case and accents), punctuation dropped, and every figure the analysis finds replaced by one
token for its value and unit (``#%:5.2``, ``#GBP:4200000``), so that a restated figure reads
as the same figure and a changed number as a different token.

The same function runs on stored claims when they are indexed and on a new article's claims
when they are looked up, so both sides always agree.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from reader.analysis.figures import find_figures
from reader.analysis.model import Figure
from reader.analysis.paragraphs import paragraphs_of
from reader.analysis.wordtrie import word_set

FIGURE_MARK = "#"
"""The first character of a figure token (never the start of a folded word)."""
SHINGLE_WORDS = 3
"""Consecutive tokens hashed together to find candidates: three keep "we will not" from
matching every claim with "we" and "will", and a cut of five words still shares three."""
WINNOW = 3
"""Of every this many consecutive runs, the index keeps the smallest key (see
``stored_keys``): any five shared words are found."""

_WORD = re.compile(r"\w+")
_NUMBERISH = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                        r"twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                        r"hundred|thousand|million|billion|trillion|dozen|half|third|quarter|"
                        r"double|doubled|triple|tripled|halved|score)", re.IGNORECASE)
_TITLES = word_set("""mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend
    cllr councillor judge justice gen general col colonel capt captain sen senator rep
    president minister mp mep the""")
_ROLE = re.compile(r"\s*\([^()]*\)\s*$")
NEGATIONS = word_set("""not no never nor neither nobody nothing none cannot cant dont
    doesnt didnt isnt wasnt arent werent wont wouldnt shouldnt couldnt hasnt havent hadnt""")
"""Words that turn a sentence into its opposite: "we will not raise taxes" is not "we will
raise taxes", however alike the rest."""
STOPWORDS = word_set("""a an the of to in on at for and or but is are was were be been being
    it its this that these those by with as from has have had will would said says say
    told according he she they we i you his her their our my your there than then so""")
"""Words that say little about which sentence it is, left out when sentences are compared as
sets of words (restated figures), never when quotes are compared word by word."""
_CONTRACTIONS = re.compile(r"(\w)['’](t|s|re|ve|ll|d|m)\b", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower case without accents: "Inés" and "INES" read alike."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def figure_token(figure: Figure) -> str | None:
    """One token for a figure's value and unit, or None for a figure with no value ("dozens",
    a period, a range of years): those are compared as the words they are written in."""
    if figure.kind == "date" and figure.date:
        return f"{FIGURE_MARK}date:{figure.date}"
    if figure.value is None:
        return None
    value, unit = figure.value, figure.unit or figure.kind
    normalised = figure.normalised
    if normalised is not None:
        value, unit = normalised
    unit = "_".join(fold(unit).split())  # one token: no spaces in it
    if figure.kind == "range" and figure.low is not None and figure.high is not None:
        return f"{FIGURE_MARK}{unit}:{figure.low:.6g}-{figure.high:.6g}"
    return f"{FIGURE_MARK}{unit}:{value:.6g}"


def _figures(text: str) -> list[Figure]:
    if not _NUMBERISH.search(text):
        return []  # most claims: nothing for the figure finder to find
    return find_figures(text, paragraphs_of(text, None))


def _words(text: str) -> list[str]:
    return _WORD.findall(_CONTRACTIONS.sub(r"\1\2", fold(text)))


def tokens(text: str) -> list[str]:
    """The claim's words, folded, each figure one token (see the module's docstring)."""
    out: list[str] = []
    position = 0
    for figure in _figures(text):
        token = figure_token(figure)
        if token is None:
            continue
        out.extend(_words(text[position:figure.start]))
        out.append(token)
        position = figure.end
    out.extend(_words(text[position:]))
    return out


def figure_tokens(words: Iterable[str]) -> set[str]:
    return {word for word in words if word.startswith(FIGURE_MARK)}


GENERIC_UNITS = frozenset(("count", "year", "other"))
"""Units the figure finder gives when the words around a number do not say more: "6,000 jobs"
cut to "6,000 …" is a count, and "2000 more students" reads as a year. Such a figure agrees
with one of the same value in any unit."""


def figures_agree(first: str, second: str) -> bool:
    """Two figure tokens for the same figure: equal, or the same value where one of them has
    only a generic unit."""
    if first == second:
        return True
    unit_a, _, value_a = first[1:].rpartition(":")
    unit_b, _, value_b = second[1:].rpartition(":")
    return value_a == value_b and (unit_a in GENERIC_UNITS or unit_b in GENERIC_UNITS)


def plain_words(text: str) -> list[str]:
    """The claim's words folded, figures as the words they are written in: how quotes are
    compared a second time when a figure was read differently in a cut ("twice" is a figure
    after "risen to 19 minutes", not alone)."""
    return _words(text)


def content_words(words: Iterable[str]) -> set[str]:
    return {word for word in words if word not in STOPWORDS}


def _digest(text: str) -> int:
    """A stable 31-bit key (Python's own ``hash`` changes from run to run). 31 bits keep each
    key in four bytes on disk; two runs of words sharing a key by chance only add a
    candidate that the comparison then turns down."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"),
                                          digest_size=4).digest(), "big") >> 1


def _run_keys(words: list[str]) -> list[int]:
    """The key of each run of ``SHINGLE_WORDS`` tokens, in order (of the whole claim when it
    is shorter)."""
    if len(words) < SHINGLE_WORDS:
        return [_digest(" ".join(words))] if words else []
    return [_digest(" ".join(words[index:index + SHINGLE_WORDS]))
            for index in range(len(words) - SHINGLE_WORDS + 1)]


def _figure_keys(words: list[str]) -> list[int]:
    return [_digest(word) for word in sorted(figure_tokens(words))]


def lookup_keys(words: list[str]) -> set[int]:
    """Every key a new claim is looked up by: each run of words, and each figure."""
    return {*_run_keys(words), *_figure_keys(words)}


def stored_keys(words: list[str]) -> set[int]:
    """The keys a claim is filed under: the smallest of every ``WINNOW`` consecutive runs
    (winnowing, after Schleimer, Wilkerson and Aiken), and every figure's. About half the
    runs are kept, yet any ``SHINGLE_WORDS + WINNOW - 1`` words the claim shares with
    another claim hold at least one kept run, since a lookup tries every run of the new
    claim."""
    runs = _run_keys(words)
    kept = set(runs) if len(runs) <= WINNOW else {
        min(runs[index:index + WINNOW]) for index in range(len(runs) - WINNOW + 1)}
    return kept | set(_figure_keys(words))


def speaker_names(name: str | None) -> tuple[str, ...]:
    """A speaker's name as comparable words: folded, without a role ("Home Office
    (spokesperson)"), titles ("Dr", "Ms") or a leading "the"."""
    if not name:
        return ()
    words = _WORD.findall(fold(_ROLE.sub("", name)))
    kept = [word for word in words if word not in _TITLES]
    return tuple(kept or words)


def same_speaker(first: str | None, second: str | None) -> bool:
    """Whether two speaker labels can name the same person or organisation: the same last
    name, and given names that agree where both are written ("Ines Okafor", "I. Okafor",
    "Dr Okafor" and "Okafor" agree; "Tom Okafor" does not; "Home Office" is not "Foreign
    Office")."""
    a, b = speaker_names(first), speaker_names(second)
    if not a or not b or a[-1] != b[-1]:
        return False
    for x, y in zip(a[:-1], b[:-1], strict=False):
        if x == y:
            continue
        if (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
            continue  # an initial
        return False
    return True
