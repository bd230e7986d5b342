"""The speaker directory of a store: who is quoted across every review, with their quotes,
verdicts and tallies, after the automatic rules (``merging``) and the user's decisions
(``decisions``).

``build_directory(root)`` reads the store (the slow part: every review file) and returns a
``SpeakerDirectory``; ``directory.with_decisions(state)`` replays another set of decisions
over the same reading, which is what a join or a split costs afterwards.
"""

from __future__ import annotations

import difflib
import gc
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.directory.decisions import Decision, DecisionsFile, DecisionsState, NameRef
from reader.directory.merging import Mentions, Partition, group_mentions, partition
from reader.directory.names import fold, parse_speaker, split_role
from reader.directory.quotes import (
    Article,
    Collection,
    Progress,
    QuoteRecord,
    article_label,
    collect,
)

_SCOPED = re.compile(r"^(?P<name>.*?\S)\s*@(?P<review>[0-9a-fA-F]{6,32})$")


def scoped_name(text: str) -> tuple[str, str | None]:
    """"John Smith@1a2b3c" -> ("John Smith", "1a2b3c"): a name, and the start of a review id
    when one is given (6 to 32 hexadecimal digits after "@")."""
    text = " ".join(text.split())
    match = _SCOPED.match(text)
    if match is None:
        return text, None
    return match.group("name"), match.group("review").lower()


MAX_SUGGESTIONS = 5


@dataclass(frozen=True, slots=True)
class Tally:
    verified: int = 0
    disputed: int = 0
    unverifiable: int = 0
    unreviewed: int = 0

    @property
    def total(self) -> int:
        return self.verified + self.disputed + self.unverifiable + self.unreviewed

    def to_dict(self) -> dict[str, int]:
        return {"verified": self.verified, "disputed": self.disputed,
                "unverifiable": self.unverifiable, "unreviewed": self.unreviewed}

    def text(self) -> str:
        """"3 verified, 1 disputed, 0 unverifiable, 10 unreviewed"."""
        return ", ".join(f"{count} {status}" for status, count in self.to_dict().items())


@dataclass(frozen=True, slots=True)
class Speaker:
    """One person, organisation or (in one article) described speaker.

    ``variants`` are the names it is written with, the one shown first; ``ref`` names it in a
    decision (its best name, tied to one review when that name alone would find another
    speaker). ``context`` tells it from another speaker shown with the same name (the article,
    or how many); ``note`` says when a surname or initials could not be placed."""

    number: int
    name: str
    kind: str
    variants: tuple[str, ...]
    keys: tuple[str, ...]
    ref: NameRef
    tally: Tally
    articles: int
    context: str
    note: str
    occurrences: tuple[int, ...]
    sort_key: tuple
    search: str = ""
    """Its names folded (no case, no accents), for a filter to match typed words in."""

    @property
    def quote_count(self) -> int:
        return self.tally.total

    @property
    def unnamed(self) -> bool:
        """A description ("officials", "the agency"), which names nobody across articles."""
        return self.kind == "description"

    def display(self) -> str:
        """The name with its context when it needs one: "John Smith (in “Ferry fares”)"."""
        return f"{self.name} ({self.context})" if self.context else self.name


@dataclass(frozen=True, slots=True)
class SpeakerQuote:
    """A quote as the directory lists it: the claim, its article, and how the article named
    the speaker (``written``) and through whom (``role``: "spokesperson")."""

    record: QuoteRecord
    article: Article
    written: str
    role: str | None

    @property
    def status(self) -> str:
        return self.record.status_name

    @property
    def date(self) -> str:
        return self.article.date

    def to_dict(self) -> dict:
        article = self.article
        return {
            "date": article.date, "dated_by": article.dated_by, "status": self.status,
            "text": self.record.text, "kind": self.record.kind, "speaker_as_written":
            self.written, "role": self.role, "review": article.review_id,
            "claim_id": self.record.claim_id, "start": self.record.start,
            "end": self.record.end, "orphaned": self.record.orphaned,
            "article": {"title": article.title, "path": article.path, "url": article.url,
                        "site": article.site},
        }


@dataclass(frozen=True, slots=True)
class Lookup:
    """What a name typed by the user finds: one speaker, several (``candidates``), or none
    (``suggestions``: close names). ``by_surname``: found by surname, not as written."""

    speaker: Speaker | None = None
    candidates: tuple[Speaker, ...] = ()
    suggestions: tuple[str, ...] = ()
    by_surname: bool = False


def name_key(name: str) -> str:
    """The variant key of a name as typed or stored ("Home Office (spokesperson)" included)."""
    return parse_speaker(split_role(name)[0]).key


