"""Reading a court's, review body's or office's restatement of a request: what was asked, without the parties' claims
(:func:`without_claims`), the procedure and the arguments around it (:func:`without_proceedings`), the agency's answer
told in the same sentence (:func:`without_answer_clauses`) and the frame of who applied to whom
(:func:`without_restated_frame`)."""

from __future__ import annotations

import re

from reviewer.decide.asking import NOT_ASKING_RE as _NOT_ASKING_RE
from reviewer.decide.asking import REQUEST_VERBS, WEAK_REQUEST_VERBS, asks_any_verb
from reviewer.text import lazy_re

# A restatement's other voices: the agency's answer and the parties' or the court's arguments.
# (and the organ's answer told by name: "县公安局答复称，上述材料…不属于政府信息公开的范围")
_OTHER_VOICE_RE = lazy_re.compile(r"\s*(?:被告|被申请人|被上诉人|(?:原告|申请人|上诉人|本院|法院|本机关)认为|"
                             r"[\u4e00-\u9fa5]{1,16}?(?:局|政府|委员会|委|办|中心|分局|大队|支队|派出所)(?:于[^，。；]{1,16}?)?"
                             r"(?:书面)?(?:答复|回复|告知|复函)(?:称|说|认为|[：:，,]))")


# A court's or review body's restatement also gives the parties' claims ("原告诉讼请求：1.确认被告未答复行为违法；2.责令被告
# 限期答复", "申请人请求：撤销被申请人作出的答复书，责令被申请人重新作出答复"): what is asked of the court or review body,
# not of the office — neither an item nor what the triage reads.
_PARTY = r"(?:原告|申请人|上诉人|再审申请人|起诉人|复议申请人)"
_CLAIM_NUMBER = r"(?:[（(]?[\d一二三四五六七八九十]{1,2}[)）.、．]\s*)?"
_CLAIMED = r"(?:依法)?(?:撤销|确认[^。；\n]{0,40}?违法|判令|改判|责令(?:被告|被申请人|被上诉人))"
CLAIM_RE = lazy_re.compile(
    r"(?:" + _PARTY + r"(?:的)?)?(?:诉讼请求|复议请求|上诉请求|行政复议请求|请求事项|诉请)(?:为|是)?[：:，,]"
    r"|" + _PARTY + r"(?:请求|要求|诉请)(?:本院|法院|复议机关|本机关)?[：:，,]?\s*" + _CLAIM_NUMBER + _CLAIMED
    # a claims list without its party ("请求：1.撤销被告作出的答复；2.判令…"); an applicant's own "要求：撤销…" is a demand
    # the triage must read, not a claim to a court
    + r"|(?:^|(?<=[。！？!?\n]))\s*(?:请求|诉请)(?:本院|法院|复议机关)?[：:]\s*" + _CLAIM_NUMBER + _CLAIMED, re.M)
_CLAIM_SENTENCE_RE = lazy_re.compile(r"[^。！？!?\n]*?(?:" + CLAIM_RE.pattern + r")[^。！？!?\n]*[。！？!?]?", re.M)


def without_claims(text: str) -> str:
    """``text`` without the parties' claims to a court or review body (:data:`CLAIM_RE`); the text itself when
    nothing else is left."""
    if CLAIM_RE.search(text) is None:
        return text
    kept = _CLAIM_SENTENCE_RE.sub("", text)
    return kept if kept.strip(" \n。；;，,") else text


# A restatement's procedural history after the request: the agency's answer ("被告于同年9月作出答复", "被申请人认为该申请
#需要加工分析，遂作出告知") and the applicant's next step ("原告不服，诉至本院"). Neither says what was asked; what the
# office answered is not the evidence the reviewer judges from.
_AFTERMATH_RE = lazy_re.compile(
    r"\s*(?:[^。！？!?\n]{0,6}(?:不服|遂|随后|后)[^。！？!?\n]{0,12})?(?:诉至|起诉至|提起(?:行政)?诉讼|提起上诉|申请(?:行政)?复议|"
    r"提起(?:行政)?复议|向本院(?:提起|起诉)|诉请本院|提起本(?:案)?诉讼?|诉来本院|遂(?:成|起)?诉)")


# Names that carry a request verb without asking: a document's title ("《政府信息公开申请答复书》") and the name of
# the procedure ("政府信息公开申请", "信息公开答复").
_NAMED_NOT_ASKED_RE = lazy_re.compile(r"《[^》]{1,60}》|(?:政府)?信息公开(?:申请)?(?:答复|告知)?(?:书|表|函)?")


