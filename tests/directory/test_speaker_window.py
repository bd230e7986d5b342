"""The speaker directory window, driven by keyboard: filter, quotes with verdicts, open a quote
in its article, join and split, a decisions file that cannot be read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from directory_builders import add_review
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence

from reader.directory.decisions import DECISIONS_NAME
from reader.ui.actions import ACTIONS, key_sequences
from reader.ui.main_window import MainWindow
from reader.ui.settings import WindowSettings
from reader.ui.speaker_directory import (
    DIRECTORY_ACTIONS,
    SPEAKER_ROLE,
    SpeakerDirectoryDialog,
)

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def harbour(store):
    add_review(store, "Sea wall vote", [("Zoë Brontë-Lefèvre", "We lost forty homes.",
                                         "verified"),
                                        ("Brontë-Lefèvre", "The wall is late 🌊.", "disputed"),
                                        ("officials", "It is under review.")])
    add_review(store, "Ferry fares", [("John Smith", "Fares are fair.", "verified"),
                                      ("Jane Smith", "Fares are not fair.", "disputed")])
    add_review(store, "Budget night", [("J. Smith", "The budget adds up.", "unverifiable")])
    return store


@pytest.fixture
def window(qtbot, harbour, tmp_path: Path) -> MainWindow:
    settings = WindowSettings(QSettings(str(tmp_path / "settings.ini"),
                                        QSettings.Format.IniFormat))
    window = MainWindow(harbour.root, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def directory(qtbot, window) -> SpeakerDirectoryDialog:
    """The directory opened with its key, read, and active."""
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.keyClick(focused() or window, Qt.Key.Key_D, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.speaker_directory
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.directory is not None and dialog.busy_with is None,
                    timeout=15000)
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    return dialog


def shown_names(dialog) -> list[str]:
    return [dialog.proxy.index(row, 0).data() for row in range(dialog.proxy.rowCount())]


def focused():
    return QGuiApplication.focusObject()


def test_the_models_are_sound(qtmodeltester, directory) -> None:
    qtmodeltester.check(directory.model)
    qtmodeltester.check(directory.proxy)
    qtmodeltester.check(directory.quotes_model)


def test_the_list_the_tallies_and_the_quotes_in_words(directory) -> None:
    assert shown_names(directory) == ["Zoë Brontë-Lefèvre", "J. Smith", "Jane Smith",
                                      "John Smith"]
    assert directory.proxy.index(0, 2).data() == "1 disputed, 1 verified"
    assert "Also written: Brontë-Lefèvre" in directory.facts.text()
    assert "Verdicts: 1 verified, 1 disputed, 0 unverifiable, 0 unreviewed" in \
        directory.facts.text()
    quotes = directory.quotes_model
    rows = [[quotes.index(row, column).data() for column in range(4)]
            for row in range(quotes.rowCount())]
    assert [row[1:] for row in rows] == [
        ["✓ Verified", "“We lost forty homes.”", "Sea wall vote"],
        ["✗ Disputed", "“The wall is late 🌊.” (as Brontë-Lefèvre)", "Sea wall vote"]]
    assert rows[0][0] == "2026-02-01 *" and directory.date_note.isVisible()
    assert "1 quote by speakers only described is not listed" in directory.status_label.text()


def test_the_filter_ignores_case_and_accents_and_keeps_the_keyboard(qtbot, directory) -> None:
    assert focused() is directory.filter
    qtbot.keyClicks(directory.filter, "zoe bronte")
    assert shown_names(directory) == ["Zoë Brontë-Lefèvre"]
    directory.filter.clear()
    qtbot.keyClicks(directory.filter, "SMITH")
    assert shown_names(directory) == ["J. Smith", "Jane Smith", "John Smith"]
    qtbot.keyClick(directory.filter, Qt.Key.Key_Down)
    assert directory.current_speaker().name == "Jane Smith"
    assert focused() is directory.filter  # still typing
    directory.show_unnamed.setChecked(True)
    directory.filter.clear()
    assert "officials (in “Sea wall vote”)" in shown_names(directory)


def test_enter_opens_a_quote_in_its_article(qtbot, window, directory) -> None:
    qtbot.keyClicks(directory.filter, "jane")
    qtbot.keyClick(directory.filter, Qt.Key.Key_Return)  # on to her quotes
    assert focused() is directory.quotes
    quote = directory.current_quote()
    assert quote.record.text == "Fares are not fair."
    with qtbot.waitSignal(window.session_ready, timeout=15000):
        qtbot.keyClick(directory.quotes, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_claim_id == quote.record.claim_id)
    assert window.session.review.review_id == quote.article.review_id
    assert window.detail.isVisible()


def test_join_and_undo_by_keys(qtbot, directory, harbour) -> None:
    qtbot.keyClicks(directory.filter, "j. smith")
    assert directory.current_speaker().name == "J. Smith"
    assert "could be Jane Smith or John Smith" in directory.facts.text()
    qtbot.keyClick(directory, Qt.Key.Key_J, CTRL)
    chooser = directory._choice
    assert chooser is not None and chooser.isVisible()
    qtbot.keyClicks(chooser.filter, "john")
    with qtbot.waitSignal(directory.ready, timeout=15000):
        qtbot.keyClick(chooser.filter, Qt.Key.Key_Return)
    speaker = directory.current_speaker()
    assert (speaker.name, speaker.variants) == ("John Smith", ("John Smith", "J. Smith"))
    assert "Joined J. Smith and John Smith" in directory.message_bar.label.text()
    saved = json.loads((harbour.root / DECISIONS_NAME).read_text(encoding="utf-8"))
    assert [d["action"] for d in saved["decisions"]] == ["join"]
    assert directory.focusWidget() is directory.list  # on the joined speaker: Ctrl+Z undoes
    directory.filter.clear()
    assert shown_names(directory) == ["Zoë Brontë-Lefèvre", "Jane Smith", "John Smith"]
    with qtbot.waitActive(directory):
        directory.activateWindow()  # the offscreen platform gives it back no focus itself
    with qtbot.waitSignal(directory.ready, timeout=15000):
        qtbot.keyClick(directory.list, Qt.Key.Key_Z, CTRL)
    assert shown_names(directory) == ["Zoë Brontë-Lefèvre", "J. Smith", "Jane Smith",
                                      "John Smith"]


def test_split_a_name_out_by_keys(qtbot, directory) -> None:
    qtbot.keyClicks(directory.filter, "zoe")
    qtbot.keyClick(directory, Qt.Key.Key_J, CTRL | Qt.KeyboardModifier.ShiftModifier)
    chooser = directory._choice
    assert chooser.shown_texts() == ["The name “Zoë Brontë-Lefèvre” (1 quote, every article)",
                       "The name “Brontë-Lefèvre” (1 quote, every article)"]
    qtbot.keyClick(chooser.filter, Qt.Key.Key_Down)
    with qtbot.waitSignal(directory.ready, timeout=15000):
        qtbot.keyClick(chooser.filter, Qt.Key.Key_Return)
    directory.filter.clear()
    assert shown_names(directory) == ["Brontë-Lefèvre", "Zoë Brontë-Lefèvre", "J. Smith",
                                      "Jane Smith", "John Smith"]
    # The split holds when the directory is read again.
    with qtbot.waitActive(directory):
        directory.activateWindow()
    with qtbot.waitSignal(directory.ready, timeout=15000):
        qtbot.keyClick(focused(), Qt.Key.Key_F5)
    assert "Brontë-Lefèvre" in shown_names(directory)


def test_a_damaged_decisions_file_is_shown_and_never_written(qtbot, window, harbour) -> None:
    path = harbour.root / DECISIONS_NAME
    path.write_text("{\"schema_version\": 1, \"decisions\": [", encoding="utf-8")
    window.show_speaker_directory()
    dialog = window.speaker_directory
    qtbot.waitUntil(lambda: dialog.directory is not None and dialog.busy_with is None,
                    timeout=15000)
    assert dialog.message_bar.level == "error"
    assert f"{path} is damaged" in dialog.message_bar.label.text()
    assert not dialog.buttons["speakers_join"].isEnabled()
    assert not dialog.actions_by_name["speakers_split"].isEnabled()
    dialog.choose_join()
    assert dialog._choice is None
    assert len(shown_names(dialog)) == 4  # the directory itself is still there
    assert path.read_text(encoding="utf-8") == "{\"schema_version\": 1, \"decisions\": ["


def test_reading_runs_in_the_background(qtbot, window) -> None:
    window.show_speaker_directory()
    dialog = window.speaker_directory
    assert dialog.busy_with is not None and dialog.directory is None  # not read yet
    assert dialog.progress.isVisible()
    qtbot.waitUntil(lambda: dialog.directory is not None, timeout=15000)
    assert not dialog.progress.isVisible()


def test_the_directorys_keys_are_distinct_and_on_its_buttons(directory) -> None:
    seen: dict[str, str] = {}
    for spec in DIRECTORY_ACTIONS:
        for sequence in key_sequences(spec):
            key = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            assert key not in seen, f"{key} is bound to {seen.get(key)} and {spec.name}"
            seen[key] = spec.name
    for name, button in directory.buttons.items():
        keys = [k for k, spec in seen.items() if spec == name]
        assert any(key in button.text() for key in keys), button.text()
    opening = next(spec for spec in ACTIONS if spec.name == "file_speakers")
    assert [s.toString() for s in key_sequences(opening)] == ["Ctrl+Shift+D"]


def test_an_item_row_carries_its_speaker(directory) -> None:
    speaker = directory.proxy.index(0, 0).data(SPEAKER_ROLE)
    assert speaker.name == "Zoë Brontë-Lefèvre" and speaker.quote_count == 2
