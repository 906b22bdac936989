"""Checksum-valid personal and company identifiers for hand-written corpus passages.

The authored passages (``corpora/passages/authored_*.jsonl``) present resident ID numbers, mobile
numbers, bank cards and 统一社会信用代码 as if they were real.  The values pasted into those texts were
printed by this script (fixed seed) and checked with the functions below; the names, companies and
addresses around them are invented.  ``tests/test_corpus_passages_authored.py`` re-checks every
value found in the texts with these functions.

    python corpora/tools/pii_values.py            # print a pool of values (seed 11)
    python corpora/tools/pii_values.py --seed 12  # another pool
    python corpora/tools/pii_values.py --fix corpora/passages/authored_header.jsonl
        # recompute the check characters of numbers typed into a text while writing it
"""

from __future__ import annotations

import argparse
import random
import re
import unicodedata

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"
USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
# Mobile number blocks allocated to the three operators (voice and data).
MOBILE_BLOCKS = ("130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
                 "153", "155", "156", "157", "158", "159", "166", "173", "176", "177", "180", "181",
                 "182", "183", "185", "186", "187", "188", "189", "191", "193", "195", "198", "199")
MOBILE = re.compile(r"^1(3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])\d{8}$")
CARD_BINS = ("622202", "621700", "622848", "621661", "622588", "623668", "621226", "622609")
COUNTIES = ("320105", "330106", "370102", "420106", "430104", "510107", "610113", "410105",
            "350203", "360102", "440106", "130102", "340104", "500103", "450103", "520102",
            "110105", "310104", "320583", "330205", "370202", "410102", "420111", "440304")


def id_check_char(first17: str) -> str:
    """GB 11643 check character of the first 17 digits."""
    return ID_CHECK[sum(int(d) * w for d, w in zip(first17, ID_WEIGHTS, strict=True)) % 11]


def valid_resident_id(value: str) -> bool:
    if not re.fullmatch(r"\d{17}[\dX]", value):
        return False
    month, day = int(value[10:12]), int(value[12:14])
    return 1 <= month <= 12 and 1 <= day <= 31 and id_check_char(value[:17]) == value[17]


def luhn_ok(number: str) -> bool:
    if not number.isdigit():
        return False
    total = 0
    for i, ch in enumerate(reversed(number)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def luhn_complete(body: str) -> str:
    for last in "0123456789":
        if luhn_ok(body + last):
            return body + last
    raise AssertionError("unreachable")


def valid_mobile(value: str) -> bool:
    return bool(MOBILE.match(value))


def org_check_char(body8: str) -> str:
    """GB 11714 check character of an 8-character organisation code (digits only here)."""
    c = 11 - sum(int(d) * w for d, w in zip(body8, ORG_WEIGHTS, strict=True)) % 11
    return {10: "X", 11: "0"}.get(c, str(c))


def uscc_check_char(first17: str) -> str:
    """GB 32100 check character of the first 17 characters."""
    total = sum(USCC_CHARS.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_CHARS[(31 - total % 31) % 31]


def valid_uscc(value: str) -> bool:
    if not re.fullmatch(rf"[{USCC_CHARS}]{{18}}", value):
        return False
    return uscc_check_char(value[:17]) == value[17]


def make_id(rng: random.Random) -> str:
    """A resident ID whose region code existed in its birth year (per python-stdnum's table)."""
    from stdnum.cn import ric

    while True:
        county = rng.choice(COUNTIES)
        year = rng.randint(1948, 2006)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        body = f"{county}{year}{month:02d}{day:02d}{rng.randint(0, 999):03d}"
        number = body + id_check_char(body)
        if ric.is_valid(number):
            return number


def make_mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_BLOCKS) + f"{rng.randint(0, 99_999_999):08d}"


def make_card(rng: random.Random) -> str:
    body = rng.choice(CARD_BINS) + "".join(str(rng.randint(0, 9)) for _ in range(12))
    return luhn_complete(body)


def make_uscc(rng: random.Random) -> str:
    org = f"{rng.randint(0, 99_999_999):08d}"
    first17 = "91" + rng.choice(COUNTIES) + org + org_check_char(org)
    return first17 + uscc_check_char(first17)


# Numbers as the authored texts present them.  An 18-character run is a 统一社会信用代码 when the words
# 信用代码 stand just before it, a bank card after 卡号/账号, a resident ID otherwise; digit runs of 16, 17
# or 19 digits are bank cards wherever they stand (the authored texts use no other numbers that long).
NUMBER = re.compile(r"(?<![0-9A-Za-z])([0-9A-Z]{18}|\d{16,19})(?![0-9A-Za-z])")
CARD_CONTEXT = re.compile(r"(卡号|账号|帐号|银行卡|存折|社保卡|收款账户)[^。；\n]{0,12}$")
USCC_CONTEXT = re.compile(r"信用代码[^。；\n]{0,6}$")


def presented_numbers(text: str) -> list[tuple[str, str, int]]:
    """(kind, value, start) of every ID, card and credit code the text presents as real."""
    found = []
    for m in NUMBER.finditer(text):
        value, before = m.group(1), text[max(0, m.start() - 20):m.start()]
        if USCC_CONTEXT.search(before):
            found.append(("uscc", value, m.start()))
        elif CARD_CONTEXT.search(before) or (value.isdigit() and len(value) != 18):
            found.append(("card", value, m.start()))
        elif re.fullmatch(r"\d{17}[\dX]", value):
            found.append(("id", value, m.start()))
    return found


def valid(kind: str, value: str) -> bool:
    # Scraped and OCR'd texts sometimes print numbers in full-width digits (１２３); check them as typed.
    value = unicodedata.normalize("NFKC", value)
    return {"uscc": valid_uscc, "card": luhn_ok, "id": valid_resident_id}[kind](value)


def fix_text(text: str) -> str:
    """Recompute the check character of every presented number (used once while authoring)."""
    out = list(text)
    for kind, value, start in presented_numbers(text):
        if kind == "uscc":
            fixed = value[:17] + uscc_check_char(value[:17])
        elif kind == "card":
            fixed = luhn_complete(value[:-1])
        else:
            fixed = value[:17] + id_check_char(unicodedata.normalize("NFKC", value[:17]))
        if value[0] != unicodedata.normalize("NFKC", value[0]):  # keep full-width numbers full-width
            fixed = fixed[:-1] + chr(ord(fixed[-1]) + 0xFEE0)
        out[start:start + len(value)] = list(fixed)
    return "".join(out)


def fix_files(paths: list[str]) -> None:
    import json

    for path in paths:
        rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
        changed = 0
        for row in rows:
            new = fix_text(row["text"])
            changed += new != row["text"]
            row["text"] = new
        with open(path, "w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        print(f"{path}: {changed} texts had check characters recomputed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("-n", type=int, default=40)
    parser.add_argument("--fix", nargs="+", metavar="JSONL", help="recompute check characters in these files")
    args = parser.parse_args()
    if args.fix:
        fix_files(args.fix)
        return
    rng = random.Random(args.seed)
    for label, maker in (("ID", make_id), ("MOBILE", make_mobile), ("CARD", make_card), ("USCC", make_uscc)):
        print(label, " ".join(maker(rng) for _ in range(args.n)))


if __name__ == "__main__":
    main()
