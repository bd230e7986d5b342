"""Fixtures for the claim memory's tests: a store of a few original articles' reviews."""

from __future__ import annotations

from pathlib import Path

import pytest
from memory_articles import CLINIC, HARBOUR
from memory_builders import write_review

from reader.memory.index import ClaimMemory


@pytest.fixture
def store(tmp_path: Path) -> Path:
    root = tmp_path / "store"
    for article in (HARBOUR, CLINIC):
        write_review(root, article)
    return root


@pytest.fixture
def memory(store: Path, tmp_path: Path):
    with ClaimMemory(store, tmp_path / "cache" / "index.sqlite3") as opened:
        opened.sync()
        yield opened
