"""Benchmark of batch screening (issue 5).  Prints, measured in one run on the same generated corpus:

* bare ``jieba.lcut`` throughput (MB/s);
* batch screening (``reviewer.batch.runner.run_batch``, what ``reviewer screen`` calls) with 1 and 2 jobs,
  as ratios to bare jieba (goals: ≥ 0.8 for one job, ≥ 1.7× from one to two jobs);
* peak memory (RSS of the parent and its worker processes) for 10,000 small files (goal ≤ 400 MB);
* the per-file overhead (one process, first 2,000 small files: time per file beyond segmentation),
  and the start-up of 1 and 2 processes.

    python bench/bench_screen.py            # 20 MB corpus + 10,000 small files (a few minutes)
    python bench/bench_screen.py --quick    # 3 MB + 1,000 small files

Numbers only, no assertions.  Each run also prints its CPU time and the share of its cores it got: on
a machine busy with other work the ratios are not meaningful (compare CPU shares).  Each screening run is a separate process (``python -c`` calling
``run_batch``), so start-up and memory are measured as a user would see them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
PROJECT = BENCH_DIR.parent
sys.path.insert(0, str(BENCH_DIR))
sys.path.insert(0, str(PROJECT))

from gen_corpus import generate_corpus, generate_small_files  # noqa: E402

RUN_CODE = """
import json, sys, time
from pathlib import Path
from reviewer.batch.runner import run_batch
if __name__ == "__main__":
    started = time.perf_counter()
    s = run_batch([Path(p) for p in json.loads(sys.argv[1])], Path(sys.argv[2]), jobs=int(sys.argv[3]),
                  progress=False)
    print(json.dumps({"files": s.files, "elapsed": s.elapsed, "wall": time.perf_counter() - started,
                      "verdicts": s.by_verdict, "bad": s.bad}))
