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


def claim_label(claim: ReviewClaim) -> str:
    label = STATUS_LABELS.get(claim.status, claim.status)
    return f"{label} (not found in the current text)" if claim.orphaned else label


def source_line(source: Source) -> str:
    """A source as one line of plain text: title, publisher, where, when, and its stance."""
    parts = [p for p in (source.title, source.publisher, source.url or source.citation) if p]
    if source.consulted:
        parts.append(f"consulted {source.consulted}")
    stance = STANCE_LABELS.get(source.stance, "")
    if stance:
        parts.append(stance)
    return ", ".join(parts)
