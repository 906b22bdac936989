"""Batch screening on Dask distributed — the same per-file work, ledger and reports as the local pool.

The client (this process) walks the inputs, keeps the ledger and writes the reports exactly as the
local engine does (:func:`reviewer.batch.runner.run_batch`); only the screening itself runs on the
cluster.  Each Dask worker holds ONE screening child process (a worker plugin starts it once, with
rules, jieba and the model loaded once) so that the per-file timeout can kill a stuck file without
killing the worker.  Tasks are batches of files; results stream back to the ledger as each batch
finishes and at most ``pending`` batches are in flight, so memory does not grow with the archive.

Faults: a worker that dies loses nothing — Dask reschedules its batches on another worker and the
ledger is keyed by path, so a retried file is recorded once.  A batch that still fails (Dask gives
up after ``distributed.scheduler.allowed-failures`` deaths) records each of its files as ``error``
with the reason, and the run goes on.

Dask is optional: ``pip install 'reviewer[dask]'``.  Workers need the same reviewer installation and
must see the input files and the report folder (for redacted copies) at the same paths.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from reviewer.batch.runner import FileTask, WorkerConfig, _worker_main, failure_payload

PLUGIN_NAME = "reviewer-screening"
DEFAULT_BATCH_FILES = 64


class _Child:
    """One screening process with a pipe; replaced when a file times out or the process dies."""

    def __init__(self, config: WorkerConfig, timeout: float):
        import multiprocessing

        self._ctx = multiprocessing.get_context("spawn")
        self.config = config
        self.timeout = timeout
        self.facts: dict | None = None
        self._start()

    def _start(self) -> None:
        parent, child = self._ctx.Pipe(duplex=True)
        self.process = self._ctx.Process(target=_worker_main, args=(child, self.config), daemon=False)
        self.process.start()
        child.close()
        self.conn = parent
        kind, body = self.conn.recv()
        if kind == "ready":
            self.facts = body
            return
        self.close()
        if kind == "rules":
            from reviewer.detect.rulebook import Problem, RuleFileError

            raise RuleFileError([Problem(**p) for p in body])
        raise RuntimeError(f"审查进程初始化失败：{body}")

    def screen(self, task: FileTask) -> dict:
        facts = self.facts or {}
        try:
            self.conn.send(task)
            if self.conn.poll(self.timeout):
                kind, body = self.conn.recv()
                if kind == "result":
                    return body
            status, reason = "timeout", f"处理超时（>{self.timeout:g} 秒），未审查。"
        except (EOFError, OSError):
            status, reason = "error", "处理该文件时审查进程异常退出，未审查。"
        if self.process.is_alive() is False and status == "timeout":
            status, reason = "error", "处理该文件时审查进程异常退出，未审查。"
        self.close()
        self._start()
        return failure_payload(task, status, f"{Path(task.path).name}：{reason}", self.config,
                               facts.get("ruleset_version", ""), facts.get("model_version"),
                               self.timeout if status == "timeout" else 0.0)

    def close(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(timeout=2)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(timeout=5)
        self.conn.close()


class ScreeningPlugin(WorkerPlugin):
    """Starts the worker's screening child once (rules, jieba, model loaded once per worker)."""

    name = PLUGIN_NAME

    def __init__(self, config: WorkerConfig, timeout: float):
        self.config = config
        self.timeout = timeout
        self.child: _Child | None = None

    def setup(self, worker) -> None:
        self.child = None  # started on the first task, so a broken rule file surfaces as a task error

    def get(self) -> _Child:
        if self.child is None:
            self.child = _Child(self.config, self.timeout)
        return self.child

    def teardown(self, worker) -> None:
        if self.child is not None:
            self.child.close()
            self.child = None


def _plugin() -> ScreeningPlugin:
    return get_worker().plugins[PLUGIN_NAME]


def worker_facts() -> dict:
    """Run on a worker: the rule-set and model versions its screening child uses."""
    return dict(_plugin().get().facts or {})


