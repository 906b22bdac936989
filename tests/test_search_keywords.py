"""Step 有没有: the search plan names what the applicant asks for, and every listed item survives splitting."""

from __future__ import annotations

import pytest

from reviewer.decide.existence import search_keywords, search_plan
from reviewer.decide.request import parse_request, split_items


def _keywords(text: str) -> list[list[str]]:
    return [search_keywords(item) for item in parse_request(text).items]


def test_documents_and_their_subject_are_keywords_not_the_delivery_form_or_the_verb():
    (words,) = _keywords("申请公开贵局2024年度城区道路维修工程的招标文件和中标通知书，以电子邮件方式提供。")
    assert words[:3] == ["城区道路维修工程", "招标文件", "中标通知书"]
    assert words[-1] == "2024年度"  # the period comes last, once
    assert not any("电子邮件" in w or "申请" in w or "贵局" in w for w in words)


def test_an_organ_name_with_he_is_not_split_and_is_not_a_keyword():
    (words,) = _keywords("申请公开示例县住房和城乡建设局2019年至2021年老旧小区改造项目的资金使用明细。")
    assert words == ["老旧小区改造项目", "资金使用明细", "2019年至2021年"]


def test_a_list_separated_by_dunhao_and_ji_gives_one_keyword_per_document():
    (words,) = _keywords("我现依法向你局申请获取本人房屋的征收补偿协议、评估报告及补偿款发放记录，请邮寄至本人住址。")
    assert {"征收补偿协议", "评估报告", "补偿款发放记录"} <= set(words)
    assert not any("邮寄" in w or "你局" in w for w in words)


def test_a_bracketed_remark_qualifies_the_document_and_is_not_split_into_keywords():
    (words,) = _keywords("申请公开白寨村被征地农户补偿款发放花名册（含其他农户的领取金额）。")
    assert words == ["白寨村被征地农户补偿款发放花名册"]


def test_a_document_number_or_title_is_searched_as_given():
    (words,) = _keywords("申请公开渝府地〔2014〕74号文件")
    assert words == ["渝府地〔2014〕74号"]
    (words,) = _keywords("申请公开《示例市国土空间总体规划（2021—2035年）》。")
    assert words == ["示例市国土空间总体规划（2021—2035年）"]


def test_the_plan_quotes_the_keywords():
    item = parse_request("申请公开2023年度城区绿化养护合同").items[0]
    plan = search_plan(item)
    assert "“城区绿化养护合同”" in plan and "指导案例101号" in plan


@pytest.mark.parametrize("text, expected", [
    ("1、2018年以来本村土地征收的批复文件；2、征地补偿款的发放明细；3、安置方案。",
     ["2018年以来本村土地征收的批复文件", "征地补偿款的发放明细", "安置方案"]),
    ("申请公开以下信息：1、2019年度部门预算；2、2019年度部门决算；3、三公经费。",
     ["2019年度部门预算", "2019年度部门决算", "三公经费"]),
])
def test_an_item_that_starts_with_a_year_is_not_lost(text, expected):
    # "1、2018年…" once read as the number 1 followed by 2018, so the first item merged into the lead-in and
    # was dropped without a word.
    assert [item.text for item in split_items(text)] == expected


def test_a_decimal_is_still_not_an_item_number():
    assert [item.text for item in split_items("申请公开：1.5亩宅基地的审批表")] == ["申请公开：1.5亩宅基地的审批表"]


def test_a_narrated_request_is_searched_for_what_follows_its_request_verb():
    (words,) = _keywords("原告李某某于2018年5月6日向被告示例区人民政府邮寄政府信息公开申请表，申请公开示例村2016年"
                         "土地征收的征地批复、补偿安置方案及补偿款发放明细。被告于2018年6月1日作出答复，称经检索未找到"
                         "相关信息。原告不服，诉至本院。")
    assert words[:4] == ["示例村2016年土地征收", "征地批复", "补偿安置方案", "补偿款发放明细"]
    assert not any("原告" in w or "被告" in w or "申请表" in w for w in words)


