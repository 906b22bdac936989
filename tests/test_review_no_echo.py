"""`review` never echoes a personal number in full in its default output (items, staff actions, the letter);
the letter quotes an item without a stray "：" after the request verb.  Numbers are generated (check digits
computed), never real."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def numbers():
    from faker import Faker
    from stdnum.cn import ric

    fake = Faker("zh_CN")
    fake.seed_instance(4711)
    body = "110105" + fake.date_of_birth(minimum_age=30, maximum_age=60).strftime("%Y%m%d") + "123"
    return body + ric.calc_check_digit(body + "0"), "139" + f"{fake.random_int(0, 99999999):08d}", fake.name()


def test_review_masks_numbers_in_items_actions_and_letter(tmp_path):
    id_number, phone, name = numbers()
    request = tmp_path / "申请.txt"
    request.write_text(f"申请人：林晓\n联系电话：13800000000\n申请公开：{name}（身份证号{id_number}，电话{phone}）"
                       "名下的征地补偿协议\n获取方式：电子邮件\n", encoding="utf-8")
    for fmt in ("text", "json"):
        out = subprocess.run([sys.executable, "-m", "reviewer", "review", str(request), "--no-model", "--received",
                              "2026-11-20", "--format", fmt], cwd=PROJECT, capture_output=True, text=True)
        assert out.returncode in (0, 1), out.stderr
        assert id_number not in out.stdout and phone not in out.stdout
    letter = json.loads(out.stdout)["letter"]["text"]
    assert f"申请获取“{name}（身份证号{id_number[:3]}" in letter  # masked, and no "“：" after the verb
    shown = subprocess.run([sys.executable, "-m", "reviewer", "review", str(request), "--no-model", "--received",
                            "2026-11-20", "--show-values"], cwd=PROJECT, capture_output=True, text=True)
    assert id_number in shown.stdout  # --show-values is the explicit way to see them
