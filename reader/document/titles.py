"""The title a document is listed and saved under."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.document.model import Block

MAX_TITLE_CHARS = 200
# A first line longer than this is the start of the text, not its title.
MAX_FIRST_LINE_TITLE_CHARS = 100
_SPACES = re.compile(r"\s+")


def choose_title(
    text: str,
    blocks: Sequence[Block],
    *,
    declared: Sequence[str] = (),
    fallback: str = "",
) -> str:
    """The first title the document itself declares (og:title, h1, <title> of a page), else a
    heading that opens it, else a short first line, else ``fallback`` (the file stem).

    A heading that comes after body text is a section ("What You Need To Know"), not the
    title: a story that opens with its dateline paragraph is better listed by its file name."""
    for candidate in declared:
        title = _clean(candidate)
        if title:
            return title
    for block in blocks:
        if block.kind != "heading":
            break
        title = _clean(text[block.start : block.end])
        if title:
            return title
    for line in text.split("\n", 20)[:20]:
        stripped = line.strip()
        if stripped:
            if len(stripped) <= MAX_FIRST_LINE_TITLE_CHARS:
                return _clean(stripped)
            break
    return _clean(fallback)


def _clean(title: str) -> str:
    title = _SPACES.sub(" ", title).strip()
    if len(title) > MAX_TITLE_CHARS:
        title = title[: MAX_TITLE_CHARS - 1].rstrip() + "…"
    return title
