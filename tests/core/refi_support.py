"""Shared by the REFI-QDA tests: a project with everything REFI-QDA carries, a snapshot of it
to compare round trips, hand-written .qdpx files, and the XSDs to validate against."""

from __future__ import annotations

import zipfile
from pathlib import Path

import sqlalchemy as sa
import xmlschema

from qcoder.core.cases.cases import (
    case_attributes,
    get_or_create_attribute,
    get_or_create_case,
    link_document,
    set_value,
)
from qcoder.core.codebooks.loading import load_codebook
from qcoder.core.coding.codings import apply_coding
from qcoder.core.coding.memos import set_memo
from qcoder.core.documents.adding import add_document
from qcoder.core.documents.importers import read_transcript
from qcoder.core.lookup import code_by_path, code_paths, coder_by_name, document_by_name
from qcoder.core.store import Project
from qcoder.core.store.models import Attribute, Case, Code, Codebook, Coder, Coding, Document, Memo
from tests.conftest import CODEBOOK, INTERVIEW

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "refi-schema"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
FIXTURES = SHARED / "fixtures" / "refi"
NS = "urn:QDA-XML:project:1.0"

SECOND_CODEBOOK = """codebook: "Forvaltning"
id: forvaltning
version: 1
codes:
  - name: Pres
    color: "#2CA02C"
    definition: "Pres fra politikere på ansatte."
    children:
      - name: Åbenlyst pres
      - name: Skjult pres
        color: "#98df8a"
"""

EMOJI_TEXT = ("Borgmester: Vi fik 😀 ros fra borgerne på Ærø.\r\n"
              "Interviewer: Og bagefter? 🙂   \r\n"
              "Borgmester: Så kom kritikken 👍🏽 i avisen, og det gjorde ondt.\r\n")


def schema(name: str) -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMAS / name))


def build_rich_project(path: Path) -> Project:
    """Two codebooks, two documents (one with emoji; two corpus kinds), two coders, cases with
    typed attributes, and memos on the project, a document, a code, a case and a coding."""
    project = Project.create(path, title="Pres på ansatte – æøå")
    folder = path.parent
    (folder / "cb1.yaml").write_text(CODEBOOK, encoding="utf-8")
    (folder / "cb2.yaml").write_text(SECOND_CODEBOOK, encoding="utf-8")
    load_codebook(project, folder / "cb1.yaml")
    load_codebook(project, folder / "cb2.yaml")
    (folder / "interview.txt").write_text(INTERVIEW, encoding="utf-8")
    (folder / "ærø emoji.txt").write_bytes(EMOJI_TEXT.encode("utf-8"))
    add_document(project, read_transcript(folder / "interview.txt"), kind="mayor_interview")
    add_document(project, read_transcript(folder / "ærø emoji.txt"), kind="vignette_group")
    with project.transaction() as s:
        doc = document_by_name(s, "interview")
        emoji = document_by_name(s, "ærø emoji")
        anna, bo = coder_by_name(s, "Anna", create=True), coder_by_name(s, "Bo", create=True)
        chikane = code_by_path(s, "Test æøå/Chikane")
        oko = code_by_path(s, "Test æøå/Policy-seeking/Økonomiske barrierer")
        skjult = code_by_path(s, "Forvaltning/Pres/Skjult pres")
        ids = [(x.id, x.text) if isinstance(x, Document) else x.id
               for x in (doc, emoji, anna, bo, chikane, oko, skjult)]
    (doc_id, text), (emoji_id, etext), anna, bo, chikane, oko, skjult = ids
    start = text.index("trusler")
    apply_coding(project, doc_id, start, start + len("trusler"), chikane, anna, memo="Klar sag")
    apply_coding(project, doc_id, start - 4, start + 30, chikane, bo)
    start = text.index("Økonomien")
    apply_coding(project, doc_id, start, start + len("Økonomien bandt os."), oko, anna)
    start = etext.index("kritikken")
    apply_coding(project, emoji_id, start, etext.index("ondt") + 4, skjult, bo)
    apply_coding(project, emoji_id, etext.index("ros"), etext.index("Ærø") + 3, skjult, anna)
    with project.transaction() as s:
        jens, mette = get_or_create_case(s, "Jens"), get_or_create_case(s, "Mette")
        kommune = get_or_create_attribute(s, "kommune", "text")
        andel = get_or_create_attribute(s, "stemmeandel", "number")
        aar = get_or_create_attribute(s, "valgår", "number")
        genvalgt = get_or_create_attribute(s, "genvalgt", "bool")
        dato = get_or_create_attribute(s, "fratrådt", "date")
        parti = get_or_create_attribute(s, "parti", "category")
        parti.categories = ["A", "V", "C"]
        for case, values in ((jens, ("Ærø", "0,77", "2021", "ja", "2022-03-01", "A")),
                             (mette, ("Aarhus", "12.5", "2017", "nej", "2023-01-15", "V"))):
            for attr, raw in zip((kommune, andel, aar, genvalgt, dato, parti), values):
                set_value(s, case, attr, raw)
        link_document(s, s.get(Document, doc_id), jens)
        link_document(s, s.get(Document, emoji_id), jens)
        link_document(s, s.get(Document, emoji_id), mette)
        case_uuid = jens.uuid
        code_uuid = s.get(Code, chikane).uuid
        doc_uuid = s.get(Document, doc_id).uuid
    set_memo(project, "project", None, "Første indtryk: meget om økonomi.", title="Journal 1",
             coder_id=anna)
    set_memo(project, "document", doc_uuid, "Interviewet fandt sted på rådhuset.", coder_id=bo)
    set_memo(project, "code", code_uuid, "Bruges også om trusler på nettet.")
    set_memo(project, "case", case_uuid, "Jens gik af i utide.", title="Om Jens")
    return project


