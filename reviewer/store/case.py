"""The case procedure: events recorded against a stored request, and the reply clock they imply.

An officer handles a request over weeks — 补正 goes out and comes back (第三十条), a third party or a
co-producing organ is consulted (第三十二条、第三十四条; the time is not counted, 第三十三条第三款), the
answer is extended with the head of the office's consent (第三十三条第二款), a fee is charged
(第四十二条), the applicant is asked for reasons (第三十五条), or withdraws.  Each of these is an
*event* in the store (who recorded it and when are kept; nothing is ever edited), and
:func:`case_clock` recomputes the due date from the events with the deadline engine
(:func:`reviewer.decide.deadline.compute_deadline`).

:data:`CASE_EVENTS` is the one table of event kinds: the CLI name, the stored kind, the Chinese
label, the article, and which options it needs.  Review and litigation events feed table 四 of the
annual report.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from reviewer.decide.deadline import (
    MAX_EXTENSION_DAYS,
    Deadline,
    Pause,
    WorkCalendar,
    compute_deadline,
    format_date_zh,
)
from reviewer.store.db import Store, StoreError, _iso_date, _json, _now, default_officer

__all__ = ["CASE_EVENTS", "REMEDY_RESULTS", "CaseEvent", "CaseState", "add_case_event", "case_clock", "open_cases"]


@dataclass(frozen=True)
class CaseEvent:
    name: str  # CLI name (kebab-case)
    kind: str  # stored kind (events.kind)
    label: str
    article: str = ""
    needs: tuple[str, ...] = ()  # options that must be given: days, approved_by, result, until
    closes: str | None = None  # the case ends with this outcome (reply code) when recorded


CASE_EVENTS: dict[str, CaseEvent] = {e.name: e for e in (
    CaseEvent("correction-sent", "correction_sent", "发出补正告知", "第三十条"),
    CaseEvent("correction-received", "correction_received", "收到补正材料（答复期限重新起算）", "第三十条"),
    CaseEvent("correction-lapsed", "correction_lapsed", "逾期未补正（视为放弃申请）", "第三十条",
              closes="other.correction_lapsed"),
    CaseEvent("consultation-sent", "consultation_sent", "发出征求意见书（期间不计入答复期限）", "第三十二条、第三十四条"),
    CaseEvent("consultation-answered", "consultation_answered", "收到被征求意见方的意见", "第三十二条、第三十四条"),
    CaseEvent("consultation-lapsed", "consultation_lapsed", "征求意见期限届满未答复", "第三十二条、第三十四条"),
    CaseEvent("extension-approved", "extension", "延长答复期限（经政府信息公开工作机构负责人同意）", "第三十三条第二款",
              needs=("days", "approved_by")),
    CaseEvent("fee-notice-sent", "fee_notice_sent", "发出收费通知", "第四十二条"),
    CaseEvent("fee-paid", "fee_paid", "申请人已缴费", "第四十二条"),
    CaseEvent("fee-lapsed", "fee_lapsed", "逾期未缴费（不再处理）", "第四十二条", closes="other.fee_unpaid"),
    CaseEvent("reasons-asked", "reasons_asked", "要求申请人说明理由", "第三十五条"),
    CaseEvent("reasons-given", "reasons_given", "申请人已说明理由（理由合理）", "第三十五条"),
    CaseEvent("reasons-unreasonable", "reasons_unreasonable", "说明理由不合理（不予处理）", "第三十五条",
              closes="no_action.excessive"),
    CaseEvent("withdrawn", "withdrawn", "申请人撤回申请", "", closes="other.other"),
    CaseEvent("replied", "replied", "作出答复", "第三十三条"),
    CaseEvent("review-filed", "review_filed", "申请人申请行政复议", "行政复议法"),
    CaseEvent("review-decided", "review_decided", "行政复议审结", "行政复议法", needs=("result",)),
    CaseEvent("lawsuit-filed", "lawsuit_filed", "申请人提起行政诉讼", "行政诉讼法"),
    CaseEvent("lawsuit-decided", "lawsuit_decided", "行政诉讼审结", "行政诉讼法", needs=("result",)),
)}
EVENT_BY_KIND = {e.kind: e for e in CASE_EVENTS.values()}
REMEDY_RESULTS = {"维持": "upheld", "纠正": "corrected", "其他": "other"}
_CLOSING = {"replied", "withdrawn", "fee_lapsed", "reasons_unreasonable", "correction_lapsed"}


def add_case_event(store: Store, ref: str | int, name: str, *, date: Any = None, who: str | None = None,
                   note: str | None = None, days: int | None = None, approved_by: str | None = None,
                   until: Any = None, result: str | None = None, party: str | None = None,
                   after_review: bool = False, amount: float | None = None) -> dict:
    """Record event ``name`` (a key of :data:`CASE_EVENTS`) on request ``ref``; returns the stored row.

    Raises :class:`StoreError` (Chinese message) for an unknown event, a missing option, a date before
    the receipt date, or an event that makes no sense in the case's state (e.g. 收到补正 without a 补正告知)."""
    event = CASE_EVENTS.get((name or "").strip())
    if event is None:
        raise StoreError(f"未知的案件事件“{name}”（可选：{'、'.join(CASE_EVENTS)}）")
    request = store.get_request(ref)
    when = _iso_date(date) if date not in (None, "") else dt.date.today().isoformat()
    if when is None:
        raise StoreError(f"事件日期“{date}”无法识别（应为 YYYY-MM-DD）")
    if when < request["received"]:
        raise StoreError(f"事件日期 {when} 早于收到申请日期 {request['received']}")
    detail: dict[str, Any] = {}
    if "days" in event.needs:
        if days is None or not 1 <= int(days) <= MAX_EXTENSION_DAYS:
            raise StoreError(f"延长答复期限须用 --days 给出 1 到 {MAX_EXTENSION_DAYS} 个工作日（第三十三条第二款）")
        already = sum(json.loads(e["detail"] or "{}").get("days", 0) for e in _events(store, request["id"])
                      if e["kind"] == "extension")
        if already + int(days) > MAX_EXTENSION_DAYS:
            raise StoreError(f"延长合计不得超过 {MAX_EXTENSION_DAYS} 个工作日（已延长 {already} 个）")
        detail["days"] = int(days)
    if "approved_by" in event.needs:
        if not (approved_by or "").strip():
            raise StoreError("延长答复期限须经政府信息公开工作机构负责人同意，请用 --approved-by 写明批准人")
        detail["approved_by"] = approved_by.strip()
    if "result" in event.needs:
        if result not in REMEDY_RESULTS:
            raise StoreError(f"请用 --result 写明审结结果：{'、'.join(REMEDY_RESULTS)}")
        detail["result"] = result
    if event.kind == "reasons_given" and until not in (None, ""):
        iso = _iso_date(until)
        if iso is None or iso < when:
            raise StoreError(f"延迟答复的合理期限“{until}”无效（应为不早于事件日期的 YYYY-MM-DD）")
        detail["until"] = iso
    if event.kind == "consultation_sent":
        detail["party"] = "co_producer" if party in ("organ", "co_producer", "机关") else "third_party"
    if event.kind == "lawsuit_filed":
        detail["after_review"] = bool(after_review)
    if amount is not None:
        detail["amount"] = float(amount)
    _check_order(event, [e["kind"] for e in _events(store, request["id"])])
    if event.kind == "replied" and store.current_decision(request["id"]) is None:
        raise StoreError("请先用 reviewer decide 记录答复类型（作出答复的事件随决定一并记录）")
    who = who or default_officer()
    row = {"request_id": request["id"], "kind": event.kind, "date": when, "note": note, "who": who,
           "detail": _json(detail) if detail else None, "created": _now()}
    with store.transaction():
        event_id = store.db["events"].insert(row, pk="id").last_pk
        store.db["audit"].insert({"entity": "event", "entity_id": event_id, "request_id": request["id"],
                                  "action": "create", "old": None, "new": _json(dict(row, id=event_id)),
                                  "who": who, "at": row["created"]}, pk="id")
        if event.closes is not None:
            # A case ended by the procedure (withdrawn, lapsed, 理由不合理) is a result of the annual report.
            from reviewer.decide.replytypes import citation_string

            decision = {"request_id": request["id"], "review_id": None, "code": event.closes,
                        "citations": citation_string(event.closes), "reasons": _json([event.label]), "officer": who,
                        "decided_at": when, "recorded_at": row["created"], "accepted_proposal": None,
                        "proposed_code": None, "doc_number": None, "passage": None, "note": event.label}
            decision_id = store.db["decisions"].insert(decision, pk="id").last_pk
            store.db["audit"].insert({"entity": "decision", "entity_id": decision_id, "request_id": request["id"],
                                      "action": "create", "old": None, "new": _json(dict(decision, id=decision_id)),
                                      "who": who, "at": row["created"]}, pk="id")
        if event.kind in _CLOSING:
            store.db["requests"].update(request["id"], {"status": "decided" if event.kind == "replied" else "closed"})
        elif event.kind == "correction_sent":
            store.db["requests"].update(request["id"], {"status": "correction"})
        elif event.kind == "correction_received":
            store.db["requests"].update(request["id"], {"status": "open"})
    return dict(row, id=event_id, number=request["number"], label=event.label)


