"""Opening a document for review: analyse it, then find or create its review."""

from __future__ import annotations

from reader.analysis import analyse
from reader.document.model import Document
from reader.session.review_session import ReviewSession
from reader.store.store import ReviewStore


def open_session(store: ReviewStore, document: Document, *, read_only: bool = False,
                 damaged: str = "ask") -> ReviewSession:
    """The slow part of opening (analysis, re-anchoring, the first save) in one call, so the
    window can run it off its UI thread. A review found by similarity is offered, not used
    (``session.handle.similar``); ``damaged`` is passed to ``ReviewStore.open_review``."""
    analysis = analyse(document.text, document.blocks)
    handle = store.open_review(document, analysis=analysis, read_only=read_only,
                               damaged=damaged, similar="offer")
    return ReviewSession(document, analysis, handle)
