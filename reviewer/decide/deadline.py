"""Deadline engine for 依申请公开: receipt date, working days, 补正, extension and pauses.

Legal basis (《中华人民共和国政府信息公开条例》, 国务院令第711号):

* 第三十一条 — receipt date by channel (:func:`receipt_date`).
* 第三十条 — 补正 notice within 7 working days of receipt; the reply period then runs afresh
  from the day the 补正 is received (full restart).
* 第三十三条第二款 — reply within 20 working days; extension of at most 20 working days.
* 第三十二条 / 第三十四条 — third parties / co-producing organs have 15 working days from receiving
  the consultation letter; 第三十三条第三款 — that time is not counted in the reply period.

Counting convention (configurable, see ``convention``):

* ``"next_day"`` (default): the receipt day is not counted; day 1 is the first working day
  **after** the start date (民法典第二百零一条 analogy; ogi-law.md §6.2).
* ``"same_day"``: if the start date is itself a working day it counts as day 1; otherwise the
  result equals ``"next_day"``.

A *working day* is Monday–Friday that is not a statutory holiday, plus the weekend days the
State Council notice designates as 调休上班. Data comes from ``rules/holidays.yaml`` (years it
lists), then the ``chinesecalendar`` package. For a later year with neither (the State Council
publishes each year's notice around November), the statutory holidays of 《全国年节及纪念日放假办法》
第二条 (2024 revision, from 2025) are taken out — 元旦, 春节 (除夕 to 正月初三), 清明, 劳动节 (5月1日、2日),
端午, 中秋, 国庆 (10月1日至3日), lunar dates from ``lunar_python`` — and a visible Chinese warning says that
the notice's 调休上班 days and extra days off are not known. Any other year counts Monday–Friday, again with
a warning.

How a pause shifts the due date (第三十三条第三款): the clock is walked day by day from the start
date; every working day that would be counted and that lies inside a pause interval
``[pause.start, pause.end]`` (both ends inclusive, overlapping pauses counted once) is skipped
instead of counted. The due date therefore moves back by exactly the number of working days of the
pause that fall inside the running reply period. A pause that begins after the running due date
has no effect (the period had already expired) and produces a warning. An open pause (``end`` is
None) is treated as lasting up to and including ``today``; the resulting due date is provisional
("暂停中") and moves one working day later for each further working day of the pause. A pause
with a known ``end`` on or after ``today`` is also reported as "暂停中" (its end date is used).
Per-pause ``excluded_days`` are reported for the governing (extended, if any) period. Each
pause's ``consultation_due`` (15 working days from ``letter_received``, same convention) is shown
for follow-up only; the excluded time is always the recorded ``[start, end]``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "CONVENTIONS",
    "CHANNELS",
    "Deadline",
    "HolidayTableError",
    "Pause",
    "PauseOutcome",
    "ReceiptFacts",
    "WorkCalendar",
    "YearTable",
    "STATUTE_FROM_YEAR",
    "add_working_days",
    "compute_deadline",
    "count_working_days",
    "default_holidays_path",
    "format_date_zh",
    "load_holiday_table",
    "parse_date",
    "receipt_date",
    "statutory_holidays",
]

REPLY_DAYS = 20  # 第三十三条第二款
MAX_EXTENSION_DAYS = 20  # 第三十三条第二款
CORRECTION_NOTICE_DAYS = 7  # 第三十条
CONSULTATION_DAYS = 15  # 第三十二条、第三十四条

CONVENTIONS = ("next_day", "same_day")
from reviewer.vocab import CHANNELS  # noqa: E402 - one definition (reviewer/vocab.py)

_CHANNEL_ALIASES = {"现场": "当面", "互联网": "网络", "网上": "网络"}

_WEEKDAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


def format_date_zh(d: date) -> str:
    """Format a date as ``2026年2月10日（周二）``."""
    return f"{d.year}年{d.month}月{d.day}日（{_WEEKDAYS_ZH[d.weekday()]}）"


def parse_date(value: date | str, what: str) -> date:
    """Accept a date, datetime or ISO string; raise a Chinese ValueError otherwise."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{what}“{value}”不是有效日期，应为 YYYY-MM-DD 格式")


# --------------------------------------------------------------------------------------------
# Holiday table (rules/holidays.yaml)
# --------------------------------------------------------------------------------------------


class HolidayTableError(ValueError):
    """The holiday YAML file is invalid; ``problems`` lists each problem in Chinese."""

    def __init__(self, path: str, problems: list[str]):
        self.path = path
        self.problems = problems
        super().__init__(f"节假日表 {path} 有误：\n" + "\n".join(f"  - {p}" for p in problems))


@dataclass(frozen=True)
class YearTable:
    """One year's holiday notice: non-working dates and 调休上班 weekend dates."""

    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]
    source: str
    url: str | None = None