def _check_order(event: CaseEvent, kinds: list[str]) -> None:
    def count(kind: str) -> int:
        return kinds.count(kind)

    if event.kind == "correction_received" and count("correction_sent") <= count("correction_received"):
        raise StoreError("尚未记录补正告知（correction-sent），不能记录收到补正")
    if event.kind == "correction_sent" and count("correction_sent"):
        raise StoreError("补正告知只能发出一次（第三十条：一次性告知）")
    opened = count("consultation_sent") - count("consultation_answered") - count("consultation_lapsed")
    if event.kind in ("consultation_answered", "consultation_lapsed") and opened <= 0:
        raise StoreError("没有尚未结束的征求意见（consultation-sent），不能记录答复或届满")
    if event.kind in ("fee_paid", "fee_lapsed") and not count("fee_notice_sent"):
        raise StoreError("尚未记录收费通知（fee-notice-sent）")
    if event.kind in ("reasons_given", "reasons_unreasonable") and not count("reasons_asked"):
        raise StoreError("尚未记录要求说明理由（reasons-asked）")
    if event.kind == "review_decided" and not count("review_filed"):
        raise StoreError("尚未记录行政复议申请（review-filed）")
    if event.kind == "lawsuit_decided" and not count("lawsuit_filed"):
        raise StoreError("尚未记录行政诉讼（lawsuit-filed）")


