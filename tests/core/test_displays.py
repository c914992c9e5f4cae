"""Hypotheses, verdicts and the displays built from a small real project with several cases.

`analysis_project` builds the project the exporter and CLI tests use as well: five mayor
interviews (pages split by form feeds), three anonymised employee interviews joined to a
survey, and a focus group in two vignette sections; two coders.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from qcoder.core import catalog
from qcoder.core.analysis.build import build_display
from qcoder.core.analysis.case_codings import CaseCodings
from qcoder.core.analysis.counter_evidence import FlagCounterEvidence, flag_counter_evidence
from qcoder.core.analysis.displays import Options, hypothesis_display, overview_matrix
from qcoder.core.analysis.evidence import coding_choices, coding_stance
from qcoder.core.analysis.hypotheses import (
    CreateHypothesis,
    DeleteHypothesis,
    HypothesisSpec,
    LinkCode,
)
from qcoder.core.analysis.listings import cell_segments, verdict_listing
from qcoder.core.analysis.matrices import MatrixChoices, code_case_matrix, matrix_choices
from qcoder.core.analysis.suggestions import suggest_verdicts
from qcoder.core.analysis.theme_displays import (
    PREVALENCE_RULES,
    joint_display,
    motivation_profile,
    prevalence,
)
from qcoder.core.analysis.verdicts import (
    SetCell,
    SetEvidence,
    SetVerdict,
    set_verdict,
    verdict_states,
)
from qcoder.core.cases.cases import (
    get_or_create_attribute,
    get_or_create_case,
    link_document,
    set_value,
)
from qcoder.core.codebooks.loading import load_codebook
from qcoder.core.coding.codings import RemoveCoding, apply_coding
from qcoder.core.documents.adding import add_document
from qcoder.core.documents.importers import read_transcript
from qcoder.core.errors import NotFoundError, QcoderError
from qcoder.core.lookup import (
    case_by_name,
    code_by_path,
    coder_by_name,
    document_by_name,
    hypothesis_by_ident,
)
from qcoder.core.operations import run
from qcoder.core.store import Project
from qcoder.core.store.models import Coding, DocumentCase
from qcoder.core.survey.datasets import dataset_by_name, load_survey
from qcoder.core.survey.summaries import summarize

CODEBOOK = """codebook: "Analyse æøå"
id: analyse
version: 1
hypotheses:
  - id: H1
    label: "Tab af indflydelse"
    statement: "Borgmestre går, når de mister indflydelse."
    kind: exit
    display_columns: ["Mulighed", "Argument", "Konsekvens"]
  - id: H3
    label: "Chikane"
    statement: "Borgmestre går, når de chikaneres."
    kind: exit
    display_columns: ["Chikane", "Konsekvens"]
codes:
  - name: Policy-seeking
    color: "#1f77b4"
    hypotheses: [{id: H1, direction: supports}]
    children:
      - name: Økonomiske barrierer
        color: "#aec7e8"
  - name: Chikane
    color: "#d62728"
    hypotheses: [{id: H1, direction: contradicts}, {id: H3, direction: supports}]
  - name: Politisk pres
    color: "#2ca02c"
    survey_items: [Q1, Q5]
  - name: Øvrige
    color: "#7f7f7f"
