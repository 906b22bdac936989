"""One sentence listing several records that point to different answers (ogi-law.md §5.2 item 14: every item
answered): the parts to answer one by one."""

from __future__ import annotations

import re

from reviewer.decide.description import _LEAD_VERB_RE, DOCUMENT_KIND_RE
from reviewer.decide.nature import item_nature
from reviewer.decide.request import requested_object
from reviewer.decide.triage import Cue, triage

# An inline list of records ("规划许可证、村委会的收支账目、施工单位的投标文件"): the separators between records, each
# part ending with a kind of record (DOCUMENT_KIND_RE, optionally "…的复印件/全文").  "涉及", "参与", "人和" are not
# separators here because the text before them does not end with a record.
_LIST_SEP_RE = re.compile(r"以及|及其|、|，|,|；|;|及|和|与|并")
_RECORD_END_RE = re.compile(r"(?:" + DOCUMENT_KIND_RE.pattern + r"|(?:审批|批准|报批|审查|审核|备案|登记|验收|许可|设计|竣工|招标|投标|采购|立项|申报)(?:文件|材料|资料))"
                            r"(?:的?(?:复印件|复制件|副本|原件|全文|正本))?\s*$")
MAX_LIST_PARTS = 12
_HAN_CHARS_RE = re.compile(r"[\u4e00-\u9fff]")
_PART_LEAD_RE = re.compile(r"^(?:以及|及其|及|和|与|并|还有|另外|同时)\s*")
_ELABORATION_RE = re.compile(r"(?:包括|包含|含|其中|即|如|特别是|尤其是|具体为|具体包括)")

def _record_parts(obj: str) -> list[str]:
    """``obj`` cut at the separators that follow a record, when every part ends with one (else one part)."""
    parts: list[str] = []
    start = 0
    for m in _LIST_SEP_RE.finditer(obj):
        segment = obj[start:m.start()].strip()
        if len(segment) >= 2 and _RECORD_END_RE.search(segment):
            parts.append(segment)
            start = m.end()
            if len(parts) >= MAX_LIST_PARTS:
                break
    last = obj[start:].strip()
    if not parts or not last or not _RECORD_END_RE.search(last):
        return [obj]
    out: list[str] = []
    for part in parts + [last]:
        part = _PART_LEAD_RE.sub("", part, count=1)
        if out and _ELABORATION_RE.match(part):  # "…登记档案，包括历次登记申请书…": the same record, itemised
            out[-1] = out[-1] + "，" + part
        elif part:
            out.append(part)
    return out


_DATE_WORDS_RE = re.compile(r"[\d〇零一二三四五六七八九十百千]+(?:年度?|月份?|日|届|期|季度|号)|以来|以前|以后|期间|至今")


def _has_owner(part: str) -> bool:
    """Whether a part names whose record it is ("村委会的收支账目", "施工单位的投标文件"), not only when ("2002年的…")."""
    cut = part.rfind("的")
    if cut < 0:
        return False
    owner = _DATE_WORDS_RE.sub("", part[:cut])
    return len(_HAN_CHARS_RE.findall(owner)) >= 2


def _with_modifier(first: str, part: str) -> str:
    """A later part without its own "…的" modifier shares the first part's ("某区政府作出的征收决定、补偿方案" → 补偿方案
    is 某区政府作出的补偿方案): the part is read, and answered, with it."""
    if "的" in part or "的" not in first:
        return part
    return first[:first.rindex("的") + 1] + part


def split_record_list(text: str, cues: list[Cue], model=None) -> list[str] | None:
    """The parts of an item that lists several records whose cues point to different request-level outcomes
    (村委会的账目 or 法院的判决书 among a project's permits), as texts to answer one by one (ogi-law.md §5.2 item 14:
    every item answered), adjacent parts that point the same way kept together; None when the item is not such a
    list.  Only lists of self-contained parts are split — each part names its own owner ("某项目的", "村委会的") — and,
    with the triage classifier ``model``, only when it reads each part as ordinary or not as the cues do.  Parts that differ only in the ground they name stay one item: the search finds the records and the
    screening of each record decides what is withheld (第三十七条)."""
    obj = _LEAD_VERB_RE.sub("", requested_object(text), count=1)
    parts = _record_parts(obj)
    if len(parts) < 2:
        return None
    if not all(_has_owner(part) for part in parts):
        return None  # an elliptical part ("…分配方案、分配名单") belongs to the matter the first part names
    read = [parts[0]] + [_with_modifier(parts[0], part) for part in parts[1:]]
    signatures = [item_nature(part, cues)[0] for part in read]
    if len(set(signatures)) < 2:
        return None
    if model is not None and any((n == "ordinary") != (triage(part, cues, model).top == "ordinary")
                                 for part, n in zip(read, signatures)):
        return None  # the classifier does not read the parts as the cues do (ordinary or not): not split
    groups: list[list[int]] = []
    for i, signature in enumerate(signatures):
        if groups and signatures[groups[-1][-1]] == signature:
            groups[-1].append(i)
        else:
            groups.append([i])
    return ["、".join([read[g[0]]] + [parts[i] for i in g[1:]]) for g in groups]
