"""bench/bench_speed.py's Amdahl ceiling and its line in the generated README speed table."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

from bench_speed import amdahl_ceiling  # noqa: E402
from readme_table import render  # noqa: E402


def test_ceiling_is_total_over_fixed_plus_shared_half():
    got = amdahl_ceiling(total=3.0, fixed=0.6)
    assert got["ceiling"] == pytest.approx(3.0 / (0.6 + 2.4 / 2), abs=1e-4)
    assert got["fixed_share"] == pytest.approx(0.2)


def test_goal_of_1_8_needs_a_fixed_share_of_one_ninth():
    got = amdahl_ceiling(total=9.0, fixed=1.0)
    assert got["fixed_share_needed"] == pytest.approx(1 / 9, abs=1e-4)
    assert got["ceiling"] == pytest.approx(1.8, abs=1e-4)  # exactly at the boundary


def test_no_fixed_part_gives_the_number_of_workers_and_fixed_is_clamped():
    assert amdahl_ceiling(total=2.0, fixed=0.0)["ceiling"] == pytest.approx(2.0)
    assert amdahl_ceiling(total=2.0, fixed=5.0)["ceiling"] == pytest.approx(1.0)  # fixed > total: nothing shared


def test_readme_table_prints_the_ceiling_line_only_when_measured():
    base = {"commit": "abc1234", "date": "2026-12-06T03:00:00+00:00", "cpus": 2, "load": 0.5, "repeat": 3,
            "corpus_files": 395, "corpus_mb": 3.1, "small_files": 10000,
            "rows": [{"label": "2 个进程 ÷ 1 个进程（批量，--out）", "unit": "x", "goal": 1.8, "better": "higher",
                      "judged_on": "median", "median": 1.5, "min": 1.4, "max": 1.6, "ok": False}]}
    assert "阿姆达尔" not in render(base)
    text = render({**base, "amdahl": amdahl_ceiling(total=2.8, fixed=0.7)})
    assert "阿姆达尔上限" in text and "1.60 倍" in text and "11.1%" in text
