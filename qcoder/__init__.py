"""qcoder: qualitative coding of interviews for public-administration research."""

__version__ = "0.1.0"
