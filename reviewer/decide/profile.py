"""Agency profile (YAML): who answers, under which 文号, with which 复议机关.

The profile drives the letters (title, 文号 prefix, contact, remedy paragraph per 行政复议法 2023),
the deadline counting convention, the 补正 period and the annual-report row of the codes whose
row varies between agencies. ``examples/profile.yaml`` is a fictional default
(示例市自然资源和规划局, 复议机关 示例市人民政府) marked ``example: true``: until the office writes
its own (``reviewer init`` → :func:`user_profile_path`), every draft carries "示例机关——未配置".

The 复议机关 is checked against the 2023 行政复议法 (:func:`review_body_problem`).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from reviewer.decide.replytypes import ReplyType, load_reply_types, report_rows
from reviewer.paths import EXAMPLES_DIR, config_dir
from reviewer.text import lazy_re

__all__ = [
    "AGENCY_TYPES",
    "COUNTING_CONVENTIONS",
    "AgencyProfile",
    "ProfileError",
    "UNCONFIGURED_MARK",
    "default_profile_path",
    "review_body_problem",
    "user_profile_path",
    "load_profile",
    "profile_from_dict",
]

# department: 县级以上地方人民政府工作部门 → 本级人民政府 (行政复议法 第二十四条第一款第（一）项)
# government: 地方人民政府 → 上一级人民政府 (第二十四条第一款第（二）项; 省级 → itself, 第二十四条第二款)
# vertical: 海关、金融、外汇管理等垂直领导机关、税务和国家安全机关 → 上一级主管部门 (第二十七条)
# state_council_dept: 国务院部门 → the department itself (第二十五条)
AGENCY_TYPES: dict[str, str] = {
    "department": "县级以上地方人民政府工作部门",
    "government": "地方人民政府",
    "vertical": "实行垂直领导的行政机关、税务或国家安全机关",
    "state_council_dept": "国务院部门",
}
COUNTING_CONVENTIONS: dict[str, str] = {
    "next_day": "收到申请之日的次日（下一个工作日）为第1个工作日",
    "same_day": "收到申请之日为第1个工作日",
}

# YAML key → (attribute, Chinese name) for error messages.
_FIELDS: dict[str, str] = {
    "name": "机关全称",
    "short_name": "机关简称",
    "doc_prefix": "文号机关代字",
    "doc_prefixes": "各类文书的文号机关代字",
    "address": "通信地址",
    "postcode": "邮政编码",
    "contact_person": "联系人",
    "contact_phone": "联系电话",
    "email": "电子邮箱",
    "agency_type": "机关类型",
    "review_body": "行政复议机关",
    "court": "管辖法院",
    "counting": "期限计算起点",
    "correction_period_days": "补正期限（工作日）",
    "report_rows": "年度报告统计行",
    "mass_request": "大量申请提示阈值",
    "example": "示例配置标记",
}
UNCONFIGURED_MARK = "示例机关——未配置"
PROFILE_FILENAME = "profile.yaml"
_REQUIRED = ("name", "short_name", "doc_prefix", "address", "contact_person", "contact_phone", "agency_type")
_DOC_KINDS = ("reply", "notice", "correction", "extension", "consultation")


class ProfileError(ValueError):
    """The agency profile is missing, malformed or invalid (Chinese message naming file and field)."""


@dataclass
class AgencyProfile:
    """Facts about the answering agency (all user-visible text in Chinese)."""

    name: str
    short_name: str
    doc_prefix: str
    address: str
    contact_person: str
    contact_phone: str
    agency_type: str
    review_body: str
    court: str | None = None
    postcode: str | None = None
    email: str | None = None
    counting: str = "next_day"
    correction_period_days: int = 15
    doc_prefixes: dict[str, str] = field(default_factory=dict)
    report_rows: dict[str, str] = field(default_factory=dict)
    mass_request_per_month: int | None = 10
    mass_request_per_year: int | None = None
    source: str = ""
    example: bool = False  # the bundled fictional profile: drafts carry UNCONFIGURED_MARK

    def prefix_for(self, kind: str) -> str:
        """文号 prefix for a document kind (reply, notice, correction, extension, consultation)."""
        return self.doc_prefixes.get(kind) or self.doc_prefix

    def report_row(self, code: str, types: dict[str, ReplyType] | None = None) -> str | None:
        """Annual-report row for a reply code: the profile's choice, else the table's default."""
        if code in self.report_rows:
            return self.report_rows[code]
        types = types if types is not None else load_reply_types()
        if code not in types:
            raise KeyError(f"未知的答复类型代码“{code}”")
        return types[code].report_row

    @property
    def agency_type_label(self) -> str:
        return AGENCY_TYPES[self.agency_type]

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable form."""
        return asdict(self)


