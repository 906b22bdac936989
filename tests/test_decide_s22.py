"""Round 2, session 22: case notes quoted with their source caption, the organ asked told by itself, the approving organ
that is no maker, a letter's own records beside others' submitted papers, public notices and aggregates, company tax
returns, published web pages and forms of address — found on probe sets written by helpers who read only the law.
Fictional names and places."""

from __future__ import annotations

import pytest
from review_helpers import reviewed_with_model as _review

from reviewer.decide.competence import load_table
from reviewer.decide.description import admits_unknown
from reviewer.decide.organ import detect_other_agency, request_addressee
from reviewer.decide.request import split_items
from reviewer.decide.roster import lists_people
from reviewer.detect.validators import person_name
from reviewer.screen.screening import Screener


def _named(d: dict) -> dict[str, float]:
    return {g["ground"]: g["probability"] for g in d.get("request_grounds") or [] if g.get("named")}


@pytest.fixture(scope="module")
def screener():
    return Screener()


def _flagged(result) -> set[str]:
    return {name for name, c in result.categories.items() if c.score >= 0.5}


# 是不是 / the items: a case note's source caption is not a record asked for.
def test_a_case_notes_source_caption_is_no_item():
    text = ("（某市医疗保障局2023年度政府信息公开工作年度报告·依申请公开典型案例）某医药连锁公司来函，申请获取本局"
            "《关于2023年度定点医药机构协议管理考核结果的通报》（某医保发〔2024〕6号）全文。")
    items = [i.text for i in split_items(text)]
    assert len(items) == 1 and "年度报告" not in items[0] and "考核结果的通报" in items[0]
    d = _review(text)
    assert d["reply"]["code"] == "disclose"  # an assessment of outside institutions, issued with a 文号
    assert "internal_affairs" not in _named(d)


def test_a_staff_assessment_is_still_internal_affairs():
    assert "internal_affairs" in _named(_review("申请公开你局机关干部2023年度考核结果。"))


# 给不给: the applicant's own property ("其名下") is no third party's privacy; a contractor called 第三方 is no person.
@pytest.mark.parametrize("text", [
    "被征收人李某某申请公开其名下某街道18号房屋的征收补偿协议及房屋价值评估报告。",
    "原告认为天桥拆除缺乏依据，遂申请公开拆除某路口人行天桥前委托第三方作出的结构安全评估报告。",
])
def test_own_property_and_a_contracted_third_party_are_no_privacy(text):
    d = _review(text)
    assert "privacy" not in _named(d)
    assert d["reply"]["code"] == "disclose"


def test_a_neighbours_agreement_is_still_privacy():
    assert "privacy" in _named(_review("申请公开邻居王某某及其名下房屋的征收补偿协议。"))


# 怎么给: a list said to hold identifiers is a list of people, redacted and given.
@pytest.mark.parametrize("text, expected", [
    ("某镇2022年农村危房改造补助对象名单（含身份证号码、银行卡号）", True),
    ("2020年度某村到户产业扶贫奖补资金发放花名册，需要包括每户户主姓名、身份证号码、补助金额", True),
    ("全部低保户的身份证号码和银行账号", False),
    ("张某某家的补偿明细表", False),
])
def test_a_list_holding_identifiers_is_still_a_list(text, expected):
    assert lists_people(text) is expected


def test_a_list_holding_identifiers_drafts_partial():
    assert _review("某镇2022年农村危房改造补助对象名单（含身份证号码、银行卡号）")["reply"]["code"] == "partial"


# 给不给: a public notice or aggregated figures name no one; a company's tax returns are its business data.
def test_a_public_notice_with_figures_by_village_is_no_privacy():
    d = _review("原告诉称：其于2023年9月向被告某镇人民政府申请公开该镇2022年度临时救助资金发放情况的公示材料"
                "（含救助对象类别、分村汇总的救助人次及金额）。")
    assert "privacy" not in _named(d)
    assert d["reply"]["code"] == "disclose"


