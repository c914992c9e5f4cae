"""Reading untrusted REFI-QDA files without letting them hurt the machine.

A .qdpx is a zip from someone else's computer and its XML is parsed by us, so: XML goes through
defusedxml with DTDs refused (no entity expansion, no external entities); a zip entry whose name
climbs out with `..` or is absolute refuses the whole archive; and sizes are capped - by what
the zip declares and again by the bytes actually inflated, so a lying header cannot slip a zip
bomb past. Every failure is an InputFileError naming the file and what to do.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ...errors import InputFileError

_DRIVE = re.compile(r"^[A-Za-z]:")


@dataclass(frozen=True)
class Limits:
    """Caps on what a REFI-QDA file may unpack to; generous for interview projects."""

    max_entries: int = 20_000
    max_entry_bytes: int = 512 * 1024 * 1024
    max_total_bytes: int = 2 * 1024 * 1024 * 1024


DEFAULT_LIMITS = Limits()


def _mib(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MiB"


class SafeArchive:
    """A .qdpx opened for reading, its entry names checked; entries are read with size caps."""

    def __init__(self, path: str | Path, limits: Limits = DEFAULT_LIMITS):
        self.path = Path(path)
        self.limits = limits
        self._read_total = 0
        if not self.path.is_file():
            raise InputFileError(f"{self.path}: no such file")
        try:
            self._zip = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise InputFileError(
                f"{self.path}: is not a REFI-QDA project (.qdpx): a .qdpx is a zip archive and "
                f"this file is not one ({exc}); export the project again from its program as "
                "'REFI-QDA project'") from None
        try:
            self._check_entries()
        except BaseException:
            self._zip.close()
            raise

    def _check_entries(self) -> None:
        infos = self._zip.infolist()
        if len(infos) > self.limits.max_entries:
            raise InputFileError(f"{self.path}: holds {len(infos)} files, more than the "
                                 f"{self.limits.max_entries} a REFI-QDA project may; refused")
        declared = 0
        for info in infos:
            name = info.filename
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if (name.startswith(("/", "\\")) or _DRIVE.match(name) or ".." in parts
                    or "\x00" in name):
                raise InputFileError(
                    f"{self.path}: entry {name!r} points outside the archive (absolute path or "
                    "'..'); refused as unsafe - export the project again from its program")
            if info.file_size > self.limits.max_entry_bytes:
                raise InputFileError(
                    f"{self.path}: entry {name!r} unpacks to {_mib(info.file_size)}, more than "
                    f"the {_mib(self.limits.max_entry_bytes)} allowed per file; refused")
            declared += info.file_size
        if declared > self.limits.max_total_bytes:
            raise InputFileError(f"{self.path}: unpacks to {_mib(declared)} in all, more than "
                                 f"the {_mib(self.limits.max_total_bytes)} allowed; refused")

    def names(self) -> list[str]:
        return [i.filename for i in self._zip.infolist() if not i.is_dir()]

    def find(self, wanted: str) -> str | None:
        """The entry named `wanted`, matching folder and file names without regard to case."""
        wanted = wanted.replace("\\", "/").lstrip("/")
        exact = [n for n in self.names() if n == wanted]
        if exact:
            return exact[0]
        folded = [n for n in self.names() if n.casefold() == wanted.casefold()]
        return folded[0] if folded else None

    def read(self, name: str) -> bytes:
        """An entry's bytes, refusing it once it inflates past the limits."""
        cap = min(self.limits.max_entry_bytes, self.limits.max_total_bytes - self._read_total)
        chunks, size = [], 0
        try:
            with self._zip.open(name) as stream:
                while chunk := stream.read(1024 * 1024):
                    size += len(chunk)
                    if size > cap:
                        raise InputFileError(
                            f"{self.path}: entry {name!r} inflates past the size limit "
                            f"({_mib(cap)}); refused as a possible zip bomb")
                    chunks.append(chunk)
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
            raise InputFileError(f"{self.path}: entry {name!r} cannot be unpacked ({exc}); "
                                 "the file is damaged - export the project again") from None
        self._read_total += size
        return b"".join(chunks)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> SafeArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def parse_xml(data: bytes, where: str) -> Element:
    """Parse untrusted XML: no DTD, no entities; an error names `where`, line and column."""
    try:
        # defusedxml has no types; its fromstring returns an ElementTree Element
        root: Element = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise InputFileError(
            f"{where}: refused: the XML declares a DTD or entities ({type(exc).__name__}), "
            "which REFI-QDA files never need and which can be used to attack the reader") from None
    except ParseError as exc:
        line, column = exc.position
        what = str(exc).split(":", 1)[0]
        raise InputFileError(
            f"{where}: line {line}, column {column}: not well-formed XML ({what}); "
            "the file is damaged or cut off - export it again") from None
    return root


def local(tag: str) -> str:
    """An element's name without its namespace: tools disagree on namespaces, not on names."""
    return tag.rsplit("}", 1)[-1] if tag.startswith("{") else tag


def namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""
