"""Check the authored request corpus (corpora/requests/authored_*.jsonl).

Checks the schema (id, text, label, grounds, register, group, field), unique ids, and the
near-duplicate rate: the share of records that have another record with character 5-gram
Jaccard similarity >= 0.5.  Run: ``python corpora/tools/check_requests_authored.py``.
``--table`` prints the label x register count table instead.  Exit status 1 when a check fails.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REQUESTS = ROOT / "corpora" / "requests"
LABELS = (
    "ordinary", "no_action.petition", "other.consultation", "unavailable.needs_creation",
    "no_action.publication", "other.special_procedure", "other.not_gov_info", "no_action.confirm",
    "other.correction",
)
GROUNDS = ("state_secret", "trade_secret", "privacy", "process_info", "internal_affairs",
           "enforcement_file", "security_stability")
KEYS = {"id", "text", "label", "grounds", "register", "group", "field"}
NGRAM = 5
THRESHOLD = 0.5
MAX_RATE = 0.05
_SPACE = re.compile(r"\s+")


def load(folder: Path = REQUESTS, pattern: str = "authored_*.jsonl") -> list[dict]:
    rows: list[dict] = []
    for path in sorted(folder.glob(pattern)):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                row = json.loads(line)
                row["_where"] = f"{path.name}:{number}"
                rows.append(row)
    return rows


def schema_problems(rows: list[dict]) -> list[str]:
    problems: list[str] = []
    seen: Counter = Counter(row.get("id") for row in rows)
    for row in rows:
        where = row["_where"]
        keys = set(row) - {"_where"}
        if keys != KEYS:
            problems.append(f"{where}: keys {sorted(keys)}")
            continue
        register = row["register"]
        if not re.fullmatch(rf"RA-{re.escape(register)}-\d{{4}}", row["id"]):
            problems.append(f"{where}: id {row['id']!r}")
        if seen[row["id"]] > 1:
            problems.append(f"{where}: duplicate id {row['id']}")
        if not isinstance(row["text"], str) or not row["text"].strip():
            problems.append(f"{where}: empty text")
        if row["label"] not in LABELS:
            problems.append(f"{where}: label {row['label']!r}")
        grounds = row["grounds"]
        if not isinstance(grounds, list) or any(g not in GROUNDS for g in grounds) or len(set(grounds)) != len(grounds):
            problems.append(f"{where}: grounds {grounds!r}")
        if not re.fullmatch(rf"{re.escape(register)}-[A-Z]", str(row["group"])):
            problems.append(f"{where}: group {row['group']!r}")
        if not isinstance(row["field"], str) or not row["field"].strip():
            problems.append(f"{where}: empty field")
    return problems


def shingles(text: str, n: int = NGRAM) -> frozenset[str]:
    compact = _SPACE.sub("", text)
    return frozenset(compact[i:i + n] for i in range(max(1, len(compact) - n + 1)))


def near_duplicates(texts: list[str], threshold: float = THRESHOLD) -> list[tuple[int, int, float]]:
    """Pairs (i, j, jaccard) of texts whose character 5-gram Jaccard is >= threshold."""
    sets = [shingles(t) for t in texts]
    pairs: list[tuple[int, int, float]] = []
    for i in range(len(sets)):
        a = sets[i]
        for j in range(i + 1, len(sets)):
            b = sets[j]
            small, large = sorted((len(a), len(b)))
            if not large or small / large < threshold:  # Jaccard <= |small|/|large|
                continue
            inter = len(a & b)
            jac = inter / (len(a) + len(b) - inter)
            if jac >= threshold:
                pairs.append((i, j, jac))
    return pairs


def near_duplicate_rate(texts: list[str], threshold: float = THRESHOLD) -> float:
    involved = {k for i, j, _ in near_duplicates(texts, threshold) for k in (i, j)}
    return len(involved) / len(texts) if texts else 0.0


def markdown_counts(rows: list[dict]) -> str:
    """Label x register count table (markdown), as printed into the datasheet."""
    registers = sorted({row["register"] for row in rows})
    counts = Counter((row["label"], row["register"]) for row in rows)
    lines = ["| label | " + " | ".join(registers) + " | total |", "|---" * (len(registers) + 2) + "|"]
    for label in LABELS:
        cells = [counts[(label, reg)] for reg in registers]
        lines.append(f"| {label} | " + " | ".join(map(str, cells)) + f" | {sum(cells)} |")
    totals = [sum(counts[(label, reg)] for label in LABELS) for reg in registers]
    lines.append("| total | " + " | ".join(map(str, totals)) + f" | {len(rows)} |")
    return "\n".join(lines)


def main() -> int:
    rows = load()
    if "--table" in sys.argv[1:]:
        print(markdown_counts(rows))
        return 0
    problems = schema_problems(rows)
    for problem in problems:
        print("schema:", problem)
    texts = [row["text"] for row in rows]
    pairs = near_duplicates(texts)
    rate = near_duplicate_rate(texts)
    for i, j, jac in pairs:
        print(f"near-duplicate {jac:.2f}: {rows[i]['_where']} ~ {rows[j]['_where']}")
    print(f"records: {len(rows)}; near-duplicate rate: {rate:.3f} (limit {MAX_RATE})")
    labels = Counter(row["label"] for row in rows)
    registers = Counter(row["register"] for row in rows)
    grounds = Counter(g for row in rows for g in row["grounds"])
    print("labels:", dict(sorted(labels.items())))
    print("registers:", dict(sorted(registers.items())))
    print("grounds:", dict(sorted(grounds.items())))
    return 1 if problems or rate > MAX_RATE else 0


if __name__ == "__main__":
    sys.exit(main())
