"""Tests for reviewer.text.normalize: conversions, whitespace, and the offset map back to the original."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.text.normalize import (
    KEPT_FULLWIDTH,
    Normalized,
    _normalize_vectorized,
    normalize,
    translation_table,
)

# ----------------------------------------------------------------------------------------------------
# specific conversions


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("國家祕密", "国家秘密"),
        ("申請", "申请"),
        ("號", "号"),
        ("資訊公開條例", "资讯公开条例"),
        ("ＡＢＣｘｙｚ０１２３４５６７８９", "ABCxyz0123456789"),
        ("＠＋－＿．／＊", "@+-_./*"),
        ("ｗｗｗ．ｇｏｖ．ｃｎ", "www.gov.cn"),
        ("（一）依据第十五条：", "（一）依据第十五条："),
        ("。，、：；！？“”‘’〔〕【】《》", "。，、：；！？“”‘’〔〕【】《》"),
        ("机密★１年", "机密★1年"),
        ("乾坤", "乾坤"),  # valid simplified text stays
        ("國\u3000家", "国 家"),
        ("a\u00a0b\u2003c\u202fd", "a b c d"),
    ],
)
def test_conversions(source: str, expected: str) -> None:
    assert normalize(source).text == expected


def test_one_to_one_conversions_keep_offsets() -> None:
    source = "申請人：張三，身份證號碼１１０１０１"
    result = normalize(source)
    assert len(result.text) == len(source)
    assert list(result.to_orig) == list(range(len(source) + 1))
    start = result.text.index("张三")
    assert source[slice(*result.orig_span(start, start + 2))] == "張三"


def test_kept_fullwidth_are_really_kept() -> None:
    table = translation_table()
    for char in KEPT_FULLWIDTH:
        assert ord(char) not in table
    assert all(len(value) == 1 for value in table.values())


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("a  \t b", "a b"),
        ("a\n\nb", "a\n\nb"),
        ("a\n\n\n\n\nb", "a\n\nb"),
        ("a\n \n\t\n b", "a\n\n b"),
        ("a\n \nb", "a\n \nb"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("a\r\n\r\n\r\n\r\nb", "a\n\nb"),
        ("第一页\n\f\n第二页", "第一页\n\n第二页"),
        ("国家\u200b秘密", "国家秘密"),
        ("\ufeff开头", "开头"),
        ("x \u200b y", "x y"),
        ("\u3000\u3000首行缩进", " 首行缩进"),
    ],
)
def test_whitespace_and_newlines(source: str, expected: str) -> None:
    assert normalize(source).text == expected


def test_collapsed_runs_map_to_whole_original_run() -> None:
    source = "甲   乙\r\n\r\n\r\n丙\u200b丁"
    result = normalize(source)
    assert result.text == "甲 乙\n\n丙丁"
    space = result.text.index(" ")
    assert result.orig_span(space, space + 1) == (1, 4)
    newlines = result.text.index("\n")
    assert source[slice(*result.orig_span(newlines, newlines + 2))] == "\r\n\r\n\r\n"
    ding = result.text.index("丁")
    assert source[slice(*result.orig_span(ding, ding + 1))] == "丁"
    bing = result.text.index("丙")
    assert source[slice(*result.orig_span(bing, bing + 2))] == "丙\u200b丁"


def test_empty_text() -> None:
    result = normalize("")
    assert result.text == ""
    assert list(result.to_orig) == [0]
    assert result.orig_span(0, 0) == (0, 0)


def test_orig_span_rejects_bad_offsets() -> None:
    result = normalize("abc")
    with pytest.raises(IndexError):
        result.orig_span(0, 4)
    with pytest.raises(ValueError):
        result.orig_span(2, 1)


def test_offsets_are_python_ints() -> None:
    result = normalize("申請  人")
    start, end = result.orig_span(0, 2)
    assert type(start) is int and type(end) is int
    assert type(result.to_orig[1]) is int


def test_throughput() -> None:
    """Runs on every document: a few MB must normalise well under a second (typically ~0.1 s)."""
    block = "依據《中華人民共和國政府信息公開條例》第十五條，申請人（身份證號：ＸＸＸ）　住址保密。\r\n\r\n\r\n"
    text = block * (4 * 1024 * 1024 // len(block.encode("utf-8")))
    normalize("warm up the tables")
    started = time.perf_counter()
    result = normalize(text)
    elapsed = time.perf_counter() - started
    assert "依据《中华人民共和国政府信息公开条例》第十五条" in result.text
    assert elapsed < 2.0, elapsed


# ----------------------------------------------------------------------------------------------------
# properties

ALPHABET = list("aB1。，（）國號申請人中文★") + list("Ａｂ１＠．") + [" ", "\t", "\u3000", "\xa0", "\n", "\r", "\f", "\u200b", "\ufeff"]
texts = st.text(alphabet=st.sampled_from(ALPHABET), max_size=80)


def _splits_collapsed_newlines(result: Normalized, index: int) -> bool:
    """True when ``index`` falls between the two line breaks a run of 3+ breaks was reduced to."""
    return 0 < index < len(result.text) and result.text[index - 1] == "\n" == result.text[index]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_offset_map_shape(source: str) -> None:
    result = normalize(source)
    to_orig = list(result.to_orig)
    assert len(to_orig) == len(result.text) + 1
    assert to_orig[-1] == len(source)
    assert all(a < b for a, b in zip(to_orig[:-1], to_orig[1:], strict=True))  # strictly increasing
    # every kept character comes from the character it maps to
    for index, char in enumerate(result.text):
        assert normalize(source[to_orig[index]]).text == char


@settings(max_examples=400, deadline=None)
@given(texts, st.data())
def test_orig_span_round_trip(source: str, data: st.DataObject) -> None:
    result = normalize(source)
    start = data.draw(st.integers(0, len(result.text)))
    end = data.draw(st.integers(start, len(result.text)))
    if _splits_collapsed_newlines(result, start) or _splits_collapsed_newlines(result, end):
        return
    orig_start, orig_end = result.orig_span(start, end)
    assert 0 <= orig_start <= orig_end <= len(source)
    assert normalize(source[orig_start:orig_end]).text == result.text[start:end]


@settings(max_examples=300, deadline=None)
@given(texts)
def test_idempotent_and_no_long_runs(source: str) -> None:
    once = normalize(source).text
    assert normalize(once).text == once
    assert "  " not in once
    assert "\n\n\n" not in once
    assert "\r" not in once and "\u3000" not in once and "\u200b" not in once


@settings(max_examples=300, deadline=None)
@given(texts)
def test_short_text_path_matches_vectorised_path(source: str) -> None:
    fast, vectorised = normalize(source), _normalize_vectorized(source)
    assert fast.text == vectorised.text
    assert list(fast.to_orig) == list(vectorised.to_orig)


@pytest.mark.parametrize(("source", "expected"), [
    ("申请公开,并提供;谢谢!", "申请公开，并提供；谢谢！"),
    ("当事人:张某,男,1990年生", "当事人：张某，男，1990年生"),
    ("是否合法?", "是否合法？"),
    ("1,000元 10:30 http://example.org a,b", "1,000元 10:30 http://example.org a,b"),
    ("申请公开(2019)12号文件", "申请公开（2019）12号文件"),
    ("(一)基本情况", "（一）基本情况"),
    ("((申请))", "（（申请））"),
    ("f(x)=1, call (010) 1234", "f(x)=1, call (010) 1234"),
])
def test_half_width_punctuation_next_to_han_is_folded(source: str, expected: str) -> None:
    short = normalize(source)
    long = normalize(source + "\n\n\n" + "x" * 5000)  # the vectorised path folds the same way
    assert short.text == expected
    assert long.text.startswith(expected)
    assert short.orig_span(0, len(short.text)) == (0, len(source))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="申请公开,;:!?12ab （）()。\n", max_size=40))
def test_punctuation_fold_keeps_length_and_is_idempotent(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once
    assert once.count("(") + once.count("（") == text.count("(") + text.count("（")  # pairs fold, none is lost
    assert not any(ch in ",;:!?" and (
        (i > 0 and "\u4e00" <= once[i - 1] <= "\u9fff") or (i + 1 < len(once) and "\u4e00" <= once[i + 1] <= "\u9fff"))
        for i, ch in enumerate(once))


@pytest.mark.parametrize(("source", "expected"), [
    ("张x、李XX的补偿协议", "张×、李××的补偿协议"),
    ("x政发〔2013〕12号", "×政发〔2013〕12号"),
    ("2019年x月x日", "2019年×月×日"),
    ("ＸＸ村委会", "××村委会"),
    ("Excel表格、xlsx文件、3x4米、X-ray检查", "Excel表格、xlsx文件、3x4米、X-ray检查"),
    ("电话138****1234，秘密*", "电话138****1234，秘密*"),
])
def test_latin_pseudonym_masks_next_to_han_become_the_multiplication_sign(source: str, expected: str) -> None:
    short = normalize(source)
    long = normalize(source + "\n\n\n" + "y" * 5000)  # the vectorised path folds the same way
    assert short.text == expected
    assert long.text.startswith(expected)
    assert len(short.text) == len(source) and short.orig_span(0, len(short.text)) == (0, len(source))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="张村xX×ab1 、\n", max_size=30))
def test_mask_fold_keeps_length_and_is_idempotent(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once
    han = "张村"
    for i, ch in enumerate(once):  # no X/x run left that touches Chinese and no Latin letter or digit
        if ch in "Xx":
            j, k = i, i
            while j > 0 and once[j - 1] in "Xx":
                j -= 1
            while k + 1 < len(once) and once[k + 1] in "Xx":
                k += 1
            before = once[j - 1] if j > 0 else ""
            after = once[k + 1] if k + 1 < len(once) else ""
            latin = (before.isascii() and before.isalnum()) or (after.isascii() and after.isalnum())
            assert latin or not ((before and before in han) or (after and after in han))
def test_long_texts_whose_length_does_not_change_skip_numpy():
    """A document without \\r, zero-width characters or runs of spaces/blank lines (most documents, of any
    length) is normalised in pure Python, with the same result as the numpy path; numpy is not even imported."""
    import subprocess
    import sys

    source = ("關於開展安全生產檢查的通知（２０２４）\n各單位：\u3000要認真落實,並報告!\n\n" * 300)[:9000]
    fast, vectorised = normalize(source), _normalize_vectorized(source)
    assert len(source) > 4096 and fast.text == vectorised.text
    assert list(fast.to_orig) == list(vectorised.to_orig)
    code = ("import sys; from reviewer.text.normalize import normalize; "
            f"normalize({source!r}); print('numpy' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True).stdout.strip() == "False"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(sorted(map(chr, translation_table()))), st.characters()),
               max_size=60))
def test_fast_translation_is_the_table(source: str) -> None:
    from reviewer.text.normalize import _translate

    assert _translate(source) == source.translate(translation_table())


@pytest.mark.parametrize("source", ["中,国", "a,中", "中,a", "a,b", ",中", "中,", ",", "中,,中", "1:2", "中?!中", "(中)"])
def test_fold_matches_its_definition(source: str) -> None:
    """A mark is folded when a Han character is right before or right after it."""
    import re

    from reviewer.text.normalize import _HAN, CJK_PUNCTUATION_FOLD, _fold_cjk_punctuation

    han = re.compile(f"[{_HAN}]")
    expected = "".join(CJK_PUNCTUATION_FOLD[ch] if ch in CJK_PUNCTUATION_FOLD and (
        (i > 0 and han.match(source[i - 1])) or (i + 1 < len(source) and han.match(source[i + 1]))) else ch
        for i, ch in enumerate(source))
    assert _fold_cjk_punctuation(source).replace("（", "(").replace("）", ")") == expected.replace("（", "(").replace("）", ")")


def test_translation_string_is_cached_and_read_back_identically(tmp_path, monkeypatch):
    from reviewer.text import normalize as N

    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path))
    N._translation_string.cache_clear()
    try:
        built = N._translation_string()
        assert len(list(tmp_path.glob("normalize-table-*.bin"))) == 1
        assert N._read_translation_cache() == built
        bmp, beyond = built
        table = translation_table()
        assert all(bmp[code] == target for code, target in table.items() if code < 0x10000)
        assert beyond == {code: target for code, target in table.items() if code >= 0x10000}
        next(tmp_path.glob("normalize-table-*.bin")).write_bytes(b"\x00" * 10)  # damaged: built again
        N._translation_string.cache_clear()
        assert N._translation_string() == built
    finally:
        N._translation_string.cache_clear()


@pytest.mark.parametrize(("source", "expected"), [
    ('要求本局"书面确认该房产是否适用该政策"。', "要求本局“书面确认该房产是否适用该政策”。"),
    ('他说"好"和"不"', "他说“好”和“不”"),
    ('{"a": "abc"} and "x y"', '{"a": "abc"} and "x y"'),
    ('"只有开头的引号，没有结尾', '"只有开头的引号，没有结尾'),
    ('第一行"开头\n第二行"结尾', '第一行"开头\n第二行"结尾'),
])
def test_straight_quote_pairs_around_han_become_chinese_quotation_marks(source: str, expected: str) -> None:
    short = normalize(source)
    long = normalize(source + "\n\n\n" + "y" * 5000)  # the vectorised path folds the same way
    assert short.text == expected
    assert long.text.startswith(expected)
    assert len(short.text) == len(source)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet='申请"ab “”\n', max_size=30))
def test_quote_fold_keeps_length_and_is_idempotent(text: str) -> None:
    once = normalize(text).text
    assert normalize(once).text == once
    assert once.count('"') + once.count("“") + once.count("”") == text.count('"') + text.count("“") + text.count("”")
