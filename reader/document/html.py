"""A saved news page as the article's rendered words, with its blocks and inline spans.

The page is parsed by lxml's HTML parser (no network, no DTD, no entity loading: HTML parsing
never resolves external entities). readability-lxml, a maintained port of the Readability
algorithm, chooses the article on the page as published; the chosen elements are then
rendered from our own copy of the page, stripped of what is never article text (scripts,
styles, frames, embedded media, form controls, navigation, hidden elements). Nothing
referenced by the page is fetched.

How the choice was made and checked (``tests/bench/eval_html.py`` on mozilla/readability's
130 test pages, word-level, micro-averaged): this loader P 0.991 R 0.961 F1 0.976;
readability-lxml alone 0.992 / 0.960 / 0.975; trafilatura 2.3 alone 0.961 / 0.971 / 0.966.
trafilatura is not used: it scores lower overall, loses whole articles where readability
does not (social-buttons: recall 0.21; mathjax 0.37) and would add about 60 MB of
dependencies (babel, dateparser, regex, tld, urllib3) to the installer.

What the evaluation found, and what is done about it:
- our own hand-written boilerplate rules lost whole articles on real pages (a page wrapped
  in <form>, "paywall" or "share" in the article container's class): there are none left;
  readability's own rules (class and id weights, link density, unlikely candidates) decide,
  on the page before our clean-up so that they see what the publisher wrote;
- readability 0.9 moves the article's other segments into the element it chose
  (merge_article_segments): every element of its summary is mapped back, not only the
  outermost one;
- what readability removes inside the article (control bars, share links, widgets) is
  removed from our copy too, except tables: readability drops short tables, which in news
  copy hold the figures a fact-checker checks;
- in a photo gallery, the slide counters ("Image 1 of 8") and each caption's second copy are
  removed; figure captions are kept once (they raised recall at no cost in precision);
- the page's <h1> headline is put back as the first heading when the chosen elements do not
  hold it, and is the title, but only when it is the article's (named by og:title or
  <title>, or inside <article>/<main>): a site's logo in an <h1> is neither;
- readability raises on some inputs and returns nothing on others: the cleaned body is used
  then, so a page is never lost because the extractor disliked it;
- libxml2 nests the content after an <embed> inside it (void elements are unwrapped, never
  dropped with their content), and returns a tree with no text at all past its nesting limit
  (huge_tree raises it to 2048; deeper pages are flattened or, last, stripped of tags);
- a 5 MB page takes about 2 s, most of it in readability's two scoring passes.
"""
from __future__ import annotations

import copy
import html as html_module
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from reader.document.metadata import page_metadata, without_site_name
from reader.document.model import (
    METADATA_SITE,
    METADATA_TITLE,
    Block,
    BlockKind,
    InlineSpan,
    SpanKind,
)
from reader.document.rendering import TextBuilder


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Elements whose content is never article text.
_DROPPED_TAGS = _names(
    "script style noscript template iframe frame frameset object applet svg "
    "canvas video audio nav aside button select textarea option label dialog menu picture "
    "map head title portal slot"
)
# Void elements: they hold nothing, but libxml2's HTML parser sometimes nests the following
# content inside them (an <embed> swallows the rest of the article). They are removed and
# whatever was nested in them is kept.
_UNWRAPPED_TAGS = _names(
    "img embed input link meta base source track param area wbr keygen col image"
)
# Page chrome when outside the article; an article's own header keeps its headline.
_CHROME_TAGS = frozenset({"header", "footer"})
_DROPPED_ROLES = _names(
    "navigation banner contentinfo complementary search dialog alertdialog menu menubar "
    "toolbar"
)
_NEVER_DROPPED = frozenset({"html", "body", "main", "article"})
_INVISIBLE_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_HIDDEN_ATTRIBUTE = re.compile(r"(?:^|\s)hidden\b|aria-hidden\s*=\s*[\"']?true", re.IGNORECASE)
# Marks each element of the copy handed to readability with its place in our tree.
_INDEX_ATTRIBUTE = "data-claim-reader-index"
_KEPT_ATTRIBUTES = ("class", "id", "href")
_MAX_ATTRIBUTE_CHARS = 2048
_MAX_CLASS_CHARS = 200

