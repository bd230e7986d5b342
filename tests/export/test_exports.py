"""Each export format: content, escaping, and (for the JSON-LD ones) the shape other tools
expect, checked against JSON Schemas written from the W3C and schema.org definitions."""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser

import fastjsonschema
import pytest
from export_builders import TEXT
from hypothesis import given, settings
from hypothesis import strategies as st
from schema_org import CLAIM_REVIEW, CLAIM_REVIEW_DOCUMENT

from reader.config import Reviewer
from reader.export import FORMAT_NAMES, render
from reader.export.claim_review import MISSING_NAME, MISSING_URL, NotPublishable, claim_reviews
from reader.export.csv_table import COLUMNS, neutralise, render_csv
from reader.export.html_report import render_html
from reader.export.markdown_report import render_markdown
from reader.export.web_annotation import web_annotations

# Markdown --------------------------------------------------------------------------------------


def test_markdown_lists_every_kept_claim_with_its_verdict(review):
    md = render_markdown(review)
    assert md.startswith("# Review: Port traffic \\<up\\> \\& rising\n")
    assert md.endswith("\n") and not md.endswith("\n\n")
    for label in ("Verified", "Disputed", "Unverifiable", "Unreviewed"):
        assert re.search(rf"^### \d+\. {label}", md, re.MULTILINE), label
    assert "not found in the current text" in md  # the orphan
    assert "during the briefing" not in md  # dismissed
    assert "Lea Brandt" in md and "Port Authority" in md and "supports" in md
    assert "<script>" not in md and "<b>" not in md
    assert "4 of 5 claims reviewed" in md.replace("\\", "")  # dismissed, orphan apart


def test_markdown_renders_hostile_ids_and_entities_as_the_text_they_are(review):
    from dataclasses import replace

    from markdown_it import MarkdownIt

    hostile_id = "x` <img src=x onerror=alert(1)> ``y"
    claim = replace(review.claims["q1"], id=hostile_id, note="AT&amp;T said &lt;b&gt;")
    html = MarkdownIt("commonmark").render(
        render_markdown(replace(review, claims={hostile_id: claim})))
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "AT&amp;amp;T said &amp;lt;b&amp;gt;" in html  # shown as written, not decoded


# HTML -------------------------------------------------------------------------------------------


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.article_text: list[str] = []
        self.depth = 0
        self.in_article = False
        self.in_verdict = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "div" and dict(attrs).get("class") == "article":
            self.in_article = True
        if tag == "span" and dict(attrs).get("class") == "verdict":
            self.in_verdict = True

    def handle_endtag(self, tag):
        if tag == "div":
            self.in_article = False
        if tag == "span":
            self.in_verdict = False

    def handle_data(self, data):
        if self.in_article and not self.in_verdict:
            self.article_text.append(data)


def test_html_is_standalone_escaped_and_shows_the_article(review):
    page = render_html(review)
    parsed = _Collector()
    parsed.feed(page)
    tags = [tag for tag, _ in parsed.tags]
    assert "script" not in tags and "link" not in tags and "img" not in tags
    assert "iframe" not in tags and "object" not in tags
    assert not re.search(r"url\(|@import|src=", page)
    csp = [a for t, a in parsed.tags if t == "meta" and a.get("http-equiv")]
    assert csp and "default-src 'none'" in csp[0]["content"]
    # The article's words are all there, in order, escaped (the parser un-escapes them).
    shown = "".join(parsed.article_text).replace("\n", "")
    expected = "".join(TEXT.split("\n"))
    assert shown.replace(" ", "") == expected.replace(" ", "")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    marks = [a["class"] for t, a in parsed.tags if t == "mark"]
    assert {"verified", "disputed", "unverifiable", "unreviewed"} <= set(marks)
    links = [a["href"] for t, a in parsed.tags if t == "a"]
    assert links == ["https://port.example/report"]  # javascript: is shown, never linked
    assert "@media print" in page


# CSV --------------------------------------------------------------------------------------------


def test_csv_one_row_per_claim_and_formulas_neutralised(review):
    rows = list(csv.reader(io.StringIO(render_csv(review))))
    assert tuple(rows[0]) == COLUMNS
    body = {row[0]: dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]}
    assert set(body) == set(review.claims)
    assert body["f1"]["note"] == "'=HYPERLINK(\"http://x\")"
    assert body["q2"]["text"] == "the new quay cost -3 million"  # only a leading sign counts
    assert body["q2"]["note"].startswith("'-3 is odd")
    assert body["m1"]["text"] == "'=SUM(A1:A9)" and body["m1"]["note"] == "'@mention\tand tab"
    assert body["o1"]["note"] == "'+lost" and body["o1"]["orphaned"] == "yes"
    assert body["d1"]["dismissed"] == "yes"
    assert body["q1"]["reviewer"] == "rita" and "Annual report" in body["q1"]["sources"]
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


# W3C Web Annotation ------------------------------------------------------------------------------

