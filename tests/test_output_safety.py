"""Outputs never go through links or into the inputs; CSV cells cannot run as formulas; names that are
not UTF-8 do not stop a batch; an internal error exits 2 (issue 15 items 4, 8, 10 and Minor)."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import sys
from pathlib import Path

import pytest
from faker import Faker
from typer.testing import CliRunner

from reviewer.batch.ledger import Ledger
from reviewer.batch.report_files import atomic_write, csv_safe
from reviewer.batch.runner import run_batch

fake = Faker("zh_CN")
Faker.seed(1508)
VICTIM = "原件内容，不得被覆盖。\n"


def tree(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(f"联系人：{fake.name()}，身份证号{fake.ssn()}，电话{fake.phone_number()}。", encoding="utf-8")
    (docs / "b.txt").write_text("示例市城镇老旧小区改造资金管理办法。", encoding="utf-8")
    return docs


def victim(tmp_path: Path, name: str = "victim.txt") -> Path:
    path = tmp_path / name
    path.write_text(VICTIM, encoding="utf-8")
    return path


@pytest.mark.parametrize("report", ["results.csv", "results.jsonl", "report.html", "redaction_log.csv",
                                    "results.csv.tmp", "report.html.tmp"])
def test_planted_link_in_the_output_folder_is_not_followed(tmp_path, report):
    docs, target = tree(tmp_path), victim(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / report).symlink_to(target)
    run_batch([docs], out, jobs=1, redact=True, progress=False)
    assert target.read_text(encoding="utf-8") == VICTIM
    if not report.endswith(".tmp"):
        assert not (out / report).is_symlink() and (out / report).stat().st_size > 0


def test_planted_link_at_a_redacted_copy_is_not_followed(tmp_path):
    docs, target = tree(tmp_path), victim(tmp_path)
    out = tmp_path / "out"
    (out / "redacted").mkdir(parents=True)
    (out / "redacted" / "a.txt.redacted.txt").symlink_to(target)
    run_batch([docs], out, jobs=1, redact=True, progress=False)
    assert target.read_text(encoding="utf-8") == VICTIM
    assert not (out / "redacted" / "a.txt.redacted.txt").is_symlink()


def test_redacted_folder_that_is_a_link_is_refused(tmp_path):
    docs = tree(tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "redacted").symlink_to(elsewhere, target_is_directory=True)
    summary = run_batch([docs], out, jobs=1, redact=True, progress=False)
    assert list(elsewhere.iterdir()) == []
    assert summary.files == 2


def test_ledger_that_is_a_link_is_refused(tmp_path):
    target = victim(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "ledger.sqlite").symlink_to(target)
    with pytest.raises(OSError, match="符号链接"):
        Ledger(out)
    assert target.read_text(encoding="utf-8") == VICTIM


def test_atomic_write_uses_a_fresh_unpredictable_temporary_file(tmp_path):
    target = victim(tmp_path)
    (tmp_path / "r.txt.tmp").symlink_to(target)
    with atomic_write(tmp_path / "r.txt") as out:
        out.write("新内容")
    assert (tmp_path / "r.txt").read_text(encoding="utf-8") == "新内容"
    assert target.read_text(encoding="utf-8") == VICTIM
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.txt", "r.txt.tmp", "victim.txt"]


def test_output_folder_inside_an_input_is_refused(tmp_path):
    docs = tree(tmp_path)
    with pytest.raises(ValueError, match="输出目录"):
        run_batch([docs], docs / "report", jobs=1, progress=False)
    with pytest.raises(ValueError, match="输出目录"):
        run_batch([docs], docs, jobs=1, progress=False)
    assert sorted(p.name for p in docs.iterdir()) == ["a.txt", "b.txt"]


def test_screen_x_out_x_is_refused_with_a_chinese_error(tmp_path):
    from reviewer.cli.app import app

    docs = tree(tmp_path)
    result = CliRunner().invoke(app, ["screen", str(docs), "--out", str(docs), "--no-model", "--jobs", "1"])
    assert result.exit_code == 2
    assert "输出目录" in result.output
    assert sorted(p.name for p in docs.iterdir()) == ["a.txt", "b.txt"]


def test_formula_cells_are_escaped_in_results_csv(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("=HYPERLINK(1).txt", "+1.txt", "-2.txt", "@SUM.txt"):
        (docs / name).write_text("示例市城镇老旧小区改造资金管理办法。", encoding="utf-8")
    out = tmp_path / "out"
    run_batch([docs], out, jobs=1, progress=False)
    rows = list(csv.reader(io.StringIO((out / "results.csv").read_text(encoding="utf-8-sig"))))
    firsts = sorted(row[0] for row in rows[1:])
    assert firsts == sorted("'" + n for n in ("=HYPERLINK(1).txt", "+1.txt", "-2.txt", "@SUM.txt"))
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)
    assert csv_safe("普通") == "普通" and csv_safe(3) == 3 and csv_safe("-5") == "'-5"


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that accepts any bytes in names")
def test_non_utf8_file_name_does_not_stop_the_batch(tmp_path):
    docs = tree(tmp_path)
    name = os.fsdecode("申请".encode("gbk") + b".txt")
    (docs / name).write_text(f"电话{fake.phone_number()}。", encoding="utf-8")
    out = tmp_path / "out"
    summary = run_batch([docs], out, jobs=1, redact=True, progress=False)
    assert summary.files == 3 and summary.bad == 0
    csv_text = (out / "results.csv").read_text(encoding="utf-8-sig")
    assert "\\xc9\\xea\\xc7\\xeb.txt" in csv_text
    assert sqlite3.connect(out / "ledger.sqlite").execute("SELECT COUNT(*) FROM files").fetchone()[0] == 3


def test_killed_run_is_not_left_running(tmp_path):
    out = tmp_path / "out"
    ledger = Ledger(out)
    ledger.start_run("r1", {}, "v", None)  # then killed: never finished
    ledger.close()
    ledger = Ledger(out)
    ledger.start_run("r2", {}, "v", None)
    assert ledger.run("r1")["status"] == "killed"
    assert ledger.run("r2")["status"] == "running"
    ledger.close()


def test_internal_error_exits_2(monkeypatch, capsys):
    import reviewer.cli.app as cli

    def broken():
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "app", broken)
    with pytest.raises(SystemExit) as exit_info:
        cli.main()
    assert exit_info.value.code == 2
    assert "内部错误" in capsys.readouterr().err


def test_a_command_run_as_a_program_skips_the_final_collections(monkeypatch, capsys):
    """``reviewer …`` (main called from a program's top level) freezes the heap before the interpreter shuts
    down, so its final collections skip the loaded rules, dictionary and model; main called from other code
    (a test, an embedding program) leaves the collector alone."""
    import gc
    import subprocess
    import sys

    code = ("import atexit, gc; atexit.register(lambda: print('frozen', gc.get_freeze_count() > 0)); "
            "from reviewer.cli.app import main; main()")
    out = subprocess.run([sys.executable, "-c", code, "--version"], capture_output=True, text=True, check=True)
    assert "reviewer" in out.stdout and "frozen True" in out.stdout

    import reviewer.cli.app as cli

    before = gc.get_freeze_count()
    monkeypatch.setattr(sys, "argv", ["reviewer", "--version"])
    with pytest.raises(SystemExit):
        cli.main()
    assert gc.get_freeze_count() == before
