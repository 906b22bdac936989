"""Steps 谁负责 and 有没有 told by a restatement (round 2, session 18): a write-up or decision that says the organ searched
and found nothing drafts 信息不存在 with a note to staff and the letter's search section left for the office's own
search; one that says another organ made the record drafts 非本机关负责公开.  A letter written to the organ that quotes
an earlier reply is never read this way.  Fictional names and places."""

from __future__ import annotations

import pytest
from review_helpers import reviewed_with_model as _review

from reviewer.decide.narrated import narrated_maker, narrated_search

SEARCHED = ("家长薛某于2023年10月向某区教育局申请公开“2019年对某小学教学楼所作的房屋安全鉴定报告”。区教育局检索了本局2018—2020年"
            "基建档案、校舍安全排查台账，并书面询问该校，均无相关记录；该教学楼2019年排查结论为“无需鉴定”，当年未委托任何鉴定机构。")
MADE_ELSEWHERE = ("2022年4月，沿河村民向某县生态环境局申请公开“某河某段河道采砂许可证及采砂范围图”。县生态环境局检索本局行政许可档案和"
                  "执法系统，均无相关许可；依照本县部门职责分工，河道采砂许可由县水利局审批发放。")


def test_a_told_search_that_found_nothing_drafts_not_held_with_a_note_and_no_borrowed_search_record():
    assert narrated_search(SEARCHED)
    data = _review(SEARCHED)
    assert data["reply"]["code"] == "unavailable.not_held"
    assert any("不是本机关的检索记录" in r for r in data["reply"]["reasons"])
    letter = data["letter"]["text"]
    assert "信息不存在" in letter
    assert "基建档案" not in letter  # the letter's search section is the office's to fill in
    assert "【待填写：检索关键词】" in letter


def test_a_told_maker_drafts_other_agency():
    assert narrated_maker(MADE_ELSEWHERE, "某县生态环境局") == "县水利局"
    data = _review(MADE_ELSEWHERE)
    assert data["reply"]["code"] == "unavailable.other_agency"
    assert any("县水利局" in r for r in data["reply"]["reasons"])


@pytest.mark.parametrize("text", [
    "某区教育局：贵局去年答复称经检索未找到该鉴定报告，但我听说做过鉴定，现再次申请公开2019年对某小学教学楼的房屋安全鉴定报告。",
    "原告申请公开某批复。被告称经检索未找到，本院认为被告未尽合理检索义务，应当重新答复。",
    "申请公开某小区2023年物业服务合同备案材料。",
])
def test_no_told_search_in_a_letter_to_the_organ_or_a_faulted_search(text):
    assert narrated_search(text) is None


def test_a_told_maker_needs_the_organ_to_say_it_does_not_hold_it():
    assert narrated_maker("申请公开由县水利局审批发放的河道采砂许可证。") is None
    assert narrated_maker("申请人称该许可由县水利局审批发放，县生态环境局检索后未获取该许可。", "县水利局") is None


OBJECTED = ("申请人朱某于2022年8月1日向某市人力资源和社会保障局递交申请，索取“同岗位同事严某、许某2018—2022年的社保缴费基数和缴费"
            "明细”。市人社局书面征求严某、许某意见，二人均于期限内书面不同意，理由是缴费基数直接反映个人收入。")
PART_OBJECTED = ("某食品厂于2023年5月向某市市场监管局申请公开竞争企业“某酱料厂的食品生产许可证及许可审查材料”。经书面征求意见，酱料厂"
                 "反对公开配方和工艺，对许可证和核查结论不持异议。")
PUBLISHED = ("申请人刘某于2024年1月10日通过网上平台提交申请，要求公开市人社局“关于公布2023年度全市城镇非私营单位在岗职工平均工资的通知”。"
             "市人社局核查，该通知已于2023年7月20日在局门户网站“政策文件”栏目发布。")


@pytest.mark.parametrize("text, code, opinion", [
    (OBJECTED, "withhold.third_party", "object"),
    (PART_OBJECTED, "partial", "partly"),
])
def test_a_told_objection_of_the_third_party_drafts_withholding_what_it_objects_to(text, code, opinion):
    from reviewer.decide.narrated import narrated_opinion

    assert narrated_opinion(text) == opinion
    data = _review(text)
    assert data["reply"]["code"] == code
    assert any("第三方" in r and "第三十二条" in r for r in data["reply"]["reasons"])


def test_a_told_publication_drafts_published():
    from reviewer.decide.narrated import narrated_published

    assert narrated_published(PUBLISHED)
    assert _review(PUBLISHED)["reply"]["code"] == "disclose.published"
    # the channel the application came through is no publication, nor is a notice taken down
    assert narrated_published("原告于2023年9月通过区政府网站向某区教育局申请公开某文件。") is None
    assert narrated_published("该名单于2022年9月在村务公开栏张贴公示7日，公示期满后已撤下，镇政府网站未登载。") is None


def test_a_told_publication_of_another_record_publishes_nothing_asked_for():
    from reviewer.decide.narrated import narrated_published

    text = ("居民苏某于2021年3月向某县生态环境局申请公开“该局查处某养殖场违法排放案件的询问笔录、现场勘察笔录”。该案已于2021年1月作出"
            "行政处罚决定，决定书已在该局网站公示。")
    assert narrated_published(text) is None
    named = ("申请人吴某要求被申请人某县人社局公开“拟聘用人员名单”。被申请人答复称，拟聘用人员名单已于2023年9月12日在县人社局网站"
             "“人事考试”栏目公示。")
    assert narrated_published(named)


def test_an_agencys_own_reply_letter_and_a_quoted_request_in_second_person_are_read():
    text = ("某区自然资源局政府信息公开申请答复书节录：您申请获取某学校新建工程的地质灾害危险性评估报告。本局在建设用地审批档案、地质灾害"
            "防治科业务档案中检索，均未发现该报告。")
    assert narrated_search(text)
    record = ("某区城市管理综合执法局依申请公开办理记录\n申请内容：“你局下发的禁止在某路夜市摆摊的专门文件”。\n检索范围：本局发文登记簿。\n"
              "检索结果：经检索，未发现专门针对某路夜市的禁止性文件。")
    assert narrated_search(record)
