"""Every row of the speed issue's table, measured in one run (``make bench``).

Each measure is taken 3 times (``--repeat``) and printed as min / median / max; a goal that the median
misses (for ``reviewer --help``: the maximum) is printed as 未达标.  The results are also written to
``bench/results/bench.json`` (``bench/readme_table.py`` turns that file into the README table).

Corpora are generated from templates (``gen_corpus.document``, fixed seed): about 400 files / 3.1 MB of
government-style text and 10,000 small files.  Every command runs in a new process, as a user runs it.

    python bench/bench_speed.py                 # full sizes (several minutes)
    python bench/bench_speed.py --quick         # 0.6 MB, 1,000 small files
    python bench/bench_speed.py --project DIR   # measure another checkout (e.g. an older commit)

Numbers only, no assertions.  On a machine busy with other work the ratios are not meaningful: the
load average is printed and recorded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

from gen_corpus import document, generate_small_files  # noqa: E402


def generate_documents(out_dir: Path, megabytes: float, seed: int) -> tuple[int, int]:
    """Documents of 800–4,500 characters (about 400 files for 3.1 MB, as in the issue) until ``megabytes``
    MB (UTF-8) are on disk.  Returns (files, bytes)."""
    import random

    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    total = files = 0
    while total < megabytes * 1e6:
        data = document(rng, rng.randint(800, 4500)).encode("utf-8")
        folder = out_dir / f"{files // 100:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"doc{files:05d}.txt").write_bytes(data)
        total += len(data)
        files += 1
    return files, total

ENTRY = "from reviewer.cli.app import main; main()"  # what the ``reviewer`` console script runs
REVIEW_LOOP = """
import statistics, sys, time
from pathlib import Path
from reviewer.app.pipeline import ReviewOptions, run_review
request = Path(sys.argv[1]).read_text(encoding="utf-8")
options = ReviewOptions(docs=[Path(p) for p in sys.argv[2:]])
run_review(request, options)  # load everything once, as the web page's process does
times = []
for _ in range(15):
    started = time.perf_counter()
    run_review(request, options)
    times.append(time.perf_counter() - started)
