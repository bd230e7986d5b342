"""The structural promises every Document makes, checked the same way by every test."""

from __future__ import annotations

from reader.document import Document
from reader.document.model import text_sha256


def assert_well_formed(document: Document) -> None:
    """Offsets in bounds, blocks ordered and disjoint, spans inside the text, sha256 right."""
    length = len(document.text)
    previous_end = 0
    for block in document.blocks:
        assert 0 <= block.start <= block.end <= length, block
        assert block.start >= previous_end, (block, previous_end)
        previous_end = block.end
    for span in document.spans:
        assert 0 <= span.start <= span.end <= length, span
    assert document.sha256 == text_sha256(document.text)
    assert document.format in ("text", "markdown", "html", "pdf", "docx")
    if document.pages:
        assert len(document.pages) == len(document.blocks)
        assert list(document.pages) == sorted(document.pages)


def block_texts(document: Document) -> list[tuple[str, int, str]]:
    return [(block.kind, block.level, document.block_text(block)) for block in document.blocks]
