"""Find in the article: a bar under the text, Enter for the next match, Esc to close."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget


class FindField(QLineEdit):
    escape = Signal()
    backwards = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.escape.emit()
            return
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self.backwards.emit()
            return
        super().keyPressEvent(event)


class FindBar(QWidget):
    def __init__(self, view: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        label = QLabel("Fin&d:", self)
        self.field = FindField(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText("Words in the article")
        label.setBuddy(self.field)
        self.previous_button = QToolButton(self)
        self.previous_button.setText("▲ Previous")
        self.previous_button.setToolTip("Previous match (Shift+Enter, Shift+F3)")
        self.next_button = QToolButton(self)
        self.next_button.setText("▼ Next")
        self.next_button.setToolTip("Next match (Enter, F3)")
        self.result = QLabel(self)
        self.result.setObjectName("findResult")
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        close.setAccessibleName("Close find bar")
        for widget in (label, self.field, self.previous_button, self.next_button, self.result):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(close)
        self.field.returnPressed.connect(self.find_next)
        self.field.backwards.connect(self.find_previous)
        self.field.escape.connect(self.close_bar)
        self.field.textChanged.connect(self._search_from_start)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        close.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        selected = self.view.textCursor().selectedText()
        if selected and "\u2029" not in selected and len(selected) < 100:
            self.field.setText(selected)
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.view.setFocus()

    def count_matches(self, needle: str) -> int:
        if not needle:
            return 0
        document = self.view.document()
        count, cursor = 0, QTextCursor(document)
        while True:
            cursor = document.find(needle, cursor)
            if cursor.isNull():
                return count
            count += 1

    def _search_from_start(self, text: str) -> None:
        cursor = self.view.textCursor()
        cursor.setPosition(cursor.selectionStart())
        self.view.setTextCursor(cursor)
        self.find_next()

    def find_next(self) -> bool:
        return self._find(QTextDocument.FindFlag(0))

    def find_previous(self) -> bool:
        return self._find(QTextDocument.FindFlag.FindBackward)

    def _find(self, flags: QTextDocument.FindFlag) -> bool:
        needle = self.field.text()
        if not needle:
            self.result.clear()
            return False
        document = self.view.document()
        found = document.find(needle, self.view.textCursor(), flags)
        if found.isNull():  # wrap round once
            start = QTextCursor(document)
            if flags & QTextDocument.FindFlag.FindBackward:
                start.movePosition(QTextCursor.MoveOperation.End)
            found = document.find(needle, start, flags)
        total = self.count_matches(needle)
        if found.isNull():
            self.result.setText("Not found")
            return False
        self.view.setTextCursor(found)
        self.view.ensureCursorVisible()
        self.result.setText(f"{total} match{'es' if total != 1 else ''}")
        return True
