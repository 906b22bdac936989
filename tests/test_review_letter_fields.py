"""Whole letters and forms as officers paste them (round 2, session 17): a content field whose value is on the next
line, the attachments a letter ends with, a lawyer's engagement line naming the client's ID, the applicant's own
particulars told in a sentence, and a form's 用途 line are not what is asked for.  Names and numbers are fictional."""

from __future__ import annotations

import pytest

from reviewer.app.pipeline import ReviewOptions, request_body, run_review, without_attachments
from reviewer.decide.request import parse_request


def _review(text: str, model: bool = True) -> dict:
    return run_review(text, ReviewOptions(use_model=model, applicant_on_file=True)).to_dict()


def _items(data: dict) -> list[tuple[str, str]]:
    return [(i["code"], i["text"]) for i in data["request"]["items"]]


COMPANY_FORM = ("政府信息公开申请书\n申请单位：某某精密机械有限公司\n统一社会信用代码：91330XXXXXXXXXXX58K\n法定代表人：周某\n"
                "委托代理人：钱某某（本公司行政部经理）　联系电话：0571-8XXXX326\n通讯地址：某市某区城东派出所路88号\n"
                "{label}\n贵局于2024年5月前后为紧邻我司厂区西侧的“某某花园三期”项目核发的《建设工程规划许可证》及其附图。\n"
                "用途：该项目基坑距我司厂房较近，必要时向相关部门投诉或主张权利。\n获取方式：电子邮件\n"
                "申请单位（盖章）：某某精密机械有限公司\n2024年7月2日\n"
                "附件：1.营业执照副本复印件；2.法定代表人身份证复印件；3.授权委托书；4.代理人身份证复印件")


@pytest.mark.parametrize("label", ["申请公开的政府信息：", "所需政府信息的名称或特征描述：", "申请公开的信息：",
                                   "所需信息的名称、文号或者其他特征性描述："])
def test_a_content_fields_value_on_the_next_line_is_the_item_not_the_attachments(label):
    request = parse_request(COMPANY_FORM.format(label=label))
    assert [i.text for i in request.items] == [
        "贵局于2024年5月前后为紧邻我司厂区西侧的“某某花园三期”项目核发的《建设工程规划许可证》及其附图"]


def test_the_attachments_and_the_companys_particulars_name_no_third_party():
    data = _review(COMPANY_FORM.format(label="申请公开的政府信息："))
    assert data["reply"]["code"] == "disclose"
    assert not any(g["named"] for g in data["request_grounds"])
    body = request_body(COMPANY_FORM.format(label="申请公开的政府信息："))
    for noise in ("身份证复印件", "统一社会信用代码", "委托代理人", "用途"):
        assert noise not in body


def test_without_attachments_cuts_the_list_a_letter_ends_with_only():
    text = "申请公开某项目的批复文件。\n附件：1.身份证复印件；2.授权委托书"
    assert without_attachments(text) == "申请公开某项目的批复文件。"
    assert without_attachments("附件：某项目批复\n请提供。") == "附件：某项目批复\n请提供。"  # a first line is kept


def test_a_lawyers_engagement_line_with_the_clients_id_is_the_frame():
    text = ("律 师 函\n（2024）某律函字第0217号\n致：某市某区市场监督管理局\n"
            "某某律师事务所接受消费者赵某某（身份证号 3302**********0619）的委托，指派本所陈某律师就以下事项向贵局提出政府信息公开申请：\n"
            "申请公开的信息：贵局对“某某口腔门诊部有限公司”作出的行政处罚决定书（文号不详）。\n"
            "信息获取方式：邮寄至本所。\n某某律师事务所（盖章）\n2024年10月9日\n附件：1.授权委托书；2.委托人身份证复印件")
    data = _review(text)
    assert data["reply"]["code"] == "disclose"
    assert not any(g["named"] and g["ground"] == "privacy" for g in data["request_grounds"])
    assert all("身份证" not in t for _, t in _items(data))


def test_the_applicants_particulars_told_in_a_sentence_are_not_a_third_partys():
    text = ("交通运输局信息公开办：\n218路上个月改道，不再经过某某小区门口。\n"
            "我想申请公开贵局同意218路线路调整的批复文件，以及调整后的线路走向和站点设置。\n"
            "我叫陈某某，身份证号 3304**********6620，电话 139XXXX1187，住某区某某小区12幢。\n请用电子邮件回复。")
    data = _review(text)
    assert data["reply"]["code"] == "disclose"
    assert not any(g["named"] for g in data["request_grounds"])
    assert all("信息公开办" not in t and "身份证" not in t for _, t in _items(data))


def test_a_forms_purpose_line_is_neither_an_item_nor_a_complaint():
    text = ("政府信息公开申请\n申请人：邓某某，某镇某村四组村民\n"
            "申请内容：2023年度我们镇农村危房改造补助对象的名单，就是镇上当时公示过的那个。\n"
            "用途：想看看同村谁评上了、标准是什么，如果不公平要去县里举报。\n获取方式：当面领取纸质件")
    data = _review(text)
    assert len(data["request"]["items"]) == 1
    assert data["reply"]["code"] in ("disclose", "disclose.published")


def test_a_content_label_without_a_colon_and_a_scope_note_are_not_items():
    text = ("申请公开的政府信息名称、文号或者其他特征性描述\n某区发展和改革局对某河综合治理工程可行性研究报告的批复\n"
            "获取方式：邮寄")
    assert [i.text for i in parse_request(text).items] == ["某区发展和改革局对某河综合治理工程可行性研究报告的批复"]
    note = ("申请公开某区2024年度考试录用公务员拟录用人员名单及其公示文件。\n"
            "对最终录用结果，本人保留向有关部门反映的权利，但本申请仅要求提供拟录用人员公示，不涉及其他考生的成绩和个人材料。")
    assert len(parse_request(note).items) == 1


def test_a_lead_line_takes_the_record_on_the_next_line_and_a_letters_title_asks_nothing():
    text = ("某区卫生健康局：\n我母亲今年在某口腔诊所做了种植牙，术后感染。\n现在家里人最担心的是这家诊所到底有没有合法资质。因此申请贵局提供：\n"
            "该诊所的医疗机构执业许可登记信息，包括登记的诊疗科目、执业地址和许可证有效期限。\n申请人：施某某\n2024年8月5日")
    items = parse_request(text).items
    assert len(items) == 1 and "执业许可登记信息" in items[0].text
    titled = ("关于申请提供全市在建项目信息的函\n某市住房和城乡建设局：\n我司为拓展市场，现申请贵局提供以下信息：\n"
              "请将全市目前所有在建房屋建筑工程项目进行汇总整理，形成一份表格，并按项目投资额从高到低排序。")
    items = parse_request(titled).items
    assert len(items) == 1 and "汇总整理" in items[0].text
    assert _review(titled)["reply"]["code"] == "unavailable.needs_creation"


def test_every_record_about_the_applicant_names_nothing_to_search():
    data = _review("某街道办事处：\n申请公开的政府信息：贵单位所有与本人有关的文件、材料、记录，包括但不限于各科室工作人员经手的所有东西。")
    assert data["reply"]["code"] == "other.correction"
