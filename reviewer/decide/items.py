"""Steps 补不补 and 是不是: is the request complete, and is each part of it a request for information?

* 补不补 (第二十九条, 第三十条): 补正 only for a NAMED missing element, and only once.  A missing
  获取方式 is not one: the office chooses the form when the applicant does not (第四十条).  The description
  (名称、文号或者便于查询的其他特征性描述) is missing when nothing specific is left once generic words are removed,
  or when the triage reads the request as unclear and no item names anything a search could find: a title
  (《…》), a 文号, or a kind of document not hedged by 那个/相关/所有… (:func:`has_characteristic`).
* 是不是: each item is read on its own (triage cues on the item's text), so a request mixing an
  information item and a complaint answers the information item and routes the complaint part to the
  信访/投诉 channels (ogi-law.md §5.2 item 7).
"""

from __future__ import annotations

import re

from reviewer.decide.request import (
    _OTHER_VOICE_RE,
    DESCRIPTION_ELEMENT,
    DOC_NUMBER_RE,
    ITEM_START_RE,
    REQUEST_VERB_RE,
    Item,
    Request,
    _is_applicant_line,
    _make_item,
    is_threat,
    requested_object,
)
from reviewer.decide.triage import Cue, rule_scores, triage

FORM_ELEMENT = "形式要求"
# Request-level outcomes an item's own text can point to (besides an ordinary request for information).
ITEM_NATURE_MIN = 0.3
# The cue that reads the applicant's own (household's) information (rules/triage.yaml): one definition, used by the
# triage and by :func:`own_matter`.
OWN_INFORMATION_CUE = "own-information"
# Another person named beside the applicant's own matter ("我家隔壁老鲍家的补偿协议", "对方驾驶人的询问笔录", "同科室蔺某某的
# 病假记录"): broad on purpose — a false hit only keeps the redactions an own matter would lift.
_OTHER_PERSON_RE = re.compile(
    r"邻居|隔壁|他人|别人|别家|(?<![请告诉证])人家(?!庭)|其[他它余](?:人|户|家|村民|住户|被征收户|职工|人员|医生|考生|申请人|当事人|[一二三四五六七八九两几\d]+[人户家名])|"
    r"对方|另外[一二三四五六七八九两几\d]+(?:个|名)?(?:人|户|家)|同(?:批次?|科室|单位|期|事)|"
    r"[某×][某×]?(?:家|户)|(?<![某×])[某×]某?(?![某×]|[市县区镇乡村街道路组小区社区公司局厂院校所站队处委办年月日号次项份批])|"
    r"姓[\u4e00-\u9fa5](?:的|家)|老[\u4e00-\u9fa5]家|生父母|前妻|前夫|再婚对象|各户|每户|全体|别的")


# Kinds of document a search can look for (a request naming one is specific enough to search, unless the
# name is hedged: "那份通知", "相关批复", "所有会议材料").  Generic words (文件、材料、资料、信息、情况) are not kinds.
DOCUMENT_KIND_RE = re.compile(
    r"协议|合同|批复|批文|决定书?|通知书?|方案|纪要|许可证|证书|证明|报告|笔录|记录|名册|花名册|名单|清单|公告|公示|"
    r"(?:审批|登记|申请|调查|测量|丈量|评估)表|台账|明细|请示|函|规划|预算|决算|图纸|[地线]图|卷宗|案卷|档案|账目|账簿|"
    r"凭证|发票|投标文件|招标文件|标书|意见书|鉴定|备案|执照|许可|审计|验收|答复书|告知书|决定|裁定|细则|办法|规定|条例|标准|政策文件|"
    r"(?:报价|验收|结算|缴费|收费|送达|派工|出库|入库|调拨|处罚|罚款)单|"
    # any form or table (资产负债表, 汇总表, 一览表) — not the verbs 表示/表明/表达/表决/表彰/表态
    r"(?<=[\u4e00-\u9fa5]{2})表(?![示明达决彰态扬述])|登记(?:信息|资料|簿|册)|户籍"
)
# The records one act of the office produced ("处理我家宅基地纠纷时形成的", "对我店铺进行检查时的"): a case file a search can
# find (其他特征性描述, 第二十九条第二款第（二）项), unlike an open relation ("与我家拆迁有关的").
ACT_RECORDS_RE = re.compile(
    r"(?:办理|处理|审批|审查|查处|调查|检查|作出|实施|组织|召开|拆除|征收|受理|核查|执法)[^。；，、]{0,20}?"
    r"(?:时|过程中|期间)(?:所)?(?:形成|制作|产生|收集|拍摄|录制|调取)?的")
