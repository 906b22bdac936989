"""Context words are words, not substrings: "其" in 其中/其他 is not the pronoun, "女" in 妇女/子女 is not a
woman (reviewer.detect.recognizers.NOT_CONTEXT)."""

from __future__ import annotations

import pytest

from reviewer.detect.recognizers import _has_word, hits_for
from reviewer.detect.rulebook import load_rules


def _rule(code: str):
    return next(r for r in load_rules() if r.code == code)


@pytest.mark.parametrize(("segment", "word", "expected"), [
    ("其本人于去年", "其", True),
    ("全年查处276人，其中", "其", False),
    ("及其他人员", "其", False),
    ("尤其是其家属", "其", True),  # the second 其 is the pronoun
    ("妇女儿童工作", "女", False),
    ("李某，女，45岁", "女", True),
    ("男女比例", "男", False),
    ("身份证号", "身份证", True),  # words without compounds: plain substring
    ("执法人员应当出示证件", "应当", True),
    ("你应当如实回答询问", "应当", False),  # a duty told to the party inside a record, not a rule text
    ("开展执法人员业务培训", "培训", True),
    ("某某培训学校无证办学案", "培训", False),  # the party of a case, not a training course
])
def test_context_word_inside_a_compound_does_not_count(segment: str, word: str, expected: bool) -> None:
    assert _has_word(segment, word) is expected


def test_criminal_record_rule_needs_a_person_not_a_statistic() -> None:
    rule = _rule("PRV013")
    assert not hits_for(rule, "全年受理治安案件312起，其中行政拘留89人。")
    assert hits_for(rule, "其本人于2020年被行政拘留十日。")


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("申请人申请公开的“专家评审会会议记录”系内部讨论材料。", "会议记录", True),
    ("原告向被告申请公开以下信息：“2019年度工作人员考勤记录”。", "考勤", True),
    ("关于原告要求公开的中标企业投标文件中的分项报价，本院认为", "分项报价", True),
    ("2019年3月5日局长办公会议纪要：一、关于征收补偿方案", "会议纪要", False),
    ("申请公开已办结。会议纪要载明如下意见", "会议纪要", False),  # another sentence: the minutes themselves
    ("申请人要求被申请人公开其报警后的接处警记录。", "接处警记录", True),  # the body asked sits inside the verb
    ("原告请求被告提供2020年的会议纪要。", "会议纪要", True),
    ("申请人提交的询问笔录载明", "询问笔录", False),  # 申请人 is not the verb 申请
    ("执法人员要求当事人提供进货台账和销售记录。", "销售记录", False),  # an investigation asks the party
    # a clause spelling out the object continues the request's clause; a new clause or sentence does not
    ("原告向被告申请公开该案全部案卷材料，包括询问笔录、现场检查笔录及集体讨论记录。", "集体讨论记录", True),
    ("申请人申请公开征收补偿档案，即分户评估报告和补偿协议。", "补偿协议", True),
    ("申请人申请公开征收决定，被告作出集体讨论记录后答复。", "集体讨论记录", False),
    ("原告申请公开征收决定。包括询问笔录在内的案卷已归档。", "询问笔录", False),
])
def test_a_requested_document_is_a_reference_not_the_document(text: str, word: str, expected: bool) -> None:
    from reviewer.detect.recognizers import names_requested

    assert names_requested(text, text.index(word)) is expected


def test_minutes_rule_skips_the_title_of_requested_minutes_but_not_minutes() -> None:
    rule = _rule("PRC003")
    assert not hits_for(rule, "你申请公开的“2018年5月征地协调会会议纪要”，经检索本机关未制作。")
    assert hits_for(rule, "2018年5月征地协调会会议纪要\n会议认为，补偿标准暂按原方案执行，待区政府研究后再定。")


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("对于调查过程中形成的询问笔录、现场勘查笔录等执法案卷材料，依法不予公开。", "询问笔录", True),
    ("讨论记录、过程稿、磋商信函、请示报告等过程性信息可以不予公开。", "讨论记录", True),
    ("证据三，对当事人的询问笔录两份；证据四，抽样检验报告。", "询问笔录", True),
    ("询问笔录\n问：你的姓名？\n答：王某。", "询问笔录", False),
    ("附件：询问笔录、现场检查笔录。", "询问笔录", False),  # attached documents, no class noun
    # a kind referring back to a document named before (judgments, replies): a discussion, not the document
    ("本院认为，该会议纪要记载的补偿标准已对外发生效力。", "会议纪要", True),
    ("上述询问笔录均由被询问人签名确认。", "询问笔录", True),
    ("区长办公会议纪要\n会议议定：暂缓启动二期工程。", "会议纪要", False),
])
def test_a_kind_in_a_class_list_or_evidence_list_is_named_not_shown(text: str, word: str, expected: bool) -> None:
    from reviewer.detect.recognizers import names_kind

    start = text.index(word)
    assert names_kind(text, start, start + len(word)) is expected


@pytest.mark.parametrize(("text", "word", "expected"), [
    # what a kind of document is (a reply's or a decision's reasoning), not the document
    ("被申请人答复称，接警记录系公安机关办理刑事案件中形成，不属于政府信息。", "接警记录", True),
    ("所申请的会议纪要属于内部管理信息。", "会议纪要", True),
    ("询问笔录系被询问人本人签名确认。", "询问笔录", False),  # a record's own attestation
    ("内部办公系统账号", "内部办公", False),  # 系统 is not the verb 系
    ("内部资料属于工作秘密，严禁外传。", "内部资料", False),  # a marking, not a kind classified as information
    # a work report counting documents issued, in a sentence that counts other things too
    ("专项检查以来共检查企业210家，下达责令改正通知书36份。", "责令改正通知书", True),
    ("当场向当事人送达责令改正通知书1份。", "责令改正通知书", False),  # one document served in one case
])
def test_a_kind_classified_or_counted_is_named_not_shown(text: str, word: str, expected: bool) -> None:
    from reviewer.detect.recognizers import names_kind

    start = text.index(word)
    assert names_kind(text, start, start + len(word)) is expected