def example_profile_path() -> Path:
    """The bundled fictional example profile."""
    return EXAMPLES_DIR / PROFILE_FILENAME


def user_profile_path() -> Path:
    """Where ``reviewer init`` writes the office's profile: ``<user config dir>/profile.yaml``
    (``$REVIEWER_CONFIG_DIR`` when set, else the platform's per-user config folder)."""
    return config_dir() / PROFILE_FILENAME


def default_profile_path() -> Path:
    """The profile used when none is given: the office's (``reviewer init``), else the example."""
    user = user_profile_path()
    return user if user.is_file() else example_profile_path()


def load_profile(path: str | Path | None = None) -> AgencyProfile:
    """Read and validate an agency profile (default: :func:`default_profile_path`).

    Raises ProfileError with a Chinese message naming the file and the field.
    """
    p = Path(path) if path is not None else default_profile_path()
    name = str(p)
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ProfileError(f"机关配置文件 {name} 不存在") from None
    except IsADirectoryError:
        raise ProfileError(f"机关配置文件 {name} 是目录，不是 YAML 文件") from None
    except UnicodeDecodeError:
        raise ProfileError(f"机关配置文件 {name} 不是 UTF-8 编码的文本") from None
    except OSError as exc:
        raise ProfileError(f"机关配置文件 {name} 无法读取：{exc.strerror or exc}") from None
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"（第{mark.line + 1}行第{mark.column + 1}列）" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise ProfileError(f"机关配置文件 {name} 不是有效的 YAML{where}：{problem}") from None
    return profile_from_dict(data, source=name)


