"""Round 2, session 21: narrated missing particulars, questions about who decided, duplicates and excessive requests
told in a restatement, third parties' insurance records, and screening of records the office already chose to publish —
found on probe sets written by helpers who read only the law.  Fictional names and places."""

from __future__ import annotations

import pytest
from review_helpers import reviewed_with_model as _review

from reviewer.decide.completeness import refused_elements
from reviewer.decide.description import admits_unknown
from reviewer.decide.told_procedure import narrated_procedure
from reviewer.decide.triage import declined_spans
from reviewer.screen.screening import Screener


def _grounds_named(d: dict) -> set[str]:
    return {g["ground"] for g in d.get("request_grounds") or [] if g.get("named")}


@pytest.fixture(scope="module")
def screener():
    return Screener()


def _flagged(result) -> set[str]:
    return {name for name, c in result.categories.items() if c.score >= 0.5}


# 补不补: a particular the applicant says cannot be given, or a narrator says the letter lacked, is missing.
@pytest.mark.parametrize("text, missing", [
    ("联系电话：无法提供\n申请内容：某镇2023年道路硬化工程验收报告", {"contact"}),
    ("身份证号：没有\n所需信息：某区2022年棚户区改造实施方案", {"identity"}),
    ("被申请人提交的证据显示，其收到的申请书既无署名，也无回信地址和联系电话。", {"name", "contact"}),
    ("经查，该申请书未写明项目名称，亦未留联系电话和通讯地址。", {"contact"}),
])
def test_refused_or_narrated_absent_particulars(text, missing):
    assert missing <= refused_elements(text)


@pytest.mark.parametrize("text", [
    "联系电话：没有变化，仍为138XXXX0001",
    "申请人：周某某  电话：139XXXX2211  地址：某区某路18号",
    "申请人称其已在申请书上署名并留有联系电话。",
])
def test_given_particulars_are_not_read_as_missing(text):
    assert refused_elements(text) == set()


@pytest.mark.parametrize("text, expected", [
    ("该申请书未写明项目名称、所在位置及大致时间。", True),
    ("所需信息的名称/文号：见附件\n（受理窗口备注：申请人未随表提交任何附件，表内亦无其他内容描述）", True),
    ("要求公开“与某某片区改造有关的全部政府信息”。", True),
    ("申请公开贵局在履职过程中形成的与委托人有关的一切信息，包括但不限于文件、记录、数据。", True),
    # a record named inside the information about a matter, or a title, is a description
    ("申请公开与本人房屋征收有关的全部政府信息中的补偿协议。", False),
    ("申请公开与某片区改造有关的《某片区改造实施方案》。", False),
    ("申请人未提供身份证明。", False),
])
def test_descriptions_that_name_nothing(text, expected):
    assert admits_unknown(text) is expected


def test_a_narrated_letter_without_name_or_address_drafts_a_correction():
    d = _review("被申请人提交的证据显示，其收到的申请书既无署名，也无回信地址和联系电话，内容为：“请公开某某街道2023年"
                "老旧小区改造工程的招标文件和中标结果。”")
    assert d["reply"]["code"] == "other.correction"
    # the same letter with the particulars given is an ordinary request
    d = _review("申请人周某某（电话139XXXX2211，地址某区某路18号）申请公开某某街道2023年老旧小区改造工程的招标文件和中标结果。")
    assert d["reply"]["code"] != "other.correction"


# 是不是: a question about who decided, or why, is not a record asked for.
@pytest.mark.parametrize("text", [
    "经审理查明：原告向被告邮寄申请书，申请内容为“某某水库移民安置点选址是由哪位县领导拍板决定的”。",
    "本人因生活需要申请公开：区住建局发给我户的过渡安置费为什么从2018年7月起每月少了200元，是谁决定少发的？",
])
def test_who_and_why_questions_draft_a_consultation(text):
    assert _review(text)["reply"]["code"] == "other.consultation"


def test_a_record_of_the_decision_asked_for_is_not_a_question():
    d = _review("申请公开决定某某水库移民安置点选址的县政府常务会议纪要。")
    assert d["reply"]["code"] != "other.consultation"


@pytest.mark.parametrize("text", [
    "本机关查明：申请人提交政府信息公开申请，内容为“城管队员胡某某3月在菜市场动手打人，请局里开除此人”。",
    "原告称，其向被告申请公开的内容是“要求被告恢复某某路公交车站点，撤销将该站点迁走的决定”。",
])
def test_demands_for_action_draft_a_petition(text):
    assert _review(text)["reply"]["code"] == "no_action.petition"


