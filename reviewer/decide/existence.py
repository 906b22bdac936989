"""Step 有没有: does this organ hold the information, and has it been searched for?

No candidate document is not "the information does not exist": it means "not yet searched".  The review
says what to search and where; 信息不存在 is drafted only once a search record is given (最高人民法院
指导案例101号).  An unreadable document (e.g. a scanned PDF) is not a missing one: it must be read by a
person before anything is answered.
"""

from __future__ import annotations

import re

import regex

from reviewer.decide.documents import DocumentView
from reviewer.decide.request import requested_object, unquote
from reviewer.text import lazy_re

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


# "申请公开贵局…的", "我现依法向你局申请获取" — the request's verb and the agency it is addressed to.
_LEAD_RE = lazy_re.compile(
    r"^(?:我(?![家们])|本人|申请人|我单位|我公司|我们(?!家))?(?:现|特|再次)?(?:依法|根据[^，。]{0,40}?规定)?[，,]?"
    r"(?:向(?:贵|你)[\u4e00-\u9fff]{0,3})?(?:申请|要求|请求|请)?(?:公开|获取|提供|查阅|复制)?")
_AGENCY_RE = lazy_re.compile(
    r"(?:贵|你|该|本)(?:局|委|办|单位|机关|府|院|厅|部|中心|所|署|司|处|站|队|县|市|区|镇|街道|乡)"
    r"(?:(?:作出|制作|保存|出具|印发|下发|发布|收到|掌握|持有)的)?(?:的)?")
# Split a list of items at 、，； 及 以及 and at 和/与 after a document noun ("招标文件和中标通知书"), not inside
# names such as 住房和城乡建设局.
_DOC_NOUN = r"(?:文件|书|表|协议|合同|纪要|报告|通知|批复|方案|记录|材料|情况|信息|证|图|单|函|意见|决定|公告|名单|明细|清单|册)"
_SPLIT_RE = regex.compile(rf"[、，,；;]|以及|及其?|(?<={_DOC_NOUN})(?:和|与)")
# An organ named before what it holds ("示例县住房和城乡建设局2019年…项目") is where to search, not what.
_LEADING_ORGAN_RE = lazy_re.compile(r"^[\u4e00-\u9fff]{1,20}?(?:局|委员会|委(?![会员])|办公室|人民政府|政府|厅|管委会|中心)")
MAX_KEYWORDS = 6
# Prepositions and pointers before a keyword ("对该违建", "关于上述地块", "涉案房屋"): not part of any title.
# (and everyday pointers: "那个停车收费的文件", "他们的投标报价单", "我家的拆迁协议")
_POINTER_RE = lazy_re.compile(r"^(?:对于|对|关于|有关|涉及|就|针对)?(?:该|此|上述|前述|所述|案涉|涉案|本案|那个|这个|那份|这份|那些|这些|同一份|同一|"
                         r"他们|他家|她家|他|她|我家|我们家|本户|我的|我们的|本人的)?")
_REMARK_RE = lazy_re.compile(r"[（(][^（）()]{1,40}[）)]")
# "对我本人作出的行政拘留决定", "向原告送达的告知书": to whom an act was done is not in the record's title.
_DONE_TO_RE = lazy_re.compile(r"^(?:对|向|给|为)?(?:我本人|我们|我家|本人|我|申请人|原告|上诉人|其本人|其)(?:本人)?(?:所)?"
                         r"(?:作出|做出|下达|送达|出具|核发|颁发|发出)的?")


_DISCLOSURE_LAW_RE = lazy_re.compile(r"政府信息公开条例")
# Words a search never finds in a record's title: the parties' and the story's voice ("我们老百姓也好心里有个数",
# "经审理查明", "被告以已答复为由不予处理"), greetings, requests ("要求被申请人公开…").
_NARRATION_RE = lazy_re.compile(r"查明|诉称|辩称|认为|为由|说(?!明)|不予|答复(?!书)|要求|请求|申请(?:公开|获取|提供)|提出|告知|"
                           r"^(?:请(?!示)|麻烦|能否|是否|你好|您好)")
