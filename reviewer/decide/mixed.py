"""Step 是不是 for the parts of a request: information asked for and, beside it, a question or a complaint.

A request mixing an information item and a complaint answers the information item and routes the complaint part to
the 信访/投诉 channels (ogi-law.md §5.2 item 7); a question that follows the information asked for in the same
sentence is answered as 咨询; a list's lead-in ("现就以下事项向贵局征询：") governs the items after it.
"""

from __future__ import annotations

import re

from reviewer.decide.description import DOCUMENT_KIND_RE, has_characteristic, is_placeholder
from reviewer.decide.leanings import _OWN_ASK_RE, DISCLOSURE_DEMAND_RE
from reviewer.decide.nature import (
    QUESTION_OR_COMPLAINT,
    SPLIT_OFF,
    WEAK_PETITION_MAX,
    _ground_cues,
    item_nature,
)
from reviewer.decide.request import (
    FRAME_LINE_RE,
    ITEM_START_RE,
    PURPOSE_FIELD_RE,
    REQUEST_VERB_RE,
    Item,
    Request,
    _is_applicant_line,
    _make_item,
    is_threat,
)
from reviewer.decide.restatement import _OTHER_VOICE_RE
from reviewer.decide.triage import Cue
from reviewer.text import lazy_re

# Sentences outside every item that are answered on their own: a complaint (查处、追责、赔偿 …) and a request to
# correct the applicant's own record (其他处理, 第四十一条: "另外，请更正…").
OWN_SENTENCE_NATURES = ("no_action.petition", "other.other")
# The story of earlier complaints ("原告因补偿问题多次到区政府上访，要求处理未果", "曾向城管局投诉举报，一直未予处理"): the
# background of a restated request, not a complaint made now.
_PAST_COMPLAINT_RE = lazy_re.compile(
    r"(?:曾经?|多次|屡次|先后|此前|之前|反复|一直)[^。！？!?]{0,30}?(?:上访|信访|投诉|举报|反映)|"
    r"(?:上访|信访|投诉|举报|反映|要求处理)[^。！？!?]{0,20}?(?:未果|无果|未予处理|没有处理|未获处理|未得到处理|未予解决|石沉大海)")
_CONNECTIVE_RE = lazy_re.compile(r"^(?:另外|此外|同时|还有|并且|再者|其次|最后)[，,、：:]?\s*")


# What makes a sentence a demand made now, whatever story it also tells ("对本人多次上访未获答复一事给予书面说法").
_DEMAND_NOW_RE = lazy_re.compile(r"(?<!申)请|责令|查处|追究|给予|给个说法|给[我我们]一个|立即|尽快|务必|必须")


def _past_story(sentence: str) -> bool:
    """Earlier complaints told as background, with no demand made now."""
    return _PAST_COMPLAINT_RE.search(sentence) is not None and _DEMAND_NOW_RE.search(sentence) is None


def _after_story(sentence: str) -> str:
    """What is left of a sentence telling an earlier complaint: the request it goes on to make ("原告曾举报某养殖场违法
    排污，后申请公开被告对该养殖场的调查材料…" → "申请公开被告对该养殖场的调查材料…"), or nothing."""
    story = _PAST_COMPLAINT_RE.search(sentence)
    asked = REQUEST_VERB_RE.search(sentence, story.end()) if story else None
    return sentence[asked.start():] if asked else ""


def without_past_stories(text: str) -> str:
    """``text`` without its sentences telling of earlier complaints with no demand made now (:func:`_past_story`),
    keeping a request such a sentence goes on to make: what the triage reads, so the story of a restated request
    does not make it a complaint."""
    sentences = re.split(r"(?<=[。！？!?\n])", text)
    kept = [_after_story(s) if _past_story(s) else s for s in sentences]
    return "".join(kept) if kept != sentences and "".join(kept).strip() else text


