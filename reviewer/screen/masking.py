"""Masking of personal data in text shown or stored: the privacy rules screening uses, applied to a
whole text (identity numbers, phones, bank cards, e-mails, passports, licence plates, street addresses)."""

from __future__ import annotations

import threading

__all__ = ["ITEM_MASKED_ENTITIES", "MASKED_ENTITIES", "mask_personal"]

MASKED_ENTITIES = frozenset({"cn_resident_id", "cn_mobile", "cn_landline", "bank_card", "bank_account", "email", "passport",
                             "license_plate", "address"})
_lock = threading.Lock()
_screener = None


def _privacy_screener():
    global _screener
    with _lock:
        if _screener is None:
            from reviewer.screen.screening import Screener

            _screener = Screener()
        return _screener


# What a requested item's text keeps unmasked: the place it is about ("示例村5组村民会议决议", "示例路18号的征收决定")
# is its subject, and the letter quotes it; personal numbers are still masked.
ITEM_MASKED_ENTITIES = MASKED_ENTITIES - {"address"}


def mask_personal(text: str, entities: frozenset[str] = MASKED_ENTITIES) -> str:
    """``text`` with every personal-data span of ``entities`` (default :data:`MASKED_ENTITIES`) masked (original
    characters kept only as far as :func:`reviewer.detect.findings.mask` keeps them)."""
    if not text:
        return text or ""
    from reviewer.detect.findings import mask

    result = _privacy_screener().screen_text(text)
    spans = sorted({(f.start, f.end, f.entity) for f in result.findings
                    if f.entity in entities and f.end > f.start}, reverse=True)
    out = text
    last_start = len(text) + 1
    for start, end, entity in spans:
        if end > last_start:  # overlapping spans: the later one already covers it
            continue
        out = out[:start] + mask(out[start:end], entity) + out[end:]
        last_start = start
    return out
