"""The source pane: an original the article quotes, beside the article, at the selected quote's
passage, with what the article changed shown word by word.

Attaching a source and matching the quotes run in the background (``reader.ui.background``)
with a progress bar in the pane; the pane then keeps each source's index for the session, so
matching again is quick. The changes are never shown by colour alone: words the article left
out or changed are struck through, the article's own words underlined, and a legend under the
passage says so; the result is spelled out ("Near match — 89% of words the same").
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.document.model import Block, Document
from reader.document.plain_text import plain_text_blocks
from reader.evidence.descriptions import attached_sources, source_label
from reader.evidence.evidence import (
    RESULT_WORDS,
    acceptance,
    accepted_source,
    is_stale,
    locate,
    marked_spans,
    match_claims,
    quote_claims,
    word_by_word,
)
from reader.evidence.source_index import SourceIndex
from reader.evidence.sources import SourceProblem, prepare_source, read_source
from reader.session import ReviewSession
from reader.store.model import Evidence, ReviewClaim, SourceDocument, utc_now
from reader.ui.actions import SPECS, shortcut_text
from reader.ui.article_view import ArticleView
from reader.ui.background import run_in_background
from reader.ui.rendering import RenderedDocument
from reader.ui.theme import LIGHT, Colors

log = logging.getLogger(__name__)

SOURCE_FILTER = ("Sources (*.txt *.md *.markdown *.html *.htm *.mhtml *.mht *.pdf *.docx);;"
                 "All files (*)")
LEGEND = ("<s>Struck through</s>: the source's words the article left out or changed. "
          "<u>Underlined</u>: the article's words that are not in the source. "
          "[… n words …]: what the article's ellipsis leaves out.")
STANCE_WORDS = {"supports": "supporting", "contradicts": "contradicting"}


def keys(name: str) -> str:
    return shortcut_text(SPECS[name])


def ask_to_detach(parent: QWidget, source: SourceDocument, quotes: int, accepted: int) -> bool:
    """Whether the user confirms detaching ``source``, named by its title and file. Cancel is
    the default: the text cannot be brought back from this review, only by attaching the
    file again."""
    path = source.source_path or "no file: it was pasted or its file is unknown"
    box = QMessageBox(parent)
    box.setObjectName("detachSourceBox")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle("Detach Source Document")
    box.setText(f"Detach “{source.title}” from this review?\n\n{path}")
    kept = ("" if not accepted else " The source you accepted from it into a claim stays."
            if accepted == 1 else f" The {accepted} sources you accepted from it into claims "
            "stay.")
    box.setInformativeText(
        f"Its text and the passages found in it for {quotes} quote"
        f"{'' if quotes == 1 else 's'} are removed from the review file and its backup, and "
        f"will not come back from another copy of the review (a colleague's, a sync "
        f"program's).{kept} To bring it back, attach the file again.")
    detach = box.addButton("Detach", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is detach


class _Progress(QObject):
    """Carries progress from the worker thread to the pane (a queued signal)."""

    changed = Signal(int, str)


class SourceTextView(ArticleView):
    """A source's text, laid out like the article (a long one in slices), with the passage and
    its changed words marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceTextView")
        self.source_id: str | None = None
        self._marks: list[tuple[int, int, str]] = []
        self._scroll_target: int | None = None
        # A long text is laid out bit by bit after it is shown, and laid out again when the
        # pane's width changes: the passage stays the place scrolled to, as the range grows
        # and the lines move, until the reader scrolls.
        bar = self.verticalScrollBar()
        bar.rangeChanged.connect(lambda *_: self._scroll_pending())
        bar.actionTriggered.connect(lambda *_: setattr(self, "_scroll_target", None))

    def show_source(self, document: SourceDocument) -> None:
        if self.source_id == document.id:
            return
        self.source_id = document.id
        self._marks = []
        blocks: tuple[Block, ...] = plain_text_blocks(document.text) or (
            Block("paragraph", 0, len(document.text)),)
        self.show_document(Document(document.text, blocks, document.title, "text",
                                    source_path=document.source_path, sha256=document.sha256))

    def clear_source(self) -> None:
        """Nothing shown (no source, or another article's): a layout still running for the
        last source is stopped, so it cannot come back over this."""
        self._cancel_job()
        self.source_id = None
        self.document_model = None
        self._rendered = None
        self._marks = []
        self._scroll_target = None
        self.setExtraSelections([])
        self._show(QTextDocument(self))

    def set_marks(self, marks: list[tuple[int, int, str]], scroll_to: int | None) -> None:
        """``marks``: (start, end, kind) in core offsets, kind "passage" or "changed"."""
        self._marks = marks
        if not marks:
            self._scroll_target = None
        self._apply_marks()
        if scroll_to is not None:
            self._scroll_target = scroll_to
            self._scroll_pending()  # or once the text is laid out

    def scroll_to(self, offset: int) -> None:
        """The passage a third of the way down the pane."""
        self._scroll_target = offset
        self._scroll_pending()

    def _scroll_pending(self) -> None:
        if self._scroll_target is None or self.positions is None:
            return
        place = QTextCursor(self.document())
        place.setPosition(self.positions.to_qt(self._scroll_target))
        top = self.cursorRect(place).top()
        bar = self.verticalScrollBar()
        wanted = bar.value() + top - self.viewport().height() // 3
        bar.setValue(wanted)

    def marked_ranges(self, kind: str) -> list[tuple[int, int]]:
        """The Qt ranges painted for ``kind`` (for tests and accessibility checks)."""
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd())
                for s, (_, _, mark) in zip(self.extraSelections(), self._marks, strict=False)
                if mark == kind]

    def _apply_marks(self) -> None:
        if self.positions is None:
            return  # laid out later: _swap_in marks it then
        selections = []
        for start, end, kind in self._marks:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.positions.to_qt(start))
            cursor.setPosition(self.positions.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(self.colors.quote_background)
            if kind == "changed":
                fmt.setFontStrikeOut(True)
                fmt.setForeground(self.colors.disputed)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.setExtraSelections(selections)

    def _swap_in(self, rendered: RenderedDocument, scroll: int) -> None:
        super()._swap_in(rendered, scroll)
        if self._marks:
            self._apply_marks()
            self._scroll_pending()


class SourceView(QWidget):
    """The pane. ``guard`` runs a session call and turns a store failure into the window's
    banner; ``select_claim`` selects a claim in the window; ``report(kind, text)`` tells the
    user something: kind "error" or "info" (the window's banner) or "note" (in passing)."""

    visibility_changed = Signal(bool)
    work_finished = Signal()
    state_changed = Signal()
    """What the actions can do changed (work started or ended, another passage shown)."""

    def __init__(self, parent: QWidget | None, *, guard: Callable[..., Any],
                 select_claim: Callable[[str], None],
                 report: Callable[[str, str], None]) -> None:
        super().__init__(parent)
        self.setObjectName("sourceView")
        self.guard = guard
        self.select_claim = select_claim
        self.report = report
        self.session: ReviewSession | None = None
        self.claim_id: str | None = None
        self.colors: Colors = LIGHT
        self.indexes: dict[str, SourceIndex] = {}
        self.busy = False
        self._generation = 0
        self._shown: tuple[str, str, str] | None = None
        self._progress = _Progress(self)
        self._progress.changed.connect(self._show_progress)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        header = QHBoxLayout()
        label = QLabel("Sou&rce:", self)
        self.chooser = QComboBox(self)
        self.chooser.setObjectName("sourceChooser")
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(12)
        label.setBuddy(self.chooser)
        self.chooser.currentIndexChanged.connect(lambda _: self.refresh())
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAccessibleName("Hide the source pane")
        self.close_button.setToolTip(f"Hide the source pane ({keys('sources_show')})")
        self.close_button.clicked.connect(lambda: self.set_shown(False))
        header.addWidget(label)
        header.addWidget(self.chooser, 1)
        header.addWidget(self.close_button)
        layout.addLayout(header)

        self.result = QLabel(self)
        self.result.setObjectName("evidenceResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.result)

        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text in (("sources_attach", "Attach…"), ("sources_match", "Match"),
                           ("sources_detach", "Detach…"),
                           ("sources_previous", "◀"), ("sources_next", "▶"),
                           ("sources_supports", "Supports"),
                           ("sources_contradicts", "Contradicts")):
            button = QPushButton(text, self)
            button.setObjectName(name)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setToolTip(f"{SPECS[name].tip} ({keys(name)})")
            button.setAccessibleName(SPECS[name].text.replace("&", "").rstrip("…"))
            buttons.addWidget(button)
            self.buttons[name] = button
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.buttons["sources_attach"].clicked.connect(self.choose_and_attach)
        self.buttons["sources_match"].clicked.connect(self.match_all)
        self.buttons["sources_detach"].clicked.connect(self.detach_current)
        self.buttons["sources_previous"].clicked.connect(lambda: self.step(-1))
        self.buttons["sources_next"].clicked.connect(lambda: self.step(1))
        self.buttons["sources_supports"].clicked.connect(lambda: self.accept("supports"))
        self.buttons["sources_contradicts"].clicked.connect(lambda: self.accept("contradicts"))

        progress_row = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("evidenceProgress")
        self.progress.setRange(0, 100)
        self.progress.setMaximumWidth(160)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("evidenceProgressLabel")
        progress_row.addWidget(self.progress)
        progress_row.addWidget(self.progress_label, 1)
        layout.addLayout(progress_row)
        self._set_progress_visible(False)

        split = QSplitter(Qt.Orientation.Vertical, self)
        self.text_view = SourceTextView(split)
        self.changes = QTextBrowser(split)
        self.changes.setObjectName("evidenceChanges")
        self.changes.setOpenLinks(False)
        split.addWidget(self.text_view)
        split.addWidget(self.changes)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([300, 100])
        self.changes.setMinimumHeight(90)
        layout.addWidget(split, 1)
        self.refresh()

    # Showing --------------------------------------------------------------------------------

    def set_shown(self, shown: bool) -> None:
        if shown == self.isVisible():
            return
        self.setVisible(shown)
        if shown:
            self.refresh()
        self.visibility_changed.emit(shown)

    def set_colors(self, colors: Colors) -> None:
        self.colors = colors
        self.text_view.colors = colors
        self.refresh()

    def set_session(self, session: ReviewSession | None) -> None:
        self._generation += 1  # what a job for the last article finds is not this one's
        self._set_progress_visible(False)
        self.busy = False
        self.session = session
        self.claim_id = None
        self._shown = None
        kept = set(session.review.source_documents) if session is not None else set()
        self.indexes = {key: index for key, index in self.indexes.items() if key in kept}
        self.text_view.clear_source()
        self._fill_chooser()
        self.refresh()

    def show_claim(self, claim_id: str | None) -> None:
        self.claim_id = claim_id
        self.refresh()

    def sources(self) -> list[SourceDocument]:
        """The review's source documents, in the order they were attached."""
        if self.session is None:
            return []
        return attached_sources(self.session.review)

    def current_source(self) -> SourceDocument | None:
        if self.session is None:
            return None
        source_id = self.chooser.currentData()
        return self.session.review.source_documents.get(source_id) if source_id else None

    def current_claim(self) -> ReviewClaim | None:
        if self.session is None or self.claim_id is None:
            return None
        return self.session.review.claims.get(self.claim_id)

    def current_evidence(self) -> Evidence | None:
        claim, source = self.current_claim(), self.current_source()
        if claim is None or source is None:
            return None
        return next((e for e in claim.evidence if e.source == source.id), None)

    def _fill_chooser(self, select: str | None = None) -> None:
        wanted = select or self.chooser.currentData()
        self.chooser.blockSignals(True)
        try:
            self.chooser.clear()
            for document in self.sources():
                name = Path(document.source_path).name if document.source_path else ""
                shown = document.title if not name or name == document.title else \
                    f"{document.title} ({name})"
                self.chooser.addItem(shown, document.id)
                self.chooser.setItemData(self.chooser.count() - 1,
                                         document.source_path or document.title,
                                         Qt.ItemDataRole.ToolTipRole)
            index = self.chooser.findData(wanted) if wanted else -1
            self.chooser.setCurrentIndex(index if index >= 0 else 0)
        finally:
            self.chooser.blockSignals(False)

    def select_source(self, source_id: str) -> None:
        index = self.chooser.findData(source_id)
        if index >= 0 and index != self.chooser.currentIndex():
            self.chooser.setCurrentIndex(index)  # refreshes

    def refresh(self) -> None:
        """Show the current claim's passage in the current source, with its changes."""
        if self.session is not None and self.chooser.count() != len(
                self.session.review.source_documents):
            self._fill_chooser()
        source = self.current_source()
        claim = self.current_claim()
        if source is None:
            self.text_view.clear_source()
            self._show_result(self._no_source_text(), "")
            return
        if not self.isVisible():
            return  # laid out when shown
        self.text_view.show_source(source)
        if claim is None:
            self.text_view.set_marks([], None)
            self._show_result("Select a quote claim (J, K) to see its passage in this source; "
                              f"{keys('sources_next')} goes to the next quote's passage.", "")
            return
        if claim.kind != "quote":
            self.text_view.set_marks([], None)
            self._show_result("Only quotes are looked for in sources; this claim is not a "
                              "quote.", "")
            return
        evidence = self.current_evidence()
        if evidence is None:
            self.text_view.set_marks([], None)
            self._show_result("This quote has not been looked for in this source yet: "
                              f"Match Quotes ({keys('sources_match')}).", "")
            return
        self._show_evidence(claim, evidence, source)

    def _no_source_text(self) -> str:
        if self.session is None:
            return "Open an article first, then attach the original it quotes."
        return ("No source attached. Attach the original the article quotes — a speech "
                "transcript, a report, a press release — with Attach… "
                f"({keys('sources_attach')}): each quote is looked for in it.")

    def _show_evidence(self, claim: ReviewClaim, evidence: Evidence,
                       source: SourceDocument) -> None:
        lines = [RESULT_WORDS[evidence.result]]
        if evidence.result == "near":
            count = len(evidence.changes)
            lines[0] += (f" — {round(evidence.similarity * 100)}% of words the same, "
                         f"{count} change{'' if count == 1 else 's'}")
        elif evidence.result == "not_found":
            lines[0] += (" in this source: no passage has most of the quote's words "
                         f"(the closest has {round(evidence.similarity * 100)}%).")
        accepted = accepted_source(claim, evidence, source)
        if accepted is not None:
            lines.append(f"Accepted as a {STANCE_WORDS.get(accepted.stance, 'plain')} source "
                         "of this claim.")
        if is_stale(evidence, claim):
            lines.append("⚠ Matched against the claim's earlier words; Match Quotes "
                         f"({keys('sources_match')}) again.")
        where = locate(evidence, source)
        if where is None:
            self.text_view.set_marks([], None)
            if evidence.result != "not_found":
                lines.append("The passage is no longer where it was in the source's text.")
            self._show_result("\n".join(lines), "")
            return
        marks = marked_spans(evidence, where)
        # Scrolled to when another passage is shown, not when the claim's status changes.
        shown = (claim.id, source.id, evidence.matched)
        self.text_view.set_marks(marks, where[0] if shown != self._shown else None)
        self._shown = shown
        self._show_result("\n".join(lines), self._changes_html(evidence, source, where))

    def _changes_html(self, evidence: Evidence, source: SourceDocument,
                      where: tuple[int, int]) -> str:
        tags = {"same": "{}", "left_out": "<s>{}</s>", "added": "<u>{}</u>",
                "skipped": "<i>{}</i>"}
        inline = "".join(tags[kind].format(html.escape(words))
                         for kind, words in word_by_word(evidence, source.text, where))
        listed = "".join(f"<li>{self._change_words(change)}</li>"
                         for change in evidence.changes)
        body = (f"<p><b>The article's quote against the source, word by word:</b></p>"
                f"<p style='font-size: large'>{inline}</p>")
        if listed:
            body += f"<ol>{listed}</ol>"
        elif evidence.result == "exact":
            body += "<p>The same words: only quote marks, case, punctuation or spacing differ.</p>"
        body += f"<p><small>{LEGEND}</small></p>"
        return body

    @staticmethod
    def _change_words(change: Any) -> str:
        article, source = html.escape(change.article), html.escape(change.source)
        if change.op == "insert":
            return f"added <u>{article}</u>"
        if change.op == "delete":
            return f"left out <s>{source}</s>"
        return f"changed <s>{source}</s> to <u>{article}</u>"

    def _show_result(self, text: str, changes_html: str) -> None:
        self.result.setText(text)
        self.changes.setHtml(changes_html)
        self.changes.setVisible(bool(changes_html))
        self.state_changed.emit()

    # Working --------------------------------------------------------------------------------

    def _set_progress_visible(self, shown: bool) -> None:
        self.progress.setVisible(shown)
        self.progress_label.setVisible(shown)

    def _show_progress(self, percent: int, text: str) -> None:
        self.progress.setValue(percent)
        self.progress_label.setText(text)

    def _can_work(self) -> bool:
        if self.session is None:
            self.report("info", "Open an article and wait until its claims are listed, then "
                        "attach the original it quotes.")
            return False
        if self.session.read_only:
            self.report("info", "This review is open for viewing only: sources cannot be "
                        "attached or matched.")
            return False
        if self.busy:
            self.report("info", "Quotes are being matched; wait for it to finish.")
            return False
        return True

    def choose_and_attach(self) -> None:
        if not self._can_work():
            return
        assert self.session is not None
        folder = self.session.document.source_path
        start = str(Path(folder).parent) if folder else str(Path.home())
        paths, _ = QFileDialog.getOpenFileNames(self, "Attach Source Documents", start,
                                                SOURCE_FILTER)
        if paths:
            self.attach([Path(p) for p in paths])

    def attach(self, paths: Sequence[Path]) -> None:
        """Read, check and index each file, find every quote in it, and keep it all."""
        if not self._can_work():
            return
        assert self.session is not None
        self.set_shown(True)
        article = self.session.document
        claims = quote_claims(self.session.review.claims.values())
        now = utc_now()
        tell = self._teller()

        def work() -> tuple[list[Any], list[str], dict[str, tuple[Evidence, ...]]]:
            loaded, problems = [], []
            for number, path in enumerate(paths):
                name = path.name
                try:
                    tell(0, f"Reading {name}…")
                    document = read_source(path)
                    loaded.append(prepare_source(document, article, now, lambda share, n=number,
                                                 w=name: tell(
                        int(50 * (n + share) / len(paths)), f"Indexing {w}…")))
                except SourceProblem as problem:
                    problems.append(problem.message)
            evidence = match_claims(claims, [(s.document, s.index) for s in loaded], now,
                                    lambda done, total: tell(
                                        50 + int(50 * done / max(total, 1)),
                                        f"Matching quotes: {done} of {total}…"))
            return loaded, problems, evidence

        self._start(work, self._attached, "Reading the source…")

    def match_all(self) -> None:
        """Every quote in every attached source, again (after the article changed, say)."""
        if not self._can_work():
            return
        assert self.session is not None
        sources = self.sources()
        if not sources:
            self.report("info", "No source attached yet: attach the original the article "
                        f"quotes first ({keys('sources_attach')}).")
            return
        self.set_shown(True)
        claims = quote_claims(self.session.review.claims.values())
        have = dict(self.indexes)
        now = utc_now()
        tell = self._teller()

        def work() -> tuple[list[Any], list[str], dict[str, tuple[Evidence, ...]]]:
            built = []
            for number, document in enumerate(sources):
                if document.id not in have:
                    index = SourceIndex(document.text, lambda share, n=number,
                                        title=document.title: tell(
                        int(50 * (n + share) / len(sources)), f"Indexing {title}…"))
                    have[document.id] = index
                    built.append((document, index))
            evidence = match_claims(claims, [(d, have[d.id]) for d in sources], now,
                                    lambda done, total: tell(
                                        50 + int(50 * done / max(total, 1)),
                                        f"Matching quotes: {done} of {total}…"))
            return built, [], evidence

        self._start(work, self._matched, "Matching quotes…")

    def detach_current(self) -> None:
        """Take the source shown out of the review, once the user has confirmed it by name:
        its text and the passages found in it go (see ``OpenReview.detach_source``)."""
        if not self._can_work():
            return
        assert self.session is not None
        source = self.current_source()
        if source is None:
            self.report("info", "No source document is attached to this review: there is "
                        "nothing to detach.")
            return
        review = self.session.review
        quotes = [claim for claim in review.claims.values()
                  if any(item.source == source.id for item in claim.evidence)]
        accepted = sum(1 for claim in quotes for item in claim.evidence
                       if item.source == source.id
                       and accepted_source(claim, item, source) is not None)
        if not ask_to_detach(self, source, len(quotes), accepted):
            return
        removal = self.guard(self.session.detach_source, source.id)
        self.indexes.pop(source.id, None)
        self._shown = None
        self._fill_chooser()
        self.refresh()
        if removal is None:
            return  # not saved: the window's banner says why, and saving is retried
        message = (f"Detached {source_label(source)}: its text and the passages found in it "
                   "are gone from this review. Attach the file again to bring it back.")
        copies = self.session.handle.copies_holding(removal, source.text)
        if copies:
            message += (" Older copies of this review that Claim Reader kept still hold its "
                        f"text: {', '.join(str(p) for p in copies)}. Delete them if the "
                        "text must go.")
        self.report("info", message)

    def _teller(self) -> Callable[[int, str], None]:
        """A progress callback for the worker thread: a signal, sent when the percentage
        changes, so a quote a millisecond does not flood the window's event queue."""
        signal = self._progress.changed
        last = [-1]

        def tell(percent: int, text: str) -> None:
            if percent != last[0] or percent == 0:
                last[0] = percent
                signal.emit(percent, text)

        return tell

    def _start(self, work: Callable[[], Any], done: Callable[[Any], None], text: str) -> None:
        self._generation += 1
        generation = self._generation
        session = self.session
        self.busy = True
        self._show_progress(0, text)
        self._set_progress_visible(True)
        self.state_changed.emit()

        def succeeded(result: Any) -> None:
            if generation == self._generation and session is self.session:
                self._finish()
                done(result)
            self.work_finished.emit()

        def failed(error: BaseException) -> None:
            if generation == self._generation and session is self.session:
                self._finish()
                log.error("Matching quotes failed", exc_info=error)
                self.report("error", f"The quotes could not be matched because of an internal "
                            f"error ({type(error).__name__}: {error}). Please report it.")
            self.work_finished.emit()

        run_in_background(work, succeeded, failed, parent=self)

    def _finish(self) -> None:
        self.busy = False
        self._set_progress_visible(False)
        self.state_changed.emit()

    def _attached(self, result: tuple[list[Any], list[str], dict]) -> None:
        loaded, problems, evidence = result
        for source in loaded:
            self.indexes[source.document.id] = source.index
        if loaded:
            documents = tuple(source.document for source in loaded)
            self.guard(self.session.record_evidence, documents, evidence)
            self._fill_chooser(select=documents[0].id)
        self.refresh()
        if problems:
            self.report("error", " ".join(problems))
        elif loaded:
            self.report("info", self._summary(evidence, len(loaded)))

    def _matched(self, result: tuple[list[Any], list[str], dict]) -> None:
        built, _, evidence = result
        for document, index in built:
            self.indexes[document.id] = index
        self.guard(self.session.record_evidence, (), evidence)
        self.refresh()
        self.report("info", self._summary(evidence, len(self.sources())))

    @staticmethod
    def _summary(evidence: dict[str, tuple[Evidence, ...]], sources: int) -> str:
        results = [item.result for items in evidence.values() for item in items]
        quotes = len(evidence)
        return (f"{quotes} quote{'' if quotes == 1 else 's'} looked for in {sources} "
                f"source{'' if sources == 1 else 's'}: {results.count('exact')} exact, "
                f"{results.count('near')} near, {results.count('not_found')} not found. "
                f"{keys('sources_next')} and {keys('sources_previous')} go through them.")

    # Moving and accepting ---------------------------------------------------------------------

    def evidence_sequence(self) -> list[tuple[str, str]]:
        """(claim id, source id) for every passage looked for, in reading order then in the
        order the sources were attached."""
        if self.session is None:
            return []
        order = {d.id: n for n, d in enumerate(self.sources())}
        pairs = []
        for claim in self.session.claims():
            if claim.orphaned or claim.dismissed:
                continue
            for evidence in sorted(claim.evidence, key=lambda e: order.get(e.source, 1 << 30)):
                if evidence.source in order:
                    pairs.append((claim.id, evidence.source))
        return pairs

    def step(self, direction: int) -> None:
        pairs = self.evidence_sequence()
        if not pairs:
            self.report("info", "No passage to go to yet: attach a source "
                        f"({keys('sources_attach')}) or match the quotes "
                        f"({keys('sources_match')}).")
            return
        self.set_shown(True)
        here = (self.claim_id, self.chooser.currentData())
        if here in pairs:
            index = pairs.index(here) + direction
        elif self.session is not None and self.claim_id in self.session.review.claims:
            # Continue from the selected claim's place in the text.
            claims = [c.id for c in self.session.claims()]
            position = claims.index(self.claim_id)
            later = [p for p in pairs if claims.index(p[0]) > position]
            earlier = [p for p in pairs if claims.index(p[0]) < position]
            target = (later[0] if later else None) if direction > 0 else (
                earlier[-1] if earlier else None)
            index = pairs.index(target) if target is not None else len(pairs)
        else:
            index = 0 if direction > 0 else len(pairs) - 1
        if not 0 <= index < len(pairs):
            self.report("note", "That was the last passage." if direction > 0
                        else "That was the first passage.")
            return
        claim_id, source_id = pairs[index]
        self.chooser.blockSignals(True)
        self.chooser.setCurrentIndex(self.chooser.findData(source_id))
        self.chooser.blockSignals(False)
        self.select_claim(claim_id)  # the window calls show_claim, which refreshes

    def accept(self, stance: str) -> None:
        """The passage shown becomes one of the claim's sources, supporting or contradicting
        it (a source accepted before with the other stance changes its stance)."""
        if self.session is None or self.session.read_only:
            return
        claim, source, evidence = self.current_claim(), self.current_source(), \
            self.current_evidence()
        if claim is None or source is None or evidence is None:
            self.report("note", "Show a quote's passage first (select a quote, or "
                        f"{keys('sources_next')}), then accept it.")
            return
        try:
            plan = acceptance(claim, evidence, source, stance)
        except ValueError as error:
            self.report("note", str(error))
            return
        words = STANCE_WORDS[stance]
        if plan.action == "same":
            self.report("note", f"Already accepted as a {words} source of this claim.")
            return
        if plan.action == "update":
            from dataclasses import replace

            self.guard(self.session.update_source, claim.id,
                       replace(plan.source, stance=stance))
        else:
            self.guard(lambda: self.session.add_source(claim.id, **plan.fields))
        self.refresh()
        if self.current_claim() is not None and accepted_source(
                self.current_claim(), evidence, source) is not None:
            self.report("note", f"Accepted the passage as a {words} source of this claim.")

    def update_actions(self, actions: dict[str, QAction]) -> None:
        has_session = self.session is not None
        writable = has_session and not self.session.read_only and not self.busy
        evidence = self.current_evidence()
        acceptable = writable and evidence is not None and evidence.anchor is not None
        states = {
            "sources_attach": writable,
            "sources_match": writable and bool(self.sources()),
            "sources_detach": writable and self.current_source() is not None,
            "sources_show": True,
            "sources_next": has_session,
            "sources_previous": has_session,
            "sources_supports": acceptable,
            "sources_contradicts": acceptable,
        }
        for name, enabled in states.items():
            if name in actions:
                actions[name].setEnabled(enabled)
            if name in self.buttons:
                self.buttons[name].setEnabled(enabled)
        if "sources_show" in actions:
            actions["sources_show"].setChecked(self.isVisible())
