"""Request-triage (multi-class) and passage-grounds (multi-label) classifiers.

Both follow scikit-learn conventions (``fit`` returns ``self``, fitted attributes end in ``_``,
``predict_proba`` columns follow ``classes_``) and share one design: word + character TF-IDF
(:mod:`reviewer.model.features`), a linear SVM per class, sigmoid-calibrated probabilities
(``CalibratedClassifierCV``, stratified folds, fixed seed).  ``explain`` returns the terms of the
input that pushed the decision: linear coefficient × the text's feature value, summed over the
word and character blocks when the same string is both.

These classes exist at training and evaluation time only.  What is saved (see :mod:`reviewer.model.persist`)
is :meth:`to_arrays`: the vocabularies, idf vectors, stacked coefficients and calibration parameters, which
:class:`reviewer.model.linear.LinearTextModel` turns into the same probabilities with NumPy alone.
"""

from __future__ import annotations

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.model_selection import StratifiedKFold
from sklearn.svm import LinearSVC

from reviewer.model.corpus import GROUNDS
from reviewer.model.default import DEFAULT_SEED
from reviewer.model.errors import ModelError
from reviewer.model.features import (
    FeatureConfig,
    TokenCache,
    feature_names,
    fit_features,
    transform_with,
    vocabulary_terms,
)
from reviewer.model.linear import Prediction, top_terms


def _single_blas_thread():
    """Limit BLAS to one thread while fitting.

    Sigmoid calibration runs thousands of tiny L-BFGS steps; with OpenBLAS worker threads spinning
    on a busy machine each step can become 40× slower.  One thread is always faster here.
    """
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


def _calibrated_svm(C: float, seed: int, n_splits: int) -> CalibratedClassifierCV:
    return CalibratedClassifierCV(
        LinearSVC(C=C, class_weight="balanced", random_state=seed, max_iter=5000),
        method="sigmoid",
        cv=StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed),
        ensemble=True,
    )


def _mean_coef(calibrated: CalibratedClassifierCV, label) -> np.ndarray:
    """Average linear coefficient vector for ``label`` over the calibration folds."""
    vectors = []
    for member in calibrated.calibrated_classifiers_:
        est = member.estimator
        classes = list(est.classes_)
        if label not in classes:
            continue
        coef = est.coef_
        if coef.shape[0] == 1:  # binary: row 0 scores classes[1]
            vectors.append(coef[0] if classes.index(label) == 1 else -coef[0])
        else:
            vectors.append(coef[classes.index(label)])
    if not vectors:
        return np.zeros(calibrated.calibrated_classifiers_[0].estimator.coef_.shape[1])
    return np.mean(vectors, axis=0)


def _top_terms(row, coef: np.ndarray, names, n_words: int, k: int) -> list[tuple[str, float]]:
    """Terms of one transformed (CSR) row with the largest positive contribution (see :func:`top_terms`)."""
    row = row.tocsr()
    row.sort_indices()
    return top_terms(row.indices, row.data, coef, names, n_words, k)


class _TextModel(BaseEstimator, ClassifierMixin):
    """Shared parameters and feature handling."""

    def __init__(
        self,
        C: float = 0.5,
        seed: int = DEFAULT_SEED,
        calibration_folds: int = 3,
        word_max_features: int = 20000,
        char_max_features: int = 40000,
    ) -> None:
        self.C = C
        self.seed = seed
        self.calibration_folds = calibration_folds
        self.word_max_features = word_max_features
        self.char_max_features = char_max_features

    def _config(self) -> FeatureConfig:
        return FeatureConfig(word_max_features=self.word_max_features, char_max_features=self.char_max_features)

    def _check_fitted(self) -> None:
        if not hasattr(self, "features_"):
            raise ModelError("模型尚未训练。")

    def transform(self, texts, cache: TokenCache | None = None):
        """Feature matrix (CSR) of ``texts``."""
        self._check_fitted()
        return transform_with(self.features_, _as_texts(texts), cache)

    def _char_ngram_max(self) -> int:
        return int(dict(self.features_.transformer_list)["char"].ngram_range[1])

    def _n_words(self) -> int:
        return len(dict(self.features_.transformer_list)["word"].vocabulary_)

    def _names(self) -> np.ndarray:
        if getattr(self, "_names_cache", None) is None:
            self._names_cache = feature_names(self.features_)
        return self._names_cache


