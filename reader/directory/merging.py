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

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from reader.directory.names import (
    SpeakerName,
    given_compatible,
    name_gender,
    parse_speaker,
    split_role,
)
from reader.directory.quotes import Collection


@dataclass(slots=True)
class Occurrence:
    """Every quote of one variant in one article (indices into ``Collection.quotes``)."""

    key: str
    article: int
    name: SpeakerName
    quotes: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Variant:
    """One name as the store writes it, in all articles: its occurrences and its spellings."""

    key: str
    name: SpeakerName
    occurrences: list[int] = field(default_factory=list)
    spellings: Counter = field(default_factory=Counter)

    def spelling(self) -> str:
        """The spelling written most often; on a tie, one not in capitals, with its accents,
        the shortest (titles and appositions are extra words)."""
        return min(self.spellings, key=lambda s: (
            -self.spellings[s], s.isupper(), -sum(ord(c) > 127 for c in s), len(s), s))


@dataclass(slots=True)
class Mentions:
    """The quotes of a collection grouped into occurrences and variants."""

    occurrences: list[Occurrence]
    variants: dict[str, Variant]
    roles: list[str | None]
    """Per quote: the role it was spoken through ("spokesperson"), or None."""


def group_mentions(collection: Collection) -> Mentions:
    occurrences: list[Occurrence] = []
    variants: dict[str, Variant] = {}
    roles: list[str | None] = []
    index: dict[tuple[str, int], int] = {}
    labels: dict[str, tuple[str, str | None, SpeakerName]] = {}
    for number, quote in enumerate(collection.quotes):
        label = labels.get(quote.speaker)
        if label is None:
            written, role = split_role(quote.speaker)
            label = labels[quote.speaker] = (written, role, parse_speaker(written))
        written, role, name = label
        roles.append(role)
        place = (name.key, quote.article)
        at = index.get(place)
        if at is None:
            at = index[place] = len(occurrences)
            occurrences.append(Occurrence(name.key, quote.article, name))
            variant = variants.get(name.key)
            if variant is None:
                variant = variants[name.key] = Variant(name.key, name)
            variant.occurrences.append(at)
        occurrences[at].quotes.append(number)
        variants[name.key].spellings[written] += 1
    return Mentions(occurrences, variants, roles)


@dataclass(slots=True)
class Partition:
    """Occurrences in groups, one group per speaker. ``hints`` names, for a group of initials
    or a surname that could not be placed, the groups it could have joined."""

    groups: list[list[int]]
    hints: dict[int, tuple[int, ...]] = field(default_factory=dict)


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
        _place_people(people[surname], occurrences, groups, hints)
    return Partition(groups, hints)


def _place_people(variants: list[Variant], occurrences: list[Occurrence],
                  groups: list[list[int]], hints: dict[int, tuple[int, ...]]) -> None:
    """One surname's variants: full names first (most spelled out first, so that a shorter
    name meets every longer one it could be), then initials, then the surname alone."""
    persons: list[_Person] = []

    def new_person(name: SpeakerName, placed: Iterable[int]) -> _Person:
        placed = list(placed)
        groups.append(placed)
        person = _Person(len(groups) - 1, [name], {occurrences[at].article for at in placed})
        persons.append(person)
        return person

    full = sorted((v for v in variants if v.name.full), key=_specificity)
    for variant in full:
        agreeing = [p for p in persons if _agree(variant.name, p)]
        if len(agreeing) == 1:
            person = agreeing[0]
            person.members.append(variant.name)
            groups[person.group].extend(variant.occurrences)
            person.articles.update(occurrences[at].article for at in variant.occurrences)
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
                here = [p for p in agreeing if occurrences[at].article in p.articles]
                target = here[0] if len(here) == 1 else None
            if target is None:
                scope = occurrences[at].article if agreeing else None
                target = alone.get(scope)
                if target is None:
                    target = alone[scope] = new_person(variant.name, [at])
                    if agreeing:
                        hints[target.group] = tuple(p.group for p in agreeing)
                    continue
                target.articles.add(occurrences[at].article)
            groups[target.group].append(at)
