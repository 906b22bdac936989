"""The agency profile: 复议机关 checked against the 2023 行政复议法; the office's own profile in the
user config folder (``reviewer init``); drafts marked "示例机关——未配置" until it exists."""

from __future__ import annotations

import pytest
import yaml

from reviewer.decide.profile import (
    UNCONFIGURED_MARK,
    ProfileError,
    default_profile_path,
    load_profile,
    profile_from_dict,
    review_body_problem,
    user_profile_path,
)
from reviewer.paths import EXAMPLES_DIR

BASE = {
    "name": "示例市自然资源和规划局", "short_name": "示例市规资局", "doc_prefix": "示例规资信复",
    "address": "示例市政务路1号", "contact_person": "公开办", "contact_phone": "0000-12345678",
}

LAWFUL = [
    ("department", "示例市自然资源和规划局", "示例市人民政府"),
    ("department", "示例市市场监督管理局", "示例市人民政府"),
    ("department", "示例市城市管理局", "示例市人民政府"),
    ("department", "示例县住房和城乡建设局", "示例县人民政府"),
    ("department", "示例省示例市高新区管理委员会", "示例省示例市人民政府"),
    ("government", "示例县人民政府", "示例市人民政府"),
    ("government", "示例省人民政府", "示例省人民政府"),
    ("government", "上海市人民政府", "上海市人民政府"),
    ("vertical", "国家税务总局示例市税务局", "国家税务总局示例省税务局"),
    ("vertical", "示例海关", "海关总署"),
    ("state_council_dept", "住房和城乡建设部", "住房和城乡建设部"),
]

UNLAWFUL = [
    # a department's 复议机关 given as the provincial department (the 2017 choice, gone since 2024)
    ("department", "示例市自然资源和规划局", "示例省自然资源厅", "第二十四条第一款第（一）项"),
    # "A或B"
    ("department", "示例市自然资源和规划局", "示例市人民政府或示例省自然资源厅", "只能填写一个"),
    ("department", "示例市自然资源和规划局", "示例市人民政府、示例省自然资源厅", "只能填写一个"),
    # the provincial government instead of the 本级人民政府
    ("department", "示例省示例市自然资源和规划局", "示例省人民政府", "不是“示例省示例市自然资源和规划局”的本级人民政府"),
    ("department", "示例市自然资源和规划局", "另一市人民政府", "本级人民政府"),
    # a county government as its own 复议机关
    ("government", "示例县人民政府", "示例县人民政府", "上一级人民政府"),
    ("government", "示例省人民政府", "国务院", "第二十四条第二款"),
    ("government", "示例县人民政府", "示例市司法局", "不是人民政府"),
    ("vertical", "国家税务总局示例市税务局", "示例市人民政府", "第二十七条"),
    ("vertical", "国家税务总局示例市税务局", "国家税务总局示例市税务局", "第二十七条"),
    ("state_council_dept", "住房和城乡建设部", "国务院", "第二十五条"),
]


@pytest.mark.parametrize(("agency_type", "name", "body"), LAWFUL)
def test_lawful_review_body_accepted(agency_type, name, body):
    assert review_body_problem(name, agency_type, body) is None
    profile = profile_from_dict({**BASE, "name": name, "agency_type": agency_type, "review_body": body})
    assert profile.review_body == body


@pytest.mark.parametrize(("agency_type", "name", "body", "reason"), UNLAWFUL)
def test_unlawful_review_body_refused_in_chinese(tmp_path, agency_type, name, body, reason):
    path = tmp_path / "本机关.yaml"
    data = {**BASE, "name": name, "agency_type": agency_type, "review_body": body}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ProfileError) as exc:
        load_profile(path)
    message = str(exc.value)
    assert str(path) in message and "“review_body”（行政复议机关）" in message and reason in message


def test_state_council_department_defaults_to_itself():
    profile = profile_from_dict({**BASE, "name": "住房和城乡建设部", "agency_type": "state_council_dept"})
    assert profile.review_body == "住房和城乡建设部"


