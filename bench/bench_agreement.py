"""Agreement on a large synthetic project: 200 documents x 12,000 words, 50 codes (10 parents x
5 children), two coders with ~20,000 codings each. Times character- and sentence-level reports
(target < 2 s each) and compares the coefficient arithmetic on the same sentence unit data with
NLTK's AnnotationTask and the krippendorff package (bench-only: `pip install nltk`)."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np
import sqlalchemy as sa
import yaml

from bench.corpus import codings as synthetic_codings
from bench.corpus import corpus
from qcoder.core.agreement import agreement_report
from qcoder.core.agreement import statistics as st
from qcoder.core.agreement.units import _SENTENCES, load_corpus, presence, text_units
from qcoder.core.codebooks.loading import load_codebook
from qcoder.core.documents.adding import store_transcript
from qcoder.core.documents.transcript import Span, Transcript, Turn
from qcoder.core.lookup import code_paths
from qcoder.core.store import Project
from qcoder.core.store.models import Coder, Coding, Document, new_uuid

PARENTS, CHILDREN = 10, 5


def build(folder: Path, n_docs: int, words: int, per_coder: int) -> Path:
    target = folder / "agreement_bench.qcoder"
    docs = corpus(n_docs, words)
    book = folder / "bench_codebook.yaml"
    book.write_text(yaml.safe_dump({"codebook": "Bench", "id": "bench", "version": 1, "codes": [
        {"name": f"Tema {p}", "children": [{"name": f"Kode {p}.{c}"} for c in range(CHILDREN)]}
        for p in range(PARENTS)]}, allow_unicode=True), encoding="utf-8")
    project = Project.create(target, title="agreement bench")
    try:
        load_codebook(project, book)
        with project.transaction() as s:
            for d in docs:
                store_transcript(s, Transcript(
                    text=d.text, turns=[Turn(a, b, sp) for a, b, sp in d.turns],
                    pages=[Span(a, b, str(i + 1)) for i, (a, b) in enumerate(d.pages)],
                    source_name=f"{d.name}.txt"), d.name)
        with project.transaction() as s:
            doc_ids = [s.scalar(sa.select(Document.id).where(Document.name == d.name)) for d in docs]
            paths = code_paths(s)
            leaves = sorted(cid for cid, p in paths.items() if p.count("/") == 2)
            rows = []
            for name, mine in zip(("A", "B"), synthetic_codings(docs, len(leaves), per_coder, 2)):
                coder = Coder(name=name)
                s.add(coder)
                s.flush()
                rows += [{"uuid": new_uuid(), "document_id": doc_ids[d], "start": a, "end": b,
                              "code_id": leaves[c], "coder_id": coder.id, "round": 1, "memo": "",
                              "origin": "imported"} for d, a, b, c in mine if b > a]
            s.execute(sa.insert(Coding), rows)
    finally:
        project.close()
    return target


def timed(label: str, fn, repeat: int = 1):
    best, value = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        value = fn()
        best = min(best, time.perf_counter() - t0)
    print(f"   {label:<66} {best:8.3f} s")
    return value, best


def compare_references(project, n_codes: int) -> None:
    """Same unit data (sentence presence per code) through ours, krippendorff and NLTK."""
    import krippendorff

    with project.session() as s:
        names = ["A", "B"]
        ids = [s.scalar(sa.select(Coder.id).where(Coder.name == n)) for n in names]
        c = load_corpus(s, ids, names)
    starts, ends = text_units(c, "sentence")
    codes = sorted(cid for cid in c.paths if c.used([cid]))[:n_codes]
    data = {cid: presence(c, starts, ends, [cid]).astype(np.int64) for cid in codes}
    print(f"   reference comparison on {len(starts):,} sentences x {len(codes)} codes")

    def ours_alpha():
        return [st.krippendorff_alpha(st.Ratings.from_matrix(m, 2), interval=False).value
                for m in data.values()]

    def ours_all():
        out = []
        for m in data.values():
            r = st.Ratings.from_matrix(m, 2)
            out.append((st.cohen_kappa(r).value, st.krippendorff_alpha(r).value))
        return out

    def kripp():
        return [krippendorff.alpha(reliability_data=m.T.astype(float),
                                   level_of_measurement="nominal") for m in data.values()]

    a_ours, t_ours = timed("qcoder alpha (no interval)", ours_alpha, 3)
    _, t_all = timed("qcoder kappa + alpha with 2,000-draw bootstrap", ours_all, 3)
    a_ref, t_ref = timed("krippendorff.alpha", kripp, 3)
    assert np.allclose(a_ours, a_ref)
    print(f"   ratio krippendorff / qcoder (alpha): {t_ref / t_ours:,.0f}x")
    try:
        from nltk.metrics.agreement import AnnotationTask
    except ImportError:
        print("   nltk not installed (pip install nltk): AnnotationTask comparison skipped")
        return
    first = next(iter(data.values()))

    def nltk_one():
        triples = [(names[j], i, int(first[i, j])) for i in range(len(first)) for j in range(2)]
        task = AnnotationTask(triples)
        return task.kappa(), task.alpha()

    (k_ref, al_ref), t_nltk = timed("nltk AnnotationTask kappa + alpha (one code)", nltk_one)
    r = st.Ratings.from_matrix(first, 2)
    assert abs(st.krippendorff_alpha(r, interval=False).value - al_ref) < 1e-9
    print(f"   ratio nltk / qcoder per code (kappa + alpha, qcoder with bootstrap): "
          f"{t_nltk / (t_all / len(data)):,.0f}x; nltk kappa {k_ref:.4f} vs qcoder "
          f"{st.cohen_kappa(r).value:.4f}")


def run(quick: bool) -> None:
    n_docs, words, per_coder = (10, 2_000, 1_000) if quick else (200, 12_000, 20_000)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        target = build(Path(tmp), n_docs, words, per_coder)
        print(f"   built {n_docs} documents x {words:,} words, {PARENTS * CHILDREN} codes, "
              f"2 coders x {per_coder:,} codings in {time.perf_counter() - t0:.1f} s")
        with Project.open(target) as project:
            _SENTENCES.clear()
            timed("character-level report", lambda: agreement_report(project, ["A", "B"], "character"))
            rep, _t = timed("sentence-level report, first (spaCy builds the text index)",
                            lambda: agreement_report(project, ["A", "B"], "sentence"))
            timed("sentence-level report, warm (sentences in memory)",
                  lambda: agreement_report(project, ["A", "B"], "sentence"), 2)

            def next_session():
                _SENTENCES.clear()
                return agreement_report(project, ["A", "B"], "sentence")

            timed("sentence-level report, next session (sentences from text index)",
                  next_session, 2)
            timed("turn-level report", lambda: agreement_report(project, ["A", "B"], "turn"))
            timed("segment-level report", lambda: agreement_report(project, ["A", "B"], "segment"))
            p = rep.data["pooled"]
            kappa, alpha = p.get("cohen_kappa", float("nan")), p.get("krippendorff_alpha", float("nan"))
            print(f"   sentence units: {rep.data['settings']['n_units']:,}; pooled kappa "
                  f"{kappa:.3f}, alpha {alpha:.3f}")
            compare_references(project, 5 if quick else 50)
