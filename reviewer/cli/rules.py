"""``reviewer rules``: list, show and check the detection rules (``rules/<category>.yaml``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from reviewer.cli.zh import GROUP_SETTINGS

RULES_HELP = """查看和检查审查规则（rules/ 目录下的 YAML 规则文件）。

\b
示例：
  reviewer rules list                       # 列出全部规则
  reviewer rules list --category privacy    # 只列出个人隐私类规则
  reviewer rules show PRV001                # 查看一条规则的全部内容
  reviewer rules show TRI004                # 申请分流线索（rules/triage.yaml）也是规则
  reviewer rules check                      # 检查项目规则文件并运行每条规则的示例
  reviewer rules check 我的规则/privacy.yaml  # 检查自己修改的规则文件"""

LIST_HELP = """列出规则：代码、名称、类别、严重程度、状态和一句话说明。

\b
示例：
  reviewer rules list
  reviewer rules list --category 个人隐私 --format json"""

SHOW_HELP = """显示一条规则的全部内容：法律依据、类型、关键词或正则、上下文、排除词、降级词、分值、说明文档、示例和所在文件。

\b
示例：
  reviewer rules show PRV001
  reviewer rules show draft-stage-marking --format json"""

CHECK_HELP = """检查规则文件的格式（字段、类型、正则能否编译、代码是否重复），并运行每条规则的示例。

\b
示例：
  reviewer rules check                     # 检查项目 rules/ 目录
  reviewer rules check 我的规则/             # 检查一个目录
  reviewer rules check 我的规则/privacy.yaml

退出码：0 未发现问题；1 发现问题（逐条列出文件、规则代码和字段）；2 用法错误。"""

rules_app = typer.Typer(**GROUP_SETTINGS)

FORMATS = ("text", "json")
FormatOption = Annotated[str, typer.Option("--format", "-f", help="输出格式：text 或 json。")]
RulesOption = Annotated[Path | None, typer.Option("--rules", help="规则目录或文件（默认使用项目 rules/）。")]
SEVERITY_WORDS = {"info": "提示", "review": "需审核", "withhold": "不予公开"}
STATUS_WORDS = {"stable": "稳定", "preview": "预览", "deprecated": "已停用"}
KIND_WORDS = {"keywords": "关键词", "regex": "正则表达式", "validated": "正则 + 校验器", "context": "上下文"}


def register(app: typer.Typer) -> None:
    app.add_typer(rules_app, name="rules", help=RULES_HELP, options_metavar="[选项]")


def _usage(message: str) -> None:
    typer.echo(f"错误：{message}", err=True)
    raise typer.Exit(2)


def _load(rules_dir: Path | None):
    """All valid rules and triage cues, or a usage error telling the user to run ``rules check``."""
    from reviewer.detect.registry import cue_file, load_registry
    from reviewer.detect.rulebook import RuleFileError, rule_files

    if rules_dir is not None and not rules_dir.exists():
        _usage(f"找不到规则文件或目录：{rules_dir}")
    try:
        rules = load_registry(rules_dir)
    except RuleFileError as exc:
        typer.echo(str(exc), err=True)
        _usage("规则文件有误，请先运行 reviewer rules check 查看并修正。")
    if not rules and not rule_files(rules_dir) and cue_file(rules_dir) is None:
        _usage(f"没有找到规则文件：{rules_dir or '项目 rules/ 目录'}")
    return rules


def _resolve_category(value: str) -> str:
    from reviewer.detect.findings import CATEGORIES, CATEGORY_LABELS
    from reviewer.detect.registry import TRIAGE_CATEGORY, TRIAGE_LABEL

    if value in CATEGORIES or value == TRIAGE_CATEGORY:
        return value
    if value == TRIAGE_LABEL:
        return TRIAGE_CATEGORY
    for code, label in CATEGORY_LABELS.items():
        if value == label:
            return code
    choices = "、".join(f"{c}（{CATEGORY_LABELS.get(c, c)}）" for c in CATEGORIES)
    choices += f"、{TRIAGE_CATEGORY}（{TRIAGE_LABEL}）"
    _usage(f"未知类别：{value}（可选：{choices}）")
    return value  # unreachable


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _one_line(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def render_table(rows: list[list[str]], header: list[str]) -> str:
    """A plain-text table padded for the display width of Chinese characters (last column free)."""
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header) - 1)]
    lines = []
    for row in [header, *rows]:
        cells = [_pad(cell, widths[i]) for i, cell in enumerate(row[:-1])] + [row[-1]]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths) + "  " + "-" * 8)
    return "\n".join(lines)


