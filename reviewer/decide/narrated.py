"""Steps 谁负责 and 有没有 told by a restatement: what a judgment, a review decision or an agency's case write-up says
the organ found when it searched ("…检索了收文、发文登记和业务档案，均未发现该批复") and who made the record ("该许可由市自然资源和
规划局核发，分局未获取").

Such a narration is the organ's own account of its search (最高人民法院指导案例101号 asks for one before 信息不存在), not
the office's search of today: the draft may rest on it, and staff are told to check it against their own search
record before anything is sent.  An applicant's letter that quotes an earlier reply ("贵局答复称经检索未找到") narrates
nothing of the kind: it is addressed to the organ (贵局、你们), and a second request after a 信息不存在 reply needs a
fresh search, so a text written to the organ is never read here.
"""

from __future__ import annotations

import re

from reviewer.decide.organ import ADDRESSEE_RE, ORGAN_RE, _organ_name
from reviewer.decide.triage import compact
from reviewer.text import lazy_re

# A letter addressed to the organ (second person): not a restatement.
_SECOND_PERSON_RE = lazy_re.compile(r"贵(?:局|委|办|府|院|厅|所|单位|机关|中心|部门|关|分局|处|站|支队|大队|镇|街道)|你们|你局|你委|你办|你府|您好")
# What the request quoted ("申请内容：“你局下发的…文件”") is the applicant's voice inside a restatement: not read for the
# second person.
_QUOTED_RE = lazy_re.compile(r"“[^“”]{0,200}”|\"[^\"]{0,200}\"|「[^「」]{0,200}」|『[^『』]{0,200}』")


def to_the_organ(text: str) -> bool:
    """Whether ``text`` is written to the organ (second person outside what it quotes): a letter, not a restatement."""
    return _SECOND_PERSON_RE.search(_QUOTED_RE.sub("", text)) is not None


def told_account(text: str) -> str:
    """What the narrated_* readers read: a restatement or case note whole; of a letter written to the organ, only the
    office's working notes kept with it ("【内部流转单】文件处意见：该办法系区发改委牵头起草…"); a letter without such notes is
    returned as it is (the readers themselves leave a letter unread)."""
    from reviewer.decide.restatement import office_notes

    if not text or not to_the_organ(text):
        return text
    notes = office_notes(text)
    return notes if notes and not to_the_organ(notes) else text


# A search told, and what it found: nothing.
_SEARCH_RE = lazy_re.compile(r"(?:检索|查阅|查找|搜索|查询|翻阅|翻查|调阅|调取|核查|核对|比对|清查|排查|查档)(?:了)?|经查[^，。；]{0,12}?(?:系统|台账|档案|登记簿|目录|数据库|记录)|"
                        r"(?:举证|提交)[^。；]{0,40}?(?:系统|台账|登记簿|目录|记录)|"
                        # the search shown by what the organ put in evidence ("提交了党政办发文登记簿、会议记录本…")
                        r"提交了?[^。；]{0,40}?(?:登记簿|台账|目录|记录本|查询记录|查询截图|档案)|(?:档案|台账|记录|登记簿)(?:显示|表明|载明)")
_NONE_FOUND_RE = lazy_re.compile(r"(?:均|都|亦|也|仍|并)?(?:未(?:能)?(?:发现|找到|查到|检索到|查找到|查见|见到?)|没有(?:发现|找到|查到)|"
                            r"(?:均|都|亦|也|并)?无(?:该|此|相关|上述|任何|所申请)(?![^。；，]{0,2}(?:规定|依据|法律|理由|证据证明|必要|问题|异议|不当))|未见(?:任何|相关|该)?|不存在(?:该|此|相关|所申请)|"
                            r"(?:均|都|亦|也|并)无[^。；，]{1,20}?(?:的)?(?:记载|记录)|"
                            # "均无上诉人所称的危房鉴定报告", "没有申请人所说的强制拆除决定", "姓名均不在其中", "亦不存在。"
                            r"(?:无|没有)(?:上诉人|原告|申请人|再审申请人|其)所(?:称|说|指|述)的?|(?:均|都|亦|也)?不在其中|"
                            r"(?:亦|也|均|并)不存在(?=[，,。；;]|$)|(?:均|都)?未(?:抽中|抽到|列入|纳入)|不存在任何|"
                            r"未(?:单独|另行|专门)?形成[^。；，]{0,10}?(?:笔录|纪要|记录|报告|文件|材料|批复)|不可能形成|未发生(?:过)?任何|"
                            r"(?:您|你)(?:所)?申请(?:获取|公开)?的信息不存在|(?:均|都)?未(?:被)?(?:列入|纳入)|"
                            # "以“堤防”“决口”为关键词检索…，无结果"
                            r"(?:均|都)?无(?:检索)?结果|(?:检索|查询)结果为(?:空|零|0)|(?:均|都)?(?:未果|无果)|"
                            # "…检索…，本局没有该意见书"
                            r"(?:本局|本机关|我局|本单位|本府|被告|被申请人)(?:并|均|也|亦)?没有(?:该|此|上述|所申请的?)|"
                            # "经检索…，2015年未向该厂核发过排污许可证", "经查询…本局未对该镇开展过上述专项审计",
                            # "检索…档案后，答复本机关未制作也未获取该信息", "提交了…档案目录，证明该项目未委托编制…报告"
                            r"未(?:向[^。；，]{1,12}?)?(?:核发|颁发|委托编制|编制)过?|未(?:对[^。；，]{1,12}?)?(?:开展|实施|组织)过|"
                            r"未制作(?:也未|亦未|、)获取|未(?:委托)?编制(?=[^。；，]{0,20}?(?:报告|方案|规划|评价)))")
# The record was never made ("当时既未委托也未编制专门的论证报告", "无需报批或备案", "未制作").
_NEVER_MADE_RE = lazy_re.compile(r"(?:既未|并未|从未|未曾|没有|亦未|也未)[^。；]{0,12}?(?:制作|编制|委托|形成|作出|出具|报批|审批|制发|核发|采样|监测|检测|印发|请示|制定)"
                            r"(?!过?(?:实体|书面|任何)?(?:答复|回复|处理))|"
                            r"未(?:形成|制作|产生)(?:过)?任何|尚未(?:制定|出台|制作|印发)|"
                            r"无需(?:单独|另行|专门)?(?:报批|审批|备案|开展|组织|编制|进行)|(?:已|已经)[^。；]{0,30}?(?:按程序|依规|依法)?销毁")
