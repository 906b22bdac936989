"""Generate a reproducible corpus of Chinese administrative documents for the screening benchmark.

Documents are recombined from many sentence templates and slot values (agencies, places, topics,
figures, dates), in the registers of 通知, 通报, 实施方案, 工作总结, 答复书, 会议纪要, 请示, 批复 and 公告.
A small share carries things screening should flag — generated personal data (names from surname and
given-name lists, resident ID numbers with a computed GB 11643 check digit, mobile numbers), a 密级
mark at the head, a 会议纪要 or 讨论稿 marking — so the detectors do real work.  Nothing is real.

    python bench/gen_corpus.py OUT_DIR [--mb 20] [--seed 2024]         # large files, ≥ MB megabytes
    python bench/gen_corpus.py OUT_DIR --small 10000 [--seed 2024]     # 10,000 small files
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

AGENCIES = [
    "市人民政府办公厅", "市发展和改革委员会", "市教育局", "市科学技术局", "市工业和信息化局", "市公安局",
    "市民政局", "市司法局", "市财政局", "市人力资源和社会保障局", "市自然资源和规划局", "市生态环境局",
    "市住房和城乡建设局", "市交通运输局", "市水务局", "市农业农村局", "市商务局", "市文化和旅游局",
    "市卫生健康委员会", "市应急管理局", "市审计局", "市市场监督管理局", "市统计局", "市医疗保障局",
    "市城市管理局", "市退役军人事务局", "市政务服务和数据管理局", "区人民政府", "县人民政府", "街道办事处",
]
PLACES = [
    "东城区", "西城区", "南湖区", "北山区", "高新区", "经开区", "滨江新区", "临港片区", "青山县", "清河县",
    "云溪镇", "石门镇", "桃源乡", "白沙街道", "新华街道", "长安街道", "城关镇", "河西片区", "凤凰新城", "梅林街道",
]
TOPICS = [
    "政务公开标准化规范化建设", "优化营商环境", "城乡居民基本医疗保险", "安全生产专项整治", "老旧小区改造",
    "义务教育阶段学位保障", "农村人居环境整治", "大气污染防治", "河湖长制", "高标准农田建设", "企业减税降费",
    "数字政府建设", "社区养老服务", "就业创业扶持", "食品安全监管", "防汛抗旱", "森林防火", "燃气安全",
    "历史文化街区保护", "公共法律服务体系建设", "政府信息公开申请办理", "行政执法“三项制度”", "双随机一公开监管",
    "基层治理", "中小企业纾困", "新能源汽车推广应用", "生活垃圾分类", "全民健身设施建设", "住房公积金管理",
    "退役军人服务保障", "消费帮扶", "耕地保护", "地下管网改造", "公共文化服务", "医疗卫生服务能力提升",
]
ACTIONS = ["进一步做好", "切实加强", "深入推进", "全面开展", "扎实推进", "规范", "加快推进", "印发", "组织开展"]
DOC_TYPES = ["通知", "通报", "实施方案", "工作总结", "实施意见", "公告", "请示", "批复", "工作要点"]
MEASURES = [
    "建立健全工作机制", "压实主体责任", "加强统筹协调", "强化督促检查", "完善考核评价", "加大资金投入",
    "优化办事流程", "推进信息共享", "加强队伍建设", "做好宣传引导", "健全长效机制", "强化风险防控",
    "落实属地管理责任", "推行清单化管理", "开展专项督导", "加强部门联动", "提升服务效能", "严格执纪问责",
]
OUTCOMES = [
    "群众满意度明显提升", "工作效率显著提高", "各项指标全面完成", "制度体系日益完善", "服务水平持续改善",
    "风险隐患有效化解", "办理质量稳步提升", "基层负担有效减轻", "发展环境不断优化", "保障能力持续增强",
]
GROUPS = ["各区人民政府", "市政府各委、办、局", "各有关单位", "各街道办事处", "各乡镇人民政府", "各直属单位"]
SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢")
GIVEN = list("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰文斌海燕鹏飞丹宇浩晨欣怡子涵梓萱")
AREAS = ["110101", "110105", "310104", "320106", "330106", "420102", "440305", "510107", "610113", "370102"]

SENTENCES = [
    "为深入贯彻落实{topic}的决策部署，{measure}，结合本地实际，制定本{doctype}。",
    "{year}年以来，{agency}坚持以人民为中心的发展思想，围绕{topic}，{measure}，{outcome}。",
    "全年共受理相关事项{n1}件，办结{n2}件，按期办结率达到{pct}%。",
    "{place}累计投入资金{money}万元，完成{topic}项目{n3}个，惠及群众{n4}户。",
    "各单位要高度重视{topic}工作，{measure}，确保各项任务落到实处。",
    "要坚持问题导向，聚焦{topic}中的突出问题，{measure}，推动工作取得实效。",
    "{agency}牵头负责，各相关部门按照职责分工密切配合，{measure}。",
    "截至{year}年{month}月底，{place}已完成年度目标任务的{pct}%，{outcome}。",
    "对工作推进不力、问题整改不到位的，将按照有关规定予以通报。",
    "请各单位于{year}年{month}月{day}日前将工作进展情况报送{agency}。",
    "本{doctype}自印发之日起施行，由{agency}负责解释。",
    "下一步，我们将继续{measure}，持续推动{topic}提质增效。",
    "经研究，原则同意{place}关于{topic}的工作安排，请按程序抓好落实。",
    "根据《中华人民共和国政府信息公开条例》的规定，现将有关情况公告如下。",
    "{place}组织开展{topic}专项检查{n3}次，发现并整改问题{n1}个。",
    "各地要加强对{topic}工作的指导，及时总结推广好经验好做法。",
    "通过{measure}，{place}在{topic}方面形成了一批可复制可推广的经验。",
    "{agency}共发布政策解读{n3}篇，回应社会关切{n1}次，主动公开政府信息{n2}条。",
]


def _id_number(rng: random.Random) -> str:
    """A generated resident ID number with a valid GB 11643 check digit."""
    body = (rng.choice(AREAS) + f"{rng.randint(1950, 2004)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
            + f"{rng.randint(0, 999):03d}")
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11]
    return body + check


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _mobile(rng: random.Random) -> str:
    return rng.choice(["135", "138", "139", "150", "158", "186", "188", "177"]) + f"{rng.randint(0, 99999999):08d}"


def _fill(template: str, rng: random.Random, doctype: str) -> str:
    return template.format(
        topic=rng.choice(TOPICS), measure=rng.choice(MEASURES), outcome=rng.choice(OUTCOMES),
        agency=rng.choice(AGENCIES), place=rng.choice(PLACES), doctype=doctype, year=rng.randint(2018, 2024),
        month=rng.randint(1, 12), day=rng.randint(1, 28), n1=rng.randint(10, 5000), n2=rng.randint(10, 5000),
        n3=rng.randint(2, 300), n4=rng.randint(100, 90000), pct=rng.randint(60, 100),
        money=rng.randint(50, 90000),
    )


def document(rng: random.Random, target_chars: int) -> str:
    """One document of about ``target_chars`` characters."""
    doctype = rng.choice(DOC_TYPES)
    agency = rng.choice(AGENCIES)
    lines: list[str] = []
    roll = rng.random()
    if roll < 0.03:
        lines.append(rng.choice(["秘密★1年", "机密★5年", "内部资料 注意保存"]))
    lines.append(f"{agency}文件")
    lines.append(f"{agency[1:3]}发〔{rng.randint(2018, 2024)}〕{rng.randint(1, 200)}号")
    if 0.03 <= roll < 0.08:
        doctype = rng.choice(["会议纪要", "工作方案（讨论稿）", "实施办法（征求意见稿）"])
    lines.append(f"关于{rng.choice(ACTIONS)}{rng.choice(TOPICS)}的{doctype}")
    lines.append(f"{rng.choice(GROUPS)}：")
    size = sum(len(x) for x in lines)
    section = 0
    numerals = "一二三四五六七八九十"
    while size < target_chars:
        if rng.random() < 0.25 and section < 10:
            heading = f"{numerals[section]}、{rng.choice(MEASURES)}"
            section += 1
            lines.append(heading)
            size += len(heading)
        paragraph = "".join(_fill(rng.choice(SENTENCES), rng, doctype) for _ in range(rng.randint(2, 6)))
        lines.append(paragraph)
        size += len(paragraph)
    if 0.08 <= roll < 0.16:  # about one document in twelve names a private person
        lines.insert(rng.randint(4, len(lines)),
                     f"联系人：{_name(rng)}，身份证号码{_id_number(rng)}，联系电话{_mobile(rng)}。")
    lines.append(f"{agency}\n{rng.randint(2018, 2024)}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日")
    return "\n".join(lines) + "\n"


def generate_corpus(out_dir: Path, megabytes: float = 20.0, seed: int = 2024) -> tuple[int, int]:
    """Write documents of 2,000–30,000 characters until ``megabytes`` MB (UTF-8) are on disk.
    Returns (files, bytes)."""
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = int(megabytes * 1024 * 1024)
    total = files = 0
    while total < target:
        text = document(rng, rng.randint(2000, 30000))
        data = text.encode("utf-8")
        folder = out_dir / f"{files // 200:03d}"
        folder.mkdir(exist_ok=True)
        (folder / f"doc{files:05d}.txt").write_bytes(data)
        total += len(data)
        files += 1
    return files, total


def generate_small_files(out_dir: Path, count: int = 10_000, seed: int = 2024) -> tuple[int, int]:
    """Write ``count`` documents of 150–900 characters (100 per folder). Returns (files, bytes)."""
    rng = random.Random(seed + 1)
    out_dir.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(count):
        folder = out_dir / f"{i // 100:03d}"
        folder.mkdir(exist_ok=True)
        data = document(rng, rng.randint(150, 900)).encode("utf-8")
        (folder / f"small{i:05d}.txt").write_bytes(data)
        total += len(data)
    return count, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="生成保密审查基准测试语料（合成的中文公文，可由种子复现）。")
    parser.add_argument("out_dir", type=Path, help="输出文件夹")
    parser.add_argument("--mb", type=float, default=20.0, help="大文件语料的总大小（MB，默认 20）")
    parser.add_argument("--small", type=int, default=0, help="改为生成指定数量的小文件（例如 10000）")
    parser.add_argument("--seed", type=int, default=2024, help="随机种子（默认 2024）")
    args = parser.parse_args(argv)
    if args.small:
        files, size = generate_small_files(args.out_dir, args.small, args.seed)
    else:
        files, size = generate_corpus(args.out_dir, args.mb, args.seed)
    print(f"已生成 {files} 个文件，共 {size / 1024 / 1024:.1f} MB：{args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
