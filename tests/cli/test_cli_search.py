"""`qcoder search` through the real entry point, on a real project file."""

from __future__ import annotations

import json

from qcoder.cli import main
from qcoder.core.documents.adding import add_document
from qcoder.core.documents.importers import read_transcript

TEXT = """Interviewer: Blev du udsat for chikane?

Rikke: Ja, jeg blev chikaneret hver uge. Chikanen stoppede først efter valget.
"""


def test_search_json_plain_regex_lemma(project, project_path, tmp_path, capsys):
    src = tmp_path / "rikke æøå.txt"
    src.write_text(TEXT, encoding="utf-8")
    add_document(project, read_transcript(src))
    project.close()

    def run(*args):
        assert main(["search", str(project_path), *args, "--json"]) == 0
        return json.loads(capsys.readouterr().out)

    lemma = run("chikane", "--lemma")
    assert {(h["document"], h["text"]) for h in lemma} == {
        ("interview", "chikanen"), ("rikke æøå", "chikane"), ("rikke æøå", "chikaneret"),
        ("rikke æøå", "Chikanen")}
    assert set(lemma[0]) == {"document", "start", "end", "text"}
    text = (tmp_path / "rikke æøå.txt").read_text(encoding="utf-8")
    for hit in (h for h in lemma if h["document"] == "rikke æøå"):
        assert text[hit["start"]:hit["end"]] == hit["text"]
    # plain search finds the text itself, also inside longer words
    assert [h["text"] for h in run("chikane")] == ["chikane", "chikane", "chikane", "Chikane"]
    assert [h["text"] for h in run(r"\bchikane\b", "--regex")] == ["chikane"]
    assert run("CHIKANE", "--case-sensitive") == []


def test_search_bad_regex_exits_2(project, project_path, capsys):
    project.close()
    assert main(["search", str(project_path), "[æø", "--regex"]) == 2
    err = capsys.readouterr().err.strip()
    assert "[æø" in err and "invalid" in err and err.count("\n") == 0