def test_a_named_companys_tax_returns_are_its_business_data():
    d = _review("申请公开：某建材有限公司2021—2023年度企业所得税、增值税的纳税申报表和实际缴纳税额。")
    assert "trade_secret" in _named(d)
    assert d["reply"]["code"] == "withhold.third_party"


def test_a_companys_profit_total_is_no_public_total_beside_it():
    d = _review("要求公开某机械制造有限公司在经济普查中填报的普查表，具体为该公司2023年营业收入、利润总额、"
                "从业人员期末人数和工资总额等原始填报数据。")
    # not 部分公开 (no public total is asked beside it); since session 28 a single respondent's census return is
    # 其他法律、行政法规禁止公开 (reviewer.decide.prohibited) rather than a trade secret to weigh
    assert d["reply"]["code"] == "withhold.law_prohibited"


# 谁负责: the organ's own case note names it; another organ that made or approved the record.
def test_an_organs_own_case_note_names_the_organ():
    text = "本机关（某县某乡人民政府）收到申请人要求公开“省人民政府批准某县2020年度第3批次农用地转用和土地征收的批复文件”的申请。"
    assert request_addressee(text) == "某县某乡人民政府"
    assert detect_other_agency(text, request_addressee(text)) == "省人民政府"
    assert _review(text)["reply"]["code"] == "unavailable.other_agency"


@pytest.mark.parametrize("text, asked, other", [
    ("原告向被告县农业农村局申请公开县生态环境局核发给某化工厂的排污许可证。", "县农业农村局", "县生态环境局"),
    ("申请人向区市场监管局申请公开区公安分局交警大队设置某路口电子警察的审批文件。", "区市场监管局", "区公安分局交警大队"),
    # the organ that approves another's record is not its maker
    ("原告向被告某区人民政府申请公开“某片区房屋征收补偿方案（经区政府批准的正式文本）”。", "某区人民政府", None),
    ("原告曾向被告某县人民政府申请公开：被告报请省政府批准征地的请示。", "某县人民政府", None),
])
def test_the_organ_asked_and_the_maker_named(text, asked, other):
    own = request_addressee(text)
    assert own == asked
    assert detect_other_agency(text, own) == other


def test_contents_of_submitted_papers_are_no_records_of_their_makers():
    table = load_table()
    item = ("该项目的建设用地规划许可证、建设工程规划许可证，以及第三人报批时提交的全部材料（包括公司营业执照、年度财务审计报告、"
            "法定代表人身份证复印件）")
    assert table.maker_of(item, "某市自然资源局") is None
    assert table.maker_of("某公司的营业执照", "某市自然资源局") is not None


def test_residents_medical_insurance_contributions_are_set_by_the_healthcare_security_bureau():
    d = _review("县人社局：我家是城乡居民，今年医保缴费又涨了。申请公开县里确定2024年度城乡居民基本医疗保险个人缴费标准的文件。")
    assert d["reply"]["code"] == "unavailable.other_agency"


# 是不是: a duplicate told by the organ, a question whether a policy applies, a demand written into the form's field.
def test_the_same_information_asked_and_given_before_is_a_duplicate():
    d = _review("本机关于2024年7月22日收到申请人张某某提交的申请，要求公开某项目房屋征收决定及补偿方案。经查，张某某曾于2024年"
                "5月就同一信息提出申请，本机关已于同年6月3日以某政信复〔2024〕21号答复书向其提供了上述信息。")
    assert d["reply"]["code"] == "no_action.duplicate"


@pytest.mark.parametrize("text", [
    "某区税务局依申请公开登记：申请人周某通过电子邮件提出，其拟出售名下一套住房，要求本局“书面确认该房产出售是否适用家庭唯一住房满五年免征个人所得税政策”。",
    "《某市居住证办理实施细则》中“合法稳定住所”应如何认定",
])
def test_whether_a_rule_applies_is_a_consultation(text):
    assert _review(text)["reply"]["code"] == "other.consultation"


