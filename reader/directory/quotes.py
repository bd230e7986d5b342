"""Every attributed claim of every review in the store, read for the directory.

The review files are read directly, not through ``ReviewStore``: the directory needs a few
fields of each claim, and building the full review model (history, sources, schema check) for
a store of half a million claims would cost several times the reading. Nothing is written:
a file that cannot be read (damaged, half-written, from a newer app in a shape this one does not
know) is named in ``Collection.unreadable`` and left for the store to recover when its article
is opened; every other claim is still listed.

Each review's date is the article's publication date when the review holds one
(``document.metadata["published"]``, ISO 8601, from saved pages and front matter), else the day
the review was created.
"""

from __future__ import annotations

import json
import os
import re
import sys
from array import array
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader.store.index import REVIEW_SUFFIX, list_folder

Progress = Callable[[int, int], None]
"""Called with (files read, files in all) as the reading goes."""

STATUS_CODES: tuple[str, ...] = ("unreviewed", "verified", "disputed", "unverifiable")
_STATUS_INDEX = {status: code for code, status in enumerate(STATUS_CODES)}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PROGRESS_EVERY = 50


@dataclass(frozen=True, slots=True)
class Article:
    """The reviewed article a quote comes from, as the directory shows and opens it."""

    review_id: str
    title: str
    path: str | None
    sha256: str
    date: str
    """YYYY-MM-DD, or "" when the review holds no date that reads as one."""
    dated_by: str
    """"published" (the article's date) or "reviewed" (when its review was created)."""
    url: str = ""
    site: str = ""


@dataclass(frozen=True, slots=True)
class QuoteRecord:
    """One claim with a speaker. ``status`` is an index into ``STATUS_CODES``; ``speaker`` is
    the label as the review holds it ("Home Office (spokesperson)")."""

    article: int
    claim_id: str
    speaker: str
    text: str
    status: int
    kind: str
    start: int
    end: int
    orphaned: bool

    @property
    def status_name(self) -> str:
        return STATUS_CODES[self.status]


@dataclass(slots=True)
class Collection:
    """What was read: the articles, their quotes (in article order, then reading order), and
    the files that could not be read, with why.

    The quotes are kept a column per field (a store of half a million claims holds half a
    million of each): ``record(number)`` gives one as a ``QuoteRecord``."""

    root: Path
    articles: list[Article] = field(default_factory=list)
    article_of: array = field(default_factory=lambda: array("I"))
    claim_ids: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    statuses: bytearray = field(default_factory=bytearray)
    kinds: list[str] = field(default_factory=list)
    starts: array = field(default_factory=lambda: array("q"))
    ends: array = field(default_factory=lambda: array("q"))
    orphaned: bytearray = field(default_factory=bytearray)
    unreadable: list[tuple[Path, str]] = field(default_factory=list)
    dismissed: int = 0
    """Claims with a speaker that the user said are not claims: left out."""

    def __len__(self) -> int:
        return len(self.claim_ids)

    def record(self, number: int) -> QuoteRecord:
        return QuoteRecord(self.article_of[number], self.claim_ids[number],
                           self.speakers[number], self.texts[number], self.statuses[number],
                           self.kinds[number], self.starts[number], self.ends[number],
                           bool(self.orphaned[number]))


def reviews_folder(root: Path) -> Path:
    return root / "reviews"


def collect(root: Path, progress: Progress | None = None) -> Collection:
    """Read every review file under ``root`` (a store folder). Raises ``StoreError`` only when
    the reviews folder itself cannot be listed."""
    folder = reviews_folder(root)
    ids = sorted(list_folder(folder).ids)
    found = Collection(root)
    shared: dict[str, str] = {}  # one string object per repeated value (speakers, kinds)
    total = len(ids)
    for done, review_id in enumerate(ids):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, total)
        path = folder / (review_id + REVIEW_SUFFIX)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            continue  # removed meanwhile (merged, set aside): not a review any more
        except OSError as error:
            found.unreadable.append((path, f"it cannot be read ({error.strerror or error})"))
            continue
        problem = _read_review(raw, review_id, found, shared)
        if problem:
            found.unreadable.append((path, problem))
    if progress is not None:
        progress(total, total)
    return found


