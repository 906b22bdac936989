"""``process_info`` passages, part 3: 会议记录 with speakers, 会签意见单, 调研报告（初稿）."""

from __future__ import annotations

from .common import MAX_LEN, Ctx, cn_date, record
from .reg_subjects import SUBJECTS
from .rules import organ_slots

# (title, briefing, views, conclusions); views are said by different speakers.
ISSUES: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("研究年度政府采购项目预算调整",
     "{sec}汇报：受项目延期影响，部分采购预算执行率偏低，拟调减信息化项目预算，调增设备维护费用。",
     ("信息化项目是上级考核内容，调减后可能影响年底验收，建议保留基本预算。",
      "设备维护欠账较多，去年因维修不及时影响过窗口服务，调增是必要的。",
      "调整幅度要与财政部门事先沟通，避免报上去又被退回。",
      "建议把调整金额再细化到具体项目，现在的测算比较粗。"),
     ("本次会议暂不作决定，请{fin}会同{sec}进一步测算后提交下次会议研究。",
      "原则同意调整思路，具体金额由{fin}与财政部门沟通后报分管领导审定。")),
    ("讨论行政处罚自由裁量基准修订稿",
     "{sec}汇报：修订稿细化了{n}类违法行为的裁量档次，首次轻微违法不罚的情形由五种增加到九种。",
     ("不罚清单扩大后，基层执法人员把握尺度不一，建议配套出台适用指引。",
      "有的情形社会关注度高，列入不罚清单要慎重，可以先试行一年。",
      "裁量档次与邻近地区相比偏严，企业意见较大，建议适当放宽。",
      "修订稿要送司法局进行合法性审核，时间上要留足。"),
     ("修订稿不再提交本次会议表决，由{sec}吸收会议意见修改后再次征求意见。",
      "会议意见分歧较大，待赴外地学习后再行研究。")),
    ("研究机关干部交流轮岗方案",
     "{hr}汇报：按照规定，在同一岗位任职满五年的干部应当交流，目前符合条件的有{n}人，涉及审批、执法等重点岗位。",
     ("执法岗位专业性强，一次性交流人数太多会影响工作，建议分两批进行。",
      "个别同志家庭有特殊困难，交流时要统筹考虑，做好思想工作。",
      "交流方案在研究确定前不宜扩散，防止引起不必要的议论。",
      "建议把交流与年轻干部培养结合起来，安排到基层一线锻炼。"),
     ("请{hr}根据会议意见修改方案，下次会议再议。", "方案原则通过，具体人选由{hr}征求分管领导意见后另行提交会议研究。")),
    ("研究信访积案化解方案",
     "{sec}汇报：目前尚有{n}件信访积案未化解，其中三件属于历史遗留问题，涉及补偿标准争议。",
     ("补偿标准如果突破原政策，可能引发连锁反应，需要报请上级研究。",
      "可以考虑通过司法救助等途径解决个别确有困难的群众，但要有依据。",
      "建议对每件积案明确一名班子成员包案，落实责任。",
      "化解方案目前还不成熟，暂不要对外透露。"),
     ("会议未形成一致意见，请{sec}就补偿标准问题形成专题请示，报上级研究。", "同意实行领导包案，具体化解方案一案一策另行研究。")),
    ("讨论年度重点工作目标任务分解",
     "{office}汇报：根据上级下达的考核指标，初步拟定了年度重点工作任务清单，共{n}项，已分解到各{unit}。",
     ("个别指标定得偏高，从去年完成情况看很难实现，建议实事求是调整。",
      "有两项任务涉及多个{unit}，牵头和配合责任要写清楚，否则容易推诿。",
      "考核分值的设置建议向一线业务倾斜。",
      "任务清单正式印发前，还要对照上级文件再核一遍。"),
     ("请{office}根据会议意见修改完善后报主要负责同志审定。", "任务清单暂按讨论稿执行，待上级考核办法正式下发后再作调整。")),
    ("研究办公用房维修改造事项",
     "{office}汇报：机关办公楼使用已超过二十年，屋面渗漏、线路老化，经初步测算维修费用约{amt}万元。",
     ("维修属于必要支出，但要严格按照办公用房管理规定，不得借机扩大面积、提高标准。",
      "资金来源要明确，年初预算没有安排的，需要报财政部门追加。",
      "施工期间的临时办公场所要提前安排好，不能影响窗口服务。",
      "建议先请专业机构做安全鉴定，再确定维修范围。"),
     ("原则同意维修，待安全鉴定报告出具后再确定具体方案和预算。", "暂缓研究，请{office}补充安全鉴定和资金来源材料后重新提交。")),
)

