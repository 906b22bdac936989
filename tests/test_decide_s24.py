"""Round 2, session 24: a record named by a demonstrative after the sentence that describes it, a publication told
of another record than the one asked, everyday demands to act — found on probe sets written by helpers who read
only the law.  Fictional names and places."""

from __future__ import annotations

import pytest
from review_helpers import reviewed_with_model as _review

from reviewer.decide.completeness import completeness, refused_elements
from reviewer.decide.docnumber import find_doc_numbers
from reviewer.decide.outcome import published_claim
from reviewer.decide.request import parse_request


# 补不补: a record named only by 那个/该 + a record noun is described by the sentence before it.
@pytest.mark.parametrize("text, described", [
    ("上个月市医保局新发了一个文件，说是关于门诊共济报销比例调整的。请把市医保局的那个文件给我一份。", "门诊共济"),
    ("去年县里出了个批复，同意我们村的土地调整。麻烦把该批复复印一份寄给我。", "土地调整"),
])
def test_a_demonstrative_takes_its_description_from_the_sentence_before(text, described):
    items = parse_request(text).items
    assert len(items) == 1 and described in items[0].text


def test_a_demonstrative_after_a_sentence_naming_no_record_stays_alone():
    items = parse_request("我家房子漏水好几年了，楼上一直不管。我要看看那个东西的全文，请提供。").items
    assert all("漏水" not in item.text for item in items)


def test_a_described_record_is_not_drafted_as_unclear():
    d = _review("上个月市医保局新发了一个文件，说是关于门诊共济报销比例调整的。请把市医保局的那个文件给我一份。")
    assert d["reply"]["code"] != "other.correction"
    assert "TRI009" not in {e["cue"] for e in d["triage"]["evidence"]}


def test_a_bare_that_file_is_still_unclear():
    d = _review("把那个文件给我。")
    assert d["reply"]["code"] == "other.correction"
    assert "TRI009" in {e["cue"] for e in d["triage"]["evidence"]}


# 有没有 / 怎么给: the applicant's word that something is published concerns the record asked only.
@pytest.mark.parametrize("text", [
    "我申请公开某区城管局对我家隔壁餐馆的行政处罚案卷。听说处罚决定书已在网站公开。",
    "补偿方案已在网站上公布，但我要的是我家的评估报告。",
    "申请公开县政府2023年第5次常务会议纪要。会议新闻已在网站发布。",
])
def test_a_publication_told_of_another_record_is_no_published_claim(text):
    assert published_claim(text) is None
    assert _review(text)["reply"]["code"] != "disclose.published"


@pytest.mark.parametrize("text", [
    "我在区政府网站上看过这个通知，请提供通知全文。",
    "申请公开2023年征收补偿方案。该方案已在网站上公布。",
    "请提供拟录用人员名单。名单已在网站公示过。",
])
def test_a_publication_told_of_the_asked_record_is_a_published_claim(text):
    assert published_claim(text)
    assert _review(text)["reply"]["code"] == "disclose.published"


# 是不是: a short letter that only demands action is a petition (第三十九条), not an unclear request.
@pytest.mark.parametrize("text", [
    "小区垃圾站臭得要命，赶紧给我处理掉",
    "楼下烧烤店天天闹到半夜，你们到底管不管？",
])
def test_an_everyday_demand_to_act_is_a_petition(text):
    assert _review(text)["reply"]["code"] == "no_action.petition"


def test_a_demand_to_answer_the_application_is_no_petition():
    assert _review("请马上答复我的公开申请，提供本村2023年的拆迁补偿方案。")["reply"]["code"] != "no_action.petition"


# The split modules answer as request.py did.
def test_completeness_and_doc_numbers_live_in_their_own_modules():
    request = parse_request("申请公开示府发〔2023〕5号文件。身份证：不提供。")
    assert find_doc_numbers(request.text) == ["示府发〔2023〕5号"]
    assert "identity" in refused_elements(request.text)
    assert any("身份证明" in m for m in completeness(request))


# 谁负责: the office's own note kept with a letter tells who made the record (a joint document led by another organ).
def test_an_office_note_beside_a_letter_tells_the_lead_organ_of_a_joint_document():
    text = ("区财政局：本单位申请公开去年印发的《某区促进物流业发展专项资金管理办法》（两部门联合发文）。\n"
            "单位：某某商会（盖章）　联系人：韩某\n"
            "【内部流转单】文件处意见：该办法系区商务局牵头起草并主办、与我局联合印发，使用区商务局发文字号，原件归区商务局存档。")
    d = _review(text)
    assert d["reply"]["code"] == "unavailable.other_agency"
    assert all(e["cue"] != "TRI018" for e in d["triage"]["evidence"])  # the routing slip is not the request


def test_office_notes_are_the_notes_only():
    from reviewer.decide.restatement import office_notes

    text = "区财政局：请公开某办法。\n【内部流转单】文件处意见：该办法由区商务局牵头。\n经办人意见：转区商务局。"
    assert office_notes(text).splitlines() == ["【内部流转单】文件处意见：该办法由区商务局牵头。", "经办人意见：转区商务局。"]


