"""Step 补不补 (第二十九条, 第三十条): does the request describe what it asks for?

补正 only for a NAMED missing element, and only once.  A missing 获取方式 is not one: the office chooses the form
when the applicant does not (第四十条).  The description (名称、文号或者便于查询的其他特征性描述) is missing when
nothing specific is left once generic words are removed, or when the triage reads the request as unclear and no item
names anything a search could find: a title (《…》), a 文号, a kind of document not hedged by 那个/相关/所有…, the
records of one act (:func:`has_characteristic`), or a named matter (:func:`names_matter`).  It is missing too when
the applicant says so: two of the record's name, 文号, date and maker admitted unknown, or the record left to the organ
to work out (:func:`admits_unknown`).
"""

from __future__ import annotations

import re

from reviewer.decide.request import (
    DESCRIPTION_ELEMENT,
    DOC_NUMBER_RE,
    REQUEST_VERB_RE,
    Request,
    requested_object,
)
from reviewer.text import lazy_re

FORM_ELEMENT = "形式要求"

# Kinds of document a search can look for (a request naming one is specific enough to search, unless the
# name is hedged: "那份通知", "相关批复", "所有会议材料").  Generic words (文件、材料、资料、信息、情况) are not kinds.
DOCUMENT_KIND_RE = lazy_re.compile(
    r"协议|合同|批复|批文|决定书?|通知书?|通告|方案|纪要|许可证|证书|证明|报告书?|年报|月报|季报|公报|笔录|记录|名册|花名册|名单|清单|公告|公示|"
    r"(?:审批|登记|申请|调查|测量|丈量|评估)表|台账|明细|请示|函|规划|预算|决算|图纸|[地线]图|卷宗|案卷|档案|账目|账簿|"
    r"凭证|发票|投标文件|招标文件|标书|意见书|鉴定|备案|执照|许可|审计|验收|答复书|告知书|决定|裁定|细则|办法|规定|条例|标准|政策文件|(?:办事|服务|操作|申报|办理)指南|须知|"
    r"(?:报价|验收|结算|缴费|收费|送达|派工|出库|入库|调拨|处罚|罚款)单|"
    # any form or table (资产负债表, 汇总表, 一览表) — not the verbs 表示/表明/表达/表决/表彰/表态
    r"(?<=[\u4e00-\u9fa5]{2})表(?![示明达决彰态扬述])|登记(?:信息|资料|簿|册)|户籍"
)
# The records one act of the office produced ("处理我家宅基地纠纷时形成的", "对我店铺进行检查时的"): a case file a search can
# find (其他特征性描述, 第二十九条第二款第（二）项), unlike an open relation ("与我家拆迁有关的").
ACT_RECORDS_RE = lazy_re.compile(
    r"(?:办理|处理|审批|审查|查处|调查|检查|作出|实施|组织|召开|拆除|征收|受理|核查|执法)[^。；，、]{0,20}?"
    r"(?:时|过程中|期间)(?:所)?(?:形成|制作|产生|收集|拍摄|录制|调取)?的")
# One act done to the applicant, their family or their property ("文革期间我祖父被没收房产的相关处理文件", "我家房子被强拆的
# 有关材料"): the records of that act are found under the applicant's or the family member's name.
OWN_ACT_RE = lazy_re.compile(
    r"(?:我|本人|申请人|原告|上诉人)(?:的)?(?:家|们家|父亲|母亲|爸爸|妈妈|祖父|祖母|爷爷|奶奶|外公|外婆|丈夫|妻子|儿子|女儿|"
    r"公司|店|厂)?(?:的)?[^，。；、]{0,10}?被[^，。；、]{0,8}?"
    r"(?:没收|拆除|强拆|拆了|拆掉|征收|征用|处罚|罚款|处分|收回|查封|扣押|注销|吊销|开除|辞退|除名|下放|认定|划为|划成|关停|"
    r"拘留|传唤|留置|收容|羁押|强制隔离|扣分|扣车|立案|查处)"
    # … and the records of it asked for ("…是否合法？" asks a question about the act, not for its records)
    r"[^，。；？?！!]{0,12}?的(?:全部|所有)?(?:相关|有关)?(?:处理|处罚|认定|审批|执法|案件)?"
    r"(?:文件|材料|资料|记录|档案|手续|文书|卷宗|案卷|笔录)")
