"""Register wrappers: turn a request body into a form, letter, lawyer's letter, e-mail, terse line or list.

Every wrapper picks among several layouts and phrasings so that no single framing phrase is
shared by most texts of one label.  Wrappers are label-neutral: label cues live in the bodies.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from .common import expand, pick

REGISTERS = ("online_form", "letter", "lawyer", "email", "terse", "multi_item")

# Frames that turn a noun-phrase core into a sentence (modules may pass their own).
NOUN_FRAMES = (
    "申请公开{core}。", "请提供{core}。", "申请获取{core}。", "要求公开{core}。", "请依法公开{core}。",
    "我想申请{core}。", "申请查阅并复制{core}。", "依法申请公开：{core}。", "麻烦提供一下{core}。",
    "希望贵单位公开{core}。",
)

PERSONAL_INTROS = (
    "", "", "",
    "本人{person}，系{county}{town}{village}村民。",
    "我是{community}的居民{person}。",
    "申请人{person}，身份证号{idno}，住{addr}。",
    "本人{person}，联系电话{phone}。",
    "我叫{person}，家住{addr}。",
    "本人{person}（身份证号码：{idno}）。",
    "本人是{company}职工{person}。",
)
SELF_INTROS = PERSONAL_INTROS + (
    "本公司{company}系依法设立的企业。",
    "申请人系{company}的法定代表人{person}。",
    "我是一名在读研究生，正在做地方治理方面的课题。",
)
PURPOSES = (
    "自身生产、生活需要", "维护自身合法权益", "行政复议、诉讼需要", "了解相关政策",
    "家庭生活需要", "查验相关情况", "个人需要", "",
)
DELIVERIES = ("电子邮件", "邮寄纸质材料", "当面领取", "通过网上平台答复", "光盘刻录", "纸质件，邮寄到家")
LETTER_OPENINGS = (
    "现依据《中华人民共和国政府信息公开条例》第二十七条的规定，向贵[[局|机关|单位]][[申请|提出申请，请求]]公开",
    "根据《政府信息公开条例》[[的相关规定|第二十九条]]，特向贵[[局|单位]]申请公开",
    "依照国务院令第711号《中华人民共和国政府信息公开条例》，申请人请求公开",
    "为[[维护自身合法权益|了解有关情况|生产生活需要]]，特申请公开",
    "现[[特|]]申请[[贵机关|你单位|贵局]]公开",
)
CLAUSE_OPENINGS = (
    "现就以下事项提出申请：", "特提出如下申请：", "申请事项如下：", "现向贵[[局|单位]]提出申请：",
    "", "有一事相询，", "根据《政府信息公开条例》，现提出：",
)
SIGN_OFFS = (
    "此致\n敬礼！", "望贵[[局|单位]]依法在法定期限内予以答复。", "请依法书面答复为盼。",
    "盼复。", "请在二十个工作日内答复。", "谢谢！", "",
)
EMAIL_SUBJECTS = ("政府信息公开申请", "申请公开信息", "依申请公开", "关于相关信息的申请", "信息公开", "求助")


def _framed(rng: random.Random, core: str, kind: str, frames: Sequence[str] | None) -> str:
    """Return the core as a sentence (noun cores get a verb frame, clause cores stay as written)."""
    if kind == "clause":
        return core
    return pick(rng, frames or NOUN_FRAMES).format(core=core)


def _signature(rng: random.Random) -> str:
    return pick(rng, ("申请人：{person}\n{today}", "{person}\n{today}", "申请人：{person}  电话：{phone}\n{today}",
                      "{person}（签字）\n{today}", "申请人（签名）：{person}"))


def online_form(rng: random.Random, ctx: dict, core: str, kind: str, lead: str, frames,
                intros: Sequence[str] | None = None) -> str:
    layout = rng.randrange(5 if intros is None else 4)  # organisation form only where it fits
    purpose, delivery = pick(rng, PURPOSES), pick(rng, DELIVERIES)
    if layout == 0:
        text = (f"申请人姓名：{{person}}\n联系电话：{{phone}}\n所需信息内容描述：{lead}{core}\n"
                f"所需信息用途：{purpose}\n获取信息方式：{delivery}")
    elif layout == 1:
        text = (f"【所需政府信息的名称、文号或者便于行政机关查询的其他特征性描述】{lead}{core}\n"
                f"【获取信息的方式】{delivery}")
    elif layout == 2:
        text = f"信息内容描述：{lead}{core}"
    elif layout == 3:
        text = (f"政府信息公开申请表\n申请人类型：公民\n姓名：{{person}}\n证件类型：居民身份证  证件号码：{{idno}}\n"
                f"通信地址：{{addr}}\n受理机关：{{agency}}\n所需信息的内容描述：{lead}{core}\n"
                f"是否申请减免费用：否\n提供方式：{delivery}")
    else:
        text = (f"申请人类型：法人或其他组织\n名称：{{company}}\n联系人：{{person}}\n"
                f"申请内容：{lead}{_framed(rng, core, kind, frames)}\n用途：{purpose}")
    return expand(text, rng, ctx)


def letter(rng: random.Random, ctx: dict, core: str, kind: str, lead: str, frames,
           intros: Sequence[str] | None = None) -> str:
    intro = expand(pick(rng, intros or SELF_INTROS), rng, ctx)
    if kind == "noun" and frames and rng.random() < 0.5:  # label-specific verbs (统计、核实 …)
        body = expand(pick(rng, CLAUSE_OPENINGS), rng, ctx) + _framed(rng, core, kind, frames)
    elif kind == "noun":
        body = expand(pick(rng, LETTER_OPENINGS), rng, ctx) + f"以下信息：{core}。"
    else:
        body = expand(pick(rng, CLAUSE_OPENINGS), rng, ctx) + core
    title = pick(rng, ("政府信息公开申请书\n", "", "", "申请书\n"))
    sign_off = pick(rng, SIGN_OFFS)
    sign_off = f"\n    {sign_off}" if sign_off else ""
    text = f"{title}{{agency}}：\n    {intro}{lead}{body}{sign_off}\n{_signature(rng)}"
    return expand(text, rng, ctx)


LEGAL_PARAGRAPHS = (
    "",
    "根据《中华人民共和国政府信息公开条例》第二条、第二十七条的规定，除行政机关主动公开的政府信息外，"
    "公民、法人或者其他组织可以向地方各级人民政府、对外以自己名义履行行政管理职能的县级以上人民政府部门申请获取相关政府信息。",
    "行政机关应当依照该条例第三十三条规定的期限作出答复；不予公开的，应当告知理由。",
    "本所律师提示：如贵机关逾期不予答复，委托人将依法申请行政复议或提起行政诉讼。",
)


def lawyer(rng: random.Random, ctx: dict, core: str, kind: str, lead: str, frames,
           intros: Sequence[str] | None = None) -> str:
    client = pick(rng, ("{person}", "{company}", "{person}等{n2}户村民", "{company}及其股东"))
    legal = pick(rng, LEGAL_PARAGRAPHS)
    basis = pick(rng, ("申请人与上述事项存在直接利害关系，", "为依法维护委托人权益，", "因代理相关案件需要，"))
    if rng.random() < 0.5:
        text = (f"政府信息公开申请书\n申请人：{client}\n委托代理人：{{person2}}，{{firm}}律师，执业证号{{licence}}\n"
                f"被申请机关：{{agency}}\n申请事项：{_framed(rng, core, kind, frames)}\n"
                f"事实与理由：{lead}{basis}依据《中华人民共和国政府信息公开条例》提出申请。{legal}请依法答复。\n"
                f"{{firm}}  律师 {{person2}}\n{{today}}")
    else:
        closing = pick(rng, ("特此函告，请于法定期限内书面答复本所。", "请贵机关依法办理。", "联系人：{person2}，电话：{phone}。"))
        text = (f"{{agency}}：\n    {{firm}}接受{client}的委托，指派{{person2}}律师（执业证号：{{licence}}）"
                f"办理相关事宜。{lead}{_framed(rng, core, kind, frames)}\n    {legal}{closing}\n{{firm}}\n{{today}}")
    return expand(text, rng, ctx)


def email(rng: random.Random, ctx: dict, core: str, kind: str, lead: str, frames,
          intros: Sequence[str] | None = None) -> str:
    greet = pick(rng, ("您好！", "你好，", "{agency}信息公开办：\n您好，", "尊敬的工作人员：", "领导好！"))
    close = pick(rng, ("烦请回复至本邮箱，谢谢。", "谢谢！", "盼回复。\n{person}", "收到请回复。\n{person} {phone}",
                       "{person}\n手机：{phone}", "——{person}"))
    subject = pick(rng, EMAIL_SUBJECTS)
    text = f"主题：{subject}\n{greet}{lead}{_framed(rng, core, kind, frames)}\n{close}"
    return expand(text, rng, ctx)


def terse(rng: random.Random, ctx: dict, core: str, kind: str, lead: str, frames,
          intros: Sequence[str] | None = None) -> str:
    if kind == "clause" or rng.random() < 0.35:
        return expand(core, rng, ctx)
    return expand(_framed(rng, core, kind, frames), rng, ctx)


def multi_item(rng: random.Random, ctx: dict, items: Sequence[str], kind: str, lead: str,
               heads: Sequence[str] = (), intros: Sequence[str] | None = None) -> str:
    if not heads:
        heads = (("申请公开以下信息：", "请提供如下材料：", "申请公开的政府信息如下：", "需要以下几项：")
                 if kind == "noun" else ("具体如下：", "申请事项：", "有以下几点：", "请逐项答复："))
    intro = expand(pick(rng, intros or SELF_INTROS), rng, ctx)
    style = rng.randrange(4)
    numbered = []
    for i, item in enumerate(items, 1):
        mark = (f"{i}.", f"{i}、", f"（{'一二三四五六'[i - 1]}）", f"第{i}项：")[style]
        numbered.append(mark + item)
    tail = pick(rng, ("", "\n以上信息请一并答复。", "\n请逐项答复。", "\n谢谢。"))
    text = f"{intro}{lead}{pick(rng, heads)}\n" + "\n".join(numbered) + tail
    return expand(text, rng, ctx)


WRAPPERS = {"online_form": online_form, "letter": letter, "lawyer": lawyer, "email": email, "terse": terse}
