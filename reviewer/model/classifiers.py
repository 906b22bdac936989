"""Request-triage (multi-class) and passage-grounds (multi-label) classifiers.

Both follow scikit-learn conventions (``fit`` returns ``self``, fitted attributes end in ``_``,
``predict_proba`` columns follow ``classes_``) and share one design: word + character TF-IDF
(:mod:`reviewer.model.features`), a linear SVM per class, sigmoid-calibrated probabilities
(``CalibratedClassifierCV``, stratified folds, fixed seed).  ``explain`` returns the terms of the
input that pushed the decision: linear coefficient × the text's feature value, summed over the
word and character blocks when the same string is both.

Only plain scikit-learn objects are persisted (see :mod:`reviewer.model.persist`); the classes
here are rebuilt from that state with :meth:`from_state`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import FeatureUnion
from sklearn.svm import LinearSVC

from reviewer.model.corpus import GROUNDS
from reviewer.model.errors import ModelError
from reviewer.model.features import (
    FeatureConfig,
    TokenCache,
    feature_names,
    fit_features,
    pack_features,
    transform_with,
    unpack_features,
)

DEFAULT_SEED = 20190515  # the day the 2019 Regulations took effect
_SKIP_CHARS = set("，。、；：？！“”‘’（）《》〔〕【】—…·,.;:?!\"'()[]{}<>-_/\\|@#$%^&*+=~` \t\r\n\u3000")


@dataclass
class Prediction:
    """Probabilities for one text plus the evidence for the predicted label(s)."""

    probabilities: dict[str, float]
    labels: list[str]
    evidence: dict[str, list[tuple[str, float]]] = field(default_factory=dict)


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


def _top_terms(row, coef: np.ndarray, names: np.ndarray, n_words: int, k: int) -> list[tuple[str, float]]:
    """Terms of one transformed row with the largest positive contribution coef × value.

    Columns ``< n_words`` are jieba words, the rest character n-grams.  A character n-gram that
    lies inside, or wraps, a word already found is folded into that word; other n-grams are folded
    into a stronger overlapping n-gram.  Every term returned is a word or n-gram of the input.
    """
    row = row.tocsr()
    words: dict[str, float] = {}
    chars: dict[str, float] = {}
    for idx, value in zip(row.indices, row.data, strict=False):
        contrib = float(coef[idx]) * float(value)
        if contrib <= 0:
            continue
        term = str(names[idx])
        if not term.strip() or any(ch in _SKIP_CHARS or ch.isspace() for ch in term):
            continue
        bucket = words if idx < n_words else chars
        bucket[term] = bucket.get(term, 0.0) + contrib
    chosen = dict(words)
    word_order = sorted(words, key=lambda w: -words[w])
    for term, weight in sorted(chars.items(), key=lambda kv: (-len(kv[0]), -kv[1], kv[0])):
        host = next((w for w in word_order if term in w or w in term), None)
        if host is None:  # longer n-grams come first: fold shorter ones into them
            host = next((c for c in chosen if c not in words and term in c), None)
        if host is None:
            chosen[term] = weight
        else:
            chosen[host] += weight
    ranked = sorted(chosen.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
    return [(term, round(weight, 4)) for term, weight in ranked]


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
    def to_state(self) -> dict:
        self._check_fitted()
        features, vocabularies = pack_features(self.features_)
        return {
            "task": self.task,
            "params": self.get_params(),
            "features": features,
            "vocabularies": vocabularies,
            "classifier": self.classifier_,
            "classes": [str(c) for c in self.classes_],
        }

    @classmethod
    def from_state(cls, state: dict) -> TriageModel:
        _check_state(state, "triage")
        if not isinstance(state.get("classifier"), CalibratedClassifierCV):
            raise ModelError("模型文件内容不是申请分类模型。")
        model = cls(**_known_params(cls, state["params"]))
        model.features_ = unpack_features(state["features"], state["vocabularies"])
        model.classifier_ = state["classifier"]
        model.classes_ = np.asarray(state["classes"], dtype=object)
        model._names_cache = None
        model._coef_cache = {}
        return model


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
    def to_state(self) -> dict:
        self._check_fitted()
        features, vocabularies = pack_features(self.features_)
        return {
            "task": self.task,
            "params": self.get_params(),
            "features": features,
            "vocabularies": vocabularies,
            "estimators": list(self.estimators_),
            "priors": [float(p) for p in self.priors_],
            "classes": list(GROUNDS),
        }

    @classmethod
    def from_state(cls, state: dict) -> GroundsModel:
        _check_state(state, "grounds")
        estimators = state.get("estimators")
        if (
            not isinstance(estimators, list)
            or len(estimators) != len(GROUNDS)
            or any(e is not None and not isinstance(e, CalibratedClassifierCV) for e in estimators)
            or list(state.get("classes", [])) != list(GROUNDS)
        ):
            raise ModelError("模型文件内容不是不公开依据分类模型，或依据列表与本程序不一致。")
        model = cls(**_known_params(cls, state["params"]))
        model.features_ = unpack_features(state["features"], state["vocabularies"])
        model.estimators_ = estimators
        model.priors_ = [float(p) for p in state["priors"]]
        model.classes_ = np.asarray(GROUNDS, dtype=object)
        model._names_cache = None
        model._coef_cache = {}
        model._stacked_state = None
        model._stacked_verified = False
        return model


def _known_params(cls, params: dict) -> dict:
    allowed = set(cls().get_params())
    return {k: v for k, v in params.items() if k in allowed}


def _check_state(state, task: str) -> None:
    if not isinstance(state, dict) or state.get("task") != task:
        raise ModelError(f"模型文件内容不是 {task} 模型。")
    if not isinstance(state.get("features"), FeatureUnion):
        raise ModelError("模型文件缺少特征提取器。")
    vocabularies = state.get("vocabularies")
    if not isinstance(vocabularies, dict) or not all(isinstance(v, str) for v in vocabularies.values()):
        raise ModelError("模型文件缺少词表。")
    if not isinstance(state.get("params"), dict):
        raise ModelError("模型文件缺少参数。")


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
            stacked = cls(np.vstack(columns).T, np.asarray(intercepts), np.asarray(a), np.asarray(c),
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
