"""文号 (document numbers): find them in running text and write them one canonical way."""

from __future__ import annotations

import re

from reviewer.text import lazy_re

DOC_NUMBER_RE = lazy_re.compile(
    r"(?P<prefix>[\u4e00-\u9fa5A-Za-z]{1,12})\s*[〔\[\(（【]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]\)）】]\s*"
    r"(?:第\s*)?(?P<seq>\d{1,5})\s*号"
)

# Words that end the running text before a 文号's 机关代字 ("申请公开渝府地〔2014〕74号" → "渝府地").
_PREFIX_STOP_RE = lazy_re.compile(r"^.*(?:公开|提供|获取|申请|要求|查询|依据|根据|按照|关于|即|的|及|和|与|或|为|是|见|号|文件|通知|批复|决定|印发)")


def normalise_doc_number(raw: str) -> str:
    """Canonical 文号: brackets → 〔〕, no spaces, no leading 第 before the number, no running text before it."""
    m = DOC_NUMBER_RE.search(raw)
    if not m:
        return re.sub(r"\s+", "", raw)
    prefix = _PREFIX_STOP_RE.sub("", m.group("prefix")) or m.group("prefix")
    return f"{prefix}〔{m.group('year')}〕{int(m.group('seq'))}号"


def find_doc_numbers(text: str) -> list[str]:
    seen: list[str] = []
    for m in DOC_NUMBER_RE.finditer(text):
        number = normalise_doc_number(m.group(0))
        if number not in seen:
            seen.append(number)
    return seen
