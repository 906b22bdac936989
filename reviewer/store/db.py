"""The decision store: one SQLite file (WAL mode, busy timeout), written with sqlite-utils.

``open_store(path)`` opens (and creates or migrates) the store; the returned :class:`Store` is
what ``reviewer review --save`` uses (``history_candidates(text)`` before the review,
``save_review(outcome)`` after it) and what ``reviewer decide`` / ``history`` / ``decisions`` /
``report annual`` read and write.

Rules kept here:

* Nothing is deleted or overwritten by a normal command.  A decision change is a new
  ``decisions`` row plus an ``audit`` row (old / new JSON, who, when); the latest row is current.
* Identity numbers are never stored: the applicant keeps a SHA-256 of the number and a masked
  form, and the request text is stored with identity numbers masked.
* Every write runs in one ``BEGIN IMMEDIATE`` transaction, so concurrent writers queue on the
  busy timeout instead of failing or losing rows.
* An older schema is migrated in place after a backup copy ``<db>.bak-<timestamp>``.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from reviewer.paths import DB_FILENAME, default_db_path

__all__ = [
    "BUSY_TIMEOUT_SECONDS",
    "DB_FILENAME",
    "EVENT_KINDS",
    "STATUS_LABELS",
    "Store",
    "StoreError",
    "default_db_path",
    "id_hash",
    "mask_identity_numbers",
    "open_store",
]

BUSY_TIMEOUT_SECONDS = 30.0
from reviewer.vocab import REQUEST_STATUS_LABELS as STATUS_LABELS  # noqa: E402

EVENT_KINDS = {
    "received": "收到申请",
    "correction_sent": "发出补正告知",
    "correction_received": "收到补正材料",
    "consultation_sent": "发出第三方意见征询",
    "consultation_answered": "收到第三方意见",
    "extension": "延长答复期限",
    "replied": "作出答复",
}


class StoreError(ValueError):
    """A store problem the user can fix (Chinese message)."""


def open_store(path: str | Path | None = None) -> Store:
    """Open the decision store at ``path`` (default: the user data directory), creating or migrating it."""
    return Store(Path(path) if path is not None else default_db_path())


def id_hash(number: str) -> str:
    """Keyed hash (HMAC-SHA256 under the installation secret) of an identity number, normalised."""
    from reviewer.store.privacy import keyed_id_hash

    return keyed_id_hash(number)


def mask_identity_numbers(text: str) -> str:
    """``text`` with identity numbers, phones, bank cards, e-mails and addresses masked (what the store keeps)."""
    from reviewer.store.privacy import mask_personal

    return mask_personal(text or "")


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def _iso_date(value: Any) -> str | None:
    """ISO date (YYYY-MM-DD) from a date, a datetime or a string; None when absent or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return None


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def default_officer() -> str:
    """The officer recorded when none is given: ``REVIEWER_OFFICER`` or the login name."""
    name = os.environ.get("REVIEWER_OFFICER")
    if name:
        return name
    try:
        return getpass.getuser() or "未署名"
    except Exception:  # no login name in some containers
        return "未署名"


