"""Grouped cross-validation of the three models on the training corpus (part of ``make eval``).

    python bench/eval_grouped_cv.py [--folds 5]

Groups: an authored record's ``group`` (authoring batch); a template passage's generator template
(``make_passages_a``) or family and document kind (``make_passages_c``), else its ``doc_type``; a template
request's register.  No group is on both sides of a fold, so a model is always tested on wording it did
not train on.  Each figure stands beside its baseline (see ``reviewer.model.evaluate``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))


def run(folds: int = 5, corpus_dir: Path | None = None) -> dict:
    from reviewer.model.corpus import load_corpus
    from reviewer.model.errors import ModelError
    from reviewer.model.evaluate import grouped_cv_grounds, grouped_cv_triage
    from reviewer.model.features import TokenCache
    from reviewer.model.training import drop_rare_classes
    from reviewer.paths import CORPORA_DIR

    corpus = load_corpus(corpus_dir or CORPORA_DIR, template_groups=True)
    drop_rare_classes(corpus.requests)
    cache = TokenCache()
    out: dict = {"corpus_sha256": corpus.sha256, "files": corpus.files, "folds": folds}
    out["triage"] = grouped_cv_triage(corpus.requests, folds, cache=cache)
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="训练语料上的分组交叉验证（附基线）。")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args(argv)
    print(json.dumps(run(args.folds), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
