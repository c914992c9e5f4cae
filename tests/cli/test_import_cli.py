"""`qcoder import`, `qcoder speakers`, `qcoder attributes`, `qcoder edit` through the entry point."""

from __future__ import annotations

import json

import docx
import pytest
from docx.enum.text import WD_BREAK

from qcoder.cli import main
from tests.conftest import dump_project

TEAMS_VTT = """WEBVTT

00:00:01.000 --> 00:00:04.000
<v Sara Jensen>Hvor ofte oplever du pres?</v>

00:00:04.500 --> 00:00:09.000
<v Mette Bo>Ofte. Især før budgettet.</v>

00:00:09.000 --> 00:00:12.000
<v Mette Bo>Det fylder meget.</v>

00:00:12.500 --> 00:00:14.000
<v Sara Jensen>Hvordan reagerer du?</v>
"""


def _files(tmp_path):
    d = tmp_path / "indkomne filer"
    d.mkdir()
    (d / "dm 1 æøå.vtt").write_text(TEAMS_VTT, encoding="utf-8")
    doc = docx.Document()
    doc.add_paragraph("Interviewer: Hvorfor stoppede du?")
    p = doc.add_paragraph("Borgmester: Økonomien. ")
    p.add_run().add_break(WD_BREAK.PAGE)
    p.add_run("Og familien.")
    doc.add_paragraph("Interviewer: Tak.")
    doc.add_paragraph("Borgmester: Selv tak.")
    doc.save(d / "borgmester.docx")
    return d


