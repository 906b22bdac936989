"""Property tests for personal and organisation numbers on generated data (checksums computed, never real people).

* a number with a valid GB 11643 check digit in ID context is a resident ID — never a bank card
  (~1 in 10 IDs also pass Luhn, and 4/35/51–55 are both card-scheme prefixes and province codes);
* IDs and unified social credit codes written in groups are found, with spans on the original text;
* Luhn-valid bank card numbers are still bank cards.
"""

from __future__ import annotations

import datetime
import random

import pytest
from faker import Faker
from stdnum import luhn
from stdnum.cn import ric
from stdnum.cn import uscc as std_uscc

from reviewer.screen.screening import Screener

# Province-level codes that are also card-scheme prefixes (4x, 35, 51–55) plus a few others.
REGIONS = ["110101", "120101", "310101", "350102", "410102", "420102", "430102", "440305", "450102",
           "510104", "520102", "530102", "540102", "360102", "370102"]
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


@pytest.fixture(scope="module")
def screener():
    return Screener()


def make_id(rnd: random.Random) -> str:
    birth = datetime.date(1940, 1, 1) + datetime.timedelta(days=rnd.randrange(30000))
    body = rnd.choice(REGIONS) + birth.strftime("%Y%m%d") + f"{rnd.randrange(1000):03d}"
    return body + ric.calc_check_digit(body + "0")


def make_card(rnd: random.Random, length: int) -> str:
    body = rnd.choice(["622202", "621700", "622848", "623668", "621226"])
    body += "".join(str(rnd.randrange(10)) for _ in range(length - len(body) - 1))
    return body + luhn.calc_check_digit(body)


def make_uscc(rnd: random.Random) -> str:
    body = "91" + rnd.choice(REGIONS) + "".join(rnd.choice(USCC_CHARS) for _ in range(9))
    return body + std_uscc.calc_check_digit(body)


def grouped_id(number: str, style: int) -> str:
    if style == 0:
        return " ".join([number[0:4], number[4:8], number[8:12], number[12:16], number[16:]])
    return " ".join([number[0:6], number[6:14], number[14:]])


def _only(result, text: str, written: str, entity: str):
    start = text.index(written)
    found = [f for f in result.findings if f.entity is not None]
    assert [(f.entity, f.start, f.end) for f in found] == [(entity, start, start + len(written))]
    assert result.text[found[0].start:found[0].end] == written  # the span points at the original text


GENERATED_IDS = [make_id(random.Random(seed)) for seed in range(330)]


def test_generated_ids_are_ids_never_bank_cards(screener):
    """All 330 generated IDs (about a tenth of which also pass Luhn) come back as IDs."""
    assert sum(luhn.is_valid(n) for n in GENERATED_IDS if n[-1] != "X") >= 10  # the trap is really in the data
    for number in GENERATED_IDS:
        text = f"经核实，申请人公民身份号码{number}，现住示例市。"
        _only(screener.screen_text(text), text, number, "cn_resident_id")


def test_faker_ids_are_ids(screener):
    fake = Faker("zh_CN")
    fake.seed_instance(20261204)
    for _ in range(100):
        number = fake.ssn()
        text = f"身份证号：{number}。"
        _only(screener.screen_text(text), text, number, "cn_resident_id")


@pytest.mark.parametrize("style", [0, 1], ids=["4-4-4-4-2", "6-8-4"])
def test_ids_written_in_groups_are_found(screener, style):
    for number in GENERATED_IDS[:120]:
        written = grouped_id(number, style)
        text = f"被征收人身份证号 {written} ，联系地址略。"
        _only(screener.screen_text(text), text, written, "cn_resident_id")


def test_a_wrong_check_digit_in_groups_is_not_an_id(screener):
    number = GENERATED_IDS[0]
    wrong = number[:17] + ("0" if number[17] != "0" else "1")
    text = f"身份证号 {grouped_id(wrong, 0)} 。"
    assert not any(f.entity == "cn_resident_id" for f in screener.screen_text(text).findings)


@pytest.mark.parametrize("length", [16, 19])
def test_generated_bank_cards_are_bank_cards(screener, length):
    rnd = random.Random(length)
    for _ in range(100):
        card = make_card(rnd, length)
        for written in (card, " ".join(card[i:i + 4] for i in range(0, length, 4))):
            text = f"补偿款转入其银行卡号{written}。"
            _only(screener.screen_text(text), text, written, "bank_card")


def test_credit_codes_written_plain_or_in_groups_are_found(screener):
    rnd = random.Random(7)
    for _ in range(100):
        code = make_uscc(rnd)
        for written in (code, f"{code[:2]} {code[2:8]} {code[8:]}", f"{code[:2]} {code[2:8]} {code[8:17]} {code[17]}"):
            text = f"示例科技有限公司（统一社会信用代码：{written}）"
            found = [f for f in screener.screen_text(text).findings if f.entity == "uscc"]
            start = text.index(written)
            assert [(f.start, f.end) for f in found] == [(start, start + len(written))]


def test_generated_names_after_cue_words_are_found_and_common_words_are_not():
    """PRV010 on Faker zh_CN names (recall) and on ordinary words that begin with a surname character."""
    from reviewer.detect.recognizers import hits_for
    from reviewer.detect.rulebook import load_rules

    rule = next(r for r in load_rules() if r.code == "PRV010")
    fake = Faker("zh_CN")
    fake.seed_instance(11)
    found = total = 0
    for _ in range(200):
        name = fake.name()
        for frame in ("申请人：{}，女，身份证号略。", "被询问人{}，男，现年45岁。", "其配偶{}患有慢性病。"):
            total += 1
            found += any(f.text == name for f in hits_for(rule, frame.format(name)))
    assert found >= 0.95 * total
    for text in ("患者就诊时可查询费用明细。", "申请人查询办理进度。", "学生需要时可申请补助。",
                 "村民来信反映的问题已回访。", "当事人公开道歉。", "家属方便时前来领取。"):
        assert hits_for(rule, text) == [], text


def test_a_labelled_account_number_is_found_whatever_its_check_digit(screener):
    # a passbook or account number need not pass the card check: after "账号：" it is a person's account
    rng = random.Random(41)
    fake = Faker("zh_CN")
    fake.seed_instance(41)
    for _ in range(20):
        digits = "6222" + "".join(rng.choice("0123456789") for _ in range(12))
        if luhn.is_valid(digits):
            digits = digits[:-1] + str((int(digits[-1]) + 1) % 10)  # make the card check fail
        text = f"乙方（被征收人）：{fake.name()}\n开户银行：某银行某支行 账号：{digits}\n补偿金额共计67.9万元。"
        found = [f for f in screener.screen_text(text, path="a.txt").findings if digits in text[f.start:f.end]]
        assert found and found[0].severity != "info"
    public = "收款单位：某县财政局非税收入汇缴结算户\n开户行：某银行某县支行\n账号：41050164370809000215"
    assert not [f for f in screener.screen_text(public, path="p.txt").findings if f.rule == "PRV022"]
