"""Reading past decisions (CSV in GBK / UTF-8-BOM, XLSX, JSONL) and mapping outcome labels."""

from __future__ import annotations

import csv
import json

import pytest

from reviewer.model.decisions import OutcomeMapper, import_decisions, map_header, read_decisions
from reviewer.model.errors import DecisionsError


@pytest.fixture(scope="module")
def mapper():
    return OutcomeMapper()


@pytest.mark.parametrize(
    ("label", "code", "triage_label", "grounds"),
    [
        ("不予公开-过程性信息", "withhold.process_info", "ordinary", ("process_info",)),
        ("信息不存在", "unavailable.not_held", "ordinary", None),
        ("信访件", "no_action.petition", "no_action.petition", None),
        ("属于咨询", "other.consultation", "other.consultation", None),
        ("非本机关", "unavailable.other_agency", "ordinary", None),
        ("部分公开", "partial", "ordinary", None),
        ("予以公开", "disclose", "ordinary", ()),
        ("需要加工汇总", "unavailable.needs_creation", "unavailable.needs_creation", None),
        ("部分公开（涉及个人隐私）", "partial", "ordinary", ("privacy",)),
        ("不予公开——商业秘密", "withhold.third_party", "ordinary", ("trade_secret",)),
        ("不予处理——信访举报投诉类申请", "no_action.petition", "no_action.petition", None),
        ("不予处理——要求行政机关确认或重新出具已获取信息", "no_action.confirm", "no_action.confirm", None),
        ("经检索，信息不存在", "unavailable.not_held", "ordinary", None),
        ("ＷＩＴＨＨＯＬＤ.ＰＲＯＣＥＳＳ_ＩＮＦＯ", "withhold.process_info", "ordinary", ("process_info",)),
        ("不属于《条例》所指政府信息", "other.not_gov_info", "other.not_gov_info", None),
        ("不动产登记资料查询", "other.special_procedure", "other.special_procedure", None),
        ("补正告知", "other.correction", "other.correction", None),
        ("其他处理", "other.other", None, None),
    ],
)
def test_outcome_mapping(mapper, label, code, triage_label, grounds):
    mapped = mapper.map(label)
    assert mapped is not None, label
    assert (mapped.code, mapped.request_label, mapped.grounds) == (code, triage_label, grounds)


@pytest.mark.parametrize("label", ["待定", "领导已阅", "", "  ", "？？"])
def test_unmappable_outcomes(mapper, label):
    assert mapper.map(label) is None


def test_header_aliases():
    found = map_header(["序号", "申请人", "申请日期", "申请内容", "文件内容", "答复类型"])
    assert found == {"id": 0, "applicant": 1, "date": 2, "request_text": 3, "passage": 4, "outcome": 5}
    assert map_header(["Request_Text", "OUTCOME"]) == {"request_text": 0, "outcome": 1}


HEADER = ["序号", "申请人", "日期", "申请内容", "文件内容", "处理结果"]
ROWS = [
    ["1", "张伟", "2023-03-01", "请问低保补贴标准怎么计算？", "", "属于咨询"],
    ["2", "王芳", "2023-03-02", "举报村干部违规审批，要求查处。", "", "信访件"],
    ["3", "李娜", "2023-03-03", "申请公开会议纪要。", "会议研究讨论了拆迁方案，意见分歧较大。", "不予公开-过程性信息"],
    ["4", "刘洋", "2023-03-04", "申请公开项目批复。", "", "待定"],
    ["5", "陈静", "2023-03-05", "", "", "予以公开"],
    ["6", "杨帆", "2023-03-06", "申请公开补偿协议。", "协议约定补偿款。", "部分公开"],
    ["7", "赵磊", "2023-03-07", "请公开你们单位的那个文件。", "", "其他处理"],
]


def _write_csv(path, encoding, rows=ROWS, header=HEADER):
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_csv_encodings(tmp_path, encoding):
    path = tmp_path / "ledger.csv"
    _write_csv(path, encoding)
    rows, summary = read_decisions(path)
    assert [r.row for r in rows] == [2, 3, 4, 5, 6, 7, 8]
    assert rows[0].request_text == "请问低保补贴标准怎么计算？" and rows[0].applicant == "张伟"
    assert summary.encoding == {"gbk": "gb18030", "utf-8-sig": "utf-8-sig", "utf-8": "utf-8"}[encoding]


def test_import_reports_unusable_rows_with_numbers(tmp_path):
    path = tmp_path / "ledger.csv"
    _write_csv(path, "gbk")
    result = import_decisions([path], weight=2.0)
    assert sorted(result.requests.labels) == sorted(
        ["other.consultation", "no_action.petition", "ordinary", "ordinary"]
    )
    assert result.passages.labels == [["process_info"]]
    assert set(result.requests.weights) == {2.0}
    unusable = {p.row: p.reason for p in result.unusable}
    assert set(unusable) == {5, 6, 8}  # 待定, no text, 其他处理
    assert "待定" in unusable[5] and "无法识别" in unusable[5]
    assert "缺少申请内容和文件内容" in unusable[6]
    assert "其他处理" in unusable[8]
    assert [p.row for p in result.partly_used] == [7]  # 部分公开 without a named ground
    assert all(p.file == str(path) for p in result.unusable)


def test_xlsx_with_title_row(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["2023年政府信息公开申请登记台账"])
    ws.append(["request_text", "passage", "outcome", "date", "applicant"])
    ws.append(["请提供公开发行的统计年鉴。", None, "公开出版物", None, "周杰"])
    ws.append(["申请公开征地批复。", None, "见附件", None, "吴敏"])
    path = tmp_path / "ledger.xlsx"
    wb.save(path)
    result = import_decisions([path])
    assert result.requests.labels == ["no_action.publication"]
    assert [(p.row, p.outcome) for p in result.unusable] == [(4, "见附件")]


def test_jsonl_rows_and_bad_lines(tmp_path):
    path = tmp_path / "ledger.jsonl"
    lines = [
        json.dumps({"request_text": "我要投诉噪音扰民", "outcome": "no_action.petition"}, ensure_ascii=False),
        "{not json",
        json.dumps({"申请内容": "请统计近五年数据并制表", "答复类型": "需要加工汇总"}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = import_decisions([path])
    assert result.requests.labels == ["no_action.petition", "unavailable.needs_creation"]
    assert [p.row for p in result.unusable] == [2]


def test_missing_columns_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.csv"
    _write_csv(path, "utf-8", rows=[["a", "b"]], header=["姓名", "电话"])
    with pytest.raises(DecisionsError, match="找不到可识别的表头"):
        read_decisions(path)


def test_unsupported_formats(tmp_path):
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(DecisionsError, match="xlsx"):
        read_decisions(old)
    with pytest.raises(DecisionsError, match="找不到"):
        read_decisions(tmp_path / "missing.csv")