def test_a_demand_written_in_the_forms_content_field_is_a_petition():
    d = _review("被申请人提交的证据显示，申请人向被申请人某区住房和城乡建设局提交政府信息公开申请表，“申请公开的信息”栏填写："
                "“本人对征收补偿不服，要求重新评估、按周边新房市场价补偿，否则将继续上访。”")
    assert d["reply"]["code"] == "no_action.petition"


@pytest.mark.parametrize("text, expected", [
    ("申请公开“2019年左右上面哪个部门给我们村下的那个批文”。", True),
    ("申请公开2019年某县自然资源局给我们村下的征地批文。", False),
])
def test_a_record_only_pointed_at_with_its_maker_unknown_is_undescribed(text, expected):
    assert admits_unknown(text) is expected


# Screening: a published web page, a contact by form of address, a policy's categories, evidence kinds named.
_DISCIPLINE = "关于给予柯某某同志政务警告处分的决定\n经局党组研究，决定给予柯某某同志政务警告处分。"


def test_a_published_web_page_is_clear_of_the_record_kind_grounds(screener):
    text = "发布时间：2024-09-12 10:30    来源：某县卫生健康局\n" + _DISCIPLINE
    assert "internal_affairs" not in screener.screen_text(text, path="probe").categories


def test_the_same_record_without_the_web_header_is_still_flagged(screener):
    assert "internal_affairs" in screener.screen_text(_DISCIPLINE, path="probe").categories


@pytest.mark.parametrize("value", ["罗女士", "邱先生", "张师傅"])
def test_a_surname_with_a_form_of_address_is_not_a_name(value):
    assert person_name(value).valid is False


def test_a_full_name_keeps_its_shape():
    assert person_name("罗秀英").valid is None


@pytest.mark.parametrize("text", [
    "××镇2024年“一事一议”筹资筹劳方案公示\n二、项目预算：其中，申请上级财政奖补资金39万元。\n三、筹资标准：每人每年不超过20元；五保户、低保户、重度残疾人免筹。\n四、受益村民义务投工约1200个工日。",
    "法律援助典型案例\n承办律师通过调取考勤记录、工友证言和微信聊天记录固定证据，协助当事人向仲裁委员会申请仲裁。",
    "某区某社区卫生服务中心医疗设备采购项目中标（成交）结果公告\n采购人联系人：罗女士　电话：0XXX-8XXXX021\n代理机构联系人：邱先生",
])
def test_policies_cases_and_notices_naming_no_one_are_clean(screener, text):
    assert "privacy" not in _flagged(screener.screen_text(text, path="probe"))


def test_a_named_patients_diagnosis_is_still_privacy(screener):
    text = "困难救助审批表\n户主：韩建军，男，56岁，确诊尿毒症，每周透析三次。"
    assert "privacy" in _flagged(screener.screen_text(text, path="probe"))


# Screening: an office's contact block in a notice is no one's personal data; a private contact still is.
@pytest.mark.parametrize("text", [
    "干部任前公示\n对拟任人选有异议的，可向县委组织部反映。\n受理电话：0838-12380　短信：13908382380",
    "公共租赁住房保障对象轮候名单公示\n对公示对象有异议的，可向县住建局住房保障股反映，电话0838-6223170，电子邮箱 zfbz@zcxgov.example.cn。",
    "巡察整改进展情况通报\n如有意见建议，请反映至县水务局党组。联系电话：0838-6226118；邮寄地址：某县城关镇滨河路2号。",
    "政府采购合同公告\n采购人：某县人民医院  地址：某县城关镇人民路18号  联系人：白老师\n供应商地址：某市某区经开大道166号    联系方式：0838-2281766",
    "某县教育和体育局关于申请追加2024年农村学校校舍维修资金的请示\n妥否，请批示。\n（联系人：宋文博  电话：6227190）",
])
def test_an_offices_contact_block_in_a_notice_is_clean_of_privacy(screener, text):
    result = screener.screen_text(text, path="probe")
    assert not [f for f in result.findings if f.rule.startswith("PRV") and f.severity != "info"], \
        [(f.rule, f.text) for f in result.findings]


