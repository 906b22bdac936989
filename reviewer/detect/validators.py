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

import re
from collections.abc import Callable
from dataclasses import dataclass


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
    except exceptions.ValidationError:
        return Validation(True, "校验码和出生日期有效，但行政区划代码未知（可能为新设或已撤销区划）", score=0.75)
    return Validation(True, "校验码、出生日期和行政区划代码均有效（GB 11643）")


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


def email(value: str) -> Validation:
    local, _, domain = value.rpartition("@")
    if local and "." in domain and not domain.startswith(".") and ".." not in domain:
        return Validation(True, "电子邮箱格式有效")
    return Validation(False, "电子邮箱格式无效")


VALIDATORS: dict[str, Callable[[str], Validation]] = {
    "cn_resident_id": cn_resident_id,
    "uscc": uscc,
    "bank_card": bank_card,
    "cn_mobile": cn_mobile,
    "cn_landline": cn_landline,
    "passport": passport,
    "email": email,
}
