"""Annual report table 三「收到和处理政府信息公开申请情况」(国办公开办函〔2021〕30号; ogi-law.md §2.2).

Counting rules (ogi-law.md §5.2 item 17):

* every request is counted once, by its **final** decision — the latest decision whose reply code has
  a report row (a 部分公开 request is counted only under （二）; procedural notices such as the 补正
  告知 ``other.correction`` are not results, the request stays open);
* the row of each code comes from the agency profile (``report_rows``) for the doubtful [U] codes,
  else from ``rules/reply_types.yaml``;
* the column is the applicant's report column (自然人 | 商业企业 科研机构 社会公益组织 法律服务机构 其他);
* 一 = received in the year; 二 = received in an earlier year and not finally decided before 1 January;
  三 = finally decided in the year; 四 = received by 31 December and not finally decided by then
  (requests carried over from earlier years and still open are carried on as well);
* the header note's identity 一 + 二 = 三（七）+ 四 is checked for every column
  (:func:`check_consistency` raises :class:`ConsistencyError` naming the column).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "ALL_COLUMNS",
    "COLUMNS",
    "HEADER_NOTE",
    "RESULT_KEYS",
    "TITLE",
    "AnnualReportError",
    "AnnualTable",
    "ConsistencyError",
    "build_annual_table",
    "check_consistency",
    "consistency_problems",
    "layout",
    "to_csv",
    "to_markdown",
    "write_docx",
    "write_xlsx",
]

TITLE = "三、收到和处理政府信息公开申请情况"
HEADER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
COLUMNS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
TOTAL = "总计"
ALL_COLUMNS = (*COLUMNS, TOTAL)
NEW = "一、本年新收政府信息公开申请数量"
CARRIED = "二、上年结转政府信息公开申请数量"
RESULTS = "三、本年度办理结果"
CARRIED_NEXT = "四、结转下年度继续办理"
TOTAL_ROW = "（七）总计"

# (group label, [sub-row labels]); a group without sub-rows is a single row.  Keys of the result
# rows are the report_row strings of rules/reply_types.yaml: group prefix + sub label.
_GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("（一）", "（一）予以公开", ()),
    ("（二）", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ()),
    ("（三）", "（三）不予公开", (
        "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
        "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项")),
    ("（四）", "（四）无法提供", (
        "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确")),
    ("（五）", "（五）不予处理", (
        "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息")),
    ("（六）", "（六）其他处理", (
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他")),
)
_SINGLE_KEYS = {"（一）": "（一）予以公开", "（二）": "（二）部分公开"}


def _result_rows() -> list[tuple[str, str, str | None]]:
    """(key, level-2 label, level-3 label) of the 22 result rows, （七）总计 last."""
    rows: list[tuple[str, str, str | None]] = []
    for prefix, label, subs in _GROUPS:
        if not subs:
            rows.append((_SINGLE_KEYS[prefix], label, None))
        for sub in subs:
            rows.append((prefix + sub, label, sub))
    rows.append((TOTAL_ROW, TOTAL_ROW, None))
    return rows


RESULT_ROWS = _result_rows()
RESULT_KEYS = tuple(key for key, _l2, _l3 in RESULT_ROWS)


class AnnualReportError(ValueError):
    """The report cannot be built (Chinese message)."""


class ConsistencyError(AnnualReportError):
    """一 + 二 ≠ 三（七）+ 四 (or （七） ≠ the sum of the results) in one or more columns."""

    def __init__(self, problems: list[str], columns: list[str]) -> None:
        self.problems = problems
        self.columns = columns
        super().__init__("年度报告表三勾稽关系不成立：" + "；".join(problems))


def _zero() -> dict[str, int]:
    return {c: 0 for c in COLUMNS}


@dataclass
class AnnualTable:
    """Counts of table 三 for one year (columns without 总计; 总计 is their sum)."""

    year: int
    new: dict[str, int] = field(default_factory=_zero)
    carried: dict[str, int] = field(default_factory=_zero)
    results: dict[str, dict[str, int]] = field(default_factory=lambda: {k: _zero() for k in RESULT_KEYS})
    carried_next: dict[str, int] = field(default_factory=_zero)
    members: dict[str, list[str]] = field(default_factory=dict)  # row key → request numbers counted there
    notes: list[str] = field(default_factory=list)

    def _counts(self, row: str) -> dict[str, int]:
        if row in ("一", NEW):
            return self.new
        if row in ("二", CARRIED):
            return self.carried
        if row in ("四", CARRIED_NEXT):
            return self.carried_next
        if row in self.results:
            return self.results[row]
        raise KeyError(f"年度报告表三没有“{row}”这一行")

    def value(self, row: str, column: str = TOTAL) -> int:
        """Cell value; ``row`` is 一/二/四, a result key (``（三）1.属于国家秘密``, ``（七）总计``)."""
        counts = self._counts(row)
        if column == TOTAL:
            return sum(counts.values())
        if column not in counts:
            raise KeyError(f"年度报告表三没有“{column}”这一列")
        return counts[column]

    def values(self, row: str) -> list[int]:
        return [self.value(row, c) for c in ALL_COLUMNS]

    def to_dict(self) -> dict:
        return {
            "year": self.year,
            "columns": list(ALL_COLUMNS),
            "rows": {NEW: self.values("一"), CARRIED: self.values("二"),
                     **{key: self.values(key) for key in RESULT_KEYS}, CARRIED_NEXT: self.values("四")},
            "notes": list(self.notes),
            "consistency": consistency_problems(self),
        }


def consistency_problems(table: AnnualTable) -> list[str]:
    """Chinese descriptions of every broken identity, each naming its column (empty when consistent)."""
    problems = []
    for column in ALL_COLUMNS:
        new, carried = table.value("一", column), table.value("二", column)
        done, left = table.value(TOTAL_ROW, column), table.value("四", column)
        if new + carried != done + left:
            problems.append(f"“{column}”列：一（{new}）+ 二（{carried}）= {new + carried}，"
                            f"不等于 三（七）总计（{done}）+ 四（{left}）= {done + left}")
        parts = sum(table.value(key, column) for key in RESULT_KEYS if key != TOTAL_ROW)
        if parts != done:
            problems.append(f"“{column}”列：三（七）总计（{done}）不等于（一）至（六）各项之和（{parts}）")
    return problems


def check_consistency(table: AnnualTable) -> None:
    """Raise :class:`ConsistencyError` when an identity of the header note does not hold."""
    problems = consistency_problems(table)
    if problems:
        columns = [c for c in ALL_COLUMNS if any(p.startswith(f"“{c}”列") for p in problems)]
        raise ConsistencyError(problems, columns)


def build_annual_table(store, year: int, profile=None) -> AnnualTable:
    """Count table 三 for ``year`` from the store (``profile``: AgencyProfile, path or None = default)."""
    from reviewer.decide.profile import AgencyProfile, load_profile
    from reviewer.decide.replytypes import load_reply_types

    if not isinstance(profile, AgencyProfile):
        profile = load_profile(profile)
    types = load_reply_types()
    start, end = f"{year:04d}-01-01", f"{year:04d}-12-31"
    table = AnnualTable(year)
    members: dict[str, list[str]] = {}
    current = {row["request_id"]: row for row in store.db.query(
        "select d.request_id, d.code, d.decided_at from decisions d "
        "join (select request_id, max(id) as last from decisions group by request_id) c on c.last = d.id")}
    requests = store.db.query(
        "select r.id, r.number, r.received, a.report_column from requests r "
        "left join applicants a on a.id = r.applicant_id where r.received <= ? order by r.received, r.id", [end])
    pending_notice = 0
    unknown_applicant = 0
    bad_dates: list[str] = []
    for req in requests:
        column = req["report_column"] if req["report_column"] in COLUMNS else "自然人"
        if req["report_column"] is None:
            unknown_applicant += 1
        decision = current.get(req["id"])
        final = decision is not None and types[decision["code"]].report_row is not None
        decided = decision["decided_at"][:10] if final else None
        received = req["received"][:10]
        if decided is not None and decided < received:
            bad_dates.append(req["number"])
        if start <= received:
            _add(table.new, members, "一", column, req["number"])
        elif decided is None or decided >= start:
            _add(table.carried, members, "二", column, req["number"])
        if decided is not None and start <= decided <= end:
            row = profile.report_row(decision["code"], types)
            if row not in table.results:
                raise AnnualReportError(f"答复类型“{decision['code']}”的统计行“{row}”不是年度报告表三的行")
            _add(table.results[row], members, row, column, req["number"])
            _add(table.results[TOTAL_ROW], members, TOTAL_ROW, column, req["number"])
        elif decided is None or decided > end:
            _add(table.carried_next, members, "四", column, req["number"])
            if decision is not None and not final and decided is None:
                pending_notice += 1
    table.members = members
    if pending_notice:
        table.notes.append(f"{pending_notice} 件申请最近一次处理为程序性告知（如补正告知），不计入办理结果，计入“结转下年度继续办理”。")
    if unknown_applicant:
        table.notes.append(f"{unknown_applicant} 件申请未识别出申请人，按“自然人”统计，请核对。")
    if bad_dates:
        table.notes.append(f"以下申请的决定日期早于收到日期，请核对：{'、'.join(bad_dates[:20])}"
                           + (f" 等 {len(bad_dates)} 件" if len(bad_dates) > 20 else ""))
    for code, row in sorted(profile.report_rows.items()):
        table.notes.append(f"按机关配置，“{types[code].label}”计入“{row}”。")
    return table


def _add(counts: dict[str, int], members: dict[str, list[str]], key: str, column: str, number: str) -> None:
    counts[column] += 1
    members.setdefault(key, []).append(number)


# --- layout and output ----------------------------------------------------------------------
@dataclass(frozen=True)
class Cell:
    row: int
    col: int
    text: str
    rowspan: int = 1
    colspan: int = 1
    number: bool = False


def layout(table: AnnualTable) -> tuple[int, int, list[Cell]]:
    """The national layout as a grid: (rows, columns, cells with their spans)."""
    cells = [
        Cell(0, 0, HEADER_NOTE, rowspan=3, colspan=3), Cell(0, 3, "申请人情况", colspan=7),
        Cell(1, 3, "自然人", rowspan=2), Cell(1, 4, "法人或其他组织", colspan=5), Cell(1, 9, TOTAL, rowspan=2),
        *[Cell(2, 4 + i, name) for i, name in enumerate(COLUMNS[1:])],
    ]

    def numbers(row: int, key: str) -> None:
        cells.extend(Cell(row, 3 + i, str(v), number=True) for i, v in enumerate(table.values(key)))

    cells.append(Cell(3, 0, NEW, colspan=3))
    numbers(3, "一")
    cells.append(Cell(4, 0, CARRIED, colspan=3))
    numbers(4, "二")
    cells.append(Cell(5, 0, RESULTS, rowspan=len(RESULT_ROWS)))
    row = 5
    seen_groups: set[str] = set()
    for key, level2, level3 in RESULT_ROWS:
        if level3 is None:
            cells.append(Cell(row, 1, level2, colspan=2))
        else:
            if level2 not in seen_groups:
                span = sum(1 for _k, l2, _l3 in RESULT_ROWS if l2 == level2)
                cells.append(Cell(row, 1, level2, rowspan=span))
                seen_groups.add(level2)
            cells.append(Cell(row, 2, level3))
        numbers(row, key)
        row += 1
    cells.append(Cell(row, 0, CARRIED_NEXT, colspan=3))
    numbers(row, "四")
    return row + 1, 10, cells


def _grid(table: AnnualTable) -> list[list[str]]:
    nrows, ncols, cells = layout(table)
    grid = [["" for _ in range(ncols)] for _ in range(nrows)]
    for cell in cells:
        grid[cell.row][cell.col] = cell.text
    return grid


def to_csv(table: AnnualTable) -> str:
    """CSV of the grid (merged cells: text in the top-left cell, the rest empty)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerows(_grid(table))
    return buffer.getvalue()


