"""What a pasted request asks for, from forms, e-mails and numbered lists in the shapes applicants use."""

from __future__ import annotations

import pytest

from reviewer.decide.request import completeness, parse_request, split_items

DESCRIPTION = "申请公开的政府信息的名称、文号或者便于查询的其他特征性描述"


def _items(text: str) -> list[str]:
    return [item.text for item in split_items(text)]


def test_a_forms_content_field_is_the_request_not_its_title():
    text = ("政府信息公开申请表\n申请单位：示例智能科技有限公司\n联系人：许工 电话：0571-86000000\n"
            "所需信息内容描述：贵中心组织的“智慧社区平台建设项目”中，中标单位的投标文件及评标委员会各评委打分表。\n"
            "所需信息用途：核实评标结果\n获取方式：电子邮件")
    assert _items(text) == ["贵中心组织的“智慧社区平台建设项目”中，中标单位的投标文件及评标委员会各评委打分表"]
    request = parse_request(text)
    assert DESCRIPTION not in completeness(request, applicant_on_file=True)


def test_a_content_field_may_hold_a_numbered_list_on_the_following_lines():
    text = "申请内容：\n1、2019年本区老旧小区改造项目实施方案；\n2、该项目的资金拨付明细。\n获取方式：邮寄"
    assert _items(text) == ["2019年本区老旧小区改造项目实施方案", "该项目的资金拨付明细"]


def test_an_emails_subject_greeting_and_thanks_are_not_the_request():
    text = ("主题：政府信息公开申请\n您好！本人系该事项的利害关系人，我想申请示例污水处理厂扩建工程的中标公告及合同。\n"
            "烦请回复至本邮箱，谢谢。")
    assert _items(text) == ["本人系该事项的利害关系人，我想申请示例污水处理厂扩建工程的中标公告及合同"]


@pytest.mark.parametrize("text, expected", [
    ("申请公开：\n⒈示例化工厂事故专题会议纪要；\n⒉周边群众疏散方案；\n⒊事故调查报告。",
     ["示例化工厂事故专题会议纪要", "周边群众疏散方案", "事故调查报告"]),
    ("请提供如下材料：\n第1项：2014年度纳税申报表\n第2项：完税记录\n第3项：本人2014年度个人所得税纳税记录",
     ["2014年度纳税申报表", "完税记录", "本人2014年度个人所得税纳税记录"]),
    ("申请公开的政府信息如下：\n1.2016年出版的《劳动和社会保障法规选编》\n2.《工伤保险条例》释义",
     ["2016年出版的《劳动和社会保障法规选编》", "《工伤保险条例》释义"]),
    ("申请公开以下信息：1.2019年度部门预算；2.2019年度部门决算；3.三公经费。",
     ["2019年度部门预算", "2019年度部门决算", "三公经费"]),
    # inside one line
    ("申请公开：（一）村委会2022年的财务收支账目；（二）村里修路工程的合同和决算；（三）镇政府的拨款文件。",
     ["村委会2022年的财务收支账目", "村里修路工程的合同和决算", "镇政府的拨款文件"]),
    ("申请事项：(1)本镇地质灾害隐患点清单；(2)转移安置点；(3)镇应急值班表。", ["本镇地质灾害隐患点清单", "转移安置点", "镇应急值班表"]),
    ("①2023年度本县养老保险缴费档次标准；②本县参保人数统计；③我父亲的养老金为什么比别人少？",
     ["2023年度本县养老保险缴费档次标准", "本县参保人数统计", "我父亲的养老金为什么比别人少？"]),
])
def test_numbered_items_in_the_markers_applicants_use(text, expected):
    assert _items(text) == expected


def test_a_decimal_quantity_is_still_not_a_list():
    assert _items("申请公开：1.5亩宅基地的审批表") == ["申请公开：1.5亩宅基地的审批表"]


def test_a_letter_whose_matter_is_headed_shiyou_keeps_it():
    text = "申请人：示例电子有限公司\n事由：同行某公司长期冒用我司注册商标，申请公开贵局对其立案查处的处罚决定书。"
    assert _items(text) == ["事由：同行某公司长期冒用我司注册商标，申请公开贵局对其立案查处的处罚决定书"]


def test_an_article_citation_is_not_an_item_marker():
    assert _items("依据条例第二十条第（六）项，申请公开对某公司的处罚决定书。") == ["依据条例第二十条第（六）项，申请公开对某公司的处罚决定书"]


