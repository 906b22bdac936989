"""Prediction with NumPy only: TF-IDF features + calibrated linear SVMs, from plain arrays.

A trained :class:`~reviewer.model.classifiers.TriageModel` / ``GroundsModel`` (scikit-learn, training time
only) exports the few arrays its predictions need (:meth:`to_arrays`); :class:`LinearTextModel` computes the
same probabilities from them without importing scikit-learn, SciPy or anything that can run code from a
file (see :mod:`reviewer.model.persist`).

Features are computed for a whole batch of texts at once: word counts from the shared segmentation (one
dict lookup per token), character 1–3-gram counts fully vectorised (each n-gram packed into one int64 key
and looked up with ``searchsorted``), then sublinear tf × idf, l2 per block — exactly what scikit-learn's
``TfidfVectorizer`` does.  The stacked weight matrix (features × columns) is C-contiguous, so a passage's
decision values are one gather + one segmented sum.

Two kinds of model:

* ``multiclass`` (request triage): every calibration member has one column per class it saw (one column
  when there are two classes); per member the sigmoid outputs are normalised to sum to 1, then averaged.
* ``multilabel`` (grounds): one calibrated binary classifier per label, each with several members whose
  sigmoid outputs are averaged; a label without a classifier gets its prior.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import chain, repeat

import numpy as np

from reviewer.model.errors import ModelError

KINDS = ("multiclass", "multilabel")
_WHITESPACE = re.compile(r"\s\s+")  # what scikit-learn's char analyzer collapses to one space
_BITS = 21  # a code point + 1 fits in 21 bits; three of them in one int64
_BMP_KEYS = 0x10001  # keys of single characters of the Basic Multilingual Plane (code point + 1)
_SKIP_CHARS = set("，。、；：？！“”‘’（）《》〔〕【】—…·,.;:?!\"'()[]{}<>-_/\\|@#$%^&*+=~` \t\r\n\u3000")

# name -> (dtype kind, number of dimensions) of every array a model file must hold
ARRAYS = {
    "word_terms": ("U", 1),
    "char_terms": ("U", 1),
    "word_idf": ("f", 1),
    "char_idf": ("f", 1),
    "coef": ("f", 2),
    "intercept": ("f", 1),
    "calib_a": ("f", 1),
    "calib_b": ("f", 1),
    "column_output": ("i", 1),
    "column_member": ("i", 1),
    "priors": ("f", 1),
    "trained": ("b", 1),
}


@dataclass
class Prediction:
    """Probabilities for one text plus the evidence for the predicted label(s)."""

    probabilities: dict[str, float]
    labels: list[str]
    evidence: dict[str, list[tuple[str, float]]] = field(default_factory=dict)


@dataclass
class Features:
    """Sparse TF-IDF rows of a batch: entries sorted by (row, column)."""

    n_rows: int
    rows: np.ndarray
    cols: np.ndarray
    vals: np.ndarray

    def row(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        lo, hi = np.searchsorted(self.rows, [i, i + 1])
        return self.cols[lo:hi], self.vals[lo:hi]


def char_keys(terms) -> np.ndarray:
    """int64 key of each character n-gram (1–3 characters): code points + 1 packed 21 bits apart."""
    arr = np.asarray(terms, dtype="<U3")
    if arr.size == 0:
        return np.zeros(0, dtype=np.int64)
    cps = arr.reshape(-1, 1).view(np.uint32).reshape(len(arr), 3).astype(np.int64)
    lengths = np.char.str_len(arr)
    keys = np.zeros(len(arr), dtype=np.int64)
    for k in range(3):
        part = np.where(k < lengths, cps[:, k] + 1, 0)
        keys = np.where(k < lengths, (keys << _BITS) | part, keys)
    return keys


class NgramTable:
    """Open-addressing hash table (linear probing, load ≤ 1/4) from n-gram key to column, looked up for
    a whole array of keys at once — a few gathers instead of ``searchsorted``'s ~16 dependent ones."""

    _MULT = np.uint64(0x9E3779B97F4A7C15)

    def __init__(self, keys: np.ndarray, cols: np.ndarray) -> None:
        n = len(keys)
        self.bits = max(4, int(np.ceil(np.log2(max(1, 4 * n)))))
        size = 1 << self.bits
        self.mask = size - 1
        self.keys = np.zeros(size, dtype=np.int64)  # 0 = empty (every key is > 0)
        self.cols = np.full(size, -1, dtype=np.int64)
        slots = self._hash(keys)
        pending = np.arange(n)
        self.max_probe = 0
        probe = 0
        while pending.size:
            s = slots[pending]
            free = self.keys[s] == 0
            cand, cs = pending[free], s[free]
            taken, first = np.unique(cs, return_index=True)
            winners = cand[first]
            self.keys[taken] = keys[winners]
            self.cols[taken] = cols[winners]
            self.max_probe = probe
            placed = np.zeros(n, dtype=bool)
            placed[winners] = True
            pending = pending[~placed[pending]]
            slots[pending] = (slots[pending] + 1) & self.mask
            probe += 1

    def _hash(self, keys: np.ndarray) -> np.ndarray:
        with np.errstate(over="ignore"):
            h = (keys.astype(np.uint64) * self._MULT) >> np.uint64(64 - self.bits)
        return h.astype(np.int64)

    def lookup(self, keys: np.ndarray) -> np.ndarray:
        """Column of each key, -1 where the key is not in the table."""
        out = np.full(len(keys), -1, dtype=np.int64)
        active = np.arange(len(keys))
        slots = self._hash(keys)
        for _ in range(self.max_probe + 1):
            if not active.size:
                break
            found = self.keys[slots]
            hit = found == keys[active]
            out[active[hit]] = self.cols[slots[hit]]
            more = ~hit & (found != 0)
            active, slots = active[more], (slots[more] + 1) & self.mask
        return out


