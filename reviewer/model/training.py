"""Training a model version: seed corpus (+ past decisions) → fitted models → model directory.

:func:`fit_models` fits both classifiers on given datasets; :func:`train_version` is what
``reviewer train`` runs: read the corpus and decision files, merge them with weights, fit, cross-validate,
and write a new ``model-vNNN`` directory next to the earlier ones (never overwriting one).
"""

from __future__ import annotations

import datetime as _dt
import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.model.classifiers import DEFAULT_SEED, GroundsModel, TriageModel
from reviewer.model.corpus import (
    GROUNDS,
    NORMALISE_TRAINING_TEXT,
    TEMPLATE_WEIGHTS,
    Dataset,
    dataset_sha256,
    load_corpus,
    normalise_dataset,
)
from reviewer.model.errors import ModelError
from reviewer.model.features import FeatureConfig, TokenCache

DECISIONS_REPORT = "decisions_report.json"
REQUEST_GROUNDS_DATA = "request_grounds_data.jsonl"  # training data of the request-grounds model
GROUPS_NAME = "groups.json"  # evaluation group of every training example (grouped cross-validation)
# The office's own decisions and finding verdicts outweigh a seed-corpus example three to one: they are
# real requests of this office, judged by its officers (``reviewer train --from-store``).
OFFICE_WEIGHT = 3.0
MIN_REQUEST_GROUNDS = 4  # fewer request-grounds examples: no request-grounds model (cues only)


@dataclass
class TrainResult:
    """What a training run produced."""

    model_dir: Path
    card: dict
    triage: TriageModel
    grounds: GroundsModel
    decisions: object | None = None                       # DecisionImport when decision files were given
    request_grounds: GroundsModel | None = None           # request-level grounds, when there is data
    office: object | None = None                          # OfficeExamples when the decision store was used
    dropped_classes: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def drop_rare_classes(data: Dataset, minimum: int = 2) -> dict[str, int]:
    """Remove triage examples of classes with fewer than ``minimum`` examples; return what was removed."""
    counts: dict[str, int] = {}
    for lab in data.labels:
        counts[lab] = counts.get(lab, 0) + 1
    rare = {lab: n for lab, n in counts.items() if n < minimum}
    if rare:
        keep = [i for i, lab in enumerate(data.labels) if lab not in rare]
        if len(data.groups) == len(data.labels):
            data.groups = [data.groups[i] for i in keep]
        data.texts = [data.texts[i] for i in keep]
        data.labels = [data.labels[i] for i in keep]
        data.weights = [data.weights[i] for i in keep]
        data.sources = [data.sources[i] for i in keep]
    return rare


def fit_models(
    triage_data: Dataset, grounds_data: Dataset, seed: int = DEFAULT_SEED, cache: TokenCache | None = None
) -> tuple[TriageModel, GroundsModel]:
    """Fit both classifiers (texts segmented once, shared between them)."""
    if len(triage_data) == 0:
        raise ModelError("没有申请样本，无法训练申请分类模型。")
    if len(grounds_data) == 0:
        raise ModelError("没有段落样本，无法训练不公开依据模型。")
    cache = cache if cache is not None else TokenCache()
    triage = TriageModel(seed=seed).fit(
        triage_data.texts, triage_data.labels, sample_weight=triage_data.weights, cache=cache
    )
    grounds = GroundsModel(seed=seed).fit(
        grounds_data.texts, grounds_data.labels, sample_weight=grounds_data.weights, cache=cache
    )
    return triage, grounds


def fit_request_grounds(data: Dataset | None, seed: int = DEFAULT_SEED, cache: TokenCache | None = None
                        ) -> GroundsModel | None:
    """The request-grounds model (a :class:`GroundsModel` over request texts), or None without enough data."""
    if data is None or len(data) < MIN_REQUEST_GROUNDS:
        return None
    model = GroundsModel(seed=seed).fit(data.texts, data.labels, sample_weight=data.weights, cache=cache)
    return None if len(model.untrained_grounds) == len(GROUNDS) else model


