"""The compared codings as interval arrays, and the units they are compared on.

All documents are laid end to end in one global offset space (a document's offsets plus its
start), so one sorted pair of numpy arrays holds a coder's codings of a code over the whole
corpus and every measurement (coverage of units, overlap with another coder) is a handful of
vectorised searchsorted calls instead of a loop over codings.

Unit kinds: `character` (elementary pieces between coding boundaries, weighted by length, so
every character - coded or not - counts once), `segment` (the codings themselves, matched
between two coders by intersection over union), and `sentence` (spaCy), `paragraph` (blank
lines), `turn` and `section` (the import structure).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import sqlalchemy as sa
from sqlalchemy.orm import Session

from ..choices import UNIT_KINDS
from ..errors import QcoderError
from ..language.nlp import pipeline_name, sentence_spans
from ..lookup import code_paths
from ..store.models import Code, Coding, Document, StructureRange
from ..store.models_nlp import TextIndex
from .arrays import Bools, Floats, Intervals, Ints

TEXT_UNITS = ("sentence", "paragraph", "turn", "section")
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_EMPTY: Ints = np.zeros(0, dtype=np.int64)

#: Sentence spans by document content hash, read once from the project's text index.
_SENTENCES: dict[str, Ints] = {}


@dataclass
class Doc:
    id: int
    uuid: str
    name: str
    text: str
    content_hash: str
    offset: int

    @property
    def end(self) -> int:
        return self.offset + len(self.text)


@dataclass
class Spans:
    """Sorted [start, end) intervals in global offsets, with the UUIDs of unmerged codings."""

    starts: Ints
    ends: Ints
    uuids: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.starts)


def merge(starts: Ints, ends: Ints) -> Intervals:
    """Union of intervals as sorted, disjoint intervals (touching ones joined)."""
    if len(starts) == 0:
        return _EMPTY, _EMPTY
    order = np.argsort(starts, kind="stable")
    s, e = starts[order], ends[order]
    reach = np.maximum.accumulate(e)
    new = np.ones(len(s), dtype=bool)
    new[1:] = s[1:] > reach[:-1]
    idx = np.nonzero(new)[0]
    return s[idx], np.maximum.reduceat(e, idx)


def covered(span_starts: Ints, span_ends: Ints, x: Ints) -> Ints:
    """How many positions below x (element-wise) disjoint sorted intervals cover."""
    if len(span_starts) == 0:
        return np.zeros(len(x), dtype=np.int64)
    lengths = span_ends - span_starts
    before = np.concatenate(([0], np.cumsum(lengths)))
    k = np.searchsorted(span_starts, x, side="right") - 1
    kk = np.clip(k, 0, None)
    inside = np.minimum(x, span_ends[kk]) - span_starts[kk]
    return np.where(k >= 0, before[kk] + inside, 0)


def overlap(span_starts: Ints, span_ends: Ints, starts: Ints, ends: Ints) -> Ints:
    """Covered length of each [start, end) by disjoint sorted intervals."""
    return covered(span_starts, span_ends, ends) - covered(span_starts, span_ends, starts)


def contains(span_starts: Ints, span_ends: Ints, x: Ints) -> Bools:
    """Whether each position x lies inside one of the disjoint sorted intervals."""
    if len(span_starts) == 0:
        return np.zeros(len(x), dtype=bool)
    k = np.searchsorted(span_starts, x, side="right") - 1
    return (k >= 0) & (x < span_ends[np.clip(k, 0, None)])


@dataclass
class Corpus:
    """Codings by the compared coders of the codes in scope, over the compared documents."""

    docs: list[Doc]
    coders: list[str]
    #: code id -> path, for every code in scope
    paths: dict[int, str]
    #: code id -> direct children ids (in scope)
    children: dict[int, list[int]]
    #: (coder index, code id) -> the coder's codings of exactly that code, sorted by start
    codings: dict[tuple[int, int], Spans]
    #: where units count: disjoint global intervals (whole documents unless restricted)
    scope: Intervals
    ranges: dict[str, Intervals] = field(default_factory=dict)
    _merged: dict[tuple[int, tuple[int, ...]], Intervals] = field(default_factory=dict, repr=False)

    @property
    def doc_starts(self) -> Ints:
        return np.array([d.offset for d in self.docs], dtype=np.int64)

    def doc_index(self, positions: Ints) -> Ints:
        return np.searchsorted(self.doc_starts, positions, side="right") - 1

    def descendants(self, code_id: int) -> list[int]:
        found: list[int] = []
        todo = [code_id]
        while todo:
            cid = todo.pop()
            found.append(cid)
            todo.extend(self.children.get(cid, []))
        return found

    def spans(self, coder: int, code_ids: Iterable[int]) -> Intervals:
        """A coder's codings of any of `code_ids`, merged into disjoint intervals (cached)."""
        key = (coder, tuple(sorted(code_ids)))
        if key not in self._merged:
            parts = [self.codings[(coder, c)] for c in key[1] if (coder, c) in self.codings]
            if parts:
                self._merged[key] = merge(np.concatenate([p.starts for p in parts]),
                                          np.concatenate([p.ends for p in parts]))
            else:
                self._merged[key] = (_EMPTY, _EMPTY)
        return self._merged[key]

    def used(self, code_ids: Iterable[int]) -> bool:
        return any((j, c) in self.codings for j in range(len(self.coders)) for c in code_ids)


