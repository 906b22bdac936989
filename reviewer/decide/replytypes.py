"""Reply-type table (``rules/reply_types.yaml``) and exact citation strings.

Every reply the tool drafts carries one code of the national taxonomy (国办公开办函〔2021〕30号 rows,
see shared/domain/reply-types.yaml). This module loads and validates the project's own table and
builds citation strings such as
``《中华人民共和国政府信息公开条例》第三十六条第（三）项、第十六条第二款``.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from reviewer.paths import RULES_DIR
from reviewer.text import lazy_re

__all__ = [
    "DEFAULT_LAW",
    "GROUNDS",
    "GROUPS",
    "TEMPLATE_FIELDS",
    "ReplyType",
    "ReplyTypeError",
    "citation_string",
    "default_reply_types_path",
    "ground_basis",
    "ground_label",
    "load_reply_types",
    "parse_citations",
    "report_rows",
]

DEFAULT_LAW = "《中华人民共和国政府信息公开条例》"
from reviewer.vocab import REPLY_GROUPS as GROUPS  # noqa: E402

# Withholding grounds (Finding.category values) → (Chinese label, article of the 条例).
GROUNDS: dict[str, tuple[str, str]] = {
    "state_secret": ("国家秘密", "第十四条"),
    "law_prohibited": ("法律、行政法规禁止公开的信息", "第十四条"),
    "security_stability": ("公开后可能危及“三安全一稳定”的信息", "第十四条"),
    "trade_secret": ("商业秘密", "第十五条"),
    "privacy": ("个人隐私", "第十五条"),
    "internal_affairs": ("内部事务信息", "第十六条第一款"),
    "process_info": ("过程性信息", "第十六条第二款"),
    "enforcement_file": ("行政执法案卷信息", "第十六条第二款"),
}

# Fields an operative template may use → Chinese description used in 【待填写：…】 placeholders.
# Fields whose description is None are optional: unknown → empty string.
TEMPLATE_FIELDS: dict[str, str | None] = {
    "subject": "申请获取的政府信息名称或内容",
    "basis": "法律依据",
    "reasons": "具体理由",
    "delivery": "提供方式（纸质/电子邮件/邮寄/查阅、抄录）",
    "attachments": "附件名称及页数",
    "published_date": "主动公开日期",
    "published_where": "主动公开的网址或公报期号",
    "withheld_parts": "不予公开的部分、理由及依据",
    "prohibiting_law": "禁止公开的法律、行政法规名称及条款",
    "third_party_opinion": None,
    "decision_stage": "所涉事项是否已作出决定（尚在讨论/已作出决定）",
    "query_channel": "专门查询渠道（名称、地址或网址）",
    "search_summary": "检索的系统或档案、关键词及检索期间",
    "other_agency": "负责公开该信息的行政机关名称",
    "other_agency_contact": "该机关的联系方式",
    "other_agency_reason": "由哪一机关制作或保存该信息",
    "correction_notice_date": "补正告知日期",
    "correction_received": "收到补正材料的日期",
    "correction_deadline": "补正期限届满日期",
    "petition_kind": "信访、投诉或举报",
    "petition_channel": "相应的受理渠道",
    "earlier_date": "前次答复日期",
    "earlier_number": "前次答复文号",
    "publication": "公开出版物名称",
    "publication_channel": "获取途径",
    "excessive_period": "申请期间",
    "excessive_count": "申请件数",
    "reasons_request_date": "要求说明理由的日期",
    "fee_notice_date": "收费通知日期",
    "special_kind": "信息类别（如不动产登记资料、市场主体登记资料）",
    "special_law": "作出特别规定的法律、行政法规名称及条款",
    "consultation_channel": "咨询渠道（如12345热线、业务科室电话）",
}

_CN_NUM = "零〇一二三四五六七八九十百"
_ARTICLE_RE = lazy_re.compile(
    rf"第[{_CN_NUM}\d]+条(?:之[{_CN_NUM}]+)?(?:第[{_CN_NUM}\d]+款)?(?:第[（(][{_CN_NUM}\d]+[）)]项)?"
)
_LAW_RE = lazy_re.compile(r"《[^》]+》")
_TYPE_KEYS = {
    "label", "report_row", "cite", "law", "group", "withholds", "notice", "title", "note", "operative",
}
_REQUIRED_KEYS = ("label", "report_row", "cite", "group", "withholds", "title", "operative")


class ReplyTypeError(ValueError):
    """The reply-type table is malformed (message in Chinese, naming file, code and field)."""


@dataclass(frozen=True)
class ReplyType:
    """One reply code with everything needed to draft and count it."""

    code: str
    label: str
    report_row: str | None
    cite: tuple[str, ...]
    law: str
    group: str
    withholds: bool
    title: str
    operative: str
    note: str | None = None
    notice: bool = False

    @property
    def remedy(self) -> str:
        """Remedy wording: "B" (复议前置) when content is withheld, "none" for notices, else "A"."""
        if self.notice:
            return "none"
        return "B" if self.withholds else "A"

    @property
    def template_fields(self) -> list[str]:
        """Field names used by the operative template, in order of appearance."""
        return _template_fields(self.operative)

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable form."""
        return {
            "code": self.code,
            "label": self.label,
            "report_row": self.report_row,
            "cite": list(self.cite),
            "law": self.law,
            "group": self.group,
            "withholds": self.withholds,
            "remedy": self.remedy,
            "note": self.note,
        }


