"""The codebook panel and editor on a real project with the shipped codebooks, via pytest-qt."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent, QImage, QTextDocument
from PySide6.QtTest import QTest

from qcoder.core.codebooks.code_ops import edit_code
from qcoder.core.codebooks.loading import load_codebooks
from qcoder.core.coding.codings import apply_coding, list_codings
from qcoder.core.documents.adding import add_document
from qcoder.core.documents.importers import read_transcript
from qcoder.core.lookup import code_by_path, coder_by_name, document_by_name
from qcoder.core.store import Project
from qcoder.core.store.models import Code, Memo
from qcoder.gui.codebook.codebook_editor import CodebookEditor
from qcoder.gui.codebook.codebook_panel import CODE_ROLE, CodebookPanel
from tests.conftest import INTERVIEW

SHIPPED = Path(__file__).resolve().parents[2] / "codebooks"
CHRISTIANSBORG = "strom_motivation/Policy-seeking/Relation til Christiansborg"
BARRIERS = "strom_motivation/Policy-seeking/Økonomiske og administrative barrierer"


@pytest.fixture
def coded(tmp_path):
    """A project with an interview, the Strøm and harassment codebooks, codings by Anna and Bo."""
    project = Project.create(tmp_path / "panel æøå.qcoder")
    source = tmp_path / "interview.txt"
    source.write_text(INTERVIEW, encoding="utf-8")
    add_document(project, read_transcript(source), kind="mayor_interview")
    load_codebooks(project, [SHIPPED / "strom_motivation.yaml", SHIPPED / "harassment.yaml"])
    with project.transaction() as s:
        doc = document_by_name(s, "interview")
        anna = coder_by_name(s, "Anna", create=True)
        bo = coder_by_name(s, "Bo", create=True)
        target = code_by_path(s, CHRISTIANSBORG)
    start = doc.text.index("gennemføre")
    for who in (anna, bo):
        apply_coding(project, doc, start, start + 10, target, who)
    yield project, anna.id
    project.close()


def _item(tree, code_id):
    stack = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    while stack:
        item = stack.pop()
        if item.data(0, CODE_ROLE) == code_id:
            return item
        stack.extend(item.child(i) for i in range(item.childCount()))
    raise AssertionError(f"code {code_id} not in the tree")


def _code(project, path):
    with project.session() as s:
        return code_by_path(s, path)


def test_tree_counts_swatches_tooltip_and_detail_pane(qtbot, coded):
    project, anna = coded
    panel = CodebookPanel(project)
    qtbot.addWidget(panel)
    panel.set_coder(anna, "Anna")
    titles = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert titles == ["Chikane og politisk arbejdsmiljø", "Strøm: office-, policy- og vote-seeking"]
    assert panel.tree.headerItem().text(2) == "Anna"
    code = _code(project, CHRISTIANSBORG)
    item = _item(panel.tree, code.id)
    assert (item.text(1), item.text(2)) == ("2", "1")
    assert not item.icon(0).isNull()
    assert code.definition.split(",")[0] in item.toolTip(0)
    strom = panel.tree.topLevelItem(1)
    assert (strom.text(1), strom.text(2)) == ("2", "1")

    assert panel.select_code(code.id)
    html = panel.detail.toPlainText()
    for part in ("Relation til Christiansborg", "Definition", code.definition[:40], "Include",
                 "Exclude", "Indicators", "kritiserer retorikken om kommunerne", "Example",
                 "Hypotheses", "H1b Relationen til Christiansborg og nationalpolitikken - supports",
                 "2 codings, 1 by Anna"):
        assert part in html, part
    panel.tree.setCurrentItem(strom)
    book = panel.detail.toPlainText()
    assert "H1a (under H1): Lokale begrænsninger" in book
    assert ("Display: Mulighed for at opnå indflydelse og udvikling | Argument for at trække sig | "
            "Konsekvens") in book


def test_filter_shows_matches_with_their_ancestors(qtbot, coded):
    project, _anna = coded
    panel = CodebookPanel(project)
    qtbot.addWidget(panel)
    qtbot.keyClicks(panel.filter, "dødstrussel")  # a keyword of 'Trusler', not its name
    shown = [i for i in panel._items() if not i.isHidden()]
    assert [i.text(0) for i in shown] == ["Chikane og politisk arbejdsmiljø", "Chikane og angreb",
                                          "Trusler"]
    assert all(i.isExpanded() for i in shown[:-1])
    panel.filter.clear()
    assert not any(i.isHidden() for i in panel._items())


def test_enter_or_double_click_emits_code_activated(qtbot, coded):
    project, _anna = coded
    panel = CodebookPanel(project)
    qtbot.addWidget(panel)
    panel.show()
    code = _code(project, BARRIERS)
    panel.select_code(code.id)
    with qtbot.waitSignal(panel.codeActivated, timeout=2000) as blocker:
        QTest.keyClick(panel.tree, Qt.Key.Key_Return)
    assert blocker.args == [code.id]
    book = panel.tree.topLevelItem(0)
    with qtbot.assertNotEmitted(panel.codeActivated):
        panel.tree.itemActivated.emit(book, 0)


def test_refresh_updates_counts_and_keeps_selection(qtbot, coded):
    project, anna = coded
    panel = CodebookPanel(project)
    qtbot.addWidget(panel)
    code = _code(project, BARRIERS)
    panel.select_code(code.id)
    with project.session() as s:
        doc = document_by_name(s, "interview")
    start = doc.text.index("Økonomien")
    apply_coding(project, doc, start, start + 9, code, anna)
    panel.refresh()
    assert panel.current_code_id() == code.id
    assert _item(panel.tree, code.id).text(1) == "1"
    assert "1 coding" in panel.detail.toPlainText()


def test_panel_renders_to_png(qtbot, coded, tmp_path):
    project, anna = coded
    panel = CodebookPanel(project)
    qtbot.addWidget(panel)
    panel.set_coder(anna, "Anna")
    panel.resize(460, 820)
    panel.select_code(_code(project, CHRISTIANSBORG).id)
    panel.show()
    qtbot.waitExposed(panel)
    out = tmp_path / "codebook panel.png"
    assert panel.grab().save(str(out))
    image = QImage(str(out))
    assert (image.width(), image.height()) == (460, 820)
    colours = {image.pixel(x, y) for x in range(0, 460, 9) for y in range(0, 820, 9)}
    assert len(colours) > 20  # text, swatches and selection, not a blank widget


# -- the editor --------------------------------------------------------------------------------
def _editor(qtbot, project, **kwargs) -> CodebookEditor:
    editor = CodebookEditor(project, **kwargs)
    qtbot.addWidget(editor)
    editor.warnings = []
    editor.warn = lambda title, text: editor.warnings.append(text)
    return editor


def test_editor_saves_every_field_and_undoes(qtbot, coded):
    project, _anna = coded
    editor = _editor(qtbot, project)
    code = _code(project, BARRIERS)
    before = (code.definition, code.keywords, code.color)
    editor.select_code(code.id)
    f = editor.form.fields
    f["definition"].setPlainText("Ny definition æøå.\nAnden linje.")
    f["keywords"].setText("budget, gæld")
    f["color"].setText("#00aa00")
    f["origin"].setCurrentText("inductive")
    f["round_added"].setValue(2)
    row = next(r for r in range(editor.form.hypotheses.rowCount())
               if editor.form.hypotheses.item(r, 0).data(Qt.ItemDataRole.UserRole) == "H2")
    editor.form.hypotheses.cellWidget(row, 1).setCurrentText("contradicts")
    assert set(editor.form.dirty()) == {"definition", "keywords", "color", "origin",
                                        "round_added", "hypotheses"}
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    edited = _code(project, BARRIERS)
    assert (edited.definition, edited.keywords, edited.color, edited.origin, edited.round_added) == (
        "Ny definition æøå.\nAnden linje.", ["budget", "gæld"], "#00aa00", "inductive", 2)
    assert editor.form.dirty() == {}
    editor.undo()
    restored = _code(project, BARRIERS)
    assert (restored.definition, restored.keywords, restored.color) == before


def test_editor_shows_the_stored_fields_of_the_chosen_code(qtbot, coded):
    project, _anna = coded
    edit_code(project, CHRISTIANSBORG, label_da="Forholdet til Christiansborg æøå",
              label_en="Relation to the national parliament", hypotheses=[("H2", "contradicts")])
    editor = _editor(qtbot, project)
    code = _code(project, CHRISTIANSBORG)
    editor.select_code(code.id)
    f = editor.form.fields
    assert (f["name"].text(), f["label_da"].text(), f["label_en"].text(), f["color"].text()) == (
        code.name, "Forholdet til Christiansborg æøå", "Relation to the national parliament",
        code.color)
    assert f["definition"].toPlainText() == code.definition
    assert f["keywords"].text() == ", ".join(code.keywords or [])
    links = {editor.form.hypotheses.item(r, 0).data(Qt.ItemDataRole.UserRole):
             editor.form.hypotheses.cellWidget(r, 1).currentData()
             for r in range(editor.form.hypotheses.rowCount())}
    assert links.pop("H2") == "contradicts"
    assert set(links.values()) == {"—"}  # every other hypothesis unlinked
    assert editor.form.dirty() == {}


def test_editor_refuses_bad_input_with_a_message(qtbot, coded):
    project, _anna = coded
    editor = _editor(qtbot, project)
    editor.select_code(_code(project, BARRIERS).id)
    editor.form.fields["name"].setText("Byrådssamarbejde")  # a sibling's name
    editor.save()
    assert "already a code 'Byrådssamarbejde'" in editor.warnings[-1]
    assert _code(project, BARRIERS).name == "Økonomiske og administrative barrierer"


def test_editor_add_sub_code_and_delete_with_confirmation(qtbot, coded):
    project, _anna = coded
    editor = _editor(qtbot, project)
    parent = _code(project, "strom_motivation/Policy-seeking")
    editor.select_code(parent.id)
    editor.ask_text = lambda title, label: "Borgernær politik"
    editor.add_sub_code()
    new = _code(project, "strom_motivation/Policy-seeking/Borgernær politik")
    assert new.origin == "inductive"  # coding has begun in this project
    assert editor.form.fields["name"].text() == "Borgernær politik"
    asked = []
    editor.confirm = lambda title, text, yes: asked.append((text, yes)) or True
    editor.delete_code()
    assert asked[-1] == ("Delete 'Strøm: office-, policy- og vote-seeking/Policy-seeking/"
                         "Borgernær politik'? It holds no codings.", "Delete")
    with project.session() as s:
        assert s.scalar(sa.select(Code).where(Code.uuid == new.uuid)) is None
    editor.undo()
    assert _code(project, "strom_motivation/Policy-seeking/Borgernær politik").uuid == new.uuid


def test_editor_delete_with_codings_offers_merge_and_merges(qtbot, coded):
    project, _anna = coded
    sink = []
    editor = _editor(qtbot, project, undo_sink=lambda label, inverse: sink.append((label, inverse)))
    source = _code(project, CHRISTIANSBORG)
    target = _code(project, "strom_motivation/Øvrige")
    editor.select_code(source.id)
    asked = []
    editor.confirm = lambda title, text, yes: asked.append((text, yes)) or True
    editor.choose_code = lambda title, label, choices: dict(choices)[
        "Strøm: office-, policy- og vote-seeking/Øvrige"]
    editor.delete_code()
    text, yes = asked[-1]
    assert "holds 2 codings by 2 coders" in text and "Merge it into another code" in text
    assert yes == "Merge…"
    rows = list_codings(project)
    assert [r.code for r in rows] == ["Strøm: office-, policy- og vote-seeking/Øvrige"] * 2
    with project.session() as s:
        memo = s.scalar(sa.select(Memo).where(Memo.target_uuid == target.uuid))
    assert memo.title.startswith("Merged Strøm: office-, policy- og vote-seeking/Policy-seeking/"
                                 "Relation til Christiansborg")
    assert [label for label, _inverse in sink] == ["Merge codes"]
    assert not editor.actions["undo"].isVisible()


def test_editor_moves_codes_by_drag_and_drop(qtbot, coded):
    project, _anna = coded
    editor = _editor(qtbot, project)
    editor.resize(1000, 2400)  # every row visible, so drops land where aimed
    editor.show()
    qtbot.waitExposed(editor)
    tree = editor.tree
    source = _code(project, "strom_motivation/Vote-seeking")
    office = _code(project, "strom_motivation/Office-seeking")

    def drop(source_id, target_id, where):
        src, dst = _item(tree, source_id), _item(tree, target_id)
        tree.setCurrentItem(src)
        rect = tree.visualItemRect(dst)
        y = {"on": rect.center().y(), "above": rect.top() + 1, "below": rect.bottom() - 1}[where]
        event = QDropEvent(QPointF(rect.center().x(), y), Qt.DropAction.MoveAction,
                           tree.mimeData([src]), Qt.MouseButton.LeftButton,
                           Qt.KeyboardModifier.NoModifier)
        with qtbot.waitSignal(tree.moveRequested, timeout=2000):
            tree.dropEvent(event)

    drop(source.id, office.id, "on")
    moved = _code(project, "strom_motivation/Office-seeking/Vote-seeking")
    assert moved.uuid == source.uuid
    with project.session() as s:
        kids = [c.name for c in s.scalars(sa.select(Code).where(Code.parent_id == office.id)
                                           .order_by(Code.position))]
    assert kids[-1] == "Vote-seeking"
    drop(source.id, office.id, "above")  # back to the top level, first of all
    with project.session() as s:
        top = [c.name for c in s.scalars(sa.select(Code).where(
            Code.parent_id.is_(None), Code.codebook_id == office.codebook_id)
            .order_by(Code.position))]
    assert top[:2] == ["Vote-seeking", "Office-seeking"]
    editor.undo()
    assert _code(project, "strom_motivation/Office-seeking/Vote-seeking").uuid == source.uuid


# -- blind mode, the dark palette, Help > About -----------------------------------------------
def test_blind_mode_shows_no_other_coders_counts(qtbot, coded, tmp_path):
    project, anna = coded
    panel = CodebookPanel(project)
    qtbot.addWidget(panel)
    panel.set_coder(anna, "Anna")
    code = _code(project, CHRISTIANSBORG)
    parent = _code(project, "strom_motivation/Policy-seeking")
    panel.select_code(code.id)
    assert "2 codings, 1 by Anna" in panel.detail.toPlainText()

    panel.set_blind(True)
    assert panel.tree.isColumnHidden(1)
    text = panel.detail.toPlainText()
    assert "your codings: 1" in text
    assert "2 codings" not in text and "by Anna" not in text
    for item in panel._items():  # nothing of Bo's in any cell or tooltip
        assert item.text(1) == "" and item.toolTip(1) == ""
    assert _item(panel.tree, code.id).text(2) == "1"
    panel.select_code(parent.id)
    assert "your codings: 0; 1 with sub-codes" in panel.detail.toPlainText()
    assert "2 with sub-codes" not in panel.detail.toPlainText()

    editor = _editor(qtbot, project, coder_id=anna, blind=True)
    editor.select_code(code.id)
    asked = []
    editor.confirm = lambda title, text, yes: asked.append(text) or False
    editor.delete_code()
    assert "holds codings, 1 of them yours" in asked[-1] and "2 coders" not in asked[-1]

    panel.set_blind(False)
    assert not panel.tree.isColumnHidden(1)
    assert "2 with sub-codes" in panel.detail.toPlainText()


def test_the_window_puts_the_codebook_in_blind_mode(qtbot, coded, tmp_path):
    from qcoder.gui.shell.main_window import MainWindow
    from tests.gui.helpers import make_settings

    project, _anna = coded
    window = MainWindow(project, settings=make_settings(tmp_path, coder="Anna"))
    qtbot.addWidget(window)
    code = _code(project, CHRISTIANSBORG)
    window.codebook.select_code(code.id)
    window.workbench.set_blind(True)
    assert window.codebook.blind
    assert "2 codings" not in window.codebook.detail.toPlainText()
    assert "your codings: 1" in window.codebook.detail.toPlainText()
    window.workbench.set_blind(False)
    assert "2 codings, 1 by Anna" in window.codebook.detail.toPlainText()
    window.project = None  # the fixture closes the project


def test_panel_reads_well_in_the_dark_palette(qtbot, coded, tmp_path):
    from tests.gui.screens import dark_theme, screenshot

    project, anna = coded
    with dark_theme():
        panel = CodebookPanel(project)
        qtbot.addWidget(panel)
        panel.set_coder(anna, "Anna")
        panel.resize(460, 820)
        panel.select_code(_code(project, CHRISTIANSBORG).id)
        panel.show()
        qtbot.waitExposed(panel)
        html = panel.detail.toHtml()
        image = screenshot(panel, tmp_path, "codebook_panel_dark.png")
    assert "#555555" not in html and "#666666" not in html
    assert "#8b8f96" in html  # the dark palette's muted text colour
    assert image.pixelColor(10, 700).lightness() < 110


def test_about_names_the_language_pipeline():
    from qcoder.core.language.nlp import pipeline_name
    from qcoder.gui.shell.help import about_html

    doc = QTextDocument()
    doc.setHtml(about_html())
    assert f"Danish language tools (sentences, lemmas, suggestions, pseudonymisation): " \
           f"{pipeline_name()}" in doc.toPlainText()
