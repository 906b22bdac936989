"""``reviewer train`` and ``reviewer evaluate``: train model versions and measure them.

Heavy libraries (jieba, scikit-learn, skops) are imported inside the commands.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"错误：{message}", err=True)
    raise typer.Exit(code)


def train(
    decisions: Annotated[list[Path] | None, typer.Option(
        "--decisions", "-d", help="历史决定导出文件（CSV/JSONL/XLSX），可重复；其后的文件参数也视为决定文件。")] = None,
    more: Annotated[list[Path] | None, typer.Argument(
        metavar="[决定文件]...", help="更多历史决定文件。", show_default=False)] = None,
    seed_weight: Annotated[float, typer.Option("--seed-weight", help="种子语料样本权重。")] = 1.0,
    decisions_weight: Annotated[float, typer.Option("--decisions-weight", help="历史决定样本权重。")] = 2.0,
    out: Annotated[Path | None, typer.Option("--out", help="模型版本存放目录（默认：用户数据目录/models）。")] = None,
    corpus: Annotated[Path | None, typer.Option("--corpus", help="种子语料目录（默认：项目 corpora/）。")] = None,
    folds: Annotated[int, typer.Option("--folds", min=0, help="交叉验证折数（0 = 不做交叉验证）。")] = 5,
    seed: Annotated[int | None, typer.Option("--seed", help="随机种子（默认固定值，结果可复现）。")] = None,
    output_format: Annotated[str, typer.Option("--format", help="输出格式：text 或 json。")] = "text",
    from_store: Annotated[bool, typer.Option(
        "--from-store", help="同时使用决定库中本机关的答复决定（含更改）和对审查发现的采纳/驳回意见。")] = False,
    office_weight: Annotated[float, typer.Option(
        "--office-weight", help="决定库样本权重（默认 3：本机关的决定优先于种子语料）。")] = 3.0,
    db: Annotated[Path | None, typer.Option("--db", help="决定库 SQLite 文件（默认在用户数据目录）。")] = None,
) -> None:
    """在种子语料（及本机关历史决定、决定库）上训练分类器，写入新的模型版本（不覆盖旧版本）。"""
    from reviewer.model.classifiers import DEFAULT_SEED
    from reviewer.model.errors import ModelError
    from reviewer.model.training import train_version

    if output_format not in ("text", "json"):
        _fail("--format 只能是 text 或 json。")
    files = list(decisions or []) + list(more or [])
    verbose = output_format == "text"
    office_rows = _store_rows(db) if from_store else None
    try:
        result = train_version(
            base_dir=out, decision_files=files, seed_weight=seed_weight, decisions_weight=decisions_weight,
            corpus_dir=corpus, folds=folds, seed=DEFAULT_SEED if seed is None else seed,
            progress=(lambda m: typer.echo(m, err=True)) if verbose else None,
            office_rows=office_rows, office_weight=office_weight,
        )
    except ModelError as exc:
        _fail(str(exc))
        return
    if output_format == "json":
        payload = {
            "model_dir": str(result.model_dir),
            "seconds": round(result.seconds, 2),
            "card": result.card,
            "unusable_rows": [p.as_dict() for p in result.decisions.unusable] if result.decisions else [],
        }
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    typer.echo(format_train_summary(result))


def _store_rows(db: Path | None) -> list[dict]:
    """Training rows of the decision store (decisions and finding verdicts)."""
    from reviewer.store.db import StoreError, open_store
    from reviewer.store.feedback import training_rows

    try:
        store = open_store(db)
    except StoreError as exc:
        _fail(str(exc))
    try:
        rows = training_rows(store)
    finally:
        store.close()
    if not rows:
        _fail("决定库中还没有决定或发现处理意见，无法用 --from-store 训练。")
    return rows


def format_office(card: dict) -> list[str]:
    """Before/after lines of training with the office's own examples (grouped evaluation, same folds)."""
    from reviewer.model.evaluate import fmt_metric as fmt
    from reviewer.model.evaluate import fmt_prop

    office = (card.get("metrics") or {}).get("office") or {}
    info = card.get("office") or {}
    if not info:
        return []
    lines = ["", f"■ 决定库样本（权重 {info.get('weight')}）：" + "，".join(
        f"{k} {v}" for k, v in (info.get("counts") or {}).items())]
    titles = {"triage": "申请分类", "grounds": "文件段落依据", "request_grounds": "申请层面依据"}
    for task, res in office.items():
        def line(h):
            if "error" in h:
                return f"无法计算（{h['error']}）"
            if "top1" in h:
                return f"首位 {fmt_prop(h['top1'])}"
            return f"宏平均 F2 {fmt(h['macro_f2'])}，无依据被误标记 {fmt_prop(h['clean_flagged'])}"
        lines.append(f"  {titles.get(task, task)}（分组交叉验证，同一折划分；本机关样本 {res['office_examples']} 条）：")
        lines.append(f"    全部测试样本：学习前 {line(res['before'])} → 学习后 {line(res['after'])}")
        lines.append(f"    本机关样本：学习前 {line(res['office_before'])} → 学习后 {line(res['office_after'])}")
    return lines


