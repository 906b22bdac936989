"""What the review reads in a pasted request: the applicant's own particulars are not a third party's, and an
applicant's statement that the information is already published points to 第三十六条第（一）项."""

from __future__ import annotations

import datetime as dt

from faker import Faker

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.outcome import published_claim
from reviewer.decide.request import without_particulars

fake = Faker("zh_CN")
Faker.seed(20261206)


def _review(text: str):
    return run_review(text, ReviewOptions(use_model=False, applicant_on_file=True, received=dt.date(2026, 11, 20),
                                          today=dt.date(2026, 11, 22))).to_dict()


def _masked_name() -> str:
    return fake.last_name() + "某"


def test_the_applicants_own_line_is_not_a_third_partys_personal_information():
    body = "申请公开2021年度部门预算。"
    text = f"申请人：{_masked_name()}，身份证号：{fake.ssn()}，联系电话：{fake.phone_number()}\n{body}"
    assert without_particulars(text) == body
    data = _review(text)
    assert not any(g["named"] and g["ground"] == "privacy" for g in data["request_grounds"])
    assert data["reply"]["code"] != "withhold.third_party"
    # a third party named in the request itself still is one
    other = _review(f"申请人：{_masked_name()}\n申请公开邻居{_masked_name()}的身份证号码和家庭住址。")
    assert any(g["named"] and g["ground"] == "privacy" for g in other["request_grounds"])


def test_a_request_without_particulars_lines_is_read_whole():
    text = "申请公开2021年度部门预算。\n请以电子邮件方式提供。"
    assert without_particulars(text) == text


def test_an_applicant_saying_it_is_published_gets_the_published_answer_to_verify():
    data = _review("申请公开你局网站上已经公布的2021年部门预算。")
    assert data["reply"]["code"] == "disclose.published"
    assert data["reply"]["pending"]  # verify first: the letter keeps a 【待填写】 for where it was published
    assert any("第三十六条第（一）项" in r and "核实" in r for r in data["reply"]["reasons"])
    assert "【待填写" in data["letter"]["text"]


def test_published_claims_and_non_claims():
    assert published_claim("申请公开已经在区政府网站公开发布的征收补偿方案")
    assert published_claim("该决定已在政府公报刊登")
    assert published_claim("申请公开尚未发布的会议纪要") is None
    assert published_claim("申请公开2021年部门预算") is None
    assert _review("申请公开2021年部门预算。")["reply"]["code"] != "disclose.published"


def test_an_applicant_saying_it_can_be_found_online_is_a_claim_to_verify_not_a_question():
    assert published_claim("请把你们印发的管理办法寄一份给我，这个文件网上能查到。") == "网上能查到"
    assert published_claim("你们官网上就能下载") == "官网上就能下载"
    assert published_claim("这个文件网上能查到吗？") is None
    assert published_claim("这个文件网上查不到，请寄给我。") is None
    data = _review("请把你们印发的《某市住房保障管理办法》寄一份给我，这个文件网上能查到。")
    assert data["reply"]["code"] == "disclose.published"
    assert any("网上能查到" in r for r in data["reply"]["reasons"])


LETTER = """政府信息公开申请书
示例县人民政府：
    我是示例镇示例村村民，现申请公开以下信息：
    一、示例镇2015年对我家养殖场实施强制拆除的决定书；
    二、该次拆除所依据的土地审批文件；
    三、强拆过程中形成的现场笔录和影像资料。
    另外，请县政府责令镇政府尽快给我家补偿，并追究相关人员责任。
    以上信息请以纸质方式邮寄给我。
                                  申请人：{name}
"""


def test_a_complaint_after_the_last_numbered_item_is_not_part_of_it():
    from reviewer.decide.request import parse_request

    text = LETTER.format(name=_masked_name())
    items = parse_request(text).items
    assert [i.text for i in items][2] == "强拆过程中形成的现场笔录和影像资料"
    outcome = run_review(text, ReviewOptions(use_model=False, applicant_on_file=True))
    codes = outcome.decision.item_codes
    assert len(codes) == 4 and codes[3] == "no_action.petition"
    assert "no_action.petition" not in codes[:3]  # the 现场笔录 item is answered as information


def test_a_last_item_wrapped_over_two_lines_keeps_its_second_line():
    from reviewer.decide.request import parse_request

    text = "申请公开：\n一、征收决定；\n二、强拆过程中形成的\n现场笔录和影像资料。\n"
    items = parse_request(text).items
    assert len(items) == 2 and items[1].text == "强拆过程中形成的 现场笔录和影像资料"


def test_questions_that_demand_named_records_ask_for_the_records():
    from reviewer.decide.leanings import settle_consultation
    from reviewer.decide.triage import TriageResult

    leaning = {"other.consultation": 0.6, "ordinary": 0.4}
    result = TriageResult(probabilities=leaning, rule_scores={}, classifier=dict(leaning))
    text = "这条路当初是谁批准修的，花了多少钱，承包的是哪个公司，合同在哪里，请你们把这些都公开出来！"
    settled, note = settle_consultation(result, text)
    assert "other.consultation" not in settled.probabilities and settled.probabilities["ordinary"] == 1.0
    assert note and "第三十条" in note
    for question in ("请问我家的房子是哪一年被划入拆迁范围的？",  # no demand for a record
                     "申请公开：我家房屋被认定为违建是否合法？",  # a demand, but no record named
                     # a law's title is not a record: asked how to read it, the request stays a consultation
                     "申请公开贵局对《中华人民共和国土地管理法》第四十七条如何理解的解释",
                     # the "information" asked for is a why- or legality question; the norm inside it is not a record
                     "申请公开“征收我家房屋时为什么没有入户调查，该做法是否违反《国有土地上房屋征收与补偿条例》的规定”",
                     "申请公开“被告给予原告的征收补偿金额是否偏低，是否符合国家规定的标准”"):
        assert settle_consultation(result, question) == (result, None)
    # a record named after the question word is still a record
    assert settle_consultation(result, "申请公开贵局是否对某公司作出处罚决定的决定书")[1]
    # a record named beside the law is still a record
    assert settle_consultation(result, "申请公开贵局依据《土地管理法》作出的征地批复，并解释该批复的含义")[1]
    assert _review(text)["reply"]["code"] != "other.consultation"
    # "给我们看看": asked to be shown the records, in everyday words
    plain = "请问这个项目是谁批的？环评做了没有？请把环评批复和规划许可给我们看看。"
    assert settle_consultation(result, plain)[1]
    assert _review(plain)["reply"]["code"] != "other.consultation"


