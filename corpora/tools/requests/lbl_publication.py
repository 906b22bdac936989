"""Label ``no_action.publication``: asks for 公开出版物 (政府公报某期、年鉴、统计年鉴、书籍、报刊; 第三十九条第二款).

Contrast: internal compilations that were never published are ``ordinary`` (see lbl_ordinary).
"""

from __future__ import annotations

import random

from .builder import LabelSpec
from .builder import generate as _generate
from .common import Filler

_PRESSES = "[[人民出版社|中国统计出版社|方志出版社|法律出版社|中国财政经济出版社|地方出版社]]"

CORES = (
    ("综合", "《{city}人民政府公报》{year}年第{n2}期（纸质版）"),
    ("综合", "{year}年全年各期《{city}人民政府公报》合订本"),
    ("综合", "刊登{gov_docno}文件的那一期《{city}政府公报》原件一份"),
    ("综合", "《{county}年鉴（{year}）》一本"),
    ("综合", "{year2}年至{year}年的《{city}年鉴》，共{n2}册"),
    ("综合", "{county}地方志编纂委员会编、方志出版社出版的《{county}志（1986—2005）》"),
    ("综合", "《{county}统计年鉴{year}》电子版或纸质版"),
    ("综合", "《{city}统计年鉴》（{year}卷）中人口与就业部分"),
    ("综合", "《中国城市统计年鉴{year}》中{city}的各项指标页"),
    ("综合", "{county}人民政府办公室编印并公开发行的《{county}概览》（{year}年版）"),
    ("综合", "《{city}日报》{date}第{n2}版刊登的“{project}征收公告”原报纸"),
    ("综合", "{date}出版的《{city}晚报》整份报纸"),
    ("自然资源", "{_p}出版的《{city}土地利用与国土空间规划图集》一册".replace("{_p}", _PRESSES)),
    ("自然资源", "《中国国土资源年鉴》{year}年卷"),
    ("自然资源", "《{city}国土资源公报》{year}年度印刷本"),
    ("住建", "《{city}建设工程造价信息》{month}期刊"),
    ("住建", "《中国城乡建设统计年鉴》中{county}部分的原书复印件"),
    ("生态环境", "已经公开出版的《{city}生态环境状况公报（{year}年）》纸质本"),
    ("生态环境", "{_p}出版的《{river}流域水污染防治研究》一书".replace("{_p}", _PRESSES)),
    ("市场监管", "《{city}市场监管年鉴（{year}）》"),
    ("市场监管", "《中国市场监管报》{date}刊登的抽检结果通告那一期报纸"),
    ("公安", "{city}公安局编、[[群众出版社|中国人民公安大学出版社]]出版的《道路交通安全法规汇编》一本"),
    ("人社", "《{city}人力资源和社会保障年鉴{year}》"),
    ("人社", "{year}年出版的《劳动和社会保障法规选编》（{city}人社局编）"),
    ("卫健", "《{city}卫生健康统计年鉴（{year}）》一本"),
    ("卫健", "《中国卫生健康统计年鉴》{year}年版中县级医院的统计表"),
    ("教育", "《{city}教育年鉴》{year2}年、{year}年两本"),
    ("教育", "{county}教育局主编、[[教育科学出版社|人民教育出版社]]出版的《{county}乡土教材》"),
    ("财政", "《中国财政年鉴{year}》中关于{city}财政收支的部分"),
    ("财政", "《{city}财政年鉴》（{year}）纸质书"),
    ("交通", "《{city}交通年鉴》{year}年卷"),
    ("交通", "《中国交通年鉴》中记载{project2}的那一卷"),
    ("农业农村", "《{city}农村统计年鉴（{year}）》"),
    ("农业农村", "《中国农业年鉴》{year}年版"),
    ("民政", "《中国民政统计年鉴{year}》"),
    ("民政", "{city}民政局编、正式出版的《{city}地名志》"),
    ("水利", "《{city}水资源公报》（{year}年）正式印刷本一份"),
    ("水利", "{_p}出版的《{river}志》".replace("{_p}", _PRESSES)),
    ("应急管理", "《中国安全生产年鉴》{year}年卷"),
    ("税务", "《中国税务年鉴{year}》"),
    ("税务", "《中国税务报》{date}第{n2}版"),
    ("发改", "《{city}国民经济和社会发展统计公报》合订本（{year2}—{year}年）"),
    ("综合", "{county}党史研究室编、公开出版的《{county}改革开放四十年》一书"),
    ("综合", "国家统计局编《中国统计年鉴{year}》第{n}章的全部表格"),
)

SHORT = (
    ("综合", "{city}统计年鉴{year}"),
    ("综合", "{city}政府公报{year}年第{n2}期"),
    ("综合", "《{county}年鉴》"),
    ("综合", "{date}的{city}日报"),
    ("综合", "县志一本"),
    ("综合", "{year}年政府公报合订本"),
    ("卫健", "卫生统计年鉴{year}年版"),
    ("财政", "财政年鉴{year}"),
)

FRAMES = (
    "申请提供{core}。", "请寄送{core}。", "申请公开{core}。", "想要一份{core}，请问能否提供？",
    "需要{core}，请贵单位提供。", "申请获取{core}，费用可以自理。", "请提供{core}的复印件。",
)

LEADS = (
    "本人从事地方史研究，", "因写论文需要查阅资料，", "在图书馆没有找到，", "网上只看到了目录，",
    "为收藏需要，", "",
)

REASONS = (
    "我在当地新华书店和图书馆都没有找到这份资料，网上旧书店要价也很高，想直接向编印单位申请。",
    "网上只能看到部分内容，我需要完整的纸质版用于收藏和研究。",
    "我是退休教师，正在编写家乡的村史，需要参考官方出版的资料，希望能得到一本。",
    "听说这本书是政府部门编的，我想直接找编书的单位要一本，不知道可不可以。",
)

SPEC = LabelSpec(reasons=REASONS, label="no_action.publication", cores=CORES, kind="noun", short=SHORT, leads=LEADS,
                 lead_p=0.4, frames=FRAMES)


def generate(rng: random.Random, filler: Filler, n: int) -> list[dict]:
    """Return ``n`` requests for public publications."""
    return _generate(rng, filler, SPEC, n)
