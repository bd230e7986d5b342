"""Light and dark themes: follow the system's colour scheme unless the user picks one.

Qt's Fusion style draws both schemes the same way on every platform; the palettes are set
explicitly because not every platform plugin (offscreen, some X11 desktops) reports or applies
a dark scheme by itself. Highlight colours for quotes, figures and statuses live here too, so
the article and the claims list agree.

Every colour is chosen for WCAG AA: text at least 4.5:1 against what it is drawn on, marks
(status underlines, badge frames, check box frames, the selected claim) at least 3:1.
``contrast_checks`` lists every such pair for a theme, and the tests compute each ratio from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QStyleOption

ThemeMode = Literal["system", "light", "dark"]
THEME_MODES: tuple[ThemeMode, ...] = ("system", "light", "dark")
TEXT_CONTRAST = 4.5
MARK_CONTRAST = 3.0
BADGE_FILL_ALPHA = 40
"""How opaque a status badge's fill is, over the row's background (claim_delegate.py)."""


@dataclass(frozen=True, slots=True)
class Colors:
    dark: bool
    quote_background: QColor
    figure_background: QColor
    figure_underline: QColor
    focus_background: QColor
    """The selected claim in the article: a violet of its own, unlike the quotes' yellow and
    the figures' blue, strong enough to be a mark, with ``focus_text`` on it."""
    focus_text: QColor
    verified: QColor
    disputed: QColor
    unverifiable: QColor
    unreviewed: QColor
    muted_text: QColor
    control_border: QColor
    """The frame of check boxes and text fields, which Fusion draws barely darker than the
    window."""
    focus_ring: QColor
    """The frame of the text field that has the keyboard."""


LIGHT = Colors(
    dark=False,
    quote_background=QColor("#fff1b8"),
    figure_background=QColor("#dcefff"),
    figure_underline=QColor("#1f6fb2"),
    focus_background=QColor("#5b3cc4"),
    focus_text=QColor("#ffffff"),
    verified=QColor("#186a45"),
    disputed=QColor("#b3261e"),
    unverifiable=QColor("#7a5c00"),
    unreviewed=QColor("#5f6368"),
    muted_text=QColor("#5f6368"),
    control_border=QColor("#6b6f75"),
    focus_ring=QColor("#1f6fb2"),
)

DARK = Colors(
    dark=True,
    quote_background=QColor("#4d4214"),
    figure_background=QColor("#173a57"),
    figure_underline=QColor("#7cc4ff"),
    focus_background=QColor("#c9b8ff"),
    focus_text=QColor("#17181a"),
    verified=QColor("#6fd39b"),
    disputed=QColor("#ffa39b"),
    unverifiable=QColor("#f2c94c"),
    unreviewed=QColor("#a8adb3"),
    muted_text=QColor("#a8adb3"),
    control_border=QColor("#9aa0a6"),
    focus_ring=QColor("#8ab4f8"),
)


def _light_palette() -> QPalette:
    p = QStyleFactory.create("Fusion").standardPalette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        # Fusion's own: white on #308cc6 is 3.6:1, and placeholders are half-transparent black
        # (3.9:1 on white).
        p.setColor(group, QPalette.ColorRole.Highlight, QColor("#1f6fb2"))
        p.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
        p.setColor(group, QPalette.ColorRole.PlaceholderText, QColor("#6b6f75"))
        p.setColor(group, QPalette.ColorRole.Link, QColor("#1a56a8"))
    return p


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
        p.setColor(group, QPalette.ColorRole.Highlight, QColor("#2f5e9e"))
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


def theme_palette(dark: bool) -> QPalette:
    return _dark_palette() if dark else _light_palette()


FRAMED = (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
          QStyle.PrimitiveElement.PE_IndicatorRadioButton,
          QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
          QStyle.PrimitiveElement.PE_FrameLineEdit)


