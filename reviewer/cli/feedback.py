"""``reviewer feedback``: list a review's findings, accept or reject one (becomes training data)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from reviewer.cli.store import DB_HELP, _fail, _open, _text_or_json

EPILOG = """示例：
  reviewer feedback 2026-0003                 # 列出该申请最近一次审查的发现及编号
  reviewer feedback 2026-0003#2 reject --note 是“提供方便”，不是人名
  reviewer feedback 2026-0003#1 accept
  reviewer train --from-store                 # 用决定库中的决定和发现处理意见训练新版本"""


def feedback(
    target: Annotated[str, typer.Argument(metavar="申请编号或发现编号",
                                          help="申请编号（列出发现），或发现编号 申请编号#序号（如 2026-0003#2）。")],
    verdict: Annotated[str | None, typer.Argument(metavar="[accept|reject]",
                                                  help="accept（采纳）或 reject（驳回）；省略则只列出。")] = None,
    officer: Annotated[str | None, typer.Option("--officer", help="经办人（默认为当前登录用户）。")] = None,
    note: Annotated[str | None, typer.Option("--note", help="说明（不会用于训练）。")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="输出格式：text 或 json。")] = "text",
    db: Annotated[Path | None, typer.Option("--db", help=DB_HELP)] = None,
) -> None:
    """记录工作人员对审查发现的处理意见（采纳/驳回），供 reviewer train --from-store 学习。"""
    from reviewer.store.db import StoreError
    from reviewer.store.feedback import VERDICT_ZH, list_findings, record_finding_feedback

    _text_or_json(fmt)
    store = _open(db)
    try:
        if verdict is None:
            if "#" in target:
                _fail("请写明处理意见：accept（采纳）或 reject（驳回）")
            rows = list_findings(store, target)
            payload: object = rows
        else:
            if "#" not in target:
                _fail(f"“{target}”不是发现编号；先用 reviewer feedback {target} 查看编号（如 {target}#1）")
            payload = record_finding_feedback(store, target, verdict, officer=officer, note=note)
    except StoreError as exc:
        _fail(str(exc))
    finally:
        store.close()
    if fmt == "json":
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2, default=str))
        return
    if verdict is None:
        if not payload:
            typer.echo(f"申请 {target} 的最近一次审查没有发现。")
            return
        for r in payload:
            mark = VERDICT_ZH.get(r["verdict"], "未处理")
            typer.echo(f"{r['finding_id']}  {r['rule']}  {r['category_label'] or r['category']}「{r['text']}」"
                       f"{(r['score'] or 0):.2f}  {Path(r['path'] or '').name}  [{mark}]")
        return
    row = payload
    typer.echo(f"已记录：发现 {row['finding_id']}（{row['rule']}，{row['category']}）→ {VERDICT_ZH[row['verdict']]}，"
               f"经办人 {row['officer']}。")
    if not row["context"]:
        typer.echo("提示：原文件已无法读取，此处理意见只记入审计，不能作为训练样本。")


def register(app: typer.Typer) -> None:
    app.command("feedback", epilog=EPILOG)(feedback)
