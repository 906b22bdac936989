"""What a court or review body's restatement tells decides the reply (round 2, session 17): an earlier answered
application of the same content then a repeat (重复申请, 第三十六条第（六）项), a record another organ made asked of the
organ the request is addressed to (第十条), and the record named only in the agency's refusal.  Fictional parties."""

from __future__ import annotations

import pytest
from review_helpers import reviewed_with_model as _review

from reviewer.decide.decision import narrated_repeat
from reviewer.decide.documents import same_organ
from reviewer.decide.organ import item_organ, request_addressee
from reviewer.decide.request import parse_request
from reviewer.decide.triage import load_cues

REPEATS = [
    "经审理查明：原告于2015年3月10日向被告某县国土资源局申请公开“某村2014年度征地补偿安置方案”，被告于2015年3月30日作出答复并"
    "送达原告。2016年1月5日，原告再次向被告邮寄申请，所列申请内容与2015年3月10日的申请完全一致。",
    "上诉人于2011年4月以邮寄方式向被上诉人某市规划局申请公开“某商住楼项目的建设工程规划许可证”，被上诉人当月即作出答复。"
    "2012年3月，上诉人又以同样的方式、同样的内容向被上诉人提出申请。",
]


@pytest.mark.parametrize("text", REPEATS)
def test_an_answered_application_repeated_with_the_same_content_is_drafted_a_duplicate(text):
    data = _review(text)
    assert data["reply"]["code"] == "no_action.duplicate"
    assert any("TRI063" in r for r in data["reply"]["reasons"])
    assert "前次答复文号" in data["letter"]["text"]  # the date and number of the earlier reply are for staff to fill


@pytest.mark.parametrize("text", [
    "本人曾于2023年5月向贵局申请公开某项目的批复，贵局至今未答复，现再次申请公开该批复。",
    "原告申请公开某路征收决定，被告作出答复。原告不服，提起诉讼。",
    "被告作出答复后，原告又申请公开该项目的规划许可证。",
])
def test_no_duplicate_without_an_answer_and_the_same_content(text):
    assert narrated_repeat(text, load_cues()) is None
    assert _review(text)["reply"]["code"] != "no_action.duplicate"


@pytest.mark.parametrize("text, maker", [
    ("原告于2014年6月向被告某市公安局交通警察支队申请公开“某市发展和改革委员会关于某绕城高速公路车辆通行费收费标准的批复”。",
     "某市发展和改革委员会"),
    ("原告诉称：其于2010年3月向被告某区卫生局递交申请，要求公开“某市国土资源局某区分局与某村村民委员会签订的征地补偿协议”。",
     "某市国土资源局某区分局"),
    ("申请人于2023年7月以挂号信方式向被申请人某县人民政府申请公开“某市生态环境局对某水泥有限公司技改项目环境影响报告书作出的批复”。",
     "某市生态环境局"),
])
def test_a_record_another_organ_made_is_that_organs_to_disclose(text, maker):
    request = parse_request(text)
    organ = item_organ(request.items[0].text, [], request_addressee(request.text), True)
    assert (organ.responsible, organ.agency) == ("other", maker)
    assert _review(text)["reply"]["code"] == "unavailable.other_agency"


def test_the_addressed_organs_own_record_stays_its_own():
    assert same_organ("某市政府", "某市人民政府")
    request = parse_request("原告向被告某市人民政府申请公开“某市政府关于某项目的会议纪要”。")
    assert item_organ(request.items[0].text, [], request_addressee(request.text), True).responsible == "own"


def test_the_record_named_only_in_the_refusal_is_what_was_asked():
    text = ("申请人认为，被申请人以“公开后可能危及社会稳定”为由，拒绝公开某某小区业主集体上访事件的应急处置预案及维稳工作台账，"
            "属于适用法律错误。")
    request = parse_request(text)
    assert request.items and "维稳工作台账" in request.items[0].text
    data = _review(text)
    assert data["reply"]["code"] != "other.correction"
    assert "withhold.security_stability" in [c["code"] for c in data["candidates"]][:3]


@pytest.mark.parametrize("text, addressee, maker", [
    ("原告潘某于2016年12月向××区人民政府邮寄申请，要求公开“某省发改委作出的关于××至××城际铁路××段项目核准的批复”。",
     "××区人民政府", "某省发改委"),
    ("申请人戴某于2013年6月向××街道办事处申请公开“由市规划局核发的××花园三期建设工程规划许可证及总平面图”。",
     "××街道办事处", "市规划局"),
    ("2022年10月，××市生态环境局收到柳某的网上申请，申请内容为××区应急管理局对××仓储公司危险化学品储存项目出具的安全条件审查意见书。",
     "××市生态环境局", "××区应急管理局"),
    ("被告××镇人民政府于2014年4月2日签收了邓某寄来的申请书。申请书请求公开“县交通运输局对××镇至××村道路改建工程施工图设计的批复”。",
     "××镇人民政府", "县交通运输局"),
    ("申请人常某向××区自然资源局申请公开“贵局持有的、市人民政府作出的《关于××地块国有建设用地使用权收回的决定》”。",
     "××区自然资源局", "市人民政府"),
])
def test_pseudonymised_addressees_and_makers_told_in_many_ways(text, addressee, maker):
    request = parse_request(text)
    assert request_addressee(request.text) == addressee
    organ = item_organ(request.items[0].text, [], addressee, True)
    assert (organ.responsible, organ.agency) == ("other", maker)


@pytest.mark.parametrize("text", [
    "原告向被告某区人民政府申请公开区政府作出的征收决定。",
    "申请人向某市自然资源局申请公开该局与某公司签订的出让合同。",
    "向被告某区住建局申请公开某区住建局为该楼盘核发的预售许可证。",
])
def test_the_addressees_own_acts_stay_its_own(text):
    request = parse_request(text)
    assert item_organ(request.items[0].text, [], request_addressee(request.text), True).responsible == "own"


@pytest.mark.parametrize("text, repeat", [
    ("某街道办事处于同年7月作出答复。2020年11月，管某又以电子邮件提交申请，所列申请内容与6月份那次逐字相同。", True),
    ("第一次于2012年10月提交，该局11月书面作了答复；第二次于2013年2月当面提交，所要的仍是该项目的立项批复。", True),
    ("县政府于同年6月作出答复。同年8月，祁某再度邮寄申请公开该拨付凭证，两次申请要的是一回事。", True),
    ("该局已签收，但此后始终未收到任何答复。2018年9月，顾某以EMS再次寄出内容相同的申请。", False),
])
def test_the_repeat_cue_reads_many_wordings_and_needs_an_answer(text, repeat):
    assert (narrated_repeat(text, load_cues()) is not None) is repeat


def test_a_governments_general_office_issues_in_the_governments_name():
    assert same_organ("市政府办公室", "××市人民政府")
    request = parse_request("申请人向被申请人××市人民政府申请公开“市政府办公室印发的《××市人民防空重要目标防护方案》”。")
    assert item_organ(request.items[0].text, [], request_addressee(request.text), True).responsible == "own"
