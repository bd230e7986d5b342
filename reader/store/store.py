"""The review store's API: ``ReviewStore`` finds, creates and lists reviews; ``OpenReview`` is one
open review that the window changes one user action at a time, each change saved at once.

Concurrency: each review file has a lock (``reviews/ID.json.lock``) held only while saving. A
save re-reads the file under the lock if another process replaced it since this one last read or
wrote it, merges per claim (``reader.store.merge``) and writes the union. We chose merge-on-save
over opening the second copy read-only because the second writer is usually the command line
(``claim-reader tag`` in a script) or a second window on the same article: read-only would make
the script fail while the window is open, and merging loses nothing since every user action is in
the claim's history.
"""

from __future__ import annotations

import errno
import getpass
import os
import re
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from reader.analysis.model import Analysis
from reader.document.model import METADATA_URL, Document
from reader.store.anchoring import (
    ReanchorReport,
    add_analysis_claims,
    claim_from_analysis,
    reanchor,
)
from reader.store.atomic import (
    backup_path,
    ensure_private_dir,
    remove_stale_temporaries,
    write_atomic,
)
from reader.store.errors import (
    ClaimNotFoundError,
    ReviewNotFoundError,
    StoreCorruptError,
    StoreError,
    StoreReadOnlyError,
    StoreWriteError,
)
from reader.store.index import INDEX_NAME, REVIEW_ID, REVIEW_SUFFIX, IndexEntry, StoreIndex
from reader.store.location import resolve_store_dir
from reader.store.locking import FileLock
from reader.store.merge import MergeReport, merge_claims
from reader.store.model import (
    STANCES,
    STATUSES,
    Anchor,
    DocumentSnapshot,
    Progress,
    Review,
    ReviewClaim,
    Source,
    StatusChange,
    utc_now,
)
from reader.store.review_file import (
    DamagedFile,
    FileSignature,
    file_stamp,
    move_aside,
    parse_review,
    read_named_review,
    read_review,
)
from reader.store.schema import SchemaViolation, check_claim
from reader.store.serialise import EntryRenderer

Analyser = Callable[[Document], Analysis]
_NOTHING_RESTORED = ("Nothing was changed and every file is kept; opening the document again "
                     "starts a new review.")
REVIEWS_DIR = "reviews"
MANUAL_KIND = "statement"


def default_reviewer() -> str:
    """The reviewer recorded in the history when the caller names none: the login name."""
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):
        return ""


def analyse_document(document: Document) -> Analysis:
    """The app's analysis of a document; imported on first use, since the store is also used
    by commands that never analyse (export of a review file)."""
    from reader.analysis import analyse

    return analyse(document.text, document.blocks)


def normalise_path(path: str | os.PathLike[str] | None) -> str | None:
    return os.path.abspath(os.fspath(path)) if path else None


def snapshot_of(document: Document) -> DocumentSnapshot:
    return DocumentSnapshot(document.text, document.title, document.sha256, document.format,
                            normalise_path(document.source_path),
                            document.metadata.get(METADATA_URL, ""))


def check_consulted(consulted: str) -> None:
    """A source's date consulted is YYYY-MM-DD or empty: the file format allows nothing else."""
    if not consulted:
        return
    try:
        if len(consulted) == 10:
            date.fromisoformat(consulted)
            return
    except ValueError:
        pass
    raise ValueError(f"{consulted!r} is not a date: write the date consulted as YYYY-MM-DD "
                     "(for example 2026-03-14), or leave it empty.")


def write_error(path: Path, error: OSError) -> StoreWriteError:
    """A save failure as a message that says what happened and what to do."""
    code = error.errno
    if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", -1):
        reason = "the disk is full. Free some space, then save again."
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason = (f"the store folder {path.parent} is read-only or not yours. Fix its permissions"
                  " or choose another store with --store, then save again.")
    else:
        reason = f"{error.strerror or error}. Save again, or choose another store with --store."
    return StoreWriteError(path, f"Could not save {path}: {reason} The file on disk is "
                           "unchanged.", errno=code)


