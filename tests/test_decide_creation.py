"""Step 有没有: 需要另行制作 (第三十八条) is not drafted from the classifier alone for a request that names an
existing record; explicit 统计/汇总/分析 wording (a needs-creation cue) still decides it on the request."""

from __future__ import annotations

import pytest
from test_decide_correction import _request  # noqa: E402 - one way to build a complete request

from reviewer.decide.decision import decide
from reviewer.decide.existence import NEEDS_CREATION, names_existing_record, settle_creation
from reviewer.decide.triage import TriageResult, load_cues, triage


def _classifier_only(p_creation: float) -> TriageResult:
    probabilities = {NEEDS_CREATION: p_creation, "ordinary": 1.0 - p_creation}
    return TriageResult(probabilities=probabilities, rule_scores={}, classifier=dict(probabilities))


@pytest.mark.parametrize("text", [
    "申请公开2016年示例村征地补偿款发放明细。",
    "要求公开2018年全县低保对象名单。",
    "申请公开示例区2020年财政收支审计报告。",
])
def test_a_named_record_is_searched_not_refused_as_needing_creation(text):
    assert names_existing_record(text)
    decision = decide(_request(text), _classifier_only(0.7), [], [])
    assert decision.code != NEEDS_CREATION
    assert all(code != NEEDS_CREATION for code in decision.item_codes)
    assert any("第三十八条" in r and "先按一般申请检索" in r for r in decision.reasons)
    # the share went to the ordinary request: 需加工 is no longer a candidate ahead of the others
    assert dict(decision.candidates).get(NEEDS_CREATION, 0.0) < 0.05


@pytest.mark.parametrize("text", [
    "请把示例村2017年征地时每户被征的亩数和青苗费折算成一张对比表。",
    "请用一张表把县里2017年各乡镇人均可支配收入排出来。",
    "请汇总本市各区养老金平均水平并形成对比分析报告。",
])
def test_a_record_to_be_made_is_not_an_existing_record(text):
    # 表/报告 named as what the office should produce: the classifier's 需加工 leaning stands
    settled, note = settle_creation(_classifier_only(0.7), text)
    assert settled.probabilities[NEEDS_CREATION] == pytest.approx(0.7) and note is None


def test_without_a_named_record_the_classifiers_leaning_stands():
    text = "请告诉我各村分到的补偿款一共有多少。"
    assert not names_existing_record(text)
    settled, note = settle_creation(_classifier_only(0.7), text)
    assert settled.probabilities[NEEDS_CREATION] == pytest.approx(0.7)
    assert note is None


@pytest.mark.parametrize("text", [
    "请统计近五年全市征地拆迁户的总数及补偿总额，并列出明细表。",
    "申请公开2019年至2024年全镇征地补偿款的流向和去向明细。",
])
def test_explicit_compilation_wording_keeps_needs_creation(text):
    result = triage(text, load_cues(), None)
    assert any(h.outcome == NEEDS_CREATION for h in result.hits)
    settled, note = settle_creation(result, text)
    assert settled.probabilities == result.probabilities and note is None
    assert decide(_request(text), result, [], []).code == NEEDS_CREATION


def test_a_small_leaning_is_folded_silently():
    text = "申请公开2016年示例村征地补偿款发放明细。"
    settled, note = settle_creation(_classifier_only(0.1), text)
    assert NEEDS_CREATION not in settled.probabilities
    assert settled.probabilities["ordinary"] == pytest.approx(1.0)
    assert note is None
