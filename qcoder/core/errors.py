"""Errors a user can cause. Each message names the file or place and says how to fix it.

The CLI prints such an error on one line and exits 2; the GUI shows it in a dialog. Anything
that is not a QcoderError is a bug in qcoder and keeps its traceback.
"""


class QcoderError(Exception):
    """A mistake in the user's input or environment, explained for the user."""


class ProjectError(QcoderError):
    """The project file cannot be opened or created as asked."""


class ProjectLockedError(ProjectError):
    """Another process holds the project open."""


class SchemaTooNewError(ProjectError):
    """The project was written by a newer qcoder."""


class NotFoundError(QcoderError):
    """A named document, code, coder or case does not exist in the project."""


class InputFileError(QcoderError):
    """An input file (CSV, transcript, codebook, survey) is unreadable or invalid."""


class CancelledError(QcoderError):
    """The user cancelled a long operation; nothing was changed."""
