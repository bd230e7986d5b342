"""A PDF in the window: read in the background, its page in the status bar, its password
asked for."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "document"))
from pdf_builder import Page, write_pdf

ONE = ("The harbour authority said on Monday that the breakwater would be rebuilt over two "
       "years at a cost of about £18m, paid from reserves and a government grant.")
TWO = ("Fishermen said they had been warning about cracks in the wall since 2019, but "
       "nothing had been done until the storm in January damaged the outer section.")


@pytest.fixture
def report(tmp_path: Path) -> Path:
    return write_pdf(tmp_path / "report.pdf",
                     [Page([("h", "Breakwater report"), ("p", ONE)]), Page([("p", TWO)]),
                      Page([("p", ONE.replace("Monday", "Friday"))])])


def _open(window, qtbot, path: Path) -> None:
    window.open_path(path)
    qtbot.waitUntil(lambda: window.session is not None, timeout=15_000)


def test_the_status_bar_shows_the_selected_claim_s_page(make_window, qtbot, report) -> None:
    window = make_window()
    window.show()
    _open(window, qtbot, report)
    assert window.document.format == "pdf"
    claim = next(c for c in window.session.review.ordered_claims() if "2019" in c.text)
    window.select_claim(claim.id)
    assert window.page_label.text() == "Page 2 of 3"


def test_a_password_is_asked_for_and_a_wrong_one_asked_again(
    make_window, qtbot, report, tmp_path, monkeypatch
) -> None:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=str(report))
    writer.encrypt("harbour")
    buffer = io.BytesIO()
    writer.write(buffer)
    locked = tmp_path / "locked.pdf"
    locked.write_bytes(buffer.getvalue())
    answers = iter([("quay", True), ("harbour", True)])
    prompts = []

    def answer(parent, title, label, echo):
        prompts.append(label)
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", answer)
    window = make_window()
    window.show()
    _open(window, qtbot, locked)
    assert ONE in window.document.text
    assert len(prompts) == 2 and "wrong" in prompts[1]


def test_cancelling_the_password_says_why_the_pdf_is_not_open(
    make_window, qtbot, report, tmp_path, monkeypatch
) -> None:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=str(report))
    writer.encrypt("harbour")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as stream:
        writer.write(stream)
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("", False))
    window = make_window()
    window.show()
    window.open_path(locked)
    qtbot.waitUntil(lambda: window.message_bar.isVisible(), timeout=15_000)
    assert "protected by a password" in window.message_bar.text()
