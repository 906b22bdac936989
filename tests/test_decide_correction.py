"""Step 补不补: when a request lacks a description a search could use (第二十九条第二款第（二）项), and what
happens to the triage's 补正 share when no element is missing."""

from __future__ import annotations

import pytest

from reviewer.decide.decision import decide
from reviewer.decide.description import UNCLEAR_TRIAGE_MIN, correction_elements, has_characteristic
from reviewer.decide.request import DESCRIPTION_ELEMENT, completeness, parse_request
from reviewer.decide.triage import TriageResult


def _triage(p_unclear: float, **others) -> TriageResult:
    probabilities = {"other.correction": p_unclear, "ordinary": 1.0 - p_unclear - sum(others.values()), **others}
    return TriageResult(probabilities=probabilities, rule_scores={}, classifier=dict(probabilities))


def _request(text: str):
    request = parse_request(text)
    request.missing = completeness(request, applicant_on_file=True)
    return request


@pytest.mark.parametrize("text", [
    "申请公开示例区2019年城区道路维修工程的招标文件。",
    "申请公开《示例市征地补偿安置办法》。",
    "申请公开示府发〔2018〕12号文件。",
    "要求公开××路改造工程的规划许可证及附图。",
    "公开邻居王某某的房屋征收补偿协议。",
    "××镇2016年对原告房屋强制拆除的现场勘验笔录。",
    # the records of one act of the office: a case file a search can find
    "请公开镇政府处理我家宅基地纠纷时形成的所有材料。",
    "申请公开你局执法大队对我店铺进行检查时的录像资料。",
    # one act done to the applicant, or one named case: its file is found by the parties and the matter
    "申请公开我被行政拘留一案的全部卷宗材料。",
    "申请公开派出所处理我被打一案的全部材料。",
    "申请公开贵局对某某公司偷税案件的检查底稿和证据材料。",
    "申请公开关于停车收费的那个文件，2024年区里发的。",  # a subject with a year and an issuer
    "我想要一份去年我们小区加装电梯的补贴文件，就是区里发的那个。",  # a matter known by its subject, a relative year
    "西湖市公安局关于西江镇道路限行措施的通告",  # 通告 is a kind of document
    "××县统计局编制的2016年农业统计年报",  # 年报、月报、公报 are kinds too
    "某区人民政府2020年12月重大项目建设进度月报",
])
def test_a_named_kind_title_or_number_is_a_characteristic(text):
    assert has_characteristic(text)


@pytest.mark.parametrize("text", [
    "申请公开与我家拆迁有关的所有文件。",
    "请把你们单位的全部政府信息都给我。",
    "要求公开你局近年来的全部工作资料和内部文件。",
    "申请公开本村土地的有关情况。",
    "1.那份通知 2.相关批复 3.所有会议材料",
    "你局2018年的有关文件",
    "申请公开相关案件的材料。",  # no case named
    "申请公开该案件的全部材料",
    "申请公开所有案件的全部资料",
    "根据《中华人民共和国政府信息公开条例》的规定，本人申请公开与我家有关的所有文件。",  # the law applied under
    "你局去年发的那个关于补助的红头文件",  # which 补助? a generic subject
    "把县政府发过的所有涉及拆迁的文件整理一个目录",  # hedged subject
    "拆迁的文件全部给我。\n张某（签字）\n2025年6月30日",  # the year is the letter's date, not the subject's
    "请公开贵单位去年那个关于拆迁的事情的材料，你们知道是哪个。",  # 事情 names no matter
])
def test_generic_or_hedged_descriptions_have_no_characteristic(text):
    assert not has_characteristic(text)


def test_an_unclear_triage_without_a_characteristic_names_the_missing_description():
    text = "申请公开与我家拆迁有关的所有文件。"
    assert DESCRIPTION_ELEMENT not in _request(text).missing  # the generic-word check alone lets it pass
    request = _request(text)
    assert correction_elements(request, _triage(UNCLEAR_TRIAGE_MIN)) == [DESCRIPTION_ELEMENT]
    assert DESCRIPTION_ELEMENT in request.missing  # every output lists the same elements
    # the classifier alone never makes a 补正: a described document, or a clear triage, keeps the request
    described = _request("申请公开示例区2019年城区道路维修工程的招标文件。")
    assert correction_elements(described, _triage(0.95)) == []
    assert correction_elements(_request(text), _triage(UNCLEAR_TRIAGE_MIN - 0.01)) == []


def test_an_unclear_request_is_answered_with_a_correction_notice_naming_the_description():
    request = _request("申请公开与我家拆迁有关的所有文件。")
    decision = decide(request, _triage(0.9), [], [])
    assert decision.code == "other.correction"
    assert DESCRIPTION_ELEMENT in decision.letter_reasons


def test_a_set_aside_correction_share_goes_to_the_ordinary_request_not_to_the_other_outcomes():
    """Dropping a 0.98 补正 share and renormalising would turn a 0.01 outcome into a 0.5 one."""
    request = _request("申请公开示例区2019年城区道路维修工程的招标文件。")
    decision = decide(request, _triage(0.98, **{"unavailable.needs_creation": 0.01}), [], [])
    assert decision.code != "other.correction"
    candidates = dict(decision.candidates)
    assert "other.correction" not in candidates
    assert candidates.get("unavailable.needs_creation", 0.0) <= 0.02
    assert any("第三十条" in r and "未采用" in r for r in decision.reasons)



def test_the_reviews_correction_notice_guides_the_applicant_on_each_missing_element():
    """第三十条: 指导和释明 — a notice drafted from a review's listed elements says what to supply, as the case
    procedure's does (which passes element keys)."""
    from reviewer.decide.profile import load_profile
    from reviewer.draft.context import ReplyContext
    from reviewer.draft.notices import CORRECTION_GUIDANCE, draft_correction_notice, element_key

    assert element_key(DESCRIPTION_ELEMENT) == "description" and element_key("description") == "description"
    assert element_key("申请人的联系方式（电话、通讯地址或电子邮箱）") == "contact" and element_key("别的") == ""
    ctx = ReplyContext(code="other.correction", applicant="林晓", missing=[DESCRIPTION_ELEMENT])
    text = draft_correction_notice(ctx, load_profile(None)).to_text()
    assert "为便于您补正，现说明如下：" + CORRECTION_GUIDANCE["description"][:20] in text
    assert CORRECTION_GUIDANCE["contact"][:10] not in text  # only the elements that are missing


@pytest.mark.parametrize("text, named", [
    ("申请公开关于我镇某村修路资金使用情况的信息", True),
    ("申请公开幸福小区加装电梯项目的补助资金发放情况", True),
    ("申请公开本村土地的有关情况。", False),  # 本村: not named
    ("申请公开与我家拆迁有关的所有文件。", False),  # no place or project named
    ("请把我们村的所有征地文件都公开", False),  # 我们村: not named
    ("申请公开某村村委会的情况", False),  # a topic is needed, and 村委 is not a place
])
def test_a_named_place_or_project_with_a_topic_is_a_description_a_search_can_use(text, named):
    from reviewer.decide.description import names_matter

    assert names_matter(text) is named
    request = _request(text)
    missing = correction_elements(request, _triage(0.9))
    assert (DESCRIPTION_ELEMENT in missing) is (not named and not has_characteristic(text))
