"""The channel feeds the receipt rule (第三十一条) and a receipt date on a rest day is warned about."""

from __future__ import annotations

import datetime as dt

from reviewer.app.pipeline import ReviewOptions, run_review
from reviewer.decide.deadline import compute_deadline

REQUEST = "申请人：林晓\n联系电话：13800000000\n申请公开：示例市2025年老旧小区改造资金分配方案\n获取方式：电子邮件"


def test_receipt_on_a_rest_day_is_warned_about():
    saturday = compute_deadline(dt.date(2026, 11, 21), today=dt.date(2026, 11, 23))
    assert any("休息日或法定节假日" in w for w in saturday.warnings)
    holiday = compute_deadline(dt.date(2026, 10, 2), today=dt.date(2026, 10, 9))
    assert any("休息日或法定节假日" in w for w in holiday.warnings)
    # 2026-10-10 is a Saturday made a working day (调休): no warning.
    assert not any("休息日" in w for w in compute_deadline(dt.date(2026, 10, 10), today=dt.date(2026, 10, 12)).warnings)


def test_online_channel_applies_article_31():
    outcome = run_review(REQUEST, ReviewOptions(use_model=False, received=dt.date(2026, 11, 20), channel="网络",
                                                today=dt.date(2026, 11, 20)))
    assert any("双方确认" in w or "确认记录" in w for w in outcome.to_dict()["warnings"])
    plain = run_review(REQUEST, ReviewOptions(use_model=False, received=dt.date(2026, 11, 20),
                                              today=dt.date(2026, 11, 20)))
    assert not any("确认记录" in w for w in plain.to_dict()["warnings"])
