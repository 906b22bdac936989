"""The application layer: the :class:`Reviewer` façade and the review pipeline behind it."""

from reviewer.app.reviewer import DecisionResult, DraftResult, RedactResult, Reviewer

__all__ = ["DecisionResult", "DraftResult", "RedactResult", "Reviewer"]
