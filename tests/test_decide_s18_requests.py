"""Requests read from fresh registers (round 2, session 18): a clause that declines a record names no ground, a question
followed by "你们给我一份" asks for the record it names, and an item about a township's audit of a village is the
township's record.  Fictional names and places."""

from __future__ import annotations

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.leanings import asks_for_named_record
from reviewer.decide.triage import declined_spans


def _review(text: str) -> dict:
    return run_review(text, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()


def _named(data: dict) -> set[str]:
    return {g["ground"] for g in data.get("request_grounds") or [] if g.get("named")}


def test_a_declined_record_names_no_ground():
    text = ("申请公开：贵局2024年3月对某烧烤店作出的行政处罚决定书。说明：只要决定书本身，不需要调查笔录、证据等案卷材料。")
    assert declined_spans(text)
    assert "enforcement_file" not in _named(_review(text))
    assert "enforcement_file" in _named(_review("申请公开：贵局2024年3月对某烧烤店的调查笔录、证据等案卷材料。"))


def test_a_question_then_a_copy_asked_for_is_a_request_for_the_record():
    text = "为什么要征我家的地？县政府在村口贴过一张征地公告，我眼睛不好没看清，你们给我一份。"
    assert asks_for_named_record(text)
    assert _review(text)["reply"]["code"] in ("disclose", "disclose.published")


def test_a_polite_demand_for_named_records_is_no_consultation():
    data = _review("能不能把你们搞房屋征收依据的那几个文件给我一份？就是征收决定和补偿方案。")
    assert data["reply"]["code"] in ("disclose", "disclose.published")


def test_a_townships_audit_report_on_a_village_is_the_townships_record():
    data = _review("所需信息内容描述：2024年某镇农村经济管理站对某村村级财务开展审计后，由镇里出具的审计报告")
    assert data["reply"]["code"] != "other.not_gov_info"
