"""Checks for the helpers' probe corpus ``corpora/{requests,passages}/probes_*.jsonl`` (see its datasheet)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from reviewer.model.corpus import GROUNDS, TRIAGE_LABELS, is_authored_file, load_corpus, near_duplicate_pairs

ROOT = Path(__file__).resolve().parents[1]
CHECKER = ROOT / "corpora" / "tools" / "check_probes.py"


@pytest.fixture(scope="module")
def checker():
    spec = importlib.util.spec_from_file_location("check_probes_under_test", CHECKER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rows(checker) -> list[dict]:
    loaded = checker.load()
    assert loaded, "no probes_*.jsonl records"
    return loaded


def test_schema_ids_labels_grounds(rows, checker):
    assert checker.schema_problems(rows) == []
    assert set(checker.LABELS) == set(TRIAGE_LABELS) and set(checker.GROUNDS) == set(GROUNDS)


def test_schema_check_catches_bad_rows(rows, checker):
    good = dict(rows[0])
    bad = [dict(good, id="RP-99-001", label="disclose", _where="x:1"),
           dict(good, id="RP-99-002", grounds=["gossip"], _where="x:2"),
           dict(good, id="RP-99-003", group="hp7", _where="x:3")]
    assert [p.split(":")[1] for p in checker.schema_problems(bad)] == ["1", "2", "3"]


def test_every_label_is_covered_and_sets_are_groups(rows):
    labels = {row["label"] for row in rows}
    assert labels == set(TRIAGE_LABELS)
    groups = {row["group"] for row in rows}
    assert len(groups) >= 20  # grouped cross-validation has sets to hold out


def test_reply_code_records_train_no_grounds(rows):
    corpus = load_corpus(ROOT / "corpora")
    assert corpus.problems == []
    grounds_texts = set(corpus.request_grounds.texts)
    unlabelled = [row["text"] for row in rows if row["grounds"] is None]
    labelled = [row["text"] for row in rows if row["grounds"] is not None]
    assert unlabelled and labelled
    assert not any(t in grounds_texts for t in unlabelled[:200])
    assert all(t in grounds_texts for t in labelled[:200])


def test_probe_files_weigh_as_hand_written():
    assert is_authored_file("requests/probes_helpers.jsonl") and not is_authored_file("requests/seed.jsonl")


def test_near_duplicate_rate_is_low(rows, checker):
    texts = [row["text"] for row in rows]
    rows_i, cols_i, _ = near_duplicate_pairs(texts, 0.5, 5)
    involved = set(rows_i.tolist()) | set(cols_i.tolist())
    assert len(involved) / len(texts) <= checker.MAX_RATE


def test_datasheet_counts_match_the_file(rows, checker):
    datasheet = (ROOT / "corpora" / "DATASHEET-probes.md").read_text(encoding="utf-8")
    assert checker.counts_line(rows) in datasheet


@pytest.fixture(scope="module")
def passages(checker) -> list[dict]:
    loaded = checker.load(checker.PASSAGES)
    assert loaded, "no passages/probes_*.jsonl records"
    return loaded


def test_passage_schema_and_counts(passages, checker):
    assert checker.passage_problems(passages) == []
    bad = dict(passages[0], id="PP-99-001", labels=["gossip"], _where="x:1")
    assert checker.passage_problems([bad]) and checker.passage_problems([dict(passages[0], id="bad", _where="y:1")])
    datasheet = (ROOT / "corpora" / "DATASHEET-probes.md").read_text(encoding="utf-8")
    assert checker.passage_counts_line(passages) in datasheet
    assert {g for row in passages for g in row["labels"]} == set(GROUNDS)
    assert sum(1 for row in passages if not row["labels"]) >= 100  # clean look-alikes


def test_passage_probes_are_loaded_and_rarely_near_duplicates(passages, checker):
    corpus = load_corpus(ROOT / "corpora")
    assert "passages/probes_helpers.jsonl" in corpus.files
    texts = [row["text"] for row in passages]
    rows_i, cols_i, _ = near_duplicate_pairs(texts, 0.5, 5)
    assert len(set(rows_i.tolist()) | set(cols_i.tolist())) / len(texts) <= checker.MAX_RATE
