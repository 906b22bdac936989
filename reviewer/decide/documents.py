"""What one candidate document contributes to the decision (steps 谁负责 / 有没有 / 给不给).

A :class:`DocumentView` reduces a screening result to the withholding grounds that matter, the organ
that made the document (第十条), the organs it was made jointly with (第三十四条) and whether a
国家秘密 marking's 保密期限 has run out (保守国家秘密法: 保密期限已满的，自行解密).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from reviewer.detect.findings import Finding, is_sure
from reviewer.text import lazy_re

# Grounds that concern the nature of the whole document vs. separable passages.
DOCUMENT_GROUNDS = ("state_secret", "law_prohibited", "security_stability", "internal_affairs", "process_info",
                    "enforcement_file")
SPAN_GROUNDS = ("privacy", "trade_secret")

# A government organ's name: optional place, then a body ending in an organ word.
AGENCY_RE = lazy_re.compile(
    r"(?:[\u4e00-\u9fa5]{2,12}?(?:省|市|县|区|镇|乡|街道))?[\u4e00-\u9fa5]{2,14}?"
    r"(?:人民政府|管理局|监督管理局|局|委员会|委|办公室|办|厅|分局|中心|管委会)"
)
# Running text that may precede an organ's name in a sentence ("申请公开示例市…局").
_LEAD_RE = lazy_re.compile(r"^.*?(?:申请公开|要求公开|请求公开|申请获取|申请提供|要求提供|公开|提供|获取|申请|要求|关于|由|系|是|向|的)"
                      r"(?=[\u4e00-\u9fa5]{2,12}?(?:省|市|县|区|镇|乡))")
_LEAD_PREPOSITION_RE = lazy_re.compile(r"^(?:由|系|是|向|经)(?=[\u4e00-\u9fa5]{2,12}?(?:省|市|县|区|镇|乡))")
# At a document's head an organ's name starts with a place and is not the start of a longer word
# ("管理办法" is not the organ "管理办").
HEADING_AGENCY_RE = lazy_re.compile(
    r"[\u4e00-\u9fa5]{2,12}?(?:省|市|县|区|镇|乡|街道)[\u4e00-\u9fa5]{2,14}?"
    r"(?:人民政府|管理局|监督管理局|局|委员会|办公室|厅|分局|管委会)(?![法理事案结公])"
)
SECRET_MARK_RE = lazy_re.compile(r"(绝密|机密|秘密)\s*★\s*(?:(\d{1,2})|([一二三四五六七八九十]{1,3}))\s*年")
DATE_RE = lazy_re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
JOINT_CUES = ("联合印发", "联合发布", "联合制定", "共同制定", "会同", "联合下发", "联合发文")


@dataclass
class DocumentView:
    """What one candidate document contributes to the decision."""

    path: str
    status: str
    verdict: str
    document_grounds: dict[str, float]  # ground → probability the whole document is exempt on it
    span_grounds: dict[str, float]  # ground → probability that separable parts must be withheld
    withheld: list[Finding]  # separable spans to withhold (severity withhold, score ≥ threshold)
    markings: list[Finding]  # 工作秘密 / 内部资料 marks: need a real ground
    error: str | None = None
    title: str = ""  # file name and first lines, used to link the document to a requested item
    messages: dict[str, list[str]] = field(default_factory=dict)  # staff view only: ground → rule messages
    organ: str | None = None  # the organ named as maker in the heading (第十条)
    co_organs: list[str] = field(default_factory=list)  # other organs named as joint makers (第三十四条)
    secret_expired: bool = False  # a 密级 marking whose 保密期限 has run out (自行解密)
    secret_mark: str | None = None  # e.g. "秘密★1年"
    # spans the review copy masks while they await review (severity review, or under the threshold): the letter
    # holds a place for each, so what the copy withholds and what the letter says stay the same
    pending: list[Finding] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return self.status == "ok"

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]


def clean_agency(name: str) -> str:
    """An organ's name without the running text before it ("申请公开示例市住建局" → "示例市住建局")."""
    name = _LEAD_RE.sub("", name).strip()
    # "申请公开由示例市…局": the lazy lead stops at 公开, leaving the preposition before the place name
    return _LEAD_PREPOSITION_RE.sub("", name)


def heading_organs(text: str) -> list[str]:
    """Organs named at the head of a document (the maker, or several makers of a joint document)."""
    head = []
    for line in text.splitlines():
        line = line.strip()
        if not line or SECRET_MARK_RE.search(line) or line in ("工作秘密", "内部资料", "注意保存"):
            continue
        head.append(line)
        if len(head) >= 2:
            break
    organs: list[str] = []
    for line in head:
        if line.startswith(("（", "(")):
            continue
        for m in HEADING_AGENCY_RE.finditer(line):
            if m.start() > 0 and line[m.start() - 1] not in "、 　和与":
                break
            name = clean_agency(m.group(0))
            if name not in organs:
                organs.append(name)
        if organs:
            break
    return organs


