"""Patterns compiled the first time they are used.

Compiling the analysis' patterns is most of what `claim-reader extract` spends before it reads
a file. A few patterns serve rare shapes of text (a document's source named after "according
to", a headline's speaker at its end): they wait until a text needs them. The patterns used on
every quote stay plain ``re.Pattern`` objects, so their calls cost nothing extra.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any


class LazyPattern:
    """The methods of ``re.Pattern`` the analysis uses, compiling the pattern on first call."""

    __slots__ = ("_compiled", "_flags", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def _get(self) -> re.Pattern[str]:
        if self._compiled is None:
            from reader.analysis.pattern_cache import regex

            self._compiled = regex(self.pattern, self._flags)
        return self._compiled

    def match(self, *args: Any) -> re.Match[str] | None:
        return self._get().match(*args)

    def fullmatch(self, *args: Any) -> re.Match[str] | None:
        return self._get().fullmatch(*args)

    def search(self, *args: Any) -> re.Match[str] | None:
        return self._get().search(*args)

    def finditer(self, *args: Any) -> Iterator[re.Match[str]]:
        return self._get().finditer(*args)
