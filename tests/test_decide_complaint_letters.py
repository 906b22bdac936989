"""Complaint letters sent as disclosure requests (round 2, session 17): the story told before the demands is not an
item, the office named in a greeting asks nothing, and a complaint lacks no description of information it does not
ask for.  Fictional names."""

from __future__ import annotations

from review_helpers import reviewed_with_model as _review


def _items(data: dict) -> list[tuple[str, str]]:
    return [(i["code"], i["text"]) for i in data["request"]["items"]]


def test_a_story_told_before_the_demands_is_not_an_item():
    data = _review("政府信息公开申请表\n申请人：冉某某\n所需政府信息的内容描述：\n"
                   "楼上602住户把阳台往外扩建了一米多，还在楼顶私搭了玻璃房，已经严重影响我家采光和房屋安全。"
                   "我从去年十月开始反映，城管来看过两次就没下文了。\n"
                   "我现在要求：一、城管部门立即依法拆除602的违建；二、对接到投诉后不作为的执法人员追究责任；三、十五日内给我书面答复处理结果。\n"
                   "用途：维护合法权益\n获取方式：邮寄")
    assert data["reply"]["code"] == "no_action.petition"
    items = _items(data)
    assert [code for code, _ in items] == ["no_action.petition"] * 3
    assert not any("阳台" in text for _, text in items)


def test_a_greeting_naming_the_office_is_not_the_request_and_a_complaint_needs_no_correction():
    data = _review("县政府信息公开办：\n我是某乡某村的老党员宋某某，身份证3624**********0519，电话157XXXX8820。\n"
                   "我要举报柯某某优亲厚友、贪污低保款，请政府派人下来彻查，把柯某某撤职查办。\n宋某某\n二〇二四年四月二号")
    assert data["reply"]["code"] == "no_action.petition"
    assert not any("信息公开办" in text for _, text in _items(data))


def test_a_demand_list_under_our_companys_strong_demand_continues_it():
    data = _review("申请事项：\n2024年8月16日上午，我司驾驶员在某收费站附近接受执法检查时，执法人员胡某态度恶劣。\n"
                   "我司强烈要求：1.胡某向我司驾驶员当面赔礼道歉；2.贵局对胡某依纪依规作出处分；3.赔偿车辆滞留造成的误工损失。")
    assert data["reply"]["code"] == "no_action.petition"
    assert [code for code, _ in _items(data)] == ["no_action.petition"] * 3


def test_a_records_item_beside_a_demand_for_money_is_kept():
    data = _review("现申请公开以下信息：\n（一）某路拓宽工程房屋征收决定及公告；\n（二）该工程的补偿资金拨付文件。\n"
                   "另外，请领导督促街道尽快把剩下的补偿款发给我。")
    codes = [code for code, _ in _items(data)]
    assert codes.count("no_action.petition") == 1 and len(codes) == 3


def test_a_restated_complaint_quoting_its_form_is_a_complaint():
    data = _review("车某在政府信息公开申请表“所需信息描述”栏写道：“某小区12栋顶楼住户私搭阳光房已半年，打了多次12345没人管。"
                   "要求城管局立即组织拆除，并对不作为的执法队员追责。”该表于2021年3月经某区人民政府信息公开网上平台提交。")
    assert data["reply"]["code"] == "no_action.petition"


def test_questions_listed_under_a_request_to_clarify_are_a_consultation():
    data = _review("某市生态环境局：\n我司拟在现有厂房内新增一条纸箱印刷生产线。\n现就以下问题请贵局予以明确：\n"
                   "一、该项目需要编制环境影响报告表，还是只需填报环境影响登记表？\n"
                   "二、适用《建设项目环境影响评价分类管理名录》的哪一大类、哪一项？\n三、如需审批，审批时限是多长？\n"
                   "请贵局书面答复，以便我司合规开展建设。")
    assert data["reply"]["code"] == "other.consultation"
    assert {code for code, _ in _items(data)} == {"other.consultation"}


def test_so_we_request_leads_a_list_of_demands():
    data = _review("某县财政局：\n成交供应商报价明显低于成本，属于恶意低价竞争。\n为此，我司请求：1.认定本次成交结果无效，责令采购人重新组织采购；"
                   "2.对相关责任人员依法处理；3.将处理结果书面答复我司。")
    assert data["reply"]["code"] == "no_action.petition"


def test_not_here_to_report_is_no_complaint_and_his_records_are_a_third_partys():
    data = _review("某区人力资源和社会保障局：\n我和储某某是同一家公司的同事。\n我不是来举报的，我只想看看材料：\n"
                   "一、储某某申请人才认定时提交的申请表；\n二、他的学历学位证书复印件；\n三、他与公司签订的劳动合同复印件。\n请寄到我家里。")
    codes = [code for code, _ in _items(data)]
    assert codes == ["withhold.third_party"] * 3
