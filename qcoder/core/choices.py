"""The fixed sets of names a user chooses from: agreement units, matrix measures and levels,
export displays.

They live apart from the modules that act on them, with no imports, so the command line can
offer them as choices (and `qcoder --help` list them) without loading numpy, SQLAlchemy models
or any other domain code.
"""

#: What intercoder agreement compares (qcoder.core.agreement.units).
UNIT_KINDS = ("character", "segment", "sentence", "paragraph", "turn", "section")

#: What a code x case matrix cell holds, and what its rows are (qcoder.core.analysis.matrices).
MEASURES = ("count", "presence", "share")
LEVELS = ("code", "family")

#: The corpus kinds a document belongs to (qcoder.core.documents.kinds): the three bodies of
#: material qcoder is made for, and the rest.
CORPUS_KINDS = ("mayor_interview", "dm_interview", "vignette_group", "other")

#: What `export` writes (qcoder.core.exchange.exporters). "displays" is every display
#: (overview, hypotheses, matrices, profile, joint) without the segment listing and the
#: codebook; "all" is everything.
WHAT = ("segments", "matrix", "hypotheses", "overview", "profile", "joint", "codebook",
        "displays", "all")
