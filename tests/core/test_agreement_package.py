"""Coder packages: make one, code in it as the second coder, merge it back, compare - and the
cases where merging must refuse to guess (edited documents, missing codes, new codebook)."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from qcoder.core.agreement import agreement_report
from qcoder.core.documents.adding import store_transcript
from qcoder.core.documents.importers import structure
from qcoder.core.documents.transcript import content_hash, normalise_text
from qcoder.core.errors import CancelledError, QcoderError
from qcoder.core.exchange import package
from qcoder.core.exchange.package import BLIND_META, make_package, merge_package, package_info
from qcoder.core.operations import run
from qcoder.core.store import Project
from qcoder.core.store.models import Code, Coder, Coding, Document

from .agreement_support import code, load_book, path

CODES = [{"name": "Økonomi"}, {"name": "Chikane"}]


def transcript(n: int, who: str) -> str:
    lines = []
    for i in range(n):
        lines.append(f"Interviewer: Spørgsmål {i} om kommunen?")
        lines.append(f"{who}: Svar {i}. Økonomien og byrådet fylder meget, især i år {2000 + i}.")
    return normalise_text("\n\n".join(lines) + "\n")


@pytest.fixture
def project(tmp_path):
    project = Project.create(tmp_path / "hoved.qcoder", title="Borgmestre")
    load_book(project, tmp_path, CODES)
    with project.transaction() as s:
        for name, who in (("jens_æ", "Jens"), ("hanne_ø", "Hanne")):
            store_transcript(s, structure(transcript(6, who), f"{name}.txt", "txt"), name)
    yield project
    project.close()


def turns(project, name: str) -> list[tuple[int, int]]:
    with project.session() as s:
        doc = s.scalar(sa.select(Document).where(Document.name == name))
        return [(r.start, r.end) for r in doc.ranges if r.kind == "turn"]


def code_all_answers(project, tmp_path, coder: str, code_path: str) -> None:
    rows = [(doc, a, b, code_path) for doc in ("jens_æ", "hanne_ø")
            for i, (a, b) in enumerate(turns(project, doc)) if i % 2 == 1]
    code(project, tmp_path, coder, rows)


def test_sample_package_round_trip(project, tmp_path):
    code_all_answers(project, tmp_path, "Anna", path("Økonomi"))
    out = tmp_path / "til_bo.qcoder"
    info = make_package(project, out, "Bo", sample=5, unit="turn", seed=7)
    assert info["units"] == 5 and info["seed"] == 7
    again = make_package(project, tmp_path / "igen.qcoder", "Bo", sample=5, unit="turn", seed=7)
    assert again["documents"] == info["documents"]

    with Project.open(out) as pkg:
        meta = package_info(pkg)
        assert pkg.meta(BLIND_META) == "1"
        with pkg.session() as s:
            assert s.scalar(sa.select(sa.func.count()).select_from(Coding)) == 0  # no Anna
            assert list(s.scalars(sa.select(Coder.name))) == ["Bo"]
            assert {c.uuid for c in s.scalars(sa.select(Code))} == {
                c.uuid for c in project.session().scalars(sa.select(Code))}
        assert sum(len(v) for v in meta["units"].values()) == 5
    with Project.open(tmp_path / "igen.qcoder") as other:
        assert package_info(other)["units"] == meta["units"]  # same seed, same units
    with Project.open(out) as pkg:
        # Bo codes every unit he was given, and nothing else
        with pkg.session() as s:
            names = dict(s.execute(sa.select(Document.uuid, Document.name)).all())
        rows = [(names[doc], a, b, path("Økonomi")) for doc, units in meta["units"].items()
                for a, b in units]
        code(pkg, tmp_path, "Bo", rows)

    result = merge_package(project, out)
    summary = result.value
    assert (summary.added, summary.problems) == (5, [])
    report = agreement_report(project, ["Anna", "Bo"], "turn")
    entry = next(e for e in report.data["codes"] if e["code"] == path("Økonomi"))
    assert entry["n_units"] == 5  # only the units Bo was given
    assert "coder packages" in report.data["settings"]["scope"]
    anna = {(doc, *t) for doc in ("jens_æ", "hanne_ø") for t in turns(project, doc)[1::2]}
    given = [(names[doc], *u) for doc, units in meta["units"].items() for u in units]
    assert entry["counts"]["both"] == sum(1 for u in given if u in anna)

    assert merge_package(project, out).value.unchanged == 5  # merging twice changes nothing
    run(project, result.inverse)  # undo the first merge
    with project.session() as s:
        bo = s.scalar(sa.select(Coder).where(Coder.name == "Bo"))
        assert s.scalar(sa.select(sa.func.count()).select_from(Coding)
                        .where(Coding.coder_id == bo.id)) == 0


def test_whole_document_package_keeps_the_coders_own_codings_and_syncs_them(project, tmp_path):
    first = turns(project, "jens_æ")[1]
    code(project, tmp_path, "Bo", [("jens_æ", *first, path("Chikane"))])
    code(project, tmp_path, "Anna", [("jens_æ", *first, path("Økonomi"))])
    out = tmp_path / "bo_jens.qcoder"
    info = make_package(project, out, "Bo", documents=["jens_æ"])
    assert info["documents"] == ["jens_æ"]
    with Project.open(out) as pkg:
        with pkg.session() as s:
            [mine] = s.scalars(sa.select(Coding))
            assert mine.coder.name == "Bo"
        # Bo removes his old coding and codes Økonomi instead
        with pkg.transaction() as s:
            s.delete(s.scalar(sa.select(Coding)))
        code(pkg, tmp_path, "Bo", [("jens_æ", *first, path("Økonomi"))])
    summary = merge_package(project, out).value
    assert (summary.added, summary.removed, summary.problems) == (1, 1, [])
    report = agreement_report(project, ["Anna", "Bo"], "turn")
    assert report.data["settings"]["documents"] == ["hanne_ø", "jens_æ"]
    assert "1 ranges in 1 documents" in report.data["settings"]["scope"]
    entry = next(e for e in report.data["codes"] if e["code"] == path("Økonomi"))
    assert entry["counts"]["both"] == 1 and entry["n_units"] == len(turns(project, "jens_æ"))


def test_merge_reports_what_it_cannot_attach(project, tmp_path):
    out = tmp_path / "bo.qcoder"
    make_package(project, out, "Bo")
    with Project.open(out) as pkg:
        code(pkg, tmp_path, "Bo", [("jens_æ", *turns(pkg, "jens_æ")[1], path("Økonomi")),
                                   ("hanne_ø", *turns(pkg, "hanne_ø")[1], path("Chikane"))])
    with project.transaction() as s:  # the project changes meanwhile
        doc = s.scalar(sa.select(Document).where(Document.name == "jens_æ"))
        doc.text = doc.text.replace("Svar 0.", "Svar nul.")
        doc.content_hash = content_hash(doc.text)
        s.delete(s.scalar(sa.select(Code).where(Code.name == "Chikane")))
    load_book(project, tmp_path, CODES, version=2)
    summary = merge_package(project, out).value
    assert summary.added == 0
    text = " ".join(summary.problems)
    assert "'jens_æ' was edited in the project" in text and "make a new package" in text
    assert "Chikane" in text and "not in the project" in text
    assert any("version 2" in n and "version 1" in n for n in summary.notes)


def test_package_errors_are_clear(project, tmp_path):
    with pytest.raises(QcoderError, match="only 24 turns"):
        make_package(project, tmp_path / "x.qcoder", "Bo", sample=100)
    with pytest.raises(QcoderError, match="no document named 'ukendt'"):
        make_package(project, tmp_path / "y.qcoder", "Bo", documents=["ukendt"])
    assert not (tmp_path / "x.qcoder").exists()
    Project.create(tmp_path / "almindelig.qcoder").close()
    with pytest.raises(QcoderError, match="not a coder package"):
        merge_package(project, tmp_path / "almindelig.qcoder")


def test_assignment_is_stored_as_json_per_coder(project, tmp_path):
    out = tmp_path / "s.qcoder"
    make_package(project, out, "Bo", sample=2, unit="sentence", seed=3)
    merge_package(project, out)
    with project.session() as s:
        bo = s.scalar(sa.select(Coder).where(Coder.name == "Bo"))
    data = json.loads(project.meta("assignment:" + bo.uuid))
    assert data["coder"] == "Bo" and sum(len(v) for v in data["documents"].values()) == 2


# -- progress and cancelling ----------------------------------------------------------------------
def snapshot(project) -> dict[str, list]:
    """Every row of every table, to tell that a cancelled step changed nothing."""
    with project.engine.connect() as conn:
        return {t: sorted(map(tuple, conn.execute(sa.text(f'SELECT * FROM "{t}"'))), key=repr)
                for t in sa.inspect(conn).get_table_names()}


def cancel_at(when):
    """A report that records each call and cancels on the first one `when` picks out."""
    seen = []

    def report(done, total, what):
        seen.append((done, total, what))
        if when(done, total, what):
            raise CancelledError("Cancelled; nothing was changed.")
    return report, seen


def test_making_a_package_reports_each_document(project, tmp_path):
    report, seen = cancel_at(lambda *_: False)
    make_package(project, tmp_path / "bo.qcoder", "Bo", report=report)
    assert [s[:2] for s in seen] == [(0, 2), (1, 2), (2, 2)]
    assert seen[0][2] == "copying hanne_ø"


@pytest.mark.parametrize("sample, unit", [(None, "turn"), (5, "turn"), (2, "sentence")])
def test_cancelling_a_package_leaves_no_file_and_the_project_as_it_was(project, tmp_path,
                                                                      sample, unit):
    code_all_answers(project, tmp_path, "Bo", path("Økonomi"))
    if unit == "sentence":  # indexing is derived data a cancel keeps; index first to compare
        make_package(project, tmp_path / "indeks.qcoder", "Bo", sample=1, unit="sentence")
    before, files = snapshot(project), sorted(tmp_path.iterdir())
    out = tmp_path / "aflyst æøå.qcoder"
    # cancel once the package holds a document (the sentence sample has one only)
    report, seen = cancel_at(lambda done, total, what: done == 1 and what != "documents indexed")
    with pytest.raises(CancelledError):
        make_package(project, out, "Bo", sample=sample, unit=unit, seed=4, report=report)
    assert sorted(tmp_path.iterdir()) == files  # no package, -wal, -shm or .lock
    assert snapshot(project) == before
    make_package(project, out, "Bo", sample=sample, unit=unit, seed=4)  # the name is free
    assert out.exists()


def test_cancelling_a_merge_rolls_it_all_back(project, tmp_path, monkeypatch):
    out = tmp_path / "bo.qcoder"
    make_package(project, out, "Bo")
    with Project.open(out) as pkg:
        code(pkg, tmp_path, "Bo", [(doc, a, b, path("Økonomi")) for doc in ("jens_æ", "hanne_ø")
                                   for a, b in turns(pkg, doc)[1::2]])
    monkeypatch.setattr(package, "MERGE_CHUNK", 4)  # 12 codings and the assignment: 4 chunks
    before = snapshot(project)
    report, seen = cancel_at(lambda done, total, what: done == 12)
    with pytest.raises(CancelledError):
        merge_package(project, out, report=report)
    assert seen == [(4, 13, "merging codings"), (8, 13, "merging codings"),
                    (12, 13, "merging codings")]
    assert snapshot(project) == before

    report, seen = cancel_at(lambda *_: False)
    result = merge_package(project, out, report=report)
    assert result.value.added == 12 and seen[-1][:2] == (13, 13)
    run(project, result.inverse)  # undone chunk by chunk, in reverse
    after = snapshot(project)
    assert before.pop("coders") == [] and [r[2] for r in after.pop("coders")] == ["Bo"]
    assert after == before  # all but the coder's name, which undo keeps
