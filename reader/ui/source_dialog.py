"""The dialog that adds or edits one source of a claim.

A source is useful only if someone can find it again, so OK stays disabled until there is a URL,
a citation or a title. A URL field holding something other than a web address (a book reference,
``www.`` without a scheme, ``file:`` or ``javascript:``) is refused with a sentence saying what
to do: the detail pane opens source addresses in the browser, and the exports link only http(s).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.store.model import Source

STANCE_LABELS: tuple[tuple[str, str], ...] = (
    ("supports", "Supports the claim"),
    ("contradicts", "Contradicts the claim"),
    ("unspecified", "Not stated"),
)
"""Stances as the store spells them and as the dialog shows them, in the order shown."""

ISO_DATE = "yyyy-MM-dd"
NOT_RECORDED = QDate(1900, 1, 1)
"""The date edit's lowest value stands for "no date recorded" (shown as text, saved as "")."""

HINT_EMPTY = "Give at least a URL, a citation or a title."
FIELDS = ("title", "url", "citation", "publisher", "consulted", "stance")


def url_problem(text: str) -> str | None:
    """Why ``text`` is not a web address the app may open, or None if it is one (or empty)."""
    text = text.strip()
    if not text:
        return None
    if any(ch.isspace() for ch in text):
        return ("This is not a web address: it contains spaces. Put a reference to a printed or"
                " offline source in Citation instead.")
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        if parts.netloc:
            return None
        return "This web address has no site name after the //. Check the address."
    if not scheme or text.lower().startswith("www."):
        return ("A web address must start with https:// or http:// — for example "
                f"https://{text.removeprefix('//')}.")
    return (f"Only web addresses (https:// or http://) can be saved here, not {scheme}: "
            "addresses. Put other references in Citation.")


class SourceDialog(QDialog):
    """Add a source (``source=None``) or edit one. ``values()`` gives the fields as
    ``OpenReview.add_source`` takes them; for an edit, ``dataclasses.replace(source, **values)``
    makes the ``Source`` to pass to ``OpenReview.update_source``."""

    def __init__(self, parent: QWidget | None = None, source: Source | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceDialog")
        self.setWindowTitle("Edit source" if source else "Add a source")
        self._original_consulted = source.consulted if source else ""

        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText("Headline or name of the document")
        self.url_edit = QLineEdit(self)
        self.url_edit.setPlaceholderText("https://…")
        self.url_problem_label = QLabel(self)
        self.url_problem_label.setObjectName("urlProblem")
        self.url_problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.url_problem_label.setWordWrap(True)
        self.url_problem_label.hide()
        self.citation_edit = QLineEdit(self)
        self.citation_edit.setPlaceholderText("Report, book or interview, with page or date")
        self.publisher_edit = QLineEdit(self)
        self.consulted_edit = QDateEdit(self)
        self.consulted_edit.setDisplayFormat(ISO_DATE)
        self.consulted_edit.setCalendarPopup(True)
        self.consulted_edit.setMinimumDate(NOT_RECORDED)
        self.consulted_edit.setSpecialValueText("Not recorded")
        self.consulted_edit.setDate(QDate.currentDate())
        self.stance_combo = QComboBox(self)
        for stance, label in STANCE_LABELS:
            self.stance_combo.addItem(label, stance)
        self.stance_combo.setCurrentIndex(self.stance_combo.findData("unspecified"))

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._labels: dict[str, QLabel] = {}
        for key, text, field in (
            ("title", "&Title:", self.title_edit),
            ("url", "&URL:", self.url_edit),
            ("citation", "&Citation:", self.citation_edit),
            ("publisher", "&Publisher:", self.publisher_edit),
            ("consulted", "&Date consulted:", self.consulted_edit),
            ("stance", "&Stance:", self.stance_combo),
        ):
            label = QLabel(text, self)
            label.setBuddy(field)
            self._labels[key] = label
            form.addRow(label, field)
            if key == "url":
                form.addRow("", self.url_problem_label)

        self.hint_label = QLabel(HINT_EMPTY, self)
        self.hint_label.setObjectName("sourceHint")
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)
        self.hint_label.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

        if source is not None:
            self._load(source)
        for edit in (self.title_edit, self.url_edit, self.citation_edit):
            edit.textChanged.connect(self._update_state)
        self._update_state()
        self.title_edit.setFocus()

    def _load(self, source: Source) -> None:
        self.title_edit.setText(source.title)
        self.url_edit.setText(source.url)
        self.citation_edit.setText(source.citation)
        self.publisher_edit.setText(source.publisher)
        date = QDate.fromString(source.consulted, ISO_DATE)
        self.consulted_edit.setDate(date if date.isValid() else NOT_RECORDED)
        index = self.stance_combo.findData(source.stance)
        self.stance_combo.setCurrentIndex(index if index >= 0 else len(STANCE_LABELS) - 1)

    def label(self, key: str) -> QLabel:
        """The label of field ``key`` (one of ``FIELDS``)."""
        return self._labels[key]

    def url_problem(self) -> str | None:
        return url_problem(self.url_edit.text())

    def _update_state(self) -> None:
        problem = self.url_problem()
        self.url_problem_label.setText(f"Problem: {problem}" if problem else "")
        self.url_problem_label.setVisible(problem is not None)
        self.url_edit.setAccessibleDescription(problem or "")
        empty = not any(e.text().strip()
                        for e in (self.title_edit, self.url_edit, self.citation_edit))
        self.hint_label.setVisible(empty)
        self.ok_button.setEnabled(not empty and problem is None)

    def consulted(self) -> str:
        date = self.consulted_edit.date()
        if date == NOT_RECORDED:
            # A date the app could not read is kept as it was rather than silently dropped.
            return "" if QDate.fromString(self._original_consulted, ISO_DATE).isValid() \
                else self._original_consulted
        return date.toString(ISO_DATE)

    def values(self) -> dict[str, Any]:
        """The fields, stripped; keys as ``OpenReview.add_source`` takes them."""
        return {
            "title": self.title_edit.text().strip(),
            "url": self.url_edit.text().strip(),
            "citation": self.citation_edit.text().strip(),
            "publisher": self.publisher_edit.text().strip(),
            "consulted": self.consulted(),
            "stance": self.stance_combo.currentData(),
        }

    def accept(self) -> None:
        if self.ok_button.isEnabled():  # Enter must not bypass the check
            super().accept()

    @staticmethod
    def edit(parent: QWidget | None, source: Source | None) -> dict[str, Any] | None:
        """Show the dialog modally; the fields, or None if the user cancelled."""
        dialog = SourceDialog(parent, source)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.values()
        finally:
            dialog.deleteLater()
