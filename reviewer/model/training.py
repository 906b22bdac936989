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
from reviewer.model.corpus import GROUNDS, Dataset, dataset_sha256, load_corpus
from reviewer.model.errors import ModelError
from reviewer.model.features import FeatureConfig, TokenCache

DECISIONS_REPORT = "decisions_report.json"


@dataclass
class TrainResult:
    """What a training run produced."""

    model_dir: Path
    card: dict
    triage: TriageModel
    grounds: GroundsModel
    decisions: object | None = None                       # DecisionImport when decision files were given
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
            key = "seed" if s == "seed" else "decisions"
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
) -> TrainResult:
    """Train on the seed corpus plus ``decision_files`` and write the next ``model-vNNN`` under ``base_dir``.

    ``progress`` (optional) is called with short Chinese status lines.
    """
    from reviewer.model.decisions import import_decisions
    from reviewer.model.evaluate import cross_validate_grounds, cross_validate_triage
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
    if seed_weight < 0 or decisions_weight < 0:
        raise ModelError("样本权重不能为负数。")

    corpus = load_corpus(corpus_dir, weight=seed_weight)
    triage_data, grounds_data = Dataset("triage"), Dataset("grounds")
    if seed_weight > 0:
        triage_data.extend(corpus.requests)
        grounds_data.extend(corpus.passages)
    say(f"种子语料：申请 {len(corpus.requests)} 条，段落 {len(corpus.passages)} 条。")

    imported = None
    if decision_files:
        imported = import_decisions([Path(p) for p in decision_files], weight=decisions_weight)
        triage_data.extend(imported.requests)
        grounds_data.extend(imported.passages)
        say(f"历史决定：申请 {len(imported.requests)} 条，段落 {len(imported.passages)} 条，"
            f"无法使用 {len(imported.unusable)} 行。")
    dropped = drop_rare_classes(triage_data)

    cache = TokenCache()
    cache.warm(triage_data.texts + grounds_data.texts)
    say("训练模型……")
    triage, grounds = fit_models(triage_data, grounds_data, seed=seed, cache=cache)

    metrics: dict = {}
    if folds and folds >= 2:
        say(f"{folds} 折交叉验证……")
        metrics["triage"] = {"cv": cross_validate_triage(triage_data, folds, seed, cache)}
        metrics["grounds"] = {"cv": cross_validate_grounds(grounds_data, folds, seed, cache)}

    previous = list_versions(base_dir)
    extra = {
        "previous": previous[-1].name if previous else None,
        "corpus": {"dir": str(corpus_dir), "sha256": corpus.sha256, "files": corpus.files,
                   "weight": seed_weight, "problems": corpus.problems[:50]},
        "decisions": _decisions_card(imported, decisions_weight),
        "dropped_classes": dropped,
    }
    card = build_card(triage, grounds, triage_data, grounds_data, seed, metrics, extra)
    target = next_version_dir(base_dir)
    data = encode_training_data(triage_data, grounds_data)
    extras = {}
    if imported is not None:
        report = {
            "unusable": [p.as_dict() for p in imported.unusable],
            "partly_used": [p.as_dict() for p in imported.partly_used],
        }
        extras[DECISIONS_REPORT] = (json.dumps(report, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    model_dir = save_model_dir(target, {"triage": triage, "grounds": grounds}, card, data, extras)
    from reviewer.model.persist import read_card

    return TrainResult(
        model_dir=model_dir, card=read_card(model_dir), triage=triage, grounds=grounds, decisions=imported,
        dropped_classes=dropped, seconds=time.perf_counter() - started,
    )


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
