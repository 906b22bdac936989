"""``reviewer screen``: screen files, folders or pasted text for non-disclosable information."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

SCREEN_HELP = """审查文件、文件夹或粘贴的文本，标记可能不宜公开的内容（国家秘密、商业秘密、个人隐私、过程性信息等）。

\b
示例：
  reviewer screen 文件.docx                      # 审查一个文件
  reviewer screen 待发布/ --format csv > 结果.csv  # 审查整个文件夹
  reviewer screen -                               # 粘贴文本，按 Ctrl-D 结束
  reviewer screen 待发布/ --out 报告/ --jobs 2 --resume   # 批量审查并生成报告（可断点续审）

退出码：0 未发现达到阈值的问题；1 有需要处理的结果；2 用法错误或内部错误。
个人信息默认脱敏显示，--show-values 才显示原值。"""


def register(app: typer.Typer) -> None:
    app.command("screen", help=SCREEN_HELP, options_metavar="[选项]")(screen)


def screen(
    paths: list[str] = typer.Argument(..., metavar="路径...", help="文件、文件夹，或 - 表示从标准输入读取文本。"),
    fmt: str = typer.Option("text", "--format", "-f", help="输出格式：text、json、jsonl、csv。"),
    show_values: bool = typer.Option(False, "--show-values", help="显示个人信息原值（默认脱敏）。"),
    out: Path | None = typer.Option(None, "--out", "-o", help="批量模式：报告输出目录（report.html、results.jsonl、results.csv、ledger.sqlite）。"),
    jobs: int | None = typer.Option(None, "--jobs", "-j", help="批量模式的并行进程数（默认等于 CPU 核数）。"),
    resume: bool = typer.Option(False, "--resume", help="批量模式：跳过内容、规则和模型版本均未变化的已审查文件。"),
    redact: bool = typer.Option(False, "--redact", help="批量模式：在报告目录 redacted/ 下生成遮盖后的文本副本和遮盖记录。"),
    threshold: float = typer.Option(0.5, "--threshold", min=0.0, max=1.0, help="分值阈值（0–1），低于阈值的命中不计入结论。"),
    fail_on: str = typer.Option("review", "--fail-on", help="达到该结论时退出码为 1：review 或 withhold。"),
    no_model: bool = typer.Option(False, "--no-model", help="只用规则，不用分类器。"),
    model_dir: Path | None = typer.Option(None, "--model", help="使用指定版本的模型目录（默认使用内置模型）。"),
    rules_dir: Path | None = typer.Option(None, "--rules", help="规则目录（默认使用项目 rules/）。"),
    max_size_mb: float = typer.Option(20.0, "--max-size", help="单个文件大小上限（MB），超过则不审查并记录。"),
    engine: str = typer.Option("local", "--engine", help="批量模式的执行引擎：local（本机进程池）或 dask（Dask 分布式集群）。"),
    scheduler: str | None = typer.Option(None, "--scheduler", help="--engine dask 时的调度器地址（如 tcp://10.0.0.5:8786）；省略则在本机启动 --jobs 个工作进程。"),
    batch_files: int | None = typer.Option(None, "--batch-files", min=1, help="--engine dask 时每个任务包含的文件数（默认自动：每个任务约 0.3 秒的审查量；越大调度开销越小，重试粒度越粗）。"),
    manifest: bool = typer.Option(False, "--manifest", help="批量模式：参数是文件清单（CSV 的 path 列或每行一个路径；JSONL 的 path 键），按清单审查。"),
    timeout: float = typer.Option(120.0, "--timeout", min=0.0, help="单个文件的处理时限（秒），超时的文件记为需人工审核；0 表示不限。"),
) -> None:
    from reviewer.app import Reviewer
    from reviewer.app.options import check_fail_on, check_format
    from reviewer.app.reviewer import user_errors
    from reviewer.screen.output import FORMATS
    from reviewer.vocab import SEVERITY_RANK, VERDICT_RANK

    max_bytes = int(max_size_mb * 1024 * 1024)
    counts: dict[str, int] = {}
    results = []
    writer = _Writer(fmt, show_values)
    batch_exit = None
    try:
        check_format(fmt, FORMATS)
        check_fail_on(fail_on)
        reviewer = Reviewer.from_config(rules_dir=rules_dir, model="none" if no_model else model_dir,
                                        threshold=threshold)
        if out is not None:
            summary = reviewer.screen_batch(paths, out, jobs=jobs, resume=resume, redact=redact, fail_on=fail_on,
                                            max_bytes=max_bytes, engine=engine, scheduler=scheduler, manifest=manifest,
                                            batch_files=batch_files,
                                            timeout=timeout)
            typer.echo(summary.describe() if hasattr(summary, "describe") else str(summary))
            batch_exit = summary.exit_code
        else:
            reviewer.screener()  # load the model now, so its warning comes first
            if reviewer.model_warning:
                typer.echo(reviewer.model_warning, err=True)
            # Except for json (one array at the end), each file's output is rendered where it is screened (in
            # the worker with --jobs): this process only writes it.
            render = None if fmt == "json" else writer.render
            for result in reviewer.screen_paths(paths, max_bytes=max_bytes, stdin=_stdin, timeout=timeout,
                                                jobs=jobs or 1, render=render):
                counts[result.verdict] = counts.get(result.verdict, 0) + 1
                results.append(result) if fmt == "json" else writer.emit(result.output)
    except user_errors() as exc:  # (evaluated only when an exception leaves the block: it imports a lot)
        _usage(str(exc))
    if batch_exit is not None:
        raise typer.Exit(batch_exit)
    if fmt == "json":
        from reviewer.screen.output import render_json

        typer.echo(render_json(results, show_values))
    if not counts:
        _usage("没有找到可审查的文件。")
    if fmt == "text":
        from reviewer.screen.output import render_summary

        typer.echo(render_summary(counts, sum(counts.values())))
    worst = max(VERDICT_RANK[v] for v in counts)
    raise typer.Exit(1 if worst >= SEVERITY_RANK[fail_on] else 0)


def _stdin():
    from reviewer.load.textload import load_stdin

    if sys.stdin.isatty():
        typer.echo("请粘贴要审查的文本，结束后按 Ctrl-D（Windows 为 Ctrl-Z 回车）：", err=True)
    return load_stdin()


class _Writer:
    def __init__(self, fmt: str, show_values: bool):
        self.fmt = fmt
        self.show_values = show_values
        self.started = False

    def render(self, result) -> str:
        """One file's output (text, jsonl or csv rows; computed in the worker that screened it)."""
        from reviewer.screen import output as so

        if self.fmt == "text":
            return so.render_text(result, self.show_values)
        if self.fmt == "jsonl":
            return so.render_jsonl_line(result, self.show_values)
        return so.render_csv_rows(result, self.show_values)

    def emit(self, output: str) -> None:
        """Write one file's rendered output."""
        if self.fmt == "text":
            typer.echo(output)
            typer.echo("")
        elif self.fmt == "jsonl":
            typer.echo(output)
        elif self.fmt == "csv":
            if not self.started:
                from reviewer.screen.output import csv_header

                sys.stdout.write(csv_header())
            sys.stdout.write(output)
            sys.stdout.flush()
        self.started = True

    def write(self, result) -> None:
        self.emit(self.render(result))


def _usage(message: str) -> None:
    typer.echo(f"错误：{message}", err=True)
    raise typer.Exit(2)
