"""Rank reply outcomes from the request's own signals, before any document is read.

Without candidate documents the only evidence is the request text.  It carries three signals:

* the triage probabilities (classifier + cues of ``rules/triage.yaml``): 信访、咨询、加工分析、特别规定、
  非政府信息… take their own probability, the rest is the share of an *ordinary* request;
* the request-level grounds (:func:`request_grounds`): per ground, the noisy-OR of the request-grounds
  classifier and the cues of ``rules/triage.yaml`` that name the kind of information asked for (他人的补偿协议 →
  个人隐私, 投标文件 → 商业秘密, 会议纪要/请示 → 过程性信息, 案卷/笔录 → 行政执法案卷 …).  Cues that argue
  against a ground (the applicant's own record against 个人隐私, a decision already made against 行政执法案卷,
  a published award against 商业秘密) discount the *classifier's* share only — an explicit cue keeps its weight:
  ``p = 1 − (1 − m·(1 − a))·(1 − c)`` with ``m`` the classifier, ``c`` the naming cues, ``a`` the counter-cues;
* what an ordinary request usually comes to when nothing points to a ground (:data:`BASE_OUTCOMES`).

The ordinary share is split between "a ground settles the reply" — ``s·k`` with ``s = 1 − Π(1 − p_g)`` the
probability that a ground is implicated and ``k`` (:data:`GROUND_SETTLES`) the share of implicated grounds the
reply rests on — and the base outcomes ``1 − s·k``.  Within ``s·k`` each ground's withholding code gets its
share of the grounds' mass, less the part that goes to 部分公开 (:data:`PARTIAL_SHARE`, 第三十七条).  A ground named with probability
at or above the request-grounds model's own decision threshold (the one its grouped cross-validation is
reported at, :data:`REQUEST_GROUND_THRESHOLD` without a model) is a claim the officer has to check, so its
withholding code and 部分公开 are always listed among the first three candidates
(:func:`keep_named_in_top_three`).  Every number here is fixed in this module from
the statute and practice; nothing was fitted to development cases.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reviewer.decide.roster import lists_people

# Ground → the reply code that withholds on it (third-party grounds share one code, 第十五条/第三十二条).
GROUND_CODE = {
    "state_secret": "withhold.state_secret",
    "security_stability": "withhold.security_stability",
    "internal_affairs": "withhold.internal_affairs",
    "process_info": "withhold.process_info",
    "enforcement_file": "withhold.enforcement_file",
    "privacy": "withhold.third_party",
    "trade_secret": "withhold.third_party",
}
# Triage cue outcome → ground it names, for cues without a ``ground`` field (third-party cues: privacy).
CUE_GROUND = {
    "withhold.process_info": "process_info",
    "withhold.internal_affairs": "internal_affairs",
    "withhold.enforcement_file": "enforcement_file",
    "withhold.state_secret": "state_secret",
    "withhold.security_stability": "security_stability",
}
# What an ordinary request comes to when neither the request nor a document points to a ground
# (the shares of the former fixed no-documents table, without its third-party entry).  信息不存在 leads:
# in published annual reports it is the most frequent outcome of requests (ogi-law.md §5.2 item 1 cites one
# provincial capital at 55% in 2024); 予以公开 next; 非本机关负责公开 for requests sent to the wrong organ.
BASE_OUTCOMES = {
    "unavailable.not_held": 0.5,
    "disclose": 0.25,
    "unavailable.other_agency": 0.15,
    "partial": 0.05,
}
# Of a ground's mass, the share that goes to 部分公开 (第三十七条: what can be separated must be provided).
# Grounds that cover whole records by their kind (第十四条, 第十六条: 会议纪要, 案卷, 人事材料 …) are usually
# withheld whole, so a quarter; grounds that protect content inside a record (第十五条: a third party's
# personal data or trade secrets in an otherwise public record) are as often redacted as withheld whole.
PARTIAL_SHARE = 0.25
PARTIAL_SHARE_BY_GROUND = {"privacy": 0.4, "trade_secret": 0.4}
# A list of many people (名单、分户补偿明细表, :func:`~reviewer.decide.roster.lists_people`): the identifying fields are
# redacted and the rest given (ogi-law.md, 个人隐私), so most of the privacy mass goes to 部分公开.
ROSTER_PARTIAL_SHARE = 0.75
# A record public by nature listed beside the one a ground names (:mod:`~reviewer.decide.public_beside`): the public
# records are given, so most of every ground's mass goes to 部分公开.
BESIDE_PARTIAL_SHARE = 0.85
# A request-level ground says the information *touches* a ground, not that the reply rests on it: every ground
# of 第十五、十六条 is a discretion or a procedure, not a bar — a third party's consent or the public interest
# (第三十二条), a decision already made (过程性信息, ogi-law.md §5.2 item 2), a law requiring disclosure (第十六条
# 第二款) — and the record may not be held at all.  Of the mass where a ground is implicated, this share ends in
# withholding or 部分公开; the rest follows the base outcomes.  Fixed a priori, not fitted.
GROUND_SETTLES = 0.8
# A ground at or above this is "named" by the review (and printed as such) when no model says otherwise: the
# default decision threshold of GroundsModel, at which `make eval` reports the model's grouped cross-validation.
# A trained model carries its own threshold (GroundsModel.threshold) and the review uses that one.
REQUEST_GROUND_THRESHOLD = 0.35


@dataclass
class RequestGround:
    """One request-level ground: probability, where it came from, and the evidence terms."""

    ground: str
    probability: float
    model_probability: float | None = None
    cue_probability: float = 0.0
    evidence: list[str] = field(default_factory=list)  # classifier terms and cue matches of the request
    against_probability: float = 0.0  # counter-cues: how much of the classifier's share was discounted
    against_evidence: list[str] = field(default_factory=list)
    cues: list[str] = field(default_factory=list)  # codes of the cues that named the ground
    threshold: float = REQUEST_GROUND_THRESHOLD  # named at or above this (the model's decision threshold)

    @property
    def named(self) -> bool:
        return self.probability >= self.threshold

    @property
    def driver(self) -> str:
        """Chinese: which evidence drove the probability."""
        model = (self.model_probability or 0.0) * (1.0 - self.against_probability)
        if self.cue_probability > 0 and model >= self.threshold:
            return "规则线索与分类器一致"
        if self.cue_probability > 0:
            return "规则线索"
        return "分类器"

    def describe(self) -> str:
        """Staff-facing line: the ground, its probability and the evidence behind it."""
        from reviewer.vocab import GROUND_NAMES_ZH

        parts = [f"申请内容指向{GROUND_NAMES_ZH.get(self.ground, self.ground)}（概率 {self.probability:.2f}，{self.driver}"]
        if self.cues:
            parts.append(f"线索 {'、'.join(self.cues)}")
        if self.evidence:
            parts.append("依据“" + "”“".join(self.evidence[:4]) + "”")
        if self.against_probability > 0:
            parts.append("反向线索“" + "”“".join(self.against_evidence[:2]) + "”已折减分类器判断")
        return "，".join(parts) + "）。"

    def to_dict(self) -> dict:
        return {"ground": self.ground, "probability": round(self.probability, 3),
                "model_probability": None if self.model_probability is None else round(self.model_probability, 3),
                "cue_probability": round(self.cue_probability, 3), "evidence": self.evidence,
                "against_probability": round(self.against_probability, 3), "against_evidence": self.against_evidence,
                "cues": self.cues, "driver": self.driver, "named": self.named,
                "threshold": round(self.threshold, 3)}


def hit_ground(hit) -> str | None:
    """The ground a triage cue hit names: its own, else the one its outcome implies (None for other cues)."""
    ground = getattr(hit, "ground", None)
    if ground:
        return ground
    return CUE_GROUND.get(hit.outcome) or ("privacy" if hit.outcome == "withhold.third_party" else None)


def _noisy_or(weights) -> float:
    remaining = 1.0
    for w in weights:
        remaining *= 1.0 - min(max(float(w), 0.0), 1.0)
    return 1.0 - remaining


def _cue_evidence(triage_result, against: bool) -> dict[str, tuple[float, list[str], list[str]]]:
    """Ground → (noisy-OR of the cue weights, matched texts, cue codes), each cue counted once."""
    per: dict[str, dict[str, tuple[float, str]]] = {}
    for hit in getattr(triage_result, "hits", []) or []:
        grounds = list(getattr(hit, "against", ()) or ()) if against else [g for g in [hit_ground(hit)] if g]
        if not against and getattr(hit, "against", ()):
            grounds = []
        weight = float(getattr(hit, "weight", 0.0) or 0.0)
        if not weight:  # a hit from an older result: fall back on the outcome's cue score
            weight = float((getattr(triage_result, "rule_scores", {}) or {}).get(hit.outcome, 0.0)) or 0.5
        for g in grounds:
            per.setdefault(g, {}).setdefault(hit.cue, (weight, hit.text))
    out = {}
    for g, by_cue in per.items():
        texts = list(dict.fromkeys(t for _, t in by_cue.values()))
        out[g] = (_noisy_or(w for w, _ in by_cue.values()), texts, list(by_cue))
    return out


def cue_grounds(triage_result) -> dict[str, tuple[float, list[str]]]:
    """Ground → (probability, matched texts) from the triage cues that name a kind of information."""
    return {g: (p, texts) for g, (p, texts, _) in _cue_evidence(triage_result, against=False).items()}


def cue_against(triage_result) -> dict[str, tuple[float, list[str]]]:
    """Ground → (strength, matched texts) from the cues that argue against it (own record, decision …)."""
    return {g: (p, texts) for g, (p, texts, _) in _cue_evidence(triage_result, against=True).items()}


def request_grounds(text: str, triage_result=None, model=None, k: int = 6) -> list[RequestGround]:
    """Request-level grounds from the request text alone, most probable first.

    ``model`` is the request-grounds classifier (a :class:`~reviewer.model.classifiers.GroundsModel`
    trained on requests' ``grounds``), or None; the cues of ``triage_result`` count either way.
    """
    from reviewer.model.corpus import GROUNDS

    model_p: dict[str, float] = {}
    terms: dict[str, list[str]] = {}
    threshold = float(getattr(model, "threshold", REQUEST_GROUND_THRESHOLD) or REQUEST_GROUND_THRESHOLD)
    if model is not None and text.strip():
        pred = model.describe(text, k=k)
        model_p = dict(pred.probabilities)
        terms = {g: [t for t, _ in ev] for g, ev in pred.evidence.items()}
        for g in GROUNDS:  # evidence also for grounds named only by a cue
            if g not in terms and model_p.get(g, 0.0) >= 0.2:
                terms[g] = [t for t, _ in model.explain(text, g, k=k)]
    cues = _cue_evidence(triage_result, against=False) if triage_result is not None else {}
    counters = _cue_evidence(triage_result, against=True) if triage_result is not None else {}
    out = []
    for g in GROUNDS:
        mp = model_p.get(g) if model is not None else None
        cp, matched, codes = cues.get(g, (0.0, [], []))
        ap, against_texts, _ = counters.get(g, (0.0, [], []))
        p = 1.0 - (1.0 - (mp or 0.0) * (1.0 - ap)) * (1.0 - cp)
        if p <= 0.0:
            continue
        evidence = list(matched) + [t for t in terms.get(g, []) if t not in matched]
        out.append(RequestGround(g, p, mp, cp, evidence[:k], ap if mp else 0.0, against_texts if mp else [], codes,
                                 threshold))
    return sorted(out, key=lambda r: -r.probability)


def named_grounds(grounds: list[RequestGround], threshold: float | None = None) -> list[str]:
    """The grounds a review names for the request (probability ≥ the model's threshold, or ``threshold``)."""
    return [r.ground for r in grounds if r.probability >= (r.threshold if threshold is None else threshold)]


def document_prior(grounds: list[RequestGround] | dict[str, float] | None, *, roster: bool = False,
                   beside: bool = False) -> dict[str, float]:
    """Distribution over document-level outcomes of an ordinary request, from its request grounds.  ``roster``: the
    record lists many people (:data:`ROSTER_PARTIAL_SHARE` of the privacy mass goes to 部分公开).  ``beside``: a record
    public by nature is listed beside the one a ground names (:data:`BESIDE_PARTIAL_SHARE` of every ground's mass goes
    to 部分公开)."""
    if isinstance(grounds, dict):
        probs = {g: float(p) for g, p in grounds.items()}
    else:
        probs = {r.ground: r.probability for r in grounds or []}
    probs = {g: min(max(p, 0.0), 1.0) for g, p in probs.items() if g in GROUND_CODE and p > 0}
    none = 1.0
    for p in probs.values():
        none *= 1.0 - p
    s = 1.0 - none
    settled = s * GROUND_SETTLES  # a ground implicated and the reply resting on it
    base_total = sum(BASE_OUTCOMES.values())
    dist = {code: (1.0 - settled) * share / base_total for code, share in BASE_OUTCOMES.items()}
    mass = sum(probs.values())
    if settled > 0 and mass > 0:
        for g, p in probs.items():
            code = GROUND_CODE[g]
            share = ROSTER_PARTIAL_SHARE if roster and g == "privacy" else PARTIAL_SHARE_BY_GROUND.get(g, PARTIAL_SHARE)
            if beside:
                share = max(share, BESIDE_PARTIAL_SHARE)
            dist[code] = dist.get(code, 0.0) + settled * (1.0 - share) * p / mass
            dist["partial"] = dist.get("partial", 0.0) + settled * share * p / mass
    total = sum(dist.values()) or 1.0
    return {code: v / total for code, v in dist.items()}


def named_codes(grounds: list[RequestGround] | dict[str, float] | None,
                threshold: float | None = None) -> list[str]:
    """Withholding codes of the named grounds (most probable first), then 部分公开; empty when none is named."""
    if isinstance(grounds, dict):
        cut = REQUEST_GROUND_THRESHOLD if threshold is None else threshold
        items = [(g, p >= cut) for g, p in sorted(grounds.items(), key=lambda kv: -kv[1])]
    else:
        items = [(r.ground, r.probability >= (r.threshold if threshold is None else threshold)) for r in grounds or []]
    codes = list(dict.fromkeys(GROUND_CODE[g] for g, named in items if g in GROUND_CODE and named))
    return codes + ["partial"] if codes else []


def keep_named_in_top_three(scores: dict[str, float], codes: list[str], *, protect_first: bool = True
                            ) -> dict[str, float]:
    """Make ``codes`` (in priority order) part of the first three candidates: the first candidate (a
    request-level outcome that leads) stays, then ``codes``, then the rest by probability; a code raised into
    the three gets just above the best candidate left out.  Renormalised.  A named ground is a claim the
    officer must check before replying, so its withholding code and 部分公开 are shown, not buried below the
    base outcomes."""
    if not codes or not scores:
        return scores
    ranked = sorted(scores, key=lambda c: -scores[c])
    wanted = [c for c in codes if c in scores or c == "partial" or c.startswith("withhold.")]
    chosen = ranked[:1] if protect_first else []
    chosen += [c for c in wanted if c not in chosen]
    chosen += [c for c in ranked if c not in chosen]
    chosen = chosen[:3]
    out = dict(scores)
    left_out = max((out[c] for c in out if c not in chosen), default=0.0)
    for c in chosen:
        if out.get(c, 0.0) <= left_out:
            out[c] = left_out + 1e-6
    total = sum(out.values()) or 1.0
    return {c: v / total for c, v in out.items()}


def rank_from_request(request_text: str, triage_result, request_grounds: list[RequestGround] | dict[str, float] | None
                      ) -> dict[str, float]:
    """Reply code → probability from the request alone (sums to 1, most probable first).

    Request-level outcomes keep their triage probability; the ordinary share is spread by
    :func:`document_prior`.  Withholding outcomes that the triage cues produced are folded into the
    ordinary share (the request grounds already carry them), so no signal is counted twice.
    """
    probabilities = dict(getattr(triage_result, "probabilities", {}) or {"ordinary": 1.0})
    scores: dict[str, float] = {}
    p_ordinary = 0.0
    for code, p in probabilities.items():
        if code == "ordinary" or code.startswith("withhold."):
            p_ordinary += p
        else:
            scores[code] = scores.get(code, 0.0) + p
    for code, p in document_prior(request_grounds, roster=lists_people(request_text)).items():
        scores[code] = scores.get(code, 0.0) + p_ordinary * p
    total = sum(scores.values()) or 1.0
    scores = keep_named_in_top_three({c: p / total for c, p in scores.items()}, named_codes(request_grounds))
    return dict(sorted(scores.items(), key=lambda kv: -kv[1]))