def test_a_lawyers_letter_speaking_of_the_client_does_not_name_the_applicant_after_a_phrase():
    from reviewer.decide.request import parse_request

    text = "示例律师事务所接受委托，为维护委托人合法权益，现申请公开示例片区的规划许可证。"
    assert parse_request(text).applicant.name is None
    assert parse_request(f"委托人：{_masked_name()}，申请公开示例片区的规划许可证。").applicant.name


def test_a_form_layouts_particulars_heading_is_not_the_name():
    from reviewer.decide.request import parse_request

    name = _masked_name() + "某"
    text = (f"政府信息公开申请表\n申请人信息：\n  姓名：{name}    证件类型：身份证    证件号码：略\n"
            "所需信息的内容描述：2017年示例村5组村民会议决议。\n")
    assert parse_request(text).applicant.name == name


def test_the_letter_quotes_the_place_an_item_is_about_but_masks_personal_numbers():
    mobile = fake.phone_number()
    data = _review(f"申请公开2017年示例村5组村民会议决议，以及联系人手机{mobile}的登记信息。")
    letter = data["letter"]["text"]
    assert "示例村5组村民会议决议" in letter
    assert mobile not in letter


def test_narrative_verbs_headings_and_company_letters_name_the_right_applicant():
    from reviewer.decide.request import parse_request

    restated = ("申请人称：2019年8月，申请人向被申请人提出政府信息公开申请，要求公开示例区2018年第12次常务会议纪要。"
                "被申请人于2019年9月作出答复，申请人不服，提起行政复议。")
    assert parse_request(restated).applicant.name is None  # not "不服"
    company = fake.company()
    letter = f"示例市市场监督管理局：\n我公司（{company}）现申请公开贵局对我公司产品的抽样检验报告。\n{company}（盖章）\n"
    applicant = parse_request(letter).applicant
    assert applicant.organisation == company and applicant.kind == "organisation"
    name = _masked_name()
    mail = f"发件人：{name}\n主题：信息公开申请\n你好，我想申请公开一下我们小区2019年维修基金的使用明细。"
    assert parse_request(mail).applicant.name == name
    assert "“一下" not in _review(mail)["letter"]["text"]


def test_a_restatement_reads_the_request_not_the_agencys_answer_or_a_threat():
    from reviewer.decide.request import parse_request

    restated = ("原告持其十年前取得的《拆迁安置协议》复印件，向被告申请确认该协议的真实性。"
                "被告答复称该申请不属于政府信息公开申请。")
    [item] = parse_request(restated).items
    assert "确认该协议的真实性" in item.text and "被告答复" not in item.text
    letter = ("你们好！我是示例村的村民，去年村里修路占了我家的地。我想看看镇里给村里拨付补偿款的凭证。"
              "如果你们不公开，我就去上访。")
    items = parse_request(letter).items
    assert items and "拨付补偿款的凭证" in items[0].text


def test_everyday_descriptions_a_search_can_use_are_characteristic():
    from reviewer.decide.description import has_characteristic

    for text in ("请把拆我家房子的那个决定书复印一份给我",  # a modifier ending in 的 points at one record
                 "能否提供一下2024年区里发的那个关于停车收费的文件？",  # subject + year / issuer
                 "申请公开2023年本市殡葬补贴政策文件"):
        assert has_characteristic(text), text
    for text in ("把那个文件给我", "请提供关于停车收费的文件", "相关决定书"):  # hedged, or a subject alone
        assert not has_characteristic(text), text
    assert _review("能否提供一下2024年区里发的那个关于停车收费的文件？")["reply"]["code"] != "other.correction"


def test_an_everyday_ask_followed_by_a_question_is_two_items():
    data = _review("我要查一下我家房子的评估报告，评估公司是怎么算的？")
    items = data["request"]["items"]
    assert [i["code"] for i in items][-1] == "other.consultation" and len(items) == 2
    assert items[0]["text"].endswith("评估报告") and items[0]["code"] != "other.consultation"


def test_a_question_then_a_demand_for_a_named_record_asks_for_the_record():
    from reviewer.decide.mixed import split_question_tail
    from reviewer.decide.triage import load_cues

    text = "中标那家公司报的价是多少？把他们的投标报价单给我看看。"
    ask, question, nature = split_question_tail(text, load_cues())
    assert ask == "把他们的投标报价单给我看看" and question.startswith("中标那家公司") and nature == "other.consultation"
    for request, code in ((text, "withhold.third_party"),  # a bidder's prices: a trade secret to consult on
                          ("你们开会研究我们小区拆迁的时候是怎么说的？把会议记录给我。", "withhold.process_info")):
        assert _review(request)["reply"]["code"] == code, request
    # a question alone stays a question
    assert split_question_tail("中标那家公司报的价是多少？", load_cues()) is None
