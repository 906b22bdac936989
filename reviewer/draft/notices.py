"""Procedural letters beside the 答复书: 补正告知书 (第二十九条、第三十条) with its 指导和释明, 延期答复告知书
(第三十三条第二款), 第三方意见征询函 (第三十二条), 说明理由告知书 (第三十五条), 收费通知书 (第四十二条) and the
征求意见函 to a co-producing organ (第三十四条).

Each builder returns a :class:`~reviewer.draft.context.Letter` in the same official format as the 答复书
(title, 文号, salutation, body, closing, contact) so the .docx writer and the text/Markdown renderers serve
them unchanged.  Staff-only remarks go to ``Letter.notes``, never into the body.
"""

from __future__ import annotations

from datetime import date

from reviewer.decide.fees import BASIS as FEE_BASIS
from reviewer.decide.fees import PAY_WITHIN_WORKDAYS, FeeQuote
from reviewer.decide.profile import AgencyProfile
from reviewer.decide.replytypes import DEFAULT_LAW, ReplyType, citation_string, load_reply_types
from reviewer.draft.context import Letter, ReplyContext, ThirdParty
from reviewer.draft.parts import (
    document_number,
    format_date,
    official_letter,
    placeholder,
    receipt_paragraph,
    request_subjects,
    salutation,
)

__all__ = [
    "CONSULTATION_CITATION",
    "COPRODUCER_CITATION",
    "CORRECTION_ELEMENTS",
    "CORRECTION_GUIDANCE",
    "EXTENSION_CITATION",
    "REASONS_CITATION",
    "correction_guidance",
    "draft_coproducer_letter",
    "draft_correction_notice",
    "draft_extension_notice",
    "draft_fee_notice",
    "draft_reasons_notice",
    "draft_third_party_letter",
]

REASONS_CITATION = f"{DEFAULT_LAW}第三十五条"
COPRODUCER_CITATION = f"{DEFAULT_LAW}第三十四条"

# 第二十九条第二款 elements, by key, for the 补正告知书.
CORRECTION_ELEMENTS = {
    "name": "申请人的姓名或者名称",
    "identity": "申请人的身份证明（公民提供居民身份证等有效身份证件复印件；法人或者其他组织提供营业执照等证明文件）",
    "contact": "申请人的联系方式（联系电话、通信地址或者电子邮箱）",
    "description": "申请公开的政府信息的名称、文号或者便于本机关查询的其他特征性描述",
    "form": "申请公开的政府信息的形式要求，包括获取信息的方式、途径",
}

# 指导和释明 per missing element of 第二十九条第二款: what exactly to supply, and how.
CORRECTION_GUIDANCE = {
    "name": "请您写明申请人的姓名（公民）或者单位全称（法人或者其他组织），与身份证明文件一致。",
    "identity": "公民请提供居民身份证等有效身份证件的复印件或者扫描件；法人或者其他组织请提供营业执照、统一社会信用代码证书等证明文件，"
                "并由法定代表人或者负责人签名、加盖公章；委托他人代为申请的，请一并提供授权委托书。",
    "contact": "请提供能够有效送达的联系电话、通信地址（含邮政编码）或者电子邮箱。",
    "description": "请您写明所需政府信息的名称、文号，或者形成时间、制作机关、所涉事项（如项目名称、地块位置、文件类别）等便于本机关"
                   "检索的特征性描述；“某项目的全部资料”“有关部门的所有文件”等概括性表述无法据以检索，请具体化到文件或者事项。",
    "form": "请您写明获取信息的方式（如纸质件、电子邮件、光盘），以及领取途径（如邮寄、自行领取）。",
}


# How each element reads when the review lists it as missing (reviewer.decide.completeness.completeness).
_ELEMENT_MARKS = (("特征性描述", "description"), ("形式要求", "form"), ("身份证明", "identity"),
                  ("联系方式", "contact"), ("姓名或者名称", "name"))


def element_key(element: str) -> str:
    """The key of a 第二十九条第二款 element given by key or by its listed wording ("" when unknown)."""
    if element in CORRECTION_ELEMENTS:
        return element
    return next((key for mark, key in _ELEMENT_MARKS if mark in element), "")


