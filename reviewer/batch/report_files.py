"""Report files of a batch run: ``results.jsonl``, ``results.csv``, the ``redacted/`` mirror and
``redaction_log.csv``.

While a run streams, each result is appended to ``results.jsonl`` (:class:`JsonlAppender`); at the
end every report is rebuilt from the ledger (deduplicated, ordered by path), so a resumed run's
reports cover all its files.  Files are replaced atomically (written next to the target, then
renamed).  Originals are never opened for writing.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
from collections.abc import Iterable
from pathlib import Path

from reviewer.detect.findings import CATEGORIES, CATEGORY_LABELS

RESULTS_JSONL = "results.jsonl"
RESULTS_CSV = "results.csv"
REPORT_HTML = "report.html"
REDACTED_DIR = "redacted"
REDACTION_LOG = "redaction_log.csv"
REDACTED_SUFFIX = ".redacted.txt"

# Screening statuses plus the batch's own "timeout" and "error".
from reviewer.vocab import BATCH_STATUS_LABELS as STATUS_LABELS  # noqa: E402
from reviewer.vocab import VERDICT_LABELS  # noqa: E402, F401


@contextlib.contextmanager
def atomic_write(path: Path, *, encoding: str = "utf-8", newline: str | None = None):
    """Open ``path.tmp`` for writing and rename it over ``path`` when the block succeeds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "w", encoding=encoding, newline=newline) as handle:
            yield handle
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


# --------------------------------------------------------------------------------------------------
# results.jsonl


def jsonl_object(result: dict, *, rel: str, run_id: str | None, screened_at: str | None,
                 ruleset_version: str | None, model_version: str | None, redacted_copy: str | None) -> dict:
    """One results.jsonl object: the masked ``ScreenResult.to_dict()`` plus where the file is and
    which run, rules and model screened it."""
    record = dict(result)
    record.update({
        "rel_path": rel,
        "run_id": run_id,
        "screened_at": screened_at,
        "ruleset_version": ruleset_version,
        "model_version": model_version or None,
    })
    if redacted_copy:
        record["redacted_copy"] = redacted_copy
    return record


def jsonl_record(row) -> dict:
    """The results.jsonl object of one ledger row (with its detail JSON)."""
    detail = json.loads(row["detail"]) if row["detail"] else {}
    redaction = detail.get("redaction") or {}
    return jsonl_object(detail.get("result") or {}, rel=row["rel"], run_id=row["run_id"],
                        screened_at=row["screened_at"], ruleset_version=row["ruleset_version"],
                        model_version=row["model_version"], redacted_copy=redaction.get("copy"))


class JsonlAppender:
    """Append one line per result while a run streams (the file is rebuilt at the end)."""

    def __init__(self, path: Path, *, truncate: bool):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._handle = open(path, "w" if truncate else "a", encoding="utf-8")

    def append(self, line: str) -> None:
        self._handle.write(line.rstrip("\n") + "\n")
        self._handle.flush()

    def close(self) -> None:
        self._handle.close()


def write_jsonl(path: Path, rows: Iterable) -> int:
    """Rewrite results.jsonl from ledger rows (with detail); returns the number of lines."""
    n = 0
    with atomic_write(path) as out:
        for row in rows:
            out.write(json.dumps(jsonl_record(row), ensure_ascii=False) + "\n")
            n += 1
    return n


# --------------------------------------------------------------------------------------------------
# results.csv

CSV_HEADER = (
    ["文件", "绝对路径", "状态", "状态说明", "结论", "结论说明", "原因或错误", "建议不予公开处数", "需审核处数", "提示处数"]
    + [f"{CATEGORY_LABELS[c]}（处）" for c in CATEGORIES]
    + ["主要规则", "SHA-256", "审查时间", "规则集版本", "分类器版本"]
)


def csv_row(row) -> list:
    categories = json.loads(row["categories"]) if row["categories"] else {}
    rules = json.loads(row["top_rules"]) if row["top_rules"] else []
    return (
        [row["rel"], row["path"], row["status"], STATUS_LABELS.get(row["status"], row["status"]), row["verdict"],
         VERDICT_LABELS.get(row["verdict"], row["verdict"]), row["error"] or "", row["n_withhold"], row["n_review"],
         row["n_info"]]
        + [categories.get(c, 0) for c in CATEGORIES]
        + ["、".join(f"{code}×{n}" for code, n in rules), row["sha256"] or "", row["screened_at"] or "",
           row["ruleset_version"] or "", row["model_version"] or ""]
    )


def write_csv(path: Path, rows: Iterable) -> int:
    """results.csv in UTF-8 with BOM (Excel opens it as UTF-8); returns the number of data rows."""
    n = 0
    with atomic_write(path, encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_HEADER)
        for row in rows:
            writer.writerow(csv_row(row))
            n += 1
    return n


# --------------------------------------------------------------------------------------------------
# redacted mirror


def redacted_relpath(rel: str) -> str:
    """Where the redacted copy of ``rel`` goes inside ``redacted/`` (POSIX separators)."""
    return Path(rel).as_posix() + REDACTED_SUFFIX


def withheld_findings(findings, threshold: float) -> list:
    """The findings a redacted copy replaces: severity withhold at or above the threshold."""
    return [f for f in findings if f.severity == "withhold" and f.score >= threshold]


def write_redacted(out_dir: Path, rel: str, text: str, findings, threshold: float) -> dict | None:
    """Write ``out_dir/redacted/<rel>.redacted.txt`` (UTF-8) with the withheld spans replaced by a
    reason tag such as 【第十五条 个人隐私】; returns ``{"copy", "log"}`` (log without original text),
    or None (and removes a stale copy) when nothing is withheld."""
    from reviewer.draft.redact import redact

    target = out_dir / REDACTED_DIR / redacted_relpath(rel)
    spans = withheld_findings(findings, threshold)
    if not spans:
        if target.exists():
            target.unlink()
        return None
    redaction = redact(text, spans, style="tag")
    with atomic_write(target) as out:
        out.write(redaction.text)
    log = [{k: v for k, v in entry.items() if k != "text"} for entry in redaction.log]
    return {"copy": f"{REDACTED_DIR}/{redacted_relpath(rel)}", "log": log}


REDACTION_HEADER = ["文件", "脱敏副本", "起点", "终点", "字数", "理由", "依据", "替换为", "遮蔽预览", "同一内容在他处重复出现"]


def write_redaction_log(path: Path, rows: Iterable) -> int:
    """redaction_log.csv (UTF-8 with BOM) from ledger rows with detail; returns the number of spans."""
    n = 0
    with atomic_write(path, encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(REDACTION_HEADER)
        for row in rows:
            detail = json.loads(row["detail"]) if row["detail"] else {}
            redaction = detail.get("redaction")
            if not redaction:
                continue
            for entry in redaction.get("log", []):
                writer.writerow([
                    row["rel"], redaction.get("copy"), entry.get("start"), entry.get("end"), entry.get("chars"),
                    entry.get("label"), entry.get("basis"), entry.get("replacement"), entry.get("preview"),
                    "是" if entry.get("repeat") else "否",
                ])
                n += 1
    return n
