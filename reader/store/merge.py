"""Merging two copies of a review: a colleague's file on import, or the file another Claim Reader
process saved while this one had the review open.

Each claim's history is an append-only log of the user's actions (status changes and edits). If
one copy's log contains the other's, that copy is simply newer and wins. If each has actions the
other lacks, both changed the claim, and the merge goes field by field: each entry says which field
it changed (a status change the status, a note edit the note...), so a field only one side changed
takes that side's value. This matters for the commonest case, the window and ``claim-reader tag``
on the same review: a verdict set by the script and a note typed in the window are both kept.
Only a field both sides changed to different values is a conflict: the later change wins, and the
losing value is written into the history as a "conflict" entry, so nothing a reviewer decided is
lost. Claims are never removed by a merge (the union is kept); sources of conflicting copies are
united.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from reader.store.model import ReviewClaim, StatusChange


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
    "conflict": FIELDS,  # a merge may have set any of them
}


def _history_key(change: StatusChange) -> tuple[str, ...]:
    return (change.at, change.event, change.from_status, change.to_status, change.reviewer,
            change.note)


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
            for name in _FIELDS_OF_EVENT.get(change.event, FIELDS)}


def merge_claim(
    local: ReviewClaim, incoming: ReviewClaim, now: str
) -> tuple[ReviewClaim, str, Conflict | None]:
    """The merged claim and what happened: "same", "local" (local already newer, or nothing
    new came in), "incoming" (something of the incoming copy was taken) or "conflict". The
    local anchor is kept: it is placed in the local text."""
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
    return _merge_fields(local, incoming, local_log, incoming_log, now)


def _merge_fields(
    local: ReviewClaim, incoming: ReviewClaim, local_log: set[tuple[str, ...]],
    incoming_log: set[tuple[str, ...]], now: str,
) -> tuple[ReviewClaim, str, Conflict | None]:
    """Both sides did something the other has not seen: each field takes the value of the side
    that changed it; a field both changed to different values takes the later one and makes
    the claim a conflict."""
    local_fields = _fields_changed(local.history, incoming_log)
    incoming_fields = _fields_changed(incoming.history, local_log)
    clashes = {name for name in local_fields & incoming_fields
               if getattr(local, name) != getattr(incoming, name)}
    incoming_wins = incoming.updated > local.updated
    winner, loser = (incoming, local) if incoming_wins else (local, incoming)
    values = {}
    for name in FIELDS:
        if name in clashes:
            values[name] = getattr(winner, name)
        elif name in incoming_fields and name not in local_fields:
            values[name] = getattr(incoming, name)
        else:
            values[name] = getattr(local, name)
    history = _union_history(local.history, incoming.history)
    if not clashes:
        merged = replace(local, **values, history=history,
                         updated=max(local.updated, incoming.updated))
        return merged, ("local" if merged.decision() == local.decision() else "incoming"), None
    if "sources" in clashes:
        source_ids = {s.id for s in winner.sources}
        values["sources"] = winner.sources + tuple(s for s in loser.sources
                                                   if s.id not in source_ids)
    loser_reviewer = loser.history[-1].reviewer if loser.history else ""
    record = StatusChange(at=now, from_status=values["status"], to_status=loser.status,
                          reviewer=loser_reviewer, event="conflict", note=loser.note)
    merged = replace(local, **values, history=(*history, record),
                     updated=max(local.updated, incoming.updated, now))
    conflict = Conflict(local.id, local.text, local.status, local.note, incoming.status,
                        incoming.note, "incoming" if incoming_wins else "local")
    return merged, "conflict", conflict


def merge_claims(
    local: Mapping[str, ReviewClaim], incoming: Mapping[str, ReviewClaim], now: str
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
        claim, outcome, conflict = merge_claim(ours, theirs, now)
        merged[claim_id] = claim
        if outcome == "incoming":
            updated.append(claim_id)
        elif conflict is not None:
            conflicts.append(conflict)
    return merged, MergeReport(tuple(added), tuple(updated), tuple(conflicts))