def correction_guidance(missing: list[str]) -> str:
    """The 指导和释明 sentence(s) for the missing elements, given by key or by their listed wording (unknown
    ones get no guidance)."""
    keys = [element_key(m) for m in missing]
    return "".join(CORRECTION_GUIDANCE[k] for k in keys if k in CORRECTION_GUIDANCE).rstrip("。")


def draft_correction_notice(
    ctx: ReplyContext, profile: AgencyProfile, types: dict[str, ReplyType] | None = None
) -> Letter:
    """补正告知书 (第二十九条、第三十条): one-time, within 7 working days, each missing element named,
    a reasonable period (profile), the consequence and the restart of the reply period."""
    types = types if types is not None else load_reply_types()
    citation = citation_string("other.correction", (), types)
    notes: list[str] = []
    paragraphs = [receipt_paragraph(ctx, with_correction=False)]
    paragraphs.append(
        f"经审查，您的申请不符合《中华人民共和国政府信息公开条例》第二十九条第二款的要求。根据{citation}的规定，"
        "现一次性告知您对以下事项作出补正："
    )
    missing = ctx.missing or [placeholder("需要补正的具体事项")]
    for n, m in enumerate(missing, start=1):
        paragraphs.append(f"{n}．{CORRECTION_ELEMENTS.get(m, m).rstrip('。；')}。")
    # 第三十条: 指导和释明 — what exactly to supply for each element, whoever drafts the notice
    guidance = ctx.facts.get("guidance") or correction_guidance(ctx.missing)
    if guidance:
        paragraphs.append(f"为便于您补正，现说明如下：{str(guidance).rstrip('。')}。")
    until = f"（即{format_date(ctx.correction_due)}前）" if ctx.correction_due else ""
    paragraphs.append(
        f"请您自收到本告知书之日起{profile.correction_period_days}个工作日内{until}向本机关提交补正材料。"
        f"补正材料可以当面提交、邮寄至{profile.address}，或者通过您原提交申请的渠道提交。"
    )
    paragraphs.append("答复期限自本机关收到补正的申请之日起计算。")
    paragraphs.append("您无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。")
    paragraphs.append("特此告知。")
    if ctx.correction_requested is not None:
        notes.append(
            f"本申请已于{format_date(ctx.correction_requested)}发出过补正告知；第三十条要求一次性告知，除出现新的事实外不应再次要求补正。"
        )
    if ctx.correction_notice_due is not None and ctx.the_day > ctx.correction_notice_due:
        notes.append(
            f"补正告知应在收到申请之日起7个工作日内（{format_date(ctx.correction_notice_due)}前）发出，现已超过该期限。"
        )
    notes.append("请留存补正告知书的送达记录；收到补正材料后应当受理，并自收到之日起重新计算答复期限。")
    return official_letter(profile, ctx, kind="correction", code="other.correction",
                           title=types["other.correction"].title, paragraphs=paragraphs, citation=citation, notes=notes)


EXTENSION_CITATION = f"{DEFAULT_LAW}第三十三条第二款"


def draft_extension_notice(ctx: ReplyContext, profile: AgencyProfile) -> Letter:
    """延期答复告知书 (第三十三条第二款): reason, 负责人同意, extension ≤ 20 working days and the new
    latest reply date."""
    notes: list[str] = []
    reason = ctx.extension_reason.rstrip("。") if ctx.extension_reason else placeholder("需要延长答复期限的具体原因")
    days = str(ctx.extension_days) if ctx.extension_days else placeholder("延长的工作日数（最长20个）")
    start = "收到补正的申请之日" if ctx.correction_received else "收到申请之日"
    due = f"（即{format_date(ctx.due)}前）" if ctx.due else ""
    paragraphs = [
        receipt_paragraph(ctx),
        f"因{reason}，本机关无法在自{start}起20个工作日内{due}作出答复。",
        f"经本机关政府信息公开工作机构负责人同意，根据{EXTENSION_CITATION}的规定，答复期限延长{days}个工作日，"
        f"本机关将于{format_date(ctx.extended_due, '延长后的最迟答复日期')}前作出答复。",
        "特此告知。",
    ]
    if ctx.due is not None and ctx.the_day > ctx.due:
        notes.append(f"延期告知应在答复期限（{format_date(ctx.due)}）届满前发出，现已超过该期限。")
    notes.append("请在内部记录中留存政府信息公开工作机构负责人同意延期的审批记录。")
    return official_letter(profile, ctx, kind="extension", title="政府信息公开申请延期答复告知书",
                           paragraphs=paragraphs, citation=EXTENSION_CITATION, notes=notes)


