"""The `qcoder` command line: a thin skin over qcoder.core.

Each command group lives in a module of qcoder.commands with a `register(subparsers)` function
that adds its sub-commands, each with `func(args) -> int`. This module holds the shared
plumbing: user errors (QcoderError) exit 2 with one line on stderr, `--json` output, progress
lines on stderr, and the `Example:` lines that end every command's help.

Of qcoder.core only its errors and core/choices.py are imported here or at registration: a
command loads the domain code (and pandas, scipy, spaCy ...) it needs when it runs, so
`qcoder --help` and `qcoder info` start fast (tests/cli/test_startup_imports.py checks).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from . import __version__
from .core.errors import QcoderError

#: Modules of qcoder.commands, each adding its sub-commands.
COMMAND_MODULES = [
    "project",
    "codings",
    "codebook",
    "agreement",
    "search",
    "importing",
    "refi",
    "survey",
    "export",
    "verdict",
    "nlp",
]


#: How an example line of a command's help begins.
EXAMPLE = "Example: "


class HelpFormatter(argparse.HelpFormatter):
    """argparse's own formatter, except that an epilog of `Example:` lines keeps one example a
    line (argparse would run them together into one wrapped paragraph)."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.startswith(EXAMPLE):
            return "\n".join(indent + line for line in text.splitlines())
        return super()._fill_text(text, width, indent)


def add_examples(parser: argparse.ArgumentParser, *examples: str) -> None:
    """End `parser`'s --help with one `Example:` line per example (a full `qcoder ...` line)."""
    parser.epilog = "\n".join(EXAMPLE + example for example in examples)
    parser.formatter_class = HelpFormatter


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def progress(message: str) -> None:
    """A progress line on stderr, so stdout stays clean for --json and pipes."""
    print(message, file=sys.stderr, flush=True)


def progress_callback(label: str):
    """A core-style progress callback `(done, total, what)` printing a line per step."""

    def report(done: int, total: int, what: str = "") -> None:
        progress(f"{label} {done}/{total} {what}".rstrip())

    return report


@contextmanager
def open_project(path: str) -> Iterator:
    from .core.store import Project

    project = Project.open(path)
    try:
        if project.backup_path is not None:
            progress(f"Upgraded the project; a backup of the old version is at {project.backup_path}")
        yield project
    finally:
        project.close()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qcoder",
        description="Qualitative coding of interviews: projects, codebooks, double coding, "
        "agreement, hypothesis displays.",
    )
    add_examples(parser, "qcoder demo demo.qcoder", "qcoder info demo.qcoder")
    parser.add_argument("--version", action="version", version=f"qcoder {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(f"qcoder.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except QcoderError as exc:
        print(f"qcoder: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("qcoder: interrupted; the last completed operation is saved", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (`qcoder codings ... | head`): stop quietly
        sys.stdout = open(os.devnull, "w")
        return 0
