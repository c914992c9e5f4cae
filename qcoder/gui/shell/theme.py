"""Light and dark palettes on the Fusion style, following the system's colour scheme unless the
user chose one. Code colours stay as the codebook sets them; only their highlight strength
adapts (document_view.highlight_alpha). Fusion outlines check boxes in the window colour made
darker, which vanishes on a dark palette; `ThemeStyle` redraws that outline legibly (radio
buttons too)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory

THEMES = ("system", "light", "dark")


def system_is_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def dark_palette() -> QPalette:
    p = QPalette()
    roles = QPalette.ColorRole
    base, window, text = QColor("#1f2125"), QColor("#2b2d31"), QColor("#e6e6e6")
    for role, color in (
        (roles.Window, window), (roles.WindowText, text), (roles.Base, base),
        (roles.AlternateBase, QColor("#26282c")), (roles.ToolTipBase, QColor("#3a3d42")),
        (roles.ToolTipText, text), (roles.Text, text), (roles.Button, QColor("#33363b")),
        (roles.ButtonText, text), (roles.BrightText, QColor("#ff6b6b")),
        (roles.Highlight, QColor("#3d6fb6")), (roles.HighlightedText, QColor("#ffffff")),
        (roles.Link, QColor("#8cb4ff")), (roles.PlaceholderText, QColor("#8b8f96")),
        (roles.Mid, QColor("#4a4d52")), (roles.Dark, QColor("#17181b")),
        (roles.Light, QColor("#45484e")), (roles.Midlight, QColor("#3a3d42")),
        (roles.Shadow, QColor("#0d0e10")),
    ):
        p.setColor(role, color)
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#777a80"))
    return p


def light_palette() -> QPalette:
    p = QApplication.style().standardPalette()
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#f4f5f7"))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#80848a"))
    return p


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


class ThemeStyle(QProxyStyle):
    """Fusion, with check boxes (plain and in item views) and radio buttons outlined in a
    colour that stands out from a dark background (about 4:1 against the dark Base)."""

    OUTLINED = (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
                QStyle.PrimitiveElement.PE_IndicatorRadioButton)

    def __init__(self):
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(self, element, option, painter: QPainter, widget=None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in self.OUTLINED or not is_dark(option.palette):
            return
        state, flag = option.state, QStyle.StateFlag
        if state & flag.State_HasFocus and state & flag.State_KeyboardFocusChange:
            return  # Fusion's focus outline (Highlight) says more
        if state & flag.State_Enabled:
            colour = option.palette.color(QPalette.ColorRole.PlaceholderText)
        else:
            colour = option.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Mid)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(colour))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = option.rect
        if element == QStyle.PrimitiveElement.PE_IndicatorCheckBox:
            painter.translate(0.5, 0.5)   # Fusion's own geometry for the box
            painter.drawRect(rect.adjusted(0, 0, -1, -1))
        else:                             # ... and for the circle
            radius = (rect.width() + (rect.width() + 1) % 2) / 2.0 - 1
            painter.drawEllipse(QPointF(rect.center()) + QPointF(1, 1), radius, radius)
        painter.restore()


def apply_theme(app: QApplication, theme: str = "system") -> bool:
    """Set the style and palette; returns whether it is dark."""
    app.setStyle(ThemeStyle())
    dark = theme == "dark" or (theme == "system" and system_is_dark())
    app.setPalette(dark_palette() if dark else light_palette())
    return dark