CONSULTATION_CITATION = f"{DEFAULT_LAW}第三十二条"


def draft_third_party_letter(ctx: ReplyContext, profile: AgencyProfile) -> Letter:
    """第三方意见征询函 (第三十二条). Contains nothing about the applicant beyond the fact that an
    application was received (minimal personal data)."""
    tp = ctx.third_party or ThirdParty()
    subjects = request_subjects(ctx)
    what = tp.what or (subjects[0] if len(subjects) == 1 else None) or placeholder("涉及第三方的政府信息名称")
    if ctx.applicant and ctx.applicant.strip() and ctx.applicant.strip() in what:
        what = what.replace(ctx.applicant.strip(), "申请人")  # the third party need not know who asked
    why = tp.why.rstrip("。") if tp.why else placeholder("可能涉及的商业秘密或个人隐私的具体内容")
    doc_number = document_number(profile, "consultation", ctx)
    paragraphs = [
        f"本机关于{format_date(ctx.received, '收到申请日期')}收到一份政府信息公开申请，申请获取“{what}”。",
        f"经初步审查，该信息可能涉及贵方的{why}，公开可能损害贵方的合法权益。"
        f"根据{CONSULTATION_CITATION}的规定，现书面征求贵方意见。",
        "请贵方自收到本函之日起15个工作日内，填写所附回执或者以其他书面形式向本机关提出是否同意公开的意见。"
        "不同意公开的，请具体说明理由并提供相关证明材料。",
        "贵方逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。"
        "贵方不同意公开且有合理理由的，本机关不予公开；本机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，"
        "并将决定公开的政府信息内容和理由书面告知贵方。",
        f"征求贵方意见所需时间，不计算在本机关答复申请人的期限内（{DEFAULT_LAW}第三十三条第三款）。",
        "特此函告。",
    ]
    appendix = [
        f"{profile.name}：",
        f"贵机关《征求第三方意见函》（{doc_number}）收悉。对申请公开的“{what}”，本方意见如下（请在□内打√）：",
        "□ 同意公开。",
        "□ 不同意公开。理由（请具体说明，并附相关证明材料）：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿",
        "第三方（签名或盖章）：＿＿＿＿＿＿＿＿　联系电话：＿＿＿＿＿＿＿＿",
        "日期：＿＿＿＿年＿＿月＿＿日",
    ]
    notes = [
        "第三方未答复不视为同意，也不视为反对；本机关须自行审查是否涉及商业秘密、个人隐私（王宗利诉天津市和平区房地产管理局案）。",
        "请记录征求意见书的发送和送达日期：征求意见期间（15个工作日）不计入答复期限。",
    ]
    return official_letter(profile, ctx, kind="consultation", title="政府信息公开征求第三方意见函",
                           to=salutation(tp.name, "第三方名称或姓名"), paragraphs=paragraphs,
                           citation=CONSULTATION_CITATION, notes=notes, attachments=["征求意见回执"],
                           appendix_title="征求意见回执", appendix=appendix)


def draft_reasons_notice(ctx: ReplyContext, profile: AgencyProfile, *, count: int | None = None,
                         period: str | None = None, reply_within_days: int = 15) -> Letter:
    """说明理由告知书 (第三十五条): the number/frequency of requests, the request to explain, the period, and
    what follows (不予处理 if unreasonable; a reasonable later reply date if reasonable but too many)."""
    how_many = f"{count}件" if count else placeholder("申请件数")
    when = period or placeholder("申请期间（如2026年10月至12月）")
    paragraphs = [
        receipt_paragraph(ctx),
        f"经统计，您于{when}共向本机关提出政府信息公开申请{how_many}，申请公开政府信息的数量、频次明显超过合理范围。"
        f"根据{REASONS_CITATION}的规定，请您自收到本告知书之日起{reply_within_days}个工作日内，以书面形式向本机关说明申请理由。",
        "本机关认为申请理由不合理的，将告知您不予处理；认为申请理由合理，但是无法在《中华人民共和国政府信息公开条例》"
        "第三十三条规定的期限内答复的，将确定延迟答复的合理期限并告知您。",
        "特此告知。",
    ]
    notes = ["说明理由是作出“无正当理由大量反复申请”不予处理决定的前提（ogi-law.md 第5.2节第4项），请留存送达记录。",
             "请核对本机关统计的申请件数与期间；申请人说明理由后，在 reviewer case event 中记录 reasons-given 或 reasons-unreasonable。"]
    return official_letter(profile, ctx, kind="reasons", doc_kind="notice", title="政府信息公开申请说明理由告知书",
                           paragraphs=paragraphs, citation=REASONS_CITATION, notes=notes)


