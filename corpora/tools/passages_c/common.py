"""Shared helpers for part C: organs, people, dates, numbering and passage assembly.

Every builder receives one :class:`Ctx`, which owns the seeded ``random.Random`` and ``Faker``
instances, so the whole corpus is reproducible from ``SEED``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass

from faker import Faker
from stdnum.cn import ric

SEED = 20250719
FAKER_VERSION_USED = "40.54.0"
MIN_LEN, MAX_LEN = 150, 700

CITIES = ("青溪市", "临湖市", "安平市", "河阳市", "南岭市", "云泽市")
DISTRICTS = ("城关区", "新华区", "河西区", "滨湖区", "高新区", "清河县", "永安县", "石桥县", "平山县")
STREETS = ("文昌街道", "朝阳街道", "南关街道", "桥东街道", "长兴镇", "柳林镇", "杨庄镇", "白沙乡")

# field -> (department name, short self-reference, head title, business sections)
DEPARTMENTS: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "综合": ("人民政府办公室", "本办", "主任", ("秘书科", "综合科", "督查科", "政务公开科")),
    "自然资源": ("自然资源局", "本局", "局长", ("国土空间规划科", "耕地保护科", "不动产登记中心", "执法监察大队")),
    "住建": ("住房和城乡建设局", "本局", "局长", ("建筑市场监管科", "房地产市场科", "城建科", "质量安全站")),
    "市场监管": ("市场监督管理局", "本局", "局长", ("登记注册科", "食品安全科", "特种设备科", "执法稽查科")),
    "人社": ("人力资源和社会保障局", "本局", "局长", ("就业促进科", "劳动关系科", "社会保险科", "劳动监察大队")),
    "财政": ("财政局", "本局", "局长", ("预算科", "国库科", "政府采购科", "农业科")),
    "应急": ("应急管理局", "本局", "局长", ("危化品监管科", "防灾减灾科", "综合执法大队", "指挥中心")),
    "水利": ("水利局", "本局", "局长", ("水资源科", "河湖管理科", "工程建设科", "防汛办")),
    "交通": ("交通运输局", "本局", "局长", ("运输管理科", "公路建设科", "安全监督科", "综合执法大队")),
    "卫健": ("卫生健康委员会", "本委", "主任", ("医政医管科", "疾病预防控制科", "基层卫生科", "妇幼健康科")),
    "教育": ("教育局", "本局", "局长", ("基础教育科", "学前教育科", "安全管理科", "教师发展中心")),
    "民政": ("民政局", "本局", "局长", ("社会救助科", "养老服务科", "区划地名科", "社会组织管理科")),
    "农业农村": ("农业农村局", "本局", "局长", ("种植业科", "农田建设科", "乡村振兴科", "农业执法大队")),
    "生态环境": ("生态环境局", "本局", "局长", ("大气环境科", "水生态环境科", "环评科", "执法支队")),
    "城管": ("城市管理局", "本局", "局长", ("市容管理科", "环卫科", "市政设施科", "执法大队")),
    "文旅": ("文化广电和旅游局", "本局", "局长", ("文物科", "旅游市场科", "公共服务科", "执法大队")),
}
FIELDS: tuple[str, ...] = tuple(DEPARTMENTS)

# Area codes that existed throughout the birth years used (checked by stdnum on every ID).
_AREA_CODES = ("110101", "310104", "320102", "330106", "420106", "430104", "510104", "370102")

_CN_DIGITS = "零一二三四五六七八九"

MALE_GIVEN = ("建国", "志强", "海涛", "国栋", "立军", "永刚", "振华", "俊杰", "文斌", "德明", "宏伟", "子轩",
              "浩然", "明辉", "建平", "卫东", "长江", "庆丰", "光明", "鹏飞")
FEMALE_GIVEN = ("秀英", "桂兰", "丽娟", "晓燕", "雪梅", "丹丹", "婷婷", "玉兰", "慧敏", "淑珍", "美玲", "静怡",
                "春花", "凤霞", "海燕", "欣怡", "红梅", "佳琪", "雅婷", "素芬")


def cn_number(n: int) -> str:
    """Chinese numeral for 1..99 (十二, 二十, 三十五)."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return head + "十" + (_CN_DIGITS[ones] if ones else "")


def cn_date(d: dt.date) -> str:
    """``2023年5月12日``."""
    return f"{d.year}年{d.month}月{d.day}日"


@dataclass(frozen=True)
class Organ:
    """An administrative organ and how its own documents refer to it."""

    name: str          # 青溪市城关区住房和城乡建设局
    short: str         # 本局
    head: str          # 局长
    field: str         # 住建
    sections: tuple[str, ...]
    parent: str        # the organ above it (主送机关 of a 请示)
    place: str         # 青溪市城关区 / 青溪市


