"""The article body of a saved page is never lost to our own clean-up: one page per failure
class found on real news pages (issue 13), each written here from scratch.

- the whole page wrapped in ``<form method="post">`` (ASP.NET sites);
- an article container whose class or id holds "paywall", "share" or "sharing";
- readability 0.9 merging a second content block into the chosen one;
- a photo gallery inside the article, with its captions and its navigation.
"""

from __future__ import annotations

from document_invariants import assert_well_formed, block_texts

from reader.document import document_from_string

FIRST = [
    "The regional water board confirmed on Tuesday that the Fenmoor reservoir held 61 percent "
    "of its capacity at the end of August, the lowest level recorded since the dry summer of "
    "1995.",
    "Engineers said that the board had lost about 14 million litres a day through leaks in the "
    "old trunk main between Fenmoor and the town of Selby Cross, a figure it had disputed for "
    "years.",
    "Residents in six villages were asked to avoid using hosepipes until further notice, and "
    "the board said it would review the ban again in the first week of October.",
]
SECOND = [
    "Farmers in the valley told the board's public meeting that the ban came too late, and "
    "that two of the smaller streams feeding the reservoir had been dry since the middle of "
    "July.",
    "The board's chief executive, Ruth Ellery, said that repairs to the trunk main would begin "
    "in November and would cost roughly £9m over three years, paid for from existing budgets.",
    "A spokesperson for the environment agency said it would publish its own assessment of "
    "the reservoir and the surrounding wetland before the end of the year.",
]

FIRST_MORE = [
    "The last time the reservoir fell this low, in 1995, the board brought water by tanker to "
    "four villages for most of September, at a cost it later put at £1.2m.",
    "Rainfall across the catchment was 38 percent below the long-term average between April "
    "and August, according to figures the board published alongside its statement.",
]


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def _kept(document_text: str, texts: list[str]) -> list[str]:
    return [text for text in texts if text not in document_text]


def test_a_page_wrapped_in_a_form_keeps_its_article() -> None:
    page = (
        "<html><head><title>Reservoir at lowest level since 1995</title></head><body>"
        '<form method="post" action="./story.aspx" id="aspnetForm">'
        '<input type="hidden" name="__VIEWSTATE" value="dDwtMTA4MTY1">'
        "<div class='masthead'><a href='/'>Home</a> <a href='/news'>News</a></div>"
        f"<div class='story'><h1>Reservoir at lowest level since 1995</h1>"
        f"{_paragraphs(FIRST + SECOND)}</div>"
        "<label for='q'>Search</label><input id='q' name='q'><button>Go</button>"
        "</form></body></html>"
    )
    document = document_from_string(page, format="html")
    assert _kept(document.text, FIRST + SECOND) == []
    assert "Go" not in document.text.split() and "__VIEWSTATE" not in document.text
    assert block_texts(document)[0] == ("heading", 1, "Reservoir at lowest level since 1995")
    assert_well_formed(document)


def test_paywall_and_share_in_an_article_container_s_class_keep_the_article() -> None:
    page = (
        "<html><body><div class='nav'><a href='/'>Home</a></div>"
        "<article class='ArticlePage-content paywall'>"
        "<h1>Reservoir at lowest level since 1995</h1>"
        f"<div class='gigya-share-btns-wrap article-body'>{_paragraphs(FIRST)}"
        f"<h2 id='sharing-the-burden'>Sharing the burden</h2>{_paragraphs(SECOND)}</div>"
        "</article></body></html>"
    )
    document = document_from_string(page, format="html")
    assert _kept(document.text, FIRST + SECOND) == []
    assert ("heading", 2, "Sharing the burden") in block_texts(document)
    assert_well_formed(document)


