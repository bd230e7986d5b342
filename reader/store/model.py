"""A review as plain data: the document snapshot it was made on and its claims with the user's
decisions. Offsets are code-point indices into ``DocumentSnapshot.text``.

The classes are frozen: a change makes a new claim (``dataclasses.replace``), which lets the store
re-serialise only the claims that changed and makes "what changed since the last save" an identity
check. ``to_dict``/``from_dict`` give the exact JSON shape described by
``resources/schema/review.schema.json``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Literal

SCHEMA_VERSION = 2
"""The version of the review files this app writes (and the newest it can change). Version 2
dropped ``last_opened`` (now per-user state, so a review file changes only when its review does)
and added the history entries that record conflicts and reworded claims (``field``, ``value``,
``words``; events "resolve", "reworded", "confirm")."""

Status = Literal["unreviewed", "verified", "disputed", "unverifiable"]
STATUSES: tuple[str, ...] = ("unreviewed", "verified", "disputed", "unverifiable")
Origin = Literal["auto", "manual"]
Stance = Literal["supports", "contradicts", "unspecified"]
STANCES: tuple[str, ...] = ("supports", "contradicts", "unspecified")
HistoryEvent = Literal["status", "note", "source", "dismiss", "restore", "conflict", "resolve",
                       "reworded", "confirm", "reuse"]
CONFLICT_FIELDS: tuple[str, ...] = ("status", "note", "dismissed")
"""The fields a conflict is kept open on until someone picks a value (sources are united)."""

CONTEXT_CHARS = 32
"""Characters of prefix and suffix kept with each anchor (W3C TextQuoteSelector)."""


def utc_now() -> str:
    """Timestamps are ISO 8601 UTC with microseconds so that they sort as strings."""
    return format_time(datetime.now(UTC))


def format_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def stamp_after(now: str, latest: str) -> str:
    """``now``, or a microsecond after ``latest`` when a clock (another machine's) ran ahead:
    an entry the app adds about earlier entries must sort after them."""
    if now > latest:
        return now
    from datetime import timedelta

    try:
        moment = datetime.strptime(latest, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    except ValueError:
        return now
    return format_time(moment + timedelta(microseconds=1))


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a claim sits: its exact words with some context, and their offsets (a hint once the
    text has changed). Mirrors the TextQuote and TextPosition selectors of W3C Web Annotation."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int

    @classmethod
    def from_text(cls, text: str, start: int, end: int) -> Anchor:
        return cls(
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT_CHARS) : start],
            suffix=text[end : end + CONTEXT_CHARS],
            start=start,
            end=end,
        )

    def to_dict(self) -> dict[str, Any]:
        return {"exact": self.exact, "prefix": self.prefix, "suffix": self.suffix,
                "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Anchor:
        return cls(data["exact"], data["prefix"], data["suffix"], data["start"], data["end"])


@dataclass(frozen=True, slots=True)
class Source:
    """Evidence consulted for a claim. ``url`` or ``citation`` (or both) say where it is;
    ``consulted`` is an ISO date (YYYY-MM-DD) or empty."""

    id: str
    title: str = ""
    url: str = ""
    citation: str = ""
    publisher: str = ""
    consulted: str = ""
    stance: Stance = "unspecified"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "url": self.url, "citation": self.citation,
                "publisher": self.publisher, "consulted": self.consulted, "stance": self.stance}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Source:
        return cls(data["id"], data.get("title", ""), data.get("url", ""),
                   data.get("citation", ""), data.get("publisher", ""),
                   data.get("consulted", ""), data.get("stance", "unspecified"))


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One entry of a claim's history: every user action on the claim appends one, which is how a
    merge tells "newer" from "changed on both sides". ``event`` is "status" for a status change
    (``from_status`` -> ``to_status``); "note", "source", "dismiss", "restore" for the other edits
    (both statuses are then the current one).

    Entries the app writes, not the user: "conflict" when a merge found both sides had changed
    ``field`` to different values (``value`` is the value that lost; for a status it is also in
    ``to_status``, for a note in ``note``), so nothing a reviewer decided disappears; and
    "reworded" when the claim's words changed in a new version of the text (``words`` holds the
    words before). The user's answers: "resolve" (keep the current value of a conflicting
    ``field``) and "confirm" (the verdict still holds for the new words); a later status change
    answers both too.

    "reuse" records that the verdict of a claim seen before in another review was applied
    (``value`` is that claim, "REVIEW_ID/CLAIM_ID"); it follows the "status", "note" and
    "source" entries of the fields it changed, and changes nothing itself."""

    at: str
    from_status: str
    to_status: str
    reviewer: str = ""
    event: HistoryEvent = "status"
    note: str = ""
    field: str = ""
    value: str | bool | None = None
    words: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"at": self.at, "from": self.from_status, "to": self.to_status,
                                "reviewer": self.reviewer, "event": self.event,
                                "note": self.note}
        if self.field:
            data["field"] = self.field
        if self.value is not None:
            data["value"] = self.value
        if self.words is not None:
            data["words"] = self.words
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StatusChange:
        return cls(data["at"], data["from"], data["to"], data.get("reviewer", ""),
                   data.get("event", "status"), data.get("note", ""), data.get("field", ""),
                   data.get("value"), data.get("words"))