def test_a_letters_closing_lines_are_not_part_of_the_last_item_nor_a_second_complaint():
    from reviewer.decide.items import split_mixed
    from reviewer.decide.triage import load_cues

    text = ("政府信息公开申请书\n示例市自然资源和规划局：\n    本人孙建国，电话13700000000。现向贵局申请公开以下政府信息：\n"
            "    一、示例区2020年度第5批次城镇建设用地的批复文件；\n    二、该批次用地的征地补偿安置方案；\n"
            "    三、我家房屋被强拆的责任人是谁，要求依法查处，给我一个说法。\n    以上信息请以纸质形式邮寄至上述地址。\n"
            "    此致\n敬礼\n                申请人：孙建国\n                2026年11月18日")
    request = parse_request(text)
    assert [i.text for i in request.items] == ["示例区2020年度第5批次城镇建设用地的批复文件", "该批次用地的征地补偿安置方案",
                                               "我家房屋被强拆的责任人是谁，要求依法查处，给我一个说法"]
    items, natures = split_mixed(request, load_cues())
    assert len(items) == 3 and natures[2] == "no_action.petition"  # the complaint item is not added twice


def test_an_ocr_spaced_traditional_request_is_read_and_its_delivery_line_is_not_an_item():
    request = parse_request("申 請 公 開 貴 局 2 0 1 9 年 度 城 區 道 路 維 修 工 程 的 招 標 文 件 。\n申請人：王 小 明\n"
                            "電話：13800000000\n以電子郵件方式提供。")
    assert [i.text for i in request.items] == ["申请公开贵局2019年度城区道路维修工程的招标文件"]
    assert request.applicant.display_name == "王小明" and request.delivery


def test_a_signature_after_the_closing_is_not_part_of_the_last_item():
    text = ("政府信息公开申请函\n示例市自然资源和规划局：\n    本律师受委托，特向贵局申请公开以下政府信息：\n"
            "    1. 2018年示例区东片区土地征收的征地批复文件；\n    2. 上述征收项目的征地补偿安置方案；\n"
            "    3. 征收土地公告及其张贴、送达的证明材料。\n    以上信息请以纸质形式邮寄至本所。\n    此致\n"
            "示例律师事务所 律师：李某\n2026年11月18日")
    assert _items(text) == ["2018年示例区东片区土地征收的征地批复文件", "上述征收项目的征地补偿安置方案",
                            "征收土地公告及其张贴、送达的证明材料"]


def test_a_restated_inline_list_ends_with_its_sentence():
    text = ("原告诉称，其于2019年3月5日向被告邮寄申请，申请公开：一、某某村2010年至2018年的土地承包经营权流转合同；"
            "二、被告对该村村委会财务审计的审计报告；三、该村低保户名单及发放金额。被告逾期未予答复。")
    assert _items(text)[-1] == "该村低保户名单及发放金额"
    assert len(_items(text)) == 3


def test_a_number_field_joins_the_one_item_it_numbers():
    from reviewer.decide.existence import search_keywords
    from reviewer.decide.request import parse_request

    request = parse_request("信息名称：关于某某片区规划调整的批复\n文号：某政复〔2023〕15号\n用途：自身生产生活需要\n获取方式：电子邮件")
    assert [i.text for i in request.items] == ["关于某某片区规划调整的批复（某政复〔2023〕15号）"]
    assert search_keywords(request.items[0])[0] == "某政复〔2023〕15号"
    # a form listing several items keeps its items as they are
    several = parse_request("申请公开的政府信息：\n1.某小区竣工验收备案表\n2.某小区规划许可证\n文号：某政复〔2023〕15号")
    assert all("〔2023〕" not in i.text for i in several.items)


FORM = ("政府信息公开申请表\n申请人类型：公民\n姓名：{name}\n证件类型：居民身份证 证件号码：（略）\n"
        "通信地址：某区某镇某路18号\n受理机关：某市财政局\n所需信息的内容描述：{asked}\n"
        "所需信息的文件编号：（不详）\n是否申请减免费用：否\n提供方式：邮寄纸质材料")


def test_the_triage_reads_what_a_form_asks_for_not_its_other_fields():
    from reviewer.app.pipeline import ReviewOptions, request_body, run_review

    text = FORM.format(name="袁某", asked="某镇2020年一事一议财政奖补项目的资金拨付文件")
    body = request_body(text)
    assert "某镇2020年一事一议财政奖补项目的资金拨付文件" in body
    for noise in ("证件号码", "提供方式", "减免", "所需信息的内容描述", "申请表"):
        assert noise not in body
    triage = run_review(text, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()["triage"]
    assert triage["top"] == "ordinary"  # the form's fields (（略）、（不详）) are not a vague request


def test_a_forms_description_field_stays_with_what_it_describes():
    from reviewer.app.pipeline import form_content

    text = ("所需信息名称：某市人民政府2023年第5号令《某市电动自行车管理规定》\n"
            "特征描述：该规定已在《某市人民政府公报》2023年第9期刊登\n获取方式：纸质")
    body = form_content(text)
    assert "《某市人民政府公报》2023年第9期刊登" in body and "获取方式" not in body
    assert form_content("申请公开某项目的批复文件。") == "申请公开某项目的批复文件。"
