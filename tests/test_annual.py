"""Annual report table 三 from a generated year of requests and decisions.

The expected table is computed here, by hand, from the generated list (not by the report's counting
code): each request once by its final decision, notices not counted, carried over / carried on.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import typer
import yaml
from faker import Faker
from typer.testing import CliRunner

from reviewer.decide.request import parse_request
from reviewer.store.annual import (
    ALL_COLUMNS,
    CARRIED,
    CARRIED_NEXT,
    COLUMNS,
    HEADER_NOTE,
    NEW,
    RESULT_KEYS,
    ConsistencyError,
    build_annual_table,
    check_consistency,
    to_csv,
    to_markdown,
    write_docx,
    write_xlsx,
)
from reviewer.store.db import open_store

ROOT = Path(__file__).resolve().parent.parent
YEAR = 2026
TOTAL_ROW = "（七）总计"

# Row of each code under examples/profile.yaml, written out by hand from ogi-law.md §2.2 / reply-types.yaml.
ROW_OF = {
    "disclose": "（一）予以公开",
    "disclose.published": "（一）予以公开",
    "partial": "（二）部分公开",
    "withhold.state_secret": "（三）1.属于国家秘密",
    "withhold.third_party": "（三）4.保护第三方合法权益",
    "withhold.process_info": "（三）6.属于四类过程性信息",
    "withhold.query_matter": "（三）8.属于行政查询事项",
    "unavailable.not_held": "（四）1.本机关不掌握相关政府信息",
    "unavailable.other_agency": "（四）1.本机关不掌握相关政府信息",
    "unavailable.needs_creation": "（四）2.没有现成信息需要另行制作",
    "no_action.petition": "（五）1.信访举报投诉类申请",
    "no_action.duplicate": "（五）2.重复申请",
    "no_action.excessive": "（五）4.无正当理由大量反复申请",
    "other.correction_lapsed": "（六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "other.special_procedure": "（六）3.其他",
    "other.consultation": "（六）3.其他",
    "other.other": "（六）3.其他",
}
OTHER_ROW = "（六）3.其他"
TOPICS = ["城镇老旧小区改造项目资金分配方案", "道路绿化养护合同", "河道清淤工程验收报告", "农村宅基地审批台账",
          "征收补偿安置方案", "公共租赁住房分配名单", "建设项目环境影响评价批复", "国有土地使用权出让合同"]


@dataclass
class Generated:
    text: str
    column: str
    received: dt.date
    decisions: list[tuple[str, dt.date]] = field(default_factory=list)  # in the order they were made


def _chinese(text: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in text)


def _applicants(fake: Faker) -> dict[str, list[str]]:
    """A few applicants per column (reused, as offices see repeat applicants)."""
    def company() -> str:
        while True:
            prefix = fake.company_prefix()
            if _chinese(prefix):
                return f"申请单位：{prefix}科技有限公司"

    makers = {
        "自然人": lambda: f"申请人：{fake.name()}，身份证号{fake.ssn()}",
        "商业企业": company,
        "科研机构": lambda: f"申请单位：{fake.city_name()}城市规划设计研究院",
        "社会公益组织": lambda: f"申请单位：{fake.city_name()}生态环境保护基金会",
        "法律服务机构": lambda: f"申请单位：{fake.city_name()}{fake.last_name()}正律师事务所",
        "其他": lambda: f"申请单位：{fake.city_name()}{fake.street_name()}社区居民委员会",
    }
    return {column: [make() for _ in range(4 if column == "自然人" else 2)] for column, make in makers.items()}


def generate(seed: int = 2026) -> list[Generated]:
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    pool = _applicants(fake)
    weights = [40, 20, 10, 8, 12, 10]
    out: list[Generated] = []
    start = dt.date(YEAR - 1, 8, 1)
    for _ in range(96):
        column = rng.choices(COLUMNS, weights)[0]
        text = (f"{rng.choice(pool[column])}，联系电话{fake.phone_number()}。\n"
                f"申请公开{rng.randint(2018, 2025)}年{rng.choice(TOPICS)}。\n获取方式：电子邮件。")
        g = Generated(text, column, start + dt.timedelta(days=rng.randint(0, 545)))  # up to 2027-01-27
        roll = rng.random()
        day = g.received + dt.timedelta(days=rng.randint(2, 6))
        if roll < 0.12:
            pass  # never decided
        elif roll < 0.22:
            g.decisions.append(("other.correction", day))  # 补正告知 only: still open
        else:
            if rng.random() < 0.2:
                g.decisions.append(("other.correction", day))
            if rng.random() < 0.15:  # a decision later changed: the later one counts
                g.decisions.append((rng.choice(list(ROW_OF)), day + dt.timedelta(days=3)))
            g.decisions.append((rng.choice(list(ROW_OF)), g.received + dt.timedelta(days=rng.randint(8, 45))))
        out.append(g)
    fixed = [  # the edges, always present
        (COLUMNS[0], dt.date(2025, 12, 20), [("partial", dt.date(2026, 1, 15))]),  # carried over, decided
        (COLUMNS[1], dt.date(2025, 12, 28), []),  # carried over, still open: carried on
        (COLUMNS[2], dt.date(2025, 11, 3), [("disclose", dt.date(2025, 11, 20))]),  # last year's business
        (COLUMNS[3], dt.date(2026, 12, 21), [("withhold.process_info", dt.date(2027, 1, 12))]),  # decided next year
        (COLUMNS[4], dt.date(2026, 12, 30), [("other.correction", dt.date(2026, 12, 31))]),  # waiting for 补正
        (COLUMNS[5], dt.date(2027, 1, 4), [("disclose", dt.date(2027, 1, 20))]),  # next year's business
        (COLUMNS[0], dt.date(2025, 12, 29), [("disclose", dt.date(2026, 1, 1))]),  # boundary days
        (COLUMNS[1], dt.date(2026, 12, 15), [("no_action.petition", dt.date(2026, 12, 31))]),
    ]
    for column, received, decisions in fixed:
        out.append(Generated(f"{pool[column][0]}，联系电话13800000000。\n申请公开2024年{TOPICS[0]}。", column, received,
                             decisions))
    return out


def expected_table(generated: list[Generated], row_of: dict[str, str]) -> dict[str, dict[str, int]]:
    """Hand count: rows 一, 二, result keys, 四 → column → count (with 总计)."""
    rows = ["一", "二", *RESULT_KEYS, "四"]
    table = {r: {c: 0 for c in ALL_COLUMNS} for r in rows}
    first, last = dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)

    def add(row: str, column: str) -> None:
        table[row][column] += 1
        table[row]["总计"] += 1

    for g in generated:
        if g.received > last:
            continue
        final = g.decisions[-1] if g.decisions and g.decisions[-1][0] != "other.correction" else None
        if g.received >= first:
            add("一", g.column)
        elif final is None or final[1] >= first:
            add("二", g.column)
        if final is not None and first <= final[1] <= last:
            add(row_of[final[0]], g.column)
            add(TOTAL_ROW, g.column)
        if final is None or final[1] > last:
            add("四", g.column)
    return table


@pytest.fixture(scope="module")
def year_store(tmp_path_factory):
    generated = generate()
    path = tmp_path_factory.mktemp("annual") / "year.sqlite"
    store = open_store(path)
    for g in generated:
        request_id = store.record_request(parse_request(g.text), received=g.received)
        for code, day in g.decisions:
            store.decide(request_id, code=code, decided_at=day, officer="测试")
    yield store, generated, path
    store.close()


def test_generated_year_covers_the_cases(year_store):
    _store, generated, _path = year_store
    finals = [g for g in generated if g.decisions and g.decisions[-1][0] != "other.correction"]
    assert len({g.column for g in generated}) == 6
    assert any(len([c for c, _d in g.decisions if c != "other.correction"]) > 1 for g in generated)  # changes
    assert any(g.decisions and g.decisions[0][0] == "other.correction" and g in finals for g in generated)
    assert len({g.decisions[-1][0] for g in finals}) >= 12


def test_annual_table_matches_hand_count(year_store):
    store, generated, _path = year_store
    table = build_annual_table(store, YEAR)
    expected = expected_table(generated, ROW_OF)
    for row, counts in expected.items():
        for column, value in counts.items():
            assert table.value(row, column) == value, (row, column)
    assert table.value("二") >= 2 and table.value("四") >= 3  # the fixed edges are counted
    assert table.value("（二）部分公开") == sum(
        1 for g in generated if g.decisions and g.decisions[-1][0] == "partial"
        and g.decisions[-1][1].year == YEAR and g.received.year <= YEAR)
    check_consistency(table)  # consistent: no exception
    assert any("补正告知" in note for note in table.notes)


def test_profile_decides_the_rows_of_doubtful_codes(year_store, tmp_path):
    store, generated, _path = year_store
    data = yaml.safe_load((ROOT / "examples" / "profile.yaml").read_text(encoding="utf-8"))
    data["report_rows"] = {"disclose.published": OTHER_ROW, "withhold.query_matter": OTHER_ROW}
    profile = tmp_path / "profile.yaml"
    profile.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    table = build_annual_table(store, YEAR, profile)
    row_of = dict(ROW_OF, **data["report_rows"])
    expected = expected_table(generated, row_of)
    for row, counts in expected.items():
        assert table.values(row) == [counts[c] for c in ALL_COLUMNS], row
    default = build_annual_table(store, YEAR)
    moved = sum(1 for g in generated if g.decisions and g.decisions[-1][0] in data["report_rows"]
                and g.decisions[-1][1].year == YEAR)
    assert moved > 0
    assert table.value(OTHER_ROW) == default.value(OTHER_ROW) + moved


def test_consistency_check_names_the_column(year_store):
    store, _generated, _path = year_store
    table = build_annual_table(store, YEAR)
    table.carried_next["商业企业"] += 1
    with pytest.raises(ConsistencyError) as caught:
        check_consistency(table)
    assert caught.value.columns == ["商业企业", "总计"]
    assert "“商业企业”列" in str(caught.value) and "一（" in str(caught.value)
    table.carried_next["商业企业"] -= 1
    table.results["（一）予以公开"]["其他"] += 1  # （七） no longer the sum of its rows
    with pytest.raises(ConsistencyError, match="“其他”列"):
        check_consistency(table)


def test_inconsistent_data_is_caught_by_the_command(tmp_path):
    from reviewer.cli.store import register

    db = tmp_path / "bad.sqlite"
    with open_store(db) as store:
        ok = store.record_request(parse_request("申请单位：示例市城市规划设计研究院。\n申请公开2025年道路规划。"),
                                  received="2026-03-01")
        store.decide(ok, code="disclose", decided_at="2026-03-10")
        # decided before it was received (a typing error in the ledger): counted as new, never as a result
        bad = store.record_request(parse_request("申请单位：示例市城市规划设计研究院。\n申请公开2025年绿化合同。"),
                                   received="2026-02-10")
        store.decide(bad, code="disclose", decided_at="2025-12-30")
    app = typer.Typer()
    register(app)
    result = CliRunner().invoke(app, ["report", "annual", "--year", "2026", "--db", str(db)])
    assert result.exit_code == 1
    assert "勾稽关系不成立" in result.output and "“科研机构”列" in result.output
    assert "决定日期早于收到日期，请核对：2026-0002" in result.output


def test_outputs_in_the_national_layout(year_store, tmp_path):
    store, generated, _path = year_store
    table = build_annual_table(store, YEAR)
    expected = expected_table(generated, ROW_OF)
    rows = list(csv.reader(io.StringIO(to_csv(table))))
    assert rows[0][0] == HEADER_NOTE and rows[0][3] == "申请人情况"
    assert rows[1][3:] == ["自然人", "法人或其他组织", "", "", "", "", "总计"]
    assert rows[2][4:9] == list(COLUMNS[1:])
    labels = [r[0] for r in rows[3:] if r[0]]
    assert labels == [NEW, CARRIED, "三、本年度办理结果", CARRIED_NEXT]
    assert len(rows) == 3 + 2 + 22 + 1
    by_label = {next(c for c in r[:3][::-1] if c): r[3:] for r in rows[3:]}
    assert by_label[NEW] == [str(expected["一"][c]) for c in ALL_COLUMNS]
    assert by_label["3.危及“三安全一稳定”"] == ["0"] * 7
    assert by_label[TOTAL_ROW] == [str(expected[TOTAL_ROW][c]) for c in ALL_COLUMNS]
    assert by_label[CARRIED_NEXT] == [str(expected["四"][c]) for c in ALL_COLUMNS]

    markdown = to_markdown(table, "示例市自然资源和规划局")
    assert "## 三、收到和处理政府信息公开申请情况" in markdown and "各列均成立" in markdown
    assert f"| {TOTAL_ROW} |" in markdown

    from openpyxl import load_workbook

    xlsx = write_xlsx(table, tmp_path / "t3.xlsx")
    ws = load_workbook(xlsx).active
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A2:C4", "D2:J2", "E3:I3", "A5:C5", "A7:A28", "B9:B16", "A29:C29"} <= merged
    assert ws["A2"].value == HEADER_NOTE and ws["C9"].value == "1.属于国家秘密"
    assert [ws.cell(28, c).value for c in range(4, 11)] == [expected[TOTAL_ROW][c] for c in ALL_COLUMNS]

    from docx import Document

    doc = Document(str(write_docx(table, tmp_path / "t3.docx")))
    grid = doc.tables[0]
    assert grid.cell(0, 0).text == HEADER_NOTE and grid.cell(3, 0).text == NEW
    assert [grid.cell(27, c).text for c in range(3, 10)] == [str(expected["四"][c]) for c in ALL_COLUMNS]


def test_report_command_writes_each_format(year_store, tmp_path):
    from reviewer.cli.store import register

    _store, generated, path = year_store
    app = typer.Typer()
    register(app)
    runner = CliRunner()
    shown = runner.invoke(app, ["report", "annual", "--year", str(YEAR), "--db", str(path)])
    assert shown.exit_code == 0, shown.output
    assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" in shown.output
    for fmt in ("csv", "xlsx", "docx"):
        out = tmp_path / f"t3.{fmt}"
        result = runner.invoke(app, ["report", "annual", "--year", str(YEAR), "--format", fmt, "--out", str(out),
                                     "--db", str(path)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    csv_text = (tmp_path / "t3.csv").read_text(encoding="utf-8-sig")
    assert csv_text.startswith("二、主动公开政府信息情况")
    assert "\n三、收到和处理政府信息公开申请情况\n" + HEADER_NOTE in csv_text
    assert "勾稽关系核对（表三）：一 + 二 = 三（七）+ 四，各列均成立。" in csv_text
    bad = runner.invoke(app, ["report", "annual", "--year", str(YEAR), "--format", "pdf", "--db", str(path)])
    assert bad.exit_code == 2 and "未知的输出格式" in bad.output
