"""Reply-type table: schema validation, agreement with the shared taxonomy, exact citation strings."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reviewer.decide.replytypes import (
    DEFAULT_LAW,
    ReplyTypeError,
    citation_string,
    load_reply_types,
    parse_citations,
    report_rows,
)
from reviewer.paths import PROJECT_DIR

SPEC = PROJECT_DIR.parent / "shared" / "domain" / "reply-types.yaml"
L = DEFAULT_LAW

# Written out by hand from ogi-law.md §2.3 / reply-types.yaml: the exact string each code must cite.
EXPECTED = {
    "disclose": f"{L}第三十六条第（二）项、第四十条",
    "disclose.published": f"{L}第三十六条第（一）项",
    "partial": f"{L}第三十七条",
    "withhold.state_secret": f"{L}第三十六条第（三）项、第十四条",
    "withhold.law_prohibited": f"{L}第三十六条第（三）项、第十四条",
    "withhold.security_stability": f"{L}第三十六条第（三）项、第十四条",
    "withhold.third_party": f"{L}第三十六条第（三）项、第十五条",
    "withhold.internal_affairs": f"{L}第三十六条第（三）项、第十六条第一款",
    "withhold.process_info": f"{L}第三十六条第（三）项、第十六条第二款",
    "withhold.enforcement_file": f"{L}第三十六条第（三）项、第十六条第二款",
    "withhold.query_matter": f"{L}第三十六条第（三）项",
    "unavailable.not_held": f"{L}第三十六条第（四）项",
    "unavailable.other_agency": f"{L}第三十六条第（五）项、第十条",
    "unavailable.needs_creation": f"{L}第三十八条",
    "unavailable.unclear": f"{L}第三十条",
    "no_action.petition": f"{L}第三十九条第一款",
    "no_action.duplicate": f"{L}第三十六条第（六）项",
    "no_action.publication": f"{L}第三十九条第二款",
    "no_action.excessive": f"{L}第三十五条",
    "no_action.confirm": f"{L}第二条",
    "other.correction": f"{L}第二十九条、第三十条",
    "other.correction_lapsed": f"{L}第三十条",
    "other.fee_unpaid": f"{L}第四十二条",
    "other.special_procedure": f"{L}第三十六条第（七）项",
    "other.not_gov_info": f"{L}第二条",
    "other.consultation": f"{L}第二条",
    "other.other": "",
}


@pytest.fixture(scope="module")
def types():
    return load_reply_types()


def test_expected_table_covers_every_code(types):
    assert set(EXPECTED) == set(types)


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_citation_string_exact(code, types):
    assert citation_string(code, types=types) == EXPECTED[code]


@pytest.mark.skipif(not SPEC.exists(), reason="shared/domain/reply-types.yaml not available")
def test_codes_labels_rows_and_articles_match_shared_taxonomy(types):
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    assert list(types) == list(spec)
    for code, entry in spec.items():
        rt = types[code]
        assert rt.label == entry["label"], code
        assert rt.report_row == entry["report_row"], code
        assert list(rt.cite) == entry["cite"], code  # never invent articles


def test_groups_and_withholding(types):
    for code, rt in types.items():
        assert rt.group == code.split(".")[0], code
        assert rt.withholds == (rt.group in ("partial", "withhold")), code
        assert rt.remedy == ("none" if code == "other.correction" else "B" if rt.withholds else "A")
    assert types["withhold.query_matter"].note and "未作明文规定" in types["withhold.query_matter"].note
    assert types["no_action.confirm"].note and "未作明文规定" in types["no_action.confirm"].note
    assert types["disclose"].note is None


def test_operative_templates_are_folded_without_spaces(types):
    for code, rt in types.items():
        assert " " not in rt.operative, code
        if rt.cite:
            assert "{basis}" in rt.operative, code


def test_partial_extra_grounds_appended_sorted_and_deduplicated(types):
    a = citation_string("partial", ["第十六条第二款", "第十五条", "第十五条"], types)
    b = citation_string("partial", [f"{L}第十五条", "第十六条第二款"], types)
    assert a == b == f"{L}第三十七条、第十五条、第十六条第二款"


def test_extra_already_in_code_is_not_repeated(types):
    assert citation_string("withhold.third_party", ["第十五条"], types) == EXPECTED["withhold.third_party"]
    full = f"{L}第三十六条第（三）项、第十六条第二款"
    assert citation_string("withhold.process_info", [full], types) == full


def test_half_width_item_brackets_are_normalised(types):
    assert citation_string("other.other", ["第三十六条第(三)项"], types) == f"{L}第三十六条第（三）项"


def test_other_law_articles_follow_with_their_own_title(types):
    s = citation_string(
        "withhold.state_secret", ["《中华人民共和国保守国家秘密法》第十三条、第二条", "第十四条"], types
    )
    assert s == f"{L}第三十六条第（三）项、第十四条、《中华人民共和国保守国家秘密法》第二条、第十三条"
    assert s.count(L) == 1


def test_article_sort_uses_numbers_not_characters(types):
    s = citation_string("other.other", ["第二十条", "第十六条第二款", "第十六条第一款", "第九条"], types)
    assert s == f"{L}第九条、第十六条第一款、第十六条第二款、第二十条"


def test_unknown_code_raises(types):
    with pytest.raises(KeyError):
        citation_string("withhold.nonsense", types=types)


def test_parse_citations():
    pairs = parse_citations(f"{L}第三十六条第（三）项、第十四条及《中华人民共和国保守国家秘密法》第十三条")
    assert pairs == [(L, "第三十六条第（三）项"), (L, "第十四条"), ("《中华人民共和国保守国家秘密法》", "第十三条")]
    assert parse_citations("没有条文") == []


def test_report_rows_include_every_annual_report_outcome(types):
    rows = report_rows(types)
    assert "（三）8.属于行政查询事项" in rows and "（六）3.其他" in rows
    assert len(rows) == len(set(rows))


# --- schema validation -----------------------------------------------------------------------

GOOD = {
    "label": "予以公开",
    "report_row": "（一）予以公开",
    "cite": ["第三十六条第（二）项"],
    "group": "disclose",
    "withholds": False,
    "title": "政府信息公开申请答复书",
    "operative": "根据{basis}的规定，予以公开。",
}


def _write(tmp_path: Path, types: dict) -> Path:
    p = tmp_path / "reply_types.yaml"
    p.write_text(yaml.safe_dump({"default_law": L, "types": types}, allow_unicode=True), encoding="utf-8")
    return p


def test_valid_minimal_table_loads(tmp_path):
    t = load_reply_types(_write(tmp_path, {"disclose": GOOD}))
    assert t["disclose"].cite == ("第三十六条第（二）项",)
    assert t["disclose"].law == L


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"group": "maybe"}, "group"),
        ({"cite": "第三十六条"}, "cite"),
        ({"cite": ["三十六条"]}, "cite"),
        ({"withholds": "yes"}, "withholds"),
        ({"operative": "根据{basis}，见{nonsense}。"}, "nonsense"),
        ({"operative": "予以公开。"}, "operative"),
        ({"label": ""}, "label"),
        ({"colour": "red"}, "colour"),
        ({"withholds": True}, "withholds"),
    ],
)
def test_invalid_fields_name_file_code_and_field(tmp_path, change, field):
    p = _write(tmp_path, {"disclose": {**GOOD, **change}})
    with pytest.raises(ReplyTypeError) as exc:
        load_reply_types(p)
    msg = str(exc.value)
    assert str(p) in msg and "disclose" in msg and field in msg


def test_missing_field_is_named(tmp_path):
    entry = dict(GOOD)
    del entry["title"]
    p = _write(tmp_path, {"disclose": entry})
    with pytest.raises(ReplyTypeError, match="缺少字段“title”"):
        load_reply_types(p)


def test_malformed_yaml_and_missing_file(tmp_path):
    p = tmp_path / "bad.yaml"
    p.write_text("types: [unclosed\n", encoding="utf-8")
    with pytest.raises(ReplyTypeError, match="不是有效的 YAML"):
        load_reply_types(p)
    with pytest.raises(ReplyTypeError, match="不存在"):
        load_reply_types(tmp_path / "none.yaml")
    p.write_text("default_law: 条例\ntypes: {}\n", encoding="utf-8")
    with pytest.raises(ReplyTypeError, match="default_law"):
        load_reply_types(p)
