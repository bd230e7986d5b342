"""``Document.metadata``: what a file says about itself. A saved page's own address comes from
its canonical link, else its og:url, and only as an absolute http(s) address."""

from __future__ import annotations

import pytest

from reader.document.loading import document_from_string, load_document
from reader.document.model import METADATA_URL

BODY = "<body><p>The harbour master said 14 ships waited in 2025.</p></body>"


def _page(head: str) -> str:
    return f"<html><head><title>Quay</title>{head}</head>{BODY}</html>"


@pytest.mark.parametrize(("head", "url"), [
    ('<link rel="canonical" href="https://quay.example/news/1">'
     '<meta property="og:url" content="https://quay.example/amp/1">',
     "https://quay.example/news/1"),
    ('<meta property="og:url" content="  https://quay.example/news/2  ">',
     "https://quay.example/news/2"),
    ('<link rel="alternate canonical" href="http://quay.example/3">', "http://quay.example/3"),
    ('<link rel="canonical" href="javascript:alert(1)">'
     '<meta property="og:url" content="https://quay.example/4">', "https://quay.example/4"),
    ('<link rel="canonical" href="/relative/5">', None),
    ('<link rel="canonical" href="file:///home/rita/quay.html">', None),
    ('<link rel="canonical" href="https://quay.example/a b">', None),
    ('<meta property="og:url" content="https://">', None),
    ("", None),
])
def test_a_saved_page_names_its_address(head: str, url: str | None) -> None:
    document = document_from_string(_page(head), format="html")
    assert document.metadata.get(METADATA_URL) == url


def test_text_and_markdown_say_nothing_about_themselves(tmp_path) -> None:
    for name, text in (("a.txt", "https://quay.example/6\n\nThe master said 14 ships."),
                       ("a.md", "# Quay\n\n[link](https://quay.example/7) 14 ships.")):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert load_document(path).metadata == {}


def test_metadata_is_a_plain_mapping_and_documents_stay_hashable(tmp_path) -> None:
    path = tmp_path / "quay.html"
    path.write_text(_page('<link rel="canonical" href="https://quay.example/8">'),
                    encoding="utf-8")
    document = load_document(path)
    assert document.metadata == {"url": "https://quay.example/8"}
    assert isinstance(document.metadata, dict)
    hash(document)
