"""Own matter (本人、本户的信息) versus the applicant only speaking of itself ("本人申请公开…").

An own matter lifts a document's third-party privacy redactions (the applicant's own data are not a third
party's privacy towards the applicant), so reading "本人申请公开邻居家的补偿协议" as an own matter would release a
neighbour's ID number.  The own-information cue (TRI030) and :func:`reviewer.decide.nature.own_matter` share one
definition, and a cue naming another person's information always wins."""

from __future__ import annotations

import datetime as dt

import pytest
from faker import Faker

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.app.pipeline import write_redacted as write_review_copies
from reviewer.decide.nature import own_matter
from reviewer.decide.triage import load_cues, rule_scores

fake = Faker("zh_CN")
Faker.seed(20261206)


@pytest.fixture(scope="module")
def cues():
    return load_cues()


OWN = [
    "申请公开本人的房屋征收补偿协议。",
    "原告于2022年3月申请公开其本人的安置协议。",
    "本人特殊工种提前退休的审批表及审核意见",
    "我家的宅基地审批材料",
    "申请人家庭的低保审批表",
]
NOT_OWN = [
    "本人申请公开邻居家的房屋征收补偿协议。",  # 本人 only applies; the record is a neighbour's
    "申请公开我的邻居王某的房屋征收补偿协议。",  # 我的 … but another person's record is named
    "本人系某村村民，申请公开村道硬化工程的验收报告。",  # identity, not own information
    "本人多次反映无果，现申请公开对该厂的处罚决定书。",
    "本人依据《政府信息公开条例》申请公开该项目的规划许可证。",
]


@pytest.mark.parametrize("text", OWN)
def test_own_information_is_an_own_matter(cues, text):
    assert own_matter(text, cues)


@pytest.mark.parametrize("text", NOT_OWN)
def test_the_applicant_speaking_of_itself_is_not_an_own_matter(cues, text):
    assert not own_matter(text, cues)


def test_the_cue_and_own_matter_agree_where_no_other_person_is_named(cues):
    own_cue = next(c for c in cues if c.name == "own-information")
    for text in OWN + NOT_OWN[2:]:
        fired = any(h.cue == own_cue.id for h in rule_scores(text, cues)[1])
        assert fired == own_matter(text, cues), text


def _neighbour_agreement(tmp_path):
    name, id_no, phone = fake.name(), fake.ssn(), fake.phone_number()
    path = tmp_path / "补偿协议.txt"
    path.write_text(f"房屋征收补偿协议\n被征收人：{name}，身份证号码：{id_no}，联系电话：{phone}。\n"
                    "征收人：某区房屋征收办公室。\n补偿金额：人民币叁拾万元整。\n", encoding="utf-8")
    return path, id_no


def _review(text, doc):
    options = ReviewOptions(docs=[doc], use_model=False, applicant_on_file=True,
                            received=dt.date(2026, 11, 20), today=dt.date(2026, 11, 23))
    return run_review(text, options)


def test_a_neighbours_agreement_asked_for_by_本人_is_redacted_not_released(tmp_path):
    doc, id_no = _neighbour_agreement(tmp_path)
    outcome = _review("本人申请公开邻居家的房屋征收补偿协议。", doc)
    assert outcome.decision.code == "partial"
    assert not any(d.own_matter for d in outcome.decision.item_decisions)
    out = tmp_path / "out"
    written = write_review_copies(outcome, out)
    copies = [p for p in written if p.name.endswith(".redacted.txt")]
    assert copies
    for copy in copies:
        body = copy.read_text(encoding="utf-8-sig")
        assert id_no not in body
        assert "补偿金额" in body  # the rest is provided (第三十七条)


def test_the_applicants_own_agreement_is_provided_after_checking_identity(tmp_path):
    doc, _id_no = _neighbour_agreement(tmp_path)
    outcome = _review("申请公开本人的房屋征收补偿协议。", doc)
    assert outcome.decision.code == "disclose"
    assert any(d.own_matter for d in outcome.decision.item_decisions)


def test_an_own_matter_in_a_roster_of_several_people_stays_a_redacted_release(tmp_path):
    people = [(fake.name(), fake.ssn(), fake.phone_number()) for _ in range(3)]
    doc = tmp_path / "发放花名册.txt"
    doc.write_text("某村征收补偿款发放花名册\n" + "\n".join(
        f"{i}. {name}，身份证号码{id_no}，联系电话{phone}，补偿款{i * 10000}元" for i, (name, id_no, phone)
        in enumerate(people, 1)) + "\n", encoding="utf-8")
    outcome = _review("申请公开本人的征收补偿款发放情况。", doc)
    assert outcome.decision.code == "partial"  # the household is at most one row of the roster
    assert any("多人的个人信息" in r for r in outcome.decision.reasons)
    written = write_review_copies(outcome, tmp_path / "out")
    body = "".join(p.read_text(encoding="utf-8-sig") for p in written if p.name.endswith(".redacted.txt"))
    assert body and not any(id_no in body for _, id_no, _ in people)


def test_several_people_counts_distinct_identifiers_not_repeats(tmp_path):
    from reviewer.decide.documents import view_document
    from reviewer.decide.outcome import several_people
    from reviewer.screen.screening import Screener

    id_no = fake.ssn()
    one = Screener().screen_text(f"身份证号码{id_no}。\n复核：身份证号码{id_no}。", "one.txt")
    two = Screener().screen_text(f"身份证号码{id_no}。\n身份证号码{fake.ssn()}。", "two.txt")
    assert not several_people([view_document(one, 0.5)])
    assert several_people([view_document(two, 0.5)])


@pytest.mark.parametrize("text", ["申请公开我家隔壁老鲍家的拆迁补偿协议", "本人为事故受害方家属，申请公开对方驾驶人的询问笔录",
                                  "本人2022年病假审批单及同科室蔺某某同期病假记录", "我家和邻居×某家两户的附着物清点清单"])
def test_another_person_beside_ones_own_matter_keeps_it_a_third_partys(cues, text):
    assert not own_matter(text, cues)


def test_a_masked_date_is_not_another_person(cues):
    assert own_matter("申请公开本人2019年某月的工资发放记录", cues)