def draft_fee_notice(ctx: ReplyContext, profile: AgencyProfile, quote: FeeQuote, *,
                     payment: str | None = None) -> Letter:
    """收费通知书 (第四十二条): basis, standard, calculation, amount, how and by when to pay, consequence."""
    unit_basis = "第四条（按件计收）" if quote.method == "按件计收" else "第五条（按量计收）"
    paragraphs = [
        receipt_paragraph(ctx),
        "您申请公开政府信息的数量、频次明显超过合理范围。根据" + FEE_BASIS + f"{unit_basis}的规定，"
        f"本机关对该申请{quote.method}信息处理费。",
        "收费标准和计算如下：" + "；".join(quote.lines()) + f"。合计应缴纳信息处理费{quote.amount}元。",
        f"请您自收到本通知次日起{PAY_WITHIN_WORKDAYS}个工作日内，通过{payment or placeholder('缴费方式（如非税收入缴款账户、缴款码）')}"
        "缴纳上述费用，本机关将出具财政票据。",
        "您逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。",
        "特此通知。",
    ]
    notes = ["按件计收的档次按“31件以上每10件一档、每档加收100元/件”的通常理解计算，官方解释未经核实（ogi-law.md 第5.2节第12项），请核对。",
             "同一申请只能选择按件或按量一种标准计收，不得重复计算（管理办法第三条）。",
             "收费通知期间是否暂停答复期限未经核实，本工具按不暂停计算，请按本地口径处理。"]
    return official_letter(profile, ctx, kind="fee", doc_kind="notice", title="政府信息公开信息处理费收费通知书",
                           paragraphs=paragraphs, citation=FEE_BASIS, notes=notes)


def draft_coproducer_letter(ctx: ReplyContext, profile: AgencyProfile, organ: str | None = None,
                            sent: date | None = None) -> Letter:
    """征求意见函 to an organ that co-produced the information (第三十四条): 15 working days; silence is
    consent (the opposite default to 第三十二条)."""
    subjects = request_subjects(ctx)
    what = "；".join(subjects) if subjects else placeholder("共同制作的政府信息名称")
    paragraphs = [
        f"本机关于{format_date(ctx.received, '收到申请日期')}收到一份政府信息公开申请，申请获取“{what}”。"
        "该信息系本机关与贵机关共同制作。",
        f"根据{COPRODUCER_CITATION}的规定，现征求贵机关意见。请贵机关自收到本函之日起15个工作日内书面提出是否同意公开的意见；"
        "不同意公开的，请说明理由和依据。",
        "贵机关逾期未提出意见的，视为同意公开。",
        f"征求意见所需时间不计算在本机关答复申请人的期限内（{DEFAULT_LAW}第三十三条第三款）。",
        "特此函告。",
    ]
    appendix = [f"{profile.name}：",
                f"对申请公开的“{what}”，本机关意见如下（请在□内打√）：",
                "□ 同意公开。",
                "□ 不同意公开。理由和依据：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿",
                "（机关印章）　　　　日期：＿＿＿＿年＿＿月＿＿日"]
    notes = ["本函发出后请记录 reviewer case event … consultation-sent --party organ，收到意见或期限届满时记录相应事件。",
             "征求意见函中不写申请人的个人信息。"]
    if sent is not None:
        notes.append(f"发函日期：{format_date(sent)}。")
    return official_letter(profile, ctx, kind="consultation", title="政府信息公开征求意见函",
                           to=salutation(organ, "共同制作机关名称"), paragraphs=paragraphs,
                           citation=COPRODUCER_CITATION, notes=notes, attachments=["征求意见回执"],
                           appendix_title="征求意见回执", appendix=appendix)
