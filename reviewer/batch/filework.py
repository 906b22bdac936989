"""The per-file work of a batch run: what a worker is told (:class:`FileTask`, :class:`WorkerConfig`), how it
builds its screener, screens one file into a ledger payload, and how a file that could not be screened is
recorded.  Runs in a worker process, or in-process with ``jobs=1`` (:class:`_InProcess`, SIGALRM time limit)."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from reviewer.batch.ledger import VERDICT_RANK, now_iso
from reviewer.batch.report_files import jsonl_object, write_redacted

# Test hooks (honoured by workers): sleep this long before screening a file whose name contains
# REVIEWER_TEST_SLOW_FILE_MATCH (every file when unset).
SLOW_ENV = "REVIEWER_TEST_SLOW_FILE_SECONDS"


SLOW_MATCH_ENV = "REVIEWER_TEST_SLOW_FILE_MATCH"


@dataclass(frozen=True)
class FileTask:
    path: str  # absolute
    rel: str  # relative to its input root (prefixed with the root's name when several inputs)
    root: str  # absolute input root


@dataclass(frozen=True)
class WorkerConfig:
    """Everything a worker needs (picklable)."""

    out_dir: str
    rules_dir: str | None
    use_model: bool
    model_dir: str | None
    threshold: float
    max_bytes: int
    redact: bool
    run_id: str


def sha256_file(path: str) -> str:
    """SHA-256 of a file's bytes, streamed ("" when it cannot be read)."""
    from reviewer.load.textload import file_sha256

    return file_sha256(Path(path))


def load_grounds_model(model_dir: str | None):
    """(grounds_model or None, model version or None, Chinese note or None), via :mod:`reviewer.model.loader`
    (the newest office-trained model, else the default built from corpora/); rules only when unavailable."""
    from reviewer.model.loader import load_models

    models, warning = load_models(Path(model_dir) if model_dir else None, names=("grounds",))
    if models is None or models.grounds is None:
        return None, None, warning or "分类器不可用，本次仅使用规则审查。"
    return models.grounds, str(models.version), None


def build_screener(config: WorkerConfig):
    """(Screener, facts) with facts = {"ruleset_version", "model_version", "note"}; warmed up
    (jieba loaded).  The model version is the grounds model's ``version`` or its card's."""
    from reviewer.screen.screening import Screener

    grounds, model_version, note = None, None, None
    if config.use_model:
        grounds, model_version, note = load_grounds_model(config.model_dir)
    screener = Screener(config.rules_dir, grounds_model=grounds, threshold=config.threshold)
    try:
        screener.screen_text("预热：加载分词词典。申请人要求公开会议纪要。")
    except Exception as exc:  # noqa: BLE001 - a model the core cannot use must not stop the batch
        if grounds is None:
            raise
        note = f"分类器无法用于审查（{type(exc).__name__}: {exc}），本次仅使用规则审查。"
        grounds, model_version = None, None
        screener = Screener(config.rules_dir, threshold=config.threshold)
        screener.screen_text("预热：加载分词词典。")
    return screener, {"ruleset_version": screener.ruleset_version, "model_version": model_version, "note": note}


def _test_slowdown(path: str) -> None:
    seconds = os.environ.get(SLOW_ENV)
    if not seconds:
        return
    match = os.environ.get(SLOW_MATCH_ENV)
    if match and match not in os.path.basename(path):
        return
    time.sleep(float(seconds))


def _suffix_kind(path: str) -> str:
    suffix = Path(path).suffix.lower()
    return {".txt": "txt", ".md": "txt", ".csv": "txt", ".text": "txt", ".docx": "docx", ".pdf": "pdf",
            ".html": "html", ".htm": "html"}.get(suffix, "unknown")


def failure_payload(task: FileTask, status: str, error: str, config: WorkerConfig, ruleset_version: str,
                    model_version: str | None, elapsed: float = 0.0) -> dict:
    """Payload for a file that was not screened (timeout, worker error)."""
    from reviewer.batch.report_files import STATUS_LABELS, VERDICT_LABELS

    result = {
        "path": task.path, "status": status, "status_label": STATUS_LABELS.get(status, status), "error": error,
        "chars": 0, "verdict": "review", "verdict_label": VERDICT_LABELS["review"], "categories": {},
        "findings": [], "warnings": [], "kind": _suffix_kind(task.path), "encoding": None,
        "sha256": sha256_file(task.path),
    }
    return _payload(task, result, [], None, config, ruleset_version, model_version, elapsed)