def snapshot(project: Project) -> dict:
    """Everything REFI-QDA should carry, keyed by UUID, in comparable form."""
    with project.session() as s:
        paths = code_paths(s)
        coders = dict(s.execute(sa.select(Coder.id, Coder.name)).all())
        return {
            "documents": {d.uuid: (d.name, d.text, d.kind) for d in s.scalars(sa.select(Document))},
            "codebooks": {b.uuid: (b.name, b.description) for b in s.scalars(sa.select(Codebook))},
            "codes": {c.uuid: (paths[c.id], c.position, c.color, c.definition)
                      for c in s.scalars(sa.select(Code))},
            "coders": {c.uuid: c.name for c in s.scalars(sa.select(Coder))},
            "codings": {c.uuid: (c.document.uuid, c.start, c.end, c.code.uuid, coders[c.coder_id],
                                 c.memo) for c in s.scalars(sa.select(Coding))},
            "attributes": {a.uuid: (a.name, a.type, a.categories)
                           for a in s.scalars(sa.select(Attribute))},
            "cases": {c.uuid: (c.name, sorted(d.uuid for d in c.documents),
                               case_attributes(s, c)) for c in s.scalars(sa.select(Case))},
            "memos": {m.uuid: (m.target_kind, m.target_uuid, m.title, m.text,
                               coders.get(m.coder_id)) for m in s.scalars(sa.select(Memo))},
        }


def write_qdpx(path: Path, qde: str | bytes, files: dict[str, bytes] | None = None,
               qde_name: str = "project.qde") -> Path:
    """A .qdpx as another tool might write it: the project file and source files."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(qde_name, qde.encode("utf-8") if isinstance(qde, str) else qde)
        for name, data in (files or {}).items():
            zf.writestr(name, data)
    return path


def utf16_units(text: str, index: int) -> int:
    """Where code point `index` of `text` lies in UTF-16 code units (NVivo's count)."""
    return len(text[:index].encode("utf-16-le")) // 2
