"""Redaction of withheld spans for 部分公开 (第三十七条): a redacted copy and a redaction log.

``redact(text, spans, style)`` with style "block" replaces every withheld character by █ (newlines
kept, so offsets and lengths are preserved) and style "tag" replaces each withheld span by a reason
tag such as ``【第十五条 个人隐私】``. Overlapping spans are merged. The log names span, ground and
article, with a masked preview instead of the original text (unless asked for).

``plan_release(findings, threshold, …)`` decides what a copy released with a 部分公开 letter may be:

* a document marked with a 密级 (国家秘密标志) gets NO copy: the mark is never removed while the rest
  is kept; the document is withheld whole or sent to the 定密机关 for confirmation;
* a document exempt as a whole (整份不予公开 grounds at or above the threshold) gets NO copy: a note
  file says why, never the text;
* otherwise the copy masks every span the letter relies on (severity ``withhold`` at or above the
  threshold) AND every span still needing review (any other flagged span, and passages the
  classifier flags for a separable ground).  Spans pending review are tagged ``【待审核…】`` and
  logged as such: staff confirm or restore them before the copy is released.  Masking rather than
  refusing keeps a usable draft while nothing unresolved can leave the office by mistake.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from reviewer.decide.replytypes import DEFAULT_LAW, ground_basis, ground_label
from reviewer.detect.findings import is_sure

__all__ = ["BLOCK", "STYLES", "ReleasePlan", "Redaction", "RedactionSpan", "mask_preview", "no_copy_note",
           "plan_release", "redact", "redact_for_release"]

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
    pending: bool = False  # masked because it still needs review, not (yet) a ground the letter relies on


@dataclass
class Redaction:
    """Result of ``redact``: the redacted text, the style and one log entry per redacted span."""

    text: str
    style: str
    log: list[dict[str, Any]] = field(default_factory=list)

    def visible_text(self, sep: str = "\x00") -> str:
        """The redacted text with every replacement (█ runs or reason tags) cut out and the pieces
        joined by ``sep``: what is left of the original document."""
        parts, pos = [], 0
        for entry in self.log:
            parts.append(self.text[pos:entry["out_start"]])
            pos = entry["out_end"]
        parts.append(self.text[pos:])
        return sep.join(parts)

    def leaks(self, original: str, pieces: Iterable[str] | None = None) -> list[str]:
        """Withheld strings (per log entry, or ``pieces``) of ``original`` that still occur in the
        redacted text outside the replacements (a reason tag's own words are not a leak)."""
        visible = self.visible_text()
        if pieces is None:
            pieces = [original[entry["start"]:entry["end"]] for entry in self.log]
        return [piece for piece in pieces if piece.strip() and piece in visible]

    def log_lines(self) -> list[str]:
        """Human-readable redaction log (Chinese), one line per span."""
        return [
            f"{n}．第{e['start']}–{e['end']}字符（{e['chars']}字）：{e['label']}"
            f"{'（待审核，暂予遮盖）' if e.get('pending') else ''}，依据{e['basis']}；"
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
        return RedactionSpan(int(item["start"]), int(item["end"]), str(item["category"]), item.get("basis"),
                             bool(item.get("pending", False)))
    if isinstance(item, tuple | list):
        if len(item) not in (3, 4):
            raise ValueError(f"脱敏范围应为 (起点, 终点, 类别, 依据)，收到 {item!r}")
        start, end, category, *rest = item
        return RedactionSpan(int(start), int(end), str(category), rest[0] if rest else None)
    if hasattr(item, "start") and hasattr(item, "end") and hasattr(item, "category"):  # e.g. a Finding
        return RedactionSpan(int(item.start), int(item.end), str(item.category), getattr(item, "basis", None),
                             bool(getattr(item, "pending", False)))
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
        pair = (s.category, _basis_of(s), s.pending)
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


def _tag(grounds: list[tuple[str, str, bool]]) -> str:
    sure = [(c, b) for c, b, pending in grounds if not pending]
    if sure:
        return "【" + "；".join(f"{_short_basis(b)} {ground_label(c)}" for c, b in sure) + "】"
    labels = "、".join(dict.fromkeys(ground_label(c) for c, _, _ in grounds))
    return f"【待审核：{labels}】"


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
                extra.append(RedactionSpan(pos, pos + len(piece), s.category, s.basis, s.pending))
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
            "category": "+".join(dict.fromkeys(c for c, _, _ in m["grounds"])),
            "label": "、".join(dict.fromkeys(ground_label(c) for c, _, _ in m["grounds"])),
            "basis": "；".join(dict.fromkeys(b for _, b, _ in m["grounds"])),
            "pending": all(p for _, _, p in m["grounds"]),
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


# --------------------------------------------------------------------------------------------------
# what a released copy may be


# Grounds that can make a whole document exempt (the decision's DOCUMENT_GROUNDS).
WHOLE_GROUNDS = ("state_secret", "law_prohibited", "security_stability", "internal_affairs", "process_info",
                 "enforcement_file")
SEPARABLE_GROUNDS = ("privacy", "trade_secret")
PENDING_NOTE = ("标为“待审核”的部分尚需工作人员审核：确认属于不予公开的内容后保留遮盖并写明理由，"
                "确认可以公开的予以恢复；审核完成前不得对外提供本副本。")


@dataclass
class ReleasePlan:
    """What may be released of one document: a masked copy (``copy``) or nothing (``reasons`` say why)."""

    copy: bool
    spans: list[RedactionSpan] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)  # Chinese, no document text
    secret_marking: bool = False

    @property
    def pending(self) -> int:
        return sum(1 for s in self.spans if s.pending)


def is_secret_marking(finding: Any) -> bool:
    """A 国家秘密 mark or statement (severity withhold, category state_secret), not a 工作秘密-style mark."""
    explanation = getattr(finding, "explanation", None) or {}
    return (getattr(finding, "category", None) == "state_secret" and getattr(finding, "severity", None) == "withhold"
            and not explanation.get("marking"))


_SENTENCE_END = "。！？；!?;\n"
_CLAUSE_END = "，、,：:"
CLAUSE_MAX = 160


def clause_span(text: str, start: int, end: int, limit: int = CLAUSE_MAX) -> tuple[int, int]:
    """The sentence around ``text[start:end]`` (bounded by 。！？； or a line end), or its clause (also
    bounded by ，、：) when the sentence is longer than ``limit``; never narrower than the span."""

    def bounds(stops: str) -> tuple[int, int]:
        left = max(text.rfind(ch, 0, start) for ch in stops) + 1
        rights = [i for i in (text.find(ch, end) for ch in stops) if i != -1]
        right = min(rights) if rights else len(text)
        while left < start and text[left] in " \t\u3000\r":
            left += 1
        return min(left, start), max(right, end)

    left, right = bounds(_SENTENCE_END)
    if right - left > limit:
        left, right = bounds(_SENTENCE_END + _CLAUSE_END)
    return left, right


def plan_release(findings: Iterable[Any], threshold: float = 0.5, *, whole_grounds: Iterable[str] = (),
                 passages: Iterable[tuple[int, int, str]] = (), text: str | None = None) -> ReleasePlan:
    """Decide what may be released of a document (see the module docstring).

    ``findings``: the document's findings (severity, score, category, basis, start, end).
    ``whole_grounds``: grounds on which the whole document is (probably) exempt — no copy then.
    ``passages``: (start, end, category) passages a classifier flags for a separable ground; masked as
    pending review.  ``text``: when given, a finding that is a cue word rather than a value (no personal
    data entity: "住院治疗", "月收入") is widened to its sentence or clause, so the facts it points at
    ("患有慢性肾病") are masked with it."""
    from reviewer.decide.replytypes import ground_basis

    findings = list(findings)
    if any(is_secret_marking(f) for f in findings):
        return ReleasePlan(False, reasons=[
            "文件标有密级或被表述为国家秘密：不得去掉密级标志而公开其余部分。应整份不予公开"
            "（条例第十四条），或送定密机关确认是否已解密、能否公开（条例第十七条、保守国家秘密法）。"],
            secret_marking=True)
    whole = list(dict.fromkeys(whole_grounds))
    if whole:
        reasons = []
        for ground in whole:
            article = ground_basis(ground)
            reasons.append(f"可能整份属于{ground_label(ground)}" + (f"（条例{article}）" if article else "")
                           + "，不能通过遮盖部分内容公开。")
        reasons.append("未生成可公开的遮盖副本；请工作人员审核后决定整份不予公开或另行处理。")
        return ReleasePlan(False, reasons=reasons)
    spans: list[RedactionSpan] = []
    for f in findings:
        if f.severity == "info" or not f.start < f.end:
            continue
        sure = is_sure(f, threshold)
        start, end = int(f.start), int(f.end)
        basis = getattr(f, "basis", None) or None
        # The flagged text itself (its other occurrences are masked too) ...
        spans.append(RedactionSpan(start, end, str(f.category), basis, pending=not sure))
        if text is not None and getattr(f, "entity", None) is None:
            # ... and, for a cue word, the sentence or clause it sits in.
            wide = clause_span(text, start, end)
            if wide != (start, end):
                spans.append(RedactionSpan(wide[0], wide[1], str(f.category), basis, pending=not sure))
    for start, end, category in passages:
        if start < end:
            spans.append(RedactionSpan(int(start), int(end), str(category), None, pending=True))
    return ReleasePlan(True, spans=spans)


def classifier_passages(categories: dict | None, threshold: float) -> list[tuple[int, int, str]]:
    """Passages a classifier flags at or above ``threshold`` for a separable ground (privacy, trade secret)
    for which no rule points at a span (when rules found spans of that ground, those spans are masked)."""
    found = []
    for category, score in (categories or {}).items():
        passage = getattr(score, "passage", None)
        if category in SEPARABLE_GROUNDS and passage and score.score >= threshold and not getattr(score, "count", 0):
            found.append((int(passage[0]), int(passage[1]), category))
    return found


def whole_document_grounds(findings: Iterable[Any], categories: dict | None, threshold: float) -> list[str]:
    """Grounds on which a screened document may be exempt as a whole: a whole-document category whose
    score is at or above ``threshold`` (as the decision's document view computes it)."""
    findings = list(findings)
    grounds = []
    for category, score in (categories or {}).items():
        if category not in WHOLE_GROUNDS:
            continue
        p = score.score
        if category == "state_secret":  # 工作秘密/内部资料 marks are no ground by themselves
            marked = [f.score for f in findings if is_secret_marking(f)]
            p = max([*marked, 0.0, (score.classifier or 0.0) * 0.8])
        if p >= threshold:
            grounds.append(category)
    return grounds


def redact_for_release(text: str, plan: ReleasePlan, style: str = "tag", visible_end: int | None = None) -> Redaction:
    """The masked copy for a plan that allows one (raises ValueError otherwise).  ``visible_end``: where
    the hidden parts the loader appended (批注, 修订删除的文字, 文档属性 …) begin; they are screened but
    never part of a released copy, so the copy stops there (their spans still mask repeats above)."""
    if not plan.copy:
        raise ValueError("该文件不得生成可公开的遮盖副本：" + "".join(plan.reasons))
    red = redact(text, plan.spans, style=style)
    if visible_end is None or visible_end >= len(text):
        return red
    shift = 0
    kept = []
    for entry in red.log:
        if entry["start"] >= visible_end:
            break
        if entry["end"] > visible_end:  # a span running into the hidden parts: cut after its replacement
            kept.append(entry)
            return Redaction(red.text[:entry["out_end"]].rstrip(), red.style, kept)
        kept.append(entry)
        shift = entry["out_end"] - entry["end"]
    return Redaction(red.text[:visible_end + shift].rstrip() + "\n", red.style, kept)


def no_copy_note(name: str, plan: ReleasePlan) -> str:
    """The note written instead of a copy (Chinese; never the document's text)."""
    lines = [f"《{name}》未生成遮盖副本。", ""]
    lines.extend(f"• {reason}" for reason in plan.reasons)
    lines += ["", "本说明不含原文内容。请勿以原文件代替遮盖副本对外提供。"]
    return "\n".join(lines) + "\n"
