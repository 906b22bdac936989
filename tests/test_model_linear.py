"""The NumPy-only predictor equals the training-time scikit-learn models, and screening never imports
scikit-learn, SciPy or skops."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
import scipy.sparse as sp
from synthetic_data import template_passages, template_requests

from reviewer.model.classifiers import GroundsModel, TriageModel
from reviewer.model.linear import LinearTextModel
from reviewer.text.segment import cut, tokenize

ODD = ["", "   ", "\t\n", "申请人王芳，身份证号110101199003074578。", "多个   空白\t\t和换行\n\n2022-09-15 e.g. trade_secret",
       "𠀀𠀁 生僻字与表情😀", "ＡＢＣ全角 abc", "会议纪要" * 200]


@pytest.fixture(scope="module")
def models():
    req = template_requests(per_class=8, seed=31)
    pas = template_passages(per_ground=8, clean=20, seed=32)
    triage = TriageModel().fit(req.texts, req.labels)
    grounds = GroundsModel().fit(pas.texts, pas.labels)
    binary = TriageModel().fit(req.texts[:24], ["a"] * 12 + ["b"] * 12)
    texts = ODD + pas.texts[:60] + req.texts[:40]
    return {"triage": triage, "grounds": grounds, "binary": binary}, texts


def _linear(model) -> LinearTextModel:
    meta, arrays = model.to_arrays()
    assert arrays["coef"].flags["C_CONTIGUOUS"]
    return LinearTextModel(meta, arrays)


@pytest.mark.parametrize("name", ["triage", "grounds", "binary"])
def test_probabilities_equal_scikit_learn(models, name):
    fitted, texts = models
    model = fitted[name]
    linear = _linear(model)
    expected = model.predict_proba(texts)
    got = linear.predict_proba(texts)
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-9)
    np.testing.assert_array_equal(linear.predict(texts), model.predict(texts))


def test_features_equal_the_fitted_tfidf_union(models):
    fitted, texts = models
    model = fitted["grounds"]
    linear = _linear(model)
    feats = linear.features(texts)
    got = sp.csr_matrix((feats.vals, (feats.rows, feats.cols)), shape=(len(texts), len(linear.names)))
    expected = model.transform(texts)
    assert abs(got - expected).max() < 1e-12
    assert (got != 0).nnz == expected.nnz


def test_shared_tokens_give_the_same_result_as_segmenting(models):
    fitted, texts = models
    linear = _linear(fitted["grounds"])
    tokens = [tokenize(t) for t in texts]
    np.testing.assert_array_equal(linear.predict_proba(texts, tokens=tokens), linear.predict_proba(texts))
    # punctuation and whitespace are never in the vocabulary: unfiltered words give the same result
    raw = [cut(t) for t in texts]
    assert any(len(r) > len(t) for r, t in zip(raw, tokens, strict=True))
    np.testing.assert_array_equal(linear.predict_proba(texts, tokens=raw), linear.predict_proba(texts))


def test_ngram_table_finds_exactly_the_vocabulary():
    from reviewer.model.linear import NgramTable

    rng = np.random.default_rng(3)
    keys = np.unique(rng.integers(1, 1 << 62, size=5000))
    cols = rng.permutation(len(keys))
    table = NgramTable(keys, cols)
    np.testing.assert_array_equal(table.lookup(keys), cols)
    others = np.setdiff1d(rng.integers(1, 1 << 62, size=5000), keys)
    assert (table.lookup(others) == -1).all()
    assert (NgramTable(keys[:0], cols[:0]).lookup(keys[:10]) == -1).all()


def test_explanations_equal_scikit_learn(models):
    fitted, texts = models
    for name in ("triage", "grounds"):
        model, linear = fitted[name], _linear(fitted[name])
        for text in texts[3:12]:
            for label in [str(c) for c in model.classes_][:4]:
                assert linear.explain(text, label, k=8) == model.explain(text, label, k=8)
        assert linear.describe(texts[3]).probabilities == pytest.approx(model.describe(texts[3]).probabilities,
                                                                        abs=1e-9)


def test_screening_imports_no_scikit_learn_scipy_or_skops(tmp_path):
    """Screen a file with the default model in a new process and look at sys.modules."""
    doc = tmp_path / "a.txt"
    doc.write_text("会议纪要：会议认为方案需进一步研究，讨论稿请勿外传。申请人王芳，电话13800138000。", encoding="utf-8")
    code = (
        "import sys\n"
        "from reviewer.model.loader import load_grounds_model\n"
        "from reviewer.screen.screening import Screener\n"
        "model, warning = load_grounds_model()\n"
        "assert model is not None, warning\n"
        f"result = Screener(grounds_model=model).screen_path({str(doc)!r})\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'sklearn', 'scipy', 'skops', 'jieba'})\n"
        "print(type(model).__name__, heavy)\n"
    )
    warm = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert warm.returncode == 0, warm.stderr
    # the first run may have built the default model (training imports scikit-learn): run again
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "LinearTextModel []"
