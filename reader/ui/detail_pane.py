"""The selected claim in full: its words, speaker and cue, figures, where a quote was found in
the source documents, status, note and sources.

It shows what the session holds and turns the reviewer's input into session calls; it decides
nothing itself. Note typing is saved after a short pause and when the editor loses focus, so a
long note is never more than a moment away from disk.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QFocusEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from reader.evidence.descriptions import (
    claim_evidence,
    evidence_line,
    short_name,
    source_label,
)
from reader.evidence.evidence import accepted_source
from reader.session import ReviewSession
from reader.store.model import ReviewClaim, Source
from reader.ui.actions import SPECS, shortcut_text
from reader.ui.article_view import describe_figure
from reader.ui.claims_model import KIND_NAMES, status_text
from reader.ui.highlights import STATUS_LABELS, STATUS_SYMBOLS

STATUS_BUTTONS = [("verified", "&Verified", "V or 1"), ("disputed", "&Disputed", "D or 2"),
                  ("unverifiable", "&Unverifiable", "U or 3"), ("unreviewed", "Unreviewed", "0")]
STANCE_WORDS = {"supports": "supports", "contradicts": "contradicts", "unspecified": ""}
NOTE_SAVE_DELAY_MS = 600
RESULT_SYMBOLS = {"exact": "≡", "near": "≈", "not_found": "∅"}
"""Shapes for the results, beside their words: never colour alone."""
ACCEPTED_WORDS = {"supports": " supporting", "contradicts": " contradicting",
                  "unspecified": ""}
_FIELD_WORDS = {"status": "status", "note": "note", "dismissed": "dismissal"}


def _value_words(field: str, value: object, short: bool = False) -> str:
    """A conflicting value as the pane names it: "Verified", "the note “…”", "dismissed"."""
    if field == "status":
        return STATUS_LABELS.get(str(value), str(value))
    if field == "dismissed":
        return "Dismissed" if value else "Not Dismissed"
    text = " ".join(str(value).split())
    if short:
        return f"“{text[:24]}…”" if len(text) > 25 else f"“{text}”" if text else "No Note"
    return f"the note “{text}”" if text else "no note"


class NoteEditor(QPlainTextEdit):
    focus_lost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_lost.emit()


def describe_source(source: Source) -> str:
    parts = [source.title or source.citation or source.url]
    if source.publisher:
        parts.append(source.publisher)
    if source.consulted:
        parts.append(f"consulted {source.consulted}")
    stance = STANCE_WORDS.get(source.stance, "")
    text = " — ".join(p for p in parts if p)
    if stance:
        text += f" ({stance} the claim)"
    if source.url and source.url not in text:
        text += f"\n{source.url}"
    return text


class DetailPane(QScrollArea):
    status_requested = Signal(str)
    note_edited = Signal(str, str)  # claim id, note
    note_finished = Signal()
    add_source_requested = Signal()
    edit_source_requested = Signal(str)  # source id
    remove_source_requested = Signal(str)
    open_source_requested = Signal(QUrl)
    dismiss_requested = Signal()
    restore_requested = Signal()
    confirm_requested = Signal()
    resolve_requested = Signal(str, object)  # field, the value picked
    show_passage_requested = Signal(str)  # source document id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.claim: ReviewClaim | None = None
        self._loading = False

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(10, 8, 10, 8)

        self.heading = QLabel(body)
        self.heading.setObjectName("detailHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.heading)

        self.claim_text = QLabel(body)
        self.claim_text.setObjectName("detailText")
        self.claim_text.setWordWrap(True)
        self.claim_text.setTextFormat(Qt.TextFormat.PlainText)
        self.claim_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.claim_text.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.claim_text.setFont(font)
        layout.addWidget(self.claim_text)

        self.facts = QLabel(body)
        self.facts.setObjectName("detailFacts")
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.facts)

        # Where a quote was found in the source documents: one line per source, each with a
        # button that opens the passage in the source pane (P goes through them).
        self.evidence_box = QFrame(body)
        self.evidence_box.setObjectName("evidenceBox")
        evidence_layout = QVBoxLayout(self.evidence_box)
        evidence_layout.setContentsMargins(0, 2, 0, 2)
        evidence_layout.setSpacing(2)
        self.evidence_heading = QLabel("In the source documents", self.evidence_box)
        self.evidence_heading.setObjectName("evidenceHeading")
        heading_font = self.evidence_heading.font()
        heading_font.setBold(True)
        self.evidence_heading.setFont(heading_font)
        evidence_layout.addWidget(self.evidence_heading)
        self.evidence_rows = QVBoxLayout()
        self.evidence_rows.setSpacing(2)
        evidence_layout.addLayout(self.evidence_rows)
        self.evidence_labels: list[QLabel] = []
        self.evidence_buttons: list[QPushButton] = []
        self._evidence_widgets: list[QWidget] = []
        layout.addWidget(self.evidence_box)

        # What needs the reviewer: a verdict given on words that have changed, or a conflict
        # between two saved values. Framed, with a symbol and words, and buttons to answer.
        self.attention = QFrame(body)
        self.attention.setObjectName("attention")
        self.attention.setFrameShape(QFrame.Shape.StyledPanel)
        attention_layout = QVBoxLayout(self.attention)
        attention_layout.setContentsMargins(8, 6, 8, 6)
        self.attention_label = QLabel(self.attention)
        self.attention_label.setObjectName("attentionText")
        self.attention_label.setWordWrap(True)
        self.attention_label.setTextFormat(Qt.TextFormat.PlainText)
        self.attention_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        attention_layout.addWidget(self.attention_label)
        self.attention_buttons = QHBoxLayout()
        attention_layout.addLayout(self.attention_buttons)
        self.answer_buttons: list[QPushButton] = []
        layout.addWidget(self.attention)

        status_row = QHBoxLayout()
        self.status_group = QButtonGroup(self)
        self.status_group.setExclusive(True)
        self.status_buttons: dict[str, QPushButton] = {}
        for status, label, keys in STATUS_BUTTONS:
            button = QPushButton(f"{STATUS_SYMBOLS[status]} {label.replace('&', '')}", body)
            button.setCheckable(True)
            button.setToolTip(f"Mark as {status} ({keys})")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _=False, s=status: self.status_requested.emit(s))
            self.status_group.addButton(button)
            self.status_buttons[status] = button
            status_row.addWidget(button)
        layout.addLayout(status_row)

        self.dismiss_button = QPushButton("Not a claim (X)", body)
        self.dismiss_button.setToolTip("Dismiss this claim from the list; it can be restored")
        self.dismiss_button.clicked.connect(self._dismiss_clicked)
        layout.addWidget(self.dismiss_button, 0, Qt.AlignmentFlag.AlignLeft)

        note_label = QLabel("&Note (E)", body)
        self.note = NoteEditor(body)
        self.note.setObjectName("noteEditor")
        self.note.setPlaceholderText("What you checked, and what you found")
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(70)
        self.note.setMaximumHeight(120)
        note_label.setBuddy(self.note)
        layout.addWidget(note_label)
        layout.addWidget(self.note)

        # The source buttons sit on the Sources heading's line, not under the list: below the
        # list they were scrolled out of sight in a 1200x800 window.
        sources_label = QLabel("&Sources", body)
        self.sources = QListWidget(body)
        self.sources.setObjectName("sourcesList")
        self.sources.setWordWrap(True)
        self.sources.setMinimumHeight(70)
        sources_label.setBuddy(self.sources)
        header = QHBoxLayout()
        header.addWidget(sources_label)
        header.addStretch(1)
        self.add_source_button = QPushButton("Add… (S)", body)
        self.add_source_button.setObjectName("addSourceButton")
        self.add_source_button.setToolTip("Add a source to this claim (S)")
        self.edit_source_button = QPushButton("Edit…", body)
        self.edit_source_button.setObjectName("editSourceButton")
        self.edit_source_button.setToolTip("Edit the selected source (or double-click it)")
        self.remove_source_button = QPushButton("Remove", body)
        self.remove_source_button.setObjectName("removeSourceButton")
        self.remove_source_button.setToolTip("Remove the selected source (undo: Ctrl+Z)")
        self.open_source_button = QPushButton("Open Link…", body)
        self.open_source_button.setObjectName("openSourceButton")
        for button in (self.add_source_button, self.edit_source_button,
                       self.remove_source_button, self.open_source_button):
            header.addWidget(button)
        layout.addLayout(header)
        layout.addWidget(self.sources)
        layout.addStretch(1)
        self.setWidget(body)

        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SAVE_DELAY_MS)
        self._note_timer.timeout.connect(self.flush_note)
        self.note.textChanged.connect(self._note_typed)
        self.note.focus_lost.connect(self._note_left)
        self.add_source_button.clicked.connect(self.add_source_requested.emit)
        self.edit_source_button.clicked.connect(self._edit_source)
        self.sources.itemDoubleClicked.connect(lambda _: self._edit_source())
        self.remove_source_button.clicked.connect(self._remove_source)
        self.open_source_button.clicked.connect(self._open_source)
        self.sources.currentRowChanged.connect(lambda _: self._update_source_buttons())
        self.show_claim(None, None)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_wrapping()

    def _fit_wrapping(self) -> None:
        """Text that wraps, wraps within what is seen: with the source pane open this column
        is narrower than the row of status buttons, and lines laid out to the buttons' width
        ran past the right edge."""
        width = max(self.viewport().width() - 20, 120)  # the body's margins
        for widget in (self.claim_text, self.facts, self.attention, self.evidence_box):
            widget.setMaximumWidth(width)

    # Showing -------------------------------------------------------------------------------

    def show_claim(self, claim: ReviewClaim | None, session: ReviewSession | None) -> None:
        if claim is not None and self.claim is not None and claim.id != self.claim.id:
            self.flush_note()
        same = claim is not None and self.claim is not None and claim.id == self.claim.id
        self.claim = claim
        self._loading = True
        try:
            self._fill(claim, session, keep_note=same and self.note.hasFocus())
        finally:
            self._loading = False

    def _fill(self, claim: ReviewClaim | None, session: ReviewSession | None,
              keep_note: bool) -> None:
        enabled = claim is not None and session is not None and not session.read_only
        for widget in (*self.status_buttons.values(), self.note, self.add_source_button,
                       self.dismiss_button):
            widget.setEnabled(enabled)
        if claim is None:
            self._fill_evidence(None, None)
            self._fill_attention(None, False)
            self.heading.setText("No claim selected")
            self.claim_text.setText("Select a claim in the list or in the article. "
                                    "J and K move through the claims.")
            self.facts.clear()
            self.note.setPlainText("")
            self.sources.clear()
            self.status_group.setExclusive(False)
            for button in self.status_buttons.values():
                button.setChecked(False)
            self.status_group.setExclusive(True)
            self._update_source_buttons()
            return
        kind = KIND_NAMES.get(claim.kind, claim.kind.title())
        origin = " (added by you)" if claim.origin == "manual" else ""
        self.heading.setText(f"{kind}{origin} — {status_text(claim)}")
        self.claim_text.setText(claim.text)
        facts: list[str] = []
        if claim.orphaned:
            facts.append("Orphaned: these words are no longer in the article's text. "
                         "Your decision is kept.")
        if claim.speaker:
            cue = f" (“{claim.cue}”)" if claim.cue else ""
            facts.append(f"Speaker: {claim.speaker}{cue}")
        if session is not None:
            for figure in session.figures_in(claim):
                facts.append(f"Figure: {describe_figure(figure)}")
        self.facts.setText("\n".join(facts))
        self.facts.setVisible(bool(facts))
        self._fill_evidence(claim, session)
        self._fill_attention(claim, enabled)
        self.status_buttons[claim.status].setChecked(True)
        for status, button in self.status_buttons.items():
            # Bold as well as pressed: the current status must stand out in every style.
            # (A style sheet would do it, but stops the pane following theme changes.)
            font = button.font()
            font.setBold(status == claim.status)
            button.setFont(font)
        self.dismiss_button.setText("Restore as a claim (X)" if claim.dismissed
                                    else "Not a claim (X)")
        if not keep_note and self.note.toPlainText() != claim.note:
            self.note.setPlainText(claim.note)
        current = self.sources.currentRow()
        self.sources.clear()
        for source in claim.sources:
            item = QListWidgetItem(describe_source(source))
            item.setData(Qt.ItemDataRole.UserRole, source.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, source.url)
            item.setToolTip(source.url or source.citation)
            self.sources.addItem(item)
        if self.sources.count():
            self.sources.setCurrentRow(min(max(current, 0), self.sources.count() - 1))
        self._update_source_buttons()

    def _fill_attention(self, claim: ReviewClaim | None, enabled: bool) -> None:
        for button in self.answer_buttons:
            self.attention_buttons.removeWidget(button)
            button.hide()  # deleteLater waits for the event loop; it must vanish now
            button.deleteLater()
        self.answer_buttons = []
        lines: list[str] = []
        recheck = claim.recheck() if claim is not None and claim.history else None
        conflicts = claim.open_conflicts() if claim is not None and claim.history else ()
        if recheck is not None:
            lines.append("↻ Needs re-check: the claim's words changed after its verdict was "
                         f"given.\nWas: “{recheck.old}”\nNow: “{recheck.new}”")
            self._answer_button("Still Correct (C)", "The verdict holds for the new words",
                                self.confirm_requested.emit, enabled)
        kept: set[str] = set()
        for conflict in conflicts:
            assert claim is not None
            field = conflict.field
            current = getattr(claim, field)
            who = conflict.reviewer or "someone else"
            lines.append(f"⚠ Conflict: the {_FIELD_WORDS[field]} is {_value_words(field, current)}"
                         f"; {who} saved {_value_words(field, conflict.value)}.")
            if field not in kept:  # one "Keep" per field, however many values lost on it
                kept.add(field)
                self._answer_button(f"Keep {_value_words(field, current, short=True)}",
                                    f"Keep the current {_FIELD_WORDS[field]}",
                                    lambda f=field, v=current: self.resolve_requested.emit(f, v),
                                    enabled)
            self._answer_button(f"Use {_value_words(field, conflict.value, short=True)}",
                                f"Use the {_FIELD_WORDS[field]} {who} saved",
                                lambda f=field, v=conflict.value:
                                self.resolve_requested.emit(f, v), enabled)
        self.attention_label.setText("\n".join(lines))
        self.attention.setVisible(bool(lines))

    def _fill_evidence(self, claim: ReviewClaim | None, session: ReviewSession | None) -> None:
        """A quote's passage in each source, one line each: the result spelt out with a
        symbol (never colour alone), the similarity, what the article changed, and a button
        that shows it in the source pane."""
        for widget in self._evidence_widgets:
            self.evidence_rows.removeWidget(widget)
            widget.hide()  # deleteLater waits for the event loop; it must vanish now
            widget.deleteLater()
        self._evidence_widgets, self.evidence_labels, self.evidence_buttons = [], [], []
        if claim is None or session is None or claim.kind != "quote":
            self.evidence_box.hide()
            return
        review = session.review
        found = claim_evidence(review, claim)
        if not found:
            if not review.source_documents or claim.dismissed or claim.orphaned:
                self.evidence_box.hide()
                return
            self._evidence_row("Not looked for in the sources yet: Match Quotes "
                               f"({shortcut_text(SPECS['sources_match'])}).", None)
        keys = shortcut_text(SPECS["sources_show_passage"])
        for item, document in found:
            # The file's name: the pane is narrow, and titles of transcripts run long.
            text = (f"{RESULT_SYMBOLS[item.result]} "
                    f"{evidence_line(item, document, claim, short_name(document))}")
            accepted = accepted_source(claim, item, document)
            if accepted is not None:
                stance = ACCEPTED_WORDS.get(accepted.stance, "")
                text += f" — accepted as a{stance} source"
            self._evidence_row(text, document.id, keys, source_label(document))
        self.evidence_box.show()

    def _evidence_row(self, text: str, source_id: str | None, keys: str = "",
                      tip: str = "") -> None:
        row = QWidget(self.evidence_box)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        label = QLabel(text, row)
        label.setObjectName("evidenceLine")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setToolTip(tip)
        self.evidence_labels.append(label)
        if source_id is not None:
            # Before the words, not after: with the source pane open this column is narrow,
            # and a button at the end of the line was scrolled out of sight.
            button = QPushButton("Show", row)
            button.setObjectName("showPassageButton")
            button.setToolTip(f"Show this passage in the source pane ({keys}; again for the "
                              "next source)")
            button.setAccessibleName(f"Show the passage in {text.split(':')[0]}")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setMaximumWidth(button.fontMetrics().horizontalAdvance("Show") + 24)
            button.clicked.connect(lambda _=False, s=source_id:
                                   self.show_passage_requested.emit(s))
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.evidence_buttons.append(button)
        line.addWidget(label, 1)
        self.evidence_rows.addWidget(row)
        row.show()  # now, not when the event loop next runs: the pane is read at once
        self._evidence_widgets.append(row)

    def _answer_button(self, text: str, tip: str, slot, enabled: bool) -> None:
        button = QPushButton(text, self.attention)
        button.setToolTip(tip)
        button.setEnabled(enabled)
        button.clicked.connect(lambda _=False: slot())
        self.attention_buttons.addWidget(button)
        self.answer_buttons.append(button)

    def _update_source_buttons(self) -> None:
        item = self.sources.currentItem()
        editable = item is not None and self.add_source_button.isEnabled()
        self.edit_source_button.setEnabled(editable)
        self.remove_source_button.setEnabled(editable)
        self.open_source_button.setEnabled(
            item is not None and bool(item.data(Qt.ItemDataRole.UserRole + 1)))

    # Input ---------------------------------------------------------------------------------

    def _note_typed(self) -> None:
        if not self._loading and self.claim is not None:
            self._note_timer.start()

    def flush_note(self) -> None:
        """Save the note now if it differs from the claim's (the timer or focus-out calls it)."""
        self._note_timer.stop()
        if self.claim is not None and self.note.toPlainText() != self.claim.note:
            self.note_edited.emit(self.claim.id, self.note.toPlainText())

    def _note_left(self) -> None:
        self.flush_note()
        self.note_finished.emit()

    def selected_source_id(self) -> str | None:
        item = self.sources.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _edit_source(self) -> None:
        source_id = self.selected_source_id()
        if source_id and self.add_source_button.isEnabled():
            self.edit_source_requested.emit(source_id)

    def _remove_source(self) -> None:
        source_id = self.selected_source_id()
        if source_id:
            self.remove_source_requested.emit(source_id)

    def _open_source(self) -> None:
        item = self.sources.currentItem()
        if item and item.data(Qt.ItemDataRole.UserRole + 1):
            self.open_source_requested.emit(QUrl(item.data(Qt.ItemDataRole.UserRole + 1)))

    def _dismiss_clicked(self) -> None:
        if self.claim is None:
            return
        if self.claim.dismissed:
            self.restore_requested.emit()
        else:
            self.dismiss_requested.emit()
