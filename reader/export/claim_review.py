"""The review as schema.org ClaimReview JSON-LD (https://schema.org/ClaimReview), the markup
fact-checking sites publish: one ClaimReview per tagged claim (unreviewed and dismissed claims
are left out), the status as the rating's ``alternateName``, the speaker as the claim's author.

A verdict that is not settled (in conflict, or given on words that have changed since) is not
published: such claims are left out (``unsettled``) and the caller says so (``withheld_note``).

A ClaimReview is meant to be published, so it is only written when it can be: the article's
web address (``itemReviewed.appearance.url``: a saved page's canonical link, or given by the
reviewer) and the reviewer's name (``author``: from Preferences, ``--author`` or the settings
file; never the login name) must be known. Otherwise ``NotPublishable`` says what is missing,
rather than a file that looks publishable and points at ``file:///home/...`` or at ``root``."""

from __future__ import annotations

from typing import Any

from reader.config import Reviewer
from reader.export.json_ld import dumps_json_ld
from reader.export.labels import STATUS_LABELS, flags
from reader.store.model import Review, ReviewClaim

MISSING_URL = "the article's web address"
MISSING_NAME = "the reviewer's name"


class NotPublishable(ValueError):
    """What a ClaimReview lacks to be published; ``missing`` holds MISSING_* phrases."""

    def __init__(self, missing: list[str]) -> None:
        super().__init__(" and ".join(missing))
        self.missing = missing


def missing_for_publication(review: Review, reviewer: Reviewer) -> list[str]:
    missing = []
    if not review.document.url:
        missing.append(MISSING_URL)
    if not reviewer.name.strip():
        missing.append(MISSING_NAME)
    return missing


def author(reviewer: Reviewer) -> dict[str, Any]:
    person: dict[str, Any] = {"@type": "Person", "name": reviewer.name.strip()}
    if reviewer.organisation.strip():
        person["affiliation"] = {"@type": "Organization", "name": reviewer.organisation.strip()}
    return person


def _people(names: str) -> dict[str, Any] | list[dict[str, Any]]:
    people = [{"@type": "Person", "name": name.strip()} for name in names.split(", ")
              if name.strip()]
    return people[0] if len(people) == 1 else people


def claim_review(review: Review, claim: ReviewClaim, reviewer: Reviewer) -> dict[str, Any]:
    """One ClaimReview. The article is the claim's ``appearance`` (its address, headline,
    byline, publication date and site, as far as known); the claim's author is the speaker,
    or the article's author for a claim the article makes itself; the claim was made when
    the article was published."""
    metadata = review.document.metadata
    appearance: dict[str, Any] = {"@type": "CreativeWork", "url": review.document.url}
    if review.document.title:
        appearance["headline"] = review.document.title
    if metadata.get("author"):
        appearance["author"] = _people(metadata["author"])
    if metadata.get("published"):
        appearance["datePublished"] = metadata["published"]
    if metadata.get("site"):
        appearance["publisher"] = {"@type": "Organization", "name": metadata["site"]}
    item_reviewed: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if claim.speaker:
        item_reviewed["author"] = {"@type": "Person", "name": claim.speaker}
    elif metadata.get("author"):
        item_reviewed["author"] = _people(metadata["author"])
    if metadata.get("published"):
        item_reviewed["datePublished"] = metadata["published"]
    rating: dict[str, Any] = {"@type": "Rating",
                              "alternateName": STATUS_LABELS.get(claim.status, claim.status)}
    if claim.note:
        rating["ratingExplanation"] = claim.note
    data: dict[str, Any] = {
        "@type": "ClaimReview",
        "@id": f"urn:claim-reader:{review.review_id}:{claim.id}",
        "claimReviewed": claim.text,
        "datePublished": claim.updated[:10],
        "reviewRating": rating,
        "itemReviewed": item_reviewed,
        "author": author(reviewer),
    }
    if reviewer.organisation.strip():
        data["publisher"] = {"@type": "Organization", "name": reviewer.organisation.strip()}
    if claim.note:
        data["reviewBody"] = claim.note
    citations = [s.url or s.citation for s in claim.sources if s.url or s.citation]
    if citations:
        data["citation"] = citations
    return data


def _tagged(review: Review) -> list[ReviewClaim]:
    return [claim for claim in review.ordered_claims()
            if claim.status != "unreviewed" and not claim.dismissed]


def unsettled(review: Review) -> list[tuple[ReviewClaim, list[str]]]:
    """The tagged claims whose verdict must not be published yet, each with why ("in
    conflict", "needs re-check")."""
    return [(claim, flags(claim)) for claim in _tagged(review) if flags(claim)]


def withheld_note(review: Review) -> str | None:
    """What to tell whoever exports a ClaimReview about the verdicts left out of it."""
    left_out = unsettled(review)
    if not left_out:
        return None
    listed = "; ".join(f"{claim.id} ({', '.join(why)})" for claim, why in left_out[:5])
    if len(left_out) > 5:
        listed += f"; and {len(left_out) - 5} more"
    count = len(left_out)
    return (f"{count} tagged claim{'' if count == 1 else 's'} {'is' if count == 1 else 'are'} "
            f"left out of the ClaimReview until {'its' if count == 1 else 'their'} verdict is "
            f"settled: {listed}. Pick a value for a conflict, confirm or change a verdict to "
            "re-check, then export again.")


def claim_reviews(review: Review, reviewer: Reviewer) -> dict[str, Any]:
    missing = missing_for_publication(review, reviewer)
    if missing:
        raise NotPublishable(missing)
    graph = [claim_review(review, claim, reviewer) for claim in _tagged(review)
             if not flags(claim)]
    return {"@context": "https://schema.org", "@graph": graph}


def render_claim_reviews(review: Review, reviewer: Reviewer | None = None) -> str:
    """The JSON-LD text; raises ``NotPublishable`` when the address or the name is missing."""
    return dumps_json_ld(claim_reviews(review, reviewer or Reviewer()))
