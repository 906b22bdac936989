"""Round 2, session 19: smaller judgments found on probe sets written by helpers who read only the law.  Fictional
names and places."""

from __future__ import annotations

import pytest
from review_helpers import reviewed_with_model as _review

from reviewer.decide.leanings import demands_disclosure, quotes_only_questions
from reviewer.decide.narrated import narrated_maker, narrated_published, narrated_search
from reviewer.decide.organ import request_addressee
from reviewer.decide.request import parse_request
from reviewer.decide.told_procedure import narrated_missing, narrated_procedure
from reviewer.decide.triage import load_cues, rule_scores


def _cue_ids(text: str) -> set[str]:
    return {h.cue for h in rule_scores(text, load_cues())[1]}


# 第三十六条第（一）项 against 第三十九条第二款: a record told to be on a website and also printed in the 公报 is published
# information; a record only printed in the 公报, or a 公报 asked for, is a publication.
ONLINE_AND_PRINTED = ("原告申请公开《某市物业管理办法》。经审理查明，该办法已于2022年5月在市政府门户网站发布，"
                      "并刊登于《某市人民政府公报》2022年第6期。")
PRINTED_ONLY = "原告于2020年向被告申请公开《某市房屋拆迁管理实施细则》。被告答复称该文件已于1999年刊载于市政府公报。"


def test_a_record_told_online_and_in_the_gazette_is_published_information_not_a_publication():
    assert "TRI005" not in _cue_ids(ONLINE_AND_PRINTED)
    assert _review(ONLINE_AND_PRINTED)["reply"]["code"] == "disclose.published"


def test_a_record_only_printed_in_the_gazette_or_a_gazette_asked_for_stays_a_publication():
    assert "TRI005" in _cue_ids(PRINTED_ONLY)
    assert "TRI005" in _cue_ids("请提供2023年第5期市政府公报。")
    assert "TRI005" in _cue_ids("请提供刊登在2023年第5期市政府公报上的《停车管理办法》，网上也有但我不会用。")


# --- 补不补 and 怎么答 told by a restatement (reviewer.decide.told_procedure) ------------------------------------------

LAPSED = ("被告于2022年3月10日作出补正告知书，要求原告在15个工作日内明确所申请“规划调整文件”的具体地块和年份，告知书于次日送达。"
          "原告至2022年5月未提交任何补正材料，亦未说明理由。")
STILL_UNCLEAR = ("经审理查明：被告于2021年4月6日向原告送达补正告知书，要求其明确“相关审批材料”所指的具体文件名称或特征。原告于4月15日"
                 "提交补正，仍写道“与我家拆迁有关的全部审批材料，你们自己心里清楚”。")
FEE_UNPAID = ("复议机关查明：申请人于2022年3月向被申请人提交申请45件，被申请人按件计收，向其送达收费通知书。申请人收到通知后超过20个"
              "工作日未缴纳费用，亦未提出减免申请。")
EXCESSIVE = ("经审理查明，2022年1月至6月，原告先后向被告提出政府信息公开申请共计216件。被告依照《条例》第三十五条书面要求原告说明理由，"
             "原告回复称“就是想看看你们能不能答复得过来”。")
LETTER_AFTER_NOTICE = ("某区住房和城乡建设局：贵局3月发出的补正告知书我已收到，因住院未能按期补正，现补正如下：我申请的是某小区二期的"
                       "建设工程竣工验收备案表。")


@pytest.mark.parametrize("text, code", [
    (LAPSED, "other.correction_lapsed"),
    (STILL_UNCLEAR, "unavailable.unclear"),
    (FEE_UNPAID, "other.fee_unpaid"),
    (EXCESSIVE, "no_action.excessive"),
])
def test_a_told_procedure_drafts_its_outcome_with_a_note_to_check_the_case_file(text, code):
    told = narrated_procedure(text)
    assert told is not None and told.code == code
    data = _review(text)
    assert data["reply"]["code"] == code
    assert any("不是本机关的办理记录" in r for r in data["reply"]["reasons"])


