"""`qcoder import`, `qcoder speakers`, `qcoder attributes`, `qcoder edit` through the entry point."""

from __future__ import annotations

import json
import sqlite3

import docx
import pytest
from docx.enum.text import WD_BREAK

from qcoder.cli import main

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


def _dump(path):
    con = sqlite3.connect(path)
    try:
        return list(con.iterdump())
    finally:
        con.close()


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
    before = _dump(project)
    assert main(["import", str(project), str(good), str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("qcoder: error: ") and "skadet.docx" in err[-1]
    assert _dump(project) == before
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
