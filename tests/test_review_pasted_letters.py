"""Whole letters as officers paste them: the frame (e-mail headers, a signature's （盖章）, where to send the answer),
the applicant's own particulars and an earlier application told as background are not what is asked; a list under
"我要求：" continues the demand; a form's fields may run on one line.  Names and numbers are fictional."""

from __future__ import annotations

import pytest
from review_helpers import reviewed_by_rules as _review

from reviewer.decide.request import request_body, split_items


def _items(data: dict) -> list[tuple[str, str]]:
    return [(i["code"], i["text"]) for i in data["request"]["items"]]


def test_a_companys_seal_in_the_signature_is_not_a_request_to_stamp():
    data = _review("关于申请公开用地预审意见的函\n某市自然资源和规划局：\n我司于2024年1月向贵局提交了用地预审申请。"
                   "我司申请公开：贵局就上述申请作出的审查意见或不予通过的书面决定。\n获取方式：当面领取\n"
                   "某某新材料有限公司（盖章）\n2024年4月22日")
    assert data["reply"]["code"] != "no_action.confirm"


def test_e_mail_headers_and_the_applicants_own_particulars_are_not_the_request():
    data = _review("主题：政府信息公开申请\n发件人：林某某 <lin@example.com>\n收件人：某区发展和改革局\n\n您好！\n"
                   "本人林某某，身份证号4401XXXXXXXXXX567X，住某区某街道。\n"
                   "现申请公开：某区某小学扩建工程项目的立项批复文件。\n谢谢！")
    assert data["reply"]["code"] == "disclose"
    assert all("发件人" not in text and "身份证号" not in text for _, text in _items(data))


def test_where_to_send_the_answer_is_not_an_item():
    data = _review("某镇人民政府：\n我叫孙某某，是某村三组的村民。\n我想要镇上对我家危房改造申请的审核审批结果。\n"
                   "请把材料寄到某村三组，或者打电话给我孙子孙某，电话137XXXX5566。\n申请人：孙某某\n2024年4月10日")
    assert data["reply"]["code"] != "withhold.third_party"
    assert not any("寄到" in text for _, text in _items(data))


def test_an_earlier_application_told_as_background_is_not_asked_again():
    items = split_items("某市生态环境局：\n本人曾于2023年8月向贵局申请公开“某化工厂扩建项目环评批复”，贵局已于2023年9月向我提供了该批复的"
                        "复印件。\n现申请公开：该化工厂2023年度排污许可执行报告。")
    assert len(items) == 1 and "曾于" not in items[0].text and items[0].text.endswith("排污许可执行报告")


def test_a_list_under_a_bare_demand_continues_the_demand():
    data = _review("我要求：1.对该工作人员严肃处理并给予处分；2.该工作人员当面向我道歉；3.窗口以后不许再出现这种态度。")
    assert data["reply"]["code"] == "no_action.petition"
    assert {code for code, _ in _items(data)} == {"no_action.petition"}
    # a list of records under the same words is a list of records
    records = _review("我要求：1.征收决定书；2.补偿方案。")
    assert {code for code, _ in _items(records)} == {"disclose"}


def test_a_forms_fields_on_one_line():
    text = "申请人：赵某；所需信息：本人2023年低保申请审批表及审批结果；获取方式：邮寄。"
    assert request_body(text) == "本人2023年低保申请审批表及审批结果"
    assert _review(text)["reply"]["code"] != "other.correction"


@pytest.mark.parametrize("text, code", [
    ("你们最后决定拆我家厂房的那份强制拆除决定书拿出来！我要看凭什么拆！", "disclose"),
    ("申请公开我家（户主李某某）与征收部门签订的房屋征收补偿协议。", "disclose"),
    ("申请公开市人大常委会审议某某水库迁建议案的会议记录。", "other.not_gov_info"),
    ("请公开市第一人民医院2024年的医生绩效分配方案和科室排班表。", "other.not_gov_info"),
])
def test_boundary_requests(text, code):
    assert _review(text)["reply"]["code"] == code


@pytest.mark.parametrize("text", [
    "申请公开镇农村经营管理站代管的某村2022年村集体资金账目（村账镇管）及开支凭证。",
    "请提供某区人民政府收到（2023）某0102行初12号行政判决书后，据此重新作出的征收补偿决定。",
])
def test_records_the_office_holds_are_government_information(text):
    assert _review(text)["reply"]["code"] != "other.not_gov_info"


@pytest.mark.parametrize("text, items", [
    ("第一，某村2022年高标准农田建设项目资金分配文件；第二，该项目的竣工验收报告；第三，该项目的施工合同。",
     ["某村2022年高标准农田建设项目资金分配文件", "该项目的竣工验收报告", "该项目的施工合同"]),
    ("申请公开区教育局以下信息：一是《某区2024年招生入学工作方案》，二是该方案报区政府审批时的请示，三是区政府的批复。",
     ["《某区2024年招生入学工作方案》", "该方案报区政府审批时的请示", "区政府的批复"]),
    ("本人申请获取：\n对我同事张某某作出的工伤认定决定书\n《某市工伤保险实施办法》\n某市人社局内部岗位分工表\n申请人：李某\n2024年5月1日",
     ["对我同事张某某作出的工伤认定决定书", "《某市工伤保险实施办法》", "某市人社局内部岗位分工表"]),
])
def test_lists_marked_by_words_commas_or_lines(text, items):
    assert [i.text for i in split_items(text)] == items


@pytest.mark.parametrize("text", [
    "第一次申请公开的是征收决定，第二次申请公开的是补偿方案。",  # 第一次 is not a list marker
    "依据第二十条第一款申请公开某文件。",
])
def test_ordinal_words_that_are_not_list_markers(text):
    assert len(split_items(text)) == 1


def test_a_platform_export_and_representatives_lines():
    text = ("【申请人信息】姓名：吴某某 身份证号：3301XXXXXXXXXX004X 电话：137XXXX8821\n"
            "【所需信息】某区人民政府2023年第7号公告《关于某片区旧城改建项目房屋征收的决定》及《房屋征收补偿方案》全文。\n"
            "【用途】了解自家房屋补偿政策\n【获取方式】邮寄")
    assert request_body(text).startswith("某区人民政府2023年第7号公告")
    letter = ("致某市生态环境局：\n现代表全体业主申请公开：某输变电工程的环境影响报告表及环评审批意见。\n"
              "业主代表：林某某（7幢）、何某某（12幢）\n联系人：林某某 电话：139XXXX6612 身份证号：3505XXXXXXXXXX4428")
    data = _review(letter)
    assert data["reply"]["code"] == "disclose"
    assert not any("身份证号" in text or "业主代表" in text for _, text in _items(data))