def to_markdown(table: AnnualTable, agency: str | None = None) -> str:
    grid = _grid(table)
    title = f"# {agency + '政府信息公开工作年度报告' if agency else '政府信息公开工作年度报告'}（{table.year}年）"
    lines = [title, "", f"## {TITLE}", ""]
    lines.append("| " + " | ".join(c or " " for c in grid[0]) + " |")
    lines.append("|" + "|".join(["---"] * 3 + ["---:"] * 7) + "|")
    for row in grid[1:]:
        lines.append("| " + " | ".join(c or " " for c in row) + " |")
    problems = consistency_problems(table)
    lines += ["", "勾稽关系核对：" + ("一 + 二 = 三（七）+ 四，各列均成立。" if not problems else "不成立！")]
    lines += [f"- {p}" for p in problems]
    if table.notes:
        lines += ["", "说明：", ""] + [f"- {n}" for n in table.notes]
    return "\n".join(lines) + "\n"


def write_xlsx(table: AnnualTable, path: Path, agency: str | None = None) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    nrows, ncols, cells = layout(table)
    wb = Workbook()
    ws = wb.active
    ws.title = f"表三-{table.year}"
    ws.cell(1, 1, f"{agency or ''}{TITLE}（{table.year}年）").font = Font(bold=True, size=12)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
    offset = 2
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for r in range(nrows):
        for c in range(ncols):
            ws.cell(r + offset, c + 1).border = border
    for cell in cells:
        target = ws.cell(cell.row + offset, cell.col + 1, int(cell.text) if cell.number else cell.text)
        target.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center" if cell.number else "left")
        if cell.rowspan > 1 or cell.colspan > 1:
            ws.merge_cells(start_row=cell.row + offset, start_column=cell.col + 1,
                           end_row=cell.row + offset + cell.rowspan - 1, end_column=cell.col + cell.colspan)
    for letter, width in zip("ABCDEFGHIJ", (10, 16, 30, 9, 9, 9, 11, 11, 9, 9), strict=True):
        ws.column_dimensions[letter].width = width
    path = Path(path)
    wb.save(path)
    return path


