"""Batch screening on Dask distributed — the same per-file work, ledger and reports as the local pool.

The client (this process) walks the inputs, keeps the ledger and writes the reports exactly as the
local engine does (:func:`reviewer.batch.runner.run_batch`); only the screening itself runs on the
cluster.  Each Dask worker holds ONE screening child process (:mod:`reviewer.batch.dask_child`; a worker
plugin starts it once, with rules, jieba and the model loaded once) so that the per-file timeout can kill
a stuck file without killing the worker.  Tasks are batches of files (about :data:`BATCH_SECONDS` of
screening each unless ``batch_files`` is given); results stream back to the ledger as each batch
finishes and at most ``pending`` batches are in flight, so memory does not grow with the archive.

Cheap per file: the child sends finished payloads to its worker in pickled chunks, the worker hands the
chunks to Dask as ONE bytes object without unpickling them, and only the client unpickles — so the
worker's event loop does a few small things per batch, not per file (see ``bench/bench_dask.py``).

Faults: a worker that dies loses nothing — Dask reschedules its batches on another worker and the
ledger is keyed by path, so a retried file is recorded once.  A batch that still fails (Dask gives
up after ``distributed.scheduler.allowed-failures`` deaths) records each of its files as ``error``
with the reason, and the run goes on.

Dask is optional: ``pip install 'reviewer[dask]'``.  Workers need the same reviewer installation and
must see the input files and the report folder (for redacted copies) at the same paths.
"""

from __future__ import annotations

import pickle
import time
from collections.abc import Callable
from pathlib import Path

from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from reviewer.batch.dask_child import ScreeningChild, unpack
from reviewer.batch.filework import FileTask, WorkerConfig, failure_payload

PLUGIN_NAME = "reviewer-screening"  # + "-" + run id: runs sharing a cluster never share a child
STALE_SECONDS = 600.0  # a child no run has used for this long is closed when another run starts
PAUSED_CALLBACKS = ("profile", "profile-cycle")
# Files per task, when --batch-files is not given: the first tasks hold FIRST_BATCH_FILES, later ones
# about BATCH_SECONDS of screening (measured on the finished tasks), so the scheduling cost per file stays
# small with or without the model while a worker's last task (the idle tail of a run) stays short.
FIRST_BATCH_FILES = 32
BATCH_SECONDS = 0.3
BATCH_FILES_RANGE = (8, 1024)


class ScreeningPlugin(WorkerPlugin):
    """Starts the worker's screening child once (rules, jieba, model loaded once per worker)."""

    def __init__(self, config: WorkerConfig, timeout: float):
        self.name = plugin_name(config)
        self.config = config
        self.timeout = timeout
        self.child: ScreeningChild | None = None
        self.used = time.monotonic()
        self.paused: list = []

    def setup(self, worker) -> None:
        self.child = None  # started on the first task, so a broken rule file surfaces as a task error
        # The worker's statistical profiler samples the task thread 100 times a second on the event
        # loop; here that thread only waits for the child, so the samples are worthless: paused while
        # the plugin is registered (restarted by teardown).
        self.paused = [pc for name, pc in worker.periodic_callbacks.items()
                       if name in PAUSED_CALLBACKS and pc.is_running()]
        for pc in self.paused:
            pc.stop()

    def get(self) -> ScreeningChild:
        self.used = time.monotonic()
        if self.child is None:
            self.child = ScreeningChild(self.config, self.timeout)
        return self.child

    def teardown(self, worker) -> None:
        if self.child is not None:
            self.child.close()
            self.child = None
        others = [p for p in worker.plugins.values() if isinstance(p, ScreeningPlugin) and p is not self]
        if others:  # another run still screens here: it restarts the profiler when it ends
            others[0].paused.extend(self.paused)
        else:
            for pc in self.paused:
                pc.start()
        self.paused = []


def plugin_name(config: WorkerConfig) -> str:
    return f"{PLUGIN_NAME}-{config.run_id}"


def _plugin(name: str) -> ScreeningPlugin:
    return get_worker().plugins[name]


def worker_facts(name: str) -> dict:
    """Run on a worker: the rule-set and model versions its screening child uses."""
    return dict(_plugin(name).get().facts or {})


