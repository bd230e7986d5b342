"""One document under review, as the window sees it.

The session joins what the window needs and the core already has: the document, the analysis
(for quote and figure highlights) and the open review (for claims and decisions). Every user
action goes through here so that it is saved by the store, recorded for undo, and reported to
listeners in one place.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import TypeVar

from reader.analysis.model import Analysis, Figure, Quote
from reader.document.model import Document
from reader.session.claim_filter import ClaimFilter
from reader.session.undo import Edit, UndoStack
from reader.store.errors import StoreConflictError, StoreError, StoreWriteError
from reader.store.model import (
    STATUSES,
    Evidence,
    Progress,
    RemovedSource,
    Review,
    ReviewClaim,
    Source,
    SourceDocument,
)
from reader.store.store import OpenReview

Listener = Callable[[str | None], None]
"""Called with the id of the claim that changed, or None when many may have."""


class ReviewSession:
    def __init__(self, document: Document, analysis: Analysis, handle: OpenReview) -> None:
        self.document = document
        self.analysis = analysis
        self.handle = handle
        self.undo_stack = UndoStack()
        self._listeners: list[Listener] = []
        self._ordered: list[ReviewClaim] | None = None
        self._order: dict[str, int] = {}
        self._placed_starts: list[int] = []
        self._placed: list[ReviewClaim] = []
        self._visible: tuple[ClaimFilter, list[ReviewClaim], dict[str, int]] | None = None
        self._figure_starts = [f.start for f in analysis.figures]
        self._quote_starts = [q.start for q in analysis.quotes]

    # Reading -------------------------------------------------------------------------------

    @property
    def review(self) -> Review:
        return self.handle.review

    @property
    def read_only(self) -> bool:
        return self.handle.read_only

    @property
    def title(self) -> str:
        return self.document.title or self.review.document.title

    def claims(self) -> list[ReviewClaim]:
        """All claims in reading order, orphans last."""
        if self._ordered is None:
            self._ordered = self.review.ordered_claims()
            self._order = {c.id: i for i, c in enumerate(self._ordered)}
            self._placed = [c for c in self._ordered if not c.orphaned]
            self._placed_starts = [c.anchor.start for c in self._placed]
        return self._ordered

    def claim(self, claim_id: str) -> ReviewClaim:
        return self.handle.claim(claim_id)

    def progress(self) -> Progress:
        return self.handle.progress()

    def figures_in(self, claim: ReviewClaim) -> list[Figure]:
        """The figures inside a claim's words, with their normalised values."""
        return _within(self.analysis.figures, self._figure_starts, claim)

    def quotes_in(self, claim: ReviewClaim) -> list[Quote]:
        return _within(self.analysis.quotes, self._quote_starts, claim)

    def claims_at(self, offset: int) -> list[ReviewClaim]:
        """Placed claims whose words contain ``offset``, the narrowest first."""
        self.claims()
        hi = bisect_right(self._placed_starts, offset)
        found = [c for c in self._placed[:hi] if c.anchor.start <= offset < c.anchor.end]
        return sorted(found, key=lambda c: (c.dismissed, c.anchor.end - c.anchor.start))

    def claim_at(self, offset: int) -> ReviewClaim | None:
        found = self.claims_at(offset)
        return found[0] if found else None

    def visible(self, claim_filter: ClaimFilter) -> list[ReviewClaim]:
        return list(self._visible_for(claim_filter)[0])

    def _visible_for(self, claim_filter: ClaimFilter) -> tuple[list[ReviewClaim], dict[str, int]]:
        """The claims a filter shows and their rows, kept until the next change: stepping
        through thousands of claims must not filter them all again at every key press."""
        if self._visible is None or self._visible[0] != claim_filter:
            shown = [c for c in self.claims() if claim_filter.matches(c)]
            self._visible = (claim_filter, shown, {c.id: i for i, c in enumerate(shown)})
        return self._visible[1], self._visible[2]

    def orphans(self) -> list[ReviewClaim]:
        return [c for c in self.claims() if c.orphaned]

    # Navigation ----------------------------------------------------------------------------

    def step(self, current: str | None, step: int, claim_filter: ClaimFilter) -> str | None:
        """The next (step=1) or previous (step=-1) visible claim; the first or last one when
        nothing is selected; None when there is none. Stops at the ends rather than wrapping,
        so holding J never jumps back to the top unnoticed."""
        visible, rows = self._visible_for(claim_filter)
        if not visible:
            return None
        if current not in rows:
            if current is not None and current in self.review.claims:
                # The current claim is filtered out: continue from its place in the text.
                start = self.claim(current).anchor.start
                after = [c for c in visible if c.anchor.start > start]
                before = [c for c in visible if c.anchor.start < start]
                pick = (after[0] if after else None) if step > 0 else (
                    before[-1] if before else None)
                return pick.id if pick else None
            return visible[0].id if step > 0 else visible[-1].id
        index = rows[current] + step
        return visible[index].id if 0 <= index < len(visible) else None

    def next_unreviewed(self, current: str | None) -> str | None:
        """The next unreviewed claim after ``current`` in reading order, wrapping round once."""
        candidates = [c for c in self.claims()
                      if c.status == "unreviewed" and not c.dismissed and not c.orphaned]
        if not candidates:
            return None
        if current is None or current not in self.review.claims:
            return candidates[0].id
        here = self.claim(current)
        key = (here.anchor.start, here.anchor.end, here.id)
        for claim in candidates:
            if (claim.anchor.start, claim.anchor.end, claim.id) > key:
                return claim.id
        return candidates[0].id

    # Listening -----------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _changed(self, claim_id: str | None) -> None:
        self._refresh_order(claim_id)
        self._refresh_visible(claim_id)
        for listener in list(self._listeners):
            listener(claim_id)

    def _refresh_visible(self, claim_id: str | None) -> None:
        """Keep the filtered list when the edit does not change which claims it shows."""
        if self._visible is None:
            return
        claim_filter, shown, rows = self._visible
        new = self.review.claims.get(claim_id) if claim_id is not None else None
        if new is None or self._ordered is None:
            self._visible = None
        elif claim_id in rows and claim_filter.matches(new):
            shown[rows[claim_id]] = new
        elif claim_id in rows or claim_filter.matches(new):
            self._visible = None

    def _refresh_order(self, claim_id: str | None) -> None:
        """After an edit that kept the claim's place, swap it in; otherwise sort again."""
        if self._ordered is not None and claim_id is not None and claim_id in self._order:
            old = self._ordered[self._order[claim_id]]
            new = self.review.claims.get(claim_id)
            if (new is not None and len(self._ordered) == len(self.review.claims)
                    and (new.anchor.start, new.anchor.end, new.orphaned)
                    == (old.anchor.start, old.anchor.end, old.orphaned)):
                self._ordered[self._order[claim_id]] = new
                if not new.orphaned:
                    index = bisect_left(self._placed_starts, new.anchor.start)
                    while self._placed[index].id != claim_id:
                        index += 1
                    self._placed[index] = new
                return
        self._ordered = None

    # Changing (each saved at once by the store, and undoable) ------------------------------

    def _value(self, claim: ReviewClaim, field: str) -> object:
        if field == "decision":
            return (claim.status, claim.note, claim.sources, None)
        return getattr(claim, field)

    def _apply(self, claim_id: str, field: str, value: object) -> ReviewClaim:
        handle = self.handle
        if field == "status":
            return handle.set_status(claim_id, value)  # type: ignore[arg-type]
        if field == "note":
            return handle.set_note(claim_id, value)  # type: ignore[arg-type]
        if field == "sources":
            return handle.set_sources(claim_id, value)  # type: ignore[arg-type]
        if field == "dismissed":
            return handle.dismiss(claim_id) if value else handle.restore(claim_id)
        if field == "decision":
            status, note, sources, origin = value  # type: ignore[misc]
            return handle.set_decision(claim_id, status, note, sources, reused_from=origin)
        raise ValueError(field)

    def _edit(self, claim_id: str, field: str, value: object) -> ReviewClaim:
        before = self._value(self.claim(claim_id), field)
        if before == value:
            return self.claim(claim_id)
        try:
            claim = self._apply(claim_id, field, value)
        except StoreWriteError:
            # Not on disk, but kept in memory by the store: the edit happened and can be undone.
            self.undo_stack.push(Edit(claim_id, field, before, value))  # type: ignore[arg-type]
            self._changed(claim_id)
            raise
        except StoreConflictError:
            # Saved, but another program's value was kept and ours is an open conflict on the
            # claim: nothing to undo; the list and the claim show the conflict.
            self._changed(None)
            raise
        self.undo_stack.push(Edit(claim_id, field, before, value))  # type: ignore[arg-type]
        self._changed(claim_id)
        return claim

    def set_status(self, claim_id: str, status: str) -> ReviewClaim:
        if status not in STATUSES:
            raise ValueError(f"{status!r} is not a status; use one of {', '.join(STATUSES)}")
        self.undo_stack.close_merge()
        return self._edit(claim_id, "status", status)

    def set_note(self, claim_id: str, note: str) -> ReviewClaim:
        """Consecutive calls for one claim (typing) are one undo step until ``end_note_edit``."""
        return self._edit(claim_id, "note", note)

    def end_note_edit(self) -> None:
        self.undo_stack.close_merge()

    def add_source(self, claim_id: str, **fields: str) -> ReviewClaim:
        self.undo_stack.close_merge()
        before = self.claim(claim_id).sources
        try:
            claim = self.handle.add_source(claim_id, **fields)
        except StoreConflictError:
            self._changed(None)
            raise
        except StoreWriteError:
            self.undo_stack.push(Edit(claim_id, "sources", before,
                                      self.claim(claim_id).sources))
            self._changed(claim_id)
            raise
        self.undo_stack.push(Edit(claim_id, "sources", before, claim.sources))
        self._changed(claim_id)
        return claim

    def update_source(self, claim_id: str, source: Source) -> ReviewClaim:
        self.undo_stack.close_merge()
        sources = tuple(source if s.id == source.id else s for s in self.claim(claim_id).sources)
        return self._edit(claim_id, "sources", sources)

    def remove_source(self, claim_id: str, source_id: str) -> ReviewClaim:
        self.undo_stack.close_merge()
        sources = tuple(s for s in self.claim(claim_id).sources if s.id != source_id)
        return self._edit(claim_id, "sources", sources)

    def dismiss(self, claim_id: str) -> ReviewClaim:
        self.undo_stack.close_merge()
        return self._edit(claim_id, "dismissed", True)

    def restore(self, claim_id: str) -> ReviewClaim:
        self.undo_stack.close_merge()
        return self._edit(claim_id, "dismissed", False)

    def add_manual_claim(self, start: int, end: int) -> ReviewClaim:
        """The user's selection as a claim. Leading and trailing spaces are left out so the
        claim's words are exactly what it says."""
        text = self.document.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        self.undo_stack.close_merge()
        try:
            claim = self.handle.add_manual_claim(start, end)
        except StoreWriteError:
            self._changed(None)
            raise
        self._changed(claim.id)
        return claim

    def apply_verdict(self, claim_id: str, status: str, note: str,
                      sources: tuple[Source, ...], origin: str) -> ReviewClaim:
        """Give the claim the verdict of a claim seen before in another review (``origin``,
        "REVIEW_ID/CLAIM_ID", is recorded in its history): status, note and sources in one
        save and one undo step."""
        self.undo_stack.close_merge()
        claim = self.claim(claim_id)
        if (claim.status, claim.note, claim.sources) == (status, note, tuple(sources)):
            return claim
        return self._edit(claim_id, "decision", (status, note, tuple(sources), origin))

    def confirm(self, claim_id: str) -> ReviewClaim:
        """The verdict still holds for the claim's new words ("needs re-check" goes)."""
        self.undo_stack.close_merge()
        claim = self.handle.confirm(claim_id)
        self._changed(claim_id)
        return claim

    def resolve(self, claim_id: str, field: str, value: object) -> ReviewClaim:
        """Pick a value for a claim's conflicting field (undoable when it changes the value)."""
        self.undo_stack.close_merge()
        before = self._value(self.claim(claim_id), field)
        try:
            claim = self.handle.resolve(claim_id, field, value)
        finally:
            self._changed(claim_id)
        if before != self._value(claim, field):
            self.undo_stack.push(Edit(claim_id, field, before, value))  # type: ignore[arg-type]
        return claim

    def record_evidence(self, documents: tuple[SourceDocument, ...],
                        evidence: dict[str, tuple[Evidence, ...]]) -> Review:
        """Keep source documents and the passages found in them (``OpenReview.record_evidence``).
        Derived data, not a decision: nothing to undo."""
        self.undo_stack.close_merge()
        try:
            return self.handle.record_evidence(documents, evidence)
        finally:
            self._changed(None)

    def detach_source(self, source_id: str) -> RemovedSource:
        """Remove a source document and the passages found in it (``OpenReview.detach_source``).
        Not undoable: its text is gone on purpose; attaching the file again brings it back."""
        self.undo_stack.close_merge()
        try:
            return self.handle.detach_source(source_id)
        finally:
            self._changed(None)

    # Undo ----------------------------------------------------------------------------------

    def _replay(self, edit: Edit, value: object) -> str:
        try:
            self._apply(edit.claim_id, edit.field, value)
        except StoreConflictError:
            self._changed(None)
            raise
        finally:
            self._changed(edit.claim_id)
        return edit.claim_id

    def undo(self) -> str | None:
        """Undo the last edit; returns the claim it touched."""
        return self._travel(self.undo_stack.take_undo, self.undo_stack.give_back_undo, True)

    def redo(self) -> str | None:
        return self._travel(self.undo_stack.take_redo, self.undo_stack.give_back_redo, False)

    def _travel(self, take, give_back, backwards: bool) -> str | None:
        edit = take()
        if edit is None:
            return None
        try:
            return self._replay(edit, edit.before if backwards else edit.after)
        except StoreWriteError:
            raise  # applied in memory; the window shows the save error
        except StoreError:
            give_back(edit)  # not applied (read-only, claim gone): it stays on its stack
            raise

    def retry_save(self) -> Review:
        return self.handle.save()

    def refresh(self) -> None:
        """Bring in what another process saved (the window calls it on regaining focus)."""
        before = self.review
        after = self.handle.refresh()
        if after is not before:
            self._changed(None)


SpanT = TypeVar("SpanT", Figure, Quote)


def _within(items: Sequence[SpanT], starts: list[int], claim: ReviewClaim) -> list[SpanT]:
    """The spans (sorted by start, with ``starts`` their starts) that lie inside a placed
    claim's words."""
    if claim.orphaned:
        return []
    lo = bisect_left(starts, claim.anchor.start)
    hi = bisect_left(starts, claim.anchor.end)
    return [item for item in items[lo:hi] if item.end <= claim.anchor.end]
