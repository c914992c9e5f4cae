"""How the main window follows the project: from what a change touched (a core `Changes`) to
the few panel calls that show it. A coding applied repaints its document and recounts that
document and the codebook; a code renamed rebuilds the codebook and the marks' names; an
import refills the lists. The open document is redrawn at once; the lists a moment later,
once for a burst of changes.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer

from ...core import catalog
from ...core.changes import ALL_DOCS, NOTHING, Changes, Docs
from ...core.coding.layers import document_layers
from .workbench import DRAWN_BY_CALLER


class ChangeRefresh:
    """Mixin for MainWindow: expects the workbench, the panels (view, documents, cases,
    codebook, retrieval), blind_badge_action and _read_codes, _apply_blind_to_codebook,
    _update_shortcuts, _update_title, _update_status."""

    def _follow_changes(self) -> None:
        self._pending = NOTHING   # what the lists have not shown yet
        self._cases_stale = False  # ... and whether the case table must be filled for it
        self._lists_timer = QTimer(self, singleShot=True, interval=0)
        self._lists_timer.timeout.connect(self.refresh_lists)
        self.workbench.changed.connect(self.show_changes)

    def refresh(self) -> None:
        """Re-read everything shown from the project."""
        self._pending, self._cases_stale = NOTHING, False
        self._read_codes()
        self._apply_blind_to_codebook()
        self.blind_badge_action.setVisible(self.workbench.blind)
        self.documents.fill(self.project, self.workbench.visible_coders(),
                            self.workbench.coder_name)
        self.cases.fill(self.project)
        self.codebook.refresh()
        self._update_shortcuts()
        self._update_title()
        self._update_status()

    def show_changes(self, changes: Changes, initiator: object = None) -> None:
        """Show what changed: the open document now, the lists soon. The initiator shows its
        own part already (the case table its edit, the coding actions a new coding)."""
        if changes.codes:
            self._read_codes()
        doc = self.view.document_id
        if doc is not None and (doc in changes.documents or doc in changes.speakers):
            self._reopen_document()
        elif doc is not None and (doc in changes.codings or changes.codes) and not (
                initiator is DRAWN_BY_CALLER and changes == Changes(codings=Docs.of({doc}))):
            self.redraw_codings()
        self._queue(changes, shown_by_case_table=initiator is self.cases)

    def note_change(self, documents: list[int] | None) -> None:
        """The lists show stale coding counts for these documents (None: all); refresh soon."""
        self._queue(Changes(codings=ALL_DOCS if documents is None else Docs.of(documents)))

    def _queue(self, changes: Changes, shown_by_case_table: bool = False) -> None:
        self._pending |= changes
        self._cases_stale |= bool(changes.cases or changes.documents) and not shown_by_case_table
        if self._pending:
            self._lists_timer.start()

    # -- the open document -------------------------------------------------------------------
    def _reopen_document(self) -> None:
        """Its text, turns or speakers changed (an edit, a pseudonymisation, its removal)."""
        doc = self.view.document_id
        if doc not in {d.id for d in catalog.documents(self.project)}:
            self.view.show_empty()
            return
        self.view.show_layers(document_layers(self.project, doc,
                                              self.workbench.visible_coders()))

    def redraw_codings(self) -> None:
        """Draw the open document's codings as stored, for the coders shown; left alone when
        nothing drawn differs, so the stripes keep their lanes."""
        doc = self.view.document_id
        if doc is None:
            return
        marks = document_layers(self.project, doc, self.workbench.visible_coders()).codings
        if set(marks) != set(self.view.index):
            self.view.set_marks(marks)

    # -- the lists ---------------------------------------------------------------------------
    def refresh_lists(self) -> None:
        changes, self._pending = self._pending, NOTHING
        cases_stale, self._cases_stale = self._cases_stale, False
        if self.project is None or not changes:
            return
        visible, coder = self.workbench.visible_coders(), self.workbench.coder_name
        if changes.documents:     # added, removed, renamed or edited: names, groups, shares
            self.documents.fill(self.project, visible, coder)
        elif changes.codings:
            self.documents.update_counts(self.project, visible, coder, changes.codings.listed())
        if cases_stale:   # (not for a value the table shows because it was typed there)
            self.cases.fill(self.project)
        if changes.codes or changes.codings or changes.hypotheses:
            self.codebook.refresh()
        if self.retrieval.code_id is not None and (
                changes.codings or changes.documents or changes.speakers or changes.cases
                or changes.codes or changes.settings):   # a segment's text, case, citation
            self.retrieval.reload()
        if changes.codes or changes.codings:   # names, and the codes just used
            self._update_shortcuts()
        if changes.settings:
            self._update_title()
        self._update_status()
