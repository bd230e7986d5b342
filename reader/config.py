"""The user's own settings that the window and the command line share, in one small TOML file
the user may also edit by hand: for now who the reviewer is, which a published ClaimReview
names as its author (never the login name, which says nothing to the readers of a fact-check).

    [reviewer]
    name = "Rita Alves"
    organisation = "Harbour Post fact-check desk"

The file is ``config.toml`` in the user config folder that platformdirs gives for the app
(``~/.config/claim-reader/config.toml`` on Linux), or wherever ``$CLAIM_READER_CONFIG`` points.
Window state (size, recent files, theme) is not here: it lives in Qt's settings.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader import APP_ID, ORG_NAME

CONFIG_ENV_VAR = "CLAIM_READER_CONFIG"
CONFIG_NAME = "config.toml"
REVIEWER_TABLE = "reviewer"
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


class ConfigError(Exception):
    """The config file could not be read or written; ``str()`` says which file and what to do."""


@dataclass(frozen=True, slots=True)
class Reviewer:
    """Who publishes a review: a person and, optionally, the organisation they review for."""

    name: str = ""
    organisation: str = ""


def config_path() -> Path:
    explicit = os.environ.get(CONFIG_ENV_VAR, "").strip()
    if explicit:
        return Path(explicit).expanduser()
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_ID, ORG_NAME)) / CONFIG_NAME


def _read(path: Path) -> dict[str, Any]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise ConfigError(f"Cannot read the settings file {path}: "
                          f"{error.strerror or error}. Check its permissions.") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"The settings file {path} is not valid TOML ({error}). Correct it "
                          "or remove it; it was left as it is.") from None


def load_reviewer(path: Path | None = None) -> Reviewer:
    """The reviewer the settings file names (empty fields when it names none)."""
    path = path or config_path()
    table = _read(path).get(REVIEWER_TABLE, {})
    if not isinstance(table, dict):
        raise ConfigError(f"In {path}, [{REVIEWER_TABLE}] should be a table with name and "
                          "organisation. Correct it; it was left as it is.")
    values = {key: table.get(key, "") for key in ("name", "organisation")}
    for key, value in values.items():
        if not isinstance(value, str):
            raise ConfigError(f"In {path}, {REVIEWER_TABLE}.{key} should be text in quotes. "
                              "Correct it; it was left as it is.")
    return Reviewer(" ".join(values["name"].split()), " ".join(values["organisation"].split()))


def _toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = ['"']
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif char < " " or char == "\x7f":
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def _toml_key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _toml_string(key)


def _toml_value(value: Any, path: Path) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    raise ConfigError(f"{path} holds values Claim Reader cannot write back (lists, dates or "
                      "nested tables). Set the reviewer there by hand; it was left as it is.")


def save_reviewer(reviewer: Reviewer, path: Path | None = None) -> Path:
    """Write the reviewer into the settings file, keeping the file's other settings. A file
    that cannot be read, or holds what this writer cannot write back, is never overwritten."""
    path = path or config_path()
    data = _read(path)
    table = data.get(REVIEWER_TABLE, {})
    if not isinstance(table, dict):
        raise ConfigError(f"In {path}, {REVIEWER_TABLE} is not a table; Claim Reader will not "
                          "replace it. Correct it by hand; it was left as it is.")
    data[REVIEWER_TABLE] = {**table,
                            "name": reviewer.name.strip(),
                            "organisation": reviewer.organisation.strip()}
    lines = ["# Claim Reader's settings (see README). Edited by Edit > Preferences as well.", ""]
    plain = {k: v for k, v in data.items() if not isinstance(v, dict)}
    lines += [f"{_toml_key(k)} = {_toml_value(v, path)}" for k, v in plain.items()]
    for table, values in data.items():
        if isinstance(values, dict):
            lines.append(f"[{_toml_key(table)}]")
            lines += [f"{_toml_key(k)} = {_toml_value(v, path)}" for k, v in values.items()]
            lines.append("")
    from reader.store.atomic import write_atomic

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, "\n".join(lines).rstrip("\n").encode("utf-8") + b"\n",
                     keep_backup=False)
    except OSError as error:
        raise ConfigError(f"Cannot write the settings file {path}: "
                          f"{error.strerror or error}. Check that the folder is writable."
                          ) from None
    return path
