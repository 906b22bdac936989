"""bench/eval_grouped_cv.py's 补不补 check: the description is missing by the generic-word check alone, or by the
triage gate with each request's held-out probabilities; counted on 补正-labelled requests and on all others."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

from eval_grouped_cv import correction_gate  # noqa: E402
from readme_tables import corpus_tables  # noqa: E402


class _Data:
    texts = ["申请公开相关文件。", "申请公开与我家拆迁有关的所有文件。", "申请公开2019年道路维修工程的招标文件。",
             "申请公开本村土地的有关情况。"]
    labels = ["other.correction", "other.correction", "ordinary", "ordinary"]


def test_the_gate_counts_what_each_check_reports_missing():
    labels = ["ordinary", "other.correction"]
    # held-out probability of 补正: high for all but the last request
    proba = np.array([[0.1, 0.9], [0.2, 0.8], [0.1, 0.9], [0.7, 0.3]])
    gate = correction_gate(_Data(), {"labels": labels, "proba": proba})
    assert gate["n_correction"] == 2 and gate["n_other"] == 2
    assert gate["found_before"]["k"] == 1  # only "相关文件" is empty once generic words go
    assert gate["found_after"]["k"] == 2  # "与我家拆迁有关的所有文件": unclear and nothing to search for
    assert gate["false_before"]["k"] == 0
    assert gate["false_after"]["k"] == 0  # 招标文件 is a kind; the vague 有关情况 has a low 补正 probability
    table = corpus_tables({"folds": 5, "correction_gate": gate})
    assert "加分流门槛" in table and "（2 件）" in table
