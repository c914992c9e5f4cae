"""Pseudonymisation: detection, consistent pseudonyms, the key outside the project, codings and
structure kept aligned, undo until confirmed, and no original left in the file or exports."""

from __future__ import annotations

import io
import json
import zipfile
from contextlib import redirect_stdout
from pathlib import Path

import docx
import openpyxl
import pytest
import sqlalchemy as sa

from qcoder.cli import main
from qcoder.core.cases.cases import (
    get_or_create_attribute,
    get_or_create_case,
    link_document,
    set_value,
)
from qcoder.core.codebooks.loading import load_codebook
from qcoder.core.coding.codings import apply_coding, list_codings, set_coding_memo
from qcoder.core.documents.adding import add_document
from qcoder.core.documents.editing import edit_text
from qcoder.core.documents.importers import read_transcript
from qcoder.core.errors import InputFileError, QcoderError
from qcoder.core.language.nlp import has_ner
from qcoder.core.lookup import code_by_path, coder_by_name, document_by_name
from qcoder.core.operations import run
from qcoder.core.privacy.entities import Detector, is_role_label
from qcoder.core.privacy.key_file import inside_project_folder, read_key
from qcoder.core.privacy.pseudonymise import (
    apply_plan,
    confirm_pseudonymisation,
    plan_pseudonymisation,
)
from qcoder.core.store import Project
from qcoder.core.store.models import Case, Memo, Speaker, StructureRange

from ..conftest import CODEBOOK

PARAGRAPHS = [
    "Interview med Hanne Vestergaard, borgmester i Havbjerg Kommune.",
    "Interviewer: Tak fordi du ville deltage, Hanne. Må jeg få dine kontaktoplysninger?",
    "Hanne Vestergaard: Ja, min e-mail er hanne.vestergaard@havbjerg.dk, og mit mobilnummer er "
    "23 45 67 89. Mit CPR-nummer er 120365-1234, hvis I skal bruge det til honoraret.",
    "Interviewer: Hvordan er samarbejdet med nabokommunerne?",
    "Hanne Vestergaard: Vi samarbejder med Vejle og Københavns Kommune. Min kollega Mikkel "
    "Sørensen fra Aarhus ringer tit fra +45 87 65 43 21. Havbjergs økonomi er presset.",
    "Interviewer: Og chikanen?",
    "Hanne Vestergaard: Borgmester Nielsen i Vejle fik også trusler, og Vestergaard-familien "
    "fik breve. Det var hårdt for alle.",
]
ORIGINALS = ["Hanne Vestergaard", "Hanne", "Vestergaard", "Havbjerg", "hanne.vestergaard",
             "havbjerg.dk", "23 45 67 89", "120365-1234", "Vejle", "København", "Mikkel",
             "Sørensen", "Aarhus", "87 65 43 21", "Nielsen"]


def _docx(path: Path, paragraphs: list[str]) -> Path:
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(path)
    return path


@pytest.fixture
def setup(tmp_path):
    """A project with the docx interview, its case and attributes, codings and memos."""
    project = Project.create(tmp_path / "projekt" / "pseudo æøå.qcoder", title="Test")
    (tmp_path / "kb.yaml").write_text(CODEBOOK, encoding="utf-8")
    load_codebook(project, tmp_path / "kb.yaml")
    src = _docx(tmp_path / "interview_hanne.docx", PARAGRAPHS)
    add_document(project, read_transcript(src), kind="mayor_interview")
    with project.transaction() as s:
        doc = document_by_name(s, "interview_hanne")
        case = get_or_create_case(s, "Borgmester Hanne")
        link_document(s, doc, case)
        for attr, value in (("municipality", "Havbjerg"), ("first_name", "Hanne"),
                            ("status", "stoppet")):
            set_value(s, case, get_or_create_attribute(s, attr, "text"), value)
        text, doc_id = doc.text, doc.id
        code = code_by_path(s, "Test æøå/Chikane").id
        coder = coder_by_name(s, "Anna", create=True).id
    quotes = ["Hanne Vestergaard", "Min kollega Mikkel Sørensen fra Aarhus ringer tit fra "
              "+45 87 65 43 21.", "Det var hårdt for alle.", "Havbjergs økonomi"]
    for q in quotes:
        start = text.index(q)
        apply_coding(project, doc_id, start, start + len(q), code, coder)
    uuid = list_codings(project)[0].uuid
    set_coding_memo(project, uuid, "Nielsen og Hanne nævnes her")
    with project.transaction() as s:
        s.add(Memo(target_kind="document", target_uuid=doc.uuid, title="Hanne",
                   text="Hanne var berørt, da vi talte om Havbjerg."))
    key = tmp_path / "nøgle" / "nøgle.csv"
    yield project, key, quotes
    project.close()


def _state(project):
    with project.session() as s:
        return ([(r.uuid, r.start, r.end, r.text, r.memo) for r in list_codings(project)],
                sorted(s.execute(sa.select(StructureRange.id, StructureRange.start,
                                           StructureRange.end, StructureRange.label)).all()),
                sorted(s.scalars(sa.select(Speaker.name))),
                [(d.name, d.text) for d in [document_by_name(s, n) for n in _names(s)]])


