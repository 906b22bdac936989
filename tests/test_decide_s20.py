"""Round 2, session 20: 补正 answers, refused particulars, a restatement's parties, and public records listed beside
withheld ones — found on probe sets written by helpers who read only the law.  Fictional names and places."""

from __future__ import annotations

import pytest
from review_helpers import reviewed_with_model as _review

from reviewer.app.pipeline import request_body
from reviewer.decide.description import admits_unknown
from reviewer.decide.public_beside import lists_public_beside
from reviewer.decide.request import (
    CONTACT_ELEMENT,
    IDENTITY_ELEMENT,
    NAME_ELEMENT,
    completeness,
    parse_request,
    refused_elements,
)
from reviewer.decide.restatement import without_party_particulars
from reviewer.decide.told_procedure import ANSWERED_CORRECTION_NOTE, answers_correction
from reviewer.decide.triage import load_cues, triage


def _grounds_named(d: dict) -> set[str]:
    return {g["ground"] for g in d.get("request_grounds") or [] if g.get("named")}


# 补不补: an element the applicant's own text declines to give is missing even when the office holds the applicant's
# particulars on file (第二十九条第二款).
@pytest.mark.parametrize("text, refused", [
    ("申请人：李某\n身份证明：暂不提供\n申请内容：本村2019年土地征收补偿方案", {"identity"}),
    ("联系方式：不便留\n申请内容：市城管局东门夜市摊位收费标准", {"contact"}),
    ("单位名称：（未填）\n统一社会信用代码：（未填）\n经办人：刘某", {"name", "identity"}),
    ("我申请公开某镇道路拓宽工程的立项批复。电话就不留了，有事再说。", {"contact"}),
    ("姓名：不告诉你们\n身份证号：不提供", {"identity"}),
])
def test_refused_particulars_are_read(text, refused):
    assert refused <= refused_elements(text)


@pytest.mark.parametrize("text", [
    "名称：无锡市某某贸易有限公司\n联系电话：0510-8XXXXXX1",
    "申请人：王某，身份证号码见附件，电话133XXXX1234",
    "原告李某（身份证号略）申请公开某文件",
])
def test_particulars_given_or_masked_are_not_refusals(text):
    assert refused_elements(text) == set()


def test_a_refusal_counts_with_the_applicant_on_file_and_a_given_element_does_not_go_missing():
    refused = parse_request("身份证明：暂不提供\n联系方式：不便留\n所需信息：某街道2024年老旧小区改造实施方案")
    missing = completeness(refused, applicant_on_file=True)
    assert IDENTITY_ELEMENT in missing and CONTACT_ELEMENT in missing and NAME_ELEMENT not in missing
    given = parse_request("电话不留了，请寄到某市某区某路88号。\n所需信息：某街道2024年老旧小区改造实施方案")
    assert CONTACT_ELEMENT not in completeness(given, applicant_on_file=True)
    assert _review("身份证明：暂不提供\n所需信息：某街道2024年老旧小区改造实施方案")["reply"]["code"] == "other.correction"


# A restatement's parties' own particulars are who they are, not a third party's record asked for.
def test_a_partys_own_particulars_are_not_read_as_the_record_asked_for():
    assert without_party_particulars("原告李某（身份证号略）申请公开某文件") == "原告李某申请公开某文件"
    assert without_party_particulars("上诉人（原审原告）张某，女，1970年生。被上诉人某局。") == "被上诉人某局。"
    # a third party named inside what is asked for keeps the particulars that make the record theirs
    kept = "申请人申请公开张某（身份证号略）的补偿协议"
    assert without_party_particulars(kept) == kept
    assert "身份证" not in request_body("原告李某（身份证号略）申请公开某镇2019年征地补偿方案")
    assert "privacy" not in _grounds_named(_review("原告李某（身份证号略）申请公开某某文件"))


# 补正 is asked for once (第三十条): the applicant's own answer to a 补正 notice that still names nothing a search could
# find is 无法提供（申请内容不明确）, not a second 补正.
STILL_VAGUE = "第二次回你们的补正告知书。文件名我不知道，文号我没有，发文时间大概是这几年，内容是讲拆违的。你们再让我补我也补不出来了。"
NOW_CLEAR = ("上回你们说我写得不清楚。我问了村主任，他说是去年（2024年）8月份镇政府下发的关于秸秆禁烧的通知，题目好像叫"
             "《关于做好2024年秋季秸秆禁烧工作的通知》。我要的就是这个。")


@pytest.mark.parametrize("text", [
    STILL_VAGUE, NOW_CLEAR,
    "某某市自然资源和规划局：\n贵局某自然资公开补〔2025〕33号补正告知书收悉。现补正如下：…",
    "关于贵委补正通知的回复\n我司前次申请的“园区相关管理文件”，现补正为…",
    "补 正 回 复\n针 对 贵 局 2025年3月 12日 补 正 告 知 ，本 人 所 需 信 息 为 ：…",
    "貴局上月來函要求本人補正。本人所需者，乃是關於本人祖屋一事之全部公文。",
    "补正说明（原申请编号GK-2025-0412）：我要的是…",
])
def test_an_applicants_answer_to_a_correction_notice_is_recognised(text):
    assert answers_correction(text)


