"""The classifier's leanings set aside on a rule (steps 是不是 and 有没有 read the text, not only the classifier):
咨询 that demands a named record, 信访 that asks only for records, 确认/重新出具 and 公开出版物 without the words that
ask for them.
Each returns the settled triage and, when the set-aside share led the request-level outcomes, a staff note."""

from __future__ import annotations

from reviewer.decide.description import DOCUMENT_KIND_RE, has_characteristic
from reviewer.decide.nature import _ground_cues
from reviewer.decide.request import REQUEST_VERB_RE, requested_object
from reviewer.decide.triage import Cue, rule_scores
from reviewer.text import lazy_re

# A clause that asks on its own account (its own request verb, or "也请告诉我", "请告知").
_OWN_ASK_RE = lazy_re.compile(REQUEST_VERB_RE.pattern + r"|(?:也|还|并|同时)?请(?:一并)?(?:告诉|告知|说明|回复)")

# 是不是: a request that asks in questions but demands records ("…是谁批准修的，花了多少钱，合同在哪里，请你们把这些都公开
# 出来") asks for those records; a consultation (第二条: 解答、解释、确认法律适用) asks for an answer only.
DISCLOSURE_DEMAND_RE = lazy_re.compile(REQUEST_VERB_RE.pattern + r"|(?:公开|提供|复印|复制)(?:出来|给我)|(?:都|全部|予以)公开|"
                                  r"(?:发|寄|传)(?:给)?(?:我|我们|本人)(?:一份|一下|一个)|"
                                  # "烦请将文件电子版发至本邮箱", "麻烦把批复发我邮箱", "有的话你们给我发一个",
                                  # "能不能复印一份给我们"
                                  r"(?:将|把)(?![^。？?！!]{0,12}?(?:答复|回复|结果|解答|说明|意见))[^。？?！!]{1,30}?(?:发至|发到|寄至|寄到|发给|寄给|发我|寄我|传给)|"
                                  r"给(?:我|我们|本人|俺)(?:发|寄|传)(?:一个|一份|过来)|(?:复印|打印|拷贝)一份给(?:我|我们|本人|俺)|"
                                  # "有的话给俺一份复印件", "并提供复印件一份"
                                  r"给(?:我|我们|本人|俺)(?:一份|一张)(?:复印件|复制件)|并(?:请)?提供(?:其)?(?:复印件|复制件|原件)(?:一份)?|"
                                  # "…贴过一张征地公告，我没看清，你们给我一份", "有就给我一份，没有的话请书面告诉我没有"
                                  r"(?:你们|请|麻烦|有就|如有就?|有的话就?)给(?:我|我们|本人|俺)(?:复印|打印|寄|发)?一份|"
                                  # "我想要《…审批办法》这个文件的全文" — a titled record wanted
                                  r"(?:我|本人)(?:想要|要|需要|想看|想查阅|想获取)(?:一份)?(?=《)|"
                                  # "把会议记录给我", "把投标报价单给我看看" — not "把补偿款给我发下来" (a demand to act)
                                  r"把[^。？?！!]{2,30}?给(?:我|我们)(?=看|查|复印|复制|一份|寄|[。！!，,；;]|$)|"
                                  # "能否提供一份你们局的办事指南？" — a polite request, not a question (TRI003 agrees)
                                  r"(?:能否|能不能|可否|可不可以)(?:请)?(?:贵[局委办府院]|你们)?(?:一并|同时|也)?(?:提供|公开|发给?我|寄给?我)|"
                                  # "请把你们的拆除依据和决定书拿出来！" — a record, or the legal basis, brought out
                                  # "把侯某某家的评估报告、补偿协议、装修补偿认定都给我拿出来"
                                  r"把[^。？?！!]{0,30}?(?:" + DOCUMENT_KIND_RE.pattern + r"|依据|手续|认定)"
                                  r"(?:都|全|全部|也)?(?:给(?:我|我们))?(?:拿出来|亮出来|公布出来|出示出来|拿给(?:我|我们)看)|"
                                  # "你们…的那份强制拆除决定书拿出来！": the record named right before, without 把
                                  r"(?:" + DOCUMENT_KIND_RE.pattern + r")(?:都|全|全部|也)?(?:给(?:我|我们))?(?:拿出来|亮出来|出示出来)|"
                                  # "请把环评批复和规划许可给我们看看", "让我们查阅一下"
                                  r"(?:给|让|供)(?:我|我们|本人|申请人)(?:们)?(?:看看|看一下|看一看|查阅|查看|复印|复制)|"
                                  # a restatement: "原告要求被告公开…", "申请人请求被申请人提供…"
                                  r"(?:申请|要求|请求)(?:被告|被申请人|被上诉人|贵[局委办府院厅]|你[局委办]|该[局委办])"
                                  r"(?:依法)?(?:公开|提供)")
