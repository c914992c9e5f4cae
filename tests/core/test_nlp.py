"""The Danish pipeline, lemmas, and the stored text index with lemma search."""

from __future__ import annotations

from qcoder.core.documents.adding import add_document
from qcoder.core.documents.editing import edit_text
from qcoder.core.documents.importers import read_transcript
from qcoder.core.language.nlp import (
    analyse,
    analyse_many,
    is_trained,
    lemmas,
    pipeline_name,
    sentence_spans,
)
from qcoder.core.language.text_index import (
    compile_term,
    ensure_indexed,
    find_lemma,
    load_index,
    reindex_document,
    stale_documents,
    stored_sentences,
)
from qcoder.core.lookup import document_by_name
from qcoder.core.store import Project
from qcoder.core.store.models_nlp import TextIndex
from qcoder.core.summary import project_summary

INFLECTED = """Interviewer: Hvordan var det at være borgmester?

Borgmesteren: Borgmestre har det svært. Borgmesterens familie blev truet, og børnene var bange.

Interviewer: Og kommunerne?

Borgmesteren: Kommunernes økonomi er presset. Vi skal gøre en forskel for barnet og for kommunen.
Budgetforhandlingerne trak ud.
"""


def _project(tmp_path, text=INFLECTED, name="bøjning"):
    p = Project.create(tmp_path / "lemma æøå.qcoder")
    src = tmp_path / f"{name}.txt"
    src.write_text(text, encoding="utf-8")
    add_document(p, read_transcript(src), kind="mayor_interview")
    return p


def test_pipeline_is_offline_danish_with_lemmas():
    name = pipeline_name()
    assert name.startswith("da_core_news") if is_trained() else "lookup lemmatizer" in name
    words = {INFLECTED[s:e]: lemma for s, e, lemma in lemmas(INFLECTED)}
    assert words["Borgmesteren"] == words["Borgmestre"] == "borgmester"
    assert words["børnene"] == "barn"
    assert words["Kommunernes"] == words["kommunerne"] == words["kommunen"] == "kommune"


def test_sentences_stop_at_line_breaks_and_analysis_is_one_pass():
    text = "Første linje uden punktum\nAnden sætning. Tredje sætning!"
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["Første linje uden punktum", "Anden sætning.",
                                             "Tredje sætning!"]
    one = analyse(text)
    (many,) = list(analyse_many([text]))
    assert one == many and one.sentences == spans
    assert all(text[s:e].isalnum() for s, e, _ in one.tokens)  # punctuation is left out


def test_lemma_search_finds_inflected_danish_forms(tmp_path):
    with _project(tmp_path) as p:
        assert ensure_indexed(p) == 1
        with p.session() as s:
            doc = document_by_name(s, "bøjning")
            found = lambda q: [doc.text[h.start:h.end] for h in find_lemma(s, q)]  # noqa: E731
            assert found("borgmester") == ["borgmester", "Borgmesteren", "Borgmestre",
                                           "Borgmesterens", "Borgmesteren"]
            assert found("barn") == ["børnene", "barnet"]
            assert found("kommuner") == ["kommunerne", "Kommunernes", "kommunen"]
            assert found("gøre en forskel") == ["gøre en forskel"]
            assert found("budget*") == ["Budgetforhandlingerne"]
            assert found(["true", "barn"]) == ["truet", "børnene", "barnet"]


def test_index_is_stored_once_and_matches_a_fresh_analysis(tmp_path):
    with _project(tmp_path) as p:
        with p.session() as s:
            assert len(stale_documents(s)) == 1
        ensure_indexed(p)
        assert ensure_indexed(p) == 0  # nothing stale: no second parse
        with p.session() as s:
            doc = document_by_name(s, "bøjning")
            row = s.get(TextIndex, doc.id)
            assert row.content_hash == doc.content_hash and row.pipeline == pipeline_name()
            stored = load_index(s, doc.id)
            assert stored.lemmas() == lemmas(doc.text)
            assert stored_sentences(s, doc.id) == sentence_spans(doc.text)


def test_edit_refreshes_the_index(tmp_path):
    with _project(tmp_path) as p:
        ensure_indexed(p)
        with p.session() as s:
            doc = document_by_name(s, "bøjning")
        edit_text(p, "bøjning", doc.text.replace("børnene", "skolerne"))
        with p.session() as s:
            assert stale_documents(s) == []  # the edit itself refreshed the stored index
            assert "skole" in s.get(TextIndex, doc.id).vocab
        with p.transaction() as s:
            reindex_document(s, doc.id)  # refreshing again changes nothing
        with p.session() as s:
            assert stale_documents(s) == []
            doc = document_by_name(s, "bøjning")
            assert [h.start for h in find_lemma(s, "skole")] == [doc.text.index("skolerne")]
            assert find_lemma(s, "barn", [doc.id])[0].start == doc.text.index("barnet")
            assert "skole" in s.get(TextIndex, doc.id).vocab


def test_compile_term_rejects_empty_terms():
    import pytest

    from qcoder.core.errors import QcoderError
    with pytest.raises(QcoderError, match="empty search term"):
        compile_term("   ")
    assert compile_term("Borgmestrene").parts[0].lemmas >= {"borgmester"}


def test_info_names_the_pipeline(tmp_path):
    with _project(tmp_path) as p:
        assert project_summary(p)["nlp_pipeline"] == pipeline_name()
