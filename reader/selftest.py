"""``claim-reader --self-test``: proves an installation works, headlessly.

It exercises what a broken bundle would break first: the package data, the document loader,
the analysis and (once the window is involved) Qt's offscreen platform.
"""

from __future__ import annotations

import os
import sys


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    checks: list[tuple[str, bool, str]] = []

    def check(name: str, func) -> object:
        try:
            result = func()
        except Exception as error:  # the point is to report every failure, not stop at one
            checks.append((name, False, f"{type(error).__name__}: {error}"))
            return None
        checks.append((name, True, str(result) if result is not None else ""))
        return result

    from reader.bundled import sample_article_text

    text = check("sample article is bundled",
                 lambda: f"{len(sample_article_text()):,} characters")
    doc = None
    if text:

        def load() -> object:
            from reader.document.loading import document_from_string

            return document_from_string(sample_article_text(), format="markdown")

        doc = check("sample article loads", load)
        if doc is not None:
            checks[-1] = (checks[-1][0], True,
                          f"{len(doc.text):,} characters in {len(doc.blocks)} blocks")
    if doc is not None:
        from reader.analysis import analyse

        def analysis() -> str:
            result = analyse(doc.text, doc.blocks)
            if not result.claims or not result.quotes or not result.figures:
                raise AssertionError("the sample should yield quotes, figures and claims")
            return (f"{len(result.quotes)} quotes, {len(result.figures)} figures, "
                    f"{len(result.claims)} claims")

        check("analysis finds quotes, figures and claims", analysis)

        def store_round_trip() -> str:
            import tempfile

            from reader.store import ReviewStore

            with tempfile.TemporaryDirectory() as folder:
                handle = ReviewStore(folder, reviewer="self-test").open_review(doc)
                claim_id = handle.review.ordered_claims()[0].id
                handle.set_status(claim_id, "verified")
                handle.set_note(claim_id, "self-test")
                again = ReviewStore(folder).load(handle.review.review_id)
                claim = again.claim(claim_id)
                if (claim.status, claim.note) != ("verified", "self-test"):
                    raise AssertionError("the review read back differs from what was saved")
                return f"{len(again.review.claims)} claims written and read back"

        check("review store writes and reads back", store_round_trip)

        def search_index() -> str:
            import sqlite3
            import tempfile
            from pathlib import Path

            from reader.memory.index import ClaimMemory
            from reader.memory.search import SearchQuery, search
            from reader.store import ReviewStore

            with tempfile.TemporaryDirectory() as folder:
                handle = ReviewStore(folder, reviewer="self-test").open_review(doc)
                claim = handle.review.ordered_claims()[0]
                handle.set_status(claim.id, "verified")
                word = max(claim.text.split(), key=len).strip(".,;:!?\"'“”‘’()")
                with ClaimMemory(folder, Path(folder) / "index.sqlite3") as memory:
                    memory.sync()
                    found = memory.guarded(lambda db: search(db, SearchQuery(word)))
                if claim.id not in [hit.claim_id for hit in found.hits]:
                    raise AssertionError(f"searching {word!r} did not find its claim")
                return f"SQLite {sqlite3.sqlite_version} with FTS5"

        check("search index builds and finds a claim", search_index)

        def seen_before_process() -> str:
            import tempfile
            from pathlib import Path

            from reader.memory.seen_before import Probe
            from reader.memory.worker import look_up
            from reader.store import ReviewStore

            with tempfile.TemporaryDirectory() as folder:
                handle = ReviewStore(folder, reviewer="self-test").open_review(doc)
                claim = next(c for c in handle.review.ordered_claims() if c.speaker)
                handle.set_status(claim.id, "verified")
                found, _ = look_up(Path(folder), "another article",
                                   [Probe("p-1", claim.text, claim.speaker, claim.kind)],
                                   index=Path(folder) / "index.sqlite3")
                if [seen.claim_id for seen in found.get("p-1", [])] != [claim.id]:
                    raise AssertionError("the child process did not find the verified claim")
                return "the window's lookup process starts and answers"

        check("seen-before lookup runs in its own process", seen_before_process)

    def window() -> str:
        from reader.ui.selftest_window import paint_sample_window  # Qt only from here

        return paint_sample_window()

    check("window renders offscreen", window)

    failed = [c for c in checks if not c[1]]
    for name, ok, detail in checks:
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")
    print(f"self-test: {len(checks) - len(failed)} of {len(checks)} checks passed")
    sys.stdout.flush()
    return 1 if failed else 0
