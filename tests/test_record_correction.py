"""A request to correct a record about the applicant (第四十一条): recognised by its cue (TRI039), answered as
其他处理 with a 告知书 that says what the office does (verify against the evidence, correct and tell, or transfer),
staff actions for the check, and the annual-report row （六）3.其他.  Not a 补正, not a request for a published
更正公告.  Rules only unless a stand-in classifier is named; names and numbers are fictional."""

from __future__ import annotations

import datetime as dt

import pytest

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.decision import decide
from reviewer.decide.items import split_mixed
from reviewer.decide.request import completeness, parse_request
from reviewer.decide.triage import load_cues, triage

APPLICANT = "申请人：林晓，联系电话13912345678，通信地址：示例市示例区政务路8号。\n"
DELIVERY = "\n获取方式：电子邮件。"
HEADLINE = "申请更正贵局政府信息公开平台上关于我的行政处罚记录中身份证号码错误的信息。"
ARTICLE = "第四十一条"


def review(body: str, **kwargs):
    options = ReviewOptions(use_model=False, received=dt.date(2026, 11, 20), today=dt.date(2026, 11, 22), **kwargs)
    return run_review(APPLICANT + body + DELIVERY, options)


@pytest.fixture(scope="module")
def cue():
    return next(c for c in load_cues() if c.outcome == "other.other")


# --- the cue ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    HEADLINE,
    "要求纠正不动产登记簿中本户的登记信息有误之处。",
    "我的社保参保信息错了，请改正。",
    "本人的出生日期被错误登记，请予以更正。",
    "请对我的宅基地登记信息予以更正。",
    "申请公开对我作出的处罚决定，并更正处罚记录中错误的身份证号码。",
])
def test_the_cue_finds_a_request_to_correct_ones_own_record(cue, text):
    assert cue.find(text)


@pytest.mark.parametrize("text", [
    "请按补正告知书的要求补正本人身份证明。",
    "申请公开2024年行政处罚信息的更正公告。",
    "申请公开关于我的户籍信息的更正决定。",
    "要求更正贵局网站公布的征收公告中的错误信息。",
    "申请公开认定我的登记信息错误的依据文件。",
    "申请公开贵局对我的登记信息进行更正的全部材料。",
    "要求纠正对我作出的错误处罚决定。",
    "我家的土地登记有误，应该由镇里还是县里负责纠正？",
])
def test_the_cue_leaves_other_uses_of_correction_words_alone(cue, text):
    assert not cue.find(text)


def test_the_cue_is_an_other_processing_cue_citing_article_41(cue):
    assert cue.code.startswith("TRI") and cue.outcome == "other.other"
    assert ARTICLE in cue.message and ARTICLE in cue.doc
    assert cue.examples_match and cue.examples_no_match


def test_a_record_error_is_no_longer_read_as_a_complaint():
    # "予以纠正" / "要求…纠正" after a record error is a correction, not a 信访 demand …
    request = parse_request("我的户籍登记信息有误，要求贵局予以纠正。")
    result = triage(request.text, load_cues())
    assert result.rule_scores.get("no_action.petition", 0.0) == 0.0
    assert result.rule_scores["other.other"] > 0
    # … while a demand to correct a decision still is.
    demand = triage("处罚错误，要求予以纠正。", load_cues())
    assert demand.rule_scores["no_action.petition"] > 0 and demand.rule_scores.get("other.other", 0.0) == 0.0


# --- the review -----------------------------------------------------------------------------------


def test_a_correction_request_is_answered_as_other_processing_under_article_41():
    outcome = review(HEADLINE)
    data = outcome.to_dict()
    assert data["reply"]["code"] == "other.other"
    assert data["reply"]["report_row"] == "（六）3.其他"
    assert not data["reply"]["pending"]  # nothing to search: the record is checked, not looked for
    assert [i["code"] for i in data["request"]["items"]] == ["other.other"]
    assert any(ARTICLE in r for r in data["reply"]["reasons"])
    assert not any("撤回" in r for r in data["reply"]["reasons"])
    actions = " ".join(data["actions"])
    assert "证据" in actions and "职能范围" in actions and "核实结果" in actions
    assert outcome.letter.remedy == "A"  # the ordinary remedy wording, as for every other.* letter
    letter = data["letter"]
    assert letter["title"].endswith("告知书")
    text = letter["text"]
    assert "《中华人民共和国政府信息公开条例》第四十一条" in text
    assert "要求更正与您自身相关的政府信息记录" in text and "申请获取" not in text.split("经审查")[0]
    assert "根据您提供的证据材料" in text and "予以更正并告知您" in text
    assert any("核实结果" in p for p in letter["placeholders"])
    assert any("转送有权更正" in p for p in letter["placeholders"])
    assert "如对本告知书不服" in text and "不予公开" not in text
    assert "请写明具体情况" not in text
    assert any("第四十一条未规定办理期限" in w for w in outcome.warnings)  # the 20 days are shown for reference only


