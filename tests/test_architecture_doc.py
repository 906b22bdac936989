"""docs/ARCHITECTURE.md names only things that exist: every module path and every dotted name."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "ARCHITECTURE.md"
TEXT = DOC.read_text(encoding="utf-8")
CODE_SPANS = re.findall(r"`([^`\n]+)`", TEXT)
DOTTED = sorted({m for span in CODE_SPANS for m in re.findall(r"(?<![\w/.])reviewer(?:\.[A-Za-z_]\w*)+", span)})
PATHS = sorted({m for span in CODE_SPANS
                for m in re.findall(r"(?<![\w.])(?:reviewer|tests|rules|corpora|examples|docs|bench)/[\w./*<>-]*", span)})


def resolve(dotted: str):
    """Import the longest module prefix of ``dotted`` and fetch the remaining attributes."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for name in parts[cut:]:
            obj = getattr(obj, name)  # AttributeError: the doc names something that does not exist
        return obj
    raise ModuleNotFoundError(dotted)


def test_doc_mentions_names_and_paths():
    assert len(DOTTED) > 40 and len(PATHS) > 15


@pytest.mark.parametrize("dotted", DOTTED)
def test_dotted_name_exists(dotted):
    assert resolve(dotted) is not None


@pytest.mark.parametrize("path", PATHS)
def test_path_exists(path):
    if "<" in path:  # a pattern such as rules/<category>.yaml: its folder must exist
        path = path.split("<", 1)[0]
    if "*" in path:
        matches = list(ROOT.glob(path))
        assert matches, f"{path} matches no file"
    else:
        assert (ROOT / path).exists(), f"{path} does not exist"


def test_every_stage_folder_is_described():
    stages = [p.name for p in (ROOT / "reviewer").iterdir() if p.is_dir() and (p / "__init__.py").exists()]
    missing = [s for s in stages if f"`reviewer/{s}/`" not in TEXT]
    assert not missing, f"docs/ARCHITECTURE.md does not describe: {missing}"


def test_resolve_rejects_a_missing_name():
    with pytest.raises(AttributeError):
        resolve("reviewer.app.Reviewer.no_such_method")
    with pytest.raises(ModuleNotFoundError):
        resolve("reviewerx.nothing")