def _asks_outside_titles(sentence: str) -> bool:
    """Whether ``sentence`` has a request verb outside titles, the procedure's name, refusals ("不予公开",
    "不同意公开") and what ought to be done ("应当公开")."""
    rest = _NOT_ASKING_RE.sub("", _REFUSED_RE.sub("", _NAMED_NOT_ASKED_RE.sub("", sentence)))
    return any(v in rest for v in REQUEST_VERBS) or _ASKED_CONTENT_RE.search(rest) is not None


# "其申请的内容是“…”", "原告所申请的“…”": the request told without a request verb, its content quoted ("所申请信息系党委
# 机关制作" refers back to it and tells nothing).
_ASKED_CONTENT_RE = lazy_re.compile(r"(?:申请的(?:内容|事项|信息)?|所申请的?(?:信息|内容|事项)?|申请事项)(?:是|为|系)?[：:]?\s*[“\"「『]")


_REFUSED_RE = lazy_re.compile(r"(?:不同意|不愿意?|反对|拒绝)(?:对外)?(?:公开|提供)|"
                         r"(?:应当|应该|应予|应|可以|可予|有权要求|依法)(?:主动)?(?:予以|向[^，,。；;]{1,8})?(?:公开|提供)")
# A party's argument ("原告认为，补偿协议涉及公共利益，应当公开。", "被告辩称：…第三人均不同意公开"): a reason given to the
# court, not what was asked ("原告诉称：…申请公开…" tells the request and is kept).
_ARGUMENT_RE = lazy_re.compile(r"\s*(?:原告|申请人|复议申请人|上诉人|被上诉人|被告|被申请人|第三人)(?:不服[，,])?[^。！？!?\n，,：:]{0,6}?"
                          r"(?:认为|辩称|答辩称|主张)")


_QUESTION_RE = lazy_re.compile(r"[？?]|哪|谁|什么|是否|为何|为什么|吗")
# A published case write-up's sections after the request: how the office handled it and what the case teaches
# ("【处理结果】某局经审查认为……决定不予公开。【典型意义】……"), to the next 【…】 label or the end.
_AFTERMATH_SECTION_RE = lazy_re.compile(
    r"【(?:处理|办理|答复|复议|裁判|判决|审理)(?:结果|情况|意见|决定)】[^【]*|"
    r"【(?:本院认为|法院认为|典型意义|案例评析|评析|点评|启示|工作启示|经验做法|案例分析|法律分析)】[^【]*")
# A write-up's heading ("案例三：咨询类申请的处理。") names the outcome, not the request.
_CASE_HEADING_RE = lazy_re.compile(r"\s*(?:典型)?案例[一二三四五六七八九十\d]*\s*[：:、.．]")
# A judgment's caption ("原告曹某诉被告某区生态环境局政府信息公开一案。", "上诉人王某因与被上诉人某县政府信息公开纠纷一案，…")
# names the case, not what was asked (it only says "信息公开").
_CAPTION_RE = lazy_re.compile(r"\s*(?:原告|上诉人|申请人|再审申请人|申诉人)[^。；]{1,40}?(?:诉|与)[^。；]{1,60}?(?:政府)?信息公开"
                         r"(?:行政)?(?:纠纷|案件)?(?:一案|案)")
# The office's review in a write-up ("县财政局认为，该信息需要…", "经审查，企业登记档案的查询另有规定", "该局经审查，认为…").
_OFFICE_REVIEW_RE = lazy_re.compile(
    r"\s*(?:经(?:审查|核查|查|研究)[，,]|(?:该局|该机关|该单位|该部门|(?![贵你本我])(?:(?!申请|请求|要求|原告|被告|我|由|哪)[\u4e00-\u9fff]){1,14}?"
    r"(?:局|人民政府|政府|委员会|办事处|管委会|派出所|中心))(?:经(?:审查|核查|研究))?[，,]?"
    # ("该纪要已作为区政府决定事项全文发布" names a kind of record, not the office's review)
    r"(?:认为|告知|答复|决定(?!事项|书|文件|的)|作出))")