_ANSWERS = {"status": ("status",), "note": ("note",), "dismiss": ("dismissed",),
            "restore": ("dismissed",), "source": ("sources",)}
"""Which field each user action sets (and so which conflict on it it settles)."""


def value_set(change: StatusChange, field: str) -> object | None:
    """The value a user action gave ``field``, when the history records it: a status change's
    new status, a dismissal, a note edit's new text (in ``note``; note entries written before
    the text was recorded hold "")."""
    if field == "status" and change.event == "status":
        return change.to_status
    if field == "dismissed" and change.event in ("dismiss", "restore"):
        return change.event == "dismiss"
    if field == "note" and change.event == "note":
        return change.note
    return None


def conflict_value(change: StatusChange) -> str | bool:
    """The value a "conflict" entry records as not kept (older entries hold it in ``to`` for a
    status, in ``note`` for a note)."""
    if change.value is not None:
        return change.value
    return change.to_status if change.field == "status" else change.note


@dataclass(frozen=True, slots=True)
class OpenConflict:
    """A value that lost a merge and that nobody has answered yet: shown until resolved."""

    field: str
    value: str | bool
    reviewer: str
    at: str

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "value": self.value, "reviewer": self.reviewer,
                "at": self.at}


@dataclass(frozen=True, slots=True)
class Recheck:
    """A verdict given on words that have since changed: ``old`` were judged, ``new`` are now."""

    old: str
    new: str
    since: str

    def to_dict(self) -> dict[str, Any]:
        return {"old": self.old, "new": self.new, "since": self.since}


EVIDENCE_RESULTS: tuple[str, ...] = ("exact", "near", "not_found")
CHANGE_OPS: tuple[str, ...] = ("insert", "delete", "replace")


@dataclass(frozen=True, slots=True)
class EvidenceChange:
    """One word-level difference between a quote and its passage in a source, read from the
    source to the article: "insert" words the article added, "delete" words of the source it
    left out, "replace" words it changed. ``start``/``end`` are offsets in the source text of
    the source's words (for an insert, both are where the article's words go)."""

    op: str
    article: str
    source: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"op": self.op, "article": self.article, "source": self.source,
                "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EvidenceChange:
        return cls(data["op"], data["article"], data["source"], data["start"], data["end"])


