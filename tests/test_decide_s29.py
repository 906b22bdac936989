"""Round 2, session 29: review-body and court restatements read as they tell the case — a third party's written
statement or the court's finding is not a request to certify, a search that found nothing is not outranked by a
ground, the organ's "没有作出过" and "无需…进行" are its account, a repeat told in a defence, a court that finds the
parts separable (部分公开), a third party that agreed, a draft published for comment is not the record published,
"被申请人" is no organ's name, and a 补正 that added nothing leaves the request unclear."""

from __future__ import annotations

import pytest
from review_helpers import reviewed_by_rules as _review

from reviewer.decide.narrated import narrated_opinion, narrated_search, organ_told_absent
from reviewer.decide.organ import detect_other_agency
from reviewer.decide.outcome import published_claim
from reviewer.decide.public_beside import holds_personal_in_brackets, redaction_offered
from reviewer.decide.told_procedure import narrated_procedure


def test_a_written_statement_in_the_findings_is_not_a_request_to_certify():
    text = ("申请人称：其向被申请人某县住房和城乡建设局申请公开某小区三期工程的竣工验收备案表，被申请人答复该信息不存在。"
            "被申请人称：本局在备案管理系统和档案室纸质档案中以项目名称检索，未找到该工程的备案记录。"
            "经审理查明：该工程至今未申请竣工验收备案，开发公司亦出具书面说明，确认工程仍在整改。")
    out = _review(text)
    assert out["reply"]["code"] == "unavailable.not_held"
    assert not any(c["code"] == "no_action.confirm" for c in out["candidates"][:1])


def test_a_request_to_certify_is_still_read():
    out = _review("请贵局出具证明，确认我手中的这份土地使用证是否真实有效。")
    assert out["reply"]["code"] == "no_action.confirm"


def test_a_search_told_as_finding_nothing_is_not_outranked_by_a_named_ground():
    text = ("某市人民政府行政复议决定书载明：申请人为办理工龄认定，申请被申请人某区人力资源和社会保障局公开其母亲某某1982年的"
            "招工审批表。被申请人称，已查阅本局档案室保存的劳动工资档案及职工档案管理系统，均未发现该审批表。")
    assert narrated_search(text)
    assert _review(text)["reply"]["code"] == "unavailable.not_held"


def test_the_organs_never_made_in_its_own_voice():
    text = ("申请人称：其申请公开对邻居违法搭建作出的行政处罚决定书，被申请人答复不存在。被申请人称：该案仍在办理，本局没有作出过"
            "处罚决定。经审理查明：被申请人仅作出责令限期改正通知书。")
    assert organ_told_absent(text)
    assert _review(text)["reply"]["code"] == "unavailable.not_held"
    # the applicant's own claim in a restatement is not the organ's account
    assert organ_told_absent("申请人称：被申请人没有作出过处罚决定，却罚了我的款。") is None


def test_no_need_to_make_the_record_after_a_search():
    text = ("原告诉称：原告申请公开某仓储项目的节能审查意见，被告答复不存在。被告辩称：经在投资项目在线审批监管平台检索，该项目"
            "未申请节能审查；按当时规定，该项目无需单独进行节能审查。")
    assert narrated_search(text)
    assert _review(text)["reply"]["code"] == "unavailable.not_held"


@pytest.mark.parametrize("text", [
    "被告辩称：原告此前已提出过内容相同的申请，被告已于当年6月作出答复书并送达。原告此次申请未说明新的理由。",
    "被告辩称：原告去年申请的两项信息被告已全部予以提供，原告此次申请的两项信息与上次完全一致。",
])
def test_a_repeat_told_in_the_defence(text):
    assert _review("原告诉称：原告申请公开某区2022年度道路养护资金拨付文件，被告以重复申请为由不予处理。" + text
                   )["reply"]["code"] == "no_action.duplicate"


