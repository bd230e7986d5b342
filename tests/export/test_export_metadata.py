"""The article's byline, date, site and address in the reports and the ClaimReview."""

from __future__ import annotations

from dataclasses import replace

import fastjsonschema
from schema_org import CLAIM_REVIEW_DOCUMENT

from reader.config import Reviewer
from reader.export.claim_review import claim_reviews
from reader.export.html_report import render_html
from reader.export.markdown_report import render_markdown

URL = "https://port.example/news/traffic"
META = {"title": "Port traffic up", "author": "Mara Quill, Tom Brae",
        "published": "2026-03-02T07:15:00+00:00", "site": "Harbour News"}
PUBLISHER = Reviewer("Rita Alves", "Harbour Post fact-check desk")


def _with_metadata(review, metadata=META):
    return replace(review, document=replace(review.document, url=URL, metadata=metadata))


def test_the_reports_show_the_byline_and_address_under_the_title(review):
    markdown = render_markdown(_with_metadata(review))
    lines = markdown.splitlines()
    assert lines[2] == ("- Article: By Mara Quill, Tom Brae · Harbour News · "
                        "2 March 2026, 07:15 UTC")
    assert lines[3] == f"- Web address: <{URL}>"
    html = render_html(_with_metadata(review))
    assert html.index("<h1>") < html.index("By Mara Quill, Tom Brae · Harbour News") \
        < html.index("<h2>Article</h2>")
    assert f'<p class="byline">{URL}</p>' in html


def test_reports_without_metadata_have_no_empty_lines(review):
    assert "Article:" not in render_markdown(review)
    assert "byline" not in render_html(review).split("</style>")[1]


def test_claim_review_names_the_article_s_authors_date_and_site(review):
    data = claim_reviews(_with_metadata(review), PUBLISHER)
    fastjsonschema.compile(CLAIM_REVIEW_DOCUMENT)(data)
    by_text = {item["claimReviewed"]: item for item in data["@graph"]}
    quoted = by_text["traffic rose by 12% in 2025"]["itemReviewed"]
    assert quoted["author"] == {"@type": "Person", "name": "Lea Brandt"}  # the speaker
    assert quoted["datePublished"] == "2026-03-02T07:15:00+00:00"
    assert quoted["appearance"] == {
        "@type": "CreativeWork", "url": URL, "headline": review.document.title,
        "author": [{"@type": "Person", "name": "Mara Quill"},
                   {"@type": "Person", "name": "Tom Brae"}],
        "datePublished": "2026-03-02T07:15:00+00:00",
        "publisher": {"@type": "Organization", "name": "Harbour News"},
    }
    # A claim the article makes itself (no speaker) is its authors'.
    assert by_text["12%"]["itemReviewed"]["author"][0]["name"] == "Mara Quill"


def test_claim_review_without_metadata_names_only_the_address(review):
    data = claim_reviews(_with_metadata(review, {}), PUBLISHER)
    fastjsonschema.compile(CLAIM_REVIEW_DOCUMENT)(data)
    item = data["@graph"][0]["itemReviewed"]
    assert "datePublished" not in item
    assert set(item["appearance"]) == {"@type", "url", "headline"}
