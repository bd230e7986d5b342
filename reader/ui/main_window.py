"""The main window: the article, the claims and the selected claim, joined to the core.

The window holds no review logic: it shows a ``ReviewSession`` and forwards the reviewer's
actions to it. Opening shows the text at once; analysis and the store run in the background and
the highlights and claims arrive when they are ready.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from reader import APP_NAME, __version__
from reader.bundled import sample_article_path, sample_article_text
from reader.document import Document, DocumentError
from reader.document.loading import document_from_string, load_document
from reader.document.pdf import PdfPasswordError
from reader.evidence.descriptions import claim_evidence
from reader.session import ReviewSession, open_session
from reader.store.errors import (
    DamagedReviewError,
    StoreConflictError,
    StoreError,
    StoreWriteError,
)
from reader.store.index import IndexEntry
from reader.store.model import Progress
from reader.store.store import ReviewStore
from reader.ui.actions import create_actions
from reader.ui.article_view import ArticleView
from reader.ui.background import run_in_background
from reader.ui.claims_panel import ClaimsPanel
from reader.ui.detail_pane import DetailPane
from reader.ui.find_bar import FindBar
from reader.ui.message_bar import MessageBar
from reader.ui.seen_before_panel import SeenBeforeController
from reader.ui.settings import WindowSettings
from reader.ui.source_view import SourceView
from reader.ui.start_page import StartPage
from reader.ui.theme import LIGHT, THEME_MODES, Colors, ThemeMode, apply_theme

log = logging.getLogger(__name__)

# Read in the background whatever their size: a long PDF takes seconds.
BACKGROUND_SUFFIXES = (".pdf", ".docx")
OPEN_FILTER = ("Articles (*.txt *.md *.markdown *.html *.htm *.mhtml *.mht *.pdf *.docx);;"
               "All files (*)")
RETRY_SAVE_MS = 5000
SYNC_LOAD_BYTES = 256 * 1024  # larger files are read off the UI thread (1 MB: 30-50 ms)
THEME_NAMES = {"system": "As the &System", "light": "&Light", "dark": "&Dark"}


def load_sample_document() -> Document:
    return document_from_string(sample_article_text(), format="markdown",
                                source_path=sample_article_path())


class MainWindow(QMainWindow):
    session_ready = Signal(object)
    session_failed = Signal(str)

    def __init__(self, store_dir: Path, settings: WindowSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.store_dir = store_dir
        self.settings = settings or WindowSettings()
        self._store: ReviewStore | None = None
        self.document: Document | None = None
        self.session: ReviewSession | None = None
        self.current_path: Path | None = None
        self.current_claim_id: str | None = None
        self.colors: Colors = LIGHT
        self.theme_mode: ThemeMode = self.settings.theme()
        self._zoom_steps = 0
        self._generation = 0
        self._banner_action = self.retry_save
        self._second_action = lambda: None
        self.speaker_directory = None  # made when first shown (reader.ui.speaker_directory)

        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.actions_by_name = create_actions(self)
        self._build_central()
        self._build_menus()
        self._build_status_bar()
        self._connect_actions()
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(RETRY_SAVE_MS)
        self._retry_timer.timeout.connect(self.retry_save)
        self._restore_window()
        self._apply_theme(self.theme_mode)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_scheme_changed)
        self._update_claim_actions()

    @property
    def store(self) -> ReviewStore:
        if self._store is None:
            self._store = ReviewStore(self.store_dir)
        return self._store

    # ----- layout -------------------------------------------------------------------------
    def _build_central(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.message_bar = MessageBar(central)
        self.message_bar.action_clicked.connect(self._message_action)
        self.message_bar.second_action_clicked.connect(lambda: self._second_action())
        layout.addWidget(self.message_bar)

        self.stack = QStackedWidget(central)
        self.start_page = StartPage(None, self.stack)
        self.start_page.open_requested.connect(self.choose_and_open)
        self.start_page.paste_requested.connect(self.paste_article)
        self.start_page.sample_requested.connect(self.open_sample)
        self.start_page.review_activated.connect(self.open_entry)
        self.start_page.recover_requested.connect(self._recover_from_start_page)
        self.stack.addWidget(self.start_page)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self.stack)
        self.splitter.setObjectName("mainSplitter")
        reading = QWidget(self.splitter)
        reading_layout = QVBoxLayout(reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.setSpacing(0)
        self.article_view = ArticleView(reading)
        self.article_view.link_activated.connect(self.confirm_and_open_link)
        self.article_view.claim_clicked.connect(self.select_claim)
        self.article_view.highlights_shown.connect(self._start_seen_before)
        self._seen_before_waits: ReviewSession | None = None
        self.article_view.cursorPositionChanged.connect(self._text_cursor_moved)
        self.article_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.article_view.customContextMenuRequested.connect(self._article_context_menu)
        reading_layout.addWidget(self.article_view, 1)
        self.find_bar = FindBar(self.article_view, reading)
        reading_layout.addWidget(self.find_bar)
        self.splitter.addWidget(reading)
        # The original the article quotes, beside it (hidden until asked for: F8, Ctrl+Shift+A).
        self.source_view = SourceView(self.splitter, guard=self._guard,
                                      select_claim=self.select_claim,
                                      report=self._source_message)
        self.source_view.hide()
        self.source_view.visibility_changed.connect(self._source_pane_shown)
        self.source_view.state_changed.connect(self._update_claim_actions)
        self.splitter.addWidget(self.source_view)

        side = QSplitter(Qt.Orientation.Vertical, self.splitter)
        side.setObjectName("sideSplitter")
        self.claims_panel = ClaimsPanel(side)
        self.claims_panel.claim_selected.connect(self.select_claim)
        self.detail = DetailPane(side)
        side.addWidget(self.claims_panel)
        side.addWidget(self.detail)
        side.setStretchFactor(0, 1)
        side.setStretchFactor(1, 1)
        side.setSizes([400, 400])
        # Seen before sits under the claims list, as tall as what it shows: the claim's own
        # pane keeps its height.
        self.seen_before = SeenBeforeController(
            self, self.store_dir, self._guard,
            lambda text: self.statusBar().showMessage(text, 8000))
        self.seen_before.ready.connect(lambda _: self._update_claim_actions())
        claims_column = QWidget(side)
        claims_column.setObjectName("claimsColumn")
        column_layout = QVBoxLayout(claims_column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(0)
        side.insertWidget(side.indexOf(self.claims_panel), claims_column)
        column_layout.addWidget(self.claims_panel, 1)
        column_layout.addWidget(self.seen_before.panel)
        side.setStretchFactor(0, 1)
        side.setSizes([400, 400])
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([700, 0, 420])
        self.stack.addWidget(self.splitter)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        QShortcut(QKeySequence("Esc"), self, activated=self._escape)

        d = self.detail
        d.status_requested.connect(self.set_status)
        d.note_edited.connect(self._note_edited)
        d.note_finished.connect(lambda: self.session and self.session.end_note_edit())
        d.add_source_requested.connect(self.add_source)
        d.edit_source_requested.connect(self.edit_source)
        d.remove_source_requested.connect(self.remove_source)
        d.open_source_requested.connect(self.confirm_and_open_link)
        d.dismiss_requested.connect(lambda: self._claim_call("dismiss"))
        d.restore_requested.connect(lambda: self._claim_call("restore"))
        d.confirm_requested.connect(self.confirm_verdict)
        d.resolve_requested.connect(self.resolve_conflict)
        d.show_passage_requested.connect(self.show_passage)

    def _build_menus(self) -> None:
        a = self.actions_by_name
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(a["file_open"])
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.setObjectName("recentMenu")
        file_menu.addMenu(self.recent_menu)
        for name in ("file_paste", "file_open_sample", "file_start_page"):
            file_menu.addAction(a[name])
        file_menu.addAction(a["file_speakers"])
        file_menu.addSeparator()
        file_menu.addAction(a["file_export"])
        file_menu.addAction(a["file_print"])
        file_menu.addAction(a["file_save_pdf"])
        file_menu.addSeparator()
        file_menu.addAction(a["file_quit"])

        edit_menu = self.menuBar().addMenu("&Edit")
        for name in ("edit_undo", "edit_redo", None, "edit_find", "edit_find_next",
                     "edit_find_previous", "edit_filter", "edit_search_reviews", None,
                     "edit_preferences"):
            edit_menu.addSeparator() if name is None else edit_menu.addAction(a[name])

        claim_menu = self.menuBar().addMenu("&Claim")
        for name in ("claim_next", "claim_previous", "claim_next_unreviewed", None,
                     "claim_verified", "claim_disputed", "claim_unverifiable", "claim_clear",
                     "claim_confirm", "claim_resolve", None, "claim_edit_note",
                     "claim_add_source", None, "claim_add_manual", "claim_dismiss", None,
                     "claim_apply_earlier", "claim_next_seen_before"):
            claim_menu.addSeparator() if name is None else claim_menu.addAction(a[name])

        sources_menu = self.menuBar().addMenu("&Sources")
        for name in ("sources_attach", "sources_match", "sources_show", "sources_show_passage",
                     None, "sources_next", "sources_previous", None, "sources_supports",
                     "sources_contradicts", None, "sources_detach"):
            sources_menu.addSeparator() if name is None else sources_menu.addAction(a[name])

        view_menu = self.menuBar().addMenu("&View")
        for name in ("view_zoom_in", "view_zoom_out", "view_zoom_reset", None,
                     "view_focus_article", "view_focus_claims"):
            view_menu.addSeparator() if name is None else view_menu.addAction(a[name])
        theme_menu = view_menu.addMenu("&Theme")
        self.theme_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for mode in THEME_MODES:
            action = QAction(THEME_NAMES[mode], self)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, m=mode: self.set_theme(m))
            group.addAction(action)
            theme_menu.addAction(action)
            self.theme_actions[mode] = action
        theme_menu.addSeparator()
        theme_menu.addAction(a["view_theme_cycle"])

        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(a["help_shortcuts"])
        help_menu.addAction(a["help_about"])
        self._rebuild_recent_menu()

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.busy = QProgressBar(self)
        self.busy.setObjectName("busyIndicator")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("progressLabel")
        self.save_label = QLabel(self)
        self.save_label.setObjectName("saveLabel")
        # A PDF's page where the reader is: the selected claim's, or where the text was clicked.
        self.page_label = QLabel(self)
        self.page_label.setObjectName("pageLabel")
        bar.addPermanentWidget(self.page_label)
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.progress_label)
        bar.addPermanentWidget(self.save_label)
        bar.showMessage("Ready")

    def _connect_actions(self) -> None:
        a = self.actions_by_name
        connections = {
            "file_open": self.choose_and_open,
            "file_paste": self.paste_article,
            "file_open_sample": self.open_sample,
            "file_start_page": self.show_start_page,
            "file_speakers": self.show_speaker_directory,
            "file_export": self.export_review,
            "file_print": self.print_review,
            "file_save_pdf": self.save_pdf,
            "file_clear_recent": self.clear_recent_files,
            "file_quit": self.close,
            "edit_undo": self.undo,
            "edit_redo": self.redo,
            "edit_find": self.find_bar.open_bar,
            "edit_find_next": self._find_next,
            "edit_find_previous": self._find_previous,
            "edit_filter": self._focus_filter,
            "edit_search_reviews": self.search_reviews,
            "claim_next": lambda: self.step_claim(1),
            "claim_previous": lambda: self.step_claim(-1),
            "claim_next_unreviewed": self.next_unreviewed,
            "claim_verified": lambda: self.set_status("verified"),
            "claim_disputed": lambda: self.set_status("disputed"),
            "claim_unverifiable": lambda: self.set_status("unverifiable"),
            "claim_clear": lambda: self.set_status("unreviewed"),
            "claim_confirm": self.confirm_verdict,
            "claim_resolve": self.choose_conflict_value,
            "claim_edit_note": self.edit_note,
            "claim_add_source": self.add_source,
            "claim_add_manual": self.add_manual_claim,
            "claim_dismiss": self.toggle_dismissed,
            "claim_apply_earlier": self.seen_before.apply_current,
            "claim_next_seen_before": self.next_seen_before,
            "sources_attach": self.source_view.choose_and_attach,
            "sources_match": self.source_view.match_all,
            "sources_show": lambda: self.source_view.set_shown(not self.source_view.isVisible()),
            "sources_next": lambda: self.source_view.step(1),
            "sources_previous": lambda: self.source_view.step(-1),
            "sources_supports": lambda: self.source_view.accept("supports"),
            "sources_contradicts": lambda: self.source_view.accept("contradicts"),
            "sources_show_passage": self.show_passage,
            "sources_detach": self.source_view.detach_current,
            "view_zoom_in": lambda: self.zoom(1),
            "view_zoom_out": lambda: self.zoom(-1),
            "view_zoom_reset": lambda: self.zoom(0),
            "view_theme_cycle": self.cycle_theme,
            "view_focus_article": self.article_view.setFocus,
            "view_focus_claims": self.claims_panel.view.setFocus,
            "help_shortcuts": self.show_shortcuts,
            "help_about": self.show_about,
            "edit_preferences": self.edit_preferences,
        }
        for name, slot in connections.items():
            a[name].triggered.connect(lambda _=False, s=slot: s())

    # ----- opening ------------------------------------------------------------------------
    def choose_and_open(self) -> None:
        start = str(self.current_path.parent) if self.current_path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, "Open Article", start, OPEN_FILTER)
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path, password: str | None = None) -> bool:
        """Open a file; on failure say why in the banner and keep whatever was shown before.

        A file of a few megabytes is read at once; a bigger one (a saved page of tens of
        megabytes takes seconds to clean up) and every PDF and Word file (a long PDF takes
        seconds) are read in the background, and False then only means it failed at once.
        A PDF protected by a password is opened again with the password the user types."""
        try:
            size = path.stat().st_size
        except OSError:
            size = 0  # the loader says what is wrong with it
        if size > SYNC_LOAD_BYTES or path.suffix.lower() in BACKGROUND_SUFFIXES:
            self._generation += 1
            generation = self._generation
            self.busy.show()
            self.progress_label.setText(f"Reading {path.name}…")
            run_in_background(
                lambda: load_document(path, password=password),
                lambda doc: self._loaded(generation, path, doc),
                lambda error: self._load_failed(generation, path, error),
                parent=self,
            )
            return True
        try:
            doc = load_document(path, password=password)
        except Exception as error:
            self._load_failed(self._generation, path, error)
            return False
        self._loaded(self._generation, path, doc)
        return True

    def _loaded(self, generation: int, path: Path, doc: Document) -> None:
        if generation != self._generation:
            return  # the user opened something else meanwhile
        self.current_path = path.resolve()
        self.show_document(doc)
        self._rebuild_recent_menu(self.settings.add_recent_file(str(self.current_path)))

    def _load_failed(self, generation: int, path: Path, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.busy.hide()
        self._update_progress()
        if self.document is None or self.stack.currentWidget() is self.start_page:
            # Nothing else to show (a file given at start-up that cannot be opened): the list
            # of reviews, filled, under the message, rather than an empty page.
            self.show_start_page()
        if isinstance(error, PdfPasswordError):
            password, accepted = QInputDialog.getText(
                self, "Password", f"{path.name} is protected by a password.\n"
                f"{'That password is wrong. ' if 'wrong' in error.message else ''}"
                "Type its password to open it:", QLineEdit.EchoMode.Password)
            if accepted and password:
                self.open_path(path, password=password)
            else:
                self.show_error(str(error))
            return
        if isinstance(error, DocumentError):
            self.show_error(str(error))
            return
        # A bug must not take the reader's window down with it.
        log.error("Unexpected failure opening %s", path, exc_info=error)
        self.show_error(f"{path} could not be opened because of an internal error "
                        f"({type(error).__name__}: {error}). Please report it.")

    def open_sample(self) -> None:
        self.current_path = None
        self.show_document(load_sample_document())

    def paste_article(self) -> None:
        """Open the clipboard's article. Copied from a browser, it comes as HTML too: that is
        read as a saved page, so its headings, lists and paragraphs keep their structure."""
        mime = QGuiApplication.clipboard().mimeData()
        text = mime.text() if mime is not None and mime.hasText() else ""
        html = mime.html() if mime is not None and mime.hasHtml() else ""
        if not text.strip() and not html.strip():
            self.show_error("The clipboard holds no text. Copy the article's text first, "
                            "then paste it with Ctrl+Shift+V.")
            return
        first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
        title = first_line if len(first_line) <= 120 else first_line[:117] + "…"
        doc = None
        if html.strip():
            try:
                doc = document_from_string(html, format="html")
            except DocumentError:
                doc = None  # markup without words (an image copied): the plain text then
        try:
            if doc is None:
                doc = document_from_string(text, format="text", title=title)
        except DocumentError as error:
            self.show_error(str(error))
            return
        self.current_path = None
        self.show_document(doc)

    def show_document(self, doc: Document) -> None:
        """Show the text now; analyse and open its review in the background."""
        self.detail.flush_note()
        self.document = doc
        self.session = None
        self.current_claim_id = None
        self.message_bar.dismiss()
        self.stack.setCurrentWidget(self.splitter)
        self.find_bar.hide()
        self.article_view.show_document(doc)
        self._apply_zoom()
        self.claims_panel.set_session(None)
        self.detail.show_claim(None, None)
        self.seen_before.clear()
        self.source_view.set_session(None)
        self.setWindowTitle(f"{doc.title} — {APP_NAME}" if doc.title else APP_NAME)
        self._show_page(0)
        where = self.current_path.name if self.current_path else (
            "pasted text" if doc.source_path is None and doc.format == "text"
            else "bundled sample")
        self.statusBar().showMessage(f"{where} · {doc.format}")
        # Counting a 1 MB article's words takes 11 ms: in a turn of its own.
        QTimer.singleShot(0, lambda: self._show_word_count(doc, f"{where} · {doc.format}"))
        self._start_session(doc)

    def _show_word_count(self, doc: Document, prefix: str) -> None:
        if self.document is doc:
            self.statusBar().showMessage(f"{prefix} · {len(doc.text.split()):,} words")

    def _start_session(self, doc: Document, damaged: str = "ask") -> None:
        """``damaged``: what the store does if the review file is damaged without a usable
        backup ("ask": fail and let the user choose; "recover"; "new")."""
        self._generation += 1
        generation = self._generation
        self.busy.show()
        self.progress_label.setText("Finding quotes, figures and claims…")
        self.save_label.clear()
        store = self.store
        run_in_background(
            lambda: open_session(store, doc, damaged=damaged),
            lambda session: self._session_opened(generation, session),
            lambda error: self._session_failed(generation, error),
            parent=self,
        )
        self._update_claim_actions()

    def _session_opened(self, generation: int, session: ReviewSession) -> None:
        if generation != self._generation:
            return  # the user opened something else meanwhile
        self.busy.hide()
        self.session = session
        session.subscribe(self._claim_changed)
        self.article_view.show_session(session, self.colors)
        self.claims_panel.set_session(session)
        self.source_view.set_session(session)
        self._update_progress()
        notices = [*session.handle.notices]
        self.store.notices.clear()
        if session.handle.last_error is not None:
            self._store_failed(session.handle.last_error)
        elif session.handle.similar is not None:
            similar = session.handle.similar
            self.message_bar.show_message(
                "info", f"This may be an edited copy of an article you reviewed: "
                f"{similar.describe()}. Continue that review here?", action="Use That Review")
            self._banner_action = lambda: self._use_similar(similar.entry.review_id)
        elif notices:
            self.message_bar.show_message("info", " ".join(notices))
        elif session.read_only:
            self.message_bar.show_message(
                "info", f"{session.handle.read_only_reason} Your changes cannot be saved "
                "to this review.")
        orphans = len(session.orphans())
        if orphans and session.handle.last_error is None:
            self.message_bar.show_message(
                "info", f"The text changed since this review was saved. {orphans} claim"
                f"{' was' if orphans == 1 else 's were'} not found in the new text and "
                "are listed under Orphaned with their original words.")
        self._seen_before_waits = session
        if self.article_view.highlighted:
            self._start_seen_before()
        self._update_claim_actions()
        self.session_ready.emit(session)

    def _start_seen_before(self) -> None:
        """Look the article's claims up in the other reviews once the highlighted article is
        in, not while it is being laid out in slices. The lookup reads and compares in a
        process of its own (``reader.memory.worker``), but it still takes one of the
        machine's cores; run beside the layout of a 1 MB article (when it was a thread of
        this process) it stalled the window up to 440 ms (tests/bench/bench_window.py)."""
        session, self._seen_before_waits = self._seen_before_waits, None
        if session is not None and session is self.session:
            self.seen_before.session_opened(session)

    def _session_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.busy.hide()
        self.progress_label.setText("No review")
        if isinstance(error, DamagedReviewError) and error.backup is None:
            self.message_bar.show_message(
                "error", f"{error} The article is shown without its review.",
                action="Recover What Can Be Read", second_action="Start a New Review")
            doc = self.document
            if doc is not None:
                self._banner_action = lambda: self._start_session(doc, "recover")
                self._second_action = lambda: self._start_session(doc, "new")
            self._update_claim_actions()
            self.session_failed.emit(str(error))
            return
        if isinstance(error, StoreError):
            message = str(error)
        else:
            log.error("Opening the review failed", exc_info=error)
            message = (f"The article is shown, but its claims could not be prepared "
                       f"({type(error).__name__}: {error}). Please report it.")
        self.show_error(message)
        self._update_claim_actions()
        self.session_failed.emit(message)

    def show_start_page(self) -> None:
        """The list of stored reviews; Esc or opening anything returns to the article."""
        self.detail.flush_note()
        self.start_page.refresh(self.store)
        self._show_store_notices()
        self.stack.setCurrentWidget(self.start_page)
        self.start_page.setFocus()

    def _show_store_notices(self) -> None:
        """What the store did on its own while listing (a sync program's copy merged, a damaged
        file recovered from its backup), said once in the banner."""
        if self.store.notices:
            self.message_bar.show_message("info", " ".join(self.store.notices))
            self.store.notices.clear()

    def open_entry(self, entry: IndexEntry) -> None:
        """Reopen a stored review: from its file when it is still there, else from the text
        the review keeps, so a review outlives a moved or deleted article."""
        path = Path(entry.path) if entry.path else None
        if path is not None and path.is_file():
            try:
                doc = load_document(path)
            except DocumentError:
                doc = None
            if doc is not None and doc.sha256 == entry.sha256:
                self.current_path = path.resolve()
                self.show_document(doc)
                return
        try:
            snapshot = self.store.load(entry.review_id, read_only=True).review.document
            doc = document_from_string(snapshot.text, format="text", title=snapshot.title)
        except (StoreError, DocumentError) as error:
            self.show_error(str(error))
            return
        self.current_path = None
        self.show_document(doc)
        where = f"{entry.path} is missing or changed" if entry.path else "It was pasted"
        self.message_bar.show_message(
            "info", f"{where}: showing the text kept with the review.")

    def show_speaker_directory(self) -> None:
        """Everyone quoted across the store (a window of its own, read afresh each time it is
        shown: reviews may have been added since)."""
        from reader.store.store import default_reviewer
        from reader.ui.speaker_directory import SpeakerDirectoryDialog, bring_to_front

        if self.speaker_directory is None:
            self.speaker_directory = SpeakerDirectoryDialog(self.store.root, self,
                                                            reviewer=default_reviewer())
            self.speaker_directory.open_quote_requested.connect(self.open_quote)
        self.speaker_directory.show()
        bring_to_front(self.speaker_directory)
        self.speaker_directory.reload()
        self.speaker_directory.focus_filter()

    def open_quote(self, quote) -> None:
        """Show a quote the speaker directory lists (a ``SpeakerQuote``) in its article: the
        article opened as the start page opens a review, then the claim selected."""
        from reader.ui.speaker_directory import bring_to_front

        article = quote.article
        review_id, claim_id = article.review_id, quote.record.claim_id
        gone = ("That quote is no longer in its review (the article changed since the speaker "
                "directory read it). Reload the directory with F5.")
        bring_to_front(self)
        if self.session is not None and self.session.review.review_id == review_id:
            self._select_listed_claim(claim_id, gone)
            return
        self._open_then(IndexEntry(review_id, article.path, article.title, article.sha256,
                                   Progress(), ""),
                        lambda session: session.review.review_id == review_id,
                        lambda: self._select_listed_claim(claim_id, gone))

    def _open_then(self, entry: IndexEntry, is_it: Callable[[ReviewSession], bool],
                   then: Callable[[], None]) -> None:
        """Open a stored review as the start page does and, once the session ``is_it`` is
        ready, call ``then``; a failed open drops the wait, and it is waited for once."""

        def opened(session: ReviewSession) -> None:
            finish()
            if is_it(session):
                then()

        def finish(*_: object) -> None:
            self.session_ready.disconnect(opened)
            self.session_failed.disconnect(finish)

        self.session_ready.connect(opened)
        self.session_failed.connect(finish)
        self.open_entry(entry)

    def _select_listed_claim(self, claim_id: str, gone: str) -> None:
        """Select a claim another list (the speaker directory, a search) named, with the list's
        own message, ``gone``, when the claim is no longer in the open review."""
        if self.session is None or claim_id not in self.session.review.claims:
            self.show_error(gone)
            return
        self.select_claim(claim_id)
        self.claims_panel.view.setFocus()

    def _recover_from_start_page(self, review_id: str) -> None:
        try:
            self.store.recover(review_id)
        except StoreError as error:
            self.show_error(str(error))
        self.start_page.refresh(self.store)
        self._show_store_notices()

    def _use_similar(self, review_id: str) -> None:
        """Continue the review of an earlier version of this article (found by content)."""
        if self.document is None or self.session is None:
            return
        doc = self.document
        self._generation += 1
        generation = self._generation
        store = self.store

        def adopt():
            from reader.session import ReviewSession

            analysis = self.session.analysis
            handle = store.open_review_as(review_id, doc, analysis=analysis)
            return ReviewSession(doc, analysis, handle)

        self.busy.show()
        run_in_background(adopt, lambda session: self._session_opened(generation, session),
                          lambda error: self._session_failed(generation, error), parent=self)

    def show_error(self, text: str) -> None:
        self.message_bar.show_message("error", text)

    # ----- claims -------------------------------------------------------------------------
    def select_claim(self, claim_id: str | None) -> None:
        if self.session is None or claim_id is None:
            return
        if self.current_claim_id != claim_id:
            self.detail.flush_note()
        self.current_claim_id = claim_id
        claim = self.session.claim(claim_id)
        if not self.claims_panel.select(claim_id, emit=False) and claim.dismissed:
            self.claims_panel.show_dismissed.setChecked(True)
            self.claims_panel.select(claim_id, emit=False)
        self.article_view.focus_claim(claim)
        self.detail.show_claim(claim, self.session)
        self.seen_before.show_claim(claim_id)
        self.source_view.show_claim(claim_id)
        self._update_claim_actions()
        if not claim.orphaned:
            self._show_page(claim.anchor.start)

    def _show_page(self, offset: int | None) -> None:
        """"Page 3 of 12" for a PDF; nothing for the other kinds of document."""
        doc = self.document
        page = doc.page_at(offset) if doc is not None and offset is not None else None
        self.page_label.setText(f"Page {page} of {doc.pages[-1]}" if page and doc else "")

    def _text_cursor_moved(self) -> None:
        positions = self.article_view.positions
        if positions is not None:
            self._show_page(positions.from_qt(self.article_view.textCursor().position()))

    def search_reviews(self) -> None:
        """Ctrl+Shift+F: search every stored review (one dialog, kept between uses)."""
        from reader.ui.speaker_directory import bring_to_front

        dialog = getattr(self, "search_dialog", None)
        if dialog is None:
            from reader.ui.search_dialog import SearchDialog

            dialog = SearchDialog(self.store_dir, self)
            dialog.open_requested.connect(self.open_claim_of_review)
            self.search_dialog = dialog
        dialog.show()
        bring_to_front(dialog)
        dialog.query.setFocus()
        dialog.query.selectAll()

    def open_claim_of_review(self, review_id: str, claim_id: str) -> None:
        """Show a claim a search found in its article: the article opened as the start page
        opens a review (as the speaker directory opens a quote), then the claim selected."""
        from reader.ui.speaker_directory import bring_to_front

        gone = ("That claim is no longer in its review (the article changed since the search). "
                "Search again.")
        bring_to_front(self)
        if self.session is not None and self.session.handle.path.stem == review_id:
            self._select_listed_claim(claim_id, gone)
            return
        entry = self.store.entries().get(review_id)
        if entry is None:
            self.show_error(f"That review is no longer in the store {self.store_dir} (it was "
                            "merged or removed since the search). Search again.")
            return
        self._open_then(entry, lambda session: session.handle.path.stem == review_id,
                        lambda: self._select_listed_claim(claim_id, gone))

    def next_seen_before(self) -> None:
        """Shift+B: the next claim that was reviewed in another article."""
        if self.session is None:
            return
        target = self.seen_before.next_seen(self.current_claim_id)
        if target is None:
            self.statusBar().showMessage(
                "Still looking in your other reviews…" if self.seen_before.busy else
                "No claim of this article was reviewed in another article.", 5000)
            return
        if self.claims_panel.model.row_of(target) is None:
            self.claims_panel.status_filter.setCurrentIndex(0)
            self.claims_panel.kind_filter.setCurrentIndex(0)
            self.claims_panel.text_filter.clear()
            self.claims_panel.model.set_filter(self.claims_panel.current_filter())
        self.select_claim(target)

    def step_claim(self, step: int) -> None:
        if self.session is None:
            return
        target = self.session.step(self.current_claim_id, step,
                                   self.claims_panel.current_filter())
        if target is not None:
            self.select_claim(target)

    def next_unreviewed(self) -> None:
        if self.session is None:
            return
        target = self.session.next_unreviewed(self.current_claim_id)
        if target is None:
            self.statusBar().showMessage("Every claim has been reviewed.", 5000)
            return
        if self.claims_panel.model.row_of(target) is None:
            self.claims_panel.status_filter.setCurrentIndex(0)
            self.claims_panel.kind_filter.setCurrentIndex(0)
            self.claims_panel.text_filter.clear()
            self.claims_panel.model.set_filter(self.claims_panel.current_filter())
        self.select_claim(target)

    def _claim_changed(self, claim_id: str | None) -> None:
        self.article_view.refresh_claim(claim_id)
        self.claims_panel.claim_changed(claim_id)
        current = self.current_claim_id
        if self.session is not None and current in self.session.review.claims:
            self.detail.show_claim(self.session.claim(current), self.session)
            self.seen_before.show_claim(current)
        self.source_view.refresh()
        self._update_progress()
        self._update_claim_actions()

    def _current(self) -> str | None:
        if self.session is None or self.current_claim_id is None:
            return None
        return self.current_claim_id

    def _guard(self, call, *args):
        """Run a session call; a store failure becomes the banner (the change is kept)."""
        try:
            return call(*args)
        except StoreWriteError as error:
            self._store_failed(error)
        except StoreConflictError as error:
            self.show_error(str(error))  # saved; the claim now shows the conflict
            if self.current_claim_id is not None:
                self.select_claim(self.current_claim_id)
        except StoreError as error:
            self.show_error(str(error))
        except ValueError as error:
            self.show_error(str(error))
        return None

    def set_status(self, status: str) -> None:
        claim_id = self._current()
        if claim_id is not None:
            self._guard(self.session.set_status, claim_id, status)

    def _note_edited(self, claim_id: str, note: str) -> None:
        if self.session is not None and claim_id in self.session.review.claims:
            self._guard(self.session.set_note, claim_id, note)

    def edit_note(self) -> None:
        if self._current() is not None:
            self.detail.note.setFocus()
            self.detail.note.moveCursor(self.detail.note.textCursor().MoveOperation.End)

    def _claim_call(self, name: str) -> None:
        claim_id = self._current()
        if claim_id is not None:
            self._guard(getattr(self.session, name), claim_id)

    def confirm_verdict(self) -> None:
        """The selected claim's verdict holds for its new words."""
        claim_id = self._current()
        if claim_id is not None and not self.session.read_only:
            self._guard(self.session.confirm, claim_id)

    def resolve_conflict(self, field: str, value: object) -> None:
        claim_id = self._current()
        if claim_id is not None and not self.session.read_only:
            self._guard(self.session.resolve, claim_id, field, value)

    def choose_conflict_value(self) -> None:
        """R: a menu of the values in conflict on the selected claim, to pick one by keyboard."""
        claim_id = self._current()
        if claim_id is None or not self.detail.answer_buttons:
            return
        menu = QMenu(self)
        for button in self.detail.answer_buttons:
            if button.text().startswith(("Keep", "Use")):
                menu.addAction(button.text(), button.click)
        menu.exec(self.detail.attention.mapToGlobal(self.detail.attention.rect().center()))

    def toggle_dismissed(self) -> None:
        claim_id = self._current()
        if claim_id is not None:
            self._claim_call("restore" if self.session.claim(claim_id).dismissed else "dismiss")

    def add_source(self) -> None:
        claim_id = self._current()
        if claim_id is None or self.session.read_only:
            return
        from reader.ui.source_dialog import SourceDialog

        fields = SourceDialog.edit(self, None)
        if fields:
            self._guard(lambda: self.session.add_source(claim_id, **fields))

    def edit_source(self, source_id: str) -> None:
        claim_id = self._current()
        if claim_id is None:
            return
        from dataclasses import replace

        from reader.ui.source_dialog import SourceDialog

        source = next((s for s in self.session.claim(claim_id).sources if s.id == source_id),
                      None)
        if source is None:
            return
        fields = SourceDialog.edit(self, source)
        if fields:
            self._guard(self.session.update_source, claim_id, replace(source, **fields))

    def remove_source(self, source_id: str) -> None:
        claim_id = self._current()
        if claim_id is not None:
            self._guard(self.session.remove_source, claim_id, source_id)

    def add_manual_claim(self) -> None:
        if self.session is None:
            return
        selected = self.article_view.selected_range()
        if selected is None:
            self.statusBar().showMessage(
                "Select the words of the claim in the article first, then press A.", 5000)
            return
        claim = self._guard(self.session.add_manual_claim, *selected)
        if claim is not None:
            self.select_claim(claim.id)

    def undo(self) -> None:
        if self.session is not None:
            self.detail.flush_note()
            claim_id = self._guard(self.session.undo)
            if claim_id:
                self.select_claim(claim_id)

    def redo(self) -> None:
        if self.session is not None:
            claim_id = self._guard(self.session.redo)
            if claim_id:
                self.select_claim(claim_id)

    def _article_context_menu(self, point) -> None:
        menu = self.article_view.createStandardContextMenu(point)
        menu.addSeparator()
        menu.addAction(self.actions_by_name["claim_add_manual"])
        if self.session is not None:
            offset = self.article_view.offset_at(point)
            claim = self.session.claim_at(offset) if offset is not None else None
            if claim is not None:
                self.select_claim(claim.id)
                menu.addAction(self.actions_by_name["claim_dismiss"])
        menu.exec(self.article_view.viewport().mapToGlobal(point))

    def _update_claim_actions(self) -> None:
        a = self.actions_by_name
        has_session = self.session is not None
        writable = has_session and not self.session.read_only
        has_claim = writable and self.current_claim_id is not None
        for name in ("claim_verified", "claim_disputed", "claim_unverifiable", "claim_clear",
                     "claim_edit_note", "claim_add_source", "claim_dismiss"):
            a[name].setEnabled(has_claim)
        claim = self.session.review.claims.get(self.current_claim_id) if has_claim else None
        a["claim_confirm"].setEnabled(claim is not None and claim.recheck() is not None)
        a["claim_resolve"].setEnabled(claim is not None and bool(claim.open_conflicts()))
        a["claim_apply_earlier"].setEnabled(claim is not None and self.seen_before.can_apply())
        a["claim_next_seen_before"].setEnabled(has_session)
        a["sources_show_passage"].setEnabled(self._current_any() is not None and bool(
            claim_evidence(self.session.review, self.session.claim(self.current_claim_id))))
        for name in ("claim_next", "claim_previous", "claim_next_unreviewed"):
            a[name].setEnabled(has_session)
        a["claim_add_manual"].setEnabled(writable)
        a["file_export"].setEnabled(has_session)
        a["file_print"].setEnabled(has_session)
        a["file_save_pdf"].setEnabled(has_session)
        stack = self.session.undo_stack if has_session else None
        a["edit_undo"].setEnabled(bool(stack and stack.undo_label))
        a["edit_redo"].setEnabled(bool(stack and stack.redo_label))
        a["edit_undo"].setText(f"&Undo {stack.undo_label}" if stack and stack.undo_label
                               else "&Undo")
        a["edit_redo"].setText(f"&Redo {stack.redo_label}" if stack and stack.redo_label
                               else "&Redo")
        self.source_view.update_actions(a)

    def _update_progress(self) -> None:
        if self.session is None:
            self.progress_label.clear()
            return
        p = self.session.progress()
        self.progress_label.setText(
            f"{p.reviewed} of {p.total} reviewed · ✓ {p.verified} verified · "
            f"✗ {p.disputed} disputed · ? {p.unverifiable} unverifiable")
        if self.session.read_only:
            self.save_label.setText("🔒 Read-only")
        elif self.session.handle.dirty:
            self.save_label.setText("⚠ Not saved")
        else:
            self.save_label.setText("✓ Saved")

    # ----- store errors -------------------------------------------------------------------
    def _store_failed(self, error: StoreError) -> None:
        self._banner_action = self.retry_save
        self.message_bar.show_message(
            "error", f"{error} Your changes are kept in this window and saving is retried "
            "every few seconds.", action="Retry Now")
        self._retry_timer.start()
        self._update_progress()

    def retry_save(self) -> bool:
        if self.session is None or not self.session.handle.dirty:
            self._retry_timer.stop()
            return True
        try:
            self.session.retry_save()
        except StoreError as error:
            self.message_bar.show_message(
                "error", f"{error} Your changes are kept in this window and saving is retried "
                "every few seconds.", action="Retry Now")
            return False
        self._retry_timer.stop()
        self.message_bar.show_message("info", "Saved. Every change is on disk again.")
        self._update_progress()
        return True

    def _message_action(self) -> None:
        self._banner_action()

    # ----- sources ------------------------------------------------------------------------
    def _source_message(self, kind: str, text: str) -> None:
        if kind == "note":
            self.statusBar().showMessage(text, 8000)
        else:
            self.message_bar.show_message(kind, text)

    def show_passage(self, source_id: str | None = None) -> None:
        """P, or a Show button in the claim's pane: the selected quote's passage in the source
        pane, in ``source_id`` or, pressed again, in the quote's next source."""
        claim_id = self._current_any()
        if claim_id is None:
            return
        claim = self.session.claim(claim_id)
        ids = [document.id for _, document in claim_evidence(self.session.review, claim)]
        if not ids:
            self.statusBar().showMessage(
                "This claim has no passage in a source document to show: only quotes are "
                "looked for, once a source is attached (Sources menu).", 8000)
            return
        pane = self.source_view
        current = pane.chooser.currentData()
        if source_id not in ids:
            if current in ids and pane.isVisible() and pane.claim_id == claim_id:
                source_id = ids[(ids.index(current) + 1) % len(ids)]
            else:
                source_id = current if current in ids else ids[0]
        pane.select_source(source_id)
        pane.show_claim(claim_id)
        pane.set_shown(True)

    def _current_any(self) -> str | None:
        """The selected claim, read-only sessions included (showing changes nothing)."""
        if self.session is None or self.current_claim_id not in self.session.review.claims:
            return None
        return self.current_claim_id

    def _source_pane_shown(self, shown: bool) -> None:
        """Half the reading area for the source when it opens, all of it back when it
        closes."""
        if shown:
            reading, _, side = self.splitter.sizes()
            self.splitter.setSizes([reading // 2, reading - reading // 2, side])
        self._update_claim_actions()

    # ----- export -------------------------------------------------------------------------
    def export_review(self) -> None:
        """Ask where and in which format, then write. A ClaimReview is published data: the
        reviewer's name and the article's web address are asked for first when unknown."""
        if self.session is None:
            return
        from reader.export import SIGNED_FORMATS
        from reader.ui.export_dialog import choose_export_target, write_export

        folder = self.current_path.parent if self.current_path else Path.home()
        target = choose_export_target(self, self.session.review, folder)
        if target is None:
            return
        format_name, path = target
        reviewer = None
        if format_name in SIGNED_FORMATS:
            reviewer = self._publishable_reviewer()
            if reviewer is None:
                return
        try:
            write_export(self.session.review, format_name, path, reviewer)
        except OSError as error:  # ExportWriteError
            self.show_error(str(error))
            return
        self.statusBar().showMessage(f"Exported to {path}", 8000)
        if format_name in SIGNED_FORMATS:
            from reader.export.claim_review import withheld_note

            withheld = withheld_note(self.session.review)
            if withheld:
                self.message_bar.show_message("info", f"Exported to {path}. {withheld}")

    def _load_reviewer(self):  # -> Reviewer | None
        from reader.config import ConfigError, load_reviewer

        try:
            return load_reviewer()
        except ConfigError as error:
            self.show_error(str(error))
            return None

    def edit_preferences(self, reason: str = "") -> bool:
        """Show Preferences; True once the reviewer is saved."""
        from reader.config import ConfigError, config_path, save_reviewer
        from reader.ui.preferences_dialog import PreferencesDialog

        reviewer = self._load_reviewer()
        if reviewer is None:
            return False
        dialog = PreferencesDialog(self, reviewer, config_path(), reason)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            save_reviewer(dialog.values())
        except ConfigError as error:
            self.show_error(str(error))
            return False
        return True

    def _publishable_reviewer(self):  # -> Reviewer | None
        """The reviewer a ClaimReview is published under, once its name and the article's
        address are known (asked for here); None, with a message, if they are not."""
        from reader.export.claim_review import MISSING_NAME, MISSING_URL, missing_for_publication

        reviewer = self._load_reviewer()
        if reviewer is None or self.session is None:
            return None
        missing = missing_for_publication(self.session.review, reviewer)
        if MISSING_NAME in missing:
            if not self.edit_preferences("A ClaimReview is published under your name: give "
                                         "it here once."):
                self.show_error("Not exported: a ClaimReview needs your name (Edit ▸ "
                                "Preferences).")
                return None
            reviewer = self._load_reviewer()
        if MISSING_URL in missing and not self._ask_article_url():
            return None
        if reviewer is None or missing_for_publication(self.session.review, reviewer):
            self.show_error("Not exported: a ClaimReview needs your name (Edit ▸ Preferences) "
                            "and the article's web address.")
            return None
        return reviewer

    def _ask_article_url(self) -> bool:
        """Ask for the article's web address and keep it in the review."""
        assert self.session is not None
        if self.session.read_only:
            self.show_error("Not exported: a ClaimReview needs the article's web address, and "
                            "this review is open for viewing only.")
            return False
        url, accepted = QInputDialog.getText(
            self, "The Article's Web Address",
            "A published ClaimReview points to the article it reviews.\n"
            "Its web address (kept with this review):", text="https://")
        if not accepted:
            self.show_error("Not exported: a ClaimReview needs the article's web address.")
            return False
        try:
            self.session.handle.set_url(url)
        except ValueError as error:
            self.show_error(f"Not exported: {error}")
            return False
        except StoreError as error:
            self.show_error(error.message)
            return False
        return True

    def save_pdf(self) -> None:
        from reader.ui.export_dialog import export_review_pdf

        self._export(export_review_pdf, "Saved the report as {}")

    def _export(self, export, done: str) -> None:
        """Ask where, write, and say where it went; a failure's message says what to do."""
        if self.session is None:
            return
        folder = self.current_path.parent if self.current_path else Path.home()
        try:
            path = export(self, self.session.review, folder)
        except OSError as error:  # ExportWriteError
            self.show_error(str(error))
            return
        if path is not None:
            self.statusBar().showMessage(done.format(path), 8000)

    def print_review(self) -> None:
        if self.session is None:
            return
        from reader.ui.export_dialog import print_review

        print_review(self, self.session.review)

    # ----- links --------------------------------------------------------------------------
    def confirm_and_open_link(self, url: QUrl) -> None:
        """Nothing opens without the user seeing the address first: the article may be hostile."""
        address = url.toString()
        if url.scheme().lower() not in {"http", "https", "mailto"}:
            self.show_error(f"This link was not opened because its kind is not allowed: {address}")
            return
        answer = QMessageBox.question(
            self, "Open Link",
            f"Open this address in your web browser?\n\n{address}\n\n"
            "This leaves Claim Reader and uses the network.",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Open:
            QDesktopServices.openUrl(url)

    # ----- view ---------------------------------------------------------------------------
    def zoom(self, direction: int) -> None:
        self._zoom_steps = 0 if direction == 0 else max(-5, min(10, self._zoom_steps + direction))
        self.settings.set_zoom(self._zoom_steps)
        self._apply_zoom()

    def _apply_zoom(self) -> None:
        font = self.article_view.document().defaultFont()
        base = self.article_view.base_point_size
        font.setPointSizeF(base * (1.1 ** self._zoom_steps))
        self.article_view.document().setDefaultFont(font)

    def set_theme(self, mode: ThemeMode) -> None:
        self.theme_mode = mode
        self.settings.set_theme(mode)
        self._apply_theme(mode)

    def _system_scheme_changed(self, *_: object) -> None:
        if self.theme_mode == "system":  # the desktop switched between light and dark
            self._apply_theme("system")

    def cycle_theme(self) -> None:
        modes = list(THEME_MODES)
        self.set_theme(modes[(modes.index(self.theme_mode) + 1) % len(modes)])
        self.statusBar().showMessage(f"Theme: {self.theme_mode}", 3000)

    def _apply_theme(self, mode: ThemeMode) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            self.colors = apply_theme(app, mode)
        self.theme_actions[mode].setChecked(True)
        self.claims_panel.set_colors(self.colors)
        self.source_view.set_colors(self.colors)
        if self.document is not None:  # re-render so highlights take the theme's colours
            session, claim_id = self.session, self.current_claim_id
            self.article_view.show_document(self.document)
            self._apply_zoom()
            if session is not None:
                self.article_view.show_session(session, self.colors)
                if claim_id is not None:
                    self.article_view.focus_claim(session.claim(claim_id))

    def _find_next(self) -> None:
        self._find_again(self.find_bar.find_next)

    def _find_previous(self) -> None:
        self._find_again(self.find_bar.find_previous)

    def _find_again(self, find) -> None:
        """F3 / Shift+F3 open the find bar the first time, then move between matches."""
        if self.find_bar.isVisible():
            find()
        else:
            self.find_bar.open_bar()

    def _focus_filter(self) -> None:
        self.claims_panel.text_filter.setFocus()
        self.claims_panel.text_filter.selectAll()

    def _escape(self) -> None:
        if self.find_bar.isVisible():
            self.find_bar.close_bar()
        elif self.stack.currentWidget() is self.start_page and self.document is not None:
            self.stack.setCurrentWidget(self.splitter)
        else:
            self.message_bar.dismiss()

    def show_shortcuts(self) -> None:
        from reader.ui.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        self.shortcuts_dialog = dialog

    def show_about(self) -> None:
        QMessageBox.about(
            self, f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\n\nAn offline reader for fact-checkers. It never uses "
            f"the network.\n\nReviews are kept in:\n{self.store_dir}",
        )

    # ----- recent files -------------------------------------------------------------------
    def _rebuild_recent_menu(self, files: list[str] | None = None) -> None:
        files = self.settings.recent_files() if files is None else files
        self.recent_menu.clear()
        for index, name in enumerate(files, start=1):
            label = f"&{index} {Path(name).name}" if index < 10 else Path(name).name
            action = QAction(label, self.recent_menu)
            action.setToolTip(name)
            action.setStatusTip(name)
            action.setData(name)
            action.triggered.connect(lambda _=False, n=name: self.open_recent(n))
            self.recent_menu.addAction(action)
        if files:
            self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.actions_by_name["file_clear_recent"])
        self.actions_by_name["file_clear_recent"].setEnabled(bool(files))

    def open_recent(self, name: str) -> None:
        if not self.open_path(Path(name)) and not Path(name).exists():
            self._rebuild_recent_menu(self.settings.remove_recent_file(name))

    def clear_recent_files(self) -> None:
        self.settings.clear_recent_files()
        self._rebuild_recent_menu([])

    # ----- drag and drop ------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            self.open_path(Path(files[0]))

    # ----- state --------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if (event.type() == QEvent.Type.ActivationChange and self.isActiveWindow()
                and self.session is not None):
            self._guard(self.session.refresh)  # a script may have tagged claims meanwhile

    def _restore_window(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1200, 800)
        state = self.settings.state()
        if state is not None:
            self.restoreState(state)
        self._zoom_steps = self.settings.zoom()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.detail.flush_note()
        if self.session is not None and self.session.handle.dirty and not self.retry_save():
            answer = QMessageBox.warning(
                self, "Changes Not Saved",
                "Your latest changes could not be saved (see the message in the window). "
                "Close anyway and lose them?",
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Discard:
                event.ignore()
                return
        self.settings.save_window(self.saveGeometry(), self.saveState())
        super().closeEvent(event)
