"""``claim-reader export FILE --format md|html|pdf|csv|jsonld|claimreview [-o OUT]``: write a
review as a report or as data. FILE is the article (its review is looked up in the store; an
article never reviewed exports its claims as unreviewed) or a review file (``*.json`` from a
store).

``pdf`` is the HTML report laid out by Qt, exactly as the window's Save Report as PDF writes it;
Qt is loaded for that format only, on its offscreen platform, so it works with no display.

``claimreview`` is written only when it can be published: it needs the article's web address
(a saved page's canonical link or og:url, or ``--url``, which is then kept in the review) and the
reviewer's name (``--author``, else ``name`` under ``[reviewer]`` in the settings file that the
window's Preferences write; never the login name). A verdict in conflict or to re-check is left
out of it, with a note on stderr naming the claims."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reader.cli.exit_status import EXIT_CODES_HELP, USAGE, fail, output_closed
from reader.cli.terminal import printable
from reader.config import ConfigError
from reader.export import FORMAT_NAMES

CLI_FORMATS = (*FORMAT_NAMES[:2], "pdf", *FORMAT_NAMES[2:])


def add_arguments(name: str, parser: argparse.ArgumentParser) -> None:
    parser.epilog = EXIT_CODES_HELP
    parser.add_argument("file", metavar="FILE",
                        help="the article (.txt, .md, .html, .mhtml, .pdf, .docx) or a review "
                             "file (.json)")
    parser.add_argument("--format", "-f", choices=CLI_FORMATS, default="md",
                        help="md: Markdown report; html: printable page; pdf: the printed "
                        "report (needs -o, or a pipe); csv: one row per "
                        "claim; jsonld: W3C Web Annotations; claimreview: schema.org "
                        "ClaimReview (default: md)")
    parser.add_argument("-o", "--output", metavar="OUT",
                        help="write to OUT instead of printing (an existing OUT is replaced)")
    parser.add_argument("--url", metavar="URL",
                        help="the article's web address (http or https), kept in the review "
                        "from then on; a saved web page gives its own")
    parser.add_argument("--author", metavar="NAME",
                        help="the reviewer's name a ClaimReview is published under (default: "
                        "name under [reviewer] in the settings file, see README)")
    parser.add_argument("--organisation", "--organization", metavar="ORG",
                        help="the organisation the reviewer publishes for (default: "
                        "organisation under [reviewer] in the settings file)")


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


def _is_web_address(url: str) -> bool:
    url = url.strip()
    scheme, _, rest = url.partition("://")
    return (scheme.lower() in ("http", "https") and bool(rest) and len(url) <= 2048
            and not any(c.isspace() or c < " " for c in url))


def _reviewer(options: argparse.Namespace):  # -> Reviewer
    """Who publishes: the options first, then the settings file; never the login name."""
    from reader.config import Reviewer, load_reviewer

    name = " ".join((options.author or "").split())
    organisation = " ".join((options.organisation or "").split())
    if options.format != "claimreview" or (name and organisation):
        return Reviewer(name, organisation)
    saved = load_reviewer()
    return Reviewer(name or saved.name, organisation or saved.organisation)


def _not_publishable(review, reviewer, path: Path) -> str | None:
    """Why the ClaimReview of ``review`` cannot be published, with what to do; None if it can."""
    from reader.config import config_path
    from reader.export.claim_review import (
        MISSING_NAME,
        MISSING_URL,
        missing_for_publication,
    )

    missing = missing_for_publication(review, reviewer)
    if not missing:
        return None
    remedies = {
        MISSING_URL: f"--url URL (it is then kept in the review of {path})",
        MISSING_NAME: f"--author NAME, or name = \"...\" under [reviewer] in {config_path()} "
                      "(the window's Edit > Preferences writes it)",
    }
    return (f"Not written: a ClaimReview is published data and needs {' and '.join(missing)}. "
            f"Give {'; and '.join(remedies[m] for m in missing)}.")


def _pdf(review) -> bytes:  # review: Review
    """The PDF the window's Save Report as PDF writes, made on Qt's offscreen platform."""
    try:
        from reader.ui.pdf_report import offscreen_application, review_pdf_bytes
    except ImportError as error:
        raise PdfUnavailable(f"PDF export needs Qt, which could not be loaded ({error}). "
                             "Export as html and print that page instead.") from None
    offscreen_application()
    return review_pdf_bytes(review)


class PdfUnavailable(Exception):
    pass


def run(options: argparse.Namespace) -> int:
    from reader.document.errors import DocumentError
    from reader.export import render
    from reader.store.atomic import write_atomic
    from reader.store.errors import StoreError

    path = Path(options.file)
    if options.format == "pdf" and not options.output and sys.stdout.isatty():
        return fail("A PDF is not shown in a terminal: add -o OUT.pdf (or pipe the output).",
                    USAGE)
    if options.url is not None and not _is_web_address(options.url):
        return fail(f"--url {options.url!r} is not a web address: give the article's http:// "
                    "or https:// address.", USAGE)
    try:
        reviewer = _reviewer(options)
        review = _review_from_file(path)
        if review is None:
            from reader.document.loading import load_document
            from reader.store.errors import DamagedReviewError
            from reader.store.store import ReviewStore

            store = ReviewStore(options.store)
            try:
                document = load_document(path)
                handle = store.open_review(document, read_only=True)
                if options.url and options.url.strip() != handle.review.document.url:
                    handle = store.open_review(document)  # the address is kept in the review
                    if handle.read_only:
                        return fail(handle.read_only_reason)
                    handle.set_url(options.url)
            except DamagedReviewError as error:
                from reader.cli.review import damaged_advice

                return fail(damaged_advice(error, options, "status", ", then export again"))
            finally:
                for notice in store.notices:
                    print(f"claim-reader: note: {printable(notice)}", file=sys.stderr)
            review = handle.review
        elif options.url:  # a colleague's review file is not changed, only this export
            from dataclasses import replace

            review = replace(review, document=replace(review.document, url=options.url.strip()))
        if options.format == "claimreview":
            refusal = _not_publishable(review, reviewer, path)
            if refusal:
                return fail(refusal)
            from reader.export.claim_review import withheld_note

            withheld = withheld_note(review)
            if withheld:  # said before the output, which may be piped on
                print(f"claim-reader: note: {printable(withheld)}", file=sys.stderr)
        if options.format == "pdf":
            data = _pdf(review)
        else:
            text = render(review, options.format, reviewer)
            data = text.encode("utf-8")
        if not options.output:
            if options.format == "pdf":
                sys.stdout.buffer.write(data)
            else:
                # JSON-LD has no raw control character (json_ld.py); a report shown in a
                # terminal must not carry one either.
                sys.stdout.write(printable(text))
            sys.stdout.flush()
            return 0
    except (DocumentError, StoreError) as error:
        return fail(error.message)
    except (PdfUnavailable, ConfigError) as error:
        return fail(str(error))
    except BrokenPipeError:  # `claim-reader export FILE | head`: the reader left, not an error
        return output_closed()
    out = Path(options.output)
    refusal = _refused_output(out, path, options.store)
    if refusal:
        return fail(refusal)
    try:
        write_atomic(out, data, keep_backup=False)
    except OSError as error:
        return fail(f"Could not write {out}: {error.strerror}. Choose another -o path.")
    print(f"Wrote {printable(str(out))}", file=sys.stderr)
    return 0
