"""The ONE adapter between the web layer and the library.

Every library call the web pages make goes through :class:`Library`; the routes never import
``reviewer.app`` / ``reviewer.store`` / ``reviewer.batch`` themselves.  The library is the
:class:`reviewer.app.Reviewer` façade, one per agency profile, built when the server starts and
warmed once (:meth:`Library.warm`); cases, their events and clock are ``reviewer.store.case``,
procedural letters ``reviewer.store.case_letters``, officer feedback on findings
``reviewer.store.feedback`` (all in the decision store, audited there).  Its interface:

* ``review(ReviewInput) -> str`` (a review id) / ``review_view(id) -> dict`` / ``letter_docx`` /
  ``redacted_docx`` / ``save_case`` / ``record_feedback`` / ``feedback_for``
* ``open_cases()`` / ``case_detail(number)`` / ``add_event(number, name, date, **opts)`` /
  ``case_letter(number, kind, …)`` / ``decide``
* ``history(query)`` / ``annual_docx(year)`` / ``rules()`` / ``rule(code)``

``<data>/web.sqlite`` keeps only the web page's own audit log (logins, downloads, batches).
"""

from __future__ import annotations

import datetime as dt
import io
import secrets
import shutil
import sqlite3
import tempfile
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

REQUEST_SUFFIXES = (".txt", ".docx", ".pdf")
DOCUMENT_SUFFIXES = (".txt", ".md", ".docx", ".pdf", ".html", ".htm")
CHANNELS = ("网络", "当面", "邮寄", "传真")
DEFAULT_PROFILE = "默认配置"
# The case events offered as buttons (keys of reviewer.store.case.CASE_EVENTS; 作出答复 is recorded with the decision).
EVENT_BUTTONS = ("correction-sent", "correction-received", "correction-lapsed", "consultation-sent",
                 "consultation-answered", "consultation-lapsed", "extension-approved", "fee-notice-sent", "fee-paid",
                 "fee-lapsed", "reasons-asked", "reasons-given", "reasons-unreasonable", "withdrawn", "review-filed",
                 "review-decided", "lawsuit-filed", "lawsuit-decided")
CASE_LETTERS = {"extension": "延长答复期限告知书", "reasons": "说明理由通知书", "fee": "收费通知书",
                "co-producer": "征求共同制作机关意见函", "correction": "补正告知书"}
MAX_KEPT_REVIEWS = 64
BLANK = "【待填写"


class ServiceError(ValueError):
    """A Chinese message for the officer (bad input, unknown case …)."""


@dataclass
class UploadedFile:
    name: str
    data: bytes
    item: int | None = None  # the request item the officer assigned the document to (None: all)


@dataclass
class ReviewInput:
    text: str = ""
    request_file: UploadedFile | None = None
    documents: list[UploadedFile] = field(default_factory=list)
    received: dt.date | None = None
    channel: str | None = None
    profile: str | None = None  # a key of Library.profiles
    stage: str | None = None  # pending | decided (process information)
    search_record: str | None = None  # 检索记录: where and how the office searched (drafts 信息不存在)
    third_party: str | None = None  # the third party's answer to the 第三十二条 consultation: agree | object | none


@dataclass
class _Kept:
    outcome: object
    data: dict
    folder: Path
    assignments: dict[str, int | None]
    case: str | None = None


