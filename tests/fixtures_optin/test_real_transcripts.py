"""Real transcripts written by other people (../shared/fixtures/transcripts), imported as they are.

Opt-in: skipped when the shared folder is absent. The files are never copied into the repo.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qcoder.core.documents.batch_import import import_files
from qcoder.core.documents.importers import read_transcript
from qcoder.core.documents.transcript import normalise_text
from qcoder.core.store import Project

FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "fixtures" / "transcripts"

pytestmark = [
    pytest.mark.fixtures,
    pytest.mark.skipif(not FIXTURES.is_dir(), reason="../shared/fixtures/transcripts is absent"),
]


def _read(name):
    path = FIXTURES / name
    if not path.is_file():
        pytest.skip(f"{name} is absent")
    t = read_transcript(path)
    assert normalise_text(t.text) == t.text
    return t


def _said(t, speaker):
    return [t.text[turn.start:turn.end] for turn in t.turns if turn.speaker == speaker]


def test_zoom_vtt():
    t = _read("zoom_zoomGroupStats_meeting001_transcript.vtt")
    assert set(t.speakers) == {"Andrew Knight", "Paul McCartney", "George Harrison",
                               "Ringo Starr", "John Lennon"}
    first = t.turns[0]
    assert (first.speaker, first.time_start) == ("Andrew Knight", pytest.approx(4.859))
    assert t.text[first.start:first.end].startswith("Okay, so we're recording.")
    # consecutive cues of one speaker are one turn; a cue without a name stays apart
    for a, b in zip(t.turns, t.turns[1:]):
        between = t.text[a.end:b.start]
        assert a.speaker != b.speaker or between.strip() != f"{b.speaker}:"
    assert not any(t.text[turn.start:turn.end].startswith("Andrew Knight:") for turn in t.turns)
    assert t.warnings == []


def test_teams_style_vtt():
    t = _read("webvtt-py_teams_timeframe.vtt")
    assert t.speakers == ["Yuri Bakulin", "Adrian Petrescu"]
    assert _said(t, "Adrian Petrescu") == ["Why hello there, Yuri."]
    assert [turn.time_start for turn in t.turns] == [0.0, pytest.approx(0.21)]


def test_swedish_vtt_and_bom_vtt_have_text_without_speakers():
    sv = _read("webvtt-py_comments_sv.vtt")
    assert sv.turns == [] and "Det är inte varmt." in sv.text and "Kyle" not in sv.text
    bom = _read("webvtt-py_captions_with_bom.vtt")
    assert bom.text.splitlines() == [f"Caption text #{n}" for n in range(1, 5)]


def test_qualcoder_bracket_labels():
    t = _read("qualcoder_example_transcript.txt")
    assert t.speakers == ["id1", "id2", "id3"]
    assert _said(t, "id2")[0].startswith("I am struggling with the lecture slides.")
    assert all(not t.text[turn.start:turn.end].startswith("[") for turn in t.turns)


@pytest.mark.parametrize("name,students", [("haski_interview1_de.docx", {"S1", "S2"}),
                                           ("haski_interview2_de.docx", {"S3", "S4"})])
def test_german_docx_interviews(name, students):
    t = _read(name)
    assert set(t.speakers) == {"I"} | students
    assert t.interviewers == {"I"}
    assert _said(t, "I")[0].startswith("Wie gut") or _said(t, "I")[0].startswith("Was wären")
    assert "(S = Student; I = Interviewer)" in t.text[: t.turns[0].start]
    assert len(t.pages) >= 2   # Word's own pagination, recorded in the file


def test_all_fixtures_import_into_one_project(tmp_path):
    with Project.create(tmp_path / "fixtures.qcoder") as project:
        summary = import_files(project, [FIXTURES]).value
    assert summary.failed == []
    assert len(summary.imported) == len([p for p in FIXTURES.iterdir() if p.is_file()])
