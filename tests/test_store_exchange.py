"""Decisions export (directly usable by ``reviewer train``) and import of past-decision spreadsheets."""

from __future__ import annotations

import csv
import io
import json

import pytest
import typer
from typer.testing import CliRunner

from reviewer.decide.request import parse_request
from reviewer.model.decisions import OutcomeMapper, map_header, read_decisions
from reviewer.store.db import open_store
from reviewer.store.exchange import export_decisions, import_decisions

CASES = [
    ("申请人：林晓，联系电话13912345678。\n申请公开示例市2025年城镇老旧小区改造项目资金分配方案。", "disclose", "2026-03-02",
     "2026-03-20", "示例规资信复〔2026〕5号"),
    ("申请单位：示例科技有限公司。\n申请公开示例市自然资源局2025年第三次局务会议纪要。", "withhold.process_info", "2026-04-01",
     "2026-04-22", "示例规资信复〔2026〕9号"),
    ("申请人：赵磊。我要投诉隔壁工地夜间施工扰民，请求查处。", "no_action.petition", "2026-05-06", "2026-05-08", None),
]


@pytest.fixture()
def app():
    from reviewer.cli.store import register

    application = typer.Typer()
    register(application)
    return application


@pytest.fixture()
def filled(tmp_path):
    path = tmp_path / "filled.sqlite"
    with open_store(path) as store:
        for text, code, received, decided, doc in CASES:
            rid = store.record_request(parse_request(text), received=received)
            store.decide(rid, code="other.correction", decided_at=received)  # a notice first: not exported as final
            store.decide(rid, code=code, decided_at=decided, doc_number=doc, officer="王敏")
        store.record_request(parse_request("申请人：孙丽。\n申请公开2025年预算。"), received="2026-06-01")  # undecided
    return path


def test_export_columns_are_the_training_columns(filled, tmp_path):
    with open_store(filled) as store:
        text, count = export_decisions(store, "csv")
        jsonl, jcount = export_decisions(store, "jsonl")
    assert count == jcount == 3
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    header = map_header(rows[0])
    assert {k: rows[0][v] for k, v in header.items()} == {
        "id": "编号", "date": "日期", "applicant": "申请人", "request_text": "申请内容", "passage": "文件内容",
        "outcome": "处理结果", "decided_at": "决定日期", "doc_number": "文号", "officer": "经办人"}
    records = [json.loads(line) for line in jsonl.splitlines()]
    assert set(map_header(list(records[0]))) == {"id", "date", "applicant", "request_text", "passage", "outcome",
                                                 "decided_at", "doc_number", "officer"}
    mapper = OutcomeMapper()
    assert [mapper.map(r["outcome"]).code for r in records] == [c[1] for c in CASES]
    assert [(r["date"], r["decided_at"], r["doc_number"] or None) for r in records] == [(c[2], c[3], c[4]) for c in CASES]
    assert records[0]["applicant"] == "林晓" and "资金分配方案" in records[0]["request_text"]
    # the model's own reader takes the file as is
    out = tmp_path / "export.csv"
    out.write_text(text, encoding="utf-8", newline="")
    read, summary = read_decisions(out)
    assert [r.outcome for r in read] == [c[1] for c in CASES] and summary.encoding == "utf-8-sig"


def test_export_import_round_trip_and_reimport_adds_nothing(app, filled, tmp_path):
    runner = CliRunner()
    out = tmp_path / "决定.jsonl"
    result = runner.invoke(app, ["decisions", "export", "--format", "jsonl", "--out", str(out), "--db", str(filled)])
    assert result.exit_code == 0, result.output
    fresh = tmp_path / "fresh.sqlite"
    first = runner.invoke(app, ["decisions", "import", str(out), "--db", str(fresh)])
    assert first.exit_code == 0, first.output
    assert "导入 3 件" in first.output
    with open_store(fresh) as store:
        rows = store.list_requests(limit=10)[::-1]
        assert [(r["code"], r["received"]) for r in rows] == [(c[1], c[2]) for c in CASES]
        assert [r["applicant"] for r in rows] == ["林晓", "示例科技有限公司", "赵磊"]
        assert rows[1]["report_column"] == "商业企业"
        assert all(r["source"] == "import" for r in rows)
        # Exact round trip: decision date, 文号 and officer come back as they were exported.
        assert export_decisions(store, "jsonl")[0] == out.read_text(encoding="utf-8")
    again = runner.invoke(app, ["decisions", "import", str(out), "--db", str(fresh)])
    assert "导入 0 件" in again.output and "跳过 3 行" in again.output
    with open_store(fresh) as store:
        assert store.db["requests"].count == 3


