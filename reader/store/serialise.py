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
    """Renders ``{**header, key: {id: entry...}}`` re-encoding only entries that changed."""

    def __init__(self, key: str, to_dict: Callable[[Any], dict[str, Any]]) -> None:
        self.key = key
        self.to_dict = to_dict
        self._cache: dict[str, tuple[Any, str]] = {}

    def _entry_text(self, entry_id: str, entry: Any) -> str:
        cached = self._cache.get(entry_id)
        if cached is not None and cached[0] is entry:
            return cached[1]
        body = json.dumps(self.to_dict(entry), indent=2, sort_keys=True, ensure_ascii=False)
        text = "    " + json.dumps(entry_id, ensure_ascii=False) + ": " + _indent(body, "    ")
        self._cache[entry_id] = (entry, text)
        return text

    def render(self, header: Mapping[str, Any], entries: Mapping[str, Any]) -> str:
        if entries:
            parts = [self._entry_text(entry_id, entries[entry_id]) for entry_id in sorted(entries)]
            block = "{\n" + ",\n".join(parts) + "\n  }"
        else:
            block = "{}"
        if len(self._cache) > len(entries):
            for stale in self._cache.keys() - entries.keys():
                del self._cache[stale]
        data = dict(header)
        data[self.key] = _PLACEHOLDER
        text = dumps(data)
        # The callers' entry key ("claims", "reviews") sorts before every other header key, so
        # the first occurrence of the placeholder is ours even if a document text holds it.
        encoded = json.dumps(_PLACEHOLDER)
        return text.replace(encoded, block, 1)