@dataclass(frozen=True, slots=True)
class Evidence:
    """The best passage for a quote claim in one source document (``source``, an id of
    ``Review.source_documents``): "exact", "near" or "not_found". ``quote`` holds the claim's
    words it was matched for (a claim whose words changed since needs matching again);
    ``anchor`` places the passage in the source's text (TextQuote/TextPosition, as a claim's),
    absent when not found; ``skipped`` are the source spans an ellipsis in the quote stands
    for. Derived by the app, not decided by the user: a merge keeps the later match."""

    source: str
    result: str
    similarity: float
    quote: str
    matched: str
    anchor: Anchor | None = None
    changes: tuple[EvidenceChange, ...] = ()
    skipped: tuple[tuple[int, int], ...] = ()

    def same_finding(self, other: Evidence) -> bool:
        """The same result, whenever it was found."""
        return replace(self, matched="") == replace(other, matched="")

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"source": self.source, "result": self.result,
                                "similarity": self.similarity, "quote": self.quote,
                                "matched": self.matched,
                                "changes": [change.to_dict() for change in self.changes]}
        if self.anchor is not None:
            data["anchor"] = self.anchor.to_dict()
        if self.skipped:
            data["skipped"] = [[start, end] for start, end in self.skipped]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Evidence:
        anchor = data.get("anchor")
        return cls(data["source"], data["result"], float(data["similarity"]), data["quote"],
                   data["matched"], Anchor.from_dict(anchor) if anchor is not None else None,
                   tuple(EvidenceChange.from_dict(c) for c in data.get("changes", ())),
                   tuple((int(s), int(e)) for s, e in data.get("skipped", ())))


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """A document a review's quotes are checked against (a transcript, a report), kept as the
    text it was matched in, like ``DocumentSnapshot``: evidence works without the original
    file. ``id`` derives from the text's SHA-256, so two people attaching the same file get one
    entry."""

    id: str
    text: str
    title: str
    sha256: str
    format: str
    source_path: str | None
    added: str
    url: str = ""
    metadata: dict[str, str] = field(default_factory=dict)
    """What the file says about itself besides its address (``title``, ``author``,
    ``published``, ``site``), as for the article (``DocumentSnapshot.metadata``)."""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "text": self.text, "title": self.title,
                                "sha256": self.sha256, "format": self.format,
                                "source_path": self.source_path, "added": self.added}
        if self.url:
            data["url"] = self.url
        if self.metadata:
            data["metadata"] = dict(self.metadata)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SourceDocument:
        metadata = data.get("metadata")
        return cls(data["id"], data["text"], data["title"], data["sha256"], data["format"],
                   data.get("source_path"), data["added"], data.get("url", ""),
                   {key: value for key, value in metadata.items() if isinstance(value, str)}
                   if isinstance(metadata, Mapping) else {})


def source_document_id(sha256: str) -> str:
    return "s-" + sha256[:16]


@dataclass(frozen=True, slots=True)
class RemovedSource:
    """A source document the user detached from the review: what is left of it (a tombstone).
    Its text is gone, since whoever detached it wanted it gone (a file attached by mistake may
    be sensitive); the id, hash, title and times stay so that another copy of the review (a
    second writer, a sync program's copy, an import, the other side of a git merge) that still
    holds the document does not bring it back. Attaching the same file again after ``removed``
    brings it back: of an attachment and a removal, the later one holds."""

    id: str
    sha256: str
    title: str
    added: str
    removed: str
    reviewer: str = ""
    """Who detached it (the history's reviewer name), so a colleague can tell why it went."""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"id": self.id, "sha256": self.sha256, "title": self.title,
                                "added": self.added, "removed": self.removed}
        if self.reviewer:
            data["reviewer"] = self.reviewer
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RemovedSource:
        return cls(data["id"], data["sha256"], data["title"], data["added"], data["removed"],
                   data.get("reviewer", ""))

    @classmethod
    def of(cls, document: SourceDocument, removed: str, reviewer: str = "") -> RemovedSource:
        return cls(document.id, document.sha256, document.title, document.added, removed,
                   reviewer)


def is_removed(document: SourceDocument, removal: RemovedSource | None) -> bool:
    """Whether ``removal`` came after the attachment ``document`` records (the later of the
    two holds; a tie counts as removed, so a sensitive file errs on the side of going)."""
    return removal is not None and removal.removed >= document.added


def settled_sources(
    documents: Mapping[str, SourceDocument], removed: Mapping[str, RemovedSource]
) -> tuple[dict[str, SourceDocument], dict[str, RemovedSource]]:
    """One state per source id, attached or removed: a document removed after it was attached
    is dropped (its tombstone stays), a tombstone older than the document's attachment is
    dropped (the file was attached again). The result holds no id twice."""
    kept = {key: document for key, document in documents.items()
            if not is_removed(document, removed.get(key))}
    gone = {key: removal for key, removal in removed.items() if key not in kept}
    return kept, gone


def without_evidence_of(claims: dict[str, ReviewClaim],
                        source_ids: set[str] | frozenset[str]) -> dict[str, ReviewClaim]:
    """``claims`` with the evidence found in ``source_ids`` dropped; the same mapping (``is``)
    when no claim held any, so callers can tell nothing changed."""
    if not source_ids:
        return claims
    changed: dict[str, ReviewClaim] | None = None
    for key, claim in claims.items():
        if any(item.source in source_ids for item in claim.evidence):
            if changed is None:
                changed = dict(claims)
            changed[key] = replace(claim, evidence=tuple(
                item for item in claim.evidence if item.source not in source_ids))
    return claims if changed is None else changed


