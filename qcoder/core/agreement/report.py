"""The agreement report: per code, pooled over codes, and per domain, as one JSON-ready dict,
with the places where the coders differ.

Each unit kind turns the codings into ratings its own way (text units coded or not, characters
weighted by length, segments matched by overlap); entries.py makes a row of each. Proportions
are fractions; a statistic that does not apply is absent, one that would mislead is left out
with a warning that says why and what to read instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np
import sqlalchemy as sa

from ... import __version__
from ..choices import UNIT_KINDS
from ..errors import QcoderError
from ..language.nlp import pipeline_name
from ..language.text_index import ensure_indexed
from ..lookup import code_by_path, coder_by_name, document_by_name
from ..store.models import Code, Codebook
from . import statistics as st
from .arrays import Bools, Ints
from .entries import (
    MIN_UNITS,
    JsonObject,
    binary_counts,
    binary_entry,
    coefficients,
    means,
    pooled_entry,
    rounded,
    stability_warnings,
    unused_entry,
)
from .units import (
    TEXT_UNITS,
    Corpus,
    Spans,
    in_scope,
    load_corpus,
    pieces,
    prepare_sentences,
    presence,
    segment_pairs,
    text_units,
    touched,
)

if TYPE_CHECKING:
    from ..store.project import Project

MAX_DISAGREEMENTS = 5000
_UNIT_SOURCE = {
    "sentence": "sentences come from spaCy", "paragraph": "paragraphs are split at blank lines",
    "turn": "turns come from speaker labels found on import",
    "section": "sections come from section markers found on import",
}


@dataclass
class AgreementReport:
    data: JsonObject
    #: units or segments where the coders differ: document, start, end, code, coders, text
    disagreements: list[JsonObject] = field(default_factory=list)

    def as_json(self, with_disagreements: bool = False) -> JsonObject:
        out = dict(self.data)
        if with_disagreements:
            out["disagreements"] = self.disagreements
        return out


# -- per unit kind ------------------------------------------------------------------------------
def _text_unit_codes(corpus: Corpus, unit: str, codes: list[int], min_cover: float,
                     disagreements: list[JsonObject]
                     ) -> tuple[list[JsonObject], list[st.Ratings], int]:
    starts, ends = text_units(corpus, unit)
    if not len(starts):
        raise QcoderError(
            f"the compared documents have no {unit}s ({_UNIT_SOURCE[unit]}); choose another --unit, e.g. "
            + ("sentence" if unit != "sentence" else "paragraph"))
    entries: list[JsonObject] = []
    ratings: list[st.Ratings] = []
    n = len(starts)
    for cid in codes:
        path = corpus.paths[cid]
        if not corpus.used([cid]):
            entries.append(unused_entry(path, n))
            continue
        idx, marks = touched(corpus, starts, ends, [[cid]], min_cover)
        present = marks[0]
        uncoded = np.zeros((1, len(corpus.coders)), dtype=np.int64)
        r = st.Ratings.from_matrix(np.vstack([present.astype(np.int64), uncoded]), 2,
                                   weights=np.append(np.ones(len(idx)), n - len(idx)))
        ratings.append(r)
        entries.append(binary_entry(path, r, corpus.coders, f"{unit}s", True))
        differ = idx[present.any(axis=1) & ~present.all(axis=1)]
        flags = present[present.any(axis=1) & ~present.all(axis=1)]
        _note(corpus, disagreements, path, starts[differ], ends[differ], flags)
    return entries, ratings, len(starts)


def _character_codes(corpus: Corpus, codes: list[int],
                     disagreements: list[JsonObject]
                     ) -> tuple[list[JsonObject], list[st.Ratings], int]:
    total = int((corpus.scope[1] - corpus.scope[0]).sum())
    entries: list[JsonObject] = []
    ratings: list[st.Ratings] = []
    for cid in codes:
        path = corpus.paths[cid]
        if not corpus.used([cid]):
            entries.append(unused_entry(path, total))
            continue
        s, e = pieces(corpus, [[cid]])
        present = presence(corpus, s, e, [cid])
        lengths = e - s
        r = st.Ratings.from_matrix(present.astype(np.int64), 2, weights=lengths)
        ratings.append(r)
        entry = binary_entry(path, r, corpus.coders, "characters", False)
        entry["documents"] = _per_document(corpus, s, present, lengths)
        entries.append(entry)
        differ = np.nonzero(present.any(axis=1) & ~present.all(axis=1))[0]
        _note(corpus, disagreements, path, s[differ], e[differ], present[differ], join=True)
    return entries, ratings, total


def _per_document(corpus: Corpus, starts: Ints, present: Bools,
                  lengths: Ints) -> list[JsonObject]:
    """Character-level figures for each document where any coder used the code."""
    doc_of = corpus.doc_index(starts)
    docs = np.unique(doc_of[present.any(axis=1)])
    out: list[JsonObject] = []
    if len(corpus.coders) == 2:
        a, b = present[:, 0], present[:, 1]
        cells = [np.bincount(doc_of, weights=lengths * m, minlength=len(corpus.docs))[docs]
                 for m in (a & b, a & ~b, ~a & b, ~a & ~b)]
        po, kappa = st.kappa_2x2(*cells)
        for i, d in enumerate(docs):
            both, a_only, b_only, neither = (int(c[i]) for c in cells)
            row: JsonObject = {"document": corpus.docs[d].name,
                               "n_units": both + a_only + b_only + neither,
                               "percent_agreement": rounded(po[i])}
            if not np.isnan(kappa[i]):
                row["cohen_kappa"] = rounded(kappa[i])
            row["counts"] = {"per_coder": dict(zip(corpus.coders, (both + a_only, both + b_only))),
                             "both": both, "a_only": a_only, "b_only": b_only, "neither": neither}
            out.append(row)
        return out
    for d in docs:
        mine = doc_of == d
        r = st.Ratings.from_matrix(present[mine].astype(np.int64), 2, weights=lengths[mine])
        row = {"document": corpus.docs[d].name, "n_units": int(lengths[mine].sum())}
        for key, f in (("percent_agreement", st.percent_agreement), ("fleiss_kappa", st.fleiss_kappa)):
            est = f(r)
            if est is not None:
                row[key] = rounded(est.value)
        row["counts"] = binary_counts(r, corpus.coders)
        out.append(row)
    return out


def _segment_codes(corpus: Corpus, codes: list[int], overlap: float,
                   disagreements: list[JsonObject]) -> tuple[list[JsonObject], dict[str, int]]:
    a_name, b_name = corpus.coders
    entries: list[JsonObject] = []
    total = {"matched": 0, "a": 0, "b": 0, "codes": 0}
    for cid in codes:
        path = corpus.paths[cid]
        a = in_scope(corpus, corpus.codings.get((0, cid)) or _none())
        b = in_scope(corpus, corpus.codings.get((1, cid)) or _none())
        if not len(a) and not len(b):
            entries.append(unused_entry(path, 0))
            continue
        pairs = segment_pairs(a, b, overlap)
        m = len(pairs)
        ua, ub = len(a) - m, len(b) - m
        po = m / (m + ua + ub)
        entry: JsonObject = {"code": path, "n_units": m + ua + ub,
                             "percent_agreement": rounded(po),
                             "brennan_prediger": rounded((po - 0.5) / 0.5)}
        entry["counts"] = {"matched": m, "unmatched": {a_name: ua, b_name: ub},
                           "segments": {a_name: len(a), b_name: len(b)}}
        if entry["n_units"] < MIN_UNITS:
            entry.pop("brennan_prediger")
            entry["warnings"] = [f"only {entry['n_units']} segments: no chance-corrected "
                                 f"coefficient - at least {MIN_UNITS} are needed; read the counts"]
        entries.append(entry)
        total["matched"] += m
        total["a"] += ua
        total["b"] += ub
        total["codes"] += 1
        for spans, j in ((a, 0), (b, 1)):
            unmatched = np.ones(len(spans), dtype=bool)
            unmatched[[p[j] for p in pairs]] = False
            idx = np.nonzero(unmatched)[0]
            flags = np.zeros((len(idx), 2), dtype=bool)
            flags[:, j] = True
            _note(corpus, disagreements, path, spans.starts[idx], spans.ends[idx], flags)
    return entries, total


def _none() -> Spans:
    return Spans(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), [])


def _note(corpus: Corpus, out: list[JsonObject], code: str, starts: Ints, ends: Ints,
          flags: Bools, join: bool = False) -> None:
    """Record where coders differ, as document offsets with the text (joining touching
    character pieces of the same pattern)."""
    rows: list[tuple[int, int, tuple[bool, ...]]] = list(
        zip(starts.tolist(), ends.tolist(), [tuple(f) for f in flags.tolist()]))
    if join:
        joined: list[tuple[int, int, tuple[bool, ...]]] = []
        for s, e, f in rows:
            if joined and joined[-1][1] == s and joined[-1][2] == f:
                joined[-1] = (joined[-1][0], e, f)
            else:
                joined.append((s, e, f))
        rows = joined
    doc_of = corpus.doc_index(np.array([r[0] for r in rows], dtype=np.int64))
    for (s, e, f), d in zip(rows, doc_of.tolist()):
        if len(out) >= MAX_DISAGREEMENTS:
            return
        doc = corpus.docs[d]
        out.append({"document": doc.name, "start": s - doc.offset, "end": e - doc.offset,
                    "code": code, "coded_by": [c for c, x in zip(corpus.coders, f) if x],
                    "not_coded_by": [c for c, x in zip(corpus.coders, f) if not x],
                    "text": doc.text[s - doc.offset:e - doc.offset]})


# -- domains -----------------------------------------------------------------------------------
def _domains(corpus: Corpus, unit: str, codes: list[int],
             min_cover: float) -> list[JsonObject]:
    out: list[JsonObject] = []
    units = text_units(corpus, unit) if unit != "character" else None
    for parent in codes:
        kids = corpus.children.get(parent, [])
        if len(kids) < 2 or not corpus.used(corpus.descendants(parent)):
            continue
        branches = [corpus.descendants(k) for k in kids]
        if units is None:
            starts, ends = pieces(corpus, branches)
            weights: Ints | None = ends - starts
            marks = np.stack([presence(corpus, starts, ends, b) for b in branches])
        else:
            # units no coder gave a child are missing for everyone: they drop out of every
            # coefficient, so only the touched units are needed
            _idx, marks = touched(corpus, *units, branches, min_cover)
            weights = None
        n_marked = marks.sum(axis=0)  # units x coders
        values = np.where(n_marked == 1, marks.argmax(axis=0), st.MISSING)
        conflicts = int((n_marked > 1).sum())
        r = st.Ratings.from_matrix(values, len(kids), weights=weights)
        entry: JsonObject = {"code": corpus.paths[parent],
                             "children": [corpus.paths[k] for k in kids]}
        rated = r.rated()
        pairable = (rated.patterns >= 0).sum(axis=1) >= 2
        entry["n_units"] = int(rated.weights[pairable].sum())
        warnings: list[str] = []
        valued = int((values >= 0).sum())
        if conflicts and conflicts > 0.1 * max(valued, 1):
            warnings.append(
                f"sub-codes not mutually exclusive: no domain alpha - {conflicts} {unit} x "
                "coder values carry two or more of them; compare the sub-codes one by one")
            entry["warnings"] = warnings
            out.append(entry)
            continue
        if conflicts:
            warnings.append(f"{conflicts} {unit} x coder values with two or more sub-codes "
                            "count as missing")
        vals, ci = coefficients(r, len(corpus.coders), intervals=unit != "character",
                                alpha_key="krippendorff_alpha_nominal")
        if not entry["n_units"]:
            warnings.append(f"no {unit} got a sub-code from two coders: nothing to compare")
        elif entry["n_units"] < MIN_UNITS:
            warnings += stability_warnings(entry["n_units"], None, vals, ci, f"{unit}s")
        entry.update(vals)
        if ci:
            entry["ci"] = ci
        entry["n_values"] = valued
        if warnings:
            entry["warnings"] = warnings
        out.append(entry)
    return out


# -- the entry point ---------------------------------------------------------------------------
def units_compared(data: JsonObject) -> int:
    """How many units a report compared: text units, characters, or segments."""
    s = data["settings"]
    return int(s.get("n_units", s.get("n_characters", data["pooled"].get("n_units", 0))))


def agreement_report(project: Project, coders: list[str], unit: str = "sentence", *, overlap: float = 0.9,
                     min_cover: float = 0.0, codes: list[str] | None = None,
                     documents: list[str] | None = None,
                     report: Callable[[int, int, str], None] | None = None) -> AgreementReport:
    """Compare `coders` on `unit`s of the chosen documents (all by default) and codes."""
    if unit not in UNIT_KINDS:
        raise QcoderError(f"unknown unit {unit!r}; use one of {', '.join(UNIT_KINDS)}")
    if len(coders) < 2 or len(set(coders)) != len(coders):
        raise QcoderError("name two or more different coders, e.g. --coders Anna Bo")
    if unit == "segment" and len(coders) != 2:
        raise QcoderError("segment agreement compares exactly two coders (as MAXQDA does); "
                          "for three or more use --unit sentence, paragraph or turn")
    if not 0 < overlap <= 1:
        raise QcoderError(f"--overlap {overlap}: must be above 0 and at most 1 (e.g. 0.9)")
    if not 0 <= min_cover < 1:
        raise QcoderError(f"--min-cover {min_cover}: must be at least 0 and below 1 (e.g. 0.5)")
    step = report or (lambda *_a: None)
    from ..exchange.package import assigned_scope

    if unit == "sentence":  # segmenting is slow, so sentences are stored once per text
        with project.session() as s:
            ids = [document_by_name(s, d).id for d in documents] if documents else None
        ensure_indexed(project, ids, report=step)
    with project.session() as s:
        coder_rows = [coder_by_name(s, c) for c in coders]
        names = [c.name for c in coder_rows]
        doc_ids = [document_by_name(s, d).id for d in documents] if documents else None
        code_ids = [code_by_path(s, c).id for c in codes] if codes else None
        scope, scope_note = assigned_scope(s, coder_rows)
        step(0, 3, "reading codings")
        corpus = load_corpus(s, [c.id for c in coder_rows], names, doc_ids, code_ids, scope)
        if unit == "sentence":
            prepare_sentences(s, corpus)
        books = [{"name": b.name, "version": b.version} for b in s.scalars(
            sa.select(Codebook).where(Codebook.id.in_(
                sa.select(Code.codebook_id).where(Code.id.in_(list(corpus.paths))))))]
    if not corpus.docs:
        raise QcoderError("no documents to compare; check --documents")
    # per-code rows: codes applied directly, and leaves (a leaf nobody used is reported)
    ordered = sorted(corpus.paths, key=lambda c: corpus.paths[c])
    per_code = [c for c in ordered if not corpus.children.get(c) or corpus.used([c])]
    step(1, 3, f"comparing {len(per_code)} codes on {unit}s")
    disagreements: list[JsonObject] = []
    if unit in TEXT_UNITS:
        entries, ratings, n = _text_unit_codes(corpus, unit, per_code, min_cover, disagreements)
        pooled = pooled_entry(entries, ratings, names, f"{unit}s", True)
    elif unit == "character":
        entries, ratings, n = _character_codes(corpus, per_code, disagreements)
        pooled = pooled_entry(entries, ratings, names, "characters", False)
    else:
        entries, total = _segment_codes(corpus, per_code, overlap, disagreements)
        n = total["matched"] + total["a"] + total["b"]
        pooled = {"n_units": n, "counts": {"matched": total["matched"],
                                           "unmatched": dict(zip(names, (total["a"], total["b"])))}}
        if n:
            po, chance = total["matched"] / n, 1 / max(total["codes"], 2)
            pooled["percent_agreement"] = rounded(po)
            pooled["brennan_prediger"] = rounded((po - chance) / (1 - chance))
        pooled["mean_across_codes"] = means(entries)
    step(2, 3, "domains")
    domains = [] if unit == "segment" else _domains(corpus, unit, ordered, min_cover)
    settings: JsonObject = {
        "unit": unit, "coders": names, "documents": [d.name for d in corpus.docs],
        "codebooks": books, "codes": list(codes) if codes else "all",
        "created": datetime.now().isoformat(timespec="seconds"),
        "qcoder_version": __version__,
    }
    if unit == "segment":
        settings["overlap"] = overlap
    if unit in TEXT_UNITS:
        settings["min_cover"] = min_cover
        settings["n_units"] = n
        settings["bootstrap"] = {"draws": st.BOOTSTRAP_DRAWS, "seed": st.BOOTSTRAP_SEED}
    if unit == "sentence":
        settings["sentence_pipeline"] = pipeline_name()
    if unit == "character":
        settings["n_characters"] = n
    if scope_note:
        settings["scope"] = scope_note
    data: JsonObject = {"unit": unit, "coders": names, "settings": settings, "codes": entries,
            "pooled": pooled, "domains": domains}
    if len(disagreements) >= MAX_DISAGREEMENTS:
        data["warnings"] = [f"more than {MAX_DISAGREEMENTS} disagreements; only the first "
                            f"{MAX_DISAGREEMENTS} are listed"]
    step(3, 3, "done")
    return AgreementReport(data, disagreements)