def write_docx(table: AnnualTable, path: Path, agency: str | None = None) -> Path:
    from docx import Document
    from docx.shared import Pt

    nrows, ncols, cells = layout(table)
    doc = Document()
    doc.add_heading(f"{agency or ''}{TITLE}（{table.year}年）", level=2)
    grid = doc.add_table(rows=nrows, cols=ncols)
    grid.style = "Table Grid"
    for cell in cells:
        target = grid.cell(cell.row, cell.col)
        if cell.rowspan > 1 or cell.colspan > 1:
            target = target.merge(grid.cell(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1))
        target.text = cell.text
        for paragraph in target.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(9)
    problems = consistency_problems(table)
    if problems:
        doc.add_paragraph("勾稽关系不成立：" + "；".join(problems))
    for note in table.notes:
        doc.add_paragraph(note)
    path = Path(path)
    doc.save(str(path))
    return path


# ------------------------------------------------------------------------------------------------
# Tables 二 (主动公开) and 四 (行政复议、行政诉讼), and the whole report in every format


PROACTIVE_TITLE = "二、主动公开政府信息情况"
REMEDY_TITLE = "四、政府信息公开行政复议、行政诉讼情况"
# (article, column headers after 信息内容, row names)
PROACTIVE_SECTIONS: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("第二十条第（一）项", ("本年制发件数", "本年废止件数", "现行有效件数"), ("规章", "行政规范性文件")),
    ("第二十条第（五）项", ("本年处理决定数量",), ("行政许可",)),
    ("第二十条第（六）项", ("本年处理决定数量",), ("行政处罚", "行政强制")),
    ("第二十条第（八）项", ("本年收费金额（单位：万元）",), ("行政事业性收费",)),
)
REMEDY_RESULTS_ZH = ("结果维持", "结果纠正", "其他结果", "尚未审结", TOTAL)
_RESULT_KEYS = {"维持": "结果维持", "纠正": "结果纠正", "其他": "其他结果"}


