"""The on-disk text of a review or the index: ``json.dumps(indent=2, sort_keys=True)`` plus a
trailing newline, so a team can keep the store in git and read the diffs.

Python's C JSON encoder is not used when indenting, and re-encoding 10,000 claims on every status
change would take far longer than a keystroke. ``EntryRenderer`` therefore renders each entry of
the big mapping (claims, index entries) on its own and caches the text by the entry's identity:
entries are frozen, so an unchanged object means unchanged text. The result is byte for byte what
``json.dumps`` would write (a test checks it).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

_PLACEHOLDER = "\x00entries\x00"


def dumps(data: Any) -> str:
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _indent(text: str, spaces: str) -> str:
    return text.replace("\n", "\n" + spaces)


class EntryRenderer:
    """Renders ``{**header, key: {id: entry...}}`` as UTF-8, re-encoding only entries that
    changed. ``key`` must sort before every other header key (true of "claims" and "reviews")."""

    def __init__(self, key: str, to_dict: Callable[[Any], dict[str, Any]]) -> None:
        self.key = key
        self.to_dict = to_dict
        self._cache: dict[str, tuple[Any, bytes]] = {}
        self._order: list[str] = []

    def _entry_bytes(self, entry_id: str, entry: Any) -> bytes:
        body = json.dumps(self.to_dict(entry), indent=2, sort_keys=True, ensure_ascii=False)
        text = "    " + json.dumps(entry_id, ensure_ascii=False) + ": " + _indent(body, "    ")
        data = text.encode("utf-8")
        self._cache[entry_id] = (entry, data)
        return data

    def render_chunks(self, header: Mapping[str, Any],
                      entries: Mapping[str, Any]) -> tuple[bytes, ...]:
        """The file as a few byte strings to write in order (joining them would copy it)."""
        cache = self._cache
        if len(cache) != len(entries) or cache.keys() != entries.keys():
            for stale in cache.keys() - entries.keys():
                del cache[stale]
            self._order = sorted(entries)
        parts = []
        for entry_id in self._order:
            entry = entries[entry_id]
            cached = cache.get(entry_id)
            parts.append(cached[1] if cached is not None and cached[0] is entry
                         else self._entry_bytes(entry_id, entry))
        data = dict(header)
        data[self.key] = _PLACEHOLDER
        before, after = dumps(data).split(json.dumps(_PLACEHOLDER), 1)
        if not parts:
            return (before.encode("utf-8"), b"{}", after.encode("utf-8"))
        return ((before + "{\n").encode("utf-8"), b",\n".join(parts),
                ("\n  }" + after).encode("utf-8"))
