"""No corpus text is copied from the real development cases (every corpora/ JSONL file, present and future)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from reviewer.text.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent
DEV = Path(os.environ.get("REVIEWER_DEV_DIR", ROOT.parent / "shared" / "dev"))
WINDOW = 20  # characters: a shared run this long means copied text, not shared phrasing
TITLE = re.compile(r"《[^》]{1,40}》")  # statute and document titles are quoted by everyone
# Fixed formulae that every document of a genre uses word for word (the 行政复议决定书 opening), not copied text.
FORMULAE = re.compile(r"向本机关申请行政复议，本机关依法已予受理")


def _prepare(text: str) -> str:
    return FORMULAE.sub("〇", TITLE.sub("《》", normalize(text).text))


def _dev_windows() -> set[str]:
    windows: set[str] = set()
    for name, fields in (("documents.jsonl", ("text",)), ("replies.jsonl", ("request", "reply_excerpt"))):
        path = DEV / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            for field in fields:
                text = _prepare(row.get(field) or "")
                windows.update(text[i:i + WINDOW] for i in range(max(0, len(text) - WINDOW + 1)))
    return windows


def test_no_corpus_text_copies_a_development_case():
    windows = _dev_windows()
    if not windows:
        pytest.skip("development cases not available")
    files = sorted((ROOT / "corpora").rglob("*.jsonl"))
    assert files
    copied = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            text = _prepare(json.loads(line)["text"])
            if any(text[i:i + WINDOW] in windows for i in range(max(0, len(text) - WINDOW + 1))):
                copied.append(f"{path.name}:{number}")
    assert copied == []
