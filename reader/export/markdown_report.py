"""The review as a Markdown report: a summary, the source documents the quotes were checked
against, then each claim with its verdict, speaker, note, sources and, for a quote, where it was
found in each source document (the article's changes word by word). Text from the article, the
sources and the user is escaped so it cannot break the layout."""

from __future__ import annotations

import re

from reader.document.byline import metadata_line
from reader.evidence.descriptions import (
    attached_sources,
    claim_evidence,
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
from reader.store.model import Review, ReviewClaim

_INLINE = re.compile(r"([\\`*_\[\]<>&~|#])")  # '#': a heading's closing sequence
_LINE_START = re.compile(r"^([+=-]|\d+(?=[.)]))")
_BACKTICKS = re.compile(r"`+")


def escape(text: str) -> str:
    """Markdown-neutral text that still reads well as plain text: only the characters that can
    start markup inside a line are backslash-escaped (``&`` too, or ``&lt;`` in an article would
    show as ``<``), plus a list, heading or quote marker at the start; lines are joined. Dots,
    dashes and brackets in "€1.2 billion (2024-25)" stay as they are."""
    text = _INLINE.sub(r"\\\1", " ".join(text.split()))
    match = _LINE_START.match(text)
    if match is None:
        return text
    if match.group(1).isdigit():  # "12." or "12)" would start a numbered list
        end = match.end()
        return text[:end] + "\\" + text[end:]
    return "\\" + text


def code(text: str) -> str:
    """``text`` as a code span that no backtick inside it can close early (a claim id comes from
    a review file, which may come from anyone): the fence is one backtick longer than the
    longest run inside."""
    text = " ".join(text.split())
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


MARKS = {"left_out": "~~", "added": "**"}
LEGEND = ("~~Struck through~~: the source's words the article left out or changed. **Bold**: "
          "the article's words that are not in the source. \\[… n words …\\]: what the "
          "article's ellipsis leaves out.")


def _spaced(text: str) -> str:
    """Like ``escape`` for a piece of a line: spaces at its ends are kept (the pieces of a
    passage are joined), runs of white space become one space."""
    return _INLINE.sub(r"\\\1", re.sub(r"\s+", " ", text))


def _word_by_word(runs: list[tuple[str, str]]) -> str:
    """The passage with the article's changes marked: struck through, bold; the marks go
    round the words, not their spaces, or Markdown does not take them as marks."""
    out = []
    for kind, words in runs:
        mark = MARKS.get(kind)
        if mark is None:
            out.append(_spaced(words))
            continue
        core = words.strip()
        if core:
            lead = " " if words[:1].isspace() else ""
            trail = " " if words[-1:].isspace() else ""
            out.append(f"{lead}{mark}{_spaced(core)}{mark}{trail}")
    line = "".join(out).strip()
    return "\\" + line if _LINE_START.match(line) else line


def _evidence_lines(review: Review, claim: ReviewClaim) -> list[str]:
    found = claim_evidence(review, claim)
    if not found:
        return []
    lines = ["- In the source documents:"]
    for item, document in found:
        lines.append(f"  - {escape(evidence_line(item, document, claim))}")
        runs = passage_runs(item, document)
        if runs:
            lines.append(f"    - Word by word: {_word_by_word(runs)}")
    return lines


def _sources_section(review: Review) -> list[str]:
    """The documents the quotes were checked against, to tell them apart and find them."""
    documents = attached_sources(review)
    if not documents:
        return []
    lines = ["## Source documents", ""]
    for document in documents:
        parts = [escape(source_label(document))]
        if document.url:
            parts.append(f"<{document.url}>")
        parts.append(f"attached {readable_time(document.added)}")
        parts.append(f"SHA-256 {code(document.sha256)}")
        lines.append(f"- {', '.join(parts)}")
    lines += ["", f"Quotes are compared with these word by word. {LEGEND}", ""]
    return lines


def render_markdown(review: Review) -> str:
    document = review.document
    progress = review.progress()
    lines = [
        f"# Review: {escape(document.title or 'Untitled')}",
        "",
        *([f"- Article: {escape(byline)}"] if (byline := metadata_line(document.metadata))
          else []),
        *([f"- Web address: <{document.url}>"] if document.url else []),
        f"- Source file: {escape(document.source_path or 'unknown')}",
        f"- Document SHA-256: `{document.sha256}`",
        f"- Last updated: {readable_time(review.updated)}",
        f"- Progress: {progress.reviewed} of {progress.total} claims reviewed — "
        f"{progress.verified} verified, {progress.disputed} disputed, "
        f"{progress.unverifiable} unverifiable, {progress.unreviewed} unreviewed",
        "",
        *_sources_section(review),
        "## Claims",
        "",
    ]
    claims = exported_claims(review)
    if not claims:
        lines += ["No claims.", ""]
    for number, claim in enumerate(claims, 1):
        lines.append(f"### {number}. {claim_label(claim)}")
        lines.append("")
        lines.append(f"> {escape(claim.text)}")
        lines.append("")
        if claim.speaker:
            lines.append(f"- Speaker: {escape(claim.speaker)}")
        lines.append(f"- Claim id: {code(claim.id)} ({escape(claim.kind)}, "
                     f"{'added by the reviewer' if claim.origin == 'manual' else 'found'})")
        lines += [f"- **{escape(line)}**" for line in attention(claim)]
        if claim.note:
            lines.append(f"- Note: {escape(claim.note)}")
        if claim.sources:
            lines.append("- Sources:")
            lines += [f"  - {escape(source_line(source))}" for source in claim.sources]
        lines += _evidence_lines(review, claim)
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