@pytest.mark.parametrize("text", [
    "信访事项登记\n来信人：黎桂芳　联系电话：15883621750　住址：白石镇桂花村二组9号",
    "申请人：周建国　电子邮箱：zhoujg1978@example.com　手机：13912345678",
])
def test_a_private_persons_contact_details_are_still_flagged(screener, text):
    assert "privacy" in _flagged(screener.screen_text(text, path="probe"))


def test_an_official_vehicle_in_the_agencys_log_is_no_personal_data(screener):
    text = "某县农业农村局公务用车使用登记簿（2024年第3季度）\n车牌号：川G·3M517（执法执勤用车）\n用车事由：农资打假检查"
    assert not any(f.rule == "PRV008" for f in screener.screen_text(text, path="probe").findings)


def test_rules_listing_what_a_personnel_file_holds_are_no_personnel_file(screener):
    text = ("某县干部人事档案管理工作实施细则（节选）\n（某组通〔2023〕28号印发）\n"
            "第十二条 干部人事档案内容分为以下十类：（一）履历类材料。主要包括《干部履历表》和干部简历等材料。")
    assert not any(f.rule == "INT004" for f in screener.screen_text(text, path="probe").findings)


def test_a_redaction_note_naming_process_parameters_is_no_trade_secret(screener):
    text = "环境影响报告书受理公示\n说明：报告书公开版本已按某纸业有限公司申请，依法删除涉及商业秘密的工艺参数和原料供应商信息。"
    assert not any(f.rule == "TRD003" for f in screener.screen_text(text, path="probe").findings)


# 给不给: "他们" asking for the others' records; a suspicion about one's own card leaves the others' records theirs.
def test_their_income_and_medical_proofs_are_a_third_partys():
    d = _review("申请公开我们社区2023年全部低保户的名单、每户每月领多少钱，还有他们当初申请低保时报的家庭收入、住院看病的证明。"
                "有几户我看条件比我家强多了。")
    assert "privacy" in _named(d) and d["reply"]["code"] == "partial"


def test_a_suspicion_about_ones_own_card_does_not_make_the_list_ones_own():
    d = _review("市医保局：我申请公开：1.对这家药房的处理决定；2.这次查出来违规刷卡的参保人名单和每个人的购药明细，"
                "我怀疑我的医保卡也被人盗刷过。")
    assert "privacy" in _named(d)


def test_a_question_in_straight_quotes_reads_as_in_chinese_quotes():
    text = ('某区税务局依申请公开登记：申请人周某通过电子邮件提出，其拟出售名下一套住房，要求本局"书面确认该房产出售是否适用'
            '家庭唯一住房满五年免征个人所得税政策"。')
    assert _review(text)["reply"]["code"] == "other.consultation"


def test_a_confirmation_of_a_legal_reading_is_a_consultation():
    d = _review("原告要求被告确认其与某劳务公司之间的用工关系是否属于劳务派遣，并说明法律依据。")
    assert d["reply"]["code"] == "other.consultation"


def test_a_request_for_a_copy_to_be_confirmed_is_still_a_confirmation():
    assert _review("请确认我手中的这份征地批复复印件是否真实有效，并加盖公章。")["reply"]["code"] == "no_action.confirm"


def test_a_description_of_a_few_words_told_by_the_narrator_is_missing():
    assert admits_unknown("申请表“所需政府信息内容描述”一栏只写了“征地的事”四个字。")
    assert not admits_unknown("申请表“所需政府信息内容描述”一栏写明“2019年某路拓宽工程的征地批复”。")


