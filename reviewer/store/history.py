"""What the office's history says about a new request.

* **重复申请** (第三十六条第（六）项, ogi-law.md §5.2 item 5): the same applicant (identity-number hash,
  else name) + the same information (every item similar to an item of an earlier request:
  rapidfuzz ``token_set_ratio`` over jieba tokens ≥ 85, same numbers, and the new item's words
  mostly contained in the earlier one) + an earlier reply already made → the
  ``no_action.duplicate`` candidate, with the earlier reply's 文号 and date as evidence.
* **大量申请** (第三十五条, §5.2 item 4): the applicant's count of requests in the current natural
  month / year above the agency profile's threshold → an evidence line suggesting the 说明理由
  step.  Never a candidate: the count alone never refuses a request.
* **主动公开** (第四十四条): three or more different applicants asking for the same information →
  an evidence line suggesting proactive publication.

Evidence lines for staff only carry the word “线索”; ``decide`` keeps such lines out of letters.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

__all__ = [
    "DUPLICATE_CODE",
    "REPEAT_APPLICANTS",
    "SIMILARITY_THRESHOLD",
    "EarlierReply",
    "find_earlier_replies",
    "history_candidates",
    "item_similarity",
    "item_tokens",
    "same_information_by_others",
]

DUPLICATE_CODE = "no_action.duplicate"
SIMILARITY_THRESHOLD = 85.0
REPEAT_APPLICANTS = 3  # different applicants, the new one included
MIN_COVERAGE_NEW = 0.85  # share of the new item's words found in the earlier item
MIN_COVERAGE_OLD = 0.5  # share of the earlier item's words found in the new item
# Codes whose decision is a reply on the information itself (第三十六条第（六）项 "已就…作出答复").
REPLIED_GROUPS = ("disclose", "partial", "withhold.", "unavailable.")
REPLIED_CODES = ("no_action.duplicate", "no_action.publication", "no_action.confirm")
# Words of every request: they say nothing about which information is asked for.
GENERIC_WORDS = frozenset("""
申请 公开 要求 请求 提供 获取 查询 查阅 复印 复制 请 贵 贵局 贵单位 贵机关 贵府 你局 你单位 本人 我 我们 的 了 和 及 与 或
或者 以及 等 相关 有关 信息 政府信息 文件 材料 资料 全部 所有 一切 以下 如下 关于 对 就 该 此 其 内容 情况 事项 依法 予以
""".split())


def item_tokens(text: str) -> list[str]:
    """jieba tokens of an item without punctuation and request boilerplate (申请、公开、提供 …)."""
    from reviewer.text.segment import tokenize

    return [t.lower() for t in tokenize(text or "") if t not in GENERIC_WORDS]


def _numbers(tokens: list[str], text: str) -> frozenset[str]:
    found = re.findall(r"\d+", text or "") if text else [t for t in tokens if t.isdigit()]
    return frozenset(n.lstrip("0") or "0" for n in found)


def item_similarity(new_tokens: list[str], new_text: str, old_tokens: list[str], old_text: str) -> float:
    """0–100: rapidfuzz token_set_ratio of two items, 0 when their numbers (years, 文号) differ or
    the new item asks for clearly more than the earlier one."""
    from rapidfuzz import fuzz

    if not new_tokens or not old_tokens:
        return 0.0
    if _numbers(new_tokens, new_text) != _numbers(old_tokens, old_text):
        return 0.0
    new_set, old_set = set(new_tokens), set(old_tokens)
    common = len(new_set & old_set)
    if common / len(new_set) < MIN_COVERAGE_NEW or common / len(old_set) < MIN_COVERAGE_OLD:
        return 0.0
    return float(fuzz.token_set_ratio(" ".join(sorted(new_set)), " ".join(sorted(old_set))))


@dataclass
class _Item:
    request_id: int
    idx: int
    text: str
    tokens: list[str]


@dataclass
class EarlierReply:
    """An earlier request of the same applicant, already answered, asking for (some of) the same items."""

    request_id: int
    number: str
    code: str
    decided_at: str
    doc_number: str | None
    scores: dict[int, float] = field(default_factory=dict)  # new item index → best similarity
    complete: bool = False  # every item of the new request is among the earlier request's items

    @property
    def min_score(self) -> float:
        return min(self.scores.values()) if self.scores else 0.0


def _replied(code: str) -> bool:
    return code in REPLIED_CODES or code.startswith(REPLIED_GROUPS)


def _items(store, where: str, args: list) -> list[_Item]:
    sql = ("select i.request_id, i.idx, i.text, i.tokens from request_items i join requests r on r.id = i.request_id "
           f"where {where} order by i.request_id, i.idx")
    out = []
    for row in store.db.query(sql, args):
        tokens = row["tokens"].split() if row["tokens"] else item_tokens(row["text"])
        out.append(_Item(row["request_id"], row["idx"], row["text"], tokens))
    return out


def _new_items(request) -> list[tuple[int, str, list[str]]]:
    return [(item.index, item.text, item_tokens(item.text)) for item in request.items]


def find_earlier_replies(store, request, applicant_id: int) -> list[EarlierReply]:
    """Earlier answered requests of ``applicant_id`` sharing items with ``request``
    (complete matches first, then the earliest reply; a duplicate notice only after a real reply)."""
    new = _new_items(request)
    if not new:
        return []
    by_request: dict[int, list[_Item]] = {}
    for item in _items(store, "r.applicant_id = ?", [applicant_id]):
        by_request.setdefault(item.request_id, []).append(item)
    found: list[EarlierReply] = []
    for request_id, items in by_request.items():
        decision = store.current_decision(request_id)
        if decision is None or not _replied(decision["code"]):
            continue
        scores: dict[int, float] = {}
        for index, text, tokens in new:
            best = max((item_similarity(tokens, text, o.tokens, o.text) for o in items), default=0.0)
            if best >= SIMILARITY_THRESHOLD:
                scores[index] = best
        if not scores:
            continue
        number = store.db["requests"].get(request_id)["number"]
        found.append(EarlierReply(request_id, number, decision["code"], decision["decided_at"], decision["doc_number"],
                                  scores, complete=len(scores) == len(new)))
    found.sort(key=lambda e: (not e.complete, e.code == DUPLICATE_CODE, e.decided_at, e.request_id))
    return found


def same_information_by_others(store, request, applicant_id: int | None) -> dict[int, list[str]]:
    """Other applicants (id → their request numbers) who asked for an item of ``request``."""
    from rapidfuzz import fuzz, process

    new = _new_items(request)
    if not new:
        return {}
    if applicant_id is None:
        others = _items(store, "r.applicant_id is not null", [])
    else:
        others = _items(store, "r.applicant_id is not null and r.applicant_id != ?", [applicant_id])
    if not others:
        return {}
    choices = [" ".join(sorted(set(o.tokens))) for o in others]
    hits: set[int] = set()
    for _index, text, tokens in new:
        if not tokens:
            continue
        query = " ".join(sorted(set(tokens)))
        for _choice, _score, pos in process.extract(query, choices, scorer=fuzz.token_set_ratio,
                                                    score_cutoff=SIMILARITY_THRESHOLD, limit=None):
            if item_similarity(tokens, text, others[pos].tokens, others[pos].text) >= SIMILARITY_THRESHOLD:
                hits.add(others[pos].request_id)
    result: dict[int, list[str]] = {}
    for request_id in sorted(hits):
        row = store.db["requests"].get(request_id)
        result.setdefault(row["applicant_id"], []).append(row["number"])
    return result


def _cn_date(iso: str) -> str:
    d = dt.date.fromisoformat(iso[:10])
    return f"{d.year}年{d.month}月{d.day}日"


def _count_requests(store, applicant_id: int, prefix: str) -> int:
    return store.db["requests"].count_where("applicant_id = ? and substr(received, 1, ?) = ?",
                                            [applicant_id, len(prefix), prefix])


def history_candidates(store, text, *, profile=None, today: dt.date | None = None) -> dict | None:
    """``{"candidates": {code: p}, "evidence": [lines], "earlier": {...}}`` for a new request (its text,
    or an already parsed :class:`~reviewer.decide.request.Request`, e.g. from a form), or None when the
    history says nothing.  ``profile`` is an AgencyProfile, a path or None (default profile); ``today``
    fixes the natural month / year counted (default: today)."""
    from reviewer.decide.profile import AgencyProfile, load_profile
    from reviewer.decide.replytypes import load_reply_types
    from reviewer.decide.request import parse_request

    request = text if hasattr(text, "applicant") else parse_request(text or "")
    if not isinstance(profile, AgencyProfile):
        profile = load_profile(profile)
    today = today or dt.date.today()
    types = load_reply_types()
    candidates: dict[str, float] = {}
    evidence: list[str] = []
    result: dict = {}
    applicant = store.find_applicant(request.applicant) if (
        request.applicant.display_name or request.applicant.id_document) else None
    applicant_id = applicant["id"] if applicant else None
    if applicant_id is not None:
        earlier = find_earlier_replies(store, request, applicant_id)
        complete = [e for e in earlier if e.complete]
        if complete:
            e = complete[0]
            candidates[DUPLICATE_CODE] = round(0.8 + 0.15 * (e.min_score - SIMILARITY_THRESHOLD) / (100 - SIMILARITY_THRESHOLD), 3)
            number = e.doc_number or f"答复文号未登记，原申请编号{e.number}"
            evidence.append(f"本机关已于{_cn_date(e.decided_at)}就相同申请作出答复（{number}）。")
            scores = "、".join(f"第{i}项{s:.0f}" for i, s in sorted(e.scores.items()))
            evidence.append(f"重复申请线索：同一申请人此前的申请 {e.number}（{types[e.code].label}）与本申请事项相同或相近"
                            f"（相似度 {scores}）；请核对是否为相同政府信息（第三十六条第（六）项）。")
            result["earlier"] = {"request": e.number, "date": e.decided_at, "doc_number": e.doc_number,
                                 "code": e.code, "scores": e.scores}
        elif earlier:
            e = earlier[0]
            which = "、".join(f"第{i}项" for i in sorted(e.scores))
            evidence.append(f"部分重复线索：本申请{which}与同一申请人此前的申请 {e.number}（{_cn_date(e.decided_at)}已答复，"
                            f"{e.doc_number or '文号未登记'}）的事项相同或相近；这些事项可告知已答复情况（第三十六条第（六）项），"
                            "其余事项照常办理。")
        evidence += _mass_lines(store, applicant_id, profile, today)
    others = same_information_by_others(store, request, applicant_id)
    if len(others) + 1 >= REPEAT_APPLICANTS:
        numbers = "、".join(n for nums in others.values() for n in nums[:2])
        evidence.append(f"主动公开线索：已有 {len(others)} 位其他申请人申请过相同或相近的信息（申请编号 {numbers}）；"
                        "多个申请人就相同政府信息提出申请且该信息可以公开的，可以纳入主动公开的范围（第四十四条）。")
    if not candidates and not evidence:
        return None
    return {"candidates": candidates, "evidence": evidence, **result}


def _mass_lines(store, applicant_id: int, profile, today: dt.date) -> list[str]:
    lines = []
    checks = [("本自然月", f"{today.year:04d}-{today.month:02d}", profile.mass_request_per_month),
              ("本年度", f"{today.year:04d}", profile.mass_request_per_year)]
    for period, prefix, threshold in checks:
        if not threshold:
            continue
        count = _count_requests(store, applicant_id, prefix) + 1  # the new request is not stored yet
        if count > threshold:
            lines.append(f"大量申请线索：该申请人{period}已提出 {count} 件政府信息公开申请（含本件），超过本机关设定的提示阈值"
                         f" {threshold} 件。如数量、频次明显超过合理范围，可以要求申请人说明理由（第三十五条）；"
                         "不得仅因数量不予处理，理由合理但无法按期答复的，可以确定延迟答复的合理期限。")
            break
    return lines
