"""Round 2, session 23: the organ's account told by a restatement (archived records, nothing ready-made, a party's own
running case), the office's working notes and the applicant's pseudonym inside a case note, salutations and everyday
leads naming the organ asked and another organ, weak request words inside nouns — found on probe sets written by
helpers who read only the law.  Fictional names and places."""

from __future__ import annotations

import pytest
from review_helpers import reviewed_with_model as _review

from reviewer.app.pipeline import request_body
from reviewer.decide.narrated import narrated_outcome
from reviewer.decide.organ import detect_other_agency, request_addressee
from reviewer.decide.request import parse_request
from reviewer.decide.restatement import with_applicant_named, without_office_notes


def _named(d: dict) -> dict[str, float]:
    return {g["ground"]: g["probability"] for g in d.get("request_grounds") or [] if g.get("named")}


# 谁负责: the organ asked, from a letter's salutation in everyday forms.
@pytest.mark.parametrize("text, organ", [
    ("致××街道办事处：\n我住在××小区，想了解小区旁边工地的情况。", "××街道办事处"),
    ("县人社局的同志：我是原纺织厂的下岗职工，有件事想问。", "县人社局"),
    ("区市场监管局你好，我在××府看中了一套期房。", "区市场监管局"),
    ("乡政府：俺们村到镇上的那条路去年修的。", "乡政府"),
])
def test_the_organ_asked_is_read_from_everyday_salutations(text, organ):
    assert request_addressee(text) == organ


def test_a_short_government_name_inside_a_sentence_is_no_salutation():
    assert request_addressee("我们听说乡政府已经批了，请公开批文。") is None


# 谁负责: another organ's act told with a time, a partner, or an everyday lead before its name.
@pytest.mark.parametrize("text, other", [
    ("区住建局：我想看看区市场监管局最近对这家店的食品安全抽检结果。", "区市场监管局"),
    ("乡政府：俺想要县交通局那次招标的中标结果和合同。", "县交通局"),
    ("县人社局的同志：我想要一份县自然资源局跟开发商签的那份出让合同。", "县自然资源局"),
    ("县水利局：我想要县气象局那天晚上发布暴雨预警的原始记录。", "县气象局"),
])
def test_another_organs_act_is_read_after_everyday_leads(text, other):
    own = request_addressee(text)
    assert detect_other_agency(text, own) == other


def test_the_organ_asked_naming_its_own_act_is_not_another_organ():
    text = "县交通局：请公开你们局去年招标的那条路的中标结果。"
    assert detect_other_agency(text, request_addressee(text)) is None


# 怎么答: the draft follows the organ named in the salutation.
def test_a_salutation_and_another_organs_record_draft_other_agency():
    d = _review("镇政府：我家所在的村今年被划进了征地范围。我申请镇政府公开省人民政府作出的那份土地征收批复。")
    assert d["reply"]["code"] == "unavailable.other_agency"


# 是不是: weak request words inside nouns ask nothing; the story before the ask is no item.
def test_a_copy_told_in_the_story_is_no_item_of_its_own():
    r = parse_request("去年你们给我的那份决定是复印件，上面没有公章。我拿去法院，法官说复印件不好认定。"
                      "请你们重新给我出一份盖公章的。")
    assert len(r.items) == 1 and "重新给我出一份" in r.items[0].text


def test_a_stamped_copy_asked_again_is_confirmation():
    d = _review("去年你们依申请给我的那份房屋征收决定是复印件，上面没有公章，法院说不好认定。请你们重新给我出一份盖公章的。")
    assert d["reply"]["code"] == "no_action.confirm"


# 有没有 / 给不给: the organ's account told by a restatement.
@pytest.mark.parametrize("text, code", [
    ("原告申请公开1991年某厂改制的批复。被告辩称：该批文书档案已于2006年依法移交县档案馆，本机关不再保存。",
     "other.special_procedure"),
    ("申请人申请公开全镇历年补助发放总额及各村占比。被申请人答复称：本镇并无现成统计，需从各村报送的花名册中"
     "逐一摘录后汇总计算。", "unavailable.needs_creation"),
    ("某公司不服某县市场监督管理局对其作出的罚款决定，已申请行政复议，复议尚在审理期间。该公司又申请公开对本公司"
     "立案查处案卷中的询问笔录和抽样检验报告。", "other.special_procedure"),
])
def test_the_organs_account_told_fixes_the_outcome(text, code):
    told = narrated_outcome(text)
    assert told is not None and told[0] == code
    d = _review(text)
    assert d["reply"]["code"] == code
    assert any("材料中的说法" in r for r in _staff_reasons(d))


def _staff_reasons(d: dict) -> list[str]:
    out = list(d["reply"].get("reasons") or [])
    for key in ("warnings", "actions"):
        out += [str(x) for x in d.get(key) or []]
    return out