CONSULTATION = "other.consultation"
# A law's title names the law, not a record of this office; asked "how to read" it, the request is a consultation
# (第二条: 解答、解释、确认法律适用 are not government information).
_LAW_TITLE_RE = lazy_re.compile(r"《[^》]{2,60}(?:法|条例|规定|办法|细则|规则|解释|决定)》(?:第[^，。；、]{1,12}?[条款项])*")
QUESTION_WORD_RE = lazy_re.compile(r"为什么|为何|是否|是不是|有没有|凭什么|如何|怎么|怎样|多少|哪(?:一|个|些|里|年|位)|谁")
# A why-question, or whether something complies with a norm ("是否符合国家规定的标准", "是否违反《…》的规定"): the norm named
# inside it is not a record asked for ("申请公开贵局是否对某公司作出处罚的决定书" still names one).
QUESTION_CLAUSE_RE = lazy_re.compile(r"(?:是否|是不是|有没有)(?:符合|违反|违背|合乎|遵守|合法|违法|偏低|偏高|合理|正当|妥当)[^，,。；;]*|"
                                # the clause's subject goes with its question ("发给我户的过渡安置费为什么少了200元")
                                r"[^，,。；;：:]*?(?:为什么|为何|凭什么)[^，,。；;]*|"
                                r"[^，,。；;：:]*?(?:是谁|由谁|谁(?:决定|批准|签字|拍板|同意|审批))[^，,。；;]*")
INTERPRETATION_RE = lazy_re.compile(r"如何理解|怎么理解|怎样理解|如何解释|作出解释|的解释|如何适用|怎样适用|如何认定|的含义|是什么意思")


# "请问2024年学位分配的政策文件在哪里能看到？": where a named record can be had — a request for it (已主动公开的, the office
# tells where, 第三十六条第（一）项), not a question for the office to answer.
WHERE_TO_GET_RE = lazy_re.compile(r"(?:在哪里|在哪儿|在哪|哪里|从哪里|去哪里|何处|什么地方|哪个网站)(?:能|可以|才能)?"
                             r"(?:看到|查到|找到|获取|下载|查询|查看|查阅|领取|拿到|要到)")


# A demand told as not made: "来函没有要求提供任何文件", "申请人并未申请公开具体文件".
_NEGATED_BEFORE_RE = lazy_re.compile(r"(?:没有|没|未|并未|并不|并没有|不曾|未曾|从未|无)(?:再|另行|另外)?(?:要求|申请|请求)?$")


def demands_disclosure(text: str) -> bool:
    """Whether ``text`` demands a record (:data:`DISCLOSURE_DEMAND_RE`) somewhere it does not say the demand was not
    made."""
    return any(not _NEGATED_BEFORE_RE.search(text, max(0, m.start() - 6), m.start())
               for m in DISCLOSURE_DEMAND_RE.finditer(text))


# A question whose object is a record of the office: which document an act rests on ("你们发津贴依据的是哪份文件？"),
# under which 文号 a list went out, whether an approval exists ("有没有作出过书面的不予批准决定？"). Followed by a
# demand for it ("请把这份文件提供给我", "有就给我一份"), the question describes the record asked for.
ASKED_RECORD_RE = lazy_re.compile(r"(?:依据|根据|按照|凭)(?:的)?(?:是)?(?:哪|什么)(?:一)?(?:份|个|项|条|些)?"
                             r"(?:文件|规定|政策|批复|通知|批文)|"
                             r"以(?:什么|哪个|何)(?:文号|文件)(?:下发|印发|发布|公布)?|"
                             r"(?:是否|有没有|有无|到底有没有)(?:作出|出具|下发|印发|核发|办理|签订|制定)?(?:过)?"
                             r"[^。？?！!，,]{0,30}?(?:文件|批文|批复|决定书|决定|许可证|证书|审批表|合同|协议|方案|报告|纪要)")


