"""Findings: one flagged span with its legal ground, score, severity and explanation."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

CATEGORIES = (
    "state_secret",
    "law_prohibited",
    "security_stability",
    "trade_secret",
    "privacy",
    "internal_affairs",
    "process_info",
    "enforcement_file",
)

CATEGORY_LABELS = {
    "state_secret": "国家秘密",
    "law_prohibited": "法律行政法规禁止公开",
    "security_stability": "危及“三安全一稳定”",
    "trade_secret": "商业秘密",
    "privacy": "个人隐私",
    "internal_affairs": "内部事务信息",
    "process_info": "过程性信息",
    "enforcement_file": "行政执法案卷",
}

SEVERITIES = ("info", "review", "withhold")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
SEVERITY_LABELS = {"info": "提示", "review": "需人工审核", "withhold": "建议不予公开"}


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
    explanation: dict = field(default_factory=dict)
    source: str = "rule"

    @property
    def is_personal(self) -> bool:
        return self.entity is not None

    def to_dict(self, show_values: bool = False) -> dict:
        data = asdict(self)
        data["score"] = round(self.score, 3)
        data["category_label"] = CATEGORY_LABELS.get(self.category, self.category)
        if self.is_personal and not show_values:
            data["text"] = mask(self.text, self.entity)
        return data


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


def merge_findings(findings: list[Finding]) -> list[Finding]:
    """Merge overlapping findings of the same category into one finding per span.

    The finding with the highest (severity, score) survives; its span grows to the union of the
    overlapping spans when both come from personal-data recognizers of the same entity, and the
    other rules that fired on the span are listed in ``explanation["also"]``.  Findings of
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
    explanation = dict(best.explanation)
    if others:
        explanation["also"] = others
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
