"""Generate the passage seed corpus, part A (``corpora/passages/part_a.jsonl``).

Part A covers the grounds ``state_secret``, ``trade_secret``, ``privacy`` and
``security_stability`` plus clean hard negatives (``labels == []``).

How it works: hand-written sentence templates (grouped in banks, one bank per
primary ground plus one bank of clean hard negatives) are filled with generated
slot values.  Templates use two kinds of placeholders:

* ``{slot}`` – a value from :func:`Filler.context` (people, companies, agencies,
  numbers, coordinates, dates ...).  Personal data is synthetic: names come from
  ``Faker('zh_CN')`` with a fixed seed, resident ID numbers carry a computed
  GB 11643 check digit, bank card numbers a computed Luhn digit.
* ``[[a|b|c]]`` – an inline alternative; one branch is picked at random.

Everything is driven by one seeded ``random.Random`` so the output is
deterministic for a given Faker version (pinned in the dev dependencies).  After
shuffling, near-duplicates (character 5-gram Jaccard ≥ 0.5 with an earlier kept
passage: ``reviewer.model.corpus.near_duplicate_keep``) are dropped before the ids
are assigned.  Run::

    .venv/bin/python corpora/tools/make_passages_a.py            # writes the corpus
    .venv/bin/python corpora/tools/make_passages_a.py --stats    # prints counts only
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from faker import Faker

SEED = 20250611
ROOT = Path(__file__).resolve().parents[1]
OUT_PATH = ROOT / "passages" / "part_a.jsonl"

ALLOWED_LABELS = (
    "state_secret",
    "trade_secret",
    "privacy",
    "process_info",
    "internal_affairs",
    "enforcement_file",
    "security_stability",
)

# How many passages each bank contributes (primary label -> count).
BANK_TARGETS = {
    "state_secret": 108,
    "trade_secret": 108,
    "privacy": 128,
    "security_stability": 104,
    "clean": 150,
}

MIN_CHARS, MAX_CHARS, MAX_SENTENCES = 30, 400, 6

# ---------------------------------------------------------------------------
# Check-digit helpers
# ---------------------------------------------------------------------------

_RIC_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_RIC_CHECK = "10X98765432"


def ric_check_digit(body17: str) -> str:
    """Return the GB 11643-1999 check character for the first 17 digits."""
    total = sum(int(c) * w for c, w in zip(body17, _RIC_WEIGHTS, strict=True))
    return _RIC_CHECK[total % 11]


def make_resident_id(region: str, birth: dt.date, seq: int) -> str:
    """Build an 18-character resident ID number with a valid check character."""
    body = f"{region}{birth:%Y%m%d}{seq:03d}"
    return body + ric_check_digit(body)


def luhn_check_digit(partial: str) -> str:
    """Return the Luhn digit that makes ``partial + digit`` valid."""
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def uscc_check_char(body17: str) -> str:
    """Return the GB 32100-2015 check character of a unified social credit code."""
    total = sum(_USCC_CHARS.index(c) * w for c, w in zip(body17, _USCC_WEIGHTS, strict=True))
    return _USCC_CHARS[(31 - total % 31) % 31]


# ---------------------------------------------------------------------------
# Static pools
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    prov: str
    city: str
    district: str
    code: str
    abbr: str
    lon: float
    lat: float
    area: str
    rural: bool


PLACES = [
    Place("北京市", "北京市", "东城区", "110101", "京", 116.42, 39.93, "010", False),
    Place("北京市", "北京市", "朝阳区", "110105", "京", 116.48, 39.95, "010", False),
    Place("北京市", "北京市", "海淀区", "110108", "京", 116.30, 39.96, "010", False),
    Place("上海市", "上海市", "徐汇区", "310104", "沪", 121.44, 31.19, "021", False),
    Place("上海市", "上海市", "浦东新区", "310115", "沪", 121.54, 31.22, "021", False),
    Place("天津市", "天津市", "和平区", "120101", "津", 117.20, 39.12, "022", False),
    Place("重庆市", "重庆市", "渝中区", "500103", "渝", 106.57, 29.55, "023", False),
    Place("广东省", "深圳市", "南山区", "440305", "粤", 113.93, 22.53, "0755", False),
    Place("广东省", "广州市", "天河区", "440106", "粤", 113.36, 23.12, "020", False),
    Place("四川省", "成都市", "锦江区", "510104", "川", 104.08, 30.65, "028", False),
    Place("四川省", "成都市", "武侯区", "510107", "川", 104.04, 30.64, "028", False),
    Place("江苏省", "南京市", "玄武区", "320102", "苏", 118.80, 32.05, "025", False),
    Place("浙江省", "杭州市", "西湖区", "330106", "浙", 120.13, 30.26, "0571", False),
    Place("湖北省", "武汉市", "武昌区", "420106", "鄂", 114.32, 30.55, "027", False),
    Place("陕西省", "西安市", "雁塔区", "610113", "陕", 108.95, 34.22, "029", False),
    Place("山东省", "济南市", "历下区", "370102", "鲁", 117.05, 36.67, "0531", False),
    Place("河南省", "郑州市", "金水区", "410105", "豫", 113.68, 34.80, "0371", False),
    Place("湖南省", "长沙市", "岳麓区", "430104", "湘", 112.93, 28.23, "0731", False),
    Place("辽宁省", "沈阳市", "和平区", "210102", "辽", 123.40, 41.79, "024", False),
    Place("福建省", "厦门市", "思明区", "350203", "闽", 118.09, 24.48, "0592", False),
    Place("云南省", "昆明市", "五华区", "530102", "云", 102.70, 25.05, "0871", False),
    Place("广西壮族自治区", "南宁市", "青秀区", "450103", "桂", 108.38, 22.82, "0771", False),
    Place("安徽省", "合肥市", "蜀山区", "340104", "皖", 117.25, 31.85, "0551", False),
    Place("江西省", "南昌市", "东湖区", "360102", "赣", 115.90, 28.68, "0791", False),
    Place("河北省", "石家庄市", "长安区", "130102", "冀", 114.52, 38.05, "0311", False),
    Place("山西省", "太原市", "小店区", "140105", "晋", 112.55, 37.80, "0351", False),
    Place("贵州省", "贵阳市", "南明区", "520102", "黔", 106.71, 26.57, "0851", False),
    Place("甘肃省", "兰州市", "城关区", "620102", "甘", 103.83, 36.06, "0931", False),
    Place("河南省", "周口市", "郸城县", "411625", "豫", 115.20, 33.64, "0394", True),
    Place("四川省", "南充市", "仪陇县", "511324", "川", 106.30, 31.27, "0817", True),
    Place("安徽省", "阜阳市", "临泉县", "341221", "皖", 115.26, 33.06, "0558", True),
    Place("江西省", "赣州市", "于都县", "360731", "赣", 115.41, 25.95, "0797", True),
    Place("山东省", "菏泽市", "曹县", "371721", "鲁", 115.55, 34.83, "0530", True),
    Place("云南省", "曲靖市", "宣威市", "530381", "云", 104.10, 26.22, "0874", True),
    Place("甘肃省", "天水市", "秦安县", "620522", "甘", 105.67, 34.86, "0938", True),
    Place("河北省", "保定市", "涞源县", "130630", "冀", 114.69, 39.36, "0312", True),
    Place("广西壮族自治区", "桂林市", "全州县", "450324", "桂", 111.07, 25.93, "0773", True),
    Place("贵州省", "毕节市", "威宁彝族回族苗族自治县", "520526", "黔", 104.28, 26.86, "0857", True),
]

MUNICIPALITIES = {"北京市", "上海市", "天津市", "重庆市"}

# Division codes change over time (GB/T 2260).  A resident ID carries the code that was in force for the
# holder's place, so people born before a district was created get its predecessor (or the city's) code.
# Segments are (code, first birth year, last birth year); codes missing here are valid for every year.
CODE_HISTORY: dict[str, list[tuple[str, int, int]]] = {
    "310115": [("310115", 1992, 9999), ("310101", 0, 1991)],
    "500103": [("500103", 1997, 9999), ("510202", 1983, 1996), ("510221", 0, 1982)],
    "440305": [("440305", 1983, 9999), ("440320", 0, 1982)],
    "440106": [("440106", 1985, 9999), ("440104", 1983, 1984), ("440100", 0, 1982)],
    "510104": [("510104", 1990, 9999), ("510102", 1983, 1989), ("510100", 0, 1982)],
    "510107": [("510107", 1990, 9999), ("510103", 1983, 1989), ("510100", 0, 1982)],
    "320102": [("320102", 1983, 9999), ("320120", 0, 1982)],
    "330106": [("330106", 1983, 9999), ("330120", 0, 1982)],
    "420106": [("420106", 1983, 9999), ("420120", 0, 1982)],
    "610113": [("610113", 1983, 9999), ("610120", 0, 1982)],
    "370102": [("370102", 1983, 9999), ("370120", 0, 1982)],
    "410105": [("410105", 1983, 9999), ("410120", 0, 1982)],
    "430104": [("430104", 1983, 9999), ("430120", 0, 1982)],
    "210102": [("210102", 1983, 9999), ("210120", 0, 1982)],
    "350203": [("350203", 1983, 9999), ("350220", 0, 1982)],
    "530102": [("530102", 1983, 9999), ("530120", 0, 1982)],
    "450103": [("450103", 1983, 9999), ("450100", 0, 1982)],
    "340104": [("340104", 1983, 9999), ("340120", 0, 1982)],
    "360102": [("360102", 1983, 9999), ("360120", 0, 1982)],
    "130102": [("130102", 1983, 9999), ("130100", 0, 1982)],
    "140105": [("140105", 1997, 9999), ("140102", 1983, 1996), ("140100", 0, 1982)],
    "520102": [("520102", 1983, 9999), ("520100", 0, 1982)],
    "620102": [("620102", 1983, 9999), ("620120", 0, 1982)],
    "411625": [("411625", 2000, 9999), ("412726", 0, 1999)],
    "511324": [("511324", 1993, 9999), ("512927", 0, 1992)],
    "341221": [("341221", 1996, 9999), ("342122", 0, 1995)],
    "360731": [("360731", 1998, 9999), ("362132", 0, 1997)],
    "371721": [("371721", 2000, 9999), ("372922", 0, 1999)],
    "530381": [("530381", 1997, 9999), ("532202", 1994, 1996), ("532224", 0, 1993)],
    "620522": [("620522", 1985, 9999), ("622530", 0, 1984)],
    "130630": [("130630", 1994, 9999), ("132424", 0, 1993)],
    "450324": [("450324", 1998, 9999), ("452323", 0, 1997)],
    "520526": [("520526", 2011, 9999), ("522427", 0, 2010)],
}


def region_code_for(code: str, birth_year: int) -> str:
    """Division code an ID issued for a person born in ``birth_year`` at ``code`` would carry."""
    for old, first, last in CODE_HISTORY.get(code, []):
        if first <= birth_year <= last:
            return old
    return code

# field -> (county/district-level suffix, city-level suffix, province-level suffix)
FIELD_DEPTS: dict[str, tuple[str, str, str]] = {
    "自然资源": ("自然资源局", "自然资源和规划局", "自然资源厅"),
    "住建": ("住房和城乡建设局", "住房和城乡建设局", "住房和城乡建设厅"),
    "生态环境": ("生态环境局", "生态环境局", "生态环境厅"),
    "市场监管": ("市场监督管理局", "市场监督管理局", "市场监督管理局"),
    "公安": ("公安分局", "公安局", "公安厅"),
    "人社": ("人力资源和社会保障局", "人力资源和社会保障局", "人力资源和社会保障厅"),
    "卫健": ("卫生健康局", "卫生健康委员会", "卫生健康委员会"),
    "教育": ("教育局", "教育局", "教育厅"),
    "财政": ("财政局", "财政局", "财政厅"),
    "交通": ("交通运输局", "交通运输局", "交通运输厅"),
    "农业农村": ("农业农村局", "农业农村局", "农业农村厅"),
    "民政": ("民政局", "民政局", "民政厅"),
    "应急": ("应急管理局", "应急管理局", "应急管理厅"),
    "水利": ("水务局", "水务局", "水利厅"),
    "统计": ("统计局", "统计局", "统计局"),
    "发展改革": ("发展和改革局", "发展和改革委员会", "发展和改革委员会"),
    "工信": ("经济和信息化局", "经济和信息化局", "工业和信息化厅"),
    "科技": ("科学技术局", "科学技术局", "科学技术厅"),
    "商务": ("商务局", "商务局", "商务厅"),
    "司法": ("司法局", "司法局", "司法厅"),
    "医保": ("医疗保障局", "医疗保障局", "医疗保障局"),
    "退役军人": ("退役军人事务局", "退役军人事务局", "退役军人事务厅"),
    "信访": ("信访局", "信访局", "信访局"),
    "人防": ("人民防空办公室", "人民防空办公室", "人民防空办公室"),
    "国防动员": ("国防动员办公室", "国防动员办公室", "国防动员办公室"),
    "外事": ("外事办公室", "外事办公室", "外事办公室"),
    "机要": ("机要局", "机要局", "机要局"),
    "保密": ("保密局", "保密局", "保密局"),
    "金融": ("金融工作局", "地方金融管理局", "地方金融管理局"),
    "粮食储备": ("粮食和物资储备局", "粮食和物资储备局", "粮食和物资储备局"),
    "地震": ("地震局", "地震局", "地震局"),
    "数据": ("政务服务和大数据管理局", "政务服务和大数据管理局", "大数据局"),
    "能源": ("发展和改革局", "发展和改革委员会", "能源局"),
    "税务": ("税务局", "税务局", "税务局"),
    "综合": ("人民政府办公室", "人民政府办公室", "人民政府办公厅"),
}

TOWNS = ["石桥", "柳林", "新集", "白沙", "龙泉", "桃源", "青石", "双河", "清水", "马鞍", "永兴", "太平",
         "黄桥", "梅花", "长乐", "三合", "金山", "凤凰", "高坪", "杨家", "古城", "花园", "大营", "安乐"]
VILLAGES = ["王家", "东风", "红星", "杨柳", "上庄", "李湾", "团结", "新华", "前进", "柏树", "大坪", "黄泥",
            "石板", "枣林", "高庙", "河坝", "张庄", "沙沟", "松林", "竹园", "白果", "岔路", "吴营", "马庄"]
COMMUNITIES = ["锦绣花园", "阳光城", "翠苑", "金地名郡", "和平里", "滨江苑", "银杏小区", "华府", "新城家园",
               "碧水湾", "东湖小区", "丽景苑", "南苑新村", "机械厂宿舍", "幸福里", "城南花园", "紫荆苑", "书香门第"]
STREET_SUFFIX = ["路", "街", "大道", "巷"]
CARD_BANKS = [("中国工商银行", "622202", 19), ("中国农业银行", "622848", 19), ("中国建设银行", "621700", 19),
         ("中国银行", "621661", 19), ("招商银行", "622588", 16), ("交通银行", "622260", 19),
         ("中国邮政储蓄银行", "621799", 19)]
MOBILE_PREFIXES = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151",
                   "152", "153", "155", "156", "157", "158", "159", "166", "173", "176", "177", "180",
                   "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199"]
DISEASES = ["尿毒症（规律血液透析）", "乳腺癌术后化疗期", "肺癌", "脑梗死后遗症", "2型糖尿病伴糖尿病肾病",
            "慢性阻塞性肺疾病", "类风湿关节炎", "再生障碍性贫血", "急性白血病", "肝硬化失代偿期",
            "系统性红斑狼疮", "帕金森病", "双侧股骨头坏死", "冠心病（支架植入术后）", "重度抑郁发作",
            "胃癌术后", "慢性肾功能衰竭", "脊髓损伤致截瘫"]
INFECTIOUS = ["肺结核（涂阳）", "慢性乙型病毒性肝炎", "艾滋病病毒感染", "梅毒", "布鲁氏菌病", "猩红热",
              "登革热", "细菌性痢疾", "丙型病毒性肝炎"]
MENTAL = ["精神分裂症", "双相情感障碍", "偏执性精神病", "分裂情感性障碍", "癫痫所致精神障碍"]
DISABILITY_TYPES = ["肢体", "视力", "听力", "言语", "智力", "精神", "多重"]
CN_LEVELS = ["一级", "二级", "三级", "四级"]
CRIMES = ["盗窃", "诈骗", "故意伤害", "危险驾驶", "交通肇事", "寻衅滋事", "开设赌场",
          "帮助信息网络犯罪活动", "非法吸收公众存款", "掩饰、隐瞒犯罪所得", "容留他人吸毒"]
OFFENSES = ["殴打他人", "盗窃", "参与赌博", "吸食毒品", "扰乱单位秩序", "故意损毁财物", "阻碍执行职务",
            "散布谣言扰乱公共秩序", "非法侵入住宅"]
JOBS = ["农民", "个体工商户", "进城务工人员", "退休职工", "无业人员", "快递员", "厨师", "保安员", "网约车司机",
        "超市收银员"]
EDUS = ["大学本科", "硕士研究生", "在职研究生", "大学本科（在职）", "博士研究生"]
SCHOOL_NAMES = ["实验", "第一", "第三", "城南", "育才", "东风", "新华", "红旗", "光明"]
INDUSTRIES = {
    "build": ["建设工程", "建筑工程", "市政工程", "路桥建设", "建工集团"],
    "chem": ["化工", "精细化工", "新材料", "化学品"],
    "food": ["食品", "乳业", "调味品", "饮料"],
    "pharma": ["药业", "生物医药", "医疗器械", "制药"],
    "tech": ["科技", "信息技术", "软件", "智能科技", "电子"],
    "env": ["环保科技", "环境工程", "水务", "再生资源"],
    "seed": ["种业", "农业科技", "种苗"],
    "logi": ["物流", "运输", "供应链管理"],
    "re": ["房地产开发", "置业", "地产"],
    "energy": ["燃气", "能源", "石油化工", "热电"],
    "mfg": ["机械制造", "汽车零部件", "精密机械", "电气设备"],
    "svc": ["物业服务", "餐饮管理", "人力资源服务", "保安服务"],
}
CO_SUFFIXES = ["有限公司", "有限公司", "有限责任公司", "股份有限公司"]
COUNTRIES = ["某东南亚国家", "某中亚国家", "某欧洲国家", "某南美国家", "某非洲国家"]
RIVERS = ["清江", "白河", "沙河", "洪河", "龙溪", "汉江支流", "双溪", "涪江", "赣江支流", "沂河"]
RESERVOIRS = ["红岩", "青龙", "黑石", "团结", "双龙", "响水", "鹰嘴岩", "大坝沟", "白云", "长湾"]
DRUGS = ["注射用头孢曲松钠", "阿托伐他汀钙片", "盐酸二甲双胍缓释片", "注射用紫杉醇（白蛋白结合型）",
         "甘精胰岛素注射液", "恩替卡韦分散片", "硫酸氢氯吡格雷片", "瑞舒伐他汀钙片"]
MINERALS = ["萤石", "稀土", "钨", "锂", "晶质石墨", "钼", "锑", "锡"]
CHEMS = ["氰化钠", "液氯", "液氨", "硝酸铵", "氢氟酸", "二氧化硫", "光气"]
SUBJECTS = ["语文", "数学", "英语", "物理", "化学", "道德与法治", "历史", "生物学"]
CHEM_PRODUCTS = ["聚氨酯预聚体", "对甲苯磺酸", "环氧树脂", "硅烷偶联剂", "醋酸丁酯", "锂电池电解液",
                 "聚羧酸减水剂", "有机硅中间体"]
TECHS = ["低温等离子体协同催化降解工艺", "连续流微通道硝化工艺", "膜生物反应器强化脱氮工艺",
         "高压辊磨-浮选联合工艺", "超临界二氧化碳萃取工艺", "梯度烧结成型工艺", "干法腈纶纺丝工艺",
         "酶法水解耦合膜分离工艺"]
FOODS = ["风味发酵乳", "鲜榨果蔬汁", "火锅底料", "速冻汤圆", "辣椒酱", "苏打饼干", "植物蛋白饮料", "卤制鸭脖"]
SEEDS = ["玉米", "水稻", "小麦", "油菜", "辣椒", "大豆"]

MALE_GIVEN = ["伟", "强", "磊", "军", "勇", "杰", "涛", "斌", "超", "明", "刚", "平", "辉", "鹏", "飞", "鑫",
              "波", "宇", "浩", "凯", "健", "俊", "帆", "帅", "旭", "龙", "林", "洋", "建国", "建华", "志强",
              "志明", "国庆", "海涛", "晓东", "文斌", "俊杰", "子豪", "浩然", "宇轩", "永刚", "德明", "春雷",
              "红军", "国平", "立新", "家豪", "博文", "振华", "长青"]
FEMALE_GIVEN = ["芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "婷", "雪", "慧", "颖", "琳", "倩", "洁", "玲",
                "秀英", "桂英", "秀兰", "玉兰", "丽娟", "欣怡", "梓涵", "雨萱", "佳怡", "淑珍", "桂芳", "红梅",
                "春燕", "晓燕", "美玲", "月华", "素芬", "海燕", "思琪", "诗涵", "雅琴", "金凤", "翠花", "丹"]

_PREFIX_NOISE = re.compile(r"(电子|科技|信息|软件|计算机|电脑|数字|网络|国际|公司|传媒)+$")
_PREFIX_BAD = re.compile(r"[A-Za-z0-9]|济南|黄石|襄樊|开发区|电子|科技|信息|软件|网络|计算机")

_CN_DIGITS = "〇一二三四五六七八九"


def cn_year(year: int) -> str:
    return "".join(_CN_DIGITS[int(c)] for c in str(year))


def cn_number(n: int) -> str:
    """Chinese numeral for 1..99."""
    units = "零一二三四五六七八九"
    if n < 10:
        return units[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else units[tens]
    return f"{head}十{units[ones] if ones else ''}"


def cn_date(d: dt.date) -> str:
    return f"{cn_year(d.year)}年{cn_number(d.month)}月{cn_number(d.day)}日"


def fmt_date(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


# ---------------------------------------------------------------------------
# Slot filler
# ---------------------------------------------------------------------------


class Filler:
    """Produces a fresh dictionary of slot values for each passage."""

    def __init__(self, rng: random.Random, fake: Faker) -> None:
        self.rng = rng
        self.fake = fake

    # -- small helpers -----------------------------------------------------
    def mobile(self) -> str:
        r = self.rng
        return r.choice(MOBILE_PREFIXES) + "".join(str(r.randint(0, 9)) for _ in range(8))

    def landline(self, place: Place) -> str:
        n = 8 if len(place.area) == 3 else 7
        first = str(self.rng.randint(2, 8))
        return f"{place.area}-{first}" + "".join(str(self.rng.randint(0, 9)) for _ in range(n - 1))

    def bank_card(self) -> tuple[str, str]:
        name, prefix, length = self.rng.choice(CARD_BANKS)
        body = prefix + "".join(str(self.rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
        return name, body + luhn_check_digit(body)

    def street(self) -> str:
        base = self.fake.street_name()
        if base.endswith(("路", "街")):
            return base
        return base + self.rng.choice(STREET_SUFFIX)

    def town(self) -> str:
        return self.rng.choice(TOWNS) + self.rng.choice(["镇", "镇", "乡"])

    def village(self) -> str:
        return self.rng.choice(VILLAGES) + "村"

    def urban_addr(self, place: Place) -> str:
        r = self.rng
        prefix = place.city + place.district if place.city not in MUNICIPALITIES else place.prov + place.district
        if place.rural:
            prefix = place.prov + place.city + place.district
        floor = r.randint(1, 26)
        return (f"{prefix}{self.street()}{r.randint(1, 399)}号{r.choice(COMMUNITIES)}"
                f"{r.randint(1, 28)}栋{r.randint(1, 4)}单元{floor}{r.randint(1, 8):02d}室")

    def rural_addr(self, place: Place, town: str, village: str) -> str:
        r = self.rng
        city = "" if place.city in MUNICIPALITIES else place.city
        return f"{place.prov}{city}{place.district}{town}{village}{r.randint(1, 12)}组{r.randint(1, 88)}号"

    def person(self, place: Place, min_age: int = 26, max_age: int = 78,
               male: bool | None = None) -> dict[str, str]:
        r = self.rng
        if male is None:
            male = r.random() < 0.5
        surname = self.fake.last_name()
        given = r.choice(MALE_GIVEN if male else FEMALE_GIVEN)
        name = surname + given
        today = dt.date(2025, 6, 1)
        age = r.randint(min_age, max_age)
        birth = dt.date(today.year - age, r.randint(1, 12), r.randint(1, 28))
        if (birth.month, birth.day) > (today.month, today.day):
            age -= 1
        home = place.code if r.random() < 0.75 else r.choice(PLACES).code
        region = region_code_for(home, birth.year)
        seq = r.randrange(1, 999, 2) if male else r.randrange(2, 999, 2)
        rid = make_resident_id(region, birth, seq)
        bank, card = self.bank_card()
        return {
            "name": name,
            "surname": surname,
            "given": given,
            "sex": "男" if male else "女",
            "age": str(age),
            "birth": fmt_date(birth),
            "birth_ym": f"{birth.year}年{birth.month}月",
            "id": rid,
            "phone": self.mobile(),
            "bank": bank,
            "card": card,
        }

    def _add_other_generations(self, ctx: dict[str, str], place: Place, town: str, village: str) -> None:
        """Elderly people (``e_``, ``e2_`` = spouse, ``e3_``) and a young couple with a newborn."""
        r = self.rng
        addr = self.rural_addr(place, town, village) if place.rural else self.urban_addr(place)
        elder = self.person(place, 66, 92)
        spouse = self.person(place, max(60, int(elder["age"]) - 5), int(elder["age"]) + 5,
                             male=elder["sex"] != "男")
        other = self.person(place, 62, 90)
        for prefix, p in (("e", elder), ("e2", spouse), ("e3", other)):
            for k, v in p.items():
                ctx[f"{prefix}_{k}"] = v
        ctx["e_addr"] = addr
        kin_given = ctx["given3"] if ctx["given3"] != elder["given"] else r.choice(MALE_GIVEN + FEMALE_GIVEN)
        ctx["e_kin"] = elder["surname"] + kin_given
        # the elder as parent of person 1: a father shares person 1's surname
        if elder["sex"] == "男":
            ctx["e_parent"], ctx["e_pname"] = "父亲", ctx["surname1"] + elder["given"]
        else:
            ctx["e_parent"], ctx["e_pname"] = "母亲", elder["name"]
        mother = self.person(place, 22, 40, male=False)
        father = self.person(place, int(mother["age"]) - 1, int(mother["age"]) + 6, male=True)
        nb_male = r.random() < 0.5
        ctx.update(ym_name=mother["name"], ym_id=mother["id"], yf_name=father["name"], yf_id=father["id"],
                   nb_sex="男" if nb_male else "女",
                   nb_name=father["surname"] + r.choice(MALE_GIVEN if nb_male else FEMALE_GIVEN))

    def company(self, place: Place, kind: str | None = None) -> str:
        r = self.rng
        kind = kind or r.choice(list(INDUSTRIES))
        short = place.city.removesuffix("市")
        if r.random() < 0.35:
            short = ""
        prefix = self.company_prefix()
        return f"{short}{prefix}{r.choice(INDUSTRIES[kind])}{r.choice(CO_SUFFIXES)}"

    def company_prefix(self) -> str:
        """A Faker trade name without industry words, ASCII or embedded place names."""
        while True:
            prefix = _PREFIX_NOISE.sub("", self.fake.company_prefix())
            if len(prefix) >= 2 and not _PREFIX_BAD.search(prefix):
                return prefix

    def uscc(self, place: Place) -> str:
        r = self.rng
        letters = "".join(r.choice(_USCC_CHARS) for _ in range(7))
        body = f"91{place.code}MA{letters}"
        return body + uscc_check_char(body)

    def org_names(self, place: Place, field: str) -> dict[str, str]:
        low, mid, high = FIELD_DEPTS.get(field, FIELD_DEPTS["综合"])
        muni = place.city in MUNICIPALITIES
        city_prefix = place.city
        if place.rural:
            local = place.district
        elif muni:
            local = place.prov + place.district
        else:
            local = place.city + place.district
        if field == "公安":
            org = f"{place.district}公安局" if place.rural else f"{city_prefix}公安局{place.district}分局"
        else:
            org = local + low
        prov_suffix = mid if muni else high
        return {
            "org": org,
            "org_city": city_prefix + mid,
            "org_prov": place.prov + prov_suffix,
            "gov": local + "人民政府",
            "gov_city": city_prefix + "人民政府",
            "gov_prov": place.prov + "人民政府",
        }

    def secret_mark(self, level: str | None = None) -> str:
        r = self.rng
        level = level or r.choice(["秘密", "秘密", "机密", "机密", "绝密"])
        periods = {
            "秘密": ["1年", "2年", "3年", "5年", "6个月", "10年", "一年", "三年", "五年", "正式公布后解密",
                   f"{r.randint(2026, 2030)}年12月31日解密"],
            "机密": ["3年", "5年", "10年", "15年", "20年", "长期", "十年", "二十年", "任务完成后解密"],
            "绝密": ["长期", "10年", "20年", "30年", "三十年", "长期"],
        }[level]
        period = r.choice(periods)
        form = r.choice(["{l}★{p}"] * 5 + ["{l} ★ {p}", "{l}★ {p}", "【{l}★{p}】", "（{l}★{p}）", "{l}★",
                                          "密级：{l}　保密期限：{p}"])
        return form.format(l=level, p=period)

    # -- main --------------------------------------------------------------
    def context(self, field: str) -> dict[str, str]:
        r = self.rng
        place = r.choice(PLACES)
        ctx: dict[str, str] = {
            "prov": place.prov, "city": place.city, "district": place.district, "abbr": place.abbr,
            "city_short": place.city.removesuffix("市"),
            "field": field,
        }
        ctx.update(self.org_names(place, field))
        town, town2, village, village2 = self.town(), self.town(), self.village(), self.village()
        while village2 == village:
            village2 = self.village()
        ctx["town_head"] = "镇长" if town.endswith("镇") else "乡长"
        ctx.update(town=town, town2=town2, village=village, village2=village2,
                   street=self.street(), street2=self.street(), community=r.choice(COMMUNITIES))
        first_male = r.random() < 0.5
        for i in (1, 2, 3):
            # person 2 has the opposite sex of person 1 so that couples read naturally
            if i == 1:
                p = self.person(place, 30, 62, male=first_male)
            elif i == 2:
                near = int(ctx["age1"])
                p = self.person(place, max(24, near - 6), near + 6, male=not first_male)
            else:
                p = self.person(place)
            for k, v in p.items():
                ctx[f"{k}{i}"] = v
            ctx[f"addr{i}"] = self.rural_addr(place, town, village) if place.rural else self.urban_addr(place)
            given = p["given"]
            ctx[f"masked{i}"] = p["surname"] + ("*" * len(given) if r.random() < 0.5 or len(given) == 1
                                                else "*" + given[1:])
            ctx[f"mid{i}"] = p["id"][:6] + "*" * 8 + p["id"][-4:]
        male2 = ctx["sex2"] == "男"
        husband, wife = (2, 1) if male2 else (1, 2)
        ctx.update(hus_name=ctx[f"name{husband}"], hus_id=ctx[f"id{husband}"],
                   wife_name=ctx[f"name{wife}"], wife_id=ctx[f"id{wife}"],
                   spouse2="丈夫" if male2 else "妻子", rel2="夫" if male2 else "妻",
                   parent2="父亲" if male2 else "母亲", child2="儿子" if male2 else "女儿",
                   kid2="子" if male2 else "女", sib2="兄" if male2 else "姐", sib2y="弟" if male2 else "妹")
        minor = self.person(place, 6, 16)
        ctx.update({f"m_{k}": v for k, v in minor.items()})
        ctx["m_kid"] = "子" if minor["sex"] == "男" else "女"
        ctx["m_kin"] = "儿子" if minor["sex"] == "男" else "女儿"
        hus_surname = ctx["surname2"] if male2 else ctx["surname1"]
        ctx["m_name"] = hus_surname + minor["given"] if r.random() < 0.95 else minor["name"]
        ctx["kin_name"] = ctx["surname1"] + ctx["given2"]
        ctx["sib_name"] = ctx["surname1"] + ctx["given2"]
        self._add_other_generations(ctx, place, town, village)
        ctx["m_school"] = f"{place.district}{r.choice(SCHOOL_NAMES)}{'小学' if int(minor['age']) < 12 else '中学'}"
        ctx["m_grade"] = (f"{cn_number(int(minor['age']) - 5)}年级" if int(minor["age"]) < 12
                          else f"初{cn_number(min(int(minor['age']) - 11, 3))}" if int(minor["age"]) < 15
                          else "高一")
        ctx["off1"], ctx["off2"], ctx["off3"] = (self.fake.name() for _ in range(3))
        for i in (1, 2):
            ctx[f"cadre_birth{i}"] = f"{2025 - r.randint(32, 56)}年{r.randint(1, 12)}月"
        other = r.choice(["发展改革", "财政", "自然资源", "住建", "交通", "教育", "民政", "农业农村", "商务", "水利"])
        other_names = self.org_names(place, other)
        ctx["other_org"], ctx["other_org_city"] = other_names["org"], other_names["org_city"]
        past = dt.date(r.randint(1995, 2016), r.randint(1, 12), r.randint(1, 28))
        ctx["past_date"] = fmt_date(past)
        for i, kind in enumerate([None, None, None], start=1):
            ctx[f"co{i}"] = self.company(place, kind)
        for kind in INDUSTRIES:
            ctx[f"co_{kind}"] = self.company(place, kind)
        ctx["co_build2"] = self.company(place, "build")
        ctx["uscc1"], ctx["uscc2"] = self.uscc(place), self.uscc(place)
        ctx["landline"], ctx["landline2"] = self.landline(place), self.landline(place)
        # dates
        year = r.randint(2019, 2025)
        d1 = dt.date(year, r.randint(1, 10), r.randint(1, 28))
        d2 = d1 + dt.timedelta(days=r.randint(3, 40))
        d3 = d2 + dt.timedelta(days=r.randint(3, 60))
        # Offices hold documents of many years: move the dates back 0–11 years (2008–2025), with a choice
        # derived from the draws above so that the rest of the random stream (and the corpus) stays as before.
        year = year - random.Random(d3.toordinal() * 7919 + d1.toordinal()).randint(0, 11)
        shift = d1 - d1.replace(year=year)
        d1, d2, d3 = d1 - shift, d2 - shift, d3 - shift
        ctx.update(year=str(year), prev_year=str(year - 1), next_year=str(year + 1), date1=fmt_date(d1),
                   date2=fmt_date(d2), date3=fmt_date(d3), cn_date1=cn_date(d1), cn_date3=cn_date(d3),
                   month=f"{d1.month}月", quarter=r.choice(["一", "二", "三"]),
                   hm=f"{r.randint(0, 23)}时{r.choice(['00', '15', '30', '45'])}分",
                   clock=f"{r.randint(18, 23)}:{r.choice(['00', '30'])}")
        # numbers
        for i in range(1, 7):
            ctx[f"n{i}"] = str(r.randint(2, 48))
        for i in range(1, 4):
            ctx[f"big{i}"] = str(r.randint(120, 9800))
            ctx[f"pct{i}"] = f"{r.uniform(1.5, 38):.1f}%"
            ctx[f"wan{i}"] = f"{r.uniform(12, 4800):.2f}"
            ctx[f"yi{i}"] = f"{r.uniform(1.2, 86):.2f}"
            ctx[f"yuan{i}"] = f"{r.randint(120, 4800)}"
            ctx[f"up{i}"] = f"{r.uniform(3, 980):.2f}"
            ctx[f"temp{i}"] = str(r.randint(45, 480))
            ctx[f"mpa{i}"] = f"{r.uniform(0.15, 22):.2f}"
        ctx["pct4"] = f"{r.uniform(0.5, 9):.1f}%"
        ctx["money_exact"] = f"{r.randint(80_000, 9_800_000):,}.{r.randint(0, 99):02d}"
        ctx["ratio"] = f"{r.randint(1, 5)}:{r.uniform(0.6, 3.5):.2f}:{r.uniform(0.05, 0.9):.2f}"
        # geography
        lon = place.lon + r.uniform(-0.18, 0.18)
        lat = place.lat + r.uniform(-0.15, 0.15)
        ctx["lon1"], ctx["lat1"] = f"{lon:.6f}°", f"{lat:.6f}°"
        ctx["lon2"], ctx["lat2"] = f"{lon + r.uniform(-.05, .05):.6f}°", f"{lat + r.uniform(-.05, .05):.6f}°"
        deg, rem = int(lon), (lon - int(lon)) * 60
        ctx["lon_dms"] = f"{deg}°{int(rem):02d}′{(rem - int(rem)) * 60:04.1f}″"
        deg, rem = int(lat), (lat - int(lat)) * 60
        ctx["lat_dms"] = f"{deg}°{int(rem):02d}′{(rem - int(rem)) * 60:04.1f}″"
        zone = "" if r.random() < 0.6 else str(int(place.lon // 3))
        ctx["X1"] = f"{lat * 110900 + r.uniform(-900, 900):.3f}"
        ctx["Y1"] = f"{zone}{500000 + r.uniform(-90000, 90000):.3f}"
        ctx["X2"] = f"{float(ctx['X1']) + r.uniform(-300, 300):.3f}"
        ctx["Y2"] = f"{float(ctx['Y1']) + r.uniform(-300, 300):.3f}"
        ctx["H1"] = f"{r.uniform(8, 2400):.3f}"
        ctx["sheet"] = f"{r.choice('GHIJ')}{r.randint(45, 51)}G{r.randint(1, 96):03d}{r.randint(1, 96):03d}"
        # codes and pools
        ctx["code"] = f"{r.randint(10, 99)}{r.choice('ABCDEFGHJK')}{r.randint(1000, 9999)}"
        ctx["fenhao"] = f"{r.randint(1, 120):06d}"
        ctx["docno"] = f"{place.abbr}{r.choice(['府发', '府办', '政发', '办发'])}〔{year}〕{r.randint(2, 98)}号"
        ctx["mark"] = self.secret_mark()
        ctx["mark_s"] = self.secret_mark("秘密")
        ctx["mark_j"] = self.secret_mark("机密")
        ctx["mark_t"] = self.secret_mark("绝密")
        ctx["level"] = r.choice(["秘密", "机密"])
        ctx["disease"] = r.choice(DISEASES)
        ctx["infectious"] = r.choice(INFECTIOUS)
        ctx["mental"] = r.choice(MENTAL)
        ctx["dis_type"] = r.choice(DISABILITY_TYPES)
        ctx["dis_level"] = r.choice(CN_LEVELS)
        ctx["crime"] = r.choice(CRIMES)
        ctx["offense"] = r.choice(OFFENSES)
        ctx["job"] = r.choice(JOBS)
        ctx["edu"] = r.choice(EDUS)
        ctx["country"] = r.choice(COUNTRIES)
        ctx["river"] = r.choice(RIVERS)
        ctx["reservoir"] = r.choice(RESERVOIRS)
        ctx["drug"] = r.choice(DRUGS)
        ctx["mineral"] = r.choice(MINERALS)
        ctx["chem"] = r.choice(CHEMS)
        ctx["subject"] = r.choice(SUBJECTS)
        ctx["chem_product"] = r.choice(CHEM_PRODUCTS)
        ctx["tech"] = r.choice(TECHS)
        ctx["food"] = r.choice(FOODS)
        ctx["seed"] = r.choice(SEEDS)
        ctx["hosp"] = r.choice([f"{place.city}第{cn_number(r.randint(1, 7))}人民医院", f"{place.district}人民医院",
                                f"{place.city}中医医院", f"{place.city}中心医院"])
        ctx["unit_no"] = f"{r.randint(31, 96)}{r.randint(100, 999)}"
        ctx["kv"] = r.choice(["110", "220", "500", "35"])
        ctx["sub"] = r.choice(VILLAGES) + r.choice(["", "湾", "岭", "坝"])
        return ctx


# ---------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Tpl:
    fields: tuple[str, ...]
    doc_type: str
    labels: tuple[str, ...]
    text: str


def T(fields: str, doc_type: str, text: str, labels: str = "") -> Tpl:
    """Template shorthand: ``fields`` and ``labels`` are ``|``/space separated."""
    return Tpl(tuple(fields.split("|")), doc_type, tuple(labels.split()), text.strip())


_ALT = re.compile(r"\[\[(.*?)\]\]", re.S)
_RANGE = re.compile(r"<<(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)>>")


def expand_alternatives(text: str, rng: random.Random) -> str:
    """Replace every ``[[a|b|c]]`` by one of its branches."""
    return _ALT.sub(lambda m: rng.choice(m.group(1).split("|")), text)


def _range_value(match: re.Match, rng: random.Random) -> str:
    low, high = match.group(1), match.group(2)
    if "." in low:
        decimals = len(low.split(".")[1])
        return f"{rng.uniform(float(low), float(high)):.{decimals}f}"
    return str(rng.randint(int(low), int(high)))


def expand_ranges(text: str, rng: random.Random) -> str:
    """Replace every ``<<low-high>>`` by a random number (decimals follow ``low``)."""
    return _RANGE.sub(lambda m: _range_value(m, rng), text)


# -- state_secret -------------------------------------------------------------
STATE_SECRET = [
    T("自然资源", "通知", """{mark_j}
{org_prov}关于提供{district}基础测绘成果的通知
现将{district}范围内C级GNSS控制点成果（CGCS2000坐标系、1985国家高程基准）共{n1}点提供你局，仅限[[不动产统一登记|国土空间规划编制|地籍调查]]项目使用。成果属涉密测绘成果，不得向无资质单位提供，不得在连接互联网的计算机上存储、处理。"""),
    T("自然资源", "成果表", """（秘密）控制点{code}：X={X1}，Y={Y1}，H={H1}m，标石类型为基本标石，位于{town}{village}东侧山脊。以上成果使用单位须按保密协议管理，项目结束后{n1}个工作日内清退销毁并报备。"""),
    T("自然资源", "报告", """{mark_s}
{district}{mineral}矿区详查报告（摘要）
本次详查共施工钻孔{n1}个，探获{mineral}矿资源量{big1}万吨，平均品位{pct1}，矿体最大厚度{n2}米。依据有关保密事项范围，战略性矿产资源储量数据属于国家秘密，未经批准不得对外提供或引用。"""),
    T("自然资源", "复函", """{mark_s}
