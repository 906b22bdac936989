"""Text features for the classifiers: TF-IDF over jieba words plus TF-IDF over character n-grams.

Training and evaluation only (scikit-learn); prediction uses :mod:`reviewer.model.linear`, which computes
the same features with NumPy.  Features are float64 so that both agree to rounding.  While fitting (and during cross-validation,
where the same texts are seen many times) the vectorizer is given a :class:`TokenCache` instead, which
segments each distinct text once; :func:`finalize_features` puts the plain ``tokenize`` back afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from reviewer.text.segment import tokenize


@dataclass(frozen=True)
class FeatureConfig:
    """Bounds of the feature space (kept small so training and prediction stay fast)."""

    word_max_features: int = 20000
    char_max_features: int = 40000
    word_min_df: int = 1
    char_min_df: int = 2
    char_ngram_max: int = 3
    max_df: float = 0.9

    def as_dict(self) -> dict:
        return dict(self.__dict__)


class TokenCache:
    """Memoising wrapper around :func:`reviewer.text.segment.tokenize` (one segmentation per distinct text)."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[str, ...]] = {}
        self.misses = 0

    def __call__(self, text: str) -> list[str]:
        tokens = self._cache.get(text)
        if tokens is None:
            tokens = tuple(tokenize(text))
            self._cache[text] = tokens
            self.misses += 1
        return list(tokens)

    def warm(self, texts) -> None:
        """Segment ``texts`` now (e.g. once before a cross-validation loop)."""
        for text in texts:
            self(text)

    def __len__(self) -> int:
        return len(self._cache)


def build_features(config: FeatureConfig | None = None, tokenizer=None) -> FeatureUnion:
    """An unfitted FeatureUnion of word and character TF-IDF."""
    config = config or FeatureConfig()
    word = TfidfVectorizer(
        tokenizer=tokenizer or tokenize,
        token_pattern=None,
        lowercase=False,
        min_df=config.word_min_df,
        max_df=config.max_df,
        max_features=config.word_max_features,
        sublinear_tf=True,
        dtype=np.float64,
    )
    char = TfidfVectorizer(
        analyzer="char",
        ngram_range=(1, config.char_ngram_max),
        lowercase=False,
        min_df=config.char_min_df,
        max_df=config.max_df,
        max_features=config.char_max_features,
        sublinear_tf=True,
        dtype=np.float64,
    )
    return FeatureUnion([("word", word), ("char", char)])


def fit_features(texts: list[str], config: FeatureConfig | None = None, cache: TokenCache | None = None):
    """Fit the feature union on ``texts`` (segmenting each text once) and return ``(union, X)``."""
    cache = cache if cache is not None else TokenCache()
    union = build_features(config, tokenizer=cache)
    try:
        X = union.fit_transform(texts)
    except ValueError:
        # min_df / max_df can prune everything on tiny inputs: fall back to no pruning.
        relaxed = replace(config or FeatureConfig(), word_min_df=1, char_min_df=1, max_df=1.0)
        union = build_features(relaxed, tokenizer=cache)
        X = union.fit_transform(texts)
    finalize_features(union)
    X = X.tocsr()
    X.sort_indices()  # estimators would otherwise sort a copy on every fit
    return union, X


def finalize_features(union: FeatureUnion) -> FeatureUnion:
    """Make a fitted union small and safe to save.

    Replaces any caching tokenizer by the module-level ``tokenize``, drops ``stop_words_`` (the
    pruned terms, only kept by scikit-learn for introspection) and stores vocabulary indices as
    plain ints (saved as JSON rather than one array per term).
    """
    for _name, vec in union.transformer_list:
        if getattr(vec, "tokenizer", None) is not None:
            vec.tokenizer = tokenize
        if hasattr(vec, "stop_words_"):
            del vec.stop_words_
        if hasattr(vec, "vocabulary_"):
            vec.vocabulary_ = {str(term): int(idx) for term, idx in vec.vocabulary_.items()}
    return union


def transform_with(union: FeatureUnion, texts: list[str], cache: TokenCache | None):
    """Transform ``texts`` using ``cache`` for segmentation when given (restores ``tokenize`` after)."""
    word = dict(union.transformer_list)["word"]
    if cache is not None:
        word.tokenizer = cache
    try:
        X = union.transform(texts).tocsr()
    finally:
        word.tokenizer = tokenize
    X.sort_indices()
    return X


