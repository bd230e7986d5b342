"""Words and choices every export shares, so the reports and the data files agree."""

from __future__ import annotations

from reader.store.model import Review, ReviewClaim, Source

STATUS_LABELS = {
    "unreviewed": "Unreviewed",
    "verified": "Verified",
    "disputed": "Disputed",
    "unverifiable": "Unverifiable",
}

STANCE_LABELS = {"supports": "supports", "contradicts": "contradicts", "unspecified": ""}


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def readable_time(stamp: str) -> str:
    """'2026-11-26T00:58:38.474154Z' as a reader writes it: '26 November 2026, 00:58 UTC'.
    Data exports keep the ISO form; reports are read by people."""
    from datetime import datetime

    try:
        moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ")
    except ValueError:
        return stamp
    month = _MONTHS[moment.month - 1]  # not %B: Qt sets the C library's locale at start-up
    return f"{moment.day} {month} {moment.year}, {moment:%H:%M} UTC"


def exported_claims(review: Review) -> list[ReviewClaim]:
    """The claims a report lists, in reading order: everything but what the user dismissed as
    "not a claim". Orphaned claims are included (and flagged) since their verdicts still count."""
    return [claim for claim in review.ordered_claims() if not claim.dismissed]


def flags(claim: ReviewClaim) -> list[str]:
    """What a claim's verdict still needs, as short words: "needs re-check", "in conflict"."""
    if not claim.history:
        return []
    found = []
    if claim.recheck() is not None:
        found.append("needs re-check")
    if claim.open_conflicts():
        found.append("in conflict")
    return found


def attention(claim: ReviewClaim) -> list[str]:
    """What a claim's verdict still needs, in full sentences for reports and data: the words
    judged and the words now for a claim to re-check, every value in conflict."""
    if not claim.history:
        return []
    lines = []
    recheck = claim.recheck()
    if recheck is not None:
        lines.append(f"Needs re-check: the words changed after the verdict was given (was "
                     f"“{recheck.old}”, now “{recheck.new}”).")
    for conflict in claim.open_conflicts():
        value = conflict.value
        if conflict.field == "status":
            shown = STATUS_LABELS.get(str(value), str(value))
        elif conflict.field == "dismissed":
            shown = "dismissed" if value else "not dismissed"
        else:
            shown = f"“{value}”"
        lines.append(f"Conflict: {conflict.reviewer or 'someone'} also saved the "
                     f"{conflict.field} {shown}; nobody has picked one yet.")
    return lines


def claim_label(claim: ReviewClaim) -> str:
    label = STATUS_LABELS.get(claim.status, claim.status)
    if claim.orphaned:
        label = f"{label} (not found in the current text)"
    extra = flags(claim)
    return f"{label} — {', '.join(extra)}" if extra else label


def source_line(source: Source) -> str:
    """A source as one line of plain text: title, publisher, where, when, and its stance."""
    parts = [p for p in (source.title, source.publisher, source.url or source.citation) if p]
    if source.consulted:
        parts.append(f"consulted {source.consulted}")
    stance = STANCE_LABELS.get(source.stance, "")
    if stance:
        parts.append(stance)
    return ", ".join(parts)
