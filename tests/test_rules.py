"""Every rule runs on its own examples; the schema check rejects bad rule files."""

from __future__ import annotations

import textwrap

import pytest

from reviewer.detect.recognizers import hits_for
from reviewer.detect.registry import example_problems, load_registry
from reviewer.detect.rulebook import check_rule_files, load_rules, rule_files

RULES = load_rules()
REGISTRY = load_registry()


@pytest.mark.parametrize("entry", REGISTRY, ids=[e.code for e in REGISTRY])
def test_examples_of_every_rule_and_cue(entry):
    """Screening rules and triage cues: every match example matches, no no_match example does."""
    assert [str(p) for p in example_problems(entry)] == []


def test_registry_holds_both_kinds():
    codes = {e.code for e in REGISTRY}
    assert {"PRV001", "TRI004", "TRI006"} <= codes
    assert len(codes) == len(REGISTRY)


def test_example_checker_reports_a_misbehaving_cue(tmp_path):
    from reviewer.detect.registry import check_cue_file

    path = tmp_path / "triage.yaml"
    path.write_text(
        "cues:\n  - code: TRI901\n    name: test-cue\n    outcome: no_action.petition\n    weight: 0.5\n"
        "    keywords: [举报]\n    message: 测试。\n    doc: 测试线索。\n"
        "    examples: {match: [我要投诉], no_match: [实名举报]}\n", encoding="utf-8")
    cues, problems = check_cue_file(path)
    assert problems == [] and cues[0].code == "TRI901"
    found = [str(p) for p in example_problems(cues[0])]
    assert len(found) == 2
    assert "examples.match" in found[0] and "examples.no_match" in found[1] and "TRI901" in found[1]


def test_cue_schema_problems_name_the_field(tmp_path):
    from reviewer.detect.registry import check_cue_file

    path = tmp_path / "triage.yaml"
    path.write_text("cues:\n  - code: TRI902\n    name: Bad_Name\n    outcome: nonsense\n    weight: 2\n"
                    "    keywords: [举报]\n    message: 测试。\n    examples: {match: [举报]}\n", encoding="utf-8")
    cues, problems = check_cue_file(path)
    fields = {p.field for p in problems}
    assert cues == [] and {"name", "outcome", "weight", "doc", "examples.no_match"} <= fields


def test_every_category_has_rules():
    from reviewer.detect.findings import CATEGORIES

    assert {r.category for r in RULES} == set(CATEGORIES)


def test_rule_codes_are_unique_and_files_are_valid():
    rules, problems = check_rule_files(rule_files())
    assert problems == []
    assert len({r.code for r in rules}) == len(rules)


GOOD = """
  - code: TST001
    name: test-rule
    kind: keywords
    keywords: [会议纪要]
    score: 0.5
    severity: review
    status: stable
    message: 测试。
    doc: 测试规则。
    examples: {match: [会议纪要], no_match: [通知]}
"""


def _write(tmp_path, name, body, header="category: process_info\nbasis: 《中华人民共和国政府信息公开条例》第十六条第二款\nrules:\n"):
    path = tmp_path / name
    path.write_text(header + textwrap.dedent(body), encoding="utf-8")
    return path


def _problems(paths):
    return [str(p) for p in check_rule_files(paths)[1]]


def test_good_file_passes(tmp_path):
    rules, problems = check_rule_files([_write(tmp_path, "a.yaml", GOOD)])
    assert problems == [] and rules[0].code == "TST001"


def test_unknown_category_is_named(tmp_path):
    path = _write(tmp_path, "a.yaml", GOOD.replace("kind: keywords", "category: gossip\n    kind: keywords"))
    problems = _problems([path])
    assert any("a.yaml" in p and "TST001" in p and "category" in p for p in problems)


def test_duplicate_code_is_named(tmp_path):
    a = _write(tmp_path, "a.yaml", GOOD)
    b = _write(tmp_path, "b.yaml", GOOD)
    problems = _problems([a, b])
    assert any("b.yaml" in p and "TST001" in p and "重复" in p for p in problems)


