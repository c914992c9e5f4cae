"""WebVTT (Teams, Zoom, Whisper) and SubRip import: speakers, merged turns, timestamps, bad cues."""

from __future__ import annotations

import codecs

import pytest

from qcoder.core.documents.importers import read_transcript
from qcoder.core.documents.transcript import normalise_text
from qcoder.core.errors import InputFileError

TEAMS = """WEBVTT

3f1a2b7c-1d2e-4f5a-9b8c-7d6e5f4a3b2c/11-0
00:00:03.120 --> 00:00:06.400
<v Sara Jensen>Godmorgen, og tak fordi du ville være med.</v>

3f1a2b7c-1d2e-4f5a-9b8c-7d6e5f4a3b2c/12-0
00:00:06.400 --> 00:00:09.000
<v Sara Jensen>Hvor ofte oplever du pres fra politikerne?</v>

3f1a2b7c-1d2e-4f5a-9b8c-7d6e5f4a3b2c/13-0
00:00:09.500 --> 00:00:15.250
<v Mette Bo>Ret ofte. Især op til budgettet &amp; valget.</v>

3f1a2b7c-1d2e-4f5a-9b8c-7d6e5f4a3b2c/14-0
00:00:15.250 --> 00:00:18.000
<v Mette Bo>Det er hårdt 😓</v>

3f1a2b7c-1d2e-4f5a-9b8c-7d6e5f4a3b2c/15-0
00:00:18.100 --> 00:00:20.000
<v Sara Jensen>Kan du give et eksempel?</v>
"""

ZOOM = """WEBVTT

1
00:00:04.859 --> 00:00:07.410
Anne Holm: Så optager vi. Velkommen til.

2
00:00:09.540 --> 00:00:12.990
Anne Holm: Hvad fik dig til at stoppe?

3
00:00:13.100 --> 00:00:20.000
Jens Ø. Madsen: Økonomien. Vi kunne ikke
gennemføre det, vi var valgt på.

4
00:00:20.500 --> 00:00:22.000
Peter: Må jeg lige sige noget?
"""


def _turns(t):
    return [(turn.speaker, t.text[turn.start:turn.end], turn.time_start, turn.time_end)
            for turn in t.turns]


def _write(path, text, crlf=False, bom=False):
    data = text.replace("\n", "\r\n") if crlf else text
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + data.encode("utf-8"))
    return path


@pytest.mark.parametrize("crlf,bom", [(False, False), (True, True)])
def test_teams_voice_tags_merge_consecutive_cues(tmp_path, crlf, bom):
    t = read_transcript(_write(tmp_path / "dm æøå.vtt", TEAMS, crlf, bom))
    assert normalise_text(t.text) == t.text
    assert _turns(t) == [
        ("Sara Jensen", "Godmorgen, og tak fordi du ville være med. Hvor ofte oplever du pres "
                        "fra politikerne?", 3.12, 9.0),
        ("Mette Bo", "Ret ofte. Især op til budgettet & valget. Det er hårdt 😓", 9.5, 18.0),
        ("Sara Jensen", "Kan du give et eksempel?", 18.1, 20.0),
    ]
    assert t.text.splitlines()[1].startswith("Mette Bo: Ret ofte.")
    assert t.interviewers == {"Sara Jensen"}
    assert t.warnings == [] and t.import_format == "vtt"


def test_zoom_name_prefixes_count_even_for_a_one_off_speaker(tmp_path):
    t = read_transcript(_write(tmp_path / "zoom.vtt", ZOOM, crlf=True))
    assert _turns(t) == [
        ("Anne Holm", "Så optager vi. Velkommen til. Hvad fik dig til at stoppe?", 4.859, 12.99),
        ("Jens Ø. Madsen", "Økonomien. Vi kunne ikke gennemføre det, vi var valgt på.", 13.1, 20.0),
        ("Peter", "Må jeg lige sige noget?", 20.5, 22.0),
    ]


def test_captions_without_speakers_keep_one_line_per_cue(tmp_path):
    t = read_transcript(_write(tmp_path / "whisper.vtt", """WEBVTT - undertekster

NOTE lavet af et værktøj
over to linjer

STYLE
::cue { color: yellow }

00:01.000 --> 00:04.000 align:start position:10%
<c.yellow>Det her er</c> <i>første</i> linje.

00:04.000 --> 00:06.000
- Hej.
- Hej med dig.
"""))
    assert t.text == "Det her er første linje.\n- Hej.\n- Hej med dig.\n"
    assert t.turns == []


def test_malformed_cues_are_skipped_and_reported_by_line(tmp_path):
    path = _write(tmp_path / "skæv.vtt", """WEBVTT

1
00:00:01.000 --> 00:00:02.000
<v Ida>Første.</v>

2
00:00:0x.000 -> 00:00:03.000
<v Ida>Ødelagt tid.</v>

bare tekst uden tid

3
00:00:04.000 --> 00:00:05.000
<v Ole>Tredje.</v>
""")
    t = read_transcript(path)
    assert [(s, text) for s, text, *_ in _turns(t)] == [("Ida", "Første."), ("Ole", "Tredje.")]
    assert len(t.warnings) == 1
    assert "skæv.vtt" in t.warnings[0] and "2 malformed" in t.warnings[0]
    assert "line(s) 7, 11" in t.warnings[0]   # where each bad cue starts


def test_bad_vtt_files(tmp_path):
    with pytest.raises(InputFileError, match="not 'WEBVTT'.*rename it to .srt"):
        read_transcript(_write(tmp_path / "srt.vtt", "1\n00:00:01,000 --> 00:00:02,000\nHej\n"))
    with pytest.raises(InputFileError, match="no readable cues.*line\\(s\\) 3"):
        read_transcript(_write(tmp_path / "tom.vtt", "WEBVTT\n\nx --> y\nHej\n"))
    with pytest.raises(InputFileError, match="has no text"):
        read_transcript(_write(tmp_path / "helt-tom.vtt", ""))


def test_srt_with_speakers_and_tags(tmp_path):
    path = _write(tmp_path / "whisper æøå.srt", """1
00:00:01,000 --> 00:00:04,000
<i>Interviewer:</i> Hvordan var det at gå af?

2
00:00:04,500 --> 00:00:09,000
Borgmester: Lettere end jeg troede.

3
00:00:09,000 --> 00:00:10,000
Borgmester: {\\an8}Meget lettere.

4
00:00:11,000 --> 00:00:12,500
Interviewer: Tak.

5
00:00:13 --> nu
Ødelagt.
""", crlf=True, bom=True)
    t = read_transcript(path)
    assert _turns(t) == [
        ("Interviewer", "Hvordan var det at gå af?", 1.0, 4.0),
        ("Borgmester", "Lettere end jeg troede. Meget lettere.", 4.5, 10.0),
        ("Interviewer", "Tak.", 11.0, 12.5),
    ]
    assert t.interviewers == {"Interviewer"}
    assert "line(s) 18" in t.warnings[0]


def test_speaker_pattern_applies_to_cues(tmp_path):
    path = _write(tmp_path / "bracket.srt", "1\n00:00:01,000 --> 00:00:02,000\n[SPEAKER_00] Hej.\n\n"
                  "2\n00:00:02,000 --> 00:00:03,000\n[SPEAKER_01] Goddag.\n")
    t = read_transcript(path, speaker_pattern=r"\[(?P<name>SPEAKER_\d+)\]\s*")
    assert [(s, text) for s, text, *_ in _turns(t)] == [("SPEAKER_00", "Hej."),
                                                         ("SPEAKER_01", "Goddag.")]
