"""Step 有没有: does this organ hold the information, and has it been searched for?

No candidate document is not "the information does not exist": it means "not yet searched".  The review
says what to search and where; 信息不存在 is drafted only once a search record is given (最高人民法院
指导案例101号).  An unreadable document (e.g. a scanned PDF) is not a missing one: it must be read by a
person before anything is answered.
"""

from __future__ import annotations

from reviewer.decide.documents import DocumentView

FOUND = "found"  # a readable candidate document belongs to the item
UNREADABLE = "unreadable"  # candidate documents were given but none could be read
NOT_SEARCHED = "not_searched"  # no document and no search record
SEARCHED_NONE = "searched_none"  # a search record says nothing was found

SEARCH_PLACES = "本机关公文管理系统（发文、收文登记）、档案室纸质档案和承办业务科室"


def search_state(item_views: list[DocumentView], all_views: list[DocumentView], search_record: str | None) -> str:
    if any(v.readable for v in item_views):
        return FOUND
    if any(not v.readable for v in all_views) and not any(v.readable for v in all_views):
        return UNREADABLE
    if search_record and search_record.strip():
        return SEARCHED_NONE
    return NOT_SEARCHED


def search_keywords(item) -> list[str]:
    """What to search for: the item's 文号, titles in 《》, periods, else its characteristic words."""
    import re

    from reviewer.decide.catalog import _title_tokens

    words: list[str] = list(item.doc_numbers)
    words += [t for t in re.findall(r"《([^》]{2,60})》", item.text) if t not in words]
    if not words:
        short = re.sub(r"^(?:申请公开|要求公开|申请获取|申请提供|公开|提供)", "", item.text).strip("。；; ")
        if 4 <= len(short) <= 24:
            words = [short]
        else:
            tokens = sorted(_title_tokens(item.text), key=len, reverse=True)
            words = [t for t in tokens if len(t) >= 2][:4]
    return words + [p for p in item.periods if p not in words]


def search_plan(item) -> str:
    """Staff action: what to search and where, for one item."""
    keywords = "、".join(f"“{k}”" for k in search_keywords(item)) or "申请所述信息的名称"
    return (f"事项{item.index}尚未检索：请在{SEARCH_PLACES}中以{keywords}为关键词检索，"
            "记录检索系统、关键词、期间、检索人和结果；找到文件后用 --doc 重新审查，确实没有的用 --searched 提供检索记录后"
            "才能答复“信息不存在”（指导案例101号）。")
