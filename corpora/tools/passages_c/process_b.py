"""``process_info`` passages, part 2: 送审稿 with notes, 起草说明, internal 征求意见 letters."""

from __future__ import annotations

from .common import MAX_LEN, Ctx, cn_date, cn_number, record
from .internal import RULE_SETS
from .reg_subjects import SUBJECTS, Subject
from .rules import organ_slots

STAGES = ("送审稿", "征求意见稿", "讨论稿", "修改稿", "草案")
PEERS = ("发展和改革局", "财政局", "司法局", "公安局", "市场监督管理局", "住房和城乡建设局", "自然资源局",
         "生态环境局", "城市管理局", "交通运输局", "应急管理局", "民政局", "人力资源和社会保障局")

NOTES = (
    "【说明：本条参照外地做法设置，{peer}认为上位法依据不足，建议进一步论证。】",
    "【此条有两种意见：一种意见认为应当设定具体罚款数额，另一种意见认为宜由上位法规定，请审议时研究确定。】",
    "（{peer}意见：建议删除本款。起草组意见：暂予保留。）",
    "〔修改说明：根据第二轮征求意见情况，将办理时限由十五个工作日修改为二十个工作日。〕",
    "【待定：本条与{peer}职责存在交叉，尚需协调。】",
    "（此条系新增，是否保留请领导审定。）",
    "【司法局合法性审核意见：本条设定的义务超出上位法规定，建议修改为倡导性条款。】",
    "〔起草组内部意见不一，暂列两种表述，定稿时二选一。〕",
)


def draft_articles(ctx: Ctx, subject: Subject) -> dict:
    """A stretch of a draft rule with the drafters' bracketed notes still in it."""
    organ = ctx.organ(subject.field, "city")
    place = organ.place
    stage = ctx.pick(STAGES[:4])
    start = ctx.rng.randint(1, 9)
    arts = list(subject.articles)
    k = ctx.rng.randint(3, len(arts))
    chosen = sorted(ctx.sample(range(len(arts)), k))
    note_slots = ctx.sample(range(k), ctx.rng.randint(1, 2))
    items = []
    for pos, idx in enumerate(chosen):
        art = arts[idx]
        if pos in note_slots:
            art += ctx.pick(NOTES).format(peer=place[:3] + ctx.pick(PEERS))
        items.append(f"第{cn_number(start + pos)}条　{art}")
    head = f"{place}{subject.title}（{stage}）" + ctx.pick(("\n", " ", "\n（内部讨论，请勿外传）\n", f"\n{organ.name}　{cn_date(ctx.date())}\n"))
    if start == 1 and ctx.chance(0.7):
        items[0] = f"第一条　为了{subject.purpose}，根据{subject.basis}，结合本{place[-1]}实际，制定本办法。"
    text = head + ctx.pick(("\n", "")).join(items)
    while len(text) > MAX_LEN and len(items) > 3:
        items.pop()
        text = head + "\n".join(items)
    return record(text, ["process_info"], subject.field, stage)


def drafting_explanation(ctx: Ctx, subject: Subject) -> dict:
    """关于《……（送审稿）》的起草说明: background, process, contents, unresolved issues."""
    organ = ctx.organ(subject.field, ctx.pick(("city", "district")))
    place = organ.place
    d = ctx.date()
    n_peer = ctx.rng.randint(8, 26)
    got = ctx.rng.randint(20, 90)
    taken = ctx.rng.randint(8, got - 5)
    peer_a, peer_b = ctx.sample(PEERS, 2)
    sections = [
        f"关于《{place}{subject.title}（送审稿）》的起草说明",
        f"一、起草背景。为{subject.purpose}，{organ.short}根据年度规范性文件制定计划，于{cn_date(ctx.later(d, -200, -90))}启动起草工作。",
        f"二、起草过程。起草组赴{ctx.rng.randint(2, 5)}个先进地区学习考察，书面征求了{n_peer}个部门和单位的意见，共收到意见建议{got}条，采纳或部分采纳{taken}条，未采纳的已与提出单位沟通说明。",
        f"三、主要内容。送审稿共{cn_number(ctx.rng.randint(4, 7))}章{cn_number(ctx.rng.randint(22, 48))}条，主要规定了适用范围、部门职责、管理措施和法律责任。",
        ctx.pick((
            f"四、需要说明的问题。关于部门职责分工，{place[:3]}{peer_a}与{place[:3]}{peer_b}意见尚不一致，起草组倾向于按现有“三定”规定确定，请审议时研究。",
            "四、需要说明的问题。关于罚款幅度，部分单位认为标准偏低，起草组认为应与上位法和周边地区保持衔接，暂按现有标准表述。",
            f"四、需要说明的问题。送审稿第{cn_number(ctx.rng.randint(8, 20))}条关于信用惩戒的规定，司法局合法性审核时提出需有上位法依据，起草组正在补充论证。",
        )),
        ctx.pick(("以上说明，请审议。", "送审稿及起草说明妥否，请审定。", "特此说明。")),
        f"{organ.name}\n{cn_date(d)}",
    ]
    return record("\n".join(sections), ["process_info"], subject.field, "起草说明")