class OpenReview:
    """One open review. Every mutation changes the review in memory, saves it at once and returns
    the updated claim. If the save fails it raises a ``StoreError`` (usually ``StoreWriteError``)
    and keeps the change in memory (``dirty`` stays True): call ``save()`` to retry; the next
    mutation retries too. A save may bring in changes another process made to the same file, so
    re-read ``review`` after each call rather than patching a copy."""

    def __init__(
        self,
        store: ReviewStore,
        review: Review,
        signature: FileSignature | None,
        read_only_reason: str | None = None,
    ) -> None:
        self._store = store
        self._review = review
        self._signature = signature
        self._renderer = EntryRenderer("claims", ReviewClaim.to_dict)
        self.read_only_reason = read_only_reason or review.read_only_reason
        self.path = store.review_path(review.review_id)
        self.dirty = signature is None
        self.last_error: StoreError | None = None
        self.reanchor_report: ReanchorReport | None = None

    # Reading -------------------------------------------------------------------------------

    @property
    def review(self) -> Review:
        return self._review

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def progress(self) -> Progress:
        return self._review.progress()

    def claim(self, claim_id: str) -> ReviewClaim:
        try:
            return self._review.claims[claim_id]
        except KeyError:
            document = self._review.document
            raise ClaimNotFoundError(
                self.path, f"No claim {claim_id!r} in the review of "
                f"{document.source_path or document.title or self.path} — list the ids with "
                "`claim-reader status FILE`.") from None

    # Changing ------------------------------------------------------------------------------

    def _check_writable(self) -> None:
        if self.read_only_reason is not None:
            raise StoreReadOnlyError(self.path, self.read_only_reason)

    def _put(self, claim: ReviewClaim) -> ReviewClaim:
        try:
            check_claim(claim.to_dict(), len(self._review.document.text))
        except SchemaViolation as problem:
            raise ValueError(f"Not saved: the claim's {problem} (the review file cannot hold "
                             "that). Correct the value and try again.") from None
        claims = dict(self._review.claims)
        claims[claim.id] = claim
        self._review = replace(self._review, claims=claims, updated=claim.updated)
        self.dirty = True
        self.save()
        return self._review.claims[claim.id]

    def _event(self, claim: ReviewClaim, event: str, now: str, reviewer: str | None,
               to_status: str | None = None) -> StatusChange:
        return StatusChange(at=now, from_status=claim.status, to_status=to_status or claim.status,
                            reviewer=self._store.reviewer if reviewer is None else reviewer,
                            event=event)  # type: ignore[arg-type]

    def set_status(self, claim_id: str, status: str, reviewer: str | None = None) -> ReviewClaim:
        """Tag a claim; the change is added to its history with the reviewer and time."""
        if status not in STATUSES:
            raise ValueError(f"{status!r} is not a status; use one of {', '.join(STATUSES)}")
        self._check_writable()
        claim = self.claim(claim_id)
        if claim.status == status:
            return claim
        now = self._store.now()
        change = self._event(claim, "status", now, reviewer, to_status=status)
        return self._put(replace(claim, status=status, updated=now,
                                 history=(*claim.history, change)))

    def set_note(self, claim_id: str, note: str, reviewer: str | None = None) -> ReviewClaim:
        self._check_writable()
        claim = self.claim(claim_id)
        if claim.note == note:
            return claim
        now = self._store.now()
        return self._put(replace(claim, note=note, updated=now,
                                 history=(*claim.history, self._event(claim, "note", now,
                                                                      reviewer))))

    def _set_sources(self, claim: ReviewClaim, sources: tuple[Source, ...],
                     reviewer: str | None) -> ReviewClaim:
        now = self._store.now()
        return self._put(replace(claim, sources=sources, updated=now,
                                 history=(*claim.history, self._event(claim, "source", now,
                                                                      reviewer))))

    def set_sources(self, claim_id: str, sources: tuple[Source, ...],
                    reviewer: str | None = None) -> ReviewClaim:
        """Replace a claim's whole list of sources: how undo and redo put back a list as it
        was, with the same source ids."""
        self._check_writable()
        claim = self.claim(claim_id)
        if claim.sources == tuple(sources):
            return claim
        return self._set_sources(claim, tuple(sources), reviewer)

    def add_source(self, claim_id: str, *, title: str = "", url: str = "", citation: str = "",
                   publisher: str = "", consulted: str = "", stance: str = "unspecified",
                   reviewer: str | None = None) -> ReviewClaim:
        """Attach a source; ``consulted`` is YYYY-MM-DD (today when empty)."""
        if stance not in STANCES:
            raise ValueError(f"{stance!r} is not a stance; use one of {', '.join(STANCES)}")
        if not (url or citation or title):
            raise ValueError("A source needs a URL, a citation or a title.")
        check_consulted(consulted)
        self._check_writable()
        claim = self.claim(claim_id)
        source = Source(uuid.uuid4().hex[:12], title, url, citation, publisher,
                        consulted or self._store.now()[:10], stance)  # type: ignore[arg-type]
        return self._set_sources(claim, (*claim.sources, source), reviewer)

    def update_source(self, claim_id: str, source: Source,
                      reviewer: str | None = None) -> ReviewClaim:
        """Replace the source with the same ``id``."""
        check_consulted(source.consulted)
        self._check_writable()
        claim = self.claim(claim_id)
        if all(s.id != source.id for s in claim.sources):
            raise ClaimNotFoundError(self.path, f"Claim {claim_id!r} has no source {source.id!r}.")
        sources = tuple(source if s.id == source.id else s for s in claim.sources)
        return self._set_sources(claim, sources, reviewer)

    def remove_source(self, claim_id: str, source_id: str,
                      reviewer: str | None = None) -> ReviewClaim:
        self._check_writable()
        claim = self.claim(claim_id)
        sources = tuple(s for s in claim.sources if s.id != source_id)
        if len(sources) == len(claim.sources):
            raise ClaimNotFoundError(self.path, f"Claim {claim_id!r} has no source {source_id!r}.")
        return self._set_sources(claim, sources, reviewer)

    def dismiss(self, claim_id: str, reviewer: str | None = None) -> ReviewClaim:
        """Mark a claim as "not a claim". It stays in the file (and can be restored)."""
        return self._set_dismissed(claim_id, True, reviewer)

    def restore(self, claim_id: str, reviewer: str | None = None) -> ReviewClaim:
        return self._set_dismissed(claim_id, False, reviewer)

    def _set_dismissed(self, claim_id: str, dismissed: bool, reviewer: str | None) -> ReviewClaim:
        self._check_writable()
        claim = self.claim(claim_id)
        if claim.dismissed == dismissed:
            return claim
        now = self._store.now()
        event = "dismiss" if dismissed else "restore"
        return self._put(replace(claim, dismissed=dismissed, updated=now,
                                 history=(*claim.history, self._event(claim, event, now,
                                                                      reviewer))))

    def set_url(self, url: str) -> Review:
        """Record the article's web address (``http(s)://...``), for a published ClaimReview."""
        url = url.strip()
        if not url.lower().startswith(("http://", "https://")) or any(
                c.isspace() for c in url) or len(url) > 2048:
            raise ValueError(f"{url!r} is not a web address: give the article's http:// or "
                             "https:// URL.")
        self._check_writable()
        review = self._review
        self._review = replace(review, document=replace(review.document, url=url),
                               updated=self._store.now())
        self.dirty = True
        self.save()
        return self._review

    def add_manual_claim(self, start: int, end: int, kind: str = MANUAL_KIND) -> ReviewClaim:
        """Turn the user's selection ``text[start:end]`` into a claim of its own."""
        text = self._review.document.text
        if not 0 <= start < end <= len(text):
            raise ValueError(f"A claim must cover some text: {start}-{end} is not inside "
                             f"0-{len(text)}.")
        self._check_writable()
        now = self._store.now()
        claim = ReviewClaim(id="m-" + uuid.uuid4().hex[:12], kind=kind, origin="manual",
                            anchor=Anchor.from_text(text, start, end), created=now, updated=now)
        return self._put(claim)

    # Saving --------------------------------------------------------------------------------

    def _merge_from_disk(self, locked: bool = True) -> bool:
        """Bring in what another process saved since we last read or wrote. Only a caller
        holding the lock (``locked``) may move a damaged file aside."""
        try:
            disk, _ = read_review(self.path)
        except DamagedFile as damaged:
            if locked:
                # Keep the damaged file aside; our in-memory review is the good copy to write.
                error = move_aside(self.path, damaged.reason, self._store.now(),
                                   self._review.review_id)
                if error.moved_to is None:
                    raise error from None  # not kept aside, so it must not be written over
            return False
        except ReviewNotFoundError:
            return False
        if disk.read_only:
            self.read_only_reason = disk.read_only_reason
            raise StoreReadOnlyError(self.path, disk.read_only_reason or "")
        ours = self._review
        theirs = disk.claims
        if disk.document.sha256 != ours.document.sha256:
            theirs, _ = reanchor(theirs, disk.document.text, ours.document.text)
        claims, _ = merge_claims(ours.claims, theirs, self._store.now())
        document = ours.document
        if not document.url and disk.document.url:  # given by another process meanwhile
            document = replace(document, url=disk.document.url)
        self._review = replace(
            ours, document=document, claims=claims, created=min(ours.created, disk.created),
            updated=max(ours.updated, disk.updated),
            last_opened=max(ours.last_opened, disk.last_opened))
        return True

    def refresh(self) -> Review:
        """Bring in changes another process saved (a script, another window) without writing;
        cheap when there are none (one ``stat``). Unsaved local changes are kept and win as in
        any merge. Call it when the window regains focus, for example. A damaged file is left
        for the next save to move aside; a file from a newer app raises ``StoreReadOnlyError``
        and makes this review read-only."""
        signature = FileSignature.of(self.path)
        if signature is not None and signature != self._signature:
            dirty = self.dirty
            if self._merge_from_disk(locked=False):
                self._signature = signature
            self.dirty = dirty
        return self._review

    def save(self) -> Review:
        """Write the review (merging other processes' changes first). Safe to call again after a
        failure; raises ``StoreWriteError`` with the file on disk left intact."""
        self._check_writable()
        try:
            self._store._prepare()
            with FileLock(self.path, self._store.lock_timeout):
                signature = FileSignature.of(self.path)
                if signature is not None and signature != self._signature:
                    self._merge_from_disk()
                data = self._renderer.render_chunks(self._review.header_dict(),
                                                    self._review.claims)
                write_atomic(self.path, data)
                self._signature = FileSignature.of(self.path)
        except StoreReadOnlyError:
            raise
        except StoreError as error:
            self.last_error = error
            raise
        except OSError as error:
            self.last_error = write_error(self.path, error)
            raise self.last_error from None
        self.dirty = False
        self.last_error = None
        self._store.index.put(IndexEntry.of(self._review))
        return self._review