def _query_keys(name: str) -> set[str]:
    """The keys a typed name may mean, in any case: "home office" is "Home Office"."""
    written = split_role(name)[0]
    keys = {parse_speaker(written).key}
    if not any(c.isupper() for c in written) or written.isupper():
        keys.add(parse_speaker(_capitalised(written)).key)
    return keys


def _capitalised(text: str) -> str:
    return " ".join(word[:1].upper() + word[1:] for word in text.split())


class SpeakerDirectory:
    """The directory over one reading of a store. ``speakers`` is sorted by name (people by
    surname), descriptions included: ``named()`` leaves them out."""

    def __init__(self, collection: Collection, mentions: Mentions, auto: Partition,
                 decisions: DecisionsState) -> None:
        self.collection = collection
        self.mentions = mentions
        self.auto = auto
        self.decisions = decisions
        self._review_article = {a.review_id: n for n, a in enumerate(collection.articles)}
        self._unplaced = [False] * len(mentions.occurrences)
        for group in auto.hints:
            for at in auto.groups[group]:
                self._unplaced[at] = True
        groups = self._apply(decisions.decisions)
        self.speakers = self._assemble(groups)

    def with_decisions(self, decisions: DecisionsState) -> SpeakerDirectory:
        """The same reading with other decisions (after a join, a split, an undo)."""
        return SpeakerDirectory(self.collection, self.mentions, self.auto, decisions)

    # Replaying the decisions -------------------------------------------------------------

    def matching(self, ref: NameRef) -> list[int]:
        """The occurrences a reference names: its variant everywhere, or in its review."""
        variant = self.mentions.variants.get(name_key(ref.name))
        if variant is None:
            return []
        if ref.review is None:
            return list(variant.occurrences)
        article = self._review_article.get(ref.review)
        articles = self.mentions.occurrences.articles
        return [at for at in variant.occurrences if articles[at] == article]

    def _resolve(self, ref: NameRef, owner: list[int]) -> int | None:
        """The group a reference names: the one holding most of its occurrences (the first
        such on a tie; a reference to one review names exactly one occurrence)."""
        found = Counter(owner[at] for at in self.matching(ref))
        if not found:
            return None
        most = max(found.values())
        return min(group for group, count in found.items() if count == most)

    def _apply(self, decisions: Iterable[Decision]) -> list[list[int]]:
        """The automatic groups with the decisions replayed. A group no decision touched is
        the automatic group's own list (``_assemble`` reuses what it made of it)."""
        groups = list(self.auto.groups)
        owner = list(self.auto.owner)
        for decision in decisions:
            if decision.action == "join":
                first = self._resolve(decision.first, owner)
                second = self._resolve(decision.second, owner)
                if first is None or second is None or first == second:
                    continue
                for at in groups[second]:
                    owner[at] = first
                groups[first] = groups[first] + groups[second]
                groups[second] = []
            else:
                source = self._resolve(decision.second, owner)
                if source is None:
                    continue
                moving = {at for at in self.matching(decision.first) if owner[at] == source}
                if not moving or len(moving) == len(groups[source]):
                    continue  # nothing of it there, or it is all there is
                groups[source] = [at for at in groups[source] if at not in moving]
                groups.append(sorted(moving))
                for at in moving:
                    owner[at] = len(groups) - 1
        self._owner = owner
        return groups

    # Speakers ----------------------------------------------------------------------------

    def _assemble(self, groups: list[list[int]]) -> list[Speaker]:
        built: list[tuple[int, dict]] = []
        made = self.auto.made  # what an untouched automatic group gave last time
        auto_groups = self.auto.groups
        for number, group in enumerate(groups):
            if not group:
                continue
            untouched = number < len(auto_groups) and group is auto_groups[number]
            fields = made.get(number) if untouched else None
            if fields is None:
                fields = self._fields(group)
                if untouched:
                    made[number] = fields
            built.append((number, {**fields, "ref": self._ref_of(number, fields["keys"],
                                                                 group)}))
        self._contexts(built)
        built.sort(key=lambda item: item[1]["sort_key"])
        by_group = {number: position for position, (number, _) in enumerate(built)}
        notes = self._notes(groups, built, by_group)
        speakers = []
        for position, (number, fields) in enumerate(built):
            speakers.append(Speaker(
                position, fields["name"], fields["kind"], fields["variants"], fields["keys"],
                fields["ref"], fields["tally"], len(fields["articles"]), fields["context"],
                notes.get(number, ""), fields["occurrences"], fields["sort_key"],
                fields["search"]))
        self._group_speaker = by_group
        return speakers

    def _fields(self, group: list[int]) -> dict:
        """What a group shows: its names (best first), kind, tally, articles."""
        occurrences = self.mentions.occurrences
        variants = self.mentions.variants
        quotes_by_key: Counter[str] = Counter()
        verified = disputed = unverifiable = unreviewed = 0
        articles: set[int] = set()
        keys, firsts, ends = occurrences.keys, occurrences.firsts, occurrences.ends
        tallies, in_article = occurrences.tallies, occurrences.articles
        for at in group:
            quotes_by_key[keys[at]] += ends[at] - firsts[at]
            unreviewed += tallies[4 * at]
            verified += tallies[4 * at + 1]
            disputed += tallies[4 * at + 2]
            unverifiable += tallies[4 * at + 3]
            articles.add(in_article[at])

        def preference(key: str) -> tuple:
            name = variants[key].name
            return (name.kind == "description", name.partial, -name.spelled_out,
                    -len(name.given), -quotes_by_key[key], key)

        keys = tuple(sorted(quotes_by_key, key=preference))
        best = variants[keys[0]]
        return {"name": best.spelling(), "kind": best.name.kind,
                "variants": tuple(variants[key].spelling() for key in keys), "keys": keys,
                "tally": Tally(verified, disputed, unverifiable, unreviewed),
                "articles": tuple(sorted(articles)), "occurrences": tuple(group),
                "sort_key": self._sort_key(best.name, best.spelling()),
                "search": fold(" ".join(variants[key].spelling() for key in keys))}

    def _ref_of(self, number: int, keys: tuple[str, ...], group: list[int]) -> NameRef:
        variants = self.mentions.variants
        # A description stands for someone in its own article, and so does a surname or
        # initials that could be one of several people: always named with their review.
        in_article = variants[keys[0]].name.kind == "description" or (
            variants[keys[0]].name.partial and any(
                self._unplaced[at] for at in group
                if self.mentions.occurrences.keys[at] == keys[0]))
        for key in keys if not in_article else ():
            ref = NameRef(variants[key].spelling())
            if self._resolve(ref, self._owner) == number:
                return ref
        best = keys[0]
        first = min(at for at in group if self.mentions.occurrences.keys[at] == best)
        article = self.collection.articles[self.mentions.occurrences.articles[first]]
        return NameRef(variants[best].spelling(), article.review_id)

    @staticmethod
    def _sort_key(name, spelling: str) -> tuple:
        if name.kind == "person" and name.given:
            return (fold(name.surname), name.given, fold(spelling))
        if name.kind == "person":
            return (fold(name.surname), (), fold(spelling))
        return (name.key.lstrip("@~").removeprefix("the "), (), fold(spelling))

    def _contexts(self, built: list[tuple[int, dict]]) -> None:
        """A description, and a name shown by two speakers, says which article(s)."""
        shown = Counter(fold(fields["name"]) for _, fields in built)
        for _, fields in built:
            fields["context"] = ""
            if fields["kind"] == "description" or shown[fold(fields["name"])] > 1:
                articles = fields["articles"]
                if len(articles) == 1:
                    (only,) = articles
                    fields["context"] = f"in “{article_label(self.collection.articles[only])}”"
                else:
                    fields["context"] = f"in {len(articles)} articles"

    def _notes(self, groups: list[list[int]], built: list[tuple[int, dict]],
               by_group: dict[int, int]) -> dict[int, str]:
        """For a surname or initials the rules could not place: whom it could be."""
        notes: dict[int, str] = {}
        auto_groups = self.auto.groups
        variants = self.mentions.variants
        for auto_group, alternatives in self.auto.hints.items():
            now = self._owner[auto_groups[auto_group][0]]
            if now not in by_group or not all(
                    variants[key].name.partial for key in built[by_group[now]][1]["keys"]):
                continue  # joined to a full name since (by the user): nothing left to say
            names = []
            others = {self._owner[auto_groups[alternative][0]] for alternative in alternatives}
            for other in sorted(others, key=lambda group: by_group.get(group, -1)):
                if other != now and other in by_group:
                    fields = built[by_group[other]][1]
                    label = fields["name"] + (f" ({fields['context']})"
                                              if fields["context"] else "")
                    if label not in names:
                        names.append(label)
            if len(names) >= 2:
                notes[now] = "not matched: could be " + ", ".join(names[:-1]) + \
                    f" or {names[-1]}"
            elif names:
                notes[now] = f"not matched: could be {names[0]}"
        return notes

    # Reading -----------------------------------------------------------------------------

    def named(self, include_unnamed: bool = False) -> list[Speaker]:
        """People and organisations (and descriptions, with ``include_unnamed``)."""
        return [s for s in self.speakers if include_unnamed or not s.unnamed]

    def unnamed_quotes(self) -> int:
        return sum(s.quote_count for s in self.speakers if s.unnamed)

    def speaker_of(self, ref: NameRef) -> Speaker | None:
        group = self._resolve(ref, self._owner)
        if group is None or group not in self._group_speaker:
            return None
        return self.speakers[self._group_speaker[group]]

    def quotes(self, speaker: Speaker) -> list[SpeakerQuote]:
        """The speaker's quotes in date order (undated last), then by article and place."""
        found: list[SpeakerQuote] = []
        collection = self.collection
        articles = collection.articles
        for at in speaker.occurrences:
            occurrence = self.mentions.occurrences[at]
            for number in self.mentions.quotes_of(occurrence):
                record = collection.record(number)
                written, role = split_role(record.speaker)
                found.append(SpeakerQuote(record, articles[record.article], written, role))
        found.sort(key=lambda q: (q.date == "", q.date, article_label(q.article).casefold(),
                                  q.article.review_id, q.record.orphaned, q.record.start,
                                  q.record.claim_id))
        return found

    def variant_refs(self, speaker: Speaker) -> list[tuple[str, int]]:
        """The speaker's variants with their number of quotes, for choosing one to split."""
        counts: Counter[str] = Counter()
        for at in speaker.occurrences:
            occurrence = self.mentions.occurrences[at]
            counts[occurrence.key] += occurrence.count
        return [(self.mentions.variants[key].spelling(), counts[key]) for key in speaker.keys]

    def find(self, text: str, include_unnamed: bool = True) -> Lookup:
        """The speaker a typed name means: any of its variants, in any case and with or
        without accents or titles ("NAME@REVIEW" for the one in that review); else the
        person with that surname when only one has it."""
        text, review_prefix = scoped_name(text)
        pool = {s.number for s in self.named(include_unnamed)}
        keys = self.keys_for(text)
        found: dict[int, Speaker] = {}
        for key in keys:
            variant = self.mentions.variants.get(key)
            for at in variant.occurrences if variant else ():
                occurrence = self.mentions.occurrences[at]
                if review_prefix and not self.collection.articles[
                        occurrence.article].review_id.startswith(review_prefix):
                    continue
                speaker = self.speakers[self._group_speaker[self._owner[at]]]
                if speaker.number in pool:
                    found[speaker.number] = speaker
        by_surname = False
        if not found and not review_prefix:
            surname = fold(text)
            for speaker in self.named(include_unnamed):
                if speaker.kind == "person" and any(
                        self.mentions.variants[key].name.surname == surname
                        for key in speaker.keys):
                    found[speaker.number] = speaker
            by_surname = bool(found)
        if len(found) == 1:
            return Lookup(next(iter(found.values())), by_surname=by_surname)
        if found:
            return Lookup(candidates=tuple(sorted(found.values(), key=lambda s: s.number)),
                          by_surname=by_surname)
        return Lookup(suggestions=self.suggestions(text, include_unnamed))

    def keys_for(self, text: str) -> set[str]:
        """The variant keys a typed name may mean (as parsed, capitalised, or as spelt)."""
        return _query_keys(text) | self.mentions.by_spelling.get(fold(text), set())

    def suggestions(self, text: str, include_unnamed: bool = True) -> tuple[str, ...]:
        """Names close to ``text``: those containing it, then those spelt alike."""
        wanted = fold(text)
        speakers = self.named(include_unnamed)
        names: list[str] = []
        for speaker in speakers:
            if wanted and any(wanted in fold(v) for v in speaker.variants):
                names.append(speaker.display())
        by_fold: dict[str, list[str]] = {}
        for speaker in speakers:
            for variant in speaker.variants:
                folded = fold(variant)
                # the whole name, and each word of it: "Okafr" is close to "Okafor"
                for form in (folded, *(w for w in folded.split() if len(w) > 2)):
                    shown = by_fold.setdefault(form, [])
                    if speaker.display() not in shown:
                        shown.append(speaker.display())
        for close in difflib.get_close_matches(wanted, list(by_fold), n=MAX_SUGGESTIONS,
                                               cutoff=0.75):
            names.extend(by_fold[close])
        unique = list(dict.fromkeys(names))
        return tuple(unique[:MAX_SUGGESTIONS])


def build_directory(root: Path, *, progress: Progress | None = None,
                    decisions: DecisionsFile | None = None) -> SpeakerDirectory:
    """Read the store at ``root`` and build its directory with the saved decisions."""
    state = (decisions or DecisionsFile(root)).read()
    # Reading a store allocates millions of small containers and makes no reference cycles:
    # with the cyclic collector paused (as the analysis does), time stays linear in the store
    # instead of growing with every full sweep over what was already read.
    collecting = gc.isenabled()
    gc.disable()
    try:
        collection = collect(root, progress)
        mentions = group_mentions(collection)
        return SpeakerDirectory(collection, mentions, partition(mentions), state)
    finally:
        if collecting:
            gc.enable()