_PERSON_WORD_RE = lazy_re.compile(r"[你您我她]|他(?!人)")
# A date or preposition before the words of a title: "于2019年对本人房屋…" → "对本人房屋", "依据东湖片区专家论证会纪要".
_LEADING_ADVERBIAL_RE = lazy_re.compile(r"^(?:于|在|自|从)(?=(?:19|20)\d{2}|[一二][〇零])|"
                                   r"^(?:19|20)\d{2}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?=对|向|给|为|在|就)|^(?:依据|根据|按照|依照|参照)(?=.{4,})")
# What remains of a modifier that only says the record was sent or done to someone: "向区政府报送", "对本人房屋".
_SENT_TO_RE = lazy_re.compile(r"^向[^的]{1,12}(?:报送|提交|上报|报请|发出|送达|出具|发送|呈报)$")
_OWN_THING_RE = lazy_re.compile(r"^(?:对|向|给|为)?(?:我本人|本人|我家|我们|我|申请人|原告|上诉人|其本人|其)(?:的)?"
                           r"(?:房屋|住房|房子|土地|宅基地|承包地|户|家|名下)?$")
# The applicant's own thing named before the record: "本人2016年低保审批决定", "对本人的处罚决定".
_OWN_PREFIX_RE = lazy_re.compile(r"^(?:对|为)?(?:我本人|本人|我家|申请人|原告|上诉人|其本人)(?:的)?(?=.{4,})")
# A party named before the words ("被告对原告经营场所", "被申请人2022年对其"); what one wants ("我要的是…", "要局里的…").
_PARTY_PREFIX_RE = lazy_re.compile(r"^(?:原审被告|被告|被申请人|被上诉人|第三人|我要的是|要的是|我要|要(?!点|求)|其(?![中他它余实次])|就)(?=.{2,})")
# Not a title but the circumstances of one: to whom or where (向县政府, 在…中形成), when (…迁出时, 作出该决定前), a
# law cited (依《条例》第九条), or a story ("在网上买了东西被骗").
_CIRCUMSTANCE_RE = lazy_re.compile(r"^(?:向|在|依《|依照《|根据《|其中)|(?:时|之前|以前|之后|以后|前|后|过程中|期间)$|《[^》]*条例》第")
# Words too general to search on their own.
_GENERIC_WORDS = frozenset({"依据", "信息", "情况", "内容", "有关", "相关", "全部",
                            # what a pointer left behind ("该工程的…", "对我家房屋的…"): no title is searched by it alone
                            "工程", "项目", "房屋", "地块", "公司", "单位", "案件", "小区", "事项", "事故", "企业", "医院", "学校"})


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def search_keywords(item) -> list[str]:
    """What to search for: the item's 文号 and titles in 《》 when it names them; else the things it asks for —
    each listed document ("…的招标文件和中标通知书" → 招标文件, 中标通知书) and what they are about (城区道路维修
    工程) — without the request's verb, the addressed agency or the delivery form; then its periods."""
    # only what the item asks for: "根据《中华人民共和国政府信息公开条例》的规定，本人申请公开…" cites the law it applies under
    asked = requested_object(item.text)
    words: list[str] = [n for n in item.doc_numbers if n in asked or _compact(n) in _compact(asked)]
    words += [t for t in re.findall(r"《([^》]{2,60})》", asked) if t not in words and not _DISCLOSURE_LAW_RE.search(t)]
    if not words:
        words = _object_words(item.text, item.periods)
    return words[:MAX_KEYWORDS] + [p for p in item.periods if p not in words]


