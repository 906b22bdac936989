"""Seeded synthetic data for tests and benchmarks (never used to train a shipped model).

* :func:`template_requests` / :func:`template_passages`: small labelled corpora from templates,
  so tests do not depend on the seed corpus being present.
* :func:`recombine_decisions`: decision rows (as an office's ledger would hold them) made by
  recombining sentences of existing labelled texts, with the Chinese outcome labels offices write.

Names and numbers are generated (Faker zh_CN with a seed when available, else a fixed list).
"""

from __future__ import annotations

import random
import re

from reviewer.model.corpus import Dataset
from reviewer.vocab import MODEL_GROUNDS as GROUNDS
from reviewer.vocab import TRIAGE_LABELS

FIELDS = ["征地拆迁", "住房建设", "生态环境", "市场监管", "公安交通", "人力社保", "卫生健康", "教育", "财政", "农业农村", "民政"]
AGENCIES = ["区自然资源局", "市住建局", "县生态环境局", "区市场监管局", "市公安局交警支队", "区人社局",
            "市卫健委", "县教育局", "区财政局", "镇人民政府", "区民政局", "市交通运输局"]
PLACES = ["幸福村", "东湖街道", "城南片区", "高新区", "滨江镇", "北关社区", "红星村", "新华路"]
SUBJECTS = ["征地补偿安置方案", "建设用地批复", "环境影响评价报告", "项目立项批复", "财政预算执行情况",
            "拆迁补偿协议范本", "规划许可证", "专项资金分配结果", "招标文件", "养老服务补贴发放办法"]

REQUEST_TEMPLATES: dict[str, list[str]] = {
    "ordinary": [
        "申请公开{year}年{place}{subject}。",
        "本人申请获取{agency}制作的{subject}，以电子邮件形式提供。",
        "请提供{place}项目的{subject}及相关批准文件。",
        "依据《政府信息公开条例》，申请公开{year}年度{subject}全文。",
    ],
    "no_action.petition": [
        "我要投诉{place}的工作人员不作为，请严肃处理并给我一个说法。",
        "举报{agency}违规审批，要求查处相关责任人。",
        "{place}强拆我家房屋，请领导主持公道，尽快解决我的问题。",
        "反映{place}噪音扰民问题已多次无人处理，请求督促整改。",
    ],
    "other.consultation": [
        "请问{subject}的补偿标准是怎么计算的？我这种情况是否符合条件？",
        "咨询一下{agency}办理{subject}需要哪些材料，流程是什么？",
        "请解释{year}年新规定对我们{place}是否适用，应当如何理解？",
        "想了解一下我家的情况能不能享受{subject}规定的待遇？",
    ],
    "unavailable.needs_creation": [
        "请统计{year}年至今{place}所有{subject}的汇总数据，并按月份分类列表提供。",
        "要求对{agency}近五年的{subject}进行分析比较，并出具分析报告。",
        "请将{place}各村的{subject}数据加工整理成一张汇总表。",
        "申请按人员类别统计汇总{year}年{subject}的发放人数和金额并制表。",
    ],
    "no_action.publication": [
        "请提供{year}年出版的《{place}年鉴》一本。",
        "申请获取公开发行的《{agency}统计年鉴》纸质版。",
        "要求寄送已正式出版的《{subject}汇编》图书一套。",
        "请提供新华书店有售的《{place}志》出版物。",
    ],
    "other.special_procedure": [
        "申请查询{place}某处房产的不动产登记簿资料。",
        "请提供某公司的工商登记档案，包括股东名册和章程。",
        "申请调取{place}房屋的产权登记信息和抵押登记记录。",
        "查阅某企业在市场监管部门的注册登记档案材料。",
    ],
    "other.not_gov_info": [
        "请公开{place}村委会{year}年的村务账目和村干部工资。",
        "申请公开{place}党支部的党员发展材料和党组织会议记录。",
        "要求公开法院对我案件的刑事判决卷宗和侦查材料。",
        "请提供{place}居委会集体经济组织的分红明细。",
    ],
    "no_action.confirm": [
        "请确认我手中这份{subject}是否真实有效并加盖公章。",
        "我已获得{year}年的{subject}，请重新出具一份并盖章证明。",
        "要求{agency}书面确认其之前提供给我的{subject}内容属实。",
        "请对我已取得的批复文件的真实性进行核实确认。",
    ],
    "other.correction": [
        "申请公开相关文件。",
        "要所有的资料。",
        "请公开你们单位的那个文件，就是上次说的那个。",
        "我要政府信息，全部都要，越快越好。",
    ],
}

