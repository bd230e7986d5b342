"""The analysis' compiled patterns, kept between runs.

The analysis holds some 130 regular expressions, several of them word lists thousands of
characters long. Python compiles a pattern in Python code (``re._parser``, ``re._compiler``)
every time a program starts, and for the analysis that was about half of what
``claim-reader extract`` spent before reading a file (about 70 ms of 150 on the development
machine). The compiled form is a list of integers: it is kept here in the user's cache folder
after a first run and turned back into a pattern by ``_sre.compile`` in a fraction of a
millisecond.

Safety: the file is read with ``marshal`` (plain numbers, strings, lists and dicts, never
code), kept per Python version and regex engine (its magic number), and each entry is filed
under the exact pattern text and flags it was compiled from; ``_sre`` validates the code it
is given. Anything missing, stale, damaged or refused is compiled the normal way, and a cache
that cannot be written is simply not kept. Nothing the user reads is ever stored here.
"""

from __future__ import annotations

import marshal
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

try:  # CPython's regex engine and compiler; other Pythons compile the normal way.
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - not CPython
    _sre = None

_Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

_TAG = f"{sys.implementation.cache_tag}-{getattr(_sre, 'MAGIC', 0)}"
_loaded: dict[str, _Entry] | None = None
_used: dict[str, _Entry] = {}
_missed = False


def cache_file() -> Path:
    """Where the compiled patterns are kept: the user's cache folder (``XDG_CACHE_HOME`` on
    Linux), one file per Python version."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("claim-reader", appauthor=False)) / f"patterns-{_TAG}.marshal"


def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the cache when it holds this pattern."""
    global _missed
    if _sre is None:
        return re.compile(pattern, flags)
    flags = int(flags)  # a plain number, as marshal keeps it (not a ``re.RegexFlag``)
    key = f"{flags}\0{pattern}"
    entry = _cached().get(key)
    if entry is not None:
        try:
            compiled = _sre.compile(pattern, *entry)
        except Exception:
            compiled = None
        if compiled is not None:
            _used[key] = entry
            return compiled
    _missed = True
    try:  # compiled once, as re.compile would, keeping what the cache needs on the way
        entry = _entry(pattern, flags)
        compiled = _sre.compile(pattern, *entry)
    except re.error:
        raise
    except Exception:  # an interpreter whose internals differ: the cache is not for it
        return re.compile(pattern, flags)
    _used[key] = entry
    return compiled


def save() -> None:
    """Keep the patterns compiled in this process, if any was not in the cache. Only the ones
    used now are written, so a new version's patterns replace an old version's."""
    global _missed
    if not _missed or _sre is None:
        return
    _missed = False
    try:
        path = cache_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".patterns-", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                marshal.dump(dict(_used), out)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except Exception:
        return


def _cached() -> dict[str, _Entry]:
    global _loaded
    if _loaded is None:
        _loaded = {}
        try:
            data: Any = marshal.loads(cache_file().read_bytes())
        except Exception:
            data = None
        if isinstance(data, dict):
            _loaded = data
    return _loaded


def _entry(pattern: str, flags: int) -> _Entry:
    """What ``_sre.compile`` needs besides the pattern: as ``re._compiler.compile`` makes it."""
    parsed = _parser.parse(pattern, flags)
    code = [int(value) for value in _compiler._code(parsed, flags)]
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    return (int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex,
            tuple(indexgroup))