# A court or review body that finds the search was not done properly: the narration does not support 信息不存在.
# An event the record would come from never took place ("被申请人未组织听证", "县局亦从未组织验收", "未组织该项目稳评"): the
# record was never made, told without a search.
_NEVER_HELD_RE = lazy_re.compile(r"(?:未|没有|从未|并未|亦未|也未|亦从未)(?:就[^。；，]{1,16}?)?(?:组织|召开|举行|开展|进行|启动)(?:过)?"
                            r"[^。；，]{0,6}?(?:听证|验收|论证|评估|稳评|鉴定|评审|评定|协调会|督察|核算|修编|摇号|抽签)(?:会)?|"
                            # "论证会从未召开", "还没有开过专家论证会"
                            r"(?:论证|听证|评审|验收|协调)会(?:从未|没有|并未|尚未|未)(?:召开|举行|组织)|"
                            r"(?:没有|未|从未)开过[^。；，]{0,6}?(?:论证|听证|评审|验收|协调)会|"
                            # a record lost ("卷宗已被洪水损毁、无法修复")
                            r"(?:已|已经)?被[^。；，]{0,6}?(?:损毁|毁损|烧毁|灭失)|已(?:经)?(?:损毁|灭失|毁损)")
_SEARCH_FAULTED_RE = lazy_re.compile(r"未(?:提交|提供)(?:任何)?(?:的)?检索(?:记录|过程|证据)|未尽(?:到)?(?:合理)?(?:的)?检索(?:义务|职责)|检索(?:范围|方式)?(?:不全面|不充分|不到位|过窄)|未提供(?:证据证明|检索)|"
                                r"(?:没有|未)说明(?:其)?检索(?:的)?(?:范围|方式|过程|情况)|(?:已)?提供(?:了)?[^。；]{0,16}?初步线索")
# "经查，该河段…从未在该河段采样": a check told without its search, enough for a record never made (not for one not found).
_CHECKED_RE = lazy_re.compile(r"经查(?!明)|经核(?:实|查)?|查明")
# "均未查到该标志的审批记录", "档案中均未查到相关审批件": a search and its result in one phrase.
_SEARCHED_NONE_RE = lazy_re.compile(r"(?:均|都|亦|也|仍|并)?未(?:能)?(?:查到|检索到|查找到|查见|查询到|找到)")
_SENTENCE_RE = lazy_re.compile(r"[^。！？!?\n]+[。！？!?]?")
# "本局收发文系统中亦无任何相关记录": the records system named, holding nothing.
_SYSTEM_NONE_RE = lazy_re.compile(r"(?:系统|台账|档案|登记簿|数据库)(?:中|内|里)(?:均|亦|也|并)?(?:无|没有)(?:任何)?(?:相关|该|此)?(?:记录|文件|信息|材料)")
# A court or review body that accepts the organ's search ("本院认为，被告已履行检索义务并说明了信息不存在的理由"), and a search
# whose result is that the record is gone ("经在平台按日期检索，该视频已不存在").
_SEARCH_ACCEPTED_RE = lazy_re.compile(r"(?:已|已经)(?:履行|尽到?)(?:了)?(?:合理|必要)?(?:的)?检索(?:义务|职责)|"
                                 r"(?:已|已经)(?:充分)?说明(?:了)?(?:该|所申请)?(?:政府)?信息不存在的(?:理由|原因)")
_GONE_RE = lazy_re.compile(r"(?:已|均|亦|也)不(?:复)?存在(?=[，,。；;]|$)")
# The court's own finding of fact that the record does not exist ("行政判决书查明：…被告并未组织过摇号，该信息不存在").
_FOUND_ABSENT_RE = lazy_re.compile(r"(?:该|此|上述|所申请的?)(?:政府)?信息(?:确实|确|均)?不存在")


def narrated_search(text: str) -> str | None:
    """The sentence of a restatement telling a search that found nothing (or that the record was never made), for
    the draft's search note; None when the text is written to the organ or tells no such search."""
    if not text or to_the_organ(text) or _SEARCH_FAULTED_RE.search(text):
        return None
    text = compact(text)
    for m in _SENTENCE_RE.finditer(text):
        sentence = m.group(0).strip()
        search = _SEARCH_RE.search(sentence)
        if search and (_NONE_FOUND_RE.search(sentence, search.end()) or _GONE_RE.search(sentence, search.end())) \
                or _SEARCHED_NONE_RE.search(sentence) or _SEARCH_ACCEPTED_RE.search(sentence):
            return sentence
        if _NEVER_MADE_RE.search(sentence) and (_SEARCH_RE.search(text[:m.start()] + sentence)
                                                or _CHECKED_RE.search(text[:m.start()] + sentence)):
            return sentence
        if _NEVER_HELD_RE.search(sentence) or _SYSTEM_NONE_RE.search(sentence):
            return sentence
        if _FOUND_ABSENT_RE.search(sentence) and re.search(r"查明", text[:m.start()] + sentence):
            return sentence
    return None


# The request's own words that the record was never made: "当晚系口头下达指令，未形成书面文件", "从未向该公司核发",
# "林地手续还没办", "网站历年公示的许可信息中均未见该公司", "码头并无危险货物作业资质", "未单独组织专家论证".
# Not "从未向我出具" (the applicant may not have received a record that exists).
_ABSENT_CLAIM_RE = lazy_re.compile(
    r"(?<![尚仍还])(?:未|没有)(?:单独|另行|专门)?形成(?:任何)?(?:书面|正式)(?:的)?(?:文件|指令|调度令|材料|记录|决定|意见|纪要)?|"
    r"(?:从未|从来没有|从没|从未曾)(?:向(?!我|本人|申请人|原告)[^。；，]{1,20}?)?(?:核发|颁发|批准|批复|审批|发放|办理)(?:过)?|"
    r"(?:手续|审批|许可|批文)(?:都|也|还|根本|一直)?(?:没|没有|未)(?:办|办理|取得|批)(?!理?结果)|"
    r"(?:未|没有|没)(?:办理|取得)(?:过)?(?:任何)?[^。；，]{0,12}?(?:审批|许可|用地|林地|规划|施工)(?:手续|许可证?|批准)|"
    # the organ's own written word, quoted ("区人民政府尚未对该地块作出房屋征收决定", "亦未作出任何处理决定",
    # "区政府常务会议未研究过该事项", "系统里…没有我的工伤认定申请和认定记录")
    # (not "尚未作出决定": a matter still being decided is process information, 第十六条第二款)
    r"(?:(?:并未|亦未|从未|未曾)(?:对[^。；]{0,24}?)?|(?<![尚仍还])未对[^。；]{1,24}?)作出(?:过)?(?:任何)?[^。；，]{0,10}?(?:决定|批复|认定)|"
    r"(?:没有|没)(?:对[^。；]{0,24}?)?作出过(?:任何)?[^。；，]{0,10}?(?:决定|批复|认定)|"
    r"(?:会议|常务会议|办公会|常委会)(?:从未|未曾|未|没有)(?:研究|讨论|审议)(?:过)?|"
    r"系统(?:里|中|内)?[^。；]{0,20}?(?:没有|查无|无)[^。；]{0,20}?(?:记录|申请)|"
    r"(?:均|都|亦|也)?未见[^。；]{0,20}?(?:许可|批复|审批|公示|公告|名单)|(?:均|都|亦|也)?未见(?:存档|归档|档案|记录)|"
    r"(?:并无|并没有|根本没有)[^。；，]{0,12}?(?:资质|许可|批准|批复|审批)|"
    r"(?:未|没有|从未)(?:单独|另行|专门)?(?:组织|召开|举行)(?:过)?[^。；，]{0,8}?(?:论证|听证|评审|验收)")


