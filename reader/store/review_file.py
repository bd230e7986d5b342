"""Reading one review file, and what to do when it is damaged or from a newer app.

A file that is not JSON or fails the schema is never overwritten: it is renamed to
``NAME.corrupt-TIMESTAMP`` (kept for the user or a developer to look at) and its ``.bak`` is
offered. A file from a newer app is read as far as possible and opened read-only.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from reader.store.atomic import backup_path
from reader.store.errors import (
    ReviewNotFoundError,
    StoreCorruptError,
    StoreError,
    StoreNewerError,
)
from reader.store.model import SCHEMA_VERSION, Review, format_time
from reader.store.schema import SchemaViolation, check_review, migrate, schema_version_of


@dataclass(frozen=True, slots=True)
class FileSignature:
    """Identifies one version of a file cheaply: ``os.replace`` gives each save a new inode."""

    inode: int
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> FileSignature | None:
        try:
            st = os.stat(path)
        except (FileNotFoundError, NotADirectoryError):  # the latter: a file where a folder was
            return None
        return cls(st.st_ino, st.st_size, st.st_mtime_ns)


class DamagedFile(Exception):
    """Internal: the file is not a review this app can read; ``reason`` says why, plainly."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class RepairableFile(DamagedFile):
    """Internal: valid JSON whose header checks but some claims hold values this app cannot
    take. ``review`` is the review with those values repaired; ``problems`` says what was
    repaired, one line per value."""

    def __init__(self, reason: str, review: Review, problems: list[str]) -> None:
        super().__init__(reason)
        self.review = review
        self.problems = problems


def newer_message(path: Path, version: int) -> str:
    return (f"{path} was written by a newer version of Claim Reader (file format {version}; this "
            f"version understands up to {SCHEMA_VERSION}). It is open read-only so that nothing "
            "in it is lost: update Claim Reader to change it.")


def json_problem(error: json.JSONDecodeError) -> str:
    """Where and what, in one phrase: "Unterminated string starting at line 52, column 9"
    (the decoder's message may itself end in "at")."""
    where = f"line {error.lineno}, column {error.colno}"
    if error.msg.endswith(" at"):
        return f"{error.msg} {where}"
    return f"{error.msg} at {where}"


def parse_review(raw: bytes, path: Path) -> Review:
    """The review in ``raw``; raises ``DamagedFile`` or ``StoreNewerError``. A newer file that
    can still be read comes back with ``read_only_reason`` set."""
    if not raw.strip():
        raise DamagedFile("the file is empty")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise DamagedFile("the file is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise DamagedFile(f"not valid JSON: {json_problem(error)}") from None
    version = schema_version_of(data)
    if version is None:
        raise DamagedFile("it has no valid schema_version")
    if version > SCHEMA_VERSION:
        message = newer_message(path, version)
        try:
            return Review.from_dict(data, read_only_reason=message)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise StoreNewerError(path, message.replace(
                "It is open read-only so that nothing in it is lost: update Claim Reader to "
                "change it.", "This version cannot read it, so it was left untouched: update "
                "Claim Reader to open it.")) from None
    try:
        if version < SCHEMA_VERSION:
            data = migrate(data)
        check_review(data)
    except SchemaViolation as error:
        reason = f"it does not match the review format ({error})"
        repaired = _repaired(data, reason)
        if repaired is not None:
            raise repaired from None
        raise DamagedFile(reason) from None
    return Review.from_dict(data)


def _repaired(data: dict, reason: str) -> RepairableFile | None:
    """The file's review with its bad claim values repaired, when only claims are at fault."""
    if not isinstance(data.get("claims"), dict):
        return None
    try:
        check_review({**data, "claims": {}})
    except SchemaViolation:
        return None  # the document or the header is damaged: not one bad value
    from reader.store.salvage import repair_claim

    header = Review.from_dict({**data, "claims": {}})
    claims = {}
    problems: list[str] = []
    for key, value in data["claims"].items():
        claim, found = repair_claim(str(key), value, len(header.document.text), header.updated)
        problems.extend(found)
        if claim is not None:
            claims[claim.id] = claim
    if not problems:
        return None
    from dataclasses import replace

    return RepairableFile(reason, replace(header, claims=claims).settled(), problems)


def read_review(path: Path) -> tuple[Review, FileSignature | None]:
    """Read and check a review file without changing anything on disk."""
    signature = FileSignature.of(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ReviewNotFoundError(path, f"{path} does not exist any more.") from None
    except IsADirectoryError:
        raise StoreError(path, f"{path} is a folder, not a review file. Move it out of "
                         f"{path.parent}, then open the document again.") from None
    except OSError as error:
        raise StoreError(path, f"{path} cannot be read ({error.strerror}). Check the file's "
                         "permissions.") from None
    return parse_review(raw, path), signature


def read_named_review(path: Path, verb: str) -> Review:
    """A review file the user named to ``verb`` ("import", "export"): not one of the store's, so
    the messages speak of that file, and nothing is moved aside or offered."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise StoreError(path, f"Cannot {verb} {path}: the file does not exist. Check the name "
                         "and the folder.") from None
    except IsADirectoryError:
        raise StoreError(path, f"Cannot {verb} {path}: it is a folder. Name a review file "
                         "(….json) inside it.") from None
    except OSError as error:
        raise StoreError(path, f"Cannot {verb} {path}: {error.strerror or error}. Check that "
                         "the file is there and readable.") from None
    try:
        return parse_review(raw, path)
    except DamagedFile as damaged:
        raise StoreError(path, f"Cannot {verb} {path}: it is not a review file this version of "
                         f"Claim Reader can read ({damaged.reason}). Ask for the file again; "
                         "nothing was changed.") from None


def usable_backup(path: Path) -> Path | None:
    """The file's ``.bak`` if it holds a review this app can read."""
    backup = backup_path(path)
    try:
        parse_review(backup.read_bytes(), backup)
    except (OSError, DamagedFile, StoreError):
        return None
    return backup


def file_stamp(now: str) -> str:
    """A timestamp for a file name ("20260101T100500123456Z"): no colons, which Windows refuses."""
    return now.replace(":", "").replace("-", "").replace(".", "")


def move_aside(path: Path, reason: str, now: str, review_id: str | None) -> StoreCorruptError:
    """Rename a damaged file out of the way (keeping it) and build the error that says so."""
    moved_to = path.with_name(f"{path.name}.corrupt-{file_stamp(now)}")
    try:
        os.replace(path, moved_to)
    except OSError:
        moved_to = None
    backup = usable_backup(path)
    where = (f"It has been moved to {moved_to} and kept; nothing was overwritten."
             if moved_to else "It was left where it is; nothing was overwritten.")
    if backup is not None:
        when = format_time_of(backup)
        offer = (f"The previous version, saved {when}, is in {backup}: restore it from the "
                 f"start page, or copy it to {path}.")
    else:
        offer = "There is no usable backup."
    message = f"The review file {path} is damaged ({reason}). {where} {offer}"
    return StoreCorruptError(path, message, moved_to=moved_to, backup=backup, review_id=review_id)


def format_time_of(path: Path) -> str:
    from datetime import UTC, datetime

    moment = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    return format_time(moment)[:19].replace("T", " ") + " UTC"
