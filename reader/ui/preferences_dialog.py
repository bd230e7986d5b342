"""Edit ▸ Preferences: who the reviewer is. A published ClaimReview names them as its author
(never the login name); the command line reads the same settings file (reader/config.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reader.config import Reviewer


class PreferencesDialog(QDialog):
    """``values()`` is the reviewer as typed; the caller saves it (and reports a failure)."""

    def __init__(self, parent: QWidget | None, reviewer: Reviewer, config_file: Path,
                 reason: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle("Preferences")
        layout = QVBoxLayout(self)
        if reason:
            why = QLabel(reason, self)
            why.setObjectName("preferencesReason")
            why.setWordWrap(True)
            layout.addWidget(why)
        form = QFormLayout()
        self.name_edit = QLineEdit(reviewer.name, self)
        self.name_edit.setObjectName("reviewerName")
        self.name_edit.setPlaceholderText("Your name, as readers of your fact-checks see it")
        self.organisation_edit = QLineEdit(reviewer.organisation, self)
        self.organisation_edit.setObjectName("reviewerOrganisation")
        self.organisation_edit.setPlaceholderText("Optional: the desk or outlet you review for")
        form.addRow("Your &name:", self.name_edit)
        form.addRow("&Organisation:", self.organisation_edit)
        layout.addLayout(form)
        note = QLabel(f"A published ClaimReview names you as its author. Kept in {config_file}, "
                      "which the claim-reader command reads too.", self)
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    def values(self) -> Reviewer:
        return Reviewer(" ".join(self.name_edit.text().split()),
                        " ".join(self.organisation_edit.text().split()))
