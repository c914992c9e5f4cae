"""The suggestions pane on the demo project, driven with pytest-qt: candidates per code with
their terms marked, accept (origin "suggested"), reject, accept all for a code, undo, and the
jump to the passage."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from qcoder.core.coding.codings import list_codings
from qcoder.core.demo import build_demo
from qcoder.core.language.candidates import Candidate
from qcoder.core.lookup import document_by_name
from qcoder.core.store import Project
from qcoder.core.store.models import Coder, Coding
from qcoder.core.store.models_nlp import SuggestionRejection
from qcoder.gui.coding.suggestion_items import CANDIDATE_ROLE, HTML_ROLE
from qcoder.gui.shell.main_window import MainWindow
from tests.gui.helpers import make_settings
from tests.gui.screens import dark_theme, screenshot


@pytest.fixture
def window(qtbot, tmp_path):
    path = build_demo(tmp_path / "d.qcoder")
    window = MainWindow(Project.open(path), settings=make_settings(tmp_path, coder="Anna"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()


def _settle(qtbot, panel) -> None:
    """Wait for a run, and for the refresh a change schedules, to finish."""
    qtbot.waitUntil(lambda: not panel.busy and not panel._refresh_timer.isActive(),
                    timeout=60_000)


def _find(qtbot, panel, scope: str = "all") -> None:
    panel.scope.setCurrentIndex(panel.scope.findData(scope))
    assert panel.run(interactive=True)
    _settle(qtbot, panel)
    assert panel.has_run


def _candidates(panel) -> list[Candidate]:
    return [item.data(0, CANDIDATE_ROLE) for item in panel.tree.items()
            if isinstance(item.data(0, CANDIDATE_ROLE), Candidate)]


def _anna_codings(project) -> list[tuple]:
    with project.session() as s:
        return s.execute(sa.select(Coding.document_id, Coding.code_id, Coding.start, Coding.end,
                                   Coding.origin)
                         .join(Coder).where(Coder.name == "Anna")).all()


def test_pane_lists_candidates_for_five_codes_with_terms_marked(qtbot, window):
    panel = window.suggestions
    assert "Nothing is coded until you accept" in panel.status.text()
    _find(qtbot, panel)
    groups = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    assert len(groups) >= 5
    assert all(g.childCount() >= 1 for g in groups)
    listed = _candidates(panel)
    assert len(listed) == len(panel.candidates)
    assert f"{len(listed)} suggestions for {len(groups)} codes in 6 documents" == \
        panel.status.text()
    with window.project.session() as s:
        texts = {n: document_by_name(s, n).text for n in {c.suggestion.document for c in listed}}
    for c in listed:
        x = c.suggestion
        assert c.text == texts[x.document][x.start:x.end]
        assert c.marks, "every candidate shows where its terms matched"
        for a, b in c.marks:
            assert c.text[a:b].strip() and 0 <= a < b <= len(c.text)
    item = next(i for i in panel.tree.items() if isinstance(i.data(0, CANDIDATE_ROLE), Candidate))
    c = item.data(0, CANDIDATE_ROLE)
    a, b = c.marks[0]
    assert f"font-weight:600'>{c.text[a:b]}</span>" in item.data(0, HTML_ROLE)
    assert item.text(1) == c.suggestion.document
    # suggestions are not codings
    assert not any(origin == "suggested" for *_r, origin in _anna_codings(window.project))


def test_accept_codes_the_passage_as_suggested_and_undo_takes_it_back(qtbot, window):
    panel, wb = window.suggestions, window.workbench
    _find(qtbot, panel)
    before = _anna_codings(window.project)
    first = _candidates(panel)[0]
    panel.tree.select(first)
    x = first.suggestion
    assert window.view.document_id == x.document_id  # the click jumped to the passage
    assert window.view.selected_range() == (x.start, x.end)
    assert panel.accept_button.isEnabled()
    panel.accept_button.click()

    added = set(_anna_codings(window.project)) - set(before)
    assert added == {(x.document_id, x.code_id, x.start, x.end, "suggested")}
    assert first.key not in {c.key for c in _candidates(panel)}
    assert wb.undo.undoText() == "Accept suggestions"
    mark = next(m for m in window.view.index.by_uuid.values()
                if (m.start, m.end, m.code_id) == (x.start, x.end, x.code_id))
    assert mark.origin == "suggested"
    assert "Accepted suggestion" in window.view.stripes.tooltip(mark)
    _settle(qtbot, panel)
    assert first.key not in {c.key for c in panel.candidates}  # the refresh agrees

    wb.undo.undo()
    assert sorted(_anna_codings(window.project)) == sorted(before)
    _settle(qtbot, panel)
    assert first.key in {c.key for c in _candidates(panel)}
    wb.undo.redo()
    assert set(_anna_codings(window.project)) - set(before) == added


def test_reject_removes_the_candidate_for_good_until_undone(qtbot, window):
    panel, wb = window.suggestions, window.workbench
    _find(qtbot, panel)
    before = _anna_codings(window.project)
    chosen = _candidates(panel)[:2]
    panel.tree.select(chosen[0])
    for c in chosen:  # both selected, rejected as one step
        next(i for i in panel.tree.items() if panel.tree.key_of(i) == c.key).setSelected(True)
    assert panel.reject_selected() == 2
    listed = {c.key for c in _candidates(panel)}
    assert not listed & {c.key for c in chosen}
    assert _anna_codings(window.project) == before  # a rejection codes nothing
    with window.project.session() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(SuggestionRejection)) == 2
    _find(qtbot, panel)  # not offered again
    assert not {c.key for c in panel.candidates} & {c.key for c in chosen}
    assert wb.undo.undoText() == "Reject suggestions"
    wb.undo.undo()
    _settle(qtbot, panel)
    assert {c.key for c in chosen} <= {c.key for c in panel.candidates}


def test_accept_all_for_a_code_and_the_current_document_scope(qtbot, window):
    panel = window.suggestions
    doc = window.view.document_id
    _find(qtbot, panel, scope="document")
    assert {c.suggestion.document_id for c in panel.candidates} == {doc}
    group = panel.tree.topLevelItem(0)
    code_id = group.data(0, CANDIDATE_ROLE)
    n = group.childCount()
    panel.tree.setCurrentItem(group)
    assert panel.accept_code_button.isEnabled()
    assert panel.accept_code() == n
    coded = [r for r in list_codings(window.project)
             if r.coder == "Anna" and r.origin == "suggested"]
    assert len(coded) == n
    assert code_id not in {c.suggestion.code_id for c in panel.candidates}
    window.workbench.undo.undo()
    assert not [r for r in list_codings(window.project) if r.origin == "suggested"]


def test_without_a_coder_nothing_runs_and_the_reason_is_shown(qtbot, tmp_path, monkeypatch):
    path = build_demo(tmp_path / "d.qcoder")
    window = MainWindow(Project.open(path), settings=make_settings(tmp_path))
    qtbot.addWidget(window)
    shown = []
    monkeypatch.setattr("qcoder.gui.coding.suggestions_panel.QMessageBox.information",
                        lambda _parent, title, text: shown.append(text))
    assert window.suggestions.run(interactive=True) is False
    assert "Choose who is coding first" in shown[0]
    window.close()


def test_suggestions_pane_in_the_dark_palette(qtbot, window, tmp_path):
    panel = window.suggestions
    with dark_theme():
        _find(qtbot, panel)
        panel.tree.select(_candidates(panel)[3])
        dock = window.suggestions_dock
        dock.setFloating(True)
        dock.resize(780, 560)
        image = screenshot(dock, tmp_path, "suggestions_pane_dark.png")
    assert image.pixelColor(20, 200).lightness() < 110  # a dark background
    status = panel.status.palette().color(panel.status.foregroundRole())
    assert status.lightness() > 150  # legible on it


def test_a_passage_moved_by_an_edit_is_not_coded_from_a_stale_list(qtbot, window):
    from qcoder.core.documents.editing import edit_text

    panel = window.suggestions
    _find(qtbot, panel, scope="document")
    first = _candidates(panel)[0]
    x = first.suggestion
    with window.project.session() as s:
        text = document_by_name(s, x.document).text
    edit_text(window.project, x.document, "Indledning.\n" + text)  # everything moves on
    before = _anna_codings(window.project)
    panel.tree.select(first)
    assert panel.accept_selected() == 0
    assert _anna_codings(window.project) == before
    assert "The text changed" in panel.status.text()
    _settle(qtbot, panel)
    moved = {(c.suggestion.code_id, c.suggestion.start) for c in panel.candidates}
    assert (x.code_id, x.start + len("Indledning.\n")) in moved