# The records of one named case ("派出所处理我被打一案的全部材料", "对某某公司偷税案件的检查底稿"): a case is found by its
# parties and its matter, like a file number (其他特征性描述); "该案件的", "相关案件的", "所有案件的" name none.
CASE_RECORDS_RE = lazy_re.compile(
    r"(?<=[\u4e00-\u9fa5]{3})(?<![该此本这那各每])(?<!相关|有关|所有|全部|其他|其它|上述|各类|各种|这个|那个|这些|那些)"
    r"(?:一案|案件|事件)(?:的|中的?|中形成的)(?:全部|所有|一切)?(?:相关|有关)?[^，。；、]{0,6}?"
    r"(?:材料|资料|文件|记录|卷宗|案卷|笔录|证据|文书|档案|底稿)")
# A title in 《》 is a characteristic, except the law a request is made under ("根据《…政府信息公开条例》的规定").
_TITLE_RE = lazy_re.compile(r"《[^》]{2,80}》")
_BASIS_RE = lazy_re.compile(r"(?:(?:根据|依据|依照|按照|依)《[^》]{2,80}》|《(?:中华人民共和国)?政府信息公开条例》)"
                       r"(?:第[^，。；]{1,12}?条)?(?:的|之)?(?:有关|相关)?(?:规定)?")
# "所有与本人有关的文件、材料、记录": every record about a matter, listed by kind — no record a search could find.
_ALL_ABOUT_RE = lazy_re.compile(r"(?:所有|全部|一切)[^。；，]{0,12}?(?:有关|相关)的?(?:(?:文件|材料|资料|记录|信息|档案|东西)[、和及与]?)+")
# "与快递行业有关的一切文件、会议材料、检查记录、处罚决定…": everything about a matter, the list after 一切/所有 included.
_ALL_LIST_RE = lazy_re.compile(r"(?:有关|相关)的?(?:一切|所有|全部)[^。；\n]*")
# Words that hedge a kind into "whichever one": the two to four characters before the kind.
HEDGE_RE = lazy_re.compile(r"那|这|相关|有关|所有|全部|一切|上述|其他|其它|该|各种|各类|任何|某些|等")
# The triage probability of 补正 from which an unanchored request counts as lacking a description.
UNCLEAR_TRIAGE_MIN = 0.5


def has_characteristic(text: str) -> bool:
    """Whether ``text`` names something a search can find: a title, a 文号, an unhedged kind of document, or the
    records of one act of the office or of one case (:data:`ACT_RECORDS_RE`, :data:`OWN_ACT_RE`,
    :data:`CASE_RECORDS_RE`)."""
    text = _ALL_LIST_RE.sub("", _ALL_ABOUT_RE.sub("", _BASIS_RE.sub("", _FORM_LABEL_RE.sub("", text))))
    text = _APPLICATION_FORM_RE.sub("", text)
    if (_TITLE_RE.search(text) or DOC_NUMBER_RE.search(text) or ACT_RECORDS_RE.search(text) or OWN_ACT_RE.search(text)
            or CASE_RECORDS_RE.search(text)):
        return True
    for m in DOCUMENT_KIND_RE.finditer(text):
        before = text[max(0, m.start() - 4):m.start()]
        if _VERB_USE_RE.search(before):  # "你们是咋规定的", "是否决定": the word as a verb names no record
            continue
        if not HEDGE_RE.search(before) or _SPECIFIED_DEMONSTRATIVE_RE.search(text[:m.start()]):
            return True
    return any(_described_by_subject(sentence) for sentence in _SENTENCE_SPLIT_RE.split(text))


_SENTENCE_SPLIT_RE = lazy_re.compile(r"[。；;！!？?\n]")
# The application form a text is written on ("政府信息公开申请登记表“申请内容”栏原文", "申请书中"): what carries the request,
# not a record asked for.
_APPLICATION_FORM_RE = lazy_re.compile(r"(?:政府信息公开)?申请(?:登记)?(?:表|书)(?:[“\"「][^”\"」]{1,12}[”\"」])?(?:一?栏)?(?:原文)?")
# A kind word used as a verb: "咋规定的", "如何决定", "是否备案".
_VERB_USE_RE = lazy_re.compile(r"(?:咋|怎么|怎样|如何|是否|有无|有没有|没有)$")
# A register's label ("【电话记录（代填申请）】", "【内部流转单】"): what the text is, not a record asked for.
_FORM_LABEL_RE = lazy_re.compile(r"【[^【】]{1,20}】")


