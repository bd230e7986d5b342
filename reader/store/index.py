"""The index of reviewed documents (``index.json``): the start page's list, and how a document
is found again by content hash or path without opening every review.

It is derived data: every entry can be rebuilt from the review files. Each entry keeps the size
and modification time of its review file, so a load notices reviews another program changed (a
``git pull``, a sync) as well as files added or removed, and reads those again. A review file
that cannot be read keeps its entry (what the document was, from the last good read) marked
``damaged``, so that opening the document names the damaged file instead of starting over.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from reader.store.atomic import write_atomic
from reader.store.errors import StoreError, StoreNewerError
from reader.store.locking import FileLock
from reader.store.model import Progress, Review
from reader.store.review_file import DamagedFile, FileSignature, move_aside, parse_review
from reader.store.schema import SchemaViolation, check_index, schema_version_of
from reader.store.serialise import EntryRenderer
from reader.store.similarity import sketch_of

INDEX_NAME = "index.json"
INDEX_VERSION = 2
REVIEW_SUFFIX = ".json"
REVIEW_ID = re.compile(r"[0-9a-f]{32}")
"""A review's id, which is also its file's name: other ``*.json`` files in the folder (a copy
made by hand) are not reviews of the store and are left alone."""
CONFLICT_COPY = re.compile(
    r"(?P<id>[0-9a-f]{32})(?:"
    r" \([^()/]*conflicted copy[^()/]*\)"  # Dropbox, Nextcloud, ownCloud
    r"|\.sync-conflict-\d{8}-\d{6}-[0-9A-Z]{7}"  # Syncthing
    r"| \(\d{1,3}\)"  # a second copy: Google Drive, OneDrive, a file manager
    r")\.json")
"""The copies sync programs leave when a review changed on two machines at once; they are merged
into the review (see ``ReviewStore``) and then moved to ``reviews/merged/``."""
_NEWER_WORDS = "written by a newer version of Claim Reader"
NEWER_VERSION = f"{_NEWER_WORDS}, which this version cannot read"
"""``IndexEntry.damaged`` of a file that is not damaged but from a newer app: never recovered
or set aside, only named (update Claim Reader)."""


@dataclass(frozen=True, slots=True)
class IndexEntry:
    """One reviewed document, as the start page lists it. ``size`` and ``mtime_ns`` are those of
    the review file when it was last read; ``sketch`` samples its claims (for finding an edited
    copy, see ``similarity``); ``damaged`` says why the file cannot be read, if it cannot.
    ``last_opened`` is this user's (per-user state, not stored in the index); it defaults to
    when the review last changed."""

    review_id: str
    path: str | None
    title: str
    sha256: str
    progress: Progress
    updated: str
    size: int = 0
    mtime_ns: int = 0
    sketch: tuple[str, ...] = ()
    damaged: str | None = None
    last_opened: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if not self.last_opened:
            object.__setattr__(self, "last_opened", self.updated)

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "title": self.title, "sha256": self.sha256,
                "progress": self.progress.to_dict(), "updated": self.updated,
                "size": self.size, "mtime_ns": self.mtime_ns, "sketch": list(self.sketch),
                "damaged": self.damaged}

    @classmethod
    def from_dict(cls, review_id: str, data: dict[str, Any]) -> IndexEntry:
        return cls(review_id, data["path"], data["title"], data["sha256"],
                   Progress.from_dict(data["progress"]), data["updated"], data["size"],
                   data["mtime_ns"], tuple(data["sketch"]), data["damaged"])

    @classmethod
    def of(cls, review: Review, signature: FileSignature | None = None) -> IndexEntry:
        return cls(review.review_id, review.document.source_path, review.document.title,
                   review.document.sha256, review.progress(), review.updated,
                   signature.size if signature else 0, signature.mtime_ns if signature else 0,
                   sketch_of(review.claims))

    @property
    def newer(self) -> bool:
        """The file is from a newer app and cannot be read (not damaged: see NEWER_VERSION;
        an index written before that held the whole message, which says the same)."""
        return self.damaged is not None and _NEWER_WORDS in self.damaged

    def signature_matches(self, signature: FileSignature | None) -> bool:
        return signature is not None and (signature.size, signature.mtime_ns) == (
            self.size, self.mtime_ns)


@dataclass(frozen=True, slots=True)
class FolderListing:
    """The review files in ``reviews/`` and the sync programs' conflict copies beside them."""

    ids: set[str]
    copies: list[tuple[str, str]]  # (review id, file name), sorted by name


