"""Schema of the decision store, as named migrations (``0001_initial``, ``0002_search_index``, …).

Every migration is a function over a :class:`sqlite_utils.Database`; sqlite-utils records the
applied ones in the ``migrations`` table (columns ``migration_set``, ``name``, ``applied_at``).
A migration is never edited once released: a schema change is a new, later migration.

Tables (see :mod:`reviewer.store.db` for how they are written):

* ``applicants``   name, organisation, kind, report column, SHA-256 of the identity number + masked form
* ``requests``     number (``2026-0001``), received, channel, text (identity numbers masked), year,
                   status (``open`` | ``correction`` | ``decided``), applicant, duplicate_of, source
* ``request_items`` the split items with their jieba tokens (for similarity)
* ``reviews``      what reviewer proposed: code, candidates, citations, reasons, findings summary, versions
* ``decisions``    what the officer decided (the latest row of a request is current; rows are never changed)
* ``audit``        every change to a decision: old / new JSON, who, when
* ``request_search`` + ``request_search_fts``  FTS5 index over jieba search-mode tokens
* ``search_logs``, ``deadlines``, ``events``  the procedural record (指导案例101号, 第三十条, 第三十三条)
* ``finding_feedback``  an officer's accept / reject of one finding of a review, with the passage around it
  (the training example of ``reviewer train --from-store``)
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

__all__ = ["MIGRATIONS", "MIGRATION_NAMES", "SEARCH_TABLE", "TRIGRAM_TABLE", "StoreMigrations", "search_tokens"]

SEARCH_TABLE = "request_search"


class StoreMigrations(Migrations):
    """sqlite-utils migrations, recorded in a table named ``migrations``."""

    migrations_table = "migrations"


MIGRATIONS = StoreMigrations("reviewer")


@MIGRATIONS(name="0001_initial")
def _initial(db: Database) -> None:
    db["applicants"].create(
        {"id": int, "name": str, "organisation": str, "kind": str, "report_column": str,
         "id_hash": str, "id_masked": str, "created": str},
        pk="id", not_null=["kind", "report_column", "created"],
    )
    db["applicants"].create_index(["id_hash"])
    db["applicants"].create_index(["name"])
    db["applicants"].create_index(["organisation"])
    db["requests"].create(
        {"id": int, "number": str, "year": int, "seq": int, "received": str, "channel": str, "text": str,
         "status": str, "applicant_id": int, "duplicate_of": int, "created": str},
        pk="id", not_null=["number", "year", "seq", "received", "text", "status", "created"],
        foreign_keys=[("applicant_id", "applicants", "id"), ("duplicate_of", "requests", "id")],
        defaults={"status": "open"},
    )
    db["requests"].create_index(["number"], unique=True)
    db["requests"].create_index(["year", "seq"], unique=True)
    db["requests"].create_index(["applicant_id"])
    db["requests"].create_index(["received"])
    db["request_items"].create(
        {"id": int, "request_id": int, "idx": int, "text": str, "tokens": str, "code": str},
        pk="id", not_null=["request_id", "idx", "text"], foreign_keys=[("request_id", "requests", "id")],
    )
    db["request_items"].create_index(["request_id"])
    db["reviews"].create(
        {"id": int, "request_id": int, "proposed_code": str, "candidates": str, "citations": str,
         "reasons": str, "actions": str, "findings_summary": str, "warnings": str, "ruleset_version": str,
         "model_version": str, "outcome": str, "created": str},
        pk="id", not_null=["request_id", "proposed_code", "created"],
        foreign_keys=[("request_id", "requests", "id")],
    )
    db["reviews"].create_index(["request_id"])
    db["decisions"].create(
        {"id": int, "request_id": int, "review_id": int, "code": str, "citations": str, "reasons": str,
         "officer": str, "decided_at": str, "recorded_at": str, "accepted_proposal": int,
         "proposed_code": str, "doc_number": str, "passage": str, "note": str},
        pk="id", not_null=["request_id", "code", "officer", "decided_at", "recorded_at"],
        foreign_keys=[("request_id", "requests", "id"), ("review_id", "reviews", "id")],
    )
    db["decisions"].create_index(["request_id"])
    db["audit"].create(
        {"id": int, "entity": str, "entity_id": int, "request_id": int, "action": str, "old": str, "new": str,
         "who": str, "at": str},
        pk="id", not_null=["entity", "action", "who", "at"],
    )
    db["audit"].create_index(["request_id"])


def search_tokens(text: str) -> str:
    """Space-joined jieba search-mode tokens of ``text`` (punctuation and spaces dropped)."""
    from reviewer.text.segment import _is_punct, get_tokenizer

    words = get_tokenizer().lcut_for_search(text or "")
    return " ".join(w.strip() for w in words if w.strip() and not _is_punct(w.strip()))


@MIGRATIONS(name="0002_search_index")
def _search_index(db: Database) -> None:
    table = db[SEARCH_TABLE]
    table.create({"request_id": int, "tokens": str}, pk="request_id",
                 foreign_keys=[("request_id", "requests", "id")])
    table.enable_fts(["tokens"], fts_version="FTS5", create_triggers=True)
    table.insert_all(
        ({"request_id": row["id"], "tokens": search_tokens(row["text"])} for row in db["requests"].rows),
        pk="request_id",
    )


@MIGRATIONS(name="0003_procedure_log")
def _procedure_log(db: Database) -> None:
    requests = db["requests"]
    requests.add_column("source", str, not_null_default="review")
    requests.add_column("source_ref", str)
    requests.create_index(["source_ref"])
    db["search_logs"].create(
        {"id": int, "request_id": int, "systems": str, "keywords": str, "period": str, "who": str,
         "result": str, "searched_at": str},
        pk="id", not_null=["request_id", "searched_at"], foreign_keys=[("request_id", "requests", "id")],
    )
    db["deadlines"].create(
        {"id": int, "request_id": int, "kind": str, "due": str, "note": str, "created": str},
        pk="id", not_null=["request_id", "kind", "due", "created"], foreign_keys=[("request_id", "requests", "id")],
    )
    db["events"].create(
        {"id": int, "request_id": int, "kind": str, "date": str, "note": str, "who": str, "created": str},
        pk="id", not_null=["request_id", "kind", "date", "created"], foreign_keys=[("request_id", "requests", "id")],
    )
    for table in ("search_logs", "deadlines", "events"):
        db[table].create_index(["request_id"])
    # Existing requests get their receipt event, so every request has one.
    db["events"].insert_all(
        ({"request_id": row["id"], "kind": "received", "date": row["received"], "note": "迁移时补记",
          "who": None, "created": row["created"]} for row in requests.rows),
        pk="id",
    )


@MIGRATIONS(name="0004_case_events")
def _case_events(db: Database) -> None:
    # Case events (reviewer.store.case) keep their options (extension days, approver, remedy result …)
    # as JSON; requests may now also be "closed" (withdrawn, lapsed) besides "decided".
    db["events"].add_column("detail", str)


TRIGRAM_TABLE = "request_trigram"


@MIGRATIONS(name="0005_trigram_search")
def _trigram_search(db: Database) -> None:
    # Character trigrams find any run of three or more characters ("老旧小区" inside "2025年老旧小区改造",
    # which jieba splits as 年老/旧/小区); shorter terms are matched as substrings of the stored text.
    db.execute(f"CREATE VIRTUAL TABLE {TRIGRAM_TABLE} USING fts5(text, tokenize='trigram')")
    db.execute(f"INSERT INTO {TRIGRAM_TABLE} (rowid, text) SELECT id, text FROM requests")


@MIGRATIONS(name="0006_finding_feedback")
def _finding_feedback(db: Database) -> None:
    db["finding_feedback"].create(
        {"id": int, "request_id": int, "review_id": int, "finding_index": int, "rule": str, "category": str,
         "verdict": str, "context": str, "officer": str, "note": str, "at": str},
        pk="id", not_null=["request_id", "review_id", "finding_index", "category", "verdict", "officer", "at"],
        foreign_keys=[("request_id", "requests", "id"), ("review_id", "reviews", "id")],
    )
    db["finding_feedback"].create_index(["request_id"])
    db["finding_feedback"].create_index(["review_id", "finding_index"])


MIGRATION_NAMES: tuple[str, ...] = tuple(m.name for m in MIGRATIONS._migrations)