def asks_for_named_record(text: str) -> bool:
    """Whether ``text`` asks to be given, or where to get, a record it names (:func:`has_characteristic`) or the
    record a question in it is about (:data:`ASKED_RECORD_RE`, with a demand for it)."""
    demanded = demands_disclosure(text)
    return bool(demanded or WHERE_TO_GET_RE.search(text)) and (
        has_characteristic(text) or bool(demanded and ASKED_RECORD_RE.search(text)))


_QUOTE_RE = lazy_re.compile(r"[“「『]([^“”「」『』]{4,300})[”」』]")
_QUOTE_PART_RE = lazy_re.compile(r"[^。！!？?；;]+[。！!？?；;]?")
_EXPLAIN_RE = lazy_re.compile(r"^[，,\s]*(?:[一二三四五六七八九十\d]{1,2}[、.．])?\s*(?:请|烦请|麻烦|要求|希望)?"
                         r"(?:贵[局委办府院]|你们|[^，,。？?]{0,16}?(?:局|委|办|府|院|政府|部门|中心))?(?:就[^，,。？?]{1,16}?)?"
                         r"(?:书面|详细|明确|正面|具体)?(?:解释|说明|答复|解答|回答|告知|讲清楚|说清楚|给出(?:明确|书面)?(?:的)?(?:结论|答复|说法|解释))")


def quotes_only_questions(text: str) -> bool:
    """Whether the request ``text`` quotes (a restatement's “…”) is questions and demands for an explanation only:
    "申请公开如下信息：“…到底适用的是哪一条？为什么…？请书面解释差别在哪里。”" asks for no record."""
    quotes = [m.group(1) for m in _QUOTE_RE.finditer(text or "") if len(m.group(1)) >= 8]
    if not quotes:
        return False
    for quote in quotes:
        for part in _QUOTE_PART_RE.findall(quote):
            if not part.strip(" ，,。；;"):
                continue
            if demands_disclosure(part):
                return False
            if not (part.rstrip().endswith(("？", "?")) or QUESTION_WORD_RE.search(part) or _EXPLAIN_RE.match(part)):
                return False
    return True


def settle_consultation(triage_result, text: str):
    """(triage, note): the triage with its 咨询 share folded into the ordinary request when ``text`` demands
    disclosure of (or asks where to get) a record a search can find (:func:`asks_for_named_record`); the staff note
    says so when that share led the request-level outcomes.  Otherwise the triage unchanged and None."""
    p = float((getattr(triage_result, "probabilities", None) or {}).get(CONSULTATION, 0.0))
    if not p or not asks_for_named_record(text) or quotes_only_questions(text):
        return triage_result, None
    if INTERPRETATION_RE.search(text) and not has_characteristic(_LAW_TITLE_RE.sub("", text)):
        return triage_result, None  # "公开贵局对《土地管理法》第X条如何理解的解释": an interpretation asked for, not a record
    asked = requested_object(text)
    if QUESTION_WORD_RE.search(asked) and not has_characteristic(_LAW_TITLE_RE.sub("", QUESTION_CLAUSE_RE.sub("", asked))) \
            and not ASKED_RECORD_RE.search(asked):
        # "申请公开“征收我家房屋时为什么没有入户调查，是否违反《…条例》的规定”": the "information" asked for is a question
        return triage_result, None

    return _set_aside(triage_result, CONSULTATION,
                      "申请以提问方式表述（“咨询”概率 {p:.2f}），但明确要求公开并指向现有记录：先按一般申请检索所指的记录；"
                      "提问中需要解释说明的部分，可在答复中一并告知，或按第三十条指导申请人写明所需信息。")


CONFIRM = "no_action.confirm"
# A share below this is the prior every outcome keeps (rules only, or a classifier that does not lean): not a leaning
# to set aside — folding it into the ordinary request would only move near ties.
LEANING_MIN = 0.2


def _leaning(triage_result, code: str) -> bool:
    """Whether the triage leans towards ``code`` without any cue for it."""
    if (getattr(triage_result, "rule_scores", None) or {}).get(code, 0.0) > 0:
        return False
    return float((getattr(triage_result, "probabilities", None) or {}).get(code, 0.0)) >= LEANING_MIN


