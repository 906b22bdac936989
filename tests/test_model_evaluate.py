"""Metrics, comparison and the aligned text tables."""

from __future__ import annotations

import numpy as np
import pytest

from reviewer.model.evaluate import (
    binary_metrics,
    compare_sections,
    display_width,
    grounds_report,
    table,
    triage_report,
)


def test_binary_metrics_by_hand():
    m = binary_metrics(tp=6, fp=2, fn=4, tn=88)
    assert m["precision"] == 0.75 and m["recall"] == 0.6
    assert m["f1"] == pytest.approx(2 * 0.75 * 0.6 / 1.35, abs=1e-4)
    assert m["f2"] == pytest.approx(5 * 0.75 * 0.6 / (4 * 0.75 + 0.6), abs=1e-4)
    assert m["balanced_accuracy"] == pytest.approx((0.6 + 88 / 90) / 2, abs=1e-4)
    assert (m["support"], m["predicted"]) == (10, 8)


def test_absent_class_is_undefined_not_zero():
    m = binary_metrics(tp=0, fp=0, fn=0, tn=10)
    assert m["recall"] is None and m["f1"] is None and m["precision"] is None
    assert binary_metrics(tp=0, fp=3, fn=0, tn=7)["precision"] == 0.0


def test_triage_report_confusion_and_macro():
    y_true = ["ordinary"] * 4 + ["no_action.petition"] * 2
    y_pred = ["ordinary", "ordinary", "ordinary", "no_action.petition", "no_action.petition", "ordinary"]
    r = triage_report(y_true, y_pred)
    assert r["confusion"]["labels"] == ["ordinary", "no_action.petition"]
    assert r["confusion"]["matrix"] == [[3, 1], [1, 1]]
    assert r["accuracy"] == pytest.approx(4 / 6, abs=1e-4)
    assert r["per_class"]["ordinary"]["recall"] == 0.75
    assert r["per_class"]["no_action.petition"]["precision"] == 0.5
    f1s = [r["per_class"][k]["f1"] for k in ("ordinary", "no_action.petition")]
    assert r["macro"]["f1"] == pytest.approx(np.mean(f1s), abs=1e-4)


def test_grounds_report_per_ground():
    Y_true = np.array([[1, 0, 0, 0, 0, 0, 0], [0, 0, 1, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0]])
    Y_pred = np.array([[1, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0], [0, 0, 1, 0, 0, 0, 0]])
    r = grounds_report(Y_true, Y_pred)
    assert r["per_class"]["state_secret"]["f1"] == 1.0
    assert r["per_class"]["privacy"]["recall"] == 0.0 and r["per_class"]["privacy"]["precision"] == 0.0
    assert r["per_class"]["trade_secret"]["f1"] is None
    assert r["exact_match"] == pytest.approx(1 / 3, abs=1e-4)
    assert r["macro"]["f1"] == pytest.approx(0.5, abs=1e-4)  # only grounds present in the gold labels


def test_compare_sections_verdicts():
    cur = {"per_class": {"a": {"f1": 0.9}, "b": {"f1": 0.5}, "c": {"f1": 0.7}, "new": {"f1": 0.4}},
           "macro": {"f1": 0.7}}
    prev = {"per_class": {"a": {"f1": 0.8}, "b": {"f1": 0.6}, "c": {"f1": 0.701}, "gone": {"f1": 0.3}},
            "macro": {"f1": 0.7}}
    comp = compare_sections(cur, prev)
    assert {k: v["verdict"] for k, v in comp.items()} == {
        "a": "better", "b": "worse", "c": "same", "new": "new", "gone": "dropped", "macro": "same"}
    assert comp["a"]["delta"] == pytest.approx(0.1)
    assert compare_sections(cur, None) == {}


def test_table_aligns_chinese_columns():
    text = table(["类别", "F1"], [["普通申请", "0.900"], ["咨询", "1.000"]])
    lines = text.splitlines()
    assert len({display_width(line) for line in lines}) == 1
    assert lines[2].endswith("0.900") and lines[3].endswith("1.000")
