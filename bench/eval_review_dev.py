"""Run ``reviewer review`` on every real development request and score the proposed reply types.

    python bench/eval_review_dev.py [--verbose] [--no-model] [--dev DIR]
    python bench/eval_review_dev.py --cli [--jobs 4]     # the real CLI in a subprocess per case

For each case of ``shared/dev/replies.jsonl`` with a non-empty ``request`` the review runs with no
candidate documents (one ``Reviewer`` façade in-process, the same as ``reviewer review --format json``).  Counts
errors (should be 0) and how often the agency's ``reply_type`` — or one of its ``alt_reply_types`` — is
the first proposal and within the top three candidates, overall and for the cases whose true reply type
can be read from the request (``REQUEST_DETERMINABLE`` in ``devcases.py``).  Rules only, then with the
classifiers when they load.  Prints ids and codes only, never case text.  No assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from devcases import (
    REPO_DIR,
    REQUEST_DETERMINABLE,
    accepted_codes,
    base_code,
    describe_error,
    dev_dir,
    has_request,
    load_replies,
)

# A pasted request rarely carries the applicant's name, ID and contact, so 补正 often leads the ranking;
# the report also shows the ranking with this code removed (what staff see once the form is complete).
CORRECTION = "other.correction"


@dataclass
class CaseResult:
    id: str
    true: str
    accepted: set[str]
    ranked: list[str] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0

    @property
    def determinable(self) -> bool:
        return self.true in REQUEST_DETERMINABLE

    def hit(self, k: int, strict: bool = False, skip_correction: bool = False) -> bool:
        wanted = {self.true} if strict else self.accepted
        ranked = [c for c in self.ranked if c != CORRECTION] if skip_correction else self.ranked
        return any(code in wanted for code in ranked[:k])


def ranked_codes(data: dict) -> list[str]:
    """The proposed reply code first, then the other candidates by probability."""
    first = data["reply"]["code"]
    others = sorted(data.get("candidates") or [], key=lambda c: -float(c.get("probability") or 0.0))
    return [first] + [c["code"] for c in others if c["code"] != first]


def _new_result(case: dict) -> CaseResult:
    return CaseResult(case["id"], base_code(case["reply_type"]), accepted_codes(case))


def review_in_process(cases: list[dict], use_model: bool, applicant_on_file: bool = False) -> list[CaseResult]:
    from reviewer.app import Reviewer

    reviewer = Reviewer.from_config(model=None if use_model else "none")  # rules and model loaded once
    results = []
    for case in cases:
        result = _new_result(case)
        started = time.perf_counter()
        try:
            outcome = reviewer.review(text=case["request"], applicant_on_file=applicant_on_file)
            result.ranked = ranked_codes(outcome.to_dict())
        except Exception as exc:  # noqa: BLE001 - counted and reported, never hidden
            result.error = describe_error(exc)
        result.seconds = time.perf_counter() - started
        results.append(result)
    return results


def review_via_cli(case: dict) -> CaseResult:
    """``python -m reviewer review - --format json --no-model`` with the request on stdin."""
    result = _new_result(case)
    started = time.perf_counter()
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "reviewer", "review", "-", "--format", "json", "--no-model"],
            input=case["request"].encode("utf-8"), capture_output=True, cwd=REPO_DIR, env=env, timeout=300,
        )
    except subprocess.TimeoutExpired:
        result.error = "超时"
        return result
    result.seconds = time.perf_counter() - started
    if proc.returncode != 0:
        result.error = f"退出码 {proc.returncode}"
        return result
    try:
        result.ranked = ranked_codes(json.loads(proc.stdout.decode("utf-8")))
    except (ValueError, KeyError, TypeError) as exc:
        result.error = f"输出不是预期的 JSON（{type(exc).__name__}）"
    return result


def _rate(hits: int, total: int) -> str:
    return f"{hits}/{total}（{hits / total:.0%}）" if total else "0/0"


def report(results: list[CaseResult], title: str, verbose: bool) -> None:
    print(f"\n=== {title} ===")
    errors = [r for r in results if r.error]
    print(f"用例 {len(results)} 件，出错 {len(errors)} 件" + (f"：{', '.join(r.id for r in errors)}" if errors else ""))
    for kind in sorted({r.error for r in errors}):
        print(f"  错误类型：{kind}")
    ok = [r for r in results if not r.error]
    subsets = (("全部", ok), ("可由申请内容判断的", [r for r in ok if r.determinable]))
    for name, rows in subsets:
        n = len(rows)
        print(f"{name}（{n} 件）：首位命中 {_rate(sum(r.hit(1) for r in rows), n)}，前三命中 "
              f"{_rate(sum(r.hit(3) for r in rows), n)}；仅计 reply_type：首位 {_rate(sum(r.hit(1, True) for r in rows), n)}，"
              f"前三 {_rate(sum(r.hit(3, True) for r in rows), n)}")
        print(f"  去掉 {CORRECTION} 后：首位 {_rate(sum(r.hit(1, skip_correction=True) for r in rows), n)}，"
              f"前三 {_rate(sum(r.hit(3, skip_correction=True) for r in rows), n)}")
    print("可由申请内容判断的代码（按 reply_type 计）：" + "、".join(REQUEST_DETERMINABLE))
    by_code: dict[str, list[CaseResult]] = {}
    for r in ok:
        by_code.setdefault(r.true, []).append(r)
    print("按真实答复类型：")
    for code in sorted(by_code):
        rows = by_code[code]
        mark = "*" if code in REQUEST_DETERMINABLE else " "
        print(f" {mark}{code:<28} {len(rows):>2} 件  首位 {sum(r.hit(1) for r in rows)}  前三 {sum(r.hit(3) for r in rows)}")
    first = Counter(r.ranked[0] for r in ok if r.ranked)
    print("首位提议的分布：" + "，".join(f"{code} {n}" for code, n in first.most_common()))
    if ok:
        print(f"平均耗时 {sum(r.seconds for r in ok) / len(ok):.2f} 秒/件")
    if verbose:
        print("逐件（仅代码）：")
        for r in results:
            alts = ",".join(sorted(r.accepted - {r.true})) or "-"
            status = r.error or f"首位={'✓' if r.hit(1) else '✗'} 前三={'✓' if r.hit(3) else '✗'}"
            print(f"  {r.id}  真实={r.true}  备选={alts}  提议={' > '.join(r.ranked[:3]) or '-'}  {status}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="在真实开发用例的申请上评估 reviewer review 的答复类型。")
    parser.add_argument("--dev", type=Path, default=None, help="开发用例目录（默认 $REVIEWER_DEV_DIR 或 ../shared/dev）")
    parser.add_argument("--no-model", action="store_true", help="只评估规则，不加载分类器")
    parser.add_argument("--cli", action="store_true", help="逐件在子进程中运行真实命令 reviewer review --no-model")
    parser.add_argument("--jobs", "-j", type=int, default=4, help="--cli 模式的并行子进程数（默认 4）")
    parser.add_argument("--verbose", "-v", action="store_true", help="逐件打印代码（不含文本）")
    args = parser.parse_args(argv)

    base = args.dev or dev_dir()
    cases = load_replies(base) if base else None
    if not cases:
        print("未找到开发用例（replies.jsonl），跳过。", file=sys.stderr)
        return 0
    cases = [c for c in cases if has_request(c)]
    if args.cli:
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results = list(pool.map(review_via_cli, cases))
        report(results, f"命令行 python -m reviewer review - --format json --no-model（{time.perf_counter() - started:.0f} 秒）",
               args.verbose)
        return 0
    started = time.perf_counter()
    results = review_in_process(cases, use_model=False)
    report(results, f"仅规则（use_model=False，{time.perf_counter() - started:.1f} 秒）", args.verbose)
    if args.no_model:
        return 0
    from reviewer.model.loader import load_models

    models, warning = load_models()
    if models is None:
        print(f"\n分类器不可用，跳过带分类器的评估。{warning or ''}")
        return 0
    started = time.perf_counter()
    results = review_in_process(cases, use_model=True)
    report(results, f"规则 + 分类器（use_model=True，{time.perf_counter() - started:.1f} 秒）", args.verbose)
    # The quoted requests carry no applicant data; on an online form those fields are captured separately.
    started = time.perf_counter()
    results = review_in_process(cases, use_model=True, applicant_on_file=True)
    report(results, f"规则 + 分类器，申请人信息已登记（--applicant-on-file，{time.perf_counter() - started:.1f} 秒）",
           args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
