"""Ranking reply outcomes from the request's own signals (reviewer.decide.ranking)."""

from __future__ import annotations

import pytest

from reviewer.decide.ranking import (
    BASE_OUTCOMES,
    GROUND_CODE,
    GROUND_SETTLES,
    RequestGround,
    cue_grounds,
    document_prior,
    named_grounds,
    rank_from_request,
    request_grounds,
)
from reviewer.decide.triage import load_cues, triage


def test_document_prior_without_grounds_is_the_base_table():
    prior = document_prior([])
    assert prior.keys() == BASE_OUTCOMES.keys()
    assert sum(prior.values()) == pytest.approx(1.0)
    assert max(prior, key=prior.get) == "unavailable.not_held"


def test_a_confident_ground_moves_the_mass_to_its_withholding_code():
    prior = document_prior({"process_info": 0.9})
    assert max(prior, key=prior.get) == "withhold.process_info"
    assert prior["withhold.process_info"] == pytest.approx(0.9 * GROUND_SETTLES * 0.75, abs=1e-6)
    assert prior["partial"] > document_prior([])["partial"]
    third = document_prior([RequestGround("trade_secret", 0.8)])
    assert max(third, key=third.get) == "withhold.third_party"


def test_a_certain_ground_does_not_settle_the_reply_alone():
    """A ground the request touches is a discretion or a procedure (第三十二条, 第十六条第二款), and the record may
    not be held: even a certain ground leaves the base outcomes a share, so the third candidate is a real
    alternative, not a code of probability zero."""
    prior = document_prior({"privacy": 1.0})
    base_partial = (1 - GROUND_SETTLES) * BASE_OUTCOMES["partial"] / sum(BASE_OUTCOMES.values())
    assert prior["withhold.third_party"] + prior["partial"] - base_partial == pytest.approx(GROUND_SETTLES, abs=1e-6)
    assert 0.0 < GROUND_SETTLES < 1.0
    ranked = sorted(prior, key=lambda c: -prior[c])
    assert ranked[:2] == ["withhold.third_party", "partial"]
    assert ranked[2] == "unavailable.not_held" and prior["unavailable.not_held"] > 0.05
    assert prior["disclose"] > 0.0


def test_rank_keeps_request_level_outcomes_and_spreads_the_ordinary_share():
    class Result:
        probabilities = {"no_action.petition": 0.6, "ordinary": 0.3, "withhold.process_info": 0.1}

    ranked = rank_from_request("", Result(), {"process_info": 0.95})
    assert list(ranked)[0] == "no_action.petition"
    assert ranked["no_action.petition"] == pytest.approx(0.6)
    assert sum(ranked.values()) == pytest.approx(1.0)
    # the cue's withholding share was folded into the ordinary share, not counted twice
    assert ranked["withhold.process_info"] == pytest.approx(0.4 * 0.95 * GROUND_SETTLES * 0.75, abs=1e-6)


def test_cues_name_grounds_from_the_request_text():
    cues = load_cues()
    result = triage("申请公开局长办公会议纪要和你局向市政府报送的请示。", cues, None)
    assert "process_info" in cue_grounds(result)
    grounds = request_grounds("申请公开局长办公会议纪要和你局向市政府报送的请示。", result, None)
    assert named_grounds(grounds) == ["process_info"]
    assert "会议纪要" in grounds[0].evidence
    trade = triage("申请公开中标人提交的投标报价明细和技术方案。", cues, None)
    assert [g.ground for g in request_grounds("申请公开中标人提交的投标报价明细和技术方案。", trade, None)] == ["trade_secret"]
    plain = triage("申请公开2024年老旧小区改造项目的招标公告。", cues, None)
    assert request_grounds("申请公开2024年老旧小区改造项目的招标公告。", plain, None) == []


def test_review_outputs_request_grounds_and_uses_them_without_documents():
    from reviewer.app.pipeline import ReviewOptions, run_review

    text = "申请公开你局2025年第3次局长办公会议纪要。获取方式：电子邮件。"
    data = run_review(text, ReviewOptions(use_model=False, applicant_on_file=True)).to_dict()
    grounds = {g["ground"]: g for g in data["request_grounds"]}
    assert grounds["process_info"]["probability"] >= 0.5 and "会议纪要" in grounds["process_info"]["evidence"]
    assert data["reply"]["code"] == "withhold.process_info"
    plain = run_review("申请公开2025年老旧小区改造项目的招标公告。获取方式：电子邮件。",
                       ReviewOptions(use_model=False, applicant_on_file=True)).to_dict()
    assert plain["request_grounds"] == []
    assert plain["reply"]["code"] != "withhold.process_info"


