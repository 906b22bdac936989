"""Tests for reviewer.decide.deadline (条例 第三十条至第三十四条; ogi-law.md §6)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.decide.deadline import (
    HolidayTableError,
    Pause,
    WorkCalendar,
    add_working_days,
    compute_deadline,
    count_working_days,
    default_holidays_path,
    format_date_zh,
    load_holiday_table,
    receipt_date,
    statutory_holidays,
)

D = date.fromisoformat
HOLIDAYS_YAML = Path(__file__).resolve().parents[1] / "rules" / "holidays.yaml"


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return WorkCalendar.from_yaml(HOLIDAYS_YAML)


# --------------------------------------------------------------------------------------------
# ogi-law.md §6.5 "Worked examples" (day 1 = first working day after receipt; no pauses)
# --------------------------------------------------------------------------------------------

WORKED_EXAMPLES = [
    ("2025-09-26", 20, "2025-10-30"),  # 国庆/中秋 8-day break; 09-28 and 10-11 working
    ("2025-09-26", 40, "2025-11-27"),  # with the maximum 20-day extension
    ("2025-01-20", 20, "2025-02-21"),  # 春节 2025
    ("2025-12-26", 20, "2026-01-26"),  # crosses into 2026, 元旦 2026
    ("2026-02-10", 7, "2026-02-26"),  # 补正 notice deadline across 春节 2026
    ("2026-02-10", 20, "2026-03-16"),  # reply deadline across 春节 2026
    ("2026-04-30", 15, "2026-05-25"),  # third-party window across 劳动节 2026
    ("2026-09-18", 20, "2026-10-22"),  # 中秋 + 国庆 2026
]


@pytest.mark.parametrize(("received", "n", "expected"), WORKED_EXAMPLES)
def test_worked_examples_add_working_days(cal, received, n, expected):
    assert add_working_days(D(received), n, cal) == D(expected)


@pytest.mark.parametrize(("received", "n", "expected"), WORKED_EXAMPLES)
def test_worked_examples_through_compute_deadline(cal, received, n, expected):
    """Each example reproduced by the field of compute_deadline that it describes."""
    if n == 20:
        dl = compute_deadline(received, calendar=cal, today=received)
        assert dl.due == D(expected)
        assert dl.final_due == D(expected)
    elif n == 40:
        dl = compute_deadline(received, calendar=cal, extension_days=20, today=received)
        assert dl.due == add_working_days(D(received), 20, cal)
        assert dl.extended_due == D(expected)
    elif n == 7:
        dl = compute_deadline(received, calendar=cal, today=received)
        assert dl.correction_notice_due == D(expected)
    elif n == 15:
        pause = Pause(D(received), D(received), "征求第三方意见")
        dl = compute_deadline("2026-04-20", calendar=cal, pauses=[pause], today=received)
        assert dl.pauses[0].consultation_due == D(expected)
    else:  # pragma: no cover - table is closed
        pytest.fail(f"unexpected n={n}")
    assert dl.warnings == []


def test_extension_example_40_days(cal):
    dl = compute_deadline(D("2025-09-26"), calendar=cal, extension_days=20, today=D("2025-09-26"))
    assert dl.due == D("2025-10-30")
    assert dl.extended_due == D("2025-11-27")
    assert dl.extension_days == 20
    assert "延长后答复期限：2025年11月27日（周四）" in dl.summary_zh()


def test_correction_notice_across_spring_festival_2026(cal):
    dl = compute_deadline(D("2026-02-10"), calendar=cal, today=D("2026-02-10"))
    assert dl.correction_notice_due == D("2026-02-26")
    # 2026-02-14 (Sat) is a 调休 working day and is counted; 02-15..02-23 are not.
    assert count_working_days(D("2026-02-11"), D("2026-02-26"), cal) == 7


def test_consultation_window_across_labour_day_2026(cal):
    pause = Pause(D("2026-04-29"), None, "征求第三方意见", letter_received=D("2026-04-30"))
    dl = compute_deadline(D("2026-04-20"), calendar=cal, pauses=[pause], today=D("2026-05-06"))
    assert dl.pauses[0].consultation_due == D("2026-05-25")
    assert dl.pauses[0].article == "第三十二条"
    assert dl.status == "暂停中"


# --------------------------------------------------------------------------------------------
# Receipt on non-working days and the counting convention
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        ("2025-09-27", "2025-10-30"),  # Saturday before 国庆 2025; next day 09-28 (Sun) is a working day
        ("2026-09-26", "2026-10-29"),  # Saturday inside 中秋 2026, before 国庆 2026
    ],
)
def test_received_on_saturday_before_national_day(cal, received, expected):
    for convention in ("next_day", "same_day"):
        dl = compute_deadline(received, calendar=cal, convention=convention, today=received)
        assert dl.due == D(expected), convention


def test_same_day_convention_counts_an_adjusted_working_saturday(cal):
    received = D("2026-10-10")  # Saturday, 调休上班
    assert cal.is_workday(received)
    next_day = add_working_days(received, 20, cal, "next_day")
    same_day = add_working_days(received, 20, cal, "same_day")
    assert same_day < next_day
    assert add_working_days(same_day, 1, cal) == next_day


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=date(2025, 1, 1), max_value=date(2026, 11, 30)))
def test_same_day_differs_by_one_working_day_only_on_working_days(d):
    cal = WorkCalendar.from_yaml(HOLIDAYS_YAML)
    next_day = add_working_days(d, 20, cal, "next_day")
    same_day = add_working_days(d, 20, cal, "same_day")
    if cal.is_workday(d):
        assert add_working_days(same_day, 1, cal) == next_day
        assert count_working_days(same_day + timedelta(days=1), next_day, cal) == 1
    else:
        assert same_day == next_day
    assert count_working_days(d + timedelta(days=1), next_day, cal) == 20


def test_unknown_convention_is_refused(cal):
    with pytest.raises(ValueError, match="起算方式"):
        add_working_days(D("2026-03-02"), 5, cal, "calendar_days")
    with pytest.raises(ValueError, match="起算方式"):
        compute_deadline("2026-03-02", calendar=cal, convention="x", today="2026-03-02")


def test_zero_and_negative_day_counts(cal):
    assert add_working_days(D("2026-02-15"), 0, cal) == D("2026-02-15")
    with pytest.raises(ValueError, match="负数"):
        add_working_days(D("2026-02-15"), -1, cal)


# --------------------------------------------------------------------------------------------
# 补正 restart, extension, pauses
# --------------------------------------------------------------------------------------------


def test_correction_restarts_the_clock(cal):
    dl = compute_deadline(
        "2026-02-10",
        calendar=cal,
        correction_requested="2026-02-12",
        correction_received="2026-03-02",
        today="2026-03-02",
    )
    assert dl.start == D("2026-03-02")
    assert dl.due == D("2026-03-30")
    assert dl.due == add_working_days(D("2026-03-02"), 20, cal)
    assert dl.due != add_working_days(D("2026-02-10"), 20, cal)
    assert dl.correction_notice_due == D("2026-02-26")
    assert dl.warnings == []
    assert (D("2026-03-02"), "收到补正，答复期限重新起算（第三十条）") in dl.timeline


def test_waiting_for_correction_has_no_due_date(cal):
    dl = compute_deadline("2026-02-10", calendar=cal, correction_requested="2026-02-27", today="2026-03-05")
    assert dl.status == "等待补正"
    assert dl.start is None and dl.due is None and dl.days_left is None
    # 2026-02-27 is after the 7-working-day limit (2026-02-26)
    assert any("晚于第三十条规定的7个工作日期限" in w for w in dl.warnings)
    json.dumps(dl.to_dict())


def test_correction_received_before_request_is_refused(cal):
    with pytest.raises(ValueError, match="早于"):
        compute_deadline(
            "2026-03-02",
            calendar=cal,
            correction_requested="2026-03-04",
            correction_received="2026-03-03",
            today="2026-03-05",
        )


@pytest.mark.parametrize("days", [21, 40])
def test_extension_over_twenty_days_is_refused(cal, days):
    with pytest.raises(ValueError, match="第三十三条第二款"):
        compute_deadline("2026-03-02", calendar=cal, extension_days=days, today="2026-03-02")


def test_negative_extension_is_refused(cal):
    with pytest.raises(ValueError, match="负数"):
        compute_deadline("2026-03-02", calendar=cal, extension_days=-1, today="2026-03-02")


def test_ten_day_consultation_pushes_due_by_ten_working_days(cal):
    pause = Pause(D("2025-11-10"), D("2025-11-21"), "征求第三方意见")  # Mon..Fri two weeks, no holidays
    dl = compute_deadline("2025-11-03", calendar=cal, pauses=[pause], today="2025-11-24")
    assert dl.due_without_pauses == D("2025-12-01")
    assert dl.paused_days == 10
    assert dl.pauses[0].excluded_days == 10
    assert dl.due == add_working_days(D("2025-12-01"), 10, cal) == D("2025-12-15")
    assert dl.status == "计时中"


def test_pause_over_a_holiday_excludes_only_working_days(cal):
    pause = Pause(D("2025-09-29"), D("2025-10-10"), "征求共同制作机关意见", kind="co_producer")
    dl = compute_deadline("2025-09-26", calendar=cal, pauses=[pause], today="2025-10-13")
    # working days in the pause: 09-29, 09-30, 10-09, 10-10 (10-01..10-08 are holidays)
    assert dl.paused_days == 4
    assert dl.due == add_working_days(D("2025-10-30"), 4, cal) == D("2025-11-05")
    assert dl.pauses[0].article == "第三十四条"


def test_pause_extends_the_extended_due_too(cal):
    pause = Pause(D("2025-11-10"), D("2025-11-21"), "征求第三方意见")
    dl = compute_deadline("2025-11-03", calendar=cal, pauses=[pause], extension_days=20, today="2025-11-24")
    assert dl.extended_due == add_working_days(D("2025-11-03"), 50, cal)


def test_overlapping_pauses_are_counted_once(cal):
    pauses = [
        Pause(D("2025-11-10"), D("2025-11-14"), "征求第三方意见"),
        Pause(D("2025-11-12"), D("2025-11-18"), "征求共同制作机关意见", kind="co_producer"),
    ]
    dl = compute_deadline("2025-11-03", calendar=cal, pauses=pauses, today="2025-11-24")
    assert dl.paused_days == 7  # 11-10..11-14 and 11-17, 11-18
    assert dl.due == add_working_days(D("2025-12-01"), 7, cal)


def test_open_pause_is_computed_as_of_today(cal):
    pause = Pause(D("2025-11-10"), None, "征求第三方意见")
    first = compute_deadline("2025-11-03", calendar=cal, pauses=[pause], today="2025-11-14")
    assert first.status == "暂停中"
    assert first.paused_days == 5
    assert first.due == D("2025-12-08")
    later = compute_deadline("2025-11-03", calendar=cal, pauses=[pause], today="2025-11-17")
    assert later.due == add_working_days(first.due, 1, cal)
    assert any("暂停中" in event for _, event in first.timeline)


def test_pause_starting_after_due_date_does_not_extend(cal):
    pause = Pause(D("2025-12-03"), D("2025-12-10"), "征求第三方意见")
    dl = compute_deadline("2025-11-03", calendar=cal, pauses=[pause], today="2025-12-11")
    assert dl.due == D("2025-12-01")
    assert dl.paused_days == 0
    assert any("不再顺延" in w for w in dl.warnings)


def test_invalid_pauses_are_refused(cal):
    with pytest.raises(ValueError, match="早于开始日期"):
        compute_deadline(
            "2025-11-03", calendar=cal, pauses=[Pause(D("2025-11-10"), D("2025-11-07"))], today="2025-11-24"
        )
    with pytest.raises(ValueError, match="早于收到申请日期"):
        compute_deadline(
            "2025-11-03", calendar=cal, pauses=[Pause(D("2025-11-01"), D("2025-11-07"))], today="2025-11-24"
        )
    with pytest.raises(ValueError, match="类型"):
        compute_deadline(
            "2025-11-03", calendar=cal, pauses=[Pause(D("2025-11-04"), None, kind="x")], today="2025-11-24"
        )


def test_days_left_and_overdue(cal):
    on_due = compute_deadline("2025-11-03", calendar=cal, today="2025-12-01")
    assert on_due.days_left == 0 and on_due.workdays_left == 0
    assert "今日为答复期限最后一日" in on_due.summary_zh()
    before = compute_deadline("2025-11-03", calendar=cal, today="2025-11-28")
    assert before.days_left == 3 and before.workdays_left == 1  # only Monday 12-01 remains
    late = compute_deadline("2025-11-03", calendar=cal, today="2025-12-03")
    assert late.status == "已逾期"
    assert late.days_left == -2 and late.workdays_left == -2


def test_to_dict_and_summary(cal):
    pause = Pause(D("2026-04-29"), D("2026-05-12"), "征求第三方意见", letter_received=D("2026-04-30"))
    dl = compute_deadline("2026-04-20", calendar=cal, pauses=[pause], extension_days=10, today="2026-05-13")
    data = json.loads(json.dumps(dl.to_dict(), ensure_ascii=False))
    assert data["received"] == "2026-04-20"
    assert data["final_due"] == dl.extended_due.isoformat()
    assert data["pauses"][0]["consultation_due"] == "2026-05-25"
    assert data["timeline"] == sorted(data["timeline"], key=lambda e: e["date"])
    assert data["calendar_sources"]["2026"].endswith(
        "《国务院办公厅关于2026年部分节假日安排的通知》（国务院办公厅 2025年11月4日）"
    )
    summary = dl.summary_zh()
    assert summary.splitlines()[0] == "收到申请：2026年4月20日（周一）"
    assert "第三十二条" in summary and "延长 10 个工作日" in summary


# --------------------------------------------------------------------------------------------
# Calendar data sources
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("year", [2025, 2026])
def test_yaml_agrees_with_chinesecalendar(cal, year):
    table = load_holiday_table(HOLIDAYS_YAML)[year]
    assert table.holidays == {d for d in chinese_calendar.holidays if d.year == year}
    assert table.workdays == {d for d in chinese_calendar.workdays if d.year == year}
    package_only = WorkCalendar()
    d = date(year, 1, 1)
    while d.year == year:
        assert cal.is_workday(d) == chinese_calendar.is_workday(d) == package_only.is_workday(d), d
        d += timedelta(days=1)
    assert cal.source_of(year) == "yaml" and package_only.source_of(year) == "chinese_calendar"


@pytest.mark.parametrize("year", [2025, 2026])
def test_248_working_days_per_year(cal, year):
    assert count_working_days(date(year, 1, 1), date(year, 12, 31), cal) == 248


def test_year_outside_data_falls_back_to_weekdays_with_warning():
    cal = WorkCalendar.from_yaml(HOLIDAYS_YAML, use_statute=False)
    dl = compute_deadline("2031-01-01", calendar=cal, today="2031-01-02")
    assert dl.due == D("2031-01-29")  # Monday–Friday only
    warning = "2031 年的法定节假日安排未载入，按周一至周五计算工作日，请核对国务院办公厅通知"
    assert dl.warnings == [warning]
    assert warning in cal.warnings
    assert cal.source_of(2031) == "weekdays"
    assert "注意：" + warning in dl.summary_zh()


@pytest.mark.parametrize("year", [2025, 2026])
def test_statutory_holidays_are_days_off_in_every_published_notice(year):
    """放假办法第二条's days (lunar ones computed) are all off in the notices the project holds."""
    table = load_holiday_table(HOLIDAYS_YAML)[year]
    statute = statutory_holidays(year)
    assert len(statute) == 13  # 1 + 4 + 1 + 2 + 1 + 1 + 3 days
    assert set(statute) <= table.holidays
    assert not set(statute) & table.workdays
    assert sorted(set(statute.values())) == sorted({"元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"})