def test_a_companys_original_statistical_returns_are_its_business_data():
    d = _review("某机械制造有限公司向统计部门报送的2022年度原始统计调查表")
    # the company's business data is still named; the draft rests on the statistics law's bar on giving out a single
    # respondent's return (session 28, reviewer.decide.prohibited) rather than on weighing a trade secret
    assert "trade_secret" in _named(d) and d["reply"]["code"] == "withhold.law_prohibited"


# 是不是: a story told before a question or a complaint belongs to it.
@pytest.mark.parametrize("text, code", [
    ('申请表"申请公开的政府信息内容描述"栏填写："退休后随子女到外省异地安置，在居住地住院的医保报销比例是按参保地标准还是按就医地'
     '标准执行？起付线怎么算？"信息用途栏填写"自用"。', "other.consultation"),
    ("某某律师事务所\n关于请求依法查处的函\n某区卫生健康委员会：\n本所接受钱某某的委托，现依据《中华人民共和国政府信息公开条例》"
     "之规定致函贵委：委托人于2022年在某区某医院住院治疗期间，该院存在重复检查、分解收费等违规行为。请贵委依法对该院进行查处，"
     "责令其退还违规收取的费用，并追究相关责任人员的责任。\n律师：孙某某", "no_action.petition"),
    ("本所就以下法律适用问题请贵局予以书面答复：一、《某市物业管理条例》第三十条所称“专项维修资金”是否包括电梯更新费用；"
     "二、业主大会未成立时维修资金的使用应由谁表决；三、贵局对此类事项是否有审批权限。", "other.consultation"),
])
def test_the_story_before_a_question_or_complaint_is_part_of_it(text, code):
    assert _review(text)["reply"]["code"] == code


def test_a_titled_record_beside_a_question_is_still_a_record():
    d = _review("某市人民政府办公室：1.请寄给我市政府2023年第15号令《某市物业管理办法》的起草说明；2.这个办法第二十条说的“公共收益”"
                "具体包括哪些？")
    assert [i["code"] for i in d["request"]["items"]][0] != "other.consultation"


@pytest.mark.parametrize("text, code", [
    ("申请人称：其户口被迁出原籍，故要求被申请人某派出所“恢复申请人在某某村的原户籍登记”。", "no_action.petition"),
    ("案情简介：申请人冯某曾于2020年向某县公安局报案称被合同诈骗，该局决定不予立案。2022年，冯某向该局申请公开“对本人报案作出"
     "不予立案决定的内部审批表、呈请报告及侦查人员的调查笔录”。", "other.not_gov_info"),
    ("家长代表来函称：某区实验小学的内部管理长期不透明。现向区教育局申请公开“该校2023学年各班主任的课时安排表、全体教职工考勤"
     "记录以及年度评优的投票记录”。", "other.not_gov_info"),
    ("申请人系某市第一人民医院护士，以邮寄方式向市卫生健康委员会申请公开“市第一人民医院护理部2022年全年各病区护士排班表、"
     "夜班费发放明细”。", "other.not_gov_info"),
    ("我想申请查一下我本人从2012年到现在的住房公积金缴存明细，每个月交了多少。麻烦公积金中心出一份明细给我。",
     "other.special_procedure"),
    ("收件编号2024-0037，申请人王某某，申请内容：“请根据贵局掌握的出租车计价器及GPS运营数据，测算本市出租汽车2023年度单车日均"
     "营运收入和日均空驶率。”", "unavailable.needs_creation"),
    ("申请表“所需信息的内容描述”栏填写：“详见附件”。经核对，申请人未随申请表提交任何附件。", "other.correction"),
    ("你们3月份回给我的答复我收到了，说什么没有找到，我根本不信！现在我再申请一遍，还是那份：某某镇2019年某某村道路硬化工程的"
     "竣工验收报告。", "no_action.duplicate"),
])
def test_request_determinable_replies(text, code):
    assert _review(text)["reply"]["code"] == code


