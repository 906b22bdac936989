"""``process_info`` passages, part 1: 请示 in full official form and 专项资金申报."""

from __future__ import annotations

from .common import MAX_LEN, Ctx, Organ, cn_date, cn_number, record
from .process_topics import TOPICS, Topic

ABBR = {"综合": "政办", "自然资源": "自然资", "住建": "建", "市场监管": "市监", "人社": "人社", "财政": "财",
        "应急": "应急", "水利": "水", "交通": "交", "卫健": "卫健", "教育": "教", "民政": "民", "农业农村": "农",
        "生态环境": "环", "城管": "城管", "文旅": "文旅"}
CLOSINGS = ("妥否，请批示。", "以上请示妥否，请批示。", "当否，请批复。", "以上请示，请予审定。", "特此请示，请予批准。")
INTROS = ("为此，特请示如下：", "经集体研究，现就有关事项请示如下：", "为妥善解决上述问题，我局研究提出以下意见：",
          "综合考虑各方面因素，现提出以下请示事项：")


def doc_number(ctx: Ctx, organ: Organ, year: int) -> str:
    return f"{organ.place[:1]}{ABBR[organ.field]}〔{year}〕{ctx.rng.randint(3, 160)}号"


def topic_slots(ctx: Ctx, organ: Organ, d) -> dict[str, str]:
    """Slot values for a topic; ``{date}`` falls one month to a year before the document date ``d``."""
    place_short = organ.place[-1]
    return {"place": organ.place, "place_short": place_short, "n": str(ctx.rng.randint(6, 480)),
            "n2": str(ctx.rng.randint(50, 900)), "n3": str(ctx.rng.randint(680, 900)),
            "n4": str(ctx.rng.randint(520, 700)), "amt": ctx.money(120, 8600), "date": cn_date(ctx.later(d, -400, -30)),
            "parent": organ.parent}


def signature(ctx: Ctx, organ: Organ, d) -> str:
    """落款、日期 and 联系人 (an official's name and office landline: not private data)."""
    return f"{organ.name}\n{cn_date(d)}\n（联系人：{ctx.name()}，联系电话：{ctx.landline()}）"


def qingshi(ctx: Ctx, topic: Topic) -> dict:
    organ = ctx.organ(topic.field, ctx.pick(("city", "district")) if topic.field != "综合" else "district")
    d = ctx.date()
    slots = topic_slots(ctx, organ, d)
    head = ""
    if ctx.chance(0.45):
        head = f"{doc_number(ctx, organ, d.year)}　签发人：{ctx.name()}\n"
    title = f"{organ.name}关于{topic.matter}的请示" if ctx.chance(0.6) else f"关于{topic.matter}的请示"
    background = [b.format_map(slots) for b in topic.background]
    reasons = [r.format_map(slots) for r in ctx.sample(topic.reasons, ctx.rng.randint(1, len(topic.reasons)))]
    asks = [a.format_map(slots) for a in topic.asks]
    style = ctx.pick(("cn", "paren", "arabic"))
    marks = {"cn": lambda i: f"{cn_number(i)}、", "paren": lambda i: f"（{cn_number(i)}）", "arabic": lambda i: f"{i}."}[style]

    def render(bg: list[str], rs: list[str], ak: list[str], sig: bool) -> str:
        body = "".join(bg) + "".join(rs) + ctx_intro + "".join(marks(i + 1) + a for i, a in enumerate(ak))
        text = head + title + "\n" + organ.parent + "：\n" + body + closing
        return text + ("\n" + signature_text if sig else "")

    ctx_intro = ctx.pick(INTROS)
    closing = ctx.pick(CLOSINGS)
    signature_text = signature(ctx, organ, d)
    text = render(background, reasons, asks, True)
    if len(text) > MAX_LEN:
        text = render(background, reasons[:1], asks[:2], True)
    if len(text) > MAX_LEN:
        text = render(background[:1], reasons[:1], asks[:2], False)
    return record(text, ["process_info"], organ.field, "请示")


