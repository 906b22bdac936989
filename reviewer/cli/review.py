"""``reviewer review``: review a pasted request and draft the reply for staff review."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

REVIEW_HELP = """审查一件政府信息公开申请，草拟答复类型、引用条款、理由、期限和答复书，供工作人员审核。

\b
示例：
  reviewer review 申请.txt --doc 会议纪要.docx --received 2026-11-20 --channel 网络
  reviewer review 申请表.yaml --catalog 公开目录.csv --profile 本机关.yaml --format json
  reviewer review --letter 答复书.docx --redact-dir 遮盖件/ --doc 材料.pdf     # 粘贴申请，按 Ctrl-D 结束

结论仅为草稿，须由工作人员审核决定。个人信息默认脱敏显示。"""

FORMATS = ("text", "json", "markdown")


def register(app: typer.Typer) -> None:
    app.command("review", help=REVIEW_HELP, options_metavar="[选项]")(review)


def review(
    file: str | None = typer.Argument(None, metavar="[申请文件]", help="申请文本文件（.txt），或申请表（.yaml/.json）；- 或省略表示粘贴。"),
    docs: list[Path] = typer.Option([], "--doc", "-d", help="本机关掌握的候选文件（可多次指定）。"),
    catalog: Path | None = typer.Option(None, "--catalog", help="主动公开目录（CSV 或 JSONL：标题、文号、日期、网址）。"),
    profile: Path | None = typer.Option(None, "--profile", help="机关配置 YAML（机关名称、复议机关、文号等；默认使用 reviewer init 写入的本机关配置）。"),
    received: str | None = typer.Option(None, "--received", help="收到申请日期 YYYY-MM-DD（按第三十一条确定）。"),
    channel: str | None = typer.Option(None, "--channel", help="申请方式：当面、邮寄、网络、传真。"),
    stage: str | None = typer.Option(None, "--stage", help="过程性信息所涉决策阶段：pending（尚在讨论）或 decided（已作出决定）。"),
    procedure: str | None = typer.Option(
        None, "--procedure",
        help="程序进展：corrected（已补正一次）、correction_lapsed（逾期未补正）、fee_unpaid（逾期未缴费）、"
             "reasons_unreasonable（说明理由后理由不合理）、withdrawn（申请人撤回）。"),
    applicant_on_file: bool = typer.Option(
        False, "--applicant-on-file",
        help="申请人姓名、身份证明、联系方式已由申请表单另行登记（粘贴的只是申请内容），不再据此提示补正。"),
    third_party: str | None = typer.Option(
        None, "--third-party",
        help="第三方对书面征求意见的答复（第三十二条）：agree（同意公开）、object（不同意且有理由）、none（逾期未答复）；"
             "未提供时，涉及第三方的事项先检索、征求意见，不草拟不予公开。"),
    searched: str | None = typer.Option(
        None, "--searched",
        help="检索记录（检索的系统或档案、关键词、期间、检索人及结果）；未提供时不草拟“信息不存在”答复。"),
    fmt: str = typer.Option("text", "--format", "-f", help="输出格式：text、json、markdown。"),
    letter: Path | None = typer.Option(None, "--letter", help="将答复书（或补正告知书）另存为 .docx。"),
    redact_dir: Path | None = typer.Option(None, "--redact-dir", help="部分公开时，将遮盖后的候选文件副本和遮盖记录写入该目录。"),
    threshold: float = typer.Option(0.5, "--threshold", min=0.0, max=1.0, help="分值阈值（0–1）。"),
    no_model: bool = typer.Option(False, "--no-model", help="只用规则，不用分类器。"),
    model_dir: Path | None = typer.Option(None, "--model", help="使用指定版本的模型目录。"),
    show_values: bool = typer.Option(False, "--show-values", help="显示个人信息原值（默认脱敏）。"),
    today: str | None = typer.Option(None, "--today", help="以该日期计算剩余天数（默认今天）。"),
    save: bool = typer.Option(False, "--save", help="将本次审查记录保存到决定库。"),
    db: Path | None = typer.Option(None, "--db", help="决定库 SQLite 文件（默认在用户数据目录）。"),
) -> None:
    from reviewer.app import Reviewer
    from reviewer.app.options import check_format
    from reviewer.app.reviewer import user_errors

    try:
        check_format(fmt, FORMATS)
        reviewer = Reviewer.from_config(model="none" if no_model else model_dir, profile=profile, store=db)
        outcome = reviewer.review(
            None if file == "-" else file, stdin=sys.stdin.buffer, prompt=_prompt,
            docs=docs, catalog=catalog, received=received, channel=channel, stage=stage, procedure=procedure,
            threshold=threshold, today=today, applicant_on_file=applicant_on_file, search_record=searched,
            third_party=third_party,
            show_values=show_values,
            history=save or db is not None or _default_store_exists(), save=save, letter=letter, redact_dir=redact_dir)
    except user_errors() as exc:
        _fail(str(exc))
    data = outcome.to_dict(show_values)
    if fmt == "json":
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    elif fmt == "markdown":
        typer.echo(render_markdown(data, outcome))
    else:
        typer.echo(render_text(data, outcome))


def _prompt() -> None:
    if sys.stdin.isatty():
        typer.echo("请粘贴申请内容，结束后按 Ctrl-D（Windows 为 Ctrl-Z 回车）：", err=True)


def _fail(message: str) -> None:
    typer.echo(f"错误：{message}", err=True)
    raise typer.Exit(2)


def _pending_label(reply: dict) -> str:
    """"（检索前暂定）" for a reply waiting for the search, "（待确认解密，暂定）" for one waiting for the 定密机关."""
    if not reply.get("pending"):
        return ""
    return "（待确认解密，暂定）" if "declassification" in (reply.get("holds") or []) else "（检索前暂定）"


def render_text(data: dict, outcome) -> str:
    reply = data["reply"]
    lines = ["━━ 答复草稿（须经工作人员审核） ━━",
             f"建议答复类型{_pending_label(reply)}：{reply['label']}（{reply['code']}）",
             f"引用条款：{reply['citations'] or '（无明文条款，见说明）'}",
             f"年报统计行：{reply['report_row'] or '不计入（程序性告知）'}"]
    if reply["reasons"]:
        lines.append("理由：")
        lines += [f"  - {r}" for r in reply["reasons"]]
    lines.append("候选答复类型（概率）：")
    lines += [f"  {i}. {c['label']}（{c['code']}）{c['probability']:.2f}" + (f"——{c['note']}" if c.get("note") else "")
              for i, c in enumerate(data["candidates"][:5], 1)]
    tri = data["triage"]
    lines.append(f"申请分流：{tri['driver']}")
    for ev in tri["evidence"]:
        lines.append(f"  线索 {ev['cue']}：“{ev['text']}” → {ev['outcome']}")
    if tri["classifier_terms"]:
        lines.append(f"  分类器依据词：{'、'.join(tri['classifier_terms'])}")
    if data.get("request_grounds"):
        from reviewer.model.corpus import GROUND_NAMES_ZH

        lines.append("仅凭申请内容判断可能涉及的不公开依据（概率；依据词；达到模型判定阈值的标“需核实”）：")
        for g in data["request_grounds"][:4]:
            lines.append(f"  - {GROUND_NAMES_ZH.get(g['ground'], g['ground'])}：{g['probability']:.2f}"
                         + ("（需核实）" if g.get("named") else "")
                         + (f"；{'、'.join(g['evidence'])}" if g["evidence"] else ""))
    req = data["request"]
    lines.append(f"申请事项：{len(req['items'])} 项")
    for item in req["items"]:
        lines.append(f"  {item['index']}. {item['text'][:60]} → {item['label']}")
        if item["catalog_match"]:
            m = item["catalog_match"]
            lines.append(f"     已主动公开：《{m['title']}》{m['doc_number'] or ''}（{m['method']} {m['score']:.0f}）")
    if req["missing"]:
        lines.append("缺少的申请要素（第二十九条）：")
        lines += [f"  - {m}" for m in req["missing"]]
    if data["grounds"]:
        lines.append("不予公开理由的可能性：")
        for g in data["grounds"].values():
            lines.append(f"  - {g['label']}（{g['article']}）：{g['probability']:.2f}，证据 {len(g['evidence'])} 处")
    for doc in data["documents"]:
        lines.append(f"候选文件 {doc['path']}：{doc['verdict_label']}（{doc['status_label']}）")
        for f in doc["findings"][:12]:
            lines.append(f"    {f['rule']} {f['category_label']}「{f['text']}」{f['score']:.2f} {f['explanation'].get('summary', '')}")
    if data["actions"]:
        lines.append("需要工作人员处理：")
        lines += [f"  - {a}" for a in data["actions"]]
    if outcome.deadline is not None:
        lines.append("期限：")
        lines += [f"  {line}" for line in outcome.deadline.summary_zh().splitlines()]
    for w in data["warnings"]:
        lines.append(f"提示：{w}")
    if outcome.letter is not None:
        lines.append("")
        lines.append("━━ 文书草稿 ━━")
        lines.append(outcome.letter.to_text())
    for other in outcome.letters[1:]:
        lines.append("")
        lines.append("━━ 附：" + other.title + " ━━")
        lines.append(other.to_text())
    return "\n".join(lines)


def render_markdown(data: dict, outcome) -> str:
    reply = data["reply"]
    lines = [f"# 答复草稿：{reply['label']}", "", f"- 代码：`{reply['code']}`", f"- 引用条款：{reply['citations']}",
             f"- 年报统计行：{reply['report_row'] or '不计入'}", "", "## 理由", ""]
    lines += [f"- {r}" for r in reply["reasons"]] or ["- （无）"]
    lines += ["", "## 候选答复类型", "", "| 排名 | 答复类型 | 代码 | 概率 |", "|---|---|---|---|"]
    lines += [f"| {i} | {c['label']}{('（' + c['note'] + '）') if c.get('note') else ''} | `{c['code']}` | {c['probability']:.2f} |"
              for i, c in enumerate(data["candidates"], 1)]
    if data["actions"]:
        lines += ["", "## 需要工作人员处理", ""] + [f"- {a}" for a in data["actions"]]
    if outcome.deadline is not None:
        lines += ["", "## 期限", ""] + [f"- {x}" for x in outcome.deadline.summary_zh().splitlines()]
    if data["warnings"]:
        lines += ["", "## 提示", ""] + [f"- {w}" for w in data["warnings"]]
    for letter in outcome.letters:
        lines += ["", "---", "", letter.to_markdown()]
    return "\n".join(lines)


def _default_store_exists() -> bool:
    """Duplicates and repeated requests are looked for whenever the decision store exists."""
    from reviewer.paths import default_db_path

    return default_db_path().is_file()