class _StringDateLoader(yaml.SafeLoader):
    """SafeLoader that keeps dates as strings so that bad dates can be reported per entry."""


_StringDateLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

_YEAR_KEYS = {"holidays", "workdays", "source", "url"}


def default_holidays_path() -> Path:
    """``rules/holidays.yaml`` in the project's rules folder (honours ``REVIEWER_RULES_DIR``)."""
    from reviewer.paths import RULES_DIR

    return Path(RULES_DIR) / "holidays.yaml"


def load_holiday_table(path: str | Path) -> dict[int, YearTable]:
    """Load and validate a holiday YAML file.

    Raises :class:`HolidayTableError` (a ValueError) with Chinese messages naming the file and
    the entry (e.g. ``years.2026.holidays[3]``) for: unreadable file / YAML syntax, wrong
    structure, unknown keys, invalid dates, a date outside its year key, a date listed both as
    holiday and workday, duplicates, a 调休上班 day that is not a Saturday or Sunday, or a
    missing ``source``.
    """
    name = str(path)
    try:
        raw_text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise HolidayTableError(name, [f"无法读取文件（{exc.__class__.__name__}）"]) from exc
    try:
        data = yaml.load(raw_text, Loader=_StringDateLoader)  # SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行" if mark is not None else "未知位置"
        raise HolidayTableError(name, [f"YAML 格式错误（{where}）"]) from exc
    return _parse_table(name, data)


def _parse_table(name: str, data: Any) -> dict[int, YearTable]:
    problems: list[str] = []
    if not isinstance(data, Mapping) or not isinstance(data.get("years"), Mapping):
        raise HolidayTableError(
            name, ["顶层应为包含 years 的映射，例如 years: {2026: {holidays: [...], ...}}"]
        )
    extra_top = sorted(str(k) for k in data if k != "years")
    if extra_top:
        problems.append(f"未知的顶层字段：{'、'.join(extra_top)}")
    tables: dict[int, YearTable] = {}
    for key, entry in data["years"].items():
        where = f"years.{key}"
        if isinstance(key, bool) or not (isinstance(key, int) or (isinstance(key, str) and key.isdigit())):
            problems.append(f"{where}：年份“{key}”应为四位数字")
            continue
        year = int(key)
        if not 1949 <= year <= 2200:
            problems.append(f"{where}：年份 {year} 超出合理范围")
            continue
        if year in tables:
            problems.append(f"{where}：年份 {year} 重复")
            continue
        if not isinstance(entry, Mapping):
            problems.append(f"{where}：应为包含 holidays、workdays、source 的映射")
            continue
        unknown = sorted(str(k) for k in entry if k not in _YEAR_KEYS)
        if unknown:
            problems.append(
                f"{where}：未知字段 {'、'.join(unknown)}（允许：holidays、workdays、source、url）"
            )
        source = entry.get("source")
        if not isinstance(source, str) or not source.strip():
            problems.append(f"{where}.source：缺少所依据的国务院办公厅通知名称")
        url = entry.get("url")
        if url is not None and not isinstance(url, str):
            problems.append(f"{where}.url：应为字符串")
            url = None
        lists: dict[str, list[date]] = {}
        for list_key in ("holidays", "workdays"):
            lists[list_key] = _parse_date_list(
                entry.get(list_key, None), f"{where}.{list_key}", year, problems
            )
        for i, d in enumerate(lists["workdays"]):
            if d.weekday() < 5:
                problems.append(
                    f"{where}.workdays[{i}]：{d.isoformat()}（{_WEEKDAYS_ZH[d.weekday()]}）本就是工作日，"
                    "调休上班日应为周六或周日"
                )
        both = sorted(set(lists["holidays"]) & set(lists["workdays"]))
        for d in both:
            problems.append(f"{where}：{d.isoformat()} 同时列为放假日（holidays）和上班日（workdays）")
        tables[year] = YearTable(
            year=year,
            holidays=frozenset(lists["holidays"]),
            workdays=frozenset(lists["workdays"]),
            source=source.strip() if isinstance(source, str) else "",
            url=url,
        )
    if problems:
        raise HolidayTableError(name, problems)
    return tables


def _parse_date_list(value: Any, where: str, year: int, problems: list[str]) -> list[date]:
    if value is None:
        problems.append(f"{where}：缺少日期列表（没有时写 []）")
        return []
    if not isinstance(value, list):
        problems.append(f"{where}：应为日期列表")
        return []
    out: list[date] = []
    seen: set[date] = set()
    for i, item in enumerate(value):
        text = str(item).strip()
        try:
            d = date.fromisoformat(text) if isinstance(item, str) and len(text) == 10 else None
        except ValueError:
            d = None
        if d is None:
            problems.append(f"{where}[{i}]：日期“{item}”无效，应为 YYYY-MM-DD 格式的真实日期")
            continue
        if d.year != year:
            problems.append(f"{where}[{i}]：日期 {d.isoformat()} 不属于年份 {year}")
            continue
        if d in seen:
            problems.append(f"{where}[{i}]：日期 {d.isoformat()} 重复")
            continue
        seen.add(d)
        out.append(d)
    return out


