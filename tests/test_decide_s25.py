"""Session 25: questions whose object is a record, demands to revoke or to help, vague descriptions.

Texts are written for these tests (no development case); each asserts the drafted reply or the helper's reading."""

from __future__ import annotations

import pytest

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.description import has_characteristic
from reviewer.decide.leanings import ASKED_RECORD_RE, asks_for_named_record


def _code(text: str) -> str:
    return run_review(text, ReviewOptions(use_model=False, applicant_on_file=True)).to_dict()["reply"]["code"]


@pytest.mark.parametrize("text", [
    "敬老补贴要到生日后的下个月才发，说是上面文件规定的。你们发放补贴依据的是哪份文件？请把这份文件提供给我。",
    "你们到底有没有作出过书面的不予批准决定？有就给我一份。",
    "某小区2025年的幼儿园名单是以什么文号下发的？麻烦告知文号，并将该文件提供给我。",
])
def test_question_about_a_record_with_a_demand_is_a_request(text):
    assert asks_for_named_record(text)
    assert _code(text) not in ("other.consultation", "no_action.petition")


@pytest.mark.parametrize("text", [
    "请问你们收费依据的是哪个文件？这样收费是否合法？",  # no demand for the record: a question
    "停车费为什么涨了？是谁批准的？",
])
def test_question_without_a_demand_stays_a_question(text):
    assert not asks_for_named_record(text)
    assert _code(text) == "other.consultation"


def test_asked_record_pattern():
    assert ASKED_RECORD_RE.search("有没有作出过书面的不予批准决定")
    assert ASKED_RECORD_RE.search("依据的是哪份文件")
    assert not ASKED_RECORD_RE.search("为什么不给我发补贴")


@pytest.mark.parametrize("text", [
    "某律师事务所\n关于请求撤销行政处罚决定的申请书\n某区市场监督管理局：\n本所受某公司委托，认为贵局作出的某市监罚〔2025〕12号"
    "行政处罚决定认定事实不清，特申请：一、撤销上述行政处罚决定；二、退还已缴纳罚款。",
    "申请事项：请交警大队撤销我今年3月在医院门口的违停记录，当时是送病人急诊。",
    "孩子报名时说材料不全不让读公办。恳请区政府帮我们解决孩子上学问题。",
])
def test_demands_to_revoke_or_help_are_petitions(text):
    assert _code(text) == "no_action.petition"


def test_revocation_record_asked_for_is_not_a_petition():
    assert _code("申请公开贵局撤销某公司食品经营许可的决定书及送达回证。") != "no_action.petition"


@pytest.mark.parametrize("text", [
    "我要你们那个关于我们那片儿的文件，就是去年开会说过的那个。",
    "【电话记录】老人称想要“那个补贴的文件”，说不清是哪一项补贴、哪个部门发的。",
])
def test_vague_descriptions_lack_a_characteristic(text):
    assert not has_characteristic(text)


def test_described_subject_still_counts():
    assert has_characteristic("2024年区里发的那个关于停车收费的文件")


# --- 有没有: the request's own word that the record was never made -------------------------------------------------
from reviewer.decide.decision import claim_about_all_items  # noqa: E402
from reviewer.decide.narrated import told_absent  # noqa: E402
from reviewer.decide.outcome import published_claim  # noqa: E402


@pytest.mark.parametrize("text", [
    "当晚泄洪系通过电话口头下达指令，情况紧急，未形成书面文件。请公开当晚的书面调度令。",
    "企业负责人承认“林地手续还没办”。特此申请获取贵局对该项目使用林地的审核同意书。",
    "本所查阅贵局网站历年公示的采砂许可信息，均未见该公司名下任何许可。请公开向该公司核发的采砂许可证。",
])
def test_told_absent_finds_the_sentence(text):
    assert told_absent(text)


@pytest.mark.parametrize("text", [
    "你们从未向我出具过书面决定，请公开对我作出的不予批准决定书。",  # not received is not never made
    "申请公开某项目的建设工程规划许可证。",
])
def test_told_absent_ignores_other_sentences(text):
    assert told_absent(text) is None