经征求驻军意见，{district}拟建高层建筑位于军用机场净空保护区内，跑道方位角、导航台坐标及障碍物限制面高度数据见附件。附件属于军事秘密，本复函不得公开，使用后请按涉密载体退回。"""),
    T("自然资源", "地图", """地形图 1:10000 图幅号{sheet}
{mark_s}
本图含军事设施、重要水利设施等涉密要素，属于秘密级测绘成果。领用单位应指定专人保管，复制须经{org_prov}批准，严禁扫描上网或擅自提供他人。"""),
    T("公安", "方案", """{mark_j}
“<<1-12>>·<<1-28>>”专案收网行动方案
经前期侦查，犯罪团伙主要成员活动于{district}{street}一带，专案组拟于{date1}凌晨组织统一收网。技术侦查措施由市局技侦支队负责实施，线索来源及侦查手段严格控制在专案组内部，任何人不得泄露。"""),
    T("公安", "通报", """（秘密）本市网上在逃人员中，已掌握藏匿线索{n1}名，由刑侦支队会同技侦部门开展秘密查控。各分局不得在案件协查通报中提及查控手段及线索来源，相关情况只向分管局领导报告。"""),
    T("公安", "方案", """{mark_j}
{date1}重要警卫任务方案
警卫路线为{street}—{street2}—{town}接待点，沿线设警卫哨位{n1}个、制高点观察哨{n2}个，警卫对象抵离时间及车队编组见附表。本方案知悉范围限于警卫工作指挥部成员。""", "state_secret security_stability"),
    T("公安", "请示", """{mark_s}
