"""Documents in a project: the corpus kinds they are added with, and their texts read back."""

from __future__ import annotations

import pytest

from qcoder.core import catalog
from qcoder.core.coding.layers import document_layers
from qcoder.core.documents.adding import add_document
from qcoder.core.documents.kinds import CORPUS_KINDS
from qcoder.core.documents.speakers import rename_speaker
from qcoder.core.documents.structure import DocumentStructure
from qcoder.core.documents.texts import document_text, document_texts
from qcoder.core.documents.transcript import Transcript
from qcoder.core.errors import NotFoundError, QcoderError
from tests.conftest import INTERVIEW, dump_project


def test_each_corpus_kind_is_kept_and_an_unknown_one_refused(project, project_path):
    for n, kind in enumerate(CORPUS_KINDS):
        add_document(project, Transcript(f"Tekst nummer {n}.\n"), name=f"d{n}", kind=kind)
    kinds = {d.name: d.kind for d in catalog.documents(project)}
    assert {kinds[f"d{n}"] for n in range(4)} == {
        "mayor_interview", "dm_interview", "vignette_group", "other"}
    before = dump_project(project_path)
    with pytest.raises(QcoderError, match="unknown corpus kind 'roman'; use one of "
                                          "mayor_interview, dm_interview, vignette_group, other"):
        add_document(project, Transcript("Roman.\n"), name="roman", kind="roman")
    assert dump_project(project_path) == before


def test_texts_read_back_by_id_and_by_name(project):
    second = add_document(project, Transcript("Andet interview, æøå.\n"), name="andet")
    ids = {d.name: d.id for d in catalog.documents(project)}
    missing = max(ids.values()) + 1
    assert document_texts(project, [ids["interview"], second.document_id, missing]) == {
        ids["interview"]: INTERVIEW, second.document_id: "Andet interview, æøå.\n"}
    assert document_texts(project, []) == {}
    assert document_text(project, "andet").text == "Andet interview, æøå.\n"
    with pytest.raises(NotFoundError, match="no document named 'interviw'.*'interview'"):
        document_text(project, "interviw")


def test_a_document_id_not_in_the_project_is_named_not_found(project, project_path):
    missing = max(d.id for d in catalog.documents(project)) + 1
    said = f"document id {missing} is not in the project"
    before = dump_project(project_path)
    with pytest.raises(NotFoundError, match=said):
        rename_speaker(project, missing, "Sara", "Sara Jensen")
    with pytest.raises(NotFoundError, match=said):
        document_layers(project, missing)
    with project.session() as s, pytest.raises(NotFoundError, match=said):
        DocumentStructure.load(s, missing)
    assert dump_project(project_path) == before
