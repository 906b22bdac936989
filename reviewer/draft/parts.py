"""The pieces every drafted letter shares: placeholders and dates, the 文号, salutation, contact line,
the 受理事实 paragraph (收到申请 … 申请获取 …), how a requested item is quoted, and the finishing touch
(:func:`finish_letter`: tidy spacing, list the placeholders).

Used by :mod:`reviewer.draft.letters` (答复书) and :mod:`reviewer.draft.notices` (procedural letters).
"""

from __future__ import annotations

import re
from datetime import date

from reviewer.decide.profile import AgencyProfile
from reviewer.draft.context import Letter, ReplyContext

__all__ = [
    "CHANNEL_PHRASES",
    "CORRECTION_ASKED",
    "contact_line",
    "document_number",
    "finish_letter",
    "format_date",
    "is_record_correction",
    "official_letter",
    "placeholder",
    "receipt_paragraph",
    "request_subjects",
    "salutation",
    "subject_text",
    "tidy",
]

CHANNEL_PHRASES = {
    "当面": "当面提交",
    "现场": "当面提交",
    "邮寄": "通过邮寄方式提交",
    "网络": "通过互联网渠道提交",
    "互联网": "通过互联网渠道提交",
    "网上": "通过互联网渠道提交",
    "传真": "通过传真方式提交",
    "in_person": "当面提交",
    "mail": "通过邮寄方式提交",
    "online": "通过互联网渠道提交",
    "fax": "通过传真方式提交",
}


def placeholder(what: str) -> str:
    """A clearly marked gap only staff can fill: ``【待填写：what】``."""
    return f"【待填写：{what}】"


def format_date(d: date | None, what: str = "日期") -> str:
    """``2025年3月3日`` (GB/T 9704 style, Arabic numerals); a placeholder when unknown."""
    if d is None:
        return placeholder(what)
    return f"{d.year}年{d.month}月{d.day}日"


def document_number(profile: AgencyProfile, kind: str, ctx: ReplyContext) -> str:
    """The 文号: the profile's prefix for ``kind``, the year of the letter, the sequence (or a placeholder)."""
    seq = str(ctx.doc_seq) if ctx.doc_seq not in (None, "") else placeholder("序号")
    return f"{profile.prefix_for(kind)}〔{ctx.the_day.year}〕{seq}号"


def salutation(name: str | None, what: str = "申请人姓名或名称") -> str:
    """``name：`` (a placeholder naming ``what`` when the name is unknown)."""
    return f"{name.strip() if name and name.strip() else placeholder(what)}："


def contact_line(profile: AgencyProfile) -> str:
    """The contact line printed under the closing."""
    return f"（联系人：{profile.contact_person}；联系电话：{profile.contact_phone}；通信地址：{profile.address}）"


def _channel_phrase(channel: str | None) -> str:
    if channel and channel.strip() in CHANNEL_PHRASES:
        return CHANNEL_PHRASES[channel.strip()]
    if channel and channel.strip():
        way = channel.strip().removeprefix("通过").removesuffix("提交的").removesuffix("提交")
        return f"通过{way}提交"
    return "通过" + placeholder("提交方式（当面/邮寄/互联网/传真）") + "提交"


_REQUEST_VERB_RE = re.compile(r"^(?:我|本人)?(?:特此|现)?(?:(?:请|烦请|恳请)(?:贵[局委办府院厅]|你们|你[局委办])?(?=(?:依法)?(?:公开|提供)))?"
                              r"(?:依法)?(?:申请公开|要求公开|请求公开|申请获取|申请提供|要求提供|请求提供|"
                              r"(?:申请|要求|请求)(?:查阅|调取|调阅|复制|查询)(?:并复制|、复制|和复制)?|(?:查阅|调取|调阅)(?:并复制|、复制)?|依法公开|公开(?![栏课招选])|提供(?![方者])|获取)(?:一下)?(?:贵局|你局|贵机关|贵单位)?(?:的政府信息|的信息|内容)?[：:，,]?\s*")


_ASK_TAIL_RE = re.compile(r"[，,]?(?:也|还|并|同时)?(?:请|麻烦)(?:一并|你们|贵[局委办府])?(?:告诉|告知|回复|答复)(?:我|本人|申请人)?(?:一下)?$")


def subject_text(text: str, heading: bool = False) -> str:
    """An item as quoted in a letter: without the request verb ("申请公开…"), without quotes nested
    in the letter's own quotes, without stray spaces; in a heading also without a leading "关于"."""
    from reviewer.decide.request import requested_object, unquote

    t = unquote(_REQUEST_VERB_RE.sub("", requested_object(text)).strip()) or text.strip()
    t = t.replace("“", "‘").replace("”", "’").replace('"', "")
    t = tidy(t).rstrip("。；;，,")
    t = _ASK_TAIL_RE.sub("", t) or t  # "是谁举报了我家也请告诉我": the ask at the end is not the information
    if heading and t.startswith("关于") and len(t) > 4:
        t = t[2:]
    return t


_CJK = r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef‘’“”]"
_SPACE_RE = re.compile(rf"(?<={_CJK})[ \t]+|[ \t]+(?={_CJK})")


