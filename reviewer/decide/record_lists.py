"""One sentence listing several records that point to different answers (ogi-law.md §5.2 item 14: every item
answered): the parts to answer one by one."""

from __future__ import annotations

import re

from reviewer.decide.description import _LEAD_VERB_RE, DOCUMENT_KIND_RE
from reviewer.decide.nature import _ground_cues, item_nature
from reviewer.decide.request import requested_object, unquote
from reviewer.decide.triage import Cue, rule_scores, triage
from reviewer.text import lazy_re

# An inline list of records ("规划许可证、村委会的收支账目、施工单位的投标文件"): the separators between records, each
# part ending with a kind of record (DOCUMENT_KIND_RE, optionally "…的复印件/全文").  "涉及", "参与", "人和" are not
# separators here because the text before them does not end with a record.
_LIST_SEP_RE = lazy_re.compile(r"以及|及其|、|，|,|；|;|及|和|与|并")
_RECORD_END_RE = lazy_re.compile(r"(?:" + DOCUMENT_KIND_RE.pattern + r"|(?:审批|批准|报批|审查|审核|备案|登记|验收|许可|设计|竣工|招标|投标|采购|立项|申报|拨付|拨款|下达|分配|调查|核查|检查|证据|执法|申请|证明|技术|工艺|参数|财务|成本|权属|批复)(?:文件|材料|资料)|送达回证|回执|判决书|裁定书|裁决书|调解书|起诉书|意见书|"
                            # an outcome ("核发审批结果", "日常监督检查结果") and a person's particulars ("各安置户的个人银行账户
                            # 信息", "全部报考人员的身份证号码和联系电话", "邻户的身份证复印件")
                            r"(?:审批|检查|抽检|监测|处理|审查|评审|考核|验收)结果|(?:账户|身份|个人|联系)信息|(?:身份证|证件)号码|"
                            r"联系(?:电话|方式)|(?:银行)?账号|家庭住址|复印件)"
                            r"(?:的?(?:复印件|复制件|副本|原件|全文|正本))?(?:[（(][^（）()]{0,80}[)）])?\s*$")
MAX_LIST_PARTS = 12
_HAN_CHARS_RE = lazy_re.compile(r"[\u4e00-\u9fff]")
_PART_LEAD_RE = lazy_re.compile(r"^(?:以及|及其|及|和|与|并|还有|另外|同时)\s*")
_ELABORATION_RE = lazy_re.compile(r"(?:包括|包含|含|其中|即|如|特别是|尤其是|具体为|具体包括)")

# What a part about a person lists of them ("身份证号码和联系电话", "…调查表和身份证复印件"): details of the record before it,
# not a record of its own.
_PARTICULARS_ONLY_RE = lazy_re.compile(r"(?:其|本人|个人|各户)?(?:的)?(?:(?:身份证|证件)(?:号码|复印件)?|联系(?:电话|方式)|(?:银行)?账号|"
                                  r"家庭住址|住址|(?:账户|身份|个人|联系)信息)")


def _inside_brackets(text: str) -> list[bool]:
    """For each character, whether it is inside （…） or (…)."""
    depth, out = 0, []
    for ch in text:
        if ch in "（(":
            depth += 1
        out.append(depth > 0)
        if ch in "）)" and depth:
            depth -= 1
    return out


def _record_parts(obj: str) -> list[str]:
    """``obj`` cut at the separators that follow a record, when every part ends with one (else one part).  A
    separator inside brackets ("分户补偿明细表（包括各户姓名、身份证号码…）") cuts nothing."""
    parts: list[str] = []
    start = 0
    inside = _inside_brackets(obj)
    for m in _LIST_SEP_RE.finditer(obj):
        if inside[m.start()]:
            continue
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
        elif out and _PARTICULARS_ONLY_RE.fullmatch(part):
            out[-1] = out[-1] + "和" + part
        elif part:
            out.append(part)
    return out


# "原告申请公开的是…", "申请公开的信息为…": what is asked follows the copula.
_ASKED_IS_RE = lazy_re.compile(r"^(?:的)?(?:信息|内容)?(?:是|为|系)")
_DATE_WORDS_RE = lazy_re.compile(r"[\d〇零一二三四五六七八九十百千]+(?:年度?|月份?|日|届|期|季度|号)|以来|以前|以后|期间|至今|当年|同年|该年|那年|当时|彼时|时期")


