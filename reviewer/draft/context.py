"""What a letter is drafted from and into: the :class:`ReplyContext` (with its nested facts) and the
drafted :class:`Letter`.

Nested facts accept dicts (as read from JSON/YAML) and dates accept ISO strings; unknown facts stay
None and the drafting modules turn them into ``【待填写：…】`` placeholders, which
:meth:`Letter.collect_placeholders` lists. ``Letter.notes`` are staff-facing remarks, never part of the
letter's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from reviewer.decide.replytypes import ground_basis
from reviewer.vocab import THIRD_PARTY_OPINIONS

__all__ = [
    "PLACEHOLDER_RE",
    "EarlierReply",
    "Letter",
    "OtherAgency",
    "PublishedRef",
    "ReplyContext",
    "RequestItem",
    "SearchLog",
    "ThirdParty",
    "WithheldPart",
]

PLACEHOLDER_RE = re.compile(r"【(?:待填写|审核提示)：[^】]*】")
_INDENT = "\u3000\u3000"


# ---------------------------------------------------------------------------------------------
# Context
# ---------------------------------------------------------------------------------------------


def _as_date(value: Any, what: str) -> date | None:
    """None for an empty value, else the deadline engine's date parsing (Chinese error on bad input)."""
    from reviewer.decide.deadline import parse_date

    if value is None or value == "":
        return None
    return parse_date(value, what)


def _coerce(cls: type, value: Any) -> Any:
    """Build a dataclass from a dict (as read from JSON/YAML); pass instances through."""
    if value is None or isinstance(value, cls):
        return value
    if isinstance(value, dict):
        names = {f.name for f in fields(cls)}
        unknown = set(value) - names
        if unknown:
            raise ValueError(f"{cls.__name__} 中有未知字段：{'、'.join(sorted(unknown))}")
        return cls(**value)
    raise TypeError(f"{cls.__name__} 应为映射或 {cls.__name__} 对象")


def _strs(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    return [str(v) for v in value if str(v).strip()]


@dataclass
class WithheldPart:
    """A withheld part of a document. ``text`` DESCRIBES the part (e.g. "第三方个人的身份证号码")
    — never the withheld content itself, which must not appear in the letter."""

    text: str
    ground: str  # Finding.category (privacy, trade_secret, …) or a Chinese ground
    basis: str | None = None  # article, e.g. "第十五条"; derived from ground when None
    reason: str | None = None  # why the part is withheld (第三十七条: 说明理由)
    pending: bool = False  # masked in the review copy while staff review it: the letter holds a place to fill

    def article(self) -> str | None:
        return self.basis or ground_basis(self.ground)


@dataclass
class RequestItem:
    """One requested item with its own outcome (pitfall 14: answer item by item)."""

    text: str
    code: str | None = None
    reasons: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    withheld: list[WithheldPart] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.reasons = _strs(self.reasons)
        self.citations = _strs(self.citations)
        self.withheld = [_coerce(WithheldPart, w) for w in self.withheld or []]


@dataclass
class OtherAgency:
    """The agency responsible for disclosure (第三十六条第（五）项)."""

    name: str | None = None
    contact: str | None = None
    reason: str | None = None  # e.g. "该信息由示例市住房和城乡建设局制作"


@dataclass
class EarlierReply:
    """An earlier reply to the same applicant on the same information (第三十六条第（六）项)."""

    doc_number: str | None = None
    date: date | None = None

    def __post_init__(self) -> None:
        self.date = _as_date(self.date, "前次答复日期")


@dataclass
class SearchLog:
    """How the agency searched before answering 信息不存在 (指导案例101号)."""

    systems: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    period: str | None = None
    searched_by: str | None = None
    searched_on: date | None = None
    result: str | None = None
    record: str | None = None  # the search record as the office wrote it (``--searched``)

    def __post_init__(self) -> None:
        self.systems = _strs(self.systems)
        self.keywords = _strs(self.keywords)
        self.searched_on = _as_date(self.searched_on, "检索日期")


@dataclass
class ThirdParty:
    """A third party whose 商业秘密/个人隐私 may be harmed (第三十二条)."""

    name: str | None = None
    what: str | None = None  # the information concerned
    why: str | None = None  # e.g. "商业秘密（投标报价明细）"
    address: str | None = None
    sent: date | None = None  # 征求意见书 sent
    opinion: str | None = None  # "agree" | "object" | "none" (no answer in time) | None (pending)
    opinion_reason: str | None = None

    def __post_init__(self) -> None:
        self.sent = _as_date(self.sent, "征求意见日期")
        if self.opinion not in (None, *THIRD_PARTY_OPINIONS):
            raise ValueError(f"第三方意见“{self.opinion}”无效，可选：agree、object、none")


@dataclass
class PublishedRef:
    """Where a proactively published document can be found (第三十六条第（一）项)."""

    title: str | None = None
    doc_number: str | None = None
    date: date | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        self.date = _as_date(self.date, "主动公开日期")


@dataclass
class ReplyContext:
    """Everything the letters need about one application. Dates accept ISO strings; nested
    objects accept dicts. Unknown facts stay None and become 【待填写】 placeholders."""

    code: str
    applicant: str | None = None
    request_id: str | None = None
    received: date | None = None
    channel: str | None = None  # 当面 | 邮寄 | 网络 | 传真
    correction_requested: date | None = None  # date the 补正告知书 was sent
    correction_received: date | None = None
    correction_due: date | None = None  # end of the 补正 period
    correction_notice_due: date | None = None  # latest date for the 补正告知 (7 working days)
    missing: list[str] = field(default_factory=list)  # 补正 items: keys of notices.CORRECTION_ELEMENTS or text
    items: list[RequestItem] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)  # extra articles (appended to the code's)
    other_agency: OtherAgency | None = None
    earlier_reply: EarlierReply | None = None
    search_log: SearchLog | None = None
    third_party: ThirdParty | None = None
    published: list[PublishedRef] = field(default_factory=list)
    due: date | None = None
    extended_due: date | None = None
    extension_days: int | None = None
    extension_reason: str | None = None
    delivery: str | None = None
    attachments: list[str] = field(default_factory=list)
    decision_stage: str | None = None  # pending | decided (process information)
    facts: dict[str, Any] = field(default_factory=dict)
    doc_seq: str | int | None = None  # 文号序号
    today: date | None = None

    def __post_init__(self) -> None:
        for name in (
            "received", "correction_requested", "correction_received", "correction_due",
            "correction_notice_due", "due", "extended_due", "today",
        ):
            setattr(self, name, _as_date(getattr(self, name), name))
        self.items = [
            RequestItem(text=i) if isinstance(i, str) else _coerce(RequestItem, i) for i in self.items or []
        ]
        self.reasons = _strs(self.reasons)
        self.citations = _strs(self.citations)
        self.missing = _strs(self.missing)
        self.attachments = _strs(self.attachments)
        self.other_agency = _coerce(OtherAgency, self.other_agency)
        self.earlier_reply = _coerce(EarlierReply, self.earlier_reply)
        self.search_log = _coerce(SearchLog, self.search_log)
        self.third_party = _coerce(ThirdParty, self.third_party)
        self.published = [_coerce(PublishedRef, p) for p in self.published or []]
        if self.extension_days is not None and not 1 <= int(self.extension_days) <= 20:
            raise ValueError(f"延长答复期限为{self.extension_days}个工作日，超过第三十三条第二款规定的最长20个工作日")

    @property
    def the_day(self) -> date:
        return self.today or date.today()


