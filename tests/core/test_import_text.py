"""Plain-text and Markdown import: encodings, normalisation, speakers, sections, pages."""

from __future__ import annotations

import codecs

import pytest

from qcoder.core.documents.importers import read_transcript, split_pages
from qcoder.core.documents.transcript import normalise_text
from qcoder.core.errors import InputFileError, QcoderError

FOCUS_GROUP = """Fokusgruppe, Kommune A (fiktiv)

## Vignet 1: Kira, 4
Interviewer: Hvad tænker I om Kira?
Sara: Jeg er bekymret. Hun er meget stille 😶 i børnehaven.
Karen: Jeg er enig med Sara.
Sara: Vi bør lave en udredning.

## Vignet 2: Mads, 14
Interviewer: Og Mads?
Karen: Her ville jeg vente.
Sara: Det er en gråzonesag.
"""


def _turns(t):
    return [(turn.speaker, t.text[turn.start:turn.end]) for turn in t.turns]


@pytest.mark.parametrize("encoding,bom", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
    ("utf-16-be", codecs.BOM_UTF16_BE), ("cp1252", b""), ("utf-16-le", b""),
])
def test_encodings_give_the_same_text(tmp_path, encoding, bom):
    text = FOCUS_GROUP if encoding != "cp1252" else FOCUS_GROUP.replace(" 😶", "")
    path = tmp_path / f"fokusgruppe æøå {encoding}.txt"
    path.write_bytes(bom + text.replace("\n", "\r\n").encode(encoding))
    t = read_transcript(path)
    assert t.text == normalise_text(text)
    assert "\r" not in t.text and "\ufeff" not in t.text
    assert t.speakers == ["Interviewer", "Sara", "Karen"]
    assert t.interviewers == {"Interviewer"}
    assert [s.label for s in t.sections] == ["Vignet 1: Kira, 4", "Vignet 2: Mads, 14"]
    first = t.sections[0]
    assert t.text[first.start:first.end].endswith("Vi bør lave en udredning.")
    assert ("Sara", "Jeg er bekymret. Hun er meget stille 😶 i børnehaven.") in _turns(t) \
        or encoding == "cp1252"


def test_turns_never_cross_sections_and_exclude_labels(tmp_path):
    path = tmp_path / "fg.txt"
    path.write_text(FOCUS_GROUP, encoding="utf-8")
    t = read_transcript(path)
    assert _turns(t)[:2] == [("Interviewer", "Hvad tænker I om Kira?"),
                             ("Sara", "Jeg er bekymret. Hun er meget stille 😶 i børnehaven.")]
    boundary = t.sections[1].start
    assert all(not (turn.start < boundary < turn.end) for turn in t.turns)
    assert all(not t.text[turn.start:turn.end].startswith(turn.speaker + ":") for turn in t.turns)


def test_custom_section_and_speaker_patterns(tmp_path):
    path = tmp_path / "custom.txt"
    path.write_text("=== Sag A ===\n>> Lise: hej\n>> Bo: hej selv\n=== Sag B ===\n>> Lise: farvel\n",
                    encoding="utf-8")
    t = read_transcript(path, section_pattern=r"^=== (?P<name>.+) ===$",
                        speaker_pattern=r"^>> (?P<name>\w+): ")
    assert [s.label for s in t.sections] == ["Sag A", "Sag B"]
    assert _turns(t) == [("Lise", "hej"), ("Bo", "hej selv"), ("Lise", "farvel")]
    with pytest.raises(QcoderError, match="named group"):
        read_transcript(path, speaker_pattern=r"^>> \w+: ")
    with pytest.raises(QcoderError, match="not a valid regular expression"):
        read_transcript(path, section_pattern="(")