_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_LISTS = frozenset({"ul", "ol", "dl"})
# Elements that start a new block in the current context.
_GENERIC_BLOCKS = _names(
    "p div section article main header footer pre table tr dt dd address hr center "
    "details summary body html caption figcaption hgroup fieldset legend"
) | _LISTS
_CELLS = frozenset({"td", "th"})
_MIN_CAPTION_CHARS = 25
_BLOCK_TAGS = (
    _GENERIC_BLOCKS | frozenset(_HEADINGS) | frozenset({"li", "blockquote", "figure"})
)
_FURNITURE_CANDIDATES = ("p", "div", "li", "figcaption", "dd", "dt")
_SLIDE_COUNTER = re.compile(
    r"^(?:(?:image|photo|picture|slide|foto|bild)\s*)?\d{1,3}\s*(?:of|/|von|de|sur)\s*\d{1,3}$",
    re.IGNORECASE,
)
# What readability removes from the article that is kept all the same.
_READMITTED_TAGS = frozenset({"table"})
_QUOTE_MARKS = (("“", "”"), ("‘", "’"))
_INLINE_SPANS: dict[str, SpanKind] = {
    "em": "emphasis",
    "i": "emphasis",
    "cite": "emphasis",
    "dfn": "emphasis",
    "strong": "strong",
    "b": "strong",
    "code": "code",
    "kbd": "code",
    "samp": "code",
    "tt": "code",
}
_REFUSED_SCHEMES = re.compile(r"^(?:javascript|vbscript|data|livescript):", re.IGNORECASE)
# Whitespace browsers ignore inside a scheme, raw or percent-encoded ("java%09script:").
_INVISIBLE = re.compile(r"(?:[\x00-\x20\x7f]|%0[9ad]|%20)+", re.IGNORECASE)
# Characters lxml refuses (not allowed in XML) and lone surrogates, removed before parsing.
_UNPARSABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_SPACES = re.compile(r"\s+")
_ANY_TAG = re.compile(r"<[^>]*>")
_LAYOUT_TAGS = re.compile(r"</?([A-Za-z][A-Za-z0-9-]*)\b[^>]*>")
_RAW_TEXT_OPEN = re.compile(
    r"<(script|style|template|noscript|textarea|title|iframe|svg|math|xmp|plaintext)\b",
    re.IGNORECASE,
)
_INLINE_WRAPPERS = _names(
    "span font b i em strong a u small big sup sub s strike mark abbr cite code q time "
    "nobr label tt kbd samp var dfn ins del bdi bdo"
)
_BLOCK_CONTAINERS = _names(
    "div section article main header footer table tbody thead tr td th ul ol li dl dd dt "
    "blockquote p h1 h2 h3 h4 h5 h6 pre center form fieldset body html"
)
logging.getLogger("readability").setLevel(logging.CRITICAL)


@dataclass(frozen=True, slots=True)
class RenderedHtml:
    text: str
    blocks: tuple[Block, ...]
    spans: tuple[InlineSpan, ...]
    titles: tuple[str, ...]
    """Title candidates, best first: the headline (h1), og:title, then <title>."""
    metadata: dict[str, str] = field(default_factory=dict)
    """For ``Document.metadata``: what the page says about the article (url, title, author,
    published, site), each key absent when the page does not say."""


def render_html(source: str) -> RenderedHtml:
    """The article in a saved page: plain text, blocks, spans and title candidates."""
    root = _parse(source)
    if root is None:
        return RenderedHtml("", (), (), ())
    og_title = _meta_title(root)
    page_title = _page_title(root)
    headings = _headings_one(root)
    metadata = page_metadata(root)  # before the clean-up drops the scripts holding JSON-LD
    choice = _readability_choice(root)
    galleries = _galleries(root)  # before the clean-up unwraps the images
    _strip_boilerplate(root)

    body = _body(root)
    parts = _chosen_parts(root, choice, galleries) or ([body] if body is not None else [])
    headline = _headline(headings, (og_title, page_title), parts)
    builder = TextBuilder()
    if headline and not any(_holds_heading(part, headline) for part in parts):
        builder.break_block("heading", 1)
        builder.write(headline)
        builder.break_block()
    headline_only = builder.length
    for part in parts:
        _render_element(part, builder, "paragraph", 0)
        builder.break_block()
    if builder.length == headline_only and body is not None and parts != [body]:
        _render_element(body, builder, "paragraph", 0)  # the choice held no words: keep all
    text, blocks, spans = builder.finish()
    site = metadata.get(METADATA_SITE, "")
    titles = tuple(without_site_name(title, site)
                   for title in (headline, og_title, metadata.get(METADATA_TITLE), page_title)
                   if title)
    if titles:
        metadata[METADATA_TITLE] = titles[0]
    return RenderedHtml(text, blocks, spans, titles, metadata)


