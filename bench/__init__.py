"""Benchmarks on a synthetic corpus of realistic size; run with `python -m bench [--quick]`."""