def test_a_letter_to_the_organ_after_a_correction_notice_is_not_a_told_procedure():
    assert narrated_procedure(LETTER_AFTER_NOTICE) is None
    assert narrated_procedure("原告未提交补正材料的说法与事实不符，被告收到了补正。") is None


def test_a_restatement_telling_the_application_lacked_its_description_or_name_drafts_a_correction():
    text = ("某市政务服务数据管理局年报案例：本年度收到一件纸质申请，申请内容为“某公园改造工程的招标文件”，申请人仅留有手机号码，"
            "未填写姓名，也未附身份证明。")
    assert narrated_missing(text)[:2] == ["申请人的姓名或者名称", "申请人的身份证明（身份证件或营业执照等的复印件或号码）"]
    assert _review(text)["reply"]["code"] == "other.correction"
    vague = ("申请人在申请表“所需信息的名称、文号或特征描述”一栏只填写了“我要的那个文件（上次电话里说过的）”，没有写明文件名称、"
             "文号或者其他可供检索的特征。")
    assert _review(vague)["reply"]["code"] == "other.correction"


# --- 是不是: a quoted request made of questions, a demand told as not made ------------------------------------------

def test_a_quoted_request_of_questions_only_stays_a_consultation():
    text = ("复议申请书\n申请人：白某某\n被申请人：某县交通运输局\n申请人于2024年6月向被申请人申请公开如下信息：“贵局对本人作出罚款"
            "五千元的处罚，到底适用的是《道路运输条例》哪一条？为什么邻村的人同样拉客只罚了两千？请书面解释差别在哪里。”")
    assert quotes_only_questions(text)
    assert _review(text)["reply"]["code"] == "other.consultation"
    assert not quotes_only_questions("申请人申请公开“2023年某路拓宽工程的立项批复和补偿标准”。")


def test_a_demand_told_as_not_made_is_no_demand():
    assert not demands_disclosure("来函没有要求提供任何文件。")
    assert demands_disclosure("来函要求提供该批复。")
    text = ("某县自然资源局办理手记：近日收到一封来函，来函人询问“我们村2008年那次征地到底是哪一年报省里批的？当时是谁签的字？”"
            "来函没有要求提供任何文件。")
    assert _review(text)["reply"]["code"] == "other.consultation"


# --- 谁负责 and 有没有 told by a judgment ----------------------------------------------------------------------------

def test_the_respondent_is_the_organ_that_answered():
    assert request_addressee("被申请人某区卫生健康委员会答复申请人，其申请的许可证不属于本委负责公开，并告知申请人向某区市场监督管理局"
                             "申请。") == "某区卫生健康委员会"
    assert request_addressee("请求撤销某县农业农村局2024年4月作出的告知书。理由如下：被申请人答复称该文件由省财政厅牵头制发。") \
        == "某县农业农村局"


@pytest.mark.parametrize("text", [
    "上诉人龙某向某县人民政府申请公开“县交通运输局2021年对某客运公司作出的客运线路经营许可决定”。经查，该许可由县交通运输局以自己"
    "名义作出并保存，县政府既未参与审批，也未收存。",
    "上诉人严某某申请某镇人民政府公开河道采砂许可。经查，河道采砂许可由某县水利局依据《某省河道采砂管理条例》审批发证，某镇人民政府"
    "仅配合开展河道巡查，未参与审批。",
])
def test_a_judgment_telling_the_maker_and_that_the_organ_took_no_part_drafts_other_agency(text):
    assert _review(text)["reply"]["code"] == "unavailable.other_agency"


