"""Validators for personal and organisational identifiers.

Each validator takes the matched string and returns a :class:`Validation`:

* ``valid=True``  — the checksum / structure holds: the finding's score is raised;
* ``valid=False`` — it fails: the finding is dropped (Presidio's model);
* ``valid=None``  — cannot tell: the score is kept.

``score`` optionally overrides the resulting score (e.g. a valid resident ID whose region
code is unknown is still flagged, with a lower score) and ``note`` is a Chinese sentence
that goes into the finding's explanation.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Validation:
    valid: bool | None
    note: str
    score: float | None = None


def _digits(value: str) -> str:
    return re.sub(r"[\s-]", "", value)


def cn_resident_id(value: str) -> Validation:
    """GB 11643-1999 citizen identity number: check digit, birth date, region code."""
    from stdnum import exceptions
    from stdnum.cn import ric

    _prime_region_table()

    number = _digits(value).upper()
    if len(number) != 18 or not number[:17].isdigit():
        return Validation(False, "长度或格式不符合 18 位公民身份号码")
    if number[-1] != ric.calc_check_digit(number):
        return Validation(False, "校验码不符（GB 11643）")
    try:
        ric.get_birth_date(number)
    except exceptions.ValidationError:
        return Validation(False, "出生日期无效")
    try:
        ric.get_birth_place(number)
    except (exceptions.ValidationError, KeyError):  # stdnum's table lacks the county field for some codes
        return Validation(True, "校验码和出生日期有效，但行政区划代码未知（可能为新设或已撤销区划）", score=0.75)
    return Validation(True, "校验码、出生日期和行政区划代码均有效（GB 11643）")


_REGION_DB = "cn/loc"
_REGION_CACHE_FORMAT = 1


def _prime_region_table() -> None:
    """Give python-stdnum its region-code table (``cn/loc``) from a JSON copy in the user cache directory:
    parsing stdnum's 7,000-line ``loc.dat`` takes longer than screening a document.  The copy holds only
    stdnum's own parsed data (``NumDB.prefixes``: lengths, code ranges, names), is keyed by stdnum's version
    and the file's size and time, is written only after it answered sample look-ups exactly as stdnum's
    parse does, and anything unexpected leaves stdnum to parse its file as usual."""
    from stdnum import numdb

    if _REGION_DB in numdb._open_databases or not hasattr(numdb, "NumDB"):
        return
    try:
        import hashlib
        import json

        import stdnum

        from reviewer.paths import cache_dir

        source = Path(numdb.__file__).resolve().parent / "cn" / "loc.dat"
        info = source.stat()
        key = f"{_REGION_CACHE_FORMAT}|{stdnum.__version__}|{source}|{info.st_size}|{info.st_mtime_ns}"
        path = cache_dir() / f"stdnum-cn-loc-{hashlib.sha256(key.encode()).hexdigest()[:20]}.json"
    except Exception:  # noqa: BLE001 - only a speed-up
        return
    try:
        db = numdb.NumDB()
        db.prefixes = _prefixes_from_json(json.loads(path.read_text(encoding="utf-8")))
        numdb._open_databases[_REGION_DB] = db
        return
    except Exception:  # noqa: BLE001 - missing or damaged: stdnum parses its file, and the copy is written
        pass
    try:
        parsed = numdb.get(_REGION_DB)
        data = json.loads(json.dumps(parsed.prefixes, ensure_ascii=False))
        copy = numdb.NumDB()
        copy.prefixes = _prefixes_from_json(data)
        samples = {entry[1] for entry in parsed.prefixes} | {"110101", "310115", "440305", "999999", "000000"}
        for entry in parsed.prefixes[:40]:
            samples |= {entry[1] + child[1] for child in entry[4][:20]}
            samples |= {entry[1] + child[1] + grand[1] for child in entry[4][:5] for grand in child[4][:20]}
        if all(copy.info(code) == parsed.info(code) for code in samples):
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)
    except Exception:  # noqa: BLE001 - only a speed-up
        pass


def _prefixes_from_json(entries) -> list:
    """``NumDB.prefixes`` from its JSON form: (length, low, high, properties, children) tuples."""
    out = []
    for length, low, high, props, children in entries:
        if not (isinstance(length, int) and isinstance(low, str) and isinstance(high, str)
                and isinstance(props, dict)):
            raise ValueError("not a prefix table")
        out.append((length, low, high, props, _prefixes_from_json(children)))
    return out


def uscc(value: str) -> Validation:
    """GB 32100-2015 unified social credit code (统一社会信用代码)."""
    from stdnum.cn import uscc as _uscc

    number = _digits(value).upper()
    if _uscc.is_valid(number):
        return Validation(True, "统一社会信用代码校验位有效（GB 32100）")
    return Validation(False, "统一社会信用代码校验位不符（GB 32100）")


# A few well-known issuer prefixes of Chinese bank cards (UnionPay 62xxxx and major banks'
# legacy BINs).  Any Luhn-valid 16–19 digit number is kept; a known prefix raises the score.
KNOWN_BIN_PREFIXES = (
    "62", "4", "51", "52", "53", "54", "55", "35", "9558", "9559", "436742", "458123",
    "603367", "603445", "601382", "622202", "622208", "622848", "621700", "622700",
    "622588", "621483", "622262", "621660", "621226", "623668",
)


def bank_card(value: str) -> Validation:
    """Bank card number: Luhn check; known issuer (BIN) prefixes raise the score."""
    from stdnum import luhn

    number = _digits(value)
    if not number.isdigit() or not 16 <= len(number) <= 19:
        return Validation(False, "银行卡号长度不符")
    if len(number) == 18 and number[6:8] in ("18", "19", "20") and cn_resident_id(number).valid:
        return Validation(False, "符合公民身份号码校验（GB 11643），按身份证号处理")
    if not luhn.is_valid(number):
        return Validation(False, "银行卡号 Luhn 校验不符")
    if number.startswith(KNOWN_BIN_PREFIXES):
        return Validation(True, "Luhn 校验有效，发卡行识别码（BIN）已知", score=0.95)
    return Validation(True, "Luhn 校验有效，发卡行识别码未知", score=0.7)


_MOBILE_PREFIXES = re.compile(r"^1(3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])\d{8}$")


def cn_mobile(value: str) -> Validation:
    """Mainland mobile number: 11 digits in an allocated 13x–19x number segment."""
    number = re.sub(r"[\s-]", "", value)
    if number.startswith("+86"):
        number = number[3:]
    elif number.startswith("86") and len(number) == 13:
        number = number[2:]
    if _MOBILE_PREFIXES.match(number):
        return Validation(True, "符合已分配的手机号段")
    return Validation(False, "不在已分配的手机号段内")


def cn_landline(value: str) -> Validation:
    """Landline: area code 0xx/0xxx followed by a 7–8 digit subscriber number."""
    number = re.sub(r"[\s()（）-]", "", value)
    if re.fullmatch(r"0\d{2,3}[2-9]\d{6,7}", number):
        return Validation(True, "区号与号码位数符合固定电话格式")
    return Validation(None, "无法确认区号")


_PASSPORT = re.compile(r"^(E[A-HJ-NP-Z0-9]\d{7}|[GDSP]\d{8}|[EG]\d{8})$")


def passport(value: str) -> Validation:
    """PRC passport numbers (E/G/D/S/P series)."""
    if _PASSPORT.match(value.upper()):
        return Validation(True, "符合中国护照号码格式")
    return Validation(None, "格式未能确认")


# Mail domains of government bodies: an agency's published mailbox is not a person's information.
# (also a government body's own second-level name, "zcxgov.example.cn")
_GOV_MAIL_DOMAIN = re.compile(r"(?:^|\.)gov(?:\.cn)?$|(?:^|\.)[a-z0-9-]*gov\.", re.IGNORECASE)


def email(value: str) -> Validation:
    local, _, domain = value.rpartition("@")
    if _GOV_MAIL_DOMAIN.search(domain):
        return Validation(False, "政务邮箱（gov.cn 域名），属机关公开的联系方式，不是个人信息")
    if local and "." in domain and not domain.startswith(".") and ".." not in domain:
        return Validation(True, "电子邮箱格式有效")
    return Validation(False, "电子邮箱格式无效")


# Common single-character surnames (about the 300 most frequent) and compound surnames.
SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康"
    "施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷"
    "盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏"
    "席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池乐匡钮封归糜国回来公利查"
    "谌雍丰胥揭练东郁宦於萧危晋原双闻莘逄扈燕冀郦訾阚那仝亓禹荆竺权逯盖桓"
    # less frequent surnames that are not everyday words on their own (a complainant 敬某某, 鞠某某 is as private as a
    # 王某某; the look-behind cue words and the common-word check below still apply)
    "亢伏冶冼勾卿厉奚尉尧屠嵇戈戎敬昝晁朴束杭栗檀浦湛漆狄芮苑茅茹蔺薄裘诸谈赖赫辜迟邝邰邸郜鄢阙鞠鹿粟慕储廉"
    "帅宿洪楚楼祖惠衡班宣幸奉伊")
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
                     "夏侯", "令狐", "端木", "轩辕", "呼延", "南宫", "西门", "独孤")
# Characters that do not occur in given names (function words and the like).
_NOT_IN_GIVEN_NAME = frozenset("的了是在和与及或其之为于以对把被将等们这那有无不也都就而并要请从向由给让使该此某")
# Common words that begin with a surname character and that the segmenter's dictionary may rate low.
NAME_STOP_WORDS = frozenset({
    "申请", "公开", "查询", "回访", "来信", "来访", "利益", "方便", "高度", "全部", "全体", "何时", "时任", "常住",
    "包括", "安置", "成员", "程序", "师生", "钱款", "明确", "应当", "车辆", "司法", "党员", "关于", "管理", "华侨",
    "文件", "文书", "邮寄", "单位", "任何", "任务", "周边", "黄金", "金额", "林业", "房屋", "向社", "于本", "和解",
})
# A two-character prefix rated at least this often by the segmenter's dictionary is a word, not a name.
COMMON_WORD_FREQ = 20


def _word_frequency(word: str) -> int:
    from reviewer.text.segment import word_frequency

    return word_frequency(word)


def person_name(value: str) -> Validation:
    """Chinese personal name shape: a common surname, then a one- or two-character given name; the text must
    not begin with a common word (申请、查询、回访 …).  Passing the shape proves no identity: the rule's own
    score is kept (``valid=None``); failing it drops the hit."""
    name = value.strip()
    compound = next((c for c in COMPOUND_SURNAMES if name.startswith(c)), None)
    surname = compound or name[:1]
    given = name[len(surname):]
    if compound is None and surname not in SURNAMES:
        return Validation(False, "首字不是常见姓氏")
    if not 1 <= len(given) <= 2 or any(ch in _NOT_IN_GIVEN_NAME for ch in given):
        return Validation(False, "名字部分不符合中文姓名的形态")
    if compound is None:
        head = name[:2]
        if head in NAME_STOP_WORDS or _word_frequency(head) >= COMMON_WORD_FREQ:
            return Validation(False, "以常用词开头，不是姓名")
    if len(given) == 1 and given in _TITLE_AFTER_SURNAME or given in _FORMS_OF_ADDRESS:
        return Validation(False, "姓氏加称谓（王工、李总、罗女士），是称呼，不是姓名")
    return Validation(None, "姓氏与名字形态符合中文姓名（未核实身份）")


# A surname and a form of address ("联系人：王工", "李总", "张老师" is two characters more): how notices name their
# staff contact, not a full name.
_TITLE_AFTER_SURNAME = frozenset("工总")
# ... and two-character forms of address ("联系人：罗女士", "邱先生", "张师傅"): the surname alone names no one.
_FORMS_OF_ADDRESS = frozenset({"女士", "先生", "小姐", "师傅", "经理", "主任", "老师", "同志"})


_QUESTION = re.compile(r"(?<![提询访疑发])问\s*[:：]")
_ANSWER = re.compile(r"(?<![回解作])答\s*[:：]")
# A transcript's questions address the person heard (你/你们) and the answers speak for themselves (我 …);
# a published Q&A (政策问答, 答记者问) asks about "企业/申请人" in the third person.
_SECOND_PERSON = re.compile(r"你|您")
_FIRST_PERSON = re.compile(r"我|是的|不知道|不清楚|记不清|没有了|属实")


def qa_transcript(value: str) -> Validation:
    """A run of "问：……答：……" turns read as an interview transcript (笔录): at least two turns, the
    questions addressing the person heard or the answers in the first person.  More turns, higher score."""
    questions = _QUESTION.findall(value)
    answers = _ANSWER.findall(value)
    turns = min(len(questions), len(answers))
    if turns < 2:
        return Validation(False, "问答不足两轮")
    if not (_SECOND_PERSON.search(value) and _FIRST_PERSON.search(value)):
        return Validation(False, "问答中没有“你……我……”的对答，像政策问答而非笔录")
    score = 0.8 if turns >= 5 else 0.7 if turns >= 3 else 0.6
    return Validation(True, f"连续 {turns} 轮问答，问话称“你”、答话称“我”，为笔录结构", score=score)


VALIDATORS: dict[str, Callable[[str], Validation]] = {
    "cn_resident_id": cn_resident_id,
    "uscc": uscc,
    "bank_card": bank_card,
    "cn_mobile": cn_mobile,
    "cn_landline": cn_landline,
    "passport": passport,
    "email": email,
    "person_name": person_name,
    "qa_transcript": qa_transcript,
}
