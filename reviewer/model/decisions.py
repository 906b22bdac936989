"""Past decisions of an office (CSV / JSONL / XLSX exports) → training examples.

Columns are found by name, Chinese or English (申请内容/request_text, 文件内容/passage, 处理结果/outcome,
日期/date, 申请人/applicant, …).  The outcome — a reply code or the Chinese label as offices write
it — is mapped through ``rules/outcome_labels.yaml`` to a request-triage label and/or passage grounds.
Rows that give no training example are *reported* with file and row number, never silently dropped.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.model.corpus import GROUNDS, TRIAGE_LABELS, Dataset
from reviewer.model.errors import DecisionsError
from reviewer.vocab import FORMULA_START

# --- column names -------------------------------------------------------------
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "request_text": (
        "申请内容", "申请事项", "申请公开内容", "申请公开的内容", "申请公开的信息", "申请公开事项", "申请信息",
        "所需信息", "所需信息内容描述", "所需政府信息", "申请描述", "内容描述", "申请", "request", "request_text",
        "requesttext", "text",
    ),
    "passage": (
        "文件内容", "文件正文", "文件文本", "文本片段", "段落", "涉及内容", "不公开内容", "文件", "原文",
        "passage", "document_text", "documenttext", "document", "doc_text", "doctext",
    ),
    "outcome": (
        "处理结果", "答复类型", "答复结果", "办理结果", "处理情况", "处理方式", "答复情况", "答复意见", "结果",
        "outcome", "code", "reply_type", "replytype", "label", "result",
    ),
    "date": ("日期", "申请日期", "答复日期", "收到日期", "受理日期", "办结日期", "时间", "date"),
    "applicant": ("申请人", "申请人姓名", "申请人名称", "applicant", "name"),
    "id": ("编号", "序号", "申请编号", "登记号", "流水号", "id", "no"),
    # Kept by ``reviewer decisions import`` (export → import is exact); not used for training.
    "decided_at": ("决定日期", "decided_at", "decidedat"),
    "doc_number": ("文号", "答复文号", "doc_number", "docnumber"),
    "officer": ("经办人", "officer"),
}


def _norm_header(value) -> str:
    text = unicodedata.normalize("NFKC", str(value or "")).strip().lower()
    return re.sub(r"[\s()（）:：*_\-]+", "", text)


_HEADER_INDEX = {_norm_header(alias): key for key, aliases in COLUMN_ALIASES.items() for alias in aliases}


def map_header(cells) -> dict[str, int]:
    """Canonical column name → position, for the recognised cells of a header row."""
    found: dict[str, int] = {}
    for pos, cell in enumerate(cells):
        key = _HEADER_INDEX.get(_norm_header(cell))
        if key and key not in found:
            found[key] = pos
    return found


def _usable_header(found: dict[str, int]) -> bool:
    return "outcome" in found and ("request_text" in found or "passage" in found)


# --- outcome mapping --------------------------------------------------------------
_SEPARATORS = re.compile(r"[\s\u3000]+")
_PUNCT_TO_DASH = re.compile(r"[—–－\-_:：/／、,，。;；()（）\[\]【】〔〕<>]+")
_DROP = re.compile(r"[《》〈〉“”\"'‘’「」]")


def normalize_outcome(text: str) -> str:
    """Normalised form of an outcome label used for matching."""
    t = unicodedata.normalize("NFKC", str(text or ""))
    t = _SEPARATORS.sub("", t)
    t = _DROP.sub("", t)
    t = _PUNCT_TO_DASH.sub("-", t)
    return t.strip("-").lower()


@dataclass(frozen=True)
class MappedOutcome:
    """What an outcome label means for training."""

    code: str
    request_label: str | None       # triage label, or None if the outcome says nothing about the request
    grounds: tuple[str, ...] | None  # () = clean passage, None = unknown / not about the passage
    matched: str                     # the alias or code that matched


@dataclass
class _Entry:
    code: str
    request: str | None
    passage: str | None
    generic: bool
    exact: list[str]
    aliases: list[str]


class OutcomeMapper:
    """Maps outcome labels via ``rules/outcome_labels.yaml``."""

    def __init__(self, path: Path | None = None) -> None:
        import yaml

        from reviewer.paths import RULES_DIR

        self.path = Path(path) if path else RULES_DIR / "outcome_labels.yaml"
        try:
            spec = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise DecisionsError(f"无法读取处理结果映射表 {self.path}（{exc}）。") from exc
        self.ground_words: list[tuple[str, str]] = []
        for ground, words in (spec.get("grounds") or {}).items():
            if ground not in GROUNDS:
                raise DecisionsError(f"映射表 {self.path} 的 grounds 中有未知依据 {ground}。")
            self.ground_words += [(normalize_outcome(w), ground) for w in words]
        self.entries: list[_Entry] = []
        for i, raw in enumerate(spec.get("outcomes") or [], 1):
            entry = _Entry(
                code=str(raw["code"]),
                request=raw.get("request"),
                passage=raw.get("passage"),
                generic=bool(raw.get("generic", False)),
                exact=[normalize_outcome(a) for a in raw.get("exact") or []],
                aliases=[normalize_outcome(a) for a in raw.get("aliases") or []],
            )
            if entry.request is not None and entry.request not in TRIAGE_LABELS:
                raise DecisionsError(f"映射表 {self.path} 第 {i} 项（{entry.code}）的 request 不是申请类别。")
            if entry.passage not in (None, "clean", "from_label") and entry.passage not in GROUNDS:
                raise DecisionsError(f"映射表 {self.path} 第 {i} 项（{entry.code}）的 passage 不合法。")
            self.entries.append(entry)
        self._by_code = {normalize_outcome(e.code): e for e in self.entries}
        self._exact: dict[str, _Entry] = {}
        for e in self.entries:
            for alias in e.exact + e.aliases:
                self._exact.setdefault(alias, e)

    def _find(self, norm: str) -> tuple[_Entry, str] | None:
        if norm in self._by_code:
            return self._by_code[norm], norm
        if norm in self._exact:
            return self._exact[norm], norm
        candidates = [(e, a) for e in self.entries for a in e.aliases if a and a in norm]
        for generic in (False, True):
            pool = [(e, a) for e, a in candidates if e.generic == generic]
            prefix = [(e, a) for e, a in pool if norm.startswith(a)]
            for group in (prefix, pool):
                if group:
                    return max(group, key=lambda ea: len(ea[1]))
        return None

    def grounds_in(self, norm: str) -> list[str]:
        found = {g for word, g in self.ground_words if word and word in norm}
        return [g for g in GROUNDS if g in found]

    def map(self, label: str) -> MappedOutcome | None:
        """Map one outcome label; None when it cannot be recognised."""
        norm = normalize_outcome(label)
        if not norm:
            return None
        hit = self._find(norm)
        if hit is None:
            return None
        entry, matched = hit
        named = self.grounds_in(norm)
        code = entry.code
        if entry.passage == "clean":
            grounds: tuple[str, ...] | None = ()
        elif entry.passage == "from_label":
            grounds = tuple(named) if named else None
        elif entry.passage in GROUNDS:
            grounds = tuple(g for g in GROUNDS if g == entry.passage or g in named)
        else:
            grounds = None
        if code == "withhold" and named:
            first = named[0]
            code = "withhold.third_party" if first in ("privacy", "trade_secret") else f"withhold.{first}"
        return MappedOutcome(code=code, request_label=entry.request, grounds=grounds, matched=matched)


# --- reading files ----------------------------------------------------------------
@dataclass
class DecisionRow:
    """One row of a decisions export (values as strings, '' when absent)."""

    file: str
    row: int
    request_text: str
    passage: str
    outcome: str
    date: str
    applicant: str
    id: str
    decided_at: str = ""
    doc_number: str = ""
    officer: str = ""


@dataclass
class RowProblem:
    file: str
    row: int
    outcome: str
    reason: str  # Chinese

    def as_dict(self) -> dict:
        return {"file": self.file, "row": self.row, "outcome": self.outcome, "reason": self.reason}


@dataclass
class FileSummary:
    file: str
    format: str
    encoding: str | None
    rows: int = 0
    request_examples: int = 0
    passage_examples: int = 0
    unusable: int = 0
    partly_used: int = 0
    columns: dict[str, str] = field(default_factory=dict)
    sha256: str = ""


@dataclass
class DecisionImport:
    """Training examples taken from decision files, and what could not be used."""

    requests: Dataset
    passages: Dataset
    files: list[FileSummary] = field(default_factory=list)
    unusable: list[RowProblem] = field(default_factory=list)     # rows that gave no example at all
    partly_used: list[RowProblem] = field(default_factory=list)  # rows where one part was skipped
    codes: dict[str, int] = field(default_factory=dict)          # mapped code → rows


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, _dt.datetime):
        return value.date().isoformat() if value.time() == _dt.time() else value.isoformat(sep=" ")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(FORMULA_START):
        text = text[1:]  # the formula guard an export put in front (reviewer.screen.output.csv_safe)
    return text


def decode_text(data: bytes, label: str) -> tuple[str, str]:
    """Decode a CSV export: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise DecisionsError(
            f"{label}：无法识别文件编码（既不是 UTF-8 也不是 GB18030/GBK），请另存为 UTF-8 的 CSV。"
        ) from exc