# --------------------------------------------------------------------------------------------
# Working-day calendar
# --------------------------------------------------------------------------------------------


def _fallback_warning(year: int) -> str:
    return f"{year} 年的法定节假日安排未载入，按周一至周五计算工作日，请核对国务院办公厅通知"


def _statute_warning(year: int) -> str:
    return (
        f"{year} 年的国务院办公厅节假日安排未载入，已按《全国年节及纪念日放假办法》第二条扣除法定节假日，"
        "调休上班日和调休放假日未计入，期限可能与实际相差数日，请核对通知后补入 rules/holidays.yaml"
    )


#: First year the 2024 revision of 《全国年节及纪念日放假办法》 (春节 from 除夕, 劳动节 two days) applies.
STATUTE_FROM_YEAR = 2025


def statutory_holidays(year: int) -> dict[date, str]:
    """The days off fixed by 《全国年节及纪念日放假办法》第二条 (2024 revision) in ``year``, with their festival.

    These days are off whatever the year's notice arranges; the notice only adds days (调休, 补假 for a
    festival on a weekend) and designates weekend working days. Raises ImportError without ``lunar_python``.
    """
    from lunar_python import Lunar, Solar

    def solar(s) -> date:
        return date(s.getYear(), s.getMonth(), s.getDay())

    out: dict[date, str] = {date(year, 1, 1): "元旦"}
    new_year = solar(Lunar.fromYmd(year, 1, 1).getSolar())
    for offset in range(-1, 3):  # 除夕, 正月初一至初三
        out[new_year + timedelta(days=offset)] = "春节"
    out[solar(Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable()["清明"])] = "清明节"
    out[date(year, 5, 1)] = out[date(year, 5, 2)] = "劳动节"
    out[solar(Lunar.fromYmd(year, 5, 5).getSolar())] = "端午节"
    out[solar(Lunar.fromYmd(year, 8, 15).getSolar())] = "中秋节"
    for day in (1, 2, 3):
        out[date(year, 10, day)] = "国庆节"
    return {d: name for d, name in out.items() if d.year == year}