def test_example_profile_is_marked_and_used_until_configured(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_CONFIG_DIR", str(tmp_path / "cfg"))
    assert user_profile_path() == tmp_path / "cfg" / "profile.yaml"
    assert default_profile_path() == EXAMPLES_DIR / "profile.yaml"
    assert load_profile().example is True
    user_profile_path().parent.mkdir()
    user_profile_path().write_text(
        yaml.safe_dump({**BASE, "agency_type": "department", "review_body": "示例市人民政府"}, allow_unicode=True),
        encoding="utf-8")
    assert default_profile_path() == user_profile_path()
    profile = load_profile()
    assert profile.example is False and profile.source == str(user_profile_path())


def test_example_flag_must_be_boolean():
    with pytest.raises(ProfileError, match="“example”"):
        profile_from_dict({**BASE, "agency_type": "department", "review_body": "示例市人民政府", "example": "是"})


INIT_ARGS = ["init", "--name", "示例县住房和城乡建设局", "--short-name", "示例县住建局", "--doc-prefix", "示例住建信复",
             "--address", "示例县人民路1号", "--contact-person", "办公室", "--contact-phone", "0000-1234567",
             "--agency-type", "department", "--review-body", "示例县人民政府"]
REQUEST = "申请人：林晓，联系电话13912345678，获取方式：电子邮件。\n申请公开2024年本单位部门预算。"


def _cli(args, input=None):
    from typer.testing import CliRunner

    from reviewer.cli.app import app

    return CliRunner().invoke(app, args, input=input)


def _docx_text(path) -> str:
    import docx

    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_drafts_are_marked_until_init_then_signed_by_the_office(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_CONFIG_DIR", str(tmp_path / "cfg"))
    letter = tmp_path / "示例.docx"
    before = _cli(["review", "--no-model", "--received", "2026-11-20", "--letter", str(letter)], input=REQUEST)
    assert before.exit_code == 0, before.output
    assert f"【{UNCONFIGURED_MARK}】示例市自然资源和规划局" in before.output
    assert "提示：尚未配置本机关信息" in before.output and "reviewer init" in before.output
    assert UNCONFIGURED_MARK in _docx_text(letter)

    written = _cli(INIT_ARGS)
    assert written.exit_code == 0, written.output
    assert (tmp_path / "cfg" / "profile.yaml").is_file() and "已写入本机关配置" in written.output
    again = _cli(INIT_ARGS)
    assert again.exit_code == 2 and "已存在" in again.output and "--force" in again.output

    signed = tmp_path / "本机关.docx"
    after = _cli(["review", "--no-model", "--received", "2026-11-20", "--letter", str(signed)], input=REQUEST)
    assert after.exit_code == 0, after.output
    assert UNCONFIGURED_MARK not in after.output and "尚未配置本机关信息" not in after.output
    assert "示例县住房和城乡建设局" in after.output and "0000-1234567" in after.output
    assert UNCONFIGURED_MARK not in _docx_text(signed) and "示例县住房和城乡建设局" in _docx_text(signed)


def test_init_refuses_an_unlawful_review_body(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_CONFIG_DIR", str(tmp_path / "cfg"))
    args = INIT_ARGS[:-1] + ["示例市人民政府或示例省住房和城乡建设厅"]
    result = _cli(args)
    assert result.exit_code == 2 and "只能填写一个行政复议机关" in result.output
    assert not (tmp_path / "cfg" / "profile.yaml").exists()


def test_init_asks_for_missing_fields(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_CONFIG_DIR", str(tmp_path / "cfg"))
    answers = "\n".join(["示例县住建局", "示例住建信复", "示例县人民路1号", "办公室", "0000-1234567", "department",
                         "示例县人民政府"]) + "\n"
    result = _cli(["init", "--name", "示例县住房和城乡建设局"], input=answers)
    assert result.exit_code == 0, result.output
    profile = load_profile()
    assert profile.name == "示例县住房和城乡建设局" and profile.review_body == "示例县人民政府"
    assert profile.example is False


def test_annual_report_is_marked_until_configured(tmp_path, monkeypatch):
    monkeypatch.setenv("REVIEWER_CONFIG_DIR", str(tmp_path / "cfg"))
    db = tmp_path / "库.sqlite"
    marked = _cli(["report", "annual", "--year", "2026", "--db", str(db)])
    assert f"# 【{UNCONFIGURED_MARK}】示例市自然资源和规划局2026年政府信息公开工作年度报告" in marked.output
    assert "提示：尚未配置本机关信息" in marked.output
    assert _cli(INIT_ARGS).exit_code == 0
    signed = _cli(["report", "annual", "--year", "2026", "--db", str(db)])
    assert "# 示例县住房和城乡建设局2026年政府信息公开工作年度报告" in signed.output and UNCONFIGURED_MARK not in signed.output
