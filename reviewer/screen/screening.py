"""Screen one text or file: normalise → segment → detect (rules) → classify → combine → verdict.

A :class:`Screener` loads the rules (and optionally the passage-grounds classifier) once and is
reused for every document; batch workers keep one each.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer.detect.findings import CATEGORIES, CATEGORY_LABELS, SEVERITY_RANK, Finding

VERDICTS = ("clean", "review", "withhold")
VERDICT_LABELS = {"clean": "未发现问题", "review": "需人工审核", "withhold": "建议不予公开或区分处理"}
STATUS_LABELS = {
    "ok": "已审查",
    "unreadable": "无法读取",
    "empty": "空文件",
    "unsupported": "不支持的类型",
    "no_text": "无文本层",
    "too_large": "文件过大",
}
# How much the classifier alone may contribute to a category's probability (noisy-OR weight).
CLASSIFIER_WEIGHT = 0.8
# Length of the passages the classifier reads (characters).
PASSAGE_CHARS = 400


@dataclass
class CategoryScore:
    category: str
    score: float  # probability that the document holds non-disclosable information of this category
    rules: float  # rule-based probability (noisy-OR of review/withhold findings)
    classifier: float | None  # classifier probability for the most suspicious passage, if a model is used
    count: int  # review/withhold findings of this category
    method: str  # Chinese: how rules and classifier were combined
    passage: tuple[int, int] | None = None  # passage the classifier scored highest
    evidence: list[str] = field(default_factory=list)  # classifier's terms

    def to_dict(self) -> dict:
        return {
            "category": self.category,
            "label": CATEGORY_LABELS.get(self.category, self.category),
            "score": round(self.score, 3),
            "rules": round(self.rules, 3),
            "classifier": None if self.classifier is None else round(self.classifier, 3),
            "count": self.count,
            "method": self.method,
            "passage": list(self.passage) if self.passage else None,
            "evidence": self.evidence,
        }


@dataclass
class ScreenResult:
    path: str
    status: str
    error: str | None
    chars: int
    verdict: str
    categories: dict[str, CategoryScore] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    kind: str = "stdin"
    encoding: str | None = None
    sha256: str = ""
    text: str = ""  # the screened (original) text; not serialised

    def to_dict(self, show_values: bool = False) -> dict:
        return {
            "path": self.path,
            "status": self.status,
            "status_label": STATUS_LABELS.get(self.status, self.status),
            "error": self.error,
            "chars": self.chars,
            "verdict": self.verdict,
            "verdict_label": VERDICT_LABELS[self.verdict],
            "categories": {k: v.to_dict() for k, v in self.categories.items()},
            "findings": [f.to_dict(show_values) for f in self.findings],
            "warnings": self.warnings,
            "kind": self.kind,
            "encoding": self.encoding,
            "sha256": self.sha256,
        }


class Screener:
    """Rules (+ optional classifier) compiled once; ``screen_*`` methods are cheap per call."""

    def __init__(self, rules_dir=None, *, grounds_model=None, threshold: float = 0.5):
        from reviewer.detect.recognizers import Detector
        from reviewer.detect.rulebook import load_rules, ruleset_version

        self.rules = load_rules(rules_dir)
        self.detector = Detector(self.rules)
        self.ruleset_version = ruleset_version(rules_dir)
        self.grounds_model = grounds_model
        self.threshold = threshold

    @property
    def model_version(self) -> str | None:
        return getattr(self.grounds_model, "version", None) if self.grounds_model is not None else None

    def screen_text(self, text: str, path: str = "-") -> ScreenResult:
        return self.screen_loaded(loaded_from_text(text, path))

    def screen_path(self, path, max_bytes: int | None = None) -> ScreenResult:
        from reviewer.load.textload import load_path

        loaded = load_path(path) if max_bytes is None else load_path(path, max_bytes=max_bytes)
        return self.screen_loaded(loaded)

    def screen_loaded(self, loaded) -> ScreenResult:
        base = dict(path=loaded.path, kind=loaded.kind, encoding=loaded.encoding, sha256=loaded.sha256)
        if loaded.status != "ok":
            # Never "clean": a file we could not read must be looked at by a person.
            return ScreenResult(status=loaded.status, error=loaded.error, chars=0, verdict="review",
                                warnings=list(loaded.notes), **base)
        text = loaded.text
        analysis = analyse(text, self.detector)
        passages = None
        if self.grounds_model is not None:
            passages = classify_passages(self.grounds_model, analysis.norm.text, analysis.norm, analysis.tokens)
        categories = combine(analysis.findings, passages)
        verdict = decide_verdict(analysis.findings, categories, self.threshold)
        return ScreenResult(status="ok", error=None, chars=len(text), verdict=verdict, categories=categories,
                            findings=analysis.findings, warnings=list(loaded.notes) + analysis.warnings,
                            text=text, **base)


def loaded_from_text(text: str, path: str = "-"):
    """Wrap pasted text as a LoadedText (status ``empty`` when blank)."""
    import hashlib

    from reviewer.load.textload import LoadedText

    data = text.encode("utf-8")
    if not text.strip():
        return LoadedText(path=path, status="empty", error=f"{path}：输入内容为空，未审查。", text="", kind="stdin",
                          encoding="utf-8", size=len(data), sha256=hashlib.sha256(data).hexdigest(), notes=[])
    return LoadedText(path=path, status="ok", error=None, text=text, kind="stdin", encoding="utf-8",
                      size=len(data), sha256=hashlib.sha256(data).hexdigest(), notes=[])


@dataclass
class Analysis:
    norm: object
    tokens: object
    findings: list[Finding]
    warnings: list[str]


def analyse(text: str, detector) -> Analysis:
    """Normalise, segment once and run the rules."""
    from reviewer.text.normalize import normalize
    from reviewer.text.segment import segment

    norm = normalize(text)
    tokens = segment(norm.text)
    detection = detector.detect(text, norm, tokens)
    return Analysis(norm, tokens, detection.findings, detection.warnings)


def split_passages(text: str, size: int = PASSAGE_CHARS) -> list[tuple[int, int]]:
    """Split into passages of about ``size`` characters at paragraph or sentence ends."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            cut = max(text.rfind("\n", start + size // 3, end), text.rfind("。", start + size // 3, end))
            if cut > start:
                end = cut + 1
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    return spans