class WorkCalendar:
    """Working-day calendar: YAML table, then ``chinese_calendar``, then the statute, then Monday–Friday.

    Every year that falls back to the statute or to Monday–Friday adds one Chinese warning to :attr:`warnings`
    (deduplicated, in order of first use); :meth:`warnings_between` gives the warnings for a
    date range, which :func:`compute_deadline` attaches to each result.
    """

    def __init__(
        self,
        table: Mapping[int, YearTable] | None = None,
        *,
        use_chinese_calendar: bool = True,
        table_path: str | None = None,
        use_statute: bool = True,
    ):
        self.table: dict[int, YearTable] = dict(table or {})
        self.use_chinese_calendar = use_chinese_calendar
        self.use_statute = use_statute
        self._statute_years: dict[int, frozenset[date] | None] = {}
        self.table_path = table_path
        self.warnings: list[str] = []
        self._package_years: dict[int, bool] = {}

    @classmethod
    def from_yaml(cls, path: str | Path, *, use_chinese_calendar: bool = True, use_statute: bool = True) -> WorkCalendar:
        """Calendar from a holiday YAML file (validated; raises :class:`HolidayTableError`)."""
        return cls(load_holiday_table(path), use_chinese_calendar=use_chinese_calendar, table_path=str(path),
                   use_statute=use_statute)

    @classmethod
    def default(cls) -> WorkCalendar:
        """Calendar from ``rules/holidays.yaml`` if present, else the package data alone."""
        path = default_holidays_path()
        if path.is_file():
            return cls.from_yaml(path)
        return cls()

    # -- data source per year ---------------------------------------------------------------

    def _package_covers(self, year: int) -> bool:
        if not self.use_chinese_calendar:
            return False
        if year not in self._package_years:
            try:
                import chinese_calendar

                chinese_calendar.is_workday(date(year, 6, 15))
                covered = True
            except (ImportError, NotImplementedError):
                covered = False
            self._package_years[year] = covered
        return self._package_years[year]

    def _statute_days(self, year: int) -> frozenset[date] | None:
        if not self.use_statute or year < STATUTE_FROM_YEAR:
            return None
        if year not in self._statute_years:
            try:
                self._statute_years[year] = frozenset(statutory_holidays(year))
            except ImportError:
                self._statute_years[year] = None
        return self._statute_years[year]

    def source_of(self, year: int) -> str:
        """``"yaml"``, ``"chinese_calendar"``, ``"statute"`` or ``"weekdays"`` — where ``year``'s data comes from."""
        if year in self.table:
            return "yaml"
        if self._package_covers(year):
            return "chinese_calendar"
        if self._statute_days(year) is not None:
            return "statute"
        return "weekdays"

    def source_label(self, year: int) -> str:
        """Chinese description of the data used for ``year`` (for reports and audit)."""
        kind = self.source_of(year)
        if kind == "yaml":
            where = self.table_path or "本地节假日表"
            return f"{where}：{self.table[year].source}"
        if kind == "chinese_calendar":
            return "chinesecalendar 软件包内置的国务院办公厅节假日安排"
        if kind == "statute":
            return "未载入当年节假日安排通知，按《全国年节及纪念日放假办法》第二条的法定节假日计算（不含调休）"
        return "未载入节假日安排，按周一至周五计算"

    def year_warning(self, year: int) -> str | None:
        """The fallback warning for ``year``, or None if the year's notice is loaded."""
        kind = self.source_of(year)
        if kind == "statute":
            return _statute_warning(year)
        return _fallback_warning(year) if kind == "weekdays" else None

    def warnings_between(self, first: date, last: date) -> list[str]:
        """Fallback warnings for every year touched by ``[first, last]``."""
        lo, hi = sorted((first, last))
        return [w for y in range(lo.year, hi.year + 1) if (w := self.year_warning(y))]

    # -- the question ---------------------------------------------------------------------

    def is_workday(self, d: date) -> bool:
        """True if ``d`` is a working day (调休上班 weekend days included, holidays excluded)."""
        kind = self.source_of(d.year)
        if kind == "yaml":
            t = self.table[d.year]
            if d in t.workdays:
                return True
            if d in t.holidays:
                return False
            return d.weekday() < 5
        if kind == "chinese_calendar":
            import chinese_calendar

            return bool(chinese_calendar.is_workday(d))
        warning = self.year_warning(d.year)
        if warning and warning not in self.warnings:
            self.warnings.append(warning)
        if kind == "statute":
            return d.weekday() < 5 and d not in (self._statute_days(d.year) or ())
        return d.weekday() < 5


# --------------------------------------------------------------------------------------------
# Counting
# --------------------------------------------------------------------------------------------


def _check_convention(convention: str) -> None:
    if convention not in CONVENTIONS:
        raise ValueError(
            f"未知的起算方式“{convention}”，可选：next_day（收到之日的次一工作日为第1日）、"
            "same_day（收到之日为工作日的，当日为第1日）"
        )


def _walk(
    start: date,
    n: int,
    calendar: WorkCalendar,
    convention: str,
    paused: Callable[[date], bool] | None = None,
) -> tuple[date, list[date]]:
    """Count ``n`` working days from ``start``; return (last day, working days skipped as paused)."""
    _check_convention(convention)
    if n < 0:
        raise ValueError(f"工作日数不能为负数（{n}）")
    skipped: list[date] = []
    count = 0
    d = start
    if n == 0:
        return start, skipped
    if convention == "same_day" and calendar.is_workday(start):
        if paused is not None and paused(start):
            skipped.append(start)
        else:
            count = 1
    while count < n:
        d += timedelta(days=1)
        if not calendar.is_workday(d):
            continue
        if paused is not None and paused(d):
            skipped.append(d)
            continue
        count += 1
    return d, skipped


def add_working_days(
    start: date, n: int, calendar: WorkCalendar | None = None, convention: str = "next_day"
) -> date:
    """The ``n``-th working day counted from ``start`` under ``convention``.

    ``"next_day"``: day 1 is the first working day after ``start``. ``"same_day"``: ``start``
    is day 1 if it is a working day. ``n == 0`` returns ``start``.
    """
    cal = calendar if calendar is not None else WorkCalendar.default()
    return _walk(parse_date(start, "起算日期"), n, cal, convention)[0]


def count_working_days(first: date, last: date, calendar: WorkCalendar | None = None) -> int:
    """Number of working days in ``[first, last]`` (both inclusive); 0 if ``last < first``."""
    cal = calendar if calendar is not None else WorkCalendar.default()
    n, d = 0, first
    while d <= last:
        n += cal.is_workday(d)
        d += timedelta(days=1)
    return n


# --------------------------------------------------------------------------------------------
# Receipt date (第三十一条)
# --------------------------------------------------------------------------------------------


