"""Evaluation: cross-validation on the training data, scoring on a labelled file, comparison with the
previous model version, and text/JSON reports.

Per class (triage label or ground, one-vs-rest) the report gives precision, recall, F1, F2 (recall
weighted: a missed withholding ground costs more than a false alarm) and balanced accuracy, plus macro
averages; triage also gets accuracy and a confusion matrix.  Reports are plain dicts (JSON-ready).
"""

from __future__ import annotations

import json
import unicodedata
import warnings
from pathlib import Path

import numpy as np

from reviewer.model.corpus import GROUND_NAMES_ZH, GROUNDS, TRIAGE_LABELS, TRIAGE_NAMES_ZH, Dataset
from reviewer.model.errors import ModelError

METRICS = ("precision", "recall", "f1", "f2", "balanced_accuracy")
METRIC_NAMES_ZH = {"precision": "精确率", "recall": "召回率", "f1": "F1", "f2": "F2", "balanced_accuracy": "平衡准确率"}
COMPARE_METRIC = "f1"
TOLERANCE = 0.005


# --- metrics ------------------------------------------------------------------------
def binary_metrics(tp: int, fp: int, fn: int, tn: int) -> dict:
    """Precision, recall, F1, F2 and balanced accuracy of one class.

    A class absent from the gold labels (support 0) has no recall, F-scores or balanced accuracy
    (``None``); its precision is ``None`` too unless it was predicted (then 0.0).  A present class
    that is never predicted has precision 0.0 (scikit-learn's ``zero_division=0``).
    """
    support, predicted = tp + fn, tp + fp
    precision = tp / predicted if predicted else 0.0
    out: dict = {"support": int(support), "predicted": int(predicted)}
    if support == 0:
        out.update(precision=0.0 if predicted else None, recall=None, f1=None, f2=None, balanced_accuracy=None)
        return out
    recall = tp / support

    def fbeta(beta: float) -> float:
        b2 = beta * beta
        denom = b2 * precision + recall
        return (1 + b2) * precision * recall / denom if denom else 0.0

    balanced = (recall + tn / (tn + fp)) / 2 if tn + fp else None
    out.update(
        precision=round(precision, 4),
        recall=round(recall, 4),
        f1=round(fbeta(1.0), 4),
        f2=round(fbeta(2.0), 4),
        balanced_accuracy=None if balanced is None else round(balanced, 4),
    )
    return out


def _macro(per_class: dict[str, dict]) -> dict[str, float]:
    rows = [m for m in per_class.values() if m["support"] > 0]
    out = {}
    for k in METRICS:
        values = [m[k] for m in rows if m[k] is not None]
        out[k] = round(float(np.mean(values)), 4) if values else None
    return out


def triage_report(y_true, y_pred, labels=None) -> dict:
    """Per-class metrics, macro averages, accuracy and confusion matrix of a multi-class prediction."""
    y_true = [str(y) for y in y_true]
    y_pred = [str(y) for y in y_pred]
    present = set(y_true) | set(y_pred)
    labels = [lab for lab in (labels or TRIAGE_LABELS) if lab in present] + sorted(
        present - set(labels or TRIAGE_LABELS)
    )
    index = {lab: i for i, lab in enumerate(labels)}
    matrix = np.zeros((len(labels), len(labels)), dtype=int)
    for t, p in zip(y_true, y_pred, strict=False):
        matrix[index[t], index[p]] += 1
    n = int(matrix.sum())
    per_class = {}
    for lab, i in index.items():
        tp = int(matrix[i, i])
        fp = int(matrix[:, i].sum() - tp)
        fn = int(matrix[i, :].sum() - tp)
        per_class[lab] = binary_metrics(tp, fp, fn, n - tp - fp - fn)
    return {
        "n": n,
        "accuracy": round(float(np.trace(matrix)) / n, 4) if n else 0.0,
        "per_class": per_class,
        "macro": _macro(per_class),
        "confusion": {"labels": labels, "matrix": matrix.tolist()},
    }


def grounds_report(Y_true: np.ndarray, Y_pred: np.ndarray) -> dict:
    """Per-ground binary metrics, macro averages and clean/any-ground agreement of a multi-label prediction."""
    Y_true = np.asarray(Y_true, dtype=int)
    Y_pred = np.asarray(Y_pred, dtype=int)
    per_class = {}
    for j, ground in enumerate(GROUNDS):
        t, p = Y_true[:, j], Y_pred[:, j]
        tp = int(((t == 1) & (p == 1)).sum())
        fp = int(((t == 0) & (p == 1)).sum())
        fn = int(((t == 1) & (p == 0)).sum())
        per_class[ground] = binary_metrics(tp, fp, fn, len(t) - tp - fp - fn)
    any_t, any_p = Y_true.any(axis=1), Y_pred.any(axis=1)
    tp = int((any_t & any_p).sum())
    fp = int((~any_t & any_p).sum())
    fn = int((any_t & ~any_p).sum())
    return {
        "n": int(len(Y_true)),
        "exact_match": round(float((Y_true == Y_pred).all(axis=1).mean()), 4) if len(Y_true) else 0.0,
        "per_class": per_class,
        "macro": _macro(per_class),
        "any_ground": binary_metrics(tp, fp, fn, len(Y_true) - tp - fp - fn),
    }


