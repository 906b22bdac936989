"""A 密级 marking whose 保密期限 may have run out (保守国家秘密法: 保密期限已满的，自行解密): the period is counted from the
latest date in the text and may have been extended, so a release waits for the 定密机关 — the draft asserts no outcome
and no copy is made."""

from __future__ import annotations

import datetime as dt

from typer.testing import CliRunner

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.app.pipeline import write_redacted as write_review_copies

ASKED = "申请公开县政府1998年度征兵工作的通知。"
LAPSED = "秘密★5年\n某县人民政府关于1998年度征兵工作的通知\n各乡镇：现将征兵工作安排通知如下。\n1998年10月5日\n"
IN_FORCE = "机密★10年\n某县人民政府关于重点目标防护工作的通知\n各乡镇：现将防护部署通知如下。\n2024年3月1日\n"


def _doc(tmp_path, text):
    path = tmp_path / "通知.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _review(doc):
    return run_review(ASKED, ReviewOptions(docs=[doc], use_model=False, applicant_on_file=True,
                                          received=dt.date(2026, 11, 20), today=dt.date(2026, 11, 23)))


def test_a_lapsed_marking_holds_the_release_for_the_classifying_organ(tmp_path):
    outcome = _review(_doc(tmp_path, LAPSED))
    data = outcome.to_dict()
    assert data["reply"]["pending"] and data["reply"]["holds"] == ["declassification"]
    letter = data["letter"]["text"]
    assert "经原定密机关确认解密后对本项的答复意见" in letter
    assert "予以公开" not in letter.split("如对本答复不服")[0]  # no outcome asserted to the applicant
    assert any("定密机关" in a for a in data["actions"])
    written = write_review_copies(outcome, tmp_path / "out")
    assert not [p for p in written if p.name.endswith(".redacted.txt")]  # nothing to hand out yet
    # the candidates are not told "search first": the document was found
    assert not any(c["note"] for c in data["candidates"])


def test_a_marking_in_force_is_withheld_under_article_14(tmp_path):
    outcome = _review(_doc(tmp_path, IN_FORCE))
    assert outcome.decision.code == "withhold.state_secret"
    assert not outcome.to_dict()["reply"]["holds"]


def test_the_cli_says_what_the_draft_waits_for(tmp_path):
    from reviewer.cli.app import app

    doc = _doc(tmp_path, LAPSED)
    request = tmp_path / "申请.txt"
    request.write_text(ASKED, encoding="utf-8")
    result = CliRunner().invoke(app, ["review", str(request), "--no-model", "--applicant-on-file", "--doc", str(doc)])
    assert result.exit_code == 0, result.output
    assert "建议答复类型（待确认解密，暂定）" in result.output