# The office's own working notes in a register or case note ("核查：补偿款由区住建局审批后…", "经办人调阅许可档案：…",
# "业务科室反馈：…"): what the office found, not what was asked.
_OFFICE_NOTE_RE = lazy_re.compile(r"\s*[（(]?(?:承办人|承办处室|承办科室|经办科室|承办单位)[：:]|\s*(?:核查(?:情况|结果)?|经办人?(?:意见)?|办理人?意见|承办意见|业务科室(?:反馈|意见)|科室反馈|系统查询|"
                             r"检索情况|调查情况|核实情况|登记核查|办理过程|办理情况|办理历史|办理记录|受理备注)[：:]|"
                             # the office's routing slip ("【内部流转单】文件处意见：…", "办文单：")
                             r"\s*[【\[]?(?:内部)?(?:流转|办文|处理|传阅)(?:单|笺)[】\]：:]|"
                             # "食品生产科反馈：", "执法支队反馈：", "考试中心系统查询："
                             r"\s*[\u4e00-\u9fa5]{0,10}?(?:科|股|室|处|队|中心|系统)(?:书面)?(?:反馈|查询|核查|核实|意见)[：:]|[\s“”\"]*经(?:查|核查|核实)[，,：:]|\s*(?:经办人|承办人|工作人员)(?:调阅|查阅|核查|核实)|"
                             # the form's signature field told ("“申请人签章”栏：法定代表人签字并加盖公章，附…复印件")
                             r"\s*[“\"]?(?:申请人)?签(?:章|名|字)(?:处)?[”\"]?栏")


# The applicant named by a pseudonym in a register or restatement ("申请人：钱某", "原告黎某", "2023年4月，赵某乙（持残疾人证…）
# 到…窗口口头提出申请"): later mentions of that name are the applicant, not a third party ("赵某乙本人的审核表").
_PSEUDONYM = r"[\u4e00-\u9fa5]{1,2}?某[某甲乙丙丁]?"
_APPLICANT_NAMED_RE = lazy_re.compile(r"(?:申请人|原告|上诉人|复议申请人|再审申请人|来电人|来信人)(?:[：:]\s*)?(?P<a>" + _PSEUDONYM + r")(?![\u4e00-\u9fa5]{0,2}(?:公司|厂|村|镇|街道))|"
                                 r"(?:^|[，。；\n])(?:\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?[，,]?)?(?P<b>" + _PSEUDONYM + r")"
                                 r"(?:[（(][^）)]{0,30}[）)])?(?:于[^，。；]{0,16}?)?(?:到|向|通过|以)[^。；]{0,40}?(?:提出|提交|递交|邮寄)[^。；]{0,10}?申请")


def with_applicant_named(text: str) -> str:
    """``text`` with the applicant's pseudonymised name (:data:`_APPLICANT_NAMED_RE`) written as 申请人 (after a role word
    that names the applicant already, the name stays)."""
    m = _APPLICANT_NAMED_RE.search(text)
    if m is None:
        return text
    name = m.group("a") or m.group("b")
    if len(name) < 2:
        return text
    return re.sub(r"(?<!申请人)(?<!原告)(?<!上诉人)" + re.escape(name) + r"(?![某甲乙丙丁])", "申请人", text)


# The heading line of the document a request is restated in ("某区人民法院行政判决书（节录）", "行政复议决定书（摘录）"): its
# court or review body is not what was asked for.
_RESTATING_HEADING_RE = lazy_re.compile(r"\s*[^\n，。；]{0,30}?(?:人民法院)?(?:行政)?(?:判决书|裁定书|复议决定书|复议答复书|答复书摘录)"
                                   r"(?:[（(](?:节录|摘录|节选|摘要)[）)])?\s*$")


def without_office_notes(text: str) -> str:
    """``text`` without the lines of the office's own working notes (:data:`_OFFICE_NOTE_RE`) that ask nothing, and
    without the heading of the judgment or decision the request is restated in (:data:`_RESTATING_HEADING_RE`)."""
    lines = text.splitlines(keepends=True)
    kept = [ln for ln in lines if not (_OFFICE_NOTE_RE.match(ln) and not _asks_outside_titles(ln))
            and not _RESTATING_HEADING_RE.fullmatch(ln)]
    return "".join(kept) if len(kept) < len(lines) and "".join(kept).strip() else text


def office_notes(text: str) -> str:
    """The lines of the office's own working notes (:data:`_OFFICE_NOTE_RE`) in ``text``, joined ("" when none): what the
    office found (who made the record, where it went), told beside the applicant's letter."""
    return "\n".join(ln.strip() for ln in text.splitlines() if _OFFICE_NOTE_RE.match(ln))


