"""Documents as one plain-text model that every offset in the app indexes."""

from reader.document.errors import DocumentError
from reader.document.model import Block, BlockKind, Document, DocumentFormat, InlineSpan, SpanKind

__all__ = [
    "Block",
    "BlockKind",
    "Document",
    "DocumentError",
    "DocumentFormat",
    "InlineSpan",
    "SpanKind",
]