def test_year_without_a_notice_takes_out_the_statutory_holidays(cal):
    assert cal.source_of(2031) == "statute"
    dl = compute_deadline("2031-01-01", calendar=cal, today="2031-01-02")
    weekdays_only = compute_deadline("2031-01-01", calendar=WorkCalendar.from_yaml(HOLIDAYS_YAML, use_statute=False))
    statute = statutory_holidays(2031)
    skipped = [d for d in statute if dl.start < d <= dl.due and d.weekday() < 5]
    assert skipped  # 2031's 春节 falls inside the first 20 working days
    counted = [dl.start + timedelta(days=i) for i in range(1, (dl.due - dl.start).days + 1)]
    assert len([d for d in counted if d.weekday() < 5 and d not in statute]) == 20
    assert dl.due not in statute and dl.due > weekdays_only.due
    assert len(dl.warnings) == 2 and "《全国年节及纪念日放假办法》第二条" in dl.warnings[0]
    assert "调休上班日" in dl.warnings[0] and "2031" in dl.warnings[0]
    assert "为休息日或法定节假日" in dl.warnings[1]  # 1 January is 元旦 now, not a Wednesday at work
    assert "放假办法》第二条" in dl.calendar_sources[2031]


def test_warning_covers_every_uncovered_year_touched():
    cal = WorkCalendar.from_yaml(HOLIDAYS_YAML)
    dl = compute_deadline("2026-12-10", calendar=cal, today="2026-12-10")
    assert dl.due.year == 2027
    assert not cal.is_workday(D("2027-01-01"))  # 元旦 is off whatever the 2027 notice says
    assert dl.warnings == [cal.year_warning(2027)]
    assert "2027 年的国务院办公厅节假日安排未载入" in dl.warnings[0]
    weekdays_only = compute_deadline("2026-12-10", calendar=WorkCalendar.from_yaml(HOLIDAYS_YAML, use_statute=False))
    assert (dl.due - weekdays_only.due).days >= 1