def list_folder(folder: Path) -> FolderListing:
    try:
        names = os.listdir(folder)
    except FileNotFoundError:  # no review saved yet (or a store on a missing drive)
        return FolderListing(set(), [])
    except NotADirectoryError:
        blocking = next((part for part in (folder, *folder.parents) if part.exists()), folder)
        raise StoreError(blocking, f"The review store {folder.parent} cannot be used: "
                         f"{blocking} is a file, not a folder. Choose another store with "
                         "--store (or move that file away).") from None
    except OSError as error:
        # Not "no reviews": the reviews may be there, unseen. Opening a document must not start
        # a second review of it, so this is an error the start page and the window show.
        raise StoreError(folder, f"The store folder {folder} cannot be read "
                         f"({error.strerror or error}). Fix it, or choose another store with "
                         "--store.") from None
    ids = {name[: -len(REVIEW_SUFFIX)] for name in names
           if name.endswith(REVIEW_SUFFIX) and REVIEW_ID.fullmatch(name[: -len(REVIEW_SUFFIX)])}
    copies = []
    for name in sorted(names):
        match = CONFLICT_COPY.fullmatch(name)
        if match is not None:
            copies.append((match.group("id"), name))
    return FolderListing(ids, copies)


def review_ids_in(folder: Path) -> set[str]:
    return list_folder(folder).ids


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
        self.copies: list[tuple[str, str]] = []
        """Sync programs' conflict copies found by the last load: (review id, file name)."""

    @property
    def unreadable(self) -> set[str]:
        """Review files in the folder that could not be read at their last look."""
        return {rid for rid, entry in self._entries.items() if entry.damaged}

    # Reading -------------------------------------------------------------------------------

    def _read(self) -> dict[str, IndexEntry] | None:
        """The file's entries, or None if it is missing, damaged (moved aside) or of another
        version (an older one is rebuilt; a newer one is left alone)."""
        signature = FileSignature.of(self.path)
        if signature is None:
            return None
        try:
            data = json.loads(self.path.read_bytes().decode("utf-8"))
            version = schema_version_of(data)
            if version is None:
                raise SchemaViolation("no valid schema_version")
            if version > INDEX_VERSION:
                self.writable = False
                return None
            if version < INDEX_VERSION:
                return None  # rebuilt from the review files, then written over
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

    def entry_from_file(self, review_id: str,
                        previous: IndexEntry | None = None) -> IndexEntry | None:
        """The entry for a review file as it is now; a damaged file keeps what ``previous``
        knew of its document (or what can be salvaged from it), marked damaged."""
        path = self.reviews_dir / (review_id + REVIEW_SUFFIX)
        signature = FileSignature.of(path)
        try:
            raw = path.read_bytes()
            review = parse_review(raw, path)
        except DamagedFile as damaged:
            return self._damaged_entry(review_id, raw, damaged.reason, signature, previous)
        except StoreNewerError:
            return self._damaged_entry(review_id, raw, NEWER_VERSION, signature, previous)
        except (OSError, StoreError) as error:
            reason = getattr(error, "message", None) or str(error)
            return self._damaged_entry(review_id, b"", reason, signature, previous)
        # Keyed by the file's name, which is what opening it uses: a file renamed by hand still
        # holds its old id, and that id would lead to no file (or to another review's).
        return replace(IndexEntry.of(review, signature), review_id=review_id)

    @staticmethod
    def _damaged_entry(review_id: str, raw: bytes, reason: str,
                       signature: FileSignature | None,
                       previous: IndexEntry | None) -> IndexEntry:
        from reader.store.salvage import salvage

        found = salvage(raw)
        document = found.document
        size = signature.size if signature else 0
        mtime = signature.mtime_ns if signature else 0
        if previous is not None:
            sketch = previous.sketch or sketch_of(found.claims)
            return replace(previous, size=size, mtime_ns=mtime, damaged=reason, sketch=sketch)
        return IndexEntry(review_id, document.source_path if document else None,
                          document.title if document else "",
                          document.sha256 if document else "",
                          Progress.of(found.claims), found.time("updated") or "", size, mtime,
                          sketch_of(found.claims), reason)

    def load(self) -> dict[str, IndexEntry]:
        """The entries, read if the file changed, reconciled with the review files present:
        files added, removed, or changed by another program since they were indexed."""
        if not self._loaded or FileSignature.of(self.path) != self._signature:
            entries = self._read()
            self._loaded = True
            dirty = entries is None
            self._entries = entries or {}
        else:
            dirty = False
        listing = list_folder(self.reviews_dir)
        self.copies = listing.copies
        for gone in self._entries.keys() - listing.ids:
            del self._entries[gone]
            dirty = True
        for review_id in listing.ids:
            entry = self._entries.get(review_id)
            path = self.reviews_dir / (review_id + REVIEW_SUFFIX)
            if entry is not None and entry.signature_matches(FileSignature.of(path)):
                continue
            fresh = self.entry_from_file(review_id, entry)
            if fresh is not None and fresh != entry:
                self._entries[review_id] = fresh
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
                header = {"schema_version": INDEX_VERSION}
                data = self._renderer.render_chunks(header, self._entries)
                write_atomic(self.path, data, keep_backup=False)
                self._signature = FileSignature.of(self.path)
        except (OSError, StoreError):
            change(self._entries)

    def put(self, entry: IndexEntry) -> None:
        if not self._loaded:
            self.load()
        if self._entries.get(entry.review_id) == entry:
            return
        self._write_entries(lambda entries: entries.__setitem__(entry.review_id, entry))

    def remove(self, review_id: str) -> None:
        self._write_entries(lambda entries: entries.pop(review_id, None))
