"""Displays by name - overview, hypotheses, matrix, profile, joint, segments, codebook - the
one way the analysis window and the exports build them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from ..errors import QcoderError
from .case_codings import CaseCodings
from .displays import Options, Table, case_codings, hypothesis_display, overview_matrix
from .listings import codebook_table, segments_table
from .matrices import code_case_matrix
from .theme_displays import joint_display, motivation_profile

if TYPE_CHECKING:
    from ..store.project import Project

_OVER_CODINGS = {"overview": overview_matrix, "hypotheses": hypothesis_display,
                 "profile": motivation_profile, "joint": joint_display, "segments": segments_table}


def build_table(session: Session, key: str, options: Options, cc: CaseCodings, *,
                by_section: bool = False) -> Table:
    """The display `key` over the codings `cc` (read once for several displays);
    `by_section` splits the matrix's cases by section."""
    if key == "matrix":
        return code_case_matrix(session, options, by_section=by_section, cc=cc)
    if key == "codebook":
        return codebook_table(session, options)
    if key not in _OVER_CODINGS:
        raise QcoderError(f"unknown display {key!r}; choose one of "
                          f"{', '.join([*_OVER_CODINGS, 'matrix', 'codebook'])}")
    return _OVER_CODINGS[key](session, options, cc)


def build_display(project: Project, key: str, options: Options, *, by_section: bool = False) -> Table:
    """The display `key` over the codings `options` leave in view, read in its own session."""
    with project.session() as s:
        return build_table(s, key, options, case_codings(s, options), by_section=by_section)
