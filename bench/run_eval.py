"""``make eval``: every evaluation figure beside its baseline, written to ONE file.

    python bench/run_eval.py [--out bench/results/eval.json] [--detail]

1. grouped cross-validation on the training corpus (bench/eval_grouped_cv.py), and the training-recipe
   comparison on held-out hand-written files (``eval_grouped_cv.recipes``: what the template corpora are worth);
2. the development cases in ../shared/dev (bench/eval_baselines_dev.py; skipped when absent);
3. corpus realism: domain AUC (raw and normalised), its top n-grams, near-duplicate rate (bench/eval_realism.py).

The result goes to ``bench/results/eval.json``; ``python bench/readme_tables.py`` regenerates the README's
evaluation section from it (between ``<!-- eval:begin -->`` and ``<!-- eval:end -->``).  ``--detail`` also
runs the older per-case dev scripts (eval_screen_dev, eval_review_dev, eval_dev).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))
DEFAULT_OUT = BENCH / "results" / "eval.json"


def collect(folds: int = 5) -> dict:
    import eval_baselines_dev
    import eval_grouped_cv
    import eval_realism

    from reviewer.model.persist import library_versions

    result: dict = {"generated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                    "libraries": library_versions()}
    print("1/3 训练语料分组交叉验证、训练方案比较……", file=sys.stderr, flush=True)
    result["corpus_cv"] = eval_grouped_cv.run(folds)
    result["recipes"] = eval_grouped_cv.recipes()
    print("2/3 开发用例（../shared/dev）……", file=sys.stderr, flush=True)
    result["dev"] = eval_baselines_dev.run()
    print("3/3 语料真实度……", file=sys.stderr, flush=True)
    result["realism"] = eval_realism.run()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="评估（每项附基线），写入一个 JSON 文件。")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--detail", action="store_true", help="另外运行逐件的开发用例脚本")
    args = parser.parse_args(argv)
    from readme_tables import render

    result = collect(args.folds)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(render(result))
    print(f"\n结果已写入 {args.out}；用 python bench/readme_tables.py 更新 README 的评估表。")
    failed = 0
    if args.detail:
        for script in ("eval_screen_dev.py", "eval_review_dev.py", "eval_dev.py"):
            print(f"\n===== {script} =====", flush=True)
            failed += subprocess.run([sys.executable, str(BENCH / script)]).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