def test_told_absent_is_a_staff_note_never_a_draft_before_the_search():
    data = run_review("某公司在林地上修了道路，企业负责人说林地手续还没办。请公开贵局对该项目使用林地的审核同意书。",
                      ReviewOptions(use_model=False, applicant_on_file=True)).to_dict()
    assert data["reply"]["code"] != "unavailable.not_held"  # 指导案例101号: no search, no 信息不存在
    reasons = " ".join(data["reply"]["reasons"]) + " ".join(
        r for c in data.get("candidates") or [] for r in (c.get("reasons") or []))
    assert "可能并未制作" in reasons or "可能并未制作" in str(data)


# --- 怎么给: published claims -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "本会注意到贵厅官网“公示公告”栏目中刊有上述文件，请告知栏目路径。",
    "我会工作人员曾在贵局门户网站“事故调查报告”专栏查到该报告标题，但链接无法打开。",
])
def test_claims_of_a_page_that_lists_the_record(text):
    assert published_claim(text)


def test_claim_about_all_items_outside_the_items():
    from types import SimpleNamespace

    text = "请求获取：（一）贵局2024年部门预算；（二）贵局2023年部门决算。以上信息如已在贵局网站发布，告知网址即可。"
    items = [SimpleNamespace(text="贵局2024年部门预算"), SimpleNamespace(text="贵局2023年部门决算")]
    assert claim_about_all_items(text, items)
    assert claim_about_all_items("请求获取：（一）贵局2024年部门预算；（二）贵局2023年部门决算。", items) is None


# --- 谁负责: a 致 line without a colon after the organ; new competence entries ---------------------------------------
from reviewer.decide.organ import request_addressee  # noqa: E402


@pytest.mark.parametrize("text,organ", [
    ("致：国家铁路局某铁路监督管理局\n本所代理某小区业主……", "国家铁路局某铁路监督管理局"),
    ("致：民航某地区管理局\n事项：申请公开……", "民航某地区管理局"),
    ("致：某市应急管理局\n申请人：某公司", "某市应急管理局"),
])
def test_to_line_names_the_addressee(text, organ):
    assert request_addressee(text) == organ


def test_to_line_of_a_person_is_no_organ():
    assert request_addressee("致：张某某\n你好，……") is None


def test_subway_safety_asked_of_the_railway_regulator_is_another_organs():
    text = ("某律师事务所\n致：国家铁路局某铁路监督管理局\n本所代理地铁3号线沿线某小区业主，申请贵局提供对某市地铁3号线开展的"
            "初期运营前安全评估报告。\n形式：纸质。")
    assert _code(text) == "unavailable.other_agency"


# --- 补不补: "与…有关的一切文件、会议材料、检查记录…" describes no record ------------------------------------------------
def test_everything_about_a_matter_listed_is_no_description():
    assert not has_characteristic("现请求公开贵局2015年以来制作和获取的与快递行业有关的一切文件、会议材料、检查记录、处罚决定及往来函件。")
    assert has_characteristic("请求公开贵局2023年对某快递公司作出的行政处罚决定书。")


# --- 有没有 in a restatement: the organ's account that the record was never made ----------------------------------------
from reviewer.decide.narrated import organ_told_absent  # noqa: E402


def test_organ_account_of_a_record_never_made_reads_as_its_search():
    text = ("经审理查明：某日凌晨水库开闸泄洪。被告工作人员在村民会上称，当晚系通过电话口头下达指令，情况紧急，未形成书面文件。"
            "原告随后申请公开当晚泄洪的书面调度令。")
    assert organ_told_absent(text)
    assert _code(text) == "unavailable.not_held"


@pytest.mark.parametrize("text", [
    # the decision is still being made: process information, not a record never made
    "被告答复称，该方案仍在修改完善中，尚未形成正式决定，依据第十六条第二款不予公开。",
    # the applicant's belief, not the organ's account
    "原告认为被告从未组织听证，申请公开听证笔录。",
    # a letter to the organ: the applicant's word is a lean only (told_absent)
    "贵局从未向该公司核发采砂许可，请公开该许可证。",
])
def test_organ_told_absent_ignores_pending_applicant_and_letters(text):
    assert organ_told_absent(text) is None