class Store:
    """The decision store (see module docstring)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.backup_path: Path | None = None
        if self.path.exists() and self.path.is_dir():
            raise StoreError(f"决定库路径 {self.path} 是目录，请指定 .sqlite 文件")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_SECONDS)
        try:
            self.db = Database(conn)
            self.db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
            self.db.execute("PRAGMA foreign_keys = ON")
            self._prepare_schema()
        except sqlite3.DatabaseError as exc:
            conn.close()
            if "locked" in str(exc):
                raise StoreError(f"决定库 {self.path} 正被其他程序占用（等待超过 {BUSY_TIMEOUT_SECONDS:.0f} 秒），请稍后再试") from None
            raise StoreError(f"无法打开决定库 {self.path}：{exc}（文件可能不是 SQLite 数据库或已损坏）") from None
        except BaseException:
            conn.close()
            raise

    # --- lifecycle ------------------------------------------------------------------------
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One write transaction (``BEGIN IMMEDIATE``: writers queue on the busy timeout)."""
        if self.db.conn.in_transaction:
            yield self.db
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.rollback()
            raise
        else:
            self.db.commit()

    def _prepare_schema(self, attempts: int = 5) -> None:
        """Check, switch to WAL and migrate; retried when a process creating the same file at the same
        moment briefly holds a lock the busy timeout does not cover (all steps are idempotent)."""
        for attempt in range(attempts):
            try:
                self._check_ours()
                self._enable_wal()
                self._migrate()
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == attempts - 1:
                    raise
                time.sleep(0.1 * (attempt + 1))

    def _check_ours(self) -> None:
        """Refuse, before changing anything, a SQLite file of another program."""
        tables = [t for t in self.db.table_names() if not t.startswith("sqlite_")]
        if tables and "migrations" not in tables:
            raise StoreError(f"{self.path} 不是 reviewer 决定库（没有迁移记录），为免破坏数据，未作任何修改")

    def _enable_wal(self, attempts: int = 8) -> None:
        """Switch to WAL; two processes creating the file at once may briefly refuse each other."""
        for attempt in range(attempts):
            try:
                self.db.enable_wal()
                if self.db.journal_mode == "wal":
                    return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or attempt == attempts - 1:
                    raise
            time.sleep(0.05 * (attempt + 1))
        raise StoreError(f"无法将决定库 {self.path} 切换为 WAL 模式（文件被其他程序占用？）")

    def _migrate(self) -> None:
        from reviewer.store.migrations import MIGRATION_NAMES, MIGRATIONS

        def check_known() -> list[str]:
            applied = [m.name for m in MIGRATIONS.applied(self.db)]
            unknown = [n for n in applied if n not in MIGRATION_NAMES]
            if unknown:
                raise StoreError(f"决定库 {self.path} 由更新版本的 reviewer 创建（迁移 {'、'.join(unknown)}），请升级 reviewer 后再使用")
            return applied

        check_known()
        if not MIGRATIONS.pending(self.db):
            return
        with self.transaction():
            applied = check_known()  # again, now holding the write lock
            if not MIGRATIONS.pending(self.db):
                return
            if applied:
                self.backup_path = self._backup()
            MIGRATIONS.apply(self.db)

    def _backup(self) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.name}.bak-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = self.path.with_name(f"{self.path.name}.bak-{stamp}-{n}")
        source = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_SECONDS)
        dest = sqlite3.connect(str(target))
        try:
            source.backup(dest)
        finally:
            dest.close()
            source.close()
        return target

    @property
    def applied_migrations(self) -> list[str]:
        from reviewer.store.migrations import MIGRATIONS

        return [m.name for m in MIGRATIONS.applied(self.db)]

    # --- applicants -----------------------------------------------------------------------
    def find_applicant(self, applicant) -> dict | None:
        """The stored applicant for a parsed :class:`~reviewer.decide.request.Applicant`, if any.

        Matched by identity-number hash; otherwise by organisation name (organisations) or personal
        name (persons), never joining two records whose identity hashes differ.
        """
        from reviewer.store.privacy import legacy_id_hash

        hashed = id_hash(applicant.id_document) if applicant.id_document else None
        table = self.db["applicants"]
        if hashed:
            legacy = legacy_id_hash(applicant.id_document)  # rows written before keyed hashes
            for row in table.rows_where("id_hash in (?, ?)", [hashed, legacy], order_by="id", limit=1):
                if row["id_hash"] == legacy:
                    table.update(row["id"], {"id_hash": hashed})
                    row = dict(row, id_hash=hashed)
                return row
        if applicant.organisation:
            rows = table.rows_where("organisation = ?", [applicant.organisation], order_by="id")
        elif applicant.name:
            rows = table.rows_where("name = ? and (organisation is null or organisation = '')", [applicant.name],
                                    order_by="id")
        else:
            return None
        for row in rows:
            if not hashed or not row["id_hash"] or row["id_hash"] == hashed:
                return row
        return None

    def _applicant_id(self, applicant) -> int | None:
        if applicant is None or not (applicant.display_name or applicant.id_document):
            return None
        from reviewer.detect.findings import mask

        row = self.find_applicant(applicant)
        hashed = id_hash(applicant.id_document) if applicant.id_document else None
        masked = mask(applicant.id_document, "cn_resident_id") if applicant.id_document else None
        if row is not None:
            updates = {}
            if hashed and not row["id_hash"]:
                updates.update(id_hash=hashed, id_masked=masked)
            if applicant.name and not row["name"]:
                updates["name"] = applicant.name
            if updates:
                self.db["applicants"].update(row["id"], updates)
            return row["id"]
        record = {
            "name": applicant.name, "organisation": applicant.organisation, "kind": applicant.kind,
            "report_column": applicant.report_column, "id_hash": hashed, "id_masked": masked, "created": _now(),
        }
        return self.db["applicants"].insert(record).last_pk

    # --- requests ---------------------------------------------------------------------------
    def record_request(self, request, *, received: Any = None, channel: str | None = None,
                       source: str = "review", source_ref: str | None = None,
                       item_codes: list[str] | None = None, duplicate_of: int | None = None) -> int:
        """Store a parsed request (applicant, items, search index, receipt event); returns its row id."""
        prepared = self._prepare_request(request, received=received, channel=channel, source=source,
                                         source_ref=source_ref, item_codes=item_codes, duplicate_of=duplicate_of)
        with self.transaction():
            return self._insert_request(prepared)

    def _prepare_request(self, request, *, received: Any = None, channel: str | None = None,
                         source: str = "review", source_ref: str | None = None,
                         item_codes: list[str] | None = None, duplicate_of: int | None = None) -> dict:
        """Everything slow (segmentation, masking) done before the write lock is taken."""
        from reviewer.store.history import item_tokens
        from reviewer.store.migrations import search_tokens

        received_iso = _iso_date(received) or _iso_date(request.received) or dt.date.today().isoformat()
        text = mask_identity_numbers(request.text)
        masked_items = [mask_identity_numbers(item.text) for item in request.items]
        items = [{"idx": item.index, "text": masked, "tokens": " ".join(item_tokens(masked)),
                  "code": item_codes[pos] if item_codes and pos < len(item_codes) else None}
                 for pos, (item, masked) in enumerate(zip(request.items, masked_items, strict=True))]
        row = {
            "received": received_iso, "year": int(received_iso[:4]), "channel": channel or request.channel,
            "text": text, "status": "open", "duplicate_of": duplicate_of, "source": source, "source_ref": source_ref,
        }
        return {"row": row, "items": items, "tokens": search_tokens(text), "applicant": request.applicant}

    def _insert_request(self, prepared: dict) -> int:
        from reviewer.store.migrations import SEARCH_TABLE, TRIGRAM_TABLE

        row = dict(prepared["row"])
        year = row["year"]
        row["applicant_id"] = self._applicant_id(prepared["applicant"])
        seq = self.db.execute("select coalesce(max(seq), 0) + 1 from requests where year = ?", [year]).fetchone()[0]
        row.update(number=f"{year}-{seq:04d}", seq=seq, created=_now())
        request_id = self.db["requests"].insert(row, pk="id").last_pk
        if prepared["items"]:
            self.db["request_items"].insert_all([dict(item, request_id=request_id) for item in prepared["items"]],
                                                pk="id")
        self.db[SEARCH_TABLE].insert({"request_id": request_id, "tokens": prepared["tokens"]}, pk="request_id")
        self.db.execute(f"INSERT INTO {TRIGRAM_TABLE} (rowid, text) VALUES (?, ?)", [request_id, row["text"]])
        self.db["events"].insert({"request_id": request_id, "kind": "received", "date": row["received"],
                                  "note": None, "who": None, "created": _now()}, pk="id")
        return request_id

    def save_review(self, outcome) -> str:
        """Record a review (request, applicant, items, proposal, deadlines); returns the request number."""
        from reviewer.store.history import find_earlier_replies

        data = outcome.to_dict(show_values=False)
        request = outcome.request
        deadline = outcome.deadline
        received = deadline.received if deadline is not None else request.received
        existing = self.find_applicant(request.applicant)
        earlier = find_earlier_replies(self, request, existing["id"]) if existing else []
        reply = data["reply"]
        prepared = self._prepare_request(
            request, received=received, item_codes=[item["code"] for item in data["request"]["items"]],
            duplicate_of=earlier[0].request_id if earlier and earlier[0].complete else None)
        with self.transaction():
            request_id = self._insert_request(prepared)
            review = {
                "request_id": request_id, "proposed_code": reply["code"], "candidates": _json(data["candidates"]),
                "citations": reply["citations"], "reasons": _json(reply["reasons"]), "actions": _json(data["actions"]),
                "findings_summary": _json(_findings_summary(data)), "warnings": _json(data["warnings"]),
                "ruleset_version": data["versions"]["rules"], "model_version": data["versions"]["model"],
                "outcome": _json(data), "created": _now(),
            }
            self.db["reviews"].insert(review, pk="id")
            if deadline is not None:
                dues = [("correction_notice", deadline.correction_notice_due, "补正告知期限（第三十条，7个工作日）"),
                        ("reply", deadline.final_due, "答复期限（第三十三条）")]
                self.db["deadlines"].insert_all(
                    [{"request_id": request_id, "kind": kind, "due": _iso_date(due), "note": note, "created": _now()}
                     for kind, due, note in dues if due is not None], pk="id")
            number = self.db["requests"].get(request_id)["number"]
        return number

    def get_request(self, ref: str | int) -> dict:
        """A request row by number (``2026-0003``) or row id; StoreError when unknown."""
        text = str(ref).strip()
        for row in self.db["requests"].rows_where("number = ?", [text], limit=1):
            return row
        if text.isdigit():
            for row in self.db["requests"].rows_where("id = ?", [int(text)], limit=1):
                return row
        raise StoreError(f"决定库中没有申请编号“{text}”（可用 reviewer history 查看已保存的申请）")

    def latest_review(self, request_id: int) -> dict | None:
        for row in self.db["reviews"].rows_where("request_id = ?", [request_id], order_by="id desc", limit=1):
            return row
        return None

    def current_decision(self, request_id: int) -> dict | None:
        """The latest decision row of a request (the current one), or None."""
        for row in self.db["decisions"].rows_where("request_id = ?", [request_id], order_by="id desc", limit=1):
            return row
        return None

    # --- decisions ------------------------------------------------------------------------
    def decide(self, ref: str | int, *, code: str | None = None, reasons: list[str] | None = None,
               officer: str | None = None, doc_number: str | None = None, decided_at: Any = None,
               passage: str | None = None, note: str | None = None, citations: str | None = None) -> dict:
        """Record the officer's decision (the proposal by default); a later call is a change, audited.

        Returns the new decision row plus ``number``, ``label`` and ``previous`` (the replaced row or None).
        """
        from reviewer.decide.replytypes import citation_string, load_reply_types

        request = self.get_request(ref)
        review = self.latest_review(request["id"])
        proposed = review["proposed_code"] if review else None
        if code is None:
            if proposed is None:
                raise StoreError(f"申请 {request['number']} 没有审查记录，请用 --code 指定答复类型")
            code = proposed
        types = load_reply_types()
        code = resolve_code(code, types)
        same = review is not None and code == proposed
        if citations is None:
            citations = review["citations"] if same else citation_string(code, types=types)
        if reasons is None:
            reasons = json.loads(review["reasons"] or "[]") if same else []
        decided = _iso_date(decided_at)
        if decided_at not in (None, "") and decided is None:
            raise StoreError(f"决定日期“{decided_at}”无法识别（应为 YYYY-MM-DD）")
        decided = decided or dt.date.today().isoformat()
        who = officer or default_officer()
        previous = self.current_decision(request["id"])
        row = {
            "request_id": request["id"], "review_id": review["id"] if review else None, "code": code,
            "citations": citations, "reasons": _json(list(reasons)), "officer": who, "decided_at": decided,
            "recorded_at": _now(), "accepted_proposal": None if proposed is None else int(same),
            "proposed_code": proposed, "doc_number": doc_number,
            "passage": passage if passage is not None else (previous or {}).get("passage"), "note": note,
        }
        final = types[code].report_row is not None
        status = "decided" if final else ("correction" if code == "other.correction" else "open")
        with self.transaction():
            decision_id = self.db["decisions"].insert(row, pk="id").last_pk
            self.db["audit"].insert({
                "entity": "decision", "entity_id": decision_id, "request_id": request["id"],
                "action": "create" if previous is None else "change",
                "old": _json(previous) if previous is not None else None, "new": _json(dict(row, id=decision_id)),
                "who": who, "at": row["recorded_at"]}, pk="id")
            self.db["requests"].update(request["id"], {"status": status})
            self.db["events"].insert({
                "request_id": request["id"], "kind": "correction_sent" if code == "other.correction" else "replied",
                "date": decided, "note": doc_number or ("更改决定" if previous is not None else None), "who": who,
                "created": _now()}, pk="id")
        return dict(row, id=decision_id, number=request["number"], label=types[code].label, previous=previous)

    def log_search(self, ref: str | int, *, systems: str | None = None, keywords: str | None = None,
                   period: str | None = None, who: str | None = None, result: str | None = None,
                   searched_at: Any = None) -> int:
        """Record a search for the requested information (systems, keywords, period, who, result)."""
        request = self.get_request(ref)
        with self.transaction():
            return self.db["search_logs"].insert({
                "request_id": request["id"], "systems": systems, "keywords": keywords, "period": period,
                "who": who or default_officer(), "result": result,
                "searched_at": _iso_date(searched_at) or dt.date.today().isoformat()}, pk="id").last_pk

    def add_event(self, ref: str | int, kind: str, *, date: Any = None, note: str | None = None,
                  who: str | None = None) -> int:
        """Record a procedural event (kinds: :data:`EVENT_KINDS`)."""
        if kind not in EVENT_KINDS:
            raise StoreError(f"未知的事件类型“{kind}”（可选：{'、'.join(EVENT_KINDS)}）")
        request = self.get_request(ref)
        with self.transaction():
            return self.db["events"].insert({
                "request_id": request["id"], "kind": kind, "date": _iso_date(date) or dt.date.today().isoformat(),
                "note": note, "who": who, "created": _now()}, pk="id").last_pk

    # --- reading --------------------------------------------------------------------------
    def search(self, text: str, *, limit: int = 50) -> list[int]:
        """Request ids whose text contains every whitespace-separated term of ``text`` (best match first):
        terms of three or more characters through the FTS5 trigram index, shorter ones as substrings."""
        from reviewer.store.migrations import TRIGRAM_TABLE
        from reviewer.text.normalize import normalize

        terms = [t for t in normalize(text or "").text.split() if t]
        if not terms:
            return []
        long_terms = [t for t in terms if len(t) >= 3]
        short_terms = [t for t in terms if len(t) < 3]
        short_sql = "".join(" and instr(r.text, ?) > 0" for _ in short_terms)
        if long_terms:
            query = " AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
            sql = (f"select r.id from {TRIGRAM_TABLE} f join requests r on r.id = f.rowid "
                   f"where {TRIGRAM_TABLE} match ?{short_sql} order by f.rank limit ?")
            args = [query, *short_terms, limit]
        else:
            sql = f"select r.id from requests r where 1{short_sql} order by r.id desc limit ?"
            args = [*short_terms, limit]
        return [row[0] for row in self.db.execute(sql, args).fetchall()]

    def list_requests(self, *, applicant: str | None = None, search: str | None = None, year: int | None = None,
                      limit: int = 50) -> list[dict]:
        """Summaries (newest first, or by search rank) filtered by applicant name part, text search and year."""
        where, args = [], []
        if applicant:
            ids = [row["id"] for row in self.db["applicants"].rows_where(
                "instr(coalesce(name, ''), ?) > 0 or instr(coalesce(organisation, ''), ?) > 0",
                [applicant, applicant], select="id")]
            if not ids:
                return []
            where.append(f"applicant_id in ({', '.join('?' for _ in ids)})")
            args += ids
        if year is not None:
            where.append("year = ?")
            args.append(year)
        if search:
            ranked = self.search(search, limit=max(limit * 4, 200))
            if not ranked:
                return []
            where.append(f"id in ({', '.join('?' for _ in ranked)})")
            args += ranked
            rows = {r["id"]: r for r in self.db["requests"].rows_where(" and ".join(where), args)}
            ordered = [rows[i] for i in ranked if i in rows][:limit]
        else:
            ordered = list(self.db["requests"].rows_where(" and ".join(where) or None, args or None,
                                                          order_by="id desc", limit=limit))
        return [self.summary(row) for row in ordered]

    def summary(self, row: dict) -> dict:
        """One request with its applicant and current decision, for listings and exports."""
        from reviewer.decide.replytypes import load_reply_types

        types = load_reply_types()
        applicant = self.db["applicants"].get(row["applicant_id"]) if row["applicant_id"] else None
        decision = self.current_decision(row["id"])
        review = self.latest_review(row["id"])
        code = decision["code"] if decision else None
        return {
            "id": row["id"], "number": row["number"], "received": row["received"], "channel": row["channel"],
            "status": row["status"], "status_label": STATUS_LABELS.get(row["status"], row["status"]),
            "text": row["text"], "source": row.get("source"),
            "subject": "；".join(i["text"] for i in self.db["request_items"].rows_where(
                "request_id = ?", [row["id"]], order_by="idx")),
            "applicant": (applicant["organisation"] or applicant["name"]) if applicant else None,
            "applicant_kind": applicant["kind"] if applicant else None,
            "report_column": applicant["report_column"] if applicant else "自然人",
            "proposed_code": review["proposed_code"] if review else None,
            "code": code, "label": types[code].label if code in types else code,
            "decided_at": decision["decided_at"] if decision else None,
            "doc_number": decision["doc_number"] if decision else None,
            "officer": decision["officer"] if decision else None,
            "passage": decision["passage"] if decision else None,
            "duplicate_of": self.db["requests"].get(row["duplicate_of"])["number"] if row["duplicate_of"] else None,
        }

    def request_detail(self, ref: str | int) -> dict:
        """Everything recorded about one request (without the full review JSON)."""
        row = self.get_request(ref)
        rid = row["id"]

        def rows(table: str, order: str = "id") -> list[dict]:
            return list(self.db[table].rows_where("request_id = ?", [rid], order_by=order))

        reviews = [{k: v for k, v in r.items() if k != "outcome"} for r in rows("reviews")]
        return {
            "summary": self.summary(row), "items": rows("request_items", "idx"), "reviews": reviews,
            "decisions": rows("decisions"), "audit": rows("audit"), "events": rows("events", "date, id"),
            "search_logs": rows("search_logs"), "deadlines": rows("deadlines"),
        }

    def history_candidates(self, text, *, profile=None, today: dt.date | None = None) -> dict | None:
        """History evidence for a new request (see :func:`reviewer.store.history.history_candidates`)."""
        from reviewer.store.history import history_candidates

        return history_candidates(self, text, profile=profile, today=today)


