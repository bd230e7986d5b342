"""Stores with real reviews for the widget tests, made through the store's public API."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from widget_builders import StepClock, claims_for

from reader.document.model import Document
from reader.store.store import OpenReview, ReviewStore

MakeReview = Callable[..., OpenReview]


@pytest.fixture
def clock() -> StepClock:
    return StepClock(datetime(2026, 3, 1, 9, 0, tzinfo=UTC))


@pytest.fixture
def store(tmp_path: Path, clock: StepClock) -> ReviewStore:
    return ReviewStore(tmp_path / "store", reviewer="tester", clock=clock)


@pytest.fixture
def make_review(store: ReviewStore) -> MakeReview:
    def make(text: str, phrases: list[str], *, title: str = "",
             source_path: str | None = None) -> OpenReview:
        document = Document.from_plain_text(text, title=title, source_path=source_path)
        return store.open_review(document, analysis=claims_for(text, phrases))

    return make
