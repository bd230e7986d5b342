"""Documents as one plain-text model that every offset in the app indexes."""

from reader.document.errors import DocumentError
from reader.document.loading import MAX_FILE_BYTES, document_from_string, load_document
from reader.document.model import Block, BlockKind, Document, DocumentFormat, InlineSpan, SpanKind

__all__ = [
    "MAX_FILE_BYTES",
    "Block",
    "BlockKind",
    "Document",
    "DocumentError",
    "DocumentFormat",
    "InlineSpan",
    "SpanKind",
    "document_from_string",
    "load_document",
]
