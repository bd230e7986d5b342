"""``claim-reader status|tag|import``: a review read, tagged or merged without the window, on the
same store the window uses, so that a review can be scripted and tested.

Exit codes: see ``reader.cli.exit_status`` (0 done, 1 failed with a message, 2 usage).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reader.cli.exit_status import EXIT_CODES_HELP, USAGE, fail, output_closed
from reader.cli.terminal import around_difference, clipped, json_text, printable
from reader.store.model import STATUSES

TEXT_WIDTH = 70
MIN_ID_PREFIX = 6
# The window's keys: V, D, U (and 1, 2, 3; 0 for back to unreviewed).
STATUS_SHORT_FORMS = {"v": "verified", "d": "disputed", "u": "unverifiable", "1": "verified",
                      "2": "disputed", "3": "unverifiable", "0": "unreviewed"}


def status_word(text: str) -> str:
    """A status as typed: "Verified", "VERIFIED", "v" and "1" all mean verified."""
    word = text.strip().lower()
    word = STATUS_SHORT_FORMS.get(word, word)
    if word not in STATUSES:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a status: use verified (v), disputed (d), unverifiable (u) or "
            "unreviewed")
    return word


class AmbiguousClaimId(Exception):
    pass


def resolve_claim_id(handle: Any, given: str) -> str:
    """The id of the claim ``given`` names: the id itself, or a prefix of at least
    MIN_ID_PREFIX characters that no other claim's id starts with (case aside)."""
    claims = handle.review.claims
    if given in claims:
        return given
    wanted = given.strip().lower()
    matches = [cid for cid in claims if cid.lower().startswith(wanted)] if wanted else []
    if len(matches) == 1 and len(wanted) >= MIN_ID_PREFIX:
        return matches[0]
    if len(matches) > 1:
        ordered = [c for c in handle.review.ordered_claims() if c.id in matches]
        listed = "\n".join(f"  {c.id}  {clipped(c.text, TEXT_WIDTH)}" for c in ordered)
        raise AmbiguousClaimId(f"{given!r} is the start of {len(matches)} claim ids; give more "
                               f"of the one you mean:\n{listed}")
    if matches:
        raise AmbiguousClaimId(f"{given!r} is too short to name a claim: give at least "
                               f"{MIN_ID_PREFIX} characters of its id ({matches[0]}).")
    return handle.claim(given).id  # raises the store's "no claim" error


def add_arguments(name: str, parser: argparse.ArgumentParser) -> None:
    parser.epilog = EXIT_CODES_HELP
    if name == "status":
        parser.add_argument("file", metavar="FILE",
                            help="the article (.txt, .md, .html, .mhtml, .pdf, .docx)")
        parser.add_argument("--json", action="store_true",
                            help="print progress and claims as JSON instead of a table")
        _add_damaged_options(parser)
    elif name == "tag":
        parser.add_argument("file", metavar="FILE",
                            help="the article (.txt, .md, .html, .mhtml, .pdf, .docx)")
        parser.add_argument("claim_id", metavar="CLAIM_ID",
                            help="the claim's id, as `claim-reader status FILE` lists it, or "
                            f"its first {MIN_ID_PREFIX} characters or more")
        parser.add_argument("status", metavar="STATUS", type=status_word,
                            help="verified (v), disputed (d), unverifiable (u) or unreviewed, "
                            "in any case")
        parser.add_argument("--note", metavar="TEXT", help="replace the claim's note")
        parser.add_argument("--source", metavar="URL", action="append", default=[],
                            help="add a source (a URL or a citation); repeat for several")
        parser.add_argument("--reviewer", metavar="NAME",
                            help="name recorded in the history (default: your login name)")
        _add_damaged_options(parser)
    elif name == "import":
        parser.add_argument("review", metavar="REVIEW.json",
                            help="a review file from a colleague's store")
        parser.add_argument("file", metavar="FILE", nargs="?",
                            help="your copy of the article, when it differs from theirs")
    else:  # pragma: no cover - the dispatcher only routes the three names above here
        raise ValueError(name)


def _add_damaged_options(parser: argparse.ArgumentParser) -> None:
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--recover", action="store_true",
                        help="if the document's review file is damaged and has no usable "
                        "backup, keep every claim that can still be read in it")
    choice.add_argument("--new", action="store_true",
                        help="if the document's review file is damaged and has no usable "
                        "backup, start a new review (the damaged file is kept beside it)")


