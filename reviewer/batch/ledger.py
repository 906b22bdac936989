"""The batch ledger: one SQLite file (``ledger.sqlite``, WAL) in the report folder.

Table ``files`` holds one row per file (keyed by its absolute path, so a file is never counted
twice): where it is, what it was (size, mtime, sha256 of the content), what screening found
(status, verdict, error, counts per severity and per ground, top rules), with which rule set,
model and threshold, when and by which run — plus the per-file JSON (masked ``ScreenResult``,
excerpts, redaction log) the reports are rebuilt from.  Table ``runs`` has one row per run.

Every result is written by a single autocommitted statement as it arrives, so a killed process
loses at most the files that were still being screened, and a resumed run skips the rest.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from reviewer.load.common import shown

LEDGER_NAME = "ledger.sqlite"
SCHEMA_VERSION = 1
# Statuses that mean "not screened yet": such files are screened again on resume.
RETRY_STATUSES = ("timeout", "error")
from reviewer.vocab import VERDICT_RANK  # noqa: E402, F401

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,          -- absolute path
    rel TEXT NOT NULL,              -- path relative to its input root (as shown in reports)
    root TEXT NOT NULL,             -- the input root (absolute)
    size INTEGER,
    mtime REAL,
    sha256 TEXT,
    status TEXT NOT NULL,
    verdict TEXT NOT NULL,
    verdict_rank INTEGER NOT NULL,  -- 2 withhold, 1 review, 0 clean
    error TEXT,
    n_info INTEGER NOT NULL DEFAULT 0,
    n_review INTEGER NOT NULL DEFAULT 0,
    n_withhold INTEGER NOT NULL DEFAULT 0,
    categories TEXT,                -- JSON {category: review/withhold findings}
    top_rules TEXT,                 -- JSON [[code, count], …]
    ruleset_version TEXT,
    model_version TEXT NOT NULL DEFAULT '',
    threshold REAL,
    redacted INTEGER NOT NULL DEFAULT 0,
    elapsed REAL,
    screened_at TEXT,
    run_id TEXT,                    -- the run that screened the file
    seen_run TEXT,                  -- the last run that included the file (screened or skipped)
    detail TEXT                     -- JSON: masked result, excerpts, redaction log
);
CREATE INDEX IF NOT EXISTS files_seen ON files (seen_run, verdict_rank, rel);
CREATE INDEX IF NOT EXISTS files_run ON files (run_id);
CREATE TABLE IF NOT EXISTS runs (
    run_id TEXT PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    status TEXT NOT NULL,           -- running | finished | interrupted
    args TEXT,                      -- JSON
    ruleset_version TEXT,
    model_version TEXT,
    files INTEGER,
    screened INTEGER,
    skipped INTEGER,
    counts TEXT                     -- JSON {verdict/status: n}
);
"""

RECORD_FIELDS = (
    "path", "rel", "root", "size", "mtime", "sha256", "status", "verdict", "verdict_rank", "error",
    "n_info", "n_review", "n_withhold", "categories", "top_rules", "ruleset_version", "model_version",
    "threshold", "redacted", "elapsed", "screened_at", "run_id", "seen_run", "detail",
)


