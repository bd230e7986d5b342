"""The user's corrections to the directory: join two speakers the rules kept apart, split a name
out of a speaker it does not belong to. Kept in ``STORE/speakers.json`` (docs/store.md).

Decisions are a log, replayed in order over the automatic grouping each time the directory is
built, so they hold through a rebuild and through new reviews: a name is referred to by how it
is written (``NameRef``), optionally in one review only, never by a position in a list. A
later decision wins over an earlier one about the same names (split after join: apart again).

The file is written like the store's other files: under its own lock, re-read under the lock
before a decision is added (two windows and a script add to one log, never over each other),
atomically, the previous version kept as ``speakers.json.bak``. A file that cannot be read
(damaged, or from a newer Claim Reader) is never written: the directory is shown read-only,
with a message that names the file and says what to do.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal

from reader.store.atomic import (
    backup_path,
    ensure_private_dir,
    remove_stale_temporaries,
    write_atomic,
)
from reader.store.errors import StoreError, write_error
from reader.store.locking import FileLock
from reader.store.model import utc_now

DECISIONS_NAME = "speakers.json"
DECISIONS_VERSION = 1
SCHEMA_NAME = "speakers.schema.json"
Action = Literal["join", "split"]
_REVIEW_ID = re.compile(r"[0-9a-f]{32}")


class DecisionsError(StoreError):
    """A decision could not be saved; the message names the file and says what to do.
    Nothing was changed."""


@dataclass(frozen=True, slots=True)
class NameRef:
    """A name as written ("J. Smith"); with ``review``, only its quotes in that review."""

    name: str
    review: str | None = None

    def to_dict(self) -> dict[str, str]:
        data = {"name": self.name}
        if self.review:
            data["review"] = self.review
        return data

    @classmethod
    def from_dict(cls, data: Any) -> NameRef:
        if not isinstance(data, dict) or not isinstance(data.get("name"), str) \
                or not data["name"].strip():
            raise ValueError("a name must be an object with a non-empty \"name\"")
        review = data.get("review")
        if review is not None and not (isinstance(review, str) and _REVIEW_ID.fullmatch(review)):
            raise ValueError(f"{review!r} is not a review id")
        return cls(data["name"], review)

    def label(self) -> str:
        """As the command line takes it back: "John Smith" or "John Smith@1a2b3c4d"."""
        return f"{self.name}@{self.review[:8]}" if self.review else self.name


@dataclass(frozen=True, slots=True)
class Decision:
    """``join``: ``first`` and ``second`` are one speaker. ``split``: the quotes of ``first``
    are not by the speaker ``second`` names."""

    action: Action
    first: NameRef
    second: NameRef
    at: str = ""
    by: str = ""

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"action": self.action, "at": self.at, "by": self.by}
        if self.action == "join":
            data["names"] = [self.first.to_dict(), self.second.to_dict()]
        else:
            data["name"] = self.first.to_dict()
            data["from"] = self.second.to_dict()
        return data

    @classmethod
    def from_dict(cls, data: Any) -> Decision:
        if not isinstance(data, dict):
            raise ValueError("a decision must be an object")
        action = data.get("action")
        at = data.get("at", "")
        by = data.get("by", "")
        if not isinstance(at, str) or not isinstance(by, str):
            raise ValueError("\"at\" and \"by\" must be text")
        if action == "join":
            names = data.get("names")
            if not isinstance(names, list) or len(names) != 2:
                raise ValueError("a join names two speakers")
            return cls("join", NameRef.from_dict(names[0]), NameRef.from_dict(names[1]), at, by)
        if action == "split":
            return cls("split", NameRef.from_dict(data.get("name")),
                       NameRef.from_dict(data.get("from")), at, by)
        raise ValueError(f"{action!r} is not a decision this version knows")

    def describe(self) -> str:
        if self.action == "join":
            return f"joined “{self.first.label()}” with “{self.second.label()}”"
        return f"took “{self.first.label()}” out of “{self.second.label()}”"


@dataclass(frozen=True, slots=True)
class DecisionsState:
    """The decisions as read, and whether new ones can be saved (``read_only_reason`` says why
    not: the file is damaged, unreadable or from a newer app)."""

    path: Path
    decisions: tuple[Decision, ...] = ()
    read_only_reason: str | None = None

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None


@cache
def _validator() -> Callable[[Any], Any]:
    import fastjsonschema

    from reader.store.schema import load_schema

    return fastjsonschema.compile(load_schema(SCHEMA_NAME))


def _problem(data: Any) -> str | None:
    import fastjsonschema

    try:
        _validator()(data)
    except fastjsonschema.JsonSchemaValueException as error:
        where = error.name.removeprefix("data").lstrip(".") or "the top level"
        return f"at {where}: {error.message.removeprefix(error.name + ' ')}"
    return None


class _Unreadable(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _parse(raw: bytes) -> tuple[int, tuple[Decision, ...]]:
    """(version, decisions); raises ``_Unreadable`` with a reason in plain words."""
    if not raw.strip():
        raise _Unreadable("the file is empty")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _Unreadable("it is not UTF-8 text") from None
    except json.JSONDecodeError as error:
        raise _Unreadable(f"not valid JSON: {error.msg} at line {error.lineno}, column "
                          f"{error.colno}") from None
    version = data.get("schema_version") if isinstance(data, dict) else None
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _Unreadable("it has no valid schema_version")
    if version > DECISIONS_VERSION:
        # Read what this version understands, for showing only.
        found = data.get("decisions")
        decisions = []
        for item in found if isinstance(found, list) else ():
            try:
                decisions.append(Decision.from_dict(item))
            except ValueError:
                continue
        return version, tuple(decisions)
    problem = _problem(data)
    if problem:
        raise _Unreadable(f"it does not match the format of speakers.json ({problem})")
    try:
        return version, tuple(Decision.from_dict(item) for item in data["decisions"])
    except ValueError as error:
        raise _Unreadable(f"it does not match the format of speakers.json ({error})") from None


class DecisionsFile:
    """``STORE/speakers.json``. ``read()`` never raises; ``add`` and ``undo_last`` raise a
    ``StoreError`` when nothing could be changed: ``DecisionsError`` when the file could not
    be read (its message is ``read_only_reason``), ``StoreWriteError`` or ``StoreLockedError``
    when it could not be written."""

    def __init__(self, root: Path, *, reviewer: str = "", clock: Callable[[], str] = utc_now,
                 lock_timeout: float = 10.0) -> None:
        self.root = root
        self.path = root / DECISIONS_NAME
        self.reviewer = reviewer
        self.now = clock
        self.lock_timeout = lock_timeout

    def read(self) -> DecisionsState:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return DecisionsState(self.path)
        except OSError as error:
            return DecisionsState(self.path, (), (
                f"{self.path} cannot be read ({error.strerror or error}), so your decisions "
                "to join and split speakers are not applied and no new one can be saved. "
                "Check the file's permissions; it has not been changed."))
        try:
            version, decisions = _parse(raw)
        except _Unreadable as damaged:
            return DecisionsState(self.path, (), self._damaged_message(damaged.reason))
        if version > DECISIONS_VERSION:
            return DecisionsState(self.path, decisions, (
                f"{self.path} was written by a newer version of Claim Reader (format {version}; "
                f"this version understands up to {DECISIONS_VERSION}). The joins and splits "
                "this version understands are applied; update Claim Reader to make new ones. "
                "The file has not been changed."))
        return DecisionsState(self.path, decisions)

    def _damaged_message(self, reason: str) -> str:
        backup = backup_path(self.path)
        try:
            _parse(backup.read_bytes())
            usable = True
        except (OSError, _Unreadable):
            usable = False
        if usable:
            advice = (f"Its previous version, {backup}, can be read: copy it over "
                      f"{self.path.name} to use it (the decisions made since may be missing).")
        else:
            advice = "Fix it, or move it away to start again with no decisions."
        return (f"{self.path} is damaged ({reason}), so your decisions to join and split "
                f"speakers are not applied and no new one can be saved; the file has not been "
                f"changed. {advice}")

    # Writing ------------------------------------------------------------------------------

    def add(self, action: Action, first: NameRef, second: NameRef) -> DecisionsState:
        """Append one decision and save; the new state."""
        decision = Decision(action, first, second, self.now(), self.reviewer)
        return self._change(lambda decisions: (*decisions, decision))

    def undo_last(self) -> tuple[Decision | None, DecisionsState]:
        """Take back the latest decision (whoever made it); (the decision, the new state)."""
        state = self.read()
        if not state.decisions and state.read_only_reason is None:
            return None, state  # nothing to take back: no lock, no folder made
        taken: list[Decision] = []

        def change(decisions: tuple[Decision, ...]) -> tuple[Decision, ...]:
            if decisions:
                taken.append(decisions[-1])
            return decisions[:-1]

        state = self._change(change)
        return (taken[0] if taken else None), state

    def _change(self, change: Callable[[tuple[Decision, ...]], tuple[Decision, ...]]
                ) -> DecisionsState:
        try:
            ensure_private_dir(self.root)
        except OSError as error:
            raise write_error(self.path, error, "save the speaker decisions in",
                              "Nothing was changed.") from None
        with FileLock(self.path, self.lock_timeout):
            state = self.read()  # under the lock: whatever another program saved meanwhile
            if state.read_only_reason is not None:
                raise DecisionsError(self.path, state.read_only_reason)
            decisions = change(state.decisions)
            if decisions == state.decisions:
                return state
            data = {"schema_version": DECISIONS_VERSION,
                    "decisions": [decision.to_dict() for decision in decisions]}
            text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
            try:
                write_atomic(self.path, text.encode("utf-8"))
            except OSError as error:
                raise write_error(self.path, error, "save the speaker decisions in",
                                  "Nothing was changed.") from None
            remove_stale_temporaries(self.root, re.escape(DECISIONS_NAME))
            return replace(state, decisions=decisions)