@dataclass(frozen=True, slots=True)
class ReviewClaim:
    """A claim with the user's decision. ``origin`` says whether the analysis found it ("auto")
    or the user marked it ("manual"). A dismissed claim is one the user said is not a claim; an
    orphaned one could not be placed in the current text and is kept, never deleted."""

    id: str
    kind: str
    origin: Origin
    anchor: Anchor
    created: str
    updated: str
    status: Status = "unreviewed"
    note: str = ""
    sources: tuple[Source, ...] = ()
    dismissed: bool = False
    orphaned: bool = False
    speaker: str | None = None
    cue: str | None = None
    history: tuple[StatusChange, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    """Passages found for the claim's words in the review's source documents, one per
    source (quote claims only)."""

    @property
    def text(self) -> str:
        return self.anchor.exact

    def decision(self) -> tuple[Any, ...]:
        """The user-facing state two copies of a claim are compared on when merging."""
        return (self.status, self.note, self.sources, self.dismissed)

    @property
    def has_verdict(self) -> bool:
        """Whether the user decided something that depends on the claim's words."""
        return self.status != "unreviewed" or bool(self.note)

    def _lost_changes(self) -> set[int]:
        """Positions in the history of the user actions whose value lost a merge: each
        "conflict" entry's value was set by the latest action before it, by the same reviewer,
        on the same field, to that value. Such an action answers nothing: a third writer whose
        value also lost must not hide the second writer's conflict."""
        lost: set[int] = set()
        for position, change in enumerate(self.history):
            if change.event != "conflict" or change.field not in CONFLICT_FIELDS:
                continue
            wanted = conflict_value(change)
            for earlier in range(position - 1, -1, -1):
                candidate = self.history[earlier]
                if change.field in _ANSWERS.get(candidate.event, ()) and \
                        candidate.reviewer == change.reviewer and \
                        value_set(candidate, change.field) == wanted:
                    lost.add(earlier)
                    break
        return lost

    def open_conflicts(self) -> tuple[OpenConflict, ...]:
        """Values that lost a merge and were not answered since: a "conflict" entry stays open
        until a later action on the same field that did not itself lose (or a "resolve" of it).
        Derived from the history, so two copies merged together agree on it without a field of
        its own."""
        lost = self._lost_changes()
        pending: dict[str, list[StatusChange]] = {name: [] for name in CONFLICT_FIELDS}
        for position, change in enumerate(self.history):
            if change.event == "conflict":
                if change.field in pending:
                    pending[change.field].append(change)
            elif change.event == "resolve":
                if change.field in pending:
                    pending[change.field] = []
            elif position not in lost:
                for name in _ANSWERS.get(change.event, ()):
                    if name in pending:
                        pending[name] = []
        found: dict[tuple[str, Any], OpenConflict] = {}
        for name in CONFLICT_FIELDS:
            current = getattr(self, name)
            for change in pending[name]:
                value = conflict_value(change)
                if value != current and (name, value) not in found:
                    found[(name, value)] = OpenConflict(name, value, change.reviewer, change.at)
        return tuple(found.values())

    def latest_change(self, field: str) -> StatusChange | None:
        """The latest user action on ``field`` that did not lose a merge, whatever value the
        field has now (a value typed into the file by hand has no action of its own)."""
        lost = self._lost_changes()
        return next((self.history[position] for position in range(len(self.history) - 1, -1, -1)
                     if position not in lost and field in _ANSWERS.get(
                         self.history[position].event, ())), None)

    def decided_by(self, field: str) -> StatusChange | None:
        """The user action that gave ``field`` ("status", "note", "dismissed", "sources") its
        current value: the latest one on that field that did not lose a merge. Who saved a
        verdict is its reviewer (exports, "because … saved … first"), not whoever touched the
        claim last."""
        lost = self._lost_changes()
        current = getattr(self, field)
        for position in range(len(self.history) - 1, -1, -1):
            change = self.history[position]
            if position in lost or field not in _ANSWERS.get(change.event, ()):
                continue
            value = value_set(change, field)
            if value is None or value == current:
                return change
        return None

    def recheck(self) -> Recheck | None:
        """The claim's words changed after its verdict was given, and nobody has confirmed or
        changed the verdict since: the words that were judged and the words now."""
        if self.orphaned or not self.has_verdict:
            return None
        if not any(change.event == "reworded" for change in self.history):
            return None
        lost = self._lost_changes()  # a verdict that was not kept re-judged nothing
        judged: StatusChange | None = None
        for position, change in enumerate(self.history):
            if change.event == "reworded":
                if judged is None:
                    judged = change
            elif change.event in ("status", "confirm") and position not in lost:
                judged = None
        if judged is None or judged.words is None or judged.words == self.anchor.exact:
            return None
        return Recheck(judged.words, self.anchor.exact, judged.at)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            "kind": self.kind,
            "origin": self.origin,
            "anchor": self.anchor.to_dict(),
            "created": self.created,
            "updated": self.updated,
            "status": self.status,
            "note": self.note,
            "sources": [source.to_dict() for source in self.sources],
            "dismissed": self.dismissed,
            "orphaned": self.orphaned,
            "speaker": self.speaker,
            "cue": self.cue,
            "history": [change.to_dict() for change in self.history],
        }
        if self.evidence:  # absent rather than empty: files without evidence stay as they were
            data["evidence"] = [item.to_dict() for item in self.evidence]
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ReviewClaim:
        return cls(
            id=data["id"],
            kind=data["kind"],
            origin=data["origin"],
            anchor=Anchor.from_dict(data["anchor"]),
            created=data["created"],
            updated=data["updated"],
            status=data["status"],
            note=data.get("note", ""),
            sources=tuple(Source.from_dict(s) for s in data.get("sources", ())),
            dismissed=data.get("dismissed", False),
            orphaned=data.get("orphaned", False),
            speaker=data.get("speaker"),
            cue=data.get("cue"),
            history=tuple(StatusChange.from_dict(h) for h in data.get("history", ())),
            evidence=tuple(Evidence.from_dict(e) for e in data.get("evidence", ())),
        )


