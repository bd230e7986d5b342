"""What the claim memory keeps of one review: the article's title, address, site and date, and
each claim's words, speaker, status, note and sources. Plain data, built from a ``Review`` the
store read, so the index never reads a review file its own way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from reader.memory.words import tokens
from reader.store.model import Review, ReviewClaim, Source

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """The article a review is of. ``day`` is the date searches filter on: the article's
    publication date when the file said it (``document.metadata["published"]``), else the day
    the review was started. ``site`` is the site's name when known, else the address's host."""

    review_id: str
    title: str
    path: str | None
    url: str
    site: str
    published: str
    created: str
    updated: str

    @property
    def day(self) -> str:
        return self.published or self.created[:10]


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """One claim as indexed. ``words`` are the tokens "seen before" compares (``words.tokens``),
    computed only for claims with a verdict: only those can be seen before."""

    claim_id: str
    kind: str
    status: str
    speaker: str | None
    text: str
    note: str
    sources: tuple[Source, ...]
    orphaned: bool
    position: int
    updated: str
    words: tuple[str, ...] | None

    @property
    def reviewed(self) -> bool:
        return self.words is not None

    def sources_json(self) -> str:
        return json.dumps([source.to_dict() for source in self.sources], ensure_ascii=False,
                          sort_keys=True)

    def sources_text(self) -> str:
        """What a search finds a source by: its title, publisher, citation and address."""
        return "\n".join(" ".join(part for part in (s.title, s.publisher, s.citation, s.url)
                                  if part) for s in self.sources)


def has_verdict(claim: ReviewClaim) -> bool:
    """A claim someone decided something about: a status, a note or a source."""
    return claim.status != "unreviewed" or bool(claim.note.strip()) or bool(claim.sources)


def site_of(url: str, metadata: Mapping[str, str]) -> str:
    site = metadata.get("site", "")
    if isinstance(site, str) and site.strip():
        return " ".join(site.split())
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        host = ""
    return host.removeprefix("www.")


def article_of(review: Review, review_id: str) -> ArticleRecord:
    """``review_id`` is the file's name, which is what opens the review (a file renamed by
    hand holds another id)."""
    document = review.document
    # document.metadata (title, author, published, site) comes from saved pages and front
    # matter; read with .get, as older files and older versions of the model have none.
    metadata = getattr(document, "metadata", None) or {}
    published = metadata.get("published", "") if isinstance(metadata, Mapping) else ""
    published = published[:10] if isinstance(published, str) and _ISO_DAY.match(
        published) else ""
    title = document.title or (metadata.get("title", "") if isinstance(metadata, Mapping)
                               else "")
    return ArticleRecord(review_id, title or "", document.source_path, document.url,
                         site_of(document.url, metadata if isinstance(metadata, Mapping)
                                 else {}),
                         published, review.created, review.updated)


def claim_records(review: Review) -> list[ClaimRecord]:
    """Every claim but the dismissed ones (the reviewer said they are not claims), in
    reading order."""
    records = []
    for claim in review.ordered_claims():
        if claim.dismissed:
            continue
        words = tuple(tokens(claim.text)) if has_verdict(claim) else None
        records.append(ClaimRecord(claim.id, claim.kind, claim.status, claim.speaker,
                                   claim.text, claim.note, claim.sources, claim.orphaned,
                                   claim.anchor.start, claim.updated, words))
    return records
