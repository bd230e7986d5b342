"""Searching every stored review: words anywhere in a claim, its speaker, note and sources or
its article's title, with snippets, filtered by speaker, status, date and site.

What the user types is never handed to SQLite's query language as it is: it is read here
into words, "quoted phrases" and prefixes (``hous*``), each passed as a quoted string, so no
input (a lone quote mark, ``AND``, ``NEAR(``, a column name and a colon) can make a query
that fails. Every word must be found (AND); words that are only punctuation are dropped.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from reader.store.model import STATUSES

DEFAULT_LIMIT = 20
MARK_START, MARK_END = "\u27e6", "\u27e7"
"""Around the matched words in a snippet (⟦ ⟧: brackets no article uses as punctuation, so a
program can find them, and a terminal shows them)."""
ELLIPSIS = "…"
SNIPPET_TOKENS = 16
COLUMNS = ("words", "speaker", "note", "sources", "title")
"""The indexed columns, in the index's order."""
SHOWN_FIRST = ("words", "note", "sources", "title", "speaker")
"""Which column's snippet a hit shows, when the words are found in several."""
_PART = re.compile(r'"([^"]*)"|(\S+)')
_HAS_WORD = re.compile(r"[^\W_]")  # a letter or a digit: what the tokenizer keeps
_DAY = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class SearchError(ValueError):
    """A search asked for something that cannot be (a date that is not a date)."""


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """``text`` as typed; the filters narrow it (empty: no filter). ``since`` and ``until``
    are dates as YYYY, YYYY-MM or YYYY-MM-DD, both ends included."""

    text: str = ""
    speaker: str = ""
    statuses: tuple[str, ...] = ()
    since: str = ""
    until: str = ""
    site: str = ""
    limit: int = DEFAULT_LIMIT

    def __post_init__(self) -> None:
        for status in self.statuses:
            if status not in STATUSES:
                raise SearchError(f"{status!r} is not a status: use one of "
                                  f"{', '.join(STATUSES)}")
        for name in ("since", "until"):
            value = getattr(self, name).strip()
            if value and not _valid_day(value):
                raise SearchError(f"--{name} {value!r} is not a date: write it as YYYY-MM-DD, "
                                  "YYYY-MM or YYYY (for example 2026-03-14)")

    @property
    def empty(self) -> bool:
        return not (match_expression(self.text) or self.speaker.strip() or self.statuses
                    or self.since or self.until or self.site.strip())


@dataclass(frozen=True, slots=True)
class SearchHit:
    review_id: str
    claim_id: str
    kind: str
    status: str
    speaker: str | None
    text: str
    snippet: str
    """Where the words were found, around them: in the claim's words if they are there, else
    in its note, its sources, the article's title or the speaker's name (``found_in``), the
    matched words between ``MARK_START`` and ``MARK_END``."""
    found_in: str
    note: str
    sources: list[dict[str, Any]]
    title: str
    site: str
    url: str
    path: str | None
    day: str
    published: str

    def to_dict(self) -> dict[str, Any]:
        return {"review": self.review_id, "claim_id": self.claim_id, "kind": self.kind,
                "status": self.status, "speaker": self.speaker, "text": self.text,
                "snippet": self.snippet, "found_in": self.found_in, "note": self.note,
                "sources": self.sources,
                "title": self.title, "site": self.site, "url": self.url, "path": self.path,
                "date": self.day, "published": self.published or None}


@dataclass(frozen=True, slots=True)
class SearchResults:
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0
    """How many claims match in all (``hits`` holds at most the query's limit)."""


