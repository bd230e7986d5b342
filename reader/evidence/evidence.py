"""A review's quote claims matched against its source documents, as the evidence the store keeps
with each claim; and a passage accepted as a supporting or contradicting source of its claim.

The window and ``claim-reader match-quotes --save`` both go through here, so the evidence they
store is the same. Accepting makes an ordinary entry of the claim's ``sources`` (recorded in its
history like any source the user adds); which passage it came from is read back from its title
and citation, which are made from the evidence alone, so nothing more needs storing or merging.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from reader.evidence.matching import QuoteMatch, find_quote
from reader.evidence.source_index import SourceIndex
from reader.store.anchoring import place_anchors
from reader.store.merge import source_key
from reader.store.model import (
    Anchor,
    Evidence,
    EvidenceChange,
    ReviewClaim,
    Source,
    SourceDocument,
)

QUOTE_KIND = "quote"
RESULT_WORDS = {"exact": "Exact match", "near": "Near match", "not_found": "Not found"}
CITATION_WORDS = 60
"""Words of a passage quoted in an accepted source's citation; a longer passage is cut with …"""


def quote_claims(claims: Iterable[ReviewClaim]) -> list[ReviewClaim]:
    """The claims whose words are someone's quote and are in the text: those matched."""
    chosen = [c for c in claims if c.kind == QUOTE_KIND and not c.dismissed and not c.orphaned
              and c.text.strip()]
    return sorted(chosen, key=lambda c: (c.anchor.start, c.anchor.end, c.id))


def evidence_of(match: QuoteMatch, document: SourceDocument, quote: str,
                now: str) -> Evidence:
    """What the store keeps of a match: the passage anchored in the source's text."""
    anchor = None
    if match.start is not None and match.end is not None:
        anchor = Anchor.from_text(document.text, match.start, match.end)
    changes = tuple(EvidenceChange(c.op, c.article, c.source, c.start, c.end)
                    for c in match.changes)
    return Evidence(document.id, match.result, match.similarity, quote, now, anchor, changes,
                    match.skipped)


def match_claims(claims: Sequence[ReviewClaim],
                 sources: Sequence[tuple[SourceDocument, SourceIndex]], now: str,
                 progress: Callable[[int, int], None] | None = None
                 ) -> dict[str, tuple[Evidence, ...]]:
    """Every quote claim in every source: the evidence to record, by claim id."""
    total = len(claims) * len(sources)
    done = 0
    found: dict[str, tuple[Evidence, ...]] = {}
    for claim in claims:
        items = []
        for document, index in sources:
            items.append(evidence_of(find_quote(index, claim.text), document, claim.text, now))
            done += 1
            if progress is not None:
                progress(done, total)
        found[claim.id] = tuple(items)
    return found


def is_stale(evidence: Evidence, claim: ReviewClaim) -> bool:
    """Matched for words the claim no longer has (the article changed since)."""
    return evidence.quote != claim.text


def locate(evidence: Evidence, document: SourceDocument) -> tuple[int, int] | None:
    """Where the passage is in the source's text: at its stored offsets when the words there
    are its words, else found again by its words and context (the store's re-anchoring, for a
    file edited by hand); None when not found or not there."""
    anchor = evidence.anchor
    if anchor is None:
        return None
    text = document.text
    if 0 <= anchor.start <= anchor.end <= len(text) and \
            text[anchor.start : anchor.end] == anchor.exact:
        return anchor.start, anchor.end
    placed = place_anchors({"passage": anchor}, text, text)["passage"]
    return None if placed is None else (placed[0], placed[1])


def marked_spans(evidence: Evidence, where: tuple[int, int]) -> list[tuple[int, int, str]]:
    """What to mark in the source's text: (start, end, kind), kind "passage" for the runs of
    the passage the quote covers (not what an ellipsis leaves out) and "changed" for the source
    words the article left out or changed. ``where`` as for ``word_by_word``."""
    start, end = where
    shift = start - evidence.anchor.start if evidence.anchor is not None else 0
    spans: list[tuple[int, int, str]] = []
    cursor = start
    for gap_start, gap_end in sorted(evidence.skipped):
        spans.append((cursor, gap_start + shift, "passage"))
        cursor = gap_end + shift
    spans.append((cursor, end, "passage"))
    spans.extend((c.start + shift, c.end + shift, "changed") for c in evidence.changes
                 if c.end > c.start)
    return [span for span in spans if span[1] > span[0]]