def _names(s):
    from qcoder.core.store.models import Document
    return sorted(s.scalars(sa.select(Document.name)))


def _assert_clean(blob: bytes, where: str) -> None:
    for original in ORIGINALS:
        for form in {original, original.lower(), original.upper()}:
            assert form.encode("utf-8") not in blob, f"{form!r} left in {where}"


# -- detection ----------------------------------------------------------------------------------
def test_detector_rules_and_gazetteers():
    text = ("Per sagde, at Per Hansen og borgmester Nielsen var i Nordby Kommune. Vejen var lang "
            "til Vejen. Skriv til a.b@c.dk eller ring 2345 6789; ikke i 2013 2018. CPR 311299-1234,"
            " men 999999-1234 er ingen dato. Læsøs borgmester og [Person 1] fra Dansk "
            "Magisterforening.")
    found = {text[f.start:f.end]: (f.type, f.canonical) for f in Detector().find(text)}
    assert found == {
        "Per Hansen": ("person", "Per Hansen"), "Nielsen": ("person", "Nielsen"),
        "Nordby Kommune": ("kommune", "Nordby"), "Vejen": ("kommune", "Vejen"),
        "a.b@c.dk": ("email", "a.b@c.dk"), "2345 6789": ("phone", "2345 6789"),
        "311299-1234": ("cpr", "311299-1234"), "Læsø": ("kommune", "Læsø"),
        "Dansk Magisterforening": ("organisation", "Dansk Magisterforening"),
    }
    assert [is_role_label(x) for x in ("Interviewer", "Deltager 2", "I", "Hanne")] == [
        True, True, True, False]


def test_shipped_gazetteers_are_complete():
    from qcoder.core.privacy.entities import first_names, kommuner
    forms, _ambiguous = kommuner()
    assert len(set(forms.values())) == 98
    assert forms["Århus"] == "Aarhus" and forms["Høje Taastrup"] == "Høje-Taastrup"
    names, ambiguous = first_names()
    assert len(names) >= 290 and {"Per", "Bo"} <= ambiguous and "Søren" in names


@pytest.mark.skipif(not has_ner(), reason="no trained Danish pipeline with NER installed")
def test_ner_adds_names_the_rules_miss():
    found = Detector().find("Vi mødte Zakarias Qvist fra Bøgelund i går.")
    assert any(f.type == "person" for f in found)


# -- the whole flow -------------------------------------------------------------------------------
def test_dry_run_table_proposes_consistent_pseudonyms(setup):
    project, key, _quotes = setup
    before = _state(project)
    plan = plan_pseudonymisation(project, ["interview_hanne"], key)
    rows = {r["entity"]: r for r in plan.table()}
    assert _state(project) == before and not key.exists()  # a dry run changes nothing
    assert rows["Hanne Vestergaard"]["pseudonym"] == "[Borgmester A]"
    assert rows["Hanne Vestergaard"]["occurrences"] == 6  # 3 labels, header, "Hanne", surname
    assert rows["Havbjerg"]["type"] == "kommune" and rows["Havbjerg"]["occurrences"] == 2
    assert rows["Vejle"]["occurrences"] == 2
    kommuner = sorted(r["pseudonym"] for r in rows.values() if r["type"] == "kommune")
    assert kommuner == ["[Kommune 1]", "[Kommune 2]", "[Kommune 3]", "[Kommune 4]"]
    assert {rows[k]["type"] for k in ("Mikkel Sørensen", "Nielsen")} == {"person"}
    assert rows["hanne.vestergaard@havbjerg.dk"]["pseudonym"] == "[E-mail 1]"
    assert rows["120365-1234"]["type"] == "cpr"
    assert {rows["23 45 67 89"]["type"], rows["+45 87 65 43 21"]["type"]} == {"phone"}
    assert "stoppet" not in rows and "Interviewer" not in rows


