"""The project store: SQLAlchemy models, schema versions and migrations, locking, backups."""

from . import (
    models_analysis,  # noqa: F401  (registers the analysis tables)
    models_editing,  # noqa: F401  (registers the detached codings table)
    models_exchange,  # noqa: F401  (registers merged packages and export records)
    models_nlp,  # noqa: F401  (registers the text index tables)
)
from .migrations import SCHEMA_VERSION
from .project import PROJECT_SUFFIX, Project

__all__ = ["Project", "PROJECT_SUFFIX", "SCHEMA_VERSION"]
