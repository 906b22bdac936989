"""Batch screening of folder trees: a worker pool, a ledger with resume, streamed reports.

``run_batch(inputs, out_dir, …)`` walks the inputs (sorted, deterministic; hidden files, Office lock
files and the report folder itself are skipped), screens each file in a pool of worker processes that
share ONE :class:`~reviewer.screen.screening.Screener` (rules, dictionary and — with ``use_model`` — the
classifier, loaded once in the parent, which then forks the workers together; where fork is unavailable
each spawned worker builds its own), and records every result in the ledger as it arrives.  At the end the
reports (``results.jsonl``, ``results.csv``, ``report.html``, optionally ``redacted/`` and
``redaction_log.csv``) are rebuilt from the ledger.

The pool is a small set of ``multiprocessing`` processes, each with its own pipe and at most
``PREFETCH`` files queued, so the parent always knows which file a worker is on and since when: a
worker stuck longer than ``timeout_per_file`` is killed and replaced, the file recorded as
``timeout``; a worker that dies is replaced and its file recorded as ``error``; the other files
it held are sent again.  Memory does not grow with the number of files (nothing is collected;
the walk is a generator; at most ``jobs × PREFETCH`` files are in flight).

Ctrl-C stops the run at a clean point (a second Ctrl-C aborts at once): the ledger holds every
finished file, the run is marked ``interrupted`` and ``--resume`` continues.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.batch.ledger import VERDICT_RANK, Ledger, is_current, new_run_id, now_iso
from reviewer.batch.report_files import (
    REDACTION_LOG,
    REPORT_HTML,
    RESULTS_CSV,
    RESULTS_JSONL,
    JsonlAppender,
    jsonl_object,
    write_csv,
    write_jsonl,
    write_redacted,
    write_redaction_log,
)

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_TIMEOUT = 120.0
FAIL_ON = ("review", "withhold")
ENGINES = ("local", "dask")
PREFETCH = 2  # files queued per worker (the one it is on + the next)
EXIT_INTERRUPTED = 130
# Test hooks (honoured by workers): sleep this long before screening a file whose name contains
# REVIEWER_TEST_SLOW_FILE_MATCH (every file when unset).
SLOW_ENV = "REVIEWER_TEST_SLOW_FILE_SECONDS"
SLOW_MATCH_ENV = "REVIEWER_TEST_SLOW_FILE_MATCH"


# --------------------------------------------------------------------------------------------------
# public types


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


@dataclass(frozen=True)
class FileTask:
    path: str  # absolute
    rel: str  # relative to its input root (prefixed with the root's name when several inputs)
    root: str  # absolute input root


@dataclass(frozen=True)
class WorkerConfig:
    """Everything a worker needs (picklable)."""

    out_dir: str
    rules_dir: str | None
    use_model: bool
    model_dir: str | None
    threshold: float
    max_bytes: int
    redact: bool
    run_id: str


# --------------------------------------------------------------------------------------------------
# walking the inputs


def _skip_name(name: str) -> bool:
    return name.startswith(".") or name.startswith("~$")


def _root_labels(inputs: list[Path]) -> list[str]:
    labels: list[str] = []
    used: Counter[str] = Counter()
    for p in inputs:
        # The folder's real name: an input given as ".." or "." must not put ".." into a relative path.
        base = Path(os.path.abspath(p)).name or "根目录"
        used[base] += 1
        labels.append(base if used[base] == 1 else f"{base}-{used[base]}")
    return labels


def iter_files(inputs: list[Path], out_dir: Path, skipped: Counter | None = None) -> Iterator[FileTask]:
    """The files under ``inputs`` in a deterministic order (sorted names, depth first).

    Hidden entries (name starting with "."), Office lock files ("~$…"), symlinked folders and the
    report folder are skipped.  A missing input is yielded as it is (the loader reports it)."""
    out_resolved = out_dir.resolve()
    several = len(inputs) > 1
    for given, label in zip(inputs, _root_labels(inputs), strict=True):
        root = Path(os.path.abspath(given))
        if not root.is_dir():
            yield FileTask(str(root), label if several else root.name, str(root.parent))
            continue
        if root.resolve() == out_resolved:
            continue
        stack: list[Path] = [root]
        while stack:
            folder = stack.pop()
            try:
                entries = sorted(os.scandir(folder), key=lambda e: e.name)
            except OSError:
                # Never skipped silently: the folder itself is recorded as not screened.
                rel = folder.relative_to(root).as_posix()
                rel = label if rel == "." else (f"{label}/{rel}" if several else rel)
                yield FileTask(str(folder), rel, str(root))
                continue
            subdirs: list[Path] = []
            for entry in entries:
                if _skip_name(entry.name):
                    if skipped is not None:
                        skipped["lock" if entry.name.startswith("~$") else "hidden"] += 1
                    continue
                try:
                    if entry.is_dir(follow_symlinks=False):
                        sub = Path(entry.path)
                        if sub.resolve() != out_resolved:
                            subdirs.append(sub)
                        continue
                    if entry.is_symlink() and not entry.is_file():
                        if skipped is not None:
                            skipped["link"] += 1
                        continue
                except OSError:
                    pass
                rel = Path(entry.path).relative_to(root).as_posix()
                yield FileTask(entry.path, f"{label}/{rel}" if several else rel, str(root))
            stack.extend(reversed(subdirs))


def check_output_dir(inputs: list[Path], out_dir: Path) -> None:
    """Refuse (ValueError, Chinese) an output folder that is an input folder or lies inside one: reports
    and redacted copies are never written into the tree being screened."""
    out_resolved = Path(out_dir).resolve()
    for given in inputs:
        root = Path(given).resolve()
        if root.is_dir() and (out_resolved == root or root in out_resolved.parents):
            raise ValueError(f"输出目录“{out_dir}”位于要审查的文件夹“{given}”之内（或就是该文件夹）："
                             "报告和遮盖副本不能写进被审查的文件夹，请指定其他输出目录。")


def count_files(inputs: list[Path], out_dir: Path) -> int:
    return sum(1 for _ in iter_files(inputs, out_dir))


def sha256_file(path: str) -> str:
    """SHA-256 of a file's bytes, streamed ("" when it cannot be read)."""
    from reviewer.load.textload import file_sha256

    return file_sha256(Path(path))


