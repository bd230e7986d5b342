"""The document model: the plain text the reader sees, with its blocks and inline spans.

Every offset is a Python ``str`` index (code point) into ``Document.text``. The text may hold
characters that no block covers (blank lines, list bullets of a plain-text file): that keeps the
offsets of a ``.txt`` file equal to offsets in the file itself, and the UI renders only blocks.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["heading", "paragraph", "list_item", "block_quote"]
SpanKind = Literal["emphasis", "strong", "link", "code"]
DocumentFormat = Literal["text", "markdown", "html", "pdf", "docx"]


@dataclass(frozen=True, slots=True)
class Block:
    """A run of text rendered as one paragraph-like unit; ``text[start:end]`` is its content."""

    kind: BlockKind
    start: int
    end: int
    level: int = 0
    """Heading level (1-6) for headings; nesting depth (1 = top) for list items; 0 otherwise."""


@dataclass(frozen=True, slots=True)
class InlineSpan:
    """Inline formatting inside a block; ``target`` is a link's address, never fetched."""

    kind: SpanKind
    start: int
    end: int
    target: str | None = None


def text_sha256(text: str) -> str:
    """The document's identity: a review finds its document again by this even after a rename."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# Keys of Document.metadata the loaders fill. A plain mapping rather than fields so that new
# kinds of metadata (title, author, published, site) need no change to the model's users.
METADATA_URL = "url"
METADATA_TITLE = "title"
METADATA_AUTHOR = "author"
METADATA_PUBLISHED = "published"
METADATA_SITE = "site"
METADATA_KEYS = (METADATA_URL, METADATA_TITLE, METADATA_AUTHOR, METADATA_PUBLISHED, METADATA_SITE)


@dataclass(frozen=True, slots=True)
class Document:
    text: str
    blocks: tuple[Block, ...]
    title: str
    format: DocumentFormat
    spans: tuple[InlineSpan, ...] = ()
    source_path: str | None = None
    sha256: str = field(default="")
    metadata: dict[str, str] = field(default_factory=dict, hash=False)
    """What the file says about itself, by key; a key is absent when the file does not say
    (``reader.document.metadata`` reads them). ``"url"``: the article's address on the web,
    from a saved page's canonical link or ``og:url`` (always an absolute http or https URL);
    ``"title"``: its headline; ``"author"``: its byline, names separated by ", ";
    ``"published"``: its publication date, ISO 8601; ``"site"``: the site or publisher."""
    pages: tuple[int, ...] = field(default=(), hash=False)
    """For a PDF, the page (1-based) each block starts on, one per block; empty otherwise."""

    def page_at(self, offset: int) -> int | None:
        """The page of the block holding (or next after) ``offset``; None without pages."""
        if not self.pages or not self.blocks:
            return None
        from bisect import bisect_right

        index = max(bisect_right([block.start for block in self.blocks], offset) - 1, 0)
        return self.pages[min(index, len(self.pages) - 1)]

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", text_sha256(self.text))

    def block_text(self, block: Block) -> str:
        return self.text[block.start : block.end]

    @classmethod
    def from_plain_text(
        cls,
        text: str,
        title: str = "",
        source_path: str | None = None,
    ) -> Document:
        """A document whose paragraphs are the text's blank-line separated runs.

        Used for text that has no markup of its own (pasted text, tests); the text loader adds
        list and heading detection on top.
        """
        blocks: list[Block] = []
        pos = 0
        for chunk in text.split("\n\n"):
            stripped = chunk.strip()
            if stripped:
                start = pos + chunk.index(stripped)
                blocks.append(Block("paragraph", start, start + len(stripped)))
            pos += len(chunk) + 2
        return cls(text=text, blocks=tuple(blocks), title=title, format="text",
                   source_path=source_path)
