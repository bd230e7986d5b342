"""Exporting, printing and saving a review as PDF from the window.

``export_review`` asks where to save and in which format, then writes the file atomically (a
temporary file in the same folder, then ``os.replace``), so a full disk or a crash never leaves a
half-written report over a good one. A write failure raises ``ExportWriteError`` (an ``OSError``
whose ``str()`` is a sentence for the user); the window shows it in its message bar.

Printing and PDF go through the HTML report laid out by ``reader.ui.pdf_report``, the same
code ``claim-reader export --format pdf`` uses.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import tempfile
from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from reader import export
from reader.config import Reviewer
from reader.store.model import Review
from reader.ui.pdf_report import report_document, write_review_pdf

FORMAT_LABELS: dict[str, str] = {
    "md": "Markdown report",
    "html": "HTML report",
    "csv": "CSV table",
    "jsonld": "W3C Web Annotation JSON-LD",
    "claimreview": "schema.org ClaimReview JSON-LD",
}
DEFAULT_FORMAT = "html"
PDF_FILTER = "PDF document (*.pdf)"
POSIX = os.name == "posix"


class ExportWriteError(OSError):
    """A report that could not be written. ``str()`` says what happened and what to do; the
    file that was there before, if any, is unchanged."""

    def __str__(self) -> str:
        return str(self.strerror)


def format_filter(format_name: str) -> str:
    """The file dialog's filter for a format: "CSV table (*.csv)"."""
    label = FORMAT_LABELS.get(format_name, format_name)
    return f"{label} (*{export.suffix(format_name)})"


def export_filters() -> list[str]:
    return [format_filter(name) for name in export.FORMAT_NAMES]


def _suffixes_longest_first() -> list[tuple[str, str]]:
    pairs = [(export.suffix(name).lower(), name) for name in export.FORMAT_NAMES]
    return sorted(pairs, key=lambda pair: len(pair[0]), reverse=True)


def format_for_path(path: Path, selected_filter: str,
                    default_format: str = DEFAULT_FORMAT) -> tuple[str, Path]:
    """The format to write and the final path, from what the user typed and the filter chosen.

    The filter decides unless the typed name ends with another format's extension (typing
    ``report.csv`` with the HTML filter writes CSV). A name whose last extension fits the chosen
    format is kept (``x.jsonld`` with the ClaimReview filter is ClaimReview); otherwise the
    format's extension is added.
    """
    chosen = next((name for name in export.FORMAT_NAMES
                   if format_filter(name) == selected_filter), default_format)
    lower = path.name.lower()
    chosen_suffix = export.suffix(chosen).lower()
    last_extension = "." + chosen_suffix.rsplit(".", 1)[-1]
    if (lower.endswith(chosen_suffix) and len(lower) > len(chosen_suffix)) or \
            (path.suffix and path.suffix.lower() == last_extension):
        return chosen, path
    for typed_suffix, name in _suffixes_longest_first():
        if lower.endswith(typed_suffix) and len(lower) > len(typed_suffix):
            return name, path
    return chosen, path.with_name(path.name + export.suffix(chosen))


def default_file_stem(review: Review) -> str:
    """A file name from the article's title (or its file), safe on every system."""
    document = review.document
    name = document.title.strip()
    if not name and document.source_path:
        name = Path(document.source_path).stem
    name = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', " ", name)
    name = re.sub(r"\s+", " ", name).strip(" .")[:80].strip(" .")
    return f"{name} – review" if name else "review"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _write_error(path: Path, error: OSError) -> ExportWriteError:
    code = error.errno
    if code == errno.ENOSPC or code == getattr(errno, "EDQUOT", -1):
        reason = "the disk is full. Free some space or choose another folder, then export again."
    elif code in (errno.EACCES, errno.EPERM, errno.EROFS):
        reason = ("you may not write in that folder. Choose another folder, then export again.")
    elif code in (errno.ENOENT, errno.ENOTDIR):
        reason = "the folder does not exist any more. Choose another folder, then export again."
    else:
        reason = f"{error.strerror or error}. Choose another folder, then export again."
    message = f"Could not write {path}: {reason}"
    if path.exists():
        message += " The file that was there is unchanged."
    return ExportWriteError(code or 0, message, str(path))


