"""Where each quote was found in the source documents, in every export: the reports (Markdown,
HTML and its PDF) say per quote in which source it was found, exact or near with the article's
changes word by word, or not found; CSV has a column; Web Annotations a describing body and the
passage as a selection of the source; ClaimReview is left as schema.org defines it. A passage
of a source the user detached is in none of them, even when a copy carries it."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from reader.config import Reviewer
from reader.document.model import Document
from reader.evidence.evidence import match_claims
from reader.evidence.sources import prepare_source
from reader.export import render
from reader.export.csv_table import COLUMNS
from reader.export.web_annotation import web_annotations
from reader.store.anchoring import claim_from_analysis
from reader.store.model import DocumentSnapshot, RemovedSource, Review

sys.path.insert(0, str(Path(__file__).parents[1] / "evidence"))
from evidence_builders import ARTICLE, PRESS_RELEASE, TRANSCRIPT, quote_analyser

T0 = "2026-03-05T10:00:00.000000Z"
NEAR = "We will never raise the harbour fee this year."


def _source(text: str, title: str, path: str | None, url: str = ""):
    document = Document.from_plain_text(text, title=title, source_path=path)
    loaded = prepare_source(document, None, T0)
    return replace(loaded.document, url=url), loaded.index


def build(with_evidence: bool = True) -> Review:
    """The evidence builders' article, its quotes matched against the transcript (a file) and
    a press release (a web page whose title tries to break the reports)."""
    article = Document.from_plain_text(ARTICLE, title="Mayor keeps the harbour fee",
                                       source_path="/articles/fee.txt")
    claims = {}
    for claim in quote_analyser(article).claims:
        placed = claim_from_analysis(claim, article.text, T0)
        claims[placed.id] = replace(placed, speaker="Ines Okafor")
    snapshot = DocumentSnapshot(article.text, article.title,
                                hashlib.sha256(article.text.encode()).hexdigest(), "text",
                                "/articles/fee.txt")
    review = Review("cd" * 16, snapshot, claims, T0, T0)
    if not with_evidence:
        return review
    minutes, minutes_index = _source(TRANSCRIPT, "Council minutes", "/sources/minutes.txt")
    release, release_index = _source(PRESS_RELEASE, "<b>Release</b> & *notes*", None,
                                     "https://council.example/release")
    found = match_claims(list(claims.values()), [(minutes, minutes_index),
                                                 (release, release_index)], T0)
    claims = {key: replace(claim, evidence=found[key]) for key, claim in claims.items()}
    return replace(review, claims=claims,
                   source_documents={minutes.id: minutes, release.id: release})


@pytest.fixture
def review() -> Review:
    return build()


def near_id(review: Review) -> str:
    return next(key for key, claim in review.claims.items() if claim.text == NEAR)


def with_detached_copy(review: Review) -> Review:
    """The transcript detached, but its passages still on the claims (as a copy from
    elsewhere would carry them, before any merge has settled it): built directly, not read."""
    minutes = next(d for d in review.source_documents.values() if d.title == "Council minutes")
    return replace(review, source_documents={k: d for k, d in review.source_documents.items()
                                             if k != minutes.id},
                   removed_sources={minutes.id: RemovedSource.of(minutes, T0)})


def test_markdown_says_per_quote_where_it_was_found_word_by_word(review) -> None:
    text = render(review, "md")
    assert "## Source documents" in text
    assert "- Council minutes (minutes.txt), attached 5 March 2026, 10:00 UTC, SHA-256 `" in text
    assert r"\<b\>Release\</b\> \& \*notes\*, <https://council.example/release>" in text
    assert ("  - Near match in Council minutes (minutes.txt): 89% of words the same; changed "
            "“not” to “never”\n    - Word by word: We will ~~not~~ **never** raise the harbour "
            "fee this year") in text
    assert "  - Exact match in Council minutes (minutes.txt)\n    - Word by word: every job at " \
           "the port \\[… 6 words …\\] will be protected" in text
    assert "  - Not found in Council minutes (minutes.txt): the closest passage has" in text
    # Rendered, the marks are marks: the source's word struck through, the article's bold.
    html = MarkdownIt("commonmark").enable("strikethrough").render(text)
    assert "We will <s>not</s> <strong>never</strong> raise" in html
    assert "<b>Release</b>" not in html  # the hostile title stays text


def test_the_html_report_has_a_section_and_a_line_in_the_table(review) -> None:
    text = render(review, "html")
    assert "<h2>Source documents</h2>" in text
    assert "&lt;b&gt;Release&lt;/b&gt; &amp; *notes*" in text and "<b>Release</b>" not in text
    section = text.split("<h2>Quotes checked against the source documents</h2>")[1]
    assert "<s>Struck through</s>" in section  # the legend: never colour alone
    assert ("≈ Near match in Council minutes (minutes.txt): 89% of words the same; changed "
            "“not” to “never”<br>") in section
    assert "We will <s>not</s> <u>never</u> raise the harbour fee this year" in section
    assert "<i>[… 6 words …]</i>" in section
    assert "∅ Not found in" in section
    table = text.split("<tbody>")[1].split("</tbody>")[0]
    assert ("<i>In the source documents:</i> near 89% in minutes.txt (changed “not” to "
            "“never”); ") in table


def test_the_pdf_report_prints_the_passages_readably(qapp, review, tmp_path) -> None:
    sys.path.insert(0, str(Path(__file__).parent))
    from pdf_reading import content_errors, plain_text, text_runs

    from reader.ui.pdf_report import write_review_pdf

    pdf = tmp_path / "report.pdf"
    write_review_pdf(review, pdf)
    assert content_errors(pdf) == []
    shown = plain_text(pdf)
    assert "Quotes checked against the source documents" in shown
    assert "Word by word: We will not never raise the harbour fee this year" in shown
    assert "Near match in Council minutes (minutes.txt): 89% of words the same" in shown
    runs = text_runs(pdf)
    passage = [size for text, size in runs if "raise the harbour fee" in text]
    assert passage and min(passage) >= 11.5  # the passage at the body's 12 pt
    assert min(size for _, size in runs) >= 9.0


def test_csv_has_an_evidence_column(review) -> None:
    rows = list(csv.reader(io.StringIO(render(review, "csv"))))
    assert rows[0] == list(COLUMNS) and COLUMNS[-1] == "evidence"
    cells = {row[0]: dict(zip(COLUMNS, row, strict=True)) for row in rows[1:]}
    assert cells[near_id(review)]["evidence"] == (
        "near 89% in minutes.txt (changed “not” to “never”) | not found in <b>Release</b> & "
        "*notes*")
    tight = next(key for key, c in review.claims.items() if c.text == "The budget is tight,")
    assert cells[tight]["evidence"] == "exact in minutes.txt | exact in <b>Release</b> & *notes*"


def test_web_annotations_select_the_passage_in_the_source(review) -> None:
    items = {item["id"].rsplit(":", 1)[1]: item
             for item in web_annotations(review)["first"]["items"]}
    bodies = items[near_id(review)]["body"]
    described = [b["value"] for b in bodies if b["purpose"] == "describing"]
    assert ("Near match in Council minutes (minutes.txt): 89% of words the same; changed “not” "
            "to “never”") in described
    passages = [b for b in bodies if b["type"] == "SpecificResource"]
    assert [b["source"] for b in passages] == ["file:///sources/minutes.txt"]
    quote, position = passages[0]["selector"]
    assert quote["type"] == "TextQuoteSelector" and position["type"] == "TextPositionSelector"
    assert quote["exact"] == "We will not raise the harbour fee this year"
    assert TRANSCRIPT[position["start"]:position["end"]] == quote["exact"]
    assert TRANSCRIPT[:position["start"]].endswith(quote["prefix"])
    assert TRANSCRIPT[position["end"]:].startswith(quote["suffix"])
    assert all(b["purpose"] == "linking" for b in passages)
    # Found in both: a passage in each, the web page named by its address.
    tight = next(key for key, c in review.claims.items() if c.text == "The budget is tight,")
    sources = [b["source"] for b in items[tight]["body"] if b["type"] == "SpecificResource"]
    assert sorted(sources) == ["file:///sources/minutes.txt", "https://council.example/release"]
    # A quote not found in a source: words, and no passage to select.
    missing = next(key for key, c in review.claims.items() if "sea wall" in c.text)
    missing_bodies = items[missing]["body"]
    assert not [b for b in missing_bodies if b["type"] == "SpecificResource"]
    assert sum("Not found in" in b.get("value", "") for b in missing_bodies) == 2
    json.loads(render(review, "jsonld"))


def test_a_source_without_file_or_address_is_named_by_its_hash(review) -> None:
    minutes = next(d for d in review.source_documents.values() if d.title == "Council minutes")
    bare = replace(review, source_documents={**review.source_documents,
                                             minutes.id: replace(minutes, source_path=None)})
    sources = {b.get("source") for item in web_annotations(bare)["first"]["items"]
               for b in item["body"]}
    assert f"urn:sha256:{minutes.sha256}" in sources


def test_claimreview_gets_nothing_schema_org_has_no_field_for(review) -> None:
    """A ClaimReview is published: the passages are private working material (the source may
    be sensitive), and schema.org's Claim/ClaimReview have no field for "checked against this
    passage, with these changes". What the user accepted into a claim's sources is already
    its citation."""
    published = replace(review, document=replace(review.document,
                                                  url="https://news.example/fee"))
    claims = {key: replace(c, status="disputed") for key, c in published.claims.items()}
    published = replace(published, claims=claims)
    plain = replace(published, claims={k: replace(c, evidence=()) for k, c in claims.items()},
                    source_documents={})
    reviewer = Reviewer("Rita Alves", "Harbour Post")
    assert render(published, "claimreview", reviewer) == render(plain, "claimreview", reviewer)


def test_a_review_without_sources_exports_as_before() -> None:
    review = build(with_evidence=False)
    assert "Source documents" not in render(review, "md")
    html = render(review, "html")
    assert "Source documents" not in html and "Quotes checked" not in html
    assert all(row[-1] == "" for row in csv.reader(io.StringIO(render(review, "csv")))
               if row[0] != "id")
    for item in web_annotations(review)["first"]["items"]:
        assert [b["purpose"] for b in item["body"]] == ["assessing", "describing"]


@pytest.mark.parametrize("name", ["md", "html", "csv", "jsonld"])
def test_no_export_shows_a_detached_sources_passages(review, name) -> None:
    detached = with_detached_copy(review)
    assert any(e.source in detached.removed_sources for c in detached.claims.values()
               for e in c.evidence)  # still on the claims
    text = render(detached, name)
    assert "minutes.txt" not in text and "Council minutes" not in text
    assert "We will not raise" not in text  # the passage itself
    assert "Release" in text  # the other source is still there