def profile_from_dict(data: Any, source: str = "<配置>") -> AgencyProfile:
    """Validate a mapping (as read from YAML) and build the profile."""
    if not isinstance(data, dict):
        raise ProfileError(f"机关配置文件 {source} 的内容应为“字段: 值”的映射")
    problems: list[str] = []

    def bad(key: str, what: str) -> None:
        problems.append(f"机关配置文件 {source} 中字段“{key}”（{_FIELDS.get(key, key)}）{what}")

    for key in data:
        if key not in _FIELDS:
            problems.append(
                f"机关配置文件 {source} 中有未知字段“{key}”（可用字段：{'、'.join(_FIELDS)}）"
            )
    for key in _REQUIRED:
        if key not in data or data[key] is None:
            bad(key, "缺失")

    def text(key: str) -> str | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, int | float) and key in ("contact_phone", "postcode"):
            value = str(value)
        if not isinstance(value, str) or not value.strip():
            bad(key, "应为非空文本")
            return None
        return value.strip()

    name = text("name")
    short_name = text("short_name")
    doc_prefix = text("doc_prefix")
    if doc_prefix and re.search(r"[〔〕\[\]（）()号]", doc_prefix):
        bad("doc_prefix", "只填机关代字（如“某政信复”），年份〔〕和序号由系统生成")
    address = text("address")
    contact_person = text("contact_person")
    contact_phone = text("contact_phone")
    if contact_phone and not re.fullmatch(r"[\d\-－—（）()\s+转]{5,30}", contact_phone):
        bad("contact_phone", f"“{contact_phone}”不是有效的电话号码")
    postcode = text("postcode")
    if postcode and not re.fullmatch(r"\d{6}", postcode):
        bad("postcode", "应为6位数字")
    email = text("email")
    if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        bad("email", f"“{email}”不是有效的电子邮箱")
    court = text("court")

    agency_type = data.get("agency_type")
    if agency_type is not None and agency_type not in AGENCY_TYPES:
        options = "；".join(f"{k}（{v}）" for k, v in AGENCY_TYPES.items())
        bad("agency_type", f"的值“{agency_type}”无效，可选：{options}")
        agency_type = None
    review_body = text("review_body")
    if review_body is None and data.get("review_body") is None:
        if agency_type == "state_council_dept" and name:
            review_body = name  # 行政复议法 第二十五条: the department itself
        elif agency_type is not None:
            bad("review_body", "缺失（请填写行政复议机关全称，如“示例市人民政府”）")
    if review_body and name and agency_type is not None:
        problem = review_body_problem(name, agency_type, review_body)
        if problem:
            bad("review_body", problem)
    example = data.get("example", False)
    if not isinstance(example, bool):
        bad("example", "应为 true 或 false")

    counting = data.get("counting", "next_day")
    if counting not in COUNTING_CONVENTIONS:
        bad("counting", f"的值“{counting}”无效，可选：{'、'.join(COUNTING_CONVENTIONS)}")
    period = data.get("correction_period_days", 15)
    if isinstance(period, bool) or not isinstance(period, int) or not 1 <= period <= 60:
        bad("correction_period_days", f"应为1至60之间的整数（工作日），当前为“{period}”")

    doc_prefixes = data.get("doc_prefixes") or {}
    if not isinstance(doc_prefixes, dict):
        bad("doc_prefixes", f"应为映射，键可选：{'、'.join(_DOC_KINDS)}")
        doc_prefixes = {}
    for kind, value in doc_prefixes.items():
        if kind not in _DOC_KINDS:
            bad("doc_prefixes", f"中的“{kind}”无效，可选：{'、'.join(_DOC_KINDS)}")
        elif not isinstance(value, str) or not value.strip():
            bad("doc_prefixes", f"中“{kind}”的值应为非空文本")

    rows = data.get("report_rows") or {}
    if not isinstance(rows, dict):
        bad("report_rows", "应为“答复类型代码: 年度报告统计行”的映射")
        rows = {}
    if rows:
        types = load_reply_types()
        valid_rows = report_rows(types)
        for code, row in rows.items():
            if code not in types:
                bad("report_rows", f"中的答复类型代码“{code}”不存在")
            elif row not in valid_rows:
                bad("report_rows", f"中“{code}”的统计行“{row}”不是年度报告表的行（如“（六）3.其他”）")

    mass = data.get("mass_request") or {}
    per_month: int | None = 10
    per_year: int | None = None
    if not isinstance(mass, dict):
        bad("mass_request", "应为映射，含 per_month、per_year")
    else:
        for key in mass:
            if key not in ("per_month", "per_year"):
                bad("mass_request", f"中的“{key}”无效，可选：per_month、per_year")
        for key in ("per_month", "per_year"):
            value = mass.get(key, per_month if key == "per_month" else None)
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
                bad("mass_request", f"中“{key}”应为正整数，当前为“{value}”")
                value = None
            if key == "per_month":
                per_month = value
            else:
                per_year = value

    if problems:
        raise ProfileError("；\n".join(problems))
    assert name and short_name and doc_prefix and address and contact_person and contact_phone
    assert agency_type is not None and review_body is not None
    return AgencyProfile(
        name=name,
        short_name=short_name,
        doc_prefix=doc_prefix,
        address=address,
        contact_person=contact_person,
        contact_phone=contact_phone,
        agency_type=agency_type,
        review_body=review_body,
        court=court,
        postcode=postcode,
        email=email,
        counting=counting,
        correction_period_days=period,
        doc_prefixes={k: v.strip() for k, v in doc_prefixes.items()},
        report_rows=dict(rows),
        mass_request_per_month=per_month,
        mass_request_per_year=per_year,
        source=source,
        example=example is True,
    )


