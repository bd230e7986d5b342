"""Bylines and datelines: where the article says who wrote it, where and when, not what happened.

"By Daniel Ortega · 14 June 2025", "Published 14 June 2025, 10:32 BST", a paragraph that is only
a date, and the wire dateline that opens a story ("LONDON, June 14 (Wirebridge) -",
"KYIV, Ukraine (AP) —") hold dates the reader does not check. Their figures stay highlighted
(a date is a date) but never make a claim: a sentence is a figure claim only for the figures
of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.analysis.model import Figure
from reader.analysis.paragraphs import Paragraph
from reader.analysis.pattern_cache import regex

_NAME = r"[A-Z][\w.'’-]*"
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DATE = (rf"(?:\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTH}(?:,?[ \t]+\d{{4}})?"
         rf"|{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?(?:,?[ \t]+\d{{4}})?|\d{{4}}-\d\d-\d\d"
         r"|\d{1,2}/\d{1,2}/\d{2,4})")
_TIME = r"(?:\d{1,2}[:.]\d\d(?:[ \t]*[ap]\.?m\.?)?(?:[ \t]+[A-Z]{2,4})?)"
_SEPARATOR = r"[ \t]*(?:[·|•,;—–-]|\bon\b|\bat\b)?[ \t]*"
# A whole paragraph: a byline with an optional date, a "Published"/"Updated" line or a date.
_BYLINE = regex(
    rf"(?:(?:[Bb]y|BY)[ \t]+{_NAME}(?:[ \t]+(?:{_NAME}|and|&|de|van|von|al))*"
    rf"(?:{_SEPARATOR}(?:{_DATE}|{_TIME}|[A-Z][\w ]{{0,40}}))*"
    rf"|(?:Published|Updated|Posted|Last[ \t]+updated|First[ \t]+published)[ \t:]*(?:on[ \t]+)?"
    rf"(?:{_DATE}|{_TIME})(?:{_SEPARATOR}(?:{_DATE}|{_TIME}))*"
    rf"|(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?{_DATE}"
    rf"(?:{_SEPARATOR}{_TIME})?)[ \t.]*"
)
# The opening of a wire story: a place in capitals, perhaps a date and the agency, a dash.
_DATELINE = regex(
    rf"[A-Z][A-Z.'’ -]{{1,30}}[A-Z.](?:,[ \t]+[A-Z][\w.' ]{{1,30}})?"
    rf"(?:,?[ \t]+{_DATE})?[ \t]*(?:\([\w .&/-]{{1,30}}\))?[ \t]*[-–—]+[ \t]"
)
_MAX_BYLINE = 160


def dateline_spans(text: str, paragraphs: Sequence[Paragraph]) -> list[tuple[int, int]]:
    """The spans of bylines, publication lines and wire datelines, in document order."""
    spans: list[tuple[int, int]] = []
    for para in paragraphs:
        start, end = para.start, para.end
        if end - start <= _MAX_BYLINE:
            byline = _BYLINE.match(text, start, end)
            if byline is not None and byline.end() == end:
                spans.append((start, end))
                continue
        if text[start:start + 1].isupper() and text[start + 1:start + 2].isupper():
            dateline = _DATELINE.match(text, start, min(end, start + 80))
            if dateline is not None:
                spans.append((start, dateline.end()))
    return spans


def figures_in(spans: Sequence[tuple[int, int]], figures: Sequence[Figure]) -> frozenset[int]:
    """Indices of the figures that lie in one of the (ordered) spans."""
    if not spans:
        return frozenset()
    found: set[int] = set()
    i = 0
    for index, figure in enumerate(figures):
        while i < len(spans) and spans[i][1] <= figure.start:
            i += 1
        if i == len(spans):
            break
        if spans[i][0] <= figure.start and figure.end <= spans[i][1]:
            found.add(index)
    return frozenset(found)