SELECTORS = {
    "type": "array", "minItems": 2,
    "items": {"oneOf": [
        {"type": "object", "required": ["type", "exact"],
         "properties": {"type": {"const": "TextQuoteSelector"}, "exact": {"type": "string"},
                        "prefix": {"type": "string"}, "suffix": {"type": "string"}}},
        {"type": "object", "required": ["type", "start", "end"],
         "properties": {"type": {"const": "TextPositionSelector"},
                        "start": {"type": "integer", "minimum": 0},
                        "end": {"type": "integer", "minimum": 0}}},
    ]},
}
ANNOTATION = {
    "type": "object",
    "required": ["id", "type", "motivation", "body", "target"],
    "properties": {
        "id": {"type": "string", "format": "uri"},
        "type": {"const": "Annotation"},
        "motivation": {"const": "assessing"},
        "created": {"type": "string"},
        "body": {"type": "array", "minItems": 1, "items": {
            "type": "object", "required": ["type", "purpose"],
            "properties": {"type": {"enum": ["TextualBody", "SpecificResource"]},
                           "purpose": {"enum": ["assessing", "commenting", "describing",
                                                "linking"]}},
            "if": {"properties": {"type": {"const": "TextualBody"}}},
            "then": {"required": ["value"]}, "else": {"required": ["source"]}}},
        "target": {"type": "object", "required": ["source", "selector"],
                   "properties": {"source": {"type": "string"}, "selector": SELECTORS}},
    },
}
COLLECTION = {
    "type": "object",
    "required": ["@context", "type", "total", "first"],
    "properties": {
        "@context": {"const": "http://www.w3.org/ns/anno.jsonld"},
        "type": {"const": "AnnotationCollection"},
        "total": {"type": "integer"},
        "first": {"type": "object", "required": ["type", "items"],
                  "properties": {"type": {"const": "AnnotationPage"},
                                 "items": {"type": "array", "items": ANNOTATION}}},
    },
}


def test_web_annotation_shape_and_selectors(review):
    data = web_annotations(review)
    fastjsonschema.compile(COLLECTION)(data)
    items = data["first"]["items"]
    assert data["total"] == len(items) == 6  # the dismissed claim is left out
    for item in items:
        claim = review.claims[item["id"].rsplit(":", 1)[1]]
        quote, position = item["target"]["selector"]
        assert TEXT[position["start"] : position["end"]] == quote["exact"] == claim.text
        assert TEXT[: position["start"]].endswith(quote["prefix"])
        assert TEXT[position["end"] :].startswith(quote["suffix"])
        assessing = [b for b in item["body"] if b["purpose"] == "assessing"]
        assert [b["value"] for b in assessing] == [claim.status]
        notes = [b["value"] for b in item["body"] if b["purpose"] == "commenting"]
        assert notes == ([claim.note] if claim.note else [])
    assert items[0]["target"]["source"] == "file:///articles/port.txt"
    json.loads(render(review, "jsonld"))


# schema.org ClaimReview -----------------------------------------------------------------------

PUBLISHER = Reviewer("Rita Alves", "Harbour Post fact-check desk")
ARTICLE_URL = "https://harbour-post.example/2026/02/port-traffic"


def _published(review):
    from dataclasses import replace

    return replace(review, document=replace(review.document, url=ARTICLE_URL))


def test_claim_review_has_schema_orgs_shape_and_only_tagged_claims(review):
    data = claim_reviews(_published(review), PUBLISHER)
    fastjsonschema.compile(CLAIM_REVIEW_DOCUMENT)(data)
    by_text = {item["claimReviewed"]: item for item in data["@graph"]}
    assert set(by_text) == {"traffic rose by 12% in 2025", "12%",
                            "the new quay cost -3 million", "=SUM(A1:A9)"}
    first = by_text["traffic rose by 12% in 2025"]
    assert first["reviewRating"]["alternateName"] == "Verified"
    assert first["itemReviewed"]["author"]["name"] == "Lea Brandt"
    assert first["itemReviewed"]["appearance"]["url"] == ARTICLE_URL
    assert first["author"] == {"@type": "Person", "name": "Rita Alves", "affiliation": {
        "@type": "Organization", "name": "Harbour Post fact-check desk"}}
    assert first["publisher"]["name"] == "Harbour Post fact-check desk"
    assert "author" not in by_text["12%"]["itemReviewed"]  # no speaker known
    assert "rita" not in json.dumps(data)  # the history's login-like name is never published


def test_claim_review_needs_an_address_and_a_name(review):
    assert review.document.url == ""
    with pytest.raises(NotPublishable) as caught:
        claim_reviews(review, PUBLISHER)
    assert caught.value.missing == [MISSING_URL]
    with pytest.raises(NotPublishable) as caught:
        render(_published(review), "claimreview", Reviewer("", "A desk"))
    assert caught.value.missing == [MISSING_NAME]
    with pytest.raises(NotPublishable) as caught:
        render(review, "claimreview")
    assert caught.value.missing == [MISSING_URL, MISSING_NAME]
    # The schema itself refuses what the export used to write.
    old = claim_reviews(_published(review), PUBLISHER)["@graph"][0]
    old["itemReviewed"]["appearance"]["url"] = "file:///articles/port.txt"
    del old["author"]
    with pytest.raises(fastjsonschema.JsonSchemaException):
        fastjsonschema.compile(CLAIM_REVIEW)(old)


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_every_format_renders_an_empty_review(review, name):
    from dataclasses import replace

    empty = replace(_published(review), claims={})
    assert render(empty, name, PUBLISHER).endswith("\n")


