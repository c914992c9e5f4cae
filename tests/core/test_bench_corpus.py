"""The benchmark corpus states its turns and pages in the offsets the importer produces, so
benchmarks code exactly the passages they mean to."""

from __future__ import annotations

from bench.corpus import corpus
from qcoder.core.documents.importers import split_pages, structure
from qcoder.core.documents.transcript import normalise_text


def test_synthetic_offsets_match_the_imported_text():
    for doc in corpus(12, 3000, seed=5):
        text, pages = split_pages(normalise_text(doc.text))
        transcript = structure(text, doc.name, "txt", pages=pages)
        assert [(t.start, t.end, t.speaker) for t in transcript.turns] == doc.turns
        assert [(p.start, p.end) for p in pages] == doc.pages
