"""Run every benchmark module in bench/ (files named bench_*.py) and print its figures.

Each module has `run(quick: bool) -> None`. `--quick` uses a small corpus for a smoke run;
`--only NAME` runs one module (e.g. `--only import`).
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="small corpus, for a smoke run")
    parser.add_argument("--only", action="append", default=[], metavar="NAME")
    args = parser.parse_args()
    names = sorted(
        m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])
        if m.name.startswith("bench_")
    )
    if args.only:
        names = [n for n in names if n.removeprefix("bench_") in args.only or n in args.only]
    for name in names:
        print(f"== {name} ({'quick' if args.quick else 'full'})", flush=True)
        t0 = time.perf_counter()
        importlib.import_module(f"bench.{name}").run(quick=args.quick)
        print(f"   ({time.perf_counter() - t0:.1f} s in all)\n", flush=True)
    if not names:
        print("no benchmarks found")
    return 0


raise SystemExit(main())