def _object_words(text: str, periods: list[str] = ()) -> list[str]:
    body = unquote(_LEAD_RE.sub("", requested_object(text), count=1))
    body = re.sub(r"^(?:被告|被申请人|被上诉人|原审被告)", "", body)  # a restatement's party name before the organ
    body = _AGENCY_RE.sub("", body)
    # "…花名册（含其他农户的领取金额）": a bracketed remark qualifies the document, it is not a keyword of its own
    body = _REMARK_RE.sub("", body)
    words: list[str] = []

    def clean(word: str, first: bool) -> str:
        word = _LEADING_ADVERBIAL_RE.sub("", word, count=1)
        word = _strip_periods(word, periods)  # "2019年对本人房屋作出": the period is listed on its own
        word = _POINTER_RE.sub("", word.strip(" 　的之"), count=1)  # "对该违建" → "违建": not a word a search finds
        word = _DONE_TO_RE.sub("", word, count=1)
        word = re.sub(r"(?:所)?(?:作出|做出|下达|出具|核发|颁发|送达)$", "", word)  # "对某公司作出的…" → 某公司
        word = re.sub(r"^(?:全部|所有|有关|相关)(?=.{2,})", "", word)  # "全部案卷材料" → 案卷材料
        bare = _LEADING_ORGAN_RE.sub("", word, count=1) if first else word  # once: "区委常委会…" is not two organs
        if len(bare) >= 4:
            word = bare
        word = _OWN_PREFIX_RE.sub("", word, count=1)  # "本人2016年低保审批决定" → 低保审批决定
        word = _PARTY_PREFIX_RE.sub("", word, count=1)  # "被告对原告经营场所" → 对原告经营场所 (then cleaned again)
        return _strip_periods(word, periods)  # listed separately after the words

    def add(word: str) -> None:
        word = re.split(r"\s*[【\[]", word.strip(), maxsplit=1)[0].strip(" 　的之：:")  # "…记录 【获取信息…" (a form)
        if word[:1] in "“\"「『" and not re.search(r"[”\"」』]", word[1:]):
            word = word[1:]  # a quote opened before the split: "“三公”经费…" keeps its own pair
        if word[-1:] in "”\"」』" and not re.search(r"[“\"「『]", word[:-1]):
            word = word[:-1]
        if "。" in word or _NARRATION_RE.search(word):
            return
        for n in range(3):  # "卫健委对该医院作出" → "对该医院" → "医院": each step may uncover another
            cleaned = clean(word, n == 0)
            if cleaned == word:
                break
            word = cleaned
        if _SENT_TO_RE.match(word) or _OWN_THING_RE.match(word) or _PERSON_WORD_RE.search(word) \
                or _CIRCUMSTANCE_RE.search(word) or word in _GENERIC_WORDS:
            return
        if 2 <= len(word) <= 24 and word not in words and not re.fullmatch(r"[\d年月日度至到—\-]+", word):
            words.append(word)

    subject = ""
    parts = [p for p in _SPLIT_RE.split(body) if p and p.strip()]
    for part in parts:
        part = part.strip()
        if "的" in part:
            modifier, _, head = part.rpartition("的")
            subject = modifier
            add(modifier)
            add(head)
        else:
            add(part)
    if not words and subject:
        add(subject)
    if not words:  # nothing usable: the item's characteristic words
        from reviewer.decide.catalog import _title_tokens

        words = [t for t in sorted(_title_tokens(text), key=len, reverse=True)
                 if len(t) >= 2 and not _PERSON_WORD_RE.search(t) and not _NARRATION_RE.search(t)
                 and t not in _GENERIC_WORDS][:4]
    return words


def _strip_periods(word: str, periods) -> str:
    for period in periods:
        if word.startswith(period) and len(word) - len(period) >= 2:
            word = word[len(period):]
    return word


def search_plan(item) -> str:
    """Staff action: what to search and where, for one item."""
    keywords = "、".join(f"“{k}”" for k in search_keywords(item)) or "申请所述信息的名称"
    return (f"事项{item.index}尚未检索：请在{SEARCH_PLACES}中以{keywords}为关键词检索，"
            "记录检索系统、关键词、期间、检索人和结果；找到文件后用 --doc 重新审查，确实没有的用 --searched 提供检索记录后"
            "才能答复“信息不存在”（指导案例101号）。")


