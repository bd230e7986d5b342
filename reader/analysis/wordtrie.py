"""Word lists compiled into prefix-tree regexes.

Python's ``re`` tries the branches of an alternation one after another at every position, so a
list of a hundred words costs a hundred comparisons per word start. Nested by shared prefix
("t(?:wo|h(?:ree|irty)|en)"), the same list costs a few character tests; that is what keeps the
analysis fast on book-length text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def word_set(words: str) -> frozenset[str]:
    """A set from a white-space separated word list (lists read better as running text)."""
    return frozenset(words.split())


def trie_pattern(words: Iterable[str], fold_first: bool = False) -> str:
    """A non-capturing regex matching exactly the given words (longest alternative first).

    With ``fold_first`` the first letter of each word matches in either case ("One", "one").
    """
    tree: dict[str, dict] = {}
    for word in set(words):
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render(tree, fold_first)


def _render(node: dict[str, dict], fold: bool) -> str:
    branches: list[str] = []
    ends_here = "" in node
    groups: dict[str, list[str]] = {}
    for char in sorted(node):
        if char == "":
            continue
        key = char.lower() if fold and char.isalpha() else char
        groups.setdefault(key, []).append(char)
    for key, chars in groups.items():
        if len(chars) == 1:
            merged = node[chars[0]]  # nothing to fold together: no copy (linear, not square)
        else:
            merged = {}
            for char in chars:
                _merge(merged, node[char])
        head = _char(key, fold)
        # A chain of single letters ("ccording") is written out at once rather than node by
        # node: the same pattern, a third of the calls.
        while len(merged) == 1 and "" not in merged:
            (char, merged), = merged.items()
            head += re.escape(char)
        rest = _render(merged, False)
        branches.append(head + rest)
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return f"(?:{body})?"
    return body


def _char(char: str, fold: bool) -> str:
    if fold and char.isalpha() and char.lower() != char.upper():
        return f"[{re.escape(char.lower())}{re.escape(char.upper())}]"
    return re.escape(char)


def _merge(into: dict[str, dict], other: dict[str, dict]) -> None:
    for key, child in other.items():
        _merge(into.setdefault(key, {}), child)
