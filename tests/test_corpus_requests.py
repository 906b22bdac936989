"""Checks for the request-triage seed corpus ``corpora/requests/seed.jsonl``."""

from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from stdnum.cn import ric

from reviewer.vocab import TRIAGE_LABELS

ROOT = Path(__file__).resolve().parents[1]
SEED_PATH = ROOT / "corpora" / "requests" / "seed.jsonl"
GENERATOR = ROOT / "corpora" / "tools" / "make_requests.py"
DEV_REPLIES = Path("/work/shared/dev/replies.jsonl")

LABELS = set(TRIAGE_LABELS)
REGISTERS = {"online_form", "letter", "lawyer", "email", "terse", "multi_item"}
KEYS = {"id", "text", "label", "field", "register"}


@pytest.fixture(scope="module")
def records() -> list[dict]:
    lines = SEED_PATH.read_text(encoding="utf-8").splitlines()
    assert lines, "seed.jsonl is empty"
    return [json.loads(line) for line in lines]


def _load_generator():
    spec = importlib.util.spec_from_file_location("make_requests_under_test", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_schema(records):
    for rec in records:
        assert set(rec) == KEYS, rec.get("id")
        assert all(isinstance(rec[k], str) and rec[k] for k in KEYS), rec["id"]
        assert rec["register"] in REGISTERS, rec["id"]
        assert 8 <= len(rec["text"]) <= 640, rec["id"]


def test_labels_allowed_and_balanced(records):
    counts = Counter(rec["label"] for rec in records)
    assert set(counts) <= LABELS
    assert set(counts) == LABELS, f"missing labels: {LABELS - set(counts)}"
    assert min(counts.values()) >= 60, counts


def test_each_label_spans_registers_and_fields(records):
    for label in LABELS:
        recs = [r for r in records if r["label"] == label]
        assert len({r["register"] for r in recs}) >= 4, label
        assert len({r["field"] for r in recs}) >= 6, label


def test_ids_unique_and_well_formed(records):
    ids = [rec["id"] for rec in records]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"RQ-\d{4}", i) for i in ids)


def test_no_duplicate_texts(records):
    texts = Counter(rec["text"] for rec in records)
    dupes = [t for t, c in texts.items() if c > 1]
    assert not dupes, dupes[:3]


def test_resident_ids_are_valid(records):
    found = 0
    for rec in records:
        for number in re.findall(r"(?<!\d)\d{17}[\dX](?!\d)", rec["text"]):
            found += 1
            assert ric.is_valid(number), (rec["id"], number)
    assert found > 0, "expected some generated ID numbers in the corpus"


def test_no_label_specific_template_phrase(records):
    """No 6-character string marks most texts of one label while being rare elsewhere."""
    by_label: dict[str, list[str]] = {}
    for rec in records:
        by_label.setdefault(rec["label"], []).append(rec["text"])

    def grams(text: str) -> set[str]:
        return {text[i:i + 6] for i in range(len(text) - 5)}

    freq = {label: Counter(g for t in texts for g in grams(t)) for label, texts in by_label.items()}
    for label, texts in by_label.items():
        others = sum(len(v) for k, v in by_label.items() if k != label)
        for gram, count in freq[label].items():
            if count / len(texts) > 0.5:
                elsewhere = sum(freq[k][gram] for k in freq if k != label) / others
                assert elsewhere > 0.05, (label, gram, count / len(texts))


@pytest.mark.skipif(not DEV_REPLIES.exists(), reason="dev set not available")
def test_generator_is_deterministic():
    generator = _load_generator()
    first = generator.build_corpus()
    second = generator.build_corpus()
    assert first == second
    assert len(first) >= 630
