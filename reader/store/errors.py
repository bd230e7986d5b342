"""What can go wrong with the review store, as exceptions whose message the user can act on.

Every message names the file and says what happened and what to do, so the window can show it in a
banner as it is and the command line can print it. Catch ``StoreError`` to handle them all.
"""

from __future__ import annotations

import errno as errno_module
from pathlib import Path


class StoreError(Exception):
    """Base class. ``path`` is the file or folder concerned; ``message`` is shown as it is."""

    def __init__(self, path: Path | str | None, message: str) -> None:
        self.path = Path(path) if path is not None else None
        self.message = message
        super().__init__(message)


class StoreWriteError(StoreError):
    """A save failed (disk full, permission denied, read-only folder...).

    The file on disk is the previous, intact version; the change is still held in memory and the
    save can be retried with ``OpenReview.save()``.
    """

    def __init__(self, path: Path | str | None, message: str, errno: int | None = None,
                 reason: str = "", cause: OSError | None = None) -> None:
        super().__init__(path, message)
        self.errno = errno
        self.reason = reason or message
        """What went wrong, as a phrase for a longer message ("the disk is full")."""
        self.cause = cause
        """The system's error, to say it again about another file."""


def write_error(path: Path, error: OSError, what: str = "save",
                after: str | None = None) -> StoreWriteError:
    """A failure to write ``path`` as a message that says what happened and what to do;
    ``what`` is the verb the user knows it by ("save", "recover"), ``after`` what is left
    (default: the file on disk is unchanged, or nothing was saved when there was none)."""
    code = error.errno
    if code == errno_module.ENOSPC or code == getattr(errno_module, "EDQUOT", -1):
        reason, todo = "the disk is full", "Free some space, then"
    elif code in (errno_module.EACCES, errno_module.EPERM, errno_module.EROFS):
        reason = f"the store folder {path.parent} is read-only or not yours"
        todo = "Fix its permissions or choose another store with --store, then"
    else:
        reason = str(error.strerror or error)
        todo = "Choose another store with --store, or"
    if after is None:
        try:
            exists = path.exists()
        except OSError:
            exists = True
        after = "The file on disk is unchanged." if exists else "Nothing was saved."
    return StoreWriteError(path, f"Could not {what} {path}: {reason}. {todo} try again. "
                           f"{after}", errno=code, reason=reason, cause=error)


class StoreCorruptError(StoreError):
    """A review file was not JSON or did not match the schema. It has been moved aside, never
    overwritten; ``moved_to`` is where it now is and ``backup`` the previous version, if usable."""

    def __init__(
        self,
        path: Path | str,
        message: str,
        moved_to: Path | None = None,
        backup: Path | None = None,
        review_id: str | None = None,
    ) -> None:
        super().__init__(path, message)
        self.moved_to = moved_to
        self.backup = backup
        self.review_id = review_id


class DamagedReviewError(StoreCorruptError):
    """The document's review file is damaged and has no usable backup. It is left where it is,
    untouched, and every attempt to open the document says so until the user chooses: recover
    what can be read (``open_review(..., damaged="recover")``) or start a new review
    (``damaged="new"``; the damaged file is then kept beside it). ``readable`` and ``reviewed``
    count the claims that can still be read."""

    def __init__(self, path: Path | str, message: str, review_id: str, reason: str,
                 readable: int, reviewed: int) -> None:
        super().__init__(path, message, review_id=review_id)
        self.reason = reason
        self.readable = readable
        self.reviewed = reviewed


class StoreConflictError(StoreError):
    """A change was saved, but for some claims another process had saved a different value
    first, and that value was kept: ours is recorded as an open conflict on the claim (shown
    until someone picks a value). ``conflicts`` lists them (``reader.store.merge.Conflict``)."""

    def __init__(self, path: Path | str | None, message: str, conflicts: tuple = ()) -> None:
        super().__init__(path, message)
        self.conflicts = conflicts


class StoreNewerError(StoreError):
    """A file written by a newer version of the app that this version cannot read at all."""


class StoreReadOnlyError(StoreError):
    """A change was asked of a review opened read-only (written by a newer app version, or opened
    for viewing only)."""


class StoreLockedError(StoreError):
    """Another program held the review's lock for too long."""


class ClaimNotFoundError(StoreError):
    """No claim with that id in the review."""


class SourceNotFoundError(StoreError):
    """No source document with that id in the review."""


class ReviewNotFoundError(StoreError):
    """No review in the store for that document or file."""
