"""The Danish spaCy pipeline, loaded once, offline: sentences, lemmas and (when a trained
pipeline is installed) named entities.

A trained Danish pipeline (da_core_news_*) is used when one is installed; otherwise a blank
"da" pipeline with a rule-based sentencizer and the lookup lemmatizer from spacy-lookups-data.
Models are never downloaded. Sentences never run across a line break: in transcripts a new
line is a new utterance.

Lemmas are lower-cased, so that "Borgmesteren" and "borgmestre" both give "borgmester". The
lookup table is keyed by the word as written; a word missing from it is looked up again in
lower case (sentence starts), then read as a compound (`_lookup_lower`).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.lookups import Table
    from spacy.pipeline import Lemmatizer
    from spacy.tokens import Doc

TRAINED_PIPELINES = ("da_core_news_trf", "da_core_news_lg", "da_core_news_md", "da_core_news_sm")
_LINE_BREAKS = re.compile(r"\n+")
#: shortest head and tail when an unknown word is read as a compound
MIN_COMPOUND_PART = 3

#: (start, end, lemma) of one word, as code-point offsets into the analysed text.
Token = tuple[int, int, str]


@lru_cache(maxsize=1)
def trained_pipeline() -> str | None:
    """The name of the best installed trained Danish pipeline, if any (without loading spaCy)."""
    for name in TRAINED_PIPELINES:
        try:
            version(name)
        except PackageNotFoundError:
            continue
        return name
    return None


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The cached pipeline; `pipeline_name()` tells which one it is."""
    import spacy

    name = trained_pipeline()
    if name is not None:
        nlp = spacy.load(name)
    else:
        nlp = spacy.blank("da")
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()  # loads the Danish table from spacy-lookups-data; never downloads
    nlp.max_length = 50_000_000
    return nlp


def is_trained() -> bool:
    """Whether a trained pipeline (with its own lemmatizer and NER) is in use."""
    return trained_pipeline() is not None


def has_ner() -> bool:
    return is_trained() and "ner" in get_nlp().pipe_names


@lru_cache(maxsize=1)
def pipeline_name() -> str:
    """E.g. 'da_core_news_sm 3.8.0' or 'spacy.blank("da") + sentencizer + lookup lemmatizer
    (spacy-lookups-data 1.0.5)', for methods sections; cheap, loads nothing."""
    name = trained_pipeline()
    if name is not None:
        return f"{name} {version(name)}"
    return ('spacy.blank("da") + sentencizer + lookup lemmatizer '
            f'(spacy-lookups-data {version("spacy-lookups-data")})')


@lru_cache(maxsize=1)
def _lookup_table() -> Table:
    """The blank pipeline's lookup lemmatizer table (a trained pipeline has its own)."""
    # get_pipe is typed as any component; get_nlp gave the blank pipeline this lemmatizer
    lemmatizer = cast("Lemmatizer", get_nlp().get_pipe("lemmatizer"))
    return lemmatizer.lookups.get_table("lemma_lookup")


@lru_cache(maxsize=200_000)
def _lookup_lower(word: str) -> str:
    """The lemma of a lower-case word missing from the table as written: looked up in lower
    case, else as a compound - the longest tail the table knows is lemmatised and the head
    kept ("anlægsloftet" -> "anlægs" + "loft"), since Danish writes compounds as one word."""
    table = _lookup_table()
    lemma: str | None = table.get(word, None)
    if lemma is not None:
        return lemma
    if word.isalpha():
        for cut in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1):
            lemma = table.get(word[cut:], None)
            if lemma is not None:
                return word[:cut] + lemma
    return word


def _split_lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """[start, end) cut at line breaks, each piece stripped of surrounding white space."""
    pieces = []
    pos = start
    for m in _LINE_BREAKS.finditer(text, start, end):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, end))
    out = []
    for a, b in pieces:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


