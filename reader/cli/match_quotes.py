"""``claim-reader match-quotes ARTICLE SOURCE [SOURCE…] [--json] [--save]``: does each quote of
the article appear in the sources (a transcript, a report), word for word, nearly, or not at all?
``claim-reader match-quotes ARTICLE --detach SOURCE_OR_ID``: take a source back out of the review.

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

``--detach`` lives here, beside ``--save`` which attaches, rather than in a command of its own:
sources are attached to a review by this command, and the user who attached the wrong file
looks for the way back where they attached it. It names the source by its file (the path as
attached, or the file itself, recognised by its text), its id (``s-…``, or the first six or
more hexadecimal digits), its file name or its title; ``claim-reader status FILE`` lists them.
The text and the passages found in it leave the review and a tombstone stays (see
docs/store.md), so that no other copy of the review brings it back.
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
    parser.add_argument("sources", metavar="SOURCE", nargs="*",
                        help="the original the article quotes: a transcript, a report, a "
                        "press release (.txt, .md, .html, .pdf, .docx); several may be given")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object per quote and source instead of a listing")
    parser.add_argument("--save", action="store_true",
                        help="keep the sources and the passages found in the article's review "
                        "(shown in the window)")
    parser.add_argument("--detach", metavar="SOURCE_OR_ID", action="append", default=[],
                        help="take a source document out of the article's review, with the "
                        "passages found in it (its file, its id s-… as `claim-reader status "
                        "ARTICLE` lists it, its file name or its title); repeat for several. "
                        "Sources a claim accepted from it stay")
    parser.set_defaults(usage_error=parser.error)


def _note(text: str) -> None:
    print(f"claim-reader: note: {printable(text)}", file=sys.stderr)


def match_data(claim: Any, source: str, match: Any) -> dict[str, Any]:
    """One object of ``--json``: a quote claim's best passage in one source."""
    return {"claim_id": claim.id, "quote": claim.text, "result": match.result,
            "similarity": round(match.similarity, 3), "source": source,
            "start": match.start, "end": match.end, "passage": match.passage,
            "changes": [{"op": c.op, "article": c.article, "source": c.source}
                        for c in match.changes]}


def _listing(claims: list[Any], names: list[str], found: dict[str, dict[str, Any]]) -> str:
    from reader.evidence.descriptions import change_words

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
                lines.extend(f"    {change_words(change)}" for change in match.changes)
        lines.append("")
    counts = {result: sum(1 for by_source in found.values() for m in by_source.values()
                          if m.result == result) for result in ("exact", "near", "not_found")}
    lines.append(f"{len(claims)} quote{'' if len(claims) == 1 else 's'} in {len(names)} "
                 f"source{'' if len(names) == 1 else 's'}: {counts['exact']} exact, "
                 f"{counts['near']} near, {counts['not_found']} not found.")
    return "\n".join(lines) + "\n"


def run(options: argparse.Namespace) -> int:
    if options.detach and options.sources:
        options.usage_error("give sources to match or --detach, not both: detach first, then "
                            "match with the sources you keep")
    if options.detach and (options.save or options.json):
        options.usage_error("--detach changes the review and prints what it did: it takes "
                            "neither --save nor --json")
    if not options.detach and not options.sources:
        options.usage_error("name at least one SOURCE to match the quotes in (or --detach "
                            "SOURCE_OR_ID to take one out of the review)")
    if options.detach:
        return _run_detach(options)
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


# Detaching -----------------------------------------------------------------------------------

MIN_ID_DIGITS = 6


class _NotNamed(Exception):
    """What the user typed names no source, or several: the message says which there are."""


def _listed(documents: list[Any]) -> str:
    """Sources (attached, or the tombstones of detached ones) as the user can name them."""
    return "; ".join(_named(document) for document in documents)


