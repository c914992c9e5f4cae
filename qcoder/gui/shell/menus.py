"""The main window's menus and keyboard shortcuts, in one place so they can be read (and
translated) together. Returns the actions other code updates: recent projects, blind mode,
visibility, the Ctrl+1..9 shortcut codes, line numbers."""

from __future__ import annotations

import importlib

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication

from ..coding.case_panel import CASE_ROLE
from ..coding.suggestions_panel import open_suggestions
from .dialogs import JournalDialog, SettingsDialog
from .help import GettingStartedDialog, show_about
from .i18n import tr
from .theme import apply_theme


class OnUse:
    """The function `name` of `module` (under qcoder.gui), imported when a menu item first calls
    it: the dialogs behind the menus, and the domain code and numpy they need, load when used
    instead of before the window shows."""

    def __init__(self, module: str, name: str):
        self.module, self.name = module, name

    def __call__(self, *args):
        return getattr(importlib.import_module(self.module, "qcoder.gui"), self.name)(*args)


open_agreement = OnUse(".agreement.agreement_dialog", "open_agreement")
import_case_attributes = OnUse(".files.attributes_dialog", "import_case_attributes")
open_displays = OnUse(".displays.displays_window", "open_displays")
edit_document_text = OnUse(".files.edit_text_dialog", "edit_document_text")
export_package = OnUse(".files.package_dialogs", "export_package")
merge_package_dialog = OnUse(".files.package_dialogs", "merge_package_dialog")
open_pseudonymise = OnUse(".files.pseudonymise_dialog", "open_pseudonymise")
export_codebook = OnUse(".files.refi_dialogs", "export_codebook")
export_refi_project = OnUse(".files.refi_dialogs", "export_refi_project")
import_codebook = OnUse(".files.refi_dialogs", "import_codebook")
import_refi_project = OnUse(".files.refi_dialogs", "import_refi_project")
open_speakers = OnUse(".files.speakers_panel", "open_speakers")


def _action(window, menu, text: str, slot, shortcut=None, checkable: bool = False) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(shortcut if not isinstance(shortcut, str) else QKeySequence(shortcut))
    action.setCheckable(checkable)
    action.triggered.connect(slot)
    menu.addAction(action)
    return action