@dataclass
class Analysis:
    """What the pipeline gives a text: its sentences, and per word its span and lemma.

    Words are kept compactly (offset arrays and lemma ids into `vocab`), because a long
    transcript has millions of them; `tokens` gives them as (start, end, lemma) tuples.
    """

    sentences: list[tuple[int, int]] = field(default_factory=list)
    starts: array[int] = field(default_factory=lambda: array("i"))
    ends: array[int] = field(default_factory=lambda: array("i"))
    lemma_ids: array[int] = field(default_factory=lambda: array("i"))
    vocab: list[str] = field(default_factory=list)

    @property
    def tokens(self) -> list[Token]:
        vocab = self.vocab
        return [(s, e, vocab[i]) for s, e, i in zip(self.starts, self.ends, self.lemma_ids)]


def _is_word(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def _add_piece(into: Analysis, ids: dict[str, int], text: str, doc: Doc, offset: int) -> None:
    """Append what the pipeline found in `text` (a piece starting at `offset`) to `into`."""
    lookup = not is_trained()
    for sent in doc.sents:
        into.sentences.extend((a + offset, b + offset)
                              for a, b in _split_lines(text, sent.start_char, sent.end_char))
    for tok in doc:
        word = tok.text
        if not _is_word(word):
            continue
        lemma = tok.lemma_ or word
        if lookup and lemma == word:  # not in the table as written
            lemma = _lookup_lower(tok.lower_)
        lemma = lemma.lower()
        lemma_id = ids.get(lemma)
        if lemma_id is None:
            lemma_id = ids[lemma] = len(into.vocab)
            into.vocab.append(lemma)
        into.starts.append(tok.idx + offset)
        into.ends.append(tok.idx + offset + len(word))
        into.lemma_ids.append(lemma_id)


#: Texts are analysed in pieces of about this many characters, cut after a line break.
#: Sentences never cross a line break, so the pieces give the same result as the whole text,
#: and memory stays bounded for a 50 MB transcript.
CHUNK = 100_000


def _pieces(text: str) -> list[tuple[int, int]]:
    out, pos, n = [], 0, len(text)
    while pos < n:
        end = min(pos + CHUNK, n)
        if end < n:
            cut = text.rfind("\n", pos, end)
            if cut <= pos:
                cut = text.rfind(" ", pos, end)
            end = cut + 1 if cut > pos else end
        out.append((pos, end))
        pos = end
    return out


def analyse(text: str) -> Analysis:
    """Sentences and lemmas of `text` in one pass of the pipeline."""
    return next(analyse_many([text]))


def analyse_many(texts: Iterable[str]) -> Iterator[Analysis]:
    """`analyse` for many texts, streamed through the pipeline in pieces (see CHUNK); each
    text's analysis is yielded as soon as its last piece is done."""
    texts = list(texts)
    pieces = [(i, a, b) for i, text in enumerate(texts) for a, b in _pieces(text)
              if text[a:b].strip()]
    docs = get_nlp().pipe(texts[i][a:b] for i, a, b in pieces)
    done = 0
    current = Analysis()
    ids: dict[str, int] = {}
    for (i, a, b), doc in zip(pieces, docs):
        while done < i:  # texts before this one are complete (or had nothing to analyse)
            yield current
            current, ids = Analysis(), {}
            done += 1
        _add_piece(current, ids, texts[i][a:b], doc, a)
    while done < len(texts):
        yield current
        current, ids = Analysis(), {}
        done += 1


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of `text` as [start, end) code-point offsets, in order, without white space."""
    return analyse(text).sentences


def lemmas(text: str) -> list[Token]:
    """Each word of `text` (punctuation left out) as (start, end, lower-case lemma)."""
    return analyse(text).tokens


def entities(text: str) -> list[tuple[int, int, str]]:
    """Named entities (start, end, label: PER, LOC, ORG, MISC) from a trained pipeline's NER;
    empty with the blank pipeline, which has none."""
    if not has_ner() or not text.strip():
        return []
    return [(e.start_char, e.end_char, e.label_) for e in get_nlp()(text).ents]
