"""Fixtures for the speaker directory's tests (builders live in directory_builders.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from directory_builders import new_store

from reader.directory import DecisionsFile, SpeakerDirectory, build_directory
from reader.store import ReviewStore


@pytest.fixture
def store(tmp_path: Path) -> ReviewStore:
    return new_store(tmp_path / "store")


@pytest.fixture
def build(store: ReviewStore):
    """The directory of ``store`` as it is now, with its saved decisions."""

    def make() -> SpeakerDirectory:
        return build_directory(store.root, decisions=DecisionsFile(store.root, reviewer="ann"))

    return make