# --- cross-validation ---------------------------------------------------------------
def cross_validate_triage(data: Dataset, folds: int = 5, seed: int | None = None, cache=None, params=None) -> dict:
    """Stratified k-fold CV of the triage model; classes with fewer than ``folds`` examples are left out.

    Each fold's features are fitted on that fold's training texts only (see
    :class:`~reviewer.model.features.CountMatrix`, which gives the same matrices as refitting the
    vectorizers, without recounting every n-gram).
    """
    from sklearn.base import clone
    from sklearn.model_selection import StratifiedKFold

    from reviewer.model.classifiers import DEFAULT_SEED, TriageModel
    from reviewer.model.features import CountMatrix, TokenCache

    seed = DEFAULT_SEED if seed is None else seed
    cache = cache if cache is not None else TokenCache()
    labels = np.asarray(data.labels, dtype=object)
    counts = {lab: int((labels == lab).sum()) for lab in set(data.labels)}
    excluded = sorted(lab for lab, c in counts.items() if c < folds)
    keep = np.array([lab not in excluded for lab in labels])
    texts = [t for t, k in zip(data.texts, keep, strict=False) if k]
    y = labels[keep]
    w = np.asarray(data.weights, dtype=float)[keep]
    if len(set(y)) < 2:
        raise ModelError(f"可用于 {folds} 折交叉验证的申请类别少于两个（每类至少需要 {folds} 条）。")
    pred = np.empty(len(y), dtype=object)
    template = TriageModel(seed=seed, **(params or {}))
    counts = CountMatrix(texts, template._config(), cache)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for train, test in splitter.split(np.zeros(len(y)), y):
        fold = counts.fold(train)
        model = clone(template).fit_matrix(fold.transform(train), y[train], sample_weight=w[train])
        pred[test] = model.classes_[model.predict_proba_X(fold.transform(test)).argmax(axis=1)]
    report = triage_report(list(y), list(pred))
    report.update(kind="cv", folds=folds, excluded=excluded)
    return report


def cross_validate_grounds(
    data: Dataset, folds: int = 5, seed: int | None = None, cache=None, params=None
) -> dict:
    """k-fold CV of the grounds model, scored per ground as a binary task.

    Folds are stratified on each passage's first ground (or "clean"), so every ground is spread
    across the folds; all seven ground classifiers are trained on each fold's training part.
    """
    from sklearn.base import clone
    from sklearn.model_selection import StratifiedKFold

    from reviewer.model.classifiers import DEFAULT_SEED, GroundsModel
    from reviewer.model.features import CountMatrix, TokenCache

    seed = DEFAULT_SEED if seed is None else seed
    cache = cache if cache is not None else TokenCache()
    if len(data) < folds * 2:
        raise ModelError(f"段落样本只有 {len(data)} 条，不足以做 {folds} 折交叉验证。")
    key = np.asarray([labs[0] if labs else "clean" for labs in data.labels], dtype=object)
    Y = GroundsModel.binarize(data.labels)
    w = np.asarray(data.weights, dtype=float)
    model_params = dict(params or {})
    threshold = model_params.get("threshold", GroundsModel().threshold)
    proba = np.zeros(Y.shape)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "least populated class has only n members"
        splits = list(splitter.split(np.zeros(len(key)), key))
    template = GroundsModel(seed=seed, **model_params)
    counts = CountMatrix(data.texts, template._config(), cache)
    for train, test in splits:
        fold = counts.fold(train)
        model = clone(template).fit_matrix(fold.transform(train), [data.labels[i] for i in train],
                                           sample_weight=w[train])
        proba[test] = model.predict_proba_X(fold.transform(test))
    report = grounds_report(Y, (proba >= threshold).astype(int))
    report.update(kind="cv", folds=folds, threshold=threshold)
    return report


# --- scoring a labelled file ---------------------------------------------------------
def load_labelled_file(path: Path) -> tuple[Dataset, Dataset, list[dict]]:
    """Labelled examples from a file: corpus-style JSONL (``label`` / ``labels``) or a decisions export.

    Returns (requests, passages, problems) where problems lists rows that could not be used.
    """
    path = Path(path)
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        corpus_rows = _corpus_style(path)
        if corpus_rows is not None:
            return corpus_rows
    from reviewer.model.decisions import import_decisions

    imported = import_decisions([path], weight=1.0)
    problems = [p.as_dict() for p in imported.unusable]
    return imported.requests, imported.passages, problems