"""

POLICY = "Jeg kunne ikke gennemføre min politik."
ECONOMY = "Økonomien bandt os."
THREATS = "Der kom trusler på de sociale medier."
FORMULA = "=SUM(A1) sagde kassereren altid."
PRESSURE = "Presset lever i organisationen."
OTHER = "Det var en lang dag."


def mayor_text(name: str) -> str:
    return (f"Fiktivt interview med {name}.\n\nInterviewer: Hvorfor gik du?\n\n"
            f"{name}: {POLICY} {ECONOMY}\n\f\nInterviewer: Og chikanen?\n\n"
            f"{name}: {THREATS} {OTHER}\n\nInterviewer: Tak.\n\n{name}: {FORMULA}\n")


def dm_text(n: int) -> str:
    return (f"Fiktivt interview nr. {n}.\n\nInterviewer: Oplever du pres?\n\n"
            f"Informant: {PRESSURE} {OTHER}\n")


FOCUS = ("Fiktiv fokusgruppe.\n\n## Vignet 1: Kira, 4 år\n\nInterviewer: Hvad tænker I?\n\n"
         f"Sara: {OTHER}\n\n## Vignet 2: Emil, 13 år\n\nInterviewer: Og Emil?\n\n"
         f"Karen: {OTHER} {PRESSURE}\n")

MAYORS = {"Borgmester Jens": ("Jens", 2), "Borgmester Hanne": ("Hanne", 3),
          "Borgmester Søren": ("Søren", 4), "Borgmester Ulla": ("Ulla", 5),
          "Borgmester Bent": ("Bent", 6)}
EMPLOYEES = {"DM-01": ("Kvinde", "25-39", "betjener politikere", "R002"),
             "DM-02": ("Mand", "40-54", "træffer myndighedsafgørelser", "R005"),
             "DM-03": ("Kvinde", "55+", "betjener politikere", "")}

#: (case, code path under the codebook, quote, coder, memo)
CODINGS = [
    ("Borgmester Jens", "Policy-seeking", POLICY, "Anna", "Kan ikke realisere politik -> H1"),
    ("Borgmester Jens", "Policy-seeking", POLICY, "Bo", ""),
    ("Borgmester Hanne", "Policy-seeking/Økonomiske barrierer", ECONOMY, "Anna", "Rammerne"),
    ("Borgmester Hanne", "Policy-seeking/Økonomiske barrierer", POLICY, "Anna", ""),
    ("Borgmester Hanne", "Chikane", THREATS, "Anna", "Trusler"),
    ("Borgmester Søren", "Policy-seeking", POLICY, "Anna", ""),
    ("Borgmester Søren", "Chikane", THREATS, "Bo", ""),
    ("Borgmester Ulla", "Øvrige", OTHER, "Anna", ""),
    ("Borgmester Ulla", "Øvrige", FORMULA, "Bo", "=kassereren"),
    ("DM-01", "Politisk pres", PRESSURE, "Anna", "Diffust pres"),
    ("DM-02", "Politisk pres", PRESSURE, "Anna", ""),
    ("DM-03", "Øvrige", OTHER, "Anna", ""),
    ("Fokusgruppe Nordby", "Øvrige", OTHER, "Anna", ""),
    ("Fokusgruppe Nordby", "Politisk pres", PRESSURE, "Bo", ""),
]

SURVEY = ["respondent_id;task_type;Q1;Q5"] + [
    f"R{i:03d};{['betjener politikere', 'træffer myndighedsafgørelser'][i % 2]};"
    f"{['Meget ofte', 'Ofte', 'Af og til', 'Sjældent', 'Aldrig', 'Ved ikke'][i % 6]};"
    f"{['Helt enig', 'Enig', 'Uenig'][i % 3] if i % 2 == 0 else ''}" for i in range(1, 25)]
SURVEY_LABELS = ("item;wording;labels;missing;filter\n"
                 "Q1;Hvor ofte oplever du pres?;Meget ofte|Ofte|Af og til|Sjældent|Aldrig;Ved ikke;\n"
                 "Q5;Det er svært at være loyal og faglig.;Helt enig|Enig|Hverken enig eller uenig|"
                 "Uenig|Helt uenig;Ved ikke;Kun dem, der betjener politikere\n")


def _add(project, folder: Path, name: str, text: str, kind: str, case: str) -> None:
    path = folder / f"{name}.txt"
    path.write_text(text, encoding="utf-8")
    add_document(project, read_transcript(path), name=name, kind=kind)
    with project.transaction() as s:
        link_document(s, document_by_name(s, name), get_or_create_case(s, case))


def build_analysis_project(path: Path) -> Project:
    folder = path.parent
    project = Project.create(path, title="Analyse æøå")
    (folder / "kodebog.yaml").write_text(CODEBOOK, encoding="utf-8")
    load_codebook(project, folder / "kodebog.yaml")
    for case, (first, _bilag) in MAYORS.items():
        _add(project, folder, f"interview {first}", mayor_text(first), "mayor_interview", case)
    for n, case in enumerate(EMPLOYEES, start=1):
        _add(project, folder, f"dm {n}", dm_text(n), "dm_interview", case)
    _add(project, folder, "fokusgruppe nordby", FOCUS, "vignette_group", "Fokusgruppe Nordby")
    with project.transaction() as s:
        attrs = {n: get_or_create_attribute(s, n, "text") for n in
                 ("first_name", "appendix", "gender", "age_band", "task_type", "respondent_id")}
        for case, (first, bilag) in MAYORS.items():
            set_value(s, get_or_create_case(s, case), attrs["first_name"], first)
            set_value(s, get_or_create_case(s, case), attrs["appendix"], str(bilag))
        for case, values in EMPLOYEES.items():
            for name, value in zip(("gender", "age_band", "task_type", "respondent_id"), values):
                set_value(s, get_or_create_case(s, case), attrs[name], value)
    with project.session() as s:
        docs = {case: doc for doc, case in s.execute(sa.text(
            "select d.name, c.name from documents d join document_cases dc on dc.document_id = d.id "
            "join cases c on c.id = dc.case_id"))}
        texts = dict(s.execute(sa.text("select name, text from documents")).all())
        codes = {p: code_by_path(s, f"Analyse æøå/{p}").id for p in {c[1] for c in CODINGS}}
    with project.transaction() as s:
        coders = {n: coder_by_name(s, n, create=True).id for n in ("Anna", "Bo")}
    with project.session() as s:
        doc_ids = dict(s.execute(sa.text("select name, id from documents")).all())
    for case, code, quote, coder, memo in CODINGS:
        doc = docs[case]
        start = texts[doc].index(quote)
        apply_coding(project, doc_ids[doc], start, start + len(quote), codes[code], coders[coder],
                     memo=memo)
    (folder / "survey.csv").write_text("\n".join(SURVEY) + "\n", encoding="utf-8-sig")
    (folder / "survey_labels.csv").write_text(SURVEY_LABELS, encoding="utf-8")
    load_survey(project, folder / "survey.csv", "respondent_id", labels=folder / "survey_labels.csv",
                name="DM-survey")
    return project


@pytest.fixture
def analysis(tmp_path):
    project = build_analysis_project(tmp_path / "analyse æøå.qcoder")
    yield project
    project.close()


def _ids(project, case: str, hyp: str) -> tuple[int, int]:
    with project.session() as s:
        return case_by_name(s, case).id, hypothesis_by_ident(s, hyp).id


def _row(table, case: str) -> dict:
    headers = [c.header for c in table.columns]
    for row in table.rows:
        if row[0].value == case:
            return dict(zip(headers, row))
    raise AssertionError(f"no row for {case}")


def _suggestions(project, hyp: str) -> dict[str, str]:
    with project.session() as s:
        cc = CaseCodings(s)
        return {cc.cases[c]: sg.verdict
                for c, sg in suggest_verdicts(s, hypothesis_by_ident(s, hyp).id, cc).items()}


def test_suggestions_follow_the_documented_rules(analysis):
    got = _suggestions(analysis, "H1")
    assert got["Borgmester Jens"] == "støtte"            # only supporting
    assert got["Borgmester Hanne"] == "delvis støtte"    # 2 (inherited from parent) > 1
    assert got["Borgmester Søren"] == "modstrid"         # 1 vs 1
    assert got["Borgmester Ulla"] == "ingen støtte"      # coded, nothing linked
    assert got["Borgmester Bent"] == "ingen data"        # not coded at all
    assert _suggestions(analysis, "H3")["Borgmester Søren"] == "støtte"


def test_the_verdict_is_the_researchers_and_undoable(analysis):
    case_id, hyp_id = _ids(analysis, "Borgmester Jens", "H1")
    result = run(analysis, SetVerdict(case_id, hyp_id, "modstrid"))
    with analysis.session() as s:
        row = _row(hypothesis_display(s, Options(hypothesis="H1")), "Borgmester Jens")
    assert row["Vurdering"].value == "modstrid" and row["Vurdering"].tone == "modstrid"
    assert row["Forslag"].value.endswith("støtte")  # shown beside, never overwriting
    assert (row["Støttende kodninger"].value, row["Modstridende kodninger"].value) == (2, 0)
    redo = run(analysis, result.inverse)
    with analysis.session() as s:
        assert verdict_states(s) == {}
    run(analysis, redo.inverse)
    with analysis.session() as s:
        assert verdict_states(s)[(case_id, hyp_id)].verdict == "modstrid"
    with pytest.raises(QcoderError, match="unknown verdict 'måske'"):
        set_verdict(analysis, "Borgmester Jens", "H1", "måske")
    with pytest.raises(NotFoundError, match="no case named 'Borgmester Jense'.*Borgmester Jens"):
        set_verdict(analysis, "Borgmester Jense", "H1", "støtte")


def test_cells_and_evidence_keep_their_quotes_across_remove_and_undo(analysis):
    case_id, hyp_id = _ids(analysis, "Borgmester Hanne", "H1")
    with analysis.session() as s:
        economy = s.scalar(sa.select(Coding.uuid).where(Coding.memo == "Rammerne"))
    run(analysis, SetCell(case_id, hyp_id, "Mulighed", "Økonomien bandt kommunen.", (economy,)))
    run(analysis, SetEvidence(case_id, hyp_id, (economy,)))
    with analysis.session() as s:
        row = _row(hypothesis_display(s, Options(hypothesis="H1")), "Borgmester Hanne")
    assert row["Mulighed"].value == f"Økonomien bandt kommunen.\n\u201d{ECONOMY}\u201d (Hanne, bilag 3, s. 1)"
    assert row["Mulighed"].codings == (economy,)
    assert row["Nøglecitater"].value.startswith(f"\u201d{ECONOMY}\u201d (Hanne, bilag 3, s. 1)")
    assert "Modfortælling: \u201d" + THREATS in row["Nøglecitater"].value
    removed = run(analysis, RemoveCoding(economy))
    with analysis.session() as s:
        row = _row(hypothesis_display(s, Options(hypothesis="H1")), "Borgmester Hanne")
    assert row["Mulighed"].value == "Økonomien bandt kommunen."
    run(analysis, removed.inverse)
    with analysis.session() as s:
        row = _row(hypothesis_display(s, Options(hypothesis="H1")), "Borgmester Hanne")
    assert ECONOMY in row["Mulighed"].value and row["Mulighed"].codings == (economy,)
    with pytest.raises(QcoderError, match="no display column 'Baggrund'.*Mulighed, Argument"):
        run(analysis, SetCell(case_id, hyp_id, "Baggrund", "x"))


def test_counter_evidence_flag_turns_the_suggestion_and_undoes(analysis):
    case_id, hyp_id = _ids(analysis, "Borgmester Jens", "H1")
    with analysis.session() as s:
        anna = s.scalar(sa.select(Coding.uuid).where(Coding.memo.like("Kan ikke%")))
    result = run(analysis, FlagCounterEvidence(anna, hyp_id, "Egentlig ikke H1"))
    assert _suggestions(analysis, "H1")["Borgmester Jens"] == "modstrid"
    run(analysis, result.inverse)
    assert _suggestions(analysis, "H1")["Borgmester Jens"] == "støtte"


def test_links_and_hypotheses_outside_codebooks_are_undoable(analysis):
    with analysis.session() as s:
        other = code_by_path(s, "Analyse æøå/Øvrige").id
    created = run(analysis, CreateHypothesis(HypothesisSpec(
        "H5", "Udbrændthed", "Borgmestre går, når de brænder ud.", "exit", ("Tegn", "Konsekvens"))))
    ulla, h5 = _ids(analysis, "Borgmester Ulla", "H5")
    run(analysis, LinkCode(other, h5, "supports"))
    run(analysis, SetVerdict(ulla, h5, "delvis støtte"))
    run(analysis, SetCell(ulla, h5, "Tegn", "Lange dage"))
    assert _suggestions(analysis, "H5")["Borgmester Ulla"] == "støtte"
    deleted = run(analysis, DeleteHypothesis(created.inverse.uuid))
    with analysis.session() as s:
        assert s.scalar(sa.text("select count(*) from verdicts")) == 0
        with pytest.raises(NotFoundError):
            hypothesis_by_ident(s, "H5")
    run(analysis, deleted.inverse)
    with analysis.session() as s:
        state = verdict_states(s)[(ulla, h5)]
        assert hypothesis_by_ident(s, "H5").id == h5
    assert (state.verdict, state.cell("Tegn")) == ("delvis støtte", ("Lange dage", ()))
    assert _suggestions(analysis, "H5")["Borgmester Ulla"] == "støtte"
    with analysis.session() as s:
        h1 = hypothesis_by_ident(s, "H1").uuid
    with pytest.raises(QcoderError, match="belongs to codebook"):
        run(analysis, DeleteHypothesis(h1))


def test_hypothesis_display_rows_and_columns(analysis):
    set_verdict(analysis, "Borgmester Søren", "H1", "ingen støtte")
    with analysis.session() as s:
        table = hypothesis_display(s, Options(hypothesis="H1", attributes=("appendix",),
                                              survey_items=("Q1",)))
    cases = [r[0].value for r in table.rows]
    assert cases == sorted(MAYORS)  # one row per mayor; employees and focus group are elsewhere
    headers = [c.header for c in table.columns]
    assert headers[:5] == ["Case", "appendix", "Mulighed", "Argument", "Konsekvens"]
    assert "Vurdering" in headers and headers[-1] == "Survey Q1 (eget svar)"
    jens = _row(table, "Borgmester Jens")
    assert jens["Nøglecitater"].value == f"\u201d{POLICY}\u201d (Jens, bilag 2, s. 1)"  # once
    assert _row(table, "Borgmester Søren")["Vurdering"].tone == "ingen støtte"
    assert table.caption == "Borgmestre går, når de mister indflydelse."


def test_overview_matrix_symbols_counts_and_tones(analysis):
    set_verdict(analysis, "Borgmester Jens", "H1", "støtte")
    with analysis.session() as s:
        table = overview_matrix(s, Options())
    assert [c.header for c in table.columns] == ["Case", "H1", "H3"]
    jens = _row(table, "Borgmester Jens")
    assert (jens["H1"].value, jens["H1"].tone) == ("\u2714 støtte (2/0)", "støtte")
    assert _row(table, "Borgmester Hanne")["H1"].value == "[forslag: delvis støtte] (2/1)"
    assert _row(table, "DM-01")["H1"].value is None


def _expected_counts(project) -> dict[tuple[str, str], int]:
    with project.session() as s:
        rows = s.execute(sa.text(
            "select cs.name, cd.name, count(*) from codings k "
            "join document_cases dc on dc.document_id = k.document_id "
            "join cases cs on cs.id = dc.case_id join codes cd on cd.id = k.code_id "
            "group by cs.name, cd.name")).all()
    return {(case, code): n for case, code, n in rows}


def test_code_case_matrix_counts_presence_share_and_families(analysis):
    expected = _expected_counts(analysis)
    with analysis.session() as s:
        table = code_case_matrix(s, Options())
        cases = [c.header for c in table.columns[1:-2]]
        for row in table.rows:
            code = row[0].value.rsplit("/", 1)[1]
            for case, cell in zip(cases, row[1:-2]):
                assert cell.value == expected.get((case, code), 0)
                assert len(cell.codings) == cell.value
            assert row[-2].value == sum(n for (_c, k), n in expected.items() if k == code)
        presence = code_case_matrix(s, Options(measure="presence"))
        share = code_case_matrix(s, Options(measure="share", coder="Anna"))
        family = code_case_matrix(s, Options(level="family"))
        one = code_case_matrix(s, Options(family="Analyse æøå/Policy-seeking"))
        length = len(s.scalar(sa.text("select text from documents where name = 'interview Hanne'")))
    policy = [r for r in presence.rows if r[0].value.endswith("/Policy-seeking")][0]
    assert [c.value for c in policy[1:-2]].count("\u2713") == 2  # Jens, Søren
    hanne = cases.index("Borgmester Hanne") + 1
    econ = [r for r in share.rows if r[0].value.endswith("Økonomiske barrierer")][0]
    assert econ[hanne].value == round(100 * (len(ECONOMY) + len(POLICY)) / length, 1)
    top = [r for r in family.rows if r[0].value.endswith("/Policy-seeking")][0]
    assert top[hanne].value == 2 and len(family.rows) == 4
    assert [r[0].value for r in one.rows] == ["Analyse æøå/Policy-seeking",
                                              "Analyse æøå/Policy-seeking/Økonomiske barrierer"]


def test_code_section_case_matrix_for_focus_groups(analysis):
    with analysis.session() as s:
        table = code_case_matrix(s, Options(), by_section=True)
    headers = [c.header for c in table.columns]
    assert "Fokusgruppe Nordby \u00b7 Vignet 1: Kira, 4 år" in headers
    assert "Fokusgruppe Nordby \u00b7 Vignet 2: Emil, 13 år" in headers
    assert headers[1:-2] == ["Fokusgruppe Nordby \u00b7 Vignet 1: Kira, 4 år",
                             "Fokusgruppe Nordby \u00b7 Vignet 2: Emil, 13 år"]
    other = [r for r in table.rows if r[0].value.endswith("/Øvrige")][0]
    pressure = [r for r in table.rows if r[0].value.endswith("/Politisk pres")][0]
    col1 = headers.index("Fokusgruppe Nordby \u00b7 Vignet 1: Kira, 4 år")
    col2 = headers.index("Fokusgruppe Nordby \u00b7 Vignet 2: Emil, 13 år")
    assert (other[col1].value, pressure[col1].value, pressure[col2].value) == (1, 0, 1)


def test_motivation_profile_cells_are_quote_arrow_memo(analysis):
    with analysis.session() as s:
        table = motivation_profile(s, Options(codes=("Analyse æøå/Policy-seeking",
                                                     "Analyse æøå/Chikane")))
    assert [c.header for c in table.columns] == ["Case", "Policy-seeking", "Chikane"]
    hanne = _row(table, "Borgmester Hanne")
    assert hanne["Chikane"].value == f"\u201d{THREATS}\u201d (Hanne, bilag 3, s. 2) \u2192 Trusler"
    assert f"\u201d{ECONOMY}\u201d (Hanne, bilag 3, s. 1) \u2192 Rammerne" in hanne["Policy-seeking"].value


def test_joint_display_prevalence_top_box_and_own_answers(analysis):
    with analysis.session() as s:
        table = joint_display(s, Options(subgroup="task_type"))
        ds = dataset_by_name(s)
        q1 = summarize(s, ds, "Q1", "task_type")
    rows = [dict(zip([c.header for c in table.columns], r)) for r in table.rows]
    assert [r["Item"].value for r in rows] == ["Q1", "Q5"]
    first = rows[0]
    # coded in DM-01, DM-02 and the focus group; n = cases of those two corpus kinds
    assert (first["k"].value, first["n"].value) == (3, 4)
    assert first["Udbredelse"].value == prevalence(3, 4) == "de fleste"
    assert first["Top-box %"].value == round(100 * q1.top_box, 1)
    assert first["Top-box % (betjener politikere)"].value == round(
        100 * q1.by_subgroup["betjener politikere"]["top_box"], 1)
    assert first["Base N"].value == q1.n_valid
    quotes = first["Citater"].value.split("\n")
    assert quotes[0].startswith(f"\u201d{PRESSURE}\u201d (Kvinde, 25-39 år, betjener politikere)")
    r002 = SURVEY[2].split(";")[2]
    assert quotes[0].endswith(f"eget svar: {r002}")
    assert rows[1]["Filter"].value == "Kun dem, der betjener politikere"


@pytest.mark.parametrize("k, n", [(k, n) for n in (1, 2, 6, 8, 30) for k in range(n + 1)])
def test_prevalence_words_follow_the_documented_thresholds(k, n):
    word = prevalence(k, n)
    assert word in [w for w, _rule in PREVALENCE_RULES]
    share = k / n
    if k == 0:
        assert word == "ingen"
    elif k == n:
        assert word == "alle"
    elif share > 0.5:
        assert word == "de fleste"
    elif word == "flere":
        assert share >= 0.3 and k >= 3
    elif word == "nogle":
        assert share >= 0.15 and k >= 2 and not (share >= 0.3 and k >= 3)
    else:
        assert word == "enkelte" and not (share >= 0.15 and k >= 2)


def test_codings_of_documents_without_cases_are_left_out(analysis, tmp_path):
    (tmp_path / "løs.txt").write_text("Interviewer: Hej\n\nX: Hej selv.\n", encoding="utf-8")
    add_document(analysis, read_transcript(tmp_path / "løs.txt"), kind="other")
    with analysis.session() as s:
        linked = s.scalar(sa.select(sa.func.count()).select_from(DocumentCase))
        assert linked == len(MAYORS) + len(EMPLOYEES) + 1
        assert len(CaseCodings(s).codings) == len(CODINGS)


def test_quotes_follow_the_projects_citation_templates(analysis):
    from qcoder.core.cases.citation import set_citation_template

    set_citation_template(analysis, "mayor_interview", "({first_name}[, bilag {appendix}], "
                                                       "side {page}, linje {line})")
    with analysis.session() as s:
        table = motivation_profile(s, Options(codes=("Analyse æøå/Chikane",)))
        focus = code_case_matrix(s, Options(), by_section=True)
    hanne = _row(table, "Borgmester Hanne")["Chikane"].value
    assert hanne.startswith(f"\u201d{THREATS}\u201d (Hanne, bilag 3, side 2, linje ")
    assert focus.rows  # the default vignette template still renders


# -- the read API the analysis window and the CLI use --------------------------------------------
def _codings_by(project, coder: str) -> set[str]:
    with project.session() as s:
        return set(s.scalars(sa.text("select k.uuid from codings k join coders c on c.id = "
                                     "k.coder_id where c.name = :n"), {"n": coder}))


def test_several_coders_in_view_narrow_the_codings_and_say_so(analysis):
    expected = sum(1 for c in CODINGS if c[3] == "Bo")
    both = build_display(analysis, "matrix", Options(coders=("Anna", "Bo")))
    bo = build_display(analysis, "matrix", Options(coders=("Bo",)))
    nobody = build_display(analysis, "matrix", Options(coders=()))
    assert sum(row[-2].value for row in both.rows) == len(CODINGS)
    assert sum(row[-2].value for row in bo.rows) == expected
    assert {u for row in bo.rows for cell in row for u in cell.codings} == _codings_by(analysis, "Bo")
    assert sum(row[-2].value for row in nobody.rows) == 0
    assert "Kun kodninger af Anna, Bo." in both.notes and "Kun kodninger af Bo." in bo.notes
    assert "Kun kodninger af ingen kodere." in nobody.notes
    assert not any(n.startswith("Kun kodninger") for n in build_display(
        analysis, "matrix", Options()).notes)


def test_build_display_is_the_session_level_display(analysis):
    options = Options(hypothesis="H1", attributes=("appendix",))
    with analysis.session() as s:
        direct = hypothesis_display(s, options)
    built = build_display(analysis, "hypotheses", options)
    assert (built.title, built.values(), built.notes) == (direct.title, direct.values(), direct.notes)
    with pytest.raises(QcoderError, match="unknown display 'matrise'"):
        build_display(analysis, "matrise", Options())


def test_verdict_listing_is_what_the_overview_shows(analysis):
    set_verdict(analysis, "Borgmester Jens", "H1", "støtte", note="klar", cells=(
        ("Konsekvens", "Gik"),))
    listing = verdict_listing(analysis)
    overview = build_display(analysis, "overview", Options())
    hyps = [c.header for c in overview.columns[1:]]
    assert hyps == [h.ident for h in catalog.hypotheses(analysis)]
    shown = {(row[0].value, hyp): cell.value for row in overview.rows
             for hyp, cell in zip(hyps, row[1:]) if cell.value is not None}
    assert {(e.case, e.hypothesis) for e in listing} == set(shown)
    assert [e.hypothesis for e in listing] == sorted((e.hypothesis for e in listing), key=hyps.index)
    for e in listing:
        counts = f"({e.supporting}/{e.contradicting})"
        assert shown[(e.case, e.hypothesis)].endswith(counts)
        assert (e.verdict or f"[forslag: {e.suggestion}]") in shown[(e.case, e.hypothesis)]
    jens = next(e for e in listing if (e.case, e.hypothesis) == ("Borgmester Jens", "H1"))
    assert (jens.verdict, jens.note, jens.cells) == ("støtte", "klar", {"Konsekvens": "Gik"})
    assert [e.case for e in verdict_listing(analysis, "H3")] == [
        e.case for e in listing if e.hypothesis == "H3"]


def test_evidence_choices_put_the_linked_codings_first(analysis):
    case_id, hyp_id = _ids(analysis, "Borgmester Hanne", "H1")
    with analysis.session() as s:
        economy = s.scalar(sa.select(Coding.uuid).where(Coding.memo == "Rammerne"))
    hanne = [c for c in CODINGS if c[0] == "Borgmester Hanne"]
    choices = coding_choices(analysis, Options(), case_id, hyp_id)
    assert len(choices) == len(hanne)
    # the codebook links Policy-seeking (and so its sub-code) "supports", Chikane "contradicts"
    assert [c.direction for c in choices] == ["supports", "supports", "contradicts"]
    assert {c.code for c in choices} == {"Policy-seeking/Økonomiske barrierer", "Chikane"}
    run(analysis, FlagCounterEvidence(economy, hyp_id))
    flagged = coding_choices(analysis, Options(), case_id, hyp_id)
    assert (flagged[0].uuid, flagged[0].flagged) == (economy, True)
    assert coding_choices(analysis, Options(coders=("Bo",)), case_id, hyp_id) == []


def test_a_codings_stance_names_its_cases_flags_and_evidence(analysis):
    with analysis.session() as s:
        jens = s.scalar(sa.select(Coding.uuid).where(Coding.memo.like("Kan ikke%")))
    case_id, hyp_id = _ids(analysis, "Borgmester Jens", "H1")
    run(analysis, SetEvidence(case_id, hyp_id, (jens,)))
    flag_counter_evidence(analysis, jens, "H3", "tvivlsom")
    stance = coding_stance(analysis, jens)
    assert [h.title for h in stance.hypotheses] == ["H1: Tab af indflydelse", "H3: Chikane"]
    assert stance.cases == [(case_id, "Borgmester Jens")]
    assert stance.flagged == {_ids(analysis, "Borgmester Jens", "H3")[1]}
    assert stance.evidence == {(case_id, hyp_id): (jens,)}
    flag_counter_evidence(analysis, jens, "H3", remove=True)
    assert coding_stance(analysis, jens).flagged == set()
    assert coding_stance(analysis, "no-such-coding") is None


def test_a_cells_codings_in_view_and_as_seen_from_a_case(analysis):
    with analysis.session() as s:
        policy = list(s.scalars(sa.text(
            "select k.uuid from codings k join codes c on c.id = k.code_id "
            "where c.name = 'Policy-seeking' order by k.id")))
    rows = cell_segments(analysis, policy, Options())
    assert [r.uuid for r in rows] == policy
    assert {r.case for r in rows} == {c[0] for c in CODINGS if c[1] == "Policy-seeking"}
    assert all(r.quote.startswith(f"\u201d{POLICY}\u201d (") for r in rows)
    anna = cell_segments(analysis, policy, Options(coders=("Anna",)))
    assert {r.uuid for r in anna} == set(policy) & _codings_by(analysis, "Anna")
    assert cell_segments(analysis, ["no-such-coding"], Options()) == []


def test_matrix_choices_offer_code_families_and_sections(analysis, tmp_path):
    choices = matrix_choices(analysis)
    # every code of the test codebook is top-level except one sub-code without children
    assert choices.families == tuple(sorted(f"Analyse æøå/{name}" for name in (
        "Policy-seeking", "Chikane", "Politisk pres", "Øvrige")))
    assert choices.has_sections   # the focus group's vignettes
    empty = Project.create(tmp_path / "tom.qcoder", title="Tom")
    assert matrix_choices(empty) == MatrixChoices((), False)
    empty.close()