def _has_owner(part: str) -> bool:
    """Whether a part names whose record it is ("村委会的收支账目", "施工单位的投标文件"), not only when ("2002年的…")."""
    cut = part.rfind("的")
    if cut < 0:
        return False
    owner = _DATE_WORDS_RE.sub("", part[:cut])
    return len(_HAN_CHARS_RE.findall(owner)) >= 2


def _is_qualified(part: str) -> bool:
    """Whether a part names its matter without "的" ("本村2021年征地补偿安置方案", "区政府常务会议纪要"): at least four
    characters, not counting dates, before the kind of record it ends with ("分配名单", "补偿方案" are elliptical)."""
    m = _RECORD_END_RE.search(part)
    head = _DATE_WORDS_RE.sub("", part[:m.start()] if m else part)
    return len(_HAN_CHARS_RE.findall(head)) >= 4


# A record that is the outcome made public — a decision, an approval, a notice or permit (第二十条: 行政许可、行政处罚的
# 结果, 征收决定, 规划) — at the end of a part.
_PUBLIC_RECORD_RE = lazy_re.compile(
    r"(?:决定书?|裁决书|批复(?:文件)?|批文|公告|公示|许可证|结果|中标通知书|(?:责令|限期)[^、，,。；;]{0,12}通知书)"
    r"(?:的?(?:复印件|复制件|副本|原件|全文|正本))?\s*$")
# A part that starts with its own issuer ("区政府批复", "市政府的批复") does not borrow the first part's modifier.
_OWN_ISSUER_RE = lazy_re.compile(r"^[\u4e00-\u9fa5]{0,6}?(?:政府|局|委员会|委|办公室|办事处|厅|院|中心)")


# The cues naming records published by law or already published (rules/triage.yaml): a decision document, procurement
# results, expropriation decisions and plans, a record said to be published.  The own-information cues (本人的、委托人
# 公司的) are not: one's own case file is still a case file.
_PUBLISHED_RECORD_CUES = ("TRI031", "TRI032", "TRI044", "TRI038")
# "住建局依据招标文件和投标人报价确定的中标通知书": a record named inside another's modifier is not a part of the list.
_INSIDE_MODIFIER_RE = lazy_re.compile(r"(?:依据|根据|按照|参照|依照|基于)[^、，,。；;]{0,16}$")


def _is_public_record(part: str, cues: list[Cue]) -> bool:
    """A part naming a record that is the published outcome (a decision, an approval, a notice, a permit, or a cue's
    public-by-law record), no withholding cue in it."""
    hits = rule_scores(part, cues)[1]
    if any(h.ground for h in hits):
        return False
    return any(h.cue in _PUBLISHED_RECORD_CUES for h in hits) or _PUBLIC_RECORD_RE.search(part) is not None


_REPLY_RE = lazy_re.compile(r"(?:相关|有关)?(批复|批文|答复)(?:原件|复印件|全文)?")
# The matter a first part is about ("县政府关于某某小区改造的请示", "镇政府就某村拆迁安置问题向县政府报送的请示"), lent to a
# later part led by its own issuer ("市政府的批复" → "市政府关于某某小区改造的批复").
_MATTER_RE = lazy_re.compile(r"(?:关于|就)[^、，,。；;]{2,40}?(?=(?:问题|事宜|事项)?(?:向[^、，,。；;]{1,12}?)?(?:报送|上报|提交|呈报)?的)")


def _read_alone(parts: list[str]) -> list[str] | None:
    """Each part as it reads on its own — the first part's "…的" modifier lent to an elliptical part ("…送达回证"), its
    matter to a part led by its own issuer ("区政府批复" → "区政府关于…的批复") — or None when a part cannot be read
    alone ("…分配方案、分配名单")."""
    lends = _has_owner(parts[0])
    matter = _MATTER_RE.search(parts[0])
    out = [parts[0]]
    for part in parts[1:]:
        issuer = _OWN_ISSUER_RE.match(part)
        kind = part[issuer.end():].lstrip("的") if issuer else part
        if issuer and matter and not re.search(r"关于|就|的", kind):
            out.append(issuer.group(0) + matter.group(0) + "的" + kind)
        elif issuer and not (_has_owner(part) or _is_qualified(part)):
            return None
        elif _REPLY_RE.fullmatch(part) and parts[0].endswith("请示"):
            out.append(parts[0] + "的" + _REPLY_RE.fullmatch(part).group(1))  # "…的请示及批复": the reply to it
        elif lends and "的" not in part and not issuer:
            out.append(_with_modifier(parts[0], part))
        elif _has_owner(part) or _is_qualified(part):
            out.append(part)
        else:
            return None
    return out


