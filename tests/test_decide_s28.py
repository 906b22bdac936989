"""Round 2, session 28: a judgment's caption is not the request, a story of earlier complaints keeps the request it
goes on to make, 补正 told in a write-up's words, a search told as 未果, the organ a short request names as the one
asked, a public record with its personal fields in brackets, a single respondent's survey return (其他法律、行政法规
禁止公开), and joint records (第十条第三款, 第三十四条)."""

from __future__ import annotations

import pytest
from review_helpers import reviewed_by_rules as _review

from reviewer.decide.mixed import without_past_stories
from reviewer.decide.narrated import narrated_published, narrated_search
from reviewer.decide.organ import request_addressee
from reviewer.decide.outcome import published_claim
from reviewer.decide.prohibited import asked_prohibited
from reviewer.decide.public_beside import holds_personal_in_brackets
from reviewer.decide.restatement import is_caption
from reviewer.decide.told_procedure import narrated_procedure


def _named(out: dict) -> set[str]:
    return {g["ground"] for g in out["request_grounds"] if g["named"]}


# --- a judgment's caption and the story before the request ------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("原告王某诉被告某县市场监督管理局政府信息公开一案。", True),
    ("上诉人李某因与被上诉人某市人民政府政府信息公开纠纷一案，不服一审判决，提起上诉。", True),
    ("原告王某诉被告某县市场监督管理局政府信息公开一案，原告申请公开该局的抽检报告。", False),  # asks after the name
    ("原告于2023年5月向被告申请公开征收决定。", False),
])
def test_is_caption(sentence, expected):
    assert is_caption(sentence) is expected


def test_a_caption_is_not_the_item_and_the_request_after_a_story_is_read():
    text = ("原告王某诉被告某县市场监督管理局政府信息公开一案。原告曾多次投诉某超市销售过期食品，后申请公开被告对该超市的"
            "现场检查笔录和询问笔录。被告答复称，上述材料属于行政执法案卷，不予公开。本院认为，被告的答复并无不当。")
    out = _review(text)
    items = out["request"]["items"]
    assert len(items) == 1 and "一案" not in items[0]["text"] and "笔录" in items[0]["text"]
    assert "enforcement_file" in _named(out)
    assert out["reply"]["code"] == "withhold.enforcement_file"


def test_without_past_stories_keeps_the_request_a_story_goes_on_to_make():
    text = "原告曾多次举报某养殖场违法排污，后申请公开被告对该养殖场的调查材料。"
    assert without_past_stories(text) == "申请公开被告对该养殖场的调查材料。"
    story = "原告因补偿问题多次到区政府上访未果。原告申请公开补偿方案。"
    assert without_past_stories(story) == "原告申请公开补偿方案。"


# --- 怎么给: what is told published, and of which record ------------------------------------------------------------

def test_shu_yu_is_not_a_date_and_another_records_publication_is_not_the_answer():
    text = ("原告申请公开被告对某物流公司作出行政处罚的案卷材料，包括调查终结报告和听证笔录。被告答复称，所申请信息属于行政执法"
            "案卷信息，不予公开，处罚决定书已在网站公示。本院认为，被告的答复符合法律规定。")
    assert narrated_published(text) is None
    assert _review(text)["reply"]["code"] == "withhold.enforcement_file"


def test_a_quoted_marking_does_not_hide_what_was_asked():
    text = ("原告申请公开被告报送的《关于某口岸管控措施调整的请示》及所附管控方案。被告答复称，该请示已标注“秘密★10年”，"
            "不予公开，并告知原告口岸通行的现行规定已在州人民政府网站公布。本院认为，被告的答复并无不当。")
    assert narrated_published(text) is None


@pytest.mark.parametrize("text", [
    "第七次全国人口普查本县主要数据公报（县统计局已于网站发布）",
    "〔2021〕7号《关于印发某区征地补偿安置办法的通知》全文，该文件区政府网站政策文件栏目已登载",
    "县政府网站2024年3月28日发布了《某县2023年国民经济和社会发展统计公报》，请告诉我在哪个栏目下载。",
    "今年的政府工作报告全文1月份已经登在县政府网站上了，但我没找到，请告诉我怎么找到。",
    "该项目建设工程设计方案批前公示（贵局网站“批前公示”栏目已于2024年3月发布）",
    "本区义务教育招生入学实施方案（我在教育局网站“通知公告”里看到发过，但链接打不开）",
    "片区控规修编后公布的图则——贵局网站“规划公示”里已经有了，麻烦告诉我具体哪一期",
    "你们局2023年度物业服务企业信用评价结果，网站上登过的，给我说一下在哪个栏目",
])
def test_published_claims_as_applicants_write_them(text):
    assert published_claim(text)


def test_a_claim_of_another_record_is_still_not_the_answer():
    assert published_claim("听说处罚决定书已在网站公开。请公开该案的询问笔录和现场检查笔录。") is None


# --- 补不补 and 有没有 as a write-up tells them -------------------------------------------------------------------

