"""Start-up devices that must never change a result: decision patterns compiled on first use
(reviewer/text/lazy_re.py), triage cues checked once per file version and skipped on texts holding none of
the literals every match needs (reviewer/detect/registry.py), and the store's path read without importing
sqlite-utils."""

from __future__ import annotations

import importlib
import json
import pkgutil
import random
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import reviewer.decide
from reviewer.decide.triage import compact
from reviewer.detect import registry
from reviewer.text.lazy_re import LazyPattern
from reviewer.text.normalize import normalize

PROJECT = Path(__file__).resolve().parents[1]


def _decide_patterns() -> list[tuple[str, str, LazyPattern]]:
    found = []
    for info in pkgutil.iter_modules(reviewer.decide.__path__):
        module = importlib.import_module(f"reviewer.decide.{info.name}")
        for name, value in vars(module).items():
            if isinstance(value, LazyPattern):
                found.append((info.name, name, value))
    return found


def test_every_lazy_decision_pattern_compiles():
    patterns = _decide_patterns()
    assert len(patterns) > 300  # the decision modules' patterns are lazy
    for module, name, lazy in patterns:
        try:
            lazy.compiled()
        except re.error as exc:  # pragma: no cover - the failure message is the point
            pytest.fail(f"reviewer.decide.{module}.{name}: {exc}")


def test_lazy_pattern_behaves_as_the_compiled_one():
    lazy = LazyPattern(r"(?P<kind>会议纪要|请示)(?:和|及)?", re.M)
    eager = re.compile(r"(?P<kind>会议纪要|请示)(?:和|及)?", re.M)
    text = "申请公开会议纪要和请示\n以及批复"
    assert lazy.pattern == eager.pattern
    assert lazy._compiled is None  # asking for the source compiles nothing
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in eager.finditer(text)]
    assert lazy.sub("X", text) == eager.sub("X", text)
    assert lazy.split(text) == eager.split(text)
    assert lazy.findall(text) == eager.findall(text)
    assert lazy.search(text).group("kind") == "会议纪要"
    assert lazy.flags == eager.flags and lazy.groupindex == eager.groupindex
    assert lazy.fullmatch("请示").span() == (0, 2) and lazy.match("批复") is None
    with pytest.raises(re.error):
        LazyPattern("(unclosed").search("x")


def test_lazy_patterns_pickle_and_copy():
    import copy
    import pickle

    import regex

    for lazy in (LazyPattern(r"会议(纪要|记录)", re.M), LazyPattern(r"\p{Han}+", 0, regex.compile)):
        for state in ("fresh", "used"):
            if state == "used":
                lazy.search("会议纪要")
            for twin in (pickle.loads(pickle.dumps(lazy)), copy.deepcopy(lazy), copy.copy(lazy)):
                assert twin.pattern == lazy.pattern
                assert twin.search("申请会议纪要").group(0) == lazy.search("申请会议纪要").group(0)


def _request_texts(n: int = 1500) -> list[str]:
    rows = []
    for path in sorted((PROJECT / "corpora" / "requests").glob("*.jsonl")):
        rows += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    random.Random(29).shuffle(rows)
    texts = rows[:n]
    texts += [p.read_text(encoding="utf-8") for p in sorted((PROJECT / "examples" / "requests").glob("*.txt"))]
    return texts


def test_cue_prefilter_changes_no_hit():
    cues = registry.load_cues()
    assert sum(1 for cue in cues for needs in cue.needs if needs) > 50  # most patterns have a literal set
    texts = _request_texts()
    texts += [x for cue in cues for x in (*cue.examples_match, *cue.examples_no_match)]
    for cue in cues:
        every = replace(cue, needs=[])
        for text in texts:
            norm = normalize(text).text
            for form in (norm, compact(norm)):
                assert cue.find(form) == every.find(form), (cue.code, form[:80])


def test_cue_file_checked_once_then_lazy(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path / "cache"))
    source = registry.RULES_DIR / registry.TRIAGE_FILE
    copy = tmp_path / "rules" / registry.TRIAGE_FILE
    copy.parent.mkdir()
    copy.write_bytes(source.read_bytes())
    (copy.parent / "reply_types.yaml").write_bytes((registry.RULES_DIR / "reply_types.yaml").read_bytes())
    registry._load_cues_cached.cache_clear()
    first = registry.load_cues(copy)
    assert not any(isinstance(p, LazyPattern) for cue in first for p in cue.patterns)  # first: all compiled
    assert registry._checked_stamp(str(copy)).is_file()
    registry._load_cues_cached.cache_clear()
    second = registry.load_cues(copy)
    lazy = [p for cue in second for p in cue.patterns]
    assert lazy and all(isinstance(p, LazyPattern) and p._compiled is None for p in lazy)
    text = "我想咨询一下这个项目是哪一年批的，依据是什么？"
    assert [c.find(text) for c in first] == [c.find(text) for c in second]
    # a changed file is a new version: checked (compiled) again, and a bad pattern is still reported
    data = copy.read_text(encoding="utf-8").replace("patterns: ['", "patterns: ['(未闭合', '", 1)
    copy.write_text(data, encoding="utf-8")
    registry._load_cues_cached.cache_clear()
    with pytest.raises(Exception) as caught:
        registry.load_cues(copy)
    assert "无法编译" in str(caught.value)
    registry._load_cues_cached.cache_clear()


def test_asking_whether_the_store_exists_imports_no_sqlite_utils():
    code = ("import sys; from reviewer.cli.review import _default_store_exists; _default_store_exists(); "
            "print('sqlite_utils' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=PROJECT)
    assert out.stdout.strip() == "False"
