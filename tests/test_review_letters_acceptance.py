"""Acceptance check of issue 9 over EVERY reply code of reply-types.yaml: the drafted letter cites
exactly its code's articles of the 条例 (plus the grounds of withheld parts for 部分公开), contains no
file name, rule code, English word or probability, and every 【待填写】 is a real blank."""

from __future__ import annotations

import re

import pytest
from test_review import CASES, catalog, docs, office_profile, request, review  # noqa: F401  (fixtures below)  # noqa: F401

from reviewer.decide.replytypes import DEFAULT_LAW, load_reply_types, parse_citations

FILE_NAME_RE = re.compile(r"[\w\-（）()]+\.(?:txt|docx?|pdf|html?|md|csv|ya?ml|json|xlsx?)\b", re.I)
RULE_CODE_RE = re.compile(r"(?<![A-Za-z])[A-Z]{2,4}\d{2,4}(?!\d)")
URL_RE = re.compile(r"https?://\S+?(?=[）)，。；\s]|$)")
PROBABILITY_RE = re.compile(r"概率|置信|(?<!\d)0?\.\d{2,}|\d+(?:\.\d+)?%")
BLANK_RE = re.compile(r"【待填写：([^】]*)】")
UNMARKED_BLANKS = ("请写明", "请填写", "××", "XX", "＿＿", "……")
GROUND_ARTICLES = {"第十四条", "第十五条", "第十六条第一款", "第十六条第二款"}
# Articles a letter may name besides its code's own, by kind of letter.
ALLOWED_EXTRA = {"other.correction": {"第二十九条第二款"}, "withhold.third_party": {"第三十二条"}}


def _ordinance_articles(text: str) -> set[str]:
    body = text.split("根据《中华人民共和国行政复议法》")[0]  # the remedy paragraph cites another law
    return {article for law, article in parse_citations(body) if law == DEFAULT_LAW}


def _covers(article: str, allowed: set[str]) -> bool:
    return any(article == a or article.startswith(a) for a in allowed)


@pytest.mark.parametrize("code,body,doc_names,extra,citation", CASES, ids=[c[0] for c in CASES])
def test_every_code_letter_is_signable(code, body, doc_names, extra, citation, docs, catalog):  # noqa: F811
    types = load_reply_types()
    extra = dict(extra)
    if extra.pop("catalog", False):
        extra["catalog"] = catalog
    if extra.pop("office", False):
        extra["profile"] = office_profile(catalog.parent)
    text = "申请公开你局那个文件。" if body is None else request(body)
    outcome = review(text, *[docs[n] for n in doc_names], **extra)
    letter = outcome.letter
    assert letter.code == code
    rendered = letter.to_text()
    own = {a for _, a in parse_citations(DEFAULT_LAW + "、".join(types[code].cite))} if types[code].cite else set()
    allowed = own | ALLOWED_EXTRA.get(code, set()) | (GROUND_ARTICLES if code == "partial" else set())
    cited = _ordinance_articles(rendered)
    assert all(_covers(a, allowed) for a in cited), (cited, allowed)
    assert own <= cited, (own, cited)
    for name in doc_names:
        assert name + ".txt" not in rendered
    without_urls = URL_RE.sub("", rendered)
    assert not FILE_NAME_RE.search(without_urls), FILE_NAME_RE.search(without_urls)
    assert not RULE_CODE_RE.search(without_urls), RULE_CODE_RE.search(without_urls)
    assert not re.search(r"[A-Za-z]{2,}", without_urls), re.search(r"[A-Za-z]{2,}", without_urls)
    assert not PROBABILITY_RE.search(without_urls), PROBABILITY_RE.search(without_urls)
    for blank in BLANK_RE.findall(rendered):
        assert 2 <= len(blank) <= 40 and "【" not in blank and not blank.startswith(("请", "待")), blank
    for marker in UNMARKED_BLANKS:
        assert marker not in rendered, marker
    assert "审核提示" not in rendered, "staff notes stay out of the letter"
