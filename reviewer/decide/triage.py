"""Request triage: which request-level outcome does a request point to?

Two sources, kept apart so the output can say which drove the decision:

* cues from ``rules/triage.yaml`` — explained evidence (cue id, message, matched span);
* the trained triage classifier — a probability for every triage label (optional).

They are combined per request-level outcome by noisy-OR — ``q = 1 − (1 − p)(1 − r)`` for the classifier's
probability ``p`` and the cues' noisy-OR score ``r`` (a cue's weight is its precision: the chance that a
request where it fires comes to its outcome) — and the mass the cues add is taken from "ordinary": a cue is
evidence that the request is *not* an ordinary request.  So a cue can never lower the classifier's
probability (the floor), and a confident cue leads even against a classifier trained on other text.

Cues that name a *kind of information* (``ground`` — 会议纪要 → 过程性信息, 他人的补偿协议 → 个人隐私 …) or
argue against a ground (``against`` — the applicant's own record, a published decision) do not make a
request less "ordinary": they are kept as hits for the request grounds (reviewer/decide/ranking.py) and
left out of the outcome probabilities.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reviewer.detect.registry import Cue
from reviewer.detect.registry import load_cues as registry_load_cues
from reviewer.model.corpus import TRIAGE_LABELS  # one definition of the label set
from reviewer.text import lazy_re

# Used when no classifier is available: most requests are ordinary requests — in the annual reports the
# request-level rows (信访举报投诉、出版物、咨询、非政府信息 …) are a small minority of all replies — so a
# cue of weight ≥ 0.5 (a strong cue) leads and a weak one (TRI002, 0.35) does not.
PRIOR = {label: (0.84 if label == "ordinary" else 0.02) for label in TRIAGE_LABELS}


class TriageRuleError(ValueError):
    """Bad triage cue file; the Chinese message names the file, cue id and field."""


@dataclass
class CueHit:
    cue: str
    outcome: str
    message: str
    start: int
    end: int
    text: str
    ground: str | None = None  # kind-of-information cue: the ground it names
    against: tuple[str, ...] = ()  # kind-of-information cue: the grounds it argues against
    weight: float = 0.0
    letter_reason: str = ""  # the cue's applicant-facing reason (rules/triage.yaml letter_reason), if any


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
    """The triage cues of the shared rule registry (reviewer/detect/registry.py)."""
    from reviewer.detect.rulebook import RuleFileError

    try:
        return registry_load_cues(path)
    except RuleFileError as exc:
        raise TriageRuleError("；".join(str(p) for p in exc.problems)) from None


def is_kind_cue(cue) -> bool:
    """A cue naming a kind of information (a ground, or evidence against one), not a request-level outcome."""
    return bool(getattr(cue, "ground", None) or getattr(cue, "against", None))


# Spaces between two CJK characters or digits (OCR output, "申 请 公 开") split every cue word; cues match
# the text with those spaces removed (matched texts and offsets refer to that compacted text).
_OCR_SPACE_RE = lazy_re.compile(r"(?<=[\u3400-\u9fff\uf900-\ufaff0-9，。、；：（）《》“”×＊])[ \t]+"
                           r"(?=[\u3400-\u9fff\uf900-\ufaff0-9，。、；：（）《》“”×＊])")


def compact(text: str) -> str:
    """``text`` without the spaces OCR puts between Chinese characters."""
    return _OCR_SPACE_RE.sub("", text)


# A kind of record named inside the modifier of another record — "《关于…的请示》的批复", "根据会议纪要精神印发的补偿标准
# 文件", "落实市长办公会议纪要的工作方案": the record asked for is the head noun at the end (a 批复, a 文件, a 方案), so a cue
# naming a record-kind ground (过程性信息, 行政执法案卷) does not fire on the modifier.  "请示的全部文件" is the 请示 itself,
# and "处罚决定所依据的询问笔录" asks for the 笔录.  Subject-matter grounds (内部事务 "工作分工的通知", 三安全一稳定, third
# parties' information) flow through to the head and are not affected.
RECORD_KIND_GROUNDS = frozenset({"process_info", "enforcement_file"})
_HEAD_AFTER_RE = lazy_re.compile(r"[^、，；。,;及和与\n]{0,14}?的(?!全部|所有|相关|有关|全套|一切|原始|全)[^、，；。,;及和与\n]{0,14}?"
                            r"(?:批复|复函|答复书?|决定书?|通知|文件|方案|办法|标准|规定|细则|公告|意见书)")
_BASIS_BEFORE_RE = lazy_re.compile(r"(?<!所)(?:根据|依据|依照|按照|落实|贯彻)[^、，；。,;的\n]{0,20}$")


def names_a_modifier(text: str, start: int, end: int) -> bool:
    """Whether the kind named at ``text[start:end]`` only qualifies another record (see :data:`_HEAD_AFTER_RE`)."""
    return _HEAD_AFTER_RE.match(text, end) is not None or _BASIS_BEFORE_RE.search(text, 0, start) is not None


# "统计年鉴中的人口数据所依据的统计报表": what a publication is based on is asked for, not the publication (第三十九条
# 第二款 covers the publication itself).
PUBLICATION = "no_action.publication"
_BASED_ON_AFTER_RE = lazy_re.compile(r"[^、，；。,;\n]{0,20}?(?:所|据以)?(?:依据|根据|采用|引用)的(?:原始)?[^、，；。,;\n]{0,12}?"
                                r"(?:报表|数据|资料|材料|文件|记录|台账|底稿|调查表)")

# A clause telling that a record was already printed, in a text that also tells it is on a website ("该办法已于2022年5月
# 在门户网站发布，并刊登于《市人民政府公报》"): the record asked for is published where anyone can get it (第三十六条第（一）
# 项), not a publication asked for, so the publication cue does not fire inside that clause.  Printed only ("该文件已刊载于
# 区政府公报", "请提供刊登在第5期公报上的办法") still reads as a publication (第三十九条第二款).
_TOLD_PRINTED_CLAUSE_RE = lazy_re.compile(r"(?:已经|已|并|均|亦|也|同时)[^，,。；;！!？?\n]{0,24}?(?:刊登|刊载|登载|刊发)"
                                     r"(?:于|在)?[^，,。；;！!？?\n]{0,30}")
_TOLD_ONLINE_RE = lazy_re.compile(r"(?:已经|已|并|均|亦|也|同时)[^，,。；;！!？?\n]{0,30}?(?:网站|门户|网上|官网|政务公开专栏|公开平台)"
                             r"[^，,。；;！!？?\n]{0,20}?(?:发布|公布|公开|刊登|刊载|挂网|全文)")

MAX_CUE_CHARS = 50_000

# A clause that declines a record ("我不要你们往上打的请示报告", "不需要调查笔录、证据等案卷材料", "不含其他考生的信息"): the kind
# of record named in it is not asked for, so a kind-of-information cue does not fire there.
_DECLINED_CLAUSE_RE = lazy_re.compile(r"(?:^|(?<=[，,。；;！!？?\n：:（(]))\s*(?:我|我们|本人|申请人|本公司|我司)?(?:也|并|就|都)?"
                                 r"(?:不要|不需要|不用|无需|不必|不含|不包括|不包含|不申请|不涉及|不是要|并非|而非|而不是|不求)"
                                 r"[^，,。；;！!？?\n（）()]*")


def declined_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` declines a record (:data:`_DECLINED_CLAUSE_RE`)."""
    return [m.span() for m in _DECLINED_CLAUSE_RE.finditer(text)]