def test_yaml_extends_and_overrides_the_package(tmp_path):
    path = tmp_path / "holidays.yaml"
    path.write_text(
        "years:\n"
        "  2027:\n"
        "    source: 测试用通知\n"
        "    holidays: [2027-01-01, 2027-01-02, 2027-01-03]\n"
        "    workdays: [2027-01-09]\n"
        "  2024:\n"
        "    source: 测试覆盖\n"
        "    holidays: [2024-06-03]\n"
        "    workdays: []\n",
        encoding="utf-8",
    )
    cal = WorkCalendar.from_yaml(path)
    assert not cal.is_workday(D("2027-01-01"))
    assert cal.is_workday(D("2027-01-09"))  # Saturday designated as working day
    assert chinese_calendar.is_workday(D("2024-06-03"))
    assert not cal.is_workday(D("2024-06-03"))  # YAML wins over the package
    dl = compute_deadline("2026-12-28", calendar=cal, today="2026-12-28")
    assert dl.warnings == []
    assert "测试用通知" in dl.calendar_sources[2027]


def test_default_calendar_uses_project_table():
    assert default_holidays_path().name == "holidays.yaml"
    assert WorkCalendar.default().source_of(2026) == "yaml"


def test_format_date_zh():
    assert format_date_zh(D("2026-02-14")) == "2026年2月14日（周六）"


