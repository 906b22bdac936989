"""Workers of a batch whose parent process is killed (SIGKILL, out of memory) exit on their own instead of
waiting forever for files."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from test_batch import rules_dir, small_tree, start_run, wait_for_rows  # noqa: F401 - rules_dir is a fixture


def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_leave_when_the_parent_is_killed(tmp_path, rules_dir):  # noqa: F811
    if not Path("/proc/self/task").is_dir():
        import pytest

        pytest.skip("needs /proc")
    src, out = tmp_path / "src", tmp_path / "out"
    small_tree(src, 12)
    proc = start_run(src, out, slow=0.4, jobs=2, rules=rules_dir)
    try:
        wait_for_rows(out, proc, 2)
        workers = _children(proc.pid)
        assert len(workers) == 2
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.2)
    left = [w for w in workers if _alive(w)]
    for pid in left:  # do not leave them behind even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert not left
