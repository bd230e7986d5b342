"""The source dialog: what OK allows, what the URL check says, and the values it returns."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel
from widget_builders import BRIDGE_CLAIMS, BRIDGE_TEXT

from reader.store.model import STANCES, Source
from reader.ui.source_dialog import FIELDS, SourceDialog, url_problem


@pytest.fixture
def dialog(qtbot) -> SourceDialog:
    dialog = SourceDialog(None, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_ok_is_disabled_until_a_url_citation_or_title_is_given(dialog, qtbot) -> None:
    assert not dialog.ok_button.isEnabled()
    assert dialog.hint_label.isVisible()
    qtbot.keyClicks(dialog.publisher_edit, "City Council")
    assert not dialog.ok_button.isEnabled(), "a publisher alone does not say where the source is"
    for edit in (dialog.title_edit, dialog.citation_edit, dialog.url_edit):
        text = "https://example.org/budget" if edit is dialog.url_edit else "Budget 2026"
        qtbot.keyClicks(edit, text)
        assert dialog.ok_button.isEnabled()
        assert not dialog.hint_label.isVisible()
        edit.clear()
        assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.title_edit, "   ")
    assert not dialog.ok_button.isEnabled(), "blanks are not a title"


@pytest.mark.parametrize("text", [
    "www.example.org/budget", "example.org", "javascript:alert(1)", "file:///etc/passwd",
    "Council budget report, page 4", "https://", "ftp://example.org/x"])
def test_a_url_that_is_not_a_web_address_is_flagged_in_words(dialog, qtbot, text) -> None:
    qtbot.keyClicks(dialog.title_edit, "Budget")
    qtbot.keyClicks(dialog.url_edit, text)
    label = dialog.url_problem_label
    assert label.isVisible()
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text().startswith("Problem: ")
    assert not dialog.ok_button.isEnabled()
    dialog.url_edit.clear()
    assert not label.isVisible()
    assert dialog.ok_button.isEnabled()


def test_flag_messages_say_what_to_do() -> None:
    assert "https://www.example.org/x" in (url_problem("www.example.org/x") or "")
    assert "Citation" in (url_problem("Annual report 2025, p. 12") or "")
    assert "javascript:" in (url_problem("javascript:alert(1)") or "")
    for good in ("https://example.org", "HTTP://Example.org/a?b=c#d", "", "  "):
        assert url_problem(good) is None


def test_every_field_has_a_label_with_its_own_mnemonic(dialog) -> None:
    letters = []
    for key in FIELDS:
        label: QLabel = dialog.label(key)
        text = label.text()
        assert "&" in text, key
        letters.append(text[text.index("&") + 1].lower())
        assert label.buddy() is not None
    assert len(set(letters)) == len(letters)
    assert dialog.label("url").buddy() is dialog.url_edit


def test_mnemonic_moves_focus_to_the_field(dialog, qtbot) -> None:
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    qtbot.keyClick(dialog, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.url_edit


def test_new_source_defaults(dialog) -> None:
    values = dialog.values()
    assert set(values) == set(FIELDS)
    assert values["consulted"] == QDate.currentDate().toString("yyyy-MM-dd")
    assert values["stance"] == "unspecified"
    assert dialog.stance_combo.currentText() == "Not stated"
    assert dialog.stance_combo.count() == 3
    assert {dialog.stance_combo.itemData(i) for i in range(3)} == set(STANCES)


def test_enter_accepts_with_the_typed_values(dialog, qtbot) -> None:
    qtbot.keyClicks(dialog.title_edit, "  Council budget  ")
    qtbot.keyClicks(dialog.url_edit, "https://example.org/budget.pdf")
    qtbot.keyClicks(dialog.publisher_edit, "City Council")
    dialog.stance_combo.setCurrentIndex(dialog.stance_combo.findData("contradicts"))
    dialog.consulted_edit.setDate(QDate(2026, 2, 14))
    with qtbot.waitSignal(dialog.accepted, timeout=1000):
        qtbot.keyClick(dialog.publisher_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values() == {
        "title": "Council budget", "url": "https://example.org/budget.pdf", "citation": "",
        "publisher": "City Council", "consulted": "2026-02-14", "stance": "contradicts"}


def test_enter_does_nothing_while_ok_is_disabled(dialog, qtbot) -> None:
    qtbot.keyClicks(dialog.url_edit, "www.example.org")
    qtbot.keyClick(dialog.url_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_escape_cancels(dialog, qtbot) -> None:
    qtbot.keyClicks(dialog.title_edit, "Budget")
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_editing_shows_the_source_and_an_unrecorded_date_stays_empty(qtbot) -> None:
    source = Source("s1", title="Census 2021", url="https://example.org/census",
                    citation="Table 4", publisher="Statistics office", consulted="",
                    stance="supports")
    dialog = SourceDialog(None, source)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Edit source"
    assert dialog.consulted_edit.text() == "Not recorded"
    values = dialog.values()
    assert values == {"title": "Census 2021", "url": "https://example.org/census",
                      "citation": "Table 4", "publisher": "Statistics office",
                      "consulted": "", "stance": "supports"}
    dialog.consulted_edit.setDate(QDate(2025, 12, 1))
    assert dialog.values()["consulted"] == "2025-12-01"


def test_editing_keeps_a_date_it_cannot_read(qtbot) -> None:
    dialog = SourceDialog(None, Source("s1", title="Old", consulted="spring 2024"))
    qtbot.addWidget(dialog)
    assert dialog.values()["consulted"] == "spring 2024"


def _answer_when_shown(qtbot, key: Qt.Key, type_title: str = "") -> None:
    """Press ``key`` in the modal dialog once it is up (the static helper runs its own loop)."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, SourceDialog):
            QTimer.singleShot(10, answer)
            return
        if type_title:
            dialog.title_edit.setText(type_title)
        qtbot.keyClick(dialog.title_edit, key)

    QTimer.singleShot(0, answer)


def test_static_edit_returns_fields_that_the_store_accepts(qtbot, make_review) -> None:
    handle = make_review(BRIDGE_TEXT, BRIDGE_CLAIMS, title="Bridge")
    claim_id = next(iter(handle.review.claims))
    _answer_when_shown(qtbot, Qt.Key.Key_Return, type_title="Council minutes, 3 March")
    values = SourceDialog.edit(None, None)
    assert values is not None and values["title"] == "Council minutes, 3 March"
    claim = handle.add_source(claim_id, **values)
    added = claim.sources[-1]
    assert (added.title, added.consulted) == (values["title"], values["consulted"])

    _answer_when_shown(qtbot, Qt.Key.Key_Return, type_title="Council minutes, 4 March")
    edited = SourceDialog.edit(None, added)
    assert edited is not None
    claim = handle.update_source(claim_id, replace(added, **edited))
    assert claim.sources[-1].title == "Council minutes, 4 March"
    assert claim.sources[-1].id == added.id


def test_static_edit_returns_none_on_cancel(qtbot) -> None:
    _answer_when_shown(qtbot, Qt.Key.Key_Escape, type_title="Anything")
    assert SourceDialog.edit(None, Source("s1", title="Kept")) is None
