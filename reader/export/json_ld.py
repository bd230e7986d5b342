"""The JSON text of the JSON-LD exports, safe to paste into a web page.

ClaimReview markup is published inside ``<script type="application/ld+json">``, and annotation
collections often are: a claim, note or speaker holding ``</script>`` would end that element
and run whatever follows. So ``<``, ``>`` and ``&`` (and the two line separators some script
parsers treat as newlines) are written as ``\\uXXXX`` escapes, which every JSON reader decodes to
the same string. So are DEL and the C1 controls, which a terminal showing the file may obey."""

from __future__ import annotations

import json
from typing import Any

_HTML_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                "\u2029": "\\u2029"}
# json escapes C0 controls itself but leaves DEL and C1 raw; a terminal may obey them.
_RAW_CONTROLS = {chr(code): f"\\u{code:04x}" for code in range(0x7f, 0xa0)}
_ESCAPES = str.maketrans({**_HTML_UNSAFE, **_RAW_CONTROLS})


def dumps_json_ld(data: Any) -> str:
    """Pretty-printed JSON plus a trailing newline, with HTML-unsafe characters escaped (they
    only ever occur inside strings, where an escape means the same character)."""
    return json.dumps(data, indent=2, ensure_ascii=False).translate(_ESCAPES) + "\n"
