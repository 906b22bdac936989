"""Health and disability in a roster row (低保/救助名册: "姓名，家庭人口…，致贫原因：患尿毒症"): the row names the person,
so the illness is a third party's sensitive personal information (个人信息保护法第二十八条) even with no 患者/岁/男 nearby;
policy sentences naming the same illnesses are not."""

from __future__ import annotations

import datetime as dt

from faker import Faker

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.app.pipeline import write_redacted as write_review_copies
from reviewer.screen.screening import Screener

fake = Faker("zh_CN")
Faker.seed(61206)
CAUSES = ["患尿毒症长期透析", "残疾", "白血病化疗", "重度残疾", "患恶性肿瘤"]


def _roster() -> str:
    rows = [f"{fake.name()}，家庭人口{n + 2}人，保障金额{300 + 50 * n}元/月，致贫原因：{cause}"
            for n, cause in enumerate(CAUSES)]
    return "某镇2019年城乡低保对象名单\n" + "\n".join(rows) + "\n"


def test_every_rows_illness_or_disability_is_withheld():
    result = Screener().screen_text(_roster(), "名单.txt")
    withheld = [f for f in result.findings if f.category == "privacy" and f.severity == "withhold"]
    for cause in CAUSES:
        assert any(cause.startswith(f.text) or f.text in cause for f in withheld), cause


def test_policy_sentences_naming_illnesses_are_not_flagged():
    text = ("将尿毒症、白血病等大病纳入医疗救助范围，推进重度残疾人托养服务。\n"
            "按致贫原因统计：因病致贫占42%，因残致贫占18%。")
    result = Screener().screen_text(text, "工作报告.txt")
    assert not [f for f in result.findings if f.category == "privacy" and f.severity != "info"]


def test_a_roster_release_masks_the_causes_and_the_letter_names_them(tmp_path):
    doc = tmp_path / "低保名单.txt"
    doc.write_text(_roster(), encoding="utf-8")
    outcome = run_review("申请公开某镇2019年低保对象名单及致贫原因。",
                         ReviewOptions(docs=[doc], use_model=False, applicant_on_file=True,
                                       received=dt.date(2026, 11, 20), today=dt.date(2026, 11, 23)))
    assert outcome.decision.code == "partial"
    body = "".join(p.read_text(encoding="utf-8-sig") for p in write_review_copies(outcome, tmp_path / "out")
                   if p.name.endswith(".redacted.txt"))
    assert body and not any(word in body for word in ("尿毒症", "白血病", "恶性肿瘤", "残疾"))
    assert "保障金额" in body  # the rest of the roster is provided (第三十七条)
    assert "病情、致贫原因或残疾信息" in outcome.to_dict()["letter"]["text"]