@rules_app.command("list", help=LIST_HELP, options_metavar="[选项]")
def list_rules(
    category: Annotated[str | None, typer.Option(
        "--category", "-c", help="只列出该类别（如 privacy 或 个人隐私）。")] = None,
    fmt: FormatOption = "text",
    rules_dir: RulesOption = None,
) -> None:
    if fmt not in FORMATS:
        _usage(f"未知的输出格式：{fmt}（可选：{'、'.join(FORMATS)}）")
    wanted = _resolve_category(category) if category else None
    rules = [r for r in _load(rules_dir) if wanted is None or r.category == wanted]
    if fmt == "json":
        data = [{"code": r.code, "name": r.name, "category": r.category, "category_label": _category_label(r),
                 "severity": getattr(r, "severity", None), "status": r.status, "message": r.message,
                 "file": Path(r.file).name, **({"outcome": r.outcome} if hasattr(r, "outcome") else {})}
                for r in rules]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if not rules:
        typer.echo("没有符合条件的规则。")
        return
    rows = [[r.code, r.name, _category_label(r), _severity_word(r), STATUS_WORDS.get(r.status, r.status),
             _one_line(r.message)] for r in rules]
    typer.echo(render_table(rows, ["代码", "名称", "类别", "严重程度", "状态", "说明"]))
    typer.echo(f"\n共 {len(rules)} 条规则。用 reviewer rules show 代码 查看详情。")


def _category_label(entry) -> str:
    from reviewer.detect.findings import CATEGORY_LABELS
    from reviewer.detect.registry import TRIAGE_LABEL

    if hasattr(entry, "outcome"):
        return TRIAGE_LABEL
    return CATEGORY_LABELS.get(entry.category, entry.category)


def _severity_word(entry) -> str:
    if hasattr(entry, "outcome"):
        return f"权重 {entry.weight:g}"
    return SEVERITY_WORDS.get(entry.severity, entry.severity)


@rules_app.command("show", help=SHOW_HELP, options_metavar="[选项]")
def show_rule(
    code: Annotated[str, typer.Argument(
        metavar="代码", help="规则代码（如 PRV001）或名称（如 draft-stage-marking）。", show_default=False)],
    fmt: FormatOption = "text",
    rules_dir: RulesOption = None,
) -> None:
    if fmt not in FORMATS:
        _usage(f"未知的输出格式：{fmt}（可选：{'、'.join(FORMATS)}）")
    rules = _load(rules_dir)
    key = code.strip()
    rule = next((r for r in rules if r.code == key.upper() or r.name == key.lower()), None)
    if rule is None:
        import difflib

        close = difflib.get_close_matches(key.upper(), [r.code for r in rules], n=3, cutoff=0.6)
        close += difflib.get_close_matches(key.lower(), [r.name for r in rules], n=3, cutoff=0.6)
        hint = f"（是否要找：{'、'.join(close)}？）" if close else "（用 reviewer rules list 查看全部规则）"
        _usage(f"没有代码或名称为 {key} 的规则{hint}")
    if fmt == "json":
        typer.echo(json.dumps(rule.to_dict(), ensure_ascii=False, indent=2))
        return
    typer.echo(render_cue(rule) if hasattr(rule, "outcome") else render_rule(rule))


def render_cue(cue) -> str:
    """Every field of a triage cue, labelled in Chinese."""
    from reviewer.detect.registry import TRIAGE_LABEL

    lines = [
        f"{cue.code}  {cue.name}",
        f"类别：{TRIAGE_LABEL}（triage）",
        f"指向的答复类型：{cue.outcome}",
        f"权重：{cue.weight:g}（多条线索按噪声或合并）",
        f"状态：{STATUS_WORDS.get(cue.status, cue.status)}（{cue.status}）",
        f"说明：{cue.message}",
    ]
    from reviewer.vocab import GROUND_NAMES_ZH

    if getattr(cue, "ground", None):
        lines.append(f"指向的不予公开理由：{GROUND_NAMES_ZH.get(cue.ground, cue.ground)}（{cue.ground}）")
    if getattr(cue, "against", None):
        lines.append("反向线索，减弱分类器对以下理由的判断：" + "、".join(GROUND_NAMES_ZH.get(g, g) for g in cue.against))
    if getattr(cue, "letter_reason", ""):
        lines.append(f"答复书理由：{cue.letter_reason}")
    if cue.keywords:
        lines.append(f"关键词：{'、'.join(cue.keywords)}")
    lines.extend(f"正则表达式：{p.pattern}" for p in cue.patterns)
    lines.append("说明文档：")
    lines.extend(f"  {line}" for line in cue.doc.splitlines())
    lines.append("示例（应命中）：")
    lines.extend(f"  + {example}" for example in cue.examples_match)
    lines.append("示例（不应命中）：")
    lines.extend(f"  - {example}" for example in cue.examples_no_match)
    lines.append(f"文件：{cue.file}")
    return "\n".join(lines)


