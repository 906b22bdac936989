"""Who reported me (举报人是谁): the applicant as the one reported, not as a complainant.

"是谁举报了我家" uses the word 举报 but the applicant complains of nothing: it asks for a third party's identity
(第十五条).  Read as a complaint, the letter would tell the applicant that the request "要求查处、追究责任或者赔偿",
which it does not.  A complaint made without any demand to act gets a letter that says only what it is."""

from __future__ import annotations

import pytest

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.triage import load_cues, rule_scores
from reviewer.draft.parts import subject_text


@pytest.fixture(scope="module")
def cues():
    return load_cues()


def _review(text, use_model=False):
    return run_review(text, ReviewOptions(use_model=use_model, applicant_on_file=True))


def _cue(cues, name):
    return next(c for c in cues if c.name == name)


@pytest.mark.parametrize("text", ["请告诉我是谁举报了我家。", "申请公开举报人的姓名和联系电话。",
                                  "申请公开投诉我店铺的投诉人身份信息。", "要求提供举报我公司的人的名字。"])
def test_the_informant_is_a_third_party_and_not_a_complaint(cues, text):
    hits = rule_scores(text, cues)[1]
    assert any(h.cue == _cue(cues, "informant-identity").id and h.ground == "privacy" for h in hits)
    assert not any(h.cue == _cue(cues, "petition-words").id for h in hits)


@pytest.mark.parametrize("text", ["我实名举报某村干部侵占补偿款。", "举报我村村主任私分补偿款。"])
def test_a_report_made_by_the_applicant_is_still_a_complaint_word(cues, text):
    hits = rule_scores(text, cues)[1]
    assert any(h.cue == _cue(cues, "petition-words").id for h in hits)
    assert not any(h.cue == _cue(cues, "informant-identity").id for h in hits)


MIXED = "我家房子被邻居违建挡光，多次反映没人管，请公开你们对这个违建的处理情况，是谁举报了我家也请告诉我。"


def test_a_handling_result_and_the_informant_are_two_items_with_their_own_answers():
    # (whether asking how one's complaint was handled is itself part of the complaint is left to the classifier)
    out = _review(MIXED)
    items = out.to_dict()["request"]["items"]
    assert len(items) == 2
    assert items[0]["text"].endswith("处理情况") and items[1]["text"].startswith("是谁举报")
    assert items[1]["code"] == "withhold.third_party"  # the informant is a third party, not a complaint
    letter = out.to_dict()["letter"]["text"]
    assert "查处、处理、追究责任或者赔偿" not in letter  # nobody demanded 查处 here
    assert "“是谁举报了我家”" in letter  # quoted without "也请告诉我"
    # the own-information cue fired on 我家, but nothing asked for is the applicant's own record
    assert not any("申请的是申请人本人或本户的信息" in r for r in out.to_dict()["reply"]["reasons"])


def test_a_complaint_without_a_demand_is_not_said_to_demand_one():
    # the default model reads the complaint (the cue 投诉 alone weighs too little to decide)
    letter = _review("我多次投诉该工地夜间施工噪音扰民，至今没有人管。", use_model=True).to_dict()["letter"]["text"]
    assert "实质为信访、投诉、举报事项（申请内容系投诉、举报或者反映问题）" in letter
    assert "要求查处" not in letter


def test_a_complaint_with_a_demand_says_so():
    letter = _review("我多次投诉该工地夜间施工噪音扰民，请你们依法查处并给我个说法。", use_model=True).to_dict()["letter"]["text"]
    assert "申请内容系要求行政机关查处、处理、追究责任或者赔偿等诉求" in letter


@pytest.mark.parametrize(("text", "quoted"), [("是谁举报了我家也请告诉我", "是谁举报了我家"),
                                              ("申请公开该项目的批复，请告知", "该项目的批复"),
                                              ("请告诉我", "请告诉我")])
def test_the_letter_quotes_the_information_without_the_closing_ask(text, quoted):
    assert subject_text(text) == quoted