PROJECTS = {
    "农业农村": ("高标准农田建设", "农村人居环境整治", "乡村振兴示范村创建"),
    "水利": ("小型水库除险加固", "农村供水保障工程", "山洪灾害防治"),
    "交通": ("农村公路危桥改造", "县道安全生命防护工程", "城乡客运一体化"),
    "文旅": ("非物质文化遗产保护传承", "公共文化服务体系示范项目", "文物保护单位修缮"),
    "卫健": ("基层医疗卫生机构能力提升", "公共卫生应急物资储备", "院前急救体系建设"),
    "教育": ("薄弱学校改善办学条件", "学前教育普惠发展", "义务教育学校食堂改造"),
    "民政": ("居家和社区养老服务改革", "敬老院消防安全改造", "未成年人保护工作站建设"),
    "生态环境": ("农村生活污水治理", "大气污染防治", "土壤污染风险管控"),
    "应急": ("应急避难场所建设", "基层应急能力提升", "森林防灭火能力建设"),
    "城管": ("城市生活垃圾分类", "老旧排水管网改造", "城市公园提质"),
}


PROVINCE_DEPTS = {"农业农村": "省农业农村厅", "水利": "省水利厅", "交通": "省交通运输厅", "文旅": "省文化和旅游厅",
                  "卫健": "省卫生健康委员会", "教育": "省教育厅", "民政": "省民政厅", "生态环境": "省生态环境厅",
                  "应急": "省应急管理厅", "城管": "省住房和城乡建设厅"}


def funding_request(ctx: Ctx) -> dict:
    """请示 or 申报书 asking an upper-level department for special-purpose funds."""
    field = ctx.pick(sorted(PROJECTS))
    project = ctx.pick(PROJECTS[field])
    organ = ctx.organ(field, ctx.pick(("district", "district", "city")))
    year = ctx.rng.randint(2022, 2025)
    total = ctx.rng.randint(300, 6000)
    asked = int(total * ctx.rng.uniform(0.35, 0.7))
    self_funds = total - asked
    if organ.place.endswith("市"):
        upper = PROVINCE_DEPTS[field]
    else:
        upper = organ.place[:3] + organ.name.replace(organ.place, "").replace(organ.place[:3], "").replace(organ.place[3:] + "分局", "局")
    d = ctx.date((year - 1, year))
    n = ctx.rng.randint(3, 40)
    targets = ctx.pick((f"项目建成后可惠及群众约{ctx.rng.randint(2, 30)}万人", f"计划完成{n}个点位建设",
                        f"预计{year}年底前全部完工并投入使用", f"覆盖{n}个行政村"))
    if ctx.chance(0.55):
        parts = [
            f"关于申请{year}年度{project}专项资金的请示",
            f"{upper}：",
            f"为贯彻落实上级关于{project}工作的部署，我{organ.short[-1]}拟于{year}年实施{organ.place}{project}项目。",
            f"项目已完成可行性研究和初步设计，估算总投资{total}万元，其中本级财政已安排{self_funds}万元，资金缺口{asked}万元。",
            f"{targets}，对改善群众生产生活条件具有重要作用。",
            f"由于本级财力有限，恳请{upper}将该项目纳入{year}年度专项资金支持范围，给予补助资金{asked}万元。",
            ctx.pick(CLOSINGS),
            f"附件：1.{project}项目实施方案 2.资金测算表 3.项目可行性研究报告批复",
            f"{organ.name}\n{cn_date(d)}",
        ]
        doc_type = "资金申请请示"
    else:
        parts = [
            f"{year}年度{project}专项资金申报书",
            f"申报单位：{organ.name}；主管部门：{upper}；项目名称：{organ.place}{project}项目。",
            f"项目总投资{total}万元，申请上级补助{asked}万元，地方配套{self_funds}万元，配套资金来源为本级财政预算安排。",
            f"建设内容：{ctx.pick(('新建', '改造', '提升'))}相关设施，{targets}。",
            "绩效目标：项目完工率达到百分之百，群众满意度不低于百分之九十。",
            f"申报单位意见：情况属实，同意申报，配套资金确保及时足额到位。（盖章）{cn_date(d)}",
            f"主管部门初审意见：{ctx.pick(('待审核', '拟推荐，待专家评审后确定', '材料基本齐全，需补充用地手续'))}。",
        ]
        doc_type = "专项资金申报书"
    return record("\n".join(parts), ["process_info"], field, doc_type)


