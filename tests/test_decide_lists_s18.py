"""Items and lists written in more ways (round 2, session 18): a form's second content field ("另需信息："), a record
added after "，另外还有…" in one sentence, and a list of many people answered in part (区分处理) rather than withheld
whole.  Fictional names and places."""

from __future__ import annotations

import pytest
from review_helpers import reviewed_with_model as _review

from reviewer.decide.ranking import document_prior
from reviewer.decide.request import parse_request
from reviewer.decide.roster import lists_people


def test_a_forms_second_content_field_is_an_item_of_its_own():
    text = ("政府信息公开申请表\n所需信息内容描述：某镇2022年高标准农田建设项目的实施方案。\n另需信息：该项目的竣工验收报告。\n"
            "用途：了解情况")
    items = [i["text"] for i in _review(text)["request"]["items"]]
    assert len(items) == 2
    assert "实施方案" in items[0] and "验收报告" in items[1]
    assert all("用途" not in i for i in items)


def test_without_a_second_field_the_form_keeps_one_item():
    text = "政府信息公开申请表\n所需信息内容描述：某镇2022年高标准农田建设项目的实施方案。\n用途：了解情况"
    assert len(_review(text)["request"]["items"]) == 1


def test_a_record_added_after_a_turn_in_the_sentence_is_a_second_item():
    text = "申请公开：县住建局2021年老旧小区改造项目的招标公告和施工合同，另外还有项目资金的拨付文件。"
    items = [i.text for i in parse_request(text).items]
    assert len(items) == 2
    assert items[1].startswith("项目资金的拨付文件")


@pytest.mark.parametrize("text", [
    "请公开县住建局2021年老旧小区改造项目的施工合同，另外这个工程到底什么时候完工？",  # a question, read as one
    "请公开县住建局2021年老旧小区改造项目的施工合同，另外还请你们查处拖欠工资的施工单位。",  # a demand, no record
])
def test_a_turn_that_names_no_record_is_not_a_record_item(text):
    items = [i.text for i in parse_request(text).items]
    assert not any(t.startswith(("这个工程", "你们查处", "查处")) for t in items)


@pytest.mark.parametrize("text", [
    "请公开征地涉及本村的分户补偿明细表。",
    "申请公开第二批安置房分配结果名单。",
    "请提供××村土地征收补偿款发放花名册。",
])
def test_a_list_of_many_people_is_answered_in_part_first(text):
    assert lists_people(text)
    data = _review(text)
    assert data["reply"]["code"] == "partial"
    assert "withhold.third_party" in [c["code"] for c in data["candidates"]][:3]


@pytest.mark.parametrize("text", [
    "请公开我邻居张某某家的房屋征收补偿协议。",
    "申请公开王某某的低保申请材料及其家庭收入情况。",
    "请提供2022年本镇全部低保户的身份证号码和银行账号。",
])
def test_one_persons_record_or_the_identifying_fields_stay_withheld_first(text):
    assert not lists_people(text)
    data = _review(text)
    assert data["reply"]["code"] == "withhold.third_party"
    assert "partial" in [c["code"] for c in data["candidates"]][:3]


def test_the_roster_share_moves_privacy_mass_to_partial_only():
    plain = document_prior({"privacy": 0.9})
    roster = document_prior({"privacy": 0.9}, roster=True)
    assert plain["withhold.third_party"] > plain["partial"]
    assert roster["partial"] > roster["withhold.third_party"]
    assert document_prior({"process_info": 0.9}, roster=True) == document_prior({"process_info": 0.9})
