"""An older schema is migrated in place after a backup copy; unknown or foreign files are refused."""

from __future__ import annotations

import sqlite3

import pytest
from sqlite_utils import Database

from reviewer.store.db import StoreError, id_hash, open_store
from reviewer.store.migrations import MIGRATION_NAMES, MIGRATIONS

OLD_TEXT = "申请人：林晓，联系电话13912345678。\n申请公开示例市2025年城镇老旧小区改造项目资金分配方案和竣工验收报告。"


def _old_store(path):
    """A store as the first release wrote it: migration 0001 only, with one decided request."""
    db = Database(path)
    MIGRATIONS.apply(db, stop_before="0002_search_index")
    db["applicants"].insert({"id": 1, "name": "林晓", "organisation": None, "kind": "person", "report_column": "自然人",
                             "id_hash": id_hash("110101199003074568"), "id_masked": "110*************68",
                             "created": "2025-12-01T09:00:00"})
    db["requests"].insert({"id": 1, "number": "2025-0001", "year": 2025, "seq": 1, "received": "2025-12-01",
                           "channel": "网络", "text": OLD_TEXT, "status": "decided", "applicant_id": 1,
                           "duplicate_of": None, "created": "2025-12-01T09:00:00"})
    db["request_items"].insert({"id": 1, "request_id": 1, "idx": 1, "text": OLD_TEXT.splitlines()[1],
                                "tokens": None, "code": "disclose"})
    db["decisions"].insert({"id": 1, "request_id": 1, "review_id": None, "code": "disclose", "citations": "",
                            "reasons": "[]", "officer": "王敏", "decided_at": "2025-12-20",
                            "recorded_at": "2025-12-20T10:00:00", "accepted_proposal": None, "proposed_code": None,
                            "doc_number": "示例规资信复〔2025〕88号", "passage": None, "note": None})
    db.close()


def test_old_schema_is_migrated_in_place_after_a_backup(tmp_path):
    path = tmp_path / "reviewer.sqlite"
    _old_store(path)
    store = open_store(path)
    try:
        assert store.backup_path is not None and store.backup_path.exists()
        assert store.backup_path.name.startswith("reviewer.sqlite.bak-")
        backup = sqlite3.connect(store.backup_path)
        assert [r[0] for r in backup.execute("select name from migrations order by id")] == ["0001_initial"]
        assert backup.execute("select doc_number from decisions").fetchone()[0] == "示例规资信复〔2025〕88号"
        backup.close()
        assert store.applied_migrations == list(MIGRATION_NAMES)
        # the data survived and work with the new schema
        old = store.get_request("2025-0001")
        assert old["text"] == OLD_TEXT and old["source"] == "review"
        assert store.current_decision(old["id"])["doc_number"] == "示例规资信复〔2025〕88号"
        assert store.search("验收报告") == [old["id"]]
        assert [e["kind"] for e in store.db["events"].rows_where("request_id = ?", [old["id"]])] == ["received"]
        # a later duplicate of the migrated request is still recognised
        history = store.history_candidates(OLD_TEXT)
        assert history is not None and "示例规资信复〔2025〕88号" in history["evidence"][0]
    finally:
        store.close()
    # opening again: nothing pending, no second backup
    again = open_store(path)
    assert again.backup_path is None
    again.close()
    assert len(list(tmp_path.glob("reviewer.sqlite.bak-*"))) == 1


def test_new_store_needs_no_backup(tmp_path):
    store = open_store(tmp_path / "new.sqlite")
    assert store.backup_path is None
    store.close()
    assert not list(tmp_path.glob("*.bak-*"))


def test_store_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "newer.sqlite"
    open_store(path).close()
    db = Database(path)
    db["migrations"].insert({"migration_set": "reviewer", "name": "0099_future", "applied_at": "2030-01-01"})
    db.close()
    with pytest.raises(StoreError, match="更新版本"):
        open_store(path)


def test_foreign_sqlite_file_is_left_alone(tmp_path):
    path = tmp_path / "other.sqlite"
    db = Database(path)
    db["ledger"].insert({"id": 1, "name": "别的系统"}, pk="id")
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="不是 reviewer 决定库"):
        open_store(path)
    assert Database(path).table_names() == ["ledger"]
    assert path.read_bytes()[:100] == before[:100]


def test_not_a_database(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("这不是数据库" * 200, encoding="utf-8")
    with pytest.raises(StoreError, match="无法打开决定库"):
        open_store(path)
