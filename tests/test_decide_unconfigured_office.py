"""An office that has not run ``reviewer init`` reviews its own documents with the bundled example profile.

The example profile's office (示例市自然资源和规划局) is fictional: it can tell its own fictional city's organs
apart (the demo drafts a 示例市住房和城乡建设局 record as 非本机关负责公开), but a real office's own documents must not
be drafted as another organ's."""

from __future__ import annotations

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.organ import same_place
from reviewer.decide.profile import example_profile_path

OWN_DOC = """江城市东湖区住房和城乡建设局
关于2024年老旧小区改造项目计划的通知
各街道：
现将2024年老旧小区改造项目计划印发给你们，请认真组织实施。
江城市东湖区住房和城乡建设局
2024年3月1日
"""
DEMO_CITY_DOC = OWN_DOC.replace("江城市东湖区", "示例市")


def _review(tmp_path, doc_text):
    doc = tmp_path / "计划.txt"
    doc.write_text(doc_text, encoding="utf-8")
    options = ReviewOptions(use_model=False, applicant_on_file=True, docs=[doc], profile=example_profile_path())
    return run_review("申请公开2024年老旧小区改造项目计划。", options).to_dict()


def test_same_place():
    assert same_place("示例市住房和城乡建设局", "示例市自然资源和规划局")
    assert not same_place("江城市东湖区住房和城乡建设局", "示例市自然资源和规划局")
    assert not same_place(None, "示例市自然资源和规划局")


def test_a_real_offices_document_is_not_drafted_as_another_organs_without_a_profile(tmp_path):
    out = _review(tmp_path, OWN_DOC)
    assert out["reply"]["code"] == "disclose"
    reasons = "\n".join(out["reply"]["reasons"])
    assert "候选文件表明所申请信息由江城市东湖区住房和城乡建设局制作或保存" in reasons and "reviewer init" in reasons
    assert "unavailable.other_agency" in [c["code"] for c in out["candidates"]]  # still listed, to check


def test_the_example_citys_other_organ_is_still_another_organ(tmp_path):
    out = _review(tmp_path, DEMO_CITY_DOC)
    assert out["reply"]["code"] == "unavailable.other_agency"
