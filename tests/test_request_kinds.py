"""Request-level judgment without documents: the kind of information a request asks for names its grounds.

Every request here is invented for this test (no real case), in the registers real requests come in:
colloquial, a lawyer's letter, a company's letter, court and review-body restatements, pseudonymised names.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from reviewer.decide.ranking import GROUND_CODE, named_grounds, rank_from_request, request_grounds
from reviewer.decide.triage import load_cues, triage


@pytest.fixture(scope="module")
def cues():
    return load_cues()


def _judge(text, cues, model=None):
    result = triage(text, cues, None)
    grounds = request_grounds(text, result, model)
    return result, grounds, list(rank_from_request(text, result, grounds))


NAMED = [
    # (request, ground) — third-party privacy
    ("我想看看隔壁老刘家（刘某某）跟拆迁办签的补偿协议，凭啥他家比我家多拿那么多", "privacy"),
    ("受委托人张某某委托，本所律师依据《政府信息公开条例》第二十七条之规定，特申请公开第三人赵某与贵局签订的"
     "房屋征收补偿协议。", "privacy"),
    ("原告陈某某于2022年6月10日向被告某区住房和城乡建设局申请公开同村村民周某某的宅基地审批表及安置协议。", "privacy"),
    ("申请公开李XX的低保审批材料和家庭收入情况。", "privacy"),
    # trade secrets
    ("申请公开A公司在城区管网改造项目中的投标文件，包括商务标和技术标。", "trade_secret"),
    ("我司作为该项目的落选投标人，现申请公开中标人某某建设集团有限公司的投标报价明细及财务报表。", "trade_secret"),
    ("申请公开某置业有限公司向贵局报送的规划许可申请材料。", "trade_secret"),
    # process information
    ("申请人称，其于2023年4月向被申请人申请公开研究该地块收储事宜的专题会议纪要。", "process_info"),
    ("麻烦把你们局给区政府打的那份请示发我一份", "process_info"),
    ("申请公开《老旧小区加装电梯实施办法》的送审稿及专家论证意见。", "process_info"),
    # enforcement files
    ("申请公开你局对我店铺实施查封过程中形成的现场检查笔录、询问笔录和执法记录仪视频。", "enforcement_file"),
    ("上诉人主张，其申请公开的是被上诉人查处某养殖场一案的全部案卷材料。", "enforcement_file"),
    # internal affairs
    ("申请公开该局2023年全体干部职工的考勤记录及请假审批单。", "internal_affairs"),
    ("请把你们单位内部工作分工的通知给我看看。", "internal_affairs"),
    # state secrets, three securities and one stability
    ("申请公开你局2024年收到的涉密文件清单。", "state_secret"),
    ("申请公开国庆期间辖区维稳工作方案和重点人员名单。", "security_stability"),
    ("复议申请人称，其向被申请人申请公开举报其违建的举报人姓名及联系方式。", "privacy"),
    ("申请公开镇政府就我村征地问题上报县政府的情况报告。", "process_info"),
]


@pytest.mark.parametrize("text, ground", NAMED)
def test_a_kind_of_information_names_its_ground_and_its_code_is_in_the_top_three(cues, text, ground):
    _, grounds, ranked = _judge(text, cues)
    assert ground in named_grounds(grounds)
    assert GROUND_CODE[ground] in ranked[:3]
    assert "partial" in ranked[:3] or len(named_grounds(grounds)) > 1


NOT_NAMED = [
    ("申请公开对某餐饮公司作出的行政处罚决定书。", "enforcement_file"),
    ("申请公开你局对我作出的处理决定书。", "enforcement_file"),
    ("申请公开本人的征收补偿协议。", "privacy"),
    ("原告王某某于2023年5月向被告申请公开其本人的安置协议。", "privacy"),
    ("我想要我父亲名下那套房子的补偿协议，我是他儿子。", "privacy"),
    ("申请公开该项目的中标结果公告和招标文件。", "trade_secret"),
    ("申请公开市政府对该请示的批复。", "process_info"),
    ("申请公开机构设置和职能配置情况。", "internal_affairs"),
    ("申请公开本市突发事件总体应急预案。", "security_stability"),
    ("申请公开区政府领导班子成员的工作分工。", "internal_affairs"),  # 第二十条第（二）项
    ("申请公开我家2020年被认定为低保户的审批表。", "privacy"),  # the applicant's own household (TRI011, TRI030)
]


@pytest.mark.parametrize("text, ground", NOT_NAMED)
def test_look_alikes_do_not_name_the_ground(cues, text, ground):
    _, grounds, _ = _judge(text, cues)
    assert ground not in named_grounds(grounds)


@dataclass
class _Prediction:
    probabilities: dict
    evidence: dict


class _OverconfidentModel:
    """A request-grounds model that names one ground for everything (as a template-trained one may)."""

    def __init__(self, ground: str, p: float = 0.95):
        self.ground, self.p = ground, p

    def describe(self, text, k=6):
        return _Prediction({self.ground: self.p}, {self.ground: [("协议", 1.0)]})

    def explain(self, text, ground, k=6):
        return [("协议", 1.0)]


@pytest.mark.parametrize("text, ground", [
    ("申请公开对某餐饮公司作出的行政处罚决定书。", "enforcement_file"),
    ("申请公开本人的征收补偿协议。", "privacy"),
    ("原告王某某于2023年5月向被告申请公开其本人的安置协议。", "privacy"),
    ("申请公开该项目的中标结果公告。", "trade_secret"),
    ("申请公开本区防汛抗旱应急预案。", "security_stability"),  # 第二十条第（十二）项 (TRI049)
    ("申请公开市卫健委突发公共卫生事件应急预案。", "security_stability"),
    ("申请公开县人社局2024年事业单位公开招聘工作人员的招聘公告及岗位表。", "internal_affairs"),  # TRI050
    ("申请公开区政府领导班子成员的工作分工。", "internal_affairs"),
    ("申请公开某某村征地补偿安置标准。", "privacy"),  # TRI051: 第二十条第（五）、（八）、（十一）项
    ("申请公开某某街道2023年城乡居民医保参保缴费标准。", "privacy"),
    ("申请公开县交通局与某某公交公司签订的公交运营补贴协议。", "privacy"),  # TRI052: an organisation has no 隐私
    ("申请公开市政府对某某路改造工程立项请示的批复。", "process_info"),  # TRI053: the decision itself
    ("申请公开区政府常务会议审议通过的事项及会议公报。", "process_info"),
    ("申请公开本市2023年度耕地保护目标责任考核结果。", "internal_affairs"),  # TRI055: not 人事管理
    ("申请公开本市2024年重点建设项目名单。", "security_stability"),  # TRI056: 第二十条第（十）项
    ("申请公开我公司2022年申报高新技术企业的评审结果。", "trade_secret"),  # TRI042 with a year between
    ("申请公开某某公司2023年排污许可执行报告。", "trade_secret"),  # TRI057: published by the company by law
    ("申请公开贵局对某某食品公司产品的抽检报告。", "trade_secret"),  # TRI057: 第二十条第（十三）项
    ("申请公开我举报某某饭店无证经营一事的调查处理结果。", "privacy"),  # TRI058: the informant's own report
    ("申请公开本人投诉某物业公司乱收费的处理情况。", "enforcement_file"),
    ("申请公开某镇2023年度农村低保资金发放情况（不需要个人信息，只要总数和户数）。", "privacy"),  # TRI059
    ("申请公开某某区2023年教师招聘的拟录用人员名单。", "privacy"),  # TRI050: published by law
    ("申请公开某某工业园区污水处理厂的进出水监测数据。", "enforcement_file"),  # TRI057: environment monitoring
    ("申请公开某某企业的排污许可证及执行报告。", "trade_secret"),
    ("申请公开县人社局2023年度工作总结及2024年工作计划。", "internal_affairs"),  # TRI060
    ("申请公开某某镇政府2023年工作计划。", "privacy"),
    ("申请公开某某局的权责清单和办事指南。", "privacy"),  # TRI051: 第二十条第（二）、（五）项
    ("申请公开区政府对某某街道请示的批复意见。", "process_info"),  # TRI053: the reply, not the 请示
])
def test_counter_cues_discount_an_overconfident_classifier(cues, text, ground):
    _, grounds, ranked = _judge(text, cues, _OverconfidentModel(ground))
    assert ground not in named_grounds(grounds)
    entry = next(g for g in grounds if g.ground == ground)
    assert entry.model_probability == pytest.approx(0.95)
    assert entry.against_probability > 0 and entry.against_evidence
    assert ranked[0] != GROUND_CODE[ground]


def test_an_explicit_security_cue_survives_the_emergency_plan_counter_cue(cues):
    # a public emergency plan is published by law, but 警力部署 in a 处置 plan is TRI022's own cue
    _, grounds, _ = _judge("申请公开防汛应急预案和强拆现场的安保方案、警力部署。", cues,
                           _OverconfidentModel("security_stability"))
    assert "security_stability" in named_grounds(grounds)


def test_the_request_beside_its_reply_keeps_the_request(cues):
    # "请示及批复": the 批复 argues against 过程性信息 for the classifier only; TRI013 still names the 请示
    _, grounds, _ = _judge("申请公开镇政府关于某地块征收的请示及县政府的批复。", cues, _OverconfidentModel("process_info"))
    assert "process_info" in named_grounds(grounds)


def test_an_explicit_cue_survives_the_counter_cue(cues):
    # 我家 argues against privacy, but the request names a neighbour's agreement explicitly.
    text = "申请公开我家邻居孙某某与征收办签订的补偿协议。"
    _, grounds, ranked = _judge(text, cues, _OverconfidentModel("privacy"))
    assert "privacy" in named_grounds(grounds)
    assert ranked[0] == "withhold.third_party"


REQUEST_LEVEL = [
    ("请问我家老宅是哪一年被划为危房的？", "other.consultation"),
    ("你们征收我家的地，补偿标准是否合理？有没有法律依据", "other.consultation"),
    ("申请公开区法院对我案作出的民事判决书和庭审笔录。", "other.not_gov_info"),
    ("申请公开某股份经济合作社2023年度的收益分配方案。", "other.not_gov_info"),
    ("申请公开镇党委2023年的党委文件。", "other.not_gov_info"),
    ("申请查阅市档案馆保存的1962年城区规划档案。", "other.special_procedure"),
    ("申请公开我家宅基地的土地登记资料和地籍调查表。", "other.special_procedure"),
    ("要求提供2018年至2024年全县扶贫资金的流向明细。", "unavailable.needs_creation"),
    ("要求城管局马上拆除隔壁违建，给我一个说法！", "no_action.petition"),
    ("请区政府尽快启动某某片区旧城改造，我们在危房里住了二十年了。", "no_action.petition"),  # TRI054
]


@pytest.mark.parametrize("text, code", REQUEST_LEVEL)
def test_a_strong_request_level_cue_leads(cues, text, code):
    result, _, ranked = _judge(text, cues)
    assert result.top == code
    assert ranked[0] == code


@pytest.mark.parametrize("text, code", [
    ("申请公开本人参加事业单位招聘考试的答卷和评卷记录。", "other.not_gov_info"),  # TRI027, 0.4
    ("申请公开1983年县政府关于土地划拨的批复。", "other.special_procedure"),  # TRI033, 0.35
])
def test_a_weak_request_level_cue_keeps_the_request_ordinary_but_is_shown(cues, text, code):
    result, _, ranked = _judge(text, cues)
    assert result.top == "ordinary"
    assert code in ranked[:3]


@pytest.mark.parametrize("text", [
    "原告于2023年5月向被告申请公开征收补偿方案，后诉至某区人民法院。",
    "申请公开征收村集体土地的批复。",
    "申请公开2019年县政府关于土地划拨的批复。",
    "申请公开对我举报事项的查处结果。",
    "原告不服，诉至本院。本案争议焦点为被告作出的答复是否合法，法院判决责令被告重新作出答复。",
])
def test_background_words_are_not_request_level_outcomes(cues, text):
    result, _, _ = _judge(text, cues)
    assert result.top == "ordinary"


def test_a_mixed_request_is_answered_item_by_item():
    from reviewer.app.pipeline import ReviewOptions, run_review

    text = ("申请公开以下信息：\n1. 2024年区政府第5次常务会议纪要；\n2. 邻居吴某某与征收办签订的安置协议；\n"
            "3. 2024年老旧小区改造项目的招标公告。\n获取方式：电子邮件。")
    decision = run_review(text, ReviewOptions(use_model=False, applicant_on_file=True)).decision
    codes = decision.item_codes
    assert codes[0] == "withhold.process_info" and codes[1] == "withhold.third_party"
    assert codes[2] not in ("withhold.process_info", "withhold.third_party")  # nothing leaks between items
    assert decision.code == "partial"  # some items withheld, one released (第三十七条 counting)


def test_the_review_names_the_ground_and_explains_its_evidence():
    from reviewer.app.pipeline import ReviewOptions, run_review

    text = "原告于2023年3月向被告申请公开第三人钱某某的房屋征收补偿协议。"
    outcome = run_review(text, ReviewOptions(use_model=False, applicant_on_file=True))
    data = outcome.to_dict()
    grounds = {g["ground"]: g for g in data["request_grounds"]}
    assert grounds["privacy"]["probability"] >= 0.5 and "TRI011" in grounds["privacy"]["cues"]
    ranked = [data["reply"]["code"]] + [c["code"] for c in sorted(data["candidates"], key=lambda c: -c["probability"])
                                        if c["code"] != data["reply"]["code"]]
    assert "withhold.third_party" in ranked[:3]
    assert any("个人隐私" in r and "TRI011" in r for r in outcome.decision.reasons)


def test_ocr_spaces_and_traditional_characters_do_not_hide_the_kind_of_information(cues):
    for text, ground in (("申 请 公 开 贵 局 2 0 2 3 年 度 局 长 办 公 会 议 纪 要 。", "process_info"),
                         ("申請公開鄰居孫某某與徵收辦簽訂的補償協議。", "privacy")):
        _, grounds, ranked = _judge(text, cues)
        assert ground in named_grounds(grounds)
        assert GROUND_CODE[ground] in ranked[:3]


def test_ocr_spaces_inside_a_pseudonym_are_dropped():
    from reviewer.decide.request import parse_request

    items = parse_request("申 请 人 要 求 公 开 ：１．× × 镇 2 0 1 8 年 土 地 征 收 的 征 地 批 复 ；２．该 镇 的 拆 迁 公 告 。").items
    assert [i.text for i in items] == ["××镇2018年土地征收的征地批复", "该镇的拆迁公告"]


def test_an_explicit_trade_secret_cue_survives_the_supervision_results_counter_cue(cues):
    # the 抽检报告 argues against 商业秘密 for the classifier only; "该公司提交的产品配方" is TRI012's own cue
    _, grounds, _ = _judge("1、贵局对某乳业有限公司的抽检报告；2、该公司提交的产品配方。", cues,
                           _OverconfidentModel("trade_secret"))
    assert "trade_secret" in named_grounds(grounds)
