"""The screening child of a Dask worker: one spawned process that screens the worker's batches, so that
a file over the per-file time limit (or one a parser crashes on) can be killed without killing the
worker.  Kept apart from :mod:`reviewer.batch.dask_engine` so that the child does not import Dask.

The worker sends a whole batch at once.  The child screens its files in order and sends the finished
payloads in chunks (about every :data:`FLUSH` seconds and at the end of the batch), already pickled: the
worker passes them on to the client as they are, never unpickling a payload.  Which file the child is on
and since when is in shared memory (``clock``), so the worker checks the per-file limit without a
message per file: a file over the limit is recorded ``timeout``, a file the child dies on ``error`` —
the same records as the local pool — and the child is replaced.  Files it had finished but not yet sent
are screened again by the new child (at most :data:`FLUSH` seconds of work).
"""

from __future__ import annotations

import os
import pickle
import time
from collections import deque
from pathlib import Path

from reviewer.batch.filework import FileTask, WorkerConfig, failure_payload, screen_file
from reviewer.batch.pool import worker_start

FLUSH = 0.05  # seconds of finished files the child holds before sending them
CHECK = 0.5  # longest the worker waits without looking at the clock
START_TIMEOUT = 180.0  # seconds a child may take to import, load the rules and the model before it is replaced
START_ATTEMPTS = 3  # a child that dies or hangs while starting is replaced this many times in all
# Tests only: a file path; the first child to find the file removes it and dies while starting.
START_CRASH_ENV = "REVIEWER_TEST_CHILD_START_CRASH"


def _crash_once_for_tests() -> None:
    marker = os.environ.get(START_CRASH_ENV)
    if marker:
        try:
            os.remove(marker)
        except OSError:
            return
        os._exit(70)


def _child_main(conn, config: WorkerConfig, clock) -> None:
    """The screening child: start once, then screen each list of files sent on ``conn`` in order.
    ``clock`` = [files started by this process, when the current one started (``time.monotonic``)]."""
    _crash_once_for_tests()
    started = worker_start(conn, config)
    if started is None:
        return
    screener, facts = started
    while True:
        try:
            tasks = conn.recv()
        except (EOFError, OSError):
            return
        if tasks is None:
            return
        chunk: list[dict] = []
        sent = time.monotonic()
        for number, task in enumerate(tasks, 1):
            clock[1] = time.monotonic()  # the time first: the worker reads the count first
            clock[0] += 1
            chunk.append(screen_file(screener, task, config, facts))
            if number == len(tasks) or time.monotonic() - sent >= FLUSH:
                try:
                    conn.send((len(chunk), pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL)))
                except OSError:
                    return
                chunk, sent = [], time.monotonic()


def unpack(parts: list[bytes]) -> list[dict]:
    """The payloads in what :meth:`ScreeningChild.screen` returned (on the client)."""
    return [payload for part in parts for payload in pickle.loads(part)]


class ScreeningChild:
    """One screening process with a pipe; replaced when a file times out or the process dies."""

    def __init__(self, config: WorkerConfig, timeout: float):
        import multiprocessing

        self._ctx = multiprocessing.get_context("spawn")
        self.config = config
        self.timeout = timeout
        self.facts: dict | None = None
        self._start()

    def _start(self) -> None:
        """Start a child and wait for its "ready".  A child that dies or hangs while starting (killed, out of
        memory, a stuck import) is replaced — no file was sent to it, so none is lost — up to
        :data:`START_ATTEMPTS` children in all; a rules or model error is reported at once."""
        why = ""
        for _attempt in range(START_ATTEMPTS):
            parent, child = self._ctx.Pipe(duplex=True)
            self.clock = self._ctx.RawArray("d", 2)
            self.done = 0  # payloads received from this process
            self.process = self._ctx.Process(target=_child_main, args=(child, self.config, self.clock), daemon=False)
            self.process.start()
            child.close()
            self.conn = parent
            try:
                if not self.conn.poll(START_TIMEOUT):
                    raise TimeoutError
                kind, body = self.conn.recv()
            except TimeoutError:
                why = f"启动超过 {START_TIMEOUT:g} 秒"
                self._kill()
                continue
            except (EOFError, OSError):
                self.process.join(timeout=5)
                why = f"启动时异常退出（退出码 {self.process.exitcode}）"
                self._kill()
                continue
            if kind == "ready":
                self.facts = body
                return
            self.close()
            if kind == "rules":
                from reviewer.detect.rulebook import Problem, RuleFileError

                raise RuleFileError([Problem(**p) for p in body])
            raise RuntimeError(f"审查进程初始化失败：{body}")
        raise RuntimeError(f"审查进程连续 {START_ATTEMPTS} 次未能启动（最后一次{why}）。")

    def screen(self, tasks: list[FileTask]) -> list[bytes]:
        """Every payload of ``tasks``, as pickled chunks (see :func:`unpack`).  A file over the time limit,
        or one the child dies on, gets a failure payload (``timeout`` / ``error``); the child is replaced
        and the other files go on."""
        parts: list[bytes] = []
        queue = deque(tasks)
        while queue:
            try:
                self.conn.send(list(queue))
            except OSError:
                pass  # the child is gone: _collect records its file and replaces it
            self._collect(queue, parts)
        return parts

    def _collect(self, queue: deque, parts: list[bytes]) -> None:
        """Collect chunks until ``queue`` (the files sent, in order) is empty, or until one file failed:
        then its failure payload is added, the child replaced, and ``queue`` keeps the files to send again."""
        from multiprocessing.connection import wait

        while queue:
            alive = self._drain(queue, parts)
            if not queue:
                return
            started = int(self.clock[0])  # read before the time (the child writes it after)
            since = self.clock[1]
            current = started - 1 - self.done  # index in queue of the file the child is on, if any
            now = time.monotonic()
            if not alive or not self.process.is_alive():
                if alive and self._drain(queue, parts) and not queue:
                    return  # it sent its last files and exited
                self._failed(queue, min(max(0, current), len(queue) - 1), "error", parts)
                return
            if 0 <= current < len(queue) and now - since >= self.timeout:
                if self.conn.poll():
                    continue  # finished just now
                self._failed(queue, current, "timeout", parts)
                return
            limit = since + self.timeout - now if 0 <= current < len(queue) else CHECK
            wait([self.conn, self.process.sentinel], timeout=max(0.0, min(CHECK, limit)))

    def _drain(self, queue: deque, parts: list[bytes]) -> bool:
        """Take every chunk waiting on the pipe; False when the pipe is closed."""
        try:
            while self.conn.poll():
                count, part = self.conn.recv()
                parts.append(part)
                self.done += count
                for _ in range(count):
                    queue.popleft()
        except (EOFError, OSError):
            return False
        return True

    def _failed(self, queue: deque, index: int, status: str, parts: list[bytes]) -> None:
        """Record queue[index] as ``status``, replace the child; the files before it (finished, not sent)
        and after it stay in ``queue``."""
        task = queue[index]
        del queue[index]
        facts = self.facts or {}
        if status == "timeout":
            reason = f"处理超时（>{self.timeout:g} 秒），未审查。"
        else:
            reason = "处理该文件时审查进程异常退出，未审查。"
        self._kill()
        self._start()
        payload = failure_payload(task, status, f"{Path(task.path).name}：{reason}", self.config,
                                  facts.get("ruleset_version", ""), facts.get("model_version"),
                                  self.timeout if status == "timeout" else 0.0)
        parts.append(pickle.dumps([payload], protocol=pickle.HIGHEST_PROTOCOL))

    def _kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()

    def close(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.process.join(timeout=2)
        self._kill()