"""


# --------------------------------------------------------------------------------------------------
# memory of a process tree


def _tree_rss_linux(root_pid: int) -> int | None:
    """Sum of RSS (bytes) of ``root_pid`` and its descendants, from /proc; None without /proc."""
    proc = Path("/proc")
    if not proc.is_dir():
        return None
    parents: dict[int, int] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        parents[int(entry.name)] = int(fields[1])
    tree = {root_pid}
    changed = True
    while changed:
        changed = False
        for pid, ppid in parents.items():
            if ppid in tree and pid not in tree:
                tree.add(pid)
                changed = True
    page = os.sysconf("SC_PAGE_SIZE")
    total = 0
    for pid in tree:
        try:
            total += int((proc / str(pid) / "statm").read_text().split()[1]) * page
        except (OSError, IndexError, ValueError):
            pass
    return total


class PeakSampler(threading.Thread):
    """Samples the RSS of a process tree every ``interval`` seconds and keeps the peak."""

    def __init__(self, pid: int, interval: float = 0.05):
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.peak = 0
        self.available = True
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            rss = _tree_rss_linux(self.pid)
            if rss is None:
                self.available = False
                return
            self.peak = max(self.peak, rss)
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join()


def screen_run(src: Path | list[Path], out: Path, jobs: int) -> dict:
    """Run the batch in a fresh process; returns its summary plus the peak RSS of its process tree."""
    env = dict(os.environ, PYTHONPATH=str(PROJECT))
    sources = json.dumps([str(p) for p in (src if isinstance(src, list) else [src])])
    proc = subprocess.Popen([sys.executable, "-c", RUN_CODE, sources, str(out), str(jobs)],
                            stdout=subprocess.PIPE, text=True, env=env, cwd=str(PROJECT))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    sampler = PeakSampler(proc.pid)
    sampler.start()
    stdout, _ = proc.communicate()
    sampler.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"审查进程退出码 {proc.returncode}")
    result = json.loads(stdout.strip().splitlines()[-1])
    # CPU seconds of the run and its workers: with wall time, shows whether other load took the cores.
    result["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result["jobs"] = jobs
    if sampler.available:
        result["peak_rss"] = sampler.peak
    else:  # no /proc: the largest single child process (ru_maxrss is in KiB on Linux, bytes on macOS)
        scale = 1 if sys.platform == "darwin" else 1024
        result["peak_rss"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale
        result["peak_note"] = "（无 /proc：单个进程峰值）"
    return result


# --------------------------------------------------------------------------------------------------
# bare jieba


def read_texts(*folders: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for folder in folders for p in sorted(folder.rglob("*.txt"))]


def jieba_seconds(texts: list[str]) -> float:
    import jieba

    from reviewer.paths import cache_dir

    jieba.setLogLevel(60)
    jieba.dt.tmp_dir = str(cache_dir())  # the per-user cache, not a shared /tmp
    jieba.dt.cache_file = "jieba-default.cache"
    jieba.initialize()
    started = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - started


# --------------------------------------------------------------------------------------------------


def mark(ok: bool) -> str:
    return "达标" if ok else "未达标"


def steady_rate(size: int, run: dict, startup: dict) -> float | None:
    """MB/s once the start-up (measured on an empty folder) is taken off; None when the run is too
    short for that to mean anything."""
    work = run["elapsed"] - startup["elapsed"]
    return size / work / 1e6 if work > 0.5 * run["elapsed"] else None


def ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f} 倍" if a and b else "—（语料太小，无法扣除启动时间）"


def cpu_note(run: dict) -> str:
    """CPU time and how much of ``jobs`` cores the run got (low when other processes use the CPU)."""
    share = run["cpu"] / max(1e-9, run["wall"] * run["jobs"])
    return f"CPU {run['cpu']:.1f} 秒，占 {run['jobs']} 核的 {share:.0%}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="批量保密审查基准测试（只打印数字，不做断言）。")
    parser.add_argument("--quick", action="store_true", help="小语料：3 MB + 1,000 个小文件")
    parser.add_argument("--mb", type=float, help="大文件语料大小（MB，默认 20；--quick 时 3）")
    parser.add_argument("--small", type=int, help="小文件数量（默认 10000；--quick 时 1000）")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--workdir", type=Path, help="语料和报告放在这里（默认临时文件夹，结束后删除）")
    args = parser.parse_args(argv)
    megabytes = args.mb if args.mb is not None else (3.0 if args.quick else 20.0)
    small_count = args.small if args.small is not None else (1000 if args.quick else 10_000)

    with tempfile.TemporaryDirectory(prefix="reviewer-bench-") as tmp:
        work = args.workdir or Path(tmp)
        big, small, empty = work / "corpus", work / "small", work / "empty"
        empty.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        if not any(big.rglob("*.txt")):
            generate_corpus(big, megabytes, args.seed)
        if not any(small.rglob("*.txt")):
            generate_small_files(small, small_count, args.seed)
        big_texts = read_texts(big)
        big_bytes = sum(len(t.encode("utf-8")) for t in big_texts)
        small_texts = read_texts(small)
        small_bytes = sum(len(t.encode("utf-8")) for t in small_texts)
        # The per-file overhead is measured with one process on the first 2,000 small files (100 per folder).
        subset = sorted(p for p in small.iterdir() if p.is_dir())[:20]
        subset_texts = read_texts(*subset)
        print(f"语料：{len(big_texts)} 个文件 {big_bytes / 1e6:.1f} MB；小文件 {len(small_texts)} 个 "
              f"{small_bytes / 1e6:.1f} MB（种子 {args.seed}，生成 {time.perf_counter() - t0:.1f} 秒）")
        print(f"CPU 核数 {os.cpu_count()}；负载 {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "")

        jieba_big = jieba_seconds(big_texts)
        jieba_subset = jieba_seconds(subset_texts)
        subset_count = len(subset_texts)
        del big_texts, small_texts, subset_texts
        jieba_rate = big_bytes / jieba_big / 1e6
        print(f"\n裸 jieba.lcut：{jieba_rate:.2f} MB/s（{jieba_big:.1f} 秒）")

        start1 = screen_run(empty, work / "out-empty-1", 1)
        start2 = screen_run(empty, work / "out-empty-2", 2)
        one = screen_run(big, work / "out-big-1", 1)
        two = screen_run(big, work / "out-big-2", 2)
        rate1 = big_bytes / one["elapsed"] / 1e6
        rate2 = big_bytes / two["elapsed"] / 1e6
        steady1 = steady_rate(big_bytes, one, start1)
        steady2 = steady_rate(big_bytes, two, start2)
        print(f"批量审查 1 个进程：{rate1:.2f} MB/s（{one['elapsed']:.1f} 秒），为裸 jieba 的 {rate1 / jieba_rate:.2f} 倍"
              f"（目标 ≥ 0.8，{mark(rate1 / jieba_rate >= 0.8)}）；扣除启动 {start1['elapsed']:.1f} 秒后 "
              f"{ratio(steady1, jieba_rate)}；{cpu_note(one)}")
        print(f"批量审查 2 个进程：{rate2:.2f} MB/s（{two['elapsed']:.1f} 秒），为 1 个进程的 {rate2 / rate1:.2f} 倍"
              f"（目标 ≥ 1.7，{mark(rate2 / rate1 >= 1.7)}）；扣除启动 {start2['elapsed']:.1f} 秒后 "
              f"{ratio(steady2, steady1)}；{cpu_note(two)}")
        print(f"结论分布（大语料）：{one['verdicts']}")

        small2 = screen_run(small, work / "out-small-2", 2)
        small1 = screen_run(subset, work / "out-small-1", 1)
        n = small2["files"]
        print(f"\n{n} 个小文件，2 个进程：{small2['elapsed']:.1f} 秒（{n / small2['elapsed']:.0f} 个/秒），"
              f"内存峰值（主进程+子进程）{small2['peak_rss'] / 1e6:.0f} MB{small2.get('peak_note', '')}"
              f"（目标 ≤ 400 MB，{mark(small2['peak_rss'] <= 400e6)}）；{cpu_note(small2)}")
        m = small1["files"]
        print(f"{m} 个小文件，1 个进程：{small1['elapsed']:.1f} 秒（{m / small1['elapsed']:.0f} 个/秒），"
              f"内存峰值 {small1['peak_rss'] / 1e6:.0f} MB{small1.get('peak_note', '')}；{cpu_note(small1)}")
        per_file = (small1["elapsed"] - start1["elapsed"] - jieba_subset) / max(1, m)
        total_per_file = (small1["elapsed"] - start1["elapsed"]) / max(1, m)
        print(f"每个文件的额外开销（1 个进程，{subset_count} 个小文件，扣除启动和分词）：{per_file * 1000:.2f} 毫秒；"
              f"每个文件总耗时（扣除启动）{total_per_file * 1000:.2f} 毫秒"
              f"{'（语料太小，数字不可靠）' if small1['elapsed'] < 2 * start1['elapsed'] else ''}；"
              f"启动：1 个进程 {start1['elapsed']:.1f} 秒，2 个进程 {start2['elapsed']:.1f} 秒")
    return 0


if __name__ == "__main__":
    sys.exit(main())
