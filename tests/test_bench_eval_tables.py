"""bench/readme_tables.py and bench/eval_realism.py: generated README tables and realism figures."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import eval_realism  # noqa: E402
import readme_tables  # noqa: E402

from reviewer.model.evaluate import best_constant_top_k, proportion  # noqa: E402


def _dev_result(top1_k: int) -> dict:
    accepted = [{"unavailable.not_held"}] * 8 + [{"disclose"}] * 4 + [{"no_action.petition"}] * 2
    base1, base3 = best_constant_top_k(accepted, 1), best_constant_top_k(accepted, 3)
    s = {"top1": proportion(top1_k, 14), "top3": proportion(12, 14), "baseline_top1": base1, "baseline_top3": base3,
         "beats_baseline": {"top1": top1_k > base1["k"], "top3": 12 > base3["k"]}}
    return {"n_cases": 14,
            "triage": {"accuracy": proportion(10, 14), "baseline_majority": {"label": "ordinary", **proportion(12, 14)},
                       "beats_baseline": False, "calibration": {"ece": 0.2, "n": 14, "bins": 10}},
            "reply_review": {"all": s}}


def test_a_model_below_its_baseline_is_printed_as_such():
    text = readme_tables.dev_tables(_dev_result(top1_k=5))
    assert text.count(readme_tables.NOT_ABOVE) == 3  # triage, top-1, top-3 (12 < 14)
    assert "0.357（5/14，" in text and "0.571（8/14，" in text
    better = readme_tables.dev_tables(_dev_result(top1_k=9))
    assert better.count(readme_tables.NOT_ABOVE) == 2


def test_readme_section_is_replaced_between_the_markers(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"# t\n\n{readme_tables.BEGIN}\nold\n{readme_tables.END}\n\nrest\n", encoding="utf-8")
    result = {"generated": "2026-12-04T00:00:00+00:00", "dev": _dev_result(5), "realism": None}
    data = tmp_path / "eval.json"
    data.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    assert readme_tables.main(["--eval", str(data), "--readme", str(readme), "--check"]) == 1
    assert readme_tables.main(["--eval", str(data), "--readme", str(readme)]) == 0
    text = readme.read_text(encoding="utf-8")
    assert "old" not in text and text.endswith("rest\n") and "申请分流准确率" in text
    assert readme_tables.main(["--eval", str(data), "--readme", str(readme), "--check"]) == 0


def test_near_duplicate_rate_counts_records_with_a_close_neighbour():
    base = "申请公开二〇二四年度老旧小区改造项目的资金使用明细和验收报告"
    texts = [base, base + "。", "请提供本市各街道办事处的办公电话和地址清单", "完全不同的一段关于河道治理的文字内容说明"]
    dup = eval_realism.near_duplicate_rate(texts)
    assert dup["k"] == 2 and dup["n"] == 4
    assert eval_realism.near_duplicate_rate(texts[2:])["k"] == 0


def test_domain_auc_separates_two_obvious_styles():
    corpus = [f"关于第{i}号事项的请示报告内容如下所述" for i in range(30)]
    real = [f"hello world sample number {i} in english text" for i in range(10)]
    auc = eval_realism.domain_auc(corpus, [f"g{i % 6}" for i in range(30)], real)
    assert auc["auc"] == pytest.approx(1.0)


def test_committed_readme_section_is_generated_from_the_committed_eval_json():
    root = BENCH.parent
    data, readme = BENCH / "results" / "eval.json", root / "README.md"
    if not data.is_file() or readme_tables.BEGIN not in readme.read_text(encoding="utf-8"):
        pytest.skip("no eval.json or no generated section")
    assert readme_tables.main(["--eval", str(data), "--readme", str(readme), "--check"]) == 0


def test_normalised_auc_ignores_what_the_normaliser_removes():
    # the two sides differ only in full-width vs half-width digits/letters and traditional characters
    base = ["申请公开第{n}号批复文件", "请提供{n}年道路维修合同", "申请公开{n}号会议纪要", "请问{n}号规定是什么意思",
            "申请获取{n}年度预算说明", "申请公开{n}号征收决定"]
    real = [b.format(n=f"20{i:02d}") for i, b in enumerate(base * 3)]
    wide = str.maketrans("0123456789", "０１２３４５６７８９")
    corpus = [b.format(n=f"20{i + 40:02d}").translate(wide).replace("请", "請") for i, b in enumerate(base * 5)]
    groups = [f"g{i % 6}" for i in range(len(corpus))]
    raw = eval_realism.domain_auc(corpus, groups, real)["auc"]
    norm = eval_realism.domain_auc(eval_realism.normalised(corpus), groups, eval_realism.normalised(real))["auc"]
    assert raw > 0.95 and norm < 0.75


def test_top_features_are_short_aggregate_ngrams_on_both_sides():
    corpus = [f"关于第{i}号事项的请示，报告如下：" for i in range(30)]
    real = [f"原告诉称, 被告于20{i:02d}年作出决定 (见附件)" for i in range(12)]
    tf = eval_realism.top_features(corpus, real, k=5)
    assert tf["n_corpus"] == 30 and tf["n_real"] == 12
    assert 0 < len(tf["corpus"]) <= 5 and 0 < len(tf["real"]) <= 5
    for e in tf["corpus"] + tf["real"]:
        assert 1 <= len(e["ngram"]) <= 3
    assert all(e["weight"] > 0 for e in tf["corpus"]) and all(e["weight"] < 0 for e in tf["real"])
    assert all(e["real_share"] * 12 >= eval_realism.MIN_DF_SHOWN for e in tf["real"])
    assert all(e["real_share"] == 0 for e in tf["corpus"])  # every corpus-side n-gram is absent from real text
    assert eval_realism.shown("a\n b") == "a↵␣b"


def _realism_result() -> dict:
    dup = {**proportion(1, 40), "threshold": 0.5}
    row = {"part": "requests/authored_x.jsonl", "kind": "requests", "n": 40, "near_duplicates": dup,
           "near_duplicates_pass": True,
           "domain_auc": {"auc": 0.93, "n_corpus": 40, "n_real": 20}, "domain_auc_pass": False,
           "domain_auc_normalised": {"auc": 0.71, "n_corpus": 40, "n_real": 20}, "domain_auc_normalised_pass": True,
           "domain_auc_punctuation_folded": {"auc": 0.66, "n_corpus": 40, "n_real": 20},
           "top_features": {"normalised": {"corpus": [{"ngram": "，", "weight": 2.0, "corpus_share": 0.9,
                                                       "real_share": 0.0}],
                                           "real": [{"ngram": ",", "weight": -2.0, "corpus_share": 0.0,
                                                     "real_share": 0.5}], "n_corpus": 40, "n_real": 20}}}
    total = {**row, "part": "requests（全部）", "aggregate": True}
    return {"thresholds": {"domain_auc_max": 0.75, "near_duplicates_max": 0.05, "jaccard": 0.5, "shingle": 5},
            "dev_available": True, "parts": [row, total]}


def test_realism_table_shows_raw_and_normalised_auc_and_the_telling_ngrams():
    text = readme_tables.realism_table(_realism_result())
    assert "区分 AUC（原文）" in text and "区分 AUC（归一化后）" in text
    line = next(ln for ln in text.splitlines() if ln.startswith("| requests/authored_x.jsonl"))
    assert "| 0.930 | 未达标 | 0.710 | 达标 | 0.660 | 2.5%（1/40） | 达标 |" in line
    assert "- requests（全部） — 像语料：`，`（90%/0%）；像真实文本：`,`（0%/50%）" in text
    assert text.count("像语料") == 1  # a single file's n-grams stay in the JSON


def _recipe_report(top1: int, f2: float) -> tuple[dict, dict]:
    t = {"top1": proportion(top1, 50), "top3": proportion(48, 50),
         "baseline_majority": {"label": "ordinary", **proportion(20, 50)}, "baseline_top3": proportion(40, 50)}
    g = {"macro": {"f2": f2}, "clean_flagged": proportion(3, 20),
         "per_class": {"privacy": {"support": 10}, "trade_secret": {"support": 5}, "state_secret": {"support": 0}},
         "baseline_f2": {"privacy": 0.6, "trade_secret": 0.4, "state_secret": None}}
    return t, g


def test_recipes_table_lists_every_variant_beside_its_baseline():
    variants = [("authored", "仅手写语料", 30, 0.5), ("templates_dedup", "手写 + 去近重复的模板记录", 45, 0.8)]
    triage = {"held_out_files": ["a", "b"], "n_authored": 50, "n_templates": 70, "n_templates_dedup": 60,
              "results": {}, "best": "templates_dedup"}
    grounds = {"held_out_files": ["x"], "n_authored": 20, "n_templates": 90, "n_templates_dedup": 80,
               "results": {}, "best": "authored"}
    for key, _name, k, f2 in variants:
        triage["results"][key], grounds["results"][key] = _recipe_report(k, f2)
    recipes = {"variants": [{"key": k, "name": n, "weight": 0.0 if k == "authored" else 1.0}
                            for k, n, _k, _f in variants], "triage": triage,
               "grounds": grounds, "current_template_weights": {"requests": 0.25, "passages": 1.0},
               "request_grounds": {"note": "只用手写语料"}}
    text = readme_tables.recipes_table(recipes)
    assert "| 仅手写语料（段落最佳） | 0.600（30/50，" in text
    assert "| 手写 + 去近重复的模板记录（申请最佳） | 0.900（45/50，" in text and "| 0.800 |" in text
    baseline = next(ln for ln in text.splitlines() if ln.startswith("| 基线"))
    assert "0.400（20/50，" in baseline and "| 0.500 |" in baseline  # macro of 0.6 and 0.4 (ground with support)
    assert "模板申请权重 0.25" in text
    # shipped weights (requests 0.25, passages 1.0) differ from both best variants (1.0 and authored only)
    assert "注意：现行模板申请权重 0.25" in text and "注意：现行模板段落权重 1.0" in text
    recipes["current_template_weights"] = {"requests": 1.0, "passages": 0.0}
    assert "注意" not in readme_tables.recipes_table(recipes)
