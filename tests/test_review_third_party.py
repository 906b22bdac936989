"""The third party's answer to the written consultation (第三十二条) in a review: before it, a request for a
third party's information is not refused; with it, the reply says what the consultation gave."""

from __future__ import annotations

import pytest
from test_review import docs, request, review  # noqa: F401  (fixture)
from typer.testing import CliRunner

ASKED = "申请公开石桥镇征收补偿款发放明细。"


def _letter(outcome) -> str:
    return outcome.to_dict()["letter"]["text"]


def test_redacted_release_becomes_full_release_when_the_third_party_agrees(docs):  # noqa: F811
    before = review(request(ASKED), docs["privacy"])
    assert before.decision.code == "partial"
    assert any("征求第三方意见" in letter.title for letter in before.letters[1:])  # a 征求意见函 is drafted
    agreed = review(request(ASKED), docs["privacy"], third_party="agree")
    assert agreed.decision.code == "disclose"
    assert any("书面同意公开" in r for r in agreed.decision.reasons)
    assert "第三十二条" in _letter(agreed)
    assert len(agreed.letters) == 1  # the consultation is done: no second 征求意见书


@pytest.mark.parametrize("opinion, note", [("object", "理由是否合理"), ("none", "不视为同意")])
def test_objection_or_silence_keeps_the_separable_release_and_says_what_to_check(docs, opinion, note):  # noqa: F811
    outcome = review(request(ASKED), docs["privacy"], third_party=opinion)
    assert outcome.decision.code == "partial"  # 第三十七条: what can be separated is still provided
    assert any(note in r for r in outcome.decision.reasons)


def test_cli_rejects_an_unknown_opinion_in_chinese(tmp_path):
    from reviewer.cli.app import app

    path = tmp_path / "申请.txt"
    path.write_text(request(ASKED), encoding="utf-8")
    result = CliRunner().invoke(app, ["review", str(path), "--no-model", "--third-party", "maybe"])
    assert result.exit_code == 2
    assert "--third-party 只能是" in result.output


def test_the_consultation_letter_quotes_the_information_not_the_request_verb(docs):  # noqa: F811
    outcome = review(request("申请公开：" + ASKED.removeprefix("申请公开")), docs["privacy"])
    consultation = next(letter for letter in outcome.letters if "征求第三方意见" in letter.title)
    opening = consultation.paragraphs[0]
    assert "申请获取“石桥镇征收补偿款发放明细”" in opening
    assert "“申请公开" not in "".join(consultation.paragraphs)


def test_a_partial_release_with_no_sure_span_asks_staff_to_mark_it_and_cites_article_15(tmp_path):
    bid = tmp_path / "投标文件.txt"
    bid.write_text("某建设工程有限公司投标文件\n投标报价明细：土方工程单价每立方米23.5元，利润率6%。\n技术方案：采用自有专利工艺。\n",
                   encoding="utf-8")
    outcome = review(request("申请公开中标单位某建设工程有限公司的投标文件。"), bid)
    assert outcome.decision.code == "partial"  # 投标报价/利润率: review-level trade-secret cues, no sure span
    reasons = outcome.decision.reasons
    assert not any("共 0 处需遮盖" in r for r in reasons)
    assert any("没有可以确定遮盖的具体位置" in r for r in reasons)
    assert "第十五条" in outcome.to_dict()["reply"]["citations"]
