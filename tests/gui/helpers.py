"""Shared helpers for GUI tests: settings in a temporary ini file, never the user's."""

from __future__ import annotations

from PySide6.QtCore import QSettings


def make_settings(tmp_path, coder: str | None = None) -> QSettings:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    if coder:
        settings.setValue("coder", coder)
    return settings