def _corpus_style(path: Path):
    requests, passages = Dataset("triage"), Dataset("grounds")
    problems: list[dict] = []
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    first = next((ln for ln in lines if ln.strip()), "")
    try:
        head = json.loads(first) if first else {}
    except json.JSONDecodeError:
        return None
    if not isinstance(head, dict) or "text" not in head or not ("label" in head or "labels" in head):
        return None
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            text = row["text"]
            if "labels" in row:
                labels = [lab for lab in row["labels"] if lab != "clean"]
                if any(lab not in GROUNDS for lab in labels):
                    raise ValueError(f"未知依据 {labels}")
                passages.add(text, labels, 1.0, path.name)
            elif row.get("label") in TRIAGE_LABELS:
                requests.add(text, row["label"], 1.0, path.name)
            else:
                raise ValueError(f"未知类别 {row.get('label')!r}")
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            problems.append({"file": str(path), "row": lineno, "outcome": "", "reason": str(exc)})
    return requests, passages, problems


def score_triage(model, data: Dataset) -> dict:
    report = triage_report(list(data.labels), list(model.predict(data.texts)))
    report["kind"] = "data"
    return report


def score_grounds(model, data: Dataset) -> dict:
    report = grounds_report(model.binarize(data.labels), model.predict(data.texts))
    report.update(kind="data", threshold=model.threshold)
    return report


# --- comparison -----------------------------------------------------------------------
def compare_sections(current: dict | None, previous: dict | None, metric: str = COMPARE_METRIC) -> dict:
    """Per-class ``metric`` now vs before, with a verdict better / worse / same / new / dropped."""
    if not current or not previous:
        return {}
    out = {}
    cur, prev = current.get("per_class", {}), previous.get("per_class", {})
    for lab in list(cur) + [lab for lab in prev if lab not in cur]:
        c = cur.get(lab, {}).get(metric)
        p = prev.get(lab, {}).get(metric)
        if c is None and p is None:
            continue
        if c is None or p is None:
            verdict, delta = ("new" if p is None else "dropped"), None
        else:
            delta = round(c - p, 4)
            verdict = "better" if delta > TOLERANCE else "worse" if delta < -TOLERANCE else "same"
        out[lab] = {"metric": metric, "current": c, "previous": p, "delta": delta, "verdict": verdict}
    c, p = current.get("macro", {}).get(metric), previous.get("macro", {}).get(metric)
    if c is not None and p is not None:
        d = round(c - p, 4)
        out["macro"] = {"metric": metric, "current": c, "previous": p, "delta": d,
                        "verdict": "better" if d > TOLERANCE else "worse" if d < -TOLERANCE else "same"}
    return out