@pytest.mark.parametrize("text, expected", [
    ("申请公开贵局2024年度城区道路维修工程的招标文件和中标通知书，以电子邮件方式提供。",
     "申请公开贵局2024年度城区道路维修工程的招标文件和中标通知书"),  # a leading verb is the caller's to drop
    ("原告李某某于2018年5月6日向被告邮寄政府信息公开申请表，申请公开示例村2016年土地征收的征地批复。被告逾期未答复。",
     "示例村2016年土地征收的征地批复"),
    ("我现依法向你局申请获取本人房屋的征收补偿协议，请邮寄至本人住址。", "本人房屋的征收补偿协议"),
    ("申请公开2019年的纸质档案目录", "申请公开2019年的纸质档案目录"),  # 纸质 here is part of what is asked for
    ("申请公开张三申请获取低保的审批材料", "申请公开张三申请获取低保的审批材料"),  # the first verb opens the text
    # everyday words: 把…寄一份给我, 把…都复印一份给我
    ("请把你们印发的《某市住房保障管理办法》寄一份给我，这个文件网上能查到。", "你们印发的《某市住房保障管理办法》"),
    ("请把这个项目的批复文件都复印一份给我", "这个项目的批复文件"),
])
def test_requested_object_drops_the_delivery_clause_and_the_narration(text, expected):
    from reviewer.decide.request import requested_object

    assert requested_object(text) == expected


def test_the_letter_quotes_what_was_asked_for_not_how_or_the_narration():
    from reviewer.draft.parts import subject_text

    assert subject_text("申请公开贵局2024年度城区道路维修工程的招标文件，以电子邮件方式提供。") == \
        "2024年度城区道路维修工程的招标文件"
    assert subject_text("原告于2018年向被告邮寄申请表，申请公开示例村的征地批复。被告逾期未答复。") == "示例村的征地批复"
    # an item of a list led by 请公开 / 请贵局依法公开 is quoted without the verb
    assert subject_text("请公开我村2020年土地征收的征地批复") == "我村2020年土地征收的征地批复"
    assert subject_text("请贵局依法公开同组村民李某某的补偿协议") == "同组村民李某某的补偿协议"
    # a record whose name begins with 公开/提供 keeps its name
    assert subject_text("公开栏的照片") == "公开栏的照片"
    assert subject_text("公开招聘公告") == "公开招聘公告"
    assert subject_text("请问补偿款为什么至今没有发到位？") == "请问补偿款为什么至今没有发到位？"


@pytest.mark.parametrize("text", [
    "申请人于2021年5月向市场监督管理局申请公开某公司设立登记时提交的全部材料。",
    "申请人向被申请人申请公开对某化工企业作出的环评批复文件。",
    "申请人称，其向被申请人申请公开“我的房屋为什么被认定为违法建筑”的相关情况。",
])
def test_a_restated_request_starting_with_shenqingren_is_the_request_not_an_applicant_line(text):
    # A review decision restates the request as "申请人于…申请公开…": that sentence was once read as the
    # applicant's particulars, the request came out empty and the review proposed a 补正.
    # (the item is the sentence without the restatement's frame before the request verb, "申请人向被申请人")
    from reviewer.decide.restatement import without_restated_frame

    request = parse_request(text)
    assert [item.text for item in request.items] == [without_restated_frame(text).rstrip("。")]
    assert "申请公开" in request.items[0].text
    assert "申请公开的政府信息的名称、文号或者便于查询的其他特征性描述" not in request.missing


def test_the_applicants_particulars_are_still_not_an_item():
    request = parse_request("申请人：林晓，联系电话13912345678。\n申请公开2019年城区道路维修工程的招标文件。")
    assert [item.text for item in request.items] == ["申请公开2019年城区道路维修工程的招标文件"]
    assert request.applicant.display_name == "林晓"


@pytest.mark.parametrize("text, name", [
    ("申请人王某于2020年6月向被申请人申请公开：1.某村2015年征地批复；2.征地补偿安置方案。", "王某"),
    ("复议申请人李某某称，其于2019年通过网络向被申请人申请公开本人房屋的评估报告。", "李某某"),
    ("申请人：林晓，联系电话13912345678。\n申请公开2019年城区道路维修工程的招标文件。", "林晓"),
    ("我叫向华强，申请公开本村低保名单。", "向华强"),
])
def test_the_applicants_name_is_not_a_verb_of_the_restated_request(text, name):
    # "被申请人申请公开：" once gave the applicant the name "申请公开", and "李某某称" kept the 称.
    assert parse_request(text).applicant.display_name == name