def test_import_spreadsheet_with_chinese_labels_reports_unusable_rows(app, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "申请人", "申请内容", "处理结果", "日期", "文件内容"])
    ws.append([1, "林晓", "申请公开示例市2025年老旧小区改造资金分配方案。", "予以公开", "2025-03-02", ""])
    ws.append([2, "示例科技有限公司", "申请公开征收补偿款发放明细。", "不予公开-个人隐私", "2025/4/1", "被征收人王某某，补偿38万元。"])
    ws.append([3, "赵磊", "申请公开2024年道路绿化养护合同。", "待定", "2025-05-01", ""])
    ws.append([4, "孙丽", "申请公开会议纪要。", "不予公开", "2025-05-02", ""])
    ws.append([5, "周敏", "申请公开2024年路灯维修台账。", "重复申请", "", ""])
    ws.append([6, "吴刚", "", "予以公开", "2025-05-03", ""])
    ws.append([7, "郑洁", "申请公开示例市2025年河道清淤验收报告。", "重复申请", "2025年6月3日", ""])
    path = tmp_path / "2025年台账.xlsx"
    wb.save(path)
    result = CliRunner().invoke(app, ["decisions", "import", str(path), "--db", str(tmp_path / "t.sqlite")])
    assert result.exit_code == 1
    assert "导入 3 件" in result.output and "无法使用 4 行" in result.output
    assert "无法使用的行：第 4、5、6、7 行" in result.output
    assert "「待定」无法识别" in result.output and "不是具体的答复类型" in result.output
    assert "日期「」为空" in result.output and "申请内容为空" in result.output
    with open_store(tmp_path / "t.sqlite") as store:
        rows = store.list_requests(limit=10)[::-1]
        assert [(r["code"], r["received"]) for r in rows] == [
            ("disclose", "2025-03-02"), ("withhold.third_party", "2025-04-01"), ("no_action.duplicate", "2025-06-03")]
        assert rows[1]["passage"] == "被征收人王某某，补偿38万元。"
        assert store.search("清淤") == [rows[2]["id"]]


def test_import_api_reports_rows_of_a_csv(tmp_path):
    path = tmp_path / "ledger.csv"
    path.write_text("申请内容,处理结果,日期\n申请公开2025年预算。,予以公开,2025-01-02\n申请公开会议纪要。,？？,2025-01-03\n",
                    encoding="gbk")
    with open_store(tmp_path / "api.sqlite") as store:
        result = import_decisions(store, [path])
    assert len(result.imported) == 1 and [p.row for p in result.problems] == [3]
    assert result.problems[0].reason.startswith("处理结果「？？」无法识别")


def test_exported_decisions_retrain_a_model(tmp_path, monkeypatch):
    """An export goes straight into ``reviewer train --decisions``."""
    from synthetic_data import template_passages, template_requests, write_corpus

    from reviewer.cli.model import register as register_model

    monkeypatch.setenv("REVIEWER_DATA_DIR", str(tmp_path / "data"))
    corpus = tmp_path / "corpus"
    write_corpus(corpus, template_requests(per_class=6, seed=3), template_passages(per_ground=6, clean=12, seed=4))
    db = tmp_path / "office.sqlite"
    history = template_requests(per_class=4, seed=17)
    with open_store(db) as store:
        for i, (text, label) in enumerate(zip(history.texts, history.labels, strict=True)):
            rid = store.record_request(parse_request(text), received=f"2026-{1 + i % 12:02d}-10")
            store.decide(rid, code="disclose" if label == "ordinary" else label, decided_at=f"2026-{1 + i % 12:02d}-20")
        text, count = export_decisions(store, "csv")
    export = tmp_path / "决定.csv"
    export.write_text(text, encoding="utf-8", newline="")
    mapper = OutcomeMapper()
    usable = sum(1 for label in history.labels
                 if mapper.map("disclose" if label == "ordinary" else label).request_label is not None)
    assert count == len(history) and usable > 20
    app = typer.Typer()
    register_model(app)
    result = CliRunner().invoke(app, ["train", "--decisions", str(export), "--corpus", str(corpus),
                                      "--out", str(tmp_path / "models"), "--folds", "0"])
    assert result.exit_code == 0, result.output
    card = json.loads((tmp_path / "models" / "model-v001" / "card.json").read_text(encoding="utf-8"))
    assert card["training"]["triage"]["sources"]["decisions"] == usable


def test_formula_cells_are_escaped_on_export_and_restored_on_import(tmp_path):
    with open_store(tmp_path / "a.sqlite") as store:
        rid = store.record_request(parse_request("申请人：林晓\n申请公开：=HYPERLINK(\"http://x\")号文件"),
                                   received="2026-03-01")
        store.decide(rid, code="disclose", decided_at="2026-03-05", doc_number="-1号", officer="@王敏")
        text, _ = export_decisions(store, "csv")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    cells = [c for c in rows[1] if c]
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    out = tmp_path / "决定.csv"
    out.write_text(text, encoding="utf-8")
    with open_store(tmp_path / "b.sqlite") as store:
        import_decisions(store, [out])
        again, _ = export_decisions(store, "csv")
    assert again == text  # the guard is taken off on import: the round trip stays exact