def default_reply_types_path() -> Path:
    """``rules/reply_types.yaml`` of the project (honours REVIEWER_RULES_DIR)."""
    return RULES_DIR / "reply_types.yaml"


def _template_fields(template: str) -> list[str]:
    fields: list[str] = []
    for _, name, _, _ in string.Formatter().parse(template):
        if name is not None and name not in fields:
            fields.append(name)
    return fields


def _squash(text: str) -> str:
    """Remove the spaces YAML folding puts between Chinese lines (the texts contain none on purpose)."""
    return "".join(text.split())


def load_reply_types(path: str | Path | None = None) -> dict[str, ReplyType]:
    """Load and validate the reply-type table; return ``{code: ReplyType}`` in file order.

    Raises ReplyTypeError (Chinese message naming the file, the code and the field) on any problem.
    """
    p = Path(path) if path is not None else default_reply_types_path()
    if path is None:
        return dict(_load_default(str(p)))
    return _load(p)


@functools.lru_cache(maxsize=4)
def _load_default(path: str) -> tuple[tuple[str, ReplyType], ...]:
    return tuple(_load(Path(path)).items())


def _load(p: Path) -> dict[str, ReplyType]:
    name = str(p)
    try:
        raw = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReplyTypeError(f"答复类型表 {name} 不存在") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ReplyTypeError(f"答复类型表 {name} 无法读取：{exc}") from None
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第{mark.line + 1}行第{mark.column + 1}列" if mark is not None else ""
        raise ReplyTypeError(f"答复类型表 {name} 不是有效的 YAML{where}：{getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise ReplyTypeError(f"答复类型表 {name} 的顶层应为映射（含 default_law 与 types）")
    default_law = data.get("default_law", DEFAULT_LAW)
    if not isinstance(default_law, str) or not _LAW_RE.fullmatch(default_law.strip()):
        raise ReplyTypeError(f"答复类型表 {name} 的字段“default_law”应为带书名号的法规名称，如{DEFAULT_LAW}")
    types = data.get("types")
    if not isinstance(types, dict) or not types:
        raise ReplyTypeError(f"答复类型表 {name} 缺少字段“types”或其不是非空映射")

    problems: list[str] = []
    out: dict[str, ReplyType] = {}
    for code, entry in types.items():
        where = f"答复类型表 {name} 中答复类型“{code}”"
        if not isinstance(code, str) or not re.fullmatch(r"[a-z_]+(\.[a-z_]+)?", code):
            problems.append(f"{where}：代码格式应为小写字母与下划线，如 withhold.privacy")
            continue
        if not isinstance(entry, dict):
            problems.append(f"{where}：应为映射")
            continue
        rt = _parse_type(code, entry, default_law.strip(), where, problems)
        if rt is not None:
            out[code] = rt
    if problems:
        raise ReplyTypeError("；\n".join(problems))
    return out


def _parse_type(
    code: str, entry: dict[str, Any], default_law: str, where: str, problems: list[str]
) -> ReplyType | None:
    start = len(problems)
    for key in entry:
        if key not in _TYPE_KEYS:
            problems.append(f"{where}：未知字段“{key}”（可用字段：{'、'.join(sorted(_TYPE_KEYS))}）")
    for key in _REQUIRED_KEYS:
        if key not in entry:
            problems.append(f"{where}：缺少字段“{key}”")
    if len(problems) > start:
        return None

    def text_field(key: str, optional: bool = False) -> str | None:
        value = entry.get(key)
        if value is None and optional:
            return None
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{where}：字段“{key}”应为非空文本")
            return None
        return value.strip()

    label = text_field("label")
    title = text_field("title")
    report_row = text_field("report_row", optional=True)
    if report_row is not None and not report_row.startswith("（"):
        problems.append(f"{where}：字段“report_row”应为年度报告表的行名称，如“（一）予以公开”")
    law = text_field("law", optional=True) or default_law
    if not _LAW_RE.fullmatch(law):
        problems.append(f"{where}：字段“law”应为带书名号的法规名称")
    group = entry.get("group")
    if group not in GROUPS:
        problems.append(f"{where}：字段“group”的值“{group}”无效（可选：{'、'.join(GROUPS)}）")
    cite = entry.get("cite")
    if not isinstance(cite, list) or not all(isinstance(c, str) for c in cite):
        problems.append(f"{where}：字段“cite”应为条文列表，如 [\"第三十六条第（三）项\"]")
        cite = []
    for c in cite:
        if not _ARTICLE_RE.fullmatch(c):
            problems.append(f"{where}：字段“cite”中的“{c}”不是条文格式（如 第三十六条第（三）项）")
    for key in ("withholds", "notice"):
        if key in entry and not isinstance(entry[key], bool):
            problems.append(f"{where}：字段“{key}”应为 true 或 false")
    withholds = entry.get("withholds") is True
    if withholds and group not in ("partial", "withhold"):
        problems.append(f"{where}：字段“withholds”为 true 时 group 应为 partial 或 withhold")
    note_raw = text_field("note", optional=True)
    operative_raw = text_field("operative")
    operative = _squash(operative_raw) if operative_raw else None
    if operative is not None:
        try:
            fields = _template_fields(operative)
        except ValueError as exc:
            problems.append(f"{where}：字段“operative”的模板格式错误：{exc}")
            fields = []
        for f in fields:
            if f not in TEMPLATE_FIELDS:
                problems.append(f"{where}：字段“operative”使用了未知占位字段“{{{f}}}”")
        if cite and "basis" not in fields:
            problems.append(f"{where}：字段“operative”必须包含 {{basis}}（引用条文）")
    if len(problems) > start or label is None or title is None or operative is None:
        return None
    return ReplyType(
        code=code,
        label=label,
        report_row=report_row,
        cite=tuple(cite),
        law=law,
        group=str(group),
        withholds=withholds,
        title=title,
        operative=operative,
        note=_squash(note_raw) if note_raw else None,
        notice=entry.get("notice") is True,
    )


def report_rows(types: dict[str, ReplyType] | None = None) -> list[str]:
    """All annual-report rows used by the table, in file order without duplicates."""
    types = types if types is not None else load_reply_types()
    rows: list[str] = []
    for rt in types.values():
        if rt.report_row and rt.report_row not in rows:
            rows.append(rt.report_row)
    return rows


def ground_label(ground: str) -> str:
    """Chinese label of a withholding ground (category code or already Chinese text)."""
    return GROUNDS[ground][0] if ground in GROUNDS else ground


def ground_basis(ground: str) -> str | None:
    """Article of the 条例 for a withholding ground, e.g. privacy → 第十五条; None if unknown."""
    return GROUNDS[ground][1] if ground in GROUNDS else None


# ---------------------------------------------------------------------------------------------
# Citation strings
# ---------------------------------------------------------------------------------------------

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_DIGITS["〇"] = 0


def _cn_to_int(text: str) -> int:
    """Chinese numeral (up to 999) or ASCII digits → int."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
    return total + current


def _article_key(article: str) -> tuple[int, int, int]:
    nums = re.findall(rf"第[（(]?([{_CN_NUM}\d]+)[）)]?(条|款|项)", article)
    key = {"条": 0, "款": 0, "项": 0}
    for num, unit in nums:
        key[unit] = _cn_to_int(num)
    return key["条"], key["款"], key["项"]


def _normalise_article(article: str) -> str:
    return article.replace("(", "（").replace(")", "）")


def parse_citations(text: str, default_law: str = DEFAULT_LAW) -> list[tuple[str, str]]:
    """Split a citation text into ``(law, article)`` pairs.

    ``"《中华人民共和国政府信息公开条例》第三十六条第（三）项、第十四条"`` →
    ``[(条例, "第三十六条第（三）项"), (条例, "第十四条")]``. Articles before any law title belong to
    ``default_law``; a text without any article gives an empty list.
    """
    pairs: list[tuple[str, str]] = []
    law = default_law
    pos = 0
    for m in _LAW_RE.finditer(text):
        pairs.extend((law, _normalise_article(a)) for a in _ARTICLE_RE.findall(text, pos, m.start()))
        law = _canonical_law(m.group(0), default_law)
        pos = m.end()
    pairs.extend((law, _normalise_article(a)) for a in _ARTICLE_RE.findall(text, pos))
    return pairs


def _canonical_law(title: str, default_law: str) -> str:
    # Short forms of the 条例 used in letters and findings.
    if title in ("《条例》", "《政府信息公开条例》", "《中华人民共和国政府信息公开条例》"):
        return default_law
    return title


def citation_string(
    code: str, extra: Iterable[str] = (), types: dict[str, ReplyType] | None = None
) -> str:
    """Exact citation for a reply code, e.g.
    ``citation_string("withhold.process_info")`` →
    ``"《中华人民共和国政府信息公开条例》第三十六条第（三）项、第十六条第二款"``.

    The code's own articles come first, in the table's order. ``extra`` articles (bare, e.g.
    ``"第十五条"``, or with a law title, e.g. a Finding basis) are appended without duplicates:
    those of the same law sorted by article/款/项 number, then other laws in order of first
    appearance, each with its title once. Everything is joined with "、". A code without articles
    and no extras gives "".
    """
    types = types if types is not None else load_reply_types()
    if code not in types:
        raise KeyError(f"未知的答复类型代码“{code}”")
    rt = types[code]
    own = [(rt.law, _normalise_article(a)) for a in rt.cite]
    seen = set(own)
    extras: list[tuple[str, str]] = []
    for item in extra:
        if not isinstance(item, str):
            raise TypeError(f"引用条文应为文本，收到 {type(item).__name__}")
        for pair in parse_citations(item, rt.law):
            if pair not in seen:
                seen.add(pair)
                extras.append(pair)
    laws: list[str] = [rt.law]
    for law, _ in extras:
        if law not in laws:
            laws.append(law)
    parts: list[str] = []
    for law in laws:
        articles = [a for lw, a in own if lw == law]
        articles += sorted((a for lw, a in extras if lw == law), key=_article_key)
        if articles:
            parts.append(law + "、".join(articles))
    return "、".join(parts)