def _rows_from_table(table: list[tuple[int, list]], label: str) -> tuple[dict[str, str], dict[str, int], list]:
    """Find the header among the first rows; return column names, column map and the rows after it."""
    for pos, (_rownum, cells) in enumerate(table[:10]):
        found = map_header(cells)
        if _usable_header(found):
            names = {k: _cell(cells[v]) for k, v in found.items()}
            return names, found, table[pos + 1:]
    first = next((cells for _n, cells in table if any(_cell(c) for c in cells)), [])
    raise DecisionsError(
        f"{label}：找不到可识别的表头。需要“处理结果/答复类型”列，以及“申请内容”或“文件内容”列；"
        f"文件中的表头为：{'、'.join(_cell(c) for c in first if _cell(c)) or '（空）'}。"
    )


def _make_rows(label: str, columns: dict[str, int], body: list[tuple[int, list]]) -> list[DecisionRow]:
    def get(cells: list, key: str) -> str:
        pos = columns.get(key)
        return _cell(cells[pos]) if pos is not None and pos < len(cells) else ""

    rows = []
    for rownum, cells in body:
        if not any(_cell(c) for c in cells):
            continue
        rows.append(
            DecisionRow(
                file=label, row=rownum, request_text=get(cells, "request_text"), passage=get(cells, "passage"),
                outcome=get(cells, "outcome"), date=get(cells, "date"), applicant=get(cells, "applicant"),
                id=get(cells, "id"), decided_at=get(cells, "decided_at"), doc_number=get(cells, "doc_number"),
                officer=get(cells, "officer"),
            )
        )
    return rows


