"""``claim-reader match-quotes ARTICLE SOURCE [SOURCE…] [--json] [--save]``: does each quote of
the article appear in the sources (a transcript, a report), word for word, nearly, or not at all?

For every quote claim and every source, the best passage: ``exact`` (the same words, whatever
the quote marks, case, punctuation and spacing), ``near`` (with what the article changed, left
out or added, word by word, and a similarity) or ``not_found``. ``--json`` prints a list with
one object per quote and source, in the article's order then the sources' order::

    {"claim_id", "quote", "result": "exact"|"near"|"not_found", "similarity", "source",
     "start", "end", "passage", "changes": [{"op": "insert"|"delete"|"replace",
     "article", "source"}]}

``source`` is the source as named on the command line; ``start``/``end`` are offsets (code
points) in its text and, with ``passage``, null when not found. A change reads from the source
to the article: "insert" words the article added, "delete" source words it left out.
``--save`` keeps the sources and the passages in the article's review (the window shows them).

A source that cannot serve (unreadable, empty, the article itself) is named in one line on
stderr and the others are matched; the command then exits 1. Exit codes: see
``reader.cli.exit_status``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reader.cli.exit_status import EXIT_CODES_HELP, FAILED, fail, output_closed
from reader.cli.terminal import clipped, json_text, printable

TEXT_WIDTH = 72
CHANGE_WORDS = {"insert": "added", "delete": "left out", "replace": "changed"}


def add_arguments(name: str, parser: argparse.ArgumentParser) -> None:
    parser.epilog = EXIT_CODES_HELP
    parser.add_argument("file", metavar="ARTICLE", help="the article (.txt, .md, .html)")
    parser.add_argument("sources", metavar="SOURCE", nargs="+",
                        help="the original the article quotes: a transcript, a report, a "
                        "press release (.txt, .md, .html); several may be given")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object per quote and source instead of a listing")
    parser.add_argument("--save", action="store_true",
                        help="keep the sources and the passages found in the article's review "
                        "(shown in the window)")


def _note(text: str) -> None:
    print(f"claim-reader: note: {printable(text)}", file=sys.stderr)


def match_data(claim: Any, source: str, match: Any) -> dict[str, Any]:
    """One object of ``--json``: a quote claim's best passage in one source."""
    return {"claim_id": claim.id, "quote": claim.text, "result": match.result,
            "similarity": round(match.similarity, 3), "source": source,
            "start": match.start, "end": match.end, "passage": match.passage,
            "changes": [{"op": c.op, "article": c.article, "source": c.source}
                        for c in match.changes]}


def _change_line(change: Any) -> str:
    if change.op == "insert":
        return f"added “{change.article}”"
    if change.op == "delete":
        return f"left out “{change.source}”"
    return f"changed “{change.source}” to “{change.article}”"


def _listing(claims: list[Any], names: list[str], found: dict[str, dict[str, Any]]) -> str:
    lines: list[str] = []
    width = max(len(name) for name in names)
    for claim in claims:
        who = f" — {claim.speaker}" if claim.speaker else ""
        lines.append(f"{claim.id}  “{clipped(claim.text, TEXT_WIDTH)}”{who}")
        for name in names:
            match = found[claim.id][name]
            if match.result == "not_found":
                lines.append(f"  not found  {name}")
                continue
            result = "exact    " if match.result == "exact" else \
                f"near {round(match.similarity * 100):>3}%"
            lines.append(f"  {result}  {name:<{width}}  characters {match.start}–{match.end}")
            if match.result == "near":
                lines.append(f"    source: “{clipped(match.passage, TEXT_WIDTH)}”")
                lines.extend(f"    {_change_line(change)}" for change in match.changes)
        lines.append("")
    counts = {result: sum(1 for by_source in found.values() for m in by_source.values()
                          if m.result == result) for result in ("exact", "near", "not_found")}
    lines.append(f"{len(claims)} quote{'' if len(claims) == 1 else 's'} in {len(names)} "
                 f"source{'' if len(names) == 1 else 's'}: {counts['exact']} exact, "
                 f"{counts['near']} near, {counts['not_found']} not found.")
    return "\n".join(lines) + "\n"


