"""Case commands: ``case event`` (record a procedural event), ``case show`` (clock and timeline),
``case letter`` (the procedural letters) and ``cases`` (the office's open cases by due date)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer

from reviewer.cli.store import DB_HELP, _fail, _open, _text_or_json

EVENT_HELP = """记录一件申请的程序事件，并显示重新计算的答复期限。

\b
事件：
  correction-sent / correction-received / correction-lapsed    补正告知、收到补正（期限重新起算）、逾期未补正
  consultation-sent [--party organ] / consultation-answered / consultation-lapsed
                                                             征求第三方（或共同制作机关）意见，期间不计入期限
  extension-approved --days N --approved-by 负责人             延长答复期限（第三十三条第二款）
  fee-notice-sent / fee-paid / fee-lapsed                     收费通知、缴费、逾期未缴费（第四十二条）
  reasons-asked / reasons-given [--until 日期] / reasons-unreasonable   说明理由（第三十五条）
  withdrawn / replied                                        撤回、作出答复
  review-filed / review-decided --result 维持|纠正|其他        行政复议（年报表四）
  lawsuit-filed [--after-review] / lawsuit-decided --result …  行政诉讼（年报表四）

\b
示例：
  reviewer case event 2026-0012 correction-sent --date 2026-11-25
  reviewer case event 2026-0012 correction-received --date 2026-12-10
  reviewer case event 2026-0012 extension-approved --days 20 --approved-by 李主任 --date 2026-12-30"""

CASES_HELP = """本机关尚未办结的申请，按答复期限排序：已逾期、即将到期、等待申请人或第三方。

有逾期案件时退出码为 1，可用于定时任务提醒。

\b
示例：
  reviewer cases
  reviewer cases --soon 3 --format json"""

LETTER_HELP = """起草一件申请的程序性文书（文本或 .docx）。

\b
文书：
  extension      延期答复告知书（第三十三条第二款，需已记录 extension-approved）
  reasons        说明理由告知书（第三十五条）
  fee            收费通知书（第四十二条，--items 件数 / --pages 页数）
  co-producer    征求意见函（共同制作机关，第三十四条）
  correction     补正告知书（第三十条，--missing 写明需补正的事项）

