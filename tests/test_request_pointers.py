"""A short request that only points back ("请提供复印件。") asks for what the sentence before it names."""

from __future__ import annotations

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.request import parse_request


def test_a_pointer_sentence_takes_the_record_named_before_it():
    text = "听说县档案馆有民国时期的教职员名册，我想查一下有没有我爷爷的名字。请提供复印件。"
    items = parse_request(text).items
    assert len(items) == 1 and "教职员名册" in items[0].text
    out = run_review(text, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    assert out["reply"]["code"] != "other.correction"  # the record is named: nothing to 补正


def test_a_request_that_names_its_record_is_left_alone():
    items = parse_request("我去年申请过一次。申请公开某项目的批复文件。").items
    assert [i.text for i in items] == ["申请公开某项目的批复文件"]


def test_a_long_sentence_is_not_a_pointer():
    text = "我家的房子被拆了。我去派出所问，民警说是按规定办的，我要看材料，他们说要走信息公开。"
    assert "房子被拆了" not in parse_request(text).items[0].text


def test_if_you_have_it_please_disclose_points_back():
    text = "你们有没有关于某地块收储的批复文件？有的话请公开。"
    items = parse_request(text).items
    assert len(items) == 1 and "收储的批复文件" in items[0].text
    out = run_review(text, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    assert out["reply"]["code"] == "disclose"


def test_an_applicant_line_is_never_an_antecedent():
    assert [i.text for i in parse_request("申请人：张三。请公开。").items] == ["请公开"]


def test_a_polite_question_for_a_copy_points_back():
    text = "请问2024年我市义务教育招生的政策文件在哪里能看到？能否寄一份给我？"
    items = parse_request(text).items
    assert len(items) == 1 and "招生的政策文件" in items[0].text
    out = run_review(text, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    assert out["reply"]["code"] != "other.consultation"  # where to get a named record: a request for it


def test_a_polite_question_that_names_its_own_record_is_not_a_pointer():
    items = parse_request("我们小区的事情拖了很久。能否寄给我小区的规划总平面图？").items
    assert len(items) == 1 and "规划总平面图" in items[0].text and "拖了很久" not in items[0].text
