"""Fixtures for the export tests (builders live in export_builders.py)."""

from __future__ import annotations

import hashlib

import pytest
from export_builders import T0, T1, TEXT, make_claim

from reader.store.model import DocumentSnapshot, Review, Source


@pytest.fixture
def review() -> Review:
    claims = [
        make_claim("q1", "traffic rose by 12% in 2025", "verified", speaker="Lea Brandt",
               note="Port authority data: +12.1%",
               sources=(Source("s1", "Annual report", "https://port.example/report",
                               publisher="Port Authority", consulted="2026-02-03",
                               stance="supports"),
                        Source("s2", "Bad link", "javascript:alert(1)"))),
        make_claim("f1", "12%", "disputed", kind="figure", note="=HYPERLINK(\"http://x\")"),
        make_claim("q2", "the new quay cost -3 million", "unverifiable", speaker="Sam O'Neil",
               note="-3 is odd\n<b>bold?</b> | pipe"),
        make_claim("m1", "=SUM(A1:A9)", "disputed", kind="statement", origin="manual",
               note="@mention\tand tab"),
        make_claim("d1", "during the briefing", "verified", dismissed=True),
        make_claim("o1", "traffic", "unreviewed", orphaned=True, note="+lost"),
        make_claim("u1", "nothing else", "unreviewed", speaker="<script>x</script>"),
    ]
    document = DocumentSnapshot(TEXT, "Port traffic <up> & rising",
                                hashlib.sha256(TEXT.encode()).hexdigest(), "text",
                                "/articles/port.txt")
    return Review("ab" * 16, document, {c.id: c for c in claims}, T0, T1)
