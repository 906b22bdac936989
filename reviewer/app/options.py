"""Option checks shared by every front end (CLI, web page, batch): one place, Chinese messages.

Each ``check_*`` returns the cleaned value or raises :class:`OptionError`; the CLI prints the
message as ``错误：…`` and exits with code 2.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reviewer.vocab import CHANNELS, DECISION_STAGES, FAIL_ON, PROCEDURES, THIRD_PARTY_OPINIONS

REVIEW_FORMATS = ("text", "json", "markdown")
FORM_SUFFIXES = (".yaml", ".yml", ".json")
MAX_PASTE_BYTES = 5 * 1024 * 1024


class OptionError(ValueError):
    """An option value the user must correct (Chinese message naming the option)."""


def check_choice(value: str | None, choices: tuple[str, ...], what: str, *, sep: str = "、") -> str | None:
    if value is not None and value not in choices:
        raise OptionError(f"{what}{value}（可选：{sep.join(choices)}）")
    return value


def check_format(fmt: str, formats: tuple[str, ...] = REVIEW_FORMATS) -> str:
    return check_choice(fmt, formats, "未知的输出格式：")


def check_channel(channel: str | None) -> str | None:
    return check_choice(channel, CHANNELS, "未知的申请方式：")


def check_stage(stage: str | None) -> str | None:
    if stage is not None and stage not in DECISION_STAGES:
        raise OptionError("--stage 只能是 pending 或 decided")
    return stage


def check_procedure(procedure: str | None) -> str | None:
    if procedure is not None and procedure not in PROCEDURES:
        raise OptionError(f"--procedure 只能是：{'、'.join(PROCEDURES)}")
    return procedure


def check_third_party(opinion: str | None) -> str | None:
    if opinion is not None and opinion not in THIRD_PARTY_OPINIONS:
        raise OptionError("--third-party 只能是：agree（第三方同意公开）、object（不同意且有理由）、none（逾期未答复）")
    return opinion


def check_fail_on(fail_on: str) -> str:
    if fail_on not in FAIL_ON:
        raise OptionError("--fail-on 只能是 review 或 withhold")
    return fail_on


def check_threshold(threshold: float) -> float:
    if not 0.0 <= float(threshold) <= 1.0:
        raise OptionError(f"分值阈值应在 0 到 1 之间（收到 {threshold}）")
    return float(threshold)


def check_docs(docs) -> list[Path]:
    paths = [Path(d) for d in docs or []]
    for doc in paths:
        if not doc.exists():
            raise OptionError(f"找不到候选文件：{doc}")
    return paths


def check_date(value: str | dt.date | None, option: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise OptionError(f"{option} 日期格式错误：{value}（应为 YYYY-MM-DD，如 2026-11-20）") from None


def is_form_path(file: str | Path | None) -> bool:
    """A request given as a form (.yaml/.yml/.json) rather than as text."""
    return bool(file) and str(file) != "-" and Path(file).suffix.lower() in FORM_SUFFIXES


def read_request_text(file: str | Path | None, stdin=None, prompt=None) -> str:
    """The request text from a file, or from ``stdin`` (a binary stream) when ``file`` is None or ``-``."""
    from reviewer.load.textload import load_bytes, load_path

    if file not in (None, "-"):
        path = Path(file)
        if not path.exists():
            raise OptionError(f"找不到申请文件：{file}")
        loaded = load_path(path, max_bytes=MAX_PASTE_BYTES)
        if loaded.status != "ok":
            raise OptionError(loaded.error or f"{path.name}：无法读取")
        return loaded.text
    if prompt is not None:
        prompt()
    raw = stdin.read(MAX_PASTE_BYTES + 1) if stdin is not None else b""
    name = "粘贴的申请"
    if len(raw) > MAX_PASTE_BYTES:
        raise OptionError(f"{name}超过 {MAX_PASTE_BYTES // 1024 // 1024} MB，请确认粘贴内容是否为申请本身。")
    loaded = load_bytes(raw, name + ".txt")
    if loaded.status != "ok":
        raise OptionError(loaded.error or f"{name}为空")
    return loaded.text
