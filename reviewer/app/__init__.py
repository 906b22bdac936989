"""The application layer: the :class:`Reviewer` façade and the review pipeline behind it."""

from reviewer.app.reviewer import AnnualReport, DecisionResult, DraftResult, RedactResult, Reviewer

__all__ = ["AnnualReport", "DecisionResult", "DraftResult", "RedactResult", "Reviewer"]