# One act done to the applicant, their family or their property ("文革期间我祖父被没收房产的相关处理文件", "我家房子被强拆的
# 有关材料"): the records of that act are found under the applicant's or the family member's name.
OWN_ACT_RE = re.compile(
    r"(?:我|本人|申请人|原告|上诉人)(?:的)?(?:家|们家|父亲|母亲|爸爸|妈妈|祖父|祖母|爷爷|奶奶|外公|外婆|丈夫|妻子|儿子|女儿|"
    r"公司|店|厂)?(?:的)?[^，。；、]{0,10}?被[^，。；、]{0,8}?"
    r"(?:没收|拆除|强拆|拆了|拆掉|征收|征用|处罚|罚款|处分|收回|查封|扣押|注销|吊销|开除|辞退|除名|下放|认定|划为|划成|关停)"
    # … and the records of it asked for ("…是否合法？" asks a question about the act, not for its records)
    r"[^，。；？?！!]{0,12}?的(?:全部|所有)?(?:相关|有关)?(?:处理|处罚|认定|审批)?(?:文件|材料|资料|记录|档案|手续|文书)")
# A title in 《》 is a characteristic, except the law a request is made under ("根据《…政府信息公开条例》的规定").
_TITLE_RE = re.compile(r"《[^》]{2,80}》")
_BASIS_RE = re.compile(r"(?:(?:根据|依据|依照|按照|依)《[^》]{2,80}》|《(?:中华人民共和国)?政府信息公开条例》)"
                       r"(?:第[^，。；]{1,12}?条)?(?:的|之)?(?:有关|相关)?(?:规定)?")
# Words that hedge a kind into "whichever one": the two to four characters before the kind.
HEDGE_RE = re.compile(r"那|这|相关|有关|所有|全部|一切|上述|其他|其它|该|各种|各类|任何|某些|等")
# The triage probability of 补正 from which an unanchored request counts as lacking a description.
UNCLEAR_TRIAGE_MIN = 0.5


def has_characteristic(text: str) -> bool:
    """Whether ``text`` names something a search can find: a title, a 文号, an unhedged kind of document, or the
    records of one act of the office (:data:`ACT_RECORDS_RE`, :data:`OWN_ACT_RE`)."""
    text = _BASIS_RE.sub("", text)
    if _TITLE_RE.search(text) or DOC_NUMBER_RE.search(text) or ACT_RECORDS_RE.search(text) or OWN_ACT_RE.search(text):
        return True
    for m in DOCUMENT_KIND_RE.finditer(text):
        before = text[max(0, m.start() - 4):m.start()]
        if not HEDGE_RE.search(before) or _SPECIFIED_DEMONSTRATIVE_RE.search(text[:m.start()]):
            return True
    return _ABOUT_WHAT_RE.search(text) is not None and _WHEN_OR_WHO_RE.search(text) is not None


# "拆我家房子的那个决定书": a demonstrative after a modifier that ends in 的 points at one record, it does not hedge.
_SPECIFIED_DEMONSTRATIVE_RE = re.compile(r"[\u4e00-\u9fa5]{4,}的(?:那|这)(?:个|份|张|本|件)?$")
# "2024年区里发的那个关于停车收费的文件": a subject (关于…的) with a year or an issuer is a description a search can use
# (第二十九条第二款第（二）项), although 文件 names no kind.
_ABOUT_WHAT_RE = re.compile(r"关于[^，。；、]{2,30}?的(?:文件|材料|资料|政策|精神)")
_WHEN_OR_WHO_RE = re.compile(r"(?:19|20)\d{2}年|(?:省|市|区|县|镇|乡|街道|局|委|办|政府|部)(?:里)?(?:发|印发|下发|出台|制定|颁布)")


# A specific matter named with what about it ("某村修路资金使用情况", "幸福小区加装电梯项目的补助资金"): a village, compound,
# project or parcel and a topic — a description a search can start from (第二十九条第二款第（二）项: 便于查询的其他特征性
# 描述) although it names no record.  "我们村", "本村", "该项目", "这个项目" are not named; 村委/村民 are not places.
_MATTER_UNIT_RE = re.compile(r"(?<=[\u4e00-\u9fa5某×])(?<![我本们该那这各每个])(?:村|社区|小区|项目|工程|地块|片区|宗地)(?![委民])")
_MATTER_TOPIC_RE = re.compile(r"资金|经费|补偿款|补助|款项|修建|修路|建设|改造|拆迁|征收|征地|承包|出让|审批|收费")


