"""Letters for a reviewed request: turn a :class:`~reviewer.decide.decision.Decision` into the
applicant-facing drafts (reply or 补正告知书, and the 第三方意见征询函 when needed).

Applicant-facing text carries legal language only: no file names, rule codes, rule descriptions,
probabilities or the withheld content itself.  Staff notes stay in the staff view.
"""

from __future__ import annotations

import datetime as dt
import re

from reviewer.detect.findings import CATEGORY_LABELS
from reviewer.draft.context import (
    EarlierReply,
    OtherAgency,
    PublishedRef,
    ReplyContext,
    RequestItem,
    SearchLog,
    ThirdParty,
    WithheldPart,
)
from reviewer.draft.letters import draft_reply
from reviewer.draft.notices import draft_correction_notice, draft_third_party_letter
from reviewer.draft.parts import subject_text

# What a withheld span is, in the letter: by entity first, then by ground.
ENTITY_PARTS = {
    "cn_resident_id": "公民身份号码",
    "cn_mobile": "手机号码",
    "cn_landline": "固定电话号码",
    "bank_card": "银行账户信息",
    "bank_account": "银行账户信息",
    "email": "电子邮箱",
    "passport": "护照号码",
    "address": "详细住址",
    "person_name": "自然人姓名",
    "license_plate": "机动车号牌",
    "uscc": "统一社会信用代码",
    "health": "病情、致贫原因或残疾信息",
}
PART_REASON = {
    "privacy": "属于他人的个人信息，公开会对其合法权益造成损害",
    "trade_secret": "属于第三方的商业秘密，公开会对其合法权益造成损害",
}


def part_description(finding) -> str:
    """A legal description of a withheld span: never its text, the file name or the rule's wording."""
    if finding.entity in ENTITY_PARTS:
        what = ENTITY_PARTS[finding.entity]
    else:
        message = finding.explanation.get("message", "")
        what = re.sub(r"（[^）]*）|\([^)]*\)", "", message).replace("发现", "").strip("。 ")
        what = re.sub(r"[A-Za-z0-9]+", "", what).strip() or CATEGORY_LABELS.get(finding.category, "相关信息")
    return f"第三方的{what}" if finding.category == "privacy" and not what.startswith(("特定个人", "他人")) else what


def withheld_parts(findings, pending=()) -> list:
    """The letter's withheld parts: the sure spans, then those the copy masks pending review (a part already
    withheld for sure is not repeated)."""
    parts, seen = [], set()
    for f, is_pending in [(f, False) for f in findings] + [(f, True) for f in pending]:
        text = part_description(f)
        if (text, f.category) in seen:
            continue
        seen.add((text, f.category))
        parts.append(WithheldPart(text=text, ground=f.category, reason=PART_REASON.get(f.category), pending=is_pending))
    return parts


def draft_for_review(request, decision, deadline, profile, *, stage=None, today=None, history=None,
                     search_record: str | None = None, third_party: str | None = None) -> list:
    """The drafts for one reviewed request: the main letter first.  ``third_party``: the third party's answer to
    the written consultation (agree / object / none); without it a 征求意见书 is drafted when needed."""
    items = []
    decisions = decision.item_decisions or []
    for d in decisions:
        if d.item is None:
            continue
        withheld = withheld_parts(d.withheld, [f for v in d.views if v.readable for f in v.pending]) \
            if d.code == "partial" else []
        facts = {"pending": True} if d.pending else {}
        if d.pending and getattr(d, "hold", None):
            facts["hold"] = d.hold
        if d.own_matter and d.code == "disclose" and any(v.span_grounds for v in d.views if v.readable):
            facts["own_matter"] = True
        if d.code == "no_action.petition":
            facts["petition_kind"] = "信访、投诉、举报"
            facts["petition_channel"] = "信访、投诉举报渠道（如12345政务服务便民热线或本机关信访工作机构）"
        if getattr(d, "record_correction", False):
            facts["record_correction"] = True  # 第四十一条: a request to correct the applicant's own record
        if d.code == "unavailable.other_agency" and d.organ.agency:
            facts["other_agency"] = d.organ.agency
            if d.organ.reason:
                facts["other_agency_reason"] = d.organ.reason
        items.append(RequestItem(text=d.item.text, code=d.code, reasons=list(d.letter_reasons),
                                 citations=list(d.citations) if d.code == "partial" else [],
                                 withheld=withheld, facts=facts))
    published = []
    for d in decisions:
        match = d.catalog_match
        if match and d.code == "disclose.published":
            published.append(PublishedRef(title=match["title"], doc_number=match.get("doc_number"),
                                          url=match.get("url"), date=_iso(match.get("date"))))
    search_log = SearchLog(record=search_record.strip()) if search_record else None
    ctx = ReplyContext(
        code=decision.code,
        applicant=request.applicant.display_name,
        received=deadline.received if deadline is not None else None,
        channel=request.channel,
        missing=list(decision.missing or request.missing),
        items=items,
        reasons=list(decision.letter_reasons),
        # one item: the reply's articles; several: each item carries its own (nothing leaks between items)
        citations=list(decision.extra_articles) if decision.code == "partial" and len(items) <= 1 else [],
        other_agency=OtherAgency(name=decision.other_agency, reason=_organ_reason(decisions))
        if decision.other_agency else None,
        published=published,
        search_log=search_log,
        due=deadline.due if deadline is not None else None,
        delivery=_delivery(request),
        decision_stage=stage,
        today=today,
        correction_notice_due=getattr(deadline, "correction_notice_due", None),
        earlier_reply=_earlier_reply(history),
    )
    letters = []
    if third_party is not None:
        # the consultation is done: the reply says so (第三十二条), and no second 征求意见书 is drafted
        subjects = [subject_text(d.item.text) for d in decisions if d.item is not None
                    and (d.third_party or d.code in ("withhold.third_party", "partial"))]
        ctx.third_party = ThirdParty(what="、".join(subjects)[:120] or None, opinion=third_party)
    if decision.code == "other.correction":
        letters.append(draft_correction_notice(ctx, profile))
    else:
        letters.append(draft_reply(ctx, profile))
    if decision.third_party and third_party is None:
        findings = [f for d in decisions if d.third_party for f in d.withheld]
        names = "、".join(sorted({CATEGORY_LABELS[f.category] for f in findings}))
        subjects = [subject_text(d.item.text) for d in decisions if d.third_party and d.item is not None]
        ctx.third_party = ThirdParty(what="、".join(subjects)[:120] or None, why=names or "商业秘密或个人隐私")
        letters.append(draft_third_party_letter(ctx, profile))
    return letters


def _delivery(request) -> str | None:
    """The form the applicant asked for: 电子 wins over 纸质 when the request came by email/online and
    only mentions 复印件 (a 复印件 of an identity card is not a form of delivery)."""
    forms = list(request.delivery)
    if "纸质" in forms and "复印件" in request.text and not re.search(r"纸质|纸本|书面形式", request.text):
        forms.remove("纸质")
    return "、".join(forms) if forms else None


def _organ_reason(decisions) -> str | None:
    for d in decisions:
        if d.code == "unavailable.other_agency" and d.organ.reason:
            return d.organ.reason
    return None


def _earlier_reply(history: dict | None):
    earlier = (history or {}).get("earlier")
    if not earlier:
        return None
    return EarlierReply(doc_number=earlier.get("doc_number"), date=_iso(earlier.get("date")))


def _iso(value):
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