def close_stale_children(keep: str, idle: float = STALE_SECONDS, dask_worker=None) -> int:
    """Run on every worker (``client.run``): close the screening children of other runs unused for ``idle``
    seconds (left by a client that was killed); returns how many were closed."""
    closed = 0
    for name, plugin in list((dask_worker or get_worker()).plugins.items()):
        if (name.startswith(PLUGIN_NAME) and name != keep and isinstance(plugin, ScreeningPlugin)
                and plugin.child is not None and time.monotonic() - plugin.used > idle):
            plugin.child.close()
            plugin.child = None
            closed += 1
    return closed


def screen_batch(name: str, tasks: list[FileTask]) -> bytes:
    """Run on a worker: the ledger payloads of a batch of files (never raises for a bad file), pickled
    into ONE bytes object (chunks pickled by the child, never unpickled here) — Dask then sends a single
    frame instead of serialising every payload apart, which cost the worker more than the rest of the task."""
    return pickle.dumps(_plugin(name).get().screen(tasks), protocol=pickle.HIGHEST_PROTOCOL)


class DaskEngine:
    """Drives a run on a Dask cluster; used by :func:`reviewer.batch.runner.run_batch` in place of
    the local :class:`~reviewer.batch.pool.WorkerPool`."""

    drives_itself = True

    def __init__(self, config: WorkerConfig, timeout: float, *, jobs: int, scheduler: str | None = None,
                 batch_files: int | None = None, pending: int | None = None):
        import dask

        self.config = config
        self.timeout = timeout
        self.fixed = batch_files is not None  # else sized by BATCH_SECONDS
        self.batch_files = max(1, batch_files) if batch_files is not None else FIRST_BATCH_FILES
        self.per_file: float | None = None  # seconds of screening per file, as measured so far
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
        self.plugin = plugin_name(config)
        self.client.register_plugin(ScreeningPlugin(config, timeout), name=self.plugin)
        try:  # best effort: a worker that does not answer keeps its stale child
            self.client.run(close_stale_children, self.plugin, on_error="ignore")
        except Exception:  # noqa: BLE001
            pass
        workers = max(1, len(self.client.scheduler_info().get("workers", {})) or jobs)
        self.pending = pending or 2 * workers
        self.info: dict | None = None
        self.warming: list = []  # start-up tasks, kept until the run ends

    def wait_ready(self) -> dict:
        """Start every worker's screening child at once (not one by one with the first batches) and return
        the facts of the first one ready; a broken rule file raises here, as with the local engine."""
        workers = list(self.client.scheduler_info().get("workers", {})) or [None]
        self.warming = [self.client.submit(worker_facts, self.plugin, workers=None if w is None else [w],
                                           allow_other_workers=True, pure=False) for w in workers]
        self.info = next(iter(as_completed(self.warming, loop=self.client.loop))).result()
        return self.info

    def drive(self, next_task: Callable[[], FileTask | None], record: Callable[[dict], None], flag) -> None:
        """Submit batches as slots free up; record every payload as its batch finishes."""
        futures = as_completed(loop=self.client.loop)  # not the default client's: another run may own it
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
            future = self.client.submit(screen_batch, self.plugin, batch, pure=False)
            batches[future.key] = batch
            futures.add(future)
            return True

        while in_flight < self.pending and not flag.stop and submit_one():
            in_flight += 1
        for future in futures:
            in_flight -= 1
            batch = batches.pop(future.key)
            try:
                payloads = unpack(pickle.loads(future.result()))
            except Exception as exc:  # noqa: BLE001 - e.g. KilledWorker after repeated deaths
                info = self.info or {}
                payloads = [failure_payload(task, "error",
                                            f"{Path(task.path).name}：分布式任务失败（{type(exc).__name__}），未审查。",
                                            self.config, info.get("ruleset_version", ""), info.get("model_version"))
                            for task in batch]
            future.release()
            self._measure(payloads)
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

    def _measure(self, payloads: list[dict]) -> None:
        """Update the seconds per file and, unless fixed, the files per task."""
        times = [p["elapsed"] for p in payloads if p["status"] == "ok"]
        if not times:
            return
        mean = sum(times) / len(times)
        self.per_file = mean if self.per_file is None else 0.7 * self.per_file + 0.3 * mean
        if not self.fixed:
            low, high = BATCH_FILES_RANGE
            self.batch_files = min(high, max(low, round(BATCH_SECONDS / max(self.per_file, 1e-6))))

    def close(self, *, graceful: bool) -> None:
        self.warming = []
        try:
            self.client.unregister_worker_plugin(self.plugin)
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
