"""Dask engine vs the local engine on the same small files (``make bench`` runs it).

Measures files per second of ``run_batch`` with the local pool (2 jobs) and with a Dask LocalCluster of
1 and 2 workers, on the same generated files, the three runs interleaved ``--repeat`` times (medians); prints
ratios, the scheduler overhead per file (Dask 2 workers vs local 2 jobs, in milliseconds) and the expected
throughput per core.  Starting the cluster and its workers is measured apart, as on a real cluster it is
paid once; loading the rules is inside each run, for both engines.

Speeds measured while other work shares the machine are noisy, so the CPU time every run used (this
process and all its descendants) is recorded too, with the load average: CPU milliseconds per file hardly
depend on the load, and the goal's ratio is checked on them as well.

    python bench/bench_dask.py [--files 10000] [--repeat 3] [--json bench/results/dask.json]
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
BUSY = 0.10  # other programs used more than this share of the machine: speeds not comparable


def cpu_seconds() -> float:
    """CPU seconds used so far by this process, its live descendants and the children they waited for."""
    import psutil

    me = psutil.Process()
    total = 0.0
    for proc in [me, *me.children(recursive=True)]:
        try:
            t = proc.cpu_times()
        except psutil.Error:
            continue
        total += t.user + t.system + t.children_user + t.children_system
    return total


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine has been busy (all processes, all cores)."""
    import psutil

    t = psutil.cpu_times()
    return sum(t) - t.idle - getattr(t, "iowait", 0.0)


def timed_run(src: Path, out: Path, **kwargs) -> dict:
    """One run: seconds, CPU seconds of this process tree, and the share of the machine that OTHER work
    used meanwhile (0 on a quiet machine; the load average would count this run itself)."""
    from reviewer.batch.runner import run_batch

    cpu, busy = cpu_seconds(), machine_busy_seconds()
    started = time.perf_counter()
    summary = run_batch([src], out, progress=False, use_model=False, **kwargs)
    seconds = time.perf_counter() - started
    cpu, busy = cpu_seconds() - cpu, machine_busy_seconds() - busy
    others = max(0.0, busy - cpu) / (seconds * (os.cpu_count() or 1))
    return {"seconds": seconds, "files": summary.files, "cpu_seconds": cpu, "others_share": round(others, 3),
            "load": round(os.getloadavg()[0], 2)}


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
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("未安装 Dask，跳过（pip install 'reviewer[dask]'）。")
        return 0
    results: dict[str, list[dict]] = {"local2": [], "dask1": [], "dask2": []}
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-dask-") as tmp:
        src = Path(tmp) / "src"
        generate_small_files(src, args.files, seed=2024)
        for i in range(args.repeat):
            results["local2"].append(timed_run(src, Path(tmp) / f"local-{i}", jobs=2))
            results["dask1"].append(dask_run(src, Path(tmp) / f"dask1-{i}", 1))
            results["dask2"].append(dask_run(src, Path(tmp) / f"dask2-{i}", 2))
    rate = {k: statistics.median(r["files"] / r["seconds"] for r in v) for k, v in results.items()}
    cpu_ms = {k: statistics.median(r["cpu_seconds"] / r["files"] * 1000 for r in v) for k, v in results.items()}
    loads = [r["load"] for v in results.values() for r in v]
    others = statistics.median(r["others_share"] for v in results.values() for r in v)
    busy = others > BUSY
    ratio = rate["dask2"] / rate["local2"]
    cpu_ratio = cpu_ms["local2"] / cpu_ms["dask2"]  # > 1: Dask spends less CPU per file
    overhead_ms = max(0.0, (1 / rate["dask2"] - 1 / rate["local2"]) * 2 * 1000)
    per_core = rate["dask2"] / 2
    print(f"机器：{os.cpu_count()} 核；{args.files} 个小文件；仅规则；重复 {args.repeat} 次取中位数；"
          f"负载 {min(loads):.1f}–{max(loads):.1f}（开始时 {load_before:.1f}）；其他程序占用本机 CPU 约 {others:.0%}")
    print(f"本机引擎 2 进程：{rate['local2']:.0f} 个/秒")
    print(f"Dask 1 个工作进程：{rate['dask1']:.0f} 个/秒（集群启动 {results['dask1'][0]['startup']:.1f} 秒，另计）")
    print(f"Dask 2 个工作进程：{rate['dask2']:.0f} 个/秒（集群启动 {results['dask2'][0]['startup']:.1f} 秒，另计）")
    print(f"Dask 2 ÷ Dask 1：{rate['dask2'] / rate['dask1']:.2f}")
    verdict = "达标" if ratio >= GOAL else "未达标"
    print(f"Dask 2 ÷ 本机 2 进程：{ratio:.2f}（目标 ≥ {GOAL}，{verdict}）")
    print(f"调度开销：每个文件约 {overhead_ms:.2f} 毫秒·核")
    print(f"每核吞吐量（可用于估算集群规模）：约 {per_core:.0f} 个小文件/秒")
    print(f"CPU 时间（不受机器负载影响）：本机 2 进程 {cpu_ms['local2']:.2f}、Dask 1 个 {cpu_ms['dask1']:.2f}、"
          f"Dask 2 个 {cpu_ms['dask2']:.2f} 毫秒/文件；本机 ÷ Dask 2：{cpu_ratio:.2f}")
    if busy:
        print("注意：测量时有其他程序占用本机 CPU，速度比值不可靠，请在空闲机器上重测。")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"files": args.files, "rates": rate, "dask2_over_local2": ratio,
                                         "goal": GOAL, "met": ratio >= GOAL, "overhead_ms_per_file": overhead_ms,
                                         "per_core_files_per_s": per_core, "cpu_ms_per_file": cpu_ms,
                                         "local2_cpu_over_dask2_cpu": cpu_ratio, "load_before": load_before,
                                         "load_range": [min(loads), max(loads)],
                                         "others_cpu_share": others, "busy": busy, "runs": results},
                                        ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
