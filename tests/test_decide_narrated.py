"""Steps 谁负责 and 有没有 told by a restatement (round 2, session 18): a write-up or decision that says the organ searched
and found nothing drafts 信息不存在 with a note to staff and the letter's search section left for the office's own
search; one that says another organ made the record drafts 非本机关负责公开.  A letter written to the organ that quotes
an earlier reply is never read this way.  Fictional names and places."""

from __future__ import annotations

import pytest

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.narrated import narrated_maker, narrated_search

SEARCHED = ("家长薛某于2023年10月向某区教育局申请公开“2019年对某小学教学楼所作的房屋安全鉴定报告”。区教育局检索了本局2018—2020年"
            "基建档案、校舍安全排查台账，并书面询问该校，均无相关记录；该教学楼2019年排查结论为“无需鉴定”，当年未委托任何鉴定机构。")
MADE_ELSEWHERE = ("2022年4月，沿河村民向某县生态环境局申请公开“某河某段河道采砂许可证及采砂范围图”。县生态环境局检索本局行政许可档案和"
                  "执法系统，均无相关许可；依照本县部门职责分工，河道采砂许可由县水利局审批发放。")


def _review(text: str) -> dict:
    return run_review(text, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()


def test_a_told_search_that_found_nothing_drafts_not_held_with_a_note_and_no_borrowed_search_record():
    assert narrated_search(SEARCHED)
    data = _review(SEARCHED)
    assert data["reply"]["code"] == "unavailable.not_held"
    assert any("不是本机关的检索记录" in r for r in data["reply"]["reasons"])
    letter = data["letter"]["text"]
    assert "信息不存在" in letter
    assert "基建档案" not in letter  # the letter's search section is the office's to fill in
    assert "【待填写：检索关键词】" in letter


def test_a_told_maker_drafts_other_agency():
    assert narrated_maker(MADE_ELSEWHERE, "某县生态环境局") == "县水利局"
    data = _review(MADE_ELSEWHERE)
    assert data["reply"]["code"] == "unavailable.other_agency"
    assert any("县水利局" in r for r in data["reply"]["reasons"])


@pytest.mark.parametrize("text", [
    "某区教育局：贵局去年答复称经检索未找到该鉴定报告，但我听说做过鉴定，现再次申请公开2019年对某小学教学楼的房屋安全鉴定报告。",
    "原告申请公开某批复。被告称经检索未找到，本院认为被告未尽合理检索义务，应当重新答复。",
    "申请公开某小区2023年物业服务合同备案材料。",
])
def test_no_told_search_in_a_letter_to_the_organ_or_a_faulted_search(text):
    assert narrated_search(text) is None


def test_a_told_maker_needs_the_organ_to_say_it_does_not_hold_it():
    assert narrated_maker("申请公开由县水利局审批发放的河道采砂许可证。") is None
    assert narrated_maker("申请人称该许可由县水利局审批发放，县生态环境局检索后未获取该许可。", "县水利局") is None