@dataclass
class ProactiveTable:
    """Table 二 from the counts the office supplies; ``values[row][column]`` (None = not supplied)."""

    values: dict[str, dict[str, float | int | None]] = field(default_factory=dict)
    source: str | None = None

    def value(self, row: str, column: str):
        return self.values.get(row, {}).get(column)


def load_proactive_counts(path: Path | None) -> ProactiveTable:
    """Read table 二's counts from a YAML file: ``行名: {列名: 数值}`` (e.g. ``规章: {本年制发件数: 2}``).
    Raises :class:`AnnualReportError` naming the file and the bad entry."""
    import yaml

    table = ProactiveTable(source=str(path) if path else None)
    if path is None:
        return table
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise AnnualReportError(f"主动公开数据文件 {path.name} 无法读取：{type(exc).__name__}") from None
    if not isinstance(data, dict):
        raise AnnualReportError(f"主动公开数据文件 {path.name} 应为“行名: {{列名: 数值}}”的映射")
    allowed = {row: set(columns) for _a, columns, rows in PROACTIVE_SECTIONS for row in rows}
    for row, cells in data.items():
        if row not in allowed:
            raise AnnualReportError(f"主动公开数据文件 {path.name}：未知的行“{row}”（可用：{'、'.join(allowed)}）")
        if not isinstance(cells, dict):
            raise AnnualReportError(f"主动公开数据文件 {path.name}：“{row}”应为“列名: 数值”的映射")
        for column, value in cells.items():
            if column not in allowed[row]:
                raise AnnualReportError(f"主动公开数据文件 {path.name}：“{row}”没有列“{column}”"
                                        f"（可用：{'、'.join(sorted(allowed[row]))}）")
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise AnnualReportError(f"主动公开数据文件 {path.name}：“{row}”的“{column}”应为非负数，收到“{value}”")
        table.values[row] = dict(cells)
    return table


