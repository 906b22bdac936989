"""Parse a disclosure request (pasted free text or a structured YAML/JSON form).

Extracts the applicant (name or organisation, identity document, contact), the requested items
(multi-item requests are split: every item gets its own outcome — pitfall 14), 文号 references,
dates and periods, the requested form of delivery and the receipt channel. Whether the request has every
第二十九条 element is reviewer.decide.completeness (step 1, 补不补); 文号 are reviewer.decide.docnumber.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

import yaml

from reviewer.decide.asking import NOT_ASKING_RE as _NOT_ASKING_RE
from reviewer.decide.asking import REQUEST_VERBS, WEAK_REQUEST_VERBS
from reviewer.decide.completeness import (  # noqa: F401 (re-exported: the request's own check)
    CONTACT_ELEMENT,
    DESCRIPTION_ELEMENT,
    IDENTITY_ELEMENT,
    NAME_ELEMENT,
    completeness,
    refused_elements,
)
from reviewer.decide.docnumber import DOC_NUMBER_RE, find_doc_numbers, normalise_doc_number  # noqa: F401
from reviewer.decide.restatement import (
    _OTHER_VOICE_RE,
    is_caption,
    without_answer_clauses,
    without_claims,
    without_restated_frame,
)
from reviewer.text import lazy_re
from reviewer.text.normalize import normalize

# 文号: 机关代字 + 〔年份〕 + 序号 + 号, with [] / 〔〕 / () / 【】 / （） variants.
DATE_RE = lazy_re.compile(r"(?:19|20)\d{2}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?")
PERIOD_RE = lazy_re.compile(
    r"(?:(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月)?\s*(?:至|到|—|-|～|~)\s*(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月)?)"
    r"|(?:近|最近|过去)[一二三四五六七八九十两\d]{1,3}\s*年"
    r"|(?:19|20)\d{2}\s*年(?:度|以来|至今)"
)
ID_RE = lazy_re.compile(r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])")
USCC_RE = lazy_re.compile(r"(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])")
MOBILE_RE = lazy_re.compile(r"(?<!\d)1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)")
LANDLINE_RE = lazy_re.compile(r"(?<!\d)0\d{2,3}-?[2-9]\d{6,7}(?!\d)")
EMAIL_RE = lazy_re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
ADDRESS_RE = lazy_re.compile(r"(?:通讯地址|联系地址|邮寄地址|住址|地址)\s*[:：]?\s*(?P<v>[^\n，。；;]{6,60})")
NAME_RE = lazy_re.compile(
    # not 被申请人 (the agency); a restated request's verb is not a name ("申请人申请公开：", "李某某称，")
    # ("委托人" only with a colon: a lawyer's letter speaks of "委托人合法权益", "委托人的厂房")
    # ("申请人不服，…", "申请人认为…": a review decision's narrative, not a name)
    r"(?:(?:(?<!被)申请人(?:姓名)?|姓名|本人|我叫)\s*[:：]?|(?:委托人|发件人)\s*[:：])\s*"
    r"(?!申请|要求|请求|公开|提供|获取|称|信息|基本|情况|类型|证件|身份|单位|签名|签字|签章|盖章|不服|认为|诉称|提出|表示|"
    r"遂|又|仍|已|未|均|因|对|为何|为什么|陈述|申辩|说明)"
    r"(?P<v>[\u4e00-\u9fa5]{2,4}?)(?=[，。、；:：\s（(,]|男|女|身份|证件|性别|年龄|出生|民族|工作单位|联系|电话|手机|住|现|系|称|于|向|通过|以|$)"
)
_ORG_NAME = (r"(?P<v>[\u4e00-\u9fa5（）()]{2,40}?(?:有限责任公司|股份有限公司|有限公司|公司|律师事务所|研究所|研究院|协会|"
             r"学会|基金会|合作社|中心|大学|学院|事务所|委员会))")
ORG_RE = lazy_re.compile(
    r"(?:申请单位|单位名称|申请人)\s*[:：]?\s*" + _ORG_NAME
    # a company's letter: "我公司（示例食品有限公司，…）", or its signature line "示例食品有限公司（盖章）"
    + r"|我(?:公司|单位|司)\s*[（(]" + _ORG_NAME.replace("?P<v>", "?P<v2>")
    + r"|^\s*" + _ORG_NAME.replace("?P<v>", "?P<v3>") + r"\s*[（(]?(?:盖章|公章|印章)", re.M
)
LAWYER_RE = lazy_re.compile(r"律师事务所|律师")

DELIVERY_FORMS = {
    "纸质": ("纸质", "纸本", "复印件", "书面形式"),
    "电子": ("电子版", "电子文档", "电子邮件", "电子形式", "电子数据", "邮箱", "光盘", "U盘", "数据电文"),
    "邮寄": ("邮寄", "寄送", "快递", "挂号信"),
    "查阅": ("查阅", "抄录", "现场查看", "当面领取", "自行领取", "现场领取"),
}
CHANNELS = {
    "网络": ("网上申请", "在线申请", "网络申请", "政府网站", "依申请公开系统", "通过网络", "网上提交", "互联网"),
    "邮寄": ("邮寄申请", "信函", "挂号信", "寄来", "EMS", "邮政"),
    "当面": ("当面提交", "现场提交", "当面递交", "窗口提交"),
    "传真": ("传真",),
}
ITEM_START_RE = lazy_re.compile(
    r"^\s*(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*[、.．]|\d{1,3}\s*(?:[、)）]|[.．](?!\d)|[.．](?=(?:19|20)\d{2}年))|"
    r"[①-⑳⑴-⒇⒈-⒛]|第\s*[一二三四五六七八九十\d]{1,3}\s*项\s*[：:、.．]?|"
    # a web form's "第一条：…" lines (with the colon: not a citation of an article)
    r"第[一二三四五六七八九十]{1,3}条\s*[：:]|"
    # a letter's "一是…；二是…" and "第一，…" lines
    r"[一二三四五六七八九十]{1,2}是(?=[^，。；\n]{2,})|第[一二三四五六七八九十]{1,2}\s*[，,、:：])\s*"
)
# More request sentences than this are not a list of items but one long text (e.g. a pasted letter).
MAX_SENTENCE_ITEMS = 30
# A numbered list longer than this is cut; the rest stays in the last item, with a warning.
MAX_ITEMS = 200


@dataclass
class Applicant:
    kind: str = "unknown"  # person | organisation | unknown
    name: str | None = None
    organisation: str | None = None
    id_document: str | None = None  # kept for the letter; masked in every output
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    lawyer: bool = False

    @property
    def display_name(self) -> str | None:
        return self.organisation or self.name

    @property
    def report_column(self) -> str:
        """Annual-report applicant column (国办公开办函〔2021〕30号)."""
        if self.kind != "organisation" or not self.organisation:
            return "自然人"
        org = self.organisation
        if "律师事务所" in org or "法律服务" in org:
            return "法律服务机构"
        if any(w in org for w in ("研究所", "研究院", "大学", "学院", "科学院")):
            return "科研机构"
        if any(w in org for w in ("基金会", "协会", "公益", "慈善", "志愿")):
            return "社会公益组织"
        if any(w in org for w in ("公司", "企业", "厂", "合作社", "商行")):
            return "商业企业"
        return "其他"

    def contact_known(self) -> bool:
        return bool(self.phone or self.email or self.address)


@dataclass
class Item:
    index: int
    text: str
    doc_numbers: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)
    merged: int = 0  # how many requested items beyond MAX_ITEMS were merged into this last one


@dataclass
class Request:
    text: str
    applicant: Applicant
    items: list[Item]
    doc_numbers: list[str]
    dates: list[str]
    periods: list[str]
    delivery: list[str]
    channel: str | None
    received: str | None = None  # ISO date, from the form or the CLI
    missing: list[str] = field(default_factory=list)  # Chinese, each one 第二十九条 element
    source: str = "text"  # text | form

    def to_dict(self, show_values: bool = False) -> dict:
        from reviewer.detect.findings import mask

        data = asdict(self)
        data["text_chars"] = len(self.text)
        del data["text"]
        applicant = data["applicant"]
        applicant["report_column"] = self.applicant.report_column
        if not show_values:
            if applicant["id_document"]:
                applicant["id_document"] = mask(applicant["id_document"], "cn_resident_id")
            if applicant["phone"]:
                applicant["phone"] = mask(applicant["phone"], "cn_mobile")
            if applicant["email"]:
                applicant["email"] = mask(applicant["email"], "email")
            if applicant["address"]:
                applicant["address"] = mask(applicant["address"], "address")
        return data


class RequestFormError(ValueError):
    """A structured request form could not be read; the message is Chinese and names the file and field."""


def parse_request(text: str, *, channel: str | None = None, received: str | None = None) -> Request:
    """Parse pasted free text.  Traditional characters and full-width forms are normalised first."""
    from reviewer.decide.triage import compact  # "申 请 公 开" (OCR output): the spaces split every word

    clean = compact(normalize(text).text).strip()
    applicant = _parse_applicant(clean)
    items = split_items(clean)
    _attach_number_field(clean, items)
    request = Request(
        text=clean,
        applicant=applicant,
        items=items,
        doc_numbers=find_doc_numbers(clean),
        dates=_unique(m.group(0) for m in DATE_RE.finditer(clean)),
        periods=_unique(m.group(0) for m in PERIOD_RE.finditer(clean)),
        delivery=delivery_forms(clean),
        channel=channel or _detect_channel(clean),
        received=received,
    )
    request.missing = completeness(request)
    return request


# A form's own 文号 field ("文号：某政复〔2023〕15号") names the number of the one document the content field describes.
_NUMBER_FIELD_RE = lazy_re.compile(r"^\s*(?:文件)?(?:文号|发文字号|文件编号)\s*[：:]\s*(?P<v>.+?)\s*$", re.M)


def _attach_number_field(text: str, items: list[Item]) -> None:
    """A one-item form with a 文号 field: the number joins the item ("…的批复（某政复〔2023〕15号）"), so the search and the
    letter use it."""
    m = _NUMBER_FIELD_RE.search(text)
    if m is None or len(items) != 1 or items[0].doc_numbers:
        return
    numbers = find_doc_numbers(m.group("v"))
    if numbers:
        item = items[0]
        item.text = f"{item.text}（{numbers[0]}）"
        item.doc_numbers = numbers[:1]


def parse_form(path: Path) -> Request:
    """Parse a structured request form (YAML or JSON) with fields; Chinese errors name the file and field."""
    name = Path(path).name
    try:
        raw = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RequestFormError(f"{name}：无法读取申请表（{exc.__class__.__name__}），请确认文件为 UTF-8 编码") from None
    try:
        data = json.loads(raw) if Path(path).suffix.lower() == ".json" else yaml.safe_load(raw)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        raise RequestFormError(f"{name}：申请表格式错误（{str(exc).splitlines()[0]}）") from None
    if not isinstance(data, dict):
        raise RequestFormError(f"{name}：申请表应为键值结构（如 申请人: …，申请内容: …）")
    get = _field_getter(data)
    content = get("content", "申请内容", "request", "items", "所需信息")
    if content is None:
        raise RequestFormError(f"{name}：缺少字段“申请内容”（content）")
    if isinstance(content, list):
        item_texts = [str(x).strip() for x in content if str(x).strip()]
    elif isinstance(content, str):
        item_texts = [x.text for x in split_items(normalize(content).text)]
    else:
        raise RequestFormError(f"{name}：字段“申请内容”应为文本或列表")
    applicant = Applicant(
        name=_str(get("name", "姓名", "申请人", "applicant")),
        organisation=_str(get("organisation", "单位名称", "申请单位", "organization")),
        id_document=_str(get("id_document", "身份证号", "证件号码", "统一社会信用代码")),
        phone=_str(get("phone", "联系电话", "电话", "手机")),
        email=_str(get("email", "电子邮箱", "邮箱")),
        address=_str(get("address", "通讯地址", "联系地址", "地址")),
    )
    applicant.kind = "organisation" if applicant.organisation else ("person" if applicant.name else "unknown")
    delivery = get("delivery", "获取方式", "提供方式", "形式要求")
    delivery_list = delivery if isinstance(delivery, list) else ([delivery] if delivery else [])
    full_text = "\n".join(item_texts)
    items = [_make_item(i + 1, t) for i, t in enumerate(item_texts)]
    request = Request(
        text=full_text,
        applicant=applicant,
        items=items,
        doc_numbers=find_doc_numbers(full_text),
        dates=_unique(m.group(0) for m in DATE_RE.finditer(full_text)),
        periods=_unique(m.group(0) for m in PERIOD_RE.finditer(full_text)),
        delivery=[str(d) for d in delivery_list],
        channel=_str(get("channel", "提交方式", "申请方式")),
        received=_str(get("received", "收到日期", "收到申请日期")),
        source="form",
    )
    request.missing = completeness(request)
    return request


# A form's field that holds what is asked for ("所需信息的内容描述：…", "申请内容：…"): its value is the request.
# (also "申请公开的政府信息：", "申请公开的信息：", "所需政府信息的名称或特征描述：", "所需信息的名称、文号或者其他特征性描述：")
CONTENT_FIELD_RE = lazy_re.compile(
    r"^\s*[【\[]?(?:(?:所需|申请(?:公开|获取)|要求公开|拟申请公开)(?:的)?(?:政府)?信息(?:的)?"
    r"(?:内容描述|名称|内容|描述|特征(?:性)?描述|文号|或者?|、|和|及|其他|便于(?:行政机关)?查询的)*|"
    r"申请(?:公开|获取)?(?:的)?(?:政府信息)?(?:内容|事项)(?:描述)?|"
    r"(?:政府)?信息(?:的)?(?:名称|内容)(?:描述)?|内容描述|申请获取的(?:政府)?信息)(?:\s*[：:]|[】\]]\s*[：:]?|\s*$)\s*")
# A form's second content field ("另需信息：…", "补充申请事项：…", "其他所需信息：…"): another item, kept with its label
# so that :func:`split_items` answers it on its own.
EXTRA_CONTENT_FIELD_RE = lazy_re.compile(r"^\s*[【\[]?(?:另需|另外需要|补充|其他|其它|追加)(?:所需|需要|申请)?(?:的)?(?:政府)?"
                                    r"(?:信息|事项|申请事项|申请内容|内容)[】\]]?\s*[：:]\s*(?=\S)")
# Any other "字段：值" line of a form (用途, 获取方式, 受理机关, 是否减免费用 …) ends a field's value.
# ("我司强烈要求：", "现申请公开如下：" lead what follows; they are not fields)
FIELD_LINE_RE = lazy_re.compile(r"^\s*(?:(?![^：:\n]{0,14}?(?:要求|请求|诉求|如下|以下|下列|申请公开|申请获取))"
                           r"[\u4e00-\u9fa5（）()]{2,14}\s*[：:]|【[\u4e00-\u9fa5]{2,10}】)")
# Lines that are the form's or the message's frame, not the request: a subject line, the form's title, a
# greeting, a closing.
FRAME_LINE_RE = lazy_re.compile(
    r"^\s*(?:(?:主题|标题|发件人|收件人|抄送|发送时间|日期)\s*[：:].*|(?:政府)?信息公开申请(?:表|书)?|依申请公开(?:申请)?(?:表|书)?|"
    r"(?:尊敬的[^。！!]{0,20}|您好|你好)[：:！!，,。]?|此致|敬礼|谢谢[！!。]?|特此申请[。！!]?)\s*$")


_FIELD_SEPARATOR_RE = lazy_re.compile(r"[；;]\s*(?=(?:申请人|所需|申请(?:公开|获取)?(?:的)?(?:政府)?信息|信息(?:名称|内容)|内容描述|获取(?:信息的)?方式|"
                                 r"提供方式|用途|联系(?:电话|方式|地址)|通讯地址|证件号码|身份证号)[^：:；;。]{0,10}[：:])")


# A caption naming where a case note or a message comes from ("（某市医疗保障局2023年度政府信息公开工作年度报告·依申请公开
# 典型案例）", "【某局依申请公开办理记录】", "（政务网站“依申请公开”栏目）"): the source, not part of the request.
_CAPTION_RE = lazy_re.compile(r"^\s*[（(【\[](?=[^）)】\]\n]{0,60}?(?:案例|年报|年度报告|办理记录|登记簿|摘录|摘编|节选|栏目|信箱|留言板|渠道))"
                         r"[^）)】\]\n]{2,60}[）)】\]]\s*")


def without_caption(text: str) -> str:
    """``text`` without a leading source caption (:data:`_CAPTION_RE`)."""
    return _CAPTION_RE.sub("", text, count=1) or text


def request_body(text: str) -> str:
    """The part of a pasted request that says what is asked for: a form's content field when there is one,
    else the text without the form's or message's frame (subject line, title, greeting, closing)."""
    text = without_caption(text)
    # "申请人：赵某；所需信息：…；获取方式：邮寄。": a form's fields run on one line, one field per segment
    lines = [part for line in text.splitlines() for part in _FIELD_SEPARATOR_RE.split(line)]
    for i, line in enumerate(lines):
        m = CONTENT_FIELD_RE.match(line)
        if m:
            value = [line[m.end():]]
            for following in lines[i + 1:]:
                if FIELD_LINE_RE.match(following) and not ITEM_START_RE.match(following) \
                        and not EXTRA_CONTENT_FIELD_RE.match(following):
                    break
                value.append(following)
            body = "\n".join(v for v in value if v.strip())
            if body.strip():
                return body
    # the attachments ("附件：1.身份证复印件；2.授权委托书") come last and are not asked for
    cut = next((k for k, line in enumerate(lines) if k and ATTACHMENTS_LINE_RE.match(line)), len(lines))
    kept = [line for line in lines[:cut] if not FRAME_LINE_RE.match(line)]
    return "\n".join(kept) if any(k.strip() for k in kept) else text


# The line that starts a letter's list of attachments ("附件：…", "附：申请人身份证复印件", "附件清单").
ATTACHMENTS_LINE_RE = lazy_re.compile(r"^\s*[【\[]?附(?:件(?:清单|目录)?|：|:)[】\]]?\s*[：:]?")
# A form's fields that say why and how, not what ("用途：维权、投诉索赔", "获取方式：…", "备注：…"): no item, no
# complaint and no question of the request is in them.
PURPOSE_FIELD_RE = lazy_re.compile(r"^\s*[【\[]?(?:(?:所需)?(?:信息|申请)?(?:的)?(?:用途|使用目的|申请目的|目的)|获取(?:信息的)?方式|"
                              r"提供(?:信息的)?方式|信息获取方式|是否申请减免费用|代填人|附件|附)[】\]]?\s*[：:]")


# A question right after an inline list, in the list's paragraph ("…3.正式印发的《…》。另请解释新办法为什么…。").
_QUESTION_AFTER_LIST_RE = lazy_re.compile(r"(?:另外|此外|同时|另|并)?(?:请问|请(?:贵[局委办府院厅]|你们)?(?:解释|说明|解答)(?:一下)?)"
                                     r"[^。！？!?\n]{4,80}?(?:[？?]|。|$)")
_COMPLETE_LINE_RE = lazy_re.compile(r"[。；;！？!?]\s*$")
# A line that leads a list ("本人申请获取：", "现申请公开以下信息：") and nothing else.
# ("…想申请下面这几样材料：", "申请公开以下信息（某市卫生健康委员会）：")
_LEAD_LINE_RE = lazy_re.compile(r"^[^。；;！？!?]{0,60}?(?:公开|获取|提供|查阅|如下|以下|下列|下面(?:这|的)?(?:几|些)?(?:样|项|个|份)?)(?:的)?"
                           r"(?:政府)?(?:信息|内容|事项|材料)?(?:[（(][^（）()]{0,30}[)）])?\s*[：:]$")
# A line that turns from the list to something else ("另外，听说这个工地还欠着…请你们督促…").
_TURN_LINE_RE = lazy_re.compile(r"^\s*(?:另外|此外|同时|还有|另|顺便|最后)[，,、：:]")


_LAST_SENTENCE_RE = lazy_re.compile(r"[。！？!?]")
# A dash or dot that bullets a line ("——电梯更换工程的施工合同", "• 2024年部门预算").
_BULLET_RE = lazy_re.compile(r"^\s*(?:[—–-]{1,2}|[•·●■◆▪])\s*")


def _lines_after_lead(lines: list[str]) -> list[str]:
    """The unnumbered lines after a line that only leads a list ("本人申请获取：" then one record a line), up to the letter's
    closing; [] unless there are at least two and each names a record (:func:`has_characteristic`)."""
    from reviewer.decide.description import has_characteristic

    # the lead may close a line that tells something first ("…动用了专项维修资金。请公开：") — its list is then read only
    # from bulleted lines or lines that name a record, never from a signature ("某苑业主委员会")
    lead = next((k for k, line in enumerate(lines) if _LEAD_LINE_RE.match(line)), None)
    told_first = lead is None
    if told_first:
        lead = next((k for k, line in enumerate(lines)
                     if _LEAD_LINE_RE.match(_LAST_SENTENCE_RE.split(line)[-1].strip())), None)
    if lead is None:
        return []
    out: list[str] = []
    for line in lines[lead + 1:]:
        if _is_trailer(line) or FIELD_LINE_RE.match(line) or _is_applicant_line(line) or _LIST_TRAILER_RE.match(line) \
                or _TURN_LINE_RE.match(line) or ATTACHMENTS_LINE_RE.match(line):
            break
        if told_first and not _BULLET_RE.match(line):
            return []
        out.append(_BULLET_RE.sub("", line).rstrip("；;。，,"))
    # each line names a record, or is short and one sentence ("…投诉件数，按被投诉医院分别统计", "…医院的住院病历"): a
    # story told line by line is not a list
    if len(out) < 2 or len(out) > MAX_ITEMS or not all(has_characteristic(line) or (len(line) <= 60 and "。" not in line)
                                                       for line in out):
        return []
    return out


_SUB_ITEM_RE = lazy_re.compile(r"\s*(?:[（(]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]|[①-⑳⑴-⒇⒈-⒛])")


# A review application's or a complaint's sections ("一、复议请求\n撤销被申请人作出的告知书。\n二、事实与理由\n…"): the claims
# section asks the review body, not the organ, and the headings number sections, not items.
_CLAIM_SECTION_RE = lazy_re.compile(r"^[ \t]*(?:[一二三四五六七八九十][、.．][ \t]*)?(?:行政)?(?:复议|诉讼|上诉|再审)请求[ \t]*[：:]?[ \t]*\n"
                               r"(?:(?![ \t]*[一二三四五六七八九十][、.．]).*(?:\n|$)){1,6}", re.M)
_SECTION_HEADING_RE = lazy_re.compile(r"^[ \t]*(?:[一二三四五六七八九十][、.．][ \t]*)?(?:事实(?:与|和|及)理由|理由|事实|证据(?:清单)?|"
                                 r"申请人|被申请人|第三人)[ \t]*[：:]?[ \t]*$", re.M)


def without_sections(text: str) -> str:
    """``text`` without a claims section and section headings (:data:`_CLAIM_SECTION_RE`)."""
    kept = _SECTION_HEADING_RE.sub("", _CLAIM_SECTION_RE.sub("", text))
    return kept if kept.strip() else text


def split_items(text: str) -> list[Item]:
    """Split a multi-item request into items (numbered lines or 1、2、 … inline lists)."""
    text = without_sections(without_claims(request_body(text)))
    # "另需信息：…" (a form's second content field) is answered on its own, after the items of the first
    fields = re.split(r"\n(?=" + EXTRA_CONTENT_FIELD_RE.pattern.lstrip("^") + ")", text)
    if len(fields) > 1 and fields[0].strip():
        extra = [EXTRA_CONTENT_FIELD_RE.sub("", f, count=1).strip() for f in fields[1:]]
        head = [item.text for item in split_items(fields[0])]
        pieces = (head + [t for f in extra for t in (x.text for x in split_items(f))])[:MAX_ITEMS]
        return [_make_item(i + 1, piece) for i, piece in enumerate(pieces) if piece]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    numbered = [i for i, line in enumerate(lines) if ITEM_START_RE.match(line)]
    pieces: list[str] = []
    listed = _lines_after_lead(lines) if len(numbered) < 2 else []
    if listed:
        pieces = listed
    elif len(numbered) >= 2:
        for k, start in enumerate(numbered):
            end = numbered[k + 1] if k + 1 < len(numbered) else len(lines)
            following = lines[start + 1:end]
            if k + 1 == len(numbered):  # after the list's closing (以上信息…, 此致, a date) come signature lines
                closing = next((n for n, ln in enumerate(following) if _is_trailer(ln)), len(following))
                following = following[:closing]
                if _COMPLETE_LINE_RE.search(lines[start]):
                    # a last item that ends its sentence: the lines after it are another part of the letter ("另外，
                    # 请责令…" is a complaint, answered on its own), unless they are its own sub-items
                    own = next((n for n, ln in enumerate(following) if not _SUB_ITEM_RE.match(ln)), len(following))
                    following = following[:own]
            block = [lines[start]] + [ln for ln in following if not _is_trailer(ln)]
            pieces.append(ITEM_START_RE.sub("", " ".join(block), count=1).strip())
    else:
        # "1、2018年…" starts an item; "1.5" / "1．5" is a number, not "item 1"
        # ("1.2016年出版的…": item 1 about the year 2016)
        # Also "（一）…；（二）…", "(1)…；(2)…", "①…；②…" and "第1项…" inside a line.
        # ("一是…；二是…" in a restatement; a list after a question: "…没有验收？4.请你们严查…"; a quoted list:
        # "申请公开：“1、…；2、…”")
        raw = re.split(r"(?:(?<=[：:；;。，,！!？?\s“「『])|^)\s*(?:(?:\d{1,2}|[一二三四五六七八九十])\s*"
                       r"(?:、|[.．](?!\d)|[.．](?=(?:19|20)\d{2}年))|[（(]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[)）]|"
                       r"[①-⑳⑴-⒇⒈-⒛]|第\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*项\s*[：:、]?|"
                       r"(?:(?<=[：:；;，,])|^)[一二三四五六七八九十]是|"
                       # "第一，…；第二，…" (not "第一次", "第二十条")
                       r"(?:(?<=[：:；;。！!？?\s])|^)第[一二三四五六七八九十]{1,3}(?=[，,、：:]))\s*[，,、：:]?\s*|"
                       # "要求公开（1）2022年部门预算（2）2022年部门决算…": a bracketed number right after the words
                       # before it (not "第（三）项" or "第二十条（十三）")
                       r"(?<=[\u4e00-\u9fa5])(?<![第条款])[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）](?![项款条])\s*", text)
        # the first piece is the lead-in ("申请公开以下信息："), unless the list starts the text
        starts_with_list = bool(raw) and not raw[0].strip(" ；;。，,\n")
        inline = [p.strip(" ；;。，,\n") for p in raw if p and p.strip(" ；;。，,\n")]
        if len(inline) >= (2 if starts_with_list else 3):
            pieces = list(inline if starts_with_list else inline[1:])
            if any(len(p) < 4 for p in pieces):  # "某某规划（一）总则（二）…": parts of one record, not items
                pieces = []
            if pieces:  # an inline list ends with its sentence: "…三、低保户名单。被告逾期未予答复。" is narrative
                pieces[-1], _, after = pieces[-1].partition("。")
                # … but "另请解释新办法为什么…" asks a question of its own, answered as an item (as 咨询)
                question = _QUESTION_AFTER_LIST_RE.match(after.strip())
                if question:
                    pieces.append(question.group(0).rstrip("。"))
        if len(pieces) < 2:
            pieces = _semicolon_records(text)
        if len(pieces) < 2:
            # a restatement's sentence is the item without its frame ("经审理查明：…原告向被告…提交申请表，申请公开“…”")
            pieces = [without_answer_clauses(without_restated_frame(p)) for p in _request_sentences(text)]
            if len(pieces) == 1:  # "申请公开“某街道2021年度财政决算”和“主任办公会议纪要”": two quoted records, two items
                pieces = _quoted_records(pieces[0]) or _turned_records(pieces[0]) or pieces
    merged = 0
    if len(pieces) > MAX_ITEMS:
        merged = len(pieces) - MAX_ITEMS + 1
        pieces = pieces[:MAX_ITEMS - 1] + ["；".join(pieces[MAX_ITEMS - 1:])]
    pieces = [piece.strip().rstrip("；;。，,、.") for piece in pieces]
    items = [_make_item(i + 1, piece) for i, piece in enumerate(pieces) if piece]
    if merged and items:
        items[-1].merged = merged
    return items


# A 复印件 of an identity document or licence is an attachment, not the form the information is wanted in.
_ID_COPY_RE = lazy_re.compile(r"(?:身份证|身份证件|证件|营业执照|户口簿|委托书|授权书|证明)(?:的)?(?:正反面)?复印件")


# The clause that says how the information is wanted (第二十九条第二款第（三）项: "，以电子邮件方式提供",
# "，请邮寄至本人住址"): part of the application, not of the information asked for.
DELIVERY_CLAUSE_RE = lazy_re.compile(
    r"[，,；;]\s*(?:请|并|希望)?(?:以|通过|采用|按照?|用)?(?:电子邮件|电子邮箱|邮件|邮寄|挂号信|快递|纸质|纸面|书面|光盘|"
    r"U盘|传真|当面|现场|网络|网上|电子版|电子文档|复印件|复制件)[^。；，,;]{0,14}?"
    r"(?:方式|形式|途径|提供|获取|寄送|送达|领取|告知|答复|至[^。；，,;]{0,30})(?=[。；，,;]|$)")
# A request verb inside running text ("原告于…向被告邮寄申请表，申请公开…"); "公开申请" (the form) is not one.
REQUEST_VERB_RE = lazy_re.compile(r"(?:申请|要求|请求)(?:公开|获取|提供)|请(?:求)?(?:县里|市里|区里|镇里|乡里|省里|上级|你们|贵[局委办府院厅]|"
                             r"你[局委办]|政府|领导)?(?:依法|一并)?(?:公开|提供)|申请查阅")


# A clause after the object that carries the story on (a restated or repeated request), not more of the object.
_NARRATIVE_TAIL_RE = lazy_re.compile(r"[，,；;]\s*(?=至今|但是?|然而|被告|被申请人|被上诉人|逾期|现再次|特此|此后|同年|次日|后经|因此|故|"
                                r"这是|这已是|此前|之前)")
_LIST_LEAD_RE = lazy_re.compile(r"^(?:如下|以下|下列)(?:的)?(?:政府)?(?:信息|内容|事项|材料)[：:，,]?\s*")


# Everyday wording around what is asked for: "麻烦把…发我一份", "能不能把…给我们看看", "我要查一下…", "想看看…", and
# the thanks after it.
_EVERYDAY_OBJECT_RE = lazy_re.compile(
    r"(?:^|[，,。！!？?\s])(?:麻烦|请|能不能|能否|可否|可不可以)?(?:你们|贵[局办府院委])?把(?P<a>[^，,。！!？?]{2,60}?)(?:都|也|全都|全部)?"
    r"(?:发|给|寄|拿|复印|拷)(?:一份|一套|一下)?(?:给)?(?:我|我们|本人)(?:一份|一下|看看|看一下|一看|瞧瞧)?"
    r"|(?:我要|我想|想要?|麻烦|请)(?:查|看|查看|查阅|调取|调阅|复印)(?:一下|一看|看)?"
    # ("想看看能不能办缓考": whether something can be done, not a record to see)
    r"(?!看?(?:能不能|能否|是否|可否|可不可以|有没有|怎么|如何|行不行))(?P<b>[^，,。！!？?]{2,60})"
    # "我家的拆迁协议给我复印一份": the thing named first, then to whom and how
    r"|^(?P<c>[^，,。！!？?把]{2,60}?)(?:发|给|寄)(?:给)?(?:我|我们|本人)(?:复印|打印|拷贝|寄|发|看)?(?:一份|一下|看看|看一下|一看)")
_THANKS_RE = lazy_re.compile(r"[，,。！!\s]*(?:谢谢|多谢|感谢|麻烦了|拜托了)[^，,。]{0,6}[。！!]*$")


# "申请内容“市发展和改革委员会关于…的核准批复文件”", "申请事项为：“…”", "内容为“…”".
_CONTENT_QUOTED_RE = lazy_re.compile(r"(?:申请内容|申请事项|所需信息|内容)(?:为|是)?[：:]?\s*[“「『]([^”」』]{2,200})[”」』]")


def requested_object(text: str) -> str:
    """What an item asks for, as the applicant named it: without the delivery clause and, in a narrated or
    restated request ("原告于2018年5月6日向被告邮寄申请表，申请公开…。被告…"), only what follows its first
    request verb, up to the end of that sentence; in everyday words ("麻烦把…发我一份，谢谢"), what is between
    them."""
    body = _THANKS_RE.sub("", DELIVERY_CLAUSE_RE.sub("", text.strip()))
    if REQUEST_VERB_RE.search(body) is None:
        everyday = _EVERYDAY_OBJECT_RE.search(body)
        if everyday is not None:
            body = (everyday.group("a") or everyday.group("b") or everyday.group("c")).strip()
    verb = REQUEST_VERB_RE.search(body)
    if verb is None:  # a register's or a restatement's "申请内容“…”" / "内容为：“…”" quotes what was asked for
        quoted = _CONTENT_QUOTED_RE.search(body)
        if quoted is not None:
            return quoted.group(1).strip().rstrip("。；;，,、 ")
        colon = re.search(r"申请[：:]\s*", body)  # "所以向你们区人社局申请：市住房公积金管理中心…的通知"
        if colon is not None and len(body) - colon.end() >= 4:
            return unquote(re.split(r"[。！？\n]", body[colon.end():], maxsplit=1)[0].strip().rstrip("。；;，,、 "))
    if verb is not None and verb.start() > 0:
        rest = re.split(r"[。！？\n]", body[verb.end():], maxsplit=1)[0].strip(" ：:，,")
        rest = _LIST_LEAD_RE.sub("", re.sub(r"^一下", "", rest), count=1)  # "申请公开以下信息：…", "公开一下…"
        rest = _NARRATIVE_TAIL_RE.split(rest, maxsplit=1)[0]  # "…，至今未获答复，现再次申请": the story goes on
        if len(rest) >= 2:
            body = rest
    return unquote(body.strip().rstrip("。；;，,、 "))


def unquote(text: str) -> str:
    """``text`` without the quotes around all of it ("“某村土地承包台账”": a restatement quotes the applicant's words)."""
    quoted = re.fullmatch(r"\s*[“\"「『](.{2,}?)[”\"」』]\s*", text)
    return quoted.group(1) if quoted and not re.search(r"[“”\"「」『』]", quoted.group(1)) else text


def delivery_forms(text: str) -> list[str]:
    """Forms of delivery the request asks for (第二十九条第二款第（三）项)."""
    clean = _ID_COPY_RE.sub("", text)
    return [form for form, cues in DELIVERY_FORMS.items() if any(c in clean for c in cues)]


def _make_item(index: int, text: str) -> Item:
    return Item(
        index=index,
        text=text,
        doc_numbers=find_doc_numbers(text),
        dates=_unique(m.group(0) for m in DATE_RE.finditer(text)),
        periods=_unique(m.group(0) for m in PERIOD_RE.finditer(text)),
    )


# "如果你们不公开，我就去上访": a refusal or a condition, not what is asked for.




# "申请低保两次都没批", "申请人", "曾申请复议": 申请 that is not a request for information (for the weak verbs).
_OTHER_APPLICATION_RE = lazy_re.compile(
    r"申请(?:人|书|表|材料|日期|低保|补助|补贴|救助|宅基地|建房|复议|仲裁|强制执行|执行|赔偿|退休|工伤|贷款|户口|落户|"
    r"入学|廉租房|公租房|经适房|许可|登记|延期|延长|再审|上诉|调解|报销|困难)|(?:已|曾|多次|两次|三次|几次|\d+次)申请")


# Weak verbs inside words that ask nothing: "复印件" (a noun), "依申请给我的那份…" (a giving told as past).
_WEAK_VERB_LOOKALIKE_RE = lazy_re.compile(r"复印件|依申请|给我的")


_TITLE_IN_SENTENCE_RE = lazy_re.compile(r"《[^》]{1,80}》")


def _asks(sentence: str, verbs: tuple[str, ...]) -> bool:
    if _OTHER_VOICE_RE.match(sentence) or is_caption(sentence):
        return False
    rest = _OTHER_APPLICATION_RE.sub("", _NOT_ASKING_RE.sub("", sentence))
    # a title is not a verb: "依据：《政府信息公开条例》" asks for nothing
    rest = _TITLE_IN_SENTENCE_RE.sub("", rest)
    if verbs is WEAK_REQUEST_VERBS:
        rest = _WEAK_VERB_LOOKALIKE_RE.sub("", rest)
    return any(v in rest for v in verbs)


_QUOTED_SPAN_RE = lazy_re.compile(r"[“\"「『]([^”\"」』“]{2,80})[”\"」』]")
_QUOTED_JOIN_RE = lazy_re.compile(r"\s*(?:和|与|及|以及|、|，|,|；|;)\s*")
_QUOTED_HEAD_RE = lazy_re.compile(r"^[^“\"「『。；;]{0,24}?(?:公开|获取|提供|查阅)(?:的(?:信息|内容)?(?:为|是))?\s*[：:]?\s*$")
_QUOTED_TAIL_RE = lazy_re.compile(r"^[\s。；;，,]*(?:等(?:信息|文件|材料|内容)?)?[\s。；;，,]*$")


def _quoted_records(piece: str) -> list[str] | None:
    """The quoted records of a request that names nothing else ("申请公开“A”和“B”"), or None."""
    spans = list(_QUOTED_SPAN_RE.finditer(piece))
    if len(spans) < 2 or len(spans) > MAX_ITEMS:
        return None
    between = [piece[a.end():b.start()] for a, b in zip(spans, spans[1:])]
    if not all(_QUOTED_JOIN_RE.fullmatch(x) for x in between):
        return None
    if not _QUOTED_HEAD_RE.match(piece[:spans[0].start()]) or not _QUOTED_TAIL_RE.match(piece[spans[-1].end():]):
        return None
    return [m.group(1).strip() for m in spans]


_EARLIER_APPLICATION_RE = lazy_re.compile(r"(?:曾|曾经|此前|之前|先前|上次|前次)(?:于|在)?[^。；]{0,24}?(?:向[^。；，]{1,14}?)?(?:申请|要求|请求)(?:公开|提供|获取)")


_LETTER_TITLE_RE = lazy_re.compile(r"\s*关于[^。！？!?\n：:]{2,40}?(?:的)?(?:函|申请|申请书|申请表|报告)\s*")
_PURPOSE_SENTENCE_RE = lazy_re.compile(r"\s*(?:我们?|本人|申请人)?(?:想|希望|是想|目的是|主要是想)?(?:通过|借助|凭借?)(?:这些|该|上述|以上)"
                                  r"[^。！？!?\n]{0,20}?(?:判断|了解|核实|确认|评估|监督|维护|知道)")
_SCOPE_NOTE_RE = lazy_re.compile(r"本申请(?:仅|只)(?:要求|申请|涉及)|(?:仅|只)(?:要求|申请)(?:提供|公开)[^。！？!?\n]{0,40}?[，,]\s*(?:不涉及|不包括|不含)")


# "…的招标公告、中标结果和施工合同，另外还有项目资金的拨付文件": a record added after a turn in the sentence.
_TURN_IN_SENTENCE_RE = lazy_re.compile(r"[，,；;]\s*(?:另外|此外|另|同时)(?:还有|还需要|还要|还请|再|也)?(?:申请|请求|要求)?(?:公开|提供|获取)?(?:一下)?[，,：:]?\s*")
_RECORD_TAIL_RE = lazy_re.compile(r"(?:文件|材料|资料|记录|档案|凭证|明细|名单|名册|方案|报告|通知|公告|合同|协议|批复|决定|纪要|清单|图纸|"
                             r"台账|报表|预算|决算|目录|规划|标准|办法|意见)(?:[（(][^（）()]{0,30}[)）])?[。]?$")


def _turned_records(sentence: str) -> list[str] | None:
    """A request and a record added after "，另外还有…" in one sentence: two items, else None.  The added part must
    name a record and ask nothing else (a question or a demand after "另外" is read by :mod:`~reviewer.decide.mixed`)."""
    parts = _TURN_IN_SENTENCE_RE.split(sentence.strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    head, tail = (p.strip(" 。，,") for p in parts)
    if len(head) < 6 or len(tail) < 4 or re.search(r"[？?吗]", tail) or not _RECORD_TAIL_RE.search(tail) \
            or not _asks(head, REQUEST_VERBS + WEAK_REQUEST_VERBS):
        return None
    return [head, tail]


def _semicolon_records(text: str) -> list[str]:
    """One paragraph of records separated by "；" ("某县招聘教师公告；该次招聘的拟聘用人员公示名单；本人的面试成绩。"), each
    part ending with a kind of record: the parts, else []."""
    from reviewer.decide.description import DOCUMENT_KIND_RE

    body = text.strip()
    if "\n" in body or body.count("；") + body.count(";") < 1:
        return []
    parts = [p.strip(" 。") for p in re.split(r"[；;]", body) if p.strip(" 。")]
    ends = lazy_re.compile(r"(?:" + DOCUMENT_KIND_RE.pattern + r"|成绩|结果|制度)(?:[（(][^（）()]{0,40}[)）])?$")
    if not 2 <= len(parts) <= MAX_SENTENCE_ITEMS or not all(len(p) >= 6 and ends.search(p) for p in parts):
        return []
    return parts


# A quotation closed within this many characters is one piece of the request: a restatement quoting several questions
# ("申请公开如下信息：“…适用的是哪一条？为什么…？请书面解释。”") quotes one request, not several sentences.
MAX_QUOTE_CHARS = 300
_QUOTE_PAIRS = {"“": "”", "「": "」", "『": "』"}


def split_sentences(text: str) -> list[str]:
    """``text`` cut after 。！？!? and line breaks, except inside a quotation that closes (within
    :data:`MAX_QUOTE_CHARS`, on the same line)."""
    out, start, i, n = [], 0, 0, len(text)
    while i < n:
        ch = text[i]
        close = _QUOTE_PAIRS.get(ch)
        if close:
            end = text.find(close, i + 1, i + 1 + MAX_QUOTE_CHARS)
            if end > 0 and "\n" not in text[i:end]:
                i = end + 1
                continue
        if ch in "。！？!?\n":
            out.append(text[start:i + 1])
            start = i + 1
        i += 1
    if start < n:
        out.append(text[start:])
    return out


def _request_sentences(text: str) -> list[str]:
    sentences = [s.strip() for s in split_sentences(text) if s.strip()]
    sentences = [s for s in sentences if not _LIST_TRAILER_RE.match(s)]  # "以电子邮件方式提供。" is how, not what
    # "本申请仅要求提供拟录用人员公示，不涉及其他考生的成绩": a note on the request's scope, not another request
    sentences = [s for s in sentences if not _SCOPE_NOTE_RE.search(s)] or sentences
    # ("县政府信息公开办：" names the office and "关于申请提供全市在建项目信息的函" titles the letter; they ask nothing)
    chosen = [k for k, s in enumerate(sentences) if _asks(s, REQUEST_VERBS) and not _is_applicant_line(s)
              and not _GREETING_RE.fullmatch(s) and not _LETTER_TITLE_RE.fullmatch(s)]
    # an earlier application told as background ("本人曾于2023年8月向贵局申请公开…，贵局已…提供了该批复") beside the request
    current = [k for k in chosen if not _EARLIER_APPLICATION_RE.search(sentences[k])]
    if current and len(current) < len(chosen):
        chosen = current
    if not chosen:  # "我想申请…的中标公告", "麻烦给我…": a weaker verb, still better than the greeting and thanks
        chosen = [k for k, s in enumerate(sentences) if _asks(s, WEAK_REQUEST_VERBS) and not _is_applicant_line(s)
                  and not _GREETING_RE.fullmatch(s)]
    # "因此申请贵局提供：" then the record on the next line: the lead and what it leads to
    chosen = sorted(set(chosen) | {k + 1 for k in chosen if re.search(r"[：:]\s*$", sentences[k]) and k + 1 < len(sentences)
                                   and not _is_applicant_line(sentences[k + 1]) and not _is_trailer(sentences[k + 1])})
    # "我们想通过这些报表判断开发商还有没有能力…": why the records are wanted, not another request
    chosen = [k for k in chosen if not _PURPOSE_SENTENCE_RE.match(sentences[k])] or chosen
    # "依据《条例》，申请获取以下信息：" only leads the sentence after it, which is chosen too
    chosen = [k for k in chosen if not (k + 1 in chosen and _LEAD_LINE_RE.match(sentences[k].strip()))] or chosen
    wanted = _with_antecedents(sentences, chosen)
    if len(wanted) == 2 and _two_requests(wanted):
        return wanted
    if wanted:
        return [" ".join(wanted)] if len(wanted) <= 2 or len(wanted) > MAX_SENTENCE_ITEMS else wanted
    # no verb at all ("对本人房屋作出的拆迁裁决书及送达回证" in a letter): the lines that are not the letter's greeting,
    # closing, date or signature
    body = [s for s in sentences if not _is_applicant_line(s) and not _is_trailer(s) and not _GREETING_RE.fullmatch(s)]
    return [" ".join(body)] if body else []


_GREETING_RE = lazy_re.compile(r"\s*(?:尊敬的[^。！!\n]{0,20}[：:]|[\u4e00-\u9fa5]{2,30}?(?:局|政府|委员会|办公室|办事处|中心|分局|所|队|办|科|股)[：:]|[^。！!\n]{0,20}(?:领导|同志|先生|女士)(?:们)?[：:，,]?|"
                          r"(?:您|你们?)好[！!。，,]?|谢谢[！!。]?|此致[！!。，,]?|敬礼[！!。]?)\s*")


# "…县档案馆有民国时期的教职员名册，我想查一下有没有他的名字。请提供复印件。": a request whose object only points back
# (复印件, 一份, 上述材料) asks for what the sentence before it names.
_ANAPHORIC_OBJECT_RE = lazy_re.compile(r"(?:其|该|上述|前述|以上|这些|这份|那份|此)?(?:材料|资料|文件|信息)?的?"
                                  r"(?:复印件|复制件|原件|扫描件|照片|一份|全文|副本|材料|资料|文件|信息)(?:一份)?")


MAX_POINTER_SENTENCE = 16  # "请提供复印件。", "麻烦给我寄一份。": a sentence that only points back is short
_VERB_FIRST_RE = lazy_re.compile(r"^(?:请|烦请|麻烦|恳请)?(?:你们|贵[局委办府院厅]|你[局委办])?(?:依法)?(?:再)?"
                            r"(?:提供|公开|给我|寄给我|发给我|寄|发|复印)(?:给我|一下)?")


_IF_ANY_RE = lazy_re.compile(r"^(?:有的话|如有|如果有的?话?|若有|要是有)[，,]?")


# "能否寄一份给我？", "麻烦给我寄一份。", "可以发我一份吗？": asked politely, the words around the object are the frame.
_POINTER_FRAME_RE = lazy_re.compile(r"能否|能不能|可否|可不可以|是否可以|可以|请|烦请|麻烦|恳请|你们|贵[局委办府院厅]|你[局委办]|依法|再|"
                               r"帮忙|帮我|寄给我|发给我|给我们?|发我|寄|发|提供|公开|复印|一下|过来|吗|呢|谢谢")


# "我要的就是这个。", "要的就是这一份": the object is a demonstrative pointing at the record the sentence before names.
_DEICTIC_SENTENCE_RE = lazy_re.compile(r"\s*(?:我|本人|我们)?(?:要的|需要的|申请的|想要的|所需的?)(?:就|也)?(?:是|为)?"
                                  r"(?:这|那|此)(?:个|份|一份|件|一件|些|张)?(?:文件|通知|东西)?(?:就行|就可以|即可)?[。！!，,]?\s*")


def _points_back(sentence: str) -> bool:
    """The sentence's object only points back ("请提供复印件", "有的话请公开", "能否寄一份给我？", "我要的就是这个")."""
    if _DEICTIC_SENTENCE_RE.fullmatch(sentence):
        return True
    obj = requested_object(sentence)
    obj = _VERB_FIRST_RE.sub("", _IF_ANY_RE.sub("", obj, count=1), count=1).strip(" ，,。！!")
    if not obj or _ANAPHORIC_OBJECT_RE.fullmatch(obj) is not None:
        return True
    rest = _POINTER_FRAME_RE.sub("", _IF_ANY_RE.sub("", sentence.strip(), count=1)).strip(" ，,。！!？?")
    return bool(rest) and _ANAPHORIC_OBJECT_RE.fullmatch(rest) is not None


# "请把市医保局的那个文件给我一份", "麻烦把该批复复印一份寄给我", "我要那个通知的全文": the record named only by a
# demonstrative (那个/这个/该/上述/此 + a record noun), maybe after its maker — what it is, the sentence before says.
_DEMONSTRATIVE_OBJECT_RE = lazy_re.compile(
    r"(?:把|将|要)?(?:[\u4e00-\u9fa5]{2,12}?的)?(?:那|这|该|上述|前述|上面说的|刚才说的|此)(?:个|份|一份|件|项)?"
    r"(?:文件|通知|批复|材料|资料|方案|决定|合同|协议|报告|规定|办法|东西|文|(?:许可|审批|批准)?(?:信息|证|证书)|审批表)"
    r"(?:的)?(?:复印件|复制件|原件|扫描件|全文|电子版|纸质版)?(?:完整地|完整的|全部|原样)?(?:复印|寄|发|提供)?(?:一份)?(?:给我|寄给我|发给我)?(?:一份)?")
# The sentence before names a record ("市医保局新发了一个文件，说是关于…", "去年县里出了个批复").
_NAMES_RECORD_RE = lazy_re.compile(r"文件|通知|批复|方案|决定|规定|办法|合同|协议|报告|纪要|规划|公告|通告|意见|许可|证书|审批表|名单|清单|"
                              r"文号|《")
MAX_DEMONSTRATIVE_SENTENCE = 40


def _names_by_pointer(sentence: str) -> bool:
    """The sentence asks for a record it names only by a demonstrative (:data:`_DEMONSTRATIVE_OBJECT_RE`)."""
    if len(sentence) > MAX_DEMONSTRATIVE_SENTENCE:
        return False
    obj = _VERB_FIRST_RE.sub("", _IF_ANY_RE.sub("", requested_object(sentence), count=1), count=1).strip(" ，,。！!？?")
    if obj and _DEMONSTRATIVE_OBJECT_RE.fullmatch(obj):
        return True
    rest = _POINTER_FRAME_RE.sub("", _IF_ANY_RE.sub("", sentence.strip(), count=1)).strip(" ，,。！!？?")
    if rest and _DEMONSTRATIVE_OBJECT_RE.fullmatch(rest) is not None:
        return True
    # "麻烦告知文号，并将该文件提供给我": the clause that asks for the record names it by a demonstrative
    clauses = [_CLAUSE_LEAD_RE.sub("", c).strip() for c in re.split(r"[，,]", sentence)]
    return len(clauses) > 1 and _DEMONSTRATIVE_OBJECT_RE.fullmatch(clauses[-1].strip("。！!？? ")) is not None


_CLAUSE_LEAD_RE = lazy_re.compile(r"^(?:并且?|同时|另外|也|还)?(?:请|麻烦|烦请)?")


# An application told with its date ("原告于2019年3月向被告申请公开…", "原告又于同年5月申请公开…").
_NARRATED_APPLICATION_RE = lazy_re.compile(
    r"(?:原告|申请人|上诉人|第三人|其)(?:又|再|另|还|再次|随后)?于(?:\d{4}年|同年|次年|当年|同月|次月)[^。；]{0,30}?"
    r"(?:申请|要求|请求)(?:公开|获取|提供)")


def _two_requests(sentences: list[str]) -> bool:
    """Two request sentences that name different records ("原告…申请公开规划许可证，被告答复…。原告又于…申请公开施工许可证"),
    not one request said twice or a request and a sentence pointing back to it."""
    if not all(_NARRATED_APPLICATION_RE.search(s) for s in sentences):
        return False
    objects = [requested_object(s) for s in sentences]
    if any(len(o) < 4 or _points_back(s) for o, s in zip(objects, sentences)):
        return False
    a, b = objects
    return a not in b and b not in a


def _with_antecedents(sentences: list[str], chosen: list[int]) -> list[str]:
    """The ``chosen`` sentences, each one whose object only points back (:data:`_ANAPHORIC_OBJECT_RE`), or names the
    record by a demonstrative after a sentence naming one (:func:`_names_by_pointer`), joined to the sentence before it
    (unless that one is chosen itself or is the applicant's particulars)."""
    picked = set(chosen)
    out: list[str] = []
    for k in chosen:
        sentence = sentences[k]
        before = sentences[k - 1] if k > 0 and k - 1 not in picked else ""
        if before and not _is_applicant_line(before) and (
                (len(sentence) <= MAX_POINTER_SENTENCE and _points_back(sentence))
                or (_names_by_pointer(sentence) and _NAMES_RECORD_RE.search(before))):
            out.append(before + sentence)
        else:
            out.append(sentence)
    return out


def _is_applicant_line(sentence: str) -> bool:
    """A line of the applicant's particulars ("申请人：张三", "联系电话：…"), not a sentence about the applicant:
    "申请人于2021年5月向被申请人申请公开…" and "申请人称…" (a review decision's restatement) are the request."""
    return bool(re.match(r"\s*(?:【[^】]{1,10}】\s*)?(?:申请人(?:姓名|名称)?\s*[：:]|申请人\s*$|姓名|身份证|联系电话|电话|手机|通讯地址|联系地址|邮箱|"
                         r"(?:联系人|业主代表|代表人|委托代理人|经办人)\s*[：:]|"
                         r"电子邮箱|证件|获取方式|提供方式|形式要求|申请日期)", sentence)
                or (_OWN_PARTICULARS_RE.match(sentence) is not None and _ASKING_WORD_RE.search(sentence) is None))


# "我叫陈某某，身份证号…，电话…", "我是某乡某村的村民熊某，身份证…": the applicant's particulars told in a sentence — only
# when the line asks nothing (no 申请/公开/提供/要求 …).
_OWN_PARTICULARS_RE = lazy_re.compile(r"\s*(?:我叫|我是|本人(?:是|叫)?)[^。；;\n]{1,24}?[，,、\s]\s*(?:身份证|公民身份号码|电话|手机|联系方式)")
_ASKING_WORD_RE = lazy_re.compile(r"申请|公开|提供|要求|查阅|复印|调取|请")


# "如果你们不公开，我就去上访", "否则我将向上级投诉": a threat on a condition — neither a request nor a complaint to handle.
# Only a condition followed by a threat: "如有，请公开" and "如果有相关文件，请提供" are requests.
THREAT_RE = lazy_re.compile(
    r"(?:如果|假如|要是|若是?|倘若|否则|不然)[^。！？!?\n]{0,40}?"
    r"(?:上访|信访|投诉|起诉|举报|复议|诉讼|曝光|媒体|告到|告你们|找领导|找上级)[^。！？!?\n]*")


_THREAT_CLAUSE_RE = lazy_re.compile(r"[，,；;]?\s*(?:" + THREAT_RE.pattern + r")[。！？!?；;，,]?")


def is_threat(text: str) -> bool:
    """Whether ``text`` (a sentence or clause) is a conditional threat (:data:`THREAT_RE`)."""
    return THREAT_RE.fullmatch(text.strip().rstrip("。！？!?；;，,")) is not None


def without_threats(text: str) -> str:
    """``text`` without its conditional threats: what the triage reads (a threat to 上访 does not make the request a
    信访 matter)."""
    return _THREAT_CLAUSE_RE.sub("", text)


# A letter's sign-off with the writer's particulars, after what is asked ("——家长 邱某（身份证、电话已在原申请中填写）",
# "魏某 身份证5002… 电话132…", "电话151…，贺某，身份证上次已经交了。"): the applicant's own, not a third party's.
_SIGNOFF_RE = lazy_re.compile(r"\s*(?:——|--|—|-)?\s*(?:家长|村民|业主|居民|申请人|联系人)?\s*"
                         r"(?:[\u4e00-\u9fa5]{1,2}某{1,2}|[\u4e00-\u9fa5][×xX*＊]{1,2})?[\s（(，,：:]*"
                         r"(?:身份证|公民身份号码|电话|手机|联系方式)[^。\n]{0,60}[。！!]?\s*$")
_SIGNOFF_ASKS_RE = lazy_re.compile(r"(?<!原)申请公开|公开|提供|查阅|复印|调取|我要|需要")


# A sign-off gives the particulars (digits, masked or not) or says they were given ("已在原申请中填写", "上次已经交了").
_SIGNOFF_GIVEN_RE = lazy_re.compile(r"[\dXx×*＊]{4,}|已|上次|附后|附件|见附|原申请|同上")


def _is_signoff(sentence: str) -> bool:
    return len(sentence) <= 80 and _SIGNOFF_RE.match(sentence) is not None \
        and not _SIGNOFF_ASKS_RE.search(sentence) and _SIGNOFF_GIVEN_RE.search(sentence) is not None


def without_particulars(text: str) -> str:
    """The request without the lines of the applicant's particulars ("申请人：张某，身份证号…") and a closing sign-off
    with them (:data:`_SIGNOFF_RE`): what the triage cues and classifiers read, so the applicant's own name and ID
    are not taken for a third party's."""
    lines = text.splitlines()
    kept = []
    for line in lines:
        if _is_applicant_line(line):
            continue
        sentences = [x for x in re.split(r"(?<=[。！!])", line) if x.strip()]
        if len(sentences) > 1 and _is_signoff(sentences[-1]):
            line = "".join(sentences[:-1])
        kept.append(line)
    changed = len(kept) < len(lines) or kept != lines
    return "\n".join(kept) if kept and changed and any(k.strip() for k in kept) else text


# After a numbered list: how to deliver it or a closing remark about the list, not part of the last item.
_LIST_TRAILER_RE = lazy_re.compile(
    r"\s*(?:以上(?:信息|内容|材料|所列|各项|事项|申请)|(?:请|烦请|恳请)?(?:以|通过|按)(?:纸质|电子|邮寄|邮件|书面|光盘|传真)"
    r"[^。]{0,20}(?:方式|形式|途径)|"
    # where to send the answer and whom to call ("请把材料寄到某某村三组，或者打电话给我孙子…")
    r"(?:请|烦请|麻烦)?(?:把|将)?(?:材料|资料|答复|回复|结果|文件)?(?:寄到|寄至|邮寄到|邮寄至|发到|发送至|回复至|回复到|送到)"
    r"[^。]{0,40}?(?:村|组|号|室|路|街|镇|邮箱|地址|家里)(?:[，,]|。|$)|"
    # how the office may answer ("如有困难，可分批提供。", "如不便提供纸质件，电子版亦可。")
    r"(?:如有困难|如有不便|如不便|如确有困难|如条件允许|如有可能)[^。]{0,24}?(?:提供|答复|亦可|也可)[^。]{0,6}(?:。|$))")


# A form's other fields after a list ("文号：…", "用途：…", "获取方式：…") end its last item.
_FORM_FIELD_AFTER_LIST_RE = lazy_re.compile(r"\s*(?:文号|发文字号|文件编号|用途|信息用途|获取方式|提供方式|获取信息的方式|"
                                       r"是否申请减免费用|受理机关|被申请人|申请机关)\s*[：:]")


def _is_trailer(line: str) -> bool:
    return (_is_applicant_line(line) or bool(re.match(r"\s*(此致|敬礼|申请日期|\d{4}年\d{1,2}月\d{1,2}日$)", line))
            or bool(_LIST_TRAILER_RE.match(line)) or bool(_FORM_FIELD_AFTER_LIST_RE.match(line)))


def _parse_applicant(text: str) -> Applicant:
    applicant = Applicant()
    org = ORG_RE.search(text)
    name = NAME_RE.search(text)
    if org:
        applicant.organisation = org.group("v") or org.group("v2") or org.group("v3")
        applicant.kind = "organisation"
    if name:
        applicant.name = name.group("v")
        if applicant.kind == "unknown":
            applicant.kind = "person"
    id_match = ID_RE.search(text) or (USCC_RE.search(text) if org else None)
    if id_match:
        applicant.id_document = id_match.group(0)
    phone = MOBILE_RE.search(text) or LANDLINE_RE.search(text)
    if phone:
        applicant.phone = phone.group(0)
    email = EMAIL_RE.search(text)
    if email:
        applicant.email = email.group(0)
    address = ADDRESS_RE.search(text)
    if address:
        applicant.address = address.group("v").strip()
    applicant.lawyer = bool(LAWYER_RE.search(text))
    return applicant


def _detect_channel(text: str) -> str | None:
    for channel, cues in CHANNELS.items():
        if any(c in text for c in cues):
            return channel
    return None


def _field_getter(data: dict):
    def get(*names):
        for n in names:
            if n in data and data[n] not in (None, ""):
                return data[n]
        return None

    return get


def _str(value) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None


def _unique(values) -> list[str]:
    out: list[str] = []
    for v in values:
        v = re.sub(r"\s+", "", v)
        if v not in out:
            out.append(v)
    return out