# The applicant's own voice in a restatement: its claims are not the organ's account.
_APPLICANT_VOICE_RE = lazy_re.compile(r"(?<!被)(?:原告|申请人|上诉人|再审申请人|起诉人)(?:[\u4e00-\u9fa5]{0,3})?(?:称|认为|主张|诉称|提出|质疑|怀疑|获悉|得知|了解到)|"
                                 r"据(?:我们|我|本人|我司|本公司|本所|我会)(?:所知|了解)|(?:我们|我司|本公司|本人)(?:了解到|获悉|得知|认为)")


def organ_told_absent(text: str) -> str | None:
    """In a restatement (not a letter to the organ), the sentence telling that the record was never made, in the organ's
    or the court's voice ("被告工作人员称，当晚系口头下达指令，未形成书面文件"): the organ's account, read as its search
    for 有没有; None in a letter, or when only the applicant says so."""
    if not text or to_the_organ(text):
        return None
    text = compact(text)
    for m in _SENTENCE_RE.finditer(text):
        sentence = m.group(0).strip()
        if _ABSENT_CLAIM_RE.search(sentence) and not _APPLICANT_VOICE_RE.search(sentence):
            return sentence
    return None


# A written word of the organ that the applicant quotes ("区政府办公室…出具的信息事项处理意见书中写明：“…区政府常务会议未研究
# 过该事项。”", "贵府在该案答辩状第三页中明确陈述：“…未办理农用地转用及土地征收审批手续。”").
_ORGAN_WRITING_RE = lazy_re.compile(r"答复|意见书|答辩状|判决书|裁定书|决定书|告知书|复函|回函|回复|书面")
_QUOTE_LEAD_RE = lazy_re.compile(r"(?:写明|载明|陈述|称|表示|记载|写道|写着|说明|指出)[：:，,]?\s*$")


def quoted_organ_absent(text: str) -> str | None:
    """The organ's own written words, quoted in a letter, that the record asked for was never made (:data:`_ABSENT_CLAIM_RE`):
    read as the organ's account for 有没有, the same as a restatement's (:func:`organ_told_absent`); None otherwise."""
    if not text:
        return None
    text = compact(text)
    for m in re.finditer(r"“([^“”]{4,200})”", text):
        lead = text[max(0, m.start() - 60):m.start()]
        quoted = m.group(1)
        search = _SEARCH_RE.search(quoted)
        # the organ's words: the record never made, or a search told with what it found — nothing
        said = _ABSENT_CLAIM_RE.search(quoted) or (search and _NONE_FOUND_RE.search(quoted, search.end()))
        if said and _ORGAN_WRITING_RE.search(lead) and _QUOTE_LEAD_RE.search(lead):
            return quoted
    return None


def told_absent(text: str) -> str | None:
    """The sentence in which the request itself says the record asked for was never made (:data:`_ABSENT_CLAIM_RE`),
    for 有没有: a lean to 信息不存在 that the office's search must confirm (第三十六条第（四）项); None when it says none."""
    if not text:
        return None
    text = compact(text)
    for m in _SENTENCE_RE.finditer(text):
        sentence = m.group(0).strip()
        if _ABSENT_CLAIM_RE.search(sentence):
            return sentence
    return None


# "相关文件由区住建局制作并保存", "建设工程规划许可依法由市自然资源和规划局核发", "河道采砂许可由县水利局审批发放",
# "该文件由市医疗保障局于2023年1月制定印发", "职能已由市人社局划转至市医疗保障局".
# ("该许可由县交通运输局以自己名义作出并保存", "采砂许可由县水利局依据《某省河道采砂管理条例》审批发证", "留抵退税由税务机关审核
# 办理")
_MADE_BY_RE = lazy_re.compile(r"(?:由|系)(?P<agency>" + ORGAN_RE.pattern + r"|(?:税务|海关|公安|市场监管|生态环境|自然资源)机关|"
                         r"(?:[省市县区]级(?:以上)?(?:人民政府)?)?[\u4e00-\u9fa5]{2,8}?(?:主管部门|管理部门|行政部门)|"
                         # "由省教育考试院…制作和保存", "由乡（镇）人民政府审核批准"
                         r"[省市县区][\u4e00-\u9fa5]{2,8}?(?:考试院|考试中心|登记中心|管理中心)|乡[（(]镇[）)]人民政府|乡镇(?:人民)?政府)"
                         r"(?:及其(?:所属|下属)[^，。；]{0,10}?)?(?:依法|负责|统一)?(?:归集|收集|汇总)?(?:会同[^，。；]{2,16}?)?(?:以(?:自己|本机关|其)(?:的)?名义)?(?:(?:依据|根据|依照)《[^》]{1,30}》(?:的规定)?)?"
                         r"(?:作为[^，。；]{1,10}?)?(?:于[^，。；]{1,16}?)?(?:在[^，。；]{1,16}?(?:中|时))?(?:与[^，。；]{1,12}?)?"
                         r"(?:制作|作出|核发|核定|审批|审核|批准|批复|立项|印发|制定|制发|下发|发布|保存|出具|颁发|签发|签订|办理|负责|实施|编制|组织|设置|管理|受理|统计|征收|核准|形成|牵头|主办|起草)")
