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

from reader.memory.index import CLAIM_BITS, CLAIMS_PER_REVIEW, RANK
from reader.store.model import STATUSES

DEFAULT_LIMIT = 20
MARK_START, MARK_END = "\u27e6", "\u27e7"
"""Around the matched words in a snippet (⟦ ⟧: brackets no article uses as punctuation, so a
program can find them, and a terminal shows them)."""
ELLIPSIS = "…"
SNIPPET_TOKENS = 16
RANK_WINDOW = 10_000
"""Matches ranked at most: more are counted as "more than" and only the most recently saved
this many ranked (a query matching a third of 500,000 claims took 350 ms to rank)."""
COLUMNS = ("words", "speaker", "note", "sources", "title")
"""The indexed columns shown in snippets, in the index's order (then ``status``, searched only
by the status filter)."""
TEXT_COLUMNS = COLUMNS
"""Where typed words are looked for."""
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
    """How many claims match in all (``hits`` holds at most the query's limit), counted up to
    ``RANK_WINDOW``."""
    more: bool = False
    """More than ``RANK_WINDOW`` claims match: the hits are the best of the most recently
    saved ``RANK_WINDOW``."""


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
    string (a trailing * keeps its meaning, a prefix, from three letters or digits on:
    shorter, it is the word itself), all of them required. An unclosed quote mark reads as a
    quote of the rest."""
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
        prefix = word.endswith("*") and len(_HAS_WORD.findall(word.rstrip("*"))) >= 3
        word = word.rstrip("*") or word
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
    """The claims that match. With words, best first (words in the claim count most, then its
    speaker and note, then its sources and the article's title), ranking the most recently
    saved ``RANK_WINDOW`` when more match; with filters alone, the most recently saved
    reviews' claims first.

    Every filter is cheap per match: the speaker and the status are part of the full-text
    match (columns of their own), and the article's date and site select reviews, which a
    claim's number names (``index.CLAIM_BITS``), so no match is looked up row by row."""
    words = match_expression(query.text)
    parts = []
    if words:
        parts.append(f"{{{' '.join(TEXT_COLUMNS)}}} : ({words})")
    speaker = _speaker_expression(query.speaker)
    if speaker:
        parts.append(speaker)
    if query.statuses:
        parts.append("status : (" + " OR ".join(_quoted(status) for status in query.statuses)
                     + ")")
    expression = " AND ".join(f"({part})" for part in parts)
    articles, article_params = _article_filter(query)
    columns = ("r.review_id, c.claim_id, c.kind, c.status, c.speaker, c.text, c.note, "
               "c.sources, r.title, r.site, r.url, r.path, r.day, r.published")
    if expression:
        base = "FROM claims_fts WHERE claims_fts MATCH ?"
        if articles:
            base += f" AND (claims_fts.rowid >> {CLAIM_BITS}) IN (SELECT rid FROM reviews " \
                    f"WHERE {articles})"
        matching: tuple[Any, ...] = (expression, *article_params)
        total = _count(db, base, matching)
        if not words:
            ranking = f"SELECT claims_fts.rowid {base} ORDER BY claims_fts.rowid DESC LIMIT ?"
        elif total <= RANK_WINDOW:
            ranking = f"SELECT claims_fts.rowid {base} ORDER BY {RANK} LIMIT ?"
        else:
            # Ranking costs 1 to 3 microseconds a match: over RANK_WINDOW matches the most
            # recently saved are ranked (claims are numbered in the order their reviews were
            # saved), so a word in every other claim still answers at once.
            ranking = (f"SELECT id FROM (SELECT claims_fts.rowid AS id, {RANK} AS score {base} "
                       f"ORDER BY claims_fts.rowid DESC LIMIT {RANK_WINDOW}) "
                       "ORDER BY score LIMIT ?")
        ids = [row[0] for row in db.execute(ranking, (*matching, query.limit))]
        hits = _with_snippets(db, expression, ids, columns)
    else:
        # Filters on the article alone: the matching reviews, most recently saved first,
        # each review's claims in reading order.
        base = (f"FROM reviews r CROSS JOIN claims c ON c.id BETWEEN r.rid << {CLAIM_BITS} "
                f"AND (r.rid << {CLAIM_BITS}) + {CLAIMS_PER_REVIEW - 1} WHERE {articles}")
        rows = db.execute(f"SELECT {columns} {base} ORDER BY r.rid DESC, c.id LIMIT ?",
                          (*article_params, query.limit))
        hits = [_hit(row) for row in rows]
        total = _count(db, base, tuple(article_params))
    return SearchResults(hits, min(total, RANK_WINDOW), total > RANK_WINDOW)


def _article_filter(query: SearchQuery) -> tuple[str, list[Any]]:
    """The condition on ``reviews`` (as ``r`` or bare) for the date and site filters."""
    where: list[str] = []
    params: list[Any] = []
    if query.since.strip():
        where.append("day >= ?")
        params.append(query.since.strip())
    if query.until.strip():
        where.append("day <= ?")
        params.append(_until_bound(query.until.strip()))
    if query.site.strip():
        where.append("(lower(site) LIKE ? ESCAPE '\\' OR lower(url) LIKE ? ESCAPE '\\')")
        like = "%" + re.sub(r"([%_\\])", r"\\\1", query.site.strip().casefold()) + "%"
        params.extend([like, like])
    return " AND ".join(where), params


def _count(db: sqlite3.Connection, base: str, params: tuple[Any, ...]) -> int:
    """The matches, counted up to one more than ``RANK_WINDOW`` (beyond, "more than")."""
    return db.execute(f"SELECT count(*) FROM (SELECT 1 {base} LIMIT {RANK_WINDOW + 1})",
                      params).fetchone()[0]


def _with_snippets(db: sqlite3.Connection, expression: str, ids: list[int],
                   columns: str) -> list[SearchHit]:
    """The hits ``ids`` (best first) with their snippets, made for these rows only: computed
    in the ranking query, every match would have had its snippets made before the sort."""
    if not ids:
        return []
    snippets = ", ".join(
        f"snippet(claims_fts, {column}, '{MARK_START}', '{MARK_END}', '{ELLIPSIS}', "
        f"{SNIPPET_TOKENS})" for column in range(len(COLUMNS)))
    rows = db.execute(
        f"SELECT claims_fts.rowid, {columns}, {snippets} FROM claims_fts "
        "CROSS JOIN claims c ON c.id = claims_fts.rowid CROSS JOIN reviews r ON r.rid = c.rid "
        f"WHERE claims_fts MATCH ? AND claims_fts.rowid IN ({','.join('?' * len(ids))})",
        (expression, *ids))
    found = {row[0]: _hit(row[1:]) for row in rows}
    return [found[rowid] for rowid in ids if rowid in found]


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
