"""One run of the suggestions pane's search, in a worker thread: the first run loads the Danish
pipeline and indexes the documents, which takes seconds, and a run can be cancelled between
documents (what was indexed by then stays indexed)."""

from __future__ import annotations

from PySide6.QtCore import QThread, Signal

from ...core.errors import CancelledError, QcoderError
from ...core.language.candidates import find_candidates
from ...core.language.suggest import suggest


class SuggestionRun(QThread):
    """One run of `suggest` (indexing what is stale first) off the window's thread."""

    progressed = Signal(int, int)
    found = Signal(object)      # list[Candidate]
    failed = Signal(str)        # "" when cancelled

    def __init__(self, project, coder_id: int, documents: list[str] | None,
                 codebook: str | None, unit: str, parent=None):
        super().__init__(parent)
        self.project, self.coder_id = project, coder_id
        self.documents, self.codebook, self.unit = documents, codebook, unit
        self.cancelled = False

    def _report(self, done: int, total: int, _what: str) -> None:
        if self.cancelled:
            raise CancelledError("cancelled")
        self.progressed.emit(done, total)

    def run(self) -> None:
        try:
            found = suggest(self.project, codebook=self.codebook, documents=self.documents,
                            unit=self.unit, coder=self.coder_id, report=self._report)
            self.found.emit(find_candidates(self.project, found))
        except CancelledError:
            self.failed.emit("")
        except QcoderError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - e.g. the project closed under the run
            self.failed.emit(f"{type(exc).__name__}: {exc}")
