"""Units (sentences, paragraphs, turns, characters, segments), coverage rules, domains and the
report's warnings, on real projects coded through the CSV path."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from qcoder.core.agreement import agreement_report, units_compared
from qcoder.core.agreement.units import load_corpus, text_units
from qcoder.core.documents.adding import store_transcript
from qcoder.core.documents.importers import structure
from qcoder.core.documents.transcript import normalise_text
from qcoder.core.errors import QcoderError
from qcoder.core.language.nlp import pipeline_name, sentence_spans
from qcoder.core.store import Project

from .agreement_support import code, load_book, make_project, path

TRANSCRIPT = normalise_text("""Interviewer: Hvorfor stoppede du? Var det økonomien?

Jens Ærø: Jeg kunne ikke gennemføre politikken. Økonomien bandt os. Det var hårdt.

Interviewer: Og chikanen på de sociale medier?

Jens Ærø: Der kom trusler. Min familie blev påvirket, og så gik jeg.
""")


@pytest.fixture
def interview(tmp_path):
    project = Project.create(tmp_path / "i.qcoder")
    load_book(project, tmp_path, [{"name": "Økonomi"}, {"name": "Chikane"},
                                  {"name": "Motiv", "children": [{"name": "Policy"}, {"name": "Office"}]}])
    with project.transaction() as s:
        store_transcript(s, structure(TRANSCRIPT, "jens.txt", "txt"), "jens")
    yield project
    project.close()


def at(text: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = TRANSCRIPT.index(text, start + 1)
    return start, start + len(text)


def spans_text(project, unit: str) -> list[str]:
    with project.session() as s:
        corpus = load_corpus(s, [], [])
    starts, ends = text_units(corpus, unit)
    doc = corpus.docs[0]
    return [doc.text[a - doc.offset:b - doc.offset] for a, b in zip(starts, ends)]


def test_sentences_come_from_the_danish_pipeline_in_code_points():
    text = "Økonomien bandt os. Det var hårdt! Hvad så?\nNy linje uden punktum\n\nSidste æøå."
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == [
        "Økonomien bandt os.", "Det var hårdt!", "Hvad så?", "Ny linje uden punktum",
        "Sidste æøå."]
    assert "da" in pipeline_name() or "blank" in pipeline_name()


def test_text_units_sentences_stay_inside_turns_without_labels(interview):
    sentences = spans_text(interview, "sentence")
    assert sentences[:3] == ["Hvorfor stoppede du?", "Var det økonomien?",
                             "Jeg kunne ikke gennemføre politikken."]
    assert not any(s.startswith(("Interviewer", "Jens")) for s in sentences)
    assert spans_text(interview, "turn")[1] == \
        "Jeg kunne ikke gennemføre politikken. Økonomien bandt os. Det var hårdt."
    paragraphs = spans_text(interview, "paragraph")
    assert len(paragraphs) == 4 and paragraphs[3].startswith("Jens Ærø: Der kom")


def test_min_cover_and_overlapping_codings_of_one_coder(interview, tmp_path):
    turn = at("Jeg kunne ikke gennemføre politikken. Økonomien bandt os. Det var hårdt.")
    part = (turn[0], turn[0] + 20)  # about a quarter of the turn
    code(interview, tmp_path, "Anna", [("jens", *turn, path("Økonomi"))])
    # Bo codes the same part twice (overlapping): it must count once, not twice
    code(interview, tmp_path, "Bo", [("jens", *part, path("Økonomi")),
                                     ("jens", part[0] + 5, part[1], path("Økonomi"))])

    def both(min_cover):
        r = agreement_report(interview, ["Anna", "Bo"], "turn", min_cover=min_cover)
        return next(e for e in r.data["codes"] if e["code"] == path("Økonomi"))["counts"]["both"]

    assert both(0.0) == 1 and both(0.2) == 1 and both(0.5) == 0


def test_character_level_counts_every_character_coded_or_not(interview, tmp_path):
    a = at("Økonomien bandt os.")
    code(interview, tmp_path, "Anna", [("jens", *a, path("Økonomi"))])
    code(interview, tmp_path, "Bo", [("jens", a[0], a[1] + 13, path("Økonomi"))])
    data = agreement_report(interview, ["Anna", "Bo"], "character").data
    entry = next(e for e in data["codes"] if e["code"] == path("Økonomi"))
    n = len(TRANSCRIPT)
    assert entry["n_units"] == n and units_compared(data) == n
    assert entry["counts"]["both"] == 19 and entry["counts"]["b_only"] == 13
    assert entry["counts"]["neither"] == n - 32
    # the standard kappa over all characters - not QualCoder's over coded characters only
    po = (19 + n - 32) / n
    pe = (19 / n) * (32 / n) + (1 - 19 / n) * (1 - 32 / n)
    assert entry["cohen_kappa"] == pytest.approx((po - pe) / (1 - pe), abs=1e-6)


def test_segments_match_by_intersection_over_union(interview, tmp_path):
    s1 = at("Jeg kunne ikke gennemføre politikken. Økonomien bandt os. Det var hårdt.")
    s2 = at("Der kom trusler. Min familie blev påvirket, og så gik jeg.")
    code(interview, tmp_path, "Anna", [("jens", *s1, path("Økonomi")), ("jens", *s2, path("Chikane"))])
    # Bo: s1 minus 3 characters (IoU ~0.96); s2 minus 10 characters (IoU ~0.83)
    code(interview, tmp_path, "Bo", [("jens", s1[0], s1[1] - 3, path("Økonomi")),
                                     ("jens", s2[0] + 10, s2[1], path("Chikane"))])
    report = agreement_report(interview, ["Anna", "Bo"], "segment")
    by_code = {e["code"]: e for e in report.data["codes"]}
    assert by_code[path("Økonomi")]["counts"]["matched"] == 1
    chikane = by_code[path("Chikane")]
    assert chikane["counts"] == {"matched": 0, "unmatched": {"Anna": 1, "Bo": 1},
                                 "segments": {"Anna": 1, "Bo": 1}}
    assert chikane["percent_agreement"] == 0.0
    assert report.data["pooled"]["counts"]["matched"] == 1
    assert report.data["pooled"]["percent_agreement"] == pytest.approx(1 / 3)
    assert units_compared(report.data) == 3  # Økonomi matched, each coder's Chikane unmatched
    looser = agreement_report(interview, ["Anna", "Bo"], "segment", overlap=0.8)
    assert looser.data["pooled"]["counts"]["matched"] == 2
    assert {d["code"] for d in report.disagreements} == {path("Chikane")}


def test_domain_alpha_treats_a_unit_without_a_child_as_missing(interview, tmp_path):
    t = [at("Hvorfor stoppede du? Var det økonomien?"),
         at("Jeg kunne ikke gennemføre politikken. Økonomien bandt os. Det var hårdt."),
         at("Og chikanen på de sociale medier?"),
         at("Der kom trusler. Min familie blev påvirket, og så gik jeg.")]
    code(interview, tmp_path, "Anna", [("jens", *t[1], path("Motiv", "Policy")),
                                       ("jens", *t[3], path("Motiv", "Office"))])
    code(interview, tmp_path, "Bo", [("jens", *t[1], path("Motiv", "Policy")),
                                     ("jens", *t[3], path("Motiv", "Policy")),
                                     ("jens", *t[2], path("Motiv", "Office"))])
    report = agreement_report(interview, ["Anna", "Bo"], "turn")
    [d] = report.data["domains"]
    assert d["code"] == path("Motiv")
    assert d["n_units"] == 2  # turns 2 and 4 have a value from both; turn 3 only from Bo
    assert d["n_values"] == 5
    assert d["children"] == [path("Motiv", "Policy"), path("Motiv", "Office")]
    assert any("only 2 turns: no chance-corrected coefficient" in w for w in d["warnings"])
    assert "krippendorff_alpha_nominal" not in d


def test_warnings_instead_of_misleading_numbers(tmp_path):
    project, off = make_project(tmp_path / "w.qcoder", {"d": [f"Enhed {i} om kommunen." for i in range(200)]},
                                {"Sjælden": [], "Lille": [], "Ubrugt": []})
    u = off["d"]
    with project:
        code(project, tmp_path, "Anna", [("d", *u[0], path("Sjælden")), ("d", *u[1], path("Sjælden"))])
        code(project, tmp_path, "Bo", [("d", *u[0], path("Sjælden"))])
        report = agreement_report(project, ["Anna", "Bo"], "paragraph")
        rare = next(e for e in report.data["codes"] if e["code"] == path("Sjælden"))
        assert "cohen_kappa" not in rare and "krippendorff_alpha" not in rare
        assert "gwet_ac1" in rare and rare["percent_agreement"] == pytest.approx(199 / 200)
        assert "kappa paradox" in rare["warnings"][0]
        unused = next(e for e in report.data["codes"] if e["code"] == path("Ubrugt"))
        assert unused["used"] is False and "no compared coder used" in unused["warnings"][0]
        few = agreement_report(project, ["Anna", "Bo"], "paragraph", documents=["d"],
                               codes=[path("Sjælden")])
        assert [e["code"] for e in few.data["codes"]] == [path("Sjælden")]


def test_three_coders_get_fleiss_not_cohen(tmp_path):
    project, off = make_project(tmp_path / "t.qcoder", {"d": [f"Enhed {i} om byrådet." for i in range(40)]},
                                {"Tema": []})
    u = off["d"]
    with project:
        for coder, picked in (("A", range(0, 20)), ("B", range(2, 22)), ("C", range(0, 18))):
            code(project, tmp_path, coder, [("d", *u[i], path("Tema")) for i in picked])
        report = agreement_report(project, ["A", "B", "C"], "sentence")
        entry = report.data["codes"][0]
        assert "fleiss_kappa" in entry and "cohen_kappa" not in entry
        assert entry["counts"]["all"] == 16 and entry["counts"]["none"] == 18
        chars = agreement_report(project, ["A", "B", "C"], "character").data["codes"][0]
        assert "fleiss_kappa" in chars


@pytest.mark.parametrize("coders,unit,message", [
    (["Anna"], "sentence", "two or more"),
    (["Anna", "Nobody"], "sentence", "no coder named"),
    (["Anna", "Bo", "Cy"], "segment", "exactly two coders"),
    (["Anna", "Bo"], "section", "no sections"),
])
def test_bad_requests_explain_themselves(interview, tmp_path, coders, unit, message):
    for name in ("Anna", "Bo", "Cy"):
        code(interview, tmp_path, name, [("jens", *at("Økonomien bandt os."), path("Økonomi"))])
    with pytest.raises(QcoderError, match=message):
        agreement_report(interview, coders, unit)


def test_sentences_come_from_the_projects_text_index(interview, tmp_path, monkeypatch):
    from qcoder.core.agreement import units
    from qcoder.core.store.models_nlp import TextIndex

    code(interview, tmp_path, "Anna", [("jens", *at("Økonomien bandt os."), path("Økonomi"))])
    code(interview, tmp_path, "Bo", [("jens", *at("Det var hårdt."), path("Økonomi"))])
    units._SENTENCES.clear()
    first = agreement_report(interview, ["Anna", "Bo"], "sentence").data["codes"]
    with interview.session() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(TextIndex)) == 1
    units._SENTENCES.clear()

    def no_spacy(_text):
        raise AssertionError("sentences should come from the text index, not spaCy")

    monkeypatch.setattr(units, "sentence_spans", no_spacy)
    assert agreement_report(interview, ["Anna", "Bo"], "sentence").data["codes"] == first
