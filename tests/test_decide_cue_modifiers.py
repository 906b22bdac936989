"""A record kind named inside the modifier of another record ("《…的请示》的批复") is not the record asked for."""

from __future__ import annotations

import pytest

from reviewer.decide.triage import load_cues, triage


@pytest.fixture(scope="module")
def cues():
    return load_cues()


def _grounds(text, cues):
    return {h.ground for h in triage(text, cues, None).hits if h.ground}


@pytest.mark.parametrize("text", [
    "申请公开省政府《关于某县2015年度第三批次城镇建设用地的请示》的批复",
    "申请公开根据会议纪要精神印发的补偿标准文件",
    "申请公开落实市长办公会议纪要的工作方案",
])
def test_a_kind_that_qualifies_another_record_names_no_ground(cues, text):
    assert "process_info" not in _grounds(text, cues)


@pytest.mark.parametrize("text, ground", [
    ("申请公开2017年区长办公会的会议纪要", "process_info"),
    ("申请公开区政府向市政府报送的请示及市政府的批复", "process_info"),  # two records: the 请示 is asked for
    ("申请公开镇政府就补偿标准向县政府请示的全部文件", "process_info"),  # "请示的全部文件" is the 请示 itself
    ("申请公开对我作出处罚决定所依据的询问笔录", "enforcement_file"),  # the 笔录 is the head
    ("申请公开局领导班子工作分工的通知", "internal_affairs"),  # a subject-matter ground flows through to the head
])
def test_the_kind_asked_for_still_names_its_ground(cues, text, ground):
    assert ground in _grounds(text, cues)


def _outcomes(text, cues):
    return {h.outcome for h in triage(text, cues, None).hits}


def test_what_a_publication_is_based_on_is_not_the_publication(cues):
    assert "no_action.publication" not in _outcomes("申请公开2023年某某市统计年鉴中的人口数据所依据的统计报表。", cues)
    assert "no_action.publication" in _outcomes("请提供2023年《某某市统计年鉴》一本。", cues)
    assert "no_action.publication" in _outcomes("申请公开市政府公报2019年第6期刊登的批复。", cues)