def test_a_school_asked_about_by_the_bureau_for_its_own_approval_is_the_bureaus_record():
    d = _review("教育局信息公开办：请提供你们批准某实验小学扩班的内部审批单。")
    assert d["reply"]["code"] != "other.not_gov_info"


@pytest.mark.parametrize("text, asked, other", [
    ("一审中，原告明确其所涉申请系向被告某区教育局提出，申请内容为“某区市场监督管理局2022年对某小学周边某某食品店销售三无食品"
     "作出的行政处罚决定书”。", "某区教育局", "某区市场监督管理局"),
    ("上诉人称，其向被上诉人某区住房和城乡建设局申请公开的“某市公安局交通警察支队在某某路与某某街交叉口设置闯红灯自动记录设备的"
     "审批文件”，被上诉人应予提供。", "某区住房和城乡建设局", "某市公安局交通警察支队"),
])
def test_a_dated_or_placed_act_of_another_organ(text, asked, other):
    own = request_addressee(text)
    assert own == asked and detect_other_agency(text, own) == other


@pytest.mark.parametrize("text", [
    "市自然资源和规划局信息公开台账记载：申请人黄某某，申请内容“市发展和改革委员会关于某某至某某高速公路项目的核准批复文件”。",
    "申请人寄给省交通运输厅的信中写道：“请公开某市城市管理局关于某某大道占道施工的许可决定书。”",
])
def test_the_organ_asked_told_by_its_register_or_the_letters_address(text):
    assert _review(text)["reply"]["code"] == "unavailable.other_agency"


def test_a_notice_printed_on_a_website_is_no_publication():
    d = _review("申请人要求某市公安局公开“2024年春节期间烟花爆竹限放区域的划定文件”。经查，该通告已刊载于市公安局官网“警务公开”栏目。")
    assert d["reply"]["code"] != "no_action.publication"


# Screening: published decisions, judgments, Q&As and notices that talk about records are clean; a publication mark
# clears the classifier's 第十六条 grounds as it clears the rules'.
@pytest.mark.parametrize("text, rule", [
    ("某区人民法院\n行 政 判 决 书\n（2024）某0102行初215号\n经审理查明：被告调取了对某某的调查笔录，笔录载明：问：你是否在场？答：在场。", "ENF001"),
    ("“阳光招生”政策问答\n——某市教育局解读2025年义务教育阶段招生入学工作\n问：今年网上报名需要准备哪些材料？\n答：户口簿和房产证明。", "ENF006"),
    ("某市财政局\n政府采购投诉处理决定书\n某财采投〔2025〕7号\n投诉人称中标人的分项报价明显低于成本构成，经审查，投诉事项缺乏事实依据。", "TRD002"),
    ("市财政局有关负责人就《某市政府采购领域公平竞争审查若干规定》答记者问\n问：供应商的技术方案和成本构成是否构成商业秘密？\n答：…", "TRD001"),
    ("中共某县委办公室　某县人民政府办公室\n关于2024年度乡镇绩效考核结果的通报\n某办通〔2025〕3号\n对考核结果靠后的乡镇主要负责人进行约谈。", "INT001"),
    ("某区司法局公务用车使用登记簿（2025年3月）\n日期　车号　驾驶员　事由\n3月3日　湘A·D2817　张某　送达文书", "PRV008"),
    ("关于干部任职前公示的通告\n对公示对象有意见的，可以来信反映。\n来信地址：某县新城大道1号县委大院3楼干部监督室　邮编：419600", "PRV009"),
])
def test_documents_that_only_talk_about_records_are_clean(screener, text, rule):
    assert not any(f.rule == rule for f in screener.screen_text(text, path="probe").findings)


