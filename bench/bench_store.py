"""The project store: building a large project, opening it, one committed coding, listing.

Full: 200 documents x 12,000 words, 2 coders x 20,000 codings. Quick: 20 x 2,000, 2 x 2,000.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from qcoder.core.coding.codings import ApplyCoding, CodingSpec, apply_coding, list_codings
from qcoder.core.documents.adding import store_transcript
from qcoder.core.documents.importers import split_pages, structure
from qcoder.core.documents.transcript import normalise_text
from qcoder.core.lookup import coder_by_name
from qcoder.core.store import Project
from qcoder.core.store.models import Code, Codebook

from .corpus import codings, corpus


def run(quick: bool) -> None:
    n_docs, words, per_coder = (20, 2000, 2000) if quick else (200, 12000, 20000)
    docs = corpus(n_docs, words)
    plan = codings(docs, n_codes=50, per_coder=per_coder, coders=2)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.qcoder"
        t0 = time.perf_counter()
        with Project.create(path) as project:
            with project.transaction() as s:
                book = Codebook(ident="bench", name="Bench")
                s.add_all([Code(codebook=book, name=f"Kode {i}", position=i) for i in range(50)])
                s.flush()
                code_ids = [c.id for c in book.codes]
                doc_ids = []
                for d in docs:
                    text, pages = split_pages(normalise_text(d.text))
                    doc_ids.append(store_transcript(s, structure(text, d.name, "txt", pages=pages),
                                                    d.name).document_id)
            t_import = time.perf_counter() - t0
            t0 = time.perf_counter()
            with project.transaction() as s:
                for name, rows in zip(("Anna", "Bo"), plan):
                    coder = coder_by_name(s, name, create=True)
                    for d, start, end, code in rows:
                        ApplyCoding(CodingSpec(doc_ids[d], start, end, code_ids[code], coder.id)).execute(s)
            t_bulk = time.perf_counter() - t0
        t0 = time.perf_counter()
        project = Project.open(path)
        t_open = time.perf_counter() - t0
        with project.session() as s:
            code = s.get(Code, code_ids[0])
        times = []
        for i in range(50):
            t0 = time.perf_counter()
            apply_coding(project, doc_ids[i % n_docs], 10, 40, code, 1)
            times.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        rows = list_codings(project)
        t_list = time.perf_counter() - t0
        project.close()
        size = path.stat().st_size / 1e6
    times.sort()
    print(f"   corpus: {n_docs} documents x {words} words, {2 * per_coder} codings by 2 coders")
    print(f"   build (structure + store, one transaction): {t_import:.2f} s")
    print(f"   bulk-apply {2 * per_coder} codings: {t_bulk:.2f} s")
    print(f"   open project: {t_open * 1000:.0f} ms   file size: {size:.1f} MB")
    print(f"   apply one coding (committed, fsync): median {times[len(times) // 2] * 1000:.1f} ms, "
          f"max {times[-1] * 1000:.1f} ms")
    print(f"   list all {len(rows)} codings with text: {t_list:.2f} s")
