"""Render screening results for the terminal (text) and for machines (json, jsonl, csv).

Personal data is masked unless ``show_values`` is set: every renderer goes through
``ScreenResult.to_dict(show_values)``.
"""

from __future__ import annotations

import csv
import io
import json

from reviewer.detect.findings import CATEGORY_LABELS, SEVERITY_LABELS
from reviewer.screen.screening import ScreenResult

FORMATS = ("text", "json", "jsonl", "csv")
CSV_FIELDS = ["path", "status", "verdict", "error", "chars", "categories", "rule", "category", "basis", "line",
              "start", "end", "text", "score", "severity", "explanation", "context"]


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def render_text(result: ScreenResult, show_values: bool = False) -> str:
    data = result.to_dict(show_values)
    lines = [f"■ {data['path']}  【{data['verdict_label']}】  {data['status_label']}"
             + (f"，{data['chars']} 字" if data["status"] == "ok" else "")]
    if data["error"]:
        lines.append(f"  原因：{data['error']}")
    for warning in data["warnings"]:
        if warning != "编码检测为 UTF-8":  # the ordinary case is not worth a line
            lines.append(f"  提示：{warning}")
    for cat in sorted(data["categories"].values(), key=lambda c: -c["score"]):
        detail = f"规则 {cat['rules']:.2f}"
        if cat["classifier"] is not None:
            detail += f"，分类器 {cat['classifier']:.2f}"
            if cat["evidence"]:
                detail += f"（依据词：{'、'.join(cat['evidence'][:5])}）"
        lines.append(f"  ▶ {cat['label']}：{cat['score']:.2f}（{detail}；命中 {cat['count']} 处）")
        if "；" in cat["method"]:  # why the score was held below the threshold (screening.combine)
            lines.append(f"    说明：{cat['method'].split('；', 1)[1]}")
    for f, raw in zip(data["findings"], result.findings):
        line = line_of(result.text, raw.start) if result.text else "?"
        # a hint (an office landline, a marking to check) does not count towards the verdict: no score beside it
        weight = "提示（不计入结论）" if f["severity"] == "info" else \
            f"分值 {f['score']:.2f} {SEVERITY_LABELS[f['severity']]}"
        lines.append(f"    第{line}行 {f['rule']} {f['category_label']} 「{f['text']}」 {weight}")
        if f.get("context"):
            lines.append(f"      上下文：{f['context']}")
        lines.append(f"      说明：{f['explanation'].get('summary', '')} 依据：{f['basis']}")
    return "\n".join(lines)


def render_summary(results_counts: dict[str, int], total: int) -> str:
    parts = [f"{label} {results_counts.get(key, 0)} 个" for key, label in
             (("withhold", "建议不予公开或区分处理"), ("review", "需人工审核"), ("clean", "未发现问题"))]
    return f"共审查 {total} 个文件：" + "，".join(parts) + "。所有结论仅供工作人员审核。"


def render_json(results: list[ScreenResult], show_values: bool = False) -> str:
    return json.dumps([r.to_dict(show_values) for r in results], ensure_ascii=False, indent=2)


def render_jsonl_line(result: ScreenResult, show_values: bool = False) -> str:
    return json.dumps(result.to_dict(show_values), ensure_ascii=False)


def csv_rows(result: ScreenResult, show_values: bool = False) -> list[dict]:
    data = result.to_dict(show_values)
    categories = "；".join(f"{CATEGORY_LABELS[k]}:{v['score']:.2f}" for k, v in data["categories"].items())
    base = {"path": data["path"], "status": data["status"], "verdict": data["verdict"], "error": data["error"] or "",
            "chars": data["chars"], "categories": categories}
    if not data["findings"]:
        return [base]
    rows = []
    for f, raw in zip(data["findings"], result.findings):
        rows.append({**base, "rule": f["rule"], "category": f["category"], "basis": f["basis"],
                     "line": line_of(result.text, raw.start), "start": f["start"], "end": f["end"],
                     "text": f["text"], "score": f["score"], "severity": f["severity"],
                     "explanation": f["explanation"].get("summary", ""), "context": f.get("context", "")})
    return rows


def csv_header() -> str:
    buffer = io.StringIO()
    csv.DictWriter(buffer, fieldnames=CSV_FIELDS).writeheader()
    return buffer.getvalue()


def csv_safe(value):
    """A spreadsheet cell that cannot run as a formula: text starting with = + - @ (or tab/CR) gets a
    leading '."""
    from reviewer.vocab import FORMULA_START

    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def render_csv_rows(result: ScreenResult, show_values: bool = False) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, extrasaction="ignore")
    for row in csv_rows(result, show_values):
        writer.writerow({k: csv_safe(v) for k, v in row.items()})
    return buffer.getvalue()
