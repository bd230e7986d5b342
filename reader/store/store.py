"""The review store's API: ``ReviewStore`` finds, creates and lists reviews; ``OpenReview`` is one
open review that the window changes one user action at a time, each change saved at once.

Concurrency: each review file has a lock (``reviews/ID.json.lock``) held only while saving. A
save re-reads the file under the lock if another process replaced it since this one last read or
wrote it, merges per claim (``reader.store.merge``) and writes the union. We chose merge-on-save
over opening the second copy read-only because the second writer is usually the command line
(``claim-reader tag`` in a script) or a second window on the same article: read-only would make
the script fail while the window is open, and merging loses nothing since every user action is in
the claim's history. When both set the same field to different values, what is on disk was saved
(and reported) first and is kept; the later writer's value is recorded as an open conflict and
its save raises ``StoreConflictError``, so the one whose value did not survive is told.

Creating a review, and anything that adds or removes review files (merging duplicates and sync
programs' conflict copies, recovering a damaged file), happens under one store-wide lock
(``STORE/reviews.lock``), so a document never gets two reviews however many commands start at
once.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import re
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
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
    ensure_private_dir,
    refresh_backup,
    remove_stale_temporaries,
    write_atomic,
)
from reader.store.errors import (
    ClaimNotFoundError,
    DamagedReviewError,
    ReviewNotFoundError,
    SourceNotFoundError,
    StoreConflictError,
    StoreError,
    StoreNewerError,
    StoreReadOnlyError,
    StoreWriteError,
    write_error,
)
from reader.store.index import INDEX_NAME, REVIEW_ID, REVIEW_SUFFIX, IndexEntry, StoreIndex
from reader.store.location import resolve_store_dir
from reader.store.locking import FileLock
from reader.store.merge import (
    MergeReport,
    Winner,
    merge_claims,
    source_key,
    with_sources_of,
)
from reader.store.model import (
    STANCES,
    STATUSES,
    Anchor,
    DocumentSnapshot,
    Evidence,
    Progress,
    RemovedSource,
    Review,
    ReviewClaim,
    Source,
    SourceDocument,
    StatusChange,
    stamp_after,
    utc_now,
)
from reader.store.review_file import (
    DamagedFile,
    FileSignature,
    RepairableFile,
    file_stamp,
    format_time_of,
    move_aside,
    parse_review,
    read_named_review,
    read_review,
    usable_backup,
)
from reader.store.salvage import Salvage, salvage
from reader.store.schema import SchemaViolation, check_claim
from reader.store.serialise import EntryRenderer
from reader.store.similarity import CANDIDATE_SHARE, SIMILAR_SHARE, claims_share, sketch_share
from reader.store.user_state import UserState

Analyser = Callable[[Document], Analysis]
_NOTHING_RESTORED = "Nothing was changed and every file is kept."
REVIEWS_DIR = "reviews"
MERGED_DIR = "merged"
MEASURED_CANDIDATES = 5
"""At most this many reviews (the best sketch estimates) are read to measure similarity."""
MANUAL_KIND = "statement"
FIELD_NAMES = {"status": "status", "note": "note", "dismissed": "dismissal"}


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
                            document.metadata.get(METADATA_URL, ""),
                            {k: v for k, v in document.metadata.items() if k != METADATA_URL})


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


def claim_count(count: int) -> str:
    return f"{count} claim" + ("" if count == 1 else "s")


def describe_value(field: str, value: object) -> str:
    if field == "dismissed":
        return "dismissed" if value else "not dismissed"
    if field == "note":
        return f"the note {value!r}" if value else "an empty note"
    return str(value)


@dataclass(frozen=True, slots=True)
class LostValue:
    """A value this process saved that lost to one another process had saved first."""

    claim_id: str
    field: str
    kept: object
    ours: object
    by: str


def conflict_message(path: Path, lost: list[LostValue]) -> str:
    """What the user whose value did not survive is told."""
    parts = []
    for value in lost:
        claim_id, field, kept, ours, by = (value.claim_id, value.field, value.kept,
                                           value.ours, value.by)
        who = by or "another program"
        if field == "note":
            yours = f"your note {ours!r}" if ours else "your empty note"
        else:
            yours = f"your {FIELD_NAMES.get(field, field)} ({describe_value(field, ours)})"
        parts.append(f"claim {claim_id}: {yours} was not kept, because {who} saved "
                     f"{describe_value(field, kept)} first")
    return ("Not saved as asked — " + "; ".join(parts) + f". Both values are kept in {path} "
            "and the claim is marked as a conflict until someone picks one.")


@dataclass(frozen=True, slots=True)
class StoreOverview:
    """The store as the start page lists it: the readable reviews (most recently opened by this
    user first), the review files that cannot be read and have no usable backup, and those a
    newer version of the app wrote that this one cannot read (by id). A damaged or newer
    entry keeps what the index last knew of its article (title, path)."""

    reviews: list[IndexEntry]
    damaged: list[IndexEntry]
    newer: list[IndexEntry]


@dataclass(frozen=True, slots=True)
class SimilarReview:
    """A review of an earlier version of the article, found by content (see similarity)."""

    entry: IndexEntry
    share: float

    def describe(self) -> str:
        title = self.entry.title or self.entry.path or "an article"
        return (f"{round(self.share * 100)}% of the claims of the review of “{title}” "
                f"({self.entry.path or 'pasted text'}) are in this text word for word")


class OpenReview:
    """One open review. Every mutation changes the review in memory, saves it at once and returns
    the updated claim. If the save fails it raises a ``StoreError`` (usually ``StoreWriteError``)
    and keeps the change in memory (``dirty`` stays True): call ``save()`` to retry; the next
    mutation retries too. A save may bring in changes another process made to the same file, so
    re-read ``review`` after each call rather than patching a copy. A save whose value lost to
    one another process saved first raises ``StoreConflictError`` after saving (see the module's
    docstring).

    ``notices`` holds one-line messages for the user about how the review was found (recovered
    from a backup, found by content); ``similar`` a review of an earlier version of the text
    that the caller may offer instead of this new one."""

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
        self.notices: list[str] = []
        self.similar: SimilarReview | None = None
        self.found_by: str | None = None
        """How the review was found: "hash", "path", "similar", or None for a new one."""
        self._purge_backup = False
        """The next save also replaces the backup (a source was detached: its text must go)."""

    # Reading -------------------------------------------------------------------------------

    @property
    def review(self) -> Review:
        return self._review

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    @property
    def saved(self) -> bool:
        """Whether the review exists on disk (a new review is written on its first save)."""
        return self._signature is not None

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
               to_status: str | None = None, field: str = "", note: str = "") -> StatusChange:
        return StatusChange(at=now, from_status=claim.status, to_status=to_status or claim.status,
                            reviewer=self._store.reviewer if reviewer is None else reviewer,
                            event=event, note=note, field=field)  # type: ignore[arg-type]

    def _answer(self, claim: ReviewClaim, event: str, reviewer: str | None,
                field: str = "") -> ReviewClaim:
        """Record that the user kept the current value (of a conflicting field, or the verdict
        of reworded words): no field changes, but the flag goes."""
        now = self._store.now()
        return self._put(replace(claim, updated=now, history=(
            *claim.history, self._event(claim, event, now, reviewer, field=field))))

    def set_status(self, claim_id: str, status: str, reviewer: str | None = None) -> ReviewClaim:
        """Tag a claim; the change is added to its history with the reviewer and time. Setting
        the status a claim already has answers an open status conflict (keeping it) and confirms
        a verdict whose words changed."""
        if status not in STATUSES:
            raise ValueError(f"{status!r} is not a status; use one of {', '.join(STATUSES)}")
        self._check_writable()
        claim = self.claim(claim_id)
        if claim.status == status:
            if any(c.field == "status" for c in claim.open_conflicts()):
                claim = self._answer(claim, "resolve", reviewer, "status")
            if claim.recheck() is not None:
                claim = self._answer(claim, "confirm", reviewer)
            return claim
        now = self._store.now()
        change = self._event(claim, "status", now, reviewer, to_status=status)
        return self._put(replace(claim, status=status, updated=now,
                                 history=(*claim.history, change)))

    def tag(self, claim_id: str, status: str, *, note: str | None = None,
            sources: tuple[Source, ...] = (), reviewer: str | None = None) -> ReviewClaim:
        """One command's whole decision on a claim (``claim-reader tag``): its status, and its
        note and new sources when given, saved at once. One save, not one per field: a later
        save would count what an earlier one merged from disk as seen, and overwrite a note
        another process saved meanwhile without telling anyone. Saved together, such a note
        is a change made at the same time as ours, so it is kept and ours becomes an open
        conflict (``StoreConflictError``). Tagging the status a claim already has answers an
        open status conflict and confirms a verdict whose words changed, as ``set_status``."""
        if status not in STATUSES:
            raise ValueError(f"{status!r} is not a status; use one of {', '.join(STATUSES)}")
        self._check_writable()
        claim = self.claim(claim_id)
        changed, history = claim, list(claim.history)
        if claim.status != status:
            history.append(self._event(claim, "status", self._store.now(), reviewer,
                                       to_status=status))
            changed = replace(changed, status=status)  # type: ignore[arg-type]
        else:
            if any(c.field == "status" for c in claim.open_conflicts()):
                history.append(self._event(claim, "resolve", self._store.now(), reviewer,
                                           field="status"))
            if claim.recheck() is not None:
                history.append(self._event(claim, "confirm", self._store.now(), reviewer))
        if note is not None and note != claim.note:
            history.append(self._event(changed, "note", self._store.now(), reviewer, note=note))
            changed = replace(changed, note=note)
        added = _new_sources(claim.sources, sources)
        if added:
            history.append(self._event(changed, "source", self._store.now(), reviewer))
            changed = replace(changed, sources=(*claim.sources, *added))
        if len(history) == len(claim.history):
            return claim
        return self._put(replace(changed, updated=history[-1].at, history=tuple(history)))

    def new_source(self, *, title: str = "", url: str = "", citation: str = "",
                   publisher: str = "", consulted: str = "",
                   stance: str = "unspecified") -> Source:
        """A source to attach (``add_source``, ``tag``), checked before anything changes;
        ``consulted`` is YYYY-MM-DD (today when empty)."""
        if stance not in STANCES:
            raise ValueError(f"{stance!r} is not a stance; use one of {', '.join(STANCES)}")
        if not (url or citation or title):
            raise ValueError("A source needs a URL, a citation or a title.")
        check_consulted(consulted)
        return Source(uuid.uuid4().hex[:12], title, url, citation, publisher,
                      consulted or self._store.now()[:10], stance)  # type: ignore[arg-type]

    def confirm(self, claim_id: str, reviewer: str | None = None) -> ReviewClaim:
        """The verdict still holds for the claim's new words: clears "needs re-check"."""
        self._check_writable()
        claim = self.claim(claim_id)
        if claim.recheck() is None:
            return claim
        return self._answer(claim, "confirm", reviewer)

    def resolve(self, claim_id: str, field: str, value: object,
                reviewer: str | None = None) -> ReviewClaim:
        """Pick the value of a conflicting field: ``value`` is the current one (kept) or one of
        the values that lost (``ReviewClaim.open_conflicts``)."""
        self._check_writable()
        claim = self.claim(claim_id)
        if field == "status":
            if value != claim.status:
                return self.set_status(claim_id, str(value), reviewer)
        elif field == "note":
            if value != claim.note:
                return self.set_note(claim_id, str(value), reviewer)
        elif field == "dismissed":
            if bool(value) != claim.dismissed:
                return self._set_dismissed(claim_id, bool(value), reviewer)
        else:
            raise ValueError(f"{field!r} is not a field that can be in conflict")
        if any(c.field == field for c in claim.open_conflicts()):
            return self._answer(claim, "resolve", reviewer, field)
        return claim

    def set_note(self, claim_id: str, note: str, reviewer: str | None = None) -> ReviewClaim:
        self._check_writable()
        claim = self.claim(claim_id)
        if claim.note == note:
            return claim
        now = self._store.now()
        return self._put(replace(claim, note=note, updated=now,
                                 history=(*claim.history, self._event(claim, "note", now,
                                                                      reviewer, note=note))))

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

    def set_decision(self, claim_id: str, status: str, note: str, sources: tuple[Source, ...],
                     reviewer: str | None = None,
                     reused_from: str | None = None) -> ReviewClaim:
        """Set a claim's status, note and sources at once, in one save: how the verdict of a
        claim seen before in another review is applied (``reused_from`` is that claim, as
        "REVIEW_ID/CLAIM_ID", recorded in a "reuse" history entry after the changes), and
        how undo puts such a change back. Each field that changes gets its usual history
        entry, so a merge treats them as any other edit."""
        if status not in STATUSES:
            raise ValueError(f"{status!r} is not a status; use one of {', '.join(STATUSES)}")
        for source in sources:
            check_consulted(source.consulted)
        self._check_writable()
        claim = self.claim(claim_id)
        changed, history = claim, list(claim.history)
        if claim.status != status:
            history.append(self._event(claim, "status", self._store.now(), reviewer,
                                       to_status=status))
            changed = replace(changed, status=status)  # type: ignore[arg-type]
        if claim.note != note:
            history.append(self._event(changed, "note", self._store.now(), reviewer, note=note))
            changed = replace(changed, note=note)
        if claim.sources != tuple(sources):
            history.append(self._event(changed, "source", self._store.now(), reviewer))
            changed = replace(changed, sources=tuple(sources))
        if len(history) == len(claim.history):
            return claim
        if reused_from:
            reuse = self._event(changed, "reuse", self._store.now(), reviewer)
            history.append(replace(reuse, value=reused_from))
        return self._put(replace(changed, updated=history[-1].at, history=tuple(history)))

    def add_source(self, claim_id: str, *, title: str = "", url: str = "", citation: str = "",
                   publisher: str = "", consulted: str = "", stance: str = "unspecified",
                   reviewer: str | None = None) -> ReviewClaim:
        """Attach a source; ``consulted`` is YYYY-MM-DD (today when empty). A source the claim
        already has (same address, citation and title) is not added twice."""
        source = self.new_source(title=title, url=url, citation=citation, publisher=publisher,
                                 consulted=consulted, stance=stance)
        self._check_writable()
        claim = self.claim(claim_id)
        if not _new_sources(claim.sources, (source,)):
            return claim
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

    def record_evidence(self, documents: tuple[SourceDocument, ...] = (),
                        evidence: dict[str, tuple[Evidence, ...]] | None = None) -> Review:
        """Keep source documents with the review and the passages found for claims in them, in
        one save. Each claim's new evidence replaces what it had for the same source; a finding
        that only differs by when it was made is not written again. Evidence is derived data:
        no history entry, and the claims' ``updated`` (which decides which change is later in
        a merge of decisions) is left alone.

        A document the user detached earlier is attached again (the user chose the file
        again; its removal's tombstone goes). Evidence for a detached source that is not
        attached again here is ignored: it was found before the removal (matching that ran
        while another window detached it)."""
        self._check_writable()
        review = self._review
        sources = dict(review.source_documents)
        removed = dict(review.removed_sources)
        for document in documents:
            removal = removed.pop(document.id, None)
            if removal is not None and document.id not in sources:
                # After the removal whatever the clocks say, or the removal would hold.
                sources[document.id] = replace(document, added=stamp_after(
                    max(document.added, self._store.now()), removal.removed))
            sources.setdefault(document.id, document)
        claims = dict(review.claims)
        for claim_id, found in (evidence or {}).items():
            claim = self.claim(claim_id)
            held = {item.source: item for item in claim.evidence}
            for item in found:
                if item.source in removed:
                    continue
                if item.source not in sources:
                    raise ValueError(f"No source document {item.source!r} in this review.")
                old = held.get(item.source)
                if old is None or not old.same_finding(item):
                    held[item.source] = item
            changed = replace(claim, evidence=tuple(held[key] for key in sorted(held)))
            if changed.evidence != claim.evidence:
                try:
                    check_claim(changed.to_dict(), len(review.document.text))
                except SchemaViolation as problem:
                    raise ValueError(f"Not saved: the claim's {problem}.") from None
                claims[claim_id] = changed
        if sources == review.source_documents and claims == review.claims:
            return review
        self._review = replace(review, claims=claims, source_documents=sources,
                               removed_sources=removed, updated=self._store.now())
        self.dirty = True
        self.save()
        return self._review

    def detach_source(self, source_id: str, reviewer: str | None = None) -> RemovedSource:
        """Remove a source document from the review: its text and the passages found in it go,
        a tombstone stays (``RemovedSource``) so that no other copy of the review brings it
        back; the sources the user accepted from it into claims stay (they are decisions).
        The file's backup (``.bak``), which held the text, is replaced by the new version.
        Returns the tombstone (the earlier one when the source was already detached);
        ``SourceNotFoundError`` when the review never had it."""
        self._check_writable()
        review = self._review
        document = review.source_documents.get(source_id)
        if document is None:
            if source_id in review.removed_sources:
                return review.removed_sources[source_id]
            raise SourceNotFoundError(self.path, f"The review in {self.path} has no source "
                                      f"document {source_id!r}; list its sources with "
                                      "`claim-reader status FILE`.")
        now = stamp_after(self._store.now(), document.added)
        removal = RemovedSource.of(document, now, self._store.reviewer if reviewer is None
                                   else reviewer)
        self._review = replace(
            review, source_documents={k: v for k, v in review.source_documents.items()
                                      if k != source_id},
            removed_sources={**review.removed_sources, source_id: removal},
            updated=now).settled()
        self.dirty = True
        self._purge_backup = True
        self.save()
        return self._review.removed_sources.get(source_id, removal)

    def copies_holding(self, removal: RemovedSource, text: str) -> list[Path]:
        """Files Claim Reader keeps beside this review (a damaged file's copy, a file a backup
        replaced, merged sync copies) that still hold ``text``, a detached source's: the user
        is told of them, since they were kept on purpose and are not Claim Reader's to
        delete. Only files named after the review are read."""
        stem = self.path.name
        folder = self.path.parent
        names = [p for p in folder.glob(f"{stem}.*") if ".corrupt-" in p.name
                 or ".replaced-" in p.name]
        merged = folder / MERGED_DIR
        if merged.is_dir():
            names += [p for p in merged.iterdir() if p.name.startswith(self.path.stem)]
        needle = json.dumps(text[:400], ensure_ascii=False)[1:-1].encode("utf-8")
        found = []
        for path in sorted(names):
            with contextlib.suppress(OSError):
                if needle and needle in path.read_bytes():
                    found.append(path)
        return found

    # Saving --------------------------------------------------------------------------------

    def _merge_in(self, disk: Review) -> list[LostValue]:
        """Merge another copy of this review (the file on disk) into ours; what is on disk wins
        a clash. Returns our values that lost."""
        ours = self._review
        theirs = disk.claims
        if disk.document.sha256 != ours.document.sha256:
            theirs, _ = reanchor(theirs, disk.document.text, ours.document.text,
                                 record_rewording=False)
        claims, report = merge_claims(ours.claims, theirs, self._store.now(), "incoming")
        lost = []
        for conflict in report.conflicts:
            mine, kept = ours.claims[conflict.claim_id], theirs[conflict.claim_id]
            for name in conflict.fields:
                decided = kept.decided_by(name)
                by = decided.reviewer if decided is not None else ""
                lost.append(LostValue(conflict.claim_id, name, getattr(kept, name),
                                      getattr(mine, name), by))
        document = ours.document
        if not document.url and disk.document.url:  # given by another process meanwhile
            document = replace(document, url=disk.document.url)
        self._review = with_sources_of(replace(
            ours, document=document, claims=claims, created=min(ours.created, disk.created),
            updated=max(ours.updated, disk.updated)), disk.source_documents,
            disk.removed_sources)
        return lost

    def _merge_from_disk(self, locked: bool = True) -> list[LostValue]:
        """Bring in what another process saved since we last read or wrote; returns our values
        that lost to it. A file with bad values (a status typed by hand) is read repaired and
        merged like any other save. Only a caller holding the lock (``locked``) may move a
        damaged file aside; the claims that can still be read in it are merged in first."""
        try:
            disk, _ = read_review(self.path)
        except RepairableFile as repairable:
            if not locked:
                return []
            raw = self.path.read_bytes()
            kept = self._store._keep_copy(self.path, raw)
            self._store.notices.append(_repaired_notice(self.path, repairable, kept))
            repaired = repairable.review
            claims, _ = reanchor(repaired.claims, repaired.document.text,
                                 repaired.document.text, record_rewording=False)
            return self._merge_in(replace(repaired, claims=claims))
        except DamagedFile as damaged:
            if not locked:
                return []
            found = salvage(self.path.read_bytes(), self._store.now())
            lost: list[LostValue] = []
            if found.claims:
                ours = self._review
                document = found.document or ours.document
                claims, _ = reanchor(found.claims, document.text, ours.document.text,
                                     record_rewording=False)
                # Saved by another process, as any file on disk: it wins a clash, and ours is
                # the value the user is told did not survive.
                lost = self._merge_in(Review(ours.review_id, ours.document, claims,
                                             found.time("created") or ours.created,
                                             found.time("updated") or ours.updated,
                                             source_documents=found.source_documents,
                                             removed_sources=found.removed_sources))
            # Keep the damaged file aside; our in-memory review is the good copy to write.
            error = move_aside(self.path, damaged.reason, self._store.now(),
                               self._review.review_id)
            if error.moved_to is None:
                raise error from None  # not kept aside, so it must not be written over
            self._store.notices.append(
                f"The review file {self.path} was damaged; it is kept as {error.moved_to}, "
                f"and this review, with the {claim_count(len(found.claims))} that could "
                "still be read in it, was saved in its place.")
            return lost
        except ReviewNotFoundError:
            return []
        if disk.read_only:
            self.read_only_reason = disk.read_only_reason
            raise StoreReadOnlyError(self.path, disk.read_only_reason or "")
        return self._merge_in(disk)

    def refresh(self) -> Review:
        """Bring in changes another process saved (a script, another window) without writing;
        cheap when there are none (one ``stat``). Unsaved local changes are kept unless they
        clash with what is on disk (then they become open conflicts). Call it when the window
        regains focus, for example. A damaged file is left for the next save to move aside; a
        file from a newer app raises ``StoreReadOnlyError`` and makes this review read-only."""
        signature = FileSignature.of(self.path)
        if signature is not None and signature != self._signature:
            dirty = self.dirty
            try:
                read_review(self.path)
            except DamagedFile:
                return self._review
            except ReviewNotFoundError:
                return self._review
            self._merge_from_disk(locked=False)
            self._signature = signature
            self.dirty = dirty
        return self._review

    def _adopt_existing(self) -> list[LostValue]:
        """Before a new review's first write (under the store lock): if another process created
        a review of the same text meanwhile, become that review, merging ours into it. Returns
        our values that lost to that review's (it was saved, and reported, first)."""
        store = self._store
        store.index.load()
        entry = store.find(self._review.document.sha256, None, exact_only=True)
        if entry is None or entry.review_id == self._review.review_id or entry.damaged:
            return []
        path = store.review_path(entry.review_id)
        try:
            disk, signature = read_review(path)
        except (DamagedFile, StoreError):
            return []
        if disk.read_only:
            return []
        ours = self._review
        self._review = replace(ours, review_id=entry.review_id)
        self.path = path
        lost = self._merge_in(replace(disk, review_id=entry.review_id))
        self._review = replace(self._review, created=disk.created)
        self._signature = signature
        return lost

    def save(self) -> Review:
        """Write the review (merging other processes' changes first). Safe to call again after a
        failure; raises ``StoreWriteError`` with the file on disk left intact, and
        ``StoreConflictError`` after saving when one of our values lost to one saved first."""
        self._check_writable()
        lost: list[LostValue] = []
        try:
            self._store._prepare()
            if self._signature is None and not self.path.exists():
                with self._store.store_lock():
                    lost = self._adopt_existing()
                    lost += self._write_locked()
            else:
                lost = self._write_locked()
        except StoreReadOnlyError:
            raise
        except StoreWriteError as error:
            if error.cause is not None and error.path != self.path:
                # The store's lock could not be taken: said of the review being saved.
                error = write_error(self.path, error.cause)
            self.last_error = error
            raise error from None
        except StoreError as error:
            self.last_error = error
            raise
        except OSError as error:
            self.last_error = write_error(self.path, error)
            raise self.last_error from None
        self.dirty = False
        self.last_error = None
        self._store.index.put(IndexEntry.of(self._review, self._signature))
        self._purge_backup = False
        if lost:
            raise StoreConflictError(self.path, conflict_message(self.path, lost), tuple(lost))
        return self._review

    def _write_locked(self) -> list[LostValue]:
        lost: list[LostValue] = []
        with FileLock(self.path, self._store.lock_timeout):
            signature = FileSignature.of(self.path)
            if signature is not None and signature != self._signature:
                lost = self._merge_from_disk()
            data = self._renderer.render_chunks(self._review.header_dict(),
                                                self._review.claims)
            write_atomic(self.path, data)
            if self._purge_backup:
                # The backup is the version before: it still holds a detached source's text.
                refresh_backup(self.path)
            self._signature = FileSignature.of(self.path)
        return lost