# --- 行政复议机关 (行政复议法 2023) ------------------------------------------------------------------
_ALTERNATIVES = lazy_re.compile(r"或者|或|、|/|／|;|；|,|，")
_PROVINCIAL = lazy_re.compile(r"^(?:北京市|天津市|上海市|重庆市|[\u4e00-\u9fff]{2,8}?(?:省|自治区))人民政府$")
# A lower administrative area inside a department's name ("示例省" + "示例市自然资源局"): its own
# government, not the province's, is the department's 本级人民政府.  Development zones are left alone.
_SUB_AREA = lazy_re.compile(r"^[\u4e00-\u9fff]{2,6}?(?:自治州|自治县|市|县|区|旗|州|盟)(?=[\u4e00-\u9fff]{2,})")
_ZONE = lazy_re.compile(r"(?:开发区|新区|园区|经济区|试验区|示范区|自贸区)$")


def review_body_problem(name: str, agency_type: str, review_body: str) -> str | None:
    """Why ``review_body`` cannot be the 行政复议机关 of ``name`` (an ``agency_type``), or None.

    行政复议法 (2023): a local government department → 本级人民政府 (第二十四条第一款第（一）项); a
    local government → 上一级人民政府 (同款第（二）项; a provincial one → itself, 第二十四条第二款); a
    vertically led organ, 税务 or 国家安全机关 → 上一级主管部门 (第二十七条); a 国务院部门 → itself
    (第二十五条; 不服复议决定的 → 起诉或申请国务院裁决, 第二十六条).  One body only: the choice of the
    2017 law (本级人民政府或上一级主管部门) is gone.
    """
    if _ALTERNATIVES.search(review_body):
        return (f"只能填写一个行政复议机关，当前为“{review_body}”。2023年修订的行政复议法已取消"
                "“本级人民政府或者上一级主管部门”的选择，复议机关依机关类型唯一确定")
    if agency_type == "department":
        if not review_body.endswith("人民政府") or review_body == "人民政府":
            return (f"“{review_body}”不是本级人民政府。县级以上地方人民政府工作部门的行政复议机关是本级人民政府"
                    "（行政复议法第二十四条第一款第（一）项），不再是上一级主管部门；"
                    "请填写人民政府全称，如“示例市人民政府”")
        area = review_body[: -len("人民政府")]
        rest = name[len(area):] if name.startswith(area) else None
        sub = _SUB_AREA.match(rest) if rest else None
        if rest is None or (sub and not _ZONE.search(sub.group(0))):
            return (f"“{review_body}”不是“{name}”的本级人民政府。县级以上地方人民政府工作部门的行政复议机关是"
                    "其所属的本级人民政府（行政复议法第二十四条第一款第（一）项），不是上级人民政府")
        return None
    if agency_type == "government":
        provincial = bool(_PROVINCIAL.match(name))
        if review_body == name and not provincial:
            return ("地方人民政府不能作为本机关的行政复议机关：对县级、设区的市级人民政府的行政行为不服的，"
                    "向上一级人民政府申请行政复议（行政复议法第二十四条第一款第（二）项）；"
                    "只有省、自治区、直辖市人民政府管辖对本机关行政行为的复议（第二十四条第二款）")
        if provincial and review_body != name:
            return (f"省、自治区、直辖市人民政府的行政复议机关是本机关（行政复议法第二十四条第二款），"
                    f"请填写“{name}”")
        if not review_body.endswith("人民政府"):
            return (f"“{review_body}”不是人民政府。对地方人民政府的行政行为不服的，向上一级人民政府申请行政复议"
                    "（行政复议法第二十四条第一款第（二）项）")
        return None
    if agency_type == "vertical":
        if review_body == name:
            return "对垂直领导机关不服的，应向上一级主管部门申请行政复议（行政复议法第二十七条），不应填写本机关"
        if review_body.endswith("人民政府"):
            return ("实行垂直领导的行政机关、税务和国家安全机关的行政复议机关是上一级主管部门（行政复议法第二十七条），"
                    "不是人民政府")
        return None
    if agency_type == "state_council_dept" and review_body != name:
        return (f"国务院部门的行政复议机关是本部门（行政复议法第二十五条），请填写“{name}”；"
                "对复议决定不服的，可以向人民法院提起行政诉讼或者向国务院申请裁决（第二十六条）")
    return None