def _as_texts(texts) -> list[str]:
    if isinstance(texts, str):
        raise TypeError("texts must be a list of strings, not a single string")
    return ["" if t is None else str(t) for t in texts]


def _check_triage_labels(y: np.ndarray) -> np.ndarray:
    """Raise unless there are two classes with at least two examples each; return the class counts."""
    classes, counts = np.unique(y, return_counts=True)
    if len(classes) < 2:
        raise ModelError("训练数据只有一个申请类别，至少需要两个类别。")
    if counts.min() < 2:
        rare = "、".join(str(c) for c, n in zip(classes, counts, strict=True) if n < 2)
        raise ModelError(f"以下类别样本少于 2 条，无法训练和校准：{rare}。")
    return counts


class TriageModel(_TextModel):
    """Multi-class classifier over the request-triage labels."""

    task = "triage"

    def fit(self, texts, labels, sample_weight=None, cache: TokenCache | None = None) -> TriageModel:
        texts = _as_texts(texts)
        y = np.asarray(labels, dtype=object)
        if len(texts) != len(y):
            raise ModelError(f"文本数（{len(texts)}）与标签数（{len(y)}）不一致。")
        _check_triage_labels(y)
        self.features_, X = fit_features(texts, self._config(), cache)
        self._names_cache = None
        self._coef_cache: dict = {}
        return self.fit_matrix(X, y, sample_weight)

    def fit_matrix(self, X, labels, sample_weight=None) -> TriageModel:
        """Fit the calibrated classifier on a ready feature matrix (used by cross-validation)."""
        y = np.asarray(labels, dtype=object).astype(str)
        counts = _check_triage_labels(y)
        n_splits = int(min(self.calibration_folds, counts.min()))
        self.classifier_ = _calibrated_svm(self.C, self.seed, n_splits)
        weights = None if sample_weight is None else np.asarray(sample_weight, dtype=float)
        with _single_blas_thread():
            self.classifier_.fit(X, y, sample_weight=weights)
        self.classes_ = np.asarray(self.classifier_.classes_, dtype=object)
        self._coef_cache = {}
        return self

    def predict_proba_X(self, X) -> np.ndarray:
        return self.classifier_.predict_proba(X)

    def predict_proba(self, texts, cache: TokenCache | None = None) -> np.ndarray:
        """Array (n_texts, n_classes); each row sums to 1; columns follow ``classes_``."""
        return self.predict_proba_X(self.transform(texts, cache))

    def predict(self, texts, cache: TokenCache | None = None) -> np.ndarray:
        proba = self.predict_proba(texts, cache)
        return self.classes_[np.argmax(proba, axis=1)]

    def _coef(self, label: str) -> np.ndarray:
        if label not in self._coef_cache:
            if label not in set(self.classes_):
                raise ModelError(f"模型没有类别 {label}。")
            self._coef_cache[label] = _mean_coef(self.classifier_, label)
        return self._coef_cache[label]

    def explain(self, text: str, label: str, k: int = 8) -> list[tuple[str, float]]:
        """Up to ``k`` terms of ``text`` that pushed it towards ``label``, strongest first."""
        X = self.transform([text])
        return _top_terms(X[0], self._coef(label), self._names(), self._n_words(), k)

    def describe(self, text: str, k: int = 8, top: int = 3) -> Prediction:
        """Probabilities of every label, the best ``top`` labels and evidence for each (one segmentation)."""
        X = self.transform([text])
        proba = self.predict_proba_X(X)[0]
        order = np.argsort(-proba)[:top]
        labels = [str(self.classes_[i]) for i in order]
        return Prediction(
            probabilities={str(c): float(p) for c, p in zip(self.classes_, proba, strict=False)},
            labels=labels,
            evidence={lab: _top_terms(X[0], self._coef(lab), self._names(), self._n_words(), k) for lab in labels},
        )

    # --- persistence -------------------------------------------------------
    def to_arrays(self) -> tuple[dict, dict[str, np.ndarray]]:
        """``(meta, arrays)`` for :class:`reviewer.model.linear.LinearTextModel` (plain JSON + NumPy)."""
        self._check_fitted()
        classes = [str(c) for c in self.classes_]
        index = {c: i for i, c in enumerate(classes)}
        columns, intercepts, a, b, outputs, members = [], [], [], [], [], []
        for g, member in enumerate(self.classifier_.calibrated_classifiers_):
            est = member.estimator
            coef = np.asarray(est.coef_, dtype=np.float64)
            intercept = np.ravel(est.intercept_)
            seen = [index[str(c)] for c in est.classes_]
            if len(classes) == 2:  # one decision column, scoring classes[1]
                targets = [1]
            else:
                targets = seen
            for k, (out, calibrator) in enumerate(zip(targets, member.calibrators, strict=False)):
                columns.append(coef[k])
                intercepts.append(float(intercept[k]))
                a.append(float(calibrator.a_))
                b.append(float(calibrator.b_))
                outputs.append(out)
                members.append(g)
        meta = {
            "task": self.task, "kind": "multiclass", "classes": classes,
            "n_members": len(self.classifier_.calibrated_classifiers_),
        }
        return _with_common(self, meta), _arrays(self, columns, intercepts, a, b, outputs, members,
                                                   np.zeros(len(classes)), np.ones(len(classes), dtype=bool))


