"""Building the plain text of a marked-up document (Markdown, HTML) with its blocks and spans.

Both markup loaders walk a tree or token stream and tell this builder where blocks begin and what
words they render; the builder owns the layout rules so the two formats agree on them:
whitespace inside a block collapses to one space, blocks are separated by a blank line (list
items that follow each other by a single newline), and no block or span holds the separators.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.document.model import Block, BlockKind, InlineSpan, SpanKind


@dataclass(slots=True)
class _OpenSpan:
    kind: SpanKind
    target: str | None
    start: int | None  # None until the span's first character is written


class TextBuilder:
    """Accumulates rendered text; call ``finish()`` for the text, blocks and spans."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self._blocks: list[Block] = []
        self._spans: list[InlineSpan] = []
        self._open_spans: list[_OpenSpan] = []
        self._kind: BlockKind = "paragraph"
        self._level = 0
        self._block_start: int | None = None  # None while the current block has no text yet
        self._pending_space = False
        self._list_ended = False  # the next list item starts a new list

    @property
    def length(self) -> int:
        return self._length

    def break_block(self, kind: BlockKind = "paragraph", level: int = 0) -> None:
        """End the current block (if it has text); text written next belongs to a new one."""
        self._end_block()
        self._kind = kind
        self._level = level

    def end_list(self) -> None:
        """The outermost list closed: a list item that follows belongs to another list."""
        self._list_ended = True

    def write(self, text: str) -> None:
        """Add rendered words to the current block, collapsing whitespace."""
        if not text:
            return
        if text[0].isspace():
            self._pending_space = True
        words = " ".join(text.split())
        if words:
            self._emit(words)
            if text[-1].isspace():
                self._pending_space = True

    def write_closing(self, text: str) -> None:
        """Add a closing mark (a quotation mark) against the word before it, with no space."""
        self._pending_space = False
        self.write(text)

    def space(self) -> None:
        """A word break (a line break, a cell boundary) that renders as one space."""
        self._pending_space = True

    def open_span(self, kind: SpanKind, target: str | None = None) -> None:
        self._open_spans.append(_OpenSpan(kind, target, None))

    def close_span(self, kind: SpanKind) -> None:
        """Close the innermost open span of this kind; an empty span is dropped."""
        for index in range(len(self._open_spans) - 1, -1, -1):
            span = self._open_spans[index]
            if span.kind == kind:
                del self._open_spans[index]
                self._record_span(span)
                return

    def finish(self) -> tuple[str, tuple[Block, ...], tuple[InlineSpan, ...]]:
        self._end_block()
        self._open_spans.clear()
        spans = sorted(self._spans, key=lambda span: (span.start, -span.end))
        return "".join(self._parts), tuple(self._blocks), tuple(spans)

    def _emit(self, piece: str) -> None:
        if self._block_start is None:
            if self._length:
                previous = self._blocks[-1].kind if self._blocks else None
                same_list = previous == self._kind == "list_item" and not self._list_ended
                self._append("\n" if same_list else "\n\n")
            self._list_ended = False
            self._block_start = self._length
            self._pending_space = False
        elif self._pending_space:
            self._append(" ")
            self._pending_space = False
        for span in self._open_spans:
            if span.start is None:
                span.start = self._length
        self._append(piece)

    def _append(self, piece: str) -> None:
        self._parts.append(piece)
        self._length += len(piece)

    def _record_span(self, span: _OpenSpan) -> None:
        if span.kind == "link" and span.target is None:
            return  # a link whose target was refused (javascript:) keeps its words, not a link
        if span.start is not None and self._length > span.start:
            self._spans.append(InlineSpan(span.kind, span.start, self._length, span.target))

    def _end_block(self) -> None:
        if self._block_start is None:
            self._pending_space = False
            return
        # A span that crosses blocks is cut at the block's end and resumes in the next block.
        for span in self._open_spans:
            self._record_span(span)
            span.start = None
        self._blocks.append(Block(self._kind, self._block_start, self._length, self._level))
        self._block_start = None
        self._pending_space = False