def load_corpus(session: Session, coder_ids: list[int], coder_names: list[str],
                document_ids: list[int] | None = None, code_ids: list[int] | None = None,
                scope: dict[int, list[tuple[int, int]]] | None = None) -> Corpus:
    """Read what is compared in three queries. `scope` limits units to document ranges."""
    query = sa.select(Document.id, Document.uuid, Document.name, Document.text,
                      Document.content_hash).order_by(Document.name)
    if document_ids is not None:
        query = query.where(Document.id.in_(document_ids))
    docs, offset = [], 0
    conn = session.connection()  # Core rows: no ORM bookkeeping for 40,000 codings
    for row in conn.execute(query):
        docs.append(Doc(row.id, row.uuid, row.name, row.text, row.content_hash, offset))
        offset += len(row.text) + 1  # a gap, so no interval of one document touches the next
    by_id = {d.id: d for d in docs}
    paths = code_paths(session)
    parent = dict(session.execute(sa.select(Code.id, Code.parent_id)).all())
    if code_ids is not None:
        wanted: set[int] = set()
        todo = list(code_ids)
        kids: dict[int | None, list[int]] = {}
        for cid, pid in parent.items():
            kids.setdefault(pid, []).append(cid)
        while todo:
            cid = todo.pop()
            wanted.add(cid)
            todo.extend(kids.get(cid, []))
        paths = {cid: p for cid, p in paths.items() if cid in wanted}
    children: dict[int, list[int]] = {}
    positions = dict(session.execute(sa.select(Code.id, Code.position)).all())
    for cid in sorted(paths, key=lambda c: (positions[c], c)):
        pid = parent[cid]
        if pid is not None and pid in paths:
            children.setdefault(pid, []).append(cid)

    coder_index = {cid: j for j, cid in enumerate(coder_ids)}
    rows = conn.execute(
        sa.select(Coding.document_id, Coding.start, Coding.end, Coding.code_id,
                  Coding.coder_id, Coding.uuid)
        .where(Coding.coder_id.in_(coder_ids), Coding.document_id.in_(list(by_id)))
    ).all()
    grouped: dict[tuple[int, int], list[tuple[int, int, str]]] = {}
    for doc_id, start, end, code_id, coder_id, uuid in rows:
        if code_id not in paths:
            continue
        off = by_id[doc_id].offset
        grouped.setdefault((coder_index[coder_id], code_id), []).append((off + start, off + end, uuid))
    codings: dict[tuple[int, int], Spans] = {}
    for key, items in grouped.items():
        items.sort()
        codings[key] = Spans(np.array([i[0] for i in items], dtype=np.int64),
                             np.array([i[1] for i in items], dtype=np.int64),
                             [i[2] for i in items])

    if scope is None:
        s = np.array([d.offset for d in docs], dtype=np.int64)
        e = np.array([d.end for d in docs], dtype=np.int64)
    else:
        pairs = [(by_id[d].offset + a, by_id[d].offset + b)
                 for d, ranges in scope.items() if d in by_id for a, b in ranges]
        s, e = merge(np.array([p[0] for p in pairs], dtype=np.int64),
                     np.array([p[1] for p in pairs], dtype=np.int64))
    corpus = Corpus(docs, list(coder_names), paths, children, codings, (s, e))
    kinds = conn.execute(
        sa.select(StructureRange.document_id, StructureRange.kind, StructureRange.start,
                  StructureRange.end)
        .where(StructureRange.document_id.in_(list(by_id)),
               StructureRange.kind.in_(("turn", "section")))
    ).all()
    for kind in ("turn", "section"):
        got = sorted((by_id[d].offset + a, by_id[d].offset + b) for d, k, a, b in kinds if k == kind)
        corpus.ranges[kind] = (np.array([g[0] for g in got], dtype=np.int64),
                               np.array([g[1] for g in got], dtype=np.int64))
    return corpus


