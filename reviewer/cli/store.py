"""Decision-store commands: ``decide``, ``history``, ``decisions export|import``, ``report annual``.

Heavy modules (sqlite-utils, jieba, openpyxl, python-docx) are imported inside the commands.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

DB_HELP = "决定库 SQLite 文件（默认在用户数据目录）。"

DECIDE_HELP = """记录工作人员对一件申请作出的决定（默认采纳审查建议）。

对同一申请再次执行即为更改决定：原决定保留，新旧内容、更改人和时间记入审计记录。

\b
示例：
  reviewer decide 2026-0012
  reviewer decide 2026-0012 --code withhold.process_info --reason 所涉事项尚在研究论证 --officer 王敏 --doc-number 示例规资信复〔2026〕12号
  reviewer decide 2026-0013 --code unavailable.not_held --search-systems 公文系统、档案室 --search-keywords 老旧小区 --search-result 未检索到"""

HISTORY_HELP = """查看决定库中的申请：按申请人、全文检索（支持中文词语）或申请编号查看详情。

\b
示例：
  reviewer history --search 老旧小区改造
  reviewer history --applicant 林晓
  reviewer history 2026-0012           # 一件申请的审查、决定、审计和程序记录"""

EXPORT_HELP = """导出历史决定（每件申请的现行决定），列名与 reviewer train --decisions 相同，可直接用于训练。

\b
示例：
  reviewer decisions export --format csv --out 决定.csv
  reviewer decisions export --format jsonl --year 2026 > 决定.jsonl
  reviewer train --decisions 决定.csv"""

IMPORT_HELP = """导入历史决定台账（CSV、XLSX 或 JSONL；列：申请内容、处理结果、日期、申请人、文件内容）。

处理结果可写答复类型代码或中文（按 rules/outcome_labels.yaml 识别）；无法使用的行会列出行号。

\b
示例：
  reviewer decisions import 2025年依申请公开台账.xlsx
  reviewer decisions import 台账.csv --officer 王敏 --db 本机关.sqlite"""

ANNUAL_HELP = """生成政府信息公开工作年度报告统计表（国办公开办函〔2021〕30号格式）：表二主动公开（--proactive 提供数据）、
表三收到和处理政府信息公开申请情况、表四行政复议和行政诉讼情况（来自案件事件）。

每件申请按最终决定只计一次（部分公开只计一次），补正告知等程序性告知不计入办理结果；
核对“第一项加第二项之和，等于第三项加第四项之和”，不成立时退出码为 1。

\b
示例：
  reviewer report annual --year 2026
  reviewer report annual --year 2026 --format docx --proactive 主动公开.yaml --out 年度报告统计表.docx"""

REPORT_FORMATS = ("markdown", "csv", "xlsx", "docx")


def register(app: typer.Typer) -> None:
    app.command("decide", help=DECIDE_HELP, options_metavar="[选项]")(decide)
    app.command("history", help=HISTORY_HELP, options_metavar="[选项]")(history)
    decisions_app = typer.Typer(help="导出、导入历史决定。", no_args_is_help=True, rich_markup_mode=None,
                                options_metavar="[选项]", subcommand_metavar="命令 [参数]...")
    decisions_app.command("export", help=EXPORT_HELP, options_metavar="[选项]")(export)
    decisions_app.command("import", help=IMPORT_HELP, options_metavar="[选项]")(import_)
    app.add_typer(decisions_app, name="decisions")
    report_app = typer.Typer(help="生成报告。", no_args_is_help=True, rich_markup_mode=None,
                             options_metavar="[选项]", subcommand_metavar="命令 [参数]...")
    report_app.command("annual", help=ANNUAL_HELP, options_metavar="[选项]")(annual)
    app.add_typer(report_app, name="report")


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"错误：{message}", err=True)
    raise typer.Exit(code)


def _text_or_json(fmt: str) -> None:
    if fmt not in ("text", "json"):
        _fail("--format 只能是 text 或 json")


def _open(db: Path | None):
    from reviewer.store.db import StoreError, open_store

    try:
        store = open_store(db)
    except StoreError as exc:
        _fail(str(exc))
    if store.backup_path is not None:
        typer.echo(f"决定库已升级到新版本，升级前的备份：{store.backup_path}", err=True)
    return store


