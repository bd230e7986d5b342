"""The index of reviewed documents (``index.json``): the start page's list, and how a document
is found again by content hash or path without opening every review.

It is derived data: every entry can be rebuilt from the review files, and it is rebuilt when it
is missing or damaged, and reconciled with the folder (reviews added or removed by a sync or a
``git pull``) each time it is loaded.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reader.store.atomic import write_atomic
from reader.store.errors import StoreError
from reader.store.locking import FileLock
from reader.store.model import SCHEMA_VERSION, Progress, Review
from reader.store.review_file import DamagedFile, FileSignature, move_aside, parse_review
from reader.store.schema import SchemaViolation, check_index, schema_version_of
from reader.store.serialise import EntryRenderer

INDEX_NAME = "index.json"
REVIEW_SUFFIX = ".json"
REVIEW_ID = re.compile(r"[0-9a-f]{32}")
"""A review's id, which is also its file's name: other ``*.json`` files in the folder (a copy
made by hand, a sync program's conflict copy) are not reviews of the store and are left alone."""


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One reviewed document, as the start page lists it."""

    review_id: str
    path: str | None
    title: str
    sha256: str
    progress: Progress
    last_opened: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "title": self.title, "sha256": self.sha256,
                "progress": self.progress.to_dict(), "last_opened": self.last_opened}

    @classmethod
    def from_dict(cls, review_id: str, data: dict[str, Any]) -> IndexEntry:
        return cls(review_id, data["path"], data["title"], data["sha256"],
                   Progress.from_dict(data["progress"]), data["last_opened"])

    @classmethod
    def of(cls, review: Review) -> IndexEntry:
        return cls(review.review_id, review.document.source_path, review.document.title,
                   review.document.sha256, review.progress(), review.last_opened)


def review_ids_in(folder: Path) -> set[str]:
    try:
        names = os.listdir(folder)
    except FileNotFoundError:  # no review saved yet (or a store on a missing drive)
        return set()
    except OSError as error:
        # Not "no reviews": the reviews may be there, unseen. Opening a document must not start
        # a second review of it, so this is an error the start page and the window show.
        raise StoreError(folder, f"The store folder {folder} cannot be read "
                         f"({error.strerror or error}). Fix it, or choose another store with "
                         "--store.") from None
    return {name[: -len(REVIEW_SUFFIX)] for name in names
            if name.endswith(REVIEW_SUFFIX) and REVIEW_ID.fullmatch(name[: -len(REVIEW_SUFFIX)])}


class StoreIndex:
    """The index file of one store, cached in memory and re-read when another process changed
    it. ``writable`` is False when the file comes from a newer app: then it is used read-only."""

    def __init__(self, root: Path, reviews_dir: Path, now: Any, lock_timeout: float) -> None:
        self.path = root / INDEX_NAME
        self.reviews_dir = reviews_dir
        self._now = now
        self._lock_timeout = lock_timeout
        self._entries: dict[str, IndexEntry] = {}
        self._signature: FileSignature | None = None
        self._loaded = False
        self._renderer = EntryRenderer("reviews", IndexEntry.to_dict)
        self.writable = True
        self.unreadable: set[str] = set()
        """Review files found in the folder that could not be read (listed, not in the index)."""

    # Reading -------------------------------------------------------------------------------

    def _read(self) -> dict[str, IndexEntry] | None:
        """The file's entries, or None if it is missing or damaged (moved aside if damaged)."""
        signature = FileSignature.of(self.path)
        if signature is None:
            return None
        try:
            data = json.loads(self.path.read_bytes().decode("utf-8"))
            version = schema_version_of(data)
            if version is None:
                raise SchemaViolation("no valid schema_version")
            if version > SCHEMA_VERSION:
                self.writable = False
                return None
            check_index(data)
        except (UnicodeDecodeError, json.JSONDecodeError, SchemaViolation) as error:
            if self.writable:
                # Kept for inspection, then rebuilt from the reviews; the error is not raised
                # because nothing the user made is lost.
                move_aside(self.path, str(error), self._now(), None)
            return None
        except OSError:
            return None
        self._signature = signature
        return {rid: IndexEntry.from_dict(rid, entry) for rid, entry in data["reviews"].items()}

    def _entry_from_file(self, review_id: str) -> IndexEntry | None:
        path = self.reviews_dir / (review_id + REVIEW_SUFFIX)
        try:
            review = parse_review(path.read_bytes(), path)
        except (OSError, DamagedFile, StoreError):
            self.unreadable.add(review_id)
            return None
        self.unreadable.discard(review_id)
        # Keyed by the file's name, which is what opening it uses: a file renamed by hand still
        # holds its old id, and that id would lead to no file (or to another review's).
        return replace(IndexEntry.of(review), review_id=review_id)

    def load(self) -> dict[str, IndexEntry]:
        """The entries, read if the file changed, reconciled with the review files present."""
        if not self._loaded or FileSignature.of(self.path) != self._signature:
            entries = self._read()
            self._loaded = True
            dirty = entries is None
            self._entries = entries or {}
        else:
            dirty = False
        present = review_ids_in(self.reviews_dir)
        self.unreadable &= present
        for gone in self._entries.keys() - present:
            del self._entries[gone]
            dirty = True
        for review_id in present - self._entries.keys() - self.unreadable:
            entry = self._entry_from_file(review_id)
            if entry is not None:
                self._entries[review_id] = entry
                dirty = True
        if dirty:
            self._write_entries(lambda entries: None)
        return dict(self._entries)

    # Writing -------------------------------------------------------------------------------

    def _write_entries(self, change: Any) -> None:
        """Apply ``change(entries)`` under the lock, on the newest file, and save. Failures are
        swallowed: the index is derived, and the next load rebuilds what is missing."""
        if not self.writable:
            change(self._entries)
            return
        try:
            with FileLock(self.path, self._lock_timeout):
                if FileSignature.of(self.path) != self._signature:
                    fresh = self._read()
                    if fresh is not None:
                        # Keep our entries for reviews the file does not know yet.
                        self._entries = {**self._entries, **fresh}
                    for gone in self._entries.keys() - review_ids_in(self.reviews_dir):
                        del self._entries[gone]
                change(self._entries)
                header = {"schema_version": SCHEMA_VERSION}
                data = self._renderer.render_chunks(header, self._entries)
                write_atomic(self.path, data, keep_backup=False)
                self._signature = FileSignature.of(self.path)
        except (OSError, StoreError):
            change(self._entries)

    def put(self, entry: IndexEntry) -> None:
        if not self._loaded:
            self.load()
        self.unreadable.discard(entry.review_id)  # it was just read or written whole
        if self._entries.get(entry.review_id) == entry:
            return
        self._write_entries(lambda entries: entries.__setitem__(entry.review_id, entry))

    def remove(self, review_id: str) -> None:
        self._write_entries(lambda entries: entries.pop(review_id, None))
