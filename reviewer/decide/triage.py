"""Request triage: which request-level outcome does a request point to?

Two sources, kept apart so the output can say which drove the decision:

* cues from ``rules/triage.yaml`` — explained evidence (cue id, message, matched span);
* the trained triage classifier — a probability for every triage label (optional).

They are combined per outcome: the classifier's probability is raised by the cues' noisy-OR
score (``p + r·(1 − p)·CUE_WEIGHT``) and the result renormalised.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import regex
import yaml

from reviewer.model.corpus import TRIAGE_LABELS  # one definition of the label set
from reviewer.paths import RULES_DIR

CUE_WEIGHT = 0.8
# Used when no classifier is available: most requests are ordinary requests.
PRIOR = {label: (0.6 if label == "ordinary" else 0.05) for label in TRIAGE_LABELS}


class TriageRuleError(ValueError):
    """Bad triage cue file; the Chinese message names the file, cue id and field."""


@dataclass
class Cue:
    id: str
    outcome: str
    weight: float
    message: str
    keywords: list[str]
    patterns: list[regex.Pattern]
    examples_match: list[str]
    examples_no_match: list[str]

    def find(self, text: str) -> list[tuple[int, int, str]]:
        hits = []
        for keyword in self.keywords:
            start = text.find(keyword)
            while start != -1:
                hits.append((start, start + len(keyword), keyword))
                start = text.find(keyword, start + 1)
        for pattern in self.patterns:
            for m in pattern.finditer(text, timeout=1.0):
                if m.end() > m.start():
                    hits.append((m.start(), m.end(), m.group(0)))
        return sorted(hits)


@dataclass
class CueHit:
    cue: str
    outcome: str
    message: str
    start: int
    end: int
    text: str


@dataclass
class TriageResult:
    probabilities: dict[str, float]
    rule_scores: dict[str, float]
    classifier: dict[str, float] | None
    hits: list[CueHit] = field(default_factory=list)
    evidence_terms: list[str] = field(default_factory=list)

    @property
    def top(self) -> str:
        return max(self.probabilities, key=self.probabilities.get)

    def driver(self) -> str:
        """Chinese: what drove the top outcome."""
        top = self.top
        clf_top = max(self.classifier, key=self.classifier.get) if self.classifier else None
        rules = self.rule_scores.get(top, 0.0) > 0
        if self.classifier is None:
            return "规则线索" if rules else "无明显线索，按一般申请处理（未使用分类器）"
        if rules and clf_top == top:
            return "规则线索与分类器一致"
        if rules:
            return "规则线索（分类器倾向不同）"
        return "分类器"

    def to_dict(self) -> dict:
        return {
            "top": self.top,
            "driver": self.driver(),
            "probabilities": {k: round(v, 3) for k, v in sorted(self.probabilities.items(), key=lambda kv: -kv[1])},
            "rules": {k: round(v, 3) for k, v in self.rule_scores.items() if v > 0},
            "classifier": None if self.classifier is None else {k: round(v, 3) for k, v in self.classifier.items()},
            "evidence": [vars(h) for h in self.hits],
            "classifier_terms": self.evidence_terms,
        }


def load_cues(path: Path | None = None) -> list[Cue]:
    path = Path(path) if path else RULES_DIR / "triage.yaml"
    name = path.name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise TriageRuleError(f"{name}：无法读取申请分流规则（{str(exc).splitlines()[0]}）") from None
    if not isinstance(data, dict) or not isinstance(data.get("cues"), list):
        raise TriageRuleError(f"{name}：缺少 cues 列表")
    cues: list[Cue] = []
    seen: set[str] = set()
    for index, raw in enumerate(data["cues"]):
        cue_id = raw.get("id") if isinstance(raw, dict) else None
        where = f"{name} 线索 {cue_id or '#' + str(index + 1)}"
        if not isinstance(raw, dict) or not isinstance(cue_id, str):
            raise TriageRuleError(f"{where}：缺少 id")
        if cue_id in seen:
            raise TriageRuleError(f"{where} 字段 id：重复")
        seen.add(cue_id)
        if raw.get("outcome") not in TRIAGE_LABELS and raw.get("outcome") not in _reply_codes():
            raise TriageRuleError(f"{where} 字段 outcome：未知的答复类型 {raw.get('outcome')!r}")
        weight = raw.get("weight")
        if not isinstance(weight, (int, float)) or not 0 < weight <= 1:
            raise TriageRuleError(f"{where} 字段 weight：应为 0 到 1 之间的数")
        try:
            patterns = [regex.compile(p) for p in raw.get("patterns") or []]
        except regex.error as exc:
            raise TriageRuleError(f"{where} 字段 patterns：正则表达式无法编译（{exc}）") from None
        keywords = list(raw.get("keywords") or [])
        if not keywords and not patterns:
            raise TriageRuleError(f"{where}：至少需要 keywords 或 patterns")
        examples = raw.get("examples") or {}
        if not examples.get("match") or not examples.get("no_match"):
            raise TriageRuleError(f"{where} 字段 examples：需要 match 和 no_match 示例")
        if not raw.get("message"):
            raise TriageRuleError(f"{where} 字段 message：缺少说明")
        cues.append(Cue(cue_id, raw["outcome"], float(weight), raw["message"], keywords, patterns,
                        list(examples["match"]), list(examples["no_match"])))
    return cues


def _reply_codes() -> set[str]:
    from reviewer.decide.replytypes import load_reply_types

    return set(load_reply_types())


def rule_scores(text: str, cues: list[Cue]) -> tuple[dict[str, float], list[CueHit]]:
    remaining = {label: 1.0 for label in TRIAGE_LABELS}
    for cue in cues:
        remaining.setdefault(cue.outcome, 1.0)
    hits: list[CueHit] = []
    for cue in cues:
        found = cue.find(text)
        if found:
            remaining[cue.outcome] *= 1.0 - cue.weight
            start, end, matched = found[0]
            hits.append(CueHit(cue.id, cue.outcome, cue.message, start, end, matched))
    return {label: 1.0 - r for label, r in remaining.items()}, hits


def triage(text: str, cues: list[Cue], model=None) -> TriageResult:
    """Combine cue scores with the classifier (or a prior when there is none)."""
    from reviewer.text.normalize import normalize

    norm = normalize(text).text
    scores, hits = rule_scores(norm, cues)
    classifier = None
    terms: list[str] = []
    if model is not None:
        proba = model.predict_proba([norm])[0]
        classifier = {str(label): float(p) for label, p in zip(model.classes_, proba)}
        base = {label: classifier.get(label, 0.0) for label in TRIAGE_LABELS}
        top = max(classifier, key=classifier.get)
        if hasattr(model, "explain"):
            from reviewer.screen.screening import meaningful_term

            terms = [t for t, _ in model.explain(norm, top, k=12) if meaningful_term(t)][:6]
    else:
        base = dict(PRIOR)
    for label in scores:
        base.setdefault(label, 0.0)  # cue-only outcomes (not learned by the classifier)
    combined = {label: p + scores[label] * (1.0 - p) * CUE_WEIGHT for label, p in base.items()}
    total = sum(combined.values()) or 1.0
    return TriageResult({k: v / total for k, v in combined.items()}, scores, classifier, hits, terms)