def test_both_blocks_readability_merges_are_kept_in_page_order() -> None:
    # readability 0.9 moves the second "story-text" block into the first one, which it chose
    # for its longer text (merge_article_segments); both are the article.
    filler = "".join(
        f"<li><a href='/story/{n}'>Another story number {n} in the list</a></li>"
        for n in range(6)
    )
    page = (
        "<html><body><article><h1>Reservoir at lowest level since 1995</h1>"
        f"<div class='column-one'><div class='story-text'>{_paragraphs(FIRST + FIRST_MORE)}"
        "</div></div>"
        f"<div class='promo-box'><ul>{filler}</ul></div>"
        f"<div class='column-two'><div class='story-text'>{_paragraphs(SECOND)}</div></div>"
        "</article></body></html>"
    )
    document = document_from_string(page, format="html")
    assert _kept(document.text, FIRST + SECOND) == []
    assert _kept(document.text, FIRST_MORE) == []
    assert document.text.index(FIRST_MORE[-1]) < document.text.index(SECOND[0])
    assert "Another story number" not in document.text
    assert document.text.count(FIRST[0]) == 1
    assert_well_formed(document)


def test_a_gallery_keeps_each_caption_once_without_its_controls() -> None:
    # As galleries are published: a control bar, then per slide a counter, the caption shown
    # on the slide and the same caption again in the panel that opens under it. readability
    # removes the control bar (short blocks in a <div>) but keeps the rest.
    captions = [f"Slide caption {n}: the reservoir shore at Fenmoor in late August." for n in
                range(1, 9)]
    slides = "".join(
        f"<div class='slide'><img src='/photo{n}.jpg' alt='photo'>"
        f"<div class='counter'>Image {n} of 8</div>"
        f"<div class='slide-caption'>{caption}</div>"
        f"<div class='caption-panel'><p>{caption}</p></div></div>"
        for n, caption in enumerate(captions, 1)
    )
    page = (
        "<html><body><article><h1>Reservoir at lowest level since 1995</h1>"
        f"<div class='story-body'>{_paragraphs(FIRST)}"
        "<figure><img src='/main.jpg' alt='ALT TEXT'>"
        "<figcaption>The dam at Fenmoor in August.</figcaption></figure>"
        "<div class='gallery-embed'><div class='controls'><div>Full Screen</div>"
        "<div>Autoplay</div></div>"
        f"<div class='slides'>{slides}</div>"
        f"</div>{_paragraphs(SECOND)}</div></article></body></html>"
    )
    document = document_from_string(page, format="html")
    assert _kept(document.text, FIRST + SECOND) == []
    for chrome in ("Image 1 of 8", "Image 8 of 8", "Full Screen", "ALT TEXT"):
        assert chrome not in document.text, chrome
    assert [document.text.count(caption) for caption in captions] == [1] * 8
    assert document.text.count("The dam at Fenmoor in August.") == 1
    assert_well_formed(document)


def test_headings_lists_quotes_and_paragraphs_keep_their_structure() -> None:
    page = (
        "<html><body><article><h1>Reservoir at lowest level since 1995</h1>"
        f"{_paragraphs(FIRST)}<h2>What the ban covers</h2>"
        "<ul><li>watering gardens with a hosepipe,</li><li>filling private pools,</li>"
        "<li>washing cars at home.</li></ul>"
        f"<blockquote><p>{SECOND[1]}</p></blockquote>{_paragraphs([SECOND[0], SECOND[2]])}"
        "</article></body></html>"
    )
    document = document_from_string(page, format="html")
    blocks = block_texts(document)
    assert blocks[0] == ("heading", 1, "Reservoir at lowest level since 1995")
    assert [b for b in blocks if b[0] == "heading"] == [
        ("heading", 1, "Reservoir at lowest level since 1995"),
        ("heading", 2, "What the ban covers"),
    ]
    assert ("list_item", 1, "filling private pools,") in blocks
    assert ("block_quote", 0, SECOND[1]) in blocks
    assert ("paragraph", 0, FIRST[0]) in blocks
    assert document.title == "Reservoir at lowest level since 1995"
    assert document.text.count("Reservoir at lowest level since 1995") == 1
