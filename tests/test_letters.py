"""Agency profile, letters for every reply code, procedural notices and the .docx writer."""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from pathlib import Path

import docx
import pytest
import yaml
from docx.shared import Pt
from faker import Faker

from reviewer.decide.profile import AgencyProfile, ProfileError, load_profile, profile_from_dict
from reviewer.decide.replytypes import DEFAULT_LAW, citation_string, load_reply_types
from reviewer.draft.context import Letter, ReplyContext
from reviewer.draft.docx_letter import BODY_FONT, HEADING_FONT, TITLE_FONT, write_docx
from reviewer.draft.letters import draft_reply
from reviewer.draft.notices import draft_correction_notice, draft_extension_notice, draft_third_party_letter

L = DEFAULT_LAW
TYPES = load_reply_types()
fake = Faker("zh_CN")
Faker.seed(20250303)
APPLICANT = fake.name()
THIRD_PARTY = fake.company()


@pytest.fixture(scope="module")
def profile() -> AgencyProfile:
    return load_profile()


# Operative wording each code's letter must contain (ogi-law.md §3.3), checked word for word.
OPERATIVE = {
    "disclose": ["属于可以公开的政府信息", "本机关决定予以公开", "电子邮件"],
    "disclose.published": ["主动公开", "2024年6月3日", "https://example.gov.cn/zc/001"],
    "partial": ["能够作区分处理", "不予公开；其余部分予以公开", "第三方个人的身份证号码", "个人隐私"],
    "withhold.state_secret": ["依法确定为国家秘密", "决定不予公开"],
    "withhold.law_prohibited": ["法律、行政法规禁止公开", "决定不予公开", "《中华人民共和国统计法》"],
    "withhold.security_stability": ["国家安全、公共安全、经济安全或者社会稳定", "决定不予公开"],
    "withhold.third_party": ["商业秘密、个人隐私", "第三十二条的规定书面征求第三方意见，第三方不同意公开且理由合理", "决定不予公开"],
    "withhold.internal_affairs": ["内部事务信息", "决定不予公开"],
    "withhold.process_info": ["过程性信息", "尚在研究讨论、未作出决定", "决定不予公开"],
    "withhold.enforcement_file": ["行政执法案卷信息", "当事人或者利害关系人"],
    "withhold.query_matter": ["行政查询事项", "决定不予公开"],
    "unavailable.not_held": ["政府信息不存在", "检索情况", "公文管理系统", "“规划许可”", "2019年至2024年", "档案科王某"],
    "unavailable.other_agency": ["不属于本机关负责公开", "示例市住房和城乡建设局", "0000-87654321"],
    "unavailable.needs_creation": ["汇总、加工、分析", "不予提供"],
    "unavailable.unclear": ["补正后的申请内容仍不明确", "2025年3月5日", "2025年3月12日"],
    "no_action.petition": ["实质为投诉事项", "不作为政府信息公开申请处理", "12345"],
    "no_action.duplicate": ["不予重复处理", "示例规资信复〔2024〕88号", "2024年12月2日"],
    "no_action.publication": ["公开出版物", "《示例市人民政府公报》"],
    "no_action.excessive": ["数量、频次明显超过合理范围", "不予处理", "45件"],
    "no_action.confirm": ["确认或者重新出具", "不作为政府信息公开申请处理"],
    "other.correction": ["一次性告知", "视为放弃申请", "答复期限自本机关收到补正的申请之日起计算"],
    "other.correction_lapsed": ["逾期未补正，视为放弃申请", "不再处理该政府信息公开申请"],
    "other.fee_unpaid": ["逾期未按收费通知要求缴纳费用", "不再处理"],
    "other.special_procedure": ["不动产登记资料", "依照上述规定办理", "《不动产登记暂行条例》"],
    "other.not_gov_info": ["村民委员会", "不属于", "所称的政府信息"],
    "other.consultation": ["咨询事项", "不作为政府信息公开申请处理"],
    "other.other": ["处理如下", "申请人已撤回申请"],
}