@contextlib.contextmanager
def _atomic_target(path: Path):
    """A temporary path beside ``path``; on success it replaces ``path``, on failure it goes."""
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise _write_error(path, error) from None
    os.close(fd)
    temp = Path(temp_name)
    try:
        yield temp
        if POSIX:
            os.chmod(temp, 0o666 & ~_umask())  # mkstemp's 0600 suits temporaries, not reports
        os.replace(temp, path)
    except ExportWriteError:
        raise
    except OSError as error:
        raise _write_error(path, error) from None
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 so that ``path`` is either the old file or the whole new one."""
    data = text.encode("utf-8")
    with _atomic_target(path) as temp, open(temp, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


def write_export(review: Review, format_name: str, path: Path,
                 reviewer: Reviewer | None = None) -> Path:
    """Render ``review`` in ``format_name`` and write it to ``path`` (raises ExportWriteError).
    A ClaimReview that cannot be published raises ``NotPublishable`` before anything is
    written."""
    write_text_atomic(path, export.render(review, format_name, reviewer))
    return path


def choose_export_target(parent: QWidget | None, review: Review, default_dir: Path,
                         default_format: str = DEFAULT_FORMAT) -> tuple[str, Path] | None:
    """Ask for a file and a format: (format, path), or None if cancelled."""
    filters = export_filters()
    start = Path(default_dir) / (default_file_stem(review) + export.suffix(default_format))
    chosen, selected = QFileDialog.getSaveFileName(
        parent, "Export the review", str(start), ";;".join(filters),
        format_filter(default_format))
    if not chosen:
        return None
    return format_for_path(Path(chosen), selected, default_format)


def export_review(parent: QWidget | None, review: Review, default_dir: Path,
                  default_format: str = DEFAULT_FORMAT,
                  reviewer: Reviewer | None = None) -> Path | None:
    """Ask for a file and a format, write the export, return its path (None if cancelled).

    Raises ``ExportWriteError`` (an ``OSError``) if the file cannot be written; show ``str()`` of
    it to the user. The format can be read back from the path's suffix with ``format_for_path``.
    """
    target = choose_export_target(parent, review, default_dir, default_format)
    if target is None:
        return None
    format_name, path = target
    return write_export(review, format_name, path, reviewer)


# Printing -----------------------------------------------------------------------------------


def print_review(parent: QWidget | None, review: Review,
                 printer: QPrinter | None = None) -> bool:
    """Show the print dialog and print the HTML report; False if the user cancelled. Pass the
    same ``printer`` each time to keep the user's printer settings for the session."""
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print the review")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    document = report_document(review)
    document.print_(printer)
    return True


def save_review_pdf(review: Review, path: Path) -> Path:
    """Write the HTML report as a PDF at ``path`` (atomically); raises ``ExportWriteError``."""
    path = Path(path)
    with _atomic_target(path) as temp:
        write_review_pdf(review, temp)
        if temp.stat().st_size == 0:
            raise _write_error(path, OSError(errno.EIO, "the PDF could not be written"))
    return path


def export_review_pdf(parent: QWidget | None, review: Review, default_dir: Path) -> Path | None:
    """Ask where to save the PDF, save it, return its path (None if cancelled). Raises
    ``ExportWriteError`` like ``export_review``."""
    start = Path(default_dir) / (default_file_stem(review) + ".pdf")
    chosen, _ = QFileDialog.getSaveFileName(parent, "Save the review as PDF", str(start),
                                            PDF_FILTER, PDF_FILTER)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    return save_review_pdf(review, path)