class ReviewStore:
    """All reviews under one root folder (see docs/store.md for the layout).

    ``reviewer`` is recorded in each claim's history (default: the login name); ``clock`` returns
    the current time as an ISO string (tests pass a fake)."""

    def __init__(
        self,
        root: str | os.PathLike[str] | None = None,
        *,
        reviewer: str | None = None,
        clock: Callable[[], str] = utc_now,
        lock_timeout: float = 10.0,
    ) -> None:
        self.root = resolve_store_dir(root)
        self.reviews_dir = self.root / REVIEWS_DIR
        self.reviewer = default_reviewer() if reviewer is None else reviewer
        self.now = clock
        self.lock_timeout = lock_timeout
        self.index = StoreIndex(self.root, self.reviews_dir, clock, lock_timeout)
        self._prepared = False

    def _prepare(self) -> None:
        """Create the folders on first write; clear temporary files a killed writer left."""
        try:
            ensure_private_dir(self.reviews_dir)  # again each time: someone may delete it
        except OSError as error:
            raise StoreWriteError(
                self.reviews_dir, f"Could not create the store folder {self.reviews_dir} "
                f"({error.strerror or error}): {self.root} must be a folder you can write in. "
                "Fix it or choose another store with --store, then save again. Nothing was "
                "saved.", errno=error.errno) from None
        if not self._prepared:
            remove_stale_temporaries(self.reviews_dir, REVIEW_ID.pattern + re.escape(REVIEW_SUFFIX))
            remove_stale_temporaries(self.root, re.escape(INDEX_NAME))
            self._prepared = True

    def review_path(self, review_id: str) -> Path:
        return self.reviews_dir / (review_id + REVIEW_SUFFIX)

    # Listing and finding -------------------------------------------------------------------

    def list_reviews(self) -> list[IndexEntry]:
        """Every reviewed document for the start page, most recently opened first."""
        entries = self.index.load()
        return sorted(entries.values(), key=lambda e: e.last_opened, reverse=True)

    def damaged_reviews(self) -> list[str]:
        """Ids of review files in the folder that cannot be read (not JSON, wrong schema...).
        They are not in ``list_reviews()``; ``load(id)`` moves one aside and raises the
        ``StoreCorruptError`` that offers its backup, for the start page to show."""
        self.index.load()
        return sorted(self.index.unreadable)

    def find(self, sha256: str, path: str | os.PathLike[str] | None = None) -> IndexEntry | None:
        """The review of a document: same content first (a moved or renamed file finds its
        review), preferring one at the same path; else the review last made at that path."""
        entries = list(self.index.load().values())
        wanted = normalise_path(path)
        by_hash = [e for e in entries if e.sha256 == sha256]
        if by_hash:
            same_path = [e for e in by_hash if e.path == wanted]
            return max(same_path or by_hash, key=lambda e: e.last_opened)
        by_path = [e for e in entries if wanted is not None and e.path == wanted]
        return max(by_path, key=lambda e: e.last_opened) if by_path else None

    # Opening -------------------------------------------------------------------------------

    def load(self, review_id: str, *, read_only: bool = False) -> OpenReview:
        """Open a stored review by id. A damaged file is moved aside and ``StoreCorruptError``
        raised (its ``backup`` is the file to offer to ``restore_backup``); a file from a newer
        app opens read-only."""
        path = self.review_path(review_id)
        try:
            review, signature = read_review(path)
        except DamagedFile as damaged:
            raise self._quarantine(path, review_id, damaged) from None
        if review.review_id != review_id:
            # A file renamed by hand: it is the file's name that finds it, so it is that name
            # the review is saved under (never the old id, which may be another review's file).
            review = replace(review, review_id=review_id)
        reason = "Opened for viewing only." if read_only and not review.read_only else None
        return OpenReview(self, review, signature, reason)

    def _quarantine(self, path: Path, review_id: str, damaged: DamagedFile) -> StoreError:
        """Move a damaged file aside, under its lock so as not to race a writer replacing it."""
        try:
            with FileLock(path, self.lock_timeout):
                try:
                    parse_review(path.read_bytes(), path)
                except DamagedFile as still:
                    error = move_aside(path, still.reason, self.now(), review_id)
                else:
                    return StoreError(path, f"{path} changed while it was read. Open it again.")
        except OSError:
            # Read-only folder: it cannot be moved, but it is still not overwritten.
            return StoreCorruptError(
                path, f"The review file {path} is damaged ({damaged.reason}). It was left as it "
                "is; nothing was overwritten. Make the store folder writable to recover its "
                f"backup {backup_path(path)}.", review_id=review_id)
        self.index.remove(review_id)
        return error

    def open_review(
        self,
        document: Document,
        *,
        analysis: Analysis | None = None,
        analyser: Analyser | None = None,
        read_only: bool = False,
    ) -> OpenReview:
        """The review of ``document``: found by content hash or path, or created.

        The analysis (``analysis`` if given, else ``analyser(document)``, else the app's) adds
        any claim not yet in the review. If the text changed since the review was saved, every
        claim is re-anchored onto the new text (``reanchor_report`` says how each fared). The
        result is saved at once unless ``read_only``; a failed save does not raise but leaves
        ``dirty`` True and ``last_error`` set, so the window can open and show a banner.

        Raises ``StoreCorruptError`` when the review file is damaged (it has been moved aside;
        offer ``restore_backup(error.review_id)`` if ``error.backup``, or call ``open_review``
        again to start a new review) and ``StoreNewerError`` when a newer app's file cannot be
        read at all. A newer app's file that can be read opens read-only (``read_only_reason``).
        """
        now = self.now()
        if analysis is None:
            analysis = (analyser or analyse_document)(document)
        snapshot = snapshot_of(document)
        entry = self.find(document.sha256, snapshot.source_path)
        if entry is None:
            claims = {c.id: claim_from_analysis(c, document.text, now) for c in analysis.claims}
            review = Review(uuid.uuid4().hex, snapshot, claims, now, now, now)
            handle = OpenReview(self, review, None, "Opened for viewing only." if read_only
                                else None)
        else:
            handle = self.load(entry.review_id, read_only=read_only)
            stored = handle.review
            if stored.document.sha256 == document.sha256:
                claims = dict(stored.claims)
                add_analysis_claims(claims, document.text, analysis.claims, now)
            else:
                claims, handle.reanchor_report = reanchor(
                    stored.claims, stored.document.text, document.text, analysis.claims, now)
            if snapshot.source_path is None:
                snapshot = replace(snapshot, source_path=stored.document.source_path)
            if not snapshot.url:  # a text copy of a page keeps the address the review has
                snapshot = replace(snapshot, url=stored.document.url)
            handle._review = replace(stored, document=snapshot, claims=claims, last_opened=now)
            handle.dirty = True
        if not handle.read_only:
            try:
                self._prepare()
                handle.save()
            except StoreError as error:
                handle.last_error = error  # the review is still usable in memory
        return handle

    def restore_backup(self, review_id: str) -> OpenReview:
        """Put a review's ``.bak`` back in place (after ``StoreCorruptError`` offered it). A
        current file, if any, is moved aside first rather than overwritten."""
        path = self.review_path(review_id)
        backup = backup_path(path)
        try:
            raw = backup.read_bytes()
            parse_review(raw, backup)
        except OSError as error:
            raise StoreError(backup, f"The backup {backup} cannot be read "
                             f"({error.strerror or error}). {_NOTHING_RESTORED}") from None
        except DamagedFile as damaged:
            raise StoreError(backup, f"The backup {backup} cannot be used either "
                             f"({damaged.reason}). {_NOTHING_RESTORED}") from None
        try:
            with FileLock(path, self.lock_timeout):
                if path.exists():
                    os.replace(path, path.with_name(f"{path.name}.replaced-"
                                                    f"{file_stamp(self.now())}"))
                write_atomic(path, raw, keep_backup=False)
        except OSError as error:
            raise write_error(path, error) from None
        handle = self.load(review_id)
        self.index.put(IndexEntry.of(handle.review))
        return handle

    # Importing -----------------------------------------------------------------------------

    def import_review(
        self, path: str | os.PathLike[str], *, document: Document | None = None
    ) -> tuple[OpenReview, MergeReport]:
        """Merge a colleague's review file into the local review of the same document (found by
        hash or path; ``document`` names the local copy when it differs), creating it if there is
        none. Claims are united; per claim the later change wins and claims both sides changed
        come back as conflicts, with both values kept in the history."""
        source = Path(path)
        incoming = read_named_review(source, "import")
        if incoming.read_only:
            raise StoreReadOnlyError(source, f"Cannot import {source}: "
                                     + (incoming.read_only_reason or ""))
        now = self.now()
        target = snapshot_of(document) if document is not None else incoming.document
        entry = self.find(target.sha256, target.source_path)
        theirs = incoming.claims
        self._prepare()
        if entry is None:
            if target.sha256 != incoming.document.sha256:
                theirs, _ = reanchor(theirs, incoming.document.text, target.text)
            review_id = incoming.review_id
            if self.review_path(review_id).exists():
                review_id = uuid.uuid4().hex
            review = Review(review_id, target, dict(theirs), now, now, now)
            handle = OpenReview(self, review, None)
            report = MergeReport(added=tuple(theirs))
        else:
            handle = self.load(entry.review_id)
            handle._check_writable()
            ours = handle.review
            if ours.document.sha256 != incoming.document.sha256:
                theirs, _ = reanchor(theirs, incoming.document.text, ours.document.text)
            claims, report = merge_claims(ours.claims, theirs, now)
            if not report.changed:
                return handle, report  # nothing new: the file stays byte for byte as it was
            handle._review = replace(ours, claims=claims, updated=now)
            handle.dirty = True
        handle.save()
        return handle, report
