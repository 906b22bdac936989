"""Lists written the way people write them, and a classifier leaning with nothing in the text to support it."""

from __future__ import annotations

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.request import split_items
from reviewer.decide.triage import TriageResult


def _review(text, use_model=False):
    return run_review(text, ReviewOptions(use_model=use_model, applicant_on_file=True)).to_dict()


def test_a_restatement_listing_with_yi_shi_er_shi():
    items = split_items("原告向被告申请公开三项信息：一是某路段拓宽工程的用地批复；二是该工程的施工合同；三是被告作出征收决定的会议纪要。")
    assert [i.text for i in items] == ["某路段拓宽工程的用地批复", "该工程的施工合同", "被告作出征收决定的会议纪要"]


def test_a_form_field_that_opens_with_yi_shi_keeps_its_first_item():
    # "申请事项：" is a form's content field: its value starts with the list, and the first item must not be read
    # as a lead-in and dropped
    items = split_items("申请事项：一是2023年某镇财政预算；二是镇长办公会研究某项目的会议纪要；三是对某公司的处罚决定书。")
    assert [i.text for i in items] == ["2023年某镇财政预算", "镇长办公会研究某项目的会议纪要", "对某公司的处罚决定书"]


def test_bracketed_numbers_run_into_the_text_are_a_list():
    items = split_items("要求公开（1）2022年部门预算（2）2022年部门决算（3）2022年三公经费支出情况")
    assert [i.text for i in items] == ["2022年部门预算", "2022年部门决算", "2022年三公经费支出情况"]
    # an article's item is not a list marker, and short parts of one record are not items to drop
    assert len(split_items("申请公开依据《条例》第二十条第（十三）项应当公开的监督检查情况。")) == 1
    only = split_items("申请公开某规划（一）总则（二）用地布局（三）道路系统")
    assert len(only) == 1 and "总则" in only[0].text


def test_two_quoted_records_are_two_items():
    text = ("申请人称：2022年4月，申请人向被申请人申请公开“某街道2021年度财政决算”和“街道办事处主任办公会议纪要（2021年第3期）”。"
            "被申请人仅公开了前者，对后者以过程性信息为由不予公开。")
    assert [i.text for i in split_items(text)] == ["某街道2021年度财政决算", "街道办事处主任办公会议纪要（2021年第3期）"]
    out = _review(text)
    assert out["reply"]["code"] == "partial"
    assert [i["code"] for i in out["request"]["items"]] == ["disclose", "withhold.process_info"]
    # quotes that are not the records asked for stay one item
    assert len(split_items("原告称“被告不作为”和“被告违法”。")) == 1


def test_two_dated_applications_in_a_restatement_are_two_items():
    text = ("原告于2019年3月向被告申请公开某路拓宽工程的规划许可证，被告答复称该信息不存在。"
            "原告又于2019年5月申请公开该工程的施工许可证，被告未予答复。")
    out = _review(text)
    assert len(out["request"]["items"]) == 2
    assert "1．某路拓宽工程的规划许可证；2．该工程的施工许可证" in out["letter"]["text"]
    # the same record asked for twice stays one item
    again = "原告于2019年3月向被告申请公开某路拓宽工程的规划许可证。原告于2019年5月再次申请公开某路拓宽工程的规划许可证。"
    assert len(split_items(again)) == 1


def test_yi_shi_inside_prose_is_not_a_list():
    text = "申请公开某项目的批复文件，该项目一是占用耕地，二是未批先建。"
    assert len(split_items(text)) == 1


def test_a_numbered_item_after_a_question_mark_starts_a_new_item():
    out = _review("申请公开：1.某镇2022年高标准农田建设项目的立项批复；2.该项目的施工合同；3.为什么项目至今没有验收？"
                  "4.请你们严查项目中的偷工减料问题。")
    codes = [i["code"] for i in out["request"]["items"]]
    assert codes == ["disclose", "disclose", "other.consultation", "no_action.petition"]


def test_i_want_a_record_and_then_a_question_are_two_items():
    out = _review("我想要某小区的竣工验收备案表，另外请问小区的消防通道被占用归哪个部门管？")
    items = out["request"]["items"]
    assert [i["code"] for i in items] == ["disclose", "other.consultation"]
    assert items[0]["text"] == "我想要某小区的竣工验收备案表"