def _events(store: Store, request_id: int) -> list[dict]:
    return list(store.db["events"].rows_where("request_id = ?", [request_id], order_by="date, id"))


@dataclass
class CaseState:
    """A request's clock and what it is waiting for."""

    number: str
    received: dt.date
    deadline: Deadline
    due: dt.date | None  # the governing due date (extended, or the 第三十五条 reasonable date)
    closed: bool
    waiting_on: list[str] = field(default_factory=list)  # 申请人 | 第三方 | 共同制作机关
    status: str = ""
    notes: list[str] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)

    @property
    def overdue(self) -> bool:
        return not self.closed and self.due is not None and self.deadline.today > self.due

    def to_dict(self) -> dict:
        return {
            "number": self.number, "received": self.received.isoformat(),
            "due": self.due.isoformat() if self.due else None, "closed": self.closed, "overdue": self.overdue,
            "status": self.status, "waiting_on": list(self.waiting_on), "notes": list(self.notes),
            "days_left": None if self.due is None else (self.due - self.deadline.today).days,
            "deadline": self.deadline.to_dict(),
            "events": [{"kind": e["kind"], "label": EVENT_BY_KIND[e["kind"]].label if e["kind"] in EVENT_BY_KIND
                        else e["kind"], "date": e["date"], "who": e["who"], "note": e["note"],
                        "detail": json.loads(e["detail"]) if e.get("detail") else {}} for e in self.events],
        }

    def summary_zh(self) -> str:
        lines = [self.deadline.summary_zh()]
        if self.due is not None and self.due != self.deadline.final_due:
            lines.append(f"按第三十五条确定的延迟答复期限：{format_date_zh(self.due)}")
        lines.append(f"案件状态：{self.status}" + (f"；等待：{'、'.join(self.waiting_on)}" if self.waiting_on else ""))
        lines += [f"注意：{n}" for n in self.notes]
        return "\n".join(lines)


