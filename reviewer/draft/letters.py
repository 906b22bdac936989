"""Draft the 答复书/告知书 for every reply code (:func:`draft_reply`).

Structure follows ogi-law.md §3.2 (title, 文号, 称谓, 受理事实, outcome with reasons and exact
citations, 提供方式, 救济告知, 落款) with the operative sentences of §3.3 kept in
``rules/reply_types.yaml``. Facts only staff can know become ``【待填写：…】`` placeholders, listed
in ``Letter.placeholders``; staff-facing remarks stay in ``Letter.notes`` (never in the letter's text).
The remedy paragraph follows §3.5 (行政复议法 2023): wording A normally, wording B (复议前置,
第二十三条) whenever content is withheld, the 复议机关 and court from the agency profile.
The input and output types live in :mod:`reviewer.draft.context`, the pieces shared with the procedural
letters in :mod:`reviewer.draft.parts`, the procedural letters in :mod:`reviewer.draft.notices`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from reviewer.decide.profile import AgencyProfile
from reviewer.decide.replytypes import (
    DEFAULT_LAW,
    TEMPLATE_FIELDS,
    ReplyType,
    citation_string,
    ground_label,
    load_reply_types,
)
from reviewer.draft.context import (
    Letter,
    PublishedRef,
    ReplyContext,
    RequestItem,
    SearchLog,
    ThirdParty,
    WithheldPart,
)
from reviewer.draft.notices import draft_correction_notice
from reviewer.draft.parts import (
    format_date,
    is_record_correction,
    official_letter,
    placeholder,
    receipt_paragraph,
    subject_text,
    tidy,
)

__all__ = ["DELIVERY_PHRASES", "OWN_MATTER_SENTENCE", "RECORD_CORRECTION_NOTE", "draft_reply", "remedy_paragraph"]

_CN_ORDINALS = "一二三四五六七八九十"

DELIVERY_PHRASES = {
    "纸质": "纸质复印件",
    "电子": "电子数据（电子邮件）",
    "电子邮件": "电子邮件",
    "邮寄": "邮寄纸质复印件",
    "查阅": "安排现场查阅、抄录",
    "paper": "纸质复印件",
    "electronic": "电子数据（电子邮件）",
    "email": "电子邮件",
    "mail": "邮寄纸质复印件",
    "inspect": "安排现场查阅、抄录",
}


# The applicant's own (household's) matter: provided to the applicant; other members' sensitive data need
# their consent (个人信息保护法 第二十九条).
OWN_MATTER_SENTENCE = "该信息涉及您家庭的事项，本机关在核实您与该户的关系后向您提供；其中涉及其他家庭成员敏感个人信息的部分，经其本人同意后提供。"


# A request to correct a record about the applicant (第四十一条), answered as 其他处理: what the office does with
# it, the verification result only staff know, and the transfer when correcting is not within its functions.
RECORD_CORRECTION_VERIFY = "本机关将根据您提供的证据材料对该记录进行核实，经审核属实的，予以更正并告知您。"
RECORD_CORRECTION_RESULT = "核实结果（记录是否准确；已更正的，写明更正的内容和日期）"
RECORD_CORRECTION_TRANSFER = ("如更正该记录不属于本机关职能范围，删去上段，改写为：本机关已将您的申请转送有权更正的（行政机关名称）"
                              "处理；或者：请您向有权更正的（行政机关名称、联系方式）提出")
RECORD_CORRECTION_NOTE = ("更正申请（第四十一条）：核对申请人提供的证据并核实记录，填写核实结果；更正不属于本机关职能范围的，"
                          "按文书中【待填写】的提示改为转送有权更正的行政机关或者告知申请人向其提出，并删去不适用的内容。")


def _record_correction_paragraphs(values: dict) -> list[str]:
    """The answer to a request to correct the applicant's own record (第四十一条)."""
    from reviewer.decide.outcome import RECORD_CORRECTION, REQUEST_LETTER_REASON

    reasons = values.get("reasons") or REQUEST_LETTER_REASON[RECORD_CORRECTION]
    return [f"经审查，{reasons}。{RECORD_CORRECTION_VERIFY}核实结果：{placeholder(RECORD_CORRECTION_RESULT)}。",
            placeholder(RECORD_CORRECTION_TRANSFER) + "。"]


class _Fill(dict):
    """Template values; a missing field renders as a placeholder (or "" when optional)."""

    def __missing__(self, key: str) -> str:
        what = TEMPLATE_FIELDS.get(key, key)
        return "" if what is None else placeholder(what)


def _text_value(value: Any, what: str) -> str:
    if isinstance(value, date):
        return format_date(value, what)
    if isinstance(value, list | tuple):
        return "、".join(str(v) for v in value)
    return str(value)


def _join_reasons(reasons: list[str]) -> str:
    return "；".join(r.strip().rstrip("。；;") for r in reasons if r.strip())