def _payload(task: FileTask, result: dict, excerpts: list, redaction: dict | None, config: WorkerConfig,
             ruleset_version: str, model_version: str | None, elapsed: float) -> dict:
    from reviewer.load.common import shown_all

    # Names that are not valid UTF-8 (GBK archives) are stored and reported escaped, never crash the run.
    result, excerpts, redaction = shown_all(result), shown_all(excerpts), shown_all(redaction)
    task = FileTask(task.path, shown_all(task.rel), task.root)
    findings = result["findings"]
    severities = Counter(f["severity"] for f in findings)
    # Marks such as 工作秘密/内部资料 are findings to look at, not grounds (ogi-law.md §4.3).
    categories: Counter[str] = Counter(f["category"] for f in findings
                                       if f["severity"] != "info" and not f["explanation"].get("marking"))
    top_rules = Counter(f["rule"] for f in findings).most_common(3)
    detail = {"result": result, "excerpts": excerpts}
    if redaction:
        detail["redaction"] = redaction
    screened_at = now_iso()
    line = json.dumps(jsonl_object(result, rel=task.rel, run_id=config.run_id, screened_at=screened_at,
                                   ruleset_version=ruleset_version, model_version=model_version,
                                   redacted_copy=redaction.get("copy") if redaction else None), ensure_ascii=False)
    return {
        "path": task.path, "rel": task.rel, "root": task.root, "sha256": result.get("sha256") or "",
        "status": result["status"], "verdict": result["verdict"], "verdict_rank": VERDICT_RANK[result["verdict"]],
        # An "ok" file with parts not read or not checked shows them where errors go (results.csv, report).
        "error": result.get("error") or ("；".join(result.get("incomplete") or []) or None), "n_info": severities.get("info", 0), "n_review": severities.get("review", 0),
        "n_withhold": severities.get("withhold", 0), "categories": json.dumps(dict(categories), ensure_ascii=False),
        "top_rules": json.dumps(top_rules), "ruleset_version": ruleset_version, "model_version": model_version or "",
        "threshold": config.threshold, "redacted": 1 if redaction else 0, "elapsed": round(elapsed, 4),
        "detail": json.dumps(detail, ensure_ascii=False), "screened_at": screened_at, "run_id": config.run_id,
        "seen_run": config.run_id, "jsonl": line,
    }


def screen_file(screener, task: FileTask, config: WorkerConfig, facts: dict) -> dict:
    """Screen one file and return its ledger payload (masked result, excerpts, counts; redacted
    copy written when asked).  Never raises for a bad file: an unexpected error becomes status
    ``error``."""
    from reviewer.batch.report_html import make_excerpts

    started = time.perf_counter()
    if os.path.isdir(task.path):  # a folder the walk could not list
        return failure_payload(task, "unreadable", f"{Path(task.path).name}：无法列出该文件夹的内容（权限不足或已损坏），"
                               "其中的文件未审查。", config, facts["ruleset_version"], facts["model_version"])
    try:
        _test_slowdown(task.path)
        result = screener.screen_path(task.path, max_bytes=config.max_bytes)
        data = result.to_dict()  # personal data masked
        excerpts = make_excerpts(result.text, result.findings) if result.findings else []
        redaction = None
        if config.redact:
            findings = result.findings if result.status == "ok" else []
            try:
                redaction = write_redacted(Path(config.out_dir), task.rel, result.text, findings, config.threshold,
                                           categories=result.categories if result.status == "ok" else None,
                                           sections=result.sections)
            except (OSError, ValueError) as exc:  # the screening result stands; the copy is missing
                data["warnings"].append(f"未能生成脱敏副本（{type(exc).__name__}: {exc}），请人工处理。")
            if redaction is not None and not (redaction["copy"] or redaction["note"]) and result.status != "ok":
                redaction = None
    except _FileTimeout:
        raise
    except Exception as exc:  # noqa: BLE001 - a bug on one file must not stop the batch
        message = f"{Path(task.path).name}：审查时出错（{type(exc).__name__}: {exc}），未审查。"
        return failure_payload(task, "error", message, config, facts["ruleset_version"], facts["model_version"],
                               time.perf_counter() - started)
    return _payload(task, data, excerpts, redaction, config, facts["ruleset_version"], facts["model_version"],
                    time.perf_counter() - started)


class _FileTimeout(Exception):
    pass


def screen_path_with_timeout(screener, path, max_bytes: int, timeout: float | None):
    """``screener.screen_path`` with a per-file time limit (SIGALRM, main thread only; no limit elsewhere
    or when ``timeout`` is None).  A file over the limit comes back ``timeout`` / ``review``, never clean."""
    if not timeout or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return screener.screen_path(path, max_bytes=max_bytes)
    from reviewer.load.common import shown
    from reviewer.screen.screening import ScreenResult

    def on_alarm(signum, frame):
        raise _FileTimeout

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return screener.screen_path(path, max_bytes=max_bytes)
    except _FileTimeout:
        name = shown(Path(path).name)
        return ScreenResult(path=shown(str(path)), status="timeout", error=f"{name}：处理超时（>{timeout:g} 秒），未审查。",
                            chars=0, verdict="review", kind=_suffix_kind(str(path)))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


class _InProcess:
    """jobs=1: screen in this process; the per-file timeout uses SIGALRM where available."""

    def __init__(self, screener, config: WorkerConfig, timeout: float, facts: dict):
        self.screener = screener
        self.facts = facts
        self.config = config
        self.timeout = timeout
        self.alarm = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        self.active = False

    def _on_alarm(self, signum, frame) -> None:
        if self.active:
            raise _FileTimeout

    def screen(self, task: FileTask) -> dict:
        if not self.alarm:
            return screen_file(self.screener, task, self.config, self.facts)
        previous = signal.signal(signal.SIGALRM, self._on_alarm)
        self.active = True
        signal.setitimer(signal.ITIMER_REAL, self.timeout)
        try:
            payload = screen_file(self.screener, task, self.config, self.facts)
            self.active = False
            return payload
        except _FileTimeout:
            return failure_payload(task, "timeout", f"{Path(task.path).name}：处理超时（>{self.timeout:g} 秒），未审查。",
                                   self.config, self.facts["ruleset_version"], self.facts["model_version"],
                                   self.timeout)
        finally:
            self.active = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
