"""The review as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/): an
AnnotationCollection with one annotation per claim, motivation "assessing", targeting the
document with both a TextQuoteSelector and a TextPositionSelector, the status and note in the
body, sources as linking bodies. Another annotation tool can re-anchor them on the same text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.export.json_ld import dumps_json_ld
from reader.export.labels import attention, flags
from reader.store.model import Review, ReviewClaim

CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def document_iri(review: Review) -> str:
    """The target document: its web address when known, else its file URI, else its content
    hash as a URN."""
    if review.document.url:
        return review.document.url
    path = review.document.source_path
    if path and Path(path).is_absolute():
        return Path(path).as_uri()
    return f"urn:sha256:{review.document.sha256}"


def _bodies(claim: ReviewClaim) -> list[dict[str, Any]]:
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "assessing", "value": claim.status,
         "format": "text/plain"},
    ]
    if claim.note:
        bodies.append({"type": "TextualBody", "purpose": "commenting", "value": claim.note,
                       "format": "text/plain"})
    for flag in flags(claim):  # the verdict needs re-checking, or is in conflict
        bodies.append({"type": "TextualBody", "purpose": "tagging", "value": flag,
                       "format": "text/plain"})
    for line in attention(claim):
        bodies.append({"type": "TextualBody", "purpose": "describing", "value": line,
                       "format": "text/plain"})
    if claim.speaker:
        bodies.append({"type": "TextualBody", "purpose": "describing",
                       "value": f"speaker: {claim.speaker}", "format": "text/plain"})
    for source in claim.sources:
        if source.url.lower().startswith(("http://", "https://")):
            bodies.append({"type": "SpecificResource", "purpose": "linking",
                           "source": source.url})
        else:
            # Anything else (a citation, or an address such as javascript:) stays text, so a
            # tool that shows this annotation never turns it into a link.
            bodies.append({"type": "TextualBody", "purpose": "linking",
                           "value": source.url or source.citation or source.title,
                           "format": "text/plain"})
    return bodies


def annotator(claim: ReviewClaim) -> str:
    """Who made the annotation: whoever saved its status, else its note, its sources or its
    dismissal (never someone whose value lost a merge, nor an entry the app wrote)."""
    for name in ("status", "note", "sources", "dismissed"):
        decided = claim.decided_by(name) if claim.history else None
        if decided is not None and decided.reviewer:
            return decided.reviewer
    return ""


def annotation(review: Review, claim: ReviewClaim) -> dict[str, Any]:
    anchor = claim.anchor
    reviewer = annotator(claim)
    item: dict[str, Any] = {
        "id": f"urn:claim-reader:{review.review_id}:{claim.id}",
        "type": "Annotation",
        "motivation": "assessing",
        "created": claim.created,
        "modified": claim.updated,
        "body": _bodies(claim),
        "target": {
            "source": document_iri(review),
            "selector": [
                {"type": "TextQuoteSelector", "exact": anchor.exact, "prefix": anchor.prefix,
                 "suffix": anchor.suffix},
                {"type": "TextPositionSelector", "start": anchor.start, "end": anchor.end},
            ],
        },
    }
    if reviewer:
        item["creator"] = {"type": "Person", "name": reviewer}
    return item


def web_annotations(review: Review) -> dict[str, Any]:
    items = [annotation(review, claim) for claim in review.ordered_claims()
             if not claim.dismissed]
    return {
        "@context": CONTEXT,
        "id": f"urn:claim-reader:{review.review_id}",
        "type": "AnnotationCollection",
        "label": f"Review of {review.document.title}",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def render_web_annotations(review: Review) -> str:
    return dumps_json_ld(web_annotations(review))
