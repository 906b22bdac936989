"""Generate ``corpora/passages/part_c.jsonl``: passages in the full-length form of real documents.

Part C adds what parts A and B lack: internal rules written as numbered articles (内部事务信息),
请示 / 送审稿 / 征求意见函 / 会议记录 / 会签单 / 调研报告初稿 in official layout (过程性信息), and
published texts of the same form (规章, 规范性文件, 批复, 办事指南, 公开指南, 公开征求意见公告) as clean
hard negatives.  The pieces are hand-written in ``corpora/tools/passages_c/``; names come from
Faker('zh_CN') with a fixed seed and resident IDs carry a GB 11643 check digit computed by stdnum.

Usage::

    python corpora/tools/make_passages_c.py            # (re)write corpora/passages/part_c.jsonl
    python corpora/tools/make_passages_c.py --stats    # print counts only
    python corpora/tools/make_passages_c.py --out x.jsonl
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from passages_c import clean_a, clean_b, internal, process_a, process_b, process_c  # noqa: E402
from passages_c.common import FAKER_VERSION_USED, SEED, Ctx  # noqa: E402

OUT_PATH = Path(__file__).resolve().parents[1] / "passages" / "part_c.jsonl"
FAMILIES = (("internal", internal), ("process_a", process_a), ("process_b", process_b),
            ("process_c", process_c), ("clean_a", clean_a), ("clean_b", clean_b))

__all__ = ["FAKER_VERSION_USED", "SEED", "generate", "generate_with_groups", "main"]


def generate_with_groups(seed: int = SEED) -> tuple[list[dict], dict[str, str]]:
    """All records (shuffled, with ids) and a map id -> ``family:doc_type`` for grouped splits."""
    ctx = Ctx(seed)
    tagged: list[tuple[str, dict]] = []
    seen: set[str] = set()
    for name, module in FAMILIES:
        for rec in module.build(ctx):
            key = re.sub(r"\s+", "", rec["text"])
            if key in seen:
                continue
            seen.add(key)
            tagged.append((f"{name}:{rec['doc_type']}", rec))
    ctx.rng.shuffle(tagged)
    records, groups = [], {}
    for i, (group, rec) in enumerate(tagged, 1):
        rid = f"PC-{i:04d}"
        records.append({"id": rid, **rec})
        groups[rid] = group
    return records, groups


def generate(seed: int = SEED) -> list[dict]:
    """The corpus exactly as written to ``part_c.jsonl``."""
    return generate_with_groups(seed)[0]


def stats(records: list[dict]) -> str:
    labels = Counter(label for r in records for label in r["labels"])
    combos = Counter("+".join(r["labels"]) or "clean" for r in records)
    lengths = [len(r["text"]) for r in records]
    positives = [r for r in records if r["labels"]]
    multi = sum(len(r["labels"]) > 1 for r in positives)
    lines = [f"total {len(records)}; clean {combos['clean']} (hard negatives {sum(r['hard_negative'] for r in records)})"]
    lines += [f"  {k}: {v}" for k, v in sorted(labels.items())]
    lines.append(f"combinations: {dict(sorted(combos.items()))}")
    lines.append(f"multi-label positives: {multi} of {len(positives)} ({multi / len(positives):.1%})")
    lines.append(f"length min {min(lengths)}, median {statistics.median(lengths)}, max {max(lengths)}")
    lines.append(f"doc types: {len({r['doc_type'] for r in records})}; fields: {dict(Counter(r['field'] for r in records))}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stats", action="store_true", help="print counts, do not write")
    parser.add_argument("--out", type=Path, default=OUT_PATH)
    args = parser.parse_args(argv)
    records = generate()
    print(stats(records))
    if not args.stats:
        with args.out.open("w", encoding="utf-8") as fh:
            for rec in records:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        print(f"wrote {len(records)} records to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