def test_a_publication_mark_clears_the_classifiers_record_kind_grounds():
    from reviewer.model.loader import load_models

    models, _ = load_models()
    screener = Screener(grounds_model=models.grounds)
    body = ("某市人民政府常务会议纪要\n〔2025〕第9期\n会议研究了城市更新工作，议定：由市住建局牵头修改完善实施方案后按程序报批；"
            "市财政局负责落实资金。会议讨论了老旧小区改造项目推进中的问题，要求各区倒排工期。")
    marked = screener.screen_text(body.replace("〔2025〕第9期\n", "〔2025〕第9期\n（公开方式：主动公开）\n"), path="probe")
    assert not {"process_info", "internal_affairs", "enforcement_file"} & set(marked.categories)
    unmarked = screener.screen_text(body, path="probe")
    assert "process_info" in unmarked.categories


@pytest.mark.parametrize("text, public", [
    ("关于某市生态环境局2024年度公务员年度考核拟定优秀等次人员的公示\n根据《公务员考核规定》，经个人总结、民主测评，拟定以下人员为优秀等次。", True),
    ("某市干部人事档案管理实施细则（节选）\n（某组发〔2024〕15号　2024年9月3日印发）\n第九条 干部人事档案包括……", True),
    ("某市干部人事档案管理实施细则（征求意见稿）\n（某组发〔2024〕15号）\n第九条 ……", False),
    ("关于调整局机关科室分工的通知\n各科室：经局党组研究，决定调整分工如下……", False),
    ("某某村民小组会议纪要\n时间：2024年3月5日", False),
])
def test_public_by_kind(text, public):
    from reviewer.screen.screening import public_by_kind

    assert public_by_kind(text) is public


def test_a_record_the_organ_found_classified_drafts_state_secret():
    text = ("（某市粮食和物资储备局依申请公开办理记录）申请人要求公开本市市级储备粮的储存规模、各承储库点名称及实际库存数量。"
            "经查，记载上述内容的文件由本局依照保密事项范围确定为秘密级，标注“秘密★5年”，尚在保密期限内。")
    d = _review(text)
    assert d["reply"]["code"] == "withhold.state_secret"
    assert "已依法定密" in " ".join(d["reply"].get("reasons") or [])


def test_a_declassified_record_is_not_drafted_as_a_secret():
    text = ("申请人要求公开本市2015年市级储备粮的储存规模。经查，该文件原确定为秘密级，已过保密期限并已解密。")
    assert _review(text)["reply"]["code"] != "withhold.state_secret"


@pytest.mark.parametrize("text, code", [
    ("复议申请人李某某称：其于2019年6月与被申请人某区住房和城乡建设局签订《国有土地上房屋征收补偿协议》，协议原件遗失，"
     "遂申请公开该协议及所附补偿金额计算明细。", "disclose"),
    ("某律师事务所\n关于申请公开政府信息的函\n某县人民政府办公室：\n本所接受委托，申请公开《某县人民政府常务会议纪要》（〔2022〕第15期）。"
     "据查该纪要曾刊载于贵府门户网站“会议纪要”栏目，但现链接已失效，请提供纸质复印件。", "disclose.published"),
    ("国网某供电公司给我家换了智能电表，电费一下子翻了一倍。我要求公开供电公司的电表更换工单和这块表的计量检定记录。"
     "（申请提交至：国网某供电公司客户服务中心）", "other.not_gov_info"),
    ("某区人大常委会：\n请公开去年区人大常委会审议区政府《2022年度本级预算执行和其他财政收支的审计工作报告》时形成的审议意见全文，"
     "以及各组成人员的分组审议发言记录。", "other.not_gov_info"),
    ("请市医疗保障局制作一份本市各定点医疗机构2023年医保基金拨付金额与门诊人次的对照表，按医院等级分类。",
     "unavailable.needs_creation"),
    ("热线记录：来电人要求获取“当年那个批地的手续”。接线员询问涉及何处土地、何年审批、批给何人，来电人均无法说清，仅称“就是村口那块地”。",
     "other.correction"),
    ("区住建局：请提供某路北侧A-07地块的国有建设用地使用权出让合同及出让金缴纳凭证。", "unavailable.other_agency"),
    ("我在区人社局网站上没找到，所以向你们区人社局申请：市住房公积金管理中心今年关于调整住房公积金缴存基数上下限的通知。",
     "unavailable.other_agency"),
    ("上诉状载明：上诉人曾向某县水利局申请公开某砂石有限公司的采矿许可证及矿产资源开发利用方案。", "unavailable.other_agency"),
    ("政府信息公开申请书\n某县人民政府办公室：\n申请公开某乡人民政府今年就调整某村村庄规划向县人民政府上报的请示报告。"
     "据乡干部讲，县里还没有批复。", "withhold.process_info"),
])
def test_more_request_determinable_replies(text, code):
    assert _review(text)["reply"]["code"] == code


