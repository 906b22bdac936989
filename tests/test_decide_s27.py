"""Round 2, session 27: a record told declassified or published raises no ground, a law the organ cites that forbids
giving the record out (其他法律、行政法规禁止公开), the court's view that a 补正 was owed, a published record that is not
the one asked for, and a repeat the organ told."""

from __future__ import annotations

import pytest
from review_helpers import reviewed_by_rules as _review

from reviewer.decide.narrated import narrated_outcome, narrated_published, told_declassified
from reviewer.decide.told_procedure import narrated_procedure


def _named(out: dict) -> set[str]:
    return {g["ground"] for g in out["request_grounds"] if g["named"]}


# --- 给不给: a record told declassified or published ------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("该通知原定为机密级，2022年已经解密。", "已经解密"),
    ("上述文件保密期限已届满。", "保密期限已届满"),
    ("原告要求被告解密该文件。", None),
    ("该文件尚未解密。", None),
])
def test_told_declassified(text, expected):
    assert told_declassified(text) == expected


def test_a_declassified_record_names_no_state_secret():
    text = ("请公开市人民政府2014年印发的《关于加强民兵训练保障工作的通知》（市政发〔2014〕9号）。"
            "该通知原定为机密级，2022年已经解密，并在市政府网站“历史文件”栏目全文公布。")
    out = _review(text)
    assert "state_secret" not in _named(out)
    assert out["reply"]["code"] != "withhold.state_secret"
    still = _review("请公开市人民政府2014年印发的标注机密级的《关于加强民兵训练保障工作的通知》。")
    assert "state_secret" in _named(still)  # the marking alone still names the ground


def test_minutes_told_published_in_full_are_answered_as_published():
    text = ("请公开县人民政府第9次常务会议纪要中关于城南污水处理厂扩建的议定事项。"
            "该纪要已作为县政府决定事项全文发布在县政府网站“常务会议”栏目。")
    out = _review(text)
    assert out["reply"]["code"] == "disclose.published"
    assert not _named(out)  # a record the public already has raises no ground
    minutes = _review("请公开县人民政府第9次常务会议纪要中关于城南污水处理厂扩建的议定事项。")
    assert "process_info" in _named(minutes)


def test_a_final_account_told_published_in_a_named_column():
    text = ("请公开贵局2023年度部门决算中的“一般公共预算财政拨款支出决算表”。"
            "贵局已于2024年8月在门户网站“财政资金”栏目公布了2023年度部门决算。")
    assert _review(text)["reply"]["code"] == "disclose.published"


def test_an_office_review_is_not_read_in_a_decision_item():
    from reviewer.decide.restatement import without_proceedings

    text = "请公开该会议纪要。该纪要已作为区政府决定事项全文发布。"
    assert without_proceedings(text) == text  # "区政府决定事项" names a kind of record, not the office deciding


# --- 给不给: a law or administrative regulation that forbids giving the record out -------------------------------

_STATISTICS = ("原告向某县统计局申请公开某机械有限公司2022年报送的统计年报表。被告答复：《中华人民共和国统计法》第二十五条规定，"
               "统计调查中获得的能够识别或者推断单个统计调查对象身份的资料，任何单位和个人不得对外提供、泄露。")


def test_a_cited_statute_that_forbids_disclosure_is_law_prohibited():
    code, sentence = narrated_outcome(_STATISTICS)
    assert code == "withhold.law_prohibited" and "统计法" in sentence
    out = _review(_STATISTICS)
    assert out["reply"]["code"] == "withhold.law_prohibited"


@pytest.mark.parametrize("text", [
    # the court found the organ's reliance on it wrong
    _STATISTICS + "本院认为，原告申请的是被告汇总后发布的数据，被告的理由不能成立。",
    # the personal-information code: weighed as a third party's rights (第十五条), not a prohibition
    "被告答复：《中华人民共和国个人信息保护法》第二十五条规定，个人信息处理者不得公开其处理的个人信息。",
    # the 条例 itself
    "被告答复：《中华人民共和国政府信息公开条例》第十四条规定，依法确定为国家秘密的政府信息不予公开。",
    # an applicant's letter
    "市统计局：《中华人民共和国统计法》第二十五条规定不得对外提供的是单个企业资料，我申请的是全市汇总数据，请公开。",
])
def test_no_prohibition_read(text):
    told = narrated_outcome(text)
    assert told is None or told[0] != "withhold.law_prohibited"


