"""Dask engine vs the local engine on the same small files (``make bench`` runs it).

Measures files per second of ``run_batch`` with the local pool (2 jobs) and with a Dask LocalCluster of
1 and 2 workers, on the same generated files, in one run; prints ratios, the scheduler overhead per file
(Dask 2 workers vs local 2 jobs, in milliseconds) and the expected throughput per core.  Start-up (cluster,
workers, rules) is measured apart from the steady rate, as on a real cluster it is paid once.

    python bench/bench_dask.py [--files 10000] [--repeat 1] [--json bench/results/dask.json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_corpus import generate_small_files  # noqa: E402

GOAL = 0.9  # Dask 2 workers ÷ local 2 jobs


def timed_run(src: Path, out: Path, **kwargs) -> dict:
    from reviewer.batch.runner import run_batch

    started = time.perf_counter()
    summary = run_batch([src], out, progress=False, use_model=False, **kwargs)
    return {"seconds": time.perf_counter() - started, "files": summary.files}


def dask_run(src: Path, out: Path, workers: int) -> dict:
    """(start-up seconds, run seconds) with a fresh LocalCluster of ``workers`` processes."""
    import dask
    from distributed import Client, LocalCluster

    from reviewer.batch.dask_engine import wait_for_workers

    dask.config.set({"distributed.worker.daemon": False})
    started = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as cluster, Client(cluster) as client:
        wait_for_workers(client, workers)
        startup = time.perf_counter() - started
        run = timed_run(src, out, engine="dask", scheduler=cluster.scheduler_address)
    return {"startup": startup, **run}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("未安装 Dask，跳过（pip install 'reviewer[dask]'）。")
        return 0
    results: dict[str, list[dict]] = {"local2": [], "dask1": [], "dask2": []}
    with tempfile.TemporaryDirectory(prefix="bench-dask-") as tmp:
        src = Path(tmp) / "src"
        generate_small_files(src, args.files, seed=2024)
        for i in range(args.repeat):
            results["local2"].append(timed_run(src, Path(tmp) / f"local-{i}", jobs=2))
            results["dask1"].append(dask_run(src, Path(tmp) / f"dask1-{i}", 1))
            results["dask2"].append(dask_run(src, Path(tmp) / f"dask2-{i}", 2))
    rate = {k: statistics.median(r["files"] / r["seconds"] for r in v) for k, v in results.items()}
    ratio = rate["dask2"] / rate["local2"]
    overhead_ms = max(0.0, (1 / rate["dask2"] - 1 / rate["local2"]) * 2 * 1000)
    per_core = rate["dask2"] / 2
    print(f"机器：{os.cpu_count()} 核；{args.files} 个小文件；仅规则；重复 {args.repeat} 次取中位数")
    print(f"本机引擎 2 进程：{rate['local2']:.0f} 个/秒")
    print(f"Dask 1 个工作进程：{rate['dask1']:.0f} 个/秒（集群启动 {results['dask1'][0]['startup']:.1f} 秒，另计）")
    print(f"Dask 2 个工作进程：{rate['dask2']:.0f} 个/秒（集群启动 {results['dask2'][0]['startup']:.1f} 秒，另计）")
    print(f"Dask 2 ÷ Dask 1：{rate['dask2'] / rate['dask1']:.2f}")
    verdict = "达标" if ratio >= GOAL else "未达标"
    print(f"Dask 2 ÷ 本机 2 进程：{ratio:.2f}（目标 ≥ {GOAL}，{verdict}）")
    print(f"调度开销：每个文件约 {overhead_ms:.2f} 毫秒·核")
    print(f"每核吞吐量（可用于估算集群规模）：约 {per_core:.0f} 个小文件/秒")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"files": args.files, "rates": rate, "dask2_over_local2": ratio,
                                         "goal": GOAL, "met": ratio >= GOAL, "overhead_ms_per_file": overhead_ms,
                                         "per_core_files_per_s": per_core, "runs": results},
                                        ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
