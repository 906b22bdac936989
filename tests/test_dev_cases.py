"""Robustness on the real development cases (``shared/dev/``), skipped cleanly when they are absent.

Asserts only what must hold for any input: screening and review run without error, give a verdict
or a known reply code with candidates, and never echo an ID-card or mobile number from a snippet.
Recall per category is printed (``pytest -s``), not asserted: tuning to these cases is not the point.
No case text is written anywhere.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from reviewer.vocab import VERDICTS

_spec = importlib.util.spec_from_file_location(
    "reviewer_bench_devcases", Path(__file__).resolve().parent.parent / "bench" / "devcases.py")
devcases = sys.modules.get(_spec.name)
if devcases is None:
    devcases = importlib.util.module_from_spec(_spec)
    sys.modules[_spec.name] = devcases  # dataclasses look their module up here
    _spec.loader.exec_module(devcases)

DOCUMENTS = devcases.load_documents()
REPLIES = devcases.load_replies()
pytestmark = pytest.mark.skipif(DOCUMENTS is None or REPLIES is None,
                                reason="开发用例目录（shared/dev）不存在，跳过")

ID_LIKE = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
MOBILE_LIKE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def _ids(rows):
    return [row["id"] for row in rows or []]


@pytest.fixture(scope="module")
def screened():
    from reviewer.screen.screening import Screener

    screener = Screener()
    return {case["id"]: screener.screen_text(case["text"], path=case["id"]) for case in DOCUMENTS}


@pytest.mark.parametrize("case", DOCUMENTS or [], ids=_ids(DOCUMENTS))
def test_snippet_screens_and_masks_personal_numbers(case, screened):
    result = screened[case["id"]]
    assert result.status == "ok"
    assert result.verdict in VERDICTS
    for category in result.categories.values():
        assert 0.0 <= category.score <= 1.0
    for finding in result.findings:
        assert case["text"][finding.start:finding.end] == finding.text
    output = json.dumps(result.to_dict(), ensure_ascii=False)
    for number in ID_LIKE.findall(case["text"]) + MOBILE_LIKE.findall(case["text"]):
        assert number not in output, f"{case['id']}: 输出中出现未脱敏的号码"


def test_report_recall_per_category(screened):
    """Printed for the record (run with -s); only the bookkeeping is asserted."""
    support: dict[str, int] = {}
    found: dict[str, int] = {}
    for case in DOCUMENTS:
        predicted = {name for name, c in screened[case["id"]].categories.items() if c.score >= 0.5}
        for label in set(case["labels"]) - {"clean"}:
            support[label] = support.get(label, 0) + 1
            found[label] = found.get(label, 0) + (label in predicted)
    for label in sorted(support):
        print(f"召回 {label}: {found[label]}/{support[label]}")
    assert sum(support.values()) == sum(len(set(c["labels"]) - {"clean"}) for c in DOCUMENTS)


def _reply_codes() -> set[str]:
    path = devcases.reply_types_path()
    if path is not None:
        import yaml

        return set(yaml.safe_load(path.read_text(encoding="utf-8")))
    from reviewer.decide.replytypes import load_reply_types

    return set(load_reply_types())


REQUESTS = [case for case in REPLIES or [] if devcases.has_request(case)]


@pytest.fixture(scope="module")
def reviewed():
    """Rules only; one façade for the module, so the rule files are parsed once."""
    from reviewer.app import Reviewer

    reviewer = Reviewer.from_config(model="none")
    return {case["id"]: reviewer.review(text=case["request"]).to_dict() for case in REQUESTS}


@pytest.mark.parametrize("case", REQUESTS, ids=_ids(REQUESTS))
def test_request_reviews_to_a_known_code(case, reviewed):
    data = reviewed[case["id"]]
    codes = _reply_codes()
    assert data["reply"]["code"] in codes
    candidates = data["candidates"]
    assert len(candidates) >= 3
    assert all(c["code"] in codes for c in candidates)
    assert all(0.0 <= c["probability"] <= 1.0 for c in candidates)
    assert data["reply"]["label"] and data["reply"]["citations"]
