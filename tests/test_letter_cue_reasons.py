"""A not-government-information reply states why, from the cue that decided it, and tells staff what to verify."""

from __future__ import annotations

import pytest

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.triage import load_cues
from reviewer.detect.registry import check_cue_file


def _review(text):
    return run_review(text, ReviewOptions(use_model=False, applicant_on_file=True))


@pytest.mark.parametrize(("text", "cue", "words"), [
    ("申请公开某某村股份经济合作社2021年度的财务收支明细和分红方案。", "TRI025", "农村集体经济组织"),
    ("请公开某区人民法院对我案作出的判决书和庭审笔录。", "TRI024", "人民法院"),
    ("请公开业委会2020年的收支账目。", "TRI043", "业主委员会"),
    ("申请公开某市城投集团（国有独资）2019年的内部薪酬分配方案和董事会决议。", "TRI047", "企业"),
    ("申请公开农村信用社对我家的贷款审批表。", "TRI047", "企业"),
    # one reason per cue: 村务 reads as TRI025, criminal justice as TRI007, 纪委/监委 as TRI048
    ("申请公开某某村2020年的村务收支账目。", "TRI025", "村（居）民委员会"),
    ("申请公开公安局对我丈夫刑事立案侦查的卷宗。", "TRI007", "刑事司法"),
    ("申请公开市纪委对原副局长王某某的立案调查材料。", "TRI048", "纪检监察机关"),
])
def test_the_letter_says_why_it_is_not_government_information(text, cue, words):
    outcome = _review(text)
    data = outcome.to_dict()
    assert data["reply"]["code"] == "other.not_gov_info"
    letter = "\n".join(outcome.letter.paragraphs)
    assert "【待填写：具体理由】" not in letter
    reason = next(c.letter_reason for c in load_cues() if c.code == cue)
    assert f"”{reason}，不属于《中华人民共和国政府信息公开条例》第二条所称的政府信息" in letter
    assert words in reason
    staff = " ".join(data["reply"]["reasons"])
    assert cue in staff and "请核实本机关没有在履行行政管理职能中制作或者获取该信息" in staff


def test_without_a_cue_that_states_a_reason_the_letter_leaves_it_to_staff():
    # TRI027 (exam papers) carries no letter reason: practice differs, staff state it
    outcome = run_review("申请公开2022年全省公务员录用考试申论试卷和参考答案。",
                         ReviewOptions(use_model=True, applicant_on_file=True))
    assert outcome.to_dict()["reply"]["code"] == "other.not_gov_info"
    assert "【待填写：具体理由】" in "\n".join(outcome.letter.paragraphs)


def test_a_letter_reason_must_be_a_sentence(tmp_path):
    bad = tmp_path / "triage.yaml"
    bad.write_text("""cues:
  - code: TRI900
    name: test-cue
    outcome: other.not_gov_info
    keywords: [村务]
    weight: 0.5
    letter_reason: [not, a, sentence]
    message: 测试。
    doc: 测试。
    examples: {match: [村务公开], no_match: [政务公开]}
""", encoding="utf-8")
    cues, problems = check_cue_file(bad)
    assert not cues and any(p.field == "letter_reason" for p in problems)