def render_rule(rule) -> str:
    """Every field of a rule, labelled in Chinese."""
    from reviewer.detect.findings import CATEGORY_LABELS

    lines = [
        f"{rule.code}  {rule.name}",
        f"类别：{CATEGORY_LABELS.get(rule.category, rule.category)}（{rule.category}）",
        f"法律依据：{rule.basis}",
        f"类型：{KIND_WORDS.get(rule.kind, rule.kind)}（{rule.kind}）",
        f"分值：{rule.score:g}",
        f"严重程度：{SEVERITY_WORDS.get(rule.severity, rule.severity)}（{rule.severity}）",
        f"状态：{STATUS_WORDS.get(rule.status, rule.status)}（{rule.status}）",
        f"说明：{rule.message}",
    ]
    if rule.keywords:
        boundary = "（须为完整词语）" if rule.boundary == "token" else ""
        lines.append(f"关键词{boundary}：{'、'.join(rule.keywords)}")
    for pattern in rule.patterns:
        lines.append(f"正则表达式：{pattern}")
    if rule.validator:
        lines.append(f"校验器：{rule.validator}")
    if rule.entity:
        lines.append(f"个人信息类型：{rule.entity}")
    if rule.context:
        c = rule.context
        extra = "；必须出现" if c.required else ""
        if c.severity:
            extra += f"；出现时严重程度改为 {c.severity}"
        lines.append(f"上下文：{'、'.join(c.words)}（前后 {c.window} 字内，加分 {c.boost:g}{extra}）")
    if getattr(rule, "after", None):
        lines.append(f"前提：命中位置之前 {rule.after[1]} 字内须出现 {rule.after[0]}")
    if rule.exclude:
        lines.append(f"排除：{'、'.join(rule.exclude.words)}（前后 {rule.exclude.window} 字内出现则不计）")
        if rule.exclude.heading:
            lines.append(f"排除：文首标题出现{'、'.join(rule.exclude.heading)}的，全文不计")
    if rule.demote:
        lines.append(f"降级：{'、'.join(rule.demote.words)}（前后 {rule.demote.window} 字内出现则严重程度降为 "
                     f"{rule.demote.severity}）")
    if rule.head_lines:
        lines.append(f"位置：文首前 {rule.head_lines} 行以外分值降为 {rule.outside_score:g}")
    lines.append("说明文档：")
    lines.extend(f"  {line}" for line in rule.doc.splitlines())
    lines.append("示例（应命中）：")
    lines.extend(f"  + {example}" for example in rule.examples_match)
    lines.append("示例（不应命中）：")
    lines.extend(f"  - {example}" for example in rule.examples_no_match)
    lines.append(f"文件：{rule.file}")
    return "\n".join(lines)


@rules_app.command("check", help=CHECK_HELP, options_metavar="[选项]")
def check_rules(
    path: Annotated[Path | None, typer.Argument(
        metavar="路径", help="规则目录或单个规则文件（默认使用项目 rules/）。", show_default=False)] = None,
) -> None:
    from reviewer.decide.competence import COMPETENCE_FILE, CompetenceError, read_table
    from reviewer.decide.competence import example_problems as competence_problems
    from reviewer.detect.registry import TRIAGE_FILE, check_registry, example_problems
    from reviewer.detect.rulebook import NON_RULE_FILES
    from reviewer.paths import RULES_DIR

    if path is not None:
        if not path.exists():
            _usage(f"找不到规则文件或目录：{path}")
        if path.is_file() and path.name in NON_RULE_FILES and path.name != TRIAGE_FILE:
            _usage(f"{path.name} 是数据表，不是规则文件，不按规则格式检查。")
    entries, problems, files = check_registry(path)
    if not files:
        _usage(f"{path or '项目 rules/ 目录'} 中没有规则文件（*.yaml）。")
    problems.extend(p for entry in entries for p in example_problems(entry))
    table_path = (path if path is not None and path.is_dir() else RULES_DIR if path is None else None)
    if table_path is not None and (table_path / COMPETENCE_FILE).is_file():
        # the competence table (第十条) is data with examples too
        try:
            table = read_table(table_path / COMPETENCE_FILE)
            problems.extend(competence_problems(table, table_path / COMPETENCE_FILE))
            files += 1
        except CompetenceError as exc:
            problems.append(str(exc))
    for problem in problems:
        typer.echo(f"✗ {problem}")
    summary = f"检查了 {files} 个文件、{len(entries)} 条有效规则（含申请分流线索）"
    if problems:
        typer.echo(f"\n{summary}：发现 {len(problems)} 个问题。")
        raise typer.Exit(1)
    typer.echo(f"{summary}（含全部示例）：未发现问题。")