def names_matter(text: str) -> bool:
    """Whether ``text`` names a specific place or project together with a topic (:data:`_MATTER_UNIT_RE`)."""
    return _MATTER_UNIT_RE.search(text) is not None and _MATTER_TOPIC_RE.search(text) is not None


def correction_elements(request: Request, triage_result=None) -> list[str]:
    """The 第二十九条 elements whose absence justifies a 补正 (never the form of delivery).

    The description counts as missing too when the triage reads the request as unclear (补正 probability
    ≥ :data:`UNCLEAR_TRIAGE_MIN`) and no item has a characteristic a search could use
    (:func:`has_characteristic`) or names a specific matter (:func:`names_matter`): the classifier alone never
    triggers a 补正, a named missing element does.
    ``request.missing`` is updated so every output lists the same elements."""
    p_unclear = float((getattr(triage_result, "probabilities", None) or {}).get("other.correction", 0.0))
    if DESCRIPTION_ELEMENT not in request.missing and p_unclear >= UNCLEAR_TRIAGE_MIN:
        texts = [item.text for item in request.items] or [request.text]
        if not any(has_characteristic(t) or names_matter(t) for t in texts):
            request.missing.insert(0, DESCRIPTION_ELEMENT)
    return [m for m in request.missing if FORM_ELEMENT not in m]


def item_nature(text: str, cues: list[Cue]) -> tuple[str, float]:
    """The request-level outcome an item's text points to, or ("ordinary", p)."""
    scores, _ = rule_scores(text, cues)
    best = max(((c, p) for c, p in scores.items() if c not in ("ordinary", "other.correction")),
               key=lambda kv: kv[1], default=("ordinary", 0.0))
    if best[1] >= ITEM_NATURE_MIN:
        return best
    return "ordinary", 1.0 - best[1]


# Sentences outside every item that are answered on their own: a complaint (查处、追责、赔偿 …) and a request to
# correct the applicant's own record (其他处理, 第四十一条: "另外，请更正…").
OWN_SENTENCE_NATURES = ("no_action.petition", "other.other")
# The story of earlier complaints ("原告因补偿问题多次到区政府上访，要求处理未果", "曾向城管局投诉举报，一直未予处理"): the
# background of a restated request, not a complaint made now.
_PAST_COMPLAINT_RE = re.compile(
    r"(?:曾经?|多次|屡次|先后|此前|之前|反复|一直)[^。！？!?]{0,30}?(?:上访|信访|投诉|举报|反映)|"
    r"(?:上访|信访|投诉|举报|反映|要求处理)[^。！？!?]{0,20}?(?:未果|无果|未予处理|没有处理|未获处理|未得到处理|未予解决|石沉大海)")
_CONNECTIVE_RE = re.compile(r"^(?:另外|此外|同时|还有|并且|再者|其次|最后)[，,、：:]?\s*")


# What makes a sentence a demand made now, whatever story it also tells ("对本人多次上访未获答复一事给予书面说法").
_DEMAND_NOW_RE = re.compile(r"(?<!申)请|责令|查处|追究|给予|给个说法|给[我我们]一个|立即|尽快|务必|必须")


def _past_story(sentence: str) -> bool:
    """Earlier complaints told as background, with no demand made now."""
    return _PAST_COMPLAINT_RE.search(sentence) is not None and _DEMAND_NOW_RE.search(sentence) is None


def without_past_stories(text: str) -> str:
    """``text`` without its sentences telling of earlier complaints with no demand made now (:func:`_past_story`):
    what the triage reads, so the story of a restated request does not make it a complaint."""
    sentences = re.split(r"(?<=[。！？!?\n])", text)
    kept = [s for s in sentences if not _past_story(s)]
    return "".join(kept) if len(kept) < len(sentences) and "".join(kept).strip() else text


