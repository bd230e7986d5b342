"""schema.org's ClaimReview shape as a JSON Schema, for checking the export.

Each object may hold only properties schema.org defines for its ``@type`` (including those
inherited from Review, CreativeWork and Thing), so a misspelt or invented property fails; the
required ones are what schema.org's ClaimReview and the fact-check publishers' guidelines need
for a review to be shown: ``claimReviewed``, ``reviewRating`` with a textual
``alternateName``, ``itemReviewed`` (a Claim whose ``appearance`` has the article's http(s)
``url``) and an ``author`` with a name."""

from __future__ import annotations

WEB_ADDRESS = {"type": "string", "pattern": r"^https?://[^\s/]+\S*$"}
NAME = {"type": "string", "minLength": 1, "pattern": r"\S"}

ORGANIZATION = {
    "type": "object", "required": ["@type", "name"], "additionalProperties": False,
    "properties": {"@type": {"const": "Organization"}, "name": NAME, "url": WEB_ADDRESS},
}
PERSON = {
    "type": "object", "required": ["@type", "name"], "additionalProperties": False,
    "properties": {"@type": {"const": "Person"}, "name": NAME, "url": WEB_ADDRESS,
                   "affiliation": ORGANIZATION},
}
CREATIVE_WORK = {
    "type": "object", "required": ["@type", "url"], "additionalProperties": False,
    "properties": {"@type": {"enum": ["CreativeWork", "NewsArticle", "Article"]},
                   "url": WEB_ADDRESS, "headline": {"type": "string"},
                   "name": {"type": "string"}, "datePublished": {"type": "string"},
                   "author": {"anyOf": [PERSON, ORGANIZATION,
                                        {"type": "array", "items": PERSON, "minItems": 2}]},
                   "publisher": ORGANIZATION},
}
CLAIM = {
    "type": "object", "required": ["@type", "appearance"], "additionalProperties": False,
    "properties": {"@type": {"const": "Claim"}, "appearance": CREATIVE_WORK,
                   "firstAppearance": CREATIVE_WORK,
                   "author": {"anyOf": [PERSON, ORGANIZATION,
                                        {"type": "array", "items": PERSON, "minItems": 2}]},
                   "datePublished": {"type": "string"}},
}
RATING = {
    "type": "object", "required": ["@type", "alternateName"], "additionalProperties": False,
    "properties": {"@type": {"const": "Rating"}, "alternateName": NAME,
                   "ratingValue": {"type": ["number", "string"]},
                   "bestRating": {"type": ["number", "string"]},
                   "worstRating": {"type": ["number", "string"]},
                   "ratingExplanation": {"type": "string"}},
}
CLAIM_REVIEW = {
    "type": "object",
    "required": ["@type", "claimReviewed", "reviewRating", "itemReviewed", "author",
                 "datePublished"],
    "additionalProperties": False,
    "properties": {
        "@type": {"const": "ClaimReview"},
        "@id": {"type": "string"},
        "url": WEB_ADDRESS,
        "claimReviewed": NAME,
        "datePublished": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "reviewRating": RATING,
        "itemReviewed": CLAIM,
        "author": {"anyOf": [PERSON, ORGANIZATION]},
        "publisher": ORGANIZATION,
        "reviewBody": {"type": "string"},
        "citation": {"type": "array", "items": {"type": "string"}},
        "inLanguage": {"type": "string"},
    },
}
CLAIM_REVIEW_DOCUMENT = {
    "type": "object", "required": ["@context", "@graph"], "additionalProperties": False,
    "properties": {"@context": {"const": "https://schema.org"},
                   "@graph": {"type": "array", "items": CLAIM_REVIEW}},
}
