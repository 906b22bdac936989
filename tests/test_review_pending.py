"""A reply proposed before the office has searched is marked provisional (检索前暂定) in JSON, text and web."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.cli.app import app

REQUEST = "申请人：林晓，联系电话13912345678，获取方式：电子邮件。\n申请公开2019年本区老旧小区改造项目的实施方案。"
DOCUMENT = "关于印发2019年老旧小区改造项目实施方案的通知\n各街道：现将本区老旧小区改造项目实施方案印发给你们，请认真组织实施。"


def test_without_documents_the_reply_is_provisional():
    data = run_review(REQUEST, ReviewOptions(use_model=False, applicant_on_file=True)).to_dict()
    assert data["reply"]["pending"] is True
    assert data["reply"]["code"] != "unavailable.not_held"  # never 信息不存在 before a search


def test_with_the_document_in_hand_the_reply_is_not_provisional(tmp_path: Path):
    doc = tmp_path / "实施方案.txt"
    doc.write_text(DOCUMENT, encoding="utf-8")
    data = run_review(REQUEST, ReviewOptions(use_model=False, applicant_on_file=True, docs=[doc])).to_dict()
    assert data["reply"]["pending"] is False


def test_cli_text_says_provisional_only_when_it_is(tmp_path: Path):
    request = tmp_path / "申请.txt"
    request.write_text(REQUEST, encoding="utf-8")
    doc = tmp_path / "实施方案.txt"
    doc.write_text(DOCUMENT, encoding="utf-8")
    runner = CliRunner()
    bare = runner.invoke(app, ["review", str(request), "--no-model", "--applicant-on-file"])
    found = runner.invoke(app, ["review", str(request), "--no-model", "--applicant-on-file", "--doc", str(doc)])
    assert bare.exit_code in (0, 1) and found.exit_code in (0, 1), (bare.output, found.output)
    assert "建议答复类型（检索前暂定）：" in bare.output
    assert "建议答复类型：" in found.output and "检索前暂定）：" not in found.output


def test_before_a_search_the_not_held_candidate_says_it_needs_one():
    # 信息不存在 may carry the highest probability, but it is listed with the reason it cannot be the reply yet.
    data = run_review(REQUEST, ReviewOptions(use_model=False, applicant_on_file=True)).to_dict()
    notes = {c["code"]: c["note"] for c in data["candidates"]}
    assert "unavailable.not_held" in notes and "指导案例101号" in notes["unavailable.not_held"]
    assert all(note is None for code, note in notes.items() if code != "unavailable.not_held")
    searched = run_review(REQUEST, ReviewOptions(use_model=False, applicant_on_file=True,
                                                 search_record="公文系统 关键词：老旧小区改造 2019年 无结果")).to_dict()
    assert all(c["note"] is None for c in searched["candidates"])
