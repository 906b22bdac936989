"""Decision store: schema, identity hashing, decisions with audit, history (duplicates, mass requests,
repeated information), Chinese full-text search and the decide/history commands."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
import typer
import yaml
from stdnum.cn import ric
from typer.testing import CliRunner

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.request import parse_request
from reviewer.store.db import StoreError, open_store
from reviewer.store.migrations import MIGRATION_NAMES

ROOT = Path(__file__).resolve().parent.parent


def _id(body17: str) -> str:
    return body17 + ric.calc_check_digit(body17 + "0")


LIN_ID = _id("11010119900307456")
ZHAO_ID = _id("32010219850611123")
LIN = f"申请人：林晓，身份证号{LIN_ID}，联系电话13912345678。\n"
DELIVERY = "\n获取方式：电子邮件。"


def person(name: str, id_number: str, body: str) -> str:
    return f"申请人：{name}，身份证号{id_number}，联系电话13912345678。\n{body}{DELIVERY}"


@pytest.fixture()
def store(tmp_path):
    s = open_store(tmp_path / "decisions.sqlite")
    yield s
    s.close()


@pytest.fixture(scope="module")
def app():
    from reviewer.cli.store import register

    application = typer.Typer()
    register(application)
    return application


def review(text: str, received: dt.date, history: dict | None = None):
    return run_review(text, ReviewOptions(use_model=False, received=received, today=received, history=history))


def test_schema_wal_and_named_migrations(store):
    assert store.db.journal_mode == "wal"
    assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 10_000
    assert store.applied_migrations == list(MIGRATION_NAMES) == ["0001_initial", "0002_search_index", "0003_procedure_log",
                                                                 "0004_case_events", "0005_trigram_search",
                                                                 "0006_finding_feedback"]
    tables = set(store.db.table_names())
    for name in ("applicants", "requests", "request_items", "reviews", "decisions", "search_logs", "deadlines",
                 "events", "audit", "migrations", "request_search_fts"):
        assert name in tables, name


def test_identity_number_is_hashed_and_masked_never_stored(store, tmp_path):
    outcome = review(LIN + "申请公开示例市2025年老旧小区改造资金分配方案。" + DELIVERY, dt.date(2026, 3, 2))
    number = store.save_review(outcome)
    assert number == "2026-0001"
    applicant = next(store.db["applicants"].rows)
    # A keyed hash: not the plain SHA-256 anyone could recompute by trying birth dates.
    assert applicant["id_hash"] != hashlib.sha256(LIN_ID.encode()).hexdigest()
    from reviewer.store.privacy import keyed_id_hash

    assert applicant["id_hash"] == keyed_id_hash(LIN_ID)
    assert applicant["id_masked"].startswith(LIN_ID[:3]) and LIN_ID not in applicant["id_masked"]
    assert applicant["report_column"] == "自然人"
    request = store.get_request(number)
    assert LIN_ID not in request["text"] and "林晓" in request["text"]
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("decisions.sqlite"))
    assert LIN_ID.encode() not in raw
    review_row = store.latest_review(request["id"])
    assert review_row["proposed_code"] == outcome.decision.code
    assert json.loads(review_row["candidates"])[0]["code"] == outcome.decision.candidates[0][0]
    assert review_row["ruleset_version"] == outcome.ruleset_version
    kinds = {row["kind"] for row in store.db["deadlines"].rows}
    assert kinds == {"reply", "correction_notice"}
    due = next(store.db["deadlines"].rows_where("kind = 'reply'"))["due"]
    assert due == outcome.deadline.final_due.isoformat()


def test_changed_decision_keeps_old_row_and_writes_audit(store):
    number = store.save_review(review(LIN + "申请公开示例市2025年老旧小区改造资金分配方案。" + DELIVERY, dt.date(2026, 3, 2)))
    proposed = store.latest_review(store.get_request(number)["id"])["proposed_code"]
    first = store.decide(number, officer="王敏", doc_number="示例规资信复〔2026〕5号", decided_at="2026-03-20")
    assert first["code"] == proposed and first["accepted_proposal"] == 1 and first["previous"] is None
    second = store.decide(number, code="disclose", reasons=["经复核，该方案已制作完成，可以公开。"], officer="李强",
                          decided_at="2026-03-25")
    assert second["accepted_proposal"] == (1 if proposed == "disclose" else 0)
    assert second["previous"]["id"] == first["id"]
    request_id = store.get_request(number)["id"]
    decisions = list(store.db["decisions"].rows_where("request_id = ?", [request_id], order_by="id"))
    assert [d["code"] for d in decisions] == [proposed, "disclose"]  # nothing overwritten
    assert store.current_decision(request_id)["id"] == second["id"]
    audit = list(store.db["audit"].rows_where("request_id = ?", [request_id], order_by="id"))
    assert [a["action"] for a in audit] == ["create", "change"]
    assert audit[1]["who"] == "李强"
    assert json.loads(audit[1]["old"])["code"] == proposed and json.loads(audit[1]["old"])["officer"] == "王敏"
    assert json.loads(audit[1]["new"])["code"] == "disclose"
    assert store.get_request(number)["status"] == "decided"


def test_correction_notice_keeps_request_open(store):
    number = store.record_request(parse_request("我要那个文件。"), received="2026-05-06")
    store.decide(number, code="other.correction", decided_at="2026-05-08")
    assert store.get_request(number)["status"] == "correction"
    kinds = [e["kind"] for e in store.db["events"].rows_where("request_id = ?", [number], order_by="id")]
    assert kinds == ["received", "correction_sent"]


def test_unknown_code_and_request_are_reported_in_chinese(store):
    with pytest.raises(StoreError, match="没有申请编号"):
        store.decide("2026-9999", code="disclose")
    number = store.record_request(parse_request(LIN + "申请公开示例市2025年预算。"), received="2026-05-06")
    with pytest.raises(StoreError, match="没有审查记录"):
        store.decide(number)
    with pytest.raises(StoreError, match="未知的答复类型"):
        store.decide(number, code="maybe")
    assert store.decide(number, code="不予公开——属于四类过程性信息")["code"] == "withhold.process_info"


def test_duplicate_request_flagged_with_earlier_doc_number(store):
    first_text = person("林晓", LIN_ID, "申请公开示例市2025年城镇老旧小区改造项目资金分配方案。")
    number = store.save_review(review(first_text, dt.date(2026, 3, 2)))
    store.decide(number, code="disclose", doc_number="示例规资信复〔2026〕5号", decided_at="2026-03-20")
    # Same applicant (same identity number), same information in other words.
    again = person("林晓", LIN_ID, "请提供2025年示例市城镇老旧小区改造项目的资金分配方案。")
    history = store.history_candidates(again)
    assert history is not None
    assert history["candidates"]["no_action.duplicate"] >= 0.8
    assert any("示例规资信复〔2026〕5号" in line and "2026年3月20日" in line for line in history["evidence"])
    assert history["earlier"]["request"] == number
    outcome = review(again, dt.date(2026, 4, 2), history=history)
    assert outcome.decision.code == "no_action.duplicate"
    assert any("示例规资信复〔2026〕5号" in r for r in outcome.decision.reasons)
    assert not any("线索" in r for r in outcome.decision.letter_reasons)
    second = store.save_review(outcome)
    assert store.get_request(second)["duplicate_of"] == store.get_request(number)["id"]


def test_no_duplicate_for_other_applicant_other_year_or_unanswered(store):
    text = "申请公开示例市2025年城镇老旧小区改造项目资金分配方案。"
    number = store.record_request(parse_request(person("林晓", LIN_ID, text)), received="2026-03-02")
    assert store.history_candidates(person("林晓", LIN_ID, text)) is None  # no reply made yet
    store.decide(number, code="disclose", doc_number="示例规资信复〔2026〕5号", decided_at="2026-03-20")
    assert store.history_candidates(person("赵磊", ZHAO_ID, text)) is None  # different applicant
    other_year = store.history_candidates(person("林晓", LIN_ID, text.replace("2025", "2024")))
    assert other_year is None  # different information (year)
    more = store.history_candidates(person("林晓", LIN_ID, text.rstrip("。") + "及项目竣工验收报告、审计报告。"))
    assert more is None or "no_action.duplicate" not in more["candidates"]


def _profile(tmp_path: Path, per_month: int, per_year: int | None = None) -> Path:
    data = yaml.safe_load((ROOT / "examples" / "profile.yaml").read_text(encoding="utf-8"))
    data["mass_request"] = {"per_month": per_month, **({"per_year": per_year} if per_year else {})}
    path = tmp_path / "profile.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_mass_requests_suggest_reasons_step_never_refusal(store, tmp_path):
    topics = ["2025年道路绿化养护合同", "2025年公厕建设招标文件", "2025年路灯维修台账", "2025年河道清淤验收报告"]
    for day, topic in enumerate(topics[:3], 3):
        store.record_request(parse_request(person("林晓", LIN_ID, f"申请公开{topic}。")), received=f"2026-06-{day:02d}")
    store.record_request(parse_request(person("林晓", LIN_ID, "申请公开2024年预算。")), received="2026-05-30")
    text = person("林晓", LIN_ID, f"申请公开{topics[3]}。")
    profile = _profile(tmp_path, per_month=3)
    history = store.history_candidates(text, profile=profile, today=dt.date(2026, 6, 20))
    assert history is not None and history["candidates"] == {}
    line = next(e for e in history["evidence"] if "第三十五条" in e)
    assert "4 件" in line and "阈值 3 件" in line and "说明理由" in line
    # Not above the threshold in another month, or with a higher threshold.
    assert store.history_candidates(text, profile=profile, today=dt.date(2026, 7, 1)) is None
    assert store.history_candidates(text, profile=_profile(tmp_path, per_month=4), today=dt.date(2026, 6, 20)) is None
    yearly = store.history_candidates(text, profile=_profile(tmp_path, per_month=10, per_year=4),
                                      today=dt.date(2026, 6, 20))
    assert "本年度已提出 5 件" in yearly["evidence"][0]


def test_same_information_from_different_applicants_suggests_publication(store):
    body = "申请公开示例市2025年城镇老旧小区改造项目资金分配方案。"
    for name in ("张伟", "王芳"):
        store.record_request(parse_request(f"申请人：{name}，联系电话13800000000。\n{body}"), received="2026-02-01")
    history = store.history_candidates(f"申请人：刘洋，联系电话13800000001。\n{body}")
    assert history is not None and history["candidates"] == {}
    assert any("第四十四条" in e and "2 位其他申请人" in e for e in history["evidence"])
    # Only one other applicant: no suggestion yet.
    assert store.history_candidates(f"申请人：张伟，联系电话13800000000。\n{body}") is None


SENTENCES = [
    "申请公开示例市2025年城镇老旧小区改造项目资金分配方案和竣工验收报告。",
    "请提供东湖街道2024年度垃圾分类收运服务采购合同。",
    "申请获取示例河流域水污染防治专项规划的环境影响评价批复文件。",
]


def test_chinese_full_text_search_finds_a_word_inside_a_sentence(store):
    numbers = [store.record_request(parse_request(person("林晓", LIN_ID, s)), received="2026-01-10") for s in SENTENCES]
    assert store.search("验收报告") == [numbers[0]]
    assert store.search("垃圾分类") == [numbers[1]]
    assert store.search("环境影响评价") == [numbers[2]]
    assert store.search("老旧小区 资金") == [numbers[0]]
    assert store.search("地铁") == []
    rows = store.list_requests(search="采购合同")
    assert [r["id"] for r in rows] == [numbers[1]]


def test_cli_decide_and_history(app, tmp_path):
    db = tmp_path / "cli.sqlite"
    with open_store(db) as s:
        number = s.save_review(review(LIN + "申请公开示例市2025年城镇老旧小区改造项目资金分配方案。" + DELIVERY,
                                      dt.date(2026, 3, 2)))
    runner = CliRunner()
    accepted = runner.invoke(app, ["decide", number, "--officer", "王敏", "--doc-number", "示例规资信复〔2026〕5号",
                                   "--date", "2026-03-20", "--db", str(db)])
    assert accepted.exit_code == 0, accepted.output
    assert f"已记录决定：申请 {number}" in accepted.output and "采纳了审查建议" in accepted.output
    changed = runner.invoke(app, ["decide", number, "--code", "unavailable.not_held", "--officer", "李强",
                                  "--db", str(db)])
    assert changed.exit_code == 0, changed.output
    assert "已更改决定" in changed.output and "检索记录" in changed.output
    logged = runner.invoke(app, ["decide", number, "--code", "unavailable.not_held", "--search-systems", "公文系统",
                                 "--search-keywords", "老旧小区", "--search-result", "未检索到", "--db", str(db)])
    assert "检索记录" not in logged.output
    found = runner.invoke(app, ["history", "--search", "资金分配", "--db", str(db)])
    assert found.exit_code == 0 and number in found.output and "林晓" in found.output
    assert "没有找到" in runner.invoke(app, ["history", "--search", "地铁线路", "--db", str(db)]).output
    by_applicant = runner.invoke(app, ["history", "--applicant", "林", "--format", "json", "--db", str(db)])
    assert [r["number"] for r in json.loads(by_applicant.output)] == [number]
    detail = runner.invoke(app, ["history", number, "--db", str(db)])
    assert detail.exit_code == 0, detail.output
    assert detail.output.count("审计：") == 3 and "更改决定" in detail.output and "公文系统" in detail.output
    missing = runner.invoke(app, ["decide", "2026-0999", "--db", str(db)])
    assert missing.exit_code == 2 and "没有申请编号" in missing.output


def test_history_accepts_a_parsed_form_request(store, tmp_path):
    from reviewer.decide.request import parse_form

    number = store.record_request(parse_request(person("林晓", LIN_ID, "申请公开示例市2025年道路绿化养护合同。")),
                                  received="2026-03-02")
    store.decide(number, code="disclose", doc_number="示例规资信复〔2026〕7号", decided_at="2026-03-10")
    form = tmp_path / "form.yaml"
    form.write_text(yaml.safe_dump({"姓名": "林晓", "身份证号": LIN_ID, "联系电话": "13912345678",
                                    "申请内容": ["示例市2025年道路绿化养护合同"]}, allow_unicode=True), encoding="utf-8")
    history = store.history_candidates(parse_form(form))
    assert history is not None and "示例规资信复〔2026〕7号" in history["evidence"][0]
