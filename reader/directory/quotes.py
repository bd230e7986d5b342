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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reader.store.index import REVIEW_ID, REVIEW_SUFFIX, list_folder

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
    the files that could not be read, with why."""

    root: Path
    articles: list[Article] = field(default_factory=list)
    quotes: list[QuoteRecord] = field(default_factory=list)
    unreadable: list[tuple[Path, str]] = field(default_factory=list)
    dismissed: int = 0
    """Claims with a speaker that the user said are not claims: left out."""


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
    records: list[QuoteRecord] = []
    for claim in claims.values():
        if not isinstance(claim, dict):
            continue
        speaker = claim.get("speaker")
        if not isinstance(speaker, str) or not speaker.strip():
            continue
        if claim.get("dismissed") is True:
            found.dismissed += 1
            continue
        anchor = claim.get("anchor")
        claim_id = claim.get("id")
        if not isinstance(anchor, dict) or not isinstance(claim_id, str):
            continue
        text = anchor.get("exact")
        start, end = anchor.get("start"), anchor.get("end")
        if not isinstance(text, str) or not isinstance(start, int) or not isinstance(end, int):
            continue
        kind = claim.get("kind")
        kind = kind if isinstance(kind, str) else "quote"
        records.append(QuoteRecord(
            article, claim_id, shared.setdefault(speaker, speaker), text,
            _STATUS_INDEX.get(claim.get("status"), 0), shared.setdefault(kind, sys.intern(kind)),
            start, end, claim.get("orphaned") is True))
    records.sort(key=lambda q: (q.orphaned, q.start, q.end, q.claim_id))
    found.quotes.extend(records)
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


def is_review_id(text: str) -> bool:
    return REVIEW_ID.fullmatch(text) is not None


def article_label(article: Article) -> str:
    """How a list names an article: its title, else its file's name."""
    if article.title:
        return article.title
    if article.path:
        return os.path.basename(article.path)
    return "Untitled article"