def test_a_different_request_after_an_answer_is_no_repeat():
    text = ("原告诉称：原告申请公开某区2022年度道路养护资金拨付文件。被告辩称：被告去年已作出答复，原告此次申请的是另一路段的"
            "拨付文件，与上次并不相同。")
    assert _review(text)["reply"]["code"] != "no_action.duplicate"


@pytest.mark.parametrize("text, expected", [
    ("经审理查明：评审结果汇总表不涉及投标人的报价构成，可以单独提供。", True),
    ("经审理查明：报告正文可与附件中的伤者个人信息区分开来。", True),
    ("被申请人称：遮盖业主签名、身份证号码和手机号码后可以提供。", True),
    ("经审理查明：报告正文与附件无法区分，不能单独提供。", False),
])
def test_parts_found_separable(text, expected):
    assert redaction_offered(text) is expected


def test_a_third_party_objection_to_separable_parts_drafts_partial():
    text = ("申请人称：其申请公开小区加装电梯项目的业主意见征询表，被申请人全部拒绝。被申请人称：征询表上有各户业主的签名、身份证"
            "号码和手机号码，经书面征求意见，多数业主不同意公开其个人信息。经审理查明：各户的同意与否与申请人权益直接相关，遮盖"
            "签名、身份证号码和手机号码后可以提供。")
    assert narrated_opinion(text) == "object"
    assert _review(text)["reply"]["code"] == "partial"


def test_a_third_party_that_agreed_in_writing():
    text = ("申请人称：其申请公开被申请人向某建材公司核发的取水许可证，被申请人以涉及商业秘密为由不予公开。经审理查明：许可证"
            "载明取水地点、取水量和期限；复议期间，该公司书面表示对公开取水许可证无异议。")
    assert narrated_opinion(text) == "agree"
    assert narrated_opinion("经征求意见，该公司不同意公开附件，但对公开许可证正文无异议。") == "partly"
    assert _review(text)["reply"]["code"] == "disclose"


@pytest.mark.parametrize("text", [
    "申请公开《某市共享单车管理办法（修订草案）》的起草说明，该草案已于2024年2月在市政府网站公开征求意见。",
    "申请公开水库除险加固工程的竣工验收鉴定书。该工程已于2021年12月通过竣工验收，鉴定书未在网站公开。",
])
def test_not_a_published_claim(text):
    assert published_claim(text) is None


def test_a_published_claim_still_read():
    assert published_claim("申请公开该草案的正式文本，正式文本已于2024年5月在市政府网站公开发布。")


def test_the_personal_fields_told_in_the_next_sentence():
    text = "申请公开区市场监管局对某餐饮公司作出的行政处罚决定书。该决定书载明了公司法定代表人的身份证号码和住址。"
    assert holds_personal_in_brackets(text)
    assert _review(text)["reply"]["code"] == "partial"
    # a record not public by nature is not read so
    assert not holds_personal_in_brackets("申请公开对某餐饮公司的询问笔录。该笔录载有当事人的身份证号码。")


def test_the_party_title_is_no_organs_name():
    text = "经审理查明：验收鉴定书由被申请人组织验收委员会制作并存档。"
    assert detect_other_agency(text, None) is None
    assert detect_other_agency("该批复由市生态环境局作出。", None) == "市生态环境局"


def test_a_correction_that_added_nothing_leaves_the_request_unclear():
    text = ("申请人称：其申请公开“对某某事件处理的所有文件”，被申请人答复申请内容不明确。被申请人称：本府发出补正告知书，请申请人"
            "说明事件的时间、地点；申请人在期限内提交的补正材料仅写“就是那件事”，未补充任何可供检索的特征。")
    told = narrated_procedure(text)
    assert told is not None and told.code == "unavailable.unclear"
    assert _review(text)["reply"]["code"] == "unavailable.unclear"