\b
示例：
  reviewer case letter 2026-0012 extension --out 延期答复告知书.docx
  reviewer case letter 2026-0012 fee --items 35"""

LETTER_KINDS = ("extension", "reasons", "fee", "co-producer", "correction")
TodayOption = Annotated[str | None, typer.Option("--today", help="按该日期计算剩余期限（默认今天）。")]
ProfileOption = Annotated[Path | None, typer.Option("--profile", help="机关配置（工作日计算口径）。")]
DbOption = Annotated[Path | None, typer.Option("--db", help=DB_HELP)]


def register(app: typer.Typer) -> None:
    case_app = typer.Typer(help="案件程序：记录事件、查看期限、起草程序性文书。", no_args_is_help=True,
                           rich_markup_mode=None, options_metavar="[选项]", subcommand_metavar="命令 [参数]...")
    case_app.command("event", help=EVENT_HELP, options_metavar="[选项]")(event)
    case_app.command("show", help="显示一件申请的答复期限、等待事项和程序时间线。", options_metavar="[选项]")(show)
    case_app.command("letter", help=LETTER_HELP, options_metavar="[选项]")(letter)
    app.add_typer(case_app, name="case")
    app.command("cases", help=CASES_HELP, options_metavar="[选项]")(cases)


def _today(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        _fail(f"日期“{value}”无法识别（应为 YYYY-MM-DD）")


def _profile(path: Path | None):
    from reviewer.decide.profile import ProfileError, load_profile

    try:
        return load_profile(path)
    except ProfileError as exc:
        _fail(str(exc))


def event(
    request_id: Annotated[str, typer.Argument(metavar="申请编号", help="如 2026-0012。")],
    kind: Annotated[str, typer.Argument(metavar="事件", help="事件名称，见上方列表。")],
    date: Annotated[str | None, typer.Option("--date", help="事件日期 YYYY-MM-DD（默认今天）。")] = None,
    note: Annotated[str | None, typer.Option("--note", help="备注（如送达方式、文号）。")] = None,
    by: Annotated[str | None, typer.Option("--by", help="记录人（默认 REVIEWER_OFFICER 或登录名）。")] = None,
    days: Annotated[int | None, typer.Option("--days", help="extension-approved：延长的工作日数（1–20）。")] = None,
    approved_by: Annotated[str | None, typer.Option("--approved-by", help="extension-approved：同意延期的负责人。")] = None,
    until: Annotated[str | None, typer.Option("--until", help="reasons-given：确定的延迟答复合理期限。")] = None,
    result: Annotated[str | None, typer.Option("--result", help="review-decided / lawsuit-decided：维持、纠正或其他。")] = None,
    party: Annotated[str | None, typer.Option("--party", help="consultation-sent：third（第三方，默认）或 organ（共同制作机关）。")] = None,
    after_review: Annotated[bool, typer.Option("--after-review", help="lawsuit-filed：复议后起诉。")] = False,
    amount: Annotated[float | None, typer.Option("--amount", help="fee-notice-sent：收费金额（元）。")] = None,
    today: TodayOption = None,
    profile: ProfileOption = None,
    db: DbOption = None,
) -> None:
    from reviewer.store.case import add_case_event, case_clock
    from reviewer.store.db import StoreError

    store = _open(db)
    try:
        row = add_case_event(store, request_id, kind, date=date, who=by, note=note, days=days,
                             approved_by=approved_by, until=until, result=result, party=party,
                             after_review=after_review, amount=amount)
        state = case_clock(store, request_id, today=_today(today), convention=_profile(profile).counting)
    except (StoreError, ValueError) as exc:
        _fail(str(exc))
    finally:
        store.close()
    typer.echo(f"已记录：申请 {row['number']} {row['date']} {row['label']}（记录人：{row['who']}）")
    typer.echo(state.summary_zh())


def show(
    request_id: Annotated[str, typer.Argument(metavar="申请编号")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text 或 json。")] = "text",
    today: TodayOption = None,
    profile: ProfileOption = None,
    db: DbOption = None,
) -> None:
    from reviewer.store.case import case_clock
    from reviewer.store.db import StoreError

    _text_or_json(fmt)
    store = _open(db)
    try:
        state = case_clock(store, request_id, today=_today(today), convention=_profile(profile).counting)
    except (StoreError, ValueError) as exc:
        _fail(str(exc))
    finally:
        store.close()
    if fmt == "json":
        typer.echo(json.dumps(state.to_dict(), ensure_ascii=False, indent=2))
        return
    typer.echo(f"申请 {state.number}")
    typer.echo(state.summary_zh())
    typer.echo("程序时间线：")
    for e in state.to_dict()["events"]:
        typer.echo(f"  {e['date']}  {e['label']}" + (f"（{e['note']}）" if e["note"] else "")
                   + (f"  记录人：{e['who']}" if e["who"] else ""))


def cases(
    soon: Annotated[int, typer.Option("--soon", min=0, help="剩余不超过该工作日数的列为“即将到期”。")] = 5,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text 或 json。")] = "text",
    today: TodayOption = None,
    profile: ProfileOption = None,
    db: DbOption = None,
) -> None:
    from reviewer.store.case import open_cases

    _text_or_json(fmt)
    store = _open(db)
    try:
        states = open_cases(store, today=_today(today), convention=_profile(profile).counting)
        applicants = {s.number: store.summary(store.get_request(s.number))["applicant"] for s in states}
    finally:
        store.close()
    rows = []
    for s in states:
        left = s.deadline.workdays_left
        flag = "已逾期" if s.overdue else ("即将到期" if left is not None and left <= soon and s.due else "")
        rows.append(dict(s.to_dict(), applicant=applicants.get(s.number), flag=flag, workdays_left=left,
                         events=None, deadline=None))
    overdue = sum(1 for r in rows if r["overdue"])
    if fmt == "json":
        typer.echo(json.dumps({"today": (_today(today) or dt.date.today()).isoformat(), "open": len(rows),
                               "overdue": overdue, "cases": rows}, ensure_ascii=False, indent=2))
    elif not rows:
        typer.echo("没有未办结的申请。")
    else:
        for r in rows:
            due = r["due"] or "待补正后起算"
            left = "" if r["workdays_left"] is None or r["due"] is None else (
                f"剩余 {r['workdays_left']} 个工作日" if not r["overdue"] else f"逾期 {-r['days_left']} 天")
            waiting = f"；等待{'、'.join(r['waiting_on'])}" if r["waiting_on"] else ""
            mark = f"【{r['flag']}】" if r["flag"] else ""
            typer.echo(f"{mark}{r['number']}  期限 {due}  {left}  {r['status']}{waiting}  申请人：{r['applicant'] or '不详'}")
        typer.echo(f"共 {len(rows)} 件未办结，其中已逾期 {overdue} 件。")
    raise typer.Exit(1 if overdue else 0)


def letter(
    request_id: Annotated[str, typer.Argument(metavar="申请编号")],
    kind: Annotated[str, typer.Argument(metavar="文书", help="extension、reasons、fee、co-producer 或 correction。")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="写入文件（.docx、.md 或 .txt；默认输出文本到屏幕）。")] = None,
    items: Annotated[int | None, typer.Option("--items", help="fee：本月累计申请件数（按件计收）。")] = None,
    pages: Annotated[int | None, typer.Option("--pages", help="fee：提供的页数（按量计收）。")] = None,
    reason: Annotated[str | None, typer.Option("--reason", help="extension：延期原因。")] = None,
    missing: Annotated[list[str] | None, typer.Option("--missing", help="correction：需补正的事项（可多次）。")] = None,
    organ: Annotated[str | None, typer.Option("--organ", help="co-producer：共同制作机关名称。")] = None,
    profile: Annotated[Path | None, typer.Option("--profile", help="机关配置。")] = None,
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
) -> None:
    from reviewer.store.case_letters import build_case_letter
    from reviewer.store.db import StoreError

    if kind not in LETTER_KINDS:
        _fail(f"未知的文书“{kind}”（可选：{'、'.join(LETTER_KINDS)}）")
    agency = _profile(profile)
    store = _open(db)
    try:
        drafted = build_case_letter(store, request_id, kind, agency, items=items, pages=pages, reason=reason,
                                    missing=missing or [], organ=organ)
    except (StoreError, ValueError) as exc:
        _fail(str(exc))
    finally:
        store.close()
    if out is None:
        typer.echo(drafted.to_text())
        return
    if out.suffix.lower() == ".docx":
        from reviewer.draft.docx_letter import write_docx

        write_docx(drafted, out)
    else:
        out.write_text(drafted.to_markdown() if out.suffix.lower() == ".md" else drafted.to_text(), encoding="utf-8")
    typer.echo(f"已写入 {out}")