关于对{co1}相关人员采取技术侦查措施的请示
该公司涉嫌为境外电信诈骗团伙提供资金结算通道，涉案流水约{yi1}亿元。为查明资金链条，拟对其实际控制人使用的<<2-6>>部通讯工具采取技术侦查措施，期限<<1-3>>个月。"""),
    T("教育", "试卷", """绝密★启用前
{prov}{year}年初中学业水平考试 {subject}（试题卷）
注意事项：1.本试卷共<<4-8>>页，满分[[100|120|150]]分。2.答题前，考生务必将自己的姓名、准考证号填写在答题卡上。"""),
    T("教育", "交接记录", """绝密★启用前
{year}年普通高等学校招生全国统一考试{subject}科试卷（副题）交接单
交接时间{date1}，试卷共{big1}袋，启用条件为正题发生失泄密事件。副题试卷在启用前属于绝密级国家秘密，交接双方核对封条完好后签字。"""),
    T("国防动员", "报告", """{mark_j}
关于{city}国民经济动员潜力调查情况的报告
全市纳入动员潜力数据库的重点企业{big1}家，其中可转产军需被装企业{n1}家，年最大应急转产能力{big2}万套；具备危险品运输资质的企业{n2}家，可征用大型平板运输车{big3}台。以上数据按机密级管理。"""),
    T("人防", "批复", """{mark_s}
关于{district}人防指挥工程防护改造的批复
同意对位于{street}地下的{n1}号人防指挥所实施防护密闭改造，改造后工程抗力等级为核[[5|6]]级、常[[5|6]]级。工程位置、出入口及通风口布置不得在公开规划图件中标注。"""),
    T("人防", "名录", """（机密）{city}人防重点防护目标名录（{year}年更新）：一类目标{n1}个，主要为电力枢纽、通信枢纽和指挥中心；二类目标{n2}个。各目标的坐标、防护等级与疏散地域对应关系见分册，分册按机密级管理。"""),
    T("统计", "快报", """（机密）{year}年{quarter}季度全省地区生产总值初步核算结果为<<8000-98000>>.<<1-9>>亿元，同比增长{pct4}。该数据在国家统计局正式发布前属于国家秘密，各市统计局不得提前对外透露或引用。"""),
    T("统计", "报表", """{mark_s}
{city}{year}年{month}主要经济指标快报（发布前）
规模以上工业增加值同比增长<<1.5-9.5>>%，固定资产投资下降<<0.5-6.0>>%，社会消费品零售总额{big1}亿元。本报表在正式发布前按秘密级管理，阅后收回。"""),
    T("发展改革", "通知", """{mark_j}
根据国务院有关部署，{prov}将于{next_year}年起实施的[[成品油|天然气门站|输配电]]价格调整方案已确定，调整幅度和执行时间在正式公布前属于国家秘密。请各市严格控制知悉范围，不得提前向企业透露。"""),
    T("粮食储备", "报告", """（秘密）截至{date1}，全省地方储备粮库存<<40-480>>万吨，分布在{n1}个承储库点，其中{town}库点储存小麦{big2}吨、稻谷{big3}吨。储备粮数量、品种和库点分布属于国家秘密，请勿在工作简报中引用。"""),
    T("粮食储备", "计划", """{mark_s}
{year}年{city}市级储备物资轮换计划：{n1}号库冻猪肉轮出{big1}吨，储备库容、轮换时间及承储企业在计划执行完毕前按秘密级管理。"""),
    T("财政", "通知", """{mark_s}
{org_prov}关于下达{next_year}年新增地方政府债务限额的预通知
经请示同意，预下达你市新增专项债务限额<<20-260>>亿元、一般债务限额<<3-40>>亿元。在全国人民代表大会审议批准前，限额数字属于国家秘密，不得对外公开。"""),
    T("机要", "通知", """{mark_j}
关于更换{org_city}普通密码设备密钥的通知
请于{date1}前将在用密码机送机要局更换密钥，新密钥启用时间为{date2}零时。启用前旧密钥不得销毁，密码设备型号、配置参数及密钥使用周期均属国家秘密。"""),
    T("机要", "登记簿", """（机密）密码通信值班登记：{date1}{hm}，收{org_prov}加密电报1份，报文组数{big1}组，使用第{n1}套密钥脱密，脱密后原件按规定销毁，值班人{off1}。"""),
    T("保密", "审批表", """国家秘密定密审批表
事项名称：[[{district}重点目标防护调整方案|{city}{year}年征兵工作实施计划|{prov}{year}年军事设施保护规划]]
拟定密级：{level}　保密期限：<<1-10>>年　知悉范围：[[市级领导及承办处室|指挥部成员单位主要负责人|承办人员]]
定密依据：有关保密事项范围目录第{n2}项　承办人：{off1}　定密责任人：{off2}"""),
    T("保密|应急|自然资源|交通|发展改革", "审批表", """经审核，[[{city}应急物资储备库布局方案|{district}重要目标防护方案|{city}国防交通保障计划|{prov}战略性矿产储量汇总表]]属于保密事项范围规定的{level}级事项，确定密级为{level}，保密期限<<1-10>>年，知悉范围限于{off1}等{n2}人。{date1}已完成定密登记，登记编号{code}。"""),
    T("保密", "通知", """{org_city}定密责任人于{date1}决定，{city}{year}年国防动员演练方案原保密期限即将届满，因事项仍需保密，延长保密期限<<1-5>>年，密级维持机密不变，并已书面通知知悉范围内的单位和人员。"""),
    T("综合", "通知", """本文件属于国家秘密，由{gov_city}办公室机要科负责管理。未经批准不得复制、摘抄，不得带出办公场所，阅后请于{date1}前退回机要室登记销号。"""),
    T("综合|应急|国防动员", "通知", """此件含国家秘密事项，请按{level}级文件管理，严禁在非涉密计算机和互联网上处理、存储、传输。收文单位应在{date1}前将签收回执和清退清单报{gov_city}办公室。"""),
    T("综合", "纪要", """{mark_j}
专题会议纪要（第{n1}期）
会议研究了{city}行政区划调整有关事项。会议明确，拟撤销{district}，设立新区，具体方案由民政部门会同相关单位完善后报省政府审核。方案在国务院批准前属于国家秘密，参会人员不得外传。""", "state_secret process_info"),
    T("民政", "请示", """（机密）关于{district}部分行政区域界线调整的请示（代拟稿）
为优化城市空间布局，拟将{town}{village}等<<3-12>>个行政村划归相邻县管辖，涉及人口约<<6000-30000>>人。本请示在上级批准前属于国家秘密。""", "state_secret process_info"),
    T("自然资源|综合", "通知", """{mark_s}
{district}{town}北侧约<<2-15>>公里处为军事禁区，设有部队雷达站一处，坐标东经{lon1}、北纬{lat1}。禁区外围{n2}0米为军事管理区，请在编制国土空间规划时预留，但不得在公开图件中标注设施性质和坐标。"""),
    T("自然资源", "复函", """（秘密）经与驻军协商，{unit_no}部队油料库扩建工程拟占用{district}{village}集体土地{n1}亩，库区储量及库容布局详见附图。请按军事用地办理，用地公示中不载明具体用途。"""),
    T("交通", "计划", """{mark_s}
国防交通保障计划（{city}段）
战时{street}至{town}公路承担<<2-4>>个方向的兵力投送任务，{river}大桥为重点保障桥梁，抢修器材储备于{town2}{n2}号仓库，预置钢便桥<<2-6>>套。"""),
    T("外事|商务", "预案", """（机密）关于{year}年{country}经贸代表团来访的会谈预案：我方对合作园区土地价格的最低可接受条件为每亩<<8-45>>万元，对外方提出的税收返还要求原则上不超过<<3-5>>年。谈判底线属于国家秘密，仅限会谈组成员知悉。"""),
    T("外事", "报告", """{mark_s}
