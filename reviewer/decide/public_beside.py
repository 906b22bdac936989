"""A request that lists a record plainly public beside one a ground may withhold (第三十七条, 区分处理).

"本片区的征收补偿方案、征收决定公告，还有隔壁刘某某家的补偿协议", "部门预算和部门决算，另外请一并提供研究预算分配时的
讨论记录": the public records are given and only the other part is weighed, so most of the ground's share goes to
部分公开 (:data:`~reviewer.decide.ranking.BESIDE_PARTIAL_SHARE`) — a draft must never refuse the public records with
it.  The list need not split into items (:mod:`~reviewer.decide.record_lists` splits only self-contained parts); the
reading here is clause by clause: a clause that holds a cue naming a ground, and another clause, free of any such
cue, that ends with a kind of record published by law or by practice (a plan, a budget, a notice, a decision, a
permit, a result, a list already 公示).
"""

from __future__ import annotations

import re

from reviewer.text import lazy_re

# The separators between the records of a list, and the words that lead a further one ("另外请一并提供", "还有").
_CLAUSE_SEP_RE = lazy_re.compile(r"[，,；;。、\n]|以及|还有|另外|另附|并且|同时|及其|及|和|与")
# A kind of record that is the outcome made public (第十九、二十条 and 第二十条's 行政许可、行政处罚的结果), at the end of
# a clause ("…的复印件/全文" allowed after it).
_PUBLIC_END_RE = lazy_re.compile(
    r"(?:公告|公示(?:名单|结果)?|(?:补偿|安置|实施|工作|配置|分配|招生|招聘)?方案|预算|决算|(?:收费|补偿|补贴|发放|救助)?标准|办法|规定|"
    r"细则|(?:的)?通知|决定书?|批复(?:文件)?|审批意见书|许可证|规划(?:图)?|中标(?:结果|通知书)|(?:抽检|检查|评审|审批|审核|配租|分配|中标|招标|录取|考试|评选)结果|"
    r"(?:面试|笔试|考试|考核|总)成绩|审计(?:结果)?(?:报告|公告)|环境影响(?:报告书|报告表)(?:全本)?|"
    r"(?:配置|竞价|摇号|验收)结果|(?:生产安全)?事故调查报告|特许经营协议|(?:竣工)?验收(?:意见书?|报告)|(?:补助|补贴|救助|补偿)(?:资金|款)?发放(?:花名册|名册|清单|明细表)|(?:公示|公布|拟录用|拟聘用|拟聘|录用|聘用|中标|入围|获奖|表彰|资金拨付)[^，,；;。、]{0,8}名单|(?<!利润|收入|成本|资产|负债|工资|销售|营业|纳税|税额)总额|"
    r"(?:政府采购|出让)合同|政策(?:文件)?)"
    r"(?:的?(?:复印件|复制件|副本|原件|全文|正本|文件))?[”」』\s]*$")
_HAN_RE = lazy_re.compile(r"[\u4e00-\u9fff]")
# A clause that is not a public record however it ends: an internal or draft version ("内部实施方案", "讨论稿"), a
# bidder's own plan, or the narrator's account of one ("请示已报送但未获批复", "告知该案处罚决定书已在…公示").
_NOT_PUBLIC_RE = lazy_re.compile(r"内部|讨论|征求意见|草案|送审稿|初稿|审议稿|修改稿|投标|响应|技术(?:实施)?方案|"
                            r"未|没有|尚未|还没|告知|作出|答复|认为|称|诉|已在|已于|已经|"
                            # a secret or a security deployment is no public plan ("…安保力量部署方案（机密★）")
                            r"机密|绝密|秘密|涉密|密级|部署|安保|"
                            # the applicant's purpose ("以便“对比认定标准”")
                            r"以便|用于|对比")
# A sentence that goes on about the record just named ("据申请人描述，签字表载有各户业主姓名…", "该报告附件一为…"): read
# with the sentence before it.
_GOES_ON_RE = lazy_re.compile(r"^\s*(?:据(?:申请人)?(?:描述|了解|反映|称)|经了解|该|其中|上述|其|并(?:特别)?注明|附件中)")
# Only the grounds whose records are listed beside public ones: a third party's record, a case file, a process
# record.  Internal-affairs records come in lists of their own (考核打分明细和评优名额分配方案).
_BESIDE_GROUNDS = ("privacy", "trade_secret", "enforcement_file", "process_info")
_SENTENCE_RE = lazy_re.compile(r"[^。！？!?\n]+")


