"""Which claims a list shows: by status, by kind and by words."""

from __future__ import annotations

from dataclasses import dataclass

from reader.store.model import ReviewClaim


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Empty ``statuses`` or ``kinds`` mean "any". ``text`` matches the claim's words, speaker
    and note, ignoring case. Dismissed claims are hidden unless ``show_dismissed``; orphaned
    claims are never in the main list (they have a group of their own). ``needs_recheck`` keeps
    the claims whose words changed since their verdict; ``in_conflict`` those with a conflict
    nobody has resolved."""

    statuses: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()
    text: str = ""
    show_dismissed: bool = False
    needs_recheck: bool = False
    in_conflict: bool = False

    @property
    def active(self) -> bool:
        return bool(self.statuses or self.kinds or self.text.strip() or self.show_dismissed
                    or self.needs_recheck or self.in_conflict)

    def matches(self, claim: ReviewClaim) -> bool:
        if claim.orphaned:
            return False
        if claim.dismissed and not self.show_dismissed:
            return False
        if self.statuses and claim.status not in self.statuses:
            return False
        if self.needs_recheck and claim.recheck() is None:
            return False
        if self.in_conflict and not claim.open_conflicts():
            return False
        if self.kinds and claim.kind not in self.kinds:
            return False
        needle = self.text.strip().casefold()
        if needle:
            haystack = " ".join((claim.text, claim.speaker or "", claim.note)).casefold()
            return all(word in haystack for word in needle.split())
        return True
