"""Shared driver: combine a label's phrase pieces with slot values and a register wrapper."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from .common import FIELDS, Filler, expand, pick
from .registers import REGISTERS, WRAPPERS, multi_item

Piece = tuple[str | None, str]  # (field or None for "any field", template)
Context = str | tuple[tuple[str, ...], str]  # lead/reason: any field, or (fields it fits, template)

DEFAULT_WEIGHTS = {"online_form": 3, "letter": 3, "lawyer": 1, "email": 2, "terse": 2, "multi_item": 2}
TERSE_MAX = 70


@dataclass
class LabelSpec:
    """Everything a label module contributes.

    ``cores`` are the hand-written request bodies; ``kind`` says whether they are noun phrases
    ("noun": wrappers add a verb such as 申请公开) or complete sentences ("clause").  ``short`` are
    extra one-liners for the terse register; ``items`` are list entries for multi-item requests
    (defaults to ``cores``); ``leads`` are optional label-specific context sentences placed before
    the body with probability ``lead_p``; ``frames`` override the noun frames; ``item_heads`` the list
    headings; ``intros`` the self-introductions (default: all of ``registers.SELF_INTROS``);
    ``reasons`` are longer background paragraphs added to letters, e-mails and lists.
    """

    label: str
    cores: Sequence[Piece]
    kind: str = "noun"
    short: Sequence[Piece] = ()
    items: Sequence[Piece] = ()
    leads: Sequence[Context] = ()
    lead_p: float = 0.4
    frames: Sequence[str] | None = None
    weights: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    item_count: tuple[int, int] = (2, 4)
    item_heads: Sequence[str] = ()
    intros: Sequence[str] | None = None
    reasons: Sequence[Context] = ()
    reason_p: float = 0.45


def _fitting(rng: random.Random, entries: Sequence[Context], fld: str) -> str:
    """Pick a lead/reason that fits ``fld`` (plain strings fit every field); "" if none fits."""
    fits = [e if isinstance(e, str) else e[1] for e in entries if isinstance(e, str) or fld in e[0]]
    return pick(rng, fits) if fits else ""


def _choose_register(rng: random.Random, weights: dict[str, int]) -> str:
    names = [r for r in REGISTERS if weights.get(r, 0) > 0]
    return rng.choices(names, weights=[weights[r] for r in names])[0]


def _multi_items(rng: random.Random, spec: LabelSpec, first: Piece, fld: str) -> list[str]:
    pool = list(spec.items or spec.cores)
    same = [p for p in pool if p[0] in (fld, None) and p[1] != first[1]]
    others = [p for p in pool if p[1] != first[1]]
    k = rng.randint(*spec.item_count)
    chosen = [first[1]] if not spec.items else []
    if len(same) + len(chosen) >= 2:  # keep one request within one field where possible
        source, k = same, min(k, len(same) + len(chosen))
    else:
        source = others
    rng.shuffle(source)
    for _, tpl in source:
        if len(chosen) >= k:
            break
        if tpl not in chosen:
            chosen.append(tpl)
    return chosen


def build_one(rng: random.Random, filler: Filler, spec: LabelSpec, core: Piece, register: str) -> dict:
    """Render one request of ``spec.label`` around ``core`` in ``register``."""
    if register == "terse":
        pool = [p for p in list(spec.short) + list(spec.cores) if len(p[1]) <= TERSE_MAX]
        if core not in pool or rng.random() < 0.4:
            core = pick(rng, pool) if pool else core
    fld = core[0] or pick(rng, FIELDS)
    ctx = filler.context(rng, fld)
    lead = ""
    if spec.reasons and register in ("letter", "lawyer", "email", "multi_item") and rng.random() < spec.reason_p:
        lead = _fitting(rng, spec.reasons, fld)
        if register in ("letter", "lawyer") and rng.random() < 0.3:  # a longer story now and then
            second = _fitting(rng, spec.reasons, fld)
            lead = lead + ("" if second == lead else second)
    if not lead and spec.leads and register != "terse" and rng.random() < spec.lead_p:
        lead = _fitting(rng, spec.leads, fld)
    if register == "multi_item":
        items = _multi_items(rng, spec, core, fld)
        if spec.items:  # separate list entries: the core becomes the narrative before the list
            lead = lead + core[1]
        text = multi_item(rng, ctx, items, spec.kind, lead, spec.item_heads, spec.intros)
    else:
        text = WRAPPERS[register](rng, ctx, core[1], spec.kind, lead, spec.frames, spec.intros)
    text = expand(text, rng, ctx).strip()
    return {"text": text, "label": spec.label, "field": fld, "register": register}


def generate(rng: random.Random, filler: Filler, spec: LabelSpec, n: int) -> list[dict]:
    """Return ``n`` requests, cycling through the shuffled cores (terse lines may swap in a short piece)."""
    cores = list(spec.cores)
    rng.shuffle(cores)
    out = []
    for i in range(n):
        register = _choose_register(rng, spec.weights)
        out.append(build_one(rng, filler, spec, cores[i % len(cores)], register))
    return out
