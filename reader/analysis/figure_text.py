"""How a figure's reading is written for people: one wording for ``extract --format text``, the
window's detail pane and its tooltips, so they never disagree.

"€1.2 billion" reads "1,200,000,000 EUR"; a range its written ends, "10,000–30,000 troops" (its
midpoint is data, never shown alone); a period "2021–2022 (one period)"; "19 cents" reads "19
cent (0.19 USD)". Years are never grouped: "2007", "2019–2024", never "2,007".
"""

from __future__ import annotations

from reader.analysis.model import Figure

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_YEAR_KINDS = frozenset({"year", "period", "date"})


def format_number(value: float, grouped: bool = True) -> str:
    """"1,250,000", "2.75", "0.3333"; ``grouped=False`` for years ("2007")."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}" if grouped else str(int(value))
    if abs(value) < 1e-4 or abs(value) >= 1e15:
        return f"{value:.4g}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def readable_date(iso: str) -> str:
    """ISO dates as the analysis gives them; '--03-05' (no year in the text) is spelled out."""
    if iso.startswith("--") and len(iso) == 7 and iso[2:4].isdigit() and iso[5:].isdigit():
        month, day = int(iso[2:4]), int(iso[5:])
        if 1 <= month <= 12:
            return f"{day} {_MONTHS[month - 1]}, year not given"
    return iso


def figure_value_text(figure: Figure) -> str:
    """The figure's reading: value (or ends), unit, and what is approximate or derived."""
    if figure.date:
        value = readable_date(figure.date)
    elif figure.low is not None and figure.high is not None and (
            figure.kind in ("range", "period") or figure.value is None):
        years = figure.kind == "period" or (figure.value is None and _is_year(figure.low)
                                            and _is_year(figure.high))
        value = (f"{format_number(figure.low, grouped=not years)}–"
                 f"{format_number(figure.high, grouped=not years)}")
        if figure.kind == "period":
            value += " (one period)"
    elif figure.value is not None:
        value = format_number(figure.value, grouped=figure.kind not in _YEAR_KINDS)
        if figure.kind == "change":
            value = f"×{value}"
    elif figure.approximate:
        value = "many, no exact number"
    else:
        value = "?"
    unit = f" {figure.unit}" if figure.unit and figure.kind != "change" else ""
    if figure.kind == "age":
        unit = " years old"
    normalised = ""
    if figure.normalised is not None:
        normalised = f" ({format_number(figure.normalised[0])} {figure.normalised[1]})"
    approximate = " (approximate)" if figure.approximate and figure.value is not None else ""
    return f"{value}{unit}{normalised}{approximate}"


def _is_year(value: float) -> bool:
    return value == int(value) and 1000 <= value <= 2100
