"""The Dask engine on a LocalCluster: same per-file results as the local engine, a killed worker
loses nothing, a killed client resumes, manifests, and bad arguments get Chinese errors.

Personal data in the generated tree comes from tests/test_batch.py (Faker zh_CN, check digits computed)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="Dask 未安装（pip install 'reviewer[dask]'）")

from distributed import Client, LocalCluster  # noqa: E402
from test_batch import build_tree, clean_text, ledger_rows, small_tree, snapshot  # noqa: E402

from reviewer.batch.dask_engine import close_stale_children, wait_for_workers  # noqa: E402
from reviewer.batch.manifest import iter_manifest  # noqa: E402
from reviewer.batch.runner import SLOW_ENV, SLOW_MATCH_ENV, run_batch  # noqa: E402

PROJECT = Path(__file__).resolve().parents[1]
COMPARED = ("rel", "status", "verdict", "n_info", "n_review", "n_withhold", "categories", "top_rules", "redacted")


@pytest.fixture(scope="module")
def cluster():
    import dask

    # Every file takes a little longer, so that a worker or the client can be killed mid-run.
    previous = os.environ.get(SLOW_ENV)
    os.environ[SLOW_ENV] = "0.1"
    dask.config.set({"distributed.worker.daemon": False})
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as local, Client(local) as client:
        wait_for_workers(client, 2)
        yield local, client
    if previous is None:
        os.environ.pop(SLOW_ENV, None)
    else:
        os.environ[SLOW_ENV] = previous


def _comparable(out: Path) -> dict[str, tuple]:
    rows = {}
    for row in ledger_rows(out):
        detail = json.loads(sqlite3.connect(out / "ledger.sqlite").execute(
            "SELECT detail FROM files WHERE path=?", (row["path"],)).fetchone()[0])
        findings = [(f["rule"], f["start"], f["end"], f["severity"]) for f in detail["result"]["findings"]]
        rows[row["rel"]] = tuple(row[name] for name in COMPARED) + (tuple(findings),)
    return rows


def test_dask_engine_gives_the_same_results_as_the_local_engine(tmp_path, cluster):
    local, _ = cluster
    src = tmp_path / "src"
    build_tree(src)
    before = snapshot(src)
    a = run_batch([src], tmp_path / "local", jobs=1, use_model=False, progress=False, redact=True)
    b = run_batch([src], tmp_path / "dask", engine="dask", scheduler=local.scheduler_address, use_model=False,
                  progress=False, redact=True)
    assert a.files == b.files > 10
    assert a.by_verdict == b.by_verdict and a.by_status == b.by_status
    assert _comparable(tmp_path / "local") == _comparable(tmp_path / "dask")
    for name in ("results.csv", "results.jsonl", "report.html", "redaction_log.csv"):
        assert (tmp_path / "dask" / name).is_file()
    local_copies = sorted(p.relative_to(tmp_path / "local") for p in (tmp_path / "local" / "redacted").rglob("*"))
    dask_copies = sorted(p.relative_to(tmp_path / "dask") for p in (tmp_path / "dask" / "redacted").rglob("*"))
    assert local_copies == dask_copies
    assert snapshot(src) == before  # originals untouched


def test_a_killed_worker_loses_nothing(tmp_path, cluster, monkeypatch):
    local, client = cluster
    src = tmp_path / "src"
    small_tree(src, 40)
    out = tmp_path / "out"
    result: dict = {}

    def run() -> None:
        result["summary"] = run_batch([src], out, engine="dask", scheduler=local.scheduler_address,
                                      use_model=False, progress=False, batch_files=2)

    thread = threading.Thread(target=run)
    thread.start()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # wait until some files are recorded, then kill a worker
        if (out / "ledger.sqlite").exists():
            try:
                done = sqlite3.connect(out / "ledger.sqlite").execute("SELECT COUNT(*) FROM files").fetchone()[0]
            except sqlite3.OperationalError:
                done = 0
            if done >= 4:
                break
        time.sleep(0.1)
    assert thread.is_alive(), "the run finished before a worker could be killed"
    pids = client.run(os.getpid)
    victim = sorted(pids.values())[0]
    os.kill(victim, signal.SIGKILL)
    thread.join(timeout=300)
    assert not thread.is_alive()
    summary = result["summary"]
    rows = ledger_rows(out)
    assert len(rows) == 40 == len({r["path"] for r in rows})
    assert {r["status"] for r in rows} == {"ok"}
    lines = (out / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 40
    assert summary.files == 40
    wait_for_workers(client, 2)  # the nanny restarted the worker for the next test


def _set_worker_env(client, values: dict) -> None:
    """Environment of the workers (and so of the screening children they start from now on)."""

    def apply(values=values):
        for key, value in values.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value

    client.run(apply)


def test_a_stuck_file_times_out_as_on_the_local_engine(tmp_path, cluster):
    local, client = cluster
    src = tmp_path / "src"
    small_tree(src, 6)
    (src / "hang.txt").write_text(clean_text(1999), encoding="utf-8")
    _set_worker_env(client, {SLOW_ENV: "30", SLOW_MATCH_ENV: "hang"})
    try:
        summary = run_batch([src], tmp_path / "out", engine="dask", scheduler=local.scheduler_address,
                            use_model=False, progress=False, timeout_per_file=1.5, batch_files=7)
    finally:
        _set_worker_env(client, {SLOW_ENV: "0.1", SLOW_MATCH_ENV: None})
    rows = {r["rel"]: r for r in ledger_rows(tmp_path / "out")}
    assert len(rows) == 7
    assert rows["hang.txt"]["status"] == "timeout" and rows["hang.txt"]["verdict"] == "review"
    assert "处理超时（>1.5 秒）" in rows["hang.txt"]["error"]
    # The files the child had finished before it was replaced (not yet sent) are screened again, once each.
    assert all(rows[f"doc{i:02d}.txt"]["status"] == "ok" for i in range(6))
    assert summary.files == 7 and summary.bad == 1


def _screening_children(dask_worker) -> list[tuple[int, int]]:
    """Run on a worker: (pid, files started) of each screening child that is up."""
    from reviewer.batch.dask_engine import ScreeningPlugin

    out = []
    for plugin in dask_worker.plugins.values():
        child = plugin.child if isinstance(plugin, ScreeningPlugin) else None
        if child is not None and child.process.is_alive():
            out.append((child.process.pid, int(child.clock[0])))
    return out


def test_a_killed_screening_child_costs_one_file(tmp_path, cluster):
    import psutil

    local, client = cluster
    src = tmp_path / "src"
    small_tree(src, 30)
    out = tmp_path / "out"
    result: dict = {}

    def run() -> None:
        result["summary"] = run_batch([src], out, engine="dask", scheduler=local.scheduler_address,
                                      use_model=False, progress=False, batch_files=15)

    thread = threading.Thread(target=run)
    thread.start()
    victim = None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and victim is None:  # a child that is into its batch (0.1 s per file)
        for children in client.run(_screening_children).values():
            victim = next((pid for pid, started in children if started >= 2), victim)
        time.sleep(0.05)
    assert victim is not None, "no screening child got into its batch"
    psutil.Process(victim).kill()
    thread.join(timeout=300)
    assert not thread.is_alive()
    rows = ledger_rows(out)
    assert len(rows) == 30 == len({r["path"] for r in rows})
    bad = [r for r in rows if r["status"] != "ok"]
    assert len(bad) == 1 and bad[0]["status"] == "error" and "审查进程异常退出" in bad[0]["error"]
    assert result["summary"].bad == 1


def test_a_child_that_dies_while_starting_is_replaced_and_costs_nothing(tmp_path, monkeypatch):
    from reviewer.batch.dask_child import START_CRASH_ENV, ScreeningChild, unpack
    from reviewer.batch.runner import FileTask, WorkerConfig

    src = tmp_path / "src"
    small_tree(src, 3)
    marker = tmp_path / "crash-once"
    marker.write_text("", encoding="utf-8")
    monkeypatch.setenv(START_CRASH_ENV, str(marker))
    monkeypatch.delenv(SLOW_ENV, raising=False)
    config = WorkerConfig(str(tmp_path / "out"), None, False, None, 0.5, 10_000_000, False, "t1")
    child = ScreeningChild(config, timeout=60)
    try:
        assert not marker.exists()  # the first child found it and died; the second one is screening
        files = sorted(p for p in src.rglob("*") if p.is_file())
        payloads = unpack(child.screen([FileTask(str(p), p.name, str(src)) for p in files]))
    finally:
        child.close()
    assert len(payloads) == len(files) == 3
    assert all(p["status"] == "ok" for p in payloads), [p["status"] for p in payloads]


def test_killed_client_resumes_and_screens_exactly_the_rest(tmp_path, cluster):
    local, _ = cluster
    src = tmp_path / "src"
    small_tree(src, 30)
    out = tmp_path / "out"
    env = dict(os.environ)
    command = [sys.executable, "-m", "reviewer", "screen", str(src), "--out", str(out), "--no-model",
               "--engine", "dask", "--scheduler", local.scheduler_address, "--batch-files", "2"]
    proc = subprocess.Popen(command, env=env, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    done = 0
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            done = sqlite3.connect(out / "ledger.sqlite").execute("SELECT COUNT(*) FROM files").fetchone()[0]
        except sqlite3.OperationalError:
            done = 0
        if done >= 3:
            break
        time.sleep(0.1)
    proc.kill()
    proc.wait()
    first = {r["path"] for r in ledger_rows(out)} if (out / "ledger.sqlite").exists() else set()
    assert 0 < len(first) < 30
    resumed = subprocess.run(command + ["--resume"], cwd=PROJECT, capture_output=True, text=True, timeout=300)
    assert resumed.returncode in (0, 1), resumed.stderr
    rows = ledger_rows(out)
    assert len(rows) == 30 == len({r["path"] for r in rows})
    runs = sqlite3.connect(out / "ledger.sqlite").execute(
        "SELECT run_id, screened, skipped FROM runs WHERE status='finished'").fetchall()
    assert len(runs) == 1 and runs[0][1] + runs[0][2] == 30 and runs[0][2] >= len(first)
    # The killed client left its screening children on the workers: the next run closes them once idle.
    client = cluster[1]
    assert sum(client.run(close_stale_children, "none", 0.0).values()) >= 1
    assert sum(client.run(close_stale_children, "none", 0.0).values()) == 0


def test_two_runs_sharing_a_cluster_keep_their_own_settings(tmp_path, cluster):
    local, _ = cluster
    runs: dict = {}

    def run(name: str, redact: bool) -> None:
        src = tmp_path / f"src-{name}"
        small_tree(src, 12)
        runs[name] = run_batch([src], tmp_path / f"out-{name}", engine="dask", scheduler=local.scheduler_address,
                               use_model=False, progress=False, batch_files=2, redact=redact)

    threads = [threading.Thread(target=run, args=(name, name == "b")) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    for name in ("a", "b"):
        rows = ledger_rows(tmp_path / f"out-{name}")
        assert len(rows) == 12 and {r["status"] for r in rows} == {"ok"}
        assert {r["seen_run"] for r in rows} == {runs[name].run_id} and runs[name].files == 12
        assert (max(r["redacted"] for r in rows) == 1) == (name == "b")  # only b asked for redacted copies
    assert not (tmp_path / "out-a" / "redacted").exists() and (tmp_path / "out-b" / "redacted").is_dir()


def test_manifest_lists_the_files_to_screen(tmp_path, cluster):
    local, _ = cluster
    src = tmp_path / "src"
    small_tree(src, 6)
    files = sorted(p for p in src.rglob("*") if p.is_file())
    manifest = tmp_path / "清单.csv"
    manifest.write_text("path\n" + "\n".join(str(p.relative_to(tmp_path)) for p in files[:4]) + "\n",
                        encoding="utf-8")
    assert [Path(t.path) for t in iter_manifest(manifest)] == files[:4]
    summary = run_batch([], tmp_path / "out", engine="dask", scheduler=local.scheduler_address, use_model=False,
                        progress=False, manifest=manifest)
    assert summary.files == 4
    jsonl = tmp_path / "清单.jsonl"
    jsonl.write_text("\n".join(json.dumps({"path": str(p)}) for p in files[4:]) + "\n", encoding="utf-8")
    assert [Path(t.path) for t in iter_manifest(jsonl)] == files[4:]


def test_bad_manifest_and_engine_get_chinese_errors(tmp_path):
    bad = tmp_path / "坏清单.jsonl"
    bad.write_text('{"path": "a.txt"}\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match="坏清单.jsonl 第 2 行"):
        iter_manifest(bad)
    with pytest.raises(ValueError, match="--engine"):
        run_batch([tmp_path], tmp_path / "out", engine="spark", progress=False)
    proc = subprocess.run([sys.executable, "-m", "reviewer", "screen", str(tmp_path), "--out", str(tmp_path / "o"),
                           "--scheduler", "tcp://127.0.0.1:9"], cwd=PROJECT, capture_output=True, text=True)
    assert proc.returncode == 2 and "--engine dask" in proc.stderr
