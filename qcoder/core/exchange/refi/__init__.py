"""REFI-QDA exchange: projects (.qdpx) and codebooks (.qdc) to and from other QDA tools.

`export_qdpx` / `import_qdpx` move whole projects; `export_qdc` / `import_qdc` move codebooks.
Reading is guarded by safety.py; position units are settled per source by positions.py.
"""

from .export import ExportSummary, export_qdpx
from .importer import ImportSummary, import_qdpx, read_qdpx
from .qdc import QdcReport, export_qdc, import_qdc
from .safety import Limits

__all__ = ["ExportSummary", "ImportSummary", "Limits", "QdcReport", "export_qdc", "export_qdpx",
           "import_qdc", "import_qdpx", "read_qdpx"]
