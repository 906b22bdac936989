"""Property-based tests: generated valid identifiers are accepted, one changed digit is rejected."""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, given, settings
from hypothesis import strategies as st
from stdnum import luhn
from stdnum.cn import ric
from stdnum.cn import uscc as stdnum_uscc

from reviewer.detect.validators import bank_card, cn_mobile, cn_resident_id, email, uscc

REGIONS = ["110101", "310104", "440305", "510104", "330106", "420102"]
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


@st.composite
def resident_ids(draw):
    region = draw(st.sampled_from(REGIONS))
    birth = draw(st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2020, 12, 31)))
    seq = draw(st.integers(min_value=0, max_value=999))
    body = f"{region}{birth:%Y%m%d}{seq:03d}"
    return body + ric.calc_check_digit(body + "0")  # stdnum expects the check digit slot


@st.composite
def credit_codes(draw):
    body = draw(st.sampled_from(["91", "92", "93", "11", "51"]))
    body += draw(st.sampled_from(REGIONS))
    body += "".join(draw(st.lists(st.sampled_from(USCC_CHARS), min_size=9, max_size=9)))
    return body + stdnum_uscc.calc_check_digit(body)


@st.composite
def bank_cards(draw):
    prefix = draw(st.sampled_from(["622202", "621700", "622848", "436742", "888888"]))
    length = draw(st.integers(min_value=16, max_value=19))
    middle = "".join(draw(st.lists(st.sampled_from("0123456789"), min_size=length - 7, max_size=length - 7)))
    body = prefix + middle
    return body + luhn.calc_check_digit(body)


def _change_one(draw, value: str, positions: range, alphabet: str) -> str:
    i = draw(st.sampled_from(list(positions)))
    new = draw(st.sampled_from([c for c in alphabet if c != value[i]]))
    return value[:i] + new + value[i + 1:]


@settings(max_examples=200, deadline=None)
@given(resident_ids())
def test_valid_resident_ids_accepted(number):
    result = cn_resident_id(number)
    assert result.valid is True and result.score is None


@settings(max_examples=200, deadline=None)
@given(resident_ids(), st.data())
def test_resident_id_with_one_changed_digit_rejected(number, data):
    changed = _change_one(data.draw, number, range(18), "0123456789")
    assert cn_resident_id(changed).valid is False


@settings(max_examples=200, deadline=None)
@given(credit_codes())
def test_valid_credit_codes_accepted(code):
    assert uscc(code).valid is True


@settings(max_examples=200, deadline=None)
@given(credit_codes(), st.data())
def test_credit_code_with_one_changed_character_rejected(code, data):
    changed = _change_one(data.draw, code, range(2, 18), "0123456789")
    assert uscc(changed).valid is False


@settings(max_examples=200, deadline=None)
@given(bank_cards())
def test_valid_bank_cards_accepted(card):
    # An 18-digit number with a valid GB 11643 check digit is read as a resident ID by design (issue #11).
    assume(not (len(card) == 18 and cn_resident_id(card).valid))
    result = bank_card(card)
    assert result.valid is True
    assert result.score == (0.7 if card.startswith("888888") else 0.95)


@settings(max_examples=200, deadline=None)
@given(bank_cards(), st.data())
def test_bank_card_with_one_changed_digit_rejected(card, data):
    changed = _change_one(data.draw, card, range(len(card)), "0123456789")
    assert bank_card(changed).valid is False


def test_unknown_region_still_valid_with_lower_score():
    body = "990000" + "19850312" + "123"
    result = cn_resident_id(body + ric.calc_check_digit(body + "0"))
    assert result.valid is True and result.score is not None and result.score < 1


def test_mobile_segments():
    assert cn_mobile("13812345678").valid is True
    assert cn_mobile("+86 138 1234 5678").valid is True
    assert cn_mobile("12012345678").valid is False


def test_card_shaped_number_with_resident_id_check_digit_is_an_id():
    # Generated, not a real person: a Luhn-valid 18-digit number in a card prefix that also passes GB 11643.
    body = "62170018011022105"
    number = body + ric.calc_check_digit(body + "0")
    assert cn_resident_id(number).valid is True
    assert bank_card(number).valid is False


def test_government_mailbox_is_not_personal():
    assert email("xxgk@example.gov.cn").valid is False
    assert email("office@GOV.CN").valid is False
    assert email("zhang.wei@example.com").valid is True
    assert email("govern@example.cn").valid is True  # "gov" only as the registered domain counts


def test_region_table_from_the_cache_gives_stdnum_s_answers(tmp_path, monkeypatch):
    """The region-code table primed from the JSON copy in the cache answers every resident-ID check exactly as
    stdnum's own parse of its data file (numbers of every region in the table, born in several years)."""
    import subprocess
    import sys

    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path))
    code = """
import random, sys
from stdnum import numdb
from stdnum.cn import ric
from reviewer.detect import validators as V
if sys.argv[1] == "second":
    numdb.read = None  # the table must come from the copy
V.cn_resident_id("110101199003074578")  # first run: stdnum parses its file (the copy is written); then: the copy
assert "cn/loc" in numdb._open_databases
regions = sorted({e[1] + c[1] for e in numdb.get("cn/loc").prefixes for c in e[4]})
rng = random.Random(5)
out = []
for region in rng.sample(regions, 400) + ["999999", "110000", "000000"]:
    for year in (1950, 1985, 2001, 2020):
        body = f"{region}{year}0307{rng.randrange(1000):03d}"
        number = body + ric.calc_check_digit(body)
        result = V.cn_resident_id(number)
        out.append(f"{number} {result.valid} {result.score} {result.note}")
print("\\n".join(out))
"""
    run = lambda mode: subprocess.run([sys.executable, "-c", code, mode], capture_output=True, text=True,  # noqa: E731
                                      check=True).stdout
    parsed = run("first")
    assert list(tmp_path.glob("stdnum-cn-loc-*.json"))
    primed = run("second")
    assert primed == parsed and parsed.count("True") > 100
