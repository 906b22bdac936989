"""Requests read from fresh registers (round 2, session 18): a clause that declines a record names no ground, a question
followed by "你们给我一份" asks for the record it names, and an item about a township's audit of a village is the
township's record.  Fictional names and places."""

from __future__ import annotations

from review_helpers import reviewed_with_model as _review

from reviewer.decide.leanings import asks_for_named_record
from reviewer.decide.triage import declined_spans


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


def test_a_lead_and_a_background_story_are_no_complaint_items():
    text = ("某区生态环境分局：\n\n我们小区旁边有个混凝土搅拌站，噪声、粉尘投诉不断。为了解政府处理投诉的效率，申请公开：\n\n"
            "请将贵分局2022年1月至2025年6月收到的全部噪声类投诉，按照所涉小区名称分类，整理成一张表格，并汇总计算各小区投诉的"
            "平均处理时长。\n\n某苑业主委员会")
    data = _review(text)
    assert [i["code"] for i in data["request"]["items"]] == ["unavailable.needs_creation"]
    assert data["reply"]["code"] == "unavailable.needs_creation"


def test_a_demand_to_act_beside_the_request_is_still_a_complaint_item():
    text = "申请公开贵局对某工地夜间施工的处罚决定书。另外，要求你们立即查处该工地并追究相关人员责任。"
    codes = [i["code"] for i in _review(text)["request"]["items"]]
    assert "no_action.petition" in codes and codes[0] != "no_action.petition"


def test_a_courtesy_note_and_a_lead_line_are_not_items():
    text = ("某区综合行政执法局：\n\n依据《政府信息公开条例》，申请获取以下信息：\n\n请贵局按街道分别统计2020年至2024年每年查处的违法建设"
            "案件数量，制成对照表，并计算各街道的年均增长率。\n\n如有困难，可分批提供。\n\n申请人：白某")
    data = _review(text)
    assert len(data["request"]["items"]) == 1
    assert data["reply"]["code"] == "unavailable.needs_creation"
