"""Development-case evaluation with a baseline beside every figure (part of ``make eval``).

    python bench/eval_baselines_dev.py [--format text|json]

On ``../shared/dev`` (error analysis and reporting only — nothing is tuned on these cases):

(a) triage: the label printed by ``reviewer review`` (classifier + cues, on the text the review reads —
    ``reviewer.app.pipeline.request_body``: without particulars, threats, claims and past stories) against the case's reply type
    mapped to a triage label (``rules/outcome_labels.yaml``); baseline: always the majority label.
    ECE of the printed top probability.
(b) reply type: ``run_review`` with no documents and ``--applicant-on-file``; top-1 and top-3 against the
    reply type or an accepted alternative, on all cases and on the request-determinable ones; baselines:
    the best constant answer and the best constant list of three.  The ranking from the request alone
    (``reviewer.decide.ranking.rank_from_request``, on the same text) is scored the same way.
(c) request grounds: for cases whose case turned on a ground (``categories``), the share where the review
    names one of them from the request alone; baseline: always naming the single most frequent ground.
(d) documents: per-ground precision / recall / F2 of screening (rules + classifier, score ≥ 0.5) beside the
    flag-everything F2, and the share of clean snippets whose verdict is not "clean".

Prints ids, codes and numbers only, never case text.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

from devcases import (  # noqa: E402
    DOC_CATEGORIES,
    REQUEST_DETERMINABLE,
    accepted_codes,
    base_code,
    dev_dir,
    has_request,
    load_documents,
    load_replies,
)


def _topk(ranked: list[str], accepted: set[str], k: int) -> bool:
    return any(code in accepted for code in ranked[:k])


def score_rankings(cases: list[dict], ranked: list[list[str]]) -> dict:
    """Top-1 / top-3 with their constant baselines, on all cases and the request-determinable ones."""
    from reviewer.model.evaluate import beats, best_constant_top_k, proportion

    out = {}
    subsets = {"all": list(range(len(cases))),
               "determinable": [i for i, c in enumerate(cases) if base_code(c["reply_type"]) in REQUEST_DETERMINABLE]}
    for name, idx in subsets.items():
        accepted = [accepted_codes(cases[i]) for i in idx]
        top1 = proportion(sum(_topk(ranked[i], accepted_codes(cases[i]), 1) for i in idx), len(idx))
        top3 = proportion(sum(_topk(ranked[i], accepted_codes(cases[i]), 3) for i in idx), len(idx))
        base1 = best_constant_top_k(accepted, 1)
        base3 = best_constant_top_k(accepted, 3)
        out[name] = {"top1": top1, "top3": top3, "baseline_top1": base1, "baseline_top3": base3,
                     "beats_baseline": {"top1": beats(top1, base1), "top3": beats(top3, base3)}}
    return out


def evaluate_replies(cases: list[dict], models) -> dict:
    """(a), (b) and (c) on the cases with a quoted request."""
    from reviewer.app.pipeline import ReviewOptions, request_body, run_review
    from reviewer.decide.ranking import rank_from_request, request_grounds
    from reviewer.decide.request import parse_request
    from reviewer.decide.triage import load_cues, triage
    from reviewer.model.decisions import OutcomeMapper
    from reviewer.model.evaluate import (
        beats,
        best_constant_top_k,
        expected_calibration_error,
        majority_baseline,
        proportion,
    )

    cases = [c for c in cases if has_request(c)]
    mapper = OutcomeMapper()
    cues = load_cues()
    triage_model = models.triage if models is not None else None
    rg_model = getattr(models, "request_grounds", None) if models is not None else None
    review_ranked, request_ranked, triage_rows, grounds_rows, errors = [], [], [], [], []
    adopted_rows: list[tuple[str, str | None]] = []  # (gold label, the outcome the review adopted)
    first_conf: list[tuple[float, bool]] = []  # the review's first candidate: printed probability, right?
    ground_conf: list[tuple[float, bool]] = []  # request-ground probabilities (0 when not printed), right?
    for case in cases:
        text = case["request"]
        # The ranking from the request alone reads what the review's triage reads (pipeline.request_body).
        body = request_body(parse_request(text).text)
        result = triage(body, cues, triage_model)
        grounds = request_grounds(body, result, rg_model)
        request_ranked.append(list(rank_from_request(body, result, grounds)))
        printed_top, printed_p, printed_grounds = None, 0.0, {}
        try:
            outcome = run_review(text, ReviewOptions(use_model=models is not None, applicant_on_file=True))
            data = outcome.to_dict()
            first = data["reply"]["code"]
            others = sorted(data.get("candidates") or [], key=lambda c: -float(c.get("probability") or 0))
            review_ranked.append([first] + [c["code"] for c in others if c["code"] != first])
            p_first = next((float(c["probability"]) for c in others if c["code"] == first), 0.0)
            first_conf.append((p_first, first in accepted_codes(case)))
            adopted = data["triage"].get("adopted")
            # (a) and (c) score what the review prints: its triage and its request-level grounds
            printed_top = data["triage"]["top"]
            printed_p = float(data["triage"]["probabilities"].get(printed_top, 0.0))
            printed_grounds = {g["ground"]: g for g in data.get("request_grounds") or []}
        except Exception as exc:  # noqa: BLE001 - counted, never hidden
            errors.append(f"{case['id']}:{type(exc).__name__}")
            review_ranked.append([])
            adopted = None
        mapped = mapper.map(case["reply_type"])
        if mapped is not None and mapped.request_label and printed_top is not None:
            # A cue-only withholding outcome is an ordinary request whose information may be withheld.
            top = "ordinary" if printed_top.startswith("withhold.") else printed_top
            triage_rows.append((mapped.request_label, top, printed_p))
            adopted_rows.append((mapped.request_label, adopted))
        gold_grounds = {g for g in case.get("categories") or [] if g}
        grounds_rows.append((case["id"], gold_grounds, {g for g, row in printed_grounds.items() if row.get("named")}))
        for ground in DOC_CATEGORIES:  # every printed request-ground probability against the case
            ground_conf.append((float((printed_grounds.get(ground) or {}).get("probability", 0.0)),
                                ground in gold_grounds))
    gold = [g for g, _, _ in triage_rows]
    hits = [g == p for g, p, _ in triage_rows]
    accuracy = proportion(sum(hits), len(hits))
    majority = majority_baseline(gold)
    turned = [(gold_g, named) for _, gold_g, named in grounds_rows if gold_g]
    clean = [named for _, gold_g, named in grounds_rows if not gold_g]
    named_hit = proportion(sum(1 for g, n in turned if g & n), len(turned))
    named_base = best_constant_top_k([g for g, _ in turned], 1)
    return {
        "n_cases": len(cases),
        "errors": errors,
        "triage": {"accuracy": accuracy, "baseline_majority": majority,
                   "beats_baseline": beats(accuracy, majority),
                   "calibration": expected_calibration_error([c for _, _, c in triage_rows], hits)},
        # The request-level outcome the review adopted after its decision rules (e.g. 补正 only with a named
        # missing element, 第三十条) — what the officer is shown — beside the same baseline.
        "triage_review": {"accuracy": (acc_adopted := proportion(sum(g == a for g, a in adopted_rows),
                                                                  len(adopted_rows))),
                          "baseline_majority": majority, "beats_baseline": beats(acc_adopted, majority)},
        "reply_review": score_rankings(cases, review_ranked),
        "reply_calibration": expected_calibration_error([c for c, _ in first_conf], [ok for _, ok in first_conf]),
        "reply_request_ranking": score_rankings(cases, request_ranked),
        "request_grounds": {"named": named_hit, "baseline_constant": named_base,
                            "beats_baseline": beats(named_hit, named_base),
                            "named_without_ground": proportion(sum(1 for n in clean if n), len(clean)),
                            "model": rg_model is not None,
                            "calibration": expected_calibration_error([p for p, _ in ground_conf],
                                                                      [ok for _, ok in ground_conf])},
    }


def evaluate_documents(docs: list[dict], models, threshold: float = 0.5) -> dict:
    """(d): per-ground P/R/F2 beside the flag-everything F2, and the clean-flagged rate."""
    from reviewer.model.evaluate import binary_metrics, proportion
    from reviewer.screen.screening import Screener

    screener = Screener(grounds_model=models.grounds if models is not None else None, threshold=threshold)
    gold, pred, verdicts, errors = [], [], [], []
    for doc in docs:
        labels = {lab for lab in doc.get("labels") or [] if lab != "clean"}
        try:
            result = screener.screen_text(doc["text"], path=doc["id"])
        except Exception as exc:  # noqa: BLE001
            errors.append(f"{doc['id']}:{type(exc).__name__}")
            continue
        gold.append(labels)
        pred.append({name for name, cat in result.categories.items() if cat.score >= threshold})
        verdicts.append(result.verdict)
    n = len(gold)
    per_ground = {}
    for ground in DOC_CATEGORIES:
        tp = sum(1 for g, p in zip(gold, pred) if ground in g and ground in p)
        fp = sum(1 for g, p in zip(gold, pred) if ground not in g and ground in p)
        fn = sum(1 for g, p in zip(gold, pred) if ground in g and ground not in p)
        m = binary_metrics(tp, fp, fn, n - tp - fp - fn)
        prevalence = m["support"] / n if n else 0.0
        m["baseline_f2"] = round(5 * prevalence / (4 * prevalence + 1), 4) if prevalence else None
        m["beats_baseline"] = bool(m["f2"] is not None and m["baseline_f2"] is not None and m["f2"] > m["baseline_f2"])
        per_ground[ground] = m
    clean_idx = [i for i, g in enumerate(gold) if not g]
    flagged = sum(1 for i in clean_idx if verdicts[i] != "clean")
    worst = min((m["f2"] for m in per_ground.values() if m["support"]), default=None)
    return {"n": n, "threshold": threshold, "errors": errors, "per_ground": per_ground,
            "worst_f2": worst, "clean_flagged": proportion(flagged, len(clean_idx)),
            "clean_flagged_target": 0.10}


def run(models=None) -> dict | None:
    """Everything above, or None when the development cases are absent."""
    base = dev_dir()
    replies = load_replies(base) if base else None
    docs = load_documents(base) if base else None
    if not replies and not docs:
        return None
    if models is None:
        from reviewer.model.loader import load_models

        models, _warning = load_models()
    out: dict = {"dev_dir": str(base), "model": getattr(models, "version", None)}
    if replies:
        out.update(evaluate_replies(replies, models))
    if docs:
        out["documents"] = evaluate_documents(docs, models)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="在 ../shared/dev 上评估，并列出基线（仅用于误差分析）。")
    parser.add_argument("--format", choices=("text", "json"), default="json")
    args = parser.parse_args(argv)
    result = run()
    if result is None:
        print("未找到开发用例目录（../shared/dev），跳过。")
        return 0
    if args.format == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        from readme_tables import dev_tables

        print(dev_tables(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
