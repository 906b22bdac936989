"""What the review copy masks pending review, the 部分公开 letter holds a place for.

The copy masks every span still awaiting review (【待审核…】).  A letter listing only the sure spans would tell the
applicant less was withheld than the copy withholds: the letter holds a 【待填写】 sentence for each pending part,
naming the kind of information (never its text), to confirm with reasons or to delete."""

from __future__ import annotations

import datetime as dt

from faker import Faker

from reviewer.app.pipeline import ReviewOptions, run_review, write_redacted

fake = Faker("zh_CN")
Faker.seed(20261206)


def _review(text, doc):
    return run_review(text, ReviewOptions(docs=[doc], use_model=False, applicant_on_file=True,
                                          received=dt.date(2026, 11, 20), today=dt.date(2026, 11, 22)))


def _report(tmp_path):
    name, phone, ssn = fake.name(), fake.phone_number(), fake.ssn()
    doc = tmp_path / "处理情况报告.txt"
    doc.write_text(f"关于某餐饮店被投诉一事的处理情况报告\n2026年9月3日，我局接到投诉人{name}（联系电话：{phone}，"
                   f"身份证号：{ssn}）反映某餐饮店油烟扰民。\n执法人员现场检查后责令该店限期整改，9月22日复查已整改到位。\n",
                   encoding="utf-8")
    return doc, name, phone, ssn


def test_a_part_masked_pending_review_has_a_place_in_the_letter(tmp_path):
    doc, name, phone, ssn = _report(tmp_path)
    outcome = _review("申请公开你局对我店被投诉一事的处理情况报告。", doc)
    assert outcome.decision.code == "partial"
    letter = outcome.to_dict()["letter"]["text"]
    assert "“第三方的手机号码”属于个人隐私" in letter and "“第三方的公民身份号码”属于个人隐私" in letter
    assert "【待填写：“第三方的自然人姓名”待审核：不予公开的写明理由和依据，可公开的删去】" in letter
    for value in (name, phone, ssn):
        assert value not in letter
    # the copy does mask that name, pending review: the letter and the copy agree
    written = write_redacted(outcome, tmp_path / "copies")
    copy = next(p for p in written if p.name.endswith(".txt") and "说明" not in p.name).read_text(encoding="utf-8")
    assert name not in copy and "【待审核" in copy
    # a pending part is not yet a ground: the citations stay those of the sure parts
    assert outcome.to_dict()["reply"]["citations"].endswith("第三十七条、第十五条")
    # staff are told how many parts of the copy are masked pending review
    pending = copy.count("【待审核")
    assert any(f"另有 {pending} 处待审核" in r for r in outcome.to_dict()["reply"]["reasons"])


def test_no_placeholder_when_every_masked_span_is_sure(tmp_path):
    doc = tmp_path / "名单.txt"
    doc.write_text(f"补助发放记录\n身份证号：{fake.ssn()}，手机：{fake.phone_number()}，补助金额3000元。\n", encoding="utf-8")
    outcome = _review("申请公开2025年度补助发放记录。", doc)
    assert outcome.decision.code == "partial"
    letter = outcome.to_dict()["letter"]["text"]
    assert "待审核：不予公开的写明理由和依据" not in letter
    assert not any("处待审核" in r for r in outcome.to_dict()["reply"]["reasons"])
    assert "“第三方的公民身份号码”属于个人隐私" in letter


def test_a_complainant_with_a_less_frequent_surname_is_still_a_name():
    from reviewer.detect.validators import person_name

    for name in ("敬桂英", "鞠晓东", "卿永红", "邝晓莉", "芮志远"):
        assert person_name(name).valid is not False, name
    for words in ("洪水中", "楼道内", "宿舍区", "班子成"):  # an everyday word after one of the added surnames
        assert person_name(words).valid is False, words
