"""The fast segmenter (rjieba + jieba's ASCII rule) against the reference ``jieba.lcut``.

Where the tokens differ, and why that is acceptable:

1. Raw jieba-rs keeps an ASCII run joined by ``- . _ % + # &`` as one token ("2022-09-15", "trade_secret",
   "e.g"); jieba splits it into letter/digit runs and single separators.  :func:`segment._split_ascii`
   applies jieba's own rule, so after it the two agree (``RAW_DIFFERENCES`` below shows the raw output).
2. What remains: on runs of characters that form no dictionary word, jieba-rs's HMM can join two
   characters that jieba's HMM leaves apart (``HMM_DIFFERENCE``: about 1 in 50,000 strings of random
   characters, none in the corpora, the seed reports or the examples).  Such tokens are nonsense words in
   both segmentations, rules match on text spans not tokens (offsets are unchanged: tokens always
   concatenate to the input), and the models are trained on the fast segmenter's own output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.paths import CORPORA_DIR
from reviewer.text.segment import cut, get_segmenter, get_tokenizer, segment

PROJECT_DIR = Path(__file__).resolve().parents[1]
SEEDS = PROJECT_DIR.parent / "shared" / "seeds"

RAW_DIFFERENCES = {  # text -> (jieba.lcut, raw rjieba)
    "2022-09-15": (["2022", "-", "09", "-", "15"], ["2022-09-15"]),
    "trade_secret": (["trade", "_", "secret"], ["trade_secret"]),
    "版本1.2.3发布": (["版本", "1.2", ".", "3", "发布"], ["版本", "1.2.3", "发布"]),
}
HMM_DIFFERENCE = ("常在等则取应会质", ["常", "在", "等", "则", "取", "应会质"], ["常在", "等", "则", "取", "应会质"])
AGREE = ["学习C++语言", "AT&T公司", "用C#和c++写", "abc#d", "增长12.5%以上", "e.g.", "电话：0755-12345678",
         "邮箱 wang.fang@example.com", "第（二）项", "政府信息公开条例第十六条", "  空格\t制表\n换行  "]


def _paragraphs() -> list[str]:
    texts = []
    for root, patterns in ((CORPORA_DIR, ("*.txt", "*.jsonl", "*.yaml")), (PROJECT_DIR / "examples", ("*.txt",)),
                           (SEEDS, ("*.txt",))):
        for pattern in patterns:
            for path in sorted(root.rglob(pattern)) if root.is_dir() else []:
                texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return [line for text in texts for line in text.splitlines() if line.strip()]


def test_same_tokens_as_jieba_on_every_corpus_example_and_seed_paragraph():
    reference = get_tokenizer()
    paragraphs = _paragraphs()
    assert len(paragraphs) > 1000
    differing = [p for p in paragraphs if cut(p) != reference.lcut(p, HMM=True)]
    assert differing == []


@pytest.mark.parametrize("text", AGREE)
def test_same_tokens_as_jieba_on_ascii_and_mixed_text(text):
    assert cut(text) == get_tokenizer().lcut(text, HMM=True)


@pytest.mark.parametrize("text", sorted(RAW_DIFFERENCES))
def test_documented_raw_differences_are_fixed_up(text):
    jieba_tokens, raw = RAW_DIFFERENCES[text]
    assert get_tokenizer().lcut(text, HMM=True) == jieba_tokens
    assert get_segmenter().cut(text, True) == raw
    assert cut(text) == jieba_tokens


def test_documented_hmm_difference():
    text, jieba_tokens, ours = HMM_DIFFERENCE
    assert get_tokenizer().lcut(text, HMM=True) == jieba_tokens
    assert cut(text) == ours


def test_user_dictionary_is_loaded():
    words = [line.split()[0] for line in (CORPORA_DIR / "userdict.txt").read_text(encoding="utf-8").splitlines()
             if line.strip()]
    assert all(get_segmenter().has_word(w) for w in words)
    assert "政府信息公开申请表" in cut("请填写政府信息公开申请表。")


def test_jieba_dictionary_words_are_known():
    import jieba

    path = Path(jieba.__file__).parent / "dict.txt"
    words = [line.split()[0] for line in path.read_text(encoding="utf-8").splitlines()[::997]]
    assert len(words) > 300 and all(get_segmenter().has_word(w) for w in words)


def test_offsets_stay_valid():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    alphabet = st.sampled_from(list("政府信息公开申请人会议纪要的了是在abcXYZ019-._%+#& ，。（）\t\n\u3000😀𠀀"))

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=60))
    def check(text):
        tokens = segment(text)
        assert "".join(tokens.words) == text
        assert all(text[s:e] == w for w, s, e in zip(tokens.words, tokens.starts, tokens.ends, strict=True))

    check()


def test_word_frequency_cache_file_gives_the_dictionary_frequencies(tmp_path, monkeypatch):
    """The cached frequency table (written on first use, read afterwards) answers exactly what parsing
    jieba's dict.txt and the user dictionary answers, for every word and for absent words."""
    import reviewer.text.segment as seg

    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path))
    parsed = seg._parse_frequencies(seg._frequency_sources())
    assert parsed.get("申请", 0) > 0
    built = seg._load_frequency_table()  # no cache file yet: parses and writes it
    assert list(tmp_path.glob("wordfreq-*.bin"))
    loaded = seg._load_frequency_table()  # read back from the cache file
    for table in (built, loaded):
        assert len(table) == len(parsed)
        assert all(table.get(w) == n for w, n in parsed.items())
        assert table.get("不是词语的一串字") == 0 and table.get("") == 0
    corrupt = next(tmp_path.glob("wordfreq-*.bin"))
    corrupt.write_bytes(b"not marshal")
    assert seg._load_frequency_table().get("申请") == parsed["申请"]


def test_separator_runs_are_the_ascii_runs_holding_a_separator():
    """The fast search for ASCII runs with a separator finds exactly the maximal runs of two or more run
    characters that hold one (what _split_ascii looks at)."""
    import random

    from reviewer.text.segment import _ASCII_RUNS, _ASCII_SEP, _separator_runs

    rng = random.Random(3)
    alphabet = "aZ09-._%+#&中 ，\n"
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        expected = [m.span() for m in _ASCII_RUNS.finditer(text) if _ASCII_SEP.search(m.group())]
        assert _separator_runs(text) == expected, text