_MOVED_TO_RE = lazy_re.compile(r"(?:职能|职责|事项|工作|查处|审批|许可|管理)[^。；]{0,20}?(?:(?:划转|移交|调整)(?:至|到|给)|划归|归口)"
                          r"(?P<agency>" + ORGAN_RE.pattern + r")")
# ...and this organ does not hold it ("本局未获取", "分局未获取该许可文件", "既未参与制作，也未收到", "不制作也不保存").
_NOT_HELD_HERE_RE = lazy_re.compile(r"未(?:获取|收到|保存|掌握|持有|参与|留存|收存|收取|接收|经手|制作|收集)|仅为收文单位|"
                               # "本局不掌握，请向省教育考试院申请", "应向该局申请"
                               r"(?:应|应当|可|请|建议其)向(?:(?:该|其)(?:局|委|院|中心|政府|部门|机关|单位|办)?|[^。；，]{2,20}?(?:局|委|院|中心|政府|部门|办))申请|"
                               # a joint document led by another organ (第十条第三款): its 文号 and its original are the lead's
                               r"使用[^。；，]{2,12}?(?:发文字号|文号)|原件(?:归|由|存于)[^。；，]{2,12}?(?:存档|保存|保管|归档)|"
                               # "以区发改局文件印发，被告作为会签单位之一", "乡政府对此本不负公开职责"
                               r"以[^。；，]{2,12}?文件印发|会签单位|(?:本|并)?不负(?:有)?(?:公开)?(?:职责|责任)|"
                               r"(?:既)?非(?:制作|发文|保存|制发|核发)(?:机关|单位)|并非[^。；，]{0,12}?(?:制作|发文|制发|核发|作出)(?:机关|单位)|不含(?:申请|所申请)|"
                               r"不属于本(?:机关|局|委|办|府|部|部门|单位|厅|中心)负责公开|不负责(?:该(?:信息|文件)的?)?公开|"
                               r"没有(?:单个|该|此|相关)?[^。；，]{0,10}?(?:文件|材料|原件|文本|档案)|"
                               r"不(?:制作|保存|掌握|持有|参与|接收|收存|经手|涉及)|无(?:相关|该|此)?[^，。；]{0,8}?(?:材料|文件|记录|案件|许可|批复|决定)|"
                               # "街道办只是项目的属地配合单位", "镇政府仅配合开展巡查"
                               r"(?:只是|仅是|仅为|仅)[^。；，]{0,12}?配合|"
                               # a court applying 第十条: the maker answers even where this organ keeps a copy
                               r"第十条|由制作或者最初获取")


def narrated_maker(text: str, own_name: str | None = None) -> str | None:
    """The other organ a restatement says made or keeps the record, when it also says this organ does not hold it."""
    from reviewer.decide.documents import same_organ

    if not text or to_the_organ(text) or not _NOT_HELD_HERE_RE.search(text) or _HELD_BY_ASKED_RE.search(text):
        return None
    own_act = _OWN_NAME_ACT_RE.search(text)  # "经二审核实，该方案系街道以自己名义印发": the finding names who made it
    for pattern in (_MADE_BY_RE, _MOVED_TO_RE):
        for m in pattern.finditer(text):
            agency = _organ_name(m.group("agency"))
            if len(agency) < 4 or ADDRESSEE_RE.search(agency) or (own_name and same_organ(agency, own_name)):
                continue
            if own_act and own_act.start() > m.start() and agency not in own_act.group(0):
                return None  # a later finding gives the record to another (the organ asked)
            return agency
    return None


# The issuer the request itself names for the record asked ("该公司许可证上载明的发证机关为“某省应急管理厅”", "牵头单位：某县
# 生态环境局", "落款盖的是某区城市管理和综合执法局的章", "本市网约车平台经营许可由市交通运输局统一受理和核发",
# "该事故由某市人民政府成立的事故调查组负责调查", "由省级教育行政部门审批"): in a
# letter too — the applicant read it on the licence or knows the allocation; staff confirm it (第十条).
_ISSUER_ORGAN = (r"(?:" + ORGAN_RE.pattern + r"|(?:中华人民共和国)?[\u4e00-\u9fa5]{2,10}?部|"
                 r"(?:[省市县区]级(?:以上)?(?:人民政府)?)?[\u4e00-\u9fa5]{2,8}?(?:主管部门|行政部门))")
_ISSUER_RE = lazy_re.compile(r"(?:(?:发证|登记|颁证|审批|核发|签发|许可|批准|认定|作出|出具|决定)(?:机关|部门|单位)|牵头(?:单位|部门|机关)|"
                        r"(?:项目)?主管(?:单位|部门))(?:均)?(?:[:：]|为|是|系|显示为|载明为)[“\"「]?"
                        r"(?P<a>" + _ISSUER_ORGAN + r")|"
                        # "落款盖的是某区城市管理和综合执法局的章", "文件是市教育局定的"
                        r"(?:落款|印章|公章|盖章)[^，。；]{0,6}?(?:是|为)[“\"「]?(?P<d>" + ORGAN_RE.pattern + r")|"
                        r"是(?P<e>" + ORGAN_RE.pattern + r")(?:制)?定的|"
                        # "文件头印的是“某县卫生健康局文件”", "抬头是“某市教育局 某市财政局”" (the first is the lead)
                        r"(?:文件头|抬头|文头|红头|版头)[^，。；]{0,6}?(?:是|为)[“\"「]?(?P<f>" + ORGAN_RE.pattern + r")|"
                        r"由(?P<b>" + _ISSUER_ORGAN + r")(?:统一|负责)?(?:受理(?:和|并|、))?"
                        r"(?:核发|审批|颁发|签发|负责调查|组织调查|管理|直管)|"
                        r"由?(?P<c>" + ORGAN_RE.pattern + r")(?:牵头)?成立的?(?:事故)?调查组|"
                        # "这个批复是市发改委下的", "这个环评是生态环境部批的"
                        r"(?:这|那|该|此)(?:个|份|项|张)?(?:批复|环评|通知|文件|报告|许可证?|决定书?|方案|规划|批文|意见|通告)"
                        r"(?:是|系|由)(?P<g>" + _ISSUER_ORGAN + r")(?:下|批|发|出|做|作出|印发|制定|审批|核发|颁发|出具)的|"
                        # "贵局官网转载了省自然资源厅《关于…的通知》"
                        r"转(?:载|发)(?:了)?(?P<h>" + ORGAN_RE.pattern + r")(?:的|印发的|发布的|制定的)?《")


