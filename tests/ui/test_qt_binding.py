"""The Qt binding itself must not corrupt the interpreter (PySide6 6.12.0 did)."""

import sys

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor, QTextDocument


def test_void_methods_keep_none_alive(qapp) -> None:
    """Each call of a void method must leave None's reference count as it was. On Python 3.11,
    where None is not immortal, a binding that drops one reference per call crashes the app
    after a few thousand calls (it did on opening a long article)."""
    document = QTextDocument()
    cursor = QTextCursor(document)
    obj = QObject()
    before = sys.getrefcount(None)
    for _ in range(200):
        cursor.setPosition(0)
        obj.setObjectName("probe")
    after = sys.getrefcount(None)
    assert after >= before - 20, f"None lost {before - after} references in 400 calls"
