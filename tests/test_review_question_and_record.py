"""A question or complaint and, in the same sentence, a request for a named record: two items, two answers."""

from __future__ import annotations

import pytest

from reviewer.app.pipeline import ReviewOptions, run_review


def _items(text):
    out = run_review(text, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    return [(i["code"], i["text"]) for i in out["request"]["items"]]


@pytest.mark.parametrize(("text", "record", "other"), [
    ("原告要求被告答复其房屋被拆除的法律依据是什么，并提供拆除决定书。", "拆除决定书", "other.consultation"),
    ("请说明该项目为何未经听证，同时提供项目的立项批复。", "项目的立项批复", "other.consultation"),
    ("要求依法查处某公司违法排污，并公开对该公司的处罚决定书。", "对该公司的处罚决定书", "no_action.petition"),
])
def test_a_record_added_to_a_question_or_complaint_is_an_item_of_its_own(text, record, other):
    items = _items(text)
    assert ("disclose", record) in items
    assert [code for code, _ in items].count(other) == 1


def test_records_demanded_after_an_angry_question_are_asked_for():
    items = _items("贵局凭什么拆我家房子？请把你们的拆除依据和决定书拿出来！")
    codes = [code for code, _ in items]
    assert codes.count("other.consultation") == 1 and "disclose" in codes


def test_money_brought_out_is_not_a_record():
    from reviewer.decide.leanings import DISCLOSURE_DEMAND_RE

    assert DISCLOSURE_DEMAND_RE.search("请把拆除决定书拿出来")
    assert not DISCLOSURE_DEMAND_RE.search("请把欠我们的补偿款拿出来")


def test_a_clause_without_a_named_record_is_not_split_off():
    items = _items("请说明该项目为何未经听证，并说明由谁负责。")
    assert len(items) == 1


def test_a_question_beside_the_record_is_listed_for_staff_not_lost():
    out = run_review("我家那块地到底算不算基本农田？请提供土地利用总体规划图。",
                     ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    assert [i["code"] for i in out["request"]["items"]] == ["disclose"]
    notes = [a for a in out["actions"] if "申请中还有提问" in a]
    assert notes and "“我家那块地到底算不算基本农田？”" in notes[0]
    assert "算不算基本农田" not in out["letter"]["text"]  # for staff to answer, not drafted as an item


@pytest.mark.parametrize("protest", ["这还有没有天理？", "拆了房子又不给钱，这合理吗？"])
def test_a_rhetorical_question_is_a_protest_not_a_question_for_staff(protest):
    out = run_review(f"我家的房子被拆了。{protest}请提供拆除决定书。",
                     ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    assert not [a for a in out["actions"] if "申请中还有提问" in a]


def test_no_question_no_note():
    out = run_review("申请公开某项目的批复文件。", ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    assert not [a for a in out["actions"] if "申请中还有提问" in a]


def test_a_record_added_to_work_on_the_records_is_an_item_of_its_own():
    items = _items("请统计一下我们村被征地的户数，并提供征地批复。")
    assert ("disclose", "征地批复") in items
    assert [code for code, _ in items].count("unavailable.needs_creation") == 1


def test_may_i_have_a_guide_is_a_request_and_may_you_tell_me_is_a_question():
    assert [c for c, _ in _items("能否提供一份你们局的办事指南？")] == ["disclose"]
    assert [c for c, _ in _items("能不能告诉我补偿标准是多少？")] == ["other.consultation"]
    items = _items("请问办理不动产登记需要哪些材料？请把办事指南发我一份。")
    assert sorted(c for c, _ in items) == ["disclose", "other.consultation"]


def test_questions_around_one_record_do_not_make_the_record_a_consultation():
    text = ("留言标题：低保的事\n留言内容：我妈八十多岁了一个人住，申请低保两次都没批，到底是什么原因？谁审批的？"
            "请把审批的材料给我看看。")
    out = run_review(text, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    items = out["request"]["items"]
    assert len(items) == 1 and "审批的材料" in items[0]["text"] and "原因" not in items[0]["text"]
    assert items[0]["code"] != "other.consultation"
    notes = [a for a in out["actions"] if "申请中还有提问" in a]
    assert notes and "“我妈八十多岁了一个人住，申请低保两次都没批，到底是什么原因？”" in notes[0]


def test_only_questions_stay_a_consultation():
    out = run_review("请问本村的征地补偿标准是多少？为什么比邻村低？",
                     ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    assert out["reply"]["code"] == "other.consultation"


@pytest.mark.parametrize("text, record", [
    ("我要我邻居家拆迁时签的协议，他家明明和我家一样大，凭什么比我家多拿二十万？", "邻居家拆迁时签的协议"),
    ("我要那次会议的纪要，这还有没有天理？", "会议的纪要"),
])
def test_a_question_or_protest_beside_a_record_does_not_make_the_record_a_consultation(text, record):
    out = run_review(text, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    items = out["request"]["items"]
    asked = [i for i in items if record in i["text"]]
    assert asked and asked[0]["code"] != "other.consultation" and "？" not in asked[0]["text"]
    assert "天理" not in out["letter"]["text"]  # a protest is not answered as a consultation
