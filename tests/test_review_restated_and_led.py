"""What the triage reads of a court's or review body's restatement, and lists governed by their lead-in.

A restatement frames the request ("经审理查明：2021年8月2日，原告向被告某局提交申请表，申请公开“…”") and goes on with
what happened next ("被告于同年9月作出答复。原告不服，提起诉讼"). Neither says what was asked, and what the office
answered is not evidence for the answer the reviewer drafts.  A list's lead-in ("现就以下事项向贵局征询：",
"请求贵局依法查处以下问题：") governs the items after it that have no verb of their own."""

from __future__ import annotations

import pytest

from reviewer.app.pipeline import ReviewOptions, request_body, run_review
from reviewer.decide.existence import search_keywords
from reviewer.decide.request import parse_request, requested_object
from reviewer.decide.restatement import without_proceedings, without_restated_frame

LEDGER = "某县某镇某村1983年土地承包时的原始登记台账"
RESTATED = (f"经审理查明：2021年8月2日，原告向被告某市自然资源局提交政府信息公开申请表，申请公开“{LEDGER}”。"
            "被告于同年9月作出答复。原告不服，提起诉讼。")


def _review(text, use_model=False):
    return run_review(text, ReviewOptions(use_model=use_model, applicant_on_file=True)).to_dict()


def test_the_triage_reads_what_was_asked_not_the_frame_or_the_proceedings():
    assert request_body(RESTATED) == f"申请公开“{LEDGER}”。"


@pytest.mark.parametrize("sentence", ["被告于同年9月作出答复。", "原告不服，提起诉讼。", "原告遂诉至本院。",
                                      "被告认为该申请需要对现有信息进行加工、分析，遂作出告知。",
                                      "申请人不服，申请行政复议。"])
def test_proceedings_are_dropped(sentence):
    text = "申请人申请公开某项目的批复文件。" + sentence
    assert without_proceedings(text) == "申请人申请公开某项目的批复文件。"


def test_a_sentence_in_the_agencys_voice_that_carries_the_request_is_kept():
    text = "被申请人于2023年3月收到申请人提交的申请，申请公开某项目的批复文件。被申请人逾期未答复。"
    assert without_proceedings(text) == "被申请人于2023年3月收到申请人提交的申请，申请公开某项目的批复文件。"


def test_nothing_is_dropped_when_nothing_asking_would_be_left():
    text = "被告于同年9月作出答复。原告不服，提起诉讼。"
    assert without_proceedings(text) == text


def test_the_frame_goes_only_before_a_request_verb_after_the_parties():
    assert without_restated_frame("原告向被告申请公开某路段的规划许可证。") == "申请公开某路段的规划许可证。"
    # no party named: the applicant's own words are kept as they are
    own = "我向你局申请公开某路段的规划许可证。"
    assert without_restated_frame(own) == own
    # a complaint framed as a restatement has no request verb: nothing is taken off
    complaint = "原告向被告提交申请，要求对某房地产公司延期交房一事进行查处。"
    assert without_restated_frame(complaint) == complaint


def test_a_restated_request_for_decades_old_records_reads_as_a_special_procedure_with_the_model():
    out = _review(RESTATED, use_model=True)
    assert out["triage"]["top"] == "other.special_procedure"
    assert out["reply"]["code"] == "other.special_procedure"


CONSULTED = ("律师函：本所受某某委托，现就以下事项向贵局征询：一、涉案地块的收储是否已经市政府批准；"
             "二、收储补偿款由哪一单位支付。请于十五日内书面回复。")


def test_a_list_led_by_a_consultation_is_answered_as_a_consultation_item_by_item():
    out = _review(CONSULTED)
    items = out["request"]["items"]
    assert [i["code"] for i in items] == ["other.consultation", "other.consultation"]
    assert out["reply"]["code"] == "other.consultation"


def test_a_list_led_by_a_complaint_keeps_an_item_that_asks_for_a_record():
    out = _review("请求贵局依法查处以下问题：1、某化工厂夜间超标排放废气；2、请公开对该厂的处罚决定书。")
    items = out["request"]["items"]
    assert [i["code"] for i in items] == ["no_action.petition", "disclose"]  # no third item: the lead is not one


def test_a_list_led_by_a_request_is_unchanged():
    out = _review("申请公开以下信息：1、某项目的环评批复；2、某项目的规划许可证。")
    assert [i["code"] for i in out["request"]["items"]] == ["disclose", "disclose"]


@pytest.mark.parametrize("text, expected", [
    ("麻烦把今年区里学位分配的政策文件发我一份，谢谢！", "今年区里学位分配的政策文件"),
    ("能不能把拆迁补偿方案给我们看看？", "拆迁补偿方案"),
    ("我要查一下我家房子的评估报告", "我家房子的评估报告"),
    ("申请公开2023年部门预算。", "申请公开2023年部门预算"),  # (the verb at the start: see existence._LEAD_RE)
])
def test_the_object_of_an_everyday_request(text, expected):
    assert requested_object(text) == expected


def test_search_keywords_leave_out_everyday_words():
    words = search_keywords(parse_request("想看看那个停车收费的文件，麻烦了").items[0])
    assert words == ["停车收费", "文件"]
    words = search_keywords(parse_request("把他们的投标报价单给我看看。").items[0])
    assert words == ["投标报价单"]


def test_a_restated_item_is_the_request_without_the_frame_and_the_letter_quotes_it_once():
    out = _review(RESTATED)
    assert [i["text"] for i in out["request"]["items"]] == [f"申请公开“{LEDGER}”"]
    letter = out["letter"]["text"]
    assert f"申请获取“{LEDGER}”" in letter and "‘" not in letter
    plan = next(a for a in out["actions"] if "为关键词" in a)
    assert "“原始登记台账”" in plan and "‘" not in plan


def test_the_applicants_own_view_with_a_request_is_kept():
    text = "我认为补偿不公，申请公开该项目的补偿方案。另外，请问补偿标准是谁定的？"
    assert without_proceedings(text) == text
