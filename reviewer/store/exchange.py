"""Decisions in and out of the store, in the column layout ``reviewer train --decisions`` reads.

Export (one row per request with a decision, the current decision):

* CSV (UTF-8 with BOM, opens in Excel): 编号, 日期, 申请人, 申请内容, 文件内容, 处理结果, 答复类型名称, 文号,
  经办人, 决定日期 — 申请内容/文件内容/处理结果/日期/申请人/编号 are the columns of
  :mod:`reviewer.model.decisions`; 处理结果 is the reply code, which the outcome mapping accepts as is.
* JSONL: the same with the English keys (id, date, applicant, request_text, passage, outcome, label,
  doc_number, officer, decided_at).

Import reads the same files (CSV/XLSX/JSONL, via :func:`reviewer.model.decisions.read_decisions`), maps
Chinese labels with ``rules/outcome_labels.yaml`` and records each usable row as a request with its
decision; unusable rows are reported with their row numbers.  A row already imported (same text,
outcome, date and applicant) is skipped, so importing a file twice adds nothing.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["CSV_COLUMNS", "JSONL_KEYS", "ImportProblem", "ImportResult", "export_decisions", "import_decisions",
           "parse_date"]

CSV_COLUMNS = ("编号", "日期", "申请人", "申请内容", "文件内容", "处理结果", "答复类型名称", "文号", "经办人", "决定日期")
JSONL_KEYS = ("id", "date", "applicant", "request_text", "passage", "outcome", "label", "doc_number", "officer",
              "decided_at")
IMPORT_OFFICER = "历史台账导入"


def export_rows(store, *, year: int | None = None) -> list[dict]:
    """One dict per request with a current decision (JSONL keys), oldest first."""
    rows = []
    where, args = ("year = ?", [year]) if year is not None else (None, None)
    for request in store.db["requests"].rows_where(where, args, order_by="received, id"):
        s = store.summary(request)
        if not s["code"]:
            continue
        rows.append({"id": s["number"], "date": s["received"], "applicant": s["applicant"] or "",
                     "request_text": s["text"], "passage": s["passage"] or "", "outcome": s["code"],
                     "label": s["label"], "doc_number": s["doc_number"] or "", "officer": s["officer"] or "",
                     "decided_at": s["decided_at"] or ""})
    return rows


def export_decisions(store, fmt: str, *, year: int | None = None) -> tuple[str, int]:
    """(file text, number of rows) in ``fmt`` ``jsonl`` or ``csv``."""
    rows = export_rows(store, year=year)
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), len(rows)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        from reviewer.screen.output import csv_safe

        for r in rows:
            writer.writerow([csv_safe(r[k]) for k in JSONL_KEYS])
        return "\ufeff" + buffer.getvalue(), len(rows)
    raise ValueError(f"未知的导出格式：{fmt}（可选：jsonl、csv）")


@dataclass
class ImportProblem:
    file: str
    row: int
    reason: str  # Chinese


@dataclass
class ImportResult:
    imported: list[str] = field(default_factory=list)  # request numbers created
    skipped: list[ImportProblem] = field(default_factory=list)  # already imported
    problems: list[ImportProblem] = field(default_factory=list)  # unusable rows
    rows: int = 0


_CN_DATE = re.compile(r"((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})")


def parse_date(text: str) -> dt.date | None:
    """A date from ``2026-03-02``, ``2026/3/2``, ``2026年3月2日`` or ``2026-03-02 10:00``."""
    match = _CN_DATE.search(str(text or ""))
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _applicant(name: str):
    from reviewer.decide.request import ORG_RE, Applicant

    name = (name or "").strip()
    if not name:
        return Applicant()
    org = ORG_RE.search("申请单位：" + name)
    if org and org.group("v") == name:
        return Applicant(kind="organisation", organisation=name)
    return Applicant(kind="person", name=name)


def import_decisions(store, paths, *, officer: str | None = None, progress=None) -> ImportResult:
    """Record the decisions of past-decision spreadsheets (see module docstring).  ``progress(message)``
    receives a Chinese progress line while a large file is read and recorded."""
    from reviewer.decide.replytypes import load_reply_types
    from reviewer.decide.request import split_items
    from reviewer.model.decisions import OutcomeMapper, read_decisions

    types = load_reply_types()
    mapper = OutcomeMapper()
    result = ImportResult()
    for path in paths:
        name = Path(path).name
        rows, _summary = read_decisions(Path(path), None if progress is None else
                                        (lambda n, name=name: progress(f"{name}：已读取 {n:,} 行…")))
        for position, row in enumerate(rows, start=1):
            result.rows += 1
            if progress is not None and position % 10_000 == 0:
                progress(f"{name}：已处理 {position:,} / {len(rows):,} 行…")

            def problem(reason: str, row=row) -> None:
                result.problems.append(ImportProblem(row.file, row.row, reason))

            if not row.request_text:
                problem("申请内容为空")
                continue
            mapped = mapper.map(row.outcome) if row.outcome else None
            if mapped is None:
                problem(f"处理结果「{row.outcome}」无法识别（可在 rules/outcome_labels.yaml 中补充）" if row.outcome
                        else "处理结果为空")
                continue
            if mapped.code not in types:
                problem(f"处理结果「{row.outcome}」（{mapped.code}）不是具体的答复类型，"
                        "请写明如“不予公开-个人隐私”“不予处理-重复申请”")
                continue
            date = parse_date(row.date)
            if date is None:
                problem(f"日期「{row.date}」为空或无法识别（应为 YYYY-MM-DD）")
                continue
            key = hashlib.sha256("\x1f".join(
                [row.request_text, mapped.code, date.isoformat(), row.applicant]).encode("utf-8")).hexdigest()[:32]
            if store.db["requests"].count_where("source_ref = ?", [f"import:{key}"]):
                result.skipped.append(ImportProblem(row.file, row.row, "此前已导入，跳过"))
                continue
            request = _request(row.request_text, _applicant(row.applicant), split_items)
            prepared = store._prepare_request(request, received=date, source="import", source_ref=f"import:{key}",
                                              item_codes=[mapped.code] * len(request.items))
            with store.transaction():
                request_id = store._insert_request(prepared)
                store.decide(request_id, code=mapped.code, officer=row.officer or officer or IMPORT_OFFICER,
                             decided_at=parse_date(row.decided_at) or date, doc_number=row.doc_number or None,
                             passage=row.passage or None, note=f"导入自 {Path(row.file).name} 第 {row.row} 行")
                result.imported.append(store.db["requests"].get(request_id)["number"])
    return result


def _request(text: str, applicant, split_items):
    from reviewer.decide.request import Request
    from reviewer.text.normalize import normalize

    clean = normalize(text).text.strip()
    return Request(text=clean, applicant=applicant, items=split_items(clean), doc_numbers=[], dates=[], periods=[],
                   delivery=[], channel=None)
