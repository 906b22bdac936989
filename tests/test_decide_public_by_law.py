"""Documents the law requires to be announced (征收决定, 补偿方案, 征地公告, 规划许可证) are not a third party's.

The request-grounds classifier associates 补偿 and the pseudonym 某某 with neighbours' compensation agreements; a
request for the expropriation decision and the compensation plan of a whole area names nobody's information."""

from __future__ import annotations

from review_helpers import reviewed_with_model as _review


def _ground(out, name):
    return next((g for g in out["request_grounds"] if g["ground"] == name), None)


def test_a_decision_and_plan_for_an_area_are_not_drafted_as_a_third_partys_information():
    out = _review("原告于2021年3月向被告邮寄申请，要求公开某某棚户区改造项目的房屋征收决定及补偿方案。")
    assert out["reply"]["code"] != "withhold.third_party"
    privacy = _ground(out, "privacy")
    assert privacy is None or not privacy["named"]
    if privacy is not None and privacy["model_probability"]:
        assert privacy["against_evidence"] == ["房屋征收决定"]  # the counter-cue says why the classifier was discounted


def test_a_named_neighbours_agreement_keeps_its_privacy_ground():
    out = _review("申请公开本村2021年征地补偿安置方案和同组村民龚某某的补偿协议。")
    privacy = _ground(out, "privacy")
    assert privacy is not None and privacy["named"]
    assert "TRI011" in privacy["cues"]