def named_source(review: Any, given: str) -> str:
    """The id of the source document ``given`` names (attached or already detached): its id or
    six or more of its first hexadecimal digits, its file (by its text, else by its path),
    its file name or its title. Raises ``_NotNamed`` with the candidates otherwise."""
    import os

    from reader.evidence.sources import SourceProblem, read_source
    from reader.store.model import source_document_id

    attached, removed = review.source_documents, review.removed_sources
    known: dict[str, Any] = {**removed, **attached}
    if given in known:
        return given
    wanted = given.strip().lower()
    digits = wanted.removeprefix("s-")
    if len(digits) >= MIN_ID_DIGITS and all(c in "0123456789abcdef" for c in digits):
        found = [key for key in known if key[2:].startswith(digits)]
        if found:
            return _one(found, given, known)
    path = Path(given).expanduser()
    if path.is_file():
        try:
            key = source_document_id(read_source(path).sha256)
        except SourceProblem:
            key = ""
        if key in known:
            return key
    absolute = os.path.abspath(path)
    by_path = [key for key, d in attached.items() if d.source_path == absolute]
    if by_path:
        return _one(by_path, given, known)
    name = Path(given).name.casefold()
    by_name = [key for key, d in attached.items()
               if d.source_path and Path(d.source_path).name.casefold() == name]
    by_name += [key for key, d in known.items()
                if d.title.strip().casefold() == wanted and key not in by_name]
    if by_name:
        return _one(by_name, given, known)
    if not attached:
        raise _NotNamed(f"The review has no source document attached, so there is nothing to "
                        f"detach as {given!r}.")
    raise _NotNamed(f"No source document of the review is {given!r}. Attached: "
                    f"{_listed(list(attached.values()))}. Name one by its file, its id or "
                    "its title.")


def _named(document: Any) -> str:
    """“Title” (file name, id), as the user can tell it and name it again."""
    path = getattr(document, "source_path", None)
    name = Path(path).name if path else ""
    where = f"{name}, {document.id}" if name and name != document.title else document.id
    return f"“{document.title}” ({where})"


def _one(found: list[str], given: str, known: dict[str, Any]) -> str:
    if len(found) == 1:
        return found[0]
    raise _NotNamed(f"{given!r} names {len(found)} source documents: "
                    f"{_listed([known[key] for key in sorted(found)])}. Give its id.")


def _run_detach(options: argparse.Namespace) -> int:
    from reader.document.errors import DocumentError
    from reader.document.loading import load_document
    from reader.evidence.evidence import accepted_source
    from reader.export.labels import readable_time
    from reader.store.errors import StoreError

    try:
        article = load_document(Path(options.file))
        handle = _review(options, article)
    except DocumentError as error:
        return fail(error.message)
    except StoreError as error:
        return fail(error.message)
    if not handle.saved:
        return fail(f"{options.file} has no review in the store yet, so no source is attached "
                    "to it. (The article comes first, then --detach and the source.)")
    problems = 0
    for given in options.detach:
        review = handle.review
        try:
            key = named_source(review, given)
        except _NotNamed as problem:
            fail(str(problem))
            problems += 1
            continue
        document = review.source_documents.get(key)
        if document is None:
            gone = review.removed_sources[key]
            who = f" by {gone.reviewer}" if gone.reviewer else ""
            print(printable(f"{_named(gone)} was already detached on "
                            f"{readable_time(gone.removed)}{who}; nothing changed."))
            continue
        quotes = sum(1 for claim in review.claims.values()
                     if any(item.source == key for item in claim.evidence))
        kept = sum(1 for claim in review.claims.values() for item in claim.evidence
                   if item.source == key and accepted_source(claim, item, document) is not None)
        try:
            removal = handle.detach_source(key)
        except StoreError as error:
            fail(error.message)
            problems += 1
            continue
        stays = ("" if not kept else "; the source a claim accepted from it stays" if kept == 1
                 else f"; the {kept} sources claims accepted from it stay")
        print(printable(f"Detached {_named(document)} from the review in "
                        f"{handle.path}: its text and the passages found in it for {quotes} "
                        f"quote{'' if quotes == 1 else 's'} are removed{stays}. Attaching "
                        "the file again brings it back."))
        copies = handle.copies_holding(removal, document.text)
        if copies:
            _note(f"Older copies of this review that Claim Reader kept still hold its text: "
                  f"{', '.join(str(p) for p in copies)}. Delete them if the text must go.")
    return FAILED if problems else 0