def test_cues_and_classifier_combine_by_noisy_or_taking_mass_from_ordinary():
    from reviewer.decide.triage import combine_evidence

    base = {"ordinary": 0.9, "no_action.petition": 0.1}
    out = combine_evidence(base, {"ordinary": 0.0, "no_action.petition": 0.5})
    assert out["no_action.petition"] == pytest.approx(1 - 0.9 * 0.5)  # noisy-OR, never below the classifier
    assert out["ordinary"] == pytest.approx(0.9 - 0.45)  # the added mass came out of "ordinary"
    assert sum(out.values()) == pytest.approx(1.0)
    # outcomes alone above 1: renormalised, ordinary at zero
    over = combine_evidence({"ordinary": 0.2, "a": 0.4, "b": 0.4}, {"a": 0.9, "b": 0.9})
    assert over["ordinary"] == 0.0 and over["a"] == pytest.approx(0.5)


def test_kind_of_information_cues_do_not_change_the_triage_outcome():
    cues = load_cues()
    result = triage("申请公开局长办公会议纪要。", cues, None)
    assert result.top == "ordinary"
    assert not set(result.probabilities) & set(GROUND_CODE.values())
    assert [h.cue for h in result.hits] == ["TRI013"] and result.hits[0].ground == "process_info"


def test_a_counter_cue_discounts_only_the_classifier_share():
    class Model:
        def describe(self, text, k=6):
            class P:
                probabilities = {"privacy": 0.9}
                evidence = {"privacy": []}
            return P()

        def explain(self, text, ground, k=6):
            return []

    cues = load_cues()
    own = triage("申请公开本人的安置协议。", cues, None)
    [g] = [g for g in request_grounds("申请公开本人的安置协议。", own, Model()) if g.ground == "privacy"]
    assert g.probability == pytest.approx(0.9 * (1 - 0.8))
    assert g.driver == "分类器" and g.against_evidence == ["本人"]
    both = triage("申请公开本人和邻居赵某某的安置协议。", cues, None)
    [g] = [g for g in request_grounds("申请公开本人和邻居赵某某的安置协议。", both, Model()) if g.ground == "privacy"]
    assert g.probability == pytest.approx(1 - (1 - 0.9 * 0.2) * (1 - 0.6))
    assert g.cues == ["TRI011"]


def test_named_codes_and_partial_are_kept_in_the_first_three():
    from reviewer.decide.ranking import keep_named_in_top_three, named_codes

    assert named_codes({"privacy": 0.6, "process_info": 0.3}) == ["withhold.third_party", "partial"]
    assert named_codes({"privacy": 0.3}) == []
    assert named_codes({"privacy": 0.4}, threshold=0.5) == []
    scores = {"no_action.petition": 0.5, "unavailable.not_held": 0.2, "disclose": 0.15,
              "withhold.third_party": 0.1, "partial": 0.05}
    kept = keep_named_in_top_three(scores, ["withhold.third_party", "partial"])
    top = sorted(kept, key=lambda c: -kept[c])[:3]
    assert top[0] == "no_action.petition"  # a leading request-level outcome is never displaced
    assert set(top[1:]) == {"withhold.third_party", "partial"}
    assert sum(kept.values()) == pytest.approx(1.0)
    assert keep_named_in_top_three(scores, []) == scores


def test_a_named_ground_puts_its_code_and_partial_in_the_top_three_of_the_prior():
    for ground in ("privacy", "process_info", "enforcement_file", "trade_secret", "internal_affairs"):
        class Result:
            probabilities = {"ordinary": 0.7, "other.consultation": 0.3}

        ranked = list(rank_from_request("", Result(), {ground: 0.5}))
        assert "partial" in ranked[:3] and any(c.startswith("withhold.") for c in ranked[:3])


def test_a_ground_is_named_at_the_threshold_of_the_model_that_scored_it():
    """The review names a request ground at the request-grounds model's own decision threshold (the one its
    grouped cross-validation is reported at), not at a second, private cut-off."""
    from reviewer.decide.ranking import REQUEST_GROUND_THRESHOLD, named_codes
    from reviewer.model.classifiers import GroundsModel

    assert REQUEST_GROUND_THRESHOLD == GroundsModel().threshold

    class Pred:
        probabilities = {"privacy": 0.42}
        evidence = {"privacy": [("补偿协议", 0.3)]}

    class Model:
        def __init__(self, threshold):
            self.threshold = threshold

        def describe(self, text, k=6):
            return Pred()

        def explain(self, text, ground, k=6):
            return []

    text = "申请公开邻居的补偿协议。"
    lenient = request_grounds(text, None, Model(0.4))
    strict = request_grounds(text, None, Model(0.45))
    assert [g.ground for g in lenient] == [g.ground for g in strict] == ["privacy"]
    assert lenient[0].named and lenient[0].to_dict()["named"] is True
    assert not strict[0].named and strict[0].to_dict()["threshold"] == 0.45
    assert named_grounds(lenient) == ["privacy"] and named_grounds(strict) == []
    assert named_codes(lenient) == ["withhold.third_party", "partial"] and named_codes(strict) == []
