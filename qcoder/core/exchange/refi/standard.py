"""The REFI-QDA vocabulary qcoder speaks: namespaces, GUIDs, dates, and qcoder's conventions.

qcoder's own exports say so in `origin`, which also states the position unit; on import such a
file is read by those conventions exactly (each codebook a top-level category, GUIDs derived
from coding UUIDs for selections and coding memos), so a round trip loses nothing it carries.
"""

from __future__ import annotations

import re
import uuid as uuidlib
from datetime import datetime, timezone

from .... import __version__
from ...documents.kinds import CORPUS_KINDS

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
NS_PREFIX = "urn:QDA-XML:"
ORIGIN = f"qcoder {__version__} (positions: Unicode code points)"

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: Namespace of the GUIDs qcoder derives from its own UUIDs (selections, coding memos).
_DERIVED = uuidlib.UUID("6f1c2d4e-9a53-5b0e-8c1d-3e2f4a5b6c7d")


def is_qcoder(origin: str | None) -> bool:
    return origin is not None and origin.startswith("qcoder ")


def xml_text(value: str) -> str:
    """Text XML 1.0 can carry: control characters it forbids are dropped, not written broken."""
    return _NOT_XML.sub("", value)


def derived_guid(kind: str, uuid: str) -> str:
    """A stable GUID for something qcoder stores inside another row (e.g. a coding's memo)."""
    return str(uuidlib.uuid5(_DERIVED, f"{kind}:{uuid}"))


#: Each document's corpus kind (Document.kind) travels as the Text value of this Variable on its
#: TextSource - the standard's own place for source variables; read back by GUID, or by name
#: from a file another tool has re-written.
KIND_VARIABLE = "Document kind (qcoder)"
KIND_GUID = derived_guid("variable", "document-kind")
KIND_DESCRIPTION = f"qcoder's corpus kind of each source, one of: {', '.join(CORPUS_KINDS)}"


def norm_guid(value: str | None) -> str | None:
    """A GUID as qcoder stores UUIDs (lower case, no braces); None if it is not a GUID."""
    if not value:
        return None
    try:
        return str(uuidlib.UUID(value.strip().strip("{}")))
    except ValueError:
        return None


def xml_datetime(value: datetime | None) -> str | None:
    """A stored (naive UTC) time as xsd:dateTime."""
    if value is None:
        return None
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value.replace(microsecond=0).isoformat() + "Z"


def parse_datetime(value: str | None) -> datetime | None:
    """xsd:dateTime (with Z, an offset or none) as naive UTC; None if absent or unreadable."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
    return parsed


def colour(value: str | None) -> str | None:
    """A colour as #rrggbb if it is one REFI-QDA allows (#rgb or #rrggbb), else None."""
    if not value:
        return None
    value = value.strip()
    if len(value) == 9 and value.startswith("#"):
        value = value[:7]  # #rrggbbaa from some tools: drop the alpha
    hexpart = value[1:]
    if not value.startswith("#") or len(hexpart) not in (3, 6):
        return None
    try:
        int(hexpart, 16)
    except ValueError:
        return None
    if len(hexpart) == 3:
        hexpart = "".join(c * 2 for c in hexpart)
    return "#" + hexpart
