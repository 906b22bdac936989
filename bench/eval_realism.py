"""How much the training corpus reads like real text (issue #11 item 2), per corpus file and overall.

    python bench/eval_realism.py [--format text|json]

* Domain AUC: a character 1–3-gram logistic regression learns to tell corpus records from real texts of
  ``../shared/dev`` (requests against the dev requests, passages against the dev document snippets);
  grouped cross-validation (corpus records grouped as for model evaluation, each dev text its own group),
  ROC AUC of the out-of-fold scores.  0.5 = indistinguishable; the goal is ≤ 0.75.
  The AUC is given twice: on the raw texts, and after passing BOTH sides through the project's normaliser
  (``reviewer.text.normalize``: full-width → half-width, odd spaces, traditional → simplified …), which is
  all the models ever see.  A raw AUC well above the normalised one means surface tells the normaliser
  removes anyway; the normalised figure is the one that matters, the raw one stays for comparison.
* Diagnostic only (no pass mark): the AUC after the normaliser AND folding the punctuation the normaliser
  keeps apart — ASCII ``, : ; ( ) ! ?`` vs full-width ``，：；（）！？`` — to one form.  It shows how much of
  the normalised AUC is punctuation width alone (the raw and normalised figures are the measure).
* Top features: the n-grams (≤ 3 characters, aggregate weights only — never a dev sentence) that the
  domain classifier, fitted once on all texts, leans on most for "corpus" and for "real", so that corpus
  authors see what gives the corpus away (every file after normalisation; the aggregate rows also raw).  An n-gram on the "real" side is listed only when it occurs in
  at least ``MIN_DF_SHOWN`` dev texts.
* Near-duplicate rate: the share of records that have another record of the same set with character
  5-gram Jaccard similarity ≥ 0.5.  The goal is ≤ 5%.

The near-duplicate rate needs no dev cases; the AUC is skipped when ``../shared/dev`` is absent.
Dev texts are only read, never printed or stored.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(BENCH.parent))

AUC_MAX = 0.75
NEAR_DUP_MAX = 0.05
JACCARD = 0.5
SHINGLE = 5
FOLDS = 5
TOP_FEATURES = 15
MIN_DF_SHOWN = 3  # an n-gram shown on the "real" side occurs in at least this many dev texts


def near_duplicate_rate(texts: list[str], threshold: float = JACCARD) -> dict:
    """Share of texts with another text at 5-gram Jaccard ≥ threshold (``reviewer.model.corpus.near_duplicate_pairs``)."""
    from reviewer.model.corpus import near_duplicate_pairs
    from reviewer.model.evaluate import proportion

    n = len(texts)
    if n < 2:
        return {**proportion(0, n), "threshold": threshold}
    rows, cols, _jac = near_duplicate_pairs(texts, threshold, SHINGLE)
    dup = np.zeros(n, dtype=bool)
    dup[rows] = True
    dup[cols] = True
    return {**proportion(int(dup.sum()), n), "threshold": threshold}


def normalised(texts: list[str]) -> list[str]:
    """The texts as the models see them (``reviewer.text.normalize``)."""
    from reviewer.text.normalize import normalize

    return [normalize(t).text for t in texts]


PUNCT_FOLD = str.maketrans({",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"})


def punctuation_folded(texts: list[str]) -> list[str]:
    """Normalised texts with half-width , : ; ( ) ! ? written full-width (a diagnostic, not the measure)."""
    return [t.translate(PUNCT_FOLD) for t in normalised(texts)]


def _vectorizer():
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer="char", ngram_range=(1, 3), min_df=2, sublinear_tf=True, max_features=50000)


def domain_auc(corpus_texts: list[str], corpus_groups: list[str], real_texts: list[str], seed: int = 0) -> dict:
    """Out-of-fold ROC AUC of a corpus-vs-real character n-gram classifier (grouped folds)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedGroupKFold

    if len(real_texts) < FOLDS or len(corpus_texts) < FOLDS:
        return {"auc": None, "n_corpus": len(corpus_texts), "n_real": len(real_texts)}
    texts = list(corpus_texts) + list(real_texts)
    y = np.array([1] * len(corpus_texts) + [0] * len(real_texts))
    groups = list(corpus_groups) + [f"real:{i}" for i in range(len(real_texts))]
    scores = np.zeros(len(texts))
    splitter = StratifiedGroupKFold(n_splits=FOLDS, shuffle=True, random_state=seed)
    for train, test in splitter.split(np.zeros(len(texts)), y, groups):
        if len(set(y[train])) < 2:
            scores[test] = 0.5
            continue
        vec = _vectorizer()
        Xtr = vec.fit_transform([texts[i] for i in train])
        clf = LogisticRegression(max_iter=2000, class_weight="balanced", C=1.0)
        clf.fit(Xtr, y[train])
        scores[test] = clf.predict_proba(vec.transform([texts[i] for i in test]))[:, 1]
    return {"auc": round(float(roc_auc_score(y, scores)), 4), "n_corpus": len(corpus_texts),
            "n_real": len(real_texts)}


def shown(term: str) -> str:
    """An n-gram made readable: line break ↵, space ␣, tab ⇥."""
    return term.replace("\n", "↵").replace(" ", "␣").replace("\t", "⇥")


