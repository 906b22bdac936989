"""Write the speed table of ``bench/results/bench.json`` into README.md between the markers
``<!-- bench:begin -->`` and ``<!-- bench:end -->`` (nothing else in the README is touched).

    python bench/readme_table.py            # rewrite the section
    python bench/readme_table.py --check    # exit 1 when the section differs from bench.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
RESULTS = PROJECT / "bench" / "results" / "bench.json"
README = PROJECT / "README.md"
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


def _value(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:.0f} MB"
    if unit == "s":
        return f"{value:.2f} 秒" if value >= 1 else f"{value * 1000:.0f} 毫秒"
    return f"{value:.2f}"


def render(result: dict) -> str:
    load = result.get("load")
    lines = [
        f"**速度与内存（`make bench` → `bench/bench_speed.py`，提交 {result.get('commit') or '未知'}，"
        f"{result['date'][:10]}，{result['cpus']} 核，负载 {load:.1f}，每项 {result['repeat']} 次：中位（最小–最大））**"
        if load is not None else "**速度与内存（`make bench`）**",
        "",
        f"语料：{result['corpus_files']} 个文件 {result['corpus_mb']} MB，{result['small_files']} 个小文件（模板生成）。",
        "",
        "| 指标 | 结果 | 目标 | 结论 |",
        "|---|---|---|---|",
    ]
    for row in result["rows"]:
        unit = row["unit"]
        goal = ("≥ " if row["better"] == "higher" else "≤ ") + _value(row["goal"], unit)
        if row["judged_on"] == "max":
            goal += "（最大值）"
        measured = f"{_value(row['median'], unit)}（{_value(row['min'], unit)}–{_value(row['max'], unit)}）"
        cpu = row.get("cpu_seconds")
        if cpu:
            measured += f"；CPU {cpu['median']:.2f} 秒"
        lines.append(f"| {row['label']} | {measured} | {goal} | {'达标' if row['ok'] else '未达标'} |")
    amdahl = result.get("amdahl")
    if amdahl:
        lines += ["", f"阿姆达尔上限（同一次运行测得）：1 个进程的批量审查中位 {amdahl['total']:.2f} 秒，其中不能分给两个进程的"
                      f"固定部分（同一命令审查 1 个文件）{amdahl['fixed']:.2f} 秒，占 {amdahl['fixed_share']:.0%}；"
                      f"两个进程最多快到 {amdahl['ceiling']:.2f} 倍。要达到 {amdahl['goal']} 倍，固定部分须不超过"
                      f" {amdahl['fixed_share_needed']:.1%}。"]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    if not RESULTS.is_file():
        print(f"没有 {RESULTS}：先运行 make bench。", file=sys.stderr)
        return 1
    text = README.read_text(encoding="utf-8")
    if BEGIN not in text or END not in text:
        print(f"README.md 中没有 {BEGIN} … {END} 标记。", file=sys.stderr)
        return 1
    head, rest = text.split(BEGIN, 1)
    _old, tail = rest.split(END, 1)
    new = f"{head}{BEGIN}\n{render(json.loads(RESULTS.read_text(encoding='utf-8')))}\n{END}{tail}"
    if "--check" in argv:
        return 0 if new == text else 1
    README.write_text(new, encoding="utf-8")
    print("README.md 的性能表已更新。")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
