"""Helpers the decision tests share: one pasted request reviewed with the applicant's details on file (the setting
the development cases and the private set are measured in), with or without the trained classifiers."""

from __future__ import annotations

from reviewer.app.pipeline import ReviewOptions, run_review


def review_outcome(text: str, *, model: bool = False, **options):
    """The ``ReviewOutcome`` of ``text``; ``options`` are further ``ReviewOptions`` fields."""
    return run_review(text, ReviewOptions(use_model=model, applicant_on_file=True, **options))


def reviewed_with_model(text: str) -> dict:
    """The review as ``reviewer review --applicant-on-file --format json`` prints it, classifiers loaded."""
    return review_outcome(text, model=True).to_dict()


def reviewed_by_rules(text: str) -> dict:
    """The same with the rules alone (``--no-model``)."""
    return review_outcome(text, model=False).to_dict()