def _described_by_subject(sentence: str) -> bool:
    """A subject (关于…的文件, or a matter the public knows a policy by) with, in the same sentence, a year or an issuer."""
    subject = _ABOUT_WHAT_RE.search(sentence) is not None or any(
        not HEDGE_RE.search(sentence[max(0, m.start() - 6):m.start()]) for m in _SUBJECT_DOC_RE.finditer(sentence))
    return subject and _WHEN_OR_WHO_RE.search(sentence) is not None


# "拆我家房子的那个决定书": a demonstrative after a modifier that ends in 的 points at one record, it does not hedge.
_SPECIFIED_DEMONSTRATIVE_RE = lazy_re.compile(r"[\u4e00-\u9fa5]{4,}的(?:那|这)(?:个|份|张|本|件)?$")
# "2024年区里发的那个关于停车收费的文件": a subject (关于…的) with a year or an issuer is a description a search can use
# (第二十九条第二款第（二）项), although 文件 names no kind.
# ("那个关于拆迁的事情的材料": 事情 names no matter a search can use; nor does "关于我们那片儿的文件")
_ABOUT_WHAT_RE = lazy_re.compile(r"关于[^，。；、]{2,30}?(?<!事情|的事|那事|这事|些事|那片|这片|那块|这块|那边|这边|那里|这里)(?<!那片儿)的(?:那|这)?(?:个|份|件|些)?(?:文件|材料|资料|政策|精神)")
# "去年我们小区加装电梯的补贴文件，就是区里发的那个": a subject the public knows a policy by, without 关于.
_SUBJECT_DOC_RE = lazy_re.compile(r"(?:电梯|停车|拆迁|征收|征地|低保|医保|社保|养老金|招生|入学|学区|物业费|供暖|燃气|限行|禁烧|禁放|"
                             r"公积金)(?:(?!相关|有关|所有|全部|一切|其他)[\u4e00-\u9fa5]){0,6}?的?(?:那|这)?(?:个|份|件)?"
                             r"(?:文件|政策|通知|规定|办法)")
_WHEN_OR_WHO_RE = lazy_re.compile(r"(?:19|20)\d{2}年|去年|前年|今年|上半年|下半年|"
                             r"(?:省|市|区|县|镇|乡|街道|局|委|办|政府|部)(?:里)?(?:发|印发|下发|出台|制定|颁布)")


# A specific matter named with what about it ("某村修路资金使用情况", "幸福小区加装电梯项目的补助资金"): a village, compound,
# project or parcel and a topic — a description a search can start from (第二十九条第二款第（二）项: 便于查询的其他特征性
# 描述) although it names no record.  "我们村", "本村", "该项目", "这个项目", "在社区开会" are not named; 村委/村民 are not
# places.
_MATTER_UNIT_RE = lazy_re.compile(r"(?<=[\u4e00-\u9fa5某×])(?<![我本们该那这各每个在到去回进住])(?:村|社区|小区|项目|工程|地块|片区|宗地)(?![委民])")
_MATTER_TOPIC_RE = lazy_re.compile(r"资金|经费|补偿款|补助|款项|修建|修路|建设|改造|拆迁|征收|征地|承包|出让|审批|收费")


def names_matter(text: str) -> bool:
    """Whether ``text`` names a specific place or project together with a topic (:data:`_MATTER_UNIT_RE`)."""
    return _MATTER_UNIT_RE.search(text) is not None and _MATTER_TOPIC_RE.search(text) is not None


