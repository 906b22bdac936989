"""Steps 补不补 and 怎么答 told by a restatement: what a judgment, a review decision or an agency's case write-up says
happened to the application after it arrived — a 补正 notice that was never answered (第三十条: 视为放弃申请), a 补正
that still left the request unclear (补正只能一次, 无法提供), a fee notice left unpaid (第四十二条), a request for reasons
for a great many applications that got none or unreasonable ones (第三十五条), an application withdrawn — and which
第二十九条 elements the application it quotes lacked ("未填写姓名，也未附身份证明", "没有写明文件名称、文号或者其他
可供检索的特征").

These are the office's own procedure facts when it has them (``review --procedure``; the case record): a narration is
read only when none was given, and staff are told to check it against the case file.  A letter written to the organ
("贵局于3月发出补正告知书，我因住院未能按期补正，现补正如下") is never read here: it is an applicant's new step, not a
told outcome.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reviewer.decide.completeness import CONTACT_ELEMENT, DESCRIPTION_ELEMENT, IDENTITY_ELEMENT, NAME_ELEMENT
from reviewer.decide.narrated import VIEW_RE, to_the_organ
from reviewer.decide.narrated import sentence_at as _sentence
from reviewer.decide.triage import compact
from reviewer.text import lazy_re

_CORRECTION_NOTICE_RE = lazy_re.compile(r"补正(?:申请)?(?:告知书|通知书?|告知)|(?:让|叫|要|要求|通知)我[“\"]?补正|经(?:过)?(?:一次|此次|本次)?补正|(?<![未没])补正后|告知(?:其|原告|申请人|上诉人)?(?:予以|进行)?补正|要求(?:其|原告|申请人)补正|"
                                   r"补正期(?:限)?|(?:申请人|原告|上诉人|其|你)[^。；]{0,12}?补正(?:后|时|的|内容)")
# ...answered by a 补正 that still did not say what was asked for
_CORRECTED_RE = lazy_re.compile(r"(?:提交|交回|作出|递交|寄回|进行)(?:了)?(?:的)?补正|经(?:过)?(?:一次|此次|本次)?补正|"
                           r"补正期(?:限)?内(?:(?!未|没有|不|无)[^。；]){0,12}?(?:答复|回复|回称|称|写)|补正(?:材料|内容|后|时|称|写道|为)|补正的(?:申请)?内容|(?:按时|按期|如期)回复")
_NOT_DONE_BEFORE_RE = lazy_re.compile(r"(?:未|没有|无|不|未能)[^。；，]{0,4}$")  # "未提交任何补正材料"
_STILL_UNCLEAR_RE = lazy_re.compile(r"仍(?:然)?(?:未|没有|不|无法|拒绝|拒不)(?:能)?(?:写明|说明|明确|载明|确定|辨认|特定|提供|补充|指明)|无法据此确定|仍(?:为|是|写道|写着|称|只写)|"
                               r"依然(?:不|未|没有)|照抄|原样(?:抄|重复|照搬)|未作任何(?:补充|修改|说明|实质)|仍不明确|仍属不明确|"
                               # "提交的补正材料仅写“就是那次事件”，未补充任何可供检索的特征"
                               r"未(?:补充|提供|写明|说明|载明)任何[^。；，]{0,8}?(?:检索|特征|线索|信息|内容)|补正(?:材料|内容)?(?:中)?(?:仅|只)(?:写|写了|写着|称|有)")
# ...or never answered
_NEVER_CORRECTED_RE = lazy_re.compile(r"(?:未|没有|未能|逾期未|拒不)(?:按期|如期|在期限内)?(?:提交|作出|进行|予以)?(?:任何)?补正(?!的|材料的)")
_LAPSED_RE = lazy_re.compile(r"(?:逾期|期满|期限届满|届满后|期限内|期限已过|至今|至\d{4}年[^。；]{0,10}?|截至[^。；]{0,14}?)[^。；]{0,16}?"
                        r"(?:未|没有|均未|既未|亦未|仍未|并未)(?:能)?(?:在[^。；，]{0,6}?)?(?:作出|作|提交|进行|予以|补交)?(?:任何)?"
                        r"(?:补正|补交|回复|答复|补充|联系|回应|材料)|"
                        r"(?:未(?:能)?|没有)(?:在|于)?(?:补正)?期限(?:内|届满前)(?:提交|进行|作出|完成)?补正|逾期(?:未|不)(?:提交|作出)?补正|"
                        r"未(?:能)?(?:按期|按时|如期)(?:提交)?补正")
# A fee notice left unpaid (第四十二条, 《政府信息公开信息处理费管理办法》).
_FEE_NOTICE_RE = lazy_re.compile(r"(?:收费|缴费|计收)通知(?:书)?|信息处理费")  # (a letter's "收到…缴费通知书")
_UNPAID_RE = lazy_re.compile(r"(?:未|没有|既未|拒不|拒绝|逾期未)(?:按期|按时|如期|在[^。；]{0,14}?内)?(?:缴纳|缴费|缴交|支付|交纳|交费)")
# Many applications, reasons asked for (第三十五条), none or unreasonable ones given.
_COUNT = r"(?:\d{2,}|[一二三四五六七八九两]?十[一二三四五六七八九]?|[一二三四五六七八九两]百[零一二三四五六七八九十]*|[一二三四五六七八九两]千[零一二三四五六七八九十百]*)(?:余|多)?(?:件|份)"
_MANY_RE = lazy_re.compile(r"(?:共计?|累计|总计|合计|先后|连续|逾|已逾)[^。；]{0,24}?" + _COUNT + "|" + _COUNT + r"(?:(?:政府)?信息公开|公开)?申请|"
                      r"申请[^。；，]{0,4}?" + _COUNT + "|"
                      r"数量(?:明显)?超(?:出|过)(?:合理|正常)|"
                      r"频繁(?:提出|提交|申请)|大量(?:提出|提交|重复)")
_REASONS_ASKED_RE = lazy_re.compile(r"说明(?:申请)?理由")
_NO_GOOD_REASONS_RE = lazy_re.compile(r"拒不(?:作进一步)?说明|拒绝说明|不予说明|未(?:予|作|能)?说明(?:理由)?|理由(?:明显)?不(?:合理|成立|充分|正当)|无正当理由|"
                                 r"仅(?:回复|答复|回函|回覆)|(?:回复|答复|回函|回覆|答覆)(?:称|：|:)|不作说明|未作任何(?:说明|答复|回复)|"
                                 r"未(?:作|予)?(?:任何)?回复")
# The application withdrawn (not a 复议 or 诉讼 withdrawn).
_WITHDRAWN_RE = lazy_re.compile(r"(?:申请人|原告|上诉人|其)[^。；]{0,12}?(?:撤回|撤销)(?:了)?(?:其|该|本次|上述|此前的?)?(?:政府信息公开|公开)?申请|"
                           r"(?:提交|递交|发送|书写|出具|签署)[^。；]{0,10}?《?(?:关于)?撤回(?:政府信息公开|公开)?申请|"
                           r"(?:请求|要求|表示|决定)撤回(?![^。；，]{0,4}(?:起诉|上诉|复议|诉讼))")


# A narrator finding the organ's procedure wrong ("以逾期未补正为由不再处理…缺乏依据", "补正告知书…邮件被退回", "申请人已足额缴纳",
# "申请表已写明文件名称、文号"): the procedure told is not the outcome to draft.
_PROCEDURE_FAULTED_RE = lazy_re.compile(r"缺乏(?:事实|法律)?(?:根据|依据)|于法无据|(?:认定|处理|做法|行为)[^。；，]{0,6}?(?:不当|错误|违法)|"
                                   r"应予撤销|予以撤销|确认[^。；]{0,12}?违法|未(?:依法|有效)?送达|被退回|退回|误写|"
                                   r"(?:足额|按时|按期|如期|已经?)(?:缴纳|缴费|缴清|交纳)|已写明[^。；]{0,24}?(?:名称|文号)|内容明确|"
                                   r"不属于逾期|(?:在期限内|按时|按期|如期)(?:提交|作出|进行|回复)(?:了)?(?:补正|答复|回复)|"
                                   r"(?:免收|(?:予以|同意|决定|准予)减免|不收取|无需缴纳)")


@dataclass(frozen=True)
class ToldProcedure:
    code: str  # the reply code the told procedure leads to
    text: str  # the sentence that tells it (staff view)
    letter: bool = False  # the applicant's own letter takes the step (a withdrawal), not a restatement telling it
    items: tuple[int, ...] = ()  # the numbered items the step concerns ("就第二项…发出《补正告知书》"); () = the whole request

    def note(self) -> str:
        """Staff-facing note: where the step comes from and what to check."""
        if self.letter and self.code == "other.other":
            return LETTER_WITHDRAWAL_NOTE.format(told=self.text[:80])
        if self.letter:
            return LETTER_ACCOUNT_NOTE.format(told=self.text[:80])
        return TOLD_PROCEDURE_NOTE.format(told=self.text[:80])



# A letter to the organ withdrawing the applicant's own application ("经委托人书面授权，特函告贵局撤回该申请"): the one procedure
# step a letter itself takes that decides the reply (not a withdrawn 复议 or suit, not "我不会撤回申请").
_LETTER_WITHDRAWAL_RE = lazy_re.compile(r"(?:现|特|特此|现予|自愿|决定|申请|请求|要求|函告(?:贵[局委办府院]|你们)?)撤回"
                                   r"(?![^。；，]{0,12}(?:复议|起诉|诉讼|上诉|投诉|举报))[^。；，]{0,20}?(?:政府信息公开|信息公开|公开)?申请|"
                                   # "我7月3日提交的政府信息公开申请（编号…）请予撤回"
                                   r"(?:政府信息公开|信息公开|公开)申请(?:[（(][^）)]{0,40}[）)])?[^。；，]{0,6}?(?:请予|请|现予|特此|现|予以)撤回")


# The items a notice concerns ("就第二项向申请人发出《补正告知书》", "依法就第1项向原告送达《信息处理费收费通知书》").
_ITEMS_NAMED_RE = lazy_re.compile(r"(?:就|对|针对)(?:其|申请(?:内容)?(?:的|中的?)?)?第(?P<n>[一二三四五六七八九十\d]{1,3}"
                             r"(?:(?:项|条|点)?[、和及与]第?[一二三四五六七八九十\d]{1,3})*)(?:项|条|点)")
_ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _items_named(text: str, start: int, end: int) -> tuple[int, ...]:
    """The item numbers named for a notice between ``start`` and ``end`` (the notice and what became of it)."""
    sentence_start = max(text.rfind("。", 0, start), text.rfind("；", 0, start)) + 1
    m = _ITEMS_NAMED_RE.search(text, sentence_start, end)
    if not m:
        return ()
    out = []
    for part in re.split(r"(?:项|条|点)?[、和及与]第?", m.group("n")):
        n = int(part) if part.isdigit() else _ZH_DIGITS.get(part)
        if n:
            out.append(n)
    return tuple(out)


# The court's or review body's view that the organ should have asked for a 补正 and did not ("被告应当…一次性告知原告补正具体
# 的信息名称…；被告未告知补正即自行确定答复范围", "应当一次性告知其补正，而非直接答复信息不存在").
_SHOULD_CORRECT_RE = lazy_re.compile(r"(?<![不无])(?:应当|应)(?:在[^。；]{0,16}?)?(?:一次性)?(?:告知|要求|通知)"
                                r"(?:其|原告|申请人|上诉人|复议申请人)?(?:予以|进行)?补正")
_NOT_TOLD_TO_CORRECT_RE = lazy_re.compile(r"未(?:依法)?(?:一次性)?(?:告知|要求|通知)(?:其|原告|申请人|上诉人|复议申请人)?(?:予以|进行)?补正|"
                                     r"而非(?:直接)?|而是直接|却直接|径行|即自行")
# The applicant's own account, in a letter, of a notice it left unanswered ("你们寄来一张补正告知书…我当时…就没有回",
# "我故意没理你们，…期限早就过了", "收到贵局的收费通知…到现在也没交").
# (the applicant is the one who did not answer: "我…就没有回", not "你们至今没有答复")
_LETTER_IGNORED_RE = lazy_re.compile(r"(?:我|本人|我们|我司|俺)[^。；]{0,24}?(?:就|也|一直|始终|故意|都|并)?(?:没有?|未)(?:再)?"
                                r"(?:回|理|补正|补|回应)(?:你们|它|过)?(?![^。；，]{0,4}?(?:答复|回复)(?:我|本人))")
_LETTER_UNPAID_RE = lazy_re.compile(r"(?:就|也|一直|始终|故意|都|所以|因此|并)?(?:没有?|未)(?:去)?(?:缴|交)(?:费|钱|纳)?(?![^。；，]{0,3}?(?:材料|申请|补正))")


# "《说明理由通知书》收到了…我的理由很简单：…想申请多少就申请多少": asked for reasons, the letter gives none (第三十五条)
_LETTER_NO_REASONS_RE = lazy_re.compile(r"想申请多少(?:就申请多少)?|申请多少是我的(?:权利|自由)|(?:不需要|没有必要|没有义务|不必)(?:向你们)?说明(?:理由)?|"
                                   r"凭什么要(?:我)?说明(?:理由)?|不(?:想|愿意?)说明(?:理由)?")


def _letter_account(text: str) -> ToldProcedure | None:
    """A 补正 notice or a fee notice the letter says the applicant left unanswered or unpaid, or a notice asking for
    reasons for many applications that the letter answers with none."""
    asked = _REASONS_ASKED_RE.search(text)
    if asked and _MANY_RE.search(text):
        refused = _LETTER_NO_REASONS_RE.search(text, asked.end())
        if refused:
            return ToldProcedure("no_action.excessive", _sentence(text, refused.start()), letter=True)
    notice = _CORRECTION_NOTICE_RE.search(text)
    if notice and not _CORRECTED_RE.search(text, notice.end()):
        ignored = _LETTER_IGNORED_RE.search(text, notice.end())
        if ignored:
            return ToldProcedure("other.correction_lapsed", _sentence(text, ignored.start()), letter=True)
    fee = _FEE_NOTICE_RE.search(text)
    if fee:
        unpaid = _UNPAID_RE.search(text, fee.end()) or _LETTER_UNPAID_RE.search(text, fee.end())
        if unpaid:
            return ToldProcedure("other.fee_unpaid", _sentence(text, unpaid.start()), letter=True)
    return None


def narrated_procedure(text: str) -> ToldProcedure | None:
    """What a restatement tells happened to the application (see the module docstring), or None."""
    if text and to_the_organ(text):
        text = compact(text)
        withdrawn = _LETTER_WITHDRAWAL_RE.search(text)
        if withdrawn:
            return ToldProcedure("other.other", _sentence(text, withdrawn.start()), letter=True)
        return _letter_account(text)
    if not text:
        return None
    text = compact(text)
    should = _SHOULD_CORRECT_RE.search(text)
    if should and VIEW_RE.search(text) and _NOT_TOLD_TO_CORRECT_RE.search(text):
        # the court's or review body's view that the application should have been sent back for 补正 (第三十条)
        return ToldProcedure("other.correction", _sentence(text, should.start()))
    if _PROCEDURE_FAULTED_RE.search(text):
        return None
    notice = _CORRECTION_NOTICE_RE.search(text)
    if notice:
        corrected = next((m for m in _CORRECTED_RE.finditer(text, notice.start())
                          if not _NOT_DONE_BEFORE_RE.search(text, max(0, m.start() - 6), m.start())), None)
        if corrected and _NEVER_CORRECTED_RE.search(text, notice.start()):
            corrected = None  # "本局告知补正后，申请人未补正": the notice was never answered
        if corrected:
            still = _STILL_UNCLEAR_RE.search(text, corrected.start())
            if still:
                return ToldProcedure("unavailable.unclear", _sentence(text, still.start()))
        else:
            lapsed = _LAPSED_RE.search(text, notice.start())
            if lapsed:
                return ToldProcedure("other.correction_lapsed", _sentence(text, lapsed.start()),
                                     items=_items_named(text, notice.start(), lapsed.start()))
    fee = _FEE_NOTICE_RE.search(text)
    if fee:
        unpaid = _UNPAID_RE.search(text, fee.start())
        if unpaid:
            return ToldProcedure("other.fee_unpaid", _sentence(text, unpaid.start()),
                                 items=_items_named(text, fee.start(), unpaid.start()))
    many, asked = _MANY_RE.search(text), _REASONS_ASKED_RE.search(text)
    if many and asked:
        refused = _NO_GOOD_REASONS_RE.search(text, asked.end())
        if refused:
            return ToldProcedure("no_action.excessive", _sentence(text, refused.start()))
    withdrawn = _WITHDRAWN_RE.search(text)
    if withdrawn:
        return ToldProcedure("other.other", _sentence(text, withdrawn.start()))
    return None


TOLD_PROCEDURE_NOTE = ("复述中写明了申请的办理经过（“{told}”）：据此拟定答复类型。这不是本机关的办理记录，请核对补正告知书、收费通知、说明理由"
                       "告知书的送达凭证和申请人的回复后再答复。")

LETTER_ACCOUNT_NOTE = ("申请人在来信中自述了此前申请的办理经过（“{told}”）：据此拟定答复类型。这是申请人的说法，请调取本机关的补正告知书、"
                       "收费通知及其送达凭证和申请人的回复核实后再答复；核实不符的，按申请的实际内容处理。")

LETTER_WITHDRAWAL_NOTE = ("申请人来函撤回申请（“{told}”）：核实来函确由申请人（或其书面授权的代理人）提交、撤回的是哪一件申请后，登记为"
                          "“其他处理”并终止办理；撤回部分事项的，其余事项照常答复。")

# 第二十九条第二款 elements a restatement tells the application lacked.
_NO_NAME_RE = lazy_re.compile(r"未(?:填写|写明|载明|署|留|提供)(?:申请人)?(?:的)?(?:真实)?(?:姓名|名称)|没有(?:填写|写明|留)(?:申请人)?(?:的)?(?:姓名|名称)|"
                         r"(?:匿名|无署名|未署名)(?:提交|申请|来信)")
_NO_IDENTITY_RE = lazy_re.compile(r"未(?:附|提供|提交|出示)(?:任何)?(?:身份证明|身份证(?:件|复印件)?|营业执照)|没有(?:附|提供)(?:身份证明|身份证)")
_NO_CONTACT_RE = lazy_re.compile(r"未(?:留|提供|填写|写明)(?:任何|有效)?(?:的)?联系方式|没有(?:留|提供|填写)(?:任何)?联系方式")
_NO_DESCRIPTION_RE = lazy_re.compile(r"(?:未|没有|无)(?:写明|说明|载明|注明|列明|提供|填写)?[^。；]{0,8}?(?:文件)?(?:名称|文号)[^。；]{0,24}?"
                                r"(?:特征|可供(?:检索|查询)|可检索|可查询)|"
                                r"(?:未|没有)(?:写明|说明|明确)(?:所指|具体|涉及|所需|所申请)[^。；]{0,16}?(?:文件|信息|事项|期次|类别|类型|内容)|"
                                r"无法(?:辨认|识别|确定|特定)[^。；]{0,16}?(?:所(?:申请|需)|信息|名称|文件)|"
                                # "未写明文件名称、文号、形成时间或承办部门"
                                r"(?:未|没有)(?:写明|载明|注明|列明|说明)(?:任何)?(?:具体)?(?:的)?(?:文件|信息)?(?:的)?名称[、，,和及或]{1,2}(?:文件)?文号")
ELEMENT_NAMES = {"name": NAME_ELEMENT, "identity": IDENTITY_ELEMENT, "contact": CONTACT_ELEMENT}


def narrated_missing(text: str) -> list[str]:
    """The 第二十九条第二款 elements a restatement tells the application lacked (names as in the 补正 letter)."""
    if not text or to_the_organ(text):
        return []
    text = compact(text)
    out = []
    for key, pattern in (("name", _NO_NAME_RE), ("identity", _NO_IDENTITY_RE), ("contact", _NO_CONTACT_RE)):
        if pattern.search(text):
            out.append(ELEMENT_NAMES[key])
    if _NO_DESCRIPTION_RE.search(text):
        out.append(DESCRIPTION_ELEMENT)
    return out


# The applicant's own letter saying it answers the organ's 补正 notice ("贵局补正告知书收悉", "补正回复：", "上次你们让我
# 补正…", "第二次回你们的补正告知书"): the one 补正 (第三十条) has been asked for.  Traditional 補 is folded by compact().
_ANSWERS_CORRECTION_RE = lazy_re.compile(
    r"补正(?:告知书?|通知书?)[^。；！？!?\n]{0,30}?(?:收悉|已收到|收到了|我看了|已阅)|"
    r"(?:收到|接到)(?:了)?(?:你们|贵[局委办府院厅所处]|[^。；，,]{0,12}?)(?:寄来|发来|送来|出具)?的?《?补正(?:告知书?|通知书?)|"
    r"(?:回复|答复|针对|按照|根据|回)(?:你们|贵[局委办府院厅所处])?[^。；，,]{0,20}?(?:的)?补正(?:告知书?|通知书?|要求|告知)|"
    r"补正(?:告知书?|通知书?)的(?:回复|答复)|"
    r"补正(?:回复|答复|回函|说明|材料|内容|如下)(?:[（(][^）)]{0,30}[）)])?\s*[：:]|^\s*补正\s*[：:]|补正(?:回复|回函|如下)|"
    r"(?:回复|看了|见)(?:你们的|贵[局委办府院厅所处]的)?补正|关于补正\s*[：:]|"
    r"(?:按|按照|根据|依|依照)(?:你们|贵[局委办府院厅所处])?的?补正(?:告知书?|通知书?|要求)|(?:我|本人|我司|现)补正(?:一下|如下)|"
    r"(?:上次|上回|前次|此前|之前|上月|上个月|前几天|你们)(?:你们|贵[局委办府院厅所处])?[^。；]{0,14}?(?:让|叫|要|要求|通知|来函要求|打电话叫)"
    r"(?:我|本人|我们|我司|申请人)[^。；]{0,10}?(?:补正|补充|写清楚|说清楚|讲清楚|写明白|说明白)|"
    r"(?:你们|贵[局委办府院厅所处])[^。；，,]{0,6}?(?:说|认为)(?:我|本人)的?(?:申请)?(?:写得|描述|说得|写的|内容)?[^。；]{0,16}?"
    r"(?:不(?:清楚|明确|具体)|太笼统|太模糊|不够(?:清楚|具体|明确))"
)


_THIRD_PERSON_RE = lazy_re.compile(r"原告|被告|上诉人|被申请人|本院|法院|本机关|复议机关|经审理")


def answers_correction(text: str) -> bool:
    """Whether the applicant's own text (a letter to the organ, not a restatement) says it answers the organ's 补正
    notice (:data:`_ANSWERS_CORRECTION_RE`)."""
    text = compact(text or "").replace("補", "补")
    if _THIRD_PERSON_RE.search(text) and not to_the_organ(text):
        return False
    return _ANSWERS_CORRECTION_RE.search(text) is not None


ANSWERED_CORRECTION_NOTE = ("来函自称是对补正告知的答复：补正只有一次（第三十条），补正后仍无法确定所指信息的，可答复无法提供（申请内容不明确）。"
                            "请核对本机关的补正告知记录；如未发出过补正告知，本次仍可一次性告知补正。")
