"""What an article says about itself: its address, headline, author, publication date and site.

A saved page states these in several places, and sites fill different ones: schema.org JSON-LD
(``NewsArticle``: headline, author, datePublished, publisher), Open Graph and article meta tags
(``og:url``, ``og:site_name``, ``article:published_time``), Dublin Core, Parse.ly and Sailthru
tags, and in the page itself (``rel=author``, ``itemprop=author``, ``<time datetime>``). Each
value is taken from the first place that gives a usable one, structured data first. A Markdown
or text file gives them in YAML front matter (``title``, ``url``, ``author``, ``date``).

Every value is plain text; a date is ISO 8601 (``2026-03-14`` or ``2026-03-14T09:30:00+01:00``),
an address an absolute http(s) URL. A key is absent when the file does not say.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from datetime import date, datetime
from typing import Any

from reader.document.model import (
    METADATA_AUTHOR,
    METADATA_PUBLISHED,
    METADATA_SITE,
    METADATA_TITLE,
    METADATA_URL,
)

MAX_VALUE_CHARS = 500
MAX_URL_CHARS = 2048
_MAX_JSON_LD_CHARS = 1_000_000
_SPACES = re.compile(r"\s+")
# Some pages wrap their JSON-LD in a CDATA section, as XHTML needed.
_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")
_BYLINE = re.compile(r"byline|author|writtenby|p-author", re.IGNORECASE)
_BY = re.compile(r"^(?:by|von|par|por|door|di)\s+", re.IGNORECASE)
_ARTICLE_TYPES = frozenset({
    "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "blogposting",
    "scholarlyarticle", "techarticle", "report", "socialmediaposting", "liveblogposting",
    "webpage", "creativework",
})
_AUTHOR_META = ("dc.creator", "dcterms.creator", "author", "article:author", "parsely-author",
                "sailthru.author", "byl", "byline", "cxenseparse:author")
_PUBLISHED_META = ("article:published_time", "og:article:published_time", "datepublished",
                   "parsely-pub-date", "sailthru.date", "dc.date", "dcterms.created",
                   "dc.date.issued", "dcterms.issued", "publish-date", "pubdate", "date",
                   "article.published", "published_time", "release_date")
_SITE_META = ("og:site_name", "application-name", "publisher", "dc.publisher")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_FRONT_MATTER_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
_FRONT_MATTER_ITEM = re.compile(r"^[ \t]+-[ \t]+(.+?)[ \t]*$")


def clean(value: Any) -> str:
    """One line of text, at most MAX_VALUE_CHARS; "" for anything that is not text."""
    if not isinstance(value, str):
        return ""
    return _SPACES.sub(" ", value).strip()[:MAX_VALUE_CHARS]


def web_address(value: Any) -> str | None:
    """``value`` if it is an absolute http(s) address a reader could publish, else None."""
    if not isinstance(value, str):
        return None
    address = value.strip()
    if len(address) > MAX_URL_CHARS or any(c.isspace() or c < " " or c == "\x7f"
                                           for c in address):
        return None
    scheme, _, rest = address.partition("://")
    if scheme.lower() not in ("http", "https") or not rest or rest.startswith("/"):
        return None
    return address


def iso_date(value: Any) -> str | None:
    """A date as ISO 8601, from the forms pages and front matter use: ISO 8601 itself (with
    "Z", with or without seconds or offset, "+0000"), RFC 2822, or a YAML date; None otherwise.
    A date alone stays a date; a time keeps its offset when it has one."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = clean(value).strip("'\"")
    if not text:
        return None
    iso = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", text.replace(" ", "T", 1))
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        parsed = datetime.fromisoformat(iso)
    except ValueError:
        # Imported here: the email package costs a text file's start-up time for nothing.
        from email.utils import parsedate_to_datetime

        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    if not 1000 <= parsed.year <= 9999:
        return None
    return parsed.isoformat()


def page_metadata(root: Any, headline: str = "") -> dict[str, str]:
    """The metadata of a parsed page (an lxml HTML tree, before any clean-up: the JSON-LD
    lives in scripts). ``headline`` is the title the loader chose, kept as ``"title"``."""
    metas = _meta_values(root)
    articles = list(_json_ld_articles(root))
    found: dict[str, str] = {}

    url = _canonical_url(root, metas)
    if url is None:
        url = next((u for a in articles if (u := web_address(a.get("url")))), None)
    if url:
        found[METADATA_URL] = url

    title = clean(headline) or next((t for a in articles if (t := clean(a.get("headline")))), "")
    if title:
        found[METADATA_TITLE] = title

    author = next((n for a in articles if (n := _person_names(a.get("author")))), "")
    author = author or next((n for key in _AUTHOR_META for value in metas.get(key, ())
                             if (n := _author_text(value))), "")
    author = author or _author_in_page(root)
    if author:
        found[METADATA_AUTHOR] = author

    published = next((d for a in articles if (d := iso_date(a.get("datePublished")))), None)
    published = published or next((d for key in _PUBLISHED_META for value in metas.get(key, ())
                                   if (d := iso_date(value))), None)
    published = published or _date_in_page(root)
    if published:
        found[METADATA_PUBLISHED] = published

    site = next((n for key in _SITE_META[:2] for value in metas.get(key, ())
                 if (n := clean(value))), "")
    site = site or next((n for a in articles if (n := _person_names(a.get("publisher")))), "")
    site = site or next((n for key in _SITE_META[2:] for value in metas.get(key, ())
                         if (n := clean(value))), "")
    if site:
        found[METADATA_SITE] = site
    return found


