"""``reviewer rules list / show / check`` on the project rules and on broken rule files."""

from __future__ import annotations

import json
import re
import textwrap

import pytest
from typer.testing import CliRunner

from reviewer.cli.app import app
from reviewer.detect.registry import load_registry
from reviewer.detect.rulebook import load_rules

RULES = load_rules()
ENTRIES = load_registry()  # screening rules and triage cues
runner = CliRunner()
HAN = re.compile(r"[\u4e00-\u9fff]")

HEADER = "category: process_info\nbasis: 《中华人民共和国政府信息公开条例》第十六条第二款\nrules:\n"
GOOD_RULE = """
  - code: TST001
    name: test-minutes
    kind: keywords
    keywords: [会议纪要]
    score: 0.6
    severity: review
    message: 测试规则。
    doc: 测试规则的说明。
    examples: {match: [本次会议纪要如下], no_match: [通知如下]}
"""


def _invoke(*args: str):
    return runner.invoke(app, list(args))


def _write(directory, name: str, body: str):
    path = directory / name
    path.write_text(HEADER + textwrap.dedent(body), encoding="utf-8")
    return path


def test_rules_is_a_registered_command():
    result = _invoke("--help")
    assert result.exit_code == 0
    assert re.search(r"^\s+rules\s", result.output, re.M)
    sub = _invoke("rules", "--help")
    assert sub.exit_code == 0
    for command in ("list", "show", "check"):
        assert re.search(rf"^\s+{command}\s", sub.output, re.M)
    assert "[选项]" in sub.output


def test_list_shows_every_rule_in_a_table():
    result = _invoke("rules", "list")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split()[:3] == ["代码", "名称", "类别"]
    for rule in ENTRIES:
        row = next((line for line in lines if line.startswith(rule.code + " ")), None)
        assert row is not None, rule.code
        assert rule.name in row
    assert f"共 {len(ENTRIES)} 条规则" in result.output


@pytest.mark.parametrize("category", ["privacy", "个人隐私"])
def test_list_filters_by_category(category):
    expected = sorted(r.code for r in RULES if r.category == "privacy")
    assert expected, "the project should have privacy rules"
    result = _invoke("rules", "list", "--category", category, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert sorted(row["code"] for row in data) == expected
    assert {row["category"] for row in data} == {"privacy"}
    assert all(row["message"] and row["severity"] and row["status"] for row in data)


def test_list_unknown_category_is_a_usage_error():
    result = _invoke("rules", "list", "--category", "nonsense")
    assert result.exit_code == 2
    assert "未知类别" in result.output


def test_show_prints_every_part_of_a_rule():
    rule = next(r for r in RULES if r.context and (r.keywords or r.patterns))
    result = _invoke("rules", "show", rule.code)
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith(f"{rule.code}  {rule.name}")
    for part in [rule.basis, rule.message, rule.doc.splitlines()[0], *rule.keywords, *rule.patterns,
                 *rule.context.words, *rule.examples_match, *rule.examples_no_match]:
        assert part in out, part
    assert f"{rule.score:g}" in out and rule.severity in out and rule.kind in out
    assert rule.file in out


def test_show_accepts_lower_case_code_and_name_and_json():
    rule = RULES[-1]
    by_code = _invoke("rules", "show", rule.code.lower(), "--format", "json")
    by_name = _invoke("rules", "show", rule.name, "--format", "json")
    assert by_code.exit_code == 0 and by_name.exit_code == 0
    assert json.loads(by_code.output) == json.loads(by_name.output) == json.loads(json.dumps(rule.to_dict()))


def test_show_unknown_code_exits_2_in_chinese():
    result = _invoke("rules", "show", "ZZZ999")
    assert result.exit_code == 2
    assert "ZZZ999" in result.output and "没有" in result.output
    assert HAN.search(result.output)


def test_check_project_rules_is_clean():
    result = _invoke("rules", "check")
    assert result.exit_code == 0, result.output
    assert "未发现问题" in result.output
    assert f"{len(ENTRIES)} 条有效规则" in result.output


def test_check_broken_file_names_file_code_and_field(tmp_path):
    _write(tmp_path, "good.yaml", GOOD_RULE)
    _write(tmp_path, "broken.yaml", """
      - code: TST002
        name: bad-score
        kind: keywords
        keywords: [请示]
        score: 7
        severity: review
        message: 分值错误的规则。
        doc: 说明。
        examples: {match: [关于某事的请示], no_match: [通知]}
    """)
    result = _invoke("rules", "check", str(tmp_path))
    assert result.exit_code == 1, result.output
    problem_lines = [line for line in result.output.splitlines() if line.startswith("✗")]
    assert len(problem_lines) == 1
    line = problem_lines[0]
    assert "broken.yaml" in line and "TST002" in line and "score" in line
    assert "发现 1 个问题" in result.output


def test_check_runs_examples_and_names_the_example_field(tmp_path):
    path = _write(tmp_path, "examples.yaml", """
      - code: TST003
        name: wrong-example
        kind: keywords
        keywords: [讨论稿]
        score: 0.6
        severity: review
        message: 示例写错的规则。
        doc: 说明。
        examples: {match: [这是征求意见稿], no_match: [这是讨论稿]}
    """)
    result = _invoke("rules", "check", str(path))
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.startswith("✗")]
    assert any("TST003" in x and "examples.match" in x and "examples.yaml" in x for x in lines)
    assert any("TST003" in x and "examples.no_match" in x for x in lines)