# -- text units -----------------------------------------------------------------------------
def prepare_sentences(session: Session, corpus: Corpus) -> None:
    """Read the documents' sentences from the project's text index (text_index.py keeps it
    current) into memory; a document without a current index row is segmented on use."""
    todo = {d.id: d for d in corpus.docs if d.content_hash not in _SENTENCES}
    if not todo:
        return
    rows = session.connection().execute(
        sa.select(TextIndex.document_id, TextIndex.sentences)
        .join(Document, Document.id == TextIndex.document_id)
        .where(TextIndex.document_id.in_(list(todo)),
               TextIndex.content_hash == Document.content_hash,
               TextIndex.pipeline == pipeline_name()))
    for doc_id, blob in rows:
        spans = np.frombuffer(zlib.decompress(blob), dtype="<i4").reshape(-1, 2)
        _SENTENCES[todo[doc_id].content_hash] = spans.astype(np.int64)


def _sentences(doc: Doc) -> Ints:
    cached = _SENTENCES.get(doc.content_hash)
    if cached is None:
        cached = np.array(sentence_spans(doc.text), dtype=np.int64).reshape(-1, 2)
        _SENTENCES[doc.content_hash] = cached
    return cached + doc.offset


def _paragraphs(doc: Doc) -> Ints:
    out: list[tuple[int, int]] = []
    pos = 0
    for m in [*_BLANK_LINE.finditer(doc.text), None]:
        stop = m.start() if m else len(doc.text)
        piece = doc.text[pos:stop]
        lead = len(piece) - len(piece.lstrip())
        a, b = pos + lead, pos + len(piece.rstrip())
        if b > a:
            out.append((a, b))
        pos = m.end() if m else stop
    return np.array(out, dtype=np.int64).reshape(-1, 2) + doc.offset


def _expand(lo: Ints, n: Ints) -> tuple[Ints, Ints]:
    """For row i the pairs (i, lo[i]), (i, lo[i] + 1), ... (i, lo[i] + n[i] - 1)."""
    rows = np.repeat(np.arange(len(lo)), n)
    return rows, np.arange(n.sum()) - np.repeat(np.cumsum(n) - n - lo, n)


def _clip_to(starts: Ints, ends: Ints, outer_s: Ints, outer_e: Ints) -> Intervals:
    """Pieces of each interval inside the disjoint sorted `outer` intervals."""
    lo = np.searchsorted(outer_e, starts, side="right")
    hi = np.searchsorted(outer_s, ends, side="left")
    n = np.clip(hi - lo, 0, None)
    idx, j = _expand(lo, n)
    s = np.maximum(starts[idx], outer_s[j])
    e = np.minimum(ends[idx], outer_e[j])
    keep = e > s
    return s[keep], e[keep]


def text_units(corpus: Corpus, kind: str) -> Intervals:
    """Units of a text kind in global offsets, sorted, restricted to the corpus scope.

    Sentences never cross a speaker turn and leave out speaker labels when the document has
    turns. A unit counts as in scope when its first character is.
    """
    if kind == "turn" or kind == "section":
        s, e = corpus.ranges[kind]
    elif kind in ("sentence", "paragraph"):
        make = _sentences if kind == "sentence" else _paragraphs
        parts = [make(d) for d in corpus.docs]
        both = np.concatenate(parts) if parts else np.zeros((0, 2), dtype=np.int64)
        s, e = both[:, 0], both[:, 1]
        if kind == "sentence" and len(corpus.ranges["turn"][0]):
            turns_s, turns_e = merge(*corpus.ranges["turn"])
            with_turns = np.isin(corpus.doc_index(s), corpus.doc_index(turns_s))
            cs, ce = _clip_to(s[with_turns], e[with_turns], turns_s, turns_e)
            s = np.concatenate([s[~with_turns], cs])
            e = np.concatenate([e[~with_turns], ce])
    else:
        raise QcoderError(f"unknown unit {kind!r}; use one of {', '.join(UNIT_KINDS)}")
    order = np.argsort(s, kind="stable")
    s, e = s[order], e[order]
    keep = contains(*corpus.scope, s) & (e > s)
    return s[keep], e[keep]


def presence(corpus: Corpus, starts: Ints, ends: Ints, code_ids: Iterable[int],
             min_cover: float = 0.0) -> Bools:
    """Units x coders: whether each coder's codings of `code_ids` cover more than `min_cover`
    of the unit (any overlap when 0)."""
    lengths = (ends - starts).astype(float)
    out = np.zeros((len(starts), len(corpus.coders)), dtype=bool)
    for j in range(len(corpus.coders)):
        cs, ce = corpus.spans(j, code_ids)
        if len(cs):
            cov = overlap(cs, ce, starts, ends)
            out[:, j] = (cov > 0) & (cov / lengths > min_cover)
    return out


