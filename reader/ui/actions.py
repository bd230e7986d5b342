"""Every window action declared once: name, text, shortcut, tip.

One registry feeds the menus, the shortcut sheet (F1) and a test that no key is bound twice.
Names read ``<menu>_<verb>``. Single-letter keys act on the selected claim; text fields take
their letters first (Qt lets an editor claim a key before a shortcut sees it), so typing a
note never tags a claim.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

Key = QKeySequence.StandardKey


@dataclass(frozen=True, slots=True)
class ActionSpec:
    name: str
    text: str
    shortcuts: tuple[QKeySequence.StandardKey | str, ...] = ()
    tip: str = ""
    checkable: bool = False


ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("file_open", "&Open…", (Key.Open,),
               "Open an article: plain text, Markdown, a saved web page, PDF or Word"),
    ActionSpec("file_paste", "&Paste Article", ("Ctrl+Shift+V",),
               "Review the text on the clipboard as a new document"),
    ActionSpec("file_open_sample", "Open the &Sample Article", ("Ctrl+Shift+H",),
               "Show the sample article that comes with Claim Reader"),
    ActionSpec("file_start_page", "&Reviews…", ("Ctrl+Shift+O",),
               "List the stored reviews and their progress"),
    ActionSpec("file_speakers", "Spea&ker Directory…", ("Ctrl+Shift+D",),
               "Everyone quoted across your reviews, with the verdicts on their quotes"),
    ActionSpec("file_export", "&Export Review…", ("Ctrl+E",),
               "Save the review as a report or as data"),
    ActionSpec("file_print", "&Print Report…", (Key.Print, "Ctrl+P"),
               "Print the review or save it as PDF"),
    ActionSpec("file_save_pdf", "Save Report as P&DF…", ("Ctrl+Shift+P",),
               "Save the review's report as a PDF file"),
    ActionSpec("file_clear_recent", "&Clear Recent Files", ("Ctrl+Shift+Del",),
               "Forget the list of recent files"),
    ActionSpec("file_quit", "&Quit", (Key.Quit, "Ctrl+Q"), "Close Claim Reader"),
    # Edit
    ActionSpec("edit_undo", "&Undo", (Key.Undo,), "Undo the last status, note or source change"),
    ActionSpec("edit_redo", "&Redo", ("Ctrl+Shift+Z", Key.Redo), "Redo what was undone"),
    ActionSpec("edit_find", "&Find in Article…", (Key.Find,), "Search the article's text"),
    ActionSpec("edit_find_next", "Find &Next", (Key.FindNext,), "Next match in the article"),
    ActionSpec("edit_find_previous", "Find Pre&vious", (Key.FindPrevious,),
               "Previous match in the article"),
    ActionSpec("edit_filter", "Filter &Claims…", ("Ctrl+L",), "Filter the claims list by words"),
    ActionSpec("edit_search_reviews", "&Search All Reviews…", ("Ctrl+Shift+F",),
               "Find claims in every stored review, by words, status and speaker"),
    ActionSpec("edit_preferences", "&Preferences…", (Key.Preferences, "Ctrl+,"),
               "Your name and organisation, as a published ClaimReview names them"),
    # Claim
    ActionSpec("claim_next", "&Next Claim", ("J", "Down"), "Select the next claim in the list"),
    ActionSpec("claim_previous", "&Previous Claim", ("K", "Up"),
               "Select the previous claim in the list"),
    ActionSpec("claim_next_unreviewed", "Next &Unreviewed Claim", ("N",),
               "Jump to the next claim nobody has tagged yet"),
    ActionSpec("claim_verified", "Mark &Verified", ("V", "1"), "The claim checks out"),
    ActionSpec("claim_disputed", "Mark &Disputed", ("D", "2"), "The claim is wrong or misleading"),
    ActionSpec("claim_unverifiable", "Mark Un&verifiable", ("U", "3"),
               "The claim cannot be checked"),
    ActionSpec("claim_clear", "&Clear Status", ("0",), "Back to unreviewed"),
    ActionSpec("claim_confirm", "&Confirm Verdict for New Words", ("C",),
               "The claim's words changed since its verdict: the verdict still holds"),
    ActionSpec("claim_resolve", "&Resolve Conflict…", ("R",),
               "Pick a value where two people saved different ones"),
    ActionSpec("claim_edit_note", "&Edit Note", ("E",), "Write a note on the selected claim"),
    ActionSpec("claim_add_source", "Add &Source…", ("S",), "Add a source to the selected claim"),
    ActionSpec("claim_add_manual", "&Add Selection as Claim", ("A",),
               "Turn the text selected in the article into a claim"),
    ActionSpec("claim_dismiss", "Not a Claim / &Restore", ("X",),
               "Dismiss the selected claim as not a claim, or restore it"),
    ActionSpec("claim_apply_earlier", "Appl&y Earlier Verdict", ("B",),
               "Give the claim the verdict, note and sources it had in another review "
               "(Seen Before)"),
    ActionSpec("claim_next_seen_before", "Next Claim Seen Be&fore", ("Shift+B",),
               "Jump to the next claim that was reviewed in another article"),
    # Sources: the originals the article quotes, beside it
    ActionSpec("sources_attach", "&Attach Source Document…", ("Ctrl+Shift+A",),
               "Attach the original the article quotes (a transcript, a report) and find "
               "each quote in it"),
    ActionSpec("sources_match", "&Match Quotes in Sources", ("Ctrl+Shift+M",),
               "Find every quote of the article in the attached sources again"),
    ActionSpec("sources_show", "&Show Source Beside Article", ("F8",),
               "Show or hide the source pane beside the article", checkable=True),
    ActionSpec("sources_show_passage", "Show the Quote's &Passage in Source", ("P",),
               "Show the selected quote's passage in the source pane; again for its next "
               "source"),
    ActionSpec("sources_detach", "&Detach Source Document…", ("Ctrl+Shift+X",),
               "Remove the source shown from this review, with the passages found in it"),
    ActionSpec("sources_next", "&Next Evidence", ("]",),
               "The next quote's passage in the sources"),
    ActionSpec("sources_previous", "&Previous Evidence", ("[",),
               "The previous quote's passage in the sources"),
    ActionSpec("sources_supports", "Accept as &Supporting Source", ("Shift+S",),
               "The passage shown supports the claim: add it to the claim's sources"),
    ActionSpec("sources_contradicts", "Accept as &Contradicting Source", ("Shift+C",),
               "The passage shown contradicts the claim: add it to the claim's sources"),
    # View
    ActionSpec("view_zoom_in", "Zoom &In", (Key.ZoomIn, "Ctrl+="), "Larger text"),
    ActionSpec("view_zoom_out", "Zoom &Out", (Key.ZoomOut,), "Smaller text"),
    ActionSpec("view_zoom_reset", "&Actual Size", ("Ctrl+0",), "Text at its normal size"),
    ActionSpec("view_theme_cycle", "Switch &Theme", ("Ctrl+Shift+T",),
               "Cycle the theme: as the system, light, dark"),
    ActionSpec("view_focus_article", "Go to &Article", ("F6",), "Move the keyboard to the article"),
    ActionSpec("view_focus_claims", "Go to C&laims List", ("F7",),
               "Move the keyboard to the claims list"),
    # Help
    ActionSpec("help_shortcuts", "&Keyboard Shortcuts", (Key.HelpContents, "F1"),
               "Every shortcut on one page"),
    ActionSpec("help_about", "&About Claim Reader", ("Ctrl+Shift+F1",)),
)

SPECS = {spec.name: spec for spec in ACTIONS}


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


# Keys other than characters that keyboards print on a key cap. The platforms' standard
# bindings also hold keys of media and vendor keyboards (Qt names them "Open", "Undo", "Find",
# "Zoom In", "Help", "Exit", and F13-F35: Sun keyboards' Undo is F14): they still work, but the
# shortcut sheet and tooltips show only what a user can find on their keyboard.
PRINTED_KEYS = {
    Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Backspace,
    Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Insert, Qt.Key.Key_Delete, Qt.Key.Key_Pause,
    Qt.Key.Key_Print, Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_Left, Qt.Key.Key_Up,
    Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
    *(getattr(Qt.Key, f"Key_F{number}") for number in range(1, 13)),
}
_SPECIAL_KEYS = 0x01000000  # Qt's codes for keys that are not characters start here


def printed_on_keyboard(sequence: QKeySequence) -> bool:
    """Whether every key of ``sequence`` is one printed on an ordinary keyboard."""
    for index in range(sequence.count()):
        key = sequence[index].key()
        if key.value >= _SPECIAL_KEYS and key not in PRINTED_KEYS:
            return False
    return sequence.count() > 0


def shortcut_text(spec: ActionSpec) -> str:
    """The action's keys as the platform writes them (Ctrl+Z; ⌘Z on macOS), the ones printed
    on a keyboard only."""
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                     for s in key_sequences(spec) if printed_on_keyboard(s))


def create_actions(parent: QWidget) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(spec.text, parent)
        action.setObjectName(spec.name)
        action.setShortcuts(key_sequences(spec))
        action.setCheckable(spec.checkable)
        if spec.tip:
            action.setStatusTip(spec.tip)
            keys = shortcut_text(spec)
            action.setToolTip(f"{spec.tip} ({keys})" if keys else spec.tip)
        parent.addAction(action)  # shortcuts work even when the menu bar is hidden
        actions[spec.name] = action
    return actions