@dataclass
class PassageScores:
    labels: list[str]
    spans: list[tuple[int, int]]  # in the ORIGINAL text
    probabilities: list[list[float]]
    evidence: dict[str, list[str]]


def classify_passages(model, norm_text: str, norm, tokens=None) -> PassageScores | None:
    """Score each passage with the grounds classifier, reusing the document's segmentation."""
    spans = split_passages(norm_text)
    if not spans:
        return None
    texts = [norm_text[s:e] for s, e in spans]
    if tokens is not None and _accepts_tokens(model):
        proba = model.predict_proba(texts, tokens=_passage_words(spans, tokens))
    elif tokens is not None and _accepts_cache(model):
        proba = model.predict_proba(texts, cache=_passage_token_cache(texts, spans, tokens))
    else:
        proba = model.predict_proba(texts)
    labels = [str(c) for c in model.classes_]
    evidence: dict[str, list[str]] = {}
    for j, label in enumerate(labels):
        best = max(range(len(texts)), key=lambda i: proba[i][j])
        if proba[best][j] >= 0.5 and hasattr(model, "explain"):
            terms = [term for term, _ in model.explain(texts[best], label, k=12)]
            evidence[label] = [t for t in terms if meaningful_term(t)][:6]
    orig_spans = [norm.orig_span(s, e) for s, e in spans]
    return PassageScores(labels, orig_spans, [list(map(float, row)) for row in proba], evidence)


def _accepts_tokens(model) -> bool:
    import inspect

    try:
        return "tokens" in inspect.signature(model.predict_proba).parameters
    except (TypeError, ValueError):
        return False