def tidy(text: str) -> str:
    """No stray spaces next to Chinese text (pasted requests join lines with spaces)."""
    return _SPACE_RE.sub("", text)


def request_subjects(ctx: ReplyContext) -> list[str]:
    """The requested items' texts (or the ``subject`` fact when no items were given)."""
    if ctx.items:
        return [subject_text(i.text) for i in ctx.items]
    if ctx.facts.get("subject"):
        return [subject_text(str(ctx.facts["subject"]))]
    return []


# Parts of a request that ask for no information: a complaint (信访/投诉) or a question (咨询).
NOT_INFORMATION_ASKED = ("no_action.petition", "other.consultation")
# How the receipt names a request to correct the applicant's own record (第四十一条).
CORRECTION_ASKED = "要求更正与您自身相关的政府信息记录"


def is_record_correction(item) -> bool:
    """The item asks to correct a record about the applicant (第四十一条), not for information."""
    return bool(item.facts.get("record_correction"))


def receipt_paragraph(ctx: ReplyContext, with_correction: bool = True) -> str:
    """The 受理事实 paragraph: when and how the application came, what it asks for, and (``with_correction``)
    the 补正 that restarted the reply period."""
    rid = f"（申请编号：{ctx.request_id}）" if ctx.request_id else ""
    # A request to correct the applicant's own record (第四十一条) is not information asked for either.
    corrections = [subject_text(i.text) for i in ctx.items if is_record_correction(i)]
    petitions = [i for i in ctx.items if i.code in NOT_INFORMATION_ASKED]
    others = "，另提出了其他诉求" if petitions else ""
    info = [subject_text(i.text) for i in ctx.items
            if not is_record_correction(i) and i.code not in NOT_INFORMATION_ASKED]
    subjects = request_subjects(ctx)
    complaint = ""
    if corrections and not info:
        quoted = "；".join(f"“{c}”" for c in corrections)
        text = (f"本机关于{format_date(ctx.received, '收到申请日期')}收到您{_channel_phrase(ctx.channel)}的申请{rid}，"
                f"{CORRECTION_ASKED}，申请内容为{quoted}{others}。")
        return text + _correction_sentence(ctx) if with_correction else text
    if corrections:
        subjects = info
        complaint = f"，并{CORRECTION_ASKED}{others}"
    elif petitions and len(petitions) < len(ctx.items):
        # A complaint or a question is not information asked for: list the information items only.
        subjects = [subject_text(i.text) for i in ctx.items if i.code not in NOT_INFORMATION_ASKED]
        complaint = "，并在申请中提出了其他诉求"
    if not subjects:
        what = f"“{placeholder('申请获取的政府信息名称或内容')}”"
    elif len(subjects) == 1:
        what = f"“{subjects[0]}”"
    else:
        what = "以下政府信息：" + "；".join(f"{i}．{s}" for i, s in enumerate(subjects, start=1))
    asked = f"，申请获取{what}{complaint}"
    if ctx.items and all(i.code == "no_action.petition" for i in ctx.items):
        asked = ""  # a complaint is not quoted back as information asked for (it may hold personal data)
    text = (
        f"本机关于{format_date(ctx.received, '收到申请日期')}收到您{_channel_phrase(ctx.channel)}"
        f"的政府信息公开申请{rid}{asked}。"
    )
    return text + _correction_sentence(ctx) if with_correction else text


def _correction_sentence(ctx: ReplyContext) -> str:
    """The 补正 that restarted the reply period ("" when there was none)."""
    if not (ctx.correction_received or ctx.correction_requested):
        return ""
    text = f"本机关于{format_date(ctx.correction_requested)}告知您对申请作出补正，" if ctx.correction_requested else ""
    return text + (
        f"并于{format_date(ctx.correction_received, '收到补正材料日期')}收到您的补正材料，"
        "答复期限自收到补正的申请之日起计算。"
    )


def official_letter(profile: AgencyProfile, ctx: ReplyContext, *, kind: str, title: str, paragraphs: list[str],
                    citation: str | None, notes: list[str], code: str | None = None, doc_kind: str | None = None,
                    to: str | None = None, **fields) -> Letter:
    """Every letter's frame around its ``paragraphs``: the agency's name before ``title``, the 文号 of
    ``doc_kind`` (default ``kind``), the salutation ``to`` (default: the applicant), the closing with the
    letter's date, the contact line; ``fields`` are the :class:`Letter` fields only some letters have
    (headings, attachments, appendix, remedy).  Finished by :func:`finish_letter`."""
    letter = Letter(kind=kind, code=code, title=profile.name + title,
                    doc_number=document_number(profile, doc_kind or kind, ctx),
                    salutation=to if to is not None else salutation(ctx.applicant), paragraphs=paragraphs,
                    closing_agency=profile.name, closing_date=format_date(ctx.the_day), contact=contact_line(profile),
                    citation=citation, notes=notes, **fields)
    return finish_letter(letter)


def finish_letter(letter: Letter) -> Letter:
    """Last step of every builder: tidy the paragraphs' spacing and list the placeholders."""
    letter.paragraphs = [tidy(p) for p in letter.paragraphs]
    letter.placeholders = letter.collect_placeholders()
    return letter
