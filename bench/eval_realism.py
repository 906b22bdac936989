"""How much the training corpus reads like real text (issue #11 item 2), per corpus file and overall.

    python bench/eval_realism.py [--format text|json]

* Domain AUC: a character 1–3-gram logistic regression learns to tell corpus records from real texts of
  ``../shared/dev`` (requests against the dev requests, passages against the dev document snippets);
  grouped cross-validation (corpus records grouped as for model evaluation, each dev text its own group),
  ROC AUC of the out-of-fold scores.  0.5 = indistinguishable; the goal is ≤ 0.75.
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


def shingles(text: str, n: int = SHINGLE) -> set[str]:
    s = "".join(text.split())
    return {s[i:i + n] for i in range(max(1, len(s) - n + 1))}


def near_duplicate_rate(texts: list[str], threshold: float = JACCARD) -> dict:
    """Share of texts with another text at 5-gram Jaccard ≥ threshold (sparse co-occurrence, exact)."""
    from scipy import sparse

    from reviewer.model.evaluate import proportion

    n = len(texts)
    if n < 2:
        return {**proportion(0, n), "threshold": threshold}
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, t in enumerate(texts):
        for sh in shingles(t):
            rows.append(i)
            cols.append(vocab.setdefault(sh, len(vocab)))
    X = sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(n, len(vocab)))
    X.data[:] = 1.0  # duplicates within a row were summed
    sizes = np.asarray(X.sum(axis=1)).ravel()
    inter = (X @ X.T).tocoo()
    mask = inter.row != inter.col
    r, c, v = inter.row[mask], inter.col[mask], inter.data[mask]
    jac = v / (sizes[r] + sizes[c] - v)
    dup = np.zeros(n, dtype=bool)
    dup[r[jac >= threshold]] = True
    return {**proportion(int(dup.sum()), n), "threshold": threshold}


def domain_auc(corpus_texts: list[str], corpus_groups: list[str], real_texts: list[str], seed: int = 0) -> dict:
    """Out-of-fold ROC AUC of a corpus-vs-real character n-gram classifier (grouped folds)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
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
        vec = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), min_df=2, sublinear_tf=True, max_features=50000)
        Xtr = vec.fit_transform([texts[i] for i in train])
        clf = LogisticRegression(max_iter=2000, class_weight="balanced", C=1.0)
        clf.fit(Xtr, y[train])
        scores[test] = clf.predict_proba(vec.transform([texts[i] for i in test]))[:, 1]
    return {"auc": round(float(roc_auc_score(y, scores)), 4), "n_corpus": len(corpus_texts),
            "n_real": len(real_texts)}


def _figure(name: str, kind: str, texts: list[str], groups: list[str], real: list[str] | None) -> dict:
    dup = near_duplicate_rate(texts)
    row = {"part": name, "kind": kind, "n": len(texts), "near_duplicates": dup,
           "near_duplicates_pass": dup["value"] is not None and dup["value"] <= NEAR_DUP_MAX}
    if real:
        auc = domain_auc(texts, groups, real)
        row["domain_auc"] = auc
        row["domain_auc_pass"] = auc["auc"] is not None and auc["auc"] <= AUC_MAX
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
        rows.append(_figure(f"{kind}（全部）", kind, list(data.texts), groups, real))
    all_texts = list(corpus.requests.texts) + list(corpus.passages.texts)
    all_groups = corpus.requests.group_keys() + corpus.passages.group_keys()
    overall = _figure("训练集（全部）", "all", all_texts, all_groups, real_requests + real_docs)
    rows.append(overall)
    return {"thresholds": {"domain_auc_max": AUC_MAX, "near_duplicates_max": NEAR_DUP_MAX,
                           "jaccard": JACCARD, "shingle": SHINGLE},
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
