"""Findings: one flagged span with its legal ground, score, severity and explanation."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from reviewer.vocab import CATEGORIES, CATEGORY_LABELS, SEVERITIES, SEVERITY_LABELS, SEVERITY_RANK  # noqa: F401


@dataclass
class ValidatorResult:
    """What a validator (checksum, name shape …) said about the matched text."""

    name: str
    valid: bool | None
    note: str


@dataclass
class Explanation:
    """Why a finding was reported: the rule's own score, what raised or lowered it, what matched.

    ``to_dict()`` keeps the JSON keys of the former loose dict (``pattern``, ``message``, ``summary``, and
    ``marking``/``position``/``validator``/``context``/``also`` when set) and adds ``original_score`` and
    ``context_boost``.  ``get(key)`` reads the same keys, so callers written against the dict keep working.
    """

    pattern: str = ""
    message: str = ""
    original_score: float | None = None  # the rule's score before validator, position and context
    context_boost: float = 0.0  # what nearby context words added
    validator: ValidatorResult | None = None
    context: list[str] = field(default_factory=list)  # context words seen near the hit
    position: str | None = None  # where a head-of-document mark was found
    marking: bool = False  # a mark (工作秘密/内部资料 …) that needs a real ground, is not one
    also: list[str] = field(default_factory=list)  # other rules merged into this finding
    rule_severity: str | None = None  # the rule's severity when the screen settled it lower (below threshold)
    demoted_by: list[str] = field(default_factory=list)  # words near the hit that lowered its severity (demote)
    location: str | None = None  # a hidden part the hit sits in (批注, 修订删除的文字, 文档属性 …)
    summary: str = ""

    def to_dict(self) -> dict:
        data: dict = {"pattern": self.pattern, "message": self.message, "original_score": self.original_score,
                      "context_boost": round(self.context_boost, 4)}
        if self.marking:
            data["marking"] = True
        if self.position is not None:
            data["position"] = self.position
        if self.validator is not None:
            data["validator"] = asdict(self.validator)
        if self.context:
            data["context"] = list(self.context)
        if self.also:
            data["also"] = list(self.also)
        if self.rule_severity is not None:
            data["rule_severity"] = self.rule_severity
        if self.demoted_by:
            data["demoted_by"] = list(self.demoted_by)
        if self.location is not None:
            data["location"] = self.location
        data["summary"] = self.summary
        return data

    def get(self, key: str, default=None):
        return self.to_dict().get(key, default)


@dataclass
class Finding:
    rule: str
    name: str
    category: str
    basis: str
    start: int
    end: int
    text: str
    score: float
    severity: str
    entity: str | None = None
    explanation: Explanation = field(default_factory=Explanation)
    source: str = "rule"

    @property
    def is_personal(self) -> bool:
        return self.entity is not None

    def to_dict(self, show_values: bool = False) -> dict:
        # The fields in declaration order, as ``asdict`` gives them (without deep-copying the explanation,
        # which is replaced by its own dict anyway).
        data = {"rule": self.rule, "name": self.name, "category": self.category, "basis": self.basis,
                "start": self.start, "end": self.end, "text": self.text, "score": self.score,
                "severity": self.severity, "entity": self.entity}
        data["explanation"] = self.explanation.to_dict()
        data["source"] = self.source
        data["score"] = round(self.score, 3)
        data["category_label"] = CATEGORY_LABELS.get(self.category, self.category)
        if self.is_personal and not show_values:
            data["text"] = mask(self.text, self.entity)
        return data


def is_sure(finding, threshold: float) -> bool:
    """Withheld for sure, so a letter may rely on it: severity withhold at or above ``threshold`` (any finding object
    with ``severity`` and ``score``).  Any other finding that is not info is masked pending review."""
    return finding.severity == "withhold" and finding.score >= threshold


def mask(value: str, entity: str | None) -> str:
    """Mask personal data for display: keep just enough to locate it in the document."""
    if not value:
        return value
    if entity == "person_name":
        return value[0] + "*" * (len(value) - 1)
    if entity in {"address"}:
        keep = min(6, max(1, len(value) // 3))
        return value[:keep] + "*" * (len(value) - keep)
    if entity == "email":
        local, _, domain = value.partition("@")
        return (local[:1] + "***@" + domain) if domain else "*" * len(value)
    if len(value) <= 4:
        return "*" * len(value)
    if any(ch.isdigit() for ch in value):
        return value[:3] + "*" * (len(value) - 5) + value[-2:]
    keep = 1 if len(value) < 8 else 2
    return value[:keep] + "*" * (len(value) - keep)


def masked_context(text: str, finding: Finding, findings: list[Finding], show_values: bool = False,
                   width: int = 15) -> str:
    """The words around a finding so an officer can judge it even when the hit itself is masked: up to
    ``width`` characters either side, the hit in 【】, every personal-data span in the window masked (unless
    ``show_values``), line breaks shown as spaces."""
    if not text:
        return ""
    lo, hi = max(0, finding.start - width), min(len(text), finding.end + width)
    chars = list(text[lo:hi])
    if not show_values:
        for other in findings:
            if other.is_personal and other.end > lo and other.start < hi:
                masked = mask(text[other.start:other.end], other.entity)
                for i, ch in enumerate(masked):
                    if lo <= other.start + i < hi:
                        chars[other.start + i - lo] = ch
    window = "".join(chars)
    before, hit, after = window[:finding.start - lo], window[finding.start - lo:finding.end - lo], window[finding.end - lo:]
    return (("…" if lo > 0 else "") + _flat(before) + "【" + _flat(hit) + "】" + _flat(after)
            + ("…" if hi < len(text) else ""))


def _flat(part: str) -> str:
    return " ".join(part.split())


def merge_findings(findings: list[Finding]) -> list[Finding]:
    """Merge overlapping findings of the same category into one finding per span.

    The finding with the highest (severity, score) survives; its span grows to the union of the
    overlapping spans when both come from personal-data recognizers of the same entity, and the
    other rules that fired on the span are listed in ``explanation.also``.  Findings of
    different categories on the same span are all kept: each is a separate ground.
    """
    by_category: dict[str, list[Finding]] = {}
    for f in findings:
        by_category.setdefault(f.category, []).append(f)
    merged: list[Finding] = []
    for group in by_category.values():
        group.sort(key=lambda f: (f.start, -f.end))
        current: list[Finding] = []
        cur_end = -1
        for f in group:
            if current and f.start < cur_end:
                current.append(f)
                cur_end = max(cur_end, f.end)
            else:
                if current:
                    merged.append(_merge_cluster(current))
                current = [f]
                cur_end = f.end
        if current:
            merged.append(_merge_cluster(current))
    merged.sort(key=lambda f: (f.start, f.end, f.category))
    return merged


def _merge_cluster(cluster: list[Finding]) -> Finding:
    if len(cluster) == 1:
        return cluster[0]
    best = max(cluster, key=lambda f: (SEVERITY_RANK[f.severity], f.score, f.end - f.start))
    others = sorted({f.rule for f in cluster if f.rule != best.rule})
    explanation = replace(best.explanation, also=others) if others else best.explanation
    return Finding(
        rule=best.rule,
        name=best.name,
        category=best.category,
        basis=best.basis,
        start=best.start,
        end=best.end,
        text=best.text,
        score=max(f.score for f in cluster),
        severity=best.severity,
        entity=best.entity,
        explanation=explanation,
        source=best.source,
    )