@dataclass(frozen=True, slots=True)
class DocumentSnapshot:
    """The document as it was reviewed: enough to export the review or re-anchor it without the
    original file, and to recognise the file again (by ``sha256``, then by ``source_path``)."""

    text: str
    title: str
    sha256: str
    format: str = "text"
    source_path: str | None = None
    url: str = ""
    """The article's address on the web (from the saved page, or given by the reviewer), which a
    published ClaimReview points to; empty when unknown."""
    metadata: Mapping[str, str] = field(default_factory=dict, hash=False)
    """What the file says about the article besides its address: ``title`` (headline),
    ``author``, ``published`` (ISO 8601), ``site`` (``Document.metadata`` less ``url``)."""

    def to_dict(self) -> dict[str, Any]:
        data = {"text": self.text, "title": self.title, "sha256": self.sha256,
                "format": self.format, "source_path": self.source_path}
        if self.url:  # absent rather than empty: files without an address stay as they were
            data["url"] = self.url
        if self.metadata:
            data["metadata"] = dict(self.metadata)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DocumentSnapshot:
        metadata = data.get("metadata")
        return cls(data["text"], data["title"], data["sha256"], data.get("format", "text"),
                   data.get("source_path"), data.get("url", ""),
                   {key: value for key, value in metadata.items() if isinstance(value, str)}
                   if isinstance(metadata, Mapping) else {})


