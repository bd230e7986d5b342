"""The article's metadata (headline, byline, date, site) kept in its review's document."""

from __future__ import annotations

import json
from dataclasses import replace

from store_builders import ARTICLE, figure_analyser, make_document

from reader.store import ReviewStore
from reader.store.model import DocumentSnapshot
from reader.store.schema import check_review

META = {"title": "Sea wall to be rebuilt", "author": "Mara Quill",
        "published": "2026-03-02T07:15:00+00:00", "site": "Harbour News"}


def test_a_page_s_metadata_is_saved_validated_and_kept_for_a_text_copy(tmp_path):
    document = replace(make_document(ARTICLE, tmp_path / "wall.html"),
                       metadata={"url": "https://harbour.example/wall", **META})
    handle = ReviewStore(tmp_path / "store").open_review(document, analyser=figure_analyser)
    data = json.loads(handle.path.read_text("utf-8"))
    assert data["document"]["metadata"] == META  # the address has its own field
    assert data["document"]["url"] == "https://harbour.example/wall"
    check_review(data)
    again = ReviewStore(tmp_path / "store").open_review(
        make_document(ARTICLE, tmp_path / "wall.html"), analyser=figure_analyser)
    assert dict(again.review.document.metadata) == META


def test_a_review_without_metadata_writes_no_field_and_old_files_read(tmp_path):
    handle = ReviewStore(tmp_path / "store").open_review(
        make_document(ARTICLE, tmp_path / "a.txt"), analyser=figure_analyser)
    data = json.loads(handle.path.read_text("utf-8"))
    assert "metadata" not in data["document"]
    snapshot = DocumentSnapshot.from_dict({**data["document"], "metadata": {"author": 7}})
    assert snapshot.metadata == {}


def test_a_damaged_review_file_salvaged_keeps_the_article_s_address_and_metadata(tmp_path):
    from reader.store.salvage import salvage

    document = replace(make_document(ARTICLE, tmp_path / "wall.html"),
                       metadata={"url": "https://harbour.example/wall", **META})
    handle = ReviewStore(tmp_path / "store").open_review(document, analyser=figure_analyser)
    raw = handle.path.read_bytes()
    cut = raw[: raw.rindex(b'"review_id"')]  # cut short after the document, before its id
    rescued = salvage(cut).document
    assert rescued is not None
    assert rescued.url == "https://harbour.example/wall"
    assert dict(rescued.metadata) == META
