"""Screen one text or file: normalise → segment → detect (rules) → classify → combine → verdict.

A :class:`Screener` loads the rules (and optionally the passage-grounds classifier) once and is
reused for every document; batch workers keep one each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reviewer.detect.findings import CATEGORIES, CATEGORY_LABELS, SEVERITY_RANK, Finding
from reviewer.detect.recognizers import RECORD_KIND_GROUNDS, marked_for_publication
from reviewer.vocab import SCREEN_STATUS_LABELS as STATUS_LABELS  # noqa: E402
from reviewer.vocab import VERDICT_LABELS, VERDICTS  # noqa: E402, F401

# How much the classifier alone may contribute to a category's probability (noisy-OR weight).
CLASSIFIER_WEIGHT = 0.8
# The classifier may not establish a state secret alone, when no rule finding of it reaches the threshold: a
# state secret exists only when lawfully classified and marked (保密法第十七、二十二条; a mark, a 密级 field, a
# classification statement or secret content such as military positions is found by the rules).  The combined
# score then stays just below the threshold (the classifier still shows, and still adds to a real mark).
# (Privacy is not limited the same way for pseudonymised text: published sources pseudonymise the documents
# they quote, and the document at issue holds the real names.)
UNSUPPORTED_MARGIN = 0.01
# A finding of severity ``withhold`` counts as withhold only at this score or above; below it, review: a file
# whose findings are only low-score ones is never 建议不予公开 (e.g. a 密级 mark outside the document head, 0.55;
# sensitive-data keywords such as 病史/前科 score 0.6 and stay withhold).
WITHHOLD_MIN_SCORE = 0.6
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
    incomplete: list[str] = field(default_factory=list)  # parts not read or not checked (→ never clean)
    sections: list[list] = field(default_factory=list)  # hidden parts [start, end, label] (comments, metadata …)
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
            "findings": [self._finding_dict(f, show_values) for f in self.findings],
            "warnings": self.warnings,
            "kind": self.kind,
            "encoding": self.encoding,
            "sha256": self.sha256,
            "incomplete": self.incomplete,
            "hidden_parts": [{"start": a, "end": b, "label": label} for a, b, label in self.sections],
        }


    def _finding_dict(self, finding: Finding, show_values: bool) -> dict:
        """A finding's dict plus ``context``: its surrounding words (personal data masked), so a masked false
        hit can still be judged."""
        from reviewer.detect.findings import masked_context

        data = finding.to_dict(show_values)
        data["context"] = masked_context(self.text, finding, self.findings, show_values)
        return data


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

    def warm_up(self) -> None:
        """Load now what screening loads on first use (the segmenter's dictionary, word frequencies, checksum
        tables, the classifier's first call), so that processes forked from this one share it instead of each
        loading its own copy.  (The numpy tables of texts whose length changes are left to the workers that
        meet such a text.)  Never raises."""
        try:
            from stdnum.cn import ric

            from reviewer.detect.validators import VALIDATORS
            from reviewer.text.normalize import normalize
            from reviewer.text.segment import get_segmenter, word_frequency

            get_segmenter()
            word_frequency("申请")
            normalize("预热")
            number = "11010119900307457"
            number += ric.calc_check_digit(number)
            for check in VALIDATORS.values():
                check(number)
            self.screen_text("预热：申请人王小明，男，身份证号" + number + "，要求公开会议纪要。")
        except Exception:  # noqa: BLE001 - loading early is only a speed-up
            pass

    def screen_text(self, text: str, path: str = "-") -> ScreenResult:
        return self.screen_loaded(loaded_from_text(text, path))

    def screen_path(self, path, max_bytes: int | None = None) -> ScreenResult:
        from reviewer.load.textload import load_path

        loaded = load_path(path) if max_bytes is None else load_path(path, max_bytes=max_bytes)
        return self.screen_loaded(loaded)

    def screen_loaded(self, loaded) -> ScreenResult:
        from reviewer.load.common import shown

        # A name that is not valid UTF-8 (GBK archives) is shown escaped: printable on a strict UTF-8 stdout.
        base = dict(path=shown(loaded.path), kind=loaded.kind, encoding=loaded.encoding, sha256=loaded.sha256)
        if loaded.status != "ok":
            # Never "clean": a file we could not read must be looked at by a person.
            return ScreenResult(status=loaded.status, error=loaded.error, chars=0, verdict="review",
                                warnings=list(loaded.notes), **base)
        text = loaded.text
        analysis = analyse(text, self.detector)
        passages = None
        if self.grounds_model is not None and analysis.norm is not None:
            passages = classify_passages(self.grounds_model, analysis.norm.text, analysis.norm, analysis.tokens)
            if passages is not None and explanatory_by_kind(analysis.norm.text):
                # "普法课堂｜企业的商业秘密指什么", "一图读懂…", "…政策问答", "我市开展…宣传活动": texts written to explain or
                # report to the public name grounds as topics; only the rules' concrete findings (an ID number, a
                # marking) stand
                passages = without_grounds(passages, set(passages.labels))
            elif passages is not None and (marked_for_publication(analysis.norm.text)
                                           or public_by_kind(analysis.norm.text)):
                # "（公开方式：主动公开）", a published page's header, a 公示 or an issued rule: the record is public by
                # the office's choice or by its kind (第十六条 is a discretion), so the classifier's record-kind grounds
                # go the way of the rules' (recognizers)
                passages = without_record_kind_grounds(passages)
                if public_by_kind(analysis.norm.text):
                    # a notice made to be posted names companies and amounts on purpose: the classifier's trade-secret
                    # guess goes too (a price list or a formula is still found by the rules)
                    passages = without_grounds(passages, {"trade_secret"})
        categories = combine(analysis.findings, passages, threshold=self.threshold)
        findings = settle_findings(analysis.findings, categories, self.threshold)
        verdict = decide_verdict(findings, categories, self.threshold)
        sections = [list(x) for x in getattr(loaded, "sections", []) or []]
        locate_hidden(findings, sections)
        # Never "clean" when part of the document was not read or not checked.
        incomplete = list(getattr(loaded, "unread", []) or []) + analysis.unchecked
        warnings = list(loaded.notes) + analysis.warnings
        if incomplete:
            verdict = max(verdict, "review", key=VERDICTS.index)
            warnings.append("部分内容未读取或未检查（" + "；".join(incomplete) + "），不能认定为未发现问题，需人工审核。")
        return ScreenResult(status="ok", error=None, chars=len(text), verdict=verdict, categories=categories,
                            findings=findings, warnings=list(dict.fromkeys(warnings)),
                            incomplete=incomplete, sections=sections, text=text, **base)


def locate_hidden(findings: list[Finding], sections: list[list]) -> None:
    """Say where a finding sits when it is in a hidden part (批注, 修订删除的文字, 文档属性, 网页注释 …)."""
    for f in findings:
        for start, end, label in sections:
            if start <= f.start < end:
                f.explanation.location = label
                f.explanation.summary = f"位于{label}（读者看不到，但随文件发布）：" + f.explanation.summary
                break


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
    unchecked: list[str] = field(default_factory=list)  # Chinese: rules that could not be applied


# Texts longer than this are analysed in overlapping windows (memory and time stay bounded: a 19 MB
# run of digits or an 18 MB single line once took gigabytes).
WINDOW_CHARS = 200_000
WINDOW_OVERLAP = 2_000


def analyse(text: str, detector) -> Analysis:
    """Normalise, segment once and run the rules (in overlapping windows for very long texts)."""
    from reviewer.text.normalize import normalize
    from reviewer.text.segment import segment

    if len(text) > WINDOW_CHARS + WINDOW_OVERLAP:
        return _analyse_windows(text, detector)
    norm = normalize(text)
    tokens = segment(norm.text)
    detection = detector.detect(text, norm, tokens)
    unchecked = [f"规则 {code} 未能应用（正则表达式超时）" for code in getattr(detection, "unchecked", [])]
    return Analysis(norm, tokens, detection.findings, detection.warnings, unchecked)


def _analyse_windows(text: str, detector) -> Analysis:
    """Rules over windows of WINDOW_CHARS characters, each read with WINDOW_OVERLAP characters of context
    on both sides; a finding belongs to the window where it starts.  The classifier is not run on such
    texts (``norm`` and ``tokens`` are None): a note says so."""
    from reviewer.text.normalize import normalize
    from reviewer.text.segment import segment

    findings: list[Finding] = []
    warnings: list[str] = []
    unchecked: list[str] = []
    from reviewer.detect.recognizers import HEADING_LINES, _head_end

    first = normalize(text[:WINDOW_CHARS]).text
    heading = first[:_head_end(first, HEADING_LINES)]  # the document's heading, for every window
    published = marked_for_publication(text)  # ... and its publication mark, wherever it stands
    for core in range(0, len(text), WINDOW_CHARS):
        lo = max(0, core - WINDOW_OVERLAP)
        hi = min(len(text), core + WINDOW_CHARS + WINDOW_OVERLAP)
        piece = text[lo:hi]
        norm = normalize(piece)
        detection = detector.detect(piece, norm, segment(norm.text), heading=heading, published=published)
        for f in detection.findings:
            start = f.start + lo
            if core <= start < core + WINDOW_CHARS:
                f.start, f.end = start, f.end + lo
                findings.append(f)
        warnings.extend(w for w in detection.warnings if w not in warnings)
        unchecked.extend(f"规则 {code} 未能应用（正则表达式超时）" for code in getattr(detection, "unchecked", []))
    warnings.append(f"文本较长（{len(text)} 字），已分段审查；分类器未用于本文件。")
    findings.sort(key=lambda f: (f.start, f.end, f.category))
    return Analysis(None, None, findings, warnings, list(dict.fromkeys(unchecked)))


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


# A heading that says what kind of public record this is: a 公示 or 公告 (made to be posted), or an issued rule — a 办法,
# 细则, 规定 … with its 文号 and no draft mark (第十九、二十条: rules are published).
_PUBLIC_NOTICE_HEAD_RE = re.compile(r"(?:公示|公告|结论公开|结果公开)(?:（[^）]{0,12}）)?$")
# A heading of a text written to explain or report to the public: a Q&A, a 解读, a 普法 lesson, a news item on a
# campaign or meeting held.
_EXPLANATORY_HEAD_RE = re.compile(r"问答|答问|答记者问|一图读懂|图解|政策解读|普法(?:课堂|讲堂|小课堂|园地)?[｜|：:]|知识问答|小贴士|"
                                  r"^(?:我[省市县区镇乡]|[^，。；]{0,16}?(?:局|委|办|政府|中心|街道))[^，。；]{0,24}?(?:开展|举办|举行|召开|启动)"
                                  r"[^，。；]{0,30}?(?:宣传|活动|培训|会议|讲座|仪式|宣传周|宣传月|教育日)(?:活动)?$")
_INTERNAL_MARK_RE = re.compile(r"内部|★|密级|(?:秘密|机密|绝密)级|纪要|不得外传|限[^，。；]{0,12}掌握|讨论稿|征求意见稿")
_ISSUED_RULE_HEAD_RE = re.compile(r"(?:办法|细则|规定|规则|条例|规范)(?:（(?:节选|试行|暂行|修订)）)?$")
_DRAFT_RE = re.compile(r"征求意见稿|草案|讨论稿|送审稿|修改稿|初稿|审议稿|代拟稿")
_ISSUE_NUMBER_RE = re.compile(r"〔(?:19|20)\d{2}〕\d{1,4}号")


def public_by_kind(text: str) -> bool:
    """Whether the document's title says it is a public notice (…公示, …公告) or an issued rule (…办法, …细则 with a 文号 in
    its first lines), not a draft."""
    lines = [ln.strip() for ln in text.strip().splitlines()[:3] if ln.strip()]
    if not lines:
        return False
    head = "".join(lines[:2])
    if _DRAFT_RE.search(head):
        return False
    if any(_PUBLIC_NOTICE_HEAD_RE.search(ln) for ln in lines[:2]):
        return True
    return any(_ISSUED_RULE_HEAD_RE.search(ln) for ln in lines[:2]) and bool(_ISSUE_NUMBER_RE.search("".join(lines)))


def explanatory_by_kind(text: str) -> bool:
    """Whether the document's title (its first line) says it explains or reports to the public
    (:data:`_EXPLANATORY_HEAD_RE`), with no internal or secrecy mark in its first lines."""
    lines = [ln.strip() for ln in text.strip().splitlines()[:3] if ln.strip()]
    if not lines or len(lines[0]) > 60 or _INTERNAL_MARK_RE.search("".join(lines)):
        return False
    return _EXPLANATORY_HEAD_RE.search(lines[0]) is not None


def without_grounds(passages: PassageScores, grounds: set[str]) -> PassageScores:
    """``passages`` with ``grounds`` scored 0 (and their evidence dropped)."""
    drop = [j for j, label in enumerate(passages.labels) if label in grounds]
    rows = [[0.0 if j in drop else p for j, p in enumerate(row)] for row in passages.probabilities]
    evidence = {k: v for k, v in passages.evidence.items() if k not in grounds}
    return PassageScores(passages.labels, passages.spans, rows, evidence)


def without_record_kind_grounds(passages: PassageScores) -> PassageScores:
    """``passages`` with the 第十六条 grounds (:data:`~reviewer.detect.recognizers.RECORD_KIND_GROUNDS`) scored 0."""
    return without_grounds(passages, set(RECORD_KIND_GROUNDS))


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
    return _accepts(model, "tokens")


_ACCEPTS: dict[tuple[type, str], bool] = {}


def _accepts(model, name: str) -> bool:
    """Whether ``model.predict_proba`` takes the keyword ``name`` (asked once per model class)."""
    key = (type(model), name)
    answer = _ACCEPTS.get(key)
    if answer is None:
        import inspect

        try:
            answer = name in inspect.signature(model.predict_proba).parameters
        except (TypeError, ValueError):
            answer = False
        if isinstance(getattr(type(model), "predict_proba", None), type(_accepts)):  # a plain method
            _ACCEPTS[key] = answer
    return answer


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
    return _accepts(model, "cache")


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


# Rules that recognise a penalty decision itself: a decision is published by law when it has social impact
# (条例第二十条第（六）项), so when the rules see a decision and no case-file material at the threshold, the weak
# hints (an investigation narrated in the decision) and the classifier's enforcement-file probability are read
# as coming from the decision and may not reach the threshold.
DECISION_RULES = frozenset({"penalty-decision-document", "case-findings-and-reasoning"})


def _needs_own_span(category: str, relevant: list[Finding], threshold: float) -> bool:
    """A ground the classifier may not establish alone, when no rule finding of it reaches ``threshold``: a
    state secret (no mark in marking position, no classification statement, no secret content signal), or an
    enforcement file whose only rule evidence is the penalty decision itself."""
    if any(f.score >= threshold for f in relevant):
        return False
    if category == "state_secret":
        return True
    return category == "enforcement_file" and any(f.name in DECISION_RULES for f in relevant)


def combine(findings: list[Finding], passages: PassageScores | None, *, threshold: float = 0.5) -> dict[str, CategoryScore]:
    """Per category: noisy-OR over distinct rules (each rule counts once, at its best score: repeating the
    same weak evidence does not make it stronger), then noisy-OR with the weighted classifier probability
    (kept below ``threshold`` where the ground needs a span of its own and no rule finding of it reaches the
    threshold, see :func:`_needs_own_span` and :data:`UNSUPPORTED_MARGIN`)."""
    result: dict[str, CategoryScore] = {}
    for category in CATEGORIES:
        # Marks such as 工作秘密/内部资料 are shown as findings but are not a ground (ogi-law.md §4.3).
        relevant = [f for f in findings if f.category == category and f.severity != "info"
                    and not f.explanation.marking]
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
        if score >= threshold and _needs_own_span(category, relevant, threshold):
            # Weak hints (and the classifier) together may not establish the ground either.
            score = threshold - UNSUPPORTED_MARGIN
            p_rules = min(p_rules, score)
            method += ("；规则未找到密级标志、定密表述或涉密内容，不能单独认定国家秘密，分值限于阈值以下"
                       if category == "state_secret" else
                       "；规则只认出行政处罚决定书本身（依法应当主动公开的不属于案卷材料），未见笔录、审批表等案卷材料，"
                       "不能认定行政执法案卷，分值限于阈值以下")
        if relevant or (p_clf is not None and p_clf >= 0.2):
            result[category] = CategoryScore(category, score, p_rules, p_clf, len(relevant), method,
                                             passage if p_clf is not None and p_clf >= 0.5 else None, evidence)
    return result


def settled_severity(finding: Finding, categories: dict[str, CategoryScore], threshold: float) -> str:
    """The one rule for how much a listed finding counts — shown beside it and used for the verdict.

    A finding at or above the threshold counts at its rule's severity (``withhold`` only from
    :data:`WITHHOLD_MIN_SCORE`; a weaker withhold finding counts as review).  Below the threshold it counts as
    ``review`` only when its category's rule score (its rules together) reaches the threshold and it is not
    a mere marking; otherwise it is listed as a hint (``info``)."""
    if finding.severity == "withhold" and threshold <= finding.score < WITHHOLD_MIN_SCORE:
        return "review"
    if finding.severity == "info" or finding.score >= threshold:
        return finding.severity
    category = categories.get(finding.category)
    if finding.explanation.marking or category is None or category.rules < threshold:
        return "info"
    return "review"


def settle_findings(findings: list[Finding], categories: dict[str, CategoryScore], threshold: float) -> list[Finding]:
    """Findings with their severity settled by :func:`settled_severity` (the rule's own severity is kept in
    ``explanation.rule_severity`` when it changes)."""
    from dataclasses import replace

    settled = []
    for f in findings:
        severity = settled_severity(f, categories, threshold)
        if severity != f.severity:
            f = replace(f, severity=severity, explanation=replace(f.explanation, rule_severity=f.severity))
        settled.append(f)
    return settled


def decide_verdict(findings: list[Finding], categories: dict[str, CategoryScore], threshold: float) -> str:
    """The worst settled severity among the findings (so a file's verdict always agrees with the findings
    listed for it), raised to review when a category reaches the threshold.  The classifier alone can raise
    a document to review, never to withhold (it cannot point at a span)."""
    worst = max((SEVERITY_RANK[settled_severity(f, categories, threshold)] for f in findings), default=0)
    if any(c.score >= threshold for c in categories.values()):
        worst = max(worst, SEVERITY_RANK["review"])
    return VERDICTS[worst]