def told_issuer(text: str, own_name: str | None) -> str | None:
    """The organ the request says issued or made the record asked for (:data:`_ISSUER_RE`) when it is not the organ
    asked; None when it names none or names this organ."""
    if not text or not own_name:
        return None
    from reviewer.decide.documents import same_organ

    for m in _ISSUER_RE.finditer(compact(text)):
        agency = _organ_name(next(g for g in m.group("a", "b", "c", "d", "e", "f", "g", "h") if g))
        if len(agency) < 4 or ADDRESSEE_RE.search(agency) or same_organ(agency, own_name):
            continue
        return agency
    return None


# The court's finding that the organ asked made or keeps the record ("被告作为采购人制作、保存了所申请的信息，依照《条例》第十条应由其
# 负责公开"): whatever other organ the organ's reply pointed to.
_HELD_BY_ASKED_RE = lazy_re.compile(r"(?:被告|被申请人|被上诉人)作为[^。；，]{1,12}?(?:制作|保存|获取)(?:、(?:制作|保存|获取))?了|"
                               r"应(?:当)?由(?:其|被告|被申请人|被上诉人)负责公开")
_OWN_NAME_ACT_RE = lazy_re.compile(r"系[^。；，]{1,16}?以(?:自己|其自身|本机关)(?:的)?名义(?:印发|制发|作出|制作|发布)")


# Step 给不给 told: the third party's answer to the written consultation (第三十二条) — "三人均在期限内书面反对公开",
# "其监护人书面答复不同意公开", "企业同意公开协议正文，但认为附件…", "对许可证和核查结论不持异议".
_OBJECTED_RE = lazy_re.compile(r"(?:书面)?(?:反对|不同意)(?:公开|提供)?|(?:均|都)(?:在期限内|于期限内)?书面(?:反对|不同意)|"
                          r"但认为[^。；]{0,40}?(?:商业秘密|经营信息|保密|隐私)")
_CONSULTED_RE = lazy_re.compile(r"征求(?:意见|[^。；]{0,12}?(?:意见|同意))|意见书|第三方|书面(?:答复|回复|反对|不同意)")
_PART_AGREED_RE = lazy_re.compile(r"同意公开[^。；，]{1,20}?[，,]\s*(?:但|却|只是)|(?:不持|没有|无)异议|仅(?:反对|不同意)|反对公开[^。；]{0,12}?(?:配方|附件|部分)")


# ... or agreed to it all ("XX公司书面表示对公开许可证和许可决定书无异议", "第三人回函同意公开").
_AGREED_RE = lazy_re.compile(r"(?:书面|回函|复函)(?:表示|答复|回复|确认)?[^。；，]{0,4}?(?:同意(?:公开|提供)|"
                        r"对(?:公开|提供)[^。；，]{0,24}?(?:无|没有|不持)异议)")


_LETTER_CONSENT_RE = lazy_re.compile(r"(?:他|她|其|对方|当事人|权利人)(?:本人)?[^。；]{0,8}?(?:已经?)?(?:写了|出具了?|签了?|签署了?|提供了?)(?:一份)?"
                                r"(?:书面)?(?:声明|同意书|授权书|委托书)[^。；]{0,6}?[，,：:]?(?:表示)?(?:同意|授权)")


def narrated_opinion(text: str) -> str | None:
    """"object" when a restatement says the third party objected in writing, "partly" when it objected to part only,
    "agree" when it agreed in writing and objected to nothing, else None (a text written to the organ is not read
    here)."""
    if not text:
        return None
    if to_the_organ(text):
        # a letter enclosing the third party's written consent ("他本人已经写了书面声明，同意把这份审批表提供给我"):
        # "agree", for the officer to check the original (第三十二条)
        return "agree" if _LETTER_CONSENT_RE.search(text) and not _OBJECTED_RE.search(text) else None
    if not _OBJECTED_RE.search(text):
        return "agree" if _AGREED_RE.search(text) else None
    if not _CONSULTED_RE.search(text):
        return None
    return "partly" if _PART_AGREED_RE.search(text) else "object"


# The record is already published, as the restatement tells it ("已于2023年7月20日在局门户网站“政策文件”栏目发布",
# "刊登于《某市人民政府公报》", "通过微信公众号及支队官网发布《…通告》"); not when it was taken down ("公示期满后已撤下").
_TOLD_PUBLISHED_RE = lazy_re.compile(r"(?:(?:已|已经)?(?<![属等由关对位基用处至鉴终过归])于[^。；]{0,20}?|(?:同日|当日|次日|当天)(?:即)?)(?:在|通过)[^。；]{0,30}?(?:网站|官网|门户网站|公众号|栏目|公报|政务公开栏|平台|网)"
                                r"[^。；]{0,24}?(?<!申请)(?:发布|公布|公开|刊登|刊载|登载|公示|公告了)(?!征求|征集|听取)|刊(?:登|载)于[^。；]{0,20}?(?:公报|网站|官网)")
# Told without a date ("印发后即在市政府门户网站全文发布", "同时在区政府门户网站…栏目发布全文", "已在其门户网站…中逐项列明"): read
# only when the sentence points to what was asked for (该办法, 上述信息) or repeats its words — "原规划文本已在官网公开" beside
# a request for the 调整讨论稿 publishes something else.
_TOLD_PUBLISHED_LOOSE_RE = lazy_re.compile(r"(?:已|已经|即|当日|同时|并)[^。；，]{0,20}?(?:在|通过)[^。；]{0,30}?"
                                      r"(?:网站|官网|门户网站|公众号|栏目|政务公开栏|平台|网)"
                                      r"[^。；]{0,24}?(?<!申请)(?:发布|公布|公开|刊登|刊载|登载|公示|列明|挂网)(?!征求|征集|听取)")
_TAKEN_DOWN_RE = lazy_re.compile(r"(?<![未没并不])(?<!没有)(?:撤下|撤回|删除)|未登载|未在[^。；]{0,10}(?:公开|发布)|不再公开")


_KIND_RE = lazy_re.compile(r"名单|名册|公告|公示|通知|通告|办法|规定|细则|意见|方案|规划|决定书?|批复|报告|结果|标准|目录|文件|"
                      r"笔录|记录|纪要|合同|协议|许可证?|证书|预算|决算|数据|图")
_POINTER_RE = lazy_re.compile(r"(?:该|此|上述|前述|所申请(?:的)?|申请(?:获取|公开)的)(?:文件|通知|公告|名单|方案|办法|决定|报告|信息|材料|内容|规划|标准)")


