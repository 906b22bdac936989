"""国家秘密 is what was 依法确定 (第十四条): a classifier's reading of the request's words never drafts it.  Without
documents it stays a candidate to check after the search, with the note and the 定密 check; the request's own mention
of a marking, a 密级 or a classified kind (TRI021) still drafts it (pending)."""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.decision import decide
from reviewer.decide.ranking import request_grounds
from reviewer.decide.request import completeness, parse_request
from reviewer.decide.triage import load_cues, triage

SECRET = "withhold.state_secret"
NOTE = "第十四条只适用于依法确定为国家秘密的信息"
CHECK = "核对密级标志和定密依据"


@dataclass
class _Prediction:
    probabilities: dict
    evidence: dict


class _Secret:
    """A request-grounds stand-in that reads every request as 国家秘密 (0.9)."""

    threshold = 0.35

    def describe(self, text, k=6):
        return _Prediction({"state_secret": 0.9}, {"state_secret": [("位置", 1.0)]})

    def explain(self, text, ground, k=6):
        return [("位置", 1.0)]


def _decide(text: str):
    cues = load_cues()
    request = parse_request(text)
    request.missing = completeness(request, applicant_on_file=True)
    result = triage(request.text, cues)
    grounds = request_grounds(request.text, result, _Secret())
    return decide(request, result, [], [], cues=cues, request_grounds=grounds)


def test_a_classifier_reading_of_state_secret_is_a_candidate_not_the_draft():
    decision = _decide("申请公开市公安局交警支队设置的固定测速点位置清单及设置依据。")
    item = decision.item_decisions[0]
    assert decision.code != SECRET and item.pending
    ranked = sorted(item.scores, key=lambda c: -item.scores[c])
    assert SECRET in ranked[:3] and item.scores[SECRET] > item.scores[decision.code]
    assert any(NOTE in r for r in item.staff_reasons)
    assert any(CHECK in a for a in item.actions)


def test_a_request_that_names_a_marking_still_drafts_state_secret():
    decision = _decide("原告申请公开标有“秘密”字样的某某市2015年专项工作通知。")
    assert decision.code == SECRET
    assert not any(NOTE in r for r in decision.item_decisions[0].staff_reasons)


def test_an_ordinary_request_gets_no_state_secret_note():
    data = run_review("申请公开2023年本区老旧小区改造项目的资金使用情况。",
                      ReviewOptions(use_model=False, applicant_on_file=True)).to_dict()
    assert not any(NOTE in r for r in data["reply"]["reasons"])
    assert not any(CHECK in a for a in data["actions"])