def test_bad_regex_is_named(tmp_path):
    body = GOOD.replace("kind: keywords\n    keywords: [会议纪要]", "kind: regex\n    patterns: ['(会议']")
    problems = _problems([_write(tmp_path, "a.yaml", body)])
    assert any("TST001" in p and "patterns" in p for p in problems)


def test_missing_examples_is_named(tmp_path):
    body = GOOD.replace("    examples: {match: [会议纪要], no_match: [通知]}\n", "")
    problems = _problems([_write(tmp_path, "a.yaml", body)])
    assert any("TST001" in p and "examples" in p for p in problems)


def test_malformed_yaml_is_named(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("rules: [\n  - code: X", encoding="utf-8")
    problems = _problems([path])
    assert problems and "broken.yaml" in problems[0] and "YAML" in problems[0]


def test_validator_drops_invalid_checksum():
    rule = next(r for r in RULES if r.entity == "cn_resident_id")
    assert hits_for(rule, "身份证号110101198503121239")[0].score == 1.0
    assert hits_for(rule, "身份证号110101198503121238") == []


def test_unknown_region_is_flagged_with_lower_score():
    rule = next(r for r in RULES if r.entity == "cn_resident_id")
    found = hits_for(rule, "证件号990000198503121230")
    assert found and found[0].score < 1.0 and found[0].explanation.validator.valid is True


def test_uscc_is_info_unless_personal_context():
    rule = next(r for r in RULES if r.entity == "uscc")
    assert hits_for(rule, "示例科技有限公司统一社会信用代码91350100MA2XY3Q0C7")[0].severity == "info"
    assert hits_for(rule, "个体工商户王某，统一社会信用代码92330106MA28K7LP5F")[0].severity == "review"


def test_offsets_point_at_original_text_after_normalisation():
    rule = next(r for r in RULES if r.entity == "cn_mobile")
    text = "聯繫電話：　１３８１２３４５６７８"  # traditional + full-width digits
    found = hits_for(rule, text)
    assert found
    assert text[found[0].start:found[0].end] == "１３８１２３４５６７８"


def test_explanation_records_original_score_boost_validator_and_pattern():
    rule = next(r for r in RULES if r.code == "PRV001")
    found = hits_for(rule, "申请人身份证号110101198503121239")
    exp = found[0].explanation
    assert exp.original_score == rule.score and exp.validator.name == "cn_resident_id" and exp.validator.valid
    assert exp.context == ["身份证"] and exp.context_boost == 0.0  # validated score 1.0 cannot rise further
    assert exp.pattern == rule.patterns[0] and exp.message == rule.message
    rule = next(r for r in RULES if r.code == "PRV008")
    plain, boosted = hits_for(rule, "登记为浙A12345"), hits_for(rule, "该车辆登记为浙A12345")
    assert plain[0].explanation.context_boost == 0.0
    assert boosted[0].explanation.context_boost > 0 and boosted[0].score == rule.score + boosted[0].explanation.context_boost
    data = boosted[0].to_dict()["explanation"]
    assert {"pattern", "message", "summary", "original_score", "context_boost", "context"} <= set(data)


def test_prefilter_skips_required_context_rules_without_changing_results(monkeypatch):
    """Regex rules whose context is required are skipped on texts without any of their context words; the
    findings are the same as running every pattern."""
    from reviewer.detect import recognizers
    from reviewer.text.normalize import normalize
    from reviewer.text.segment import segment

    detector = recognizers.Detector(RULES)
    assert detector._required  # some rules are prefiltered
    texts = ["问：你当时在现场吗？答：在。以上笔录属实。", "问：企业如何申请补贴？答：线上申请。",
             "本文件涉密，阅后收回。", "本市召开工作会议。", "申请人：王秀兰，女，身份证号略。"]
    for text in texts:
        norm = normalize(text)
        fast = detector.detect(text, norm, segment(norm.text)).findings
        monkeypatch.setattr(detector, "_required", {})
        slow = detector.detect(text, norm, segment(norm.text)).findings
        monkeypatch.undo()
        assert [(f.rule, f.start, f.end) for f in fast] == [(f.rule, f.start, f.end) for f in slow]


def test_address_cue_word_stays_outside_the_span_and_raises_the_score():
    rule = next(r for r in RULES if r.code == "PRV009")
    text = "申请人现住示例市东城区和平路18号3栋2单元501室。"
    found = hits_for(rule, text)
    assert len(found) == 1 and not found[0].text.startswith("现住") and found[0].text.endswith("501室")
    assert found[0].explanation.context == ["现住"] and found[0].severity == "withhold"
    assert hits_for(rule, "项目位于东城区和平路18号。")[0].severity == "review"


def test_checked_rules_are_kept_as_json_and_read_back_identically(tmp_path, monkeypatch):
    """A new process reads the checked rules from the cache (no YAML parsing, no trial compilation); the cache
    is data (JSON of the rules' fields), keyed by the files' bytes: changing a file checks it again."""
    import json

    from reviewer.detect import rulebook

    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "rules"
    folder.mkdir()
    _write(folder, "a.yaml", GOOD)
    rulebook._load_rules_cached.cache_clear()
    first = load_rules(folder)
    cached = sorted((tmp_path / "cache").glob("rules-checked-*.json"))
    assert len(cached) == 1 and json.loads(cached[0].read_text(encoding="utf-8"))["rules"][0]["code"] == "TST001"

    checks = []
    monkeypatch.setattr(rulebook, "check_rule_files", lambda paths: checks.append(paths) or ([], []))
    rulebook._load_rules_cached.cache_clear()
    assert load_rules(folder) == first and checks == []  # read from the cache, not checked again
    monkeypatch.undo()
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path / "cache"))

    # the project's rules survive the round trip field for field
    rulebook._load_rules_cached.cache_clear()
    fresh = rulebook.check_rule_files(rule_files())[0]
    rulebook._load_rules_cached.cache_clear()
    assert load_rules() == fresh
    rulebook._load_rules_cached.cache_clear()
    assert load_rules() == fresh  # second time from the JSON file

    # a changed file is checked again (a bad one raises, and is never cached)
    _write(folder, "a.yaml", GOOD.replace("score: 0.5", "score: 5"))
    rulebook._load_rules_cached.cache_clear()
    with pytest.raises(rulebook.RuleFileError):
        load_rules(folder)
    # a damaged cache file is ignored
    _write(folder, "a.yaml", GOOD)
    for path in (tmp_path / "cache").glob("rules-checked-*.json"):
        path.write_text("{not json", encoding="utf-8")
    rulebook._load_rules_cached.cache_clear()
    assert load_rules(folder) == first


def test_after_needs_a_pattern_and_a_window(tmp_path):
    path = _write(tmp_path, "a.yaml", GOOD.replace("kind: keywords", "after: {pattern: '(未闭合', window: 0}\n    kind: keywords"))
    problems = _problems([path])
    assert any("after" in p and "window" in p for p in problems), problems


def test_after_drops_a_hit_without_its_header_above(tmp_path):
    from reviewer.detect.recognizers import hits_for

    body = GOOD.replace("kind: keywords", "after: {pattern: '^议题', window: 30}\n    kind: keywords").replace(
        "match: [会议纪要]", "match: [\"议题\\n会议纪要\"]")
    rules, problems = check_rule_files([_write(tmp_path, "a.yaml", body)])
    assert problems == []
    assert hits_for(rules[0], "议题\n会议纪要")
    assert not hits_for(rules[0], "会议纪要\n议题")  # the header comes after the hit
    assert not hits_for(rules[0], "议题\n" + "。" * 40 + "会议纪要")  # too far above