def test_the_law_a_request_is_made_under_is_not_what_to_search_for():
    from reviewer.decide.existence import search_keywords
    from reviewer.decide.request import parse_request

    for text, wanted in [
        ("根据《中华人民共和国政府信息公开条例》的规定，本人申请公开某区2019年老旧小区改造实施方案。",
         "某区2019年老旧小区改造实施方案"),
        ("本人系某村村民，现依据《政府信息公开条例》申请公开以下信息：某区政府对某地块作出的房屋征收决定。", "房屋征收决定"),
    ]:
        [item] = parse_request(text).items
        words = search_keywords(item)
        assert wanted in words and not any("条例" in w or "以下信息" in w for w in words), words


def test_the_story_after_the_object_is_not_searched_for():
    from reviewer.decide.existence import search_keywords
    from reviewer.decide.request import parse_request

    [item] = parse_request("本人于2018年向贵局申请公开本村土地征收的审批文件，至今未获答复，现再次申请。").items
    words = search_keywords(item)
    assert "审批文件" in words and not any("答复" in w or "再次" in w for w in words), words
    [item] = parse_request("申请公开征收决定，补偿方案。").items  # a list joined by a comma is still the object
    assert {"征收决定", "补偿方案"} <= set(search_keywords(item))


@pytest.mark.parametrize("text, expected", [
    ("申请公开对该违建的立案查处材料", ["违建", "立案查处材料"]),
    # what the pointer leaves is a bare generic noun (地块, 房屋): no title is searched by it alone
    ("申请公开关于上述地块的出让合同", ["出让合同"]),
    ("申请公开涉案房屋的评估报告", ["评估报告"]),
])
def test_pointers_before_a_keyword_are_not_searched(text, expected):
    assert search_keywords(parse_request(text).items[0]) == expected


def test_to_whom_an_act_was_done_is_not_a_search_word():
    from reviewer.decide.existence import search_keywords
    from reviewer.decide.request import parse_request

    item = parse_request("请提供对我本人作出的行政拘留决定的全部案卷材料。").items[0]
    assert search_keywords(item) == ["行政拘留决定", "案卷材料"]
    item = parse_request("申请公开对某公司作出的处罚决定书").items[0]
    assert search_keywords(item) == ["某公司", "处罚决定书"]


def test_a_letter_quotes_what_was_asked_for_without_the_verb():
    from reviewer.draft.parts import subject_text

    assert subject_text("申请查阅某某建材有限公司的全部工商登记档案") == "某某建材有限公司的全部工商登记档案"
    assert subject_text("申请调取某公司的登记档案") == "某公司的登记档案"
    assert subject_text("查询系统的使用说明") == "查询系统的使用说明"  # 查询系统 is a thing, not the verb


@pytest.mark.parametrize("text, wanted, unwanted", [
    # a restatement's story and the agency's answer are not searched for
    ("经审理查明，2013年9月原告向被告申请公开本组被征收土地的补偿标准，被告答复已提供征地公告。",
     {"补偿标准"}, {"被告答复已提供征地公告", "经审理查明"}),
    # the date and the applicant's own thing before the record: the record is searched
    ("申请公开贵局于2019年对本人房屋作出的拆迁补偿决定书及评估报告。",
     {"拆迁补偿决定书", "评估报告"}, {"于2019年对本人房屋", "2019年对本人房屋", "对本人房屋", "本人房屋"}),
    # to whom a record was sent is not in its title
    ("申请公开区商务局向区政府提交的请示。", {"请示"}, {"向区政府提交"}),
    # the organ and a pointer before what was done: "卫健委对该医院作出的" → 医院
    ("申请公开卫健委对该医院作出的调查处理意见。", {"调查处理意见"}, {"对该医院"}),
    # a bracketed quote of the title keeps its own pair of quotes
    ("要求公开本区2014年度部门预算及“三公”经费预算说明。", {"“三公”经费预算说明"}, set()),
    # 居委会 is not an organ followed by "会成员…"
    ("申请公开某社区居委会成员补贴发放表。", set(), {"会成员补贴发放表"}),
    # a greeting and the applicant's own words are not searched
    ("你好，我家在化工园区边上，想要一份园区氯气储罐泄漏的应急处置方案。", set(), {"你好", "在化工园区边上"}),
])
def test_search_words_are_words_of_a_title(text, wanted, unwanted):
    words = set(search_keywords(parse_request(text).items[0]))
    assert wanted <= words
    assert not (unwanted & words)