class Ctx:
    """Random state plus vocabulary lookups shared by all builders."""

    def __init__(self, seed: int = SEED) -> None:
        self.rng = random.Random(seed)
        Faker.seed(seed)
        self.fake = Faker("zh_CN")
        self._field_turn = 0

    # --- choices ----------------------------------------------------------------------------------
    def pick(self, seq: Sequence):
        return self.rng.choice(seq)

    def sample(self, seq: Sequence, k: int) -> list:
        return self.rng.sample(list(seq), min(k, len(seq)))

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def next_field(self) -> str:
        """Round-robin over fields so every family spreads across policy areas."""
        value = FIELDS[self._field_turn % len(FIELDS)]
        self._field_turn += 1
        return value

    # --- organs -----------------------------------------------------------------------------------
    def organ(self, field: str | None = None, level: str | None = None) -> Organ:
        """An organ of ``field`` at city, district/county or street/town ``level``."""
        field = field or self.next_field()
        level = level or self.pick(("city", "district", "district"))
        city, district = self.pick(CITIES), self.pick(DISTRICTS)
        if level == "street":
            street = self.pick(STREETS)
            suffix = "人民政府" if street.endswith(("镇", "乡")) else "办事处"
            short = "本镇" if street.endswith("镇") else ("本乡" if street.endswith("乡") else "本街道")
            return Organ(f"{city}{district}{street}{suffix}", short, "主任" if suffix == "办事处" else "镇长",
                         "综合", ("党政办公室", "社会事务办", "经济发展办", "综合行政执法队"),
                         f"{city}{district}人民政府", f"{city}{district}{street}")
        if level == "station":
            street = self.pick(STREETS).replace("街道", "").replace("镇", "").replace("乡", "")
            return Organ(f"{city}{district}市场监督管理局{street}市场监管所", "本所", "所长", "市场监管",
                         ("综合组", "食品安全组", "执法组"), f"{city}{district}市场监督管理局", f"{city}{district}")
        dept, short, head, sections = DEPARTMENTS[field]
        place = city if level == "city" else city + district
        parent = f"{place}人民政府"
        if field == "综合":  # a government office reports to the government one level up
            parent = "省人民政府" if level == "city" else f"{city}人民政府"
        if field == "生态环境" and level != "city":
            return Organ(f"{city}生态环境局{district}分局", "本分局", "局长", field, sections,
                         f"{city}生态环境局", place)
        return Organ(place + dept, short, head, field, sections, parent, place)

    def sibling(self, organ: Organ, field: str) -> Organ:
        """The department of ``field`` in the same city or district as ``organ``."""
        dept, short, head, sections = DEPARTMENTS[field]
        return Organ(organ.place + dept, short, head, field, sections, f"{organ.place}人民政府", organ.place)

    # --- people -----------------------------------------------------------------------------------
    def name(self) -> str:
        return self.fake.name()

    def surname(self) -> str:
        return self.fake.last_name()

    def person(self, male: bool) -> str:
        """A full name whose given name matches the sex (Faker's zh_CN lists are not gendered)."""
        return self.fake.last_name() + self.pick(MALE_GIVEN if male else FEMALE_GIVEN)

    def resident_id(self, male: bool, years: tuple[int, int] = (1962, 1998)) -> str:
        """A GB 11643-valid resident ID for a fictitious person (check digit computed by stdnum)."""
        start, end = dt.date(years[0], 1, 1), dt.date(years[1], 12, 31)
        while True:
            birth = start + dt.timedelta(days=self.rng.randint(0, (end - start).days))
            seq = self.rng.randint(0, 99) * 10 + self.pick((1, 3, 5, 7, 9) if male else (0, 2, 4, 6, 8))
            body17 = f"{self.pick(_AREA_CODES)}{birth:%Y%m%d}{seq:03d}"
            number = body17 + ric.calc_check_digit(body17 + "0")
            if ric.is_valid(number):
                return number

    def landline(self) -> str:
        return f"0{self.rng.randint(310, 799)}-{self.rng.randint(2, 8)}{self.rng.randint(0, 9999999):07d}"

    # --- dates and numbers ------------------------------------------------------------------------
    def date(self, years: tuple[int, int] = (2021, 2025)) -> dt.date:
        start, end = dt.date(years[0], 1, 4), dt.date(years[1], 12, 28)
        return start + dt.timedelta(days=self.rng.randint(0, (end - start).days))

    def later(self, d: dt.date, lo: int, hi: int) -> dt.date:
        return d + dt.timedelta(days=self.rng.randint(lo, hi))

    def money(self, lo: float, hi: float, digits: int = 1) -> str:
        return f"{self.rng.uniform(lo, hi):.{digits}f}"


def article_label(n: int, style: str) -> str:
    """The marker that opens article ``n`` in numbering ``style``."""
    if style == "article":
        return f"第{cn_number(n)}条　"
    if style == "article_sp":
        return f"第{cn_number(n)}条 "
    if style == "cn":
        return f"{cn_number(n)}、"
    if style == "paren":
        return f"（{cn_number(n)}）"
    return f"{n}．" if style == "arabic_full" else f"{n}."


NUMBERING_STYLES = ("article", "article", "article_sp", "cn", "paren", "arabic", "arabic_full")


def join_items(ctx: Ctx, items: Sequence[str], start: int, style: str, sep: str | None = None) -> str:
    """Number ``items`` from ``start`` and join them with a line break, a space or nothing."""
    sep = sep if sep is not None else ctx.pick(("\n", "\n", "\n", " ", ""))
    return sep.join(article_label(start + i, style) + item for i, item in enumerate(items))


def fit(text_of, pieces: list[str], keep_first: int = 0, keep_last: int = 0) -> str:
    """Drop middle pieces until ``text_of(pieces)`` is at most MAX_LEN characters long."""
    pieces = list(pieces)
    text = text_of(pieces)
    while len(text) > MAX_LEN and len(pieces) > keep_first + keep_last + 1:
        del pieces[len(pieces) - keep_last - 1]
        text = text_of(pieces)
    return text


def record(text: str, labels: list[str], field: str, doc_type: str) -> dict:
    """One corpus line (without id); clean passages of part C are all hard negatives."""
    return {"text": text, "labels": labels, "field": field, "doc_type": doc_type, "hard_negative": not labels}
