"""Procedural letters for a stored case: the facts come from the store (request, items, events, clock)."""

from __future__ import annotations

import json

from reviewer.store.case import case_clock
from reviewer.store.db import Store, StoreError

LETTER_KINDS = ("extension", "reasons", "fee", "co-producer", "correction")


def case_context(store: Store, ref: str | int, *, today=None):
    """A :class:`~reviewer.draft.context.ReplyContext` filled from the store (no invented facts:
    what the store does not know stays a 【待填写】 blank)."""
    from reviewer.draft.context import ReplyContext

    detail = store.request_detail(ref)
    summary = detail["summary"]
    state = case_clock(store, ref, today=today)
    d = state.deadline
    extension = [json.loads(e["detail"] or "{}") for e in detail["events"] if e["kind"] == "extension"]
    return ReplyContext(
        code="other.other", applicant=summary["applicant"], request_id=summary["number"],
        received=summary["received"], channel=summary["channel"], items=[i["text"] for i in detail["items"]],
        correction_requested=d.correction_requested, correction_received=d.correction_received,
        correction_notice_due=d.correction_notice_due, due=d.due, extended_due=d.extended_due,
        extension_days=sum(e.get("days", 0) for e in extension) or None, today=today,
    ), state, detail


def build_case_letter(store: Store, ref: str | int, kind: str, profile, *, items: int | None = None,
                      pages: int | None = None, reason: str | None = None, missing: list[str] | None = None,
                      organ: str | None = None, today=None):
    """The letter ``kind`` (one of :data:`LETTER_KINDS`) for case ``ref``."""
    from reviewer.draft import notices as N

    ctx, state, detail = case_context(store, ref, today=today)
    if kind == "extension":
        if not ctx.extension_days:
            raise StoreError("尚未记录延长答复期限（reviewer case event … extension-approved --days N --approved-by 负责人）")
        ctx.extension_reason = reason
        return N.draft_extension_notice(ctx, profile)
    if kind == "reasons":
        applicant_id = store.get_request(ref)["applicant_id"]
        count = None
        if applicant_id:
            count = store.db.execute("select count(*) from requests where applicant_id = ?", [applicant_id]).fetchone()[0]
        return N.draft_reasons_notice(ctx, profile, count=count)
    if kind == "fee":
        from reviewer.decide.fees import per_item, per_page

        if (items is None) == (pages is None):
            raise ValueError("收费通知书须且只能选择一种标准：--items（按件计收）或 --pages（按量计收）")
        quote = per_item(items) if items is not None else per_page(pages)
        return N.draft_fee_notice(ctx, profile, quote)
    if kind == "co-producer":
        return N.draft_coproducer_letter(ctx, profile, organ)
    if kind == "correction":
        keys = list(missing or [])
        if not keys:
            raise ValueError("补正告知书须写明需要补正的事项（--missing name|identity|contact|description|form 或具体文字）")
        ctx.code = "other.correction"
        ctx.missing = keys
        guidance = N.correction_guidance(keys)
        if guidance:
            ctx.facts["guidance"] = guidance
        return N.draft_correction_notice(ctx, profile)
    raise ValueError(f"未知的文书“{kind}”（可选：{'、'.join(LETTER_KINDS)}）")