def _damaged_choice(options: argparse.Namespace) -> str:
    if getattr(options, "recover", False):
        return "recover"
    return "new" if getattr(options, "new", False) else "ask"


def _note(text: str) -> None:
    """A line for the user that is not the command's output: on stderr."""
    print(f"claim-reader: note: {printable(text)}", file=sys.stderr)


def _say(text: str = "") -> None:
    """Print a line whose text may come from an article or a review file (see terminal.py)."""
    print(printable(text))


def _load_document(path: str) -> Any:
    from reader.document.loading import load_document

    return load_document(Path(path))


def _state(claim: Any) -> str:
    if claim.dismissed:
        state = "dismissed"
    elif claim.orphaned:
        state = f"{claim.status} (orphaned)"
    else:
        state = claim.status
    if claim.history:
        if claim.open_conflicts():
            state += " ⚠conflict"
        if claim.recheck() is not None:
            state += " ↻re-check"
    return state


def status_data(handle: Any, seen_before: dict[str, list[Any]] | None = None) -> dict[str, Any]:
    """The JSON that ``status --json`` prints. ``seen_before``: for each claim id, the earlier
    claims with a verdict that match it (``reader.memory``). ``evidence``: the passage found
    for a quote in each source document still attached (``reader.evidence.descriptions``)."""
    from reader.evidence.descriptions import attached_sources, claim_evidence, evidence_data

    review = handle.review
    seen_before = seen_before or {}
    return {
        "document": {"title": review.document.title, "path": review.document.source_path,
                     "sha256": review.document.sha256},
        "review_file": str(handle.path) if handle.path.exists() else None,
        "progress": review.progress().to_dict(),
        "source_documents": [{"id": d.id, "title": d.title, "path": d.source_path,
                              "url": d.url or None, "sha256": d.sha256, "added": d.added}
                             for d in attached_sources(review)],
        "removed_source_documents": [removal.to_dict() for removal in sorted(
            review.removed_sources.values(), key=lambda r: (r.removed, r.id))],
        "claims": [
            {"id": c.id, "kind": c.kind, "origin": c.origin, "status": c.status,
             "dismissed": c.dismissed, "orphaned": c.orphaned, "speaker": c.speaker,
             "text": c.text, "start": c.anchor.start, "end": c.anchor.end, "note": c.note,
             "sources": [s.to_dict() for s in c.sources],
             "conflicts": [conflict.to_dict() for conflict in c.open_conflicts()],
             "stale": (recheck := c.recheck()) is not None,
             "recheck": recheck.to_dict() if recheck is not None else None,
             "seen_before": [seen.to_dict() for seen in seen_before.get(c.id, ())],
             "evidence": [evidence_data(item, document, c)
                          for item, document in claim_evidence(review, c)]}
            for c in review.ordered_claims()
        ],
    }


def _print_status(handle: Any, seen_before: dict[str, list[Any]] | None = None) -> None:
    review = handle.review
    progress = review.progress()
    _say(f"{review.document.title or '(untitled)'} ({review.document.source_path})")
    if handle.path.exists():
        _say(f"Review file: {handle.path}")
    else:
        _say("Not reviewed yet: nothing is saved until a claim is tagged.")
    _say(f"Progress: {progress.reviewed} of {progress.total} claims reviewed "
          f"({progress.verified} verified, {progress.disputed} disputed, "
          f"{progress.unverifiable} unverifiable); {progress.dismissed} dismissed, "
          f"{progress.orphaned} orphaned")
    if progress.conflicts:
        _say(f"In conflict: {progress.conflicts} (two values were saved; `claim-reader tag` "
             "one of them, or the other status, to resolve)")
    if progress.recheck:
        _say(f"Needs re-check: {progress.recheck} (their words changed after the verdict; "
             "tag them again to confirm or change it)")
    from reader.evidence.descriptions import compact_evidence

    _print_source_documents(review)
    claims = review.ordered_claims()
    if not claims:
        _say("No claims found.")
        return
    id_width = max(len("ID"), *(len(c.id) for c in claims))
    _say()
    _say(f"{'ID':<{id_width}}  {'STATUS':<24}  {'SPEAKER':<18}  TEXT")
    for claim in claims:
        _say(f"{claim.id:<{id_width}}  {_state(claim):<24}  "
              f"{clipped(claim.speaker or '-', 18):<18}  {clipped(claim.text, TEXT_WIDTH)}")
        found = compact_evidence(review, claim)
        if found:
            _say(f"{'':<{id_width}}    in sources: {found}")
        if not claim.history:
            continue
        for conflict in claim.open_conflicts():
            value = conflict.value if conflict.field != "note" else repr(conflict.value)
            _say(f"{'':<{id_width}}    conflict: {conflict.field} is "
                 f"{getattr(claim, conflict.field)!r}; {conflict.reviewer or 'someone'} saved "
                 f"{value}")
        recheck = claim.recheck()
        if recheck is not None:
            was, now = around_difference(recheck.old, recheck.new, 60)
            _say(f"{'':<{id_width}}    needs re-check: was “{was}”, now “{now}”")
    if seen_before:
        _print_seen_before(claims, seen_before, id_width)


