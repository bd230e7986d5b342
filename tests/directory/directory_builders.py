"""Stores with attributed claims for the directory's tests, written by the real store so the
files are what the app writes. Every article and quote here is made up for these tests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import count
from pathlib import Path

from reader.analysis.model import Analysis, Claim, Mention
from reader.directory import SpeakerDirectory
from reader.document.model import Document
from reader.store import ReviewStore

_numbers = count(1)


class Clock:
    """One millisecond per call, so timestamps are distinct and in order."""

    def __init__(self, day: str = "2026-02-01") -> None:
        self.day = day
        self.ticks = 0

    def __call__(self) -> str:
        self.ticks += 1
        seconds, millis = divmod(self.ticks, 1000)
        return f"{self.day}T09:{seconds // 60:02d}:{seconds % 60:02d}.{millis:03d}000Z"


def new_store(root: Path, day: str = "2026-02-01", reviewer: str = "ann") -> ReviewStore:
    return ReviewStore(root, reviewer=reviewer, clock=Clock(day), state_dir=root.parent / "state")


Quote = tuple[str, str] | tuple[str, str, str]
"""(speaker label, words) or (speaker label, words, status). A label ending in "(role)" is
spoken through that role: "Harbour Office (spokesperson)"."""


def add_review(store: ReviewStore, title: str, quotes: Sequence[Quote], *,
               dismiss: Sequence[int] = (), published: str | None = None) -> str:
    """A review of a made-up article holding ``quotes``, each a claim with its speaker; the
    statuses given are set as a reviewer would. ``published``: the article's date as a saved
    page or front matter gives it (``document.metadata``). Returns the review id."""
    lines = [title, ""]
    claims = []
    offset = len(title) + 2
    for number, quote in enumerate(quotes):
        label, words = quote[0], quote[1]
        sentence = f"“{words}” {label} said."
        start = offset + 1
        name, role = label, None
        if label.endswith(")") and " (" in label:
            name, role = label[:-1].split(" (", 1)
        claims.append(Claim(id=f"q-{number:03d}-{next(_numbers):05d}", kind="quote",
                            start=start, end=start + len(words), text=words,
                            speaker=Mention(name, 0, 1, role), cue="said"))
        lines.append(sentence)
        offset += len(sentence) + 1
    text = "\n".join(lines) + "\n"
    for claim in claims:
        assert text[claim.start:claim.end] == claim.text
    document = Document.from_plain_text(text, title=title)
    if published is not None:
        document = replace(document, metadata={"published": published, "site": "Harbour Post"})
    handle = store.open_review(document, analysis=Analysis(claims=tuple(claims)))
    for claim, quote in zip(claims, quotes, strict=True):
        if len(quote) == 3 and quote[2] != "unreviewed":
            handle.set_status(claim.id, quote[2])
    for number in dismiss:
        handle.dismiss(claims[number].id)
    handle.save()
    return handle.review.review_id


def names(directory: SpeakerDirectory, include_unnamed: bool = False) -> list[tuple[str, ...]]:
    """Each speaker as the tuple of its names, the shown one first."""
    return [speaker.variants for speaker in directory.named(include_unnamed)]