关于{country}驻华使馆人员拟赴我市考察的情况报告
拟陪同考察路线避开{district}军事管理区，对方询问的<<8-15>>个项目中有<<2-5>>个涉及国防科研单位，建议不予安排。"""),
    T("科技|工信", "任务书", """{mark_s}
{co_mfg}承担的某型机载设备研制任务书（型号代号{code}）：主要技术指标包括工作频段、探测距离、抗干扰能力等，详见附件二。承研单位须具备二级以上保密资格，参研人员应签订保密承诺书。"""),
    T("应急|地震", "会商意见", """（秘密）{prov}地震局震情会商意见：{district}及邻近地区未来<<3-12>>个月内存在发生<<5-6>>级左右中强地震的可能。本意见未经省人民政府批准不得对外发布，知悉人员不得以任何形式透露。""", "state_secret security_stability"),
    T("水利", "方案", """{mark_s}
{river}流域洪水调度方案（涉密部分）
<<2-8>>处蓄滞洪区的启用条件、分洪口门坐标及爆破分洪准备情况见附件，附件属于国家秘密。""", "state_secret security_stability"),
    T("应急|粮食储备", "分布表", """{mark_s}
{city}应急物资战略储备库分布表
{n1}号库位于{town}，储存帐篷{big1}顶、折叠床{big2}张、发电机组{n2}台；{n3}号库位于{town2}，储存冲锋舟{n4}艘。库点位置与储量属于国家秘密。""", "state_secret security_stability"),
    T("综合|公安", "名录", """绝密★长期
{prov}重要目标防护名录（{year}年修订）
名录收录一级防护目标{n1}个、二级防护目标{n2}个。各目标的地理位置、防护力量配置和应急通信方式见分册，分册编号{fenhao}。""", "state_secret security_stability"),
    T("综合", "文件", """份号：{fenhao}
{mark_j}
{gov_prov}文件
{docno}
关于{year}年度重大军事设施建设项目用地保障的通知
各市人民政府：现将驻{prov}部队{n1}项重点工程用地需求及选址意见印发给你们，请严格控制知悉范围。"""),
    T("综合", "通知", """二、工作安排
（一）{date1}前完成项目前期审查。
（秘密）（二）{district}驻军营区周边<<8-30>>个建设项目须在审批前征求军事机关意见，其中<<2-6>>个项目因位于作战工程安全控制范围内暂缓审批。"""),
    T("综合|应急", "报告", """（三）存在的问题。
（机密）经排查，全市{n1}处重要军事设施周边存在超高建筑{n2}栋，影响通信和观测，拟于{next_year}年底前分批整改，整改清单附后。"""),
    T("国防动员", "计划", """{mark_s}
{year}年{city}兵员征集实施计划（内部掌握）
全市征集任务<<1200-4800>>名，其中大学毕业生<<400-1100>>名；各区县任务分配数和承担特殊兵种的单位见附表。分配数在任务下达前按秘密级管理。"""),
    T("公安", "报告", """{mark_j}
关于{district}涉嫌间谍活动线索的核查报告
经国家安全机关通报，{co_tech}近期与境外机构存在可疑技术数据交换，涉及{n1}批次测绘数据。请{org}配合开展调查，不得向该企业透露调查情况。"""),
    T("自然资源", "合同", """涉密测绘成果提供使用协议（节选）
甲方向乙方{co_tech}提供{district}1:500数字线划图{n1}幅及航空影像原始数据。乙方承诺：成果仅用于{town}{village}实用性村庄规划编制，存储成果的计算机物理隔离，不得复制给第三方，项目完成后{n2}日内销毁并出具证明。上述成果属于秘密级国家秘密。"""),
    T("卫健|应急", "方案", """{mark_s}
{city}核与辐射事故医学应急救援方案（涉密版）
全市核应急医学救治定点医院<<3-8>>家，储备碘化钾片{big1}盒；核设施周边应急计划区的划定参数和撤离路线见附件，附件按秘密级管理。""", "state_secret security_stability"),
    T("税务|财政", "通知", """{mark_s}
关于{next_year}年度税收收入计划预分配的通知
预分配你局税收收入计划<<300-900>>亿元，其中国内增值税<<100-280>>亿元。计划数在国家正式下达前属于国家秘密，不得对外引用或据此向纳税人作任何表态。"""),
    T("教育", "报告", """{mark_j}
{year}年{prov}普通高校招生录取控制分数线（划定前建议方案）
本科一批文史类拟定为<<480-560>>分、理工类<<450-540>>分。划线方案在省招生委员会正式公布前属于国家秘密，参与人员已签订保密承诺书。"""),
    T("综合", "纪要", """（此页含国家秘密）
会议传达了上级关于{prov}重大战略项目布局的指示精神。项目拟选址于{district}{town}，总投资约<<50-600>>亿元，涉及国防科技工业配套，选址方案在正式公布前属于机密级事项。"""),
    T("公安", "通报", """{mark_s}
关于{date1}全市禁毒专项行动的部署通报
各分局按照附件所列{n1}个涉毒窝点同步开展清查，清查时间定于{date2}{hm}统一行动。行动时间与目标在实施前属于国家秘密，不得提前透露给辖区派出所以外人员。"""),
    T("水利|自然资源", "成果表", """{mark_s}
{reservoir}水库大坝变形监测基准点成果：BM1高程{H1}m，平面坐标X={X1}、Y={Y1}；BM2坐标X={X2}、Y={Y2}。精密水准和坐标成果为涉密测绘成果，仅限大坝安全监测单位使用。""", "state_secret security_stability"),
    T("自然资源", "成果目录", """{mark_s}
{city}航空摄影原始影像成果目录（地面分辨率0.2米）
覆盖{district}等<<3-9>>个区县，影像含未经保密技术处理的军事管理区和重要设施，属于秘密级测绘成果，只能在涉密网络或单机中使用，严禁上传至公共云平台。"""),
    T("公安", "台账", """（机密）{org}刑侦大队在{town}一带建立的秘密力量共<<3-9>>名，代号、联络方式和报酬发放情况登记于专用台账，由大队长{off1}一人掌握。秘密力量身份一旦暴露将危及其人身安全并影响案件侦办。"""),
    T("科技", "登记表", """国家科学技术秘密定密登记表
项目名称：{tech}在特种装备中的应用　完成单位：{co_mfg}
密级：秘密　保密期限：<<5-10>>年　知悉范围：项目组成员及主管部门经办人
说明：该技术涉及国防用途，论文发表、专利申请和对外合作前须经保密审查。"""),
    T("交通|国防动员", "分布表", """{mark_j}
{city}战备码头及军事运输转运点分布
{river}港区<<1-9>>号泊位为战备泊位，最大靠泊能力[[5000|10000|20000|50000]]吨级；铁路军事运输装卸站设于{town}，站台长度及装卸能力见附表。以上内容属于国家秘密，不得在港口规划公开文本中出现。"""),
    T("教育", "名单", """绝密★启用前
{year}年{prov}初中学业水平考试命题人员入闱安排
命题组共<<20-48>>人，于{date1}集中入闱于{town}某培训基地，入闱期间通讯工具统一封存，命题人员名单和入闱地点在考试结束前属于国家秘密。"""),
    T("综合", "通知", """【机密★】
{gov_prov}办公厅关于做好重大突发事件应急指挥专网建设的通知（节选）
专网核心节点设在{city}{district}，采用国产密码设备加密，节点机房位置、线路路由和加密参数属于国家秘密，各单位不得在招标文件中公开。"""),
]


# -- trade_secret -------------------------------------------------------------
TRADE_SECRET = [
    T("住建|财政", "投标文件", """{co_build}投标报价明细（第二标段）[[：|
]]分部分项工程费{wan1}万元，其中HRB400钢筋综合单价<<4200.00-5600.00>>元/吨、C30商品混凝土综合单价<<420.00-620.00>>元/立方米；措施项目费{wan2}万元；企业管理费费率<<3.5-8.0>>%，利润率<<2.5-7.0>>%。"""),
    T("住建", "投标文件", """投标人{co_build}对其报价低于招标控制价<<8.0-18.0>>%的书面说明：主要材料由本公司控股的搅拌站和钢构厂自供，混凝土内部结算价较市场价低<<25.00-80.00>>元/立方米；项目部管理人员{n1}人兼管相邻工地，现场管理费按{pct4}计取。附件中材料采购合同价格请予保密。"""),
    T("发展改革", "成本监审报告", """{co_env}{year}年度供水定价成本监审资料显示，单位制水成本<<1.20-3.80>>元/立方米，其中原水费占{pct1}、电费占{pct2}、人工成本占{pct3}。企业提交的药剂采购合同价格及内部管理费用分摊办法属于企业未公开的经营信息。"""),
    T("发展改革|能源", "申请书", """{co_energy}关于核定天然气配气价格的申请（附件三：成本明细，涉及商业秘密）
{year}年购气成本<<2.10-3.40>>元/立方米，管网折旧{wan1}万元，输差率{pct4}；企业与上游供气方签订的照付不议合同约定年度最低提气量{big1}万立方米。"""),
    T("科技", "申报书", """项目核心工艺采用{co_chem}自主开发的{tech}，反应温度控制在<<40-260>>℃，压力<<0.2-8.0>>MPa，催化剂为改性分子筛，单程转化率可达<<62.0-98.0>>%。该技术尚未申请专利，以技术秘密形式保护，申报单位已声明相关内容属于商业秘密。"""),
    T("科技", "申报书", """（三）研发费用明细
{year}年度人员人工费用{wan1}万元、直接投入费用{wan2}万元、委托外部研发费用{wan3}万元（受托方{co_tech}）。核心自主知识产权“{tech}”的关键参数未申请专利，企业以内部保密制度加以保护，请评审专家不得对外披露。"""),
    T("市场监管", "备案资料", """[[保湿修护面霜|控油洁面乳|防晒乳液]]产品配方（按质量百分比）：甘油<<3.0-8.0>>%、丁二醇<<2.0-6.0>>%、角鲨烷<<1.0-5.0>>%、烟酰胺<<0.5-4.0>>%、[[自研复合植物提取物|专有缓释微囊]]<<0.1-2.5>>%，余量为水。备案人{co_pharma}声明：产品配方属于商业秘密，申请不予公开。"""),
    T("市场监管", "许可申请", """{food}生产工艺说明：原料经<<85-121>>℃杀菌<<5-30>>分钟后冷却至<<4-40>>℃，按{pct4}比例加入企业自配复合稳定剂，均质压力<<15.0-30.0>>MPa。申请人{co_food}注明：复配配方及工艺参数为本企业核心技术秘密，仅供审查使用。"""),
    T("市场监管", "检查笔录", """检查中调取{co1}销售台账，其主要客户为{co2}（年采购额{wan1}万元，账期[[30|60|90|120]]天）、{co3}（年采购额{wan2}万元），对前三名客户给予{pct4}的年度返利。当事人称客户名单及返利政策为公司商业秘密，请求执法机关保密。""", "trade_secret enforcement_file"),
    T("市场监管", "调查终结报告", """经查，当事人{co1}{food}进货价为<<40.00-90.00>>元/箱，销售价<<95.00-160.00>>元/箱，毛利率{pct2}；其与上游{co2}签订的独家供货协议约定年度返点{pct4}、最低采购量{big1}箱。上述进销价格和协议内容由当事人提供，当事人要求不得公开。""", "trade_secret enforcement_file"),
    T("财政", "财务报表", """{co1}{year}年度未经审计的资产负债表显示，资产总额<<8000.00-95000.00>>万元、负债总额<<3000.00-7000.00>>万元，净利润<<200.00-1900.00>>万元；应收账款中对前五名客户的余额合计<<300.00-2800.00>>万元，其中最大客户欠款账龄已超过两年。"""),
    T("工信|国资", "申报材料", """{co_mfg}{year}年1—<<3-11>>月主要财务数据（未对外披露）：营业收入{yi1}亿元，毛利率{pct2}，研发投入{wan1}万元，对前五大客户的销售集中度{pct3}。企业为非上市公司，以上数据仅用于专项资金申报审核。"""),
    T("医保|卫健", "谈判记录", """经与{co_pharma}议价，{drug}供货价格确定为每盒{up1}元，较挂网价下浮{pct2}。企业提供的生产成本测算表显示原料药成本占比{pct3}，企业要求对报价及成本数据严格保密。"""),
    T("卫健|医保", "采购合同", """{hosp}与{co_pharma}签订的医用耗材供货补充协议约定：[[吻合器|人工关节|冠脉球囊|骨科钢板]]实际供货价为每套{up1}元，按季度给予医院{pct4}的配送费返还。双方约定本协议价格条款属于商业秘密。"""),
    T("生态环境", "申请书", """申请人声明：本排污许可申请材料第<<12-30>>至<<31-58>>页所列原辅材料年用量、生产工艺流程图及主要设备参数涉及本企业商业秘密，请予保密，不得向第三方公开。