def same_organ(a: str | None, b: str | None) -> bool:
    """Whether two names are one organ's ("某市人民政府" and "某市政府" too)."""
    if not a or not b:
        return False
    # (a government's general office issues in its name: "市政府办公室印发的" is the 市人民政府's)
    a, b = (_short_name(re.sub(r"(政府)办公(?:室|厅)$", r"\1", x.replace("人民政府", "政府"))) for x in (a, b))
    return a == b or a in b or b in a


# The short names organs go by ("某区人社局" is "某区人力资源和社会保障局"): both names are read in their short form.
_SHORT_NAMES = (("人力资源和社会保障", "人社"), ("住房和城乡建设", "住建"), ("自然资源和规划", "自然资源"),
                ("市场监督管理", "市场监管"), ("卫生健康委员会", "卫健委"), ("卫生和健康委员会", "卫健委"),
                ("发展和改革委员会", "发改委"), ("发展改革委员会", "发改委"), ("发展和改革局", "发改局"), ("发展改革局", "发改局"), ("交通运输", "交通"), ("农业农村", "农业"),
                ("城市管理综合行政执法", "城管"), ("城市管理综合执法", "城管"), ("城市管理", "城管"), ("应急管理", "应急"),
                ("医疗保障", "医保"), ("退役军人事务", "退役军人"), ("文化和旅游", "文旅"), ("文化广电旅游", "文旅"),
                ("生态环境", "环保"), ("教育和体育", "教体"), ("住房公积金管理中心", "公积金中心"))


def _short_name(name: str) -> str:
    for long, short in _SHORT_NAMES:
        name = name.replace(long, short)
    return name


def secrecy_expired(text: str, today: dt.date) -> tuple[str | None, bool]:
    """The 密级 marking and whether its 保密期限 (counted from the latest date in the document, the
    制发日) has run out. Unknown date or period → not expired."""
    m = SECRET_MARK_RE.search(text)
    if not m:
        return None, False
    years = int(m.group(2)) if m.group(2) else _cn_number(m.group(3))
    dates = []
    for d in DATE_RE.finditer(text):
        try:
            dates.append(dt.date(int(d.group(1)), int(d.group(2)), int(d.group(3))))
        except ValueError:
            continue
    if not dates or not years:
        return m.group(0).replace(" ", ""), False
    issued = max(dates)
    try:
        ends = issued.replace(year=issued.year + years)
    except ValueError:  # 29 February
        ends = issued.replace(year=issued.year + years, day=28)
    return m.group(0).replace(" ", ""), ends < today


def _cn_number(text: str | None) -> int:
    if not text:
        return 0
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS.get(text[1:], 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN_DIGITS.get(tens, 0) * 10 + _CN_DIGITS.get(ones, 0)
    return _CN_DIGITS.get(text, 0)


def view_document(result, threshold: float = 0.5, today: dt.date | None = None) -> DocumentView:
    """Reduce a ScreenResult to the grounds that matter for the decision."""
    name = result.path.rsplit("/", 1)[-1]
    if result.status != "ok":
        return DocumentView(result.path, result.status, result.verdict, {}, {}, [], [], result.error, name)
    mark, expired = secrecy_expired(result.text, today or dt.date.today())
    document_grounds: dict[str, float] = {}
    span_grounds: dict[str, float] = {}
    markings = [f for f in result.findings if f.explanation.get("marking")]
    for category, score in result.categories.items():
        p = score.score
        if category == "state_secret":
            # Only a 密级 marking (severity withhold) or the classifier can make this a state secret;
            # 工作秘密 / 内部资料 marks are not grounds by themselves (ogi-law.md §4.3). An expired
            # 保密期限 declassifies by itself: no ground, a check with the 定密机关 instead.
            marked = [f.score for f in result.findings if f.category == "state_secret" and f.severity == "withhold"]
            p = 0.0 if expired else max([*marked, 0.0, (score.classifier or 0.0) * 0.8])
        if p <= 0:
            continue
        if category in DOCUMENT_GROUNDS:
            document_grounds[category] = p
        else:
            span_grounds[category] = p
    withheld = [f for f in result.findings
                if f.category in SPAN_GROUNDS and is_sure(f, threshold)]
    messages: dict[str, list[str]] = {}
    for f in result.findings:
        if f.severity != "info":
            text = f.explanation.get("message", "").rstrip("。")
            if text and text not in messages.setdefault(f.category, []):
                messages[f.category].append(text)
    lines = [line.strip() for line in result.text.splitlines() if line.strip()]
    title = f"{name} {' '.join(lines[:3])[:120]}"
    organs = heading_organs(result.text)
    joint = len(organs) > 1 or any(c in result.text for c in JOINT_CUES)
    pending = [f for f in result.findings if f.severity != "info" and f.start < f.end and f not in withheld
               and not is_sure(f, threshold)]
    return DocumentView(result.path, result.status, result.verdict, document_grounds, span_grounds, withheld,
                        markings, None, title, messages, organs[0] if organs else None,
                        organs[1:] if joint else [], expired, mark, pending)