# The applicant's own word that the description cannot say what the record is: two or more of its name, 文号, date and
# maker admitted unknown ("文件名我不知道，文号我没有", "哪一年哪个部门发的都记不得了"), or the record left to the
# organ to work out ("你们自己查", "你们心里清楚", "包括但不限于…").
_UNKNOWN = r"(?:不知道|不晓得|不清楚|记不(?:得|清|起来?)|不记得|忘(?:了|记了)|说不(?:清|上来)|写不出|没有|没法(?:写|说)|不详|搞不清)"
_UNKNOWN_ELEMENTS = {
    "name": r"(?:文件名(?:称|字)?|名称|名字|题目|标题|叫(?:啥|什么)(?:名(?:字)?)?)",
    "number": r"(?:文号|编号|字号)",
    "date": r"(?:哪一?年|哪个(?:月|时候)|什么时候|具体时间|发文时间|年份|日期)",
    "maker": r"(?:哪个(?:部门|单位|机关)|(?:经办|发文|制作)(?:部门|单位|机关))",
}
_LEFT_TO_ORGAN_RE = lazy_re.compile(r"你们(?:自己|自个儿)(?:去)?查|你们(?:心里|心裏)(?:清楚|有数|明白)|你们(?:自己)?(?:心里)?(?:没数|知道是哪)|"
                               r"(?:全部|所有|一切)[^。；]{0,16}?(?:政府信息|信息|文件|材料|资料|公文)[^。；]{0,6}?(?:包括但不限于|等等)|"
                               # "与某某片区改造有关的全部政府信息": every piece of information about a matter, no record named
                               r"(?:与|跟|和|同)[^。；，、]{1,24}?(?:有关|相关)的(?:全部|所有|一切)(?:政府)?信息(?![^。；]{0,4}?(?:中的|里的))|"
                               # "所有与我们村土地有关的文件": every record about a matter, no kind named
                               r"(?:全部|所有|一切)(?:与|跟|和|同)[^。；，、]{1,24}?(?:有关|相关)的(?:政府)?(?:信息|文件|材料|资料)"
                               r"(?![^。；]{0,4}?(?:中的|里的))|"
                               r"(?:时间|类别|范围|种类|年份)(?:、(?:时间|类别|范围|种类|年份))*不限|"
                               r"(?:麻烦|请)?你们(?:帮我)?(?:找找|查查|翻翻|看着办)")
# "凡是跟钱有关的、跟地有关的，全都给我": every record about open matters — unless a kind of record is named in it
# ("凡是跟这条路占地有关的审批材料和补偿标准，请都给我一份" names what to search for).
_EVERYTHING_ABOUT_RE = lazy_re.compile(r"凡是[^。；]{0,24}?(?:有关|相关)的[^。；]{0,40}?(?:全都|全部|统统|都)(?:给我|提供|公开)")
# The organ's own notice cited in the answer to it ("贵府×政信补〔2024〕8号《补正告知书》"): not a title or a 文号 of the
# record asked for.
_OWN_NOTICE_RE = lazy_re.compile(r"《[^》]{0,12}?(?:告知书|通知书?)》|[^\s，。；：:]{0,12}?补(?:字)?[〔\[(（]\d{4}[〕\])）][^号]{0,8}?号")


# The narrator's word that the letter named nothing to search for ("该申请书未写明项目名称、所在位置及大致时间", "所需信息
#的名称/文号：见附件 …申请人未随表提交任何附件，表内亦无其他内容描述").
_NARRATED_NO_DESCRIPTION_RE = lazy_re.compile(
    r"(?:未|没有|没|并未|亦未|均未|也未|既未)(?:写明|载明|列明|注明|说明|指明|提供|随(?:申请)?表(?:一并)?提交|附)[^。；，,]{0,10}?"
    r"(?:信息名称|文件名称|项目名称|名称、|文号|特征性描述|内容描述|所需信息|具体内容|任何附件)|"
    r"(?:亦|也|并|均)?(?:无|没有)(?:其他|任何)?(?:内容描述|具体内容|特征性描述|所需信息的描述)|"
    # "接线员询问涉及何处土地、何年审批，来电人均无法说清": asked to describe it, the applicant could not
    r"(?:询问|问及|问明|追问)[^。；]{0,40}?(?:均|都|仍|也)?(?:无法说清|说不清|答不上来|回答不出|不清楚)|"
    # "一栏只写了“征地的事”四个字": the whole description was a few words
    r"(?:只|仅)(?:写|填)(?:了|有|着)?[“\"「][^”\"」]{1,12}[”\"」](?:这|那)?(?:[一二三四五六七八九十两几\d]{1,2})个?字")


# A record only pointed at, its maker asked about inside the description ("上面哪个部门给我们村下的那个批文",
# "不知道什么单位发的那份通知"): neither the maker nor the record is named.
_VAGUE_POINTER_RE = lazy_re.compile(r"(?:哪个|哪一个|什么|哪级)(?:部门|单位|机关)[^。；，,？?]{0,12}?(?:的|发的|下的|批的)"
                               r"(?:那个|那份|那些|那几份|那张)(?:批文|文件|材料|东西|通知|文)")


# What "包括但不限于" lists when it names nothing in particular ("文件、记录、数据、图片、音视频").
_GENERIC_PARTS_RE = lazy_re.compile(r"文件|记录|数据|资料|材料|图片|照片|音视频|音频|视频|录音|录像|信息|等")


