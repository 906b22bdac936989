"""Label ``other.correction``: unclear or incomplete requests that need 补正 (第二十九条、第三十条).

No identifiable information ("公开所有相关文件", "我要的那个材料"), ambiguous references, over-broad
scopes without any feature, or the request content is simply missing.
"""

from __future__ import annotations

import random

from .builder import LabelSpec
from .builder import generate as _generate
from .common import Filler
from .registers import PERSONAL_INTROS

CORES = (
    (None, "申请公开所有相关文件。"),
    (None, "请把跟我有关的政府信息都给我。"),
    (None, "我要的那个材料，上次电话里说过的，请尽快提供。"),
    (None, "申请公开贵单位的全部政府信息。"),
    (None, "见附件。"),
    (None, "同上次申请。"),
    (None, "具体内容电话沟通。"),
    (None, "申请公开信息，谢谢。"),
    (None, "我需要那份文件，你们应该知道是哪一份。"),
    (None, "请提供该事项的所有资料。"),
    (None, "公开那个项目的东西。"),
    (None, "关于我家的事情，请把所有文件都公开出来。"),
    (None, "申请公开贵局近年来的所有红头文件。"),
    (None, "请公开相关部门的相关文件和相关依据。"),
    (None, "请提供你们手里关于这件事的全部材料。"),
    (None, "就是去年那个事，你们开过会的，把会上的东西给我。"),
    ("自然资源", "申请公开征地的所有材料。"),
    ("自然资源", "我们村的地的事情，所有文件全部公开。"),
    ("自然资源", "请公开那块地的情况。"),
    ("住建", "拆迁的文件全部给我。"),
    ("住建", "申请公开我们小区那个事情的处理文件。"),
    ("住建", "要那个补偿的文件，就是隔壁老王拿到的那种。"),
    ("生态环境", "申请公开环保方面的信息。"),
    ("生态环境", "附近那个厂的所有材料。"),
    ("市场监管", "申请公开那家公司的情况。"),
    ("公安", "交警那边的材料我都要。"),
    ("人社", "申请公开社保方面的文件。"),
    ("人社", "有关单位的有关人员的有关情况。"),
    ("卫健", "医院的事情请公开。"),
    ("教育", "学校的所有文件。"),
    ("财政", "申请公开钱的去向。"),
    ("财政", "请公开资金相关材料。"),
    ("交通", "修路的那些文件。"),
    ("农业农村", "补贴的事，请公开。"),
    ("民政", "申请公开低保那些东西。"),
    ("水利", "河道的事，把文件发给我。"),
    ("城管", "城管那次来我家的所有材料。"),
    ("税务", "税务方面的所有信息。"),
    ("综合", "申请公开{year}年以来贵机关制作和获取的全部信息，不限内容。"),
    ("综合", "请公开与本案有关的一切信息。"),
    ("综合", "请按照我们之前当面说的内容办理。"),
    ("综合", "我想了解一些情况，具体是什么我也说不清，你们看着给吧。"),
    ("综合", "申请内容：\n（空）"),
    ("综合", "申请公开：________________"),
    ("综合", "详见邮寄的材料（未附任何材料）。"),
    ("综合", "{year}年的文件。"),
)

ITEMS = (
    (None, "相关文件"), (None, "相关批复"), (None, "其他材料"), (None, "有关情况说明"), (None, "所有会议材料"),
    (None, "上述事项的全部依据"), (None, "该项目的相关情况"), (None, "其他应当公开的信息"), (None, "等等"),
    (None, "那份通知"), (None, "所有相关的表格"),
)

SHORT = (
    (None, "所有文件都公开出来"),
    (None, "申请公开相关信息"),
    (None, "就要上次说的那个材料"),
    (None, "全部公开，一个不落"),
    (None, "请公开有关的东西。"),
    (None, "我要文件，越全越好"),
    (None, "相关信息全部给我"),
    (None, "同前一次的申请内容"),
)

LEADS = ("", "", "你好，", "我之前来过，", "事情你们都清楚，", "不想多说，")

REASONS = (
    "事情拖了很久，我也不知道该找哪个部门，只能先申请信息公开，你们把该给的都给我就行。",
    "具体是哪些文件我也说不上来，反正跟这件事有关的都要，一份都不能少。",
    "之前已经跟你们的工作人员讲过了，这里就不重复了。",
)

SPEC = LabelSpec(reasons=REASONS, intros=PERSONAL_INTROS, label="other.correction", cores=CORES, kind="clause", short=SHORT, items=ITEMS,
                 leads=LEADS, lead_p=0.35,
                 weights={"online_form": 4, "letter": 2, "lawyer": 1, "email": 2, "terse": 4, "multi_item": 2},
                 item_heads=("申请公开：", "需要：", "请提供：", "申请事项："))


def generate(rng: random.Random, filler: Filler, n: int) -> list[dict]:
    """Return ``n`` unclear or incomplete requests."""
    return _generate(rng, filler, SPEC, n)
