"""Past-decision files that are large or hostile: long cells, deep JSON nesting, many rows — a clear Chinese
error naming the file and the record, or a row reported unusable; never a traceback."""

from __future__ import annotations

import json

import pytest

from reviewer.model.decisions import MAX_CELL_CHARS, PROGRESS_EVERY, read_decisions
from reviewer.model.errors import DecisionsError

HEADER = "申请内容,处理结果,日期\n"


def test_long_cells_are_read_and_overlong_ones_named(tmp_path):
    ok = tmp_path / "长单元格.csv"
    ok.write_text(HEADER + "申请公开" + "甲" * 200_000 + ",予以公开,2026-01-05\n", encoding="utf-8")
    rows, _ = read_decisions(ok)
    assert len(rows) == 1 and len(rows[0].request_text) > 200_000
    bad = tmp_path / "超长.csv"
    bad.write_text(HEADER + "申请公开,予以公开,2026-01-05\n" + "乙" * (MAX_CELL_CHARS + 10) + ",予以公开,2026-01-06\n",
                   encoding="utf-8")
    with pytest.raises(DecisionsError, match="超长.csv：第 3 条记录无法读取"):
        read_decisions(bad)


def test_deeply_nested_json_is_an_unusable_row_not_a_crash(tmp_path):
    lines = tmp_path / "嵌套.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    lines.write_text(json.dumps({"申请内容": "申请公开预算", "处理结果": "予以公开", "日期": "2026-01-05"},
                                ensure_ascii=False) + "\n" + deep + "\n", encoding="utf-8")
    rows, _ = read_decisions(lines)
    assert [r.request_text for r in rows] == ["申请公开预算", ""]  # line 2 kept as an unusable row
    array = tmp_path / "嵌套数组.json"
    array.write_text("[" + deep + "]", encoding="utf-8")
    with pytest.raises(DecisionsError, match="嵌套层数过深"):
        read_decisions(array)


def test_large_files_report_progress(tmp_path):
    big = tmp_path / "台账.csv"
    n = PROGRESS_EVERY * 2 + 10
    big.write_text(HEADER + "".join(f"申请公开第{i}号文件,予以公开,2026-01-05\n" for i in range(n)), encoding="utf-8")
    seen: list[int] = []
    rows, _ = read_decisions(big, progress=seen.append)
    assert len(rows) == n and seen == [PROGRESS_EVERY, 2 * PROGRESS_EVERY]
