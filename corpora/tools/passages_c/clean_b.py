"""Clean hard negatives, part 2: 办事指南, 政府信息公开指南, 公开征求意见的通知 (all addressed to the public)."""

from __future__ import annotations

from .common import MAX_LEN, MIN_LEN, Ctx, cn_date, cn_number, record
from .reg_subjects import SUBJECTS, Subject

# (field, service, basis, conditions, materials, steps, limit, fee)
SERVICES: tuple[tuple[str, ...], ...] = (
    ("民政", "最低生活保障申请", "《社会救助暂行办法》",
     "共同生活家庭成员人均收入低于当地低保标准，且家庭财产状况符合规定",
     "申请书、家庭成员身份证件、户口簿、收入情况声明、家庭经济状况核对授权书",
     ("申请：向户籍所在地乡镇人民政府（街道办事处）提出，也可在网上提交", "调查：乡镇（街道）组织入户调查和经济状况核对",
      "公示：审核意见在村（社区）公示七日", "审批：县级民政部门作出审批决定并书面告知"), "三十个工作日", "不收费"),
    ("自然资源", "农村村民宅基地申请", "《中华人民共和国土地管理法》",
     "本集体经济组织成员，以户为单位，符合“一户一宅”规定",
     "农村宅基地和建房（规划许可）申请表、户口簿、承诺书、房屋设计图或通用图",
     ("申请：户主向村民小组提出书面申请", "审查：村民小组讨论通过后在本集体经济组织内公示", "审核：村集体经济组织或村委会审查后报乡镇",
      "审批：乡镇人民政府审批并核发乡村建设规划许可证", "验收：竣工后申请乡镇组织验收"), "二十个工作日", "不收费"),
    ("市场监管", "食品小作坊登记", "省食品小作坊管理有关规定",
     "有固定生产加工场所，具有与生产加工品种相适应的设备设施，从业人员持有健康证明",
     "登记申请书、经营者身份证明、场所使用证明、从业人员健康证明、生产加工品种和工艺流程说明",
     ("申请：通过政务服务网或窗口提交材料", "受理：材料齐全、符合法定形式的当场受理", "核查：必要时进行现场核查",
      "决定：符合条件的发给登记证"), "十个工作日", "不收费"),
    ("人社", "失业保险金申领", "《失业保险条例》",
     "非因本人意愿中断就业，失业前已参加失业保险且缴费满一年，已办理失业登记并有求职要求",
     "本人社会保障卡或身份证件",
     ("申请：通过线上平台或到公共就业服务机构申请", "审核：经办机构核实参保缴费和就业状态", "发放：审核通过的按月发放至本人社会保障卡"),
     "自受理之日起十个工作日", "不收费"),
    ("城管", "城市道路挖掘许可", "《城市道路管理条例》",
     "因工程建设确需挖掘城市道路，已取得相关建设审批手续，有施工方案和交通疏导方案",
     "申请表、建设项目批准文件、施工图、施工方案、交通疏导方案、恢复道路承诺书",
     ("申请：建设单位在政务服务中心城管窗口提交材料", "受理：窗口审查材料，当场作出受理决定", "审查：会同公安交通管理部门审查",
      "决定：作出准予或不予许可的决定", "送达：通过窗口或邮寄送达许可决定"), "十二个工作日", "依法收取道路挖掘修复费"),
    ("人社", "劳动保障监察投诉", "《劳动保障监察条例》",
     "用人单位存在拖欠工资、未依法缴纳社会保险费等违反劳动保障法律法规的行为",
     "投诉书、投诉人身份证件、劳动关系证明材料、被投诉单位名称和地址",
     ("投诉：到劳动保障监察机构窗口或通过12333热线、网上平台投诉", "受理：符合条件的五个工作日内决定是否立案",
      "调查：对用人单位进行调查处理", "告知：处理结果书面告知投诉人"), "自立案之日起六十个工作日", "不收费"),
    ("卫健", "医疗机构执业登记", "《医疗机构管理条例》",
     "符合医疗机构基本标准，有适合的名称、组织机构和场所，有与其开展的业务相适应的经费、设施和专业卫生技术人员",
     "执业登记申请书、设置批准书或备案回执、场所产权证明、验资证明、主要负责人和卫生技术人员资格证书",
     ("申请：登录政务服务网提交材料", "受理：卫生健康行政部门审查申请材料", "核查：组织现场审核",
      "决定：符合条件的发给医疗机构执业许可证"), "四十五日", "不收费"),
    ("交通", "道路旅客运输经营许可", "《中华人民共和国道路运输条例》",
     "有与经营业务相适应并经检测合格的客车，有符合条件的驾驶人员，有健全的安全生产管理制度",
     "申请表、企业章程、安全生产管理制度文本、拟投入车辆承诺书、驾驶人员从业资格证件",
     ("申请：向县级以上道路运输管理部门提出", "受理：材料齐全的予以受理", "审查：审查申请材料并核实有关情况",
      "决定：作出许可或不予许可决定", "领证：领取道路运输经营许可证"), "二十日", "不收费"),
    ("教育", "民办学校办学许可", "《中华人民共和国民办教育促进法》",
     "举办者具有相应资质，有符合规定的办学场所、师资、章程和资金",
     "申办报告、举办者资格证明、章程、资产来源证明、校长和教师资格证明、场所证明",
     ("申请：向县级以上教育行政部门提交材料", "受理：材料齐全的予以受理", "评审：组织专家评审和实地考察",
      "决定：符合条件的颁发办学许可证"), "三个月", "不收费"),
    ("文旅", "营业性演出许可", "《营业性演出管理条例》",
     "演出内容不含法律法规禁止的内容，演出场所符合安全条件",
     "申请表、演出节目内容材料、演员名单、场地使用协议、安全工作方案",
     ("申请：演出举办单位在演出日期二十日前提出申请", "受理：文化和旅游主管部门受理", "审查：审核演出内容和安全保障措施",
      "决定：作出批准或不予批准的决定"), "三日", "不收费"),
)


