"""Undo and redo of the reviewer's edits: status, note, sources, dismissal.

An edit records the claim's value before and after, so undo is "apply before" and redo is
"apply after", both through the store like any other change (and so saved at once).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

EditField = Literal["status", "note", "sources", "dismissed", "decision"]

_LABELS = {"status": "status change", "note": "note edit", "sources": "source change",
           "dismissed": "dismissal", "decision": "earlier verdict"}


@dataclass(frozen=True, slots=True)
class Edit:
    """One edit. A "decision" (an earlier verdict applied) sets status, note and sources
    at once: its values are (status, note, sources, where it came from or None)."""

    claim_id: str
    field: EditField
    before: Any
    after: Any

    @property
    def label(self) -> str:
        return _LABELS[self.field]


class UndoStack:
    """A linear history; a new edit after an undo drops the edits that were undone.

    Consecutive note edits of one claim merge into one step, so undo brings back the note as it
    was before the user started typing, not one keystroke at a time."""

    def __init__(self, limit: int = 500) -> None:
        self._done: list[Edit] = []
        self._undone: list[Edit] = []
        self._limit = limit
        self._merge_open = False

    def push(self, edit: Edit) -> None:
        top = self._done[-1] if self._done else None
        if (self._merge_open and top is not None and edit.field == "note" == top.field
                and top.claim_id == edit.claim_id):
            self._done[-1] = Edit(edit.claim_id, "note", top.before, edit.after)
        else:
            self._done.append(edit)
            del self._done[: -self._limit]
        self._merge_open = edit.field == "note"
        self._undone.clear()

    def close_merge(self) -> None:
        """Ends a run of note edits: the next one starts a new undo step."""
        self._merge_open = False

    def take_undo(self) -> Edit | None:
        self._merge_open = False
        if not self._done:
            return None
        edit = self._done.pop()
        self._undone.append(edit)
        return edit

    def take_redo(self) -> Edit | None:
        self._merge_open = False
        if not self._undone:
            return None
        edit = self._undone.pop()
        self._done.append(edit)
        return edit

    def give_back_undo(self, edit: Edit) -> None:
        """An undo that could not be applied returns to the stack."""
        self._undone.remove(edit)
        self._done.append(edit)

    def give_back_redo(self, edit: Edit) -> None:
        self._done.remove(edit)
        self._undone.append(edit)

    @property
    def undo_label(self) -> str | None:
        return self._done[-1].label if self._done else None

    @property
    def redo_label(self) -> str | None:
        return self._undone[-1].label if self._undone else None

    def clear(self) -> None:
        self._done.clear()
        self._undone.clear()
        self._merge_open = False
