"""是不是, item by item: one sentence listing records of different natures is answered part by part
(reviewer.decide.record_lists.split_record_list; ogi-law.md §5.2 item 14)."""

from __future__ import annotations

import pytest

from reviewer.decide.record_lists import split_record_list
from reviewer.decide.triage import load_cues


@pytest.fixture(scope="module")
def cues():
    return load_cues()


def test_a_list_of_self_contained_records_of_different_natures_is_split(cues):
    parts = split_record_list("要求公开某项目的规划许可证、村委会的收支账目、施工单位的投标文件。", cues)
    assert parts == ["某项目的规划许可证", "村委会的收支账目", "施工单位的投标文件"]
    assert split_record_list("要求公开区住建局的拆迁许可证和村委会的土地补偿款分配方案", cues) == \
        ["区住建局的拆迁许可证", "村委会的土地补偿款分配方案"]


@pytest.mark.parametrize("text", [
    "申请公开2010年以来该镇历年土地出让金的收入、支出及具体流向明细",  # parts are not records
    "××村第三村民小组2011年土地补偿款分配方案、分配名单、组务会议记录",  # elliptical parts: one matter
    "本人人事档案中1989年的处分决定、2002年的撤销处分决定复印件",  # "2002年的" is a date, not an owner
    "某区人民政府作出的房屋征收决定、征收补偿方案以及公告",  # natures alike: one item
    "对本公司作出处罚的全部案卷：立案审批表、调查询问笔录、听证笔录、案审会记录",  # one case file, nothing published
    "住建局依据招标文件和投标人报价确定的某某项目中标通知书",  # a record inside another's modifier
    "申请公开某某村第三组的征地补偿分配名单、拨付凭证",  # withheld beside ordinary, nothing published: screened per record
    "该房屋自1986年以来全部登记档案，包括历次登记申请书、权属来源证明、登记审核表",  # itemised, one record
])
def test_lists_of_one_matter_or_one_nature_stay_one_item(cues, text):
    assert split_record_list(text, cues) is None


def test_review_answers_each_part_of_a_mixed_list():
    from reviewer.app.pipeline import ReviewOptions, run_review

    text = "申请公开某项目的规划许可证、村委会的收支账目。获取方式：电子邮件。"
    data = run_review(text, ReviewOptions(use_model=False, applicant_on_file=True)).to_dict()
    items = {i["text"]: i for i in data["request"]["items"]}
    assert set(items) == {"某项目的规划许可证", "村委会的收支账目"}
    assert items["村委会的收支账目"]["code"] == "other.not_gov_info"
    assert items["某项目的规划许可证"]["code"] not in ("other.not_gov_info", "other.correction")
    # the whole request is no longer told it is not government information
    assert data["reply"]["code"] != "other.not_gov_info"
    whole = run_review("申请公开村委会的收支账目。获取方式：电子邮件。",
                       ReviewOptions(use_model=False, applicant_on_file=True)).to_dict()
    assert whole["reply"]["code"] == "other.not_gov_info"


def test_a_procedural_record_name_ends_a_part_and_a_restated_head_splits_off_a_complaint(cues):
    assert split_record_list("申请人请求公开某小区规划变更的审批文件，以及村委会的土地款分配账目。", cues) == \
        ["某小区规划变更的审批文件", "村委会的土地款分配账目"]
    # a delivery or other generic 材料 does not end a record part
    assert split_record_list("申请公开某村的征地补偿方案，邮寄纸质材料", cues) is None
    from reviewer.decide.mixed import split_question_tail

    head, tail, nature = split_question_tail(
        "原告向被告申请公开某村征地的批复文件，并要求被告查处村干部挪用补偿款的问题", cues)
    assert head == "原告向被告申请公开某村征地的批复文件" and nature == "no_action.petition"
    assert tail.startswith("要求被告查处")
    # the agency's words after the request are not the applicant's complaint
    assert split_question_tail("原告申请公开某公司的查处情况，被告答复已责令该单位改正", cues) is None


def test_a_head_that_names_a_complaint_matter_still_asks_for_information(cues):
    from reviewer.decide.mixed import split_question_tail

    head, tail, nature = split_question_tail(
        "申请人向被申请人申请公开其举报事项的处理结果，并请求被申请人追究相关人员责任", cues)
    assert head.endswith("其举报事项的处理结果") and nature == "no_action.petition"
    # a head that itself demands action is not an information head
    assert split_question_tail("请你们依法查处某公司违法排污，并追究相关人员责任", cues) is None


