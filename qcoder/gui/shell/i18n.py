"""The user interface's language: English in the source, Danish from qcoder/data/i18n.

Every user-visible string goes through `tr()`, which Qt's lupdate collects into
qcoder/data/i18n/qcoder_da.ts (context ""); the compiled qcoder_da.qm is shipped beside it.
The language is a setting ("" follows the system locale, "en" or "da"); it takes effect when
the application starts. `python -m qcoder.gui.shell.i18n` refreshes the .ts from the sources and
compiles the .qm with PySide6's lupdate and lrelease.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ...data import data_path

I18N_DIR = data_path("i18n")
LANGUAGES = {"en": "English", "da": "Dansk"}
_installed: list[QTranslator] = []


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)


def resolve_language(setting: str) -> str:
    """The language to use for a setting: "da"/"en", or the system's when empty."""
    if setting in LANGUAGES:
        return setting
    return "da" if QLocale.system().language() == QLocale.Language.Danish else "en"


def install(app, setting: str) -> str:
    """Install the translators for the chosen language; returns the language used."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    language = resolve_language(setting)
    if language == "en":
        return language
    ours = QTranslator(app)
    if ours.load(str(I18N_DIR / f"qcoder_{language}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)  # Qt's own dialogs and buttons (OK, Cancel...)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return language


def linguist_tool(name: str) -> str:
    """The path of a Qt Linguist tool PySide6 installs (pyside6-lupdate, pyside6-lrelease).
    It lies beside the Python that runs us, which need not be on PATH (a venv not activated)."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise FileNotFoundError(f"{name} is neither beside {sys.executable} nor on PATH: "
                                "it comes with PySide6-Essentials")
    return found


def collect_strings(ts: Path) -> None:
    """Refresh `ts` with the tr() strings of qcoder/gui, dropping those no longer used."""
    sources = sorted(str(p) for p in Path(__file__).parents[1].rglob("*.py"))
    subprocess.run([linguist_tool("pyside6-lupdate"), *sources, "-no-obsolete",
                    "-locations", "none", "-ts", str(ts)], check=True)


def compile_translations(ts: Path, qm: Path) -> None:
    subprocess.run([linguist_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True)


def update_translations() -> None:
    """Collect the strings of qcoder/gui into the .ts files and compile them."""
    for language in LANGUAGES:
        if language == "en":
            continue
        ts = I18N_DIR / f"qcoder_{language}.ts"
        collect_strings(ts)
        compile_translations(ts, ts.with_suffix(".qm"))


if __name__ == "__main__":
    update_translations()
    sys.exit(0)
