"""A threat on a condition ("如果你们不公开，我就去上访") is neither a request nor a complaint to answer."""

from __future__ import annotations

import pytest

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.request import is_threat, without_threats


@pytest.mark.parametrize("text", ["如果你们不公开，我就去上访", "否则我将向上级部门投诉。", "要是再不给，我就去市里信访",
                                  "假如逾期不答复，本人将依法提起行政诉讼"])
def test_conditional_threats_are_recognised(text):
    assert is_threat(text)


@pytest.mark.parametrize("text", ["如有，请公开处罚决定书", "如果有相关文件，请一并提供", "请依法查处某公司违法排污",
                                  "我要投诉某某所长滥用职权"])
def test_conditions_that_ask_and_plain_complaints_are_not_threats(text):
    assert not is_threat(text)


@pytest.mark.parametrize("text", ["申请公开2020年某村征地补偿方案。如果你们不公开，我就去上访。",
                                  "申请公开2020年某村征地补偿方案，否则我将向上级部门投诉。"])
def test_a_threat_is_not_an_item_and_does_not_make_the_request_a_petition(text):
    data = run_review(text, ReviewOptions(use_model=False, applicant_on_file=True)).to_dict()
    items = [i["text"] for i in data["request"]["items"]]
    assert len(items) == 1 and "上访" not in items[0] and "投诉" not in items[0]
    assert data["triage"]["top"] == "ordinary"
    assert data["reply"]["code"] != "no_action.petition"
    assert "信访" not in data["letter"]["text"]


def test_a_complaint_with_a_threat_stays_a_complaint():
    data = run_review("请你们查处某公司违法排污。如果不处理，我就去省里上访。",
                      ReviewOptions(use_model=False, applicant_on_file=True)).to_dict()
    assert data["reply"]["code"] == "no_action.petition"
    assert without_threats("请你们查处某公司违法排污。如果不处理，我就去省里上访。") == "请你们查处某公司违法排污。"
    assert without_threats("申请公开补偿方案，否则我将向上级部门投诉。") == "申请公开补偿方案"