def is_caption(sentence: str) -> bool:
    """Whether ``sentence`` is a judgment's caption (:data:`_CAPTION_RE`) that asks for nothing after the case's name."""
    m = _CAPTION_RE.match(sentence)
    return m is not None and not _asks_outside_titles(sentence[m.end():])


def _is_proceeding(sentence: str) -> bool:
    s = sentence.strip()
    if not s:
        return False
    if _OFFICE_NOTE_RE.match(s) and not _asks_outside_titles(s):
        return True
    if is_caption(s):
        return True
    if _CASE_HEADING_RE.match(s) or (_OFFICE_REVIEW_RE.match(s) and not _asks_outside_titles(s)
                                      and not _QUESTION_RE.search(s)):
        return True
    if re.match(r"\s*(?:被告|被申请人|被上诉人|第三人|复议机关|原审法院|一审法院|本院|法院|本机关)[^。！？!?\n，,]{0,20}?认为", s):
        return True  # the agency's, a party's or the court's view ("被告认为该申请需要加工…")
    if re.match(r"\s*(?:复议机关|原审法院|一审法院|本院|法院)[^。！？!?\n，,]{0,12}?认定", s) and not _asks_outside_titles(s):
        return True  # "原审法院认定该申请属于咨询" (not "本院认定如下事实：原告申请公开…")
    if _ARGUMENT_RE.match(s) and not _asks_outside_titles(s):
        return True  # "申请人认为免职程序违法，遂向被申请人申请公开：…" tells the request
    if _OTHER_VOICE_RE.match(s):
        # "被申请人于…收到申请人提交的申请，申请公开…" is the request; "被告于…作出《政府信息公开申请答复书》" is not
        return not _asks_outside_titles(s)
    return _AFTERMATH_RE.match(s) is not None and not _asks_outside_titles(s)


_QUOTED_CONTENT_RE = lazy_re.compile(_ASKED_CONTENT_RE.pattern + r"[^”\"」』]{2,200}[”\"」』]")


def _told_request(sentence: str) -> str | None:
    """The request quoted in another voice's sentence ("被告辩称：原告所申请的“…”已移交档案馆。" → "申请公开“…”。"),
    without the rest of what that voice says; None when the sentence is not such a one."""
    s = sentence.strip()
    if not (_OTHER_VOICE_RE.match(s) or _ARGUMENT_RE.match(s)):
        return None
    rest = _NOT_ASKING_RE.sub("", _REFUSED_RE.sub("", _NAMED_NOT_ASKED_RE.sub("", s)))
    if any(v in rest for v in REQUEST_VERBS):
        return None
    m = _QUOTED_CONTENT_RE.search(s)
    if m is None:
        return None
    quote = re.search(r"[“\"「『].*", m.group(0)).group(0)
    return f"申请公开{quote}。"


def without_proceedings(text: str) -> str:
    """``text`` without a restatement's procedural history (:func:`_is_proceeding`); the text itself when nothing
    asking is left."""
    cut = _AFTERMATH_SECTION_RE.sub("", text)
    sentences = re.split(r"(?<=[。！？!?\n])", cut)
    kept = [_told_request(s) or s for s in sentences if not _is_proceeding(s)]
    if kept == sentences and cut == text:
        return text
    rest = "".join(kept)
    return rest if any(v in rest for v in REQUEST_VERBS + WEAK_REQUEST_VERBS) else text


# A restatement's frame before what was asked: "经审理查明：2021年8月2日，原告向被告某市自然资源局提交政府信息公开申请
# 表，申请公开“…”" — who applied to whom, when and how; the content starts at the request verb.
_RESTATED_FRAME_RE = lazy_re.compile(
    r"[^。！？!?\n]*?向(?:原审)?(?:被告|被申请人|被上诉人|第三人)[^。！？!?\n]{0,60}?"
    r"(?=(?:申请|要求|请求)(?:公开|获取|提供|查阅)|请(?:求)?(?:公开|提供))")