def test_a_told_search_outweighs_a_ground_the_request_names():
    text = ("本机关认为：申请人要求公开“某县人民政府关于某村拆迁问题的专题会议纪要（2022年）”。被申请人在答复前由县政府办公室在公文"
            "管理系统、会议纪要汇编及县长办公会议记录中，以“某村”“拆迁”为关键词，检索了2021年至2023年的全部记录，未发现该会议纪要。")
    data = _review(text)
    assert data["reply"]["code"] == "unavailable.not_held"
    assert "withhold.process_info" in [c["code"] for c in data["candidates"][:3]]


@pytest.mark.parametrize("text", [
    "二审查明，镇政府提交了党政办发文登记簿、2013年至2015年镇政府会议记录本及驻村干部工作日志，均无该组土地调整的记载。",
    "经审理查明：期限届满，无人提出听证申请，被申请人未组织听证。",
    "本院认为，被上诉人在公文处理系统中以“某巷”“危房”为关键词检索收发文，并翻查城建科纸质台账，均无上诉人所称的危房鉴定报告。",
])
def test_told_searches_and_events_never_held(text):
    assert narrated_search(text)


def test_a_court_faulting_the_search_is_still_no_told_search():
    assert narrated_search("本院认为，被告仅检索了电子系统，未检索纸质档案，未尽合理检索义务，均无相关记录的答复依据不足。") is None


# --- 怎么答: repeats told in other words ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "复议机关查明，申请人分别于2023年1月、3月、5月三次就“某路拓宽工程项目立项批复”向被申请人提出申请。被申请人已于2023年2月10日"
    "就第一次申请作出答复并提供了该批复。",
    "上诉人主张其第二次申请系“重新申请”。经查，上诉人两次申请的申请人、所涉信息均相同，被上诉人已就第一次申请作出答复并送达。",
    "某区人民政府于2021年已向再审申请人提供了附有界址点坐标的征收范围红线图，两次申请所指向的是同一份图件。",
])
def test_told_repeats_draft_duplicate(text):
    assert _review(text)["reply"]["code"] == "no_action.duplicate"


# --- items: a review application's sections -------------------------------------------------------------------------

def test_a_review_applications_claims_section_is_no_item():
    text = ("一、复议请求\n撤销被申请人某市民政局作出的“需另行制作”告知书。\n二、事实与理由\n申请人为开展研究，申请公开“2019—2023年"
            "全市各乡镇低保资金的年度使用率，以及使用率低于80%的乡镇名单和原因分析”。被申请人称没有现成信息。")
    items = parse_request(text).items
    assert len(items) == 1 and "使用率" in items[0].text
    assert _review(text)["reply"]["code"] == "unavailable.needs_creation"


# --- 给不给: a publication told without a date, only of the record asked for -----------------------------------------

def test_a_publication_told_without_a_date_counts_only_for_the_record_asked_for():
    told = ("再审申请人王某某于2022年3月向某市人民政府申请公开《某市国有土地上房屋征收与补偿实施办法》。本院经审查，该办法系市政府规范性"
            "文件，2019年印发后即在市政府门户网站全文发布，现行有效。")
    assert narrated_published(told)
    other = ("申请人要求获取“《某市医疗机构设置规划（2021—2025年）》中期调整的讨论稿及向市政府的请示”。市卫健委称，中期调整尚未报市政府"
             "批准；原规划文本已在官网公开。")
    assert narrated_published(other) is None


def test_a_demand_to_explain_addressed_to_a_named_organ_is_a_consultation_item():
    assert "TRI003" in _cue_ids("请人社局就我的情况给出明确结论。")
    assert "TRI003" in _cue_ids("请某县自然资源局说明延期办理的法律依据。")
    assert "TRI003" not in _cue_ids("请县自然资源局提供延期办理的告知书。")


# --- request grounds: own bid documents, a third person pointed at, published results -------------------------------

def test_an_own_companys_bid_documents_name_no_trade_secret():
    assert "TRI020" not in _cue_ids("现我司作为该项目投标人，申请获取我司自己提交的投标文件（含商务标、技术标）复制件。")
    assert "TRI020" in _cue_ids("我司自己提交的资料已遗失，请提供中标人某公司的投标文件。")


