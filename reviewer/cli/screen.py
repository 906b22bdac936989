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
    paths: list[str] = typer.Argument(..., help="文件、文件夹，或 - 表示从标准输入读取文本。"),
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
) -> None:
    from reviewer.detect.findings import SEVERITY_RANK
    from reviewer.detect.rulebook import RuleFileError
    from reviewer.screen.output import FORMATS

    if fmt not in FORMATS:
        _usage(f"未知的输出格式：{fmt}（可选：{'、'.join(FORMATS)}）")
    if fail_on not in ("review", "withhold"):
        _usage("--fail-on 只能是 review 或 withhold")
    max_bytes = int(max_size_mb * 1024 * 1024)
    try:
        if out is not None:
            code = _run_batch(paths, out, jobs, resume, redact, threshold, fail_on, no_model, model_dir, rules_dir,
                              max_bytes)
            raise typer.Exit(code)
        screener = _build_screener(rules_dir, threshold, no_model, model_dir)
    except RuleFileError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(2) from None
    worst = 0
    counts: dict[str, int] = {}
    total = 0
    results_for_json = []
    writer = _Writer(fmt, show_values)
    for result in _iter_results(screener, paths, max_bytes, jobs or 1):
        total += 1
        counts[result.verdict] = counts.get(result.verdict, 0) + 1
        worst = max(worst, {"clean": 0, "review": 1, "withhold": 2}[result.verdict])
        if fmt == "json":
            results_for_json.append(result)
        else:
            writer.write(result)
    if fmt == "json":
        from reviewer.screen.output import render_json

        typer.echo(render_json(results_for_json, show_values))
    if total == 0:
        _usage("没有找到可审查的文件。")
    if fmt == "text":
        from reviewer.screen.output import render_summary

        typer.echo(render_summary(counts, total))
    raise typer.Exit(1 if worst >= SEVERITY_RANK[fail_on] else 0)


class _Writer:
    def __init__(self, fmt: str, show_values: bool):
        self.fmt = fmt
        self.show_values = show_values
        self.started = False

    def write(self, result) -> None:
        from reviewer.screen import output as so

        if self.fmt == "text":
            typer.echo(so.render_text(result, self.show_values))
            typer.echo("")
        elif self.fmt == "jsonl":
            typer.echo(so.render_jsonl_line(result, self.show_values))
        elif self.fmt == "csv":
            if not self.started:
                sys.stdout.write(so.csv_header())
            sys.stdout.write(so.render_csv_rows(result, self.show_values))
            sys.stdout.flush()
        self.started = True


def _build_screener(rules_dir, threshold, no_model, model_dir):
    from reviewer.model.loader import load_grounds_model
    from reviewer.screen.screening import Screener

    grounds = None
    if not no_model:
        grounds, warning = load_grounds_model(model_dir)
        if warning:
            typer.echo(warning, err=True)
    return Screener(rules_dir, grounds_model=grounds, threshold=threshold)


def _iter_results(screener, paths: list[str], max_bytes: int, jobs: int = 1):
    from reviewer.batch.runner import screen_paths
    from reviewer.load.textload import load_stdin

    files: list[Path] = []  # consecutive files, screened together (--jobs N: in N processes)
    for raw in paths:
        if raw == "-":
            yield from screen_paths(screener, files, jobs, max_bytes)
            files = []
            if sys.stdin.isatty():
                typer.echo("请粘贴要审查的文本，结束后按 Ctrl-D（Windows 为 Ctrl-Z 回车）：", err=True)
            yield screener.screen_loaded(load_stdin())
            continue
        path = Path(raw)
        if not path.exists():
            _usage(f"找不到文件或文件夹：{raw}")
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)))
        else:
            files.append(path)
    yield from screen_paths(screener, files, jobs, max_bytes)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _run_batch(paths, out, jobs, resume, redact, threshold, fail_on, no_model, model_dir, rules_dir, max_bytes) -> int:
    from reviewer.batch.runner import run_batch

    inputs = []
    for raw in paths:
        if raw == "-":
            _usage("批量模式（--out）不支持从标准输入读取。")
        if not Path(raw).exists():
            _usage(f"找不到文件或文件夹：{raw}")
        inputs.append(Path(raw))
    summary = run_batch(inputs, out, jobs=jobs, resume=resume, threshold=threshold, fail_on=fail_on, redact=redact,
                        max_bytes=max_bytes, rules_dir=rules_dir, use_model=not no_model, model_dir=model_dir)
    typer.echo(summary.describe() if hasattr(summary, "describe") else str(summary))
    return summary.exit_code


def _usage(message: str) -> None:
    typer.echo(f"错误：{message}", err=True)
    raise typer.Exit(2)