# 是不是: the same application made again after the office answered it, told in the applicant's own letter.
def test_a_repeat_told_in_a_letter_is_a_duplicate():
    text = ("本人曾于2024年6月申请公开“某路拓宽工程的立项批复”，贵局已书面提供了复印件。现本人再次提出申请，"
            "内容仍为：某路拓宽工程的立项批复。")
    assert _review(text)["reply"]["code"] == "no_action.duplicate"


def test_a_new_record_asked_after_an_answer_is_no_duplicate():
    text = "贵局已作出答复并提供了立项批复。现再次申请，内容为该工程的竣工验收备案表。"
    assert _review(text)["reply"]["code"] != "no_action.duplicate"


# 是不是: a dead parent's hospital chart and bank deposits are the hospital's and the banks' records (第二条).
@pytest.mark.parametrize("text, cue", [
    ("区卫健委：我母亲去年在区中心医院住院抢救了十天，人没了。我是她女儿，请公开她那次住院的全部病历和医嘱单。", "TRI061"),
    ("人民银行某县支行：我父亲上月去世，请公开我父亲名下在全县各银行的存款账户和余额。", "TRI047"),
])
def test_records_of_hospitals_and_banks_are_not_government_information(text, cue):
    d = _review(text)
    assert cue in {e["cue"] for e in d["triage"]["evidence"]}
    # (a bank deposit of the dead is also had through the heirs' notarial procedure)
    assert d["reply"]["code"] in ("other.not_gov_info", "other.special_procedure")
    assert "other.not_gov_info" in [c["code"] for c in d["candidates"]][:2]


# 是不是: a question followed by an explicit ask for the record is a request for it.
@pytest.mark.parametrize("text", [
    "想请问现行床位费标准出自哪份文件，文号为何？烦请将文件电子版发至本邮箱。",
    "小区门口要建垃圾中转站。这个项目做没做环评？环评批复文号是多少？麻烦把批复发我邮箱。",
    "镇敬老院改扩建工程当初是谁批的？我们几个住在院里的老人想看看批文，能不能复印一份给我们。",
])
def test_a_question_with_an_ask_for_the_record_is_a_request(text):
    assert _review(text)["reply"]["code"] != "other.consultation"


def test_a_question_with_its_answer_sent_by_mail_is_still_a_consultation():
    assert _review("请问学区划片的依据是什么？请将答复发至本邮箱。")["reply"]["code"] == "other.consultation"


# Screening: procedure charts, discretion standards and budget statements name record kinds as topics.
@pytest.mark.parametrize("text, code", [
    ("某县综合行政执法局行政处罚（一般程序）流程图说明\n一、立案：对投诉举报进行核查。\n"
     "二、调查取证：执法人员不少于两人，出示执法证件，制作询问笔录。", "ENF001"),
    ("某县农业农村局2024年度部门决算“三公”经费支出情况说明\n"
     "（三）公务接待费支出3.81万元，主要为上级部门检查指导。\n"
     "减少的主要原因：压减一般性支出，公务接待一律在机关食堂安排工作餐。", "INT007"),
])
def test_public_explanations_do_not_trip_record_kind_rules(text, code):
    from reviewer.screen.screening import Screener

    report = Screener().screen_text(text, path="probe")
    assert code not in {f.rule for f in report.findings}
    # the same body under a heading that does not say what the text is
    body = "附件2\n" + text.split("\n", 1)[1]
    assert code in {f.rule for f in Screener().screen_text(body, path="probe").findings}


@pytest.mark.parametrize("note, maker", [
    ("（承办人：中考由市教育局统一组织，成绩和评卷资料由市教育考试院统一管理，区教育局不保存。）", "市教育局"),
    ("承办科室意见：住房公积金由市住房公积金管理中心统一归集管理，本局不掌握个人缴存数据。", "市住房公积金管理中心"),
])
def test_the_officers_note_in_everyday_forms_tells_the_maker(note, maker):
    from reviewer.decide.narrated import narrated_maker, told_account

    letter = "区教育局：请你们公开我本人的有关记录。申请人：邵某某\n" + note
    assert narrated_maker(told_account(letter), None) == maker


def test_a_notice_not_taken_down_is_still_published():
    from reviewer.decide.narrated import narrated_published

    told = ("申请人陈某想要获取“2023年某县事业单位公开招聘拟聘用人员名单”。经查，该名单已由县人社局于2023年8月15日在县政府网站"
            "“人事招考”栏目公示，公示期满后页面未撤下，至今仍可查阅。")
    assert narrated_published(told)
    assert narrated_published(told.replace("页面未撤下，至今仍可查阅", "页面已撤下")) is None


def test_a_restated_answer_about_other_records_is_no_published_claim():
    text = ("原告卢某请求被告某县水利局公开“2022年机关食堂食材采购台账”。被告答复，该局“三公”经费预决算已按规定向社会公开，"
            "原告所要的台账属于后勤管理信息。")
    assert _review(text)["reply"]["code"] != "disclose.published"