@pytest.mark.parametrize("text", [
    "区政府关于某片区安置房分配方案的公示（区政府网站今年3月发过）",
    "《某市养犬管理规定》（贵局网站“政策法规”栏目已转载公布）",
    "贵局2023年公布的重大税收违法案件（在贵局网站上），请告知网页位置。",
    "把你们定的停车收费标准文件给我一份——你们网站“收费公示”栏目里挂着的那个。",
])
def test_published_claims_in_items(text):
    assert published_claim(text)


def test_a_negated_publication_is_no_claim():
    assert published_claim("你们网站上从来没发过这个文件，请提供纸质版。") is None


def test_a_restatement_that_tells_the_table_would_have_to_be_compiled():
    text = ("原告诉称：原告申请公开近三年全市每个停车场每月的收费收入及上缴财政情况对照表。被告辩称：本局只掌握各停车场年度"
            "上缴总额。经审理查明：被告处不存在按停车场、按月份编制的对照表，如需形成该表，须调取经营单位数据后逐一汇总计算。")
    assert _review(text)["reply"]["code"] == "unavailable.needs_creation"


# --- 谁负责 from a 文号's 机关代字 (rules/competence.yaml, by_number entries) ---------------------------------------

def test_a_joint_documents_number_names_its_lead():
    from reviewer.decide.competence import load_table

    table = load_table()
    assert table.lead_of("你局和市教育局联合印发的湘教发〔2022〕31号文件", "某市财政局").organ == "教育主管部门"
    assert table.lead_of("你局和市教育局联合印发的湘教发〔2022〕31号文件", "某市教育局") is None
    out = _review("某市财政局：\n你局和市教育局联合印发的湘教发〔2022〕31号文件，请公开全文。")
    assert out["reply"]["code"] == "unavailable.other_agency"
    assert any("机关代字" in r for r in out["reply"]["reasons"])


def test_a_number_cited_as_the_basis_is_not_the_record_asked():
    out = _review("某县住房和城乡建设局：\n申请公开根据某政发〔2014〕7号文件制定的房屋征收补偿方案。")
    assert out["reply"]["code"] != "unavailable.other_agency"


def test_a_list_asked_with_its_identifying_fields_beside_it():
    from reviewer.decide.roster import lists_people

    assert lists_people("某区2021年公租房配租名单及各户身份证号码")
    assert not lists_people("全部低保户的身份证号码和银行账号")  # the fields themselves
    from review_helpers import reviewed_with_model

    assert reviewed_with_model("申请公开某区2021年公租房配租名单及各户身份证号码。")["reply"]["code"] == "partial"


def test_party_organisation_meetings_are_party_affairs():
    from reviewer.detect.registry import load_cues

    party = next(c for c in load_cues() if c.code == "TRI026")
    assert party.find("申请公开该局机关党委2023年度组织生活会上的批评与自我批评记录。")
    assert not party.find("申请公开该局2023年度部门决算。")


# --- letters to the organ that tell the facts in the applicant's words --------------------------------------------

def test_a_letter_that_tells_the_maker_beside_the_request():
    from reviewer.decide.narrated import told_issuer

    assert told_issuer("想要一份某河道整治工程的批复。这个批复是市发改委下的，我在公示栏见过。", "县发改局") == "市发改委"
    assert told_issuer("请公开该项目的环评批复。这个环评是生态环境部批的。", "某市生态环境局") == "生态环境部"
    assert told_issuer("贵局官网转载了省自然资源厅《关于耕地保护的通知》，请提供该通知的附件。", "某市自然资源局") == "省自然资源厅"
    out = _review("某县发展和改革局：\n想要一份《关于某河道整治工程可行性研究报告的批复》。这个批复是市发改委下的，麻烦复印一份给我。")
    assert out["reply"]["code"] == "unavailable.other_agency"