def complaint_parts(request: Request, cues: list[Cue]) -> list[tuple[Item, str]]:
    """Sentences of the request that are complaints or record corrections but not part of any item, with their
    nature."""
    items_text = " ".join(i.text for i in request.items)
    out: list[tuple[Item, str]] = []
    for sentence in re.split(r"(?<=[。！？!?\n])", request.text):
        s = ITEM_START_RE.sub("", sentence.strip(), count=1).rstrip("。！!？?")  # "三、…" is item 3's own text
        s = _CONNECTIVE_RE.sub("", s, count=1)  # "另外，请更正…": the connective is not part of what is asked
        if len(s) < 6 or _is_applicant_line(s) or s in items_text or is_threat(s) or _past_story(s) \
                or _OTHER_VOICE_RE.match(s) or any(len(i.text) >= 4 and i.text in s for i in request.items):
            continue  # …, the agency's or a party's words in a restatement ("被申请人认为该申请实质为投诉"), and
            # the sentence that lists the items itself ("请求依法查处以下问题：1、…；2、…": its lead governs them)
        code, p = item_nature(s, cues)
        if code in OWN_SENTENCE_NATURES:
            out.append((_make_item(len(request.items) + len(out) + 1, s), code))
    return out


# Clauses asking for information ("申请公开…实施方案", "原告向被告申请公开…批复文件") — a head that can stand as an item of
# its own: a request verb, in the clause's first words, with something after it (not "政府信息公开申请表" or
# "《政府信息公开条例》").
# (or in everyday words: "我要查一下…", "想看看…", "麻烦调取…", "我想要…的备案表")
_INFO_HEAD_RE = re.compile(r"(?:^|(?<=[，,；;：:]))[^，,；;]{0,30}?(?:" + REQUEST_VERB_RE.pattern +
                           r"|(?:要|想|请|麻烦)(?:查|看|查看|查阅|调取|调阅|复印)(?:一下|一看|看)?"
                           r"|^(?:我|本人|我们)?(?:想要|需要)(?:一份|一下)?(?=[^，,；;]{2,}?(?:" + DOCUMENT_KIND_RE.pattern + r")))"
                           r"[^，,；;]{4,}")
QUESTION_OR_COMPLAINT = ("other.consultation", "no_action.petition")
# Parts split off the information asked for in the same sentence: a question, a complaint, or a request to
# correct the applicant's own record (其他处理, 第四十一条; only the record-correction cue proposes it).
SPLIT_OFF = (*QUESTION_OR_COMPLAINT, "other.other")
MAX_MIXED_CHARS = 600  # each split point reads the rest of the text: bounded work on long pastes
MAX_MIXED_CLAUSES = 12
# Below this a head's petition score is a word (举报、投诉 named as the matter the records are about, TRI002 alone),
# not a demand to act (the demand cues weigh 0.5 and more).
WEAK_PETITION_MAX = 0.5  # (outcome.demand_made draws the same line for the letter)


# An object made of hedges and generic nouns only ("相关信息", "有关材料", "上述全部资料"): it names nothing a search could
# find apart from the matter the rest of the sentence is about.
_PLACEHOLDER_RE = re.compile(r"(?:[其该此本]|上述|前述|以上|相关|有关|所有|全部|一切|涉及|的|政府|此事|该事|这件事|一下|等)*"
                             r"(?:信息|材料|资料|文件|情况|内容|事项|证据|手续)(?:[和及与、]?(?:信息|材料|资料|文件|情况|内容|事项|证据|手续))*")


def is_placeholder(text: str) -> bool:
    """Whether what ``text`` asks for is only hedges and generic nouns (:data:`_PLACEHOLDER_RE`)."""
    return _PLACEHOLDER_RE.fullmatch(_LEAD_VERB_RE.sub("", requested_object(text))) is not None


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
        if len(head) < 8 or len(tail) < 4 or not _INFO_HEAD_RE.search(head) or _OTHER_VOICE_RE.match(tail):
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
        if (DISCLOSURE_DEMAND_RE.search(ask) or _INFO_HEAD_RE.search(ask)) and has_characteristic(ask):
            return ask, question.rstrip("？?"), q_nature
    return None


# A clause added as a further ask ("…，还有是谁报的案", "另外，…").
_ADDED_ASK_RE = re.compile(r"(?:另外|此外|同时|还有|另|还想知道|顺便问)")


def _ground_cues(text: str, cues: list[Cue]) -> set[str]:
    """The withholding grounds the kind-of-information cues name in ``text``."""
    return {h.ground for h in rule_scores(text, cues)[1] if h.ground}


