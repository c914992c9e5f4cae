"""Every command and sub-command prints its help, ending with examples that really parse: a broken
help text is a crash for the user, and a wrong example is worse than none."""

from __future__ import annotations

import argparse
import shlex

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


def test_every_help_ends_with_examples_of_that_command():
    root = build_parser()
    parsers = list(_parsers(root))
    assert len(parsers) > 30
    for words, parser in parsers:
        lines = parser.format_help().rstrip("\n").splitlines()
        examples = []
        while lines and lines[-1].startswith("Example: "):
            examples.insert(0, lines.pop().removeprefix("Example: "))
        assert 1 <= len(examples) <= 2, (words, lines[-1:])
        assert lines[-1] == "", words  # a blank line before the examples
        for example in examples:
            argv = shlex.split(example)
            assert argv[0] == "qcoder" and tuple(argv[1:1 + len(words)]) == words, example
            # the example is a complete, valid command line: it parses to a command to run
            args = root.parse_args(argv[1:])
            assert callable(args.func), example


def test_two_examples_stay_on_their_own_lines(monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    parsers = dict(_parsers(build_parser()))
    text = parsers[("export",)].format_help()
    assert ("\nExample: qcoder export demo.qcoder --what hypotheses --out hypoteser.docx\n"
            "Example: qcoder export demo.qcoder --what matrix --measure share --out matrix.xlsx\n"
            ) in text
    # the description around the examples is still wrapped as argparse wraps it
    description = parsers[("import",)].format_help().split("\n\n")[1]
    assert description.startswith("Import transcripts:") and "\n" in description


@pytest.mark.parametrize("command", ["export", "agreement", "import"])
def test_help_exits_cleanly(command, capsys):
    with pytest.raises(SystemExit) as info:
        build_parser().parse_args([command, "--help"])
    assert info.value.code == 0
    assert "usage:" in capsys.readouterr().out