# A record the applicant's own company made and filed ("我司自己提交的投标文件", "委托人自己递交的投标书"): the kind named right
# after the own-business cue's match is the applicant's own, so the ground it names (商业秘密) does not fire there.
OWN_BUSINESS_CUE = "own-business-information"
_CLAUSE_END = "，,。；;！!？?\n"


def _clause_end(text: str, start: int) -> int:
    """Where the clause running from ``start`` ends (punctuation inside （…） does not end it)."""
    depth = 0
    for i in range(start, len(text)):
        ch = text[i]
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
        elif ch in _CLAUSE_END and not depth:
            return i
    return len(text)


def _owned_record(text: str, start: int, owned: list[int]) -> bool:
    """Whether the kind named at ``start`` is in the clause right after an own-business match (ending at one of
    ``owned``): "我司自己提交的投标文件（含商务标、技术标）复制件"."""
    return any(end <= start < _clause_end(text, end) for end in owned)


def rule_scores(text: str, cues: list[Cue]) -> tuple[dict[str, float], list[CueHit]]:
    """Per request-level outcome, the noisy-OR of the weights of the cues that fire (each cue once);
    every hit, kind-of-information cues included."""
    # A request is a few hundred characters; a pasted file of a megabyte would make each cue's regex run into its
    # time limit.  The cues read the first MAX_CUE_CHARS characters (what a request says is at its start).
    text = compact(text)[:MAX_CUE_CHARS]
    remaining = {label: 1.0 for label in TRIAGE_LABELS}
    for cue in cues:
        if not is_kind_cue(cue):
            remaining.setdefault(cue.outcome, 1.0)
    hits: list[CueHit] = []
    declined = declined_spans(text)
    owned = [end for cue in cues if getattr(cue, "name", "") == OWN_BUSINESS_CUE for _, end, _ in cue.find(text)]
    for cue in cues:
        found = cue.find(text)
        if found and declined and getattr(cue, "ground", None):
            found = [f for f in found if not any(a <= f[0] and f[1] <= b for a, b in declined)]
        if found and owned and getattr(cue, "ground", None) == "trade_secret":
            found = [f for f in found if not _owned_record(text, f[0], owned)]
        if found and getattr(cue, "ground", None) in RECORD_KIND_GROUNDS:
            found = [f for f in found if not names_a_modifier(text, f[0], f[1])]
        if found and cue.outcome == PUBLICATION:
            told = ([m.span() for m in _TOLD_PRINTED_CLAUSE_RE.finditer(text)]
                    if _TOLD_ONLINE_RE.search(text) else [])
            found = [f for f in found if not _BASED_ON_AFTER_RE.match(text, f[1])
                     and not any(a <= f[0] and f[1] <= b for a, b in told)]
        if found:
            if not is_kind_cue(cue):
                remaining[cue.outcome] *= 1.0 - cue.weight
            start, end, matched = found[0]
            hits.append(CueHit(cue.id, cue.outcome, cue.message, start, end, matched,
                               getattr(cue, "ground", None), tuple(getattr(cue, "against", None) or ()), cue.weight,
                               getattr(cue, "letter_reason", "") or ""))
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
    return TriageResult(combine_evidence(base, scores), scores, classifier, hits, terms)


