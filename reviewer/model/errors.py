"""Errors raised by the model package (messages in Chinese, shown to users as is)."""

from __future__ import annotations


class ModelError(Exception):
    """A model cannot be trained, saved or loaded; the message says which file and why."""


class DecisionsError(ModelError):
    """A decisions export cannot be read (unknown format, missing columns, bad encoding)."""
