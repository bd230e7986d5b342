"""Merging two copies of a review: a colleague's file on import, or the file another Claim Reader
process saved while this one had the review open.

Each claim's history is an append-only log of the user's actions (status changes and edits). If
one copy's log contains the other's, that copy is simply newer and wins. If each has actions the
other lacks, both changed the claim, and the merge goes field by field: each entry says which field
it changed (a status change the status, a note edit the note...), so a field only one side changed
takes that side's value. This matters for the commonest case, the window and ``claim-reader tag``
on the same review: a verdict set by the script and a note typed in the window are both kept.
Only a field both sides changed to different values is a conflict: one value is kept, and the
losing value is written into the history as a "conflict" entry for that field, so nothing a
reviewer decided is lost, and the claim shows the conflict until someone picks a value
(``ReviewClaim.open_conflicts``). Which value is kept depends on who merges: a save keeps what is
already on disk (``winner="incoming"``), because that value's command has already told its user
"saved" and the saving process is the one still there to tell its user "not kept"; an import or
a sync program's conflict copy keeps the later change (``winner="later"``). Claims are never
removed by a merge (the union is kept); sources of both copies are united, and a source both
added (same address, citation and title) is kept once.

Source documents (the originals quotes are checked against) are united too, except those the
user detached: a removal is kept as a tombstone and holds against any copy attached before it,
so no other copy brings a detached document, or the passages found in it, back
(``with_sources_of``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Literal

from reader.store.model import (
    CONFLICT_FIELDS,
    Evidence,
    RemovedSource,
    Review,
    ReviewClaim,
    Source,
    SourceDocument,
    StatusChange,
    stamp_after,
)

Winner = Literal["later", "local", "incoming"]


@dataclass(frozen=True, slots=True)
class Conflict:
    """A claim both sides changed: what each side had, and which one is now current."""

    claim_id: str
    text: str
    local_status: str
    local_note: str
    incoming_status: str
    incoming_note: str
    kept: str  # "local" or "incoming"
    fields: tuple[str, ...] = ()
    """The fields both sides changed to different values (status, note, dismissed)."""


@dataclass(frozen=True, slots=True)
class MergeReport:
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    conflicts: tuple[Conflict, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.conflicts)


FIELDS = ("status", "note", "sources", "dismissed")
"""The fields of a claim that hold the user's decision (``ReviewClaim.decision()``)."""

_FIELDS_OF_EVENT: dict[str, tuple[str, ...]] = {
    "status": ("status",),
    "note": ("note",),
    "source": ("sources",),
    "dismiss": ("dismissed",),
    "restore": ("dismissed",),
    "conflict": FIELDS,  # a version-1 entry: a merge may have set any of them
    "resolve": (),
    "reworded": (),
    "confirm": (),
    "reuse": (),  # a record of where an applied verdict came from; its fields have entries
}


def fields_of(change: StatusChange) -> tuple[str, ...]:
    if change.event == "conflict" and change.field:
        return (change.field,)
    return _FIELDS_OF_EVENT.get(change.event, FIELDS)


def _history_key(change: StatusChange) -> tuple[str, ...]:
    return (change.at, change.event, change.from_status, change.to_status, change.reviewer,
            change.note, change.field, repr(change.value), repr(change.words))


def source_key(source: Source) -> tuple[str, str, str]:
    """What makes two sources the same evidence, whatever their ids."""
    return (source.url.strip(), source.citation.strip(), source.title.strip())


def united_sources(first: Iterable[Source], second: Iterable[Source]) -> tuple[Source, ...]:
    """``first`` then the sources of ``second`` it does not hold (by id or by content)."""
    kept = list(first)
    ids = {s.id for s in kept}
    keys = {source_key(s) for s in kept}
    for source in second:
        if source.id not in ids and source_key(source) not in keys:
            kept.append(source)
            ids.add(source.id)
            keys.add(source_key(source))
    return tuple(kept)


