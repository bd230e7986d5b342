"""The article's web address kept in its review (for a ClaimReview that can be published)."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from store_builders import ARTICLE, figure_analyser, make_document

from reader.store import ReviewStore

URL = "https://harbour.example/2026/sea-wall"


def _page_document(path):
    document = make_document(ARTICLE, path)
    return replace(document, metadata={"url": URL})


def test_a_pages_address_is_saved_and_kept_when_the_text_is_opened_again(tmp_path):
    store = ReviewStore(tmp_path / "store")
    handle = store.open_review(_page_document(tmp_path / "wall.html"), analyser=figure_analyser)
    data = json.loads(handle.path.read_text("utf-8"))
    assert data["document"]["url"] == URL
    again = ReviewStore(tmp_path / "store").open_review(
        make_document(ARTICLE, tmp_path / "wall.html"), analyser=figure_analyser)
    assert again.review.document.url == URL


def test_a_review_without_an_address_has_no_url_field(tmp_path):
    store = ReviewStore(tmp_path / "store")
    handle = store.open_review(make_document(ARTICLE, tmp_path / "a.txt"),
                               analyser=figure_analyser)
    assert "url" not in json.loads(handle.path.read_text("utf-8"))["document"]
    assert handle.review.document.url == ""


def test_an_address_set_by_a_script_survives_a_window_saving_later(tmp_path):
    document = make_document(ARTICLE, tmp_path / "a.txt")
    window = ReviewStore(tmp_path / "store").open_review(document, analyser=figure_analyser)
    script = ReviewStore(tmp_path / "store").open_review(document, analyser=figure_analyser)
    script.set_url(URL)
    claim_id = window.review.ordered_claims()[0].id
    window.set_status(claim_id, "verified")  # merges what the script saved
    assert window.review.document.url == URL
    reread = ReviewStore(tmp_path / "store").load(window.review.review_id)
    assert reread.review.document.url == URL
    assert reread.review.claims[claim_id].status == "verified"


@pytest.mark.parametrize("bad", ["file:///etc/passwd", "javascript:alert(1)", "harbour.example",
                                 "https://a b", ""])
def test_only_web_addresses_are_kept(tmp_path, bad):
    handle = ReviewStore(tmp_path / "store").open_review(
        make_document(ARTICLE, tmp_path / "a.txt"), analyser=figure_analyser)
    with pytest.raises(ValueError, match="not a web address"):
        handle.set_url(bad)
    assert handle.review.document.url == ""