def _ground_texts(triage_result) -> list[str]:
    from reviewer.decide.ranking import hit_ground

    return [h.text for h in getattr(triage_result, "hits", []) or []
            if h.text and not getattr(h, "against", ()) and hit_ground(h) in _BESIDE_GROUNDS]


def _clauses(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _CLAUSE_SEP_RE.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def with_continuation(item_text: str, whole: str) -> str:
    """``item_text`` with the sentences right after it in ``whole`` that go on about the record it names
    (:data:`_GOES_ON_RE`): "…的审计报告。据申请人了解，该报告附件一列有借款人姓名和身份证号码。"."""
    at = whole.find(item_text) if item_text else -1
    if at < 0:
        return item_text
    out = item_text
    for m in _SENTENCE_RE.finditer(whole, at + len(item_text)):
        sentence = m.group(0).strip()
        if not sentence:
            continue
        if not _GOES_ON_RE.match(sentence):
            break
        out += "。" + sentence
    return out


# A public record asked with the personal data it holds named in brackets ("行政处罚决定书（含当事人身份证号码和家庭住址）"):
# the record is given with those fields covered (第三十七条), the brackets name what to cover.
_HOLDS_PERSONAL_RE = lazy_re.compile(r"(?P<rec>[^（(，,；;。\n]{2,60}?)[（(](?:[^）)]{0,16}?(?:上|中|里|内|后面|里面|上面)?)?"
                                r"(?:含|内含|包括|包含|载有|附有|附|列有|写有|写着|列着|有)[^）)]{0,30}?"
                                r"(?:身份证|银行(?:账号|卡号)|账号|住址|电话|手机)[^）)]{0,30}[）)]")


# The applicant's own record asked together with others' ("征收办与本人及同单元其余五户签订的补偿协议"): the own part is
# given, the others' weighed (第三十七条).
_OWN_AND_OTHERS_RE = lazy_re.compile(r"(?:本人|我家|我户|本户|申请人)(?:及|和|与|以及|、)[^。；，]{0,10}?"
                                r"(?:其余|其他|邻居|同单元|同楼|同村|同组|隔壁)[^。；，]{0,8}?(?:户|人|家)")


# The same said in the next sentence ("…的行政处罚决定书全文。该决定书载明了公司法定代表人的身份证号码和家庭住址。").
# (also as the applicant heard it, and in the clause after the record: "…汇总表，表上有被征收人姓名、身份证号…",
# "我听说决定书上写着经营者本人的姓名、身份证号和住址", "这张表列了每户户主姓名、身份证号")
_TOLD_HOLDS_RE = lazy_re.compile(r"^\s*(?:我们?|本人)?(?:听说|了解到|据了解|据悉)?[，,]?(?:该|上述|此|其|所述|这张|这份|这个)?"
                            r"[^，,。；;]{0,8}?(?:中|里|内|上|上面)?(?:还|均|都|亦)?"
                            r"(?:载明|载有|列有|含有|写有|写着|记载有?|附有|包括|包含|列了|有)(?:了|着)?[^。；;]{0,40}?"
                            r"(?:身份证|银行(?:账号|卡号)|账号|住址|电话|手机)")


def tells_fields(clause: str) -> bool:
    """Whether ``clause`` only tells the personal data of the record named before it ("决定书里有厂长个人的身份证号码"): part
    of that record's item, not a record of its own."""
    return bool(clause) and _TOLD_HOLDS_RE.match(clause) is not None


def holds_personal_in_brackets(text: str) -> bool:
    """Whether ``text`` asks for a record public by nature whose personal fields it names in brackets, or in the
    sentence right after it."""
    for m in _HOLDS_PERSONAL_RE.finditer(text or ""):
        own = m.group("rec").split("的")[-1]  # the record's own name, not the narrator's words before it
        if _PUBLIC_END_RE.search(m.group("rec")) and not _NOT_PUBLIC_RE.search(own):
            return True
    sentences = [m.group(0) for m in _SENTENCE_RE.finditer(text or "")]
    pairs = list(zip(sentences, sentences[1:]))
    for sentence in sentences:  # the clause after the record, in the same sentence
        parts = [p for p in re.split(r"[，,；;]", sentence) if p.strip()]
        pairs += list(zip(parts, parts[1:]))
    for asked, after in pairs:
        last = _clauses(asked)[-1:] or [(0, len(asked))]
        clause = asked[last[0][0]:last[0][1]]
        own = clause.split("的")[-1]
        if _TOLD_HOLDS_RE.match(after) and _PUBLIC_END_RE.search(clause) and not _NOT_PUBLIC_RE.search(own):
            return True
    return False


def lists_public_beside(text: str, triage_result) -> bool:
    """Whether a sentence of ``text`` lists a record public by nature in a clause of its own beside a clause where a
    cue of ``triage_result`` names a ground, or names in brackets the personal fields of such a record."""
    if not text:
        return False
    if holds_personal_in_brackets(text) or _OWN_AND_OTHERS_RE.search(text):
        return True  # (whatever named the ground: a cue, or the classifier alone on a short request)
    texts = _ground_texts(triage_result)
    if not texts:
        return False
    sentences = [m.group(0) for m in _SENTENCE_RE.finditer(text)]
    bodies = [a + "。" + b for a, b in zip(sentences, sentences[1:]) if _GOES_ON_RE.match(b)] + sentences
    for body in bodies:
        grounds = [(m.start(), m.end()) for g in texts for m in re.finditer(re.escape(g), body)]
        if not grounds:
            continue
        clauses = _clauses(body)
        withheld = [k for k, (a, b) in enumerate(clauses) if any(a < e and s < b for s, e in grounds)]
        if withheld and any(k not in withheld and len(_HAN_RE.findall(body[a:b])) >= 4
                            and _PUBLIC_END_RE.search(body[a:b]) and not _NOT_PUBLIC_RE.search(body[a:b])
                            for k, (a, b) in enumerate(clauses)):
            return True
    return False


# The applicant offers to take the record with the personal data left out ("个人养殖户的身份证号码、银行账号…请遮蔽后提供",
# "报告中其他农户的身份证号码等信息可以隐去"): what is asked for is the rest — 部分公开 (第三十七条) rather than withholding.
REDACTION_OFFERED_RE = lazy_re.compile(
    r"(?:身份证(?:号码?)?|银行(?:卡号|账号)|账号|(?:联系)?电话|手机号(?:码)?|住址|个人信息|个人隐私|隐私(?:信息|部分)?|商业秘密)"
    r"[^。；]{0,30}?(?:可以|可|请|予以|请予|均可|都可以)?(?:隐去|遮蔽|遮盖|屏蔽|隐藏|打码|涂黑|去除|删去|删除|遮掉|盖掉|涂掉|去掉|抹掉)(?:后)?(?:提供|公开)?|"
    # "其他投标人的报价明细和技术方案可能涉及商业秘密，这些部分可以不提供"
    r"(?:商业秘密|个人隐私|个人信息|隐私)[^。]{0,16}?(?:这些|这部分|该部分|上述)?(?:部分|内容|信息)?(?:可以|可)不(?:提供|公开|给)|"
    r"(?:隐去|遮蔽|遮盖|屏蔽|隐藏|删除|去除)(?:掉)?[^。；，]{0,16}?(?:个人信息|身份证|银行账号|隐私|联系方式)[^。；，]{0,10}?后"
    r"(?:可以|可|再|予以)?(?:提供|公开|给)|"
    # a court or review body that finds the parts separable ("得分表不涉及上述内容，可以单独提供", "可与附件中的…个人信息区分开来")
    r"(?<!不)(?<!无法)(?<!不能)(?:可以|可|能够|能)单独(?:提供|公开)|(?<!不)(?<!无法)(?<!不能)(?:可以|可|能够|能)(?:与[^。；]{1,30}?)?区分(?:开来|开|处理)")


def redaction_offered(text: str) -> bool:
    """Whether the request offers to take the record with personal data (or trade secrets) left out, or a
    restatement finds its parts separable."""
    return bool(text) and REDACTION_OFFERED_RE.search(text) is not None