def _natures(read: list[str], cues: list[Cue], model, *, exact: bool = False) -> list[str] | None:
    """The request-level outcome each part's cues point to, when they differ and the classifier reads each part as
    ordinary or not as the cues do; else None.  ``exact`` (parts read with a lent modifier): an ordinary record
    among them, and the classifier's outcome for each part is the cues' own."""
    signatures = [item_nature(part, cues)[0] for part in read]
    if len(set(signatures)) < 2 or (exact and "ordinary" not in signatures):
        return None
    if model is not None:
        tops = [triage(part, cues, model).top for part in read]
        if any((n == "ordinary") != (t == "ordinary") or (exact and n != t) for n, t in zip(signatures, tops)):
            return None
    return signatures


def _public_beside_withheld(obj: str, parts: list[str], read: list[str], cues: list[Cue], model) -> list[str] | None:
    """Signatures ("public" / "other") of an ordinary request's parts when a published outcome (a decision, approval,
    notice or permit) is listed beside a record a cue may withhold ("会议纪要和据此作出的征收决定", "处罚决定书及送达回证");
    None otherwise.  The other records travel with the withheld one: the screening of what is found decides them.
    ``read``: the parts as they read alone (:func:`_read_alone`); the classifier must read ``obj`` (the whole item) and
    every part as an ordinary request."""
    if any(_INSIDE_MODIFIER_RE.search(part) for part in parts[:-1]):
        return None
    if not any(_ground_cues(part, cues) for part in read):
        return None
    signatures = ["public" if _is_public_record(part, cues) else "other" for part in read]
    if len(set(signatures)) < 2:
        return None
    if model is not None and any(triage(text, cues, model).top != "ordinary" for text in (obj, *read)):
        return None  # the whole item and every part read as an ordinary request
    return signatures


def _with_modifier(first: str, part: str) -> str:
    """A later part without its own "…的" modifier shares the first part's ("某区政府作出的征收决定、补偿方案" → 补偿方案
    is 某区政府作出的补偿方案): the part is read, and answered, with it."""
    if "的" in part or "的" not in first or _OWN_ISSUER_RE.match(part):
        return part
    return first[:first.rindex("的") + 1] + part


def split_record_list(text: str, cues: list[Cue], model=None, *, published_only: bool = False) -> list[str] | None:
    """The parts of an item that lists several records whose cues point to different request-level outcomes
    (村委会的账目 or 法院的判决书 among a project's permits), as texts to answer one by one (ogi-law.md §5.2 item 14:
    every item answered), adjacent parts that point the same way kept together; None when the item is not such a
    list.  Only lists of self-contained parts are split — each part names its own owner ("某项目的", "村委会的") — and,
    with the triage classifier ``model``, only when it reads each part as ordinary or not as the cues do.  A record that
    may be withheld beside one that may not ("本村征地补偿安置方案和同组村民某某的补偿协议", "会议纪要和据此作出的征收决定")
    is split too: a draft must never refuse the public record with the other (``published_only``: only this split,
    for an item of a numbered list).  Parts that differ only in the ground
    they name stay one item: the search finds the records and the screening of each record decides what is withheld
    (第三十七条)."""
    # ("申请公开“…、…，以及…”": a restatement quotes the list)
    obj = unquote(_ASKED_IS_RE.sub("", _LEAD_VERB_RE.sub("", requested_object(text), count=1), count=1))
    parts = _record_parts(obj)
    if len(parts) < 2:
        return None
    read = [parts[0]] + [_with_modifier(parts[0], part) for part in parts[1:]]
    signatures = None  # an elliptical part ("…分配方案、分配名单") belongs to the matter the first part names
    if all(_has_owner(part) for part in parts) and not published_only:
        signatures = _natures(read, cues, model)
    if signatures is None and not published_only and _has_owner(parts[0]) \
            and all(_has_owner(part) or "的" not in part for part in parts[1:]):
        # "…补偿资金的拨付文件及资金去向明细": the records exist, the flows are to be compiled (第三十八条) — an
        # elliptical part read with the first part's owner
        signatures = _natures(read, cues, model, exact=True)
    if signatures is None:
        alone = _read_alone(parts)
        signatures = _public_beside_withheld(obj, parts, alone, cues, model) if alone else None
        if signatures is None:
            return None
        read = alone
    groups: list[list[int]] = []
    for i, signature in enumerate(signatures):
        if groups and signatures[groups[-1][-1]] == signature:
            groups[-1].append(i)
        else:
            groups.append([i])
    return ["、".join([read[g[0]]] + [parts[i] for i in g[1:]]) for g in groups]
