"""Shared loader for the real development cases (``shared/dev/``), used by the dev benchmarks and tests.

The folder is found at ``$REVIEWER_DEV_DIR`` or ``<repo>/../shared/dev``; every loader returns
``None`` when it is absent, so callers can skip cleanly.  The cases are real public texts: read
them for evaluation only and never write their text anywhere (print ids, codes and numbers).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from reviewer.vocab import DEV_DOC_CATEGORIES, TRIAGE_LABELS

REPO_DIR = Path(__file__).resolve().parent.parent
DEV_ENV = "REVIEWER_DEV_DIR"

# Categories a document snippet may be labelled with (besides ``clean``).
DOC_CATEGORIES = DEV_DOC_CATEGORIES

# Reply codes that can be read from the request text itself (shared/dev/README.md): 信访举报投诉, 咨询,
# 加工分析, 公开出版物, 特别规定, 非政府信息, 确认, 更正, and requests for 他人信息/会议纪要/请示/人事/案卷.
REQUEST_DETERMINABLE = (
    *(label for label in TRIAGE_LABELS if label != "ordinary"),
    "withhold.third_party",
    "withhold.process_info",
    "withhold.internal_affairs",
    "withhold.enforcement_file",
)


def dev_dir() -> Path | None:
    """The development-case folder, or None when it is not there."""
    env = os.environ.get(DEV_ENV, "").strip()
    path = Path(env) if env else REPO_DIR.parent / "shared" / "dev"
    return path if path.is_dir() else None


def _read_jsonl(name: str, base: Path | None) -> list[dict] | None:
    base = base if base is not None else dev_dir()
    if base is None:
        return None
    path = Path(base) / name
    if not path.is_file():
        return None
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                rows.append(json.loads(line))
    return rows


def load_documents(base: Path | None = None) -> list[dict] | None:
    """Rows of ``documents.jsonl`` (id, source, text, labels, spans, notes), or None."""
    return _read_jsonl("documents.jsonl", base)


def load_replies(base: Path | None = None) -> list[dict] | None:
    """Rows of ``replies.jsonl`` (id, request, reply_type, alt_reply_types, …), or None."""
    return _read_jsonl("replies.jsonl", base)


def reply_types_path(base: Path | None = None) -> Path | None:
    """``shared/domain/reply-types.yaml`` next to the dev folder, or None."""
    base = base if base is not None else dev_dir()
    if base is None:
        return None
    path = Path(base).parent / "domain" / "reply-types.yaml"
    return path if path.is_file() else None


def base_code(code: str) -> str:
    """Strip a sub-type suffix: ``unavailable.not_held:not_exist`` → ``unavailable.not_held``."""
    return code.split(":", 1)[0].strip()


def accepted_codes(case: dict) -> set[str]:
    """The true reply type and every alternative a careful reader could defend."""
    codes = {base_code(case["reply_type"])}
    codes.update(base_code(c) for c in case.get("alt_reply_types") or [])
    return codes


def describe_error(exc: BaseException) -> str:
    """Exception type and where it was raised (file:line) — never its message, which may quote case text."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return type(exc).__name__
    last = frames[-1]
    return f"{type(exc).__name__} @ {Path(last.filename).name}:{last.lineno}"


def has_request(case: dict) -> bool:
    request = case.get("request")
    return isinstance(request, str) and bool(request.strip())


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        if self.tp + self.fp + self.fn == 0:
            return None
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)


def fmt_ratio(value: float | None) -> str:
    return "  —  " if value is None else f"{value:5.3f}"