def service_guide(ctx: Ctx, idx: int) -> dict:
    field, service, basis, conditions, materials, steps, limit, fee = SERVICES[idx % len(SERVICES)]
    organ = ctx.organ(field, ctx.pick(("city", "district")))
    style = ctx.pick(("arabic", "cn", "paren"))
    mark = {"arabic": lambda i: f"{i}.", "cn": lambda i: f"{cn_number(i)}是", "paren": lambda i: f"（{cn_number(i)}）"}[style]
    step_text = "；".join(mark(i + 1) + s for i, s in enumerate(steps)) + "。"
    hall = f"{organ.place}政务服务中心{ctx.rng.randint(1, 3)}楼{ctx.pick(('综合受理窗口', '专区窗口', str(ctx.rng.randint(1, 40)) + '号窗口'))}"
    parts = [
        f"{service}办事指南",
        f"一、设定依据：{basis}。",
        f"二、申请条件：{conditions}。",
        f"三、申请材料：{materials}。",
        f"四、办理流程：{step_text}",
        f"五、办理时限：{limit}。收费标准：{fee}。",
        f"六、办理地点：{hall}；办公时间：工作日上午9:00—12:00，下午13:30—17:30。咨询电话：{ctx.landline()}。",
    ]
    if ctx.chance(0.4):
        parts.insert(1, f"实施主体：{organ.name}")
    text = ctx.pick(("\n", " ")).join(parts)
    while len(text) > MAX_LEN and len(parts) > 5:
        parts.pop(2)
        text = "\n".join(parts)
    return record(text, [], field, "办事指南")