SUBJECT = "示例地块2024年建设用地规划许可证"
FACTS = {
    "partial": {"items": [{"text": SUBJECT, "withheld": [
        {"text": "第三方个人的身份证号码", "ground": "privacy", "reason": "属于自然人的身份信息"},
        {"text": "科室内部审核意见", "ground": "process_info", "reason": "属于内部讨论记录"},
    ]}], "delivery": "电子邮件", "attachments": ["规划许可证（已作区分处理，共3页）"]},
    "disclose": {"delivery": "电子邮件", "attachments": ["规划许可证（共3页）"]},
    "disclose.published": {"published": [{"title": "规划许可批前公示", "date": "2024-06-03",
                                          "url": "https://example.gov.cn/zc/001"}]},
    "withhold.law_prohibited": {"facts": {"prohibiting_law": "《中华人民共和国统计法》第三十九条"},
                                "citations": ["《中华人民共和国统计法》第三十九条"]},
    "withhold.third_party": {"third_party": {"name": THIRD_PARTY, "opinion": "object", "sent": "2025-03-06"}},
    "withhold.process_info": {"decision_stage": "pending"},
    "unavailable.not_held": {"search_log": {"systems": ["公文管理系统", "档案室纸质档案"], "keywords": ["规划许可", "示例地块"],
                                            "period": "2019年至2024年", "searched_by": "档案科王某"}},
    "unavailable.other_agency": {"other_agency": {"name": "示例市住房和城乡建设局", "contact": "0000-87654321",
                                                  "reason": "该信息由示例市住房和城乡建设局制作并保存"}},
    "unavailable.unclear": {"correction_requested": "2025-03-05", "correction_received": "2025-03-12"},
    "no_action.petition": {"facts": {"petition_kind": "投诉", "petition_channel": "12345政务服务便民热线"}},
    "no_action.duplicate": {"earlier_reply": {"doc_number": "示例规资信复〔2024〕88号", "date": "2024-12-02"}},
    "no_action.publication": {"facts": {"publication": "《示例市人民政府公报》2024年第5期", "publication_channel": "市图书馆"}},
    "no_action.excessive": {"facts": {"excessive_period": "2025年1月至2月", "excessive_count": 45}},
    "other.correction": {"missing": ["identity", "description"]},
    "other.special_procedure": {"facts": {"special_kind": "不动产登记资料", "special_law": "《不动产登记暂行条例》第二十七条"}},
    "other.not_gov_info": {"reasons": ["系村民委员会制作的村务信息"]},
    "other.other": {"reasons": ["申请人已撤回申请，本机关终止办理"]},
}


def make_ctx(code: str, **over) -> ReplyContext:
    base = {
        "code": code,
        "applicant": APPLICANT,
        "request_id": "YSQ-2025-0007",
        "received": "2025-03-03",
        "channel": "网络",
        "items": [SUBJECT],
        "today": "2025-03-20",
        "doc_seq": 12,
    }
    base.update(FACTS.get(code, {}))
    base.update(over)
    return ReplyContext(**base)


def test_operative_table_covers_every_code():
    assert set(OPERATIVE) == set(TYPES)


@pytest.mark.parametrize("code", sorted(TYPES))
def test_every_code_gives_citation_wording_and_remedy(code, profile):
    ctx = make_ctx(code)
    letter = draft_reply(ctx, profile)
    text = letter.to_text()
    rt = TYPES[code]
    # exact citation string, including the grounds of withheld parts and other laws
    extra = list(ctx.citations) + [w.article() for i in ctx.items for w in i.withheld]
    expected = citation_string(code, extra)
    assert letter.citation == expected
    if rt.cite:
        assert expected.startswith(L + rt.cite[0])
        assert expected in text
    for phrase in OPERATIVE[code]:
        assert phrase in text, (code, phrase)
    if rt.note:  # practice labels: the remark goes to staff, not into the letter
        assert "审核提示" not in text and any("未作明文规定" in n for n in letter.notes)
    # receipt facts and addressee
    assert f"{APPLICANT}：" in text
    assert "2025年3月3日收到您通过互联网渠道提交" in text
    # remedy paragraph: A normally, B (复议前置) when anything is withheld, none for the 补正 notice
    if code == "other.correction":
        assert letter.remedy == "none" and "行政复议" not in text
    elif rt.withholds:
        assert letter.remedy == "B"
        assert "根据《中华人民共和国行政复议法》第二十三条的规定" in text
        assert "应当先自收到本答复书之日起60日内向示例市人民政府申请行政复议" in text
        assert "可以自收到行政复议决定书之日起15日内依法向人民法院提起行政诉讼" in text
    else:
        assert letter.remedy == "A"
        assert "第二十三条" not in text
        assert "60日内向示例市人民政府申请行政复议" in text
        assert "6个月内依法向人民法院提起行政诉讼" in text
    assert letter.title == "示例市自然资源和规划局" + rt.title
    assert re.fullmatch(r"示例规资信[复告补]〔2025〕12号", letter.doc_number)


