"""What the analysis finds, as plain data. Offsets index ``Document.text`` (code points)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

QuoteKind = Literal["full", "partial", "term"]
FigureKind = Literal["count", "money", "percent", "year", "period", "date", "duration", "age",
                     "change", "range", "other"]
ClaimKind = Literal["quote", "figure", "attribution"]
# Minor currency units a figure may be written in: unit -> (per main unit, main unit).
MINOR_UNITS = {"cent": (100, "USD"), "penny": (100, "GBP")}


@dataclass(frozen=True, slots=True)
class Mention:
    """A person named in the text: ``name`` is the full name as first mentioned; start/end is the
    span of the mention that gave the attribution (which may be a surname or a pronoun)."""

    name: str
    start: int
    end: int
    role: str | None = None
    """For an organisation that spoke through someone: "spokesperson" in "a spokesperson for
    the Home Office said" (the organisation is ``name``)."""

    @property
    def label(self) -> str:
        """The speaker as people read it: "Home Office (spokesperson)"."""
        return f"{self.name} ({self.role})" if self.role else self.name


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quote; start/end cover its content without the quotation marks."""

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: Mention | None = None
    cue: str | None = None  # the reporting verb or phrase that gave the speaker ("said")
    nested: tuple[tuple[int, int], ...] = ()
    """Content spans of quotes inside this one (a title quoted within a quote). They are kept here
    rather than as separate ``Quote`` objects so that quotes never overlap."""
    parts: tuple[tuple[int, int], ...] = ()
    """For a quote running over several paragraphs, the content span in each paragraph (without
    the re-opening mark each new paragraph starts with); empty for a one-paragraph quote."""


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure as the text writes it; ``reader.analysis.figures`` says how each kind reads."""

    start: int
    end: int
    text: str
    kind: FigureKind
    value: float | None
    """The number as written, its scale word applied ("$13.6M" is 13,600,000; "19 cents" is
    19). A range's value is the midpoint of ``low`` and ``high``, derived, never shown alone; a
    range of years, a vague plural ("dozens"), a period ("2021-22") and a tally ("70-29") have
    none. A change ("doubled") has its factor."""
    unit: str | None = None  # ISO currency code, "%", "days", "years", "km", or the counted noun
    approximate: bool = False
    low: float | None = None  # a range's or a period's ends, as written
    high: float | None = None
    date: str | None = None
    """For a date, ISO form: "2024-03-05", or "--03-05" when the text gives no year."""

    @property
    def normalised(self) -> tuple[float, str] | None:
        """The amount in the main unit where the text uses a minor one: "19 cents" -> (0.19,
        "USD"). Derived from value and unit, so it costs no memory per figure."""
        minor = MINOR_UNITS.get(self.unit) if self.unit else None
        if minor is None or self.value is None:
            return None
        return self.value / minor[0], minor[1]


@dataclass(frozen=True, slots=True)
class Claim:
    """A checkable statement. ``id`` depends only on the claim's own words (and their order among
    identical ones), so the same text yields the same ids and edits elsewhere do not change them.
    ``quotes`` and ``figures`` index ``Analysis.quotes`` / ``Analysis.figures``."""

    id: str
    kind: ClaimKind
    start: int
    end: int
    text: str
    speaker: Mention | None = None
    cue: str | None = None
    quotes: tuple[int, ...] = ()
    figures: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Analysis:
    sentences: tuple[Sentence, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    claims: tuple[Claim, ...] = ()