@dataclass
class RemedyTable:
    """Table 四: 行政复议 / 行政诉讼 (未经复议直接起诉, 复议后起诉) × result, from case events."""

    review: dict[str, int] = field(default_factory=lambda: dict.fromkeys(REMEDY_RESULTS_ZH, 0))
    direct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(REMEDY_RESULTS_ZH, 0))
    after_review: dict[str, int] = field(default_factory=lambda: dict.fromkeys(REMEDY_RESULTS_ZH, 0))

    def values(self) -> list[int]:
        return [part[c] for part in (self.review, self.direct, self.after_review) for c in REMEDY_RESULTS_ZH]


def build_remedy_table(store, year: int) -> RemedyTable:
    """Count table 四: every 行政复议 / 行政诉讼 filed in ``year`` (case events review-filed / lawsuit-filed),
    by its result (review-decided / lawsuit-decided on or before 31 December), else 尚未审结."""
    import json

    table = RemedyTable()
    end = f"{year:04d}-12-31"
    events = list(store.db.query("select request_id, kind, date, detail from events where kind in "
                                 "('review_filed', 'review_decided', 'lawsuit_filed', 'lawsuit_decided') "
                                 "order by request_id, date, id"))
    for kind, decided_kind in (("review_filed", "review_decided"), ("lawsuit_filed", "lawsuit_decided")):
        for filed in (e for e in events if e["kind"] == kind and e["date"][:4] == str(year)):
            detail = json.loads(filed["detail"] or "{}")
            part = table.review if kind == "review_filed" else (
                table.after_review if detail.get("after_review") else table.direct)
            results = [json.loads(e["detail"] or "{}").get("result") for e in events
                       if e["request_id"] == filed["request_id"] and e["kind"] == decided_kind
                       and filed["date"] <= e["date"] <= end]
            part[_RESULT_KEYS.get(results[0], "其他结果") if results else "尚未审结"] += 1
            part[TOTAL] += 1
    return table


