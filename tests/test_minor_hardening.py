"""Minor hardening (issue 15): FIFOs are reported and never block a resumed run, truncated GB18030 is
not read as Shift-JIS, a non-UTF-8 file name prints on a strict UTF-8 stdout."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.batch.runner import run_batch
from reviewer.load.common import file_sha256, shown
from reviewer.load.textload import load_bytes

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_reported_and_does_not_block_a_resumed_run(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("示例市城镇老旧小区改造资金管理办法。", encoding="utf-8")
    os.mkfifo(docs / "pipe.txt")
    assert file_sha256(docs / "pipe.txt") == ""  # returns at once, never waits for a writer
    out = tmp_path / "out"
    first = run_batch([docs], out, jobs=1, progress=False)
    assert first.files == 2 and first.bad == 1 and first.exit_code == 1
    again = run_batch([docs], out, jobs=1, resume=True, progress=False)
    assert again.files == 2
    assert "不是普通文件" in (out / "results.csv").read_text(encoding="utf-8-sig")


def test_truncated_gb18030_is_not_read_as_shift_jis():
    text = "关于印发示例市政府信息公开工作要点的通知"
    data = text.encode("gb18030")[:-1]  # cut inside the last character
    loaded = load_bytes(data, "通知.txt")
    assert loaded.status == "ok" and loaded.encoding == "gb18030"
    assert loaded.text == text[:-1]


def test_shown_escapes_undecodable_bytes():
    name = os.fsdecode("申请".encode("gbk") + b".txt")
    assert shown(name) == "\\xc9\\xea\\xc7\\xeb.txt"
    assert shown("普通.txt") == "普通.txt"


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that accepts any bytes in names")
def test_non_utf8_name_prints_on_a_strict_utf8_stdout(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / os.fsdecode("申请".encode("gbk") + b".txt")).write_text("电话13812345678。", encoding="utf-8")
    env = dict(os.environ, PYTHONIOENCODING="utf-8:strict", PYTHONUTF8="1")
    for fmt in ("text", "jsonl", "csv"):
        done = subprocess.run([sys.executable, "-m", "reviewer.cli.app", "screen", str(folder), "--no-model",
                               "--format", fmt], capture_output=True, env=env, cwd=ROOT, timeout=300)
        assert done.returncode == 1, done.stderr.decode("utf-8", "replace")
        assert re.search(rb"\\+xc9\\+xea\\+xc7\\+xeb\.txt", done.stdout), done.stdout[:300]


def test_per_file_timeout_applies_without_out_too(tmp_path):
    import time

    from reviewer.batch.runner import screen_path_with_timeout

    class Stuck:
        def screen_path(self, path, max_bytes=None):
            time.sleep(30)

    result = screen_path_with_timeout(Stuck(), tmp_path / "慢.txt", 1000, 0.2)
    assert result.status == "timeout" and result.verdict == "review" and "慢.txt" in result.error


def test_timeout_option_is_offered(tmp_path):
    from typer.testing import CliRunner

    from reviewer.cli.app import app

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("示例市城镇老旧小区改造资金管理办法。", encoding="utf-8")
    result = CliRunner().invoke(app, ["screen", str(docs), "--no-model", "--timeout", "60"])
    assert result.exit_code == 0, result.output
    batch = CliRunner().invoke(app, ["screen", str(docs), "--no-model", "--timeout", "0", "--out",
                                     str(tmp_path / "out"), "--jobs", "1"])
    assert batch.exit_code == 0, batch.output