# --- whole-model evaluation -------------------------------------------------------------
def evaluate_models(loaded, data_file: Path | None = None, folds: int = 5, recompute: bool = False) -> dict:
    """Evaluate a loaded model directory: CV on its training data (``folds`` ≥ 2), scoring on
    ``data_file`` when given, and comparison with the previous version next to it.

    Cross-validation is deterministic (fixed seed), so when training already ran it with the same
    number of folds and the same library versions, the card's result is reused unless ``recompute``.
    """
    from reviewer.model.features import TokenCache
    from reviewer.model.persist import load_model_dir, previous_version_dir, read_card, read_training_data

    card = loaded.card
    seed = int(card.get("seed", 0)) or None
    report: dict = {
        "model": str(loaded.path),
        "version": loaded.version,
        "created": card.get("created"),
        "training": card.get("training", {}),
        "triage": {},
        "grounds": {},
        "warnings": list(loaded.warnings),
    }
    if folds and folds >= 2:
        triage_data, grounds_data = read_training_data(loaded.path, card)  # also verifies its SHA-256
        from reviewer.model.training import read_eval_extras

        rg_data = read_eval_extras(loaded.path, card, triage_data, grounds_data)
        stored = None if recompute else _stored_cv(card, folds)
        cache = TokenCache()
        params_t = _params(card, "triage")
        params_g = _params(card, "grounds")
        if stored is not None:
            report["triage"]["cv"], report["grounds"]["cv"] = stored
            report["cv_from_card"] = True
        else:
            report["triage"]["cv"] = cross_validate_triage(triage_data, folds, seed, cache, params_t)
            report["grounds"]["cv"] = cross_validate_grounds(grounds_data, folds, seed, cache, params_g)
        metrics = card.get("metrics") or {}
        for task, data, func, params in (("triage", triage_data, grouped_cv_triage, params_t),
                                         ("grounds", grounds_data, grouped_cv_grounds, params_g)):
            kept = None if recompute else (metrics.get(task) or {}).get("grouped_cv")
            if kept and kept.get("requested_folds") == folds and stored is not None:
                report[task]["grouped_cv"] = kept
            elif not any(data.groups):
                report[task]["grouped_cv"] = {"error": "模型目录未记录训练样本的分组（旧版本模型），无法做分组交叉验证；"
                                                       "请用 reviewer train 重新训练。"}
            else:
                try:
                    report[task]["grouped_cv"] = func(data, folds, seed, cache, params)
                except ModelError as exc:
                    report[task]["grouped_cv"] = {"error": str(exc)}
        if rg_data is not None and len(rg_data):
            try:
                report["request_grounds"] = {"grouped_cv": grouped_cv_grounds(rg_data, folds, seed, cache)}
            except ModelError as exc:
                report["request_grounds"] = {"grouped_cv": {"error": str(exc)}}
    if data_file is not None:
        requests, passages, problems = load_labelled_file(Path(data_file))
        report["data"] = {"file": str(data_file), "requests": len(requests), "passages": len(passages),
                          "unusable_rows": problems}
        if len(requests):
            report["triage"]["data"] = score_triage(loaded.triage, requests)
        if len(passages):
            report["grounds"]["data"] = score_grounds(loaded.grounds, passages)
    previous_dir = previous_version_dir(loaded.path)
    comparison: dict = {}
    if previous_dir is not None:
        comparison["previous"] = previous_dir.name
        try:
            prev_card = read_card(previous_dir)
            prev_metrics = prev_card.get("metrics", {})
            for task in ("triage", "grounds"):
                comparison[task] = compare_sections(report[task].get("cv"), prev_metrics.get(task, {}).get("cv"))
            if data_file is not None:
                prev = load_model_dir(previous_dir)
                if "data" in report["triage"]:
                    comparison["triage_data"] = compare_sections(
                        report["triage"]["data"], score_triage(prev.triage, requests))
                if "data" in report["grounds"]:
                    comparison["grounds_data"] = compare_sections(
                        report["grounds"]["data"], score_grounds(prev.grounds, passages))
        except ModelError as exc:
            comparison["error"] = str(exc)
    report["comparison"] = comparison
    return report


def _stored_cv(card: dict, folds: int):
    """The card's CV sections when they were computed with ``folds`` under the current libraries."""
    from reviewer.model.persist import library_versions

    metrics = card.get("metrics") or {}
    triage = (metrics.get("triage") or {}).get("cv")
    grounds = (metrics.get("grounds") or {}).get("cv")
    if not triage or not grounds or triage.get("folds") != folds or grounds.get("folds") != folds:
        return None
    current = library_versions()
    recorded = card.get("libraries", {})
    if any(recorded.get(k) != current[k] for k in ("scikit-learn", "numpy", "scipy", "jieba")):
        return None
    return triage, grounds


def _params(card: dict, task: str) -> dict:
    params = dict(card.get("params", {}).get(task, {}))
    params.pop("seed", None)
    return params


# --- text output ------------------------------------------------------------------------
def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def pad(text: str, width: int, right: bool = False) -> str:
    gap = max(0, width - display_width(text))
    return (" " * gap + text) if right else (text + " " * gap)


def table(headers: list[str], rows: list[list[str]], right_from: int = 1) -> str:
    """Aligned plain-text table (CJK characters count as two columns)."""
    widths = [max(display_width(str(r[i])) for r in [headers] + rows) for i in range(len(headers))]
    lines = []
    for r in [headers] + rows:
        cells = [pad(str(c), widths[i], right=i >= right_from) for i, c in enumerate(r)]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _name(label: str) -> str:
    return TRIAGE_NAMES_ZH.get(label) or GROUND_NAMES_ZH.get(label) or label


def fmt_metric(v) -> str:
    """A metric as 0.000, or a dash when undefined."""
    return "—" if v is None else f"{v:.3f}"


def metrics_table(section: dict) -> str:
    headers = ["类别", "代码", "样本数"] + [METRIC_NAMES_ZH[m] for m in METRICS]
    rows = [
        [_name(lab), lab, str(m["support"])] + [fmt_metric(m[k]) for k in METRICS]
        for lab, m in section["per_class"].items()
    ]
    rows.append(["宏平均", "macro", str(section["n"])] + [fmt_metric(section["macro"][k]) for k in METRICS])
    return table(headers, rows, right_from=2)