def proactive_layout(table: ProactiveTable) -> tuple[int, int, list[Cell]]:
    cells: list[Cell] = []
    row = 0

    def fmt(value) -> str:
        return "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))

    for article, columns, rows in PROACTIVE_SECTIONS:
        cells.append(Cell(row, 0, article, colspan=4))
        row += 1
        span = 4 - len(columns)
        cells.append(Cell(row, 0, "信息内容"))
        for i, column in enumerate(columns):
            cells.append(Cell(row, 1 + i, column, colspan=span if len(columns) == 1 else 1))
        row += 1
        for name in rows:
            cells.append(Cell(row, 0, name))
            for i, column in enumerate(columns):
                cells.append(Cell(row, 1 + i, fmt(table.value(name, column)), colspan=span if len(columns) == 1 else 1,
                                  number=True))
            row += 1
    return row, 4, cells


def remedy_layout(table: RemedyTable) -> tuple[int, int, list[Cell]]:
    cells = [Cell(0, 0, "行政复议", colspan=5), Cell(0, 5, "行政诉讼", colspan=10)]
    cells += [Cell(1, i, name, rowspan=2) for i, name in enumerate(REMEDY_RESULTS_ZH)]
    cells += [Cell(1, 5, "未经复议直接起诉", colspan=5), Cell(1, 10, "复议后起诉", colspan=5)]
    cells += [Cell(2, 5 + i, name) for i, name in enumerate(REMEDY_RESULTS_ZH * 2)]
    cells += [Cell(3, i, str(v), number=True) for i, v in enumerate(table.values())]
    return 4, 15, cells


# Column widths (cm) on A4 landscape with 2.5 cm side margins (24.7 cm of text width).
WIDTHS_CM = {"二": (6.1, 6.2, 6.2, 6.2), "三": (1.7, 2.6, 7.0) + (1.9,) * 7, "四": (1.64,) * 15}
PAGE_CM = (29.7, 21.0)
MARGIN_CM = (2.5, 2.0)  # left/right, top/bottom


@dataclass
class AnnualReport:
    """Tables 二, 三 and 四 of one year (国办公开办函〔2021〕30号)."""

    year: int
    proactive: ProactiveTable
    requests: AnnualTable
    remedies: RemedyTable

    def sections(self) -> list[tuple[str, str, tuple[int, int, list[Cell]]]]:
        return [("二", PROACTIVE_TITLE, proactive_layout(self.proactive)),
                ("三", TITLE, layout(self.requests)),
                ("四", REMEDY_TITLE, remedy_layout(self.remedies))]

    def check_lines(self) -> list[str]:
        """The 勾稽关系 check and notes, as shown in every format."""
        problems = consistency_problems(self.requests)
        lines = ["勾稽关系核对（表三）：" + ("一 + 二 = 三（七）+ 四，各列均成立。" if not problems else "不成立！")]
        lines += problems
        if self.proactive.source is None:
            lines.append("表二：未提供主动公开数据（--proactive），相应单元格留空，请填写。")
        lines += self.requests.notes
        return lines

    def to_dict(self) -> dict:
        return {"year": self.year, "proactive": self.proactive.values, "requests": self.requests.to_dict(),
                "remedies": dict(zip([f"{p}{c}" for p in ("行政复议", "直接起诉", "复议后起诉") for c in REMEDY_RESULTS_ZH],
                                     self.remedies.values(), strict=True)),
                "checks": self.check_lines()}


def build_annual_report(store, year: int, profile=None, proactive: Path | None = None) -> AnnualReport:
    return AnnualReport(year, load_proactive_counts(proactive), build_annual_table(store, year, profile),
                        build_remedy_table(store, year))


def _grid_of(shape: tuple[int, int, list[Cell]]) -> list[list[str]]:
    nrows, ncols, cells = shape
    grid = [["" for _ in range(ncols)] for _ in range(nrows)]
    for cell in cells:
        grid[cell.row][cell.col] = cell.text
    return grid


def report_title(report: AnnualReport, agency: str | None) -> str:
    return f"{agency or ''}{report.year}年政府信息公开工作年度报告（统计表）"


