"""A record that lists many people (名单、花名册、分户补偿明细表 …): 区分处理 rather than refusing it whole.

ogi-law.md (个人隐私, [D]): ordinary personal information inside a government record is not automatically 隐私,
courts have held 分户补偿明细 disclosable because the public interest outweighs, and the tool should suggest
区分处理 — redact the identifying fields (身份证号码、银行账号、联系电话 …) — rather than refuse whole documents.
A record about one named person ("张某某家的补偿协议", "他的低保申请材料") and a request for the identifying
fields themselves ("全部低保户的身份证号码和银行账号") are not such a list: withholding stays first for those.
"""

from __future__ import annotations

from reviewer.text import lazy_re

# The kinds of record that list people or households.
_ROSTER_RE = lazy_re.compile(r"名单|名册|花名册|清册|花名表|分户(?:补偿|安置|分配)?(?:明细|清单|表)|"
                        # "东关片区分户评估结果汇总表", "与被征地农户签订的征地补偿协议汇总表"
                        r"(?:分户|被征收人|被征地农户|农户|住户|各户)[^，,。；;]{0,12}?汇总表|(?:补偿|安置|评估)(?:协议|结果)汇总表|(?:补偿|安置|分配|发放|补助|补贴|救助)"
                        r"(?:款|金|资金|房|结果)?(?:明细表?|清单|一览表|结果|情况表|登记表)|"
                        r"(?:各户|每户|全体|所有|全部)[^，,。；;]{0,12}?(?:农户|住户|村民|被征收人|安置户|人员|对象)[^，,。；;]{0,12}?"
                        r"(?:补偿|安置|分配|发放|补助|金额|情况|明细)")
# One named person or household is the record's subject: 张某某家的…, 他/她的…, 我邻居…, 王某某的….
_ONE_PERSON_RE = lazy_re.compile(r"(?:[\u4e00-\u9fa5][某×xX*＊]{1,2}|[某×xX*＊]{2}|他|她|其|我(?:邻居|哥|姐|弟|妹|父亲|母亲|叔|伯|舅))"
                            r"(?:家|一家|户)?(?:的|与|和|跟)")
# The identifying fields asked for themselves.
_FIELDS_RE = lazy_re.compile(r"身份证(?:号码?|件号)?|银行(?:卡号|账号|账户)|账号|联系(?:电话|方式)|手机号|家庭住址|住址|病历|病情|诊断")


# The fields a list is said to hold ("名单（含身份证号码、银行卡号）", "花名册，需要包括每户户主姓名、身份证号码…"): the
# list is still what is asked for, and those fields are what 区分处理 redacts.
_HOLDS_RE = lazy_re.compile(r"(?:含|包括|包含|列明|载明|注明|列有|写有|写着|载有|上有|上面有|列了|"
                       r"(?:里|中|上)[^。；;）)，,]{0,6}?(?:都|均)?有)[^。；;）)]*")


# The identifying fields asked beside the list itself ("…配租名单及各户身份证号码", "…名册和每户的银行账号").
_ALSO_FIELDS_RE = lazy_re.compile(r"\s*(?:及|和|以及|、|，|,|并)(?:其|各户|每户|所有人员|全部人员|人员|相关人员)?(?:的)?"
                             r"(?:身份证(?:号码?|件号)?|银行(?:卡号|账号|账户)|账号|联系(?:电话|方式)|手机号|家庭住址|住址)")


def lists_people(text: str) -> bool:
    """Whether the record asked for is a list of many people or households, not one named person's record and not
    their identifying fields as such."""
    roster = _ROSTER_RE.search(text)
    if not roster or _ONE_PERSON_RE.search(text):
        return False
    if _ALSO_FIELDS_RE.match(text, roster.end()):
        return True  # the list and, beside it, its fields ("配租名单及各户身份证号码"): the list given, the fields withheld
    rest = text[: roster.end()] + _HOLDS_RE.sub("", text[roster.end():])
    return not _FIELDS_RE.search(rest)
