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


def test_a_lawyers_client_company_is_the_applicant_in_substance():
    from reviewer.app.pipeline import ReviewOptions, run_review

    own = run_review("本所受托申请公开委托人某某科技有限公司提交的环评申报材料",
                     ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    other = run_review("申请公开某某公司提交的环评申报材料", ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    named = lambda out: [g["ground"] for g in out.get("request_grounds") or [] if g.get("named")]  # noqa: E731
    assert "trade_secret" not in named(own) and own["reply"]["code"] == "disclose"
    assert "trade_secret" in named(other) and other["reply"]["code"] != "disclose"