@pytest.mark.parametrize("text", [
    "一审法院认定：原告申请公开的“某某区人大常委会第十五次会议审议《某某区2022年度国有资产管理情况报告》时各组成人员的"
    "发言记录及分组审议意见原始稿”，系地方国家权力机关在履行职责中形成的材料。",
    "行政复议机关查明：申请人申请公开“市政协十三届二次会议第0213号提案的提案原件、提案人签名页及提案委员会的立案审查意见”。",
])
def test_legislature_and_cppcc_records_are_not_government_information(text):
    assert _review(text)["reply"]["code"] == "other.not_gov_info"


def test_a_government_reply_to_a_cppcc_proposal_is_government_information():
    assert _review("申请公开市住建局对市政协第0213号提案的答复。")["reply"]["code"] != "other.not_gov_info"


# A repeat of a request the organ already answered (第三十六条第（六）项).
@pytest.mark.parametrize("text", [
    "申请人：冯某某 电话：177XXXX6012\n所需信息：某某镇人民政府2019年《关于某某村土地流转补贴发放的通知》\n备注：这份文件我"
    "2024年3月已经申请过，镇里4月份给了答复书（某政信复〔2024〕7号），现在重新申请一遍，以这次为准。",
    "本律师受申请人韩某某委托，就贵局已于2023年6月2日以《政府信息公开申请答复书》（×人社信复〔2023〕19号）答复过的"
    "“韩某某2016年工伤认定决定书”再次提出公开申请。",
])
def test_a_request_already_answered_and_made_again_is_a_duplicate(text):
    assert _review(text)["reply"]["code"] == "no_action.duplicate"


def test_a_request_never_answered_and_made_again_is_not_a_duplicate():
    d = _review("去年我申请过某镇2019年土地流转补贴发放的通知，你们一直没答复，现在重新申请。申请人：冯某某 电话：177XXXX6012")
    assert d["reply"]["code"] != "no_action.duplicate"


def test_many_requests_counted_after_the_word_application_and_no_reasons_given_is_excessive():
    told = narrated_procedure(
        "法院经审理认定，原告先后向被告等多个行政机关提出政府信息公开申请九十余件。被告就申请数量及频次要求原告说明理由，"
        "原告未作说明，仅表示“不答复就起诉”。")
    assert told is not None and told.code == "no_action.excessive"


def test_a_clause_saying_what_is_not_asked_for_is_declined():
    text = "二审另查明，上诉人申请公开的是某医院CT设备采购项目的中标结果及中标金额，并非中标供应商的投标文件。"
    start = text.index("并非")
    assert any(a <= start < b for a, b in declined_spans(text))
    assert "trade_secret" not in _grounds_named(_review(text))


# 给不给: grounds the request text points to.
@pytest.mark.parametrize("text, ground", [
    ("申请内容：请求公开冯某某（原某县第二中学教师）在县社保经办机构的养老保险缴费记录及缴费基数。", "privacy"),
    ("我司原员工林某已离职，现申请贵局提供林某2021年1月至2022年12月的社会保险参保记录（含缴费基数）。", "privacy"),
    ("特申请公开某小区8栋1203室房屋的不动产登记簿记载事项，包括权利人姓名及身份证号、抵押权人及抵押金额。", "privacy"),
    ("请提供贵局对某物业服务有限公司违规收取二次供水加压费一案的调查处理全部材料，本人系该案投诉人。", "enforcement_file"),
    ("麻烦街道提供一下今年春节期间机关干部的值班排班表和带班领导安排。", "internal_affairs"),
])
def test_request_grounds_from_the_text(text, ground):
    assert ground in _grounds_named(_review(text))


def test_own_insurance_record_names_no_privacy_ground():
    assert "privacy" not in _grounds_named(_review("申请打印本人2021年至2023年的养老保险缴费记录。"))


# Screening: a record the office marked for publication, and records that only talk about records.
MINUTES = ("某某区人民政府常务会议纪要\n〔2024〕第12期\n2024年6月18日，区长刘某某主持召开区政府常务会议。现将会议议定事项纪要如下：\n"
           "一、审议通过《某某区促进民营经济高质量发展若干措施》。\n二、研究区第一人民医院新院区建设资金平衡问题。\n{mark}")


def test_a_publication_mark_clears_the_record_kind_grounds(screener):
    assert "process_info" in _flagged(screener.screen_text(MINUTES.format(mark="")))
    assert screener.screen_text(MINUTES.format(mark="（此件公开发布）")).verdict == "clean"
    assert screener.screen_text(MINUTES.format(mark="公开方式：主动公开")).verdict == "clean"


