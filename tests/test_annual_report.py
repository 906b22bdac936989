"""Annual report tables 二 (主动公开, from a counts file) and 四 (行政复议、行政诉讼, from case events) in every
format, and the .docx geometry: A4, every table's columns fit the text width, no one-character columns."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from reviewer.cli.app import app
from reviewer.decide.request import parse_request
from reviewer.store.annual import (
    MARGIN_CM,
    PAGE_CM,
    AnnualReportError,
    build_annual_report,
    load_proactive_counts,
    report_csv,
    report_markdown,
)
from reviewer.store.case import add_case_event
from reviewer.store.db import open_store

PROACTIVE = "规章: {本年制发件数: 2, 本年废止件数: 1, 现行有效件数: 14}\n行政许可: {本年处理决定数量: 356}\n" \
            "行政事业性收费: {本年收费金额（单位：万元）: 12.5}\n"


@pytest.fixture()
def store_path(tmp_path):
    path = tmp_path / "s.sqlite"
    with open_store(path) as store:
        for i in range(5):
            store.record_request(parse_request(f"申请人：申请人{i}\n申请公开：示例事项{i}的批复文件"),
                                 received=f"2026-0{i + 1}-10")
        store.decide("2026-0001", code="disclose", decided_at="2026-02-01")
        add_case_event(store, "2026-0001", "review-filed", date="2026-03-01")
        add_case_event(store, "2026-0001", "review-decided", date="2026-05-01", result="维持")
        store.decide("2026-0002", code="withhold.process_info", decided_at="2026-03-01")
        add_case_event(store, "2026-0002", "review-filed", date="2026-04-01")
        add_case_event(store, "2026-0002", "review-decided", date="2026-06-01", result="纠正")
        add_case_event(store, "2026-0002", "lawsuit-filed", date="2026-06-20", after_review=True)
        store.decide("2026-0003", code="unavailable.not_held", decided_at="2026-04-01")
        add_case_event(store, "2026-0003", "lawsuit-filed", date="2026-05-01")
        add_case_event(store, "2026-0003", "lawsuit-decided", date="2026-11-01", result="其他")
        add_case_event(store, "2026-0004", "fee-notice-sent", date="2026-04-20")
        add_case_event(store, "2026-0004", "fee-lapsed", date="2026-05-25")
        add_case_event(store, "2026-0005", "withdrawn", date="2026-05-20")
    return path


def test_table_four_counts_remedies_by_result(store_path):
    with open_store(store_path) as store:
        report = build_annual_report(store, 2026)
    # 复议: 维持 1, 纠正 1 → total 2; 直接起诉: 其他 1; 复议后起诉: 尚未审结 1.
    assert report.remedies.values() == [1, 1, 0, 0, 2, 0, 0, 1, 0, 1, 0, 0, 0, 1, 1]


def test_closing_events_are_counted_as_results(store_path):
    with open_store(store_path) as store:
        table = build_annual_report(store, 2026).requests
    assert table.value("（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请") == 1
    assert table.value("（六）3.其他") >= 1  # the withdrawal
    assert table.value("一") == table.value("（七）总计") + table.value("四")


def test_proactive_counts_file(tmp_path, store_path):
    counts = tmp_path / "主动公开.yaml"
    counts.write_text(PROACTIVE, encoding="utf-8")
    table = load_proactive_counts(counts)
    assert table.value("规章", "现行有效件数") == 14 and table.value("行政许可", "本年处理决定数量") == 356
    with open_store(store_path) as store:
        report = build_annual_report(store, 2026, proactive=counts)
    text = report_markdown(report, "示例市自然资源和规划局")
    assert "| 规章 | 2 | 1 | 14 |" in text and "| 行政事业性收费 | 12.5 |" in text
    assert "勾稽关系核对（表三）：一 + 二 = 三（七）+ 四，各列均成立。" in text
    assert "二、主动公开政府信息情况" in report_csv(report) and "四、政府信息公开行政复议、行政诉讼情况" in report_csv(report)
    bad = tmp_path / "坏数据.yaml"
    bad.write_text("规章: {本年制发件数: -1}\n", encoding="utf-8")
    with pytest.raises(AnnualReportError, match="坏数据.yaml.*非负数"):
        load_proactive_counts(bad)
    bad.write_text("地方性法规: {本年制发件数: 1}\n", encoding="utf-8")
    with pytest.raises(AnnualReportError, match="未知的行"):
        load_proactive_counts(bad)


def test_docx_is_an_a4_table_report_that_fits_the_page(tmp_path, store_path):
    from docx import Document
    from docx.shared import Cm

    counts = tmp_path / "p.yaml"
    counts.write_text(PROACTIVE, encoding="utf-8")
    out = tmp_path / "年报.docx"
    for fmt in ("markdown", "csv", "xlsx", "docx"):
        target = tmp_path / f"年报.{'md' if fmt == 'markdown' else fmt}"
        result = CliRunner().invoke(app, ["report", "annual", "--year", "2026", "--format", fmt, "--proactive",
                                          str(counts), "--out", str(target), "--db", str(store_path)])
        assert result.exit_code == 0, result.output
    doc = Document(str(out))
    section = doc.sections[0]
    sizes = sorted([section.page_width, section.page_height])
    assert [round(s / Cm(1), 1) for s in sizes] == sorted(PAGE_CM)  # A4 (landscape)
    text_width = section.page_width - section.left_margin - section.right_margin
    assert round(section.left_margin / Cm(1), 1) == MARGIN_CM[0]
    assert doc.paragraphs[0].text.endswith("年政府信息公开工作年度报告（统计表）")
    assert len(doc.tables) == 3
    for table in doc.tables:
        grid = table._tbl.tblGrid
        widths = [int(col.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w")) for col in grid]
        assert sum(widths) * 635 <= text_width  # twips → EMU
        assert min(widths) * 635 >= Cm(1.5), "a column this narrow wraps Chinese text one character a line"
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "勾稽关系核对（表三）" in body
    assert not any(code in body for code in ("withhold.", "other.", "no_action.", "unavailable."))
