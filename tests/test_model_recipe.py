"""The training recipe's corpus part (issue #11): template weights, new authored files, near-duplicates,
normalised training text, and the held-out-authored recipe comparison of bench/eval_grouped_cv.py."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from reviewer.model.corpus import (
    TEMPLATE_WEIGHTS,
    Dataset,
    is_authored_file,
    load_corpus,
    near_duplicate_keep,
    near_duplicate_pairs,
    training_datasets,
)
from reviewer.model.evaluate import grouped_cv_triage

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _write(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_authored_files_are_recognised_by_name():
    assert is_authored_file("requests/authored_court.jsonl") and is_authored_file("authored_new.jsonl")
    assert not is_authored_file("requests/seed.jsonl") and not is_authored_file("passages/part_a.jsonl")


def test_a_new_authored_file_is_loaded_at_full_weight_and_templates_at_the_recipe_weight(tmp_path):
    _write(tmp_path / "requests" / "seed.jsonl", [{"text": "申请公开本区2023年道路维修合同", "label": "ordinary"}])
    _write(tmp_path / "requests" / "authored_brand_new.jsonl",
           [{"text": "我想要我们村征地的补偿协议，谁签的", "label": "ordinary", "grounds": ["privacy"], "group": "x-A"}])
    _write(tmp_path / "passages" / "part_a.jsonl", [{"text": "投标报价明细：综合单价 4603 元/吨。", "labels": ["trade_secret"]}])
    _write(tmp_path / "passages" / "authored_brand_new.jsonl", [{"text": "会议纪要：原则同意该方案。", "labels": []}])
    corpus = load_corpus(tmp_path)
    assert "requests/authored_brand_new.jsonl" in corpus.files and "passages/authored_brand_new.jsonl" in corpus.files
    weights = dict(zip(corpus.request_files, corpus.requests.weights, strict=True))
    assert weights["requests/authored_brand_new.jsonl"] == 1.0
    assert weights["requests/seed.jsonl"] == TEMPLATE_WEIGHTS["requests"]
    pweights = dict(zip(corpus.passage_files, corpus.passages.weights, strict=True))
    assert pweights["passages/authored_brand_new.jsonl"] == 1.0
    assert pweights["passages/part_a.jsonl"] == TEMPLATE_WEIGHTS["passages"]
    assert corpus.request_grounds.weights == [1.0]
    # an explicit template weight (the recipe comparison loads everything at 1) and the overall weight multiply
    scaled = load_corpus(tmp_path, weight=2.0, template_weight=0.5)
    assert sorted(scaled.requests.weights) == [1.0, 2.0]


def test_near_duplicates_are_found_and_the_first_of_a_cluster_is_kept():
    base = "关于二〇二三年度城区道路维修工程的验收报告，经现场核查工程质量合格，同意通过验收。"
    texts = [base, base.replace("合格", "良好"), "完全不同的一段关于河道治理和水质监测的文字。", base + "特此报告。"]
    rows, cols, jac = near_duplicate_pairs(texts)
    assert {(int(r), int(c)) for r, c in zip(rows, cols, strict=True)} == {(0, 1), (0, 3), (1, 3)}
    assert (jac >= 0.5).all()
    assert near_duplicate_keep(texts) == [0, 2]
    assert near_duplicate_keep(texts[1:]) == [0, 1]
    assert near_duplicate_keep([]) == []


def test_committed_template_corpora_have_no_near_duplicates():
    root = Path(__file__).resolve().parent.parent / "corpora"
    for rel in ("requests/seed.jsonl", "passages/part_a.jsonl", "passages/part_b.jsonl"):
        texts = [json.loads(line)["text"] for line in (root / rel).read_text(encoding="utf-8").splitlines() if line]
        assert near_duplicate_keep(texts) == list(range(len(texts))), rel


def test_training_text_is_normalised_as_prediction_sees_it(tmp_path):
    _write(tmp_path / "requests" / "authored_ocr.jsonl",
           [{"text": "申請公開　本區２０２３年道路維修合同", "label": "ordinary", "grounds": []}])
    _write(tmp_path / "passages" / "authored_x.jsonl", [{"text": "會議紀要：原則同意。", "labels": []}])
    corpus = load_corpus(tmp_path)
    assert corpus.requests.texts == ["申請公開　本區２０２３年道路維修合同"]  # the loader keeps the file's text
    training_datasets(corpus)
    assert corpus.requests.texts == ["申请公开 本区2023年道路维修合同"]
    assert corpus.request_grounds.texts == corpus.requests.texts
    assert corpus.passages.texts == ["会议纪要：原则同意。"]


def test_explicit_splits_train_and_score_only_where_told():
    texts, labels = [], []
    for i in range(12):
        texts.append(f"请问第{i}号文件的法律依据是什么，怎么理解")
        labels.append("other.consultation")
        texts.append(f"申请公开第{i}号项目的批复文件和合同")
        labels.append("ordinary")
    data = Dataset("triage")
    for t, lab in zip(texts, labels, strict=True):
        data.add(t, lab, group="g")
    index = np.arange(len(texts))
    splits = [(index[:16], index[16:20]), (index[4:], index[:4])]
    score = np.zeros(len(texts), dtype=bool)
    score[:4] = score[16:20] = True
    report = grouped_cv_triage(data, 2, splits=splits, score_mask=score)
    assert report["folds"] == 2 and report["subset"]["n"] == 8
    assert report["subset"]["top1"]["k"] == 8  # the two styles are trivially separable


@pytest.fixture(scope="module")
def grouped_cv():
    sys.path.insert(0, str(BENCH))
    import eval_grouped_cv

    return eval_grouped_cv


def test_recipe_comparison_tests_only_held_out_authored_files(tmp_path, grouped_cv):
    consult = ["请问这个规定到底是什么意思", "我想问一下为什么不给我办", "这个文件怎么理解，能不能解释一下",
               "请解释一下法律依据是什么", "请说明一下收费的理由"]
    ordinary = ["申请公开道路维修合同", "请提供征地补偿协议复印件", "申请公开会议纪要全文",
                "申请获取项目批复文件", "申请公开验收报告"]
    for reg in ("a", "b", "c"):
        _write(tmp_path / "requests" / f"authored_{reg}.jsonl",
               [{"text": f"{t}（{reg}{i}）", "label": "other.consultation", "grounds": [], "group": reg}
                for i, t in enumerate(consult)]
               + [{"text": f"{t}（{reg}{i}）", "label": "ordinary", "grounds": [], "group": reg}
                  for i, t in enumerate(ordinary)])
    _write(tmp_path / "requests" / "seed.jsonl",
           [{"text": f"模板申请：请问第{i}号规定的含义", "label": "other.consultation"} for i in range(6)]
           + [{"text": f"模板申请：申请公开第{i}号合同", "label": "ordinary"} for i in range(6)])
    for kind in ("x", "y"):
        _write(tmp_path / "passages" / f"authored_{kind}.jsonl",
               [{"text": f"{kind}投标报价明细第{i}项：综合单价{100 + i}元。", "labels": ["trade_secret"]} for i in range(4)]
               + [{"text": f"{kind}关于表彰第{i}批先进集体的决定，现予公布。", "labels": []} for i in range(4)])
    _write(tmp_path / "passages" / "part_a.jsonl",
           [{"text": f"模板段落：报价明细{i}，单价{i}元。", "labels": ["trade_secret"]} for i in range(4)]
           + [{"text": f"模板段落：第{i}期工作动态。", "labels": []} for i in range(4)])
    result = grouped_cv.recipes(tmp_path)
    t, g = result["triage"], result["grounds"]
    assert t["held_out_files"] == [f"requests/authored_{r}.jsonl" for r in "abc"]
    assert t["n_authored"] == 30 and t["n_templates"] == 12 and g["n_authored"] == 16
    for key, _name, sel, _w, _norm in grouped_cv.RECIPE_VARIANTS:
        assert t["results"][key]["n"] == 30  # only the held-out authored records are scored
        assert g["results"][key]["n"] == 16
        assert t["results"][key]["n_train_templates"] == (0 if sel is None else 12)
    assert t["best"] in t["results"] and g["best"] in g["results"]
    assert result["generators_unavailable"] == [] or all(isinstance(x, str) for x in result["generators_unavailable"])