# --- decide -----------------------------------------------------------------------------------
def decide(
    request_id: Annotated[str, typer.Argument(metavar="申请编号", help="申请编号，如 2026-0012（reviewer review --save 时显示）。")],
    code: Annotated[str | None, typer.Option("--code", "--reply", help="答复类型代码或中文名称（默认采纳审查建议；与建议不同即记为更改，可用于 reviewer train --from-store）。")] = None,
    reasons: Annotated[list[str] | None, typer.Option("--reason", metavar="<str>", help="决定理由（可多次指定；默认沿用审查理由）。")] = None,
    officer: Annotated[str | None, typer.Option("--officer", help="经办人（默认为当前登录用户）。")] = None,
    doc_number: Annotated[str | None, typer.Option("--doc-number", help="答复书文号，如 示例规资信复〔2026〕12号。")] = None,
    date: Annotated[str | None, typer.Option("--date", help="决定（答复）日期 YYYY-MM-DD（默认今天）。")] = None,
    search_systems: Annotated[str | None, typer.Option("--search-systems", help="检索记录：检索的系统或档案。")] = None,
    search_keywords: Annotated[str | None, typer.Option("--search-keywords", help="检索记录：关键词。")] = None,
    search_period: Annotated[str | None, typer.Option("--search-period", help="检索记录：检索的文件期间。")] = None,
    search_result: Annotated[str | None, typer.Option("--search-result", help="检索记录：结果。")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="输出格式：text 或 json。")] = "text",
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
) -> None:
    from reviewer.app import Reviewer
    from reviewer.app.reviewer import user_errors

    _text_or_json(fmt)
    try:
        result = Reviewer.from_config(model="none", store=db).decide(
            request_id, code=code, reasons=reasons, officer=officer, doc_number=doc_number, date=date,
            search_systems=search_systems, search_keywords=search_keywords, search_period=search_period,
            search_result=search_result)
    except user_errors() as exc:
        _fail(str(exc))
    if result.backup_path is not None:
        typer.echo(f"决定库已升级到新版本，升级前的备份：{result.backup_path}", err=True)
    if fmt == "json":
        typer.echo(json.dumps(result.row, ensure_ascii=False, indent=2, default=str))
    else:
        typer.echo(_render_decision(result.row, result.searches))


def _render_decision(row: dict, searches: int) -> str:
    from reviewer.decide.replytypes import load_reply_types

    types = load_reply_types()
    lines = [f"已记录决定：申请 {row['number']} → {row['label']}（{row['code']}）",
             f"引用条款：{row['citations'] or '（无明文条款）'}",
             f"经办人：{row['officer']}；决定日期：{row['decided_at']}；文号：{row['doc_number'] or '未登记'}"]
    if row["proposed_code"] is None:
        lines.append("该申请没有审查记录，按指定的答复类型记录。")
    elif row["accepted_proposal"]:
        lines.append("采纳了审查建议。")
    else:
        proposed = types[row["proposed_code"]].label if row["proposed_code"] in types else row["proposed_code"]
        lines.append(f"未采纳审查建议（建议为：{proposed}）。")
    previous = row["previous"]
    if previous is not None:
        old = types[previous["code"]].label if previous["code"] in types else previous["code"]
        lines.append(f"已更改决定：原为“{old}”（{previous['decided_at']}，{previous['officer']}）；原决定保留，更改已记入审计记录。")
    if row["code"] == "unavailable.not_held" and not searches:
        lines.append("提示：答复“本机关不掌握相关政府信息”应有完整的检索记录（指导案例101号），"
                     "请用 --search-systems、--search-keywords、--search-period、--search-result 记录。")
    return "\n".join(lines)