def settle_confirm(triage_result):
    """(triage, note): 确认或重新出具 (a practice label resting on 第二条, no express article) answers an applicant who
    already holds the information and asks for it to be confirmed, certified or issued again — words the confirm cue
    (TRI008) reads.  Without them, the classifier's leaning towards it ("请提供我父亲1998年的退休审批表") is folded
    into the ordinary request."""
    if not _leaning(triage_result, CONFIRM):
        return triage_result, None
    # ("要求确认其用工关系是否属于劳务派遣": asked to confirm a legal reading, which the consultation cue reads — the
    # leaning's share goes to the outcome a cue names, else to the ordinary request: see set_aside)
    return _set_aside(triage_result, CONFIRM,
                      "分类器倾向“确认/重新出具”（概率 {p:.2f}），但申请中没有要求确认真伪、重新出具或加盖印章的表述：按申请的"
                      "实际内容处理。")


PUBLICATION = "no_action.publication"


def settle_publication(triage_result):
    """(triage, note): 公开出版物 (第三十九条第二款) answers a request for a publication — 年鉴、公报、报刊、图书 …, which the
    publication cue (TRI005) reads.  Without such a word ("贵局网站上已经公布的2024年部门预算": a web page is not a
    publication) the classifier's leaning towards it is folded into the ordinary request."""
    if not _leaning(triage_result, PUBLICATION):
        return triage_result, None
    return _set_aside(triage_result, PUBLICATION,
                      "分类器倾向“公开出版物”（概率 {p:.2f}），但申请没有指向年鉴、公报、报刊、图书等出版物：按申请的实际内容处理；"
                      "申请人称已在网站等处公开的，核实后可告知获取途径（第三十六条第（一）项）。")


def _set_aside(triage_result, code: str, note: str):
    """(the triage with ``code``'s share folded into the ordinary request — or the outcome a cue reads —, ``note``
    formatted with that share when it led the request-level outcomes, else None) — see
    :func:`reviewer.decide.triage.set_aside`."""
    from reviewer.decide.triage import set_aside

    settled, p, leading = set_aside(triage_result, code)
    return settled, (note.format(p=p) if leading else None)


# 是不是: 第三十九条 covers 信访、投诉、举报 made in the form of an application — asking the office to act (查处、处理、
# 给个说法).  A request that asks for the records of a matter ("申请公开对该违建的立案查处材料") asks for information, even
# when its words (违建、查处) lean the classifier towards a complaint.
PETITION = "no_action.petition"
# … and the documents of the office's handling of a matter ("信访事项处理意见书", "调查报告", "处理决定书").  Not 处理情况
# or 处理结果 alone: asking how one's own complaint was handled may be part of the complaint (the classifier decides).
_RECORD_WORDS_RE = lazy_re.compile(r"材料|记录|卷宗|案卷|文书|笔录|(?:处理|查处|调查|核查|办理|处置)(?:的)?(?:决定书?|意见书|报告)")


def settle_petition(triage_result, text: str, cues: list[Cue]):
    """(triage, note): the triage with its 信访 share folded into the ordinary request when ``text`` demands disclosure
    of records (a named record, or the 材料/记录/卷宗 of a matter) and no petition cue fires in it (no 请查处、要求处理、
    给个说法 …); the staff note says so when that share led the request-level outcomes.  Otherwise unchanged and None."""
    p = float((getattr(triage_result, "probabilities", None) or {}).get(PETITION, 0.0))
    if not p:
        return triage_result, None
    names_kind = bool(_ground_cues(text, cues))  # a kind of information ("举报人的身份", "会议纪要") is asked for
    if not (demands_disclosure(text) or (names_kind and _OWN_ASK_RE.search(text))):
        return triage_result, None
    if not (has_characteristic(text) or names_kind or _RECORD_WORDS_RE.search(requested_object(text))):
        return triage_result, None
    if rule_scores(text, cues)[0].get(PETITION, 0.0) > 0:
        return triage_result, None  # an explicit demand to act: a complaint part, answered under 第三十九条
    return _set_aside(triage_result, PETITION,
                      "申请的措辞与信访、投诉、举报相近（“信访举报投诉”概率 {p:.2f}），但它要求公开现有记录，没有提出查处、处理等要求："
                      "先按一般申请检索所指的记录。第三十九条只适用于以政府信息公开申请的形式进行的信访、投诉、举报。")