@pytest.mark.parametrize("code", sorted(TYPES))
def test_unknown_facts_become_listed_placeholders(code, profile):
    ctx = ReplyContext(code=code, today=date(2025, 3, 20))
    letter = draft_reply(ctx, profile)
    text = letter.to_text()
    assert letter.placeholders, code
    assert letter.placeholders == list(dict.fromkeys(re.findall(r"【(?:待填写|审核提示)：[^】]*】", text)))
    assert "【待填写：申请人姓名或名称】：" in text
    assert "【待填写：收到申请日期】" in text
    assert "【待填写：序号】" in letter.doc_number


def test_fully_known_disclose_letter_has_no_placeholders(profile):
    letter = draft_reply(make_ctx("disclose"), profile)
    assert letter.placeholders == []
    assert letter.attachments == ["规划许可证（共3页）"]
    assert "附件：规划许可证（共3页）" in letter.to_text()


def test_correction_receipt_date_stated_and_clock_restart(profile):
    letter = draft_reply(make_ctx("disclose", correction_requested="2025-03-05", correction_received="2025-03-10"), profile)
    text = letter.to_text()
    assert "本机关于2025年3月5日告知您对申请作出补正，并于2025年3月10日收到您的补正材料" in text
    assert "答复期限自收到补正的申请之日起计算" in text


def test_multi_item_request_answered_item_by_item(profile):
    ctx = make_ctx(
        "partial",
        items=[
            {"text": "甲地块规划条件", "code": "disclose"},
            {"text": "乙项目专家评审会议纪要", "code": "withhold.process_info", "reasons": ["系尚在讨论的会议记录"]},
            {"text": "丙路段历年投诉处理情况统计", "code": "unavailable.needs_creation"},
        ],
        decision_stage="pending",
    )
    letter = draft_reply(ctx, profile)
    text = letter.to_text()
    for n, item in zip("一二三", ("甲地块规划条件", "乙项目专家评审会议纪要", "丙路段历年投诉处理情况统计"), strict=True):
        assert f"{n}、关于“{item}”" in text
    assert [letter.paragraphs[i] for i in letter.headings][:3] == [
        "一、关于“甲地块规划条件”", "二、关于“乙项目专家评审会议纪要”", "三、关于“丙路段历年投诉处理情况统计”"]
    assert citation_string("disclose") in text
    assert citation_string("withhold.process_info") in text
    assert citation_string("unavailable.needs_creation") in text
    assert "系尚在讨论的会议记录" in text
    # one item is withheld → 复议前置, plus ordinary wording for the rest
    assert letter.remedy == "B"
    assert "对本答复其他内容不服的" in text


def test_multi_item_without_withholding_uses_wording_a(profile):
    ctx = make_ctx("disclose", items=[{"text": "甲", "code": "disclose"}, {"text": "乙", "code": "unavailable.not_held"}])
    letter = draft_reply(ctx, profile)
    assert letter.remedy == "A" and "第二十三条" not in letter.to_text()
    assert letter.to_text().count("检索情况") == 1


def test_not_held_search_log_placeholders_when_unknown(profile):
    letter = draft_reply(make_ctx("unavailable.not_held", search_log=None), profile)
    text = letter.to_text()
    assert "检索情况" in text
    for what in ("检索的系统或档案", "检索关键词", "检索的文件形成期间", "检索人员及核查的业务科室"):
        assert any(what in p for p in letter.placeholders), what
    assert any("指导案例101号" in n for n in letter.notes)


