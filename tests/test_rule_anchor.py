"""A rule's ``anchor`` is a speed device only: screening every corpus passage, example and seed text with the
anchors gives exactly the findings of screening without them."""

from __future__ import annotations

import json
import random
from pathlib import Path

from reviewer.detect.recognizers import Detector
from reviewer.detect.rulebook import load_rules
from reviewer.text.normalize import normalize
from reviewer.text.segment import segment

PROJECT = Path(__file__).resolve().parents[1]


def texts() -> list[str]:
    out = []
    for path in sorted((PROJECT / "corpora" / "passages").glob("*.jsonl")):
        out += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for path in sorted((PROJECT / "examples").rglob("*.txt")):
        out.append(path.read_bytes().decode("utf-8", errors="ignore"))  # one example is GB18030 on purpose
    return out


def hits(detector: Detector, text: str) -> list[tuple]:
    norm = normalize(text)
    found = detector.detect(text, norm, segment(norm.text)).findings
    return sorted((f.rule, f.start, f.end, f.severity, round(f.score, 6)) for f in found)


def test_anchored_rules_find_what_a_full_scan_finds():
    rules = load_rules()
    anchored = [r for r in rules if r.anchor is not None]
    assert anchored, "no rule uses an anchor"
    fast = Detector(rules)
    full = Detector([r.__class__(**{**r.__dict__, "anchor": None}) for r in rules])
    sample = texts()
    rng = random.Random(7)
    sample += ["\n".join(rng.sample(sample, 5)) for _ in range(40)]  # addresses next to other text
    differing = [t[:40] for t in sample if hits(fast, t) != hits(full, t)]
    assert not differing
    assert sum(1 for t in sample if any(h[0] in {r.code for r in anchored} for h in hits(fast, t))) > 20