class GroundsModel(_TextModel):
    """Multi-label classifier: one calibrated binary classifier per ground (one-vs-rest)."""

    task = "grounds"

    def __init__(
        self,
        C: float = 0.5,
        seed: int = DEFAULT_SEED,
        calibration_folds: int = 3,
        word_max_features: int = 20000,
        char_max_features: int = 40000,
        threshold: float = 0.35,
    ) -> None:
        super().__init__(C, seed, calibration_folds, word_max_features, char_max_features)
        self.threshold = threshold

    def fit(self, texts, label_sets, sample_weight=None, cache: TokenCache | None = None) -> GroundsModel:
        texts = _as_texts(texts)
        if len(texts) != len(label_sets):
            raise ModelError(f"文本数（{len(texts)}）与标签数（{len(label_sets)}）不一致。")
        unknown = {lab for labs in label_sets for lab in labs} - set(GROUNDS)
        if unknown:
            raise ModelError(f"未知的不公开依据：{'、'.join(sorted(unknown))}。")
        self.features_, X = fit_features(texts, self._config(), cache)
        self._names_cache = None
        return self.fit_matrix(X, label_sets, sample_weight)

    def fit_matrix(self, X, label_sets, sample_weight=None) -> GroundsModel:
        """Fit one calibrated classifier per ground on a ready feature matrix."""
        Y = self.binarize(label_sets)
        weights = None if sample_weight is None else np.asarray(sample_weight, dtype=float)
        self.classes_ = np.asarray(GROUNDS, dtype=object)
        self.estimators_: list = []
        self.priors_: list[float] = []
        for j in range(len(GROUNDS)):
            y = Y[:, j]
            pos, neg = int(y.sum()), int(len(y) - y.sum())
            self.priors_.append(pos / max(1, len(y)))
            if min(pos, neg) < 2:
                self.estimators_.append(None)  # too few examples: constant prior probability
                continue
            est = _calibrated_svm(self.C, self.seed, int(min(self.calibration_folds, pos, neg)))
            with _single_blas_thread():
                est.fit(X, y, sample_weight=weights)
            self.estimators_.append(est)
        self._coef_cache = {}
        self._stacked_state = None
        self._stacked_verified = False
        return self

    @staticmethod
    def binarize(label_sets) -> np.ndarray:
        """Indicator matrix (n, 7) in the order of :data:`GROUNDS`."""
        Y = np.zeros((len(label_sets), len(GROUNDS)), dtype=int)
        for i, labs in enumerate(label_sets):
            for lab in labs:
                Y[i, GROUNDS.index(lab)] = 1
        return Y

    @property
    def untrained_grounds(self) -> list[str]:
        self._check_fitted()
        return [g for g, est in zip(GROUNDS, self.estimators_, strict=False) if est is None]

    def predict_proba_X(self, X) -> np.ndarray:
        fast = self._stacked()
        if fast is None:
            return self._predict_proba_slow(X)
        out = fast.predict_proba(X)
        if not getattr(self, "_stacked_verified", False):
            if not np.allclose(out, self._predict_proba_slow(X), atol=1e-9):
                self._stacked_state = False  # never trust the fast path for this model
                return self._predict_proba_slow(X)
            self._stacked_verified = True
        return out

    def _stacked(self):
        """All grounds' calibrated SVMs as one stacked linear map (one sparse product per call instead of
        21 small ``predict_proba`` calls).  Checked once against scikit-learn's own path; on any mismatch
        the slow path is used for good."""
        if getattr(self, "_stacked_state", None) is None:
            self._stacked_state = _StackedSigmoid.build(self)
        return self._stacked_state or None

    def _predict_proba_slow(self, X) -> np.ndarray:
        out = np.zeros((X.shape[0], len(GROUNDS)))
        for j, est in enumerate(self.estimators_):
            if est is None:
                out[:, j] = self.priors_[j]
            else:
                pos = list(est.classes_).index(1)
                out[:, j] = est.predict_proba(X)[:, pos]
        return out

    def predict_proba(self, texts, cache: TokenCache | None = None) -> np.ndarray:
        """Array (n_texts, 7): the probability of each ground independently, in :data:`GROUNDS` order."""
        return self.predict_proba_X(self.transform(texts, cache))

    def predict(self, texts, cache: TokenCache | None = None) -> np.ndarray:
        """Indicator matrix (n_texts, 7): probability ≥ ``threshold``."""
        return (self.predict_proba(texts, cache) >= self.threshold).astype(int)

    def predict_labels(self, texts) -> list[list[str]]:
        return [[g for g, v in zip(GROUNDS, row, strict=False) if v] for row in self.predict(texts)]

    def _coef(self, ground: str) -> np.ndarray | None:
        if ground not in GROUNDS:
            raise ModelError(f"未知的不公开依据：{ground}。")
        if ground not in self._coef_cache:
            est = self.estimators_[GROUNDS.index(ground)]
            self._coef_cache[ground] = None if est is None else _mean_coef(est, 1)
        return self._coef_cache[ground]

    def explain(self, text: str, label: str, k: int = 8) -> list[tuple[str, float]]:
        """Up to ``k`` terms of ``text`` that pushed it towards ground ``label``, strongest first."""
        coef = self._coef(label)
        if coef is None:
            return []
        X = self.transform([text])
        return _top_terms(X[0], coef, self._names(), self._n_words(), k)

    def describe(self, text: str, k: int = 8) -> Prediction:
        """Probabilities of every ground, the grounds over threshold and the evidence for each."""
        X = self.transform([text])
        proba = self.predict_proba_X(X)[0]
        labels = [g for g, p in zip(GROUNDS, proba, strict=False) if p >= self.threshold]
        evidence = {}
        for g in labels:
            coef = self._coef(g)
            evidence[g] = [] if coef is None else _top_terms(X[0], coef, self._names(), self._n_words(), k)
        return Prediction({g: float(p) for g, p in zip(GROUNDS, proba, strict=False)}, labels, evidence)

    # --- persistence -------------------------------------------------------
    def to_arrays(self) -> tuple[dict, dict[str, np.ndarray]]:
        """``(meta, arrays)`` for :class:`reviewer.model.linear.LinearTextModel` (plain JSON + NumPy)."""
        self._check_fitted()
        columns, intercepts, a, b, outputs, members = [], [], [], [], [], []
        n_members = 1
        for j, est in enumerate(self.estimators_):
            if est is None:
                continue
            if [int(c) for c in est.classes_] != [0, 1]:
                raise ModelError("不公开依据分类器的类别不是 0/1，无法导出。")
            n_members = max(n_members, len(est.calibrated_classifiers_))
            for g, member in enumerate(est.calibrated_classifiers_):
                (calibrator,) = member.calibrators
                columns.append(np.asarray(member.estimator.coef_, dtype=np.float64).ravel())
                intercepts.append(float(np.ravel(member.estimator.intercept_)[0]))
                a.append(float(calibrator.a_))
                b.append(float(calibrator.b_))
                outputs.append(j)
                members.append(g)
        trained = np.asarray([est is not None for est in self.estimators_], dtype=bool)
        meta = {
            "task": self.task, "kind": "multilabel", "classes": [str(c) for c in self.classes_],
            "threshold": float(self.threshold), "n_members": n_members,
        }
        return _with_common(self, meta), _arrays(self, columns, intercepts, a, b, outputs, members,
                                                   np.asarray(self.priors_, dtype=np.float64), trained)


