"""A review built by hand with every case an export must handle: each status, a dismissed, an
orphaned and a manual claim, overlapping claims, and text that tries to break each format."""

from __future__ import annotations

import hashlib

import pytest

from reader.store.model import (
    Anchor,
    DocumentSnapshot,
    Review,
    ReviewClaim,
    Source,
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


def _claim(claim_id, words, status="unreviewed", *, occurrence=0, **fields):
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


@pytest.fixture
def review() -> Review:
    claims = [
        _claim("q1", "traffic rose by 12% in 2025", "verified", speaker="Lea Brandt",
               note="Port authority data: +12.1%",
               sources=(Source("s1", "Annual report", "https://port.example/report",
                               publisher="Port Authority", consulted="2026-02-03",
                               stance="supports"),
                        Source("s2", "Bad link", "javascript:alert(1)"))),
        _claim("f1", "12%", "disputed", kind="figure", note="=HYPERLINK(\"http://x\")"),
        _claim("q2", "the new quay cost -3 million", "unverifiable", speaker="Sam O'Neil",
               note="-3 is odd\n<b>bold?</b> | pipe"),
        _claim("m1", "=SUM(A1:A9)", "disputed", kind="statement", origin="manual",
               note="@mention\tand tab"),
        _claim("d1", "during the briefing", "verified", dismissed=True),
        _claim("o1", "traffic", "unreviewed", orphaned=True, note="+lost"),
        _claim("u1", "nothing else", "unreviewed", speaker="<script>x</script>"),
    ]
    document = DocumentSnapshot(TEXT, "Port traffic <up> & rising",
                                hashlib.sha256(TEXT.encode()).hexdigest(), "text",
                                "/articles/port.txt")
    return Review("ab" * 16, document, {c.id: c for c in claims}, T0, T1, T1)
