"""The PDF report as a reader sees it: read back with pypdf, every piece of text printed at 9 pt
or more, the article's words all there, and no content-stream operator a PDF viewer rejects.
The window's Save Report as PDF and ``claim-reader export --format pdf`` give the same PDF."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pdf_reading import content_errors, plain_text, text_runs
from tagged_article import NOTE, tag_article

MIN_POINTS = 9.0


@pytest.fixture
def tagged(tmp_path: Path) -> tuple[Path, Path]:
    return tag_article(tmp_path)


def _window_pdf(qapp, article: Path, store: Path, out: Path) -> Path:
    from reader.document.loading import load_document
    from reader.store.store import ReviewStore
    from reader.ui.export_dialog import save_review_pdf

    review = ReviewStore(store).open_review(load_document(article), read_only=True).review
    return save_review_pdf(review, out)


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text))


def test_the_windows_pdf_is_readable(qapp, tagged, tmp_path) -> None:
    article, store = tagged
    pdf = _window_pdf(qapp, article, store, tmp_path / "report.pdf")
    assert content_errors(pdf) == []
    runs = text_runs(pdf)
    small = sorted({(size, text) for text, size in runs if size < MIN_POINTS})
    assert small == [], f"text printed under {MIN_POINTS} pt: {small[:5]}"
    # The body: a sentence of the article; the table: the note, which only the table shows.
    body = [size for text, size in runs if "second vessel by next winter" in text]
    table = [size for text, size in runs if "ledger" in text]
    assert body and table
    assert min(body) >= 11.5, "body text is printed at its 12 pt"
    assert min(table) >= 10, "the claims table at its 10.5 pt"
    shown = plain_text(pdf)
    missing = _words(article.read_text(encoding="utf-8")) - _words(shown)
    assert missing == set()
    assert NOTE in shown


def _cli(*args: str, env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reader", *args], env=env, timeout=120,
                          **kwargs)


def _no_display_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return env


def test_the_command_line_writes_the_same_pdf_without_a_display(qapp, tagged, tmp_path) -> None:
    article, store = tagged
    window = _window_pdf(qapp, article, store, tmp_path / "window.pdf")
    out = tmp_path / "cli.pdf"
    result = _cli("export", str(article), "--format", "pdf", "-o", str(out), "--store",
                  str(store), env=_no_display_env(), capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == f"Wrote {out}"
    assert content_errors(out) == []
    assert text_runs(out) == text_runs(window)


def test_a_pdf_is_piped_but_never_printed_on_a_terminal(tagged, tmp_path) -> None:
    article, store = tagged
    piped = _cli("export", str(article), "-f", "pdf", "--store", str(store),
                 env=_no_display_env(), capture_output=True)
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.startswith(b"%PDF-")
    leader, follower = pty.openpty()
    try:
        shown = _cli("export", str(article), "-f", "pdf", "--store", str(store),
                     stdout=follower, stderr=subprocess.PIPE, text=True)
    finally:
        os.close(follower)
        os.close(leader)
    assert shown.returncode == 2
    assert "add -o OUT.pdf" in shown.stderr


def test_claim_numbers_are_never_broken_over_two_lines(qapp, tmp_path) -> None:
    # The number column was 6 % of the width: "10" printed as "1" over "0".
    from reader.bundled import sample_article_text
    from reader.document.loading import load_document
    from reader.store.store import ReviewStore

    article = tmp_path / "sample.md"
    article.write_text(sample_article_text(), encoding="utf-8")
    review = ReviewStore(tmp_path / "store").open_review(load_document(article)).review
    count = len(review.ordered_claims())
    assert count >= 10
    pdf = _window_pdf(qapp, article, tmp_path / "store", tmp_path / "report.pdf")
    runs = {text.strip() for text, _ in text_runs(pdf)}
    assert {str(number) for number in range(1, count + 1)} <= runs
