"""The request-grounds model: trained from requests' ``grounds``, saved in the bundle, used by ranking;
office decisions and finding verdicts as weighted training examples with a before/after evaluation."""

from __future__ import annotations

import pytest
from authored_corpus import PLACES, write_small_corpus  # noqa: E402

from reviewer.model.decisions import office_examples
from reviewer.model.persist import load_model_dir, model_file
from reviewer.model.training import GROUPS_NAME, REQUEST_GROUNDS_DATA, train_version


@pytest.fixture()
def corpus(tmp_path):
    return write_small_corpus(tmp_path / "corpus")


def test_train_saves_and_loads_the_request_grounds_model(tmp_path, corpus):
    from reviewer.decide.ranking import document_prior, request_grounds

    result = train_version(base_dir=tmp_path / "models", corpus_dir=corpus, folds=3)
    assert result.request_grounds is not None
    card = result.card
    assert model_file("request_grounds") in card["files"]
    assert REQUEST_GROUNDS_DATA in card["files"] and GROUPS_NAME in card["files"]
    assert card["request_grounds"]["n"] == 30 and card["request_grounds"]["trained"]
    grouped = card["metrics"]["triage"]["grouped_cv"]
    assert grouped["groups"] == 3 and grouped["baseline_majority"]["label"] == "ordinary"
    assert "grouped_cv" in card["metrics"]["request_grounds"]
    loaded = load_model_dir(result.model_dir)
    assert loaded.request_grounds is not None
    found = request_grounds("请公开北湖区王某某的征地补偿协议", None, loaded.request_grounds)
    assert found and found[0].ground == "privacy" and found[0].model_probability is not None
    assert found[0].evidence  # terms of the request text
    prior = document_prior(found)
    assert prior["withhold.third_party"] > document_prior([]).get("withhold.third_party", 0.0)


def test_evaluate_reports_grouped_cv_with_baselines(tmp_path, corpus):
    from reviewer.model.default import clear_loaded, get_models
    from reviewer.model.evaluate import evaluate_models, format_report

    result = train_version(base_dir=tmp_path / "models", corpus_dir=corpus, folds=3)
    clear_loaded()
    report = evaluate_models(get_models(result.model_dir), folds=3, recompute=True)
    assert report["triage"]["grouped_cv"]["groups"] == 3
    assert "request_grounds" in report
    text = format_report(report)
    assert "分组交叉验证" in text and "基线" in text


def test_office_rows_become_weighted_examples():
    rows = [
        {"kind": "decision", "text": "申请公开局长办公会议纪要", "code": "withhold.process_info", "group": "2026-0001"},
        {"kind": "decision", "text": "请你们查处小区违建", "code": "no_action.petition", "group": "2026-0002"},
        {"kind": "finding", "text": "为群众提供方便", "category": "privacy", "verdict": "reject", "group": "2026-0003"},
        {"kind": "finding", "text": "身份证号码", "category": "privacy", "verdict": "accept", "group": "2026-0003"},
        {"kind": "finding", "text": "", "category": "privacy", "verdict": "accept", "group": "x"},
    ]
    ex = office_examples(rows, 3.0)
    assert ex.requests.labels == ["ordinary", "no_action.petition"]
    assert ex.request_grounds.labels == [["process_info"]]
    assert ex.passages.labels == [[], ["privacy"]]
    assert set(ex.passages.weights) == {3.0}
    assert ex.passages.groups == ["office:2026-0003", "office:2026-0003"]
    assert ex.counts == {"decisions": 2, "findings_accepted": 1, "findings_rejected": 1, "skipped": 1}


def test_train_from_office_rows_reports_before_and_after(tmp_path, corpus):
    rows = [{"kind": "decision", "text": f"{p}区物业乱收费，你们管不管", "code": "no_action.petition", "group": f"r{i}"}
            for i, p in enumerate(PLACES)]
    rows += [{"kind": "finding", "text": f"{p}区为群众提供方便", "category": "privacy", "verdict": "reject",
              "group": f"f{i}"} for i, p in enumerate(PLACES)]
    result = train_version(base_dir=tmp_path / "models", corpus_dir=corpus, folds=3, office_rows=rows,
                           office_weight=3.0)
    card = result.card
    assert card["office"]["weight"] == 3.0
    assert card["training"]["triage"]["sources"]["office"] == 6
    office = card["metrics"]["office"]
    assert office["triage"]["office_examples"] == 6
    assert office["triage"]["before"]["top1"]["n"] == office["triage"]["after"]["top1"]["n"]
    assert office["triage"]["office_after"]["top1"]["n"] == 6
    assert "grounds" in office and office["grounds"]["office_examples"] == 6


def test_make_eval_parts_handle_authored_corpora(corpus):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    import eval_grouped_cv
    import eval_realism

    cv = eval_grouped_cv.run(folds=3, corpus_dir=corpus)
    assert cv["triage"]["groups"] == 3 and cv["grounds"]["groups"] == 3
    assert cv["request_grounds"]["n"] == 30 and "privacy" in cv["request_grounds"]["baseline_f2"]
    realism = eval_realism.run(corpus_dir=corpus)
    parts = {row["part"]: row for row in realism["parts"]}
    assert {"requests/authored_test.jsonl", "passages/authored_test.jsonl", "训练集（全部）"} <= set(parts)
    # the test texts differ only by a place name and a number: mostly near-duplicates
    assert parts["requests/authored_test.jsonl"]["near_duplicates"]["value"] > 0.5
    assert not parts["requests/authored_test.jsonl"]["near_duplicates_pass"]
