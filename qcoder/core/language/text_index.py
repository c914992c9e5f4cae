"""Each document's sentences and word lemmas, computed once and stored, and lemma search.

Parsing a long interview takes a tenth of a second; a project has hundreds of them, and search,
suggestions and sentence-unit agreement all need the result. So the pipeline runs once per
document text (at import, or after an edit through `reindex_document`) and the arrays are
stored in the text_index table. A row whose text hash or pipeline no longer matches is stale;
`ensure_indexed` brings every stale row up to date, so a missed refresh is repaired on next use.

A search term is a word, a phrase of words, or a prefix ending in `*`. Words match by lemma,
so "borgmester" finds "borgmesteren" and "borgmestre"; a prefix matches the start of a lemma,
which suits Danish compounds ("budget*" finds "budgetforhandlingerne").
"""

from __future__ import annotations

import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..errors import QcoderError
from ..store import Project
from ..store.models import Document, utcnow
from ..store.models_nlp import TextIndex
from .nlp import Analysis, analyse, analyse_many, lemmas, pipeline_name

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    #: offsets and lemma ids as the index keeps them
    Int32s = npt.NDArray[np.int32]

Report = Callable[[int, int, str], None]


# -- packing -------------------------------------------------------------------------------
def _pack(values: Int32s) -> bytes:
    import numpy as np

    return zlib.compress(np.ascontiguousarray(values, dtype="<i4").tobytes(), 1)


def _unpack(blob: bytes, shape: tuple[int, int]) -> Int32s:
    import numpy as np

    return np.frombuffer(zlib.decompress(blob), dtype="<i4").reshape(shape)


@dataclass(frozen=True, eq=False)
class DocumentIndex:
    """The stored analysis of one document: sentence spans (n x 2) and, per word, its start,
    end and lemma id into `vocab`."""

    document_id: int
    sentences: Int32s
    starts: Int32s
    ends: Int32s
    lemma_ids: Int32s
    vocab: list[str]

    @classmethod
    def from_analysis(cls, document_id: int, analysis: Analysis) -> DocumentIndex:
        import numpy as np

        def ints(values: array[int]) -> Int32s:
            return np.frombuffer(values, dtype=np.intc).astype(np.int32)

        return cls(document_id,
                   np.array(analysis.sentences, dtype=np.int32).reshape(-1, 2),
                   ints(analysis.starts), ints(analysis.ends), ints(analysis.lemma_ids),
                   list(analysis.vocab))

    @classmethod
    def from_row(cls, row: TextIndex) -> DocumentIndex:
        tokens = _unpack(row.tokens, (3, -1))
        return cls(row.document_id, _unpack(row.sentences, (-1, 2)),
                   tokens[0], tokens[1], tokens[2], list(row.vocab))

    @cached_property
    def _ids(self) -> dict[str, int]:
        return {lemma: i for i, lemma in enumerate(self.vocab)}

    def _wanted(self, part: TermPart) -> list[int]:
        if part.prefix:
            return [i for i, lemma in enumerate(self.vocab) if lemma.startswith(part.prefix)]
        return [self._ids[lemma] for lemma in part.lemmas if lemma in self._ids]

    def lemmas(self) -> list[tuple[int, int, str]]:
        """(start, end, lemma) per word, as `nlp.lemmas` gives them."""
        return [(int(s), int(e), self.vocab[i])
                for s, e, i in zip(self.starts, self.ends, self.lemma_ids)]

    def find(self, term: Term) -> list[tuple[int, int]]:
        """[start, end) of each occurrence of `term`, in text order, within one sentence."""
        import numpy as np

        n = len(self.lemma_ids)
        k = len(term.parts)
        if n < k or k == 0:
            return []
        hits = np.ones(n - k + 1, dtype=bool)
        for offset, part in enumerate(term.parts):
            wanted = self._wanted(part)
            if not wanted:
                return []
            hits &= np.isin(self.lemma_ids[offset:n - k + 1 + offset], wanted)
        first = np.nonzero(hits)[0]
        if k > 1 and len(first) and len(self.sentences):
            sentence_starts = self.sentences[:, 0]
            same = (np.searchsorted(sentence_starts, self.starts[first], "right")
                    == np.searchsorted(sentence_starts, self.starts[first + k - 1], "right"))
            first = first[same]
        return [(int(self.starts[i]), int(self.ends[i + k - 1])) for i in first]


# -- search terms ---------------------------------------------------------------------------
@dataclass(frozen=True)
class TermPart:
    """One word of a term: the lemmas it stands for, or a lemma prefix."""

    lemmas: frozenset[str]
    prefix: str = ""


@dataclass(frozen=True)
class Term:
    text: str
    parts: tuple[TermPart, ...]


@lru_cache(maxsize=4096)
def compile_term(text: str) -> Term:
    """A keyword or query ('pres', 'gøre en forskel', 'budget*') as lemma patterns. A word
    stands for its lemma and for itself in lower case, so a keyword written inflected still
    finds its own form when the lookup table lemmatises it differently."""
    words = text.strip().split()
    if not words:
        raise QcoderError("an empty search term; give a word, a phrase or a prefix ending in *")
    parts = []
    for word in words:
        if word.endswith("*") and word.strip("*"):
            parts.append(TermPart(frozenset(), word.rstrip("*").lower()))
            continue
        found = lemmas(word.strip("*"))
        if not found:
            continue  # punctuation only
        forms = {lemma for _s, _e, lemma in found}
        if len(found) == 1:
            forms.add(word.lower())
        parts.append(TermPart(frozenset(forms)))
    if not parts:
        raise QcoderError(f"search term {text!r} holds no words")
    return Term(text, tuple(parts))


