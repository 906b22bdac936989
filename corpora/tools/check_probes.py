"""Check the helpers' probe corpus (corpora/requests/probes_*.jsonl and corpora/passages/probes_*.jsonl).

Checks the schema (requests: id, text, label, grounds, register, group; passages: id, text, labels, doc_type, group,
hard_negative, field), unique ids, labels and grounds, and the near-duplicate rate (character 5-gram Jaccard >= 0.5,
at most 5%), and prints the counts the datasheet quotes.
Run: ``python corpora/tools/check_probes.py``; ``--counts`` prints the datasheet's counts lines.
Exit status 1 when a check fails.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REQUESTS = ROOT / "corpora" / "requests"
PASSAGES = ROOT / "corpora" / "passages"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from check_requests_authored import GROUNDS, LABELS, MAX_RATE, near_duplicate_rate  # noqa: E402
from check_requests_authored import load as load_files  # noqa: E402

KEYS = {"id", "text", "label", "grounds", "register", "group"}
PASSAGE_KEYS = {"id", "text", "labels", "doc_type", "group", "hard_negative", "field"}


def load(folder: Path = REQUESTS) -> list[dict]:
    """The records of every probes_*.jsonl under ``folder``, each with its "_where"."""
    return load_files(folder, "probes_*.jsonl")


def _record_problems(row: dict, keys: set[str], id_prefix: str, seen: Counter) -> list[str] | None:
    """What every probe record must have: exactly ``keys``, a unique ``id_prefix``-NN-NNN id, a text.  None when the
    keys are wrong (nothing else can be checked)."""
    where = row["_where"]
    if set(row) - {"_where"} != keys:
        return None
    problems = []
    if not re.fullmatch(id_prefix + r"-\d{2,3}-\d{3}", str(row["id"])) or seen[row["id"]] > 1:
        problems.append(f"{where}: id {row['id']!r}")
    if not isinstance(row["text"], str) or not row["text"].strip():
        problems.append(f"{where}: empty text")
    return problems


def schema_problems(rows: list[dict]) -> list[str]:
    problems: list[str] = []
    seen = Counter(row.get("id") for row in rows)
    for row in rows:
        where = row["_where"]
        common = _record_problems(row, KEYS, "RP", seen)
        if common is None:
            problems.append(f"{where}: keys {sorted(set(row) - {'_where'})}")
            continue
        problems += common
        if row["label"] not in LABELS:
            problems.append(f"{where}: label {row['label']!r}")
        grounds = row["grounds"]  # None: the set gave no grounds (a reply-code set), not "no ground"
        if grounds is not None and (not isinstance(grounds, list) or any(g not in GROUNDS for g in grounds)):
            problems.append(f"{where}: grounds {grounds!r}")
        if row["register"] != "probe" or not re.fullmatch(r"probe-\d{2,3}", str(row["group"])):
            problems.append(f"{where}: register/group {row['register']!r} {row['group']!r}")
    return problems


def passage_problems(rows: list[dict]) -> list[str]:
    problems: list[str] = []
    seen = Counter(row.get("id") for row in rows)
    for row in rows:
        where = row["_where"]
        common = _record_problems(row, PASSAGE_KEYS, "PP", seen)
        if common is None:
            problems.append(f"{where}: keys {sorted(set(row) - {'_where'})}")
            continue
        problems += common
        labels = row["labels"]
        if not isinstance(labels, list) or any(g not in GROUNDS for g in labels) or row["hard_negative"] != (not labels):
            problems.append(f"{where}: labels {labels!r}")
        if row["doc_type"] != "probe" or not re.fullmatch(r"probe-\d{2,3}", str(row["group"])):
            problems.append(f"{where}: doc_type/group {row['doc_type']!r} {row['group']!r}")
    return problems


def passage_counts_line(rows: list[dict]) -> str:
    """The datasheet's counts line for the document snippets."""
    grounds = Counter(g for row in rows for g in row["labels"])
    return (f"{len(rows)} document snippets from {len({row['group'] for row in rows})} sets; "
            f"{sum(1 for row in rows if not row['labels'])} clean; grounds: " + ", ".join(f"{g} {grounds[g]}" for g in GROUNDS))


def counts_line(rows: list[dict]) -> str:
    """The datasheet's counts line: records, sets, labels, grounds."""
    labels = Counter(row["label"] for row in rows)
    with_grounds = [row for row in rows if row["grounds"] is not None]
    grounds = Counter(g for row in with_grounds for g in row["grounds"])
    return (f"{len(rows)} records from {len({row['group'] for row in rows})} sets; labels: "
            + ", ".join(f"{label} {labels[label]}" for label in LABELS)
            + f"; grounds labelled on {len(with_grounds)} records ({sum(1 for r in with_grounds if not r['grounds'])} "
            f"name none): " + ", ".join(f"{g} {grounds[g]}" for g in GROUNDS))


def main() -> int:
    rows, passages = load(), load(PASSAGES)
    if "--counts" in sys.argv[1:]:
        print(counts_line(rows))
        print(passage_counts_line(passages))
        return 0
    problems = schema_problems(rows) + passage_problems(passages)
    for problem in problems:
        print("schema:", problem)
    failed = bool(problems)
    for name, data in (("requests", rows), ("passages", passages)):
        rate = near_duplicate_rate([row["text"] for row in data])
        failed |= rate > MAX_RATE
        print(f"{name}: {len(data)} records; near-duplicate rate: {rate:.4f} (limit {MAX_RATE})")
    print(counts_line(rows))
    print(passage_counts_line(passages))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
