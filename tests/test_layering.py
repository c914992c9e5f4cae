"""The layers hold: the GUI and the CLI ask core's read API instead of the store, core never
imports Qt, and the package's folders stay readable (few modules at the top, ideas in
subpackages)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import qcoder

ROOT = Path(qcoder.__file__).parent


def _imports(path: Path) -> list[tuple[int, int, str]]:
    """(line, level, dotted name) of every import in `path`, top level or inside functions;
    `from a import b` gives both `a` and `a.b`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, 0, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            found.append((node.lineno, node.level, base))
            found += [(node.lineno, node.level, f"{base}.{a.name}".lstrip(".")) for a in node.names]
    return found


def store_imports(path: Path) -> list[str]:
    return sorted({f"{path.relative_to(ROOT)}:{line}" for line, level, name in _imports(path)
                   if (level == 0 and name.split(".")[0] == "sqlalchemy")
                   or re.search(r"(^|\.)store\.models", name)})


def test_gui_and_commands_import_neither_sqlalchemy_nor_store_models():
    files = sorted((ROOT / "gui").rglob("*.py")) + sorted((ROOT / "commands").rglob("*.py"))
    assert len(files) > 60
    assert [hit for path in files for hit in store_imports(path)] == []


def test_the_check_sees_such_imports():
    """Guard against a check that passes because it finds nothing anywhere."""
    assert store_imports(ROOT / "core" / "catalog.py")
    assert store_imports(ROOT / "core" / "coding" / "codings.py")


def test_core_never_imports_qt():
    hits = [f"{path.relative_to(ROOT)}:{line}" for path in sorted((ROOT / "core").rglob("*.py"))
            for line, level, name in _imports(path) if level == 0 and name.startswith("PySide6")]
    assert hits == []


def test_core_and_gui_are_grouped_by_idea():
    def modules(folder: Path) -> list[str]:
        return sorted(p.name for p in folder.glob("*.py") if p.name != "__init__.py")

    def packages(folder: Path) -> list[str]:
        return sorted(p.name for p in folder.iterdir() if (p / "__init__.py").is_file())

    assert len(modules(ROOT / "core")) <= 8, modules(ROOT / "core")
    assert len(packages(ROOT / "core")) >= 6, packages(ROOT / "core")
    assert len(modules(ROOT / "gui")) <= 10, modules(ROOT / "gui")
    assert len(packages(ROOT / "gui")) >= 5, packages(ROOT / "gui")
