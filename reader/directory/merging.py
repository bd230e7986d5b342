"""Which name variants are one speaker: the automatic rules, before the user's decisions.

The unit placed is an ``Occurrence``: every quote of one variant (a ``SpeakerName.key``) in
one article. The rules, conservative because a wrong merge hides who said what while a missed
one only splits a list the user can join:

- an organisation is the same organisation wherever its name is written the same (case,
  accents, a leading "The", dots of an acronym aside);
- a description ("officials", "the agency", "Colt's office") stands for someone in its own
  article only, and is never joined to anything automatically;
- people are compared within one surname (with its particles) and generation suffix (a
  "Jr." is not his father). Names with a given name spelled out join when the given names
  agree ("John Smith", "John A. Smith", "John Andrew Smith"); a name that agrees with two
  people who disagree with each other ("John Smith" beside "John A. Smith" and "John B.
  Smith") stays on its own. Initials ("J. Smith") and surnames alone ("Smith", "Mrs Smith")
  join the one person of the store they agree with; when the store holds several, the one the
  same article names; otherwise they stay on their own, one speaker per article, listed with
  the people they could be (with nobody they could be, one speaker across articles).
  A title's sex ("Mrs") never joins a given name mostly given to the other ("John").
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

from reader.directory.names import (
    SpeakerName,
    fold,
    given_compatible,
    name_gender,
    parse_speaker,
    split_role,
)
from reader.directory.quotes import Collection


class Occurrence(NamedTuple):
    """Every quote of one variant in one article: their numbers in the ``Collection`` are
    ``Mentions.quote_order[first:end]``, and ``tally`` counts them by status
    (``STATUS_CODES`` order)."""

    key: str
    article: int
    first: int
    end: int
    tally: tuple[int, int, int, int]

    @property
    def count(self) -> int:
        return self.end - self.first


class Occurrences:
    """The occurrences of a store, a column per field (``table[at]`` gives one as an
    ``Occurrence``). A store holds hundreds of thousands of them: as objects, a full pass of
    the cyclic garbage collector over them would stall the window for a fifth of a second;
    in arrays it never looks at them."""

    __slots__ = ("articles", "ends", "firsts", "keys", "tallies")

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.articles = array("I")
        self.firsts = array("I")
        self.ends = array("I")
        self.tallies = array("I")  # four per occurrence

    def append(self, key: str, article: int, first: int, end: int,
               tally: list[int]) -> None:
        self.keys.append(key)
        self.articles.append(article)
        self.firsts.append(first)
        self.ends.append(end)
        self.tallies.extend(tally)

    def __len__(self) -> int:
        return len(self.keys)

    def __getitem__(self, at: int) -> Occurrence:
        tallies = self.tallies
        return Occurrence(self.keys[at], self.articles[at], self.firsts[at], self.ends[at],
                          (tallies[4 * at], tallies[4 * at + 1], tallies[4 * at + 2],
                           tallies[4 * at + 3]))


@dataclass(slots=True)
class Variant:
    """One name as the store writes it, in all articles: its occurrences and its spellings."""

    key: str
    name: SpeakerName
    occurrences: list[int] = field(default_factory=list)
    spellings: Counter = field(default_factory=Counter)
    _shown: str | None = None

    def spelling(self) -> str:
        """The spelling written most often; on a tie, one not in capitals, with its accents,
        the shortest (titles and appositions are extra words)."""
        if self._shown is None:
            self._shown = min(self.spellings, key=lambda s: (
                -self.spellings[s], s.isupper(), -sum(ord(c) > 127 for c in s), len(s), s))
        return self._shown


@dataclass(slots=True)
class Mentions:
    """The quotes of a collection grouped into occurrences and variants. ``by_spelling``
    finds the variants a folded spelling is one of."""

    occurrences: Occurrences
    variants: dict[str, Variant]
    by_spelling: dict[str, set[str]]
    quote_order: array

    def quotes_of(self, occurrence: Occurrence) -> array:
        """The numbers of an occurrence's quotes in the ``Collection``, in reading order."""
        return self.quote_order[occurrence.first:occurrence.end]


def group_mentions(collection: Collection) -> Mentions:
    # Article by article (the collection holds each article's quotes together): first by
    # label, one dictionary step per quote, then each label read as a name once.
    occurrences = Occurrences()
    variants: dict[str, Variant] = {}
    quote_order = array("I")
    statuses = collection.statuses
    speakers = collection.speakers
    names: dict[str, tuple[str, SpeakerName]] = {}
    for article, first, end in _article_runs(collection.article_of):
        by_label: dict[str, tuple[list[int], list[int]]] = {}
        for number in range(first, end):
            label = speakers[number]
            found = by_label.get(label)
            if found is None:
                found = by_label[label] = ([], [0, 0, 0, 0])
            found[0].append(number)
            found[1][statuses[number]] += 1
        here: dict[str, tuple[list[int], list[int]]] = {}
        for label, (numbers, counts) in by_label.items():
            named = names.get(label)
            if named is None:
                written = split_role(label)[0]
                named = names[label] = (written, parse_speaker(written))
            written, name = named
            variant = variants.get(name.key)
            if variant is None:
                variant = variants[name.key] = Variant(name.key, name)
            variant.spellings[written] += len(numbers)
            gathered = here.get(name.key)
            if gathered is None:
                here[name.key] = (numbers, counts)
            else:  # a second label of one name in this article ("Okafor (spokesperson)")
                gathered[0].extend(numbers)
                for status in range(4):
                    gathered[1][status] += counts[status]
        for key, (numbers, counts) in here.items():
            if len(numbers) > 1:
                numbers.sort()
            start = len(quote_order)
            quote_order.extend(numbers)
            variants[key].occurrences.append(len(occurrences))
            occurrences.append(key, article, start, len(quote_order), counts)
    by_spelling: dict[str, set[str]] = {}
    for key, variant in variants.items():
        for spelling in variant.spellings:
            by_spelling.setdefault(fold(spelling), set()).add(key)
    return Mentions(occurrences, variants, by_spelling, quote_order)


