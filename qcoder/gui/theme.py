"""Light and dark palettes on the Fusion style, following the system's colour scheme unless the
user chose one. Code colours stay as the codebook sets them; only their highlight strength
adapts (document_view.highlight_alpha)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

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


def apply_theme(app: QApplication, theme: str = "system") -> bool:
    """Set the palette; returns whether it is dark."""
    app.setStyle(QStyleFactory.create("Fusion"))
    dark = theme == "dark" or (theme == "system" and system_is_dark())
    app.setPalette(dark_palette() if dark else light_palette())
    return dark
