"""The one error type for documents the app cannot open."""

from pathlib import Path


class DocumentError(Exception):
    """A file that cannot be read as an article: missing, unreadable, binary, empty, too big.

    The message is shown to the user as it is, so it names the file and says what to do.
    """

    def __init__(self, path: Path | str | None, message: str) -> None:
        self.path = Path(path) if path is not None else None
        self.message = message
        super().__init__(message)
