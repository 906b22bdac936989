"""Feature extraction: segmentation once, per-fold TF-IDF identical to refitting the vectorizers."""

from __future__ import annotations

import numpy as np
from synthetic_data import template_passages

from reviewer.model.features import (
    CountMatrix,
    FeatureConfig,
    TokenCache,
    fit_features,
    vocabulary_terms,
)
from reviewer.text.segment import tokenize


def test_token_cache_segments_each_text_once():
    cache = TokenCache()
    texts = ["申请公开征地补偿方案。", "申请公开征地补偿方案。", "我要投诉噪音扰民。"]
    assert [cache(t) for t in texts] == [tokenize(t) for t in texts]
    assert cache.misses == 2 and len(cache) == 2


def test_fitted_union_uses_module_level_tokenize():
    union, _X = fit_features(["申请公开文件", "我要投诉", "申请公开预算"], cache=TokenCache())
    word = dict(union.transformer_list)["word"]
    assert word.tokenizer is tokenize
    assert not hasattr(word, "stop_words_")


def _fold_vs_refit(config: FeatureConfig):
    data = template_passages(per_ground=8, clean=20, seed=9)
    rng = np.random.default_rng(0)
    train = np.sort(rng.choice(len(data), size=60, replace=False))
    test = np.setdiff1d(np.arange(len(data)), train)
    cache = TokenCache()
    fold = CountMatrix(data.texts, config, cache).fold(train)
    union, X_train = fit_features([data.texts[i] for i in train], config, cache)
    X_test = union.transform([data.texts[i] for i in test])
    return fold.transform(train), X_train, fold.transform(test), X_test


def test_fold_features_equal_refitted_vectorizers():
    a, b, c, d = _fold_vs_refit(FeatureConfig())
    assert a.shape == b.shape and c.shape == d.shape
    assert abs(a - b).max() < 1e-6 and abs(c - d).max() < 1e-6


def test_fold_features_respect_max_features():
    a, b, c, d = _fold_vs_refit(FeatureConfig(word_max_features=40, char_max_features=200))
    assert a.shape[1] == b.shape[1] <= 240
    assert abs(a - b).max() < 1e-6 and abs(c - d).max() < 1e-6


def test_vocabulary_terms_follow_column_order():
    union, _X = fit_features(["申请公开文件", "我要投诉", "申请公开预算"], cache=TokenCache())
    for _name, vec in union.transformer_list:
        terms = vocabulary_terms(vec)
        assert [vec.vocabulary_[t] for t in terms] == list(range(len(terms)))
        assert terms == list(vec.get_feature_names_out())
