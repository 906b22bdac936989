"""Screen every real development snippet (``shared/dev/documents.jsonl``) and score it against the labels.

    python bench/eval_screen_dev.py [--verbose] [--no-model] [--threshold 0.5] [--dev DIR]

A category is predicted when its ``CategoryScore.score`` ≥ threshold; ``clean`` is predicted when no
category is.  Prints per-category precision / recall / F1 with support, a sensitive-vs-clean line, and
the ids of misses and false alarms — rules only, then rules + classifier when the grounds model loads.
Never prints snippet text (``--verbose`` adds one text-free line per snippet).  No assertions: the
honest numbers are the point; do not tune rules or corpora to these cases.
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from devcases import DOC_CATEGORIES, PRF, describe_error, dev_dir, fmt_ratio, load_documents


@dataclass
class Row:
    id: str
    gold: set[str]
    pred: set[str]
    verdict: str = "error"
    scores: dict[str, float] = field(default_factory=dict)
    rules: list[str] = field(default_factory=list)
    error: str | None = None


def gold_labels(case: dict) -> set[str]:
    labels = {label for label in case.get("labels") or [] if label != "clean"}
    return labels or {"clean"}


def predicted(result, threshold: float) -> set[str]:
    cats = {name for name, cat in result.categories.items() if cat.score >= threshold}
    return cats or {"clean"}


def screen_all(screener, docs: list[dict], threshold: float) -> list[Row]:
    rows = []
    for case in docs:
        row = Row(case["id"], gold_labels(case), set())
        try:
            result = screener.screen_text(case["text"], path=case["id"])
        except Exception as exc:  # noqa: BLE001 - counted and reported, never hidden
            row.error = describe_error(exc)
            rows.append(row)
            continue
        row.pred = predicted(result, threshold)
        row.verdict = result.verdict
        row.scores = {name: round(cat.score, 2) for name, cat in sorted(result.categories.items())}
        row.rules = sorted({f.rule for f in result.findings})
        rows.append(row)
    return rows


def tally(rows: list[Row]) -> dict[str, PRF]:
    names = list(DOC_CATEGORIES)
    for row in rows:
        for name in sorted(row.pred | row.gold):
            if name not in names and name != "clean":
                names.append(name)
    names.append("clean")
    stats = {name: PRF() for name in names}
    for row in rows:
        if row.error:
            continue
        for name in names:
            g, p = name in row.gold, name in row.pred
            stats[name].tp += g and p
            stats[name].fp += p and not g
            stats[name].fn += g and not p
    return stats


def report(rows: list[Row], title: str, verbose: bool) -> None:
    print(f"\n=== {title} ===")
    errors = [r.id for r in rows if r.error]
    print(f"片段 {len(rows)} 个，出错 {len(errors)} 个" + (f"：{', '.join(errors)}" if errors else ""))
    kinds = sorted({r.error for r in rows if r.error})
    for kind in kinds:
        print(f"  错误类型：{kind}")
    stats = tally(rows)
    print(f"{'类别':<18}{'支持数':>6}{'预测数':>6}{'TP':>4}{'FP':>4}{'FN':>4}   精确率  召回率   F1")
    micro = PRF()
    for name, s in stats.items():
        if s.support == 0 and s.tp + s.fp == 0:
            continue
        print(f"{name:<20}{s.support:>6}{s.tp + s.fp:>7}{s.tp:>5}{s.fp:>4}{s.fn:>4}   "
              f"{fmt_ratio(s.precision)}  {fmt_ratio(s.recall)}  {fmt_ratio(s.f1)}")
        if name != "clean":
            micro.tp += s.tp
            micro.fp += s.fp
            micro.fn += s.fn
    print(f"{'micro（不含 clean）':<17}{micro.support:>6}{micro.tp + micro.fp:>7}{micro.tp:>5}{micro.fp:>4}"
          f"{micro.fn:>4}   {fmt_ratio(micro.precision)}  {fmt_ratio(micro.recall)}  {fmt_ratio(micro.f1)}")
    sensitive = PRF()
    flagged = PRF()
    for row in rows:
        if row.error:
            continue
        g = row.gold != {"clean"}
        p = row.pred != {"clean"}
        v = row.verdict != "clean"
        sensitive.tp += g and p
        sensitive.fp += p and not g
        sensitive.fn += g and not p
        flagged.tp += g and v
        flagged.fp += v and not g
        flagged.fn += g and not v
    for label, s in (("敏感/干净（按类别分值）", sensitive), ("敏感/干净（按 verdict）", flagged)):
        print(f"{label}：精确率 {fmt_ratio(s.precision)}  召回率 {fmt_ratio(s.recall)}  F1 {fmt_ratio(s.f1)}"
              f"（支持数 {s.support}）")
    print("漏报与误报（仅 id）：")
    for name in stats:
        missed = [r.id for r in rows if not r.error and name in r.gold and name not in r.pred]
        false = [r.id for r in rows if not r.error and name in r.pred and name not in r.gold]
        if missed or false:
            print(f"  {name}: 漏报 [{', '.join(missed)}]  误报 [{', '.join(false)}]")
    if verbose:
        print("逐条（不含文本）：")
        for r in rows:
            scores = " ".join(f"{k}={v:.2f}" for k, v in r.scores.items()) or "-"
            print(f"  {r.id}  标注={','.join(sorted(r.gold))}  预测={','.join(sorted(r.pred)) or '-'}  "
                  f"verdict={r.verdict}  分值[{scores}]  规则[{','.join(r.rules)}]"
                  + (f"  错误={r.error}" if r.error else ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="在真实开发用例的文档片段上评估审查（screen）。")
    parser.add_argument("--dev", type=Path, default=None, help="开发用例目录（默认 $REVIEWER_DEV_DIR 或 ../shared/dev）")
    parser.add_argument("--threshold", type=float, default=0.5, help="类别分值阈值（默认 0.5）")
    parser.add_argument("--no-model", action="store_true", help="只评估规则，不加载分类器")
    parser.add_argument("--verbose", "-v", action="store_true", help="逐条打印不含文本的摘要")
    args = parser.parse_args(argv)

    base = args.dev or dev_dir()
    docs = load_documents(base) if base else None
    if not docs:
        print("未找到开发用例（documents.jsonl），跳过。", file=sys.stderr)
        return 0
    from reviewer.screen.screening import Screener

    started = time.perf_counter()
    rows = screen_all(Screener(threshold=args.threshold), docs, args.threshold)
    report(rows, f"仅规则（阈值 {args.threshold:g}，{time.perf_counter() - started:.1f} 秒）", args.verbose)
    if args.no_model:
        return 0
    from reviewer.model.loader import load_grounds_model

    model, warning = load_grounds_model()
    if model is None:
        print(f"\n分类器不可用，跳过规则 + 分类器评估。{warning or ''}")
        return 0
    started = time.perf_counter()
    rows = screen_all(Screener(grounds_model=model, threshold=args.threshold), docs, args.threshold)
    report(rows, f"规则 + 分类器（阈值 {args.threshold:g}，{time.perf_counter() - started:.1f} 秒）", args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
