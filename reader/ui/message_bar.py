"""A banner above the article for errors and notices that must not block the user.

A modal dialog would stop the fact-checker mid-task; the banner says what happened, stays until
closed or replaced, and the word "Error" or "Note" carries the meaning, not only the colour.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

Level = Literal["error", "info"]

_STYLES = {
    "error": "QFrame#messageBar { background: #fbe3e1; border: 1px solid #c0392b; }"
             " QLabel { color: #5b1a13; }",
    "info": "QFrame#messageBar { background: #e3eefb; border: 1px solid #2f6fb5; }"
            " QLabel { color: #123a66; }",
}
_PREFIX = {"error": "Error:", "info": "Note:"}


class MessageBar(QFrame):
    action_clicked = Signal()
    second_action_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.level: Level | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.label, 1)
        self.action_button = QPushButton(self)
        self.action_button.clicked.connect(self.action_clicked.emit)
        self.action_button.hide()
        layout.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignTop)
        self.second_button = QPushButton(self)
        self.second_button.clicked.connect(self.second_action_clicked.emit)
        self.second_button.hide()
        layout.addWidget(self.second_button, 0, Qt.AlignmentFlag.AlignTop)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setToolTip("Dismiss this message (Esc)")
        self.close_button.setAccessibleName("Dismiss message")
        self.close_button.clicked.connect(self.dismiss)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_message(self, level: Level, text: str, action: str | None = None,
                     second_action: str | None = None) -> None:
        """``action`` names a button (e.g. "Retry Now") that emits ``action_clicked``;
        ``second_action`` one that emits ``second_action_clicked``, for a choice of two."""
        self.level = level
        self.action_button.setText(action or "")
        self.action_button.setVisible(bool(action))
        self.second_button.setText(second_action or "")
        self.second_button.setVisible(bool(second_action))
        self.setStyleSheet(_STYLES[level])
        self.label.setText(f"{_PREFIX[level]} {text}")
        self.show()

    def text(self) -> str:
        return "" if self.isHidden() else self.label.text()

    def dismiss(self) -> None:
        self.level = None
        self.label.clear()
        self.hide()
