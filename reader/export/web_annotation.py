"""The review as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/): an
AnnotationCollection with one annotation per claim, motivation "assessing", targeting the
document with both a TextQuoteSelector and a TextPositionSelector, the status and note in the
body, sources as linking bodies. Another annotation tool can re-anchor them on the same text.

A quote's passage in a source document is a linking body of its own: a SpecificResource whose
source is the document (its web address, file URI or content hash) and whose selectors are
the passage's TextQuoteSelector and TextPositionSelector in the document's text, so a tool that
has the transcript can open it at the passage; a describing body says what was found
("Near match in …: 89% of words the same; changed “not” to “never”", or "Not found in …")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.evidence.descriptions import claim_evidence, evidence_line, passage_of
from reader.evidence.descriptions import document_iri as source_iri
from reader.export.json_ld import dumps_json_ld
from reader.export.labels import attention, flags
from reader.store.model import CONTEXT_CHARS, Review, ReviewClaim

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


def _evidence_bodies(review: Review, claim: ReviewClaim) -> list[dict[str, Any]]:
    """Where the quote was found in each source document: what was found, in words, and the
    passage itself as a selection of the source's text."""
    bodies: list[dict[str, Any]] = []
    for item, document in claim_evidence(review, claim):
        bodies.append({"type": "TextualBody", "purpose": "describing",
                       "value": evidence_line(item, document, claim), "format": "text/plain"})
        found = passage_of(item, document)
        if found is None:
            continue
        start, end, exact = found
        text = document.text
        bodies.append({
            "type": "SpecificResource", "purpose": "linking", "source": source_iri(document),
            "selector": [
                {"type": "TextQuoteSelector", "exact": exact,
                 "prefix": text[max(0, start - CONTEXT_CHARS):start],
                 "suffix": text[end:end + CONTEXT_CHARS]},
                {"type": "TextPositionSelector", "start": start, "end": end},
            ]})
    return bodies


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
        "body": [*_bodies(claim), *_evidence_bodies(review, claim)],
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
