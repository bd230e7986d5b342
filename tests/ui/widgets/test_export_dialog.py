"""Export, print and PDF from the window, with the file and print dialogs patched."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QSize, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog
from widget_builders import BRIDGE_CLAIMS, BRIDGE_TEXT

from reader import export
from reader.config import Reviewer
from reader.ui import export_dialog
from reader.ui.export_dialog import (
    ExportWriteError,
    export_filters,
    export_review,
    export_review_pdf,
    format_filter,
    format_for_path,
    print_review,
    save_review_pdf,
)
from reader.ui.pdf_report import OfflineTextDocument, report_document

READABLE_FILTERS = [
    "Markdown report (*.md)",
    "HTML report (*.html)",
    "CSV table (*.csv)",
    "W3C Web Annotation JSON-LD (*.jsonld)",
    "schema.org ClaimReview JSON-LD (*.claimreview.jsonld)",
]

HOSTILE_TEXT = (
    "The mayor wrote <script>alert('x')</script> on Monday.\n\n"
    "Officials said <img src=\"http://example.invalid/track.png\"> 300 people came."
)


class SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: records the call, answers as told."""

    def __init__(self, answer: str, selected: str) -> None:
        self.answer = answer
        self.selected = selected
        self.calls: list[tuple] = []

    def __call__(self, parent, caption, directory, filters, selected_filter):
        self.calls.append((caption, directory, filters, selected_filter))
        return self.answer, self.selected


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """The folder exports go to (the store is in tmp_path/store)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def review(make_review):
    handle = make_review(BRIDGE_TEXT + "\n\nZürich pays 5 € per ticket.", BRIDGE_CLAIMS,
                         title="Bridge: the vote", source_path="/articles/bridge.html")
    first = next(iter(handle.review.claims))
    handle.set_status(first, "verified")
    handle.set_note(first, "Checked against the council’s budget — page 4.")
    handle.set_url("https://bridge.example/2026/the-vote")
    return handle.review


PUBLISHER = Reviewer("Rita Alves", "Bridge Desk")


@pytest.fixture
def hostile_review(make_review):
    handle = make_review(HOSTILE_TEXT, ["<script>alert('x')</script>",
                                        "<img src=\"http://example.invalid/track.png\">"],
                         title="<img src=http://example.invalid/t.png>")
    claim = next(iter(handle.review.claims))
    handle.set_note(claim, "<script>fetch('http://example.invalid')</script>"
                           "<img src='http://example.invalid/n.png'>")
    handle.add_source(claim, title="<b>bold</b>",
                      url='https://example.org/"><img src="http://example.invalid/s.png">')
    return handle.review


def patch_save_dialog(monkeypatch, answer: str, selected: str) -> SaveDialog:
    fake = SaveDialog(answer, selected)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    return fake


def test_filters_name_every_format_readably() -> None:
    assert export_filters() == READABLE_FILTERS
    assert len(export_filters()) == len(export.FORMAT_NAMES)
    for name, line in zip(export.FORMAT_NAMES, export_filters(), strict=True):
        assert line.endswith(f"(*{export.suffix(name)})")


@pytest.mark.parametrize("format_name", export.FORMAT_NAMES)
def test_export_adds_the_suffix_and_writes_utf8(qtbot, monkeypatch, out, review,
                                                format_name) -> None:
    fake = patch_save_dialog(monkeypatch, str(out / "bridge"),
                             format_filter(format_name))
    path = export_review(None, review, out, reviewer=PUBLISHER)
    assert path == out / ("bridge" + export.suffix(format_name))
    raw = path.read_bytes()
    # exact bytes, CRLF kept
    assert raw.decode("utf-8") == export.render(review, format_name, PUBLISHER)
    assert "council’s budget — page 4".encode() in raw
    assert [p.name for p in path.parent.iterdir()] == [path.name], "no temporary file left"
    assert fake.calls[0][2] == ";;".join(READABLE_FILTERS)


def test_exported_data_formats_parse(monkeypatch, tmp_path, review) -> None:
    for name in ("csv", "jsonld", "claimreview"):
        patch_save_dialog(monkeypatch, str(tmp_path / f"x-{name}"), format_filter(name))
        path = export_review(None, review, tmp_path, reviewer=PUBLISHER)
        text = path.read_text(encoding="utf-8")
        if name == "csv":
            rows = list(csv.reader(io.StringIO(text)))
            assert len(rows) == 1 + len(review.claims)
        else:
            assert json.loads(text)


def test_the_dialog_starts_in_the_default_folder_with_the_title(monkeypatch, tmp_path,
                                                                review) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    fake = patch_save_dialog(monkeypatch, "", "")
    assert export_review(None, review, folder, default_format="csv") is None
    caption, directory, _, selected = fake.calls[0]
    assert caption == "Export the review"
    assert Path(directory) == folder / "Bridge the vote – review.csv"
    assert selected == "CSV table (*.csv)"
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(("typed", "selected", "expected_format", "expected_name"), [
    ("report.csv", "HTML report (*.html)", "csv", "report.csv"),
    ("report.CSV", "HTML report (*.html)", "csv", "report.CSV"),
    ("report.md", "Markdown report (*.md)", "md", "report.md"),
    ("report.jsonld", "schema.org ClaimReview JSON-LD (*.claimreview.jsonld)",
     "claimreview", "report.jsonld"),
    ("report.claimreview.jsonld", "Markdown report (*.md)", "claimreview",
     "report.claimreview.jsonld"),
    ("report.jsonld", "Markdown report (*.md)", "jsonld", "report.jsonld"),
    ("report.v2", "CSV table (*.csv)", "csv", "report.v2.csv"),
    ("report", "", "html", "report.html"),
    (".csv", "Markdown report (*.md)", "md", ".csv.md"),
])
def test_format_follows_the_filter_or_the_typed_extension(typed, selected, expected_format,
                                                          expected_name) -> None:
    name, path = format_for_path(Path("/x") / typed, selected)
    assert (name, path) == (expected_format, Path("/x") / expected_name)


def test_typed_extension_decides_the_content(monkeypatch, tmp_path, review) -> None:
    patch_save_dialog(monkeypatch, str(tmp_path / "claims.csv"), "HTML report (*.html)")
    path = export_review(None, review, tmp_path)
    assert path == tmp_path / "claims.csv"
    assert path.read_bytes().decode("utf-8") == export.render(review, "csv")


def test_export_replaces_an_existing_file_with_the_users_file_mode(monkeypatch, tmp_path,
                                                                   review) -> None:
    target = tmp_path / "report.md"
    target.write_text("old", encoding="utf-8")
    old_mask = os.umask(0o022)
    try:
        patch_save_dialog(monkeypatch, str(target), "Markdown report (*.md)")
        export_review(None, review, tmp_path)
    finally:
        os.umask(old_mask)
    assert target.read_bytes().decode("utf-8") == export.render(review, "md")
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o644


def test_a_failed_write_raises_and_keeps_the_old_file(monkeypatch, out, review) -> None:
    target = out / "report.html"
    target.write_text("the previous report", encoding="utf-8")
    patch_save_dialog(monkeypatch, str(target), "HTML report (*.html)")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export_dialog.os, "fsync", disk_full)
    with pytest.raises(OSError) as caught:
        export_review(None, review, out)
    assert isinstance(caught.value, ExportWriteError)
    assert caught.value.errno == errno.ENOSPC
    message = str(caught.value)
    assert message.startswith(f"Could not write {target}: the disk is full.")
    assert "unchanged" in message
    assert target.read_text(encoding="utf-8") == "the previous report"
    assert [p.name for p in out.iterdir()] == ["report.html"]


def test_a_missing_folder_is_reported(monkeypatch, tmp_path, review) -> None:
    target = tmp_path / "gone" / "report.md"
    patch_save_dialog(monkeypatch, str(target), "Markdown report (*.md)")
    with pytest.raises(ExportWriteError, match="the folder does not exist any more"):
        export_review(None, review, tmp_path)


# PDF and printing ---------------------------------------------------------------------------


def test_save_review_pdf_writes_a_pdf(qtbot, out, review) -> None:
    path = save_review_pdf(review, out / "bridge.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(data) > 1024
    assert b"%%EOF" in data[-64:]
    assert [p.name for p in out.iterdir()] == ["bridge.pdf"]


def test_save_review_pdf_into_a_missing_folder_raises(qtbot, tmp_path, review) -> None:
    with pytest.raises(ExportWriteError, match="does not exist"):
        save_review_pdf(review, tmp_path / "gone" / "bridge.pdf")


def test_hostile_report_loads_nothing_and_shows_the_markup_as_text(qtbot, tmp_path,
                                                                   hostile_review) -> None:
    document = report_document(hostile_review)
    text = document.toPlainText()
    assert document.refused == [], "the report itself asks for no resource"
    assert "<script>alert('x')</script>" in text
    assert '<img src="http://example.invalid/track.png">' in text
    assert "fetch('http://example.invalid')" in text
    html = document.toHtml()
    assert "<img" not in html[html.index("<body"):], "no image element in the laid-out report"
    path = save_review_pdf(hostile_review, tmp_path / "hostile.pdf")
    assert path.read_bytes().startswith(b"%PDF")


def test_offline_document_refuses_every_resource_but_inline_data(qtbot, tmp_path) -> None:
    """The guard itself, with markup the report would never contain: a remote image, a local
    file (which a plain QTextDocument reads) and an inline data: image."""
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    local = tmp_path / "local.png"
    assert image.save(str(local))
    data_url = "data:image/png;base64," + __import__("base64").b64encode(
        local.read_bytes()).decode()
    html = (f'<p><img src="http://example.invalid/a.png"><img src="{local}">'
            f'<img src="{data_url}"></p>')

    plain = QTextDocument()
    plain.setHtml(f'<img src="{local}">')
    plain.size()
    assert plain.resource(QTextDocument.ResourceType.ImageResource, QUrl(str(local))) is not None

    document = OfflineTextDocument()
    document.setHtml(html)
    document.size()
    assert "http://example.invalid/a.png" in document.refused
    assert str(local) in document.refused
    assert not any(url.startswith("data:") for url in document.refused)
    image_type = QTextDocument.ResourceType.ImageResource
    for refused in (QUrl("http://example.invalid/a.png"), QUrl(str(local))):
        answer = document.resource(image_type, refused)
        assert answer is None or answer.size() == QSize(1, 1), "a blank stand-in, not the file"
    loaded = document.resource(image_type, QUrl(data_url))
    assert loaded is not None and loaded.size() == QSize(4, 4)


class AcceptingPrintDialog:
    """Stands in for QPrintDialog: accepts (or cancels) without showing anything."""

    answer = QDialog.DialogCode.Accepted
    shown: ClassVar[list[QPrinter]] = []

    def __init__(self, printer: QPrinter, parent=None) -> None:
        self.printer = printer
        AcceptingPrintDialog.shown.append(printer)

    def setWindowTitle(self, title: str) -> None:
        self.title = title

    def exec(self) -> QDialog.DialogCode:
        return self.answer


def test_print_review_prints_the_report_to_the_chosen_printer(qtbot, monkeypatch, tmp_path,
                                                              review) -> None:
    monkeypatch.setattr(export_dialog, "QPrintDialog", AcceptingPrintDialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_review(None, review, printer) is True
    assert AcceptingPrintDialog.shown[-1] is printer
    data = (tmp_path / "printed.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1024


def test_print_review_cancelled_prints_nothing(qtbot, monkeypatch, tmp_path, review) -> None:
    class Cancelling(AcceptingPrintDialog):
        answer = QDialog.DialogCode.Rejected

    monkeypatch.setattr(export_dialog, "QPrintDialog", Cancelling)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "never.pdf"))
    assert print_review(None, review, printer) is False
    assert not (tmp_path / "never.pdf").exists()


def test_export_review_pdf_adds_the_suffix(qtbot, monkeypatch, tmp_path, review) -> None:
    fake = patch_save_dialog(monkeypatch, str(tmp_path / "bridge"), "PDF document (*.pdf)")
    path = export_review_pdf(None, review, tmp_path)
    assert path == tmp_path / "bridge.pdf"
    assert path.read_bytes().startswith(b"%PDF")
    assert Path(fake.calls[0][1]) == tmp_path / "Bridge the vote – review.pdf"
    patch_save_dialog(monkeypatch, "", "")
    assert export_review_pdf(None, review, tmp_path) is None