# --------------------------------------------------------------------------------------------------
# the per-file work (runs in a worker, or in-process with jobs=1)


def load_grounds_model(model_dir: str | None):
    """(grounds_model or None, model version or None, Chinese note or None), via :mod:`reviewer.model.loader`
    (the newest office-trained model, else the default built from corpora/); rules only when unavailable."""
    from reviewer.model.loader import load_models

    models, warning = load_models(Path(model_dir) if model_dir else None, names=("grounds",))
    if models is None or models.grounds is None:
        return None, None, warning or "分类器不可用，本次仅使用规则审查。"
    return models.grounds, str(models.version), None


def build_screener(config: WorkerConfig):
    """(Screener, facts) with facts = {"ruleset_version", "model_version", "note"}; warmed up
    (jieba loaded).  The model version is the grounds model's ``version`` or its card's."""
    from reviewer.screen.screening import Screener

    grounds, model_version, note = None, None, None
    if config.use_model:
        grounds, model_version, note = load_grounds_model(config.model_dir)
    screener = Screener(config.rules_dir, grounds_model=grounds, threshold=config.threshold)
    try:
        screener.screen_text("预热：加载分词词典。申请人要求公开会议纪要。")
    except Exception as exc:  # noqa: BLE001 - a model the core cannot use must not stop the batch
        if grounds is None:
            raise
        note = f"分类器无法用于审查（{type(exc).__name__}: {exc}），本次仅使用规则审查。"
        grounds, model_version = None, None
        screener = Screener(config.rules_dir, threshold=config.threshold)
        screener.screen_text("预热：加载分词词典。")
    return screener, {"ruleset_version": screener.ruleset_version, "model_version": model_version, "note": note}


def _test_slowdown(path: str) -> None:
    seconds = os.environ.get(SLOW_ENV)
    if not seconds:
        return
    match = os.environ.get(SLOW_MATCH_ENV)
    if match and match not in os.path.basename(path):
        return
    time.sleep(float(seconds))