@pytest.mark.parametrize("text", [
    "请县人社局公开该名考生的体检表、体检结论以及复检报告。",
    "请教育局公开这个男孩的学籍信息、家庭住址和监护人的联系电话。",
])
def test_a_third_person_pointed_at_names_privacy(text):
    assert "TRI011" in _cue_ids(text)


def test_told_procedure_is_not_read_where_the_narrator_faults_it():
    faulted = ("原审法院认定：原告申请公开“某建规〔2019〕12号《关于进一步规范物业服务收费的通知》”，申请表已写明文件名称、文号及获取"
               "方式。被告发出补正告知书，要求其说明申请用途，原告未予理会，被告遂以逾期未补正为由不再处理。")
    assert narrated_procedure(faulted) is None
    paid = ("被申请人对超出十件的部分发出收费通知，申请人于收到通知后第九个工作日足额缴纳，经办科室仍以“逾期未缴费”为由终止办理。")
    assert narrated_procedure(paid) is None


@pytest.mark.parametrize("text, code", [
    ("一审法院查明：被告于3月9日作出《补正申请告知书》，列明需补充土地坐落，补正期限为十五个工作日。原告在补正期限内未提交任何补正材料，"
     "亦未向被告说明理由。", "other.correction_lapsed"),
    ("某市人民政府行政复议决定书（节录）\n经 查：申 请 人 申 请 公 开“与 我 们 那 片 有 关 的 征 收 文 件”。被 申 请 人 作 出 补 正 告 知，"
     "告 知 书 已 于 次 日 送 达。申 请 人 逾 期 未 补 正，亦 未 提 出 正 当 理 由。", "other.correction_lapsed"),
    ("被申请人称：申请人补正后将申请内容改为“2015年那次会议的会议纪要”。本局2015年形成会议纪要六十余份，申请人对会议主题、召开月份"
     "均未作任何说明，本局无法据此确定所指信息。", "unavailable.unclear"),
    ("复议机构经审查认定：申请人在两个月内提交申请共计二百一十件，被申请人发出说明理由通知书，申请人书面回复称“就是要让你们天天加班”。",
     "no_action.excessive"),
    ("某区人民法院查明：原告于2022年8月3日向被告申请公开某村征地补偿款发放情况。8月15日，原告到被告政务公开窗口提交书面《撤回申请书》。",
     "other.other"),
])
def test_told_procedures_in_other_words(text, code):
    told = narrated_procedure(text)
    assert told is not None and told.code == code


def test_a_withdrawn_review_is_not_a_withdrawn_application():
    assert narrated_procedure("申请人于复议期间请求撤回行政复议申请，复议机关准许。") is None


def test_an_organs_own_reply_names_the_organ():
    assert request_addressee("某区生态环境分局答复书（节录）：你申请获取的“某热电厂扩建项目环评审批意见”由某省生态环境厅于2020年作出，"
                             "本分局仅收到抄送件。") == "某区生态环境分局"


@pytest.mark.parametrize("text", [
    "被申请人答辩称：已查阅2019年至2020年全部收文登记簿和会议记录本，确认街道从未就该小区加装电梯召开协调会，亦未形成纪要。",
    "二审认为，被上诉人提交了镇档案室洪灾受损档案登记表和本次检索记录，载明该年度移民安置卷宗已被洪水损毁、无法修复。",
    "工作简报：有申请人要求本局提供某河段的水质监测原始数据。经查，该河段不在本局监测点位范围内，2023年从未在该河段采样。",
    "申 请 人 要 求 公 开 某 园 区 督 察 报 告 。被 申 请 人 在 公 文 系 统 中 检 索 了 2020 年 全 年 记 录 ，未 开 展 过 专 项 督 察 ，亦 无 相 关 报 告 。",
])
def test_searches_and_records_never_made_told_in_other_words(text):
    assert narrated_search(text)