def _union_history(*histories: tuple[StatusChange, ...]) -> tuple[StatusChange, ...]:
    seen: dict[tuple[str, ...], StatusChange] = {}
    for history in histories:
        for change in history:
            seen.setdefault(_history_key(change), change)
    return tuple(seen[key] for key in sorted(seen))


def _fields_changed(history: tuple[StatusChange, ...],
                    other_log: set[tuple[str, ...]]) -> set[str]:
    """The fields changed by the entries of ``history`` that the other copy has not seen."""
    return {name for change in history if _history_key(change) not in other_log
            for name in fields_of(change)}


def united_evidence(first: Iterable[Evidence],
                    second: Iterable[Evidence]) -> tuple[Evidence, ...]:
    """One passage per source document: the later match where both copies have one (evidence
    is derived, so the newer finding replaces the older), ordered by source id."""
    kept: dict[str, Evidence] = {}
    for item in (*first, *second):
        held = kept.get(item.source)
        if held is None or (item.matched, repr(item.to_dict())) > (
                held.matched, repr(held.to_dict())):
            kept[item.source] = item
    return tuple(kept[key] for key in sorted(kept))


def united_source_documents(
    first: Mapping[str, SourceDocument], second: Mapping[str, SourceDocument]
) -> dict[str, SourceDocument]:
    """Every source document of both copies; of one document attached by both (the same id,
    the same text), the one attached last. The latest attachment, not the first: it is what
    a removal is weighed against (``settled_sources``), and only the latest makes that weighing
    come out the same whatever order three copies are merged in (an attachment made after a
    removal must not hide behind an earlier one the removal undid)."""
    kept = dict(first)
    for key, document in second.items():
        held = kept.get(key)
        if held is None or (document.added, document.source_path or "") > (
                held.added, held.source_path or ""):
            kept[key] = document
    return dict(sorted(kept.items()))


def united_removed_sources(
    first: Mapping[str, RemovedSource], second: Mapping[str, RemovedSource]
) -> dict[str, RemovedSource]:
    """Every removal of both copies; of one source removed by both, the later removal."""
    kept = dict(first)
    for key, removal in second.items():
        held = kept.get(key)
        if held is None or (removal.removed, repr(removal)) > (held.removed, repr(held)):
            kept[key] = removal
    return dict(sorted(kept.items()))


def with_sources_of(review: Review, documents: Mapping[str, SourceDocument],
                    removed: Mapping[str, RemovedSource]) -> Review:
    """``review`` with another copy's source documents and removals united into its own, each
    source then attached or removed by whichever came later, and the passages found in a
    removed source dropped from every claim (``Review.settled``). The one way every merge
    (save, import, sync copy, git sides, recovery) combines sources."""
    united = replace(review, source_documents=united_source_documents(
        review.source_documents, documents), removed_sources=united_removed_sources(
        review.removed_sources, removed))
    return united.settled()


def merge_claim(
    local: ReviewClaim, incoming: ReviewClaim, now: str, winner: Winner = "later"
) -> tuple[ReviewClaim, str, Conflict | None]:
    """The merged claim and what happened: "same", "local" (local already newer, or nothing
    new came in), "incoming" (something of the incoming copy was taken) or "conflict". The
    local anchor is kept: it is placed in the local text. Evidence is united whatever the
    decisions did (``united_evidence``)."""
    merged, outcome, conflict = _merge_decisions(local, incoming, now, winner)
    if local.evidence != incoming.evidence:
        evidence = united_evidence(local.evidence, incoming.evidence)
        if evidence != merged.evidence:
            merged = replace(merged, evidence=evidence)
            if outcome in ("same", "local") and evidence != local.evidence:
                outcome = "incoming"
    return merged, outcome, conflict


