"""Near-duplicate check for the authored passages: character 5-gram Jaccard between every pair.

    python corpora/tools/check_near_duplicates.py            # authored_*.jsonl, threshold 0.5
    python corpora/tools/check_near_duplicates.py --show     # list the pairs

Prints the share of records that have another record at Jaccard >= threshold.  Exit code 1 when the
share reaches ``--max-share`` (default 0.05).
"""

from __future__ import annotations

import argparse
import json
import re
from itertools import combinations
from pathlib import Path

PASSAGES = Path(__file__).resolve().parents[1] / "passages"


def shingles(text: str, n: int = 5) -> set[str]:
    text = re.sub(r"\s+", "", text)
    return {text[i:i + n] for i in range(max(1, len(text) - n + 1))}


def near_duplicate_pairs(texts: list[str], threshold: float = 0.5) -> list[tuple[int, int, float]]:
    sets = [shingles(t) for t in texts]
    pairs = []
    for i, j in combinations(range(len(sets)), 2):
        a, b = sets[i], sets[j]
        small, large = sorted((len(a), len(b)))
        if large and small / large < threshold:  # Jaccard cannot reach the threshold
            continue
        inter = len(a & b)
        jac = inter / (len(a) + len(b) - inter) if a or b else 0.0
        if jac >= threshold:
            pairs.append((i, j, jac))
    return pairs


def load(paths: list[Path]) -> list[dict]:
    rows = []
    for path in paths:
        with path.open(encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh if line.strip()]
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description="5-gram Jaccard near-duplicate share")
    parser.add_argument("--threshold", type=float, default=0.5)
    parser.add_argument("--max-share", type=float, default=0.05)
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    rows = load(sorted(PASSAGES.glob("authored_*.jsonl")))
    pairs = near_duplicate_pairs([r["text"] for r in rows], args.threshold)
    involved = {i for i, _, _ in pairs} | {j for _, j, _ in pairs}
    share = len(involved) / len(rows) if rows else 0.0
    print(f"{len(rows)} records, {len(pairs)} pairs at Jaccard >= {args.threshold}, "
          f"{len(involved)} records involved ({share:.1%})")
    if args.show:
        for i, j, jac in pairs:
            print(f"  {rows[i]['id']} ~ {rows[j]['id']}: {jac:.2f}")
    return 1 if share >= args.max_share else 0


if __name__ == "__main__":
    raise SystemExit(main())