def test_import_prints_progress_and_summary(tmp_path, capsys):
    project = tmp_path / "p æøå.qcoder"
    assert main(["new", str(project)]) == 0
    folder = _files(tmp_path)
    assert main(["import", str(project), str(folder), "--kind", "dm_interview",
                 "--case", "R-0412"]) == 0
    out, err = capsys.readouterr()
    assert "Importing 0/2 borgmester.docx" in err and "Importing 2/2 done" in err
    assert "imported as 'dm 1 æøå': 3 turns, 0 pages" in out
    assert "speakers: Sara Jensen (interviewer), Mette Bo" in out
    assert "imported as 'borgmester': 4 turns, 2 pages" in out
    assert out.strip().splitlines()[-1] == (
        "Imported 2 documents: 7 turns, 4 speakers, 2 pages, 0 sections")
    assert main(["import", str(project), str(folder / "borgmester.docx"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"]["duplicates"] == 1
    assert data["files"][0]["message"].endswith("already document 'borgmester'")
    assert main(["info", str(project), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert {d["name"]: (d["kind"], d["turns"], d["pages"]) for d in info["documents"]} == {
        "borgmester": ("dm_interview", 4, 2), "dm 1 æøå": ("dm_interview", 3, 0)}


def test_import_bad_file_exits_2_and_changes_nothing(tmp_path, capsys):
    project = tmp_path / "p.qcoder"
    main(["new", str(project)])
    good = tmp_path / "god.txt"
    good.write_text("I: a\nR: b\nI: c\nR: d\n", encoding="utf-8")
    bad = tmp_path / "skadet.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    before = dump_project(project)
    assert main(["import", str(project), str(good), str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("qcoder: error: ") and "skadet.docx" in err[-1]
    assert dump_project(project) == before
    assert main(["import", str(project), str(good), str(bad), "--skip-failed"]) == 1
    out = capsys.readouterr().out
    assert "1 file(s) failed" in out and "skadet.docx" in out


def test_speakers_rename_merge_interviewer_json(tmp_path, capsys):
    project = tmp_path / "p.qcoder"
    main(["new", str(project)])
    src = tmp_path / "fg.txt"
    src.write_text("Interviewer: Hvad tænker I?\nS1: Bekymret.\nS2: Enig.\n"
                   "Interviewer: Og så?\nS1: Udred.\nS2: Vent.\n", encoding="utf-8")
    main(["import", str(project), str(src)])
    capsys.readouterr()
    assert main(["speakers", str(project), "fg", "--rename", "S1=Sara", "--rename",
                 "Interviewer=Moderator", "--interviewer", "Moderator", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(s["name"], s["interviewer"], s["turns"]) for s in data] == [
        ("Moderator", True, 2), ("Sara", False, 2), ("S2", False, 2)]
    assert main(["speakers", str(project), "fg", "--rename", "S2=Sara",
                 "--link", "Sara=Deltager 1"]) == 0
    out = capsys.readouterr().out
    assert "Sara" in out and "4 turns" in out and "case: Deltager 1" in out and "S2" not in out
    assert main(["speakers", str(project), "fg", "--rename", "Ukendt=X"]) == 2
    assert "no speaker 'Ukendt'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:   # argparse's own usage error
        main(["speakers", str(project), "fg", "--rename", "bare-et-navn"])
    assert exit_.value.code == 2 and "OLD=NEW" in capsys.readouterr().err


def test_attributes_from_xlsx(tmp_path, capsys):
    import openpyxl

    project = tmp_path / "p.qcoder"
    main(["new", str(project)])
    main(["import", str(project), str(_files(tmp_path))])
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Ark1"
    for row in [["dokument", "fornavn", "stemmeandel"], ["borgmester", "Jens", "0,77"],
                ["findes ikke", "X", 1], ["dm 1 æøå", "Ida", 0.5], ["dm 1 æøå", "Ida", 0.5]]:
        ws.append(row)
    wb.save(tmp_path / "sager.xlsx")
    capsys.readouterr()
    assert main(["attributes", str(project), "--from", str(tmp_path / "sager.xlsx"),
                 "--key", "dokument", "--sheet", "Ark1"]) == 0
    out = capsys.readouterr().out
    assert "2 values set; 0 case(s) updated, 1 created" in out
    assert "linked document 'borgmester' to case 'borgmester'" in out
    assert "new attribute 'stemmeandel' (number)" in out
    assert "unmatched key 'findes ikke'" in out
    assert "duplicate key 'dm 1 æøå' in sager.xlsx, sheet 'Ark1', row 4; " in out
    assert main(["attributes", str(project), "--from", str(tmp_path / "sager.xlsx"),
                 "--key", "Dokument"]) == 2
    assert "Did you mean 'dokument'" in capsys.readouterr().err


def test_edit_dump_and_detached(tmp_path, capsys):
    project = tmp_path / "p.qcoder"
    main(["new", str(project)])
    src = tmp_path / "iv.txt"
    src.write_text("I: Hvorfor gik du?\nR: Der kom trusler. Og økonomien.\nI: Tak.\nR: Selv tak.\n",
                   encoding="utf-8")
    main(["import", str(project), str(src)])
    codebook = tmp_path / "kb.yaml"
    codebook.write_text('codebook: "KB"\nid: kb\nversion: 1\ncodes:\n  - name: Chikane\n'
                        '  - name: Økonomi\n', encoding="utf-8")
    main(["codebook", "load", str(project), str(codebook)])
    text = src.read_text(encoding="utf-8")
    rows = [("Der kom trusler.", "KB/Chikane"), ("økonomien", "KB/Økonomi")]
    csv_path = tmp_path / "kodning.csv"
    csv_path.write_text("document,start,end,code\n" + "".join(
        f"iv,{text.index(q)},{text.index(q) + len(q)},{c}\n" for q, c in rows), encoding="utf-8")
    assert main(["code", str(project), "--coder", "Anna", "--from", str(csv_path)]) == 0
    dumped = tmp_path / "ret.txt"
    assert main(["edit", str(project), "iv", "--dump", str(dumped)]) == 0
    assert dumped.read_text(encoding="utf-8") == text
    dumped.write_text(text.replace("Der kom trusler. ", "").replace("økonomien", "økonomien i "
                                                                    "kommunen"), encoding="utf-8")
    capsys.readouterr()
    assert main(["edit", str(project), "iv", "--from", str(dumped), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["codings"], report["changed"]) == (1, 0)
    assert [(d["code"], d["text"]) for d in report["detached"]] == [
        ("KB/Chikane", "Der kom trusler.")]
    assert main(["edit", str(project), "iv", "--detached"]) == 0
    assert "Anna\tKB/Chikane\tDer kom trusler." in capsys.readouterr().out
    assert main(["codings", str(project), "--json"]) == 0
    assert [c["text"] for c in json.loads(capsys.readouterr().out)] == ["økonomien"]
    assert main(["edit", str(project), "iv"]) == 2
    assert "say what to do" in capsys.readouterr().err
