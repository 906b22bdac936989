"""Benchmark of the screening core (issue 2), measured in one run on one generated corpus, one core:

* bare ``jieba.lcut`` throughput (MB/s) — the reference;
* ``Screener.screen_text`` throughput, rules only and rules + classifier, as ratios to bare jieba
  (goal ≥ 0.8 for what ``reviewer screen`` does);
* the keyword-matching rate of the Aho-Corasick automaton alone (MB/s);
* ``normalize`` throughput (MB/s).

    python bench/bench_core.py [--mb 4] [--seed 2024]

Numbers only, no assertions (the machines are shared and noisy; timings vary run to run).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR))
sys.path.insert(0, str(BENCH_DIR.parent))


def _pin_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        try:
            os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
        except OSError:
            pass


def _timed(fn, texts) -> float:
    started = time.perf_counter()
    for text in texts:
        fn(text)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="审查核心的性能基准（单核）。")
    parser.add_argument("--mb", type=float, default=4.0, help="语料大小（MB，默认 4）")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    _pin_one_core()

    from gen_corpus import document

    rng = random.Random(args.seed)
    texts: list[str] = []
    size = 0
    while size < args.mb * 1024 * 1024:
        text = document(rng, rng.randint(800, 6000))
        texts.append(text)
        size += len(text.encode("utf-8"))
    mb = size / 1024 / 1024
    print(f"语料：{len(texts)} 篇，{mb:.1f} MB（种子 {args.seed}），单核")

    import jieba

    from reviewer.screen.screening import Screener
    from reviewer.text.normalize import normalize
    from reviewer.text.segment import get_tokenizer

    get_tokenizer()  # load dictionaries before timing
    jieba.setLogLevel(60)
    jieba.initialize()
    screener = Screener()
    screener.screen_text(texts[0])  # warm-up

    t_jieba = _timed(jieba.lcut, texts)
    t_norm = _timed(normalize, texts)
    from reviewer.detect.recognizers import scan_form

    automaton = screener.detector._automaton
    norm_texts = [scan_form(normalize(t).text) for t in texts]
    started = time.perf_counter()
    hits = 0
    for text in norm_texts:
        for _ in automaton.iter(text):
            hits += 1
    t_kw = time.perf_counter() - started
    t_rules = _timed(screener.screen_text, texts)

    print(f"bare jieba.lcut：{mb / t_jieba:.2f} MB/s")
    print(f"normalize：{mb / t_norm:.1f} MB/s")
    print(f"关键词匹配（Aho-Corasick，{len(screener.rules)} 条规则）：{mb / t_kw:.1f} MB/s，命中 {hits} 次")
    print(f"reviewer screen（仅规则）：{mb / t_rules:.2f} MB/s，与 jieba 之比 {t_jieba / t_rules:.2f}（目标 ≥ 0.8）")

    from reviewer.model.loader import load_grounds_model

    model, warning = load_grounds_model()
    if model is None:
        print(f"分类器不可用，跳过：{warning}")
        return 0
    with_model = Screener(grounds_model=model)
    with_model.screen_text(texts[0])
    t_model = _timed(with_model.screen_text, texts)
    print(f"reviewer screen（规则 + 分类器）：{mb / t_model:.2f} MB/s，与 jieba 之比 {t_jieba / t_model:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
