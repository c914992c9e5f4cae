"""Every command and sub-command prints its help: a broken help text is a crash for the user."""

from __future__ import annotations

import argparse

import pytest

from qcoder.cli import build_parser


def _parsers(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()):
    yield prefix, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, prefix + (name,))


def test_every_command_has_working_help():
    helps = {" ".join(words): parser.format_help() for words, parser in _parsers(build_parser())}
    assert {"new", "info", "demo", "code", "codings", "import", "agreement", "export",
            "qdpx import", "codebook load", "survey summary"} <= set(helps)
    for words, text in helps.items():
        assert text.startswith("usage: qcoder"), words


@pytest.mark.parametrize("command", ["export", "agreement", "import"])
def test_help_exits_cleanly(command, capsys):
    with pytest.raises(SystemExit) as info:
        build_parser().parse_args([command, "--help"])
    assert info.value.code == 0
    assert "usage:" in capsys.readouterr().out
