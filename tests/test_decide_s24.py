"""Round 2, session 24: a record named by a demonstrative after the sentence that describes it, a publication told
of another record than the one asked, everyday demands to act — found on probe sets written by helpers who read
only the law.  Fictional names and places."""

from __future__ import annotations

import pytest

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.completeness import completeness, refused_elements
from reviewer.decide.docnumber import find_doc_numbers
from reviewer.decide.outcome import published_claim
from reviewer.decide.request import parse_request


def _review(text: str) -> dict:
    return run_review(text, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()


# 补不补: a record named only by 那个/该 + a record noun is described by the sentence before it.
@pytest.mark.parametrize("text, described", [
    ("上个月市医保局新发了一个文件，说是关于门诊共济报销比例调整的。请把市医保局的那个文件给我一份。", "门诊共济"),
    ("去年县里出了个批复，同意我们村的土地调整。麻烦把该批复复印一份寄给我。", "土地调整"),
])
def test_a_demonstrative_takes_its_description_from_the_sentence_before(text, described):
    items = parse_request(text).items
    assert len(items) == 1 and described in items[0].text


def test_a_demonstrative_after_a_sentence_naming_no_record_stays_alone():
    items = parse_request("我家房子漏水好几年了，楼上一直不管。我要看看那个东西的全文，请提供。").items
    assert all("漏水" not in item.text for item in items)


def test_a_described_record_is_not_drafted_as_unclear():
    d = _review("上个月市医保局新发了一个文件，说是关于门诊共济报销比例调整的。请把市医保局的那个文件给我一份。")
    assert d["reply"]["code"] != "other.correction"
    assert "TRI009" not in {e["cue"] for e in d["triage"]["evidence"]}


def test_a_bare_that_file_is_still_unclear():
    d = _review("把那个文件给我。")
    assert d["reply"]["code"] == "other.correction"
    assert "TRI009" in {e["cue"] for e in d["triage"]["evidence"]}


# 有没有 / 怎么给: the applicant's word that something is published concerns the record asked only.
@pytest.mark.parametrize("text", [
    "我申请公开某区城管局对我家隔壁餐馆的行政处罚案卷。听说处罚决定书已在网站公开。",
    "补偿方案已在网站上公布，但我要的是我家的评估报告。",
    "申请公开县政府2023年第5次常务会议纪要。会议新闻已在网站发布。",
])
def test_a_publication_told_of_another_record_is_no_published_claim(text):
    assert published_claim(text) is None
    assert _review(text)["reply"]["code"] != "disclose.published"


@pytest.mark.parametrize("text", [
    "我在区政府网站上看过这个通知，请提供通知全文。",
    "申请公开2023年征收补偿方案。该方案已在网站上公布。",
    "请提供拟录用人员名单。名单已在网站公示过。",
])
def test_a_publication_told_of_the_asked_record_is_a_published_claim(text):
    assert published_claim(text)
    assert _review(text)["reply"]["code"] == "disclose.published"


# 是不是: a short letter that only demands action is a petition (第三十九条), not an unclear request.
@pytest.mark.parametrize("text", [
    "小区垃圾站臭得要命，赶紧给我处理掉",
    "楼下烧烤店天天闹到半夜，你们到底管不管？",
])
def test_an_everyday_demand_to_act_is_a_petition(text):
    assert _review(text)["reply"]["code"] == "no_action.petition"


def test_a_demand_to_answer_the_application_is_no_petition():
    assert _review("请马上答复我的公开申请，提供本村2023年的拆迁补偿方案。")["reply"]["code"] != "no_action.petition"


# The split modules answer as request.py did.
def test_completeness_and_doc_numbers_live_in_their_own_modules():
    request = parse_request("申请公开示府发〔2023〕5号文件。身份证：不提供。")
    assert find_doc_numbers(request.text) == ["示府发〔2023〕5号"]
    assert "identity" in refused_elements(request.text)
    assert any("身份证明" in m for m in completeness(request))
