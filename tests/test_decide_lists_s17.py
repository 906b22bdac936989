"""Lists written in more ways (round 2, session 17): a restatement quoting "A、B，以及C", a question after an inline list,
lines after "下面这几样材料：" or "以下信息（…）：", records separated by "；" in a content field, and a person's
particulars that stay with their record.  Fictional names."""

from __future__ import annotations

import pytest
from review_helpers import reviewed_with_model as _review

from reviewer.decide.record_lists import _record_parts
from reviewer.decide.request import parse_request


@pytest.mark.parametrize("text, withheld", [
    ("原告于2019年3月向被告某区人力资源和社会保障局申请公开“2018年度某区属事业单位公开招聘工作人员的招聘公告、拟聘用人员名单，"
     "以及全部报考人员的身份证号码和联系电话”。", "withhold.third_party"),
    ("申请人于2022年10月向被申请人某市人民政府申请公开“市政府关于某片区控制性详细规划局部调整的批复文件，以及市规划委员会审议该调整"
     "方案时的会议讨论记录”。", "withhold.process_info"),
    ("原告于2014年6月向被告申请公开“该举报案件的行政处罚决定书，以及被告对该商店经营者所作的调查询问笔录”。",
     "withhold.enforcement_file"),
])
def test_a_quoted_list_of_a_public_and_a_withheld_record_is_answered_in_part(text, withheld):
    data = _review(text)
    assert data["reply"]["code"] == "partial"
    assert withheld in [i["code"] for i in data["request"]["items"]]


def test_a_persons_particulars_and_bracketed_details_stay_with_their_record():
    assert _record_parts("招聘公告、全部报考人员的身份证号码和联系电话") == ["招聘公告", "全部报考人员的身份证号码和联系电话"]
    assert len(_record_parts("该项目的房屋征收补偿方案，以及全部被征收人的分户补偿明细表（包括各户姓名、身份证号码、补偿金额及银行账号）")) == 2


def test_a_question_after_an_inline_list_is_an_item_of_its_own():
    text = ("某市住房公积金管理中心：\n拟申请获取的信息：1、《某市住房公积金缴存管理办法（征求意见稿）》；2、该办法征求意见期间收到的公众"
            "意见汇总及采纳情况的说明；3、正式印发的《某市住房公积金缴存管理办法》。另请解释新办法为什么把灵活就业人员排除在自愿缴存范围之外。")
    items = _review(text)["request"]["items"]
    assert len(items) == 4 and items[-1]["code"] == "other.consultation"


@pytest.mark.parametrize("lead", ["我是某某滨河公园边上的居民，关于某某滨河公园建设工程，想申请下面这几样材料：", "申请公开以下信息（某市卫生健康委员会）："])
def test_lines_after_a_lead_are_the_items_up_to_a_turn(lead):
    text = (lead + "\n某某滨河公园建设工程环境影响报告表的审批意见\n某某滨河公园建设工程的建筑工程施工许可证\n"
            "某某医院心外科全部医师的执业注册信息\n另外，听说这个工地还欠着农民工的工资没发，请你们督促施工单位马上结清。")
    request = parse_request(text)
    assert len(request.items) == 3 and not any("另外" in i.text for i in request.items)


def test_records_separated_by_semicolons_in_a_content_field_are_items():
    text = ("申请内容：某县2024年义务教育阶段学校公开招聘教师公告；该次招聘的拟聘用人员公示名单；本人（准考证号240317）的面试成绩。\n"
            "提供方式：电子邮件")
    assert len(parse_request(text).items) == 3
    assert len(parse_request("申请公开某某决定书；该决定书作出时间约为2019年。").items) == 1
