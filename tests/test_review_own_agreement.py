"""The applicant's own agreement, signed or handed in by the applicant, is not a third party's information."""

from __future__ import annotations

import pytest

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.existence import search_keywords
from reviewer.decide.nature import own_matter
from reviewer.decide.request import parse_request, requested_object


def _review(text, use_model=True):
    return run_review(text, ReviewOptions(use_model=use_model, applicant_on_file=True)).to_dict()


def _named(out):
    return [g["ground"] for g in out.get("request_grounds") or [] if g.get("named")]


@pytest.mark.parametrize("text", [
    "申请公开我与某街道签订的房屋征收补偿协议",
    "请把我签的那份拆迁补偿协议给我一份",
    "原告申请公开其与被告签订的安置补偿协议。",
])
def test_an_agreement_the_applicant_signed_is_not_withheld_as_a_third_partys(text):
    out = _review(text)
    assert own_matter(text)
    assert "privacy" not in _named(out)
    assert out["reply"]["code"] == "disclose"


@pytest.mark.parametrize("text", [
    "申请公开邻居王某与某街道签订的补偿协议",
    "申请公开与我同一栋楼的其他被征收户签订的补偿协议",
])
def test_someone_elses_agreement_keeps_its_privacy_ground(text):
    assert not own_matter(text)
    out = _review(text)
    assert "privacy" in _named(out)
    assert out["reply"]["code"] != "disclose"


def test_what_was_asked_for_without_the_everyday_delivery_words():
    assert requested_object("我家的拆迁协议给我复印一份") == "我家的拆迁协议"
    item = parse_request("我家的拆迁协议给我复印一份").items[0]
    assert search_keywords(item) == ["拆迁协议"]
    item = parse_request("麻烦把我家的补偿协议发我一份，谢谢").items[0]
    assert search_keywords(item) == ["补偿协议"]


def test_a_lawyers_client_is_the_applicant_in_substance():
    text = "本所接受村民王某某的委托，申请公开：委托人王某某户的房屋评估报告及分户补偿明细"
    item = "委托人王某某户的房屋评估报告及分户补偿明细"
    assert own_matter(item)
    out = _review(text)
    assert "privacy" not in _named(out)
    assert out["reply"]["code"] == "disclose"
    # a neighbour named beside the client is still a third party
    assert not own_matter("委托人的邻居李某某户的补偿协议")