class Library:
    """Everything the web pages need from the library: one :class:`reviewer.app.Reviewer` per
    agency profile, built when the server starts and kept."""

    def __init__(self, data_dir: Path, *, db_path: Path | None = None, use_model: bool = True,
                 profiles: dict[str, Path] | None = None, catalog: Path | None = None,
                 rules_dir: Path | None = None) -> None:
        from reviewer.app import Reviewer

        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.db_path = db_path
        self.use_model = use_model
        self.profiles: dict[str, Path | None] = {DEFAULT_PROFILE: None, **(profiles or {})}
        self.catalog = catalog
        self.rules_dir = rules_dir
        model = None if use_model else "none"
        self.reviewers = {name: Reviewer.from_config(rules_dir=rules_dir, model=model, profile=path, store=db_path)
                          for name, path in self.profiles.items()}
        self.upload_dir = self.data_dir / "uploads"
        # Reviews live in memory only: uploads of an earlier run of the server are of no use.
        shutil.rmtree(self.upload_dir, ignore_errors=True)
        self.upload_dir.mkdir(exist_ok=True)
        self._reviews: OrderedDict[str, _Kept] = OrderedDict()
        self._lock = threading.Lock()
        self._web_db = self.data_dir / "web.sqlite"
        with self._conn() as conn:
            conn.executescript(_WEB_SCHEMA)
        self.model_note: str | None = None

    def reviewer(self, profile: str | None = None):
        """The Reviewer of ``profile`` (a key of :attr:`profiles`; default: the configured profile)."""
        if profile not in (None, "", *self.profiles):
            raise ServiceError(f"未知的机关配置：{profile}")
        return self.reviewers[profile or DEFAULT_PROFILE]

    # --- start-up ---------------------------------------------------------------------------
    def warm(self) -> None:
        """Load rules, reply types, profiles and (when used) the model once, before the first request."""
        from reviewer.decide.replytypes import load_reply_types

        load_reply_types()
        for reviewer in self.reviewers.values():
            try:
                _ = reviewer.profile, reviewer.cues, reviewer.screener(), reviewer.calendar()
            except _user_errors() as exc:
                raise ServiceError(str(exc)) from None
            self.model_note = self.model_note or reviewer.model_warning
        self.review(ReviewInput(text="申请公开本机关2025年政府信息公开工作年度报告。", received=dt.date.today()),
                    keep=False)

    # --- reviewing --------------------------------------------------------------------------
    def review(self, data: ReviewInput, *, keep: bool = True) -> str:
        from reviewer.load.textload import load_path

        review_id = secrets.token_urlsafe(12)
        folder = self.upload_dir / review_id
        folder.mkdir(parents=True)
        text = data.text or ""
        if data.request_file is not None and data.request_file.data:
            path = folder / ("申请" + _suffix(data.request_file.name, REQUEST_SUFFIXES, "申请文件"))
            path.write_bytes(data.request_file.data)
            loaded = load_path(path)
            if loaded.status != "ok":
                raise ServiceError(f"申请文件“{data.request_file.name}”无法读取：{loaded.error or loaded.status}")
            text = (text + "\n" + loaded.text).strip()
        if not text.strip():
            raise ServiceError("请粘贴申请内容或上传申请文件（txt、docx、pdf）。")
        if data.channel is not None and data.channel not in CHANNELS:
            raise ServiceError(f"未知的申请方式：{data.channel}")
        if data.stage not in (None, "", "pending", "decided"):
            raise ServiceError(f"未知的决策阶段：{data.stage}")
        from reviewer.vocab import THIRD_PARTY_OPINIONS

        if data.third_party not in (None, "", *THIRD_PARTY_OPINIONS):
            raise ServiceError(f"未知的第三方意见：{data.third_party}")
        reviewer = self.reviewer(data.profile)
        docs: list[Path] = []
        assignments: dict[str, int | None] = {}
        for n, upload in enumerate(data.documents, 1):
            name = Path(upload.name).name or f"文件{n}"
            _suffix(name, DOCUMENT_SUFFIXES, "候选文件")
            target = folder / f"{n:02d}" / name
            target.parent.mkdir()
            target.write_bytes(upload.data)
            docs.append(target)
            assignments[str(target)] = upload.item
        try:
            outcome = reviewer.review(text=text, docs=docs, catalog=self.catalog, received=data.received,
                                      channel=data.channel or None, stage=data.stage or None,
                                      search_record=data.search_record or None, today=dt.date.today(),
                                      third_party=data.third_party or None)
        except _user_errors() as exc:
            shutil.rmtree(folder, ignore_errors=True)
            raise ServiceError(str(exc)) from None
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
            return review_id
        kept = _Kept(outcome, outcome.to_dict(show_values=False), folder, assignments)
        with self._lock:
            self._reviews[review_id] = kept
            while len(self._reviews) > MAX_KEPT_REVIEWS:
                _, old = self._reviews.popitem(last=False)
                shutil.rmtree(old.folder, ignore_errors=True)
        return review_id

    def _kept(self, review_id: str) -> _Kept:
        with self._lock:
            kept = self._reviews.get(review_id)
        if kept is None:
            raise ServiceError("该审查结果已不在内存中（服务已重启或保存的结果过多），请重新提交审查。")
        return kept

    def review_view(self, review_id: str) -> dict:
        """The result page's data: reply, candidates, items with their documents, documents with
        highlighted segments, deadline, letter."""
        kept = self._kept(review_id)
        data = kept.data
        documents = []
        feedback = self.feedback_for(review_id)
        for n, result in enumerate(kept.outcome.screen_results):
            findings = []
            for i, f in enumerate(result.findings):
                fid = f"d{n}f{i}"
                d = f.to_dict(show_values=False)
                findings.append({"id": fid, "rule": f.rule, "name": f.name, "category_label": d["category_label"],
                                 "basis": f.basis, "score": d["score"], "severity": f.severity, "text": d["text"],
                                 "explanation": f.explanation.get("summary") or f.explanation.get("message", ""),
                                 "verdict": feedback.get(fid)})
            item = kept.assignments.get(str(result.path))
            documents.append({
                "n": n, "name": Path(result.path).name, "status": result.status, "error": result.error,
                "verdict": result.verdict, "verdict_label": data["documents"][n]["verdict_label"],
                "item": item, "segments": highlight_segments(result.text, result.findings),
                "findings": findings, "redactable": result.status == "ok",
            })
        items = []
        for item in data["request"]["items"]:
            names = [d["name"] for d in documents if d["item"] in (None, item["index"])]
            items.append(dict(item, documents=names))
        letter = data["letter"]
        return {"id": review_id, "reply": data["reply"], "candidates": data["candidates"], "items": items,
                "missing": data["request"]["missing"], "documents": documents, "deadline": data["deadline"],
                "letter": letter, "other_letters": data["other_letters"], "warnings": data["warnings"],
                "actions": data["actions"], "case": kept.case, "versions": data["versions"]}

    def letter_docx(self, review_id: str, text: str) -> tuple[str, bytes]:
        """The officer's edited letter as .docx (the draft's layout, the edited words)."""
        from reviewer.draft.docx_letter import write_docx

        kept = self._kept(review_id)
        letter = letter_from_text(text, kept.outcome.letter)
        with tempfile.TemporaryDirectory() as tmp:
            path = write_docx(letter, Path(tmp) / "letter.docx")
            return f"{letter.title or '答复书'}.docx", path.read_bytes()

    def redacted_docx(self, review_id: str, n: int) -> tuple[str, bytes]:
        """The redacted copy of candidate document ``n`` as .docx."""
        from docx import Document

        from reviewer.batch.report_files import REDACTED_NOTE_SUFFIX

        kept = self._kept(review_id)
        results = kept.outcome.screen_results
        if not 0 <= n < len(results) or results[n].status != "ok":
            raise ServiceError("没有这份文件的遮盖副本。")
        stem = Path(results[n].path).stem
        with tempfile.TemporaryDirectory() as tmp:
            written = self.reviewer().redact(kept.outcome, Path(tmp)).files
            copy = Path(tmp) / f"{stem}.redacted.txt"
            notes = [p for p in written if p.name.startswith(stem) and p.name.endswith(REDACTED_NOTE_SUFFIX)]
            if copy.is_file():
                text = copy.read_text(encoding="utf-8")
            elif notes:  # withheld whole or marked 密级: no releasable copy, only the reasons
                text = notes[0].read_text(encoding="utf-8")
                stem = f"{stem}（不生成遮盖副本的说明）"
            else:
                raise ServiceError("这份文件没有可对外提供的遮盖副本。")
        doc = Document()
        for line in text.splitlines():
            doc.add_paragraph(line)
        buffer = io.BytesIO()
        doc.save(buffer)
        return (f"{stem}.docx" if stem.endswith("说明）") else f"{stem}（遮盖件）.docx"), buffer.getvalue()

    def save_case(self, review_id: str) -> str:
        """Record the review in the decision store (once); returns the request number."""
        kept = self._kept(review_id)
        with self._lock:
            if kept.case:
                return kept.case
            with self._store() as store:
                kept.case = store.save_review(kept.outcome)
        return kept.case

    # --- officer feedback (the store's finding_feedback, reviewer.store.feedback) ------------
    def record_feedback(self, finding: dict, verdict: str, *, review_id: str, user: str) -> dict:
        """Record accept / reject of one finding in the decision store.  Feedback belongs to a saved
        review, so a review not yet saved is saved as a case first (the page then links the case).
        Returns the stored row (``number``, ``finding_id`` = ``<number>#<n>``)."""
        from reviewer.store.db import StoreError
        from reviewer.store.feedback import record_finding_feedback

        if verdict not in ("accept", "reject"):
            raise ServiceError("反馈只能是“采纳”或“不采纳”。")
        number = self.save_case(review_id)
        with self._store() as store:
            try:
                return record_finding_feedback(store, f"{number}#{finding['index']}", verdict, officer=user)
            except StoreError as exc:
                raise ServiceError(str(exc)) from None

    def feedback_for(self, review_id: str) -> dict[str, str]:
        """The latest verdict per finding (``d{n}f{i}`` ids) of a review, read from the store."""
        from reviewer.store.feedback import list_findings

        kept = self._kept(review_id)
        if not kept.case:
            return {}
        with self._store() as store:
            rows = list_findings(store, kept.case)
        ids = _finding_ids(kept.outcome)
        return {ids[i]: row["verdict"] for i, row in enumerate(rows) if row["verdict"] and i < len(ids)}

    def finding(self, review_id: str, finding_id: str) -> dict:
        kept = self._kept(review_id)
        try:
            n, i = (int(x) for x in finding_id[1:].split("f"))
            f = kept.outcome.screen_results[n].findings[i]
            index = _finding_ids(kept.outcome).index(f"d{n}f{i}") + 1
        except (ValueError, IndexError):
            raise ServiceError("没有这条审查发现。") from None
        return {"id": finding_id, "index": index, "rule": f.rule, "category": f.category, "start": f.start,
                "end": f.end}

    # --- cases (reviewer.store.case) --------------------------------------------------------
    def open_cases(self, today: dt.date | None = None) -> list[dict]:
        from reviewer.store.case import open_cases

        with self._store() as store:
            states = open_cases(store, today=today or dt.date.today())
            rows = {r["number"]: r for r in store.list_requests(limit=100000)}
        return [dict(rows.get(s.number, {"number": s.number}), **_clock_view(s)) for s in states]

    def case_detail(self, number: str, today: dt.date | None = None) -> dict:
        from reviewer.store.case import case_clock
        from reviewer.store.db import StoreError

        with self._store() as store:
            try:
                detail = store.request_detail(number)
                state = case_clock(store, number, today=today or dt.date.today())
            except StoreError as exc:
                raise ServiceError(str(exc)) from None
        from reviewer.store.db import EVENT_KINDS

        view = _clock_view(state)
        detail["clock"], detail["closed"] = view["clock"], view["closed"]
        detail["events"] = [dict(e, label=EVENT_KINDS.get(e["kind"], e["label"]) if e["label"] == e["kind"]
                                 else e["label"]) for e in state.to_dict()["events"]]
        # The due dates as the events now imply (the rows stored at saving time go stale after 补正 etc.).
        d, kinds = state.deadline, {e["kind"] for e in state.events}
        detail["deadlines"] = [{"due": due.isoformat(), "note": note} for due, note in (
            (d.correction_notice_due if "correction_sent" not in kinds else None, "补正告知期限（第三十条，7个工作日）"),
            (state.due, "答复期限（按已记录的事件计算）"),
        ) if due is not None]
        return detail

    def add_event(self, number: str, name: str, date: dt.date | None, *, note: str | None = None,
                  user: str | None = None, days: int | None = None, approved_by: str | None = None,
                  result: str | None = None, party: str | None = None, until: dt.date | None = None) -> dict:
        """Record case event ``name`` (a key of ``CASE_EVENTS``); the store's Chinese errors become ServiceError."""
        from reviewer.store.case import add_case_event
        from reviewer.store.db import StoreError

        with self._store() as store:
            try:
                return add_case_event(store, number, name, date=date, who=user, note=note, days=days,
                                      approved_by=approved_by, result=result, party=party, until=until)
            except StoreError as exc:
                raise ServiceError(str(exc)) from None

    def case_letter(self, number: str, kind: str, *, profile: str | None = None, items: int | None = None,
                    pages: int | None = None, reason: str | None = None, missing: list[str] | None = None,
                    organ: str | None = None) -> tuple[str, bytes]:
        """A procedural letter of the case (extension / reasons / fee / co-producer / correction) as .docx."""
        from reviewer.draft.docx_letter import write_docx
        from reviewer.store.case_letters import LETTER_KINDS, build_case_letter
        from reviewer.store.db import StoreError

        if kind not in LETTER_KINDS:
            raise ServiceError(f"未知的文书“{kind}”（可选：{'、'.join(LETTER_KINDS)}）")
        reviewer = self.reviewer(profile)
        with self._store() as store:
            try:
                letter = build_case_letter(store, number, kind, reviewer.profile, items=items, pages=pages,
                                           reason=reason or None, missing=missing or None, organ=organ or None,
                                           today=dt.date.today())
            except (StoreError, ValueError) as exc:
                raise ServiceError(str(exc)) from None
        with tempfile.TemporaryDirectory() as tmp:
            path = write_docx(letter, Path(tmp) / "letter.docx")
            return f"{number} {letter.title or CASE_LETTERS[kind]}.docx", path.read_bytes()

    # --- decision store ---------------------------------------------------------------------
    def history(self, query: str = "", applicant: str = "", limit: int = 100) -> list[dict]:
        with self._store() as store:
            return store.list_requests(search=query or None, applicant=applicant or None, limit=limit)

    def decide(self, number: str, *, code: str | None, doc_number: str | None, decided_at: dt.date | None,
               user: str, note: str | None = None, search: dict | None = None):
        """Record the officer's decision through ``Reviewer.decide`` (with the search record, keys
        systems / keywords / period / result, when given); returns its DecisionResult."""
        search = {f"search_{k}": v for k, v in (search or {}).items() if v}
        try:
            return self.reviewer().decide(number, code=code or None, officer=user, doc_number=doc_number or None,
                                          date=decided_at.isoformat() if decided_at else None, note=note or None,
                                          **search)
        except _user_errors() as exc:
            raise ServiceError(str(exc)) from None

    def reply_types(self) -> list[tuple[str, str]]:
        from reviewer.decide.replytypes import load_reply_types

        return [(code, t.label) for code, t in load_reply_types().items()]

    def annual_docx(self, year: int, profile: str | None = None) -> tuple[str, bytes]:
        """Tables 二, 三 and 四 of the annual report (``Reviewer.annual_report``) as .docx."""
        from reviewer.store.annual import report_docx

        try:
            report = self.reviewer(profile).annual_report(year)
        except _user_errors() as exc:
            raise ServiceError(str(exc)) from None
        with tempfile.TemporaryDirectory() as tmp:
            path = report_docx(report.tables, Path(tmp) / "annual.docx", report.agency)
            return f"{year}年度政府信息公开工作年度报告（表二至表四）.docx", path.read_bytes()

    # --- rules ------------------------------------------------------------------------------
    def rules(self) -> list[dict]:
        from reviewer.detect.findings import CATEGORY_LABELS
        from reviewer.detect.rulebook import load_rules

        return [{"code": r.code, "name": r.name, "category": CATEGORY_LABELS.get(r.category, r.category),
                 "severity": r.severity, "status": r.status, "message": r.message, "basis": r.basis}
                for r in load_rules(self.rules_dir)]

    def rule(self, code: str) -> dict:
        from reviewer.detect.findings import CATEGORY_LABELS
        from reviewer.detect.rulebook import load_rules

        for r in load_rules(self.rules_dir):
            if r.code == code:
                return dict(r.to_dict(), category_label=CATEGORY_LABELS.get(r.category, r.category))
        raise ServiceError(f"没有规则“{code}”。")

    # --- plumbing ---------------------------------------------------------------------------
    def _store(self):
        return self.reviewer().open_store()

    def _conn(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self._web_db, timeout=30)
        return _Closing(conn)