申请单位：{co_chem}（盖章）"""),
    T("生态环境", "环评附件", """本项目不公开附件：{chem_product}合成工艺路线为两步法，关键中间体提纯采用<<2-4>>级精馏，塔顶温度<<60-180>>℃，回流比<<1.5-6.0>>；主反应收率<<82.0-96.5>>%。建设单位{co_chem}申请对上述工艺参数不予公开。"""),
    T("生态环境", "许可申请", """{co_env}危险废物经营许可证申请材料（技术部分）：回转窑焚烧温度<<850-1100>>℃，二燃室烟气停留时间不少于<<2-3>>秒，急冷塔出口温度控制在200℃以下；自主研发的二噁英抑制剂配比为{ratio}。企业认为该配比属于核心技术，请求保密。"""),
    T("农业农村", "审定申请", """{seed}品种“{city_short}{n1}号”亲本组合为[[郑|昌|京|鲁|川]]<<21-98>>×{city_short}自<<101-998>>，父本为申请单位{co_seed}自育自交系，选育过程中的组合配制记录和亲本繁殖技术未公开。申请人要求对亲本来源及制种技术信息予以保密。"""),
    T("农业农村", "登记资料", """[[肉鸡|蛋鸡|育肥猪]]复合预混合饲料产品配方：维生素A <<300000-1200000>>IU/kg、维生素D3 <<80000-300000>>IU/kg、硫酸铜<<800-3000>>mg/kg、企业专有酶制剂{pct4}。申请人{co_seed}注明：配方为企业核心经营信息，仅供登记审查。"""),
    T("农业农村", "备案资料", """组培快繁技术规程（企业内部版）[[：|
]][[蓝莓|铁皮石斛|马铃薯脱毒苗]]外植体经{pct4}次氯酸钠消毒<<5-15>>分钟，接种于改良MS培养基，6-BA浓度<<0.5-3.0>>mg/L，光照<<12-16>>小时/天。{co_seed}声明上述参数系多年试验所得，属于技术秘密。"""),
    T("应急", "安全评价报告", """{co_chem}{chem_product}生产装置工艺参数：反应釜操作温度<<60-220>>℃、压力<<0.10-2.50>>MPa，投料配比{ratio}，滴加时间{n1}分钟，保温反应<<2-12>>小时。企业在提交评价报告时声明工艺配比及操作窗口属于商业秘密。"""),
    T("交通|财政", "投标文件", """社会资本方{co_build}投标文件所附财务测算模型显示，项目全投资内部收益率{pct4}，资本金内部收益率<<6.0-9.5>>%，运营期年均运维成本{wan1}万元，融资成本按LPR下浮{n1}个基点测算。投标人标注该测算模型属于商业秘密。"""),
    T("财政", "投标文件", """{co_tech}投标文件技术部分第<<3-9>>章载明其[[智慧城管|不动产登记|医保结算|一网通办]]系统的软件架构、数据库表结构设计及二次开发接口规范，并在页眉注明“本章涉及商业秘密，不得对外公开”。"""),
    T("财政", "说明函", """关于投标报价合理性的说明：本公司与{co_mfg}签订有{n1}年期框架采购协议，主要设备采购价格较市场公开报价低{pct2}，故总报价较其他投标人低{wan1}万元。随函附采购合同复印件{n2}份，涉及商业秘密，请勿公开。"""),
    T("工信", "申报书", """技术改造项目建成后，{co_mfg}预计产品良品率由<<82.0-90.0>>%提高到<<93.0-99.0>>%，单位产品能耗下降{pct4}；核心设备采购自{co2}，合同价格{wan1}万元，设备关键参数及供货价格受双方保密条款约束。"""),
    T("商务", "备案材料", """根据{co_tech}提交的材料，该公司与境外母公司签订的技术许可协议约定许可费为年销售额的{pct4}，许可期限{n1}年，被许可技术包括{n2}项未公开的工艺诀窍。企业申请对协议金额条款予以保密。"""),
    T("自然资源", "申请书", """{co_energy}自行出资勘查取得的{mineral}矿钻孔原始编录、化验数据及资源量估算底稿，系企业投入{wan1}万元形成，其中深部找矿模型尚未公开。企业申请在出让收益评估时对上述数据予以保密。"""),
    T("水利", "许可申请", """{co_food}取水许可申请书附件：水平衡测试报告显示，单位产品取水量<<1.20-9.80>>立方米/吨，循环水浓缩倍数<<3.0-6.0>>，清洗工序采用企业自研的逆流回用工艺。申请人注明：水平衡图和工艺用水参数涉及商业秘密。"""),
    T("发展改革|能源", "申报材料", """{co_energy}上网电价核定资料：{n1}号机组供电标准煤耗<<285-320>>克/千瓦时，{year}年燃煤到厂标煤单价<<780.00-1250.00>>元/吨，长协煤占比{pct3}，厂用电率{pct4}。企业要求对燃料采购合同及价格数据保密。"""),
    T("卫健|市场监管", "注册资料", """[[一次性使用输液器|医用外科口罩|血糖试纸|骨科内固定螺钉]]注册申报资料（生产工艺部分）：关键工序[[注塑|熔喷|涂布|热处理]]温度<<160-260>>℃、保压时间<<3-25>>秒，原材料供应商为{co_chem}，采购单价<<12.00-86.00>>元/千克。注册人{co_pharma}声明该部分为商业秘密。"""),
    T("住建", "评标报告", """清标发现，{co_build}钢材单价低于市场信息价<<8.0-20.0>>%，{co_build2}措施费仅为同类项目平均水平的<<30.0-60.0>>%。评标委员会要求两家投标人澄清成本构成，{co_build}提交的内部成本测算表列明人工费按<<180.00-320.00>>元/工日计取。""", "trade_secret process_info"),
    T("教育|财政", "投标文件", """供餐企业{co_food}成本测算表：每餐主副食原料成本<<4.50-8.50>>元、人工成本<<1.50-3.00>>元、配送及冷链成本<<0.80-1.60>>元，综合利润率{pct4}。企业主要食材供应商名单及协议采购价附后，请采购人按商业秘密处理。"""),
    T("交通", "报送材料", """{co_logi}向运输管理部门报送的线路运营成本分析（企业内部资料）：{city}至{town}线路单车百公里燃油成本<<180.00-260.00>>元，司乘人员月均薪酬<<6000-9500>>元，客座率<<55.0-85.0>>%，盈亏平衡点为日均{n1}班次。企业申请对成本数据保密。"""),
    T("国资|财政", "评估资料", """国有股权转让前，{co_mfg}提供的资产评估基础资料显示，其专有技术“{tech}”评估值{wan1}万元，技术参数和客户应用清单附后。受让意向方签署保密承诺后方可查阅。"""),
    T("市场监管", "申报材料", """经营者集中申报材料（保密版本）[[：|
]]{co1}在{city}{food}市场的销售额占比约{pct3}，前三大竞争对手为{co2}、{co3}；交易后合营企业拟统一采购，预计采购成本下降{pct4}。申报方已另行提交删除商业秘密的公开版本。"""),
    T("住建", "资质申报", """{co_build}在申报资质升级时提交的近三年在建项目清单及合同结算价：{district}{community}项目结算价{wan1}万元，{town}安置房项目{wan2}万元，项目毛利率{pct3}。企业注明合同价款为保密信息。"""),
    T("人社|科技", "申报书", """{co_tech}申报高新技术企业时提交的核心技术人员情况：首席工程师{name1}（身份证号{id1}）年薪<<45-180>>万元，另持有公司{pct4}股权激励；研发团队{n1}人的薪酬分布附后。企业要求对人员及薪酬信息保密。""", "trade_secret privacy"),
    T("市场监管", "投诉材料", """投诉人称前员工{name1}（手机{phone1}）离职后将公司{co1}的客户名单（含{big1}家客户联系人、采购周期及成交价）带至新任职单位{co2}。投诉人提交的客户名单原件涉及商业秘密，请求执法机关不予公开。""", "trade_secret privacy"),
    T("生态环境", "监测方案", """{co_chem}自行监测方案附件中载明：{chem_product}车间尾气处理采用“{tech}”，活性炭更换周期{n1}天，处理设施运行参数与原料中溶剂配比直接相关，企业申请对配比数据以商业秘密保护。"""),
    T("财政", "询价响应", """{co_svc}对{org}物业服务项目的报价构成：保洁人员{n1}名，人均月工资<<2800-5200>>元；秩序维护人员{n2}名；耗材及管理费{wan1}万元/年；利润率{pct4}。报价人在响应文件中注明成本构成明细不得向其他供应商公开。"""),
    T("农业农村", "申请书", """农药登记申请资料（全组分分析报告）：有效成分{pct3}，助剂中自研渗透剂含量{pct4}，稳定剂为{co_chem}定制产品，原药杂质谱共鉴定出{n1}种杂质。申请人声明全组分及制剂配方属于商业秘密。"""),
    T("工信", "申请书", """{co_mfg}申请首台（套）重大技术装备认定时提交的测试报告显示，设备关键部件[[主轴|液压系统|伺服电机|控制算法]]的设计参数为企业自主研发，整机对外报价<<1800-4800>>万元，而成本仅为<<600-1500>>万元。申请人请求评审组对报价与成本数据保密。"""),
    T("商务|市场监管", "报送材料", """{co_food}参与{city}重要民生商品价格监测时报送的采购数据：[[猪肉|大米|食用油|鸡蛋]]平均采购价<<12.00-32.00>>元/公斤，主要供应商为{co2}、{co3}，供应商协议价低于市场批发价{pct4}。企业说明该数据仅供价格监测使用。"""),
    T("统计", "调查表", """（企业填报，统计机构依法保密）{co_mfg}{year}年主要产品产量{big1}吨，单位产品综合能耗{up1}千克标准煤，主营业务成本<<9000.00-48000.00>>万元，其中直接材料<<3000.00-8800.00>>万元。以上原始数据仅用于统计目的，不得对外提供。"""),
    T("住建", "备案资料", """预拌混凝土配合比（企业内部资料）[[：|
]]C35强度等级每立方米用水泥<<280-360>>kg、粉煤灰<<50-90>>kg、矿粉<<40-80>>kg、机制砂<<720-820>>kg，自研聚羧酸外加剂掺量<<1.2-2.4>>%。{co_build}声明该配合比属于商业秘密，仅供质量监督备案。"""),
    T("卫健|市场监管", "注册申请", """医疗机构制剂注册申报资料[[：|
]][[清肺止咳合剂|健脾消食颗粒|活血通络胶囊]]处方为黄芪<<15-40>>g、党参<<10-30>>g、白术<<10-20>>g等<<6-12>>味药材，水提醇沉工艺醇沉浓度<<60-80>>%。申请人{hosp}要求对处方组成及制法予以保密。"""),
    T("市场监管", "举报材料", """{co_mfg}向{org}提交的商业秘密侵权举报材料称，其[[注塑模具|精密减速器|电机定子]]设计图纸共<<20-160>>张（图号{code}起）及关键公差参数被前技术总监带至竞争企业。举报材料附图纸复印件，企业要求执法机关仅在调查中使用，不得对外提供。"""),
    T("交通|商务", "备案材料", """{co_logi}与{co_food}签订的冷链配送协议（企业报送备案）：市内配送每吨公里<<1.20-3.50>>元，最低月结量<<200-900>>吨，冷库租金每托盘每日<<2.00-6.00>>元，双方约定价格条款及客户门店清单属于商业秘密。"""),
    T("自然资源", "申请书", """{co_re}提交的地块开发可行性研究报告（附件五）载明，项目预计楼面地价<<3000-12000>>元/平方米，建安成本<<2200-3800>>元/平方米，预计销售均价<<12000-32000>>元/平方米，税前利润率{pct3}。企业申请对测算数据保密。"""),
]


# -- privacy ------------------------------------------------------------------
PRIVACY = [
    T("民政", "审批表", """最低生活保障申请审批表
申请人：{name1}　性别：{sex1}　年龄：{age1}岁　身份证号：{id1}
家庭住址：{addr1}
家庭人口<<2-6>>人，配偶{name2}患{disease}，长期服药；家庭月人均收入<<300-900>>元，无其他收入来源。"""),
    T("民政", "入户调查表", """入户调查记录[[：|
]]申请人{name1}（联系电话{phone1}）与其{e_parent}{e_pname}共同居住于{addr1}，房屋为砖木结构约<<20-90>>平方米。{e_pname}经鉴定为{dis_type}残疾{dis_level}，生活不能自理；申请人系{job}，月收入约{yuan1}元。"""),
    T("民政", "名单", """{town}{year}年第{quarter}季度特困人员救助供养名单（内部审核用）：{e_name}，{e_sex}，{e_age}岁，身份证号{e_id}，{village}<<1-12>>组，患{disease}；{e3_name}，{e3_sex}，{e3_age}岁，身份证号{e3_id}，分散供养。"""),
    T("民政", "申请书", """临时救助申请书：本人{name1}，身份证号{id1}，住{addr1}。{date1}{spouse2}{name2}因车祸去世，家中尚有{m_age}岁的孩子{m_name}在{m_school}读书，本人{job}，收入微薄，存款仅{yuan1}元，特申请临时救助。"""),
    T("民政", "登记表", """收养登记申请材料：收养人{name1}、{name2}夫妇，婚后<<5-15>>年未育，经{hosp}诊断女方患[[双侧输卵管阻塞|卵巢早衰|多囊卵巢综合征]]；被收养人{m_name}，{m_sex}，{m_age}岁，生父母不详，现由{city}儿童福利院抚养。"""),
    T("民政", "档案", """婚姻登记档案查询结果[[：|
]]{name1}（身份证号{id1}）与{name2}（身份证号{id2}）于{past_date}在{org}登记结婚，于{date2}协议离婚，离婚协议约定子女由女方抚养，男方每月支付抚养费<<800-3000>>元。"""),
    T("民政", "协议", """入住协议（{city}社会福利院）：入住老人{e_name}，{e_age}岁，身份证号{e_id}，患{disease}、阿尔茨海默病，护理等级为[[特级|一级|二级]]；赡养人{e_kin}（手机{phone2}），每月缴纳费用<<2800-6800>>元，由其{bank2}账户{card2}代扣。"""),
    T("民政", "名单", """{district}困难残疾人生活补贴发放明细（{year}年{month}）：{name1}，身份证号{id1}，{dis_type}残疾{dis_level}，{bank1}卡号{card1}，发放金额<<80-200>>元；{name2}，身份证号{id2}，智力残疾二级，发放金额<<80-200>>元。"""),
    T("公安", "询问笔录", """问：你的基本情况？
答：我叫{name1}，{sex1}，{birth1}出生，身份证号码{id1}，住{addr1}，联系电话{phone1}，文化程度初中，{job}。{prev_year}年我因{offense}被{org}行政拘留过十日。""", "privacy enforcement_file"),
    T("公安", "处罚决定书", """违法行为人{name1}，{sex1}，{birth1}出生，公民身份号码{id1}，现住{addr1}。{date1}{hm}，{name1}在{street}一烧烤店内因琐事{offense}，致被侵害人{name2}轻微伤。根据《中华人民共和国治安管理处罚法》有关规定，决定给予行政拘留[[五|七|十|十五]]日。""", "privacy enforcement_file"),
    T("公安", "户籍资料", """常住人口登记表[[：|
]]户主{hus_name}，身份证号{hus_id}；妻{wife_name}，身份证号{wife_id}；长{m_kid}{m_name}，{m_birth}出生，身份证号{m_id}。住址：{addr1}。{date1}因婚姻迁入。"""),
    T("公安", "出入境记录", """经查询，{name1}（身份证号{id1}）{year}年出入境记录如下：{date1}经[[罗湖|拱北|上海浦东国际机场|昆明长水国际机场]]口岸出境前往{country}，{date2}入境；同行人员{name2}。"""),
    T("公安", "吸毒人员登记表", """{name1}，{sex1}，{age1}岁，身份证号{id1}，户籍地{addr1}。{date1}因吸食甲基苯丙胺被查获，经评估为成瘾严重，责令社区戒毒三年，戒毒执行地为{town}，社区戒毒工作人员联系电话{phone2}。""", "privacy enforcement_file"),
    T("公安", "违法记录", """驾驶人{name1}，驾驶证号{id1}，联系电话{phone1}，{date1}驾驶小型轿车在{street}与{street2}交叉口被查获，经血液检测酒精含量为<<80-260>>mg/100mL，涉嫌危险驾驶，已移送审查起诉。""", "privacy enforcement_file"),
    T("公安", "接处警记录", """{date1}{hm}，报警人{name1}（手机{phone1}）称其{spouse2}{name2}酒后在家中对其实施殴打，住址{addr1}。民警到场后发现报警人面部有淤青，双方育有一{m_kid}{m_name}（{m_age}岁），已出具家庭暴力告诫书。"""),
    T("卫健", "病历摘要", """患者{name1}，{sex1}，{age1}岁，住址{addr1}，于{date1}以“[[反复胸闷气促|间断咯血|持续性腹痛|双下肢水肿]]{n1}天”入院。入院诊断：{disease}。既往有高血压病史十余年，否认药物过敏史。家属{name2}，电话{phone2}。"""),
    T("卫健", "传染病报告卡", """传染病报告卡