@pytest.mark.parametrize("text, code", [
    ("经补正仍为：那条路那个事的全部材料", "unavailable.unclear"),
    ("补正后申请内容仍为：政府这些年对我们村做过的所有事情的文件", "unavailable.unclear"),
    ("经一次补正，申请人仍只写“所有违法行为的文件”，未指明机关和时间", "unavailable.unclear"),
    ("补正期内申请人答复“你们自己查”，仍未说明文件名称或年份", "unavailable.unclear"),
])
def test_still_unclear_after_a_correction(text, code):
    told = narrated_procedure(text)
    assert told is not None and told.code == code
    assert _review(text)["reply"]["code"] == code


def test_an_application_never_corrected_is_not_read_as_corrected():
    told = narrated_procedure("本局告知补正后，申请人未补正，仍为原申请内容。")
    assert told is None or told.code != "unavailable.unclear"


@pytest.mark.parametrize("text", [
    "原告申请公开某村2011年征地的省政府批文，被告在档案室及业务系统检索未果，并称该地块未办理征收审批。",
    "行政判决书查明：原告申请公开的2015年安置房分配摇号录像，被告并未组织过摇号，该信息不存在。",
    "经在本局OA系统和档案室以“某小区”“消防验收”为关键词检索，本局没有该意见书。",
])
def test_a_search_told_as_found_nothing(text):
    assert narrated_search(text)


# --- 谁负责: the organ a short request names, and joint records ------------------------------------------------------

@pytest.mark.parametrize("text, organ", [
    ("（本申请递交县住建局）县公安局交警大队对本人车辆交通事故的处理材料", "县住建局"),
    ("请镇政府公开县发改委对本镇垃圾中转站项目的核准批复", "镇政府"),
    ("向乡政府申请公开市卫健委2023年对市中心血站的抽检结果", "乡政府"),
    ("（向区城管局提出）某村集体土地转为国有建设用地的征收批文", "区城管局"),
])
def test_the_organ_a_short_request_names_as_asked(text, organ):
    assert request_addressee(text) == organ


def test_a_short_request_to_one_organ_for_anothers_record_is_other_agency():
    assert _review("请镇政府公开县发改委对本镇垃圾中转站项目的核准批复")["reply"]["code"] == "unavailable.other_agency"


def test_a_joint_record_the_asked_organ_led_is_answered_here():
    text = ("某市住房和城乡建设局：\n申请公开贵局牵头、会同市财政局制定的《某市2024年度城镇老旧小区改造实施计划》。")
    out = _review(text)
    assert out["reply"]["code"] != "unavailable.other_agency"
    assert any("第三十四条" in a and "本机关牵头答复" in a for a in out["actions"])


def test_a_joint_record_another_organ_led_is_its_to_answer():
    text = ("县人力资源和社会保障局：\n你局2023年和县住建局一起发过一个关于农民工工资专用账户管理的文件，"
            "是县住建局起草的。请给我一份。")
    assert _review(text)["reply"]["code"] == "unavailable.other_agency"


def test_a_joint_record_whose_lead_is_not_told_asks_the_officer_to_check():
    text = ("某市教育局：\n你局和市发改委、市财政局联合印发的《关于调整公办幼儿园保育教育费标准的通知》，"
            "请提供一份。")
    out = _review(text)
    assert out["reply"]["code"] != "unavailable.other_agency"
    assert any("未写明牵头机关" in a for a in out["actions"])


# --- 给不给: a public record with personal fields, a survey return ----------------------------------------------------

def test_a_public_record_with_its_personal_fields_in_brackets_is_partial():
    assert holds_personal_in_brackets("区市场监管局对某餐饮店作出的行政处罚决定书（含当事人身份证号码和家庭住址）")
    assert not holds_personal_in_brackets("邻居刘某某的户籍登记表（含身份证号码）")  # not a public record
    out = _review("区市场监管局对某餐饮店作出的行政处罚决定书（含当事人身份证号码和家庭住址）")
    assert out["reply"]["code"] == "partial"


@pytest.mark.parametrize("text, expected", [
    ("请公开邻居刘某某户填写的第七次全国人口普查登记表（短表）。", "人口普查登记表"),
    ("请公开某某电器有限公司2022年度向贵局报送的《财务状况》原始统计报表。", True),
    ("请公开小区底商某某足浴店填报的个体经营户普查表。", True),
    ("请公开本县第七次全国人口普查主要数据公报。", None),  # published aggregate figures
    ("请提供我公司2021年向贵局报送的统计报表复印件。", None),  # the respondent's own return
])
def test_asked_prohibited(text, expected):
    found = asked_prohibited(text)
    if expected is None:
        assert found is None
    elif expected is True:
        assert found
    else:
        assert found == expected


def test_a_survey_return_drafts_law_prohibited_with_the_law_left_to_the_officer():
    out = _review("区统计局：请公开邻居刘某某户填写的第七次全国人口普查登记表（短表）。")
    assert out["reply"]["code"] == "withhold.law_prohibited"
    assert any("请核对具体法律、行政法规的名称和条款" in r for r in out["reply"]["reasons"])
    assert "第十四条" in out["reply"]["citations"]


def test_ones_own_agreement_asked_with_the_neighbours_is_partial():
    out = _review("征收办与本人及同单元其余五户签订的房屋征收补偿协议")
    assert "privacy" in _named(out) and out["reply"]["code"] == "partial"
    assert _review("请公开征收办与我家签订的补偿协议。")["reply"]["code"] == "disclose"  # one's own only
