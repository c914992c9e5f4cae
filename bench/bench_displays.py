"""Displays and exports: building every display and writing them all to one xlsx workbook.

Full: 200 cases (one interview each, 2,500 words), 60 codes in 6 families linked to 4
hypotheses, 2 coders x 10,000 = 20,000 codings, verdicts on half the cases, and a survey of
1,288 respondents joined to the cases. Target: building and exporting all displays
(`--what displays`: overview, hypotheses, code x case matrices, profile, joint) to xlsx < 5 s;
`--what all` adds the 20,000-row segment listing and the codebook. Quick: 20 cases, 2,000
codings.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from qcoder.core.analysis.displays import Options
from qcoder.core.analysis.verdicts import SetCell, SetVerdict
from qcoder.core.cases.cases import (
    get_or_create_attribute,
    get_or_create_case,
    link_document,
    set_value,
)
from qcoder.core.coding.codings import ApplyCoding, CodingSpec
from qcoder.core.documents.adding import store_transcript
from qcoder.core.documents.importers import split_pages, structure
from qcoder.core.documents.transcript import normalise_text
from qcoder.core.exchange.exporters import build_tables, export
from qcoder.core.lookup import coder_by_name
from qcoder.core.store import Project
from qcoder.core.store.models import (
    Code,
    Codebook,
    CodeHypothesis,
    Document,
    Hypothesis,
    StructureRange,
)
from qcoder.core.store.models_analysis import VERDICTS
from qcoder.core.survey.datasets import load_survey

from .corpus import corpus

SCALE = ("Meget ofte", "Ofte", "Af og til", "Sjældent", "Aldrig", "Ved ikke")


def _build(path: Path, n_cases: int, per_coder: int, respondents: int) -> None:
    docs = corpus(n_cases, 2500, seed=7)
    rng = random.Random(9)
    with Project.create(path, title="Bench displays") as project:
        with project.transaction() as s:
            book = Codebook(ident="bench", name="Bench æøå")
            hyps = [Hypothesis(codebook=book, ident=f"H{i}", label=f"Hypotese {i}", position=i,
                               display_columns=["Betingelse", "Argument", "Konsekvens"])
                    for i in range(1, 5)]
            codes = []
            for f in range(6):
                top = Code(codebook=book, name=f"Familie {f}", position=f,
                           survey_items=[f"Q{f + 1}"])
                codes.append(top)
                codes += [Code(codebook=book, parent=top, name=f"Kode {f}.{c}", position=c)
                          for c in range(9)]
            s.add_all(hyps + codes)
            s.flush()
            for f in range(6):
                s.add(CodeHypothesis(code_id=codes[f * 10].id, hypothesis_id=hyps[f % 4].id))
                s.add(CodeHypothesis(code_id=codes[f * 10 + 9].id, hypothesis_id=hyps[f % 4].id,
                                     direction="contradicts"))
            attrs = {n: get_or_create_attribute(s, n, "text")
                     for n in ("first_name", "appendix", "respondent_id")}
            for i, d in enumerate(docs):
                text, pages = split_pages(normalise_text(d.text))
                added = store_transcript(s, structure(text, d.name, "txt", pages=pages), d.name,
                                         "mayor_interview")
                case = get_or_create_case(s, f"Case {i:03d} æøå")
                link_document(s, s.get(Document, added.document_id), case)
                for name, value in (("first_name", f"Navn{i}"), ("appendix", str(i + 2)),
                                    ("respondent_id", f"R{rng.randrange(respondents):04d}")):
                    set_value(s, case, attrs[name], value)
            s.flush()
            code_ids = [c.id for c in codes]
            turns = s.execute(sa.select(StructureRange.document_id, StructureRange.start,
                                        StructureRange.end)
                              .where(StructureRange.kind == "turn")).all()
            anna, bo = (coder_by_name(s, n, create=True).id for n in ("Anna", "Bo"))
            for _ in range(per_coder):
                doc, start, end = rng.choice(turns)
                code = rng.choice(code_ids)
                ApplyCoding(CodingSpec(doc, start, end, code, anna, memo="fortolkning")).execute(s)
                if rng.random() > 0.8:  # the second coder disagrees
                    doc, start, end = rng.choice(turns)
                    code = rng.choice(code_ids)
                ApplyCoding(CodingSpec(doc, start, end, code, bo)).execute(s)
            for case_id in range(1, n_cases + 1, 2):
                for hyp in hyps:
                    SetVerdict(case_id, hyp.id, rng.choice(VERDICTS)).execute(s)
                    SetCell(case_id, hyp.id, "Konsekvens", "Gik af før tid").execute(s)
        survey = path.with_name("survey.csv")
        lines = ["respondent_id;task_type;" + ";".join(f"Q{i}" for i in range(1, 7)) + ";score"]
        for r in range(respondents):
            answers = ";".join(rng.choice(SCALE) for _ in range(6))
            lines.append(f"R{r:04d};{rng.choice(('betjener politikere', 'myndighed'))};{answers};"
                         f"{rng.randint(0, 10)},{rng.randint(0, 9)}")
        survey.write_text("\n".join(lines) + "\n", encoding="utf-8")
        load_survey(project, survey, "respondent_id")


def run(quick: bool) -> None:
    n_cases, per_coder = (20, 1000) if quick else (200, 10000)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "displays.qcoder"
        t0 = time.perf_counter()
        _build(path, n_cases, per_coder, respondents=1288)
        print(f"   setup: {n_cases} cases, 60 codes, {2 * per_coder} codings, 1,288 respondents "
              f"in {time.perf_counter() - t0:.1f} s")
        options = Options(subgroup="task_type")
        with Project.open(path) as project:
            for what in ("displays", "all"):
                t0 = time.perf_counter()
                with project.session() as s:
                    tables = build_tables(s, what, options)
                t_build = time.perf_counter() - t0
                cells = sum(len(t.rows) * len(t.columns) for t in tables)
                t0 = time.perf_counter()
                out = Path(tmp) / f"{what}.xlsx"
                export(project, what, out, options)
                t_all = time.perf_counter() - t0
                verdict = f"  [target < 5 s: {'ok' if t_all < 5 else 'MISSED'}]" \
                    if what == "displays" else ""
                print(f"   --what {what}: build {t_build:.2f} s ({len(tables)} tables, {cells:,} "
                      f"cells); build + export to xlsx {t_all:.2f} s "
                      f"({out.stat().st_size / 1e6:.1f} MB){verdict}")
            for suffix in (".docx", ".html", ".csv"):
                t0 = time.perf_counter()
                export(project, "displays", Path(tmp) / f"displays{suffix}", options)
                print(f"   --what displays to {suffix}: {time.perf_counter() - t0:.2f} s")
