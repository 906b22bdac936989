"""The store keeps no more personal data than it needs, and finds words across jieba's boundaries.

* History search with FTS5 trigrams: "老旧小区" inside "2025年老旧小区改造" (jieba: 年老/旧/小区), short terms
  as substrings, several terms together.
* No default output of a store command (history list, history detail, case show, cases, decisions export,
  report annual) shows a generated phone number, resident ID or bank card in full; the stored text and
  the search index do not hold them either.
* Identity numbers are kept as a keyed hash; the per-installation secret is created owner-only.

All personal data is generated (Faker zh_CN; check digits computed)."""

from __future__ import annotations

import os
import sqlite3
import stat

from typer.testing import CliRunner

from reviewer.cli.app import app
from reviewer.decide.request import parse_request
from reviewer.store.db import open_store


def _luhn_ok(number: str) -> bool:
    from stdnum import luhn

    return luhn.is_valid(number)


def generated_person(seed: int = 77):
    from faker import Faker
    from stdnum.cn import ric

    fake = Faker("zh_CN")
    fake.seed_instance(seed)
    body = "110105" + fake.date_of_birth(minimum_age=25, maximum_age=60).strftime("%Y%m%d") + f"{fake.random_int(0, 999):03d}"
    digits = [int(d) for d in "6222021001" + f"{fake.random_int(0, 99999999):08d}"]
    card = "".join(map(str, digits))
    card += str(next(c for c in range(10) if _luhn_ok(card + str(c))))
    return {"name": fake.name(), "id": body + ric.calc_check_digit(body + "0"),
            "phone": "139" + f"{fake.random_int(0, 99999999):08d}", "card": card}


def test_search_finds_words_across_segmentation_boundaries(tmp_path):
    with open_store(tmp_path / "s.sqlite") as store:
        a = store.record_request(parse_request("申请人：林晓\n申请公开：示例市2025年老旧小区改造专项资金分配明细"),
                                 received="2026-03-01")
        b = store.record_request(parse_request("申请人：赵磊\n申请公开：示例区2024年度会议纪要"), received="2026-03-02")
        assert store.search("老旧小区") == [a]
        assert store.search("年老旧") == [a]  # any run of three characters
        assert store.search("纪要") == [b]  # two characters: substring
        assert store.search("老旧小区 明细") == [a] and store.search("老旧小区 纪要") == []
        assert store.search("地铁线路") == []
    result = CliRunner().invoke(app, ["history", "--search", "老旧小区", "--db", str(tmp_path / "s.sqlite")])
    assert result.exit_code == 0 and "老旧小区改造专项资金分配明细" in result.output


def test_no_store_output_prints_personal_numbers(tmp_path):
    p = generated_person()
    db = tmp_path / "s.sqlite"
    text = (f"申请人：{p['name']}\n身份证号码：{p['id']}\n联系电话：{p['phone']}\n"
            f"申请公开：本人名下银行卡{p['card']}对应的补偿款发放记录\n获取方式：邮寄")
    with open_store(db) as store:
        store.record_request(parse_request(text), received="2026-03-01")
        store.decide("2026-0001", code="disclose", decided_at="2026-03-10", doc_number="示例信复〔2026〕1号")
    runner = CliRunner()
    outputs = [runner.invoke(app, args + ["--db", str(db)]).output for args in (
        ["history"], ["history", "2026-0001"], ["history", "2026-0001", "--format", "json"],
        ["history", "--search", "补偿款"], ["decisions", "export", "--format", "csv"],
        ["decisions", "export", "--format", "jsonl"], ["case", "show", "2026-0001"], ["cases"],
        ["report", "annual", "--year", "2026"])]
    assert any("补偿款发放记录" in out for out in outputs)  # the commands did print the request
    for value in (p["id"], p["phone"], p["card"]):
        assert not any(value in out for out in outputs), "a personal number was printed in full"
    # Nor does the store keep them: stored text, items and both search indexes.
    dump = "\n".join(sqlite3.connect(db).iterdump())
    for value in (p["id"], p["phone"], p["card"]):
        assert value not in dump


def test_identity_numbers_are_kept_as_a_keyed_hash(tmp_path, monkeypatch):
    import hashlib

    monkeypatch.setenv("REVIEWER_DATA_DIR", str(tmp_path / "data"))
    p = generated_person(5)
    with open_store(tmp_path / "s.sqlite") as store:
        store.record_request(parse_request(f"申请人：{p['name']}\n身份证号码：{p['id']}\n申请公开：预算"),
                             received="2026-03-01")
        row = next(iter(store.db["applicants"].rows))
    assert row["id_hash"] and row["id_hash"] != hashlib.sha256(p["id"].encode()).hexdigest()
    secret = tmp_path / "data" / "installation.key"
    assert stat.S_IMODE(os.stat(secret).st_mode) == 0o600
    # Another installation (another secret) gives another hash for the same number.
    monkeypatch.setenv("REVIEWER_DATA_DIR", str(tmp_path / "other"))
    from reviewer.store.privacy import keyed_id_hash

    assert keyed_id_hash(p["id"]) != row["id_hash"]
