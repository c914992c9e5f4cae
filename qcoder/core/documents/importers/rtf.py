"""Rich Text Format (.rtf, e.g. from WordPad or older transcription tools) via striprtf.

RTF's explicit page breaks (`\\page`) become pages; everything else is plain text.
"""

from __future__ import annotations

import re
from pathlib import Path

from ...errors import InputFileError
from .extracted import Extracted

#: `\page` as a control word (not `\pagebb`, `\pard`...), kept through striprtf as a form feed.
_PAGE = re.compile(r"\\page(?![a-zA-Z])-?\d* ?")


def read(path: Path, speaker_pattern: str | None = None) -> Extracted:
    from striprtf.striprtf import rtf_to_text

    try:
        raw = path.read_bytes().decode("latin-1")
    except OSError as exc:
        raise InputFileError(f"{path}: cannot be read ({exc.strerror})") from None
    if not raw.lstrip().startswith("{\\rtf"):
        raise InputFileError(
            f"{path}: does not start with '{{\\rtf', so it is not an RTF file; "
            "save it again as .rtf, .docx or .txt"
        )
    try:
        # striprtf ships py.typed but leaves rtf_to_text unannotated
        text: str = rtf_to_text(  # type: ignore[no-untyped-call]
            _PAGE.sub(r"\\par \\u12?", raw), errors="replace")
    except (ValueError, LookupError, IndexError) as exc:
        raise InputFileError(
            f"{path}: the RTF cannot be read ({exc}); open it and save it as .docx"
        ) from None
    return Extracted(text)
