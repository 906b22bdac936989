"""Checks for the passage seed corpus, part B (``corpora/passages/part_b.jsonl``).

Part B holds process information, internal affairs, administrative enforcement case files and clean
passages (with hard negatives) for the passage-grounds classifier.
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
from stdnum import luhn
from stdnum.cn import ric, uscc

from reviewer.vocab import MODEL_GROUNDS

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "passages" / "part_b.jsonl"
PART_A = ROOT / "corpora" / "passages" / "part_a.jsonl"
GENERATOR = ROOT / "corpora" / "tools" / "make_passages_b.py"

ALLOWED_LABELS = set(MODEL_GROUNDS)
KEYS = {"id", "text", "labels", "field", "doc_type", "hard_negative"}
MINIMUMS = {"process_info": 90, "internal_affairs": 90, "enforcement_file": 90}
MIN_CLEAN, MIN_HARD_NEGATIVES = 200, 80

EIGHTEEN_CHARS = re.compile(r"(?<![0-9A-Z])\d{17}[\dX](?![0-9A-Z])")
BANK_CARD = re.compile(r"(?<!\d)62\d{17}(?!\d)")
MOBILE = re.compile(r"(?<![\d-])1[3-9]\d{9}(?!\d)")
SENTENCE_END = re.compile(r"[。！？]")


@pytest.fixture(scope="module")
def records() -> list[dict]:
    with CORPUS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_passages_b", GENERATOR)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses need the module registered
    spec.loader.exec_module(module)
    return module


def test_every_line_is_a_record_with_the_schema(records: list[dict]) -> None:
    assert records, "corpus is empty"
    for rec in records:
        assert set(rec) == KEYS, rec.get("id")
        assert re.fullmatch(r"PB-\d{4}", rec["id"]), rec["id"]
        assert isinstance(rec["text"], str) and rec["text"].strip()
        assert isinstance(rec["labels"], list)
        assert isinstance(rec["field"], str) and rec["field"]
        assert isinstance(rec["doc_type"], str) and rec["doc_type"]
        assert isinstance(rec["hard_negative"], bool)


def test_labels_are_from_the_allowed_set(records: list[dict]) -> None:
    for rec in records:
        assert set(rec["labels"]) <= ALLOWED_LABELS, rec["id"]
        assert len(set(rec["labels"])) == len(rec["labels"]), rec["id"]


def test_label_counts_meet_minimums(records: list[dict]) -> None:
    counts = Counter(label for rec in records for label in rec["labels"])
    for label, minimum in MINIMUMS.items():
        assert counts[label] >= minimum, (label, counts[label])
    clean = [r for r in records if not r["labels"]]
    assert len(clean) >= MIN_CLEAN
    assert sum(r["hard_negative"] for r in clean) >= MIN_HARD_NEGATIVES


def test_hard_negatives_are_clean(records: list[dict]) -> None:
    for rec in records:
        if rec["hard_negative"]:
            assert rec["labels"] == [], rec["id"]


def test_hard_negatives_cover_the_required_traps(records: list[dict]) -> None:
    texts = [r["text"] for r in records if r["hard_negative"]]
    traps = {
        "published draft inviting comments": "公开征求",
        "published meeting news": "主持召开",
        "published penalty decision": "行政处罚决定书",
        "government work report": "政府工作报告",
        "appointment notice": "任命",
        "recruitment notice": "公开招聘",
        "hiring publicity": "拟聘用人员",
        "request cited in a reply": "的请示》",
        "public procedure": "流程",
    }
    for what, marker in traps.items():
        assert sum(marker in t for t in texts) >= 3, what


def test_ids_are_unique(records: list[dict]) -> None:
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids))


def test_texts_are_unique(records: list[dict]) -> None:
    normalised = [re.sub(r"\s+", "", r["text"]) for r in records]
    duplicates = [t for t, n in Counter(normalised).items() if n > 1]
    assert not duplicates, duplicates[:3]


def test_texts_are_passages_of_one_to_six_sentences(records: list[dict]) -> None:
    for rec in records:
        text = rec["text"]
        assert 30 <= len(text) <= 400, (rec["id"], len(text))
        sentences = len(SENTENCE_END.findall(text)) + (0 if text[-1] in "。！？" else 1)
        assert 1 <= sentences <= 6, (rec["id"], sentences)
        assert "{" not in text and "}" not in text, rec["id"]


def test_share_of_multi_label_positives_is_ten_to_fifteen_percent(records: list[dict]) -> None:
    positives = [r for r in records if r["labels"]]
    multi = sum(1 for r in positives if len(r["labels"]) > 1)
    assert 0.10 <= multi / len(positives) <= 0.15, multi / len(positives)


def test_fields_and_document_types_vary(records: list[dict]) -> None:
    for label in MINIMUMS:
        subset = [r for r in records if label in r["labels"]]
        assert len({r["field"] for r in subset}) >= 12, label
        assert len({r["doc_type"] for r in subset}) >= 8, label
    clean = [r for r in records if not r["labels"]]
    assert len({r["doc_type"] for r in clean}) >= 20



def test_documents_are_dated_over_many_years(records: list[dict]) -> None:
    """Offices hold documents of many years: dates spread over 2008–2025, not only the last few years."""
    import re as _re

    years = [int(y) for r in records for y in _re.findall(r"(20[0-2]\d)年", r["text"])]
    assert years and min(years) <= 2010 and max(years) >= 2023
    assert sum(1 for y in years if y < 2016) >= len(years) // 5

def test_personal_identifiers_are_valid_and_labelled(records: list[dict]) -> None:
    for rec in records:
        text = rec["text"]
        for number in EIGHTEEN_CHARS.findall(text):
            if ric.is_valid(number):
                assert "privacy" in rec["labels"], (rec["id"], "resident ID without privacy label")
            else:
                assert uscc.is_valid(number), (rec["id"], number)  # a company's credit code
        for card in BANK_CARD.findall(text):
            assert luhn.is_valid(card), (rec["id"], card)
            assert "privacy" in rec["labels"], rec["id"]
        if MOBILE.search(text):
            assert "privacy" in rec["labels"], (rec["id"], "mobile number without privacy label")


def test_no_text_shared_with_part_a(records: list[dict]) -> None:
    if not PART_A.exists():
        pytest.skip("part A not present")
    with PART_A.open(encoding="utf-8") as fh:
        part_a = {json.loads(line)["text"] for line in fh if line.strip()}
    assert not part_a & {r["text"] for r in records}


def test_generator_reproduces_the_committed_corpus(records: list[dict]) -> None:
    import faker

    generator = _load_generator()
    if faker.VERSION != generator.FAKER_VERSION_USED:
        pytest.skip(f"Faker {faker.VERSION} differs from {generator.FAKER_VERSION_USED} used for the corpus")
    assert generator.generate() == records


def test_generator_check_digits() -> None:
    import random

    generator = _load_generator()
    rng = random.Random(7)
    for male in (True, False):
        for _ in range(50):
            number = generator.make_resident_id(rng, male)
            assert ric.is_valid(number)
            assert int(number[16]) % 2 == (1 if male else 0)
    # GB 11643 worked example: 11010519491231002 -> X
    assert generator.ric_check_digit("11010519491231002") == "X"
    assert luhn.is_valid(generator.make_bank_card(rng))
    assert uscc.is_valid(generator.make_uscc(rng))
