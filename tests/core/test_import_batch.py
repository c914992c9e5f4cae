"""Batch import into a real project: summary, duplicates, failures roll back, cancel, undo/redo,
and speaker rename/merge/interviewer/link as undoable operations."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from qcoder.core.documents.batch_import import collect_files, import_files
from qcoder.core.documents.importers import read_transcript
from qcoder.core.documents.speakers import (
    edit_speakers,
    link_speaker,
    list_speakers,
    rename_in_transcript,
    rename_speaker,
    set_interviewers,
)
from qcoder.core.errors import CancelledError, InputFileError, NotFoundError
from qcoder.core.operations import run
from qcoder.core.store import Project
from qcoder.core.store.models import Case, Document, Speaker, StructureRange
from tests.conftest import dump_project

FG = """## Vignet 1: Kira, 4
Interviewer: Hvad tænker I?
Sara: Jeg er bekymret.
Karen: Enig.
S1: Ja.
## Vignet 2: Mads, 14
Interviewer: Og Mads?
Sara: Vent og se.
Karen: Gråzone.
S1: Måske.
"""


def _dump(path):
    return dump_project(path, without_meta=True)


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "udskrifter æøå"
    (d / "gruppe").mkdir(parents=True)
    (d / "gruppe" / "kommune A.txt").write_text(FG, encoding="utf-8")
    (d / "kommune B.txt").write_text(FG.replace("Kira", "Ida"), encoding="utf-8")
    (d / "kopi af A.txt").write_text(FG.replace("\n", "\r\n"), encoding="utf-8")  # same text
    (d / "noter.xlsx").write_bytes(b"not a transcript")
    (d / ".skjult.txt").write_text("I: x\nR: y\nI: z\nR: w", encoding="utf-8")
    (d / "~$lås.docx").write_bytes(b"lock")
    return d


def test_folder_import_summary_and_duplicates(tmp_path, folder):
    assert [p.name for p in collect_files([folder])] == ["gruppe/kommune A.txt".split("/")[1],
                                                         "kommune B.txt", "kopi af A.txt"]
    seen = []
    with Project.create(tmp_path / "p.qcoder") as project:
        result = import_files(project, [folder], kind="vignette_group", case="Kommune A",
                              report=lambda d, n, w: seen.append((d, n, w)))
        summary = result.value
        assert [f.status for f in summary.files] == ["imported", "imported", "duplicate"]
        assert "already document 'kommune A'" in summary.files[2].message
        assert summary.totals() == {"documents": 2, "turns": 16, "speakers": 8, "pages": 0,
                                    "sections": 4, "duplicates": 1, "failed": 0}
        assert seen[0] == (0, 3, "kommune A.txt") and seen[-1] == (3, 3, "done")
        with project.session() as s:
            docs = {d.name: d for d in s.scalars(sa.select(Document))}
            assert set(docs) == {"kommune A", "kommune B"}
            assert {d.kind for d in docs.values()} == {"vignette_group"}
            assert [c.name for c in docs["kommune A"].cases] == ["Kommune A"]
            # speakers are scoped to their document: two "Sara"s
            assert s.scalar(sa.select(sa.func.count()).select_from(Speaker)
                            .where(Speaker.name == "Sara")) == 2
        again = import_files(project, [folder / "kommune B.txt"]).value
        assert again.totals()["duplicates"] == 1 and again.totals()["documents"] == 0


def test_failed_file_leaves_project_unchanged(tmp_path, folder):
    path = tmp_path / "p.qcoder"
    Project.create(path).close()
    (folder / "zz tom.txt").write_bytes(b"")
    before = _dump(path)
    with Project.open(path) as project:
        with pytest.raises(InputFileError, match="zz tom.txt.*empty"):
            import_files(project, [folder])
    assert _dump(path) == before
    with Project.open(path) as project:
        summary = import_files(project, [folder], skip_failed=True).value
    assert [f.status for f in summary.files] == ["imported", "imported", "duplicate", "failed"]
    assert "zz tom.txt" in summary.failed[0].message


def test_cancel_rolls_back(tmp_path, folder):
    path = tmp_path / "p.qcoder"
    Project.create(path).close()
    before = _dump(path)

    def cancel(done, total, what):
        if done == 1:
            raise CancelledError("cancelled by the user")

    with Project.open(path) as project:
        with pytest.raises(CancelledError):
            import_files(project, [folder], report=cancel)
    assert _dump(path) == before


def test_undo_and_redo_import(tmp_path, folder):
    path = tmp_path / "p.qcoder"
    Project.create(path).close()
    empty = _dump(path)
    with Project.open(path) as project:
        result = import_files(project, [folder], case="K")
        imported = _dump(path)
        undone = run(project, result.inverse)
        assert undone.value == [2, "K"]   # two documents and the case the import created
        assert _dump(path) == empty
        run(project, undone.inverse)
    assert sorted(_dump(path)) == sorted(imported)


def test_bad_paths(tmp_path):
    with pytest.raises(InputFileError, match="no such file or folder"):
        collect_files([tmp_path / "mangler"])
    (tmp_path / "tom").mkdir()
    with pytest.raises(InputFileError, match="holds no transcripts"):
        collect_files([tmp_path / "tom"])


@pytest.fixture
def fg_project(tmp_path):
    src = tmp_path / "fokusgruppe.txt"
    src.write_text(FG, encoding="utf-8")
    with Project.create(tmp_path / "fg.qcoder") as project:
        import_files(project, [src])
        yield project


def _state(project):
    with project.session() as s:
        return (
            sorted((sp.uuid, sp.name, sp.is_interviewer, sp.case_id)
                   for sp in s.scalars(sa.select(Speaker))),
            sorted((r.id, r.speaker_id, r.label) for r in s.scalars(
                sa.select(StructureRange).where(StructureRange.kind == "turn"))),
        )


def test_rename_merge_and_undo(fg_project):
    project = fg_project
    assert [s.name for s in list_speakers(project, "fokusgruppe")] == [
        "Interviewer", "Sara", "Karen", "S1"]
    start = _state(project)
    renamed = rename_speaker(project, "fokusgruppe", "S1", "Søren")
    info = {s.name: s for s in list_speakers(project, "fokusgruppe")}
    assert info["Søren"].turns == 2 and "S1" not in info
    merged = rename_speaker(project, "fokusgruppe", "Søren", "Karen")
    info = {s.name: s for s in list_speakers(project, "fokusgruppe")}
    assert set(info) == {"Interviewer", "Sara", "Karen"} and info["Karen"].turns == 4
    with project.session() as s:
        labels = set(s.scalars(sa.select(StructureRange.label)
                               .where(StructureRange.kind == "turn")))
        assert labels == {"Interviewer", "Sara", "Karen"}
    run(project, merged.inverse)
    run(project, renamed.inverse)
    assert _state(project) == start
    with pytest.raises(NotFoundError, match="its speakers are: 'Interviewer'"):
        rename_speaker(project, "fokusgruppe", "Ukendt", "X")


def test_merge_keeps_interviewer_flag_and_batch_undo(fg_project):
    project = fg_project
    start = _state(project)
    result = edit_speakers(project, "fokusgruppe", renames=[("Interviewer", "Moderator")],
                           interviewers=["Moderator", "Sara"])
    assert {s.name for s in list_speakers(project, "fokusgruppe") if s.interviewer} == {
        "Moderator", "Sara"}
    run(project, result.inverse)
    assert _state(project) == start
    # merging an interviewer into a participant keeps the merged speaker an interviewer; undo
    # restores both flags
    merged = rename_speaker(project, "fokusgruppe", "Interviewer", "Sara")
    assert [s.interviewer for s in list_speakers(project, "fokusgruppe") if s.name == "Sara"] == [True]
    run(project, merged.inverse)
    assert _state(project) == start
    back = set_interviewers(project, "fokusgruppe", [])
    assert not any(s.interviewer for s in list_speakers(project, "fokusgruppe"))
    run(project, back.inverse)
    assert _state(project) == start


def test_link_speaker_to_participant_case(fg_project):
    result = link_speaker(fg_project, "fokusgruppe", "Sara", "Deltager 3, Kommune A")
    info = {s.name: s for s in list_speakers(fg_project, "fokusgruppe")}
    assert info["Sara"].case == "Deltager 3, Kommune A"
    run(fg_project, result.inverse)
    assert {s.name: s for s in list_speakers(fg_project, "fokusgruppe")}["Sara"].case is None
    with fg_project.session() as s:
        assert s.scalar(sa.select(Case.name)) == "Deltager 3, Kommune A"


def test_rename_before_storing(tmp_path):
    src = tmp_path / "fg.txt"
    src.write_text(FG, encoding="utf-8")
    t = read_transcript(src)
    rename_in_transcript(t, "S1", "Sara")
    assert t.speakers == ["Interviewer", "Sara", "Karen"]
    with pytest.raises(NotFoundError):
        rename_in_transcript(t, "S1", "X")


def test_big_file_reports_each_step(tmp_path):
    """A file over BIG_FILE (here 6 MB of Danish interview text) reports reading, structure
    detection and saving, so a progress bar moves during one long file."""
    from qcoder.core.documents.batch_import import BIG_FILE

    turn = "Interviewer: Hvordan oplevede du presset fra byrådet?\n" \
           "Jens: Det var hårdt, især op til budgettet, og familien mærkede det også. 😓\n"
    big = tmp_path / "stor udskrift.txt"
    big.write_text(turn * (BIG_FILE // len(turn.encode("utf-8")) + 1000), encoding="utf-8")
    seen = []
    with Project.create(tmp_path / "p.qcoder") as project:
        summary = import_files(project, [big], report=lambda d, n, w: seen.append(w)).value
    assert seen == ["stor udskrift.txt", "stor udskrift.txt: reading",
                    "stor udskrift.txt: finding speakers, pages and sections",
                    "stor udskrift.txt: saving",
                    "sentences and word forms: documents indexed", "done"]
    assert summary.imported[0].speakers == ["Interviewer", "Jens"]
    assert summary.imported[0].turns == 2 * (BIG_FILE // len(turn.encode("utf-8")) + 1000)


def test_prepared_transcripts_are_stored_as_previewed(tmp_path, folder):
    files = collect_files([folder])
    preview = {files[0]: read_transcript(files[0])}
    rename_in_transcript(preview[files[0]], "S1", "Søren")
    with Project.create(tmp_path / "p.qcoder") as project:
        import_files(project, files, prepared=preview)
        assert [s.name for s in list_speakers(project, "kommune A")] == [
            "Interviewer", "Sara", "Karen", "Søren"]
        assert "S1" in [s.name for s in list_speakers(project, "kommune B")]


def test_import_stores_sentences_and_word_forms(tmp_path, folder):
    """Sentences and lemmas are computed once at import, so search and agreement need not parse."""
    from qcoder.core.language.text_index import stale_documents, stored_sentences

    with Project.create(tmp_path / "p.qcoder") as project:
        import_files(project, [folder])
        with project.session() as s:
            assert stale_documents(s, None) == []
            doc_id = s.scalar(sa.select(Document.id).order_by(Document.id))
            assert stored_sentences(s, doc_id)