# --- 有没有: a record told published that is not the one asked for --------------------------------------------------

def test_a_published_penalty_does_not_publish_the_interview_records():
    text = ("申请人某某向某市交通运输综合行政执法支队申请公开对某运输公司的现场检查记录及对驾驶员的询问笔录。"
            "执法支队答复上述材料属于行政执法案卷信息，不予公开，并告知对该公司的处罚结果已在信用网站公示。")
    assert narrated_published(text) is None
    assert _review(text)["reply"]["code"] != "disclose.published"
    same = ("申请人某某向某市交通运输综合行政执法支队申请公开对某运输公司的行政处罚结果。"
            "执法支队答复，该处罚结果已于2024年5月在信用网站公示。")
    assert narrated_published(same)


# --- 补不补: the court's view that a 补正 was owed ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "原告申请公开“某广场项目的全部信息”。被告提供了施工许可证。本院认为，被告应当一次性告知原告补正具体的信息名称，"
    "被告未告知补正即自行确定答复范围，属程序违法。",
    "申请人申请公开“你所对我报警的处理情况”。派出所答复信息不存在。复议机关认为，被申请人应当在收到申请后一次性告知其补正，"
    "而非直接答复信息不存在。",
])
def test_the_court_says_a_correction_was_owed(text):
    told = narrated_procedure(text)
    assert told is not None and told.code == "other.correction"
    assert _review(text)["reply"]["code"] == "other.correction"


def test_a_correction_told_and_lapsed_is_not_a_correction_owed():
    text = ("被告于2023年5月6日向原告发出补正告知书，要求其写明所需信息的名称。原告逾期未补正。"
            "本院认为，被告已依法一次性告知补正，并无不当。")
    told = narrated_procedure(text)
    assert told is not None and told.code == "other.correction_lapsed"


# --- a repeat the organ told ------------------------------------------------------------------------------------

def test_a_repeat_told_by_the_organ():
    text = ("申请人于2024年3月申请公开某批次奶粉的抽检报告，区市场监管局予以提供。同年5月，申请人又申请公开该批次奶粉的抽检报告。"
            "区市场监管局告知其已就相同信息作出答复，不再重复处理。")
    assert _review(text)["reply"]["code"] == "no_action.duplicate"


# --- 给不给: the organ's stated security harm, upheld -----------------------------------------------------------

_SECURITY = ("申请人某某向某市燃气集团的主管部门市城市管理局申请公开全市高压燃气调压站的位置清单及安防值守安排。市城市管理局答复：上述信息"
             "涉及城市燃气重要设施的安全防范部署，公开后可能被不法分子利用实施破坏，危及公共安全，不予公开。")


def test_a_security_harm_upheld_by_the_court_is_drafted():
    from reviewer.decide.narrated import narrated_security_upheld

    upheld = _SECURITY + "一审法院认为被告已具体说明危害的可能性，判决驳回原告的诉讼请求。"
    assert narrated_security_upheld(upheld)
    out = _review(upheld)
    assert out["reply"]["code"] == "withhold.security_stability"
    assert any("予以维持" in r for r in out["reply"]["reasons"])


@pytest.mark.parametrize("tail", [
    "复议机关认为，被申请人未说明公开将如何危及公共安全，决定撤销该答复，责令重新答复。",
    "",  # the organ's word alone, no view on it
])
def test_a_security_harm_not_upheld_stays_a_candidate(tail):
    from reviewer.decide.narrated import narrated_security_upheld

    assert narrated_security_upheld(_SECURITY + tail) is None
    out = _review(_SECURITY + tail)
    assert out["reply"]["code"] != "withhold.security_stability"
    assert "withhold.security_stability" in [c["code"] for c in out["candidates"]]


# --- 谁负责 -------------------------------------------------------------------------------------------------------

def test_a_date_before_the_organ_is_no_part_of_its_name():
    from reviewer.decide.organ import item_organ

    text = "请公开2023年县政府作出的《关于老城北片区国有土地上房屋征收的决定》。"
    assert item_organ(text, [], "某县人民政府", True).responsible == "own"
    other = item_organ("请公开2023年县自然资源局作出的《关于某地块的规划条件》。", [], "某县人民政府", True)
    assert other.responsible == "other" and other.agency == "县自然资源局"


