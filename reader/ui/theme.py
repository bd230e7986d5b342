"""Light and dark themes: follow the system's colour scheme unless the user picks one.

Qt's Fusion style draws both schemes the same way on every platform; the palettes are set
explicitly because not every platform plugin (offscreen, some X11 desktops) reports or applies
a dark scheme by itself. Highlight colours for quotes, figures and statuses live here too, so
the article and the claims list agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

ThemeMode = Literal["system", "light", "dark"]
THEME_MODES: tuple[ThemeMode, ...] = ("system", "light", "dark")


@dataclass(frozen=True, slots=True)
class Colors:
    dark: bool
    quote_background: QColor
    figure_background: QColor
    figure_underline: QColor
    focus_background: QColor
    verified: QColor
    disputed: QColor
    unverifiable: QColor
    unreviewed: QColor
    muted_text: QColor


LIGHT = Colors(
    dark=False,
    quote_background=QColor("#fff1b8"),
    figure_background=QColor("#dcefff"),
    figure_underline=QColor("#1f6fb2"),
    focus_background=QColor("#ffc857"),
    verified=QColor("#1d7a4f"),
    disputed=QColor("#b3261e"),
    unverifiable=QColor("#7a5c00"),
    unreviewed=QColor("#5f6368"),
    muted_text=QColor("#5f6368"),
)

DARK = Colors(
    dark=True,
    quote_background=QColor("#4d4214"),
    figure_background=QColor("#173a57"),
    figure_underline=QColor("#7cc4ff"),
    focus_background=QColor("#8a5a00"),
    verified=QColor("#6fd39b"),
    disputed=QColor("#ff8a80"),
    unverifiable=QColor("#f2c94c"),
    unreviewed=QColor("#a8adb3"),
    muted_text=QColor("#a8adb3"),
)


def _dark_palette() -> QPalette:
    p = QPalette()
    window, base, text = QColor("#202124"), QColor("#17181a"), QColor("#e8eaed")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        p.setColor(group, QPalette.ColorRole.Window, window)
        p.setColor(group, QPalette.ColorRole.WindowText, text)
        p.setColor(group, QPalette.ColorRole.Base, base)
        p.setColor(group, QPalette.ColorRole.AlternateBase, QColor("#26282b"))
        p.setColor(group, QPalette.ColorRole.Text, text)
        p.setColor(group, QPalette.ColorRole.Button, QColor("#2d2f33"))
        p.setColor(group, QPalette.ColorRole.ButtonText, text)
        p.setColor(group, QPalette.ColorRole.ToolTipBase, QColor("#2d2f33"))
        p.setColor(group, QPalette.ColorRole.ToolTipText, text)
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#9aa0a6"))
        p.setColor(group, QPalette.ColorRole.Highlight, QColor("#3d6fb6"))
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        p.setColor(group, QPalette.ColorRole.Link, QColor("#8ab4f8"))
        p.setColor(group, QPalette.ColorRole.BrightText, QColor("#ffffff"))
    disabled = QColor("#6b6f75")
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text,
                 QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Button, QColor("#2d2f33"))
    return p


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def resolve_dark(mode: ThemeMode) -> bool:
    return mode == "dark" or (mode == "system" and system_prefers_dark())


def apply_theme(app: QApplication, mode: ThemeMode) -> Colors:
    """Sets the style and palette for ``mode`` and returns the matching highlight colours."""
    app.setStyle("Fusion")
    dark = resolve_dark(mode)
    app.setPalette(_dark_palette() if dark else app.style().standardPalette())
    return DARK if dark else LIGHT
