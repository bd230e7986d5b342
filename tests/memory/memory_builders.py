"""Review files for the claim memory's tests and benchmarks, written as the store writes them
(the model's own ``to_dict``), with claims given as plain words. Every text is original."""

from __future__ import annotations

import contextlib
import hashlib
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from reader.document.model import text_sha256
from reader.store.model import (
    Anchor,
    DocumentSnapshot,
    Review,
    ReviewClaim,
    Source,
    StatusChange,
)

T0 = "2026-03-01T09:00:00.000000Z"


@dataclass(frozen=True, slots=True)
class ClaimSpec:
    text: str
    speaker: str | None = None
    kind: str = "quote"
    status: str = "unreviewed"
    note: str = ""
    sources: tuple[Source, ...] = ()
    dismissed: bool = False
    claim_id: str | None = None


@dataclass
class ArticleSpec:
    title: str
    claims: list[ClaimSpec]
    url: str = ""
    created: str = T0
    review_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    metadata: dict[str, str] = field(default_factory=dict)


def claim_id_of(spec: ClaimSpec, number: int) -> str:
    if spec.claim_id:
        return spec.claim_id
    digest = hashlib.sha1(f"{spec.kind}\x1f{spec.text}\x1f{number}".encode()).hexdigest()
    return f"{spec.kind[0]}-{digest[:12]}"


def review_of(article: ArticleSpec) -> Review:
    text = "\n\n".join(spec.text for spec in article.claims) + "\n"
    claims: dict[str, ReviewClaim] = {}
    position = 0
    for number, spec in enumerate(article.claims):
        start = text.index(spec.text, position)
        end = start + len(spec.text)
        position = end
        history = ()
        if spec.status != "unreviewed":
            history = (StatusChange(article.created, "unreviewed", spec.status, "ann"),)
        cid = claim_id_of(spec, number)
        claims[cid] = ReviewClaim(
            id=cid, kind=spec.kind, origin="auto", anchor=Anchor.from_text(text, start, end),
            created=article.created, updated=article.created, status=spec.status,  # type: ignore[arg-type]
            note=spec.note, sources=spec.sources, dismissed=spec.dismissed,
            speaker=spec.speaker, cue="said" if spec.speaker else None, history=history)
    document = DocumentSnapshot(text, article.title, text_sha256(text), "text", None,
                                article.url)
    if article.metadata:
        # A model without article metadata (before issue 13's branch) keeps none.
        with contextlib.suppress(TypeError):
            document = DocumentSnapshot(text, article.title, text_sha256(text), "text", None,
                                        article.url, article.metadata)  # type: ignore[call-arg]
    return Review(article.review_id, document, claims, article.created, article.created)


def review_text(review: Review) -> str:
    return json.dumps(review.to_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_review(store_root: Path, article: ArticleSpec) -> Path:
    """Write the article's review into ``STORE/reviews/``; returns the file."""
    folder = store_root / "reviews"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{article.review_id}.json"
    path.write_text(review_text(review_of(article)), encoding="utf-8")
    return path
