"""An information "item" that names nothing ("遂申请公开相关信息，要求…给个说法"): the 相关信息 is the complaint's own
matter, so the sentence is one complaint, not an information item with a search for "相关信息" plus a complaint."""

from __future__ import annotations

import pytest

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.description import is_placeholder


@pytest.mark.parametrize("text", ["申请公开有关材料", "原告多次反映未果，遂申请公开相关信息", "申请公开上述全部资料",
                                  "我申请公开此事的相关材料和证据"])
def test_hedges_and_generic_nouns_alone_are_a_placeholder(text):
    assert is_placeholder(text)


@pytest.mark.parametrize("text", ["申请公开该项目的规划许可证", "申请公开拆迁的相关信息", "申请公开实施方案",
                                  "申请公开某村修路资金的使用情况"])
def test_anything_named_is_not_a_placeholder(text):
    assert not is_placeholder(text)


def _review(text):
    return run_review(text, ReviewOptions(use_model=False, applicant_on_file=True))


def test_a_placeholder_request_with_a_demand_is_one_complaint():
    outcome = _review("原告诉称，其多次向被告反映问题未果，遂申请公开相关信息，要求被告对某公司违法占地行为进行查处。")
    assert outcome.decision.code == "no_action.petition"
    assert [d.code for d in outcome.decision.item_decisions] == ["no_action.petition"]


def test_a_named_record_beside_a_demand_is_still_answered_as_information():
    outcome = _review("申请公开对该违建的立案查处决定书，并要求被告对该违法占地行为进行查处。")
    codes = [d.code for d in outcome.decision.item_decisions]
    assert len(codes) == 2 and codes[-1] == "no_action.petition" and codes[0] != "no_action.petition"
