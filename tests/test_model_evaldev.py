"""bench/eval_dev.py: skips cleanly without the dev folder; maps reply types and scores (generated cases)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from synthetic_data import template_passages, template_requests

from reviewer.model.classifiers import GroundsModel, TriageModel

SCRIPT = Path(__file__).resolve().parent.parent / "bench" / "eval_dev.py"


@pytest.fixture(scope="module")
def eval_dev():
    spec = importlib.util.spec_from_file_location("eval_dev", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_skips_without_dev_folder(eval_dev, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("REVIEWER_DEV_DIR", str(tmp_path / "absent"))
    assert eval_dev.main([]) == 0
    assert "跳过" in capsys.readouterr().out


def test_triage_mapping_and_accuracy(eval_dev):
    data = template_requests(per_class=6, seed=61)
    model = TriageModel().fit(data.texts, data.labels)
    cases = [  # generated, in the layout of replies.jsonl
        {"id": "G1", "request": "我要投诉东湖街道工作人员不作为，请严肃处理。", "reply_type": "no_action.petition"},
        {"id": "G2", "request": "申请公开2020年幸福村征地补偿安置方案。", "reply_type": "unavailable.not_held",
         "alt_reply_types": ["withhold.process_info"]},
        {"id": "G3", "request": "请问补偿标准是怎么计算的？", "reply_type": "other.other"},
        {"id": "G4", "request": "", "reply_type": "disclose"},
        {"id": "G5", "request": "请对我已取得的批复文件的真实性进行核实确认。",
         "reply_type": "other.correction_lapsed"},
    ]
    result = eval_dev.evaluate_triage(model, cases, lambda t: t)
    gold = {c["id"]: c["gold"] for c in result["cases"]}
    assert gold == {"G1": "no_action.petition", "G2": "ordinary", "G5": "other.correction"}
    assert result["n"] == 3 and result["n_determinable"] == 2
    assert result["skipped"] == {"no_request": 1, "unmapped": ["G3:other.other"]}
    correct = sum(c["gold"] == c["pred"] for c in result["cases"])
    assert result["accuracy_all"] == round(correct / 3, 4)


def test_grounds_scoring(eval_dev):
    data = template_passages(per_ground=6, clean=12, seed=62)
    model = GroundsModel().fit(data.texts, data.labels)
    docs = [{"text": data.texts[i], "labels": data.labels[i] or ["clean"]} for i in range(0, len(data), 5)]
    report = eval_dev.evaluate_grounds(model, docs, lambda t: t)
    assert report["n"] == len(docs)
    assert report["label_counts"]["clean"] == sum(1 for d in docs if d["labels"] == ["clean"])
    assert set(report["per_class"]) == set(model.classes_)
