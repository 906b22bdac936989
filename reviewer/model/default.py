"""The default models: built from ``corpora/`` on first use, cached, loaded safely afterwards.

``get_models()`` returns the models built deterministically (fixed seed) from the seed corpus,
cached under ``cache_dir()/models/<key>/`` where the key hashes the corpus files, the jieba user
dictionary, the training recipe, the segmenter and the scikit-learn version; any change rebuilds.  The cache
is loaded through the same checks as any model directory (card, SHA-256, plain arrays only); a cache
that fails them is rebuilt, never trusted.  ``get_models(path)`` loads a given model directory (or
the latest ``model-vNNN`` inside a base directory).  ``get_active_models()`` prefers the newest
version trained by the office (``data_dir()/models``) and falls back to the default.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
import threading
from pathlib import Path

from reviewer.model.errors import ModelError
from reviewer.model.persist import (
    CARD_NAME,
    LoadedModels,
    list_versions,
    load_model_dir,
    version_number,
)

# bump when features, classifiers, segmenter or training change (4: rjieba, .npz, request grounds;
# 5: near-duplicate-free template corpora, template requests weigh 0.25, training text normalised;
# 6: the normaliser folds half-width , ; : ! ? next to Han characters to full width;
# 7: ... and half-width parenthesis pairs in Chinese text; 9: ... and straight double-quote pairs around Chinese text)
RECIPE_VERSION = "9"
DEFAULT_SEED = 20190515  # the day the 2019 Regulations took effect
_lock = threading.Lock()
_loaded: dict[tuple, LoadedModels] = {}


def latest_model_dir(base: Path) -> Path | None:
    """The newest ``model-vNNN`` directory with a card under ``base`` (None if there is none)."""
    versions = [p for p in list_versions(base) if (p / CARD_NAME).is_file()]
    return versions[-1] if versions else None


def sklearn_version() -> str:
    """scikit-learn's installed version without importing it (screening never imports scikit-learn) and
    without ``importlib.metadata``, which scans every distribution on the path (about 50 ms per process):
    the version is read from the name of the ``scikit_learn-X.Y.Z.dist-info`` folder next to the package."""
    import importlib.util

    spec = importlib.util.find_spec("sklearn")
    if spec is not None and spec.origin:
        site = Path(spec.origin).parent.parent
        found = sorted(site.glob("scikit_learn-*.dist-info"))
        if len(found) == 1:
            return found[0].name[len("scikit_learn-"):-len(".dist-info")]
    from importlib.metadata import version

    return version("scikit-learn")


def default_cache_key(corpus_dir: Path, seed: int = DEFAULT_SEED) -> str:
    from reviewer.model.corpus import corpus_hash
    from reviewer.text.segment import SEGMENTER

    h = hashlib.sha256()
    for part in (corpus_hash(corpus_dir), RECIPE_VERSION, sklearn_version(), SEGMENTER, str(seed)):
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()[:16]


def build_default(corpus_dir: Path, target: Path, seed: int = DEFAULT_SEED) -> Path:
    """Train the default models on the seed corpus and save them at ``target`` (no cross-validation)."""
    from reviewer.model.corpus import (
        NORMALISE_TRAINING_TEXT,
        TEMPLATE_WEIGHTS,
        load_corpus,
        training_datasets,
    )
    from reviewer.model.persist import encode_training_data, save_model_dir
    from reviewer.model.training import (
        build_card,
        drop_rare_classes,
        encode_eval_extras,
        fit_models,
        fit_request_grounds,
    )

    corpus = training_datasets(load_corpus(corpus_dir))
    if len(corpus.requests) == 0 or len(corpus.passages) == 0:
        raise ModelError(
            f"种子语料目录 {corpus_dir} 中没有可用的申请或段落样本，无法构建默认模型。"
        )
    triage_data, grounds_data = corpus.requests, corpus.passages
    dropped = drop_rare_classes(triage_data)
    triage, grounds = fit_models(triage_data, grounds_data, seed=seed)
    request_grounds = fit_request_grounds(corpus.request_grounds, seed=seed)
    card = build_card(
        triage, grounds, triage_data, grounds_data, seed,
        extra={"default": True, "previous": None, "dropped_classes": dropped,
               "corpus": {"dir": str(corpus_dir), "sha256": corpus.sha256, "files": corpus.files,
                          "problems": corpus.problems[:50]},
               "request_grounds": {"n": len(corpus.request_grounds), "trained": request_grounds is not None},
               "recipe": {"version": RECIPE_VERSION, "template_weights": dict(TEMPLATE_WEIGHTS),
                          "normalised_training_text": NORMALISE_TRAINING_TEXT}},
    )
    models = {"triage": triage, "grounds": grounds}
    if request_grounds is not None:
        models["request_grounds"] = request_grounds
    return save_model_dir(target, models, card, encode_training_data(triage_data, grounds_data),
                          encode_eval_extras(triage_data, grounds_data, corpus.request_grounds))


def default_model_dir(corpus_dir: Path | None = None, seed: int = DEFAULT_SEED, build: bool = True) -> Path:
    """Path of the cached default model directory, building it if needed."""
    from reviewer.paths import CORPORA_DIR, cache_dir

    corpus_dir = Path(corpus_dir) if corpus_dir else CORPORA_DIR
    target = cache_dir() / "models" / default_cache_key(corpus_dir, seed)
    if build and not (target / CARD_NAME).is_file():
        try:
            build_default(corpus_dir, target, seed)
        except ModelError:
            if not (target / CARD_NAME).is_file():  # another process may have won the race
                raise
    return target


def get_models(model_dir: Path | None = None, corpus_dir: Path | None = None, seed: int = DEFAULT_SEED,
               names=None) -> LoadedModels:
    """Load models (all, or only ``names``): ``model_dir`` (a version directory, or a base holding versions),
    else the default."""
    if model_dir is not None:
        path = Path(model_dir)
        if version_number(path) is None and not (path / CARD_NAME).is_file():
            latest = latest_model_dir(path)
            if latest is None:
                raise ModelError(f"目录 {path} 中没有模型（model-vNNN）。")
            path = latest
        return _load_cached(path, names)
    with _lock:
        path = default_model_dir(corpus_dir, seed)
        try:
            return _load_cached(path, names)
        except ModelError as exc:
            print(f"默认模型缓存不可用，将重新构建：{exc}", file=sys.stderr)
            for key in [k for k in _loaded if k[0] == str(path.resolve())]:
                _loaded.pop(key, None)
            shutil.rmtree(path, ignore_errors=True)
            path = default_model_dir(corpus_dir, seed)
            return _load_cached(path, names)


def get_active_models(corpus_dir: Path | None = None, names=None) -> LoadedModels:
    """The newest office-trained version under ``data_dir()/models`` if any, else the default models."""
    from reviewer.paths import data_dir

    latest = latest_model_dir(data_dir() / "models")
    if latest is not None:
        return get_models(latest, names=names)
    return get_models(corpus_dir=corpus_dir, names=names)


def _load_cached(path: Path, names=None) -> LoadedModels:
    resolved = str(Path(path).resolve())
    key = (resolved, None if names is None else tuple(names))
    if key not in _loaded:
        # A model directory is immutable once written: what an earlier, narrower load read (screening reads
        # only ``grounds``) is shared, not read and held in memory twice (the web page screens and reviews).
        reuse = {name: model for (where, _names), loaded in list(_loaded.items()) if where == resolved
                 for name, model in loaded.models.items()}
        _loaded[key] = load_model_dir(path, names, reuse=reuse)
    return _loaded[key]


def clear_loaded() -> None:
    """Forget models loaded in this process (tests, or after retraining)."""
    _loaded.clear()