def _user_errors() -> tuple[type[Exception], ...]:
    from reviewer.app.reviewer import user_errors

    return user_errors()


def _finding_ids(outcome) -> list[str]:
    """The page's finding ids in the order the store numbers them (``<number>#1`` is the first)."""
    return [f"d{n}f{i}" for n, r in enumerate(outcome.screen_results) for i in range(len(r.findings))]


def _clock_view(state) -> dict:
    """What the case pages show of a :class:`reviewer.store.case.CaseState`."""
    d = state.to_dict()
    return {"due": d["due"], "overdue": d["overdue"], "closed": d["closed"],
            "clock": {"due": d["due"], "status": d["status"], "summary": state.summary_zh(),
                      "days_left": d["days_left"], "waiting_on": d["waiting_on"], "notes": d["notes"]}}


class _Closing:
    """``with`` commits and closes (sqlite3's own context manager only commits)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        return self.conn

    def __exit__(self, *exc) -> None:
        try:
            if exc[0] is None:
                self.conn.commit()
        finally:
            self.conn.close()


_WEB_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY, at TEXT, who TEXT, action TEXT, target TEXT);
"""


def audit(library: Library, user: str, action: str, target: str = "") -> None:
    """One audit row per action: who, what, on which review/case/batch (never personal data)."""
    with library._conn() as conn:
        conn.execute("INSERT INTO audit (at, who, action, target) VALUES (?,?,?,?)", (_now(), user, action, target))