患者姓名：{name1}　身份证号：{id1}　性别：{sex1}
现住址：{addr1}　职业：{job}
诊断：{infectious}（确诊病例）　诊断日期：{date1}　报告单位：{hosp}"""),
    T("卫健", "管理台账", """严重精神障碍患者管理台账[[：|
]]{name1}，身份证号{id1}，诊断{mental}，{year}年曾有冲动伤人行为，风险等级{n1}级；监护人{name2}（{phone2}），居住于{addr1}，每月随访一次，服用氯氮平片。"""),
    T("卫健", "出生医学证明", """出生医学证明存根：新生儿{nb_name}，{nb_sex}，出生于{date1}{hm}，体重<<2500-4200>>克；母亲{ym_name}，身份证号{ym_id}；父亲{yf_name}，身份证号{yf_id}；出生地点{hosp}。"""),
    T("卫健", "调查报告", """流行病学个案调查：病例{name1}，{sex1}，{age1}岁，身份证号{id1}，居住于{addr1}，发病前{n1}日曾前往{town}参加亲属宴席，同桌就餐者包括其亲属{name2}（{phone2}）。"""),
    T("卫健", "投诉处理记录", """投诉人{name1}（{phone1}）反映，其{m_kin}{m_name}于{date1}在{hosp}行[[扁桃体切除|阑尾切除|骨折内固定]]手术后出现感染。经调取病历，患儿术后第<<2-6>>天体温<<38.5-40.2>>℃，血常规白细胞升高，已请专家组复核诊疗过程。"""),
    T("医保", "结算单", """{name1}（医保编号{id1}）住院费用结算单：住院{n1}天，出院诊断{disease}，医疗总费用<<30000-280000>>.<<10-99>>元，统筹基金支付<<12000-26000>>元，个人自付<<3000-9000>>元，已申请大病保险二次报销。"""),
    T("医保", "审批表", """门诊慢特病待遇认定审批表：参保人{name1}，身份证号{id1}，联系电话{phone1}，申报病种[[恶性肿瘤门诊放化疗|尿毒症透析|器官移植术后抗排异治疗|精神分裂症]]，鉴定医院{hosp}，专家意见同意认定。"""),
    T("人社", "工伤认定决定书", """职工{name1}（身份证号{id1}）于{date1}在{co_mfg}冲压车间作业时左手被冲床压伤，经{hosp}诊断为左手第[[二、三|三、四|四、五]]指离断伤。该职工家庭住址{addr1}，联系电话{phone1}，目前仍在住院治疗。"""),
    T("人社", "名单", """{co_build}拖欠农民工工资明细表：{name1}，身份证号{id1}，欠薪{yuan1}0元，工资卡{bank1}{card1}；{name2}，身份证号{id2}，欠薪{yuan2}0元；{name3}，手机{phone3}，欠薪{yuan3}0元。"""),
    T("人社", "参保记录", """{name1}（社会保障号码{id1}）参保缴费记录：{prev_year}年在{co1}参保，月缴费基数<<3500-9800>>元；{date1}因劳动合同解除停保，目前正在领取失业保险金，每月<<1500-2200>>元，发放至其{bank1}账户{card1}。"""),
    T("人社", "调解书", """劳动争议调解协议[[：|
]]申请人{name1}，{sex1}，身份证号{id1}，住{addr1}；被申请人{co1}。双方确认申请人因患{disease}长期病休，公司一次性支付医疗补助费和经济补偿合计{yuan1}00元。"""),
    T("人社|组织", "考察材料", """干部考察材料（{name1}同志）：该同志{birth_ym1}生，身份证号{id1}。其配偶{name2}在{co_re}任财务主管，儿子在国外留学；个人有房产<<2-4>>套，其中{addr1}一套登记在配偶名下。民主测评优秀票率{pct3}。""", "privacy internal_affairs"),
    T("人社", "工资审批表", """{org}{year}年度绩效工资审批表（节选）：{name1}，专业技术七级，应发工资<<9000-15000>>元，扣除住房公积金及个税后实发<<6000-8900>>元，工资卡{bank1}{card1}；{name2}，病假{n1}天，按规定扣减绩效。""", "privacy internal_affairs"),
    T("教育", "资助申请表", """家庭经济困难学生认定申请表：学生{m_name}，{m_school}{m_grade}，身份证号{m_id}。父亲{hus_name}因{crime}罪正在服刑，母亲{wife_name}离家多年未归，现随祖母生活，家住{addr1}，年收入不足{yuan1}0元。"""),
    T("教育", "心理档案", """学生心理健康档案：{m_name}，{m_sex}，{m_age}岁，{m_school}学生。{date1}测评提示存在中度抑郁倾向，曾有自伤行为，已转介{hosp}精神心理科；家长{name1}联系电话{phone1}。"""),
    T("教育", "处理决定", """关于{m_school}学生{m_name}欺凌事件的调查情况：{date1}，{m_name}（{m_age}岁）伙同同班同学在厕所内殴打同学，致其鼻骨骨折。受害学生家长{name1}（{phone1}）要求赔偿，双方监护人正在协商。"""),
    T("教育", "学籍档案", """学籍变动审批：学生{m_name}，学籍号G{m_id}，因父母{name1}、{name2}离婚，随母亲迁至{addr1}居住，申请转入{m_school}。附件：离婚证复印件、户口簿复印件。"""),
    T("司法", "矫正档案", """社区矫正对象{name1}，{sex1}，{birth1}生，身份证号{id1}，因犯{crime}罪被判处有期徒刑[[一|二|三]]年，缓刑[[三|四|五]]年。居住地{addr1}，手机{phone1}，已佩戴电子定位装置，每周到{town}司法所报到。"""),
    T("司法", "申请书", """法律援助申请表：申请人{name1}，身份证号{id1}，住{addr1}，电话{phone1}。申请人系{job}，家庭月收入{yuan1}元，患{disease}，因交通事故赔偿纠纷起诉对方，无力支付律师费。"""),
    T("司法", "调解记录", """人民调解记录：当事人{name1}（{phone1}）与其{sib2}{sib_name}因父亲遗留的{addr1}房屋继承产生纠纷。{name1}称其父生前患{disease}期间由其独自照料，医疗费{yuan1}00元均由其垫付。"""),
    T("自然资源", "登记簿", """不动产登记簿查询结果：坐落{addr1}，权利人{name1}（身份证号{id1}）、{name2}（身份证号{id2}），共同共有，建筑面积<<56-168>>.<<10-99>>平方米；抵押权人{bank1}，被担保主债权数额<<20.00-180.00>>万元。"""),
    T("自然资源|农业农村", "审批表", """农村宅基地和建房（规划许可）申请表：申请人{name1}，身份证号{id1}，{village}<<1-12>>组村民，家庭成员{name2}（{rel2}）、{m_name}（{m_kid}，{m_age}岁），现住房{n2}0平方米，系危房，申请拆旧建新。"""),
    T("住建", "征收补偿协议", """房屋征收补偿协议：被征收人{name1}，身份证号{id1}，被征收房屋坐落{addr1}，合法建筑面积<<48-220>>平方米。补偿款合计<<80.00-420.00>>万元，于协议签订后{n1}日内汇入被征收人{bank1}账户{card1}。"""),
    T("住建", "申请表", """公共租赁住房申请表：申请人{name1}，身份证号{id1}，婚姻状况离异，携{m_kid}{m_name}（{m_age}岁）共同居住；现租住{addr1}，月收入{yuan1}元，名下无房产，银行存款{yuan2}元。"""),
    T("住建", "账户信息", """住房公积金个人账户信息[[：|
]]{name1}，身份证号{id1}，缴存单位{co1}，个人账户余额<<12000.00-186000.00>>元，月缴存额<<600-3600>>元；{date1}办理组合贷款提取，还款账户{bank1}{card1}。"""),
    T("农业农村", "发放清册", """{village}{year}年耕地地力保护补贴发放清册：{name1}，身份证号{id1}，{bank1}卡号{card1}，补贴面积<<2-15>>.<<1-9>>亩，金额<<200-1800>>元；{name2}，身份证号{id2}，补贴面积<<2-15>>亩。"""),
    T("农业农村", "合同", """土地承包经营权流转合同：出让方{name1}（身份证号{id1}，电话{phone1}），家住{addr1}；受让方{co_seed}。流转面积{n1}亩，租金每亩每年<<500-1200>>元，打入出让方{bank1}账户{card1}。"""),
    T("退役军人", "审批表", """伤残抚恤审批表：{name1}，{sex1}，{birth1}出生，身份证号{id1}，服役期间因公致[[右下肢截肢|双耳听力损伤|腰椎骨折]]，评定伤残等级为[[五|六|七|八|九|十]]级，现住{addr1}，抚恤金发放账户{card1}。"""),
    T("退役军人", "帮扶台账", """困难退役军人帮扶台账：{name1}，{age1}岁，联系电话{phone1}，住{addr1}。本人患{disease}，{spouse2}{name2}无固定工作，{m_kin}{m_name}在{m_school}就读，家庭负债约<<3.50-28.00>>万元。"""),
    T("信访", "来信登记", """来信人{name1}，电话{phone1}，住{addr1}。反映其{child2}{kin_name}在{co1}工作期间受伤，公司拒不赔偿；信中附有其{child2}身份证复印件（{id2}）及{hosp}诊断证明（{disease}）。"""),
    T("信访|市场监管", "投诉登记", """投诉人{name1}（手机{phone1}，身份证号{id1}）反映，其在{co1}购买的[[预付卡|健身年卡|教育培训课程]]因商家闭店无法使用，涉及金额{yuan1}元，要求退款。投诉人住址{addr1}。"""),
    T("应急", "事故报告", """死者{name1}，{sex1}，{age1}岁，身份证号{id1}，家住{addr1}，系{co_build}劳务分包人员。{date1}在{district}工地高处作业时坠落，送{hosp}抢救无效死亡。其{spouse2}{name2}（{phone2}）已到场。"""),
    T("统计", "调查表", """人口普查长表（摘录）：户主{name1}，{age1}岁，身份证号{id1}；户内<<2-6>>人，其中{name2}为[[残疾人|长期患病人员|失业人员]]；上年家庭收入约{yuan1}00元，住房建筑面积<<45-180>>平方米。"""),
    T("税务|财政", "明细表", """{name1}（纳税人识别号{id1}）{year}年度个人所得税综合所得汇算清缴明细：工资薪金{yuan1}00元，劳务报酬{yuan2}0元，赡养老人专项附加扣除[[36000|24000|18000]]元，子女教育扣除对应子女{m_name}。"""),
    T("公安|综合", "协查函", """协查函：请协助查询{name1}（身份证号{id1}）名下银行账户、不动产及车辆登记情况。该人联系电话{phone1}，最后登记住址{addr1}，其{bank1}账户{card1}曾于{date1}转入款项{wan1}万元。""", "privacy enforcement_file"),
    T("卫健", "证明", """计划生育特殊家庭扶助申请：申请人{e_name}、{e2_name}夫妇，独生子女于{date1}因[[白血病|车祸|溺水|恶性肿瘤]]去世，二人现年{e_age}岁、{e2_age}岁，{e_name}患[[高血压|糖尿病|冠心病]]，住{e_addr}，扶助金发放账户{e_card}。"""),
    T("民政", "名单", """{district}{year}年城乡低保动态管理复核清单（仅供审核）：{name1}，身份证号{id1}，因子女{kin_name}在外务工月收入{yuan1}0元，家庭人均收入超标，拟退保；{name3}，身份证号{id3}，家庭新增重病患者，拟提高保障标准。"""),
    T("交通", "事故认定书", """道路交通事故认定书（简易程序）：当事人{name1}，身份证号{id1}，电话{phone1}；当事人{name2}，身份证号{id2}。{date1}在{street}路段两车追尾，{name2}受轻伤送{hosp}治疗。""", "privacy enforcement_file"),
    T("人社", "求职登记", """就业困难人员认定表：{name1}，{sex1}，{age1}岁，身份证号{id1}，联系电话{phone1}，{dis_type}残疾{dis_level}，连续失业{n1}个月，家庭为低保户，现住{addr1}。"""),
    T("卫健", "体检报告", """[[拟录用人员|新招聘教师|公务员录用]]体检结果通知（个人件）：{name1}，身份证号{id1}，体检发现[[活动性肺结核|梅毒螺旋体抗体阳性|艾滋病病毒抗体阳性]]，经复检结果一致。根据有关标准，结论为[[不合格|需进一步复查]]，请于{date1}前联系{phone2}。"""),
    T("民政", "殡葬证明", """遗体火化证明存根：死者{name1}，{sex1}，{age1}岁，身份证号{id1}，生前住{addr1}，死亡原因[[呼吸循环衰竭|多器官功能衰竭|心源性猝死]]（{disease}），死亡时间{date1}；经办人（家属）{kin_name}，关系：{kid2}，电话{phone2}。"""),
    T("公安", "救助记录", """流浪乞讨人员救助登记：受助人自述名叫{name1}，约{age1}岁，口音为{prov}籍，患有{mental}，无法提供详细住址；经人像比对，其身份证号为{id1}，户籍地{addr1}，已联系其{sib2y}{sib_name}（{phone2}）。"""),
    T("教育", "名单", """{year}年{district}随迁子女入学审核名单（内部）：{m_name}，身份证号{m_id}，父亲{name1}（{phone1}），在{co1}务工，居住证地址{addr1}；审核意见：社保缴纳不满{n1}个月，暂不符合条件。"""),
    T("财政|农业农村", "补贴清册", """农机购置补贴兑付清册：购机人{name1}，身份证号{id1}，购置[[轮式拖拉机|谷物联合收割机|植保无人机]]一台，补贴额{yuan1}0元，补贴资金拨付至{bank1}{card1}；联系电话{phone1}。"""),
    T("卫健", "流调报告", """病例{name1}（身份证号{id1}）{date1}活动轨迹：7时30分从{addr1}出发，乘坐出租车至{co1}上班；12时在{street}一餐馆就餐；18时至{hosp}就诊，19时返回住所。同住人员{name2}（{phone2}）。"""),
    T("民政", "关爱台账", """独居老人关爱台账：{e_name}，{e_sex}，{e_age}岁，独居于{e_addr}，患{disease}，行动不便；子女{e_kin}在外地工作，联系电话{phone2}。老人家门备用钥匙存放于邻居处，网格员每周上门探访两次。"""),
    T("司法|公安", "鉴定意见", """精神病司法鉴定意见书（摘要）：被鉴定人{name1}，{sex1}，{age1}岁，身份证号{id1}，住{addr1}。鉴定意见：被鉴定人案发时患{mental}，评定为限定刑事责任能力。其{e_parent}{e_pname}称被鉴定人自<<15-25>>岁起反复住院治疗。"""),
    T("卫健", "随访记录", """艾滋病病毒感染者随访管理记录[[：|
]]{name1}，{sex1}，{age1}岁，身份证号{id1}，现住{addr1}，手机{phone1}。{date1}确证阳性，已启动抗病毒治疗，CD4细胞计数<<180-650>>个/μL；配偶{name2}已知情并接受检测。"""),
    T("公安", "申领登记表", """居民身份证申领登记表[[：|
]]{name1}，{sex1}，{birth1}出生，公民身份号码{id1}，户籍地址{addr1}，联系电话{phone1}。申领原因：丢失补领，原证于{date1}在{street}丢失；已采集双手食指指纹信息。"""),
    T("人社|财政", "公益性岗位", """公益性岗位人员花名册：{name1}，身份证号{id1}，原建档立卡脱贫户，家住{addr1}，岗位为[[保洁员|护林员|河道巡查员]]，月补贴<<800-1800>>元；{name2}，身份证号{id2}，{dis_type}残疾，岗位为公厕管理员。"""),
]


# -- security_stability ---------------------------------------------------------
SECURITY = [
    T("水利", "安保方案", """{reservoir}水库大坝安全保卫方案[[：|
]]坝顶及溢洪道共设视频监控{n1}路，其中左坝肩至放水洞段存在约{n2}0米监控盲区；夜间值守人员<<1-3>>人，{clock}交接班。泄洪闸启闭机房钥匙由管理所副所长{off1}保管，备用钥匙存放于值班室保险柜。"""),
    T("水利", "隐患排查报告", """{reservoir}水库安全隐患排查情况（未公开）：大坝背水坡{n1}处渗漏点出水量持续增大，其中{n2}号测压管水位较去年同期上升<<0.5-2.5>>米，坝体存在管涌风险；下游{town}{village}等{n4}个村约{big1}名群众位于淹没影响范围。"""),
    T("水利", "防汛预案", """{river}{district}段堤防险情处置方案（内部）：{date1}发现管涌险情<<1-6>>处，最大出水口径<<5-30>>厘米。抢险队伍<<200-900>>人分三班驻守{town}，一旦险情扩大将启动{village}分洪，分洪决定须经指挥长批准，事先不得向群众透露分洪地点。"""),
    T("能源|发展改革", "台账", """{kv}千伏{sub}变电站基本情况：站址位于{district}{town}{village}东南约{n1}0米，东经{lon1}、北纬{lat1}，站内主变<<2-4>>台，承担{city}主城区约{pct3}负荷。站区围墙东段防攀爬设施损坏未修复，夜间仅<<1-2>>名值守人员。"""),
    T("能源|应急", "管线图说明", """{city}段[[成品油|原油|天然气]]长输管道高后果区识别结果：{n1}号阀室坐标东经{lon1}、北纬{lat1}，{n2}号阀室坐标东经{lon2}、北纬{lat2}；管道在{town}段埋深仅<<60-120>>厘米，穿越{river}处无套管保护。本资料不得对外提供。"""),
    T("能源", "巡护记录", """输油管道巡护记录：{date1}在{town}{village}段（桩号K<<12-480>>+<<1-9>>00）发现第三方施工挖掘机距管道不足<<2-5>>米，管道最小埋深<<60-120>>厘米，阀室门锁被撬，已报当地派出所。"""),
    T("住建|能源", "报告", """{city}燃气高压管网运行情况（内部）[[：|
]]全市{n1}座高中压调压站中，{street}调压站和{town}门站为枢纽站，一旦失效将影响<<8-45>>万户居民供气；两站周界报警系统于{date1}起故障，尚未修复。"""),
    T("卫健", "疫情分析", """截至{date1}{hm}，{district}累计报告[[不明原因肺炎|H7N9流感|霍乱|群体性食物中毒]]病例{n1}例，其中重症{n2}例、死亡{n3}例，病例主要集中在{town}。上述数据尚未经{org_city}统一发布，仅供领导小组内部研判，不得外传。"""),
    T("卫健", "专报", """{mark_s}
