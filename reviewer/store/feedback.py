"""Officers' feedback on findings, and the decision store as training data.

A finding is named ``<request number>#<n>``: the n-th finding (1-based) of the request's latest review,
as listed by ``reviewer feedback 2026-0003``.  :func:`record_finding_feedback` stores an accept or reject
(the latest verdict counts; every verdict is kept and audited) — the CLI and, later, the web page call it.
The passage around the finding is kept when the document can still be read, so the verdict can teach
the grounds model: accepted → the passage has that ground, rejected → it does not.

Reply types an officer sets or changes are the ``decisions`` rows (``reviewer decide --code``);
:func:`training_rows` turns both into the plain rows ``reviewer train --from-store`` learns from
(:func:`reviewer.model.decisions.office_examples`).
"""

from __future__ import annotations

import json
import re

from reviewer.store.db import Store, StoreError, _json, _now, default_officer

VERDICTS = {"accept": "accept", "reject": "reject", "采纳": "accept", "接受": "accept", "驳回": "reject",
            "不采纳": "reject", "误报": "reject"}
VERDICT_ZH = {"accept": "采纳", "reject": "驳回"}
CONTEXT_CHARS = 60  # characters kept on each side of a finding
FINDING_ID = re.compile(r"^\s*(?P<number>[^#\s]+)\s*#\s*(?P<n>\d+)\s*$")


def parse_finding_id(finding_id: str) -> tuple[str, int]:
    m = FINDING_ID.match(str(finding_id))
    if not m or int(m["n"]) < 1:
        raise StoreError(f"发现编号“{finding_id}”格式不对，应为 申请编号#序号（如 2026-0003#2）；"
                         "可用 reviewer feedback 申请编号 查看")
    return m["number"], int(m["n"])


def review_findings(store: Store, ref: str) -> tuple[dict, dict, list[dict]]:
    """(request row, latest review row, its findings) — findings as saved (personal values masked)."""
    request = store.get_request(ref)
    review = store.latest_review(request["id"])
    if review is None:
        raise StoreError(f"申请 {request['number']} 没有审查记录")
    outcome = json.loads(review["outcome"] or "{}")
    return request, review, list(outcome.get("findings") or [])


def passage_context(finding: dict, chars: int = CONTEXT_CHARS) -> str | None:
    """The normalised text around a finding, read again from its document; None when it cannot be read."""
    path = finding.get("path")
    if not path:
        return None
    try:
        from reviewer.load.textload import load_path
        from reviewer.text.normalize import normalize

        loaded = load_path(path)
        if getattr(loaded, "status", "ok") != "ok" or not loaded.text:
            return None
        text = normalize(loaded.text).text
    except Exception:  # noqa: BLE001 - the document may be gone; the verdict is kept anyway
        return None
    start, end = int(finding.get("start") or 0), int(finding.get("end") or 0)
    if not (0 <= start < end <= len(text)):
        return None
    return text[max(0, start - chars):min(len(text), end + chars)]


def record_finding_feedback(store: Store, finding_id: str, verdict: str, *, officer: str | None = None,
                            note: str | None = None, context: str | None = None) -> dict:
    """Store an officer's accept / reject of one finding; returns the stored row plus ``number``."""
    number, n = parse_finding_id(finding_id)
    key = VERDICTS.get(str(verdict).strip().lower()) or VERDICTS.get(str(verdict).strip())
    if key is None:
        raise StoreError(f"“{verdict}”不是有效的处理意见，应为 accept（采纳）或 reject（驳回）")
    request, review, findings = review_findings(store, number)
    if n > len(findings):
        raise StoreError(f"申请 {request['number']} 的最近一次审查只有 {len(findings)} 处发现，没有第 {n} 处")
    finding = findings[n - 1]
    if context is None:
        context = passage_context(finding)
    who = officer or default_officer()
    row = {"request_id": request["id"], "review_id": review["id"], "finding_index": n,
           "rule": finding.get("rule"), "category": finding.get("category") or "", "verdict": key,
           "context": context, "officer": who, "note": note, "at": _now()}
    with store.transaction():
        row_id = store.db["finding_feedback"].insert(row, pk="id").last_pk
        store.db["audit"].insert({"entity": "finding_feedback", "entity_id": row_id, "request_id": request["id"],
                                  "action": key, "old": None,
                                  "new": _json({k: v for k, v in row.items() if k != "context"}),
                                  "who": who, "at": row["at"]}, pk="id")
    return dict(row, id=row_id, number=request["number"], finding_id=f"{request['number']}#{n}")


def list_findings(store: Store, ref: str) -> list[dict]:
    """The findings of a request's latest review with their ids and current verdicts."""
    request, review, findings = review_findings(store, ref)
    latest: dict[int, dict] = {}
    for row in store.db["finding_feedback"].rows_where("review_id = ?", [review["id"]], order_by="id"):
        latest[row["finding_index"]] = row
    out = []
    for i, f in enumerate(findings, 1):
        fb = latest.get(i)
        out.append({"finding_id": f"{request['number']}#{i}", "rule": f.get("rule"), "category": f.get("category"),
                    "category_label": f.get("category_label"), "text": f.get("text"), "path": f.get("path"),
                    "score": f.get("score"), "verdict": fb["verdict"] if fb else None,
                    "officer": fb["officer"] if fb else None})
    return out


def training_rows(store: Store) -> list[dict]:
    """Plain rows for :func:`reviewer.model.decisions.office_examples`: every request's current decision
    (with the request text) and every finding's latest verdict that kept its passage."""
    rows: list[dict] = []
    current: dict[int, dict] = {}
    for d in store.db["decisions"].rows_where(order_by="id"):
        current[d["request_id"]] = d
    for request_id, d in sorted(current.items()):
        request = store.db["requests"].get(request_id)
        rows.append({"kind": "decision", "text": request["text"], "code": d["code"], "group": request["number"],
                     "changed": d["proposed_code"] is not None and d["code"] != d["proposed_code"]})
    latest: dict[tuple[int, int], dict] = {}
    for fb in store.db["finding_feedback"].rows_where(order_by="id"):
        latest[(fb["review_id"], fb["finding_index"])] = fb
    for fb in latest.values():
        if not fb["context"]:
            continue
        number = store.db["requests"].get(fb["request_id"])["number"]
        rows.append({"kind": "finding", "text": fb["context"], "category": fb["category"],
                     "verdict": fb["verdict"], "group": number})
    return rows
