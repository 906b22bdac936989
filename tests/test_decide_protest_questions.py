"""A protest phrased as a question ("你们是不是以为老百姓好糊弄？") asks nothing for staff to answer, and a demand to bring
records out ("把…都给我拿出来") is a request for them: the item is read as the request it is, not as a 咨询."""

from __future__ import annotations

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.leanings import asks_for_named_record
from reviewer.decide.mixed import is_rhetorical
from reviewer.decide.triage import load_cues, triage


def test_protests_are_rhetorical_and_questions_are_not():
    assert is_rhetorical("你们是不是以为老百姓好糊弄？")
    assert is_rhetorical("是不是当我们是傻子？")
    assert not is_rhetorical("凭什么他家的补偿比我家多？")
    assert not is_rhetorical("是不是经过了审批？")


def test_the_consultation_cue_does_not_read_a_protest():
    hits = triage("你们是不是以为老百姓好糊弄？", load_cues(), None).hits
    assert not any(h.outcome == "other.consultation" and "是不是" in h.text for h in hits)
    hits = triage("这个项目是不是经过了环评审批？", load_cues(), None).hits
    assert any(h.outcome == "other.consultation" for h in hits)


def test_bringing_named_records_out_is_a_demand_for_them():
    assert asks_for_named_record("把侯某某家的评估报告、补偿协议、装修补偿认定都给我拿出来")
    assert asks_for_named_record("请把你们的拆除依据和决定书拿出来！")
    assert not asks_for_named_record("把补偿款给我发下来")


def test_an_angry_request_for_a_neighbours_records_is_not_a_consultation():
    text = ("你们是不是以为老百姓好糊弄？同一排房子，凭什么他家拿了六十万我家才三十万！！我今天正式申请，"
            "把邻居吕某某家的评估报告、补偿协议都给我拿出来，一样一样对！")
    data = run_review(text, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    assert data["reply"]["code"] != "other.consultation"
    assert data["reply"]["code"] in ("withhold.third_party", "partial")