def test_html_innermost_claim_gives_the_colour(review):
    page = render_html(review)
    # "12%" (disputed) sits inside the verified quote: it is marked disputed, the rest verified.
    assert '<mark class="disputed">12%</mark>' in page
    assert '<mark class="verified">traffic rose by </mark>' in page


def test_reports_show_times_as_people_write_them() -> None:
    from reader.export.labels import readable_time

    assert readable_time("2026-11-26T00:58:38.474154Z") == "26 November 2026, 00:58 UTC"
    assert readable_time("2026-03-05T09:07:00.000000Z") == "5 March 2026, 09:07 UTC"
    assert readable_time("not a time") == "not a time"


@pytest.mark.parametrize("cell", [" =1+1", "  +A1", "\t=cmd|' /C calc'!A0", "\n=1", "\r@SUM(1)",
                                  "\u00a0-2+3", "\u3000=HYPERLINK(\"x\")"])
def test_csv_formula_after_leading_whitespace_is_neutralised(cell):
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["plain words", "a=b", "12%", "2026", " 12", "", "'quoted"])
def test_csv_text_and_numbers_that_are_not_formulas_are_left_alone(cell):
    assert neutralise(cell) == cell


@pytest.mark.parametrize("name", ["jsonld", "claimreview"])
def test_json_ld_can_be_pasted_into_a_script_element(review, name):
    from dataclasses import replace

    hostile = "</script><script>alert(1)</script> & \u2028"
    claims = {cid: replace(claim, note=hostile, speaker=hostile)
              for cid, claim in review.claims.items()}
    text = render(replace(_published(review), claims=claims), name, PUBLISHER)
    assert not any(character in text for character in "<>&\u2028")
    assert hostile in json.dumps(json.loads(text), ensure_ascii=False)  # same strings decoded


def test_web_annotation_links_only_web_addresses(review):
    items = web_annotations(review)["first"]["items"]
    linked = [body["source"] for item in items for body in item["body"]
              if body["type"] == "SpecificResource"]
    assert linked == ["https://port.example/report"]
    texts = [body["value"] for item in items for body in item["body"]
             if body["purpose"] == "linking" and body["type"] == "TextualBody"]
    assert "javascript:alert(1)" in texts  # kept, as text


_MARKDOWN_ALPHABET = "ab 1.-+#>*_`[]()<>&!|~\\=:;/\"'\n\t€😀"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_MARKDOWN_ALPHABET, max_size=40))
def test_markdown_escape_keeps_any_text_literal(text: str) -> None:
    """Whatever an article or a note holds, the report shows it as words, never as markup."""
    from markdown_it import MarkdownIt

    from reader.export.markdown_report import escape

    for prefix in ("> ", "- Note: ", "# Review: "):
        tokens = MarkdownIt("commonmark").parse(prefix + escape(text))
        inline = [t for t in tokens if t.type == "inline"]
        shown = "".join(child.content for t in inline for child in t.children or []
                        if child.type in ("text", "text_special"))
        kinds = {child.type for t in inline for child in t.children or []}
        assert kinds <= {"text", "text_special"}, (text, kinds)
        label = prefix.lstrip("#>- ")
        assert shown.strip() == (label + " ".join(text.split())).strip(), (prefix, text)


def test_markdown_report_reads_well_as_plain_text() -> None:
    from reader.export.markdown_report import escape

    assert escape("It will cost €1.2 billion (2024-25).") == "It will cost €1.2 billion (2024-25)."
    assert escape("- not a list") == "\\- not a list"
    assert escape("12. not a list") == "12\\. not a list"
    assert escape("a *b* [c](d) <e> & f") == "a \\*b\\* \\[c\\](d) \\<e\\> \\& f"


def test_html_report_keeps_the_article_headings_and_a_clean_meta_line() -> None:
    from reader.analysis.model import Analysis, Claim
    from reader.document.model import Document
    from reader.store import ReviewStore

    text = ("Harbour report\n\nThe council voted 31 to 9.\n\n"
            "What happens next\n\nWork starts in spring.\n")
    start = text.index("The council")
    claim = Claim("c1", "figure", start, start + len("The council voted 31 to 9."),
                  "The council voted 31 to 9.")
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        review = ReviewStore(folder).open_review(
            Document.from_plain_text(text, title="Harbour report"),
            analysis=Analysis(claims=(claim,))).review
    html = render_html(review)
    assert "<h3>What happens next</h3>" in html
    assert '<p class="meta">updated ' in html  # no dangling separator without a file