PASSAGE_TEMPLATES: dict[str, list[str]] = {
    "state_secret": [
        "本文件密级：机密★{year}年，不得复制、转发，阅后收回。",
        "根据保密规定，{subject}属于秘密级国家秘密事项，知悉范围限于相关单位负责人。",
        "绝密★长期 {agency}关于{place}地区军事设施布局的报告。",
    ],
    "trade_secret": [
        "{company}的投标报价构成为人工成本{num}万元、材料成本{num2}万元、利润率{pct}%。",
        "该企业提供的生产工艺参数、配方比例及客户名单属于其核心技术秘密。",
        "{company}提交的财务报表显示其年度毛利为{num}万元，主要供应商及采购单价如下。",
    ],
    "privacy": [
        "申请人{name}，身份证号{idno}，住址{place}{num}号，联系电话{phone}。",
        "{name}（身份证号码{idno}）患有慢性病，家庭月收入{num}元，享受低保待遇。",
        "被征收人{name}的银行账号为{bank}，补偿款已转入其个人账户。",
    ],
    "process_info": [
        "本意见稿为讨论稿，仅供内部研究，尚未最终定稿，请各科室提出修改意见。",
        "{agency}关于{subject}的请示，拟同意上述方案，妥否，请批示。",
        "会议纪要：会议研究讨论了{subject}，与会人员意见分歧较大，有待进一步论证。",
    ],
    "internal_affairs": [
        "关于调整机关内部科室人员分工及考勤管理的通知，仅限本单位内部使用。",
        "{agency}{year}年度工作人员年终考核结果及干部任免内部名单。",
        "机关后勤管理：公务用车维修保养、食堂采购及办公用品领用登记制度。",
    ],
    "enforcement_file": [
        "现场检查笔录：执法人员{name}、{name2}出示执法证件，当事人对检查情况无异议并签字。",
        "询问笔录：问：你公司是否取得排污许可？答：尚未取得。本案调查终结报告如下。",
        "行政处罚案件集体讨论记录，案件承办人建议从轻处罚，证据材料附后。",
    ],
    "security_stability": [
        "{place}重点上访人员稳控方案，明确包保责任人，防止进京赴省越级上访。",
        "关于{place}群体性事件的舆情研判和维稳预案，严防事态扩大。",
        "本预案涉及重要目标安保部署和警力配置，一旦公开可能危及公共安全。",
    ],
    "clean": [
        "{agency}关于公开征求《{subject}（征求意见稿）》意见的公告，欢迎社会各界提出意见。",
        "{year}年{place}{subject}已经批准实施，现予公布，自发布之日起施行。",
        "中标结果公示：{company}以{num}万元中标{place}道路改造工程，公示期三日。",
        "{place}拟享受最低生活保障人员名单公示：{name}等{num2}户，公示期七天。",
        "本局{year}年度财政预算总额{num}万元，其中基本支出占比{pct}%。",
        "根据相关规定，{agency}依法开展{subject}工作，进一步优化营商环境。",
    ],
}

OUTCOME_LABELS: dict[str, list[str]] = {
    "ordinary": ["予以公开", "信息不存在", "非本机关", "部分公开", "不予公开-过程性信息", "已主动公开"],
    "no_action.petition": ["信访件", "不予处理-信访举报投诉", "转信访"],
    "other.consultation": ["属于咨询", "咨询类"],
    "unavailable.needs_creation": ["需要加工汇总", "需另行制作"],
    "no_action.publication": ["公开出版物"],
    "other.special_procedure": ["按特别规定办理", "不动产登记资料查询"],
    "other.not_gov_info": ["非政府信息", "不属于政府信息"],
    "no_action.confirm": ["要求确认", "重新出具"],
    "other.correction": ["告知补正", "补正告知"],
}
GROUND_OUTCOMES: dict[str, list[str]] = {
    "state_secret": ["不予公开-国家秘密"],
    "trade_secret": ["不予公开-商业秘密", "部分公开（商业秘密）"],
    "privacy": ["不予公开-个人隐私", "部分公开-涉及个人隐私"],
    "process_info": ["不予公开-过程性信息", "属于过程性信息"],
    "internal_affairs": ["不予公开-内部事务信息"],
    "enforcement_file": ["不予公开-行政执法案卷"],
    "security_stability": ["不予公开-危及三安全一稳定"],
    "clean": ["予以公开", "同意公开"],
}
UNMAPPABLE_OUTCOMES = ["待定", "？？", "见附件", "领导已阅"]


