"""Searching the project's documents: plain text, regular expressions, and Danish lemmas.

Lemma search finds every inflected form of the query's words: "chikane" finds "chikanen",
"chikanerne" and - through the verb derived from the noun - "chikaneret". Words are the `\\w+`
runs of the text, lower-cased and lemmatised with qcoder.core.nlp's pipeline (the lookup
lemmatizer from spacy-lookups-data); each distinct word is lemmatised once per process, so a
second search over the same corpus costs a regular-expression pass, not a pipeline run.

A word matches a query word when their lemmas are equal, or when one lemma is the other plus a
Danish derivational ending that turns a noun into a verb (-e, -re, -ere: "chikane" ->
"chikanere", "analyse" -> "analysere", "svar" -> "svare"). The derivation is only tried for
lemmas of at least four letters, so short words ("bo", "gå") stay exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import sqlalchemy as sa

from .errors import QcoderError
from .store.models import Document

MODES = ("plain", "regex", "lemma")
DERIVATIONS = ("e", "re", "ere")
MIN_DERIVED = 4
_WORD = re.compile(r"\w+")
#: lower-case word -> lemma, filled as documents are searched
_LEMMAS: dict[str, str] = {}


@dataclass(frozen=True)
class Hit:
    document_id: int
    document: str
    start: int
    end: int
    text: str

    def as_json(self) -> dict:
        return {"document": self.document, "start": self.start, "end": self.end,
                "text": self.text}


def lemmas_of(words) -> dict[str, str]:
    """Lemma of each lower-case word (cached): one pipeline run for the words not seen yet."""
    todo = sorted({w for w in words if w not in _LEMMAS})
    if todo:
        from .nlp import lemmas

        joined = "\n".join(todo)
        starts = {}
        pos = 0
        for word in todo:
            starts[pos] = word
            pos += len(word) + 1
        found = {}
        for start, end, lemma in lemmas(joined):
            word = starts.get(start)
            if word is not None and end - start == len(word):
                found[word] = lemma
        for word in todo:  # a word the tokenizer split in pieces stays itself
            _LEMMAS[word] = found.get(word, word)
    return {w: _LEMMAS[w] for w in words}


def related(a: str, b: str) -> bool:
    """Whether lemmas a and b are one word's forms: equal, or noun and derived verb."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= MIN_DERIVED and any(long_ == short + end for end in DERIVATIONS)


def _query_words(query: str) -> list[str]:
    words = [w.lower() for w in _WORD.findall(query)]
    if not words:
        raise QcoderError(f"lemma search needs at least one word; {query!r} has none")
    return words


def _compile(query: str, mode: str, case_sensitive: bool) -> re.Pattern:
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


def _lemma_pattern(query: str, texts: list[str]) -> re.Pattern | None:
    """A regular expression over the surface forms in `texts` that match the query's lemmas."""
    wanted = list(lemmas_of(_query_words(query)).values())
    forms = {w for text in texts for w in set(_WORD.findall(text.lower()))}
    lemma = lemmas_of(forms)
    per_word = []
    for target in wanted:
        matching = sorted((f for f in forms if related(lemma[f], target)), key=len, reverse=True)
        if not matching:
            return None
        per_word.append("(?:" + "|".join(map(re.escape, matching)) + ")")
    # words of a phrase follow each other with only non-word characters between them
    return re.compile(r"(?<!\w)" + r"\W+".join(per_word) + r"(?!\w)", re.IGNORECASE)


def search(project, query: str, mode: str = "plain", *, case_sensitive: bool = False,
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
    if mode == "lemma":
        if report:
            report(0, len(docs), "lemmatising")
        pattern = _lemma_pattern(query, [d.text for d in docs])
        if pattern is None:
            return []
    else:
        pattern = _compile(query, mode, case_sensitive)
    hits: list[Hit] = []
    for i, doc in enumerate(docs):
        if report:
            report(i, len(docs), doc.name)  # may raise CancelledError: nothing was changed
        text = doc.text
        hits.extend(Hit(doc.id, doc.name, m.start(), m.end(), text[m.start():m.end()])
                    for m in pattern.finditer(text) if m.end() > m.start())
    if report:
        report(len(docs), len(docs), "")
    return hits