def _itemised_after(text: str, m: re.Match) -> bool:
    """Whether "…全部…材料，包括但不限于：" goes on to name particular kinds of record ("现场检查笔录、询问笔录、抽样单、调查终结
    报告"): then the description names what to search for."""
    if "包括但不限于" not in m.group(0):
        return False
    listed = re.split(r"[。；;\n]", text[m.end():m.end() + 80], maxsplit=1)[0]
    return any(not _GENERIC_PARTS_RE.fullmatch(k.group(0)) for k in DOCUMENT_KIND_RE.finditer(listed))


def admits_unknown(text: str) -> bool:
    """Whether the applicant says the description cannot identify the record (:data:`_UNKNOWN_ELEMENTS`,
    :data:`_LEFT_TO_ORGAN_RE`); a title in 《》 or a 文号 given elsewhere outweighs it."""
    text = _OWN_NOTICE_RE.sub("", text)
    if _TITLE_RE.search(_BASIS_RE.sub("", text)) or DOC_NUMBER_RE.search(text):
        return False
    if any(not _itemised_after(text, m) for m in _LEFT_TO_ORGAN_RE.finditer(text)) \
            or _NARRATED_NO_DESCRIPTION_RE.search(text):
        return True
    if _VAGUE_POINTER_RE.search(text):
        return True
    everything = _EVERYTHING_ABOUT_RE.search(text)
    if everything and not DOCUMENT_KIND_RE.search(everything.group(0)) and "材料" not in everything.group(0):
        return True
    admitted = {key for key, element in _UNKNOWN_ELEMENTS.items()
                if re.search(element + r"[^。；，,]{0,6}?" + _UNKNOWN + "|" + _UNKNOWN + r"[^。；，,]{0,4}?" + element, text)}
    for clause in re.split(r"[，,。；;！!？?\n]", text):  # "哪一年哪个部门发的都记不得了": one admission, two elements
        if re.search(_UNKNOWN, clause):
            admitted |= {key for key, element in _UNKNOWN_ELEMENTS.items() if re.search(element, clause)}
    return len(admitted) >= 2


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
    if DESCRIPTION_ELEMENT not in request.missing and (admits_unknown(request.text) or attachment_missing(request.text)):
        request.missing.insert(0, DESCRIPTION_ELEMENT)
    return [m for m in request.missing if FORM_ELEMENT not in m]


# "所需信息的名称或内容描述：详见附件《申请公开信息清单》" with "附件栏为空，未上传任何文件": the description is in an
# attachment the office never received — the application does not say what it asks for (第二十九条第二款第（二）项).
_SEE_ATTACHMENT_RE = lazy_re.compile(r"(?:详见|见|参见|如)(?:所附|随附)?附件|附件(?:所列|清单|中列明)")
_ATTACHMENT_ABSENT_RE = lazy_re.compile(r"附件(?:栏)?(?:为空|空白|缺失|未上传|未附|没有上传|没附)|未(?:上传|附)(?:任何)?(?:附件|文件)|"
                                   r"(?:没有|未见|无)(?:所述|所称|该)?附件")


def attachment_missing(text: str) -> bool:
    """Whether the description is left to an attachment that the text says is not there."""
    return bool(_SEE_ATTACHMENT_RE.search(text or "")) and bool(_ATTACHMENT_ABSENT_RE.search(text or ""))

_LEAD_VERB_RE = lazy_re.compile(r"^(?:我|本人|特|现)?(?:" + REQUEST_VERB_RE.pattern + r")[：:，,\s]*")

# An object made of hedges and generic nouns only ("相关信息", "有关材料", "上述全部资料"): it names nothing a search could
# find apart from the matter the rest of the sentence is about.
_PLACEHOLDER_RE = lazy_re.compile(r"(?:[其该此本]|上述|前述|以上|相关|有关|所有|全部|一切|涉及|的|政府|此事|该事|这件事|一下|等)*"
                             r"(?:信息|材料|资料|文件|情况|内容|事项|证据|手续)(?:[和及与、]?(?:信息|材料|资料|文件|情况|内容|事项|证据|手续))*")


def is_placeholder(text: str) -> bool:
    """Whether what ``text`` asks for is only hedges and generic nouns (:data:`_PLACEHOLDER_RE`)."""
    return _PLACEHOLDER_RE.fullmatch(_LEAD_VERB_RE.sub("", requested_object(text))) is not None
