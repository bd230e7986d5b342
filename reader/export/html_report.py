"""The review as one standalone HTML page: the article with its claims highlighted and a verdict
mark after each, then a table of claims, then each quote checked against the source documents
(where it was found, the article's changes word by word, or not found). It prints well and
loads nothing: no scripts, fonts, images or style sheets, and a Content-Security-Policy that
forbids fetching anything. Every piece of article, source or user text is HTML-escaped; only
http(s) source addresses become links."""

from __future__ import annotations

from html import escape
from itertools import pairwise

from reader.document.byline import metadata_line
from reader.evidence.descriptions import (
    attached_sources,
    claim_evidence,
    compact_evidence,
    evidence_line,
    passage_runs,
    source_label,
)
from reader.export.labels import (
    attention,
    claim_label,
    exported_claims,
    readable_time,
    source_line,
)
from reader.store.model import DocumentSnapshot, Review, ReviewClaim, Source

MARKS = {"verified": "✓", "disputed": "✗", "unverifiable": "?", "unreviewed": "•"}

# Sizes in points, colours spelled out: Qt lays this page out for printing and PDF, and it reads
# ``px`` as device pixels (16px is about 1 pt on a 1200 dpi printer), ignores ``em`` font sizes
# and ``@media`` rules, and turns ``color: inherit`` into an empty colour operator that PDF
# readers reject. Browsers read points the same way (12pt = 16px). The verdict marks are
# not superscripts: Qt prints those at two thirds of their size.
STYLE = """
body { font-family: Georgia, "Times New Roman", serif; font-size: 12pt; line-height: 1.55;
       max-width: 46em; margin: 2em auto; padding: 0 1em; color: #1a1a1a; background: #fff; }
h1, h2, h3, th { font-family: system-ui, "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 18pt; }
h2 { font-size: 15pt; }
h3 { font-size: 13pt; }
.meta { color: #555555; font-size: 10.5pt; }
.byline { color: #333333; font-size: 11pt; margin: 0.2em 0; }
mark { padding: 0 0.1em; border-radius: 2px; color: #1a1a1a; }
mark.verified { background: #d7f0d9; border-bottom: 2px solid #2e7d32; }
mark.disputed { background: #fbd9d6; border-bottom: 2px solid #c62828; }
mark.unverifiable { background: #fdf0c6; border-bottom: 2px solid #b58900; }
mark.unreviewed { background: #eceff1; border-bottom: 2px dotted #607d8b; }
span.verdict { font-family: system-ui, Arial, sans-serif; font-weight: bold; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; font-size: 10.5pt; }
th, td { border: 1px solid #bbbbbb; padding: 0.3em 0.5em; text-align: left;
         vertical-align: top; }
td.status { font-weight: bold; }
.speaker { color: #555555; }
.legend { color: #555555; font-size: 9.5pt; }
@media print {
  body { margin: 0; max-width: none; }
  mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr { break-inside: avoid; }
  a { color: #1a1a1a; text-decoration: none; }
  a[href]::after { content: " (" attr(href) ")"; font-size: 9pt; }
}
"""

# Four columns, not six: on a portrait page a separate speaker or sources column is too narrow
# for a name. Qt adds padding and borders to percentages, so they add up to less than 100.
TABLE_COLUMNS = (("#", 6), ("Status", 24), ("Claim", 41), ("Note and sources", 29))
"""Shares of the width (the number's grows with its digits: ``_table_widths``)."""

CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _table_widths(rows: int) -> list[tuple[str, float]]:
    """The columns' shares of the width, the number's wide enough for its digits: Qt keeps
    to the shares given and breaks a number that does not fit ("1" over "0" for 10)."""
    number = 4.0 + 2.5 * len(str(max(rows, 1)))
    extra = number - TABLE_COLUMNS[0][1]
    return [(name, number if name == "#" else width - extra if name == "Claim" else width)
            for name, width in TABLE_COLUMNS]