# The agency's answer told in the same sentence as the request ("原告申请公开…，被告以属于内部管理信息为由不予公开。",
# "…，被告向原告提供了征地公告", "…，该局答复称已责令改正"): what the office answered, not what was asked — cut from
# that clause to the end of its sentence.  "…，被告作出的补偿决定" (an item naming the agency's record) is kept.
_AGENCY_VOICE = (r"(?:原审被告|被告|被申请人|被上诉人|该(?:局|委|办|机关|单位|部门|政府)|"
                 r"(?:(?!请|要求|申请|希望|就|对|向|贵|你|我)[\u4e00-\u9fff]){1,14}?(?:局|人民政府|政府|委员会|办事处|管委会|派出所|中心))")
_ANSWER_CLAUSE_RE = lazy_re.compile(
    r"[，,；;]\s*" + _AGENCY_VOICE + r"(?:[^，,。；;！？!?\n的]{0,20}?)"
    r"(?:答复(?!书)|回复(?!函|单)|告知(?!书|单)|认为|辩称|称(?:该|此|上述|所)|以[^，,。；;\n]{1,40}?为由|"
    r"向(?:原告|申请人|上诉人|其)(?:邮寄|送达|提供|出具)|提供了|未予?(?:答复|公开|提供|处理|受理)|逾期|未在法定|"
    r"(?:不予|拒绝)(?:公开|提供|答复|处理|受理)(?![^，,。；;！？!?\n]{0,6}(?:决定书|通知书|告知书|答复书)))"
    r"(?![^，,。；;！？!?\n]{0,4}的)[^。！？!?\n]*")


# "…，区规划局认为该小区符合规划的依据": a clause that ends in a record asked for is an item, not the answer.
_ENDS_IN_RECORD_RE = lazy_re.compile(r"的(?:依据|文件|材料|记录|决定书?|报告|通知书?|批复|意见|说明)$")


def without_answer_clauses(text: str) -> str:
    """``text`` without the agency's answer told inside a request's sentence (:data:`_ANSWER_CLAUSE_RE`)."""
    def cut(m: re.Match) -> str:
        clause = re.split(r"[，,；;]", m.group(0).lstrip("，,；; "), maxsplit=1)[0]
        return m.group(0) if _ENDS_IN_RECORD_RE.search(clause.rstrip("。 ")) else ""

    rest = _ANSWER_CLAUSE_RE.sub(cut, text)
    # "原告诉称，被告在答复中称“资金拨付台账”需另行统计…": when nothing asking is left, the answer carried the request
    # ("申请人认为，被申请人以…为由拒绝公开…": "申请人" names a party, it asks nothing)
    if rest != text and not asks_any_verb(rest):
        return text
    return rest


def without_restated_frame(text: str) -> str:
    """``text`` with each sentence's restatement frame (:data:`_RESTATED_FRAME_RE`) taken off."""
    sentences = re.split(r"(?<=[。！？!?\n])", text)
    return "".join(_RESTATED_FRAME_RE.sub("", s, count=1) if _RESTATED_FRAME_RE.match(s) else s for s in sentences)


# A party's own particulars in a restatement's header ("原告李某（身份证号略）", "原告王某某，男，1962年3月出生，汉族，住
# 某县某镇…"): who the party is, not what was asked for; their ID or birth date is not a third party's record.
_PARTY_ROLE = r"(?:原告|被告|上诉人|被上诉人|原审原告|原审被告|再审申请人|被申请人|复议申请人|申请人|第三人|申诉人)"
_PARTY_NAME = r"(?:(?!申请|公开|要求|向|称|于)[\u4e00-\u9fa5×＊*XＸ]){1,4}"
_PARTY_PAREN_RE = lazy_re.compile(r"(" + _PARTY_ROLE + r"(?:[（(][^（）()\n]{2,8}[）)])?" + _PARTY_NAME + r")[（(][^（）()\n]{0,60}?"
                             r"(?:身份证|身份号码|证件号|出生|[男女][，,、]|住址?|汉族|略)[^（）()\n]{0,60}?[）)]")
_PARTY_SENTENCE_RE = lazy_re.compile(r"(?m)^\s*" + _PARTY_ROLE + r"(?:[（(][^（）()\n]{2,8}[）)])?" + _PARTY_NAME + r"[，,]\s*[男女][，,][^。\n]*(?:。|$)")


def without_party_particulars(text: str) -> str:
    """``text`` without the parties' own particulars (:data:`_PARTY_PAREN_RE`, :data:`_PARTY_SENTENCE_RE`)."""
    kept = _PARTY_SENTENCE_RE.sub("", _PARTY_PAREN_RE.sub(r"\1", text))
    return kept if kept.strip() else text