关于{city}[[诺如病毒感染|水痘|流行性腮腺炎|肺结核]]聚集性疫情的专报：{m_school}发现{n1}例病例，密切接触者<<60-600>>人已集中隔离。疫情溯源尚未明确，建议暂缓对外发布，待专家组研判后由市政府统一口径。""", "security_stability state_secret"),
    T("卫健|市场监管", "报告", """{district}疫苗异常反应事件初步调查（未公开）：{date1}以来接种同一批号[[百白破|乙肝|流感]]疫苗后出现异常反应{n1}例，其中住院{n2}例。调查结论形成前，相关数据和批号信息暂不对外发布，防止引发接种恐慌。"""),
    T("金融", "处置方案", """{city_short}农村商业银行流动性风险处置方案：截至{date1}，该行存款较年初减少{yi1}亿元，不良贷款率{pct3}，流动性覆盖率降至{pct1}。拟由{org_city}协调省联社提供流动性支持；处置期间如出现集中取款，由公安部门在{n1}个网点周边部署警力。"""),
    T("金融", "风险报告", """{co_re}风险评估报告（内部）：该企业逾期商业承兑汇票{yi1}亿元，涉及在建项目{n1}个、已售未交付住房{big1}套，部分项目已停工{n2}个月。若信息提前公开，可能引发业主集中维权和金融机构抽贷。"""),
    T("金融", "情况通报", """{co1}涉嫌非法集资案处置情况：涉及集资参与人{big1}人、金额<<8.00-40.00>>亿元，资金缺口约<<2.00-7.50>>亿元。在清退方案确定前，参与人数和资金缺口数据不宜公开，以防引发集中上访。""", "security_stability process_info"),
    T("金融|综合", "纪要", """会议研究了{city_short}城投公司债务风险化解工作。{next_year}年一季度到期债券<<20.00-80.00>>亿元，目前可用资金仅<<3.00-15.00>>亿元，拟通过展期和借新还旧方式解决。会议要求各参会单位严格保密，防止引发债券市场连锁反应。""", "security_stability process_info"),
    T("公安", "处置预案", """{co_build}欠薪群体性事件处置预案[[：|
]]现场设警戒区<<2-6>>处，处置民警<<150-600>>人分三个梯队，第一梯队在{street}待命，第二梯队携带防暴器材在{street2}集结；重点劝返对象{n2}人由属地街道逐一盯控。"""),
    T("公安", "工作方案", """{city}反恐怖防范重点目标{district}火车站周边巡防部署：武装巡逻车<<2-8>>辆实行24小时定点值守，特警应急处突分队驻{street}，接警后<<3-10>>分钟内到达；进站口安检通道<<4-12>>条，{clock}后仅开放两条。"""),
    T("公安", "安保方案", """{year}年{city}[[国际马拉松赛|元宵灯会|大型演唱会|跨年活动]]安保方案：核心区设安检口{n1}个，便衣警力<<200-1200>>人，狙击观察点设在{street}沿线高层楼顶{n2}处；防爆车、排爆犬集结于{community}地下停车场。"""),
    T("公安", "布控方案", """地铁<<1-12>>号线{street}站客流高峰安保方案：站厅层安检点<<2-6>>个，便衣民警<<6-20>>人混入客流巡查，反恐应急通道钥匙由站务员{off1}保管，视频监控盲区为B出入口换乘通道约{n4}米。"""),
    T("公安", "台账", """涉稳重点人员稳控台账[[：|
]]{name1}，身份证号{id1}，手机{phone1}，住{addr1}。该人因征地补偿问题多次进京非访，近期扬言在{date1}前后到省会“讨说法”，已落实{n1}名干部“一对一”稳控。""", "security_stability privacy"),
    T("信访", "研判报告", """涉众型矛盾风险研判（内部）：{co1}员工<<80-600>>余人因拖欠工资和社保，拟于{date1}到{gov}门前聚集，组织者为{name1}（手机{phone1}）。建议提前由{org_city}约谈企业负责人，并安排{n1}名民警备勤。""", "security_stability privacy"),
    T("信访|自然资源", "评估报告", """{town}片区征收项目社会稳定风险评估报告（未公开）显示，{village}<<120-460>>户中有{n1}户对补偿标准明显不满，{n2}户表示将集体上访，个别人员扬言阻工。风险等级评定为中风险，建议暂缓公布补偿明细。""", "security_stability process_info"),
    T("应急", "安全检查记录", """{co_chem}剧毒化学品储存情况：{chem}储存于厂区西北角{n1}号库房，现存量{n2}吨，库房双人双锁，但监控探头<<6-16>>个中有两个长期离线，夜间仅一名保安值守，围墙外即为{village}居民区。"""),
    T("公安|应急", "台账", """民用爆炸物品储存库检查台账：{co_energy}民爆仓库位于{town}{village}后山，储存乳化炸药{n1}吨、工业电子雷管{big1}发。库区视频监控与{org}联网，但西侧围网有破损，需于{date1}前修复。"""),
    T("水利|住建", "安保方案", """{city}第<<1-8>>水厂安全防范方案：取水口位于{river}左岸，距{town}码头约{n2}0米；加氯间储存液氯{n3}吨，门禁系统仅覆盖主入口，清水池通气孔未加装防投毒网，夜间巡查每<<2-4>>小时一次。"""),
    T("数据", "检测报告", """{org}政务外网安全检测报告：{city_short}[[政务服务网|公积金管理系统|不动产登记平台|社保经办系统]]存在SQL注入高危漏洞{n1}个、未授权访问漏洞{n2}个，管理后台仍使用默认口令，尚未完成整改。漏洞细节公开后可能被利用窃取大量公民数据。"""),
    T("数据|公安", "通报", """网络安全事件通报（未发布）：{date1}，{co_tech}运维的{city_short}健康码后台服务器遭境外IP攻击，约{big1}万条数据可能被非法下载，攻击路径仍在溯源。在调查结论形成前，不得对外发布事件信息。"""),
    T("卫健|应急", "台账", """放射源安全检查[[：|
]]{hosp}放疗科存放[[钴-60|铯-137|铱-192]]放射源<<1-4>>枚，存放于地下二层源库，源库门禁密码每季度更换，由科主任{off1}掌握；{date1}检查发现源库监控录像存储不足<<7-20>>天。"""),
    T("交通", "应急预案", """{river}大桥突发事件处置方案（内部）：大桥主墩防撞设施仅能抵御{big1}吨级船舶撞击，桥下航道夜间无巡逻；一旦发生破坏事件，交通管制点设在{street}和{town}两端，绕行车流经{street2}疏解。"""),
    T("应急", "力量部署表", """{city}森林火灾应急处置力量部署：专业扑火队<<3-8>>支<<120-480>>人分驻{town}、{town2}，直升机临时起降点<<2-8>>处，以水灭火储水点坐标东经{lon1}、北纬{lat1}。部署表仅限指挥部成员使用。"""),
    T("应急", "报告", """{co_chem}“{date1}”泄漏事故初步情况（内部）：事故造成周边{n1}名群众出现呼吸道刺激症状，现场监测[[氯气|硫化氢|氨气]]最高浓度超标{n2}倍；下风向{village}饮用水源是否受污染尚待检测，在结论出具前暂不对外发布。"""),
    T("市场监管|应急", "报告", """{district}[[电梯|大型游乐设施|压力容器]]事故初步调查情况（不对外）：设备制造单位{co_mfg}同批次产品在全市在用{big1}台，初步判断存在设计缺陷。若在排查完成前公开，可能引发大面积停用和群众恐慌，建议分批次排查后统一发布。"""),
    T("综合|应急", "要情", """突发事件信息专报：{date1}{hm}，{district}{town}发生[[山体滑坡|尾矿库溃坝|燃气爆炸]]，初步核实失联{n1}人，现场救援力量{big1}人。失联人员数量尚在核实，对外统一口径为“救援工作正在进行”，请各单位不得自行发布伤亡数据。"""),
    T("公安", "方案", """看守所安全防范检查[[：|
]]{org}看守所监区位于{street}，围墙高<<5-7>>米，监控探头<<120-480>>个，夜间武警哨位<<2-6>>个；检查发现第{n3}监室窗户钢筋锈蚀，存在脱逃隐患，已要求限期整改。"""),
    T("公安|交通", "方案", """{year}年{city}重大活动交通安保方案（内部）：警卫车队经由{street}—{street2}，沿线临时管控路口{n1}个、制高点{n2}处；应急救援备勤点设于{town}卫生院，无人机反制设备部署在会场东侧屋顶。"""),
    T("粮食储备|发展改革", "方案", """猪肉市场异常波动应对方案（内部）：近期{city}白条猪批发价周环比上涨{pct2}，拟于{date1}起分{n1}批投放冻猪肉储备{big1}吨。投放时间和数量公布前不得外泄，防止市场恐慌性抢购和囤积。"""),
    T("统计|发展改革", "分析报告", """{city}重点行业运行风险分析（不公开）：{n1}家重点外贸企业订单下降超过{pct3}，预计{next_year}年一季度可能出现规模性裁员{big1}人以上，涉及{town}工业园区。建议提前制定稳岗方案，暂不对外发布裁员预测数据。"""),
    T("教育", "处置方案", """{m_school}食物中毒事件处置方案：已有<<20-60>>名学生出现呕吐腹泻症状，其中<<3-12>>名住院观察，病因尚未查明。家长群已出现不实传言，请学校统一口径，暂不公布病例人数，由教育局会同卫健部门择机发布。""", "security_stability process_info"),
    T("民政|应急", "台账", """{district}冬季救灾物资储备点：{n1}号储备点位于{town}原粮站仓库，存放棉被{big1}床、帐篷{n2}顶，仓库无围墙和监控，钥匙由村干部{off1}保管。储备点位置及管理漏洞不宜对外公开。"""),
    T("人防|应急", "方案", """{city}防空警报控制中心备份节点位于{district}{street}地下，供电仅依靠一路市电和<<1-2>>台柴油发电机；控制中心值班人员<<2-4>>名，{clock}后一人值守。"""),
    T("自然资源|应急", "报告", """{district}{town}地质灾害隐患点监测预警（内部）：{village}后山裂缝{date1}以来日均扩展<<2-15>>毫米，潜在滑坡体约<<3-60>>万立方米，威胁<<12-60>>户<<40-220>>人。拟启动避险搬迁，搬迁消息公开前须先落实安置房源。""", "security_stability process_info"),
    T("交通", "报告", """城市轨道交通运营安全评估（不公开）：<<1-12>>号线{street}区间隧道结构裂缝{n2}处，最大宽度<<0.2-1.5>>毫米，地下水渗漏量超标；整改期间限速运行。评估报告披露后可能引起乘客恐慌，建议待整改完成后公开结论。"""),
    T("公安|综合", "通报", """关于{date1}{district}{co_mfg}工人聚集事件的情况通报（内部）：{big1}余名工人封堵厂门，要求补发工资<<2-8>>个月，现场扣押企业负责人。公安机关已调集警力{big2}人，网上已出现煽动性帖文{n2}条，正在处置。"""),
    T("能源", "预案", """{city}电网大面积停电事件处置方案（涉敏部分）：{kv}千伏{sub}变、{kv}千伏{village}变为全市枢纽站，一旦同时失电将造成约{pct3}负荷损失；黑启动电源为{town}水电站，黑启动路径及保供用户清单附后。"""),
    T("卫健", "分析报告", """{city}医疗机构药品储备监测（内部）：全市[[布洛芬|阿莫西林|退烧类药品|人血白蛋白]]库存仅够<<2-6>>天使用，{n2}家社区卫生服务中心已断供。在调配到位前，库存数据不对外公布，避免引发囤药。"""),
    T("综合|公安", "预案", """{district}民族宗教领域突发事件处置预案（内部）：重点场所{n1}处，处置力量由公安特警和{town}派出所组成，首批<<30-120>>人<<10-20>>分钟内到位；信息发布由区委宣传部统一负责，不得擅自接受媒体采访。"""),
    T("生态环境", "专报", """{city}饮用水水源突发污染情况（暂不公开）：{date1}，{river}上游疑似{co_chem}违法排放，{city}第<<1-6>>水厂取水口[[苯|挥发酚|锑]]浓度超标<<2-9>>倍，已停止取水。应急供水措施到位前暂不对外公布超标数据，防止引发抢购瓶装水。"""),
    T("农业农村", "疫情报告", """{district}{town}{village}一养殖场经省级实验室确诊发生非洲猪瘟疫情，已扑杀生猪<<300-2600>>头。疫情信息尚未由农业农村部统一发布，请各单位严格控制知悉范围，不得通过微信群转发。"""),
    T("人社", "分析报告", """{city}城镇职工基本养老保险基金运行分析（不公开）：当期收支缺口{yi1}亿元，累计结余可支付月数已降至<<3-8>>个月。测算结果如提前公开，可能引发集中办理提前退休和断缴，建议仅报送市政府主要领导。"""),
    T("住建", "鉴定报告", """{district}{community}<<1-12>>号楼房屋安全鉴定结论为D级危房（未公开），涉及住户<<40-160>>户。在过渡安置方案确定前暂不向住户公开鉴定结论，由街道安排专人每日巡查，发现险情立即组织撤离。"""),
    T("数据", "检查报告", """{city}政务云同城灾备中心安全检查情况（不公开）：灾备机房位于{district}{street}某大楼<<3-18>>层，门禁仅采用单因子刷卡认证，核心交换机管理口令半年未更换，UPS后备时间不足<<10-25>>分钟。上述情况整改前不宜对外披露。"""),
    T("交通|公安", "测试报告", """{city}机场安检盲测结果（内部）：<<20-40>>次模拟违禁品携带测试中有<<2-6>>次未被检出，主要集中在<<1-4>>号通道的液体和锂电池检查环节。测试结果公开将暴露安检薄弱环节，整改完成前仅限安保委员会掌握。"""),
    T("水利", "报告", """{city}南水北调配套工程[[分水口|泵站|调蓄水库]]安全状况（内部）：{n1}号泵站位于{town}，厂区围栏{n2}0米未封闭，监控存在盲区，进出口闸门远程控制系统与办公网未物理隔离，存在被网络攻击的风险。"""),
]


# -- clean hard negatives -------------------------------------------------------
CLEAN = [
    T("组织|综合", "公示", """{name1}，{sex1}，{cadre_birth1}生，{edu}，中共党员，现任{other_org}副局长，拟任{other_org}局长。公示期间，如对公示对象有情况反映，请于{date2}前通过来信、来电、来访等方式向{city}委组织部反映，电话{landline}。"""),
    T("组织|综合", "公示", """根据干部选拔任用有关规定，现将拟提拔任用干部予以公示：{name1}，{sex1}，{cadre_birth1}生，{edu}，现任{town}党委副书记、{town_head}，拟任{town}党委书记；{name2}，{sex2}，{cadre_birth2}生，现任{other_org}办公室主任，拟任{other_org}副局长。"""),
    T("人社|综合", "公示", """经个人申报、单位推荐和评审委员会评审，拟推荐以下同志为{year}年度{city}[[优秀共产党员|三八红旗手|劳动模范|优秀教师]]：{name1}（{co1}）、{name2}（{org}）、{name3}（{m_school}）。公示期为{date1}至{date2}，联系电话{landline}。"""),
    T("民政", "公示", """{town}{year}年{month}新增最低生活保障对象公示：{masked1}，{village}，保障人口<<1-5>>人，月保障金<<400-1600>>元；{masked2}，{village2}，保障人口<<1-5>>人。如有异议，请于公示期内向{town}社会事务办反映，电话{landline}。"""),
    T("民政", "公示", """{district}{year}年{month}特困供养人员公示名单：{masked1}，{town}{village}，分散供养；{masked2}，{town2}{village2}，集中供养。户籍所在地：{district}；身份证号：{mid1}、{mid2}。"""),
    T("住建", "公示", """{district}{year}年第{n1}批公共租赁住房保障资格审核结果公示：申请人{masked1}，家庭人口<<1-5>>人，审核结果合格；申请人{masked2}，家庭人口<<1-5>>人，审核结果合格。公示期[[5|7|10]]个工作日，监督电话{landline}。"""),
    T("人社|综合", "公示", """{year}年{city}公开考试录用公务员拟录用人员公示：{name1}，{sex1}，准考证号<<1012-9950>><<100000-999999>>，毕业院校[[四川大学|南京大学|武汉大学|山东大学|郑州大学]]，拟录用职位为{org}一级科员。公示时间{date1}至{date2}。"""),
    T("住建|财政", "中标公告", """{district}{town}农贸市场提升改造工程中标结果公告：中标人{co_build}，中标价{money_exact}元，工期{n1}0日历天，项目经理{name1}（注册编号{code}）。招标人{org}，联系电话{landline}。"""),
    T("财政", "成交公告", """{org}[[办公设备|执法记录仪|网络安全服务|物业管理服务]]采购项目成交结果公告：成交供应商{co_tech}，地址{city}{street}{n1}号，成交金额<<18.00-480.00>>万元。采购代理机构{co_svc}，公告期限为1个工作日。"""),
    T("交通", "中标公告", """{street}道路大中修工程（二标段）中标候选人公示：第一中标候选人{co_build}，投标报价{wan1}万元；第二中标候选人{co_build2}，投标报价{wan2}万元。公示期{date1}至{date2}，投标人对结果有异议的，应在公示期内提出。"""),
    T("市场监管", "处罚决定书", """行政处罚决定书（摘要）[[：|
]]当事人{co_food}，统一社会信用代码{uscc1}。当事人生产的{food}经抽检菌落总数不符合食品安全标准，违反了《中华人民共和国食品安全法》第三十四条规定，{org}决定没收违法所得{yuan1}元，并处罚款{n1}万元。"""),
    T("生态环境", "处罚决定书", """{co_chem}（统一社会信用代码：{uscc1}）于{date1}被检查发现废气处理设施未正常运行，违反《中华人民共和国大气污染防治法》第二十条第二款规定，{org_city}依法责令其改正违法行为，处罚款{n1}万元。"""),
    T("应急", "处罚信息", """行政处罚信息公示[[：|
]]{co_chem}未按规定对从业人员进行安全生产教育和培训，违反《中华人民共和国安全生产法》第二十八条第一款规定，{org}决定给予罚款{n1}万元的行政处罚，法定代表人{name1}。"""),
    T("住建", "处罚信息", """{co_build}在{community}项目施工中未按规定采取扬尘防治措施，{org}依据《{prov}扬尘污染防治办法》，对该公司处以罚款{n1}万元，决定书文号{abbr}建罚〔{year}〕{n2}号。"""),
    T("综合|保密", "工作动态", """{date1}，{gov}召开{year}年保密工作会议，传达学习上级保密工作会议精神，总结{prev_year}年保密工作，部署{year}年重点任务。会议强调，要压紧压实保密工作责任，抓好涉密人员教育管理和信息公开保密审查。"""),
    T("保密|综合", "工作动态", """为深入学习宣传新修订的《中华人民共和国保守国家秘密法》，{org}于{month}开展保密宣传月活动，组织干部职工观看保密警示教育片、参加保密知识测试，并在单位门户网站开设保密知识专栏。"""),
    T("保密|教育", "通知", """关于举办全市保密知识竞赛的通知：为增强干部职工保密意识，定于{date1}举办{city}保密知识竞赛，竞赛内容包括保密法律法规、涉密载体管理、网络保密常识等。请各单位于{date2}前报送参赛人员名单。"""),
    T("保密|综合", "工作动态", """{date1}，{org}组织开展涉密人员保密教育培训，邀请市保密局专家讲解定密管理、涉密载体管理和手机使用保密要求，并通报了近年来的失泄密典型案例。全体涉密人员{n1}人参加培训并签订保密承诺书。"""),
    T("档案|综合", "公告", """{city}档案馆{year}年开放档案公告：经开放审核，馆藏{prev_year}年以前形成的{big1}卷档案划定为开放档案，其中包括原标注密级、已依法解密的文件{n1}件，即日起向社会提供查阅利用。"""),
    T("综合", "公告", """本文件原标注“秘密★1年”，保密期限已于{date1}届满，依法自行解密。经信息公开保密审查，现将《{city}{year}年城市更新实施方案》全文予以公开，供社会公众查阅。"""),
    T("统计", "统计公报", """{city}{prev_year}年国民经济和社会发展统计公报：初步核算，全年地区生产总值{big1}亿元，比上年增长<<3.0-7.5>>%；全体居民人均可支配收入<<32000-76000>>元，增长<<3.5-7.0>>%；年末常住人口<<120-2200>>万人。"""),
    T("统计", "数据发布", """{year}年{quarter}季度{city}经济运行情况：规模以上工业增加值同比增长<<2.0-9.0>>%，社会消费品零售总额{big1}亿元，城镇调查失业率<<4.5-5.8>>%，居民消费价格同比上涨<<0.1-2.5>>%。以上数据为初步统计，最终以年报为准。"""),
    T("民政", "统计", """{year}年{district}社会救助工作情况：全区共保障城乡低保对象<<1200-5200>>户<<2100-9800>>人，累计发放低保金{wan1}万元；实施临时救助{big3}人次，支出{wan2}万元；特困人员供养{n1}{n2}人。"""),
    T("财政", "采购公告", """{org}{year}年[[公务用车定点维修|法律顾问服务|档案数字化加工|食堂食材配送]]服务项目公开招标公告：预算金额{wan1}万元，最高限价同预算；投标人须具备独立法人资格，投标截止时间{date2}9时30分，开标地点{city}公共资源交易中心。"""),
    T("财政", "采购公告", """招标文件说明：投标人认为投标文件中涉及商业秘密的内容，应在投标文件中予以标注并说明理由；采购人对在评审中知悉的商业秘密负有保密义务。本项目预算金额{wan1}万元，不接受联合体投标。"""),
    T("财政|市场监管", "政策解读", """《{city}政府采购管理办法》解读：办法规定，采购人、采购代理机构及其工作人员对在采购活动中知悉的商业秘密应当予以保密，不得利用其谋取不正当利益；中标、成交结果应当在省级以上财政部门指定媒体公告。"""),
    T("综合", "工作动态", """{date1}，{org}主要负责同志带队赴{town}调研[[乡村振兴|高标准农田建设|农村饮水安全|人居环境整治]]工作，实地察看了{village}项目建设情况，要求加快工程进度，确保{year}年底前投入使用。"""),
    T("生态环境", "工作动态", """{date1}，{org_city}召开全市生态环境保护工作会议，通报{prev_year}年空气质量优良天数比例为<<78.0-95.0>>%，较上年提升<<1.0-5.0>>个百分点；{river}出境断面水质稳定达到Ⅲ类。"""),
    T("应急", "预案", """《{city}突发地质灾害应急预案》明确了组织指挥体系、监测预警、应急响应和保障措施。按照灾害严重程度，应急响应分为Ⅰ、Ⅱ、Ⅲ、Ⅳ四级，由市、区两级指挥部分级负责；公众发现灾害前兆时应立即拨打{landline}或12345报告。"""),
    T("应急", "预案", """《{district}防汛应急预案》（公开版）主要内容：汛期为每年5月1日至9月30日；发布暴雨红色预警后，学校停课、建筑工地停工，危险区域人员由属地政府组织转移；各类避难场所位置可通过“{city_short}应急”微信公众号查询。"""),
    T("公安", "预案", """《{city}处置大规模恐怖袭击事件应急预案》（简本）：本预案适用于本市行政区域内发生的恐怖袭击事件处置工作。市反恐怖工作领导小组统一领导，公安、卫健、交通等部门按职责分工开展处置、救治和交通保障。"""),
    T("生态环境", "环评公示", """{co_chem}年产{big1}吨{chem_product}项目环境影响报告书（征求意见稿）公示：项目位于{district}化工园区，主要污染物为挥发性有机物和生产废水，采取RTO焚烧和园区污水处理厂深度处理后可达标排放。公众可于{date1}至{date2}提出意见。"""),
    T("生态环境", "环评批复", """关于{co_energy}{n1}兆瓦光伏发电项目环境影响报告表的批复：项目位于{town}{village}，占地{big1}亩，施工期采取洒水抑尘、表土剥离回覆等措施。经审查，同意该项目按报告表所列性质、规模、地点建设。"""),
    T("水利", "公示", """{district}{year}年度小型水库大坝安全责任人公示：{reservoir}水库，政府责任人{name1}（{town}{town_head}），主管部门责任人{name2}（{org}副局长），管理单位责任人{name3}，巡查责任人{off1}，值班电话{landline}。"""),
    T("水利", "公告", """{reservoir}水库汛期泄洪公告：因上游持续降雨，{reservoir}水库将于{date1}起开闸泄洪，最大下泄流量约<<50-900>>立方米每秒。请{river}沿岸群众远离河道，严禁在河道内游泳、垂钓、采砂。"""),
    T("能源", "停电公告", """计划停电公告[[：|
]]因{kv}千伏{sub}变电站设备检修，{date1}8:00至18:00，{street}、{street2}沿线及{community}等小区将停电。请相关用户提前做好准备，如遇天气原因将顺延，咨询电话95598。"""),
    T("卫健", "疫情通报", """{date1}0—24时，{prov}报告新增[[登革热|手足口病|诺如病毒感染|猩红热]]病例{n1}例，均为本地病例，无死亡病例。专家提醒，市民应注意个人卫生，出现发热等症状应及时到正规医疗机构就诊。"""),
    T("卫健", "月报", """{prov}{year}年{month}法定传染病疫情概况：全省共报告法定传染病{big1}例，死亡{n1}例。报告发病数居前五位的病种依次为流行性感冒、手足口病、其他感染性腹泻病、病毒性肝炎和肺结核。"""),
    T("自然资源", "公示", """{district}{community}地块建设用地规划条件批前公示：用地面积<<8000-98000>>平方米，用地性质为二类居住用地，容积率不大于2.5；界址点J1坐标X={X1}、Y={Y1}，J2坐标X={X2}、Y={Y2}（2000国家大地坐标系）。"""),
    T("自然资源", "公告", """{city}标准地图（公开版）已通过审核，审图号{abbr}S（{year}）{n1}{n2}号，社会公众可在{org_city}门户网站免费浏览和下载。引用地图须标注审图号，不得擅自更改行政区域界线。"""),
    T("住建", "方案公告", """{district}{street}片区国有土地上房屋征收补偿方案：住宅房屋按被征收房屋类似房地产市场价格评估确定，产权调换房源位于{community}；签约期内签约的给予奖励每平方米{yuan1}元。征收部门{org}，咨询电话{landline}。"""),
    T("市场监管", "抽检公告", """{org_city}{year}年第{n1}期食品安全监督抽检信息公告：本期抽检<<300-900>>批次，其中不合格<<3-18>>批次；不合格样品中，{co_food}生产的{food}菌落总数超标，已责令企业召回并依法立案调查。"""),
    T("市场监管", "公示", """{year}年{city}“双随机、一公开”抽查结果公示：{co1}，抽查事项为年度报告公示信息，检查结果为未发现问题；{co2}，抽查事项为登记事项，检查结果为通过登记的住所无法联系。"""),
    T("市场监管|税务", "公示", """企业年度报告公示信息（节选）[[：|
]]企业名称{co1}，统一社会信用代码{uscc1}，从业人数：企业选择不公示；资产总额：企业选择不公示；企业通信地址{city}{street}{n1}号。"""),
    T("公安", "工作动态", """{date1}，{org}在{city}{district}体育中心举行反恐处突综合演练，模拟处置暴力恐怖分子劫持人质事件，特警、消防、医疗急救等力量参演。演练检验了多部门协同作战能力。"""),
    T("公安", "宣传", """{city}开展反恐怖宣传“进社区、进学校、进企业”活动，向群众发放宣传资料{big1}份，讲解发现可疑人员、可疑物品时的报警方法。民警提醒，发现涉恐线索可拨打110或通过“{city_short}公安”微信公众号举报。"""),
    T("人防", "公告", """{city}人民防空办公室关于试鸣防空警报的公告：定于{date1}10时00分至10时33分在全市范围内试鸣防空警报，届时请保持正常生产生活秩序。"""),
    T("金融", "工作动态", """{org_city}联合多部门开展防范非法集资宣传月活动，在{district}{community}设置咨询点，向群众讲解“高额回报”“保本付息”等非法集资常见话术。{year}年以来全市共受理非法集资线索{n1}条。"""),
    T("交通", "管制公告", """因举办{year}年{city}[[国际马拉松赛|自行车公开赛|国际车展]]，{date1}6时至14时，对{street}、{street2}部分路段实施临时交通管制，过往车辆请提前绕行。"""),
    T("交通", "公告", """{city}轨道交通{n1}号线{street}站{date1}起恢复运营，站内新增无障碍电梯{n2}部。乘客进站须接受安全检查，禁止携带易燃易爆等危险物品乘车。"""),
    T("人社", "公示", """{year}年{city}高级职称评审通过人员名单公示：{name1}，{co1}，正高级工程师；{name2}，{m_school}，高级教师；{name3}，{hosp}，副主任医师。公示期为{date1}至{date2}。"""),
    T("科技", "公示", """{year}年度{city}科学技术进步奖拟授奖项目公示：项目名称“{tech}研发及产业化”，主要完成单位{co_chem}、{co_tech}，主要完成人{name1}、{name2}、{name3}。"""),
    T("综合", "任免通知", """{gov_city}关于{name1}等同志职务任免的通知：{gov_city}{date1}常务会议决定，任命{name1}为{other_org_city}局长，{name2}为{other_org_city}副局长；免去{name3}的{other_org_city}副局长职务。"""),
    T("应急", "调查报告", """{district}{co_mfg}“{date1}”较大火灾事故调查报告（公开版）：事故直接原因为车间电气线路短路引燃可燃物，直接经济损失{wan1}万元。调查组建议对企业主要负责人{name1}依法追究刑事责任，对负有监管责任的<<3-9>>名公职人员给予处分。"""),
    T("综合", "年报", """{org}{year}年政府信息公开工作年度报告（节选）：本年度共收到政府信息公开申请<<40-600>>件，其中予以公开{n1}件，部分公开{n2}件，因涉及商业秘密、个人隐私等不予公开{n3}件。"""),
    T("民政|退役军人", "工作动态", """{date1}，{org}走访慰问辖区重点优抚对象和困难群众，为{n1}户家庭送去慰问金和米、油等生活物资，详细了解他们的生产生活情况，帮助解决实际困难。"""),
    T("教育", "招生公告", """{year}年{district}义务教育阶段学校招生入学工作方案：公办小学按“学区划片、就近入学”原则招生，随迁子女凭居住证和社保缴纳证明申请入学，网上报名时间为{date1}至{date2}。"""),
    T("水利", "水质公告", """{city}{year}年{month}集中式生活饮用水水源地水质状况：全市{n1}个县级以上水源地均达到或优于地表水Ⅲ类标准，达标率100%。监测项目包括高锰酸盐指数、氨氮、总磷等<<24-109>>项。"""),
    T("商务|发展改革", "价格监测", """{city}{date1}重要民生商品价格监测：猪肉（精瘦肉）零售均价<<22.00-38.00>>元/公斤，环比上涨{pct4}；鸡蛋<<8.00-12.50>>元/公斤；大白菜<<1.20-3.50>>元/公斤。总体来看，主要农产品供应充足，价格基本稳定。"""),
    T("农业农村", "公示", """{district}{year}年耕地地力保护补贴面积公示：{town}补贴面积{big1}{n1}亩，{town2}补贴面积{big2}亩，补贴标准每亩<<80.00-130.00>>元。公示期[[5|7]]天，各户明细已在村务公开栏张贴。"""),
    T("公安", "公告", """{org}关于征集{name1}等人违法犯罪线索的通告：现向社会公开征集{name1}、{name2}等人涉嫌寻衅滋事、强迫交易等违法犯罪线索，举报电话{landline}。公安机关对举报人信息严格保密。"""),
    T("市场监管", "公告送达", """公告送达[[：|
]]{name1}（经营者名称“{city_short}{name1}便利店”）：本局对你涉嫌销售过期食品一案已调查终结，因无法直接送达，现依法公告送达《行政处罚告知书》，自公告之日起经过三十日视为送达。"""),
    T("卫健", "公告", """{year}年{city}卫生健康系统事业单位公开招聘拟聘用人员公示：{name1}，{sex1}，{edu}，拟聘岗位{hosp}临床医师；{name2}，{sex2}，拟聘岗位{district}疾病预防控制中心检验技师。"""),
    T("综合", "通知", """关于做好{year}年政务公开工作的通知：各单位要严格落实公开前保密审查制度，对拟公开信息逐项审查，坚持“先审查、后公开”和“一事一审”原则，既确保国家秘密安全，又便利信息资源合理利用。（此件公开发布）"""),
    T("综合", "通知", """{gov_city}办公室文件
{docno}
关于印发《{city}{year}年政务公开工作要点》的通知
各区（市）县人民政府，市政府各部门：现将《{city}{year}年政务公开工作要点》印发给你们，请结合实际认真贯彻落实。（此件公开发布）"""),
    T("财政|综合", "说明", """{other_org}{year}年部门预算公开说明
