"""What one user did with a store that is no business of the review files: when each review was
last opened. Kept outside the store folder (platformdirs' user state folder, one small JSON file
per store), so a review file changes only when its review changes: a team sharing the store in
git or a synced folder sees no change because someone merely opened an article.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import platformdirs

from reader import APP_ID, ORG_NAME
from reader.store.atomic import write_atomic
from reader.store.locking import FileLock

STATE_ENV_VAR = "CLAIM_READER_STATE"
STATE_VERSION = 1


def default_state_dir() -> Path:
    override = os.environ.get(STATE_ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_state_dir(APP_ID, ORG_NAME))


class UserState:
    """``opened(review_id)`` and ``mark_opened(review_id, when)`` for one store. Failures to read
    or write are ignored: this is a convenience (the start page's order), never a review."""

    def __init__(self, store_root: Path, state_dir: Path | None = None) -> None:
        root = os.path.abspath(store_root)
        key = hashlib.sha256(root.encode("utf-8", "surrogatepass")).hexdigest()[:20]
        self.path = (state_dir or default_state_dir()) / "stores" / f"{key}.json"
        self._root = root
        self._cache: dict[str, str] | None = None
        self._stamp: tuple[int, int] | None = None

    def _stat(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_size, st.st_mtime_ns)

    def _read(self) -> dict[str, str]:
        stamp = self._stat()
        if self._cache is not None and stamp == self._stamp:
            return self._cache
        opened: dict[str, str] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and isinstance(data.get("opened"), dict):
                opened = {k: v for k, v in data["opened"].items()
                          if isinstance(k, str) and isinstance(v, str)}
        except (OSError, ValueError):
            pass
        self._cache, self._stamp = opened, stamp
        return opened

    def opened(self) -> dict[str, str]:
        """Review id -> when this user last opened it (ISO UTC)."""
        return dict(self._read())

    def mark_opened(self, review_id: str, when: str) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with FileLock(self.path, 2.0):
                self._cache = None
                opened = self._read()
                opened[review_id] = when
                data = {"schema_version": STATE_VERSION, "store": self._root, "opened": opened}
                text = json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
                write_atomic(self.path, text.encode("utf-8"), keep_backup=False)
                self._cache, self._stamp = opened, self._stat()
        except OSError:
            pass
        except Exception as error:  # StoreLockedError: another window is writing it
            from reader.store.errors import StoreError

            if not isinstance(error, StoreError):
                raise
