"""Long texts are analysed in overlapping windows (issue 15 item 6): the findings are the ones a
whole-text analysis gives, wherever the window edges fall."""

from __future__ import annotations

import json
from pathlib import Path

from fuzzing import budget
from hypothesis import given
from hypothesis import strategies as st

import reviewer.screen.screening as screening
from reviewer.screen.screening import Screener, analyse

ROOT = Path(__file__).resolve().parent.parent
PASSAGES = [json.loads(line)["text"] for line in (ROOT / "corpora/passages/part_a.jsonl").read_text("utf-8").splitlines()
            if line.strip()]
_SCREENER: list = []


def detector():
    if not _SCREENER:
        _SCREENER.append(Screener())
    return _SCREENER[0].detector


@budget(15)
@given(picked=st.lists(st.sampled_from(PASSAGES), min_size=10, max_size=16), window=st.integers(300, 900))
def test_windowed_findings_equal_whole_text_findings(picked, window):
    text = "\n".join(picked)
    whole = analyse(text, detector())
    old = (screening.WINDOW_CHARS, screening.WINDOW_OVERLAP)
    screening.WINDOW_CHARS, screening.WINDOW_OVERLAP = window, 150
    try:
        windowed = analyse(text, detector())
    finally:
        screening.WINDOW_CHARS, screening.WINDOW_OVERLAP = old
    if len(text) > window + 150:
        assert windowed.norm is None and any("分段审查" in w for w in windowed.warnings)
    # Nothing the whole-text analysis finds is lost at a window edge.  (A window may score a mark as "in
    # the first lines" and so keep another of two overlapping rules' spans: compared by overlap.)
    for f in whole.findings:
        assert any(g.category == f.category and g.start < f.end and f.start < g.end for g in windowed.findings), \
            (f.rule, f.start, f.end)
    for f in windowed.findings:
        assert text[f.start:f.end] == f.text


def test_long_text_screen_result_uses_windows(monkeypatch):
    monkeypatch.setattr(screening, "WINDOW_CHARS", 500)
    monkeypatch.setattr(screening, "WINDOW_OVERLAP", 100)
    text = "示例市人民政府办公室关于印发资金管理办法的通知。\n" * 60 + "联系电话13812345678。\n" + "本办法自印发之日起施行。\n" * 60
    result = Screener().screen_text(text)
    assert result.verdict == "withhold"
    assert any(f.text == "13812345678" for f in result.findings)


def test_a_window_reads_the_documents_heading_not_its_own_first_lines(monkeypatch):
    # a judgment's heading excludes the record names it quotes; a window that starts mid-text has no heading of its
    # own, and must not take its first lines for one either
    monkeypatch.setattr(screening, "WINDOW_CHARS", 400)
    monkeypatch.setattr(screening, "WINDOW_OVERLAP", 100)
    judgment = "某区人民法院\n行 政 判 决 书\n" + "经审理查明，被告提交了对第三人的询问笔录。\n" * 40
    assert not any(f.category == "enforcement_file" for f in analyse(judgment, detector()).findings)
    record = "询问笔录\n被询问人：张某\n" + "问：你是否在场？答：在场。\n" * 60 + "\n判决书\n裁定书\n"
    assert any(f.category == "enforcement_file" and f.start > 800 for f in analyse(record, detector()).findings)
