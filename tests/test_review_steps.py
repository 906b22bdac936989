"""Regression tests for issue 9 (drafts an office can sign): one test per reproduced defect, and the
seven steps tested on their own.  Rules only (no classifier); all names and numbers are fictional."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from stdnum.cn import ric
from typer.testing import CliRunner

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.description import correction_elements
from reviewer.decide.documents import heading_organs, secrecy_expired
from reviewer.decide.existence import NOT_SEARCHED, SEARCHED_NONE, search_state
from reviewer.decide.items import split_mixed
from reviewer.decide.organ import detect_other_agency, item_organ
from reviewer.decide.request import parse_request, split_items
from reviewer.decide.triage import load_cues

ROOT = Path(__file__).resolve().parent.parent
OWN = "示例市自然资源和规划局"


def _id(body17: str) -> str:
    return body17 + ric.calc_check_digit(body17 + "0")


APPLICANT = f"申请人：林晓，身份证号{_id('11010119900307456')}，联系电话13912345678。\n"
SEARCHED = "2026年11月25日规划科在公文管理系统和档案室以“集镇规划”检索2019年至今的收发文，未找到"


def request(body: str, delivery: str = "\n获取方式：电子邮件。") -> str:
    return APPLICANT + body + delivery


def review(text, *docs, **kwargs):
    options = ReviewOptions(docs=list(docs), use_model=False, received=dt.date(2026, 11, 20),
                            today=dt.date(2026, 11, 22), **kwargs)
    return run_review(text, options)


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- item 3: no document = not yet searched ---------------------------------------------------


def test_no_document_is_not_searched_and_never_not_held():
    data = review(request("申请公开示规资〔2019〕12号《关于石桥镇集镇规划调整的批复》。")).to_dict()
    assert data["reply"]["code"] != "unavailable.not_held"
    assert "不存在" not in data["letter"]["text"]
    assert any("尚未检索" in a and "示规资〔2019〕12号" in a for a in data["actions"])
    assert data["request"]["items"][0]["existence"] == "not_searched" and data["request"]["items"][0]["pending_search"]
    assert "unavailable.not_held" in [c["code"] for c in data["candidates"]]  # still ranked
    assert "【待填写：检索后对本项的答复意见】" in data["letter"]["text"]  # no outcome invented either
    assert "予以公开" not in data["letter"]["text"]


def test_unreadable_document_is_not_a_missing_one(tmp_path):
    scanned = tmp_path / "扫描件.pdf"
    scanned.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    data = review(request("申请公开石桥镇集镇规划调整的批复。"), scanned).to_dict()
    assert data["reply"]["code"] != "unavailable.not_held"
    assert "不存在" not in data["letter"]["text"]
    assert any("未能读取" in w for w in data["warnings"])


def test_search_record_allows_not_held_with_the_record_in_the_letter():
    data = review(request("申请公开石桥镇集镇规划调整的批复。"), search_record=SEARCHED).to_dict()
    assert data["reply"]["code"] == "unavailable.not_held"
    assert "公文管理系统" in data["letter"]["text"]


def test_search_state_step():
    assert search_state([], [], None) == NOT_SEARCHED
    assert search_state([], [], "检索了公文系统") == SEARCHED_NONE


def test_cli_searched_option(tmp_path):
    from reviewer.cli.app import app

    runner = CliRunner()
    args = ["review", "--no-model", "--applicant-on-file", "--received", "2026-11-20", "--today", "2026-11-22"]
    text = "申请公开石桥镇集镇规划调整的批复。获取方式：电子邮件。"
    without = runner.invoke(app, args, input=text)
    assert "您申请获取的政府信息不存在" not in without.output
    searched = runner.invoke(app, [*args, "--searched", SEARCHED], input=text)
    assert "您申请获取的政府信息不存在" in searched.output, searched.output


# --- item 4: one outcome, one letter ----------------------------------------------------------


def test_third_party_without_document_is_one_coherent_letter():
    asked = request("申请公开邻居王某某的身份证号码和家庭住址。")
    pending = review(asked).to_dict()
    assert pending["reply"]["code"] == "withhold.third_party"  # the leading candidate ...
    text = pending["letter"]["text"]
    assert "决定不予公开" not in text and "第十五条" not in text  # ... but not refused before search and 第三十二条
    assert "【待填写：检索后对本项的答复意见】" in text
    assert any("第三十二条" in a for a in pending["actions"]), pending["actions"]
    data = review(asked, third_party="object").to_dict()
    text = data["letter"]["text"]
    assert data["reply"]["code"] == "withhold.third_party"
    assert "不存在" not in text and "第三十六条第（三）项、第十五条" in text and "第三十二条" in text
    assert "【待填写：检索后" not in text
    assert [i["code"] for i in data["request"]["items"]] == ["withhold.third_party"]


# --- item 5: a supplied table is not 另行制作 ----------------------------------------------------


def test_supplied_table_is_not_needs_creation(tmp_path):
    table = write(tmp_path, "补偿金额明细表.txt",
                  "石桥镇各户补偿金额明细表\n户主 补偿金额\n第一户 38万元\n第二户 41万元\n")
    data = review(request("请列出石桥镇各户补偿金额明细表。"), table).to_dict()
    assert data["reply"]["code"] != "unavailable.needs_creation"
    assert "未制作或者获取过" not in data["letter"]["text"]


# --- item 6: 补正 only with a named missing element ---------------------------------------------


def test_complete_request_gets_no_correction_even_with_vague_words():
    data = review(request("申请公开石桥镇集镇规划调整的批复等相关文件等等", delivery="")).to_dict()
    assert data["reply"]["code"] != "other.correction"
    assert "需要补正的具体事项" not in data["letter"]["text"]


def test_missing_form_of_delivery_is_not_a_correction_element():
    req = parse_request(APPLICANT + "申请公开石桥镇集镇规划调整的批复。")
    assert any("形式要求" in m for m in req.missing)
    assert correction_elements(req) == []


# --- item 7: expired 保密期限 ----------------------------------------------------------------------


def test_expired_secret_marking_is_not_withheld(tmp_path):
    doc = write(tmp_path, "旧密件.txt", "秘密★1年\n\n关于集镇规划调整的通知\n各有关单位：现将有关事项通知如下。\n"
                                          "示例市自然资源和规划局\n2019年3月5日\n")
    data = review(request("申请公开2019年关于集镇规划调整的通知。"), doc).to_dict()
    assert data["reply"]["code"] != "withhold.state_secret"
    assert "国家秘密" not in data["letter"]["text"]
    assert any("保密期限可能已届满，送定密机关确认" in a for a in data["actions"])


def test_secrecy_period_step():
    assert secrecy_expired("秘密★1年\n2019年3月5日", dt.date(2026, 1, 1)) == ("秘密★1年", True)
    assert secrecy_expired("机密★十年\n2024年3月5日", dt.date(2026, 1, 1)) == ("机密★十年", False)
    assert secrecy_expired("秘密★1年\n无日期", dt.date(2026, 1, 1))[1] is False


# --- item 8: one-line numbered lists ----------------------------------------------------------


@pytest.mark.parametrize("line", ["1、甲单位2024年预算；2、乙单位2024年决算；3、丙项目批复文件。",
                                  "1、甲单位2024年预算;2、乙单位2024年决算;3、丙项目批复文件."])
def test_one_line_list_keeps_the_first_item(line):
    assert [i.text for i in split_items(line)] == ["甲单位2024年预算", "乙单位2024年决算", "丙项目批复文件"]


def test_one_line_list_through_the_cli():
    from reviewer.cli.app import app

    result = CliRunner().invoke(app, ["review", "--no-model", "--applicant-on-file", "--format", "json"],
                                input="1、甲单位2024年预算；2、乙单位2024年决算；3、丙项目批复文件。\n")
    assert "甲单位" in result.output and result.output.count('"index"') == 3
    assert "“甲单位2024年预算”为关键词" in result.output  # what to search for, per item
    assert "综上" not in result.output  # no citation for outcomes not yet known


# --- item 9: per-item documents and citations -------------------------------------------------


def test_document_does_not_answer_an_unmatched_item_and_citations_stay_with_their_item(tmp_path):
    minutes = write(tmp_path, "纪要.txt", "老旧小区改造专题会议纪要\n（讨论稿）\n会议认为，项目资金缺口较大，拟向市政府请示追加预算，与会人员意见不一。")
    clean = write(tmp_path, "办法.txt", "老旧小区改造资金管理办法\n第一条 为规范资金管理，制定本办法。")
    other = write(tmp_path, "收费.txt", "干部年度考核等次的内部通知\n经局党组研究，拟确定以下人员年度考核等次为优秀。")
    text = request("申请公开以下信息：\n1、老旧小区改造专题会议纪要；\n2、老旧小区改造资金管理办法；\n3、石桥镇集镇规划调整的批复。")
    data = review(text, minutes, clean, other).to_dict()
    codes = [i["code"] for i in data["request"]["items"]]
    assert codes[0] == "withhold.process_info" and codes[1] == "disclose"
    assert not codes[2].startswith("withhold.")  # the unmatched 考核 notice answers nothing
    assert any("收费.txt" in w and "均不对应" in w for w in data["warnings"])
    letter = data["letter"]["text"]
    third = letter.split("三、关于")[1]
    assert "内部事务" not in third and "第十六条" not in third.split("根据《中华人民共和国行政复议法》")[0]


def test_partial_item_does_not_cite_another_items_ground(tmp_path):
    minutes = write(tmp_path, "纪要.txt", "老旧小区改造专题会议纪要\n（讨论稿）\n会议认为，项目资金缺口较大，拟向市政府请示追加预算，与会人员意见不一。")
    payments = write(tmp_path, "明细.txt", f"征收补偿款发放明细\n被征收人：王建军，公民身份号码{_id('33010619800101234')}，"
                                          "联系电话13812345678。\n补偿金额：人民币38万元。")
    text = request("申请公开以下信息：\n1、老旧小区改造专题会议纪要；\n2、石桥镇征收补偿款发放明细。")
    outcome = review(text, minutes, payments)
    assert outcome.decision.item_codes == ["withhold.process_info", "partial"]
    letter = outcome.letter.to_text()
    first = letter.split("一、关于")[1].split("二、关于")[0]
    second = letter.split("二、关于")[1].split("根据《中华人民共和国行政复议法》")[0]
    assert "第十六条第二款" in first and "第十五条" not in first
    assert "第十六条第二款" not in second and "第三十七条、第十五条" in second


# --- item 10: information item + complaint ----------------------------------------------------


def test_mixed_information_and_complaint_are_split():
    text = request("申请公开2024年石桥镇征地补偿安置方案。我要求你局依法查处村干部侵占补偿款的行为，严肃处理。")
    data = review(text).to_dict()
    codes = [i["code"] for i in data["request"]["items"]]
    assert codes[-1] == "no_action.petition" and len(codes) == 2
    assert codes[0] != "no_action.petition"
    letter = data["letter"]["text"]
    assert "征地补偿安置方案" in letter and "信访" in letter
    receipt = letter.split("一、")[0]
    assert "查处" not in receipt and "其他诉求" in receipt  # a complaint is not information asked for
    assert "二、关于您提出的“我要求你局依法查处" in letter


def test_split_mixed_step():
    req = parse_request(request("申请公开2024年石桥镇征地补偿安置方案。我要求你局依法查处村干部，给个说法。"))
    items, natures = split_mixed(req, load_cues())
    assert natures[-1] == "no_action.petition" and "查处" in items[-1].text


# --- item 11: the right organ -----------------------------------------------------------------


def test_other_organs_document_is_answered_under_article_10(tmp_path):
    minutes = write(tmp_path, "纪要.txt", "示例市住房和城乡建设局专题会议纪要\n（讨论稿）\n会议认为，项目资金缺口较大，拟向市政府请示追加预算。")
    data = review(request("申请公开住建局老旧小区改造专题会议纪要。"), minutes).to_dict()
    assert data["reply"]["code"] == "unavailable.other_agency"
    text = data["letter"]["text"]
    assert "向示例市住房和城乡建设局" in text and "过程性信息" not in text


def test_jointly_made_document_asks_the_other_organ(tmp_path):
    doc = write(tmp_path, "联合通知.txt", f"{OWN}、示例市财政局关于老旧小区改造资金管理的通知\n各区：现将有关事项通知如下。")
    data = review(request("申请公开关于老旧小区改造资金管理的通知。"), doc).to_dict()
    assert data["reply"]["code"] != "unavailable.other_agency"
    assert any("第三十四条" in a and "示例市财政局" in a and "征求意见" in a for a in data["actions"])


def test_other_agency_name_is_not_garbled(tmp_path):
    from test_review import office_profile

    assert detect_other_agency("申请公开示例市住房和城乡建设局制作的会议纪要", OWN) == "示例市住房和城乡建设局"
    data = review(request("申请公开示例市住房和城乡建设局制作的老旧小区改造会议纪要。"),
                  profile=office_profile(tmp_path)).to_dict()
    assert "向申请公开" not in data["letter"]["text"]
    assert "向示例市住房和城乡建设局" in data["letter"]["text"]


def test_heading_organs_step():
    assert heading_organs("秘密★1年\n\n示例市应急管理局关于重点防护目标安全保卫工作的通知") == ["示例市应急管理局"]
    assert heading_organs("示例市城镇老旧小区改造资金管理办法\n第一条") == []


# --- item 2 (letters part) and item 14: wording ----------------------------------------------


def test_letter_has_no_file_name_rule_description_or_sensitive_content(tmp_path):
    security = write(tmp_path, "03-安保.txt", "示例水库大坝监控点位及安保部署如下：\n城东变电站坐标：东经118.12度，北纬32.05度。\n"
                                             "放射源库门禁密码每季度更换，监控存在盲区，围栏破损。")
    data = review(request("申请公开示例水库大坝安保方案。"), security).to_dict()
    text = data["letter"]["text"]
    assert data["reply"]["code"] == "withhold.security_stability"
    for leak in ("03-安保", ".txt", "盲区", "围栏", "坐标", "门禁密码", "发现"):
        assert leak not in text


def test_partial_letter_describes_parts_in_legal_language(tmp_path):
    pid = _id("33010619800101234")
    doc = write(tmp_path, "02-发放明细.txt", f"征收补偿款发放明细\n被征收人：王建军，公民身份号码{pid}，联系电话13812345678。\n"
                                               f"银行卡号622848001234567126。补偿金额：人民币38万元。")
    data = review(request("申请公开石桥镇征收补偿款发放明细。"), doc).to_dict()
    text = data["letter"]["text"]
    assert data["reply"]["code"] == "partial"
    assert "02-发放明细" not in text and "Luhn" not in text and "发现" not in text
    assert "公民身份号码" in text
    assert text.count("“第三方的公民身份号码”") == 1


def test_wording_quotes_channel_spaces_and_copies():
    text = ("申请人：林晓，身份证号" + _id("11010119900307456") + "，联系电话13912345678，附身份证复印件。\n"
            "申请公开以下信息：\n1、申请公开关于“石桥镇集镇规划”的批复；\n2、关于 石桥镇 征地补偿 的公告。\n获取方式：电子邮件。")
    data = review(text, channel="当面", search_record=SEARCHED).to_dict()
    letter = data["letter"]["text"]
    assert "关于“关于" not in letter and "“申请公开" not in letter
    assert "““" not in letter and "””" not in letter
    assert "通过当面提交的方式提交的" not in letter and "当面提交的政府信息公开申请" in letter
    assert "石桥镇 征地" not in letter
    assert data["request"]["delivery"] == ["电子"]
    assert "在2026年11月25日规划科" not in letter and "检索记录：2026年11月25日规划科" in letter


def test_other_other_has_a_marked_blank_and_query_matter_is_one_kind_of_answer():
    other = review(request("申请公开2024年石桥镇征地补偿安置方案。"), procedure="withdrawn").to_dict()
    assert "请写明具体情况" not in other["letter"]["text"]
    assert "【待填写：" in other["letter"]["text"]
    query = review(request("要求打印我的个税缴纳明细。")).to_dict()["letter"]["text"]
    assert "不予公开" in query and "不作为政府信息公开申请" not in query


# --- the demo's letter ------------------------------------------------------------------------


def test_demo_letter_can_be_signed():
    examples = ROOT / "examples"
    options = ReviewOptions(docs=[examples / "documents" / "03-专题会议纪要.txt",
                                  examples / "documents" / "02-信访件办理情况.txt"],
                            catalog=examples / "catalog.csv", profile=examples / "profile.yaml",
                            received=dt.date(2026, 11, 20), channel="网络", use_model=False,
                            today=dt.date(2026, 11, 22))
    text = (examples / "requests" / "01-申请会议纪要.txt").read_text(encoding="utf-8")
    outcome = run_review(text, options)
    codes = outcome.decision.item_codes
    assert codes[0] == "unavailable.other_agency"
    assert codes[1] == "disclose"
    assert codes[2] == "disclose.published"
    letter = outcome.letter.to_text()
    assert "向示例市住房和城乡建设局" in letter and "过程性信息" not in letter
    assert ".txt" not in letter and "征求第三方意见" not in " ".join(x.title for x in outcome.letters)
    assert "住院" not in letter and "622848" not in letter
    assert any("核实申请人与该户的关系" in a for a in outcome.decision.actions)
    second = letter.split("二、关于")[1].split("三、关于")[0]
    assert "您家庭的事项" in second and "经其本人同意后提供" in second
    third = letter.split("三、关于")[1]
    assert "主动公开" in third and "示府发〔2026〕8号" in third


def test_classified_document_of_another_organ_goes_to_that_organ():
    doc = ROOT / "examples" / "documents" / "05-密件.txt"
    data = review(request("申请公开关于重点防护目标安全保卫工作的通知。"), doc).to_dict()
    assert data["reply"]["code"] == "unavailable.other_agency"
    assert "向示例市应急管理局" in data["letter"]["text"]
    assert "本机关在履行行政管理职能过程中形成" not in data["letter"]["text"]
    assert any("保密审查" in a for a in data["actions"])


def test_request_prior_is_the_one_ranking_hook():
    from reviewer.decide.outcome import request_prior

    prior = request_prior("申请公开石桥镇集镇规划调整的批复。", None, {})
    assert abs(sum(prior.values()) - 1.0) < 1e-6 and "unavailable.not_held" in prior


def test_reply_code_step():
    from reviewer.decide.decision import reply_code

    assert reply_code(["withhold.process_info", "disclose.published"]) == "partial"
    assert reply_code(["unavailable.other_agency", "disclose", "disclose.published"]) == "disclose"
    assert reply_code(["no_action.petition", "no_action.petition"]) == "no_action.petition"


def test_link_documents_step(tmp_path):
    from reviewer.decide.documents import DocumentView
    from reviewer.decide.outcome import link_documents

    items = split_items("1、老旧小区改造专题会议纪要；2、征收补偿款发放明细；3、集镇规划调整的批复。")
    views = [DocumentView(f"/x/{n}.txt", "ok", "clean", {}, {}, [], [], None, f"{n}.txt {t}")
             for n, t in (("a", "老旧小区改造专题会议纪要"), ("b", "征收补偿款发放明细"), ("c", "年度考核等次通知"))]
    links = link_documents(items, views)
    assert [v.path for v in links[1]] == ["/x/a.txt"]
    assert [v.path for v in links[2]] == ["/x/b.txt"]
    assert links[3] == []


def test_decide_item_step_never_picks_not_held_without_a_search_record():
    from reviewer.decide.existence import NOT_SEARCHED, SEARCHED_NONE
    from reviewer.decide.organ import OrganCheck
    from reviewer.decide.outcome import decide_item

    item = split_items("1、石桥镇集镇规划调整的批复；2、石桥镇征地补偿方案。")[0]
    ordinary = {"ordinary": 1.0}
    pending = decide_item(item, "ordinary", ordinary, [], OrganCheck(), NOT_SEARCHED, None,
                          threshold=0.5, stage=None, own=False)
    assert pending.code != "unavailable.not_held" and pending.pending
    assert pending.scores["unavailable.not_held"] > 0  # ranked all the same
    searched = decide_item(item, "ordinary", ordinary, [], OrganCheck(), SEARCHED_NONE, None,
                           threshold=0.5, stage=None, own=False)
    assert searched.code == "unavailable.not_held" and not searched.pending
    other = decide_item(item, "ordinary", ordinary, [], OrganCheck("other", "示例市财政局", [], "request"),
                        NOT_SEARCHED, None, threshold=0.5, stage=None, own=False)
    assert other.code == "unavailable.other_agency" and "示例市财政局" in other.letter_reasons[0]


def test_complaint_is_not_quoted_back_as_information():
    text = (ROOT / "examples" / "requests" / "02-信访件.txt").read_text(encoding="utf-8")
    data = review(text, applicant_on_file=True).to_dict()
    assert data["reply"]["code"] == "no_action.petition"
    letter = data["letter"]["text"]
    assert "申请获取“我是" not in letter and "15054684874" not in letter
    assert "实质为信访、投诉、举报事项" in letter


def test_the_addressed_organ_is_not_another_organ():
    # "你局 / 贵局 / 本机关" name the organ the request is sent to, never another organ (第十条).
    for text in ("申请公开你局2025年第3次局长办公会议纪要。", "申请公开贵局印发的老旧小区改造实施方案。",
                 "申请公开贵单位作出的处罚决定书。"):
        assert detect_other_agency(text, OWN) is None
        assert item_organ(text, [], OWN).responsible == "own"
    assert detect_other_agency("申请公开示例市财政局印发的资金管理办法。", OWN) == "示例市财政局"


def test_more_than_200_items_are_merged_with_a_warning():
    from reviewer.app.pipeline import ReviewOptions, run_review

    text = "申请公开以下信息：\n" + "\n".join(f"{i}、示例区第{i}号道路维修合同" for i in range(1, 206))
    outcome = run_review(text, ReviewOptions(use_model=False, applicant_on_file=True))
    assert len(outcome.request.items) == 200 and outcome.request.items[-1].merged == 6
    assert any("最后 6 项已合并为第 200 项" in w for w in outcome.to_dict()["warnings"])
