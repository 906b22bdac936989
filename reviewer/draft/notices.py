"""Procedural letters beside the 答复书: 说明理由告知书 (第三十五条), 收费通知书 (第四十二条), 征求意见函 to a
co-producing organ (第三十四条), and the 指导和释明 added to a 补正告知书 (第三十条).

Each builder returns a :class:`~reviewer.draft.context.Letter` in the same official format as the 答复书
(title, 文号, salutation, body, closing, contact) so the .docx writer and the text/Markdown renderers serve
them unchanged.  Staff-only remarks go to ``Letter.notes``, never into the body.
"""

from __future__ import annotations

from datetime import date

from reviewer.decide.fees import BASIS as FEE_BASIS
from reviewer.decide.fees import PAY_WITHIN_WORKDAYS, FeeQuote
from reviewer.decide.profile import AgencyProfile
from reviewer.decide.replytypes import DEFAULT_LAW
from reviewer.draft.context import Letter, ReplyContext
from reviewer.draft.parts import (
    contact_line,
    document_number,
    finish_letter,
    format_date,
    placeholder,
    receipt_paragraph,
    request_subjects,
    salutation,
)

__all__ = ["CORRECTION_GUIDANCE", "correction_guidance", "draft_coproducer_letter", "draft_fee_notice",
           "draft_reasons_notice"]

REASONS_CITATION = f"{DEFAULT_LAW}第三十五条"
COPRODUCER_CITATION = f"{DEFAULT_LAW}第三十四条"

# 指导和释明 per missing element of 第二十九条第二款: what exactly to supply, and how.
CORRECTION_GUIDANCE = {
    "name": "请写明申请人的姓名（公民）或者单位全称（法人或者其他组织），与身份证明文件一致。",
    "identity": "公民请提供居民身份证等有效身份证件的复印件或者扫描件；法人或者其他组织请提供营业执照、统一社会信用代码证书等证明文件，"
                "并由法定代表人或者负责人签名、加盖公章；委托他人代为申请的，请一并提供授权委托书。",
    "contact": "请提供能够有效送达的联系电话、通信地址（含邮政编码）或者电子邮箱。",
    "description": "请写明所需政府信息的名称、文号，或者形成时间、制作机关、所涉事项（如项目名称、地块位置、文件类别）等便于本机关"
                   "检索的特征性描述；“某项目的全部资料”“有关部门的所有文件”等概括性表述无法据以检索，请具体化到文件或者事项。",
    "form": "请写明获取信息的方式（如纸质件、电子邮件、光盘），以及领取途径（如邮寄、自行领取）。",
}


def correction_guidance(missing: list[str]) -> str:
    """The 指导和释明 sentence(s) for the missing elements (unknown keys get no guidance)."""
    return "".join(CORRECTION_GUIDANCE[m] for m in missing if m in CORRECTION_GUIDANCE).rstrip("。")


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
    letter = Letter(kind="reasons", code=None, title=profile.name + "政府信息公开申请说明理由告知书",
                    doc_number=document_number(profile, "notice", ctx), salutation=salutation(ctx.applicant),
                    paragraphs=paragraphs, closing_agency=profile.name, closing_date=format_date(ctx.the_day),
                    contact=contact_line(profile), citation=REASONS_CITATION, notes=notes)
    return finish_letter(letter)


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
    letter = Letter(kind="fee", code=None, title=profile.name + "政府信息公开信息处理费收费通知书",
                    doc_number=document_number(profile, "notice", ctx), salutation=salutation(ctx.applicant),
                    paragraphs=paragraphs, closing_agency=profile.name, closing_date=format_date(ctx.the_day),
                    contact=contact_line(profile), citation=FEE_BASIS, notes=notes)
    return finish_letter(letter)


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
    letter = Letter(kind="consultation", code=None, title=profile.name + "政府信息公开征求意见函",
                    doc_number=document_number(profile, "consultation", ctx),
                    salutation=salutation(organ, "共同制作机关名称"), paragraphs=paragraphs,
                    attachments=["征求意见回执"], closing_agency=profile.name, closing_date=format_date(ctx.the_day),
                    contact=contact_line(profile), citation=COPRODUCER_CITATION, appendix_title="征求意见回执",
                    appendix=appendix, notes=notes)
    return finish_letter(letter)
