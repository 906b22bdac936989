"""Write the JSON output of ``reviewer screen`` over a fixed set of inputs, to compare two checkouts.

The inputs: the speed benchmark's generated corpus (seed 2024, 3.1 MB, and seed 7, 1 MB), every corpus
passage (one file each, plus 40 files of five passages joined), every example document and the seed work
reports (/work/shared/seeds, skipped when absent).  Each is screened with and without the classifier, in
one process (``--format jsonl``), and with ``--out`` and two jobs; the outputs go to OUT_DIR as
``<set>-<mode>.jsonl`` sorted by path, so two OUT_DIRs compare with ``diff -r``.

    python bench/screen_outputs.py OUT_DIR [--project DIR]     # --project: measure another checkout
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))

ENTRY = "from reviewer.cli.app import main; main()"
SEEDS = BENCH_DIR.parent.parent / "shared" / "seeds"


def build_inputs(work: Path, seeds: Path = SEEDS) -> dict[str, Path]:
    from bench_speed import generate_documents

    sets: dict[str, Path] = {}
    generate_documents(work / "bench2024", 3.1, 2024)
    generate_documents(work / "bench7", 1.0, 7)
    sets["bench2024"], sets["bench7"] = work / "bench2024", work / "bench7"
    passages = work / "passages"
    passages.mkdir()
    texts = []
    for path in sorted((BENCH_DIR.parent / "corpora" / "passages").glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for i, text in enumerate(texts):
        (passages / f"p{i:05d}.txt").write_text(text, encoding="utf-8")
    rng = random.Random(7)
    for i in range(40):
        (passages / f"joined{i:03d}.txt").write_text("\n".join(rng.sample(texts, 5)), encoding="utf-8")
    sets["passages"] = passages
    examples = work / "examples"
    shutil.copytree(BENCH_DIR.parent / "examples", examples)
    sets["examples"] = examples
    if seeds.is_dir():
        shutil.copytree(seeds, work / "seeds")
        sets["seeds"] = work / "seeds"
    return sets


def run(project: Path, env: dict, args: list[str]) -> str:
    proc = subprocess.run([sys.executable, "-c", ENTRY, *args], cwd=project, env=env, capture_output=True,
                          text=True)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return proc.stdout


def canonical(lines: list[str]) -> str:
    records = [json.loads(line) for line in lines if line.strip()]
    for r in records:  # what changes from run to run
        r.pop("run_id", None)
        r.pop("screened_at", None)
    records.sort(key=lambda r: r.get("path", ""))
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--project", type=Path, default=BENCH_DIR.parent)
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="folder of seed texts (default: ../shared/seeds)")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="reviewer-outputs-") as tmp:
        work = Path(tmp)
        env = dict(os.environ, PYTHONPATH=str(project), PYTHONIOENCODING="utf-8")
        sets = build_inputs(work / "in", args.seeds)
        for name, folder in sets.items():
            for mode, extra in (("model", []), ("nomodel", ["--no-model"])):
                out = run(project, env, ["screen", str(folder), "--format", "jsonl", *extra])
                text = canonical(out.splitlines()).replace(str(folder), "<IN>")
                (args.out / f"{name}-{mode}.jsonl").write_text(text, encoding="utf-8")
            batch = work / f"batch-{name}"
            run(project, env, ["screen", str(folder), "--out", str(batch), "--jobs", "2"])
            found = sorted(p.relative_to(batch) for p in batch.rglob("*") if p.is_file() and p.suffix == ".jsonl")
            for rel in found:
                text = canonical((batch / rel).read_text(encoding="utf-8").splitlines())
                text = text.replace(str(folder), "<IN>")
                (args.out / f"{name}-batch-{str(rel).replace('/', '_')}").write_text(text, encoding="utf-8")
            print(name, "done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
