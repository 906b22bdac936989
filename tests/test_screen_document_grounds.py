"""Screening of documents by ground (issue #11 item 4): secret marks in marking position only, published
penalty decisions versus case-file materials, interview-transcript structure, trade and internal records,
clean look-alikes, and the limits on what the classifier may establish alone."""

from __future__ import annotations

import pytest

from reviewer.detect.validators import qa_transcript
from reviewer.screen.screening import PassageScores, Screener, combine, settled_severity


@pytest.fixture(scope="module")
def screener():
    return Screener()


def _score(result, category: str) -> float:
    cat = result.categories.get(category)
    return cat.score if cat else 0.0


# --- state secrets: a mark counts in marking position, not in prose -------------------------------------

def test_mark_in_header_line_withholds(screener):
    result = screener.screen_text("000128\n机密★5年\n某市人民政府办公室\n关于重点目标防护力量调整的通知\n各有关单位：")
    assert result.verdict == "withhold"
    assert any(f.rule == "SEC001" for f in result.findings)


@pytest.mark.parametrize("text", [
    "本院经审理查明：被告答复称，该方案首页标注“秘密★5年”，属于国家秘密。被告未能提供定密审批表。",
    "公文格式要点：密级和保密期限如需标注，顶格编排在版心左上角第二行，如“秘密★1年”。",
    "市保密委员会召开保密工作会议，传达学习《中华人民共和国保守国家秘密法》，部署涉密载体管理工作。",
    "经审查，该清单不涉及国家秘密，不含密级标志，亦未包含涉密测绘成果，同意公开。",
    "关于部分文件解密的通知：《某市地下管网普查成果汇总表》（原密级：机密）现予解密。",
    "甲乙双方签订保密协议，乙方对知悉的甲方技术资料负有保密义务。",
])
def test_words_about_secrets_in_prose_are_not_a_secret(screener, text):
    result = screener.screen_text(text)
    assert _score(result, "state_secret") < screener.threshold
    assert result.verdict != "withhold"


def test_mark_mentioned_in_a_sentence_is_listed_as_a_hint_only(screener):
    result = screener.screen_text("被告答复称，该方案标注秘密★5年，属于国家秘密，决定不予公开。")
    hints = [f for f in result.findings if f.rule == "SEC014"]
    assert hints and all(f.severity == "info" for f in hints)
    assert "state_secret" not in result.categories or result.categories["state_secret"].rules < 0.5


def test_military_positions_are_secret_content_without_a_mark(screener):
    result = screener.screen_text("该地块东侧300米为部队驻地，营区边界坐标见附图。")
    assert _score(result, "state_secret") >= screener.threshold


# --- enforcement files: case-file materials versus the published decision --------------------------------

PUBLISHED_DECISION = (
    "某区市场监督管理局行政处罚决定书\n某市监罚〔2024〕83号\n当事人：某区某某熟食店（个体工商户），经营者：陈某\n"
    "经查，当事人存在生熟刀具混用、冷藏温度不达标等行为。上述事实有现场检查笔录、现场照片等证据证实。\n"
    "依据《中华人民共和国食品安全法》第一百二十六条，本局决定：给予警告，并处罚款五千元。")


def test_published_penalty_decision_alone_is_not_an_enforcement_file(screener):
    result = screener.screen_text(PUBLISHED_DECISION)
    assert _score(result, "enforcement_file") < screener.threshold
    assert result.verdict == "clean"


@pytest.mark.parametrize("text", [
    "询问人：彭某、鲁某\n记录人：鲁某\n被询问人：戴某\n问：你看清楚执法证件了吗？\n答：看清楚了。",
    "问：你把那天晚上的经过说一下。\n答：我下夜班回来，他说我挡了道。\n问：你打了他哪里？\n答：我就推了两下。",
    "受案登记表\n案件来源：110指令\n简要案情：报案人称其在车库被人殴打。\n受案意见：建议及时调查处理。",
    "呈请行政处罚报告书\n违法嫌疑人苗某，建议对其处以行政拘留十日，妥否，请批示。",
    "证据清单\n1. 营业执照复印件；2. 现场检查笔录一份；3. 询问笔录两份，证明违法事实。",
    "送达回证\n受送达人：某某贸易有限公司\n送达人：赵某、钱某",
    "重大案件集体讨论记录：承办人汇报案情后，法规科认为违法事实清楚，多数意见同意从轻处罚。",
])
def test_case_file_materials_are_enforcement_files(screener, text):
    result = screener.screen_text(text)
    assert _score(result, "enforcement_file") >= screener.threshold
    assert result.verdict != "clean"
    assert all(f.severity != "withhold" for f in result.findings if f.category == "enforcement_file")