def confusion_table(confusion: dict) -> str:
    labels = confusion["labels"]
    headers = ["实际＼预测"] + [str(i + 1) for i in range(len(labels))]
    rows = [[f"{i + 1} {_name(lab)}"] + [str(v) for v in row] for i, (lab, row) in enumerate(zip(labels, confusion["matrix"], strict=False))]
    return table(headers, rows)


VERDICT_ZH = {"better": "更好", "worse": "更差", "same": "持平", "new": "新增", "dropped": "不再评估"}


def comparison_table(comp: dict) -> str:
    headers = ["类别", "本版 F1", "上一版 F1", "变化", "结论"]
    rows = []
    for lab, c in comp.items():
        delta = "—" if c["delta"] is None else f"{c['delta']:+.3f}"
        rows.append([_name(lab) if lab != "macro" else "宏平均", fmt_metric(c["current"]), fmt_metric(c["previous"]), delta,
                     VERDICT_ZH[c["verdict"]]])
    return table(headers, rows)


def format_report(report: dict) -> str:
    """Chinese text rendering of :func:`evaluate_models` output."""
    out = [f"模型：{report['version']}（{report['model']}）", f"训练时间：{report.get('created') or '未知'}"]
    for w in report.get("warnings", []):
        out.append(f"注意：{w}")
    if report.get("cv_from_card"):
        out.append("交叉验证结果取自模型卡（训练时以同一数据、折数、随机种子和库版本计算，结果确定；"
                   "加 --recompute 重新计算）。")
    titles = {"triage": "申请分类（多类别）", "grounds": "不公开依据（多标签，每项依据按二分类计）"}
    kinds = {"cv": "训练数据交叉验证", "data": "指定数据评分"}
    for task in ("triage", "grounds"):
        for kind in ("cv", "data"):
            section = report[task].get(kind)
            if not section:
                continue
            head = f"\n■ {titles[task]} — {kinds[kind]}"
            if kind == "cv":
                head += f"（{section['folds']} 折分层；同一模板的样本可能分在训练和测试两侧，结果偏高，以下方分组交叉验证为准）"
            out.append(head)
            summary = f"样本 {section['n']} 条"
            if task == "triage":
                summary += f"，准确率 {section['accuracy']:.3f}"
            else:
                summary += f"，完全一致率 {section['exact_match']:.3f}，判定阈值 {section['threshold']}"
            out.append(summary)
            out.append(metrics_table(section))
            if section.get("excluded"):
                out.append("样本过少未参与交叉验证：" + "、".join(_name(x) for x in section["excluded"]))
            if task == "triage":
                out.append("\n混淆矩阵（行为实际类别，列为预测类别）：")
                out.append(confusion_table(section["confusion"]))
    out.extend(format_grouped(report))
    data = report.get("data")
    if data and data.get("unusable_rows"):
        rows = "、".join(str(p["row"]) for p in data["unusable_rows"][:30])
        out.append(f"\n{data['file']} 中 {len(data['unusable_rows'])} 行无法使用（行号：{rows}）。")
    comp = report.get("comparison") or {}
    out.append("")
    if not comp.get("previous"):
        out.append("■ 与上一版本比较：没有更早的版本。")
    else:
        out.append(f"■ 与上一版本 {comp['previous']} 比较（F1；差值超过 {TOLERANCE} 计为更好/更差）")
        if comp.get("error"):
            out.append(f"无法比较：{comp['error']}")
        labels = {"triage": "申请分类（交叉验证，各自的训练数据）", "grounds": "不公开依据（交叉验证，各自的训练数据）",
                  "triage_data": "申请分类（同一指定数据）", "grounds_data": "不公开依据（同一指定数据）"}
        for key, title in labels.items():
            if comp.get(key):
                out.append(f"\n{title}：")
                out.append(comparison_table(comp[key]))
    return "\n".join(out) + "\n"


# --- honest evaluation: grouped folds, baselines, intervals, calibration ------------------------
Z95 = 1.959964
NOT_ABOVE_BASELINE_ZH = "未超过基线"


def wilson(k: int, n: int, z: float = Z95) -> list[float] | None:
    """95% Wilson score interval of a proportion k/n (None when n = 0)."""
    if n <= 0:
        return None
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / denom
    return [round(max(0.0, centre - half), 4), round(min(1.0, centre + half), 4)]


def proportion(k: int, n: int) -> dict:
    """A count-based figure: value, k, n and its 95% Wilson interval."""
    return {"value": round(k / n, 4) if n else None, "k": int(k), "n": int(n), "ci95": wilson(k, n)}


def majority_baseline(labels) -> dict:
    """Always answering the most frequent label: its accuracy (with counts and interval)."""
    labels = [str(y) for y in labels]
    if not labels:
        return {"label": None, **proportion(0, 0)}
    counts: dict[str, int] = {}
    for y in labels:
        counts[y] = counts.get(y, 0) + 1
    best = max(sorted(counts), key=lambda lab: counts[lab])
    return {"label": best, **proportion(counts[best], len(labels))}