# -- storing ----------------------------------------------------------------------------------
def _store(session: Session, document: Document, index: DocumentIndex, pipeline: str) -> None:
    import numpy as np

    row = session.get(TextIndex, document.id)
    if row is None:
        row = TextIndex(document_id=document.id)
        session.add(row)
    row.content_hash = document.content_hash
    row.pipeline = pipeline
    row.sentences = _pack(index.sentences)
    row.tokens = _pack(np.stack([index.starts, index.ends, index.lemma_ids]))
    row.vocab = index.vocab
    row.updated = utcnow()


def index_document(session: Session, document: Document) -> DocumentIndex:
    """Analyse `document` and store its sentences and lemmas, in the caller's transaction."""
    index = DocumentIndex.from_analysis(document.id, analyse(document.text))
    _store(session, document, index, pipeline_name())
    return index


def reindex_document(session: Session, document_id: int) -> DocumentIndex:
    """Refresh the stored index after the document's text changed (call after an edit)."""
    document = session.get(Document, document_id)
    if document is None:
        raise QcoderError(f"document id {document_id} is not in the project")
    session.flush()
    return index_document(session, document)


@dataclass(frozen=True)
class RefreshIndex:
    """An operation that re-indexes those of the documents whose index is stale; put it at
    both ends of a Batch that edits text, so undo and redo leave the index current too."""

    document_ids: tuple[int, ...]
    label: str = "Refresh text index"

    def execute(self, session: Session) -> tuple[int, RefreshIndex]:
        session.flush()
        stale = stale_documents(session, self.document_ids)
        for document_id in stale:
            reindex_document(session, document_id)
        return len(stale), self


def stale_documents(session: Session, document_ids: Iterable[int] | None = None) -> list[int]:
    """Ids of documents without a current index row, in id order."""
    query = (sa.select(Document.id)
             .outerjoin(TextIndex, TextIndex.document_id == Document.id)
             .where(sa.or_(TextIndex.document_id.is_(None),
                           TextIndex.content_hash != Document.content_hash,
                           TextIndex.pipeline != pipeline_name()))
             .order_by(Document.id))
    if document_ids is not None:
        query = query.where(Document.id.in_(list(document_ids)))
    return list(session.scalars(query))


def ensure_indexed(project: Project, document_ids: Iterable[int] | None = None,
                   report: Report | None = None, batch: int = 8) -> int:
    """Index every stale document (all, or those given), committing each batch so a cancel
    (CancelledError from `report`) keeps the work already done. Returns how many were indexed."""
    with project.session() as s:
        todo = stale_documents(s, document_ids)
    pipeline = pipeline_name()
    for first in range(0, len(todo), batch):
        ids = todo[first:first + batch]
        with project.transaction() as s:
            docs = list(s.scalars(sa.select(Document).where(Document.id.in_(ids))
                                  .order_by(Document.id)))
            for doc, analysis in zip(docs, analyse_many(d.text for d in docs)):
                _store(s, doc, DocumentIndex.from_analysis(doc.id, analysis), pipeline)
        if report is not None:
            report(first + len(ids), len(todo), "documents indexed")
    return len(todo)


# -- reading ---------------------------------------------------------------------------------
def load_indexes(session: Session, document_ids: Iterable[int]) -> Iterator[DocumentIndex]:
    """The documents' indexes in the order given: stored ones when current (read in chunks),
    else computed now (not stored; `ensure_indexed` stores)."""
    ids = list(document_ids)
    for first in range(0, len(ids), 50):
        chunk = ids[first:first + 50]
        rows = {r.document_id: r for r in session.scalars(
            sa.select(TextIndex).join(Document, Document.id == TextIndex.document_id)
            .where(TextIndex.document_id.in_(chunk),
                   TextIndex.content_hash == Document.content_hash,
                   TextIndex.pipeline == pipeline_name()))}
        for document_id in chunk:
            if document_id in rows:
                yield DocumentIndex.from_row(rows.pop(document_id))
                continue
            document = session.get(Document, document_id)
            if document is None:
                raise QcoderError(f"document id {document_id} is not in the project")
            yield DocumentIndex.from_analysis(document_id, analyse(document.text))


def load_index(session: Session, document_id: int) -> DocumentIndex:
    """One document's index (see `load_indexes`)."""
    return next(load_indexes(session, [document_id]))


def stored_sentences(session: Session, document_id: int) -> list[tuple[int, int]]:
    """The document's sentence spans, as `nlp.sentence_spans` gives them, from the index."""
    return [(int(a), int(b)) for a, b in load_index(session, document_id).sentences]


@dataclass(frozen=True)
class Hit:
    document_id: int
    start: int
    end: int
    term: str


def find_lemma(session: Session, query: str | Sequence[str],
               document_ids: Iterable[int] | None = None) -> list[Hit]:
    """Occurrences of one or more terms (word, phrase, prefix*) by lemma, ordered by
    document id and position."""
    terms = [compile_term(q) for q in ([query] if isinstance(query, str) else query)]
    ids = (list(document_ids) if document_ids is not None
           else list(session.scalars(sa.select(Document.id).order_by(Document.id))))
    hits: list[Hit] = []
    for index in load_indexes(session, sorted(ids)):
        doc_id = index.document_id
        found = [Hit(doc_id, s, e, t.text) for t in terms for s, e in index.find(t)]
        hits.extend(sorted(found, key=lambda h: (h.start, h.end)))
    return hits