def _print_source_documents(review: Any) -> None:
    """The documents the quotes are checked against, with the ids ``match-quotes --detach``
    takes, and those detached (the tombstones that keep them out)."""
    from reader.evidence.descriptions import attached_sources, source_label
    from reader.export.labels import readable_time

    attached = attached_sources(review)
    if attached:
        count = len(attached)
        _say(f"Source documents: {count} attached")
        for document in attached:
            _say(f"  {document.id}  {source_label(document)}, attached "
                 f"{readable_time(document.added)}")
    for removal in sorted(review.removed_sources.values(), key=lambda r: (r.removed, r.id)):
        who = f" by {removal.reviewer}" if removal.reviewer else ""
        _say(f"Detached: {removal.id}  “{removal.title}” on {readable_time(removal.removed)}"
             f"{who} (its text and passages were removed)")


def _print_seen_before(claims: list[Any], seen_before: dict[str, list[Any]],
                       id_width: int) -> None:
    """The claims seen before, each with the closest earlier verdict."""
    _say()
    count = sum(1 for claim in claims if seen_before.get(claim.id))
    _say(f"Seen before: {count} claim{'s' if count != 1 else ''} of this article "
         f"{'were' if count != 1 else 'was'} reviewed in another article")
    for claim in claims:
        for seen in seen_before.get(claim.id, ())[:1]:
            where = " · ".join(part for part in (f"“{clipped(seen.title, 40)}”", seen.site,
                                                 seen.day) if part)
            _say(f"{claim.id:<{id_width}}  {seen.status} in {where} "
                 f"({'same words' if seen.rule == 'words' else 'same figure'}, "
                 f"{seen.similarity:.2f}) — claim {seen.claim_id} of review {seen.review_id}")
            if seen.note:
                _say(f"{'':<{id_width}}    note: {clipped(seen.note, TEXT_WIDTH)}")


def command_again(options: argparse.Namespace, choice: str, command: str | None = None) -> str:
    """The command the user typed, as typed again with ``choice`` (--recover or --new): its
    file, claim, status, note, sources, reviewer and store, quoted for a POSIX shell.
    ``command``: another sub-command to suggest (export suggests ``status``)."""
    import shlex

    name = command or options.command
    words = ["claim-reader", name, options.file]
    if name == "tag":
        words += [options.claim_id, options.status]
        if options.note is not None:
            words += ["--note", options.note]
        for source in options.source:
            words += ["--source", source]
        if options.reviewer:
            words += ["--reviewer", options.reviewer]
    words.append(choice)
    if options.store:
        words += ["--store", options.store]
    return shlex.join(words)


def damaged_advice(error: Any, options: argparse.Namespace, command: str | None = None,
                   then: str = "") -> str:
    """A damaged review's message with the commands that make the choice it asks for (none
    when its backup is usable: then there is nothing to choose, only a fault to fix)."""
    if error.backup is not None:
        return error.message
    new = f"`{command_again(options, '--new', command)}` to start a new review"
    if not error.readable:
        return f"{error.message} Run {new}{then}."
    recover = f"`{command_again(options, '--recover', command)}` to keep what can be read"
    return f"{error.message} Run {recover}, or {new}{then}."


def _open(options: argparse.Namespace, store: Any, read_only: bool) -> Any:
    """The document's review, telling on stderr how it was found when that was not plain, and
    what to do when its file is damaged. Nothing is saved until the command changes something
    (a tag with a mistyped claim id leaves no new review behind)."""
    from reader.store.errors import DamagedReviewError

    try:
        handle = store.open_review(_load_document(options.file), read_only=read_only,
                                   damaged=_damaged_choice(options), save=False)
    except DamagedReviewError as error:
        error.message = damaged_advice(error, options)
        error.args = (error.message,)
        raise
    finally:
        shown = list(store.notices)
        for notice in shown:
            _note(notice)
        store.notices.clear()
    for notice in handle.notices:
        if notice not in shown:
            _note(notice)
    return handle


