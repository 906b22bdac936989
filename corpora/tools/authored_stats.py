"""Counts of the hand-written passage corpus, printed as the Markdown used in its datasheet.

    python corpora/tools/authored_stats.py
"""

from __future__ import annotations

import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pii_values import presented_numbers  # noqa: E402

PASSAGES = Path(__file__).resolve().parents[1] / "passages"
GROUNDS = ("state_secret", "trade_secret", "privacy", "process_info", "internal_affairs", "enforcement_file",
           "security_stability")
MOBILE_RUN = re.compile(r"(?<![\d-])1\d{10}(?!\d)")


def main() -> None:
    rows = []
    for path in sorted(PASSAGES.glob("authored_*.jsonl")):
        kind = path.stem.removeprefix("authored_")
        rows += [dict(json.loads(line), _kind=kind) for line in path.open(encoding="utf-8") if line.strip()]
    print("| kind | records | clean | " + " | ".join(GROUNDS) + " |")
    print("|---" * (3 + len(GROUNDS)) + "|")
    for kind in sorted({r["_kind"] for r in rows}):
        part = [r for r in rows if r["_kind"] == kind]
        cells = [str(sum(g in r["labels"] for r in part)) for g in GROUNDS]
        print(f"| {kind} | {len(part)} | {sum(not r['labels'] for r in part)} | " + " | ".join(cells) + " |")
    totals = [str(sum(g in r["labels"] for r in rows)) for g in GROUNDS]
    print(f"| **total** | **{len(rows)}** | **{sum(not r['labels'] for r in rows)}** | "
          + " | ".join(f"**{t}**" for t in totals) + " |")
    lengths = [len(r["text"]) for r in rows]
    numbers = Counter(kind for r in rows for kind, _, _ in presented_numbers(r["text"]))
    numbers["mobile"] = sum(len(MOBILE_RUN.findall(r["text"])) for r in rows)
    print()
    print(f"multi-ground records: {sum(len(r['labels']) > 1 for r in rows)}; hard negatives: "
          f"{sum(r['hard_negative'] for r in rows)}; doc_types: {len({r['doc_type'] for r in rows})}; "
          f"groups: {len({r['group'] for r in rows})}; fields: {len({r['field'] for r in rows})}")
    print(f"length: min {min(lengths)}, median {statistics.median(lengths):.0f}, max {max(lengths)}")
    print("presented numbers: " + ", ".join(f"{k} {v}" for k, v in sorted(numbers.items())))


if __name__ == "__main__":
    main()
