"""Generate the request-triage seed corpus (``corpora/requests/seed.jsonl``).

Each label module in ``corpora/tools/requests/`` (``lbl_*.py``) holds hand-written phrase pieces
for one label and a ``generate(rng, filler, n)`` function; this script runs them with one seeded
``random.Random`` and one seeded Faker, removes duplicate texts, shuffles, drops near-duplicates
(character 5-gram Jaccard ≥ 0.5 with an earlier kept record: ``reviewer.model.corpus.near_duplicate_keep``),
numbers the records ``RQ-0001`` … and writes UTF-8 JSON Lines.  Output is deterministic for a given Faker
version (pinned in the dev dependencies).

    .venv/bin/python corpora/tools/make_requests.py            # write the corpus
    .venv/bin/python corpora/tools/make_requests.py --stats    # print counts only
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import random
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

TOOLS = Path(__file__).resolve().parent
OUT_PATH = TOOLS.parent / "requests" / "seed.jsonl"
PACKAGE_NAME = "request_corpus_gen"  # avoids clashing with the PyPI ``requests`` package

# label module -> number of requests to generate
TARGETS = {
    "lbl_ordinary": 110,
    "lbl_petition": 80,
    "lbl_consultation": 80,
    "lbl_needs_creation": 80,
    "lbl_publication": 76,
    "lbl_special_procedure": 78,
    "lbl_not_gov_info": 80,
    "lbl_confirm": 76,
    "lbl_correction": 80,
}
MIN_CHARS, MAX_CHARS = 8, 640


def load_package() -> ModuleType:
    """Import ``corpora/tools/requests`` under a private name and return it."""
    if PACKAGE_NAME in sys.modules:
        return sys.modules[PACKAGE_NAME]
    init = TOOLS / "requests" / "__init__.py"
    spec = importlib.util.spec_from_file_location(PACKAGE_NAME, init, submodule_search_locations=[str(init.parent)])
    assert spec and spec.loader
    package = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE_NAME] = package
    spec.loader.exec_module(package)
    return package


def build_corpus(seed: int | None = None, dedup: bool = True) -> list[dict]:
    """Return the full list of request records (ids assigned), deterministic for ``seed``.

    ``dedup=False`` keeps the near-duplicates (the corpus as it was generated before they were dropped).
    """
    package = load_package()
    common = importlib.import_module(f"{PACKAGE_NAME}.common")
    seed = common.SEED if seed is None else seed
    rng = random.Random(seed)
    filler = common.Filler(seed)
    seen: set[str] = set()
    records: list[dict] = []
    for name in package.LABEL_MODULES:
        module = importlib.import_module(f"{PACKAGE_NAME}.{name}")
        want, got, rounds = TARGETS[name], [], 0
        while len(got) < want and rounds < 20:
            for rec in module.generate(rng, filler, want - len(got)):
                if rec["text"] not in seen and MIN_CHARS <= len(rec["text"]) <= MAX_CHARS:
                    seen.add(rec["text"])
                    got.append(rec)
            rounds += 1
        records.extend(got)
    rng.shuffle(records)
    if dedup:
        from reviewer.model.corpus import near_duplicate_keep

        records = [records[i] for i in near_duplicate_keep([r["text"] for r in records])]
    return [{"id": f"RQ-{i:04d}", **rec} for i, rec in enumerate(records, 1)]


def write_jsonl(records: list[dict], path: Path) -> None:
    """Write ``records`` as UTF-8 JSON Lines."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")


def print_stats(records: list[dict]) -> None:
    """Print label, field and register counts and length range."""
    for key in ("label", "field", "register"):
        print(f"== {key}")
        for value, count in sorted(Counter(r[key] for r in records).items(), key=lambda kv: -kv[1]):
            print(f"  {value:28s} {count}")
    lengths = sorted(len(r["text"]) for r in records)
    print(f"== total {len(records)}; length min {lengths[0]}, median {lengths[len(lengths) // 2]}, max {lengths[-1]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stats", action="store_true", help="print counts only, do not write")
    parser.add_argument("--out", type=Path, default=OUT_PATH)
    args = parser.parse_args(argv)
    records = build_corpus()
    print_stats(records)
    if not args.stats:
        write_jsonl(records, args.out)
        print(f"wrote {len(records)} records to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
