"""What qcoder reads at run time - demo material, shipped codebooks, gazetteers, translations -
found through importlib.resources, so it works the same from a clone and from an installed wheel.
The repository's top-level `codebooks/` is a link to `codebooks/` here: one copy of each file.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def data_path(*parts: str) -> Path:
    """A file or folder shipped in qcoder/data, as a path on disk.

    qcoder is installed as plain files (a wheel unpacks into site-packages; a clone is used in
    place), so the package folder is a real directory and its contents can be handed to code
    that wants a path (Qt's translator, the importers).
    """
    return Path(str(files(__name__).joinpath(*parts)))