def combine_evidence(base: dict[str, float], scores: dict[str, float]) -> dict[str, float]:
    """Noisy-OR of the classifier (or prior) and the cues per request-level outcome; what the cues add
    comes out of "ordinary" (renormalised only when the outcomes alone exceed 1).

    An outcome the classifier does not know (a cue-only outcome: 更正本人信息记录, 行政查询事项) takes its cue's
    probability off every learned outcome alike: the classifier spreads such a request over the outcomes it knows
    ("更正" read as "补正"), so its distribution is one over "not this outcome"."""
    combined = {label: float(p) for label, p in base.items()}
    cue_only = {label: r for label, r in scores.items() if label not in base and label != "ordinary" and r > 0}
    added = 0.0
    for label, r in scores.items():
        if label == "ordinary" or label in cue_only or r <= 0:
            continue
        q = 1.0 - (1.0 - combined[label]) * (1.0 - r)
        added += q - combined[label]
        combined[label] = q
    combined["ordinary"] = max(combined.get("ordinary", 0.0) - added, 0.0)
    total = sum(combined.values()) or 1.0
    combined = {k: v / total for k, v in combined.items()}
    for label, r in cue_only.items():
        combined = {k: v * (1.0 - r) for k, v in combined.items()}
        combined[label] = r
    return combined


# A leaning set aside goes to an outcome a cue reads only when the classifier gives that outcome this much too.
CUED_SHARE_MIN = 0.25


def set_aside(triage_result: TriageResult, code: str, lead_min: float = 0.3) -> tuple[TriageResult, float, bool]:
    """The triage with ``code``'s probability folded into another outcome (never renormalised over the other
    outcomes), that probability, and whether it led the request-level outcomes (≥ ``lead_min``).  Used by the steps
    that set a classifier's leaning aside on a rule (需加工 of a named record, 咨询 demanding a named record).  The share
    goes to the outcome a cue of the request reads and the classifier gives at least :data:`CUED_SHARE_MIN`
    ("本人…住房公积金缴存明细": a leaning to 需加工 set aside goes to 特别规定, which TRI006 reads), else to the ordinary
    request."""
    import dataclasses

    probabilities = dict(getattr(triage_result, "probabilities", None) or {})
    p = probabilities.pop(code, 0.0)
    if not p:
        return triage_result, 0.0, False
    # an outcome both a cue and the classifier read (not a stray cue the classifier discounts)
    cued = {c: probabilities.get(c, 0.0) for c, w in (getattr(triage_result, "rule_scores", None) or {}).items()
            if w > 0 and c not in (code, "ordinary") and probabilities.get(c, 0.0) >= CUED_SHARE_MIN}
    into = max(cued, key=cued.get) if cued else "ordinary"
    leading = p >= lead_min and p >= max((v for c, v in probabilities.items() if c != "ordinary"), default=0.0)
    probabilities[into] = probabilities.get(into, 0.0) + p
    return dataclasses.replace(triage_result, probabilities=probabilities), p, leading
