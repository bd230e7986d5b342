"""Exports of a review: reports for people (Markdown, printable HTML) and data for tools (CSV,
W3C Web Annotation, schema.org ClaimReview). Each format is one module with a pure
``render_*(review) -> str``; ``FORMATS`` maps the command line's names to them."""

from __future__ import annotations

from collections.abc import Callable

from reader.config import Reviewer
from reader.store.model import Review

Renderer = Callable[..., str]


def _formats() -> dict[str, tuple[Renderer, str]]:
    from reader.export.claim_review import render_claim_reviews
    from reader.export.csv_table import render_csv
    from reader.export.html_report import render_html
    from reader.export.markdown_report import render_markdown
    from reader.export.web_annotation import render_web_annotations

    return {
        "md": (render_markdown, ".md"),
        "html": (render_html, ".html"),
        "csv": (render_csv, ".csv"),
        "jsonld": (render_web_annotations, ".jsonld"),
        "claimreview": (render_claim_reviews, ".claimreview.jsonld"),
    }


FORMAT_NAMES = ("md", "html", "csv", "jsonld", "claimreview")


# Formats that name who published them: their renderer takes the reviewer too.
SIGNED_FORMATS = ("claimreview",)


def render(review: Review, format_name: str, reviewer: Reviewer | None = None) -> str:
    """The review in ``format_name`` (one of ``FORMAT_NAMES``). ``claimreview`` raises
    ``claim_review.NotPublishable`` without the article's URL or the reviewer's name."""
    renderer = _formats()[format_name][0]
    if format_name in SIGNED_FORMATS:
        return renderer(review, reviewer or Reviewer())
    return renderer(review)


def suffix(format_name: str) -> str:
    return _formats()[format_name][1]