def test_an_organ_saying_it_does_not_answer_for_anothers_record():
    from reviewer.decide.narrated import narrated_maker

    text = ("原告向某市卫生健康委员会申请公开药品挂网采购价格文件。被告答复：相关职能已划入市医疗保障局，相关文件由市医疗保障局制作，"
            "本机关不负责公开。法院认为被告的答复并无不当。")
    assert narrated_maker(text, "某市卫生健康委员会") == "市医疗保障局"
    assert _review(text)["reply"]["code"] == "unavailable.other_agency"


# --- 怎么答: one listed item asked for before and answered ----------------------------------------------------------

_LIST_WITH_A_REPEAT = ("某县水利局：\n本人申请公开以下信息：\n一、贵局2024年对某河道采砂许可作出的决定书；\n"
                       "二、某水库除险加固工程竣工验收鉴定书。本人2024年2月已申请过这份鉴定书，贵局2024年3月4日已答复并提供了复印件，"
                       "这次再申请一次；\n三、贵局2024年防汛抢险物资储备计划。\n申请人：某某")


def test_a_repeat_told_in_one_item_decides_that_item_only():
    out = _review(_LIST_WITH_A_REPEAT)
    codes = [item["code"] for item in out["request"]["items"]]
    assert len(codes) == 3 and codes[1] == "no_action.duplicate"
    assert codes[0] != "no_action.duplicate" and codes[2] != "no_action.duplicate"
    assert out["reply"]["code"] != "no_action.duplicate"


@pytest.mark.parametrize("text, repeated", [
    ("该施工合同的备案信息。本人曾于2024年2月19日就同一信息向贵局提出过申请，贵局已于2024年3月8日作出答复，此次再次申请", True),
    ("2023年客运班线经营许可清单。本人2024年3月曾申请过这份清单，贵局已于2024年4月1日答复，现再次申请", True),
    ("该鉴定书。我丈夫2024年2月申请过这份鉴定书，贵局已答复并提供了复印件", False),  # another applicant
    ("该鉴定书。本人2024年2月已申请过，贵局至今未答复", False),  # never answered
])
def test_told_item_repeat(text, repeated):
    from reviewer.decide.narrated import told_item_repeat

    assert bool(told_item_repeat(text)) is repeated


# --- 有没有: the organ's own written word, quoted by the applicant ----------------------------------------------------

def test_the_organs_quoted_word_that_no_decision_was_made():
    from reviewer.decide.narrated import quoted_organ_absent

    text = ("某区教育局：\n2025年8月，我反映某小学超额招生。9月3日，贵局作出信访答复意见书，答复中写明：“经核查，该校实际招生数未超过"
            "核定计划，我局未对该校作出处理决定。”\n我不认可。现申请公开：贵局对该校超额招生问题作出的处理决定文书。")
    assert quoted_organ_absent(text)
    assert _review(text)["reply"]["code"] == "unavailable.not_held"
    # the applicant's own belief is not the organ's word
    mine = "某区教育局：\n我认为“你们根本没有对该校作出处理决定”。现申请公开：贵局对该校超额招生问题作出的处理决定文书。"
    assert quoted_organ_absent(mine) is None
    assert _review(mine)["reply"]["code"] != "unavailable.not_held"


# --- 怎么给: the applicant read it on the site ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "某区教育局：\n我在贵局官方网站“通知公告”栏目看到，《2025年义务教育阶段学校招生入学工作实施方案》已于2025年4月18日发布。"
    "家里老人不会上网，麻烦贵局提供这份方案。",
    "某市人社局：\n我在市人社局官网“政策文件”栏目里查到了贵局印发的《关于调整工伤保险待遇标准的通知》，请提供给我一份。",
])
def test_read_on_the_site(text):
    assert _review(text)["reply"]["code"] == "disclose.published"


# --- 怎么答: a letter telling its earlier application answered, then asking the same again ----------------------------