def test_a_check_finding_no_rule_is_no_search_that_found_nothing():
    assert narrated_search("区卫健局答复称暂不公开。经查，区卫健局已完成抽检并出具结果汇总，亦无任何规定要求该类结果只能由上级发布。") is None


@pytest.mark.parametrize("text, maker", [
    ("被告某镇人民政府辩称，原告要的是某村地块的《建设用地批准书》，该文书依法由县级自然资源主管部门核发，镇政府既未制作，也没有保存原件。",
     "县级自然资源主管部门"),
    ("合议庭认为，本案涉案环评批复系某省生态环境厅作出，被告某市生态环境局因抄送而保存了一份，但既非制作机关，也非最初获取机关。",
     "某省生态环境厅"),
])
def test_makers_told_in_other_words(text, maker):
    assert narrated_maker(text, request_addressee(text)) == maker


def test_the_organ_a_reply_points_to_is_not_the_addressee():
    text = ("申请人：我们村修的那条产业路，我要看立项批复！\n承办意见：经查，该项目由县发展和改革局批复立项，镇政府仅为实施配合单位。"
            "拟告知申请人向县发改局申请。")
    assert request_addressee(text) != "县发改局"


def test_a_letter_withdrawing_its_own_application_is_other_with_its_own_note():
    letter = ("某律师事务所致某区自然资源局函：我所受某实业有限公司委托，曾于2024年2月代为申请公开某地块出让方案。现委托人已与相关方达成"
              "和解，经委托人书面授权，特函告贵局撤回该项政府信息公开申请。")
    told = narrated_procedure(letter)
    assert told is not None and told.code == "other.other" and told.letter
    data = _review(letter)
    assert data["reply"]["code"] == "other.other"
    assert any("申请人来函撤回申请" in r for r in data["reply"]["reasons"])
    assert narrated_procedure("贵局不要以为我会撤回申请，请依法答复某地块出让方案。") is None
    assert narrated_procedure("我已撤回对贵局的行政复议申请，现请贵局公开某地块出让方案。") is None


@pytest.mark.parametrize("text, repeat", [
    ("教育局办公室：\n我2023年7月向贵局申请公开《某区2019年招生划片方案》，贵局已于当年8月答复并把方案全文发给我。现在我再次申请同一份"
     "2019年的划片方案，请再发送一次。", True),
    ("某区住建局：贵局已答复并提供了该项目的规划许可证。现再次申请该项目的竣工验收备案表。", False),
])
def test_a_letter_asking_again_for_what_it_received_is_a_repeat(text, repeat):
    assert ("TRI063" in _cue_ids(text)) is repeat


@pytest.mark.parametrize("text, found", [
    ("申请人黄某向某县公安局申请公开小区门口禁止货车通行标志的设置审批文件。县公安局交警大队在标志设置台账和公文系统中均未查到该标志的"
     "审批记录。", True),
    ("复议查明，该工程实为原校址上的维修改扩建项目，仅编制了项目建议书及实施方案，从未编制可研报告。", True),
    ("经复议机关审查：申请人申请公开某污水处理厂环评批复，被申请人经检索答复信息不存在。经查，该工程已于2023年9月取得被申请人作出的环评批复。",
     False),
    ("法院认为，被告对前一申请从未作出答复，不具备认定重复申请的前提。", False),
    ("被告答复称，安置方案至今仍在修改完善中，尚未形成正式决定，依据《条例》第十六条第二款不予公开。", False),
])
def test_told_searches_and_their_look_alikes(text, found):
    assert bool(narrated_search(text)) is found


def test_a_narrators_view_of_a_repeat_is_not_a_repeat_when_rejected():
    assert "TRI063" not in _cue_ids("被申请人认为刘某再申请属于重复申请。复议机关认为，重复申请以同一申请人为前提，刘某以本人名义独立申请。")
    assert "TRI063" in _cue_ids("本机关已于2023年6月12日就你提出的相同申请作出答复，并已提供该方案。")
