"""One definition of each vocabulary (reviewer/vocab.py): the stages import it, and it agrees with the data."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from reviewer import vocab
from reviewer.decide.replytypes import GROUNDS as GROUND_ARTICLES
from reviewer.decide.replytypes import load_reply_types

ROOT = Path(__file__).resolve().parent.parent


def test_stages_use_the_one_definition():
    from reviewer.batch import ledger, report_files
    from reviewer.decide import deadline, decision, replytypes
    from reviewer.model import corpus
    from reviewer.screen import screening
    from reviewer.store import db

    assert screening.VERDICT_LABELS is vocab.VERDICT_LABELS and screening.VERDICTS is vocab.VERDICTS
    assert screening.STATUS_LABELS is vocab.SCREEN_STATUS_LABELS
    assert report_files.VERDICT_LABELS is vocab.VERDICT_LABELS
    assert report_files.STATUS_LABELS is vocab.BATCH_STATUS_LABELS
    assert ledger.VERDICT_RANK is vocab.VERDICT_RANK
    assert corpus.GROUNDS is vocab.MODEL_GROUNDS and corpus.TRIAGE_LABELS is vocab.TRIAGE_LABELS
    assert db.STATUS_LABELS is vocab.REQUEST_STATUS_LABELS
    assert decision.PROCEDURES is vocab.PROCEDURES and decision.PROCEDURE_CODES is vocab.PROCEDURE_CODES
    assert replytypes.GROUPS is vocab.REPLY_GROUPS
    assert deadline.CHANNELS is vocab.CHANNELS


def test_bench_uses_the_one_definition():
    spec = importlib.util.spec_from_file_location("reviewer_bench_devcases_vocab", ROOT / "bench" / "devcases.py")
    devcases = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = devcases  # dataclasses look their module up
    spec.loader.exec_module(devcases)
    assert devcases.DOC_CATEGORIES is vocab.DEV_DOC_CATEGORIES


def test_detect_copies_match_until_switched():
    """reviewer/detect/ still spells out its tables (a pending one-line switch to ``reviewer.vocab``);
    until then they must equal the one definition."""
    from reviewer.detect import findings, rulebook

    assert findings.CATEGORIES == vocab.CATEGORIES
    assert findings.CATEGORY_LABELS == vocab.CATEGORY_LABELS
    assert (findings.SEVERITIES, findings.SEVERITY_RANK, findings.SEVERITY_LABELS) == \
        (vocab.SEVERITIES, vocab.SEVERITY_RANK, vocab.SEVERITY_LABELS)
    assert rulebook.STATUSES == vocab.RULE_STATUSES


def test_vocabulary_is_consistent_with_itself_and_the_reply_types():
    assert set(vocab.CATEGORY_LABELS) == set(vocab.CATEGORIES) == set(GROUND_ARTICLES)
    assert set(vocab.MODEL_GROUNDS) < set(vocab.CATEGORIES)
    assert set(vocab.DEV_DOC_CATEGORIES) < set(vocab.MODEL_GROUNDS)
    assert set(vocab.GROUND_NAMES_ZH) == set(vocab.MODEL_GROUNDS)
    assert set(vocab.TRIAGE_NAMES_ZH) == set(vocab.TRIAGE_LABELS)
    assert set(vocab.VERDICT_LABELS) == set(vocab.VERDICTS) == set(vocab.VERDICT_RANK)
    assert set(vocab.SCREEN_STATUS_LABELS) < set(vocab.BATCH_STATUS_LABELS)
    codes = load_reply_types()
    assert set(vocab.TRIAGE_LABELS) - {"ordinary"} <= set(codes)
    assert set(vocab.PROCEDURE_CODES.values()) <= set(codes)
    assert {code.split(".")[0] for code in codes} <= set(vocab.REPLY_GROUPS)
