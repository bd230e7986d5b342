"""The window as a user meets it: the sample, opening files good and bad, recent files, state."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from reader.bundled import sample_article_text
from reader.ui.actions import ACTIONS, key_sequences


def sample_headline() -> str:
    return sample_article_text().splitlines()[0].lstrip("# ").strip()


def shown_text(window) -> str:
    return window.article_view.toPlainText()


def test_opens_on_the_sample_and_shows_its_title(window) -> None:
    headline = sample_headline()
    assert window.windowTitle() == f"{headline} — Claim Reader"
    assert window.article_view.isVisible()
    text = shown_text(window)
    assert text.startswith(headline)
    assert "What you need to know" in text
    assert "#" not in text.splitlines()[0], "Markdown marks must not be shown"
    assert not window.message_bar.isVisible()


def test_sample_headings_and_list_items_are_rendered_as_such(window) -> None:
    qdoc = window.article_view.document()
    block = qdoc.begin()
    headings, list_items = [], []
    while block.isValid():
        if block.blockFormat().headingLevel():
            headings.append(block.text())
        if block.textList() is not None:
            list_items.append(block.text())
        block = block.next()
    assert headings[0] == sample_headline()
    assert "What you need to know" in headings
    assert len(list_items) == 3


def test_opening_a_text_file_shows_it_and_remembers_it(window, tmp_path: Path) -> None:
    path = tmp_path / "council.txt"
    path.write_text("Council budget\n\nThe council said it would spend 4% more.\n",
                    encoding="utf-8")
    assert window.open_path(path)
    assert "The council said it would spend 4% more." in shown_text(window)
    assert window.settings.recent_files()[0] == str(path.resolve())
    recent = [a.data() for a in window.recent_menu.actions() if a.data()]
    assert recent[0] == str(path.resolve())


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("binary.txt", bytes(range(256)) * 40, "binary"),
        ("empty.txt", b"", "empty"),
        ("blank.md", b"  \n\n \t\n", "empty"),
        ("mixed.txt", bytes(range(0x80, 0x100)) * 8, "encoding"),
        ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "pdf"),
    ],
)
def test_bad_files_show_an_error_and_keep_the_article(
    window, tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    before = shown_text(window)
    path = tmp_path / name
    path.write_bytes(content)
    assert not window.open_path(path)
    assert window.message_bar.isVisible()
    message = window.message_bar.text()
    assert message.startswith("Error:")
    assert name in message
    assert expected in message.lower()
    assert shown_text(window) == before, "the article on screen must stay"
    assert window.isVisible()
    assert str(path.resolve()) not in window.settings.recent_files()


def test_missing_file_shows_an_error(window, tmp_path: Path) -> None:
    path = tmp_path / "gone.md"
    assert not window.open_path(path)
    assert "gone.md" in window.message_bar.text()
    assert window.isVisible()


def test_folder_shows_an_error(window, tmp_path: Path) -> None:
    assert not window.open_path(tmp_path)
    assert str(tmp_path.name) in window.message_bar.text()


def test_unreadable_file_shows_an_error(window, unreadable_file: Path) -> None:
    assert not window.open_path(unreadable_file)
    message = window.message_bar.text()
    assert unreadable_file.name in message
    assert "permission" in message.lower()


def test_a_good_file_after_an_error_clears_the_banner(window, tmp_path: Path) -> None:
    window.open_path(tmp_path / "missing.txt")
    assert window.message_bar.isVisible()
    good = tmp_path / "good.txt"
    good.write_text("A paragraph to read.\n", encoding="utf-8")
    assert window.open_path(good)
    assert not window.message_bar.isVisible()


def test_escape_dismisses_the_banner(window, qtbot, tmp_path: Path) -> None:
    window.open_path(tmp_path / "missing.txt")
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.message_bar.isVisible()


def test_ctrl_o_asks_with_a_file_dialog(window, qtbot, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "picked.md"
    path.write_text("# Picked\n\nChosen in the dialog.\n", encoding="utf-8")
    asked = []

    def fake_dialog(parent, caption, folder, filters):
        asked.append(filters)
        return str(path), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", fake_dialog)
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert asked and "*.md" in asked[0] and "*.html" in asked[0]
    assert window.windowTitle().startswith("Picked")


def test_cancelled_dialog_changes_nothing(window, monkeypatch: pytest.MonkeyPatch) -> None:
    before = shown_text(window)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: ("", ""))
    window.actions_by_name["file_open"].trigger()
    assert shown_text(window) == before
    assert not window.message_bar.isVisible()


def _drop(window, paths: list[Path]) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(QPoint(50, 50)), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    return event


def test_dropping_a_file_opens_it(window, tmp_path: Path) -> None:
    path = tmp_path / "dropped.txt"
    path.write_text("Dropped article text.\n", encoding="utf-8")
    event = _drop(window, [path])
    assert event.isAccepted()
    assert "Dropped article text." in shown_text(window)


def test_dropping_a_bad_file_shows_an_error(window, tmp_path: Path) -> None:
    path = tmp_path / "dropped.bin"
    path.write_bytes(b"\x00\x01\x02" * 1000)
    _drop(window, [path])
    assert "dropped.bin" in window.message_bar.text()


def test_recent_files_reopen_and_forget_missing_ones(make_window, qtbot, tmp_path: Path) -> None:
    first = make_window()
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Article A.\n", encoding="utf-8")
    b.write_text("Article B.\n", encoding="utf-8")
    first.open_path(a)
    first.open_path(b)
    first.close()

    second = make_window()  # a new run of the app reads the same settings
    actions = [act for act in second.recent_menu.actions() if act.data()]
    assert [act.data() for act in actions] == [str(b.resolve()), str(a.resolve())]
    actions[1].trigger()
    assert "Article A." in shown_text(second)

    b.unlink()
    next(act for act in second.recent_menu.actions() if act.data() == str(b.resolve())).trigger()
    assert "b.txt" in second.message_bar.text()
    assert str(b.resolve()) not in second.settings.recent_files()

    second.actions_by_name["file_clear_recent"].trigger()
    assert second.settings.recent_files() == []
    assert not [act for act in second.recent_menu.actions() if act.data()]


def test_geometry_is_remembered(make_window, qtbot) -> None:
    first = make_window()
    first.show()
    qtbot.waitExposed(first)
    first.resize(777, 555)
    first.close()
    second = make_window()
    assert (second.width(), second.height()) == (777, 555)


def test_links_open_only_after_the_user_agrees(window, monkeypatch: pytest.MonkeyPatch) -> None:
    opened, asked = [], []
    monkeypatch.setattr("reader.ui.main_window.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toString()))

    def answer(reply):
        def question(parent, title, text, *args):
            asked.append(text)
            return reply
        return question

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Cancel))
    window.confirm_and_open_link(QUrl("https://example.org/report"))
    assert opened == [] and "https://example.org/report" in asked[0]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Open))
    window.confirm_and_open_link(QUrl("https://example.org/report"))
    assert opened == ["https://example.org/report"]


def test_dangerous_link_kinds_are_never_opened(window, monkeypatch: pytest.MonkeyPatch) -> None:
    opened = []
    monkeypatch.setattr("reader.ui.main_window.QDesktopServices.openUrl",
                        lambda url: opened.append(url))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a: QMessageBox.StandardButton.Open)
    for address in ("javascript:alert(1)", "file:///etc/passwd", "smb://host/share"):
        window.confirm_and_open_link(QUrl(address))
    assert opened == []
    assert "not opened" in window.message_bar.text()


def test_zoom_changes_the_text_size_and_is_remembered(window, make_window) -> None:
    size = window.article_view.document().defaultFont().pointSizeF()
    window.actions_by_name["view_zoom_in"].trigger()
    bigger = window.article_view.document().defaultFont().pointSizeF()
    assert bigger > size
    window.actions_by_name["view_zoom_reset"].trigger()
    assert window.article_view.document().defaultFont().pointSizeF() == pytest.approx(size)
    window.actions_by_name["view_zoom_out"].trigger()
    assert window.article_view.document().defaultFont().pointSizeF() < size
    again = make_window()
    again.open_sample()
    assert again.article_view.document().defaultFont().pointSizeF() < size


def test_quit_closes_the_window(window) -> None:
    window.actions_by_name["file_quit"].trigger()
    assert not window.isVisible()


def test_no_key_is_bound_twice() -> None:
    seen: dict[str, str] = {}
    for spec in ACTIONS:
        for sequence in key_sequences(spec):
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            assert key not in seen, f"{key} is bound to {seen.get(key)} and {spec.name}"
            seen[key] = spec.name


def test_every_menu_action_has_text(window) -> None:
    for name, action in window.actions_by_name.items():
        assert action.text(), name
    assert QApplication.instance() is not None


def test_file_open_events_open_the_file(window, tmp_path: Path) -> None:
    """What macOS sends when a file is opened from Finder while the app runs."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFileOpenEvent

    from reader.ui.app import _FileOpenHandler

    path = tmp_path / "finder.txt"
    path.write_text("Opened from the Finder.\n", encoding="utf-8")
    handler = _FileOpenHandler(window)
    QCoreApplication.instance().installEventFilter(handler)
    try:
        QCoreApplication.sendEvent(QCoreApplication.instance(), QFileOpenEvent(str(path)))
    finally:
        QCoreApplication.instance().removeEventFilter(handler)
    assert "Opened from the Finder." in shown_text(window)


def test_big_files_are_read_in_the_background(window, qtbot, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.ui.main_window as main_window

    monkeypatch.setattr(main_window, "SYNC_LOAD_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text("A long article, read without freezing the window.\n", encoding="utf-8")
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        assert window.open_path(path)
        assert "Reading big.txt" in window.progress_label.text()
    assert "read without freezing" in shown_text(window)
    assert window.settings.recent_files()[0] == str(path.resolve())

    bad = tmp_path / "big.bin"
    bad.write_bytes(b"\x00\x01" * 1000)
    window.open_path(bad)
    qtbot.waitUntil(lambda: "big.bin" in window.message_bar.text(), timeout=15000)
    assert "read without freezing" in shown_text(window)
    assert window.busy.isHidden()