def _shares_words(quoted: str, sentence: str, n: int = 5) -> bool:
    """Whether the sentence repeats a run of ``n`` Chinese characters of what was quoted ("拟录用人员名单" — "拟录用人员公示";
    "补助标准的请示" — "补助标准文件" shares too little)."""
    runs = re.findall(r"[\u4e00-\u9fff]{" + str(n) + ",}", quoted)
    return any(run[i:i + n] in sentence for run in runs for i in range(len(run) - n + 1))


# The clause that tells what was asked for, when nothing is quoted ("申请公开执法人员的现场检查记录、车辆称重单及…询问笔录").
_ASKED_CLAUSE_RE = lazy_re.compile(r"(?:申请|要求|请求)(?:公开|获取|提供)[^。；]{2,80}")


def narrated_published(text: str) -> str | None:
    """The words of a restatement telling that the record asked for is already published, else None.  When the
    request is quoted, the sentence must name what was quoted (one of its kinds of record, or 该文件/上述信息): "决定书
    已在网站公示" does not publish the 询问笔录 asked for."""
    if not text or to_the_organ(text) or _TAKEN_DOWN_RE.search(text):
        return None
    quoted = " ".join(_QUOTED_RE.findall(text))
    kinds = set(_KIND_RE.findall(quoted))
    asked = _ASKED_CLAUSE_RE.search(text)
    # (a quoted marking, "“秘密★10年”", names no kind of record: the asked clause still tells what was asked)
    asked_kinds = set(_KIND_RE.findall(asked.group(0))) if asked and not kinds else set()
    for pattern, loose in ((_TOLD_PUBLISHED_RE, False), (_TOLD_PUBLISHED_LOOSE_RE, True)):
        for m in pattern.finditer(text):
            start = max(text.rfind("。", 0, m.start()), text.rfind("；", 0, m.start())) + 1
            end = text.find("。", m.end())
            sentence = text[start:end if end >= 0 else len(text)]
            clause = text[max(text.rfind(c, 0, m.start()) for c in "。；，：") + 1:m.end()]
            told_kinds = set(_KIND_RE.findall(clause))
            if asked_kinds and told_kinds and not told_kinds & asked_kinds and not _POINTER_RE.search(clause):
                continue  # "处罚结果已在信用网站公示" beside a request for the 询问笔录: another record
            # a pointer elsewhere in the sentence counts only when the clause names no record of its own
            # ("该请示…不予公开，并告知原告口岸通行的现行规定已在…网站公布" publishes the 规定, not the 请示)
            pointed = _POINTER_RE.search(clause) or (not told_kinds and _POINTER_RE.search(sentence))
            if pointed or _shares_words(quoted, sentence) or \
                    (not loose and (not kinds or any(k in sentence for k in kinds))):
                return m.group(0)
    return None


# The organ's finding that the record is classified ("经查，记载上述内容的文件由本局依照保密事项范围确定为秘密级，标注“秘密★5年”，
# 尚在保密期限内"): a state secret by its marking (保守国家秘密法), told by the organ.
_CLASSIFIED_RE = lazy_re.compile(r"(?:确定|定密|定)为(?:秘密|机密|绝密)级|标注(?:有)?[“\"「]?(?:秘密|机密|绝密)★|"
                            r"属于(?:秘密|机密|绝密)级国家秘密|已(?:被)?定密")
# ("亦无解密决定", "尚未解密" say the opposite)
_DECLASSIFIED_RE = lazy_re.compile(r"(?<![无未不])(?<!没有)(?<!未经)解密|已过保密期限|保密期限(?:已)?届满|不再(?:属于|作为)国家秘密|降密")


# The request's own word that the record was declassified or its period ran out ("原定为秘密级，2021年已经审核解密",
# "保密期限已届满"): not "申请解密", "尚未解密".
_TOLD_DECLASSIFIED_RE = lazy_re.compile(r"(?:已|已经|业已|均已|早已)(?:于[^。；，]{0,12}?)?(?:经)?(?:审核|依法|按程序|正式)?(?:解密|降密)|"
                                   r"已过保密期限|保密期限(?:已经?)?届满|不再(?:属于|作为)国家秘密|解密后(?:已|即|于)")


def told_declassified(text: str) -> str | None:
    """The words telling that the record asked for was declassified, else None."""
    m = _TOLD_DECLASSIFIED_RE.search(text or "")
    return m.group(0) if m else None


def narrated_classified(text: str) -> str | None:
    """The sentence of a restatement or case note in which the organ says the record is classified and not declassified
    (None for a letter written to the organ, and when the text says it was declassified)."""
    if to_the_organ(text) or _DECLASSIFIED_RE.search(text):
        return None
    for m in _SENTENCE_RE.finditer(compact(text)):
        if _CLASSIFIED_RE.search(m.group(0)):
            return m.group(0).strip()
    return None


# The organ's account of where the record went or what answering would take, told by a restatement or case note:
# an outcome the item's own words do not show (the cue reads the request, not the organ's defence).
# "该批文书档案已于2005年依法移交县档案馆", "已按照城建档案管理规定全部移交市城市建设档案馆": 档案 rules apply (第三十六条第（七）项).
_TOLD_ARCHIVED_RE = lazy_re.compile(r"(?:已|均已|早已|已经|业已)(?:于[^。；，]{0,12}?)?(?:依法|按规定|按照[^。；，]{0,16}?规定)?"
                               r"(?:整体|全部|一并|分批)?移交(?:至|给|到|进)?[^。；，]{0,10}?档案馆")
# "本镇档案中只有各村分别报送的花名册…须逐一汇总计算", "并无现成文件，需从一百余家企业的档案中逐一摘录后制表": 第三十八条.
_TOLD_COMPILED_RE = lazy_re.compile(r"(?:无|没有|并无|不存在)现成(?:的)?[^。；]{0,50}?(?:需|需要|须|要)[^。；]{0,30}?"
                               r"(?:摘录|提取|汇总|统计|整理|制作|制表|加工|分析|计算)|"
                               r"(?:需|需要|须|必须)(?:另行)?(?:从|对|调阅|导出)[^。；]{0,40}?(?:逐一|逐项|逐个|逐户|逐笔|逐件|逐条)"
                               r"(?:摘录|提取|汇总|统计|整理|计算|分组)|"
                               # "如需形成该表，须调取企业数据后逐条线路汇总计算"
                               r"(?:如需|若需|如要|若要)(?:形成|制作|编制|生成|提供)[^。；，]{0,10}?[，,]?(?:则)?(?:须|需|需要|必须|要)"
                               r"[^。；]{0,30}?(?:汇总|统计|计算|整理|加工|另行制作)")