SPEAKER_TITLES = ("科长", "主任", "大队长", "纪检组长", "总工程师", "副主任科员")


def speakers(ctx: Ctx, deputy: str, n: int) -> list[str]:
    names = []
    used: set[str] = set()
    while len(names) < n:
        surname = ctx.surname()
        if surname in used:
            continue
        used.add(surname)
        title = deputy if len(names) < 2 and ctx.chance(0.7) else ctx.pick(SPEAKER_TITLES)
        names.append(surname + title)
    return names


def meeting_minutes(ctx: Ctx, issue) -> dict:
    """会议记录 (not a 纪要): who said what, and no final decision yet."""
    organ = ctx.organ()
    s = organ_slots(ctx, organ)
    s.update(n=str(ctx.rng.randint(6, 40)), amt=ctx.money(40, 600))
    title, briefing, views, conclusions = issue
    d = ctx.date()
    chair = ctx.name()
    view_list = ctx.sample(views, ctx.rng.randint(3, len(views)))
    who = speakers(ctx, s["deputy"], len(view_list))
    sep = ctx.pick(("；", "\n"))
    said = sep.join(f"{w}：{v.format_map(s).rstrip('。') if sep == '；' else v.format_map(s)}"
                    for w, v in zip(who, view_list, strict=True)) + ("。" if sep == "；" else "")
    head = (f"{organ.name}{s['meeting']}记录\n时间：{cn_date(d)}{ctx.pick(('上午', '下午'))}　"
            f"地点：{ctx.pick(('三楼会议室', '机关小会议室', '二楼会议室'))}　主持：{chair}　记录：{ctx.name()}")
    if ctx.chance(0.5):
        head += f"\n出席：班子成员{ctx.rng.randint(4, 7)}人；列席：{s['sec']}、{s['office']}负责人"
    text = "\n".join([head, f"议题：{title}。", briefing.format_map(s), said,
                      f"{chair}：{ctx.pick(conclusions).format_map(s)}"])
    return record(text, ["process_info"], organ.field, "会议记录")


OPINIONS = (
    "第三条中“原则上”的表述过于模糊，建议明确具体情形",
    "资金来源表述不准确，本级财政年初预算未安排该项经费，建议删去“由财政保障”",
    "我单位不承担该项工作的牵头职责，建议将我单位调整为配合单位",
    "完成时限过紧，建议由“六月底前”调整为“九月底前”",
    "涉及行政许可条件的内容，应当以上位法规定为准，不宜自行增设",
    "建议增加部门间信息共享和联合执法的相关条款",
    "附件中的统计口径与统计部门公布口径不一致，建议核实",
    "对方案无意见",
    "第五部分的考核条款建议删除，考核事项应纳入综合考核统一安排",
)


def countersign_sheet(ctx: Ctx) -> dict:
    """会签意见单 / 内部审核意见: a department's comments on another's draft, plus the drafter's reply."""
    subject = ctx.pick(SUBJECTS)
    reviewer = ctx.pick([f for f in ("综合", "财政", "自然资源", "住建", "交通", "农业农村") if f != subject.field])
    organ = ctx.organ(reviewer, ctx.pick(("city", "district")))
    peer = ctx.sibling(organ, subject.field)
    d = ctx.date()
    doc = ctx.pick((f"《{peer.place}{subject.title}（代拟稿）》", f"《关于{subject.purpose.split('，')[0]}的实施方案（送审稿）》",
                    f"《{peer.place}{subject.title}（草案）》"))
    ops = ctx.sample(OPINIONS[:-1], ctx.rng.randint(2, 3))
    marks = ctx.pick((("一、", "二、", "三、"), ("1.", "2.", "3."), ("（一）", "（二）", "（三）")))
    opinion = "".join(f"{marks[i]}{o}。" for i, o in enumerate(ops))
    if ctx.chance(0.5):
        kind = "会签意见单"
        text = "\n".join([
            f"文件会签单　文件标题：{doc}　主办单位：{peer.name}　会签单位：{organ.name}",
            f"会签意见：{opinion}",
            f"会签单位负责人（签字）：{ctx.name()}　{cn_date(d)}",
            f"主办单位处理情况：第一条已采纳；其余意见{ctx.pick(('拟部分采纳，待与会签单位再次沟通', '未采纳，理由另附说明', '正在研究'))}。",
        ])
    else:
        kind = "内部审核意见"
        text = "\n".join([
            f"关于{doc}的{ctx.pick(('合法性审核意见', '内部审查意见', '法制审核意见'))}",
            f"{peer.name}：",
            f"你{peer.short[-1]}送来的{doc}收悉。经审查，提出以下意见：{opinion}",
            "以上意见供参考，请修改后再送我单位审核。修改稿正式印发前，请勿以任何形式对外公开。",
            f"{organ.name}\n{cn_date(d)}",
        ])
    return record(text, ["process_info"], peer.field, kind)


