"""Painting one claim row: kind symbol, the claim's words, speaker, and a status badge.

The badge carries a symbol and a word as well as a colour, so status never depends on colour
alone. The claim's words wrap over two lines (one line showed about 40 characters in the
default window), the rest is elided and the tooltip shows it all. Rows have one fixed height,
which lets the view lay out thousands of claims at once.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QTextLayout
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.ui.claims_model import FLAG_SYMBOLS, KIND_NAMES, KIND_SYMBOLS, ClaimRole
from reader.ui.highlights import STATUS_LABELS, STATUS_SYMBOLS, status_color
from reader.ui.theme import BADGE_FILL_ALPHA, LIGHT, Colors

PADDING = 6
TEXT_LINES = 2


def wrapped_lines(text: str, font: QFont, width: int, lines: int = TEXT_LINES) -> list[str]:
    """``text`` broken at word boundaries into at most ``lines`` lines of ``width`` pixels, the
    last one elided when text remains."""
    text = " ".join(text.split())
    metrics = QFontMetrics(font)
    out: list[str] = []
    while text and len(out) < lines - 1:
        layout = QTextLayout(text, font)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(max(width, 1))
        layout.endLayout()
        length = max(line.textLength(), 1)
        out.append(text[:length].rstrip())
        text = text[length:].lstrip()
    if text:
        out.append(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))
    return out


class ClaimDelegate(QStyledItemDelegate):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.colors: Colors = LIGHT

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(200, metrics.height() * (TEXT_LINES + 1) + PADDING * 3)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        text_color = palette.color(QPalette.ColorRole.HighlightedText if selected
                                   else QPalette.ColorRole.Text)
        muted = text_color if selected else self.colors.muted_text
        kind = index.data(ClaimRole.Kind) or ""
        status = index.data(ClaimRole.Status) or "unreviewed"
        dismissed = bool(index.data(ClaimRole.Dismissed))
        speaker = index.data(ClaimRole.Speaker) or ""
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""

        painter.save()
        rect = opt.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        metrics = QFontMetrics(opt.font)
        line = metrics.height()

        # Kind symbol, in a column of its own.
        symbol_font = QFont(opt.font)
        symbol_font.setBold(True)
        painter.setFont(symbol_font)
        painter.setPen(muted)
        painter.drawText(QRect(rect.left(), rect.top(), line + 4, line),
                         Qt.AlignmentFlag.AlignCenter, KIND_SYMBOLS.get(kind, "•"))
        left = rect.left() + line + 10

        # Status badge: symbol and word, framed in the status colour.
        label = "Dismissed" if dismissed else STATUS_LABELS.get(status, status)
        badge = f"{'–' if dismissed else STATUS_SYMBOLS.get(status, '')} {label}"
        badge_font = QFont(opt.font)
        badge_font.setPointSizeF(max(opt.font.pointSizeF() * 0.85, 7.0))
        badge_metrics = QFontMetrics(badge_font)
        badge_width = badge_metrics.horizontalAdvance(badge) + 12
        badge_rect = QRect(rect.right() - badge_width, rect.top(), badge_width, line)
        color = self.colors.unreviewed if dismissed else status_color(self.colors, status)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if status != "unreviewed" and not dismissed:
            fill = QColor(color)
            fill.setAlpha(BADGE_FILL_ALPHA)
            painter.setBrush(fill)
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
        # In the selected row the frame takes the row's text colour: a status colour on the
        # selection's blue is under 3:1 (theme.contrast_checks lists each pair).
        painter.setPen(QPen(text_color if selected else color, 1.2))
        painter.drawRoundedRect(badge_rect.adjusted(0, 1, 0, -1), 6, 6)
        painter.setFont(badge_font)
        painter.setPen(text_color if selected else color)
        painter.drawText(badge_rect, Qt.AlignmentFlag.AlignCenter, badge)

        # The claim's words, then who said it.
        text_font = QFont(opt.font)
        text_font.setStrikeOut(dismissed)
        painter.setFont(text_font)
        painter.setPen(muted if dismissed else text_color)
        text_width = badge_rect.left() - left - 8
        for number, words in enumerate(wrapped_lines(text, text_font, text_width)):
            painter.drawText(QRect(left, rect.top() + number * line, text_width, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, words)
        second = speaker or KIND_NAMES.get(kind, kind)
        if speaker:
            second = f"{KIND_NAMES.get(kind, kind)} · {speaker}"
        # What needs attention, as framed words on the speaker's line: a conflict to resolve, a
        # verdict to re-check (dashed frame), each with a symbol so colour is never needed.
        flag_right = rect.right()
        for flag in reversed(index.data(ClaimRole.Flags) or ()):
            label = f"{FLAG_SYMBOLS.get(flag, '!')} {flag}"
            flag_width = badge_metrics.horizontalAdvance(label) + 12
            flag_rect = QRect(flag_right - flag_width, rect.top() + TEXT_LINES * line + PADDING,
                              flag_width, line)
            flag_color = self.colors.disputed if flag == "Conflict" else self.colors.unverifiable
            pen = QPen(flag_color, 1.2)
            if flag != "Conflict":
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(pen)
            painter.drawRoundedRect(flag_rect.adjusted(0, 1, 0, -1), 6, 6)
            painter.setFont(badge_font)
            painter.setPen(text_color if selected else flag_color)
            painter.drawText(flag_rect, Qt.AlignmentFlag.AlignCenter, label)
            flag_right = flag_rect.left() - 6
        painter.setFont(opt.font)
        painter.setPen(muted)
        width = flag_right - left
        painter.drawText(QRect(left, rect.top() + TEXT_LINES * line + PADDING, width, line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(second, Qt.TextElideMode.ElideRight, width))
        painter.restore()