@pytest.mark.parametrize("text", [
    # the court finds the account wrong
    "被告辩称：该信息需从各村花名册中逐一摘录后汇总计算。本院认为，被告的理由不能成立，该信息系现成信息。",
    # a case still investigated, asked for by someone who is no party to it
    "县自然资源局于法定期限内答复：该案正在调查中，上述材料属于行政执法案卷信息，不予公开。",
    # a letter written to the organ
    "贵局曾答复我说档案已于2006年移交县档案馆，请再查一查。",
    # a review still running, no case file asked for
    "复议期间，被申请人承诺十个工作日内作出答复，申请人遂撤回复议申请。",
])
def test_no_outcome_is_told_without_the_organs_own_unfaulted_account(text):
    assert narrated_outcome(text) is None


# 给不给: the office's working notes and the applicant's pseudonym are not the request.
def test_office_working_notes_are_not_read_as_the_request():
    text = "办理记录\n申请事项：“本人房屋的补偿款支付审批单。”\n核查：补偿款转入被征收人指定账户，收款人姓名、银行账号均在回单上。"
    kept = without_office_notes(text)
    assert "核查" not in kept and "申请事项" in kept
    assert "核查" not in request_body(text)


def test_the_applicants_pseudonym_is_the_applicant():
    text = "2023年4月，钱某乙（持残疾人证）到政务服务中心窗口口头提出申请，要求公开钱某乙本人的护理补贴审核表。"
    assert "钱某乙" not in with_applicant_named(text)
    # the applicant's family is the applicant's; the neighbour stays another person
    assert with_applicant_named("申请人：孙某。申请公开孙某家邻居的补偿协议。").endswith("申请人家邻居的补偿协议。")


def test_an_applicants_own_subsidy_told_in_a_case_note_is_no_third_partys():
    text = ("2023年4月，钱某乙（持残疾人证，肢体二级）到某区政务服务中心窗口口头提出申请，由工作人员代为填写。代填内容为："
            "“本人2022年度重度残疾人护理补贴的审核结果及每月发放明细。”经查，区民政局保存有全区发放花名册（逐人列明姓名、"
            "身份证号、银行账号）以及钱某乙本人的审核表。")
    d = _review(text)
    assert "privacy" not in _named(d)
    assert d["reply"]["code"] != "withhold.third_party"


def test_a_third_party_named_after_the_applicant_is_still_a_third_party():
    d = _review("申请人：孙某。申请公开邻居李某某的房屋征收补偿协议。")
    assert "privacy" in _named(d)


# Request grounds from the request's words.
@pytest.mark.parametrize("text, ground", [
    ("我想请派出所书面告诉我，楼上的郑某某有没有吸毒、拘留这些违法记录。", "privacy"),
    ("申请公开贵局所存债务人方某某自2020年起的出入境记录。", "privacy"),
    ("想申请公开他们办肥料登记时交的产品配方、菌种名称和各组分含量。", "trade_secret"),
    ("水库移民扶持项目的调整方案现在还是过程稿吧？我们想要一份。", "process_info"),
    ("申请公开旧改方案的意见征集汇总表。", "process_info"),
])
def test_request_grounds_from_everyday_words(text, ground):
    assert ground in _named(_review(text))


@pytest.mark.parametrize("text, code", [
    ("我妈在县人民医院做的手术出了问题，我要追究医院责任，申请卫健委公开：我妈在县医院的全部住院病历和手术记录。",
     "other.not_gov_info"),
    ("孩子在实验中学上初二，我想知道全班每个人的分数排名，还有老师写在成绩册上的评语，请区教育局公开。",
     "other.not_gov_info"),
    ("小区物业账从来不公布。我申请住建局公开：某物业管理有限公司2021—2023年的收支明细、保洁人员工资表。",
     "other.not_gov_info"),
    ("俺家的院墙跟邻居家挨着。俺要看看他家宅基地证登记的四至和面积到底是多少。", "other.special_procedure"),
    ("麻烦生态环境局给分析一下，垃圾站建成以后我们这一片的空气质量到底是变好了还是变差了。",
     "unavailable.needs_creation"),
    ("大儿子把我那两间瓦房占了，村里调解过两回也没用。我听人说写信息公开政府就会管，我这个信息公开就是要你们把我儿子"
     "叫来，让他把房子还我，每个月给我生活费。", "no_action.petition"),
    ("申请文旅局今天就派人去查，把这家黑网吧关掉，老板该罚就罚！", "no_action.petition"),
])
def test_everyday_requests_read_as_what_they_are(text, code):
    assert _review(text)["reply"]["code"] == code


def test_a_record_described_before_that_one_is_no_vague_pointer():
    d = _review("区民政局：我想要区医疗保障局今年调整门诊慢特病报销范围的那个文件。")
    assert d["reply"]["code"] == "unavailable.other_agency"


@pytest.mark.parametrize("text", [
    "其已于4月收到答复书及文件复印件，现要求把同一份文件再按申请走一遍程序。",
    "宋某某本人已于2022年3月就该批复提出申请，县政府于同年3月25日作出答复并提供了批复全文。现委托律师再次申请公开该批复。",
    "原告先后三次向被告申请公开该名单。被告于2018年5月25日作出第一次答复，提供了该名单，其后两次申请均未答复。",
])
def test_repeats_told_in_other_words_are_duplicates(text):
    d = _review(text)
    assert "no_action.duplicate" in [d["reply"]["code"]] + [c["code"] for c in d.get("candidates") or []][:2]


