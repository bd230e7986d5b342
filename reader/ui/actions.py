"""Every window action declared once: name, text, shortcut, tip.

One registry feeds the menus, a future shortcut sheet (F1) and a test that no key is bound
twice. Names read ``<menu>_<verb>``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True, slots=True)
class ActionSpec:
    name: str
    text: str
    shortcuts: tuple[QKeySequence.StandardKey | str, ...] = ()
    tip: str = ""


ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec("file_open", "&Open…", (QKeySequence.StandardKey.Open,),
               "Open an article: plain text, Markdown or a saved web page"),
    ActionSpec("file_open_sample", "Open the &Sample Article", (),
               "Show the sample article that comes with Claim Reader"),
    ActionSpec("file_clear_recent", "&Clear Recent Files"),
    ActionSpec("file_quit", "&Quit", (QKeySequence.StandardKey.Quit, "Ctrl+Q"),
               "Close Claim Reader"),
    ActionSpec("view_zoom_in", "Zoom &In", (QKeySequence.StandardKey.ZoomIn, "Ctrl+="),
               "Larger text"),
    ActionSpec("view_zoom_out", "Zoom &Out", (QKeySequence.StandardKey.ZoomOut,),
               "Smaller text"),
    ActionSpec("view_zoom_reset", "&Actual Size", ("Ctrl+0",), "Text at its normal size"),
    ActionSpec("help_about", "&About Claim Reader"),
)


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """Standard keys expand to the platform's bindings; duplicates are dropped."""
    sequences: list[QKeySequence] = []
    for shortcut in spec.shortcuts:
        if isinstance(shortcut, QKeySequence.StandardKey):
            candidates = QKeySequence.keyBindings(shortcut)
        else:
            candidates = [QKeySequence(shortcut)]
        for sequence in candidates:
            if not sequence.isEmpty() and sequence not in sequences:
                sequences.append(sequence)
    return sequences


def create_actions(parent: QWidget) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(spec.text, parent)
        action.setObjectName(spec.name)
        action.setShortcuts(key_sequences(spec))
        if spec.tip:
            action.setStatusTip(spec.tip)
            action.setToolTip(spec.tip)
        actions[spec.name] = action
    return actions
