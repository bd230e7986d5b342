"""The line shown under an article's title: who wrote it, where and when it was published."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def readable_date(value: str) -> str:
    """An ISO 8601 date as people write it ("2 March 2026, 07:15 UTC"), in the same words
    whatever the system's locale; the text itself when it is not a date."""
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return value
    text = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    if len(value) <= 10:
        return text
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return text
    if moment.hour or moment.minute:
        text += f", {moment:%H:%M}"
        offset = moment.utcoffset()
        if offset is not None:
            minutes = int(offset.total_seconds() // 60)
            sign = "+" if minutes >= 0 else "-"
            hours, rest = divmod(abs(minutes), 60)
            text += " UTC" if not minutes else f" {sign}{hours:02}:{rest:02}"
    return text


def metadata_line(metadata: Mapping[str, str]) -> str:
    """"By Mara Quill · Island Courier · 2 March 2026", from what is known; "" when nothing."""
    parts = []
    if metadata.get("author"):
        parts.append(f"By {metadata['author']}")
    if metadata.get("site"):
        parts.append(metadata["site"])
    if metadata.get("published"):
        parts.append(readable_date(metadata["published"]))
    return " · ".join(parts)