def remedy_paragraph(profile: AgencyProfile, withholding: bool, mixed: bool = False, document: str = "答复书") -> str:
    """救济告知 per ogi-law.md §3.5.

    ``withholding`` → wording B (复议前置, 行政复议法 第二十三条); otherwise wording A. For vertical
    agencies (wording C) the 复议机关 is the 上一级主管部门 named in the profile. ``mixed`` adds the
    ordinary wording for the parts of the reply that withhold nothing.
    """
    if profile.agency_type == "state_council_dept" and profile.review_body == profile.name:
        body = "本机关"
    elif profile.agency_type == "vertical" and not profile.review_body.startswith("上一级"):
        body = f"上一级主管部门{profile.review_body}"
    else:
        body = profile.review_body
    court = f"依法向{profile.court}提起行政诉讼" if profile.court else "依法向人民法院提起行政诉讼"
    this = f"本{document}"
    act = "本答复" if document == "答复书" else this
    ordinary = (
        f"可以自收到{this}之日起60日内向{body}申请行政复议，也可以自收到{this}之日起6个月内{court}。"
    )
    if not withholding:
        return f"如对{act}不服，{ordinary}"
    text = (
        f"根据《中华人民共和国行政复议法》第二十三条的规定，如对{act}中不予公开的决定不服，"
        f"应当先自收到{this}之日起60日内向{body}申请行政复议；"
        f"对行政复议决定不服的，可以自收到行政复议决定书之日起15日内{court}。"
    )
    if mixed:
        text += f"对{act}其他内容不服的，{ordinary}"
    return text



# ---------------------------------------------------------------------------------------------
# 答复书 for every code
# ---------------------------------------------------------------------------------------------


_SEARCH_SYSTEMS = "检索的系统或档案（如公文管理系统、档案室纸质档案）"
_SEARCH_KEYWORDS = "检索关键词"
_SEARCH_PERIOD = "检索的文件形成期间"


def _search_summary(log: SearchLog | None) -> str:
    if log and log.record and not (log.systems or log.keywords):
        return f"进行了检索（{tidy(log.record.strip().rstrip('。'))}）"
    systems = "、".join(log.systems) if log and log.systems else placeholder(_SEARCH_SYSTEMS)
    keywords = "".join(f"“{k}”" for k in log.keywords) if log and log.keywords else placeholder(_SEARCH_KEYWORDS)
    period = log.period if log and log.period else placeholder(_SEARCH_PERIOD)
    return f"在{systems}中以{keywords}为关键词进行了检索（检索期间：{period}）"


def _search_section(log: SearchLog | None) -> list[str]:
    """The 检索情况 section of a 信息不存在 reply (指导案例101号); heading first."""

    def v(value: Any, what: str) -> str:
        return str(value) if value else placeholder(what)

    if log and log.record and not (log.systems or log.keywords):
        return ["检索情况", "检索记录：" + tidy(log.record.strip().rstrip("。")) + "。"]

    return [
        "检索情况",
        "1．检索的系统、档案：" + v(log and "、".join(log.systems), _SEARCH_SYSTEMS) + "；",
        "2．检索关键词：" + v(log and "、".join(f"“{k}”" for k in log.keywords), _SEARCH_KEYWORDS) + "；",
        "3．检索期间：" + v(log and log.period, _SEARCH_PERIOD) + "；",
        "4．检索人员及业务科室：" + v(log and log.searched_by, "检索人员及核查的业务科室") + "；",
        "5．检索日期：" + (format_date(log.searched_on) if log and log.searched_on else placeholder("检索日期")) + "；",
        "6．检索结果：" + (log.result if log and log.result else "未检索到申请人所申请的政府信息") + "。",
    ]


def _withheld_text(parts: list[WithheldPart]) -> str | None:
    if not parts:
        return None
    out: list[str] = []
    for p in parts:
        if p.pending:
            # (masked in the copy pending review: staff confirm it with reasons and the article, or delete the sentence)
            line = placeholder(f"“{p.text}”待审核：不予公开的写明理由和依据，可公开的删去")
            if line not in out:
                out.append(line)
            continue
        article = p.article()
        if article is None:
            basis = placeholder("不予公开的条文依据")
        elif article.startswith("《"):
            basis = article
        else:
            basis = DEFAULT_LAW + article
        reason = p.reason.strip().rstrip("。") if p.reason else placeholder("不予公开的具体理由")
        line = f"“{p.text}”属于{ground_label(p.ground)}（{reason}），依据{basis}"
        if line not in out:
            out.append(line)
    return "；".join(out)


