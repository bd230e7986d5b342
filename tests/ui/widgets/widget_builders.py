"""Texts and helpers shared by the widget tests (fixtures are in conftest.py)."""

from __future__ import annotations

from datetime import datetime, timedelta

from reader.analysis.model import Analysis, Claim
from reader.store.model import format_time


class StepClock:
    """A clock that moves one minute per reading, so each review opened later is newer."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> str:
        self.moment += timedelta(minutes=1)
        return format_time(self.moment)


def claims_for(text: str, phrases: list[str]) -> Analysis:
    """An analysis whose claims are the first occurrence of each phrase in ``text``."""
    claims = []
    for number, phrase in enumerate(phrases):
        start = text.index(phrase)
        kind = "figure" if any(ch.isdigit() for ch in phrase) else "quote"
        claims.append(Claim(id=f"c{number}", kind=kind, start=start, end=start + len(phrase),
                            text=phrase))
    return Analysis(claims=tuple(claims))


BRIDGE_TEXT = (
    "The river bridge will cost 40 million euros, the mayor said on Monday.\n\n"
    "\"We will open it in 2027,\" said Mayor Ana Ruiz. Work starts in spring.\n\n"
    "About 12,000 cars cross the old bridge every day, according to the council."
)
BRIDGE_CLAIMS = ["40 million euros", "We will open it in 2027", "12,000 cars"]
