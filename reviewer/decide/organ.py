"""Step 谁负责 (第十条, 第三十四条): which organ answers for the information asked for.

第十条: information an organ made is disclosed by that organ; information an organ obtained from another
organ is disclosed by the organ that made (or first obtained) it.  第三十四条: information made jointly
by several organs is answered by the 牵头 organ, which may ask the others for their opinion
(15 个工作日, silence = consent).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reviewer.decide.documents import AGENCY_RE, DocumentView, clean_agency, same_organ
from reviewer.decide.request import requested_object, unquote
from reviewer.text import lazy_re

MAKER_VERBS = "制作|作出|印发|发布|下发|下达|制发|出具|保存|审批|批准|核准|批复|召开|形成|核发|签发|颁发|签订|设置|编制|制定|" \
              "签(?=的)|发(?=的)|下(?=的)|批(?=的)|委托|抽检|抽查|检测|监测|招标(?=的)|出台|调整(?=[^，。；]{1,30}?的)"
# An organ's name as requests and restatements write it: AGENCY_RE, and also 办事处, 支队, 大队, 派出所, pseudonymised
# places ("××区人民政府") and a place's government in short ("市人民政府", "区政府").
# (no 与、及、对、就、的、向、由、在、了 inside a name: "某区分局与某村村民委员会签订的" names two parties; no 申请、要求、请求:
# "被告县农业农村局申请公开县生态环境局…" names the organ asked, then another)
_ORGAN_CHAR = r"(?:(?![与及对就的向由在了时]|申请|要求|请求|请人|诉人|原告|被告)[\u4e00-\u9fa5×＊*])"
ORGAN_RE = lazy_re.compile(r"(?:" + _ORGAN_CHAR + r"{2,12}?(?:省|市|县|区|镇|乡|街道))?(?:[省市县区镇乡]|" + _ORGAN_CHAR + r"{2,14}?)"
                      r"(?:人民政府|政府|管理局|监督管理局|局|委员会|委|办公室|办事处|办|厅|分局|中心|管委会|支队|大队|派出所)|"
                      # a State Council ministry ("这个环评是生态环境部批的"): named, never read from a bare 部
                      r"(?:国家)?(?:生态环境|自然资源|住房和城乡建设|交通运输|水利|农业农村|商务|文化和旅游|卫生健康|应急管理|财政|教育|"
                      r"科学技术|工业和信息化|公安|民政|司法|人力资源和社会保障|退役军人事务)部")
# The organ that made the record, told with its act ("由市规划局核发的", "市人民政府作出的", "某区应急管理局对某公司…出具的").
# (a time told between the organ and its act: "2019年3月", "最近", "那天晚上", "那次")
_TOLD_WHEN = (r"(?:(?:19|20)\d{2}年(?:\d{1,2}月)?(?:\d{1,2}日)?|今年|去年|前年|当年|最近|近期|当时|此前|之前|"
              r"(?:那|这|上)[天次回](?:晚上|夜里)?|当天|上个?月|前些年)?(?:新|刚|才|已经)?")
OTHER_AGENCY_CUES = lazy_re.compile(r"(?:由|系|是)?(?P<agency>" + ORGAN_RE.pattern + r")" + _TOLD_WHEN +
                               r"(?:(?:对|就|为|与|跟|和|同|在)[^，。；“”\"」』]{1,40}?)?(?:联合|共同)?"
                               r"(?P<verb>" + MAKER_VERBS + r")")
# An approval asked of or given by an organ to another's record ("报请省政府批准征地的请示", "经区政府批准的补偿方案"): the
# approving organ is not the record's maker.
_APPROVAL_LEAD_RE = lazy_re.compile(r"(?:经|报请|提请|报经|呈报|呈请|请|报|送|须经|需经)$")
_APPROVAL_IN_NAME_RE = lazy_re.compile(r"^(?:经|须经|需经)|报请|提请|报经|呈报|呈请")  # the lead caught inside the name
# An item that names its maker first: "示例市住房和城乡建设局2026年10月12日关于…的会议纪要", also quoted by a
# restatement ("申请公开“某市发展和改革委员会关于…的批复”") and acting on someone ("某市生态环境局对某公司…作出的批复",
# "某区分局与某村村民委员会签订的征地补偿协议", "某区住建局为该楼盘核发的预售许可证").
ITEM_MAKER_RE = lazy_re.compile(r"^(?:申请公开|要求公开|申请获取|请求公开|公开|提供)?[“\"「『]?(?P<agency>" + ORGAN_RE.pattern + r")"
                           r"(?:(?:19|20)\d{2}年|(?:今年|去年|前年|本年|当年)(?:[^，。；]{0,4}?关于)?|关于|《|的|(?:对|与|为|就)(?=[^，。；”\"」』]{1,40}?"
                           r"(?:作出|签订|核发|出具|制作|下达|送达)的)|"
                           # "县交通运输局对某道路改建工程施工图设计的批复": its reply on a matter
                           r"(?:对|就)(?=[^，。；”\"」』]{1,40}?的(?:批复|批文|决定书?|意见书?|复函|审查意见)))")


@dataclass
class OrganCheck:
    """Who answers for one item: ``own`` (this organ), ``other`` (第十条) or ``joint`` (第三十四条)."""

    responsible: str = "own"
    agency: str | None = None  # the organ that made the information (other) or this organ (joint, 牵头)
    co_organs: list[str] = field(default_factory=list)  # joint makers to consult (第三十四条)
    evidence: str = ""  # "document" | "request"
    # The organ the request names as maker when this organ's own name is unknown (no profile, no addressee in
    # the request): it may be this organ or another one, so the item is answered here and 第十条 is a check.
    unverified_maker: str | None = None
    competence: str | None = None  # the rules/competence.yaml entry that says who makes the record


    @property
    def reason(self) -> str | None:
        """Applicant-facing reason (legal language, no file names)."""
        if self.responsible == "other" and self.agency:
            return f"该信息由{self.agency}制作，应当由该机关负责公开"
        return None


# The item says this organ made the record ("贵局核发的", "你们局发的"): no allocation table overrides that.
_SAYS_THIS_ORGAN_MADE_RE = lazy_re.compile(r"(?:你们?|贵|本)(?:局|委|办|厅|院|所|单位|机关|部门|政府|中心|分局|大队|支队|中队|站|府)[^。；，]{0,12}?"
                                      r"(?:制作|作出|核发|签发|颁发|发放|审批|批准|出具|发的|批的)")
# The organ asked is the one that led a joint record (第三十四条: "贵局牵头、会同市财政局…制定的", "本局为主办单位",
# "该计划由本局起草，三部门联合行文"): it answers, consulting the others.
_ASKED_LED_RE = lazy_re.compile(r"(?:你们?|贵|本)(?:局|委|办|厅|府|单位|机关|部门|中心|政府)(?:为|是|系)?(?:牵头|主办|起草)(?:单位|部门|机关)?|"
                           r"由(?:你们?|贵|本)(?:局|委|办|厅|府|单位|机关|部门|中心|政府)(?:牵头)?(?:起草|主办|牵头)|"
                           r"主办(?:单位|部门|机关)(?:为|是|系)(?:你们?|贵|本)(?:局|委|办|厅|府|单位|机关|部门|中心|政府)")
# ... or made it together with others, the lead not told ("你局和市发改委、市财政局联合印发的《…》", "你局2023年和县住建局
# 一起发过一个…文件"); and another organ told as the lead ("是住建局起草的", "由市应急管理局牵头组织").
_ASKED_CO_MADE_RE = lazy_re.compile(r"(?:你们?|贵|本)(?:局|委|办|厅|府|单位|机关|部门|中心|政府)[^。；]{0,12}?(?:和|与|同|会同|联合)"
                               r"[^。；]{1,40}?(?:联合|共同|一起|一道)(?:印发|制定|发布|制作|下发|发文|行文|发过|发的|出台)|"
                               # the other organ first: "是市交通运输局牵头、会同你们支队联合发布的"
                               r"(?:和|与|同|会同)(?:你们?|贵)(?:局|委|办|厅|府|单位|机关|部门|中心|政府|支队|大队)[^。；]{0,8}?"
                               r"(?:联合|共同|一起|一道)?(?:印发|制定|发布|制作|下发|发文|行文|发过|发的|出台)")
_OTHER_LED_RE = lazy_re.compile(r"(?:是|系|由)(?P<agency>" + ORGAN_RE.pattern + r")(?:牵头(?:组织|起草|制定)?|起草|主办)")
# "你局", "贵单位", "本机关", "该委" …: the organ addressed (this one), not another organ.
ADDRESSEE_RE = lazy_re.compile(r"(?:你们?|贵|本|该|此)(?:局|委|办|厅|院|所|单位|机关|部门|政府|中心|分局|管委会|大队|支队|中队)|"
                          r"(?:你们?|贵)(?:街道办事处|街道办|街道|办事处|府|镇政府|镇|乡政府|乡|区政府|县政府|市政府)")


# The organ a request is addressed to: a letter's salutation line ("示例区人民政府：") or a restatement
# ("原告向被告示例区人民政府邮寄申请表", "申请人通过网上平台向示例市自然资源局提出申请").
_SALUTED = r"(?:的?(?:同志们?|领导|负责同志|工作人员))?[ \t　]*(?:[:：]|[，,]?\s*(?:你们?好|您好))"
# (the organ's disclosure office named after it: "市生态环境局政府信息公开工作机构：")
_OFFICE_SUFFIX = r"(?:(?:政府)?信息公开(?:工作)?(?:机构|办公室|科|办|专班))?"
_ADDRESS_LINE_RE = lazy_re.compile(r"^[ \t　]*(?:致[：:]?[ \t　]*|尊敬的)?(?P<agency>" + AGENCY_RE.pattern + r")" + _OFFICE_SUFFIX + r"[ \t　]*"
                              + _SALUTED, re.M)
# ... also a pseudonymised one ("××区生态环境分局：", "某县自然资源局：")
# (a vertically managed organ's local office: "国家税务总局××市税务局：", "国家外汇管理局××分局：")
_PSEUDONYM_ADDRESS_LINE_RE = lazy_re.compile(r"^[ \t　]*(?:致[：:]?[ \t　]*)?(?P<agency>(?:国家[\u4e00-\u9fa5]{2,8}?(?:总局|局|署))?(?:××|某某|某|XX|\*\*)"
                                        r"(?:" + ORGAN_RE.pattern + r"|分局|中心支局|支局|海关))" + _OFFICE_SUFFIX + r"[ \t　]*" + _SALUTED,
                                        re.M)
# ... or a 致 line with its colon after 致 and none after the organ ("致：国家铁路局××铁路监督管理局", "致：民航××地区管理局")
_TO_LINE_RE = lazy_re.compile(r"^[ \t　]*致[：:][ \t　]*(?P<agency>(?:国家[\u4e00-\u9fa5]{2,8}?(?:总局|局|署))?(?:××|某某|某|XX|\*\*)?"
                         r"[\u4e00-\u9fa5×]{0,12}?(?:" + ORGAN_RE.pattern + r"|分局|管理局|海关))" + _OFFICE_SUFFIX + r"[ \t　]*$", re.M)
# ... or, on the letter's first line, any organ's name as requests write it, with an office in brackets after it
# ("柳营街道办事处：", "长川县交通运输综合行政执法大队：", "区住房和城乡建设局（区房屋征收办公室）：")
_FIRST_LINE_ORGAN_RE = lazy_re.compile(r"\A\s*(?:致[：:]?[ \t　]*|尊敬的)?(?P<agency>" + ORGAN_RE.pattern + r")"
                                  r"(?:[（(][^）)\n]{1,20}[）)])?" + _OFFICE_SUFFIX + r"[ \t　]*" + _SALUTED)
# ... or a township's or county's government written short ("乡政府：", "镇政府你好", "县政府的领导：")
_SHORT_ADDRESS_LINE_RE = lazy_re.compile(r"^[ \t　]*(?:致)?(?P<agency>[乡镇县区市](?:人民)?政府|街道办(?:事处)?)[ \t　]*" + _SALUTED, re.M)
_ADDRESSED_TO_RE = lazy_re.compile(
    r"向(?:被告|被申请人|被上诉人|原审被告|再审被申请人)?(?P<agency>" + ORGAN_RE.pattern + r")"
    r"(?:邮寄|寄送|递交|提交|提出|申请|网上申请|书面申请|政府信息公开申请)|"
    # "申请人寄给省交通运输厅的信中写道", "致区卫生健康委员会："
    r"(?:寄给|寄往|递交给|写给)(?P<agency2>" + ORGAN_RE.pattern + r")(?:的)")
# The organ a short request or form names as the one asked ("（本申请递交县住建局）", "请镇政府公开…", "向乡政府申请公开…").
_ASKED_OF_RE = lazy_re.compile(r"(?:^|(?<=[（(，,。；：:\n]))[ \t　]*(?:本申请|此申请|该申请)(?:已)?(?:递交|提交|寄往|寄送|交)(?:至|给|到)?"
                          r"(?P<agency>" + ORGAN_RE.pattern + r")|"
                          r"^[ \t　]*(?:请|恳请)(?P<agency2>[乡镇县区市](?:人民)?政府|街道办(?:事处)?|" + ORGAN_RE.pattern + r")(?:依法)?(?:公开|提供)|"
                          # "（向区城管局提出）…"
                          r"[（(](?:向|递交|提交|交)(?:给|至|到)?(?P<agency3>" + ORGAN_RE.pattern + r")(?:提出|递交|提交)?(?:申请)?[）)]",
                          re.M)
# The generic names a short request uses for the organ asked ("镇政府", "街道办"): too short for the length check.
_GENERIC_ORGAN_RE = lazy_re.compile(r"[乡镇县区市](?:人民)?政府|街道办(?:事处)?")


# An organ's own register of requests ("市自然资源和规划局信息公开台账记载：", "某区税务局依申请公开登记：").
_OWN_REGISTER_RE = lazy_re.compile(r"^[ \t　【\[]*(?P<agency>(?:××|某某|某|XX|\*\*)?" + ORGAN_RE.pattern + r")[ \t　]*"
                              r"(?:政府)?(?:(?:信息公开|依申请公开)(?:申请)?(?:工作)?(?:台账|登记表?|办理记录|受理登记|处理笺|办理单|办理笺)|"
                              r"收件登记|收文登记|政务公开窗口(?:登记)?)", re.M)


# "某市生态环境局收到柳某的网上申请", "被告某镇人民政府于2014年4月2日签收了邓某寄来的申请书": the organ that received it.
_RECEIVED_RE = lazy_re.compile(r"(?:被告|被申请人|被上诉人)?(?P<agency>" + ORGAN_RE.pattern + r")(?:于[^，。；]{0,16})?"
                          r"(?:收到|签收了?|受理了?)[^。；]{0,24}?申请")


# The respondent of a review or a suit is the organ that answered the request: "被申请人某区卫生健康委员会答复申请人…",
# "某县人力资源和社会保障局作为被申请人答辩称", "受理机关：某区市场监督管理局".  Read before the other patterns, which
# would take the organ a reply pointed the applicant to ("并告知申请人向某区市场监督管理局申请") for the addressee.
_RESPONDENT_RE = lazy_re.compile(r"(?:被申请人|被告|被上诉人|原审被告|再审被申请人|受理机关[：:]\s*)(?P<agency>" + ORGAN_RE.pattern + r")|"
                            r"(?P<agency2>" + ORGAN_RE.pattern + r")(?:作为|系本案)(?:被申请人|被告|被上诉人)|"
                            # "请求撤销某县农业农村局2024年4月作出的告知书", "某市生态环境局在复议答复书中称"
                            r"(?:撤销|确认)(?P<agency3>" + ORGAN_RE.pattern + r")(?:于)?[^，。；“”]{0,14}?作出的|"
                            r"(?P<agency4>" + ORGAN_RE.pattern + r")在(?:行政)?(?:复议)?(?:答复书|答辩状|答辩书)中|"
                            # the organ's own reply quoted: "某区生态环境分局答复书（节录）：你申请获取的…"
                            r"^\s*(?P<agency5>" + ORGAN_RE.pattern + r")(?:\d{4}年)?(?:政府信息公开|信息公开)?(?:答复书|告知书|答复)|"
                            # "原告要求某市教育局公开…"
                            r"(?:原告|申请人|上诉人|再审申请人)[^。；，]{0,6}?(?:要求|请求)(?P<agency6>" + ORGAN_RE.pattern + r")(?:公开|提供)")
_PLACE_IN_NAME_RE = lazy_re.compile(r"[省市县区镇乡]|街道|××|某")


# An organ's own case note naming itself ("本机关（某县某乡人民政府）收到…", "本局（某县公安局）2024年8月收到一件申请").
_SELF_NAMED_RE = lazy_re.compile(r"(?:本|我)(?:机关|局|委|办|单位|府|院|厅|中心|分局)[（(](?P<agency>(?:××|某某|某|XX|\*\*)?"
                            + ORGAN_RE.pattern + r")[）)]")


# A 请示 or 报告 sent up to the organ asked ("某乡人民政府今年就…向县人民政府上报的请示报告"): the organ asked holds it for
# its own decision (a process record of its own handling), not merely as another organ's record.
_SUBMITTED_UP_RE = lazy_re.compile(r"(?:向[^。；，]{0,16}?(?:上报|报送|呈报|提交|报请)|(?:上报|报送|呈报)(?:给)?[^。；，]{0,16}?)(?:的)?"
                              r"[^。；，]{0,20}?(?:请示|报告)(?!书)")


def _respondent(text: str) -> str | None:
    for m in _RESPONDENT_RE.finditer(text or ""):
        agency = _organ_name(next(g for g in m.groups() if g))
        if len(agency) >= 4 and not ADDRESSEE_RE.fullmatch(agency) and _PLACE_IN_NAME_RE.search(agency[:-1]):
            return agency
    return None


def request_addressee(text: str) -> str | None:
    """The organ the request is addressed to, when the text says so (the organ that answers it)."""
    respondent = _respondent(text)
    if respondent:
        return respondent
    for pattern in (_ADDRESS_LINE_RE, _PSEUDONYM_ADDRESS_LINE_RE, _TO_LINE_RE, _SHORT_ADDRESS_LINE_RE, _FIRST_LINE_ORGAN_RE,
                    _ADDRESSED_TO_RE, _RECEIVED_RE, _SELF_NAMED_RE, _OWN_REGISTER_RE, _ASKED_OF_RE):
        for m in pattern.finditer(text or ""):
            if _POINTED_TO_RE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "告知申请人向县发改局申请": the organ the reply points to
            agency = _organ_name(next(g for g in (m.groupdict().get("agency"), m.groupdict().get("agency2"),
                                                  m.groupdict().get("agency3")) if g))
            agency = re.sub(r"^(?:你们|你|贵)(?=[\u4e00-\u9fa5]{3,})", "", agency)  # "向你们区人社局申请" → 区人社局
            if (len(agency) >= 4 or pattern is _SHORT_ADDRESS_LINE_RE or (pattern in (_ADDRESSED_TO_RE, _ASKED_OF_RE)
                                                                         and _GENERIC_ORGAN_RE.fullmatch(agency))) \
                    and not ADDRESSEE_RE.fullmatch(agency):
                return agency
            break
    return None


_POINTED_TO_RE = lazy_re.compile(r"告知(?:其|申请人|原告|上诉人|申请者)?(?:可|应|另行)?$|(?:建议|引导|指引)(?:其|申请人)?$|[“\"「]?请$")


# Running words a match may start with before an organ's place ("公开区政府", "申请内容为某区应急管理局").
_RUNNING_LEAD_RE = lazy_re.compile(r"^.*?(?:申请公开|要求公开|请求公开|申请获取|公开|提供|内容为|为|是|系|由|想看看|看看|想看|(?:想要|要)(?:一份|一下|一个)?|年度|把|将|一个|一份|这个|那个|"
                              r"了解(?:一下)?|查看|查阅)"
                              r"(?=[\u4e00-\u9fa5×＊*]{0,12}?(?:省|市|县|区|镇|乡|街道))")


def _organ_name(raw: str) -> str:
    """An organ's name without the running words before it (:func:`clean_agency`, then :data:`_RUNNING_LEAD_RE`)."""
    name = clean_agency(raw)
    # a date told before the organ ("2023年县政府作出的"): its last character is no part of the name
    name = re.sub(r"^[年月日号](?=[省市县区镇乡])", "", name)
    rest = _RUNNING_LEAD_RE.sub("", name, count=1)
    return rest if len(rest) >= 3 else name