SURVEYS = (
    ("住建", "城镇老旧小区改造后长效管理", "改造后无物业管理的小区占比约{p}%，部分小区新装设施已出现损坏",
     "建议推行“街道兜底、社区托管”的过渡性物业服务模式，逐步引入专业物业"),
    ("农业农村", "农村集体经济组织发展", "全{lvl}仍有{p}%的村集体经营性收入低于十万元，收入来源单一",
     "建议设立集体经济发展扶持资金，探索片区联建、强村带弱村等模式"),
    ("人社", "新就业形态劳动者权益保障", "受访骑手中参加职工养老保险的比例仅为{p}%，职业伤害保障覆盖不足",
     "建议推动平台企业按单缴纳职业伤害保障费用，加强劳动监察执法"),
    ("民政", "居家养老服务站点运营", "已建成的站点中约{p}%使用率不高，部分站点长期闭门",
     "建议按服务量给予运营补贴，取消按建设数量考核的做法"),
    ("市场监管", "个体工商户经营状况", "受访个体户中约{p}%反映经营困难，租金和用工成本上升较快",
     "建议落实减免租金和普惠金融政策，简化注销和变更登记流程"),
    ("教育", "乡村学校教师队伍建设", "乡村学校教师平均年龄超过{age}岁，音体美等学科教师缺口约{p}%",
     "建议实行县域内教师“县管校聘”和城乡教师定期交流制度"),
)


def survey_draft(ctx: Ctx, idx: int) -> dict:
    field, theme, problem, suggestion = SURVEYS[idx % len(SURVEYS)]
    organ = ctx.organ(field, ctx.pick(("city", "district")))
    lvl = organ.place[-1]
    fill = {"p": str(ctx.rng.randint(18, 65)), "lvl": lvl, "age": str(ctx.rng.randint(46, 52))}
    d = ctx.date()
    n = ctx.rng.randint(4, 12)
    text = "\n".join([
        f"关于{organ.place}{theme}情况的调研报告（{ctx.pick(('初稿', '征求意见稿', '讨论稿'))}）",
        f"{cn_date(d)}至{cn_date(ctx.later(d, 7, 30))}，我{organ.short[-1]}调研组深入{n}个乡镇（街道），通过座谈、实地查看、问卷调查等方式开展调研，共发放问卷{ctx.rng.randint(200, 1600)}份。",
        f"一、存在的主要问题。调研发现，{problem.format_map(fill)}。",
        f"二、初步建议。{suggestion}。",
        ctx.pick(("【本稿为初稿，数据尚待统计部门核实，请勿引用。】", "（以上数据为调研组初步统计，定稿时再作核对。）",
                  "【第二部分建议尚需与财政部门沟通，请各位提出修改意见。】")),
    ])
    return record(text, ["process_info"], field, "调研报告")


def build(ctx: Ctx, n_minutes: int = 12, n_sheets: int = 9, n_surveys: int = 7) -> list[dict]:
    out = [meeting_minutes(ctx, ISSUES[i % len(ISSUES)]) for i in range(n_minutes)]
    out += [countersign_sheet(ctx) for _ in range(n_sheets)]
    out += [survey_draft(ctx, i) for i in range(n_surveys)]
    return [r for r in out if len(r["text"]) <= MAX_LEN]