def top_terms(cols, vals, coef: np.ndarray, names, n_words: int, k: int) -> list[tuple[str, float]]:
    """Terms of one feature row with the largest positive contribution coef × value.

    Columns ``< n_words`` are words, the rest character n-grams.  A character n-gram that lies inside, or
    wraps, a word already found is folded into that word; other n-grams are folded into a stronger
    overlapping n-gram.  Every term returned is a word or n-gram of the input.
    """
    words: dict[str, float] = {}
    chars: dict[str, float] = {}
    for idx, value in zip(cols, vals, strict=False):
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


class LinearTextModel:
    """A trained classifier as plain arrays (see the module docstring)."""

    def __init__(self, meta: dict, arrays: dict[str, np.ndarray]) -> None:
        self.task = str(meta["task"])
        self.kind = str(meta["kind"])
        if self.kind not in KINDS:
            raise ModelError(f"未知的模型类型：{self.kind!r}。")
        self.classes_ = np.asarray([str(c) for c in meta["classes"]], dtype=object)
        self.threshold = float(meta.get("threshold", 0.5))
        self.params = dict(meta.get("params", {}))
        self.char_ngram_max = int(meta.get("char_ngram_max", 3))
        if not 1 <= self.char_ngram_max <= 3:
            raise ModelError("字符 n 元特征的长度只支持 1–3。")
        self.n_members = int(meta["n_members"])
        self.version: str | None = None
        word_terms = arrays["word_terms"].tolist()
        char_terms = arrays["char_terms"].tolist()
        self.n_words = len(word_terms)
        self.word_index = {t: i for i, t in enumerate(word_terms)}
        keys = char_keys(char_terms)
        order = np.argsort(keys, kind="stable")
        self.char_keys = keys[order]
        self.char_cols = (order + self.n_words).astype(np.int64)
        self.char_table = NgramTable(self.char_keys, self.char_cols)
        # single characters of the Basic Multilingual Plane: a direct table (code point + 1 → column, -1)
        self.uni_cols = np.full(_BMP_KEYS, -1, dtype=np.int64)
        single = self.char_keys < _BMP_KEYS
        self.uni_cols[self.char_keys[single]] = self.char_cols[single]
        self.idf = np.concatenate([arrays["word_idf"], arrays["char_idf"]]).astype(np.float64)
        self.names = word_terms + char_terms
        self.coef = np.ascontiguousarray(arrays["coef"], dtype=np.float64)  # (features, columns), once
        self.intercept = np.asarray(arrays["intercept"], dtype=np.float64)
        self.calib_a = np.asarray(arrays["calib_a"], dtype=np.float64)
        self.calib_b = np.asarray(arrays["calib_b"], dtype=np.float64)
        self.column_output = np.asarray(arrays["column_output"], dtype=np.int64)
        self.column_member = np.asarray(arrays["column_member"], dtype=np.int64)
        self._explain_coef: np.ndarray | None = None
        self.priors = np.asarray(arrays["priors"], dtype=np.float64)
        self.trained = np.asarray(arrays["trained"], dtype=bool)
        self._check_shapes()

    def _check_shapes(self) -> None:
        n_feat, n_out = len(self.names), len(self.classes_)
        m = self.coef.shape[1] if self.coef.ndim == 2 else -1
        ok = (
            len(self.word_index) == self.n_words
            and bool(np.all(np.diff(self.char_keys) > 0))
            and self.idf.shape == (n_feat,)
            and self.coef.shape == (n_feat, m)
            and all(a.shape == (m,) for a in (self.intercept, self.calib_a, self.calib_b,
                                               self.column_output, self.column_member))
            and self.priors.shape == (n_out,) and self.trained.shape == (n_out,)
            and (m == 0 or (self.column_output.min() >= 0 and self.column_output.max() < n_out
                            and self.column_member.min() >= 0 and self.column_member.max() < self.n_members))
            and self.n_members >= 1
            and np.isfinite(self.coef).all() and np.isfinite(self.idf).all()
        )
        if not ok:
            raise ModelError("模型数组的形状或取值彼此不一致。")

    @property
    def explain_coef(self) -> np.ndarray:
        """(features, labels): each label's linear coefficients averaged over its calibration members (a
        two-class model's one column scores the second class; the first gets its negation)."""
        if self._explain_coef is None:
            n_feat, n_out = self.coef.shape[0], len(self.classes_)
            out = np.zeros((n_feat, n_out))
            binary = self.kind == "multiclass" and n_out == 2
            for j in range(n_out):
                cols = np.flatnonzero(self.column_output == (1 if binary else j))
                if len(cols):
                    out[:, j] = self.coef[:, cols].mean(axis=1) * (-1.0 if binary and j == 0 else 1.0)
            self._explain_coef = out
        return self._explain_coef

    # --- features ----------------------------------------------------------------
    def features(self, texts, tokens=None) -> Features:
        """TF-IDF rows of ``texts``; ``tokens`` (one word list per text) skips segmentation — pass the words
        cut from the document's one segmentation.  Words outside the vocabulary (punctuation and whitespace
        always are: the vocabulary comes from :func:`reviewer.text.segment.tokenize`) are ignored."""
        texts = _as_texts(texts)
        n = len(texts)
        if tokens is None:
            from reviewer.text.segment import tokenize

            tokens = [tokenize(t) for t in texts]
        if len(tokens) != n:
            raise ValueError("tokens must have one word list per text")
        n_feat = len(self.names)
        # words: one dict lookup per token
        lens = np.fromiter((len(ws) for ws in tokens), dtype=np.int64, count=n)
        total = int(lens.sum())
        word_cols = np.fromiter(map(self.word_index.get, chain.from_iterable(tokens), repeat(-1, total)),
                                dtype=np.int64, count=total)
        word_rows = np.repeat(np.arange(n, dtype=np.int64), lens)
        keep = word_cols >= 0
        parts_rows, parts_cols = [word_rows[keep]], [word_cols[keep]]
        # characters: all n-grams of all texts at once
        norm = [_WHITESPACE.sub(" ", t) for t in texts]
        clens = np.fromiter(map(len, norm), dtype=np.int64, count=n)
        cp = np.frombuffer("".join(norm).encode("utf-32-le"), dtype=np.uint32).astype(np.int64) + 1
        if len(cp) and len(self.char_keys):
            pid = np.repeat(np.arange(n, dtype=np.int64), clens)
            ends = np.cumsum(clens)
            remaining = ends[pid] - np.arange(len(cp))  # characters left in the text, this one included
            key = cp.copy()
            for size in range(1, self.char_ngram_max + 1):
                if size > 1:
                    key = (key[:-1] << _BITS) | cp[size - 1:]
                valid = remaining[: len(key)] >= size
                if size == 1:
                    cols = self._unigram_cols(key[valid])
                else:
                    cols = self.char_table.lookup(key[valid])
                hit = cols >= 0
                parts_rows.append(pid[: len(key)][valid][hit])
                parts_cols.append(cols[hit])
        flat = np.concatenate(parts_rows) * n_feat + np.concatenate(parts_cols)
        uniq, counts = np.unique(flat, return_counts=True)
        rows, cols = uniq // n_feat, uniq % n_feat
        vals = (np.log(counts.astype(np.float64)) + 1.0) * self.idf[cols]
        group = rows * 2 + (cols >= self.n_words)
        norms = np.sqrt(np.bincount(group, weights=vals * vals, minlength=2 * n))
        vals = vals / norms[group]
        return Features(n, rows, cols, vals)

    def _unigram_cols(self, keys: np.ndarray) -> np.ndarray:
        """Column of each single-character key (-1 where none): a gather for the BMP, the hash table for
        the rest."""
        inside = keys < _BMP_KEYS
        if inside.all():
            return self.uni_cols[keys]
        cols = np.full(len(keys), -1, dtype=np.int64)
        cols[inside] = self.uni_cols[keys[inside]]
        cols[~inside] = self.char_table.lookup(keys[~inside])
        return cols

    # --- probabilities -------------------------------------------------------------
    def decision(self, feats: Features) -> np.ndarray:
        out = np.zeros((feats.n_rows, self.coef.shape[1]))
        if len(feats.rows):
            present, first = np.unique(feats.rows, return_index=True)
            gathered = self.coef.take(feats.cols, axis=0)  # rows of the C-contiguous weights
            gathered *= feats.vals[:, None]
            out[present] = np.add.reduceat(gathered, first, axis=0)
        return out + self.intercept

    def proba_from_features(self, feats: Features) -> np.ndarray:
        z = self.calib_a * self.decision(feats) + self.calib_b
        sig = 1.0 / (1.0 + np.exp(z))  # scikit-learn's expit(-(a·d + b))
        n, n_out = feats.n_rows, len(self.classes_)
        if self.kind == "multilabel":
            out = np.empty((n, n_out))
            for j in range(n_out):
                cols = np.flatnonzero(self.column_output == j)
                if not self.trained[j] or len(cols) == 0:
                    out[:, j] = self.priors[j]
                    continue
                acc = np.zeros(n)
                for c in cols:
                    acc += sig[:, c]
                out[:, j] = acc / len(cols)
            return out
        acc = np.zeros((n, n_out))
        for g in range(self.n_members):
            cols = np.flatnonzero(self.column_member == g)
            proba = np.zeros((n, n_out))
            for c in cols:
                proba[:, self.column_output[c]] = sig[:, c]
            if n_out == 2:
                proba[:, 0] = 1.0 - proba[:, 1]
            else:
                den = proba.sum(axis=1)[:, None]
                proba = np.divide(proba, den, out=np.full_like(proba, 1 / n_out), where=den != 0)
            proba[(1.0 < proba) & (proba <= 1.0 + 1e-5)] = 1.0
            acc += proba
        return acc / self.n_members

    def predict_proba(self, texts, cache=None, tokens=None) -> np.ndarray:
        """Array (n_texts, n_labels); ``cache`` is any callable text -> words (e.g. a TokenCache)."""
        texts = _as_texts(texts)
        if tokens is None and cache is not None:
            tokens = [cache(t) for t in texts]
        return self.proba_from_features(self.features(texts, tokens))

    def predict(self, texts, cache=None) -> np.ndarray:
        proba = self.predict_proba(texts, cache)
        if self.kind == "multiclass":
            return self.classes_[np.argmax(proba, axis=1)]
        return (proba >= self.threshold).astype(int)

    def predict_labels(self, texts) -> list[list[str]]:
        return [[str(g) for g, v in zip(self.classes_, row, strict=False) if v] for row in self.predict(texts)]

    def binarize(self, label_sets) -> np.ndarray:
        """Indicator matrix (n, labels) in the order of ``classes_``."""
        index = {str(c): i for i, c in enumerate(self.classes_)}
        Y = np.zeros((len(label_sets), len(index)), dtype=int)
        for i, labs in enumerate(label_sets):
            for lab in labs:
                Y[i, index[lab]] = 1
        return Y

    @property
    def untrained_grounds(self) -> list[str]:
        return [str(c) for c, t in zip(self.classes_, self.trained, strict=False) if not t]

    # --- evidence ------------------------------------------------------------------
    def _label_index(self, label: str) -> int:
        labels = [str(c) for c in self.classes_]
        if label not in labels:
            raise ModelError(f"模型没有类别 {label}。")
        return labels.index(label)

    def explain(self, text: str, label: str, k: int = 8) -> list[tuple[str, float]]:
        """Up to ``k`` terms of ``text`` that pushed it towards ``label``, strongest first."""
        j = self._label_index(label)
        if not self.trained[j]:
            return []
        cols, vals = self.features([text]).row(0)
        return top_terms(cols, vals, self.explain_coef[:, j], self.names, self.n_words, k)

    def describe(self, text: str, k: int = 8, top: int = 3) -> Prediction:
        """Probabilities of every label, the chosen labels and the evidence for each (one segmentation)."""
        feats = self.features([text])
        proba = self.proba_from_features(feats)[0]
        if self.kind == "multiclass":
            chosen = [int(i) for i in np.argsort(-proba)[:top]]
        else:
            chosen = [j for j, p in enumerate(proba) if p >= self.threshold]
        cols, vals = feats.row(0)
        evidence = {
            str(self.classes_[j]): (top_terms(cols, vals, self.explain_coef[:, j], self.names, self.n_words, k)
                                    if self.trained[j] else [])
            for j in chosen
        }
        return Prediction({str(c): float(p) for c, p in zip(self.classes_, proba, strict=False)},
                          [str(self.classes_[j]) for j in chosen], evidence)

    def get_params(self) -> dict:
        return dict(self.params)


def _as_texts(texts) -> list[str]:
    if isinstance(texts, str):
        raise TypeError("texts must be a list of strings, not a single string")
    return ["" if t is None else str(t) for t in texts]
