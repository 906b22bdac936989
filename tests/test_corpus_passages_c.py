"""Checks for the passage seed corpus, part C (``corpora/passages/part_c.jsonl``).

Part C holds passages in the full-length form of real documents: internal rules in article form,
请示 and other process documents in official layout, and published texts of the same form (clean).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from stdnum.cn import ric

from reviewer.vocab import MODEL_GROUNDS

ROOT = Path(__file__).resolve().parents[1]
PASSAGES = ROOT / "corpora" / "passages"
CORPUS = PASSAGES / "part_c.jsonl"
GENERATOR = ROOT / "corpora" / "tools" / "make_passages_c.py"

ALLOWED_LABELS = set(MODEL_GROUNDS)
KEYS = {"id", "text", "labels", "field", "doc_type", "hard_negative"}
MINIMUMS = {"internal_affairs": 90, "process_info": 60}
MIN_CLEAN = 90

EIGHTEEN_CHARS = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<![\d-])1[3-9]\d{9}(?!\d)")
SENTENCE_END = re.compile(r"[。！？]")
ARTICLE = re.compile(r"第[一二三四五六七八九十]+条|(?:^|[\s。；：])(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．](?!\d))")
INTERNAL_MARKERS = ("请勿外传", "请勿扩散", "请勿引用", "内部讨论", "仅供内部", "不对外提供", "请予批准", "请批示")


def _normalise(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return _read(CORPUS)


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_passages_c", GENERATOR)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_every_line_parses_with_the_schema(records: list[dict]) -> None:
    assert records
    for rec in records:
        assert set(rec) == KEYS, rec.get("id")
        assert re.fullmatch(r"PC-\d{4}", rec["id"]), rec["id"]
        assert isinstance(rec["text"], str) and rec["text"].strip()
        assert isinstance(rec["labels"], list)
        assert isinstance(rec["field"], str) and rec["field"]
        assert isinstance(rec["doc_type"], str) and rec["doc_type"]
        assert isinstance(rec["hard_negative"], bool)


def test_labels_are_allowed_and_not_repeated(records: list[dict]) -> None:
    for rec in records:
        assert set(rec["labels"]) <= ALLOWED_LABELS, rec["id"]
        assert len(set(rec["labels"])) == len(rec["labels"]), rec["id"]


def test_minimum_counts(records: list[dict]) -> None:
    counts = Counter(label for rec in records for label in rec["labels"])
    for label, minimum in MINIMUMS.items():
        assert counts[label] >= minimum, (label, counts[label])
    clean = [r for r in records if not r["labels"]]
    assert len(clean) >= MIN_CLEAN
    assert all(r["hard_negative"] for r in clean)
    assert not any(r["hard_negative"] for r in records if r["labels"])


def test_ids_are_unique(records: list[dict]) -> None:
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))


def test_no_duplicate_texts(records: list[dict]) -> None:
    duplicates = [t for t, n in Counter(_normalise(r["text"]) for r in records).items() if n > 1]
    assert not duplicates, duplicates[:2]


def test_no_text_shared_with_parts_a_and_b(records: list[dict]) -> None:
    others = {_normalise(rec["text"]) for name in ("part_a.jsonl", "part_b.jsonl")
              if (PASSAGES / name).exists() for rec in _read(PASSAGES / name)}
    if not others:
        pytest.skip("parts A and B not present")
    assert not others & {_normalise(r["text"]) for r in records}


def test_passages_have_document_length_and_shape(records: list[dict]) -> None:
    for rec in records:
        text = rec["text"]
        assert 150 <= len(text) <= 700, (rec["id"], len(text))
        assert "{" not in text and "}" not in text, rec["id"]
        sentences = len(SENTENCE_END.findall(text))
        articles = len(ARTICLE.findall(text))
        assert 3 <= sentences <= 12 or 3 <= articles <= 12, (rec["id"], sentences, articles)


def test_every_resident_id_is_valid_and_labelled_privacy(records: list[dict]) -> None:
    found = 0
    for rec in records:
        for number in EIGHTEEN_CHARS.findall(rec["text"]):
            found += 1
            assert ric.is_valid(number), (rec["id"], number)
            assert "privacy" in rec["labels"], rec["id"]
        if MOBILE.search(rec["text"]):
            assert "privacy" in rec["labels"], (rec["id"], "mobile number without privacy label")
    assert found >= 10  # the multi-label items really carry identifiers


def test_privacy_only_as_a_second_label(records: list[dict]) -> None:
    for rec in records:
        if "privacy" in rec["labels"]:
            assert len(rec["labels"]) == 2 and EIGHTEEN_CHARS.search(rec["text"]), rec["id"]


def test_share_of_multi_label_positives(records: list[dict]) -> None:
    positives = [r for r in records if r["labels"]]
    share = sum(len(r["labels"]) > 1 for r in positives) / len(positives)
    assert 0.07 <= share <= 0.15, share


def test_clean_passages_carry_no_internal_or_pending_markers(records: list[dict]) -> None:
    for rec in records:
        if not rec["labels"]:
            assert not [m for m in INTERNAL_MARKERS if m in rec["text"]], rec["id"]


def test_variety_of_fields_doc_types_and_wording(records: list[dict]) -> None:
    for label in MINIMUMS:
        subset = [r for r in records if label in r["labels"]]
        assert len({r["field"] for r in subset}) >= 12, label
        assert len({r["doc_type"] for r in subset}) >= 8, label
    assert len({r["doc_type"] for r in records if not r["labels"]}) >= 5
    segments = set()
    for rec in records:
        for seg in re.split(r"[。；\n]", rec["text"]):
            seg = re.sub(r"\d+", "#", ARTICLE.sub("", seg.strip()))
            if len(seg) >= 12:
                segments.add(seg)
    assert len(segments) >= 300


def test_article_numbering_styles_vary(records: list[dict]) -> None:
    internal = [r["text"] for r in records if "internal_affairs" in r["labels"]]
    styles = {
        "第…条": sum(bool(re.search(r"第[一二三四五六七八九十]+条", t)) for t in internal),
        "一、": sum(bool(re.search(r"(?:^|\s|。)[一二三四五六七八九十]+、", t)) for t in internal),
        "（一）": sum("（一）" in t or bool(re.search(r"（[二三四五六七八九十]+）", t)) for t in internal),
        "1.": sum(bool(re.search(r"(?:^|\s|。)\d+[.．]\D", t)) for t in internal),
    }
    assert all(n >= 8 for n in styles.values()), styles


def test_generator_reproduces_the_committed_file(records: list[dict]) -> None:
    import faker

    generator = _load_generator()
    if faker.VERSION != generator.FAKER_VERSION_USED:
        pytest.skip(f"Faker {faker.VERSION} differs from {generator.FAKER_VERSION_USED} used for the corpus")
    assert generator.generate() == records
    regenerated, groups = generator.generate_with_groups()
    assert set(groups) == {r["id"] for r in regenerated}
