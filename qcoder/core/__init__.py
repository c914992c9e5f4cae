"""The whole domain of qcoder, with no Qt import: usable from a script or notebook."""