def test_a_publication_mark_does_not_clear_personal_data(screener):
    text = ("某镇2024年危房改造补助对象公示\n户主：王某某，身份证号：110101199003078515，联系电话：13912345678\n"
            "（此件公开发布）")
    assert "privacy" in _flagged(screener.screen_text(text))


@pytest.mark.parametrize("text", [
    "关于2023年度行政执法案卷评查情况的通报\n各执法大队：\n评查发现：一是部分案卷缺少集体讨论记录；二是个别询问笔录未由当事人逐页"
    "签字；三是法制审核意见过于简单。",
    "某某省司法厅关于重大行政执法决定法制审核制度落实情况专项督查的通报\n督查中发现，部分单位未按规定进行集体讨论，或者集体"
    "讨论记录由承办人事后补写。",
    "某某市人民政府办公室关于印发某某市行政执法案卷管理办法的通知\n×政办规〔2023〕6号\n第三条 行政执法案卷包括立案审批表、"
    "调查询问笔录、现场检查笔录、证据材料、集体讨论记录、法制审核意见、决定书及送达回证等。",
    "本院经审理查明：2021年5月，某某区城市管理局接到群众举报后，对原告刘某屋顶搭建的彩钢棚进行调查，制作了询问笔录和现场"
    "检查笔录，并于同年6月作出责令限期拆除决定。",
    "本院认为，条例第十四条规定，公开后可能危及社会稳定的政府信息不予公开。被告仅称“该项目周边群众反映强烈，公开可能引发"
    "不稳定因素”，未提供任何证据，其理由不能成立。",
])
def test_documents_about_records_are_clean(screener, text):
    assert screener.screen_text(text).verdict == "clean", _flagged(screener.screen_text(text))


@pytest.mark.parametrize("text", [
    "重大行政处罚案件集体讨论记录\n案件名称：某建筑工程有限公司未取得施工许可证擅自施工案\n讨论意见：李某认为违法事实清楚，"
    "建议罚款二万元；赵某认为系初次违法，建议从轻。\n结论：多数意见同意罚款二万元，报局长签批。",
    "重大执法决定法制审核意见书\n×城管法审〔2023〕17号\n经审核：违法事实认定基本清楚，但对罚款金额的裁量理由阐述不足，建议补充"
    "说明后再报集体讨论。",
])
def test_a_case_deliberation_record_is_an_enforcement_file_and_process_information(screener, text):
    assert {"enforcement_file", "process_info"} <= _flagged(screener.screen_text(text))


def test_a_list_led_at_the_end_of_a_told_line_and_bulleted_with_dashes_is_split():
    d = _review("某区住房和城乡建设局：\n我是某花园3栋业主沈某某，小区电梯更换动用了专项维修资金。请公开：\n"
                "——本次维修资金使用方案及业主表决结果公示；\n——电梯更换工程的施工合同和竣工验收报告；\n"
                "——3栋其他业主各户的维修资金缴存余额明细。")
    items = d["request"]["items"]
    assert [i["text"][:6] for i in items] == ["本次维修资金", "电梯更换工程", "3栋其他业主"]
    assert items[2]["code"] == "withhold.third_party" and d["reply"]["code"] == "partial"


# 怎么给: a public record whose holder the request says lists people's identifiers is given with them masked (第三十七条).
@pytest.mark.parametrize("text", [
    "申请人要求某区审计局公开“关于某街道2021—2022年度财政财务收支情况的审计报告”。据申请人了解，该报告附件一为街道工作人员"
    "个人借款明细，列有借款人姓名和身份证号码。",
    "申请人要求某县住房和城乡建设局公开某小区3号楼加装电梯项目的审批材料，包括审批意见书，以及同意加装的业主签字表。"
    "据申请人描述，签字表载有各户业主姓名、房号、联系电话和身份证号。",
])
def test_a_public_record_holding_identifiers_drafts_partial_disclosure(text):
    d = _review(text)
    assert "privacy" in _grounds_named(d)
    assert d["reply"]["code"] == "partial"


def test_a_secret_deployment_plan_is_not_a_public_plan_beside_a_ground():
    from reviewer.decide.public_beside import _NOT_PUBLIC_RE, _PUBLIC_END_RE

    clause = "各目标安保力量部署方案"
    assert _PUBLIC_END_RE.search(clause) and _NOT_PUBLIC_RE.search(clause)