def _blocks(text: str) -> list[tuple[str, int, int]]:
    """The article's blocks as (kind, start, end). A review keeps only the plain text, so its
    structure is found again the way a plain-text file's is: blank-line paragraphs, bullet
    lines, short unpunctuated lines standing alone as headings."""
    from reader.document.errors import DocumentError
    from reader.document.loading import document_from_string

    try:
        document = document_from_string(text, format="text")
    except DocumentError:  # nothing readable: the claims table still lists every claim
        return []
    return [(block.kind, block.start, block.end) for block in document.blocks]


def _inline(text: str) -> str:
    return escape(text).replace("\n", "<br>\n")


def _highlighted(text: str, start: int, end: int,
                 claims: list[tuple[int, ReviewClaim]]) -> str:
    """Paragraph ``text[start:end]`` with claims marked; where claims overlap the innermost one
    gives the colour, and every claim ends with its numbered verdict mark."""
    inside = [(n, c) for n, c in claims if c.anchor.start < end and c.anchor.end > start]
    cuts = {start, end}
    for _, claim in inside:
        cuts.add(max(start, claim.anchor.start))
        cuts.add(min(end, claim.anchor.end))
    points = sorted(cuts)
    out: list[str] = []
    for left, right in pairwise(points):
        covering = [(n, c) for n, c in inside if c.anchor.start <= left and c.anchor.end >= right]
        piece = _inline(text[left:right])
        if covering:
            # The innermost claim shows: a verified quote inside an unreviewed sentence is green.
            _, top = min(covering, key=lambda item: (item[1].anchor.end - item[1].anchor.start,
                                                     item[1].anchor.start))
            piece = f'<mark class="{escape(top.status)}">{piece}</mark>'
        out.append(piece)
        for number, claim in inside:
            if claim.anchor.end == right:
                symbol = MARKS.get(claim.status, "•")
                out.append(f'<span class="verdict" title="{escape(claim_label(claim))}">'
                           f"[{number}&nbsp;{symbol}]</span>")
    return "".join(out)


def _attention_html(claim: ReviewClaim) -> str:
    return "".join(f'<strong class="attention">{escape(line)}</strong><br>'
                   for line in attention(claim))


def _source_html(source: Source) -> str:
    line = escape(source_line(source))
    if source.url.startswith(("http://", "https://")):
        return f'<a href="{escape(source.url, quote=True)}">{line}</a>'
    return line


def _article_lines(document: DocumentSnapshot) -> list[str]:
    """The article's byline and web address, under the report's title, when known."""
    lines = []
    byline = metadata_line(document.metadata)
    if byline:
        lines.append(f'<p class="byline">{escape(byline)}</p>')
    if document.url:  # as text: printed, a link would show its address twice
        lines.append(f'<p class="byline">{escape(document.url)}</p>')
    return lines


PASSAGE_TAGS = {"same": "{}", "left_out": "<s>{}</s>", "added": "<u>{}</u>",
                "skipped": "<i>{}</i>"}
RESULT_MARKS = {"exact": "≡", "near": "≈", "not_found": "∅"}


def _sources_html(review: Review) -> list[str]:
    """The documents the quotes were checked against, under the report's title."""
    documents = attached_sources(review)
    if not documents:
        return []
    items = []
    for document in documents:
        parts = [escape(source_label(document))]
        if document.url:
            parts.append(escape(document.url))
        parts.append(f"attached {escape(readable_time(document.added))}")
        items.append(f"<li>{', '.join(parts)}</li>")
    return ["<h2>Source documents</h2>", "<ul>", *items, "</ul>"]