# "原市城乡规划局已在机构改革中撤销，职责划入贵局": the organ asked is the abolished organ's successor, and answers for
# the records its predecessor made.
_SUCCESSOR_RE = lazy_re.compile(r"(?:撤销|撤并|合并|整合|组建)[^。]{0,20}?(?:职责|职能|业务)?(?:划入|并入|划转至|整合至|由)(?:你们?|贵|本)")


# Another organ's record named as its possession ("市医保局的那个文件", "县气象局那天的冰雹观测记录").
# ("区生态环境局那次做的厂界噪声监测报告", "县教育局这次招聘的笔试、面试成绩和拟录用名单": the organ's own act, told in everyday words)
_POSSESSED_RE = lazy_re.compile(r"(?P<agency>" + ORGAN_RE.pattern + r")" + _TOLD_WHEN + r"(?:那天|当天|那次|这次|上次)?"
                           r"(?:做|搞|测|出|发|招聘|组织|举办)?的(?:那个|那份|那张|这个|这份)?"
                           r"[^，。；“”\"]{0,12}?(?:文件|通知|批复|记录|数据|报告|决定书?|审批表|许可证|结果|方案|证明|名单|成绩)"
                           r"(?![^，。；]{0,2}(?:要求|规定|精神))")
# Verbs that name the organ's act only right after its name (and a time): "区医疗保障局今年调整…的文件".
_DIRECT_ONLY_VERBS = ("调整", "出台")
_CONNECTOR_RE = lazy_re.compile(r"[对就为与跟和同在]")


