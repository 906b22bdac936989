"""Clean hard negatives, part 1: published 规章/规范性文件 in article form, published 批复.

Same form (numbered articles, 请示 cited in full) as the internal and process passages, but
addressed to the public and marked as published (施行日期, 政府令, “此件公开发布”).
"""

from __future__ import annotations

from .common import MAX_LEN, MIN_LEN, Ctx, cn_date, cn_number, record
from .process_a import ABBR, doc_number, topic_slots
from .process_topics import TOPICS
from .reg_subjects import SUBJECTS, Subject

PUBLIC_ARTICLES = (
    "任何单位和个人有权对违反本办法的行为进行投诉、举报，有关部门接到投诉、举报后应当依法及时处理，并为举报人保密。",
    "有关部门应当将本办法规定的办理条件、程序、时限和需要提交的材料目录向社会公布，并提供网上办理渠道。",
    "行政机关工作人员在监督管理工作中玩忽职守、滥用职权、徇私舞弊的，依法给予处分；构成犯罪的，依法追究刑事责任。",
    "公民、法人或者其他组织对依照本办法作出的行政行为不服的，可以依法申请行政复议或者提起行政诉讼。",
    "违反本办法规定的行为，法律、法规已有处罚规定的，从其规定。",
    "有关部门应当加强对本办法的宣传，引导公众自觉遵守相关规定。",
)
SCOPES = (
    "本{lvl}行政区域内从事与{topic}有关的活动及其监督管理，适用本办法。",
    "本办法适用于本{lvl}行政区域内{topic}的管理和服务活动。法律、法规另有规定的，从其规定。",
)
DUTIES = (
    "{dept}负责本办法的组织实施。{peer1}、{peer2}等部门按照各自职责，做好相关工作。",
    "市、区（县）人民政府应当加强对{topic}工作的领导，建立协调机制，所需经费纳入本级财政预算。",
)
PEERS = ("发展和改革部门", "财政部门", "公安机关", "市场监督管理部门", "城市管理部门", "住房和城乡建设部门", "生态环境部门")


def _topic(subject: Subject) -> str:
    return subject.title.replace("管理办法", "").replace("实施办法", "").replace("办法", "")


def published_rule(ctx: Ctx, subject: Subject) -> dict:
    organ = ctx.organ(subject.field, "city")
    place, lvl = organ.place, organ.place[-1]
    peers = ctx.sample(PEERS, 2)
    fill = {"lvl": lvl, "topic": _topic(subject), "dept": organ.name, "peer1": peers[0], "peer2": peers[1]}
    passed = ctx.date((2020, 2025))
    effective = ctx.later(passed, 30, 90)
    mode = ctx.pick(("decree", "normative", "tail"))
    start = 1
    if mode == "decree":
        header = (f"{place}{subject.title}\n（{cn_date(passed)}{place}人民政府第{ctx.rng.randint(3, 60)}次常务会议通过　"
                  f"{place}人民政府令第{ctx.rng.randint(100, 180)}号公布　自{cn_date(effective)}起施行）\n")
    elif mode == "normative":
        header = (f"{place}人民政府关于印发{place}{subject.title}的通知\n{doc_number(ctx, organ, passed.year).replace(ABBR[organ.field], '政规')}\n"
                  f"各有关单位：现将《{place}{subject.title}》印发给你们，请认真贯彻执行。\n")
    else:
        header = ""
        start = ctx.rng.randint(12, 24)
    items: list[str] = []
    if mode != "tail":
        items.append(f"为了{subject.purpose}，根据{subject.basis}，结合本{lvl}实际，制定本办法。")
        items.append(ctx.pick(SCOPES).format_map(fill))
        if ctx.chance(0.5):
            items.append(ctx.pick(DUTIES).format_map(fill))
    arts = list(subject.articles)
    items += [arts[i] for i in sorted(ctx.sample(range(len(arts)), ctx.rng.randint(2, 4)))]
    if mode == "tail" or ctx.chance(0.4):
        items += ctx.sample(PUBLIC_ARTICLES, ctx.rng.randint(1, 2))
    final = f"本办法自{cn_date(effective)}起施行" + ctx.pick(("。", "，有效期五年。", f"。{cn_date(ctx.later(passed, -2000, -700))}发布的原办法同时废止。"))
    items.append(final)
    style = "article" if mode != "normative" or ctx.chance(0.6) else "cn"
    sep = ctx.pick(("\n", " "))

    def render(parts: list[str]) -> str:
        marks = [f"第{cn_number(start + i)}条　" if style == "article" else f"{cn_number(start + i)}、" for i in range(len(parts))]
        tail = "\n（此件公开发布）" if mode == "normative" else ""
        return header + sep.join(m + p for m, p in zip(marks, parts, strict=True)) + tail

    text = render(items)
    while len(text) > MAX_LEN and len(items) > 4:
        del items[-2]
        text = render(items)
    doc_type = {"decree": "政府规章", "normative": "规范性文件", "tail": "规范性文件"}[mode]
    return record(text, [], subject.field, doc_type)


REPLY_DUTIES = (
    "你{short}要会同有关部门抓紧组织实施，确保按期完成各项任务。",
    "项目实施中要严格执行招标投标、政府采购等有关规定，加强资金监管，提高资金使用效益。",
    "要做好政策解释和群众工作，及时回应社会关切，维护群众合法权益。",
    "实施过程中遇到的重大问题，及时向{parent}报告。",
)


def published_reply(ctx: Ctx, idx: int) -> dict:
    """A 批复 published on the portal: it quotes the 请示 and decides it."""
    topic = TOPICS[idx % len(TOPICS)]
    organ = ctx.organ(topic.field, "district")
    d = ctx.date()
    slots = topic_slots(ctx, organ, d)
    request_no = doc_number(ctx, organ, d.year)
    decided = [a.format_map(slots) for a in topic.asks if not a.startswith("请")]
    gov_short = organ.place[-1] + "政府"
    extra = [r.format(short=organ.short[-1], parent=gov_short) for r in ctx.sample(REPLY_DUTIES, 2)]
    marks = ctx.pick((lambda i: f"{cn_number(i)}、", lambda i: f"（{cn_number(i)}）"))
    body = "".join(marks(i + 1) + t for i, t in enumerate(decided + extra))
    gov = organ.parent
    text = "\n".join([
        f"{gov}关于{topic.matter}的批复",
        f"{organ.place[:1]}政函〔{d.year}〕{ctx.rng.randint(5, 120)}号",
        f"{organ.name}：",
        f"你{organ.short[-1]}《关于{topic.matter}的请示》（{request_no}）收悉。经研究，{ctx.pick(('批复如下：', '现批复如下：'))}{body}",
        ctx.pick(("此复。", "特此批复。")),
        f"{gov}\n{cn_date(ctx.later(d, 10, 40))}",
        ctx.pick(("（此件公开发布）", "（此件主动公开）")),
    ])
    return record(text, [], topic.field, "批复")


def build(ctx: Ctx, n_rules: int = 36, n_replies: int = 16) -> list[dict]:
    out = [published_rule(ctx, SUBJECTS[i % len(SUBJECTS)]) for i in range(n_rules)]
    out += [published_reply(ctx, i) for i in range(n_replies)]
    return [r for r in out if MIN_LEN <= len(r["text"]) <= MAX_LEN]