def complaint_parts(request: Request, cues: list[Cue]) -> list[tuple[Item, str]]:
    """Sentences of the request that are complaints or record corrections but not part of any item, with their
    nature."""
    items_text = " ".join(i.text for i in request.items)
    out: list[tuple[Item, str]] = []
    for sentence in re.split(r"(?<=[。！？!?\n])", request.text):
        s = ITEM_START_RE.sub("", sentence.strip(), count=1).rstrip("。！!？?")  # "三、…" is item 3's own text
        s = _CONNECTIVE_RE.sub("", s, count=1)  # "另外，请更正…": the connective is not part of what is asked
        if len(s) < 6 or _is_applicant_line(s) or FRAME_LINE_RE.match(s) or PURPOSE_FIELD_RE.match(s) \
                or s in items_text or is_threat(s) \
                or _past_story(s) or _OTHER_VOICE_RE.match(s) or any(len(i.text) >= 4 and i.text in s for i in request.items):
            continue  # …, the agency's or a party's words in a restatement ("被申请人认为该申请实质为投诉"), and
            # the sentence that lists the items itself ("请求依法查处以下问题：1、…；2、…": its lead governs them)
        if re.search(r"[：:]\s*$", sentence.strip()):
            continue  # "为了解政府处理投诉的效率，申请公开：" leads the request; it complains of nothing
        code, p = item_nature(s, cues)
        if code == "no_action.petition" and not _demands(s, cues):
            continue  # "小区旁边的搅拌站噪声、粉尘投诉不断" tells why; only a demand to act is a complaint to answer
        if code in OWN_SENTENCE_NATURES:
            out.append((_make_item(len(request.items) + len(out) + 1, s), code))
    return out


def _demands(sentence: str, cues: list[Cue]) -> bool:
    """Whether a petition cue that demands action (查处、追责、赔偿 …, at least WEAK_PETITION_MAX) fires in ``sentence``,
    or the classifier-free nature comes from a demand rather than from words such as 投诉、举报 alone."""
    from reviewer.decide.nature import WEAK_PETITION_MAX
    from reviewer.decide.triage import rule_scores

    hits = rule_scores(sentence, cues)[1]
    petition = [h for h in hits if h.outcome == "no_action.petition"]
    return not petition or any(h.weight >= WEAK_PETITION_MAX for h in petition)

MAX_QUESTION_SCAN_CHARS = 20_000  # a pasted file is not read for questions beyond its start
def is_rhetorical(text: str) -> bool:
    """A question that protests rather than asks (:data:`_RHETORICAL_RE`)."""
    return _RHETORICAL_RE.search(text) is not None


# A question that protests rather than asks ("这还有没有天理？", "难道老百姓就活该吃亏吗？"): nothing for staff to answer
# as a consultation.  "凭什么…？" is not one: it asks on what basis, which staff can answer.
_RHETORICAL_RE = lazy_re.compile(r"(?:还有|有没有|还有没有)(?:天理|王法|公道|良心|人管)|天理何在|公道何在|难道|岂(?:能|有|不是)|"
                            r"像话吗|讲不讲理|讲不讲道理|还是不是人|这(?:合理|公平|正常|合法)吗|谁来(?:管|负责)(?:我们)?[？?]$|"
                            r"怎么(?:能|可以)这样|有(?:你们|这样)[^？?]{0,6}吗|好糊弄|好欺负|"
                            r"(?:以为|觉得|当)(?:我们|老百姓|群众)?(?:是)?(?:傻子|瞎子|好骗)")


def unasked_questions(request: Request, items: list[Item], cues: list[Cue]) -> list[str]:
    """Questions of the request that are not part of any answered item ("我家那块地到底算不算基本农田？请提供土地利用总体
    规划图。" answers the map; the question is left): listed for staff, who may answer them as 咨询 — not drafted into
    the letter.  A rhetorical question ("这还有没有天理？", "这合理吗？") is a protest, not a question to answer."""
    items_text = " ".join(i.text for i in items)
    out: list[str] = []
    for sentence in re.split(r"(?<=[。！？!?\n])", (request.text or "")[:MAX_QUESTION_SCAN_CHARS]):
        if len(out) >= MAX_MIXED_CLAUSES:
            break
        s = _CONNECTIVE_RE.sub("", ITEM_START_RE.sub("", sentence.strip(), count=1), count=1)
        s = re.sub(r"^[\u4e00-\u9fff]{0,4}(?:内容|描述|事项|问题)\s*[：:]\s*", "", s)  # "留言内容：…" (a message form's label)
        if not re.search(r"[？?]$", s) or len(s) < 6 or s.rstrip("？?") in items_text or _OTHER_VOICE_RE.match(s) \
                or PURPOSE_FIELD_RE.match(s) \
                or _RHETORICAL_RE.search(s):
            continue
        if any(len(i.text) >= 4 and (i.text in s or s.rstrip("？?") in i.text) for i in items):
            continue
        if item_nature(s, cues)[0] == "other.consultation" and s not in out:
            out.append(s)
    return out