def _suffix_kind(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return {".txt": "txt", ".md": "txt", ".csv": "txt", ".text": "txt", ".docx": "docx", ".pdf": "pdf",
            ".html": "html", ".htm": "html"}.get(suffix, "unknown")


def failure_payload(task: FileTask, status: str, error: str, config: WorkerConfig, ruleset_version: str,
                    model_version: str | None, elapsed: float = 0.0) -> dict:
    """Payload for a file that was not screened (timeout, worker error)."""
    from reviewer.batch.report_files import STATUS_LABELS, VERDICT_LABELS

    result = {
        "path": task.path, "status": status, "status_label": STATUS_LABELS.get(status, status), "error": error,
        "chars": 0, "verdict": "review", "verdict_label": VERDICT_LABELS["review"], "categories": {},
        "findings": [], "warnings": [], "kind": _suffix_kind(task.path), "encoding": None,
        "sha256": sha256_file(task.path),
    }
    return _payload(task, result, [], None, config, ruleset_version, model_version, elapsed)


def _payload(task: FileTask, result: dict, excerpts: list, redaction: dict | None, config: WorkerConfig,
             ruleset_version: str, model_version: str | None, elapsed: float) -> dict:
    from reviewer.load.common import shown_all

    # Names that are not valid UTF-8 (GBK archives) are stored and reported escaped, never crash the run.
    result, excerpts, redaction = shown_all(result), shown_all(excerpts), shown_all(redaction)
    task = FileTask(task.path, shown_all(task.rel), task.root)
    findings = result["findings"]
    severities = Counter(f["severity"] for f in findings)
    # Marks such as 工作秘密/内部资料 are findings to look at, not grounds (ogi-law.md §4.3).
    categories: Counter[str] = Counter(f["category"] for f in findings
                                       if f["severity"] != "info" and not f["explanation"].get("marking"))
    top_rules = Counter(f["rule"] for f in findings).most_common(3)
    detail = {"result": result, "excerpts": excerpts}
    if redaction:
        detail["redaction"] = redaction
    screened_at = now_iso()
    line = json.dumps(jsonl_object(result, rel=task.rel, run_id=config.run_id, screened_at=screened_at,
                                   ruleset_version=ruleset_version, model_version=model_version,
                                   redacted_copy=redaction.get("copy") if redaction else None), ensure_ascii=False)
    return {
        "path": task.path, "rel": task.rel, "root": task.root, "sha256": result.get("sha256") or "",
        "status": result["status"], "verdict": result["verdict"], "verdict_rank": VERDICT_RANK[result["verdict"]],
        # An "ok" file with parts not read or not checked shows them where errors go (results.csv, report).
        "error": result.get("error") or ("；".join(result.get("incomplete") or []) or None), "n_info": severities.get("info", 0), "n_review": severities.get("review", 0),
        "n_withhold": severities.get("withhold", 0), "categories": json.dumps(dict(categories), ensure_ascii=False),
        "top_rules": json.dumps(top_rules), "ruleset_version": ruleset_version, "model_version": model_version or "",
        "threshold": config.threshold, "redacted": 1 if redaction else 0, "elapsed": round(elapsed, 4),
        "detail": json.dumps(detail, ensure_ascii=False), "screened_at": screened_at, "run_id": config.run_id,
        "seen_run": config.run_id, "jsonl": line,
    }


def screen_file(screener, task: FileTask, config: WorkerConfig, facts: dict) -> dict:
    """Screen one file and return its ledger payload (masked result, excerpts, counts; redacted
    copy written when asked).  Never raises for a bad file: an unexpected error becomes status
    ``error``."""
    from reviewer.batch.report_html import make_excerpts

    started = time.perf_counter()
    if os.path.isdir(task.path):  # a folder the walk could not list
        return failure_payload(task, "unreadable", f"{Path(task.path).name}：无法列出该文件夹的内容（权限不足或已损坏），"
                               "其中的文件未审查。", config, facts["ruleset_version"], facts["model_version"])
    try:
        _test_slowdown(task.path)
        result = screener.screen_path(task.path, max_bytes=config.max_bytes)
        data = result.to_dict()  # personal data masked
        excerpts = make_excerpts(result.text, result.findings) if result.findings else []
        redaction = None
        if config.redact:
            findings = result.findings if result.status == "ok" else []
            try:
                redaction = write_redacted(Path(config.out_dir), task.rel, result.text, findings, config.threshold,
                                           categories=result.categories if result.status == "ok" else None,
                                           sections=result.sections)
            except (OSError, ValueError) as exc:  # the screening result stands; the copy is missing
                data["warnings"].append(f"未能生成脱敏副本（{type(exc).__name__}: {exc}），请人工处理。")
            if redaction is not None and not (redaction["copy"] or redaction["note"]) and result.status != "ok":
                redaction = None
    except _FileTimeout:
        raise
    except Exception as exc:  # noqa: BLE001 - a bug on one file must not stop the batch
        message = f"{Path(task.path).name}：审查时出错（{type(exc).__name__}: {exc}），未审查。"
        return failure_payload(task, "error", message, config, facts["ruleset_version"], facts["model_version"],
                               time.perf_counter() - started)
    return _payload(task, data, excerpts, redaction, config, facts["ruleset_version"], facts["model_version"],
                    time.perf_counter() - started)


def worker_start(conn, config: WorkerConfig) -> tuple | None:
    """In a worker process: build the screener once (or use the one inherited from the parent through
    fork) and tell the parent ("ready", facts); on failure tell it why ("rules"/"failed") and return None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    try:
        screener, facts = _PREBUILT if _PREBUILT is not None else build_screener(config)
        conn.send(("ready", dict(facts, pid=os.getpid())))
    except Exception as exc:  # noqa: BLE001
        from dataclasses import asdict

        from reviewer.detect.rulebook import RuleFileError

        if isinstance(exc, RuleFileError):
            conn.send(("rules", [asdict(p) for p in exc.problems]))
        else:
            conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return None
    return screener, facts


def _worker_main(conn, config: WorkerConfig) -> None:
    """Worker process: start (see :func:`worker_start`), then screen the files sent on ``conn``."""
    started = worker_start(conn, config)
    if started is None:
        return
    screener, facts = started
    parent = os.getppid()
    while True:
        try:
            # A forked worker holds its own copy of the parent's end of the pipe, so a parent that is killed
            # (SIGKILL, out of memory) never shows as EOF here: wait in short steps and leave once it is gone.
            while not conn.poll(1.0):
                if os.getppid() != parent:
                    return
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        payload = screen_file(screener, task, config, facts)
        try:
            conn.send(("result", payload))
        except (BrokenPipeError, OSError):
            return


# --------------------------------------------------------------------------------------------------
# the pool


class _FileTimeout(Exception):
    pass


@dataclass
class _Worker:
    process: object
    conn: object
    ready: bool = False
    queue: deque = field(default_factory=deque)  # FileTask sent, in order
    head_since: float = 0.0  # when the worker started on queue[0]


_PREBUILT: tuple | None = None  # (screener, facts) built in the parent before forking the workers


def fork_available() -> bool:
    """Whether workers can be forked from a parent that already loaded everything (POSIX, not macOS)."""
    import multiprocessing

    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def share_with_forked_workers(built: tuple) -> None:
    """Keep ``(screener, facts)`` for workers forked from now on."""
    global _PREBUILT
    _PREBUILT = built
    _freeze_heap()


def _warm_up(screener) -> None:
    """Load what the screener loads lazily before forking, so the workers share it (see Screener.warm_up)."""
    warm = getattr(screener, "warm_up", None)
    if callable(warm):
        warm()


def _freeze_heap() -> None:
    """``gc.freeze`` keeps the collector from writing to the objects loaded so far, so their pages stay
    shared between this process and the workers it forks (undone by ``gc.unfreeze`` when the pool closes).
    Only the young generations are collected first: a full collection walks everything loaded (tens of
    milliseconds before any worker can start), and what little garbage the old generation holds stays in pages
    the workers share anyway."""
    import gc

    gc.collect(1)
    gc.freeze()


_SHARED_SCREEN: tuple | None = None  # (screener, max_bytes, timeout, render) for screen_paths' forked workers


@dataclass(frozen=True)
class Rendered:
    """A file's result as ``screen_paths(render=…)`` gives it: its verdict and its rendered output."""

    verdict: str
    output: str


def _screened(screener, path: str, max_bytes: int, timeout: float | None, render):
    result = screen_path_with_timeout(screener, path, max_bytes, timeout)
    return result if render is None else Rendered(result.verdict, render(result))


def _screen_one(path: str):
    screener, max_bytes, timeout, render = _SHARED_SCREEN
    return _screened(screener, path, max_bytes, timeout, render)


def screen_paths(screener, paths, jobs: int, max_bytes: int, timeout: float | None = None, render=None):
    """Results of ``screener.screen_path`` for each path, in order; with ``jobs`` > 1 (and fork) in
    ``jobs`` processes forked from this one, so the rules, dictionary and model are shared, not reloaded.
    ``timeout``: seconds per file (None: no limit); a file over it comes back ``timeout``, never clean.
    ``render``: a function of a result giving its output (str); given, each file comes back as
    :class:`Rendered` (verdict and output), rendered in the worker that screened it, so this process only
    writes (results with their texts are not sent back)."""
    paths = [str(p) for p in paths]
    if jobs <= 1 or len(paths) < 2 or not fork_available():
        for path in paths:
            yield _screened(screener, path, max_bytes, timeout, render)
        return
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _SHARED_SCREEN
    _warm_up(screener)
    _SHARED_SCREEN = (screener, max_bytes, timeout, render)
    _freeze_heap()
    done = 0
    executor = ProcessPoolExecutor(min(jobs, len(paths)), mp_context=multiprocessing.get_context("fork"),
                                   initializer=signal.signal, initargs=(signal.SIGINT, signal.SIG_IGN))
    try:
        # Chunks of a few files: little overhead per file, and the workers finish together (a last chunk of many
        # files would leave one worker alone at the end).
        for result in executor.map(_screen_one, paths, chunksize=max(1, min(8, len(paths) // (32 * jobs)))):
            yield result
            done += 1
    except BrokenProcessPool:  # a worker died (e.g. a parser crash): the rest in this process, as before
        for path in paths[done:]:
            yield _screened(screener, path, max_bytes, timeout, render)
    finally:
        executor.shutdown(wait=False, cancel_futures=True)
        _SHARED_SCREEN = None
        gc.unfreeze()


class WorkerPool:
    """``jobs`` worker processes with one pipe each; see the module docstring."""

    def __init__(self, jobs: int, config: WorkerConfig, timeout: float, stagger: bool = False):
        import multiprocessing

        self.config = config
        self.timeout = timeout
        self.jobs = jobs
        self.spawned = 0
        self.info: dict | None = None
        if fork_available():
            # Build the screener (rules, dictionary, model) once here and fork the workers from it: they
            # start together, ready at once, and share those pages with this process (copy-on-write).
            self._ctx = multiprocessing.get_context("fork")
            built = build_screener(config)
            _warm_up(built[0])
            share_with_forked_workers(built)
            stagger = False
        else:
            self._ctx = multiprocessing.get_context("spawn")
        self.workers: list[_Worker] = [self._spawn() for _ in range(1 if stagger else jobs)]

    def _spawn(self) -> _Worker:
        self.spawned += 1
        if self.info is None and self.spawned > 3 * self.jobs + 3:
            raise RuntimeError("审查进程反复启动失败，已停止。")
        parent, child = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(target=_worker_main, args=(child, self.config), daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent)

    def wait_ready(self) -> dict:
        """Block until the first worker is ready; returns its versions and note."""
        from multiprocessing.connection import wait

        while self.info is None:
            alive = [w for w in self.workers if w.process.is_alive() or w.conn.poll()]
            if not alive:
                raise RuntimeError("审查进程启动失败。")
            for conn in wait([w.conn for w in alive], timeout=1.0):
                self._handle(self._by_conn(conn), None)
        while len(self.workers) < self.jobs:
            self.workers.append(self._spawn())
        return self.info

    def _by_conn(self, conn) -> _Worker:
        return next(w for w in self.workers if w.conn is conn)

    @property
    def in_flight(self) -> int:
        return sum(len(w.queue) for w in self.workers)

    def free_slots(self) -> list[_Worker]:
        return [w for w in self.workers if w.ready and len(w.queue) < PREFETCH]

    def send(self, worker: _Worker, task: FileTask) -> None:
        if not worker.queue:
            worker.head_since = time.monotonic()
        worker.queue.append(task)
        worker.conn.send(task)

    def poll(self, retry: deque, max_wait: float) -> list[dict]:
        """Wait up to ``max_wait`` seconds for results; returns payloads (including timeouts and
        crashes).  Files a lost worker still held go to ``retry``."""
        from multiprocessing.connection import wait

        now = time.monotonic()
        deadlines = [w.head_since + self.timeout for w in self.workers if w.queue]
        wait_for = max(0.0, min([max_wait, *[d - now for d in deadlines]]))
        objects = [w.conn for w in self.workers] + [w.process.sentinel for w in self.workers]
        payloads: list[dict] = []
        for obj in wait(objects, timeout=wait_for):
            worker = next((w for w in self.workers if w.conn is obj or w.process.sentinel is obj), None)
            if worker is None:
                continue
            self._handle(worker, payloads, retry)
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.queue and now - worker.head_since > self.timeout and worker.ready:
                task = worker.queue.popleft()
                self._replace(worker, retry)
                payloads.append(failure_payload(
                    task, "timeout", f"{Path(task.path).name}：处理超时（>{self.timeout:g} 秒），未审查。",
                    self.config, self.info["ruleset_version"], self.info["model_version"], self.timeout))
        return payloads

    def _handle(self, worker: _Worker, payloads: list[dict] | None, retry: deque | None = None) -> None:
        while True:
            try:
                if not worker.conn.poll():
                    break
                message = worker.conn.recv()
            except (EOFError, OSError):
                message = None
            if message is None:
                break
            kind, body = message
            if kind == "ready":
                worker.ready = True
                if self.info is None:
                    self.info = body
            elif kind == "rules":
                from reviewer.detect.rulebook import Problem, RuleFileError

                raise RuleFileError([Problem(**p) for p in body])
            elif kind == "failed":
                raise RuntimeError(f"审查进程初始化失败：{body}")
            elif kind == "result" and payloads is not None:
                worker.queue.popleft()
                worker.head_since = time.monotonic()
                payloads.append(body)
        if not worker.process.is_alive() and worker in self.workers:
            # The process died (e.g. a crash in a parser): its current file is recorded, the rest resent.
            if worker.queue and payloads is not None:
                task = worker.queue.popleft()
                payloads.append(failure_payload(
                    task, "error", f"{Path(task.path).name}：处理该文件时审查进程异常退出，未审查。",
                    self.config, self.info["ruleset_version"], self.info["model_version"]))
            self._replace(worker, retry)

    def _replace(self, worker: _Worker, retry: deque | None) -> None:
        if retry is not None:
            retry.extendleft(reversed(worker.queue))
        worker.queue.clear()
        self._kill(worker)
        index = self.workers.index(worker)
        self.workers[index] = self._spawn()

    @staticmethod
    def _kill(worker: _Worker) -> None:
        process = worker.process
        if process.is_alive():
            process.kill()
        process.join(timeout=5)
        worker.conn.close()

    def close(self, *, graceful: bool) -> None:
        global _PREBUILT
        if _PREBUILT is not None:
            import gc

            _PREBUILT = None
            gc.unfreeze()
        for worker in self.workers:
            if graceful and worker.ready and worker.process.is_alive():
                try:
                    worker.conn.send(None)
                except OSError:
                    pass
        for worker in self.workers:
            if graceful and worker.ready:
                worker.process.join(timeout=5)
            self._kill(worker)


# --------------------------------------------------------------------------------------------------
# the run


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


def _stat(path: str) -> tuple[int | None, float | None]:
    try:
        info = os.stat(path)
    except OSError:
        return None, None
    if not stat.S_ISREG(info.st_mode):
        return None, None
    return info.st_size, info.st_mtime


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
            screener, info = build_screener(config)
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


class _InProcess:
    """jobs=1: screen in this process; the per-file timeout uses SIGALRM where available."""

    def __init__(self, screener, config: WorkerConfig, timeout: float, facts: dict):
        self.screener = screener
        self.facts = facts
        self.config = config
        self.timeout = timeout
        self.alarm = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        self.active = False

    def _on_alarm(self, signum, frame) -> None:
        if self.active:
            raise _FileTimeout

    def screen(self, task: FileTask) -> dict:
        if not self.alarm:
            return screen_file(self.screener, task, self.config, self.facts)
        previous = signal.signal(signal.SIGALRM, self._on_alarm)
        self.active = True
        signal.setitimer(signal.ITIMER_REAL, self.timeout)
        try:
            payload = screen_file(self.screener, task, self.config, self.facts)
            self.active = False
            return payload
        except _FileTimeout:
            return failure_payload(task, "timeout", f"{Path(task.path).name}：处理超时（>{self.timeout:g} 秒），未审查。",
                                   self.config, self.facts["ruleset_version"], self.facts["model_version"],
                                   self.timeout)
        finally:
            self.active = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


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


def screen_path_with_timeout(screener, path, max_bytes: int, timeout: float | None):
    """``screener.screen_path`` with a per-file time limit (SIGALRM, main thread only; no limit elsewhere
    or when ``timeout`` is None).  A file over the limit comes back ``timeout`` / ``review``, never clean."""
    if not timeout or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return screener.screen_path(path, max_bytes=max_bytes)
    from reviewer.load.common import shown
    from reviewer.screen.screening import ScreenResult

    def on_alarm(signum, frame):
        raise _FileTimeout

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return screener.screen_path(path, max_bytes=max_bytes)
    except _FileTimeout:
        name = shown(Path(path).name)
        return ScreenResult(path=shown(str(path)), status="timeout", error=f"{name}：处理超时（>{timeout:g} 秒），未审查。",
                            chars=0, verdict="review", kind=_suffix_kind(str(path)))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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
