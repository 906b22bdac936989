"""Redaction of withheld spans for 部分公开 (第三十七条): a redacted copy and a redaction log.

``redact(text, spans, style)`` with style "block" replaces every withheld character by █ (newlines
kept, so offsets and lengths are preserved) and style "tag" replaces each withheld span by a reason
tag such as ``【第十五条 个人隐私】``. Overlapping spans are merged. The log names span, ground and
article, with a masked preview instead of the original text (unless asked for).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from reviewer.decide.replytypes import DEFAULT_LAW, ground_basis, ground_label

__all__ = ["BLOCK", "STYLES", "Redaction", "RedactionSpan", "mask_preview", "redact"]

BLOCK = "█"
STYLES = ("block", "tag")
_KEEP = {"\n", "\r"}


@dataclass(frozen=True)
class RedactionSpan:
    """A withheld span of the original text: [start, end) with ground category and legal basis."""

    start: int
    end: int
    category: str
    basis: str | None = None


@dataclass
class Redaction:
    """Result of ``redact``: the redacted text, the style and one log entry per redacted span."""

    text: str
    style: str
    log: list[dict[str, Any]] = field(default_factory=list)

    def leaks(self, original: str) -> list[str]:
        """Withheld strings of ``original`` (per log entry) that still occur in the redacted text."""
        found = []
        for entry in self.log:
            piece = original[entry["start"]:entry["end"]]
            if piece.strip() and piece in self.text:
                found.append(piece)
        return found

    def log_lines(self) -> list[str]:
        """Human-readable redaction log (Chinese), one line per span."""
        return [
            f"{n}．第{e['start']}–{e['end']}字符（{e['chars']}字）：{e['label']}，依据{e['basis']}；"
            f"处理为“{e['replacement'] if self.style == 'tag' else BLOCK * min(e['chars'], 6)}”；预览：{e['preview']}"
            for n, e in enumerate(self.log, start=1)
        ]


def mask_preview(piece: str) -> str:
    """Masked preview of a withheld string: first and last character kept when long enough."""
    piece = piece.replace("\n", " ").replace("\r", " ")
    n = len(piece)
    if n <= 1:
        return "*"
    if n <= 3:
        return piece[0] + "*" * (n - 1)
    return piece[0] + "*" * (n - 2) + piece[-1]


def _as_span(item: Any) -> RedactionSpan:
    if isinstance(item, RedactionSpan):
        return item
    if isinstance(item, dict):
        return RedactionSpan(int(item["start"]), int(item["end"]), str(item["category"]), item.get("basis"))
    if isinstance(item, tuple | list):
        if len(item) not in (3, 4):
            raise ValueError(f"脱敏范围应为 (起点, 终点, 类别, 依据)，收到 {item!r}")
        start, end, category, *rest = item
        return RedactionSpan(int(start), int(end), str(category), rest[0] if rest else None)
    if hasattr(item, "start") and hasattr(item, "end") and hasattr(item, "category"):  # e.g. a Finding
        return RedactionSpan(int(item.start), int(item.end), str(item.category), getattr(item, "basis", None))
    raise TypeError(f"无法识别的脱敏范围：{item!r}")


def _short_basis(basis: str) -> str:
    return basis[len(DEFAULT_LAW):] if basis.startswith(DEFAULT_LAW) else basis


def _basis_of(span: RedactionSpan) -> str:
    if span.basis:
        return span.basis
    article = ground_basis(span.category)
    return DEFAULT_LAW + article if article else "【待填写：不予公开的依据】"


def _merge(spans: list[RedactionSpan]) -> list[dict[str, Any]]:
    """Merge overlapping spans (and touching spans of the same ground); keep every ground/basis."""
    merged: list[dict[str, Any]] = []
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        pair = (s.category, _basis_of(s))
        if merged:
            last = merged[-1]
            overlap = s.start < last["end"]
            touching_same = s.start == last["end"] and last["grounds"] == [pair]
            if overlap or touching_same:
                last["end"] = max(last["end"], s.end)
                if pair not in last["grounds"]:
                    last["grounds"].append(pair)
                continue
        merged.append({"start": s.start, "end": s.end, "grounds": [pair]})
    return merged


def _tag(grounds: list[tuple[str, str]]) -> str:
    return "【" + "；".join(f"{_short_basis(b)} {ground_label(c)}" for c, b in grounds) + "】"


def _also_elsewhere(text: str, spans: list[RedactionSpan], min_len: int) -> list[RedactionSpan]:
    """Other occurrences of each withheld string (so a name redacted once does not leak later)."""
    extra: list[RedactionSpan] = []
    for s in spans:
        piece = text[s.start:s.end]
        if len(piece.strip()) < min_len:
            continue
        pos = text.find(piece)
        while pos != -1:
            if pos != s.start:
                extra.append(RedactionSpan(pos, pos + len(piece), s.category, s.basis))
            pos = text.find(piece, pos + 1)
    return extra


def redact(
    text: str,
    spans: Iterable[Any],
    style: str = "block",
    include_text: bool = False,
    repeat: bool = True,
    min_repeat_len: int = 2,
) -> Redaction:
    """Redact ``spans`` of ``text``.

    ``spans``: ``(start, end, category, basis)`` tuples (basis optional), dicts, RedactionSpan or
    Finding objects. ``style``: "block" (█ per character, newlines kept, offsets preserved) or "tag"
    (a reason tag per merged span). ``repeat``: also redact other occurrences of each withheld string
    of at least ``min_repeat_len`` characters (logged with ``"repeat": True``). The log holds start, end,
    category, basis, label, chars, replacement, masked preview (and the original text only when
    ``include_text``); offsets refer to the original text, ``out_start``/``out_end`` to the redacted one.
    """
    if style not in STYLES:
        raise ValueError(f"脱敏方式“{style}”无效，可选：{'、'.join(STYLES)}")
    given = [_as_span(s) for s in spans]
    for s in given:
        if not 0 <= s.start < s.end <= len(text):
            raise ValueError(f"脱敏范围 {s.start}–{s.end} 超出文本长度 {len(text)} 或为空")
    extra = _also_elsewhere(text, given, min_repeat_len) if repeat else []
    given_ranges = [(s.start, s.end) for s in given]
    merged = _merge(given + extra)

    out: list[str] = []
    log: list[dict[str, Any]] = []
    pos = 0
    out_len = 0
    for m in merged:
        start, end = m["start"], m["end"]
        out.append(text[pos:start])
        out_len += start - pos
        piece = text[start:end]
        if style == "block":
            replacement = "".join(ch if ch in _KEEP else BLOCK for ch in piece)
        else:
            replacement = _tag(m["grounds"])
        out.append(replacement)
        entry: dict[str, Any] = {
            "start": start,
            "end": end,
            "out_start": out_len,
            "out_end": out_len + len(replacement),
            "category": "+".join(c for c, _ in m["grounds"]),
            "label": "、".join(dict.fromkeys(ground_label(c) for c, _ in m["grounds"])),
            "basis": "；".join(dict.fromkeys(b for _, b in m["grounds"])),
            "chars": end - start,
            "replacement": replacement if style == "tag" else f"{BLOCK}×{end - start}",
            "preview": mask_preview(piece),
            "repeat": not any(gs < end and start < ge for gs, ge in given_ranges),
        }
        if include_text:
            entry["text"] = piece
        log.append(entry)
        out_len += len(replacement)
        pos = end
    out.append(text[pos:])
    return Redaction(text="".join(out), style=style, log=log)