def _evidence_section(review: Review, numbered: list[tuple[int, ReviewClaim]]) -> list[str]:
    """Each quote against each source: the result in words (and a shape: never colour
    alone), and the passage with the article's changes marked word by word."""
    checked = [(number, claim, found) for number, claim in numbered
               if (found := claim_evidence(review, claim))]
    if not checked:
        return []
    parts = ["<h2>Quotes checked against the source documents</h2>",
             '<p class="legend"><s>Struck through</s>: the source\'s words the article left '
             "out or changed. <u>Underlined</u>: the article's words that are not in the "
             "source. [… n words …]: what the article's ellipsis leaves out.</p>"]
    for number, claim, found in checked:
        said = f" — {escape(claim.speaker)}" if claim.speaker else ""
        parts.append(f"<p><b>{number}.</b> “{escape(claim.text)}”{said}</p>")
        parts.append("<ul>")  # a list: Qt's printing indents lists, not styled paragraphs
        for item, document in found:
            line = (f"{RESULT_MARKS.get(item.result, '')} "
                    f"{escape(evidence_line(item, document, claim))}")
            runs = passage_runs(item, document)
            if runs:
                words = "".join(PASSAGE_TAGS[kind].format(_inline(text)) for kind, text in runs)
                line += f'<br>\n<span class="meta">Word by word:</span> {words}'
            parts.append(f"<li>{line}</li>")
        parts.append("</ul>")
    return parts


def render_html(review: Review) -> str:
    document = review.document
    progress = review.progress()
    claims = exported_claims(review)
    numbered = list(enumerate(claims, 1))
    placed = [(n, c) for n, c in numbered if not c.orphaned]
    title = escape(document.title or "Untitled")
    meta = " · ".join(escape(part) for part in (
        document.source_path or "",
        f"updated {readable_time(review.updated)}",
        f"{progress.reviewed} of {progress.total} claims reviewed: {progress.verified} "
        f"verified, {progress.disputed} disputed, {progress.unverifiable} unverifiable",
    ) if part)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        f"<title>Review: {title}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>Review: {title}</h1>",
        *_article_lines(document),
        f'<p class="meta">{meta}</p>',
        *_sources_html(review),
        "<h2>Article</h2>",
        '<div class="article">',
    ]
    in_list = False
    for kind, start, end in _blocks(document.text):
        if in_list and kind != "list_item":
            parts.append("</ul>")
            in_list = False
        body = _highlighted(document.text, start, end, placed)
        if kind == "list_item":
            if not in_list:
                parts.append("<ul>")
                in_list = True
            parts.append(f"<li>{body}</li>")
        elif kind == "heading":
            parts.append(f"<h3>{body}</h3>")
        elif kind == "block_quote":
            parts.append(f"<blockquote>{body}</blockquote>")
        else:
            parts.append(f"<p>{body}</p>")
    if in_list:
        parts.append("</ul>")
    parts += ["</div>", "<h2>Claims</h2>"]
    if not claims:
        parts.append("<p>No claims.</p>")
    else:
        parts.append('<table width="100%">')
        # Widths given, or Qt's layout splits the page into equal columns and the claim runs
        # a few words a line.
        parts.append("<thead><tr>" + "".join(
            f'<th width="{width}%">{name}</th>'
            for name, width in _table_widths(len(numbered))) + "</tr></thead>")
        parts.append("<tbody>")
        for number, claim in numbered:
            said = (f'<br><span class="speaker">— {escape(claim.speaker)}</span>'
                    if claim.speaker else "")
            notes = [_inline(claim.note)] if claim.note else []
            notes += [_source_html(s) for s in claim.sources]
            found = compact_evidence(review, claim, "; ")
            if found:
                notes.append(f"<i>In the source documents:</i> {escape(found)}")
            parts.append(
                f"<tr><td>{number}</td>"
                f'<td class="status">{MARKS.get(claim.status, "")}&nbsp;'
                f"{escape(claim_label(claim))}</td>"
                f"<td>{escape(claim.text)}{said}</td>"
                f"<td>{_attention_html(claim)}{'<br>'.join(notes)}</td></tr>")
        parts += ["</tbody>", "</table>"]
    parts += _evidence_section(review, numbered)
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)