def case_clock(store: Store, ref: str | int, *, today: dt.date | None = None, convention: str = "next_day",
               calendar: WorkCalendar | None = None) -> CaseState:
    """The reply clock of a stored request, recomputed from its events."""
    request = store.get_request(ref)
    events = _events(store, request["id"])
    received = dt.date.fromisoformat(request["received"])

    def first(kind: str) -> dt.date | None:
        for e in events:
            if e["kind"] == kind:
                return dt.date.fromisoformat(e["date"])
        return None

    pauses: list[Pause] = []
    open_pause: dict | None = None
    for e in events:
        detail = json.loads(e["detail"] or "{}") if e.get("detail") else {}
        if e["kind"] == "consultation_sent":
            open_pause = {"start": dt.date.fromisoformat(e["date"]), "kind": detail.get("party", "third_party")}
            pauses.append(Pause(open_pause["start"], None, kind=open_pause["kind"]))
        elif e["kind"] in ("consultation_answered", "consultation_lapsed") and open_pause is not None:
            pauses[-1] = Pause(open_pause["start"], dt.date.fromisoformat(e["date"]), kind=open_pause["kind"])
            open_pause = None
    extension = sum(json.loads(e["detail"] or "{}").get("days", 0) for e in events if e["kind"] == "extension")
    deadline = compute_deadline(received, calendar=calendar, convention=convention, extension_days=extension,
                                correction_requested=first("correction_sent"),
                                correction_received=first("correction_received"), pauses=pauses, today=today)
    kinds = [e["kind"] for e in events]
    closed = any(k in _CLOSING for k in kinds) or request["status"] == "decided"
    due = deadline.final_due
    notes: list[str] = []
    for e in events:
        detail = json.loads(e["detail"] or "{}") if e.get("detail") else {}
        if e["kind"] == "reasons_given" and detail.get("until"):
            due = dt.date.fromisoformat(detail["until"])
            notes.append(f"申请理由合理但无法按期答复，已确定延迟答复的合理期限 {format_date_zh(due)}（第三十五条），"
                         "须告知申请人。")
    waiting: list[str] = []
    if "correction_sent" in kinds and "correction_received" not in kinds and "correction_lapsed" not in kinds:
        waiting.append("申请人（补正）")
    if "fee_notice_sent" in kinds and not {"fee_paid", "fee_lapsed"} & set(kinds):
        waiting.append("申请人（缴费）")
        notes.append("收费通知期间是否暂停答复期限，《政府信息公开信息处理费管理办法》相关条款未经核实，本工具按不暂停计算。")
    if "reasons_asked" in kinds and not {"reasons_given", "reasons_unreasonable"} & set(kinds):
        waiting.append("申请人（说明理由）")
    if open_pause is not None:
        waiting.append("共同制作机关" if open_pause["kind"] == "co_producer" else "第三方")
    if closed:
        status = "已办结"
    elif due is not None and deadline.today > due:
        status = "已逾期"
    elif waiting and waiting[0].startswith("申请人（补正）"):
        status = "等待补正"
    elif open_pause is not None:
        status = "暂停计时（征求意见）"
    else:
        status = "计时中"
    return CaseState(request["number"], received, deadline, due, closed, waiting, status, notes, events)


def open_cases(store: Store, *, today: dt.date | None = None, convention: str = "next_day",
               calendar: WorkCalendar | None = None) -> list[CaseState]:
    """Every case not yet closed, sorted by due date (cases waiting for a 补正 last)."""
    calendar = calendar or WorkCalendar.default()
    states = []
    for row in store.db["requests"].rows_where("status not in ('decided', 'closed')", order_by="id"):
        states.append(case_clock(store, row["id"], today=today, convention=convention, calendar=calendar))
    states = [s for s in states if not s.closed]
    return sorted(states, key=lambda s: (s.due is None, s.due or dt.date.max, s.number))