def _with_common(model, meta: dict) -> dict:
    meta.update(params=model.get_params(), char_ngram_max=int(model._char_ngram_max()),
                tokenizer="reviewer.text.segment.tokenize")
    return meta


def _arrays(model, columns, intercepts, a, b, outputs, members, priors, trained) -> dict[str, np.ndarray]:
    union = dict(model.features_.transformer_list)
    n_feat = len(model._names())
    coef = np.vstack(columns).T if columns else np.zeros((n_feat, 0))
    return {
        "word_terms": np.asarray(vocabulary_terms(union["word"]), dtype=str),
        "char_terms": np.asarray(vocabulary_terms(union["char"]), dtype=str),
        "word_idf": np.asarray(union["word"].idf_, dtype=np.float64),
        "char_idf": np.asarray(union["char"].idf_, dtype=np.float64),
        "coef": np.ascontiguousarray(coef, dtype=np.float64),
        "intercept": np.asarray(intercepts, dtype=np.float64),
        "calib_a": np.asarray(a, dtype=np.float64),
        "calib_b": np.asarray(b, dtype=np.float64),
        "column_output": np.asarray(outputs, dtype=np.int64),
        "column_member": np.asarray(members, dtype=np.int64),
        "priors": np.asarray(priors, dtype=np.float64),
        "trained": np.asarray(trained, dtype=bool),
    }