def _article_runs(article_of) -> list[tuple[int, int, int]]:
    """(article, first quote, end) for each article's run of quotes (they are stored by
    article)."""
    runs = []
    first = 0
    count = len(article_of)
    while first < count:
        article = article_of[first]
        end = first + 1
        while end < count and article_of[end] == article:
            end += 1
        runs.append((article, first, end))
        first = end
    return runs


@dataclass(slots=True)
class Partition:
    """Occurrences in groups, one group per speaker. ``hints`` names, for a group of initials
    or a surname that could not be placed, the groups it could have joined. ``owner`` gives
    each occurrence's group; ``made`` is the directory's cache of what each group shows."""

    groups: list[list[int]]
    hints: dict[int, tuple[int, ...]] = field(default_factory=dict)
    owner: list[int] = field(default_factory=list)
    made: dict[int, dict] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.owner:
            owner = [0] * sum(len(group) for group in self.groups)
            for number, group in enumerate(self.groups):
                for at in group:
                    owner[at] = number
            self.owner = owner


@dataclass(slots=True)
class _Person:
    group: int
    members: list[SpeakerName]
    articles: set[int]


def _agree(name: SpeakerName, person: _Person) -> bool:
    gender = name_gender(name)
    for member in person.members:
        if not given_compatible(name.given, member.given):
            return False
        other = name_gender(member)
        if gender and other and gender != other:
            return False
    return True


def _specificity(variant: Variant) -> tuple:
    name = variant.name
    return (-name.spelled_out, -len(name.given), -len(variant.occurrences), variant.key)


def partition(mentions: Mentions) -> Partition:
    """The automatic grouping (see the module's rules). Deterministic: the same mentions give
    the same groups in the same order."""
    groups: list[list[int]] = []
    hints: dict[int, tuple[int, ...]] = {}
    occurrences = mentions.occurrences
    people: dict[tuple[str, str], list[Variant]] = {}
    for key in sorted(mentions.variants):
        variant = mentions.variants[key]
        kind = variant.name.kind
        if kind == "organisation":
            groups.append(list(variant.occurrences))
        elif kind == "description":
            groups.extend([at] for at in variant.occurrences)
        else:
            people.setdefault((variant.name.surname, variant.name.suffix), []).append(variant)
    for surname in sorted(people):
        _place_people(people[surname], occurrences.articles, groups, hints)
    return Partition(groups, hints)


def _place_people(variants: list[Variant], articles: array,
                  groups: list[list[int]], hints: dict[int, tuple[int, ...]]) -> None:
    """One surname's variants: full names first (most spelled out first, so that a shorter
    name meets every longer one it could be), then initials, then the surname alone."""
    persons: list[_Person] = []

    def new_person(name: SpeakerName, placed: Iterable[int]) -> _Person:
        placed = list(placed)
        groups.append(placed)
        person = _Person(len(groups) - 1, [name], {articles[at] for at in placed})
        persons.append(person)
        return person

    full = sorted((v for v in variants if v.name.full), key=_specificity)
    for variant in full:
        agreeing = [p for p in persons if _agree(variant.name, p)]
        if len(agreeing) == 1:
            person = agreeing[0]
            person.members.append(variant.name)
            groups[person.group].extend(variant.occurrences)
            person.articles.update(articles[at] for at in variant.occurrences)
        else:
            new_person(variant.name, variant.occurrences)
    partial = sorted((v for v in variants if not v.name.full), key=_specificity)
    for variant in partial:
        agreeing = [p for p in persons if _agree(variant.name, p)]
        # Not placed: with nobody it could be, one speaker of that name across the store; with
        # several, one per article (two articles' "Smith" may be two of the Smiths).
        alone: dict[int | None, _Person] = {}
        for at in variant.occurrences:
            target: _Person | None = agreeing[0] if len(agreeing) == 1 else None
            if target is None:
                here = [p for p in agreeing if articles[at] in p.articles]
                target = here[0] if len(here) == 1 else None
            if target is None:
                scope = articles[at] if agreeing else None
                target = alone.get(scope)
                if target is None:
                    target = alone[scope] = new_person(variant.name, [at])
                    if agreeing:
                        hints[target.group] = tuple(p.group for p in agreeing)
                    continue
                target.articles.add(articles[at])
            groups[target.group].append(at)