class _StandIn:
    """A triage classifier that gives every text the same probabilities."""

    classes_ = ["ordinary", "other.correction", "no_action.confirm"]

    def __init__(self, probabilities):
        self.probabilities = probabilities

    def predict_proba(self, texts):
        return [list(self.probabilities) for _ in texts]


# The cue leads against a classifier that reads an ordinary request, and against one that reads "更正" as "补正" (close
# for a character classifier): the 补正 share set aside (nothing is missing) must not carry the ordinary request past
# the explicit correction cue.
@pytest.mark.parametrize("body, probabilities", [
    (HEADLINE, (0.9, 0.05, 0.05)),
    ("申请更正贵局网站上关于本人的错误处罚信息。", (0.05, 0.9, 0.05)),
])
def test_the_cue_leads_against_a_classifier_that_does_not_know_corrections(body, probabilities):
    cues = load_cues()
    request = parse_request(APPLICANT + body + DELIVERY)
    request.missing = completeness(request, applicant_on_file=True)
    decision = decide(request, triage(request.text, cues, _StandIn(probabilities)), [], [], cues=cues)
    assert decision.code == "other.other" and decision.item_decisions[0].record_correction


@pytest.mark.parametrize("body", [
    "公开所有文件",  # unclear: a 补正
    "申请公开贵局2025年发布的关于征收补偿方案的更正公告。",  # a published 更正公告 is information asked for
])
def test_unclear_requests_and_requests_for_a_correction_notice_are_not_corrections(body):
    data = review(body).to_dict()
    assert data["reply"]["code"] != "other.other"
    assert "other.other" not in [i["code"] for i in data["request"]["items"]]
    assert ARTICLE not in data["letter"]["text"]
    if body == "公开所有文件":
        assert data["reply"]["code"] == "other.correction"


@pytest.mark.parametrize("body", [
    "1、申请公开贵局对我作出的行政处罚决定书；\n2、" + HEADLINE,
    "申请公开贵局对我作出的行政处罚决定书，并更正处罚记录中错误的身份证号码。",
    "申请公开贵局对我作出的行政处罚决定书。另外，请更正处罚记录中错误的身份证号码。",  # a sentence of its own
])
def test_a_request_for_information_and_a_correction_is_answered_item_by_item(body):
    data = review(body).to_dict()
    codes = [i["code"] for i in data["request"]["items"]]
    assert len(codes) == 2 and codes[1] == "other.other" and codes[0] != "other.other"
    assert data["reply"]["code"] == codes[0]  # the information item decides the reply's row
    text = data["letter"]["text"]
    assert "二、关于您提出的" in text and ARTICLE in text.split("二、关于")[1]
    assert ARTICLE not in text.split("二、关于")[0]
    assert "并要求更正与您自身相关的政府信息记录" in text.split("一、关于")[0]
    assert any(ARTICLE in r and r.startswith("事项2") for r in data["reply"]["reasons"])


def test_the_same_sentence_split_keeps_the_information_part():
    cues = load_cues()
    request = parse_request("申请公开贵局对我作出的行政处罚决定书，并更正处罚记录中错误的身份证号码。")
    items, natures = split_mixed(request, cues)
    assert natures == ["ordinary", "other.other"]
    assert items[0].text.startswith("申请公开") and "更正" not in items[0].text


def test_a_withdrawal_is_still_a_withdrawal():
    ordinary = review("申请公开2024年石桥镇征地补偿安置方案。", procedure="withdrawn").to_dict()
    assert ordinary["reply"]["code"] == "other.other"
    assert any("撤回" in r for r in ordinary["reply"]["reasons"])
    assert ARTICLE not in ordinary["letter"]["text"]
    withdrawn = review(HEADLINE, procedure="withdrawn").to_dict()
    assert withdrawn["reply"]["code"] == "other.other"
    assert "予以更正并告知您" not in withdrawn["letter"]["text"]  # the withdrawal is answered, not the correction