def test_check_duplicate_codes_and_yaml_errors(tmp_path):
    _write(tmp_path, "a.yaml", GOOD_RULE)
    _write(tmp_path, "b.yaml", GOOD_RULE)
    (tmp_path / "c.yaml").write_text("rules: [unclosed\n", encoding="utf-8")
    result = _invoke("rules", "check", str(tmp_path))
    assert result.exit_code == 1
    assert any("b.yaml" in x and "TST001" in x and "code" in x for x in result.output.splitlines())
    assert any("c.yaml" in x and "YAML" in x for x in result.output.splitlines())


def test_check_single_good_file_passes(tmp_path):
    result = _invoke("rules", "check", str(_write(tmp_path, "good.yaml", GOOD_RULE)))
    assert result.exit_code == 0, result.output
    assert "1 条有效规则" in result.output


def test_check_usage_errors(tmp_path):
    missing = _invoke("rules", "check", str(tmp_path / "none"))
    assert missing.exit_code == 2 and "找不到" in missing.output
    empty = _invoke("rules", "check", str(tmp_path))
    assert empty.exit_code == 2 and "没有规则文件" in empty.output


def test_list_with_broken_rules_dir_points_to_check(tmp_path):
    _write(tmp_path, "broken.yaml", GOOD_RULE.replace("score: 0.6", "score: -1"))
    result = _invoke("rules", "list", "--rules", str(tmp_path))
    assert result.exit_code == 2
    assert "reviewer rules check" in result.output


def test_show_a_triage_cue():
    result = _invoke("rules", "show", "TRI004")
    assert result.exit_code == 0, result.output
    assert "unavailable.needs_creation" in result.output and "示例（不应命中）" in result.output
    data = json.loads(_invoke("rules", "show", "TRI004", "--format", "json").output)
    assert data["code"] == "TRI004" and data["outcome"] == "unavailable.needs_creation"


def test_list_triage_cues_by_category():
    data = json.loads(_invoke("rules", "list", "--category", "triage", "--format", "json").output)
    assert data and all(d["code"].startswith("TRI") and d["outcome"] for d in data)


def test_check_reports_a_broken_triage_example(tmp_path):
    (tmp_path / "triage.yaml").write_text(
        "cues:\n  - code: TRI901\n    name: test-cue\n    outcome: no_action.petition\n    weight: 0.5\n"
        "    keywords: [举报]\n    message: 测试。\n    doc: 测试线索。\n"
        "    examples: {match: [实名举报], no_match: [我要举报]}\n", encoding="utf-8")
    result = _invoke("rules", "check", str(tmp_path / "triage.yaml"))
    assert result.exit_code == 1
    assert "TRI901" in result.output and "examples.no_match" in result.output
