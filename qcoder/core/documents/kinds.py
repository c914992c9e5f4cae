"""The corpus kinds a document belongs to: the project's three bodies of material, and the rest.

A document's kind chooses its citation template, its default case attributes and its group in
the documents list. This is the one list; the GUI gives each kind its Danish or English title.
"""

from __future__ import annotations

from ..choices import CORPUS_KINDS
from ..errors import QcoderError

__all__ = ["CORPUS_KINDS", "check_kind"]


def check_kind(kind: str) -> str:
    """`kind` itself, or the error naming the kinds there are."""
    if kind not in CORPUS_KINDS:
        raise QcoderError(f"unknown corpus kind {kind!r}; use one of {', '.join(CORPUS_KINDS)}")
    return kind
