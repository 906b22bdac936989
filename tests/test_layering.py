"""Imports flow one way through the pipeline stages; an upward import fails this test.

Every ``import``/``from … import`` in every module under ``reviewer/`` counts, including the lazy
ones inside functions (they are how heavy modules are deferred, not a way around the layering).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "reviewer"
# Lowest first: a module may import only from its own layer or a lower one.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("paths", "vocab"),
    ("load",),
    ("text",),
    ("detect",),
    ("model",),
    ("screen",),
    ("decide",),
    ("draft",),
    ("store",),
    ("batch",),
    ("app",),
    ("cli", "web", "__main__"),  # the front ends: command line and web page
)
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _stage(module: str) -> str | None:
    """``reviewer.detect.rulebook`` → ``detect``; ``reviewer`` itself (the version) → None."""
    parts = module.split(".")
    if parts[0] != "reviewer" or len(parts) < 2:
        return None
    return parts[1]


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(source: str, module: str, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, absolute module) of every import in ``source`` (module ``module``), relative ones resolved."""
    package = module if is_package else module.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((node.lineno, target))
            # ``from reviewer import model`` imports a stage too
            if target == "reviewer":
                found += [(node.lineno, f"reviewer.{alias.name}") for alias in node.names]
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_stage_has_a_layer():
    stages = {_stage(_module_name(p)) for p in MODULES} - {None}
    assert stages <= set(RANK), f"add these to LAYERS: {sorted(stages - set(RANK))}"


def _upward(source: str, module: str, is_package: bool = False) -> list[str]:
    own = _stage(module)
    if own is None:
        return []
    upward = []
    for line, target in _imports(source, module, is_package):
        stage = _stage(target)
        if stage is not None and stage in RANK and RANK[stage] > RANK[own]:
            upward.append(f"{module}:{line} imports {target} ({stage} is above {own})")
    return upward


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE.parent)))
def test_no_upward_import(path):
    upward = _upward(path.read_text(encoding="utf-8"), _module_name(path), path.name == "__init__.py")
    assert not upward, "\n".join(upward)


def test_the_check_catches_lazy_relative_and_package_imports():
    source = ("import reviewer.text.normalize\n"
              "def f():\n    from reviewer.app import Reviewer\n    from ..cli import app\n"
              "    from reviewer import store\n    from . import rulebook\n")
    assert [t for _, t in _imports(source, "reviewer.detect.sample")] == [
        "reviewer.text.normalize", "reviewer.app", "reviewer.cli", "reviewer", "reviewer.store", "reviewer.detect"]
    assert _upward(source, "reviewer.detect.sample") == [
        "reviewer.detect.sample:3 imports reviewer.app (app is above detect)",
        "reviewer.detect.sample:4 imports reviewer.cli (cli is above detect)",
        "reviewer.detect.sample:5 imports reviewer.store (store is above detect)",
    ]