def test_a_function_word_before_a_placeholder_is_no_person():
    d = _review("本案申请人所求信息有二：一是某区财政局与区住房和城乡建设局之间就××安置房项目资金缺口问题往来的商洽函；"
                "二是区财政局向区政府报送的资金筹措方案（初稿）。")
    assert "privacy" not in _grounds_named(d)


def test_rules_and_appraisals_of_governments_are_not_internal_affairs():
    assert "internal_affairs" not in _grounds_named(_review("申请人向某省水利厅申请获取“某省2023年度实行最严格水资源管理制度考核结果”。"))


def test_an_owners_committee_vote_is_not_government_information():
    d = _review("某街道年度报告案例：居民要求街道办事处公开“某小区业主委员会2022年选聘物业服务企业的业主投票统计结果”。")
    assert d["reply"]["code"] == "other.not_gov_info"


def test_a_case_file_named_by_the_investigation_is_no_demand_to_investigate():
    d = _review("经审理查明：2023年3月，原告向被告某县自然资源局申请公开该局查处某村村民冯某某非法占用耕地建房一案的调查报告、"
                "勘测定界图、对冯某某的询问笔录。")
    assert d["reply"]["code"] != "no_action.petition"
    assert "enforcement_file" in _grounds_named(d)


def test_a_request_answered_before_and_made_again_for_the_same_record_is_a_duplicate():
    d = _review("某市自然资源和规划局：\n本人曾于2024年3月就同一事项（某路拓宽工程征收范围红线图）向贵局提出申请，贵局已以"
                "某自然资信复〔2024〕21号作出答复。我对那次答复不满意，现再次申请公开该红线图。\n申请人：邓某某")
    assert d["reply"]["code"] == "no_action.duplicate"


# Screening: a contact called by title, a form asking for a name, eligibility rules, Q&A, audit working papers.
@pytest.mark.parametrize("text", [
    "关于某新型建材有限公司干混砂浆项目环境影响报告表受理情况的公示\n公示期为10个工作日。\n联系人：王工　电话：0XXX-76XXX09",
    "关于2024年度工业企业技术改造专项资金拟支持项目的公示\n如有异议，请在公示期内以书面形式反映（须署真实姓名和联系方式）。",
    "某县2024年面向全县公开选调机关工作人员公告\n选调范围及资格条件：全县在编在岗的公务员，年龄35周岁以下，近三年年度考核均为"
    "称职以上等次。",
    "《某市政府信息公开申请办理工作规范》政策解读\n四、如何处理涉及个人隐私的信息？\n第三方不同意公开且有合理理由的，不予公开。",
    "某市中级人民法院行政判决书（节选）\n原审法院经审理查明：原告向被告申请公开县政府2021年第15次常务会议关于某片区改造的"
    "会议纪要。被告作出答复，认为该纪要属于过程性信息。",
])
def test_more_look_alikes_are_clean(screener, text):
    result = screener.screen_text(text)
    assert result.verdict == "clean", [(f.rule, f.text) for f in result.findings]


def test_audit_working_papers_are_process_information(screener):
    text = ("审计工作底稿\n索引号：C-3-07　第1页 共3页\n被审计单位：某县住房和城乡建设局\n审计认定的事实摘要：某小区改造项目"
            "合同价386.2万元，已拨付412.7万元。\n审计结论：（初步）涉嫌超进度拨款，待结算审核后进一步核实，拟在审计报告中反映。")
    assert "process_info" in _flagged(screener.screen_text(text))


def test_a_surname_with_a_title_is_not_a_name():
    from reviewer.detect.validators import person_name

    assert person_name("王工").valid is False and person_name("李总").valid is False
    assert person_name("王强").valid is None


def test_a_complaint_leads_questions_and_party_records_beside_it():
    from reviewer.decide.decision import reply_code

    assert reply_code(["other.consultation", "no_action.petition"]) == "no_action.petition"
    assert reply_code(["other.not_gov_info", "no_action.petition"]) == "no_action.petition"
    # a record to give, or another kind of answer, is not folded into the complaint
    assert reply_code(["disclose", "no_action.petition"]) == "disclose"
    assert reply_code(["other.special_procedure", "no_action.petition"]) == "other.special_procedure"
    d = _review("我再次申请信息公开：某某化工厂偷排废水，河里的鱼都死光了，你们环保局到底收了人家多少好处？要求立即关停这家厂，"
                "把你们局里包庇它的人揪出来处理！")
    assert d["reply"]["code"] == "no_action.petition"


