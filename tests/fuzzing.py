"""Hypothesis budgets for the permanent fuzz and property tests.

``make test`` runs each with a small, derandomized budget (same examples every run, a few seconds);
``make fuzz`` sets ``REVIEWER_FUZZ`` (a multiplier, e.g. 50) for a long randomized run."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

FUZZ = int(os.environ.get("REVIEWER_FUZZ", "0") or 0)


def budget(examples: int):
    """``@settings`` for a fuzz test: ``examples`` in the normal suite, ``examples × REVIEWER_FUZZ`` in
    ``make fuzz``."""
    return settings(max_examples=examples * FUZZ if FUZZ else examples, deadline=None, derandomize=not FUZZ,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.filter_too_much], database=None)