class ReaderStyle(QProxyStyle):
    """Fusion, with the frames of check boxes, radio buttons and text fields drawn in the
    theme's control border colour: Fusion's own frame is the window colour darkened by 40%,
    under 1.5:1 in both themes (the dark theme's "Dismissed" box was all but invisible)."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        self.setObjectName("readerStyle")
        self.border = LIGHT.control_border
        self.focus_ring = LIGHT.focus_ring

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,
                      painter: QPainter, widget=None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in FRAMED:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        line_edit = element == QStyle.PrimitiveElement.PE_FrameLineEdit
        painter.setPen(QPen(self.focus_ring if focused and line_edit else self.border, 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRect(option.rect).adjusted(1, 1, -1, -1)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(rect)
        else:
            painter.drawRoundedRect(rect, 2, 2)
        painter.restore()


def system_prefers_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def resolve_dark(mode: ThemeMode) -> bool:
    return mode == "dark" or (mode == "system" and system_prefers_dark())


def apply_theme(app: QApplication, mode: ThemeMode) -> Colors:
    """Sets the style and palette for ``mode`` and returns the matching highlight colours."""
    dark = resolve_dark(mode)
    colors = DARK if dark else LIGHT
    style = app.style()
    if not isinstance(style, ReaderStyle):
        style = ReaderStyle()
        app.setStyle(style)
    style.border = colors.control_border
    style.focus_ring = colors.focus_ring
    app.setPalette(theme_palette(dark))
    return colors


# Contrast (WCAG 2.x) ------------------------------------------------------------------------


def relative_luminance(color: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def contrast_ratio(first: QColor, second: QColor) -> float:
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def blend(top: QColor, alpha: int, bottom: QColor) -> QColor:
    """``top`` drawn with ``alpha`` (0-255) over the opaque ``bottom``."""
    a = alpha / 255
    return QColor.fromRgbF(top.redF() * a + bottom.redF() * (1 - a),
                           top.greenF() * a + bottom.greenF() * (1 - a),
                           top.blueF() * a + bottom.blueF() * (1 - a))


@dataclass(frozen=True, slots=True)
class ContrastCheck:
    state: str
    kind: Literal["text", "mark"]
    foreground: QColor
    background: QColor

    @property
    def ratio(self) -> float:
        return contrast_ratio(self.foreground, self.background)

    @property
    def required(self) -> float:
        return TEXT_CONTRAST if self.kind == "text" else MARK_CONTRAST


STATUSES = ("verified", "disputed", "unverifiable")


def contrast_checks(colors: Colors, palette: QPalette) -> list[ContrastCheck]:
    """Every colour pair a reader meets in this theme: the article's text on each highlight,
    the status underlines on each, the selected claim; the claims list's text, badges and
    selected row; the controls (labels, buttons, placeholders, check box frames)."""
    role = QPalette.ColorRole
    base, window = palette.color(role.Base), palette.color(role.Window)
    text, highlight = palette.color(role.Text), palette.color(role.Highlight)
    selected_text = palette.color(role.HighlightedText)
    checks = [
        ContrastCheck("article text", "text", text, base),
        ContrastCheck("article text in a quote", "text", text, colors.quote_background),
        ContrastCheck("article text in a figure", "text", text, colors.figure_background),
        ContrastCheck("article link", "text", palette.color(role.Link), base),
        ContrastCheck("selected claim's text", "text", colors.focus_text,
                      colors.focus_background),
        ContrastCheck("selected claim against the page", "mark", colors.focus_background, base),
        ContrastCheck("selected claim against a quote", "mark", colors.focus_background,
                      colors.quote_background),
        ContrastCheck("selected claim against a figure", "mark", colors.focus_background,
                      colors.figure_background),
        ContrastCheck("selected claim's status underline", "mark", colors.focus_text,
                      colors.focus_background),
        ContrastCheck("figure underline", "mark", colors.figure_underline, base),
        ContrastCheck("claims list text", "text", text, base),
        ContrastCheck("claims list second line", "text", colors.muted_text, base),
        ContrastCheck("selected row", "text", selected_text, highlight),
        ContrastCheck("dismissed claim's text and badge", "text", colors.unreviewed, base),
        ContrastCheck("unreviewed badge", "text", colors.unreviewed, base),
        ContrastCheck("badge frame in the selected row", "mark", selected_text, highlight),
        ContrastCheck("labels", "text", palette.color(role.WindowText), window),
        ContrastCheck("buttons", "text", palette.color(role.ButtonText),
                      palette.color(role.Button)),
        ContrastCheck("placeholder text", "text", palette.color(role.PlaceholderText), base),
        ContrastCheck("check box and text field frames against the window", "mark",
                      colors.control_border, window),
        ContrastCheck("check box and text field frames against their inside", "mark",
                      colors.control_border, base),
        ContrastCheck("check mark", "mark", text, base),
        ContrastCheck("text field with the keyboard", "mark", colors.focus_ring, window),
    ]
    for status in STATUSES:
        color = getattr(colors, status)
        for where, background in (("the page", base), ("a quote", colors.quote_background),
                                  ("a figure", colors.figure_background)):
            checks.append(ContrastCheck(f"{status} underline on {where}", "mark", color,
                                        background))
        checks.append(ContrastCheck(f"{status} badge text", "text", color,
                                    blend(color, BADGE_FILL_ALPHA, base)))
        checks.append(ContrastCheck(f"{status} badge frame", "mark", color, base))
        checks.append(ContrastCheck(f"{status} badge text in the selected row", "text",
                                    selected_text, blend(color, BADGE_FILL_ALPHA, highlight)))
    return checks