# Clauses asking for information ("申请公开…实施方案", "原告向被告申请公开…批复文件") — a head that can stand as an item of
# its own: a request verb, in the clause's first words, with something after it (not "政府信息公开申请表" or
# "《政府信息公开条例》").
# (or in everyday words: "我要查一下…", "想看看…", "麻烦调取…", "我想要…的备案表")
INFO_HEAD_RE = lazy_re.compile(r"(?:^|(?<=[，,；;：:]))[^，,；;]{0,30}?(?:" + REQUEST_VERB_RE.pattern +
                           r"|(?:要|想|请|麻烦)(?:查|看|查看|查阅|调取|调阅|复印)(?:一下|一看|看)?"
                           r"|^(?:我|本人|我们)?(?:想要|需要|要(?!求))(?:一份|一下|看)?(?=[^，,；;]{2,}?(?:" + DOCUMENT_KIND_RE.pattern + r")))"
                           r"[^，,；;]{4,}")

MAX_MIXED_CHARS = 600  # each split point reads the rest of the text: bounded work on long pastes
MAX_MIXED_CLAUSES = 12

def split_question_tail(text: str, cues: list[Cue]) -> tuple[str, str, str] | None:
    """"申请公开…实施方案，另外想问一下…为什么…？": the information asked for and the question (or complaint) that
    follows it in the same sentence, as (head, tail, the tail's nature); None when the text is not such a mix."""
    if len(text) > MAX_MIXED_CHARS:  # a pasted letter, not one sentence: its complaint parts are found by sentence
        return None
    clauses = re.split(r"(?<=[，,；;])", text)
    for k in range(1, min(len(clauses), MAX_MIXED_CLAUSES)):
        head = "".join(clauses[:k]).rstrip("，,；; ")
        raw_tail = "".join(clauses[k:]).strip()
        tail = re.sub(r"^(?:另外|此外|同时|还有|还|顺便|并且?)[，,]?", "", raw_tail)
        if len(head) < 8 or len(tail) < 4 or not INFO_HEAD_RE.search(head) or _OTHER_VOICE_RE.match(tail):
            continue  # (a tail in the agency's or a party's voice, "被告答复已责令…", is not the applicant's complaint)
        if re.search(r"[的之及和与、：:]$", head) or re.match(r"(?:以及|及其?|和|与|或|、|等)", tail):
            continue  # the clause boundary falls inside the object asked for ("…的，" / "，以及…")
        if is_placeholder(head):
            continue  # "遂申请公开相关信息，要求…给个说法": the "information" is the complaint's own matter
        tail_nature = item_nature(tail, cues)[0]
        head_nature, head_p = item_nature(head, cues)
        # the head asks for information: ordinary, or a complaint only by a weak word ("其举报事项的处理结果")
        # (or the applicant's own record, TRI030's 予以公开: "我家的补偿协议")
        asks = head_nature in ("ordinary", "disclose") \
            or (head_nature == "no_action.petition" and head_p < WEAK_PETITION_MAX)
        if tail_nature in SPLIT_OFF and asks:
            return head, tail, tail_nature
        own_ask = _OWN_ASK_RE.search(tail) or _ADDED_ASK_RE.match(raw_tail)
        if asks and tail_nature == "ordinary" and own_ask and _ground_cues(tail, cues) - _ground_cues(head, cues):
            # "…请公开处理情况，是谁举报了我家也请告诉我": a second ask of its own whose kind of information raises a ground
            # the first does not (a third party's identity): two items with two answers
            return head, tail, tail_nature
    return _question_then_ask(text, cues)


def _question_then_ask(text: str, cues: list[Cue]) -> tuple[str, str, str] | None:
    """"中标那家公司报的价是多少？把他们的投标报价单给我看看。": a question, then a sentence demanding a named record —
    (the record asked for, the question, the question's nature); None otherwise."""
    sentences = [s for s in re.split(r"(?<=[？?！!。])", text) if s.strip()]
    for k in range(1, min(len(sentences), MAX_MIXED_CLAUSES)):
        question = "".join(sentences[:k]).strip()
        ask = "".join(sentences[k:]).strip().rstrip("。！!")
        if not re.search(r"[？?]$", question) or len(ask) < 6 or _OTHER_VOICE_RE.match(ask):
            continue
        q_nature = item_nature(question, cues)[0]
        if q_nature not in QUESTION_OR_COMPLAINT or item_nature(ask, cues)[0] not in ("ordinary", "disclose"):
            continue
        if (DISCLOSURE_DEMAND_RE.search(ask) or INFO_HEAD_RE.search(ask)) and has_characteristic(ask):
            return ask, question.rstrip("？?"), q_nature
    return _question_clause_then_ask(text, cues)


# "…的法律依据是什么，并提供拆除决定书": a clause added to a question that asks for a record as well.
_ADDED_RECORD_ASK_RE = lazy_re.compile(r"^(?:并且?|同时|另外|以及)(?:要求|请求|请)?(?:被告|被申请人|贵[局委办府院厅]|你[局委办])?"
                                  r"(?:依法)?(?:提供|公开|出示|复印|给予)")