def consult_letter(ctx: Ctx, subject: Subject) -> dict:
    """An internal 征求意见函 sent to sister departments (not to the public)."""
    organ = ctx.organ(subject.field, "city")
    place = organ.place
    d = ctx.date()
    due = ctx.later(d, 5, 15)
    peers = "、".join(place + p for p in ctx.sample([p for p in PEERS if p not in organ.name], ctx.rng.randint(3, 5)))
    extra = ctx.pick(("、各区（县）人民政府", "", "、市信访局", "、市政务服务管理局"))
    kind = ctx.pick(("函", "通知"))
    text = "\n".join([
        f"{organ.name}关于征求《{place}{subject.title}（征求意见稿）》意见的{kind}",
        f"{peers}{extra}：",
        f"为{subject.purpose}，我{organ.short[-1]}起草了《{place}{subject.title}（征求意见稿）》，现送你们征求意见。"
        f"请结合职责认真研究，于{cn_date(due)}前将加盖单位公章的书面意见反馈{organ.short}{ctx.pick(('法规科', '办公室', '政策法规科'))}。"
        + ctx.pick(("无意见的也请书面回复。", "逾期未反馈的，视为无意见。", "如有不同意见，请注明理由和修改建议。"))
        + ctx.pick(("征求意见稿仅供内部研究，请勿对外公开。", "", "本稿尚未定稿，请勿扩散。")),
        f"联系人：{ctx.name()}，联系电话：{ctx.landline()}",
        f"附件：《{place}{subject.title}（征求意见稿）》",
        f"{organ.name}\n{cn_date(d)}",
    ])
    return record(text, ["process_info"], subject.field, "征求意见函")


def internal_rule_draft(ctx: Ctx, index: int) -> dict:
    """An internal rule circulated inside the organ for comment: internal affairs and a draft."""
    rs = RULE_SETS[index % len(RULE_SETS)]
    organ = ctx.organ()
    s = organ_slots(ctx, organ)
    s["year"] = str(ctx.rng.randint(2021, 2025))
    d = ctx.date()
    title = f"{organ.name}{ctx.pick(rs.titles)}（修订征求意见稿）"
    arts = [rs.body[i].format_map(s) for i in sorted(ctx.sample(range(len(rs.body)), 3))]
    first = ctx.rng.randint(3, 9)
    body = "".join(f"第{cn_number(first + i)}条　{a}" for i, a in enumerate(arts))
    text = "\n".join([
        f"关于征求《{title[len(organ.name):]}》意见的通知",
        f"机关各{s['unit']}、各直属单位：",
        f"为进一步规范{organ.short}内部管理，{s['office']}对现行制度进行了修订，主要修改内容摘录如下：{body}",
        f"请各{s['unit']}组织干部职工认真讨论，于{cn_date(ctx.later(d, 4, 10))}前将修改意见反馈{s['office']}。修订稿经{s['meeting']}审议通过后印发执行。",
        f"{organ.name if organ.name.endswith(s['office']) else organ.name + s['office']}\n{cn_date(d)}",
    ])
    while len(text) > MAX_LEN:
        arts.pop()
        body = "".join(f"第{cn_number(first + i)}条　{a}" for i, a in enumerate(arts))
        text = text.split("主要修改内容摘录如下：")[0] + "主要修改内容摘录如下：" + body + "\n" + text.split("\n", 3)[3]
    return record(text, ["internal_affairs", "process_info"], organ.field, "征求意见稿")


def build(ctx: Ctx, n_drafts: int = 10, n_expl: int = 7, n_letters: int = 8, n_internal: int = 8) -> list[dict]:
    subjects = list(SUBJECTS)
    out = [draft_articles(ctx, subjects[i % len(subjects)]) for i in range(n_drafts)]
    out += [drafting_explanation(ctx, subjects[(i + 3) % len(subjects)]) for i in range(n_expl)]
    out += [consult_letter(ctx, subjects[(i + 6) % len(subjects)]) for i in range(n_letters)]
    out += [internal_rule_draft(ctx, i) for i in range(n_internal)]
    return out