def resolve_code(value: str, types: dict | None = None) -> str:
    """A reply code from a code or a Chinese label (mapped with rules/outcome_labels.yaml)."""
    from reviewer.decide.replytypes import load_reply_types

    types = types if types is not None else load_reply_types()
    text = (value or "").strip()
    if text in types:
        return text
    for code, rt in types.items():
        if rt.label == text:
            return code
    try:
        from reviewer.model.decisions import OutcomeMapper

        mapped = OutcomeMapper().map(text)
    except Exception:  # the mapping table is optional here
        mapped = None
    if mapped is not None and mapped.code in types:
        return mapped.code
    raise StoreError(f"未知的答复类型“{text}”（可用代码如 disclose、partial、withhold.process_info、"
                     f"no_action.duplicate；完整列表见 rules/reply_types.yaml）")


def _findings_summary(data: dict) -> dict:
    by_category: dict[str, int] = {}
    by_severity: dict[str, int] = {}
    for f in data.get("findings", []):
        by_category[f["category"]] = by_category.get(f["category"], 0) + 1
        by_severity[f["severity"]] = by_severity.get(f["severity"], 0) + 1
    return {
        "documents": [{"path": d.get("path"), "verdict": d.get("verdict")} for d in data.get("documents", [])],
        "by_category": by_category, "by_severity": by_severity,
        "grounds": {g: info.get("probability") for g, info in data.get("grounds", {}).items()},
    }