def _triage(probabilities, rule_scores):
    return TriageResult(probabilities=probabilities, rule_scores=rule_scores, classifier=dict(probabilities))


def test_a_confirm_leaning_without_confirm_words_is_folded_into_the_ordinary_request():
    from reviewer.decide.leanings import settle_confirm

    settled, note = settle_confirm(_triage({"no_action.confirm": 0.5, "other.special_procedure": 0.3,
                                            "ordinary": 0.2}, {}))
    assert "no_action.confirm" not in settled.probabilities
    assert abs(settled.probabilities["ordinary"] - 0.7) < 1e-9
    assert note and "确认/重新出具" in note and "0.50" in note


def test_a_confirm_cue_keeps_the_leaning():
    from reviewer.decide.leanings import settle_confirm

    result = _triage({"no_action.confirm": 0.8, "ordinary": 0.2}, {"no_action.confirm": 0.55})
    assert settle_confirm(result) == (result, None)


def test_a_request_to_certify_a_copy_is_still_answered_as_confirm():
    out = _review("请确认我手中的这份批复是否真实有效。")
    assert out["reply"]["code"] == "no_action.confirm"


def test_one_act_done_to_the_applicants_family_is_a_description_a_search_can_use():
    from reviewer.decide.description import has_characteristic

    assert has_characteristic("申请公开文革期间我祖父被没收房产的相关处理文件")
    assert has_characteristic("请提供我家房子被强拆的有关材料")
    assert not has_characteristic("申请公开与我家有关的相关文件")  # an open relation names no act
    out = _review("申请公开文革期间我祖父被没收房产的相关处理文件。")
    assert out["reply"]["code"] != "other.correction"  # no 补正 for a description a search can start from
    assert "other.special_procedure" in [c["code"] for c in out["candidates"][:3]]  # decades old: maybe archived


def test_a_publication_leaning_without_a_publication_is_folded_into_the_ordinary_request():
    from reviewer.decide.leanings import settle_publication

    settled, note = settle_publication(_triage({"no_action.publication": 0.6, "ordinary": 0.4}, {}))
    assert "no_action.publication" not in settled.probabilities and note and "出版物" in note
    kept = _triage({"no_action.publication": 0.6, "ordinary": 0.4}, {"no_action.publication": 0.45})
    assert settle_publication(kept) == (kept, None)


def test_a_web_page_the_applicant_says_is_published_is_not_a_publication():
    out = _review("申请公开贵局网站上已经公布的2024年部门预算。", use_model=True)
    assert out["reply"]["code"] == "disclose.published"
    assert _review("请提供2023年第5期市政府公报。")["reply"]["code"] == "no_action.publication"


def test_a_request_that_says_it_was_made_before_asks_staff_to_check_the_earlier_reply():
    out = _review("本人再次申请公开同一份征收决定，这是我今年第二十次申请。")
    actions = out["actions"]
    assert any("第三十六条第（六）项" in a for a in actions)
    assert out["reply"]["code"] != "no_action.duplicate"  # the words alone decide nothing
    assert not any("第二十次申请" in a for a in actions if "关键词" in a)  # the story is not a search word
    assert not any("第三十六条第（六）项" in a for a in _review("申请公开某项目的征收决定。")["actions"])


def test_asking_where_a_named_record_can_be_had_is_a_request_for_it():
    for text in ("请问2024年学位分配的政策文件在哪里能看到？能发我一份吗？", "请问你们局2023年的部门预算在哪里能查到？"):
        out = _review(text)
        assert out["request"]["items"][0]["code"] == "disclose", text
    # a question that names no record stays a question
    assert _review("请问补缴养老保险需要哪些材料？")["reply"]["code"] == "other.consultation"
    assert _review("请问我家的补偿款在哪里能领取？")["reply"]["code"] == "other.consultation"


def test_a_quoted_list_keeps_its_first_item():
    items = split_items("原告于2022年3月向被告申请公开：“1、某项目的征地批复；2、该项目的补偿安置方案；"
                        "3、被征收人王某某的补偿协议。”被告逾期未答复。")
    assert [i.text for i in items] == ["某项目的征地批复", "该项目的补偿安置方案", "被征收人王某某的补偿协议"]
