"""The case procedure end to end: one case driven from receipt through 补正, consultation and extension to a
decision, the due date checked after each event against dates computed by hand (holiday table of ogi-law.md
§6.5, day 1 = the first working day after the event); the open-cases dashboard and its exit code; the
procedural letters against hand-written text; the fee tiers.  Applicant data is generated (Faker zh_CN)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from reviewer.cli.app import app
from reviewer.decide.fees import per_item, per_page
from reviewer.decide.request import parse_request
from reviewer.store.case import add_case_event, case_clock, open_cases
from reviewer.store.db import StoreError, open_store

TODAY = "2026-12-04"


def person():
    from faker import Faker

    fake = Faker("zh_CN")
    fake.seed_instance(1204)
    return fake.name(), fake.phone_number()


@pytest.fixture()
def db(tmp_path):
    path = tmp_path / "store.sqlite"
    name, phone = person()
    with open_store(path) as store:
        text = (f"申请人：{name}\n联系电话：{phone}\n申请公开：示例市2026年老旧小区改造专项资金分配明细\n"
                "获取方式：电子邮件")
        store.record_request(parse_request(text, channel="网络"), received="2026-09-18", channel="网络")
        store.record_request(parse_request(f"申请人：{name}\n申请公开：示例区2026年道路维修计划"),
                             received="2026-10-09", channel="当面")
    return path


def run(*args):
    return CliRunner().invoke(app, [*args])


def due(db, number="2026-0001"):
    with open_store(db) as store:
        return case_clock(store, number, today=__import__("datetime").date.fromisoformat(TODAY))


def test_one_case_from_receipt_to_decision(db):
    # Received Fri 2026-09-18: 20 working days, 2026-09-20 (Sun) and 2026-10-10 (Sat) working → 2026-10-22.
    assert str(due(db).due) == "2026-10-22"
    # 补正 sent 2026-09-22: the clock waits for the 补正.
    result = run("case", "event", "2026-0001", "correction-sent", "--date", "2026-09-22", "--db", str(db),
                 "--today", TODAY, "--by", "王敏")
    assert result.exit_code == 0, result.output
    state = due(db)
    assert state.due is None and state.status == "等待补正" and state.waiting_on == ["申请人（补正）"]
    # 补正 received Mon 2026-10-12: restart; day 1 = 10-13 → 20th working day = 2026-11-09.
    assert run("case", "event", "2026-0001", "correction-received", "--date", "2026-10-12", "--db", str(db)).exit_code == 0
    assert str(due(db).due) == "2026-11-09"
    # Third party consulted 10-20 .. answered 10-29: 8 working days not counted → 2026-11-19.
    assert run("case", "event", "2026-0001", "consultation-sent", "--date", "2026-10-20", "--db", str(db)).exit_code == 0
    open_state = due(db)
    assert open_state.waiting_on == ["第三方"]
    assert run("case", "event", "2026-0001", "consultation-answered", "--date", "2026-10-29", "--db", str(db)).exit_code == 0
    state = due(db)
    assert str(state.due) == "2026-11-19" and state.deadline.paused_days == 8
    # Extension without an approver is refused; with one, +20 working days → 2026-12-17.
    refused = run("case", "event", "2026-0001", "extension-approved", "--days", "20", "--date", "2026-11-16",
                  "--db", str(db))
    assert refused.exit_code == 2 and "负责人" in refused.output
    ok = run("case", "event", "2026-0001", "extension-approved", "--days", "20", "--approved-by", "李主任",
             "--date", "2026-11-16", "--db", str(db), "--today", TODAY)
    assert ok.exit_code == 0 and "2026年12月17日" in ok.output
    assert str(due(db).due) == "2026-12-17"
    shown = json.loads(run("case", "show", "2026-0001", "--format", "json", "--today", TODAY, "--db", str(db)).output)
    assert shown["due"] == "2026-12-17" and shown["days_left"] == 13
    assert [e["kind"] for e in shown["events"]] == ["received", "correction_sent", "correction_received",
                                                     "consultation_sent", "consultation_answered", "extension"]
    assert shown["events"][-1]["detail"] == {"days": 20, "approved_by": "李主任"}
    # History shows the recomputed clock; the audit trail names who recorded each event.
    history = run("history", "2026-0001", "--db", str(db))
    assert "2026-12-17" in history.output or "2026年12月17日" in history.output
    with open_store(db) as store:
        audit = list(store.db["audit"].rows_where("entity = 'event'"))
    assert len(audit) == 5 and audit[0]["who"] == "王敏"  # the five recorded events (receipt is automatic)
    # The decision closes the case.
    assert run("decide", "2026-0001", "--code", "disclose", "--officer", "王敏", "--db", str(db)).exit_code == 0
    with open_store(db) as store:
        assert [s.number for s in open_cases(store, today=__import__("datetime").date(2026, 12, 4))] == ["2026-0002"]


def test_dashboard_sorts_by_due_date_and_exits_1_when_overdue(db):
    # 2026-0001 (Fri 09-18) is due 2026-10-22; 2026-0002 received Fri 2026-10-09, 10-10 (Sat) being a working
    # day, is due 2026-11-05; on 12-04 both are overdue, listed by due date.
    result = run("cases", "--today", TODAY, "--db", str(db), "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert [(c["number"], c["due"]) for c in data["cases"]] == [("2026-0001", "2026-10-22"), ("2026-0002", "2026-11-05")]
    assert all(c["overdue"] for c in data["cases"]) and data["overdue"] == 2
    # On 10-28 only the first is overdue; the second is due within 6 working days.
    soon = json.loads(run("cases", "--today", "2026-10-28", "--soon", "7", "--db", str(db), "--format", "json").output)
    assert [(c["flag"], c["workdays_left"]) for c in soon["cases"]] == [("已逾期", -4), ("即将到期", 6)]
    text = run("cases", "--today", TODAY, "--db", str(db))
    assert "【已逾期】2026-0002" in text.output and text.exit_code == 1
    # Before the first due date nothing is overdue: exit 0.
    assert run("cases", "--today", "2026-10-12", "--db", str(db)).exit_code == 0


def test_event_order_and_bad_input_are_refused(db):
    with open_store(db) as store:
        with pytest.raises(StoreError, match="补正告知"):
            add_case_event(store, "2026-0001", "correction-received", date="2026-10-01")
        with pytest.raises(StoreError, match="早于收到申请日期"):
            add_case_event(store, "2026-0001", "withdrawn", date="2026-09-01")
        with pytest.raises(StoreError, match="未知的案件事件"):
            add_case_event(store, "2026-0001", "postponed")
        with pytest.raises(StoreError, match="--result"):
            add_case_event(store, "2026-0001", "review-decided", date="2026-11-01")
        add_case_event(store, "2026-0001", "correction-sent", date="2026-09-22")
        with pytest.raises(StoreError, match="一次性"):
            add_case_event(store, "2026-0001", "correction-sent", date="2026-09-23")


def test_reasons_given_sets_the_reasonable_later_date(db):
    with open_store(db) as store:
        add_case_event(store, "2026-0002", "reasons-asked", date="2026-10-12")
        state = case_clock(store, "2026-0002", today=__import__("datetime").date(2026, 10, 20))
        assert state.waiting_on == ["申请人（说明理由）"]
        add_case_event(store, "2026-0002", "reasons-given", date="2026-10-20", until="2026-12-31")
        state = case_clock(store, "2026-0002", today=__import__("datetime").date(2026, 12, 4))
    assert str(state.due) == "2026-12-31" and not state.overdue


def test_fee_tiers_match_the_worked_example():
    # ogi-law.md §5.2 item 12: 45 items in one month → 0 + 20×100 + 10×200 + 5×300 = 5,500 元.
    assert per_item(45).amount == 5500
    assert per_item(10).amount == 0 and per_item(11).amount == 100 and per_item(31).amount == 2200
    # Pages: 30 free, 31–100 at 10, 101–200 at 20, from 201 at 40 → 250 pages = 700 + 2000 + 2000.
    assert per_page(250).amount == 4700 and per_page(30).amount == 0
    with pytest.raises(ValueError, match="件数"):
        per_item(-1)


EXPECTED_FEE_BODY = (
    "　　您申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》第四十二条、"
    "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第四条（按件计收）的规定，本机关对该申请按件计收信息处理费。\n"
    "　　收费标准和计算如下：第1—10件：10件×0元/件＝0元；第11—30件：20件×100元/件＝2000元；"
    "第31—40件：10件×200元/件＝2000元；第41—50件：5件×300元/件＝1500元。合计应缴纳信息处理费5500元。\n"
)


def test_procedural_letters_text(db, tmp_path):
    fee = run("case", "letter", "2026-0001", "fee", "--items", "45", "--db", str(db))
    assert fee.exit_code == 0, fee.output
    assert EXPECTED_FEE_BODY in fee.output
    assert "请您自收到本通知次日起20个工作日内" in fee.output and "视为放弃申请" in fee.output
    both = run("case", "letter", "2026-0001", "fee", "--items", "3", "--pages", "40", "--db", str(db))
    assert both.exit_code == 2 and "只能选择一种标准" in both.output

    reasons = run("case", "letter", "2026-0002", "reasons", "--db", str(db)).output
    assert "共向本机关提出政府信息公开申请2件" in reasons
    assert "根据《中华人民共和国政府信息公开条例》第三十五条的规定，请您自收到本告知书之日起15个工作日内，以书面形式向本机关说明申请理由。" in reasons

    organ = run("case", "letter", "2026-0001", "co-producer", "--organ", "示例市财政局", "--db", str(db)).output
    assert organ.splitlines()[3] == "示例市财政局："
    assert "贵机关逾期未提出意见的，视为同意公开。" in organ and "第三十四条" in organ

    missing_ext = run("case", "letter", "2026-0001", "extension", "--db", str(db))
    assert missing_ext.exit_code == 2 and "extension-approved" in missing_ext.output
    run("case", "event", "2026-0001", "extension-approved", "--days", "10", "--approved-by", "李主任",
        "--date", "2026-10-16", "--db", str(db))
    out = tmp_path / "延期答复告知书.docx"
    written = run("case", "letter", "2026-0001", "extension", "--reason", "需调取档案", "--out", str(out), "--db", str(db))
    assert written.exit_code == 0, written.output
    import docx

    body = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "因需调取档案，本机关无法在自收到申请之日起20个工作日内（即2026年10月22日前）作出答复。" in body
    assert "答复期限延长10个工作日，本机关将于2026年11月5日前作出答复。" in body

    correction = run("case", "letter", "2026-0002", "correction", "--missing", "description", "--db", str(db)).output
    assert "1．申请公开的政府信息的名称、文号或者便于本机关查询的其他特征性描述。" in correction
    assert "为便于您补正，现说明如下：请您写明所需政府信息的名称、文号" in correction
    assert run("case", "letter", "2026-0002", "correction", "--db", str(db)).exit_code == 2
