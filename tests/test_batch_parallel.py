"""--jobs N runs N processes for every multi-file screen (with or without --out); workers are forked
from a parent that loaded the rules, dictionary and model once, so they start together and share them."""

from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from reviewer.batch import filework, runner
from reviewer.batch.runner import fork_available, run_batch, screen_paths

pytestmark = pytest.mark.skipif(not fork_available(), reason="workers are forked only where fork exists")

DOCS = {
    "01-通知.txt": "关于开展安全生产检查的通知。各单位要认真落实。",
    "02-纪要.txt": "会议纪要：会议认为方案需进一步研究，讨论稿请勿外传。",
    "03-信访.txt": "信访人李某反映噪音扰民，身份证号码见附件。",
    "04-公告.txt": "现将本年度预算公开如下。",
}


class _PidScreener:
    """Stands in for a Screener: reports which process screened which file."""

    def screen_path(self, path, max_bytes=None):
        import time

        time.sleep(0.05)  # long enough that both workers get files
        return (os.path.basename(path), os.getpid())


def test_screen_paths_uses_the_requested_processes_and_keeps_order(tmp_path):
    paths = []
    for i in range(24):
        path = tmp_path / f"{i:02d}.txt"
        path.write_text("x", encoding="utf-8")
        paths.append(path)
    one = list(screen_paths(_PidScreener(), paths, 1, 1000))
    two = list(screen_paths(_PidScreener(), paths, 2, 1000))
    assert [name for name, _ in two] == [p.name for p in paths] == [name for name, _ in one]
    assert {pid for _, pid in one} == {os.getpid()}
    workers = {pid for _, pid in two}
    assert len(workers) == 2 and os.getpid() not in workers


def _docs(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name, text in DOCS.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


def test_screen_without_out_gives_the_same_output_with_two_jobs(tmp_path):
    from reviewer.cli.app import app

    src = _docs(tmp_path)
    cli = CliRunner()
    one = cli.invoke(app, ["screen", str(src), "--format", "jsonl", "--no-model"])
    two = cli.invoke(app, ["screen", str(src), "--format", "jsonl", "--no-model", "--jobs", "2"])
    assert one.exit_code == two.exit_code and one.exit_code in (0, 1), one.output
    lines = [json.loads(line) for line in two.stdout.splitlines() if line.strip()]
    assert len(lines) == len(DOCS)
    assert one.stdout == two.stdout


def test_batch_workers_are_forked_from_one_loaded_screener(tmp_path, monkeypatch):
    src = _docs(tmp_path)
    log = tmp_path / "built.log"  # a file: a worker building its own screener would show up here too
    original = filework.build_screener

    def counting(config):
        with log.open("a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n")
        return original(config)

    monkeypatch.setattr(filework, "build_screener", counting)
    summary = run_batch([src], tmp_path / "out", jobs=2, progress=False)
    assert summary.files == len(DOCS) and not summary.bad
    assert log.read_text(encoding="utf-8").split() == [str(os.getpid())]  # once, in the parent
    single = run_batch([src], tmp_path / "out1", jobs=1, progress=False)
    assert single.by_verdict == summary.by_verdict


class _CrashingScreener:
    """Kills the worker process on one file; screens normally in the parent."""

    def __init__(self) -> None:
        self.parent = os.getpid()

    def screen_path(self, path, max_bytes=None):
        if os.path.basename(path) == "05.txt" and os.getpid() != self.parent:
            os._exit(3)
        return os.path.basename(path)


def test_a_dying_worker_does_not_hang_or_lose_files(tmp_path):
    paths = []
    for i in range(12):
        path = tmp_path / f"{i:02d}.txt"
        path.write_text("x", encoding="utf-8")
        paths.append(path)
    assert list(screen_paths(_CrashingScreener(), paths, 2, 1000)) == [p.name for p in paths]


def test_screen_paths_renders_in_the_workers_when_asked(tmp_path):
    """With ``render``, each file comes back as its verdict and rendered output (rendered by the worker that
    screened it), in order; a crashed worker's files are rendered here."""
    paths = []
    for i in range(24):
        path = tmp_path / f"{i:02d}.txt"
        path.write_text("x", encoding="utf-8")
        paths.append(path)

    class _Result:
        def __init__(self, name):
            self.verdict = "clean"
            self.name = name

    class _Screener:
        def screen_path(self, path, max_bytes=None):
            import time

            time.sleep(0.02)
            return _Result(os.path.basename(path))

    def render(result):
        return f"{result.name}@{os.getpid()}"

    two = list(screen_paths(_Screener(), paths, 2, 1000, render=render))
    assert [r.output.split("@")[0] for r in two] == [p.name for p in paths]
    assert all(isinstance(r, runner.Rendered) and r.verdict == "clean" for r in two)
    pids = {int(r.output.split("@")[1]) for r in two}
    assert len(pids) == 2 and os.getpid() not in pids
    one = list(screen_paths(_Screener(), paths, 1, 1000, render=render))
    assert {r.output.split("@")[1] for r in one} == {str(os.getpid())}


@pytest.mark.parametrize("fmt", ["text", "csv", "jsonl", "json"])
def test_every_format_gives_the_same_output_with_two_jobs(tmp_path, fmt):
    from reviewer.cli.app import app

    src = _docs(tmp_path)
    for i in range(8):  # more files than the two workers' first chunks
        (src / f"1{i}-加.txt").write_text(f"联系人：王小明，身份证号码110101199003074578，第{i}份讨论稿。", encoding="utf-8")
    cli = CliRunner()
    one = cli.invoke(app, ["screen", str(src), "--format", fmt, "--no-model"])
    two = cli.invoke(app, ["screen", str(src), "--format", fmt, "--no-model", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 1, one.output
    assert one.stdout == two.stdout and "王*" in one.stdout