MAX_CELL_CHARS = 1_000_000  # a pasted document may be long; a longer cell is a broken file
PROGRESS_EVERY = 50_000  # rows between progress callbacks


def read_csv(path: Path, progress=None) -> tuple[list[DecisionRow], FileSummary]:
    data = Path(path).read_bytes()
    text, encoding = decode_text(data, str(path))
    first = text.split("\n", 1)[0]
    delimiter = max([",", "\t", ";", "|"], key=first.count)
    if csv.field_size_limit() < MAX_CELL_CHARS:
        csv.field_size_limit(MAX_CELL_CHARS)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table = []
    try:
        for number, cells in enumerate(reader, start=1):  # record numbers, as a spreadsheet shows them
            table.append((number, cells))
            if progress is not None and number % PROGRESS_EVERY == 0:
                progress(number)
    except csv.Error as exc:
        raise DecisionsError(f"{path}：第 {len(table) + 1} 条记录无法读取（{exc}；单元格最长 {MAX_CELL_CHARS:,} 个字符）。") from None
    names, columns, body = _rows_from_table(table, str(path))
    summary = FileSummary(file=str(path), format="csv", encoding=encoding, columns=names)
    return _make_rows(str(path), columns, body), summary


def read_xlsx(path: Path, progress=None) -> tuple[list[DecisionRow], FileSummary]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(str(path), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several kinds for a bad file
        raise DecisionsError(f"{path}：无法读取 Excel 文件（{type(exc).__name__}: {exc}）。") from exc
    try:
        last_error: DecisionsError | None = None
        for ws in wb.worksheets:
            table = []
            for n, cells in enumerate(ws.iter_rows(values_only=True), start=1):
                table.append((n, list(cells)))
                if progress is not None and n % PROGRESS_EVERY == 0:
                    progress(n)
            try:
                names, columns, body = _rows_from_table(table, f"{path}（工作表 {ws.title}）")
            except DecisionsError as exc:
                last_error = exc
                continue
            summary = FileSummary(file=str(path), format="xlsx", encoding=None, columns=names)
            return _make_rows(str(path), columns, body), summary
    finally:
        wb.close()
    raise last_error or DecisionsError(f"{path}：Excel 文件中没有工作表。")


def read_jsonl(path: Path, progress=None) -> tuple[list[DecisionRow], FileSummary]:
    data = Path(path).read_bytes()
    text, encoding = decode_text(data, str(path))
    rows: list[DecisionRow] = []
    summary = FileSummary(file=str(path), format="jsonl", encoding=encoding)
    stripped = text.lstrip()
    if stripped.startswith("["):  # a JSON array is accepted too (row = position, from 1)
        try:
            items = list(enumerate(json.loads(stripped), 1))
        except json.JSONDecodeError as exc:
            raise DecisionsError(f"{path}：不是有效的 JSON（{exc.msg}，第 {exc.lineno} 行）。") from exc
        except RecursionError:
            raise DecisionsError(f"{path}：JSON 嵌套层数过深，无法读取。") from None
    else:
        items = []
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                items.append((lineno, json.loads(line)))
            except (json.JSONDecodeError, RecursionError):  # a deeply nested line is as unusable as a broken one
                items.append((lineno, None))
            if progress is not None and lineno % PROGRESS_EVERY == 0:
                progress(lineno)
    seen_columns: dict[str, str] = {}
    for lineno, obj in items:
        if not isinstance(obj, dict):
            rows.append(DecisionRow(str(path), lineno, "", "", "", "", "", ""))
            continue
        keys = list(obj.keys())
        columns = map_header(keys)
        for k, v in columns.items():
            seen_columns.setdefault(k, str(keys[v]))
        cells = [obj[k] for k in keys]
        rows += _make_rows(str(path), columns, [(lineno, cells)]) or [
            DecisionRow(str(path), lineno, "", "", "", "", "", "")
        ]
    if items and "outcome" not in seen_columns:
        raise DecisionsError(
            f"{path}：没有找到“处理结果/答复类型/outcome”字段；现有字段：{'、'.join(sorted({str(k) for _n, o in items if isinstance(o, dict) for k in o}))}。"
        )
    summary.columns = seen_columns
    return rows, summary


READERS = {".csv": read_csv, ".tsv": read_csv, ".txt": read_csv, ".xlsx": read_xlsx, ".xlsm": read_xlsx,
           ".jsonl": read_jsonl, ".ndjson": read_jsonl, ".json": read_jsonl}


def read_decisions(path: Path, progress=None) -> tuple[list[DecisionRow], FileSummary]:
    """Read one export; the format follows the file extension.  ``progress(rows_read)`` is called every
    :data:`PROGRESS_EVERY` rows of a large file."""
    path = Path(path)
    if not path.is_file():
        raise DecisionsError(f"找不到决定文件 {path}。")
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise DecisionsError(f"{path}：不支持旧版 .xls 格式，请在 Excel 中另存为 .xlsx 或 CSV（UTF-8）。")
    reader = READERS.get(suffix)
    if reader is None:
        raise DecisionsError(f"{path}：不支持的文件类型 {suffix or '（无扩展名）'}；支持 CSV、JSONL、XLSX。")
    from reviewer.model.persist import sha256_file

    rows, summary = reader(path, progress)
    summary.sha256 = sha256_file(path)
    summary.rows = len(rows)
    return rows, summary


# --- mapping rows to examples -------------------------------------------------------
def import_decisions(
    paths, weight: float = 2.0, mapper: OutcomeMapper | None = None
) -> DecisionImport:
    """Read every file, map outcomes, and collect request and passage examples with ``weight``."""
    mapper = mapper or OutcomeMapper()
    result = DecisionImport(requests=Dataset("triage"), passages=Dataset("grounds"))
    for path in paths:
        rows, summary = read_decisions(Path(path))
        source = f"decisions:{Path(path).name}"
        for row in rows:
            _use_row(row, mapper, weight, source, result, summary)
        result.files.append(summary)
    return result


def _use_row(row: DecisionRow, mapper: OutcomeMapper, weight: float, source: str,
             result: DecisionImport, summary: FileSummary) -> None:
    def problem(reason: str) -> RowProblem:
        return RowProblem(file=row.file, row=row.row, outcome=row.outcome, reason=reason)

    if not row.outcome:
        result.unusable.append(problem("处理结果为空"))
        summary.unusable += 1
        return
    mapped = mapper.map(row.outcome)
    if mapped is None:
        result.unusable.append(problem(f"处理结果「{row.outcome}」无法识别（可在 rules/outcome_labels.yaml 中补充）"))
        summary.unusable += 1
        return
    result.codes[mapped.code] = result.codes.get(mapped.code, 0) + 1
    used_request = bool(row.request_text and mapped.request_label)
    used_passage = bool(row.passage and mapped.grounds is not None)
    if used_request:
        result.requests.add(row.request_text, mapped.request_label, weight, source)
        summary.request_examples += 1
    if used_passage:
        result.passages.add(row.passage, list(mapped.grounds), weight, source)
        summary.passage_examples += 1
    if not used_request and not used_passage:
        if not row.request_text and not row.passage:
            reason = "缺少申请内容和文件内容"
        elif row.request_text and not mapped.request_label:
            reason = f"处理结果「{row.outcome}」（{mapped.code}）不能说明申请属于哪一类"
        else:
            reason = f"处理结果「{row.outcome}」（{mapped.code}）不能说明文件内容的不公开依据"
        result.unusable.append(problem(reason))
        summary.unusable += 1
        return
    if row.request_text and not used_request:
        result.partly_used.append(problem(f"申请内容未使用：「{row.outcome}」不能说明申请属于哪一类"))
        summary.partly_used += 1
    elif row.passage and not used_passage:
        result.partly_used.append(problem(f"文件内容未使用：「{row.outcome}」没有写明不公开依据"))
        summary.partly_used += 1


def format_row_numbers(problems: list[RowProblem], limit: int = 30) -> dict[str, str]:
    """File → compact row list ("3, 17, 40 …") for summaries."""
    by_file: dict[str, list[int]] = {}
    for p in problems:
        by_file.setdefault(p.file, []).append(p.row)
    out = {}
    for file, rows in by_file.items():
        shown = "、".join(str(r) for r in rows[:limit])
        out[file] = shown + (f" 等共 {len(rows)} 行" if len(rows) > limit else "")
    return out


# --- the office's own decisions and finding feedback (the decision store) --------------------------
OFFICE_SOURCE = "office"
# A withholding decision says which ground the request's information falls under.
_CODE_REQUEST_GROUND = {
    "withhold.state_secret": "state_secret",
    "withhold.security_stability": "security_stability",
    "withhold.process_info": "process_info",
    "withhold.internal_affairs": "internal_affairs",
    "withhold.enforcement_file": "enforcement_file",
}


@dataclass
class OfficeExamples:
    """Training examples from the decision store (see :func:`reviewer.store.feedback.training_rows`)."""

    requests: Dataset
    passages: Dataset
    request_grounds: Dataset
    counts: dict[str, int] = field(default_factory=dict)


def office_examples(rows: list[dict], weight: float, mapper: OutcomeMapper | None = None) -> OfficeExamples:
    """Turn decision-store rows into weighted training examples.

    Rows are plain dicts: ``{"kind": "decision", "text", "code", "grounds": [..] | None, "group"}`` for an
    officer's (possibly changed) reply type, and ``{"kind": "finding", "text", "category", "verdict",
    "group"}`` for a finding the officer accepted or rejected.  A decision gives a triage example (the
    code mapped with ``rules/outcome_labels.yaml``) and, for a withholding code, a request-grounds example;
    an accepted finding gives a passage labelled with its ground, a rejected one a clean passage.
    Every example's group is its request, so grouped evaluation never splits one request's examples.
    """
    mapper = mapper or OutcomeMapper()
    out = OfficeExamples(Dataset("triage"), Dataset("grounds"), Dataset("request_grounds"))
    counts = {"decisions": 0, "findings_accepted": 0, "findings_rejected": 0, "skipped": 0}
    for row in rows:
        text = (row.get("text") or "").strip()
        group = f"{OFFICE_SOURCE}:{row.get('group') or ''}"
        if not text:
            counts["skipped"] += 1
            continue
        if row.get("kind") == "decision":
            mapped = mapper.map(str(row.get("code") or ""))
            used = False
            if mapped is not None and mapped.request_label:
                out.requests.add(text, mapped.request_label, weight, OFFICE_SOURCE, group)
                used = True
            grounds = row.get("grounds")
            if grounds is None and mapped is not None:
                ground = _CODE_REQUEST_GROUND.get(mapped.code)
                grounds = [ground] if ground else (list(mapped.grounds) if mapped.code.startswith("withhold.")
                                                   and mapped.grounds else None)
            if grounds:
                out.request_grounds.add(text, [g for g in GROUNDS if g in grounds], weight, OFFICE_SOURCE, group)
                used = True
            counts["decisions" if used else "skipped"] += 1
        elif row.get("kind") == "finding" and row.get("category") in GROUNDS:
            accepted = row.get("verdict") == "accept"
            out.passages.add(text, [row["category"]] if accepted else [], weight, OFFICE_SOURCE, group)
            counts["findings_accepted" if accepted else "findings_rejected"] += 1
        else:
            counts["skipped"] += 1
    out.counts = counts
    return out
