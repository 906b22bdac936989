"""``Screener.warm_up`` loads before a fork what screening would otherwise load lazily in every worker."""

from __future__ import annotations

import subprocess
import sys

CODE = """
import sys
import reviewer.text.segment as seg
from reviewer.screen.screening import Screener

screener = Screener()
assert seg._segmenter is None and seg._frequencies is None and "stdnum.cn.ric" not in sys.modules
screener.warm_up()
assert seg._segmenter is not None and seg._frequencies is not None and "stdnum.cn.ric" in sys.modules

class Broken:
    classes_ = ["privacy"]
    def predict_proba(self, texts):
        raise RuntimeError("broken model")

broken = Screener(grounds_model=Broken())
broken.warm_up()  # never raises: warming up is only a speed-up
print("ok")
"""


def test_warm_up_loads_lazy_resources_and_never_raises():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ok"
