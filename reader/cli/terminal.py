"""Text the commands print, made safe for a terminal.

Claim texts, speakers, notes and file names come from articles and review files, which anyone
may have written. Printed raw, an escape sequence in them is obeyed by the terminal: it can clear
the screen, fake other output, retitle the window or (OSC 52) write to the clipboard. So control
characters other than newline, tab and the CR of a CRLF (CSV rows end so) are shown as U+FFFD in
text, and escaped in JSON (``json`` escapes C0 itself but leaves DEL and the C1 range raw), which
keeps the same data.
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

_CONTROLS = [chr(code) for code in range(0x100) if unicodedata.category(chr(code)) == "Cc"]
_SHOWN = str.maketrans({c: "\ufffd" for c in _CONTROLS if c not in "\n\t\r"})
_LONE_CR = re.compile(r"\r(?!\n)")  # returns to the start of the line: can hide what came before
_ESCAPED = str.maketrans({c: f"\\u{ord(c):04x}" for c in _CONTROLS if ord(c) >= 0x7f})


def printable(text: str) -> str:
    """``text`` with every control character but newline, tab and CRLF replaced by U+FFFD."""
    return _LONE_CR.sub("\ufffd", text.translate(_SHOWN))


def json_text(data: Any, indent: int = 2) -> str:
    """``data`` as JSON with no raw control character in it (the same data once parsed)."""
    return json.dumps(data, ensure_ascii=False, indent=indent).translate(_ESCAPED)


def clipped(text: str, width: int) -> str:
    """``text`` on one line of at most ``width`` characters, for a column of a listing."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def around_difference(old: str, new: str, width: int) -> tuple[str, str]:
    """Two versions of a text, each on one line of at most ``width`` characters, cut around
    where they first differ (with … where cut), so that a change late in a long sentence shows
    instead of two identical beginnings."""
    old, new = " ".join(old.split()), " ".join(new.split())
    if len(old) <= width and len(new) <= width:
        return old, new
    same = 0
    while same < min(len(old), len(new)) and old[same] == new[same]:
        same += 1
    begin = max(0, same - width // 3)
    space = old.find(" ", begin, same)
    if begin and old[begin - 1] != " " and space != -1:
        begin = space + 1  # start at a word

    def cut(text: str) -> str:
        if begin == 0:
            return clipped(text, width)
        part = "…" + text[begin:]
        return part if len(part) <= width else part[: width - 1] + "…"

    return cut(old), cut(new)
