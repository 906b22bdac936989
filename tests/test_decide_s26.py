"""Session 26: the form a request is written on, kind words used as verbs, places named in passing, records other
organs make and issuers named beside the item, what the court said in a restatement (grounds rejected, searches
accepted or faulted, the maker), repeats, notices about one item, one vague item in a list.

Texts are written for these tests (no development case); each asserts the helper's reading or the drafted reply."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from review_helpers import reviewed_by_rules as _review

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.competence import load_table
from reviewer.decide.description import (
    DESCRIPTION_ELEMENT,
    correction_elements,
    has_characteristic,
    names_matter,
)
from reviewer.decide.request import parse_request


@pytest.mark.parametrize("text", [
    "政府信息公开申请登记表“申请内容”栏原文：我要那次开会说的那些东西",
    "（申请书原文）请把上回说的所有材料给我",
])
def test_the_application_form_is_not_a_record_asked_for(text):
    assert not has_characteristic(text)


def test_a_named_record_on_the_form_still_counts():
    assert has_characteristic("政府信息公开申请表“所需信息”栏：某区2024年老旧小区改造项目的竣工验收备案表")


@pytest.mark.parametrize("text", [
    "请把你们那些规定发给我，我要看看你们是咋规定的。",
    "你们到底是怎么决定的，材料给我看看。",
])
def test_kind_words_used_as_verbs_name_no_record(text):
    assert not has_characteristic(text)


def test_kind_word_as_a_noun_still_counts():
    assert has_characteristic("请提供贵局关于校外托管机构收费的规定。")


def test_a_place_named_in_passing_is_no_matter():
    assert not names_matter("上回在社区开会，念了一个管道改造的文件，那个文件给我一份。")
    assert names_matter("请公开幸福社区2023年管道改造工程的资金使用情况。")


def test_vague_request_on_a_form_asks_for_a_description():
    request = parse_request("政府信息公开申请登记表“申请内容”栏原文：我要申请公开上回拆房子那个事的所有材料，越快越好。")
    unclear = SimpleNamespace(probabilities={"other.correction": 0.9})
    assert DESCRIPTION_ELEMENT in correction_elements(request, unclear)


@pytest.mark.parametrize("organ, item, code", [
    ("某县卫生健康局", "请公开县医保基金去年拨付给县人民医院的结算明细。", "CMP046"),
    ("某区交通运输局", "请提供我的车辆在某路口被电子警察抓拍的交通违法记录。", "CMP047"),
    ("某县水利局", "申请公开我家承包山林划入公益林的区划界定文件。", "CMP048"),
    ("某区生态环境局", "请公开某河段防洪堤除险加固工程的验收资料。", "CMP049"),
    ("某县教育局", "请公开某大学今年在本省的录取分数线。", "CMP050"),
    ("某区农业农村局", "请公开辖区超市上半年蔬菜抽检的结果。", "CMP051"),
    ("某省知识产权局", "请公开驳回我司商标注册申请的驳回通知。", "CMP033"),
    ("某区城市管理局", "请公开我们小区物业服务费上调的价格批复。", "CMP059"),
])
def test_records_other_organs_make(organ, item, code):
    found = load_table().maker_of(item, organ)
    assert found is not None and found.code == code


@pytest.mark.parametrize("organ, item", [
    ("某市医疗保障局", "请公开医保基金去年拨付给县人民医院的结算明细。"),
    ("某县农业农村局", "申请公开饲料产品质量监督抽检结果通报。"),
    ("某区人民政府", "请公开某河段防洪堤除险加固工程的验收资料。"),  # a general government holds its projects' records
    ("某区生态环境局", "请公开某企业的环境违法记录。"),  # 违法记录 alone is not a traffic record
])
def test_records_the_organ_asked_makes(organ, item):
    assert load_table().maker_of(item, organ) is None


def test_other_organ_is_drafted_for_a_traffic_record_asked_of_the_transport_bureau():
    d = _review("某县交通运输局：我的小车在县城某路口被电子警察拍了好几次，请公开这几次交通违法记录和照片。")
    assert "unavailable.other_agency" in [d["reply"]["code"]] + [c["code"] for c in d["candidates"][:3]]


@pytest.mark.parametrize("text", [
    "贵局已于6月作出答复（某市监公开〔2024〕第21号），提供了检验报告。我司对答复不认可，现就上述检验报告再次提出申请。",
    "县政府办于5月以答复书告知该报告经检索不存在。本人不信，现再次申请公开同一份报告。",
    "县民宗局：今年5月我申请过那份审批意见，你们6月给我回了个答复书，说没有。现在再申请一遍，内容跟上次一样。",
])
def test_restated_repeats_are_read(text):
    d = _review(text)
    codes = [d["reply"]["code"]] + [c["code"] for c in d["candidates"][:3]]
    assert "no_action.duplicate" in codes


@pytest.mark.parametrize("text, maker", [
    ("某县应急管理局：请提供某涂料公司危险化学品经营许可证的核发决定。该公司许可证上载明的发证机关为“某市应急管理局”。",
     "某市应急管理局"),
    ("某区交通运输局：请公开某出行平台的网络预约出租汽车经营许可决定书。本市网约车平台经营许可由某市交通运输局统一受理和核发。",
     "某市交通运输局"),
    ("某县应急管理局：本县某园区去年发生一起较大生产安全事故，该事故由某市人民政府成立的事故调查组负责调查。申请公开该事故调查报告。",
     "某市人民政府"),
])
def test_issuer_named_beside_the_item_is_another_organ(text, maker):
    from reviewer.decide.narrated import told_issuer

    assert told_issuer(text, "某县应急管理局" if "县应急" in text else "某区交通运输局") == maker
    d = _review(text)
    assert d["reply"]["code"] == "unavailable.other_agency"
    assert any(maker in r for r in d["reply"]["reasons"])


def test_issuer_that_is_the_organ_asked_changes_nothing():
    from reviewer.decide.narrated import told_issuer

    text = "某县市场监督管理局：请公开某超市的食品经营许可证。许可证上载明的发证机关为某县市场监督管理局。"
    assert told_issuer(text, "某县市场监督管理局") is None
    assert _review(text)["reply"]["code"] != "unavailable.other_agency"


@pytest.mark.parametrize("text", [
    "原告申请获取某超市办理许可时现场核查所拍摄的照片。被告答复该信息不存在。本院认为，被告已说明信息不存在的理由并提供了检索依据。",
    "原告向被告申请公开当日的执法记录仪视频。被告答复称，经在音视频管理平台按日期、设备编号检索，该视频已不存在。",
    "原告向被告某县民政局申请公开该养老院2020年度星级评定结果文件。被告答复称，2020年度未组织评定，不存在该文件。",
])
def test_restated_searches_that_found_nothing(text):
    from reviewer.decide.narrated import narrated_search, told_account

    assert narrated_search(told_account(text))


def test_a_search_the_court_faults_is_not_read():
    from reviewer.decide.narrated import narrated_search, told_account

    text = "原告向被告申请公开该视频。被告答复称该视频已不存在。本院认为，被告未尽合理检索义务。"
    assert narrated_search(told_account(text)) is None


def test_a_notice_about_one_item_decides_that_item_only():
    text = ("复议机关查明：申请人向被申请人申请公开：一、某片区老旧小区改造项目实施方案；二、与该项目有关的其他全部材料。"
            "被申请人于2024年6月12日就第二项向申请人发出《补正告知书》，申请人在补正期限内未作任何答复。")
    d = _review(text)
    codes = [it["code"] for it in d["request"]["items"]]
    assert codes[1] == "other.correction_lapsed" and codes[0] != "other.correction_lapsed"


def test_a_notice_about_the_whole_request_still_decides_it():
    text = ("原告向被告申请公开：1.某小区维修资金使用审批材料；2.某小区物业服务企业备案信息。被告向原告送达《信息处理费收费通知书》，"
            "原告在通知载明的期限内未缴纳费用。")
    d = _review(text)
    assert d["reply"]["code"] == "other.fee_unpaid"
    assert {it["code"] for it in d["request"]["items"]} == {"other.fee_unpaid"}


def test_items_named_for_a_notice():
    from reviewer.decide.told_procedure import narrated_procedure

    told = narrated_procedure("原告申请公开三项信息。被告依法就第1项和第3项向原告送达《信息处理费收费通知书》，原告逾期未缴纳。")
    assert told is not None and told.code == "other.fee_unpaid" and told.items == (1, 3)


def test_a_letter_to_the_customs_is_a_letter():
    from reviewer.decide.narrated import to_the_organ

    assert to_the_organ("某海关：我司曾申请公开归类裁定书，贵关答复称经检索未找到该信息。")


def test_a_law_title_is_not_the_request():
    from reviewer.decide.request import parse_request

    request = parse_request("某省卫生健康委员会：\n请贵委基于职业病报告系统的个案数据，分析尘肺病发病率与行业之间的相关关系。\n"
                            "依据：《政府信息公开条例》。")
    assert any("分析" in item.text for item in request.items)
    d = run_review("某省卫生健康委员会：\n请贵委基于职业病报告系统的个案数据，分析尘肺病发病率与行业之间的相关关系，给出回归分析结果。\n"
                   "依据：《政府信息公开条例》。", ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    assert d["reply"]["code"] == "unavailable.needs_creation"


def test_a_ground_the_court_rejects_is_not_drafted():
    from reviewer.decide.narrated import narrated_grounds_rejected

    text = ("原告申请公开某村2020年耕地地力保护补贴发放清册中的户主姓名、补贴面积和补贴金额。镇政府以涉及个人隐私为由不予公开。"
            "二审法院认为，惠农补贴的发放对象、面积和金额依法应当公开，不属于个人隐私，镇政府不予公开缺乏依据。")
    # (the court also finds the record public by law, so no ground the organ could argue stands — session 27)
    assert "privacy" in narrated_grounds_rejected(text)
    assert _review(text)["reply"]["code"] == "disclose"


def test_a_ground_the_court_upholds_is_not_rejected():
    from reviewer.decide.narrated import narrated_grounds_rejected

    text = ("原告申请公开邻居的低保审批材料。被告以涉及个人隐私为由不予公开。本院认为，该材料载有第三人的身份证号码和家庭收入，"
            "属于个人隐私，被告不予公开并无不当。")
    assert narrated_grounds_rejected(text) == set()


@pytest.mark.parametrize("text, classified", [
    ("经查，该预案确定为秘密级，封面标注“秘密★10年”，保密期限未届满，亦无解密决定。", True),
    ("经查，该预案原确定为秘密级，标注“秘密★5年”，已于2022年解密。", False),
])
def test_declassification_is_read_with_its_negation(text, classified):
    from reviewer.decide.narrated import narrated_classified

    assert bool(narrated_classified("原告申请公开某防守预案。" + text)) is classified


def test_a_web_form_numbered_by_articles_is_split():
    from reviewer.decide.request import parse_request

    request = parse_request("所需政府信息的内容描述：\n第一条：某高速公路某段的征地红线图；\n第二条：要求你们现在就去处理施工单位；\n"
                            "第三条：交通运输局领导班子成员名单及分工。")
    assert len(request.items) == 3


def test_an_article_cited_in_a_sentence_is_no_item_marker():
    from reviewer.decide.request import parse_request

    request = parse_request("依据条例第十三条的规定，申请公开某路拓宽工程的立项批复。")
    assert len(request.items) == 1


def test_the_organs_answer_told_by_name_is_not_a_request_sentence():
    from reviewer.decide.request import _request_sentences

    text = ("荣某向某县公安局申请公开“交通肇事案的刑事立案决定书”。县公安局答复称，上述材料系公安机关履行刑事侦查职能时制作，"
            "不属于政府信息公开的范围。")
    assert _request_sentences(text) == ["荣某向某县公安局申请公开“交通肇事案的刑事立案决定书”。"]


def test_an_answer_then_a_new_request_is_still_a_request():
    from reviewer.decide.request import _request_sentences

    assert _request_sentences("区政府答复后，我申请公开该项目的竣工验收报告。")


@pytest.mark.parametrize("text", ["把《某区志》寄我一本。", "区教育局编的《某区教育志（1978—2008）》，寄一本给我。"])
def test_local_chronicles_are_publications(text):
    assert _review(text)["reply"]["code"] == "no_action.publication"


def test_one_vague_item_of_a_list_asks_for_its_own_correction():
    text = "某镇人民政府：\n1.请把跟我家有关的所有文件都给我一份。\n2.本镇2024年“一事一议”筹资筹劳项目的审批结果。\n申请人：马某"
    d = run_review(text, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    codes = [it["code"] for it in d["request"]["items"]]
    assert codes[0] == "other.correction" and codes[1] != "other.correction"
    assert d["reply"]["code"] != "other.correction"  # the other item is answered


def test_a_list_of_named_records_asks_for_no_correction():
    text = "某区教育局：\n1.2024年本区公办小学学区划分方案；\n2.某小学2024年一年级新生名单。"
    d = run_review(text, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    assert "other.correction" not in [it["code"] for it in d["request"]["items"]]


def test_the_disclosure_office_after_the_organs_name_is_the_addressee():
    from reviewer.decide.organ import request_addressee

    assert request_addressee("市生态环境局政府信息公开工作机构：\n请公开某项目环评批复。") == "市生态环境局"


@pytest.mark.parametrize("text, own, maker", [
    ("禁养区划定方案首页写明“牵头单位：某县生态环境局”，申请公开该方案。", "某县农业农村局", "某县生态环境局"),
    ("区里下了《限期拆除决定书》，落款盖的是某区城市管理和综合执法局的章。请提供这份决定书。", "某区住房和城乡建设局",
     "某区城市管理和综合执法局"),
])
def test_more_ways_of_naming_the_issuer(text, own, maker):
    from reviewer.decide.narrated import told_issuer

    assert told_issuer(text, own) == maker


@pytest.mark.parametrize("organ, item, code", [
    ("某市应急管理局", "申请公开某居民楼火灾的火灾事故认定书。", "CMP062"),
    ("某市地方金融管理局", "申请公开对某银行某支行违规销售理财产品的行政处罚决定书。", "CMP065"),
    ("某县民政局", "申请公开我父亲去世后社保中心核定一次性抚恤金的依据。", "CMP067"),
])
def test_more_records_other_organs_make(organ, item, code):
    found = load_table().maker_of(item, organ)
    assert found is not None and found.code == code


def test_a_civil_affairs_burial_subsidy_is_its_own():
    assert load_table().maker_of("申请公开特困人员丧葬补助的发放标准。", "某县民政局") is None


@pytest.mark.parametrize("text", [
    "被告当庭陈述，被告从未就此向区政府请示，本局收发文系统中亦无任何相关记录。",
    "庭审中，被告工作人员陈述，该选址目前只由内部科室进行了踏勘，还没有开过专家论证会。",
])
def test_records_never_made_told_in_court(text):
    from reviewer.decide.narrated import narrated_search, told_account

    assert narrated_search(told_account("原告向被告申请公开某请示和论证会纪要。" + text))


def test_a_search_the_court_finds_unexplained_is_not_read():
    from reviewer.decide.narrated import narrated_search, told_account

    text = ("原告申请公开某验收意见，被告答复经检索未找到该文件。本院认为，原告已提供该信息系由被告制作的初步线索，"
            "被告既没有说明检索的范围和方式，也未对该线索作出合理解释。")
    assert narrated_search(told_account(text)) is None


def test_the_court_giving_the_record_to_the_organ_asked_overrides_its_pointer():
    from reviewer.decide.narrated import narrated_maker

    text = ("原告申请公开某食材配送项目的中标通知书及采购合同。被告答复，政府采购事项由县财政局负责，本局不掌握相关信息。"
            "本院认为，被告作为采购人制作、保存了所申请的信息，依照《条例》第十条应由其负责公开。")
    assert narrated_maker(text, "某县教育局") is None


def test_the_header_names_the_lead_organ():
    from reviewer.decide.narrated import told_issuer

    text = "某县人民政府：\n申请公开《某县医共体人员管理实施细则》。我见过一页复印件，文件头印的是“某县卫生健康局文件”。"
    assert told_issuer(text, "某县人民政府") == "某县卫生健康局"


def test_an_item_pointing_back_takes_the_record_told_before_it():
    text = ("某市地方金融管理局：\n我在某银行某支行买的理财产品亏了。听说金融监管部门已经因为违规销售处罚了这家支行。"
            "申请公开这份行政处罚决定书。")
    d = _review(text)
    assert d["reply"]["code"] == "unavailable.other_agency"


@pytest.mark.parametrize("text, maker", [
    ("岳某向某乡人民政府申请公开县林业主管部门核发的使用林地审核同意书，乡政府答复经检索本乡没有该信息。复议机关经审查认为，"
     "该同意书由某县林业局制作，乡政府对此本不负公开职责。", "某县林业局"),
    ("原告向被告某区教育局申请公开联合执法检查工作方案。庭审查明，该方案由某区发展和改革局牵头制定，以区发改局文件印发，"
     "被告作为会签单位之一存有正式文本。", "某区发展和改革局"),
])
def test_restated_makers_of_joint_or_higher_records(text, maker):
    from reviewer.decide.narrated import narrated_maker

    assert narrated_maker(text, "某乡人民政府" if "乡" in text[:10] else "某区教育局") == maker
