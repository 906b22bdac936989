"""Steps 补不补 and 是不是: is the request complete, and is each part of it a request for information?

* 补不补 (第二十九条, 第三十条): 补正 only for a NAMED missing element, and only once.  A missing
  获取方式 is not one: the office chooses the form when the applicant does not (第四十条).  The description
  (名称、文号或者便于查询的其他特征性描述) is missing when nothing specific is left once generic words are removed,
  or when the triage reads the request as unclear and no item names anything a search could find: a title
  (《…》), a 文号, or a kind of document not hedged by 那个/相关/所有… (:func:`has_characteristic`).
* 是不是: each item is read on its own (triage cues on the item's text), so a request mixing an
  information item and a complaint answers the information item and routes the complaint part to the
  信访/投诉 channels (ogi-law.md §5.2 item 7).

The step's parts live in their own modules: :mod:`~reviewer.decide.description` (补不补),
:mod:`~reviewer.decide.nature` (what an item's text points to), :mod:`~reviewer.decide.mixed` (questions and
complaints beside the information asked for), :mod:`~reviewer.decide.record_lists` (lists of records) and
:mod:`~reviewer.decide.leanings` (the classifier's leanings set aside on a rule); :func:`split_mixed` puts them
together.
"""

from __future__ import annotations

import re

from reviewer.decide.asking import asks_any_verb
from reviewer.decide.description import has_characteristic
from reviewer.decide.leanings import quotes_only_questions
from reviewer.decide.mixed import complaint_parts, is_rhetorical, list_lead, split_question_tail
from reviewer.decide.nature import SPLIT_OFF, _ground_cues, item_nature
from reviewer.decide.record_lists import split_record_list
from reviewer.decide.request import Item, Request, _make_item, is_threat
from reviewer.decide.triage import Cue
from reviewer.text import lazy_re

# A head that only introduces what follows ("申请人使用…平台提交内容称", "来信写道", "其诉求如下"): no item of its own.
_NARRATION_HEAD_RE = lazy_re.compile(r"(?:称|诉称|声称|写道|表示|反映|内容为|内容如下|如下|诉求为)[：:]?\s*$")


def split_mixed(request: Request, cues: list[Cue], model=None) -> tuple[list[Item], list[str]]:
    """Items with the nature of each: information items and question or complaint parts kept apart.

    When the request holds both an information item and a complaint part, the complaint part becomes an
    item of its own (answered as 信访/投诉) and the information items are answered as information; so does a
    question that follows the information asked for in the same sentence (answered as 咨询)."""
    items: list[Item] = []
    natures: list[str] = []
    tails: list[tuple[str, str]] = []
    listed: list[str] = []
    for item in request.items:  # each item keeps its position (catalog matches are by position)
        nature = item_nature(item.text, cues)[0]
        # (a quoted request made of questions only is one consultation: "“…处罚适用的是哪一条？为什么…？请书面解释。”")
        mixed = split_question_tail(item.text, cues) \
            if (nature in (*SPLIT_OFF, "unavailable.needs_creation") or _ground_cues(item.text, cues)) \
            and not quotes_only_questions(item.text) else None
        if mixed is not None and _NARRATION_HEAD_RE.search(mixed[0]):
            mixed = None  # "申请人…提交内容称，“请交通局查处…”": the head only introduces what the letter says
        # in a numbered list only a published outcome beside a record that may be withheld is split off the item
        parts = split_record_list(item.text, cues, model, published_only=len(request.items) > 1) \
            if mixed is None else None
        if parts:  # a clause that tells the personal data of the record before it stays with that record
            from reviewer.decide.public_beside import tells_fields

            merged: list[str] = []
            for part in parts:
                if merged and tells_fields(part):
                    merged[-1] += "，" + part
                else:
                    merged.append(part)
            parts = merged if len(merged) > 1 else None
        if parts:
            # one sentence listing records that point to different answers: the first part keeps the item's
            # position, the others follow the items (no later item's position moves)
            items.append(_make_item(item.index, parts[0]))
            natures.append(item_nature(parts[0], cues)[0])
            listed += parts[1:]
        elif mixed is None:
            items.append(item)
            natures.append(nature)
        else:
            head, tail, tail_nature = mixed
            items.append(_make_item(item.index, head))
            natures.append("ordinary")
            # "…，否则我将向上级投诉": a threat, not a complaint to answer; "…，这还有没有天理？": a protest, not a
            # question to answer as 咨询
            if not is_threat(tail) and not (tail_nature == "other.consultation" and is_rhetorical(tail)):
                tails.append((tail, tail_nature))
    for part in listed:
        items.append(_make_item(len(items) + 1, part))
        natures.append(item_nature(part, cues)[0])
    for tail, tail_nature in tails:  # the questions and complaints split off come after the items
        items.append(_make_item(len(items) + 1, tail))
        natures.append(tail_nature)
    if any(n != "no_action.petition" for n in natures):
        for part, nature in complaint_parts(request, cues):
            if nature in natures and nature == "other.other":
                continue  # the correction is already an item of its own
            part.index = len(items) + 1
            items.append(part)
            natures.append(nature)
    if "no_action.petition" in natures and list_lead(request, cues) is None:  # a lead's items continue its demand
        # a complaint's story told before or after its demands ("楼上住户私搭了玻璃房…城管来看过两次就没下文了。我现在要求：
        # 一、…拆除…"; "逾期未付，本所将依法提起诉讼"): no information asked for in it, not an item to answer
        kept = [k for k, (item, nature) in enumerate(zip(items, natures)) if not (nature == "ordinary" and tells_only(item.text))]
        if kept and len(kept) < len(items):
            items, natures = [items[k] for k in kept], [natures[k] for k in kept]
            for position, item in enumerate(items, start=1):
                item.index = position
    return items, natures


# Words that name a record, even a generic one ("该工程的补偿资金拨付文件", an item of a list).
# The procedure's own words in a restatement ("在政府信息公开申请表“所需信息描述”栏写道", "经信息公开网上平台提交").
_PROCEDURE_WORDS_RE = lazy_re.compile(r"(?:政府)?信息公开(?:申请)?(?:表|书|网上平台|平台|申请)?|所需(?:政府)?信息(?:的)?(?:内容)?描述|申请表")
_RECORD_WORD_RE = lazy_re.compile(r"文件|材料|资料|记录|信息|档案|凭证|明细|名单|名册|情况|方案|报告|通知|结果|依据|手续|清单|数据|"
                             r"案卷|卷宗|笔录|合同|协议|批复|决定书|许可证|纪要|请示|报表|台账|证照|图纸|审批表|登记表|汇总表")


def tells_only(text: str) -> bool:
    """Whether an item's text only tells (a story, a statement): no request verb, no question, and nothing a search
    could find (:func:`~reviewer.decide.description.has_characteristic`)."""
    plain = _PROCEDURE_WORDS_RE.sub("", text)
    if asks_any_verb(plain) or re.search(r"[？?]", text) \
            or _RECORD_WORD_RE.search(plain):  # "该工程的补偿资金拨付文件" (a list's item) names a record
        return False
    return not has_characteristic(plain)