def _published_facts(refs: list[PublishedRef]) -> dict[str, str]:
    if not refs:
        return {}
    ref = refs[0]
    facts: dict[str, str] = {}
    if ref.date:
        facts["published_date"] = format_date(ref.date)
    where = []
    if ref.url:
        where.append(f"政府网站（网址：{ref.url}）")
    if ref.title:
        where.append(f"《{ref.title.strip('《》')}》" + (f"（{ref.doc_number}）" if ref.doc_number else ""))
    if where:
        facts["published_where"] = "，".join(where) if len(where) == 1 else f"{where[0]}，文件名称为{where[1]}"
    return facts


def _third_party_opinion(tp: ThirdParty | None) -> str:
    if tp is None or tp.opinion is None:
        return ""
    sent = f"于{format_date(tp.sent)}" if tp.sent else ""
    asked = f"本机关已{sent}依照{DEFAULT_LAW}第三十二条的规定书面征求第三方意见"
    if tp.opinion == "object":
        return f"{asked}，第三方不同意公开且理由合理。"
    if tp.opinion == "agree":
        return f"{asked}，第三方书面同意公开。"
    if tp.opinion == "none":
        return f"{asked}，第三方逾期未提出意见，本机关依照《中华人民共和国政府信息公开条例》的规定进行了审查。"
    return ""


def _item_values(
    rt: ReplyType, item: RequestItem | None, ctx: ReplyContext, basis: str, single: bool
) -> _Fill:
    values = _Fill()
    values["basis"] = basis
    subject = item.text if item else ctx.facts.get("subject")
    if subject:
        values["subject"] = subject_text(str(subject))
    reasons = (item.reasons if item else []) or (ctx.reasons if single or (item and item.code in (None, ctx.code)) else [])
    if reasons:
        values["reasons"] = _join_reasons(reasons)
    if ctx.delivery:
        values["delivery"] = DELIVERY_PHRASES.get(ctx.delivery.strip(), ctx.delivery.strip())
    if ctx.attachments:
        values["attachments"] = "附件：" + "、".join(ctx.attachments)
    withheld = _withheld_text(item.withheld if item else [])
    if withheld:
        values["withheld_parts"] = withheld
    values["search_summary"] = _search_summary(ctx.search_log)
    oa = ctx.other_agency
    if oa and oa.name:
        values["other_agency"] = oa.name
    if oa and oa.contact:
        values["other_agency_contact"] = oa.contact
    if oa and oa.reason:
        values["other_agency_reason"] = oa.reason.rstrip("。")
    if ctx.earlier_reply:
        if ctx.earlier_reply.date:
            values["earlier_date"] = format_date(ctx.earlier_reply.date)
        if ctx.earlier_reply.doc_number:
            values["earlier_number"] = ctx.earlier_reply.doc_number
    for name, value in (
        ("correction_notice_date", ctx.correction_requested),
        ("correction_received", ctx.correction_received),
        ("correction_deadline", ctx.correction_due),
    ):
        if value:
            values[name] = format_date(value)
    stage = ctx.decision_stage
    if stage:
        values["decision_stage"] = {"pending": "尚在研究讨论、未作出决定", "decided": "已作出决定"}.get(stage, stage)
    values["third_party_opinion"] = _third_party_opinion(ctx.third_party)
    values.update(_published_facts(ctx.published))
    for source in (ctx.facts, item.facts if item else {}):
        for key, value in source.items():
            if key in TEMPLATE_FIELDS and value not in (None, ""):
                values[key] = _text_value(value, TEMPLATE_FIELDS[key] or key)
    return values