# A clause that asks on its own account (its own request verb, or "也请告诉我", "请告知").
_OWN_ASK_RE = re.compile(REQUEST_VERB_RE.pattern + r"|(?:也|还|并|同时)?请(?:一并)?(?:告诉|告知|说明|回复)")


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
_LEAD_VERB_RE = re.compile(r"^(?:我|本人|特|现)?(?:" + REQUEST_VERB_RE.pattern + r")[：:，,\s]*")


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
        mixed = split_question_tail(item.text, cues) if nature in SPLIT_OFF or _ground_cues(item.text, cues) else None
        parts = split_record_list(item.text, cues, model) if mixed is None and len(request.items) == 1 else None
        if parts:
            # one sentence listing records that point to different answers: the first part keeps the item's
            # position, the others follow it (a one-item request: no later item's position moves)
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
            if not is_threat(tail):  # "…，否则我将向上级投诉": a threat, not a complaint to answer
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
    return items, natures


# 是不是: a list's lead-in governs items that have no verb of their own — "现就以下事项向贵局征询：一、该地块收储是否已经
# 批准；二、补偿款由哪一单位支付" asks questions, "请求依法查处以下问题：1、…" complains; "申请公开以下信息：" asks for
# information and needs no help (the items read as requests already).
_LEAD_END_RE = re.compile(r"[：:]\s*$")


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
    return lead if item_nature(lead, cues)[0] in QUESTION_OR_COMPLAINT else None


def governed_by_lead(item_text: str) -> bool:
    """Whether an item continues its list's lead-in (no request verb or demand of its own)."""
    return DISCLOSURE_DEMAND_RE.search(item_text) is None and _OWN_ASK_RE.search(item_text) is None


# 是不是: a request that asks in questions but demands records ("…是谁批准修的，花了多少钱，合同在哪里，请你们把这些都公开
# 出来") asks for those records; a consultation (第二条: 解答、解释、确认法律适用) asks for an answer only.
DISCLOSURE_DEMAND_RE = re.compile(REQUEST_VERB_RE.pattern + r"|(?:公开|提供|复印|复制)(?:出来|给我)|(?:都|全部|予以)公开|"
                                  r"(?:发|寄|传)(?:给)?(?:我|我们|本人)(?:一份|一下|一个)|把[^。？?！!]{2,30}?给(?:我|我们)|"
                                  # "请把环评批复和规划许可给我们看看", "让我们查阅一下"
                                  r"(?:给|让|供)(?:我|我们|本人|申请人)(?:们)?(?:看看|看一下|看一看|查阅|查看|复印|复制)|"
                                  # a restatement: "原告要求被告公开…", "申请人请求被申请人提供…"
                                  r"(?:申请|要求|请求)(?:被告|被申请人|被上诉人|贵[局委办府院厅]|你[局委办]|该[局委办])"
                                  r"(?:依法)?(?:公开|提供)")
CONSULTATION = "other.consultation"
# A law's title names the law, not a record of this office; asked "how to read" it, the request is a consultation
# (第二条: 解答、解释、确认法律适用 are not government information).
_LAW_TITLE_RE = re.compile(r"《[^》]{2,60}(?:法|条例|规定|办法|细则|规则|解释|决定)》(?:第[^，。；、]{1,12}?[条款项])*")
INTERPRETATION_RE = re.compile(r"如何理解|怎么理解|怎样理解|如何解释|作出解释|的解释|如何适用|怎样适用|如何认定|的含义|是什么意思")


def settle_consultation(triage_result, text: str):
    """(triage, note): the triage with its 咨询 share folded into the ordinary request when ``text`` demands
    disclosure and names a record a search can find (:func:`has_characteristic`); the staff note says so when that
    share led the request-level outcomes.  Otherwise the triage unchanged and None."""
    p = float((getattr(triage_result, "probabilities", None) or {}).get(CONSULTATION, 0.0))
    if not p or not DISCLOSURE_DEMAND_RE.search(text) or not has_characteristic(text):
        return triage_result, None
    if INTERPRETATION_RE.search(text) and not has_characteristic(_LAW_TITLE_RE.sub("", text)):
        return triage_result, None  # "公开贵局对《土地管理法》第X条如何理解的解释": an interpretation asked for, not a record

    return _set_aside(triage_result, CONSULTATION,
                      "申请以提问方式表述（“咨询”概率 {p:.2f}），但明确要求公开并指向现有记录：先按一般申请检索所指的记录；"
                      "提问中需要解释说明的部分，可在答复中一并告知，或按第三十条指导申请人写明所需信息。")


