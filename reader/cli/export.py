"""``claim-reader export FILE --format md|html|csv|jsonld|claimreview [-o OUT]``: write a review as
a report or as data. FILE is the article (its review is looked up in the store; an article never
reviewed exports its claims as unreviewed) or a review file (``*.json`` from a store)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reader.cli.exit_status import EXIT_CODES_HELP, fail, output_closed
from reader.cli.terminal import printable
from reader.export import FORMAT_NAMES


def add_arguments(name: str, parser: argparse.ArgumentParser) -> None:
    parser.epilog = EXIT_CODES_HELP
    parser.add_argument("file", metavar="FILE",
                        help="the article (.txt, .md, .html) or a review file (.json)")
    parser.add_argument("--format", "-f", choices=FORMAT_NAMES, default="md",
                        help="md: Markdown report; html: printable page; csv: one row per "
                        "claim; jsonld: W3C Web Annotations; claimreview: schema.org "
                        "ClaimReview (default: md)")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="write to OUT instead of printing (an existing OUT is replaced)")


def _review_from_file(path: Path):  # -> Review | None
    """The review in ``path`` if it is a review file, else None (it is an article)."""
    from reader.store.review_file import read_named_review

    if path.suffix.lower() != ".json":
        return None
    return read_named_review(path, "export")


def _refused_output(out: Path, exported: Path, store: str | None) -> str | None:
    """Why ``out`` must not be written, if it must not: ``-o`` replaces an existing file, and a
    slip of the keyboard must not replace the article being exported or a file in the store."""
    from reader.store.store import ReviewStore

    if out.exists() and exported.exists() and os.path.samefile(out, exported):
        return (f"{out} is the file being exported; writing the export there would replace it. "
                "Choose another -o path.")
    store_root = ReviewStore(store).root
    if store_root.exists() and store_root.resolve() in out.resolve().parents:
        return (f"{out} is inside the review store {store_root}, whose files Claim Reader "
                "manages. Choose an -o path outside it.")
    return None


def run(options: argparse.Namespace) -> int:
    from reader.document.errors import DocumentError
    from reader.export import render
    from reader.store.atomic import write_atomic
    from reader.store.errors import StoreError

    path = Path(options.file)
    try:
        review = _review_from_file(path)
        if review is None:
            from reader.document.loading import load_document
            from reader.store.errors import DamagedReviewError
            from reader.store.store import ReviewStore

            store = ReviewStore(options.store)
            try:
                review = store.open_review(load_document(path), read_only=True).review
            except DamagedReviewError as error:
                return fail(f"{error.message} Run `claim-reader status {path} --recover` to "
                            f"keep what can be read, or `claim-reader status {path} --new` to "
                            "start a new review, then export again.")
            finally:
                for notice in store.notices:
                    print(f"claim-reader: note: {printable(notice)}", file=sys.stderr)
        text = render(review, options.format)
        if not options.output:
            # JSON-LD has no raw control character (json_ld.py); a report shown in a terminal
            # must not carry one either.
            sys.stdout.write(printable(text))
            sys.stdout.flush()
            return 0
    except (DocumentError, StoreError) as error:
        return fail(error.message)
    except BrokenPipeError:  # `claim-reader export FILE | head`: the reader left, not an error
        return output_closed()
    out = Path(options.output)
    refusal = _refused_output(out, path, options.store)
    if refusal:
        return fail(refusal)
    try:
        write_atomic(out, text.encode("utf-8"), keep_backup=False)
    except OSError as error:
        return fail(f"Could not write {out}: {error.strerror}. Choose another -o path.")
    print(f"Wrote {printable(str(out))}", file=sys.stderr)
    return 0