@pytest.mark.parametrize("text", [
    "某区自然资源局：\n今年3月我申请过“某小区三期建设工程规划许可证”，你们4月给了答复，说已在官网公开。现在我还是申请同样这份许可证，请寄给我。",
    "某县自然资源局：\n你们5月份答复我说“经检索，该采矿许可延续的审批材料不存在”。我不信，现在我把原来的申请原样再交一次。",
])
def test_a_letter_that_resends_an_answered_application(text):
    assert _review(text)["reply"]["code"] == "no_action.duplicate"


def test_a_letter_that_asks_again_for_something_else_is_no_repeat():
    text = "某区自然资源局：\n今年3月我申请过某小区的规划许可证，你们4月给了答复。现在申请该小区的竣工规划核实意见。"
    assert _review(text)["reply"]["code"] != "no_action.duplicate"


@pytest.mark.parametrize("text, code", [
    ("某县住建局：\n去年你们寄来一张补正告知书，要我写明是哪个小区，我当时就没有回。请问那份申请是什么结果？",
     "other.correction_lapsed"),
    ("某区住建局：\n四月份你们让我“补正”，讲清楚是哪一年的账目，我故意没理你们。现在要求给我书面答复。", "other.correction_lapsed"),
    ("某市自然资源局：\n我公司6月提交了45件申请，6月20日收到贵局的收费通知，到现在也没交。请问这批申请还办不办？", "other.fee_unpaid"),
])
def test_a_letter_that_tells_a_notice_left_unanswered(text, code):
    told = narrated_procedure(text)
    assert told is not None and told.code == code and told.letter
    assert "申请人的说法" in told.note()


def test_a_letter_that_says_the_correction_was_made_is_not_lapsed():
    assert narrated_procedure("某局：\n我收到补正告知书后按要求补正了，但你们至今没有答复。请尽快答复。") is None


def test_the_organs_quoted_answer_to_another_applicant():
    from reviewer.decide.narrated import quoted_organ_absent

    text = ("某区自然资源局：\n我邻居去年申请过某地块控规调整的论证报告，你们给他的答复写着：“经在本局公文系统、档案室检索，本局"
            "未制作也未获取该论证报告，该信息不存在。”现在我以自己的名义申请同一份论证报告。")
    assert quoted_organ_absent(text)
    assert _review(text)["reply"]["code"] == "unavailable.not_held"


@pytest.mark.parametrize("text", [
    "这份计划我在区政府门户网站“重点领域”栏目里见过，但附件打不开。",
    "镇政府网站“社会救助”栏目2025年7月公示了本镇低保新增对象名单，我要的就是这份名单。",
    "贵局公众号于1月8日推送了《安全生产许可证延期审查结果公告》，请提供完整名单。",
])
def test_published_claims_in_letters(text):
    assert published_claim(text)


@pytest.mark.parametrize("text, organ", [
    ("柳营街道办事处：\n你们好！我们是小区业主。", "柳营街道办事处"),
    ("长川县交通运输综合行政执法大队：\n本人是一名货车司机。", "长川县交通运输综合行政执法大队"),
    ("区住房和城乡建设局（区房屋征收办公室）：\n我是被征收户。", "区住房和城乡建设局"),
])
def test_the_first_lines_organ_is_the_addressee(text, organ):
    from reviewer.decide.organ import request_addressee

    assert request_addressee(text) == organ


@pytest.mark.parametrize("text", [
    "贵局对李某作出的行政处罚决定书（决定书上写有他的身份证号和家庭住址）。",
    "贵局对该药房作出的行政处罚决定书，我听说决定书上写着经营者本人的姓名、身份证号和住址。",
])
def test_personal_fields_told_as_applicants_write_them(text):
    assert holds_personal_in_brackets(text)


def test_household_summary_tables_are_lists():
    from reviewer.decide.roster import lists_people

    assert lists_people("评估机构出具的某片区分户评估结果汇总表，表上有被征收人姓名、身份证号、房屋面积。")
    assert lists_people("县政府与被征地农户签订的征地补偿协议汇总表。这张表列了每户户主姓名、身份证号。")
    assert not lists_people("某区2023年度部门预算汇总表")


