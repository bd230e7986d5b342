"""One pass over the text for the people it names: fills the NameBook (each surname's full name
as first mentioned) and lists the mentions of people outside quotes and headings, in order, so
that a pronoun resolves to the person last named with a binary search instead of a rescan."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from reader.analysis.lazy_pattern import LazyPattern
from reader.analysis.names import (
    NAME_RUN,
    NameBook,
    ParsedName,
    gender_of_words,
    name_runs,
    parse_name,
)
from reader.analysis.paragraphs import Paragraph
from reader.analysis.pattern_cache import regex
from reader.analysis.wordtrie import word_set

# "Westshire Fire and Rescue Service": a run that an organisation's name carries on past "and".
_ORGANISATION_GOES_ON = LazyPattern(rf"[ \t]+(?:and|&)[ \t]+(?P<rest>{NAME_RUN})")
# "a Social Democrat", "an Oxford Graduate": a description, not someone's name.
_INDEFINITE_BEFORE = regex(r"(?<![\w’'])(?:[Aa]n?)[ \t]+$")


@dataclass(frozen=True, slots=True)
class PersonMention:
    start: int
    end: int
    name: str  # the full name as first mentioned


# A plain dictionary rather than ``functools.lru_cache``: the same memo without the linked-list
# node lru_cache keeps for every entry (memory is part of the contract). Emptied when full.
_PARSED_RUNS: dict[str, ParsedName | None] = {}
_PARSED_RUNS_MAX = 4096


def parse_run(run: str) -> ParsedName | None:
    """``parse_name`` at offset 0, cached: the same runs recur through a document."""
    try:
        return _PARSED_RUNS[run]
    except KeyError:
        pass
    parsed = parse_name(run, 0)
    if len(_PARSED_RUNS) >= _PARSED_RUNS_MAX:
        _PARSED_RUNS.clear()
    _PARSED_RUNS[run] = parsed
    return parsed


def _not_a_person_here(text: str, start: int, end: int, limit: int) -> bool:
    """Whether the words around a name-like run show it is a description or part of an
    organisation's name rather than a person."""
    if start >= 2 and text[start - 1] in " \t" and text[start - 2] in "aAn" and \
            _INDEFINITE_BEFORE.search(text, max(0, start - 4), start):
        return True
    if text[end + 1:end + 2] not in ("a", "&"):
        return False
    goes_on = _ORGANISATION_GOES_ON.match(text, end, limit)
    if goes_on is None:
        return False
    rest = parse_run(goes_on.group("rest"))
    return rest is not None and rest.organisation and not rest.person


def shifted(parsed: ParsedName, offset: int) -> ParsedName:
    return ParsedName(parsed.name, parsed.start + offset, parsed.end + offset, parsed.person,
                      parsed.titled, parsed.title_words, parsed.organisation)


# What "the company" or "the firm" can stand for: a name ending in one of these words.
_COMPANY_WORDS = word_set(
    """group company inc inc. ltd ltd. corp corp. corporation holdings plc llc co co. services
    resources partners airlines airways motors systems technologies bank industries energy
    pharmaceuticals capital""")
_COMPANY_HEADS = frozenset(("company", "firm", "group"))
_SENTENCE_AFTER_WORD = regex(r"(?<=[a-z]{3})\. .*$")


class PeopleIndex:
    """The NameBook and the ordered person mentions of one document, and where organisations
    are named (for "the company", "the district" to stand for them)."""

    def __init__(self, text: str, paragraphs: Sequence[Paragraph],
                 excluded: Sequence[tuple[int, int]]) -> None:
        self.book = NameBook()
        self.mentions: list[PersonMention] = []
        self._starts: list[int] = []
        self._organisations: list[tuple[int, str]] = []
        organisations = self._organisations
        book = self.book
        ex_index = 0
        knows_surname = book.knows_surname
        for para in paragraphs:
            if para.kind == "heading":
                continue
            for match in name_runs(text, para.start, para.end):
                parsed = parse_run(match.group(0))
                if parsed is not None and parsed.organisation and not parsed.person \
                        and " " in parsed.name:
                    # A run may carry on over a full stop ("… Care Group. In"): the name ends
                    # at the first word that closes a sentence.
                    name = parsed.name
                    if ". " in name:
                        name = _SENTENCE_AFTER_WORD.sub("", name)
                    organisations.append((match.start() + parsed.start, name))
                    continue
                if parsed is None or not (parsed.person or knows_surname(parsed.name)):
                    continue  # most runs: a capitalised word opening a sentence, a place
                if parsed.person and not parsed.titled and _not_a_person_here(
                        text, match.start(), match.end(), para.end):
                    continue
                start = match.start() + parsed.start
                book.register(parsed)
                if parsed.person and parsed.titled:
                    gender = gender_of_words(" ".join(parsed.title_words))
                    if gender:
                        book.set_gender(book.full_name(parsed.name), gender)
                while ex_index < len(excluded) and excluded[ex_index][1] <= start:
                    ex_index += 1
                if ex_index < len(excluded) and excluded[ex_index][0] <= start:
                    continue
                self.mentions.append(PersonMention(
                        start, match.start() + parsed.end, book.full_name(parsed.name)))
        self._starts = [m.start for m in self.mentions]

    def organisation_before(self, pos: int, head: str) -> str | None:
        """The organisation last named before ``pos`` that "the <head>" can stand for: one whose
        name holds the head word ("the district": Port Alder School District), or for "the
        company" a name ending like a company's ("Harbourside Care Group")."""
        index = bisect_left(self._organisations, (pos, ""))
        head = head.lower()
        for _start, name in reversed(self._organisations[max(0, index - 40):index]):
            words = name.lower().split()
            if head in words or (head in _COMPANY_HEADS and words[-1] in _COMPANY_WORDS):
                return name
        return None

    def before(self, pos: int, limit: int = 12) -> list[PersonMention]:
        """Up to ``limit`` person mentions ending before ``pos``, nearest first."""
        index = bisect_left(self._starts, pos)
        found: list[PersonMention] = []
        while index > 0 and len(found) < limit:
            index -= 1
            mention = self.mentions[index]
            if mention.end <= pos:
                found.append(mention)
        return found
