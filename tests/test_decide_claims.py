"""A restatement's claims to the court or review body (诉讼请求、复议请求) are not the request to the office."""

from __future__ import annotations

import pytest

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.request import parse_request
from reviewer.decide.restatement import without_claims

RESTATED = ("原告于2018年5月向被告提交《政府信息公开申请表》，申请公开某地块的土地征收批复文件。被告逾期未答复。"
            "原告诉讼请求：1.确认被告未答复行为违法；2.责令被告限期答复。")
REVIEWED = ("申请人请求：撤销被申请人作出的政府信息公开申请答复书，责令被申请人重新作出答复。"
            "申请人称，其向被申请人申请公开某小区规划许可证及附图。")


@pytest.mark.parametrize("text, kept", [
    (RESTATED, "土地征收批复文件"),
    (REVIEWED, "规划许可证及附图"),
])
def test_claims_are_neither_items_nor_read_by_the_triage(text, kept):
    items = [i.text for i in parse_request(text).items]
    assert len(items) == 1 and kept in items[0]
    assert not any(word in items[0] for word in ("确认被告", "撤销", "责令"))
    data = run_review(text, ReviewOptions(use_model=False, applicant_on_file=True)).to_dict()
    assert data["reply"]["code"] not in ("no_action.confirm", "no_action.petition", "other.consultation")
    assert data["triage"]["top"] == "ordinary"


def test_a_demand_to_act_on_a_third_party_is_not_a_claim():
    text = "申请人要求责令开发商退还多收的公摊面积款。"
    assert without_claims(text) == text
    data = run_review(text, ReviewOptions(use_model=False, applicant_on_file=True)).to_dict()
    assert data["reply"]["code"] == "no_action.petition"


def test_a_text_made_only_of_claims_is_kept_whole():
    text = "上诉人请求撤销一审判决，改判被上诉人公开其申请的某路段改造工程的招标文件。"
    assert without_claims(text) == text


def test_a_bare_claims_list_is_a_claim_but_an_applicants_own_demand_is_read():
    from reviewer.decide.restatement import CLAIM_RE, without_claims

    assert CLAIM_RE.search("请求：1.撤销被告作出的答复；2.判令被告重新作出答复。")
    kept = without_claims("申请公开处罚依据。要求：撤销该处罚决定。")
    assert "撤销该处罚决定" in kept  # an applicant's demand: the triage reads it