def run(options: argparse.Namespace) -> int:
    from reader.document.errors import DocumentError
    from reader.document.loading import load_document
    from reader.evidence.evidence import evidence_of, quote_claims
    from reader.evidence.matching import find_quote
    from reader.evidence.sources import SourceProblem, load_source
    from reader.store.errors import StoreError
    from reader.store.model import utc_now

    try:
        article = load_document(Path(options.file))
    except DocumentError as error:
        return fail(error.message)
    now = utc_now()
    problems = 0
    loaded = []  # (name as given, LoadedSource)
    first_name: dict[str, str] = {}
    for name in options.sources:
        try:
            source = load_source(name, article, now)
        except SourceProblem as problem:
            fail(problem.message)
            problems += 1
            continue
        earlier = first_name.get(source.document.id)
        if earlier is not None:
            _note(f"{name} holds the same text as {earlier}; it is matched once, as {earlier}.")
            continue
        first_name[source.document.id] = name
        loaded.append((name, source))
    if not loaded:
        return fail("No source could be used, so no quote was matched.")
    try:
        handle = _review(options, article) if options.save else None
    except StoreError as error:
        return fail(error.message)
    if handle is not None:
        claims = quote_claims(handle.review.claims.values())
    else:
        from reader.analysis import analyse
        from reader.store.anchoring import claim_from_analysis

        analysis = analyse(article.text, article.blocks)
        claims = quote_claims(claim_from_analysis(c, article.text, now)
                              for c in analysis.claims)
    found = {claim.id: {name: find_quote(source.index, claim.text) for name, source in loaded}
             for claim in claims}
    names = [name for name, _ in loaded]
    try:
        if options.json:
            data = [match_data(claim, name, found[claim.id][name])
                    for claim in claims for name in names]
            sys.stdout.write(json_text(data) + "\n")
        elif not claims:
            sys.stdout.write(printable(f"No quotes found in {options.file}: nothing to match. "
                                       "(The article comes first, then its sources.)\n"))
        else:
            sys.stdout.write(printable(_listing(claims, names, found)))
        sys.stdout.flush()
    except BrokenPipeError:
        return output_closed()
    if handle is not None:
        evidence = {claim.id: tuple(evidence_of(found[claim.id][name], source.document,
                                                claim.text, now) for name, source in loaded)
                    for claim in claims}
        before = handle.review
        try:
            handle.record_evidence(tuple(source.document for _, source in loaded), evidence)
        except StoreError as error:
            return fail(error.message)
        what = (f"the passages of {len(claims)} quote{'' if len(claims) == 1 else 's'} in "
                f"{len(loaded)} source{'' if len(loaded) == 1 else 's'}")
        saved = (f"Saved {what} in {handle.path}" if handle.review is not before
                 else f"Nothing new to save: {what} are already in {handle.path}")
        if options.json:
            _note(saved)
        else:
            print(printable(saved))
    return FAILED if problems else 0


def _review(options: argparse.Namespace, article: Any) -> Any:
    """The article's review, to keep the evidence in; what to do when its file is damaged."""
    from reader.cli.review import damaged_advice
    from reader.store.errors import DamagedReviewError, StoreError, StoreReadOnlyError
    from reader.store.store import ReviewStore

    store = ReviewStore(options.store)
    try:
        handle = store.open_review(article, save=False)
    except DamagedReviewError as error:
        raise StoreError(error.path, damaged_advice(
            error, options, "status", ", then run match-quotes again")) from None
    finally:
        for notice in store.notices:
            _note(notice)
        store.notices.clear()
    if handle.read_only:
        raise StoreReadOnlyError(handle.path, handle.read_only_reason or "")
    return handle
