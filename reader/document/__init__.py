"""Documents as one plain-text model that every offset in the app indexes."""

from typing import Any

from reader.document.errors import DocumentError
from reader.document.model import Block, BlockKind, Document, DocumentFormat, InlineSpan, SpanKind

_LOADING = ("MAX_FILE_BYTES", "document_from_string", "load_document")


def __getattr__(name: str) -> Any:
    """The loaders are imported on first use: the analysis imports ``reader.document.model``,
    and a text file's ``extract`` must not pay for the HTML and Markdown readers."""
    if name in _LOADING:
        from reader.document import loading

        return getattr(loading, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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