@dataclass
class ReceiptFacts:
    """The receipt date of an application and why (第三十一条)."""

    date: date
    channel: str
    article: str
    explanation: str
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "channel": self.channel,
            "article": self.article,
            "explanation": self.explanation,
            "notes": list(self.notes),
        }


_ART31 = "《中华人民共和国政府信息公开条例》第三十一条"


def receipt_date(
    channel: str,
    submitted: date | str,
    *,
    signed: date | str | None = None,
    confirmed: date | str | None = None,
) -> ReceiptFacts:
    """Receipt date per 第三十一条.

    * ``"当面"``: the day of submission (第（一）项).
    * ``"邮寄"``: the day the agency signed for it (``signed``; registered mail, express) or, for
      ordinary mail needing no signature, the day the OGI office confirmed with the applicant
      (``confirmed``), which must be the day the letter arrived (``submitted``) (第（二）项).
    * ``"网络"`` / ``"传真"``: the day both sides confirmed (``confirmed``; defaults to
      ``submitted`` with a note asking to check the confirmation record) (第（三）项).

    ``submitted`` is the day the application was handed in or arrived at the agency.
    """
    valid = "、".join(CHANNELS)
    ch = _CHANNEL_ALIASES.get(channel.strip(), channel.strip()) if isinstance(channel, str) else channel
    if ch not in CHANNELS:
        raise ValueError(f"未知的申请渠道“{channel}”，可选：{valid}")
    sub = parse_date(submitted, "提交日期")
    sig = parse_date(signed, "签收日期") if signed is not None else None
    conf = parse_date(confirmed, "确认日期") if confirmed is not None else None
    notes: list[str] = []
    for label, d in (("签收日期", sig), ("确认日期", conf)):
        if d is not None and d < sub:
            raise ValueError(f"{label} {d.isoformat()} 早于提交日期 {sub.isoformat()}")

    if ch == "当面":
        if sig is not None or conf is not None:
            notes.append("当面提交的申请以提交之日为准，签收或确认日期不影响收到日期")
        return ReceiptFacts(
            sub,
            ch,
            "第三十一条第（一）项",
            f"申请人当面提交申请，以提交之日 {format_date_zh(sub)} 为收到申请之日（{_ART31}第（一）项）。",
            notes,
        )
    if ch == "邮寄":
        if sig is not None:
            if conf is not None:
                notes.append("需签收的邮件以签收之日为准，已忽略确认日期")
            return ReceiptFacts(
                sig,
                ch,
                "第三十一条第（二）项",
                f"申请以需签收的方式邮寄，以行政机关签收之日 {format_date_zh(sig)} 为收到申请之日"
                f"（{_ART31}第（二）项）。",
                notes,
            )
        if conf is None:
            raise ValueError("邮寄申请须提供签收日期（挂号信、快递等需签收的邮件）或确认日期（平常信函）")
        if conf != sub:
            notes.append(
                f"平常信函应于收到当日与申请人确认（第三十一条第（二）项），但确认日期 {format_date_zh(conf)} "
                f"晚于收到日期 {format_date_zh(sub)}，请核实并记录原因"
            )
        return ReceiptFacts(
            conf,
            ch,
            "第三十一条第（二）项",
            f"申请以平常信函等无需签收的方式邮寄，政府信息公开工作机构与申请人确认之日 {format_date_zh(conf)} "
            f"为收到申请之日（{_ART31}第（二）项）。",
            notes,
        )
    # 网络 / 传真
    what = "互联网渠道" if ch == "网络" else "政府信息公开工作机构的传真"
    if conf is None:
        conf = sub
        notes.append("未提供双方确认日期，暂按提交日期计算，请核对确认记录")
    return ReceiptFacts(
        conf,
        ch,
        "第三十一条第（三）项",
        f"申请通过{what}提交，以双方确认之日 {format_date_zh(conf)} 为收到申请之日（{_ART31}第（三）项）。",
        notes,
    )


# --------------------------------------------------------------------------------------------
# Pauses and the deadline
# --------------------------------------------------------------------------------------------

_PAUSE_KINDS = {
    "third_party": ("第三十二条", "征求第三方意见"),
    "co_producer": ("第三十四条", "征求共同制作机关意见"),
}


@dataclass(frozen=True)
class Pause:
    """A period not counted in the reply period (第三十三条第三款).

    ``start``: first day of the pause (usually the day the 征求意见书 was sent);
    ``end``: last day of the pause (the day the opinion arrived or the window closed), or None
    while still open; ``kind``: ``"third_party"`` (第三十二条) or ``"co_producer"`` (第三十四条);
    ``letter_received``: the day the consulted party received the letter (defaults to ``start``),
    from which its 15 working days run.
    """

    start: date
    end: date | None = None
    reason: str = ""
    kind: str = "third_party"
    letter_received: date | None = None