def qingshi_person(ctx: Ctx) -> dict:
    """A 请示 about a named person's hardship or status: process information plus that person's data."""
    male = ctx.chance(0.5)
    person = ctx.person(male)
    rid = ctx.resident_id(male, (1958, 1990))
    d = ctx.date()
    kind = ctx.pick(("relief", "retire", "injury"))
    illness = ctx.pick(("尿毒症需长期透析", "脑出血后遗症生活不能自理", "肺癌晚期", "重度再生障碍性贫血", "多发性硬化"))
    sex = "男" if male else "女"
    road = ctx.pick(("幸福", "建设", "团结", "和平", "人民", "解放"))
    if kind == "relief":
        organ = ctx.organ("民政", "district") if ctx.chance(0.5) else ctx.organ(level="street")
        parent, matter = organ.parent, "给予临时救助"
        middle = (f"经入户核查，{person}（身份证号：{rid}）因{illness}，本年度自付医疗费用约{ctx.rng.randint(4, 19)}万元，"
                  f"家庭人均月收入不足{ctx.rng.randint(400, 700)}元。{person}，{sex}，现住{organ.place}{road}路"
                  f"{ctx.rng.randint(2, 300)}号。拟对其给予临时救助{ctx.rng.randint(8, 30)}000元，超出本级审批权限，需报请审批。")
    elif kind == "retire":
        organ = ctx.organ(level=ctx.pick(("district", "city")))
        parent, matter = organ.place + "人力资源和社会保障局", "办理因病提前退休"
        middle = (f"{organ.short}职工{person}，{sex}，身份证号{rid}，因{illness}，经劳动能力鉴定委员会鉴定为完全丧失劳动能力。"
                  f"本人于{cn_date(ctx.later(d, -40, -10))}提出因病提前退休申请，{organ.short}经研究同意，现将鉴定结论和本人档案一并报送。")
    else:
        organ = ctx.organ("人社", "district")
        parent, matter = organ.place[:3] + "人力资源和社会保障局", "认定工伤"
        middle = (f"{person}（公民身份号码{rid}）于{cn_date(ctx.later(d, -300, -60))}在工作期间受伤，住院诊断为{ctx.pick(('腰椎压缩性骨折', '右手三指离断伤', '颅脑损伤'))}，"
                  f"用人单位在法定期限内未申请工伤认定。本人提出申请后，我局对其受伤时是否处于工作时间存在不同意见，现将调查材料一并报送，请予研究。")
    text = "\n".join([
        f"关于{'对' if kind == 'injury' else '为'}{person}{ctx.pick(('同志', ''))}{matter}的请示",
        f"{parent}：",
        middle + ctx.pick(CLOSINGS),
        f"{organ.name}\n{cn_date(d)}",
    ])
    return record(text, ["process_info", "privacy"], organ.field, "请示")


def build(ctx: Ctx, n_qingshi: int = 24, n_funding: int = 12, n_person: int = 7) -> list[dict]:
    out = [qingshi(ctx, TOPICS[i % len(TOPICS)]) for i in range(n_qingshi)]
    out += [funding_request(ctx) for _ in range(n_funding)]
    out += [qingshi_person(ctx) for _ in range(n_person)]
    return out
