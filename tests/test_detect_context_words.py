"""Context words are words, not substrings: "其" in 其中/其他 is not the pronoun, "女" in 妇女/子女 is not a
woman (reviewer.detect.recognizers.NOT_CONTEXT)."""

from __future__ import annotations

import pytest

from reviewer.detect.recognizers import _has_word, hits_for
from reviewer.detect.rulebook import load_rules


@pytest.mark.parametrize(("segment", "word", "expected"), [
    ("其本人于去年", "其", True),
    ("全年查处276人，其中", "其", False),
    ("及其他人员", "其", False),
    ("尤其是其家属", "其", True),  # the second 其 is the pronoun
    ("妇女儿童工作", "女", False),
    ("李某，女，45岁", "女", True),
    ("男女比例", "男", False),
    ("身份证号", "身份证", True),  # words without compounds: plain substring
])
def test_context_word_inside_a_compound_does_not_count(segment: str, word: str, expected: bool) -> None:
    assert _has_word(segment, word) is expected


def test_criminal_record_rule_needs_a_person_not_a_statistic() -> None:
    rule = next(r for r in load_rules() if r.code == "PRV013")
    assert not hits_for(rule, "全年受理治安案件312起，其中行政拘留89人。")
    assert hits_for(rule, "其本人于2020年被行政拘留十日。")