class _Filler:
    """Slot values for templates; deterministic for a given seed."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        try:
            from faker import Faker

            fake = Faker("zh_CN")
            fake.seed_instance(seed)
            self.names = [fake.name() for _ in range(60)]
            self.companies = [fake.company() for _ in range(30)]
            self.phones = [fake.phone_number() for _ in range(60)]
            self.ids = [fake.ssn() for _ in range(60)]
            self.banks = [fake.credit_card_number() for _ in range(30)]
        except ImportError:  # faker is a dev dependency
            self.names = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆"]
            self.companies = ["华兴建设有限公司", "宏远科技有限公司", "新星环保股份有限公司"]
            self.phones = ["13800000000"]
            self.ids = ["110101199003074578"]
            self.banks = ["6222000000000000000"]

    def fill(self, template: str) -> str:
        r = self.rng
        return template.format(
            year=r.randint(2012, 2024), place=r.choice(PLACES), subject=r.choice(SUBJECTS),
            agency=r.choice(AGENCIES), company=r.choice(self.companies), name=r.choice(self.names),
            name2=r.choice(self.names), idno=r.choice(self.ids), phone=r.choice(self.phones),
            bank=r.choice(self.banks), num=r.randint(10, 9999), num2=r.randint(2, 99), pct=r.randint(3, 40),
        )


def template_requests(per_class: int = 12, seed: int = 7) -> Dataset:
    """A small request corpus with every triage label (``per_class`` texts each)."""
    filler = _Filler(seed)
    data = Dataset("triage")
    for label in TRIAGE_LABELS:
        templates = REQUEST_TEMPLATES[label]
        for i in range(per_class):
            text = filler.fill(templates[i % len(templates)])
            if filler.rng.random() < 0.4:
                text = filler.fill("{agency}：") + text
            data.add(text, label)
    return data


def template_passages(per_ground: int = 12, clean: int = 30, seed: int = 11) -> Dataset:
    """A small passage corpus: ``per_ground`` texts for each ground, some with two grounds, plus clean ones."""
    filler = _Filler(seed)
    data = Dataset("grounds")
    for ground in GROUNDS:
        templates = PASSAGE_TEMPLATES[ground]
        for i in range(per_ground):
            text = filler.fill(templates[i % len(templates)])
            labels = [ground]
            if i % 5 == 4:  # a few passages carry two grounds
                other = GROUNDS[(GROUNDS.index(ground) + 2) % len(GROUNDS)]
                text += filler.fill(PASSAGE_TEMPLATES[other][i % 3])
                labels = sorted({ground, other}, key=GROUNDS.index)
            data.add(text, labels)
    for i in range(clean):
        data.add(filler.fill(PASSAGE_TEMPLATES["clean"][i % len(PASSAGE_TEMPLATES["clean"])]), [])
    return data


_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if len(s.strip()) >= 4] or [text]


def recombine_decisions(
    requests: Dataset,
    passages: Dataset,
    n: int,
    seed: int = 2024,
    unmappable_rate: float = 0.03,
    passage_rate: float = 0.4,
) -> list[dict]:
    """``n`` decision rows recombining sentences of labelled texts of the same class.

    Each row has Chinese column names (申请内容, 文件内容, 处理结果, 日期, 申请人) as an office ledger
    would; ``_expect`` holds the intended (request label, grounds) for checking.
    """
    rng = random.Random(seed)
    filler = _Filler(seed)
    by_label: dict[str, list[str]] = {}
    for text, label in zip(requests.texts, requests.labels, strict=False):
        by_label.setdefault(label, []).extend(_sentences(text))
    by_ground: dict[str, list[str]] = {}
    for text, labels in zip(passages.texts, passages.labels, strict=False):
        if len(labels) <= 1:
            by_ground.setdefault(labels[0] if labels else "clean", []).extend(_sentences(text))
    labels = sorted(by_label)
    grounds = sorted(by_ground)
    rows: list[dict] = []
    for _i in range(n):
        if grounds and rng.random() < passage_rate:
            label = "ordinary"  # a request handled normally, with the passage that was (not) disclosed
        else:
            label = rng.choice(labels)
        pool = by_label.get(label) or by_label[labels[0]]
        text = "".join(rng.sample(pool, k=min(len(pool), rng.randint(1, 2))))
        row = {
            "申请内容": text,
            "文件内容": "",
            "处理结果": rng.choice(OUTCOME_LABELS.get(label, ["予以公开"])),
            "日期": f"{rng.randint(2019, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "申请人": rng.choice(filler.names),
            "_expect": (label, None),
        }
        if label == "ordinary" and grounds and rng.random() < passage_rate:
            ground = rng.choice(grounds)
            gpool = by_ground[ground]
            row["文件内容"] = "".join(rng.sample(gpool, k=min(len(gpool), rng.randint(1, 3))))
            row["处理结果"] = rng.choice(GROUND_OUTCOMES[ground])
            row["_expect"] = (label, [] if ground == "clean" else [ground])
        if rng.random() < unmappable_rate:
            row["处理结果"] = rng.choice(UNMAPPABLE_OUTCOMES)
            row["_expect"] = (None, None)
        rows.append(row)
    return rows


def write_corpus(target, requests: Dataset, passages: Dataset) -> None:
    """Write datasets in the corpus layout (``requests/*.jsonl``, ``passages/*.jsonl``) under ``target``."""
    import json
    from pathlib import Path

    target = Path(target)
    (target / "requests").mkdir(parents=True, exist_ok=True)
    (target / "passages").mkdir(parents=True, exist_ok=True)
    with (target / "requests" / "synthetic.jsonl").open("w", encoding="utf-8") as fh:
        for i, (text, label) in enumerate(zip(requests.texts, requests.labels, strict=True)):
            row = {"id": f"syn-r{i:04d}", "text": text, "label": label, "field": "综合", "register": "online_form"}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    with (target / "passages" / "synthetic.jsonl").open("w", encoding="utf-8") as fh:
        for i, (text, labels) in enumerate(zip(passages.texts, passages.labels, strict=True)):
            row = {"id": f"syn-p{i:04d}", "text": text, "labels": labels, "field": "综合", "doc_type": "通知",
                   "hard_negative": False}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
