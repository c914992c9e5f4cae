"""Undo labels: every label an operation carries is offered for translation in
qcoder/gui/undo.py, has a Danish translation, and the Edit menu's Undo entry shows it in Danish."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

import qcoder
from qcoder.core.documents.speakers import RenameSpeaker
from qcoder.core.lookup import document_by_name
from qcoder.gui.shell import i18n
from qcoder.gui.shell.main_window import MainWindow
from qcoder.gui.shell.undo import LABELS
from tests.gui.helpers import make_settings

PACKAGE = Path(qcoder.__file__).parent


def _is_operation(node: ast.ClassDef) -> bool:
    return any(isinstance(f, ast.FunctionDef) and f.name == "execute" for f in node.body)


def operation_labels() -> dict[str, str]:
    """Each constant label of an operation in qcoder/core and qcoder/gui - an operation
    class's `label: str = "..."` default or a `label="..."` argument (Batch(ops, label=...) in
    the GUI too) - with where it is written."""
    found: dict[str, str] = {}
    paths = [*sorted((PACKAGE / "core").rglob("*.py")), *sorted((PACKAGE / "gui").rglob("*.py"))]
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and _is_operation(node):
                values = [st.value for st in node.body
                          if isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name)
                          and st.target.id == "label"]
            elif isinstance(node, ast.keyword) and node.arg == "label":
                values = [node.value]
            else:
                continue
            for value in values:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    where = f"{path.relative_to(PACKAGE)}:{value.lineno}"
                    found.setdefault(value.value, where)
    return found


def test_the_scan_sees_the_operations_it_must():
    labels = operation_labels()
    assert len(labels) > 40
    assert labels["Rename speaker"].startswith("core/documents/speakers.py")
    assert labels["Batch"].startswith("core/operations.py")
    assert labels["Merge overlapping codings"].startswith("core/coding/codings.py")  # a label= argument
    assert labels["Merge speakers"].startswith("gui/files/speakers_panel.py")


def test_every_operation_label_is_offered_for_translation():
    missing = {label: where for label, where in operation_labels().items()
               if label and label not in LABELS}
    assert missing == {}, "add these to LABELS in qcoder/gui/undo.py and translate them"


@pytest.fixture
def danish(qapp):
    app = QApplication.instance()
    assert i18n.install(app, "da") == "da"
    yield
    assert i18n.install(app, "en") == "en"


def test_every_label_has_a_danish_translation():
    root = ET.parse(i18n.I18N_DIR / "qcoder_da.ts").getroot()
    danish = {m.find("source").text: m.find("translation") for m in root.iter("message")}
    untranslated = [label for label in LABELS if label not in danish
                    or danish[label].get("type") == "unfinished"
                    or not (danish[label].text or "").strip()]
    assert untranslated == [], "run `python -m qcoder.gui.shell.i18n` and translate these"


def test_renaming_a_speaker_reads_in_danish_in_the_edit_menu(qtbot, project, tmp_path, danish):
    window = MainWindow(project, settings=make_settings(tmp_path, coder="Anna"))
    qtbot.addWidget(window)
    with project.session() as s:
        doc_id = document_by_name(s, "interview").id
    assert window.workbench.run(RenameSpeaker(doc_id, "Jens", "Jens Ø")) is not None
    undo = window.workbench.undo
    assert undo.undoText() == "Omdøb taler"
    undo.undo()
    assert undo.redoText() == "Omdøb taler"
    window.project = None   # the fixture closes the project