def disclosure_guide(ctx: Ctx) -> dict:
    """政府信息公开指南 of one organ, as published on its portal."""
    organ = ctx.organ(level=ctx.pick(("city", "district", "street")))
    road = ctx.pick(("人民路", "府前街", "建设大道", "中山路", "行政中心路"))
    addr = f"{organ.place}{road}{ctx.rng.randint(1, 300)}号"
    zipc = f"{ctx.rng.randint(1, 8)}{ctx.rng.randint(10000, 99999)}"
    parts = [
        f"{organ.name}政府信息公开指南（{ctx.rng.randint(2020, 2025)}年版）",
        f"一、主动公开。{organ.short}主动公开的政府信息，通过{organ.place}人民政府门户网站“政府信息公开”专栏、政务新媒体和政务服务中心查阅点等途径公开，信息形成或变更之日起二十个工作日内予以公开。",
        f"二、依申请公开。（一）受理机构：{organ.name}{ctx.pick(('办公室', '政务公开办公室', '综合科'))}，地址：{addr}，邮政编码：{zipc}，办公时间：工作日上午8:30—12:00，下午14:00—17:30，联系电话：{ctx.landline()}。",
        "（二）申请方式：申请人可以通过当面提交、邮寄、网上申请平台等方式提出申请，申请应当包括申请人的姓名或者名称、身份证明、联系方式，申请公开的政府信息的名称、文号或者便于查询的其他特征性描述。",
        "（三）答复时限：能够当场答复的当场答复；不能当场答复的，自收到申请之日起二十个工作日内予以答复，需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长期限最长不超过二十个工作日。",
        "三、收费标准。行政机关依申请提供政府信息，不收取费用；申请人申请公开政府信息的数量、频次明显超过合理范围的，按照《政府信息公开信息处理费管理办法》收取信息处理费。",
        "四、监督和救济。公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。",
    ]
    keep = [parts[0]] + sorted(ctx.sample(parts[1:], ctx.rng.randint(3, 5)), key=parts.index)
    text = "\n".join(keep)
    while len(text) > MAX_LEN:
        keep.pop()
        text = "\n".join(keep)
    return record(text, [], organ.field, "政府信息公开指南")


def public_consultation(ctx: Ctx, subject: Subject) -> dict:
    """公开征求意见的公告: the draft is published and anyone may comment by a deadline."""
    organ = ctx.organ(subject.field, "city")
    d = ctx.date()
    due = ctx.later(d, 30, 31)
    road = ctx.pick(("人民路", "府前街", "建设大道", "中山路", "行政中心路"))
    mail = f"{ctx.pick(('yjzj', 'fgk', 'zfxx', 'gzyj'))}{ctx.rng.randint(100, 999)}@{ctx.pick(('163.com', '126.com', 'sina.com'))}"
    kind = ctx.pick(("公告", "通知"))
    ways = [
        f"登录{organ.place}人民政府门户网站“政民互动—意见征集”栏目提出意见",
        f"通过电子邮件将意见发送至{mail}",
        f"通过信函将意见寄至{organ.place}{road}{ctx.rng.randint(1, 300)}号{organ.name}（邮编{ctx.rng.randint(1, 8)}{ctx.rng.randint(10000, 99999)}），并在信封上注明“{subject.title}征求意见”字样",
        f"拨打电话{ctx.landline()}反映意见",
    ]
    chosen = ways[:2] + ctx.sample(ways[2:], ctx.rng.randint(1, 2))
    text = "\n".join([
        f"{organ.name}关于公开征求《{organ.place}{subject.title}（征求意见稿）》意见的{kind}",
        f"为{subject.purpose}，{organ.name}起草了《{organ.place}{subject.title}（征求意见稿）》，现全文公布，向社会公开征求意见。",
        f"社会各界可在{cn_date(due)}前，通过以下方式提出意见：" + "".join(f"{cn_number(i + 1)}是{w}；" for i, w in enumerate(chosen)).rstrip("；") + "。",
        ctx.pick(("感谢您的参与和支持！", "意见采纳情况将在本网站统一反馈。", "提出意见时请注明真实姓名和联系方式，以便进一步联系。")),
        f"附件：{organ.place}{subject.title}（征求意见稿）",
        f"{organ.name}\n{cn_date(d)}",
    ])
    return record(text, [], subject.field, "公开征求意见公告")


def build(ctx: Ctx, n_guides: int = 20, n_disclosure: int = 12, n_consult: int = 16) -> list[dict]:
    out = [service_guide(ctx, i) for i in range(n_guides)]
    out += [disclosure_guide(ctx) for _ in range(n_disclosure)]
    out += [public_consultation(ctx, SUBJECTS[(i + 2) % len(SUBJECTS)]) for i in range(n_consult)]
    return [r for r in out if MIN_LEN <= len(r["text"]) <= MAX_LEN]