def now_iso() -> str:
    """Local time with offset, to the second."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def new_run_id() -> str:
    return time.strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


class Ledger:
    """Open (creating if needed) ``out_dir/ledger.sqlite``."""

    def __init__(self, out_dir: Path | str):
        out_dir = Path(out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        self.path = out_dir / LEDGER_NAME
        for name in (LEDGER_NAME, LEDGER_NAME + "-wal", LEDGER_NAME + "-shm", LEDGER_NAME + "-journal"):
            if (out_dir / name).is_symlink():
                raise OSError(f"台账文件“{out_dir / name}”是符号链接，已拒绝打开（不会通过链接写文件）。")
        # Autocommit: each statement outside an explicit BEGIN is its own transaction.
        self.conn = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.executescript(_SCHEMA)
        self.conn.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        self._seen_batch: list[tuple[str, str]] = []

    # -- runs -------------------------------------------------------------------------------------

    def start_run(self, run_id: str, args: dict, ruleset_version: str, model_version: str | None) -> str:
        """Record the start of run ``run_id`` (see :func:`new_run_id`).  Earlier runs still marked
        ``running`` were killed (kill -9, power loss): they are marked ``killed``."""
        self.conn.execute("UPDATE runs SET status='killed' WHERE status='running'")
        self.conn.execute(
            "INSERT INTO runs (run_id, started, status, args, ruleset_version, model_version) "
            "VALUES (?, ?, 'running', ?, ?, ?)",
            (run_id, now_iso(), json.dumps(args, ensure_ascii=False, default=str), ruleset_version,
             model_version or ""),
        )
        return run_id

    def finish_run(self, run_id: str, *, status: str, files: int, screened: int, skipped: int,
                   counts: dict) -> None:
        self.flush_seen()
        self.conn.execute(
            "UPDATE runs SET finished=?, status=?, files=?, screened=?, skipped=?, counts=? WHERE run_id=?",
            (now_iso(), status, files, screened, skipped, json.dumps(counts, ensure_ascii=False), run_id),
        )

    def run(self, run_id: str) -> sqlite3.Row | None:
        return self.conn.execute("SELECT * FROM runs WHERE run_id=?", (run_id,)).fetchone()

    # -- files ------------------------------------------------------------------------------------

    def lookup(self, path: str) -> sqlite3.Row | None:
        """The row of the file at absolute ``path`` (without its detail JSON)."""
        return self.conn.execute(
            "SELECT path, rel, size, mtime, sha256, status, verdict, ruleset_version, model_version, "
            "threshold, redacted, run_id, seen_run FROM files WHERE path=?",
            (shown(path),),
        ).fetchone()

    def record(self, row: dict) -> None:
        """Insert or replace the row of one screened file (committed at once)."""
        values = [shown(v) if isinstance(v, str) else v for v in (row.get(name) for name in RECORD_FIELDS)]
        placeholders = ", ".join("?" for _ in RECORD_FIELDS)
        updates = ", ".join(f"{name}=excluded.{name}" for name in RECORD_FIELDS if name != "path")
        self.conn.execute(
            f"INSERT INTO files ({', '.join(RECORD_FIELDS)}) VALUES ({placeholders}) "
            f"ON CONFLICT(path) DO UPDATE SET {updates}",
            values,
        )

    def mark_seen(self, path: str, run_id: str) -> None:
        """Note that an unchanged file belongs to this run (written in batches)."""
        self._seen_batch.append((run_id, shown(path)))
        if len(self._seen_batch) >= 500:
            self.flush_seen()

    def flush_seen(self) -> None:
        if not self._seen_batch:
            return
        with self.conn:  # one transaction
            self.conn.execute("BEGIN")
            self.conn.executemany("UPDATE files SET seen_run=? WHERE path=?", self._seen_batch)
        self._seen_batch.clear()

    def iter_rows(self, run_id: str, *, detail: bool = False, order: str = "verdict") -> Iterator[sqlite3.Row]:
        """Rows of the files included in ``run_id`` (streamed).

        ``order``: "verdict" (withhold first, then review, then clean; by path within) or "path".
        """
        self.flush_seen()
        columns = "*" if detail else ", ".join(name for name in RECORD_FIELDS if name != "detail")
        order_by = "verdict_rank DESC, rel" if order == "verdict" else "rel"
        cursor = self.conn.execute(
            f"SELECT {columns} FROM files WHERE seen_run=? ORDER BY {order_by}", (run_id,)
        )
        yield from cursor

    def count(self, run_id: str, where: str = "1", params: tuple = ()) -> int:
        self.flush_seen()
        return self.conn.execute(
            f"SELECT COUNT(*) FROM files WHERE seen_run=? AND ({where})", (run_id, *params)
        ).fetchone()[0]

    def tally(self, run_id: str, column: str) -> dict[str, int]:
        """Counts of ``column`` values (verdict or status) over the files of ``run_id``."""
        if column not in ("verdict", "status"):
            raise ValueError(column)
        self.flush_seen()
        rows = self.conn.execute(
            f"SELECT {column}, COUNT(*) FROM files WHERE seen_run=? GROUP BY {column}", (run_id,)
        )
        return {value: n for value, n in rows}

    def close(self) -> None:
        try:
            self.flush_seen()
        finally:
            self.conn.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def is_current(row: sqlite3.Row | None, *, sha256: str, ruleset_version: str, model_version: str | None,
               threshold: float, need_redaction: bool) -> bool:
    """True when ``row`` is a finished screening of the same content with the same rules, model
    and threshold (and, when redaction is asked for, the file already went through redaction)."""
    if row is None or row["status"] in RETRY_STATUSES or not sha256:
        return False
    if row["sha256"] != sha256 or row["ruleset_version"] != ruleset_version:
        return False
    if (row["model_version"] or "") != (model_version or ""):
        return False
    if row["threshold"] is None or abs(row["threshold"] - threshold) > 1e-9:
        return False
    if need_redaction and row["status"] == "ok" and not row["redacted"]:
        return False
    return True