_IN_PARTY_TITLE_RE = lazy_re.compile(r"(?:被申请人|申请人|被告|原告|上诉人)[^向由与对就和及、，,。；;\s]{0,2}$")


# A record this organ reposted from its maker ("贵局官网转载了省自然资源厅《关于…的通知》"): the maker's (第十条).
_REPOSTED_RE = lazy_re.compile(r"转(?:载|发)(?:了)?(?P<agency>" + ORGAN_RE.pattern + r")(?:的|印发的|发布的|制定的)?[《“\"]")


def detect_other_agency(text: str, own_name: str | None) -> str | None:
    """An organ the request says made or keeps the information, if it is not this organ (nor an abolished organ whose
    duties passed to this one)."""
    succeeded = _SUCCESSOR_RE.search(text) is not None
    for m in _REPOSTED_RE.finditer(text):
        agency = _organ_name(m.group("agency"))
        if len(agency) >= 4 and not same_organ(agency, own_name) and not ADDRESSEE_RE.search(agency):
            return agency
    for m in OTHER_AGENCY_CUES.finditer(text):
        agency = _organ_name(m.group("agency"))
        if len(agency) < 4 or same_organ(agency, own_name) or ADDRESSEE_RE.search(agency):
            continue
        if _IN_PARTY_TITLE_RE.search(text, 0, m.start("agency") + 1):
            continue  # "由被申请人组织验收委员会制作": the organ asked, not an organ named "…验收委员会"
        if m.group("verb") in ("批准", "审批") and (_APPROVAL_LEAD_RE.search(text, 0, m.start("agency"))
                                                   or _APPROVAL_IN_NAME_RE.search(m.group("agency"))):
            continue
        if succeeded and (agency.startswith("原") or text[max(0, m.start("agency") - 1):m.start("agency")] == "原"):
            continue
        if m.group("verb") in _DIRECT_ONLY_VERBS and _CONNECTOR_RE.search(text, m.end("agency"), m.start("verb")):
            continue  # "与某区自然资源局就该地块容积率调整问题往来的函件": the matter adjusted, not the organ's act
        return agency
    for m in _POSSESSED_RE.finditer(text):
        agency = _organ_name(m.group("agency"))
        if len(agency) >= 4 and _PLACE_IN_NAME_RE.search(agency[:-1]) and not same_organ(agency, own_name) \
                and not ADDRESSEE_RE.search(agency) and not (succeeded and agency.startswith("原")):
            return agency  # (a place in the name: "案件审查委员会的讨论记录" is the organ's own committee)
    return None


