"""Checks for the hand-written passage corpus (``corpora/passages/authored_<kind>.jsonl``).

See corpora/DATASHEET-passages-authored.md.  Identifiers the texts present as real (resident IDs, bank
cards, 统一社会信用代码, mobile numbers) must carry valid check characters; near-duplicates must be rare.
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

from reviewer.model.corpus import GROUNDS, load_corpus

ROOT = Path(__file__).resolve().parents[1]
PASSAGES = ROOT / "corpora" / "passages"
TOOLS = ROOT / "corpora" / "tools"
KEYS = {"id", "text", "labels", "doc_type", "group", "hard_negative", "field"}
MIN_RECORDS = 450
MIN_PER_GROUND = 20
MIN_CLEAN = 120
MIN_PER_KIND = 20
MOBILE_RUN = re.compile(r"(?<![\d-])1\d{10}(?!\d)")
ID_RUN = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])")
SECRET_MARK = re.compile(r"(绝|机|秘)\s*密\s*★")  # OCR may space the mark: 秘 密 ★ 10 年


def _module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"authored_{name}", TOOLS / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pii() -> ModuleType:
    return _module("pii_values")


@pytest.fixture(scope="module")
def records() -> list[dict]:
    rows = []
    for path in sorted(PASSAGES.glob("authored_*.jsonl")):
        kind = path.stem.removeprefix("authored_")
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    row = json.loads(line)
                    row["_kind"] = kind
                    rows.append(row)
    return rows


def test_enough_records_in_every_kind(records: list[dict]) -> None:
    assert len(records) >= MIN_RECORDS
    kinds = Counter(r["_kind"] for r in records)
    assert len(kinds) >= 10
    assert min(kinds.values()) >= MIN_PER_KIND, kinds


def test_schema(records: list[dict]) -> None:
    for r in records:
        assert set(r) - {"_kind"} == KEYS, r["id"]
        assert re.fullmatch(rf"PA-{r['_kind']}-\d{{4}}", r["id"]), r["id"]
        assert isinstance(r["text"], str) and 80 <= len(r["text"]) <= 900, r["id"]
        assert isinstance(r["doc_type"], str) and r["doc_type"], r["id"]
        assert isinstance(r["field"], str) and r["field"], r["id"]
        assert r["group"].startswith(f"{r['_kind']}-") and len(r["group"]) > len(r["_kind"]) + 1, r["id"]
        assert isinstance(r["hard_negative"], bool), r["id"]


def test_labels_are_known_and_hard_negatives_clean(records: list[dict]) -> None:
    for r in records:
        assert isinstance(r["labels"], list), r["id"]
        assert len(set(r["labels"])) == len(r["labels"]), r["id"]
        assert set(r["labels"]) <= set(GROUNDS), r["id"]
        if r["hard_negative"]:
            assert r["labels"] == [], r["id"]


def test_every_ground_and_clean_text_is_represented(records: list[dict]) -> None:
    counts = Counter(label for r in records for label in r["labels"])
    for ground in GROUNDS:
        assert counts[ground] >= MIN_PER_GROUND, (ground, counts[ground])
    assert sum(1 for r in records if not r["labels"]) >= MIN_CLEAN


def test_ids_unique_across_all_passage_files(records: list[dict]) -> None:
    ids = [r["id"] for r in records]
    for path in PASSAGES.glob("*.jsonl"):
        if not path.name.startswith("authored_"):
            with path.open(encoding="utf-8") as fh:
                ids += [json.loads(line)["id"] for line in fh if line.strip()]
    duplicated = [i for i, n in Counter(ids).items() if n > 1]
    assert duplicated == []


def test_presented_identifiers_carry_valid_check_characters(records: list[dict], pii: ModuleType) -> None:
    seen = Counter()
    bad = []
    for r in records:
        for kind, value, _ in pii.presented_numbers(r["text"]):
            seen[kind] += 1
            if not pii.valid(kind, value):
                bad.append((r["id"], kind, value))
        for mobile in MOBILE_RUN.findall(r["text"]):
            seen["mobile"] += 1
            if not pii.valid_mobile(mobile):
                bad.append((r["id"], "mobile", mobile))
    assert bad == []
    assert seen["id"] >= 50 and seen["card"] >= 10 and seen["mobile"] >= 40 and seen["uscc"] >= 3, seen


def test_check_functions_reject_corrupted_values(pii: ModuleType) -> None:
    assert pii.valid_resident_id("11010519491231002X") == (pii.id_check_char("11010519491231002") == "X")
    good_id = "11010119800101001" + pii.id_check_char("11010119800101001")
    wrong = "0" if good_id[-1] != "0" else "1"
    assert pii.valid_resident_id(good_id) and not pii.valid_resident_id(good_id[:-1] + wrong)
    full_width = "".join(chr(ord(c) + 0xFEE0) for c in good_id)  # as scraped pages print it
    assert pii.valid("id", full_width) and not pii.valid("id", full_width[:-1] + chr(ord(wrong) + 0xFEE0))
    assert pii.fix_text("身份证号" + full_width[:-1] + "０") == "身份证号" + full_width
    card = pii.luhn_complete("621700123456789012")
    assert pii.luhn_ok(card) and not pii.luhn_ok(card[:-1] + str((int(card[-1]) + 1) % 10))
    code = "91110000600037341" + pii.uscc_check_char("91110000600037341")
    assert pii.valid_uscc(code) and not pii.valid_uscc(code[:-1] + ("0" if code[-1] != "0" else "1"))
    assert pii.valid_mobile("13800138000") and not pii.valid_mobile("12800138000")


def test_clean_passages_present_no_personal_numbers(records: list[dict]) -> None:
    for r in records:
        if r["labels"]:
            continue
        assert not ID_RUN.search(r["text"]), r["id"]
        assert not MOBILE_RUN.search(r["text"]), r["id"]


def test_state_secret_passages_bear_a_marking(records: list[dict]) -> None:
    for r in records:
        if "state_secret" in r["labels"]:
            assert SECRET_MARK.search(r["text"]), r["id"]


def test_near_duplicates_are_rare(records: list[dict]) -> None:
    check = _module("check_near_duplicates")
    pairs = check.near_duplicate_pairs([r["text"] for r in records], 0.5)
    involved = {i for i, _, _ in pairs} | {j for _, j, _ in pairs}
    assert len(involved) / len(records) < 0.05
    # the measure itself finds a lightly edited copy
    text = records[0]["text"]
    assert check.near_duplicate_pairs([text, text.replace("。", "；", 1)], 0.5)


def test_load_corpus_reads_the_authored_files(records: list[dict]) -> None:
    corpus = load_corpus(ROOT / "corpora")
    assert not [p for p in corpus.problems if "authored_" in p]
    assert sum(1 for f in corpus.files if f.startswith("passages/authored_")) == len(
        {r["_kind"] for r in records})
    texts = set(corpus.passages.texts)
    assert all(r["text"] in texts for r in records)
