"""Language tools: sentence and lemma indexing of a large project, lemma search and keyword
suggestions over the stored index.

Full: 200 documents x 12,000 words. Quick: 20 x 2,000.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from qcoder.core.documents.adding import store_transcript
from qcoder.core.documents.importers import split_pages, structure
from qcoder.core.documents.transcript import normalise_text
from qcoder.core.language.nlp import get_nlp, pipeline_name
from qcoder.core.language.suggest import suggest
from qcoder.core.language.text_index import ensure_indexed, find_lemma, stale_documents
from qcoder.core.store import Project
from qcoder.core.store.models import Code, Codebook, Document
from qcoder.core.store.models_nlp import TextIndex

from .corpus import corpus

KEYWORDS = [["borgmester", "byråd"], ["chikane", "trussel", "sociale medier"],
            ["økonomi", "budget*"], ["familie", "barn"], ["indflydelse", "beslutning"],
            ["ledelse", "sparring"], ["pres", "bekymring"], ["samarbejde", "fællesskab"]]


def run(quick: bool) -> None:
    n_docs, words = (20, 2000) if quick else (200, 12000)
    docs = corpus(n_docs, words)
    t0 = time.perf_counter()
    get_nlp()
    t_load = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.qcoder"
        with Project.create(path) as project:
            with project.transaction() as s:
                book = Codebook(ident="bench", name="Bench")
                s.add_all([Code(codebook=book, name=f"Kode {i}", position=i, keywords=k)
                           for i, k in enumerate(KEYWORDS)])
                for d in docs:
                    text, pages = split_pages(normalise_text(d.text))
                    store_transcript(s, structure(text, d.name, "txt", pages=pages), d.name)
            t0 = time.perf_counter()
            indexed = ensure_indexed(project)
            t_index = time.perf_counter() - t0
            with project.session() as s:
                t0 = time.perf_counter()
                stale = stale_documents(s)
                t_check = time.perf_counter() - t0
                stored = s.scalar(sa.select(sa.func.sum(sa.func.length(TextIndex.tokens)
                                                        + sa.func.length(TextIndex.sentences))))
                text_size = s.scalar(sa.select(sa.func.sum(sa.func.length(Document.text))))
                t0 = time.perf_counter()
                hits = find_lemma(s, "borgmester")
                t_search = time.perf_counter() - t0
                t0 = time.perf_counter()
                phrase = find_lemma(s, "sociale medier")
                t_phrase = time.perf_counter() - t0
            t0 = time.perf_counter()
            found = suggest(project)
            t_suggest = time.perf_counter() - t0
        size = path.stat().st_size
    total_words = n_docs * words
    print(f"   corpus: {n_docs} documents x {words} words; pipeline: {pipeline_name()}")
    print(f"   load pipeline: {t_load:.2f} s")
    print(f"   index sentences + lemmas of {indexed} documents (stored, committed per batch): "
          f"{t_index:.1f} s ({total_words / t_index:,.0f} words/s, "
          f"{t_index / n_docs * 1000:.0f} ms per document)")
    print(f"   stored index: {stored / 1e6:.1f} MB packed (text: {text_size / 1e6:.1f} M "
          f"characters); project file {size / 1e6:.1f} MB")
    print(f"   staleness check of all documents: {t_check * 1000:.0f} ms ({len(stale)} stale)")
    print(f"   lemma search 'borgmester' over all documents: {t_search:.2f} s, {len(hits)} hits")
    print(f"   phrase search 'sociale medier': {t_phrase:.2f} s, {len(phrase)} hits")
    print(f"   keyword suggestions for {len(KEYWORDS)} codes (sentence units): {t_suggest:.2f} s, "
          f"{len(found)} candidates")
