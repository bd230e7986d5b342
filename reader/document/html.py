"""A saved news page as the article's rendered words, with its blocks and inline spans.

The page is parsed by lxml's HTML parser (no network, no DTD, no entity loading: HTML parsing
never resolves external entities), stripped of everything that is not article text (scripts,
styles, navigation, forms, frames, embedded media, comments, share bars, hidden elements), and
handed to readability-lxml, a maintained port of the Readability algorithm, to choose the
article among what remains. Nothing referenced by the page is fetched.

What the evaluation of readability-lxml and libxml2 found, and what is done about it:
- readability picks the article container well (news page fixture: the story body kept;
  header, share bar, cookie banner, aside, newsletter box and footer left out), but its own
  clean-up drops low-scoring tables and short lists, so it is used only to choose elements,
  which are then rendered from our tree;
- it drops the page's <h1> headline (outside the article body), so the headline is put back
  as the first heading when the chosen elements do not hold it;
- it raises on some inputs and returns nothing on others: the cleaned body is used then, so
  a page is never lost because the extractor disliked it;
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

from reader.document.model import METADATA_URL, Block, BlockKind, InlineSpan, SpanKind
from reader.document.rendering import TextBuilder


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Elements whose content is never article text.
_DROPPED_TAGS = _names(
    "script style noscript template form iframe frame frameset object applet svg math "
    "canvas video audio nav aside button select textarea option label dialog menu picture "
    "map figure head title portal slot"
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
_DROPPED_CLASS = re.compile(
    r"(?:^|[\s_-])(?:share|sharing|social|newsletter|subscribe|cookie|consent|advert|"
    r"adslot|ad-slot|related|paywall|promo|breadcrumbs?)(?:$|[\s_-])",
    re.IGNORECASE,
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
    """Title candidates, best first: og:title, the headline (h1), then <title>."""
    metadata: dict[str, str] = field(default_factory=dict)
    """For ``Document.metadata``: ``"url"`` when the page names its address."""


def render_html(source: str) -> RenderedHtml:
    """The article in a saved page: plain text, blocks, spans and title candidates."""
    root = _parse(source)
    if root is None:
        return RenderedHtml("", (), (), ())
    metadata = {}
    url = page_url(root)
    if url:
        metadata[METADATA_URL] = url
    og_title = _meta_title(root)
    headline = _headline(root)
    page_title = _page_title(root)
    _strip_boilerplate(root)

    body = _body(root)
    parts = _readable_article(root) or ([body] if body is not None else [])
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
    titles = tuple(title for title in (og_title, headline, page_title) if title)
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


def _web_address(value: str | None) -> str | None:
    """``value`` if it is an absolute http(s) address a reader could publish, else None."""
    address = (value or "").strip()
    if len(address) > _MAX_ATTRIBUTE_CHARS or any(c.isspace() or c < " " or c == "\x7f"
                                                  for c in address):
        return None
    scheme, _, rest = address.partition("://")
    if scheme.lower() not in ("http", "https") or not rest or rest.startswith("/"):
        return None
    return address


def page_url(root: lxml.html.HtmlElement) -> str | None:
    """The article's own address as the saved page states it: the canonical link first (what
    the publisher names as the article), then Open Graph's og:url."""
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            url = _web_address(link.get("href"))
            if url:
                return url
    for meta in root.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").strip().lower() == "og:url":
            url = _web_address(meta.get("content"))
            if url:
                return url
    return None


def _headline(root: lxml.html.HtmlElement) -> str:
    """The article's h1: the first inside <article> or <main>, else the page's first."""
    for path in ("//article//h1", "//main//h1", "//h1"):
        for heading in root.xpath(path):
            text = _collapsed(heading.text_content())[:500]
            if text:
                return text
    return ""


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
    if tag in _CHROME_TAGS and not any(
        ancestor.tag in ("article", "main") for ancestor in element.iterancestors()
    ):
        return True
    names = f"{element.get('class', '')[:_MAX_CLASS_CHARS]} {element.get('id', '')[:100]}"
    return bool(names.strip()) and _DROPPED_CLASS.search(names) is not None


def _readable_article(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement] | None:
    """The parts of the page readability-lxml chose as the article, or None when it fails or
    finds no text.

    readability is used to choose, not to clean: its own clean-up removes tables and short
    lists whose scores are low, which in news copy are often the figures a fact-checker needs.
    So the chosen elements are found again in our own cleaned tree (each element of the copy
    handed to readability carries its index in that tree) and rendered from there.
    """
    from readability import Document as ReadabilityDocument

    originals = list(root.iter())
    working = copy.deepcopy(root)
    for index, element in enumerate(working.iter()):
        element.set(_INDEX_ATTRIBUTE, str(index))
    try:
        summary = ReadabilityDocument(working).summary(html_partial=True)
    except Exception:  # readability wraps every failure in its own Unparseable; keep the body
        return None
    chosen = _parse(summary)
    if chosen is None:
        return None
    parts: list[lxml.html.HtmlElement] = []
    for element in _outermost_with_index(_body(chosen)):
        found = _element_at(originals, element.get(_INDEX_ATTRIBUTE, ""))
        if found is None or not _same_words(element, found):
            return _fallback_summary(chosen)
        parts.append(found)
    order = {element: index for index, element in enumerate(originals)}
    parts = sorted(set(parts), key=lambda element: order[element])
    # An element inside another chosen one would be rendered twice.
    chosen_set = set(parts)
    parts = [
        part
        for part in parts
        if not any(ancestor in chosen_set for ancestor in part.iterancestors())
    ]
    if not any(_collapsed(part.text_content()) for part in parts):
        return None
    return parts


def _outermost_with_index(root: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    found: list[lxml.html.HtmlElement] = []
    stack = [root]
    while stack:
        element = stack.pop()
        if element is not root and element.get(_INDEX_ATTRIBUTE):
            found.append(element)
            continue
        stack.extend(reversed(element))
    return found


def _element_at(
    originals: list[lxml.html.HtmlElement], index: str
) -> lxml.html.HtmlElement | None:
    if not index.isdigit() or int(index) >= len(originals):
        return None
    return originals[int(index)]


def _same_words(chosen: lxml.html.HtmlElement, original: lxml.html.HtmlElement) -> bool:
    """A cheap check that a path found the element readability meant."""
    words = _collapsed(chosen.text_content())[:40]
    return words in _collapsed(original.text_content())


def _fallback_summary(chosen: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement] | None:
    """readability's own cleaned article, used when its paths do not match our tree."""
    body = _body(chosen)
    if body is None or not _collapsed(body.text_content()):
        return None
    for element in body.iter():
        element.attrib.pop(_INDEX_ATTRIBUTE, None)
    return [body]


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
