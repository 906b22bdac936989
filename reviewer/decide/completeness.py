"""补不补 (step 1): which 第二十九条第二款 elements a request lacks, so a 补正告知书 (第三十条) can name them.

The applicant's name, identity and contact, a description that names the record, and the form of delivery; an
element the applicant's own text declines to give, or a narrator says the letter lacked, is missing even when the
office holds the applicant's details on file.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reviewer.decide.docnumber import DOC_NUMBER_RE
from reviewer.text import lazy_re

if TYPE_CHECKING:
    from reviewer.decide.request import Request

# The 第二十九条第二款第（二）项 element, as listed when missing.
DESCRIPTION_ELEMENT = "申请公开的政府信息的名称、文号或者便于查询的其他特征性描述"


def completeness(request: Request, applicant_on_file: bool = False) -> list[str]:
    """第二十九条第二款: list the missing elements in Chinese (empty when complete).

    ``applicant_on_file``: the applicant's name, identity and contact were captured separately (e.g. by the
    online form's own fields), so only the description and the form of the information are checked here."""
    missing = []
    a = request.applicant
    refused = refused_elements(request.text)
    if ("name" in refused and not a.display_name) or (not applicant_on_file and not a.display_name):
        missing.append(NAME_ELEMENT)
    if ("identity" in refused and not a.id_document) or (
            not applicant_on_file and not a.id_document and request.source == "text"
            and "身份证" not in request.text and "营业执照" not in request.text):
        missing.append(IDENTITY_ELEMENT)
    if not a.contact_known() and ("contact" in refused or not applicant_on_file):
        missing.append(CONTACT_ELEMENT)
    if not request.items or all(_too_vague(item.text) for item in request.items):
        missing.append(DESCRIPTION_ELEMENT)
    if not request.delivery:
        missing.append("申请公开的政府信息的形式要求，包括获取信息的方式、途径（如纸质、电子邮件、邮寄、当面领取）")
    return missing


NAME_ELEMENT = "申请人的姓名或者名称"
IDENTITY_ELEMENT = "申请人的身份证明（身份证件或营业执照等的复印件或号码）"
CONTACT_ELEMENT = "申请人的联系方式（电话、通讯地址或电子邮箱）"

# An element the applicant's own text declines to give ("身份证明：暂不提供", "电话不便留"). Such a refusal is read
# even when the office holds the applicant's details on file: the text itself says the element is withheld.
_REFUSAL = (r"(?:暂不|不予|不愿|不想|不便|不方便|拒绝|没必要|无需|无须|不需要|懒得|就不)(?:提供|留|填|给|透露|告知|写)"
            r"|不提供|不留|不填|保密|略去不填|无法提供|没法提供|不能提供|没有(?=\s|$|[，,。；;])"
            # a field left blank on the form ("单位名称：（未填）", "联系电话：无")
            r"|[（(]?(?:未填写?|空白?|无)[)）]?(?=\s|$|[，,。；;])")
_REFUSED_RE = {
    "name": lazy_re.compile(r"(?:姓名|名称|真实姓名)\s*[：:]?\s*(?:" + _REFUSAL + r")"),
    # (an organisation's credit code is its identity document)
    "identity": lazy_re.compile(r"(?:身份证明|身份证(?:号码?|件)?|证件(?:号码?|类型)|营业执照|统一社会信用代码)(?:复印件)?\s*[：:]?\s*(?:"
                           + _REFUSAL + r")"),
    "contact": lazy_re.compile(r"(?:联系方式|联系电话|电话|手机(?:号码?)?|通讯地址|邮寄地址|电子邮箱|邮箱)\s*[：:]?\s*(?:"
                          + _REFUSAL + r")"),
}


# Another way to reach the applicant, given beside a refused phone ("电话不留了，请寄到某路88号", "发我邮箱").
_OTHER_CHANNEL_RE = lazy_re.compile(r"寄到|寄至|邮寄到|邮寄至|寄给我|收件人|地址[：:]|邮箱|@")


# The narrator's word that the letter lacked an element ("申请书既无署名，也无回信地址和联系电话", "亦未留联系电话和通讯地址",
# "匿名寄来的申请").
_NARRATED_ABSENT_RE = {
    "name": lazy_re.compile(r"(?:既|均|并|亦|也)?(?:无|没有|未)(?:署名|落款|签名|具名)|匿名(?:寄|来|提交|申请|信)"),
    "contact": lazy_re.compile(r"(?:既|均|并|亦|也)?(?:无|没有|未留|未写明?|未填写?|未提供|没留)[^。；，,]{0,4}?"
                          r"(?:回信地址|通讯地址|通信地址|联系电话|联系方式|联系地址|邮寄地址)"),
}


def refused_elements(text: str) -> set[str]:
    """第二十九条 elements (name, identity, contact) the applicant's text explicitly declines to give, or a narrator says
    the letter lacked (:data:`_NARRATED_ABSENT_RE`); a refused phone beside an address or an e-mail to answer to is no
    refused contact."""
    compact = re.sub(r"[ \t\u3000]+", "", text or "")
    refused = {key for key, rx in _REFUSED_RE.items() if rx.search(compact)}
    refused |= {key for key, rx in _NARRATED_ABSENT_RE.items() if rx.search(compact)}
    if "contact" in refused and _OTHER_CHANNEL_RE.search(compact):
        refused.discard("contact")
    return refused


GENERIC_RE = lazy_re.compile(
    r"请|申请|要求|公开|提供|获取|贵局|贵单位|你局|你单位|贵机关|贵府|本人|我|所有|全部|一切|相关|有关|的|文件|信息|材料|资料|"
    r"政府信息|近[一二三四五六七八九十两\d]{1,3}年|那个|这个|东西|事情|情况"
)


def _too_vague(text: str) -> bool:
    """No name, 文号 or characteristic description left once generic words are removed (第二十九条第二款第（二）项)."""
    if "《" in text or DOC_NUMBER_RE.search(text):
        return False
    stripped = re.sub(r"[\s，。、；：,.;:！!？?]", "", text)
    return len(GENERIC_RE.sub("", stripped)) < 4