def test_label_shapes(tmp_path):
    path = tmp_path / "labels.txt"
    path.write_text(
        "[00:00:03] Anne Holm: Velkommen.\n[00:00:09] Peter: Tak.\n"
        "[00:01:10] Anne Holm: Første spørgsmål?\n[00:01:15] Peter: Svar.\n"
        "En linje: der kun står én gang.\n",
        encoding="utf-8")
    t = read_transcript(path)
    assert t.speakers == ["Anne Holm", "Peter"]
    assert [turn.time_start for turn in t.turns] == [3, 9, 70, 75]
    assert t.turns[0].time_end == 9
    # the one-off "En linje:" is not a speaker; it stays inside Peter's last turn
    assert t.text[t.turns[-1].start:t.turns[-1].end].endswith("der kun står én gang.")
    assert t.interviewers == {"Anne Holm"}  # she asks the questions


def test_teams_word_headers(tmp_path):
    path = tmp_path / "teams.txt"
    path.write_text("Sara Jensen   0:03\nGodmorgen, skal vi starte?\n\n"
                    "Mette Bo   0:09\nJa, gerne.\n\nSara Jensen   1:02:05\nHvordan går det?\n",
                    encoding="utf-8")
    t = read_transcript(path)
    assert _turns(t) == [("Sara Jensen", "Godmorgen, skal vi starte?"),
                         ("Mette Bo", "Ja, gerne."), ("Sara Jensen", "Hvordan går det?")]
    assert [turn.time_start for turn in t.turns] == [3, 9, 3725]
    assert t.interviewers == {"Sara Jensen"}


def test_form_feeds_are_pages(tmp_path):
    path = tmp_path / "pages.txt"
    path.write_text("I: Side et?\nR: Ja.\n\fI: Side to?\nR: Ja, og den fort-\fsætter.\n\f\f"
                    "I: Side fem.\nR: Ok.", encoding="utf-8")
    t = read_transcript(path)
    assert "\f" not in t.text
    assert [p.label for p in t.pages] == ["1", "2", "3", "5"]
    assert t.text[t.pages[0].start:t.pages[0].end] == "I: Side et?\nR: Ja."
    assert t.text[t.pages[2].start:t.pages[2].end] == "sætter."
    assert "den fort-sætter." in t.text  # a break inside a line does not add a line break
    assert t.interviewers == {"I"}


def test_split_pages_keeps_offsets_consistent():
    text, pages = split_pages("a\n\n\fb  \n\f\fc d\fe\n")
    assert text == "a\nb\nc de"
    assert [(text[p.start:p.end], p.label) for p in pages] == [
        ("a", "1"), ("b", "2"), ("c d", "4"), ("e", "5")]


def test_markdown(tmp_path):
    path = tmp_path / "fokus.md"
    path.write_text("## Vignet 1\n\n**Sara:** Hun er *meget* lille, se [notat](x.md).\n\n"
                    "**Karen:** Ja \\*enig\\*.\n\n## Vignet 2\n\n**Sara:** Næste.\n\n**Karen:** Ok.\n",
                    encoding="utf-8")
    t = read_transcript(path)
    assert _turns(t) == [("Sara", "Hun er meget lille, se notat."), ("Karen", "Ja *enig*."),
                         ("Sara", "Næste."), ("Karen", "Ok.")]
    assert [s.label for s in t.sections] == ["Vignet 1", "Vignet 2"]
    assert t.import_format == "md"


@pytest.mark.parametrize("content,message", [
    (b"", "has no text"),
    (b"  \r\n\t\n", "has no text"),
    (bytes(range(256)) * 20, "binary"),
    (b"\x89PNG\r\n\x1a\n" + bytes(200), "binary"),
])
def test_bad_text_files(tmp_path, content, message):
    path = tmp_path / "dårlig.txt"
    path.write_bytes(content)
    with pytest.raises(InputFileError, match=message) as err:
        read_transcript(path)
    assert "dårlig.txt" in str(err.value)


def test_unknown_and_missing_files(tmp_path):
    with pytest.raises(InputFileError, match=r"save it as \.docx"):
        read_transcript(tmp_path / "gammel.doc")
    with pytest.raises(InputFileError, match="qcoder attributes"):
        read_transcript(tmp_path / "cases.xlsx")
    with pytest.raises(InputFileError, match="no such file"):
        read_transcript(tmp_path / "findes-ikke.txt")
