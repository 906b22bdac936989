"""Worker processes for batch screening.

:class:`WorkerPool` (used by :func:`reviewer.batch.runner.run_batch`): ``jobs`` processes with one pipe each and
at most ``PREFETCH`` files queued, so the parent knows which file each worker is on and since when (a worker
stuck past the per-file limit is killed and replaced; one that dies is replaced and its file recorded).
Where fork is available the screener is built once in the parent and the workers are forked from it.
:func:`screen_paths` is the simpler pool the façade uses for a handful of paths.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.batch import filework
from reviewer.batch.filework import (
    FileTask,
    WorkerConfig,
    failure_payload,
    screen_file,
    screen_path_with_timeout,
)

PREFETCH = 2  # files queued per worker (the one it is on + the next)


def worker_start(conn, config: WorkerConfig) -> tuple | None:
    """In a worker process: build the screener once (or use the one inherited from the parent through
    fork) and tell the parent ("ready", facts); on failure tell it why ("rules"/"failed") and return None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    try:
        screener, facts = _PREBUILT if _PREBUILT is not None else filework.build_screener(config)
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
            built = filework.build_screener(config)
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