# A party to a procedure still running asking for that case's file ("复议尚在审理期间…要求公开…询问笔录", "目前处于检验鉴定
# 阶段…对方驾驶人询问笔录"): the file is read under that procedure's own rules (2011 最高法规定 第二条第（四）项).
_TOLD_PENDING_RE = lazy_re.compile(r"(?:尚在|正在|仍在|至今尚在|仍处于|目前处于|处于)(?:审理|审查|办理|调查|检验鉴定|鉴定|听证)(?:中|期间|阶段|过程中)?|"
                              r"(?:复议|诉讼)(?:尚在审理|正在审理|尚未审结|审理期间)|已(?:依法)?申请(?:了)?听证|听证会定于|"
                              r"(?:尚未|未)(?:作出|出具)(?:工伤)?(?:认定决定|认定|处罚决定|事故认定书)")
_CASE_FILE_RE = lazy_re.compile(r"案卷|卷宗|(?:询问|调查|勘验|检查|现场)笔录|证人证言|采样单|(?:检测|检验|鉴定)(?:报告|意见)|"
                           r"现场(?:图|照片)|原始记录|证据(?:材料|先行登记保存清单)?|立案审批表|集体讨论记录")
# ... asked by a party to it ("对其作出的罚款决定", "事故一方驾驶人", "用人单位一方", "对原告厂房作出")
_CASE_PARTY_RE = lazy_re.compile(r"当事人|一方|不服|(?:对|向)(?:其|本人|原告|申请人|上诉人|我|我司|本公司|其公司)|对本人|我司")
# The narrator finding the organ's account wrong ("被告的理由不能成立"): not the outcome to draft.
_ACCOUNT_FAULTED_RE = lazy_re.compile(r"不能成立|不予(?:采信|支持)|缺乏(?:事实|法律)?(?:根据|依据)|于法无据|理由不(?:成立|充分)|"
                                 r"(?:认定|答复)[^。；，]{0,6}?(?:错误|违法|不当)")
TOLD_OUTCOME_CODES = {"archived": "other.special_procedure", "compiled": "unavailable.needs_creation",
                      "pending": "other.special_procedure", "prohibited": "withhold.law_prohibited"}
# A law or administrative regulation the organ or the court cites that forbids giving the record out ("《中华人民共和国统计法》
# 第二十五条规定，统计调查中获得的能够识别或者推断单个统计调查对象身份的资料，任何单位和个人不得对外提供、泄露"): 其他法律、
# 行政法规禁止公开 (第十四条).  Not the 条例 itself, not 保守国家秘密法 (a state secret), and not the personal-information
# and civil codes (their duties are weighed as a third party's rights, 第十五条).
_TOLD_PROHIBITED_RE = lazy_re.compile(
    r"(?:被告|被申请人|被上诉人|答复|告知|认为|辩称|称)[^。]{0,40}?"
    r"《(?![^》]*(?:政府信息公开|保守国家秘密|个人信息保护|民法典))[^》]{1,40}?(?:法|条例)》"
    r"(?:第[一二三四五六七八九十百零〇\d]{1,6}条(?:第[一二三四五六七八九十\d]{1,3}款)?(?:第[（(][一二三四五六七八九十\d]{1,3}[）)]项)?)?"
    r"(?:的)?(?:规定|明确规定|明确)[^。]{0,100}?(?:不得|禁止|严禁)[^。；]{0,16}?(?:公开|对外提供|泄露|披露|公布|向[^。；]{0,12}?提供)")


# The organ's written statement of the harm to the 三安全一稳定 (第十四条: which safety, what harm), told by a restatement
# whose court or review body upheld it ("一旦公开可能被不法分子利用实施破坏或投毒，危及公共安全…判决驳回诉讼请求").
_SECURITY_HARM_RE = lazy_re.compile(r"(?:危及|危害|威胁|影响)(?:到)?(?:公共安全|国家安全|经济安全|社会稳定|城市运行安全)")
_UPHELD_RE = lazy_re.compile(r"驳回[^。；]{0,12}?(?:诉讼请求|起诉|上诉)|(?:决定|予以|依法)维持|维持(?:原|被申请人|该|被诉)|"
                        r"(?:答复|理由|认定|处理)[^。；，]{0,4}?(?:合法|正确|并无不当|充分)|并无不当|已具体说明")
_SET_ASIDE_RE = lazy_re.compile(r"撤销|确认[^。；]{0,12}?违法|责令[^。；]{0,10}?重新")


def narrated_security_upheld(text: str) -> str | None:
    """The sentence in which a restatement tells the organ's stated harm to public or national security or social
    stability, when the court or review body upheld the reply; None otherwise (also for a letter to the organ)."""
    if not text or to_the_organ(text) or _ACCOUNT_FAULTED_RE.search(text) or _SET_ASIDE_RE.search(text):
        return None
    text = compact(text)
    harm = _SECURITY_HARM_RE.search(text)
    if harm and _UPHELD_RE.search(text, harm.end()):
        return sentence_at(text, harm.start())
    return None


# One listed item told as asked before and answered ("2.该施工合同的备案信息。本人曾于2024年2月19日就同一施工合同备案信息向
# 贵局提出过申请，贵局已于2024年3月8日作出答复（某住建信复〔2024〕12号），此次再次申请"): 重复申请 for that item only.
_EARLIER_ASKED_RE = lazy_re.compile(r"(?:已|曾|已经)(?:于[^。；]{0,14}?)?[^。；]{0,30}?(?:申请过|申请公开过|提出过[^。；]{0,8}?申请|"
                               r"(?:提出|提交)(?:了)?(?:政府信息公开|公开|相同|同样|同一)?申请|向[^。；，]{1,12}?申请(?:公开|获取))|"
                               # "今年3月10日我申请过…", "今年3月我申请公开“…”，你们4月8日答复"
                               r"(?:今年|去年|前年|上个?月|(?:19|20)\d{2}年)[^。；，]{0,10}?(?:我|本人|我司|本公司|我们)(?:已经?|曾)?"
                               r"(?:向[^。；，]{1,12}?)?申请(?:过|公开过|公开|获取)")