# --- 给不给/怎么给: the applicant offers to take the record without the personal data --------------------------------
from reviewer.decide.public_beside import redaction_offered  # noqa: E402


@pytest.mark.parametrize("text", [
    "申请公开补助资金发放明细。个人养殖户的身份证号码、银行账号和联系电话属于个人信息，请遮蔽后提供。",
    "申请公开审计报告。报告中其他农户的身份证号码、银行账号等信息可以隐去。",
    "请隐去个人信息后提供该名册。",
])
def test_redaction_offered(text):
    assert redaction_offered(text)


def test_no_redaction_offered():
    assert not redaction_offered("申请公开王某某的身份证号码和银行账号。")


def test_a_roster_asked_for_with_ids_left_out_drafts_partial():
    text = ("某县审计局：本所受某村十一户农户委托，申请公开贵局2022年对某镇人民政府财政收支（含征地补偿款拨付）的审计报告。"
            "委托人关心补偿款的实际拨付情况；报告中其他农户的身份证号码、银行账号等信息可以隐去。")
    assert _code(text) == "partial"


# --- 是不是: notary records; 谁负责: more competence ------------------------------------------------------------------
def test_notary_file_is_not_government_information():
    assert _code("某市某公证处：\n我司需要调取贵处2022年为我司办理的债权文书公证的卷宗材料，特依《政府信息公开条例》申请公开。") \
        == "other.not_gov_info"


@pytest.mark.parametrize("text", [
    "某市人力资源和社会保障局：\n申请公开本市2025年度住房公积金月缴存基数上下限及缴存比例的调整通知。",
    "某市审计局：\n我司申请公开税务机关对某实业集团作出的《税务处理决定书》。",
])
def test_records_of_another_kind_of_organ(text):
    assert _code(text) == "unavailable.other_agency"


# --- 是不是 for a list: the case the whole list is about ----------------------------------------------------------------
def test_items_of_a_criminal_case_list_are_not_government_information():
    text = ("某海关缉私分局：\n本人系犯罪嫌疑人陈某某的辩护律师。陈某某因涉嫌走私普通货物罪被贵局刑事拘留，现已被批准逮捕。"
            "依据《政府信息公开条例》，申请公开：1.贵局对该案的立案决定书；2.扣押财物、文件清单；3.侦查期间的讯问笔录。")
    assert _code(text) == "other.not_gov_info"


def test_an_ordinary_list_after_an_unrelated_preamble_is_unchanged():
    text = "某区住房和城乡建设局：\n申请公开：1.某小区加装电梯的补贴标准文件；2.2024年补贴发放名单公示。"
    assert _code(text) != "other.not_gov_info"


# --- 补不补: the description left to an attachment that never came -------------------------------------------------------
from reviewer.decide.description import attachment_missing  # noqa: E402


def test_description_in_a_missing_attachment():
    text = ("政府信息公开申请表\n受理机关：某省药品监督管理局\n所需信息的名称或内容描述：详见附件《申请公开信息清单》\n"
            "获取方式：电子邮件\n［受理登记备注：网上平台提交，附件栏为空，未上传任何文件。］")
    assert attachment_missing(text)
    assert _code(text) == "other.correction"


def test_attachment_present_is_no_gap():
    assert not attachment_missing("所需信息详见附件《申请公开信息清单》（共2页，已随表提交）。")


# --- restatements: the organ's search, the maker it names, where it published --------------------------------------------
from reviewer.decide.narrated import narrated_maker, narrated_published, narrated_search  # noqa: E402


@pytest.mark.parametrize("text", [
    "某市生态环境局答复称，经检索本局许可档案和原环保局移交的档案，2015年未向该厂核发过排污许可证。",
    "被告答复称，经查询本局年度审计项目计划和档案室，2019年至今本局未对该镇开展过上述专项审计。",
    "被申请人检索本局工程管理档案后，答复本机关未制作也未获取该信息。",
])
def test_restated_search_finding_a_record_never_made(text):
    assert narrated_search(text)


