"""给不给 — a record another law or administrative regulation forbids giving out, read from what is asked (第十四条).

Statistical surveys and censuses collect returns from single respondents; the statistics and census laws and
regulations forbid giving out the material that identifies one respondent ("刘某某户填写的人口普查登记表（短表）",
"某某电器有限公司向贵局报送的…原始统计报表", "某某足浴店填报的个体经营户普查表").  Asked for, such a return is
其他法律、行政法规禁止公开 whatever it contains — not a third party's privacy or trade secret to weigh by consulting
it (第三十二条).  The draft names no article: the officer writes the prohibiting law and its article into the letter
(the ``prohibiting_law`` placeholder) after checking it.

Not aggregated figures (公报, 年鉴, 汇总, 主要数据, 人均 …: published statistics), and not the applicant's own return
("我公司当年报送的统计报表": the respondent's own material).
"""

from __future__ import annotations

from reviewer.text import lazy_re

# A single respondent's census or survey return.
_RETURN_RE = lazy_re.compile(
    r"(?:人口|经济|农业|污染源)?普查(?:时|中|期间)?(?:的)?[^。；，]{0,12}?(?:登记表|普查表|短表|长表|底册|原始(?:资料|数据|登记|记录|表))|"
    r"(?:填报|报送|上报|填写)(?:的)?[^。；]{0,40}?(?:原始)?(?:统计(?:调查)?(?:表|报表)|普查表|调查表)|"
    r"原始统计(?:调查)?(?:表|报表|资料|数据)")
# ... not aggregated or published figures, and not the applicant's own return
_AGGREGATE_RE = lazy_re.compile(r"公报|年鉴|汇总|主要数据|综合数据|总体|人均|总人口|常住人口|统计结果|统计数据|数据公布|(?:全|本)(?:县|市|区|省|国|镇|乡|街道)(?:的)?(?:人口|数据)(?!普查)")
_OWN_RE = lazy_re.compile(r"(?:本人|我家|我户|本户|我公司|我司|本公司|我单位|本单位|我厂|本厂|申请人)(?:当年|自己|自身)?(?:的)?[^。；，]{0,12}?(?:填报|填写|报送|上报)")

PROHIBITED_ASKED_NOTE = ("所申请的是统计调查或普查中单个调查对象的原始资料（“{asked}”）：统计、普查方面的法律、行政法规规定，能够识别或者推断"
                         "单个调查对象身份的资料不得对外提供。请核对具体法律、行政法规的名称和条款，写入答复书“禁止公开的依据”；"
                         "申请人系该调查对象本人的，按本人信息处理。")


def asked_prohibited(text: str) -> str | None:
    """The words of the request asking for a single respondent's census or statistical-survey return, else None."""
    for m in _RETURN_RE.finditer(text or ""):
        start = max(text.rfind(c, 0, m.start()) for c in "。；;\n") + 1
        end = min((i for i in (text.find(c, m.end()) for c in "。；;\n") if i >= 0), default=len(text))
        sentence = text[start:end]
        if _AGGREGATE_RE.search(sentence) or _OWN_RE.search(sentence):
            continue
        return m.group(0)
    return None