def test_a_letter_that_refuses_to_give_reasons_for_many_applications():
    text = ("某区人民政府办公室：\n你们的《说明理由通知书》收到了，要我说明为什么一个月提交了120件信息公开申请。我是纳税人，"
            "想申请多少就申请多少。")
    told = narrated_procedure(text)
    assert told is not None and told.code == "no_action.excessive" and told.letter


def test_a_letter_that_withdraws_after_naming_the_application():
    told = narrated_procedure("某街道办事处：\n我7月3日在网上提交的政府信息公开申请（编号2025-0412）请予撤回，不需要你们再答复。")
    assert told is not None and told.code == "other.other"


@pytest.mark.parametrize("text", [
    "我知道表上有各家的签名、手机号和身份证号，这些你们可以遮掉。",
    "其他投标人的报价明细和技术方案可能涉及商业秘密，这些部分可以不提供，我们只需要评分汇总表。",
])
def test_redaction_offered_as_applicants_write_it(text):
    assert redaction_offered(text)


def test_a_letter_enclosing_the_third_partys_consent():
    text = ("某镇人民政府：\n我申请公开我弟弟2019年在贵镇办理的宅基地审批表。他本人已经写了书面声明，同意把这份审批表提供给我，"
            "声明原件附后。请你们核对。")
    assert narrated_opinion(text) == "agree"
    assert narrated_opinion("某镇人民政府：\n我申请公开我弟弟的宅基地审批表，他不同意，但我需要。请你们提供。") is None


def test_ones_own_household_told_in_the_applicants_words():
    from reviewer.decide.nature import own_matter

    assert own_matter("这份分户评估报告评估的是我自己家的房子，里面只有我一家的情况。")
    assert not own_matter("这份分户评估报告是隔壁邻居家的。")


def test_a_case_file_item_beside_a_demand_is_kept():
    from reviewer.decide.items import split_mixed
    from reviewer.decide.request import parse_request
    from reviewer.detect.registry import load_cues

    text = ("某县住房和城乡建设局：\n申请公开：\n1. 某小区前期物业服务招标的备案材料；\n2. 贵局对该物业公司信用扣分处理的全部执法案卷；"
            "\n3. 请贵局立即撤换这家物业公司。\n业主 龚某")
    items, natures = split_mixed(parse_request(text), load_cues())
    assert [i.text for i in items][1] == "贵局对该物业公司信用扣分处理的全部执法案卷"
    assert natures[-1] == "no_action.petition"


@pytest.mark.parametrize("text, n", [
    ("某中心：\n我想申请三项信息：\n一是本人的住房公积金缴存明细；\n二是中心2023年度报告；\n三是离职后怎么提取公积金？", 3),
    ("某局：\n申请公开：\n第一，2024年农村公路建设计划；\n第二，某村通村路的结算审核意见。", 2),
])
def test_letters_numbered_in_words(text, n):
    from reviewer.decide.request import parse_request

    assert len(parse_request(text).items) == n


@pytest.mark.parametrize("text", [
    "贵局对殴打某某的违法行为人作出的治安管理处罚决定书（决定书载有违法行为人的身份证号码、住址）",
    "贵局对某物流公司作出的劳动保障监察行政处罚决定书（决定书后面列有被欠薪工人的姓名和身份证号）",
    "贵局对某烟花厂作出的行政处罚决定书，决定书里有厂长个人的身份证号码和家庭住址",
])
def test_an_item_whose_public_record_holds_told_personal_fields_is_partial(text):
    assert holds_personal_in_brackets(text)
    letter = f"某局：\n申请公开：\n1. {text}；\n2. 贵局2024年部门预算。\n申请人 某某"
    assert _review(letter)["request"]["items"][0]["code"] == "partial"