@dataclass(frozen=True, slots=True)
class Progress:
    """Counts for a progress bar. Dismissed and orphaned claims are counted apart and are not part
    of ``total`` (the claims left to review are ``unreviewed``)."""

    total: int = 0
    unreviewed: int = 0
    verified: int = 0
    disputed: int = 0
    unverifiable: int = 0
    dismissed: int = 0
    orphaned: int = 0
    recheck: int = 0
    """Claims whose words changed since their verdict (counted within their status too)."""
    conflicts: int = 0
    """Claims with a conflict nobody has resolved yet."""

    @property
    def reviewed(self) -> int:
        return self.total - self.unreviewed

    def to_dict(self) -> dict[str, int]:
        return {"total": self.total, "unreviewed": self.unreviewed, "verified": self.verified,
                "disputed": self.disputed, "unverifiable": self.unverifiable,
                "dismissed": self.dismissed, "orphaned": self.orphaned,
                "recheck": self.recheck, "conflicts": self.conflicts}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Progress:
        return cls(**{key: int(data.get(key, 0)) for key in cls.__slots__})  # type: ignore[attr-defined]

    @classmethod
    def of(cls, claims: Mapping[str, ReviewClaim] | list[ReviewClaim]) -> Progress:
        values = claims.values() if isinstance(claims, Mapping) else claims
        counts = dict.fromkeys(("total", *STATUSES, "dismissed", "orphaned", "recheck",
                                "conflicts"), 0)
        for claim in values:
            if claim.history:  # both are derived from the history: none, nothing to look for
                if claim.open_conflicts():
                    counts["conflicts"] += 1
                if not claim.dismissed and claim.recheck() is not None:
                    counts["recheck"] += 1
            if claim.dismissed:
                counts["dismissed"] += 1
            elif claim.orphaned:
                counts["orphaned"] += 1
            else:
                counts["total"] += 1
                counts[claim.status] += 1
        return cls(**counts)


@dataclass(frozen=True, slots=True)
class Review:
    """One document's review. ``claims`` maps id to claim and must not be mutated in place: the
    store replaces the whole mapping on each change.

    ``schema_version`` is the version the file was written with; ``read_only_reason`` is set when
    the review cannot be changed (a newer app wrote it) and says why, for the window's banner."""

    review_id: str
    document: DocumentSnapshot
    claims: dict[str, ReviewClaim]
    created: str
    updated: str
    schema_version: int = SCHEMA_VERSION
    read_only_reason: str | None = field(default=None, compare=False)
    source_documents: dict[str, SourceDocument] = field(default_factory=dict)
    """The documents the quotes are checked against, by id (see ``Evidence``)."""
    removed_sources: dict[str, RemovedSource] = field(default_factory=dict)
    """Source documents the user detached, by id: kept so that no other copy of the review
    brings them back (see ``RemovedSource``)."""

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def progress(self) -> Progress:
        return Progress.of(self.claims)

    def settled(self) -> Review:
        """The review with each source either attached or removed (``settled_sources``) and
        no evidence left of a removed one; ``self`` when it already is so. Every copy read or
        merged goes through here, so a removed source's passages never come back with a
        claim of another copy."""
        documents, removed = settled_sources(self.source_documents, self.removed_sources)
        claims = without_evidence_of(self.claims, frozenset(removed))
        if (documents == self.source_documents and removed == self.removed_sources
                and claims is self.claims):
            return self
        return replace(self, source_documents=documents, removed_sources=removed,
                       claims=claims)

    def ordered_claims(self) -> list[ReviewClaim]:
        """Claims in reading order (orphans, which have no place, last)."""
        return sorted(self.claims.values(),
                      key=lambda c: (c.orphaned, c.anchor.start, c.anchor.end, c.id))

    def header_dict(self) -> dict[str, Any]:
        """Everything but the claims, which the store serialises one by one."""
        data: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "review_id": self.review_id,
            "document": self.document.to_dict(),
            "created": self.created,
            "updated": self.updated,
        }
        if self.source_documents:  # absent when none: files without them stay as they were
            data["source_documents"] = {key: document.to_dict()
                                        for key, document in self.source_documents.items()}
        if self.removed_sources:  # absent when none, as above
            data["removed_source_documents"] = {key: removal.to_dict() for key, removal
                                                in self.removed_sources.items()}
        return data

    def to_dict(self) -> dict[str, Any]:
        data = self.header_dict()
        data["claims"] = {cid: claim.to_dict() for cid, claim in self.claims.items()}
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], read_only_reason: str | None = None) -> Review:
        return cls(
            review_id=data["review_id"],
            document=DocumentSnapshot.from_dict(data["document"]),
            claims={cid: ReviewClaim.from_dict(c) for cid, c in data["claims"].items()},
            created=data["created"],
            updated=data["updated"],
            schema_version=int(data["schema_version"]),
            read_only_reason=read_only_reason,
            source_documents={key: SourceDocument.from_dict(value) for key, value in
                              data.get("source_documents", {}).items()},
            removed_sources={key: RemovedSource.from_dict(value) for key, value in
                             data.get("removed_source_documents", {}).items()},
        ).settled()