def render_html_fragment(
    source: str, builder: TextBuilder, kind: BlockKind = "paragraph", level: int = 0
) -> None:
    """Render raw HTML met inside another format (a Markdown HTML block) into ``builder``."""
    root = _parse(source)
    if root is None:
        return
    _strip_boilerplate(root)
    body = _body(root)
    if body is not None:
        _render_element(body, builder, kind, level)


def link_target(href: str) -> str | None:
    """The address a link points to, kept as text; None for script links and oversized ones."""
    target = href.strip()
    if not target or len(target) > _MAX_ATTRIBUTE_CHARS:
        return None
    if _REFUSED_SCHEMES.match(_INVISIBLE.sub("", target)):
        return None
    return target


def hides_its_content(tag: str, attributes: str) -> bool:
    """Whether an element, met as a lone tag (raw HTML inside a Markdown paragraph), hides what
    it holds from a browser's reader, by the same rules as a page's elements: a script, style,
    form control or frame, or an element marked hidden or styled invisible."""
    if tag.lower() in _DROPPED_TAGS:
        return True
    attributes = attributes[:_MAX_ATTRIBUTE_CHARS]
    return bool(_HIDDEN_ATTRIBUTE.search(attributes) or _INVISIBLE_STYLE.search(attributes))


def _parse(source: str) -> lxml.html.HtmlElement | None:
    """The page's tree; never None for a page with text in it.

    libxml2 gives up on a page nested deeper than its limit (2048 with huge_tree) and returns
    a tree with no text at all. Then the layout tags are flattened and the page parsed again,
    and as a last resort every tag is removed, so that hostile nesting costs structure, not
    words.
    """
    source = _UNPARSABLE.sub("", source)
    if not source.strip():
        return None
    root = _parse_once(source)
    if root is None:
        root = _parse_once(_LAYOUT_TAGS.sub(_flatten_tag, source))
    if root is None:
        words = html_module.escape(_without_tags(source))
        root = _parse_once(f"<html><body><p>{words}</p></body></html>")
    return root