def report_csv(report: AnnualReport) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for _key, title, shape in report.sections():
        writer.writerow([title])
        writer.writerows(_grid_of(shape))
        writer.writerow([])
    for line in report.check_lines():
        writer.writerow([line])
    return buffer.getvalue()


def report_markdown(report: AnnualReport, agency: str | None = None) -> str:
    lines = [f"# {report_title(report, agency)}", ""]
    for _key, title, shape in report.sections():
        grid = _grid_of(shape)
        lines += [f"## {title}", ""]
        lines.append("| " + " | ".join(c or " " for c in grid[0]) + " |")
        lines.append("|" + "|".join(["---"] * len(grid[0])) + "|")
        lines += ["| " + " | ".join(c or " " for c in row) + " |" for row in grid[1:]]
        lines.append("")
    lines += [f"- {line}" for line in report.check_lines()]
    return "\n".join(lines) + "\n"


def report_xlsx(report: AnnualReport, path: Path, agency: str | None = None) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for key, title, (nrows, ncols, cells) in report.sections():
        ws = wb.create_sheet(f"表{key}")
        ws.cell(1, 1, f"{title}（{report.year}年）").font = Font(bold=True, size=12)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
        for r in range(nrows):
            for c in range(ncols):
                ws.cell(r + 2, c + 1).border = border
        for cell in cells:
            value = cell.text
            if cell.number and value:
                value = float(value) if "." in value else int(value)
            target = ws.cell(cell.row + 2, cell.col + 1, value)
            target.alignment = Alignment(wrap_text=True, vertical="center",
                                         horizontal="center" if cell.number else "left")
            if cell.rowspan > 1 or cell.colspan > 1:
                ws.merge_cells(start_row=cell.row + 2, start_column=cell.col + 1,
                               end_row=cell.row + 1 + cell.rowspan, end_column=cell.col + cell.colspan)
        for i, width in enumerate(WIDTHS_CM[key], start=1):
            ws.column_dimensions[get_column_letter(i)].width = round(width * 4.3, 1)
        for offset, line in enumerate(report.check_lines() if key == "三" else [], start=nrows + 3):
            ws.cell(offset, 1, line)
    path = Path(path)
    wb.save(path)
    return path


def report_docx(report: AnnualReport, path: Path, agency: str | None = None) -> Path:
    """An A4 landscape document: title on its own line, each table with fixed column widths that fit the
    text width, 9-point 仿宋 body, the 勾稽关系 check and notes after the tables."""
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(PAGE_CM[0]), Cm(PAGE_CM[1])
    section.left_margin = section.right_margin = Cm(MARGIN_CM[0])
    section.top_margin = section.bottom_margin = Cm(MARGIN_CM[1])

    def paragraph(text: str, size: int, bold: bool = False, center: bool = False):
        p = doc.add_paragraph()
        run = p.add_run(text)
        run.font.size = Pt(size)
        run.bold = bold
        run.font.name = "仿宋"
        run._element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋")
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return p

    paragraph(report_title(report, agency), 16, bold=True, center=True)
    for key, title, (nrows, ncols, cells) in report.sections():
        paragraph(title, 12, bold=True)
        grid = doc.add_table(rows=nrows, cols=ncols)
        grid.style = "Table Grid"
        grid.alignment = WD_TABLE_ALIGNMENT.CENTER
        grid.autofit = False
        widths = [Cm(w) for w in WIDTHS_CM[key]]
        for column, width in zip(grid.columns, widths, strict=True):
            column.width = width
        for row in grid.rows:
            for c, width in enumerate(widths):
                row.cells[c].width = width
        for cell in cells:
            target = grid.cell(cell.row, cell.col)
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(grid.cell(cell.row + cell.rowspan - 1, cell.col + cell.colspan - 1))
            target.text = cell.text
            for p in target.paragraphs:
                if cell.number:
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                for run in p.runs:
                    run.font.size = Pt(9)
        doc.add_paragraph()
    for line in report.check_lines():
        paragraph(line, 10)
    path = Path(path)
    doc.save(str(path))
    return path