def test_apply_replaces_all_keeps_alignment_undoes_and_leaves_no_trace(setup, tmp_path):
    project, key, quotes = setup
    before = _state(project)
    uuid_of = {text: uuid for uuid, _s, _e, text, _m in before[0]}
    plan = plan_pseudonymisation(project, ["interview_hanne"], key)
    pseudo = {e.original: e.pseudonym for e in plan.entities.values()}
    result = apply_plan(project, plan)

    # the key is a separate file and gives each original its pseudonym
    assert {o: p for o, _t, p in read_key(key)} == pseudo
    assert key.parent != project.path.parent

    coded = {r.uuid: r for r in list_codings(project)}
    got = {q: coded[uuid_of[q]] for q in quotes}
    assert got["Hanne Vestergaard"].text == "[Borgmester A]"
    assert got[quotes[1]].text == (
        f"Min kollega {pseudo['Mikkel Sørensen']} fra {pseudo['Aarhus']} ringer tit fra "
        f"{pseudo['+45 87 65 43 21']}.")
    assert got["Det var hårdt for alle."].text == "Det var hårdt for alle."
    assert got["Havbjergs økonomi"].text == f"{pseudo['Havbjerg']}s økonomi"
    assert got["Hanne Vestergaard"].memo == f"{pseudo['Nielsen']} og [Borgmester A] nævnes her"
    with project.session() as s:
        doc = document_by_name(s, "interview_Borgmester A")
        turns = s.execute(sa.select(StructureRange.start, StructureRange.end, Speaker.name)
                          .join(Speaker)).all()
        assert len(turns) == 6
        for start, end, speaker in turns:  # each turn still starts right after its label
            assert doc.text[:start].endswith(f"{speaker}: ")
            assert doc.text[end:end + 1] in ("\n", "")
        assert {t[2] for t in turns} == {"Interviewer", "[Borgmester A]"}
        assert s.scalar(sa.select(Case.name)) == "Borgmester [Borgmester A]"
        assert "[E-mail 1]" in doc.text and "[CPR-nummer 1]" in doc.text
    after = _state(project)

    # undoable until confirmed: exactly back, and redo again
    redo = run(project, result.inverse).inverse
    assert _state(project) == before
    run(project, redo)
    assert _state(project) == after

    confirm_pseudonymisation(project)
    project.close()
    db = project.path.read_bytes()
    wal = project.path.with_name(project.path.name + "-wal")
    _assert_clean(db + (wal.read_bytes() if wal.exists() else b""), "the project file")
    exports = tmp_path / "eksport"
    exports.mkdir()
    _check_exports(project.path, exports)


def _check_exports(path: Path, folder: Path) -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["codings", str(path), "--json"]) == 0
    listing = json.loads(out.getvalue())
    assert any("[Borgmester A]" in r["text"] for r in listing)
    _assert_clean(out.getvalue().encode(), "qcoder codings --json")
    with redirect_stdout(io.StringIO()):
        assert main(["qdpx", "export", str(path), str(folder / "projekt.qdpx")]) == 0
        assert main(["codebook", "export", str(path), "--out", str(folder / "kb.xlsx")]) == 0
    with zipfile.ZipFile(folder / "projekt.qdpx") as z:
        for name in z.namelist():
            _assert_clean(z.read(name), f"projekt.qdpx:{name}")
    book = openpyxl.load_workbook(folder / "kb.xlsx")
    cells = " ".join(str(c.value) for ws in book for row in ws.iter_rows() for c in row)
    _assert_clean(cells.encode(), "kb.xlsx")


def test_a_stale_plan_is_refused_and_changes_nothing(setup):
    project, key, _quotes = setup
    plan = plan_pseudonymisation(project, ["interview_hanne"], key)
    with project.session() as s:
        text = document_by_name(s, "interview_hanne").text
    edit_text(project, "interview_hanne", text + "\nEn rettelse.")
    before = _state(project)
    with pytest.raises(QcoderError, match="changed .* since the pseudonymisation was planned"):
        apply_plan(project, plan)
    assert _state(project) == before and not key.exists()


def test_pseudonyms_stay_the_same_across_runs_through_the_key(setup, tmp_path):
    project, key, _quotes = setup
    apply_plan(project, plan_pseudonymisation(project, ["interview_hanne"], key))
    first = {o: p for o, _t, p in read_key(key)}
    src = tmp_path / "opfølgning.txt"
    src.write_text("Interviewer: Er du stadig i Havbjerg?\n\nHanne Vestergaard: Nej, jeg er "
                   "flyttet til Odense. Mikkel Sørensen overtog.\n\nInterviewer: Tak.\n",
                   encoding="utf-8")
    add_document(project, read_transcript(src), kind="mayor_interview")
    plan = plan_pseudonymisation(project, ["opfølgning"], key)
    rows = {r["entity"]: r for r in plan.table()}
    for original in ("Havbjerg", "Hanne Vestergaard", "Mikkel Sørensen"):
        assert rows[original]["pseudonym"] == first[original]
    assert rows["Odense"]["pseudonym"] == "[Kommune 5]"  # after the four of the first run
    apply_plan(project, plan)
    assert {o: p for o, _t, p in read_key(key)} == {**first, "Odense": "[Kommune 5]"}


def test_key_files_are_checked(setup, tmp_path):
    project, _key, _quotes = setup
    bad = tmp_path / "nøgle.csv"
    bad.write_text("original,type,pseudonym\nHanne,person,[Person 1]\nOdense,by-ish,[X]\n",
                   encoding="utf-8")
    with pytest.raises(InputFileError, match="nøgle.csv line 3: unknown entity type 'by-ish'"):
        plan_pseudonymisation(project, ["interview_hanne"], bad)
    with pytest.raises(QcoderError, match="separate file outside the project"):
        plan_pseudonymisation(project, ["interview_hanne"], project.path)
    # a key in the project's folder (or below it) would travel with the project
    folder = tmp_path / "projekt"
    assert inside_project_folder(project, folder / "nøgler" / "nøgle.csv")
    assert not inside_project_folder(project, tmp_path / "nøgle" / "nøgle.csv")
