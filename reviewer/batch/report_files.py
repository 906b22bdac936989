"""Report files of a batch run: ``results.jsonl``, ``results.csv``, the ``redacted/`` mirror and
``redaction_log.csv``.

While a run streams, each result is appended to ``results.jsonl`` (:class:`JsonlAppender`); at the
end every report is rebuilt from the ledger (deduplicated, ordered by path), so a resumed run's
reports cover all its files.  Files are replaced atomically (written to an unpredictable temporary
name created with O_EXCL next to the target, then renamed over it), never through a symbolic link:
a link planted at a report's name is replaced, not followed, and a folder on the way that is a link
is refused.  Originals are never opened for writing.  Cells starting with = + - @ are prefixed with
' in CSV reports (formula injection).
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
from collections.abc import Iterable
from pathlib import Path

from reviewer.detect.findings import CATEGORIES, CATEGORY_LABELS, is_sure

RESULTS_JSONL = "results.jsonl"
RESULTS_CSV = "results.csv"
REPORT_HTML = "report.html"
REDACTED_DIR = "redacted"
REDACTION_LOG = "redaction_log.csv"
REDACTED_SUFFIX = ".redacted.txt"
REDACTED_NOTE_SUFFIX = ".未生成遮盖副本说明.txt"

# Screening statuses plus the batch's own "timeout" and "error".
from reviewer.vocab import BATCH_STATUS_LABELS as STATUS_LABELS  # noqa: E402
from reviewer.vocab import VERDICT_LABELS  # noqa: E402, F401


class UnsafeOutputPath(OSError):
    """An output path that would be written through a link or outside its folder."""


def check_no_links(path: Path, base: Path | None = None) -> None:
    """Raise :class:`UnsafeOutputPath` when ``path`` (or a folder between ``base`` and it) is a
    symbolic link, or when ``path`` is not inside ``base``."""
    path = Path(os.path.abspath(path))
    if base is not None:
        base = Path(os.path.abspath(base))
        if path != base and base not in path.parents:
            raise UnsafeOutputPath(f"输出路径“{path}”不在输出目录“{base}”之内，已拒绝写入。")
        current = base
        for part in path.relative_to(base).parts:
            current = current / part
            if current.is_symlink():
                raise UnsafeOutputPath(f"输出路径“{current}”是符号链接，已拒绝写入（不会通过链接写文件）。")
    elif path.is_symlink():
        raise UnsafeOutputPath(f"输出路径“{path}”是符号链接，已拒绝写入（不会通过链接写文件）。")


def safe_join(base: Path, rel: str) -> Path:
    """``base/rel`` for a relative path from the input tree; refuses absolute paths, ``..`` and links."""
    parts = [p for p in Path(rel).parts if p not in ("", ".")]
    if Path(rel).is_absolute() or any(p == ".." for p in parts):
        raise UnsafeOutputPath(f"相对路径“{rel}”会写到输出目录之外，已拒绝。")
    target = Path(base).joinpath(*parts)
    check_no_links(target.parent, base)  # a link AT the target is replaced on write, never followed
    return target


@contextlib.contextmanager
def atomic_write(path: Path, *, encoding: str = "utf-8", newline: str | None = None, base: Path | None = None):
    """Write to a fresh temporary file (random name, O_EXCL, never a link) next to ``path`` and rename
    it over ``path`` when the block succeeds.  A link at ``path`` is replaced, not followed; a folder
    between ``base`` and ``path`` that is a link is refused."""
    import tempfile

    path = Path(path)
    check_no_links(path.parent, base)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with open(fd, "w", encoding=encoding, newline=newline) as handle:
            yield handle
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()




from reviewer.screen.output import csv_safe  # noqa: E402, F401 - one definition, re-exported

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
        flags = os.O_WRONLY | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
        if truncate:  # a fresh file: whatever is at the name (a planted link too) is removed, not followed
            if path.is_symlink() or path.exists():
                path.unlink()
            flags |= os.O_EXCL
        else:
            flags |= os.O_APPEND
        try:
            fd = os.open(path, flags, 0o644)
        except OSError as exc:
            if Path(path).is_symlink():
                raise UnsafeOutputPath(f"输出路径“{path}”是符号链接，已拒绝写入（不会通过链接写文件）。") from exc
            raise
        self._handle = open(fd, "w", encoding="utf-8")

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
            writer.writerow([csv_safe(cell) for cell in csv_row(row)])
            n += 1
    return n


# --------------------------------------------------------------------------------------------------
# redacted mirror


def redacted_relpath(rel: str, suffix: str = REDACTED_SUFFIX) -> str:
    """Where the redacted copy of ``rel`` goes inside ``redacted/`` (POSIX separators)."""
    return Path(rel).as_posix() + suffix


def withheld_findings(findings, threshold: float) -> list:
    """The findings the letter relies on: severity withhold at or above the threshold."""
    return [f for f in findings if is_sure(f, threshold)]


def write_redacted(out_dir: Path, rel: str, text: str, findings, threshold: float, *,
                   categories: dict | None = None, sections: list | None = None) -> dict:
    """The ``redacted/`` entry of one screened file (see :func:`reviewer.draft.redact.plan_release`).

    A document that may be released in part gets ``redacted/<rel>.redacted.txt`` (UTF-8) with every
    flagged span masked — withheld spans by a reason tag such as 【第十五条 个人隐私】, spans still
    needing review by 【待审核：…】; hidden parts (批注, 修订删除的文字, 文档属性) are left out.  A document marked 密级 or exempt as a whole gets
    ``redacted/<rel>.未生成遮盖副本说明.txt`` instead (reasons only, never the text).  A document with
    nothing flagged gets neither (a stale copy or note is removed).  Returns ``{"copy", "note",
    "pending", "reasons", "log"}`` (log without original text)."""
    from reviewer.draft.redact import (
        classifier_passages,
        no_copy_note,
        plan_release,
        redact_for_release,
        whole_document_grounds,
    )

    base = Path(out_dir)
    copy_rel, note_rel = redacted_relpath(rel), redacted_relpath(rel, REDACTED_NOTE_SUFFIX)
    copy_path = safe_join(base, f"{REDACTED_DIR}/{copy_rel}")
    note_path = safe_join(base, f"{REDACTED_DIR}/{note_rel}")
    plan = plan_release(findings, threshold, whole_grounds=whole_document_grounds(findings, categories, threshold),
                        passages=classifier_passages(categories, threshold), text=text)
    result: dict = {"copy": None, "note": None, "pending": 0, "reasons": list(plan.reasons), "log": []}
    for stale in (copy_path, note_path):
        if stale.is_symlink() or stale.exists():
            stale.unlink()
    if not plan.copy:
        with atomic_write(note_path, base=base) as out:
            out.write(no_copy_note(Path(rel).name, plan))
        result["note"] = f"{REDACTED_DIR}/{note_rel}"
        return result
    if not plan.spans:
        return result
    from reviewer.load.common import hidden_start

    redaction = redact_for_release(text, plan, style="tag", visible_end=hidden_start(text, sections or []))
    with atomic_write(copy_path, base=base) as out:
        out.write(redaction.text)
    result.update(copy=f"{REDACTED_DIR}/{copy_rel}", pending=sum(1 for e in redaction.log if e.get("pending")),
                  log=[{k: v for k, v in entry.items() if k != "text"} for entry in redaction.log])
    return result


REDACTION_HEADER = ["文件", "脱敏副本", "起点", "终点", "字数", "理由", "依据", "替换为", "遮蔽预览", "同一内容在他处重复出现",
                    "处理状态"]


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
            if redaction.get("note"):
                writer.writerow([csv_safe(c) for c in [
                    row["rel"], "（未生成）", "", "", "", "", "", "", "", "",
                    "未生成遮盖副本：" + "".join(redaction.get("reasons") or []) + f"（见 {redaction['note']}）"]])
                n += 1
                continue
            for entry in redaction.get("log", []):
                writer.writerow([csv_safe(c) for c in [
                    row["rel"], redaction.get("copy"), entry.get("start"), entry.get("end"), entry.get("chars"),
                    entry.get("label"), entry.get("basis"), entry.get("replacement"), entry.get("preview"),
                    "是" if entry.get("repeat") else "否",
                    "待审核，暂予遮盖：审核完成前不得对外提供" if entry.get("pending") else "不予公开，已遮盖",
                ]])
                n += 1
    return n