def _merge_decisions(
    local: ReviewClaim, incoming: ReviewClaim, now: str, winner: Winner
) -> tuple[ReviewClaim, str, Conflict | None]:
    if local == incoming:
        return local, "same", None
    local_log = {_history_key(c) for c in local.history}
    incoming_log = {_history_key(c) for c in incoming.history}
    if local_log == incoming_log and local.decision() == incoming.decision():
        return local, "same", None  # e.g. the same untouched auto claim created in two stores
    local_later = local.updated >= incoming.updated
    if incoming_log <= local_log and (incoming_log < local_log or local_later):
        return local, "local", None
    if local_log <= incoming_log:
        merged = replace(
            local, status=incoming.status, note=incoming.note, sources=incoming.sources,
            dismissed=incoming.dismissed, history=incoming.history,
            updated=max(local.updated, incoming.updated),
            speaker=local.speaker or incoming.speaker,
        )
        return merged, "incoming", None
    return _merge_fields(local, incoming, local_log, incoming_log, now, winner)


def _last_reviewer(claim: ReviewClaim, name: str) -> str:
    """Who saved the claim's current value of ``name``."""
    decided = claim.decided_by(name)
    return decided.reviewer if decided is not None else ""


def _merge_fields(
    local: ReviewClaim, incoming: ReviewClaim, local_log: set[tuple[str, ...]],
    incoming_log: set[tuple[str, ...]], now: str, winner_rule: Winner,
) -> tuple[ReviewClaim, str, Conflict | None]:
    """Both sides did something the other has not seen: each field takes the value of the side
    that changed it; sources both changed are united; any other field both changed to
    different values takes the winner's value and makes the claim a conflict."""
    local_fields = _fields_changed(local.history, incoming_log)
    incoming_fields = _fields_changed(incoming.history, local_log)
    clashes = {name for name in local_fields & incoming_fields
               if getattr(local, name) != getattr(incoming, name)}
    if winner_rule == "later":
        incoming_wins = incoming.updated > local.updated
    else:
        incoming_wins = winner_rule == "incoming"
    winner, loser = (incoming, local) if incoming_wins else (local, incoming)
    values = {}
    for name in FIELDS:
        if name in clashes:
            values[name] = getattr(winner, name)
        elif name in incoming_fields and name not in local_fields:
            values[name] = getattr(incoming, name)
        else:
            values[name] = getattr(local, name)
    if "sources" in clashes:
        values["sources"] = united_sources(winner.sources, loser.sources)
    history = _union_history(local.history, incoming.history)
    conflicting = tuple(name for name in CONFLICT_FIELDS if name in clashes)
    if not conflicting:
        merged = replace(local, **values, history=history,
                         updated=max(local.updated, incoming.updated))
        return merged, ("local" if merged.decision() == local.decision() else "incoming"), None
    # After every entry it is about, whatever the clocks: a conflict entry sorted before the
    # action that lost would let that action answer it.
    now = stamp_after(now, max(change.at for change in history))
    records = tuple(
        StatusChange(at=now, from_status=values["status"], to_status=loser.status,
                     reviewer=_last_reviewer(loser, name), event="conflict", note=loser.note,
                     field=name, value=getattr(loser, name))
        for name in conflicting)
    merged = replace(local, **values, history=(*history, *records),
                     updated=max(local.updated, incoming.updated, now))
    conflict = Conflict(local.id, local.text, local.status, local.note, incoming.status,
                        incoming.note, "incoming" if incoming_wins else "local", conflicting)
    return merged, "conflict", conflict


def merge_claims(
    local: Mapping[str, ReviewClaim], incoming: Mapping[str, ReviewClaim], now: str,
    winner: Winner = "later",
) -> tuple[dict[str, ReviewClaim], MergeReport]:
    """Union of both copies' claims, each claim merged by ``merge_claim``."""
    merged = dict(local)
    added: list[str] = []
    updated: list[str] = []
    conflicts: list[Conflict] = []
    for claim_id, theirs in incoming.items():
        ours = local.get(claim_id)
        if ours is None:
            merged[claim_id] = theirs
            added.append(claim_id)
            continue
        claim, outcome, conflict = merge_claim(ours, theirs, now, winner)
        merged[claim_id] = claim
        if outcome == "incoming":
            updated.append(claim_id)
        elif conflict is not None:
            conflicts.append(conflict)
    return merged, MergeReport(tuple(added), tuple(updated), tuple(conflicts))