# --------------------------------------------------------------------------------------------
# Holiday YAML validation
# --------------------------------------------------------------------------------------------


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "holidays.yaml"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (
            "years:\n  2026:\n    source: s\n    holidays: [2026-02-30]\n    workdays: []\n",
            "years.2026.holidays[0]：日期“2026-02-30”无效",
        ),
        (
            "years:\n  2026:\n    source: s\n    holidays: [2026-02-14]\n    workdays: [2026-02-14]\n",
            "years.2026：2026-02-14 同时列为放假日（holidays）和上班日（workdays）",
        ),
        (
            "years:\n  2026:\n    source: s\n    holidays: [2026-01-01, 2025-10-01]\n    workdays: []\n",
            "years.2026.holidays[1]：日期 2025-10-01 不属于年份 2026",
        ),
        (
            "years:\n  2026:\n    source: s\n    holidays: []\n    workdays: [2026-02-16]\n",
            "years.2026.workdays[0]：2026-02-16（周一）本就是工作日",
        ),
        ("years:\n  2026:\n    holidays: []\n    workdays: []\n", "years.2026.source：缺少"),
        (
            "years:\n  2026:\n    source: s\n    holiday: []\n    workdays: []\n",
            "years.2026：未知字段 holiday",
        ),
        (
            "years:\n  二〇二六:\n    source: s\n    holidays: []\n    workdays: []\n",
            "years.二〇二六：年份“二〇二六”应为四位数字",
        ),
        (
            "years:\n  2026:\n    source: s\n    holidays: [2026-01-01, 2026-01-01]\n    workdays: []\n",
            "years.2026.holidays[1]：日期 2026-01-01 重复",
        ),
        ("- 2026-01-01\n", "顶层应为包含 years 的映射"),
        ("years: [\n", "YAML 格式错误"),
    ],
)
def test_yaml_validation_errors_name_file_and_entry(tmp_path, body, fragment):
    path = _write(tmp_path, body)
    with pytest.raises(HolidayTableError) as info:
        load_holiday_table(path)
    message = str(info.value)
    assert str(path) in message
    assert fragment in message
    with pytest.raises(ValueError):
        WorkCalendar.from_yaml(path)


