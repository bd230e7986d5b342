"""The claims as a Qt item model: one row per claim the current filter shows.

Filtering and ordering are the core's (``ReviewSession.visible``): the model only mirrors the
result, so every rule a user sees here is tested without Qt.
"""

from __future__ import annotations

from enum import IntEnum
from html import escape
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from reader.session import ClaimFilter, ReviewSession
from reader.store.model import ReviewClaim
from reader.ui.highlights import STATUS_LABELS

KIND_SYMBOLS = {"quote": "❝", "figure": "#", "attribution": "≡", "statement": "✎"}
FLAG_WORDS = {"Conflict": "in conflict (two values saved; pick one)",
              "Re-check": "needs re-check (its words changed since the verdict)"}
FLAG_SYMBOLS = {"Conflict": "⚠", "Re-check": "↻"}
KIND_NAMES = {"quote": "Quote", "figure": "Figure", "attribution": "Attribution",
              "statement": "Your claim"}

Index = QModelIndex | QPersistentModelIndex


class ClaimRole(IntEnum):
    Id = Qt.ItemDataRole.UserRole + 1
    Kind = Qt.ItemDataRole.UserRole + 2
    Status = Qt.ItemDataRole.UserRole + 3
    Speaker = Qt.ItemDataRole.UserRole + 4
    Dismissed = Qt.ItemDataRole.UserRole + 5
    Orphaned = Qt.ItemDataRole.UserRole + 6
    Claim = Qt.ItemDataRole.UserRole + 7
    Flags = Qt.ItemDataRole.UserRole + 8
    """Words for what needs the user's attention: "Conflict", "Re-check" (shown as badges)."""


def claim_flags(claim: ReviewClaim) -> tuple[str, ...]:
    """What a claim needs besides its status: a conflict to resolve, a verdict to re-check."""
    flags = []
    if claim.open_conflicts():
        flags.append("Conflict")
    if claim.recheck() is not None:
        flags.append("Re-check")
    return tuple(flags)


def status_text(claim: ReviewClaim) -> str:
    return "Dismissed" if claim.dismissed else STATUS_LABELS[claim.status]


TOOLTIP_CHARS = 2000
"""Longer claims (a whole paragraph marked by hand) are cut in the tooltip, not in the store."""


def one_line(text: str) -> str:
    return " ".join(text.split())


class ClaimsModel(QAbstractListModel):
    """``orphans=True`` makes the model of the orphaned group instead of the main list."""

    def __init__(self, orphans: bool = False, parent=None) -> None:
        super().__init__(parent)
        self._orphans = orphans
        self._session: ReviewSession | None = None
        self._filter = ClaimFilter()
        self._claims: list[ReviewClaim] = []
        self._rows: dict[str, int] = {}

    # Content -------------------------------------------------------------------------------

    def set_session(self, session: ReviewSession | None) -> None:
        self._session = session
        self.reload()

    def set_filter(self, claim_filter: ClaimFilter) -> None:
        self._filter = claim_filter
        self.reload()

    @property
    def claim_filter(self) -> ClaimFilter:
        return self._filter

    def _wanted(self) -> list[ReviewClaim]:
        if self._session is None:
            return []
        if self._orphans:
            return self._session.orphans()
        return self._session.visible(self._filter)

    def reload(self) -> None:
        self.beginResetModel()
        self._claims = self._wanted()
        self._rows = {c.id: i for i, c in enumerate(self._claims)}
        self.endResetModel()

    def claim_changed(self, claim_id: str | None) -> None:
        """Update after an edit: the row in place when it still belongs, else the whole list
        (a claim tagged while the list shows only unreviewed ones leaves it)."""
        if self._session is None:
            return
        row = self._rows.get(claim_id) if claim_id is not None else None
        if row is not None:
            claim = self._session.claim(claim_id)
            if (claim.orphaned if self._orphans else self._filter.matches(claim)):
                self._claims[row] = claim
                index = self.index(row)
                self.dataChanged.emit(index, index)
                return
        if claim_id is None or row is not None or self._belongs(claim_id):
            self.reload()

    def _belongs(self, claim_id: str) -> bool:
        assert self._session is not None
        claim = self._session.review.claims.get(claim_id)
        if claim is None:
            return False
        return claim.orphaned if self._orphans else self._filter.matches(claim)

    def row_of(self, claim_id: str | None) -> int | None:
        return self._rows.get(claim_id) if claim_id is not None else None

    def claim_at(self, row: int) -> ReviewClaim | None:
        return self._claims[row] if 0 <= row < len(self._claims) else None

    def ids(self) -> list[str]:
        return [c.id for c in self._claims]

    # Qt ------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._claims)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._claims):
            return None
        claim = self._claims[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return one_line(claim.text)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            speaker = f" — {claim.speaker}" if claim.speaker else ""
            flags = "".join(f", {FLAG_WORDS[flag]}" for flag in claim_flags(claim))
            head = (f"{KIND_NAMES.get(claim.kind, claim.kind)}, {status_text(claim)}{flags}"
                    f"{speaker}")
            words = one_line(claim.text)
            if len(words) > TOOLTIP_CHARS:
                words = words[:TOOLTIP_CHARS] + "…"
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return f"{head}: {words}"
            # The whole claim (the row shows two lines of it), as rich text so Qt wraps it.
            return f"<p><b>{escape(head)}</b></p><p>{escape(words)}</p>"
        if role == ClaimRole.Id:
            return claim.id
        if role == ClaimRole.Kind:
            return claim.kind
        if role == ClaimRole.Status:
            return claim.status
        if role == ClaimRole.Speaker:
            return claim.speaker or ""
        if role == ClaimRole.Dismissed:
            return claim.dismissed
        if role == ClaimRole.Orphaned:
            return claim.orphaned
        if role == ClaimRole.Claim:
            return claim
        if role == ClaimRole.Flags:
            return claim_flags(claim) if claim.history else ()
        return None

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        names.update({ClaimRole.Id: b"claimId", ClaimRole.Kind: b"kind",
                      ClaimRole.Status: b"status", ClaimRole.Speaker: b"speaker"})
        return names