def test_other_agency_unknown_is_placeholder(profile):
    letter = draft_reply(make_ctx("unavailable.other_agency", other_agency=None), profile)
    assert "【待填写：负责公开该信息的行政机关名称】" in letter.placeholders


def test_partial_withheld_descriptions_and_missing_reason(profile):
    ctx = make_ctx("partial", items=[{"text": SUBJECT, "withheld": [{"text": "企业投标报价明细", "ground": "trade_secret"}]}])
    letter = draft_reply(ctx, profile)
    text = letter.to_text()
    assert "“企业投标报价明细”属于商业秘密" in text
    assert "【待填写：不予公开的具体理由】" in letter.placeholders
    assert f"{L}第三十七条、第十五条" in text


def test_remedy_uses_court_and_vertical_and_state_council_wording(profile):
    court = dataclasses.replace(profile, court="示例市示例区人民法院")
    text = draft_reply(make_ctx("disclose"), court).to_text()
    assert "6个月内依法向示例市示例区人民法院提起行政诉讼" in text
    text = draft_reply(make_ctx("withhold.internal_affairs"), court).to_text()
    assert "15日内依法向示例市示例区人民法院提起行政诉讼" in text

    vertical = dataclasses.replace(profile, agency_type="vertical", review_body="国家税务总局示例省税务局")
    text = draft_reply(make_ctx("disclose"), vertical).to_text()
    assert "60日内向上一级主管部门国家税务总局示例省税务局申请行政复议" in text

    scd = profile_from_dict({**_profile_dict(), "agency_type": "state_council_dept", "review_body": None})
    assert scd.review_body == scd.name
    text = draft_reply(make_ctx("disclose"), scd).to_text()
    assert "60日内向本机关申请行政复议" in text


def test_notice_titles_use_notice_wording(profile):
    letter = draft_reply(make_ctx("no_action.petition"), profile)
    assert letter.title.endswith("告知书")
    assert "如对本告知书不服，可以自收到本告知书之日起60日内" in letter.to_text()


def test_markdown_and_dict(profile):
    letter = draft_reply(make_ctx("withhold.query_matter"), profile)
    md = letter.to_markdown()
    assert md.startswith("# 示例市自然资源和规划局政府信息公开申请答复书")
    assert "**示例规资信复〔2025〕12号**" in md
    assert letter.citation in md
    assert "审核提示（不属于文书正文）" in md
    d = letter.to_dict()
    assert d["code"] == "withhold.query_matter" and d["remedy"] == "B" and d["text"] == letter.to_text()


def test_unknown_code_and_bad_context():
    with pytest.raises(KeyError):
        draft_reply(ReplyContext(code="nope"), load_profile())
    with pytest.raises(ValueError, match="不是有效日期"):
        ReplyContext(code="disclose", received="2025/13/40")
    with pytest.raises(ValueError, match="未知字段"):
        ReplyContext(code="disclose", other_agency={"nmae": "x"})


# --- procedural notices ----------------------------------------------------------------------


def test_correction_notice(profile):
    short = dataclasses.replace(profile, correction_period_days=10)
    ctx = make_ctx("other.correction", correction_due="2025-03-21", correction_notice_due="2025-03-12",
                   today="2025-03-06")
    letter = draft_correction_notice(ctx, short)
    text = letter.to_text()
    assert letter.title == "示例市自然资源和规划局政府信息公开申请补正告知书"
    assert "一次性告知" in text
    assert "申请人的身份证明" in text
    assert "名称、文号或者便于本机关查询的其他特征性描述" in text
    assert "自收到本告知书之日起10个工作日内（即2025年3月21日前）" in text
    assert "无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请" in text
    assert "答复期限自本机关收到补正的申请之日起计算" in text
    assert citation_string("other.correction") in text
    assert "行政复议" not in text
    assert not any("7个工作日" in n for n in letter.notes)
    late = draft_correction_notice(make_ctx("other.correction", correction_notice_due="2025-03-12",
                                            correction_requested="2025-03-05"), profile)
    assert any("7个工作日" in n for n in late.notes)
    assert any("一次性告知" in n for n in late.notes)


