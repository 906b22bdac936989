"""Slot fillers and template expansion shared by the request generators.

Templates use two kinds of placeholders:

* ``{slot}`` – a value from :meth:`Filler.context` (places, people, companies, 文号, dates …).
  All personal data is synthetic: names and phone numbers come from ``Faker('zh_CN')`` with a
  fixed seed; 18-digit resident IDs get a GB 11643 check digit computed with python-stdnum.
* ``[[a|b|c]]`` – an inline alternative; one branch is picked at random (may be nested).

Place names are composed from syllable lists, so counties, towns and villages are fictional.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Sequence

from faker import Faker
from stdnum.cn import ric

SEED = 20250622

# field -> agency name patterns ({city}/{county} are filled from the context)
FIELD_AGENCIES: dict[str, tuple[str, ...]] = {
    "自然资源": ("{county}自然资源局", "{city}自然资源和规划局", "{county}人民政府"),
    "住建": ("{county}住房和城乡建设局", "{city}住房和城乡建设局", "{county}房屋征收与补偿办公室"),
    "生态环境": ("{city}生态环境局", "{city}生态环境局{county}分局"),
    "市场监管": ("{county}市场监督管理局", "{city}市场监督管理局"),
    "公安": ("{county}公安局", "{city}公安局交通警察支队", "{city}公安局"),
    "人社": ("{county}人力资源和社会保障局", "{city}人力资源和社会保障局"),
    "卫健": ("{county}卫生健康局", "{city}卫生健康委员会"),
    "教育": ("{county}教育局", "{city}教育局"),
    "财政": ("{county}财政局", "{city}财政局"),
    "交通": ("{city}交通运输局", "{county}交通运输局"),
    "农业农村": ("{county}农业农村局", "{city}农业农村局"),
    "民政": ("{county}民政局", "{city}民政局"),
    "水利": ("{county}水利局", "{city}水务局"),
    "应急管理": ("{county}应急管理局", "{city}应急管理局"),
    "城管": ("{county}城市管理综合行政执法局", "{city}城市管理局"),
    "税务": ("国家税务总局{city}税务局", "国家税务总局{city}{county}税务局"),
    "发改": ("{city}发展和改革委员会", "{county}发展和改革局"),
    "综合": ("{county}人民政府", "{city}人民政府办公室", "{county}{town}人民政府"),
}
FIELDS: tuple[str, ...] = tuple(FIELD_AGENCIES)

# field -> agency short code used in 文号
FIELD_DOC_CODES: dict[str, tuple[str, ...]] = {
    "自然资源": ("自然资发", "自然资规", "国土资发", "府征"),
    "住建": ("建发", "住建", "征收", "房征字"),
    "生态环境": ("环审", "环罚", "环发", "环评批"),
    "市场监管": ("市监发", "市监罚", "市监"),
    "公安": ("公发", "公行罚", "公通"),
    "人社": ("人社发", "人社规", "人社函"),
    "卫健": ("卫健发", "卫健", "卫规"),
    "教育": ("教发", "教基", "教规"),
    "财政": ("财发", "财预", "财农"),
    "交通": ("交发", "交规", "交运"),
    "农业农村": ("农发", "农经", "农规"),
    "民政": ("民发", "民规", "民函"),
    "水利": ("水发", "水利", "水审批"),
    "应急管理": ("应急发", "应急", "安监罚"),
    "城管": ("城管发", "城管罚", "城执"),
    "税务": ("税发", "税务", "税通"),
    "发改": ("发改投资", "发改发", "发改审批"),
    "综合": ("府发", "政办发", "府函", "政发"),
}

_PLACE_A = "青云临清安平永丰长宁河东石泉白水梅岭松溪桂阳凤凰柳林南屏东湖西山北川明德崇文宝华金沙"
_PLACE_B = "江河川溪湖山岭桥原台城阳宁安丰泽源坪林塘"
_ROAD_SUFFIX = ("路", "大道", "街", "巷")
_BRACKETS = (("〔", "〕"), ("〔", "〕"), ("〔", "〕"), ("[", "]"), ("(", ")"), ("（", "）"))
_PROJECT_KINDS = (
    "棚户区改造项目", "旧城改造项目", "安置小区建设项目", "道路拓宽改造工程", "污水处理厂扩建工程",
    "工业园区基础设施项目", "高速公路连接线工程", "物流园建设项目", "生活垃圾焚烧发电项目",
    "城中村改造项目", "河道综合治理工程", "商住综合体项目", "农贸市场改造项目", "学校新建工程",
)
_COMPANY_KINDS = (
    "置业有限公司", "房地产开发有限公司", "建筑工程有限公司", "化工有限公司", "环保科技有限公司",
    "食品有限公司", "物流有限公司", "建材有限公司", "医药有限公司", "物业服务有限公司",
    "矿业有限公司", "农业开发有限公司", "运输有限公司", "商贸有限公司",
)
_SCHOOL_KINDS = ("第一中学", "第二小学", "实验小学", "实验中学", "中心幼儿园", "职业中学")
_HOSPITAL_KINDS = ("人民医院", "中医院", "妇幼保健院", "第二人民医院", "社区卫生服务中心")
_AREA_CODES = ("110105", "320106", "330102", "370203", "420106", "440305", "510107", "610113",
               "430104", "350203", "210102", "500103", "230103", "340104", "410105", "450103")


def pick(rng: random.Random, seq: Sequence[str]) -> str:
    """Return one element of ``seq``."""
    return seq[rng.randrange(len(seq))]


def resident_id(rng: random.Random) -> str:
    """Return a synthetic 18-digit resident ID number with a valid GB 11643 check digit."""
    while True:  # retry until the area code existed in the birth year (stdnum checks this)
        birth = dt.date(1950, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 52))
        body = pick(rng, _AREA_CODES) + birth.strftime("%Y%m%d") + f"{rng.randrange(1, 1000):03d}"
        number = body + ric.calc_check_digit(body + "0")
        if ric.is_valid(number):
            return number


def cn_date(day: dt.date) -> str:
    """Format a date the way Chinese officials write it (2021年3月5日)."""
    return f"{day.year}年{day.month}月{day.day}日"


class Filler:
    """Produces one consistent set of slot values per request."""

    def __init__(self, seed: int = SEED) -> None:
        self.fake = Faker("zh_CN")
        self.fake.seed_instance(seed)

    def _place(self, rng: random.Random) -> str:
        return pick(rng, _PLACE_A) + pick(rng, _PLACE_B)

    def _company(self, rng: random.Random, city: str) -> str:
        if rng.random() < 0.3:
            return self.fake.company()
        return city[:-1] + self.fake.company_prefix() + pick(rng, _COMPANY_KINDS)

    def docno(self, rng: random.Random, field: str, city: str, year: int) -> str:
        """Return a 文号 such as 青江自然资发〔2021〕12号."""
        left, right = pick(rng, _BRACKETS)
        prefix = pick(rng, (city[0], city[:2], city[:-1][:2]))
        return f"{prefix}{pick(rng, FIELD_DOC_CODES[field])}{left}{year}{right}{rng.randrange(1, 180)}号"

    def context(self, rng: random.Random, field: str) -> dict[str, str]:
        """Return slot values for one request in ``field`` (all values consistent with each other)."""
        city = self._place(rng) + "市"
        county = self._place(rng) + pick(rng, ("县", "区", "县", "区", "市"))
        town = self._place(rng) + pick(rng, ("镇", "街道", "乡", "镇"))
        year = rng.randrange(2014, 2025)
        year2 = year - rng.randrange(1, 4)
        date = dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange(0, 360))
        date2 = date + dt.timedelta(days=rng.randrange(20, 300))
        road = self._place(rng) + pick(rng, _ROAD_SUFFIX)
        ctx = {
            "city": city, "county": county, "town": town,
            "village": self._place(rng) + "村", "community": self._place(rng) + "社区",
            "road": road, "road2": self._place(rng) + pick(rng, _ROAD_SUFFIX), "addr": f"{county}{town}{road}{rng.randrange(1, 300)}号",
            "person": self.fake.name(), "person2": self.fake.name(), "person3": self.fake.name(),
            "phone": self.fake.phone_number(), "idno": resident_id(rng),
            "email": f"{self.fake.user_name()}@{pick(rng, ('163.com', 'qq.com', '126.com', 'sina.com'))}",
            "company": self._company(rng, city), "company2": self._company(rng, city),
            "project": self._place(rng) + pick(rng, _PROJECT_KINDS),
            "project2": self._place(rng) + pick(rng, _PROJECT_KINDS),
            "plot": f"{year}-{pick(rng, 'GCRM')}-{rng.randrange(1, 60):02d}号地块",
            "year": str(year), "year2": str(year2), "date": cn_date(date), "date2": cn_date(date2),
            "month": f"{year}年{date.month}月",
            "school": county[:-1] + pick(rng, _SCHOOL_KINDS),
            "hospital": county[:-1] + pick(rng, _HOSPITAL_KINDS),
            "river": self._place(rng)[0] + pick(rng, ("河", "江", "溪")),
            "firm": self.fake.company_prefix() + "律师事务所",
            "licence": f"1{rng.randrange(10**15, 10**16)}",
            "n": str(rng.randrange(2, 40)), "n2": str(rng.randrange(3, 12)),
            "area": str(rng.randrange(3, 600)), "amount": f"{rng.randrange(2, 900)}万",
        }
        today = min(date2 + dt.timedelta(days=rng.randrange(10, 400)), dt.date(2025, 6, 30))
        ctx["today"] = cn_date(today)
        ctx["docno"] = self.docno(rng, field, city, year)
        ctx["docno2"] = self.docno(rng, field, city, year2)
        ctx["gov_docno"] = self.docno(rng, "综合", city, year)
        ctx["agency"] = pick(rng, FIELD_AGENCIES[field]).format(**ctx)
        ctx["field"] = field
        return ctx


_ALT = re.compile(r"\[\[([^\[\]]*)\]\]")


def expand(template: str, rng: random.Random, ctx: dict[str, str]) -> str:
    """Resolve ``[[a|b]]`` alternatives (innermost first), then fill ``{slot}`` values."""
    text = template
    while True:
        new = _ALT.sub(lambda m: pick(rng, m.group(1).split("|")), text, count=1)
        if new == text:
            break
        text = new
    return text.format_map(ctx)
