"""``claim-reader search``: every stored review searched at once, with snippets and filters.

The search runs on the claim memory's index (``reader.memory``), which is brought up to date
with the store first: only review files added or changed since the last run are read.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reader.cli.exit_status import EXIT_CODES_HELP, USAGE, fail, output_closed
from reader.cli.terminal import clipped, json_text, printable

FOUND_IN = {"note": "in its note", "sources": "in its sources", "title": "in the article's title",
            "speaker": "in the speaker's name"}
PROGRESS_FROM = 200
"""Files to read from which the command says it is building the index, and how far it is."""


def _status(text: str) -> str:
    from reader.cli.review import status_word

    return status_word(text)


def add_arguments(name: str, parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Search the claims of every stored review: their words, speakers, notes and sources, "
        "and their articles' titles. Every word must be found; put a phrase in double quotes "
        "(claim-reader search '\"sea wall\"'); end a word with * to find words starting so "
        "(flood* finds flooding; three letters or more). Without words, the filters alone list "
        "claims, the most recently saved reviews first.")
    parser.epilog = EXIT_CODES_HELP
    parser.add_argument("query", metavar="QUERY", nargs="*", help="words to find")
    parser.add_argument("--speaker", metavar="NAME", default="",
                        help="only claims whose speaker's name has these words (Okafor)")
    parser.add_argument("--status", metavar="STATUS", type=_status, action="append",
                        default=[], help="only claims with this status: verified (v), "
                        "disputed (d), unverifiable (u) or unreviewed; repeat for several")
    parser.add_argument("--since", metavar="DATE", default="",
                        help="only articles published (else reviewed) on or after DATE "
                        "(YYYY-MM-DD, YYYY-MM or YYYY)")
    parser.add_argument("--until", metavar="DATE", default="",
                        help="only articles published (else reviewed) on or before DATE")
    parser.add_argument("--site", metavar="SITE", default="",
                        help="only articles from a site whose name or address holds SITE")
    parser.add_argument("--limit", metavar="N", type=_positive, default=20,
                        help="show at most N claims (default 20)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--rebuild", action="store_true",
                        help="build the search index again from the review files first")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of claims (1 or more)")
    return value


def _note(text: str) -> None:
    print(f"claim-reader: note: {printable(text)}", file=sys.stderr)


def up_to_date_memory(store: str | None, rebuild: bool = False) -> Any:
    """The store's claim memory, synced, saying on stderr what a user should know: a long
    first build (with its progress on a terminal), a damaged index rebuilt, review files that
    could not be read. Raises ``ClaimMemoryError``."""
    from reader.memory.index import ClaimMemory

    memory = ClaimMemory(store)
    if rebuild:
        memory.rebuild()
    changed, _ = memory.stale()
    progress = None
    if len(changed) >= PROGRESS_FROM:
        _note(f"Building the search index from {len(changed):,} review files (later runs "
              "read only what changed)…")
        if sys.stderr.isatty():
            def progress(done: int, total: int) -> None:
                sys.stderr.write(f"\r  {done:,} of {total:,} review files")
                if done == total:
                    sys.stderr.write("\n")
                sys.stderr.flush()
    report = memory.sync(progress)
    for notice in memory.notices:
        _note(notice)
    memory.notices.clear()
    if report.unreadable:
        first = sorted(report.unreadable)[0]
        others = len(report.unreadable) - 1
        more = f" and {others} other{'s' if others != 1 else ''}" if others else ""
        _note(f"{memory.reviews_dir / (first + '.json')}{more} could not be read "
              f"({report.unreadable[first]}) and {'is' if not others else 'are'} left out; "
              "open the article with `claim-reader status FILE` to recover it.")
    return memory


def run(options: argparse.Namespace) -> int:
    from reader.memory.index import ClaimMemoryError
    from reader.memory.search import SearchError, SearchQuery, search

    text = " ".join(options.query)
    try:
        query = SearchQuery(text, options.speaker, tuple(dict.fromkeys(options.status)),
                            options.since.strip(), options.until.strip(), options.site,
                            options.limit)
    except SearchError as error:
        return fail(str(error), USAGE)
    if query.empty:
        return fail("Nothing to search for: give words to find, or a filter (--speaker, "
                    "--status, --since, --until, --site)." + (
                        f" {text!r} holds no letter or digit." if text.strip() else ""), USAGE)
    try:
        memory = up_to_date_memory(options.store, options.rebuild)
        with memory:
            results = memory.guarded(lambda db: search(db, query))
    except ClaimMemoryError as error:
        return fail(error.message)
    try:
        if options.json:
            sys.stdout.write(json_text(_json(query, results)) + "\n")
        else:
            _print(query, results)
        sys.stdout.flush()
    except BrokenPipeError:
        return output_closed()
    return 0


def _json(query: Any, results: Any) -> dict[str, Any]:
    return {"query": query.text,
            "filters": {"speaker": query.speaker or None, "status": list(query.statuses),
                        "since": query.since or None, "until": query.until or None,
                        "site": query.site or None},
            "total": results.total, "more": results.more, "shown": len(results.hits),
            "results": [hit.to_dict() for hit in results.hits]}


def _say(text: str = "") -> None:
    print(printable(text))


def _print(query: Any, results: Any) -> None:
    if not results.hits:
        _say("No claim matches.")
        return
    shown = len(results.hits)
    if results.more:
        which = (f"the best {shown} of the {results.total:,} most recently saved" if
                 query.text.strip() or query.speaker.strip() else f"the {shown} newest")
        _say(f"More than {results.total:,} claims match; {which} are shown (more words or a "
             "filter narrow it).")
    else:
        more = (f", the first {shown} shown (--limit for more)" if results.total > shown
                else "")
        _say(f"{results.total:,} claim{'s match' if results.total != 1 else ' matches'}"
             f"{more}.")
    for hit in results.hits:
        _say()
        speaker = f"{hit.speaker}: " if hit.speaker else ""
        words = hit.snippet if hit.found_in == "words" else hit.text
        _say(f"{hit.status:<12} {speaker}“{clipped(words, 110)}”")
        if hit.found_in and hit.found_in != "words":
            _say(f"{'':<12} {FOUND_IN[hit.found_in]}: {clipped(hit.snippet, 100)}")
        if hit.note and hit.found_in != "note":
            _say(f"{'':<12} note: {clipped(hit.note, 100)}")
        where = " · ".join(part for part in (f"“{hit.title}”" if hit.title else "", hit.site,
                                             hit.day) if part)
        _say(f"{'':<12} {where}")
        _say(f"{'':<12} {hit.path or 'pasted text'} · claim {hit.claim_id} · review "
             f"{hit.review_id}")
