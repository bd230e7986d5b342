"""The review as schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview), the markup
fact-checking sites publish: one ClaimReview per tagged claim (unreviewed and dismissed claims
are left out), the status as the rating's ``alternateName``, the speaker as the claim's author."""

from __future__ import annotations

from typing import Any

from reader.export.json_ld import dumps_json_ld
from reader.export.labels import STATUS_LABELS, flags
from reader.export.web_annotation import document_iri
from reader.store.model import Review, ReviewClaim


def claim_review(review: Review, claim: ReviewClaim) -> dict[str, Any]:
    reviewer = next((h.reviewer for h in reversed(claim.history)
                     if h.event == "status" and h.reviewer), "")
    item_reviewed: dict[str, Any] = {
        "@type": "Claim",
        "appearance": {"@type": "CreativeWork", "name": review.document.title,
                       "url": document_iri(review)},
    }
    if claim.speaker:
        item_reviewed["author"] = {"@type": "Person", "name": claim.speaker}
    # A verdict to re-check or in conflict says so in its rating name: never published as final.
    rating: dict[str, Any] = {"@type": "Rating",
                              "alternateName": STATUS_LABELS.get(claim.status, claim.status)
                              + "".join(f" ({flag})" for flag in flags(claim))}
    if claim.note:
        rating["ratingExplanation"] = claim.note
    data: dict[str, Any] = {
        "@type": "ClaimReview",
        "@id": f"urn:claim-reader:{review.review_id}:{claim.id}",
        "claimReviewed": claim.text,
        "datePublished": claim.updated[:10],
        "reviewRating": rating,
        "itemReviewed": item_reviewed,
    }
    if reviewer:
        data["author"] = {"@type": "Person", "name": reviewer}
    if claim.note:
        data["reviewBody"] = claim.note
    citations = [s.url or s.citation for s in claim.sources if s.url or s.citation]
    if citations:
        data["citation"] = citations
    return data


def claim_reviews(review: Review) -> dict[str, Any]:
    graph = [claim_review(review, claim) for claim in review.ordered_claims()
             if claim.status != "unreviewed" and not claim.dismissed]
    return {"@context": "https://schema.org", "@graph": graph}


def render_claim_reviews(review: Review) -> str:
    return dumps_json_ld(claim_reviews(review))
