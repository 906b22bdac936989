"""信息处理费 (第四十二条; 《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号) — the national tiers.

按件计收 (第四条): per applicant and calendar month, items 1–10 free; items 11–30: 100 元/件; from item 31,
every band of 10 items costs 100 元/件 more (31–40: 200, 41–50: 300, …).  The band reading is the common one
(ogi-law.md §5.2 item 12) and is marked there as unverified against an official explanation.
按量计收 (第五条): pages 1–30 free; 31–100: 10 元/页; 101–200: 20 元/页; from 201: 40 元/页.
An office chooses one standard per application, never both (第三条).
"""

from __future__ import annotations

from dataclasses import dataclass, field

BASIS = "《中华人民共和国政府信息公开条例》第四十二条、《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"
PAY_WITHIN_WORKDAYS = 20


@dataclass
class FeeQuote:
    method: str  # 按件计收 | 按量计收
    quantity: int
    amount: int  # 元
    bands: list[tuple[str, int, int, int]] = field(default_factory=list)  # (label, count, unit price, subtotal)

    def lines(self) -> list[str]:
        unit = "件" if self.method == "按件计收" else "页"
        out = [f"{label}：{count}{unit}×{price}元/{unit}＝{sub}元" for label, count, price, sub in self.bands if count]
        return out or [f"{self.quantity}{unit}，在免费范围内"]


def per_item(items_this_month: int) -> FeeQuote:
    """按件计收 for the ``items_this_month``-th item count of one applicant in one calendar month."""
    n = _count(items_this_month, "件数")
    bands = [("第1—10件", min(n, 10), 0, 0)]
    if n > 10:
        count = min(n, 30) - 10
        bands.append(("第11—30件", count, 100, count * 100))
    low = 31
    while n >= low:
        high = low + 9
        count = min(n, high) - low + 1
        price = 100 * ((low - 31) // 10 + 2)
        bands.append((f"第{low}—{high}件", count, price, count * price))
        low = high + 1
    return FeeQuote("按件计收", n, sum(b[3] for b in bands), bands)


def per_page(pages: int) -> FeeQuote:
    """按量计收 for ``pages`` pages of one application."""
    n = _count(pages, "页数")
    tiers = [("第1—30页", 1, 30, 0), ("第31—100页", 31, 100, 10), ("第101—200页", 101, 200, 20),
             ("第201页及以上", 201, None, 40)]
    bands = []
    for label, low, high, price in tiers:
        if n >= low:
            count = (min(n, high) if high else n) - low + 1
            bands.append((label, count, price, count * price))
    return FeeQuote("按量计收", n, sum(b[3] for b in bands), bands)


def _count(value, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{what}应为不小于 0 的整数，收到“{value}”")
    return value
