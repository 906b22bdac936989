"""The competence table (rules/competence.yaml, 第十条): every entry's examples run, bad tables are refused with a
Chinese message naming the file, and a record asked of an organ of another kind is drafted 非本机关负责公开 with the
maker named for staff.  Fictional organs."""

from __future__ import annotations

import pytest

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.competence import CompetenceError, load_table, read_table
from reviewer.decide.organ import request_addressee

TABLE = load_table()
ENTRIES = list(TABLE.records) if TABLE else []


def test_the_table_is_bundled_and_codes_are_unique():
    assert TABLE is not None and len(ENTRIES) >= 10
    codes = [e.code for e in ENTRIES]
    assert len(codes) == len(set(codes))
    assert all(e.other_examples and e.own_examples for e in ENTRIES)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.code)
def test_each_entrys_examples(entry):
    for organ, item in entry.other_examples:
        found = TABLE.maker_of(item, organ)
        assert found is not None and found.code == entry.code, (organ, item)
    for organ, item in entry.own_examples:
        assert TABLE.maker_of(item, organ) is None, (organ, item)


def test_a_general_government_and_an_unknown_organ_are_never_another_kind():
    assert TABLE.maker_of("请公开某路的建设工程规划许可证。", "某区人民政府") is None
    assert TABLE.maker_of("请公开某路的建设工程规划许可证。", "某街道办事处") is None
    assert TABLE.maker_of("请公开某路的建设工程规划许可证。", None) is None


@pytest.mark.parametrize("text, problem", [
    ("records: 3\n", "records"),
    ("records:\n  - code: CMP001\n    record: '(['\n    makers: [规划]\n    organ: 规划部门\n", "正则"),
    ("records:\n  - code: CMP001\n    record: 许可证\n    organ: 规划部门\n", "makers"),
    ("records: [\n", "无法读取"),
])
def test_a_bad_table_is_refused_naming_the_file(tmp_path, text, problem):
    path = tmp_path / "competence.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CompetenceError) as info:
        read_table(path)
    assert str(path) in str(info.value) and problem in str(info.value)


def test_a_permit_asked_of_an_organ_of_another_kind_is_drafted_other_agency():
    text = ("××区生态环境分局：\n\n我家楼下开了一家洗车店，污水直接排进雨水管。请公开该洗车店（××路××号）的城镇污水排入排水管网"
            "许可证，包括许可排放的污水量和有效期。\n\n申请人：俞某")
    data = run_review(text, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    assert data["reply"]["code"] == "unavailable.other_agency"
    assert any("CMP003" in r and "城镇排水主管部门" in r for r in data["reply"]["reasons"])


def test_the_item_saying_this_organ_issued_it_is_answered_here():
    text = "××区生态环境分局：\n请公开贵局去年核发给某洗车店的城镇污水排入排水管网许可证。"
    data = run_review(text, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    assert data["reply"]["code"] != "unavailable.other_agency"


def test_a_pseudonymised_salutation_names_the_organ_and_贵街道办事处_is_that_organ():
    assert request_addressee("××区生态环境分局：\n\n我家楼下开了一家洗车店。") == "××区生态环境分局"
    text = ("某某街道办事处：\n现申请公开：贵街道办事处2023年对孙某某最低生活保障资格复核后作出的停发决定。\n申请人：孙某某")
    data = run_review(text, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()
    assert data["reply"]["code"] != "unavailable.other_agency"


def test_an_abolished_organs_record_is_its_successors():
    text = ("某市自然资源和规划局：\n原某市城乡规划局已在机构改革中撤销，职责划入贵局。申请公开原市城乡规划局2016年为“某商业广场”"
            "核发的建设工程规划许可证。")
    assert run_review(text, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()["reply"]["code"] \
        != "unavailable.other_agency"


def test_贵大队_is_the_organ_addressed():
    text = ("某县消防救援大队：\n某路“星某KTV”于2022年开业，现申请公开贵大队对该场所出具的公众聚集场所投入使用、营业前消防安全检查意见。")
    assert run_review(text, ReviewOptions(use_model=True, applicant_on_file=True)).to_dict()["reply"]["code"] \
        != "unavailable.other_agency"
