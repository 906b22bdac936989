"""Trained classifiers: request triage (multi-class) and passage grounds (multi-label).

Modules (import what you need; nothing heavy is imported here):

* :mod:`~reviewer.model.classifiers` — ``TriageModel`` / ``GroundsModel``: ``fit``, ``predict_proba``,
  ``predict``, ``explain(text, label, k)``, ``describe(text)``.
* :mod:`~reviewer.model.default` — ``get_models(model_dir=None)``, ``get_active_models()``,
  ``latest_model_dir(base)``.
* :mod:`~reviewer.model.persist` — model folders of plain `.npz` arrays + a JSON card (no code path).
* :mod:`~reviewer.model.linear` — the NumPy-only predictor used at screening and review time.
* :mod:`~reviewer.model.training` — ``train_version(...)`` (what ``reviewer train`` runs).
* :mod:`~reviewer.model.decisions` — reading an office's past decisions (CSV/JSONL/XLSX).
* :mod:`~reviewer.model.evaluate` — cross-validation, scoring, comparison, reports.
"""

from reviewer.model.errors import DecisionsError, ModelError

__all__ = ["ModelError", "DecisionsError"]