@pytest.mark.parametrize("text", [
    "办理行政案件应当依法制作受案登记表、询问笔录等法律文书，全面收集证据。",
    "你申请获取的系本局办理的治安纠纷一案的询问笔录等案卷材料，请按照有关程序申请查阅。",
    "本次共抽查案卷60卷，存在的主要问题：个别案卷询问笔录未逐页签名，送达回证填写不完整。",
    "全年共下达限期改正指令书47份，为3,418名劳动者追发工资。",
    "民事调解书\n原告：赵某，女。\n被告：某某物业服务有限公司。\n案由：物业服务合同纠纷。",
    "信访事项处理意见书：占道摊点已清理完毕。\n承办人：区城管局执法一中队　宋立峰",
])
def test_descriptions_of_case_files_are_not_case_files(screener, text):
    assert _score(screener.screen_text(text), "enforcement_file") < screener.threshold


def test_qa_transcript_validator_tells_transcripts_from_policy_qa():
    transcript = "问：你叫什么名字？\n答：我叫王某。\n问：你店里的酒从哪进的？\n答：我在批发市场买的。\n问：有票据吗？\n答：没有。"
    result = qa_transcript(transcript)
    assert result.valid is True and result.score == pytest.approx(0.7)
    policy = "问：企业如何申请稳岗补贴？\n答：通过线上平台申请。\n问：补贴标准是多少？\n答：按缴费的50%返还。"
    assert qa_transcript(policy).valid is False
    assert qa_transcript("问：你好吗？\n答：我很好。").valid is False  # one turn is not a transcript


# --- trade secrets and internal affairs -------------------------------------------------------------------

@pytest.mark.parametrize("text,category", [
    ("投标函附录：投标人某某路桥建设有限公司，沥青4,780元/吨，以上单价为我公司与供应商的协议价，请评标委员会对本页内容予以保密。",
     "trade_secret"),
    ("某某燃气有限公司配气成本测算表：购气成本2.61元/立方米，准许收益率7%。本表所列数据系本公司经营信息，未对外披露。",
     "trade_secret"),
    ("局机关工作人员每日上下班须打卡两次，迟到30分钟以上按旷工半天计。请假3天以上报分管局领导审批。",
     "internal_affairs"),
    ("局党组会议研究干部任免事项：法规科科长韦某拟交流至执法支队，办公室副主任顾某拟提任办公室主任。",
     "internal_affairs"),
    ("2025年春节假期值班安排\n1月28日　带班领导：周某　值班员：严某、林某", "internal_affairs"),
])
def test_realistic_trade_and_internal_records_are_found(screener, text, category):
    assert _score(screener.screen_text(text), category) >= screener.threshold


@pytest.mark.parametrize("text", [
    "中标结果公告\n中标供应商：某某环境科技有限公司\n中标金额：2,318.6万元（三年）\n公告期限：1个工作日。",
    "某路改造工程开标记录表（公开开标现场宣读）\n投标人 投标报价（元）\n某某路桥建设有限公司 28,613,402",
    "第五章 采购需求\n一、技术参数：控温精度±1℃。投标人须逐条响应技术参数，负偏离超过3项的投标无效。",
    "2023年度“三公”经费决算支出18.6万元，其中公务接待费3.2万元，公务用车运行维护费15.4万元。",
    "公务员考核规定：定期考核的结果分为优秀、称职、基本称职和不称职四个等次。",
    "关于公开征求《某市学前教育管理办法（征求意见稿）》意见的公告：现将征求意见稿全文公布，征求社会各界意见。",
])
def test_published_look_alikes_are_clean(screener, text):
    result = screener.screen_text(text)
    assert not [c for c, s in result.categories.items() if s.score >= screener.threshold], result.categories


