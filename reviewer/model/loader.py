"""The classify stage: access to the trained models for ``screen`` and ``review``.

Models come from ``reviewer.model`` (plain ``.npz`` arrays + JSON card, no code path; built from
``corpora/`` on first use and cached per user) and predict with NumPy only.  A model found automatically
(the office's newest, else the default) that fails degrades to rules-only screening with a Chinese
warning: the classifier adds probabilities, it never blocks a review.  A model folder the user named
(``--model``) that is refused raises :class:`ModelError` instead: the command stops with exit code 2.
"""

from __future__ import annotations

from pathlib import Path

_cache: dict[tuple, object] = {}


def load_models(model_dir: Path | None = None, names=None):
    """Return (LoadedModels | None, warning | None); ``names`` limits what is read (screening: grounds)."""
    key = (str(model_dir or ""), None if names is None else tuple(names))
    if key in _cache:
        return _cache[key], None
    try:
        from reviewer.model.default import get_active_models, get_models
        from reviewer.model.errors import ModelError
    except ImportError:  # pragma: no cover - the model package is part of the project
        return None, "提示：分类器模块不可用，仅使用规则审查。"
    try:
        # No directory given: the newest model the office trained, else the default built from corpora/.
        models = get_models(model_dir, names=names) if model_dir is not None else get_active_models(names=names)
    except ModelError as exc:
        if model_dir is not None:
            raise ModelError(f"指定的模型未加载：{exc}") from exc
        return None, f"提示：分类器未加载（{exc}），仅使用规则审查。"
    except Exception as exc:  # noqa: BLE001 - the classifier must never block a review
        return None, f"提示：分类器加载失败（{type(exc).__name__}），仅使用规则审查。"
    # Label each model with its version so screening ledgers and reviews can record it.
    for model in models.models.values():
        model.version = models.version
    _cache[key] = models
    return models, None


def load_grounds_model(model_dir: Path | None = None):
    models, warning = load_models(model_dir, names=("grounds",))
    return (models.grounds if models is not None else None), warning