def vocabulary_terms(vec) -> list[str]:
    """The fitted vectorizer's terms in column order."""
    terms = [""] * len(vec.vocabulary_)
    for term, idx in vec.vocabulary_.items():
        terms[idx] = str(term)
    return terms


def feature_names(union: FeatureUnion) -> np.ndarray:
    """Feature names without the ``word__`` / ``char__`` prefixes, in column order."""
    parts = [vec.get_feature_names_out() for _name, vec in union.transformer_list]
    return np.concatenate(parts).astype(object)


class CountMatrix:
    """Raw term counts of a fixed list of texts, computed once for cross-validation.

    Refitting two TF-IDF vectorizers on every fold recounts every character n-gram of every text.
    Instead the counts over *all* terms are computed once, and :meth:`fold` derives from the rows of
    a training fold exactly what ``TfidfVectorizer.fit`` on those texts would: the vocabulary of
    terms present in the fold, pruned by ``min_df`` / ``max_df`` / ``max_features`` on the fold's own
    statistics, and the fold's smoothed IDF.  Test rows only ever use the training fold's vocabulary
    and IDF, so nothing about the held-out texts leaks into the features.  (Only the order among
    terms tied at the ``max_features`` cut-off may differ from scikit-learn's.)
    """

    def __init__(self, texts: list[str], config: FeatureConfig | None = None, cache: TokenCache | None = None):
        from sklearn.feature_extraction.text import CountVectorizer

        self.config = config or FeatureConfig()
        cache = cache if cache is not None else TokenCache()
        word = CountVectorizer(tokenizer=cache, token_pattern=None, lowercase=False)
        char = CountVectorizer(analyzer="char", ngram_range=(1, self.config.char_ngram_max), lowercase=False)
        self.blocks = []
        for vec, min_df, max_features in (
            (word, self.config.word_min_df, self.config.word_max_features),
            (char, self.config.char_min_df, self.config.char_max_features),
        ):
            counts = vec.fit_transform(texts).tocsr()
            counts.sort_indices()
            self.blocks.append((counts, min_df, max_features))

    def fold(self, train_rows) -> FoldFeatures:
        """Features fitted on ``train_rows`` (indices into the texts given at construction)."""
        return FoldFeatures(self, np.asarray(train_rows), self.config.max_df)


class FoldFeatures:
    """TF-IDF fitted on one training fold of a :class:`CountMatrix` (see there)."""

    def __init__(self, counts: CountMatrix, train_rows: np.ndarray, max_df: float) -> None:
        self.counts = counts
        self.columns: list[np.ndarray] = []
        self.idf: list[np.ndarray] = []
        n = len(train_rows)
        for matrix, min_df, max_features in counts.blocks:
            sub = matrix[train_rows]
            df = np.bincount(sub.indices, minlength=matrix.shape[1])
            mask = (df > 0) & (df >= min_df) & (df <= max_df * n)
            if not mask.any():  # same fallback as fit_features: no pruning on tiny inputs
                mask = df > 0
            if max_features is not None and mask.sum() > max_features:
                tf = np.asarray(sub.sum(axis=0)).ravel()
                keep = (-tf[mask]).argsort()[:max_features]
                limited = np.zeros_like(mask)
                limited[np.where(mask)[0][keep]] = True
                mask = limited
            cols = np.where(mask)[0]
            self.columns.append(cols)
            self.idf.append((np.log((1 + n) / (1 + df[cols])) + 1).astype(np.float64))

    def transform(self, rows):
        """TF-IDF rows (sublinear tf, smoothed idf, l2 per block), as the fitted union would give."""
        import scipy.sparse as sp
        from sklearn.preprocessing import normalize

        parts = []
        for (matrix, _min_df, _max), cols, idf in zip(self.counts.blocks, self.columns, self.idf, strict=True):
            block = matrix[np.asarray(rows)][:, cols].astype(np.float64)
            block.data = np.log(block.data) + 1
            block = block.multiply(idf).tocsr()
            parts.append(normalize(block, norm="l2", copy=False))
        X = sp.hstack(parts, format="csr")
        X.sort_indices()
        return X
