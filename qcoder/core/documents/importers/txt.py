"""Plain-text transcripts in the encodings Danish researchers' files really come in.

UTF-8 (with or without BOM) and UTF-16 with BOM are read as such, as is UTF-16 without a BOM
when its NUL bytes sit where UTF-16 puts them; anything else is tried as Windows-1252, which
Danish Windows tools write, and then Latin-1. Any other file with NUL bytes, or with many
control characters, is binary and refused.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ...errors import InputFileError
from .extracted import Extracted

_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode_bytes(data: bytes, path: Path) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputFileError(
                    f"{path}: starts with a {encoding} byte-order mark but byte {exc.start} "
                    f"is not valid {encoding}; re-save the file as UTF-8"
                ) from None
    if b"\x00" in data:
        bare_utf16 = _bare_utf16(data)
        if bare_utf16 is not None:
            return bare_utf16
        raise InputFileError(
            f"{path}: looks like a binary file, not text (it contains NUL bytes); "
            "export the transcript as .txt, .docx or .pdf and import that"
        )
    for encoding in ("utf-8", "cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if len(_CONTROL.findall(text)) > max(3, len(text) // 1000):
        raise InputFileError(
            f"{path}: does not decode as text in UTF-8, UTF-16 or Windows-1252 "
            "(too many control characters); re-save it as UTF-8 text"
        )
    return text


def _bare_utf16(data: bytes) -> str | None:
    """Text in UTF-16 without a BOM: NULs in (nearly) every odd or every even byte."""
    sample = data[: min(len(data), 4096) // 2 * 2]
    if len(sample) < 4:
        return None
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    half = len(sample) // 2
    encoding = "utf-16-le" if odd > 0.7 * half and even == 0 else (
        "utf-16-be" if even > 0.7 * half and odd == 0 else None)
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def read_text_file(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputFileError(f"{path}: cannot be read ({exc.strerror})") from None
    return decode_bytes(data, path)


def read(path: Path, speaker_pattern: str | None = None) -> Extracted:
    return Extracted(read_text_file(path))