def draft_reply(
    ctx: ReplyContext, profile: AgencyProfile, types: dict[str, ReplyType] | None = None
) -> Letter:
    """Draft the 答复书 (or 告知书) for ``ctx.code``; every code of the reply-type table is supported.

    ``other.correction`` gives the 补正告知书 (see draft_correction_notice).
    """
    types = types if types is not None else load_reply_types()
    if ctx.code not in types:
        raise KeyError(f"未知的答复类型代码“{ctx.code}”")
    rt = types[ctx.code]
    if rt.notice:
        return draft_correction_notice(ctx, profile, types)
    for item in ctx.items:
        if item.code is not None and item.code not in types:
            raise KeyError(f"申请事项“{item.text}”的答复类型代码“{item.code}”未知")

    document = "答复书" if rt.title.endswith("答复书") else "告知书"
    items = ctx.items or [None]
    single = len(items) == 1
    notes: list[str] = []
    paragraphs: list[str] = [receipt_paragraph(ctx)]
    headings: list[int] = []

    all_withheld = [w for i in ctx.items for w in i.withheld]
    request_extra = list(ctx.citations) + [a for w in all_withheld if not w.pending and (a := w.article())]
    request_citation = citation_string(rt.code, request_extra, types)

    item_codes: list[str] = []
    not_held_note = (
        "答复“信息不存在”须举证已尽充分合理的检索义务（最高人民法院指导案例101号），请完整填写检索情况并留存检索记录。"
    )
    for n, item in enumerate(items):
        irt = types[item.code] if item is not None and item.code else rt
        item_codes.append(irt.code)
        if single:
            basis = request_citation
        else:
            assert item is not None
            extra = list(item.citations) + [a for w in item.withheld if not w.pending and (a := w.article())]
            if irt.code == rt.code:
                extra = list(ctx.citations) + extra
            basis = citation_string(irt.code, extra, types)
            headings.append(len(paragraphs))
            ordinal = _CN_ORDINALS[n] if n < len(_CN_ORDINALS) else str(n + 1)
            asked = irt.code == "no_action.petition" or is_record_correction(item)
            about = "关于您提出的" if asked else "关于"
            paragraphs.append(f"{ordinal}、{about}“{subject_text(item.text, heading=True)}”")
        if irt.notice:
            paragraphs.append(
                f"该项申请内容不明确，本机关已另行告知您作出补正（{citation_string(irt.code, (), types)}）。"
            )
            continue
        if item is not None and item.facts.get("pending"):
            # Not yet searched (or the document could not be read, or its 密级 may not have lapsed): no outcome is
            # asserted to the applicant.
            if item.facts.get("hold") == "declassification":
                paragraphs.append(placeholder("经原定密机关确认解密后对本项的答复意见") + "。")
                pending_note = ("候选文件的密级标志所标保密期限可能已届满：经原定密机关确认已解密前不得对外提供，也不得直接答复"
                                "“予以公开”；确认后再填写该项答复意见。")
            else:
                paragraphs.append(placeholder("检索后对本项的答复意见") + "。")
                pending_note = "有申请事项尚未检索或候选文件未能读取：检索并审查后再填写该项答复意见，不得直接答复“信息不存在”。"
            if pending_note not in notes:
                notes.append(pending_note)
            continue
        values = _item_values(irt, item, ctx, basis, single)
        if item is not None and is_record_correction(item):
            paragraphs += _record_correction_paragraphs(values)
            if RECORD_CORRECTION_NOTE not in notes:
                notes.append(RECORD_CORRECTION_NOTE)
            continue
        paragraphs.append(irt.operative.format_map(values))
        if item is not None and item.facts.get("own_matter") and irt.group == "disclose":
            paragraphs[-1] += OWN_MATTER_SENTENCE
        if irt.code == "unavailable.not_held" and not_held_note not in notes:
            notes.append(not_held_note)
        if irt.code == "withhold.process_info" and ctx.decision_stage != "pending":
            notes.append("过程性信息：所涉事项已作出决定或阶段不明时，不公开的理由会减弱，请说明决定作出后仍不公开的理由。")
        if irt.code == "withhold.state_secret":
            notes.append("涉及国家秘密的答复须有依法定密的依据（第十七条），不能确定的应报有关主管部门或者保密行政管理部门确定。")
        if irt.code == "withhold.third_party" and ctx.third_party is None:
            notes.append("第三方权益：公开会损害第三方合法权益的，应当书面征求第三方意见（第三十二条），第三方未答复不等于同意或反对，须由本机关审查决定。")
        if irt.note and irt.note not in notes:
            notes.append(irt.note)  # staff view only: never printed in the letter

    if "unavailable.not_held" in item_codes:
        headings.append(len(paragraphs))
        paragraphs += _search_section(ctx.search_log)
    pending = any(i.facts.get("pending") for i in ctx.items)
    if not single and not pending and request_citation and all(request_citation not in p for p in paragraphs):
        paragraphs.append(f"综上，根据{request_citation}的规定，作出上述答复。")

    withholding = any(types[c].withholds for c in item_codes) or rt.withholds or bool(all_withheld)
    mixed = withholding and (
        rt.group == "partial" or bool(all_withheld) or any(not types[c].withholds for c in item_codes)
    )
    if withholding:
        notes.append("救济告知采用复议前置表述（行政复议法第二十三条第一款第（四）项）；部分公开等情形是否属于“不予公开”尚无定论，请法制机构确认。")
    if profile.agency_type == "state_council_dept":
        notes.append("国务院部门作出的答复，行政复议及其后的救济途径（行政复议法第二十五条、第二十六条）请法制机构核对。")
    remedy = remedy_paragraph(profile, withholding, mixed=mixed, document=document)
    paragraphs.append(remedy)
    paragraphs.append("特此告知。")

    attachments = list(ctx.attachments) if any(types[c].group in ("disclose", "partial") for c in item_codes) else []
    return official_letter(profile, ctx, kind="reply", code=rt.code, title=rt.title,
                           doc_kind="reply" if document == "答复书" else "notice", paragraphs=paragraphs,
                           citation=request_citation, notes=notes, headings=headings, attachments=attachments,
                           remedy="B" if withholding else "A", remedy_text=remedy)