# --- history ----------------------------------------------------------------------------------
def history(
    request_id: Annotated[str | None, typer.Argument(metavar="[申请编号]", help="查看一件申请的全部记录。")] = None,
    applicant: Annotated[str | None, typer.Option("--applicant", help="按申请人姓名或名称（部分即可）筛选。")] = None,
    search: Annotated[str | None, typer.Option("--search", help="全文检索申请内容（中文词语即可，如“老旧小区”）。")] = None,
    year: Annotated[int | None, typer.Option("--year", help="只看该年度收到的申请。")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="最多显示的申请数。")] = 50,
    fmt: Annotated[str, typer.Option("--format", "-f", help="输出格式：text 或 json。")] = "text",
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
) -> None:
    from reviewer.store.db import StoreError

    _text_or_json(fmt)
    store = _open(db)
    try:
        if request_id:
            from reviewer.store.case import case_clock

            detail = store.request_detail(request_id)
            state = case_clock(store, request_id)
            detail["clock"] = state.to_dict() if fmt == "json" else state.summary_zh()
            if fmt == "json":
                typer.echo(json.dumps(detail, ensure_ascii=False, indent=2, default=str))
            else:
                typer.echo(_render_detail(detail))
            return
        rows = store.list_requests(applicant=applicant, search=search, year=year, limit=limit)
    except StoreError as exc:
        _fail(str(exc))
    finally:
        store.close()
    if fmt == "json":
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    if not rows:
        typer.echo("没有找到符合条件的申请。")
        return
    for r in rows:
        decision = f"{r['label']}（{r['decided_at']}，{r['doc_number'] or '文号未登记'}）" if r["code"] else r["status_label"]
        text = " ".join((r["subject"] or r["text"]).split())
        typer.echo(f"{r['number']}  收到 {r['received']}  {r['applicant'] or '申请人不详'}（{r['report_column']}）  "
                   f"{decision}\n    {text[:70]}{'…' if len(text) > 70 else ''}")
    typer.echo(f"共 {len(rows)} 件。")


def _render_detail(detail: dict) -> str:
    from reviewer.decide.replytypes import load_reply_types
    from reviewer.store.case import EVENT_BY_KIND
    from reviewer.store.db import EVENT_KINDS

    types = load_reply_types()

    def label(code: str | None) -> str:
        return f"{types[code].label}（{code}）" if code in types else str(code)

    s = detail["summary"]
    lines = [f"申请 {s['number']}：{s['status_label']}", f"收到日期：{s['received']}；渠道：{s['channel'] or '未记录'}；"
             f"申请人：{s['applicant'] or '不详'}（{s['report_column']}）"]
    if s["duplicate_of"]:
        lines.append(f"可能重复：与申请 {s['duplicate_of']} 相同")
    lines.append("申请事项：")
    lines += [f"  {i['idx']}. {i['text']}" for i in detail["items"]]
    for review in detail["reviews"]:
        lines.append(f"审查（{review['created']}）：建议 {label(review['proposed_code'])}；规则版本 {review['ruleset_version']}；"
                     f"模型 {review['model_version'] or '未使用'}")
    for d in detail["decisions"]:
        accepted = {1: "采纳建议", 0: "改变建议"}.get(d["accepted_proposal"], "无审查建议")
        lines.append(f"决定 #{d['id']}（{d['decided_at']}，{d['officer']}，{accepted}）：{label(d['code'])}；"
                     f"文号 {d['doc_number'] or '未登记'}")
    for a in detail["audit"]:
        if a["entity"] != "decision":
            continue  # event records are listed below with who recorded them
        old = label(json.loads(a["old"])["code"]) if a["old"] else "（无）"
        new = label(json.loads(a["new"])["code"]) if a["new"] else "（无）"
        lines.append(f"审计：{a['at']} {a['who']} {'记录' if a['action'] == 'create' else '更改'}决定 {old} → {new}")
    for e in detail["events"]:
        kind = EVENT_BY_KIND[e["kind"]].label if e["kind"] in EVENT_BY_KIND else EVENT_KINDS.get(e["kind"], e["kind"])
        who = f"，记录人 {e['who']}" if e.get("who") else ""
        lines.append(f"程序：{e['date']} {kind}{'（' + e['note'] + '）' if e['note'] else ''}{who}")
    if detail.get("clock"):
        lines.append("答复期限（按程序记录重新计算）：")
        lines += ["  " + line for line in detail["clock"].splitlines()]
    for d in detail["deadlines"]:
        lines.append(f"期限：{d['note'] or d['kind']} {d['due']}")
    for g in detail["search_logs"]:
        lines.append(f"检索：{g['searched_at']} {g['who']}：系统 {g['systems'] or '—'}；关键词 {g['keywords'] or '—'}；"
                     f"期间 {g['period'] or '—'}；结果 {g['result'] or '—'}")
    return "\n".join(lines)


