"""Two processes creating the store and writing reviews at the same time lose nothing."""

from __future__ import annotations

import datetime as dt
import multiprocessing

from reviewer.store.db import open_store

SAVES = 25
TEXT = ("申请人：{name}，联系电话1391234567{n}。\n申请公开示例市2025年城镇老旧小区改造项目资金分配方案。\n"
        "获取方式：电子邮件。")


def _worker(db_path: str, name: str, n: int, barrier, results) -> None:
    from reviewer.app.pipeline import ReviewOptions, run_review

    outcome = run_review(TEXT.format(name=name, n=n), ReviewOptions(use_model=False, received=dt.date(2026, 4, 1)))
    barrier.wait(timeout=120)  # both processes open the (not yet created) store together
    store = open_store(db_path)
    try:
        numbers = [store.save_review(outcome) for _ in range(SAVES)]
    finally:
        store.close()
    results.put((name, numbers))


def test_two_processes_saving_reviews_lose_nothing(tmp_path):
    from reviewer.text.segment import get_tokenizer

    get_tokenizer()  # load jieba once; forked workers inherit it
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(2)
    results = ctx.Queue()
    db = tmp_path / "shared.sqlite"
    workers = [ctx.Process(target=_worker, args=(str(db), name, n, barrier, results))
               for n, name in enumerate(("林晓", "赵磊"))]
    for w in workers:
        w.start()
    collected = dict(results.get(timeout=90) for _ in workers)
    for w in workers:
        w.join(timeout=60)
        assert w.exitcode == 0
    with open_store(db) as store:
        assert store.db["requests"].count == 2 * SAVES
        assert store.db["reviews"].count == 2 * SAVES
        assert store.db["request_search"].count == 2 * SAVES
        numbers = [r["number"] for r in store.db["requests"].rows_where(order_by="seq")]
        assert numbers == [f"2026-{i:04d}" for i in range(1, 2 * SAVES + 1)]
        assert sorted(collected["林晓"] + collected["赵磊"]) == numbers
        assert store.applied_migrations == ["0001_initial", "0002_search_index", "0003_procedure_log",
                                           "0004_finding_feedback"]
        per_applicant = {row["name"]: store.db["requests"].count_where("applicant_id = ?", [row["id"]])
                         for row in store.db["applicants"].rows}
        assert per_applicant == {"林晓": SAVES, "赵磊": SAVES}
