"""The keyword prefilter (reviewer/detect/prefilter.py) is a speed device only: screening every corpus
passage, example, seed text, rule example and generated benchmark document with it gives exactly the findings
of running every pattern over the whole text."""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import regex

from reviewer.detect.prefilter import Plan, plan
from reviewer.detect.recognizers import Detector
from reviewer.detect.rulebook import load_rules
from reviewer.text.normalize import normalize
from reviewer.text.segment import segment

PROJECT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT.parent / "shared" / "seeds"


def _gen_corpus():
    spec = importlib.util.spec_from_file_location("gen_corpus", PROJECT / "bench" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def texts() -> list[str]:
    out = []
    for path in sorted((PROJECT / "corpora" / "passages").glob("*.jsonl")):
        out += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for path in sorted((PROJECT / "examples").rglob("*.txt")):
        out.append(path.read_bytes().decode("utf-8", errors="ignore"))
    for path in sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []:
        out.append(path.read_text(encoding="utf-8", errors="replace"))
    examples = [x for r in load_rules() for x in (*r.examples_match, *r.examples_no_match)]
    gen = _gen_corpus()
    rng = random.Random(11)
    out += [gen.document(rng, rng.randint(800, 4500)) for _ in range(120)]
    out += examples
    out += ["\n".join(rng.sample(examples, 6)) for _ in range(80)]  # hits next to other hits and text
    out += ["".join(rng.sample(examples, 4)) for _ in range(80)]
    # digits, letters and separators glued on either side: look-behinds, look-aheads and digit runs at the
    # edges of the windows
    glue = ["0", "12345", "A", "-", " ", "\n", "：", "号", "2024年", "138"]
    out += [rng.choice(glue) + x + rng.choice(glue) for x in examples for _ in range(2)]
    return out


def findings(detector: Detector, text: str) -> list[tuple]:
    norm = normalize(text)
    found = detector.detect(text, norm, segment(norm.text)).findings
    return [(f.rule, f.start, f.end, f.text, f.severity, f.score, f.explanation.to_dict()) for f in found]


def test_prefiltered_detector_finds_what_a_full_scan_finds():
    rules = load_rules()
    fast = Detector(rules)
    full = Detector(rules)
    full._plans = [None] * len(full._plans)
    sample = texts()
    differing = [t[:40] for t in sample if findings(fast, t) != findings(full, t)]
    assert not differing
    planned = sum(p is not None for p in fast._plans)
    windowed = sum(p is not None and p.reach is not None for p in fast._plans)
    assert sum(p is not None and p.digits > 0 for p in fast._plans) >= 5
    assert planned > len(fast._plans) // 2 and windowed > len(fast._plans) // 3
    assert sum(1 for t in sample if findings(fast, t)) > 200


def test_every_match_holds_a_planned_literal_and_lies_within_reach():
    """What the plan promises, checked match by match on the same texts."""
    sample = texts()
    for rule in load_rules():
        for pattern in rule.patterns:
            found = plan(pattern)
            if found is None:
                continue
            compiled = regex.compile(pattern)
            for text in sample:
                norm = normalize(text).text
                for m in compiled.finditer(norm):
                    if found.literals:
                        assert any(w in m.group(0) for w in found.literals), (rule.code, pattern, m.group(0))
                    if found.digits:
                        longest = max((len(r) for r in regex.findall(r"\d+", m.group(0))), default=0)
                        assert longest >= found.digits, (rule.code, pattern, m.group(0))
                    if found.reach is not None:
                        assert m.end() - m.start() <= found.reach


def test_plans_of_known_shapes():
    assert plan("(?:公开|发布)[^。]{0,20}?(?:引发|导致)").literals in ({"公开", "发布"}, {"引发", "导致"})
    assert plan("(?:公开|发布)[^。]{0,20}?(?:引发|导致)").reach == 24
    assert plan("[妥当]否[，,]?\\s*请示").literals in ({"妥否", "当否"}, {"请示"})
    assert plan("商业秘密\\s*[，,]").reach is None and plan("商业秘密\\s*[，,]").literals == {"商业秘密"}
    assert plan("(?i)abc") is None  # case-insensitive: no plan
    assert plan("[a-z]{4}") is None  # nothing literal, no digits
    assert plan("\\d{4}") == Plan(frozenset(), 4, 4)
    assert plan("1[3-9]\\d[- ]?\\d{4}").digits == 4  # an optional separator breaks the run
    assert plan("(?:E[A-Z]\\d{7}|[GD]\\d{8})").digits == 7  # the shorter branch
    assert plan("[\\dX]{6}") is None  # X is not a digit
    assert plan("(?:甲|\\d)乙").literals == {"乙"}
    assert plan("(?P<v>\\p{Han}{2,4})[，,]\\s*(?:男|女)[，,]").literals == {"男，", "男,", "女，", "女,"}
    assert plan("a(?=bc{0,3})").reach == 5  # look-aheads count towards the reach


def _naive_keyword_hits(detector: Detector, text: str) -> list[tuple[int, int, int, str]]:
    """Keyword rules' hits by plain substring search over the characters (what the automaton must give)."""
    hits = []
    for index, rule in enumerate(detector.rules):
        for keyword in rule.keywords:
            key = normalize(keyword).text
            start = text.find(key)
            while start >= 0:
                hits.append((index, start, start + len(key), keyword))
                start = text.find(key, start + 1)
    return sorted(hits)


def test_the_byte_automaton_finds_keywords_at_their_character_offsets():
    """The automaton reads UTF-8 bytes (scan_form); offsets come back in characters, also after characters of
    two, three and four bytes, lone surrogates and in pure-ASCII text."""
    from reviewer.detect.recognizers import scan_form

    rules = load_rules()
    detector = Detector(rules)
    keywords = [k for r in detector.rules for k in r.keywords][:40]
    assert keywords
    rng = random.Random(5)
    fillers = ["a", "é", "中", "😀", "\ud800", "１", " ", "\n", "号", "身份证"]
    for _ in range(150):
        parts = [rng.choice(fillers) * rng.randint(0, 3) + (rng.choice(keywords) if rng.random() < 0.6 else "")
                 for _ in range(rng.randint(1, 6))]
        text = normalize("".join(parts)).text
        seen = []
        for end_index, (length, owners, _word, _located) in detector._automaton.iter(scan_form(text)):
            if owners:
                raw = text.encode("utf-8", "surrogatepass")
                end = len(raw[:end_index + 1].decode("utf-8", "surrogatepass"))
                seen += [(i, end - length, end, k) for i, k in owners]
        assert sorted(seen) == _naive_keyword_hits(detector, text)
        if "\ud800" in text:  # the segmenter takes valid text only (loaders replace lone surrogates)
            continue
        norm = normalize(text)
        naive = {(detector.rules[i].code, start, end) for i, start, end, _ in _naive_keyword_hits(detector, text)}
        for f in detector.detect(text, norm, segment(norm.text)).findings:
            if f.explanation.pattern in keywords:  # a keyword rule's finding, at the keyword's place
                assert (f.rule, f.start, f.end) in naive and f.text == normalize(f.explanation.pattern).text


def test_patterns_are_compiled_when_a_text_first_needs_them():
    detector = Detector(load_rules())
    assert detector._compiled == {}  # nothing compiled up front
    text = "会议纪要：各单位要认真落实。"
    norm = normalize(text)
    detector.detect(text, norm, segment(norm.text))
    compiled = set(detector._compiled)
    assert compiled and compiled < {p for _, p in detector._patterns} | {a[0] for a in detector._anchors.values()}
    detector.detect(text, norm, segment(norm.text))
    assert set(detector._compiled) == compiled


def test_plans_are_kept_in_the_cache_and_read_back_identically(tmp_path, monkeypatch):
    from reviewer.detect import prefilter

    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path))
    patterns = [p for r in load_rules() for p in r.patterns] + ["(?i)abc"]
    first = prefilter.plans(patterns)
    assert first == [plan(p) for p in patterns] and first[-1] is None
    assert len(list(tmp_path.glob("prefilter-plans-*.json"))) == 1
    monkeypatch.setattr(prefilter, "plan", lambda pattern: (_ for _ in ()).throw(AssertionError(pattern)))
    assert prefilter.plans(patterns) == first  # all read from the file
    for path in tmp_path.glob("prefilter-plans-*.json"):  # a damaged entry is planned again
        path.write_text(json.dumps({patterns[0]: ["x", "y"]}), encoding="utf-8")
    monkeypatch.undo()
    monkeypatch.setenv("REVIEWER_CACHE_DIR", str(tmp_path))
    assert prefilter.plans(patterns) == first
