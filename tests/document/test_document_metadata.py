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
    assert document.metadata == {"url": "https://quay.example/8", "title": "Quay"}
    assert isinstance(document.metadata, dict)
    hash(document)


NEWS_BODY = (
    "<body><header><h1>Ferry fares to rise by 12 percent</h1></header><article>"
    "<p>The harbour board said on Monday that fares on the island ferry would rise by 12 "
    "percent from April, the first increase since 2019.</p>"
    "<p>Passengers told the board that the timetable, not the fare, was the problem, and "
    "that two sailings a day had been cancelled for most of the winter.</p></article></body>"
)


def _news(head: str, body: str = NEWS_BODY) -> str:
    return f"<html><head><title>Ferry fares to rise by 12 percent | Island Courier</title>{head}" \
           f"</head>{body}</html>"


def test_a_page_s_json_ld_gives_author_date_and_publisher() -> None:
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebSite", "name": "not this"},'
        '{"@type": "NewsArticle", "headline": "Ferry fares to rise by 12 percent",'
        ' "author": [{"@type": "Person", "name": "Mara Quill"}, {"@type": "Person",'
        ' "name": "Tom Brae"}], "datePublished": "2026-03-02T07:15:00Z",'
        ' "publisher": {"@type": "Organization", "name": "Island Courier"}}]}</script>'
        '<link rel="canonical" href="https://courier.example/news/ferry-fares">'
    )
    document = document_from_string(_news(head), format="html")
    assert document.metadata == {
        "url": "https://courier.example/news/ferry-fares",
        "title": "Ferry fares to rise by 12 percent",
        "author": "Mara Quill, Tom Brae",
        "published": "2026-03-02T07:15:00+00:00",
        "site": "Island Courier",
    }
    assert document.title == "Ferry fares to rise by 12 percent"
    assert "JSON" not in document.text and "@type" not in document.text


def test_meta_tags_give_them_when_there_is_no_json_ld() -> None:
    head = (
        '<meta name="author" content="By Mara Quill">'
        '<meta property="article:author" content="https://courier.example/staff/mq">'
        '<meta property="article:published_time" content="2026-03-02T08:15:00+0100">'
        '<meta property="og:site_name" content="Island Courier">'
    )
    document = document_from_string(_news(head), format="html")
    assert document.metadata["author"] == "Mara Quill"
    assert document.metadata["published"] == "2026-03-02T08:15:00+01:00"
    assert document.metadata["site"] == "Island Courier"


def test_the_page_s_own_byline_and_time_element_are_read_last() -> None:
    body = NEWS_BODY.replace(
        "<article>",
        '<article><p class="article-byline">By <a href="/staff/mq">Mara Quill</a></p>'
        '<time datetime="2026-03-02">2 March 2026</time>',
    )
    document = document_from_string(_news("", body), format="html")
    assert document.metadata["author"] == "Mara Quill"
    assert document.metadata["published"] == "2026-03-02"
    assert "site" not in document.metadata


def test_the_site_s_name_is_not_part_of_the_title() -> None:
    head = '<meta property="og:site_name" content="Island Courier">'
    body = "<body><div><p>" + "The ferry fares rise in April. " * 8 + "</p></div></body>"
    document = document_from_string(_news(head, body), format="html")
    assert document.title == "Ferry fares to rise by 12 percent"
    assert document.metadata["title"] == "Ferry fares to rise by 12 percent"


@pytest.mark.parametrize("head", [
    '<script type="application/ld+json">{"@type": "NewsArticle", "author": </script>',
    '<script type="application/ld+json">' + "[" * 5000 + "]" * 5000 + "</script>",
    '<script type="application/ld+json">{"@type": "NewsArticle", "author": {"name": 7},'
    ' "datePublished": "last Tuesday", "url": "javascript:alert(1)"}</script>',
    '<meta property="article:published_time" content="99999-01-01">',
])
def test_broken_or_hostile_metadata_is_left_out(head: str) -> None:
    document = document_from_string(_news(head), format="html")
    assert set(document.metadata) <= {"title"}
    assert "12 percent from April" in document.text


def test_markdown_front_matter_gives_metadata_and_is_not_the_text(tmp_path) -> None:
    path = tmp_path / "ferry.md"
    path.write_text(
        "---\ntitle: \"Ferry fares: what changes\"\nurl: https://courier.example/ferry\n"
        "author:\n  - Mara Quill\n  - Tom Brae\ndate: 2026-03-02\ntags: [ferry]\n---\n\n"
        "The board said fares would rise by **12 percent**.\n",
        encoding="utf-8",
    )
    document = load_document(path)
    assert document.metadata == {
        "title": "Ferry fares: what changes", "url": "https://courier.example/ferry",
        "author": "Mara Quill, Tom Brae", "published": "2026-03-02",
    }
    assert document.title == "Ferry fares: what changes"
    assert document.text == "The board said fares would rise by 12 percent."


def test_text_front_matter_is_read_and_kept_out_of_the_blocks(tmp_path) -> None:
    source = ("---\ntitle: Ferry fares\nauthor: Mara Quill\ndate: 2 March 2026\n---\n\n"
              "The board said fares would rise by 12 percent.\n")
    path = tmp_path / "ferry.txt"
    path.write_text(source, encoding="utf-8")
    document = load_document(path)
    assert document.text == source  # a text file's offsets are the file's
    assert document.metadata == {"title": "Ferry fares", "author": "Mara Quill"}
    assert [document.block_text(b) for b in document.blocks] == [
        "The board said fares would rise by 12 percent."
    ]
    assert document.title == "Ferry fares"


def test_a_rule_that_only_looks_like_front_matter_is_text(tmp_path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Notes\n\n---\n\nThe fares rise: 12 percent.\n", encoding="utf-8")
    document = load_document(path)
    assert document.metadata == {}
    assert "The fares rise: 12 percent." in document.text