print(statistics.median(times))
"""


# --------------------------------------------------------------------------------------------------
# memory: proportional set size of a process tree


def _children(pid: int) -> set[int]:
    tree, frontier = {pid}, [pid]
    while frontier:
        current = frontier.pop()
        try:
            kids = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        for kid in map(int, kids):
            if kid not in tree:
                tree.add(kid)
                frontier.append(kid)
    return tree


def tree_pss(pid: int) -> int | None:
    """PSS (bytes) of ``pid`` and its descendants; None without /proc/*/smaps_rollup."""
    total, seen = 0, False
    for p in _children(pid):
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
                    seen = True
                    break
        except OSError:
            continue
    return total if seen else None


class PeakPss(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.available = pid, 0, True
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.is_set():
            value = tree_pss(self.pid)
            if value is None and self.peak == 0:
                self.available = False
            self.peak = max(self.peak, value or 0)
            self._halt.wait(0.1)

    def stop(self) -> int | None:
        self._halt.set()
        self.join()
        return self.peak if self.available else None


# --------------------------------------------------------------------------------------------------
# running commands


class Runner:
    def __init__(self, project: Path, env: dict[str, str]) -> None:
        self.project = project
        self.env = env
        self.cpu: list[float] = []

    def run(self, args: list[str], code: str = ENTRY, memory: bool = False) -> tuple[float, int | None]:
        """Wall seconds of ``python -c code args`` in the project folder (and its peak PSS when asked).
        The CPU seconds of the process and its workers are appended to ``self.cpu``."""
        import resource

        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", code, *args], cwd=self.project, env=self.env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        sampler = PeakPss(proc.pid) if memory else None
        if sampler:
            sampler.start()
        _out, err = proc.communicate()
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.cpu.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
        peak = sampler.stop() if sampler else None
        if proc.returncode not in (0, 1):
            raise RuntimeError(f"命令失败（退出码 {proc.returncode}）：{' '.join(args)}\n{err[-2000:]}")
        return wall, peak

    def output(self, args: list[str], code: str) -> str:
        proc = subprocess.run([sys.executable, "-c", code, *args], cwd=self.project, env=self.env,
                              capture_output=True, text=True, check=True)
        return proc.stdout


def jieba_seconds(texts: list[str], cache: Path) -> float:
    import jieba

    jieba.setLogLevel(60)
    jieba.dt.tmp_dir = str(cache)
    jieba.dt.cache_file = "jieba-bench.cache"
    jieba.initialize()
    started, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        jieba.lcut(text)
    JIEBA_CPU.append(time.process_time() - cpu)
    return time.perf_counter() - started


JIEBA_CPU: list[float] = []


# --------------------------------------------------------------------------------------------------


def summary(values: list[float]) -> dict:
    return {"values": [round(v, 4) for v in values], "min": round(min(values), 4),
            "median": round(statistics.median(values), 4), "max": round(max(values), 4)}


def row(key: str, label: str, unit: str, goal: float, better: str, values: list[float], judge: str = "median",
        note: str = "", cpu: list[float] | None = None) -> dict:
    out = {"key": key, "label": label, "unit": unit, "goal": goal, "better": better, "judged_on": judge,
           "note": note, **summary(values)}
    if cpu:
        out["cpu_seconds"] = summary(cpu)
    value = out[judge]
    out["ok"] = bool(value >= goal if better == "higher" else value <= goal)
    return out


def amdahl_ceiling(total: float, fixed: float, workers: int = 2, goal: float = 1.8) -> dict:
    """The best ``workers`` processes can do when ``fixed`` seconds of a ``total``-second run cannot be
    shared: total / (fixed + (total − fixed) / workers); and the largest fixed share that allows ``goal``."""
    fixed = min(max(fixed, 0.0), total)
    ceiling = total / (fixed + (total - fixed) / workers) if total > 0 else 1.0
    # goal = 1 / (f + (1 − f) / w)  ⇔  f = (w / goal − 1) / (w − 1)
    needed = (workers / goal - 1) / (workers - 1)
    return {"total": round(total, 4), "fixed": round(fixed, 4), "fixed_share": round(fixed / total, 4) if total else 0.0,
            "ceiling": round(ceiling, 4), "workers": workers, "goal": goal, "fixed_share_needed": round(needed, 4)}


def fmt(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "s":
        return f"{value:.2f} 秒" if value >= 1 else f"{value * 1000:.0f} 毫秒"
    return f"{value:.2f}"


def print_row(r: dict) -> None:
    goal = ("≥ " if r["better"] == "higher" else "≤ ") + fmt(r["goal"], r["unit"])
    status = "达标" if r["ok"] else "未达标"
    print(f"{r['label']}：中位 {fmt(r['median'], r['unit'])}（最小 {fmt(r['min'], r['unit'])}，最大 "
          f"{fmt(r['max'], r['unit'])}）；目标 {goal}（按{'最大' if r['judged_on'] == 'max' else '中位'}值）"
          f"——{status}{('；' + r['note']) if r['note'] else ''}"
          + (f"；CPU 中位 {r['cpu_seconds']['median']:.2f} 秒" if "cpu_seconds" in r else ""), flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="速度与内存基准（问题 13 的整张表；只打印数字，不做断言）。")
    parser.add_argument("--quick", action="store_true", help="小语料：0.6 MB + 1,000 个小文件")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--mb", type=float, help="大语料大小（MB，默认 3.1）")
    parser.add_argument("--small", type=int, help="小文件数量（默认 10000）")
    parser.add_argument("--project", type=Path, default=BENCH_DIR.parent, help="要测量的项目目录（默认本项目）")
    parser.add_argument("--json", type=Path, help="结果文件（默认 bench/results/bench.json；--project 时不写）")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    project = args.project.resolve()
    megabytes = args.mb if args.mb is not None else (0.6 if args.quick else 3.1)
    small_count = args.small if args.small is not None else (1000 if args.quick else 10_000)
    reps = max(1, args.repeat)
    json_path = args.json or (BENCH_DIR / "results" / "bench.json" if project == BENCH_DIR.parent else None)

    with tempfile.TemporaryDirectory(prefix="reviewer-bench-") as tmp:
        work = Path(tmp)
        env = dict(os.environ, PYTHONPATH=str(project), PYTHONIOENCODING="utf-8")
        env.setdefault("REVIEWER_CACHE_DIR", str(work / "cache"))
        env.setdefault("REVIEWER_DATA_DIR", str(work / "data"))  # no office-trained model: the default one
        runner = Runner(project, env)
        big, small, one = work / "corpus", work / "small", work / "one"
        files, size = generate_documents(big, megabytes, args.seed)
        generate_small_files(small, small_count, args.seed)
        one.mkdir()
        (one / "通知.txt").write_text("关于开展安全生产检查的通知。各单位要认真落实。", encoding="utf-8")
        texts = [p.read_text(encoding="utf-8") for p in sorted(big.rglob("*.txt"))]
        request = project / "examples" / "requests" / "01-申请会议纪要.txt"
        docs = [project / "examples" / "documents" / "03-专题会议纪要.txt",
                project / "examples" / "documents" / "02-信访件办理情况.txt"]
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        print(f"语料：{files} 个文件 {size / 1e6:.1f} MB；小文件 {small_count} 个；CPU 核数 {os.cpu_count()}；"
              f"负载 {load:.2f}；每项测 {reps} 次" if load is not None else "", flush=True)
        runner.run(["screen", str(one)])  # builds the default model once (not timed)

        rows: list[dict] = []
        t_jieba = [jieba_seconds(texts, work) for _ in range(reps)]
        jieba_median = statistics.median(t_jieba)
        print(f"裸 jieba.lcut：中位 {jieba_median:.2f} 秒（{size / 1e6 / jieba_median:.2f} MB/s）", flush=True)

        def timed(cmd: list[str], **kw) -> list[float]:
            runner.cpu = []
            return [runner.run(cmd, **kw)[0] for _ in range(reps)]

        def cpu() -> list[float]:
            return list(runner.cpu)

        screen_model = timed(["screen", str(big), "--format", "jsonl"])
        rows.append(row("screen_model_vs_jieba", "reviewer screen 目录（含分类器）÷ 裸 jieba.lcut", "x", 1.0, "higher",
                        [jieba_median / t for t in screen_model], note="含进程启动", cpu=cpu()))
        screen_rules = timed(["screen", str(big), "--format", "jsonl", "--no-model"])
        rows.append(row("screen_no_model_vs_jieba", "--no-model ÷ 裸 jieba", "x", 2.0, "higher",
                        [jieba_median / t for t in screen_rules], note="含进程启动", cpu=cpu()))
        batch1 = timed(["screen", str(big), "--out", str(work / "b1"), "--jobs", "1"])
        batch1_cpu = cpu()
        batch2 = timed(["screen", str(big), "--out", str(work / "b2"), "--jobs", "2"])
        rows.append(row("batch_2_vs_1", "2 个进程 ÷ 1 个进程（批量，--out）", "x", 1.8, "higher",
                        [a / b for a, b in zip(sorted(batch1), sorted(batch2), strict=True)],
                        note=f"1 个进程墙钟中位 {statistics.median(batch1):.2f} 秒、CPU {statistics.median(batch1_cpu):.2f} 秒；"
                             f"2 个进程墙钟中位 {statistics.median(batch2):.2f} 秒、CPU {statistics.median(cpu()):.2f} 秒"))
        jobs2 = timed(["screen", str(big), "--format", "jsonl", "--jobs", "2"])
        rows.append(row("screen_jobs2_vs_1", "--jobs 2 不带 --out ÷ 1 个进程", "x", 1.5, "higher",
                        [a / b for a, b in zip(sorted(screen_model), sorted(jobs2), strict=True)],
                        note="目标：要求并行时确实并行"))
        peaks = [runner.run(["screen", str(small), "--out", str(work / f"s{i}"), "--jobs", "2"], memory=True)[1]
                 for i in range(reps)]
        if all(p is not None for p in peaks):
            rows.append(row("peak_pss_small_2jobs", f"内存峰值，{small_count} 个小文件，2 个进程（所有进程 PSS 之和）", "MB",
                            400, "lower", [p / 1e6 for p in peaks]))
        rows.append(row("review_new_process", "reviewer review 小申请，新进程", "s", 1.5, "lower",
                        timed(["review", str(request)]), cpu=cpu()))
        loop = [float(runner.output([str(request), *map(str, docs)], REVIEW_LOOP).strip().splitlines()[-1])
                for _ in range(reps)]
        rows.append(row("review_in_process", "进程内 review（一页申请 + 两份文件，15 次的中位）", "s", 0.150, "lower", loop))
        help_times = timed(["--help"])
        rows.append(row("help", "reviewer --help", "s", 0.2, "lower", help_times, judge="max", cpu=cpu()))
        rows.append(row("batch_startup", "批量审查的固定启动时间（1 个文件，2 个进程，含分类器）", "s", 1.5, "lower",
                        timed(["screen", str(one), "--out", str(work / "start"), "--jobs", "2"]), cpu=cpu()))
        # Amdahl: the same batch command on one file is the part two processes cannot share (interpreter,
        # imports, dictionary, rules and model, reports); the rest of the 1-job time is the shareable part.
        fixed = statistics.median(timed(["screen", str(one), "--out", str(work / "start1"), "--jobs", "1"]))
        amdahl = amdahl_ceiling(statistics.median(batch1), fixed)
        print(f"阿姆达尔上限：1 个进程的批量审查中位 {amdahl['total']:.2f} 秒，其中固定部分（同一命令审查 1 个文件）"
              f"{amdahl['fixed']:.2f} 秒；两个进程最多快到 {amdahl['ceiling']:.2f} 倍"
              f"（目标 1.8 需要固定部分不超过总时间的 {amdahl['fixed_share_needed']:.0%}，现为 {amdahl['fixed_share']:.0%}）",
              flush=True)

        print()
        for r in rows:
            print_row(r)
        load_end = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        if load_end is not None:
            print(f"结束时负载 {load_end:.2f}（开始时 {load:.2f}）", flush=True)
        missed = [r["label"] for r in rows if not r["ok"]]
        print(f"\n{len(rows) - len(missed)}/{len(rows)} 项达标" + (f"；未达标：{'；'.join(missed)}" if missed else ""))
        if json_path is not None:
            commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=project, capture_output=True,
                                    text=True).stdout.strip() or None
            result = {"commit": commit, "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                      "cpus": os.cpu_count(), "load": load, "load_end": load_end, "repeat": reps, "corpus_files": files,
                      "corpus_mb": round(size / 1e6, 2), "small_files": small_count,
                      "jieba_seconds": summary(t_jieba), "jieba_cpu_seconds": summary(JIEBA_CPU), "rows": rows,
                      "amdahl": amdahl}
            json_path.parent.mkdir(parents=True, exist_ok=True)
            json_path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            print(f"结果已写入 {json_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