def _passage_words(spans, tokens, keep_only: bool = False) -> list[list[str]]:
    """Each passage's words (tokens wholly inside it), cut from the document's one segmentation.  The
    predictor ignores words outside its vocabulary, which never holds punctuation or whitespace, so those
    are only dropped when ``keep_only`` (for a vectorizer's token cache)."""
    from bisect import bisect_left, bisect_right

    words = tokens.words
    out = [words[bisect_left(tokens.starts, start):bisect_right(tokens.ends, end)] for start, end in spans]
    if keep_only:
        from reviewer.text.segment import keep_mask

        out = [[w for w, k in zip(ws, keep_mask(ws)) if k] for ws in out]
    return out


def _accepts_cache(model) -> bool:
    import inspect

    try:
        return "cache" in inspect.signature(model.predict_proba).parameters
    except (TypeError, ValueError):
        return False


def _passage_token_cache(texts, spans, tokens):
    """A TokenCache pre-filled with each passage's words, cut from the document's one segmentation
    (the classifier would otherwise segment every passage again)."""
    try:
        from reviewer.model.features import TokenCache
    except ImportError:  # pragma: no cover
        return None

    cache = TokenCache()
    for text, words in zip(texts, _passage_words(spans, tokens, keep_only=True)):
        cache._cache[text] = tuple(words)
    return cache


_FUNCTION_CHARS = set("的了是在和与及或其之为于以对把被将等个号年月日第中上下内外有无不也都就而并要请从向由给让使该此你我您他她它们")


def meaningful_term(term: str) -> bool:
    """Evidence worth showing an officer: not a number, not a lone function character."""
    stripped = term.strip()
    if not stripped or stripped.isdigit() or all(ch in _FUNCTION_CHARS or ch.isdigit() for ch in stripped):
        return False
    return len(stripped) >= 2 or "\u4e00" <= stripped <= "\u9fff"


def combine(findings: list[Finding], passages: PassageScores | None) -> dict[str, CategoryScore]:
    """Per category: noisy-OR over distinct rules (each rule counts once, at its best score: repeating the
    same weak evidence does not make it stronger), then noisy-OR with the weighted classifier probability."""
    result: dict[str, CategoryScore] = {}
    for category in CATEGORIES:
        # Marks such as 工作秘密/内部资料 are shown as findings but are not a ground (ogi-law.md §4.3).
        relevant = [f for f in findings if f.category == category and f.severity != "info"
                    and not f.explanation.get("marking")]
        p_rules = 0.0
        if relevant:
            best: dict[str, float] = {}
            for f in relevant:
                best[f.rule] = max(best.get(f.rule, 0.0), f.score)
            remaining = 1.0
            for score in best.values():
                remaining *= 1.0 - score
            p_rules = 1.0 - remaining
        p_clf = None
        passage = None
        evidence: list[str] = []
        if passages is not None and category in passages.labels:
            j = passages.labels.index(category)
            best = max(range(len(passages.spans)), key=lambda i: passages.probabilities[i][j])
            p_clf = passages.probabilities[best][j]
            passage = passages.spans[best]
            evidence = passages.evidence.get(category, [])
        if p_clf is None:
            score = p_rules
            method = "仅规则（噪声或合并各命中分值）"
        else:
            score = 1.0 - (1.0 - p_rules) * (1.0 - CLASSIFIER_WEIGHT * p_clf)
            method = f"规则与分类器噪声或合并（分类器权重 {CLASSIFIER_WEIGHT:g}）"
        if relevant or (p_clf is not None and p_clf >= 0.2):
            result[category] = CategoryScore(category, score, p_rules, p_clf, len(relevant), method,
                                             passage if p_clf is not None and p_clf >= 0.5 else None, evidence)
    return result


def decide_verdict(findings: list[Finding], categories: dict[str, CategoryScore], threshold: float) -> str:
    """withhold: a withhold-severity finding at or above the threshold; review: any category at or
    above the threshold or a review finding at or above it; clean otherwise.  The classifier alone
    can raise a document to review, never to withhold (it cannot point at a span)."""
    worst = 0
    for f in findings:
        if f.score >= threshold:
            worst = max(worst, SEVERITY_RANK[f.severity])
    if any(c.score >= threshold for c in categories.values()):
        worst = max(worst, SEVERITY_RANK["review"])
    return VERDICTS[worst]