def format_train_summary(result) -> str:
    """Chinese summary of a training run."""
    from reviewer.model.corpus import GROUND_NAMES_ZH, TRIAGE_NAMES_ZH
    from reviewer.model.decisions import format_row_numbers
    from reviewer.model.evaluate import compare_sections, comparison_table, metrics_table
    from reviewer.model.evaluate import fmt_metric as fmt
    from reviewer.model.persist import previous_version_dir, read_card

    card = result.card
    t, g = card["training"]["triage"], card["training"]["grounds"]
    lines = [f"已写入新模型版本：{result.model_dir}（用时 {result.seconds:.1f} 秒）"]
    lines.append(f"申请样本 {t['n']} 条（种子 {t['sources'].get('seed', 0)}，历史决定 {t['sources'].get('decisions', 0)}）；"
                 f"段落样本 {g['n']} 条（种子 {g['sources'].get('seed', 0)}，历史决定 {g['sources'].get('decisions', 0)}）。")
    lines.append("申请类别样本数：" + "，".join(f"{TRIAGE_NAMES_ZH.get(k, k)} {v}" for k, v in t["counts"].items()))
    lines.append("不公开依据样本数：" + "，".join(
        f"{GROUND_NAMES_ZH.get(k, '无依据（可公开）' if k == 'clean' else k)} {v}" for k, v in g["counts"].items()))
    if card.get("untrained_grounds"):
        lines.append("样本不足、未训练的依据（概率取先验）：" + "、".join(card["untrained_grounds"]))
    if result.dropped_classes:
        lines.append("样本少于 2 条、未参与训练的申请类别：" + "、".join(result.dropped_classes))
    if card.get("corpus", {}).get("problems"):
        lines.append(f"种子语料中有 {len(card['corpus']['problems'])} 行被跳过（详见模型卡 corpus.problems）。")
    imported = result.decisions
    if imported is not None:
        lines.append("")
        lines.append("历史决定文件：")
        for f in imported.files:
            enc = f"，编码 {f.encoding}" if f.encoding else ""
            lines.append(f"  {f.file}（{f.format}{enc}）：{f.rows} 行，得到申请样本 {f.request_examples} 条、"
                         f"段落样本 {f.passage_examples} 条，无法使用 {f.unusable} 行")
        if imported.unusable:
            lines.append(f"无法使用的行（共 {len(imported.unusable)} 行，明细见 {result.model_dir / 'decisions_report.json'}）：")
            for file, rows in format_row_numbers(imported.unusable).items():
                lines.append(f"  {file} 第 {rows} 行")
            for p in imported.unusable[:5]:
                lines.append(f"  例：{Path(p.file).name} 第 {p.row} 行：{p.reason}")
        if imported.partly_used:
            lines.append(f"部分使用的行 {len(imported.partly_used)} 行（如“部分公开”未写明依据，文件内容未用于训练）。")
    metrics = card.get("metrics") or {}
    for task, title in (("triage", "申请分类"), ("grounds", "不公开依据")):
        cv = metrics.get(task, {}).get("cv")
        if cv:
            lines.append("")
            extra = f"准确率 {cv['accuracy']:.3f}，" if task == "triage" else ""
            lines.append(f"■ {title}：{cv['folds']} 折交叉验证，{extra}宏平均 F1 {fmt(cv['macro']['f1'])}，"
                         f"宏平均平衡准确率 {fmt(cv['macro']['balanced_accuracy'])}")
            lines.append(metrics_table(cv))
    from reviewer.model.evaluate import format_grouped

    lines.extend(format_grouped(metrics))
    lines.extend(format_office(card))
    prev = previous_version_dir(result.model_dir)
    if prev is not None and metrics:
        try:
            prev_metrics = read_card(prev).get("metrics", {})
        except Exception as exc:  # an unreadable old card must not hide the new model
            lines.append(f"\n无法读取上一版本 {prev.name} 的模型卡：{exc}")
        else:
            for task, title in (("triage", "申请分类"), ("grounds", "不公开依据")):
                comp = compare_sections(metrics.get(task, {}).get("cv"), prev_metrics.get(task, {}).get("cv"))
                if comp:
                    lines.append(f"\n与上一版本 {prev.name} 比较（{title}，F1）：")
                    lines.append(comparison_table(comp))
    lines.append("\n提示：分类器结论仅供参考，须由工作人员审核。")
    return "\n".join(lines)


def evaluate(
    model: Annotated[Path | None, typer.Option(
        "--model", help="模型版本目录，或存放各版本的目录（取最新版本）。")] = None,
    data: Annotated[Path | None, typer.Option(
        "--data", help="带标签的评测文件（语料格式 JSONL，或历史决定 CSV/JSONL/XLSX）。")] = None,
    output_format: Annotated[str, typer.Option("--format", help="输出格式：text 或 json。")] = "text",
    folds: Annotated[int, typer.Option("--folds", min=0, help="交叉验证折数（0 = 只在 --data 上评分）。")] = 5,
    recompute: Annotated[bool, typer.Option(
        "--recompute", help="重新计算交叉验证（默认在模型卡已有相同条件的结果时直接使用）。")] = False,
) -> None:
    """评估模型：训练数据分组交叉验证（附基线、区间和校准误差）、在指定数据上评分，并与上一版本比较。"""
    from reviewer.model.default import get_models, latest_model_dir
    from reviewer.model.errors import ModelError
    from reviewer.model.evaluate import evaluate_models, format_report
    from reviewer.paths import data_dir

    if output_format not in ("text", "json"):
        _fail("--format 只能是 text 或 json。")
    if folds == 1:
        _fail("--folds 须为 0 或不小于 2。")
    if data is not None and not data.is_file():
        _fail(f"找不到评测文件 {data}。")
    try:
        if model is None:
            latest = latest_model_dir(data_dir() / "models")
            loaded = get_models(latest) if latest is not None else get_models()
        else:
            loaded = get_models(model)
        report = evaluate_models(loaded, data_file=data, folds=folds, recompute=recompute)
    except ModelError as exc:
        _fail(str(exc))
        return
    if output_format == "json":
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        typer.echo(format_report(report), nl=False)


def register(app: typer.Typer) -> None:
    app.command("train")(train)
    app.command("evaluate")(evaluate)
