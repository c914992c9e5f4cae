"""The dark theme: an unticked check box (in an item view or on its own) or radio button has
an outline that stands out from the background (WCAG's 3:1 for interface components);
Fusion's own outline there is barely darker than the background."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
)

from qcoder.core.documents.adding import add_document
from qcoder.core.documents.importers import read_transcript
from qcoder.gui.files.package_dialogs import ExportPackageDialog
from qcoder.gui.shell.main_window import MainWindow
from tests.gui.helpers import make_settings
from tests.gui.screens import dark_theme, screenshot


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def best_contrast(image: QImage, rect: QRect, background: QColor) -> float:
    """The strongest contrast to `background` of any pixel in `rect` (the box's outline)."""
    rect = rect.intersected(image.rect())
    return max(contrast(image.pixelColor(x, y), background)
               for x in range(rect.left(), rect.right() + 1)
               for y in range(rect.top(), rect.bottom() + 1))


def _dialog(qtbot, project, tmp_path):
    for name in ("Ærø borgmester", "Ølstykke fokusgruppe"):
        src = tmp_path / f"{name}.txt"
        src.write_text("Interviewer: Hvordan gik det?\n\nJens: Det gik godt.\n", encoding="utf-8")
        add_document(project, read_transcript(src), kind="mayor_interview")
    window = MainWindow(project, settings=make_settings(tmp_path, coder="Anna"))
    qtbot.addWidget(window)
    dialog = ExportPackageDialog(project, window.workbench, window)
    qtbot.addWidget(dialog)
    dialog.documents.item(0).setCheckState(Qt.CheckState.Unchecked)
    return window, dialog


def test_an_unticked_item_in_a_list_is_visible_in_the_dark_theme(qtbot, project, tmp_path):
    with dark_theme():
        window, dialog = _dialog(qtbot, project, tmp_path)
        dialog.show()
        qtbot.waitExposed(dialog)
        screenshot(dialog, tmp_path, "dark_checkboxes.png")
        view = dialog.documents
        image = view.viewport().grab().toImage()
        base = view.palette().color(QPalette.ColorRole.Base)
        row = view.visualItemRect(view.item(0))
        # the tick box sits at the row's left, before the name
        box = QRect(row.left(), row.top(), row.height() + 4, row.height())
        assert best_contrast(image, box, base) >= 3.0
        ticked = view.visualItemRect(view.item(1))
        assert best_contrast(image, QRect(ticked.left(), ticked.top(), ticked.height() + 4,
                                          ticked.height()), base) >= 3.0
    window.project = None  # the fixture closes the project


@pytest.mark.parametrize("kind, indicator", [
    (QCheckBox, QStyle.SubElement.SE_CheckBoxIndicator),
    (QRadioButton, QStyle.SubElement.SE_RadioButtonIndicator)])
def test_an_unticked_button_is_outlined_in_the_dark_theme(qtbot, kind, indicator):
    with dark_theme():
        button = kind("Medtag Ærø")
        qtbot.addWidget(button)
        button.show()
        qtbot.waitExposed(button)
        image = button.grab().toImage()
        option = QStyleOptionButton()
        option.initFrom(button)
        rect = QApplication.style().subElementRect(indicator, option, button)
        window = button.palette().color(QPalette.ColorRole.Window)
        assert rect.right() < button.rect().center().x()   # the box, not the label's text
        assert image.pixelColor(QPoint(rect.center())).lightness() < 128   # not ticked
        assert best_contrast(image, rect, window) >= 3.0