_EARLIER_ANSWERED_RE = lazy_re.compile(r"(?<![未没不])(?<!尚未)(?:作出(?:了)?[^。；，]{0,30}?答复|收到[^。；]{0,12}?答复|已(?:经)?(?:于[^。；，]{0,14}?)?答复|"
                                  r"答复并提供|予以(?:公开|提供)|提供了|"
                                  # "你们4月2日给了答复（…）", "你们4月8日答复（…信复〔2025〕6号）"
                                  r"(?:你们|贵[局委办府院厅])(?:于)?(?:(?!未|没|不)[^。；，]){0,10}?(?:给了|给过|作了|作出了?)?(?:书面)?答复(?!期限|时限))")
_NOT_SAME_RE = lazy_re.compile(r"(?:丈夫|妻子|配偶|父亲|母亲|儿子|女儿|他人|别人|其他人)[^。；]{0,10}?(?:申请过|提出过|申请)|不同于|并不相同|内容不同")


def told_item_repeat(text: str) -> str | None:
    """The words of one listed item telling that the same applicant asked for it before and was answered, else None."""
    if not text or _NOT_SAME_RE.search(text):
        return None
    for m in _EARLIER_ASKED_RE.finditer(text):
        answered = _EARLIER_ANSWERED_RE.search(text, m.end(), m.end() + 120)
        if answered:
            return text[m.start():answered.end()]
    return None


def narrated_outcome(text: str) -> tuple[str, str] | None:
    """(reply code, the sentence that tells it) when a restatement or case note tells the organ's account that fixes the
    answer — the record moved to an archive, nothing ready-made that answering would not have to compile, or a party's
    request for the file of its own procedure still running — and does not find that account wrong; None otherwise
    (also for a letter written to the organ)."""
    if not text or to_the_organ(text) or _ACCOUNT_FAULTED_RE.search(text):
        return None
    text = compact(text)
    for kind, pattern in (("archived", _TOLD_ARCHIVED_RE), ("compiled", _TOLD_COMPILED_RE)):
        m = pattern.search(text)
        if m:
            return TOLD_OUTCOME_CODES[kind], sentence_at(text, m.start())
    pending = _TOLD_PENDING_RE.search(text)
    if pending and _CASE_FILE_RE.search(text) and _CASE_PARTY_RE.search(text):
        return TOLD_OUTCOME_CODES["pending"], sentence_at(text, pending.start())
    prohibited = _TOLD_PROHIBITED_RE.search(text)
    if prohibited:
        return TOLD_OUTCOME_CODES["prohibited"], sentence_at(text, prohibited.group(0).index("《") + prohibited.start())
    return None


def sentence_at(text: str, pos: int) -> str:
    """The sentence (or clause up to "；") of ``text`` around position ``pos``."""
    start = max(text.rfind(c, 0, pos) for c in "。；！？\n") + 1
    ends = [i for i in (text.find(c, pos) for c in "。；！？\n") if i >= 0]
    return text[start:(min(ends) + 1 if ends else len(text))].strip()


# The court's or review body's view that the ground the organ withheld on does not hold ("经营许可决定书…并非该公司不为公众所知悉的
# 商业秘密，被告仅凭第三方反对即不予公开，理由不能成立", "补贴的发放对象、面积和金额…依法应当公开，不属于个人隐私"): the facts
# told say the record is given (第十五条 and the others are not a bar the court accepted).
# (VIEW_RE: the court's or review body's voice, also read by reviewer.decide.told_procedure)
VIEW_RE = lazy_re.compile(r"(?:本院|法院|二审法院|一审法院|复议机关|本机关|本府)(?:经审查)?认为|经审查认为|审理认为")
_GROUND_WORDS = {"privacy": r"个人隐私|个人信息", "trade_secret": r"商业秘密|经营信息",
                 "process_info": r"过程性信息", "internal_affairs": r"内部事务信息",
                 "enforcement_file": r"行政执法案卷(?:信息)?"}
_NOT_GROUND_RE = lazy_re.compile(r"(?:不属于|并非|不是|不构成|不能认定为)[^。；，]{0,16}?(?P<g>" + "|".join(_GROUND_WORDS.values()) + ")")
_WITHHOLDING_FAILS_RE = lazy_re.compile(r"(?:不予公开|拒绝公开|不公开)(?:的)?(?:理由|依据)?(?:不能成立|不成立|缺乏(?:事实(?:和|及)?(?:法律)?)?(?:根据|依据))|"
                                   r"理由不能成立|依法应当(?:主动)?公开")
# ...or that the record is one the law says is published ("规划许可证及其附图…依照《城乡规划法》应当予以公布", "收费依据和标准…
# 依照条例第二十条第（八）项应当主动公开", "该处理决定书系被告依法作出的最终处理决定"): no ground the organ argued stands.
_PUBLIC_BY_VIEW_RE = lazy_re.compile(r"(?<![不无])(?:应当|应)(?:予以)?(?:主动)?(?:公开|公布)(?![^。；，]{0,6}?(?:部分|以外))|"
                                r"属于[^。；]{0,20}?应当主动公开|最终(?:处理)?决定(?:书)?[，,]")
_VIEW_FINDS_WRONG_RE = lazy_re.compile(r"(?:判决|决定|予以|应予|依法)撤销|撤销(?:被诉|该|原)|确认[^。；]{0,12}?违法|(?<!并无)(?<!没有)(?<!无)不当(?!得)|"
                                  r"不能成立|理由不成立|缺乏(?:事实|法律)?(?:根据|依据)|于法无据|责令[^。；]{0,10}?(?:重新|公开)|"
                                  r"判决[^。；]{0,12}?公开")
ALL_GROUNDS = ("state_secret", "trade_secret", "privacy", "process_info", "internal_affairs", "enforcement_file",
               "security_stability")


def narrated_grounds_rejected(text: str) -> set[str]:
    """The grounds a restatement's court or review body says do not apply (:data:`_NOT_GROUND_RE` in the view, with
    the withholding found wanting); empty for a letter or when the view says nothing of the kind."""
    if not text or to_the_organ(text):
        return set()
    text = compact(text)
    view = VIEW_RE.search(text)
    if not view:
        return set()
    said = text[view.start():]
    if not _WITHHOLDING_FAILS_RE.search(said) and not _PUBLIC_BY_VIEW_RE.search(said):
        return set()
    out = set()
    for m in _NOT_GROUND_RE.finditer(said):
        for ground, words in _GROUND_WORDS.items():
            if re.fullmatch(words, m.group("g")):
                out.add(ground)
    if _PUBLIC_BY_VIEW_RE.search(said) and _VIEW_FINDS_WRONG_RE.search(said):
        return set(ALL_GROUNDS)
    return out
