"""What a new user noticed in the window (issue 12): the shortcut sheet's key names, the
Sources buttons, contrast in both themes, the start page after a failed open, claims cut short
in the list, long articles laid out without freezing the window, paths in the list."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QKeySequence, QTextCharFormat
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLineEdit,
    QStyle,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QWidget,
)

from reader.bundled import sample_article_path
from reader.ui import article_view as article_view_module
from reader.ui.actions import ACTIONS, ActionSpec, shortcut_text
from reader.ui.claim_delegate import TEXT_LINES, wrapped_lines
from reader.ui.claims_model import ClaimRole
from reader.ui.shortcuts_dialog import ShortcutsDialog
from reader.ui.start_page import SAMPLE_LABEL, shown_path
from reader.ui.theme import (
    DARK,
    LIGHT,
    Colors,
    apply_theme,
    contrast_checks,
    contrast_ratio,
    theme_palette,
)

ALTERNATIVE_KEY_NAMES = ("Open", "Undo", "Redo", "Find", "Help", "Exit", "Zoom In", "Zoom Out",
                         "Print", "Copy", "Paste", "Save", *(f"F{n}" for n in range(13, 36)))


def _key_names(text: str) -> list[str]:
    return [name for sequence in text.split(", ") for name in sequence.split("+")]


# The F1 sheet --------------------------------------------------------------------------------


def test_keys_are_named_as_printed_on_the_keyboard(qtbot) -> None:
    spec = ActionSpec("edit_undo", "&Undo", ("F14", "Open", "Ctrl+Z", "Undo", "Alt+Backspace"))
    native = QKeySequence("Ctrl+Z").toString(QKeySequence.SequenceFormat.NativeText)
    assert shortcut_text(spec).split(", ")[0] == native
    assert not set(_key_names(shortcut_text(spec))) & set(ALTERNATIVE_KEY_NAMES)
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    shown = [dialog.table.item(row, 2).text() for row in range(dialog.table.rowCount())]
    for keys in shown:
        assert keys, "every row names at least one key"
        assert not set(_key_names(keys)) & set(ALTERNATIVE_KEY_NAMES), keys
    with_keys = [spec for spec in ACTIONS if spec.shortcuts]
    assert len(shown) == len(with_keys), "no action lost its keys from the sheet"


# Sources -------------------------------------------------------------------------------------


def _visible(widget: QWidget) -> bool:
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def test_source_buttons_are_in_sight_in_the_default_window(window, qtbot) -> None:
    assert (window.width(), window.height()) == (1200, 800)
    qtbot.waitUntil(lambda: window.session is not None, timeout=15000)
    window.step_claim(1)
    detail = window.detail
    for button in (detail.add_source_button, detail.edit_source_button,
                   detail.remove_source_button):
        assert _visible(button), button.text()
    assert detail.add_source_button.isEnabled()
    assert "Add" in detail.add_source_button.text()


# Contrast ------------------------------------------------------------------------------------


@pytest.mark.parametrize("colors", [LIGHT, DARK], ids=["light", "dark"])
def test_every_state_meets_wcag_aa(qapp, colors: Colors) -> None:
    checks = contrast_checks(colors, theme_palette(colors.dark))
    failing = [f"{c.state}: {c.ratio:.2f} < {c.required}" for c in checks
               if c.ratio < c.required]
    assert failing == []
    used = {c.foreground.name() for c in checks} | {c.background.name() for c in checks}
    for field in dataclasses.fields(Colors):
        value = getattr(colors, field.name)
        if isinstance(value, QColor) and field.name != "unreviewed":
            assert value.name() in used, f"{field.name} is never checked"


def test_contrast_is_computed_as_wcag_defines_it() -> None:
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


def test_the_selected_claim_does_not_look_like_a_quote() -> None:
    for colors in (LIGHT, DARK):
        assert colors.focus_background.hue() != -1
        quote_hue = colors.quote_background.hue()
        assert abs(colors.focus_background.hue() - quote_hue) > 90
        assert contrast_ratio(colors.focus_background, colors.quote_background) >= 3


def _frame_contrast(widget: QWidget, window_color: QColor, area: QRect) -> float:
    """The strongest contrast between the window colour and any pixel of ``area`` of the
    widget as drawn: where a check box's box or a text field's frame is."""
    image = widget.grab().toImage()
    best = 1.0
    for x in range(max(area.left(), 0), min(area.right() + 1, image.width())):
        for y in range(max(area.top(), 0), min(area.bottom() + 1, image.height())):
            best = max(best, contrast_ratio(QColor(image.pixel(x, y)), window_color))
    return best


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_check_boxes_and_text_fields_are_drawn_with_a_visible_frame(qtbot, mode) -> None:
    app = QApplication.instance()
    colors = apply_theme(app, mode)
    try:
        window_color = app.palette().color(app.palette().ColorRole.Window)
        box = QCheckBox("Dismissed")
        field = QLineEdit()
        for widget in (box, field):
            qtbot.addWidget(widget)
            widget.resize(160, 28)
            widget.show()
        option = QStyleOptionButton()
        box.initStyleOption(option)
        indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option,
                                               box)
        assert _frame_contrast(box, window_color, indicator) >= 3, mode
        # The field's frame and inside, left of where any text would be.
        assert _frame_contrast(field, window_color, QRect(0, 0, 3, 28)) >= 3, mode
        assert colors.dark == (mode == "dark")
    finally:
        apply_theme(app, "light")


# The start page ------------------------------------------------------------------------------


def test_a_failed_open_shows_the_reviews_list_filled(make_window, qtbot, tmp_path) -> None:
    first = make_window()
    first.show()
    first.open_sample()
    qtbot.waitUntil(lambda: first.session is not None, timeout=15000)
    first.close()
    window = make_window()  # a new run: `claim-reader missing.txt`
    window.show()
    assert not window.open_path(tmp_path / "missing.txt")
    assert window.stack.currentWidget() is window.start_page
    assert window.start_page.model.rowCount() == 1
    assert "missing.txt" in window.message_bar.text()


def test_the_list_shows_paths_from_home_and_names_the_sample(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    article = tmp_path / "Articles" / "quay.md"
    assert shown_path(str(article)) == str(Path("~") / "Articles" / "quay.md")
    assert shown_path("/srv/shared/quay.md") == "/srv/shared/quay.md"
    assert shown_path(str(tmp_path) + "-other/quay.md") == str(tmp_path) + "-other/quay.md"
    if sample_article_path():
        assert shown_path(sample_article_path()) == SAMPLE_LABEL


# Claims in the list --------------------------------------------------------------------------


def test_claims_wrap_over_two_lines_and_show_whole_on_hover(window, qtbot) -> None:
    qtbot.waitUntil(lambda: window.session is not None, timeout=15000)
    view = window.claims_panel.view
    delegate = window.claims_panel.delegate
    index = view.model().index(0, 0)
    claim_text = index.data(Qt.ItemDataRole.DisplayRole)
    assert len(claim_text) > 80
    option = QStyleOptionViewItem()
    option.font = view.font()
    line = view.fontMetrics().height()
    assert delegate.sizeHint(option, index).height() >= line * (TEXT_LINES + 1)
    # What the row paints, at the row's width in the default window.
    text_width = view.viewport().width() - 2 * 6 - line - 10 - 110
    lines = wrapped_lines(claim_text, view.font(), text_width)
    assert len(lines) == 2
    shown = " ".join(lines).rstrip("…")
    assert len(shown) >= 70, shown
    assert claim_text.startswith(lines[0])
    assert " ".join(claim_text.split()) in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(ClaimRole.Status)


def test_wrapped_lines_elide_only_the_last_line(qapp) -> None:
    font = QApplication.font()
    text = "The council voted 7 to 2 on Tuesday to build a sea wall costing 4.2 million euros."
    lines = wrapped_lines(text * 4, font, 200)
    assert len(lines) == 2 and lines[1].endswith("…") and not lines[0].endswith("…")
    assert wrapped_lines("Short claim.", font, 400) == ["Short claim."]
    assert wrapped_lines("", font, 400) == []


# Long articles -------------------------------------------------------------------------------


def test_a_long_article_is_laid_out_in_slices_with_its_highlights(window, qtbot, monkeypatch,
                                                                  tmp_path) -> None:
    monkeypatch.setattr(article_view_module, "SLICED_CHARS", 100)
    view = window.article_view
    with qtbot.waitSignal(view.highlights_shown, timeout=15000):
        window.open_sample()
    assert view.highlighted
    session = window.session
    quote = session.analysis.quotes[0]
    cursor = view.textCursor()
    cursor.setPosition(view.positions.to_qt(quote.start) + 1)
    fmt: QTextCharFormat = cursor.charFormat()
    assert fmt.background().color() == window.colors.quote_background
    # The selected claim keeps its mark when the highlighted copy is swapped in.
    claim = session.claims()[3]
    window.select_claim(claim.id)
    with qtbot.waitSignal(view.highlights_shown, timeout=15000):
        view.show_session(session, window.colors)
    (selection,) = view.extraSelections()
    assert selection.cursor.document() is view.document()
    assert selection.cursor.selectionStart() == view.positions.to_qt(claim.anchor.start)
    # Another article while slices are pending cancels them: nothing stale is swapped in.
    other = Path(tmp_path / "other.txt")
    other.write_text("Ferry fares\n\nThe operator said fares rose 9% in 2025.\n", "utf-8")
    view.show_session(session, window.colors)
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        window.open_path(other)
    qtbot.waitUntil(lambda: view.highlighted, timeout=15000)
    qtbot.wait(50)
    assert "operator said fares rose" in view.document().toPlainText()


def test_a_verdict_redraws_its_row_without_laying_the_list_out_again(
        make_window, qtbot, monkeypatch, tmp_path) -> None:
    # QListView laid the whole list out again for one row's change: two row counts per row
    # of the list (17,000 Python calls per verdict on a 1 MB article).
    from reader.ui.claims_model import ClaimsModel

    calls = []
    original = ClaimsModel.rowCount
    # Patched before the window exists: Qt's calls into the model go through the patch.
    monkeypatch.setattr(ClaimsModel, "rowCount",
                        lambda self, *args: calls.append(1) or original(self, *args))
    article = tmp_path / "ledger.txt"
    article.write_text("Harbour ledger\n\n" + "\n\n".join(
        f"In {1900 + n} the harbour board spent {n * 7 + 3} pounds on berth {n}."
        for n in range(400)), encoding="utf-8")
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    window.open_path(article)
    qtbot.waitUntil(lambda: window.session is not None, timeout=20_000)
    view = window.claims_panel.view
    model = window.claims_panel.model
    rows = model.rowCount()
    assert rows >= 400
    window.select_claim(model.claim_at(3).id)
    qtbot.wait(50)
    row = view.visualRect(model.index(3))
    before = view.viewport().grab(row).toImage()
    calls.clear()
    window.set_status("disputed")
    qtbot.wait(50)
    assert len(calls) < 100, f"{len(calls)} row counts for one verdict on {rows} rows"
    after = view.viewport().grab(row).toImage()
    assert after != before, "the row shows its new status"
    assert model.claim_at(3).status == "disputed"
