"""Batch screening of folder trees: a worker pool, a ledger with resume, streamed reports.

``run_batch(inputs, out_dir, …)`` walks the inputs (:mod:`reviewer.batch.walk`: sorted, deterministic; hidden
files, Office lock files and the report folder itself are skipped), screens each file in a pool of worker
processes (:mod:`reviewer.batch.pool`) that share ONE :class:`~reviewer.screen.screening.Screener` (rules,
dictionary and — with ``use_model`` — the classifier, loaded once in the parent, which then forks the workers
together; where fork is unavailable each spawned worker builds its own), and records every result in the
ledger as it arrives.  The per-file work is in :mod:`reviewer.batch.filework`.  At the end the reports
(``results.jsonl``, ``results.csv``, ``report.html``, optionally ``redacted/`` and ``redaction_log.csv``) are
rebuilt from the ledger.

A worker stuck longer than ``timeout_per_file`` is killed and replaced, the file recorded as ``timeout``; a
worker that dies is replaced and its file recorded as ``error``; the other files it held are sent again.
Memory does not grow with the number of files (nothing is collected; the walk is a generator; at most
``jobs × PREFETCH`` files are in flight).

Ctrl-C stops the run at a clean point (a second Ctrl-C aborts at once): the ledger holds every
finished file, the run is marked ``interrupted`` and ``--resume`` continues.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.batch import filework
from reviewer.batch.filework import (  # noqa: F401 - re-exported: the names callers and tests know
    SLOW_ENV,
    SLOW_MATCH_ENV,
    FileTask,
    WorkerConfig,
    _InProcess,
    build_screener,
    failure_payload,
    load_grounds_model,
    screen_file,
    screen_path_with_timeout,
    sha256_file,
)
from reviewer.batch.ledger import VERDICT_RANK, Ledger, is_current, new_run_id, now_iso
from reviewer.batch.pool import PREFETCH, Rendered, WorkerPool, fork_available, screen_paths, worker_start  # noqa: F401
from reviewer.batch.report_files import (
    REDACTION_LOG,
    REPORT_HTML,
    RESULTS_CSV,
    RESULTS_JSONL,
    JsonlAppender,
    write_csv,
    write_jsonl,
    write_redaction_log,
)
from reviewer.batch.walk import _stat, check_output_dir, count_files, iter_files  # noqa: F401

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


DEFAULT_TIMEOUT = 120.0


FAIL_ON = ("review", "withhold")


ENGINES = ("local", "dask")


EXIT_INTERRUPTED = 130


@dataclass
class BatchSummary:
    """What a run did; ``exit_code`` is what the ``screen`` command should exit with."""

    run_id: str
    out_dir: Path
    files: int = 0  # distinct files in this run (screened now or unchanged since an earlier run)
    screened: int = 0  # screened in this run
    skipped: int = 0  # unchanged (resume) and not screened again
    by_verdict: dict[str, int] = field(default_factory=dict)  # over the files in the run
    by_status: dict[str, int] = field(default_factory=dict)
    by_category: dict[str, int] = field(default_factory=dict)  # files with review/withhold findings
    bad: int = 0  # files that could not be screened (status other than ok)
    fail_on: str = "review"
    interrupted: bool = False
    elapsed: float = 0.0
    ruleset_version: str = ""
    model_version: str | None = None
    notes: list[str] = field(default_factory=list)  # Chinese
    reports: dict[str, Path] = field(default_factory=dict)

    @property
    def exit_code(self) -> int:
        """130 when interrupted; 1 when a file's verdict is at or above ``fail_on`` (files that could
        not be screened count as review); else 0."""
        if self.interrupted:
            return EXIT_INTERRUPTED
        threshold = VERDICT_RANK[self.fail_on]
        worst = max((VERDICT_RANK.get(v, 1) for v, n in self.by_verdict.items() if n), default=0)
        if self.bad:
            worst = max(worst, VERDICT_RANK["review"])
        return 1 if worst >= threshold else 0

    def describe(self) -> str:
        """A short Chinese summary for the terminal."""
        v = self.by_verdict
        lines = [
            f"共 {self.files} 个文件：本次审查 {self.screened} 个，沿用上次结果 {self.skipped} 个（用时 {self.elapsed:.1f} 秒）。",
            f"建议不予公开或区分处理 {v.get('withhold', 0)} 个，需人工审核 {v.get('review', 0)} 个"
            f"（其中未能审查 {self.bad} 个），未发现问题 {v.get('clean', 0)} 个。",
        ]
        if self.interrupted:
            lines.append("运行被中断：已完成的文件已记入台账，使用 --resume 可继续。")
        lines.extend(self.notes)
        if "html" in self.reports:
            lines.append(f"报告：{self.reports['html']}")
        return "\n".join(lines)


class _StopFlag:
    """SIGINT sets the flag (first Ctrl-C: stop at a clean point; second: KeyboardInterrupt)."""

    def __init__(self) -> None:
        self.stop = False
        self._previous = None
        self._installed = False

    def __enter__(self) -> _StopFlag:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handler)
            self._installed = True
        return self

    def _handler(self, signum, frame) -> None:
        if self.stop:
            raise KeyboardInterrupt
        self.stop = True

    def __exit__(self, *exc) -> None:
        if self._installed:
            signal.signal(signal.SIGINT, self._previous)


class _Progress:
    """A rich progress bar on stderr (files, files/s, ETA), or nothing."""

    def __init__(self, enabled: bool, total: int):
        self._progress = None
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        class _Rate(TextColumn):
            def render(self, task):  # type: ignore[override]
                speed = task.finished_speed or task.speed
                return f"{speed:.1f} 个/秒" if speed else "— 个/秒"

        self._progress = Progress(
            TextColumn("保密审查"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(), _Rate(""),
            TextColumn("已用"), TimeElapsedColumn(), TextColumn("剩余"), TimeRemainingColumn(),
            console=Console(stderr=True), transient=False,
        )
        self._task = self._progress.add_task("screen", total=total)
        self._progress.start()

    def advance(self, n: int = 1) -> None:
        if self._progress is not None:
            self._progress.advance(self._task, n)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()


def run_batch(
    inputs: list[Path],
    out_dir: Path,
    *,
    jobs: int | None = None,
    resume: bool = False,
    threshold: float = 0.5,
    fail_on: str = "review",
    redact: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout_per_file: float = DEFAULT_TIMEOUT,
    progress: bool | None = None,
    rules_dir: Path | None = None,
    use_model: bool = False,
    model_dir: Path | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    manifest: Path | None = None,
    batch_files: int | None = None,
) -> BatchSummary:
    """Screen every file under ``inputs``; write the ledger and the reports into ``out_dir``.

    ``jobs``: worker processes (None: CPU count; 1: in-process, no pool).  ``resume``: skip files
    whose content hash, rule-set version, model version and threshold match a finished ledger row.
    ``fail_on``: "review" or "withhold" (see :attr:`BatchSummary.exit_code`).  ``progress``: None =
    a progress bar when stderr is a terminal.  ``engine``: "local" (this machine's process pool) or
    "dask" (:mod:`reviewer.batch.dask_engine`; ``scheduler`` = a Dask scheduler address, else a local
    cluster of ``jobs`` workers; ``batch_files`` files per task).  ``manifest``: a CSV/JSONL list of files screened instead of walking
    ``inputs``.  Raises ValueError (Chinese message) for bad arguments.
    """
    if engine not in ENGINES:
        raise ValueError(f"--engine 只能是 {' 或 '.join(ENGINES)}，收到“{engine}”。")
    if manifest is not None:
        inputs = inputs or [Path(manifest)]
    if fail_on not in FAIL_ON:
        raise ValueError(f"--fail-on 只能是 {' 或 '.join(FAIL_ON)}，收到“{fail_on}”。")
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"阈值应在 0 到 1 之间，收到 {threshold}。")
    if not inputs:
        raise ValueError("请至少指定一个要审查的文件或文件夹。")
    jobs = max(1, jobs if jobs is not None else (os.cpu_count() or 1))
    inputs = [Path(p) for p in inputs]
    out_dir = Path(out_dir)
    check_output_dir(inputs, out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    if progress is None:
        progress = sys.stderr is not None and sys.stderr.isatty()
    config = WorkerConfig(str(out_dir.resolve()), None if rules_dir is None else str(rules_dir), use_model,
                          None if model_dir is None else str(model_dir), threshold, max_bytes, redact, new_run_id())
    started = time.monotonic()
    ledger = Ledger(out_dir)
    summary = BatchSummary(run_id="", out_dir=out_dir, fail_on=fail_on)
    pool: WorkerPool | None = None
    screener = None
    try:
        if engine == "dask":
            pool = _dask_engine(config, timeout_per_file, jobs, scheduler, batch_files)
            info = pool.wait_ready()
        elif jobs == 1:
            screener, info = filework.build_screener(config)
        else:
            # The default model may be built on first use: let one worker build it before the others start.
            pool = WorkerPool(jobs, config, timeout_per_file, stagger=use_model and model_dir is None)
            info = pool.wait_ready()  # a broken rule file raises RuleFileError here, as in-process
        summary.ruleset_version = info["ruleset_version"]
        summary.model_version = info["model_version"]
        if info.get("note"):
            summary.notes.append(info["note"])
        args = {"inputs": [str(p) for p in inputs], "jobs": jobs, "resume": resume, "threshold": threshold,
                "fail_on": fail_on, "redact": redact, "max_bytes": max_bytes, "timeout_per_file": timeout_per_file,
                "use_model": use_model, "model_dir": None if model_dir is None else str(model_dir),
                "engine": engine, "scheduler": scheduler, "manifest": None if manifest is None else str(manifest)}
        summary.run_id = ledger.start_run(config.run_id, args, summary.ruleset_version, summary.model_version)
        total = 0
        if progress:
            total = sum(1 for _ in _manifest_tasks(manifest)) if manifest is not None else count_files(inputs, out_dir)
        bar = _Progress(bool(progress), total)
        appender = JsonlAppender(out_dir / RESULTS_JSONL, truncate=not resume)
        try:
            with _StopFlag() as flag:
                skipped: Counter[str] = Counter()
                tasks = _manifest_tasks(manifest) if manifest is not None else iter_files(inputs, out_dir, skipped)
                _drive(tasks, ledger, summary, config, pool, screener, timeout_per_file, resume,
                       appender, bar, flag)
                if skipped:  # never left out silently
                    summary.notes.append(
                        f"未审查：隐藏文件或文件夹 {skipped['hidden']} 个、Office 临时文件（~$ 开头）{skipped['lock']} 个、"
                        f"指向文件夹或失效的符号链接 {skipped['link']} 个（按约定跳过）。")
                summary.interrupted = flag.stop
        except KeyboardInterrupt:
            summary.interrupted = True
        finally:
            appender.close()
            bar.close()
        if pool is not None:
            pool.close(graceful=not summary.interrupted)
            pool = None
        _finish(ledger, summary, inputs, redact, threshold)
    finally:
        if pool is not None:
            pool.close(graceful=False)
        ledger.close()
    summary.elapsed = time.monotonic() - started
    return summary


def _drive(walk: Iterator[FileTask], ledger: Ledger, summary: BatchSummary, config: WorkerConfig, pool, screener,
           timeout: float, resume: bool, appender: JsonlAppender, bar: _Progress, flag: _StopFlag) -> None:
    """Walk, skip unchanged files (resume), dispatch the rest and record results as they arrive."""
    run_id = summary.run_id
    retry: deque[FileTask] = deque()
    in_flight: set[str] = set()
    walked = [False]  # the walk is exhausted
    stats: dict[str, tuple] = {}  # path -> (size, mtime) for files in flight (bounded)

    def record(payload: dict) -> None:
        size, mtime = stats.pop(payload["path"], (None, None))
        in_flight.discard(payload["path"])
        payload.update(size=size, mtime=mtime)
        ledger.record(payload)
        appender.append(payload["jsonl"])
        summary.screened += 1
        bar.advance()

    def next_task() -> FileTask | None:
        """The next file to screen (skipping unchanged files and duplicates), or None at the end."""
        if retry:
            return retry.popleft()
        for task in walk:
            if task.path in in_flight:
                continue
            row = ledger.lookup(task.path)
            if row is not None and row["seen_run"] == run_id:
                continue  # reached twice through overlapping inputs
            if resume and row is not None:
                sha = sha256_file(task.path)
                if is_current(row, sha256=sha, ruleset_version=summary.ruleset_version,
                              model_version=summary.model_version, threshold=config.threshold,
                              need_redaction=config.redact):
                    ledger.mark_seen(task.path, run_id)
                    summary.skipped += 1
                    bar.advance()
                    continue
            stats[task.path] = _stat(task.path)
            in_flight.add(task.path)
            return task
        walked[0] = True
        return None

    if getattr(pool, "drives_itself", False):  # the Dask engine schedules its own batches
        pool.drive(next_task, record, flag)
        return

    if pool is None:
        for_one = _InProcess(screener, config, timeout, {"ruleset_version": summary.ruleset_version,
                                                          "model_version": summary.model_version})
        while not flag.stop:
            task = next_task()
            if task is None:
                break
            record(for_one.screen(task))
        return

    while not flag.stop:
        for worker in pool.workers:
            while worker.ready and len(worker.queue) < PREFETCH and not flag.stop:
                task = next_task()
                if task is None:
                    break
                pool.send(worker, task)
        if walked[0] and not retry and pool.in_flight == 0:
            break
        for payload in pool.poll(retry, max_wait=0.25):
            record(payload)


def _dask_engine(config: WorkerConfig, timeout: float, jobs: int, scheduler: str | None, batch_files: int | None):
    try:
        from reviewer.batch.dask_engine import DaskEngine
    except ImportError as exc:
        raise ValueError("使用 --engine dask 需要先安装 Dask：pip install 'reviewer[dask]'。") from exc
    if batch_files is None:
        return DaskEngine(config, timeout, jobs=jobs, scheduler=scheduler)
    return DaskEngine(config, timeout, jobs=jobs, scheduler=scheduler, batch_files=batch_files)


def _manifest_tasks(manifest: Path) -> Iterator[FileTask]:
    from reviewer.batch.manifest import iter_manifest

    yield from iter_manifest(manifest)


def _finish(ledger: Ledger, summary: BatchSummary, inputs: list[Path], redact: bool, threshold: float) -> None:
    """Totals from the ledger, the run row, and every report rebuilt from the ledger."""
    from reviewer.batch.report_html import write_report

    run_id = summary.run_id
    out_dir = summary.out_dir
    summary.by_status = ledger.tally(run_id, "status")
    summary.files = sum(summary.by_status.values())
    # Counted from the ledger, so a file reached twice (overlapping inputs) is counted once.
    summary.screened = ledger.count(run_id, "run_id = ?", (run_id,))
    summary.skipped = summary.files - summary.screened
    summary.bad = summary.files - summary.by_status.get("ok", 0)
    summary.by_verdict = {v: 0 for v in ("withhold", "review", "clean")} | ledger.tally(run_id, "verdict")
    by_category: Counter[str] = Counter()
    for row in ledger.iter_rows(run_id):
        for category, n in (json.loads(row["categories"]) if row["categories"] else {}).items():
            if n:
                by_category[category] += 1
    summary.by_category = dict(by_category)
    ledger.finish_run(run_id, status="interrupted" if summary.interrupted else "finished", files=summary.files,
                      screened=summary.screened, skipped=summary.skipped,
                      counts={"verdict": summary.by_verdict, "status": summary.by_status, "notes": summary.notes})

    write_jsonl(out_dir / RESULTS_JSONL, ledger.iter_rows(run_id, detail=True, order="path"))
    write_csv(out_dir / RESULTS_CSV, ledger.iter_rows(run_id, order="verdict"))
    meta = {"run_id": run_id, "generated": now_iso(), "inputs": [str(Path(p).resolve()) for p in inputs],
            "ruleset_version": summary.ruleset_version, "model_version": summary.model_version,
            "threshold": threshold, "notes": summary.notes, "interrupted": summary.interrupted}
    from reviewer.batch.report_files import atomic_write

    with atomic_write(out_dir / REPORT_HTML) as out:
        write_report(out, meta, lambda detail: ledger.iter_rows(run_id, detail=detail))
    summary.reports = {"html": out_dir / REPORT_HTML, "jsonl": out_dir / RESULTS_JSONL,
                       "csv": out_dir / RESULTS_CSV, "ledger": ledger.path}
    if redact:
        write_redaction_log(out_dir / REDACTION_LOG, ledger.iter_rows(run_id, detail=True, order="path"))
        summary.reports["redaction_log"] = out_dir / REDACTION_LOG
        summary.reports["redacted"] = out_dir / "redacted"