def test_how_a_cost_was_calculated_is_no_computation_asked():
    d = _review("水费又涨了！我申请公开水价调整的听证报告和市发改委做的定价成本监审报告，看看成本到底是怎么算出来的。")
    assert d["reply"]["code"] != "unavailable.needs_creation"


@pytest.mark.parametrize("text, rule", [
    ("北溪区东门片区旧城改造项目房屋征收补偿分户情况公示（第三批）\n根据《国有土地上房屋征收与补偿条例》，现将分户补偿情况公示如下：\n"
     "1　陈某某　东门街42号　住宅　86.5㎡　补偿金额1,012,300元", "PRV009"),
    ("某市发展和改革委员会\n关于举行城区居民生活用管道天然气销售价格调整听证会的公告\n本次调价方案依据燃气企业的定价成本监审结论制定。", "TRD002"),
])
def test_required_notices_naming_houses_or_costs_are_clean(screener, text, rule):
    assert not any(f.rule == rule for f in screener.screen_text(text, path="probe").findings)


def test_a_households_own_valuation_report_still_shows_its_address(screener):
    text = "房地产分户估价报告（征收用）\n被征收人：刘建平\n房屋坐落：某区南门街道老粮站巷14号2单元301室"
    assert any(f.rule == "PRV009" for f in screener.screen_text(text, path="probe").findings)


@pytest.mark.parametrize("text, code", [
    ("“某镇2021年7月20日内涝期间启动防汛Ⅳ级应急响应的文件，以及当天转移安置群众的通知。”", "disclose"),
    ("一审庭审笔录记载，原告陈述其申请的是“某街道办事处2022年全年编外聘用人员工资发放表”，理由是“想看看别人拿多少”。",
     "withhold.internal_affairs"),
    ("上诉人曾向某大学（公办）申请公开“2021年该校某学院硕士研究生复试全部考生成绩及复试录取工作小组会议记录”。", "other.not_gov_info"),
    ("上诉人当年申请公开的是“各种补偿的规定”，申请表上别无其他描述，既未说明补偿事项的类别，也未指明所涉项目或文件名称。",
     "other.correction"),
    ("从申请表复印件看，申请人在“所需政府信息的内容描述”一栏中只写了“详见附件”四字，但其提交的申请材料中并无任何附件。",
     "other.correction"),
    ("上诉人向某镇人民政府提出的申请只有一句：“请公开某高速公路某至某段项目的省发展和改革委员会核准批复。”",
     "unavailable.other_agency"),
    ("经查，申请人就某政发〔2018〕12号文件先后三次提出公开申请。被申请人在首次申请后已书面告知该文件已在县政府门户网站主动公开"
     "及查阅路径，第二、三次申请所列信息与首次完全相同。", "no_action.duplicate"),
])
def test_litigated_restatements(text, code):
    assert _review(text)["reply"]["code"] == code


def test_a_competitive_appointment_scoring_sheet_is_internal_affairs():
    d = _review("原告起诉称，某区城市管理局2022年度中层干部竞聘上岗的评分汇总表及各竞聘人员的得分情况，应当依其申请予以公开。")
    assert "internal_affairs" in _named(d)