def test_correction_notice_names_each_free_text_element(profile):
    ctx = make_ctx("other.correction", missing=["请明确所申请规划许可证对应的地块名称或许可证编号"])
    text = draft_correction_notice(ctx, profile).to_text()
    assert "1．请明确所申请规划许可证对应的地块名称或许可证编号。" in text


def test_extension_notice(profile):
    ctx = make_ctx("disclose", due="2025-03-31", extended_due="2025-04-29", extension_days=20,
                   extension_reason="所申请信息涉及多个科室且年代久远，需调档核查")
    letter = draft_extension_notice(ctx, profile)
    text = letter.to_text()
    assert "经本机关政府信息公开工作机构负责人同意" in text
    assert "答复期限延长20个工作日" in text
    assert "将于2025年4月29日前作出答复" in text
    assert "20个工作日内（即2025年3月31日前）" in text
    assert f"{L}第三十三条第二款" in text
    assert letter.doc_number.startswith("示例规资信延〔2025〕")
    with pytest.raises(ValueError, match="最长20个工作日"):
        make_ctx("disclose", extension_days=25)


def test_third_party_letter(profile):
    ctx = make_ctx("withhold.third_party", third_party={"name": THIRD_PARTY, "what": "示例项目投标文件",
                                                        "why": "商业秘密（投标报价明细）"})
    letter = draft_third_party_letter(ctx, profile)
    text = letter.to_text()
    assert letter.salutation == f"{THIRD_PARTY}："
    assert "自收到本函之日起15个工作日内" in text
    assert "不同意公开的，请具体说明理由" in text
    assert "逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开" in text
    assert "视为同意" not in text
    assert f"{L}第三十三条第三款" in text
    assert f"{L}第三十二条" in text
    assert "征求意见回执" in text and "□ 同意公开" in text and "□ 不同意公开。理由" in text
    # minimal personal data: nothing about the applicant
    assert APPLICANT not in text and "YSQ-2025-0007" not in text


def test_applicant_data_never_in_third_party_letter_even_without_details(profile):
    letter = draft_third_party_letter(make_ctx("withhold.third_party", third_party=None), profile)
    assert APPLICANT not in letter.to_text()
    assert "【待填写：第三方名称或姓名】" in letter.placeholders
    own = make_ctx("withhold.third_party", third_party=None, items=[f"{APPLICANT}与邻居的土地权属争议调查材料"])
    text = draft_third_party_letter(own, profile).to_text()
    assert APPLICANT not in text and "“申请人与邻居的土地权属争议调查材料”" in text


# --- .docx -----------------------------------------------------------------------------------


def _east_asian(run) -> str | None:
    rfonts = run._element.rPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rFonts")
    return rfonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")


def test_docx_opens_and_contains_citation_remedy_and_review_body(tmp_path, profile):
    letter = draft_reply(make_ctx("withhold.process_info"), profile)
    path = write_docx(letter, tmp_path / "out" / "答复书.docx")
    d = docx.Document(str(path))
    texts = [p.text for p in d.paragraphs]
    body = "\n".join(texts)
    assert citation_string("withhold.process_info") in body
    assert letter.remedy_text in texts
    assert profile.review_body in letter.remedy_text
    assert texts[0] == letter.title and texts[1] == letter.doc_number
    title, number = d.paragraphs[0], d.paragraphs[1]
    assert title.alignment == 1 and number.alignment == 1  # centred
    assert _east_asian(title.runs[0]) == TITLE_FONT and title.runs[0].font.size == Pt(22)
    body_p = next(p for p in d.paragraphs if p.text == letter.remedy_text)
    assert _east_asian(body_p.runs[0]) == BODY_FONT and body_p.runs[0].font.size == Pt(16)
    assert body_p.paragraph_format.first_line_indent == Pt(32)
    closing = next(p for p in d.paragraphs if p.text == profile.name)
    assert closing.alignment == 2  # right
    s = d.sections[0]
    margins = (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)
    assert [round(m.mm, 1) for m in margins] == [37, 35, 28, 26]  # stored in twips: compare in mm
    assert round(s.page_width.mm) == 210 and round(s.page_height.mm) == 297


