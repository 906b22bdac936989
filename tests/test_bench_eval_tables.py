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