def _parse_once(source: str) -> lxml.html.HtmlElement | None:
    """One parse; None when libxml2 stopped at a fatal error (excessive depth)."""
    # A parser per call: lxml parsers must not be shared between threads. huge_tree lifts the
    # depth limit from 256 to 2048 and the 10 MB text-node limit; input is capped at 50 MB.
    parser = lxml.html.HTMLParser(
        recover=True,
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        encoding="utf-8",
        default_doctype=False,
        huge_tree=True,
    )
    try:
        root = lxml.html.document_fromstring(source.encode("utf-8"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    if any(entry.level_name == "FATAL" for entry in parser.error_log):
        return None
    return root if isinstance(root, lxml.html.HtmlElement) else None


def _flatten_tag(match: re.Match[str]) -> str:
    """Block containers become paragraph breaks, inline wrappers vanish, the rest (scripts,
    styles) stays for the parser to drop with its content."""
    name = match.group(1).lower()
    if name in _BLOCK_CONTAINERS:
        return "<p>"
    return "" if name in _INLINE_WRAPPERS else match.group(0)


def _without_tags(source: str) -> str:
    """The words of a page no parser could read: raw-text elements (scripts, styles) removed
    with their content, other tags removed, entities decoded. Linear in the page's size."""
    pieces: list[str] = []
    position = 0
    for match in _RAW_TEXT_OPEN.finditer(source):
        if match.start() < position:
            continue
        pieces.append(source[position : match.start()])
        close = re.compile(f"</{match.group(1)}", re.IGNORECASE).search(source, match.end())
        if close is None:
            position = len(source)  # an unclosed script hides the rest of the page
            break
        position = close.start()
    pieces.append(source[position:])
    return html_module.unescape(_ANY_TAG.sub(" ", " ".join(pieces)))


def _collapsed(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip()


def _meta_title(root: lxml.html.HtmlElement) -> str:
    for meta in root.iter("meta"):
        name = (meta.get("property") or meta.get("name") or "").lower()
        if name in ("og:title", "twitter:title"):
            title = _collapsed(meta.get("content"))[:500]
            if title:
                return title
    return ""


def _headings_one(root: lxml.html.HtmlElement) -> list[tuple[str, lxml.html.HtmlElement, bool]]:
    """The page's <h1>s, those inside <article> or <main> first: (text, element, inside)."""
    found: list[tuple[str, lxml.html.HtmlElement, bool]] = []
    for path, semantic in (("//article//h1", True), ("//main//h1", True), ("//h1", False)):
        for heading in root.xpath(path):
            text = _collapsed(heading.text_content())[:500]
            if text and all(heading is not known for _, known, _ in found):
                found.append((text, heading, semantic))
    return found


def _headline(
    candidates: list[tuple[str, lxml.html.HtmlElement, bool]],
    declared: tuple[str, ...],
    parts: list[lxml.html.HtmlElement],
) -> str:
    """The article's headline: the first <h1> that the page's og:title or <title> names (they
    add the site's name, or shorten it), else the first <h1> inside <article> or <main> or
    inside the article readability chose, else, on a page that declares no title, its first.

    A page's other <h1>s are its logo or its section ("Salon", "Minecraft News"): they are
    neither the title nor the first line of the article."""
    for text, _, _ in candidates:
        if any(_names_the_same(text, title) for title in declared if title):
            return text
    chosen = set(parts)
    for text, heading, semantic in candidates:
        if semantic or any(element in chosen for element in (heading, *heading.iterancestors())):
            return text
    if candidates and not any(declared):
        return candidates[0][0]
    return ""


def _names_the_same(headline: str, title: str) -> bool:
    """Whether a <title> or og:title is this headline, give or take the site's name and
    punctuation ("How to Build a Terrarium | eHow")."""
    from rapidfuzz import fuzz

    short, long = sorted((headline.casefold(), title.casefold()), key=len)
    return len(short) >= 0.3 * len(long) and fuzz.partial_ratio(short, long) >= 85


def _page_title(root: lxml.html.HtmlElement) -> str:
    for title in root.iter("title"):
        text = _collapsed(title.text_content())[:500]
        if text:
            return text
    return ""


def _strip_boilerplate(root: lxml.html.HtmlElement) -> None:
    """Drop what is never article text and every attribute the extractor does not need."""
    doomed: list[lxml.html.HtmlElement] = []
    unwrapped: list[lxml.html.HtmlElement] = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            doomed.append(element)  # comments and processing instructions the parser kept
            continue
        if element.tag.lower() in _UNWRAPPED_TAGS:
            unwrapped.append(element)
        elif _is_boilerplate(element):
            doomed.append(element)
            continue
        kept = {
            name: value for name in _KEPT_ATTRIBUTES if (value := element.get(name)) is not None
        }
        element.attrib.clear()
        for name, value in kept.items():
            limit = _MAX_CLASS_CHARS if name != "href" else _MAX_ATTRIBUTE_CHARS
            if len(value) <= limit:
                element.set(name, value)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()
    for element in unwrapped:
        if element.getparent() is not None:
            element.drop_tag()


def _is_boilerplate(element: lxml.html.HtmlElement) -> bool:
    tag = element.tag.lower()
    if tag in _NEVER_DROPPED:
        return False
    if tag in _DROPPED_TAGS:
        return True
    if element.get("hidden") is not None or element.get("aria-hidden", "").lower() == "true":
        return True
    if element.get("role", "").lower() in _DROPPED_ROLES:
        return True
    if _INVISIBLE_STYLE.search(element.get("style", "")[:_MAX_ATTRIBUTE_CHARS]):
        return True
    return tag in _CHROME_TAGS and not any(
        ancestor.tag in ("article", "main") for ancestor in element.iterancestors()
    )


def _readability_choice(
    root: lxml.html.HtmlElement,
) -> set[lxml.html.HtmlElement] | lxml.html.HtmlElement | None:
    """The elements of ``root`` that readability-lxml keeps as the article; readability's own
    cleaned article when none of its elements is one of ours; None when it fails.

    readability judges the page as published (before our clean-up), since its scores read the
    classes, ids and elements we would otherwise remove first. Each element of the copy handed
    to it carries its index in ``root``, and every indexed element of its summary counts, not
    only the outermost one: readability 0.9 moves the article's other segments and its lead
    into the chosen element (``merge_article_segments``, ``get_editorial_leads``), so the chosen
    element of the summary holds parts that lie elsewhere in the page.
    """
    from readability import Document as ReadabilityDocument

    originals = list(root.iter())
    working = copy.deepcopy(root)
    for index, element in enumerate(working.iter()):
        if not isinstance(element.tag, str):
            continue
        for name, value in list(element.attrib.items()):
            if len(value) > _MAX_ATTRIBUTE_CHARS:
                del element.attrib[name]
        element.set(_INDEX_ATTRIBUTE, str(index))
    try:
        summary = ReadabilityDocument(working).summary(html_partial=True)
    except Exception:  # readability wraps every failure in its own Unparseable; keep the body
        return None
    chosen = _parse(summary)
    if chosen is None:
        return None
    found: set[lxml.html.HtmlElement] = set()
    for element in _body(chosen).iter():
        index = element.get(_INDEX_ATTRIBUTE, "") if isinstance(element.tag, str) else ""
        original = _element_at(originals, index)
        if original is not None:
            found.add(original)
    return found or _fallback_summary(chosen)


def _chosen_parts(
    root: lxml.html.HtmlElement,
    choice: set[lxml.html.HtmlElement] | lxml.html.HtmlElement | None,
    galleries: set[lxml.html.HtmlElement],
) -> list[lxml.html.HtmlElement] | None:
    """The article's parts in page order, from our cleaned tree; None when nothing is left.

    readability is used to choose, not to clean: its own clean-up removes tables and short
    lists whose scores are low, which in news copy are often the figures a fact-checker needs.
    So the chosen elements are rendered from our own tree.
    """
    if choice is None:
        return None
    if not isinstance(choice, set):
        return [choice]
    kept = choice.intersection(root.iter())  # what our own clean-up left of the choice
    parts = [element for element in root.iter() if element in kept
             and element.getparent() not in kept]
    seen: set[str] = set()
    for part in parts:
        _drop_what_readability_removed(part, kept)
        _drop_gallery_furniture(part, galleries, seen)
    if not any(_collapsed(part.text_content()) for part in parts):
        return None
    return parts


def _drop_what_readability_removed(
    part: lxml.html.HtmlElement, kept: set[lxml.html.HtmlElement]
) -> None:
    """Remove from a chosen part what readability's clean-up removed from it (galleries,
    share bars, link lists, widgets scored as unlikely), except tables: readability drops
    short tables, which in news copy hold the figures a fact-checker checks."""
    doomed = [
        element
        for element in part.iter()
        if element not in kept
        and element.getparent() in kept
        and _tag(element) not in _READMITTED_TAGS
    ]
    for element in doomed:
        element.drop_tree()


def _galleries(root: lxml.html.HtmlElement) -> set[lxml.html.HtmlElement]:
    """Elements holding a photo gallery: three images or more within two levels below."""
    counts: dict[lxml.html.HtmlElement, int] = {}
    for image in root.iter("img", "picture"):
        if image.tag == "img" and image.getparent() is not None \
                and image.getparent().tag == "picture":
            continue  # a <picture>'s own <img> is the same photo
        for level, ancestor in enumerate(image.iterancestors()):
            if level == 2:
                break
            counts[ancestor] = counts.get(ancestor, 0) + 1
    return {element for element, count in counts.items() if count >= 3}


def _drop_gallery_furniture(
    part: lxml.html.HtmlElement, galleries: set[lxml.html.HtmlElement], seen: set[str]
) -> None:
    """Remove what a photo gallery adds to the article besides its captions: each caption
    again (on the slide, then in the caption panel) and the slide counter ("Image 1 of 8").
    ``seen`` holds the captions met so far.

    Only blocks inside a gallery are judged (readability keeps such short blocks, since it
    turns a <div> holding only text into a paragraph), and only those without blocks inside
    them, by their whole text. Repeated paragraphs elsewhere in the article are kept: on the
    development set, removing every repeated block cost recall on pages that repeat
    themselves and gained nothing; so did removing lone short links in galleries (a list
    of links under images is a gallery by this rule)."""
    doomed: list[lxml.html.HtmlElement] = []
    for element in part.iter(*_FURNITURE_CANDIDATES):
        if not any(holder in galleries for holder in (element, *element.iterancestors())):
            continue
        if any(_tag(inner) in _BLOCK_TAGS for inner in element.iterdescendants()):
            continue
        text = _collapsed(element.text_content())
        if not text:
            continue
        if _SLIDE_COUNTER.match(text) or text in seen:
            doomed.append(element)
        elif len(text) >= _MIN_CAPTION_CHARS:
            seen.add(text)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def _element_at(
    originals: list[lxml.html.HtmlElement], index: str
) -> lxml.html.HtmlElement | None:
    if not index.isdigit() or int(index) >= len(originals):
        return None
    return originals[int(index)]


def _fallback_summary(chosen: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """readability's own cleaned article, used when none of its elements is one of ours."""
    body = _body(chosen)
    if body is None or not _collapsed(body.text_content()):
        return None
    _strip_boilerplate(body)
    return body


def _body(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    body = root.find(".//body")
    return body if body is not None else root


def _holds_heading(root: lxml.html.HtmlElement | None, headline: str) -> bool:
    if root is None:
        return False
    return any(_collapsed(element.text_content()) == headline for element in root.iter(*_HEADINGS))


@dataclass(slots=True)
class _Context:
    kind: BlockKind
    level: int


def _render_element(
    root: lxml.html.HtmlElement, builder: TextBuilder, kind: BlockKind, level: int
) -> None:
    """Walk the tree without recursion (pages can nest thousands of elements deep)."""
    contexts = [_Context(kind, level)]
    list_depth = 0
    length_at_last_br = -1
    quote_depth = 0
    for event, element in _walk(root):
        tag = _tag(element)
        if event == "start":
            if tag in _DROPPED_TAGS:
                continue
            if tag in _HEADINGS:
                contexts.append(_Context("heading", _HEADINGS[tag]))
                builder.break_block("heading", _HEADINGS[tag])
            elif tag == "li":
                contexts.append(_Context("list_item", max(list_depth, 1)))
                builder.break_block("list_item", max(list_depth, 1))
            elif tag == "blockquote":
                contexts.append(_Context("block_quote", 0))
                builder.break_block("block_quote", 0)
            elif tag in _GENERIC_BLOCKS:
                if tag in _LISTS:
                    list_depth += 1
                builder.break_block(contexts[-1].kind, contexts[-1].level)
            elif tag in _CELLS:
                if element.getprevious() is not None:
                    builder.write(" | ")
            elif tag == "br":
                # <br><br> is how many saved pages separate paragraphs; one <br> is a space.
                if builder.length == length_at_last_br:
                    builder.break_block(contexts[-1].kind, contexts[-1].level)
                else:
                    builder.space()
                length_at_last_br = builder.length
            elif tag in _INLINE_SPANS:
                builder.open_span(_INLINE_SPANS[tag])
            elif tag == "a":
                builder.open_span("link", link_target(element.get("href", "")))
            elif tag == "q":
                # Browsers draw the marks of an inline quotation; the words need them too.
                builder.write(_QUOTE_MARKS[quote_depth % 2][0])
                quote_depth += 1
            builder.write(element.text or "")
        else:
            if tag in _DROPPED_TAGS:
                builder.write(element.tail or "")
                continue
            if tag in _HEADINGS or tag in ("li", "blockquote"):
                contexts.pop()
                builder.break_block(contexts[-1].kind, contexts[-1].level)
            elif tag in _GENERIC_BLOCKS:
                if tag in _LISTS:
                    list_depth -= 1
                    if list_depth == 0:
                        builder.end_list()
                builder.break_block(contexts[-1].kind, contexts[-1].level)
            elif tag in _INLINE_SPANS:
                builder.close_span(_INLINE_SPANS[tag])
            elif tag == "a":
                builder.close_span("link")
            elif tag == "q":
                quote_depth -= 1
                builder.write_closing(_QUOTE_MARKS[quote_depth % 2][1])
            if element is not root:
                builder.write(element.tail or "")


def _walk(root: lxml.html.HtmlElement) -> Iterator[tuple[str, lxml.html.HtmlElement]]:
    """("start", element) and ("end", element) events in document order.

    The children of a dropped element are not visited, but its "end" still comes so that its
    tail (the text after it) is kept.
    """
    stack: list[tuple[lxml.html.HtmlElement, bool]] = [(root, False)]
    while stack:
        element, entered = stack.pop()
        if entered:
            yield "end", element
            continue
        yield "start", element
        stack.append((element, True))
        if _tag(element) not in _DROPPED_TAGS:
            stack.extend((child, False) for child in reversed(element))


def _tag(element: lxml.html.HtmlElement) -> str:
    """The lower-case tag name; comments and processing instructions count as dropped."""
    return element.tag.lower() if isinstance(element.tag, str) else "script"
