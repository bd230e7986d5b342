"""Fixtures for the store tests (builders live in store_builders.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from store_builders import ARTICLE, Clock

from reader.store import ReviewStore


@pytest.fixture
def store_factory(tmp_path: Path) -> Callable[..., ReviewStore]:
    clock = Clock()

    def factory(root: Path | None = None, reviewer: str = "ann") -> ReviewStore:
        return ReviewStore(root or tmp_path / "store", reviewer=reviewer, clock=clock)

    return factory


@pytest.fixture
def article_path(tmp_path: Path) -> Path:
    path = tmp_path / "articles" / "sea-wall.txt"
    path.parent.mkdir()
    path.write_text(ARTICLE, encoding="utf-8")
    return path
