"""What the user does to codings from the main window: apply a code (tree, drag and drop,
Ctrl+1..9, quick-code box), code the turn/sentence/paragraph under the cursor, remove,
recode, resize and annotate codings from their stripe or the text's context menu, and code
all search hits. A mixin of MainWindow; every change runs through the Workbench's undo stack.

Only the current coder's own codings can be changed; other coders' codings are shown (unless
hidden) but left as they made them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMenu

from ...core.coding.codings import ApplyCoding, CodingSpec
from ...core.coding.layers import CodingMark
from ...core.coding.memos import SaveMemo, memo_on, memo_target
from ...core.documents.units import snap_to_words, unit_at
from ...core.operations import Batch
from ..shell.dialogs import CodeChooser, MemoDialog
from ..shell.i18n import tr
from .document_view import PASSAGE_MIME, passage_from_mime


class PassageDropFilter(QObject):
    """Lets a passage dragged from the document be dropped on a code of the code tree."""

    def __init__(self, tree, code_role, apply):
        super().__init__(tree)
        self.tree, self.code_role, self.apply = tree, code_role, apply
        tree.setAcceptDrops(True)
        tree.viewport().setAcceptDrops(True)
        tree.viewport().installEventFilter(self)

    def _code_at(self, event) -> int | None:
        item = self.tree.itemAt(event.position().toPoint())
        return item.data(0, self.code_role) if item is not None else None

    def eventFilter(self, obj, event) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        if not event.mimeData().hasFormat(PASSAGE_MIME):
            return False
        code_id = self._code_at(event) if kind != QEvent.Type.DragEnter else None
        if kind == QEvent.Type.DragEnter or code_id is not None:
            event.acceptProposedAction()
        else:
            event.ignore()
        if kind == QEvent.Type.Drop and code_id is not None:
            doc, start, end = passage_from_mime(event.mimeData())
            self.apply(code_id, doc, start, end)
        return True


class CodingActions:
    """Mixin for MainWindow: expects self.workbench, self.view, self.code_info, self.status."""

    # -- applying codes ------------------------------------------------------------------
    def snap_words(self) -> bool:
        return str(self.settings.value("snap_words", "true")).lower() == "true"

    def apply_code(self, code_id: int) -> str | None:
        """Code the selected text with `code_id`; tells the user when nothing is selected."""
        rng = self.view.selected_range()
        if rng is None or self.view.document_id is None:
            self.statusBar().showMessage(tr("Select some text first, then choose the code."), 4000)
            return None
        return self.apply_range(code_id, self.view.document_id, *rng)

    def apply_range(self, code_id: int, document_id: int, start: int, end: int) -> str | None:
        if self.snap_words() and self.view.layers and self.view.document_id == document_id:
            start, end = snap_to_words(self.view.layers.text, start, end)
        uuid = self.workbench.apply(code_id, document_id, start, end)
        if uuid is None:
            return None
        if self.view.document_id == document_id:
            path, color = self.code_info[code_id]
            self.view.add_mark(CodingMark(uuid, start, end, code_id, path, color,
                                          self.workbench.coder_name))
            self.view.viewport().repaint()
        self.note_change([document_id])
        self.statusBar().showMessage(tr("Coded with {code}").format(
            code=self.code_info[code_id][0]), 3000)
        return uuid

    def apply_shortcut(self, n: int) -> None:
        codes = self.workbench.shortcut_codes()
        if n < len(codes):
            self.apply_code(codes[n])
        else:
            self.statusBar().showMessage(tr("No code on Ctrl+{n} yet: pin one with Code > Pin "
                                            "current code.").format(n=n + 1), 4000)

    def apply_passage_drop(self, code_id: int, document_id: int, start: int, end: int) -> None:
        self.apply_range(code_id, document_id, start, end)

    def code_unit(self, kind: str) -> None:
        """Code the turn, sentence or paragraph under the cursor with the current code."""
        code_id = self.current_code_id()
        doc = self.view.document_id
        if code_id is None or doc is None:
            self.statusBar().showMessage(tr("Choose a code in the codebook first."), 4000)
            return
        rng = unit_at(self.workbench.project, doc, self.view.cursor_position(), kind)
        if rng is None:
            self.statusBar().showMessage(tr("There is no {unit} at the cursor.").format(
                unit=self.unit_name(kind)), 4000)
            return
        uuid = self.workbench.apply(code_id, doc, *rng)
        if uuid is not None:
            path, color = self.code_info[code_id]
            self.view.add_mark(CodingMark(uuid, *rng, code_id, path, color,
                                          self.workbench.coder_name))
            self.view.viewport().update()
            self.note_change([doc])

    @staticmethod
    def unit_name(kind: str) -> str:
        return {"turn": tr("speaker turn"), "sentence": tr("sentence"),
                "paragraph": tr("paragraph")}[kind]

    def code_hits(self, hits: list) -> None:
        """Code every search hit with the current code (or one chosen now), in one step."""
        code_id = self.current_code_id() or self.choose_code(tr("Code all hits with"))
        if code_id is None or not hits or self.workbench.coder_id is None:
            return
        ops = tuple(ApplyCoding(CodingSpec(h.document_id, h.start, h.end, code_id,
                                           self.workbench.coder_id, round=self.workbench.round))
                    for h in hits)
        if self.workbench.run(Batch(ops, label="Code all hits")) is not None:
            self.workbench.remember_code(code_id)
            self.statusBar().showMessage(tr("Coded the hits with {code}: {n}").format(
                n=len(hits), code=self.code_info[code_id][0]), 5000)

    def choose_code(self, title: str) -> int | None:
        dialog = CodeChooser(title, {cid: path for cid, (path, _c) in self.code_info.items()}, self)
        return dialog.value() if dialog.exec() else None

    # -- changing codings ----------------------------------------------------------------
    def own(self, uuid: str) -> bool:
        mark = self.view.index.by_uuid.get(uuid)
        return mark is not None and mark.coder == self.workbench.coder_name

    def remove_coding(self, uuid: str) -> None:
        if self.own(uuid) and self.workbench.remove(uuid):
            self.statusBar().showMessage(tr("Coding removed (Ctrl+Z brings it back)"), 4000)

    def remove_selected_coding(self) -> None:
        if self.view.selected_uuid:
            self.remove_coding(self.view.selected_uuid)

    def recode_coding(self, uuid: str) -> None:
        code_id = self.choose_code(tr("Recode with"))
        if code_id is not None and self.own(uuid):
            self.workbench.recode(uuid, code_id)

    def resize_coding(self, uuid: str, start: int, end: int) -> None:
        if not self.own(uuid):
            self.statusBar().showMessage(tr("Only your own codings can be resized."), 4000)
            self.view.stripes.update()
            return
        self.workbench.resize(uuid, start, end)

    def resize_to_selection(self, uuid: str) -> None:
        rng = self.view.selected_range()
        if rng is not None:
            self.resize_coding(uuid, *rng)

    def coding_memo(self, uuid: str) -> None:
        dialog = MemoDialog(tr("Memo on the coding"), self.workbench.coding_memo(uuid), self)
        if dialog.exec() and self.own(uuid):
            self.workbench.set_coding_memo(uuid, dialog.value())

    def memo_on_selected_coding(self) -> None:
        if self.view.selected_uuid:
            self.coding_memo(self.view.selected_uuid)

    def target_memo(self, kind: str, target_uuid: str, name: str) -> None:
        """Edit the memo of a document, code or case."""
        existing = memo_on(self.workbench.project, kind, target_uuid)
        title = {"document": tr("Memo on document {name}"), "code": tr("Memo on code {name}"),
                 "case": tr("Memo on case {name}")}[kind].format(name=name)
        dialog = MemoDialog(title, existing.text if existing else "", self)
        if dialog.exec() and dialog.value() != (existing.text if existing else ""):
            self.workbench.run(SaveMemo(kind, target_uuid, dialog.value(),
                                        coder_id=self.workbench.coder_id,
                                        uuid=existing.uuid if existing else ""))

    def memo_on_document(self) -> None:
        doc = self.view.document_id
        target = None if doc is None else memo_target(self.workbench.project, "document", id=doc)
        if target is not None:
            self.target_memo("document", target.uuid, target.name)

    def memo_on_code(self) -> None:
        code = self.current_code_id()
        target = None if code is None else memo_target(self.workbench.project, "code", id=code)
        if target is not None:
            self.target_memo("code", target.uuid, target.name)

    def memo_on_case(self, case_uuid: str) -> None:
        target = memo_target(self.workbench.project, "case", uuid=case_uuid)
        self.target_memo("case", case_uuid, target.name if target else "")

    # -- context menus -------------------------------------------------------------------
    def coding_menu(self, menu: QMenu, uuid: str) -> None:
        mine = self.own(uuid)
        for text, slot, enabled in (
            (tr("Remove coding"), lambda: self.remove_coding(uuid), mine),
            (tr("Recode…"), lambda: self.recode_coding(uuid), mine),
            (tr("Resize to the selected text"), lambda: self.resize_to_selection(uuid),
             mine and self.view.selected_range() is not None),
            (tr("Memo on the coding…"), lambda: self.coding_memo(uuid), mine),
            (tr("Also code this passage with…"), lambda: self._copy_coding(uuid), True),
        ):
            action = menu.addAction(text)
            action.triggered.connect(slot)
            action.setEnabled(enabled)

    def _copy_coding(self, uuid: str) -> None:
        code_id = self.choose_code(tr("Also code with"))
        if code_id is not None:
            self.workbench.copy_coding(uuid, code_id)

    def stripe_menu(self, uuid: str, global_pos) -> None:
        mark = self.view.index.by_uuid.get(uuid)
        if mark is None:
            return
        menu = QMenu(self)
        head = menu.addAction(f"{mark.code_path} ({mark.coder})")
        head.setEnabled(False)
        self.coding_menu(menu, uuid)
        menu.exec(global_pos)

    def text_menu(self, pos: int, global_pos) -> None:
        if self.view.layers is None:
            return
        menu = QMenu(self)
        if self.view.selected_range():
            menu.addAction(tr("Copy"), self.view.copy)
            apply_menu = menu.addMenu(tr("Apply code"))
            for n, code_id in enumerate(self.workbench.shortcut_codes()):
                apply_menu.addAction(f"{n + 1}  {self.code_info[code_id][0]}",
                                     lambda c=code_id: self.apply_code(c))
            apply_menu.addAction(tr("Other code…"), self._apply_chosen)
        else:
            cursor = self.view.cursorForPosition(self.view.viewport().mapFromGlobal(global_pos))
            self.view.setTextCursor(cursor)
            code_id = self.current_code_id()
            name = self.code_info[code_id][0].rsplit("/", 1)[-1] if code_id else None
            for kind in ("turn", "sentence", "paragraph"):
                action = menu.addAction(
                    tr("Code this {unit} with {code}").format(unit=self.unit_name(kind),
                                                              code=name) if name
                    else tr("Code this {unit} (choose a code first)").format(
                        unit=self.unit_name(kind)),
                    lambda k=kind: self.code_unit(k))
                action.setEnabled(code_id is not None)
        marks = self.view.index.at(pos)
        if marks:
            menu.addSeparator()
            for mark in marks:
                sub = menu.addMenu(f"{mark.code_path.split('/', 1)[-1]} ({mark.coder})")
                self.coding_menu(sub, mark.uuid)
        menu.addSeparator()
        menu.addAction(tr("Memo on this document…"), self.memo_on_document)
        menu.exec(global_pos)

    def _apply_chosen(self) -> None:
        code_id = self.choose_code(tr("Apply code"))
        if code_id is not None:
            self.apply_code(code_id)

    def install_drop(self, tree, code_role) -> None:
        self._drop_filter = PassageDropFilter(tree, code_role, self.apply_passage_drop)

