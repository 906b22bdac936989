"""The request-level outcome a review adopts, and why it differs from the triage's when a decision rule
(补正 needs a named missing element, 第三十条) sets the triage's leaning aside."""

from __future__ import annotations

import pytest

from reviewer.app.pipeline import ReviewOptions, adopted_request_outcome, run_review
from reviewer.decide.decision import decide
from reviewer.decide.request import completeness, parse_request
from reviewer.decide.triage import TriageResult

COMPLETE = "申请人：林晓，联系电话13912345678，获取方式：电子邮件。\n申请公开2019年城区道路维修工程的招标文件。"


@pytest.mark.parametrize("code, label", [
    ("disclose", "ordinary"), ("unavailable.not_held", "ordinary"), ("withhold.process_info", "ordinary"),
    ("no_action.petition", "no_action.petition"), ("other.correction", "other.correction"),
    ("unavailable.unclear", "other.correction"), ("other.special_procedure", "other.special_procedure"),
])
def test_adopted_outcome_is_read_off_the_reply_code(code, label):
    assert adopted_request_outcome(code) == label


def test_a_correction_leaning_without_a_missing_element_is_set_aside_and_explained():
    leaning = TriageResult(probabilities={"other.correction": 0.6, "ordinary": 0.4}, rule_scores={},
                           classifier={"other.correction": 0.6, "ordinary": 0.4})
    request = parse_request(COMPLETE)
    request.missing = completeness(request, applicant_on_file=True)  # identity captured by the online form
    assert not request.missing
    decision = decide(request, leaning, [], [])
    assert decision.code != "other.correction"
    assert any("第三十条" in r and "未采用" in r for r in decision.reasons)


def test_review_json_carries_the_adopted_outcome():
    data = run_review(COMPLETE, ReviewOptions(use_model=False, applicant_on_file=True)).to_dict()
    assert data["triage"]["adopted"] == adopted_request_outcome(data["reply"]["code"])
    petition = run_review("我实名举报某村干部侵占补偿款，要求依法查处并追究其责任，给个说法。",
                          ReviewOptions(use_model=False, applicant_on_file=True)).to_dict()
    assert petition["triage"]["adopted"] == "no_action.petition"


class _ItemModel:
    """A stand-in triage classifier: "consultation" for one item's wording (no cue fires on it), else ordinary."""

    classes_ = ["ordinary", "other.consultation"]

    def predict_proba(self, texts):
        return [[0.1, 0.9] if "补助标准" in t else [0.95, 0.05] for t in texts]


def test_each_item_of_a_list_is_read_by_the_classifier_on_its_own_text():
    text = "申请公开：1、2019年本区老旧小区改造项目实施方案；2、示例街道困难家庭补助标准。"
    request = parse_request(text)
    request.missing = completeness(request, applicant_on_file=True)
    whole = TriageResult(probabilities={"ordinary": 0.8, "other.consultation": 0.2}, rule_scores={},
                         classifier={"ordinary": 0.8, "other.consultation": 0.2})
    without = [d.code for d in decide(request, whole, [], []).item_decisions]
    assert "other.consultation" not in without  # the cues alone do not see it
    codes = [d.code for d in decide(request, whole, [], [], triage_model=_ItemModel()).item_decisions]
    assert codes[1] == "other.consultation" and codes[0] != "other.consultation"


@pytest.mark.parametrize("p_request, expected_request_level", [(0.35, False), (0.7, True)])
def test_is_it_an_ordinary_request_is_decided_before_which_answer(p_request, expected_request_level):
    # 是不是 before 有没有/给不给: a request-level outcome is chosen only when it is more probable than the whole
    # ordinary share, not merely more probable than one of the answers the ordinary share is split into.
    probabilities = {"ordinary": 1.0 - p_request, "unavailable.needs_creation": p_request}
    leaning = TriageResult(probabilities=probabilities, rule_scores={}, classifier=dict(probabilities))
    # names no existing record: a named record is searched first whatever the leaning (tests/test_decide_creation.py)
    request = parse_request("请告诉我2019年城区道路维修一共花了多少钱。")
    request.missing = completeness(request, applicant_on_file=True)
    decision = decide(request, leaning, [], [])
    scores = dict(decision.candidates)
    if expected_request_level:
        assert decision.code == "unavailable.needs_creation"
    else:
        assert decision.code != "unavailable.needs_creation"
        assert scores["unavailable.needs_creation"] > scores[decision.code]  # listed higher, yet set aside …
        assert any("先按一般申请检索答复" in r for r in decision.reasons)  # … and the officer is told why


def test_a_question_after_the_information_asked_for_is_split_off_and_answered_as_a_consultation():
    text = "申请公开2023年本区老旧小区改造项目实施方案，另外想问一下我家小区为什么没有被列入改造名单？"
    outcome = run_review(text, ReviewOptions(use_model=False, applicant_on_file=True))
    data = outcome.to_dict()
    assert data["reply"]["code"] != "other.consultation"  # the information part is answered
    codes = [d.code for d in outcome.decision.item_decisions]
    assert codes[1] == "other.consultation" and codes[0] != "other.consultation"
    letter = data["letter"]["text"]
    assert "申请获取“2023年本区老旧小区改造项目实施方案”，并在申请中提出了其他诉求" in letter
    assert "想问一下我家小区为什么没有被列入改造名单" in letter  # the question gets its own answer


def test_a_question_alone_is_not_split():
    from reviewer.decide.mixed import split_question_tail
    from reviewer.decide.triage import load_cues

    assert split_question_tail("请问我家房屋被认定为违法建筑是否合法？", load_cues()) is None
    assert split_question_tail("申请公开认定我家房屋为违法建筑的依据是什么文件", load_cues()) is None


def test_splitting_a_question_off_is_only_tried_on_a_sentence_not_a_long_paste():
    # Each split point reads the rest of the text again: a pasted letter is left to the sentence-level
    # complaint parts instead of quadratic work.
    from reviewer.decide.mixed import MAX_MIXED_CHARS, split_question_tail
    from reviewer.decide.triage import load_cues

    cues = load_cues()
    long_text = "申请公开示例工程的批复文件，" + "为什么要这样批，" * 20000
    assert len(long_text) > MAX_MIXED_CHARS and split_question_tail(long_text, cues) is None
    head, tail, nature = split_question_tail("申请公开示例工程的批复文件，" + "为什么要这样批，" * 60, cues)
    assert head == "申请公开示例工程的批复文件" and nature == "other.consultation"