# Screening: a text written to explain or report to the public names grounds as topics.
@pytest.mark.parametrize("text", [
    "普法课堂｜企业的“商业秘密”到底指什么？\n不少企业主问：客户名单、产品配方、报价策略，算不算商业秘密？签了保密协议就一定构成商业秘密吗？",
    "一图读懂行政执法全过程记录制度\n执法人员制作询问笔录、现场检查笔录、勘验笔录，依法送达并取得送达回证。",
    "我市开展全民国家安全教育日宣传活动\n活动通过案例讲解窃密、策反等危害国家安全的手段，提醒市民提高警惕。",
])
def test_explanatory_texts_are_not_flagged_for_their_topics(text):
    from reviewer.screen.screening import Screener, explanatory_by_kind

    assert explanatory_by_kind(text)
    assert Screener().screen_text(text, path="probe").verdict == "clean"


def test_an_internal_mark_keeps_an_explanatory_heading_from_clearing():
    from reviewer.screen.screening import explanatory_by_kind

    assert not explanatory_by_kind("执法案件讨论问答（内部使用）\n问：某案询问笔录如何补正？")
    assert not explanatory_by_kind("关于某案的询问笔录\n问：你叫什么名字？答：王某某。")


def test_a_search_told_under_the_offices_own_heading_is_read():
    text = ("申请内容：“2022年3月15日某街道召开的某小区加装电梯协调会的会议纪要。”\n办理过程：党政办查阅了全年发文登记簿、"
            "会议记录本及OA系统；社区居委会反映，当日是居民自行组织的协商会，街道工作人员仅到场旁听，未作记录，街道也没有印发过纪要。")
    assert "居委会" not in request_body(text)
    assert _review(text)["reply"]["code"] == "unavailable.not_held"


# 谁负责: an office's own register heading names the organ asked; a possessive names another organ.
@pytest.mark.parametrize("text, organ", [
    ("某区人力资源和社会保障局 政府信息公开申请处理笺\n申请人：孙某某\n申请公开：本人的缴费明细。", "某区人力资源和社会保障局"),
    ("县生态环境局 依申请公开办理单\n申请人：滕某\n申请内容：某水库的调度记录。", "县生态环境局"),
    ("尊敬的县教育局领导：\n我是学生的奶奶。", "县教育局"),
])
def test_register_headings_and_polite_salutations_name_the_organ_asked(text, organ):
    assert request_addressee(text) == organ


@pytest.mark.parametrize("text, other", [
    ("镇政府：\n镇里的同志传达了一个市医保局新发的文件。请把市医保局的那个文件给我一份原文。", "市医保局"),
    ("县农业农村局：\n请农业农村局提供县气象局那天的冰雹观测记录。", "县气象局"),
])
def test_another_organs_record_named_as_its_possession(text, other):
    assert detect_other_agency(text, request_addressee(text)) == other


def test_a_matter_adjusted_between_organs_is_no_other_organs_act():
    text = "原告向被告某区住房和城乡建设局申请公开“被告与某区自然资源局就该地块容积率调整问题往来的函件”。"
    assert detect_other_agency(text, request_addressee(text)) is None


def test_a_narrated_maker_with_its_subordinate_unit_and_approval():
    from reviewer.decide.narrated import narrated_maker

    assert narrated_maker("核查：调度记录由县水利局及其所属水库管理所负责，本局未获取水位记录。", "县生态环境局") == "县水利局"
    assert narrated_maker("核查：该项目由市发展和改革委员会核准；镇政府未收到核准批复文件。", "某镇人民政府") == "市发展和改革委员会"


# 给不给: staff feedback lines and the restating judgment's heading are not the request.
def test_staff_feedback_and_judgment_headings_are_not_the_request():
    text = ("某区人民法院行政判决书（节录）\n申请人：某食品有限公司\n申请内容：本公司申请许可延续时形成的现场核查记录表。\n"
            "食品生产科反馈：记录表存于该公司许可档案，核查组成员为本局执法人员。")
    body = request_body(text)
    assert "人民法院" not in body and "反馈" not in body


def test_a_companys_own_licence_file_is_its_own():
    text = ("申请人：某某食品有限公司（附营业执照）\n申请内容：2023年本公司申请食品生产许可延续时，市市场监管局组织现场核查形成的"
            "《食品生产许可现场核查记录表》及评分结果。\n食品生产科反馈：核查记录表存于该公司许可档案，只涉及该公司本身。")
    assert _review(text)["reply"]["code"] == "disclose"


def test_a_report_on_a_complaint_against_the_applicants_shop_keeps_the_complainant_masked():
    from reviewer.decide.nature import own_matter

    assert own_matter("申请公开本公司申请许可延续时形成的核查记录。")
    assert not own_matter("申请公开你局对我店被投诉一事的处理情况报告。")