def _covered_units(starts: Ints, ends: Ints, span_starts: Ints,
                   span_ends: Ints) -> tuple[Ints, Floats]:
    """Units (sorted, disjoint) that disjoint sorted spans touch, and how much of each they
    cover. Works from the spans, so the cost follows the codings, not the number of units."""
    if not len(span_starts) or not len(starts):
        return _EMPTY, np.zeros(0)
    lo = np.searchsorted(ends, span_starts, side="right")
    hi = np.searchsorted(starts, span_ends, side="left")
    rows, units = _expand(lo, np.clip(hi - lo, 0, None))
    length = (np.minimum(ends[units], span_ends[rows])
              - np.maximum(starts[units], span_starts[rows]))
    keep = length > 0
    idx, inverse = np.unique(units[keep], return_inverse=True)
    # numpy's stubs type bincount as integer; with weights it returns float64
    cover: Floats = np.bincount(inverse, weights=length[keep],  # type: ignore[assignment]
                                minlength=len(idx))
    return idx, cover


def touched(corpus: Corpus, starts: Ints, ends: Ints, groups: list[list[int]],
            min_cover: float = 0.0) -> tuple[Ints, Bools]:
    """The units any coder coded with any group of codes, and for each group, unit and coder
    whether that coder's codings of the group cover more than `min_cover` of the unit (any
    overlap when 0): indices (k,) and marks (groups x k x coders). Units must be sorted and
    disjoint, as text units are."""
    found: dict[tuple[int, int], tuple[Ints, Floats]] = {}
    for g, group in enumerate(groups):
        for j in range(len(corpus.coders)):
            found[g, j] = _covered_units(starts, ends, *corpus.spans(j, group))
    idx = np.unique(np.concatenate([i for i, _c in found.values()] + [_EMPTY]))
    marks = np.zeros((len(groups), len(idx), len(corpus.coders)), dtype=bool)
    lengths = (ends - starts).astype(float)
    for (g, j), (i, cov) in found.items():
        ok = (cov > 0) & (cov / lengths[i] > min_cover)
        marks[g, np.searchsorted(idx, i[ok]), j] = True
    return idx, marks


def pieces(corpus: Corpus, code_groups: list[list[int]]) -> Intervals:
    """Elementary pieces of the scope: no coding of any group by any coder starts or ends
    inside one, so each piece is wholly coded or not by each coder."""
    bounds = [corpus.scope[0], corpus.scope[1]]
    for j in range(len(corpus.coders)):
        for group in code_groups:
            cs, ce = corpus.spans(j, group)
            bounds += [cs, ce]
    b = np.unique(np.concatenate(bounds))
    s, e = b[:-1], b[1:]
    keep = contains(*corpus.scope, s)
    return s[keep], e[keep]


def segment_pairs(a: Spans, b: Spans, threshold: float) -> list[tuple[int, int, float]]:
    """One-to-one matches (index in a, index in b, IoU) with IoU >= threshold, best first."""
    if not len(a) or not len(b):
        return []
    max_len = int((b.ends - b.starts).max())
    lo = np.searchsorted(b.starts, a.starts - max_len, side="left")
    hi = np.searchsorted(b.starts, a.ends, side="left")
    ia, ib = _expand(lo, hi - lo)
    inter = np.minimum(a.ends[ia], b.ends[ib]) - np.maximum(a.starts[ia], b.starts[ib])
    union = np.maximum(a.ends[ia], b.ends[ib]) - np.minimum(a.starts[ia], b.starts[ib])
    iou = np.where(inter > 0, inter / union, 0.0)
    ok = iou >= threshold
    ia, ib, iou = ia[ok], ib[ok], iou[ok]
    order = np.lexsort((ib, ia, -iou))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out: list[tuple[int, int, float]] = []
    for k in order:
        x, y = int(ia[k]), int(ib[k])
        if x not in used_a and y not in used_b:
            used_a.add(x)
            used_b.add(y)
            out.append((x, y, float(iou[k])))
    return out


def in_scope(corpus: Corpus, spans: Spans) -> Spans:
    """The codings whose first character lies in the scope."""
    keep = contains(*corpus.scope, spans.starts)
    return Spans(spans.starts[keep], spans.ends[keep],
                 [u for u, k in zip(spans.uuids, keep) if k])
