"""Redaction for 部分公开: withheld spans gone, offsets kept (block), overlaps merged, log without text."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from faker import Faker
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.decide.replytypes import DEFAULT_LAW
from reviewer.draft.redact import BLOCK, RedactionSpan, mask_preview, redact

fake = Faker("zh_CN")
Faker.seed(37)
NAME = fake.name()
ID_NO = fake.ssn()  # 18-digit resident ID with a valid check digit
PHONE = fake.phone_number()
DOC = (
    f"关于示例地块规划许可的审查意见\n"
    f"申请单位联系人：{NAME}，身份证号码：{ID_NO}，联系电话：{PHONE}。\n"
    f"科室讨论意见：建议暂缓，待局务会研究。\n"
    f"经办人：{NAME}。\n"
)


def spans_of(text: str, piece: str, category: str, basis: str | None = None):
    start = text.index(piece)
    return (start, start + len(piece), category, basis)


@pytest.fixture
def withheld():
    return [
        spans_of(DOC, NAME, "privacy"),
        spans_of(DOC, ID_NO, "privacy"),
        spans_of(DOC, PHONE, "privacy"),
        spans_of(DOC, "建议暂缓，待局务会研究", "process_info", f"{DEFAULT_LAW}第十六条第二款"),
    ]


def test_block_removes_withheld_text_and_keeps_offsets(withheld):
    r = redact(DOC, withheld, style="block")
    assert len(r.text) == len(DOC)
    for piece in (NAME, ID_NO, PHONE, "建议暂缓"):
        assert piece not in r.text
    assert r.leaks(DOC) == []
    covered = set()
    for e in r.log:
        covered.update(range(e["start"], e["end"]))
        assert r.text[e["start"]:e["end"]] == BLOCK * e["chars"]
    for i, ch in enumerate(DOC):
        if i not in covered:
            assert r.text[i] == ch
    assert r.text.count("\n") == DOC.count("\n")


def test_repeated_name_is_also_redacted(withheld):
    assert DOC.count(NAME) == 2
    r = redact(DOC, withheld)
    assert NAME not in r.text
    assert sum(1 for e in r.log if e["repeat"]) == 1
    off = redact(DOC, withheld, repeat=False)
    assert off.text.count(NAME) == 1


def test_tag_style_uses_reason_tags(withheld):
    r = redact(DOC, withheld, style="tag")
    assert "联系人：【第十五条 个人隐私】，身份证号码：【第十五条 个人隐私】" in r.text
    assert "科室讨论意见：【第十六条第二款 过程性信息】。" in r.text
    for piece in (NAME, ID_NO, PHONE, "建议暂缓"):
        assert piece not in r.text
    for e in r.log:
        assert r.text[e["out_start"]:e["out_end"]] == e["replacement"]
    assert r.text.startswith("关于示例地块规划许可的审查意见\n申请单位联系人：")


def test_state_secret_tag_and_default_basis():
    text = "本文件附件三为涉密内容。"
    r = redact(text, [(3, 6, "state_secret")], style="tag")
    assert r.text == "本文件【第十四条 国家秘密】为涉密内容。"
    assert r.log[0]["basis"] == f"{DEFAULT_LAW}第十四条"


def test_overlapping_spans_are_merged():
    text = "甲乙丙丁戊己庚辛壬癸"
    r = redact(text, [(1, 5, "privacy"), (3, 8, "trade_secret"), (8, 9, "privacy")], style="tag")
    assert len(r.log) == 2
    first = r.log[0]
    assert (first["start"], first["end"]) == (1, 8)
    assert first["category"] == "privacy+trade_secret"
    assert first["replacement"] == "【第十五条 个人隐私；第十五条 商业秘密】"
    assert r.text == "甲【第十五条 个人隐私；第十五条 商业秘密】【第十五条 个人隐私】癸"
    b = redact(text, [(1, 5, "privacy"), (3, 8, "trade_secret"), (2, 4, "privacy")])
    assert b.text == "甲" + BLOCK * 7 + "壬癸"
    assert len(b.log) == 1


def test_touching_spans_of_same_ground_merge_others_do_not():
    text = "ABCDEFGH"
    assert len(redact(text, [(0, 2, "privacy"), (2, 4, "privacy")]).log) == 1
    assert len(redact(text, [(0, 2, "privacy"), (2, 4, "process_info")]).log) == 2


def test_log_has_no_original_text_by_default(withheld):
    r = redact(DOC, withheld)
    for e in r.log:
        assert "text" not in e
        assert set(e) >= {"start", "end", "category", "basis", "chars", "replacement", "preview"}
        original = DOC[e["start"]:e["end"]]
        assert e["preview"] != original
        assert ID_NO not in e["preview"] and e["preview"] != NAME
    assert all(ID_NO not in line for line in r.log_lines())
    with_text = redact(DOC, withheld, include_text=True)
    assert {e["text"] for e in with_text.log} >= {NAME, ID_NO}


def test_mask_preview():
    assert mask_preview("张") == "*"
    assert mask_preview("张三") == "张*"
    assert mask_preview("13800000000") == "1" + "*" * 9 + "0"


def test_finding_like_objects_and_dicts_accepted():
    @dataclass
    class F:
        start: int
        end: int
        category: str
        basis: str

    text = "联系人王五。"
    a = redact(text, [F(3, 5, "privacy", f"{DEFAULT_LAW}第十五条")])
    b = redact(text, [{"start": 3, "end": 5, "category": "privacy"}])
    c = redact(text, [RedactionSpan(3, 5, "privacy")])
    assert a.text == b.text == c.text == "联系人" + BLOCK * 2 + "。"


@pytest.mark.parametrize("bad", [(5, 3, "privacy"), (-1, 2, "privacy"), (0, 999, "privacy"), (2, 2, "privacy")])
def test_invalid_spans_rejected(bad):
    with pytest.raises(ValueError, match="脱敏范围"):
        redact("一二三四五六", [bad])


def test_invalid_style_rejected():
    with pytest.raises(ValueError, match="脱敏方式"):
        redact("一二三", [(0, 1, "privacy")], style="blur")


def test_no_spans_returns_text_unchanged():
    r = redact(DOC, [])
    assert r.text == DOC and r.log == []


@settings(max_examples=150, deadline=None)
@given(
    text=st.text(alphabet="甲乙丙丁戊\n ab", min_size=1, max_size=60),
    raw=st.lists(st.tuples(st.integers(0, 59), st.integers(1, 20)), max_size=6),
    style=st.sampled_from(["block", "tag"]),
)
def test_property_redacted_spans_never_survive(text, raw, style):
    spans = []
    for start, length in raw:
        start = start % len(text)
        end = min(len(text), start + length)
        if start < end:
            spans.append((start, end, "privacy"))
    r = redact(text, spans, style=style, repeat=False)
    if style == "block":
        assert len(r.text) == len(text)
        for s, e, _ in spans:
            for i in range(s, e):
                assert r.text[i] == ("\n" if text[i] == "\n" else BLOCK) or text[i] == "\r"
    # merged log entries are disjoint, sorted and cover every span
    prev_end = -1
    for entry in r.log:
        assert entry["start"] >= prev_end
        prev_end = entry["end"]
    for s, e, _ in spans:
        assert any(x["start"] <= s and e <= x["end"] for x in r.log)
