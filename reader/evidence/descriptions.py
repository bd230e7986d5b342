"""Evidence as it is shown: which passages a claim shows (only those of sources still
attached), a source's name, one line per quote and source, and the same as data. The claim's
pane, ``claim-reader status`` and every export describe evidence through here, so they agree,
and none of them shows a passage of a source the user detached.
"""

from __future__ import annotations

from reader.evidence.evidence import is_stale, locate, word_by_word
from reader.store.model import Evidence, EvidenceChange, Review, ReviewClaim, SourceDocument

CHANGES_SHOWN = 3
"""Changes spelt out in a one-line description; the rest are counted."""


def attached_sources(review: Review) -> list[SourceDocument]:
    """The review's source documents in the order they were attached."""
    return sorted(review.source_documents.values(), key=lambda d: (d.added, d.id))


def claim_evidence(review: Review, claim: ReviewClaim) -> list[tuple[Evidence, SourceDocument]]:
    """The passages to show for a claim, with their source, in the order the sources were
    attached: only sources still attached. Evidence of any other source (one the user
    detached, which a copy of the review from elsewhere may still carry, or a source entry
    lost to damage) is ignored, so no view, listing or export shows it."""
    if not claim.evidence:
        return []
    order = {document.id: number for number, document in enumerate(attached_sources(review))}
    found = [(item, review.source_documents[item.source]) for item in claim.evidence
             if item.source in order]
    return sorted(found, key=lambda pair: order[pair[0].source])


def source_label(document: SourceDocument) -> str:
    """A source as a person names it: its title, with its file's name when that differs."""
    name = document.source_path.replace("\\", "/").rsplit("/", 1)[-1] \
        if document.source_path else ""
    title = document.title or name or document.id
    return title if not name or name == title else f"{title} ({name})"


def short_name(document: SourceDocument) -> str:
    """A source in a word or two, for one-line listings: its file's name, else its title."""
    if document.source_path:
        return document.source_path.replace("\\", "/").rsplit("/", 1)[-1]
    return document.title or document.id


def change_words(change: EvidenceChange) -> str:
    """One change, read from the source to the article, in words."""
    if change.op == "insert":
        return f"added “{change.article}”"
    if change.op == "delete":
        return f"left out “{change.source}”"
    return f"changed “{change.source}” to “{change.article}”"


def describe_changes(evidence: Evidence, limit: int = CHANGES_SHOWN) -> str:
    """What the article changed, short: "changed “not” to “never”; left out “very”", the
    changes past ``limit`` counted ("and 2 more"); "" when there are none."""
    words = [change_words(change) for change in evidence.changes[:limit]]
    rest = len(evidence.changes) - limit
    if rest > 0:
        words.append(f"and {rest} more change{'' if rest == 1 else 's'}")
    return "; ".join(words)


def result_phrase(evidence: Evidence) -> str:
    """The result in a few words, the similarity spelt out for a near match: "exact", "near,
    89% of words the same", "not found"."""
    if evidence.result == "exact":
        return "exact"
    if evidence.result == "near":
        return f"near, {round(evidence.similarity * 100)}% of words the same"
    return "not found"


def evidence_line(evidence: Evidence, document: SourceDocument, claim: ReviewClaim,
                  where: str | None = None) -> str:
    """One line on a quote and one source: where it was found, how closely, and what the
    article changed (the reports and the claim's pane say it alike). ``where`` names the
    source (default: ``source_label``)."""
    where = where or source_label(document)
    if evidence.result == "exact":
        line = f"Exact match in {where}"
    elif evidence.result == "near":
        line = (f"Near match in {where}: {round(evidence.similarity * 100)}% of words the "
                "same")
        changes = describe_changes(evidence)
        if changes:
            line += f"; {changes}"
    else:
        line = (f"Not found in {where}: the closest passage has "
                f"{round(evidence.similarity * 100)}% of the quote's words")
    if is_stale(evidence, claim):
        line += " — matched against the quote's earlier words"
    return line


def passage_of(evidence: Evidence, document: SourceDocument) -> tuple[int, int, str] | None:
    """The passage's offsets in the source's text and its words, where it is now."""
    where = locate(evidence, document)
    if where is None:
        return None
    return where[0], where[1], document.text[where[0] : where[1]]


def evidence_data(evidence: Evidence, document: SourceDocument,
                  claim: ReviewClaim) -> dict[str, object]:
    """One passage as data (``status --json``): the source's id and title, the result, the
    similarity, the passage (offsets into the source's text) and the changes, read from the
    source to the article as ``match-quotes --json`` gives them."""
    found = passage_of(evidence, document)
    return {"source": document.id, "title": document.title,
            "path": document.source_path, "result": evidence.result,
            "similarity": round(evidence.similarity, 3),
            "start": found[0] if found else None, "end": found[1] if found else None,
            "passage": found[2] if found else None,
            "changes": [{"op": c.op, "article": c.article, "source": c.source}
                        for c in evidence.changes],
            "stale": is_stale(evidence, claim)}


def compact_evidence(review: Review, claim: ReviewClaim, separator: str = " · ") -> str:
    """A quote's passages in all its sources on one line, for listings and spreadsheets:
    "near 89% in minutes.txt (changed “not” to “never”) · exact in release.txt"."""
    parts = []
    for item, document in claim_evidence(review, claim):
        result = {"exact": "exact", "not_found": "not found"}.get(
            item.result, f"near {round(item.similarity * 100)}%")
        part = f"{result} in {short_name(document)}"
        changes = describe_changes(item, 2)
        if changes:
            part += f" ({changes})"
        if is_stale(item, claim):
            part += " [matched against earlier words]"
        parts.append(part)
    return separator.join(parts)


def passage_runs(evidence: Evidence, document: SourceDocument) -> list[tuple[str, str]]:
    """The quote against its passage word by word, for the reports (``word_by_word``: "same",
    "left_out", "added", "skipped"), when there is something to show: a near match, or an
    exact one whose ellipsis stands for some of the source's words. Empty otherwise (not
    found, the same words, or the passage no longer where it was)."""
    if evidence.result == "not_found" or not (evidence.changes or evidence.skipped):
        return []
    where = locate(evidence, document)
    if where is None:
        return []
    return word_by_word(evidence, document.text, where)


def document_iri(document: SourceDocument) -> str:
    """A source document as a Web Annotation names it: its web address when known, else its
    file URI, else its content hash as a URN (as the article is named)."""
    from pathlib import PurePosixPath, PureWindowsPath

    if document.url.lower().startswith(("http://", "https://")):
        return document.url
    path = document.source_path
    if path:
        for flavour in (PurePosixPath, PureWindowsPath):
            if flavour(path).is_absolute():
                return flavour(path).as_uri()
    return f"urn:sha256:{document.sha256}"