一、收支预算总体情况：{year}年收入预算{wan1}万元，支出预算{wan1}万元。二、“三公”经费预算{wan2}万元，比上年减少<<2.0-9.0>>%，主要是严格控制公务接待支出。"""),
    T("商务|文旅", "公示", """{year}年度{city}星级农家乐（民宿）评定结果公示
经现场检查和专家评审，拟评定{town}{village}“{community}”为★★★★级，{town2}“{reservoir}山居”为★★★级。公示期[[5|7]]个工作日，监督电话{landline}。"""),
    T("金融|公安", "宣传", """防范非法集资风险提示：近期有不法分子以“内部绝密消息”“原始股即将上市”“政府项目保本保息”等为名诱导群众投资。请广大群众提高警惕，凡承诺高额回报的均需谨慎，发现线索可向{org_city}举报，电话{landline}。"""),
    T("综合", "通报", """{gov}办公室关于{year}年第{quarter}季度政务网站和政务新媒体检查情况的通报
本次共检查政务网站{n1}个、政务新媒体账号{n2}个，总体合格率100%。个别单位存在栏目更新不及时等问题，已督促整改。"""),
    T("生态环境", "公示", """{co_env}排污许可证核发公示：行业类别为污水处理及其再生利用，排放口<<1-3>>个，许可排放浓度化学需氧量50mg/L、氨氮5（8）mg/L，执行《城镇污水处理厂污染物排放标准》一级A标准。"""),
    T("自然资源", "公告", """{district}{town}{mineral}矿采矿权出让公告：出让矿区位于{district}{town}，矿区面积<<0.12-3.50>>平方公里，开采深度由<<600-1200>>米至<<200-590>>米标高，出让方式为挂牌，起始价<<800-9800>>万元。竞买人可于{date1}至{date2}领取出让文件。"""),
    T("交通", "公示", """{co_logi}道路客运班线经营许可公示：拟开通{city}至{town}客运班线，日发{n1}班，配置客车{n2}辆。对该许可事项有异议的，可于公示之日起[[5|7|10]]日内提出。"""),
]


BANKS: dict[str, list[Tpl]] = {
    "state_secret": STATE_SECRET,
    "trade_secret": TRADE_SECRET,
    "privacy": PRIVACY,
    "security_stability": SECURITY,
    "clean": CLEAN,
}

_SENTENCE_END = re.compile(r"[。！？!?]")


def sentence_count(text: str) -> int:
    """Count sentences: terminal punctuation, or one for a trailing unterminated clause/line."""
    n = len(_SENTENCE_END.findall(text))
    tail = _SENTENCE_END.split(text)[-1].strip()
    return n + (1 if tail and n == 0 else 0)


def render(tpl: Tpl, filler: Filler, rng: random.Random) -> tuple[str, str]:
    """Fill one template; return (field, text)."""
    field = rng.choice(tpl.fields)
    ctx = filler.context(field)
    text = expand_ranges(expand_alternatives(tpl.text, rng), rng).format(**ctx)
    return field, text


def _build_with_groups(seed: int, dedup: bool = True) -> list[tuple[dict, str]]:
    """Render every bank; return (record, template group) pairs in final id order.

    ``dedup=False`` keeps the near-duplicates (the corpus as it was generated before they were dropped).
    """
    rng = random.Random(seed)
    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    filler = Filler(rng, fake)
    rendered: list[tuple[dict, str]] = []
    seen: set[str] = set()
    for bank, templates in BANKS.items():
        target = BANK_TARGETS[bank]
        order: list[int] = []
        while len(order) < target:
            batch = list(range(len(templates)))
            rng.shuffle(batch)
            order.extend(batch)
        for index in order[:target]:
            tpl = templates[index]
            labels = list(tpl.labels) or ([] if bank == "clean" else [bank])
            for _attempt in range(20):
                field, text = render(tpl, filler, rng)
                if (MIN_CHARS <= len(text) <= MAX_CHARS and sentence_count(text) <= MAX_SENTENCES
                        and text not in seen):
                    break
            else:
                raise ValueError(f"template cannot be rendered within limits: {tpl.text[:40]}")
            seen.add(text)
            record = {
                "text": text,
                "labels": labels,
                "field": field,
                "doc_type": tpl.doc_type,
                "hard_negative": bank == "clean",
            }
            rendered.append((record, f"{bank}:{index:02d}"))
    rng.shuffle(rendered)
    if dedup:
        from reviewer.model.corpus import near_duplicate_keep

        rendered = [rendered[i] for i in near_duplicate_keep([rec["text"] for rec, _group in rendered])]
    return [({"id": f"PA-{i:04d}", **rec}, group) for i, (rec, group) in enumerate(rendered, start=1)]


def build(seed: int = SEED, dedup: bool = True) -> list[dict]:
    """Build the whole corpus deterministically and return the records in id order."""
    return [rec for rec, _group in _build_with_groups(seed, dedup)]


def template_groups(seed: int = SEED) -> dict[str, str]:
    """Map each passage id to its template (``"<bank>:<index>"``).

    Passages rendered from one template share most of their wording, so evaluation splits
    (e.g. ``sklearn.model_selection.GroupKFold``) should keep a template's passages together.
    """
    return {rec["id"]: group for rec, group in _build_with_groups(seed)}


def label_counts(records: list[dict]) -> Counter:
    """Count passages per label, plus ``clean`` and ``multi_label`` pseudo-labels."""
    counts: Counter = Counter()
    for rec in records:
        for lab in rec["labels"]:
            counts[lab] += 1
        if not rec["labels"]:
            counts["clean"] += 1
        if len(rec["labels"]) > 1:
            counts["multi_label"] += 1
    return counts


def write_jsonl(records: list[dict], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate corpora/passages/part_a.jsonl")
    parser.add_argument("--out", type=Path, default=OUT_PATH)
    parser.add_argument("--stats", action="store_true", help="print counts, do not write")
    args = parser.parse_args(argv)
    records = build()
    counts = label_counts(records)
    positives = sum(1 for r in records if r["labels"])
    print(f"total={len(records)} positives={positives} "
          f"multi={counts['multi_label']} ({counts['multi_label'] / positives:.1%})")
    for label in (*ALLOWED_LABELS, "clean"):
        print(f"  {label:20s} {counts[label]}")
    print("  templates: " + ", ".join(f"{k}={len(v)}" for k, v in BANKS.items()))
    if not args.stats:
        write_jsonl(records, args.out)
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