_Row = tuple[bool, int, int, str, str, str, int, str]


def _claim_row(claim: object, shared: dict[str, str]) -> _Row | None:
    """(orphaned, start, end, claim id, speaker, words, status, kind) of a claim with a
    speaker, or None (no speaker, dismissed, or not a claim this version can read). Direct
    look-ups in a ``try``: a store holds half a million claims, nearly all well formed."""
    try:
        speaker = claim["speaker"]  # type: ignore[index]
        if type(speaker) is not str or not speaker or speaker.isspace():
            return None
        if claim["dismissed"] is True:  # type: ignore[index]
            return (False, -1, -1, "", "", "", 0, "")  # counted, not listed
        anchor = claim["anchor"]  # type: ignore[index]
        claim_id, text = claim["id"], anchor["exact"]  # type: ignore[index]
        start, end = anchor["start"], anchor["end"]
        kind = claim.get("kind")  # type: ignore[union-attr]
    except (KeyError, TypeError, AttributeError):
        return None
    if type(claim_id) is not str or type(text) is not str or type(start) is not int \
            or type(end) is not int:
        return None
    kind = shared.setdefault(kind, sys.intern(kind)) if type(kind) is str else "quote"
    return (claim.get("orphaned") is True, start, end, claim_id,  # type: ignore[union-attr]
            shared.setdefault(speaker, speaker), text,
            _STATUS_INDEX.get(claim.get("status"), 0), kind)  # type: ignore[union-attr]


def _read_review(raw: bytes, review_id: str, found: Collection,
                 shared: dict[str, str]) -> str | None:
    """Add one review's article and quotes; the reason it cannot be read, if it cannot."""
    try:
        data = json.loads(raw)
    except (UnicodeDecodeError, ValueError):
        return "it is not valid JSON (opening its article recovers it when it can be)"
    if not isinstance(data, dict):
        return "it does not hold a review"
    document = data.get("document")
    claims = data.get("claims")
    if not isinstance(document, dict) or not isinstance(claims, dict):
        return "it does not hold a review (no document or no claims)"
    found.articles.append(_article(review_id, data, document))
    article = len(found.articles) - 1
    rows = []
    for claim in claims.values():
        row = _claim_row(claim, shared)
        if row is None:
            continue
        if row[1] < 0:
            found.dismissed += 1
            continue
        rows.append(row)
    rows.sort()  # reading order: orphans last, then by place (and id on a tie)
    count = len(rows)
    if not count:
        return None
    orphaned, starts, ends, ids, speakers, texts, statuses, kinds = zip(*rows, strict=True)
    found.article_of.extend([article] * count)
    found.claim_ids.extend(ids)
    found.speakers.extend(speakers)
    found.texts.extend(texts)
    found.statuses.extend(statuses)
    found.kinds.extend(kinds)
    found.starts.extend(starts)
    found.ends.extend(ends)
    found.orphaned.extend(orphaned)
    return None


def _article(review_id: str, data: dict, document: dict) -> Article:
    metadata = document.get("metadata")
    metadata = metadata if isinstance(metadata, dict) else {}
    published = metadata.get("published")
    date, dated_by = "", "reviewed"
    if isinstance(published, str) and _ISO_DATE.match(published.strip()):
        date, dated_by = published.strip()[:10], "published"
    else:
        created = data.get("created")
        if isinstance(created, str) and _ISO_DATE.match(created):
            date = created[:10]
    title = document.get("title")
    if not isinstance(title, str) or not title.strip():
        title = metadata.get("title") if isinstance(metadata.get("title"), str) else ""
    path = document.get("source_path")
    sha = document.get("sha256")
    url = document.get("url")
    site = metadata.get("site")
    return Article(review_id, " ".join(str(title or "").split()),
                   path if isinstance(path, str) else None, sha if isinstance(sha, str) else "",
                   date, dated_by, url if isinstance(url, str) else "",
                   site if isinstance(site, str) else "")


def article_label(article: Article) -> str:
    """How a list names an article: its title, else its file's name."""
    if article.title:
        return article.title
    if article.path:
        return os.path.basename(article.path)
    return "Untitled article"