def test_facts_complained_of_beside_a_complaint_are_no_record_to_give():
    d = _review("本院经审理查明：2023年3月，原告向被告某县林业和草原局邮寄《政府信息公开申请书》，申请书“申请公开的信息内容”一栏"
                "记载：“举报邻村村民刘某于2023年2月在某山县级公益林内擅自采伐杉木约30株，请贵局依法查处并责令补种。”")
    assert d["reply"]["code"] == "no_action.petition"
    assert {i["code"] for i in d["request"]["items"]} == {"no_action.petition"}


def test_a_figure_for_each_of_many_needs_creation():
    d = _review("法院审理查明：原告申请公开“2018年至2022年全市每一辆巡游出租汽车的年平均营运里程、空驶率及百公里油耗的计算结果”。")
    assert d["reply"]["code"] == "unavailable.needs_creation"


def test_identifiers_listed_with_a_public_record_draft_partial():
    d = _review("（案例）申请人要求某县文物局公开“某古戏台修缮工程竣工验收意见书”，以及参加验收的五名专家的专家费发放表"
                "（含身份证号码、银行账号、本人签名）。")
    assert "privacy" in _grounds_named(d)
    assert d["reply"]["code"] == "partial"


def test_a_case_file_itemised_after_including_but_not_limited_to_is_described():
    text = ("现申请获取贵局对某烘焙店涉嫌生产经营不符合食品安全标准食品一案的全部调查案卷材料，包括但不限于：现场检查笔录、"
            "对店主及员工的询问笔录、抽样单及检验原始记录、案件调查终结报告、案件审核表。")
    assert admits_unknown(text) is False
    assert admits_unknown("与委托人有关的一切信息，包括但不限于文件、记录、数据、图片、音视频等。") is True


def test_a_titled_record_wanted_beside_a_question_is_a_request():
    d = _review("申请人：初三学生家长钟某\n我想要《某市2024年初中学业水平体育与健康考试免考、缓考及选考审批办法》这个文件的全文。"
                "孩子去年骨折过，想看看能不能办缓考。\n请邮寄纸质件：某区某路18号　钟某收　电话150XXXX3318")
    assert d["reply"]["code"] == "disclose"


@pytest.mark.parametrize("short, full", [
    ("某区人社局", "某区人力资源和社会保障局"),
    ("某区住建局", "某区住房和城乡建设局"),
    ("某市自然资源局", "某市自然资源和规划局"),
    ("某县市场监管局", "某县市场监督管理局"),
    ("某市城管局", "某市城市管理综合行政执法局"),
])
def test_an_organs_short_name_is_the_same_organ(short, full):
    from reviewer.decide.documents import same_organ

    assert same_organ(short, full) and same_organ(full, short)


def test_different_organs_stay_different_under_their_short_names():
    from reviewer.decide.documents import same_organ

    assert not same_organ("某区住建局", "某区人社局")
    assert not same_organ("某区人力资源和社会保障局", "某市人力资源和社会保障局")


def test_the_organs_own_records_under_its_short_name_are_its_own():
    d = _review("原告彭某诉称：原告原系被告某区人力资源和社会保障局劳务派遣人员。原告于2023年3月向被告申请公开“某区人社局2022年度"
                "机关工作人员年度考核结果汇总表、评先评优民主测评票及投票统计记录”。")
    assert d["reply"]["code"] != "unavailable.other_agency"


def test_other_numbered_employees_are_third_parties():
    d = _review("上诉人郑某于2021年11月向被上诉人某区人力资源和社会保障局申请公开：该物流公司2018年至2020年为同一部门其他十五名"
                "员工申报的社会保险缴费基数及个人缴费明细。")
    assert "privacy" in _grounds_named(d)


@pytest.mark.parametrize("text", [
    "关于做好2024年秋季学期学生资助工作的通知\n各幼儿园要按照在园幼儿3%的比例确定资助名额，资助对象须提供监护人签字的申请表。",
    "某市公共租赁住房保障对象准入条件（2024年调整）\n一、申请人具有本市城区户籍，家庭人均月收入低于上年度城镇居民人均可支配"
    "收入的60%；申请人及其配偶在本市无住房。",
])
def test_rules_and_notices_naming_personal_kinds_are_clean(screener, text):
    result = screener.screen_text(text)
    assert result.verdict == "clean", [(f.rule, f.text) for f in result.findings]


def test_a_record_of_a_named_familys_income_is_still_flagged(screener):
    text = "公租房保障资格年度复核情况说明\n租户：葛振华，该户家庭月收入1200元，其配偶无固定收入。"
    assert "privacy" in _flagged(screener.screen_text(text))