def audit_rows(library: Library, limit: int = 200) -> list[dict]:
    with library._conn() as conn:
        rows = conn.execute("SELECT at, who, action, target FROM audit ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
    return [dict(zip(("at", "who", "action", "target"), r)) for r in rows]


def local_user() -> str:
    """The officer's name when no login is in force (the OS user, as the CLI records it)."""
    from reviewer.store.db import default_officer

    return default_officer()


def _now() -> str:
    return dt.datetime.now().isoformat(timespec="seconds")


def _suffix(name: str, allowed: tuple[str, ...], what: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix not in allowed:
        raise ServiceError(f"{what}“{Path(name).name}”的类型不受支持（可用：{'、'.join(allowed)}）。")
    return suffix


def highlight_segments(text: str, findings) -> list[dict]:
    """Split ``text`` at finding boundaries: ``[{"text", "ids"}]``; ``ids`` are the findings
    covering the segment (``d{n}f{i}`` is added by the caller through the index)."""
    if not text:
        return []
    cuts = {0, len(text)}
    for f in findings:
        cuts.add(max(0, min(len(text), f.start)))
        cuts.add(max(0, min(len(text), f.end)))
    points = sorted(cuts)
    segments = []
    for a, b in zip(points, points[1:]):
        covering = [i for i, f in enumerate(findings) if f.start <= a and b <= f.end and f.start < f.end]
        segments.append({"text": text[a:b], "ids": covering})
    return segments


def letter_from_text(text: str, draft):
    """Rebuild a Letter from the officer's edited plain text (the layout of ``to_text``)."""
    from dataclasses import replace

    from reviewer.draft.context import Letter

    lines = text.replace("\r\n", "\n").split("\n")
    appendix: list[str] = []
    if "-" * 40 in lines:
        cut = lines.index("-" * 40)
        appendix = [x.strip() for x in lines[cut + 2:] if x.strip()]
        appendix_title = lines[cut + 1].strip() if cut + 1 < len(lines) else ""
        lines = lines[:cut]
    else:
        appendix_title = ""
    body = [x for x in lines]
    while body and not body[-1].strip():
        body.pop()
    head = [x.strip() for x in body[:4]]
    title = head[0] if head else ""
    doc_number = head[1] if len(head) > 1 else ""
    rest = body[4:] if len(head) >= 4 else []
    salutation = head[3] if len(head) > 3 else ""
    closing_agency = closing_date = contact = ""
    right = [i for i, x in enumerate(rest) if x.startswith("\u3000" * 6)]
    if len(right) >= 2:
        closing_agency, closing_date = rest[right[-2]].strip(), rest[right[-1]].strip()
        contact = "\n".join(x.strip() for x in rest[right[-1] + 1:] if x.strip())
        rest = rest[:right[-2]]
    paragraphs, headings = [], []
    for x in rest:
        if not x.strip():
            continue
        if not x.startswith("\u3000"):
            headings.append(len(paragraphs))
        paragraphs.append(x.strip())
    base = draft if isinstance(draft, Letter) else None
    if base is None:
        return Letter(kind="reply", title=title, doc_number=doc_number, salutation=salutation, paragraphs=paragraphs,
                      closing_agency=closing_agency, closing_date=closing_date, headings=headings, contact=contact,
                      appendix_title=appendix_title, appendix=appendix)
    return replace(base, title=title, doc_number=doc_number, salutation=salutation, paragraphs=paragraphs,
                   headings=headings, attachments=[], closing_agency=closing_agency, closing_date=closing_date,
                   contact=contact, appendix_title=appendix_title, appendix=appendix)


# --- batch screening -----------------------------------------------------------------------------
BATCH_SUFFIXES = (".zip",)
MAX_ZIP_FILES = 5000


class Batches:
    """Batch runs started from the web page: one folder each under ``<data>/batches/<id>/`` with
    ``job.json`` (inputs, state) and the runner's ledger; a run left ``running`` by a restart is
    shown as interrupted and can be resumed (the ledger skips files already screened)."""

    def __init__(self, library: Library, roots: list[Path] | None = None, *, any_folder: bool = True) -> None:
        self.library = library
        self.dir = library.data_dir / "batches"
        self.dir.mkdir(exist_ok=True)
        self.roots = [Path(r).resolve() for r in (roots or [])]
        # With logins (a shared server) and no --batch-root, server folders are off: zip uploads only.
        self.folders_allowed = any_folder or bool(self.roots)
        self._threads: dict[str, threading.Thread] = {}
        self._lock = threading.Lock()

    def start_folder(self, folder: str, user: str) -> str:
        if not self.folders_allowed:
            raise ServiceError("多人使用的服务未指定允许批量审查的目录（启动时用 --batch-root 指定），请上传 zip 压缩包。")
        path = Path(folder).expanduser()
        if not path.is_dir():
            raise ServiceError(f"服务器上找不到文件夹：{folder}")
        if self.roots and not any(_within(path.resolve(), r) for r in self.roots):
            raise ServiceError("该文件夹不在允许批量审查的目录内（启动时用 --batch-root 指定）。")
        return self._start([path.resolve()], user, source=path.name)

    def start_zip(self, name: str, data: bytes, user: str) -> str:
        import zipfile

        _suffix(name, BATCH_SUFFIXES, "压缩包")
        job_id = _job_id()
        target = self.dir / job_id / "files"
        target.mkdir(parents=True)
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                members = [m for m in archive.infolist() if not m.is_dir()]
                if len(members) > MAX_ZIP_FILES:
                    raise ServiceError(f"压缩包“{name}”内文件超过 {MAX_ZIP_FILES} 个。")
                for m in members:
                    parts = [p for p in Path(_zip_name(m)).parts if p not in ("", ".", "..", "/")]
                    if not parts:
                        continue
                    out = target.joinpath(*parts)
                    out.parent.mkdir(parents=True, exist_ok=True)
                    out.write_bytes(archive.read(m))
        except zipfile.BadZipFile:
            raise ServiceError(f"压缩包“{name}”已损坏或不是 zip 文件。") from None
        return self._start([target], user, source=name, job_id=job_id)

    def _start(self, inputs: list[Path], user: str, *, source: str, job_id: str | None = None) -> str:
        import json

        job_id = job_id or _job_id()
        folder = self.dir / job_id
        folder.mkdir(parents=True, exist_ok=True)
        job = {"id": job_id, "inputs": [str(p) for p in inputs], "source": source, "user": user,
               "started": _now(), "state": "running"}
        (folder / "job.json").write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
        self._launch(job_id, resume=False)
        return job_id

    def resume(self, job_id: str) -> None:
        job = self.job(job_id)
        if job["state"] == "running" and job_id in self._threads and self._threads[job_id].is_alive():
            return
        self._write_state(job_id, "running")
        self._launch(job_id, resume=True)

    def _launch(self, job_id: str, *, resume: bool) -> None:
        thread = threading.Thread(target=self._run, args=(job_id, resume), daemon=True, name=f"batch-{job_id}")
        with self._lock:
            self._threads[job_id] = thread
        thread.start()

    def _run(self, job_id: str, resume: bool) -> None:
        job = self.job(job_id)
        try:
            self.library.reviewer().screen_batch([Path(p) for p in job["inputs"]], self.dir / job_id / "out", jobs=1,
                                                 resume=resume, progress=False)
            self._write_state(job_id, "finished")
        except Exception as exc:  # noqa: BLE001 - the page shows the failure, the server goes on
            self._write_state(job_id, "failed", error=f"{type(exc).__name__}：{exc}")

    def _write_state(self, job_id: str, state: str, error: str | None = None) -> None:
        import json

        path = self.dir / job_id / "job.json"
        job = json.loads(path.read_text(encoding="utf-8"))
        job["state"], job["error"] = state, error
        path.write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")

    def job(self, job_id: str) -> dict:
        import json

        if not job_id.isalnum():
            raise ServiceError("没有这个批量审查任务。")
        path = self.dir / job_id / "job.json"
        if not path.exists():
            raise ServiceError("没有这个批量审查任务。")
        job = json.loads(path.read_text(encoding="utf-8"))
        alive = job_id in self._threads and self._threads[job_id].is_alive()
        if job["state"] == "running" and not alive:
            job["state"] = "interrupted"  # the server stopped during the run
        return job

    def jobs(self) -> list[dict]:
        out = []
        for path in sorted(self.dir.glob("*/job.json"), reverse=True):
            try:
                out.append(dict(self.job(path.parent.name), progress=self.progress(path.parent.name)))
            except (ServiceError, ValueError):
                continue
        return out

    def progress(self, job_id: str) -> dict:
        from reviewer.batch.runner import count_files

        job = self.job(job_id)
        out = self.dir / job_id / "out"
        total = count_files([Path(p) for p in job["inputs"]], out)
        done, run_id = 0, None
        ledger = out / "ledger.sqlite"
        if ledger.exists():
            conn = sqlite3.connect(f"file:{ledger}?mode=ro", uri=True, timeout=5)
            try:
                row = conn.execute("SELECT run_id FROM runs ORDER BY rowid DESC LIMIT 1").fetchone()
                if row:
                    run_id = row[0]
                    done = conn.execute("SELECT COUNT(*) FROM files WHERE seen_run=? OR run_id=?",
                                        (run_id, run_id)).fetchone()[0]
            except sqlite3.Error:
                pass
            finally:
                conn.close()
        if job["state"] == "finished":
            done = total
        return {"state": job["state"], "total": total, "done": min(done, total), "error": job.get("error"),
                "run_id": run_id}

    def report(self, job_id: str) -> dict:
        """Rows of the last run: verdict, grounds, counts; for the interactive report."""
        import json

        from reviewer.batch.ledger import Ledger
        from reviewer.detect.findings import CATEGORY_LABELS
        from reviewer.screen.screening import STATUS_LABELS, VERDICT_LABELS

        progress = self.progress(job_id)
        rows = []
        if progress["run_id"]:
            ledger = Ledger(self.dir / job_id / "out")
            try:
                for r in ledger.iter_rows(progress["run_id"]):
                    cats = json.loads(r["categories"] or "{}")
                    rows.append({"rel": r["rel"], "status": r["status"],
                                 "status_label": STATUS_LABELS.get(r["status"], r["status"]),
                                 "verdict": r["verdict"], "verdict_label": VERDICT_LABELS.get(r["verdict"], r["verdict"]),
                                 "grounds": [CATEGORY_LABELS.get(c, c) for c in cats],
                                 "n_findings": r["n_review"] + r["n_withhold"] + r["n_info"],
                                 "n_withhold": r["n_withhold"], "n_review": r["n_review"], "error": r["error"]})
            finally:
                ledger.close()
        return {"job": self.job(job_id), "progress": progress, "rows": rows,
                "verdicts": VERDICT_LABELS, "grounds": sorted({g for r in rows for g in r["grounds"]})}

    def file_view(self, job_id: str, rel: str) -> dict:
        """One file of a run: its masked excerpts with the flagged span marked."""
        import json

        progress = self.progress(job_id)
        conn = sqlite3.connect(f"file:{self.dir / job_id / 'out' / 'ledger.sqlite'}?mode=ro", uri=True, timeout=5)
        try:
            row = conn.execute("SELECT detail, verdict, status, error FROM files WHERE rel=? AND seen_run=?",
                               (rel, progress["run_id"])).fetchone()
        finally:
            conn.close()
        if row is None:
            raise ServiceError(f"本次批量审查中没有文件“{rel}”。")
        detail = json.loads(row[0] or "{}")
        result = detail.get("result", {})
        findings = result.get("findings", [])
        excerpts = []
        for e in detail.get("excerpts", []):
            f = findings[e["i"]] if e.get("i") is not None and e["i"] < len(findings) else {}
            excerpts.append(dict(e, finding=f))
        return {"rel": rel, "verdict": result.get("verdict_label", row[1]), "status": result.get("status_label", row[2]),
                "error": row[3], "excerpts": excerpts, "findings": findings}


def _within(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def _zip_name(info) -> str:
    name = info.filename
    if not info.flag_bits & 0x800:  # not flagged UTF-8: Chinese Windows zips are usually GBK
        try:
            name = name.encode("cp437").decode("gbk")
        except (UnicodeEncodeError, UnicodeDecodeError):
            pass
    return name


def _job_id() -> str:
    return dt.datetime.now().strftime("%Y%m%d%H%M%S") + secrets.token_hex(3)