def best_constant_top_k(accepted: list[set[str]], k: int = 3) -> dict:
    """The best fixed list of ``k`` labels (greedy set cover, exact for the first pick): how often the true
    label — or any accepted label of a case — is in it."""
    chosen: list[str] = []
    remaining = list(range(len(accepted)))
    universe = sorted({lab for acc in accepted for lab in acc})
    for _ in range(k):
        if not universe:
            break
        gains = {lab: sum(1 for i in remaining if lab in accepted[i]) for lab in universe if lab not in chosen}
        if not gains:
            break
        best = max(sorted(gains), key=lambda lab: gains[lab])
        chosen.append(best)
        remaining = [i for i in remaining if best not in accepted[i]]
    hits = sum(1 for acc in accepted if acc & set(chosen))
    return {"labels": chosen, "k": k, **proportion(hits, len(accepted))}


def beats(model: dict, baseline: dict) -> bool:
    """Whether a model's proportion is strictly above its baseline's."""
    m, b = model.get("value"), baseline.get("value")
    return m is not None and b is not None and m > b


def _ece(conf: np.ndarray, ok: np.ndarray, bins: int) -> float:
    edges = np.linspace(0.0, 1.0, bins + 1)
    index = np.clip(np.digitize(conf, edges[1:-1], right=True), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        mask = index == b
        if mask.any():
            total += mask.sum() / len(conf) * abs(ok[mask].mean() - conf[mask].mean())
    return float(total)


def expected_calibration_error(confidence, correct, bins: int = 10, resamples: int = 1000, seed: int = 0) -> dict:
    """ECE over equal-width confidence bins: Σ (n_b / n) |accuracy_b − mean confidence_b|.

    Beside it: ``gap`` = mean confidence − accuracy (positive: over-confident, negative: under-confident)
    and a 95% percentile-bootstrap interval (``low``, ``high``; fixed seed), because on a few dozen cases
    one case moves the ECE by several points.
    """
    conf = np.asarray(confidence, dtype=float)
    ok = np.asarray(correct, dtype=float)
    n = len(conf)
    if n == 0:
        return {"ece": None, "n": 0, "bins": bins, "gap": None, "low": None, "high": None}
    out = {"ece": round(_ece(conf, ok, bins), 4), "n": int(n), "bins": bins,
           "gap": round(float(conf.mean() - ok.mean()), 4)}
    if resamples:
        rng = np.random.default_rng(seed)
        draws = rng.integers(0, n, size=(resamples, n))
        values = np.array([_ece(conf[d], ok[d], bins) for d in draws])
        out["low"], out["high"] = (round(float(v), 4) for v in np.percentile(values, [2.5, 97.5]))
    return out


def grouped_splits(groups: list[str], folds: int, strata=None) -> list[tuple[np.ndarray, np.ndarray]]:
    """GroupKFold splits: no group (template, document kind, authoring batch) is on both sides.

    With ``strata`` the groups are dealt out per majority stratum (StratifiedGroupKFold) so that each
    fold sees most classes; the split is deterministic.
    """
    from sklearn.model_selection import GroupKFold, StratifiedGroupKFold

    groups = np.asarray(groups, dtype=object)
    n_groups = len(set(groups.tolist()))
    if n_groups < 2:
        raise ModelError("分组交叉验证至少需要两个分组（模板、文书种类或编写批次）。")
    n_splits = min(folds, n_groups)
    X = np.zeros(len(groups))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        if strata is not None:
            try:
                splitter = StratifiedGroupKFold(n_splits=n_splits)
                return [(tr, te) for tr, te in splitter.split(X, np.asarray(strata, dtype=object).astype(str), groups)]
            except ValueError:
                pass
        return list(GroupKFold(n_splits=n_splits).split(X, groups=groups))


def grouped_cv_triage(data: Dataset, folds: int = 5, seed: int | None = None, cache=None, params=None,
                      train_mask=None, score_mask=None, splits=None, out_of_fold: dict | None = None) -> dict:
    """Grouped cross-validation of the triage model with top-1 / top-3, baselines, intervals and ECE.

    A fold's training part may lack a class entirely (all its groups are in the test part); such a
    class can then not be predicted in that fold — exactly what happens on unseen real text.
    ``train_mask`` (bool per example) limits which examples may be trained on (all are tested): with the
    office's own examples masked out it measures the model *before* learning from them on the same folds.
    ``splits`` (a list of (train, test) index arrays) replaces the grouped folds, e.g. leave-one-register-out.
    ``out_of_fold``: a dict that receives ``labels`` and ``proba`` (each example's probabilities from the fold that
    held it out), for checks that build on the triage (e.g. the 补正 gate of reviewer/decide/items.py).
    """
    from sklearn.base import clone

    from reviewer.model.classifiers import DEFAULT_SEED, TriageModel
    from reviewer.model.features import CountMatrix, TokenCache

    seed = DEFAULT_SEED if seed is None else seed
    cache = cache if cache is not None else TokenCache()
    y = np.asarray(data.labels, dtype=object).astype(str)
    w = np.asarray(data.weights, dtype=float)
    groups = data.group_keys()
    splits = grouped_splits(groups, folds, strata=y) if splits is None else list(splits)
    template = TriageModel(seed=seed, **(params or {}))
    counts = CountMatrix(list(data.texts), template._config(), cache)
    labels = sorted(set(y.tolist()))
    proba = np.zeros((len(y), len(labels)))
    mask = None if train_mask is None else np.asarray(train_mask, dtype=bool)
    for train, test in splits:
        if mask is not None:
            train = train[mask[train]]
        ytr = y[train]
        keep = np.array([np.sum(ytr == lab) >= 2 for lab in ytr])
        train = train[keep]
        if len(set(y[train].tolist())) < 2:
            proba[test, labels.index(y[train][0]) if len(train) else 0] = 1.0
            continue
        fold = counts.fold(train)
        model = clone(template).fit_matrix(fold.transform(train), y[train], sample_weight=w[train])
        p = model.predict_proba_X(fold.transform(test))
        for j, cls in enumerate(model.classes_):
            proba[test, labels.index(str(cls))] = p[:, j]
    report = _triage_cv_report(y, proba, labels, groups, len(splits))
    report["requested_folds"] = folds
    if out_of_fold is not None:
        out_of_fold.update(labels=labels, proba=proba)
    if score_mask is not None and np.asarray(score_mask, dtype=bool).any():
        m = np.asarray(score_mask, dtype=bool)
        report["subset"] = _triage_cv_report(y[m], proba[m], labels, [g for g, k in zip(groups, m) if k], len(splits))
    return report


def _triage_cv_report(y, proba, labels, groups, n_splits) -> dict:
    pred = np.asarray(labels, dtype=object)[proba.argmax(axis=1)]
    report = triage_report(list(y), list(pred))
    n = len(y)
    top3 = np.argsort(-proba, axis=1)[:, :3]
    hit1 = int((pred == y).sum())
    hit3 = int(sum(1 for i in range(n) if y[i] in {labels[j] for j in top3[i]}))
    conf = proba.max(axis=1)
    report.update(
        kind="grouped_cv", folds=int(n_splits), groups=len(set(groups)),
        top1=proportion(hit1, n), top3=proportion(hit3, n),
        baseline_majority=majority_baseline(y),
        baseline_top3=best_constant_top_k([{str(v)} for v in y], 3),
        calibration=expected_calibration_error(conf, pred == y),
    )
    report["beats_baseline"] = {"top1": beats(report["top1"], report["baseline_majority"]),
                                "top3": beats(report["top3"], report["baseline_top3"])}
    return report


def grouped_cv_grounds(data: Dataset, folds: int = 5, seed: int | None = None, cache=None, params=None,
                       train_mask=None, score_mask=None, splits=None) -> dict:
    """Grouped cross-validation of a grounds model (passages or requests), scored per ground.

    Beside each ground's F2 stands the best constant F2 (flag every example: the only constant with
    recall), and the report gives the share of clean examples flagged and the ECE of the per-ground
    probabilities.  ``splits`` replaces the grouped folds as in :func:`grouped_cv_triage`.
    """
    from sklearn.base import clone

    from reviewer.model.classifiers import DEFAULT_SEED, GroundsModel
    from reviewer.model.features import CountMatrix, TokenCache

    seed = DEFAULT_SEED if seed is None else seed
    cache = cache if cache is not None else TokenCache()
    if len(data) < 4:
        raise ModelError(f"样本只有 {len(data)} 条，不足以做分组交叉验证。")
    groups = data.group_keys()
    strata = [labs[0] if labs else "clean" for labs in data.labels]
    splits = grouped_splits(groups, folds, strata=strata) if splits is None else list(splits)
    Y = GroundsModel.binarize(data.labels)
    w = np.asarray(data.weights, dtype=float)
    model_params = dict(params or {})
    template = GroundsModel(seed=seed, **model_params)
    counts = CountMatrix(list(data.texts), template._config(), cache)
    proba = np.zeros(Y.shape)
    mask = None if train_mask is None else np.asarray(train_mask, dtype=bool)
    for train, test in splits:
        if mask is not None:
            train = train[mask[train]]
        fold = counts.fold(train)
        model = clone(template).fit_matrix(fold.transform(train), [data.labels[i] for i in train],
                                           sample_weight=w[train])
        proba[test] = model.predict_proba_X(fold.transform(test))
    report = _grounds_cv_report(Y, proba, template.threshold, groups, len(splits))
    report["requested_folds"] = folds
    if score_mask is not None and np.asarray(score_mask, dtype=bool).any():
        m = np.asarray(score_mask, dtype=bool)
        report["subset"] = _grounds_cv_report(Y[m], proba[m], template.threshold,
                                              [g for g, k in zip(groups, m) if k], len(splits))
    return report


def _grounds_cv_report(Y, proba, threshold, groups, n_splits) -> dict:
    pred = (proba >= threshold).astype(int)
    report = grounds_report(Y, pred)
    report.update(kind="grouped_cv", folds=int(n_splits), groups=len(set(groups)), threshold=threshold)
    report["baseline_f2"] = constant_f2_baseline(Y)
    clean = ~Y.any(axis=1)
    report["clean_flagged"] = proportion(int((pred.any(axis=1) & clean).sum()), int(clean.sum()))
    report["calibration"] = expected_calibration_error(proba.ravel(), Y.ravel() == 1)
    report["beats_baseline"] = {
        g: (m["f2"] is not None and report["baseline_f2"][g] is not None and m["f2"] > report["baseline_f2"][g])
        for g, m in report["per_class"].items() if m["support"]
    }
    return report


def constant_f2_baseline(Y) -> dict:
    """Per ground, F2 of flagging every example (precision = prevalence, recall = 1)."""
    Y = np.asarray(Y)
    out = {}
    for j, ground in enumerate(GROUNDS):
        p = float(Y[:, j].mean()) if len(Y) else 0.0
        out[ground] = round(5 * p / (4 * p + 1), 4) if p > 0 else None
    return out


# --- grouped evaluation text ------------------------------------------------------------------
def fmt_prop(p: dict | None) -> str:
    """0.412（14/34，95% 区间 0.26–0.58）."""
    if not p or p.get("value") is None:
        return "—"
    ci = p.get("ci95") or [None, None]
    return f"{p['value']:.3f}（{p['k']}/{p['n']}，95% 区间 {ci[0]:.2f}–{ci[1]:.2f}）"


def verdict_zh(ok: bool) -> str:
    return "高于基线" if ok else NOT_ABOVE_BASELINE_ZH


def format_grouped_triage(g: dict) -> list[str]:
    base, base3 = g["baseline_majority"], g["baseline_top3"]
    return [
        f"  首位准确率 {fmt_prop(g['top1'])}；基线（总答“{_name(base['label'])}”）{fmt_prop(base)} → "
        f"{verdict_zh(g['beats_baseline']['top1'])}",
        f"  前三命中率 {fmt_prop(g['top3'])}；基线（固定前三 {'、'.join(_name(x) for x in base3['labels'])}）"
        f"{fmt_prop(base3)} → {verdict_zh(g['beats_baseline']['top3'])}",
        f"  概率校准：期望校准误差 ECE {g['calibration']['ece']:.3f}（{g['calibration']['bins']} 个区间，首位概率）",
    ]


def format_grouped_grounds(g: dict) -> list[str]:
    rows = []
    for ground, m in g["per_class"].items():
        if not m["support"]:
            continue
        base = g["baseline_f2"].get(ground)
        ok = g["beats_baseline"].get(ground, False)
        rows.append([_name(ground), str(m["support"]), fmt_metric(m["precision"]), fmt_metric(m["recall"]),
                     fmt_metric(m["f2"]), fmt_metric(base), verdict_zh(ok)])
    lines = [table(["依据", "样本数", "精确率", "召回率", "F2", "基线 F2（全部标记）", "结论"], rows, right_from=1)]
    lines.append(f"  无依据样本被误标记比例 {fmt_prop(g['clean_flagged'])}；"
                 f"ECE {g['calibration']['ece']:.3f}（各依据概率）")
    return lines


def format_grouped(report: dict) -> list[str]:
    out: list[str] = []
    titles = (("triage", "申请分类"), ("grounds", "文件段落不公开依据"), ("request_grounds", "申请层面依据"))
    for task, title in titles:
        g = (report.get(task) or {}).get("grouped_cv")
        if not g:
            continue
        out.append(f"\n■ {title} — 分组交叉验证（按模板/文书种类/编写批次分组，同组样本不跨折）")
        if "error" in g:
            out.append(f"  无法计算：{g['error']}")
            continue
        out.append(f"  样本 {g['n']} 条，{g['groups']} 组，{g['folds']} 折")
        out.extend(format_grouped_triage(g) if task == "triage" else format_grouped_grounds(g))
    return out