# 有没有 before 给不给: 需要另行制作 (第三十八条) is a request-level outcome only when the request asks for work on
# the records — a needs-creation cue of rules/triage.yaml (统计、汇总、分析、逐年列表、多年的流向/明细 …).  A request
# that names an existing record (发放明细, 名册, 报告 …) without such wording is searched first: "if the answer exists
# in a document, redact and provide; only label 需另行制作 when no record contains it" (ogi-law.md §5.2 item 6,
# 第三十七、三十八条).  The classifier alone never drafts a 需加工 refusal of a named record.
NEEDS_CREATION = "unavailable.needs_creation"


def creation_cue(triage_result) -> bool:
    """Whether a needs-creation cue (explicit 统计/汇总/分析 wording) fired on the request."""
    return any(getattr(h, "outcome", None) == NEEDS_CREATION for h in getattr(triage_result, "hits", None) or [])


def names_existing_record(text: str) -> bool:
    """The text names a record a search can find (a title, a 文号 or an unhedged kind: 明细、名单、报告 …)."""
    from reviewer.decide.description import has_characteristic

    return has_characteristic(text)


# Wording that asks for the work even where no cue fires ("对比分析", "整理成一张对比表", "形成对比分析报告", "以表格形式
#列出"): the record named is one to be made, not one to search for.  The nouns (统计报表, 汇总表, 分析报告) are not it.
COMPILE_RE = lazy_re.compile(
    r"(?:统计|汇总|整理|对比|比对|分析|计算|核算|折算|测算|排序|排名|加总|合计|归纳|梳理)"
    r"(?!表|报表|年报|公报|年鉴|报告|局|数据|结果|口径|资料|台账)|列出|列表|列(?:个|一个|一张|一份|一下)|做成|制成|"
    r"做(?:一份|个|一个|一张)|整理成|(?<!怎么)(?<!如何)(?<!怎样)算(?:一下|出|出来)|排出来|比较|"
    r"形成[^。；]{0,12}(?:报告|表)|[以用]表格|"
    # a figure for each one of many ("全市每一辆巡游出租汽车的年平均营运里程"): computed per unit, not a record kept
    r"每一?(?:辆|个|户|家|名|位|所|条|台|艘|件|宗|起|笔)[^。；]{0,24}?(?:年|月|日)?(?:平均|均值|人均|户均)|"
    # a share, a breakdown or an average of many cases ("不予认定工伤的比例", "学历构成、职业构成及婚龄分布情况")
    r"(?:比例|占比|构成|分布情况|平均用时|平均时长)(?![^。；，]{0,3}(?:文件|规定|标准|依据|方案|通知|办法|表|图))")


def settle_creation(triage_result, text: str):
    """(triage, note): the triage with its 需加工 share folded into the ordinary request when no needs-creation
    cue fired and ``text`` names an existing record; the staff note says so when that share led the request-level
    outcomes.  Otherwise the triage unchanged and None."""
    from reviewer.decide.triage import set_aside

    p = float((getattr(triage_result, "probabilities", None) or {}).get(NEEDS_CREATION, 0.0))
    if not p or creation_cue(triage_result) or COMPILE_RE.search(text) or not names_existing_record(text):
        return triage_result, None
    settled, p, leading = set_aside(triage_result, NEEDS_CREATION)
    note = None
    if leading:
        note = (f"分类器倾向“需要加工分析”（{p:.2f}），但申请指向现有的记录，且未要求统计、汇总、分析：第三十八条只适用于"
                "需要对现有信息加工、分析的情形，先按一般申请检索；找到的记录中有答案的，区分处理后提供（第三十七条）。"
                "检索后确实没有现成记录、须另行汇总制作的，再改答“需要加工分析”。")
    return settled, note