# --- decisions export / import ----------------------------------------------------------------
def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="导出格式：jsonl 或 csv。")] = "jsonl",
    out: Annotated[Path | None, typer.Option("--out", "-o", help="输出文件（默认输出到屏幕）。")] = None,
    year: Annotated[int | None, typer.Option("--year", help="只导出该年度收到的申请。")] = None,
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
) -> None:
    from reviewer.store.exchange import export_decisions

    if fmt not in ("jsonl", "csv"):
        _fail("--format 只能是 jsonl 或 csv")
    store = _open(db)
    try:
        text, count = export_decisions(store, fmt, year=year)
    finally:
        store.close()
    if out is None:
        sys.stdout.write(text.lstrip("\ufeff"))
        return
    out.write_text(text, encoding="utf-8", newline="")
    typer.echo(f"已导出 {count} 条决定：{out}", err=True)


def import_(
    files: Annotated[list[Path], typer.Argument(metavar="文件...", help="历史决定台账（CSV、XLSX 或 JSONL）。")],
    officer: Annotated[str | None, typer.Option("--officer", help="记录为经办人（默认“历史台账导入”）。")] = None,
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
) -> None:
    from reviewer.model.errors import ModelError
    from reviewer.store.db import StoreError
    from reviewer.store.exchange import import_decisions

    store = _open(db)
    try:
        result = import_decisions(store, files, officer=officer, progress=lambda line: typer.echo(line, err=True))
    except (ModelError, StoreError) as exc:
        _fail(str(exc))
    finally:
        store.close()
    typer.echo(f"共读取 {result.rows} 行：导入 {len(result.imported)} 件，此前已导入跳过 {len(result.skipped)} 行，"
               f"无法使用 {len(result.problems)} 行。")
    if result.imported:
        typer.echo(f"申请编号：{result.imported[0]} 至 {result.imported[-1]}")
    by_file: dict[str, list] = {}
    for p in result.problems:
        by_file.setdefault(p.file, []).append(p)
    for file, problems in by_file.items():
        typer.echo(f"{file} 无法使用的行：第 {'、'.join(str(p.row) for p in problems)} 行")
        for p in problems[:50]:
            typer.echo(f"  第 {p.row} 行：{p.reason}")
    if result.problems:
        raise typer.Exit(1)


# --- report annual ----------------------------------------------------------------------------
def annual(
    year: Annotated[int, typer.Option("--year", help="报告年度，如 2026。")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="输出格式：markdown、csv、xlsx、docx。")] = "markdown",
    profile: Annotated[Path | None, typer.Option("--profile", help="机关配置 YAML（决定口径不一的答复类型计入哪一行；默认使用 reviewer init 写入的本机关配置）。")] = None,
    proactive: Annotated[Path | None, typer.Option("--proactive", help="表二主动公开数据 YAML（行名: {列名: 数值}，如 规章: {本年制发件数: 2}）。")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="输出文件（markdown/csv 默认输出到屏幕；xlsx/docx 默认写入当前目录）。")] = None,
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
) -> None:
    from reviewer.app import Reviewer
    from reviewer.app.options import check_format
    from reviewer.app.reviewer import user_errors
    from reviewer.store import annual as A

    try:
        check_format(fmt, REPORT_FORMATS)
        report = Reviewer.from_config(model="none", profile=profile, store=db).annual_report(year, proactive)
    except user_errors() as exc:
        _fail(str(exc))
    if report.backup_path is not None:
        typer.echo(f"决定库已升级到新版本，升级前的备份：{report.backup_path}", err=True)
    if fmt in ("xlsx", "docx"):
        target = out or Path(f"{year}年政府信息公开工作年度报告统计表.{fmt}")
        (A.report_xlsx if fmt == "xlsx" else A.report_docx)(report.tables, target, report.agency)
        typer.echo(f"已写入：{target}", err=True)
    else:
        text = A.report_markdown(report.tables, report.agency) if fmt == "markdown" else A.report_csv(report.tables)
        if out is None:
            typer.echo(text, nl=False)
        else:
            out.write_text(("\ufeff" if fmt == "csv" else "") + text, encoding="utf-8", newline="")
            typer.echo(f"已写入：{out}", err=True)
    for problem in report.problems:
        typer.echo(f"警告：勾稽关系不成立，{problem}", err=True)
    for warning in report.warnings:
        typer.echo(f"提示：{warning}", err=True)
    problems = report.problems
    if problems:
        raise typer.Exit(1)