def encode_eval_extras(triage_data: Dataset, grounds_data: Dataset, request_grounds_data: Dataset | None
                       ) -> dict[str, bytes]:
    """Extra model-directory files: the request-grounds training data and every example's group."""
    groups = {"triage": triage_data.group_keys(), "grounds": grounds_data.group_keys()}
    out = {}
    if request_grounds_data is not None and len(request_grounds_data):
        groups["request_grounds"] = request_grounds_data.group_keys()
        lines = [json.dumps({"text": t, "label": lab, "weight": w, "source": s}, ensure_ascii=False)
                 for t, lab, w, s in zip(request_grounds_data.texts, request_grounds_data.labels,
                                         request_grounds_data.weights, request_grounds_data.sources, strict=True)]
        out[REQUEST_GROUNDS_DATA] = ("\n".join(lines) + "\n").encode("utf-8")
    out[GROUPS_NAME] = (json.dumps(groups, ensure_ascii=False) + "\n").encode("utf-8")
    return out


def read_eval_extras(model_dir: Path, card: dict, triage_data: Dataset, grounds_data: Dataset) -> Dataset | None:
    """Attach the recorded groups to the training datasets; return the request-grounds data (or None)."""
    from reviewer.model.persist import verify_file

    files = card.get("files", {})
    groups: dict = {}
    if GROUPS_NAME in files:
        groups = json.loads(verify_file(model_dir, card, GROUPS_NAME).decode("utf-8"))
    for key, data in (("triage", triage_data), ("grounds", grounds_data)):
        if len(groups.get(key, [])) == len(data):
            data.groups = list(groups[key])
    if REQUEST_GROUNDS_DATA not in files:
        return None
    rg = Dataset("request_grounds")
    for line in verify_file(model_dir, card, REQUEST_GROUNDS_DATA).decode("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            rg.add(row["text"], row["label"], row.get("weight", 1.0), row.get("source", "seed"))
    if len(groups.get("request_grounds", [])) == len(rg):
        rg.groups = list(groups["request_grounds"])
    return rg


def build_card(
    triage: TriageModel,
    grounds: GroundsModel,
    triage_data: Dataset,
    grounds_data: Dataset,
    seed: int,
    metrics: dict | None = None,
    extra: dict | None = None,
) -> dict:
    """The descriptive part of a model card (persist adds format, version, files and libraries)."""

    def sources(data: Dataset) -> dict[str, int]:
        out: dict[str, int] = {}
        for s in data.sources:
            key = s if s in ("seed", "office") else "decisions"
            out[key] = out.get(key, 0) + 1
        return out

    card = {
        "created": _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "seed": seed,
        "labels": {"triage": [str(c) for c in triage.classes_], "grounds": list(GROUNDS)},
        "untrained_grounds": grounds.untrained_grounds,
        "training": {
            "triage": {"n": len(triage_data), "sha256": dataset_sha256(triage_data),
                       "counts": triage_data.counts(), "sources": sources(triage_data)},
            "grounds": {"n": len(grounds_data), "sha256": dataset_sha256(grounds_data),
                        "counts": grounds_data.counts(), "sources": sources(grounds_data)},
        },
        "params": {"triage": triage.get_params(), "grounds": grounds.get_params()},
        "features": FeatureConfig(
            word_max_features=triage.word_max_features, char_max_features=triage.char_max_features
        ).as_dict(),
        "metrics": metrics or {},
    }
    card.update(extra or {})
    return card


def train_version(
    base_dir: Path | None = None,
    decision_files=(),
    seed_weight: float = 1.0,
    decisions_weight: float = 2.0,
    corpus_dir: Path | None = None,
    folds: int = 5,
    seed: int = DEFAULT_SEED,
    progress=None,
    office_rows: list[dict] | None = None,
    office_weight: float = OFFICE_WEIGHT,
) -> TrainResult:
    """Train on the seed corpus plus ``decision_files`` (and the decision store's ``office_rows``, see
    :func:`reviewer.model.decisions.office_examples`) and write the next ``model-vNNN`` under ``base_dir``.

    With ``folds`` ≥ 2 the card gets stratified and grouped cross-validation; with office rows also the
    grouped evaluation *before* (office examples never trained on) and *after* learning from them, on the
    same folds.  ``progress`` (optional) is called with short Chinese status lines.
    """
    from reviewer.model.decisions import import_decisions, office_examples
    from reviewer.model.evaluate import (
        cross_validate_grounds,
        cross_validate_triage,
        grouped_cv_grounds,
        grouped_cv_triage,
    )
    from reviewer.model.persist import (
        encode_training_data,
        list_versions,
        next_version_dir,
        save_model_dir,
    )
    from reviewer.paths import CORPORA_DIR, data_dir

    say = progress or (lambda _msg: None)
    started = time.perf_counter()
    base_dir = Path(base_dir) if base_dir else data_dir() / "models"
    corpus_dir = Path(corpus_dir) if corpus_dir else CORPORA_DIR
    if seed_weight < 0 or decisions_weight < 0 or office_weight < 0:
        raise ModelError("样本权重不能为负数。")

    corpus = load_corpus(corpus_dir, weight=seed_weight, template_groups=folds >= 2)
    triage_data, grounds_data = Dataset("triage"), Dataset("grounds")
    rg_data = Dataset("request_grounds")
    if seed_weight > 0:
        triage_data.extend(corpus.requests)
        grounds_data.extend(corpus.passages)
        rg_data.extend(corpus.request_grounds)
    say(f"种子语料：申请 {len(corpus.requests)} 条，段落 {len(corpus.passages)} 条，"
        f"标注申请依据的申请 {len(corpus.request_grounds)} 条。")

    imported = None
    if decision_files:
        imported = import_decisions([Path(p) for p in decision_files], weight=decisions_weight)
        triage_data.extend(imported.requests)
        grounds_data.extend(imported.passages)
        say(f"历史决定：申请 {len(imported.requests)} 条，段落 {len(imported.passages)} 条，"
            f"无法使用 {len(imported.unusable)} 行。")
    office = None
    if office_rows:
        office = office_examples(office_rows, office_weight)
        triage_data.extend(office.requests)
        grounds_data.extend(office.passages)
        rg_data.extend(office.request_grounds)
        c = office.counts
        say(f"决定库（权重 {office_weight:g}）：答复决定 {c['decisions']} 件，采纳的发现 {c['findings_accepted']} 条，"
            f"驳回的发现 {c['findings_rejected']} 条，无法使用 {c['skipped']} 条。")
    if NORMALISE_TRAINING_TEXT:  # the models only ever see normalised text (decision files and office rows too)
        for data in (triage_data, grounds_data, rg_data):
            normalise_dataset(data)
    dropped = drop_rare_classes(triage_data)

    cache = TokenCache()
    cache.warm(triage_data.texts + grounds_data.texts + rg_data.texts)
    say("训练模型……")
    triage, grounds = fit_models(triage_data, grounds_data, seed=seed, cache=cache)
    request_grounds = fit_request_grounds(rg_data, seed=seed, cache=cache)

    metrics: dict = {}
    if folds and folds >= 2:
        say(f"{folds} 折交叉验证（分层与分组）……")
        metrics["triage"] = {"cv": cross_validate_triage(triage_data, folds, seed, cache),
                             "grouped_cv": _safe(grouped_cv_triage, triage_data, folds, seed, cache)}
        metrics["grounds"] = {"cv": cross_validate_grounds(grounds_data, folds, seed, cache),
                              "grouped_cv": _safe(grouped_cv_grounds, grounds_data, folds, seed, cache)}
        if request_grounds is not None:
            metrics["request_grounds"] = {"grouped_cv": _safe(grouped_cv_grounds, rg_data, folds, seed, cache)}
        if office is not None:
            metrics["office"] = office_before_after(triage_data, grounds_data, rg_data, folds, seed, cache)

    previous = list_versions(base_dir)
    extra = {
        "previous": previous[-1].name if previous else None,
        "corpus": {"dir": str(corpus_dir), "sha256": corpus.sha256, "files": corpus.files,
                   "weight": seed_weight, "template_weights": dict(TEMPLATE_WEIGHTS),
                   "problems": corpus.problems[:50]},
        "normalised_training_text": NORMALISE_TRAINING_TEXT,
        "decisions": _decisions_card(imported, decisions_weight),
        "office": None if office is None else {"weight": office_weight, "counts": office.counts},
        "dropped_classes": dropped,
        "request_grounds": {"n": len(rg_data), "trained": request_grounds is not None,
                            "counts": rg_data.counts() if len(rg_data) else {}},
    }
    card = build_card(triage, grounds, triage_data, grounds_data, seed, metrics, extra)
    target = next_version_dir(base_dir)
    data = encode_training_data(triage_data, grounds_data)
    extras = encode_eval_extras(triage_data, grounds_data, rg_data)
    if imported is not None:
        report = {
            "unusable": [p.as_dict() for p in imported.unusable],
            "partly_used": [p.as_dict() for p in imported.partly_used],
        }
        extras[DECISIONS_REPORT] = (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    models = {"triage": triage, "grounds": grounds}
    if request_grounds is not None:
        models["request_grounds"] = request_grounds
    model_dir = save_model_dir(target, models, card, data, extras)
    from reviewer.model.persist import read_card

    return TrainResult(
        model_dir=model_dir, card=read_card(model_dir), triage=triage, grounds=grounds, decisions=imported,
        dropped_classes=dropped, seconds=time.perf_counter() - started, request_grounds=request_grounds,
        office=office,
    )


def _safe(func, *args):
    """A grouped evaluation, or {"error": …} when the data cannot be split (too few groups)."""
    try:
        return func(*args)
    except ModelError as exc:
        return {"error": str(exc)}


def office_before_after(triage_data: Dataset, grounds_data: Dataset, rg_data: Dataset, folds: int, seed: int,
                        cache: TokenCache | None = None) -> dict:
    """Grouped evaluation on the same folds, trained without ("before") and with ("after") the office's
    own examples; scored on all test examples and on the office's examples alone."""
    from reviewer.model.evaluate import grouped_cv_grounds, grouped_cv_triage

    out: dict = {}
    for task, data, func in (("triage", triage_data, grouped_cv_triage), ("grounds", grounds_data, grouped_cv_grounds),
                             ("request_grounds", rg_data, grouped_cv_grounds)):
        is_office = [s == "office" for s in data.sources]
        if not any(is_office) or len(data) < 4:
            continue
        not_office = [not x for x in is_office]
        before = _safe(func, data, folds, seed, cache, None, not_office, is_office)
        after = _safe(func, data, folds, seed, cache, None, None, is_office)
        out[task] = {"office_examples": sum(is_office),
                     "before": _headline(before), "after": _headline(after),
                     "office_before": _headline(before.get("subset", {"error": "—"})),
                     "office_after": _headline(after.get("subset", {"error": "—"}))}
    return out


def _headline(report: dict) -> dict:
    """The few numbers of a grouped report that a before/after line needs."""
    if "error" in report:
        return report
    if "top1" in report:
        return {"top1": report["top1"], "top3": report["top3"], "baseline_majority": report["baseline_majority"]}
    return {"macro_f2": report["macro"]["f2"], "clean_flagged": report["clean_flagged"],
            "f2": {g: m["f2"] for g, m in report["per_class"].items() if m["support"]}}


def _decisions_card(imported, weight: float) -> dict | None:
    if imported is None:
        return None
    return {
        "weight": weight,
        "files": [
            {"file": f.file, "format": f.format, "encoding": f.encoding, "sha256": f.sha256, "rows": f.rows,
             "request_examples": f.request_examples, "passage_examples": f.passage_examples,
             "unusable": f.unusable, "partly_used": f.partly_used, "columns": f.columns}
            for f in imported.files
        ],
        "codes": dict(sorted(imported.codes.items())),
        "unusable_rows": len(imported.unusable),
    }
