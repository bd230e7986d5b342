"""Where the store lives: ``--store DIR``, else ``$CLAIM_READER_STORE``, else the user data dir."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from reader import APP_ID, ORG_NAME

STORE_ENV_VAR = "CLAIM_READER_STORE"


def default_store_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_ID, ORG_NAME)) / "store"


def resolve_store_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The command line wins over the environment, which wins over the platform default."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(STORE_ENV_VAR, "").strip()
    if env:
        return Path(env).expanduser()
    return default_store_dir()