@pytest.mark.parametrize("text", [
    "请公开区政府关于补正告知书格式的规定。",
    "我申请公开贵局2023年发出的补正告知书数量统计。",
    "原告于2019年收到被告的补正告知书后未予回复。",  # a restatement: told_procedure reads it
    "请公开某区2020年财政预算报告。",
])
def test_other_mentions_of_correction_are_not_an_answer_to_one(text):
    assert not answers_correction(text)


def test_an_answer_to_a_correction_notice_that_is_still_vague_is_unavailable_unclear_with_a_note():
    d = _review(STILL_VAGUE)
    assert d["reply"]["code"] == "unavailable.unclear"
    assert ANSWERED_CORRECTION_NOTE in d["reply"]["reasons"]


def test_an_answer_to_a_correction_notice_that_names_the_record_is_answered_on_the_record():
    d = _review(NOW_CLEAR)
    assert d["reply"]["code"] not in ("unavailable.unclear", "other.correction")
    assert "秸秆禁烧" in d["request"]["items"][0]["text"]  # "我要的就是这个" points back at the record named before


def test_a_first_application_that_says_it_cannot_identify_the_record_gets_a_correction_notice():
    text = "你好，我想要你们局关于我们那片的文件，就是跟我们家有关系的，全部。我不懂你们那些文号什么的，你们自己查。"
    assert admits_unknown(text)
    assert _review(text)["reply"]["code"] == "other.correction"


@pytest.mark.parametrize("text, expected", [
    ("就是那个什么补助的通知，哪一年哪个部门发的都记不得了。", True),
    ("文件名我不知道，文号我没有。", True),
    ("贵局针对某路某号违法建筑作出的限期拆除决定书（文号不详，约2020年下半年作出）", False),  # one element only
    ("题目我记不清了，文号也不知道，好像叫《关于做好2024年秸秆禁烧工作的通知》。", False),  # a title outweighs
])
def test_admitted_unknown_elements(text, expected):
    assert admits_unknown(text) is expected


# 第三十七条: a record public by nature listed beside a withheld one — the public part is given.
def _beside(text: str) -> bool:
    return lists_public_beside(text, triage(request_body(text), load_cues(), None))


def test_public_records_beside_a_third_partys_identifiers_draft_partial_disclosure():
    text = "请民政局公开今年洪灾后临时救助的救助标准、发放总额，还有我们小区领了救助的那几户（韦某、段某某等）的身份证号码和银行账号。"
    assert _beside(text)
    d = _review(text)
    assert d["reply"]["code"] == "partial"
    assert "withhold.third_party" in [c["code"] for c in d["candidates"][:3]]


@pytest.mark.parametrize("text", [
    # the company's own supplier list and purchase contracts are not the government's published procurement
    "请贵局提供某食品公司向贵局报送的新产品配方、生产工艺流程图、主要原料供应商名单及采购合同。",
    # a narrator's account ("请示已报送但未获批复") names no public record
    "我们要的是街道就某社区整体征收事宜向区政府报送的请示全文，请示已报送但未获批复。",
    # internal-affairs records come in lists of their own
    "要求公开2019年度全局干部年度考核的打分明细和各科室评优名额分配方案。",
])
def test_no_public_record_beside(text):
    assert not _beside(text)


@pytest.mark.parametrize("text, kept", [
    ("补正：所需信息为某苑商品住宅项目的建设工程规划许可证及附图。 魏某 身份证5002XXXXXXXX6638 电话132XXXX4417",
     "补正：所需信息为某苑商品住宅项目的建设工程规划许可证及附图。"),
    ("我要的是区教育局今年批复同意某小学新校区招生范围的那份批复文件。谢谢。——家长 邱某（身份证、电话已在原申请中填写）",
     "我要的是区教育局今年批复同意某小学新校区招生范围的那份批复文件。谢谢。"),
    ("补正回复：我要的是某桥维修加固工程占道施工的许可决定书。电话151XXXX2208，贺某，身份证上次已经交了。",
     "补正回复：我要的是某桥维修加固工程占道施工的许可决定书。"),
])
def test_a_sign_off_with_the_writers_particulars_is_not_the_record_asked_for(text, kept):
    from reviewer.decide.request import without_particulars

    assert without_particulars(text) == kept
    assert "privacy" not in _grounds_named(_review(text))


def test_particulars_asked_for_in_the_last_sentence_stay():
    from reviewer.decide.request import without_particulars

    text = "请公开张某某的补偿协议。张某某的身份证号码和电话也请一并提供。"
    assert without_particulars(text) == text


def test_everything_about_open_matters_is_no_description_but_named_kinds_are():
    assert admits_unknown("村里这十几年的事，凡是跟钱有关的、跟地有关的、跟干部有关的，全都给我。")
    assert not admits_unknown("凡是跟这条路占地有关的审批材料和补偿标准，请都给我一份。")