def _question_clause_then_ask(text: str, cues: list[Cue]) -> tuple[str, str, str] | None:
    """"原告要求被告答复其房屋被拆除的法律依据是什么，并提供拆除决定书": a question, then in the same sentence a clause that
    adds a request for a named record — (the record asked for, the question, the question's nature); None otherwise."""
    clauses = re.split(r"(?<=[，,；;])", text.rstrip("。！!"))
    for k in range(1, min(len(clauses), MAX_MIXED_CLAUSES)):
        question = "".join(clauses[:k]).rstrip("，,；; ")
        ask = "".join(clauses[k:]).strip()
        if len(ask) < 6 or not _ADDED_RECORD_ASK_RE.match(ask) or not has_characteristic(ask):
            continue
        q_nature = item_nature(question, cues)[0]
        # (or work on the records: "请统计一下…户数，并提供征地批复" — the 批复 exists, the count must be made)
        if q_nature in (*QUESTION_OR_COMPLAINT, "unavailable.needs_creation") \
                and item_nature(ask, cues)[0] in ("ordinary", "disclose"):
            return _ADDED_RECORD_ASK_RE.sub("", ask, count=1), question, q_nature  # the record, as a request names it
    return None

# A clause added as a further ask ("…，还有是谁报的案", "另外，…").
_ADDED_ASK_RE = lazy_re.compile(r"(?:另外|此外|同时|还有|另|还想知道|顺便问)")

# 是不是: a list's lead-in governs items that have no verb of their own — "现就以下事项向贵局征询：一、该地块收储是否已经
# 批准；二、补偿款由哪一单位支付" asks questions, "请求依法查处以下问题：1、…" complains; "申请公开以下信息：" asks for
# information and needs no help (the items read as requests already).
_LEAD_END_RE = lazy_re.compile(r"[：:]\s*$")


def list_lead(request: Request, cues: list[Cue]) -> str | None:
    """The lead-in clause before a request's list of items when it asks a question or complains, else None."""
    if len(request.items) < 2:
        return None
    first = request.items[0].text[:8]
    at = request.text.find(first) if first else -1
    if at <= 0:
        return None
    before = re.sub(r"[\s（(]*(?:\d{1,2}|[一二三四五六七八九十]{1,3})?[)）、.．]?\s*$", "", request.text[:at])
    if not _LEAD_END_RE.search(before):
        return None
    lead = re.split(r"[。！？!?\n]", before)[-1].strip()
    if not lead or DISCLOSURE_DEMAND_RE.search(lead):
        return None
    if _DEMAND_LEAD_RE.fullmatch(lead):
        # "我要求：1.…处分；2.…道歉": items that name no record are read with the demand they continue ("我要求：1.征收
        # 决定书；2.补偿方案" lists records)
        return None if any(has_characteristic(item.text) for item in request.items) else lead
    return lead if item_nature(lead, cues)[0] in QUESTION_OR_COMPLAINT else None


NOT_GOV_INFO = "other.not_gov_info"


def not_gov_context(request: Request, cues: list[Cue], triage_result) -> str | None:
    """The sentence before a request's list that places every item outside government information (a criminal case,
    a 监察机关's 留置, a court's file: "陈某某因涉嫌走私普通货物罪被贵局刑事拘留…申请公开：1.立案决定书；2.扣押清单"), when
    the whole request reads so (its triage's first outcome); None otherwise."""
    from reviewer.decide.triage import rule_scores

    if len(request.items) < 2:
        return None
    probabilities = getattr(triage_result, "probabilities", None) or {}
    if not probabilities or max(probabilities, key=probabilities.get) != NOT_GOV_INFO:
        return None
    first = request.items[0].text[:8]
    at = request.text.find(first) if first else -1
    if at <= 0:
        return None
    for sentence in reversed([p for p in re.split(r"[。！？!?\n]", request.text[:at]) if p.strip()]):
        if rule_scores(sentence, cues)[0].get(NOT_GOV_INFO, 0.0) > 0:
            return sentence.strip() + "。"
    return None


_DEMAND_LEAD_RE = lazy_re.compile(r"(?:(?:为此|因此|据此|现)[，,]?)?(?:我们?|本人|申请人|我司|我公司|我单位|我方|我现在|现)?(?:的)?(?:强烈|郑重|坚决|特此)?"
                             r"(?:要求|诉求|请求事项|请求)(?:如下)?[：:]?")


def governed_by_lead(item_text: str) -> bool:
    """Whether an item continues its list's lead-in (no request verb or demand of its own)."""
    return DISCLOSURE_DEMAND_RE.search(item_text) is None and _OWN_ASK_RE.search(item_text) is None