def without_site_name(title: str, site: str) -> str:
    """A page title without the site's name the page adds to it ("Budget agreed | Gazette")."""
    if not site or len(title) <= len(site):
        return title
    for separator in (" | ", " - ", " – ", " — ", " :: ", " · "):
        if title.endswith(separator + site):
            return title[: -len(separator + site)].strip()
        if title.startswith(site + separator):
            return title[len(site + separator):].strip()
    return title


def front_matter(source: str) -> tuple[dict[str, str], int]:
    """A Markdown or text file's YAML front matter: (metadata, characters it takes), or
    ({}, 0) when the file does not open with one. Only the flat keys title, url (or link),
    author (a name or a list of names) and date are read; YAML's other forms are not needed
    for these and no YAML library is used."""
    match = _FRONT_MATTER.match(source)
    if match is None:
        return {}, 0
    values: dict[str, list[str]] = {}
    key = ""
    for line in match.group(1).splitlines():
        item = _FRONT_MATTER_ITEM.match(line)
        if item and key:
            values[key].append(_unquoted(item.group(1)))
            continue
        pair = _FRONT_MATTER_LINE.match(line)
        if pair is None:
            continue
        key = pair.group(1).lower()
        values[key] = [_unquoted(pair.group(2))] if pair.group(2) else []
    found: dict[str, str] = {}
    title = clean(_first(values, "title"))
    if title:
        found[METADATA_TITLE] = title
    url = web_address(_first(values, "url", "link", "canonical_url", "canonical"))
    if url:
        found[METADATA_URL] = url
    authors = [clean(a) for key in ("author", "authors") for a in values.get(key, ()) if clean(a)]
    if authors:
        found[METADATA_AUTHOR] = ", ".join(authors)[:MAX_VALUE_CHARS]
    published = iso_date(_first(values, "date", "published", "datepublished"))
    if published:
        found[METADATA_PUBLISHED] = published
    site = clean(_first(values, "site", "publisher"))
    if site:
        found[METADATA_SITE] = site
    return found, match.end()


def _first(values: Mapping[str, list[str]], *keys: str) -> str:
    for key in keys:
        for value in values.get(key, ()):
            if value:
                return value
    return ""


def _unquoted(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value.split(" #", 1)[0].strip()


def _meta_values(root: Any) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for meta in root.iter("meta"):
        content = meta.get("content")
        if not content:
            continue
        # property="dc:creator twitter:site_name": each name counts; dc:creator = dc.creator
        for attribute in ("property", "name", "itemprop"):
            for name in (meta.get(attribute) or "").lower().split():
                values.setdefault(name.replace("dc:", "dc.").replace("dcterms:", "dcterms."),
                                  []).append(content)
    return values


def _canonical_url(root: Any, metas: Mapping[str, list[str]]) -> str | None:
    """The canonical link first (what the publisher names as the article), then og:url."""
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            url = web_address(link.get("href"))
            if url:
                return url
    return next((u for value in metas.get("og:url", ()) if (u := web_address(value))), None)


def _json_ld_articles(root: Any) -> Iterator[Mapping[str, Any]]:
    """The article objects of the page's JSON-LD, those of an article type first."""
    objects: list[Mapping[str, Any]] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        text = _CDATA.sub("", (script.text or "")[:_MAX_JSON_LD_CHARS])
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        objects.extend(_json_objects(data, 0))
    typed = [o for o in objects if _types(o) & _ARTICLE_TYPES - {"webpage", "creativework"}]
    yield from typed
    yield from (o for o in objects if o not in typed and _types(o) & _ARTICLE_TYPES)


def _json_objects(data: Any, depth: int) -> Iterator[Mapping[str, Any]]:
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data[:100]:
            yield from _json_objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), list | dict):
                yield from _json_objects(data[key], depth + 1)


def _types(data: Mapping[str, Any]) -> set[str]:
    kind = data.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _person_names(value: Any) -> str:
    """Names from a schema.org author or publisher: text, an object with a name, or a list."""
    names: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        name = item.get("name") if isinstance(item, dict) else item
        if isinstance(name, list):
            name = name[0] if name else ""
        text = _author_text(name)
        if text and text not in names:
            names.append(text)
    return ", ".join(names)[:MAX_VALUE_CHARS]


def _author_text(value: Any) -> str:
    """A name as a byline gives it, without "By"; "" for an address (article:author is often
    the author's page) or a social handle."""
    text = _BY.sub("", clean(value))
    if not text or web_address(text) or text.startswith(("@", "/", "www.")):
        return ""
    return text


def _author_in_page(root: Any) -> str:
    """A byline in the page: a link to the author (rel=author), schema.org microdata, else the
    first short element whose class or id says byline or author."""
    for path in ('//*[@rel="author"]', '//*[@itemprop="author"]//*[@itemprop="name"]',
                 '//*[@itemprop="author"]'):
        for element in root.xpath(path):
            name = _author_text(element.text_content())
            if name and len(name) <= 100:
                return name
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style", "meta"):
            continue
        marks = f"{element.get('class', '')[:200]} {element.get('id', '')[:100]}"
        if _BYLINE.search(marks):
            name = _author_text(element.text_content())
            if name and len(name) <= 100 and len(name.split()) <= 8:
                return name
    return ""


def _date_in_page(root: Any) -> str | None:
    for path in ('//*[@itemprop="datePublished"]', "//time[@pubdate]", "//article//time"):
        for element in root.xpath(path):
            published = iso_date(element.get("datetime") or element.get("content"))
            if published:
                return published
    return None
