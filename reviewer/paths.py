"""Locations of the project's data folders and the per-user cache/data directories."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
RULES_DIR = Path(os.environ.get("REVIEWER_RULES_DIR", PROJECT_DIR / "rules"))
CORPORA_DIR = Path(os.environ.get("REVIEWER_CORPORA_DIR", PROJECT_DIR / "corpora"))
EXAMPLES_DIR = PROJECT_DIR / "examples"
DB_FILENAME = "reviewer.sqlite"  # the decision store, a plain SQLite file in the user data directory


def cache_dir() -> Path:
    """Per-user cache directory (jieba cache, built default model)."""
    env = os.environ.get("REVIEWER_CACHE_DIR")
    if env:
        path = Path(env)
    else:
        from platformdirs import user_cache_dir

        path = Path(user_cache_dir("reviewer"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """Per-user data directory (decision store, trained model versions)."""
    env = os.environ.get("REVIEWER_DATA_DIR")
    if env:
        path = Path(env)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir("reviewer"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """Per-user configuration directory (the office's agency profile); not created here."""
    env = os.environ.get("REVIEWER_CONFIG_DIR")
    if env:
        return Path(env)
    from platformdirs import user_config_dir

    return Path(user_config_dir("reviewer"))


def default_db_path() -> Path:
    """``<user data dir>/reviewer.sqlite`` (here, not in store/db.py, so that asking whether the store exists
    does not import sqlite-utils and numpy)."""
    return data_dir() / DB_FILENAME