_PLACE_RE = lazy_re.compile(r"^.{1,8}?(?:省|自治区|市|自治州|州|盟|地区|县|区|旗)")


def same_place(a: str | None, b: str | None) -> bool:
    """Whether two organs' names start with the same place ("示例市住房和城乡建设局", "示例市自然资源和规划局")."""
    pa, pb = _PLACE_RE.match(a or ""), _PLACE_RE.match(b or "")
    return bool(pa and pb and pa.group(0) == pb.group(0))


# An item that points back to a record told before it ("这份行政处罚决定书", "该批复", "上述许可证").
_ANAPHOR_RE = lazy_re.compile(r"(?:这|那|该|此|上述|前述)(?:份|个|张|批|项|次)?(?:[\u4e00-\u9fa5]{0,8}?)"
                         r"(?:决定书?|许可证?|证明|批复|报告|协议|合同|方案|文件|通知书?|认定书|证书)")


def item_organ(item_text: str, views: list[DocumentView], own_name: str | None, configured: bool = True,
               context: str = "") -> OrganCheck:
    """Who answers for one item, from its own documents first, then from what the item says.  ``configured``
    is False when ``own_name`` comes from the bundled example profile: documents are still compared with it when
    their maker is an organ of the same fictional place (the demo), otherwise the maker — and a maker named in the
    request alone — is only a check (``unverified_maker``)."""
    readable = [v for v in views if v.readable]
    if own_name and readable:
        makers = [v for v in readable if v.organ]
        for view in makers:
            organs = [view.organ, *view.co_organs]
            if view.co_organs and any(same_organ(o, own_name) for o in organs):
                others = [o for o in organs if not same_organ(o, own_name)]
                if same_organ(view.organ, own_name):
                    return OrganCheck("joint", own_name, others, "document")
                return OrganCheck("other", view.organ, [], "document")
        if makers and len(makers) == len(readable) and all(not same_organ(v.organ, own_name) for v in makers):
            if not configured and not same_place(makers[0].organ, own_name):
                # the example profile's fictional office can only be told apart from organs of its own fictional
                # place: a real office that has not run ``reviewer init`` reviews its own documents here
                return OrganCheck("own", evidence="document", unverified_maker=makers[0].organ)
            return OrganCheck("other", makers[0].organ, [], "document")
        return OrganCheck("own")
    if readable:
        return OrganCheck("own")
    named = None if _SUBMITTED_UP_RE.search(item_text) else detect_other_agency(item_text, own_name)
    if named is None and not _SUBMITTED_UP_RE.search(item_text):
        m = ITEM_MAKER_RE.match(item_text.strip()) or ITEM_MAKER_RE.match(unquote(requested_object(item_text)))
        if m:
            agency = _organ_name(m.group("agency"))
            if len(agency) >= 4 and not same_organ(agency, own_name) and not ADDRESSEE_RE.search(agency) \
                    and not (agency.startswith("原") and _SUCCESSOR_RE.search(context or item_text)):
                named = agency
    told = context or item_text
    if _ASKED_LED_RE.search(told) and named:
        # a joint record the organ asked led (第三十四条): it answers, and may consult the co-makers
        return OrganCheck("joint", own_name, [named], "request")
    if _ASKED_CO_MADE_RE.search(told):
        led = _OTHER_LED_RE.search(told)
        lead = _organ_name(led.group("agency")) if led else None
        if lead and not ADDRESSEE_RE.search(lead) and not same_organ(lead, own_name):
            return OrganCheck("other", lead, [], "request")  # 第十条第三款: the lead organ answers
        if own_name and configured and not lead:
            from reviewer.decide.competence import load_table

            table = load_table()
            by_number = table.lead_of(item_text or told, own_name) if table is not None else None
            if by_number is not None:  # the 文号 is the lead's ("你局和市教育局联合印发的湘教发〔2022〕31号")
                return OrganCheck("other", by_number.organ, [], "competence", competence=by_number.code)
        if named:  # the lead not told: the officer checks who led (第三十四条 or 第十条)
            return OrganCheck("joint", own_name, [named], "request-co")
    competence = None
    if named is None and own_name and configured and not _SAYS_THIS_ORGAN_MADE_RE.search(item_text):
        from reviewer.decide.competence import load_table

        table = load_table()
        competence = table.maker_of(item_text, own_name) if table is not None else None
        if competence is None and table is not None and context and _ANAPHOR_RE.search(item_text):
            # "申请公开这份行政处罚决定书" after the sentences that say whose: the record is the one told before
            competence = table.maker_of(context, own_name)
    if competence is not None:
        # 第十条 by the law's allocation of powers (rules/competence.yaml): a candidate the officer confirms
        return OrganCheck("other", competence.organ, [], "competence", competence=competence.code)
    if named and not (own_name and configured):
        # Who "this organ" is is unknown: applicants usually name the organ they write to, so a named maker is a
        # 第十条 check for the officer, not a 非本机关负责公开 draft.
        return OrganCheck("own", evidence="request", unverified_maker=named)
    if named:
        return OrganCheck("other", named, [], "request")
    return OrganCheck("own")
