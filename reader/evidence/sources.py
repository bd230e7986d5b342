"""Source documents: the originals an article quotes, read through the one document loader
(``reader.document.loading.load_document``), so every format it opens (and the PDF and Word
files it will) can be a source, and kept in the review as the text that was matched.

A source that cannot serve gets one line that names the file and says what to do: one that
cannot be read, one with no words, and the article itself given as its own source.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from reader.document.errors import DocumentError
from reader.document.loading import load_document
from reader.document.model import METADATA_URL, Document
from reader.evidence.matching import is_same_text
from reader.evidence.source_index import Progress, SourceIndex
from reader.store.model import SourceDocument, source_document_id

MAX_SOURCE_CHARS = 5_000_000
"""The longest source kept in a review (about 1,700 pages of transcript): the review file holds
its text and is written again on every change (a status saved with a 1.5 MB source attached:
15 ms; with 5 MB about 50 ms)."""


class SourceProblem(Exception):
    """A file that cannot serve as a source; ``message`` says which and why, in one line."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(message)
        self.path = Path(path)
        self.message = message


@dataclass(frozen=True, slots=True)
class LoadedSource:
    """A source ready to match: its snapshot for the review and its index."""

    document: SourceDocument
    index: SourceIndex


def snapshot_of_source(document: Document, added: str) -> SourceDocument:
    path = os.path.abspath(document.source_path) if document.source_path else None
    return SourceDocument(source_document_id(document.sha256), document.text, document.title,
                          document.sha256, document.format, path, added,
                          document.metadata.get(METADATA_URL, ""),
                          {key: value for key, value in document.metadata.items()
                           if key != METADATA_URL})


def _is_blank_file(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            head = stream.read(1 << 16)
    except OSError:
        return False
    return not head.strip() and len(head) < (1 << 16)


def read_source(path: Path | str) -> Document:
    """The source's document, or ``SourceProblem`` saying why it cannot be one."""
    path = Path(path)
    try:
        document = load_document(path)
    except DocumentError as error:
        if path.is_file() and _is_blank_file(path):
            raise SourceProblem(path, f"Cannot use {path} as a source: the file is empty. "
                                "Choose the file that holds the original (the transcript, the "
                                "report).") from None
        raise SourceProblem(path, error.message.replace(
            "Choose the file that holds the article.",
            "Choose the file that holds the original the article quotes.")) from None
    if len(document.text) > MAX_SOURCE_CHARS:
        raise SourceProblem(path, f"Cannot use {path} as a source: its text is "
                            f"{len(document.text) / 1e6:.1f} million characters, more than the "
                            f"{MAX_SOURCE_CHARS // 1_000_000} million a review keeps. Save the "
                            "part the article quotes in a file of its own and use that.")
    return document


def prepare_source(document: Document, article: Document | None, added: str,
                   progress: Progress | None = None) -> LoadedSource:
    """The source indexed, after checking it has words and is not the article itself."""
    where = document.source_path or document.title or "the source"
    index = SourceIndex(document.text, progress)
    if not len(index):
        raise SourceProblem(where, f"Cannot use {where} as a source: it has no words to find "
                            "the quotes in. Choose the file that holds the original's text.")
    if article is not None and (document.sha256 == article.sha256
                                or is_same_text(article.text, index)):
        raise SourceProblem(where, f"Cannot use {where} as a source: it holds the same text as "
                            "the article. Choose the original the article quotes (a transcript, "
                            "a report, a press release), not the article itself.")
    return LoadedSource(snapshot_of_source(document, added), index)


def load_source(path: Path | str, article: Document | None, added: str,
                progress: Progress | None = None) -> LoadedSource:
    """Read, check and index one source file (``SourceProblem`` when it cannot serve)."""
    return prepare_source(read_source(path), article, added, progress)