def test_restated_reply_without_a_search_is_no_search():
    assert narrated_search("经查，被告未作出答复。") is None


@pytest.mark.parametrize("text,maker", [
    ("被告答复称，高校录取数据由省教育考试院在招生录取工作中制作和保存，本局不掌握，请向省教育考试院申请。", "省教育考试院"),
    ("某县人民政府作出告知书，告知其申请的处罚决定书系市市场监督管理局作出，应向该局申请。", "市市场监督管理局"),
    ("被申请人说明，宅基地申请由乡（镇）人民政府审核批准，本局仅负责指导和监督，未保存该批准书。", "乡（镇）人民政府"),
])
def test_restated_maker(text, maker):
    assert narrated_maker(text) == maker


def test_restated_publication_in_a_procurement_notice():
    text = ("某保洁公司申请某县城市管理局公开“道路清扫保洁服务项目政府采购合同”。复议机关查明，该局作为采购人已于合同签订后"
            "第二日在省政府采购网“合同公告”栏目公告了该合同。")
    assert narrated_published(text)


def test_a_later_finding_that_the_organ_made_the_record_overrides_its_pointer():
    text = ("上诉人申请公开《某街道2022年违法建设专项整治工作方案》，街道答复称“违法建设治理由区城管局负责，请向其申请”。"
            "经二审核实，该方案系街道以自己名义印发，原件存于街道党政办。")
    assert narrated_maker(text) is None


# --- a narration head is no item; shares and breakdowns are computations ---------------------------------------------------
from reviewer.decide.existence import COMPILE_RE  # noqa: E402


def test_narration_head_is_not_an_item_of_its_own():
    text = ("申请人使用某市交通运输局依申请公开平台提交内容称，其于2023年2月14日晚乘坐出租车时遭司机拒载和辱骂，"
            "“请交通局查处这名司机，给我一个说法”。")
    data = run_review(text, ReviewOptions(use_model=False, applicant_on_file=True)).to_dict()
    assert len(data["request"]["items"]) == 1
    assert data["reply"]["code"] == "no_action.petition"


@pytest.mark.parametrize("text", ["2019—2023年不予认定工伤的比例", "离婚登记当事人的学历构成及婚龄分布情况",
                                  "每件案件从受理到作出决定的平均用时"])
def test_shares_and_breakdowns_ask_for_work(text):
    assert COMPILE_RE.search(text)


@pytest.mark.parametrize("text", ["住房公积金缴存比例的调整通知", "申请公开安置房分配比例的文件"])
def test_a_ratio_set_by_a_record_is_that_record(text):
    assert not COMPILE_RE.search(text)


# --- everyday words: another organ's act, a repeat told plainly, 俺家 -------------------------------------------------------
from reviewer.decide.organ import item_organ  # noqa: E402


@pytest.mark.parametrize("text,own", [
    ("申请公开区生态环境局那次做的厂界噪声监测报告。", "某街道办事处"),
    ("申请公开县教育局这次招聘的笔试、面试成绩和拟录用名单。", "某镇人民政府"),
])
def test_another_organs_act_told_in_everyday_words(text, own):
    assert item_organ(text, [], own, True, context=text).responsible == "other"


def test_a_plain_repeat_is_a_duplicate():
    text = ("区城管局：同样的申请我2月份交过一次，你们3月10号给了答复，说批准文件已经在局网站上公开了。我还是要你们把这份文件"
            "再正式给我一次，申请内容一模一样：某广场临时摊点设置的批准文件。")
    assert _code(text) == "no_action.duplicate"


def test_own_line_of_a_roster_in_dialect_is_the_applicants_own():
    text = "乡政府：俺想看看乡里核实的俺家补贴面积和钱数那张表，把俺家那一行给俺复印一份就中。"
    assert _code(text) != "withhold.third_party"