def _valid_day(value: str) -> bool:
    if not _DAY.fullmatch(value):
        return False
    from datetime import date

    parts = [int(part) for part in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def match_expression(text: str) -> str:
    """The user's words as an FTS5 query that cannot fail: each word or "phrase" a quoted
    string (a trailing * keeps its meaning, a prefix), all of them required. An unclosed quote
    mark reads as a quote of the rest."""
    terms = []
    text = text.replace("\x00", " ")  # SQLite reads a NUL as the end of the query
    if text.count('"') % 2:
        text += '"'
    for match in _PART.finditer(text):
        phrase, word = match.group(1), match.group(2)
        if phrase is not None:
            if _HAS_WORD.search(phrase):
                terms.append(_quoted(phrase))
            continue
        prefix = word.endswith("*") and _HAS_WORD.search(word.rstrip("*")) is not None
        word = word.rstrip("*") if prefix else word
        if not _HAS_WORD.search(word):
            continue
        terms.append(_quoted(word) + ("*" if prefix else ""))
    return " AND ".join(terms)


def _speaker_expression(name: str) -> str:
    words = re.findall(r"[^\W_]+", name)
    if not words:
        return ""
    return "speaker : (" + " AND ".join(_quoted(word) for word in words) + ")"


def _until_bound(value: str) -> str:
    """The last day a YYYY or YYYY-MM ``until`` covers, as a string bound."""
    return value + "\uffff" if len(value) < 10 else value


def search(db: sqlite3.Connection, query: SearchQuery) -> SearchResults:
    """The claims that match, best first (words in the claim count most, then its speaker and
    note, then its sources and the article's title); without words, newest first."""
    words = match_expression(query.text)
    speaker = _speaker_expression(query.speaker)
    expression = " AND ".join(f"({part})" for part in (words, speaker) if part)
    where: list[str] = []
    params: list[Any] = []
    if query.statuses:
        where.append(f"c.status IN ({','.join('?' * len(query.statuses))})")
        params.extend(query.statuses)
    if query.since.strip():
        where.append("r.day >= ?")
        params.append(query.since.strip())
    if query.until.strip():
        where.append("r.day <= ?")
        params.append(_until_bound(query.until.strip()))
    if query.site.strip():
        where.append("(lower(r.site) LIKE ? ESCAPE '\\' OR lower(r.url) LIKE ? ESCAPE '\\')")
        like = "%" + re.sub(r"([%_\\])", r"\\\1", query.site.strip().casefold()) + "%"
        params.extend([like, like])
    columns = ("r.review_id, c.claim_id, c.kind, c.status, c.speaker, c.text, c.note, "
               "c.sources, r.title, r.site, r.url, r.path, r.day, r.published")
    if expression:
        snippet = ", ".join(
            f"snippet(claims_fts, {column}, '{MARK_START}', '{MARK_END}', '{ELLIPSIS}', "
            f"{SNIPPET_TOKENS})" for column in range(len(COLUMNS)))
        base = ("FROM claims_fts JOIN claims c ON c.id = claims_fts.rowid "
                "JOIN reviews r ON r.rid = c.rid WHERE claims_fts MATCH ?")
        conditions = "".join(f" AND {condition}" for condition in where)
        rows = db.execute(f"SELECT {columns}, {snippet} {base}{conditions} "
                          "ORDER BY rank LIMIT ?", (expression, *params, query.limit))
        hits = [_hit(row) for row in rows]
        if len(hits) < query.limit:
            total = len(hits)
        else:
            total = db.execute(f"SELECT count(*) {base}{conditions}",
                               (expression, *params)).fetchone()[0]
    else:
        base = "FROM claims c JOIN reviews r ON r.rid = c.rid"
        conditions = (" WHERE " + " AND ".join(where)) if where else ""
        rows = db.execute(f"SELECT {columns} {base}{conditions} "
                          "ORDER BY r.day DESC, c.rid, c.position LIMIT ?",
                          (*params, query.limit))
        hits = [_hit(row) for row in rows]
        total = len(hits) if len(hits) < query.limit else db.execute(
            f"SELECT count(*) {base}{conditions}", params).fetchone()[0]
    return SearchResults(hits, total)


def _hit(row: tuple[Any, ...]) -> SearchHit:
    (review_id, claim_id, kind, status, speaker, text, note, sources, title, site, url, path,
     day, published) = row[:14]
    snippets = dict(zip(COLUMNS, row[14:], strict=False))
    found_in, snippet = "", text
    for column in SHOWN_FIRST:
        if MARK_START in (snippets.get(column) or ""):
            found_in, snippet = column, snippets[column]
            break
    try:
        source_list = json.loads(sources)
    except ValueError:
        source_list = []
    return SearchHit(review_id, claim_id, kind, status, speaker, text, snippet, found_in, note,
                     source_list, title, site, url, path, day, published)
