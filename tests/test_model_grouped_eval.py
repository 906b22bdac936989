"""Grouped cross-validation, baselines, Wilson intervals and calibration error (reviewer.model.evaluate)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from reviewer.model.corpus import Dataset, load_corpus, record_group
from reviewer.model.evaluate import (
    beats,
    best_constant_top_k,
    constant_f2_baseline,
    expected_calibration_error,
    grouped_cv_grounds,
    grouped_cv_triage,
    grouped_splits,
    majority_baseline,
    proportion,
    wilson,
)


def test_wilson_interval_matches_the_textbook_values():
    lo, hi = wilson(8, 34)
    assert lo == pytest.approx(0.1244, abs=1e-3) and hi == pytest.approx(0.4000, abs=1e-3)
    assert wilson(0, 10)[0] == 0.0 and wilson(10, 10)[1] == 1.0
    assert wilson(0, 0) is None


def test_majority_and_best_constant_top_three():
    labels = ["a"] * 5 + ["b"] * 3 + ["c"] * 2 + ["d"]
    base = majority_baseline(labels)
    assert base["label"] == "a" and base["k"] == 5 and base["n"] == 11
    top = best_constant_top_k([{y} for y in labels], 3)
    assert top["labels"] == ["a", "b", "c"] and top["k"] == 10
    # an accepted alternative counts: case 2 is covered by "a" too
    top2 = best_constant_top_k([{"a"}, {"b", "a"}, {"c"}], 1)
    assert top2["labels"] == ["a"] and top2["value"] == pytest.approx(2 / 3, abs=1e-4)


def test_beats_is_strict():
    assert not beats(proportion(5, 10), proportion(5, 10))
    assert beats(proportion(6, 10), proportion(5, 10))


def test_expected_calibration_error():
    assert expected_calibration_error([1.0, 1.0, 0.0], [True, True, False])["ece"] == 0.0
    # always 0.9 confident, right half the time: ECE 0.4
    assert expected_calibration_error([0.9] * 10, [True, False] * 5)["ece"] == pytest.approx(0.4)


def test_calibration_reports_direction_and_interval():
    over = expected_calibration_error([0.9] * 10, [True, False] * 5)
    assert over["gap"] == pytest.approx(0.4) and over["n"] == 10
    under = expected_calibration_error([0.3] * 20, [True] * 18 + [False] * 2)
    assert under["gap"] == pytest.approx(-0.6)
    # a small sample gets a wide interval that contains the point estimate; a large one a narrow one
    rng = np.random.default_rng(1)
    conf = rng.uniform(0.5, 1.0, 30)
    hits = rng.uniform(0, 1, 30) < conf
    small = expected_calibration_error(conf, hits)
    assert small["low"] <= small["ece"] <= small["high"]
    conf_big = np.tile(conf, 40)
    big = expected_calibration_error(conf_big, rng.uniform(0, 1, conf_big.size) < conf_big)
    assert big["high"] - big["low"] < small["high"] - small["low"]
    assert expected_calibration_error([], [])["low"] is None


def test_constant_f2_baseline_is_flag_everything():
    Y = np.zeros((10, 7), dtype=int)
    Y[:2, 0] = 1
    base = constant_f2_baseline(Y)
    assert base["state_secret"] == pytest.approx(5 * 0.2 / (0.8 + 1), abs=1e-4)
    assert base["privacy"] is None


def test_grouped_splits_never_share_a_group():
    groups = [f"g{i % 7}" for i in range(70)]
    strata = [str(i % 3) for i in range(70)]
    splits = grouped_splits(groups, 5, strata=strata)
    assert len(splits) == 5
    for train, test in splits:
        assert not {groups[i] for i in train} & {groups[i] for i in test}


def test_record_group_prefers_the_authored_batch():
    assert record_group({"group": "b07", "doc_type": "纪要"}, "authored_x") == "authored_x:b07"
    assert record_group({"doc_type": "纪要"}, "part_b") == "part_b:纪要"
    assert record_group({"register": "letter"}, "seed") == "seed:letter"


def _write(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_authored_records_load_with_groups_and_request_grounds(tmp_path):
    (tmp_path / "requests").mkdir()
    (tmp_path / "passages").mkdir()
    _write(tmp_path / "requests" / "authored_t.jsonl", [
        {"id": "A1", "text": "请公开张某的征地补偿协议", "label": "ordinary", "grounds": ["privacy"],
         "register": "colloquial", "group": "b1", "field": "自然资源"},
        {"id": "A2", "text": "哪位领导批的？", "label": "other.consultation", "grounds": [],
         "register": "angry", "group": "b2", "field": "综合"},
        {"id": "A3", "text": "x", "label": "ordinary", "grounds": ["nonsense"], "group": "b2"},
    ])
    _write(tmp_path / "passages" / "authored_p.jsonl", [
        {"id": "P1", "text": "询问笔录 问：你叫什么名字", "labels": ["enforcement_file"], "doc_type": "询问笔录",
         "group": "p1", "hard_negative": False, "field": "市场监管"},
    ])
    corpus = load_corpus(tmp_path)
    # A row with an unknown ground keeps its (valid) triage label; only its grounds are left out.
    assert corpus.requests.groups == ["authored_t:b1", "authored_t:b2", "authored_t:b2"]
    assert corpus.request_grounds.labels == [["privacy"], []]
    assert corpus.passages.groups == ["authored_p:p1"]
    assert corpus.request_files == ["requests/authored_t.jsonl"] * 3
    assert any("nonsense" in p for p in corpus.problems)


def _toy(task: str) -> Dataset:
    rng = np.random.default_rng(0)
    data = Dataset(task)
    vocab = {"a": "会议纪要请示批复", "b": "身份证号码住址电话", "c": "投标报价成本利润"}
    for g in range(12):
        lab = "abc"[g % 3]
        for k in range(6):
            words = "".join(rng.choice(list(vocab[lab]), 6))
            text = f"关于第{g}组第{k}件{words}的材料"
            if task == "triage":
                data.add(text, {"a": "ordinary", "b": "no_action.petition", "c": "other.consultation"}[lab],
                         group=f"g{g}")
            else:
                data.add(text, {"a": ["process_info"], "b": ["privacy"], "c": []}[lab], group=f"g{g}")
    return data


def test_grouped_cv_triage_reports_baselines_and_calibration():
    report = grouped_cv_triage(_toy("triage"), folds=3)
    assert report["kind"] == "grouped_cv" and report["groups"] == 12 and report["folds"] == 3
    assert report["top1"]["n"] == 72 and report["top3"]["k"] >= report["top1"]["k"]
    assert report["baseline_majority"]["value"] == pytest.approx(1 / 3, abs=1e-3)
    assert report["top1"]["value"] > report["baseline_majority"]["value"]
    assert 0.0 <= report["calibration"]["ece"] <= 1.0


def test_grouped_cv_grounds_reports_constant_f2_and_clean_flagged():
    report = grouped_cv_grounds(_toy("grounds"), folds=3)
    assert report["baseline_f2"]["privacy"] == pytest.approx(5 / 3 / (4 / 3 + 1), abs=1e-3)
    assert report["clean_flagged"]["n"] == 24
    assert report["per_class"]["privacy"]["f2"] > report["baseline_f2"]["privacy"]