@pytest.mark.parametrize("text, parts", [
    # a published outcome beside a record a cue may withhold: a draft must never refuse both together
    ("申请公开本村2021年征地补偿安置方案和同组村民龚某某的补偿协议。",
     ["本村2021年征地补偿安置方案", "同组村民龚某某的补偿协议"]),
    ("某区人民政府作出的房屋征收决定、征收补偿方案以及常务会议纪要",
     ["某区人民政府作出的房屋征收决定、征收补偿方案", "某区人民政府作出的常务会议纪要"]),
    # the first part's "…的" lent to an elliptical part
    ("申请公开贵局对我作出的行政处罚决定书及送达回证", ["贵局对我作出的行政处罚决定书", "贵局对我作出的送达回证"]),
    # the matter lent to a part led by its own issuer
    ("××区教育局关于××小学改扩建项目选址的请示及区政府批复",
     ["××区教育局关于××小学改扩建项目选址的请示", "区政府关于××小学改扩建项目选址的批复"]),
    ("原告申请公开的是被告对该店的现场检查笔录和责令改正通知书",
     ["被告对该店的现场检查笔录", "被告对该店的责令改正通知书"]),
    # 调查材料 ends a part like 审批材料
    ("申请公开贵局对本人作出的工伤认定决定书及认定所依据的调查材料。",
     ["贵局对本人作出的工伤认定决定书", "认定所依据的调查材料"]),
])
def test_a_published_outcome_beside_a_record_that_may_be_withheld_is_split(cues, text, parts):
    assert split_record_list(text, cues) == parts


def test_the_letter_does_not_refuse_the_published_plan_with_the_neighbours_agreement():
    from reviewer.app.pipeline import ReviewOptions, run_review

    text = "申请公开本村2021年征地补偿安置方案和同组村民龚某某的补偿协议。"
    out = run_review(text, ReviewOptions(use_model=True, applicant_on_file=True, third_party="object"))
    data = out.to_dict()
    codes = {i["text"]: i["code"] for i in data["request"]["items"]}
    assert codes["同组村民龚某某的补偿协议"] == "withhold.third_party"
    assert not codes["本村2021年征地补偿安置方案"].startswith("withhold.")
    assert data["reply"]["code"] == "partial"
    letter = data["letter"]["text"]
    plan_section = letter.split("关于“本村2021年征地补偿安置方案”", 1)[1].split("关于“同组村民", 1)[0]
    assert "不予公开" not in plan_section


def test_an_item_of_a_numbered_list_splits_off_only_a_published_outcome(cues):
    from reviewer.decide.items import split_mixed
    from reviewer.decide.request import parse_request

    request = parse_request("申请公开：1.某某路拓宽工程的规划许可证；"
                            "2.区住建局就该工程征收补偿问题向区政府报送的请示及批复。")
    items, _ = split_mixed(request, cues)
    texts = [i.text for i in items]
    assert texts[:2] == ["某某路拓宽工程的规划许可证", "区住建局就该工程征收补偿问题向区政府报送的请示"]
    assert texts[2] == "区住建局就该工程征收补偿问题向区政府报送的请示的批复"  # the reply to that request, after the items
    assert [i.index for i in items] == [1, 2, 3]
    # lists of one nature in a numbered item are not split there (村委会的账目 beside a permit: the item's own answer)
    request = parse_request("申请公开：1.某项目的规划许可证、村委会的收支账目；2.某某路的征收决定。")
    assert len(split_mixed(request, cues)[0]) == 2


def test_existing_records_beside_flows_to_compile_are_answered_apart(cues):
    from reviewer.model.loader import load_models

    models, _ = load_models()
    text = "申请公开2015年至2021年该片区征收补偿资金的拨付文件及资金去向明细"
    assert split_record_list(text, cues, models.triage) == [
        "2015年至2021年该片区征收补偿资金的拨付文件", "2015年至2021年该片区征收补偿资金的资金去向明细"]
    # a part whose owner is only a time ("当年的补偿名册") is not read alone
    assert split_record_list("1978年公社时期的土地征用档案及当年的补偿名册、征地协议、公社革委会的报告及县里的批复",
                             cues, models.triage) is None


def test_a_bare_item_in_a_letter_is_read_without_the_greeting_closing_and_date(cues):
    from reviewer.decide.request import parse_request

    text = ("某某区住房和城乡建设局：\n尊敬的领导：\n您好！\n对本人房屋作出的房屋拆迁裁决书及送达回证\n此致\n敬礼！\n"
            "申请人：张××\n2026年11月3日")
    items = parse_request(text).items
    assert [i.text for i in items] == ["对本人房屋作出的房屋拆迁裁决书及送达回证"]
    assert split_record_list(items[0].text, cues) == ["对本人房屋作出的房屋拆迁裁决书", "对本人房屋作出的送达回证"]