def test_yaml_validation_collects_all_problems(tmp_path):
    path = _write(
        tmp_path, "years:\n  2026:\n    source: s\n    holidays: [2026-13-01, 2027-01-01]\n    workdays: []\n"
    )
    with pytest.raises(HolidayTableError) as info:
        load_holiday_table(path)
    assert len(info.value.problems) == 2


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(HolidayTableError, match="无法读取文件"):
        load_holiday_table(tmp_path / "nope.yaml")


def test_project_table_is_valid():
    tables = load_holiday_table(HOLIDAYS_YAML)
    assert sorted(tables) == [2025, 2026]
    assert "2025年部分节假日安排" in tables[2025].source
    assert len(tables[2026].holidays) == 33 and len(tables[2026].workdays) == 6


# --------------------------------------------------------------------------------------------
# Receipt date by channel (第三十一条)
# --------------------------------------------------------------------------------------------


def test_receipt_in_person():
    facts = receipt_date("当面", D("2026-03-02"))
    assert facts.date == D("2026-03-02")
    assert facts.article == "第三十一条第（一）项"
    assert "提交之日" in facts.explanation


def test_receipt_registered_mail_uses_signature_date():
    facts = receipt_date("邮寄", D("2026-03-02"), signed=D("2026-03-04"))
    assert facts.date == D("2026-03-04")
    assert facts.article == "第三十一条第（二）项"
    assert "签收之日" in facts.explanation


