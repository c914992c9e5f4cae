"""Hypothesis actions on one coding, for its context menus (document view, coded-segments list,
a display cell's codings): flag it as counter-evidence (modfortælling) for a hypothesis, or
take it as evidence for the verdict on its case. Each is an undoable core operation run
through the window's workbench."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QMenu

from ...core.analysis.counter_evidence import FlagCounterEvidence, UnflagCounterEvidence
from ...core.analysis.evidence import coding_stance
from ...core.analysis.verdicts import SetEvidence
from ..shell.i18n import tr

#: the hypothesis operations' undo labels, so that lupdate offers them for translation
LABELS = (
    QT_TRANSLATE_NOOP("", "Set verdict"), QT_TRANSLATE_NOOP("", "Choose evidence"),
    QT_TRANSLATE_NOOP("", "Edit verdict note"), QT_TRANSLATE_NOOP("", "Edit display cell"),
    QT_TRANSLATE_NOOP("", "Flag as counter-evidence"),
    QT_TRANSLATE_NOOP("", "Remove counter-evidence flag"),
    QT_TRANSLATE_NOOP("", "Restore verdict"),
    QT_TRANSLATE_NOOP("", "Evidence and counter-evidence"),
)


def add_hypothesis_actions(window, menu: QMenu, uuid: str) -> QMenu:
    """A "Hypotheses" submenu for the coding: per hypothesis, counter-evidence on/off and
    evidence for the verdict on each of the coding's cases."""
    sub = menu.addMenu(tr("Hypotheses"))
    stance = coding_stance(window.project, uuid) if window.project is not None else None
    if stance is None or not stance.hypotheses:
        sub.addAction(tr("No hypotheses yet - load a codebook with hypotheses")).setEnabled(False)
        return sub
    run = window.workbench.run
    for hyp in stance.hypotheses:
        per = sub.addMenu(hyp.title)
        flag = per.addAction(tr("Counter-evidence (modfortælling)"))
        flag.setCheckable(True)
        flag.setChecked(hyp.id in stance.flagged)
        flag.triggered.connect(lambda on, h=hyp.id: run(
            FlagCounterEvidence(uuid, h) if on else UnflagCounterEvidence(uuid, h)))
        for case_id, case in stance.cases:
            chosen = stance.evidence.get((case_id, hyp.id), ())
            action = per.addAction(tr("Evidence for the verdict on {case}").format(case=case))
            action.setCheckable(True)
            action.setChecked(uuid in chosen)
            action.triggered.connect(lambda on, c=case_id, h=hyp.id, old=chosen: run(SetEvidence(
                c, h, tuple(old) + (uuid,) if on else tuple(u for u in old if u != uuid))))
    return sub


def segment_menu(window, row: int) -> QMenu | None:
    """The context menu of a row of the coded-segments list: go to the passage, hypothesis
    actions."""
    if not 0 <= row < len(window.retrieval.rows):
        return None
    seg = window.retrieval.rows[row]
    menu = QMenu(window.retrieval.table)
    menu.addAction(tr("Go to passage"), lambda: window.jump_to(
        seg.document_id, seg.start, seg.end, seg.uuid))
    add_hypothesis_actions(window, menu, seg.uuid)
    return menu


def install_segment_menu(window) -> None:
    table = window.retrieval.table
    table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show(pos) -> None:
        menu = segment_menu(window, table.rowAt(pos.y()))
        if menu is not None:
            menu.exec(table.viewport().mapToGlobal(pos))

    table.customContextMenuRequested.connect(show)
