"""Screenshots from GUI tests: saved in the test's temporary folder, and also in the folder
named by $QCODER_SCREENS when set, for a person to look at."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from qcoder.gui.shell.theme import ThemeStyle, apply_theme


def screenshot(widget, folder: Path, name: str) -> QImage:
    """Render `widget` to `folder/name` (PNG) and return the image; asserts it is not blank."""
    pixmap = widget.grab()
    out = Path(folder) / name
    assert pixmap.save(str(out))
    extra = os.environ.get("QCODER_SCREENS")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        pixmap.save(str(Path(extra) / name))
    image = QImage(str(out))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 20, f"{name} looks blank"
    return image


@contextmanager
def dark_theme():
    """The application in qcoder's dark theme for the duration; the old look restored after."""
    app = QApplication.instance()
    palette, style = QPalette(app.palette()), app.style().name()
    ours = isinstance(app.style(), ThemeStyle)   # a proxy style has no name to restore by
    apply_theme(app, "dark")
    try:
        yield
    finally:
        app.setStyle(ThemeStyle() if ours else QStyleFactory.create(style))
        app.setPalette(palette)