class _StackedSigmoid:
    """p_j(x) = mean_k expit(-(a_jk · (w_jk · x + b_jk) + c_jk)) for every ground j — the exact formula of
    ``CalibratedClassifierCV(LinearSVC, method="sigmoid")`` evaluated with one matrix product."""

    def __init__(self, W, intercepts, a, c, owners, n_grounds, priors):
        self.W = W  # (features, m) dense float
        self.intercepts = intercepts
        self.a = a
        self.c = c
        self.owners = owners  # ground index of each column
        self.n_grounds = n_grounds
        self.priors = priors  # ground index -> constant probability for untrained grounds

    @classmethod
    def build(cls, model):
        try:
            columns, intercepts, a, c, owners = [], [], [], [], []
            priors = {}
            for j, est in enumerate(model.estimators_):
                if est is None:
                    priors[j] = model.priors_[j]
                    continue
                if list(est.classes_) != [0, 1]:
                    return False
                for cc in est.calibrated_classifiers_:
                    base = cc.estimator
                    (calibrator,) = cc.calibrators
                    columns.append(np.asarray(base.coef_, dtype=float).ravel())
                    intercepts.append(float(np.ravel(base.intercept_)[0]))
                    a.append(float(calibrator.a_))
                    c.append(float(calibrator.b_))
                    owners.append(j)
            if not columns:
                return False
            stacked = cls(np.ascontiguousarray(np.vstack(columns).T), np.asarray(intercepts), np.asarray(a), np.asarray(c),
                          np.asarray(owners), len(model.estimators_), priors)
            return stacked
        except (AttributeError, ValueError, TypeError):
            return False

    def predict_proba(self, X) -> np.ndarray:
        from scipy.special import expit

        decision = np.asarray(X @ self.W) + self.intercepts
        calibrated = expit(-(self.a * decision + self.c))
        out = np.zeros((X.shape[0], self.n_grounds))
        counts = np.bincount(self.owners, minlength=self.n_grounds)
        for j in range(self.n_grounds):
            if j in self.priors:
                out[:, j] = self.priors[j]
            else:
                out[:, j] = calibrated[:, self.owners == j].sum(axis=1) / counts[j]
        return out