def screen_batch(tasks: list[FileTask]) -> list[dict]:
    """Run on a worker: the ledger payloads of a batch of files (never raises for a bad file)."""
    child = _plugin().get()
    return [child.screen(task) for task in tasks]


class DaskEngine:
    """Drives a run on a Dask cluster; used by :func:`reviewer.batch.runner.run_batch` in place of
    the local :class:`~reviewer.batch.runner.WorkerPool`."""

    drives_itself = True

    def __init__(self, config: WorkerConfig, timeout: float, *, jobs: int, scheduler: str | None = None,
                 batch_files: int = DEFAULT_BATCH_FILES, pending: int | None = None):
        import dask

        self.config = config
        self.timeout = timeout
        self.batch_files = max(1, batch_files)
        self.cluster = None
        # Worker processes must be allowed children (the screening child that enforces the timeout).
        dask.config.set({"distributed.worker.daemon": False})
        try:
            if scheduler:
                self.client = Client(scheduler, timeout="30s")
            else:
                self.cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                                            dashboard_address=None, host="127.0.0.1")
                self.client = Client(self.cluster)
        except OSError as exc:
            self._close_cluster()
            raise ValueError(f"无法连接 Dask 调度器 {scheduler or '（本机集群）'}：{exc}") from exc
        self.client.register_plugin(ScreeningPlugin(config, timeout), name=PLUGIN_NAME)
        workers = max(1, len(self.client.scheduler_info().get("workers", {})) or jobs)
        self.pending = pending or 2 * workers
        self.info: dict | None = None

    def wait_ready(self) -> dict:
        self.info = self.client.submit(worker_facts, pure=False).result()
        return self.info

    def drive(self, next_task: Callable[[], FileTask | None], record: Callable[[dict], None], flag) -> None:
        """Submit batches as slots free up; record every payload as its batch finishes."""
        futures = as_completed()
        batches: dict = {}
        in_flight = 0
        exhausted = False

        def submit_one() -> bool:
            batch: list[FileTask] = []
            while len(batch) < self.batch_files:
                task = next_task()
                if task is None:
                    break
                batch.append(task)
            if not batch:
                return False
            future = self.client.submit(screen_batch, batch, pure=False)
            batches[future.key] = batch
            futures.add(future)
            return True

        while in_flight < self.pending and not flag.stop and submit_one():
            in_flight += 1
        for future in futures:
            in_flight -= 1
            batch = batches.pop(future.key)
            try:
                payloads = future.result()
            except Exception as exc:  # noqa: BLE001 - e.g. KilledWorker after repeated deaths
                info = self.info or {}
                payloads = [failure_payload(task, "error",
                                            f"{Path(task.path).name}：分布式任务失败（{type(exc).__name__}），未审查。",
                                            self.config, info.get("ruleset_version", ""), info.get("model_version"))
                            for task in batch]
            future.release()
            for payload in payloads:
                record(payload)
            if flag.stop:
                exhausted = True
            while not exhausted and in_flight < self.pending:
                if not submit_one():
                    exhausted = True
                    break
                in_flight += 1
        if flag.stop:
            for future in list(futures.futures):
                future.cancel()

    def close(self, *, graceful: bool) -> None:
        try:
            self.client.unregister_worker_plugin(PLUGIN_NAME)
        except Exception:  # noqa: BLE001 - the cluster may already be gone
            pass
        self.client.close()
        self._close_cluster()

    def _close_cluster(self) -> None:
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None


def wait_for_workers(client: Client, n: int, timeout: float = 60.0) -> None:
    """Block until ``n`` workers are connected (used by tests and the benchmark)."""
    deadline = time.monotonic() + timeout
    while len(client.scheduler_info().get("workers", {})) < n:
        if time.monotonic() > deadline:
            raise RuntimeError(f"等待 {n} 个 Dask 工作进程超时。")
        time.sleep(0.1)