def test_a_heading_that_says_public_version_drops_the_hit_in_the_whole_document() -> None:
    rule = _rule("PRC003")
    assert "公开版" in rule.exclude.heading
    body = "会议听取了城区停车管理工作汇报。\n" * 3 + "会议讨论情况：对收费标准存在不同意见。"
    assert not hits_for(rule, "某县人民政府常务会议纪要\n（公开版）\n" + body)
    assert hits_for(rule, "某县人民政府常务会议纪要\n〔2024〕第6期\n" + body)
    # the mark counts only in the heading, not anywhere in a long document
    assert hits_for(rule, "某县人民政府常务会议纪要\n〔2024〕第6期\n" + body + "\n附：新闻稿（公开版）")


def test_heading_is_checked_and_only_for_exclude() -> None:
    from reviewer.detect.rulebook import _parse_window

    problems: list = []
    bad = lambda field, msg: problems.append((field, msg))  # noqa: E731
    assert _parse_window({"words": ["甲"], "heading": ["公开版"]}, "exclude", bad).heading == ["公开版"]
    _parse_window({"words": ["甲"], "heading": ["公开版"]}, "context", bad)
    _parse_window({"words": ["甲"], "heading": "公开版"}, "exclude", bad)
    assert [f for f, _ in problems] == ["context.heading", "exclude.heading"]


def test_pattern_rules_of_record_kind_grounds_skip_a_kind_that_is_only_named() -> None:
    """第十六条 grounds attach to the kind of record: a judgment quoting the article's list of kinds shows none of
    them; a request for instructions itself still does.  Content grounds keep their pattern hits."""
    from reviewer.screen.screening import Screener

    screener = Screener()
    quoted = ("本院认为，《中华人民共和国政府信息公开条例》第十六条第二款规定，行政机关在履行行政管理职能过程中形成的讨论记录、"
              "过程稿、磋商信函、请示报告等过程性信息以及行政执法案卷信息，可以不予公开。")
    assert "PRC004" not in {f.rule for f in screener.screen_text(quoted).findings}
    own = "关于调整示例村征地补偿标准的请示\n区人民政府：\n拟将补偿标准由每亩4.2万元调整为每亩5.1万元。妥否，请批示。"
    assert "PRC004" in {f.rule for f in screener.screen_text(own).findings}


def test_a_contact_line_demotes_a_mobile_number_to_review_and_says_why() -> None:
    """PRV002's ``demote``: a mobile after a notice's 联系人 stays a finding, for the officer to check, but no longer
    marks the file 建议不予公开; a private person's mobile in a record still does."""
    from reviewer.screen.screening import Screener

    screener = Screener()
    notice = "建设单位：示例化工有限公司；联系人：赵工，电话：13600001111。公众可在公示之日起10个工作日内提出意见。"
    [hit] = [f for f in screener.screen_text(notice).findings if f.rule == "PRV002"]
    assert hit.severity == "review" and hit.explanation.demoted_by == ["联系人"]
    assert "降为" in hit.explanation.summary
    # a mobile listed after the contact's office landline is still the notice's contact line
    notice = "联系人：钱工，联系电话：0571-86660000，13600001111。"
    [hit] = [f for f in screener.screen_text(notice).findings if f.rule == "PRV002"]
    assert hit.severity == "review" and hit.explanation.demoted_by == ["联系人"]
    record = "被询问人：赵某某，男，住示例村三组，联系电话13600001111。"
    [hit] = [f for f in screener.screen_text(record).findings if f.rule == "PRV002"]
    assert hit.severity == "withhold" and not hit.explanation.demoted_by


def test_a_demote_window_must_lower_the_severity(tmp_path) -> None:
    from reviewer.detect.rulebook import check_rule_files

    path = tmp_path / "privacy.yaml"
    path.write_text(
        "category: privacy\nbasis: 第十五条\nrules:\n"
        "  - {code: TST001, name: t, kind: keywords, keywords: [病历], score: 0.5, severity: review, status: stable,\n"
        "     message: m, doc: d, examples: {match: [病历], no_match: [无]},\n"
        "     demote: {words: [联系人], window: 10, severity: withhold}}\n", encoding="utf-8")
    _rules, problems = check_rule_files([path])
    assert any(p.field == "demote" for p in problems), [str(p) for p in problems]


def test_a_contact_with_an_office_landline_is_not_a_private_name_whatever_its_length() -> None:
    """PRV010 skips a notice's 联系人 followed by an office landline; the rule's anchor window must reach the area code
    also after a three-character name and 联系电话 (it stopped 12 characters after 联系人)."""
    from reviewer.screen.screening import Screener

    screener = Screener()
    for notice in ("采购人：示例县某镇人民政府，联系人：何先生，联系电话：0571-82220000",
                   "联系人：欧阳明华，办公电话：（0571）82220000。"):
        assert "PRV010" not in {f.rule for f in screener.screen_text(notice).findings}, notice
    private = "联系人：欧阳明华，男，住示例村三组，联系电话：0571-82220000。"
    assert "PRV010" in {f.rule for f in screener.screen_text(private).findings}