# ---------------------------------------------------------------------------------------------
# Letter
# ---------------------------------------------------------------------------------------------


@dataclass
class Letter:
    """A drafted letter. ``paragraphs`` are body paragraphs; indices in ``headings`` are section
    headings (黑体 in .docx); ``appendix`` is printed after the closing (e.g. a 回执)."""

    kind: str  # reply | correction | extension | consultation
    title: str
    doc_number: str
    salutation: str
    paragraphs: list[str]
    closing_agency: str
    closing_date: str
    code: str | None = None
    attachments: list[str] = field(default_factory=list)
    headings: list[int] = field(default_factory=list)
    contact: str = ""
    citation: str = ""
    remedy: str = "none"  # A | B | none
    remedy_text: str = ""
    appendix_title: str = ""
    appendix: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # staff-facing, not part of the letter
    placeholders: list[str] = field(default_factory=list)

    @property
    def closing(self) -> tuple[str, str]:
        return self.closing_agency, self.closing_date

    def collect_placeholders(self) -> list[str]:
        """All 【待填写】/【审核提示】 markers of the letter, unique, in order."""
        found: list[str] = []
        for m in PLACEHOLDER_RE.finditer(self.to_text()):
            if m.group(0) not in found:
                found.append(m.group(0))
        return found

    def _attachment_lines(self) -> list[str]:
        if not self.attachments:
            return []
        if len(self.attachments) == 1:
            return [f"附件：{self.attachments[0]}"]
        lines = [f"附件：1．{self.attachments[0]}"]
        lines += [f"\u3000\u3000\u3000{i}．{a}" for i, a in enumerate(self.attachments[1:], start=2)]
        return lines

    def to_text(self) -> str:
        """Plain text, paragraphs indented by two ideographic spaces."""
        lines = [self.title, self.doc_number, "", self.salutation]
        for i, p in enumerate(self.paragraphs):
            lines.append(p if i in self.headings else _INDENT + p)
        if self.attachments:
            lines.append("")
            lines += [_INDENT + a for a in self._attachment_lines()]
        lines += ["", self.closing_agency.rjust(24, "\u3000"), self.closing_date.rjust(24, "\u3000")]
        if self.contact:
            lines.append(self.contact)
        if self.appendix:
            lines += ["", "-" * 40, self.appendix_title]
            lines += list(self.appendix)
        return "\n".join(lines) + "\n"

    def to_markdown(self) -> str:
        """Markdown (title as heading, 文号 in bold, closing right-aligned by HTML)."""
        out = [f"# {self.title}", "", f"**{self.doc_number}**", "", self.salutation, ""]
        for i, p in enumerate(self.paragraphs):
            out += [f"### {p}" if i in self.headings else p, ""]
        if self.attachments:
            out += [a.strip() + "  " for a in self._attachment_lines()] + [""]
        out += [f'<p align="right">{self.closing_agency}<br>{self.closing_date}</p>', ""]
        if self.contact:
            out += [self.contact, ""]
        if self.appendix:
            out += ["---", "", f"## {self.appendix_title}", ""]
            for p in self.appendix:
                out += [p, ""]
        if self.notes:
            out += ["---", "", "> **审核提示（不属于文书正文）**", ">"]
            out += [f"> - {n}" for n in self.notes]
            out.append("")
        return "\n".join(out)

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable form (includes the rendered text)."""
        return {
            "kind": self.kind,
            "code": self.code,
            "title": self.title,
            "doc_number": self.doc_number,
            "citation": self.citation,
            "remedy": self.remedy,
            "placeholders": list(self.placeholders),
            "notes": list(self.notes),
            "text": self.to_text(),
        }
