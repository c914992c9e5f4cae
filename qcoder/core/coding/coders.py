"""Who is coding: the coder's row, made on first use, and the project's record of who codes
now (a coder package opens as the coder it was made for)."""

from __future__ import annotations

from ..exchange.package import CURRENT_CODER_META
from ..lookup import coder_by_name
from ..store import Project
from ..store.models import Meta


def set_current_coder(project: Project, name: str) -> int:
    """Record `name` as the project's current coder, adding the coder if new; the coder's id."""
    with project.transaction() as s:
        coder_id = coder_by_name(s, name, create=True).id
        meta = s.get(Meta, CURRENT_CODER_META)
        if meta is None or meta.value != name:
            s.merge(Meta(key=CURRENT_CODER_META, value=name))
    return coder_id
