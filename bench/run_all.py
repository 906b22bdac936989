"""Run every benchmark and development evaluation in one go (``make bench``).

Each script prints its own numbers (ratios measured within one run); nothing here asserts anything.
    python bench/run_all.py            # full sizes (several minutes)
    python bench/run_all.py --quick    # smaller corpora
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    runs = [
        ["bench_speed.py"] + (["--quick"] if quick else []),  # issue 13's table; writes bench/results/bench.json
        ["bench_core.py"] + (["--mb", "1"] if quick else []),
        ["bench_screen.py"] + (["--quick"] if quick else []),
        ["bench_model.py"] + (["--quick"] if quick and _accepts(BENCH / "bench_model.py", "--quick") else []),
        ["bench_dask.py", "--json", str(BENCH / "results" / "dask.json")] + (["--files", "1000"] if quick else []),
        ["bench_web.py"],
    ]
    # On an ordinary machine Python caches each module's bytecode the first time it is imported; this
    # environment may forbid writing it (PYTHONDONTWRITEBYTECODE), and then every measured process would
    # compile the package from source.  Compile it once, as an ordinary first run would.
    print("预编译 reviewer 包的字节码（python -m compileall），与普通安装首次运行后的状态一致。", flush=True)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(BENCH.parent / "reviewer")], check=False)
    failed = 0
    for args in runs:
        print(f"\n===== {' '.join(args)} =====", flush=True)
        failed += subprocess.run([sys.executable, str(BENCH / args[0]), *args[1:]]).returncode != 0
    return 1 if failed else 0


def _accepts(script: Path, flag: str) -> bool:
    return flag in script.read_text(encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
