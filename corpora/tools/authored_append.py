"""Append hand-written passages to ``corpora/passages/authored_<kind>.jsonl``.

The passages are written by hand; this script only turns a block of them into JSON lines and numbers
them.  Input (stdin) is a series of records, each a header line and the passage text below it:

    @@ privacy,enforcement_file | 询问笔录 | record-a | 0 | 市场监管
    询问笔录（第1页 共2页）……

header fields: labels (comma-separated, ``-`` for clean) | doc_type | group | hard_negative (1/0) |
field.  Usage::

    python corpora/tools/authored_append.py header < batch.txt
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

PASSAGES = Path(__file__).resolve().parents[1] / "passages"
GROUNDS = {"state_secret", "trade_secret", "privacy", "process_info", "internal_affairs",
           "enforcement_file", "security_stability"}


def parse(block: str, kind: str, start: int) -> list[dict]:
    records: list[dict] = []
    head: list[str] | None = None
    lines: list[str] = []

    def flush() -> None:
        if head is None:
            return
        labels_s, doc_type, group, hard, field = (part.strip() for part in head)
        labels = [] if labels_s == "-" else [x.strip() for x in labels_s.split(",")]
        unknown = set(labels) - GROUNDS
        if unknown:
            raise SystemExit(f"unknown labels {unknown} in record {len(records) + start}")
        text = "\n".join(lines).strip()
        records.append({"id": f"PA-{kind}-{start + len(records):04d}", "text": text, "labels": labels,
                        "doc_type": doc_type, "group": f"{kind}-{group}", "hard_negative": hard == "1",
                        "field": field})

    for line in block.splitlines():
        if line.startswith("@@"):
            flush()
            head = line[2:].split("|")
            if len(head) != 5:
                raise SystemExit(f"bad header: {line}")
            lines = []
        else:
            lines.append(line)
    flush()
    return records


def main() -> None:
    kind = sys.argv[1]
    path = PASSAGES / f"authored_{kind}.jsonl"
    existing = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    records = parse(sys.stdin.read(), kind, len([x for x in existing if x.strip()]) + 1)
    with path.open("a", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{path.name}: +{len(records)} -> {len(existing) + len(records)}")
    for rec in records:
        n = len(rec["text"])
        if not 80 <= n <= 900:
            print(f"  WARNING {rec['id']} length {n}")


if __name__ == "__main__":
    main()