def top_features(corpus_texts: list[str], real_texts: list[str], k: int = TOP_FEATURES) -> dict | None:
    """The n-grams the domain classifier (fitted once on all texts) weighs most towards each side.

    Aggregate only: each entry is an n-gram of at most three characters, its weight and in how many texts
    of each side it occurs; "real"-side n-grams must occur in ≥ ``MIN_DF_SHOWN`` dev texts.
    """
    from sklearn.linear_model import LogisticRegression

    if len(real_texts) < FOLDS or len(corpus_texts) < FOLDS:
        return None
    texts = list(corpus_texts) + list(real_texts)
    y = np.array([1] * len(corpus_texts) + [0] * len(real_texts))
    vec = _vectorizer()
    X = vec.fit_transform(texts)
    clf = LogisticRegression(max_iter=2000, class_weight="balanced", C=1.0).fit(X, y)
    coef = clf.coef_[0]
    names = vec.get_feature_names_out()
    present = (X > 0).astype(np.int32)
    df_corpus = np.asarray(present[: len(corpus_texts)].sum(axis=0)).ravel()
    df_real = np.asarray(present[len(corpus_texts):].sum(axis=0)).ravel()

    def entry(j: int) -> dict:
        return {"ngram": shown(str(names[j])), "weight": round(float(coef[j]), 3),
                "corpus_share": round(float(df_corpus[j]) / len(corpus_texts), 3),
                "real_share": round(float(df_real[j]) / len(real_texts), 3)}

    order = np.argsort(-coef)
    corpus_side = [entry(j) for j in order[:k] if coef[j] > 0]
    real_side = [entry(j) for j in order[::-1] if coef[j] < 0 and df_real[j] >= MIN_DF_SHOWN][:k]
    return {"corpus": corpus_side, "real": real_side, "n_corpus": len(corpus_texts), "n_real": len(real_texts)}


def _figure(name: str, kind: str, texts: list[str], groups: list[str], real: list[str] | None,
            features: bool = False) -> dict:
    dup = near_duplicate_rate(texts)
    row = {"part": name, "kind": kind, "aggregate": features, "n": len(texts), "near_duplicates": dup,
           "near_duplicates_pass": dup["value"] is not None and dup["value"] <= NEAR_DUP_MAX}
    if real:
        auc = domain_auc(texts, groups, real)
        row["domain_auc"] = auc  # raw texts
        norm_texts, norm_real = normalised(texts), normalised(real)
        auc_norm = domain_auc(norm_texts, groups, norm_real)
        row["domain_auc_normalised"] = auc_norm
        row["domain_auc_pass"] = auc["auc"] is not None and auc["auc"] <= AUC_MAX
        row["domain_auc_normalised_pass"] = auc_norm["auc"] is not None and auc_norm["auc"] <= AUC_MAX
        row["domain_auc_punctuation_folded"] = domain_auc(punctuation_folded(texts), groups, punctuation_folded(real))
        row["top_features"] = {"normalised": top_features(norm_texts, norm_real)}
        if features:  # the aggregate rows also show what the raw text gives away
            row["top_features"]["raw"] = top_features(texts, real)
    return row


def run(corpus_dir: Path | None = None) -> dict:
    from devcases import dev_dir, load_documents, load_replies

    from reviewer.model.corpus import load_corpus
    from reviewer.paths import CORPORA_DIR

    corpus = load_corpus(corpus_dir or CORPORA_DIR, template_groups=True)
    base = dev_dir()
    real_requests = [c["request"] for c in (load_replies(base) or []) if (c.get("request") or "").strip()] if base else []
    real_docs = [d["text"] for d in (load_documents(base) or [])] if base else []
    rows = []
    for kind, data, files, real in (("requests", corpus.requests, corpus.request_files, real_requests),
                                    ("passages", corpus.passages, corpus.passage_files, real_docs)):
        groups = data.group_keys()
        for part in sorted(set(files)):
            idx = [i for i, f in enumerate(files) if f == part]
            rows.append(_figure(part, kind, [data.texts[i] for i in idx], [groups[i] for i in idx], real))
        rows.append(_figure(f"{kind}（全部）", kind, list(data.texts), groups, real, features=True))
    all_texts = list(corpus.requests.texts) + list(corpus.passages.texts)
    all_groups = corpus.requests.group_keys() + corpus.passages.group_keys()
    overall = _figure("训练集（全部）", "all", all_texts, all_groups, real_requests + real_docs)
    rows.append(overall)
    return {"thresholds": {"domain_auc_max": AUC_MAX, "near_duplicates_max": NEAR_DUP_MAX,
                           "jaccard": JACCARD, "shingle": SHINGLE},
            "domain_auc_versions": {"raw": "原文", "normalised": "两侧均经 reviewer.text.normalize 归一化（模型所见）",
                                    "punctuation_folded": "诊断：归一化后再把其余半角 ,:;()!? 统一为全角（归一化器只转紧邻汉字的 ,;:!? 和中文里的成对括号）"},
            "dev_available": bool(real_requests or real_docs), "parts": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="语料真实度：语料与真实文本的区分 AUC、近重复率。")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    args = parser.parse_args(argv)
    result = run()
    if args.format == "json":
        print(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        from readme_tables import realism_table

        print(realism_table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
