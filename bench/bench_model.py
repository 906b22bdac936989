"""Benchmark of the classifiers on one core.

    python bench/bench_model.py [--decisions 10000] [--passages 2000]

1. Training on N generated decisions: rows made by recombining sentences of the seed corpus
   (``tests/synthetic_data.recombine_decisions``, seeded), written as a GBK CSV ledger, then read,
   mapped, merged with the seed corpus and both models fitted — the work of ``reviewer train`` without
   cross-validation.  Reports seconds per stage.
2. Prediction throughput: passages/s of the grounds model and requests/s of the triage model on texts
   not seen before (segmentation included), plus the cost of one ``explain``.

Targets (issue 4): training on 10,000 decisions ≤ 60 s; prediction ≥ 500 passages/s per core.
Numbers only, no assertions.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import csv  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))  # synthetic_data: seeded test data, not part of the package


def pin_one_core() -> str:
    try:
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"已绑定到 CPU {cpu}"
    except (AttributeError, OSError):
        return "未能绑定 CPU（平台不支持），按单线程运行"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="分类器基准测试（单核）")
    parser.add_argument("--decisions", type=int, default=10000)
    parser.add_argument("--passages", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    note = pin_one_core()

    t0 = time.perf_counter()
    from synthetic_data import recombine_decisions, template_passages, template_requests

    from reviewer.model.corpus import Dataset, load_corpus
    from reviewer.model.decisions import import_decisions
    from reviewer.model.features import TokenCache
    from reviewer.model.training import drop_rare_classes, fit_models
    from reviewer.paths import CORPORA_DIR
    from reviewer.text.segment import tokenize

    tokenize("预热分词器")
    t_import = time.perf_counter() - t0

    corpus = load_corpus(CORPORA_DIR)
    requests, passages = corpus.requests, corpus.passages
    source = f"种子语料 {CORPORA_DIR}"
    if len(requests) == 0 or len(passages) == 0:
        requests, passages = template_requests(40), template_passages(40, 200)
        source = "模板语料（corpora/ 为空）"
    print(f"分类器基准（{note}；{source}：申请 {len(requests)} 条，段落 {len(passages)} 条）")
    print(f"导入库并加载分词词典：{t_import:.1f} 秒")

    rows = recombine_decisions(requests, passages, args.decisions, seed=args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Path(tmp) / "decisions.csv"
        columns = ["申请内容", "文件内容", "处理结果", "日期", "申请人"]
        with ledger.open("w", encoding="gb18030", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(columns)
            for row in rows:
                writer.writerow([row[c] for c in columns])

        t = time.perf_counter()
        imported = import_decisions([ledger], weight=2.0)
        t_read = time.perf_counter() - t

    triage_data, grounds_data = Dataset("triage"), Dataset("grounds")
    for target, part in ((triage_data, requests), (triage_data, imported.requests),
                         (grounds_data, passages), (grounds_data, imported.passages)):
        target.extend(part)
    drop_rare_classes(triage_data)

    cpu0 = time.process_time()
    t = time.perf_counter()
    cache = TokenCache()
    cache.warm(triage_data.texts + grounds_data.texts)
    t_tok = time.perf_counter() - t
    t = time.perf_counter()
    triage, grounds = fit_models(triage_data, grounds_data, cache=cache)
    t_fit = time.perf_counter() - t
    total = t_read + t_tok + t_fit
    cpu = time.process_time() - cpu0 + t_read
    print(f"\n1. 训练：{args.decisions} 条生成的历史决定（无法使用 {len(imported.unusable)} 行）+ 种子语料")
    print(f"   申请样本 {len(triage_data)} 条，段落样本 {len(grounds_data)} 条（不同文本 {len(cache)} 条）")
    print(f"   读取并映射 CSV：{t_read:6.2f} 秒")
    print(f"   分词：        {t_tok:6.2f} 秒")
    print(f"   拟合两个模型：{t_fit:6.2f} 秒")
    print(f"   合计：        {total:6.2f} 秒（CPU 时间约 {cpu:.2f} 秒；目标 ≤ 60 秒）")

    # Prediction on unseen texts: recombined passages, so segmentation is not cached anywhere.
    pool = recombine_decisions(requests, passages, args.passages * 3, seed=args.seed + 1, passage_rate=1.0)
    texts = [r["文件内容"] for r in pool if r["文件内容"]][: args.passages]
    reqs = [r["申请内容"] for r in pool][: args.passages]
    # What screening and review use: the NumPy-only predictor built from the saved arrays.
    from reviewer.model.linear import LinearTextModel

    grounds_sk, grounds = grounds, LinearTextModel(*grounds.to_arrays())
    triage = LinearTextModel(*triage.to_arrays())
    t, c = time.perf_counter(), time.process_time()
    grounds.predict_proba(texts)
    t_pass, c_pass = time.perf_counter() - t, time.process_time() - c
    t = time.perf_counter()
    grounds_sk.predict_proba(texts)
    t_sk = time.perf_counter() - t
    t = time.perf_counter()
    triage.predict_proba(reqs)
    t_req = time.perf_counter() - t
    t = time.perf_counter()
    for text in texts[:200]:
        grounds.explain(text, "privacy", k=8)
    t_exp = (time.perf_counter() - t) / min(200, len(texts))
    avg = sum(map(len, texts)) / max(1, len(texts))
    print(f"\n2. 预测（单核，含分词；段落平均 {avg:.0f} 字）")
    print(f"   不公开依据模型：{len(texts) / t_pass:8.0f} 段/秒（{len(texts)} 段用时 {t_pass:.2f} 秒，"
          f"按 CPU 时间 {len(texts) / max(c_pass, 1e-9):.0f} 段/秒；目标 ≥ 500）")
    print(f"   （训练时的 scikit-learn 模型：{len(texts) / t_sk:8.0f} 段/秒）")
    print(f"   申请分类模型：  {len(reqs) / t_req:8.0f} 条/秒（{len(reqs)} 条用时 {t_req:.2f} 秒）")
    print(f"   explain 单条：  {t_exp * 1000:8.1f} 毫秒")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
