"""Rank reply outcomes from the request's own signals, before any document is read.

Without candidate documents the only evidence is the request text.  It carries three signals:

* the triage probabilities (classifier + cues of ``rules/triage.yaml``): 信访、咨询、加工分析、特别规定、
  非政府信息… take their own probability, the rest is the share of an *ordinary* request;
* the request-level grounds (:func:`request_grounds`): the request-grounds classifier's probability that
  the information asked for falls under a withholding ground (他人的补偿协议 → 个人隐私, 投标文件 → 商业秘密,
  会议纪要/请示 → 过程性信息, 案卷/笔录 → 行政执法案卷 …), raised by the triage cues that name the same kind
  of information;
* what an ordinary request usually comes to when nothing points to a ground (:data:`BASE_OUTCOMES`).

The ordinary share is split between "a ground applies" — probability ``s = 1 − Π(1 − p_g)`` — and the
base outcomes ``1 − s``.  Within ``s`` each ground's withholding code gets its share of the grounds' mass;
a quarter goes to 部分公开 because a ground usually covers part of what is asked (第三十七条).  Every number
here is fixed in this module; nothing was fitted to development cases.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
# Triage cue outcome → ground it names; third-party cues are told apart by their message.
CUE_GROUND = {
    "withhold.process_info": "process_info",
    "withhold.internal_affairs": "internal_affairs",
    "withhold.enforcement_file": "enforcement_file",
    "withhold.state_secret": "state_secret",
    "withhold.security_stability": "security_stability",
}
# What an ordinary request comes to when neither the request nor a document points to a ground
# (the shares of the former fixed no-documents table, without its third-party entry).
BASE_OUTCOMES = {
    "unavailable.not_held": 0.5,
    "disclose": 0.25,
    "unavailable.other_agency": 0.15,
    "partial": 0.05,
}
PARTIAL_SHARE = 0.25  # of the grounds' mass: the ground covers part of the request
CUE_FLOOR = 0.5  # a matching cue names its ground with at least this probability
REQUEST_GROUND_THRESHOLD = 0.5


@dataclass
class RequestGround:
    """One request-level ground: probability, where it came from, and the evidence terms."""

    ground: str
    probability: float
    model_probability: float | None = None
    cue_probability: float = 0.0
    evidence: list[str] = field(default_factory=list)  # classifier terms and cue matches of the request

    def to_dict(self) -> dict:
        return {"ground": self.ground, "probability": round(self.probability, 3),
                "model_probability": None if self.model_probability is None else round(self.model_probability, 3),
                "cue_probability": round(self.cue_probability, 3), "evidence": self.evidence}


def cue_grounds(triage_result) -> dict[str, tuple[float, list[str]]]:
    """Ground → (probability, matched texts) from the triage cues that name a kind of information."""
    out: dict[str, tuple[float, list[str]]] = {}
    scores = getattr(triage_result, "rule_scores", {}) or {}
    for hit in getattr(triage_result, "hits", []) or []:
        ground = CUE_GROUND.get(hit.outcome)
        if hit.outcome == "withhold.third_party":
            ground = "trade_secret" if "商业秘密" in hit.message else "privacy"
        if ground is None:
            continue
        p = CUE_FLOOR + (1.0 - CUE_FLOOR) * float(scores.get(hit.outcome, 0.0))
        old_p, texts = out.get(ground, (0.0, []))
        out[ground] = (max(old_p, p), texts + ([hit.text] if hit.text not in texts else []))
    return out


def request_grounds(text: str, triage_result=None, model=None, k: int = 6) -> list[RequestGround]:
    """Request-level grounds from the request text alone, most probable first.

    ``model`` is the request-grounds classifier (a :class:`~reviewer.model.classifiers.GroundsModel`
    trained on requests' ``grounds``), or None; the cues of ``triage_result`` count either way.
    """
    from reviewer.model.corpus import GROUNDS

    model_p: dict[str, float] = {}
    terms: dict[str, list[str]] = {}
    if model is not None and text.strip():
        pred = model.describe(text, k=k)
        model_p = dict(pred.probabilities)
        terms = {g: [t for t, _ in ev] for g, ev in pred.evidence.items()}
        for g in GROUNDS:  # evidence also for grounds named only by a cue
            if g not in terms and model_p.get(g, 0.0) >= 0.2:
                terms[g] = [t for t, _ in model.explain(text, g, k=k)]
    cues = cue_grounds(triage_result) if triage_result is not None else {}
    out = []
    for g in GROUNDS:
        mp = model_p.get(g) if model is not None else None
        cp, matched = cues.get(g, (0.0, []))
        p = max(mp or 0.0, cp)
        if p <= 0.0:
            continue
        evidence = list(matched) + [t for t in terms.get(g, []) if t not in matched]
        out.append(RequestGround(g, p, mp, cp, evidence[:k]))
    return sorted(out, key=lambda r: -r.probability)


def named_grounds(grounds: list[RequestGround], threshold: float = REQUEST_GROUND_THRESHOLD) -> list[str]:
    """The grounds a review names for the request (probability ≥ threshold)."""
    return [r.ground for r in grounds if r.probability >= threshold]


def document_prior(grounds: list[RequestGround] | dict[str, float] | None) -> dict[str, float]:
    """Distribution over document-level outcomes of an ordinary request, from its request grounds."""
    if isinstance(grounds, dict):
        probs = {g: float(p) for g, p in grounds.items()}
    else:
        probs = {r.ground: r.probability for r in grounds or []}
    probs = {g: min(max(p, 0.0), 1.0) for g, p in probs.items() if g in GROUND_CODE and p > 0}
    none = 1.0
    for p in probs.values():
        none *= 1.0 - p
    s = 1.0 - none
    base_total = sum(BASE_OUTCOMES.values())
    dist = {code: (1.0 - s) * share / base_total for code, share in BASE_OUTCOMES.items()}
    mass = sum(probs.values())
    if s > 0 and mass > 0:
        for g, p in probs.items():
            code = GROUND_CODE[g]
            dist[code] = dist.get(code, 0.0) + s * (1.0 - PARTIAL_SHARE) * p / mass
        dist["partial"] = dist.get("partial", 0.0) + s * PARTIAL_SHARE
    total = sum(dist.values()) or 1.0
    return {code: v / total for code, v in dist.items()}


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
    for code, p in document_prior(request_grounds).items():
        scores[code] = scores.get(code, 0.0) + p_ordinary * p
    total = sum(scores.values()) or 1.0
    return dict(sorted(((c, p / total) for c, p in scores.items()), key=lambda kv: -kv[1]))
