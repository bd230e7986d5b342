"""Builders for a review made by hand with every case an export must handle: each status, a
dismissed, an orphaned and a manual claim, overlapping claims, and text that tries to break each
format. (Not named conftest, so as not to shadow the store tests' helpers on import.)"""

from __future__ import annotations

from reader.store.model import (
    Anchor,
    ReviewClaim,
    StatusChange,
)

T0 = "2026-02-03T09:00:00.000000Z"
T1 = "2026-02-03T10:30:00.000000Z"

TEXT = (
    "Port traffic <up> & rising\n\n"
    "The harbour master, Lea Brandt, said \"traffic rose by 12% in 2025\" during the briefing.\n"
    "A second line with =SUM(A1:A9) in it.\n\n"
    "Ferry operator Sam O'Neil said \"the new quay cost -3 million\" and <script>alert(1)"
    "</script> nothing else.\n"
)


def make_claim(claim_id, words, status="unreviewed", *, occurrence=0, **fields):
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(words, start + 1)
    history = ()
    if status != "unreviewed":
        history = (StatusChange(T1, "unreviewed", status, "rita"),)
    return ReviewClaim(id=claim_id, kind=fields.pop("kind", "quote"),
                       origin=fields.pop("origin", "auto"),
                       anchor=Anchor.from_text(TEXT, start, start + len(words)), created=T0,
                       updated=T1, status=status, history=history, **fields)