def test_official_contact_person_is_not_private(screener):
    result = screener.screen_text("如对本报告有疑问，请与局办公室联系，联系人：陶建民，电话：0551-62870123。")
    assert _score(result, "privacy") < screener.threshold


# --- what the classifier may establish alone --------------------------------------------------------------

def _passages(category: str, p: float) -> PassageScores:
    return PassageScores([category], [(0, 10)], [[p]], {})


def test_classifier_alone_cannot_establish_a_state_secret():
    cats = combine([], _passages("state_secret", 0.95))
    assert cats["state_secret"].score < 0.5 and "不能单独认定国家秘密" in cats["state_secret"].method


def test_classifier_adds_to_a_real_mark(screener):
    findings = screener.screen_text("秘密★1年\n关于某事项的通知").findings
    cats = combine(findings, _passages("state_secret", 0.9))
    assert cats["state_secret"].score > 0.95


def test_other_grounds_keep_the_classifier_alone():
    # pseudonymised text may still be private (published sources pseudonymise the documents they quote)
    assert combine([], _passages("privacy", 0.95))["privacy"].score >= 0.5
    assert combine([], _passages("process_info", 0.95))["process_info"].score >= 0.5


# --- verdict agrees with the findings ----------------------------------------------------------------------

def test_a_weak_withhold_finding_settles_as_review(screener):
    result = screener.screen_text("关于保密工作的通知\n" + "各单位要加强管理。\n" * 10 + "机密★10年\n附件一")
    marks = [f for f in result.findings if f.rule == "SEC001"]
    assert marks and all(0.5 <= f.score < 0.6 for f in marks)
    assert all(f.severity == "review" for f in marks)
    assert result.verdict == "review"


def test_settled_severity_keeps_strong_withhold(screener):
    result = screener.screen_text("机密★10年\n关于某事项的通知")
    finding = next(f for f in result.findings if f.rule == "SEC001")
    assert settled_severity(finding, result.categories, 0.5) == "withhold"


def test_classifier_alone_cannot_turn_a_published_decision_into_a_case_file(screener):
    from reviewer.screen.screening import analyse

    decision = analyse(PUBLISHED_DECISION, screener.detector).findings  # as combine() sees them (not settled)
    assert any(f.rule == "ENF010" for f in decision)
    capped = combine(decision, _passages("enforcement_file", 0.95))["enforcement_file"]
    assert capped.score < 0.5 and "案卷材料" in capped.method
    with_record = analyse("询问笔录\n" + PUBLISHED_DECISION, screener.detector).findings
    assert combine(with_record, _passages("enforcement_file", 0.95))["enforcement_file"].score >= 0.9
    # without any decision rule the classifier keeps its full weight for enforcement files
    assert combine([], _passages("enforcement_file", 0.95))["enforcement_file"].score >= 0.5


def test_investigation_narrative_is_a_hint_and_adds_up_with_another_cue(screener):
    narrative = "某派出所民警对张某进行询问，张某称其与李某因宅基地界址发生争吵。"
    alone = screener.screen_text(narrative)
    assert 0.4 <= _score(alone, "enforcement_file") < screener.threshold
    with_cue = screener.screen_text(narrative + "民警随后调取了村口监控录像。\n附：证人王某的询问笔录。")
    assert _score(with_cue, "enforcement_file") >= screener.threshold


def test_investigation_told_inside_a_published_decision_stays_below_threshold(screener):
    text = PUBLISHED_DECISION.replace("经查，", "经查，本局执法人员对经营者进行了询问，调取了进货台账。")
    result = screener.screen_text(text)
    assert any(f.rule == "ENF017" for f in result.findings)
    assert _score(result, "enforcement_file") < screener.threshold
    assert "案卷材料" in result.categories["enforcement_file"].method


def test_text_output_says_why_a_score_was_held_below_the_threshold():
    from reviewer.screen.output import render_text

    class Fixed:
        classes_ = ["state_secret"]

        def predict_proba(self, texts):
            return [[0.95] for _ in texts]

    result = Screener(grounds_model=Fixed()).screen_text("市保密委员会召开全体会议，部署年度保密工作。")
    assert result.verdict == "clean"
    assert "不能单独认定国家秘密" in render_text(result)