def _new_sources(present: tuple[Source, ...], wanted: tuple[Source, ...]) -> list[Source]:
    """The sources of ``wanted`` that are not already there (same address, citation and
    title), each once."""
    keys = {source_key(s) for s in present}
    added = []
    for source in wanted:
        if source_key(source) not in keys:
            keys.add(source_key(source))
            added.append(source)
    return added


class ReviewStore:
    """All reviews under one root folder (see docs/store.md for the layout).

    ``reviewer`` is recorded in each claim's history (default: the login name); ``clock`` returns
    the current time as an ISO string (tests pass a fake); ``state_dir`` is where this user's
    state is kept (default: the platform's user state folder).

    ``notices`` collects one line for each thing the store did on its own that the user should
    hear about: a damaged file recovered from its backup, a sync program's conflict copy or a
    duplicate review merged, bad values repaired. The command line prints them on stderr and the
    window shows them; the caller empties the list once shown."""

    def __init__(
        self,
        root: str | os.PathLike[str] | None = None,
        *,
        reviewer: str | None = None,
        clock: Callable[[], str] = utc_now,
        lock_timeout: float = 10.0,
        state_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        self.root = resolve_store_dir(root)
        self.reviews_dir = self.root / REVIEWS_DIR
        self.reviewer = default_reviewer() if reviewer is None else reviewer
        self.now = clock
        self.lock_timeout = lock_timeout
        self.index = StoreIndex(self.root, self.reviews_dir, clock, lock_timeout)
        self.state = UserState(self.root, Path(state_dir) if state_dir else None)
        self.notices: list[str] = []
        self._prepared = False
        self._tried: set[tuple[str, int, int]] = set()
        self._lock_depth = threading.local()

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

    @contextlib.contextmanager
    def store_lock(self) -> Iterator[None]:
        """The store-wide lock (``STORE/reviews.lock``) under which reviews are created, merged
        and recovered. Take it before a review's own lock, never after. Re-entrant within one
        thread (a merge under the lock may create or recover a review), not across threads:
        the window opens a review in the background while the start page lists the store, and
        each must wait for the other as two processes do (each thread locks its own open
        file, and ``flock`` locks of two open files exclude each other)."""
        depth = getattr(self._lock_depth, "value", 0)
        if depth:
            self._lock_depth.value = depth + 1
            try:
                yield
            finally:
                self._lock_depth.value = depth
            return
        with FileLock(self.reviews_dir, max(self.lock_timeout, 30.0)):
            self._lock_depth.value = 1
            try:
                yield
            finally:
                self._lock_depth.value = 0

    def review_path(self, review_id: str) -> Path:
        return self.reviews_dir / (review_id + REVIEW_SUFFIX)

    # Listing and finding -------------------------------------------------------------------

    def entries(self) -> dict[str, IndexEntry]:
        """The index, after tidying what another program may have left: sync programs'
        conflict copies merged, damaged files with a usable backup recovered, duplicate
        reviews of one text merged. Damaged files without one stay listed as damaged."""
        entries = self.index.load()
        if self.index.copies or any(e.damaged for e in entries.values()) or _duplicated(
                entries):
            try:
                if self._tidy(entries):
                    entries = self.index.load()
            except (StoreError, OSError):
                pass  # a read-only store: listed as it is; opening says what is wrong
        return entries

    def overview(self) -> StoreOverview:
        """Everything the start page shows, from one look at the store (tidied first, see
        ``entries``)."""
        entries = self.entries()
        opened = self.state.opened()
        readable = [replace(e, last_opened=opened.get(e.review_id, e.updated))
                    for e in entries.values() if not e.damaged]
        by_id = sorted(entries.values(), key=lambda e: e.review_id)
        return StoreOverview(
            sorted(readable, key=lambda e: e.last_opened, reverse=True),
            [e for e in by_id if e.damaged and not e.newer], [e for e in by_id if e.newer])

    def list_reviews(self) -> list[IndexEntry]:
        """Every readable reviewed document for the start page, most recently opened by this
        user first (damaged files are in ``damaged_reviews()``)."""
        return self.overview().reviews

    def damaged_reviews(self) -> list[str]:
        """Ids of review files in the folder that cannot be read and have no usable backup.
        Each stays until the user recovers what can be read (``recover``) or starts anew
        (``set_aside``)."""
        return [entry.review_id for entry in self.overview().damaged]

    def newer_reviews(self) -> list[str]:
        """Ids of review files written by a newer version of the app that this one cannot
        read: not damaged, never recovered or set aside; update Claim Reader to open them."""
        return [entry.review_id for entry in self.overview().newer]

    def find(self, sha256: str, path: str | os.PathLike[str] | None = None, *,
             exact_only: bool = False,
             entries: dict[str, IndexEntry] | None = None) -> IndexEntry | None:
        """The review of a document: same content first (a moved or renamed file finds its
        review), preferring one at the same path; else the review last made at that path.
        ``entries``: the index as just loaded, to avoid loading it again."""
        if entries is None:
            entries = self.index.load() if exact_only else self.entries()
        entries = dict(entries)
        wanted = normalise_path(path)
        listed = list(entries.values())
        by_hash = [e for e in listed if e.sha256 == sha256]
        if by_hash:
            same_path = [e for e in by_hash if e.path == wanted]
            return max(same_path or by_hash, key=lambda e: (not e.damaged, e.updated))
        by_path = [e for e in listed if wanted is not None and e.path == wanted]
        return max(by_path, key=lambda e: (not e.damaged, e.updated)) if by_path else None

    def find_similar(self, claim_ids: set[str], text: str,
                     entries: dict[str, IndexEntry] | None = None) -> SimilarReview | None:
        """The review of an earlier version of ``text`` (whose analysis found ``claim_ids``),
        when neither hash nor path finds one: the review with the largest share of claims whose
        words are in ``text``, if that share is at least ``SIMILAR_SHARE``. Only reviews whose
        article is no longer at its recorded path count: an article still there is another
        article (a copy with an update, say), not this one moved."""
        candidates = []
        for entry in (self.entries() if entries is None else entries).values():
            estimate = sketch_share(entry.sketch, claim_ids)
            if estimate < CANDIDATE_SHARE:
                continue
            if entry.path and os.path.isfile(entry.path):
                continue  # its article is still where it was: this is another article
            candidates.append((estimate, entry))
        candidates.sort(key=lambda pair: pair[0], reverse=True)
        best: SimilarReview | None = None
        for estimate, entry in candidates[:MEASURED_CANDIDATES]:
            if entry.damaged:
                share = estimate  # its claims cannot all be read
            else:
                try:
                    review, _ = read_review(self.review_path(entry.review_id))
                except (DamagedFile, StoreError):
                    continue
                share = claims_share(review.claims, text)
            if share >= SIMILAR_SHARE and (best is None or share > best.share):
                best = SimilarReview(entry, share)
        return best

    # Opening -------------------------------------------------------------------------------

    def load(self, review_id: str, *, read_only: bool = False) -> OpenReview:
        """Open a stored review by id. A damaged file is recovered when it can be (bad values
        repaired, or its backup put back with what can still be read in it; ``notices`` says
        so); otherwise ``DamagedReviewError`` names it and it is left as it is. A file from a
        newer app opens read-only."""
        path = self.review_path(review_id)
        try:
            review, signature = read_review(path)
        except DamagedFile:
            problem = self._recover_or_fail(review_id, None)
            if problem is not None:
                raise problem from None
            review, signature = read_review(path)
        if review.review_id != review_id:
            # A file renamed by hand: it is the file's name that finds it, so it is that name
            # the review is saved under (never the old id, which may be another review's file).
            review = replace(review, review_id=review_id)
        reason = "Opened for viewing only." if read_only and not review.read_only else None
        return OpenReview(self, review, signature, reason)

    def _recover_or_fail(self, review_id: str,
                         document: Document | None) -> DamagedReviewError | None:
        """Recover a damaged review file that needs no choice (see
        ``_recover_automatically``); else the error that says why it could not be, backup
        included."""
        try:
            if self._recover_automatically(review_id):
                return None
            failure = None
        except StoreNewerError:
            raise  # not damaged: only this version cannot read it
        except StoreWriteError as error:
            failure = error.reason
        except StoreError as error:
            failure = error.message
        except OSError as error:
            failure = write_error(self.review_path(review_id), error).reason
        return self._damaged_error(review_id, document, failure)

    def _damaged_error(self, review_id: str, document: Document | None,
                       failure: str | None = None) -> DamagedReviewError:
        """What to tell the user about a damaged review file that was not recovered;
        ``failure`` says why its backup could not be put back, if it has a usable one."""
        path = self.review_path(review_id)
        try:
            raw = path.read_bytes()
        except OSError:
            raw = b""
        found = salvage(raw)
        try:
            parse_review(raw, path)
            reason = "it cannot be read"
        except DamagedFile as damaged:
            reason = damaged.reason
            if found.merge_sides:
                reason = ("it holds git's conflict markers, and not every version in it can be "
                          f"read whole: {reason}")
        except StoreError as error:
            reason = error.message
        name = (document.title if document is not None and document.title else None) or (
            found.document.title if found.document is not None else None)
        about = f"The review of “{name}”" if name else "The review"
        backup = usable_backup(path)
        if backup is not None:
            why = f" ({failure.rstrip('.')})" if failure else ""
            message = (f"{about} is in the damaged file {path} ({reason}). Its backup {backup} "
                       f"(saved {format_time_of(backup)}) can be read, but it could not be put "
                       f"back in its place{why}. Nothing was changed. Once that is fixed, the "
                       "backup is put back the next time the article is opened.")
        elif not found.claims:
            message = (f"{about} is in the damaged file {path} ({reason}), which has no "
                       "usable backup. Nothing was changed. No claim can be read in it any "
                       "more: start a new review; the damaged file is kept.")
        else:
            them = "it" if len(found.claims) == 1 else "them"
            message = (f"{about} is in the damaged file {path} ({reason}), which has no "
                       f"usable backup. Nothing was changed. {claim_count(len(found.claims))} "
                       f"({found.reviewed()} reviewed) can still be read in it: recover "
                       f"{them}, or start a new review; the damaged file is kept either way.")
        error = DamagedReviewError(path, message, review_id, reason, len(found.claims),
                                   found.reviewed())
        error.backup = backup
        return error

    def open_review(
        self,
        document: Document,
        *,
        analysis: Analysis | None = None,
        analyser: Analyser | None = None,
        read_only: bool = False,
        damaged: str = "ask",
        similar: str = "use",
        save: bool = True,
    ) -> OpenReview:
        """The review of ``document``: found by content hash or path, else by content
        similarity (an article moved *and* edited), or created.

        The analysis (``analysis`` if given, else ``analyser(document)``, else the app's) adds
        any claim not yet in the review. If the text changed since the review was saved, every
        claim is re-anchored onto the new text (``reanchor_report`` says how each fared, and a
        verdict whose words changed is flagged for re-checking). The result is saved at once
        unless ``read_only``; a failed save does not raise but leaves ``dirty`` True and
        ``last_error`` set, so the window can open and show a banner.

        ``save=False`` leaves the saving (a new review's first write, a re-anchored one's) to
        the first change, so that a command that fails before changing anything (a mistyped
        claim id) leaves no trace.

        ``similar``: "use" a review found by similarity (``notices`` says so), "offer" it
        (``handle.similar``; a new review is then not written until its first change) or
        "ignore" it. ``damaged``: what to do when the document's review file is damaged without
        a usable backup: "ask" raises ``DamagedReviewError`` (nothing changes), "recover" keeps
        what can be read, "new" moves the file aside and starts a new review.
        """
        now = self.now()
        if analysis is None:
            analysis = (analyser or analyse_document)(document)
        snapshot = snapshot_of(document)
        entries = self.entries()
        entry = self.find(document.sha256, snapshot.source_path, entries=entries)
        found_by = None if entry is None else (
            "hash" if entry.sha256 == document.sha256 else "path")
        offer: SimilarReview | None = None
        notices: list[str] = []
        if entry is None and similar != "ignore":
            offer = self.find_similar({c.id for c in analysis.claims}, document.text, entries)
            if offer is not None and similar == "use":
                entry, found_by = offer.entry, "similar"
                notices.append(f"Using an earlier review found by content: {offer.describe()}.")
                offer = None
        if entry is not None and entry.damaged:
            # A usable backup first, whatever was asked: --recover and --new are the choices
            # for a file without one. Done here, not only when the store was listed, since
            # listing gives up on the first thing it cannot tidy.
            problem = self._recover_or_fail(entry.review_id, document)
            if problem is None:
                pass
            elif problem.backup is not None:
                raise problem  # its backup is there: no choice to make, a fault to fix
            elif damaged == "recover":
                self.recover(entry.review_id, document)
            elif damaged == "new":
                if self.set_aside(entry.review_id) is not None:
                    entry, found_by = None, None
            else:
                raise problem
        if entry is None:
            claims = {c.id: claim_from_analysis(c, document.text, now) for c in analysis.claims}
            review = Review(uuid.uuid4().hex, snapshot, claims, now, now)
            handle = OpenReview(self, review, None, "Opened for viewing only." if read_only
                                else None)
            handle.similar = offer
        else:
            handle = self._opened_as(entry.review_id, document, analysis, read_only, now)
        handle.found_by = found_by
        handle.notices = [*self.notices, *notices]
        if not handle.read_only:
            self.state.mark_opened(handle.review.review_id, now)
            if handle.dirty and handle.similar is None and save:
                try:
                    self._prepare()
                    handle.save()
                except StoreError as error:
                    handle.last_error = error  # the review is still usable in memory
        return handle

    def _opened_as(self, review_id: str, document: Document, analysis: Analysis,
                   read_only: bool, now: str) -> OpenReview:
        """The stored review ``review_id`` carried over to ``document``'s text."""
        snapshot = snapshot_of(document)
        handle = self.load(review_id, read_only=read_only)
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
        if not snapshot.metadata:  # and its author and date
            snapshot = replace(snapshot, metadata=stored.document.metadata)
        changed = claims != stored.claims or snapshot != stored.document
        handle._review = replace(stored, document=snapshot, claims=claims)
        handle.dirty = changed
        return handle

    def open_review_as(self, review_id: str, document: Document, *,
                       analysis: Analysis | None = None) -> OpenReview:
        """Continue review ``review_id`` on ``document`` (the window's answer to a review found
        by similarity and offered): re-anchored onto its text and saved."""
        now = self.now()
        if analysis is None:
            analysis = analyse_document(document)
        handle = self._opened_as(review_id, document, analysis, False, now)
        handle.found_by = "similar"
        self.state.mark_opened(review_id, now)
        if handle.dirty:
            try:
                handle.save()
            except StoreError as error:
                handle.last_error = error
        return handle

    # Recovering ----------------------------------------------------------------------------

    def _recover_automatically(self, review_id: str) -> bool:
        """Recover a damaged review file when no choice is needed: bad values repaired, or the
        backup put back with the claims that can still be read in the damaged file merged in.
        Returns False when it has no usable backup (the user must choose)."""
        path = self.review_path(review_id)
        try:
            stat = os.stat(path)
        except OSError:
            return False
        key = (review_id, stat.st_size, stat.st_mtime_ns)
        if key in self._tried:
            return False
        self._prepare()
        with self.store_lock(), FileLock(path, self.lock_timeout):
            try:
                raw = path.read_bytes()
                parse_review(raw, path)
                return True  # repaired by someone else meanwhile
            except RepairableFile as repairable:
                self._repair(path, raw, repairable)
                return True
            except DamagedFile as damaged:
                found = salvage(raw, self.now())
                if found.sides_whole:  # a git merge conflict: both versions, merged
                    self._merge_git_sides(path, review_id, raw, found)
                    return True
                backup = usable_backup(path)
                if backup is None:
                    self._tried.add(key)
                    return False
                self._restore_with_salvage(path, review_id, raw, damaged.reason, backup, found)
                return True

    def _merge_git_sides(self, path: Path, review_id: str, raw: bytes, found: Salvage) -> None:
        """A file git left with conflict markers, whose every version reads whole: the
        versions merged claim by claim (see salvage) take its place. Nothing is lost, so no
        backup (older than both versions) and no choice are needed."""
        assert found.document is not None
        now = self.now()
        review = Review(review_id, found.document, dict(found.claims),
                        found.time("created") or now, found.time("updated") or now,
                        source_documents=found.source_documents,
                        removed_sources=found.removed_sources).settled()
        kept = self._replace_damaged(path, raw, review)
        conflicts = sum(1 for claim in review.claims.values()
                        if claim.history and claim.open_conflicts())
        shown = (f"{claim_count(conflicts)} both versions changed differently keep one value "
                 "and show the other as a conflict until someone picks one" if conflicts
                 else "no claim was changed differently by both")
        self.notices.append(
            f"The review file {path} held a git merge conflict: both versions were read whole "
            f"and merged claim by claim ({claim_count(len(review.claims))}, "
            f"{review.progress().reviewed} reviewed); {shown}. The file as it was is kept as "
            f"{kept}.")

    def _replace_damaged(self, path: Path, raw: bytes, review: Review) -> Path:
        """Write ``review`` over the damaged file ``path`` whose bytes were ``raw``, keeping
        them as ``NAME.corrupt-TIME`` first (returned). The write is atomic: if it fails, the
        damaged file is as it was, and the copy is removed again."""
        try:
            kept = self._keep_copy(path, raw)
            try:
                self._write_recovered(path, review)
            except OSError:
                with contextlib.suppress(OSError):
                    os.unlink(kept)
                raise
        except OSError as error:
            raise write_error(path, error, "recover", "Nothing was changed.") from None
        return kept

    def _keep_copy(self, path: Path, raw: bytes) -> Path:
        """Keep the damaged file's bytes as ``NAME.corrupt-TIME`` before it is replaced."""
        kept = path.with_name(f"{path.name}.corrupt-{file_stamp(self.now())}")
        write_atomic(kept, raw, keep_backup=False)
        return kept

    def _repair(self, path: Path, raw: bytes, repairable: RepairableFile) -> None:
        review = repairable.review
        claims, _ = reanchor(review.claims, review.document.text, review.document.text,
                             record_rewording=False)
        kept = self._replace_damaged(path, raw, replace(review, claims=claims))
        self.notices.append(_repaired_notice(path, repairable, kept))

    def _write_recovered(self, path: Path, review: Review) -> None:
        renderer = EntryRenderer("claims", ReviewClaim.to_dict)
        write_atomic(path, renderer.render_chunks(review.header_dict(), review.claims),
                     keep_backup=False)
        self.index.put(IndexEntry.of(review, FileSignature.of(path)))

    def _restore_with_salvage(self, path: Path, review_id: str, raw: bytes, reason: str,
                              backup: Path, found: Salvage) -> None:
        base = parse_review(backup.read_bytes(), backup)
        when = format_time_of(backup)
        claims, added, updated = self._merge_salvage(base, found)
        review = with_sources_of(replace(base, review_id=review_id, claims=claims),
                                 found.source_documents, found.removed_sources)
        kept = self._replace_damaged(path, raw, review)
        progress = base.progress()
        extra = ""
        if added or updated:
            extra = (f", plus {claim_count(added + updated)} newer than the backup read from "
                     "the damaged file")
        self.notices.append(
            f"The review file {path} was damaged ({reason}) and has been recovered from its "
            f"backup of {when} ({claim_count(len(base.claims))}, {progress.reviewed} reviewed"
            f"{extra}); changes saved after {when} may be missing. The damaged file is kept as "
            f"{kept}.")

    def _merge_salvage(self, base: Review, found: Salvage) -> tuple[dict[str, ReviewClaim],
                                                                     int, int]:
        document = found.document or base.document
        claims, _ = reanchor(found.claims, document.text, base.document.text,
                             record_rewording=False)
        merged, report = merge_claims(base.claims, claims, self.now())
        return merged, len(report.added), len(report.updated) + len(report.conflicts)

    def recover(self, review_id: str, document: Document | None = None) -> OpenReview:
        """Keep what can be read of a damaged review file that has no usable backup: every
        claim that reads whole, placed in the text the file still holds, else in
        ``document``'s. The damaged file is kept as ``NAME.corrupt-TIME``."""
        path = self.review_path(review_id)
        self._prepare()
        with self.store_lock(), FileLock(path, self.lock_timeout):
            try:
                raw = path.read_bytes()
            except OSError as error:
                raise StoreError(path, f"{path} cannot be read ({error.strerror or error}). "
                                 f"{_NOTHING_RESTORED}") from None
            try:
                parse_review(raw, path)
            except DamagedFile:
                pass
            else:
                return self.load(review_id)
            found = salvage(raw, self.now())
            snapshot = found.document
            if snapshot is None and document is None:
                document = self._article_of(review_id)
            if snapshot is None:
                if document is None:
                    raise StoreError(path, f"The text of the article is lost from {path}: "
                                     "open the article itself to recover its review. "
                                     f"{_NOTHING_RESTORED}")
                snapshot = snapshot_of(document)
            claims, _ = reanchor(found.claims, snapshot.text, snapshot.text,
                                 record_rewording=False)
            before = self.index.load().get(review_id)
            now = self.now()
            review = Review(review_id, snapshot, claims, found.time("created") or now,
                            found.time("updated") or now,
                            source_documents=found.source_documents,
                            removed_sources=found.removed_sources).settled()
            kept = self._replace_damaged(path, raw, review)
        had, missing = "", "the claims in the damaged part are missing"
        if before is not None:
            count = before.progress.total + before.progress.dismissed + before.progress.orphaned
            had = f" of the {count} it had"
            if len(claims) >= count:
                missing = "changes saved in the damaged part may be missing"
        self.notices.append(
            f"Recovered what could be read of the damaged review file {path}: "
            f"{claim_count(len(claims))}{had} ({review.progress().reviewed} reviewed); "
            f"{missing}. The damaged file is kept as {kept}.")
        return self.load(review_id)

    def _article_of(self, review_id: str) -> Document | None:
        """The article a damaged review was made on, read again from where the index last saw
        it, when its text is lost from the review file."""
        entry = self.index.load().get(review_id)
        if entry is None or not entry.path or not os.path.isfile(entry.path):
            return None
        from reader.document.errors import DocumentError
        from reader.document.loading import load_document

        try:
            return load_document(Path(entry.path))
        except (DocumentError, OSError):
            return None

    def set_aside(self, review_id: str) -> Path | None:
        """Start anew: move a damaged review file out of the way (kept as
        ``NAME.corrupt-TIME``, returned), so the document gets a new review. The file is read
        again under its lock first: one recovered meanwhile (by another window or command) is
        no longer damaged and stays where it is (None), and one from a newer version of the
        app is refused (``StoreNewerError``): it is not damaged, only not yet understood."""
        path = self.review_path(review_id)
        self._prepare()
        with self.store_lock(), FileLock(path, self.lock_timeout):
            try:
                raw = path.read_bytes()
            except FileNotFoundError:
                return None  # gone meanwhile: nothing to set aside
            except OSError as error:
                raise StoreError(path, f"{path} cannot be read ({error.strerror or error}). "
                                 "Nothing was changed.") from None
            try:
                parse_review(raw, path)
            except DamagedFile as damaged:
                reason = damaged.reason
            except StoreNewerError as error:
                raise StoreNewerError(path, f"{error.message} It is not damaged, so it was not "
                                      "set aside.") from None
            else:
                self.notices.append(f"The review file {path} can be read again (it was "
                                    "recovered meanwhile), so it was kept, not set aside.")
                return None
            moved_to = path.with_name(f"{path.name}.corrupt-{file_stamp(self.now())}")
            try:
                os.replace(path, moved_to)
            except OSError as error:
                raise write_error(path, error, "set aside", "Nothing was changed.") from None
        self.index.remove(review_id)
        self.notices.append(f"The damaged review file {path} ({reason}) was moved to "
                            f"{moved_to} and kept; a new review was started.")
        return moved_to

    # Merging ---------------------------------------------------------------------------------

    def _tidy(self, entries: dict[str, IndexEntry]) -> bool:
        """Merge conflict copies and duplicates, recover what needs no choice. True if any
        review file changed."""
        changed = False
        # Each on its own: one file that cannot be tidied (a review from a newer version, a
        # folder that cannot be written) must not keep the others as they are.
        for review_id, name in list(self.index.copies):
            try:
                changed |= self._merge_copy(review_id, name)
            except (StoreError, OSError) as error:
                self._tell_once((name, 0, 0), f"The sync program's conflict copy "
                                f"{self.reviews_dir / name} could not be merged into its review "
                                f"({_reason(error)}); it was left where it is.")
        for review_id, entry in entries.items():
            if entry.damaged and not entry.newer and self.review_path(review_id).exists():
                with contextlib.suppress(StoreError, OSError):
                    changed |= self._recover_automatically(review_id)
        if changed:
            entries = self.index.load()
        for group in _duplicated(entries):
            with contextlib.suppress(StoreError, OSError):
                changed |= self._merge_duplicates(group)
        return changed

    def _tell_once(self, key: tuple[str, int, int], notice: str) -> None:
        if key not in self._tried:
            self._tried.add(key)
            self.notices.append(notice)

    def _merge_into(self, review_id: str, incoming: Review,
                    winner: Winner = "later") -> MergeReport:
        """Merge ``incoming`` into the stored review ``review_id`` and save it (caller holds the
        store lock)."""
        handle = self.load(review_id)
        handle._check_writable()
        ours = handle.review
        theirs = incoming.claims
        if ours.document.sha256 != incoming.document.sha256:
            theirs, _ = reanchor(theirs, incoming.document.text, ours.document.text,
                                 record_rewording=False)
        claims, report = merge_claims(ours.claims, theirs, self.now(), winner)
        merged = with_sources_of(replace(ours, claims=claims), incoming.source_documents,
                                 incoming.removed_sources)
        if report.updated:  # evidence of a removed source is no change
            report = replace(report, updated=tuple(
                key for key in report.updated if merged.claims[key] != ours.claims[key]))
        if report.changed or (merged.source_documents, merged.removed_sources) != (
                ours.source_documents, ours.removed_sources):
            handle._review = replace(merged, updated=max(ours.updated, incoming.updated),
                                     created=min(ours.created, incoming.created))
            handle.dirty = True
            handle.save()
        return report

    def _move_to_merged(self, path: Path) -> Path:
        folder = self.reviews_dir / MERGED_DIR
        ensure_private_dir(folder)
        target = folder / path.name
        if target.exists():
            target = folder / f"{path.stem}.{file_stamp(self.now())}{path.suffix}"
        os.replace(path, target)
        return target

    def _merge_copy(self, review_id: str, name: str) -> bool:
        """Merge a sync program's conflict copy into its review, then move it to merged/."""
        copy = self.reviews_dir / name
        self._prepare()
        with self.store_lock():
            if not copy.exists():
                return False
            try:
                incoming = parse_review(copy.read_bytes(), copy)
            except RepairableFile as repairable:
                incoming = repairable.review
            except (DamagedFile, OSError, StoreError):
                self._tell_once((name, 0, 0), f"{copy} looks like a sync program's copy of a "
                                "review but cannot be read; it was left where it is.")
                return False
            if incoming.read_only:
                return False
            path = self.review_path(review_id)
            if path.exists():
                try:
                    report = self._merge_into(review_id, incoming)
                except DamagedReviewError:
                    return False
                what = (f"{claim_count(len(report.added))} added, {len(report.updated)} "
                        f"updated, {len(report.conflicts)} in conflict")
            else:
                self._write_recovered(path, replace(incoming, review_id=review_id))
                what = "it had no other copy"
            moved = self._move_to_merged(copy)
        self.notices.append(f"Merged the sync program's conflict copy {name} into {path} "
                            f"({what}); the copy is kept as {moved}.")
        return True

    def _merge_duplicates(self, group: list[IndexEntry]) -> bool:
        """Two reviews of one text (a copy restored by hand, two stores synced together): the
        oldest review keeps them all; the other files move to merged/."""
        self._prepare()
        with self.store_lock():
            readable: list[tuple[Review, bool]] = []
            for entry in group:
                try:
                    review = read_review(self.review_path(entry.review_id))[0]
                except (DamagedFile, StoreError):
                    continue
                # A review is its file's name (as in load()): a copy restored by hand under
                # another name still holds the id of the file it was copied from.
                readable.append((replace(review, review_id=entry.review_id),
                                 review.review_id == entry.review_id))
            if len(readable) < 2 or any(review.read_only for review, _ in readable):
                return False
            # The oldest review keeps them all; of copies of one review, the file still under
            # the review's own name.
            readable.sort(key=lambda pair: (pair[0].created, not pair[1], pair[0].review_id))
            keeper, others = readable[0][0], [review for review, _ in readable[1:]]
            for other in others:
                path = self.review_path(other.review_id)
                # Under the other file's lock, read again: a save into it since the first read
                # is merged too, never moved to merged/ unseen.
                with FileLock(path, self.lock_timeout):
                    try:
                        other = replace(read_review(path)[0], review_id=other.review_id)
                    except (DamagedFile, StoreError):
                        continue
                    self._merge_into(keeper.review_id, other)
                    moved = self._move_to_merged(path)
                self.index.remove(other.review_id)
                self.notices.append(
                    f"Two reviews of “{keeper.document.title or keeper.document.source_path}” "
                    f"were merged into {self.review_path(keeper.review_id)}; the other file is "
                    f"kept as {moved}.")
        return True

    # Importing -----------------------------------------------------------------------------

    def import_review(
        self, path: str | os.PathLike[str], *, document: Document | None = None
    ) -> tuple[OpenReview, MergeReport]:
        """Merge a colleague's review file into the local review of the same document (found by
        hash or path; ``document`` names the local copy when it differs), creating it if there is
        none. Claims are united; per claim the later change wins and claims both sides changed
        come back as conflicts, with both values kept in the history and shown until someone
        picks one."""
        source = Path(path)
        incoming = read_named_review(source, "import")
        if incoming.read_only:
            raise StoreReadOnlyError(source, f"Cannot import {source}: "
                                     + (incoming.read_only_reason or ""))
        now = self.now()
        target = snapshot_of(document) if document is not None else incoming.document
        self._prepare()
        with self.store_lock():
            entry = self.find(target.sha256, target.source_path)
            if entry is not None and entry.damaged:
                problem = self._recover_or_fail(entry.review_id, document)
                if problem is not None:
                    raise problem
            if entry is None:
                theirs = incoming.claims
                if target.sha256 != incoming.document.sha256:
                    theirs, _ = reanchor(theirs, incoming.document.text, target.text,
                                         now=now)
                review_id = incoming.review_id
                if self.review_path(review_id).exists():
                    review_id = uuid.uuid4().hex
                review = Review(review_id, target, dict(theirs), now, now,
                                source_documents=dict(incoming.source_documents),
                                removed_sources=dict(incoming.removed_sources))
                handle = OpenReview(self, review, None)
                handle.save()
                return handle, MergeReport(added=tuple(theirs))
            report = self._merge_into(entry.review_id, replace(incoming, document=(
                incoming.document)))
            return self.load(entry.review_id), report


def _repaired_notice(path: Path, repairable: RepairableFile, kept: Path) -> str:
    shown = "; ".join(repairable.problems[:3]) + (
        f"; and {len(repairable.problems) - 3} more" if len(repairable.problems) > 3 else "")
    return (f"{path} held values this version cannot read, so only those were repaired "
            f"({shown}); every other claim is as it was. The file as it was is kept as {kept}.")


def _reason(error: StoreError | OSError) -> str:
    if isinstance(error, StoreError):
        return error.message
    return error.strerror or str(error)


def _duplicated(entries: dict[str, IndexEntry]) -> list[list[IndexEntry]]:
    """Groups of readable reviews that share one text."""
    by_hash: dict[str, list[IndexEntry]] = {}
    for entry in entries.values():
        if entry.sha256 and not entry.damaged:
            by_hash.setdefault(entry.sha256, []).append(entry)
    return [group for group in by_hash.values() if len(group) > 1]
