"""The Danish spaCy pipeline, loaded once, offline.

A trained Danish pipeline (da_core_news_*) is used when one is installed; otherwise a blank
"da" pipeline with a rule-based sentencizer. Models are never downloaded. Sentences never run
across a line break: in transcripts a new line is a new utterance.
"""

from __future__ import annotations

import re
from functools import lru_cache

TRAINED_PIPELINES = ("da_core_news_trf", "da_core_news_lg", "da_core_news_md", "da_core_news_sm")
_LINE_BREAKS = re.compile(r"\n+")


@lru_cache(maxsize=1)
def get_nlp():
    """The cached pipeline; `pipeline_name()` tells which one it is."""
    import spacy

    installed = set(spacy.util.get_installed_models())
    for name in TRAINED_PIPELINES:
        if name in installed:
            return spacy.load(name)
    nlp = spacy.blank("da")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 50_000_000
    return nlp


def pipeline_name() -> str:
    """E.g. 'da_core_news_sm 3.8.0' or 'spacy.blank("da") + sentencizer', for methods sections."""
    nlp = get_nlp()
    if nlp.meta.get("name") == "pipeline":  # spaCy's name for a blank pipeline
        return 'spacy.blank("da") + sentencizer'
    return f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}"


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


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of `text` as [start, end) code-point offsets, in order, without white space."""
    if not text.strip():
        return []
    doc = get_nlp()(text)
    spans: list[tuple[int, int]] = []
    for sent in doc.sents:
        spans.extend(_split_lines(text, sent.start_char, sent.end_char))
    return spans
