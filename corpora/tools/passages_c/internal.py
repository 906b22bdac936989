"""Builders for ``internal_affairs`` passages: rule texts, routing slips and leave forms."""

from __future__ import annotations

from . import internal_a, internal_b, internal_c
from .common import Ctx, cn_date, record
from .rules import RuleSet, compose, organ_slots

RULE_SETS: tuple[RuleSet, ...] = internal_a.ALL + internal_b.ALL + internal_c.ALL


def gov_slots(ctx: Ctx) -> tuple[dict[str, str], str]:
    """Slots for a district/county/city government's own rules (常务会议规程)."""
    organ = ctx.organ("综合", ctx.pick(("city", "district")))
    level = organ.place[-1]
    short = {"市": "市政府", "区": "区政府", "县": "县政府"}[level]
    head = {"市": "市长", "区": "区长", "县": "县长"}[level]
    slots = organ_slots(ctx, organ)
    slots.update(short=short, head=head, deputy="副" + head, office=short + "办公室", year=str(ctx.rng.randint(2020, 2025)))
    return slots, organ.place


def rule_passage(ctx: Ctx, rs: RuleSet) -> dict:
    if rs is internal_c.EXECUTIVE_MEETING:
        slots, prefix = gov_slots(ctx)
        field = "综合"
    else:
        level = ctx.pick(("city", "district", "district", "street", "station")) if ctx.chance(0.35) else None
        organ = ctx.organ(level=level)
        slots = organ_slots(ctx, organ)
        slots["year"] = str(ctx.rng.randint(2020, 2025))
        prefix, field = organ.name, organ.field
    return record(compose(ctx, rs, slots, prefix), ["internal_affairs"], field, rs.doc_type)


def routing_slip(ctx: Ctx) -> dict:
    """收文处理笺 / 发文稿纸: the internal trail of one document through 拟办、批办、承办、签发."""
    organ = ctx.organ()
    s = organ_slots(ctx, organ)
    d = ctx.date()
    topic = ctx.pick(("开展安全生产大检查", "做好汛期值班值守", "报送年度预算执行情况", "开展营商环境评估自查",
                      "做好信访积案化解", "报送重点项目推进情况", "加强节假日市场监管", "开展档案专项清理"))
    officer, lead, deputy_name = ctx.name(), ctx.name(), ctx.name()
    if organ.field != "综合":
        sender = organ.parent + "办公室"
    else:
        sender = "省人民政府办公厅" if organ.parent.startswith("省") else organ.parent + "办公室"
    if ctx.chance(0.5):
        parts = [
            f"{organ.name}收文处理笺",
            f"来文单位：{sender}；来文字号：{ctx.rng.randint(1, 90)}号；收文日期：{cn_date(d)}；标题：关于{topic}的通知；紧急程度：{ctx.pick(('急件', '平件', '特急'))}。",
            f"拟办意见：建议由{s['sec']}牵头办理，{s['office']}配合，按要求于{cn_date(ctx.later(d, 5, 12))}前报送。{s['office']}负责人{officer}，{d.month}月{d.day}日。",
            f"领导批示：请{deputy_name}{s['deputy']}阅示，{s['sec']}抓紧落实，注意与相关单位衔接。{lead}。",
            f"承办情况：已于{cn_date(ctx.later(d, 3, 9))}按要求报送，底稿及报送材料已交{s['office']}存档。",
        ]
        doc_type = "收文处理笺"
    else:
        parts = [
            f"{organ.name}发文稿纸",
            f"文件标题：关于{topic}的通知；主送：各{s['unit']}、各{ctx.pick(('直属单位', '下属事业单位', '基层站所'))}；密级：无；印发份数：{ctx.rng.randint(10, 40)}份。",
            f"拟稿：{s['sec']} {ctx.name()}；{s['unit']}负责人审核：{ctx.name()}；会签：{s['fin']} {ctx.name()}。",
            f"核稿意见：文种恰当，第三项表述与上级文件不一致，已按上级原文修改，建议印发。{s['office']} {officer}。",
            f"签发：同意印发。{lead} {cn_date(ctx.later(d, 1, 3))}。",
        ]
        doc_type = "发文稿纸"
    sep = ctx.pick(("\n", " "))
    return record(sep.join(parts), ["internal_affairs"], organ.field, doc_type)


def leave_form(ctx: Ctx) -> dict:
    """A filled-in 病假审批表: internal personnel management plus a named person's health data."""
    organ = ctx.organ()
    s = organ_slots(ctx, organ)
    male = ctx.chance(0.5)
    person = ctx.person(male)
    rid = ctx.resident_id(male)
    d = ctx.date()
    illness = ctx.pick(("腰椎间盘突出症", "甲状腺恶性肿瘤术后", "冠状动脉粥样硬化性心脏病", "抑郁发作",
                        "乳腺癌术后化疗", "股骨颈骨折", "慢性肾功能不全"))
    days = ctx.rng.randint(16, 60)
    hospital = organ.place[:3] + ctx.pick(("第一人民医院", "中医医院", "人民医院", "中心医院"))
    parts = [
        f"{organ.name}工作人员病假审批表",
        f"姓名：{person}；性别：{'男' if male else '女'}；身份证号：{rid}；所在科室：{s['sec']}。",
        f"请假事由：经{hospital}诊断为{illness}，需住院及休养治疗。",
        f"请假时间：自{cn_date(d)}起共{days}天，附诊断证明书及住院病历复印件。",
        f"审批意见：病假超过十五天，按规定由{s['hr']}报{organ.head}审批。同意。{ctx.name()}，{cn_date(ctx.later(d, -2, 0))}。",
        "备注：病假期间绩效工资按机关内部考勤规定核减，本表存{hr}备查。".format(hr=s["hr"]),
    ]
    return record("\n".join(parts), ["internal_affairs", "privacy"], organ.field, "病假审批表")


def build(ctx: Ctx, n_rules: int = 100, n_slips: int = 10, n_leave: int = 6) -> list[dict]:
    out = [rule_passage(ctx, RULE_SETS[i % len(RULE_SETS)]) for i in range(n_rules - n_rules // 8)]
    out += [rule_passage(ctx, internal_c.EXECUTIVE_MEETING) for _ in range(n_rules // 8)]
    out += [routing_slip(ctx) for _ in range(n_slips)]
    out += [leave_form(ctx) for _ in range(n_leave)]
    return out
