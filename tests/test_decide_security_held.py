"""三安全一稳定 is never drafted from the request's words alone (ogi-law.md §4.7): without documents it stays a
candidate to check after the search; a screened document that carries it still drafts it, with the harm note."""

from __future__ import annotations

from reviewer.app.pipeline import ReviewOptions, run_review

SECURITY = "withhold.security_stability"
HARM = "须书面说明哪一项安全、何种危害、为何可能发生"


def _review(text: str, docs=None, use_model: bool = False) -> dict:
    return run_review(text, ReviewOptions(use_model=use_model, applicant_on_file=True,
                                          docs=list(docs or []))).to_dict()


def _ranked(data: dict) -> list[str]:
    others = sorted(data["candidates"], key=lambda c: -float(c["probability"]))
    return [data["reply"]["code"]] + [c["code"] for c in others if c["code"] != data["reply"]["code"]]


def test_a_security_plan_asked_for_is_a_candidate_not_the_draft():
    data = _review("申请公开某某项目强拆当天的安保方案和警力部署。")
    assert data["reply"]["code"] != SECURITY
    assert data["reply"]["pending"] is True
    assert SECURITY in _ranked(data)[:3]
    p = {c["code"]: float(c["probability"]) for c in data["candidates"]}
    assert p[SECURITY] > p[data["reply"]["code"]]  # the ranking still says what the words point to
    assert any("不能仅凭申请用语认定" in r for r in data["reply"]["reasons"])
    assert any(HARM in a for a in data["actions"])
    assert "【待填写" in data["letter"]["text"] and "决定不予公开" not in data["letter"]["text"]


def test_a_pending_partial_draft_does_not_speak_of_documents_it_has_not_seen():
    data = _review("申请公开某某项目强拆当天的安保方案和警力部署。")
    if data["reply"]["code"] == "partial":
        reasons = data["reply"]["reasons"]
        assert not any("候选文件可能含有" in r for r in reasons)
        assert any("检索到文件后逐处审查" in r for r in reasons)


def test_a_request_with_no_security_signal_gets_no_security_note():
    data = _review("申请公开2023年本区老旧小区改造项目的资金使用情况。")
    assert not any("三安全一稳定" in r for r in data["reply"]["reasons"])
    assert not any(HARM in a for a in data["actions"])


def test_a_screened_security_document_still_drafts_the_withholding_with_the_harm_note(tmp_path):
    doc = tmp_path / "安保方案.txt"
    doc.write_text("某某区2023年大型活动安全保卫工作方案\n一、警力部署\n区公安分局抽调警力320名，分三个梯队部署于广场出入口。\n"
                   "二、重点部位防控\n对地下通道、变电站等要害部位实行24小时武装看守，设置卡点6处。\n"
                   "三、处突预案\n发生群体性事件时，第一梯队负责隔离，第二梯队负责疏散。\n", encoding="utf-8")
    data = _review("申请公开某某区2023年大型活动安全保卫工作方案。", [doc], use_model=True)
    assert data["reply"]["code"] == SECURITY
    assert any(HARM in a for a in data["actions"])