def _seen_before(options: argparse.Namespace, handle: Any) -> dict[str, list[Any]]:
    """The claims of this article seen before in other reviews; none, with a note, when the
    search index cannot be used."""
    from reader.cli.search import up_to_date_memory
    from reader.memory import seen_before_of
    from reader.memory.index import ClaimMemoryError

    try:
        with up_to_date_memory(options.store) as memory:
            return seen_before_of(memory, handle.review, handle.path.stem)
    except ClaimMemoryError as error:
        _note(f"{error.message} “Seen before” is left out.")
        return {}


def _run_status(options: argparse.Namespace, store: Any) -> int:
    handle = _open(options, store, read_only=True)
    seen_before = _seen_before(options, handle)
    if options.json:
        sys.stdout.write(json_text(status_data(handle, seen_before)) + "\n")
    else:
        _print_status(handle, seen_before)
    return 0


def _run_tag(options: argparse.Namespace, store: Any) -> int:
    if not all(source.strip() for source in options.source):
        # Checked first: a command that fails changes nothing.
        return fail("--source needs a URL or a citation; nothing was changed.", USAGE)
    from reader.store.errors import StoreConflictError

    handle = _open(options, store, read_only=False)
    if handle.read_only:
        return fail(handle.read_only_reason)
    if handle.last_error is not None:
        return fail(handle.last_error.message)
    try:
        claim_id = handle.claim(resolve_claim_id(handle, options.claim_id)).id
    except AmbiguousClaimId as error:
        return fail(str(error))
    sources = tuple(handle.new_source(url=source, citation="") if source.startswith(
        ("http://", "https://")) else handle.new_source(citation=source)
        for source in options.source)
    lost = ""
    try:  # status, note and sources in one save: see OpenReview.tag
        claim = handle.tag(claim_id, options.status, note=options.note, sources=sources,
                           reviewer=options.reviewer)
    except StoreConflictError as error:  # saved, but someone else's value was kept
        lost = error.message
        claim = handle.claim(claim_id)
    if handle.dirty and handle.saved:  # the tag changed nothing, but the text was re-anchored
        handle.save()
    progress = handle.progress()
    _say(f"{claim.id}: {claim.status} — {clipped(claim.text, TEXT_WIDTH)}")
    if lost:
        return fail(lost)
    if not handle.saved:
        _say("Nothing to save: the claim was already so, and no review was started.")
        return 0
    _say(f"Saved in {handle.path} ({progress.reviewed} of {progress.total} reviewed)")
    return 0


def _run_import(options: argparse.Namespace, store: Any) -> int:
    document = _load_document(options.file) if options.file else None
    handle, report = store.import_review(Path(options.review), document=document)
    for notice in store.notices:
        _note(notice)
    _say(f"Merged {options.review} into {handle.path}: {len(report.added)} claims added, "
          f"{len(report.updated)} updated, {len(report.conflicts)} in conflict.")
    for conflict in report.conflicts:
        kept = "theirs" if conflict.kept == "incoming" else "yours"
        _say(f"  conflict {conflict.claim_id} — {clipped(conflict.text, 50)}\n"
              f"    yours: {conflict.local_status} {conflict.local_note!r}\n"
              f"    theirs: {conflict.incoming_status} {conflict.incoming_note!r}\n"
              f"    kept {kept} (the later change); the claim shows the conflict until you "
              "pick one with `claim-reader tag`")
    return 0


def run(options: argparse.Namespace) -> int:
    from reader.document.errors import DocumentError
    from reader.store.errors import StoreError
    from reader.store.store import ReviewStore

    try:
        store = ReviewStore(options.store, reviewer=getattr(options, "reviewer", None))
        if options.command == "status":
            code = _run_status(options, store)
            sys.stdout.flush()  # a closed pipe shows here, inside the try
            return code
        if options.command == "tag":
            return _run_tag(options, store)
        return _run_import(options, store)
    except (DocumentError, StoreError) as error:
        return fail(error.message)
    except BrokenPipeError:  # `claim-reader status FILE | head`: the reader left, not an error
        return output_closed()
    except ValueError as error:
        return fail(str(error))