def test_receipt_ordinary_mail_uses_confirmation_date():
    same = receipt_date("邮寄", D("2026-03-02"), confirmed=D("2026-03-02"))
    assert same.date == D("2026-03-02") and same.notes == []
    late = receipt_date("邮寄", D("2026-03-02"), confirmed=D("2026-03-05"))
    assert late.date == D("2026-03-05")
    assert any("收到当日" in n for n in late.notes)


def test_receipt_mail_needs_signature_or_confirmation():
    with pytest.raises(ValueError, match="签收日期"):
        receipt_date("邮寄", D("2026-03-02"))
    with pytest.raises(ValueError, match="早于提交日期"):
        receipt_date("邮寄", D("2026-03-02"), signed=D("2026-03-01"))


@pytest.mark.parametrize("channel", ["网络", "传真"])
def test_receipt_online_and_fax_use_mutual_confirmation(channel):
    confirmed = receipt_date(channel, "2026-03-06", confirmed="2026-03-09")
    assert confirmed.date == D("2026-03-09")
    assert confirmed.article == "第三十一条第（三）项"
    assert confirmed.notes == []
    defaulted = receipt_date(channel, "2026-03-06")
    assert defaulted.date == D("2026-03-06")
    assert any("暂按提交日期" in n for n in defaulted.notes)


def test_unknown_channel_lists_valid_ones():
    with pytest.raises(ValueError) as info:
        receipt_date("电报", D("2026-03-02"))
    for name in ("当面", "邮寄", "网络", "传真"):
        assert name in str(info.value)


def test_receipt_feeds_deadline(cal):
    facts = receipt_date("网络", "2026-02-14", confirmed="2026-02-14")  # 调休上班 Saturday
    dl = compute_deadline(facts.date, calendar=cal, today=facts.date)
    assert dl.received == D("2026-02-14")
    assert dl.due == add_working_days(D("2026-02-14"), 20, cal)


def test_pause_dates_may_be_iso_strings(cal):
    dl = compute_deadline(
        "2025-11-03", calendar=cal, pauses=[Pause("2025-11-10", "2025-11-21")], today="2025-11-24"
    )
    assert dl.due == D("2025-12-15")
    assert dl.pauses[0].reason == "征求第三方意见"


def test_a_receipt_date_after_today_is_flagged():
    dl = compute_deadline("2026-12-21", today="2026-12-06", calendar=WorkCalendar.from_yaml(HOLIDAYS_YAML))
    assert any("晚于今天" in w and "2026年12月21日" in w for w in dl.warnings)
    assert not any("晚于今天" in w for w in compute_deadline("2026-12-01", today="2026-12-06").warnings)
