"""reviewer/cli/app.py registers only the named command's module for a run; the table it uses must match
what every module really registers, and a partial app must behave like the full one."""

from __future__ import annotations

import subprocess
import sys

import typer
import typer.main

from reviewer.cli import app as cli


def _names(app: typer.Typer) -> set[str]:
    return set(typer.main.get_command(app).commands)


def test_command_table_matches_what_each_module_registers():
    seen: dict[str, str] = {}
    for module in cli.command_modules():
        for name in _names(cli.new_app([module])):
            assert name not in seen, f"{name} registered by {seen.get(name)} and {module}"
            seen[name] = module
    assert seen == cli.COMMAND_MODULES


def test_full_app_has_every_command_and_a_named_run_gets_only_its_module():
    assert _names(cli.app) == set(cli.COMMAND_MODULES)
    assert _names(cli.app_for(["screen", "x.txt"])) == {"screen"}
    assert _names(cli.app_for(["decisions", "export"])) == {"decide", "history", "decisions", "report"}
    for argv in ([], ["--help"], ["--version"], ["scren"]):
        assert _names(cli.app_for(argv)) == set(cli.COMMAND_MODULES)


def _run(*args: str) -> subprocess.CompletedProcess:
    code = "from reviewer.cli.app import main; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120)


def test_a_mistyped_command_or_option_is_answered_in_chinese_with_the_suggestion():
    done = _run("scren")
    assert done.returncode == 2
    assert "没有这个命令：'scren'" in done.stderr and "是不是要输入 'screen'" in done.stderr
    assert "Did you mean" not in done.stderr
    done = _run("screen", "--ou")
    assert done.returncode == 2
    assert "没有这个选项：--ou" in done.stderr and "--out" in done.stderr and "Possible" not in done.stderr


def test_help_of_a_command_run_alone_lists_its_chinese_usage():
    done = _run("screen", "--help")
    assert done.returncode == 0 and "用法：" in done.stdout and "screen [选项] {路径...}" in done.stdout