def word_by_word(evidence: Evidence, text: str,
                 where: tuple[int, int]) -> list[tuple[str, str]]:
    """The passage with the article's changes written in, as (kind, text) runs in reading
    order: "same" (the source's words the quote shares, with their punctuation), "left_out"
    (source words the article left out or changed), "added" (the article's own words) and
    "skipped" (what an ellipsis stands for: "[… 12 words …]"). ``where`` is the passage's place
    in ``text`` (``locate``), which the stored offsets are shifted to."""
    start, end = where
    shift = start - evidence.anchor.start if evidence.anchor is not None else 0
    events: list[tuple[int, int, object]] = []
    for change in evidence.changes:
        events.append((change.start + shift, 0 if change.op == "insert" else 1, change))
    for gap in evidence.skipped:
        events.append((gap[0] + shift, 2, gap))
    events.sort(key=lambda event: (event[0], event[1]))
    runs: list[tuple[str, str]] = []

    def add(kind: str, words: str) -> None:
        if words:
            runs.append((kind, words))

    def spaced() -> None:
        """A space before the article's words unless the text before ends in one."""
        if runs and not runs[-1][1][-1:].isspace():
            add("same", " ")

    cursor = start
    for at, _, item in events:
        if at > cursor:
            add("same", text[cursor:at])
            cursor = at
        if isinstance(item, tuple):
            gap_end = item[1] + shift
            count = len(text[cursor:gap_end].split())
            spaced()
            add("skipped", f"[… {count} word{'' if count == 1 else 's'} …]")
            add("same", " ")
            cursor = gap_end
            continue
        assert isinstance(item, EvidenceChange)
        if item.op in ("delete", "replace"):
            add("left_out", item.source)
            cursor = item.end + shift
        if item.op in ("insert", "replace"):
            spaced()
            add("added", item.article)
            if cursor < len(text) and cursor < end and not text[cursor].isspace():
                add("same", " ")
    add("same", text[cursor:end])
    return runs


# Accepting ---------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Acceptance:
    """What accepting a passage with ``stance`` does: "add" the source ``fields``, "update" the
    stance of the ``source`` accepted before, or nothing ("same": already so)."""

    action: str
    fields: Mapping[str, str]
    source: Source | None = None


def _clipped_words(text: str, limit: int) -> str:
    words = text.split()
    return " ".join(words) if len(words) <= limit else " ".join(words[:limit]) + " …"


def source_fields(evidence: Evidence, document: SourceDocument) -> dict[str, str]:
    """The source entry a passage becomes: the document's title, address and site, and the
    passage itself as the citation (with the source file's name, since titles repeat)."""
    anchor = evidence.anchor
    if anchor is None:
        raise ValueError("This quote was not found in that source: there is no passage to "
                         "accept.")
    where = document.source_path.replace("\\", "/").rsplit("/", 1)[-1] \
        if document.source_path else document.title
    quality = "exact" if evidence.result == "exact" else \
        f"near, {round(evidence.similarity * 100)}% of words the same"
    citation = (f"“{_clipped_words(anchor.exact, CITATION_WORDS)}” — {where}, characters "
                f"{anchor.start}–{anchor.end} ({quality})")
    metadata = document.metadata
    title = metadata.get("title") or document.title or where
    return {"title": title, "url": document.url, "citation": citation,
            "publisher": metadata.get("site", "")}


def accepted_source(claim: ReviewClaim, evidence: Evidence,
                    document: SourceDocument) -> Source | None:
    """The claim's source that came from accepting this passage, if it has one."""
    if evidence.anchor is None:
        return None
    fields = source_fields(evidence, document)
    wanted = (fields["url"].strip(), fields["citation"].strip(), fields["title"].strip())
    return next((s for s in claim.sources if source_key(s) == wanted), None)


def acceptance(claim: ReviewClaim, evidence: Evidence, document: SourceDocument,
               stance: str) -> Acceptance:
    """What accepting the passage as a ``stance`` ("supports", "contradicts") source does."""
    if stance not in ("supports", "contradicts"):
        raise ValueError(f"{stance!r} is not a stance to accept a passage with")
    fields = {**source_fields(evidence, document), "stance": stance}
    existing = accepted_source(claim, evidence, document)
    if existing is None:
        return Acceptance("add", fields)
    if existing.stance == stance:
        return Acceptance("same", fields, existing)
    return Acceptance("update", fields, existing)