def test_a_letter_asking_again_after_an_answer():
    from reviewer.decide.decision import letter_repeat

    text = ("某县退役军人事务局：\n本人曾于2025年2月17日书面向贵局申请公开《某县2024年度退役士兵安置岗位计划表》，贵局已于2025年3月7日以"
            "某退役信复〔2025〕5号答复书答复本人，并提供了计划表。\n现本人再次申请公开：《某县2024年度退役士兵安置岗位计划表》。")
    assert letter_repeat(text)
    assert _review(text)["reply"]["code"] == "no_action.duplicate"
    other = ("某县退役军人事务局：\n本人曾于2025年2月17日向贵局申请公开《某县2024年度退役士兵安置岗位计划表》，贵局已于2025年3月7日答复。"
             "\n现申请公开：某县2025年度退役士兵安置岗位计划表。")
    assert letter_repeat(other) is None
    assert _review(other)["reply"]["code"] != "no_action.duplicate"


# --- what the applicant says was published, and who made the record ---------------------------------------------

def test_a_claim_in_one_item_publishes_that_item_only():
    text = ("某某镇人民政府：\n本人申请以下信息：\n①镇政府2024年度财政预算（已于2024年2月在县政府网站镇级财政预决算专栏公开）；\n"
            "②镇政府给我家发放2023年度生态公益林补偿款的发放凭证；\n③县林业局核定我镇生态公益林面积的批复（由县林业局作出）。\n申请人：某某")
    codes = [item["code"] for item in _review(text)["request"]["items"]]
    assert codes == ["disclose.published", "disclose", "unavailable.other_agency"]


@pytest.mark.parametrize("item", [
    "贵局2024年促消费补贴申报指南（已于2024年3月1日在区政府网站“通知公告”栏发布）",
    "职工医保门诊特殊病种目录（该文件2024年1月5日已在市医保局官网发布）",
    "同批次资质审查通过企业名单（贵局网站2023年12月20日已公告）",
    "该搅拌站的排污许可证副本（已在全国排污许可证管理信息平台公开）",
    "对该超市作出的行政处罚决定书（已于2024年6月3日在国家企业信用信息公示系统公示）",
    "被告2022年12月在镇政务公开栏和县政府网站公开的全镇宅基地审批结果公示",
])
def test_published_claims_in_an_item(item):
    from reviewer.decide.outcome import published_claim

    assert published_claim(item)


@pytest.mark.parametrize("item", [
    "该项目的环境影响评价报告书（网站上只有受理公示，报告全本尚未公开）",
    "要求贵局在网站公开该项目的验收报告",
])
def test_no_published_claim(item):
    from reviewer.decide.outcome import published_claim

    assert published_claim(item) is None


def test_an_organ_that_issued_or_allotted_the_record():
    from reviewer.decide.organ import detect_other_agency, request_addressee

    assert detect_other_agency("某某市财政局下达该专项资金的指标文件（由市财政局制发）", "某某区商务局") == "某某市财政局"
    assert request_addressee("致：某某县自然资源局政府信息公开工作机构\n某律师事务所接受委托，") == "某某县自然资源局"


# --- 给不给: the court finds the record one the law says is published --------------------------------------------

def test_a_record_the_court_finds_public_by_law_raises_no_ground():
    from reviewer.decide.narrated import narrated_grounds_rejected

    text = ("原告向被告某市人民防空办公室申请公开防空地下室易地建设费的收费依据和标准。被告以人防工作涉及国家秘密为由拒绝公开。"
            "本院认为，收费依据和标准属于行政事业性收费信息，依照条例第二十条第（八）项应当主动公开，被告拒绝公开缺乏依据，判决撤销被诉答复。")
    assert "state_secret" in narrated_grounds_rejected(text)
    out = _review(text)
    assert not _named(out) and not out["reply"]["code"].startswith("withhold.")


def test_an_upheld_refusal_keeps_its_ground():
    from reviewer.decide.narrated import narrated_grounds_rejected

    text = ("原告申请公开邻居家的征收补偿协议。被告征求第三人意见，第三人不同意公开，被告以涉及个人隐私为由不予公开。本院认为，"
            "补偿协议载有第三人的家庭成员、身份证号码和补偿金额，属于个人隐私，依法应当公开的是补偿方案和汇总情况，被告的答复并无不当，"
            "判决驳回原告的诉讼请求。")
    assert narrated_grounds_rejected(text) == set()