def build_menus(window) -> dict:
    acts: dict = {}
    bar = window.menuBar()
    wb = window.workbench

    file_menu = bar.addMenu(tr("&File"))
    _action(window, file_menu, tr("&New project…"), window.new_project, QKeySequence.StandardKey.New)
    _action(window, file_menu, tr("&Open project…"), window.open_project_dialog,
            QKeySequence.StandardKey.Open)
    acts["recent_menu"] = file_menu.addMenu(tr("Open &recent"))
    file_menu.addSeparator()
    acts["import"] = _action(window, file_menu, tr("&Import documents…"), window.import_documents,
                             "Ctrl+I")
    _action(window, file_menu, tr("Import case &attributes…"),
            lambda: import_case_attributes(window))
    file_menu.addSeparator()
    _action(window, file_menu, tr("Import REFI-QDA pro&ject (.qdpx)…"),
            lambda: import_refi_project(window))
    _action(window, file_menu, tr("Export REFI-QDA projec&t (.qdpx)…"),
            lambda: export_refi_project(window))
    _action(window, file_menu, tr("Import code&book (REFI-QDA .qdc)…"),
            lambda: import_codebook(window))
    _action(window, file_menu, tr("Export codebook (REFI-QDA .q&dc)…"),
            lambda: export_codebook(window))
    file_menu.addSeparator()
    _action(window, file_menu, tr("&Export coder package…"), lambda: export_package(window))
    _action(window, file_menu, tr("&Merge coder package…"), lambda: merge_package_dialog(window))
    file_menu.addSeparator()
    _action(window, file_menu, tr("&Who is coding…"), lambda: window.ask_coder())
    _action(window, file_menu, tr("&Settings…"), lambda: open_settings(window),
            QKeySequence.StandardKey.Preferences)
    file_menu.addSeparator()
    _action(window, file_menu, tr("&Quit"), window.close, QKeySequence.StandardKey.Quit)

    edit = bar.addMenu(tr("&Edit"))
    undo = wb.undo.createUndoAction(window, tr("Undo"))
    undo.setShortcut(QKeySequence("Ctrl+Z"))
    redo = wb.undo.createRedoAction(window, tr("Redo"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    edit.addAction(undo)
    edit.addAction(redo)
    acts["undo"], acts["redo"] = undo, redo
    edit.addSeparator()
    _action(window, edit, tr("&Copy"), window.view.copy, QKeySequence.StandardKey.Copy)
    _action(window, edit, tr("&Find in all documents…"), lambda: focus_search(window),
            QKeySequence.StandardKey.Find)
    _action(window, edit, tr("&Quick code…"), lambda: window.quick.setFocus(), "Ctrl+K")

    view = bar.addMenu(tr("&View"))
    acts["line_numbers"] = _action(window, view, tr("&Line numbers"), window.set_line_numbers,
                                   "Ctrl+L", checkable=True)
    acts["line_numbers"].setChecked(window.view.gutter.isVisibleTo(window.view))
    _action(window, view, tr("Zoom &in"), lambda: window.zoom(1),
            QKeySequence.StandardKey.ZoomIn).setShortcuts(
        [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
    _action(window, view, tr("Zoom &out"), lambda: window.zoom(-1), QKeySequence("Ctrl+-"))
    _action(window, view, tr("&Normal size"), lambda: window.zoom(0), QKeySequence("Ctrl+0"))
    view.addSeparator()
    shown = view.addMenu(tr("Show codings &by"))
    group = QActionGroup(window)
    acts["visibility"] = {}
    for mode, text in (("mine", tr("&Me only")), ("chosen", tr("Me and &chosen coders…")),
                       ("all", tr("&All coders"))):
        slot = (window.choose_visible_coders if mode == "chosen"
                else lambda _=False, m=mode: wb.set_visibility(m))
        action = _action(window, shown, text, slot, checkable=True)
        action.setChecked(wb.mode == mode)
        group.addAction(action)
        acts["visibility"][mode] = action
    acts["blind"] = _action(window, view, tr("&Blind mode (only my codings)"),
                            window.toggle_blind, "Ctrl+Shift+B", checkable=True)
    acts["blind"].setToolTip(tr("Hide other coders' codings everywhere, for independent coding"))
    view.addSeparator()
    for dock in (window.documents_dock, window.codes_dock, window.retrieval_dock,
                 window.search_dock, window.cases_dock, window.suggestions_dock):
        view.addAction(dock.toggleViewAction())
    view.addAction(window.toolbar.toggleViewAction())

    code = bar.addMenu(tr("&Code"))
    _action(window, code, tr("Apply the &current code"),
            lambda: window.current_code_id() and window.apply_code(window.current_code_id()),
            "Ctrl+Return")
    _action(window, code, tr("Code the speaker &turn at the cursor"),
            lambda: window.code_unit("turn"), "Ctrl+Shift+T")
    _action(window, code, tr("Code the &sentence at the cursor"),
            lambda: window.code_unit("sentence"), "Ctrl+Shift+S")
    _action(window, code, tr("Code the &paragraph at the cursor"),
            lambda: window.code_unit("paragraph"), "Ctrl+Shift+P")
    code.addSeparator()
    _action(window, code, tr("&Remove the selected coding"), window.remove_selected_coding,
            QKeySequence.StandardKey.Delete)
    _action(window, code, tr("&Memo on the selected coding…"), window.memo_on_selected_coding)
    code.addSeparator()
    _action(window, code, tr("P&in current code to Ctrl+1…9"), window.pin_current_code)
    shortcuts = code.addMenu(tr("&Shortcut codes"))
    acts["shortcuts"] = [
        _action(window, shortcuts, tr("Shortcut code {n}").format(n=n + 1),
                lambda _=False, i=n: window.apply_shortcut(i), f"Ctrl+{n + 1}")
        for n in range(9)]

    code.addSeparator()
    _action(window, code, tr("Su&ggest codings from keywords…"), lambda: open_suggestions(window))

    document = bar.addMenu(tr("&Document"))
    _action(window, document, tr("Edit &text…"), lambda: edit_document_text(window), "Ctrl+E")
    _action(window, document, tr("&Speakers…"), lambda: open_speakers(window))
    _action(window, document, tr("&Pseudonymise…"), lambda: open_pseudonymise(window))

    project = bar.addMenu(tr("&Project"))
    _action(window, project, tr("&Journal…"), lambda: open_journal(window), "Ctrl+J")
    _action(window, project, tr("Memo on the &document…"), window.memo_on_document)
    _action(window, project, tr("Memo on the current c&ode…"), window.memo_on_code)
    _action(window, project, tr("Memo on the selected &case…"), lambda: case_memo(window))

    if "analyse_menu" not in acts:
        acts["analyse_menu"] = bar.addMenu(tr("&Analyse"))
    _action(window, acts["analyse_menu"], tr("&Intercoder agreement…"),
            lambda: open_agreement(window), "Ctrl+Shift+A")

    if "analyse_menu" not in acts:
        acts["analyse_menu"] = bar.addMenu(tr("&Analyse"))
    displays = acts["analyse_menu"]
    displays.addSeparator()
    _action(window, displays, tr("&Hypothesis display…"),
            lambda: open_displays(window, "hypotheses"), "Ctrl+Shift+H")
    _action(window, displays, tr("&Overview matrix…"), lambda: open_displays(window, "overview"))
    _action(window, displays, tr("&Code × case matrix…"), lambda: open_displays(window, "matrix"),
            "Ctrl+Shift+M")
    _action(window, displays, tr("&Motivation profile…"), lambda: open_displays(window, "profile"))
    _action(window, displays, tr("&Joint display…"), lambda: open_displays(window, "joint"))

    help_menu = bar.addMenu(tr("&Help"))
    _action(window, help_menu, tr("&Getting started"),
            lambda: GettingStartedDialog(window).exec(), QKeySequence.StandardKey.HelpContents)
    _action(window, help_menu, tr("&About qcoder"), lambda: show_about(window))
    return acts


def focus_search(window) -> None:
    window.search_dock.show()
    window.search_dock.raise_()
    window.search.query.setFocus()
    window.search.query.selectAll()


def open_journal(window) -> None:
    JournalDialog(window.workbench.project, window.workbench.run,
                  window.workbench.coder_id, window).exec()


def case_memo(window) -> None:
    index = window.cases.view.currentIndex()
    uuid = window.cases.proxy.data(index, CASE_ROLE) if index.isValid() else None
    if uuid:
        window.memo_on_case(uuid)
    else:
        window.statusBar().showMessage(tr("Select a case in the Cases table first."), 4000)


def open_settings(window) -> None:
    dialog = SettingsDialog(window.settings, window)
    if dialog.exec():
        dialog.save()
        apply_theme(QApplication.instance(), window.settings.value("theme", "system"))
        window.view.viewport().update()
        if window.codebook is not None:
            window.codebook.refresh()  # its accent colours follow the palette
