"""Save screenshots of the main web pages under docs/screenshots/ (issue 14).

Runs the browser tests (headless Chromium) with REVIEWER_SCREENSHOTS set: the review form, the result
page with a highlighted finding, the suggestion, the editable letter, the cases list and a batch report.

    python bench/screenshots.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    out = ROOT / "docs" / "screenshots"
    env = dict(os.environ, REVIEWER_SCREENSHOTS=str(out))
    code = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-k",
                           "review_flow or batch_runs", str(ROOT / "tests" / "test_web_browser.py")],
                          env=env, cwd=ROOT).returncode
    print("\n".join(sorted(str(p.relative_to(ROOT)) for p in out.glob("*.png"))))
    return code


if __name__ == "__main__":
    sys.exit(main())