def test_docx_headings_in_heiti_and_receipt_appendix(tmp_path, profile):
    letter = draft_reply(make_ctx("unavailable.not_held"), profile)
    d = docx.Document(str(write_docx(letter, tmp_path / "a.docx")))
    heading = next(p for p in d.paragraphs if p.text == "检索情况")
    assert _east_asian(heading.runs[0]) == HEADING_FONT
    tp = draft_third_party_letter(make_ctx("withhold.third_party"), profile)
    d = docx.Document(str(write_docx(tp, tmp_path / "b.docx")))
    assert any("□ 同意公开" in p.text for p in d.paragraphs)


# --- profile ---------------------------------------------------------------------------------


def _profile_dict() -> dict:
    return yaml.safe_load(Path(load_profile().source).read_text(encoding="utf-8"))


def test_default_profile(profile):
    assert profile.name == "示例市自然资源和规划局"
    assert profile.review_body == "示例市人民政府"
    assert profile.agency_type == "department" and profile.counting == "next_day"
    assert profile.correction_period_days == 15
    assert profile.prefix_for("extension") == "示例规资信延" and profile.prefix_for("reply") == "示例规资信复"
    assert profile.report_row("other.special_procedure") == "（六）3.其他"
    assert profile.report_row("disclose") == "（一）予以公开"
    changed = dataclasses.replace(profile, report_rows={"other.special_procedure": "（三）8.属于行政查询事项"})
    assert changed.report_row("other.special_procedure") == "（三）8.属于行政查询事项"


def _write_profile(tmp_path: Path, data) -> Path:
    p = tmp_path / "profile.yaml"
    p.write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return p


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"agency_type": "ministry"}, "agency_type"),
        ({"counting": "tomorrow"}, "counting"),
        ({"correction_period_days": 0}, "correction_period_days"),
        ({"correction_period_days": "十五"}, "correction_period_days"),
        ({"doc_prefix": "示例规资信复〔2025〕"}, "doc_prefix"),
        ({"report_rows": {"other.special_procedure": "（九）其他"}}, "report_rows"),
        ({"report_rows": {"other.unknown": "（六）3.其他"}}, "report_rows"),
        ({"mass_request": {"per_month": -1}}, "mass_request"),
        ({"contact_phone": "打电话"}, "contact_phone"),
        ({"nmae": "x"}, "nmae"),
        ({"name": ""}, "name"),
    ],
)
def test_invalid_profile_field_named(tmp_path, change, field):
    p = _write_profile(tmp_path, {**_profile_dict(), **change})
    with pytest.raises(ProfileError) as exc:
        load_profile(p)
    assert str(p) in str(exc.value) and f"“{field}”" in str(exc.value)


@pytest.mark.parametrize("missing", ["name", "review_body", "agency_type", "doc_prefix"])
def test_missing_profile_field_named(tmp_path, missing):
    data = _profile_dict()
    del data[missing]
    p = _write_profile(tmp_path, data)
    with pytest.raises(ProfileError, match=f"“{missing}”.*缺失"):
        load_profile(p)


def test_malformed_profile_yaml_and_missing_file(tmp_path):
    p = _write_profile(tmp_path, "name: 示例\n  review_body: [x\n")
    with pytest.raises(ProfileError, match="不是有效的 YAML"):
        load_profile(p)
    p = _write_profile(tmp_path, "- 只是列表\n")
    with pytest.raises(ProfileError, match="映射"):
        load_profile(p)
    with pytest.raises(ProfileError, match="不存在"):
        load_profile(tmp_path / "none.yaml")


def test_letter_is_a_plain_dataclass():
    letter = Letter(kind="reply", title="T", doc_number="N", salutation="S：", paragraphs=["正文"],
                    closing_agency="A", closing_date="2025年1月2日")
    assert letter.closing == ("A", "2025年1月2日")
    assert "\u3000\u3000正文" in letter.to_text()