@dataclass
class PauseOutcome:
    """A pause as applied to a deadline."""

    start: date
    end: date | None
    reason: str
    kind: str
    article: str
    letter_received: date
    consultation_due: date
    excluded_days: int
    is_open: bool
    effective_end: date | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "reason": self.reason,
            "kind": self.kind,
            "article": self.article,
            "letter_received": self.letter_received.isoformat(),
            "consultation_due": self.consultation_due.isoformat(),
            "excluded_days": self.excluded_days,
            "open": self.is_open,
            "effective_end": self.effective_end.isoformat() if self.effective_end else None,
        }


@dataclass
class Deadline:
    """All dates of one application's reply clock. Dates are None when the clock has not started
    (a 补正 was requested and not yet received)."""

    received: date
    correction_notice_due: date
    correction_requested: date | None
    correction_received: date | None
    start: date | None
    due: date | None
    due_without_pauses: date | None
    extension_days: int
    extended_due: date | None
    paused_days: int
    pauses: list[PauseOutcome]
    status: str  # 计时中 | 暂停中 | 等待补正 | 已逾期
    today: date
    days_left: int | None
    workdays_left: int | None
    convention: str
    warnings: list[str]
    timeline: list[tuple[date, str]]
    calendar_sources: dict[int, str]

    @property
    def final_due(self) -> date | None:
        """The governing reply deadline: the extended one if extended, else ``due``."""
        return self.extended_due if self.extended_due is not None else self.due

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable form (ISO dates)."""

        def iso(d: date | None) -> str | None:
            return d.isoformat() if d is not None else None

        return {
            "received": iso(self.received),
            "correction_notice_due": iso(self.correction_notice_due),
            "correction_requested": iso(self.correction_requested),
            "correction_received": iso(self.correction_received),
            "start": iso(self.start),
            "due": iso(self.due),
            "due_without_pauses": iso(self.due_without_pauses),
            "extension_days": self.extension_days,
            "extended_due": iso(self.extended_due),
            "final_due": iso(self.final_due),
            "paused_days": self.paused_days,
            "pauses": [p.to_dict() for p in self.pauses],
            "status": self.status,
            "today": iso(self.today),
            "days_left": self.days_left,
            "workdays_left": self.workdays_left,
            "convention": self.convention,
            "warnings": list(self.warnings),
            "timeline": [{"date": d.isoformat(), "event": e} for d, e in self.timeline],
            "calendar_sources": {str(y): s for y, s in sorted(self.calendar_sources.items())},
        }

    def summary_zh(self) -> str:
        """A few Chinese lines for the command line."""
        lines = [f"收到申请：{format_date_zh(self.received)}"]
        lines.append(f"补正告知期限：{format_date_zh(self.correction_notice_due)}（第三十条，7个工作日）")
        if self.correction_received is not None:
            lines.append(f"收到补正：{format_date_zh(self.correction_received)}，答复期限自该日重新起算")
        if self.due is None:
            lines.append("状态：等待补正（收到补正后起算20个工作日答复期限）")
        else:
            shift = f"，含暂停顺延 {self.paused_days} 个工作日" if self.paused_days else ""
            lines.append(f"答复期限：{format_date_zh(self.due)}（第三十三条第二款，20个工作日{shift}）")
            if self.extended_due is not None:
                lines.append(
                    f"延长后答复期限：{format_date_zh(self.extended_due)}（延长 {self.extension_days} 个工作日，"
                    "须经政府信息公开工作机构负责人同意并告知申请人）"
                )
            for p in self.pauses:
                end = format_date_zh(p.end) if p.end else "尚未结束"
                lines.append(
                    f"暂停（{p.reason}，{p.article}）：{format_date_zh(p.start)} 至 {end}，"
                    f"不计入 {p.excluded_days} 个工作日；对方提出意见期限 {format_date_zh(p.consultation_due)}"
                )
            if self.days_left is not None and self.workdays_left is not None:
                if self.days_left >= 0:
                    left = f"剩余 {self.workdays_left} 个工作日（{self.days_left} 个自然日）"
                    if self.days_left == 0:
                        left = "今日为答复期限最后一日"
                else:
                    left = f"已超过答复期限 {-self.days_left} 个自然日"
                lines.append(f"状态：{self.status}；截至 {format_date_zh(self.today)}，{left}")
        for w in self.warnings:
            lines.append(f"注意：{w}")
        return "\n".join(lines)


def _checked_pauses(pauses: Iterable[Pause], received: date, today: date) -> list[tuple[Pause, date | None]]:
    """Validate pauses; return (pause, effective end) sorted by start."""
    out: list[tuple[Pause, date | None]] = []
    for i, p in enumerate(pauses, start=1):
        if not isinstance(p, Pause):
            raise ValueError(f"第 {i} 项暂停应为 Pause 对象")
        p = replace(
            p,
            start=parse_date(p.start, f"第 {i} 项暂停的开始日期"),
            end=parse_date(p.end, f"第 {i} 项暂停的结束日期") if p.end is not None else None,
            letter_received=(
                parse_date(p.letter_received, f"第 {i} 项暂停中对方收到征求意见书的日期")
                if p.letter_received is not None
                else None
            ),
        )
        if p.kind not in _PAUSE_KINDS:
            raise ValueError(
                f"第 {i} 项暂停的类型“{p.kind}”未知，可选：third_party（第三方）、co_producer（共同制作机关）"
            )
        if p.start < received:
            raise ValueError(
                f"第 {i} 项暂停的开始日期 {p.start.isoformat()} 早于收到申请日期 {received.isoformat()}"
            )
        if p.end is not None and p.end < p.start:
            raise ValueError(
                f"第 {i} 项暂停的结束日期 {p.end.isoformat()} 早于开始日期 {p.start.isoformat()}"
            )
        if p.letter_received is not None and p.letter_received < p.start:
            raise ValueError(f"第 {i} 项暂停中对方收到征求意见书的日期早于暂停开始日期 {p.start.isoformat()}")
        eff_end = p.end if p.end is not None else (today if today >= p.start else None)
        out.append((p, eff_end))
    out.sort(key=lambda item: item[0].start)
    return out


def compute_deadline(
    received: date | str,
    *,
    calendar: WorkCalendar | None = None,
    convention: str = "next_day",
    extension_days: int = 0,
    correction_requested: date | str | None = None,
    correction_received: date | str | None = None,
    pauses: Iterable[Pause] = (),
    today: date | str | None = None,
) -> Deadline:
    """Compute the reply clock of one application (see the module docstring for the rules).

    ``received`` is the receipt date (see :func:`receipt_date`). ``extension_days`` (0–20) adds
    working days after approval by the head of the OGI office. ``correction_received`` restarts the
    clock (第三十条). ``pauses`` are consultation periods excluded from the clock. ``today``
    (default: the system date) is used for ``days_left`` and for open pauses.
    """
    cal = calendar if calendar is not None else WorkCalendar.default()
    _check_convention(convention)
    pauses = list(pauses)
    recv = parse_date(received, "收到申请日期")
    now = parse_date(today, "今天的日期") if today is not None else date.today()
    if isinstance(extension_days, bool) or not isinstance(extension_days, int):
        raise ValueError(f"延长天数应为整数（收到“{extension_days}”）")
    if extension_days < 0:
        raise ValueError(f"延长天数不能为负数（{extension_days}）")
    if extension_days > MAX_EXTENSION_DAYS:
        raise ValueError(
            f"延长的期限最长不得超过{MAX_EXTENSION_DAYS}个工作日（第三十三条第二款），收到 {extension_days} 个工作日；"
            "申请数量、频次明显超过合理范围的，可依第三十五条另行确定延迟答复的合理期限"
        )
    corr_req = parse_date(correction_requested, "补正告知日期") if correction_requested is not None else None
    corr_recv = parse_date(correction_received, "收到补正日期") if correction_received is not None else None

    warnings: list[str] = []
    if recv > now:
        warnings.append(f"收到申请日期 {format_date_zh(recv)} 晚于今天（{format_date_zh(now)}），请核对是否填错；"
                        "剩余工作日按今天计算。")
    if not cal.is_workday(recv):
        warnings.append(f"收到申请之日 {format_date_zh(recv)} 为休息日或法定节假日，请核对收到申请的日期"
                        "（第三十一条：邮寄以签收之日、网络以双方确认之日为准）；答复期限仍自其后第一个工作日起算。")
    timeline: list[tuple[date, str]] = [(recv, "收到申请")]
    notice_due = _walk(recv, CORRECTION_NOTICE_DAYS, cal, convention)[0]
    timeline.append((notice_due, "补正告知期限届满（第三十条，7个工作日）"))
    if corr_req is not None:
        if corr_req < recv:
            raise ValueError(f"补正告知日期 {corr_req.isoformat()} 早于收到申请日期 {recv.isoformat()}")
        if corr_req > notice_due:
            warnings.append(
                f"补正告知于 {format_date_zh(corr_req)} 发出，晚于第三十条规定的7个工作日期限"
                f"（{format_date_zh(notice_due)}）"
            )
        timeline.append((corr_req, "发出补正告知（第三十条）"))
    if corr_recv is not None:
        floor = corr_req or recv
        if corr_recv < floor:
            raise ValueError(
                f"收到补正日期 {corr_recv.isoformat()} 早于{'补正告知' if corr_req else '收到申请'}日期 {floor.isoformat()}"
            )
        if corr_req is None:
            warnings.append("记录了收到补正的日期，但未记录补正告知日期，请补充")
        timeline.append((corr_recv, "收到补正，答复期限重新起算（第三十条）"))

    all_dates = [recv, notice_due, now]
    outcomes: list[PauseOutcome] = []
    due = due_plain = extended = None
    paused_total = 0
    status = "计时中"

    if corr_req is not None and corr_recv is None:
        status = "等待补正"
        if pauses:
            warnings.append("等待补正期间答复期限尚未起算，已忽略暂停记录")
    else:
        start = corr_recv if corr_recv is not None else recv
        checked = _checked_pauses(pauses, recv, now)
        intervals = [(p.start, end) for p, end in checked if end is not None]

        def paused(d: date) -> bool:
            return any(a <= d <= b for a, b in intervals)

        due_plain = _walk(start, REPLY_DAYS, cal, convention)[0]
        due, due_skipped = _walk(start, REPLY_DAYS, cal, convention, paused)
        final, skipped = due, due_skipped
        if extension_days:
            extended, skipped = _walk(start, REPLY_DAYS + extension_days, cal, convention, paused)
            final = extended
        skipped_set = set(skipped)
        paused_total = len(skipped_set)

        for i, (p, eff_end) in enumerate(checked, start=1):
            article, default_reason = _PAUSE_KINDS[p.kind]
            reason = p.reason or default_reason
            letter = p.letter_received or p.start
            cons_due = _walk(letter, CONSULTATION_DAYS, cal, convention)[0]
            excluded = sum(1 for d in skipped_set if eff_end is not None and p.start <= d <= eff_end)
            is_open = p.end is None
            outcomes.append(
                PauseOutcome(
                    p.start, p.end, reason, p.kind, article, letter, cons_due, excluded, is_open, eff_end
                )
            )
            all_dates += [p.start, cons_due] + ([eff_end] if eff_end else [])
            if p.start > final:
                warnings.append(
                    f"第 {i} 项暂停（{reason}）开始于答复期限 {format_date_zh(final)} 之后，不再顺延期限"
                )
            if is_open and p.start > now:
                warnings.append(f"第 {i} 项暂停（{reason}）尚未开始（开始日期晚于今天），暂未顺延期限")
            if p.start < start:
                warnings.append(f"第 {i} 项暂停（{reason}）开始于答复期限起算之前，起算前的日期不计入顺延")
            timeline.append((p.start, f"暂停计时：{reason}（{article}；第三十三条第三款）"))
            if letter != p.start:
                timeline.append((letter, f"对方收到征求意见书（{reason}）"))
            timeline.append((cons_due, f"对方提出意见期限（{article}，15个工作日）"))
            if eff_end is not None and p.start <= now <= eff_end:
                status = "暂停中"
            if p.end is not None:
                timeline.append((p.end, f"恢复计时：{reason}结束，不计入 {excluded} 个工作日"))
            elif p.start <= now:
                timeline.append(
                    (now, f"暂停中：{reason}尚未结束，截至今日不计入 {excluded} 个工作日，期限随暂停顺延")
                )
        shift = f"，含暂停顺延 {len(due_skipped)} 个工作日" if due_skipped else ""
        timeline.append((due, f"答复期限（第三十三条第二款，20个工作日{shift}）"))
        if extended is not None:
            timeline.append((extended, f"延长后答复期限（延长 {extension_days} 个工作日，第三十三条第二款）"))
        all_dates += [start, due_plain, final]
        if status == "计时中" and now > final:
            status = "已逾期"

    final_due = extended if extended is not None else due
    days_left = workdays_left = None
    if final_due is not None:
        days_left = (final_due - now).days
        if now <= final_due:
            workdays_left = count_working_days(now + timedelta(days=1), final_due, cal)
        else:
            workdays_left = -count_working_days(final_due + timedelta(days=1), now, cal)

    lo, hi = min(all_dates), max(all_dates)
    warnings = cal.warnings_between(lo, hi) + warnings
    sources = {y: cal.source_label(y) for y in range(lo.year, hi.year + 1)}
    timeline.sort(key=lambda item: item[0])
    return Deadline(
        received=recv,
        correction_notice_due=notice_due,
        correction_requested=corr_req,
        correction_received=corr_recv,
        start=(corr_recv or recv) if status != "等待补正" else None,
        due=due,
        due_without_pauses=due_plain,
        extension_days=extension_days,
        extended_due=extended,
        paused_days=paused_total,
        pauses=outcomes,
        status=status,
        today=now,
        days_left=days_left,
        workdays_left=workdays_left,
        convention=convention,
        warnings=warnings,
        timeline=timeline,
        calendar_sources=sources,
    )
