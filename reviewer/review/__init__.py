"""Decision stage: request parsing, triage, catalog match, decision, deadlines and letters.

Sub-modules are imported directly (e.g. ``from reviewer.review.deadline import compute_deadline``);
this package deliberately imports nothing so that the modules stay independent.
"""