# 谁负责: a vertically managed organ's local office named with a pseudonymised place.
@pytest.mark.parametrize("text, organ", [
    ("关于申请公开进口环节代征税款信息的函\n国家税务总局××市税务局：\n申请公开委托人2023年度的海关进口增值税专用缴款书。", "国家税务总局××市税务局"),
    ("国家外汇管理局××分局：\n本公司申请公开某矿业公司的《企业境外投资证书》。", "国家外汇管理局××分局"),
])
def test_a_vertically_managed_office_is_the_organ_asked(text, organ):
    from reviewer.decide.organ import request_addressee

    assert request_addressee(text) == organ
    # 海关 makes the 缴款书 and 商务主管部门 the 境外投资证书 (competence table CMP032, CMP034)
    assert _review(text)["reply"]["code"] == "unavailable.other_agency"


# 是不是: a company's letter asking the office to rule on numbered questions is a consultation.
def test_numbered_questions_put_for_a_written_ruling_are_a_consultation():
    text = ("某省市场监督管理局：\n我公司拟与一家同行企业组建采购联盟。现根据《政府信息公开条例》，请贵局就下列事项作出书面答复：\n"
            "1.上述合作是否构成《反垄断法》禁止的垄断协议；\n2.是否需要向贵局申报或备案；\n3.如存在法律风险，合作方案应如何调整。\n某某公司")
    assert _review(text)["reply"]["code"] == "other.consultation"


def test_the_same_report_asked_again_after_a_partial_answer_is_a_duplicate():
    text = ("某市发展和改革委员会：\n本会曾于2025年1月6日申请公开“本市2024年度居民生活用水价格调整的定价成本监审报告全文”，"
            "贵委已于同月24日以某发改信复〔2025〕7号作出部分公开的答复。本会认为被隐去的部分不涉及商业秘密，"
            "现就同一份成本监审报告全文再次提出申请，请贵委予以全部公开。")
    assert _review(text)["reply"]["code"] == "no_action.duplicate"


@pytest.mark.parametrize("text", [
    "某市证监局：申请公开：1.证券交易所纪律处分委员会审议对本公司予以公开谴责事项的会议记录；2.证券交易所上市公司管理部门提交的初审报告。",
    "某市市场监督管理局：申请公开监察机关对本局原副局长王某某采取留置措施的决定书。",
])
def test_exchange_and_supervisory_commission_records_are_not_government_information(text):
    assert _review(text)["reply"]["code"] == "other.not_gov_info"


# 怎么给: a record published by its nature or by 第二十条 is likely 已主动公开 — a candidate to check in the catalog.
@pytest.mark.parametrize("text, weight", [
    ("申请公开2023年某村集体土地征收公告。", "nature"),
    ("申请公开贵局境外放款登记业务的办事指南。", "law"),
    ("申请公开征收公告的审批材料。", None),
    ("申请公开2023年度部门预算的编制底稿。", None),
])
def test_records_published_by_kind(text, weight):
    from reviewer.decide.outcome import PUBLIC_BY_LAW_WEIGHT, PUBLIC_BY_NATURE_WEIGHT, published_by_kind

    expected = {"nature": PUBLIC_BY_NATURE_WEIGHT, "law": PUBLIC_BY_LAW_WEIGHT, None: 0.0}[weight]
    assert published_by_kind(text) == expected
    codes = [c["code"] for c in _review(text)["candidates"]][:3]
    assert ("disclose.published" in codes) == (weight is not None)


def test_a_list_led_by_asking_for_advice_is_a_consultation():
    text = ("尊敬的领导：\n我司计划今年首次申报高新技术企业，有几个问题拿不准，特此请教：\n"
            "1.研发费用占销售收入的比例，是按集团合并报表计算还是按我司单体报表计算？\n2.受让取得的发明专利能否作为核心自主知识产权？")
    assert _review(text)["reply"]["code"] == "other.consultation"


# 是不是 / 给不给: a question about a company's licence, then an ask for it.
def test_a_companys_licence_asked_after_a_question_is_an_ordinary_public_record():
    text = ("孩子学校食堂的配餐公司叫“某某餐饮管理有限公司”，家长群里有人说它没证。这家公司究竟有无食品经营许可证？"
            "许可证编号和许可项目是什么？请公开该许可信息。")
    d = _review(text)
    assert d["reply"]["code"] == "disclose"
    assert "TRI044" in {e["cue"] for e in d["triage"]["evidence"]}


@pytest.mark.parametrize("text", [
    "俺想问问，他家这块宅基地镇上到底批了没有？有没有审批表？有的话给俺一份复印件。",
    "贵局收取的垃圾处理费有没有批准文件？请告知文号，并提供复印件一份。",
])
def test_everyday_asks_for_a_copy_are_demands_for_the_record(text):
    from reviewer.decide.leanings import demands_disclosure

    assert demands_disclosure(text)