CONFIRM = "no_action.confirm"


def settle_confirm(triage_result):
    """(triage, note): 确认或重新出具 (a practice label resting on 第二条, no express article) answers an applicant who
    already holds the information and asks for it to be confirmed, certified or issued again — words the confirm cue
    (TRI008) reads.  Without them, the classifier's leaning towards it ("请提供我父亲1998年的退休审批表") is folded
    into the ordinary request."""
    if (getattr(triage_result, "rule_scores", None) or {}).get(CONFIRM, 0.0) > 0:
        return triage_result, None
    return _set_aside(triage_result, CONFIRM,
                      "分类器倾向“确认/重新出具”（概率 {p:.2f}），但申请中没有要求确认真伪、重新出具或加盖印章的表述：按申请的"
                      "实际内容处理。")


def _set_aside(triage_result, code: str, note: str):
    """(the triage with ``code``'s share folded into the ordinary request, ``note`` formatted with that share when it
    led the request-level outcomes, else None) — see :func:`reviewer.decide.triage.set_aside`."""
    from reviewer.decide.triage import set_aside

    settled, p, leading = set_aside(triage_result, code)
    return settled, (note.format(p=p) if leading else None)


# 是不是: 第三十九条 covers 信访、投诉、举报 made in the form of an application — asking the office to act (查处、处理、
# 给个说法).  A request that asks for the records of a matter ("申请公开对该违建的立案查处材料") asks for information, even
# when its words (违建、查处) lean the classifier towards a complaint.
PETITION = "no_action.petition"
# … and the documents of the office's handling of a matter ("信访事项处理意见书", "调查报告", "处理决定书").  Not 处理情况
# or 处理结果 alone: asking how one's own complaint was handled may be part of the complaint (the classifier decides).
_RECORD_WORDS_RE = re.compile(r"材料|记录|卷宗|案卷|文书|笔录|(?:处理|查处|调查|核查|办理|处置)(?:的)?(?:决定书?|意见书|报告)")


def settle_petition(triage_result, text: str, cues: list[Cue]):
    """(triage, note): the triage with its 信访 share folded into the ordinary request when ``text`` demands disclosure
    of records (a named record, or the 材料/记录/卷宗 of a matter) and no petition cue fires in it (no 请查处、要求处理、
    给个说法 …); the staff note says so when that share led the request-level outcomes.  Otherwise unchanged and None."""
    p = float((getattr(triage_result, "probabilities", None) or {}).get(PETITION, 0.0))
    if not p:
        return triage_result, None
    names_kind = bool(_ground_cues(text, cues))  # a kind of information ("举报人的身份", "会议纪要") is asked for
    if not (DISCLOSURE_DEMAND_RE.search(text) or (names_kind and _OWN_ASK_RE.search(text))):
        return triage_result, None
    if not (has_characteristic(text) or names_kind or _RECORD_WORDS_RE.search(requested_object(text))):
        return triage_result, None
    if rule_scores(text, cues)[0].get(PETITION, 0.0) > 0:
        return triage_result, None  # an explicit demand to act: a complaint part, answered under 第三十九条
    return _set_aside(triage_result, PETITION,
                      "申请的措辞与信访、投诉、举报相近（“信访举报投诉”概率 {p:.2f}），但它要求公开现有记录，没有提出查处、处理等要求："
                      "先按一般申请检索所指的记录。第三十九条只适用于以政府信息公开申请的形式进行的信访、投诉、举报。")


def own_matter(text: str, cues: list[Cue] | None = None) -> bool:
    """The item concerns the applicant's own (or own household's) matter: the own-information cue fires (本人的、我家、
    其本人 … — not "本人申请公开", where 本人 is only the one who applies) and no cue names another person's
    information (邻居、他人、某某户 …: "本人申请公开邻居家的补偿协议", "我的邻居王某的病历" are a third party's).
    An own matter lifts the third-party privacy redactions of its documents (outcome._apply_hard_rules), so both
    conditions must hold."""
    if cues is None:
        from reviewer.decide.triage import load_cues

        cues = load_cues()
    names = {cue.id: getattr(cue, "name", "") for cue in cues}
    _scores, hits = rule_scores(text, cues)
    own = any(names.get(hit.cue) == OWN_INFORMATION_CUE for hit in hits)
    other = any(hit.ground == "privacy" for hit in hits) or _OTHER_PERSON_RE.search(text) is not None
    return own and not other
