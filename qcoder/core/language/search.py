"""Searching the project's documents: plain text, regular expressions, and Danish lemmas.

Lemma search finds every inflected form of the query's words: "chikane" finds "chikanen",
"chikanerne" and - through the verb derived from the noun - "chikaneret". It runs on the
project's stored text index (qcoder.core.language.text_index: each document's words and lemmas from
qcoder.core.language.nlp's pipeline, computed once per text), so it accepts what that index's terms
accept - words, phrases within a sentence, and prefixes ending in "*" ("budget*").

Each query word stands for its lemma and the lemmas derived from it by a Danish ending that
turns a noun into a verb or back (-e, -re, -ere: "chikane" <-> "chikanere", "analyse" <->
"analysere", "svar" <-> "svare"); derivation is only tried for lemmas of at least four letters,
so short words ("bo", "gå") stay exact.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

import sqlalchemy as sa

from ..errors import QcoderError
from ..store import Project
from ..store.models import Document
from .text_index import Term, compile_term, ensure_indexed, load_index

MODES = ("plain", "regex", "lemma")
DERIVATIONS = ("e", "re", "ere")
MIN_DERIVED = 4


@dataclass(frozen=True)
class Hit:
    document_id: int
    document: str
    start: int
    end: int
    text: str

    def as_json(self) -> dict[str, object]:
        return {"document": self.document, "start": self.start, "end": self.end,
                "text": self.text}


def derived(lemma: str) -> set[str]:
    """The lemma and the lemmas one derivational ending away from it, either way."""
    forms = {lemma}
    if len(lemma) >= MIN_DERIVED:
        forms.update(lemma + end for end in DERIVATIONS)
    forms.update(lemma[:-len(end)] for end in DERIVATIONS
                 if lemma.endswith(end) and len(lemma) - len(end) >= MIN_DERIVED)
    return forms


def lemma_term(query: str) -> Term:
    """The query as a text-index term whose words also match their derived lemmas."""
    term = compile_term(query)
    parts = tuple(replace(part, lemmas=frozenset(set().union(*map(derived, part.lemmas))))
                  if part.lemmas else part for part in term.parts)
    return Term(term.text, parts)


def _compile(query: str, mode: str, case_sensitive: bool) -> re.Pattern[str]:
    flags = 0 if case_sensitive else re.IGNORECASE
    if mode == "plain":
        if not query.strip():
            raise QcoderError("the search text is empty; type a word or phrase")
        return re.compile(re.escape(query), flags)
    try:
        pattern = re.compile(query, flags)
    except re.error as exc:
        at = f" at position {exc.pos}" if exc.pos is not None else ""
        raise QcoderError(f"regular expression {query!r} is invalid{at}: {exc.msg}; "
                          "escape special characters with \\ or use plain search") from None
    if pattern.search(""):
        raise QcoderError(f"regular expression {query!r} matches empty text everywhere; "
                          "make it match at least one character")
    return pattern


def search(project: Project, query: str, mode: str = "plain", *, case_sensitive: bool = False,
           documents: list[int] | None = None,
           report: Callable[[int, int, str], None] | None = None) -> list[Hit]:
    """Every match of `query` in the project's documents (or the given ones), in document
    name and position order. Lemma search is always case-insensitive."""
    if mode not in MODES:
        raise QcoderError(f"unknown search mode {mode!r}; use one of {', '.join(MODES)}")
    with project.session() as s:
        q = sa.select(Document.id, Document.name, Document.text).order_by(Document.name)
        if documents is not None:
            q = q.where(Document.id.in_(documents))
        docs = s.execute(q).all()
    hits: list[Hit] = []
    if mode == "lemma":
        term = lemma_term(query)
        ensure_indexed(project, [d.id for d in docs], report)  # documents not indexed yet
        with project.session() as s:
            for doc in docs:
                hits.extend(Hit(doc.id, doc.name, a, b, doc.text[a:b])
                            for a, b in load_index(s, doc.id).find(term))
        return hits
    pattern = _compile(query, mode, case_sensitive)
    for i, doc in enumerate(docs):
        if report:
            report(i, len(docs), doc.name)  # may raise CancelledError: nothing was changed
        text = doc.text
        hits.extend(Hit(doc.id, doc.name, m.start(), m.end(), text[m.start():m.end()])
                    for m in pattern.finditer(text) if m.end() > m.start())
    if report:
        report(len(docs), len(docs), "")
    return hits
