"""The agency's answer told inside the request's own sentence is not what was asked.

Courts and review bodies restate a request and its answer in one sentence ("原告申请公开…，被告以属于内部管理信息为由
不予公开。"). The answer is what the office said, not evidence for the reply the reviewer drafts: neither the triage,
the request grounds nor the items read it. Records named beside the request ("…，被告作出的补偿决定书") stay."""

from __future__ import annotations

import pytest

from reviewer.app.pipeline import ReviewOptions, request_body, run_review
from reviewer.decide.request import parse_request
from reviewer.decide.restatement import without_answer_clauses

ASKED = "原告诉称，其向被告申请公开被告机关2021年度公务用车购置、维修及使用登记台账"


@pytest.mark.parametrize("answer", [
    "，被告以属于内部后勤管理信息为由不予公开",
    "，被告答复已责令该单位改正",
    "，被告向原告提供了征地公告",
    "，被申请人逾期未答复",
    "，区生态环境局于同年6月答复称该信息不存在",
    "，被告未在法定期限内答复",
    "，被告征求第三方意见后以商业秘密为由不予公开",
    "，被上诉人告知该材料已移交县档案馆",
])
def test_the_answer_clause_is_cut_to_the_end_of_its_sentence(answer):
    assert without_answer_clauses(ASKED + answer + "。原告不服。") == ASKED + "。原告不服。"


@pytest.mark.parametrize("text", [
    "申请公开征地批复，被告作出的补偿决定书。",
    "申请公开：征地批复，区市场监管局不予立案通知书，区政府答复书。",
    "申请公开某镇2019年的征收公告，该镇于2020年作出的补偿决定。",
    "请公开规划许可证，区规划局认为该小区符合规划的依据。",
    "派出所民警制作虚假询问笔录，要求公安局纪检部门调查处理并答复我。",
    "关于强拆一事，就贵局以违法建设为由强制拆除当事人门面一事，申请公开限期拆除决定书。",
    "根据《条例》第十三条，申请人请求贵局答复：本村安置补助费为何未发放到户？",
])
def test_records_asked_for_and_the_applicants_own_words_stay(text):
    assert without_answer_clauses(text) == text


def test_an_answer_that_carries_the_whole_request_is_kept():
    text = "原告诉称，被告在答复中称“资金拨付台账”需另行统计制作，但该台账系被告日常登记的账簿，依法应予公开。"
    assert without_answer_clauses(text) == text


def test_the_triage_and_the_items_do_not_read_the_answer():
    text = ASKED + "，被告以属于内部后勤管理信息为由不予公开。"
    assert "内部后勤管理" not in request_body(text)
    items = parse_request(text).items
    assert len(items) == 1
    assert "内部后勤管理" not in items[0].text and "公务用车" in items[0].text


def test_an_earlier_answer_does_not_make_the_new_request_published():
    # the first sentence tells of an earlier request and its answer (已主动公开); the new request is for other records
    text = ("申请人于2019年11月向被申请人申请公开某建设项目的规划许可证，被申请人答复该信息已主动公开。"
            "本次申请人又申请公开该规划许可的审批表和专家论证意见。")
    out = run_review(text, ReviewOptions(use_model=False, applicant_on_file=True)).to_dict()
    assert "已主动公开" not in request_body(text)
    assert out["reply"]["code"] != "disclose.published"


def test_the_answer_letters_title_and_the_suit_are_not_the_request():
    # "公开" inside 《政府信息公开申请答复书》 asks nothing; "原告不服，提起本诉" is the next step, not the request
    text = ("原告系某某村村民。2020年6月，原告以邮寄方式向被告某某镇人民政府提出政府信息公开申请，要求公开"
            "“某某村2016年至2019年集体土地发包合同、承包费收取及使用情况”。"
            "被告于同年7月10日作出《政府信息公开申请答复书》。原告不服，提起本诉。")
    body = request_body(parse_request(text).text)
    assert "集体土地发包合同" in body
    assert "答复书" not in body and "本诉" not in body
    out = run_review(text, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    assert out["reply"]["code"] != "other.consultation"  # "申请答复书" is not "请答复"


def test_the_parties_arguments_and_claims_in_a_judgment_are_not_the_request():
    text = ("原告李某诉称：2021年3月5日，原告向被告某某区住房和城乡建设局申请公开原告所在某某小区5号楼其他住户的房屋"
            "征收补偿协议。被告于2021年4月2日作出答复，以涉及第三方个人隐私为由不予公开。原告认为，补偿协议涉及公共"
            "利益，应当公开。请求：1.撤销被告作出的答复；2.判令被告重新作出答复。被告辩称：原告申请的信息涉及第三人个人"
            "信息，第三人均不同意公开，被告的答复合法。")
    request = parse_request(text)
    assert [i.text for i in request.items] == ["申请公开原告所在某某小区5号楼其他住户的房屋征收补偿协议"]
    body = request_body(request.text)
    assert "补偿协议" in body
    for said in ("不予公开", "公共利益", "撤销", "辩称"):
        assert said not in body, said
    out = run_review(text, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    assert out["reply"]["code"] == "withhold.third_party"


def test_an_argument_that_tells_the_request_keeps_it():
    # the request told inside a party's argument, or only quoted in another voice
    told = "申请人认为免职程序违法，遂向被申请人申请公开：（1）县卫健局党组研究对申请人免职的会议纪要；（2）局里就免职事项的请示。"
    assert "会议纪要" in request_body(told)
    quoted = "被告辩称：原告所申请的“原告户口迁出时的审批材料”已于2003年随户籍档案移交，被告未保存。"
    body = request_body(quoted)
    assert "户口迁出时的审批材料" in body and "移交" not in body
    # a back-reference without the content tells nothing
    assert "党委机关" not in request_body("原告申请公开“县委常委会议记录”。被告答复称所申请信息系党委机关制作。")


@pytest.mark.parametrize(("text", "kept", "cut"), [
    ("【基本案情】2022年3月，申请人张某向某区自然资源局申请公开“某地块控规调整的专家论证会会议纪要”。【处理结果】某区"
     "自然资源局经审查认为，该会议纪要属于过程性信息，决定不予公开。【典型意义】过程性信息的认定……",
     "专家论证会会议纪要", ("过程性信息", "典型意义")),
    ("案例三：咨询类申请的处理。申请人李某通过网上平台提交申请，要求某市人社局“解释其养老金计算方式”。该局经审查，"
     "认为该申请属于咨询，告知申请人可通过12333热线咨询。", "养老金计算方式", ("案例三", "属于咨询")),
    ("王某向某县财政局申请公开“2010年至2020年全县各乡镇转移支付资金总额及排名”。县财政局认为，该信息需要汇总、排序后"
     "方能形成，告知不予提供。", "转移支付资金总额", ("汇总、排序",)),
    ("某市市场监管局收到申请人的申请，申请公开某商贸公司的企业登记档案。经审查，企业登记档案的查询另有规定。",
     "企业登记档案", ("另有规定",)),
])
def test_a_case_write_ups_handling_and_lessons_are_not_the_request(text, kept, cut):
    body = request_body(parse_request(text).text)
    assert kept in body
    for words in cut:
        assert words not in body, words


def test_a_question_naming_who_decided_is_not_the_offices_review():
    text = "申请内容：××社区于哪一年被列入城中村改造范围？列入时由哪一级政府决定？"
    assert "哪一级政府决定" in request_body(parse_request(text).text)
