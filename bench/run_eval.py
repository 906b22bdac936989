"""All evaluations on the real development cases in ../shared/dev (``make eval``; skipped when absent)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent


def main() -> int:
    failed = 0
    for script in ("eval_screen_dev.py", "eval_review_dev.py", "eval_dev.py"):
        print(f"\n===== {script} =====", flush=True)
        failed += subprocess.run([sys.executable, str(BENCH / script)]).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
