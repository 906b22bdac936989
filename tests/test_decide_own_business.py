"""A company's own matter (我公司的、对我公司作出的): its own business information is not a third party's trade secret.

The own-business cue (TRI042) only discounts the request-grounds classifier, as the own-information cue does for
privacy; a cue naming another company's business (中标人的投标文件) still counts."""

from __future__ import annotations

from test_decide_informant import _cue, _review, cues  # noqa: F401  (fixture)

from reviewer.decide.triage import rule_scores


def test_a_companys_own_project_is_not_a_third_partys_trade_secret(cues):  # noqa: F811
    own = "我公司申请公开贵局对我公司扩建项目作出的环评批复及技术评估报告。"
    hits = rule_scores(own, cues)[1]
    assert any(h.cue == _cue(cues, "own-business-information").id and "trade_secret" in h.against for h in hits)
    out = _review(own, use_model=True).to_dict()
    assert out["reply"]["code"] != "withhold.third_party"
    assert "trade_secret" not in [g["ground"] for g in out["request_grounds"] if g["named"]]
    # another company's bid stays a trade secret to consult on, whoever asks
    rival = "我司参加了某道路工程投标未中标，申请公开评标委员会的评分明细和中标人的投标文件。"
    assert _review(rival, use_model=True).to_dict()["reply"]["code"] in ("withhold.third_party", "partial")
