"""Grouped cross-validation of the three models on the training corpus (part of ``make eval``).

    python bench/eval_grouped_cv.py [--folds 5] [--recipes]

Groups: an authored record's ``group`` (authoring batch); a template passage's generator template
(``make_passages_a``) or family and document kind (``make_passages_c``), else its ``doc_type``; a template
request's register.  No group is on both sides of a fold, so a model is always tested on wording it did
not train on.  Each figure stands beside its baseline (see ``reviewer.model.evaluate``).

``recipes()`` (``--recipes``) decides what the template corpora are worth, without the dev cases: the
hand-written (authored) files are the realistic text, so every test is on a held-out authored file — one
request register (authored_court, authored_ocr …) or one document kind (authored_bid, authored_minutes …)
at a time, leave-one-file-out — and the training side varies: authored only; authored + all template
records; authored + the templates without near-duplicates; templates down-weighted.  Templates are never
tested on.  The request-grounds model has no template data (template requests carry no grounds).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))


def run(folds: int = 5, corpus_dir: Path | None = None) -> dict:
    from reviewer.model.corpus import load_corpus, training_datasets
    from reviewer.model.errors import ModelError
    from reviewer.model.evaluate import grouped_cv_grounds, grouped_cv_triage
    from reviewer.model.features import TokenCache
    from reviewer.model.training import drop_rare_classes
    from reviewer.paths import CORPORA_DIR

    corpus = training_datasets(load_corpus(corpus_dir or CORPORA_DIR, template_groups=True))  # as trained
    drop_rare_classes(corpus.requests)
    cache = TokenCache()
    out: dict = {"corpus_sha256": corpus.sha256, "files": corpus.files, "folds": folds}
    held_out: dict = {}
    out["triage"] = grouped_cv_triage(corpus.requests, folds, cache=cache, out_of_fold=held_out)
    out["correction_gate"] = correction_gate(corpus.requests, held_out)
    out["grounds"] = grouped_cv_grounds(corpus.passages, folds, cache=cache)
    if len(corpus.request_grounds) >= 4:
        try:
            out["request_grounds"] = grouped_cv_grounds(corpus.request_grounds, folds, cache=cache)
        except ModelError as exc:
            out["request_grounds"] = {"error": str(exc)}
    else:
        out["request_grounds"] = {"error": f"语料中标注了 grounds 的申请只有 {len(corpus.request_grounds)} 条，未训练申请层面依据模型。"}
    for key in ("triage", "grounds", "request_grounds"):
        out[key].pop("confusion", None)
    return out


def correction_gate(data, held_out: dict) -> dict:
    """Step 补不补 on the corpus requests with held-out triage probabilities: how often the description
    (第二十九条第二款第（二）项) is reported missing — by the generic-word check alone, and with the triage gate of
    reviewer/decide/items.py (unclear per the fold's classifier and nothing a search could use) — on requests
    labelled 补正 (found) and on all others (false 补正)."""
    from reviewer.decide.description import correction_elements
    from reviewer.decide.request import DESCRIPTION_ELEMENT, completeness, parse_request
    from reviewer.decide.triage import TriageResult
    from reviewer.model.evaluate import proportion

    labels, proba = held_out["labels"], held_out["proba"]
    counts = {"found_before": 0, "found_after": 0, "false_before": 0, "false_after": 0}
    positives = negatives = 0
    for i, (text, label) in enumerate(zip(data.texts, data.labels, strict=True)):
        request = parse_request(text)
        request.missing = completeness(request, applicant_on_file=True)
        before = DESCRIPTION_ELEMENT in request.missing
        probabilities = {lab: float(p) for lab, p in zip(labels, proba[i], strict=True)}
        after = DESCRIPTION_ELEMENT in correction_elements(request, TriageResult(probabilities, {}, probabilities))
        if label == "other.correction":
            positives += 1
            counts["found_before"] += before
            counts["found_after"] += after
        else:
            negatives += 1
            counts["false_before"] += before
            counts["false_after"] += after
    return {"n_correction": positives, "n_other": negatives,
            **{k: proportion(v, positives if k.startswith("found") else negatives) for k, v in counts.items()}}


TEMPLATE_DOWN_WEIGHT = 0.25  # "templates down-weighted" in the recipe comparison
RECIPE_VARIANTS = (
    # key, Chinese name, which template records train (None / "all" / "dedup"), template weight,
    # whether the training text is normalised (the held-out text always is: that is what review/screen see)
    ("before", "原方案：手写 + 全部模板记录，训练文本未归一化", "all", 1.0, False),
    ("authored", "仅手写语料", None, 0.0, True),
    ("templates", "手写 + 全部模板记录", "all", 1.0, True),
    ("templates_dedup", "手写 + 去近重复的模板记录", "dedup", 1.0, True),
    ("templates_down", f"手写 + 全部模板记录（权重 {TEMPLATE_DOWN_WEIGHT:g}）", "all", TEMPLATE_DOWN_WEIGHT, True),
    ("templates_dedup_down", f"手写 + 去近重复的模板记录（权重 {TEMPLATE_DOWN_WEIGHT:g}）", "dedup",
     TEMPLATE_DOWN_WEIGHT, True),
)


def _held_out_splits(files: list[str], normalise: bool) -> tuple[list, list[str]]:
    """Leave-one-authored-file-out over a doubled dataset (rows ``0…n-1`` raw text, ``n…2n-1`` normalised):
    test on the normalised rows of one authored file, train on the raw or normalised rows of all others."""
    import numpy as np

    from reviewer.model.corpus import is_authored_file

    n = len(files)
    authored = sorted({f for f in files if is_authored_file(f)})
    index = np.arange(n)
    offset = n if normalise else 0
    splits = [(index[[f != part for f in files]] + offset, index[[f == part for f in files]] + n) for part in authored]
    return splits, authored


# Template files and the generator call that gives them WITH their near-duplicates (committed files have
# them dropped); used for the "all template records" variants of the recipe comparison.
GENERATORS = {
    "requests/seed.jsonl": ("make_requests", "build_corpus"),
    "passages/part_a.jsonl": ("make_passages_a", "build"),
    "passages/part_b.jsonl": ("make_passages_b", "generate"),
}


def _load_generator(path: Path):
    """Import a generator script from its file (a private module name, so nothing is shadowed)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(f"_recipe_gen_{path.stem}", path)
    if spec is None or spec.loader is None:
        raise ImportError(path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        sys.modules.pop(spec.name, None)
    return module


def dropped_near_duplicates(corpus_dir: Path) -> tuple[dict[str, list[dict]], list[str]]:
    """Per template file, the generated records that the committed file no longer holds (its dropped
    near-duplicates), regenerated with ``dedup=False``; and the files whose generator could not run."""
    import json

    tools = Path(corpus_dir) / "tools"
    out: dict[str, list[dict]] = {}
    missing: list[str] = []
    for rel, (module, func) in GENERATORS.items():
        path = Path(corpus_dir) / rel
        script = tools / f"{module}.py"
        if not path.is_file():
            continue
        if not script.is_file():
            missing.append(rel)
            continue
        try:
            records = getattr(_load_generator(script), func)(dedup=False)
        except Exception:  # noqa: BLE001 - Faker missing or a different version: report, do not guess
            missing.append(rel)
            continue
        committed = {json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()
                     if line.strip()}
        out[rel] = [r for r in records if r["text"] not in committed]
    return out, missing


def _with_dropped(data, files: list[str], dropped: dict[str, list[dict]]):
    """The dataset plus the dropped near-duplicates (appended, same file); returns (data, files)."""
    from reviewer.model.corpus import GROUNDS, Dataset

    out = Dataset(data.task)
    out.extend(data)
    files = list(files)
    kind = "requests" if data.task == "triage" else "passages"
    for rel, records in dropped.items():
        if not rel.startswith(kind + "/"):
            continue
        for r in records:
            label = r["label"] if data.task == "triage" else sorted(set(r["labels"]), key=GROUNDS.index)
            out.add(r["text"], label, 1.0, "seed", f"dropped:{rel}")
            files.append(rel)
    return out, files


def _template_masks(data, files: list[str], n_committed: int) -> dict:
    """Per variant selection (bool per example) of the template records that may train: ``all`` = the
    committed template records plus their dropped near-duplicates, ``dedup`` = committed records without
    near-duplicates among themselves."""
    import numpy as np

    from reviewer.model.corpus import is_authored_file, near_duplicate_keep

    template = np.array([not is_authored_file(f) for f in files])
    dedup = np.zeros(len(files), dtype=bool)
    for part in sorted({f for f in files[:n_committed] if not is_authored_file(f)}):
        idx = [i for i, f in enumerate(files[:n_committed]) if f == part]
        for k in near_duplicate_keep([data.texts[i] for i in idx]):
            dedup[idx[k]] = True
    return {None: np.zeros(len(files), dtype=bool), "all": template, "dedup": dedup}


def _doubled(data, template_mask, weight: float):
    """Raw rows, then the same rows normalised; template rows weigh ``weight``."""
    from reviewer.model.corpus import Dataset
    from reviewer.text.normalize import normalize

    out = Dataset(data.task)
    for norm in (False, True):
        for i, (t, lab, w, src, g) in enumerate(zip(data.texts, data.labels, data.weights, data.sources,
                                                      data.group_keys(), strict=True)):
            out.add(normalize(t).text if norm else t, lab, weight if template_mask[i] else w, src, g)
    return out


def recipes(corpus_dir: Path | None = None) -> dict:
    """Held-out authored evaluation of each training recipe (see the module docstring)."""
    import numpy as np

    from reviewer.model.corpus import TEMPLATE_WEIGHTS, is_authored_file, load_corpus
    from reviewer.model.evaluate import grouped_cv_grounds, grouped_cv_triage
    from reviewer.model.features import TokenCache
    from reviewer.paths import CORPORA_DIR

    corpus_dir = Path(corpus_dir or CORPORA_DIR)
    corpus = load_corpus(corpus_dir, template_weight=1.0)
    dropped, missing = dropped_near_duplicates(corpus_dir)
    cache = TokenCache()
    out: dict = {"variants": [{"key": k, "name": n, "templates": sel, "weight": w, "normalised_training_text": z}
                              for k, n, sel, w, z in RECIPE_VARIANTS],
                 "template_down_weight": TEMPLATE_DOWN_WEIGHT, "generators_unavailable": missing,
                 "current_template_weights": dict(TEMPLATE_WEIGHTS)}
    for task, data, files, func in (("triage", corpus.requests, corpus.request_files, grouped_cv_triage),
                                    ("grounds", corpus.passages, corpus.passage_files, grouped_cv_grounds)):
        n_committed = len(data)
        data, files = _with_dropped(data, files, dropped)
        authored = np.array([is_authored_file(f) for f in files])
        masks = _template_masks(data, files, n_committed)
        held_out = sorted({f for f in files if is_authored_file(f)})
        section: dict = {"held_out_files": held_out, "n_authored": int(authored.sum()),
                         "n_templates_committed": int((~authored[:n_committed]).sum()),
                         "n_templates": int(masks["all"].sum()),
                         "n_templates_dedup": int(masks["dedup"].sum()), "results": {}}
        for key, _name, sel, weight, normalise in RECIPE_VARIANTS:
            splits, _parts = _held_out_splits(files, normalise)
            usable = authored | masks[sel]
            train_mask = np.concatenate([usable & (not normalise), usable & normalise])
            score_mask = np.concatenate([np.zeros(len(files), dtype=bool), authored])
            report = func(_doubled(data, masks[sel], weight), len(splits), None, cache, None,
                          train_mask, score_mask, splits)
            sub = report["subset"]
            sub.pop("confusion", None)
            sub["n_train_templates"] = int(masks[sel].sum())
            section["results"][key] = sub
        section["best"] = _best(task, section["results"])
        out[task] = section
    rg = corpus.request_grounds
    out["request_grounds"] = {"n_authored": len(rg), "n_templates": 0,
                              "note": "模板申请没有标注申请层面依据，该模型只用手写语料训练，不随方案变化。"}
    return out


def recipe_score(task: str, report: dict) -> float:
    """The figure a recipe is chosen by: triage top-1 on held-out authored text; grounds macro F2."""
    return report["top1"]["value"] if task == "triage" else (report["macro"]["f2"] or 0.0)


def _best(task: str, results: dict) -> str:
    return max(results, key=lambda k: (recipe_score(task, results[k]), k == "authored"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="训练语料上的分组交叉验证（附基线）。")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--recipes", action="store_true", help="只比较训练方案（留出手写语料文件）")
    args = parser.parse_args(argv)
    result = recipes() if args.recipes else run(args.folds)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
