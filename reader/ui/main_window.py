"""The main window: menus, the article view, opening files, recent files, drag and drop."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reader import APP_NAME, __version__
from reader.bundled import sample_article_text
from reader.document import Document, DocumentError
from reader.document.loading import load_document
from reader.ui.actions import create_actions
from reader.ui.article_view import ArticleView
from reader.ui.message_bar import MessageBar
from reader.ui.settings import WindowSettings

log = logging.getLogger(__name__)

OPEN_FILTER = "Articles (*.txt *.md *.markdown *.html *.htm);;All files (*)"
EMPTY_TEXT = "No article is open.\n\nOpen one with File ▸ Open (Ctrl+O), or drop a file here."


def load_sample_document() -> Document:
    from reader.document.loading import document_from_string

    return document_from_string(sample_article_text(), format="markdown",
                                title="", source_path=None)


class MainWindow(QMainWindow):
    def __init__(self, store_dir: Path, settings: WindowSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.store_dir = store_dir
        self.settings = settings or WindowSettings()
        self.document: Document | None = None
        self.current_path: Path | None = None
        self._zoom_steps = 0

        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.actions_by_name = create_actions(self)
        self._build_central()
        self._build_menus()
        self._connect_actions()
        self.statusBar().showMessage("Ready")
        self._restore_window()

    # ----- layout -------------------------------------------------------------------------
    def _build_central(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.message_bar = MessageBar(central)
        layout.addWidget(self.message_bar)
        self.empty_label = QLabel(EMPTY_TEXT, central)
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setWordWrap(True)
        self.empty_label.setMargin(48)
        layout.addWidget(self.empty_label, 1)
        self.article_view = ArticleView(central)
        self.article_view.link_activated.connect(self.confirm_and_open_link)
        self.article_view.hide()
        layout.addWidget(self.article_view, 1)
        self.setCentralWidget(central)
        QShortcut(QKeySequence("Esc"), self, activated=self.message_bar.dismiss)

    def _build_menus(self) -> None:
        a = self.actions_by_name
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(a["file_open"])
        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.setObjectName("recentMenu")
        file_menu.addMenu(self.recent_menu)
        file_menu.addAction(a["file_open_sample"])
        file_menu.addSeparator()
        file_menu.addAction(a["file_quit"])
        view_menu = self.menuBar().addMenu("&View")
        view_menu.addAction(a["view_zoom_in"])
        view_menu.addAction(a["view_zoom_out"])
        view_menu.addAction(a["view_zoom_reset"])
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(a["help_about"])
        self._rebuild_recent_menu()

    def _connect_actions(self) -> None:
        a = self.actions_by_name
        a["file_open"].triggered.connect(self.choose_and_open)
        a["file_open_sample"].triggered.connect(self.open_sample)
        a["file_clear_recent"].triggered.connect(self.clear_recent_files)
        a["file_quit"].triggered.connect(self.close)
        a["view_zoom_in"].triggered.connect(lambda: self.zoom(1))
        a["view_zoom_out"].triggered.connect(lambda: self.zoom(-1))
        a["view_zoom_reset"].triggered.connect(lambda: self.zoom(0))
        a["help_about"].triggered.connect(self.show_about)

    # ----- opening ------------------------------------------------------------------------
    def choose_and_open(self) -> None:
        start = str(self.current_path.parent) if self.current_path else str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, "Open Article", start, OPEN_FILTER)
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        """Open a file; on failure say why in the banner and keep whatever was shown before."""
        try:
            doc = load_document(path)
        except DocumentError as error:
            self.show_error(str(error))
            return False
        except Exception as error:  # a bug must not take the reader's window down with it
            log.exception("Unexpected failure opening %s", path)
            self.show_error(f"{path} could not be opened because of an internal error "
                            f"({type(error).__name__}: {error}). Please report it.")
            return False
        self.current_path = path.resolve()
        self.show_document(doc)
        self._rebuild_recent_menu(self.settings.add_recent_file(str(self.current_path)))
        return True

    def open_sample(self) -> None:
        self.current_path = None
        self.show_document(load_sample_document())

    def show_document(self, doc: Document) -> None:
        self.document = doc
        self.message_bar.dismiss()
        self.empty_label.hide()
        self.article_view.show_document(doc)
        self.article_view.show()
        self._apply_zoom()
        self.setWindowTitle(f"{doc.title} — {APP_NAME}" if doc.title else APP_NAME)
        words = len(doc.text.split())
        where = self.current_path.name if self.current_path else "bundled sample"
        self.statusBar().showMessage(f"{where} · {doc.format} · {words:,} words")

    def show_error(self, text: str) -> None:
        self.message_bar.show_message("error", text)

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

    def show_about(self) -> None:
        QMessageBox.about(
            self, f"About {APP_NAME}",
            f"{APP_NAME} {__version__}\n\nAn offline reader for fact-checkers. It never uses "
            f"the network.\n\nReviews are kept in:\n{self.store_dir}",
        )

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
    def _restore_window(self) -> None:
        geometry = self.settings.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1100, 800)
        state = self.settings.state()
        if state is not None:
            self.restoreState(state)
        self._zoom_steps = self.settings.zoom()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_window(self.saveGeometry(), self.saveState())
        super().closeEvent(event)
